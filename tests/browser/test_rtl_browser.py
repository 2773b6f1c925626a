"""Right-to-left pages in real Chromium: the byline, cards, checklists and pagination
mirror (the extension's CSS uses logical sides only). Each check runs on a Hebrew
handbook laid out right to left and, as the control, on the same handbook in German
left to right, so a geometry assertion cannot pass by accident."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TypedDict

import pytest
from playwright.sync_api import Locator, Page

from ..conftest import BASE_CONF, write_project

pytestmark = pytest.mark.browser

#: Sphinx writes no ``dir`` attribute (sphinx-doc/sphinx#10385): a right-to-left
#: handbook sets the direction in a stylesheet, as the docs' translation page says.
RTL_CSS = "html { direction: rtl; }\n"

POST = """\
    ---
    post: true
    date: 2026-0{n}-1{n}
    author: noa
    category: {category}
    tags: [{tags}]
    ---
    # {title} {n}

    {text}

    :::{{reflection}} {checklist}
    - {first}
    - {second}
    :::
    """

#: The same handbook in Hebrew (laid out right to left) and, as the control, in German
#: (left to right): Hebrew words on a left-to-right page would be reordered by the
#: Unicode bidi algorithm and tell nothing about the CSS.
WORDS = {
    "rtl": {
        "language": "he", "author": "נועה לוי", "category": "צמיחה", "tags": "למידה, קוד",
        "title": "רשומה", "text": "כשנכנסים לצוות חדש, הקוד הקיים הוא המורה הטוב ביותר.",
        "checklist": "מבט לאחור", "first": "האם הבנתי למה הקוד נכתב כך?",
        "second": "האם ביקשתי משוב מעמית?", "home": "מדריך", "lists": "רשימות",
    },
    "ltr": {
        "language": "de", "author": "Noa Levi", "category": "Wachstum", "tags": "Lernen, Code",
        "title": "Beitrag", "text": "Im neuen Team ist der vorhandene Code der beste Lehrer.",
        "checklist": "Rückblick", "first": "Verstehe ich, warum der Code so geschrieben ist?",
        "second": "Habe ich um Rückmeldung gebeten?", "home": "Handbuch", "lists": "Listen",
    },
}  # fmt: skip


def handbook_files(direction: str) -> tuple[dict[str, str], str]:
    words = WORDS[direction]
    files = {
        "index.md": f"# {words['home']}\n\n```{{toctree}}\n:glob:\n\nposts/*\nlists\n```\n",
        "lists.md": f"# {words['lists']}\n\n```{{postlist}}\n:format: cards\n```\n",
        **{f"posts/p{n}.md": POST.format(n=n, **words) for n in range(1, 4)},
    }
    conf = (
        f"language = {words['language']!r}\ncareerblog_posts_per_page = 1\n"
        f"careerblog_authors = {{'noa': {{'name': {words['author']!r}}}}}\n"
    )
    if direction == "rtl":
        files["_static/rtl.css"] = RTL_CSS
        conf += 'html_static_path = ["_static"]\nhtml_css_files = ["rtl.css"]\n'
    return files, conf


class Box(TypedDict):
    x: float
    y: float
    width: float
    height: float


def box(locator: Locator) -> Box:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not laid out"
    return Box(x=found["x"], y=found["y"], width=found["width"], height=found["height"])


def right(found: Box) -> float:
    return found["x"] + found["width"]


@pytest.fixture(scope="module", params=["rtl", "ltr"])
def handbook(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The handbook built once per direction (sphinx-build -W, alabaster)."""
    files, extra = handbook_files(request.param)
    conf = BASE_CONF + 'html_theme = "alabaster"\n' + extra
    root = tmp_path_factory.mktemp(f"handbook-{request.param}")
    src = write_project(root / "src", {"conf.py": conf, **files})
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(root / "html")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "html", request.param


def test_byline_starts_on_the_start_side(page: Page, handbook: tuple[Path, str]) -> None:
    out, direction = handbook
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((out / "posts" / "p1.html").as_uri())
    line = box(page.locator(".cb-byline p"))
    date = box(page.locator(".cb-byline-date"))
    minutes = box(page.locator(".cb-byline-reading-time"))
    tags = box(page.locator(".cb-byline-tags"))
    if direction == "rtl":
        assert abs(right(date) - right(line)) < 1.5
        assert date["x"] > minutes["x"] > tags["x"]
    else:
        assert abs(date["x"] - line["x"]) < 1.5
        assert date["x"] < minutes["x"] < tags["x"]


def test_checklist_mirrors(page: Page, handbook: tuple[Path, str]) -> None:
    out, direction = handbook
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((out / "posts" / "p1.html").as_uri())
    checklist = page.locator(".cb-reflection")
    borders = checklist.evaluate(
        "e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderRightWidth]"
    )
    assert borders == (["1px", "4px"] if direction == "rtl" else ["4px", "1px"])
    whole = box(checklist.locator(".cb-reflection-items"))
    for item in checklist.locator(".cb-reflection-item").all():
        tick, label = box(item.locator("input")), box(item.locator("label"))
        if direction == "rtl":
            assert tick["x"] > label["x"]
            assert abs(right(tick) - right(whole)) < 1.5
        else:
            assert tick["x"] < label["x"]
            assert abs(tick["x"] - whole["x"]) < 1.5
    controls = checklist.locator(".cb-reflection-controls")
    progress, reset = (
        box(controls.locator(".cb-reflection-progress")),
        box(controls.locator(".cb-reflection-reset")),
    )
    assert (progress["x"] > reset["x"]) == (direction == "rtl")


def test_cards_fill_rows_from_the_start_side(page: Page, handbook: tuple[Path, str]) -> None:
    out, direction = handbook
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((out / "lists.html").as_uri())
    cards = [box(card) for card in page.locator(".cb-postlist-card").all()]
    assert len(cards) == 3 and len({round(card["y"]) for card in cards}) == 1, cards
    xs = [card["x"] for card in cards]
    assert xs == (sorted(xs, reverse=True) if direction == "rtl" else sorted(xs))
    title = box(page.locator(".cb-postlist-card .sd-card-title").first)
    body = box(page.locator(".cb-postlist-card .sd-card-body").first)
    start_gap = right(body) - right(title) if direction == "rtl" else title["x"] - body["x"]
    assert 0 < start_gap < 40  # the card's padding, on the start side


def test_pagination_leads_from_the_start_side(page: Page, handbook: tuple[Path, str]) -> None:
    out, direction = handbook
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((out / "blog" / "page" / "2.html").as_uri())
    newer = page.locator(".cb-pagination-newer")
    older = page.locator(".cb-pagination-older")
    assert (box(newer)["x"] > box(older)["x"]) == (direction == "rtl")
    # the mark stands on the outer side of each link, pointing away from the numbers
    newer_mark = box(newer.locator(".cb-pagination-arrow"))
    if direction == "rtl":
        assert abs(right(newer_mark) - right(box(newer))) < 1.5
    else:
        assert abs(newer_mark["x"] - box(newer)["x"]) < 1.5
