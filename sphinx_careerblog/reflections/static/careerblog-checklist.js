// @ts-check
/// <reference lib="es2022" />
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// sphinx-careerblog reflection checklists on the page: ticks, notes, reviews, the
// reflectionlist dashboard, and moving answers between browsers with a file. The
// answers stay in this browser; every text shown comes from the page (data-cb-labels).
"use strict";

(() => {
  const core = globalThis.cbChecklistCore;
  const transfer = globalThis.cbTransferCore;
  const script = document.currentScript;
  const prefix = script?.getAttribute("data-cb-storage-prefix") ?? "";
  /** @type {Record<string, Label>} */
  const labels = JSON.parse(script?.getAttribute("data-cb-labels") || "{}");
  const store = core.openStore(() => (prefix ? window.localStorage : null));
  const CHANGED = "cb-answers-changed";

  /** @param {string} name @param {number} [count] */
  function label(name, count = 1) {
    return core.plural(labels[name] ?? "", count);
  }

  /** @param {string} iso */
  function formatDate(iso) {
    const language = document.documentElement.lang || undefined;
    return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(iso));
  }

  /**
   * Tell every other part of the page (and the growth map) that answers changed.
   * @param {EventTarget | null} [source] the part that changed them (it is up to date)
   */
  function announceChange(source = null) {
    document.dispatchEvent(new CustomEvent(CHANGED, { detail: source }));
  }

  /** @param {() => void} refresh @param {EventTarget | null} [self] */
  function onAnswersChanged(refresh, self = null) {
    document.addEventListener(CHANGED, (event) => {
      if (self === null || !(event instanceof CustomEvent) || event.detail !== self) refresh();
    });
    window.addEventListener("storage", refresh);
  }

  /**
   * The first element under `root` matching `selector`, of the given type.
   * @template {Element} T
   * @param {ParentNode} root @param {string} selector @param {new () => T} type
   * @returns {T | null}
   */
  function find(root, selector, type) {
    const found = root.querySelector(selector);
    return found instanceof type ? found : null;
  }

  /** @param {HTMLElement} element */
  function show(element) {
    element.hidden = false;
  }

  /**
   * One checklist: its own prompts and controls (not those of a checklist nested in it).
   * @param {HTMLElement} root
   */
  function setUpChecklist(root) {
    const doc = root.dataset.cbDoc ?? "";
    const id = root.dataset.cbId ?? "";
    const revisit = Number(root.dataset.cbRevisit || 0);
    const items = Array.from(root.querySelectorAll(":scope > .cb-reflection-items > .cb-reflection-item"));
    const prompts = items.flatMap((item) => {
      const box = find(item, ":scope > input[type=checkbox]", HTMLInputElement);
      return box && item instanceof HTMLElement ? [{ box, hash: item.dataset.cbHash ?? "" }] : [];
    });
    const hashes = prompts.map((prompt) => prompt.hash);
    const controls = root.querySelector(":scope > .cb-reflection-controls");
    const progress = controls && find(controls, ".cb-reflection-progress", HTMLElement);
    const reset = controls && find(controls, "button.cb-reflection-reset", HTMLButtonElement);
    const review = controls && find(controls, "button.cb-reflection-review", HTMLButtonElement);
    const status = controls && find(controls, ".cb-reflection-status", HTMLElement);
    const revisitNote = controls && find(controls, ".cb-reflection-revisit", HTMLElement);
    const notes = find(root, ":scope > .cb-reflection-notes textarea", HTMLTextAreaElement);
    if (!progress || !reset || !review || !status || !revisitNote) return;
    let answers = core.loadAnswers(store, prefix, doc, id);

    /** @param {string} text */
    const say = (text) => {
      status.textContent = text;
      show(status);
    };

    const render = () => {
      for (const { box, hash } of prompts) box.checked = Object.hasOwn(answers.ticks, hash);
      if (notes && document.activeElement !== notes) notes.value = answers.notes;
      const done = core.countTicked(answers, hashes);
      progress.textContent = core.progressText(label("progress"), done, hashes.length);
      const days = core.staleDays(answers, revisit, Date.now());
      revisitNote.hidden = days === null;
      revisitNote.textContent = days === null ? "" : core.fill(label("revisit", days), { days });
    };

    /** @param {Answers} next */
    const save = (next) => {
      answers = next;
      const result = core.saveAnswers(store, prefix, doc, id, answers);
      if (result === "quota" || result === "denied") say(label(result));
      render();
      announceChange(root);
    };

    const now = () => new Date().toISOString();
    for (const { box, hash } of prompts) {
      box.addEventListener("change", () => save(core.withTick(answers, hash, box.checked, now())));
    }
    notes?.addEventListener("input", () => save(core.withNotes(answers, notes.value, now())));
    reset.addEventListener("click", () => save(core.withoutTicks(answers, now())));
    review.addEventListener("click", () => {
      const when = now();
      save(core.startReview(answers, hashes, when));
      say(core.fill(label("reviewStarted"), { date: formatDate(when) }));
    });
    onAnswersChanged(() => {
      answers = core.loadAnswers(store, prefix, doc, id);
      render();
    }, root);
    show(progress);
    show(reset);
    show(review);
    if (prefix && !store.ok) say(label("denied"));
    else if (migration.problem === "quota") say(label("quota"));
    render();
  }

  /** One checklist in a reflectionlist: its progress and, in full lists, ☑ marks. @param {HTMLElement} entry */
  function setUpEntry(entry) {
    const hashes = (entry.dataset.cbHashes ?? "").split(" ").filter(Boolean);
    const progress = find(entry, ".cb-reflectionlist-progress", HTMLElement);
    if (!progress) return;
    const render = () => {
      const answers = core.loadAnswers(store, prefix, entry.dataset.cbDoc ?? "", entry.dataset.cbId ?? "");
      const done = core.countTicked(answers, hashes);
      progress.textContent = core.progressText(label("progress"), done, hashes.length);
      for (const item of Array.from(entry.querySelectorAll(".cb-reflection-item"))) {
        const box = find(item, ".cb-reflection-box", HTMLElement);
        const hash = item instanceof HTMLElement ? item.dataset.cbHash ?? "" : "";
        if (box) box.textContent = Object.hasOwn(answers.ticks, hash) ? "☑ " : "☐ ";
      }
    };
    onAnswersChanged(render);
    render();
  }

  /** @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  }

  /** Export and import buttons (in a reflectionlist summary and in the growth map). @param {HTMLElement} box */
  function setUpTransfer(box) {
    const exporter = find(box, "button.cb-answers-export", HTMLButtonElement);
    const importer = find(box, "input.cb-answers-import", HTMLInputElement);
    const status = find(box, ".cb-answers-status", HTMLElement);
    if (!exporter || !importer || !status) return;
    exporter.addEventListener("click", () => {
      const data = transfer.exportAnswers(store, prefix, new Date().toISOString());
      download("reflections.json", "application/json", JSON.stringify(data, null, 1));
    });
    importer.addEventListener("change", async () => {
      const file = importer.files?.[0];
      importer.value = "";
      if (!file) return;
      status.textContent = await importFile(file);
      announceChange();
    });
    show(box);
  }

  /** @param {File} file @returns {Promise<string>} */
  async function importFile(file) {
    if (file.size > 2e6) return label("invalid");
    /** @type {Record<string, Answers>} */
    let checklists;
    try {
      checklists = transfer.parseExport(await file.text());
    } catch {
      return label("invalid");
    }
    const summary = transfer.importAnswers(store, prefix, checklists);
    const text = transfer.importText(labels, summary);
    return summary.problem === "ok" ? text : `${text} ${label(summary.problem === "off" ? "denied" : summary.problem)}`;
  }

  function init() {
    for (const root of Array.from(document.querySelectorAll(".cb-reflection"))) {
      if (root instanceof HTMLElement && root.querySelector(":scope > .cb-reflection-controls")) {
        setUpChecklist(root);
      }
    }
    for (const entry of Array.from(document.querySelectorAll(".cb-reflectionlist-entry"))) {
      if (entry instanceof HTMLElement) setUpEntry(entry);
    }
    for (const box of Array.from(document.querySelectorAll(".cb-reflectionlist-tools, .cb-growthmap-tools"))) {
      if (box instanceof HTMLElement) setUpTransfer(box);
    }
  }

  // answers saved by version 1 of these scripts move to the current schema first
  const migration = prefix ? transfer.migrate(store, prefix) : { moved: 0, problem: "ok" };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
