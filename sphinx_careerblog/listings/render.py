"""What every listing renderer shares: links to posts and terms, dates, the
compact list of posts.

Renderers are built per placeholder on ``doctree-resolved`` and only read: the
store (through the ``BlogIndex``), the configuration and the builder's URIs.
Links to posts come from ``links.post_uri`` (the builder's own URI scheme), links
to terms from ``links.term_uri``/``links.author_link``.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.dates import format_date
from sphinx_careerblog.i18n import _, scheduled_for
from sphinx_careerblog.site import links

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.paths import TermKind
    from sphinx_careerblog.data.query import BlogIndex


class ListingRenderer(abc.ABC):
    """Turns one placeholder ``node`` of document ``docname`` into nodes."""

    def __init__(self, app: Sphinx, index: BlogIndex, node: nodes.Element, docname: str) -> None:
        self.app = app
        self.config = app.config
        self.index = index
        self.node = node
        self.fromdocname = docname

    @abc.abstractmethod
    def render(self) -> list[nodes.Node]:
        """The nodes that replace the placeholder (each kind of listing has its own)."""

    def is_html(self) -> bool:
        return self.app.builder.format == "html"

    def post_uri(self, post: PostRecord) -> str | None:
        return links.post_uri(self.app, self.fromdocname, post)

    def post_link(self, post: PostRecord, *, classes: Sequence[str] = ()) -> nodes.Node:
        text = post.listed_title
        inner = nodes.inline(text, text, classes=list(classes))
        uri = self.post_uri(post)
        if uri is None:
            return inner
        internal = not post.fields.external_link
        return nodes.reference("", "", inner, refuri=uri, internal=internal)

    def author_name(self, author: str) -> str:
        return links.author_link(self.app, self.fromdocname, author)[0]

    def term_link(self, kind: TermKind, label: str) -> nodes.Node:
        if kind == "author":
            name, uri = links.author_link(self.app, self.fromdocname, label)
        else:
            name = links.term_title(self.app, kind, label)
            uri = links.term_uri(self.app, self.fromdocname, kind, label)
        if uri is None:
            return nodes.inline(name, name, classes=[f"cb-{kind}"])
        external = "://" in uri
        return nodes.reference(
            name, name, refuri=uri, internal=not external, classes=[f"cb-{kind}"]
        )

    def term_links(self, kind: TermKind, labels: Sequence[str]) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for position, label in enumerate(labels):
            if position:
                result.append(nodes.Text(", "))
            result.append(self.term_link(kind, label))
        return result

    def date_text(self, post: PostRecord, pattern: str | None = None) -> str:
        if post.date is None:
            return _("Draft")
        shown = pattern or self.config.careerblog_date_format
        text = format_date(shown, post.date, self.config.language)
        # only a preview lists a scheduled post
        return scheduled_for(text) if post.fields.scheduled else text

    def date_node(self, post: PostRecord, pattern: str | None = None) -> nodes.Node:
        text = self.date_text(post, pattern)
        return nodes.inline(text, text, classes=["cb-postlist-date"])

    def compact_posts(self, posts: Sequence[PostRecord]) -> nodes.bullet_list:
        """A plain list of post links (title and date): the portable fallback."""
        bullets = nodes.bullet_list(classes=["cb-post-links"])
        for post in posts:
            paragraph = nodes.paragraph()
            paragraph += self.post_link(post)
            paragraph += nodes.Text(" (")
            paragraph += self.date_node(post)
            paragraph += nodes.Text(")")
            bullets += nodes.list_item("", paragraph)
        return bullets
