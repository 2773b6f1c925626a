"""Write phase: turn ``postlist``/``taxonomy`` placeholders and post footers into nodes.

``resolve_listings`` runs on ``doctree-resolved``. It is a pure function of the
doctree, the store (through ``query.get_index``) and the configuration, so it is
safe under parallel writing; the collector rewrites the documents holding
listings (and every post, for related posts) whenever what they show changes.

Everything is built from plain docutils nodes, so every builder renders it; only
the HTML-only formats (``cards``, ``cloud``) turn into plain lists elsewhere.
Links to posts come from ``links.post_uri`` (the builder's own URI scheme), links
to terms from ``links.term_uri``/``links.year_uri``.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_careerblog.data.dates import format_date
from sphinx_careerblog.data.model import slugify
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.selection import (
    declared_slugs,
    related_posts,
    select,
    series_neighbours,
)
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _
from sphinx_careerblog.listings.collector import image_path, is_remote
from sphinx_careerblog.posts.nodes import cb_post_footer, cb_post_list, cb_taxonomy
from sphinx_careerblog.site import links
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.paths import TermKind
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


def resolve_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace every listing placeholder of ``doctree``."""
    placeholders = [
        node
        for node in doctree.findall(nodes.Element)
        if isinstance(node, (cb_post_list, cb_taxonomy, cb_post_footer))
    ]
    if not placeholders:
        return
    index = get_index(app)
    for node in placeholders:
        renderer: Callable[[], list[nodes.Node]]
        if isinstance(node, cb_post_list):
            renderer = PostListRenderer(app, index, node, docname).render
        elif isinstance(node, cb_taxonomy):
            renderer = TaxonomyRenderer(app, index, node, docname).render
        else:
            renderer = FooterRenderer(app, index, node, docname).render
        replacement = renderer()
        if replacement:
            node.replace_self(replacement)
        else:
            node.parent.remove(node)


def is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


class _Renderer:
    """Shared helpers: links to posts and terms, dates, author names."""

    def __init__(self, app: Sphinx, index: BlogIndex, node: nodes.Element, docname: str) -> None:
        self.app = app
        self.config = app.config
        self.index = index
        self.node = node
        self.fromdocname = docname
        self.options: dict[str, Any] = dict(node.get("options", {}))

    def post_link(self, post: PostRecord, *, classes: Sequence[str] = ()) -> nodes.Node:
        text = post.listed_title
        inner = nodes.inline(text, text, classes=list(classes))
        uri = links.post_uri(self.app, self.fromdocname, post)
        if uri is None:
            return inner
        internal = not post.fields.external_link
        return nodes.reference("", "", inner, refuri=uri, internal=internal)

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
        return format_date(shown, post.date, self.config.language)

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


# -- postlist ---------------------------------------------------------------------------


class PostListRenderer(_Renderer):
    def render(self) -> list[nodes.Node]:
        options = self.options
        selection = select(
            self.index,
            options.get("filters", {}),
            authors=self.config.careerblog_authors,
            declared=declared_slugs(
                self.config.careerblog_categories,
                self.config.careerblog_tags,
                self.config.careerblog_authors,
            ),
            exclude_docname=self.node.get("docname") if options.get("exclude_current") else None,
            sort=options.get("sort", "date-desc"),
            limit=options.get("limit"),
        )
        for option, value in selection.unknown:
            self.warn_unknown(option, value)

        shown = str(options.get("format", "list"))
        if shown == "cards" and not (is_html(self.app) and "sphinx_design" in self.app.extensions):
            if is_html(self.app):
                warn(
                    CbWarning.DIRECTIVE,
                    "postlist: format 'cards' needs 'sphinx_design' in extensions; showing a list",
                    location=self.node,
                )
            shown = "list"
        style = shown if shown in ("list", "cards", "table", "compact") else "format"
        root = nodes.container(classes=["cb-postlist", f"cb-postlist-{style}"])
        caption = self.node.get("caption")
        if caption:
            root += nodes.rubric(caption, caption, classes=["cb-postlist-caption"])
        posts = list(selection.posts)
        if not posts:
            empty = _("No posts.")
            root += nodes.paragraph(empty, empty, classes=["cb-postlist-empty"])
            return [root]
        if shown == "cards":
            root += self.cards(posts)
        elif shown == "table":
            root += self.table(posts)
        elif shown in ("list", "compact"):
            root += self.bullets(posts, compact=shown == "compact")
        else:
            root += self.formatted(posts, shown)
        return [root]

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
        if option in ("category", "tag", "author"):
            return [term.label for term in self.index.terms(option)][:10]  # type: ignore[arg-type]
        field = {"series": "series", "location": "location", "language": "language"}[option]
        values = {getattr(post.fields, field) for post in self.index.posts}
        return sorted(value for value in values if value)[:10]

    # -- formats ------------------------------------------------------------------------

    def bullets(self, posts: Sequence[PostRecord], *, compact: bool) -> nodes.bullet_list:
        bullets = nodes.bullet_list(classes=self.list_classes())
        pattern = self.options.get("date_format")
        for post in posts:
            item = nodes.list_item(classes=["cb-postlist-item"])
            paragraph = nodes.paragraph()
            if compact:
                paragraph += self.date_node(post, pattern)
                paragraph += nodes.Text(" ")
                paragraph += self.post_link(post, classes=["cb-postlist-title"])
            else:
                paragraph += self.post_link(post, classes=["cb-postlist-title"])
                meta = nodes.inline(classes=["cb-postlist-meta"])
                meta += nodes.Text(" — ")
                meta += self.date_node(post, pattern)
                if post.fields.authors:
                    meta += nodes.Text(" · " + _("by") + " ")
                    meta += nodes.inline(
                        "",
                        "",
                        *self.term_links("author", post.fields.authors),
                        classes=["cb-postlist-authors"],
                    )
                paragraph += meta
            item += paragraph
            item.extend(self.excerpt(post))
            bullets += item
        return bullets

    def list_classes(self) -> list[str]:
        classes = ["cb-postlist-items"]
        style = self.options.get("list_style")
        if style:
            classes.append(f"cb-list-style-{slugify(style)}")
        return classes

    def excerpt(self, post: PostRecord) -> list[nodes.Node]:
        if not self.options.get("excerpts") or not post.summary:
            return []
        result: list[nodes.Node] = [
            nodes.paragraph(text, text, classes=["cb-postlist-summary"])
            for text in post.summary.split("\n\n")
            if text.strip()
        ]
        expand = self.options.get("expand")
        if expand:
            paragraph = nodes.paragraph(classes=["cb-postlist-expand"])
            uri = links.post_uri(self.app, self.fromdocname, post)
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
        excerpts = bool(self.options.get("excerpts"))
        if excerpts:
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
        pattern = self.options.get("date_format")
        for post in posts:
            cells: list[nodes.Node] = [
                nodes.paragraph("", "", self.post_link(post, classes=["cb-postlist-title"])),
                nodes.paragraph("", "", self.date_node(post, pattern)),
                nodes.paragraph("", "", *self.term_links("author", post.fields.authors)),
                nodes.paragraph("", "", *self.term_links("category", post.fields.categories)),
                nodes.paragraph("", "", *self.term_links("tag", post.fields.tags)),
            ]
            if excerpts:
                summary = post.summary.split("\n\n")[0] if post.summary else ""
                cells.append(nodes.paragraph(summary, summary))
            body += self.row(cells)
        group += body
        return table

    @staticmethod
    def row(cells: Sequence[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", cell)
        return row

    def formatted(self, posts: Sequence[PostRecord], pattern: str) -> nodes.Node:
        try:
            parts = list(string.Formatter().parse(pattern))
        except ValueError as exc:
            warn(
                CbWarning.DIRECTIVE,
                f"postlist: format string {pattern!r} cannot be read ({exc}); showing a list",
                location=self.node,
            )
            return self.bullets(posts, compact=False)
        unknown = sorted({name for _, name, _, _ in parts if name and name not in FORMAT_KEYS})
        if unknown:
            warn(
                CbWarning.DIRECTIVE,
                f"postlist: unknown key(s) {', '.join(unknown)} in format {pattern!r} "
                f"(known: {', '.join(FORMAT_KEYS)}); shown as written",
                location=self.node,
            )
        bullets = nodes.bullet_list(classes=self.list_classes())
        for post in posts:
            paragraph = nodes.paragraph()
            for literal, name, _spec, _conversion in parts:
                if literal:
                    paragraph += nodes.Text(literal)
                if name is None:
                    continue
                paragraph.extend(self.format_field(post, name))
            item = nodes.list_item("", paragraph, classes=["cb-postlist-item"])
            item.extend(self.excerpt(post))
            bullets += item
        return bullets

    def format_field(self, post: PostRecord, name: str) -> list[nodes.Node]:
        fields = post.fields
        if name == "title":
            return [self.post_link(post, classes=["cb-postlist-title"])]
        if name == "date":
            return [self.date_node(post, self.options.get("date_format"))]
        if name in ("author", "authors"):
            return self.term_links("author", fields.authors)
        if name in ("category", "categories"):
            return self.term_links("category", fields.categories)
        if name in ("tags", "tag"):
            return self.term_links("tag", fields.tags)
        if name in ("location", "language"):
            value = getattr(fields, name) or ""
            return [nodes.inline(value, value, classes=[f"cb-postlist-{name}"])] if value else []
        if name == "summary":
            text = post.summary.split("\n\n")[0] if post.summary else ""
            return [nodes.inline(text, text, classes=["cb-postlist-summary"])]
        if name == "reading_time":
            text = _("%d min read") % post.reading_minutes
            return [nodes.inline(text, text)]
        literal = "{" + name + "}"
        return [nodes.Text(literal)]

    def cards(self, posts: Sequence[PostRecord]) -> nodes.Node:
        """A sphinx-design grid of cards (the nodes its ``grid-item-card`` builds)."""
        from sphinx_design.shared import PassthroughTextElement, create_component

        grid = create_component(
            "grid-container", ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
        )
        row = create_component(
            "grid-row",
            ["sd-row", "sd-row-cols-1", "sd-row-cols-xs-1", "sd-row-cols-sm-2",
             "sd-row-cols-md-2", "sd-row-cols-lg-3", "sd-g-3", "sd-g-xs-3", "sd-g-sm-3",
             "sd-g-md-3", "sd-g-lg-3"],
        )  # fmt: skip
        grid += row
        pattern = self.options.get("date_format")
        for post in posts:
            column = create_component("grid-item", ["sd-col", "sd-d-flex-row"])
            uri = links.post_uri(self.app, self.fromdocname, post)
            card_classes = ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "sd-w-100"]
            if uri is not None:
                card_classes.append("sd-card-hover")
            card = create_component("card", [*card_classes, "cb-postlist-card"])
            image = self.card_image(post)
            if image is not None:
                card += image
            body = create_component("card-body", ["sd-card-body"])
            title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
            title_text = PassthroughTextElement()
            title_text += nodes.Text(post.listed_title)
            title += title_text
            body += title
            meta = nodes.paragraph(classes=["sd-card-text", "cb-postlist-meta"])
            meta += self.date_node(post, pattern)
            if post.fields.authors:
                names = ", ".join(
                    links.author_link(self.app, self.fromdocname, author)[0]
                    for author in post.fields.authors
                )
                meta += nodes.Text(" · " + _("by") + " " + names)
            body += meta
            if post.summary:
                summary = post.summary.split("\n\n")[0]
                body += nodes.paragraph(
                    summary, summary, classes=["sd-card-text", "cb-postlist-summary"]
                )
            card += body
            if uri is not None:
                link = PassthroughTextElement()
                text = post.listed_title
                link += nodes.reference(
                    text,
                    "",
                    nodes.inline(text, text),
                    refuri=uri,
                    internal=not post.fields.external_link,
                    classes=["sd-stretched-link", "sd-hide-link-text"],
                )
                card += link
            column += card
            row += column
        return grid

    def card_image(self, post: PostRecord) -> nodes.image | None:
        uri = post.image
        if not uri:
            return None
        image = nodes.image(alt="", classes=["sd-card-img-top", "cb-postlist-image"])
        if is_remote(uri):
            image["uri"] = uri
            image["candidates"] = {"?": uri}
            return image
        path = image_path(self.app.env, post)
        if path is None:
            return None  # reported when the post was read
        image["uri"] = path
        image["candidates"] = {"*": path}
        return image


# -- taxonomy ---------------------------------------------------------------------------


class TaxonomyRenderer(_Renderer):
    def entries(self) -> list[tuple[str, str, str | None, tuple[PostRecord, ...]]]:
        """(css kind, text, uri or None, posts) of each entry."""
        kind = self.options.get("kind", "categories")
        if kind == "years":
            return [
                ("year", str(year), links.year_uri(self.app, self.fromdocname, year), posts)
                for year, posts in self.index.years()
            ]
        term_kind: TermKind = {"categories": "category", "tags": "tag", "authors": "author"}[kind]  # type: ignore[assignment]
        return [
            (
                term_kind,
                term.title,
                links.term_uri(self.app, self.fromdocname, term_kind, term.label),
                term.posts,
            )
            for term in self.index.terms(term_kind)
        ]

    def render(self) -> list[nodes.Node]:
        kind = self.options.get("kind", "categories")
        counts = bool(self.options.get("counts"))
        entries = self.entries()
        linked = bool(entries) and all(uri is not None for _, _, uri, _ in entries)
        shown = "cloud" if self.options.get("format") == "cloud" and linked else "list"
        root = nodes.container(
            classes=["cb-taxonomy", f"cb-taxonomy-{kind}", f"cb-taxonomy-{shown}"]
        )
        if not entries:
            empty = _("No posts.")
            root += nodes.paragraph(empty, empty, classes=["cb-taxonomy-empty"])
            return [root]
        if shown == "cloud":
            root += self.cloud(entries, counts)
            return [root]
        bullets = nodes.bullet_list(classes=["cb-taxonomy-items"])
        for css_kind, text, uri, posts in entries:
            item = nodes.list_item(classes=["cb-taxonomy-item"])
            paragraph = nodes.paragraph()
            paragraph += self.entry_link(css_kind, text, uri)
            if counts:
                paragraph += nodes.Text(" ")
                paragraph += self.count(len(posts))
            item += paragraph
            if uri is None:
                item += self.compact_posts(posts)
            bullets += item
        root += bullets
        return [root]

    @staticmethod
    def entry_link(css_kind: str, text: str, uri: str | None) -> nodes.Node:
        classes = [f"cb-{css_kind}"]
        if uri is None:
            return nodes.inline(text, text, classes=classes)
        return nodes.reference(text, text, refuri=uri, internal=True, classes=classes)

    @staticmethod
    def count(number: int) -> nodes.Node:
        text = f"({number})"
        return nodes.inline(text, text, classes=["cb-taxonomy-count"])

    def cloud(
        self, entries: Sequence[tuple[str, str, str | None, tuple[PostRecord, ...]]], counts: bool
    ) -> nodes.Node:
        """Terms in one paragraph, weighted ``cb-cloud-1`` (fewest posts) to ``cb-cloud-5``."""
        sizes = [len(posts) for _, _, _, posts in entries]
        low, high = min(sizes), max(sizes)
        paragraph = nodes.paragraph(classes=["cb-taxonomy-cloud-terms"])
        for position, (css_kind, text, uri, posts) in enumerate(entries):
            if position:
                paragraph += nodes.Text(" ")
            weight = 1 if high == low else 1 + round(4 * (len(posts) - low) / (high - low))
            link = self.entry_link(css_kind, text, uri)
            assert isinstance(link, nodes.Element)
            link["classes"].append(f"cb-cloud-{weight}")
            paragraph += link
            if counts:
                paragraph += nodes.Text(" ")
                paragraph += self.count(len(posts))
        return paragraph


# -- related posts and series -----------------------------------------------------------


class FooterRenderer(_Renderer):
    def render(self) -> list[nodes.Node]:
        store = get_store(self.app.env)
        post = store.find_post(self.node.get("docname", ""), self.node.get("anchor", ""))
        if post is None:
            return []
        result: list[nodes.Node] = []
        series = self.series(post)
        if series is not None:
            result.append(series)
        related = related_posts(self.index, post, self.config.careerblog_related)
        if related:
            block = nodes.container(classes=["cb-related"])
            heading = _("Related posts")
            block += nodes.rubric(heading, heading, classes=["cb-related-title"])
            block += self.compact_posts(related)
            result.append(block)
        return result

    def series(self, post: PostRecord) -> nodes.Node | None:
        previous, following = series_neighbours(self.index, post)
        if previous is None and following is None:
            return None
        name = post.fields.series or ""
        block = nodes.container(classes=["cb-series"])
        label = _("Series: %s") % name
        block += nodes.paragraph(label, label, classes=["cb-series-name"])
        for which, other in (("previous", previous), ("next", following)):
            if other is None:
                continue
            text = _("Previous:") if which == "previous" else _("Next:")
            paragraph = nodes.paragraph(classes=[f"cb-series-{which}"])
            paragraph += nodes.Text(text + " ")
            paragraph += self.post_link(other)
            block += paragraph
        return block
