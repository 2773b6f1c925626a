"""Atom 1.0, RSS 2.0 and JSON Feed 1.1, written when an HTML build finishes.

Everything here is a pure function of (store, config, builder): entry ids come from
the base URL's host and the post's key, timestamps from post metadata, so two
builds of the same sources give byte-identical files. XML is built with
``xml.etree.ElementTree`` (every text and attribute escaped by the serializer);
``docs/reference/feeds.md`` says why no feed library is used.

Feeds are written on ``build-finished`` only (never from ``doctree-resolved``, which
may run in forked processes), and only when the build succeeded under an HTML
builder. ``html-page-context`` adds ``<link rel="alternate">`` autodiscovery.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import inspect
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging as sphinx_logging

from sphinx_careerblog import __version__
from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _
from sphinx_careerblog.site.links import generated_pages_available, term_title
from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "sphinx-careerblog"

MEDIA_TYPES: dict[paths.FeedFormat, str] = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
FORMAT_NAMES: dict[paths.FeedFormat, str] = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}

#: Sphinx's placeholder values of ``author``: not a name to put in a feed.
_PLACEHOLDER_AUTHORS = frozenset({"", "unknown", "Author name not set"})

#: Characters XML 1.0 cannot carry, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Blocks under a post that are navigation, not the post's own text.
_NOT_BODY_CLASSES = frozenset({"cb-byline", "cb-draft-banner", "cb-related", "cb-series"})

#: URL-bearing attributes in the HTML writer's output (always double-quoted there).
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster)=")([^"]*)(")')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)

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


# -- dates ------------------------------------------------------------------------------


def as_utc(value: dt.datetime) -> dt.datetime:
    """A naive date-time is UTC; an aware one is converted to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def rfc3339(value: dt.datetime) -> str:
    return as_utc(value).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(value: dt.datetime) -> str:
    return email.utils.format_datetime(as_utc(value).replace(microsecond=0), usegmt=True)


def published(post: PostRecord) -> dt.datetime:
    assert post.date is not None
    return as_utc(post.date)


def updated(post: PostRecord) -> dt.datetime:
    """``updated`` (which already holds the latest ``update`` directive), else ``date``.

    Never earlier than the publication date (an ``updated`` before ``date`` is a typo).
    """
    latest = post.fields.updated
    return max(as_utc(latest), published(post)) if latest is not None else published(post)


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

    def site_files(self) -> list[tuple[paths.FeedFormat, str]]:
        if not self.site_posts:
            return []
        root = self.root
        return [(fmt, paths.feed_file(root, fmt)) for fmt in self.formats]

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
    formats = tuple(fmt for fmt in ("atom", "rss", "json") if fmt in config.careerblog_feed_formats)
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
        formats=formats,  # type: ignore[arg-type]
        site_posts=site_posts,
        categories=categories,
    )


# -- the feed model ---------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Category:
    kind: str  # "category" or "tag"
    label: str  # as the author wrote it
    title: str  # declared title, else the label


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str  # where a reader goes: the external article, else the post
    post_url: str  # the post in the handbook
    external_url: str | None
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[Person, ...]
    categories: tuple[Category, ...]
    summary: str
    content_html: str | None
    image: str | None
    language: str | None


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home_url: str
    language: str
    author: Person
    entries: tuple[Entry, ...]
    scheme_base: str  # category/tag scheme URLs start here
    #: format -> absolute URL of that feed's own file
    self_urls: dict[str, str] = field(default_factory=dict)

    @property
    def updated(self) -> dt.datetime:
        return max(entry.updated for entry in self.entries)


def site_language(config: Config) -> str:
    return str(config.language or "en").replace("_", "-")


def feed_author(config: Config) -> Person:
    name = str(getattr(config, "author", "") or "").strip()
    if name in _PLACEHOLDER_AUTHORS:
        name = str(config.careerblog_title or config.project)
    return Person(name)


def image_url(app: Sphinx, post: PostRecord, urls: SiteUrls) -> str | None:
    """The absolute URL of a post's image, wherever the author pointed."""
    image = post.image
    if not image:
        return None
    if urlsplit(image).scheme or image.startswith("//"):
        return image
    env = app.env
    imagedir = getattr(app.builder, "imagedir", "_images")
    # as written (relative to the source root), then as an image directive reads it
    candidates = [image, str(env.relfn2path(image, post.docname)[0])]
    for candidate in candidates:
        if candidate in env.images:
            return urls.url(f"{imagedir}/{env.images[candidate][1]}")
    # a file the site publishes itself (html_static_path, html_extra_path)
    return urls.url(image.lstrip("/"))


class BodyRenderer:
    """Renders posts' bodies to HTML with absolute links, once per post per build."""

    def __init__(self, app: Sphinx, urls: SiteUrls) -> None:
        self.app = app
        self.urls = urls
        self._doctrees: dict[str, nodes.document] = {}
        self._bodies: dict[str, str] = {}

    def body(self, post: PostRecord) -> str:
        if post.key not in self._bodies:
            with sphinx_logging.suppress_logging():
                self._bodies[post.key] = self._render(post)
        return self._bodies[post.key]

    def _doctree(self, docname: str) -> nodes.document:
        if docname not in self._doctrees:
            env = self.app.env
            builder = self.app.builder
            kwargs: dict[str, Any] = {}
            if "tags" in inspect.signature(env.get_and_resolve_doctree).parameters:
                kwargs["tags"] = builder.tags
            self._doctrees[docname] = env.get_and_resolve_doctree(docname, builder, **kwargs)
        return self._doctrees[docname]

    def _scope(self, post: PostRecord) -> nodes.Element:
        """A copy of the post's nodes: its section, or the whole page without its title."""
        doctree = self._doctree(post.docname)
        if post.anchor:
            for section in doctree.findall(nodes.section):
                if post.anchor in section["ids"]:
                    scope = section.deepcopy()
                    if scope.children and isinstance(scope[0], nodes.title):
                        scope.remove(scope[0])
                    return scope
        container = nodes.container()
        for child in doctree.children:
            copy = child.deepcopy()
            if isinstance(copy, nodes.section) and isinstance(copy[0], nodes.title):
                copy.remove(copy[0])  # the entry's title already says it
            container += copy
        return container

    def _render(self, post: PostRecord) -> str:
        builder = self.app.builder
        scope = self._scope(post)
        for element in list(scope.findall(nodes.Element)):
            if _NOT_BODY_CLASSES.intersection(element.get("classes", ())) and element.parent:
                element.parent.remove(element)
        self._add_notes(scope, self._doctree(post.docname))
        self._absolute_files(scope)
        fragment = builder.render_partial(scope)["fragment"]  # type: ignore[attr-defined]
        page = post_page_url(builder, self.urls, post)
        return absolute_links(_HEADERLINK.sub("", str(fragment)), page).strip()

    @staticmethod
    def _add_notes(scope: nodes.Element, doctree: nodes.document) -> None:
        """Footnotes and citations a section post cites but that stand outside it."""
        present = {id_ for node in scope.findall(nodes.Element) for id_ in node["ids"]}
        wanted = [
            ref["refid"]
            for ref in scope.findall(nodes.Element)
            if isinstance(ref, (nodes.footnote_reference, nodes.citation_reference))
            and "refid" in ref
            and ref["refid"] not in present
        ]
        for note in doctree.findall(nodes.Element):
            if isinstance(note, (nodes.footnote, nodes.citation)) and set(note["ids"]) & set(
                wanted
            ):
                scope += note.deepcopy()
                wanted = [id_ for id_ in wanted if id_ not in note["ids"]]

    def _absolute_files(self, scope: nodes.Element) -> None:
        """Images and downloads: the writer would make them relative to another page."""
        env = self.app.env
        builder = self.app.builder
        imagedir = getattr(builder, "imagedir", "_images")
        for image in scope.findall(nodes.image):
            candidates: dict[str, str] = image.get("candidates", {})
            if "?" in candidates:
                continue
            chosen = image["uri"]
            if "*" not in candidates:
                for mimetype in builder.supported_image_types:
                    if mimetype in candidates:
                        chosen = candidates[mimetype]
                        break
            if chosen in env.images:
                image["uri"] = self.urls.url(f"{imagedir}/{env.images[chosen][1]}")
        for download in scope.findall(addnodes.download_reference):
            if "filename" in download and "refuri" not in download:
                download["refuri"] = self.urls.url(f"_downloads/{download['filename']}")


def absolute_links(fragment: str, page_url: str) -> str:
    """Resolve every relative ``href``/``src`` of an HTML fragment against its page."""

    def resolve(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        if not value or urlsplit(value).scheme or value.startswith("//"):
            return match.group(0)
        return match.group(1) + html.escape(urljoin(page_url, value), quote=True) + match.group(3)

    return _URL_ATTRIBUTE.sub(resolve, fragment)


def make_entry(
    app: Sphinx, post: PostRecord, urls: SiteUrls, renderer: BodyRenderer | None
) -> Entry:
    config = app.config
    builder = app.builder
    authors_config: dict[str, dict[str, str]] = config.careerblog_authors
    authors = tuple(
        Person(
            str(authors_config.get(key, {}).get("name", key)),
            authors_config.get(key, {}).get("url") or None,
        )
        for key in post.fields.authors
    )
    categories = tuple(
        Category("category", label, term_title(app, "category", label))
        for label in post.fields.categories
    ) + tuple(Category("tag", label, term_title(app, "tag", label)) for label in post.fields.tags)
    own_url = post_url(builder, urls, post)
    external = post.fields.external_link
    return Entry(
        id=entry_id(post, urls.base),
        title=post.listed_title,
        link=external or own_url,
        post_url=own_url,
        external_url=external,
        published=published(post),
        updated=updated(post),
        authors=authors,
        categories=categories,
        summary=post.summary,
        content_html=renderer.body(post) if renderer is not None else None,
        image=image_url(app, post, urls),
        language=post.fields.language,
    )


# -- serialisers ------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _sub(
    parent: ET.Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def atom_document(feed: Feed) -> bytes:
    self_url = feed.self_urls["atom"]
    attrs = {"xmlns": ATOM_NS}
    if any(entry.image for entry in feed.entries):
        attrs["xmlns:media"] = MEDIA_NS
    attrs["xml:lang"] = feed.language
    root = ET.Element("feed", attrs)
    _sub(root, "id", self_url)
    _sub(root, "title", feed.title, {"type": "text"})
    _sub(root, "subtitle", feed.description, {"type": "text"})
    _sub(root, "updated", rfc3339(feed.updated))
    _sub(root, "link", attrs={"rel": "self", "type": MEDIA_TYPES["atom"], "href": self_url})
    _sub(root, "link", attrs={"rel": "alternate", "type": "text/html", "href": feed.home_url})
    author = _sub(root, "author")
    _sub(author, "name", feed.author.name)
    _sub(root, "generator", GENERATOR, {"version": __version__})
    for entry in feed.entries:
        item = _sub(root, "entry")
        _sub(item, "id", entry.id)
        _sub(item, "title", entry.title, {"type": "text"})
        _sub(item, "link", attrs={"rel": "alternate", "type": "text/html", "href": entry.link})
        if entry.external_url:
            _sub(
                item, "link", attrs={"rel": "related", "type": "text/html", "href": entry.post_url}
            )
        _sub(item, "published", rfc3339(entry.published))
        _sub(item, "updated", rfc3339(entry.updated))
        for person in entry.authors:
            element = _sub(item, "author")
            _sub(element, "name", person.name)
            if person.url:
                _sub(element, "uri", person.url)
        for category in entry.categories:
            _sub(
                item,
                "category",
                attrs={
                    "term": category.label,
                    "label": category.title,
                    "scheme": f"{feed.scheme_base}{category.kind}/",
                },
            )
        if entry.summary:
            _sub(item, "summary", entry.summary, {"type": "text"})
        if entry.content_html is not None:
            _sub(item, "content", entry.content_html, {"type": "html"})
        if entry.image:
            _sub(item, "media:thumbnail", attrs={"url": entry.image})
    return _serialise(root)


def rss_document(feed: Feed) -> bytes:
    attrs = {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:dc": DC_NS}
    if any(entry.content_html is not None for entry in feed.entries):
        attrs["xmlns:content"] = CONTENT_NS
    if any(entry.image for entry in feed.entries):
        attrs["xmlns:media"] = MEDIA_NS
    root = ET.Element("rss", attrs)
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home_url)
    _sub(channel, "description", feed.description)
    self_attrs = {"href": feed.self_urls["rss"], "rel": "self", "type": MEDIA_TYPES["rss"]}
    _sub(channel, "atom:link", attrs=self_attrs)
    _sub(channel, "language", feed.language)
    _sub(channel, "lastBuildDate", rfc822(feed.updated))
    _sub(channel, "generator", f"{GENERATOR} {__version__}")
    for entry in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.link)
        # RSS descriptions are HTML: escape the plain-text summary into HTML first
        _sub(item, "description", html.escape(entry.summary or entry.title, quote=False))
        if entry.content_html is not None:
            _sub(item, "content:encoded", entry.content_html)
        _sub(item, "guid", entry.id, {"isPermaLink": "false"})
        _sub(item, "pubDate", rfc822(entry.published))
        for person in entry.authors:
            _sub(item, "dc:creator", person.name)
        for category in entry.categories:
            _sub(
                item, "category", category.title, {"domain": f"{feed.scheme_base}{category.kind}/"}
            )
        if entry.image:
            _sub(item, "media:thumbnail", attrs={"url": entry.image})
    return _serialise(root)


def _person_json(person: Person) -> dict[str, str]:
    data = {"name": person.name}
    if person.url:
        data["url"] = person.url
    return data


def json_document(feed: Feed) -> bytes:
    items: list[dict[str, Any]] = []
    for entry in feed.entries:
        item: dict[str, Any] = {"id": entry.id, "url": entry.post_url}
        if entry.external_url:
            item["external_url"] = entry.external_url
        item["title"] = entry.title
        if entry.summary:
            item["summary"] = entry.summary
        if entry.content_html is not None:
            item["content_html"] = entry.content_html
        else:
            item["content_text"] = entry.summary or entry.title
        if entry.image:
            item["image"] = entry.image
        item["date_published"] = rfc3339(entry.published)
        item["date_modified"] = rfc3339(entry.updated)
        if entry.authors:
            item["authors"] = [_person_json(person) for person in entry.authors]
        if entry.categories:
            item["tags"] = list(dict.fromkeys(category.title for category in entry.categories))
        if entry.language:
            item["language"] = entry.language
        items.append(item)
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.self_urls["json"],
        "description": feed.description,
        "language": feed.language,
        "authors": [_person_json(feed.author)],
        "items": items,
    }
    # a lone surrogate (from a "\\ud83d" escape in YAML) cannot be UTF-8: show it as "?"
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "replace")


SERIALISERS = {"atom": atom_document, "rss": rss_document, "json": json_document}


# -- build-finished ---------------------------------------------------------------------


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
    config = app.config
    urls = plan.urls
    renderer = BodyRenderer(app, urls) if config.careerblog_feed_fulltext else None
    entries: dict[str, Entry] = {}

    def entries_of(posts: tuple[PostRecord, ...]) -> tuple[Entry, ...]:
        for post in posts:
            if post.key not in entries:
                entries[post.key] = make_entry(app, post, urls, renderer)
        return tuple(entries[post.key] for post in posts)

    title = str(config.careerblog_title or config.project)
    language = site_language(config)
    author = feed_author(config)
    scheme_base = urls.url(f"{plan.root}/")
    files: dict[str, bytes] = {}
    site_files = plan.site_files()
    if site_files:
        feed = Feed(
            title=title,
            description=_("The latest posts of %s") % title,
            home_url=blog_home_url(app, urls),
            entries=entries_of(plan.site_posts),
            self_urls={fmt: urls.url(path) for fmt, path in site_files},
            language=language,
            author=author,
            scheme_base=scheme_base,
        )
        for fmt, path in site_files:
            files[path] = SERIALISERS[fmt](feed)
    for slug, (label, posts) in plan.categories.items():
        category_path = plan.category_file(slug)
        if category_path is None:
            continue
        category = term_title(app, "category", label)
        declared = config.careerblog_categories.get(slug) or config.careerblog_categories.get(
            label, {}
        )
        feed = Feed(
            # Translators: the title of a category's feed (blog title, category title)
            title=_("%(blog)s: %(category)s") % {"blog": title, "category": category},
            description=declared.get("description") or _("Posts in the category %s") % category,
            home_url=category_home_url(app, urls, label),
            entries=entries_of(posts),
            self_urls={"atom": urls.url(category_path)},
            language=language,
            author=author,
            scheme_base=scheme_base,
        )
        files[category_path] = atom_document(feed)
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
    category_dir = outdir / root / "category"
    if category_dir.is_dir():
        candidates += [f"{root}/category/{p.name}" for p in category_dir.glob("*.atom.xml")]
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


# -- html-page-context: autodiscovery -----------------------------------------------------


def page_feeds(app: Sphinx, pagename: str) -> list[dict[str, str]]:
    """Feeds a page advertises: title, output path and media type of each."""
    plan = plan_feeds(app)
    if plan is None:
        return []
    root = plan.root
    in_blog = pagename == root or pagename.startswith(root + "/")
    is_post = bool(get_store(app.env).posts.get(pagename))
    if not (in_blog or is_post):
        return []
    config = app.config
    title = str(config.careerblog_title or config.project)
    feeds: list[dict[str, str]] = []
    parts = pagename[len(root) + 1 :].split("/") if in_blog else []
    if len(parts) >= 2 and parts[0] == "category":
        path = plan.category_file(parts[1])
        if path is not None:
            label = plan.categories[parts[1]][0]
            category = term_title(app, "category", label)
            feeds.append(
                {
                    "title": _("%(blog)s: %(category)s (%(format)s)")
                    % {"blog": title, "category": category, "format": FORMAT_NAMES["atom"]},
                    "path": path,
                    "type": MEDIA_TYPES["atom"],
                    "format": "atom",
                    "scope": "category",
                }
            )
    for fmt, path in plan.site_files():
        feeds.append(
            {
                "title": _("%(blog)s (%(format)s)") % {"blog": title, "format": FORMAT_NAMES[fmt]},
                "path": path,
                "type": MEDIA_TYPES[fmt],
                "format": fmt,
                "scope": "site",
            }
        )
    return feeds


def add_feed_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: ``<link rel="alternate">`` tags and ``careerblog_feeds``."""
    pathto = context.get("pathto")
    if pathto is None:
        return
    feeds = page_feeds(app, pagename)
    links: list[dict[str, str]] = []
    tags: list[str] = []
    for feed in feeds:
        url = str(pathto(feed["path"], 1))
        links.append(
            {"title": feed["title"], "url": url, "type": feed["type"], "format": feed["format"]}
        )
        tags.append(
            '<link rel="alternate" type="{}" title="{}" href="{}" />'.format(
                html.escape(feed["type"]), html.escape(feed["title"]), html.escape(url)
            )
        )
    context["careerblog_feeds"] = links
    if tags:
        context["metatags"] = context.get("metatags", "") + "".join("\n    " + tag for tag in tags)
