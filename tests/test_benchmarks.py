"""Smoke test of the benchmark harness: the corpus and real builds at N=20 (no timings)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import (
    AUTHORS,
    CATEGORIES,
    FIRST_DATE,
    FLAVORS,
    LAST_DATE,
    TAGS,
    Corpus,
    Paragraph,
    body_edit,
    category_change,
    make_corpus,
    pages,
    render_essay,
)
from benchmarks.run import SCENARIOS, bench_flavor, render, size_tables, targets

N = 20
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus(N)


def test_corpus_is_deterministic(corpus: Corpus) -> None:
    assert make_corpus(N) == corpus
    assert make_corpus(N, seed=1) != corpus
    # a larger corpus starts with the same essays' dates, authors and titles
    assert [e.title for e in make_corpus(N + 5).essays[:3]] == [e.title for e in corpus.essays[:3]]


def test_corpus_structure(corpus: Corpus) -> None:
    essays = corpus.essays
    assert len(essays) == N
    assert len({e.docname for e in essays}) == N
    assert len({e.title for e in essays}) == N
    for essay in essays:
        assert 4 <= len(essay.sections) <= 6
        assert 700 <= essay.words() <= 1000, essay.words()
        assert 1 <= len(essay.categories) <= 2 and set(essay.categories) <= set(CATEGORIES)
        assert 2 <= len(essay.tags) <= 4 and set(essay.tags) <= set(TAGS)
        assert len(set(essay.tags)) == len(essay.tags)
        assert essay.author in AUTHORS
        assert FIRST_DATE <= essay.date <= LAST_DATE
        assert essay.docname == f"essays/{essay.year}/{essay.docname.rsplit('/', 1)[1]}"
        # every heading ends in an emoji (a non-ASCII symbol)
        assert all(not section.heading.split()[-1].isascii() for section in essay.sections)
        lists = essay.questions()
        assert 1 <= len(lists) <= 2
        assert all(4 <= len(q.items) <= 6 and all(i.endswith("?") for i in q.items) for q in lists)
    assert len(CATEGORIES) == 12 and len(TAGS) == 40 and len(AUTHORS) == 8
    # every category is used once N >= 12; several authors and years appear
    assert {c for e in essays for c in e.categories} == set(CATEGORIES)
    assert len(Counter(e.author for e in essays)) >= 4
    assert len(corpus.years) >= 4
    assert sum(len(v) for v in corpus.by_category().values()) == sum(
        len(e.categories) for e in essays
    )


def test_flavors_share_the_text(corpus: Corpus) -> None:
    essay = corpus.essays[0]
    rendered = {flavor: render_essay(essay, flavor) for flavor in FLAVORS}
    for flavor, text in rendered.items():
        body = FRONT_MATTER.sub("", text)
        assert f"# {essay.title}" in body
        for section in essay.sections:
            assert f"## {section.heading}" in body
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    assert block.text in body, flavor
                else:
                    assert all(f"- {item}" in body for item in block.items)
                    assert block.title in body
    meta = {flavor: text.split("---\n")[1] for flavor, text in rendered.items()}
    assert "post: true" in meta["careerblog"] and "blogpost" not in meta["careerblog"]
    assert "blogpost: true" in meta["ablog"]
    assert "post: true" not in meta["plain"] and "blogpost" not in meta["plain"]
    assert "```{reflection}" in rendered["careerblog"]
    assert "{reflection}" not in rendered["plain"] + rendered["ablog"]
    # the listing pages: postlists only where an extension provides them
    for flavor in FLAVORS:
        files = pages(corpus, flavor)
        assert len(files) == 1 + N + 3 + len(CATEGORIES) + len(corpus.years)
        has_list = "{postlist}" in files["latest.md"]
        assert has_list == (flavor != "plain")
        assert ("sphinx_careerblog" in files["conf.py"]) == (flavor == "careerblog")
        assert ("'ablog'" in files["conf.py"]) == (flavor == "ablog")


def test_edits_change_one_thing(corpus: Corpus) -> None:
    target = corpus.edit_target()
    edited = body_edit(target)
    assert edited.words() == target.words()
    assert edited.intro == target.intro and edited.categories == target.categories
    assert render_essay(edited, "careerblog") != render_essay(target, "careerblog")
    moved = category_change(edited)
    assert moved.categories[0] != target.categories[0]
    assert moved.categories[1:] == target.categories[1:]
    assert moved.sections == edited.sections


def test_careerblog_build_smoke(corpus: Corpus, tmp_path: Path) -> None:
    result = bench_flavor(corpus, "careerblog", tmp_path, runs=1, scenarios=("clean", "body edit"))
    clean, body = result["scenarios"]["clean"], result["scenarios"]["body edit"]
    assert clean["returncode"] == 0 and clean["warnings"] == 0, clean["warning_lines"]
    assert clean["read"] == result["docs"] == clean["written_docs"]
    assert clean["wall"] > 0 and clean["cpu"] > 0 and clean["rss_mb"] > 10
    assert clean["output_mb"] > 0
    # every category page lists exactly its posts
    assert result["checks"]["listing_serial"]["wrong"] == []
    # the body edit re-reads one document; the page and its toctree parent are rewritten
    # (Sphinx 7.4 also rewrites one neighbour whose previous/next link points at it)
    assert body["read"] == 1
    target = corpus.edit_target().docname
    assert target in body["written_names"]
    assert body["written_docs"] <= 3
    # the report renders from these results
    table = size_tables(N, {"careerblog": result})
    assert "| clean |" in table and "| body edit |" in table
    report = render(
        {N: {"careerblog": result}},
        {
            "date": "today",
            "commit": "x",
            "args": "",
            "machine": {"nproc": 2, "cpu": "c", "ram_gb": 1, "system": "s"},
            "versions": {"sphinx": "9"},
        },
        None,
        "hand-written analysis",
    )
    assert "hand-written analysis" in report and "## Targets" in report
    assert "body edit re-reads 1 document" in targets({N: {"careerblog": result}})
    assert set(result["scenarios"]) <= set(SCENARIOS)


def test_ablog_build_smoke(corpus: Corpus, tmp_path: Path) -> None:
    result = bench_flavor(corpus, "ablog", tmp_path, runs=1, scenarios=("clean",))
    clean = result["scenarios"]["clean"]
    assert clean["returncode"] == 0 and clean["warnings"] == 0, clean["warning_lines"]
    assert clean["read"] == result["docs"]
    assert result["checks"]["listing_serial"]["wrong"] == []
    assert (tmp_path / f"n{N}" / "ablog" / "html" / "blog" / "atom.xml").exists()
