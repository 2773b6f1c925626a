// Unit tests of the blog-index filter logic (no browser): node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const source = readFileSync(
  new URL("../../sphinx_careerblog/site/static/careerblog-filter-core.js", import.meta.url),
  "utf8",
);
const context = vm.createContext({ URL, URLSearchParams, Intl });
vm.runInContext(source, context);
const core = context.cbFilterCore;
const plain = (value) => JSON.parse(JSON.stringify(value));

const post = (key, { categories = [], tags = [], authors = [], date = "2025-01-01T00:00:00Z" }) => ({
  key,
  title: key,
  url: `essays/${key}.html`,
  date,
  draft: false,
  summary: "",
  reading_minutes: 1,
  external_link: null,
  categories: categories.map((slug) => ({ slug, title: slug.toUpperCase() })),
  tags: tags.map((slug) => ({ slug, title: slug })),
  authors: authors.map((key) => ({ key, name: `Name ${key}` })),
});

const posts = [
  post("a", { categories: ["craft"], tags: ["review", "pairing"], authors: ["ada"] }),
  post("b", { categories: ["people"], tags: ["review"], date: "2024-06-01T00:00:00Z" }),
  post("c", { categories: ["craft"], tags: ["testing"], authors: ["bo"] }),
  post("d", { tags: [], date: null }),
];

test("the query round-trips, and unknown keys are ignored", () => {
  const state = core.parseQuery("?tag=review,pairing&category=craft&author=ada&year=2024&x=1");
  assert.deepEqual(plain(state), {
    category: ["craft"],
    tag: ["review", "pairing"],
    author: ["ada"],
    year: ["2024"],
  });
  assert.equal(core.toQuery(state), "?category=craft&tag=review,pairing&author=ada&year=2024");
  assert.equal(core.toQuery(core.emptyState()), "");
  assert.deepEqual(plain(core.parseQuery("?tag=a,,a, b")).tag, ["a", "b"]);
});

test("OR within a facet, AND across facets", () => {
  const keys = (query) => core.filterPosts(posts, core.parseQuery(query)).map((p) => p.key);
  assert.deepEqual(keys("?tag=review"), ["a", "b"]);
  assert.deepEqual(keys("?tag=review,testing"), ["a", "b", "c"]);
  assert.deepEqual(keys("?tag=review&category=craft"), ["a"]);
  assert.deepEqual(keys("?year=2024"), ["b"]);
  assert.deepEqual(keys("?author=bo&tag=review"), []);
  assert.deepEqual(keys(""), ["a", "b", "c", "d"]);
});

test("facet values carry counts; years newest first", () => {
  const values = core.facetValues(posts);
  assert.deepEqual(plain(values.tag), [
    { value: "pairing", title: "pairing", count: 1 },
    { value: "review", title: "review", count: 2 },
    { value: "testing", title: "testing", count: 1 },
  ]);
  assert.deepEqual(plain(values.year).map((v) => v.value), ["2025", "2024"]);
  assert.deepEqual(plain(values.author).map((v) => v.title), ["Name ada", "Name bo"]);
});

test("catalog URLs of the published site point into the local copy", () => {
  const root = "http://127.0.0.1:8000/";
  assert.equal(
    core.localUrl("https://example.org/essays/a.html", "https://example.org/", root),
    "http://127.0.0.1:8000/essays/a.html",
  );
  assert.equal(core.localUrl("essays/a.html", null, root), "http://127.0.0.1:8000/essays/a.html");
  assert.ok(core.isSafeUrl("https://example.org/x"));
  assert.ok(!core.isSafeUrl("javascript:alert(1)"));
  assert.ok(!core.isSafeUrl(" JaVaScRiPt:alert(1)"));
});

test("counts follow the language's plural rules", () => {
  const forms = { one: "{count} billet", other: "{count} billets" };
  assert.equal(core.countLabel(forms, 0, "fr"), "0 billet");
  assert.equal(core.countLabel(forms, 0, "en"), "0 billets");
  assert.equal(core.countLabel(forms, 1, "en"), "1 billet");
  assert.equal(core.countLabel(forms, 5, "xx-invalid-tag-!"), "5 billets");
});
