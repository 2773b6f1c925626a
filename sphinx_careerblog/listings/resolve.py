"""Write phase of listings: each ``postlist``/``taxonomy`` placeholder and post
footer is handed to its renderer.

``resolve_listings`` runs on ``doctree-resolved``. The renderers are pure
functions of the doctree, the store (through ``query.get_index``) and the
configuration, so this is safe under parallel writing; the collector rewrites the
documents holding listings (and every post, for related posts) whenever what they
show changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.listings.footers import FooterRenderer
from sphinx_careerblog.listings.postlist import PostListRenderer
from sphinx_careerblog.listings.taxonomy import TaxonomyRenderer
from sphinx_careerblog.posts.nodes import cb_post_footer, cb_post_list, cb_taxonomy

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.listings.render import ListingRenderer

_RENDERERS: dict[type[nodes.Element], type[ListingRenderer]] = {
    cb_post_list: PostListRenderer,
    cb_taxonomy: TaxonomyRenderer,
    cb_post_footer: FooterRenderer,
}


def resolve_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace every listing placeholder of ``doctree``."""
    placeholders = [node for node in doctree.findall(nodes.Element) if type(node) in _RENDERERS]
    if not placeholders:
        return
    index = get_index(app)
    for node in placeholders:
        replacement = _RENDERERS[type(node)](app, index, node, docname).render()
        if replacement:
            node.replace_self(replacement)
        else:
            node.parent.remove(node)
