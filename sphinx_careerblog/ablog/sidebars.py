"""Context for ABlog's sidebar names (``ablog/*.html`` in ``html_sidebars``).

``recentposts``, ``tagcloud``, ``categories`` and ``archives`` are our own
sidebars under ABlog's names (they read ``careerblog_sidebar``). This module adds
``careerblog_ablog`` for the rest: the authors, languages and locations boxes (the
same on every page, counted like the other boxes and kept fresh the same way) and
the postcard, which shows the current page's own post.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_careerblog.ablog.terms import PLACE_KINDS, PlaceKind, place_terms, place_values
from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, draft_mark, reading_time
from sphinx_careerblog.site import links

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

ABLOG_PREFIX = "ablog/"


def uses_ablog_sidebars(app: Sphinx) -> bool:
    sidebars = getattr(app.config, "html_sidebars", {}) or {}
    return any(
        any(str(name).startswith(ABLOG_PREFIX) for name in templates)
        for templates in sidebars.values()
    )


def labels() -> dict[str, str]:
    return {
        "authors": _("Authors"),
        "languages": _("Languages"),
        "locations": _("Locations"),
        "no_posts": _("No posts."),
        "draft": _("Draft"),
        "updated": _("Updated"),
        "author": _("Author"),
        "location": _("Location"),
        "language": _("Language"),
        "category": _("Category"),
        "tags": _("Tags"),
        "reading_time": _("Reading time"),
    }


def _rel(app: Sphinx, pagename: str, target: str | None) -> str | None:
    if target is None or not links.generated_pages_available(app):
        return None
    return app.builder.get_relative_uri(pagename, target) or "#"


def _place_items(app: Sphinx, pagename: str, kind: PlaceKind) -> list[dict[str, Any]]:
    return [
        {"title": term.title, "count": len(term.posts), "url": _rel(app, pagename, term.pagename)}
        for term in place_terms(app, get_index(app), kind)
        if term.posts
    ]


def boxes(app: Sphinx, pagename: str) -> dict[str, Any]:
    """The authors, languages and locations boxes, linked relative to ``pagename``."""
    index = get_index(app)
    root: str = app.config.careerblog_path
    authors = [
        {
            "title": term.title,
            "count": len(term.posts),
            "url": _rel(app, pagename, paths.term_page(root, "author", term.label)),
        }
        for term in index.terms("author")
    ]
    return {
        "authors": authors,
        "authors_url": _rel(app, pagename, paths.overview_page(root, "authors")),
        **{f"{kind}s": _place_items(app, pagename, kind) for kind in PLACE_KINDS},
        "languages_url": _rel(app, pagename, paths.overview_page(root, "languages")),
        "locations_url": _rel(app, pagename, paths.overview_page(root, "locations")),
    }


def postcard(app: Sphinx, pagename: str, post: PostRecord) -> dict[str, Any]:
    """What the postcard shows of the page's own post, linked relative to the page."""
    config = app.config
    fields = post.fields

    def shown(date: Any) -> str:
        return format_date(config.careerblog_date_format, date, config.language)

    def terms(kind: paths.TermKind, values: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {"title": links.term_title(app, kind, value),
             "url": links.term_uri(app, pagename, kind, value)}
            for value in values
        ]  # fmt: skip

    authors = []
    for author in fields.authors:
        name, uri = links.author_link(app, pagename, author)
        authors.append({"title": name, "url": uri})
    places = {}
    for kind in PLACE_KINDS:
        known = {term.key: term for term in place_terms(app, get_index(app), kind)}
        places[f"{kind}s"] = [
            {"title": known[key].title if key in known else key,
             "url": _rel(app, pagename, known[key].pagename) if key in known else None}
            for key in place_values(post, kind)
        ]  # fmt: skip
    return {
        "title": post.listed_title,
        "date": shown(fields.date) if fields.date is not None else None,
        "iso": format_iso(fields.date, fields.date_has_time) if fields.date is not None else None,
        "updated": shown(fields.updated) if fields.updated is not None else None,
        "draft": post.is_draft,
        "scheduled": fields.scheduled,
        "mark": draft_mark(fields.scheduled, shown(fields.date) if fields.date else None)
        if post.is_draft
        else "",
        "authors": authors,
        "categories": terms("category", fields.categories),
        "tags": terms("tag", fields.tags),
        "reading_time": reading_time(post.reading_minutes),
        **places,
    }


def add_ablog_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: ``careerblog_ablog`` for the ``ablog/*.html`` sidebars."""
    if app.builder.format != "html" or not uses_ablog_sidebars(app):
        return
    view = {"labels": labels(), **boxes(app, pagename), "postcard": None}
    post = get_store(app.env).page_post(pagename) if doctree is not None else None
    if post is not None:
        view["postcard"] = postcard(app, pagename, post)
    context["careerblog_ablog"] = view
