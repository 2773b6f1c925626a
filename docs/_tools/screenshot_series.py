"""Retake ``docs/_static/series.png``: the page of this handbook's longest series.

Usage: python docs/_tools/screenshot_series.py
It builds docs/ with sphinx-build -W into a temporary directory, serves it on
127.0.0.1, opens the page of the series with the most parts (read from posts.json)
and photographs its body. Needs Debian's chromium.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).parents[1]
OUT = DOCS / "_static" / "series.png"


def longest_series(posts: list[dict[str, object]]) -> str:
    """The ``series_url`` path of the series with the most parts."""
    parts = [post for post in posts if post.get("series_url")]
    longest = max(parts, key=lambda post: (post["series_parts"], str(post["series_slug"])))
    url = str(longest["series_url"])
    return url[url.index("/blog/") + 1 :]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "html"
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(DOCS), str(out)],
            check=True,
        )
        posts = json.loads((out / "blog" / "posts.json").read_text("utf-8"))["posts"]
        path = longest_series(posts)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
             "--directory", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(1)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/{path}")
                page.wait_for_selector(".cb-page-series .cb-entry")
                page.locator(".cb-page").screenshot(path=str(OUT))
                browser.close()
        finally:
            server.terminate()
    sys.stdout.write(f"wrote {OUT} ({path})\n")


if __name__ == "__main__":
    main()
