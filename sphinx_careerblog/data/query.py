"""Read-only views over the store: listed posts grouped by category, tag, author, year.

Everything that lists posts (postlist, taxonomy, generated pages, sidebars, feeds)
asks a ``BlogIndex`` instead of walking the store itself, so they agree. The index
is computed once per build state and cached on the store (never pickled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from sphinx_careerblog.data.model import PostRecord, slugify
from sphinx_careerblog.data.paths import ARCHIVE_KINDS, SERIES, TermKind
from sphinx_careerblog.data.store import INDEX_VIEW, get_store

T = TypeVar("T")

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import CareerBlogData


@dataclass(frozen=True)
class Term:
    """One category, tag or author and the listed posts that carry it (newest first)."""

    kind: TermKind
    slug: str
    label: str  # as the first post (in docname order) wrote it
    title: str  # declared title, else the label
    posts: tuple[PostRecord, ...]


@dataclass(frozen=True)
class SlugCollision:
    kind: TermKind
    slug: str
    labels: tuple[str, ...]
    posts: tuple[PostRecord, ...]


class BlogIndex:
    """The listed posts of one build, with their taxonomy."""

    def __init__(self, config: Config, posts: list[PostRecord]) -> None:
        self.posts: tuple[PostRecord, ...] = tuple(posts)
        self._terms: dict[TermKind, dict[str, Term]] = {}
        self.collisions: list[SlugCollision] = []
        self._term_keys: dict[str, frozenset[tuple[str, str]]] = {}
        self._positions = {post.key: index for index, post in enumerate(self.posts)}
        self._by_key = {post.key: post for post in self.posts}
        self._derived: dict[str, object] = {}
        self._config = config
        for kind in (*ARCHIVE_KINDS, SERIES):
            self._terms[kind] = self._group(config, kind)

    @staticmethod
    def values(post: PostRecord, kind: TermKind) -> tuple[str, ...]:
        fields = post.fields
        if kind == "category":
            return fields.categories
        if kind == "tag":
            return fields.tags
        if kind == "author":
            return fields.authors
        if kind == SERIES:
            return (fields.series,) if fields.series else ()
        # ABlog's ``language``/``location`` may name several, comma-separated
        text = fields.language if kind == "language" else fields.location
        return tuple(
            dict.fromkeys(part.strip() for part in (text or "").split(",") if part.strip())
        )

    def _group(self, config: Config, kind: TermKind) -> dict[str, Term]:
        # dicts keyed by post key / label: ordered sets, without comparing records
        by_slug: dict[str, dict[str, PostRecord]] = {}
        labels: dict[str, dict[str, None]] = {}
        for post in sorted(self.posts, key=lambda p: (p.key, p.order)):
            for value in self.values(post, kind):
                slug = slugify(value)
                by_slug.setdefault(slug, {}).setdefault(post.key, post)
                labels.setdefault(slug, {})[value] = None
        terms: dict[str, Term] = {}
        order = self._positions
        for slug, members in by_slug.items():
            spellings = list(labels[slug])
            posts = sorted(members.values(), key=lambda p: order[p.key])
            distinct = sorted({label.casefold() for label in spellings})
            if len(distinct) > 1:
                # in docname order, as read
                collision = SlugCollision(kind, slug, tuple(spellings), tuple(members.values()))
                self.collisions.append(collision)
            label = spellings[0]
            terms[slug] = Term(kind, slug, label, declared_title(config, kind, label), tuple(posts))
        return dict(sorted(terms.items(), key=lambda item: item[1].title.casefold()))

    def terms(self, kind: TermKind) -> list[Term]:
        """Every term of a kind, sorted by title."""
        return list(self._terms[kind].values())

    def page_terms(self, kind: TermKind) -> list[Term]:
        """The terms that have a page: every listed one, and every declared category
        or tag (``careerblog_categories``, ``careerblog_tags``) even when no listed
        post carries it, so links to its page keep working. Sorted by title."""
        terms = self.terms(kind)
        if kind not in ("category", "tag"):
            return terms
        declared = (
            self._config.careerblog_categories
            if kind == "category"
            else self._config.careerblog_tags
        )
        empty = [
            Term(kind, slugify(key), key, declared_title(self._config, kind, key), ())
            for key in declared
            if self.term(kind, key) is None
        ]
        return sorted(terms + empty, key=lambda term: term.title.casefold()) if empty else terms

    def term(self, kind: TermKind, name: str) -> Term | None:
        """A term by label, slug or declared key."""
        return self._terms[kind].get(slugify(name)) or self._terms[kind].get(name)

    def years(self) -> list[tuple[int, tuple[PostRecord, ...]]]:
        """Years with posts, newest first."""
        grouped: dict[int, list[PostRecord]] = {}
        for post in self.posts:
            if post.date is not None:
                grouped.setdefault(post.date.year, []).append(post)
        return [(year, tuple(grouped[year])) for year in sorted(grouped, reverse=True)]

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """A view computed from this index once per build (e.g. the feed plan), so
        per-page handlers do not redo whole-blog work for every page."""
        if name not in self._derived:
            self._derived[name] = compute()
        # each name is only ever computed by one caller, so its value has that type
        return cast("T", self._derived[name])

    def post(self, key: str) -> PostRecord | None:
        return self._by_key.get(key)

    def term_keys(self, post: PostRecord) -> frozenset[tuple[str, str]]:
        """The (kind, slug) pairs of a post's categories and tags."""
        keys = self._term_keys.get(post.key)
        if keys is None:
            fields = post.fields
            keys = frozenset(
                [("category", slugify(value)) for value in fields.categories]
                + [("tag", slugify(value)) for value in fields.tags]
            )
            self._term_keys[post.key] = keys
        return keys

    def sharing_lists(self, post: PostRecord) -> list[tuple[PostRecord, ...]]:
        """The listed posts of each category and tag of ``post``, one tuple per term,
        each newest first (the index order)."""
        lists = []
        for kind, slug in sorted(self.term_keys(post)):
            term = self._terms["category" if kind == "category" else "tag"].get(slug)
            if term is not None:
                lists.append(term.posts)
        return lists

    def position(self, post: PostRecord) -> int:
        """Place of a listed post in newest-first order."""
        return self._positions.get(post.key, len(self.posts))

    def key_position(self, key: str) -> int:
        """``position`` by post key."""
        return self._positions.get(key, len(self.posts))

    def series(self, name: str) -> list[PostRecord]:
        """The parts of one series (named by label or slug) in series order: by date,
        oldest first; undated parts (drafts, in a preview) last."""
        term = self.term(SERIES, name)
        if term is None:
            return []
        dated = [post for post in reversed(term.posts) if post.date is not None]
        return dated + [post for post in term.posts if post.date is None]


def declared_title(config: Config, kind: TermKind, label: str) -> str:
    """The declared title of a category or tag, else the label as written."""
    if kind == "author":
        return str(config.careerblog_authors.get(label, {}).get("name", label))
    if kind == SERIES:
        return label
    if kind in ("language", "location"):
        places = config.careerblog_languages if kind == "language" else config.careerblog_locations
        return str(places.get(label, {}).get("name", label))
    declared = config.careerblog_categories if kind == "category" else config.careerblog_tags
    entry = declared.get(label) or declared.get(slugify(label)) or {}
    return str(entry.get("title", label))


def get_index(app: Sphinx) -> BlogIndex:
    """The index of the current build (cached until the store's posts change)."""
    return env_index(app.env)


def env_index(env: BuildEnvironment) -> BlogIndex:
    """``get_index`` for code that is handed the environment only (the ``blog``
    domain): the index depends on nothing but the store and ``env.config``."""
    config = env.config
    store = get_store(env)
    # the store drops this cache whenever its posts change (``forget_views``)
    key = (len(store.posts), bool(config.careerblog_include_drafts))
    cache = _cache(store)
    if cache.get("key") != key:
        cache.clear()
        cache["key"] = key
        cache["index"] = BlogIndex(config, store.listed_posts(config))
    index = cache["index"]
    assert isinstance(index, BlogIndex)
    return index


def _cache(store: CareerBlogData) -> dict[str, object]:
    # a namespace of its own: other per-build views live in ``transient`` too
    cache = store.transient.setdefault(INDEX_VIEW, {})
    assert isinstance(cache, dict)
    return cache
