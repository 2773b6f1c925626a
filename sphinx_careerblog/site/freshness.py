"""When a generated page is written again: one rule, decided at the end of reading.

A generated page is written when

* what it shows changed: its fingerprint is a hash of its ``PlannedPage`` (every
  value its template context is made from, see ``plan``) and of the feed links it
  advertises;
* a global input changed (``site_fingerprint``): the extension's version, the
  configuration and tags (Sphinx's build-info hashes), the templates, our static
  assets, labels and message catalog, whether the root document's toctrees list
  anything (``navigation_shape``) and, when blog sidebars are configured that cannot
  be refreshed in place (``sidebar_refresh``), what they show;
* the navigation the theme draws (``NavigationCollector``) changed and
  ``navigation.decide_refresh`` cannot refresh it in place;
* every document is being written (``-a``, or whatever else made Sphinx rewrite
  them all): ``note_written`` sees each one on ``doctree-resolved`` in the main
  process, serial or parallel;
* or its output file is missing.

The feeds and ``posts.json`` are built again (and written when their bytes differ)
unless their inputs (``feeds_fingerprint``, ``posts_catalog_fingerprint``: the catalog also
shows word counts) are unchanged and no full write happens.

The fingerprints are computed on ``env-get-updated``, where the builder exists and
before Sphinx pickles the environment, and kept in ``env.careerblog.generated``
under the builder's name and output directory (a doctree directory can be shared by
several builders). Pages that the last build into that directory generated and this
one does not are removed (``writing.finish_pages``). Nothing is kept in the output
directory.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_careerblog import __version__
from sphinx_careerblog.assets import STATIC_DIRS
from sphinx_careerblog.data.store import GeneratedOutput, get_store
from sphinx_careerblog.feeds.autodiscovery import page_feeds
from sphinx_careerblog.i18n import catalog_fingerprint
from sphinx_careerblog.posts.collector import current_docname
from sphinx_careerblog.site import links
from sphinx_careerblog.site.contexts import labels
from sphinx_careerblog.site.plan import Plan, PlannedPage, html_builder, output_file, plan_pages
from sphinx_careerblog.site.sidebars import (
    configured_blog_sidebars,
    refreshable,
    sidebar_fingerprint,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.store import CareerBlogData

_DECISION = "careerblog.rewrites"
_WRITTEN = "careerblog.written"
_PAGES_WRITTEN = "careerblog.pages-written"
_READ = "careerblog.read"
_SITE = "careerblog.site-fingerprint"
#: the ``transient`` entry set when the navigation of unwritten pages is refreshed
NAVIGATION_REFRESH = "careerblog.navigation-refresh"


class NavigationCollector(EnvironmentCollector):
    """Keeps, per document, a digest of what a theme's navigation can show of it."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        get_store(env).navigation.pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        mine, theirs = get_store(env).navigation, get_store(other).navigation
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = current_docname(env)
        get_store(env).navigation[docname] = navigation_signature(env, docname)


def navigation_signature(env: BuildEnvironment, docname: str) -> str:
    """The title, the table of contents (with its toctrees and their options) and the
    ``tocdepth`` of a document: everything ``toctree()`` draws of it."""
    title = env.titles.get(docname)
    toc = env.tocs.get(docname)
    shown = (
        title.pformat() if title is not None else None,
        toc.pformat() if toc is not None else None,
        env.metadata.get(docname, {}).get("tocdepth"),
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def note_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: whether this build reads documents (then Sphinx saves
    the environment on its own)."""
    store = get_store(env)
    store.transient[_READ] = bool(docnames)
    if docnames:
        store.note_documents_changed()


def note_purged(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``: a document changed or was removed (``documents_unchanged``)."""
    get_store(env).note_documents_changed()


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the documents this build writes (main process only)."""
    written = get_store(app.env).transient.setdefault(_WRITTEN, set())
    assert isinstance(written, set)
    written.add(docname)


def note_page_written(app: Sphinx, pagename: str) -> None:
    """A generated page this build writes (``writing.collect_pages``)."""
    written = get_store(app.env).transient.setdefault(_PAGES_WRITTEN, set())
    assert isinstance(written, set)
    written.add(pagename)


def written_pages(app: Sphinx) -> set[str]:
    """The documents and generated pages this build writes."""
    transient = get_store(app.env).transient
    documents, pages = transient.get(_WRITTEN, set()), transient.get(_PAGES_WRITTEN, set())
    assert isinstance(documents, set) and isinstance(pages, set)
    return documents | pages


# -- fingerprints ----------------------------------------------------------------------


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def page_fingerprint(app: Sphinx, page: PlannedPage, shown: dict[int, str]) -> str:
    """A hash of what one page shows: the planned page and the feeds it links to.

    ``shown`` memoises the digest of each listed post by identity: the plan shares one
    ``ShownPost`` between every page that lists it, so each is hashed once per build."""
    posts = []
    for post in page.posts:
        digest = shown.get(id(post))
        if digest is None:
            digest = shown[id(post)] = _digest(post)
        posts.append(digest)
    rest = dataclasses.replace(page, posts=())
    return _digest(rest, posts, page_feeds(app, page.pagename))


def _files_digest(directories: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for directory in directories:
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def navigation_fingerprint(app: Sphinx, store: CareerBlogData) -> str:
    navigation = store.navigation
    shown = [(name, navigation.get(name)) for name in sorted(app.env.found_docs)]
    # drafts and scheduled posts are taken out of the navigation (posts.visibility)
    return _digest(shown, store.hidden_pages)


def navigation_shape(app: Sphinx) -> tuple[bool, bool]:
    """Whether the root document's toctrees list anything, visible and at all: what
    decides if ``toctree()`` returns nothing, which themes test (``navigation``
    refreshes only a navigation that was drawn)."""
    toc = app.env.tocs.get(app.config.root_doc)
    toctrees = list(toc.findall(addnodes.toctree)) if toc is not None else []
    listed = [node for node in toctrees if node.get("entries")]
    return any(not node.get("hidden") for node in listed), bool(listed)


def documents_fingerprint(app: Sphinx) -> str:
    """A hash of every document's name (a generated page may have a document's URL)."""
    return _digest(sorted(app.env.found_docs))


def site_fingerprint(app: Sphinx) -> str:
    """A hash of what every generated page shows alike (see the module docstring);
    computed once per build, after reading (``decide_rewrites``)."""
    store = get_store(app.env)
    known = store.transient.get(_SITE)
    if isinstance(known, str):
        return known
    return _site_fingerprint(app, store)


def _site_fingerprint(app: Sphinx, store: CareerBlogData) -> str:
    builder = html_builder(app)
    # sidebars refreshed in place are no reason to write a page again
    shown_in_sidebars = configured_blog_sidebars(app) and not refreshable(app)
    sidebars = sidebar_fingerprint(app, store) if shown_in_sidebars else None
    return _digest(
        __version__,
        builder.name,
        builder.build_info.config_hash,
        builder.build_info.tags_hash,
        builder.templates.newest_template_mtime(),
        _files_digest(STATIC_DIRS),
        labels(),
        catalog_fingerprint(app.config.language),
        navigation_shape(app),
        sidebars,
    )


# -- the decision ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rewrites:
    """This build's plan, the pages to write because what they show changed, the
    files the last build generated that this one does not, whether one of the
    files this build generates is missing from the output directory, and whether
    the navigation changed."""

    plan: Plan
    changed: frozenset[str]
    stale: frozenset[str]
    missing: bool = True
    #: what the theme's navigation shows changed (``navigation`` decides what then)
    navigation_changed: bool = False


#: the keys, among page fingerprints, of what the feeds and ``posts.json`` are built from
FEEDS = "feeds:"
CATALOG = "catalog:"


def shown_in_feeds(post: PostRecord) -> tuple[object, ...]:
    """Every part of a post record a feed reads: all but the word count, which only
    ``posts.json`` shows (a body edit changes it)."""
    return (post.docname, post.anchor, post.title, post.fields, post.reading_minutes,
            post.summary, post.image, post.order)  # fmt: skip


def _sources_fingerprint(app: Sphinx, records: list[object]) -> str:
    """A hash of post records, the images Sphinx copies, and the global inputs."""
    images = sorted((name, entry[1]) for name, entry in app.env.images.items())
    return _digest(site_fingerprint(app), records, images)


def feeds_fingerprint(app: Sphinx) -> str:
    """A hash of what the feeds are built from (without full text)."""
    return _sources_fingerprint(app, [shown_in_feeds(p) for p in get_store(app.env).iter_posts()])


def posts_catalog_fingerprint(app: Sphinx) -> str:
    """A hash of what ``posts.json`` is built from: every post record."""
    return _sources_fingerprint(app, list(get_store(app.env).iter_posts()))


def _plan_inputs_unchanged(app: Sphinx, previous: GeneratedOutput, documents: str) -> bool:
    """Whether every page is planned from what the last build planned it from.

    The plan reads of each post what its feeds read (all of its record but the word
    count, ``shown_in_feeds``), besides the configuration and the builder, which the
    site fingerprint covers, and the list of documents. So when those and the feeds'
    fingerprint are the ones remembered, so is every page's: a body edit that changes
    no summary or reading time plans nothing new."""
    return previous.documents == documents and previous.pages.get(FEEDS) == feeds_fingerprint(app)


def _output_of(app: Sphinx, plan: Plan, navigation: str, documents: str) -> GeneratedOutput:
    shown: dict[int, str] = {}  # the plan (alive until the end) holds every post
    pages = {page.pagename: page_fingerprint(app, page, shown) for page in plan.pages}
    pages[FEEDS] = feeds_fingerprint(app)
    pages[CATALOG] = posts_catalog_fingerprint(app)
    pages |= {f"file:{page.outfile}": page_fingerprint(app, page, shown) for page in plan.files}
    files = {output_file(app, page.pagename) for page in plan.pages}
    files |= {page.outfile for page in plan.files if page.outfile is not None}
    return GeneratedOutput(site_fingerprint(app), pages, frozenset(files), navigation, documents)


def output_key(app: Sphinx) -> tuple[str, str]:
    """What is remembered per builder and output directory (a doctree directory can be
    shared by several builders) is kept under this key."""
    return app.builder.name, str(Path(app.outdir).resolve())


def decide_rewrites(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated`` (after the collectors): fingerprint every generated page,
    remember them in the environment and keep this build's decision for writing.

    Returns the root document when what is remembered changed although no document
    was read: Sphinx saves the environment only when some document is updated.
    """
    if not links.generated_pages_available(app):
        return []
    store = get_store(env)
    store.transient[_SITE] = site = _site_fingerprint(app, store)  # its inputs are final now
    plan = plan_pages(app)
    key = output_key(app)
    previous = store.generated.get(key)
    same_site = previous is not None and previous.site == site
    if previous is not None and same_site and store.documents_unchanged():
        # a page's fingerprint is a function of store, configuration and builder
        # (``plan``): with no document read or removed and the same global inputs,
        # every fingerprint is the one remembered
        current = previous
    else:
        navigation = navigation_fingerprint(app, store)
        documents = documents_fingerprint(app)
        if previous is not None and same_site and _plan_inputs_unchanged(app, previous, documents):
            current = dataclasses.replace(
                previous,
                pages={**previous.pages, CATALOG: posts_catalog_fingerprint(app)},
                navigation=navigation,
            )
        else:
            current = _output_of(app, plan, navigation, documents)
    if previous is None or not same_site:
        changed = frozenset(current.pages)
    else:
        changed = frozenset(
            name for name, value in current.pages.items() if previous.pages.get(name) != value
        )
    stale = previous.files - current.files if previous is not None else frozenset()
    missing = _missing_files(app, current)
    navigation_changed = previous is not None and previous.navigation != current.navigation
    store.transient[_DECISION] = Rewrites(plan, changed, stale, missing, navigation_changed)
    if current == previous and not missing:
        return []
    store.generated[key] = current
    # Sphinx 7 writes nothing at all (no generated page either) when no document is updated
    read = bool(store.transient.get(_READ))
    return [] if read else [app.config.root_doc]


def _missing_files(app: Sphinx, output: GeneratedOutput) -> bool:
    """Whether a page the last build generated is no longer in the output directory."""
    outdir = Path(app.outdir)
    return not all((outdir / name).is_file() for name in output.files)


def rewrites(app: Sphinx) -> Rewrites:
    """This build's decision (computed on ``env-get-updated``)."""
    decision = get_store(app.env).transient.get(_DECISION)
    if isinstance(decision, Rewrites):
        return decision
    plan = plan_pages(app)  # not decided: write everything
    return Rewrites(plan, frozenset(_output_of(app, plan, "", "").pages), frozenset())


def widen(app: Sphinx, pages: Iterable[str]) -> None:
    """Write these generated pages too (``navigation``: a navigation it cannot refresh)."""
    store = get_store(app.env)
    decision = rewrites(app)
    store.transient[_DECISION] = dataclasses.replace(
        decision, changed=decision.changed | frozenset(pages)
    )


def request_navigation_refresh(app: Sphinx) -> None:
    get_store(app.env).transient[NAVIGATION_REFRESH] = True


def navigation_refresh_requested(app: Sphinx) -> bool:
    return bool(get_store(app.env).transient.get(NAVIGATION_REFRESH))


def is_full_write(app: Sphinx) -> bool:
    """Whether this build writes every document (``-a``, a configuration or template
    change, a new output directory, ...)."""
    written = get_store(app.env).transient.get(_WRITTEN, set())
    assert isinstance(written, set)
    return app.env.found_docs <= written


def feeds_unchanged(app: Sphinx, key: str = FEEDS) -> bool:
    """Whether the feeds (``key`` ``CATALOG``: the catalog) would be built from what the
    last build into this output directory built them from (never with full text,
    whose bodies show other documents' titles)."""
    if app.config.careerblog_feed_fulltext or not links.generated_pages_available(app):
        return False
    decision = get_store(app.env).transient.get(_DECISION)
    if not isinstance(decision, Rewrites) or key in decision.changed:
        return False
    return not is_full_write(app)


def must_write(app: Sphinx, decision: Rewrites, key: str, outfile: str, full: bool) -> bool:
    """Whether to write the page (or file redirect) ``key`` to ``outfile`` now."""
    return full or key in decision.changed or not (Path(app.outdir) / outfile).is_file()
