"""Social previews: ``<meta name="description">`` and Open Graph tags on post pages.

A shared link to an essay should preview as its title, summary and image, not as a
bare title. Every published post page gets a description from its summary and the
Open Graph and ``article:`` properties (SPEC "Discovery and sharing").

When ``sphinxext.opengraph`` is also enabled, it writes the ``og:`` tags; we then
only hand it our per-post values through the page's ``meta`` fields (its documented
per-page override), write the description (it adds one only when a page has none)
and the ``article:`` properties it does not know, so no tag is written twice. This
handler runs before it (a lower priority number).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.data.urls import safe_url
from sphinx_careerblog.feeds.model import image_url, rfc3339
from sphinx_careerblog.feeds.plan import (
    SiteUrls,
    base_url_problem,
    configured_base_url,
    normalised_base,
    post_url,
)

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

#: Runs before sphinxext.opengraph's handler (default priority 500).
PRIORITY = 450
#: Longer summaries are cut at a word boundary: previews show about this much.
DESCRIPTION_LENGTH = 200
OPENGRAPH_EXTENSION = "sphinxext.opengraph"


@dataclass(frozen=True)
class Preview:
    """What a shared link to one post shows (plain text, not yet escaped)."""

    title: str
    description: str
    url: str | None
    image: str | None
    published: str | None
    authors: tuple[str, ...]
    tags: tuple[str, ...]


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` on one line, cut at the last word boundary before ``limit``, with "…"."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def preview(app: Sphinx, post: PostRecord) -> Preview:
    config = app.config
    base = configured_base_url(config)
    urls = SiteUrls(normalised_base(base)) if base and base_url_problem(base) is None else None
    image = None
    if post.image:
        candidate = image_url(app, post, urls or SiteUrls(""))
        # without a base URL only an absolute image URL can be shown by other sites
        if candidate is not None and (urls is not None or "://" in candidate):
            image = safe_url(candidate)
    authors = tuple(
        str(config.careerblog_authors.get(key, {}).get("name", key)) for key in post.fields.authors
    )
    return Preview(
        title=post.listed_title,
        # ``exclude``: the author kept the summary off the page, so it stays off it
        description="" if post.fields.exclude else shorten(post.summary),
        url=post_url(app.builder, urls, post) if urls is not None else None,
        image=image,
        published=rfc3339(post.date) if post.date is not None else None,
        authors=authors,
        tags=post.fields.tags,
    )


def _tag(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content)}" />'


def own_tags(found: Preview, *, with_opengraph: bool) -> list[str]:
    """The tags we write; ``with_opengraph`` False leaves the ``og:`` ones out (then
    sphinxext.opengraph writes them from our values)."""
    tags: list[str] = []
    if found.description:
        # written first: sphinxext.opengraph adds its own only when there is none
        tags.append(_tag("name", "description", found.description))
    if with_opengraph:
        tags.append(_tag("property", "og:title", found.title))
        if found.description:
            tags.append(_tag("property", "og:description", found.description))
        tags.append(_tag("property", "og:type", "article"))
        if found.url:
            tags.append(_tag("property", "og:url", found.url))
        if found.image:
            tags.append(_tag("property", "og:image", found.image))
    if found.published:
        tags.append(_tag("property", "article:published_time", found.published))
    tags.extend(_tag("property", "article:author", name) for name in found.authors)
    tags.extend(_tag("property", "article:tag", tag) for tag in found.tags)
    return tags


def opengraph_fields(found: Preview) -> dict[str, str]:
    """Per-page ``meta`` overrides for sphinxext.opengraph (it escapes only quotes, so
    the values are given HTML-escaped)."""
    fields = {"og:title": found.title, "og:type": "article"}
    if found.description:
        fields["og:description"] = found.description
    if found.image:
        fields["og:image"] = found.image
    return {name: html.escape(value, quote=False) for name, value in fields.items()}


def has_description(metatags: str) -> bool:
    return 'name="description"' in metatags


def add_social_tags(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: preview tags on the page of every published post."""
    if doctree is None or app.builder.name.startswith("epub"):
        return
    post = get_store(app.env).page_post(pagename)
    if post is None or post.is_draft:
        return
    found = preview(app, post)
    metatags = str(context.get("metatags", ""))
    if has_description(metatags):
        # the author already wrote a description (html_meta): keep theirs only
        found = Preview(**{**found.__dict__, "description": ""})
    uses_opengraph = OPENGRAPH_EXTENSION in app.extensions
    if uses_opengraph:
        # a copy: ``meta`` is the environment's own metadata dict for the page
        context["meta"] = {**(context.get("meta") or {}), **opengraph_fields(found)}
    tags = own_tags(found, with_opengraph=not uses_opengraph)
    if tags:
        context["metatags"] = metatags + "\n    " + "\n    ".join(tags)
