// @ts-check
/// <reference lib="es2022" />
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// sphinx-careerblog reflections: moving answers, as pure logic (no DOM): from the
// version 1 storage keys, and to and from a file the reader keeps. Unit-tested with
// `node --test tests/js/`; builds on careerblog-checklist-core.js.
"use strict";

/**
 * @typedef {{added: number, updated: number, kept: number, reviews: number,
 *   problem: SaveResult}} ImportSummary
 */

globalThis.cbTransferCore = (() => {
  const core = globalThis.cbChecklistCore;
  const { escapePart, unescapePart, loadAnswers, saveAnswers, parseAnswers, readAnswers } = core;
  const { isEmpty, isText, copy, time, fill, plural, emptyAnswers } = core;
  const MAX_CHECKLISTS = 10000;

  /** Storage keys under `prefix`, each split into its escaped parts. @param {SafeStore} store @param {string} prefix */
  function ownKeys(store, prefix) {
    const head = escapePart(prefix) + ":";
    return store
      .keys()
      .filter((key) => key.startsWith(head))
      .sort()
      .map((key) => ({ key, parts: key.slice(head.length).split(":") }));
  }

  /**
   * Version 1 kept one key per answer (`<prefix>:<doc>:<id>:<hash>` = "1" and
   * `…:notes`); fold them into version 2 records. An old key is removed only once its
   * record is saved, so a full storage loses nothing.
   * @param {SafeStore} store @param {string} prefix
   * @returns {{moved: number, problem: SaveResult}}
   */
  function migrate(store, prefix) {
    /** @type {Map<string, {doc: string, id: string, keys: string[], ticks: string[], notes: string}>} */
    const found = new Map();
    for (const { key, parts } of ownKeys(store, prefix)) {
      if (parts.length !== 3) continue;
      const [doc, id, part] = parts.map(unescapePart);
      const value = store.get(key);
      const name = parts[0] + ":" + parts[1];
      const entry = found.get(name) ?? { doc, id, keys: [], ticks: [], notes: "" };
      found.set(name, entry);
      entry.keys.push(key);
      if (part === "notes" && value) entry.notes = value;
      else if (value === "1") entry.ticks.push(part);
    }
    let moved = 0;
    /** @type {SaveResult} */
    let problem = "ok";
    for (const entry of Array.from(found.values())) {
      const answers = loadAnswers(store, prefix, entry.doc, entry.id);
      for (const hash of entry.ticks) answers.ticks[hash] ??= "";
      answers.notes ||= entry.notes;
      const result = saveAnswers(store, prefix, entry.doc, entry.id, answers);
      if (result !== "ok") {
        problem = result;
        continue;
      }
      for (const key of entry.keys) store.set(key, null);
      moved += entry.keys.length;
    }
    return { moved, problem };
  }

  /**
   * Every checklist's answers under `prefix`, for a file the reader keeps.
   * @param {SafeStore} store @param {string} prefix @param {string} now
   */
  function exportAnswers(store, prefix, now) {
    /** @type {Record<string, Answers>} */
    const checklists = {};
    for (const { key, parts } of ownKeys(store, prefix)) {
      const answers = parts.length === 2 ? parseAnswers(store.get(key)) : null;
      if (answers) checklists[parts.join(":")] = answers;
    }
    return { format: core.FORMAT, version: core.SCHEMA, exported: now, checklists };
  }

  /**
   * The checklists of an export file (version 1 or 2), validated; throws otherwise.
   * @param {string} text
   * @returns {Record<string, Answers>}
   */
  function parseExport(text) {
    const data = JSON.parse(text);
    if (!data || data.format !== core.FORMAT) throw new Error("not a reflections export");
    const checklists = data.version === 1 ? fromVersion1(data.entries) : data.checklists;
    if (data.version !== 1 && data.version !== core.SCHEMA) throw new Error("unknown version");
    if (!checklists || typeof checklists !== "object" || Array.isArray(checklists)) {
      throw new Error("no checklists");
    }
    const entries = Object.entries(checklists);
    if (entries.length > MAX_CHECKLISTS) throw new Error("too many checklists");
    /** @type {Record<string, Answers>} */
    const result = {};
    for (const [name, value] of entries) {
      const answers = readAnswers(value);
      if (!answers || name.split(":").length !== 2) throw new Error("bad checklist " + name);
      result[name] = answers;
    }
    return result;
  }

  /** Version 1 files: `{"<doc>:<id>:<hash>": "1", "<doc>:<id>:notes": text}`. @param {unknown} entries */
  function fromVersion1(entries) {
    if (!entries || typeof entries !== "object" || Array.isArray(entries)) throw new Error("no entries");
    /** @type {Record<string, Answers>} */
    const checklists = {};
    for (const [key, value] of Object.entries(entries)) {
      const parts = key.split(":");
      const notes = parts[2] === "notes";
      if (parts.length !== 3 || !isText(value) || (!notes && value !== "1")) throw new Error("bad entry");
      const name = parts[0] + ":" + parts[1];
      const answers = (checklists[name] ??= emptyAnswers());
      if (notes) answers.notes = value;
      else answers.ticks[parts[2]] = "";
    }
    return checklists;
  }

  /**
   * Merge imported answers into ours. The newer side (by `updated`) gives the current
   * ticks and notes; earlier reviews of both are kept.
   * @param {Answers} ours @param {Answers} theirs
   * @returns {{answers: Answers, outcome: "added" | "updated" | "kept" | "same", reviews: number}}
   */
  function mergeAnswers(ours, theirs) {
    const seen = new Set(ours.reviews.map((review) => JSON.stringify(review)));
    const newReviews = theirs.reviews.filter((review) => !seen.has(JSON.stringify(review)));
    const reviews = [...ours.reviews, ...newReviews].sort((a, b) => time(a.date) - time(b.date));
    const current = (/** @type {Answers} */ answers) =>
      JSON.stringify([answers.ticks, answers.notes]);
    if (isEmpty(ours)) {
      return { answers: { ...copy(theirs), reviews }, outcome: "added", reviews: 0 };
    }
    /** @type {"updated" | "kept" | "same"} */
    let outcome = "same";
    let answers = { ...copy(ours), reviews };
    if (current(ours) !== current(theirs)) {
      outcome = time(theirs.updated) > time(ours.updated) ? "updated" : "kept";
      if (outcome === "updated") answers = { ...copy(theirs), reviews };
    }
    return { answers, outcome, reviews: newReviews.length };
  }

  /**
   * Merge a whole export into storage.
   * @param {SafeStore} store @param {string} prefix @param {Record<string, Answers>} checklists
   * @returns {ImportSummary}
   */
  function importAnswers(store, prefix, checklists) {
    /** @type {ImportSummary} */
    const summary = { added: 0, updated: 0, kept: 0, reviews: 0, problem: "ok" };
    for (const [name, theirs] of Object.entries(checklists)) {
      const [doc, id] = name.split(":").map(unescapePart);
      const merged = mergeAnswers(loadAnswers(store, prefix, doc, id), theirs);
      if (merged.outcome === "kept") summary.kept += 1;
      if (merged.outcome === "same" && merged.reviews === 0) continue;
      if (merged.outcome === "added" && isEmpty(merged.answers)) continue;
      const result = saveAnswers(store, prefix, doc, id, merged.answers);
      if (result !== "ok") {
        summary.problem = result;
        break;
      }
      if (merged.outcome === "added") summary.added += 1;
      if (merged.outcome === "updated") summary.updated += 1;
      summary.reviews += merged.reviews;
    }
    return summary;
  }

  /**
   * What an import did, in the page's words ("Imported: 2 checklists added, ...").
   * @param {Record<string, Label>} labels @param {ImportSummary} summary
   */
  function importText(labels, summary) {
    /** @type {string[]} */
    const parts = [];
    for (const name of /** @type {const} */ (["added", "updated", "kept", "reviews"])) {
      const count = summary[name];
      if (count > 0) parts.push(fill(plural(labels[name], count), { count }));
    }
    if (parts.length === 0) return plural(labels.nothing, 0);
    return fill(plural(labels.imported, parts.length), { parts: parts.join(", ") });
  }

  return { migrate, exportAnswers, parseExport, mergeAnswers, importAnswers, importText };
})();
