"""Markdown posts with front matter (Jekyll, Hugo, Docusaurus, MkDocs Material, ABlog).

Front matter is YAML between ``---`` lines or TOML between ``+++`` lines (Hugo).
Known keys are mapped onto sphinx-careerblog's fields by :mod:`.fieldmap`. The body
is kept as it is; only a ``# title`` is added when the body has no H1, and
Docusaurus admonitions become MyST fences.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml
from markdown_it import MarkdownIt

from sphinx_careerblog.cli.importer.fieldmap import map_front_matter
from sphinx_careerblog.cli.importer.writer import CommandError, MystPost, file_slug

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: headings are found the way MyST finds them; nothing else is parsed
_COMMONMARK = MarkdownIt("commonmark")


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


@functools.lru_cache(maxsize=4)
def headings(body: str) -> tuple[tuple[int, str], ...]:
    """``(level, text)`` of the body's ATX and setext headings, as CommonMark reads
    them (markdown-it-py, MyST's own parser): never inside code blocks or fences.
    Cached: one body is asked for its H1 and then its levels."""
    tokens = _COMMONMARK.parse(body)
    found: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            found.append((int(token.tag[1:]), tokens[index + 1].content.strip()))
    return tuple(found)


def first_h1(body: str) -> str | None:
    """The text of the first level-1 heading outside code fences (``None``: none)."""
    return next((text for level, text in headings(body) if level == 1), None)
