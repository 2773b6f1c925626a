"""Write phase of post footers: the series a post belongs to (previous and next
post), the posts before and after it by date (``careerblog_prev_next``) and its
related posts, placed where the collector put ``cb_post_footer``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.selection import date_neighbours, related_posts, series_neighbours
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _
from sphinx_careerblog.listings.render import ListingRenderer

if TYPE_CHECKING:
    from sphinx_careerblog.data.model import PostRecord


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
            block = nodes.container(classes=["cb-related"])
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
        block = nodes.container(classes=["cb-prev-next"])
        for which, other in (("previous", previous), ("next", following)):
            if other is not None:
                text = _("Previous:") if which == "previous" else _("Next:")
                paragraph = nodes.paragraph(classes=[f"cb-prev-next-{which}"])
                paragraph += nodes.Text(text + " ")
                paragraph += self.post_link(other)
                block += paragraph
        return [block]

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
