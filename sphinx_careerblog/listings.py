"""Read phase of the listings feature (a ``careerblog-read-doc`` handler).

Marks the documents whose output depends on other documents' posts (they hold a
``postlist``, a ``taxonomy`` or a ``blog`` role) in ``store.listing_docs``, so the
collector rewrites them whenever what listings show changes, and places a
``cb_post_footer`` at the end of each post (page or section): related posts and
series links are filled in there at write time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .nodes import cb_post_footer, cb_post_list, cb_taxonomy

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .store import CareerBlogData

DOMAIN_NAME = "blog"


def collect_listing_doc(
    app: Sphinx,
    env: BuildEnvironment,
    docname: str,
    doctree: nodes.document,
    store: CareerBlogData,
) -> None:
    if _depends_on_posts(doctree):
        store.listing_docs.add(docname)
    for post in store.posts.get(docname, ()):
        scope = _post_scope(doctree, post.anchor)
        if scope is None:
            continue
        footer = cb_post_footer()
        footer["docname"] = docname
        footer["anchor"] = post.anchor
        footer.source = str(env.doc2path(docname))
        footer.line = post.line
        scope += footer


def _depends_on_posts(doctree: nodes.document) -> bool:
    for node in doctree.findall(nodes.Element):
        if isinstance(node, (cb_post_list, cb_taxonomy)):
            return True
        if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == DOMAIN_NAME:
            return True
    return False


def _post_scope(doctree: nodes.document, anchor: str) -> nodes.Element | None:
    """Where a post ends: its section, or for a page post the page's top section."""
    if not anchor:
        for child in doctree.children:
            if isinstance(child, nodes.section):
                return child
        return doctree
    for section in doctree.findall(nodes.section):
        if anchor in section["ids"]:
            return section
    return None
