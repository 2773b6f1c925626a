// @ts-check
/// <reference lib="es2022" />
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// sphinx-careerblog growth map: figures per competency and the Markdown export, from the
// map's data and the reader's answers. Pure (no DOM, no storage), unit-tested under Node.
"use strict";

/**
 * @typedef {{date: string, ticks: string[], notes: string}} GrowthReview
 * @typedef {{ticks: Record<string, string>, notes: string, reviews: GrowthReview[]}} GrowthAnswers
 * @typedef {{doc: string, id: string, title: string, source: string, level: string,
 *   url: string, prompts: [string, string][]}} MapChecklist
 * @typedef {{slug: string, title: string, checklists: string[]}} MapCompetency
 * The JSON the page carries (`script.cb-growthmap-data`); checklists are keyed
 * "<doc>\n<id>".
 * @typedef {{competencies: MapCompetency[], checklists: Record<string, MapChecklist>}} GrowthData
 * @typedef {{slug: string, title: string, done: number, total: number,
 *   change: number | null, since: string}} Figure
 * @typedef {(doc: string, id: string) => GrowthAnswers} AnswersOf
 * @typedef {(iso: string) => string} FormatDate
 */

globalThis.cbGrowthCore = (() => {
  /** @param {GrowthAnswers} answers @param {string[]} hashes */
  function ticked(answers, hashes) {
    return hashes.filter((hash) => Object.hasOwn(answers.ticks, hash)).length;
  }

  /** @param {MapChecklist} checklist */
  function hashesOf(checklist) {
    return checklist.prompts.map(([hash]) => hash);
  }

  /**
   * Per competency (in the map's order): ticked prompts over all prompts of its
   * checklists, and the change since the reader's latest earlier review (over the
   * checklists that have one; null when none has).
   * @param {GrowthData} data @param {AnswersOf} answersOf
   * @returns {Figure[]}
   */
  function figures(data, answersOf) {
    return data.competencies.map((competency) => {
      let done = 0;
      let total = 0;
      let change = 0;
      let since = "";
      for (const name of competency.checklists) {
        const checklist = data.checklists[name];
        const answers = answersOf(checklist.doc, checklist.id);
        const hashes = hashesOf(checklist);
        const now = ticked(answers, hashes);
        done += now;
        total += hashes.length;
        const last = answers.reviews.at(-1);
        if (last) {
          change += now - last.ticks.filter((hash) => hashes.includes(hash)).length;
          since = last.date > since ? last.date : since;
        }
      }
      return { slug: competency.slug, title: competency.title, done, total, change: since ? change : null, since };
    });
  }

  /** "+3", "-2", "±0". @param {number} change */
  function signed(change) {
    if (change > 0) return "+" + change;
    if (change < 0) return "\u2212" + Math.abs(change);
    return "\u00b10";
  }

  /** @param {number} done @param {number} total */
  function percent(done, total) {
    return total ? Math.round((100 * done) / total) : 0;
  }

  /** Markdown text, with the characters that would turn into markup escaped. @param {string} text */
  function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>#|]/g, "\\$&");
  }

  /** @param {string} template @param {Record<string, string | number>} values */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  }

  /**
   * One checklist's section of the export.
   * @param {MapChecklist} checklist @param {GrowthAnswers} answers
   * @param {Record<string, string>} labels @param {FormatDate} formatDate
   */
  function checklistMarkdown(checklist, answers, labels, formatDate) {
    const heading = checklist.source ? `${checklist.title} (${checklist.source})` : checklist.title;
    const lines = [`### ${escapeMarkdown(heading)}`, ""];
    if (checklist.level) lines.push(`${labels.mdLevel}: ${escapeMarkdown(checklist.level)}`, "");
    for (const [hash, text] of checklist.prompts) {
      const mark = Object.hasOwn(answers.ticks, hash) ? "x" : " ";
      lines.push(`- [${mark}] ${escapeMarkdown(text)}`);
    }
    lines.push("");
    if (answers.notes.trim()) {
      lines.push(`${labels.mdNotes}:`, "");
      lines.push(...answers.notes.trim().split("\n").map((line) => `> ${escapeMarkdown(line)}`), "");
    }
    if (answers.reviews.length) {
      const hashes = hashesOf(checklist);
      const reviews = answers.reviews.map((review) =>
        fill(labels.mdReview, {
          date: formatDate(review.date),
          done: review.ticks.filter((hash) => hashes.includes(hash)).length,
          total: hashes.length,
        }),
      );
      lines.push(`${labels.mdReviews}: ${reviews.join("; ")}`, "");
    }
    return lines;
  }

  /**
   * The reader's answers as Markdown, grouped by competency, for a one-to-one.
   * @param {GrowthData} data @param {AnswersOf} answersOf
   * @param {Record<string, string>} labels @param {FormatDate} formatDate @param {string} now
   */
  function markdown(data, answersOf, labels, formatDate, now) {
    const lines = [`# ${labels.mdTitle}`, "", fill(labels.mdExported, { date: formatDate(now) }), ""];
    const byCompetency = figures(data, answersOf);
    data.competencies.forEach((competency, index) => {
      const figure = byCompetency[index];
      let summary = fill(labels.progress, { done: figure.done, total: figure.total });
      if (figure.change !== null) {
        summary += ", " + fill(labels.delta, { change: signed(figure.change), date: formatDate(figure.since) });
      }
      lines.push(`## ${escapeMarkdown(competency.title)}: ${summary}`, "");
      if (competency.checklists.length === 0) lines.push(labels.mdNone, "");
      for (const name of competency.checklists) {
        const checklist = data.checklists[name];
        lines.push(...checklistMarkdown(checklist, answersOf(checklist.doc, checklist.id), labels, formatDate));
      }
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
  }

  return { figures, signed, percent, markdown };
})();
