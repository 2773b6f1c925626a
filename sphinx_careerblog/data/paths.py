"""Names of the generated pages and files under ``careerblog_path``.

Page names are Sphinx pagenames (no suffix): builders turn them into URLs, so the
same name works under html, dirhtml and singlehtml.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from sphinx_careerblog.data.model import slugify

TermKind = Literal["category", "tag", "author", "language", "location", "series"]
TERM_KINDS: tuple[TermKind, ...] = ("category", "tag", "author")
#: ABlog's languages and locations: archive pages of their own, like the terms above
PLACE_KINDS: tuple[TermKind, ...] = ("language", "location")
ARCHIVE_KINDS: tuple[TermKind, ...] = (*TERM_KINDS, *PLACE_KINDS)
#: a series has a page of its own too, listing its parts oldest first (not paginated)
SERIES: TermKind = "series"
OverviewName = Literal[
    "categories", "tags", "authors", "languages", "locations", "archive", "series"
]
#: the overview of the series is ``<root>/series/index`` (``series`` is its own plural)
_OVERVIEW_PAGES: dict[str, str] = {"series": "series/index"}


def index_page(root: str, page: int = 1) -> str:
    return f"{root}/index" if page <= 1 else f"{root}/page/{page}"


#: page numbers shown either side of the current one (with the first and the last)
PAGE_NUMBERS_AROUND = 2


def shown_page_numbers(current: int, total: int) -> list[int]:
    """The page numbers a page of a listing links to: the first, the last and those
    near ``current``, so each page holds a few links however long the listing (a link
    to every number would make the pages of a long listing quadratic in its length)."""
    near = range(current - PAGE_NUMBERS_AROUND, current + PAGE_NUMBERS_AROUND + 1)
    return sorted({1, total, *(number for number in near if 1 <= number <= total)})


def term_slug(kind: TermKind, label: str) -> str:
    """The slug of a term's page; a series never takes ``index``, the overview's name."""
    slug = slugify(label)
    if kind == SERIES and slug == "index":
        # hashed like ``slugify``'s own hashed slugs: no readable slug has ``--``
        return "index--" + hashlib.sha1(b"series:index").hexdigest()[:8]
    return slug


def term_page(root: str, kind: TermKind, label: str, page: int = 1) -> str:
    base = f"{root}/{kind}/{term_slug(kind, label)}"
    return base if page <= 1 else f"{base}/page/{page}"


def year_page(root: str, year: int, page: int = 1) -> str:
    base = f"{root}/archive/{year}"
    return base if page <= 1 else f"{base}/page/{page}"


def overview_page(root: str, kind: OverviewName) -> str:
    return f"{root}/{_OVERVIEW_PAGES.get(kind, kind)}"


# -- feeds and catalog: output files (not pages), same path under html and dirhtml ----

FeedFormat = Literal["atom", "rss", "json"]

#: File name of each site-wide feed, under ``careerblog_path``.
FEED_FILES: dict[FeedFormat, str] = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}


def feed_file(root: str, fmt: FeedFormat) -> str:
    """Output path (``/``-separated, relative to the output root) of a site-wide feed."""
    return f"{root}/{FEED_FILES[fmt]}"


def category_feed_file(root: str, label: str) -> str:
    """Output path of the Atom feed of one category."""
    return f"{root}/category/{slugify(label)}.atom.xml"


def catalog_file(root: str) -> str:
    """Output path of the machine-readable catalog of every listed post."""
    return f"{root}/posts.json"
