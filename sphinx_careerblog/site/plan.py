"""The plan: which pages this build generates, and exactly what each one shows.

``plan_pages`` is a pure function of (store, config, builder). Every planned page
carries the values its template context is made from (``contexts.page_context``
reads the page, the configuration and the builder, nothing else), so a page's
fingerprint (``freshness``) is a hash of the page itself.

A real document whose URL is the URL of a generated page wins
(``careerblog.page_collision``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.authors import AuthorProfile, author_profile
from sphinx_careerblog.data.query import BlogIndex, Term, get_index
from sphinx_careerblog.data.store import get_store

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord

COLLECTION_TEMPLATE = "careerblog/collection.html"
OVERVIEW_TEMPLATE = "careerblog/overview.html"
REDIRECT_TEMPLATE = "careerblog/redirect.html"

Overview = paths.OverviewName
Listing = Literal["index", "category", "tag", "author", "language", "location", "year", "series"]
PageKind = Literal[Listing, Overview, "redirect"]

OVERVIEWS: tuple[Overview, ...] = (
    "categories", "tags", "authors", "languages", "locations", "archive", "series",
)  # fmt: skip
OVERVIEW_OF: dict[paths.TermKind, Overview] = {
    "category": "categories",
    "tag": "tags",
    "author": "authors",
    "language": "languages",
    "location": "locations",
    "series": "series",
}
KIND_OF: dict[Overview, paths.TermKind] = {kind: term for term, kind in OVERVIEW_OF.items()}


# -- what pages show -------------------------------------------------------------------


@dataclass(frozen=True)
class ShownPost:
    """What a listing on a generated page shows of one post (and nothing more)."""

    docname: str
    anchor: str
    title: str
    external_link: str | None
    date: dt.datetime | None
    date_has_time: bool
    authors: tuple[str, ...]
    summary: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    reading_minutes: int
    draft: bool
    scheduled: bool

    @classmethod
    def of(cls, post: PostRecord) -> ShownPost:
        fields = post.fields
        return cls(
            post.docname, post.anchor, post.listed_title, fields.external_link, fields.date,
            fields.date_has_time, fields.authors, post.summary, fields.categories, fields.tags,
            post.reading_minutes, post.is_draft, fields.scheduled,
        )  # fmt: skip


@dataclass(frozen=True)
class ArchivedPost:
    """One line of the archive overview."""

    docname: str
    anchor: str
    title: str
    external_link: str | None
    date: dt.datetime | None
    date_has_time: bool
    draft: bool
    scheduled: bool

    @classmethod
    def of(cls, post: PostRecord) -> ArchivedPost:
        fields = post.fields
        return cls(
            post.docname, post.anchor, post.listed_title, fields.external_link, fields.date,
            fields.date_has_time, post.is_draft, fields.scheduled,
        )  # fmt: skip


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    posts: tuple[ArchivedPost, ...]


@dataclass(frozen=True)
class ShownTerm:
    """A category, tag or author as a page shows it: its title and description."""

    kind: paths.TermKind
    label: str
    title: str
    description: str | None
    website: str | None = None  # an author's ``url``
    profile: AuthorProfile | None = None  # an author's avatar, bio and links


@dataclass(frozen=True)
class RedirectTarget:
    """Where a redirect page sends readers."""

    docname: str
    anchor: str
    title: str
    canonical_link: str | None


@dataclass(frozen=True)
class PlannedPage:
    """One generated page and everything it shows, before links are made relative."""

    pagename: str
    template: str
    kind: PageKind
    number: int = 1
    total: int = 1
    posts: tuple[ShownPost, ...] = ()
    term: ShownTerm | None = None  # term pages
    year: int | None = None  # year pages
    #: the categories, tags and authors overviews: each term with its post count
    terms: tuple[tuple[ShownTerm, int], ...] = ()
    years: tuple[ArchiveYear, ...] = ()  # the archive overview
    undated: int = 0  # the archive overview: listed posts without a date
    target: RedirectTarget | None = None  # redirect pages
    #: a redirect the builder cannot name (an ``.html`` URL under dirhtml): written by
    #: ``writing.finish_pages`` to this path, relative to the output directory
    outfile: str | None = None


@dataclass(frozen=True)
class Collision:
    """A generated page left out because the real document ``docname`` has its URL."""

    page: PlannedPage
    docname: str
    #: where to report it: the post whose redirect it was, else the document
    location: tuple[str, int]


@dataclass
class Plan:
    pages: list[PlannedPage] = field(default_factory=list)
    collisions: list[Collision] = field(default_factory=list)
    #: redirects written directly to their ``outfile`` on build-finished
    files: list[PlannedPage] = field(default_factory=list)
    #: (post, old URL, why) for redirects that cannot be written
    bad_redirects: list[tuple[PostRecord, str, str]] = field(default_factory=list)


# -- the plan --------------------------------------------------------------------------


def html_builder(app: Sphinx) -> StandaloneHTMLBuilder:
    """The builder, for code that only runs where generated pages exist."""
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    return builder


def plan_pages(app: Sphinx) -> Plan:
    """Every page this build generates (a pure function of store, config and builder)."""
    plan = Plan()
    real = {app.builder.get_target_uri(doc): doc for doc in sorted(app.env.found_docs)}
    taken: set[str] = set()
    for page in _listing_pages(app, get_index(app)):
        uri = app.builder.get_target_uri(page.pagename)
        if uri in real:
            plan.collisions.append(Collision(page, real[uri], (real[uri], 1)))
            continue
        taken.add(uri)
        plan.pages.append(page)
    _plan_redirects(app, plan, real, taken)
    return plan


def _listing_pages(app: Sphinx, index: BlogIndex) -> Iterable[PlannedPage]:
    config = app.config
    root: str = config.careerblog_path
    per_page: int = config.careerblog_posts_per_page
    shown: dict[str, ShownPost] = {}

    def show(posts: Sequence[PostRecord]) -> tuple[ShownPost, ...]:
        for post in posts:
            if post.key not in shown:
                shown[post.key] = ShownPost.of(post)
        return tuple(shown[post.key] for post in posts)

    def paginated(
        kind: Listing,
        posts: Sequence[PostRecord],
        term: ShownTerm | None = None,
        year: int | None = None,
    ) -> Iterable[PlannedPage]:
        chunks = _chunks(show(posts), per_page)
        for number, chunk in enumerate(chunks, start=1):
            name = listing_pagename(root, kind, number, term, year)
            yield PlannedPage(
                name, COLLECTION_TEMPLATE, kind, number, len(chunks), chunk, term=term, year=year
            )

    yield from paginated("index", index.posts)
    for kind in paths.ARCHIVE_KINDS:
        for term in index.page_terms(kind):  # declared ones too, even empty
            yield from paginated(kind, term.posts, term=shown_term(config, term))
    for year, posts in index.years():
        yield from paginated("year", posts, year=year)
    for series in index.terms(paths.SERIES):
        # one page per series, every part in series order (series stay short)
        pagename = paths.term_page(root, paths.SERIES, series.label)
        parts = show(index.series(series.slug))
        titled = shown_term(config, series)
        yield PlannedPage(pagename, COLLECTION_TEMPLATE, "series", posts=parts, term=titled)
    for overview in OVERVIEWS:
        yield overview_page(config, index, overview)


def listing_pagename(
    root: str, kind: Listing, number: int, term: ShownTerm | None, year: int | None
) -> str:
    """The name of page ``number`` of a listing (the blog index, a term or a year)."""
    if kind == "index":
        return paths.index_page(root, number)
    if kind == "year":
        assert year is not None
        return paths.year_page(root, year, number)
    assert term is not None
    return paths.term_page(root, term.kind, term.label, number)


def _chunks(posts: Sequence[ShownPost], size: int) -> list[tuple[ShownPost, ...]]:
    if size <= 0 or len(posts) <= size:
        return [tuple(posts)]
    return [tuple(posts[start : start + size]) for start in range(0, len(posts), size)]


def shown_term(config: Config, term: Term) -> ShownTerm:
    """A term with its declared description (``bio`` and ``url`` for an author)."""
    if term.kind == "author":
        profile = author_profile(config.careerblog_authors, term.label)
        return ShownTerm("author", term.label, term.title, profile.bio, profile.url, profile)
    if term.kind == paths.SERIES:
        return ShownTerm(term.kind, term.label, term.title, None)
    if term.kind in paths.PLACE_KINDS:
        places = (
            config.careerblog_languages if term.kind == "language" else config.careerblog_locations
        )
        entry = places.get(term.label, {})
        return ShownTerm(term.kind, term.label, term.title, None, entry.get("url"))
    registry = config.careerblog_categories if term.kind == "category" else config.careerblog_tags
    entry = registry.get(term.label) or registry.get(term.slug) or {}
    return ShownTerm(term.kind, term.label, term.title, entry.get("description"))


def overview_page(config: Config, index: BlogIndex, overview: Overview) -> PlannedPage:
    pagename = paths.overview_page(config.careerblog_path, overview)
    if overview == "archive":
        years = tuple(
            ArchiveYear(year, tuple(ArchivedPost.of(post) for post in posts))
            for year, posts in index.years()
        )
        undated = sum(1 for post in index.posts if post.date is None)
        return PlannedPage(pagename, OVERVIEW_TEMPLATE, overview, years=years, undated=undated)
    terms = tuple(
        (shown_term(config, term), len(term.posts)) for term in index.terms(KIND_OF[overview])
    )
    return PlannedPage(pagename, OVERVIEW_TEMPLATE, overview, terms=terms)


# -- redirects -------------------------------------------------------------------------

_TAKEN = "another generated page or redirect already has that URL"


def _plan_redirects(app: Sphinx, plan: Plan, real: dict[str, str], taken: set[str]) -> None:
    real_files: dict[str, str] | None = None
    taken_files: set[str] = set()
    include_drafts: bool = app.config.careerblog_include_drafts
    for post in get_store(app.env).iter_posts():
        # every post, listed or not: an excluded post still moved from its old URL;
        # but a redirect must not be a route to a draft or a scheduled post
        if post.is_draft and not include_drafts:
            continue
        for old in post.fields.redirect:
            pagename, outfile, problem = redirect_target(app, old)
            if pagename is None:
                plan.bad_redirects.append((post, old, problem))
                continue
            target = RedirectTarget(
                post.docname, post.anchor, post.listed_title, post.fields.canonical_link
            )
            page = PlannedPage(
                pagename, REDIRECT_TEMPLATE, "redirect", target=target, outfile=outfile
            )
            location = (post.docname, post.line or 1)
            if outfile is not None:
                if real_files is None:
                    real_files = {output_file(app, doc): doc for doc in sorted(app.env.found_docs)}
                    taken_files = {output_file(app, page.pagename) for page in plan.pages}
                if outfile in real_files:
                    plan.collisions.append(Collision(page, real_files[outfile], location))
                elif outfile in taken_files:
                    plan.bad_redirects.append((post, old, _TAKEN))
                else:
                    taken_files.add(outfile)
                    plan.files.append(page)
                continue
            uri = app.builder.get_target_uri(pagename)
            if uri in real:
                plan.collisions.append(Collision(page, real[uri], location))
            elif uri in taken:
                plan.bad_redirects.append((post, old, _TAKEN))
            else:
                taken.add(uri)
                plan.pages.append(page)


def redirect_target(app: Sphinx, old: str) -> tuple[str | None, str | None, str]:
    """Where the redirect page for the old URL ``old`` goes under this builder.

    Returns ``(pagename, outfile, problem)``: a page name whose URL is ``old``; and,
    when the builder gives that name another URL (``old/post.html`` under dirhtml
    becomes ``old/post/``), the file to write instead. ``pagename`` is None when
    ``old`` cannot be redirected, and ``problem`` says why.
    """
    text = old.strip()
    if "://" in text or text.startswith("//") or "?" in text or "#" in text:
        return None, None, "only paths inside this site can redirect (no scheme, query or anchor)"
    suffix = html_builder(app).out_suffix
    path = text.lstrip("/")
    if path.endswith("/"):
        pagename = path + "index"
    elif path.endswith(suffix):
        pagename = path[: -len(suffix)]
    else:
        pagename = path
    parts = pagename.split("/")
    if not pagename or any(part in ("", ".", "..") or "\\" in part for part in parts):
        return None, None, "expected a relative path such as 'old/post.html' or 'old/post/'"
    if any(ch in pagename for ch in "<>\"'&"):
        return None, None, "the path holds characters that are not allowed in a URL path"
    target = app.builder.get_target_uri(pagename)
    if path.endswith("/"):
        fits = target in (path, f"{path}index{suffix}")  # a server shows index.html for a/
    else:
        fits = not path.endswith(suffix) or target == path
    if not fits:
        return pagename, path if path.endswith(suffix) else f"{path}index{suffix}", ""
    return pagename, None, ""


def output_file(app: Sphinx, pagename: str) -> str:
    """The file the builder writes ``pagename`` to, relative to the output directory."""
    builder = html_builder(app)
    output_path: Callable[[str], str | Path] = getattr(builder, "get_output_path", None) or (
        builder.get_outfilename  # Sphinx < 8.1
    )
    path, outdir = str(output_path(pagename)), str(app.outdir).rstrip(os.sep) + os.sep
    if path.startswith(outdir):  # the common case, without pathlib (once per page)
        return path[len(outdir) :].replace(os.sep, "/")
    return Path(path).relative_to(app.outdir).as_posix()
