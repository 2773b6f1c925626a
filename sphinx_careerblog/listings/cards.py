"""``postlist`` as sphinx-design cards, built from docutils nodes of our own.

The HTML is what sphinx-design's ``grid`` and ``grid-item-card`` write: ``div``
elements carrying its documented classes (``sd-container-fluid``, ``sd-row``,
``sd-col``, ``sd-card``, ``sd-card-body``, ``sd-card-title``, ``sd-card-text``,
``sd-card-img-top``, ``sd-stretched-link``), so its stylesheet draws them as
real cards. Two small nodes give those ``div`` elements without Docutils'
``container`` class (which Bootstrap-based themes style) and without relying on
sphinx-design internals. Only HTML builders with ``sphinx_design`` loaded get
cards; ``postlist`` shows a list elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.i18n import _
from sphinx_careerblog.listings.collector import image_path, is_remote

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.listings.render import ListingRenderer

_ROW_CLASSES = [
    "sd-row", "sd-row-cols-1", "sd-row-cols-xs-1", "sd-row-cols-sm-2", "sd-row-cols-md-2",
    "sd-row-cols-lg-3", "sd-g-3", "sd-g-xs-3", "sd-g-sm-3", "sd-g-md-3", "sd-g-lg-3",
]  # fmt: skip
_CARD_CLASSES = ["sd-card", "sd-sphinx-override", "sd-shadow-sm", "sd-w-100"]


class cb_design_div(nodes.General, nodes.Element):  # noqa: N801
    """A ``<div>`` with just its classes (sphinx-design's grid and card parts)."""


class cb_design_text(nodes.General, nodes.TextElement):  # noqa: N801
    """Inline content placed directly in a ``cb_design_div`` (a card's title or
    stretched link); it writes no element of its own."""


def _div(*classes: str) -> cb_design_div:
    return cb_design_div(classes=list(classes))


def card_grid(
    renderer: ListingRenderer, posts: Sequence[PostRecord], date_format: str | None
) -> nodes.Element:
    """A responsive grid of one card per post (one to three columns)."""
    grid = _div("sd-container-fluid", "sd-sphinx-override", "sd-mb-4")
    row = _div(*_ROW_CLASSES)
    grid += row
    for post in posts:
        column = _div("sd-col", "sd-d-flex-row")
        column += _card(renderer, post, date_format)
        row += column
    return grid


def _card(renderer: ListingRenderer, post: PostRecord, date_format: str | None) -> nodes.Element:
    uri = renderer.post_uri(post)
    hover = ["sd-card-hover"] if uri is not None else []
    card = _div(*_CARD_CLASSES, *hover, "cb-postlist-card")
    image = _card_image(renderer, post)
    if image is not None:
        card += image
    body = _div("sd-card-body")
    title = _div("sd-card-title", "sd-font-weight-bold")
    title += cb_design_text("", post.listed_title)
    body += title
    meta = nodes.paragraph(classes=["sd-card-text", "cb-postlist-meta"])
    meta += renderer.date_node(post, date_format)
    if post.fields.authors:
        names = ", ".join(renderer.author_name(author) for author in post.fields.authors)
        meta += nodes.Text(" · " + _("by") + " " + names)
    body += meta
    words: int = renderer.app.config.careerblog_card_words
    summary = card_summary(post.summary, words)
    if summary:
        body += nodes.paragraph(summary, summary, classes=["sd-card-text", "cb-postlist-summary"])
    card += body
    if uri is not None:
        # the whole card is the link: sphinx-design's stretched, visually hidden link
        text = post.listed_title
        link = nodes.reference(
            text,
            "",
            nodes.inline(text, text),
            refuri=uri,
            internal=not post.fields.external_link,
            classes=["sd-stretched-link", "sd-hide-link-text"],
        )
        card += cb_design_text("", "", link)
    return card


def card_summary(summary: str, words: int) -> str:
    """The first ``words`` words of a summary (all its paragraphs, on one line), cut at
    a word boundary with "…", so cards stay short in narrow columns."""
    shown = summary.split()
    if len(shown) <= words:
        return " ".join(shown)
    return " ".join(shown[:words]).rstrip(",;:.") + "…"


def _card_image(renderer: ListingRenderer, post: PostRecord) -> nodes.image | None:
    uri = post.image
    if not uri:
        return None
    image = nodes.image(alt="", classes=["sd-card-img-top", "cb-postlist-image"])
    if is_remote(uri):
        image["uri"] = uri
        image["candidates"] = {"?": uri}
        return image
    path = image_path(renderer.app.env, post)
    if path is None:
        return None  # reported when the post was read
    image["uri"] = path
    image["candidates"] = {"*": path}
    return image


def _visit_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", CLASS="docutils"))


def _depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _pass(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Only the children are written."""


def register(app: Sphinx) -> None:
    """The card nodes' visitors (other builders never get cards; they write the
    children alone, should a card ever reach them)."""
    passthrough = (_pass, _pass)
    app.add_node(
        cb_design_div,
        html=(_visit_div, _depart_div),
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.add_node(
        cb_design_text,
        html=passthrough,
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
