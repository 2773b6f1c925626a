"""The excerpt marker: ``<!-- more -->`` (MyST) or ``.. more`` (rST) ends a summary.

Authors of other blog engines mark where the teaser ends this way; the summary of
a post is then its prose up to the first marker. MyST keeps an HTML comment as a
``raw`` HTML node, reStructuredText a ``comment`` node.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable

_HTML_MARKER = re.compile(r"^<!--\s*more\s*-->$", re.IGNORECASE)


def is_excerpt_marker(node: nodes.Node) -> bool:
    if isinstance(node, nodes.comment):
        return node.astext().strip().lower() == "more"
    if isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
        return bool(_HTML_MARKER.match(node.astext().strip()))
    return False


def paragraphs_before_marker(
    scope: nodes.Element, prose: Iterable[nodes.paragraph]
) -> list[nodes.paragraph] | None:
    """The ``prose`` paragraphs that come before the first marker in ``scope``, in
    document order, or None when ``scope`` has no marker."""
    wanted = {id(paragraph) for paragraph in prose}
    before: list[nodes.paragraph] = []
    for node in scope.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.comment, nodes.raw))):
        if is_excerpt_marker(node):
            return before
        if id(node) in wanted:
            assert isinstance(node, nodes.paragraph)
            before.append(node)
    return None
