"""Generated pages under ``careerblog_path``: every page type, pagination, URLs under
html and dirhtml, links that resolve, escaping, collisions, redirects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import Tag

from .conftest import warning_text, write_project
from .pages_helpers import (
    INDEX,
    blog,
    broken_links,
    comparable,
    entry_titles,
    generated_files,
    no_state_files,
    output_file,
    page_root,
    post,
    remembered_files,
    soup,
)

AUTHORS = """
careerblog_authors = {"ann": {"name": "Ann Example", "bio": "Writes about craft.",
                              "url": "https://example.org/ann"},
                      "bob": {"name": "Bob Example"}}
careerblog_categories = {"craft": {"title": "Craft", "description": "How we build."}}
"""


def test_every_page_type_is_generated(build) -> None:
    app = build(blog(5), conf_extra=AUTHORS)
    assert warning_text(app) == ""
    out = app.outdir
    names = {path.relative_to(out / "blog").as_posix() for path in generated_files(out)}
    assert names == {
        "index.html",
        "categories.html",
        "tags.html",
        "authors.html",
        # written like the other overviews, so ABlog's blog-languages/-locations resolve
        "languages.html",
        "locations.html",
        "archive.html",
        "series/index.html",
        "category/craft.html",
        "category/growth.html",
        "tag/all.html",
        "tag/even.html",
        "author/ann.html",
        "author/bob.html",
        "archive/2020.html",
        "archive/2021.html",
        "archive/2022.html",
        "archive/2023.html",
        "archive/2024.html",
    }

    index = soup(out / "blog" / "index.html")
    assert index.title is not None and index.title.get_text().startswith("Handbook")
    assert page_root(index).h1 is not None
    assert page_root(index).h1.get_text() == "Handbook"  # careerblog_title defaults to project
    assert entry_titles(index) == ["Post 04", "Post 03", "Post 02", "Post 01", "Post 00"]

    craft = soup(out / "blog" / "category" / "craft.html")
    assert page_root(craft).h1.get_text() == "Posts in Craft"
    assert page_root(craft).select_one(".cb-page-description").get_text() == "How we build."
    assert entry_titles(craft) == ["Post 04", "Post 02", "Post 00"]
    assert entry_titles(soup(out / "blog" / "tag" / "even.html")) == entry_titles(craft)
    assert entry_titles(soup(out / "blog" / "tag" / "all.html")) == entry_titles(index)

    ann = soup(out / "blog" / "author" / "ann.html")
    assert page_root(ann).h1.get_text() == "Posts by Ann Example"
    assert "Writes about craft." in page_root(ann).get_text()
    assert page_root(ann).select_one(".cb-page-website a")["href"] == "https://example.org/ann"
    assert entry_titles(soup(out / "blog" / "author" / "bob.html")) == ["Post 03", "Post 01"]

    year = soup(out / "blog" / "archive" / "2022.html")
    assert page_root(year).h1.get_text() == "Posts from 2022"
    assert entry_titles(year) == ["Post 02"]

    categories = page_root(soup(out / "blog" / "categories.html"))
    assert [
        " ".join(li.get_text(" ", strip=True).split())
        for li in categories.select(".cb-overview-term")
    ] == ["Craft (3) How we build.", "Growth (2)"]
    tags = page_root(soup(out / "blog" / "tags.html"))
    assert [a.get_text() for a in tags.select(".cb-overview-term a")] == ["all", "even"]
    authors = page_root(soup(out / "blog" / "authors.html"))
    assert "Ann Example (3) Writes about craft." in " ".join(authors.get_text(" ").split())
    archive = page_root(soup(out / "blog" / "archive.html"))
    assert [h2.get_text(" ", strip=True) for h2 in archive.select("h2")] == [
        "2024 (1)",
        "2023 (1)",
        "2022 (1)",
        "2021 (1)",
        "2020 (1)",
    ]


def test_listing_entry_shows_everything(build) -> None:
    files = {
        "index.md": INDEX,
        "posts/a.md": post(
            "Alpha",
            "First paragraph.\n\nSecond paragraph.",
            date="2024-03-05",
            category="[Craft, Growth]",
            tags="[x, y]",
            authors="[ann, Zed Free]",
            excerpt="2",
        ),
    }
    app = build(files, conf_extra=AUTHORS)
    assert warning_text(app) == ""
    root = page_root(soup(app.outdir / "blog" / "index.html"))
    [entry] = root.select(".cb-entry")
    assert entry.select_one(".cb-entry-title a")["href"] == "../posts/a.html"
    time = entry.select_one("time.cb-entry-date")
    assert (time["datetime"], time.get_text()) == ("2024-03-05", "05 March 2024")
    authors = entry.select(".cb-entry-authors a")
    assert [(a.get_text(), a["href"]) for a in authors] == [
        ("Ann Example", "author/ann.html"),
        ("Zed Free", "author/zed-free.html"),
    ]
    assert [p.get_text() for p in entry.select(".cb-entry-summary")] == [
        "First paragraph.",
        "Second paragraph.",
    ]
    assert [(a.get_text(), a["href"]) for a in entry.select(".cb-entry-categories a")] == [
        ("Craft", "category/craft.html"),
        ("Growth", "category/growth.html"),
    ]
    assert [a["href"] for a in entry.select(".cb-entry-tags a")] == ["tag/x.html", "tag/y.html"]
    assert entry.select_one(".cb-entry-reading-time").get_text(strip=True) == "· 1 min read"
    assert not entry.select(".cb-draft-marker")


def test_bylines_link_to_generated_pages(build) -> None:
    app = build(blog(2), conf_extra=AUTHORS)
    byline = soup(app.outdir / "posts" / "p00.html").select_one(".cb-byline")
    hrefs = {a.get_text(): a["href"] for a in byline.select("a")}
    assert hrefs == {
        "Ann Example": "../blog/author/ann.html",
        "Craft": "../blog/category/craft.html",
        "all": "../blog/tag/all.html",
        "even": "../blog/tag/even.html",
    }


@pytest.mark.parametrize("per_page", [2, 0])
def test_pagination(build, per_page) -> None:
    app = build(blog(5), conf_extra=f"careerblog_posts_per_page = {per_page}\n")
    assert warning_text(app) == ""
    out = app.outdir
    if per_page == 0:
        assert not (out / "blog" / "page").exists()
        assert len(entry_titles(soup(out / "blog" / "index.html"))) == 5
        assert soup(out / "blog" / "index.html").select(".cb-pagination") == []
        return
    pages = [
        out / "blog" / "index.html",
        out / "blog" / "page" / "2.html",
        out / "blog" / "page" / "3.html",
    ]
    assert not (out / "blog" / "page" / "4.html").exists()
    seen = [entry_titles(soup(page)) for page in pages]
    assert seen == [["Post 04", "Post 03"], ["Post 02", "Post 01"], ["Post 00"]]
    for number, page in enumerate(pages):
        parsed = soup(page)
        nav = parsed.select_one("nav.cb-pagination")
        assert isinstance(nav, Tag)
        newer = nav.select_one("a[rel=prev]")
        older = nav.select_one("a[rel=next]")
        if number == 0:
            assert newer is None
        else:
            assert (page.parent / newer["href"]).resolve() == pages[number - 1].resolve()
        if number == len(pages) - 1:
            assert older is None
        else:
            assert (page.parent / older["href"]).resolve() == pages[number + 1].resolve()
        assert parsed.select_one("[aria-current=page]").get_text() == str(number + 1)
        head = {
            link["rel"][0]: link["href"]
            for link in parsed.select("head link[rel=prev], head link[rel=next]")
        }
        assert head.get("prev") == (newer["href"] if newer else None)
        assert head.get("next") == (older["href"] if older else None)
        assert f"(page {number + 1} of 3)" in parsed.title.get_text()
    # the category with three posts takes two pages
    craft = [
        out / "blog" / "category" / "craft.html",
        out / "blog" / "category" / "craft" / "page" / "2.html",
    ]
    assert [entry_titles(soup(page)) for page in craft] == [["Post 04", "Post 02"], ["Post 00"]]
    assert not (out / "blog" / "category" / "growth" / "page").exists()


def test_long_pagination_links_the_ends_and_the_pages_near_this_one(build) -> None:
    """Eleven pages: page 6 links 1, 4-8 and 11, with a gap mark for what is left out,
    so each page of a long listing holds a few links, not one per page."""
    conf = 'careerblog_posts_per_page = 1\ncareerblog_today = "2040-01-01"\n'
    app = build(blog(11), conf_extra=conf)
    assert warning_text(app) == ""
    out = app.outdir / "blog"
    pages = out / "page"
    numbers = soup(pages / "6.html").select_one(".cb-pagination-pages")
    assert isinstance(numbers, Tag)
    assert numbers.get_text(" ", strip=True) == "1 … 4 5 6 7 8 … 11"
    assert [(pages / a["href"]).resolve() for a in numbers.select("a")][:2] == [
        (out / "index.html").resolve(),
        (pages / "4.html").resolve(),
    ]
    first = soup(out / "index.html").select_one(".cb-pagination-pages")
    assert first.get_text(" ", strip=True) == "1 2 3 … 11"  # type: ignore[union-attr]
    last = soup(pages / "11.html").select_one(".cb-pagination-pages")
    assert last.get_text(" ", strip=True) == "1 … 9 10 11"  # type: ignore[union-attr]


def test_dirhtml_urls(build) -> None:
    app = build(blog(3), conf_extra="careerblog_posts_per_page = 2\n", buildername="dirhtml")
    assert warning_text(app) == ""
    out = app.outdir
    for name in (
        "blog/index",
        "blog/page/2",
        "blog/category/craft",
        "blog/tag/all",
        "blog/author/ann",
        "blog/archive/2021",
        "blog/archive",
        "blog/categories",
        "blog/tags",
        "blog/authors",
    ):
        assert output_file(out, name, "dirhtml").is_file(), name
    assert (out / "blog" / "category" / "craft" / "index.html").is_file()
    assert not (out / "blog" / "category" / "craft.html").exists()
    category = soup(out / "blog" / "category" / "craft" / "index.html")
    assert category.select_one(".cb-entry-title a")["href"] == "../../../posts/p02/"
    byline = soup(out / "posts" / "p00" / "index.html").select_one(".cb-byline")
    assert "../../blog/category/craft/" in [a["href"] for a in byline.select("a")]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_link_in_generated_pages_resolves(build, buildername) -> None:
    files = blog(6)
    files["posts/sections.md"] = (
        "# Sections page\n\n## Part one\n\n```{post} 2019-05-05\n:tags: all, section\n```\n\n"
        "Body.\n"
    )
    files["index.md"] = INDEX
    app = build(
        files,
        conf_extra=AUTHORS + "careerblog_posts_per_page = 2\n" + "html_sidebars = "
        "{'**': ['careerblog/recent.html', 'careerblog/categories.html', "
        "'careerblog/tags.html', 'careerblog/archives.html']}\n",
        buildername=buildername,
    )
    assert warning_text(app) == ""
    pages = generated_files(app.outdir)
    assert len(pages) > 20
    hrefs = [a["href"] for page in pages for a in soup(page).select("#cb-page a")]
    assert any("#part-one" in href for href in hrefs)
    assert broken_links(app.outdir, [*pages, *sorted((app.outdir / "posts").rglob("*.html"))]) == []


PAYLOAD = "<b>&\"'"


def test_escaping_everywhere(build) -> None:
    files = {"index.md": INDEX}
    files["posts/x.md"] = (
        '---\npost: true\ndate: 2024-01-01\ncategory: "Cat <b>&\'"\n'
        'tags: ["Tag <i>&\\"\'"]\nauthor: evil\n---\n'
        "# Title <script>alert(1)</script> & \"q\" 'a'\n\nSummary <i>x</i> & more.\n"
    )
    app = build(
        files,
        conf_extra='careerblog_authors = {"evil": {"name": "Eve <u>&\\"\'", '
        '"bio": "Bio <img src=x>"}}\nsmartquotes = False\n'
        "html_sidebars = {'**': ['careerblog/tags.html']}\n",
    )
    assert warning_text(app) == ""
    for page in generated_files(app.outdir):
        text = page.read_text("utf-8")
        for raw in ("<script>alert", "<b>&", "<i>&", "<u>&", "<img src=x>", "<i>x</i>"):
            assert raw not in text, (page, raw)
    index = soup(app.outdir / "blog" / "index.html")
    [entry] = page_root(index).select(".cb-entry")
    assert entry.select_one(".cb-entry-title a").get_text() == (
        "Title <script>alert(1)</script> & \"q\" 'a'"
    )
    assert entry.select_one(".cb-entry-categories a").get_text() == "Cat <b>&'"
    assert entry.select_one(".cb-entry-tags a").get_text() == "Tag <i>&\"'"
    assert entry.select_one(".cb-entry-authors a").get_text() == "Eve <u>&\"'"
    category_page = next((app.outdir / "blog" / "category").glob("*.html"))
    assert re.fullmatch(r"[a-z0-9-]+\.html", category_page.name)
    parsed = soup(category_page)
    assert parsed.title.get_text().startswith("Posts in Cat <b>&'")
    assert page_root(parsed).h1.get_text() == "Posts in Cat <b>&'"
    author_page = soup(app.outdir / "blog" / "author" / "evil.html")
    assert "Bio <img src=x>" in page_root(author_page).get_text()
    assert [a.get_text() for a in index.select(".cb-sidebar-tags li a")] == ["Tag <i>&\"'"]


def test_external_link_posts_link_out(build) -> None:
    files = {
        "index.md": INDEX,
        "posts/ext.md": post(
            "Elsewhere", date="2024-02-02", external_link="https://example.org/essay?a=1&b=2"
        ),
    }
    app = build(files)
    assert warning_text(app) == ""
    entry = page_root(soup(app.outdir / "blog" / "index.html")).select_one(".cb-entry")
    link = entry.select_one(".cb-entry-title a")
    assert link["href"] == "https://example.org/essay?a=1&b=2"
    assert "external" in link["class"]
    assert "cb-entry-external" in entry["class"]


def test_drafts_are_marked_when_included(build) -> None:
    files = blog(2)
    files["posts/draft.md"] = post("Unfinished", tags="all")
    app = build(files, conf_extra="careerblog_include_drafts = True\n")
    index = page_root(soup(app.outdir / "blog" / "index.html"))
    drafts = index.select(".cb-entry-draft")
    assert [d.select_one(".cb-entry-title a").get_text() for d in drafts] == ["Unfinished"]
    assert drafts[0].select_one(".cb-draft-marker").get_text() == "Draft"
    assert len(index.select(".cb-draft-marker")) == 1


def test_drafts_are_left_out_by_default(build) -> None:
    files = blog(2)
    files["posts/draft.md"] = post("Unfinished", tags="secret-tag")
    app = build(files)
    # the page body (a theme's navigation may still list the draft document)
    assert "Unfinished" not in page_root(soup(app.outdir / "blog" / "index.html")).get_text()
    assert not (app.outdir / "blog" / "tag" / "secret-tag.html").exists()


def test_empty_blog_still_has_its_pages(build) -> None:
    app = build({"index.md": "# Home\n\nNo posts here.\n"})
    assert warning_text(app) == ""
    for name in ("index", "categories", "tags", "authors", "archive"):
        page = page_root(soup(app.outdir / "blog" / f"{name}.html"))
        assert page.select_one(".cb-no-posts").get_text() == "No posts."


def test_careerblog_path_moves_everything(build) -> None:
    app = build(blog(2), conf_extra='careerblog_path = "writing/essays"\n')
    assert warning_text(app) == ""
    assert (app.outdir / "writing" / "essays" / "category" / "craft.html").is_file()
    assert not (app.outdir / "blog").exists()
    pages = generated_files(app.outdir, "writing/essays")
    assert broken_links(app.outdir, pages) == []


# -- collisions ------------------------------------------------------------------------


def test_real_document_wins_over_generated_page(build) -> None:
    files = blog(2)
    files["index.md"] = INDEX + "\n```{toctree}\nblog/tags\n```\n"
    files["blog/tags.md"] = "# My own tag page\n\nHand written.\n"
    app = build(files)
    warnings = warning_text(app).strip().splitlines()
    assert len(warnings) == 1
    [warning] = warnings
    assert re.search(r"blog/tags\.md:1: WARNING: .*generated page 'blog/tags'", warning)
    assert warning.endswith("[careerblog.page_collision]")
    page = soup(app.outdir / "blog" / "tags.html")
    assert page.select_one("#cb-page") is None
    assert "Hand written." in page.get_text()
    # the other generated pages are still there
    assert (app.outdir / "blog" / "categories.html").is_file()


def test_dirhtml_collision_by_url(build) -> None:
    # under dirhtml the document "blog" is written to blog/index.html: the blog index's URL
    files = blog(1)
    files["index.md"] = INDEX + "\n```{toctree}\nblog\n```\n"
    files["blog.md"] = "# Blog landing\n\nHello.\n"
    app = build(files, buildername="dirhtml")
    warnings = warning_text(app).strip().splitlines()
    assert len(warnings) == 1
    assert "blog.md:1: WARNING:" in warnings[0]
    assert "'blog/index'" in warnings[0]
    assert warnings[0].endswith("[careerblog.page_collision]")
    assert "Blog landing" in (app.outdir / "blog" / "index.html").read_text()
    # html writes them to different files: no collision there
    app = build(buildername="html")
    assert warning_text(app) == ""


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_slug_collision_warns_once_at_the_post(build, buildername) -> None:
    files = {
        "index.md": INDEX,
        "posts/a.md": post("A", date="2024-01-01", tags="[Node.js]"),
        "posts/b.md": post("B", date="2024-01-02", tags="[node js]"),
        "posts/c.md": post("C", date="2024-01-03", tags="[node.js, node js]"),
    }
    app = build(files, buildername=buildername)
    warnings = warning_text(app).strip().splitlines()
    assert len(warnings) == 1, warnings
    [warning] = warnings
    assert re.search(
        r"posts/b\.md:1: WARNING: the tag labels 'Node\.js', 'node js' all map to the "
        r"slug 'node-js'",
        warning,
    )
    assert warning.endswith("[careerblog.slug_collision]")
    if buildername != "html":
        return
    # both spellings share one page, which lists all three posts
    page = soup(app.outdir / "blog" / "tag" / "node-js.html")
    assert sorted(entry_titles(page)) == ["A", "B", "C"]


def test_labels_that_differ_by_a_symbol_get_their_own_pages(build) -> None:
    """``C`` and ``C++`` are different languages: different slugs, no warning."""
    files = {
        "index.md": INDEX,
        "posts/a.md": post("A", date="2024-01-01", tags="[C]"),
        "posts/b.md": post("B", date="2024-01-02", tags="[C++]"),
    }
    app = build(files)
    assert warning_text(app) == ""
    names = sorted(path.name for path in (app.outdir / "blog" / "tag").glob("*.html"))
    assert len(names) == 2 and "c.html" in names, names
    [cpp] = [name for name in names if name != "c.html"]
    assert re.fullmatch(r"c--[0-9a-f]{8}\.html", cpp)
    assert entry_titles(soup(app.outdir / "blog" / "tag" / cpp)) == ["B"]


def test_emoji_and_non_latin_terms_get_usable_slugs(build) -> None:
    files = {
        "index.md": INDEX,
        "posts/a.md": post("A", date="2024-01-01", tags="['🚀', 'Карьера', '成长']"),
    }
    app = build(files)
    assert warning_text(app) == ""
    names = sorted(path.name for path in (app.outdir / "blog" / "tag").glob("*.html"))
    assert all(re.fullmatch(r"[a-z0-9-]+\.html", name) for name in names), names
    assert {name.split("--")[0] for name in names} == {"karera", "cheng-chang", "t"}
    assert len(names) == 3
    tags = page_root(soup(app.outdir / "blog" / "tags.html"))
    assert sorted(a.get_text() for a in tags.select(".cb-overview-term a")) == sorted(
        ["🚀", "Карьера", "成长"]
    )
    assert broken_links(app.outdir, generated_files(app.outdir)) == []


# -- redirects -------------------------------------------------------------------------


def test_redirect_pages(build) -> None:
    files = {
        "index.md": INDEX,
        "posts/new.md": post(
            "New home",
            date="2024-01-01",
            redirect="[old/post.html, /2019/old-name, archive/x/]",
            # listings link out, but the old address leads to the post's own page
            external_link="https://elsewhere.example/new",
        ),
        "posts/sec.md": "# Page\n\n## Moved section\n\n```{post} 2024-02-02\n"
        ":redirect: legacy/section\n```\n\nText.\n",
    }
    app = build(files, conf_extra='careerblog_baseurl = "https://site.example/"\n')
    assert warning_text(app) == ""
    out = app.outdir
    for path, href in [
        ("old/post.html", "../posts/new.html"),
        ("2019/old-name.html", "../posts/new.html"),
        ("archive/x/index.html", "../../posts/new.html"),
        ("legacy/section.html", "../posts/sec.html#moved-section"),
    ]:
        page = soup(out / path)
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url={href}"
        assert page.select_one("a")["href"] == href
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical.startswith("https://site.example/posts/")
        assert (out / path).parent.joinpath(href.split("#")[0]).resolve().is_file()
    assert soup(out / "legacy" / "section.html").find("link", rel="canonical")["href"] == (
        "https://site.example/posts/sec.html#moved-section"
    )


def test_bad_redirects_warn_at_the_post(build) -> None:
    files = {
        "index.md": INDEX,
        "taken.md": "---\norphan: true\n---\n# Taken\n",
        "posts/a.md": post(
            "A", date="2024-01-01", redirect="['https://elsewhere.example/x', '../up', taken]"
        ),
    }
    app = build(files)
    warnings = warning_text(app).strip().splitlines()
    assert len(warnings) == 3, warnings
    assert all("posts/a.md:1: WARNING:" in line for line in warnings)
    assert sum(line.endswith("[careerblog.field]") for line in warnings) == 2
    assert sum(line.endswith("[careerblog.page_collision]") for line in warnings) == 1
    assert "Taken" in (app.outdir / "taken.html").read_text()


def test_redirect_under_dirhtml(build) -> None:
    files = {
        "index.md": INDEX,
        "posts/a.md": post("A", date="2024-01-01", redirect="[old/a/, old/b, old/c.html]"),
        "posts/s.md": "# S\n\n## Sec\n\n```{post} 2024-02-02\n:redirect: x/y.html\n```\n",
    }
    app = build(files, buildername="dirhtml")
    assert warning_text(app) == ""
    for path, href in [
        ("old/a/index.html", "../../posts/a/"),
        ("old/b/index.html", "../../posts/a/"),
        # an old ``.html`` URL (say, from before a move to dirhtml) is kept as it was
        ("old/c.html", "../posts/a/"),
        ("x/y.html", "../posts/s/#sec"),
    ]:
        page = soup(app.outdir / path)
        assert page.select_one("a")["href"] == href, path
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url={href}"
        target = (app.outdir / path).parent / href.split("#")[0] / "index.html"
        assert target.resolve().is_file()
    assert {"old/c.html", "x/y.html", "old/a/index.html"} <= remembered_files(app)
    assert no_state_files(app.outdir)


# -- builders and the source directory -----------------------------------------------------


def _snapshot(srcdir: Path) -> dict[str, float]:
    return {
        path.relative_to(srcdir).as_posix(): path.stat().st_mtime
        for path in srcdir.rglob("*")
        if "_build" not in path.parts
    }


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml"])
def test_nothing_is_written_into_the_source_directory(make_app, tmp_path, buildername) -> None:
    files = blog(3)
    files["posts/p00.md"] = post("Moved", date="2020-01-01", redirect="[old/p]")
    src = write_project(tmp_path / "src", files)
    before = _snapshot(src)
    for _ in range(2):  # a clean and an incremental build
        app = make_app(buildername, srcdir=src, builddir=tmp_path / "out")
        app.build()
        app.cleanup()
    assert _snapshot(src) == before


def test_singlehtml_has_no_generated_pages(build) -> None:
    app = build(
        blog(3),
        buildername="singlehtml",
        conf_extra="html_sidebars = {'**': ['careerblog/recent.html', "
        "'careerblog/categories.html']}\n",
    )
    assert warning_text(app) == ""
    assert not list(app.outdir.rglob("blog/**/*.html"))
    page = soup(app.outdir / "index.html")
    # terms are plain text (no page to link to); posts link within the single page
    byline = page.select_one(".cb-byline")
    assert byline.select("a") == []
    recent = page.select_one(".cb-sidebar-recent")
    assert [a["href"] for a in recent.select("a")] == [
        "#document-posts/p02",
        "#document-posts/p01",
        "#document-posts/p00",
    ]
    categories = page.select_one(".cb-sidebar-categories")
    assert categories.select("a") == []
    assert "Craft (2)" in " ".join(categories.get_text(" ", strip=True).split())


def test_epub_has_no_generated_pages(build) -> None:
    app = build(blog(2), buildername="epub")
    assert not list(app.outdir.rglob("blog/**/*.html"))
    assert not any("blog/" in line for line in warning_text(app).splitlines())


def test_parallel_generated_pages_equal_serial(make_app, tmp_path) -> None:
    conf = (
        AUTHORS + "careerblog_posts_per_page = 2\nhtml_sidebars = {'**': "
        "['careerblog/recent.html', 'careerblog/tags.html']}\n"
    )
    outputs = []
    for parallel in (1, 2):
        src = write_project(tmp_path / f"src{parallel}", blog(8), conf)
        app = make_app("html", srcdir=src, parallel=parallel)
        app.build()
        assert warning_text(app) == ""
        outputs.append(
            {
                path.relative_to(app.outdir).as_posix(): comparable(path)
                for path in generated_files(app.outdir)
            }
        )
        app.cleanup()
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 15


def test_second_build_reports_no_configuration_change(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", blog(2), "templates_path = ['_templates']\n")
    (src / "_templates").mkdir()
    make_app("html", srcdir=src).build()
    app = make_app("html", srcdir=src)
    app.build()
    status = app.status.getvalue()
    assert "templates_path" not in status
    assert "no targets are out of date" in status
    assert app.config.templates_path[0] == "_templates"
    assert app.config.templates_path.count(app.config.templates_path[-1]) == 1


def test_site_templates_override_the_entry_template(build) -> None:
    files = blog(2)
    files["_templates/careerblog/_entry.html"] = '<li class="my-entry">{{ post.title|e }}</li>\n'
    app = build(files, conf_extra="templates_path = ['_templates']\n")
    index = page_root(soup(app.outdir / "blog" / "index.html"))
    assert [li.get_text() for li in index.select("li.my-entry")] == ["Post 01", "Post 00"]


def test_subscribe_line_shows_feeds_from_the_context(build) -> None:
    # the feeds feature sets ``careerblog_feeds`` in html-page-context; stand in for it
    feeds = (
        "def _feeds(app, pagename, templatename, context, doctree):\n"
        "    if pagename.startswith('blog/'):\n"
        "        context['careerblog_feeds'] = [\n"
        "            {'title': 'Atom <&>', 'url': 'atom.xml?a=1&b=2', "
        "'type': 'application/atom+xml'}]\n"
        "def setup(app):\n"
        "    app.connect('html-page-context', _feeds)\n"
    )
    app = build(blog(2), conf_extra=feeds)
    index = page_root(soup(app.outdir / "blog" / "index.html"))
    link = index.select_one(".cb-subscribe a")
    assert (link.get_text(), link["href"], link["type"]) == (
        "Atom <&>",
        "atom.xml?a=1&b=2",
        "application/atom+xml",
    )
    assert page_root(soup(app.outdir / "blog" / "category" / "craft.html")).select(
        ".cb-subscribe a"
    )
    assert soup(app.outdir / "index.html").select(".cb-subscribe") == []


def test_restructuredtext_posts_and_escaped_blog_title(build) -> None:
    files = {
        "index.rst": "Home\n====\n\n.. toctree::\n   :glob:\n\n   posts/*\n",
        "posts/r.rst": (
            "An rST essay\n============\n\n.. post:: 2024-04-04\n   :tags: rst, craft\n"
            "   :category: Notes\n\nIts first paragraph.\n"
        ),
    }
    app = build(files, conf_extra="careerblog_title = 'Essays <&> \"quoted\"'\n")
    assert warning_text(app) == ""
    index = soup(app.outdir / "blog" / "index.html")
    assert page_root(index).h1.get_text() == 'Essays <&> "quoted"'
    assert index.title.get_text().startswith('Essays <&> "quoted"')
    assert "<&>" not in (app.outdir / "blog" / "index.html").read_text()
    assert entry_titles(index) == ["An rST essay"]
    tag = page_root(soup(app.outdir / "blog" / "tag" / "rst.html"))
    assert tag.select_one(".cb-entry-summary").get_text() == "Its first paragraph."
    assert tag.select_one(".cb-entry-title a")["href"] == "../../posts/r.html"


@pytest.mark.parametrize("buildername", ["text", "latex"])
def test_non_html_builders_write_no_pages(build, buildername) -> None:
    app = build(blog(2), conf_extra=AUTHORS, buildername=buildername)
    assert warning_text(app) == ""
    assert not (app.outdir / "blog").exists()
    assert no_state_files(app.outdir)


def test_subscribe_line_lists_the_real_feeds(build) -> None:
    app = build(blog(2))
    assert warning_text(app) == ""
    out = app.outdir
    category = out / "blog" / "category" / "craft.html"
    links = page_root(soup(category)).select(".cb-subscribe a")
    assert links, "no Subscribe line"
    first = links[0]
    assert first["href"] == "craft.atom.xml"
    assert first["type"] == "application/atom+xml"
    for link in links:
        assert (category.parent / link["href"]).resolve().is_file(), link["href"]
    index_links = page_root(soup(out / "blog" / "index.html")).select(".cb-subscribe a")
    assert {a["href"] for a in index_links} >= {"atom.xml"}
