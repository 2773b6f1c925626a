"""Write phase of post footers: the series a post belongs to ("Part N of M", its
parts in order, the previous and next part), the posts before and after it by date
(``careerblog_prev_next``) and its related posts, placed where the collector put
``cb_post_footer``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.paths import SERIES
from sphinx_careerblog.data.selection import (
    date_neighbours,
    related_posts,
    series_neighbours,
    series_parts,
)
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, draft_mark, part_of
from sphinx_careerblog.listings.render import ListingRenderer
from sphinx_careerblog.site import links

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    from sphinx_careerblog.data.model import PostRecord


#: Sphinx's search indexer (8.2+) skips elements with this class: a search for a
#: phrase finds the essay that says it, not every essay whose footer links to it
NO_SEARCH = "no-search"


class FooterRenderer(ListingRenderer):
    def render(self) -> list[nodes.Node]:
        store = get_store(self.app.env)
        post = store.find_post(self.node.get("docname", ""), self.node.get("anchor", ""))
        if post is None:
            return []
        result: list[nodes.Node] = []
        series = self.series(post)
        if series is not None:
            result.append(series)
        if self.config.careerblog_prev_next:
            result.extend(self.prev_next(post))
        related = related_posts(self.index, post, self.config.careerblog_related)
        if related:
            block = nodes.container(classes=["cb-related", NO_SEARCH])
            heading = _("Related posts")
            block += nodes.rubric(heading, heading, classes=["cb-related-title"])
            block += self.compact_posts(related)
            result.append(block)
        return result

    def prev_next(self, post: PostRecord) -> list[nodes.Node]:
        """Links to the posts before and after this one by date (ABlog's prev/next)."""
        previous, following = date_neighbours(self.index, post)
        if previous is None and following is None:
            return []
        block = nodes.container(classes=["cb-prev-next", NO_SEARCH])
        for which, other in (("previous", previous), ("next", following)):
            if other is not None:
                text = _("Previous:") if which == "previous" else _("Next:")
                paragraph = nodes.paragraph(classes=[f"cb-prev-next-{which}"])
                paragraph += nodes.Text(text + " ")
                paragraph += self.post_link(other)
                block += paragraph
        return [block]

    def series(self, post: PostRecord) -> nodes.Node | None:
        """The series block: its name (linked to the series page where there is one),
        "Part N of M", every part in order (this one marked, not linked) and the
        previous and next parts."""
        parts = series_parts(self.index, post)
        if not parts:
            return None
        term = self.index.term(SERIES, post.fields.series or "")
        assert term is not None  # the post is a listed part of it
        block = nodes.container(classes=["cb-series", NO_SEARCH])
        label = _("Series: %s") % term.title
        heading = nodes.paragraph(classes=["cb-series-name"])
        uri = links.term_uri(self.app, self.fromdocname, SERIES, term.label)
        if uri is None:
            heading += nodes.Text(label)
        else:
            heading += nodes.reference(label, label, refuri=uri, internal=True)
        block += heading
        keys = [part.key for part in parts]
        shown = part_of(keys.index(post.key) + 1, len(parts))
        block += nodes.paragraph(shown, shown, classes=["cb-series-part"])
        listed = nodes.enumerated_list(classes=["cb-series-parts"], enumtype="arabic")
        for part in parts:
            line = nodes.paragraph()
            if part.key == post.key:
                line += cb_current_part(part.listed_title, part.listed_title)
            else:
                line += self.post_link(part)
            if part.is_draft:  # listed in a preview only
                date = self.date_text(part) if part.date is not None else None
                marker = draft_mark(part.fields.scheduled, date)
                line += nodes.Text(" ")
                line += nodes.inline(marker, marker, classes=["cb-draft-marker"])
            listed += nodes.list_item("", line)
        block += listed
        previous, following = series_neighbours(self.index, post)
        for which, other in (("previous", previous), ("next", following)):
            if other is None:
                continue
            text = _("Previous:") if which == "previous" else _("Next:")
            paragraph = nodes.paragraph(classes=[f"cb-series-{which}"])
            paragraph += nodes.Text(text + " ")
            paragraph += self.post_link(other)
            block += paragraph
        return block


class cb_current_part(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The title of the part being read, in its series' list: marked, not linked
    (``aria-current="page"`` in HTML, bold in LaTeX, plain text elsewhere)."""


def _visit_current_html(self: HTML5Translator, node: nodes.Element) -> None:
    attributes = {"aria-current": "page"}  # not a Python name: passed as a mapping
    self.body.append(self.starttag(node, "span", "", False, **attributes))


def _depart_current_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def _visit_current_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\textbf{")


def _depart_current_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def _pass(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Other writers show the title as plain text."""


def register(app: Sphinx) -> None:
    plain = (_pass, _pass)
    app.add_node(
        cb_current_part,
        html=(_visit_current_html, _depart_current_html),
        latex=(_visit_current_latex, _depart_current_latex),
        text=plain,
        man=plain,
        texinfo=plain,
    )
