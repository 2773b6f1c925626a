"""The one place that decides whether a URL from metadata or configuration may be written.

Values such as ``external_link``, ``image`` or an author's ``url`` end up in ``href`` and
``src`` attributes, feeds and ``posts.json``. Escaping keeps them from breaking out of an
attribute, but not from being a ``javascript:`` link. Only ``http``/``https`` URLs,
scheme-less references (relative paths, ``/site/paths``, ``//host/paths``, ``#anchors``)
and, where an address fits, ``mailto:`` are accepted.

Browsers are lenient about what counts as a scheme: they drop tabs and line breaks
anywhere in a URL, ignore leading control characters and spaces, compare schemes
without case, and an entity such as ``&#106;`` may be decoded by whatever reads a feed.
The check therefore looks at the scheme as the most lenient reader would see it, and
refuses any value with a control character outright (no real address has one).
"""

from __future__ import annotations

import html
import re
import unicodedata

#: Schemes written for every URL field.
WEB_SCHEMES = frozenset({"http", "https"})

_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# What browsers drop or ignore inside a URL before reading its scheme: C0 controls, DEL,
# C1 controls, whitespace, and the invisible format characters (zero-width, bidi marks).
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\s\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MAX_UNESCAPE_ROUNDS = 5


def _as_a_reader_sees_it(value: str) -> str:
    """The value with entities decoded (repeatedly: ``&amp;#106;`` hides ``&#106;``),
    compatibility forms folded (full-width letters), ignored characters removed, and
    lower-cased: the form whose scheme decides."""
    text = value
    for _ in range(_MAX_UNESCAPE_ROUNDS):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = unicodedata.normalize("NFKC", text)
    return _IGNORED.sub("", text).lower()


def scheme_of(value: str) -> str | None:
    """The scheme a lenient reader would find in ``value``, or None for a reference
    without one (a relative path, ``/path``, ``//host/path``, ``#anchor``, ``?query``)."""
    seen = _as_a_reader_sees_it(value)
    match = _SCHEME.match(seen)
    if match is None:
        return None
    # a colon after the first "/", "?" or "#" is part of a path, not a scheme
    end = match.end() - 1
    if any(mark in seen[:end] for mark in "/?#"):
        return None
    return match.group(1)


def url_problem(value: str, *, allow_mailto: bool = False) -> str | None:
    """Why ``value`` may not be written as a link or image source, or None if it may."""
    if _CONTROL.search(value):
        return "it contains control characters"
    if not value.strip():
        return "it is empty"
    scheme = scheme_of(value)
    allowed = WEB_SCHEMES | ({"mailto"} if allow_mailto else set())
    if scheme is None or scheme in allowed:
        return None
    accepted = "http(s), mailto: or a relative path" if allow_mailto else "http(s) or a path"
    return f"the scheme {scheme!r} is not accepted (use {accepted})"


def safe_url(value: str | None, *, allow_mailto: bool = False) -> str | None:
    """``value`` stripped when it may be written, else None (the guard for renderers)."""
    if value is None or url_problem(value, allow_mailto=allow_mailto):
        return None
    return value.strip()
