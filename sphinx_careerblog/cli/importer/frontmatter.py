"""Markdown posts with front matter (Jekyll, Hugo, Docusaurus, MkDocs Material, ABlog).

Front matter is YAML between ``---`` lines or TOML between ``+++`` lines (Hugo).
Known keys are mapped onto sphinx-careerblog's fields (:data:`KEY_HELP` lists them);
every other key is kept untouched in the output front matter and reported. The body
is kept as it is; only a ``# title`` is added when the body has no H1.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from sphinx_careerblog.cli.importer.writer import (
    CommandError,
    MystPost,
    authors_entry,
    date_value,
    file_slug,
)
from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.model import ALIASES, FIELDS, MARKER_KEYS, truthy

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*)|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"^ {0,3}([-+*]|\d+[.)])([ \t]|$)")


# -- splitting -----------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str]:
    """``(data, syntax, body)``; syntax is ``"yaml"``, ``"toml"`` or ``""`` (none)."""
    lines = text.split("\n")
    first = lines[0].rstrip() if lines else ""
    if first not in ("---", "+++"):
        return {}, "", text
    closers = ("---", "...") if first == "---" else ("+++",)
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            break
    else:
        raise CommandError(f"the front matter opened by {first!r} is never closed")
    raw = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    if first == "+++":
        try:
            data: Any = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise CommandError(f"the TOML front matter is not valid ({exc})") from None
        return data, "toml", body
    try:
        data = yaml.load(raw, Loader=_YAML_LOADER)  # a safe loader (CSafeLoader when built)
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 2})"
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        context = ""
        context_mark = getattr(exc, "context_mark", None)
        if getattr(exc, "context", None) and context_mark is not None:
            context = f" ({exc.context} on line {context_mark.line + 2})"  # type: ignore[attr-defined]
        raise CommandError(
            f"the YAML front matter is not valid{where}: {problem}{context}"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CommandError(
            f"the front matter is not a set of `key: value` lines (it is {type(data).__name__})"
        )
    return {str(key): value for key, value in data.items()}, "yaml", body


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
    out = Mapped()
    lowered: dict[str, str] = {}
    for key in data:
        lowered.setdefault(key.lower(), key)
    is_ablog = "blogpost" in lowered
    used: set[str] = set()

    def get(*names: str) -> tuple[str, Any] | None:
        for name in names:
            key = lowered.get(name)
            if key is not None and key not in used:
                return key, data[key]
        return None

    def take(key: str, target: str, value: Any) -> None:
        used.add(key)
        out.fields[target] = value

    problem_keys: set[str] = set()

    def keep(key: str, reason: str) -> None:
        # an unusable value of a known key: kept as it was, and reported
        problem_keys.add(key)
        out.problems.append(f"{key}: {reason}; kept unchanged")

    # markers
    for name in ("blogpost", "post"):
        if (found := get(name)) is not None:
            used.add(found[0])

    if (found := get("title")) is not None:
        key, value = found
        text = _text(value)
        if text is None:
            keep(key, "not a text value")
        else:
            used.add(key)
            out.title = text

    if (found := get("slug")) is not None:
        key, value = found
        segments = [part for part in str(value).split("/") if part.strip()]
        if segments and _text(segments[-1]):
            used.add(key)
            out.slug = file_slug(segments[-1])
        else:
            keep(key, "not a usable file name")

    # dates: MkDocs Material nests them under `date: {created, updated}`
    date_found = get("date") or get("publishdate", "pubdate")
    if date_found is not None:
        key, value = date_found
        if isinstance(value, dict):
            created = value.get("created")
            updated = value.get("updated")
            when, problem = _date(created) if created is not None else (None, "no 'created'")
            if problem or when is None:
                keep(key, f"cannot read the date ({problem})")
            else:
                take(key, "date", when)
                if updated is not None:
                    if isinstance(updated, list):  # MkDocs allows several: the newest
                        updated = updated[-1] if updated else None
                    later, _problem = _date(updated)
                    if later is not None:
                        out.fields["updated"] = later
        else:
            when, problem = _date(value)
            if when is None:
                keep(key, f"cannot read the date ({problem})")
            else:
                take(key, "date", when)
    if "date" not in out.fields and not any(
        name in lowered for name in ("date", "publishdate", "pubdate")
    ):
        match = _DATE_IN_NAME.match(file_stem)
        if match:
            when, _problem = _date(match.group(1))
            if when is not None:
                out.fields["date"] = when
                out.notes.append("date taken from the file name")

    if (
        "updated" not in out.fields
        and (found := get("updated", "lastmod", "last_modified_at")) is not None
    ):
        key, value = found
        when, problem = _date(value)
        if when is None:
            keep(key, f"cannot read the date ({problem})")
        else:
            take(key, "updated", when)

    def terms(names: tuple[str, ...], target: str, label_keys: tuple[str, ...]) -> None:
        collected: list[str] = []
        for name in names:
            found = get(name)
            if found is None:
                continue
            key, value = found
            values = _terms(value, commas_only=is_ablog, label_keys=label_keys)
            if values is None:
                keep(key, "expected a list or text")
                continue
            used.add(key)
            collected.extend(term for term in values if term not in collected)
        if collected:
            out.fields[target] = collected

    terms(("categories", "category"), "categories", ("label", "name", "title"))
    terms(("tags", "tag"), "tags", ("label", "name", "title"))

    authors: list[str] = []
    for name in ("authors", "author"):
        found = get(name)
        if found is None:
            continue
        key, value = found
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, str):
            value = value.split(",")
        values = _terms(value, commas_only=True, label_keys=("name", "key", "title"))
        if values is None:
            keep(key, "expected a name, a list of names or mappings with a `name`")
            continue
        used.add(key)
        authors.extend(author for author in values if author not in authors)
    out.fields.update(authors_entry(authors))

    visibility_found = get("visibility")
    for name, draft_when in (("draft", True), ("published", False)):
        found = get(name)
        if found is None:
            continue
        key, value = found
        used.add(key)
        if truthy(value) is draft_when:
            out.fields["visibility"] = "draft"
    if visibility_found is not None and "visibility" not in out.fields:
        take(visibility_found[0], "visibility", visibility_found[1])

    if (found := get("unlisted")) is not None:
        used.add(found[0])
        if truthy(found[1]):
            out.fields["exclude"] = True

    excerpt = get("excerpt")
    if excerpt is not None and isinstance(excerpt[1], int) and not isinstance(excerpt[1], bool):
        take(excerpt[0], "excerpt", excerpt[1])
    for name in ("summary", "description", "excerpt"):
        if "summary" in out.fields:
            break
        found = get(name)
        if found is not None and (text := _text(found[1])) is not None:
            take(found[0], "summary", text)

    if (found := get("image")) is not None:
        key, value = found
        if isinstance(value, dict):
            value = value.get("path") or value.get("src")
        text = _text(value)
        if text is None:
            keep(key, "not a path or URL")
        else:
            take(key, "image", text)

    if (found := get("series")) is not None:
        key, value = found
        if isinstance(value, list) and value:
            if len(value) > 1:
                out.notes.append(f"series: kept the first of {len(value)} series")
            value = value[0]
        text = _text(value)
        if text is None:
            keep(key, "not a text value")
        else:
            take(key, "series", text)

    if (found := get("lang")) is not None and "language" not in lowered:
        take(found[0], "language", found[1])

    # our own field names (ABlog's too) that need no mapping pass through as they are
    for name in PASS_THROUGH:
        found = get(name)
        if found is not None and name not in out.fields:
            take(found[0], name, found[1])

    reserved = {*FIELDS, *ALIASES, *MARKER_KEYS}
    for key, value in data.items():
        if key in used:
            continue
        name = key
        if key in out.fields or (key.lower() in reserved and key not in problem_keys):
            # a second source of a field already mapped (say `visibility` next to
            # `draft: true`): kept under another name, so it cannot override the first
            name = f"{key}_unmapped"
            while name in data or name in out.unknown:
                name += "_"
            out.notes.append(f"{key}: another key already gives this field; kept as {name}")
        out.unknown[name] = value
    return out


# -- the body ------------------------------------------------------------------------


def has_h1(body: str) -> bool:
    """Whether a Markdown body has a level-1 heading outside code fences."""
    return first_h1(body) is not None


_DOCUSAURUS_ADMONITION = re.compile(
    r"^(?P<indent> {0,3})(?P<colons>:{3,})(?P<kind>note|tip|info|caution|warning|danger|important)"
    r"(?:\[(?P<bracket>[^\]]*)\]|[ \t]+(?P<title>.*?))?[ \t]*$"
)
_MYST_KIND = {"info": "note", "caution": "caution", "danger": "danger", "important": "important",
              "note": "note", "tip": "tip", "warning": "warning"}  # fmt: skip


def convert_admonitions(body: str) -> tuple[str, int]:
    """Docusaurus ``:::tip[Title]`` fences -> MyST ``:::{tip}`` colon fences."""
    count = 0
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        admonition = _DOCUSAURUS_ADMONITION.match(line)
        if admonition:
            count += 1
            indent, colons = admonition.group("indent"), admonition.group("colons")
            kind = _MYST_KIND[admonition.group("kind")]
            title = (admonition.group("bracket") or admonition.group("title") or "").strip()
            if title:
                out.append(f"{indent}{colons}{{admonition}} {title}")
                out.append(f"{indent}:class: {kind}")
            else:
                out.append(f"{indent}{colons}{{{kind}}}")
            continue
        out.append(line)
    return "\n".join(out), count


# -- the whole file ------------------------------------------------------------------


@dataclass
class MarkdownResult:
    post: MystPost
    slug: str
    notes: list[str]
    unknown: list[str]
    problems: list[str]


def convert_markdown(text: str, file_stem: str = "") -> MarkdownResult:
    data, syntax, body = split_front_matter(text)
    mapped = map_front_matter(data, file_stem=file_stem)
    body = body.strip("\n")
    body, admonitions = convert_admonitions(body)
    notes = list(mapped.notes)
    if syntax:
        notes.insert(0, f"{syntax.upper()} front matter")
    if admonitions:
        notes.append(f"{admonitions} Docusaurus admonition(s) turned into MyST directives")
    if re.search(r"\{%|\{\{<|\{\{%", body):
        notes.append("template tags ({% %} or {{< >}}) kept as text: review them")

    h1 = first_h1(body)
    title: str | None = None
    if h1 is None:
        if mapped.title is None:
            raise CommandError(
                "no title: no `title` in the front matter and no `# ` heading in the body"
            )
        title = mapped.title
        levels = [level for level, _text in headings(body)]
        if levels and levels[0] > 2:
            notes.append(
                f"the body's first heading is level {levels[0]} under the added title: "
                "MyST warns about the jump; make it level 2 (`##`)"
            )
    elif mapped.title is not None and mapped.title != h1:
        mapped.fields["title"] = mapped.title
        notes.append("front matter title differs from the H1: kept as the listed title")

    front: dict[str, Any] = {"post": True}
    front.update(mapped.fields)
    front.update(mapped.unknown)
    slug = mapped.slug or file_slug(mapped.title or h1 or file_stem)
    return MarkdownResult(
        post=MystPost(title=title, front_matter=front, body=body),
        slug=slug,
        notes=notes,
        unknown=list(mapped.unknown),
        problems=mapped.problems,
    )


def headings(body: str) -> list[tuple[int, str]]:
    """``(level, text)`` of the ATX and setext headings outside code fences."""
    found: list[tuple[int, str]] = []
    fence: str | None = None
    previous = ""
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        atx = _ATX.match(line)
        if atx:
            text = re.sub(r"(^|[ \t]+)#+[ \t]*$", "", atx.group(2) or "").strip()
            found.append((len(atx.group(1)), text))
            previous = ""  # a heading never starts a setext heading
        elif previous.strip() and _SETEXT.match(line) and not _LIST_ITEM.match(previous):
            found.append((1 if line.strip()[0] == "=" else 2, previous.strip()))
            previous = ""
        else:
            previous = line
    return found


def first_h1(body: str) -> str | None:
    """The text of the first level-1 heading outside code fences (``None``: none)."""
    return next((text for level, text in headings(body) if level == 1), None)
