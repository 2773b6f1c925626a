"""``reflectionlist``: formats, filters, links in every builder, freshness, parallel reads."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_careerblog.data.model import item_hash
from sphinx_careerblog.data.store import get_store

from .conftest import warning_text

INDEX = """\
# Handbook

```{toctree}
essays/one
essays/two
notes
dashboard
```
"""

ONE = """\
---
post: true
date: 2026-01-10
categories: Career growth
---
# Essay one

:::{reflection} Ownership
:category: habits

- Do you own the outcome?
- Did you *ask* for help early?
:::
"""

TWO = """\
---
post: true
date: 2026-02-10
categories: craft
---
# Essay two

:::{reflection} Craft check
:category: craft

- Would you build it the same way again?
:::
"""

NOTES = """\
# Notes, not a post

:::{reflection} Loose ends
:category: habits

- Anything left undone?
:::
"""

DASHBOARD = """\
# Dashboard

```{reflectionlist}
:format: summary
```

## Habits only, full

```{reflectionlist}
:category: habits
```

## From career-growth posts

```{reflectionlist}
:post-category: career-growth
:format: summary
```
"""


def project(dashboard: str = DASHBOARD) -> dict[str, str]:
    return {
        "index.md": INDEX,
        "essays/one.md": ONE,
        "essays/two.md": TWO,
        "notes.md": NOTES,
        "dashboard.md": dashboard,
    }


def lists(app, name: str = "dashboard.html") -> list[BeautifulSoup]:
    page = BeautifulSoup((Path(app.outdir) / name).read_text("utf-8"), "html.parser")
    return page.select("div.cb-reflectionlist")


def titles(listing) -> list[str]:
    return [entry.find("strong").get_text() for entry in listing.select(".cb-reflectionlist-entry")]


def test_formats_and_filters(build) -> None:
    app = build(project())
    assert warning_text(app) == ""
    summary, habits, career = lists(app)

    assert titles(summary) == ["Ownership", "Craft check", "Loose ends"]
    assert "cb-reflectionlist-summary" in summary["class"]
    first = summary.select_one(".cb-reflectionlist-entry")
    assert first["data-cb-doc"] == "essays/one" and first["data-cb-id"] == "ownership"
    hashes = [item_hash("Do you own the outcome?"), item_hash("Did you ask for help early?")]
    assert first["data-cb-hashes"] == " ".join(hashes)
    progress = first.select_one(".cb-reflectionlist-progress")
    assert progress.get_text() == "2 prompts"  # without JS: the item count
    assert progress["data-cb-progress"] == "{done} of {total}"
    assert first.find("a")["href"] == "essays/one.html#reflection-ownership"
    assert " ".join(first.get_text(" ").split()) == "Ownership in Essay one · 2 prompts"
    assert summary.select(".cb-reflection-item") == []  # summary: no items
    tools = summary.select_one(".cb-reflectionlist-tools")
    assert tools.has_attr("hidden") and tools.find("button").get_text() == "Export my answers"
    file_input = tools.find("input", type="file")
    assert tools.find("label", attrs={"for": file_input["id"]}) is not None

    assert titles(habits) == ["Ownership", "Loose ends"]
    items = habits.select(".cb-reflection-item")
    assert [li.get_text(" ", strip=True) for li in items] == [
        "☐ Do you own the outcome?",
        "☐ Did you ask for help early?",
        "☐ Anything left undone?",
    ]
    assert [li["data-cb-hash"] for li in items[:2]] == hashes
    assert habits.find("input") is None  # the full list shows, it does not tick
    assert habits.select_one(".cb-reflectionlist-tools") is None
    notes_entry = habits.select(".cb-reflectionlist-entry")[1]
    assert "in Notes, not a post" in " ".join(notes_entry.get_text(" ").split())

    assert titles(career) == ["Ownership"]


def test_empty_and_bad_options(build) -> None:
    dashboard = """\
    # Dashboard

    ```{reflectionlist}
    :category: nowhere
    :format: fancy
    ```
    """
    app = build(project(dashboard))
    warnings = warning_text(app)
    assert re.search(
        r"dashboard.md:3: WARNING: reflectionlist: unknown format 'fancy' .*using 'full' "
        r"\[careerblog.directive\]",
        warnings,
    ), warnings
    assert re.search(
        r"dashboard.md:3: WARNING: reflectionlist: :category: nowhere matches no checklist "
        r"\[careerblog.filter\]",
        warnings,
    ), warnings
    (listing,) = lists(app)
    assert listing.get_text(strip=True) == "No reflection checklists."


def test_links_in_other_builders(build) -> None:
    app = build(project(), buildername="dirhtml")
    summary = lists(app, "dashboard/index.html")[0]
    assert summary.find("a")["href"] == "../essays/one/#reflection-ownership"

    app = build(buildername="singlehtml")
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    link = page.select_one("div.cb-reflectionlist a")
    assert link["href"] == "#reflection-ownership"
    assert page.find(id="reflection-ownership") is not None
    # assembled: every checkbox id is unique on the one page
    ids = [tag["id"] for tag in page.find_all("input", id=True)]
    assert len(ids) == len(set(ids)) > 0

    app = build(buildername="latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\hyperref[\detokenize{essays/one:reflection-ownership}]" in tex
    assert "Loose ends" in tex and "2 prompts" in tex

    app = build(buildername="text")
    text = (Path(app.outdir) / "dashboard.txt").read_text("utf-8")
    assert "Ownership in *Essay one* · 2 prompts" in text.replace("**", "")
    assert "☐ Anything left undone?" in text


def test_fresh_after_incremental_edits(build) -> None:
    app = build(project())
    src = Path(app.srcdir)
    assert "dashboard" in get_store(app.env).reflection_docs

    # edit a prompt, retitle a checklist, add a new document with a checklist
    (src / "essays/two.md").write_text(
        TWO.replace("Craft check", "Craft review").replace("same way", "same design"), "utf-8"
    )
    (src / "essays/three.md").write_text(
        "# Three\n\n:::{reflection} Brand new\n:category: habits\n\n- New?\n:::\n", "utf-8"
    )
    (src / "index.md").write_text(INDEX.replace("notes\n", "notes\nessays/three\n"), "utf-8")
    app = build()
    assert warning_text(app) == ""
    summary, habits, _career = lists(app)
    assert titles(summary) == ["Ownership", "Craft review", "Loose ends", "Brand new"]
    entry = summary.select(".cb-reflectionlist-entry")[1]
    assert entry["data-cb-hashes"] == item_hash("Would you build it the same design again?")
    assert titles(habits) == ["Ownership", "Loose ends", "Brand new"]

    # reorder the toctree only: the lists follow the reading order
    (src / "index.md").write_text(
        INDEX.replace("essays/one\nessays/two\n", "essays/two\nessays/one\n").replace(
            "notes\n", "notes\nessays/three\n"
        ),
        "utf-8",
    )
    app = build()
    summary, habits, _career = lists(app)
    assert titles(summary) == ["Craft review", "Ownership", "Loose ends", "Brand new"]

    # remove a document: its checklist leaves the lists
    (src / "notes.md").unlink()
    (src / "index.md").write_text(INDEX.replace("notes\n", "essays/three\n"), "utf-8")
    app = build()
    summary, habits, _career = lists(app)
    assert titles(habits) == ["Ownership", "Brand new"]
    assert titles(summary) == ["Ownership", "Craft review", "Brand new"]

    # the same as a clean build
    clean = build(freshenv=True)
    assert [titles(listing) for listing in lists(clean)] == [
        titles(listing) for listing in lists(app)
    ]


def test_parallel_read_equals_serial(build, tmp_path: Path) -> None:
    serial = build(project(), srcdir=tmp_path / "serial")
    serial_store = dict(get_store(serial.env).checklists)
    serial_html = [str(listing) for listing in lists(serial)]
    parallel = build(project(), srcdir=tmp_path / "parallel", parallel=2)
    assert dict(get_store(parallel.env).checklists).keys() == serial_store.keys()
    for docname, records in serial_store.items():
        assert get_store(parallel.env).checklists[docname] == records
    assert [str(listing) for listing in lists(parallel)] == serial_html


def test_unreachable_document_is_listed_unlinked_in_latex(build) -> None:
    app = build(
        {
            "index.md": "# Book\n\n```{toctree}\ndashboard\n```\n",
            "dashboard.md": "# Dashboard\n\n```{reflectionlist}\n```\n",
            "loose.md": "---\norphan: true\n---\n# Loose\n\n:::{reflection} Outside the book\n"
            "- Still listed?\n:::\n",
        },
        buildername="latex",
    )
    assert warning_text(app) == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\sphinxstylestrong{Outside the book}" in tex
    assert "loose:reflection-outside-the-book" not in tex  # no link into a missing chapter
    assert "Still listed?" in tex
