"""Feeds: Atom, RSS, JSON Feed and per-category Atom, parsed and asserted field by field."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import time
from pathlib import Path
from typing import Any

import feedparser
import pytest
import rnc2rng
from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from lxml import etree

from sphinx_careerblog.feeds.fulltext import absolute_links
from sphinx_careerblog.feeds.model import as_utc
from sphinx_careerblog.feeds.xmltree import clean_text as _clean

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
        f"---\npost: true\n{date_line}categories: {categories}\n{extra}---\n# {title}\n\n{body}\n"
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


def test_atom_feeds_match_the_relax_ng_schema(site: Any) -> None:
    rnc = Path(__file__).parent / "schemas" / "atom.rnc"
    schema = etree.RelaxNG(etree.fromstring(rnc2rng.dumps(rnc2rng.load(str(rnc))).encode()))
    for path in ("blog/atom.xml", "blog/category/craft.atom.xml"):
        document = etree.fromstring(read(site, path))
        assert schema.validate(document), (path, schema.error_log)
        ids = document.xpath("//a:entry/a:id/text()", namespaces={"a": ATOM[1:-1]})
        assert len(ids) == len(set(ids))
    # the schema really checks: an entry without its id is rejected
    broken = read(site, "blog/atom.xml").replace(
        b"<id>tag:example.org,2024-03-05:essays/two</id>", b""
    )
    assert not schema.validate(etree.fromstring(broken))


def test_fulltext_has_the_rendered_body_with_absolute_urls(build: Any, tmp_path: Path) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2b2b5d40000000049454e44ae426082"
    )
    (tmp_path / "src" / "essays").mkdir(parents=True)
    (tmp_path / "src" / "essays" / "dot.png").write_bytes(png)
    files = {
        "index.md": INDEX,
        "essays/one.md": essay(
            "Full text",
            "2024-01-10",
            body=(
                "See [the other essay](two.md), [a section](#details) and "
                "[Python](https://python.org).\n\n![A dot](dot.png)\n\n"
                "## Details\n\nMore text[^n].\n\n[^n]: The note.\n"
            ),
        ),
        "essays/two.md": essay("Other", "2024-01-01", body="Other body."),
    }
    # heading anchors: MyST 4 does not resolve ``#details`` without them
    conf = "careerblog_feed_fulltext = True\nmyst_heading_anchors = 2\n"
    app = build(files, conf_extra=conf)
    assert warning_text(app) == ""
    entries = atom_entries(read(app, "blog/atom.xml"))
    content = entries[0].findtext(f"{ATOM}content")
    assert content is not None
    assert entries[0].find(f"{ATOM}content").get("type") == "html"  # type: ignore[union-attr]
    body = BeautifulSoup(content, "html.parser")
    hrefs = [a["href"] for a in body.find_all("a")]
    assert "https://example.org/essays/two.html" in hrefs
    assert "https://example.org/essays/one.html#details" in hrefs
    assert "https://python.org" in hrefs
    assert all(href.startswith("https://") for href in hrefs), hrefs
    [img] = body.find_all("img")
    assert img["src"] == "https://example.org/_images/dot.png"
    assert (Path(app.outdir) / "_images" / "dot.png").exists()
    assert "The note." in body.get_text()
    # the title is the entry's title; the byline and permalink marks are not body text
    assert body.find(["h1"]) is None
    assert body.select(".cb-byline") == [] and body.select("a.headerlink") == []
    assert body.find("h2").get_text() == "Details"  # type: ignore[union-attr]
    rss = SafeET.fromstring(read(app, "blog/rss.xml"))
    encoded = rss.find(f"channel/item/{CONTENT}encoded")
    assert encoded is not None and encoded.text == content
    items = json.loads(read(app, "blog/feed.json"))["items"]
    assert items[0]["content_html"] == content and "content_text" not in items[0]
    parsed = feedparser.parse(read(app, "blog/atom.xml"))
    assert "https://example.org/_images/dot.png" in parsed.entries[0].content[0].value


def test_feed_length_keeps_the_newest(build: Any) -> None:
    files = {"index.md": INDEX}
    for day in range(1, 6):
        files[f"essays/p{day}.md"] = essay(f"Post {day}", f"2024-01-0{day}")
    app = build(files, conf_extra="careerblog_feed_length = 2\n")
    assert warning_text(app) == ""
    for path in ("blog/atom.xml", "blog/category/career-growth.atom.xml"):
        titles = [e.findtext(f"{ATOM}title") for e in atom_entries(read(app, path))]
        assert titles == ["Post 5", "Post 4"], path
    assert len(SafeET.fromstring(read(app, "blog/rss.xml")).findall("channel/item")) == 2
    assert len(json.loads(read(app, "blog/feed.json"))["items"]) == 2


def test_formats_setting_chooses_the_files(build: Any) -> None:
    app = build(basic_files(), conf_extra='careerblog_feed_formats = ["rss"]\n')
    blog = Path(app.outdir) / "blog"
    assert (blog / "rss.xml").is_file()
    assert not (blog / "atom.xml").exists() and not (blog / "feed.json").exists()
    # category feeds are Atom feeds: without "atom" there are none
    assert list((blog / "category").glob("*.atom.xml")) == []
    page = BeautifulSoup((Path(app.outdir) / "essays/one.html").read_text(), "html.parser")
    assert [link["type"] for link in page.find_all("link", rel="alternate")] == [
        "application/rss+xml"
    ]


def test_dirhtml_urls(build: Any) -> None:
    app = build(basic_files(), conf_extra=CONF, buildername="dirhtml")
    assert warning_text(app) == ""
    entries = atom_entries(read(app, "blog/atom.xml"))
    links = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [
        "https://example.org/essays/two/",
        "https://example.org/essays/three/",
        "https://example.org/essays/one/",
    ]
    # ids do not depend on the builder
    assert entries[0].findtext(f"{ATOM}id") == "tag:example.org,2024-03-05:essays/two"
    rss = SafeET.fromstring(read(app, "blog/rss.xml"))
    assert rss.findtext("channel/item/link") == "https://example.org/essays/two/"
    page = BeautifulSoup((Path(app.outdir) / "essays/one/index.html").read_text(), "html.parser")
    hrefs = {link["href"] for link in page.find_all("link", rel="alternate")}
    assert hrefs == {"../../blog/atom.xml", "../../blog/rss.xml", "../../blog/feed.json"}
    for href in hrefs:  # the relative links point at real files
        assert (Path(app.outdir) / "essays/one" / href).resolve().is_file()
    category = Path(app.outdir) / "blog/category/craft/index.html"
    page = BeautifulSoup(category.read_text(), "html.parser")
    hrefs = {link["href"] for link in page.find_all("link", rel="alternate")}
    assert "../craft.atom.xml" in hrefs and len(hrefs) == 4
    for href in hrefs:
        assert (category.parent / href).resolve().is_file(), href


def test_section_posts_link_to_their_anchor(build: Any) -> None:
    files = {
        "index.md": INDEX,
        "essays/notes.md": """
            # Notes

            ## A section post

            ```{post} 2024-06-01
            :category: Craft
            ```

            Section text.
        """,
    }
    app = build(files)
    assert warning_text(app) == ""
    [entry] = atom_entries(read(app, "blog/atom.xml"))
    assert entry.findtext(f"{ATOM}title") == "A section post"
    link = entry.find(f"{ATOM}link[@rel='alternate']")
    assert (
        link is not None
        and link.get("href") == "https://example.org/essays/notes.html#a-section-post"
    )
    assert entry.findtext(f"{ATOM}id") == "tag:example.org,2024-06-01:essays/notes#a-section-post"


def test_external_link_posts(build: Any) -> None:
    files = {
        "index.md": INDEX,
        "essays/out.md": essay(
            "Elsewhere", "2024-02-02", extra="external_link: https://elsewhere.example/a?b=1&c=2\n"
        ),
    }
    app = build(files)
    assert warning_text(app) == ""
    [entry] = atom_entries(read(app, "blog/atom.xml"))
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "https://elsewhere.example/a?b=1&c=2",
        "related": "https://example.org/essays/out.html",
    }
    assert b"a?b=1&amp;c=2" in read(app, "blog/atom.xml")
    assert SafeET.fromstring(read(app, "blog/rss.xml")).findtext("channel/item/link") == (
        "https://elsewhere.example/a?b=1&c=2"
    )
    [item] = json.loads(read(app, "blog/feed.json"))["items"]
    assert item["url"] == "https://example.org/essays/out.html"
    assert item["external_url"] == "https://elsewhere.example/a?b=1&c=2"


def test_no_base_url_one_located_warning_and_no_feeds(build: Any) -> None:
    app = build(basic_files(), conf_extra='careerblog_baseurl = ""\n')
    warnings = warning_text(app)
    assert warnings.count("[careerblog.feed]") == 1, warnings
    assert "conf.py" in warnings and "careerblog_baseurl" in warnings
    assert warnings.count("WARNING") == 1
    blog = Path(app.outdir) / "blog"
    assert not (blog / "atom.xml").exists()
    assert not (blog / "rss.xml").exists()
    assert not (blog / "feed.json").exists()
    assert list(blog.glob("category/*.atom.xml")) == []
    # nothing advertises feeds that do not exist
    page = BeautifulSoup((Path(app.outdir) / "essays/one.html").read_text(), "html.parser")
    assert page.find_all("link", rel="alternate") == []


def test_no_posts_no_warning(build: Any) -> None:
    app = build({"index.md": "# Home\n\nNo essays yet.\n"}, conf_extra='careerblog_baseurl = ""\n')
    assert warning_text(app) == ""
    assert not (Path(app.outdir) / "blog" / "atom.xml").exists()


def test_html_baseurl_is_the_fallback(build: Any) -> None:
    conf = 'careerblog_baseurl = ""\nhtml_baseurl = "https://docs.example.com/handbook"\n'
    app = build(basic_files(), conf_extra=conf)
    assert warning_text(app) == ""
    root = SafeET.fromstring(read(app, "blog/atom.xml"))
    assert root.findtext(f"{ATOM}id") == "https://docs.example.com/handbook/blog/atom.xml"
    first = atom_entries(read(app, "blog/atom.xml"))[0]
    assert first.findtext(f"{ATOM}id") == "tag:docs.example.com,2024-03-05:handbook/essays/two"
    link = first.find(f"{ATOM}link[@rel='alternate']")
    assert (
        link is not None and link.get("href") == "https://docs.example.com/handbook/essays/two.html"
    )


def test_relative_base_url_is_reported(build: Any) -> None:
    app = build(basic_files(), conf_extra='careerblog_baseurl = "example.org/blog"\n')
    warnings = warning_text(app)
    assert warnings.count("[careerblog.feed]") == 1
    assert "not an absolute http(s) URL" in warnings
    assert not (Path(app.outdir) / "blog" / "atom.xml").exists()


def test_drafts_stay_out_even_when_listed(build: Any) -> None:
    app = build(basic_files(), conf_extra="careerblog_include_drafts = True\n")
    for path in ("blog/atom.xml", "blog/rss.xml", "blog/feed.json"):
        data = read(app, path)
        assert b"Draft essay" not in data and b"Internal essay" not in data, path


def test_latex_and_epub_write_no_feeds(build: Any) -> None:
    for buildername in ("latex", "epub"):
        app = build(basic_files(), buildername=buildername)
        assert not (Path(app.outdir) / "blog" / "atom.xml").exists(), buildername
        assert not (Path(app.outdir) / "blog" / "posts.json").exists(), buildername


def test_singlehtml_links_into_the_single_page(build: Any) -> None:
    app = build(basic_files(), buildername="singlehtml")
    first = atom_entries(read(app, "blog/atom.xml"))[0]
    link = first.find(f"{ATOM}link[@rel='alternate']")
    assert link is not None
    assert link.get("href") == "https://example.org/index.html#document-essays/two"


ESCAPES = "<b>Fish & \"chips\" 'n' peas</b> 😀"


def test_escaping_in_titles_categories_and_authors(build: Any) -> None:
    def yaml(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    heading = ESCAPES.replace("<", "\\<").replace(">", "\\>")  # Markdown: literal < and >
    files = {
        "index.md": INDEX,
        "essays/esc.md": (
            f"---\npost: true\ndate: 2024-01-01\ncategories: {yaml([ESCAPES])}\n"
            f"tags: {yaml([ESCAPES])}\nauthor: {yaml(ESCAPES)}\nsummary: {yaml(ESCAPES)}\n"
            f"---\n# {heading}\n\nBody.\n"
        ),
    }
    conf = f"smartquotes = False\ncareerblog_title = {ESCAPES!r}\n"
    app = build(files, conf_extra=conf)
    assert warning_text(app) == ""
    atom = read(app, "blog/atom.xml")
    assert b"<b>" not in atom and b"&lt;b&gt;" in atom
    root = SafeET.fromstring(atom)
    assert root.findtext(f"{ATOM}title") == ESCAPES
    [entry] = atom_entries(atom)
    assert entry.findtext(f"{ATOM}title") == ESCAPES
    assert entry.findtext(f"{ATOM}summary") == ESCAPES
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == ESCAPES
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} == {ESCAPES}
    parsed = feedparser.parse(atom)
    assert parsed.bozo == 0 and parsed.entries[0].title == ESCAPES
    rss = SafeET.fromstring(read(app, "blog/rss.xml"))
    item = rss.find("channel/item")
    assert item is not None
    assert item.findtext("title") == ESCAPES
    assert item.findtext(f"{DC}creator") == ESCAPES
    assert [c.text for c in item.findall("category")] == [ESCAPES, ESCAPES]
    # an RSS description is HTML: the text is escaped once more, so readers show it as text
    assert item.findtext("description") == ("&lt;b&gt;Fish &amp; \"chips\" 'n' peas&lt;/b&gt; 😀")
    assert feedparser.parse(read(app, "blog/rss.xml")).bozo == 0
    document = json.loads(read(app, "blog/feed.json"))
    assert document["title"] == ESCAPES and document["items"][0]["title"] == ESCAPES
    assert "😀".encode() in read(app, "blog/feed.json")  # ensure_ascii=False
    [category_feed] = (Path(app.outdir) / "blog" / "category").glob("*.atom.xml")
    assert "<" not in category_feed.name and '"' not in category_feed.name
    category_root = SafeET.fromstring(category_feed.read_bytes())
    assert category_root.findtext(f"{ATOM}title") == f"{ESCAPES}: {ESCAPES}"
    # autodiscovery titles are escaped attributes in the page's HTML
    html_text = (Path(app.outdir) / "essays/esc.html").read_text()
    assert "<b>Fish" not in html_text.split("<body")[0]
    page = BeautifulSoup(html_text, "html.parser")
    titles = {link["title"] for link in page.find_all("link", rel="alternate")}
    assert f"{ESCAPES} (Atom)" in titles


def test_category_pages_advertise_their_feed(build: Any) -> None:
    app = build(basic_files(), conf_extra=CONF)
    path = Path(app.outdir) / "blog" / "category" / "craft.html"
    page = BeautifulSoup(path.read_text(), "html.parser")
    alternates = [(link["title"], link["href"]) for link in page.find_all("link", rel="alternate")]
    assert ("Handbook: Craft (Atom)", "craft.atom.xml") in alternates
    assert ("Handbook (Atom)", "../atom.xml") in alternates
    blog_index = BeautifulSoup(
        (Path(app.outdir) / "blog" / "index.html").read_text(), "html.parser"
    )
    assert {link["href"] for link in blog_index.find_all("link", rel="alternate")} == {
        "atom.xml",
        "rss.xml",
        "feed.json",
    }
    # the generated pages render ``careerblog_feeds`` as a "Subscribe" line
    subscribe = page.select_one(".cb-subscribe")
    assert subscribe is not None
    assert subscribe.find("a")["href"] == "craft.atom.xml"  # type: ignore[index]


FEED_FILES = (
    "blog/atom.xml",
    "blog/rss.xml",
    "blog/feed.json",
    "blog/category/craft.atom.xml",
    "blog/category/career-growth.atom.xml",
    "blog/posts.json",
)


def snapshot(app: Any) -> dict[str, bytes]:
    out = Path(app.outdir)
    found = {str(p.relative_to(out)) for p in (out / "blog").rglob("*.atom.xml")}
    return {
        path: read(app, path) for path in sorted({*FEED_FILES, *found}) if (out / path).exists()
    }


def test_two_clean_builds_are_byte_identical(build: Any, tmp_path: Path) -> None:
    conf = CONF + "careerblog_feed_fulltext = True\n"
    first = snapshot(build(basic_files(), conf_extra=conf, srcdir=tmp_path / "a"))
    time.sleep(1.1)  # a build clock would now show a different second
    second = snapshot(build(basic_files(), conf_extra=conf, srcdir=tmp_path / "b"))
    assert set(first) == set(FEED_FILES)
    assert first == second
    year = str(dt.datetime.now(dt.UTC).year).encode()
    for path, data in first.items():
        assert year not in data, f"{path} carries the build clock"


def test_incremental_build_gives_the_same_feeds_as_a_clean_one(build: Any, tmp_path: Path) -> None:
    src = tmp_path / "inc"
    files = basic_files()
    build(files, conf_extra=CONF, srcdir=src)
    # retitle one post, add one, move one out of its category, delete another
    edits = {
        "essays/one.md": essay("First essay, renamed", "2024-01-10"),
        "essays/four.md": essay("Fourth essay", "2024-06-01", categories="[New topic]"),
        "essays/two.md": essay(
            "Second essay",
            "2024-03-05T09:30:00+02:00",
            categories="[Career growth]",
            extra="author: mara\n",
        ),
    }
    for name, text in edits.items():
        (src / name).write_text(text, "utf-8")
    (src / "essays" / "three.md").unlink()
    incremental = build(None, srcdir=src)
    assert warning_text(incremental) == ""
    after = snapshot(incremental)
    clean_files = {**files, **edits}
    del clean_files["essays/three.md"]
    clean = snapshot(build(clean_files, conf_extra=CONF, srcdir=tmp_path / "clean"))
    assert after == clean
    # the category that lost its last post lost its feed
    assert not (Path(incremental.outdir) / "blog/category/craft.atom.xml").exists()
    assert b"First essay, renamed" in after["blog/atom.xml"]


def test_parallel_build_gives_the_same_feeds(build: Any, tmp_path: Path) -> None:
    conf = CONF + "careerblog_feed_fulltext = True\n"
    files = basic_files()
    for day in range(1, 8):
        files[f"essays/extra{day}.md"] = essay(f"Extra {day}", f"2023-05-0{day}")
    serial_app = build(files, conf_extra=conf, srcdir=tmp_path / "serial")
    serial = snapshot(serial_app)
    serial_links = alternate_links(serial_app, "essays/extra3.html")
    parallel_app = build(files, conf_extra=conf, srcdir=tmp_path / "par", parallel=2)
    assert serial == snapshot(parallel_app)
    # pages written by forked workers carry the same autodiscovery links
    assert alternate_links(parallel_app, "essays/extra3.html") == serial_links
    assert len(serial_links) == 3


def alternate_links(app: Any, page: str) -> list[tuple[str, str, str]]:
    soup = BeautifulSoup((Path(app.outdir) / page).read_text(), "html.parser")
    return [(a["type"], a["title"], a["href"]) for a in soup.find_all("link", rel="alternate")]


def test_update_directive_sets_the_entry_updated(build: Any) -> None:
    files = {
        "index.md": INDEX,
        "essays/upd.md": """
            # Updated essay

            ```{post} 2024-01-01
            :updated: 2024-02-01
            ```

            Body.

            ```{update} 2024-03-15
            A later correction.
            ```
        """,
    }
    app = build(files)
    assert warning_text(app) == ""
    [entry] = atom_entries(read(app, "blog/atom.xml"))
    assert entry.findtext(f"{ATOM}published") == "2024-01-01T00:00:00Z"
    assert entry.findtext(f"{ATOM}updated") == "2024-03-15T00:00:00Z"
    [item] = json.loads(read(app, "blog/feed.json"))["items"]
    assert item["date_modified"] == "2024-03-15T00:00:00Z"


def test_rebuild_without_changes_keeps_the_files(build: Any, tmp_path: Path) -> None:
    src = tmp_path / "same"
    first = build(basic_files(), conf_extra=CONF, srcdir=src)
    before = snapshot(first)
    stamps = {path: (Path(first.outdir) / path).stat().st_mtime_ns for path in before}
    again = build(None, srcdir=src)
    assert snapshot(again) == before
    # unchanged feeds are not even rewritten (feed readers and caches see no change)
    assert {path: (Path(again.outdir) / path).stat().st_mtime_ns for path in before} == stamps


def test_helpers_make_urls_absolute_and_text_xml_safe() -> None:
    page = "https://example.org/hb/essays/one.html"
    fragment = (
        '<a href="../two.html">x</a><a href="#part">y</a><img src="_images/a&amp;b.png" />'
        '<a href="https://other.example/">z</a><a href="mailto:a@b.c">m</a>'
    )
    assert absolute_links(fragment, page) == (
        '<a href="https://example.org/hb/two.html">x</a>'
        '<a href="https://example.org/hb/essays/one.html#part">y</a>'
        '<img src="https://example.org/hb/essays/_images/a&amp;b.png" />'
        '<a href="https://other.example/">z</a><a href="mailto:a@b.c">m</a>'
    )
    assert _clean("a\x0bb\x00c\ud800d😀") == "abcd😀"

    naive = dt.datetime(2024, 5, 1, 12, 0)
    assert as_utc(naive).isoformat() == "2024-05-01T12:00:00+00:00"
    zoned = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert as_utc(zoned).isoformat() == "2024-05-01T10:00:00+00:00"


def test_restructuredtext_posts_with_full_text(build: Any) -> None:
    files = {
        "index.rst": "Home\n====\n\n.. toctree::\n   :glob:\n\n   essays/*\n",
        "essays/rst.rst": (
            "An rST essay\n============\n\n"
            ".. post:: 2024-07-01\n   :category: Craft\n   :author: Ann & Bo\n\n"
            "First paragraph with a :doc:`link <other>` and *emphasis*.\n\n"
            "Details\n-------\n\nSee the `section <#details>`_.\n"
        ),
        "essays/other.rst": "Other\n=====\n\nNot a post.\n",
    }
    app = build(files, conf_extra="careerblog_feed_fulltext = True\n")
    assert warning_text(app) == ""
    [entry] = atom_entries(read(app, "blog/atom.xml"))
    assert entry.findtext(f"{ATOM}title") == "An rST essay"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ann & Bo"
    body = BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser")
    assert body.find("em") is not None
    hrefs = [a["href"] for a in body.find_all("a")]
    assert "https://example.org/essays/other.html" in hrefs
    assert "https://example.org/essays/rst.html#details" in hrefs
    assert body.select(".cb-byline") == []


def test_feeds_go_when_their_last_public_post_goes(build: Any, tmp_path: Path) -> None:
    src = tmp_path / "gone"
    files = {"index.md": INDEX, "essays/only.md": essay("Only", "2024-01-01")}
    app = build(files, srcdir=src)
    blog = Path(app.outdir) / "blog"
    assert {p.name for p in blog.glob("*.*")} >= {"atom.xml", "rss.xml", "feed.json"}
    # a file of the site's own, next to the feeds, is never touched
    (blog / "notes.xml").write_text("<notes><generator>mine</generator></notes>")
    (src / "essays" / "only.md").write_text(
        essay("Only", "2024-01-01", extra="visibility: internal\n"), "utf-8"
    )
    app = build(None, srcdir=src)
    assert warning_text(app) == ""
    for name in ("atom.xml", "rss.xml", "feed.json", "category/career-growth.atom.xml"):
        assert not (blog / name).exists(), name
    assert (blog / "notes.xml").exists()
    # the catalog still lists the (now internal) post
    posts = json.loads((blog / "posts.json").read_text("utf-8"))["posts"]
    assert [post["visibility"] for post in posts] == ["internal"]
