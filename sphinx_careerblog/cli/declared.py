"""What a handbook's ``conf.py`` declares, for ``careerblog new``'s strict-taxonomy check.

The project's configuration is read the way ``sphinx-build`` reads it
(``sphinx.config.Config.read``), with our values declared on it as the extension
declares them, so ``careerblog new`` sees exactly what a build would. Nothing of
Sphinx beyond reading ``conf.py`` runs.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from sphinx_careerblog.config import CONFIG_VALUES
from sphinx_careerblog.data.model import slugify

#: (what the user typed it as, the config value declaring it)
KINDS = (("category", "careerblog_categories"), ("tag", "careerblog_tags"),
         ("author", "careerblog_authors"))  # fmt: skip


@dataclass(frozen=True)
class Declared:
    conf_py: Path
    strict: bool
    #: per config value name: declared key -> its title (or name), for suggestions
    terms: dict[str, dict[str, str]]


def find_conf_py(start: Path) -> Path | None:
    """The nearest ``conf.py`` in ``start`` or one of its parents."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "conf.py").is_file():
            return candidate / "conf.py"
    return None


def read_declared(conf_py: Path) -> Declared:
    """Declared categories, tags and authors of the project whose ``conf.py`` this is.

    Raises ``ConfigError`` when ``conf.py`` cannot be run.
    """
    config = Config.read(conf_py.parent, overrides={}, tags=Tags())
    for value in CONFIG_VALUES:
        if value.name == "careerblog_strict_taxonomy" or value.name in dict(KINDS).values():
            config.add(value.name, value.default, value.rebuild, value.types)
    terms: dict[str, dict[str, str]] = {}
    for _kind, name in KINDS:
        declared: Any = getattr(config, name)
        entries = declared if isinstance(declared, dict) else {}
        terms[name] = {
            str(key): str(entry.get("title") or entry.get("name") or key)
            if isinstance(entry, dict)
            else str(key)
            for key, entry in entries.items()
        }
    return Declared(conf_py, config.careerblog_strict_taxonomy is True, terms)


def undeclared_warnings(declared: Declared, given: dict[str, Sequence[str]]) -> list[str]:
    """One line per undeclared term under ``careerblog_strict_taxonomy``, naming the
    closest declared one when there is a close one. ``given``: kind -> values."""
    if not declared.strict:
        return []
    lines: list[str] = []
    for kind, name in KINDS:
        entries = declared.terms[name]
        for value in given.get(kind, ()):
            if value in entries or slugify(value) in entries:
                continue
            line = f"{kind} {value!r} is not declared in {name} ({declared.conf_py})"
            match = closest(value, entries)
            if match is not None:
                key, title = match
                shown = f"{key!r}" if title == key else f"{key!r} ({title})"
                line += f"; did you mean {shown}?"
            lines.append(line)
    return lines


def closest(value: str, entries: dict[str, str]) -> tuple[str, str] | None:
    """The declared key whose slug or title is closest to ``value`` (difflib), if any
    is close enough."""
    spellings: dict[str, str] = {}
    for key, title in entries.items():
        for spelling in (slugify(key), slugify(title)):
            spellings.setdefault(spelling, key)
    found = difflib.get_close_matches(slugify(value), list(spellings), n=1, cutoff=0.6)
    if not found:
        return None
    key = spellings[found[0]]
    return key, entries[key]


def check_terms(directory: Path, given: dict[str, Sequence[str]]) -> list[str]:
    """Warnings for ``careerblog new``: empty when no ``conf.py`` is found above
    ``directory`` or strict taxonomy is off; a line saying why when ``conf.py`` fails."""
    conf_py = find_conf_py(directory)
    if conf_py is None:
        return []
    try:
        declared = read_declared(conf_py)
    except ConfigError as exc:
        return [f"could not read {conf_py} to check the taxonomy: {exc}"]
    return undeclared_warnings(declared, given)
