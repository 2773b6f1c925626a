"""Choosing posts for a listing: filters, sorting, limit, related posts, series.

Pure functions over a ``BlogIndex`` (no Sphinx state, no logging): callers report
the unknown filter values that ``select`` returns, where the listing stands.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_careerblog.data.model import VISIBILITIES, PostRecord, slugify
from sphinx_careerblog.data.values import fold

if TYPE_CHECKING:
    from sphinx_careerblog.data.paths import TermKind
    from sphinx_careerblog.data.query import BlogIndex

#: filters naming a category or tag (the index's term kinds)
_TERM_FILTERS: dict[str, TermKind] = {"category": "category", "tag": "tag"}


@dataclass(frozen=True)
class Selection:
    posts: tuple[PostRecord, ...]
    #: (option, value) pairs that name nothing known; each matched no post
    unknown: tuple[tuple[str, str], ...] = field(default=())


def author_keys(value: str, authors: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The author keys a value may mean: the key itself, or a declared name
    (compared loosely: case and spacing do not matter)."""
    keys = [value]
    for key, entry in authors.items():
        if fold(str(entry.get("name", ""))) == fold(value) and key not in keys:
            keys.append(key)
    return keys


def _matching(
    index: BlogIndex,
    option: str,
    value: str,
    authors: Mapping[str, Mapping[str, str]],
    declared: Mapping[str, Collection[str]],
) -> set[str] | None:
    """Keys of the listed posts that ``value`` selects; None if it names nothing known.

    A category, tag or author declared in the configuration is known even while no
    listed post uses it: it selects nothing, without a warning.
    """
    known_but_unused: set[str] | None = (
        set() if slugify(value) in declared.get(option, ()) else None
    )
    term_kind = _TERM_FILTERS.get(option)
    if term_kind is not None:
        term = index.term(term_kind, value)
        return known_but_unused if term is None else {post.key for post in term.posts}
    if option == "author":
        for key in author_keys(value, authors):
            term = index.term("author", key)
            if term is not None:
                return {post.key for post in term.posts}
        return known_but_unused
    if option == "year":
        try:
            year = int(value)
        except ValueError:
            return None
        for listed_year, posts in index.years():
            if listed_year == year:
                return {post.key for post in posts}
        return None
    if option == "visibility":
        if value.lower() not in VISIBILITIES:
            return None
        return {post.key for post in index.posts if post.visibility == value.lower()}
    getter: Callable[[PostRecord], str | None] = {
        "series": lambda post: post.fields.series,
        "location": lambda post: post.fields.location,
        "language": lambda post: post.fields.language,
    }[option]
    keys = {post.key for post in index.posts if fold(getter(post) or "") == fold(value)}
    return keys or None


def select(
    index: BlogIndex,
    filters: Mapping[str, Sequence[str]],
    *,
    authors: Mapping[str, Mapping[str, str]] | None = None,
    declared: Mapping[str, Collection[str]] | None = None,
    exclude_docname: str | None = None,
    sort: str = "date-desc",
    limit: int | None = None,
) -> Selection:
    """The listed posts that pass every filter (AND), each filter matching any of
    its values (OR); sorted and cut to ``limit``.

    ``declared`` maps ``category``/``tag``/``author`` to the slugs the configuration
    declares (see ``declared_slugs``).
    """
    allowed: set[str] | None = None
    unknown: list[tuple[str, str]] = []
    for option, values in filters.items():
        keys: set[str] = set()
        for value in values:
            matched = _matching(index, option, value, authors or {}, declared or {})
            if matched is None:
                unknown.append((option, value))
            else:
                keys |= matched
        allowed = keys if allowed is None else allowed & keys
    posts = [
        post
        for post in index.posts
        if (allowed is None or post.key in allowed) and post.docname != exclude_docname
    ]
    posts = sort_posts(posts, sort)
    if limit is not None:
        posts = posts[:limit]
    return Selection(tuple(posts), tuple(unknown))


def declared_slugs(
    categories: Mapping[str, Mapping[str, str]],
    tags: Mapping[str, Mapping[str, str]],
    authors: Mapping[str, Mapping[str, str]],
) -> dict[str, set[str]]:
    """Slugs of the terms declared in the configuration (keys, titles and names)."""

    def slugs(registry: Mapping[str, Mapping[str, str]], field: str) -> set[str]:
        result = {slugify(key) for key in registry}
        result |= {slugify(str(entry[field])) for entry in registry.values() if entry.get(field)}
        return result

    return {
        "category": slugs(categories, "title"),
        "tag": slugs(tags, "title"),
        "author": slugs(authors, "name"),
    }


def sort_posts(posts: Iterable[PostRecord], sort: str) -> list[PostRecord]:
    """Order posts given newest first: ``date-desc``, ``date-asc`` or ``title``.

    Undated posts (drafts shown with ``careerblog_include_drafts``) stay last.
    """
    posts = list(posts)
    if sort == "title":
        return sorted(posts, key=lambda post: (fold(post.listed_title), post.key))
    if sort == "date-asc":
        dated = [post for post in posts if post.date is not None]
        undated = [post for post in posts if post.date is None]
        return list(reversed(dated)) + undated
    return posts


#: Candidates for a post's related posts: in each of its terms, this many posts on
#: either side of it (its contemporaries). A term of up to ``2 * RELATED_WINDOW + 1``
#: posts is ranked whole; bigger ones cost the same, so ranking stays linear in N.
RELATED_WINDOW = 50


def related_posts(index: BlogIndex, post: PostRecord, count: int) -> list[PostRecord]:
    """Up to ``count`` listed posts sharing the most tags and categories with ``post``,
    among its contemporaries in each term (``RELATED_WINDOW``).

    Ties go to the newer post (the index order), so the choice is stable. Ranked once
    per build and post: the footer and its freshness check ask for the same list.
    """
    if count <= 0:
        return []
    ranked = index.derived("related posts", dict[tuple[str, int], list[PostRecord]])
    key = (post.key, count)
    if key not in ranked:
        ranked[key] = _most_shared(index, post, count)
    return ranked[key]


def _most_shared(index: BlogIndex, post: PostRecord, count: int) -> list[PostRecord]:
    mine = index.term_keys(post)
    place = index.position(post)
    candidates: dict[str, PostRecord] = {}
    for posts in index.sharing_lists(post):
        middle = bisect.bisect_left(posts, place, key=index.position)
        window = posts[max(0, middle - RELATED_WINDOW) : middle + RELATED_WINDOW + 1]
        candidates.update((other.key, other) for other in window)
    candidates.pop(post.key, None)
    return heapq.nsmallest(
        count,
        candidates.values(),
        key=lambda other: (-len(mine & index.term_keys(other)), index.position(other)),
    )


def series_parts(index: BlogIndex, post: PostRecord) -> tuple[PostRecord, ...]:
    """Every listed part of ``post``'s series in series order (``BlogIndex.series``);
    empty when the post has no series or is not listed itself."""
    name = post.fields.series
    if not name:
        return ()
    members = index.series(name)
    if all(member.key != post.key for member in members):
        return ()
    return tuple(members)


def series_neighbours(
    index: BlogIndex, post: PostRecord
) -> tuple[PostRecord | None, PostRecord | None]:
    """The previous (older) and next (newer) listed post of ``post``'s series."""
    members = series_parts(index, post)
    keys = [member.key for member in members]
    if post.key not in keys:
        return None, None
    position = keys.index(post.key)
    previous = members[position - 1] if position > 0 else None
    following = members[position + 1] if position + 1 < len(members) else None
    return previous, following


def date_neighbours(
    index: BlogIndex, post: PostRecord
) -> tuple[PostRecord | None, PostRecord | None]:
    """The previous (older) and next (newer) listed post by date (ABlog's
    ``post_show_prev_next``); none for drafts and for posts that are not listed."""
    if post.date is None or index.post(post.key) is None:
        return None, None
    position = index.position(post)  # newest first; undated posts come last
    newer = index.posts[position - 1] if position > 0 else None
    older = index.posts[position + 1] if position + 1 < len(index.posts) else None
    return (older if older is not None and older.date is not None else None), newer
