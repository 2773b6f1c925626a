"""``<careerblog_path>/posts.json``: every listed post with all its metadata, for other tools.

Written on ``build-finished`` of a successful HTML build, next to the feeds. Unlike
the feeds it lists every *listed* post, ``internal`` ones included (with their
visibility), and drafts when ``careerblog_include_drafts`` lists them. With no base
URL it is still written, with URLs relative to the output root (``base_url`` is
``null``), so tools can resolve them against wherever the site is served.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_careerblog import __version__
from sphinx_careerblog.data import paths
from sphinx_careerblog.data.model import slugify
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.selection import series_parts
from sphinx_careerblog.feeds.model import image_url, rfc3339
from sphinx_careerblog.feeds.plan import (
    FeedPlan,
    SiteUrls,
    base_url_problem,
    configured_base_url,
    entry_id,
    is_feed_builder,
    normalised_base,
    page_uri,
    plan_feeds,
    post_url,
)
from sphinx_careerblog.site import freshness
from sphinx_careerblog.site.links import generated_pages_available, term_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

#: Changes when the shape of ``posts.json`` changes incompatibly.
CATALOG_VERSION = 1


def catalog_urls(app: Sphinx) -> SiteUrls:
    base = configured_base_url(app.config)
    return SiteUrls("" if base_url_problem(base) else normalised_base(base))


def _term_url(app: Sphinx, urls: SiteUrls, kind: paths.TermKind, label: str) -> str | None:
    if not generated_pages_available(app):
        return None
    pagename = paths.term_page(app.config.careerblog_path, kind, label)
    return urls.url(page_uri(app.builder, pagename))


def post_entry(
    app: Sphinx, post: PostRecord, urls: SiteUrls, plan: FeedPlan | None
) -> dict[str, Any]:
    """All metadata of one post, as JSON-ready plain data."""
    config = app.config
    fields = post.fields
    authors_config: dict[str, dict[str, str]] = config.careerblog_authors

    def term(kind: paths.TermKind, label: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": label,
            "slug": slugify(label),
            "title": term_title(app, kind, label),
            "url": _term_url(app, urls, kind, label),
        }
        if kind == "category":
            feed = plan.category_file(slugify(label)) if plan is not None else None
            data["feed_url"] = urls.url(feed) if feed else None
        return data

    return {
        "key": post.key,
        "docname": post.docname,
        "anchor": post.anchor or None,
        "title": post.listed_title,
        "page_title": post.title,
        "url": post_url(app.builder, urls, post),
        "id": entry_id(post, urls.base) if urls.base and post.date is not None else None,
        "external_link": fields.external_link,
        "canonical_link": fields.canonical_link,
        "visibility": fields.visibility,
        "draft": post.is_draft,
        "scheduled": fields.scheduled,
        "date": rfc3339(fields.date) if fields.date is not None else None,
        "date_has_time": fields.date_has_time,
        "updated": rfc3339(fields.updated) if fields.updated is not None else None,
        "authors": [
            {
                "key": key,
                "name": authors_config.get(key, {}).get("name", key),
                "url": authors_config.get(key, {}).get("url")
                or _term_url(app, urls, "author", key),
            }
            for key in fields.authors
        ],
        "categories": [term("category", label) for label in fields.categories],
        "tags": [term("tag", label) for label in fields.tags],
        "summary": post.summary,
        "image": image_url(app, post, urls),
        "words": post.words,
        "reading_minutes": post.reading_minutes,
        **_series_fields(app, urls, post),
        "location": fields.location,
        "language": fields.language,
        "redirect": list(fields.redirect),
        "nocomments": fields.nocomments,
    }


def _series_fields(app: Sphinx, urls: SiteUrls, post: PostRecord) -> dict[str, Any]:
    """The post's series as it is listed: its name (as its first part spells it),
    slug and page, and this post's part number out of how many."""
    parts = series_parts(get_index(app), post)
    if not parts:
        return {"series": post.fields.series, "series_slug": None, "series_url": None,
                "series_part": None, "series_parts": None}  # fmt: skip
    term = get_index(app).term(paths.SERIES, post.fields.series or "")
    label = term.label if term is not None else post.fields.series or ""
    return {
        "series": label,
        "series_slug": paths.term_slug(paths.SERIES, label),
        "series_url": _term_url(app, urls, paths.SERIES, label),
        "series_part": 1 + [part.key for part in parts].index(post.key),
        "series_parts": len(parts),
    }


def catalog_document(app: Sphinx) -> bytes:
    config = app.config
    urls = catalog_urls(app)
    plan = plan_feeds(app)
    feeds = {fmt: urls.url(path) for fmt, path in plan.site_files()} if plan is not None else {}
    document = {
        "version": CATALOG_VERSION,
        "generator": f"sphinx-careerblog {__version__}",
        "title": str(config.careerblog_title or config.project),
        "base_url": urls.base or None,
        "feeds": feeds,
        "posts": [post_entry(app, post, urls, plan) for post in get_index(app).posts],
    }
    # compact: the C encoder (indent= falls back to the pure-Python one, 5x slower)
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text + "\n").encode("utf-8", "replace")  # lone surrogates become "?"


def write_catalog(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write ``posts.json`` for a successful HTML build."""
    if exception is not None or not is_feed_builder(app.builder):
        return
    target = Path(app.outdir) / paths.catalog_file(app.config.careerblog_path)
    if freshness.feeds_unchanged(app, freshness.CATALOG) and target.is_file():
        return  # built from the same inputs as the file already there
    data = catalog_document(app)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
