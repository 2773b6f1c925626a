"""Incremental builds: generated pages and sidebars equal a clean build's after every
kind of change to a post, and an untouched page shows the new sidebar."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import edit, status_text, warning_text, write_project
from .pages_helpers import (
    SIDEBARS_CONF,
    blog,
    comparable,
    no_state_files,
    post,
    remembered_files,
    sidebar_items,
    soup,
)

CONF = SIDEBARS_CONF + "careerblog_posts_per_page = 2\n"


def _files() -> dict[str, str]:
    files = blog(4)
    files["index.md"] = "# Home\n\n```{toctree}\n:glob:\n\nposts/*\nabout\n```\n"
    files["about.md"] = "# About\n\nNot a post; it only carries the sidebars.\n"
    return files


Change = Callable[[Path], None]


def _add(src: Path) -> None:
    edit(
        src / "posts" / "p10.md",
        post("Newcomer", date="2026-05-05", category="Fresh", tags="[all, new]"),
    )


def _delete(src: Path) -> None:
    (src / "posts" / "p01.md").unlink()


def _retitle(src: Path) -> None:
    edit(
        src / "posts" / "p02.md",
        post("Renamed <&>", date="2022-03-15", category="Craft", tags="[all, even]", author="ann"),
    )


def _recategorize(src: Path) -> None:
    edit(
        src / "posts" / "p03.md",
        post("Post 03", date="2023-04-15", category="Craft", tags="[all]", author="bob"),
    )


def _retag(src: Path) -> None:
    edit(
        src / "posts" / "p00.md",
        post("Post 00", date="2020-01-15", category="Craft", tags="[all, retagged]", author="ann"),
    )


def _redate(src: Path) -> None:
    edit(
        src / "posts" / "p00.md",
        post("Post 00", date="2026-01-15", category="Craft", tags="[all, even]", author="ann"),
    )


def _draft(src: Path) -> None:
    edit(src / "posts" / "p03.md", post("Post 03", category="Growth", tags="[all]", author="bob"))


def _undraft(src: Path) -> None:
    # p09 starts as a draft (see ``_initial``) and gets a date
    edit(src / "posts" / "p09.md", post("Was a draft", date="2025-01-01", tags="[hidden]"))


CHANGES: dict[str, Change] = {
    "add": _add,
    "delete": _delete,
    "retitle": _retitle,
    "recategorize": _recategorize,
    "retag": _retag,
    "redate": _redate,
    "draft": _draft,
    "undraft": _undraft,
}


def _initial(src: Path) -> Path:
    files = _files()
    files["posts/p09.md"] = post("Was a draft", tags="[hidden]")
    return write_project(src, files, CONF)


def _snapshot(outdir: Path) -> dict[str, str]:
    """Every generated page, plus the pages that only carry sidebars."""
    pages = sorted((outdir / "blog").rglob("*.html"))
    pages += [outdir / "about.html", outdir / "index.html", outdir / "posts" / "p00.html"]
    return {path.relative_to(outdir).as_posix(): comparable(path) for path in pages}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_equals_clean(make_app, tmp_path, change) -> None:
    src = _initial(tmp_path / "inc")
    first = make_app("html", srcdir=src)
    first.build()
    assert warning_text(first) == ""
    before = sidebar_items(soup(first.outdir / "about.html"), "tags")
    first.cleanup()

    CHANGES[change](src)
    incremental = make_app("html", srcdir=src)
    incremental.build()
    assert warning_text(incremental) == ""
    got = _snapshot(incremental.outdir)
    after = sidebar_items(soup(incremental.outdir / "about.html"), "tags")
    incremental.cleanup()

    clean_src = _initial(tmp_path / "clean")
    CHANGES[change](clean_src)
    clean = make_app("html", srcdir=clean_src)
    clean.build()
    want = _snapshot(clean.outdir)
    assert sorted(got) == sorted(want)  # no stale generated page is left behind
    for name in want:
        assert got[name] == want[name], name
    if change in ("add", "delete", "retag", "draft", "undraft"):
        # the untouched page was rewritten with the new counts
        assert after != before


@pytest.mark.parametrize("parallel", [1, 2])
def test_untouched_page_shows_new_counts_after_adding_a_post(make_app, tmp_path, parallel) -> None:
    src = _initial(tmp_path / "src")
    app = make_app("html", srcdir=src, parallel=parallel)
    app.build()
    about = app.outdir / "about.html"
    assert "all (4)" in sidebar_items(soup(about), "tags")
    app.cleanup()

    _add(src)
    app = make_app("html", srcdir=src, parallel=parallel)
    app.build()
    status = status_text(app)
    assert re.search(r"reading sources\.\.\. \[\s*100%\] posts/p10", status)
    parsed = soup(about)
    assert "all (5)" in sidebar_items(parsed, "tags")
    assert "Fresh (1)" in sidebar_items(parsed, "categories")
    assert sidebar_items(parsed, "recent")[0].startswith("Newcomer")
    assert sidebar_items(parsed, "archives")[0] == "2026 (1)"


def test_removed_term_page_is_deleted_and_real_files_are_kept(make_app, tmp_path) -> None:
    src = _initial(tmp_path / "src")
    _add(src)
    app = make_app("html", srcdir=src)
    app.build()
    fresh = app.outdir / "blog" / "category" / "fresh.html"
    assert fresh.is_file()
    assert "blog/category/fresh.html" in remembered_files(app)
    assert no_state_files(app.outdir)
    app.cleanup()

    (src / "posts" / "p10.md").unlink()
    # a real document now has the URL of a page the last build generated
    (src / "blog").mkdir()
    edit(src / "blog" / "tags.md", "---\norphan: true\n---\n# Hand-made tags page\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert not fresh.exists()
    assert "Hand-made tags page" in (app.outdir / "blog" / "tags.html").read_text()
    assert "[careerblog.page_collision]" in warning_text(app)


def test_no_change_rebuild_writes_nothing_but_keeps_pages(make_app, tmp_path) -> None:
    src = _initial(tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    before = _snapshot(app.outdir)
    app.cleanup()
    app = make_app("html", srcdir=src)
    app.build()
    status = status_text(app)
    assert "0 added, 0 changed, 0 removed" in status
    assert "no targets are out of date" in status
    assert "templates_path" not in status  # registering our templates changes nothing
    assert _snapshot(app.outdir) == before


def test_body_only_edit_rewrites_one_page(make_app, tmp_path) -> None:
    src = _initial(tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    app.cleanup()
    text = (src / "posts" / "p01.md").read_text()
    edit(src / "posts" / "p01.md", text + "\nA second paragraph, not the summary.\n")
    app = make_app("html", srcdir=src)
    app.build()
    status = status_text(app)
    assert "0 added, 1 changed, 0 removed" in status
    written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status)
    # Sphinx itself rewrites the document whose toctree holds the edited one
    assert written == ["index", "posts/p01"]


def test_dirhtml_incremental_removes_the_old_page_folder(make_app, tmp_path) -> None:
    src = _initial(tmp_path / "src")
    app = make_app("dirhtml", srcdir=src)
    app.build()
    growth = app.outdir / "blog" / "category" / "growth"
    assert (growth / "index.html").is_file()
    app.cleanup()
    for number in (1, 3):  # the two Growth posts move to Craft
        path = src / "posts" / f"p{number:02d}.md"
        edit(path, path.read_text().replace("category: Growth", "category: Craft"))
    app = make_app("dirhtml", srcdir=src)
    app.build()
    assert warning_text(app) == ""
    assert not growth.exists()
    assert (app.outdir / "blog" / "category" / "craft" / "page" / "2" / "index.html").is_file()
    assert "Growth" not in " ".join(
        sidebar_items(soup(app.outdir / "about" / "index.html"), "categories")
    )
