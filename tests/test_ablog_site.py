"""An ABlog site moves over by changing one line of ``conf.py`` (SPEC "Migrating
from ABlog: one line"). ``tests/data/ablog-site`` is written in ABlog's documented
syntax; ``ablog-site.reference.json`` is what ABlog itself made of it
(``tests/data/ablog_reference.py``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphinx_careerblog.data.store import get_store

from .conftest import edit, status_text, warning_text
from .pages_helpers import broken_links, comparable, sidebar, sidebar_items, soup

DATA = Path(__file__).parent / "data"
REFERENCE = json.loads((DATA / "ablog-site.reference.json").read_text("utf-8"))["posts"]
SWAP = (
    'extensions = ["myst_parser", "ablog"]',
    'extensions = ["myst_parser", "sphinx_careerblog"]',
)


def migrated_copy(tmp_path: Path) -> Path:
    """The fixture with exactly one line changed: the extension's name."""
    src = Path(shutil.copytree(DATA / "ablog-site", tmp_path / "site"))
    conf = src / "conf.py"
    before = conf.read_text("utf-8").splitlines()
    after = [line.replace(*SWAP) for line in before]
    assert sum(old != new for old, new in zip(before, after, strict=True)) == 1
    conf.write_text("\n".join(after) + "\n", "utf-8")
    return src


@pytest.fixture
def site(build, tmp_path):
    src = migrated_copy(tmp_path)

    def _build(buildername: str = "html", **kwargs):
        return build(srcdir=src, buildername=buildername, **kwargs)

    return _build


def _ours(app) -> dict[tuple[str, str], dict[str, object]]:
    listed = {post.key for post in get_store(app.env).listed_posts(app.config)}
    result = {}
    for post in get_store(app.env).iter_posts():
        fields = post.fields
        result[(post.docname, post.anchor)] = {
            "title": post.listed_title,
            "date": fields.date.date().isoformat() if fields.date else None,
            "draft": post.is_draft,
            "listed": post.key in listed,
            "authors": sorted(fields.authors),
            "categories": sorted(fields.categories),
            "tags": sorted(fields.tags),
            "languages": sorted(p.strip() for p in (fields.language or "").split(",") if p),
            "locations": sorted(p.strip() for p in (fields.location or "").split(",") if p),
            "external_link": fields.external_link,
        }
    return result


def test_builds_warning_free_with_the_same_posts_as_ablog(site) -> None:
    app = site()
    assert warning_text(app) == ""
    ours = _ours(app)
    assert sorted(ours) == sorted((post["docname"], post["section"]) for post in REFERENCE)
    for expected in REFERENCE:
        got = ours[(expected["docname"], expected["section"])]
        assert got["draft"] is expected["draft"], expected["docname"]
        assert got["listed"] is not expected["draft"]  # a published build lists no draft
        keys = ["title", "date", "categories", "tags", "external_link"]
        if not expected["draft"]:
            # ABlog gives drafts neither the default author nor the default language
            keys += ["authors", "languages", "locations"]
        for key in keys:
            assert got[key] == expected[key], (expected["docname"], key)


def test_every_author_category_and_tag_has_its_page(site) -> None:
    app = site()
    out = app.outdir / "blog"
    published = [post for post in REFERENCE if not post["draft"]]
    for kind, field in (("author", "authors"), ("category", "categories"), ("tag", "tags")):
        names = {name for post in published for name in post[field]}
        pages = {path.stem for path in (out / kind).glob("*.html")}
        assert pages == {name.lower() for name in names}, kind
    # the author page shows the full name from ABlog's ("Name", "url") tuple
    page = soup(out / "author" / "priya.html")
    assert "Priya Raman" in page.select_one("#cb-page h1").get_text()


def _links(app) -> dict[str, str | None]:
    """Text of each reference on links.html -> its href (None: plain text)."""
    page = soup(app.outdir / "links.html")
    found: dict[str, str | None] = {}
    for node in page.select("div.body .std-ref"):
        anchor = node.find_parent("a")
        found[node.get_text()] = anchor["href"] if anchor is not None else None
    return found


def test_ablog_labels_resolve_with_their_text(site) -> None:
    app = site()
    assert _links(app) == {
        "Posts": "blog/index.html",
        "Drafts": None,  # preview-only: plain text in a published build, no warning
        "Field Notes feed": "blog/atom.xml",
        "Archives": "blog/archive.html",
        "Tags": "blog/tags.html",
        "Categories": "blog/categories.html",
        "Authors": "blog/authors.html",
        "Languages": "blog/languages.html",
        "Locations": "blog/locations.html",
        "onboarding": "blog/tag/onboarding.html",
        "Team": "blog/category/team.html",
        "Jonas Weber": "blog/author/jonas.html",
        "Deutsch": "blog/language/de.html",
        "Lisbon": "blog/location/lisbon.html",
        "2024": "blog/archive/2024.html",
        "An onboarding checklist that new hires finish": "posts/2024/onboarding-checklist.html",
        "Code review habits worth keeping": "posts/2024/code-review-habits/index.html",
        "the checklist": "posts/2024/onboarding-checklist.html",
    }
    assert broken_links(app.outdir, [app.outdir / "links.html"]) == []
    # a MyST post refers to an rST one by its file name too
    page = soup(app.outdir / "posts/2024/code-review-habits/index.html")
    assert page.select_one("div.body a[href='../onboarding-checklist.html']") is not None


def test_the_drafts_label_links_in_a_preview_build(site) -> None:
    app = site(confoverrides={"careerblog_include_drafts": True})
    assert warning_text(app) == ""
    assert _links(app)["Drafts"] == "blog/index.html"


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml", "latex", "text"])
def test_labels_resolve_in_every_builder(site, buildername) -> None:
    app = site(buildername)
    assert warning_text(app) == ""
    if buildername == "text":
        text = (app.outdir / "links.txt").read_text("utf-8")
        for shown in ("Posts", "Drafts", "Jonas Weber", "Deutsch", "2024", "the checklist",
                      "An onboarding checklist that new hires finish"):  # fmt: skip
            assert shown in text
    elif buildername == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text("utf-8")
        # a post in the book's toctree is a real cross-reference; the others, and the
        # generated pages, are not in the book: their text stands alone
        assert r"\hyperref[\detokenize{posts/2024/onboarding-checklist::doc}]" in tex
        for shown in ("Code review habits worth keeping", "Jonas Weber", "Drafts"):
            assert shown in tex
    elif buildername == "singlehtml":
        page = soup(app.outdir / "index.html")
        anchor = page.find("a", string=None, href="#document-posts/2024/onboarding-checklist")
        assert anchor is not None
    else:
        page = soup(app.outdir / "links" / "index.html")
        hrefs = {node.get_text(): node.find_parent("a") for node in page.select(".std-ref")}
        assert hrefs["Jonas Weber"]["href"] == "../blog/author/jonas/"
        assert hrefs["Code review habits worth keeping"]["href"] == (
            "../posts/2024/code-review-habits/"
        )


def test_ablog_sidebars_render_our_boxes(site) -> None:
    app = site()
    page = soup(app.outdir / "posts" / "2024" / "onboarding-checklist.html")
    card = sidebar(page, "postcard")
    assert card.select_one("h3 time")["datetime"] == "2024-03-04"
    assert sidebar_items(page, "postcard") == [
        "Author: Priya Raman",
        "Location: Lisbon",
        "Language: English",
        "Category: Team",
        "Tags: onboarding , process",
        "1 min read",
    ]
    assert sidebar_items(page, "authors") == ["Jonas Weber (4)", "Priya Raman (4)"]
    assert sidebar_items(page, "languages") == ["Deutsch (1)", "English (6)"]
    assert sidebar_items(page, "locations") == ["Lisbon (1)", "Working remotely (2)"]
    for kind in ("recent", "tags", "categories", "archives"):
        assert sidebar_items(page, kind), kind
    # pages that are not posts have no postcard
    assert soup(app.outdir / "about.html").select_one(".cb-sidebar-postcard") is None


def test_exclude_and_directive_content(site) -> None:
    app = site()
    excerpt = "We moved the handbook to a new build in one afternoon"
    # ``exclude``: the directive's content is the excerpt in listings, not on the page
    body = soup(app.outdir / "posts" / "migration-log.html").select_one("div.body")
    assert excerpt not in body.get_text()  # (the page's description meta tag may hold it)
    assert "The old build took nine minutes" in body.get_text()
    assert excerpt in (app.outdir / "index.html").read_text("utf-8")
    assert excerpt in (app.outdir / "blog" / "index.html").read_text("utf-8")
    assert excerpt in (app.outdir / "blog" / "atom.xml").read_text("utf-8")
    # without ``exclude`` the content shows in place as well
    page = soup(app.outdir / "posts" / "schreibtipps.html")
    assert "Warum wir in der Dokumentation" in page.select_one("div.body").get_text()


def test_second_build_has_nothing_to_do(site) -> None:
    # (Sphinx's test app swaps alabaster for basic unless told otherwise)
    site(confoverrides={"html_theme": "alabaster"})
    app = site(confoverrides={"html_theme": "alabaster"})
    status = status_text(app)
    assert "no targets are out of date" in status
    assert "configuration has changed" not in status
    assert warning_text(app) == ""


def test_posts_need_no_toctree_entry_unless_auto_orphan_is_off(site) -> None:
    # the fixture's toctree lists no post: ABlog's post_auto_orphan keeps that quiet
    app = site(confoverrides={"careerblog_auto_orphan": False})
    assert "isn't included in any toctree" in warning_text(app)


def test_parallel_build_equals_serial(make_app, tmp_path) -> None:
    pages = ("links.html", "index.html", "posts/weekly-notes.html", "blog/index.html")
    shown = {}
    for jobs in (1, 2):
        src = migrated_copy(tmp_path / f"j{jobs}")
        app = make_app("html", srcdir=src, parallel=jobs)
        app.build()
        assert warning_text(app) == ""
        shown[jobs] = [comparable(app.outdir / page) for page in pages]
        # auto-orphan reached the main process's metadata too
        assert app.env.metadata["posts/schreibtipps"].get("orphan") is True
        app.cleanup()
    assert shown[1] == shown[2]


def test_labels_and_ablog_sidebars_follow_edits(site) -> None:
    theme = {"html_theme": "alabaster"}
    app = site(confoverrides=theme)
    src = app.srcdir
    post = src / "posts" / "2024" / "onboarding-checklist.rst"
    text = post.read_text("utf-8")
    text = text.replace("An onboarding checklist that new hires finish", "Onboarding, shorter")
    lines = text.splitlines()
    lines[1] = "=" * len(lines[0])
    text = "\n".join(lines) + "\n"
    edit(post, text.replace(":author: Priya", ":author: Priya, Ana"))
    app = site(confoverrides=theme)
    assert warning_text(app) == ""
    # links.html was not edited, yet shows the new title (it is a listing document)
    assert "Onboarding, shorter" in _links(app)
    # the authors box on an untouched page counts the new author
    page = soup(app.outdir / "about.html")
    assert "Ana (1)" in sidebar_items(page, "authors")
