"""Typed, located warnings: every problem the extension reports goes through here.

Users silence a kind of problem with ``suppress_warnings = ["careerblog.<subtype>"]``.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util import logging

WARNING_TYPE = "careerblog"

logger = logging.getLogger("sphinx_careerblog")


class CbWarning(enum.Enum):
    """Warning subtypes, with what each one means (listed in the reference docs)."""

    CONFIG = ("config", "a configuration value has the wrong type or shape")
    DATE = ("date", "a date that cannot be parsed or does not exist")
    VISIBILITY = ("visibility", "an unknown visibility value")
    FIELD = ("field", "a metadata value of the wrong type or an empty value")
    FRONT_MATTER = ("front_matter", "front matter that cannot be decoded")
    CONFLICT = ("conflict", "front matter and the post directive give the same field")
    DUPLICATE_POST = ("duplicate_post", "two post directives in one section")
    UNKNOWN_OPTION = ("unknown_option", "a directive option this extension does not know")
    TAXONOMY = ("taxonomy", "an undeclared author, category or tag under strict taxonomy")
    DIRECTIVE = ("directive", "a directive used with bad arguments or content")
    FILTER = ("filter", "a postlist filter value that names no known term")
    REFERENCE = ("reference", "a blog role naming a term no post uses")
    SLUG_COLLISION = ("slug_collision", "two different labels map to the same slug")
    PAGE_COLLISION = ("page_collision", "a real document has the name of a generated page")
    CHECKLIST = ("checklist", "a reflection checklist with bad content or a duplicate id")
    FEED = ("feed", "feeds cannot be written (for example, no base URL)")
    URL = ("url", "a URL with a scheme that may not be written (javascript:, data:, ...)")
    DRAFT_LINK = (
        "draft_link",
        "a reference to a draft or scheduled post, written as plain text in a published build",
    )

    @property
    def subtype(self) -> str:
        return self.value[0]

    @property
    def description(self) -> str:
        return self.value[1]


def warn(kind: CbWarning, message: str, location: Any = None, **kwargs: Any) -> None:
    """Log a ``careerblog.<subtype>`` warning at ``location``.

    ``location`` is a node, a docname, or a ``(docname, line)`` pair. A value quoted in
    the message may hold line breaks; they are shown escaped, so that each warning
    stays one line that starts with its location.
    """
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    logger.warning(one_line, type=WARNING_TYPE, subtype=kind.subtype, location=location, **kwargs)


def file_location(path: str, line: int | None = None) -> nodes.Node:
    """A location for a file that is not a document (``conf.py``), usable as ``location=``."""
    marker = nodes.Element()
    marker.source = path
    marker.line = line
    return marker


def conf_location(confdir: str | Path, name: str | None = None) -> nodes.Node:
    """A location in ``conf.py``: the line assigning ``name`` when there is one."""
    path = Path(confdir, "conf.py")
    line = None
    if name:
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        for number, content in enumerate(text.splitlines(), start=1):
            if re.match(rf"\s*{re.escape(name)}\s*[:=]", content):
                line = number
                break
    return file_location(str(path), line)


def node_location(node: nodes.Node) -> tuple[str | None, int | None]:
    """The ``(source, line)`` of a node, walking up to the first ancestor that has one."""
    current: nodes.Node | None = node
    while current is not None:
        source = getattr(current, "source", None)
        line = getattr(current, "line", None)
        if source and line:
            return source, line
        current = current.parent
    return getattr(node, "source", None), None
