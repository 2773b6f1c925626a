"""Atom 1.0 (RFC 4287): the site feed and one feed per category."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from sphinx_careerblog import __version__
from sphinx_careerblog.feeds.model import (
    Feed,
    rfc3339,
)
from sphinx_careerblog.feeds.plan import (
    GENERATOR,
    MEDIA_TYPES,
)
from sphinx_careerblog.feeds.xmltree import serialise, sub_element

if TYPE_CHECKING:
    pass

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"


def atom_document(feed: Feed) -> bytes:
    self_url = feed.self_urls["atom"]
    attrs = {"xmlns": ATOM_NS}
    if any(entry.image for entry in feed.entries):
        attrs["xmlns:media"] = MEDIA_NS
    attrs["xml:lang"] = feed.language
    root = ET.Element("feed", attrs)
    sub_element(root, "id", self_url)
    sub_element(root, "title", feed.title, {"type": "text"})
    sub_element(root, "subtitle", feed.description, {"type": "text"})
    sub_element(root, "updated", rfc3339(feed.updated))
    sub_element(root, "link", attrs={"rel": "self", "type": MEDIA_TYPES["atom"], "href": self_url})
    sub_element(
        root, "link", attrs={"rel": "alternate", "type": "text/html", "href": feed.home_url}
    )
    author = sub_element(root, "author")
    sub_element(author, "name", feed.author.name)
    sub_element(root, "generator", GENERATOR, {"version": __version__})
    for entry in feed.entries:
        item = sub_element(root, "entry")
        sub_element(item, "id", entry.id)
        sub_element(item, "title", entry.title, {"type": "text"})
        sub_element(
            item, "link", attrs={"rel": "alternate", "type": "text/html", "href": entry.link}
        )
        if entry.external_url:
            sub_element(
                item, "link", attrs={"rel": "related", "type": "text/html", "href": entry.post_url}
            )
        sub_element(item, "published", rfc3339(entry.published))
        sub_element(item, "updated", rfc3339(entry.updated))
        for person in entry.authors:
            element = sub_element(item, "author")
            sub_element(element, "name", person.name)
            if person.url:
                sub_element(element, "uri", person.url)
        for category in entry.categories:
            sub_element(
                item,
                "category",
                attrs={
                    "term": category.label,
                    "label": category.title,
                    "scheme": f"{feed.scheme_base}{category.kind}/",
                },
            )
        if entry.summary:
            sub_element(item, "summary", entry.summary, {"type": "text"})
        if entry.content_html is not None:
            sub_element(item, "content", entry.content_html, {"type": "html"})
        if entry.image:
            sub_element(item, "media:thumbnail", attrs={"url": entry.image})
    return serialise(root)
