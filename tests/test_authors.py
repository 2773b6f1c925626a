"""Author profiles: ``avatar``, ``bio`` and ``links`` on author pages, the posts by
year, byline avatars (``careerblog_byline_avatars``); bad shapes and unsafe URLs are
located warnings and never written out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import build_once, edit, warning_text
from .pages_helpers import INDEX, page_root, post, resolve_href, soup

HOSTILE = "<&> \"quoted\" 'single'"
AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n'
AUTHORS = {
    "ann": {
        "name": f"Ann {HOSTILE}",
        "avatar": "img/ann.svg",
        "bio": f"Bio {HOSTILE} <script>alert(1)</script>",
        "links": {
            f"Site {HOSTILE}": "https://example.org/ann?a=1&b=2",
            "Mail": "mailto:ann@example.org",
            "Evil": "javascript:alert(1)",
        },
    },
    "bob": {"name": "Bob", "avatar": "javascript:alert(2)", "links": ["not", "a", "mapping"]},
    "cy": {"name": "Cy", "avatar": "img/missing.png", "links": {"Profile": 7}},
    "eve": {"name": "Eve", "avatar": "https://cdn.example.org/eve.png"},
}
CONF = f"careerblog_authors = {AUTHORS!r}\ncareerblog_byline_avatars = True\n"


def _files() -> dict[str, str]:
    return {
        "index.md": INDEX,
        "img/ann.svg": AVATAR,
        "posts/a1.md": post("Ann old", date="2022-05-01", author="ann"),
        "posts/a2.md": post("Ann early", date="2024-01-10", author="ann"),
        "posts/a3.md": post("Ann later", date="2024-09-10", author="ann"),
        "posts/a4.md": post("Ann newest", date="2025-02-01", author="[ann, eve]"),
        "posts/b1.md": post("Bob writes", date="2024-03-01", author="bob"),
        "posts/c1.md": post("Cy writes", date="2024-04-01", author="cy"),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return build_once(tmp_path_factory.mktemp("authors") / "src", _files(), CONF)


def test_bad_shapes_and_unsafe_urls_are_located_warnings(site) -> None:
    _, warnings = site
    lines = warnings.splitlines()
    assert all(
        re.match(r"^\S+conf\.py:\d+: WARNING: .*\[careerblog\.\w+\]$", line) for line in lines
    )
    found = {
        (re.sub(r"^.*WARNING: ", "", line).split(":")[0], line.rsplit("[", 1)[1]) for line in lines
    }
    assert found == {
        ("careerblog_authors['ann']['links']['Evil'] is not written", "careerblog.url]"),
        ("careerblog_authors['bob']['avatar'] is not written", "careerblog.url]"),
        ("careerblog_authors['bob']['links'] = ['not', 'a', 'mapping']", "careerblog.config]"),
        ("careerblog_authors['cy']['avatar'] 'img/missing.png'", "careerblog.config]"),
        ("careerblog_authors['cy']['links']['Profile']", "careerblog.config]"),
    }


def test_author_page_shows_avatar_bio_and_links(site) -> None:
    outdir, _ = site
    page = outdir / "blog" / "author" / "ann.html"
    root = page_root(soup(page))
    avatar = root.select_one(".cb-author-profile img.cb-avatar")
    assert isinstance(avatar, Tag)
    assert avatar["alt"] == f"Ann {HOSTILE}"
    assert (avatar["width"], avatar["height"]) == ("96", "96")
    copied = resolve_href(outdir, page, str(avatar["src"]))
    assert copied == (outdir / "blog" / "avatars" / "ann.svg").resolve()
    assert copied.read_text() == AVATAR
    bio = root.select_one(".cb-page-description")
    assert bio is not None and bio.get_text() == AUTHORS["ann"]["bio"]
    links = [(a.get_text(), a["href"], a["rel"]) for a in root.select(".cb-author-links a")]
    assert links == [
        (f"Site {HOSTILE}", "https://example.org/ann?a=1&b=2", ["me"]),
        ("Mail", "mailto:ann@example.org", ["me"]),
    ]
    remote = page_root(soup(outdir / "blog" / "author" / "eve.html")).select_one("img.cb-avatar")
    assert remote is not None and remote["src"] == "https://cdn.example.org/eve.png"
    for name in ("bob", "cy"):  # refused avatar, missing file, bad links: none shown
        shown = page_root(soup(outdir / "blog" / "author" / f"{name}.html"))
        assert shown.select("img") == [] and shown.select(".cb-author-links") == []


def test_author_page_lists_posts_by_year_newest_first(site) -> None:
    outdir, _ = site
    root = page_root(soup(outdir / "blog" / "author" / "ann.html"))
    groups = []
    for heading in root.select("h2.cb-year-heading"):
        listing = heading.find_next_sibling("ol")
        assert isinstance(listing, Tag)
        titles = [h.get_text(strip=True) for h in listing.select("h3.cb-entry-title")]
        groups.append((heading.get_text(), titles))
    assert groups == [
        ("2025", ["Ann newest"]),
        ("2024", ["Ann later", "Ann early"]),
        ("2022", ["Ann old"]),
    ]


def test_byline_avatars(site) -> None:
    outdir, _ = site
    page = outdir / "posts" / "a4.html"
    byline = soup(page).select_one(".cb-byline-authors")
    assert byline is not None
    images = byline.select("img.cb-byline-avatar")
    assert [image["alt"] for image in images] == ["", ""]  # the name follows at once
    assert [(image["width"], image["height"]) for image in images] == [("24", "24")] * 2
    assert (
        resolve_href(outdir, page, str(images[0]["src"]))
        == (outdir / "blog" / "avatars" / "ann.svg").resolve()
    )
    assert images[1]["src"] == "https://cdn.example.org/eve.png"
    assert soup(outdir / "posts" / "b1.html").select("img.cb-byline-avatar") == []


def test_nothing_unsafe_is_written(site) -> None:
    outdir, _ = site
    for page in [*outdir.rglob("*.html"), outdir / "blog" / "posts.json"]:
        text = page.read_text("utf-8")
        assert "javascript:" not in text, page
        assert "<script>alert" not in text, page
        if page.suffix == ".html":
            html = BeautifulSoup(text, "html5lib")
            for element in html.find_all(True):
                assert not [key for key in element.attrs if key.startswith(("on", "<", "&"))]
    assert sorted(path.name for path in (outdir / "blog" / "avatars").iterdir()) == ["ann.svg"]


def test_avatars_under_dirhtml_follow_and_go_away(build, tmp_path) -> None:
    files = {
        "index.md": INDEX,
        "img/ann.svg": AVATAR,
        "posts/a1.md": post("Ann old", date="2022-05-01", author="ann"),
    }
    authors = {"ann": {"name": "Ann", "avatar": "img/ann.svg", "bio": "Writes."}}
    conf = f"careerblog_authors = {authors!r}\ncareerblog_byline_avatars = True\n"
    src = tmp_path / "src"
    app = build(files, conf_extra=conf, buildername="dirhtml", srcdir=src)
    assert warning_text(app) == ""
    outdir = Path(app.outdir)
    page = outdir / "blog" / "author" / "ann" / "index.html"
    avatar = page_root(soup(page)).select_one("img.cb-avatar")
    assert avatar is not None and avatar["src"] == "../../avatars/ann.svg"
    assert (
        resolve_href(outdir, page, str(avatar["src"]))
        == (outdir / "blog" / "avatars" / "ann.svg").resolve()
    )
    post_page = outdir / "posts" / "a1" / "index.html"
    byline = soup(post_page).select_one("img.cb-byline-avatar")
    assert byline is not None and resolve_href(outdir, post_page, str(byline["src"])) is not None
    assert byline["src"] == "../../blog/avatars/ann.svg"

    # the avatar is taken out of the profile: the page and the copied file follow
    authors["ann"].pop("avatar")
    edit(src / "conf.py", (src / "conf.py").read_text().replace(
        conf, f"careerblog_authors = {authors!r}\ncareerblog_byline_avatars = True\n"
    ))  # fmt: skip
    again = build(srcdir=src, buildername="dirhtml")
    assert warning_text(again) == ""
    assert page_root(soup(page)).select("img") == []
    assert soup(post_page).select("img.cb-byline-avatar") == []
    assert not (outdir / "blog" / "avatars").exists()


@pytest.mark.parametrize("buildername", ["singlehtml", "epub"])
def test_byline_avatars_in_single_page_and_epub(build, buildername) -> None:
    files = {
        "index.md": INDEX,
        "img/ann.svg": AVATAR,
        "posts/a1.md": post("One", date="2024-01-01"),
    }
    conf = (
        "careerblog_authors = {'ann': {'name': 'Ann', 'avatar': 'img/ann.svg'}}\n"
        "careerblog_default_author = 'ann'\ncareerblog_byline_avatars = True\n"
    )
    app = build(files, conf_extra=conf, buildername=buildername)
    assert warning_text(app) == ""
    outdir = Path(app.outdir)
    if buildername == "epub":  # its manifest is made before extensions copy files
        assert soup(outdir / "posts" / "a1.xhtml").select("img.cb-byline-avatar") == []
        assert not (outdir / "blog" / "avatars").exists()
        return
    image = soup(outdir / "index.html").select_one("img.cb-byline-avatar")
    assert image is not None and image["src"] == "blog/avatars/ann.svg"
    assert (outdir / "blog" / "avatars" / "ann.svg").read_text() == AVATAR
