"""Retake ``docs/_static/filter.png``: this handbook's blog index, filtered in the browser.

Usage: python docs/_tools/screenshot_filter.py
It builds docs/ with sphinx-build -W into a temporary directory, serves it on
127.0.0.1, opens the blog index with one tag and one category chosen (the most used
of each, read from posts.json) and photographs the filter and its results.
Needs Debian's chromium.
"""

from __future__ import annotations

import collections
import sys

from handbook_shot import DOCS, photograph

OUT = DOCS / "_static" / "filter.png"


def most_used(posts: list[dict[str, object]], kind: str) -> str:
    counts = collections.Counter(
        term["slug"]
        for post in posts
        for term in post[kind]  # type: ignore[attr-defined]
    )
    return str(counts.most_common(1)[0][0])


def filtered_index(posts: list[dict[str, object]]) -> str:
    """The blog index filtered by the most used category and tag."""
    query = f"?category={most_used(posts, 'categories')}&tag={most_used(posts, 'tags')}"
    return f"blog/index.html{query}"


def main() -> None:
    path = photograph(OUT, filtered_index, ".cb-filter-results .cb-entry", ".cb-page")
    sys.stdout.write(f"wrote {OUT} ({path})\n")


if __name__ == "__main__":
    main()
