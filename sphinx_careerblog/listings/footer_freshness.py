"""When a post's footer (related posts, its series' parts, date neighbours) is written
again: the footer of every post whose signature changed.

Related posts are the costly part (each post ranks every post sharing a term with
it). They are ranked again only for the posts they can have changed for: a post's
related list depends on the other posts' terms, order, titles, dates, links and
visibility, and the order of two posts that did not change never changes. So when
some posts changed, only those and the posts sharing a term (before or after the
change) with one of them can show other related posts; the others keep theirs.
Series parts and date neighbours are cheap and computed for every post.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sphinx_careerblog.data.paths import SERIES
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.selection import date_neighbours, related_posts, series_parts
from sphinx_careerblog.data.slugs import slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.store import CareerBlogData

#: what a footer shows of another post, and what ranks it among related posts
NeighbourRecord = tuple[object, ...]


def neighbour_record(post: PostRecord) -> NeighbourRecord:
    fields = post.fields
    return (post.listed_title, fields.date, fields.categories, fields.tags, fields.series,
            fields.visibility, fields.exclude, fields.external_link, post.is_draft,
            fields.scheduled)  # fmt: skip


def refresh_footers(app: Sphinx, store: CareerBlogData) -> set[str]:
    """The documents whose post footers show something else than last time (and the
    remembered signatures updated)."""
    records = {post.key: neighbour_record(post) for post in store.iter_posts()}
    settings = (app.config.careerblog_related, app.config.careerblog_prev_next,
                bool(app.config.careerblog_include_drafts))  # fmt: skip
    if records == store.neighbour_records and settings == store.neighbour_settings:
        return set()
    rank_again = None
    if settings == store.neighbour_settings and store.neighbour_records:
        rank_again = _affected(store.neighbour_records, records)
    related = _related_signatures(app, store, rank_again)
    signatures = _footer_signatures(app, store, related)
    changed = {
        key.partition("#")[0]
        for key, signature in signatures.items()
        if store.footer_signatures.get(key) != signature
    }
    store.neighbour_records, store.neighbour_settings = records, settings
    store.related_signatures, store.footer_signatures = related, signatures
    return changed


def _terms(record: NeighbourRecord) -> set[tuple[str, str]]:
    categories, tags = record[2], record[3]
    assert isinstance(categories, tuple) and isinstance(tags, tuple)
    return {("category", slugify(str(value))) for value in categories} | {
        ("tag", slugify(str(value))) for value in tags
    }


def _affected(old: dict[str, NeighbourRecord], new: dict[str, NeighbourRecord]) -> set[str]:
    """The posts whose related posts may differ: the changed ones and every post
    sharing a term, before or after, with a changed one."""
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    touched: set[tuple[str, str]] = set()
    for key in changed:
        for records in (old, new):
            if key in records:
                touched |= _terms(records[key])
    return changed | {key for key, record in new.items() if _terms(record) & touched}


def _related_signatures(
    app: Sphinx, store: CareerBlogData, rank_again: set[str] | None
) -> dict[str, str]:
    """Per post, what its related posts show; ``rank_again`` None ranks every post."""
    index = get_index(app)
    count: int = app.config.careerblog_related
    previous = store.related_signatures
    signatures: dict[str, str] = {}
    for post in store.iter_posts():
        if rank_again is not None and post.key not in rank_again and post.key in previous:
            signatures[post.key] = previous[post.key]
        else:
            signatures[post.key] = _shown(related_posts(index, post, count))
    return signatures


def _footer_signatures(
    app: Sphinx, store: CareerBlogData, related: dict[str, str]
) -> dict[str, str]:
    """Per post, what its footer shows: its related posts, the parts of its series
    (with the series' title) and its date neighbours."""
    index = get_index(app)
    prev_next: bool = app.config.careerblog_prev_next
    signatures: dict[str, str] = {}
    for post in store.iter_posts():
        parts = series_parts(index, post)
        series = index.term(SERIES, post.fields.series or "") if parts else None
        shown: list[PostRecord | None] = list(parts)
        if prev_next:
            shown += date_neighbours(index, post)
        title = series.title if series is not None else None
        signatures[post.key] = _digest((related[post.key], title, _shown(shown)))
    return signatures


def _digest(value: object) -> str:
    # kept in the environment for every post: a hash, not the text it is made from
    return hashlib.sha256(repr(value).encode()).hexdigest()


def _shown(posts: list[PostRecord | None] | list[PostRecord]) -> str:
    return _digest(
        [
            (other.key, other.listed_title, other.date, other.fields.external_link,
             other.is_draft, other.fields.scheduled)  # a preview marks "Scheduled for DATE"
            if other
            else None
            for other in posts
        ]
    )  # fmt: skip
