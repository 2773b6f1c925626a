"""Reading and showing dates: ISO 8601 and the human forms ABlog sites use."""

from __future__ import annotations

import datetime as dt
import functools
import re

import babel.dates
from dateutil import parser as dateutil_parser
from sphinx.util.i18n import babel_format_date
from sphinx.util.i18n import format_date as sphinx_format_date

_DEFAULT_A = dt.datetime(2001, 1, 1)
_DEFAULT_B = dt.datetime(2002, 2, 2)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_CODES = ("%H", "%I", "%M", "%S", "%X", "%c", "%p")


def parse_date(text: str, pattern: str | None = None) -> tuple[dt.datetime, bool]:
    """Parse ISO 8601 or the human forms ABlog sites use (``Apr 15, 2014``).

    A text in the strptime ``pattern`` (the site's date format) is read that way
    first, as ABlog does, so ``03/04/2024`` follows the site's day-month order.
    Returns the date-time and whether the text carried a time of day.
    Raises ``ValueError`` with a reader-friendly message otherwise.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("empty date")
    if pattern:
        try:
            parsed = dt.datetime.strptime(raw, pattern)
        except ValueError:
            pass
        else:
            return parsed, any(code in pattern for code in _TIME_CODES)
    if _DATE_ONLY.fullmatch(raw):
        return dt.datetime.combine(dt.date.fromisoformat(raw), dt.time()), False
    try:
        parsed = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return parsed, True
    try:
        # Parse twice with different defaults: a component that differs was missing.
        first = dateutil_parser.parse(raw, default=_DEFAULT_A)
        second = dateutil_parser.parse(raw, default=_DEFAULT_B)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"cannot read {raw!r} as a date ({exc})") from None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise ValueError(f"{raw!r} is not a complete date (year, month and day)")
    has_time = (first.hour, first.minute, first.second) != (0, 0, 0)
    return first, has_time


def format_iso(value: dt.datetime, has_time: bool = True) -> str:
    return value.isoformat() if has_time else value.date().isoformat()


#: ``careerblog_date_format``'s default; in English it is used as written, in any
#: other language it means that language's own long date form.
DEFAULT_DATE_FORMAT = "%d %B %Y"
#: Babel's named forms of a date, accepted wherever a pattern is.
NAMED_FORMATS = frozenset({"short", "medium", "long", "full"})


def is_english(language: str | None) -> bool:
    return not language or language == "en" or language.startswith(("en_", "en-"))


@functools.lru_cache(maxsize=4096)
def format_date(pattern: str, when: dt.datetime, language: str | None) -> str:
    """Show a date in the site's language, through Sphinx's Babel date formatting.

    ``pattern`` is a strftime-style pattern (each ``%`` code is formatted by Babel,
    so month and day names follow ``language``, never the machine's C locale) or a
    named form (``long``: "11. Januar 2021", "2021年1月11日"). The default pattern
    stands for the long form outside English, where day-month-year with a
    zero-padded day is not how dates are written.
    """
    locale = language or "en"
    if pattern == DEFAULT_DATE_FORMAT and not is_english(locale):
        pattern = "long"
    if pattern in NAMED_FORMATS:
        return babel_format_date(when, pattern, locale, formatter=babel.dates.format_date)
    return sphinx_format_date(pattern, date=when, language=locale)
