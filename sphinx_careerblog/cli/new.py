"""``careerblog new``: a new MyST post with front matter, named by the slug of its title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sphinx_careerblog.cli.importer.writer import (
    CommandError,
    MystPost,
    authors_entry,
    file_slug,
    write_new_file,
)
from sphinx_careerblog.data.values import split_values

PLACEHOLDER = "% Write your essay here. Its first paragraph is the summary listings show."


def clean_terms(values: Sequence[str]) -> list[str]:
    """Repeated ``--tag`` options, each possibly comma-separated, as one list."""
    return split_values(",".join(values))


def new_post_text(
    title: str,
    *,
    categories: Sequence[str] = (),
    tags: Sequence[str] = (),
    authors: Sequence[str] = (),
    series: str | None = None,
    date: dt.date,
) -> str:
    """The text of a new post."""
    front: dict[str, Any] = {"post": True, "date": date}
    front.update(authors_entry(clean_terms(authors)))
    if cats := clean_terms(categories):
        front["categories"] = cats
    if tag_list := clean_terms(tags):
        front["tags"] = tag_list
    if series and series.strip():
        front["series"] = " ".join(series.split())
    return MystPost(title=title, front_matter=front, body=PLACEHOLDER).render()


def create_post(
    title: str,
    *,
    directory: Path,
    categories: Sequence[str] = (),
    tags: Sequence[str] = (),
    authors: Sequence[str] = (),
    series: str | None = None,
    date: dt.date | None = None,
) -> Path:
    """Write ``<directory>/<slug>.md``; refuses an existing file. Returns its path."""
    clean_title = " ".join(title.split())
    if not clean_title:
        raise CommandError("the title is empty")
    if directory.exists() and not directory.is_dir():
        raise CommandError(f"--dir {directory} is not a directory")
    path = directory / f"{file_slug(clean_title)}.md"
    if path.exists():
        raise CommandError(f"{path} already exists; choose another title or edit that file")
    text = new_post_text(
        clean_title,
        categories=categories,
        tags=tags,
        authors=authors,
        series=series,
        date=date or dt.date.today(),
    )
    write_new_file(path, text)
    return path
