"""A declared category or tag keeps its page with no posts; an undeclared one has none."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import edit, warning_text

CONF = """
careerblog_categories = {
    "craft": {"title": "Craft", "description": "How we build things."},
    "quiet-corner": {"title": "Quiet corner", "description": "Essays still to come."},
}
careerblog_tags = {"someday": {"title": "Someday", "description": "Ideas for later."}}
"""


def essay(title: str, category: str, date: str | None = "2024-02-01") -> str:
    dated = f"date: {date}\n" if date else ""
    return f"---\npost: true\n{dated}category: {category}\n---\n# {title}\n\nText.\n"


FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n",
    "essays/one.md": essay("One", "Craft"),
    "essays/two.md": essay("Two", "Quiet corner"),
    # only a draft uses it: undeclared, so no page
    "essays/draft.md": essay("Unfinished", "Hidden topic", date=None),
}


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


def test_declared_terms_keep_their_page_when_empty(build, tmp_path: Path) -> None:
    src = tmp_path / "src"
    app = build(FILES, conf_extra=CONF, srcdir=src)
    assert warning_text(app) == ""
    outdir = Path(app.outdir)
    category = outdir / "blog" / "category"
    assert (category / "quiet-corner.html").is_file()
    assert not (category / "hidden-topic.html").exists()

    # a declared tag no post carries: its page says so, with its description
    someday = page(outdir, "blog/tag/someday.html")
    assert someday.select_one(".cb-no-posts").get_text() == "No posts yet."
    assert someday.select_one(".cb-page-description").get_text() == "Ideas for later."
    for link in someday.select("#cb-page a[href]"):
        target = link["href"].split("#")[0]
        if target and "://" not in target:
            assert (outdir / "blog" / "tag" / target).resolve().exists(), link["href"]

    # the last post of a declared category moves away: the page stays, now empty
    edit(src / "essays" / "two.md", essay("Two", "Craft"))
    app = build(srcdir=src)
    quiet = page(Path(app.outdir), "blog/category/quiet-corner.html")
    assert quiet.select_one(".cb-no-posts").get_text() == "No posts yet."
    assert quiet.select_one(".cb-page-description").get_text() == "Essays still to come."
    assert "Two" not in quiet.select_one("#cb-page").get_text()
    craft = page(Path(app.outdir), "blog/category/craft.html")
    assert len(craft.select(".cb-entry")) == 2
