"""``careerblog import``: plain-text essay exports and Markdown with front matter -> MyST.

:mod:`.plaintext` and :mod:`.frontmatter` turn one input text into a
:class:`~.writer.MystPost`; this module picks the format, names the output by slug,
refuses to overwrite, and reports every file written or skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sphinx_careerblog.cli.importer.frontmatter import convert_markdown
from sphinx_careerblog.cli.importer.plaintext import convert_text
from sphinx_careerblog.cli.importer.writer import CommandError, MystPost, read_text, write_new_file

FORMATS = ("auto", "text", "markdown")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})


@dataclass
class Converted:
    post: MystPost
    slug: str
    fmt: str
    notes: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: the author marked it public: published even without a date
    published: bool = False


def detect_format(path: Path, text: str, requested: str) -> str:
    """``"text"`` or ``"markdown"``: the requested one, or guessed from name and text."""
    if requested != "auto":
        return requested
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in (".rst", ".rest"):
        raise CommandError(
            "reStructuredText needs no import (ABlog's .rst posts build unchanged with "
            "sphinx_careerblog)"
        )
    first = text.lstrip("\n").split("\n", 1)[0].rstrip()
    return "markdown" if first in ("---", "+++") else "text"


def convert_file(path: Path, requested: str = "auto") -> Converted:
    """Read and convert one input file; raises ``CommandError`` when it cannot."""
    text = read_text(path)
    fmt = detect_format(path, text, requested)
    if fmt == "markdown":
        markdown = convert_markdown(text, path.stem)
        return Converted(markdown.post, markdown.slug, fmt, markdown.notes, markdown.unknown,
                         markdown.problems)  # fmt: skip
    plain = convert_text(text)
    return Converted(plain.post, plain.slug, fmt, plain.notes, published=plain.published)


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def run_import(
    files: list[Path],
    *,
    to: Path,
    fmt: str = "auto",
    force: bool = False,
    default_date: dt.date | None = None,
    out: TextIO,
    err: TextIO,
) -> ImportReport:
    """Convert every file into ``to``; report each on ``out`` (written) or ``err`` (skipped)."""
    report = ImportReport()
    total = len(files)
    many = total > 1
    claimed: dict[Path, Path] = {}  # output -> the input written there in this run
    inputs = {_resolved(path) for path in files}
    if to.exists() and not to.is_dir():
        raise CommandError(f"--to {to} is not a directory")

    for number, path in enumerate(files, start=1):
        prefix = f"[{number}/{total}] " if many else ""
        try:
            converted = convert_file(path, fmt)
            dated = _date_undated(converted, path, default_date)
            target = to / f"{converted.slug}.md"
            resolved = _resolved(target)
            if resolved in claimed:
                raise CommandError(
                    f"{target} was already written from {claimed[resolved]} in this run "
                    "(both have the same title or slug)"
                )
            if resolved in inputs:
                raise CommandError(f"{target} is one of the input files; choose another --to")
            write_new_file(target, converted.post.render(), force=force)
        except CommandError as exc:
            reason = str(exc)
            report.skipped.append((path, reason))
            err.write(f"{prefix}skipped {path}: {reason}\n")
            continue
        claimed[resolved] = path
        report.written.append(target)
        out.write(f"{prefix}wrote {target} (from {path}, {converted.fmt})\n")
        notes = list(converted.notes)
        if dated:
            notes.append(dated)
        if "date" not in converted.post.front_matter:
            notes.append("no date: the post is a draft until it has one (see --date)")
        if converted.unknown:
            notes.append("kept unmapped front matter keys: " + ", ".join(converted.unknown))
        notes.extend(converted.problems)
        for note in notes:
            out.write(f"    {note}\n")

    if many:
        out.write(
            f"imported {len(report.written)} of {total} files"
            + (f", skipped {len(report.skipped)}" if report.skipped else "")
            + "\n"
        )
    return report


def _date_undated(converted: Converted, path: Path, default_date: dt.date | None) -> str:
    """Give a post without a date ``--date``, or, when its author marked it public,
    its file's modification day; returns the report's note ("" when nothing was done)."""
    if "date" in converted.post.front_matter:
        return ""
    if default_date is not None:
        when, source = default_date, " (from --date)"
    elif converted.published:
        when = dt.date.fromtimestamp(path.stat().st_mtime)
        source = (
            ": marked public with no date, so the file's modification day is used "
            "(--date sets another)"
        )
    else:
        return ""
    converted.post.front_matter = _with_date(converted.post.front_matter, when)
    return f"dated {when.isoformat()}{source}"


def _with_date(front: dict[str, object], when: dt.date) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in front.items():
        result[key] = value
        if key == "post":
            result["date"] = when
    result.setdefault("date", when)
    return result


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
