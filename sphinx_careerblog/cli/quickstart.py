"""``careerblog quickstart``: a handbook that builds with ``sphinx-build -W`` at once.

The files come from the templates in ``quickstart_templates/`` (``string.Template``:
``$name`` placeholders, ``$$`` for a dollar sign). Values put into ``conf.py`` are
Python string literals (JSON-style, double-quoted); values put into Markdown are
escaped for MyST.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from importlib import resources
from pathlib import Path
from typing import Any

from sphinx_careerblog.cli.importer.writer import (
    CommandError,
    MystPost,
    escape_inline,
    write_new_file,
)
from sphinx_careerblog.data.model import readable_slug

DEFAULT_TITLE = "Engineering handbook"
DEFAULT_AUTHOR = "Handbook editors"
EXAMPLE_TITLE = "The afternoon I did not ask for help"
IGNORED_ENTRIES = frozenset({".git", ".DS_Store", "Thumbs.db"})


def _template(name: str) -> string.Template:
    text = resources.files(__package__).joinpath("quickstart_templates", name).read_text("utf-8")
    return string.Template(text)


def _py(text: str) -> str:
    """A double-quoted Python string literal (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def _feeds_block(baseurl: str | None) -> str:
    if baseurl:
        return f"careerblog_baseurl = {_py(baseurl)}\n"
    return (
        "# Feeds (Atom, RSS, JSON Feed) need the address the site is published at.\n"
        "# To turn them on, set it and delete the careerblog_feed_formats line:\n"
        '# careerblog_baseurl = "https://handbook.example.org/"\n'
        "careerblog_feed_formats = []\n"
    )


def quickstart_files(
    *,
    title: str = DEFAULT_TITLE,
    author: str = DEFAULT_AUTHOR,
    baseurl: str | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """Relative path -> text of every file of a new handbook."""
    title = " ".join(title.split())
    author = " ".join(author.split())
    if not title:
        raise CommandError("--title is empty")
    if not author:
        raise CommandError("--author is empty")
    when = today or dt.date.today()
    author_key = readable_slug(author)
    conf = _template("conf.py.tmpl").substitute(
        project_text=title.replace("\n", " "),
        project=_py(title),
        author=_py(author),
        copyright=_py(f"{when.year}, {author}"),
        blog_title=_py(f"{title}: essays"),
        author_key=_py(author_key),
        feeds=_feeds_block(baseurl),
    )
    front: dict[str, Any] = {
        "post": True,
        "date": when,
        "author": author_key,
        "categories": ["Career growth"],
        "tags": ["asking for help", "first year"],
    }
    example = MystPost(
        title=EXAMPLE_TITLE,
        front_matter=front,
        body=_template("example-essay.md.tmpl").substitute(),
    )
    return {
        "conf.py": conf.rstrip("\n") + "\n",
        "index.md": _template("index.md.tmpl").substitute(title=escape_inline(title)),
        "essays/index.md": _template("essays-index.md.tmpl").substitute(),
        "reflections.md": _template("reflections.md.tmpl").substitute(),
        f"essays/{readable_slug(EXAMPLE_TITLE)}.md": example.render(),
        ".gitignore": "_build/\n",
    }


def quickstart(
    directory: Path,
    *,
    force: bool = False,
    title: str = DEFAULT_TITLE,
    author: str = DEFAULT_AUTHOR,
    baseurl: str | None = None,
) -> list[Path]:
    """Write a new handbook into ``directory``; returns the files written.

    Refuses a directory that holds anything (besides ``.git``) unless ``force``;
    with ``force`` only the handbook's own files are overwritten.
    """
    if directory.exists() and not directory.is_dir():
        raise CommandError(f"{directory} exists and is not a directory")
    if directory.is_dir() and not force:
        try:
            entries = [entry.name for entry in directory.iterdir()]
        except OSError as exc:
            raise CommandError(f"cannot read {directory} ({exc.strerror or exc})") from None
        if any(name not in IGNORED_ENTRIES for name in entries):
            raise CommandError(
                f"{directory} is not empty (use --force to write the handbook's files "
                "into it anyway)"
            )
    files = quickstart_files(title=title, author=author, baseurl=baseurl)
    written = []
    for relative, text in files.items():
        path = directory / relative
        write_new_file(path, text, force=True)
        written.append(path)
    return written
