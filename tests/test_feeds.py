"""Feeds: Atom, RSS, JSON Feed and per-category Atom, parsed and asserted field by field."""

from __future__ import annotations

import email.utils
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET

from .conftest import warning_text

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")

INDEX = """
    # Home

    ```{toctree}
    :glob:

    essays/*
    ```
"""


def essay(
    title: str,
    date: str | None,
    *,
    categories: str = "[Career growth]",
    extra: str = "",
    body: str = "The first paragraph.",
) -> str:
    date_line = f"date: {date}\n" if date else ""
    return (
        f"---\npost: true\n{date_line}categories: {categories}\n{extra}---\n"
        f"# {title}\n\n{body}\n"
    )


def basic_files() -> dict[str, str]:
    return {
        "index.md": INDEX,
        "essays/one.md": essay("First essay", "2024-01-10", extra="tags: [mentorship]\n"),
        "essays/two.md": essay(
            "Second essay",
            "2024-03-05T09:30:00+02:00",
            categories="[Craft]",
            extra="author: mara\nupdated: 2024-04-01\n",
        ),
        "essays/three.md": essay("Third essay", "2024-02-01", extra="summary: Short & sweet.\n"),
        "essays/secret.md": essay("Internal essay", "2024-05-01", extra="visibility: internal\n"),
        "essays/draft.md": essay("Draft essay", None),
    }


CONF = """
careerblog_authors = {"mara": {"name": "Mara <Lindqvist>", "url": "https://example.org/mara"}}
careerblog_categories = {"craft": {"title": "Craft", "description": "How we build & why."}}
"""


def read(app: Any, path: str) -> bytes:
    return (Path(app.outdir) / path).read_bytes()


def atom_entries(data: bytes) -> list[Any]:
    return SafeET.fromstring(data).findall(f"{ATOM}entry")


@pytest.fixture
def site(build: Any) -> Any:
    app = build(basic_files(), conf_extra=CONF)
    assert app.statuscode == 0
    assert warning_text(app) == ""
    return app


def test_atom_feed_fields(site: Any) -> None:
    data = read(site, "blog/atom.xml")
    root = SafeET.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == "https://example.org/blog/atom.xml"
    assert root.findtext(f"{ATOM}title") == "Handbook"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "https://example.org/blog/atom.xml"
    assert links["alternate"].startswith("https://example.org/")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    entries = atom_entries(data)
    # newest first; internal and draft posts never appear
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == ["Second essay", "Third essay", "First essay"]
    second = entries[0]
    assert second.findtext(f"{ATOM}id") == "tag:example.org,2024-03-05:essays/two"
    assert second.findtext(f"{ATOM}published") == "2024-03-05T07:30:00Z"
    assert second.findtext(f"{ATOM}updated") == "2024-04-01T00:00:00Z"
    [alternate] = second.findall(f"{ATOM}link[@rel='alternate']")
    assert alternate.get("href") == "https://example.org/essays/two.html"
    assert second.findtext(f"{ATOM}author/{ATOM}name") == "Mara <Lindqvist>"
    assert second.findtext(f"{ATOM}author/{ATOM}uri") == "https://example.org/mara"
    assert [c.get("term") for c in second.findall(f"{ATOM}category")] == ["Craft"]
    assert second.findtext(f"{ATOM}summary") == "The first paragraph."
    assert second.find(f"{ATOM}content") is None  # no fulltext by default
    # the feed's updated is the newest entry's updated, never the build clock
    assert root.findtext(f"{ATOM}updated") == "2024-04-01T00:00:00Z"
    for entry in entries:
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or "")
        assert RFC3339.match(entry.findtext(f"{ATOM}published") or "")
    third = entries[1]
    assert third.findtext(f"{ATOM}summary") == "Short & sweet."
    # feedparser, as a consumer, reads the same
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == titles
    assert parsed.entries[0].link == "https://example.org/essays/two.html"
    assert parsed.entries[2].tags[0].term == "Career growth"


def test_rss_feed_fields(site: Any) -> None:
    data = read(site, "blog/rss.xml")
    root = SafeET.fromstring(data)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Handbook"
    assert channel.findtext("link", "").startswith("https://example.org/")
    assert channel.findtext("description")
    self_link = channel.find(f"{ATOM}link")
    assert self_link is not None
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "https://example.org/blog/rss.xml"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Second essay",
        "Third essay",
        "First essay",
    ]
    first = items[0]
    assert first.findtext("link") == "https://example.org/essays/two.html"
    guid = first.find("guid")
    assert guid is not None
    assert guid.text == "tag:example.org,2024-03-05:essays/two"
    assert guid.get("isPermaLink") == "false"
    assert first.findtext("pubDate") == "Tue, 05 Mar 2024 07:30:00 GMT"
    for item in items:
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate") or "") is not None
        assert item.findtext("description")
    assert first.findtext(f"{DC}creator") == "Mara <Lindqvist>"
    assert channel.findtext("lastBuildDate") == "Mon, 01 Apr 2024 00:00:00 GMT"
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0 and parsed.version == "rss20"
    assert parsed.entries[0].id == "tag:example.org,2024-03-05:essays/two"


def test_json_feed_fields(site: Any) -> None:
    document = json.loads(read(site, "blog/feed.json"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Handbook"
    assert document["feed_url"] == "https://example.org/blog/feed.json"
    assert document["home_page_url"].startswith("https://example.org/")
    assert document["authors"][0]["name"]
    items = document["items"]
    assert [item["title"] for item in items] == ["Second essay", "Third essay", "First essay"]
    second = items[0]
    assert second["id"] == "tag:example.org,2024-03-05:essays/two"
    assert second["url"] == "https://example.org/essays/two.html"
    assert second["date_published"] == "2024-03-05T07:30:00Z"
    assert second["date_modified"] == "2024-04-01T00:00:00Z"
    assert second["content_text"] == "The first paragraph."
    assert second["authors"] == [{"name": "Mara <Lindqvist>", "url": "https://example.org/mara"}]
    assert second["tags"] == ["Craft"]
    assert items[2]["tags"] == ["Career growth", "mentorship"]
    # JSON Feed 1.1: every item has an id and content_html or content_text
    # (feedparser 6 reads no JSON Feed, so the spec's rules are checked here)
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert ("content_html" in item) != ("content_text" in item)
        assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", item["date_published"])


def test_category_feeds(site: Any) -> None:
    craft = read(site, "blog/category/craft.atom.xml")
    root = SafeET.fromstring(craft)
    assert root.findtext(f"{ATOM}title") == "Handbook: Craft"
    assert root.findtext(f"{ATOM}subtitle") == "How we build & why."
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "https://example.org/blog/category/craft.atom.xml"
    assert [e.findtext(f"{ATOM}title") for e in atom_entries(craft)] == ["Second essay"]
    growth = read(site, "blog/category/career-growth.atom.xml")
    assert [e.findtext(f"{ATOM}title") for e in atom_entries(growth)] == [
        "Third essay",
        "First essay",
    ]
    # the internal post's category has entries only from public posts
    assert b"Internal essay" not in growth


def test_autodiscovery_links(site: Any) -> None:
    post = BeautifulSoup((Path(site.outdir) / "essays/one.html").read_text(), "html.parser")
    alternates = post.find_all("link", rel="alternate")
    assert {(link["type"], link["href"]) for link in alternates} == {
        ("application/atom+xml", "../blog/atom.xml"),
        ("application/rss+xml", "../blog/rss.xml"),
        ("application/feed+json", "../blog/feed.json"),
    }
    home = BeautifulSoup((Path(site.outdir) / "index.html").read_text(), "html.parser")
    assert home.find_all("link", rel="alternate") == []
