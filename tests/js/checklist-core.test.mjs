// Unit tests of the checklist logic (no browser): node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const source = readFileSync(
  new URL("../../sphinx_careerblog/reflections/static/careerblog-checklist-core.js", import.meta.url),
  "utf8",
);
const context = vm.createContext({});
vm.runInContext(source, context);
const core = context.cbChecklistCore;
// values made in the script's own realm: compare them as plain data
const plain = (value) => JSON.parse(JSON.stringify(value));

/** An in-memory Storage with the Web Storage methods the core uses. */
function memoryStorage({ quota = Infinity } = {}) {
  const data = new Map();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => {
      if (data.size >= quota) throw new Error("QuotaExceededError");
      data.set(k, String(v));
    },
    removeItem: (k) => data.delete(k),
    data,
  };
}

test("keys join prefix, document, checklist id and part, escaping ':' and '%'", () => {
  assert.equal(core.key("cb", "essays/one", "ownership", "ab12"), "cb:essays/one:ownership:ab12");
  assert.equal(core.key("a:b", "x%y", "id", "notes"), "a%3Ab:x%25y:id:notes");
  assert.notEqual(core.key("p", "a:b", "c", "d"), core.key("p", "a", "b:c", "d"));
});

test("progress text fills the translated template", () => {
  assert.equal(core.progressText("{done} of {total}", 2, 5), "2 of 5");
  assert.equal(core.progressText("{done}/{total} erledigt", 0, 3), "0/3 erledigt");
});

test("a working store reads, writes and removes", () => {
  const storage = memoryStorage();
  const store = core.openStore(() => storage);
  assert.equal(store.ok, true);
  assert.equal(store.set("k", "1"), true);
  assert.equal(store.get("k"), "1");
  assert.deepEqual(plain(store.keys()), ["k"]);
  assert.equal(store.set("k", null), true);
  assert.equal(store.get("k"), null);
});

test("disabled, throwing or full storage never throws", () => {
  const throwing = core.openStore(() => {
    throw new Error("SecurityError");
  });
  assert.equal(throwing.ok, false);
  assert.equal(throwing.get("k"), null);
  assert.equal(throwing.set("k", "1"), false);
  assert.deepEqual(plain(throwing.keys()), []);

  const none = core.openStore(() => null);
  assert.equal(none.ok, false);
  assert.equal(none.set("k", "1"), false);

  const full = core.openStore(() => memoryStorage({ quota: 0 }));
  assert.equal(full.ok, true);
  assert.equal(full.set("k", "1"), false);
  assert.equal(full.get("k"), null);
});

test("export collects only this prefix's answers; import restores them elsewhere", () => {
  const storage = memoryStorage();
  const store = core.openStore(() => storage);
  store.set(core.key("cb", "essays/one", "own", "ab12"), "1");
  store.set(core.key("cb", "essays/one", "own", "notes"), "My <b>notes</b> & \"quotes\"");
  store.set(core.key("other", "x", "y", "z"), "1");
  store.set("unrelated", "value");
  const exported = core.collect(store, "cb");
  assert.deepEqual(plain(exported), {
    format: "careerblog-reflections",
    version: 1,
    entries: {
      "essays/one:own:ab12": "1",
      "essays/one:own:notes": "My <b>notes</b> & \"quotes\"",
    },
  });

  const target = core.openStore(() => memoryStorage());
  const entries = core.parseExport(JSON.stringify(exported));
  assert.equal(core.restore(target, "site2", entries), 2);
  assert.equal(target.get(core.key("site2", "essays/one", "own", "ab12")), "1");
  assert.equal(target.get(core.key("site2", "essays/one", "own", "notes")), exported.entries["essays/one:own:notes"]);
});

test("import rejects anything that is not an export", () => {
  const good = { format: "careerblog-reflections", version: 1, entries: { "d:i:h": "1" } };
  const bad = [
    "not json",
    "null",
    "5",
    "[]",
    JSON.stringify({ ...good, format: "something-else" }),
    JSON.stringify({ ...good, version: 2 }),
    JSON.stringify({ ...good, entries: [] }),
    JSON.stringify({ ...good, entries: "d:i:h" }),
    JSON.stringify({ ...good, entries: { "too:few": "1" } }),
    JSON.stringify({ ...good, entries: { "d:i:h": 1 } }),
    JSON.stringify({ ...good, entries: { "d:i:h": "yes" } }),
    JSON.stringify({ ...good, entries: { "d:i:notes": "x".repeat(200000) } }),
  ];
  for (const text of bad) assert.throws(() => core.parseExport(text), text.slice(0, 60));
  assert.deepEqual(plain(core.parseExport(JSON.stringify(good))), good.entries);
});

test("restore into a full store reports what was saved", () => {
  const store = core.openStore(() => memoryStorage({ quota: 1 }));
  assert.equal(core.restore(store, "cb", { "a:b:c": "1", "a:b:d": "1" }), 1);
});
