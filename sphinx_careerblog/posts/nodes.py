"""Placeholder nodes of the core: the post marker and its visitors.

A ``cb_post_meta`` node marks where a post's byline goes; it carries the raw
metadata the author wrote. It is replaced by real nodes on ``doctree-resolved``;
the visitors below only guard against a builder that skips that event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx


class cb_post_meta(nodes.General, nodes.Element):  # noqa: N801
    """Marks a post. Attributes: ``raw`` (dict of raw field values), ``origin``
    (``"directive"`` or ``"front-matter"``), ``anchor`` and ``show_byline``."""


class cb_post_list(nodes.General, nodes.Element):  # noqa: N801
    """Where a ``postlist`` goes. Attributes: ``docname`` (where it stands),
    ``options`` (the validated options, plain data) and ``caption``."""


class cb_taxonomy(nodes.General, nodes.Element):  # noqa: N801
    """Where a ``taxonomy`` overview goes. Attributes: ``docname``, ``options``."""


class cb_post_footer(nodes.General, nodes.Element):  # noqa: N801
    """End of a post (``docname``, ``anchor``): related posts and series links go here."""


def skip_node(self: nodes.NodeVisitor, node: Node) -> None:
    raise nodes.SkipNode


PLACEHOLDER_NODES: tuple[type[nodes.Element], ...] = (
    cb_post_meta,
    cb_post_list,
    cb_taxonomy,
    cb_post_footer,
)


def register(app: Sphinx) -> None:
    visitors = (skip_node, None)
    for node_class in PLACEHOLDER_NODES:
        app.add_node(
            node_class,
            html=visitors,
            latex=visitors,
            text=visitors,
            man=visitors,
            texinfo=visitors,
        )
