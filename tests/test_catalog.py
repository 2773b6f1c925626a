"""``blog/posts.json``: every listed post with all its metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import warning_text
from .test_feeds import CONF, INDEX, basic_files, essay


def catalog(app: Any) -> dict[str, Any]:
    data = (Path(app.outdir) / "blog" / "posts.json").read_bytes()
    document: dict[str, Any] = json.loads(data)
    # sorted keys, compact (the C encoder), UTF-8 without \\u escapes, newline at the end
    assert data.decode("utf-8") == (
        json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    )
    return document


def by_key(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {post["key"]: post for post in document["posts"]}


def test_catalog_lists_every_listed_post_with_its_metadata(build: Any) -> None:
    app = build(basic_files(), conf_extra=CONF)
    assert warning_text(app) == ""
    document = catalog(app)
    assert document["version"] == 1
    assert document["title"] == "Handbook"
    assert document["base_url"] == "https://example.org/"
    assert document["feeds"] == {
        "atom": "https://example.org/blog/atom.xml",
        "json": "https://example.org/blog/feed.json",
        "rss": "https://example.org/blog/rss.xml",
    }
    # newest first; internal posts are listed (with their visibility), drafts are not
    assert [post["title"] for post in document["posts"]] == [
        "Internal essay",
        "Second essay",
        "Third essay",
        "First essay",
    ]
    posts = by_key(document)
    assert posts["essays/secret"]["visibility"] == "internal"
    two = posts["essays/two"]
    assert two["url"] == "https://example.org/essays/two.html"
    assert two["id"] == "tag:example.org,2024-03-05:essays/two"
    assert two["date"] == "2024-03-05T07:30:00Z" and two["date_has_time"] is True
    assert two["updated"] == "2024-04-01T00:00:00Z"
    assert two["authors"] == [
        {"key": "mara", "name": "Mara <Lindqvist>", "url": "https://example.org/mara"}
    ]
    [craft] = two["categories"]
    assert craft["label"] == "Craft" and craft["slug"] == "craft"
    assert craft["feed_url"] == "https://example.org/blog/category/craft.atom.xml"
    assert craft["url"] == "https://example.org/blog/category/craft.html"
    assert two["summary"] == "The first paragraph."
    assert two["draft"] is False and two["anchor"] is None
    assert two["words"] > 0 and two["reading_minutes"] == 1
    one = posts["essays/one"]
    assert one["date"] == "2024-01-10T00:00:00Z" and one["date_has_time"] is False
    assert [tag["label"] for tag in one["tags"]] == ["mentorship"]
    assert one["tags"][0]["url"] == "https://example.org/blog/tag/mentorship.html"
    assert "feed_url" not in one["tags"][0]
    # every field of a post is there, even when empty
    expected = {
        "key", "docname", "anchor", "title", "page_title", "url", "id", "external_link",
        "canonical_link", "visibility", "draft", "scheduled", "date", "date_has_time", "updated",
        "authors", "categories", "tags", "summary", "image", "words", "reading_minutes",
        "series", "series_slug", "series_url", "series_part", "series_parts", "location",
        "language", "redirect", "nocomments",
    }  # fmt: skip
    assert all(set(post) == expected for post in document["posts"])


def test_catalog_lists_drafts_when_they_are_listed(build: Any) -> None:
    app = build(basic_files(), conf_extra="careerblog_include_drafts = True\n")
    posts = by_key(catalog(app))
    draft = posts["essays/draft"]
    assert draft["draft"] is True and draft["date"] is None and draft["id"] is None
    assert draft["scheduled"] is False  # no date: a draft, not a scheduled post


def test_catalog_without_a_base_url_uses_root_relative_urls(build: Any) -> None:
    app = build(basic_files(), conf_extra='careerblog_baseurl = ""\n')
    document = catalog(app)
    assert document["base_url"] is None
    assert document["feeds"] == {}
    posts = by_key(document)
    assert posts["essays/two"]["url"] == "essays/two.html"
    assert posts["essays/two"]["id"] is None
    assert posts["essays/one"]["categories"][0]["feed_url"] is None


def test_catalog_follows_dirhtml_urls_and_section_posts(build: Any) -> None:
    files = {
        "index.md": INDEX,
        "essays/notes.md": """
            # Notes

            ## Part one

            ```{post} 2024-06-01
            :category: Craft
            :series: Notes
            :location: Lisbon
            ```

            Section text.
        """,
        "essays/one.md": essay(
            "With image", "2024-01-01", extra="image: https://cdn.example.org/a.png\n"
        ),
    }
    app = build(files, buildername="dirhtml")
    assert warning_text(app) == ""
    posts = by_key(catalog(app))
    part = posts["essays/notes#part-one"]
    assert part["url"] == "https://example.org/essays/notes/#part-one"
    assert part["anchor"] == "part-one" and part["series"] == "Notes"
    assert part["series_slug"] == "notes" and (part["series_part"], part["series_parts"]) == (1, 1)
    assert part["series_url"] == "https://example.org/blog/series/notes/"
    assert part["location"] == "Lisbon"
    assert part["categories"][0]["url"] == "https://example.org/blog/category/craft/"
    assert posts["essays/one"]["image"] == "https://cdn.example.org/a.png"


def test_catalog_escaping_round_trips(build: Any) -> None:
    payload = "<script>alert('x')</script> & \"q\" 😀"
    files = {
        "index.md": INDEX,
        "essays/esc.md": essay(
            "Escapes",
            "2024-01-01",
            categories=json.dumps([payload], ensure_ascii=False),
            extra=f"summary: {json.dumps(payload, ensure_ascii=False)}\n",
        ),
    }
    app = build(files)
    raw = (Path(app.outdir) / "blog" / "posts.json").read_text("utf-8")
    assert "😀" in raw
    [post] = catalog(app)["posts"]
    assert post["summary"] == payload
    assert post["categories"][0]["label"] == payload
    assert "<" not in post["categories"][0]["slug"]


def test_catalog_is_written_for_a_project_without_posts(build: Any) -> None:
    app = build({"index.md": "# Home\n\nNothing yet.\n"})
    document = catalog(app)
    assert document["posts"] == [] and document["feeds"] == {}
