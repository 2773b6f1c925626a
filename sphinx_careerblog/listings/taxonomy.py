"""Write phase of ``taxonomy``: every category, tag, author, year or series with its
posts, as a list or (HTML, every term linked) a weighted cloud."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.paths import TermKind
from sphinx_careerblog.i18n import _
from sphinx_careerblog.listings.options import TaxonomyKind, TaxonomyOptions
from sphinx_careerblog.listings.render import ListingRenderer
from sphinx_careerblog.site import links

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.query import BlogIndex

_TERM_KINDS: dict[TaxonomyKind, TermKind] = {
    "categories": "category",
    "tags": "tag",
    "authors": "author",
    "series": "series",
}


@dataclass(frozen=True)
class Entry:
    """One line of the overview."""

    css_kind: str  # ``category``, ``tag``, ``author``, ``series-title`` or ``year``
    text: str
    uri: str | None  # None where this builder has no page for it
    posts: tuple[PostRecord, ...]


class TaxonomyRenderer(ListingRenderer):
    def __init__(self, app: Sphinx, index: BlogIndex, node: nodes.Element, docname: str) -> None:
        super().__init__(app, index, node, docname)
        options = node["options"]
        assert isinstance(options, TaxonomyOptions)
        self.options = options

    def entries(self) -> list[Entry]:
        kind = self.options.kind
        if kind == "years":
            return [
                Entry("year", str(year), links.year_uri(self.app, self.fromdocname, year), posts)
                for year, posts in self.index.years()
            ]
        term_kind = _TERM_KINDS[kind]
        # ``cb-series`` is the series block under each post: its entries are titles
        css_kind = "series-title" if term_kind == "series" else term_kind
        return [
            Entry(
                css_kind,
                term.title,
                links.term_uri(self.app, self.fromdocname, term_kind, term.label),
                # a series lists its parts in series order, the others newest first
                tuple(self.index.series(term.slug)) if term_kind == "series" else term.posts,
            )
            for term in self.index.terms(term_kind)
        ]

    def render(self) -> list[nodes.Node]:
        options = self.options
        entries = self.entries()
        linked = bool(entries) and all(entry.uri is not None for entry in entries)
        shown = "cloud" if options.format == "cloud" and linked else "list"
        root = nodes.container(
            classes=["cb-taxonomy", f"cb-taxonomy-{options.kind}", f"cb-taxonomy-{shown}"]
        )
        if not entries:
            empty = _("No posts.")
            root += nodes.paragraph(empty, empty, classes=["cb-taxonomy-empty"])
        elif shown == "cloud":
            root += self.cloud(entries)
        else:
            root += self.bullets(entries)
        return [root]

    def bullets(self, entries: Sequence[Entry]) -> nodes.bullet_list:
        """Each entry with its count; without a page to link to, with its posts."""
        bullets = nodes.bullet_list(classes=["cb-taxonomy-items"])
        for entry in entries:
            item = nodes.list_item(classes=["cb-taxonomy-item"])
            paragraph = nodes.paragraph()
            paragraph += self.entry_link(entry)
            if self.options.counts:
                paragraph += nodes.Text(" ")
                paragraph += self.count(len(entry.posts))
            item += paragraph
            if entry.uri is None:
                item += self.compact_posts(entry.posts)
            bullets += item
        return bullets

    @staticmethod
    def entry_link(entry: Entry) -> nodes.Element:
        classes = [f"cb-{entry.css_kind}"]
        if entry.uri is None:
            return nodes.inline(entry.text, entry.text, classes=classes)
        return nodes.reference(
            entry.text, entry.text, refuri=entry.uri, internal=True, classes=classes
        )

    @staticmethod
    def count(number: int) -> nodes.Node:
        text = f"({number})"
        return nodes.inline(text, text, classes=["cb-taxonomy-count"])

    def cloud(self, entries: Sequence[Entry]) -> nodes.Node:
        """Terms weighted ``cb-cloud-1`` (fewest posts) to ``cb-cloud-5``, one list item
        each: multi-word terms stay visibly apart (and screen readers count them)."""
        sizes = [len(entry.posts) for entry in entries]
        low, high = min(sizes), max(sizes)
        terms = nodes.bullet_list(classes=["cb-taxonomy-cloud-terms"])
        for entry in entries:
            size = len(entry.posts)
            weight = 1 if high == low else 1 + round(4 * (size - low) / (high - low))
            link = self.entry_link(entry)
            link["classes"].append(f"cb-cloud-{weight}")
            shown = nodes.paragraph("", "", link)
            if self.options.counts:
                shown += nodes.Text(" ")
                shown += self.count(size)
            terms += nodes.list_item("", shown, classes=["cb-taxonomy-cloud-term"])
        return terms
