"""Shared material for the listing tests: a small blog and HTML readers."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

AUTHORS_CONF = """
careerblog_authors = {
    "mara": {"name": "Mara Lind", "url": "https://example.org/mara"},
    "tomas": {"name": "Tomás F"},
}
"""


def post(title: str, body: str = "", **fields: str) -> str:
    """A MyST post with front matter ``fields`` (values written as given)."""
    lines = ["---", "post: true", *(f"{key}: {value}" for key, value in fields.items()), "---"]
    return "\n".join([*lines, f"# {title}", "", body or f"Text of {title}.", ""])


#: Five posts: dates D > C > B > A, titles A < B < C < D, one draft (no date).
POSTS = {
    "one.md": post(
        "Alpha essay",
        date="2022-03-01",
        categories="craft",
        tags="[mentorship, feedback]",
        author="mara",
        series="Lead",
        location="Berlin",
        language="en",
    ),
    "two.md": post(
        "Bravo essay",
        date="2023-06-15",
        categories="career-growth",
        tags="mentorship",
        author="tomas",
        series="Lead",
    ),
    "three.md": post(
        "Charlie essay",
        date="2024-01-10",
        categories="[craft, career-growth]",
        tags="testing",
        author="mara",
        visibility="internal",
        language="de",
    ),
    "four.md": post("Delta essay", date="2024-09-01", tags="feedback"),
    "draft.md": post("Echo draft", tags="mentorship"),
}

TOCTREE = "```{toctree}\n:hidden:\n:glob:\n\n*\n```\n"


def index_page(*blocks: str, title: str = "Home") -> str:
    """``index.md``: a toctree of every page, then each block in its own section."""
    parts = [f"# {title}", "", TOCTREE]
    for number, block in enumerate(blocks):
        parts += [f"## Case {number}", "", block.strip("\n"), ""]
    return "\n".join(parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def case(page: BeautifulSoup, number: int) -> Tag:
    section = page.find(id=f"case-{number}")
    assert isinstance(section, Tag), f"no section case-{number}"
    return section


def titles(scope: Tag) -> list[str]:
    """Titles listed by the (first) postlist in ``scope``, in order."""
    root = scope if "cb-postlist" in scope.get("class", []) else scope.select_one(".cb-postlist")
    assert root is not None, "no .cb-postlist"
    return [" ".join(node.get_text().split()) for node in root.select(".cb-postlist-title")]


def listing_fragments(outdir: Path, suffix: str = ".html") -> dict[str, str]:
    """Every listing block of every page (postlist, taxonomy, related, series)."""
    result: dict[str, str] = {}
    for path in sorted(outdir.rglob(f"*{suffix}")):
        if "_static" in path.parts:
            continue
        page = soup(path)
        blocks = page.select(".cb-postlist, .cb-taxonomy, .cb-related, .cb-series")
        if blocks:
            text = "\n".join(str(block) for block in blocks)
            result[str(path.relative_to(outdir))] = re.sub(r"\s+", " ", text)
    return result
