"""Plain-data records of posts and checklists, and the names of their fields.

Records are frozen dataclasses of plain Python values (no docutils nodes), so the
pickled environment stays small and stable. Raw values are parsed into them by
``data.fields``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import unicodedata
from dataclasses import dataclass

from sphinx_careerblog.data.slugs import MAX_SLUG_LENGTH, normalise_label, readable_slug, slugify
from sphinx_careerblog.warnings import CbWarning

__all__ = [
    "ALIASES",
    "DATE_FIELDS",
    "FIELDS",
    "FLAG_FIELDS",
    "LIST_FIELDS",
    "MARKER_KEYS",
    "MAX_SLUG_LENGTH",
    "TEXT_FIELDS",
    "VISIBILITIES",
    "ChecklistItem",
    "ChecklistRecord",
    "PostFields",
    "PostRecord",
    "Problem",
    "item_hash",
    "normalise_label",
    "readable_slug",
    "slugify",
]

VISIBILITIES = ("public", "internal", "draft")

#: Field aliases accepted in front matter and as directive options.
ALIASES = {
    "category": "categories",
    "tag": "tags",
    "author": "authors",
}

TEXT_FIELDS = (
    "summary",
    "series",
    "location",
    "language",
    "title",
    "canonical_link",
    "external_link",
)
LIST_FIELDS = ("authors", "categories", "tags", "redirect")
FLAG_FIELDS = ("exclude", "nocomments")
DATE_FIELDS = ("date", "updated")

#: Every metadata field a post accepts (aliases excluded).
FIELDS = (
    *DATE_FIELDS,
    *LIST_FIELDS,
    "visibility",
    "excerpt",
    "image",
    *TEXT_FIELDS,
    *FLAG_FIELDS,
)

#: Front-matter keys that mark a page as a post rather than describe it.
MARKER_KEYS = ("post", "blogpost")


def item_hash(text: str) -> str:
    """A short, stable hash of a text, used to key checklist items in storage."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one metadata value; the caller logs it with a location."""

    kind: CbWarning
    field: str
    message: str


@dataclass(frozen=True)
class PostFields:
    """Validated metadata of one post, before it is tied to a document."""

    date: dt.datetime | None = None
    date_has_time: bool = False
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    visibility: str = "public"
    summary: str | None = None
    excerpt: int | None = None
    series: str | None = None
    image: str | None = None
    location: str | None = None
    language: str | None = None
    redirect: tuple[str, ...] = ()
    title: str | None = None
    exclude: bool = False
    nocomments: bool = False
    canonical_link: str | None = None
    external_link: str | None = None
    #: dated after the build's day: a draft until then (``data.visibility``)
    scheduled: bool = False


@dataclass(frozen=True)
class PostRecord:
    """One post, as stored in the environment and read by every writer."""

    docname: str
    anchor: str  # "" for a whole-page post, else the section id
    title: str
    fields: PostFields
    words: int
    reading_minutes: int
    summary: str
    image: str | None
    order: int = 0  # position among the posts of one document
    line: int | None = None

    @functools.cached_property
    def key(self) -> str:  # asked millions of times per build by the listings
        return f"{self.docname}#{self.anchor}" if self.anchor else self.docname

    @property
    def date(self) -> dt.datetime | None:
        return self.fields.date

    @property
    def updated(self) -> dt.datetime | None:
        return self.fields.updated

    @property
    def visibility(self) -> str:
        return self.fields.visibility

    @property
    def is_draft(self) -> bool:
        return self.fields.visibility == "draft" or self.fields.date is None

    @property
    def listed_title(self) -> str:
        return self.fields.title or self.title


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    hash: str


@dataclass(frozen=True)
class ChecklistRecord:
    """One reflection checklist, for ``reflectionlist``."""

    docname: str
    id: str
    title: str
    category: str | None
    items: tuple[ChecklistItem, ...]
    anchor: str
    notes: bool = False
    line: int | None = None
    #: the post it stands in: its anchor ("" = the page's post), None outside posts
    post: str | None = None
    #: declared competency slugs it serves (``careerblog_competencies``), as given
    competencies: tuple[str, ...] = ()
    #: one of ``careerblog_levels``, or None
    level: str | None = None
    #: days after the last tick at which the reader is asked to review it again
    revisit: int | None = None
