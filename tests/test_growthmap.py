"""Competencies and the growth map: config, reflection options, the ``growthmap``
directive in every builder, and its freshness on incremental builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_careerblog.data.model import item_hash
from sphinx_careerblog.data.store import get_store

from .conftest import edit, status_text, warning_text

CONF = """\
careerblog_competencies = {
    "depth": {"title": "Depth", "description": "Knowing why it works."},
    "communication": {"title": "Communication <&> \\"writing\\""},
    "mentorship": {"title": "Mentorship"},
}
careerblog_levels = ["mid", "senior", "staff"]
"""

INDEX = """\
# Handbook

```{toctree}
essays/one
notes
growth
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
:competency: depth, communication
:level: senior
:revisit: 30

- Do you own the outcome?
- Did you *ask* for help early?
:::

:::{reflection} Teaching
:competency: mentorship, Depth
:level: mid

- Did you pair with someone this week?
:::
"""

NOTES = """\
# Notes, not a post

:::{reflection} Loose ends
:competency: depth

- Anything left undone?
:::
"""

GROWTH = """\
# My growth

```{growthmap}
```

## Depth at senior level

```{growthmap}
:competency: depth
:level: senior
```
"""


def project() -> dict[str, str]:
    return {"index.md": INDEX, "essays/one.md": ONE, "notes.md": NOTES, "growth.md": GROWTH}


def page(app, name: str = "growth.html") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text("utf-8"), "html.parser")


def competencies(root) -> dict[str, tuple[str, list[str]]]:
    """slug -> (count text, checklist titles) of one live growth map."""
    return {
        box["data-cb-competency"]: (
            box.select_one(".cb-growthmap-count").get_text(),
            [entry.find("strong").get_text() for entry in box.select(".cb-growthmap-entry")],
        )
        for box in root.select(".cb-growthmap-competency")
    }


def test_options_are_stored(build) -> None:
    app = build(project(), conf_extra=CONF)
    assert warning_text(app) == ""
    store = get_store(app.env)
    ownership, teaching = store.checklists["essays/one"]
    assert ownership.competencies == ("depth", "communication")
    assert (ownership.level, ownership.revisit) == ("senior", 30)
    # "Depth" names the declared slug "depth"
    assert teaching.competencies == ("mentorship", "depth")
    assert (teaching.level, teaching.revisit) == ("mid", None)
    assert store.checklists["notes"][0].level is None
    assert store.reflection_docs == {"growth"}


def test_bad_options_are_located_warnings(build) -> None:
    text = """\
    # P

    :::{reflection} Odd
    :competency: depth, empathy
    :level: principal
    :revisit: soon

    - One?
    :::

    :::{reflection} Zero
    :revisit: 0

    - Two?
    :::

    ```{growthmap}
    :competency: empathy
    :level: principal
    ```
    """
    app = build({"index.md": text}, conf_extra=CONF)
    warnings = warning_text(app).splitlines()
    where = str(Path(app.srcdir) / "index.md")
    assert warnings == [
        (
            f"{where}:3: WARNING: reflection: undeclared competency 'empathy' left out "
            "(known: depth, communication, mentorship) [careerblog.checklist]"
        ),
        (
            f"{where}:3: WARNING: reflection: undeclared level 'principal' ignored "
            "(known: mid, senior, staff) [careerblog.checklist]"
        ),
        (
            f"{where}:3: WARNING: reflection: :revisit: 'soon' is not a number of days "
            "(1 or more); ignored [careerblog.checklist]"
        ),
        (
            f"{where}:11: WARNING: reflection: :revisit: '0' is not a number of days "
            "(1 or more); ignored [careerblog.checklist]"
        ),
        (
            f"{where}:17: WARNING: growthmap: :competency: 'empathy' is not declared "
            "(known: depth, communication, mentorship); ignored [careerblog.filter]"
        ),
        (
            f"{where}:17: WARNING: growthmap: :level: 'principal' is not declared "
            "(known: mid, senior, staff); ignored [careerblog.filter]"
        ),
    ]
    record = get_store(app.env).checklists["index"][0]
    assert (record.competencies, record.level, record.revisit) == (("depth",), None, None)


def test_bad_config_falls_back(build) -> None:
    conf = 'careerblog_competencies = {"depth": "Depth"}\ncareerblog_levels = "senior"\n'
    app = build({"index.md": "# P\n"}, conf_extra=conf)
    text = warning_text(app)
    assert "careerblog_competencies = {'depth': 'Depth'}: entry 'depth' must be a dict" in text
    assert "careerblog_levels = 'senior': expected a list of strings" in text
    assert app.config.careerblog_competencies == {}
    assert app.config.careerblog_levels == []


def test_html_live_map_and_static_table(build) -> None:
    app = build(project(), conf_extra=CONF)
    whole, filtered = page(app).select("div.cb-growthmap")
    live = whole.select_one(".cb-growthmap-live")
    assert live.has_attr("hidden")  # the script shows it; without JS the table stands
    assert competencies(live) == {
        # declared order; checklists by level (mid, senior, then none), else reading order
        "depth": ("0 of 4", ["Teaching", "Ownership", "Loose ends"]),
        "communication": ("0 of 2", ["Ownership"]),
        "mentorship": ("0 of 1", ["Teaching"]),
    }
    depth = live.select_one('.cb-growthmap-competency[data-cb-competency="depth"]')
    assert [p.get_text() for p in depth.select(".cb-growthmap-level")] == [
        "mid",
        "senior",
        "Any level",
    ]
    bar = depth.select_one(".cb-growthmap-bar")
    assert bar["role"] == "progressbar" and bar["aria-valuemax"] == "4"
    assert bar["aria-valuetext"] == "0 of 4"
    assert whole.find(id=bar["aria-labelledby"]).get_text() == "Depth"
    assert depth["aria-labelledby"] == bar["aria-labelledby"]
    ownership = depth.select(".cb-growthmap-entry")[1]
    assert ownership["data-cb-doc"] == "essays/one" and ownership["data-cb-id"] == "ownership"
    assert ownership["data-cb-revisit"] == "30"
    assert ownership["data-cb-hashes"].split() == [
        item_hash("Do you own the outcome?"),
        item_hash("Did you ask for help early?"),
    ]
    assert ownership.find("a")["href"] == "essays/one.html#reflection-ownership"
    assert "in Essay one" in ownership.get_text(" ", strip=True)
    columns = live.select(".cb-growthmap-chart .cb-growthmap-column")
    assert [c["data-cb-competency"] for c in columns] == ["depth", "communication", "mentorship"]
    tools = live.select_one(".cb-growthmap-tools")
    assert tools.select_one("button.cb-growthmap-export-md").get_text() == "Download as Markdown"
    assert tools.select_one("button.cb-growthmap-copy-md") is not None
    importer = tools.select_one("input.cb-answers-import")
    assert tools.find("label", attrs={"for": importer["id"]}) is not None

    data = json.loads(live.select_one("script.cb-growthmap-data").string)
    assert [c["slug"] for c in data["competencies"]] == ["depth", "communication", "mentorship"]
    key = "essays/one\nownership"
    assert data["checklists"][key]["prompts"][1] == [
        item_hash("Did you ask for help early?"),
        "Did you ask for help early?",
    ]
    assert data["checklists"][key]["level"] == "senior"

    table = whole.select_one("table.cb-growthmap-static")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in table.select("tbody tr")
    ]
    assert rows[:4] == [
        ["Depth", "", "", "4"],
        ["", "Teaching in Essay one", "mid", "1"],
        ["", "Ownership in Essay one", "senior", "2"],
        ["", "Loose ends in Notes, not a post", "", "1"],
    ]
    assert competencies(filtered.select_one(".cb-growthmap-live")) == {
        "depth": ("0 of 2", ["Ownership"])
    }


def test_escaping(build) -> None:
    app = build(project(), conf_extra=CONF)
    html = (Path(app.outdir) / "growth.html").read_text("utf-8")
    assert "Communication &lt;&amp;&gt; &quot;writing&quot;" in html or (
        'Communication &lt;&amp;&gt; "writing"' in html
    )
    script = html.split('class="cb-growthmap-data"', 1)[1].split("</script>", 1)[0]
    assert "<" not in script.split(">", 1)[1]  # "<" inside the JSON is \u003c
    labels = page(app).find("script", attrs={"data-cb-labels": True})
    assert json.loads(labels["data-cb-labels"])["progress"] == "{done} of {total}"


def test_no_competencies_declared(build) -> None:
    app = build({"index.md": "# P\n\n```{growthmap}\n```\n"})
    assert warning_text(app) == ""
    root = page(app, "index.html").select_one(".cb-growthmap")
    assert root.get_text(strip=True) == "No competencies are declared (careerblog_competencies)."


def test_other_builders_render_the_table(build) -> None:
    app = build(project(), conf_extra=CONF, buildername="text")
    assert warning_text(app) == ""
    text = (Path(app.outdir) / "growth.txt").read_text("utf-8")
    assert "Competency" in text and "Ownership" in text and "Loose ends" in text
    app = build(buildername="latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\sphinxstylestrong{Depth}" in tex and "Teaching" in tex
    assert "cb-growthmap-live" not in tex
    app = build(buildername="epub")
    epub = (Path(app.outdir) / "growth.xhtml").read_text("utf-8")
    assert "cb-growthmap-static" in epub and "cb-growthmap-live" not in epub
    app = build(buildername="singlehtml")
    single = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    link = single.select_one('.cb-growthmap-entry[data-cb-id="ownership"] a')
    assert link["href"] == "#reflection-ownership"


def test_retitled_page_rewrites_lists_and_maps(build) -> None:
    """Issue 10: a non-post page holding a checklist is retitled; every list showing
    that title is rewritten (incremental build == clean build)."""
    files = {**project(), "dash.md": "# Dash\n\n```{reflectionlist}\n:format: summary\n```\n"}
    files["index.md"] = INDEX.replace("growth\n", "growth\ndash\n")
    app = build(files, conf_extra=CONF)
    src = Path(app.srcdir)
    edit(src / "notes.md", NOTES.replace("Notes, not a post", "Loose notes"))
    app = build()
    status = status_text(app)
    assert "1 changed" in status
    # growth and dash are rewritten without being re-read; essays/one is left alone
    written = set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))
    assert {"notes", "growth", "dash"} <= written and "essays/one" not in written, written
    for name, selector in (
        ("growth.html", ".cb-growthmap-entry"),
        ("dash.html", ".cb-reflectionlist-entry"),
    ):
        entries = page(app, name).select(selector)
        loose = next(e for e in entries if e["data-cb-id"] == "loose-ends")
        assert "in Loose notes" in loose.get_text(" ", strip=True), name

    # a checklist gains a competency: the map follows
    edit(src / "notes.md", NOTES.replace(":competency: depth", ":competency: depth, mentorship"))
    app = build()
    incremental = competencies(page(app).select_one(".cb-growthmap-live"))
    assert incremental["mentorship"] == ("0 of 2", ["Teaching", "Loose ends"])
    clean = build(freshenv=True)
    assert competencies(page(clean).select_one(".cb-growthmap-live")) == incremental


def test_parallel_read_equals_serial(build, tmp_path: Path) -> None:
    serial = build(project(), conf_extra=CONF, srcdir=tmp_path / "serial")
    serial_html = str(page(serial).select_one(".cb-growthmap"))
    parallel = build(project(), conf_extra=CONF, srcdir=tmp_path / "parallel", parallel=2)
    assert get_store(parallel.env).checklists == get_store(serial.env).checklists
    assert get_store(parallel.env).reflection_docs == {"growth"}
    assert str(page(parallel).select_one(".cb-growthmap")) == serial_html


def test_docs_snippets(build) -> None:
    """The reference's examples (docs/snippets/growthmap-*, reflection-growth) build
    cleanly with the handbook's own competencies and show what the reference says."""
    snippets = Path(__file__).parents[1] / "docs" / "snippets"
    conf = (Path(__file__).parents[1] / "docs" / "conf.py").read_text("utf-8")
    declared = conf[conf.index("careerblog_competencies = {") :]
    app = build(
        {
            "index.md": "# Examples\n\n```{toctree}\nchecklist\nmap\n```\n",
            "checklist.md": "# Checklist\n\n" + (snippets / "reflection-growth.md").read_text(),
            "map.md": "# Map\n\n"
            + (snippets / "growthmap-filtered.md").read_text()
            + "\n"
            + (snippets / "growthmap-all.md").read_text(),
        },
        conf_extra=declared,
    )
    assert warning_text(app) == ""
    filtered, whole = page(app, "map.html").select("div.cb-growthmap")
    assert competencies(filtered.select_one(".cb-growthmap-live")) == {
        "mentorship": ("0 of 0", []),
        "humility": ("0 of 2", ["After your last incident review"]),
    }
    assert list(competencies(whole.select_one(".cb-growthmap-live"))) == [
        "depth",
        "communication",
        "process-awareness",
        "mentorship",
        "humility",
    ]
