"""The one environment store, ``env.careerblog``, and typed read access to it.

Only the collector writes here (during reading); everything in the write phase
only reads. ``ENV_VERSION`` changes whenever a stored record changes shape:

1. first release: posts, checklists, listing documents, fingerprint.
2. ``ChecklistRecord.post``: the post a checklist stands in.
3. ``reflection_order``: reading order of the documents holding checklists.
4. ``neighbour_fingerprint`` and ``footer_signatures``: what post footers show of
   other posts.
6. listing placeholders carry ``PostListOptions``/``TaxonomyOptions`` (not dicts):
   pickled doctrees of earlier versions must be read again.
7. ``today``, ``hidden_pages``, ``toctree_includes`` and ``PostFields.scheduled``:
   drafts and scheduled posts leave the navigation and search.
8. ``ChecklistRecord.competencies``, ``level``, ``revisit``; ``reflection_docs`` and
   ``reflection_fingerprint`` (the reflections collector's own) replace
   ``reflection_order``.
9. ``navigation`` (what the theme's navigation shows of each document) and
   ``generated`` (per builder and output directory: the fingerprint of every
   generated page and the files written), replacing state files in the output;
   ``postlists`` and ``postlist_signatures``: what each document holding only
   postlists selects, so a change rewrites only the documents whose lists change.
10. ``sidebars_shown`` (per builder and output directory) replaces
    ``sidebar_fingerprint``: the blog sidebars are refreshed in place.
11. ``neighbour_records``, ``neighbour_settings`` and ``related_signatures`` replace
    ``neighbour_fingerprint``: related posts are ranked again only where they can change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_careerblog.data.model import ChecklistRecord, PostRecord

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

ENV_VERSION = 12


#: the ``transient`` entry set once a document is purged or read in this build
DOCUMENTS_CHANGED = "careerblog.documents-changed"
#: the ``transient`` entry holding the cached ``query.BlogIndex``
INDEX_VIEW = "careerblog.index"


@dataclass(frozen=True)
class GeneratedOutput:
    """What the generated pages of one builder and output directory were built from."""

    #: global inputs: configuration, templates, assets, sidebars
    site: str
    #: page name (or ``file:`` + output path) -> fingerprint of what the page shows
    pages: dict[str, str]
    #: every output file written for them, relative to the output directory
    files: frozenset[str]
    #: what the theme's navigation shows (every document's title and toctrees)
    navigation: str = ""
    #: the names of every document (a page may collide with a document's URL)
    documents: str = ""


@dataclass(repr=False)
class CareerBlogData:
    posts: dict[str, tuple[PostRecord, ...]] = field(default_factory=dict)
    checklists: dict[str, tuple[ChecklistRecord, ...]] = field(default_factory=dict)
    #: documents holding a listing directive (postlist, taxonomy, reflectionlist)
    listing_docs: set[str] = field(default_factory=set)
    #: hash of everything listings show; a change rewrites ``listing_docs`` (those in
    #: ``postlists`` only when ``postlist_signatures`` changes)
    fingerprint: str = ""
    #: per document whose only listings are postlists: their ``PostListOptions``
    postlists: dict[str, tuple[object, ...]] = field(default_factory=dict)
    #: per document in ``postlists``: a hash of what its postlists show
    postlist_signatures: dict[str, str] = field(default_factory=dict)
    #: (builder name, output directory) -> hash of what the blog sidebars show there
    sidebars_shown: dict[tuple[str, str], str] = field(default_factory=dict)
    #: per post key, what other posts' footers show of it (``listings.footer_freshness``)
    neighbour_records: dict[str, tuple[object, ...]] = field(default_factory=dict)
    #: the settings the footers were made with (related count, prev/next, drafts)
    neighbour_settings: tuple[object, ...] = ()
    #: per post key, what its related posts show, and what its whole footer shows
    related_signatures: dict[str, str] = field(default_factory=dict)
    footer_signatures: dict[str, str] = field(default_factory=dict)
    #: the day this build publishes for (ISO), fixed before reading (``posts.visibility``)
    today: str = ""
    #: whole-page drafts and scheduled posts of the last build, hidden from navigation
    hidden_pages: tuple[str, ...] = ()
    #: per document, what its toctrees name (Sphinx's ``toctree_includes`` before
    #: hidden pages are taken out)
    toctree_includes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: documents holding a ``reflectionlist`` or ``growthmap`` (reflections collector)
    reflection_docs: set[str] = field(default_factory=set)
    #: hash of what those show (``reflections.view``); a change rewrites them
    reflection_fingerprint: str = ""
    #: per document, a digest of what the theme's navigation shows of it (its title,
    #: table of contents and toctrees); generated pages are rewritten when it changes
    navigation: dict[str, str] = field(default_factory=dict)
    #: (builder name, output directory) -> what its generated pages were built from
    generated: dict[tuple[str, str], GeneratedOutput] = field(default_factory=dict)
    #: per-process caches of derived views (``query.get_index``); never pickled
    transient: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["transient"] = {}
        return state

    def __repr__(self) -> str:
        # Sphinx logs ``repr()`` of every event's arguments: keep it O(1), not O(posts)
        return f"<CareerBlogData: {len(self.posts)} documents with posts>"

    def note_documents_changed(self) -> None:
        """A document was purged (changed, added or removed) or is about to be read."""
        self.transient[DOCUMENTS_CHANGED] = True

    def documents_unchanged(self) -> bool:
        """Whether this build has so far read, changed and removed no document: then
        everything collected from documents is what the last build pickled."""
        return not self.transient.get(DOCUMENTS_CHANGED)

    def forget_views(self) -> None:
        """Drop views derived from ``posts`` (``query.get_index``): they changed."""
        self.transient.pop(INDEX_VIEW, None)

    def clear_doc(self, docname: str) -> None:
        self.forget_views()
        self.posts.pop(docname, None)
        self.listing_docs.discard(docname)
        self.toctree_includes.pop(docname, None)

    def merge(self, docnames: Iterable[str], other: CareerBlogData) -> None:
        self.forget_views()
        for docname in docnames:
            if docname in other.posts:
                self.posts[docname] = other.posts[docname]
            if docname in other.listing_docs:
                self.listing_docs.add(docname)
            if docname in other.toctree_includes:
                self.toctree_includes[docname] = other.toctree_includes[docname]

    def iter_posts(self) -> Iterator[PostRecord]:
        for docname in sorted(self.posts):
            yield from self.posts[docname]

    def find_post(self, docname: str, anchor: str = "") -> PostRecord | None:
        for record in self.posts.get(docname, ()):
            if record.anchor == anchor:
                return record
        return None

    def page_post(self, docname: str) -> PostRecord | None:
        return self.find_post(docname, "")

    def listed_posts(self, config: Config) -> list[PostRecord]:
        """Posts that indexes show, newest first (ties broken by docname for stability).

        ``exclude`` posts are listed too (ABlog's meaning: only the post directive's
        content is left off the post's own page)."""
        include_drafts: bool = config.careerblog_include_drafts
        posts = [post for post in self.iter_posts() if include_drafts or not post.is_draft]
        return sort_newest_first(posts)


def sort_newest_first(posts: Iterable[PostRecord]) -> list[PostRecord]:
    posts = list(posts)
    undated = [post for post in posts if post.date is None]
    dated = [post for post in posts if post.date is not None]
    dated.sort(key=lambda post: (post.key, post.order))
    dated.sort(key=_sortable, reverse=True)
    return dated + sorted(undated, key=lambda post: (post.key, post.order))


def _sortable(post: PostRecord) -> float:
    assert post.date is not None
    date = post.date
    if date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return date.timestamp()


#: the one attribute of ours on the environment (pickled with it)
STORE_ATTRIBUTE = "careerblog"


def get_store(env: BuildEnvironment) -> CareerBlogData:
    store = getattr(env, STORE_ATTRIBUTE, None)
    if not isinstance(store, CareerBlogData):
        store = CareerBlogData()
        # BuildEnvironment declares no such attribute: it is ours, set by name
        setattr(env, STORE_ATTRIBUTE, store)
    return store
