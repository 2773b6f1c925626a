// Unit tests of the answers logic (no browser): node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import { load, memoryStorage, plain } from "./load.mjs";

const { cbChecklistCore: core } = load("careerblog-checklist-core.js");
const NOW = "2026-05-12T09:00:00.000Z";
const LATER = "2026-06-20T09:00:00.000Z";

test("keys join prefix, document and checklist id, escaping ':' and '%'", () => {
  assert.equal(core.answersKey("cb", "essays/one", "ownership"), "cb:essays/one:ownership");
  assert.equal(core.answersKey("a:b", "x%y", "id"), "a%3Ab:x%25y:id");
  assert.notEqual(core.answersKey("p", "a:b", "c"), core.answersKey("p", "a", "b:c"));
});

test("templates and plural pairs come from the page", () => {
  assert.equal(core.progressText("{done} of {total}", 2, 5), "2 of 5");
  assert.equal(core.progressText("{done}/{total} erledigt", 0, 3), "0/3 erledigt");
  assert.equal(core.fill("{a} and {unknown}", { a: 1 }), "1 and {unknown}");
  assert.equal(core.plural(["{days} day", "{days} days"], 1), "{days} day");
  assert.equal(core.plural(["{days} day", "{days} days"], 4), "{days} days");
  assert.equal(core.plural("same", 4), "same");
});

test("a working store reads, writes and removes", () => {
  const store = core.openStore(() => memoryStorage());
  assert.equal(store.ok, true);
  assert.equal(store.set("k", "1"), "ok");
  assert.equal(store.get("k"), "1");
  assert.deepEqual(plain(store.keys()), ["k"]);
  assert.equal(store.set("k", null), "ok");
  assert.equal(store.get("k"), null);
});

test("disabled, throwing or full storage never throws and says why", () => {
  const throwing = core.openStore(() => {
    throw new Error("SecurityError");
  });
  assert.equal(throwing.ok, false);
  assert.equal(throwing.get("k"), null);
  assert.equal(throwing.set("k", "1"), "off");
  assert.deepEqual(plain(throwing.keys()), []);
  assert.equal(core.openStore(() => null).set("k", "1"), "off");

  const full = core.openStore(() => memoryStorage({ quota: 0 }));
  assert.equal(full.ok, true);
  assert.equal(full.set("k", "1"), "quota");
  assert.equal(full.get("k"), null);
  const refusing = { ...memoryStorage(), getItem: () => null, setItem: () => { throw new Error("no"); } };
  assert.equal(core.openStore(() => refusing).set("k", "1"), "denied");
});

test("ticks, notes and reset make new answers with times", () => {
  let answers = core.emptyAnswers();
  answers = core.withTick(answers, "h1", true, NOW);
  answers = core.withTick(answers, "h2", true, NOW);
  answers = core.withTick(answers, "h2", false, LATER);
  assert.deepEqual(plain(answers.ticks), { h1: NOW });
  assert.equal(answers.updated, LATER);
  answers = core.withNotes(answers, "pair with Sam", LATER);
  assert.equal(core.countTicked(answers, ["h1", "h2", "h3"]), 1);
  const reset = core.withoutTicks(answers, LATER);
  assert.deepEqual(plain(reset.ticks), {});
  assert.equal(reset.notes, "pair with Sam"); // the reader's writing stays
  assert.deepEqual(plain(answers.ticks), { h1: NOW }); // the old value is untouched
});

test("a new review keeps the answers as a dated snapshot and starts afresh", () => {
  let answers = core.withTick(core.emptyAnswers(), "h1", true, NOW);
  answers = core.withTick(answers, "gone", true, NOW); // a prompt since reworded
  answers = core.withNotes(answers, "first try", NOW);
  const next = core.startReview(answers, ["h1", "h2"], LATER);
  assert.deepEqual(plain(next.reviews), [{ date: LATER, ticks: ["h1"], notes: "first try" }]);
  assert.deepEqual(plain(next.ticks), {});
  assert.equal(next.notes, "first try");
  const twice = core.startReview(core.withTick(next, "h2", true, LATER), ["h1", "h2"], LATER);
  assert.equal(twice.reviews.length, 2);
});

test("revisit: stale only once the last tick is older than N days", () => {
  const answers = core.withTick(core.withTick(core.emptyAnswers(), "a", true, NOW), "b", true, LATER);
  const day = 24 * 3600 * 1000;
  const last = Date.parse(LATER);
  assert.equal(core.staleDays(answers, 30, last + 29 * day), null);
  assert.equal(core.staleDays(answers, 30, last + 30 * day), null);
  assert.equal(core.staleDays(answers, 30, last + 45 * day), 45);
  assert.equal(core.staleDays(answers, 0, last + 45 * day), null); // no revisit asked
  assert.equal(core.staleDays(core.emptyAnswers(), 30, last + 45 * day), null); // never ticked
});

test("answers are saved as JSON and read back; empty answers leave no key", () => {
  const storage = memoryStorage();
  const store = core.openStore(() => storage);
  const answers = core.withNotes(core.withTick(core.emptyAnswers(), "h", true, NOW), "<b>&</b>", NOW);
  assert.equal(core.saveAnswers(store, "cb", "essays/one", "own", answers), "ok");
  const saved = JSON.parse(storage.getItem("cb:essays/one:own"));
  assert.equal(saved.v, 2);
  assert.deepEqual(plain(core.loadAnswers(store, "cb", "essays/one", "own")), plain(answers));
  assert.equal(core.saveAnswers(store, "cb", "essays/one", "own", core.emptyAnswers()), "ok");
  assert.equal(storage.getItem("cb:essays/one:own"), null);
  storage.setItem("cb:x:y", "{not json");
  assert.deepEqual(plain(core.loadAnswers(store, "cb", "x", "y")), plain(core.emptyAnswers()));
  assert.equal(core.parseAnswers(JSON.stringify({ v: 3, ticks: {} })), null);
  assert.equal(core.parseAnswers(JSON.stringify({ v: 2, ticks: { h: 5 } })), null);
});
