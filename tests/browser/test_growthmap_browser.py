"""The growth map in real Chromium: figures from ticks in several essays, reviews and the
"since" changes, revisit notices, the Markdown export, merging imports, no JavaScript,
keyboard use, nothing sent anywhere, and axe-core in light and dark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_checklist_browser import AXE, boxes, problems, progress

__all__ = ["problems"]  # the fixture, shared with the checklist tests

pytestmark = pytest.mark.browser


def competency(page: Page, slug: str):
    return page.locator(f'.cb-growthmap-competency[data-cb-competency="{slug}"]')


def long_date(page: Page, iso_expression: str = "new Date().toISOString()") -> str:
    """A date as the page writes it (its language, long style)."""
    return page.evaluate(
        f"""() => new Intl.DateTimeFormat(document.documentElement.lang || undefined,
            {{dateStyle: "long"}}).format(new Date({iso_expression}))"""
    )


def tick_essays_with_a_review(page: Page, site_url: str) -> None:
    """Essay A: 1 of 3, then a new review and 3 of 3; essay B: 1 of 2."""
    page.goto(f"{site_url}/essay-a.html")
    boxes(page).nth(0).check()
    page.get_by_role("button", name="Start a new review").click()
    expect(page.locator(".cb-reflection-status")).to_contain_text("New review started.")
    expect(progress(page)).to_have_text("0 of 3")
    for index in range(3):
        boxes(page).nth(index).check()
    page.goto(f"{site_url}/essay-b.html")
    boxes(page).nth(0).check()


def test_figures_reviews_and_markdown_export(
    page: Page, site_url: str, tmp_path: Path, problems: list[str]
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tick_essays_with_a_review(page, site_url)
    page.goto(f"{site_url}/growth.html")
    expect(page.locator(".cb-growthmap-static")).to_be_hidden()
    today = long_date(page)
    expected = {
        # essay A counts in depth and communication, essay B in depth and mentorship
        "depth": ("4 of 5", f"+2 since {today}"),
        "communication": ("3 of 3", f"+2 since {today}"),
        "mentorship": ("1 of 2", ""),
    }
    for slug, (count, delta) in expected.items():
        box = competency(page, slug)
        expect(box.locator(".cb-growthmap-count")).to_have_text(count)
        expect(box.locator(".cb-growthmap-delta")).to_have_text(delta)
        bar = box.locator(".cb-growthmap-bar")
        expect(bar).to_have_attribute("aria-valuetext", count)
        column = page.locator(f'.cb-growthmap-column[data-cb-competency="{slug}"]')
        expect(column.locator(".cb-growthmap-column-value")).to_have_text(count)
    expect(competency(page, "depth").locator(".cb-growthmap-bar")).to_have_attribute(
        "aria-valuenow", "4"
    )
    width = competency(page, "depth").locator(".cb-growthmap-fill").evaluate("el => el.style.width")
    assert width == "80%"
    # checklists under depth, by level (mid, then senior), each with its own progress
    entries = competency(page, "depth").locator(".cb-growthmap-entry")
    expect(entries.locator("a")).to_have_text(["Looking back", "Looking back"])
    expect(entries.locator(".cb-growthmap-progress")).to_have_text(["1 of 2", "3 of 3"])
    expect(competency(page, "depth").locator(".cb-growthmap-level")).to_have_text(["mid", "senior"])

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download as Markdown").click()
    download = download_info.value
    assert download.suggested_filename == "my-growth.md"
    saved = tmp_path / "my-growth.md"
    download.save_as(saved)
    markdown = saved.read_text("utf-8")
    assert markdown.startswith("# My growth\n\nExported on ")
    assert f"## Depth: 4 of 5, +2 since {today}\n" in markdown
    assert "## Mentorship: 1 of 2\n" in markdown
    assert "### Looking back (Essay A)\n\nLevel: senior\n\n" in markdown
    assert "- [x] Do you understand \\*why\\* you built it that way?" not in markdown
    assert "- [x] Do you understand why you built it that way?\n" in markdown
    assert "- [ ] Did you ask for feedback?\n" in markdown
    assert f"Earlier reviews: {today}: 1 of 3\n" in markdown

    page.get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator(".cb-growthmap-status")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == markdown


def test_live_updates_and_revisit(page: Page, site_url: str, problems: list[str]) -> None:
    page.goto(f"{site_url}/essay-a.html")
    hashes = page.locator(".cb-reflection-item").evaluate_all(
        "items => items.map(item => item.dataset.cbHash)"
    )
    # ticked 40 days ago; the checklist asks for a review after 30
    page.evaluate(
        """(hash) => {
            const when = new Date(Date.now() - 40 * 86400000).toISOString();
            localStorage.setItem("careerblog:essay-a:looking-back", JSON.stringify(
                {v: 2, ticks: {[hash]: when}, notes: "", updated: when, reviews: []}));
        }""",
        hashes[0],
    )
    page.reload()
    revisit = page.locator(".cb-reflection-revisit")
    expect(revisit).to_have_text(
        "You last ticked this checklist 40 days ago: time for a new review?"
    )
    page.goto(f"{site_url}/growth.html")
    senior = competency(page, "depth").locator(".cb-growthmap-entry").nth(1)
    expect(senior.locator(".cb-growthmap-stale")).to_have_text(" · last ticked 40 days ago")
    # a tick in another tab updates the map without a reload
    other = page.context.new_page()
    other.goto(f"{site_url}/essay-a.html")
    boxes(other).nth(1).check()
    expect(competency(page, "communication").locator(".cb-growthmap-count")).to_have_text("2 of 3")
    expect(senior.locator(".cb-growthmap-stale")).to_have_text("")
    other.close()


def test_import_never_overwrites_newer_answers(
    browser: Browser, page: Page, site_url: str, tmp_path: Path, problems: list[str]
) -> None:
    tick_essays_with_a_review(page, site_url)
    page.goto(f"{site_url}/growth.html")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export my answers").click()
    exported = tmp_path / "reflections.json"
    download_info.value.save_as(exported)
    assert (
        len(
            json.loads(exported.read_text("utf-8"))["checklists"]["essay-a:looking-back"]["reviews"]
        )
        == 1
    )

    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(f"{site_url}/essay-b.html")
    boxes(fresh).nth(1).check()  # newer than the file's answers to essay B
    fresh.goto(f"{site_url}/growth.html")
    fresh.get_by_label("Import answers from a file").set_input_files(exported)
    expect(fresh.locator(".cb-growthmap-status")).to_have_text(
        "Imported: 1 checklist added, 1 checklist kept because the answers here are newer."
    )
    # essay A came in with its review; essay B kept this browser's newer tick
    expect(competency(fresh, "communication").locator(".cb-growthmap-count")).to_have_text("3 of 3")
    expect(competency(fresh, "communication").locator(".cb-growthmap-delta")).to_contain_text(
        "+2 since"
    )
    expect(competency(fresh, "mentorship").locator(".cb-growthmap-count")).to_have_text("1 of 2")
    fresh.goto(f"{site_url}/essay-b.html")
    expect(boxes(fresh).nth(0)).not_to_be_checked()
    expect(boxes(fresh).nth(1)).to_be_checked()
    other.close()


def test_without_javascript_a_static_table(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/growth.html")
    expect(page.locator(".cb-growthmap-live")).to_be_hidden()
    table = page.locator("table.cb-growthmap-static")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_text(["Competency", "Checklist", "Level", "Prompts"])
    expect(table.locator("tbody tr").first.locator("td")).to_have_text(["Depth", "", "", "5"])
    context.close()


def test_keyboard_only(page: Page, site_url: str, problems: list[str]) -> None:
    page.goto(f"{site_url}/essay-a.html")
    boxes(page).nth(0).focus()
    page.keyboard.press("Space")
    # on to "Start a new review" with Tab alone
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('cb-reflection-review')"):
            break
    page.keyboard.press("Enter")
    expect(progress(page)).to_have_text("0 of 3")
    page.goto(f"{site_url}/growth.html")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.classList.contains('cb-growthmap-export-md')"
        ):
            break
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename == "my-growth.md"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_problems(
    page: Page, site_url: str, scheme: str, problems: list[str]
) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci`")
    page.emulate_media(color_scheme=scheme)
    tick_essays_with_a_review(page, site_url)
    page.goto(f"{site_url}/growth.html")
    if scheme == "dark":
        # a dark theme: light text on a dark page; the map follows its colours
        page.add_style_tag(
            content="body, div.body, div.document, div.bodywrapper "
            "{ background: #15171a !important; color: #e6e6e6 !important; }"
            " a { color: #8ab4f8 !important; }"
        )
    expect(competency(page, "depth").locator(".cb-growthmap-count")).to_have_text("4 of 5")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run({include: [[".cb-growthmap"]]}, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return {passes: r.passes.map(p => p.id), violations: r.violations.map(
                v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))};
        }"""
    )
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], result["violations"]
    assert "color-contrast" in result["passes"], result
