"""What the handbook screenshot scripts share: build docs/ once into a temporary
directory, serve it on 127.0.0.1 (the pages fetch posts.json) and photograph one
element of one page in Debian's chromium."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).parents[1]
sys.path.insert(0, str(DOCS.parent))  # the repository: the tests' local server helper

from tests.browser.serving import serve  # noqa: E402

Posts = list[dict[str, object]]


def photograph(out: Path, choose_page: Callable[[Posts], str], ready: str, shot: str) -> str:
    """Build the handbook, open the page ``choose_page`` picks from ``posts.json``
    (a path with its query), wait for ``ready`` and save the ``shot`` element to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "html"
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(DOCS), str(html)],
            check=True,
        )
        posts = json.loads((html / "blog" / "posts.json").read_text("utf-8"))["posts"]
        path = choose_page(posts)
        with serve(html) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(f"{url}/{path}")
            page.wait_for_selector(ready)
            page.locator(shot).screenshot(path=str(out))
            browser.close()
    return path
