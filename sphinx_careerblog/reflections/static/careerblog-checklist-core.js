// @ts-check
// sphinx-careerblog checklists: pure logic, no DOM (tests/js/*.test.mjs).
"use strict";
globalThis.cbChecklistCore = (() => {
  const FORMAT = "careerblog-reflections";
  const esc = (s) => String(s).replace(/%/g, "%25").replace(/:/g, "%3A");
  // storage key: prefix, document, checklist id, item hash (or "notes")
  const key = (...parts) => parts.map(esc).join(":");
  const progressText = (t, done, total) => t.replace("{done}", done).replace("{total}", total);

  /** Storage that never throws (private mode, full, disabled). @param {() => Storage | null} open */
  function openStore(open) {
    let s = null;
    try {
      (s = open())?.getItem("cb");
    } catch {
      s = null;
    }
    const safe = (f, fallback) => {
      try { return s ? f(s) : fallback; } catch { return fallback; }
    };
    return {
      ok: !!s,
      get: (k) => safe((t) => t.getItem(k), null),
      set: (k, v) => safe((t) => (v === null ? t.removeItem(k) : t.setItem(k, v), true), false),
      keys: () => safe((t) => Array.from({ length: t.length }, (_, i) => t.key(i)), []),
    };
  }

  // export of every answer saved under prefix
  function collect(store, prefix) {
    const entries = {}, p = esc(prefix) + ":";
    for (const k of store.keys().sort()) {
      const rest = k.slice(p.length), v = store.get(k);
      if (k.startsWith(p) && rest.split(":").length === 3 && v !== null) entries[rest] = v;
    }
    return { format: FORMAT, version: 1, entries };
  }

  // entries of an export file, validated; throws otherwise
  function parseExport(text) {
    const data = JSON.parse(text), e = data?.entries, list = Object.entries(e || 0);
    const ok = data.format === FORMAT && data.version === 1 && typeof e === "object" && !Array.isArray(e) &&
      list.length < 1e4 && list.every(([k, v]) => k.length < 500 && k.split(":").length === 3 &&
        typeof v === "string" && v.length < 1e5 && (v === "1" || k.endsWith(":notes")));
    if (!ok) throw new Error("not a reflections export");
    return e;
  }

  // save imported entries; returns how many
  const restore = (store, prefix, entries) =>
    Object.entries(entries).filter(([k, v]) => store.set(esc(prefix) + ":" + k, v)).length;

  return { key, progressText, openStore, collect, parseExport, restore };
})();
