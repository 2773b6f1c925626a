"""Generated pages and sidebars in real Chromium: pagination and redirects work when
clicked or loaded, and axe-core finds no serious problem in what the extension adds."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..pages_helpers import SIDEBARS_CONF, blog, post

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def pages_site(build) -> Path:
    files = blog(5)
    files["posts/p00.md"] = post(
        "Post 00", date="2020-01-15", category="Craft", tags="[all, even]", redirect="[old/p00]"
    )
    files["posts/ext.md"] = post("Elsewhere", date="2019-03-03", external_link="https://x.test/")
    conf = SIDEBARS_CONF + "careerblog_posts_per_page = 2\n"
    # sphinx.testing swaps alabaster for "basic" unless the theme is an override
    app = build(files, conf_extra=conf, confoverrides={"html_theme": "alabaster"})
    return Path(app.outdir)


def test_older_and_newer_links_walk_the_pages(page: Page, pages_site: Path) -> None:
    page.goto((pages_site / "blog" / "index.html").as_uri())
    expect(page.locator(".cb-entry-title").first).to_contain_text("Post 04")
    page.get_by_role("link", name="Older posts").click()
    expect(page).to_have_url((pages_site / "blog" / "page" / "2.html").as_uri())
    expect(page.locator(".cb-entry-title").first).to_contain_text("Post 02")
    page.get_by_role("link", name="Newer posts").click()
    expect(page).to_have_url((pages_site / "blog" / "index.html").as_uri())
    # a sidebar link from a generated page reaches its page
    page.locator(".cb-sidebar-tags").get_by_role("link", name="even").click()
    expect(page).to_have_url((pages_site / "blog" / "tag" / "even.html").as_uri())
    expect(page.locator("#cb-page h1")).to_have_text("Posts tagged even")


def test_redirect_page_sends_the_reader_on(page: Page, pages_site: Path) -> None:
    page.goto((pages_site / "old" / "p00.html").as_uri())
    expect(page).to_have_url((pages_site / "posts" / "p00.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Post 00")


def test_axe_finds_no_serious_problems_in_pages_and_sidebars(page: Page, pages_site: Path) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci`")
    checked = 0
    for name in (
        "blog/index.html",
        "blog/page/3.html",
        "blog/category/craft.html",
        "blog/archive.html",
        "blog/tags.html",
        "posts/p01.html",
    ):
        page.goto((pages_site / name).as_uri())
        for scope in ("#cb-page", ".cb-sidebar-recent", ".cb-sidebar-tags"):
            if page.locator(scope).count() == 0:
                continue
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                """async (scope) => {
                    const r = await axe.run({include: [[scope]]}, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                        rules: {'heading-order': {enabled: false}}});
                    return {passes: r.passes.length, violations: r.violations.map(
                        v => [v.id, v.impact, v.nodes.map(n => n.target.join(' '))])};
                }""",
                scope,
            )
            assert result["passes"] > 0, (name, scope)
            assert result["violations"] == [], (name, scope)
            checked += 1
    assert checked >= 12
