"""Reflection checklists: the directive, its HTML, other builders, bad content, the store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from sphinx_careerblog.data.model import item_hash
from sphinx_careerblog.data.store import get_store

from .conftest import BASE_CONF, status_text, warning_text

ESSAY = """\
---
post: true
date: 2026-03-01
categories: craft
---
# Why rewrite?

Some prose.

:::{reflection} Before you *start*
:category: Habits
:notes:

Ask yourself honestly.

- Do you understand **why** you built it that way?
- Could you explain it to a newcomer?
- Would you do it again?
:::
"""

PROMPTS = (
    "Do you understand why you built it that way?",
    "Could you explain it to a newcomer?",
    "Would you do it again?",
)


def soup(app_or_path: object, name: str = "index.html") -> BeautifulSoup:
    path = app_or_path if isinstance(app_or_path, Path) else Path(app_or_path.outdir) / name  # type: ignore[attr-defined]
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def roots(page: BeautifulSoup) -> list[Tag]:
    return page.select("section.cb-reflection")


def test_html_markup(build) -> None:
    app = build({"index.md": ESSAY})
    assert warning_text(app) == ""
    page = soup(app)
    (root,) = roots(page)
    assert root["data-cb-id"] == "before-you-start"
    assert root["data-cb-doc"] == "index"
    assert root["data-cb-category"] == "Habits"
    title = page.find(id=root["aria-labelledby"])
    assert title is not None and title.get_text() == "Before you start"
    assert title.find("em").get_text() == "start"
    assert root.find("p", string="Ask yourself honestly.") is not None

    items = root.select("li.cb-reflection-item")
    assert [li.get_text(" ", strip=True) for li in items] == list(PROMPTS)
    ids = set()
    for li, prompt in zip(items, PROMPTS, strict=True):
        assert li["data-cb-hash"] == item_hash(prompt)
        box = li.find("input")
        assert box["type"] == "checkbox"
        assert not box.has_attr("disabled") and not box.has_attr("checked")
        label = li.find("label")
        assert label["for"] == box["id"]
        ids.add(box["id"])
    assert len(ids) == 3
    assert items[0].find("label").find("strong").get_text() == "why"

    progress = root.select_one(".cb-reflection-progress")
    assert progress["aria-live"] == "polite"
    assert progress["data-cb-progress"] == "{done} of {total}"
    assert progress.get_text() == "0 of 3"
    assert progress.has_attr("hidden")  # the script shows it; without JS it would lie
    reset = root.select_one("button.cb-reflection-reset")
    assert reset["type"] == "button" and reset.get_text() == "Reset"
    assert reset["aria-describedby"] == root["aria-labelledby"]
    notes = root.find("textarea")
    assert page.find("label", attrs={"for": notes["id"]}) is not None


def test_without_notes_no_textarea_and_ids_unique(build) -> None:
    text = (
        ESSAY.replace(":notes:\n", "") + "\n:::{reflection} Again\n- Would you do it again?\n:::\n"
    )
    app = build({"index.md": text})
    assert warning_text(app) == ""
    page = soup(app)
    assert page.find("textarea") is None
    first, second = roots(page)
    assert second["data-cb-id"] == "again"
    # the same prompt in two checklists: same hash, distinct element ids
    assert first.select("input")[2]["id"] != second.select_one("input")["id"]
    assert len({tag["id"] for tag in page.find_all(id=True)}) == len(page.find_all(id=True))


def test_restructuredtext(build) -> None:
    app = build(
        {
            "index.rst": """\
            Page
            ====

            .. reflection:: Looking back
               :id: looking-back
               :category: growth

               - Did you ask for *feedback*?
               - Did you act on it?
            """
        }
    )
    assert warning_text(app) == ""
    (root,) = roots(soup(app))
    assert root["data-cb-id"] == "looking-back"
    labels = root.select("label")
    assert [label.get_text() for label in labels] == [
        "Did you ask for feedback?",
        "Did you act on it?",
    ]
    assert labels[0].find("em") is not None
    records = get_store(app.env).checklists["index"]
    assert records[0].category == "growth"
    assert [item.text for item in records[0].items] == [
        "Did you ask for feedback?",
        "Did you act on it?",
    ]


def test_escaping(build) -> None:
    title = """Fish & <chips> "quoted" 'single'"""
    app = build(
        {
            "index.rst": f"""\
            Page
            ====

            .. toctree::

               dashboard

            .. reflection:: {title}
               :category: a"b<c>&d

               - Is <b>this</b> text & safe?
            """,
            "dashboard.md": "# Dashboard\n\n```{reflectionlist}\n:format: summary\n```\n",
        },
        conf_extra="smartquotes = False\n",
    )
    assert warning_text(app) == ""
    html = (Path(app.outdir) / "index.html").read_text("utf-8")
    assert "<chips>" not in html and "<b>this</b>" not in html
    (root,) = roots(soup(app))
    assert root["data-cb-category"] == 'a"b<c>&d'
    assert root.select_one(".cb-reflection-title").get_text() == title
    assert root.select_one("label").get_text() == "Is <b>this</b> text & safe?"
    listing = (Path(app.outdir) / "dashboard.html").read_text("utf-8")
    assert "<chips>" not in listing
    entry = soup(app, "dashboard.html").select_one("li.cb-reflectionlist-entry")
    assert entry.find("strong").get_text() == title


def test_record_in_store(build) -> None:
    app = build(
        {
            "index.md": ESSAY
            + """
## A section post

```{post} 2026-03-02
```

:::{reflection} Inner
- One?
:::
"""
        }
    )
    assert warning_text(app) == ""
    outer, inner = get_store(app.env).checklists["index"]
    assert outer.id == "before-you-start" and outer.title == "Before you start"
    assert outer.notes is True and outer.category == "Habits"
    assert outer.post == "" and outer.anchor == "reflection-before-you-start"
    assert [item.hash for item in outer.items] == [item_hash(text) for text in PROMPTS]
    assert inner.post == "a-section-post"
    assert inner.notes is False and inner.category is None


def test_outside_posts_has_no_post(build) -> None:
    app = build({"index.md": "# Plain\n\n:::{reflection} R\n- A?\n:::\n"})
    (record,) = get_store(app.env).checklists["index"]
    assert record.post is None


# -- bad content: a located warning, and nothing the author wrote is lost ------------

BAD = {
    "no list": (
        ":::{reflection} Title\n\nJust a paragraph of text.\n:::\n",
        r"index.md:3: WARNING: reflection: no bullet list of prompts",
        ["Just a paragraph of text."],
    ),
    "empty list": (
        ":::{reflection} Title\n\nIntro.\n\n-\n-\n:::\n",
        (
            r"index.md:7: WARNING: reflection: an empty prompt is left out.*\n.*index.md:8: "
            r"WARNING: reflection: an empty prompt is left out.*\n.*index.md:3: WARNING: "
            r"reflection: the list of prompts is empty"
        ),
        ["Intro."],
    ),
    "nested list": (
        ":::{reflection} Title\n- Outer prompt?\n  - inner detail\n- Second?\n:::\n",
        r"index.md:4: WARNING: reflection: a prompt holds a nested list",
        ["Outer prompt?", "inner detail", "Second?"],
    ),
    "text after": (
        ":::{reflection} Title\n- A prompt?\n\nAn afterthought.\n:::\n",
        r"index.md:3: WARNING: reflection: content after the list of prompts \(line 6\)",
        ["A prompt?", "An afterthought."],
    ),
    "duplicate id": (
        ":::{reflection} Same\n- A?\n:::\n\n:::{reflection} Same\n- B?\n:::\n",
        (
            r"index.md:7: WARNING: reflection: duplicate id 'same' in this document \(first used "
            r"on line 3\); this checklist is stored as 'same-2'"
        ),
        ["A?", "B?"],
    ),
    "non-slug id": (
        ":::{reflection} Title\n:id: Not A Slug!\n- A?\n:::\n",
        r"index.md:3: WARNING: reflection: id 'Not A Slug!' is not a slug .*; using 'not-a-slug'",
        ["A?"],
    ),
    "duplicate prompt": (
        ":::{reflection} Title\n- Same?\n- Same?\n:::\n",
        r"index.md:5: WARNING: reflection: the prompt 'Same\?' appears twice; both are kept",
        ["Same?"],
    ),
    "no title": (
        ":::{reflection}\n- A?\n:::\n",
        r"index.md:3: WARNING: reflection: no title given; using 'Reflection'",
        ["A?", "Reflection"],
    ),
    "notes with a value": (
        ":::{reflection} Title\n:notes: please\n- A?\n:::\n",
        (
            r"index.md:3: WARNING: reflection: :notes: is a flag \(no value needed\); 'please' "
            r"is read as on"
        ),
        ["A?", "Your notes"],
    ),
    "unknown option": (
        ":::{reflection} Title\n:colour: red\n- A?\n:::\n",
        (
            r"index.md:3: WARNING: reflection: unknown option 'colour' ignored .*"
            r"\[careerblog.unknown_option\]"
        ),
        ["A?"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_content(build, case: str) -> None:
    body, pattern, kept = BAD[case]
    app = build({"index.md": "# Page\n\n" + body})
    warnings = warning_text(app)
    assert re.search(pattern, warnings), warnings
    assert len(warnings.strip().splitlines()) == pattern.count("WARNING"), warnings
    if "unknown_option" not in pattern:
        assert warnings.rstrip().endswith("[careerblog.checklist]")
    text = soup(app).select_one("div.body, div[role=main]") or soup(app)
    for words in kept:
        assert words in text.get_text(" ")


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("no", False)])
def test_notes_accepts_true_and_false(build, value: str, expected: bool) -> None:
    app = build({"index.md": f"# P\n\n:::{{reflection}} T\n:notes: {value}\n- A?\n:::\n"})
    assert warning_text(app) == ""
    assert (soup(app).find("textarea") is not None) is expected


def test_duplicate_ids_are_stored_apart(build) -> None:
    app = build(
        {"index.md": "# P\n\n:::{reflection} Same\n- A?\n:::\n\n:::{reflection} Same\n- B?\n:::\n"}
    )
    assert [r["data-cb-id"] for r in roots(soup(app))] == ["same", "same-2"]
    assert [r.id for r in get_store(app.env).checklists["index"]] == ["same", "same-2"]


def test_duplicate_prompts_get_distinct_keys(build) -> None:
    app = build({"index.md": "# P\n\n:::{reflection} T\n- Same?\n- Same?\n:::\n"})
    hashes = [li["data-cb-hash"] for li in soup(app).select("li.cb-reflection-item")]
    assert hashes == [item_hash("Same?"), item_hash("Same?") + "-2"]


# -- other builders ------------------------------------------------------------------

FORBIDDEN = ("cb-reflection-progress", "careerblog-checklist", "Reset", "<input", "localStorage")


def _output(app, suffix: str) -> str:
    files = sorted(Path(app.outdir).rglob(f"*{suffix}"))
    assert files, f"no *{suffix} in {app.outdir}"
    return "\n".join(path.read_text("utf-8") for path in files)


def test_text_builder(build) -> None:
    app = build({"index.md": ESSAY}, buildername="text")
    assert warning_text(app) == ""
    text = _output(app, ".txt")
    lines = [line.replace("*", "") for line in text.splitlines() if line.startswith("☐")]
    assert lines == [f"☐ {prompt}" for prompt in PROMPTS]
    assert "**Before you *start***" in text and "Ask yourself honestly." in text
    for word in FORBIDDEN:
        assert word not in text


def test_latex_builder(build) -> None:
    app = build({"index.md": ESSAY}, buildername="latex")
    assert warning_text(app) == ""
    tex = _output(app, ".tex")
    assert tex.count(r"\item[\ifdefined\square\(\square\)\else\fbox{\strut}\fi]") == 3
    assert r"\sphinxstylestrong{why}" in tex
    for word in FORBIDDEN:
        assert word not in tex
    # none of our scripts (sphinx-design 0.6.0 copies its own into every builder's output)
    scripts = Path(app.outdir).rglob("*.js")
    assert [path for path in scripts if "_sphinx_design_static" not in path.parts] == []


def test_man_and_texinfo_builders(build) -> None:
    app = build({"index.md": ESSAY}, buildername="man")
    man = _output(app, ".1")
    assert man.count(".IP \\[u2610] 2") == 3
    assert "Could you explain it to a newcomer?" in man
    app = build(buildername="texinfo")
    texi = _output(app, ".texi")
    assert "@itemize ☐" in texi and texi.count("@item ") >= 3
    for word in FORBIDDEN:
        assert word not in man and word not in texi


def test_epub_is_static(build) -> None:
    app = build({"index.md": ESSAY}, buildername="epub")
    assert warning_text(app) == ""
    page = soup(Path(app.outdir) / "index.xhtml")
    items = page.select("li.cb-reflection-item")
    assert [li.get_text(" ", strip=True) for li in items] == [f"☐ {p}" for p in PROMPTS]
    assert page.find("input") is None and page.find("button") is None
    assert not any("careerblog-checklist" in (s.get("src") or "") for s in page.find_all("script"))
    assert any("careerblog.css" in link["href"] for link in page.find_all("link", rel="stylesheet"))


# -- assets --------------------------------------------------------------------------


def test_assets_and_storage_prefix(build) -> None:
    app = build(
        {"index.md": ESSAY}, conf_extra='careerblog_checklist_storage_prefix = "my\\"<site>"\n'
    )
    page = soup(app)
    scripts = {Path(s["src"].split("?")[0]).name: s for s in page.find_all("script", src=True)}
    main = scripts["careerblog-checklist.js"]
    assert main["data-cb-storage-prefix"] == 'my"<site>'
    assert main.has_attr("defer") and scripts["careerblog-checklist-core.js"].has_attr("defer")
    order = list(scripts)
    assert order.index("careerblog-checklist-core.js") < order.index("careerblog-transfer-core.js")
    assert order.index("careerblog-transfer-core.js") < order.index("careerblog-checklist.js")
    assert order.index("careerblog-growth-core.js") < order.index("careerblog-growthmap.js")
    # every text the scripts show comes from the page, translated in Python
    labels = json.loads(main["data-cb-labels"])
    assert labels["progress"] == "{done} of {total}"
    assert labels["stale"] == ["last ticked {days} day ago", "last ticked {days} days ago"]
    assert (Path(app.outdir) / "_static" / "careerblog-checklist.js").is_file()
    assert (Path(app.outdir) / "_static" / "careerblog.css").is_file()


def test_empty_prefix_is_passed_as_empty(build) -> None:
    app = build({"index.md": ESSAY}, conf_extra='careerblog_checklist_storage_prefix = ""\n')
    script = soup(app).find("script", attrs={"data-cb-storage-prefix": True})
    assert script["data-cb-storage-prefix"] == ""


def test_second_build_keeps_configuration(build, tmp_path: Path) -> None:
    # without sphinx_design: it appends to html_static_path on builder-inited, which
    # itself makes Sphinx report a changed configuration on every later build
    conf = 'extensions = ["myst_parser", "sphinx_careerblog"]\nhtml_static_path = []\n'
    app = build({"index.md": ESSAY, "other.md": "# Other\n"}, conf_extra=conf)
    assert str(Path(app.srcdir)) and "careerblog" in " ".join(app.config.html_static_path)
    (Path(app.srcdir) / "other.md").write_text("# Other, edited\n", "utf-8")
    again = build()
    status = status_text(again)
    # (sphinx.testing itself switches html_theme to "basic", so look for our option only)
    assert "html_static_path" not in status
    # only the edited document is read again
    assert "0 added, 1 changed, 0 removed" in status
    # the shared default list is never mutated
    assert again.config._options["html_static_path"].default == []


def test_script_size_budget() -> None:
    static = Path(__file__).parents[1] / "sphinx_careerblog" / "reflections" / "static"
    scripts = sorted(static.glob("careerblog-*.js"))
    assert len(scripts) == 5, scripts
    for path in scripts:
        # readable code, not golfed: each script under 10 kB unminified
        assert 0 < path.stat().st_size < 10_000, (path.name, path.stat().st_size)
        text = path.read_text("utf-8")
        assert text.startswith("// @ts-check")
        # nothing is sent anywhere and nothing is written as HTML
        for banned in ("innerHTML", "fetch(", "XMLHttpRequest", "sendBeacon", "http", "eval("):
            assert banned not in text, (path.name, banned)
        # ordinary code: no comma expressions in statements, no `throw 0` into empty catch
        assert "throw 0" not in text and "catch {}" not in text, path.name
        assert "), (" not in text.replace("(), (", ""), path.name


def test_checklist_nested_in_a_checklist_stays_its_own(build) -> None:
    text = """\
    # P

    ::::{reflection} Outer
    Intro.

    :::{reflection} Inner
    - Inner prompt?
    :::

    - Outer prompt?
    ::::
    """
    app = build({"index.md": text})
    assert "a checklist inside another checklist" in warning_text(app)
    outer, inner = get_store(app.env).checklists["index"]
    assert [item.text for item in outer.items] == ["Outer prompt?"]
    assert [item.text for item in inner.items] == ["Inner prompt?"]
    page = soup(app)
    assert len(page.select("input[type=checkbox]")) == 2
    assert [p.get_text() for p in page.select(".cb-reflection-progress")] == ["0 of 1", "0 of 1"]


def test_gettext_extracts_titles_and_prompts(build) -> None:
    app = build({"index.md": ESSAY}, buildername="gettext")
    assert warning_text(app) == ""
    pot = (Path(app.outdir) / "index.pot").read_text("utf-8")
    # the title is extracted as its text (its emphasis is not part of the message)
    assert 'msgid "Before you start"' in pot
    for prompt in ("Could you explain it to a newcomer?", "Would you do it again?"):
        assert f'msgid "{prompt}"' in pot


def test_translated_prompts_are_what_readers_tick(build, tmp_path: Path) -> None:
    """Prompts are shown translated but keyed by their source text, so a reader keeps
    their ticks when switching languages, and a new translation unticks nothing."""
    src = tmp_path / "src"
    po = src / "locales" / "de" / "LC_MESSAGES" / "index.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Would you do it again?"\nmsgstr "Würdest du es wieder tun?"\n',
        "utf-8",
    )
    app = build(
        {"index.md": ESSAY},
        conf_extra='language = "de"\nlocale_dirs = ["locales"]\n',
        srcdir=src,
    )
    labels = [label.get_text() for label in soup(app).select(".cb-reflection-item label")]
    assert labels[2] == "Würdest du es wieder tun?"
    assert soup(app).select("li.cb-reflection-item")[2]["data-cb-hash"] == item_hash(
        "Would you do it again?"
    )


def test_changing_the_storage_prefix_rewrites_pages(build) -> None:
    app = build({"index.md": ESSAY, "conf.py": _conf('careerblog_checklist_storage_prefix = "a"')})
    script = soup(app).find("script", attrs={"data-cb-storage-prefix": True})
    assert script["data-cb-storage-prefix"] == "a"
    (Path(app.srcdir) / "conf.py").write_text(
        _conf('careerblog_checklist_storage_prefix = "b"'), "utf-8"
    )
    again = build()
    script = soup(again).find("script", attrs={"data-cb-storage-prefix": True})
    assert script["data-cb-storage-prefix"] == "b"


def _conf(extra: str) -> str:
    return BASE_CONF + extra + "\n"
