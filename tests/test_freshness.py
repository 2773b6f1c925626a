"""The freshness rule for generated pages and feeds, on real builds.

A generated page is written again when what it shows changed, when a global input
changed (``-a``, configuration, navigation), or when its file is missing; nothing
is kept in the output directory; and an incremental build's output equals a clean
build's, serial or parallel.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from sphinx_careerblog.data.model import PostRecord
from sphinx_careerblog.site import freshness

from .conftest import edit, warning_text, write_project
from .pages_helpers import blog, comparable, no_state_files, post, soup

CONF = 'careerblog_posts_per_page = 2\ncareerblog_today = "2030-01-01"\n'

#: under blog/: the generated pages and feeds a category change of p03 must rewrite
#: (p03 is Growth, by bob, tagged "all", from 2023; see ``pages_helpers.blog``)
RECATEGORIZED = {
    "blog/page/3.html",  # the index page listing p03
    "blog/category/growth/page/2.html",  # the old category's page that held it
    "blog/category/fresh.html",  # the new category
    "blog/categories.html",  # counts
    "blog/tag/all/page/3.html",  # its tag page shows its categories
    "blog/author/bob/page/2.html",  # so does its author's
    "blog/archive/2023.html",  # and its year's
    "blog/atom.xml",
    "blog/rss.xml",
    "blog/feed.json",
    "blog/posts.json",
    "blog/category/growth.atom.xml",
    "blog/category/fresh.atom.xml",
}


def _files() -> dict[str, str]:
    files = blog(8)
    files["index.md"] = "# Home\n\n```{toctree}\n:glob:\n\nposts/*\nabout\n```\n"
    files["about.md"] = "# About\n\nNot a post.\n"
    return files


def _recategorize(src: Path) -> None:
    path = src / "posts" / "p03.md"
    edit(path, path.read_text().replace("category: Growth", "category: Fresh"))


def _outputs(outdir: Path) -> dict[str, bytes]:
    """Every generated page and feed (everything under ``blog/``)."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted((Path(outdir) / "blog").rglob("*"))
        if path.is_file()
    }


def _mtimes(outdir: Path) -> dict[str, int]:
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
        for path in Path(outdir).rglob("*")
        if path.is_file()
    }


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, mtime in after.items() if before.get(name) != mtime}


def _build(make_app, src: Path, **kwargs):
    app = make_app("html", srcdir=src, **kwargs)
    app.build()
    assert warning_text(app) == ""
    app.cleanup()
    return app


def _build_all(make_app, src: Path, parallel: int = 1):
    app = make_app("html", srcdir=src, parallel=parallel)
    app.build(force_all=True)
    assert warning_text(app) == ""
    app.cleanup()
    return app


def test_a_rewrites_every_generated_page_and_keeps_unchanged_feeds(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    outdir = Path(app.outdir)
    before = _mtimes(outdir)
    pages = {name for name in before if name.startswith("blog/") and name.endswith(".html")}
    assert len(pages) > 25

    _build_all(make_app, src)
    changed = _changed(before, _mtimes(outdir))
    assert pages <= changed  # sphinx-build -a: every generated page is written again
    feeds = {name for name in before if name.startswith("blog/") and name.endswith(("xml", "json"))}
    assert feeds and not feeds & changed  # same bytes: left alone, mtime kept
    assert no_state_files(outdir)


def test_no_state_files_in_the_output_directory(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    _recategorize(src)
    _build(make_app, src)
    assert no_state_files(app.outdir)
    for builder in ("dirhtml", "text"):
        other = make_app(builder, srcdir=src)
        other.build()
        assert no_state_files(other.outdir)
        other.cleanup()


@pytest.mark.parametrize("parallel", [1, 2])
def test_category_change_rewrites_only_what_shows_it(make_app, tmp_path, parallel) -> None:
    src = write_project(tmp_path / "inc", _files(), CONF)
    app = _build(make_app, src, parallel=parallel)
    outdir = Path(app.outdir)
    before = _mtimes(outdir)

    _recategorize(src)
    _build(make_app, src, parallel=parallel)
    changed = {name for name in _changed(before, _mtimes(outdir)) if name.startswith("blog/")}
    assert changed == RECATEGORIZED
    incremental = _outputs(outdir)

    clean_src = write_project(tmp_path / "clean", _files(), CONF)
    _recategorize(clean_src)
    clean = _build(make_app, clean_src)
    expected = _outputs(clean.outdir)
    assert sorted(incremental) == sorted(expected)  # nothing stale left, nothing missing
    for name, data in expected.items():
        assert incremental[name] == data, name

    # and a parallel clean build writes the same bytes as a serial one
    parallel_src = write_project(tmp_path / "par", _files(), CONF)
    _recategorize(parallel_src)
    assert _outputs(_build_all(make_app, parallel_src, parallel=2).outdir) == expected


def test_no_change_and_body_edit_write_no_generated_page(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    before = _mtimes(Path(app.outdir))
    _build(make_app, src)
    path = src / "posts" / "p02.md"
    edit(path, path.read_text() + "\nA later paragraph, not the summary.\n")
    _build(make_app, src)
    changed = _changed(before, _mtimes(Path(app.outdir)))
    # only the catalog, which lists each post's word count
    assert {name for name in changed if name.startswith("blog/")} == {"blog/posts.json"}


def test_a_build_that_reads_nothing_reuses_the_remembered_fingerprints(
    make_app, tmp_path, monkeypatch
) -> None:
    """With no document read or removed, or only a word count changed, and the same
    global inputs, no page is fingerprinted again; a removed document makes every
    page checked."""
    src = write_project(tmp_path / "src", _files(), CONF)
    _build(make_app, src)
    computed: list[str] = []
    fingerprint = freshness.page_fingerprint

    def counting(app, page, shown):  # type: ignore[no-untyped-def]
        computed.append(page.pagename)
        return fingerprint(app, page, shown)

    monkeypatch.setattr(freshness, "page_fingerprint", counting)
    _build(make_app, src)
    assert computed == []
    path = src / "posts" / "p02.md"  # a body edit: no summary, date or title changed
    edit(path, path.read_text() + "\nA later paragraph, not the summary.\n")
    _build(make_app, src)
    assert computed == []
    (src / "about.md").unlink()
    edit(src / "index.md", (src / "index.md").read_text().replace("about\n", ""))
    _build(make_app, src)
    assert "blog/index" in computed


def test_navigation_change_rewrites_every_generated_page(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src, confoverrides={"html_theme": "alabaster"})
    outdir = Path(app.outdir)
    before = _mtimes(outdir)
    edit(src / "about.md", "# About us\n\nNot a post.\n")  # a title the navigation shows
    _build(make_app, src, confoverrides={"html_theme": "alabaster"})
    changed = _changed(before, _mtimes(outdir))
    pages = {name for name in before if name.startswith("blog/") and name.endswith(".html")}
    assert pages <= changed
    assert "About us" in (outdir / "blog" / "index.html").read_text()


def test_presentation_config_change_is_remembered(make_app, tmp_path) -> None:
    # an "html" value: Sphinx rewrites every document but reads none, so the
    # extension must make it save the environment with the new fingerprints
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    outdir = Path(app.outdir)
    assert (outdir / "blog" / "page" / "4.html").is_file()
    edit(src / "conf.py", (src / "conf.py").read_text().replace("= 2", "= 3"))
    _build(make_app, src)
    assert not (outdir / "blog" / "page" / "4.html").exists()  # stale page removed
    assert (outdir / "blog" / "page" / "3.html").is_file()
    before = _mtimes(outdir)
    _build(make_app, src)
    assert not {name for name in _changed(before, _mtimes(outdir)) if name.startswith("blog/")}


def test_missing_page_file_is_written_again(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    target = Path(app.outdir) / "blog" / "tag" / "even.html"
    text = target.read_bytes()
    target.unlink()
    _build(make_app, src)
    assert target.read_bytes() == text


def test_new_post_rewrites_its_listings(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    edit(src / "posts" / "p20.md", post("Newest", date="2029-06-01", category="Craft"))
    _build(make_app, src)
    index = (Path(app.outdir) / "blog" / "index.html").read_text()
    assert "Newest" in index
    clean_src = write_project(tmp_path / "clean", _files(), CONF)
    edit(clean_src / "posts" / "p20.md", post("Newest", date="2029-06-01", category="Craft"))
    assert _outputs(app.outdir) == _outputs(_build(make_app, clean_src).outdir)


def test_category_change_rewrites_only_the_postlists_that_change(make_app, tmp_path) -> None:
    files = _files()
    files["index.md"] = "# Home\n\n```{toctree}\n:glob:\n\nposts/*\nabout\nlists/*\n```\n"
    for name, options in {
        "craft": ":category: Craft",
        "growth": ":category: Growth",
        "latest": ":limit: 2",
        "bob": ":author: bob\n:format: table",
    }.items():
        files[f"lists/{name}.md"] = f"# {name}\n\n```{{postlist}}\n{options}\n```\n"
    files["lists/terms.md"] = "# Terms\n\n```{taxonomy}\n:kind: categories\n```\n"

    src = write_project(tmp_path / "inc", files, CONF)
    app = _build(make_app, src)
    outdir = Path(app.outdir)
    before = _mtimes(outdir)
    _recategorize(src)
    _build(make_app, src)
    changed = {name for name in _changed(before, _mtimes(outdir)) if name.startswith("lists/")}
    # Craft and the two newest posts do not change; the taxonomy shows counts
    assert changed == {"lists/growth.html", "lists/bob.html", "lists/terms.html"}

    clean_src = write_project(tmp_path / "clean", files, CONF)
    _recategorize(clean_src)
    clean = Path(_build(make_app, clean_src).outdir)
    for name in ("craft", "growth", "latest", "bob", "terms"):
        page = f"lists/{name}.html"
        assert (outdir / page).read_bytes() == (clean / page).read_bytes(), page


def test_feeds_follow_their_inputs(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", _files(), CONF)
    outdir = Path(_build(make_app, src).outdir)
    atom, catalog = outdir / "blog" / "atom.xml", outdir / "blog" / "posts.json"
    entries = atom.read_text().count("<entry>")
    assert entries == 8
    # a missing file is written again, even when nothing changed
    atom.unlink()
    catalog.unlink()
    _build(make_app, src)
    assert atom.read_text().count("<entry>") == entries
    assert catalog.is_file()
    # a presentation option only the feeds read
    edit(src / "conf.py", (src / "conf.py").read_text() + "careerblog_feed_length = 3\n")
    _build(make_app, src)
    assert atom.read_text().count("<entry>") == 3
    # a summary: shown by feeds and pages alike
    path = src / "posts" / "p07.md"
    edit(path, path.read_text().replace("Summary of Post 07.", "A new summary."))
    _build(make_app, src)
    assert "A new summary." in atom.read_text()
    assert "A new summary." in catalog.read_text()


@pytest.mark.parametrize(
    ("setting", "shown"),
    [('careerblog_date_format = "%Y-%m-%d"', "2027-08-15"), ("careerblog_related = 1", None)],
)
def test_read_time_config_change_gives_the_clean_build(make_app, tmp_path, setting, shown) -> None:
    """Changing a value read while reading (dates as shown, related posts) re-reads every
    document; every generated page, feed and post page then equals a clean build's
    (both were left out of the randomized sequences until this held)."""
    src = write_project(tmp_path / "src", _files(), CONF)
    _build(make_app, src)
    edit(src / "conf.py", (src / "conf.py").read_text() + setting + "\n")
    incremental = Path(_build(make_app, src).outdir)
    clean = Path(
        _build(make_app, write_project(tmp_path / "clean", _files(), CONF + setting)).outdir
    )
    assert _outputs(incremental) == _outputs(clean)
    pages = sorted(path.relative_to(clean) for path in (clean / "posts").glob("*.html"))
    assert [comparable(incremental / name) for name in pages] == [
        comparable(clean / name) for name in pages
    ]
    if shown is not None:
        assert shown in (incremental / "blog" / "index.html").read_text("utf-8")
    else:
        assert len(soup(incremental / "posts" / "p01.html").select(".cb-related a")) == 1


def test_body_edit_updates_the_word_count_in_the_catalog(make_app, tmp_path) -> None:
    # the feeds do not show word counts and are not built again; posts.json does
    src = write_project(tmp_path / "src", _files(), CONF)
    app = _build(make_app, src)
    catalog = Path(app.outdir) / "blog" / "posts.json"
    feed = (Path(app.outdir) / "blog" / "atom.xml").read_bytes()
    path = src / "posts" / "p03.md"
    edit(path, path.read_text() + "\nSeven more words to count right here.\n")
    _build(make_app, src)
    words = {entry["docname"]: entry["words"] for entry in json.loads(catalog.read_text())["posts"]}
    files = {**_files(), "posts/p03.md": path.read_text()}
    clean = _build(make_app, write_project(tmp_path / "clean", files, CONF))
    clean_catalog = json.loads((Path(clean.outdir) / "blog" / "posts.json").read_text())
    assert words == {entry["docname"]: entry["words"] for entry in clean_catalog["posts"]}
    assert (Path(app.outdir) / "blog" / "atom.xml").read_bytes() == feed


def test_feeds_fingerprint_names_every_post_field() -> None:
    # a new PostRecord field must be added to shown_in_feeds or left out on purpose;
    # the generated pages are planned from these fields too (_plan_inputs_unchanged)
    left_out = {"words", "line"}  # posts.json only; where to report a problem
    shown = {"docname", "anchor", "title", "fields", "reading_minutes", "summary", "image", "order"}
    assert {field.name for field in dataclasses.fields(PostRecord)} == shown | left_out
