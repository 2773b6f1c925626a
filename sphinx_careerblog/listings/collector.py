"""Read side of the listings feature: the ``ListingsCollector``.

Marks the documents whose output depends on other documents' posts (they hold a
``postlist``, a ``taxonomy`` or a ``blog`` role) in ``store.listing_docs``, and
places a ``cb_post_footer`` at the end of each post (page or section): related
posts and series links are filled in there at write time.

``get_updated_docs`` keeps them fresh on incremental builds: when what listings
show changes, the documents holding listings are rewritten without being re-read,
and so is every post whose footer shows something else than before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.selection import (
    Selection,
    declared_slugs,
    select,
)
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.listings.footer_freshness import refresh_footers
from sphinx_careerblog.listings.options import PostListOptions
from sphinx_careerblog.posts.collector import current_docname
from sphinx_careerblog.posts.nodes import cb_post_footer, cb_post_list, cb_post_meta, cb_taxonomy
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.query import BlogIndex
    from sphinx_careerblog.data.store import CareerBlogData

DOMAIN_NAME = "blog"


class ListingsCollector(EnvironmentCollector):
    """Collects the documents holding listings and places the post footers.

    Runs after the posts collector (registered before it), so the posts of the
    document being read are in the store.
    """

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store = get_store(env)
        store.listing_docs.discard(docname)
        store.postlists.pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        store, theirs = get_store(env), get_store(other)
        store.listing_docs.update(theirs.listing_docs & docnames)
        store.postlists.update(
            (docname, theirs.postlists[docname]) for docname in docnames & theirs.postlists.keys()
        )

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = current_docname(env)
        store = get_store(env)
        if _depends_on_posts(doctree):
            store.listing_docs.add(docname)
            postlists = _postlists_only(doctree)
            if postlists is not None:
                store.postlists[docname] = postlists
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

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Documents to rewrite (not re-read) because what they show of others changed."""
        store = get_store(env)
        changed: set[str] = set()
        listing = store.fingerprint if store.documents_unchanged() else listing_fingerprint(store)
        if listing != store.fingerprint:
            store.fingerprint = listing
            # a document whose only listings are postlists is rewritten when what its
            # postlists select changed; any other listing document on every change
            signatures = postlist_signatures(app, store)
            changed |= {
                docname
                for docname in store.listing_docs
                if docname not in signatures
                or store.postlist_signatures.get(docname) != signatures[docname]
            }
            store.postlist_signatures = signatures
        # related posts and series links under each post show other posts' titles,
        # dates and links; a summary-only edit must not rewrite every post
        changed |= refresh_footers(app, store)
        return sorted(changed & env.found_docs)


def listing_fingerprint(store: CareerBlogData) -> str:
    """A hash of every post field that some listing, byline or feed may show."""
    digest = hashlib.sha256()
    for post in store.iter_posts():
        digest.update(_listed(post).encode())
    return digest.hexdigest()


def postlist_selection(
    app: Sphinx, index: BlogIndex, options: PostListOptions, docname: str
) -> Selection:
    """The posts a ``postlist`` with ``options`` in ``docname`` shows, in order (its
    renderer and its freshness check both ask here)."""
    config = app.config
    return select(
        index,
        dict(options.filters),
        authors=config.careerblog_authors,
        declared=declared_slugs(
            config.careerblog_categories, config.careerblog_tags, config.careerblog_authors
        ),
        exclude_docname=docname if options.exclude_current else None,
        sort=options.sort,
        limit=options.limit,
    )


def postlist_signatures(app: Sphinx, store: CareerBlogData) -> dict[str, str]:
    """Per document holding only postlists, a hash of every post field they may show
    (for the posts they select) and of the filter values that matched nothing."""
    index = get_index(app)
    shown: dict[str, str] = {}
    signatures: dict[str, str] = {}
    for docname, postlists in store.postlists.items():
        digest = hashlib.sha256()
        for options in postlists:
            assert isinstance(options, PostListOptions)
            selection = postlist_selection(app, index, options, docname)
            for post in selection.posts:
                if post.key not in shown:
                    shown[post.key] = _listed(post)
                digest.update(shown[post.key].encode())
            digest.update(repr(selection.unknown).encode())
        signatures[docname] = digest.hexdigest()
    return signatures


def _listed(post: PostRecord) -> str:
    return repr((post.key, post.title, post.fields, post.summary, post.image,
                 post.reading_minutes))  # fmt: skip


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


def _postlists_only(doctree: nodes.document) -> tuple[PostListOptions, ...] | None:
    """The options of the document's postlists, when they are all it shows of other
    documents (no taxonomy, no ``blog`` role, no placeholder of another feature)."""
    found: list[PostListOptions] = []
    for node in doctree.findall(nodes.Element):
        if isinstance(node, cb_post_list):
            options = node.get("options")
            if not isinstance(options, PostListOptions):
                return None
            found.append(options)
        elif (
            isinstance(node, cb_taxonomy)
            or (isinstance(node, addnodes.pending_xref) and node.get("refdomain") == DOMAIN_NAME)
            or (
                type(node).__name__.startswith("cb_")
                and not isinstance(node, (cb_post_meta, cb_post_footer))
            )
        ):
            return None
    return tuple(found) or None


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
