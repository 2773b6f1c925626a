"""Front matter of other blog engines -> sphinx-careerblog's fields.

Known keys are mapped onto the post fields (:data:`KEY_HELP` lists them); every
other key is kept untouched and reported, and a second source of a field that is
already mapped is kept under another name, so nothing the author wrote is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sphinx_careerblog.cli.importer.writer import authors_entry, date_value, file_slug
from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.fields import truthy
from sphinx_careerblog.data.model import ALIASES, FIELDS, MARKER_KEYS

#: Every key the importer maps, with what it becomes (shown in the reference docs).
KEY_HELP = {
    "title": "the H1 when the body has none; else `title` (the listed title) if it differs",
    "slug": "the output file name (its last path segment, slugified)",
    "date": "`date` (ISO 8601, `Apr 15, 2014`, Jekyll's `2014-04-15 10:00:00 +0200`, "
    "MkDocs Material's `{created: ..., updated: ...}`)",
    "publishDate / pubdate": "`date` when there is no `date` (Hugo)",
    "updated / lastmod / last_modified_at": "`updated`",
    "categories / category": "`categories`",
    "tags / tag": "`tags` (Docusaurus `{label: ...}` entries: the label)",
    "author / authors": "`author` or `authors` (entries that are mappings: their `name`)",
    "draft: true / published: false": "`visibility: draft`",
    "unlisted: true": "`exclude: true` (Docusaurus: the page exists but is not listed)",
    "summary / description / excerpt (text)": "`summary` (the first one given)",
    "excerpt (a number)": "`excerpt` (ABlog)",
    "image": "`image` (a mapping's `path` or `src`)",
    "series": "`series` (a list: its first entry)",
    "lang": "`language`",
    "blogpost / post": "dropped: the output always has `post: true`",
}

#: sphinx-careerblog (and ABlog) fields the importer copies unchanged; the other
#: fields are mapped above, and a second source of them is renamed.
PASS_THROUGH = ("location", "language", "redirect", "exclude", "nocomments",
                "canonical_link", "external_link")  # fmt: skip

_DATE_IN_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


# -- mapping -------------------------------------------------------------------------


@dataclass
class Mapped:
    """The outcome of mapping one front matter."""

    fields: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    slug: str | None = None
    unknown: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _terms(value: Any, *, commas_only: bool, label_keys: tuple[str, ...]) -> list[str] | None:
    """A list of terms from a string or a list; ``None`` when the shape is unusable."""
    items: list[Any]
    if isinstance(value, str):
        # Jekyll: "categories: career growth" is two categories
        items = value.split(",") if commas_only or "," in value else value.split()
    elif isinstance(value, list):
        items = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        items = [value]
    else:
        return None
    result: list[str] = []
    for item in items:
        label = item
        if isinstance(item, dict):
            label = next((item[key] for key in label_keys if key in item), None)
        text = _text(label)
        if text is None:
            return None
        if text not in result:
            result.append(text)
    return result


def _date(value: Any) -> tuple[dt.date | str | None, str | None]:
    """``(front matter value, problem)`` for a date given as text or a YAML/TOML date."""
    if isinstance(value, dt.datetime):
        has_time = (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0)
        return date_value(value, has_time or value.tzinfo is not None), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        try:
            parsed, has_time = parse_date(str(value))
        except ValueError as exc:
            return None, str(exc)
        return date_value(parsed, has_time), None
    return None, f"cannot read {value!r} as a date"


def map_front_matter(data: dict[str, Any], *, file_stem: str = "") -> Mapped:
    """Map the front matter of Jekyll, Hugo, Docusaurus, MkDocs Material or ABlog."""
    mapper = _Mapper(data, file_stem)
    mapper.markers_title_slug()
    mapper.dates()
    mapper.taxonomy()
    mapper.visibility()
    mapper.summary()
    mapper.media_and_series()
    mapper.pass_through()
    mapper.leftovers()
    return mapper.out


class _Mapper:
    """One front matter being mapped: which keys were used, and the outcome so far.

    Keys are matched without regard to case; each input key is used at most once, so
    a second source of a field is kept (renamed) rather than overriding the first.
    """

    def __init__(self, data: dict[str, Any], file_stem: str) -> None:
        self.data = data
        self.file_stem = file_stem
        self.out = Mapped()
        self.lowered: dict[str, str] = {}
        for key in data:
            self.lowered.setdefault(key.lower(), key)
        self.is_ablog = "blogpost" in self.lowered
        self.used: set[str] = set()
        self.problem_keys: set[str] = set()

    def get(self, *names: str) -> tuple[str, Any] | None:
        for name in names:
            key = self.lowered.get(name)
            if key is not None and key not in self.used:
                return key, self.data[key]
        return None

    def take(self, key: str, target: str, value: Any) -> None:
        self.used.add(key)
        self.out.fields[target] = value

    def keep(self, key: str, reason: str) -> None:
        """An unusable value of a known key: kept as it was, and reported."""
        self.problem_keys.add(key)
        self.out.problems.append(f"{key}: {reason}; kept unchanged")

    def take_date(self, key: str, target: str, value: Any) -> None:
        when, problem = _date(value)
        if when is None:
            self.keep(key, f"cannot read the date ({problem})")
        else:
            self.take(key, target, when)

    # -- the steps, in order -------------------------------------------------------

    def markers_title_slug(self) -> None:
        for name in ("blogpost", "post"):
            if (found := self.get(name)) is not None:
                self.used.add(found[0])
        if (found := self.get("title")) is not None:
            key, value = found
            text = _text(value)
            if text is None:
                self.keep(key, "not a text value")
            else:
                self.used.add(key)
                self.out.title = text
        if (found := self.get("slug")) is not None:
            key, value = found
            segments = [part for part in str(value).split("/") if part.strip()]
            if segments and _text(segments[-1]):
                self.used.add(key)
                self.out.slug = file_slug(segments[-1])
            else:
                self.keep(key, "not a usable file name")

    def dates(self) -> None:
        found = self.get("date") or self.get("publishdate", "pubdate")
        if found is not None:
            key, value = found
            if isinstance(value, dict):
                self.nested_dates(key, value)
            else:
                self.take_date(key, "date", value)
        self.date_from_file_name()
        if (
            "updated" not in self.out.fields
            and (found := self.get("updated", "lastmod", "last_modified_at")) is not None
        ):
            self.take_date(found[0], "updated", found[1])

    def nested_dates(self, key: str, value: dict[str, Any]) -> None:
        """MkDocs Material: ``date: {created: ..., updated: ...}``."""
        created = value.get("created")
        when, problem = _date(created) if created is not None else (None, "no 'created'")
        if problem or when is None:
            self.keep(key, f"cannot read the date ({problem})")
            return
        self.take(key, "date", when)
        updated = value.get("updated")
        if isinstance(updated, list):  # MkDocs allows several: the newest
            updated = updated[-1] if updated else None
        if updated is not None:
            later, _problem = _date(updated)
            if later is not None:
                self.out.fields["updated"] = later

    def date_from_file_name(self) -> None:
        """Jekyll's ``YYYY-MM-DD-title.md``, when the front matter has no date key."""
        if "date" in self.out.fields or any(
            name in self.lowered for name in ("date", "publishdate", "pubdate")
        ):
            return
        match = _DATE_IN_NAME.match(self.file_stem)
        if match:
            when, _problem = _date(match.group(1))
            if when is not None:
                self.out.fields["date"] = when
                self.out.notes.append("date taken from the file name")

    def terms(self, names: tuple[str, ...], target: str, label_keys: tuple[str, ...]) -> None:
        collected: list[str] = []
        for name in names:
            found = self.get(name)
            if found is None:
                continue
            key, value = found
            values = _terms(value, commas_only=self.is_ablog, label_keys=label_keys)
            if values is None:
                self.keep(key, "expected a list or text")
                continue
            self.used.add(key)
            collected.extend(term for term in values if term not in collected)
        if collected:
            self.out.fields[target] = collected

    def taxonomy(self) -> None:
        self.terms(("categories", "category"), "categories", ("label", "name", "title"))
        self.terms(("tags", "tag"), "tags", ("label", "name", "title"))
        authors: list[str] = []
        for name in ("authors", "author"):
            found = self.get(name)
            if found is None:
                continue
            key, value = found
            if isinstance(value, dict):
                value = [value]
            if isinstance(value, str):
                value = value.split(",")
            values = _terms(value, commas_only=True, label_keys=("name", "key", "title"))
            if values is None:
                self.keep(key, "expected a name, a list of names or mappings with a `name`")
                continue
            self.used.add(key)
            authors.extend(author for author in values if author not in authors)
        self.out.fields.update(authors_entry(authors))

    def visibility(self) -> None:
        visibility_found = self.get("visibility")
        for name, draft_when in (("draft", True), ("published", False)):
            found = self.get(name)
            if found is None:
                continue
            self.used.add(found[0])
            if truthy(found[1]) is draft_when:
                self.out.fields["visibility"] = "draft"
        if visibility_found is not None and "visibility" not in self.out.fields:
            self.take(visibility_found[0], "visibility", visibility_found[1])
        if (found := self.get("unlisted")) is not None:
            self.used.add(found[0])
            if truthy(found[1]):
                self.out.fields["exclude"] = True

    def summary(self) -> None:
        excerpt = self.get("excerpt")
        if excerpt is not None and isinstance(excerpt[1], int) and not isinstance(excerpt[1], bool):
            self.take(excerpt[0], "excerpt", excerpt[1])
        for name in ("summary", "description", "excerpt"):
            if "summary" in self.out.fields:
                break
            found = self.get(name)
            if found is not None and (text := _text(found[1])) is not None:
                self.take(found[0], "summary", text)

    def media_and_series(self) -> None:
        if (found := self.get("image")) is not None:
            key, value = found
            if isinstance(value, dict):
                value = value.get("path") or value.get("src")
            text = _text(value)
            if text is None:
                self.keep(key, "not a path or URL")
            else:
                self.take(key, "image", text)
        if (found := self.get("series")) is not None:
            key, value = found
            if isinstance(value, list) and value:
                if len(value) > 1:
                    self.out.notes.append(f"series: kept the first of {len(value)} series")
                value = value[0]
            text = _text(value)
            if text is None:
                self.keep(key, "not a text value")
            else:
                self.take(key, "series", text)
        if (found := self.get("lang")) is not None and "language" not in self.lowered:
            self.take(found[0], "language", found[1])

    def pass_through(self) -> None:
        """Our own field names (ABlog's too) that need no mapping, as they are."""
        for name in PASS_THROUGH:
            found = self.get(name)
            if found is not None and name not in self.out.fields:
                self.take(found[0], name, found[1])

    def leftovers(self) -> None:
        """Every key not used is kept; a second source of a mapped field is renamed."""
        reserved = {*FIELDS, *ALIASES, *MARKER_KEYS}
        out = self.out
        for key, value in self.data.items():
            if key in self.used:
                continue
            name = key
            if key in out.fields or (key.lower() in reserved and key not in self.problem_keys):
                # say `visibility` next to `draft: true`: kept under another name, so
                # it cannot override the first
                name = f"{key}_unmapped"
                while name in self.data or name in out.unknown:
                    name += "_"
                out.notes.append(f"{key}: another key already gives this field; kept as {name}")
            out.unknown[name] = value
