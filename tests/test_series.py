"""Series: a page per series and an overview, "Part N of M" with the list of parts
under each post (in every builder), ``taxonomy`` ``kind: series``, ``posts.json``;
drafts and scheduled parts stay out of a published build; incremental == clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from sphinx_careerblog.data.paths import term_slug

from .conftest import build_once, edit, warning_text, write_project
from .pages_helpers import broken_links, comparable, page_root, post, soup

#: a series name with every character that must be escaped
HOSTILE = "Leading <&> \"teams\" 'now'"
SLUG = term_slug("series", HOSTILE)
INDEX = (
    "# Home\n\n```{taxonomy}\n:kind: series\n:counts:\n```\n\n"
    "```{toctree}\n:glob:\n\nposts/*\n```\n"
)
CONF = 'careerblog_today = "2026-01-01"\n'


def _files() -> dict[str, str]:
    quoted = json.dumps(HOSTILE)  # YAML reads a JSON string
    return {
        "index.md": INDEX,
        # file names out of date order: series order is by date
        "posts/c.md": post("Part <1>", date="2024-01-01", series=quoted, tags="x"),
        "posts/a.md": post("Part two", date="2024-02-01", series=quoted, tags="x"),
        "posts/b.md": post("Part three", date="2024-03-01", series=quoted),
        # scheduled (dated after careerblog_today) and undated: drafts
        "posts/later.md": post("Scheduled part", date="2027-01-01", series=quoted),
        "posts/draft.md": post("Draft part", series=quoted),
        "posts/solo.md": post("Alone", date="2024-05-01", series="Index"),
        "posts/plain.md": post("No series", date="2024-06-01", tags="x"),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return build_once(tmp_path_factory.mktemp("series") / "src", _files(), CONF)


def _series_block(page: BeautifulSoup) -> Tag:
    block = page.select_one("div.cb-series")
    assert isinstance(block, Tag)
    return block


def _parts(block: Tag) -> list[tuple[str, str | None, bool]]:
    """(title, link, marked as the current page) of each part listed in a block."""
    result = []
    for item in block.select("ol.cb-series-parts > li"):
        link = item.find("a")
        current = item.select_one('[aria-current="page"]')
        result.append(
            (
                item.get_text(" ", strip=True),
                str(link["href"]) if isinstance(link, Tag) else None,
                current is not None,
            )
        )
    return result


def test_series_page_lists_the_parts_in_series_order(site) -> None:
    outdir, warnings = site
    assert warnings == ""
    page = outdir / "blog" / "series" / f"{SLUG}.html"
    root = page_root(soup(page))
    assert root.h1 is not None and root.h1.get_text() == f"Series: {HOSTILE}"
    entries = root.select("li.cb-entry")
    assert [entry.select_one(".cb-entry-part").get_text() for entry in entries] == [  # type: ignore[union-attr]
        "Part 1 of 3",
        "Part 2 of 3",
        "Part 3 of 3",
    ]
    titles = [entry.select_one(".cb-entry-title a") for entry in entries]
    assert [(a.get_text(), a["href"]) for a in titles if a is not None] == [
        ("Part <1>", "../../posts/c.html"),
        ("Part two", "../../posts/a.html"),
        ("Part three", "../../posts/b.html"),
    ]
    html = page.read_text("utf-8")
    assert "Draft part" not in html and "Scheduled part" not in html
    # a series named "Index" does not take the overview's name
    solo = term_slug("series", "Index")
    assert solo != "index" and (outdir / "blog" / "series" / f"{solo}.html").is_file()
    assert broken_links(outdir, sorted((outdir / "blog" / "series").glob("*.html"))) == []


def test_overview_counts_published_parts_only(site) -> None:
    outdir, _ = site
    root = page_root(soup(outdir / "blog" / "series" / "index.html"))
    assert root.h1 is not None and root.h1.get_text() == "Series"
    lines = [" ".join(li.get_text(" ", strip=True).split()) for li in root.select("li")]
    assert lines == ["Index (1)", f"{HOSTILE} (3)"]
    links = [str(a["href"]) for a in root.select(".cb-overview-term a")]
    assert links == [f"{term_slug('series', 'Index')}.html", f"{SLUG}.html"]


def test_each_part_shows_part_n_of_m_with_every_part(site) -> None:
    outdir, _ = site
    want = [("Part <1>", "c.html"), ("Part two", "a.html"), ("Part three", "b.html")]
    for number, (title, own) in enumerate(want, start=1):
        block = _series_block(soup(outdir / "posts" / own))
        heading = block.select_one(".cb-series-name a")
        assert heading is not None and heading.get_text() == f"Series: {HOSTILE}"
        assert heading["href"] == f"../blog/series/{SLUG}.html"
        assert block.select_one(".cb-series-part").get_text() == f"Part {number} of 3"  # type: ignore[union-attr]
        expected = [
            (other, None if other == title else href, other == title) for other, href in want
        ]
        assert _parts(block) == expected
    # a series of one is still announced; a post outside every series has no block
    solo = _series_block(soup(outdir / "posts" / "solo.html")).select_one(".cb-series-part")
    assert solo is not None and solo.get_text() == "Part 1 of 1"
    assert soup(outdir / "posts" / "plain.html").select("div.cb-series") == []


def test_drafts_are_nowhere_in_a_published_build(site) -> None:
    outdir, _ = site
    for name in ("c", "a", "b", "solo", "index"):
        text = (outdir / ("index.html" if name == "index" else f"posts/{name}.html")).read_text()
        assert "Draft part" not in text and "Scheduled part" not in text
    catalog = json.loads((outdir / "blog" / "posts.json").read_text("utf-8"))
    assert all(entry["series_parts"] in (None, 1, 3) for entry in catalog["posts"])


def test_taxonomy_kind_series(site) -> None:
    outdir, _ = site
    block = soup(outdir / "index.html").select_one(".cb-taxonomy-series")
    assert block is not None
    items = [" ".join(li.get_text(" ", strip=True).split()) for li in block.select("li")]
    assert items == ["Index (1)", f"{HOSTILE} (3)"]
    assert [a["href"] for a in block.select("a")][-1] == f"blog/series/{SLUG}.html"


def test_catalog_names_the_series_and_the_part(site) -> None:
    outdir, _ = site
    catalog = json.loads((outdir / "blog" / "posts.json").read_text("utf-8"))
    posts = {entry["docname"]: entry for entry in catalog["posts"]}
    two = posts["posts/a"]
    assert (two["series"], two["series_slug"]) == (HOSTILE, SLUG)
    assert (two["series_part"], two["series_parts"]) == (2, 3)
    assert two["series_url"] == f"https://example.org/blog/series/{SLUG}.html"
    plain = posts["posts/plain"]
    assert plain["series"] is None and plain["series_part"] is None


def test_nothing_injected(site) -> None:
    outdir, _ = site
    pages = [*(outdir / "blog" / "series").glob("*.html"), *(outdir / "posts").glob("*.html")]
    for page in pages:
        text = page.read_text("utf-8")
        html = BeautifulSoup(text, "html5lib")
        for element in html.find_all(True):
            assert not [key for key in element.attrs if key.startswith(("on", "<", "&", "'"))]
        # the series name is text everywhere it shows (its ``<&>`` never became markup)
        assert "Leading <&>" not in text, page
        if page.stem in ("a", "b", "c", "index", SLUG):
            assert "Leading &lt;&amp;&gt;" in text, page
    assert "Part &lt;1&gt;" in (outdir / "blog" / "series" / f"{SLUG}.html").read_text("utf-8")


PORTABLE = {
    "index.md": INDEX,
    "posts/p1.md": post("First <part>", date="2024-01-01", series="Notes"),
    "posts/p2.md": post("Second part", date="2024-02-01", series="Notes"),
    "posts/p3.md": post("Draft third", series="Notes"),
}


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml", "latex", "text", "epub"])
def test_part_of_in_every_builder(build, buildername) -> None:
    app = build(PORTABLE, buildername=buildername)
    assert warning_text(app) == ""
    out = Path(app.outdir)
    if buildername == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert "Part 2 of 2" in tex and r"\textbf{Second part}" in tex
        assert (
            r"\hyperref[\detokenize{posts/p1::doc}]"
            r"{\sphinxcrossref{First \textless{}part\textgreater{}}}"
        ) in tex
        assert "Draft third" not in tex
        return
    if buildername == "text":
        text = (out / "posts" / "p2.txt").read_text()
        assert "Series: Notes" in text and "Part 2 of 2" in text
        assert "1. First <part>" in text and "2. Second part" in text
        return
    page = {
        "dirhtml": out / "posts" / "p2" / "index.html",
        "singlehtml": out / "index.html",
        "epub": out / "posts" / "p2.xhtml",
    }[buildername]
    blocks = soup(page).select("div.cb-series")
    block = blocks[-1]  # singlehtml: the second part's block comes last
    assert block.select_one(".cb-series-part").get_text() == "Part 2 of 2"  # type: ignore[union-attr]
    first_href = {"dirhtml": "../p1/", "singlehtml": "#document-posts/p1", "epub": "p1.xhtml"}
    assert _parts(block) == [
        ("First <part>", first_href[buildername], False),
        ("Second part", None, True),
    ]
    heading = block.select_one(".cb-series-name a")
    if buildername == "dirhtml":
        assert heading is not None and heading["href"] == "../../blog/series/notes/"
        assert (out / "blog" / "series" / "notes" / "index.html").is_file()
        assert (out / "blog" / "series" / "index.html").is_file()
    else:  # no generated pages here: the name is plain text
        assert heading is None
    assert "Draft third" not in page.read_text("utf-8")


def test_preview_lists_drafts_marked(build) -> None:
    app = build(PORTABLE, conf_extra="careerblog_include_drafts = True\n")
    assert warning_text(app) == ""
    block = _series_block(soup(Path(app.outdir) / "posts" / "p1.html"))
    assert block.select_one(".cb-series-part").get_text() == "Part 1 of 3"  # type: ignore[union-attr]
    last = block.select("ol.cb-series-parts > li")[-1]
    assert last.get_text(" ", strip=True) == "Draft third Draft"
    assert last.select_one(".cb-draft-marker") is not None
    page = page_root(soup(Path(app.outdir) / "blog" / "series" / "notes.html"))
    assert page.select("li.cb-entry")[-1].select_one(".cb-draft-marker") is not None


def _snapshot(outdir: Path) -> dict[str, str]:
    pages = [*sorted((outdir / "blog").rglob("*.html")), *sorted((outdir / "posts").glob("*.html"))]
    snapshot = {path.relative_to(outdir).as_posix(): comparable(path) for path in pages}
    snapshot["index.html"] = comparable(outdir / "index.html")
    catalog = json.loads((outdir / "blog" / "posts.json").read_text("utf-8"))
    snapshot["posts.json"] = json.dumps(catalog["posts"], sort_keys=True)
    return snapshot


def _join(src: Path) -> None:
    edit(src / "posts" / "plain.md", post("Now a part", date="2024-01-15", series="Notes"))


def _leave(src: Path) -> None:
    edit(src / "posts" / "p1.md", post("First <part>", date="2024-01-01"))


def _retitle(src: Path) -> None:
    edit(src / "posts" / "p2.md", post("Second, renamed", date="2024-02-01", series="Notes"))


#: Sphinx does not rewrite a document for another's new title in its global navigation
#: (alabaster 0.7's ``navigation.html``, see docs/explanation/when-pages-are-written.md):
#: the comparison leaves that sidebar out, the same on every supported Sphinx.
_NO_GLOBAL_NAVIGATION = CONF + 'html_sidebars = {"**": ["localtoc.html", "searchbox.html"]}\n'


def test_incremental_equals_clean_after_series_edits(make_app, tmp_path) -> None:
    files = {**PORTABLE, "posts/plain.md": post("Plain", date="2024-03-01")}
    src = write_project(tmp_path / "inc", files, _NO_GLOBAL_NAVIGATION)
    app = make_app("html", srcdir=src)
    app.build()
    app.cleanup()
    done = []
    for change in (_join, _retitle, _leave):
        change(src)
        done.append(change)
        incremental = make_app("html", srcdir=src)
        incremental.build()
        assert warning_text(incremental) == ""
        outdir = Path(incremental.outdir)
        got = _snapshot(outdir)
        incremental.cleanup()
        clean_src = write_project(tmp_path / f"clean-{len(done)}", files, _NO_GLOBAL_NAVIGATION)
        for earlier in done:
            earlier(clean_src)
        clean = make_app("html", srcdir=clean_src)
        clean.build()
        want = _snapshot(Path(clean.outdir))
        clean.cleanup()
        assert sorted(got) == sorted(want), change.__name__
        for name in want:
            assert got[name] == want[name], (change.__name__, name)
    # the last edit left "Notes" with two parts: the page says so
    final = soup(outdir / "blog" / "series" / "notes.html")
    assert [e.get_text() for e in page_root(final).select(".cb-entry-part")] == [
        "Part 1 of 2",
        "Part 2 of 2",
    ]
