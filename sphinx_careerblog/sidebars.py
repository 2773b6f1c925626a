"""Context for the sidebar templates ``careerblog/{recent,categories,tags,archives}.html``.

An ``html-page-context`` handler puts ``careerblog_sidebar`` into every HTML page:
the few recent posts, every category and tag with its count, and the years, each
with a link relative to that page (or ``None`` where the builder has no generated
pages, as in singlehtml: the templates then show plain text).

Sidebars never go stale: the collector's ``get_updated_docs`` rewrites every page
when what they show changes (``collector.sidebar_fingerprint``) and one of these
templates is configured in ``html_sidebars``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import links, paths
from .dates import format_date, format_iso
from .pages import href, labels, pages_enabled
from .query import get_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def sidebar_context(app: Sphinx, pagename: str) -> dict[str, Any]:
    """What the sidebar templates show on ``pagename``."""
    config = app.config
    index = get_index(app)
    root: str = config.careerblog_path
    count: int = config.careerblog_sidebar_recent
    generated = pages_enabled(app)
    recent = [
        {
            "title": post.listed_title,
            "url": href(links.post_uri(app, pagename, post)),
            "date": format_date(config.careerblog_date_format, post.date, config.language)
            if post.date is not None
            else None,
            "iso": format_iso(post.date, post.fields.date_has_time)
            if post.date is not None
            else None,
            "draft": post.is_draft,
        }
        for post in index.posts[:count]
    ]

    def terms(kind: paths.TermKind) -> list[dict[str, Any]]:
        return [
            {
                "title": term.title,
                "url": href(links.term_uri(app, pagename, kind, term.label)),
                "count": len(term.posts),
            }
            for term in index.terms(kind)
        ]

    def overview(kind: str) -> str | None:
        if not generated:
            return None
        return href(app.builder.get_relative_uri(pagename, paths.overview_page(root, kind)))  # type: ignore[arg-type]

    return {
        "recent_limit": count,
        "recent": recent,
        "categories": terms("category"),
        "tags": terms("tag"),
        "archives": [
            {"year": year, "url": href(links.year_uri(app, pagename, year)), "count": len(posts)}
            for year, posts in index.years()
        ],
        "index_url": href(app.builder.get_relative_uri(pagename, paths.index_page(root)))
        if generated
        else None,
        "categories_url": overview("categories"),
        "tags_url": overview("tags"),
        "archive_url": overview("archive"),
        "labels": labels(),
    }


def add_sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: give every page the data the sidebar templates show."""
    if app.builder.format != "html":
        return
    context["careerblog_sidebar"] = sidebar_context(app, pagename)
