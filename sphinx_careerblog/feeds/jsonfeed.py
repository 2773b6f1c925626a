"""JSON Feed 1.1."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sphinx_careerblog.feeds.model import (
    Feed,
    Person,
    rfc3339,
)
from sphinx_careerblog.feeds.plan import (
    JSON_FEED_VERSION,
)

if TYPE_CHECKING:
    pass


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
