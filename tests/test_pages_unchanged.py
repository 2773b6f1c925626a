"""Generated pages are left alone when nothing they show changed, as Sphinx leaves
unchanged documents, and regenerated as soon as anything they show does."""

from __future__ import annotations

from pathlib import Path

from .conftest import edit, write_project

FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n",
    "essays/one.md": "---\npost: true\ndate: 2024-01-01\ncategory: Craft\n---\n# One\n\nFirst.\n",
    "essays/two.md": "---\npost: true\ndate: 2024-02-01\ncategory: Craft\n---\n# Two\n\nSecond.\n",
}


def _mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(path.relative_to(outdir)): path.stat().st_mtime_ns
        for path in (outdir / "blog").rglob("*.html")
    }


def _build(make_app, src: Path):
    app = make_app("html", srcdir=src, confoverrides={"html_theme": "alabaster"})
    app.build()
    app.cleanup()
    return app


def test_no_change_rebuild_leaves_generated_pages_alone(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", FILES)
    first = _build(make_app, src)
    before = _mtimes(first.outdir)
    assert "blog/category/craft.html" in before

    _build(make_app, src)
    assert _mtimes(first.outdir) == before

    # a body edit that changes nothing listed leaves them alone too
    edit(src / "essays/two.md", FILES["essays/two.md"] + "\nA later paragraph.\n")
    _build(make_app, src)
    assert _mtimes(first.outdir) == before


def test_changes_regenerate_generated_pages(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", FILES)
    first = _build(make_app, src)
    outdir = first.outdir
    before = _mtimes(outdir)

    # a retitled post
    edit(src / "essays/one.md", FILES["essays/one.md"].replace("# One", "# One, renamed"))
    _build(make_app, src)
    assert "One, renamed" in (outdir / "blog/category/craft.html").read_text()
    after_retitle = _mtimes(outdir)
    assert after_retitle != before

    # a new page in the navigation every generated page shows (alabaster draws it;
    # whether Sphinx then writes every document depends on its version: compare
    # what the pages say)
    shown = {name: (outdir / name).read_bytes() for name in after_retitle}
    edit(src / "essays/three.md", "# Three\n\nNot a post, but in the navigation.\n")
    _build(make_app, src)
    assert {name: (outdir / name).read_bytes() for name in after_retitle} != shown
    assert "Three" in (outdir / "blog/index.html").read_text()

    # a deleted generated file is written again
    (outdir / "blog/categories.html").unlink()
    _build(make_app, src)
    assert (outdir / "blog/categories.html").is_file()
