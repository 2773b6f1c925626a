"""reStructuredText authors get what MyST authors get.

The same handbook is written twice, once in MyST Markdown and once in
reStructuredText, with the same document names: every directive (``post``,
``update``, ``postlist``, ``taxonomy``, ``reflection``, ``reflectionlist``), the
``blog`` roles and file-wide metadata. Both are built, and the body of every page,
generated pages included, must be the same.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import warning_text
from .listing_helpers import AUTHORS_CONF

CONF = AUTHORS_CONF

MYST = {
    "index.md": """\
        # Home

        ```{toctree}
        :hidden:
        :glob:

        essays/*
        ```

        More on {blog:category}`craft`, on {blog:tag}`feedback` and by {blog:author}`mara`
        (or {blog:tag}`what we tagged mentorship <mentorship>`).

        ```{postlist} Latest essays
        :limit: 2
        :excerpts:
        :expand: Read on
        ```

        ```{postlist}
        :tag: feedback, mentorship
        :format: table
        ```

        ```{postlist}
        :format: cards
        ```

        ```{postlist}
        :format: {date} - {title} by {author}
        :sort: title
        ```

        ```{taxonomy}
        :kind: tags
        :counts:
        ```

        ```{taxonomy}
        :kind: years
        :format: cloud
        ```

        ```{reflectionlist}
        ```

        ```{reflectionlist}
        :format: summary
        :post-category: craft
        ```
        """,
    "essays/alpha.md": """\
        # Alpha essay

        ```{post} 2024-03-01
        :author: mara
        :category: craft
        :tags: mentorship, feedback
        :series: Leading

        The summary of *Alpha*.
        ```

        Text of Alpha, with a [link](https://example.org/).

        ```{update} 2024-04-02
        The second section is new.
        ```

        ```{reflection} Before you say "done"
        :id: before-done
        :category: habits

        Five minutes before you close the ticket, ask yourself:

        - Could someone else **run** this without asking you?
        - Is the `CHANGELOG` entry written for a reader?
        ```
        """,
    "essays/bravo.md": """\
        ---
        post: true
        date: 2025-06-15
        author: tomas
        categories: career-growth
        tags: [mentorship]
        series: Leading
        ---
        # Bravo essay

        Text of Bravo.

        ```{reflection} After the review
        - What did you learn?
        ```
        """,
}

RST = {
    "index.rst": """\
        Home
        ====

        .. toctree::
           :hidden:
           :glob:

           essays/*

        More on :blog:category:`craft`, on :blog:tag:`feedback` and by :blog:author:`mara`
        (or :blog:tag:`what we tagged mentorship <mentorship>`).

        .. postlist:: Latest essays
           :limit: 2
           :excerpts:
           :expand: Read on

        .. postlist::
           :tag: feedback, mentorship
           :format: table

        .. postlist::
           :format: cards

        .. postlist::
           :format: {date} - {title} by {author}
           :sort: title

        .. taxonomy::
           :kind: tags
           :counts:

        .. taxonomy::
           :kind: years
           :format: cloud

        .. reflectionlist::

        .. reflectionlist::
           :format: summary
           :post-category: craft
        """,
    "essays/alpha.rst": """\
        Alpha essay
        ===========

        .. post:: 2024-03-01
           :author: mara
           :category: craft
           :tags: mentorship, feedback
           :series: Leading

           The summary of *Alpha*.

        Text of Alpha, with a `link <https://example.org/>`__.

        .. update:: 2024-04-02

           The second section is new.

        .. reflection:: Before you say "done"
           :id: before-done
           :category: habits

           Five minutes before you close the ticket, ask yourself:

           - Could someone else **run** this without asking you?
           - Is the ``CHANGELOG`` entry written for a reader?
        """,
    "essays/bravo.rst": """\
        :post: true
        :date: 2025-06-15
        :author: tomas
        :categories: career-growth
        :tags: mentorship
        :series: Leading

        Bravo essay
        ===========

        Text of Bravo.

        .. reflection:: After the review

           - What did you learn?
        """,
}


def _bodies(outdir: Path) -> dict[str, str]:
    """The prettified main body of every HTML page, by path."""
    bodies = {}
    for path in sorted(outdir.rglob("*.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        body = page.select_one("div.body")
        assert body is not None, path
        bodies[str(path.relative_to(outdir))] = body.prettify()
    return bodies


def test_restructuredtext_pages_equal_myst_pages(build, tmp_path: Path) -> None:
    myst = build(MYST, conf_extra=CONF, srcdir=tmp_path / "myst")
    assert warning_text(myst) == ""
    myst_bodies = _bodies(Path(myst.outdir))
    rst = build(RST, conf_extra=CONF, srcdir=tmp_path / "rst")
    assert warning_text(rst) == ""
    rst_bodies = _bodies(Path(rst.outdir))

    assert sorted(rst_bodies) == sorted(myst_bodies)
    # every feature is on the pages being compared
    index = myst_bodies["index.html"]
    for css_class in (
        "cb-postlist-list",
        "cb-postlist-table",
        "sd-card",
        "cb-postlist-format",
        "cb-taxonomy-tags",
        "cb-taxonomy-cloud",
        "cb-reflectionlist",
        'class="reference internal"',
    ):
        assert css_class in index, css_class
    alpha = myst_bodies["essays/alpha.html"]
    for css_class in ("cb-byline", "cb-update", "cb-reflection", "cb-series"):
        assert css_class in alpha, css_class
    assert "cb-byline" in myst_bodies["essays/bravo.html"]
    assert any(name.startswith("blog/tag/") for name in myst_bodies)

    for name, body in myst_bodies.items():
        assert rst_bodies[name] == body, name
