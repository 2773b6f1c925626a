"""Comma-separated option values and the loose comparison of names.

Every directive option that takes several values (``postlist`` filters,
``reflectionlist`` categories) is split here, so they all treat blanks,
repeated spaces and repeats alike.
"""

from __future__ import annotations


def split_values(text: str | None) -> list[str]:
    """``"a, b ,, a"`` -> ``["a", "b"]``: inner whitespace collapsed, blank entries
    and repeats dropped, order kept."""
    values: list[str] = []
    for part in (text or "").split(","):
        value = " ".join(part.split())
        if value and value not in values:
            values.append(value)
    return values


def fold(text: str) -> str:
    """A name as compared by people: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()
