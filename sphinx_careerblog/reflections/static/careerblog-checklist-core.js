// @ts-check
/// <reference lib="es2022" />
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// sphinx-careerblog reflections: pure logic of saved answers (no DOM; tests/js).
// Moving answers (migration, files): careerblog-transfer-core.js. Nothing is sent.
"use strict";

/**
 * One earlier review of a checklist, kept when the reader starts a new one.
 * @typedef {{date: string, ticks: string[], notes: string}} Review
 *
 * The reader's answers to one checklist (schema version 2), saved as JSON under
 * `<prefix>:<document>:<checklist id>`. `ticks` maps a prompt's hash to when it was
 * ticked (ISO date; "" when unknown, as for ticks migrated from version 1).
 * @typedef {{v: number, ticks: Record<string, string>, notes: string, updated: string,
 *   reviews: Review[]}} Answers
 *
 * What happened to a write: saved, storage full, storage refused, or saving is off.
 * @typedef {"ok" | "quota" | "denied" | "off"} SaveResult
 *
 * @typedef {object} SafeStore Web Storage behind calls that never throw.
 * @property {boolean} ok whether a storage could be opened
 * @property {(key: string) => string | null} get
 * @property {(key: string, value: string | null) => SaveResult} set `null` removes
 * @property {() => string[]} keys
 *
 * A label with a number in it: `[singular, plural]`, or one text for both.
 * @typedef {string | string[]} Label
 */

globalThis.cbChecklistCore = (() => {
  const FORMAT = "careerblog-reflections";
  const SCHEMA = 2;
  const MAX_TEXT = 100000;
  const DAY_MS = 24 * 60 * 60 * 1000;

  /** Storage keys join parts with ":", so each part escapes "%" and ":". @param {string} part */
  function escapePart(part) {
    return String(part).replace(/%/g, "%25").replace(/:/g, "%3A");
  }

  /** @param {string} part */
  function unescapePart(part) {
    return part.replace(/%3A/g, ":").replace(/%25/g, "%");
  }

  /**
   * Where one checklist's answers are saved.
   * @param {string} prefix @param {string} doc @param {string} id
   */
  function answersKey(prefix, doc, id) {
    return [prefix, doc, id].map(escapePart).join(":");
  }

  /**
   * `{name}` fields of a template filled in; unknown fields are left as written.
   * @param {string} template @param {Record<string, string | number>} values
   */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  }

  /** @param {string} template @param {number} done @param {number} total */
  function progressText(template, done, total) {
    return fill(template, { done, total });
  }

  /** Page language's plural. @param {Label} label @param {number} count */
  function plural(label, count) {
    if (typeof label === "string") return label;
    let one = count === 1;
    const lang = globalThis.document?.documentElement.lang || "en";
    try { one = new Intl.PluralRules(lang).select(count) === "one"; } catch { /* bad tag */ }
    return one ? label[0] : label[1];
  }

  /** @param {unknown} error @returns {SaveResult} */
  function failure(error) {
    const name = error && typeof error === "object" && "name" in error ? error.name : "";
    return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" ? "quota" : "denied";
  }

  /**
   * Storage that never throws (private mode, full, disabled by the reader).
   * @param {() => Storage | null} open
   * @returns {SafeStore}
   */
  function openStore(open) {
    /** @type {Storage | null} */
    let storage = null;
    try {
      storage = open();
      storage?.getItem(FORMAT); // some browsers refuse only on first use
    } catch {
      storage = null;
    }
    const opened = storage;
    return {
      ok: opened !== null,
      get(key) {
        if (opened === null) return null;
        try {
          return opened.getItem(key);
        } catch {
          return null;
        }
      },
      set(key, value) {
        if (opened === null) return "off";
        try {
          if (value === null) opened.removeItem(key);
          else opened.setItem(key, value);
          return "ok";
        } catch (error) {
          return failure(error);
        }
      },
      keys() {
        if (opened === null) return [];
        try {
          /** @type {string[]} */
          const keys = [];
          for (let index = 0; index < opened.length; index += 1) {
            const key = opened.key(index);
            if (key !== null) keys.push(key);
          }
          return keys;
        } catch {
          return [];
        }
      },
    };
  }

  /** @returns {Answers} */
  function emptyAnswers() {
    return { v: SCHEMA, ticks: {}, notes: "", updated: "", reviews: [] };
  }

  /** @param {Answers} answers */
  function isEmpty(answers) {
    return Object.keys(answers.ticks).length === 0 && !answers.notes && answers.reviews.length === 0;
  }

  /** @param {unknown} value @returns {value is string} */
  function isText(value) {
    return typeof value === "string" && value.length < MAX_TEXT;
  }

  /** @param {unknown} value @returns {Review | null} */
  function readReview(value) {
    if (!value || typeof value !== "object") return null;
    const review = /** @type {Record<string, unknown>} */ (value);
    const ticks = review.ticks;
    if (!isText(review.date) || !Array.isArray(ticks) || !ticks.every(isText)) return null;
    return { date: review.date, ticks: [...ticks], notes: isText(review.notes) ? review.notes : "" };
  }

  /**
   * Answers from stored or imported data; null when it is not answers of schema 2.
   * @param {unknown} value
   * @returns {Answers | null}
   */
  function readAnswers(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    const data = /** @type {Record<string, unknown>} */ (value);
    if (data.v !== SCHEMA || !data.ticks || typeof data.ticks !== "object") return null;
    if (data.notes !== undefined && !isText(data.notes)) return null;
    /** @type {Record<string, string>} */
    const ticks = {};
    for (const [hash, when] of Object.entries(data.ticks)) {
      if (!isText(when) || hash.length > 100) return null;
      ticks[hash] = when;
    }
    const reviews = Array.isArray(data.reviews) ? data.reviews.map(readReview) : [];
    if (reviews.includes(null)) return null;
    return {
      v: SCHEMA,
      ticks,
      notes: isText(data.notes) ? data.notes : "",
      updated: isText(data.updated) ? data.updated : "",
      reviews: /** @type {Review[]} */ (reviews),
    };
  }

  /** @param {string | null} text @returns {Answers | null} */
  function parseAnswers(text) {
    if (text === null) return null;
    try {
      return readAnswers(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /** @param {SafeStore} store @param {string} prefix @param {string} doc @param {string} id */
  function loadAnswers(store, prefix, doc, id) {
    return parseAnswers(store.get(answersKey(prefix, doc, id))) ?? emptyAnswers();
  }

  /**
   * @param {SafeStore} store @param {string} prefix @param {string} doc @param {string} id
   * @param {Answers} answers
   * @returns {SaveResult}
   */
  function saveAnswers(store, prefix, doc, id, answers) {
    const key = answersKey(prefix, doc, id);
    return store.set(key, isEmpty(answers) ? null : JSON.stringify(answers));
  }

  /** @param {Answers} answers @returns {Answers} */
  function copy(answers) {
    return { ...answers, ticks: { ...answers.ticks }, reviews: answers.reviews.map((r) => ({ ...r })) };
  }

  /** @param {Answers} answers @param {string} hash @param {boolean} ticked @param {string} now */
  function withTick(answers, hash, ticked, now) {
    const next = copy(answers);
    if (ticked) next.ticks[hash] = now;
    else delete next.ticks[hash];
    next.updated = now;
    return next;
  }

  /** @param {Answers} answers @param {string} notes @param {string} now */
  function withNotes(answers, notes, now) {
    return { ...copy(answers), notes, updated: now };
  }

  /** Reset: no ticks (notes and earlier reviews stay). @param {Answers} answers @param {string} now */
  function withoutTicks(answers, now) {
    return { ...copy(answers), ticks: {}, updated: now };
  }

  /**
   * A new review: today's answers become a dated review and the ticks start afresh
   * (notes stay: the reader's writing is never cleared by a button).
   * @param {Answers} answers @param {string[]} hashes the checklist's prompts now @param {string} now
   */
  function startReview(answers, hashes, now) {
    const next = copy(answers);
    const ticks = hashes.filter((hash) => Object.hasOwn(answers.ticks, hash));
    next.reviews.push({ date: now, ticks, notes: answers.notes });
    next.ticks = {};
    next.updated = now;
    return next;
  }

  /** @param {Answers} answers @param {string[]} hashes */
  function countTicked(answers, hashes) {
    return hashes.filter((hash) => Object.hasOwn(answers.ticks, hash)).length;
  }

  /** @param {string} when @returns {number} */
  function time(when) {
    const parsed = Date.parse(when);
    return Number.isNaN(parsed) ? -Infinity : parsed;
  }

  /**
   * Whole days since the last tick when that is more than `revisit` days ago, else null.
   * @param {Answers} answers @param {number} revisit @param {number} now (ms)
   */
  function staleDays(answers, revisit, now) {
    const last = Math.max(...Object.values(answers.ticks).map(time));
    if (!revisit || !Number.isFinite(last) || now - last <= revisit * DAY_MS) return null;
    return Math.floor((now - last) / DAY_MS);
  }

  return {
    FORMAT,
    SCHEMA,
    escapePart,
    unescapePart,
    answersKey,
    fill,
    progressText,
    plural,
    openStore,
    emptyAnswers,
    parseAnswers,
    loadAnswers,
    saveAnswers,
    withTick,
    withNotes,
    withoutTicks,
    startReview,
    countTicked,
    staleDays,
    readAnswers,
    isEmpty,
    isText,
    copy,
    time,
  };
})();
