// Loads the pure scripts into one fresh realm, as a page would (no DOM).
import { readFileSync } from "node:fs";
import vm from "node:vm";

const STATIC = new URL("../../sphinx_careerblog/reflections/static/", import.meta.url);

/** @param {...string} names script files, in page order */
export function load(...names) {
  const context = vm.createContext({});
  for (const name of names) vm.runInContext(readFileSync(new URL(name, STATIC), "utf8"), context);
  return context;
}

/** Values made in the scripts' realm, compared as plain data. */
export const plain = (value) => JSON.parse(JSON.stringify(value));

/** An in-memory Storage with the Web Storage methods the scripts use. */
export function memoryStorage({ quota = Infinity } = {}) {
  const data = new Map();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => {
      if (!data.has(k) && data.size >= quota) {
        const error = new Error("full");
        error.name = "QuotaExceededError";
        throw error;
      }
      data.set(k, String(v));
    },
    removeItem: (k) => data.delete(k),
    data,
  };
}

export const LABELS = {
  progress: "{done} of {total}",
  delta: "{change} since {date}",
  imported: "Imported: {parts}.",
  added: ["{count} checklist added", "{count} checklists added"],
  updated: ["{count} checklist updated with newer answers", "{count} checklists updated with newer answers"],
  kept: [
    "{count} checklist kept because the answers here are newer",
    "{count} checklists kept because the answers here are newer",
  ],
  reviews: ["{count} earlier review added", "{count} earlier reviews added"],
  nothing: "Nothing new: the answers here are the same or newer.",
  mdTitle: "My growth",
  mdExported: "Exported on {date}.",
  mdNotes: "Notes",
  mdReviews: "Earlier reviews",
  mdReview: "{date}: {done} of {total}",
  mdLevel: "Level",
  mdNone: "No checklist names this competency yet.",
};
