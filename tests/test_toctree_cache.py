"""Generated pages share the navigation rendering, and still show the right links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_careerblog.site import freshness

POSTS = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\nabout\n```\n",
    "about.md": "# About\n\nA page.\n",
}
for number in range(4):
    POSTS[f"essays/e{number}.md"] = (
        f"---\npost: true\ndate: 2024-0{number + 1}-01\ncategory: C{number % 2}\n"
        f"tags: [t{number}]\n---\n# Essay {number}\n\nText.\n"
    )


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_navigation_links_resolve_on_generated_pages(build, buildername) -> None:
    # the test app defaults to the "basic" theme, whose sidebars have no navigation
    app = build(POSTS, buildername=buildername, confoverrides={"html_theme": "alabaster"})
    outdir = Path(app.outdir)
    pages = list((outdir / "blog").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        nav = soup.select("div.sphinxsidebar a.reference.internal")
        assert nav, page
        for link in nav:
            target = link["href"].split("#")[0]
            resolved = (page.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.exists(), (page, link["href"])


# a conf.py extension: keep Sphinx's own toctree() before ours wraps it, then compare
# the shared rendering with it for the arguments themes pass
EXACTNESS_CONF = """
import re
CHECK = {"shared": [], "mismatches": []}
MARKERS = re.compile(r"<!--/?careerblog-navigation(:[0-9a-f]*:[0-9a-f]*)?-->")
ARGUMENTS = ({}, {"collapse": False}, {"maxdepth": 1, "titles_only": True},
             {"collapse": False, "includehidden": True, "titles_only": True, "maxdepth": -1})

def _keep(app, pagename, templatename, context, doctree):
    context["test_original_toctree"] = context.get("toctree")

def _compare(app, pagename, templatename, context, doctree):
    original = context.get("test_original_toctree")
    if doctree is not None or original is None or context["toctree"] is original:
        return
    CHECK["shared"].append(pagename)
    for arguments in ARGUMENTS:
        for _ in range(2):  # the second call is answered from the cache
            shared = MARKERS.sub("", context["toctree"](**arguments))
            if shared != str(original(**arguments)):
                CHECK["mismatches"].append((pagename, arguments))

def setup(app):
    app.careerblog_toctree_check = CHECK
    app.connect("html-page-context", _keep, priority=100)
    app.connect("html-page-context", _compare, priority=950)
"""


@pytest.mark.parametrize(
    ("buildername", "theme"), [("html", "alabaster"), ("dirhtml", "alabaster"), ("html", "furo")]
)
def test_shared_navigation_equals_sphinx_own(build, buildername, theme) -> None:
    app = build(
        POSTS,
        buildername=buildername,
        conf_extra=EXACTNESS_CONF,
        confoverrides={"html_theme": theme, "careerblog_posts_per_page": 1},
    )
    check = app.careerblog_toctree_check
    shared = set(check["shared"])
    # every kind of generated page, in several directories, used the shared rendering
    assert {"blog/index", "blog/page/2", "blog/category/c0", "blog/tag/t1"} <= shared
    assert check["mismatches"] == []


@pytest.mark.parametrize(
    ("buildername", "theme"), [("html", "alabaster"), ("dirhtml", "alabaster"), ("html", "furo")]
)
def test_new_post_refreshes_the_navigation_of_generated_pages(
    build, tmp_path, buildername, theme
) -> None:
    """A new post joins the navigation of every generated page: the pages that do
    not list it get it in place (alabaster) or are written again (furo, whose
    navigation is reworked HTML), and every page equals a clean build's."""
    options = {"buildername": buildername, "confoverrides": {"html_theme": theme}}
    app = build(POSTS, **options)
    src = Path(app.srcdir)
    (src / "essays/e9.md").write_text(
        "---\npost: true\ndate: 2024-09-01\ncategory: C0\ntags: [t9]\n---\n# Zebra essay\n\nText.\n"
    )
    app = build(srcdir=src, **options)
    outdir = Path(app.outdir)
    written = freshness.written_pages(app)
    assert "blog/category/c0" in written  # lists the new post
    if theme == "alabaster":
        assert not {"blog/category/c1", "blog/tag/t1", "blog/tag/t2"} & written
    else:
        assert {"blog/category/c1", "blog/tag/t1"} <= written
    tag_page = outdir / ("blog/tag/t1.html" if buildername == "html" else "blog/tag/t1/index.html")
    assert "Zebra essay" in tag_page.read_text("utf-8")  # in the navigation only

    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = Path(build(srcdir=clean_src, **options).outdir)

    def generated(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "blog").rglob("*.html"))
        }

    assert generated(outdir) == generated(clean)


def test_reworked_navigation_is_written_again_not_patched(build, tmp_path) -> None:
    """A region whose HTML is not what was rendered into it (a theme or extension
    changed it) makes every generated page written again."""
    app = build(POSTS, confoverrides={"html_theme": "alabaster"})
    src, outdir = Path(app.srcdir), Path(app.outdir)
    page = outdir / "blog/tag/t1.html"
    page.write_text(page.read_text("utf-8").replace("Essay 1", "Essay one"), "utf-8")
    (src / "essays/e9.md").write_text(
        "---\npost: true\ndate: 2024-09-01\ncategory: C0\n---\n# Zebra essay\n\nText.\n"
    )
    app = build(srcdir=src, confoverrides={"html_theme": "alabaster"})
    assert "blog/tag/t1" in freshness.written_pages(app)
    assert "Essay one" not in page.read_text("utf-8")


def test_an_unreadable_marker_is_written_again_not_a_traceback(build) -> None:
    """A marker whose arguments no longer read (the file was edited) makes the pages
    written again; the build goes on without an error."""
    app = build(POSTS, confoverrides={"html_theme": "alabaster"})
    src, outdir = Path(app.srcdir), Path(app.outdir)
    page = outdir / "blog/tag/t1.html"
    text = page.read_text("utf-8")
    page.write_text(
        re.sub(r"careerblog-navigation:[0-9a-f]+:", "careerblog-navigation:abc:", text, count=1),
        "utf-8",
    )
    (src / "essays/e9.md").write_text(
        "---\npost: true\ndate: 2024-09-01\ncategory: C0\n---\n# Zebra essay\n\nText.\n"
    )
    app = build(srcdir=src, confoverrides={"html_theme": "alabaster"})
    assert "blog/tag/t1" in freshness.written_pages(app)
    assert "careerblog-navigation:abc:" not in page.read_text("utf-8")
    assert "Zebra essay" in page.read_text("utf-8")
