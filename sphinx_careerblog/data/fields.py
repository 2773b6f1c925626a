"""Parsing of raw post metadata (front matter and directive options) into
``PostFields``, returning problems instead of logging, so one code path serves both
sources; configuration defaults are applied by ``with_defaults``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.model import (
    ALIASES,
    DATE_FIELDS,
    FLAG_FIELDS,
    LIST_FIELDS,
    TEXT_FIELDS,
    VISIBILITIES,
    PostFields,
    Problem,
)
from sphinx_careerblog.data.urls import url_problem
from sphinx_careerblog.warnings import CbWarning

# -- decoding raw values -------------------------------------------------------------

_PY_LITERALS: dict[str, Any] = {"True": True, "False": False, "None": None}


class UndecodableValueError(ValueError):
    """Front matter text that looks like JSON (a list or mapping) but is not valid."""


def decode_front_matter_value(value: Any) -> Any:
    """Undo MyST's serialisation of non-string front matter (JSON text, ``'True'``).

    Raises ``UndecodableValueError`` for text that starts like a JSON list or mapping but
    cannot be decoded; the caller reports it and keeps the text.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text in _PY_LITERALS:
        return _PY_LITERALS[text]
    if not text:
        return value
    if text[0] in '[{"' or text in ("true", "false", "null") or _NUMBER.fullmatch(text):
        try:
            return json.loads(text)
        except ValueError:
            if text[0] in "[{":
                raise UndecodableValueError(text) from None
            return value
    return value


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def truthy(value: Any) -> bool:
    """Whether a marker such as ``post: true`` is set."""
    try:
        value = decode_front_matter_value(value)
    except UndecodableValueError:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on", "")
    return bool(value)


# -- fields --------------------------------------------------------------------------


def canonical_field(name: str) -> str:
    return ALIASES.get(name, name)


def _as_text(name: str, value: Any, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if isinstance(value, (bool, list, dict)):
        problems.append(
            Problem(CbWarning.FIELD, name, f"{name!r} expects text, got {_kind(value)}")
        )
        return None
    text = str(value).strip()
    if not text:
        problems.append(Problem(CbWarning.FIELD, name, f"{name!r} is empty"))
        return None
    return text


def _as_list(name: str, value: Any, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    items: list[Any]
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        items = [str(value)]
    else:
        problems.append(
            Problem(CbWarning.FIELD, name, f"{name!r} expects a list, got {_kind(value)}")
        )
        return ()
    result: list[str] = []
    for item in items:
        if isinstance(item, (dict, list, bool)) or item is None:
            problems.append(
                Problem(CbWarning.FIELD, name, f"{name!r} has an entry of {_kind(item)}")
            )
            continue
        text = " ".join(str(item).split())
        if not text:
            problems.append(Problem(CbWarning.FIELD, name, f"{name!r} has an empty entry"))
            continue
        if text not in result:
            result.append(text)
    return tuple(result)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


#: Fields that hold a URL, and whether ``mailto:`` fits there.
URL_FIELDS = {"image": False, "external_link": False, "canonical_link": False, "redirect": False}


def parse_fields(
    raw: Mapping[str, Any], *, date_format: str | None = None
) -> tuple[PostFields, list[Problem]]:
    """Validate raw metadata (already decoded, canonical names) into ``PostFields``.

    Unknown keys are ignored here; the caller decides what is unknown. A bad value
    gives a problem and falls back to the field's default; a URL that may not be
    written (``javascript:``, ``data:``, ...) is dropped, so no renderer receives it.
    Dates are read in ``date_format`` first (ABlog reads them in ``post_date_format``).
    """
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    _parse_dates(raw, values, problems, date_format)
    for name in LIST_FIELDS:
        if name in raw:
            values[name] = _as_list(name, raw[name], problems)
    for name in TEXT_FIELDS:
        if name in raw:
            text = _as_text(name, raw[name], problems)
            if text is not None:
                values[name] = text
    for name in FLAG_FIELDS:
        if name in raw:
            values[name] = truthy(raw[name])
    _parse_visibility(raw, values, problems)
    _parse_excerpt(raw, values, problems)
    if raw.get("image") is not None:
        image = _as_text("image", raw["image"], problems)
        if image is not None:
            values["image"] = image
    _drop_unsafe_urls(values, problems)
    return PostFields(**values), problems


def _parse_dates(
    raw: Mapping[str, Any],
    values: dict[str, Any],
    problems: list[Problem],
    date_format: str | None = None,
) -> None:
    for name in DATE_FIELDS:
        if name not in raw or raw[name] is None:
            continue
        value = raw[name]
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            problems.append(
                Problem(CbWarning.DATE, name, f"{name!r} expects a date, got {_kind(value)}")
            )
            continue
        try:
            parsed, has_time = parse_date(str(value), date_format)
        except ValueError as exc:
            problems.append(Problem(CbWarning.DATE, name, f"invalid {name}: {exc}"))
            continue
        values[name] = parsed
        if name == "date":
            values["date_has_time"] = has_time


def _parse_visibility(
    raw: Mapping[str, Any], values: dict[str, Any], problems: list[Problem]
) -> None:
    if "visibility" not in raw or raw["visibility"] is None:
        return
    visibility = str(raw["visibility"]).strip().lower()
    if visibility in VISIBILITIES:
        values["visibility"] = visibility
        return
    allowed = ", ".join(VISIBILITIES)
    message = f"unknown visibility {raw['visibility']!r} (use one of: {allowed})"
    problems.append(Problem(CbWarning.VISIBILITY, "visibility", message))


def _parse_excerpt(raw: Mapping[str, Any], values: dict[str, Any], problems: list[Problem]) -> None:
    excerpt = raw.get("excerpt")
    if excerpt is None:
        return
    try:
        number = int(str(excerpt).strip())
        if number < 0 or isinstance(excerpt, bool):
            raise ValueError
    except ValueError:
        message = f"'excerpt' expects a number of paragraphs, got {_kind(excerpt)}"
        problems.append(Problem(CbWarning.FIELD, "excerpt", message))
    else:
        values["excerpt"] = number


def _drop_unsafe_urls(values: dict[str, Any], problems: list[Problem]) -> None:
    """Refuse URL values that may not be written; ``image: 3`` (the post's third
    image) is a number, not a URL."""
    for name, allow_mailto in URL_FIELDS.items():
        value = values.get(name)
        if value is None:
            continue
        candidates = value if isinstance(value, tuple) else (value,)
        kept: list[str] = []
        for candidate in candidates:
            problem = (
                None if candidate.isdigit() else url_problem(candidate, allow_mailto=allow_mailto)
            )
            if problem is None:
                kept.append(candidate)
            else:
                message = f"{name} {_shorten(candidate)!r} is not written: {problem}"
                problems.append(Problem(CbWarning.URL, name, message))
        if isinstance(value, tuple):
            values[name] = tuple(kept)
        elif not kept:
            del values[name]


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def with_defaults(
    fields: PostFields,
    *,
    default_author: str | Sequence[str] | None,
    default_location: str | None = None,
    default_language: str | None = None,
) -> PostFields:
    """Apply the defaults that depend on configuration; a post without a date is a draft."""
    changes: dict[str, Any] = {}
    if not fields.authors and default_author:
        authors = (default_author,) if isinstance(default_author, str) else tuple(default_author)
        changes["authors"] = authors
    if fields.location is None and default_location:
        changes["location"] = default_location
    if fields.language is None and default_language:
        changes["language"] = default_language
    if fields.date is None and fields.visibility != "draft":
        changes["visibility"] = "draft"
    return replace(fields, **changes) if changes else fields
