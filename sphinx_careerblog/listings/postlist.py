"""Write phase of ``postlist``: the selected posts as a list, table, cards or an
ABlog format string.

Everything is built from plain docutils nodes, so every builder renders it; only
``cards`` (sphinx-design, HTML) turns into a plain list elsewhere.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.model import slugify
from sphinx_careerblog.data.paths import TermKind
from sphinx_careerblog.i18n import _, reading_time
from sphinx_careerblog.listings.cards import card_grid
from sphinx_careerblog.listings.collector import postlist_selection
from sphinx_careerblog.listings.options import FORMATS, PostListOptions
from sphinx_careerblog.listings.render import ListingRenderer
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.query import BlogIndex

#: Keys of ABlog-style format strings (``{date} - {title}``) and our synonyms.
FORMAT_KEYS = (
    "title",
    "date",
    "author",
    "authors",
    "location",
    "language",
    "category",
    "categories",
    "tags",
    "tag",
    "summary",
    "reading_time",
)

#: filters naming a term of the index, and the post field of the other filters
_TERM_FILTERS: dict[str, TermKind] = {"category": "category", "tag": "tag", "author": "author"}
_FIELD_FILTERS = ("series", "location", "language")
#: format-string keys showing a post's terms
_FORMAT_TERMS: dict[str, TermKind] = {
    "author": "author",
    "authors": "author",
    "category": "category",
    "categories": "category",
    "tag": "tag",
    "tags": "tag",
}


class PostListRenderer(ListingRenderer):
    def __init__(self, app: Sphinx, index: BlogIndex, node: nodes.Element, docname: str) -> None:
        super().__init__(app, index, node, docname)
        options = node["options"]
        assert isinstance(options, PostListOptions)
        self.options = options

    def render(self) -> list[nodes.Node]:
        options = self.options
        posts = self.selected()
        shown = self.shown_format()
        style = shown if shown in FORMATS else "format"
        root = nodes.container(classes=["cb-postlist", f"cb-postlist-{style}"])
        if options.caption:
            root += nodes.rubric(options.caption, options.caption, classes=["cb-postlist-caption"])
        if not posts:
            empty = _("No posts.")
            root += nodes.paragraph(empty, empty, classes=["cb-postlist-empty"])
        elif shown == "cards":
            root += card_grid(self, posts, options.date_format)
        elif shown == "table":
            root += self.table(posts)
        elif shown in ("list", "compact"):
            root += self.bullets(posts, compact=shown == "compact")
        else:
            root += self.formatted(posts, shown)
        return [root]

    def selected(self) -> list[PostRecord]:
        """The posts the filters select, sorted and limited; unknown values reported."""
        docname = str(self.node.get("docname", ""))
        selection = postlist_selection(self.app, self.index, self.options, docname)
        for option, value in selection.unknown:
            self.warn_unknown(option, value)
        return list(selection.posts)

    def shown_format(self) -> str:
        """The format asked for, or ``list`` where cards cannot be drawn."""
        shown = self.options.format
        if shown != "cards" or (self.is_html() and "sphinx_design" in self.app.extensions):
            return shown
        if self.is_html():
            warn(
                CbWarning.DIRECTIVE,
                "postlist: format 'cards' needs 'sphinx_design' in extensions; showing a list",
                location=self.node,
            )
        return "list"

    def warn_unknown(self, option: str, value: str) -> None:
        if option == "visibility":
            message = (
                f"postlist: unknown visibility {value!r} in ':visibility:' (use public, "
                "internal or draft); it matches no post"
            )
        elif option == "year":
            message = f"postlist: no listed post is from year {value!r}; it matches no post"
        else:
            known = self.known_values(option)
            hint = f" (known: {', '.join(known)})" if known else ""
            message = f"postlist: no listed post has {option} {value!r}{hint}; it matches no post"
        warn(CbWarning.FILTER, message, location=self.node)

    def known_values(self, option: str) -> list[str]:
        """Up to ten values a filter could have used instead."""
        term_kind = _TERM_FILTERS.get(option)
        if term_kind is not None:
            return [term.label for term in self.index.terms(term_kind)][:10]
        if option not in _FIELD_FILTERS:
            return []
        values = {getattr(post.fields, option) for post in self.index.posts}
        return sorted(value for value in values if value)[:10]

    # -- formats ------------------------------------------------------------------------

    def bullets(self, posts: Sequence[PostRecord], *, compact: bool) -> nodes.bullet_list:
        bullets = nodes.bullet_list(classes=self.list_classes())
        for post in posts:
            item = nodes.list_item(classes=["cb-postlist-item"])
            item += self.compact_line(post) if compact else self.full_line(post)
            item.extend(self.excerpt(post))
            bullets += item
        return bullets

    def compact_line(self, post: PostRecord) -> nodes.paragraph:
        """``date title``."""
        paragraph = nodes.paragraph()
        paragraph += self.date_node(post, self.options.date_format)
        paragraph += nodes.Text(" ")
        paragraph += self.post_link(post, classes=["cb-postlist-title"])
        return paragraph

    def full_line(self, post: PostRecord) -> nodes.paragraph:
        """``title — date · by authors``."""
        paragraph = nodes.paragraph()
        paragraph += self.post_link(post, classes=["cb-postlist-title"])
        meta = nodes.inline(classes=["cb-postlist-meta"])
        meta += nodes.Text(" — ")
        meta += self.date_node(post, self.options.date_format)
        if post.fields.authors:
            meta += nodes.Text(" · " + _("by") + " ")
            meta += nodes.inline(
                "",
                "",
                *self.term_links("author", post.fields.authors),
                classes=["cb-postlist-authors"],
            )
        paragraph += meta
        return paragraph

    def list_classes(self) -> list[str]:
        classes = ["cb-postlist-items"]
        style = self.options.list_style
        if style:
            classes.append(f"cb-list-style-{slugify(style)}")
        return classes

    def excerpt(self, post: PostRecord) -> list[nodes.Node]:
        if not self.options.excerpts or not post.summary:
            return []
        result: list[nodes.Node] = [
            nodes.paragraph(text, text, classes=["cb-postlist-summary"])
            for text in post.summary.split("\n\n")
            if text.strip()
        ]
        expand = self.options.expand
        if expand:
            paragraph = nodes.paragraph(classes=["cb-postlist-expand"])
            uri = self.post_uri(post)
            if uri is None:
                paragraph += nodes.inline(expand, expand)
            else:
                paragraph += nodes.reference(
                    expand, expand, refuri=uri, internal=not post.fields.external_link
                )
            result.append(paragraph)
        return result

    def table(self, posts: Sequence[PostRecord]) -> nodes.table:
        headers = [_("Title"), _("Date"), _("Authors"), _("Categories"), _("Tags")]
        if self.options.excerpts:
            headers.append(_("Summary"))
        widths = [30, 15, 15, 15, 15, 30][: len(headers)]
        table = nodes.table(classes=["cb-postlist-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += self.row([nodes.paragraph(text, text) for text in headers])
        group += head
        body = nodes.tbody()
        for post in posts:
            body += self.row(self.table_cells(post))
        group += body
        return table

    def table_cells(self, post: PostRecord) -> list[nodes.Node]:
        fields = post.fields
        cells: list[nodes.Node] = [
            nodes.paragraph("", "", self.post_link(post, classes=["cb-postlist-title"])),
            nodes.paragraph("", "", self.date_node(post, self.options.date_format)),
            nodes.paragraph("", "", *self.term_links("author", fields.authors)),
            nodes.paragraph("", "", *self.term_links("category", fields.categories)),
            nodes.paragraph("", "", *self.term_links("tag", fields.tags)),
        ]
        if self.options.excerpts:
            summary = post.summary.split("\n\n")[0] if post.summary else ""
            cells.append(nodes.paragraph(summary, summary))
        return cells

    @staticmethod
    def row(cells: Sequence[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", cell)
        return row

    def formatted(self, posts: Sequence[PostRecord], pattern: str) -> nodes.Node:
        parts = self.format_parts(pattern)
        if parts is None:
            return self.bullets(posts, compact=False)
        bullets = nodes.bullet_list(classes=self.list_classes())
        for post in posts:
            paragraph = nodes.paragraph()
            for literal, name in parts:
                if literal:
                    paragraph += nodes.Text(literal)
                if name is not None:
                    paragraph.extend(self.format_field(post, name))
            item = nodes.list_item("", paragraph, classes=["cb-postlist-item"])
            item.extend(self.excerpt(post))
            bullets += item
        return bullets

    def format_parts(self, pattern: str) -> list[tuple[str, str | None]] | None:
        """(literal text, field name or None) pairs of a format string; None (and a
        warning) when it cannot be read. Unknown keys are reported and shown as written."""
        try:
            parts = [(literal, name) for literal, name, _s, _c in string.Formatter().parse(pattern)]
        except ValueError as exc:
            warn(
                CbWarning.DIRECTIVE,
                f"postlist: format string {pattern!r} cannot be read ({exc}); showing a list",
                location=self.node,
            )
            return None
        unknown = sorted({name for _, name in parts if name and name not in FORMAT_KEYS})
        if unknown:
            warn(
                CbWarning.DIRECTIVE,
                f"postlist: unknown key(s) {', '.join(unknown)} in format {pattern!r} "
                f"(known: {', '.join(FORMAT_KEYS)}); shown as written",
                location=self.node,
            )
        return parts

    def format_field(self, post: PostRecord, name: str) -> list[nodes.Node]:
        fields = post.fields
        if name == "title":
            return [self.post_link(post, classes=["cb-postlist-title"])]
        if name == "date":
            return [self.date_node(post, self.options.date_format)]
        kind = _FORMAT_TERMS.get(name)
        if kind is not None:
            return self.term_links(kind, self.index.values(post, kind))
        if name in ("location", "language"):
            value = getattr(fields, name) or ""
            return [nodes.inline(value, value, classes=[f"cb-postlist-{name}"])] if value else []
        if name == "summary":
            text = post.summary.split("\n\n")[0] if post.summary else ""
            return [nodes.inline(text, text, classes=["cb-postlist-summary"])]
        if name == "reading_time":
            text = reading_time(post.reading_minutes)
            return [nodes.inline(text, text)]
        return [nodes.Text("{" + name + "}")]
