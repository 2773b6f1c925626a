"""Short excerpts: the ``more`` marker, card summaries cut at a word boundary, and a
tag cloud whose multi-word terms stay visibly apart."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.application import Sphinx

from sphinx_careerblog.data.model import PostRecord
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.listings.cards import card_summary

from .conftest import BuildFn, warning_text

INDEX = """
    # Home

    ```{postlist}
    :format: cards
    ```

    ```{taxonomy}
    :kind: tags
    :format: cloud
    :counts:
    ```

    ```{toctree}
    :glob:

    essays/*
    ```
"""

MARKED = """\
---
post: true
date: 2025-01-02
tags: [asking for help, first year]
---
# Marked

The first teaser paragraph.

A second teaser paragraph.

<!-- more -->

The rest of the essay, never in a summary.
"""

MARKED_RST = """\
Marked in rst
=============

.. post:: 2025-01-03
   :tags: asking for help

Only this paragraph.

.. more

Not this one.
"""


def _posts(app: Sphinx, docname: str) -> list[PostRecord]:
    return list(get_store(app.env).posts[docname])


def test_more_marker_ends_the_summary_in_myst_and_rst(build: BuildFn) -> None:
    app = build({"index.md": INDEX, "essays/marked.md": MARKED, "essays/rst.rst": MARKED_RST})
    assert warning_text(app) == ""
    [myst] = _posts(app, "essays/marked")
    [rst] = _posts(app, "essays/rst")
    assert myst.summary == "The first teaser paragraph.\n\nA second teaser paragraph."
    assert rst.summary == "Only this paragraph."
    page = (Path(app.outdir) / "essays/marked.html").read_text("utf-8")
    assert "The rest of the essay" in page  # the marker only ends the summary


def test_an_explicit_excerpt_count_wins_over_the_marker(build: BuildFn) -> None:
    essay = MARKED.replace("post: true\n", "post: true\nexcerpt: 1\n")
    app = build({"index.md": INDEX, "essays/marked.md": essay})
    [post] = _posts(app, "essays/marked")
    assert post.summary == "The first teaser paragraph."


def test_cards_cut_summaries_to_card_words(build: BuildFn) -> None:
    long_body = " ".join(f"word{n}," for n in range(80))
    essay = MARKED.replace("The first teaser paragraph.", long_body)
    app = build({"index.md": INDEX, "essays/marked.md": essay}, "careerblog_card_words = 12\n")
    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    [summary] = soup.select(".cb-postlist-card .cb-postlist-summary")
    text = summary.get_text()
    assert text == " ".join(f"word{n}," for n in range(12)).rstrip(",") + "…"


def test_card_summary_keeps_short_text_whole() -> None:
    assert card_summary("Two\n\nparagraphs here", 40) == "Two paragraphs here"
    assert card_summary("", 40) == ""
    assert card_summary("one two three", 2) == "one two…"


def test_tag_cloud_terms_are_separate_items(build: BuildFn) -> None:
    app = build({"index.md": INDEX, "essays/marked.md": MARKED, "essays/rst.rst": MARKED_RST})
    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    items = soup.select("ul.cb-taxonomy-cloud-terms > li")
    shown = [" ".join(item.get_text().split()) for item in items]
    assert shown == ["asking for help (2)", "first year (1)"]
