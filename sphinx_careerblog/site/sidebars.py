"""Context for the sidebar templates ``careerblog/{recent,categories,tags,archives}.html``.

An ``html-page-context`` handler puts ``careerblog_sidebar`` into every HTML page:
the few recent posts, every category and tag with its count, and the years, each
with a link relative to that page (or ``None`` where the builder has no generated
pages, as in singlehtml: the templates then show plain text).

What the sidebars show apart from links is the same on every page; it is computed
once per ``BlogIndex`` (``BlogIndex.derived``, a pure function of the index, the
configuration and the builder). The links are made for each page with the builder's
own ``get_relative_uri``, so a page the sidebars link to gets ``#``, and only when a
template reads them (``SidebarContext``): a page costs nothing for the boxes it does
not show.

Sidebars never go stale: when what they show changes (``sidebar_fingerprint``) and
one of these templates is configured in ``html_sidebars``, ``sidebar_refresh``
refreshes them in place on every page the build did not write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from sphinxcontrib.serializinghtml import SerializingHTMLBuilder

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.data.query import BlogIndex, get_index
from sphinx_careerblog.i18n import draft_mark, post_count
from sphinx_careerblog.site import links
from sphinx_careerblog.site.contexts import labels
from sphinx_careerblog.site.plan import html_builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.store import CareerBlogData


class RecentItem(TypedDict):
    title: str
    date: str | None
    iso: str | None
    draft: bool
    #: "Draft" or "Scheduled for DATE" (preview only), else empty
    mark: str
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


def link_targets(app: Sphinx) -> frozenset[str]:
    """Every page the sidebars link to: on those a link is ``#``, elsewhere the view
    depends only on the directory of the page (links are relative)."""
    index = get_index(app)
    shown = index.derived("careerblog.sidebars", lambda: _shown(app, index))
    root: str = app.config.careerblog_path
    counted = (*shown.categories, *shown.tags, *shown.years)
    return frozenset(
        [item.pagename for item in counted]
        + [post.docname for post, _date, _iso in shown.recent]
        + [paths.index_page(root)]
        + [paths.overview_page(root, kind) for kind in ("categories", "tags", "archive")]
    )


class SidebarContext(Mapping[str, object]):
    """``careerblog_sidebar`` on one page: each value is made when a template first
    reads it. A page whose sidebars show no tags then makes no link to each of 10,000
    tags (a link per term on every page would make a build quadratic in the terms)."""

    def __init__(self, parts: dict[str, Callable[[], object]]) -> None:
        self._parts = parts
        self._made: dict[str, object] = {}

    def __getitem__(self, key: str) -> object:
        if key not in self._made:
            self._made[key] = self._parts[key]()
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def __repr__(self) -> str:
        return repr(dict(self))


def sidebar_context(app: Sphinx, pagename: str) -> SidebarContext:
    """What the sidebar templates show on ``pagename`` (a ``SidebarView``, made as read)."""
    index = get_index(app)
    root: str = app.config.careerblog_path

    def shown() -> _Shown:
        # made on the first page whose sidebars read it, once per build
        return index.derived("careerblog.sidebars", lambda: _shown(app, index))

    def rel(target: str) -> str | None:
        if not shown().generated:
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

    def recent() -> list[RecentItem]:
        items: list[RecentItem] = []
        for post, date, iso in shown().recent:
            url = links.post_uri(app, pagename, post)
            items.append(
                {
                    "title": post.listed_title,
                    "date": date,
                    "iso": iso,
                    "draft": post.is_draft,
                    "mark": draft_mark(post.fields.scheduled, date) if post.is_draft else "",
                    "url": None if url is None else (url or "#"),
                }
            )
        return items

    parts: dict[str, Callable[[], object]] = {
        "recent_limit": lambda: app.config.careerblog_sidebar_recent,
        "recent": recent,
        "categories": lambda: counted(shown().categories),
        "tags": lambda: counted(shown().tags),
        "archives": lambda: counted(shown().years),
        "index_url": lambda: rel(paths.index_page(root)),
        "categories_url": lambda: rel(paths.overview_page(root, "categories")),
        "tags_url": lambda: rel(paths.overview_page(root, "tags")),
        "archive_url": lambda: rel(paths.overview_page(root, "archive")),
        "labels": lambda: shown().labels,
    }
    assert set(parts) == set(SidebarView.__annotations__)
    return SidebarContext(parts)


def add_sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: give every page the data the sidebar templates show."""
    if app.builder.format != "html":
        return
    if isinstance(app.builder, SerializingHTMLBuilder):
        # json/pickle dump the whole context and render no sidebar: give plain data
        context["careerblog_sidebar"] = dict(sidebar_context(app, pagename))
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
                            fields.external_link, post.is_draft, fields.scheduled, fields.authors,
                            fields.location, fields.language)).encode())  # fmt: skip
    return digest.hexdigest()


def configured_blog_sidebars(app: Sphinx) -> set[str]:
    """The ``careerblog/`` and ``ablog/`` templates named in ``html_sidebars``."""
    sidebars = getattr(app.config, "html_sidebars", {}) or {}
    return {
        str(name)
        for templates in sidebars.values()
        for name in ([templates] if isinstance(templates, str) else templates)
        if str(name).startswith(("careerblog/", "ablog/"))
    }


#: sidebar template -> the box it shows (ABlog's names include ours)
BOXES = {
    "careerblog/recent.html": "recent",
    "careerblog/categories.html": "categories",
    "careerblog/tags.html": "tags",
    "careerblog/archives.html": "archives",
    "ablog/recentposts.html": "recent",
    "ablog/tagcloud.html": "tags",
}
TEMPLATES_DIR = (Path(__file__).parent / "templates").resolve()


def box_template(box: str) -> str:
    """The template of a box without the markers around it."""
    return f"careerblog/_sidebar_{box}.html"


def refreshable(app: Sphinx) -> bool:
    """Whether the blog sidebars can be refreshed in place exactly (``sidebar_refresh``):
    an HTML builder with generated pages, only our boxes, none overridden."""
    if not links.generated_pages_available(app):
        return False
    names = configured_blog_sidebars(app)
    if not names <= BOXES.keys():
        return False  # ABlog's other boxes read more than the sidebar view
    templates = names | {box_template(BOXES[name]) for name in names}
    environment = html_builder(app).templates.environment
    for name in templates:
        filename = environment.get_template(name).filename
        if filename is None or not Path(filename).resolve().is_relative_to(TEMPLATES_DIR):
            return False  # overridden by the project: its output may have no markers
    return True
