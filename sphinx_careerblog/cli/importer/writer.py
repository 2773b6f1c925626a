"""Emitting MyST posts: front matter, escaped text, and safe file writes.

Everything the CLI writes goes through here, so every command escapes text the
same way and refuses to overwrite files the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sphinx_careerblog.data.model import readable_slug


class CommandError(Exception):
    """A problem the user can fix; the CLI prints it on stderr, without a traceback."""


# -- reading -------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_text(path: Path) -> str:
    """The text of ``path``: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.

    Line endings are normalised to ``\\n``. Raises ``CommandError`` with a reason
    (not naming the file: the caller does) for a missing or unreadable file, a
    directory, text that is not UTF-8, and an empty file.
    """
    if path.is_dir():
        raise CommandError("it is a directory, not a file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError("no such file") from None
    except PermissionError:
        raise CommandError("cannot be read (permission denied)") from None
    except OSError as exc:
        raise CommandError(f"cannot be read ({exc.strerror or exc})") from None
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            encoding = name
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"not {encoding.upper()} text (undecodable byte "
            f"0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise CommandError("looks like a binary file, not text")
    if not text.strip():
        raise CommandError("the file is empty")
    return text


# -- writing -------------------------------------------------------------------------


def write_new_file(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` (UTF-8, ``\\n``); refuse an existing file unless ``force``."""
    if path.is_dir():
        raise CommandError(f"{path} is a directory")
    if path.exists() and not force:
        raise CommandError(f"{path} already exists (use --force to overwrite it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as exc:
        raise CommandError(f"cannot write {path} ({exc.strerror or exc})") from None


# -- MyST text -----------------------------------------------------------------------

#: Characters that are markup anywhere in a line of CommonMark + MyST text.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~$|])")
#: An HTML entity, which Markdown would turn into its character.
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
#: Markup that only counts at the start of a line: headings, quotes, list markers,
#: thematic breaks, MyST comments (``%``), targets (``(x)=``), block breaks
#: (``+++``), fences (``:::``), field lists and definitions (``:``).
_LINE_START = re.compile(r"^(#|>|\+|=|-|%|\(|:|\d+[.)](?=\s|$))")


def escape_inline(text: str) -> str:
    """Escape ``text`` so that MyST shows it exactly as written, on one line.

    Only ASCII punctuation is escaped (with a backslash), so curly quotes, emoji
    and every other non-ASCII character are kept as they are.
    """
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    escaped = _ENTITY.sub(r"\\&\1;", escaped)
    match = _LINE_START.match(escaped)
    if match:
        marker = match.group(1)
        if marker[0].isdigit():
            escaped = marker[:-1] + "\\" + escaped[len(marker) - 1 :]
        else:
            escaped = "\\" + escaped
    return escaped


def escape_heading(text: str) -> str:
    """``escape_inline`` plus every ``#`` (a trailing `` #`` would close an ATX heading)."""
    return "\\#".join(escape_inline(part) for part in text.split("#"))


#: File names are cut to this many characters (at a ``-``), well below every
#: file system's limit.
MAX_SLUG_LENGTH = 80


def file_slug(label: str) -> str:
    """The slug used as a file name: ``model.readable_slug``, at most ``MAX_SLUG_LENGTH`` long."""
    slug = readable_slug(label)
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    cut = slug[:MAX_SLUG_LENGTH]
    return cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG_LENGTH // 2 :] else cut


def fence_for(*texts: str, char: str = "`") -> str:
    """A code fence longer than any run of ``char`` in ``texts`` (at least three)."""
    longest = max((len(run) for text in texts for run in re.findall(f"{re.escape(char)}+", text)),
                  default=0)  # fmt: skip
    return char * max(3, longest + 1)


# -- front matter --------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block mappings, flow lists of scalars, Unicode kept as written."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _BlockMapping(dict[str, Any]):
    """The top level of front matter: always one ``key: value`` line per key."""


def _represent_block(dumper: yaml.SafeDumper, value: _BlockMapping) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_BlockMapping, _represent_block)


def plain_value(value: Any, *, top: bool = True) -> Any:
    """``value`` reduced to what YAML and MyST both carry (dates nested in lists or
    mappings become ISO text, times of day become text)."""
    if isinstance(value, dt.datetime):
        return value.isoformat() if not top else value
    if isinstance(value, dt.date):
        return value.isoformat() if not top else value
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): plain_value(item, top=False) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(item, top=False) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def dump_front_matter(data: Mapping[str, Any]) -> str:
    """``data`` as a YAML front matter block (with the ``---`` lines)."""
    if not data:
        return ""
    clean = _BlockMapping((key, plain_value(value)) for key, value in data.items())
    body = yaml.dump(
        clean,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=10_000,
    )
    return f"---\n{body}---\n"


def date_value(when: dt.datetime | dt.date, has_time: bool) -> dt.date | str:
    """How a date is written in front matter: a bare YAML date, or ISO 8601 text."""
    if isinstance(when, dt.datetime):
        if has_time:
            return when.isoformat()
        return when.date()
    return when


@dataclass
class MystPost:
    """A post to write: front matter, the H1 title, and the MyST body (already MyST)."""

    title: str | None
    front_matter: dict[str, Any] = field(default_factory=dict)
    body: str = ""

    def render(self) -> str:
        parts = [dump_front_matter(self.front_matter)]
        if self.title is not None:
            parts.append(f"# {escape_heading(self.title)}\n")
        body = self.body.strip("\n")
        if body:
            parts.append(("\n" if self.title is not None else "") + body + "\n")
        return "".join(parts)


def authors_entry(authors: Sequence[str]) -> dict[str, Any]:
    """``author: x`` for one author, ``authors: [x, y]`` for several."""
    if not authors:
        return {}
    if len(authors) == 1:
        return {"author": authors[0]}
    return {"authors": list(authors)}
