"""Blog sidebars refreshed in place: an incremental build equals a clean one, byte for
byte, while Sphinx writes only the documents that changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinx_careerblog.site import sidebars

from .conftest import edit, status_text
from .pages_helpers import SIDEBARS_CONF, blog, post

ONLY_BOXES = """
html_sidebars = {"**": ["careerblog/recent.html", "careerblog/categories.html",
                        "careerblog/tags.html", "careerblog/archives.html"]}
"""


def html_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if "_sources" not in path.parts
    }


def written_documents(app) -> set[str]:
    """The documents Sphinx's writer wrote (its "writing output... [ n%] name" lines)."""
    return set(re.findall(r"writing output\.\.\. \[ *\d+%\] (\S+)", status_text(app)))


def clean_copy(build, src: Path, tmp_path: Path, **kwargs) -> Path:
    """A clean build of the same sources in another directory."""
    other = tmp_path / "clean-src"
    shutil.copytree(src, other, ignore=shutil.ignore_patterns("_build"))
    app = build(srcdir=other, **kwargs)
    return Path(app.outdir)


@pytest.mark.parametrize(
    ("buildername", "theme"), [("html", "alabaster"), ("dirhtml", "alabaster"), ("html", "furo")]
)
def test_category_change_refreshes_every_sidebar_in_place(
    build, tmp_path, buildername, theme
) -> None:
    options = {"buildername": buildername, "confoverrides": {"html_theme": theme}}
    files = blog(12)
    files["about.md"] = "# About\n\nA page with no posts.\n"
    app = build(files, conf_extra=SIDEBARS_CONF, **options)
    src, outdir = Path(app.srcdir), Path(app.outdir)
    assert sidebars.refreshable(app)
    edit(src / "posts/p03.md", post("Post 03", date="2023-04-15", category="Leadership",
                                     tags="[all, new-tag]", author="bob"))  # fmt: skip
    app = build(srcdir=src, **options)
    # Sphinx wrote the edited post and the documents whose footers or lists show it,
    # not every page; every other page had its sidebars refreshed in place
    written = written_documents(app)
    assert "posts/p03" in written
    assert not written & {"about", "posts/p00", "posts/p02", "posts/p04"}
    incremental = html_files(outdir)
    assert (
        b"Leadership" in incremental["about.html" if buildername == "html" else "about/index.html"]
    )
    assert incremental == html_files(clean_copy(build, src, tmp_path, **options))


def test_new_post_refreshes_recent_posts_in_place(build, tmp_path) -> None:
    # Sphinx itself leaves its own navigation and previous/next links stale when a
    # toctree gains a document: the new post is an orphan and the sidebars only ours
    app = build(blog(6), conf_extra=ONLY_BOXES)
    src, outdir = Path(app.srcdir), Path(app.outdir)
    new_post = post("A brand new post", date="2026-06-01", category="Craft")
    (src / "news").mkdir()
    edit(src / "news/p99.md", new_post.replace("post: true\n", "post: true\norphan: true\n"))
    app = build(srcdir=src)
    # the Craft posts show it among their related posts; the others were not written
    assert not written_documents(app) & {"posts/p01", "posts/p03", "posts/p05"}
    assert b"A brand new post" in (outdir / "posts/p01.html").read_bytes()
    assert html_files(outdir) == html_files(clean_copy(build, src, tmp_path))


def test_overridden_box_template_rewrites_every_document(build) -> None:
    # the project's own careerblog/tags.html may carry no markers: no in-place refresh
    files = blog(4)
    files["_templates/careerblog/tags.html"] = (
        "<div class='mine'>{{ careerblog_sidebar.tags|length }} tags</div>\n"
    )
    conf = "templates_path = ['_templates']\n" + ONLY_BOXES
    app = build(files, conf_extra=conf)
    assert not sidebars.refreshable(app)
    src = Path(app.srcdir)
    edit(src / "posts/p01.md", post("Post 01", date="2021-02-15", tags="[all, fresh]"))
    app = build(srcdir=src)
    assert written_documents(app) == {"index", "posts/p00", "posts/p01", "posts/p02", "posts/p03"}
    assert b"3 tags" in (Path(app.outdir) / "posts/p00.html").read_bytes()


def test_other_ablog_boxes_rewrite_every_document(build) -> None:
    conf = "html_sidebars = {'**': ['careerblog/tags.html', 'ablog/postcard.html']}\n"
    app = build(blog(3), conf_extra=conf)
    assert not sidebars.refreshable(app)
