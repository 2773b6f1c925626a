"""Generated index pages under ``careerblog_path`` (HTML builders only).

``html-collect-pages`` yields, every build, the blog index, one page per category,
tag, author and year, the four overview pages (all paginated by
``careerblog_posts_per_page``) and a redirect page for every old URL a post lists
in ``redirect``. The pages are rendered by templates that extend the site theme's
own ``page.html``; each gets a small, pre-computed view (``careerblog_page``) of
plain values whose links are already relative to the page, so the same code
serves the html and dirhtml URL schemes.

Everything here is a pure function of (store, config, builder): pages are
regenerated on every build, so they are never stale. A real document whose URL is
the URL of a generated page wins (``careerblog.page_collision``). Files that an
earlier build generated but this one does not (a category that disappeared) are
removed on ``build-finished``, using a manifest written into the output directory.

``singlehtml`` and ``epub`` get no generated pages (the first writes one page and
emits no ``html-collect-pages``; the second would need every page in its spine):
there, bylines and sidebars show terms as plain text.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util.osutil import relative_uri

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.dates import format_date, format_iso
from sphinx_careerblog.data.query import BlogIndex, Term, get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, catalog_fingerprint, post_count, reading_time
from sphinx_careerblog.site import links
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.model import PostRecord

TEMPLATE_DIR = Path(__file__).parent / "templates"

COLLECTION_TEMPLATE = "careerblog/collection.html"
OVERVIEW_TEMPLATE = "careerblog/overview.html"
REDIRECT_TEMPLATE = "careerblog/redirect.html"

#: In the output directory: the files the last build generated (one per line).
MANIFEST_NAME = ".careerblog-pages"
#: ``generation_key`` of the build that last wrote the generated pages
KEY_NAME = ".careerblog-pages.key"

Overview = Literal["categories", "tags", "authors", "archive"]

_OVERVIEW_OF: dict[paths.TermKind, Overview] = {
    "category": "categories",
    "tag": "tags",
    "author": "authors",
}


# -- setup ---------------------------------------------------------------------------


def register_templates(app: Sphinx, config: Config) -> None:
    """``config-inited``: make ``careerblog/*.html`` templates loadable.

    Done here, not on ``builder-inited``: the value is then the same in the pickled
    environment and in the next build's configuration, so incremental builds do not
    report a configuration change. A new list is assigned (never appended in place)
    so the default shared between applications is left alone.
    """
    directory = str(TEMPLATE_DIR)
    current = list(config.templates_path or [])
    if directory not in current:
        config.templates_path = [*current, directory]


# -- the plan: which pages this build generates ----------------------------------------


@dataclass(frozen=True)
class PlannedPage:
    """One generated page: what it shows, before links are made relative to it."""

    pagename: str
    template: str
    kind: str  # index, category, tag, author, year, categories, tags, authors, archive, redirect
    number: int = 1
    total: int = 1
    posts: tuple[PostRecord, ...] = ()
    term: Term | None = None
    year: int | None = None
    target: PostRecord | None = None  # redirect pages
    #: a redirect the builder cannot name (an ``.html`` URL under dirhtml): written by
    #: ``finish_pages`` to this path, relative to the output directory
    outfile: str | None = None


@dataclass
class Plan:
    pages: list[PlannedPage] = field(default_factory=list)
    #: generated pages left out because a real document has their URL
    collisions: list[tuple[PlannedPage, str]] = field(default_factory=list)
    #: redirects written directly to their ``outfile`` on build-finished
    files: list[PlannedPage] = field(default_factory=list)
    #: (post, old URL, why) for redirects that cannot be written
    bad_redirects: list[tuple[PostRecord, str, str]] = field(default_factory=list)


def _chunks(posts: Sequence[PostRecord], size: int) -> list[tuple[PostRecord, ...]]:
    if size <= 0 or len(posts) <= size:
        return [tuple(posts)]
    return [tuple(posts[start : start + size]) for start in range(0, len(posts), size)]


def plan_pages(app: Sphinx) -> Plan:
    """Every page this build generates (a pure function of store, config and builder)."""
    config = app.config
    root: str = config.careerblog_path
    per_page: int = config.careerblog_posts_per_page
    index = get_index(app)
    candidates: list[PlannedPage] = []

    def paginated(kind: str, posts: Sequence[PostRecord], name: Any, **extra: Any) -> None:
        chunks = _chunks(posts, per_page)
        for number, chunk in enumerate(chunks, start=1):
            candidates.append(
                PlannedPage(
                    name(number), COLLECTION_TEMPLATE, kind, number, len(chunks), chunk, **extra
                )
            )

    paginated("index", index.posts, lambda n: paths.index_page(root, n))
    for kind in paths.TERM_KINDS:
        for term in index.page_terms(kind):  # declared ones too, even empty
            paginated(
                kind,
                term.posts,
                lambda n, k=kind, t=term: paths.term_page(root, k, t.label, n),
                term=term,
            )
    for year, posts in index.years():
        paginated("year", posts, lambda n, y=year: paths.year_page(root, y, n), year=year)
    overviews: tuple[Overview, ...] = ("categories", "tags", "authors", "archive")
    candidates.extend(
        PlannedPage(paths.overview_page(root, overview), OVERVIEW_TEMPLATE, overview)
        for overview in overviews
    )

    plan = Plan()
    builder = app.builder
    real = {builder.get_target_uri(docname): docname for docname in sorted(app.env.found_docs)}
    taken: set[str] = set()
    for page in candidates:
        uri = builder.get_target_uri(page.pagename)
        if uri in real:
            plan.collisions.append((page, real[uri]))
            continue
        taken.add(uri)
        plan.pages.append(page)

    real_files: dict[str, str] | None = None
    taken_files: set[str] = set()
    for post in get_store(app.env).iter_posts():
        # every post, listed or not: an excluded post still moved from its old URL
        for old in post.fields.redirect:
            pagename, outfile, problem = redirect_target(app, old)
            if pagename is None:
                plan.bad_redirects.append((post, old, problem))
                continue
            page = PlannedPage(
                pagename, REDIRECT_TEMPLATE, "redirect", target=post, outfile=outfile
            )
            if outfile is not None:
                if real_files is None:
                    real_files = {output_file(app, doc): doc for doc in sorted(app.env.found_docs)}
                    taken_files = {output_file(app, page.pagename) for page in plan.pages}
                if outfile in real_files:
                    plan.collisions.append((page, real_files[outfile]))
                elif outfile in taken_files:
                    plan.bad_redirects.append((post, old, _TAKEN))
                else:
                    taken_files.add(outfile)
                    plan.files.append(page)
                continue
            uri = builder.get_target_uri(pagename)
            if uri in real:
                plan.collisions.append((page, real[uri]))
            elif uri in taken:
                plan.bad_redirects.append((post, old, _TAKEN))
            else:
                taken.add(uri)
                plan.pages.append(page)
    return plan


_TAKEN = "another generated page or redirect already has that URL"


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
    suffix: str = app.builder.out_suffix  # type: ignore[attr-defined]
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


# -- html-collect-pages ----------------------------------------------------------------


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: yield every generated page (and report collisions once).

    When nothing a generated page shows has changed since the last build into this
    output directory (same ``generation_key``) and every file is still there, the
    pages are left as they are, as Sphinx leaves unchanged documents.
    """
    if not links.generated_pages_available(app):
        return
    plan = plan_pages(app)
    report(app, plan)
    if _unchanged_since_last_build(app, plan):
        return
    for page in plan.pages:
        yield page.pagename, page_context(app, page), page.template


def generation_key(app: Sphinx) -> str | None:
    """A hash of everything generated pages depend on, or None when it cannot be known.

    Their data (the listing and sidebar fingerprints), the configuration and tags
    (Sphinx's own build-info hashes), the templates, and the site navigation the
    theme draws on every page (document titles, tables of contents, toctrees).
    """
    from sphinx_careerblog import __version__

    builder = app.builder
    build_info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    if build_info is None or templates is None:
        return None
    env = app.env
    store = get_store(env)
    digest = hashlib.sha256()
    digest.update(repr((__version__, builder.name, store.fingerprint, store.sidebar_fingerprint,
                        getattr(build_info, "config_hash", None),
                        getattr(build_info, "tags_hash", None),
                        templates.newest_template_mtime(),
                        catalog_fingerprint(app.config.language))).encode())  # fmt: skip
    for docname in sorted(env.found_docs):
        title = env.titles.get(docname)
        toc = env.tocs.get(docname)
        digest.update(repr((docname, title.astext() if title is not None else None,
                            toc.astext() if toc is not None else None,
                            env.toctree_includes.get(docname))).encode())  # fmt: skip
    return digest.hexdigest()


def _unchanged_since_last_build(app: Sphinx, plan: Plan) -> bool:
    key = generation_key(app)
    if key is None:
        return False
    outdir = Path(app.outdir)
    try:
        previous = (outdir / KEY_NAME).read_text("utf-8").strip()
    except OSError:
        return False
    if previous != key:
        return False
    return all((outdir / output_file(app, page.pagename)).is_file() for page in plan.pages)


def report(app: Sphinx, plan: Plan) -> None:
    """Warn once per build about page collisions and unusable redirects."""
    for page, docname in plan.collisions:
        if page.kind == "redirect" and page.target is not None:
            warn(
                CbWarning.PAGE_COLLISION,
                f"the redirect page {page.pagename!r} is not written: the document "
                f"{docname!r} has that URL",
                location=(page.target.docname, page.target.line or 1),
            )
            continue
        warn(
            CbWarning.PAGE_COLLISION,
            f"this document has the URL of the generated page {page.pagename!r}; the "
            "document is kept and the generated page is not written",
            location=(docname, 1),
        )
    for post, old, problem in plan.bad_redirects:
        warn(
            CbWarning.FIELD,
            f"redirect {old!r} is not written: {problem}",
            location=(post.docname, post.line or 1),
        )


def report_slug_collisions(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: warn once per build (in every builder) about labels that share a
    slug; the index, its pages and the taxonomy overviews merge them."""
    root: str = app.config.careerblog_path
    index = get_index(app)
    for collision in index.collisions:
        first = collision.labels[0].casefold()
        culprit = next(
            (
                post
                for post in collision.posts
                if any(
                    value in collision.labels and value.casefold() != first
                    for value in BlogIndex.values(post, collision.kind)
                )
            ),
            collision.posts[0],
        )
        distinct: dict[str, str] = {}
        for label in collision.labels:
            distinct.setdefault(label.casefold(), label)
        shown = ", ".join(repr(label) for label in distinct.values())
        pagename = paths.term_page(root, collision.kind, collision.labels[0])
        warn(
            CbWarning.SLUG_COLLISION,
            f"the {collision.kind} labels {shown} all map to the slug {collision.slug!r}; "
            f"they are listed as one {collision.kind} ({pagename}). Spell them the same way, "
            "or rename one",
            location=(culprit.docname, culprit.line or 1),
        )


# -- views: plain values for the templates -------------------------------------------


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
        "archive": _("Archive"),
        "recent": _("Recent posts"),
        "moved": _("This page has moved to"),
    }


def _rel(app: Sphinx, fromname: str, pagename: str) -> str:
    return app.builder.get_relative_uri(fromname, pagename) or "#"


def href(uri: str | None) -> str | None:
    """A link target for a template: None stays None (no link); the page itself is ``#``."""
    if uri is None:
        return None
    return uri or "#"


def post_entry(app: Sphinx, fromname: str, post: PostRecord) -> dict[str, Any]:
    """What a listing shows about one post, with links relative to ``fromname``."""
    config = app.config
    fields = post.fields
    date = fields.date
    authors = []
    for author in fields.authors:
        name, uri = links.author_link(app, fromname, author)
        authors.append({"name": name, "url": href(uri)})

    def terms(kind: paths.TermKind, values: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {
                "title": links.term_title(app, kind, value),
                "url": href(links.term_uri(app, fromname, kind, value)),
            }
            for value in values
        ]

    return {
        "title": post.listed_title,
        "url": href(links.post_uri(app, fromname, post)),
        "external": bool(fields.external_link),
        "date": format_date(config.careerblog_date_format, date, config.language)
        if date is not None
        else None,
        "iso": format_iso(date, fields.date_has_time) if date is not None else None,
        "authors": authors,
        "summary": [part for part in post.summary.split("\n\n") if part.strip()],
        "categories": terms("category", fields.categories),
        "tags": terms("tag", fields.tags),
        "minutes": post.reading_minutes,
        "reading_time": reading_time(post.reading_minutes),
        "draft": post.is_draft,
    }


def _page_title(app: Sphinx, page: PlannedPage) -> tuple[str, str | None]:
    """The heading of a page and the description under it."""
    config = app.config
    term = page.term
    if page.kind == "index":
        return str(config.careerblog_title or config.project), None
    if page.kind == "year":
        return _("Posts from %s") % page.year, None
    if term is not None:
        if page.kind == "category":
            entry = _declared(config.careerblog_categories, term)
            return _("Posts in %s") % term.title, entry.get("description")
        if page.kind == "tag":
            entry = _declared(config.careerblog_tags, term)
            return _("Posts tagged %s") % term.title, entry.get("description")
        entry = config.careerblog_authors.get(term.label, {})
        return _("Posts by %s") % term.title, entry.get("bio")
    titles = {
        "categories": _("Categories"),
        "tags": _("Tags"),
        "authors": _("Authors"),
        "archive": _("Archive"),
    }
    return titles.get(page.kind, page.kind), None


def _declared(registry: dict[str, dict[str, str]], term: Term) -> dict[str, str]:
    return registry.get(term.label) or registry.get(term.slug) or {}


def _page_name(app: Sphinx, page: PlannedPage, number: int) -> str:
    root: str = app.config.careerblog_path
    if page.kind == "index":
        return paths.index_page(root, number)
    if page.kind == "year":
        assert page.year is not None
        return paths.year_page(root, page.year, number)
    assert page.term is not None
    return paths.term_page(root, page.term.kind, page.term.label, number)


def page_context(app: Sphinx, page: PlannedPage) -> dict[str, Any]:
    """The template context of one generated page."""
    if page.kind == "redirect":
        return redirect_context(app, page)
    heading, description = _page_title(app, page)
    view: dict[str, Any] = {
        "kind": page.kind,
        "heading": heading,
        "description": description,
        "labels": labels(),
        "index_url": _rel(app, page.pagename, paths.index_page(app.config.careerblog_path)),
    }
    if page.kind == "author" and page.term is not None:
        url = app.config.careerblog_authors.get(page.term.label, {}).get("url")
        if url:
            view["website"] = {"title": _("Website"), "url": url}
    title = heading
    if page.template == COLLECTION_TEMPLATE:
        view |= collection_view(app, page)
        if page.total > 1:
            title = _("%(title)s (page %(page)d of %(pages)d)") % {
                "title": heading,
                "page": page.number,
                "pages": page.total,
            }
            view["page_label"] = _("Page %(page)d of %(pages)d") % {
                "page": page.number,
                "pages": page.total,
            }
    else:
        view |= overview_view(app, page)
    context: dict[str, Any] = {
        # themes treat ``title`` as HTML (they apply ``striptags``), like a document title
        "title": html.escape(title, quote=False),
        "careerblog_page": view,
        "careerblog_generated": True,
    }
    # the neighbours of a paginated listing, for browsers and crawlers
    head = [
        f'<link rel="{rel}" href="{html.escape(view[key])}" />'
        for rel, key in (("prev", "newer"), ("next", "older"))
        if view.get(key)
    ]
    if head:
        context["metatags"] = "\n    ".join(head)
    return context


def collection_view(app: Sphinx, page: PlannedPage) -> dict[str, Any]:
    name = page.pagename
    view: dict[str, Any] = {
        "posts": [post_entry(app, name, post) for post in page.posts],
        "page": page.number,
        "pages": page.total,
        "newer": _rel(app, name, _page_name(app, page, page.number - 1))
        if page.number > 1
        else None,
        "older": _rel(app, name, _page_name(app, page, page.number + 1))
        if page.number < page.total
        else None,
        "numbers": [
            {
                "number": number,
                "url": _rel(app, name, _page_name(app, page, number)),
                "current": number == page.number,
            }
            for number in range(1, page.total + 1)
        ]
        if page.total > 1
        else [],
        "overview": None,
    }
    root: str = app.config.careerblog_path
    if page.term is not None:
        overview = _OVERVIEW_OF[page.term.kind]
        view["overview"] = {
            "title": labels()[overview],
            "url": _rel(app, name, paths.overview_page(root, overview)),
        }
    elif page.kind == "year":
        view["overview"] = {
            "title": labels()["archive"],
            "url": _rel(app, name, paths.overview_page(root, "archive")),
        }
    return view


def overview_view(app: Sphinx, page: PlannedPage) -> dict[str, Any]:
    name = page.pagename
    index = get_index(app)
    config = app.config
    if page.kind == "archive":
        years = []
        for year, posts in index.years():
            years.append(
                {
                    "year": year,
                    "url": href(links.year_uri(app, name, year)),
                    "count": len(posts),
                    "count_label": post_count(len(posts)),
                    "posts": [
                        {
                            "title": post.listed_title,
                            "url": href(links.post_uri(app, name, post)),
                            "date": format_date(
                                config.careerblog_date_format, post.date, config.language
                            )
                            if post.date
                            else None,
                            "iso": format_iso(post.date, post.fields.date_has_time)
                            if post.date
                            else None,
                            "draft": post.is_draft,
                        }
                        for post in posts
                    ],
                }
            )
        undated = [post for post in index.posts if post.date is None]
        return {"years": years, "undated": len(undated)}
    kind: paths.TermKind = {"categories": "category", "tags": "tag", "authors": "author"}[page.kind]  # type: ignore[assignment]
    terms = []
    for term in index.terms(kind):
        if kind == "author":
            description = config.careerblog_authors.get(term.label, {}).get("bio")
        else:
            registry = (
                config.careerblog_categories if kind == "category" else config.careerblog_tags
            )
            description = _declared(registry, term).get("description")
        terms.append(
            {
                "title": term.title,
                "url": href(links.term_uri(app, name, kind, term.label)),
                "count": len(term.posts),
                "count_label": post_count(len(term.posts)),
                "description": description,
            }
        )
    return {"terms": terms}


def redirect_context(app: Sphinx, page: PlannedPage) -> dict[str, Any]:
    post = page.target
    assert post is not None
    # the post's own page (it moved here), even when listings link out (external_link)
    if page.outfile is None:
        url = app.builder.get_relative_uri(page.pagename, post.docname)
    else:
        url = relative_uri(page.outfile, app.builder.get_target_uri(post.docname))
    url = (url or "./") + (f"#{post.anchor}" if post.anchor else "")
    base: str = app.config.careerblog_baseurl or app.config.html_baseurl or ""
    if post.fields.canonical_link:
        canonical = post.fields.canonical_link
    elif base:
        canonical = base.rstrip("/") + "/" + app.builder.get_target_uri(post.docname)
        if post.anchor:
            canonical += "#" + post.anchor
    else:
        canonical = url
    return {
        "title": html.escape(post.listed_title, quote=False),
        "careerblog_redirect": {
            "title": post.listed_title,
            "url": url,
            "canonical": canonical,
            "labels": labels(),
        },
        "careerblog_generated": True,
    }


# -- build-finished: file redirects; remove what an earlier build generated and this
# -- one does not ----------------------------------------------------------------------


def output_file(app: Sphinx, pagename: str) -> str:
    """The file the builder writes ``pagename`` to, relative to the output directory."""
    builder: Any = app.builder
    if hasattr(builder, "get_output_path"):
        path = Path(builder.get_output_path(pagename))
    else:  # Sphinx < 8.1
        path = Path(builder.get_outfilename(pagename))
    return path.relative_to(app.outdir).as_posix()


def finish_pages(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the redirects the builder cannot name (see
    ``redirect_target``), then delete generated files that are no longer generated."""
    if exception is not None or not links.generated_pages_available(app):
        return
    outdir = Path(app.outdir).resolve()
    manifest = outdir / MANIFEST_NAME
    plan = plan_pages(app)
    for page in plan.files:
        assert page.outfile is not None
        context = {**redirect_context(app, page), "language": app.config.language}
        text = app.builder.templates.render(REDIRECT_TEMPLATE, context)  # type: ignore[attr-defined]
        path = outdir / page.outfile
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    current = {output_file(app, page.pagename) for page in plan.pages}
    current |= {page.outfile for page in plan.files if page.outfile is not None}
    try:
        previous = set(manifest.read_text("utf-8").splitlines())
    except OSError:
        previous = set()
    real = {output_file(app, docname) for docname in app.env.found_docs}
    for name in sorted(previous - current - real):
        path = (outdir / name).resolve()
        if path.is_relative_to(outdir) and path.is_file() and path.suffix == app.builder.out_suffix:  # type: ignore[attr-defined]
            path.unlink()
            _remove_empty_dirs(path.parent, outdir)
    manifest.write_text("".join(f"{name}\n" for name in sorted(current)), "utf-8")
    key = generation_key(app)
    key_file = outdir / KEY_NAME
    if key is None:
        key_file.unlink(missing_ok=True)
    else:
        key_file.write_text(key + "\n", "utf-8")


def _remove_empty_dirs(directory: Path, outdir: Path) -> None:
    """Remove ``directory`` and its parents while they are empty (dirhtml's folders)."""
    while directory != outdir and directory.is_relative_to(outdir):
        try:
            directory.rmdir()  # only succeeds when empty
        except OSError:
            return
        directory = directory.parent
