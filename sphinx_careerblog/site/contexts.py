"""Template contexts of generated pages: typed views of plain values.

``page_context`` is a function of (planned page, configuration, builder) only: what a
page shows of posts and terms comes from the ``PlannedPage`` (``plan``), which is
why its fingerprint can be the page itself. Every link is already relative to the
page, so the same code serves the html and dirhtml URL schemes.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, NotRequired, TypedDict

from sphinx.util.osutil import relative_uri

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.i18n import _, draft_mark, part_of, post_count, reading_time
from sphinx_careerblog.site import links
from sphinx_careerblog.site.avatars import AvatarView, avatar_view
from sphinx_careerblog.site.plan import (
    COLLECTION_TEMPLATE,
    OVERVIEW_OF,
    ArchivedPost,
    PlannedPage,
    ShownPost,
    listing_pagename,
)

if TYPE_CHECKING:
    import datetime as dt

    from sphinx.application import Sphinx

    from sphinx_careerblog.site.plan import Listing

#: the side of the avatar on an author's page, in CSS pixels
AVATAR_SIZE = 96


class Link(TypedDict):
    title: str
    url: str | None


class AuthorView(TypedDict):
    name: str
    url: str | None


class EntryView(TypedDict):
    """One post in a listing (``careerblog/_entry.html``)."""

    title: str
    url: str | None
    external: bool
    date: str | None
    iso: str | None
    authors: list[AuthorView]
    summary: list[str]
    categories: list[Link]
    tags: list[Link]
    minutes: int
    reading_time: str
    draft: bool
    scheduled: bool
    #: "Draft" or "Scheduled for DATE" (preview only), else empty
    mark: str
    part: NotRequired[str]  # on a series page: "Part 2 of 3"


class YearGroup(TypedDict):
    """The posts of one year on an author's page (``heading``: the year)."""

    heading: str
    posts: list[EntryView]


class PageNumber(TypedDict):
    number: int
    url: str
    current: bool
    gap_before: bool  # pages between this one and the one shown before are left out


class ArchiveLine(TypedDict):
    title: str
    url: str | None
    date: str | None
    iso: str | None
    draft: bool
    scheduled: bool
    mark: str


class YearView(TypedDict):
    year: int
    url: str | None
    count: int
    count_label: str
    posts: list[ArchiveLine]


class TermView(TypedDict):
    title: str
    url: str | None
    count: int
    count_label: str
    description: str | None


class PageView(TypedDict):
    """``careerblog_page``: what the collection and overview templates show."""

    kind: str
    heading: str
    description: str | None
    labels: dict[str, str]
    index_url: str
    website: NotRequired[Link]
    avatar: NotRequired[AvatarView]  # author pages
    links: NotRequired[list[Link]]  # author pages: the profile's links
    page_label: NotRequired[str]
    # collection pages
    posts: NotRequired[list[EntryView]]
    page: NotRequired[int]
    pages: NotRequired[int]
    newer: NotRequired[str | None]
    older: NotRequired[str | None]
    numbers: NotRequired[list[PageNumber]]
    overview: NotRequired[Link | None]
    year_groups: NotRequired[list[YearGroup]]  # author pages: posts by year
    # overview pages
    terms: NotRequired[list[TermView]]
    years: NotRequired[list[YearView]]
    undated: NotRequired[int]


class PageContext(TypedDict):
    title: str
    careerblog_page: PageView
    careerblog_generated: bool
    metatags: NotRequired[str]


class RedirectView(TypedDict):
    title: str
    url: str
    canonical: str
    labels: dict[str, str]


class RedirectContext(TypedDict):
    title: str
    careerblog_redirect: RedirectView
    careerblog_generated: bool


def labels() -> dict[str, str]:
    """Translated words the templates show (the theme's catalog does not have them)."""
    return {
        "newer": _("Newer posts"),
        "older": _("Older posts"),
        "pagination": _("Pages"),
        "by": _("by"),
        "in_category": _("in"),
        "tagged": _("tagged"),
        "draft": _("Draft"),
        "external": _("external link"),
        "no_posts": _("No posts."),
        "no_posts_yet": _("No posts yet."),
        "subscribe": _("Subscribe:"),
        "all_posts": _("All posts"),
        "categories": _("Categories"),
        "tags": _("Tags"),
        "authors": _("Authors"),
        "languages": _("Languages"),
        "locations": _("Locations"),
        "archive": _("Archive"),
        "series": _("Series"),
        "recent": _("Recent posts"),
        "moved": _("This page has moved to"),
    }


def href(uri: str | None) -> str | None:
    """A link target for a template: None stays None (no link); the page itself is ``#``."""
    if uri is None:
        return None
    return uri or "#"


def _rel(app: Sphinx, fromname: str, pagename: str) -> str:
    return app.builder.get_relative_uri(fromname, pagename) or "#"


def _post_href(app: Sphinx, fromname: str, post: ShownPost | ArchivedPost) -> str:
    """Where a listing links to a post: out for ``external_link``, else its page."""
    if post.external_link:
        return post.external_link
    uri = app.builder.get_relative_uri(fromname, post.docname)
    return (f"{uri}#{post.anchor}" if post.anchor else uri) or "#"


def _dates(app: Sphinx, date: dt.datetime | None, has_time: bool) -> tuple[str | None, str | None]:
    if date is None:
        return None, None
    config = app.config
    return format_date(config.careerblog_date_format, date, config.language), format_iso(
        date, has_time
    )


def post_entry(app: Sphinx, fromname: str, post: ShownPost) -> EntryView:
    """What a listing shows about one post, with links relative to ``fromname``."""
    authors: list[AuthorView] = []
    for author in post.authors:
        name, uri = links.author_link(app, fromname, author)
        authors.append({"name": name, "url": href(uri)})

    def terms(kind: paths.TermKind, values: tuple[str, ...]) -> list[Link]:
        return [
            {
                "title": links.term_title(app, kind, value),
                "url": href(links.term_uri(app, fromname, kind, value)),
            }
            for value in values
        ]

    date, iso = _dates(app, post.date, post.date_has_time)
    return {
        "title": post.title,
        "url": _post_href(app, fromname, post),
        "external": bool(post.external_link),
        "date": date,
        "iso": iso,
        "authors": authors,
        "summary": [part for part in post.summary.split("\n\n") if part.strip()],
        "categories": terms("category", post.categories),
        "tags": terms("tag", post.tags),
        "minutes": post.reading_minutes,
        "reading_time": reading_time(post.reading_minutes),
        "draft": post.draft,
        "scheduled": post.scheduled,
        "mark": draft_mark(post.scheduled, date) if post.draft else "",
    }


def page_heading(app: Sphinx, page: PlannedPage) -> str:
    config = app.config
    term = page.term
    if page.kind == "index":
        return str(config.careerblog_title or config.project)
    if page.kind == "year":
        return _("Posts from %s") % page.year
    if term is not None:
        if page.kind == "category":
            return _("Posts in %s") % term.title
        if page.kind == "tag":
            return _("Posts tagged %s") % term.title
        if page.kind == "language":
            return _("Posts written in %s") % term.title
        if page.kind == "location":
            return _("Posts from %(place)s") % {"place": term.title}
        if page.kind == "series":
            return _("Series: %s") % term.title
        return _("Posts by %s") % term.title
    return labels().get(page.kind, page.kind)


def page_context(app: Sphinx, page: PlannedPage) -> PageContext:
    """The template context of one collection or overview page."""
    heading = page_heading(app, page)
    view: PageView = {
        "kind": page.kind,
        "heading": heading,
        "description": page.term.description if page.term is not None else None,
        "labels": labels(),
        "index_url": _rel(app, page.pagename, paths.index_page(app.config.careerblog_path)),
    }
    if page.term is not None and page.term.website:
        view["website"] = {"title": _("Website"), "url": page.term.website}
    profile = page.term.profile if page.term is not None else None
    if profile is not None:
        avatar = avatar_view(app, page.pagename, profile, AVATAR_SIZE)
        if avatar is not None:
            view["avatar"] = avatar
        view["links"] = [{"title": label, "url": url} for label, url in profile.links]
    title = heading
    if page.template == COLLECTION_TEMPLATE:
        collection_view(app, page, view)
        if page.total > 1:
            numbers = {"page": page.number, "pages": page.total}
            title = _("%(title)s (page %(page)d of %(pages)d)") % {"title": heading, **numbers}
            view["page_label"] = _("Page %(page)d of %(pages)d") % numbers
    else:
        overview_view(app, page, view)
    context: PageContext = {
        # themes treat ``title`` as HTML (they apply ``striptags``), like a document title
        "title": html.escape(title, quote=False),
        "careerblog_page": view,
        "careerblog_generated": True,
    }
    # the neighbours of a paginated listing, for browsers and crawlers
    head = [
        f'<link rel="{rel}" href="{html.escape(url)}" />'
        for rel, url in (("prev", view.get("newer")), ("next", view.get("older")))
        if url
    ]
    if head:
        context["metatags"] = "\n    ".join(head)
    return context


def _listing_kind(page: PlannedPage) -> Listing:
    kind = page.kind
    assert kind in (
        "index", "category", "tag", "author", "language", "location", "year", "series"
    )  # fmt: skip
    return kind


def year_groups(page: PlannedPage, entries: list[EntryView]) -> list[YearGroup]:
    """The entries of a page under one heading per year, newest first (as listed);
    undated posts (drafts, in a preview) last."""
    groups: dict[int | None, list[EntryView]] = {}
    for post, entry in zip(page.posts, entries, strict=True):
        groups.setdefault(post.date.year if post.date is not None else None, []).append(entry)
    return [
        {"heading": str(year) if year is not None else _("Not yet dated"), "posts": posts}
        for year, posts in sorted(groups.items(), key=lambda item: -(item[0] or 0))
    ]


def collection_view(app: Sphinx, page: PlannedPage, view: PageView) -> None:
    name = page.pagename
    root: str = app.config.careerblog_path
    kind = _listing_kind(page)

    def number_url(number: int) -> str:
        return _rel(app, name, listing_pagename(root, kind, number, page.term, page.year))

    view["posts"] = [post_entry(app, name, post) for post in page.posts]
    if kind == "series":
        for number, entry in enumerate(view["posts"], start=1):
            entry["part"] = part_of(number, len(page.posts))
    if kind == "author":
        view["year_groups"] = year_groups(page, view["posts"])
    view["page"] = page.number
    view["pages"] = page.total
    view["newer"] = number_url(page.number - 1) if page.number > 1 else None
    view["older"] = number_url(page.number + 1) if page.number < page.total else None
    shown = paths.shown_page_numbers(page.number, page.total) if page.total > 1 else []
    view["numbers"] = [
        {"number": number, "url": number_url(number), "current": number == page.number,
         "gap_before": before is not None and number > before + 1}
        for before, number in zip([None, *shown], shown, strict=False)
    ]  # fmt: skip
    overview = (
        OVERVIEW_OF[page.term.kind]
        if page.term is not None
        else ("archive" if kind == "year" else None)
    )
    view["overview"] = (
        {"title": labels()[overview], "url": _rel(app, name, paths.overview_page(root, overview))}
        if overview is not None
        else None
    )


def overview_view(app: Sphinx, page: PlannedPage, view: PageView) -> None:
    name = page.pagename
    if page.kind != "archive":
        view["terms"] = [
            {
                "title": term.title,
                "url": href(links.term_uri(app, name, term.kind, term.label)),
                "count": count,
                "count_label": post_count(count),
                "description": term.description,
            }
            for term, count in page.terms
        ]
        return
    years: list[YearView] = []
    for year in page.years:
        lines: list[ArchiveLine] = []
        for post in year.posts:
            date, iso = _dates(app, post.date, post.date_has_time)
            lines.append(
                {
                    "title": post.title,
                    "url": _post_href(app, name, post),
                    "date": date,
                    "iso": iso,
                    "draft": post.draft,
                    "scheduled": post.scheduled,
                    "mark": draft_mark(post.scheduled, date) if post.draft else "",
                }
            )
        url = href(links.year_uri(app, name, year.year))
        count = len(year.posts)
        years.append(
            {
                "year": year.year,
                "url": url,
                "count": count,
                "count_label": post_count(count),
                "posts": lines,
            }
        )
    view["years"] = years
    view["undated"] = page.undated


def redirect_context(app: Sphinx, page: PlannedPage) -> RedirectContext:
    post = page.target
    assert post is not None
    # the post's own page (it moved here), even when listings link out (external_link)
    if page.outfile is None:
        url = app.builder.get_relative_uri(page.pagename, post.docname)
    else:
        url = relative_uri(page.outfile, app.builder.get_target_uri(post.docname))
    url = (url or "./") + (f"#{post.anchor}" if post.anchor else "")
    base: str = app.config.careerblog_baseurl or app.config.html_baseurl or ""
    if post.canonical_link:
        canonical = post.canonical_link
    elif base:
        canonical = base.rstrip("/") + "/" + app.builder.get_target_uri(post.docname)
        if post.anchor:
            canonical += "#" + post.anchor
    else:
        canonical = url
    return {
        "title": html.escape(post.title, quote=False),
        "careerblog_redirect": {
            "title": post.title,
            "url": url,
            "canonical": canonical,
            "labels": labels(),
        },
        "careerblog_generated": True,
    }
