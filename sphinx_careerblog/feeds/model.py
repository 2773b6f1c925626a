"""The feed model (feeds, entries, people, categories) and the dates feeds use.

``make_entry`` turns a post into an ``Entry``; the serialisers (``atom``, ``rss``,
``jsonfeed``) only format entries.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sphinx_careerblog.feeds.fulltext import BodyRenderer
from sphinx_careerblog.feeds.plan import (
    SiteUrls,
    entry_id,
    post_url,
)
from sphinx_careerblog.site.links import term_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord

#: Sphinx's placeholder values of ``author``: not a name to put in a feed.
_PLACEHOLDER_AUTHORS = frozenset({"", "unknown", "Author name not set"})


# -- dates ------------------------------------------------------------------------------


def as_utc(value: dt.datetime) -> dt.datetime:
    """A naive date-time is UTC; an aware one is converted to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def rfc3339(value: dt.datetime) -> str:
    return as_utc(value).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(value: dt.datetime) -> str:
    return email.utils.format_datetime(as_utc(value).replace(microsecond=0), usegmt=True)


def published(post: PostRecord) -> dt.datetime:
    assert post.date is not None
    return as_utc(post.date)


def updated(post: PostRecord) -> dt.datetime:
    """``updated`` (which already holds the latest ``update`` directive), else ``date``.

    Never earlier than the publication date (an ``updated`` before ``date`` is a typo).
    """
    latest = post.fields.updated
    return max(as_utc(latest), published(post)) if latest is not None else published(post)


# -- the feed model ---------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Category:
    kind: str  # "category" or "tag"
    label: str  # as the author wrote it
    title: str  # declared title, else the label


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str  # where a reader goes: the external article, else the post
    post_url: str  # the post in the handbook
    external_url: str | None
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[Person, ...]
    categories: tuple[Category, ...]
    summary: str
    content_html: str | None
    image: str | None
    language: str | None


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home_url: str
    language: str
    author: Person
    entries: tuple[Entry, ...]
    scheme_base: str  # category/tag scheme URLs start here
    #: format -> absolute URL of that feed's own file
    self_urls: dict[str, str] = field(default_factory=dict)

    @property
    def updated(self) -> dt.datetime:
        return max(entry.updated for entry in self.entries)


def site_language(config: Config) -> str:
    return str(config.language or "en").replace("_", "-")


def feed_author(config: Config) -> Person:
    name = str(getattr(config, "author", "") or "").strip()
    if name in _PLACEHOLDER_AUTHORS:
        name = str(config.careerblog_title or config.project)
    return Person(name)


def image_url(app: Sphinx, post: PostRecord, urls: SiteUrls) -> str | None:
    """The absolute URL of a post's image, wherever the author pointed."""
    image = post.image
    if not image:
        return None
    if urlsplit(image).scheme or image.startswith("//"):
        return image
    env = app.env
    imagedir = getattr(app.builder, "imagedir", "_images")
    # as written (relative to the source root), then as an image directive reads it
    candidates = [image, str(env.relfn2path(image, post.docname)[0])]
    for candidate in candidates:
        if candidate in env.images:
            return urls.url(f"{imagedir}/{env.images[candidate][1]}")
    # a file the site publishes itself (html_static_path, html_extra_path)
    return urls.url(image.lstrip("/"))


def make_entry(
    app: Sphinx, post: PostRecord, urls: SiteUrls, renderer: BodyRenderer | None
) -> Entry:
    config = app.config
    builder = app.builder
    authors_config: dict[str, dict[str, str]] = config.careerblog_authors
    authors = tuple(
        Person(
            str(authors_config.get(key, {}).get("name", key)),
            authors_config.get(key, {}).get("url") or None,
        )
        for key in post.fields.authors
    )
    categories = tuple(
        Category("category", label, term_title(app, "category", label))
        for label in post.fields.categories
    ) + tuple(Category("tag", label, term_title(app, "tag", label)) for label in post.fields.tags)
    own_url = post_url(builder, urls, post)
    external = post.fields.external_link
    return Entry(
        id=entry_id(post, urls.base),
        title=post.listed_title,
        link=external or own_url,
        post_url=own_url,
        external_url=external,
        published=published(post),
        updated=updated(post),
        authors=authors,
        categories=categories,
        summary=post.summary,
        content_html=renderer.body(post) if renderer is not None else None,
        image=image_url(app, post, urls),
        language=post.fields.language,
    )
