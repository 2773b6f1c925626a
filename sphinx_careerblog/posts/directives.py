"""The ``post`` and ``update`` directives (ABlog's names and options).

``post`` only marks data: it returns a ``cb_post_meta`` node holding the raw
option values; the collector validates them and the byline replaces the node.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from sphinx_careerblog.data.dates import format_date, format_iso, parse_date
from sphinx_careerblog.data.model import ALIASES, FIELDS, FLAG_FIELDS
from sphinx_careerblog.directives import CbDirective, LenientOptionSpec
from sphinx_careerblog.i18n import _
from sphinx_careerblog.posts.nodes import cb_post_meta
from sphinx_careerblog.warnings import CbWarning, warn


def _post_option_spec() -> OptionSpec:
    spec = LenientOptionSpec()
    for name in (*FIELDS, *ALIASES):
        spec[name] = directives.flag if name in FLAG_FIELDS else directives.unchanged
    return spec


class PostDirective(CbDirective):
    """Marks the page (or the section it stands in) as a post, and shows its byline."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = _post_option_spec()

    def known_options(self) -> set[str]:
        return {*FIELDS, *ALIASES}

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        raw: dict[str, object] = {}
        for name, value in self.options.items():
            raw[ALIASES.get(name, name)] = True if name in FLAG_FIELDS else value
        if self.arguments:
            if "date" in raw and raw["date"] != self.arguments[0]:
                warn(
                    CbWarning.CONFLICT,
                    "post: the date is given both as argument and as ':date:' option; "
                    "using the argument",
                    location=self.get_location(),
                )
            raw["date"] = self.arguments[0]
        node = cb_post_meta()
        self.set_source_info(node)
        node["raw"] = raw
        node["origin"] = "directive"
        node["show_byline"] = True
        if self.content:
            summary = nodes.container(classes=["cb-post-summary"])
            self.state.nested_parse(self.content, self.content_offset, summary)
            node += summary
        return [node]


class UpdateDirective(CbDirective):
    """ABlog's ``update``: an "Updated on DATE" note; the latest one sets ``updated``."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0]
        node = nodes.admonition(classes=["cb-update", "note", *self.options.get("class", [])])
        self.set_source_info(node)
        try:
            when, has_time = parse_date(text, self.config.careerblog_date_format)
        except ValueError as exc:
            warn(CbWarning.DATE, f"update: {exc}", location=self.get_location())
            shown = text
        else:
            node["cb_update_date"] = format_iso(when, has_time)
            shown = format_date(self.config.careerblog_date_format, when, self.config.language)
        title_text = _("Updated on %s") % shown
        title = nodes.title(title_text, title_text)
        self.set_source_info(title)
        node += title
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]
