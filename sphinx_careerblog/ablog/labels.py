"""ABlog's ``:ref:`` labels: posts by file name, the blog's pages, and one per term.

Resolved on ``missing-reference`` (Sphinx's public hook for targets its domains do
not know), so the standard domain's data is left alone: a label the project
defines itself always wins. The table is computed once per build state from the
read-only index; links use the builder's own URIs, so every builder works, and
where a target has no page in this builder (generated pages outside html/dirhtml,
a draft's label in a published build) the reference is its text: for a draft,
the label as written, with a ``careerblog.draft_link`` warning.

Documents holding such references are listing documents (``collect_label_refs``):
when what the labels show changes, they are rewritten.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.osutil import relative_uri

from sphinx_careerblog.ablog.terms import ablog_terms
from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _
from sphinx_careerblog.posts.hidden_links import plain_text, report_unlinked
from sphinx_careerblog.site import links

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import CareerBlogData

#: the blog-wide labels and the term prefixes ABlog defines
_PAGE_LABELS = ("posts", "drafts", "feed", "archives", "tags", "categories", "authors",
                "languages", "locations")  # fmt: skip
_TERM_PREFIXES = ("tag", "category", "author", "language", "location", "archive")
_ABLOG_FORM = re.compile(rf"(blog-({'|'.join(_PAGE_LABELS)})|({'|'.join(_TERM_PREFIXES)})-.+)")


def ablog_slug(text: str) -> str:
    """ABlog's slug of a term: accents dropped, punctuation removed, lower case,
    runs of spaces and dashes as one dash."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = re.sub(r"[^\w\s-]", "", decomposed).strip().lower()
    return re.sub(r"[-\s]+", "-", kept)


def post_label(docname: str) -> str:
    """ABlog's label of a post: its file name, or its folder's name for ``index``."""
    folder, name = posixpath.split(docname)
    if name == "index" and folder:
        name = posixpath.basename(folder)
    return name.lower()


@dataclass(frozen=True)
class LabelTarget:
    """Where a label points: a document, a generated page or an output file."""

    text: str
    docname: str | None = None  # a document (a post)
    pagename: str | None = None  # a generated page
    filename: str | None = None  # an output file (the feed)
    hidden: bool = False  # a draft in a published build: text only


def label_table(app: Sphinx) -> dict[str, LabelTarget]:
    """Every ABlog label of this build (cached with the index)."""
    index = get_index(app)
    return index.derived("ablog-labels", lambda: _compute_labels(app))


def _compute_labels(app: Sphinx) -> dict[str, LabelTarget]:
    config = app.config
    root: str = config.careerblog_path
    include_drafts = bool(config.careerblog_include_drafts)
    table: dict[str, LabelTarget] = {}
    for post in get_store(app.env).iter_posts():
        if post.anchor:
            continue  # ABlog gives section posts no label either
        hidden = post.is_draft and not include_drafts
        table.setdefault(
            post_label(post.docname),
            LabelTarget(post.listed_title, docname=post.docname, hidden=hidden),
        )
    title = str(config.careerblog_title or config.project)
    overview = paths.overview_page
    blog_wide = {
        "blog-posts": LabelTarget(_("Posts"), pagename=paths.index_page(root)),
        "blog-drafts": LabelTarget(
            _("Drafts"), pagename=paths.index_page(root), hidden=not include_drafts
        ),
        "blog-feed": LabelTarget(_("%s feed") % title, filename=_feed_file(app)),
        "blog-archives": LabelTarget(_("Archives"), pagename=overview(root, "archive")),
        "blog-tags": LabelTarget(_("Tags"), pagename=overview(root, "tags")),
        "blog-categories": LabelTarget(_("Categories"), pagename=overview(root, "categories")),
        "blog-authors": LabelTarget(_("Authors"), pagename=overview(root, "authors")),
        "blog-languages": LabelTarget(_("Languages"), pagename=overview(root, "languages")),
        "blog-locations": LabelTarget(_("Locations"), pagename=overview(root, "locations")),
    }
    table.update(blog_wide)
    for term in ablog_terms(app):
        target = LabelTarget(term.title, pagename=term.pagename)
        for label in {f"{term.prefix}-{ablog_slug(term.key)}", f"{term.prefix}-{term.slug}"}:
            table.setdefault(label, target)
    return table


def _feed_file(app: Sphinx) -> str | None:
    formats: list[str] = list(app.config.careerblog_feed_formats)
    base = app.config.careerblog_baseurl or app.config.html_baseurl
    if not formats or not base:
        return None  # no feed is written
    fmt = "atom" if "atom" in formats else formats[0]
    return paths.feed_file(app.config.careerblog_path, fmt)  # type: ignore[arg-type]


def resolve_label(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: an ABlog label as a link (or its text), else None."""
    if node.get("refdomain") != "std" or node.get("reftype") != "ref":
        return None
    target = label_table(app).get(str(node.get("reftarget", "")).lower())
    if target is None:
        return None
    fromdocname = str(node.get("refdoc") or "")
    if target.hidden and target.docname is not None:
        # a draft's label: what the author wrote, never the draft's title
        hidden = frozenset(get_store(env).hidden_pages)
        report_unlinked(node, target.docname, fromdocname, hidden)
        return plain_text(node)
    if node.get("refexplicit"):
        inner = contnode
    else:
        inner = nodes.inline(target.text, target.text, classes=contnode.get("classes", []))
    uri = None if target.hidden else _uri(app, fromdocname, target)
    if uri is None:
        return inner
    reference = nodes.reference("", "", inner, refuri=uri, internal=True)
    reference["reftitle"] = target.text
    return reference


def _uri(app: Sphinx, fromdocname: str, target: LabelTarget) -> str | None:
    builder = app.builder
    if target.docname is not None:
        try:
            return builder.get_relative_uri(fromdocname, target.docname)
        except NoUri:
            return None
    if not links.generated_pages_available(app):
        return None
    if target.pagename is not None:
        return builder.get_relative_uri(fromdocname, target.pagename) or "#"
    if target.filename is not None:
        return relative_uri(builder.get_target_uri(fromdocname), target.filename)
    return None


# -- read side: documents that show labels are rewritten when the labels change -----


def collect_label_refs(
    app: Sphinx, env: BuildEnvironment, docname: str, doctree: nodes.document,
    store: CareerBlogData,
) -> None:  # fmt: skip
    """``careerblog-read-doc``: a document referring to an ABlog label (by its form,
    or a post label: some document's file name) is a listing document."""
    names: frozenset[str] | None = None
    for node in doctree.findall(nodes.Element):
        if node.tagname != "pending_xref" or node.get("reftype") != "ref":
            continue
        target = str(node.get("reftarget", "")).lower()
        if _ABLOG_FORM.fullmatch(target):
            store.listing_docs.add(docname)
            return
        if names is None:
            names = _document_labels(env, store)
        if target in names:
            store.listing_docs.add(docname)
            return


def _document_labels(env: BuildEnvironment, store: CareerBlogData) -> frozenset[str]:
    """The post label every document would have (cached while the set of documents
    stays the same)."""
    key = ("ablog-document-labels", len(env.found_docs))
    cached = store.transient.get("ablog-document-labels")
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    names = frozenset(post_label(name) for name in env.found_docs)
    store.transient["ablog-document-labels"] = (key, names)
    return names
