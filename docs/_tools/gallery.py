"""Regenerate the screenshot gallery from real builds.

Builds the handbook's essays in each supported theme (``tests/theme_sites.py``: the
same builds the contrast test checks), photographs pages in Chromium in light and
dark mode at phone and desktop size, shrinks the PNGs with optipng when it is
installed, and writes ``docs/gallery.md`` listing them. The README's picture is one
of these shots (``README_SHOT``).

Usage: python docs/_tools/gallery.py [--theme NAME]...   (needs Debian's chromium)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.test_themes_contrast import DRAWERS  # noqa: E402
from tests.theme_sites import THEMES, build_site, has_growth_page  # noqa: E402

DOCS = ROOT / "docs"
OUT = DOCS / "_static" / "gallery"
PAGE = DOCS / "gallery.md"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

THEME_TITLES = {
    "furo": "Furo",
    "pydata_sphinx_theme": "PyData Sphinx Theme",
    "sphinx_book_theme": "Sphinx Book Theme",
    "alabaster": "Alabaster",
}
DEVICES = {"desktop": (1200, 760), "phone": (390, 760)}
SCHEMES = ("light", "dark")
#: alabaster has no dark mode: its dark pictures would equal the light ones
LIGHT_ONLY = {"alabaster"}


@dataclass(frozen=True)
class Shot:
    key: str
    title: str
    path: str
    #: scrolled to the top of this element (None: the top of the page)
    focus: str | None = None
    #: prompts ticked first, so the checklist shows progress
    ticks: int = 0
    #: open the theme's navigation drawer first (phone width)
    drawer: bool = False
    #: essays whose first checklist gets ``ticks`` ticks first (the growth map adds them up)
    answered: tuple[str, ...] = ()
    devices: tuple[str, ...] = tuple(DEVICES)


SHOTS = (
    Shot("essay", "An essay: its checklist, series and related posts",
         "essays/saying-i-dont-know.html", ".cb-reflection", ticks=2),
    Shot("index", "The blog index", "blog/index.html"),
    Shot("sidebar", "The sidebar boxes on a phone", "blog/index.html",
         ".cb-sidebar-recent", drawer=True, devices=("phone",)),
    *((Shot("growth", "The growth map, after a few checklists", "my-growth.html",
            ".cb-growthmap", ticks=2, answered=(
                "essays/saying-i-dont-know.html", "essays/bigger-than-better-code.html",
                "essays/review-comments-that-help.html", "essays/estimates-are-ranges.html")),)
      if has_growth_page() else ()),
)  # fmt: skip

#: the picture at the top of README.md
README_SHOT = (
    "furo-growth-desktop-light.png" if has_growth_page() else "furo-essay-desktop-light.png"
)


def file_name(theme: str, shot: Shot, device: str, scheme: str) -> str:
    return f"{theme}-{shot.key}-{device}-{scheme}.png"


def schemes(theme: str) -> tuple[str, ...]:
    return ("light",) if theme in LIGHT_ONLY else SCHEMES


def _answer(page: Page, site: Path, shot: Shot) -> None:
    for index, essay in enumerate(shot.answered):
        page.goto((site / essay).as_uri())
        boxes = page.locator(".cb-reflection").first.locator("input[type=checkbox]")
        for box in range(1 + index % 3):
            boxes.nth(box).check()


def _prepare(page: Page, theme: str, shot: Shot) -> None:
    script = DRAWERS[theme]
    if shot.drawer and script:
        page.evaluate(script)
    if shot.ticks and not shot.answered:
        boxes = page.locator(".cb-reflection input[type=checkbox]")
        for index in range(shot.ticks):
            boxes.nth(index).check()
    if shot.focus and shot.drawer:
        # inside the drawer's own scroll box; no focus ring from the click
        page.wait_for_timeout(400)
        page.locator(shot.focus).first.evaluate(
            "e => { e.scrollIntoView({block: 'start'}); document.activeElement.blur(); }"
        )
    elif shot.focus:
        page.locator(shot.focus).first.evaluate(
            "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 90)"
        )
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)  # furo and pydata fade their headers on scroll


def photograph(browser: Browser, theme: str, site: Path) -> list[Path]:
    written = []
    for device, (width, height) in DEVICES.items():
        for scheme in schemes(theme):
            context = browser.new_context(
                viewport={"width": width, "height": height},
                color_scheme="dark" if scheme == "dark" else "light",
            )
            page = context.new_page()
            for shot in (shot for shot in SHOTS if device in shot.devices):
                _answer(page, site, shot)
                page.goto((site / shot.path).as_uri())
                _prepare(page, theme, shot)
                target = OUT / file_name(theme, shot, device, scheme)
                page.screenshot(path=str(target))
                written.append(target)
            context.close()
    return written


def optimise(files: list[Path]) -> None:
    """Palette PNGs (pngquant, about 60 % smaller, no visible loss on these flat pages),
    then lossless recompression (optipng); each step only where it is installed."""
    pngquant, optipng = shutil.which("pngquant"), shutil.which("optipng")
    names = [str(path) for path in files]
    if pngquant:
        command = [pngquant, "--quality", "75-95", "--speed", "1", "--strip", "--force"]
        subprocess.run([*command, "--ext", ".png", *names], check=True)
    if optipng:
        subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", *names], check=True)
    if not (pngquant or optipng):
        sys.stderr.write("neither pngquant nor optipng found: PNGs left as Chromium wrote them\n")


def _figure(theme: str, shot: Shot, device: str, scheme: str) -> str:
    name = file_name(theme, shot, device, scheme)
    alt = f"{shot.title}, in {THEME_TITLES[theme]}, {scheme} mode, {device} width"
    # a width makes Sphinx link the picture to its full-size file
    image = f"```{{image}} _static/gallery/{name}\n:alt: {alt}\n:width: 100%\n```"
    return f":::{{grid-item}}\n{image}\n\n{device}, {scheme}\n:::\n"


def gallery_page(themes: list[str]) -> str:
    lines = [
        "# Gallery",
        "",
        "The handbook's own essays in the four themes the extension is tested with, light",
        "and dark, at desktop and phone width. Every picture is taken from a real build by",
        "`docs/_tools/gallery.py` (run it again after a visual change); the browser test",
        "`tests/browser/test_themes_contrast.py` checks the same builds for contrast and",
        "accessibility. Nothing here is styled by hand: the extension picks up each theme's",
        "own colours, fonts and spacing.",
        "",
    ]
    for theme in themes:
        lines += [f"## {THEME_TITLES[theme]}", ""]
        if theme in LIGHT_ONLY:
            lines += [f"{THEME_TITLES[theme]} has no dark mode.", ""]
        for shot in SHOTS:
            lines += [f"### {shot.title} ({THEME_TITLES[theme]})", ""]
            for device in shot.devices:
                columns = "1 1 2 2" if device == "desktop" else "2 2 4 4"
                lines += [f"::::{{grid}} {columns}", ":gutter: 2", ""]
                lines += [_figure(theme, shot, device, scheme) for scheme in schemes(theme)]
                lines += ["::::", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", action="append", choices=sorted(THEMES))
    parser.add_argument("--page-only", action="store_true", help="rewrite gallery.md only")
    args = parser.parse_args(argv)
    if args.page_only:
        PAGE.write_text(gallery_page(list(THEME_TITLES)), "utf-8")
        return 0
    themes = args.theme or list(THEME_TITLES)
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        for theme in themes:
            site = build_site(theme, Path(scratch) / theme)
            written += photograph(browser, theme, site)
        browser.close()
    optimise(written)
    PAGE.write_text(gallery_page(list(THEME_TITLES)), "utf-8")
    total = sum(path.stat().st_size for path in written)
    sys.stdout.write(f"{len(written)} pictures, {total // 1024} KiB, and {PAGE.name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
