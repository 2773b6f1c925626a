"""Retake ``docs/_static/filter.png``: this handbook's blog index, filtered in the browser.

Usage: python docs/_tools/screenshot_filter.py
It builds docs/ with sphinx-build -W into a temporary directory, serves it on
127.0.0.1, opens the blog index with one tag and one category chosen (the most used
of each, read from posts.json) and photographs the filter and its results.
Needs Debian's chromium.
"""

from __future__ import annotations

import collections
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).parents[1]
OUT = DOCS / "_static" / "filter.png"


def most_used(posts: list[dict[str, object]], kind: str) -> str:
    counts = collections.Counter(
        term["slug"]
        for post in posts
        for term in post[kind]  # type: ignore[attr-defined]
    )
    return str(counts.most_common(1)[0][0])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "html"
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(DOCS), str(out)],
            check=True,
        )
        posts = json.loads((out / "blog" / "posts.json").read_text("utf-8"))["posts"]
        query = f"?category={most_used(posts, 'categories')}&tag={most_used(posts, 'tags')}"
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
                page.goto(f"http://127.0.0.1:{port}/blog/index.html{query}")
                page.wait_for_selector(".cb-filter-results .cb-entry")
                page.locator(".cb-page").screenshot(path=str(OUT))
                browser.close()
        finally:
            server.terminate()
    sys.stdout.write(f"wrote {OUT} ({query})\n")


if __name__ == "__main__":
    main()
