"""Context for the sidebar templates ``careerblog/{recent,categories,tags,archives}.html``.

An ``html-page-context`` handler puts ``careerblog_sidebar`` into every HTML page:
the few recent posts, every category and tag with its count, and the years, each
with a link relative to that page (or ``None`` where the builder has no generated
pages, as in singlehtml: the templates then show plain text).

What the sidebars show is the same on every page, so it is computed once per build
state (``_shared``, cached next to the ``BlogIndex`` it comes from). Links are
relative, so under html and dirhtml they depend only on the page's directory: the
finished context is kept per directory, and only a page that the sidebars link to
gets a copy with its own links turned into ``#``. The result never depends on the
order pages are written in (``-j``).

Sidebars never go stale: the collector's ``get_updated_docs`` rewrites every page
when what they show changes (``collector.sidebar_fingerprint``) and one of these
templates is configured in ``html_sidebars``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx.util.osutil import relative_uri

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.data.query import BlogIndex, get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import post_count
from sphinx_careerblog.site import links
from sphinx_careerblog.site.pages import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

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
    #: the finished context of each page directory (html and dirhtml builders)
    by_directory: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)


def _shared(app: Sphinx) -> _Shared:
    index = get_index(app)
    generated = links.generated_pages_available(app)
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
                {
                    "title": term.title,
                    "count": len(term.posts),
                    "count_label": post_count(len(term.posts)),
                },
            )
            for term in index.terms(kind)
        )
        for kind in ("category", "tag")
    }
    years = tuple(
        (
            paths.year_page(root, year),
            {"year": year, "count": len(posts), "count_label": post_count(len(posts))},
        )
        for year, posts in index.years()
    )
    shared = _Shared(index, generated, tuple(recent), terms, years, labels())  # type: ignore[arg-type]
    cache[_CACHE_KEY] = shared
    return shared


def sidebar_context(app: Sphinx, pagename: str) -> dict[str, Any]:
    """What the sidebar templates show on ``pagename``."""
    shared = _shared(app)
    builder = app.builder
    if builder.name in _BY_DIRECTORY:
        # links depend only on the page's directory: compute them once per directory
        directory = posixpath.dirname(builder.get_target_uri(pagename))
        cached = shared.by_directory.get(directory)
        if cached is None:
            cached = _links(app, shared, base=f"{directory}/\0" if directory else "\0")
            shared.by_directory[directory] = cached
        if pagename in cached["_targets"]:
            cached = _with_self_links(cached, pagename)
        return cached
    return _links(app, shared, pagename=pagename)


#: Builders whose relative links are Sphinx's ``relative_uri`` of their target URIs.
_BY_DIRECTORY = ("html", "dirhtml")


def _links(
    app: Sphinx, shared: _Shared, *, pagename: str | None = None, base: str | None = None
) -> dict[str, Any]:
    """The context with every link made relative to ``pagename``, or to a page in the
    directory ``base`` (then a link to the page itself is fixed by ``_with_self_links``)."""
    builder = app.builder
    root: str = app.config.careerblog_path
    targets: dict[str, None] = {}

    def rel(target: str) -> str | None:
        if not shared.generated:
            return None
        targets[target] = None
        if base is not None:
            return relative_uri(base, builder.get_target_uri(target)) or "#"
        assert pagename is not None
        return builder.get_relative_uri(pagename, target) or "#"

    def linked(items: tuple[tuple[str, dict[str, Any]], ...]) -> list[dict[str, Any]]:
        return [{**item, "url": rel(target), "_target": target} for target, item in items]

    recent = []
    for post, shown in shared.recent:
        if base is None:
            assert pagename is not None
            url = links.post_uri(app, pagename, post)
        elif post.fields.external_link:
            url = post.fields.external_link
        else:
            targets[post.docname] = None
            url = relative_uri(base, builder.get_target_uri(post.docname))
            url = url + f"#{post.anchor}" if post.anchor else url
        item = {**shown, "url": None if url is None else (url or "#")}
        if not post.fields.external_link:
            item["_target"] = post.docname
            item["_anchor"] = post.anchor
        recent.append(item)
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
        "_targets": targets,
        "_url_targets": {
            "index_url": paths.index_page(root),
            "categories_url": paths.overview_page(root, "categories"),
            "tags_url": paths.overview_page(root, "tags"),
            "archive_url": paths.overview_page(root, "archive"),
        },
    }


def _with_self_links(cached: dict[str, Any], pagename: str) -> dict[str, Any]:
    """A copy of a directory's context in which links to ``pagename`` are ``#``."""

    def fix(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        fixed = []
        for item in items:
            if item.get("_target") == pagename and item.get("url") is not None:
                anchor = item.get("_anchor")
                fixed.append({**item, "url": f"#{anchor}" if anchor else "#"})
            else:
                fixed.append(item)
        return fixed

    context = dict(cached)
    for key in ("recent", "categories", "tags", "archives"):
        context[key] = fix(cached[key])
    for key, target in cached["_url_targets"].items():
        if target == pagename and cached[key] is not None:
            context[key] = "#"
    return context


def add_sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: give every page the data the sidebar templates show."""
    if app.builder.format != "html":
        return
    context["careerblog_sidebar"] = sidebar_context(app, pagename)
