"""Incremental builds of posts: the store and bylines equal a clean build's."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_careerblog.data.store import get_store

from .conftest import edit, status_text, warning_text, write_project

FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\n*\n```\n",
    "one.md": "---\npost: true\ndate: 2023-01-01\ntags: [a]\n---\n# One\n\nFirst.\n",
    "two.md": "---\npost: true\ndate: 2023-02-01\n---\n# Two\n\nSecond.\n",
}


def _rebuild(make_app, src: Path):
    app = make_app("html", srcdir=src)
    app.build()
    return app


def test_no_change_rebuild_is_a_no_op(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", FILES)
    first = _rebuild(make_app, src)
    first.cleanup()
    second = _rebuild(make_app, src)
    status = status_text(second)
    assert "0 added, 0 changed, 0 removed" in status
    assert "targets for 0 source files that are out of date" in status
    assert warning_text(second) == ""


def test_edit_delete_and_add_match_a_clean_build(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", FILES)
    _rebuild(make_app, src).cleanup()

    edit(
        src / "one.md",
        "---\npost: true\ndate: 2024-06-01\ntags: [b]\n---\n# One, renamed\n\nFirst.\n",
    )
    (src / "two.md").unlink()
    edit(src / "three.md", "# Three\n\n```{post} 2024-07-01\n```\n\nThird.\n")
    incremental = _rebuild(make_app, src)
    status = status_text(incremental)
    assert re.search(r"1 added, \d+ changed, 1 removed", status)
    assert "reading sources... [100%] three" in status
    incremental_posts = dict(get_store(incremental.env).posts)
    incremental_html = (incremental.outdir / "one.html").read_text()
    incremental.cleanup()

    clean_src = write_project(tmp_path / "clean", {})
    for path in src.glob("*.md"):
        (clean_src / path.name).write_text(path.read_text())
    (clean_src / "conf.py").write_text((src / "conf.py").read_text())
    clean = _rebuild(make_app, clean_src)
    assert dict(get_store(clean.env).posts) == incremental_posts
    assert set(incremental_posts) == {"one", "three"}
    assert "01 June 2024" in incremental_html
    assert (clean.outdir / "one.html").read_text() == incremental_html


def _written(app) -> set[str]:
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status_text(app)))


def test_summary_edit_rewrites_listings_but_not_other_posts(make_app, tmp_path) -> None:
    files = {
        **FILES,
        "list.md": "# All essays\n\n```{postlist}\n:excerpts:\n```\n",
        "three.md": "---\npost: true\ndate: 2023-03-01\ntags: [a]\n---\n# Three\n\nThird.\n",
    }
    src = write_project(tmp_path / "src", files)
    _rebuild(make_app, src).cleanup()

    edit(src / "one.md", files["one.md"].replace("First.", "A new first paragraph."))
    app = _rebuild(make_app, src)
    written = _written(app)
    assert {"one", "list"} <= written
    assert not {"two", "three"} & written
    assert "A new first paragraph." in (app.outdir / "list.html").read_text()
    app.cleanup()

    # a new title is shown in the related posts of the post sharing its tag
    edit(src / "one.md", files["one.md"].replace("# One", "# One, retitled"))
    app = _rebuild(make_app, src)
    assert "three" in _written(app)
    assert "One, retitled" in (app.outdir / "three.html").read_text()


def test_retagging_rewrites_only_the_posts_whose_related_list_changes(make_app, tmp_path) -> None:
    files = {
        **FILES,
        "three.md": "---\npost: true\ndate: 2023-03-01\ntags: [a]\n---\n# Three\n\nThird.\n",
        "four.md": "---\npost: true\ndate: 2023-04-01\ntags: [z]\n---\n# Four\n\nFourth.\n",
    }
    src = write_project(tmp_path / "src", files)
    first = _rebuild(make_app, src)
    assert "One" in (first.outdir / "three.html").read_text()
    first.cleanup()

    edit(src / "one.md", files["one.md"].replace("tags: [a]", "tags: [z]"))
    app = _rebuild(make_app, src)
    written = _written(app)
    # three loses its related post, four gains one; two relates to nothing either way
    assert {"one", "three", "four"} <= written
    assert "two" not in written
    assert "cb-related" not in (app.outdir / "three.html").read_text()
    assert "One" in (app.outdir / "four.html").read_text()
