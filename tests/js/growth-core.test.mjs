// Unit tests of the growth map's figures and Markdown export: node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import { LABELS, load, plain } from "./load.mjs";

const { cbChecklistCore: core, cbGrowthCore: growth } = load(
  "careerblog-checklist-core.js",
  "careerblog-growth-core.js",
);
const MAY = "2026-05-12T09:00:00.000Z";
const JUNE = "2026-06-20T09:00:00.000Z";

const DATA = {
  competencies: [
    { slug: "depth", title: "Depth", checklists: ["a\nlook", "b\nhelp"] },
    { slug: "mentorship", title: "Mentorship", checklists: ["b\nhelp"] },
    { slug: "humility", title: "Humility", checklists: [] },
  ],
  checklists: {
    "a\nlook": {
      doc: "a", id: "look", title: "Looking back", source: "Essay A", level: "senior", url: "a.html",
      prompts: [["h1", "Why *this*?"], ["h2", "Could you explain it?"], ["h3", "Again?"]],
    },
    "b\nhelp": {
      doc: "b", id: "help", title: "Helping", source: "", level: "", url: "b.html",
      prompts: [["m1", "Did you pair?"], ["m2", "Did you review?"]],
    },
  },
};

function answersFrom(table) {
  return (doc, id) => table[`${doc}:${id}`] ?? core.emptyAnswers();
}

function tick(answers, hashes, when) {
  return hashes.reduce((result, hash) => core.withTick(result, hash, true, when), answers);
}

test("each competency counts the ticks of every checklist naming it", () => {
  const answers = answersFrom({ "a:look": tick(core.emptyAnswers(), ["h1", "h3", "gone"], MAY) });
  assert.deepEqual(plain(growth.figures(DATA, answers)), [
    { slug: "depth", title: "Depth", done: 2, total: 5, change: null, since: "" },
    { slug: "mentorship", title: "Mentorship", done: 0, total: 2, change: null, since: "" },
    { slug: "humility", title: "Humility", done: 0, total: 0, change: null, since: "" },
  ]);
  assert.equal(growth.percent(2, 5), 40);
  assert.equal(growth.percent(0, 0), 0);
});

test("the change since the latest review, per competency", () => {
  let look = tick(core.emptyAnswers(), ["h1"], MAY);
  look = core.startReview(look, ["h1", "h2", "h3"], MAY);
  look = tick(look, ["h1", "h2", "h3"], JUNE);
  let help = tick(core.emptyAnswers(), ["m1", "m2"], MAY);
  help = core.startReview(help, ["m1", "m2"], JUNE);
  help = tick(help, ["m1"], JUNE);
  const figures = growth.figures(DATA, answersFrom({ "a:look": look, "b:help": help }));
  // depth: look 1 -> 3 (+2), help 2 -> 1 (-1); since the later review
  assert.deepEqual(plain(figures[0]), { slug: "depth", title: "Depth", done: 4, total: 5, change: 1, since: JUNE });
  assert.equal(figures[1].change, -1);
  assert.equal(growth.signed(3), "+3");
  assert.equal(growth.signed(-2), "\u22122");
  assert.equal(growth.signed(0), "\u00b10");
});

test("the Markdown export groups answers by competency with notes and reviews", () => {
  let look = tick(core.emptyAnswers(), ["h1"], MAY);
  look = core.startReview(look, ["h1", "h2", "h3"], MAY);
  look = core.withNotes(tick(look, ["h1", "h2"], JUNE), "Pair with Sam.\nAsk <why>.", JUNE);
  const text = growth.markdown(DATA, answersFrom({ "a:look": look }), { ...LABELS }, (iso) => iso.slice(0, 10), JUNE);
  assert.equal(
    text,
    [
      "# My growth",
      "",
      "Exported on 2026-06-20.",
      "",
      "## Depth: 2 of 5, +1 since 2026-05-12",
      "",
      "### Looking back (Essay A)",
      "",
      "Level: senior",
      "",
      "- [x] Why \\*this\\*?",
      "- [x] Could you explain it?",
      "- [ ] Again?",
      "",
      "Notes:",
      "",
      "> Pair with Sam.",
      "> Ask \\<why\\>.",
      "",
      "Earlier reviews: 2026-05-12: 1 of 3",
      "",
      "### Helping",
      "",
      "- [ ] Did you pair?",
      "- [ ] Did you review?",
      "",
      "## Mentorship: 0 of 2",
      "",
      "### Helping",
      "",
      "- [ ] Did you pair?",
      "- [ ] Did you review?",
      "",
      "## Humility: 0 of 0",
      "",
      "No checklist names this competency yet.",
      "",
    ].join("\n"),
  );
});
