"""Archive feeds (``careerblog_feed_archives``, ABlog's ``blog_feed_archives``): an
Atom feed beside every tag, author, language, location and year page, named like
the per-category feeds (``blog/tag/<slug>.atom.xml``, ``blog/archive/2024.atom.xml``).
Category feeds are always written (``FeedPlan.categories``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_careerblog.data import paths
from sphinx_careerblog.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.query import BlogIndex

#: the kinds of archive page that get a feed (besides categories)
FEED_KINDS: tuple[paths.TermKind, ...] = ("tag", "author", "language", "location")


@dataclass(frozen=True)
class ArchiveFeed:
    """One archive page's feed: where it goes and what it holds (newest first)."""

    pagename: str  # the archive page it belongs to
    path: str  # the feed file, relative to the output directory
    title: str  # the term's title, or the year
    description: str
    posts: tuple[PostRecord, ...]


def archive_feed_file(pagename: str) -> str:
    return f"{pagename}.atom.xml"


def plan_archive_feeds(
    config: Config, index: BlogIndex, keep: Callable[[PostRecord], bool], length: int
) -> tuple[ArchiveFeed, ...]:
    """The archive feeds of this build (none unless ``careerblog_feed_archives``)."""
    if not config.careerblog_feed_archives:
        return ()
    root: str = config.careerblog_path
    feeds: list[ArchiveFeed] = []
    descriptions = {
        "tag": _("Posts tagged %s"),
        "author": _("Posts by %s"),
        "language": _("Posts written in %s"),
        "location": _("Posts from %(place)s"),
    }
    for kind in FEED_KINDS:
        for term in index.terms(kind):
            posts = tuple(post for post in term.posts if keep(post))[:length]
            if posts:
                pagename = paths.term_page(root, kind, term.label)
                description = (
                    descriptions[kind] % {"place": term.title}
                    if kind == "location"
                    else descriptions[kind] % term.title
                )
                feeds.append(ArchiveFeed(pagename, archive_feed_file(pagename), term.title,
                                         description, posts))  # fmt: skip
    for year, year_posts in index.years():
        posts = tuple(post for post in year_posts if keep(post))[:length]
        if posts:
            pagename = paths.year_page(root, year)
            feeds.append(ArchiveFeed(pagename, archive_feed_file(pagename), str(year),
                                     _("Posts from %s") % year, posts))  # fmt: skip
    return tuple(feeds)


def archive_feed_dirs(root: str) -> list[str]:
    """Directories (under the output directory) where archive feeds may be."""
    return [f"{root}/{kind}" for kind in FEED_KINDS] + [f"{root}/archive"]
