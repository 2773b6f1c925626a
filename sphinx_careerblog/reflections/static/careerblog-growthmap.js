// @ts-check
/// <reference lib="es2022" />
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// sphinx-careerblog growth map on the page: fills in the reader's figures, bars, changes
// since the last review and stale checklists, and offers the answers as Markdown.
// Reads this browser's storage only; every text shown comes from the page.
"use strict";

(() => {
  const core = globalThis.cbChecklistCore;
  const growth = globalThis.cbGrowthCore;
  const labelled = document.querySelector("script[data-cb-labels]");
  const prefix = labelled?.getAttribute("data-cb-storage-prefix") ?? "";
  /** @type {Record<string, Label>} */
  const labels = JSON.parse(labelled?.getAttribute("data-cb-labels") || "{}");
  const store = core.openStore(() => (prefix ? window.localStorage : null));
  /** @type {Record<string, string>} single forms, for the Markdown export */
  const texts = Object.fromEntries(Object.entries(labels).map(([name, text]) => [name, core.plural(text, 1)]));

  /** @param {string} name @param {number} [count] */
  function label(name, count = 1) {
    return core.plural(labels[name] ?? "", count);
  }

  /** @param {string} iso */
  function formatDate(iso) {
    const language = document.documentElement.lang || undefined;
    return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(iso));
  }

  /** @param {string} doc @param {string} id */
  function answersOf(doc, id) {
    return core.loadAnswers(store, prefix, doc, id);
  }

  /** @param {ParentNode} root @param {string} selector */
  function element(root, selector) {
    const found = root.querySelector(selector);
    return found instanceof HTMLElement ? found : null;
  }

  /**
   * @param {HTMLElement} live @param {Figure} figure
   */
  function renderCompetency(live, figure) {
    const slug = CSS.escape(figure.slug);
    const box = element(live, `.cb-growthmap-competency[data-cb-competency="${slug}"]`);
    const column = element(live, `.cb-growthmap-column[data-cb-competency="${slug}"]`);
    const text = core.progressText(label("progress"), figure.done, figure.total);
    const width = `${growth.percent(figure.done, figure.total)}%`;
    if (box) {
      const count = element(box, ".cb-growthmap-count");
      const bar = element(box, ".cb-growthmap-bar");
      const fill = bar && element(bar, ".cb-growthmap-fill");
      const delta = element(box, ".cb-growthmap-delta");
      if (count) count.textContent = text;
      bar?.setAttribute("aria-valuenow", String(figure.done));
      bar?.setAttribute("aria-valuetext", text);
      if (fill) fill.style.width = width;
      if (delta) {
        delta.textContent =
          figure.change === null
            ? ""
            : core.fill(label("delta"), { change: growth.signed(figure.change), date: formatDate(figure.since) });
      }
    }
    const fill = column && element(column, ".cb-growthmap-column-fill");
    const value = column && element(column, ".cb-growthmap-column-value");
    if (fill) fill.style.height = width;
    if (value) value.textContent = text;
  }

  /** A checklist listed in the map: its own progress and, with `revisit`, whether it is stale. @param {HTMLElement} entry */
  function renderEntry(entry) {
    const answers = answersOf(entry.dataset.cbDoc ?? "", entry.dataset.cbId ?? "");
    const hashes = (entry.dataset.cbHashes ?? "").split(" ").filter(Boolean);
    const progress = element(entry, ".cb-growthmap-progress");
    const stale = element(entry, ".cb-growthmap-stale");
    if (progress) {
      progress.textContent = core.progressText(label("progress"), core.countTicked(answers, hashes), hashes.length);
    }
    const days = core.staleDays(answers, Number(entry.dataset.cbRevisit || 0), Date.now());
    if (stale) stale.textContent = days === null ? "" : ` · ${core.fill(label("stale", days), { days })}`;
  }

  /** @param {string} text */
  function downloadMarkdown(text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
    link.download = "my-growth.md";
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  }

  /** @param {HTMLElement} root */
  function setUpMap(root) {
    const live = element(root, ":scope > .cb-growthmap-live");
    const table = element(root, ":scope > .cb-growthmap-static");
    const source = live && element(live, ":scope > script.cb-growthmap-data");
    if (!live || !source) return;
    /** @type {GrowthData} */
    const data = JSON.parse(source.textContent || "{}");
    const status = element(live, ".cb-growthmap-status");

    function render() {
      if (!live) return;
      for (const figure of growth.figures(data, answersOf)) renderCompetency(live, figure);
      for (const entry of Array.from(live.querySelectorAll(".cb-growthmap-entry"))) {
        if (entry instanceof HTMLElement) renderEntry(entry);
      }
    }

    const exportText = () =>
      growth.markdown(data, answersOf, texts, formatDate, new Date().toISOString());
    element(live, "button.cb-growthmap-export-md")?.addEventListener("click", () => downloadMarkdown(exportText()));
    element(live, "button.cb-growthmap-copy-md")?.addEventListener("click", async () => {
      let said = label("copied");
      try {
        await navigator.clipboard.writeText(exportText());
      } catch {
        said = label("copyFailed");
      }
      if (status) status.textContent = said;
    });
    document.addEventListener("cb-answers-changed", render);
    window.addEventListener("storage", render);
    render();
    live.hidden = false;
    if (table) table.hidden = true;
  }

  function init() {
    for (const root of Array.from(document.querySelectorAll(".cb-growthmap"))) {
      if (root instanceof HTMLElement) setUpMap(root);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
