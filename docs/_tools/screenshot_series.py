"""Retake ``docs/_static/series.png``: the page of this handbook's longest series.

Usage: python docs/_tools/screenshot_series.py
It builds docs/ with sphinx-build -W into a temporary directory, serves it on
127.0.0.1, opens the page of the series with the most parts (read from posts.json)
and photographs its body. Needs Debian's chromium.
"""

from __future__ import annotations

import sys

from handbook_shot import DOCS, photograph

OUT = DOCS / "_static" / "series.png"


def longest_series(posts: list[dict[str, object]]) -> str:
    """The ``series_url`` path of the series with the most parts."""
    parts = [post for post in posts if post.get("series_url")]
    longest = max(parts, key=lambda post: (post["series_parts"], str(post["series_slug"])))
    url = str(longest["series_url"])
    return url[url.index("/blog/") + 1 :]


def main() -> None:
    path = photograph(OUT, longest_series, ".cb-page-series .cb-entry", ".cb-page")
    sys.stdout.write(f"wrote {OUT} ({path})\n")


if __name__ == "__main__":
    main()
