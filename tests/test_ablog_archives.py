"""Language and location archive pages, archive feeds, titles-only feeds and feed
entry templates (SPEC "Migrating from ABlog", issue 12 item 5), on the ABlog fixture."""

from __future__ import annotations

from defusedxml import ElementTree

from .conftest import warning_text
from .pages_helpers import sidebar, soup
from .test_ablog_site import migrated_copy

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(path) -> list[dict[str, str | None]]:
    root = ElementTree.parse(path).getroot()
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "content": entry.findtext(f"{ATOM}content"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_language_and_location_pages(build, tmp_path) -> None:
    app = build(srcdir=migrated_copy(tmp_path))
    assert warning_text(app) == ""
    blog = app.outdir / "blog"
    page = soup(blog / "language" / "de.html")
    assert page.select_one("#cb-page h1").get_text() == "Posts written in Deutsch"
    titles = [node.get_text(" ", strip=True) for node in page.select("h2.cb-entry-title")]
    assert titles == ["Kurze Sätze in der Dokumentation"]
    page = soup(blog / "location" / "remote.html")
    assert page.select_one("#cb-page h1").get_text() == "Posts from Working remotely"
    assert len(page.select("h2.cb-entry-title")) == 2
    overview = soup(blog / "locations.html")
    assert [li.get_text(" ", strip=True) for li in overview.select(".cb-overview-term")] == [
        "Lisbon (1)",
        "Working remotely (2)",
    ]
    assert (blog / "languages.html").is_file()
    # the sidebar boxes now link to them
    box = sidebar(soup(app.outdir / "about.html"), "languages")
    assert [a["href"] for a in box.select("a")] == [
        "blog/languages.html",
        "blog/language/de.html",
        "blog/language/en.html",
    ]


def test_feed_archives_give_every_archive_page_a_feed(build, tmp_path) -> None:
    app = build(srcdir=migrated_copy(tmp_path))
    blog = app.outdir / "blog"
    feeds = sorted(str(path.relative_to(blog)) for path in blog.rglob("*.atom.xml"))
    assert feeds == [
        "archive/2024.atom.xml",
        "author/jonas.atom.xml",
        "author/priya.atom.xml",
        "category/engineering.atom.xml",
        "category/team.atom.xml",
        "category/writing.atom.xml",
        "language/de.atom.xml",
        "language/en.atom.xml",
        "location/lisbon.atom.xml",
        "location/remote.atom.xml",
        *(f"tag/{tag}.atom.xml" for tag in ("docs", "habits", "incidents", "onboarding",
                                            "pairing", "process", "review", "talks", "writing")),
    ]  # fmt: skip
    assert [entry["title"] for entry in _entries(blog / "location" / "remote.atom.xml")] == [
        "Kurze Sätze in der Dokumentation",
        "Code review habits worth keeping",
    ]
    # each archive page advertises its own feed first
    links = soup(blog / "tag" / "docs.html").select('link[rel="alternate"]')
    assert links[0]["href"] == "docs.atom.xml"
    assert links[0]["title"] == "Field Notes: docs (Atom)"


def test_feed_templates_shape_an_extra_feed(build, tmp_path) -> None:
    app = build(srcdir=migrated_copy(tmp_path))
    chat = _entries(app.outdir / "blog" / "chat.xml")
    by_title = {entry["title"]: entry["content"] for entry in chat}
    assert by_title["Moving the docs to a new build"] == (
        "We moved the handbook to a new build in one afternoon; this is the log. #docs #process"
    )
    # the site feed keeps its own entries (full text, as blog_feed_fulltext asks)
    site = {entry["title"]: entry for entry in _entries(app.outdir / "blog" / "atom.xml")}
    assert "#docs" not in (site["Moving the docs to a new build"]["content"] or "")
    assert "The old build took nine minutes" in site["Moving the docs to a new build"]["content"]


def test_titles_only_feeds(build, tmp_path) -> None:
    src = migrated_copy(tmp_path)
    app = build(srcdir=src, confoverrides={"careerblog_feed_titles": True})
    assert warning_text(app) == ""
    for entry in _entries(app.outdir / "blog" / "atom.xml"):
        assert entry["title"] and entry["summary"] is None and entry["content"] is None


def test_entry_templates_escape_and_report_errors(build) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\np\n```\n",
        "p.md": "---\npost: true\ndate: 2024-01-01\ntags: [a&b]\n---\n# Fish & <chips>\n\nText.\n",
    }
    conf = (
        "careerblog_feed_templates = {\n"
        "    'atom': {'title': '[{{ post.tags[0].name }}] {{ title }}',\n"
        "             'content': '<p>{{ title }}</p>{{ content }}'},\n"
        "    'broken': {'summary': '{{ title'},\n"
        "}\n"
    )
    app = build(files, conf_extra=conf)
    warnings = warning_text(app)
    assert warnings.count("[careerblog.feed]") == 1
    assert "careerblog_feed_templates['broken']['summary'] cannot be read" in warnings
    [entry] = _entries(app.outdir / "blog" / "atom.xml")
    assert entry["title"] == "[a&b] Fish & <chips>"  # text: escaped by the XML writer
    assert entry["content"].startswith("<p>Fish &amp; &lt;chips&gt;</p>")  # HTML: escaped
    assert "Text." in entry["content"]


def test_a_language_that_goes_away_takes_its_page_and_feed(build, tmp_path) -> None:
    src = migrated_copy(tmp_path)
    app = build(srcdir=src)
    blog = app.outdir / "blog"
    assert (blog / "language" / "de.html").is_file()
    assert (blog / "language" / "de.atom.xml").is_file()
    (src / "posts" / "schreibtipps.rst").unlink()
    app = build(srcdir=src)
    assert warning_text(app) == ""
    assert not (blog / "language" / "de.html").exists()
    assert not (blog / "language" / "de.atom.xml").exists()
    assert (blog / "language" / "en.atom.xml").is_file()
