"""Which feeds this build writes, where they go, and the URLs inside them.

Everything here is a pure function of (store, config, builder): entry ids come from
the base URL's host and the post's key, so two builds of the same sources give the
same ids under html and dirhtml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.feeds.archives import ArchiveFeed, plan_archive_feeds

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "sphinx-careerblog"

MEDIA_TYPES: dict[paths.FeedFormat, str] = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
FORMAT_NAMES: dict[paths.FeedFormat, str] = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}

#: Characters left alone when quoting a path into a URL (``%`` keeps quoted text as is).
_URL_SAFE = "/%#~-._:@!$&'()*+,;="


# -- when, where ------------------------------------------------------------------------


def is_feed_builder(builder: Builder) -> bool:
    """HTML-format builders that publish a site (not EPUB, which packs one book)."""
    return builder.format == "html" and not builder.name.startswith("epub")


def configured_base_url(config: Config) -> str:
    """``careerblog_baseurl``, else ``html_baseurl``, else ``""``."""
    base = config.careerblog_baseurl or getattr(config, "html_baseurl", "") or ""
    return str(base).strip()


def base_url_problem(base: str) -> str | None:
    if not base:
        return (
            "feeds need the site's absolute URL: set careerblog_baseurl or html_baseurl "
            "in conf.py; no feeds are written"
        )
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            f"the base URL {base!r} is not an absolute http(s) URL such as "
            "'https://handbook.example.org/'; no feeds are written"
        )
    return None


def normalised_base(base: str) -> str:
    parts = urlsplit(base)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


@dataclass(frozen=True)
class SiteUrls:
    """Turns output paths into absolute URLs (or root-relative ones without a base)."""

    base: str  # "" or an absolute URL ending in "/"

    def url(self, path: str) -> str:
        return self.base + quote(path, safe=_URL_SAFE)


def page_uri(builder: Builder, pagename: str) -> str:
    """The URI of a page relative to the output root, as the builder names it."""
    uri = builder.get_target_uri(pagename)
    if uri.startswith("#"):  # singlehtml: everything is on the root page
        uri = builder.config.root_doc + getattr(builder, "out_suffix", ".html") + uri
    return uri


def post_page_url(builder: Builder, urls: SiteUrls, post: PostRecord) -> str:
    """URL of the page holding a post (no fragment): the base for its relative links."""
    return urls.url(page_uri(builder, post.docname).split("#", 1)[0])


def post_url(builder: Builder, urls: SiteUrls, post: PostRecord) -> str:
    """The post's own URL in the handbook: its page, plus ``#anchor`` for a section post."""
    uri = page_uri(builder, post.docname)
    if post.anchor:
        uri = uri.split("#", 1)[0] + "#" + post.anchor
    return urls.url(uri)


def entry_id(post: PostRecord, base: str) -> str:
    """A tag URI (RFC 4151) from the base URL's host, the post's date and its key.

    It does not depend on the builder (html and dirhtml give the same id) nor on
    the build; it changes only when the post's docname, anchor or date changes.
    """
    parts = urlsplit(base)
    host = (parts.hostname or "").lower()
    assert post.date is not None
    day = post.date.date().isoformat()
    prefix = parts.path.strip("/")
    specific = quote(f"{prefix}/{post.docname}" if prefix else post.docname, safe="/-._~")
    fragment = "#" + quote(post.anchor, safe="-._~") if post.anchor else ""
    return f"tag:{host},{day}:{specific}{fragment}"


# -- what goes in -----------------------------------------------------------------------


def in_feeds(post: PostRecord) -> bool:
    """Only public, dated posts: never ``internal``, never drafts (even when listed)."""
    return post.visibility == "public" and not post.is_draft and post.date is not None


@dataclass(frozen=True)
class FeedPlan:
    """Which feeds this build writes, and the posts of each (newest first, cut to length)."""

    urls: SiteUrls
    root: str  # careerblog_path
    formats: tuple[paths.FeedFormat, ...]
    site_posts: tuple[PostRecord, ...]
    #: category slug -> (label, posts); only categories with at least one entry
    categories: dict[str, tuple[str, tuple[PostRecord, ...]]]
    #: ``careerblog_feed_archives``: a feed beside each tag, author, language,
    #: location and year page
    archives: tuple[ArchiveFeed, ...] = ()
    #: ``careerblog_feed_templates`` names besides ``atom``: one more Atom feed each
    templated: tuple[str, ...] = ()

    def templated_files(self) -> list[tuple[str, str]]:
        if not self.site_posts or "atom" not in self.formats:
            return []
        return [(name, f"{self.root}/{name}.xml") for name in self.templated]

    def site_files(self) -> list[tuple[paths.FeedFormat, str]]:
        if not self.site_posts:
            return []
        root = self.root
        return [(fmt, paths.feed_file(root, fmt)) for fmt in self.formats]

    def files(self) -> list[str]:
        """Every feed file of the plan, relative to the output directory."""
        categories = [self.category_file(slug) for slug in self.categories]
        archives = [feed.path for feed in self.archives] if "atom" in self.formats else []
        return (
            [path for _, path in self.site_files()]
            + [path for path in categories if path]
            + archives
            + [path for _, path in self.templated_files()]
        )

    def category_file(self, slug: str) -> str | None:
        if "atom" not in self.formats or slug not in self.categories:
            return None
        return paths.category_feed_file(self.root, self.categories[slug][0])


def plan_feeds(app: Sphinx) -> FeedPlan | None:
    """The feeds of this build, or None when it writes none (no problem is reported).

    Computed once per build: every page asks for it (autodiscovery links)."""
    return get_index(app).derived("feed-plan", lambda: _plan_feeds(app))


def _plan_feeds(app: Sphinx) -> FeedPlan | None:
    config = app.config
    every: tuple[paths.FeedFormat, ...] = ("atom", "rss", "json")
    formats = tuple(fmt for fmt in every if fmt in config.careerblog_feed_formats)
    if not formats or not is_feed_builder(app.builder):
        return None
    base = configured_base_url(config)
    if base_url_problem(base):
        return None
    length: int = config.careerblog_feed_length
    index = get_index(app)
    site_posts = tuple(post for post in index.posts if in_feeds(post))[:length]
    categories: dict[str, tuple[str, tuple[PostRecord, ...]]] = {}
    for term in index.terms("category"):
        posts = tuple(post for post in term.posts if in_feeds(post))[:length]
        if posts:
            categories[term.slug] = (term.label, posts)
    return FeedPlan(
        urls=SiteUrls(normalised_base(base)),
        root=config.careerblog_path,
        formats=formats,
        site_posts=site_posts,
        categories=categories,
        archives=plan_archive_feeds(config, index, in_feeds, length),
        templated=tuple(name for name in config.careerblog_feed_templates if name != "atom"),
    )
