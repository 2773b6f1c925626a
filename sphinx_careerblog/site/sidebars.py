"""Context for the sidebar templates ``careerblog/{recent,categories,tags,archives}.html``.

An ``html-page-context`` handler puts ``careerblog_sidebar`` into every HTML page:
the few recent posts, every category and tag with its count, and the years, each
with a link relative to that page (or ``None`` where the builder has no generated
pages, as in singlehtml: the templates then show plain text).

What the sidebars show apart from links is the same on every page; it is computed
once per ``BlogIndex`` (``BlogIndex.derived``, a pure function of the index, the
configuration and the builder). The links are made for each page with the builder's
own ``get_relative_uri``, so a page the sidebars link to gets ``#``.

Sidebars never go stale: when what they show changes (``sidebar_fingerprint``) and
one of these templates is configured in ``html_sidebars``, ``refresh_sidebars``
rewrites every document, and ``freshness`` every generated page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.data.query import BlogIndex, get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import post_count
from sphinx_careerblog.site import links
from sphinx_careerblog.site.contexts import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.store import CareerBlogData


class RecentItem(TypedDict):
    title: str
    date: str | None
    iso: str | None
    draft: bool
    url: str | None


class CountedItem(TypedDict, total=False):
    title: str
    year: int
    count: int
    count_label: str
    url: str | None


class SidebarView(TypedDict):
    """``careerblog_sidebar``: what the sidebar templates show on one page."""

    recent_limit: int
    recent: list[RecentItem]
    categories: list[CountedItem]
    tags: list[CountedItem]
    archives: list[CountedItem]
    index_url: str | None
    categories_url: str | None
    tags_url: str | None
    archive_url: str | None
    labels: dict[str, str]


@dataclass(frozen=True)
class _Counted:
    pagename: str  # where the item links to
    title: str | None  # terms
    year: int | None  # years
    count: int


@dataclass(frozen=True)
class _Shown:
    """The page-independent part of the sidebars."""

    generated: bool
    recent: tuple[tuple[PostRecord, str | None, str | None], ...]  # (post, date, iso)
    categories: tuple[_Counted, ...]
    tags: tuple[_Counted, ...]
    years: tuple[_Counted, ...]
    labels: dict[str, str]


def _shown(app: Sphinx, index: BlogIndex) -> _Shown:
    config = app.config
    root: str = config.careerblog_path
    recent = []
    for post in index.posts[: config.careerblog_sidebar_recent]:
        date = post.date
        shown_date = (
            format_date(config.careerblog_date_format, date, config.language) if date else None
        )
        iso = format_iso(date, post.fields.date_has_time) if date is not None else None
        recent.append((post, shown_date, iso))

    def terms(kind: paths.TermKind) -> tuple[_Counted, ...]:
        return tuple(
            _Counted(paths.term_page(root, kind, term.label), term.title, None, len(term.posts))
            for term in index.terms(kind)
        )

    years = tuple(
        _Counted(paths.year_page(root, year), None, year, len(posts))
        for year, posts in index.years()
    )
    generated = links.generated_pages_available(app)
    return _Shown(generated, tuple(recent), terms("category"), terms("tag"), years, labels())


def sidebar_context(app: Sphinx, pagename: str) -> SidebarView:
    """What the sidebar templates show on ``pagename``."""
    index = get_index(app)
    shown = index.derived("careerblog.sidebars", lambda: _shown(app, index))
    root: str = app.config.careerblog_path

    def rel(target: str) -> str | None:
        if not shown.generated:
            return None
        return app.builder.get_relative_uri(pagename, target) or "#"

    def counted(items: tuple[_Counted, ...]) -> list[CountedItem]:
        result: list[CountedItem] = []
        for item in items:
            entry: CountedItem = {
                "count": item.count,
                "count_label": post_count(item.count),
                "url": rel(item.pagename),
            }
            if item.title is not None:
                entry["title"] = item.title
            if item.year is not None:
                entry["year"] = item.year
            result.append(entry)
        return result

    recent: list[RecentItem] = []
    for post, date, iso in shown.recent:
        url = links.post_uri(app, pagename, post)
        recent.append(
            {
                "title": post.listed_title,
                "date": date,
                "iso": iso,
                "draft": post.is_draft,
                "url": None if url is None else (url or "#"),
            }
        )
    return {
        "recent_limit": app.config.careerblog_sidebar_recent,
        "recent": recent,
        "categories": counted(shown.categories),
        "tags": counted(shown.tags),
        "archives": counted(shown.years),
        "index_url": rel(paths.index_page(root)),
        "categories_url": rel(paths.overview_page(root, "categories")),
        "tags_url": rel(paths.overview_page(root, "tags")),
        "archive_url": rel(paths.overview_page(root, "archive")),
        "labels": shown.labels,
    }


def add_sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: give every page the data the sidebar templates show."""
    if app.builder.format != "html":
        return
    context["careerblog_sidebar"] = sidebar_context(app, pagename)


# -- freshness -------------------------------------------------------------------------


def sidebar_fingerprint(app: Sphinx, store: CareerBlogData) -> str:
    """A hash of what the sidebar templates show (titles, dates, links, terms, counts)."""
    digest = hashlib.sha256()
    for post in store.listed_posts(app.config):
        fields = post.fields
        digest.update(repr((post.key, post.listed_title, fields.date, fields.date_has_time,
                            fields.categories, fields.tags, fields.visibility,
                            fields.external_link, post.is_draft, fields.authors,
                            fields.location, fields.language)).encode())  # fmt: skip
    return digest.hexdigest()


def uses_careerblog_sidebars(app: Sphinx) -> bool:
    sidebars = getattr(app.config, "html_sidebars", {}) or {}
    return any(
        any(str(name).startswith(("careerblog/", "ablog/")) for name in templates)
        for templates in sidebars.values()
    )


def refresh_sidebars(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every document, when what the blog sidebars show changed."""
    store = get_store(env)
    sidebar = sidebar_fingerprint(app, store)
    if sidebar == store.sidebar_fingerprint:
        return []
    store.sidebar_fingerprint = sidebar
    return sorted(env.found_docs) if uses_careerblog_sidebars(app) else []
