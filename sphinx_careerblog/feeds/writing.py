"""``build-finished``: build every feed of the plan and write the files whose bytes
changed (an unchanged feed keeps its modification time); remove feeds this
extension wrote earlier that the sources no longer give.

Feeds are written on ``build-finished`` only (never from ``doctree-resolved``, which
may run in forked processes), and only when the build succeeded under an HTML
builder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.feeds.archives import archive_feed_dirs
from sphinx_careerblog.feeds.atom import atom_document
from sphinx_careerblog.feeds.fulltext import BodyRenderer
from sphinx_careerblog.feeds.jsonfeed import json_document
from sphinx_careerblog.feeds.model import (
    Entry,
    Feed,
    feed_author,
    make_entry,
    site_language,
)
from sphinx_careerblog.feeds.plan import (
    GENERATOR,
    JSON_FEED_VERSION,
    FeedPlan,
    SiteUrls,
    base_url_problem,
    configured_base_url,
    in_feeds,
    is_feed_builder,
    page_uri,
    plan_feeds,
)
from sphinx_careerblog.feeds.rss import rss_document
from sphinx_careerblog.feeds.templates import EntryTemplates, compile_templates
from sphinx_careerblog.i18n import _
from sphinx_careerblog.site import freshness
from sphinx_careerblog.site.links import generated_pages_available, term_title
from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

SERIALISERS = {"atom": atom_document, "rss": rss_document, "json": json_document}


def blog_home_url(app: Sphinx, urls: SiteUrls) -> str:
    if generated_pages_available(app):
        return urls.url(page_uri(app.builder, paths.index_page(app.config.careerblog_path)))
    return urls.base


def category_home_url(app: Sphinx, urls: SiteUrls, label: str) -> str:
    if generated_pages_available(app):
        pagename = paths.term_page(app.config.careerblog_path, "category", label)
        return urls.url(page_uri(app.builder, pagename))
    return blog_home_url(app, urls)


def build_feeds(app: Sphinx, plan: FeedPlan) -> dict[str, bytes]:
    """Every feed file of the plan: output path -> bytes."""
    feeds = FeedFiles(app, plan)
    return {**feeds.site_files(), **feeds.category_files(), **feeds.archive_files()}


class FeedFiles:
    """The feeds of one plan; each post's entry is made once and shared by them."""

    def __init__(self, app: Sphinx, plan: FeedPlan) -> None:
        config = app.config
        self.app, self.plan, self.urls = app, plan, plan.urls
        self.templates = compile_templates(app)
        self.shaped = bool(self.templates) or bool(config.careerblog_feed_titles)
        fulltext = config.careerblog_feed_fulltext or any(
            "content" in feed.compiled for feed in self.templates.values()
        )
        self.renderer = BodyRenderer(app, self.urls) if fulltext else None
        self.entries: dict[str, Entry] = {}
        self.title = str(config.careerblog_title or config.project)

    def entries_of(
        self, posts: tuple[PostRecord, ...], feed: EntryTemplates | None = None
    ) -> tuple[Entry, ...]:
        result = []
        for post in posts:
            if post.key not in self.entries:
                self.entries[post.key] = make_entry(self.app, post, self.urls, self.renderer)
            entry = self.entries[post.key]
            result.append(shape_entry(self.app, entry, post, feed) if self.shaped else entry)
        return tuple(result)

    def feed(
        self, title: str, description: str, home_url: str, posts: tuple[PostRecord, ...],
        self_urls: dict[str, str],
    ) -> Feed:  # fmt: skip
        return Feed(
            title=title,
            description=description,
            home_url=home_url,
            entries=self.entries_of(posts),
            self_urls=self_urls,
            language=site_language(self.app.config),
            author=feed_author(self.app.config),
            scheme_base=self.urls.url(f"{self.plan.root}/"),
        )

    def site_files(self) -> dict[str, bytes]:
        """The site feeds in every format, and those of ``careerblog_feed_templates``."""
        plan, site_files = self.plan, self.plan.site_files()
        if not site_files:
            return {}
        description = self.app.config.careerblog_feed_subtitle or (
            _("The latest posts of %s") % self.title
        )
        feed = self.feed(
            self.title,
            description,
            blog_home_url(self.app, self.urls),
            plan.site_posts,
            {fmt: self.urls.url(path) for fmt, path in site_files},
        )
        files: dict[str, bytes] = {}
        for fmt, path in site_files:
            shown = feed
            if fmt == "atom" and "atom" in self.templates:
                shown = replace(
                    feed, entries=self.entries_of(plan.site_posts, self.templates["atom"])
                )
            files[path] = SERIALISERS[fmt](shown)
        return files | templated_feeds(plan, feed, self.templates, self.entries_of)

    def category_files(self) -> dict[str, bytes]:
        """One Atom feed per category that has one."""
        declared_categories = self.app.config.careerblog_categories
        files: dict[str, bytes] = {}
        for slug, (label, posts) in self.plan.categories.items():
            path = self.plan.category_file(slug)
            if path is None:
                continue
            category = term_title(self.app, "category", label)
            declared = declared_categories.get(slug) or declared_categories.get(label, {})
            feed = self.feed(
                # Translators: the title of a category's feed (blog title, category title)
                _("%(blog)s: %(category)s") % {"blog": self.title, "category": category},
                declared.get("description") or _("Posts in the category %s") % category,
                category_home_url(self.app, self.urls, label),
                posts,
                {"atom": self.urls.url(path)},
            )
            files[path] = atom_document(feed)
        return files

    def archive_files(self) -> dict[str, bytes]:
        """The Atom feeds of ``careerblog_feed_archives``."""
        if "atom" not in self.plan.formats:
            return {}
        files: dict[str, bytes] = {}
        for archive in self.plan.archives:
            feed = self.feed(
                f"{self.title}: {archive.title}",
                archive.description,
                page_url(self.app, self.urls, archive.pagename),
                archive.posts,
                {"atom": self.urls.url(archive.path)},
            )
            files[archive.path] = atom_document(feed)
        return files


def page_url(app: Sphinx, urls: SiteUrls, pagename: str) -> str:
    """The absolute URL of a generated page (the blog index where there are none)."""
    if generated_pages_available(app):
        return urls.url(page_uri(app.builder, pagename))
    return blog_home_url(app, urls)


def shape_entry(app: Sphinx, entry: Entry, post: PostRecord, feed: EntryTemplates | None) -> Entry:
    """Titles-only feeds (``careerblog_feed_titles``) and a feed's entry templates (which
    see the full content even when the feed itself carries none)."""
    if feed is not None:
        entry = feed.apply(app, entry, post)
    if app.config.careerblog_feed_titles:
        return replace(entry, summary="", content_html=None)
    if not app.config.careerblog_feed_fulltext and not (feed and "content" in feed.compiled):
        return replace(entry, content_html=None)
    return entry


def templated_feeds(
    plan: FeedPlan,
    site: Feed,
    templates: dict[str, EntryTemplates],
    entries_of: Callable[[tuple[PostRecord, ...], EntryTemplates | None], tuple[Entry, ...]],
) -> dict[str, bytes]:
    """The extra Atom feeds of ``careerblog_feed_templates`` (every name but ``atom``)."""
    files: dict[str, bytes] = {}
    for name, path in plan.templated_files():
        feed = replace(
            site,
            entries=entries_of(plan.site_posts, templates[name]),
            self_urls={"atom": plan.urls.url(path)},
        )
        files[path] = atom_document(feed)
    return files


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the feeds of a successful HTML build."""
    if exception is not None or not is_feed_builder(app.builder):
        return
    config = app.config
    if not config.careerblog_feed_formats:
        return
    problem = base_url_problem(configured_base_url(config))
    if problem:
        if any(in_feeds(post) for post in get_index(app).posts):
            name = "careerblog_baseurl" if app.config.careerblog_baseurl else "html_baseurl"
            warn(CbWarning.FEED, problem, location=conf_location(app.confdir, name))
        return
    plan = plan_feeds(app)
    if plan is None:
        return
    outdir = Path(app.outdir)
    if freshness.feeds_unchanged(app) and all((outdir / path).is_file() for path in plan.files()):
        return  # built from the same inputs as the files already there
    files = build_feeds(app, plan)
    for path, data in files.items():
        target = outdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    remove_stale_feeds(outdir, plan.root, set(files))


def remove_stale_feeds(outdir: Path, root: str, written: set[str]) -> None:
    """Remove feeds this extension wrote earlier that the sources no longer give.

    Only files at feed paths that carry this extension's generator mark are removed:
    a deleted category's feed, or a site feed after its last public post went.
    """
    candidates = [paths.feed_file(root, fmt) for fmt in paths.FEED_FILES]
    for directory in [f"{root}/category", *archive_feed_dirs(root)]:
        if (outdir / directory).is_dir():
            candidates += [f"{directory}/{p.name}" for p in (outdir / directory).glob("*.atom.xml")]
    if (outdir / root).is_dir():  # feeds of careerblog_feed_templates
        candidates += [f"{root}/{p.name}" for p in (outdir / root).glob("*.xml")]
    for path in sorted(set(candidates) - written):
        target = outdir / path
        if target.is_file() and _written_by_us(target):
            target.unlink()


def _written_by_us(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(16384)
    if path.suffix == ".json":  # JSON Feed has no generator field: a 1.1 feed at our path
        return f'"version": "{JSON_FEED_VERSION}"'.encode() in head
    return f">{GENERATOR}".encode() in head and b"<generator" in head
