"""Listings stay fresh: after each kind of edit an incremental build shows exactly
what a clean build of the same sources shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import edit, status_text, warning_text, write_project
from .listing_helpers import AUTHORS_CONF, POSTS, index_page, post, soup

INDEX = index_page(
    "```{postlist}\n:excerpts:\n```",
    "```{postlist}\n:format: table\n:tag: mentorship, testing\n```",
    "```{taxonomy}\n:kind: tags\n:counts:\n```",
    "```{taxonomy}\n:kind: years\n:counts:\n```",
    "```{taxonomy}\n:kind: categories\n:format: cloud\n```",
    "Roles: {blog:tag}`mentorship`, {blog:category}`leadership`.",
)

#: A page that is not a post but lists some: it must follow the posts too.
OTHER = "# Other\n\n```{postlist}\n:series: Lead\n:format: compact\n```\n"


def _files() -> dict[str, str]:
    return {**POSTS, "index.md": INDEX, "other.md": OTHER}


#: The role in INDEX that names a category only the "recategorize" edit brings.
UNUSED_ROLE = (
    "index.md:46: WARNING: blog:category: no listed post uses the category 'leadership'; "
    "the text is kept unlinked [careerblog.reference]"
)


def _warnings(app) -> set[str]:
    return {line.split("/")[-1] for line in warning_text(app).splitlines() if line.strip()}


Mutation = Callable[[dict[str, str]], None]


def _add(files: dict[str, str]) -> None:
    files["six.md"] = post("Sierra essay", date="2025-03-03", tags="mentorship", series="Lead")


def _delete(files: dict[str, str]) -> None:
    del files["two.md"]


def _retitle(files: dict[str, str]) -> None:
    files["one.md"] = files["one.md"].replace("# Alpha essay", "# Alpha, renamed")


def _redate(files: dict[str, str]) -> None:
    files["four.md"] = files["four.md"].replace("date: 2024-09-01", "date: 2021-01-01")


def _recategorize(files: dict[str, str]) -> None:
    files["three.md"] = files["three.md"].replace(
        "categories: [craft, career-growth]", "categories: leadership"
    )


def _retag(files: dict[str, str]) -> None:
    files["one.md"] = files["one.md"].replace("tags: [mentorship, feedback]", "tags: [testing]")


def _draft(files: dict[str, str]) -> None:
    files["two.md"] = files["two.md"].replace("post: true", "post: true\nvisibility: draft")


def _undraft(files: dict[str, str]) -> None:
    files["draft.md"] = files["draft.md"].replace("post: true", "post: true\ndate: 2025-02-02")


MUTATIONS: dict[str, Mutation] = {
    "add": _add,
    "delete": _delete,
    "retitle": _retitle,
    "redate": _redate,
    "recategorize": _recategorize,
    "retag": _retag,
    "draft": _draft,
    "undraft": _undraft,
}


def _apply(src: Path, before: dict[str, str], after: dict[str, str]) -> None:
    for name in before.keys() - after.keys():
        (src / name).unlink()
    for name, text in after.items():
        if before.get(name) != text:
            edit(src / name, text)


def _fragments(app) -> dict[str, str]:
    """The listing blocks of every page of the project's own documents."""
    result: dict[str, str] = {}
    for docname in sorted(app.env.found_docs):
        page = soup(app.outdir / f"{docname}.html")
        blocks = page.select(".cb-postlist, .cb-taxonomy, .cb-related, .cb-series")
        result[docname] = re.sub(r"\s+", " ", "\n".join(str(block) for block in blocks))
    return result


def _written(status: str) -> list[str]:
    return sorted(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


def _build(make_app, src: Path, **kwargs):
    app = make_app("html", srcdir=src, **kwargs)
    app.build()
    return app


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_incremental_listings_equal_a_clean_build(make_app, tmp_path: Path, name: str) -> None:
    before = _files()
    after = dict(before)
    MUTATIONS[name](after)

    src = write_project(tmp_path / "incremental", before, AUTHORS_CONF)
    first = _build(make_app, src)
    assert _warnings(first) == {UNUSED_ROLE}
    stale = _fragments(first)
    first.cleanup()

    _apply(src, before, after)
    incremental = _build(make_app, src)
    got, got_warnings = _fragments(incremental), _warnings(incremental)
    incremental.cleanup()

    clean = _build(make_app, write_project(tmp_path / "clean", after, AUTHORS_CONF))
    expected, expected_warnings = _fragments(clean), _warnings(clean)
    clean.cleanup()

    assert got == expected
    # the role naming a category no post has yet warns exactly when a clean build does
    assert got_warnings == expected_warnings
    assert expected_warnings == (set() if name == "recategorize" else {UNUSED_ROLE})
    assert got["index"] != stale["index"]  # the edit did change what the index shows


def test_body_only_edit_rereads_and_rewrites_one_document(make_app, tmp_path: Path) -> None:
    files = _files()
    src = write_project(tmp_path / "src", files, AUTHORS_CONF)
    _build(make_app, src).cleanup()

    # a second paragraph: the summary, title and reading time stay the same
    edit(src / "two.md", files["two.md"] + "\nA later paragraph.\n")
    app = _build(make_app, src)
    status = status_text(app)
    assert "0 added, 1 changed, 0 removed" in status
    assert re.search(r"reading sources\.\.\. \[100%\] two\n", status)
    # Sphinx itself rewrites the page whose toctree holds the edited one (index);
    # no listing page (other) and no other post (related posts) is rewritten
    assert _written(status) == ["index", "two"]
    assert _warnings(app) == {UNUSED_ROLE}


def test_no_change_rebuild_reports_nothing_out_of_date(make_app, tmp_path: Path) -> None:
    src = write_project(tmp_path / "src", _files(), AUTHORS_CONF)
    _build(make_app, src).cleanup()
    app = _build(make_app, src)
    status = status_text(app)
    assert "0 added, 0 changed, 0 removed" in status
    assert "targets for 0 source files that are out of date" in status
    assert _written(status) == []
    assert warning_text(app) == ""


def test_parallel_build_lists_like_a_serial_build(make_app, tmp_path: Path) -> None:
    outputs = []
    for jobs in (1, 2):
        app = _build(
            make_app, write_project(tmp_path / f"j{jobs}", _files(), AUTHORS_CONF), parallel=jobs
        )
        assert _warnings(app) == {UNUSED_ROLE}
        outputs.append(_fragments(app))
        app.cleanup()
    assert outputs[0] == outputs[1]
    assert "cb-postlist-item" in outputs[0]["index"]
    assert "cb-related" in outputs[0]["one"]
