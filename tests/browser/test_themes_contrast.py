"""Our elements are readable in each supported theme: light and dark, phone and desktop.

The handbook's essays are built once per theme (``tests/theme_sites.py``, the sidebar
lines the how-to gives). On an essay, the blog index, the cards landing page and the
reflections page, every visible text node inside an element with a ``cb-`` class has
a contrast of at least 4.5:1 against its effective background (computed colours of
its ancestors, composited; see ``contrast.js``), and axe-core, scoped to our elements,
reports nothing serious or critical. At phone width the theme's navigation drawer is
opened first, so the sidebar boxes in it are measured too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from ..theme_sites import THEMES, build_site, has_growth_page

pytestmark = pytest.mark.browser

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text("utf-8")
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = (
    "essays/saying-i-dont-know.html",
    "blog/index.html",
    "essays-landing.html",
    "reflections.html",
    *(("my-growth.html",) if has_growth_page() else ()),
)
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
MINIMUM = 4.5

#: how each theme's navigation drawer is opened at phone width (None: always shown)
DRAWERS: dict[str, str | None] = {
    "alabaster": None,  # the sidebar moves under the page
    "furo": "document.getElementById('__navigation').click()",
    "pydata_sphinx_theme": "document.querySelector('button.primary-toggle').click()",
    "sphinx_book_theme": "document.querySelector('button.primary-toggle').click()",
}

# colour contrast is left to contrast.js, which also sees opacity and every text node
AXE_RUN = """async () => {
    const scope = [...document.querySelectorAll('[class*="cb-"]')]
        .filter(e => [...e.classList].some(c => c.startsWith('cb-')))
        .filter(e => !e.parentElement.closest('[class*="cb-"]'));
    const r = await axe.run({include: scope.map(e => [axeSelector(e)])},
        {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
         rules: {'color-contrast': {enabled: false}}});
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3)]);
}"""

# a unique selector for each of our root elements (axe takes selectors, not nodes)
AXE_SELECTOR = """() => {
    window.axeSelector = (e) => {
        if (!e.dataset.cbAxe) e.dataset.cbAxe = String(Math.random()).slice(2);
        return `[data-cb-axe="${e.dataset.cbAxe}"]`;
    };
}"""


@pytest.fixture(scope="session", params=sorted(THEMES))
def themed_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    theme: str = request.param
    pytest.importorskip(theme)
    return theme, build_site(theme, tmp_path_factory.mktemp(f"theme-{theme}"))


def _open_drawer(page: Page, theme: str, width: int) -> None:
    script = DRAWERS[theme]
    if script is None or width >= 1000:
        return
    page.evaluate(script)
    page.wait_for_timeout(400)  # the drawers slide in


def _check_page(page: Page, theme: str, width: int) -> tuple[int, list[Any], list[Any]]:
    _open_drawer(page, theme, width)
    result = page.evaluate(CONTRAST_JS, MINIMUM)
    page.add_script_tag(path=str(AXE))
    page.evaluate(AXE_SELECTOR)
    violations = page.evaluate(AXE_RUN)
    return result["measured"], result["failures"], violations


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_our_text_is_readable_and_axe_is_clean(
    browser: Browser, themed_site: tuple[str, Path], width: int, scheme: str
) -> None:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci`")
    theme, out = themed_site
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems: dict[str, Any] = {}
    sidebar_measured = False
    try:
        for name in PAGES:
            page.goto((out / name).as_uri())
            measured, failures, violations = _check_page(page, theme, width)
            assert measured > 20, (name, measured)
            box = page.locator(".cb-sidebar-tags li").first.bounding_box()
            sidebar_measured |= box is not None and 0 <= box["x"] < width
            if failures or violations:
                problems[name] = {"contrast": failures[:8], "axe": violations}
        # the dark scheme is the theme's own dark mode (alabaster has none)
        if scheme == "dark" and theme != "alabaster":
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert background not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    finally:
        context.close()
    assert problems == {}
    assert sidebar_measured, "the sidebar boxes were never on screen"
