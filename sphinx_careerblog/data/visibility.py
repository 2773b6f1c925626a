"""Which pages are posts, and which posts a published build shows.

A ``post:`` marker is true or false, nothing else (``marker_flag``). Drafts and
scheduled posts are hidden.

Plain data, no Sphinx app. "Today" is fixed once per build (``SOURCE_DATE_EPOCH``
first, so two builds of the same sources give the same site, then
``careerblog_today``, then the clock) and a post dated after it is *scheduled*: a
draft until that day comes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sphinx_careerblog.data.fields import UndecodableValueError, decode_front_matter_value
from sphinx_careerblog.data.model import PostFields, PostRecord

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

_MARKER_WORDS = {"true": True, "yes": True, "on": True, "1": True,
                 "false": False, "no": False, "off": False, "0": False}  # fmt: skip


def marker_flag(value: Any) -> bool | None:
    """A ``post``/``blogpost`` front matter value as true or false; ``None`` when it is
    neither (``maybe``, a list, a date), which the caller reports."""
    try:
        value = decode_front_matter_value(value)
    except UndecodableValueError:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        return _MARKER_WORDS.get(value.strip().lower())
    return None


class BadTodayError(ValueError):
    """``SOURCE_DATE_EPOCH`` or ``careerblog_today`` that is not a date."""


def build_today(
    environ: Mapping[str, str], configured: str | None, clock: dt.date | None = None
) -> dt.date:
    """The day this build publishes for.

    Raises ``BadTodayError`` (with the value) when a given value cannot be read; the
    caller warns and falls back to the clock.
    """
    epoch = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise BadTodayError(f"{SOURCE_DATE_EPOCH}={epoch!r}") from None
    if configured:
        try:
            return dt.date.fromisoformat(configured.strip())
        except ValueError:
            raise BadTodayError(f"careerblog_today = {configured!r}") from None
    return clock or dt.date.today()


def is_due(fields: PostFields, today: dt.date) -> bool:
    """Whether a dated post's day has come (a post with no date is never due)."""
    return fields.date is not None and fields.date.date() <= today


def schedule(fields: PostFields, today: dt.date) -> PostFields:
    """Mark a post dated after ``today`` as scheduled, which makes it a draft.

    Its ``visibility`` becomes ``draft`` too, so everything that leaves drafts out
    (lists, feeds, sidebars, footers and their fingerprints) leaves it out.
    """
    if fields.date is None or is_due(fields, today):
        return replace(fields, scheduled=False) if fields.scheduled else fields
    return replace(fields, scheduled=True, visibility="draft")


def schedule_is_stale(post: PostRecord, today: dt.date) -> bool:
    """Whether a stored record was read on a day its scheduled state differs from
    ``today``'s (it must be read again: its day came, or the clock went back)."""
    fields = post.fields
    if fields.date is None:
        return False
    return fields.scheduled == is_due(fields, today)


def hidden_pages(posts: Mapping[str, tuple[PostRecord, ...]], include_drafts: bool) -> set[str]:
    """Documents that are a draft (or scheduled) post as a whole page.

    A draft that is one section of a page hides that post from listings, not the page.
    """
    if include_drafts:
        return set()
    return {
        docname
        for docname, records in posts.items()
        if any(record.anchor == "" and record.is_draft for record in records)
    }
