"""Filtering the blog index in Chromium: a 26-post blog, filtered by one tag, then by a
tag and a category, shows every matching post and no other; the URL keeps the choice;
the keyboard works; without JavaScript the paginated list is unchanged."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .serving import serve

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"

CONF = """\
project = "Filter checks"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
careerblog_baseurl = "https://example.org/"
careerblog_posts_per_page = 10
careerblog_authors = {"ada": {"name": "Ada Example"}, "bo": {"name": "Bo Example"}}
"""

CATEGORIES = ["craft", "people", "process"]
TAGS = ["code review", "mentoring", "testing", "incidents"]


@dataclass(frozen=True)
class Essay:
    number: int
    category: str
    tags: tuple[str, ...]
    author: str
    year: int

    @property
    def title(self) -> str:
        return f"Essay number {self.number:02d}"


ESSAYS = [
    Essay(
        number=n,
        category=CATEGORIES[n % 3],
        tags=tuple(tag for i, tag in enumerate(TAGS) if (n >> i) & 1),
        author="ada" if n % 2 else "bo",
        year=2024 + n % 2,
    )
    for n in range(1, 27)
]


def essay_text(essay: Essay) -> str:
    tags = ", ".join(f'"{tag}"' for tag in essay.tags)
    return (
        f"---\npost: true\ndate: {essay.year}-03-{essay.number:02d}\n"
        f"category: {essay.category}\ntags: [{tags}]\nauthor: {essay.author}\n---\n"
        f"# {essay.title}\n\nA short essay, number {essay.number}.\n"
    )


@pytest.fixture(scope="session")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("filter-site")
    src, out = root / "src", root / "html"
    (src / "essays").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, "utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n", "utf-8")
    for essay in ESSAYS:
        (src / "essays" / f"e{essay.number:02d}.md").write_text(essay_text(essay), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def blog_url(blog: Path) -> Iterator[str]:
    with serve(blog) as url:
        yield url


def shown_titles(page: Page) -> set[str]:
    return set(page.locator(".cb-filter-results .cb-entry-title a").all_inner_texts())


def test_one_tag_then_a_tag_and_a_category(page: Page, blog_url: str) -> None:
    page.goto(f"{blog_url}/blog/index.html")
    page.locator(".cb-filter-facet-tag").get_by_label("mentoring").check()
    expected = {e.title for e in ESSAYS if "mentoring" in e.tags}
    assert len(expected) == 13
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(len(expected))
    assert shown_titles(page) == expected  # all of them, though 10 fit on a page
    expect(page.locator(".cb-page-posts:not(.cb-filter-results)")).to_be_hidden()
    expect(page.locator(".cb-pagination")).to_be_hidden()
    assert page.url.endswith("?tag=mentoring")

    page.locator(".cb-filter-facet-category").get_by_label("people").check()
    both = {e.title for e in ESSAYS if "mentoring" in e.tags and e.category == "people"}
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(len(both))
    assert shown_titles(page) == both
    assert page.url.endswith("?category=people&tag=mentoring")
    expect(page.locator(".cb-filter-status")).to_have_text(f"{len(both)} posts")


def test_the_query_is_read_back_and_links_are_local(page: Page, blog_url: str) -> None:
    page.goto(f"{blog_url}/blog/index.html?tag=code-review,testing&year=2025")
    expected = {
        e.title for e in ESSAYS if e.year == 2025 and {"code review", "testing"} & set(e.tags)
    }
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(len(expected))
    assert shown_titles(page) == expected
    expect(page.locator(".cb-filter-facet-tag").get_by_label("code review")).to_be_checked()
    first = page.locator(".cb-filter-results .cb-entry-title a").first
    assert first.get_attribute("href", timeout=2000) is not None
    first.click()
    assert page.url.startswith(blog_url + "/essays/e")


def test_keyboard_only_and_clear(page: Page, blog_url: str) -> None:
    page.goto(f"{blog_url}/blog/index.html")
    box = page.locator(".cb-filter-facet-author").get_by_label("Bo Example")
    box.focus()
    page.keyboard.press("Space")
    expected = {e.title for e in ESSAYS if e.author == "bo"}
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(len(expected))
    page.locator(".cb-filter-clear").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(0)
    expect(page.locator(".cb-page-posts:not(.cb-filter-results) .cb-entry")).to_have_count(10)
    assert "?" not in page.url


def test_without_javascript_the_paginated_list_is_unchanged(
    browser: Browser, blog_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{blog_url}/blog/index.html?tag=mentoring")
    expect(page.locator(".cb-filter")).to_be_hidden()
    expect(page.locator(".cb-page-posts .cb-entry")).to_have_count(10)
    expect(page.locator(".cb-pagination")).to_be_visible()
    context.close()


def test_nothing_but_the_catalog_is_requested(page: Page, blog_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{blog_url}/blog/index.html")
    page.locator(".cb-filter-facet-tag").get_by_label("testing").check()
    expect(page.locator(".cb-filter-results .cb-entry")).not_to_have_count(0)
    assert all(url.startswith(blog_url) for url in requested)
    assert sum(url.endswith("/blog/posts.json") for url in requested) == 1
    assert not any("/essays/" in url for url in requested)


def test_axe_finds_nothing_serious_in_the_filter(page: Page, blog_url: str) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make test does)")
    page.goto(f"{blog_url}/blog/index.html?tag=testing")
    expect(page.locator(".cb-filter-results .cb-entry")).not_to_have_count(0)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
            const r = await axe.run({include: [['.cb-filter']]},
                {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => v.id);
        }"""
    )
    assert found == []


@pytest.fixture(scope="module")
def preview_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # a preview (careerblog_include_drafts) of a draft, a scheduled post and a public one
    root = tmp_path_factory.mktemp("filter-preview")
    src, out = root / "src", root / "html"
    (src / "essays").mkdir(parents=True)
    (src / "conf.py").write_text(
        CONF + "careerblog_include_drafts = True\ncareerblog_today = '2026-01-01'\n", "utf-8"
    )
    (src / "index.md").write_text("# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n", "utf-8")
    posts = {"public": "2025-05-01", "later": "2026-06-01", "wip": None}
    for name, date in posts.items():
        dated = f"date: {date}\n" if date else ""
        (src / "essays" / f"{name}.md").write_text(
            f"---\npost: true\n{dated}tags: [testing]\n---\n# The {name} essay\n\nText.\n",
            "utf-8",
        )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(out) as url:
        yield url


def test_preview_marks_scheduled_and_draft_posts_as_the_static_list_does(
    page: Page, preview_url: str
) -> None:
    page.goto(f"{preview_url}/blog/index.html?tag=testing")
    expect(page.locator(".cb-filter-results .cb-entry")).to_have_count(3)
    marks = {
        entry.locator(".cb-entry-title a").inner_text(): entry.locator(".cb-draft-marker")
        for entry in page.locator(".cb-filter-results .cb-entry").all()
    }
    # the filtered list formats dates with the browser's Intl, in the page's language
    expect(marks["The later essay"]).to_have_text("Scheduled for June 1, 2026")
    expect(marks["The wip essay"]).to_have_text("Draft")
    expect(marks["The public essay"]).to_have_count(0)
