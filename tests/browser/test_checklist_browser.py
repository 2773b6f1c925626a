"""Reflection checklists in real Chromium: persistence, progress, reset, notes, export and
import, edited prompts, no JavaScript, broken storage, the move from version 1 storage,
and axe-core accessibility checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Error, Page, expect

from .conftest import Site

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def problems(page: Page, site_url: str) -> Iterator[list[str]]:
    """Script errors, console errors and requests that leave the site, for this page."""
    found: list[str] = []

    def on_error(error: Error) -> None:
        # Sphinx's own sphinx_highlight.js lets the deliberate "cb-denied" error through
        # (test_broken_storage_still_works checks who touched the storage)
        if "cb-denied" not in str(error):
            found.append(f"pageerror: {error} {error.stack}")

    page.on("pageerror", on_error)
    page.on(
        "console",
        lambda msg: (
            found.append(f"console: {msg.text}")
            if msg.type == "error" and "favicon" not in msg.location.get("url", "")
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((site_url, "blob:", "data:"))
            else found.append(f"request: {request.url}")
        ),
    )
    yield found
    assert found == []


def boxes(page: Page, scope: str = ".cb-reflection"):
    return page.locator(f"{scope} .cb-reflection-item input[type=checkbox]")


def progress(page: Page, scope: str = ".cb-reflection"):
    return page.locator(f"{scope} .cb-reflection-progress")


def test_tick_reload_progress_and_reset(page: Page, site_url: str, problems: list[str]) -> None:
    page.goto(f"{site_url}/essay-a.html")
    expect(progress(page)).to_have_text("0 of 3")
    expect(progress(page)).to_have_attribute("aria-live", "polite")
    boxes(page).nth(0).check()
    expect(progress(page)).to_have_text("1 of 3")
    # keyboard: the label's checkbox takes focus and Space ticks it
    boxes(page).nth(2).focus()
    page.keyboard.press("Space")
    expect(boxes(page).nth(2)).to_be_checked()
    outline = boxes(page).nth(2).evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    expect(progress(page)).to_have_text("2 of 3")
    # clicking the label text ticks too
    page.locator(".cb-reflection-item label").nth(1).click()
    expect(progress(page)).to_have_text("3 of 3")

    page.reload()
    expect(boxes(page).nth(0)).to_be_checked()
    expect(boxes(page).nth(1)).to_be_checked()
    expect(progress(page)).to_have_text("3 of 3")

    page.locator(".cb-reflection-reset").click()
    expect(progress(page)).to_have_text("0 of 3")
    for index in range(3):
        expect(boxes(page).nth(index)).not_to_be_checked()
    page.reload()
    expect(progress(page)).to_have_text("0 of 3")


def test_notes_persist(page: Page, site_url: str, problems: list[str]) -> None:
    page.goto(f"{site_url}/essay-a.html")
    notes = page.get_by_label("Your notes (kept in this browser only)")
    notes.fill('I would pick <b>Postgres</b> again & keep "it" simple.')
    page.reload()
    expect(notes).to_have_value('I would pick <b>Postgres</b> again & keep "it" simple.')
    # reset clears ticks, never the reader's writing
    page.locator(".cb-reflection-reset").click()
    expect(notes).to_have_value('I would pick <b>Postgres</b> again & keep "it" simple.')
    # printed: boxes and notes on paper, no buttons
    boxes(page).nth(0).check()
    page.emulate_media(media="print")
    expect(page.locator(".cb-reflection-reset")).to_be_hidden()
    expect(notes).to_be_visible()
    expect(boxes(page).nth(0)).to_be_visible()
    expect(boxes(page).nth(0)).to_be_checked()
    expect(progress(page)).to_have_text("1 of 3")


def test_two_pages_are_independent(page: Page, site_url: str, problems: list[str]) -> None:
    # the same title (so the same id) and the same first prompt on two pages
    page.goto(f"{site_url}/essay-a.html")
    boxes(page).nth(0).check()
    page.goto(f"{site_url}/essay-b.html")
    expect(progress(page)).to_have_text("0 of 2")
    expect(boxes(page).nth(0)).not_to_be_checked()
    boxes(page).nth(1).check()
    page.goto(f"{site_url}/essay-a.html")
    expect(progress(page)).to_have_text("1 of 3")
    page.goto(f"{site_url}/dashboard.html")
    entries = page.locator(".cb-reflectionlist-summary .cb-reflectionlist-progress")
    expect(entries).to_have_text(["1 of 3", "1 of 2", "0 of 2"])
    # the full list marks the reader's ticks: ☑ ticked, ☐ not
    marks = page.locator(".cb-reflectionlist-full .cb-reflection-box")
    expect(marks).to_have_text(["☑", "☐", "☐", "☐", "☑", "☐", "☐"])


def test_edited_prompt_starts_unticked(
    page: Page, site: Site, site_url: str, problems: list[str]
) -> None:
    page.goto(f"{site_url}/edit.html")
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    expect(progress(page)).to_have_text("2 of 2")
    source = site.src / "edit.md"
    source.write_text(
        source.read_text("utf-8").replace("will be reworded", "has been reworded"), "utf-8"
    )
    site.rebuild()
    page.reload()
    expect(page.locator(".cb-reflection-item label").nth(0)).to_have_text(
        "This prompt has been reworded."
    )
    expect(boxes(page).nth(0)).not_to_be_checked()
    expect(boxes(page).nth(1)).to_be_checked()
    expect(progress(page)).to_have_text("1 of 2")


def test_without_javascript_a_readable_list(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/essay-a.html")
    root = page.locator(".cb-reflection")
    expect(root.locator(".cb-reflection-title")).to_have_text("Looking back")
    expect(root.locator("label").first).to_have_text("Do you understand why you built it that way?")
    expect(root.locator(".cb-reflection-item")).to_have_count(3)
    for hidden in (".cb-reflection-progress", ".cb-reflection-reset", ".cb-reflection-status"):
        expect(root.locator(hidden)).to_be_hidden()
    expect(page.get_by_label("Your notes (kept in this browser only)")).to_be_visible()
    page.goto(f"{site_url}/dashboard.html")
    expect(page.locator(".cb-reflectionlist-progress").first).to_have_text("3 prompts")
    expect(page.locator(".cb-reflectionlist-tools")).to_be_hidden()
    context.close()


def test_export_then_import_in_another_browser(
    browser: Browser, page: Page, site_url: str, tmp_path: Path, problems: list[str]
) -> None:
    page.goto(f"{site_url}/essay-a.html")
    boxes(page).nth(1).check()
    page.get_by_label("Your notes (kept in this browser only)").fill("moving browsers")
    page.goto(f"{site_url}/dashboard.html")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export my answers").click()
    exported = tmp_path / "reflections.json"
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text("utf-8"))
    assert data["format"] == "careerblog-reflections" and data["version"] == 2
    answers = data["checklists"]["essay-a:looking-back"]
    assert answers["notes"] == "moving browsers"
    assert len(answers["ticks"]) == 1 and answers["reviews"] == []

    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(f"{site_url}/dashboard.html")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    fresh.get_by_label("Import answers from a file").set_input_files(bad)
    expect(fresh.locator(".cb-reflectionlist-status")).to_have_text(
        "That file is not an export of reflection answers."
    )
    fresh.get_by_label("Import answers from a file").set_input_files(exported)
    expect(fresh.locator(".cb-reflectionlist-status")).to_have_text("Imported: 1 checklist added.")
    expect(fresh.locator(".cb-reflectionlist-progress").first).to_have_text("1 of 3")
    fresh.goto(f"{site_url}/essay-a.html")
    expect(boxes(fresh).nth(1)).to_be_checked()
    expect(fresh.get_by_label("Your notes (kept in this browser only)")).to_have_value(
        "moving browsers"
    )
    other.close()


@pytest.mark.parametrize(
    "breakage",
    [
        # private mode in some browsers: touching localStorage throws
        (
            "Object.defineProperty(window, 'localStorage', {get() {"
            " (window.cbCallers = window.cbCallers || []).push(new Error().stack);"
            " throw new DOMException('cb-denied', 'SecurityError'); }});"
        ),
        # storage full
        (
            "Storage.prototype.setItem = function () {"
            " throw new DOMException('full', 'QuotaExceededError'); };"
        ),
    ],
    ids=["disabled", "full"],
)
def test_broken_storage_still_works(
    page: Page, site_url: str, problems: list[str], breakage: str
) -> None:
    page.add_init_script(breakage)
    page.goto(f"{site_url}/essay-a.html")
    boxes(page).nth(0).check()
    expect(progress(page)).to_have_text("1 of 3")
    status = page.locator(".cb-reflection-status")
    expect(status).to_be_visible()
    if "QuotaExceededError" in breakage:
        expect(status).to_have_text(
            "This browser's storage is full: your latest change was not saved."
        )
    else:
        expect(status).to_have_text("This browser does not let the page save your answers.")
    page.locator(".cb-reflection-reset").click()
    expect(progress(page)).to_have_text("0 of 3")
    page.goto(f"{site_url}/dashboard.html")
    expect(page.locator(".cb-reflectionlist-progress").first).to_have_text("0 of 3")
    callers = page.evaluate("window.cbCallers || []")
    if "localStorage" in breakage:
        # our scripts touched it (and caught the error); any escaped error is Sphinx's
        assert any("careerblog-checklist" in stack for stack in callers), callers
        assert all(
            "careerblog-checklist" in stack or "sphinx_highlight" in stack for stack in callers
        ), callers


def test_axe_finds_no_serious_problems(page: Page, site_url: str) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci`")
    for name, scope in (
        ("essay-a.html", ".cb-reflection"),
        ("dashboard.html", ".cb-reflectionlist"),
    ):
        page.goto(f"{site_url}/{name}")
        boxes(page).first.check() if name == "essay-a.html" else None
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async (scope) => {
                const r = await axe.run({include: [[scope]]}, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
                return {passes: r.passes.length, violations: r.violations.map(
                    v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))};
            }""",
            scope,
        )
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (name, result["violations"])
        assert result["passes"] > 5, result


def test_version_1_ticks_are_kept(page: Page, site_url: str, problems: list[str]) -> None:
    """Answers saved by the first release (one key per tick) survive the new schema."""
    page.goto(f"{site_url}/essay-a.html")
    first = page.locator(".cb-reflection-item").nth(0).get_attribute("data-cb-hash")
    third = page.locator(".cb-reflection-item").nth(2).get_attribute("data-cb-hash")
    page.evaluate(
        """([first, third]) => {
            localStorage.clear();
            localStorage.setItem(`careerblog:essay-a:looking-back:${first}`, "1");
            localStorage.setItem(`careerblog:essay-a:looking-back:${third}`, "1");
            localStorage.setItem("careerblog:essay-a:looking-back:notes", "old notes");
        }""",
        [first, third],
    )
    page.reload()
    expect(progress(page)).to_have_text("2 of 3")
    expect(boxes(page).nth(0)).to_be_checked()
    expect(boxes(page).nth(2)).to_be_checked()
    expect(page.get_by_label("Your notes (kept in this browser only)")).to_have_value("old notes")
    saved = page.evaluate("() => ({...localStorage})")
    assert list(saved) == ["careerblog:essay-a:looking-back"], saved
    record = json.loads(saved["careerblog:essay-a:looking-back"])
    assert record["v"] == 2 and sorted(record["ticks"]) == sorted([first, third])
