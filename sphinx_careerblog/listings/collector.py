"""Read phase of the listings feature (a ``careerblog-read-doc`` handler).

Marks the documents whose output depends on other documents' posts (they hold a
``postlist``, a ``taxonomy`` or a ``blog`` role) in ``store.listing_docs``, so the
collector rewrites them whenever what listings show changes, and places a
``cb_post_footer`` at the end of each post (page or section): related posts and
series links are filled in there at write time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_careerblog.posts.nodes import cb_post_footer, cb_post_list, cb_taxonomy
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.store import CareerBlogData

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
        _register_image(env, post)


def is_remote(uri: str) -> bool:
    return "://" in uri or uri.startswith("data:")


def image_path(env: BuildEnvironment, post: PostRecord) -> str | None:
    """The post's image as a path Sphinx copies (a key of ``env.images``), if any."""
    uri = post.image
    if not uri or is_remote(uri):
        return None
    if uri in env.images:
        return uri  # ``image: N`` already names the image as Sphinx stored it
    relative, _ = env.relfn2path(uri, post.docname)
    return relative if relative in env.images else None


def _register_image(env: BuildEnvironment, post: PostRecord) -> None:
    """A front-matter ``image:`` path is copied like an image of the post's own text
    (Sphinx's image collector does the same for ``image`` nodes), so cards can show it."""
    uri = post.image
    if not uri or is_remote(uri) or uri in env.images:
        return
    relative, absolute = env.relfn2path(uri, post.docname)
    if Path(absolute).is_file():
        env.images.add_file(post.docname, relative)
        env.note_dependency(relative)
    else:
        warn(
            CbWarning.FIELD,
            f"image {uri!r}: no such file ({relative}); cards show no picture",
            location=(post.docname, post.line),
        )


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
