"""The validated options of ``postlist`` and ``taxonomy``: what crosses from the
directive (read phase) to the renderer (write phase) on the placeholder node.

Frozen dataclasses of plain data, so the pickled doctree stays small and a
renderer cannot change what the directive decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PostListSort = Literal["date-desc", "date-asc", "title"]
TaxonomyKind = Literal["categories", "tags", "authors", "years", "series"]
TaxonomyFormat = Literal["list", "cloud"]

SORTS: tuple[PostListSort, ...] = ("date-desc", "date-asc", "title")
#: the named formats of ``postlist``; any other accepted value is an ABlog format string
FORMATS = ("list", "cards", "table", "compact")
TAXONOMY_KINDS: tuple[TaxonomyKind, ...] = ("categories", "tags", "authors", "years", "series")
TAXONOMY_FORMATS: tuple[TaxonomyFormat, ...] = ("list", "cloud")


@dataclass(frozen=True)
class PostListOptions:
    """``postlist`` after validation (aliases resolved, bad values replaced)."""

    #: (filter option, its values): every filter must match, any of its values may
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude_current: bool = False
    excerpts: bool = False
    sort: PostListSort = "date-desc"
    limit: int | None = None
    #: one of ``FORMATS``, or an ABlog format string such as ``{date} - {title}``
    format: str = "list"
    date_format: str | None = None
    list_style: str | None = None
    #: the text of the "read more" link after each excerpt
    expand: str | None = None
    caption: str = ""


@dataclass(frozen=True)
class TaxonomyOptions:
    """``taxonomy`` after validation."""

    kind: TaxonomyKind = "categories"
    counts: bool = False
    format: TaxonomyFormat = "list"
