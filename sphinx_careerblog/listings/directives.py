"""The ``postlist`` and ``taxonomy`` directives: placeholders, resolved at write time.

Both only record their validated options on a placeholder node, as the frozen
``PostListOptions``/``TaxonomyOptions`` of ``options.py``; they never touch the
store. ``resolve.py`` turns the placeholders into real nodes on
``doctree-resolved``, once every document has been read, so a listing is always
complete, on incremental and parallel builds alike.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from sphinx_careerblog.data.values import split_values
from sphinx_careerblog.directives import CbDirective, LenientOptionSpec
from sphinx_careerblog.listings.options import (
    FORMATS,
    SORTS,
    TAXONOMY_FORMATS,
    TAXONOMY_KINDS,
    PostListOptions,
    PostListSort,
    TaxonomyOptions,
)
from sphinx_careerblog.posts.nodes import cb_post_list, cb_taxonomy
from sphinx_careerblog.warnings import CbWarning, warn

#: Filters of ``postlist``: option name -> the post field it matches.
FILTERS = ("category", "tag", "author", "year", "series", "visibility", "location", "language")

#: ABlog's spellings, accepted so ABlog sources build unchanged.
OPTION_ALIASES = {
    "categories": "category",
    "tags": "tag",
    "authors": "author",
    "date": "date-format",
}

_KIND_ALIASES = {
    "category": "categories",
    "tag": "tags",
    "author": "authors",
    "year": "years",
    "archive": "years",
}


def _spec(*names: str) -> OptionSpec:
    """Every option as text: flags are "present or not" (a stray value is tolerated)."""
    spec = LenientOptionSpec()
    for name in names:
        spec[name] = directives.unchanged
    return spec


def _text(value: object) -> str:
    """An option's text with the outer whitespace removed (a bare flag gives "")."""
    return value.strip() if isinstance(value, str) else ""


class PostListDirective(CbDirective):
    """A list of posts (ABlog's ``postlist``, plus filters, formats and sorting)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[OptionSpec] = _spec(
        *FILTERS,
        *OPTION_ALIASES,
        "exclude-current",
        "sort",
        "limit",
        "format",
        "excerpts",
        "date-format",
        "list-style",
        "expand",
    )

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        raw = self.without_aliases()
        limit = self.limit(raw)
        caption = ""
        if self.arguments:
            argument = self.arguments[0].strip()
            if argument.isdigit() and "limit" not in raw:
                limit = self.positive(argument, "argument")
            elif argument.isdigit():
                self._warn(
                    f"{self.name}: the limit is given both as argument and as ':limit:'; "
                    "using ':limit:'"
                )
            else:
                caption = argument
        node = cb_post_list()
        self.set_source_info(node)
        node["docname"] = self.env.docname
        node["options"] = PostListOptions(
            filters=self.filters(raw),
            exclude_current="exclude-current" in raw,
            excerpts="excerpts" in raw,
            sort=self.sort(raw),
            limit=limit,
            format=self.format(raw),
            date_format=raw.get("date-format") or None,
            list_style=(raw.get("list-style") or "").lower() or None,
            expand=raw.get("expand") or None,
            caption=caption,
        )
        return [node]

    def without_aliases(self) -> dict[str, str]:
        """The options as text, ABlog's spellings replaced by ours."""
        raw = {name: _text(value) for name, value in self.options.items()}
        for alias, name in OPTION_ALIASES.items():
            if alias not in raw:
                continue
            value = raw.pop(alias)
            if name in raw:
                self._warn(f"{self.name}: both ':{alias}:' and ':{name}:' given; using ':{name}:'")
                continue
            raw[name] = value
        return raw

    def filters(self, raw: dict[str, str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        filters: list[tuple[str, tuple[str, ...]]] = []
        for name in FILTERS:
            if name not in raw:
                continue
            values = split_values(raw[name])
            if values:
                filters.append((name, tuple(values)))
            else:
                self._warn(f"{self.name}: ':{name}:' is empty; the filter is ignored")
        return tuple(filters)

    def _warn(self, message: str) -> None:
        warn(CbWarning.DIRECTIVE, message, location=self.get_location())

    def sort(self, raw: dict[str, str]) -> PostListSort:
        if "sort" not in raw:
            return "date-desc"
        value = raw["sort"].lower()
        if not value:
            return "date-asc"  # ABlog's bare ``:sort:`` flag: oldest first
        for known in SORTS:
            if known == value:
                return known
        self._warn(
            f"{self.name}: unknown sort {raw['sort']!r} (use one of: {', '.join(SORTS)}); "
            "using 'date-desc'"
        )
        return "date-desc"

    def positive(self, text: str, what: str) -> int | None:
        try:
            number = int(text.strip())
        except ValueError:
            number = 0
        if number < 1:
            self._warn(
                f"{self.name}: {what} {text!r} is not a positive whole number; showing all posts"
            )
            return None
        return number

    def limit(self, raw: dict[str, str]) -> int | None:
        if "limit" not in raw:
            return None
        return self.positive(raw["limit"], "':limit:'")

    def format(self, raw: dict[str, str]) -> str:
        value = raw.get("format", "")
        if not value:
            return "list"
        if value.lower() in FORMATS:
            return value.lower()
        if "{" in value:
            return value  # an ABlog format string, checked when it is rendered
        self._warn(
            f"{self.name}: unknown format {value!r} (use one of: {', '.join(FORMATS)}, or a "
            "format string such as '{date} - {title}'); showing a list"
        )
        return "list"


class TaxonomyDirective(CbDirective):
    """An overview of the categories, tags, authors or years, each with its posts."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = _spec("kind", "counts", "format")

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        if self.options.get("kind"):
            alias = _KIND_ALIASES.get(self.options["kind"].strip().lower())
            self.options["kind"] = alias or self.options["kind"]
        node = cb_taxonomy()
        self.set_source_info(node)
        node["docname"] = self.env.docname
        node["options"] = TaxonomyOptions(
            kind=self.choice("kind", TAXONOMY_KINDS, "categories"),
            counts="counts" in self.options,
            format=self.choice("format", TAXONOMY_FORMATS, "list"),
        )
        return [node]
