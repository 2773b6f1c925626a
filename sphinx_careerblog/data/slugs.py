"""Slugs: the ASCII names of term pages (``slugify``, injective on normalised labels)
and readable names whose callers handle clashes (``readable_slug``)."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from slugify import slugify as _slugify

#: Punctuation that separates words without changing what a label means:
#: ``Before you ship?``, ``before-you-ship`` and ``Before you ship`` are one label.
_SEPARATORS = re.compile(r"[\s\-_.,;:!?'\"`\u2018\u2019\u201c\u201d()\[\]{}]+")
#: Longest slug kept as it is (file systems allow 255 bytes per name, with room for
#: ``.atom.xml`` and pagination); a longer one is cut and made unique with a hash.
MAX_SLUG_LENGTH = 80
_HASH_LENGTH = 8


@functools.lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    """The form in which two labels are the same term: compatibility forms folded,
    case and accents ignored, separating punctuation (spaces, ``-``, ``_``, ``.``,
    ``?``, quotes, brackets, ...) reduced to one ``-``. ``C`` and ``C++`` stay different."""
    text = unicodedata.normalize("NFKC", label).casefold()
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return _SEPARATORS.sub("-", unicodedata.normalize("NFC", text)).strip("-")


@functools.lru_cache(maxsize=8192)
def readable_slug(label: str) -> str:
    """An ASCII, lower-case, ``-``-separated slug that reads like the label, never
    empty, but not unique (``C`` and ``C++`` both give ``c``): for names whose caller
    handles clashes (imported file names, checklist ids). Term pages use ``slugify``."""
    slug = _slugify(label)
    if slug:
        return slug
    normalised = unicodedata.normalize("NFC", label.strip())
    return "t-" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


@functools.lru_cache(maxsize=8192)
def slugify(label: str) -> str:
    """An ASCII, lower-case, ``-``-separated slug; never empty, and different for labels
    whose normalised forms (``normalise_label``) differ.

    A label made of ASCII words keeps its readable slug (``Career Growth`` ->
    ``career-growth``). When the readable slug loses something (a symbol, as in
    ``C++``; a transliterated script; an emoji; a label over ``MAX_SLUG_LENGTH``), a
    hash of the normalised label follows a double ``-``, which no readable slug has
    (``C++`` -> ``c--<8 hex digits>``; ``🚀`` -> ``t--<8 hex digits>``).
    """
    normalised = normalise_label(label)
    readable = _slugify(label)
    if readable and readable == normalised and len(readable) <= MAX_SLUG_LENGTH:
        return readable
    digest = hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    stem = readable[: MAX_SLUG_LENGTH - _HASH_LENGTH - 2].strip("-") or "t"
    return f"{stem}--{digest}"
