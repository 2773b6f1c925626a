"""The sidebar templates: what they show, where they link, under html, dirhtml and
singlehtml, and their escaping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import Tag

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.site import sidebars
from sphinx_careerblog.site.plan import plan_pages

from .conftest import warning_text
from .pages_helpers import (
    SIDEBARS_CONF,
    blog,
    broken_links,
    post,
    resolve_href,
    sidebar,
    sidebar_items,
    soup,
)


def test_sidebars_show_recent_posts_terms_and_years(build) -> None:
    app = build(blog(7), conf_extra=SIDEBARS_CONF + "careerblog_sidebar_recent = 3\n")
    assert warning_text(app) == ""
    page = soup(app.outdir / "posts" / "p00.html")
    recent = sidebar(page, "recent")
    assert [a.get_text() for a in recent.select("li a")] == ["Post 06", "Post 05", "Post 04"]
    assert [t["datetime"] for t in recent.select("time")] == [
        "2026-07-15",
        "2025-06-15",
        "2024-05-15",
    ]
    assert sidebar_items(page, "categories") == ["Craft (4)", "Growth (3)"]
    assert sidebar_items(page, "tags") == ["all (7)", "even (4)"]
    assert sidebar_items(page, "archives")[:2] == ["2026 (1)", "2025 (1)"]
    assert len(sidebar_items(page, "archives")) == 7
    # headings link to the blog index and the overview pages
    headings = {
        kind: sidebar(page, kind).select_one("h3 a")["href"]
        for kind in ("recent", "categories", "tags", "archives")
    }
    assert headings == {
        "recent": "../blog/index.html",
        "categories": "../blog/categories.html",
        "tags": "../blog/tags.html",
        "archives": "../blog/archive.html",
    }


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_sidebar_links_resolve_from_every_depth(build, buildername) -> None:
    app = build(blog(3), conf_extra=SIDEBARS_CONF, buildername=buildername)
    assert warning_text(app) == ""
    out = app.outdir
    pages = [path for path in out.rglob("*.html") if "_static" not in path.parts]
    assert len(pages) > 15
    for page in pages:
        parsed = soup(page)
        links = [a["href"] for a in parsed.select(".cb-sidebar a")]
        assert len(links) >= 3 + 2 + 2 + 3, page
        for href in links:
            if href == "#":
                continue  # the page itself (e.g. the category page in its sidebar)
            target = resolve_href(out, page, href)
            assert target is not None and target.is_file(), (page, href)
    assert broken_links(out, pages) == []


def test_current_term_links_to_the_page_itself(build) -> None:
    app = build(blog(2), conf_extra=SIDEBARS_CONF)
    page = soup(app.outdir / "blog" / "category" / "craft.html")
    links = {a.get_text(): a["href"] for a in sidebar(page, "categories").select("li a")}
    assert links == {"Craft": "#", "Growth": "growth.html"}


def test_sidebars_in_singlehtml_link_inside_the_page(build) -> None:
    app = build(blog(2), conf_extra=SIDEBARS_CONF, buildername="singlehtml")
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    recent = sidebar(page, "recent")
    hrefs = [a["href"] for a in recent.select("li a")]
    assert hrefs == ["#document-posts/p01", "#document-posts/p00"]
    for href in hrefs:
        assert page.find(id=href[1:]) is not None
    # no generated pages: terms, years and headings are plain text
    for kind in ("categories", "tags", "archives"):
        assert sidebar(page, kind).select("a") == []
    assert sidebar_items(page, "tags") == ["all (2)", "even (1)"]


def test_drafts_stay_out_of_sidebars_and_excluded_posts_stay_in(build) -> None:
    # ``exclude`` (ABlog's meaning) only leaves the directive's content off the post's
    # page: the post itself is listed like any other
    files = blog(2)
    files["posts/draft.md"] = post("Draft one", tags="[secret]")
    files["posts/kept.md"] = post("Kept", date="2019-01-01", tags="[shown]", exclude="true")
    app = build(files, conf_extra=SIDEBARS_CONF)
    page = soup(app.outdir / "index.html")
    tags = " ".join(sidebar_items(page, "tags"))
    assert "secret" not in tags
    assert "shown (1)" in tags
    assert [item.split(" ")[0] for item in sidebar_items(page, "archives")] == [
        "2021",
        "2020",
        "2019",
    ]
    assert all("Draft" not in item for item in sidebar_items(page, "recent"))


def test_sidebar_values_are_escaped(build) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n",
        "posts/x.md": (
            '---\npost: true\ndate: 2024-01-01\ncategory: "C <b>&\'"\n'
            "tags: ['T \"<i>']\n---\n# X <script>alert(1)</script>\n\nBody.\n"
        ),
    }
    app = build(files, conf_extra=SIDEBARS_CONF + "smartquotes = False\n")
    page = soup(app.outdir / "index.html")
    # (MyST keeps inline HTML in the heading itself: look at the sidebars' own markup)
    markup = "".join(str(node) for node in page.select(".cb-sidebar"))
    for raw in ("<script>alert", "<b>&", '"<i>'):
        assert raw not in markup
    assert sidebar(page, "recent").select_one("li a").get_text() == "X <script>alert(1)</script>"
    assert sidebar_items(page, "categories") == ["C <b>&' (1)"]
    assert sidebar_items(page, "tags") == ['T "<i> (1)']


def test_no_posts_sidebars_say_so(build) -> None:
    app = build({"index.md": "# Home\n"}, conf_extra=SIDEBARS_CONF)
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    for kind in ("recent", "categories", "tags", "archives"):
        node = sidebar(page, kind)
        assert isinstance(node, Tag)
        assert node.select_one("p").get_text() == "No posts."


def test_sidebar_context_is_available_to_custom_templates(build) -> None:
    files = blog(2)
    files["_templates/mine.html"] = (
        '<p id="mine">{{ careerblog_sidebar.tags|length }} tags, newest: '
        "{{ careerblog_sidebar.recent[0].title|e }}</p>\n"
    )
    app = build(
        files,
        conf_extra="templates_path = ['_templates']\nhtml_sidebars = {'**': ['mine.html']}\n",
    )
    mine = soup(app.outdir / "index.html").select_one("#mine")
    assert mine is not None and mine.get_text() == "2 tags, newest: Post 01"


def test_recent_box_can_be_turned_off(build) -> None:
    app = build(blog(2), conf_extra=SIDEBARS_CONF + "careerblog_sidebar_recent = 0\n")
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    assert page.select(".cb-sidebar-recent") == []
    assert sidebar_items(page, "tags") == ["all (2)", "even (1)"]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_sidebar_context_equals_a_fresh_computation_on_every_page(build, buildername) -> None:
    # the page-independent part is memoised on the index: it must give what an
    # uncached computation gives, on documents and generated pages alike
    files = blog(4)
    files["posts/sections.md"] = (
        "# Sections\n\n## Part\n\n```{post} 2026-01-01\n:tags: all\n```\n\nBody.\n"
    )
    app = build(files, conf_extra=SIDEBARS_CONF, buildername=buildername)
    pagenames = sorted(app.env.found_docs) + [page.pagename for page in plan_pages(app).pages]
    assert len(pagenames) > 20
    self_links = 0
    for pagename in pagenames:
        cached = sidebars.sidebar_context(app, pagename)
        get_store(app.env).transient.clear()  # a new index, nothing memoised
        fresh = sidebars.sidebar_context(app, pagename)
        assert cached == fresh, pagename
        self_links += str(cached).count("'url': '#")
    assert self_links > 10  # index, overviews, term and year pages, posts in "recent"


def test_sidebar_links_are_made_only_when_a_template_reads_them(build, monkeypatch) -> None:
    """Without the tags box, a page makes no link to each tag: 10,000 tags on 10,000
    pages would otherwise cost 100 million links that nothing shows."""
    app = build(blog(3))  # the theme's own sidebars only
    made: list[str] = []
    relative_uri = app.builder.get_relative_uri

    def counting(source: str, target: str, typ: str | None = None) -> str:
        made.append(target)
        return relative_uri(source, target, typ)

    monkeypatch.setattr(app.builder, "get_relative_uri", counting)
    context = sidebars.sidebar_context(app, "index")
    assert made == []
    assert [item["title"] for item in context["tags"]] == ["all", "even"]
    assert made == ["blog/tag/all", "blog/tag/even"]
    assert context["tags"] is context["tags"]  # made once per page


@pytest.mark.parametrize("buildername", ["json", "pickle"])
def test_serializing_builders_get_plain_sidebar_data(build, buildername) -> None:
    # json and pickle dump every page's whole context: it must be plain data
    app = build(blog(3), conf_extra=SIDEBARS_CONF, buildername=buildername)
    assert warning_text(app) == ""
    suffix = ".fjson" if buildername == "json" else ".fpickle"
    page = Path(app.outdir) / f"posts/p00{suffix}"
    assert page.is_file()
    if buildername == "json":
        context = json.loads(page.read_text("utf-8"))
        assert [item["title"] for item in context["careerblog_sidebar"]["categories"]] == [
            "Craft",
            "Growth",
        ]
