"""RSS 2.0, with the Atom self link, Dublin Core creators and ``content:encoded``."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from sphinx_careerblog import __version__
from sphinx_careerblog.feeds.atom import ATOM_NS, MEDIA_NS
from sphinx_careerblog.feeds.model import (
    Feed,
    rfc822,
)
from sphinx_careerblog.feeds.plan import (
    GENERATOR,
    MEDIA_TYPES,
)
from sphinx_careerblog.feeds.xmltree import serialise, sub_element

if TYPE_CHECKING:
    pass

DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def rss_document(feed: Feed) -> bytes:
    attrs = {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:dc": DC_NS}
    if any(entry.content_html is not None for entry in feed.entries):
        attrs["xmlns:content"] = CONTENT_NS
    if any(entry.image for entry in feed.entries):
        attrs["xmlns:media"] = MEDIA_NS
    root = ET.Element("rss", attrs)
    channel = sub_element(root, "channel")
    sub_element(channel, "title", feed.title)
    sub_element(channel, "link", feed.home_url)
    sub_element(channel, "description", feed.description)
    self_attrs = {"href": feed.self_urls["rss"], "rel": "self", "type": MEDIA_TYPES["rss"]}
    sub_element(channel, "atom:link", attrs=self_attrs)
    sub_element(channel, "language", feed.language)
    sub_element(channel, "lastBuildDate", rfc822(feed.updated))
    sub_element(channel, "generator", f"{GENERATOR} {__version__}")
    for entry in feed.entries:
        item = sub_element(channel, "item")
        sub_element(item, "title", entry.title)
        sub_element(item, "link", entry.link)
        # RSS descriptions are HTML: escape the plain-text summary into HTML first
        sub_element(item, "description", html.escape(entry.summary or entry.title, quote=False))
        if entry.content_html is not None:
            sub_element(item, "content:encoded", entry.content_html)
        sub_element(item, "guid", entry.id, {"isPermaLink": "false"})
        sub_element(item, "pubDate", rfc822(entry.published))
        for person in entry.authors:
            sub_element(item, "dc:creator", person.name)
        for category in entry.categories:
            sub_element(
                item, "category", category.title, {"domain": f"{feed.scheme_base}{category.kind}/"}
            )
        if entry.image:
            sub_element(item, "media:thumbnail", attrs={"url": entry.image})
    return serialise(root)
