"""Context for the sidebar templates ``careerblog/{recent,categories,tags,archives}.html``.

An ``html-page-context`` handler puts ``careerblog_sidebar`` into every HTML page:
the few recent posts, every category and tag with its count, and the years, each
with a link relative to that page (or ``None`` where the builder has no generated
pages, as in singlehtml: the templates then show plain text).

What the sidebars show is the same on every page, so it is computed once per build
state (``_shared``, cached next to the ``BlogIndex`` it comes from); per page only the
links are made relative.

Sidebars never go stale: the collector's ``get_updated_docs`` rewrites every page
when what they show changes (``collector.sidebar_fingerprint``) and one of these
templates is configured in ``html_sidebars``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import links, paths
from .dates import format_date, format_iso
from .pages import labels, pages_enabled
from .query import BlogIndex, get_index
from .store import get_store

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .model import PostRecord

_CACHE_KEY = "careerblog.sidebars"


@dataclass(frozen=True)
class _Shared:
    """The page-independent part of the sidebar context."""

    index: BlogIndex
    generated: bool
    recent: tuple[tuple[PostRecord, dict[str, Any]], ...]
    terms: dict[paths.TermKind, tuple[tuple[str, dict[str, Any]], ...]]  # (pagename, item)
    years: tuple[tuple[str, dict[str, Any]], ...]
    labels: dict[str, str]


def _shared(app: Sphinx) -> _Shared:
    index = get_index(app)
    generated = pages_enabled(app)
    cache = get_store(app.env).transient
    cached = cache.get(_CACHE_KEY)
    if isinstance(cached, _Shared) and cached.index is index and cached.generated == generated:
        return cached
    config = app.config
    root: str = config.careerblog_path
    count: int = config.careerblog_sidebar_recent
    recent = []
    for post in index.posts[:count]:
        date = post.date
        item = {
            "title": post.listed_title,
            "date": format_date(config.careerblog_date_format, date, config.language)
            if date is not None
            else None,
            "iso": format_iso(date, post.fields.date_has_time) if date is not None else None,
            "draft": post.is_draft,
        }
        recent.append((post, item))
    terms = {
        kind: tuple(
            (
                paths.term_page(root, kind, term.label),
                {"title": term.title, "count": len(term.posts)},
            )
            for term in index.terms(kind)
        )
        for kind in ("category", "tag")
    }
    years = tuple(
        (paths.year_page(root, year), {"year": year, "count": len(posts)})
        for year, posts in index.years()
    )
    shared = _Shared(index, generated, tuple(recent), terms, years, labels())  # type: ignore[arg-type]
    cache[_CACHE_KEY] = shared
    return shared


def sidebar_context(app: Sphinx, pagename: str) -> dict[str, Any]:
    """What the sidebar templates show on ``pagename``."""
    shared = _shared(app)
    root: str = app.config.careerblog_path
    builder = app.builder

    def rel(target: str) -> str | None:
        if not shared.generated:
            return None
        return builder.get_relative_uri(pagename, target) or "#"

    def linked(items: tuple[tuple[str, dict[str, Any]], ...]) -> list[dict[str, Any]]:
        return [{**item, "url": rel(target)} for target, item in items]

    recent = []
    for post, item in shared.recent:
        url = links.post_uri(app, pagename, post)
        recent.append({**item, "url": None if url is None else (url or "#")})
    return {
        "recent_limit": app.config.careerblog_sidebar_recent,
        "recent": recent,
        "categories": linked(shared.terms["category"]),
        "tags": linked(shared.terms["tag"]),
        "archives": linked(shared.years),
        "index_url": rel(paths.index_page(root)),
        "categories_url": rel(paths.overview_page(root, "categories")),
        "tags_url": rel(paths.overview_page(root, "tags")),
        "archive_url": rel(paths.overview_page(root, "archive")),
        "labels": shared.labels,
    }


def add_sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: give every page the data the sidebar templates show."""
    if app.builder.format != "html":
        return
    context["careerblog_sidebar"] = sidebar_context(app, pagename)
