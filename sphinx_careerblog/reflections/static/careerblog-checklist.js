// @ts-check
// sphinx-careerblog reflection checklists: answers stay in this browser.
"use strict";
(() => {
  const core = globalThis["cbChecklistCore"];
  const prefix = document.currentScript?.getAttribute("data-cb-storage-prefix") || "";
  const store = core.openStore(() => (prefix ? localStorage : null));
  /** @returns {any[]} */
  const all = (r, s) => Array.from(r.querySelectorAll(s));
  const key = (el, part) => core.key(prefix, el.dataset.cbDoc, el.dataset.cbId, part);
  const show = (el, done, total) => {
    el.textContent = core.progressText(el.dataset.cbProgress, done, total);
    el.hidden = false;
  };

  function checklist(root) {
    // own parts only, not a nested checklist's
    const q = (s) => all(root, ":scope>*>" + s)[0];
    const boxes = all(root, ":scope>ul>li>input"), notes = q("textarea"), reset = q(".cb-reflection-reset");
    const warn = () => (q(".cb-reflection-status").hidden = false);
    const hash = (b) => key(root, b.parentElement.dataset.cbHash);
    const update = () => show(q(".cb-reflection-progress"), boxes.filter((b) => b.checked).length, boxes.length);
    const save = (k, v) => store.set(k, v) || !prefix || warn();
    const load = () => {
      for (const b of boxes) b.checked = store.get(hash(b)) === "1";
      if (notes) notes.value = store.get(key(root, "notes")) || "";
      update();
    };
    for (const b of boxes) b.addEventListener("change", () => (save(hash(b), b.checked ? "1" : null), update()));
    notes?.addEventListener("input", () => save(key(root, "notes"), notes.value || null));
    reset.addEventListener("click", () => {
      for (const b of boxes) (b.checked = false), save(hash(b), null);
      update();
    });
    reset.hidden = false;
    if (prefix && !store.ok) warn();
    load();
    return load;
  }

  function entry(li) {
    const hashes = li.dataset.cbHashes.split(" ").filter(Boolean);
    const done = (h) => store.get(key(li, h)) === "1";
    const load = () => {
      show(all(li, ".cb-reflectionlist-progress")[0], hashes.filter(done).length, hashes.length);
      for (const box of all(li, "[data-cb-hash] .cb-reflection-box"))
        box.textContent = done(box.closest("li").dataset.cbHash) ? "☑ " : "☐ ";
    };
    load();
    return load;
  }

  function tools(box, refresh) {
    const status = all(box, "[role=status]")[0], input = all(box, "input")[0];
    box.hidden = false;
    all(box, "button")[0].addEventListener("click", () => {
      const a = document.createElement("a"), json = JSON.stringify(core.collect(store, prefix), null, 1);
      a.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      a.download = "reflections.json";
      document.body.append(a);
      a.click();
      a.remove();
    });
    input.addEventListener("change", async () => {
      const file = input.files[0];
      let text = status.dataset.cbInvalid;
      try {
        if (file.size > 2e6) throw 0;
        const n = core.restore(store, prefix, core.parseExport(await file.text()));
        text = status.dataset.cbImported.replace("{count}", n);
        refresh();
      } catch {}
      status.textContent = text;
      input.value = "";
    });
  }

  function init() {
    const loads = [
      ...all(document, ".cb-reflection").filter((r) => all(r, ".cb-reflection-reset").length).map(checklist),
      ...all(document, ".cb-reflectionlist-entry").map(entry),
    ];
    const refresh = () => loads.forEach((f) => f());
    for (const box of all(document, ".cb-reflectionlist-tools")) tools(box, refresh);
    addEventListener("storage", refresh);
  }
  document.readyState === "loading" ? addEventListener("DOMContentLoaded", init) : init();
})();
