"""Retake ``docs/_static/checklist.png``: a ticked checklist in the built handbook.

Usage: python docs/_tools/screenshot_checklist.py BUILT_HTML_DIR
(build first: sphinx-build -b html docs BUILT_HTML_DIR). Needs Debian's chromium.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGE = "essays/seniority-is-other-peoples-progress.html"
OUT = Path(__file__).parents[1] / "_static" / "checklist.png"


def main(built: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", built],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(0.5)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 760, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/{PAGE}")
            checklist = page.locator(".cb-reflection").first
            boxes = checklist.locator("input[type=checkbox]")
            boxes.nth(0).check()
            boxes.nth(2).check()
            checklist.locator("textarea").fill("Pair with Sam on the next incident review.")
            page.mouse.move(0, 0)
            checklist.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=5)
    sys.stdout.write(f"{OUT} ({OUT.stat().st_size} bytes)\n")


if __name__ == "__main__":
    main(sys.argv[1])
