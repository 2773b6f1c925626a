// Unit tests of migration, export and import (no browser): node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import { LABELS, load, memoryStorage, plain } from "./load.mjs";

const { cbChecklistCore: core, cbTransferCore: transfer } = load(
  "careerblog-checklist-core.js",
  "careerblog-transfer-core.js",
);
const OLD = "2026-01-01T00:00:00.000Z";
const NEW = "2026-05-12T09:00:00.000Z";

function storeWith(entries, options) {
  const storage = memoryStorage(options);
  for (const [key, value] of Object.entries(entries)) storage.setItem(key, value);
  return { storage, store: core.openStore(() => storage) };
}

test("version 1 keys move into version 2 answers; the ticks are kept", () => {
  const { storage, store } = storeWith({
    "cb:essays/one:own:ab12": "1",
    "cb:essays/one:own:cd34": "1",
    "cb:essays/one:own:notes": "kept <notes>",
    "cb:a%3Ab:x:ef56": "1",
    "other:essays/one:own:ab12": "1",
    unrelated: "value",
  });
  assert.deepEqual(plain(transfer.migrate(store, "cb")), { moved: 4, problem: "ok" });
  const own = core.loadAnswers(store, "cb", "essays/one", "own");
  assert.deepEqual(Object.keys(own.ticks).sort(), ["ab12", "cd34"]);
  assert.equal(own.notes, "kept <notes>");
  assert.deepEqual(Object.keys(core.loadAnswers(store, "cb", "a:b", "x").ticks), ["ef56"]);
  assert.deepEqual([...storage.data.keys()].sort(), [
    "cb:a%3Ab:x",
    "cb:essays/one:own",
    "other:essays/one:own:ab12",
    "unrelated",
  ]);
  // running it again changes nothing
  assert.deepEqual(plain(transfer.migrate(store, "cb")), { moved: 0, problem: "ok" });
});

test("a full storage keeps the old keys and says so", () => {
  const { storage, store } = storeWith({ "cb:d:i:h1": "1" }, { quota: 1 });
  assert.deepEqual(plain(transfer.migrate(store, "cb")), { moved: 0, problem: "quota" });
  assert.equal(storage.getItem("cb:d:i:h1"), "1");
});

test("an export carries every checklist with its reviews; import restores it elsewhere", () => {
  const { store } = storeWith({});
  let answers = core.withTick(core.emptyAnswers(), "h1", true, OLD);
  answers = core.startReview(answers, ["h1", "h2"], NEW);
  answers = core.withNotes(core.withTick(answers, "h2", true, NEW), 'My "notes"', NEW);
  core.saveAnswers(store, "cb", "essays/one", "own", answers);
  const exported = transfer.exportAnswers(store, "cb", NEW);
  assert.equal(exported.format, "careerblog-reflections");
  assert.equal(exported.version, 2);
  assert.deepEqual(Object.keys(exported.checklists), ["essays/one:own"]);

  const other = storeWith({}).store;
  const parsed = transfer.parseExport(JSON.stringify(exported));
  const summary = transfer.importAnswers(other, "site2", parsed);
  assert.deepEqual(plain(summary), { added: 1, updated: 0, kept: 0, reviews: 0, problem: "ok" });
  assert.deepEqual(plain(core.loadAnswers(other, "site2", "essays/one", "own")), plain(answers));
  assert.equal(transfer.importText(LABELS, summary), "Imported: 1 checklist added.");
});

test("importing never overwrites newer answers, and says what it merged", () => {
  const { store } = storeWith({});
  const ours = core.withTick(core.emptyAnswers(), "mine", true, NEW);
  core.saveAnswers(store, "cb", "d", "newer-here", ours);
  const older = core.startReview(core.withTick(core.emptyAnswers(), "theirs", true, OLD), ["theirs"], OLD);
  core.saveAnswers(store, "cb", "d", "older-here", core.withTick(core.emptyAnswers(), "a", true, OLD));
  const incoming = {
    "d:newer-here": older,
    "d:older-here": core.withTick(core.emptyAnswers(), "b", true, NEW),
    "d:new": core.withTick(core.emptyAnswers(), "c", true, NEW),
  };
  const summary = transfer.importAnswers(store, "cb", incoming);
  assert.deepEqual(plain(summary), { added: 1, updated: 1, kept: 1, reviews: 1, problem: "ok" });
  const kept = core.loadAnswers(store, "cb", "d", "newer-here");
  assert.deepEqual(Object.keys(kept.ticks), ["mine"]); // ours was newer
  assert.equal(kept.reviews.length, 1); // their earlier review is added
  assert.deepEqual(Object.keys(core.loadAnswers(store, "cb", "d", "older-here").ticks), ["b"]);
  assert.equal(
    transfer.importText(LABELS, summary),
    "Imported: 1 checklist added, 1 checklist updated with newer answers, " +
      "1 checklist kept because the answers here are newer, 1 earlier review added.",
  );
  // the same file again: nothing new
  const again = transfer.importAnswers(store, "cb", incoming);
  assert.equal(transfer.importText(LABELS, again), "Imported: 1 checklist kept because the answers here are newer.");
  const same = transfer.importAnswers(store, "cb", { "d:new": incoming["d:new"] });
  assert.equal(transfer.importText(LABELS, same), LABELS.nothing);
});

test("version 1 files import, without overwriting answers already here", () => {
  const { store } = storeWith({});
  core.saveAnswers(store, "cb", "d", "i", core.withTick(core.emptyAnswers(), "here", true, NEW));
  const file = { format: "careerblog-reflections", version: 1, entries: { "d:i:old": "1", "d:j:h": "1", "d:j:notes": "n" } };
  const summary = transfer.importAnswers(store, "cb", transfer.parseExport(JSON.stringify(file)));
  assert.deepEqual(plain(summary), { added: 1, updated: 0, kept: 1, reviews: 0, problem: "ok" });
  assert.equal(core.loadAnswers(store, "cb", "d", "j").notes, "n");
  assert.deepEqual(Object.keys(core.loadAnswers(store, "cb", "d", "i").ticks), ["here"]);
});

test("import rejects anything that is not an export", () => {
  const good = { format: "careerblog-reflections", version: 2, checklists: { "d:i": core.emptyAnswers() } };
  const bad = [
    "not json",
    "null",
    "5",
    "[]",
    JSON.stringify({ ...good, format: "something-else" }),
    JSON.stringify({ ...good, version: 3 }),
    JSON.stringify({ ...good, checklists: [] }),
    JSON.stringify({ ...good, checklists: { "too:many:parts": core.emptyAnswers() } }),
    JSON.stringify({ ...good, checklists: { "d:i": { v: 2, ticks: { h: 1 } } } }),
    JSON.stringify({ ...good, checklists: { "d:i": { ...core.emptyAnswers(), notes: "x".repeat(200000) } } }),
    JSON.stringify({ format: "careerblog-reflections", version: 1, entries: { "d:i:h": "yes" } }),
  ];
  for (const text of bad) assert.throws(() => transfer.parseExport(text), text.slice(0, 60));
  assert.deepEqual(Object.keys(transfer.parseExport(JSON.stringify(good))), ["d:i"]);
});

test("an import into a full storage stops and reports the problem", () => {
  const { store } = storeWith({}, { quota: 1 });
  const incoming = {
    "d:a": core.withTick(core.emptyAnswers(), "x", true, NEW),
    "d:b": core.withTick(core.emptyAnswers(), "y", true, NEW),
  };
  const summary = transfer.importAnswers(store, "cb", incoming);
  assert.equal(summary.added, 1);
  assert.equal(summary.problem, "quota");
});
