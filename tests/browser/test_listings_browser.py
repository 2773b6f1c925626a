"""Listings in real Chromium: cards are clickable, and axe-core finds no serious problem
in post lists (every format), taxonomy overviews, related posts and series links."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..listing_helpers import AUTHORS_CONF, POSTS, index_page

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def listing_site(build) -> Path:
    files = {
        **POSTS,
        "index.md": index_page(
            "```{postlist}\n:excerpts:\n:expand: Read more\n```",
            "```{postlist} Cards\n:format: cards\n```",
            "```{postlist}\n:format: table\n:excerpts:\n```",
            "```{postlist}\n:format: compact\n```",
            "```{postlist}\n:format: {date} - {title} by {author}\n```",
            "```{taxonomy}\n:kind: tags\n:counts:\n:format: cloud\n```",
            "```{taxonomy}\n:kind: years\n:counts:\n```",
        ),
    }
    app = build(files, conf_extra=AUTHORS_CONF + 'html_theme = "alabaster"\n')
    return Path(app.outdir)


def test_a_card_is_one_big_link_to_its_post(page: Page, listing_site: Path) -> None:
    page.goto((listing_site / "index.html").as_uri())
    card = page.locator(".cb-postlist-card").first
    expect(card).to_contain_text("Delta essay")
    card.click(position={"x": 20, "y": 20})  # anywhere on the card, not only the title
    expect(page).to_have_url((listing_site / "four.html").as_uri())


def test_axe_finds_no_serious_problems_in_listings(page: Page, listing_site: Path) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci`")
    for name, scope in (
        ("index.html", ".cb-postlist"),
        ("index.html", ".cb-taxonomy"),
        ("one.html", ".cb-related"),
        ("one.html", ".cb-series"),
    ):
        page.goto((listing_site / name).as_uri())
        expect(page.locator(scope).first).to_be_visible()
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
        assert serious == [], (name, scope, result["violations"])
        assert result["passes"] >= 2, (name, scope, result)  # axe did check the block
