"""No reference, and no builder's output, leads a reader to a hidden post.

In a published build every route an author can write to a draft or scheduled page
(``{doc}``, ``{ref}``, ``{numref}``, ``{any}``, ``{term}``, MyST links, ABlog's post
labels) is written as its text, with a located ``careerblog.draft_link`` warning;
builders other than html/dirhtml leave the hidden pages out altogether. The leak
scan reads every output file, inside the EPUB package and the compressed
``objects.inv`` too. One build per builder for the whole module.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_careerblog.data import paths
from tests.conftest import BASE_CONF, warning_text, write_project
from tests.test_visibility import (
    DRAFT_STEM,
    DRAFT_TITLE,
    FILES,
    JULY,
    LATER_STEM,
    LATER_TITLE,
    MARCH,
)

CONF = """
numfig = True
html_sidebars = {"**": ["navigation.html", "relations.html", "careerblog/recent.html"]}
"""

WIP = (
    FILES["essays/wip.md"].replace("## Part two", "(wip-part)=\n## Part two")
    + "\n```{code-block} text\n:caption: Listing of the draft\n:name: wip-listing\n\ncode\n```\n"
    + "\n```{glossary}\nplumbob\n  A word only the draft defines.\n```\n"
    # links from the draft: to itself (kept) and to the other hidden post (text, silent)
    + "\nSee {ref}`wip-part` and {doc}`later`.\n"
)

#: every route to a hidden post, one per line (the warnings name these lines)
ROUTES = {
    "doc": "{doc}`essays/wip`",
    "doc-text": "{doc}`the unfinished one <essays/wip>`",
    "doc-later": "{doc}`essays/later`",
    "ref": "{ref}`wip-part`",
    "ref-text": "{ref}`part two of it <wip-part>`",
    "numref": "{numref}`wip-listing`",
    "any": "{any}`wip-part`",
    "term": "{term}`plumbob`",
    "myst-doc": "[a markdown link](essays/wip.md)",
    "myst-empty": "[](essays/wip.md)",
    "myst-anchor": "[](#wip-part)",
    "ablog-label": "{ref}`later`",
}
#: what each route is written as
SHOWN = {
    "doc": "essays/wip",
    "doc-text": "the unfinished one",
    "doc-later": "essays/later",
    "ref": "wip-part",
    "ref-text": "part two of it",
    "numref": "wip-listing",
    "any": "wip-part",
    "term": "plumbob",
    "myst-doc": "a markdown link",
    "myst-empty": "essays/wip",
    "myst-anchor": "wip-part",
    "ablog-label": "later",
}

REFS = "# References\n\nPublic ones: {doc}`essays/alpha`, {ref}`alpha-part`.\n\n" + "".join(
    f"- {name}: {route}\n" for name, route in ROUTES.items()
)
#: line of each route in refs.md
LINES = {
    name: number
    for number, line in enumerate(REFS.splitlines(), start=1)
    for name in ROUTES
    if line.startswith(f"- {name}:")
}

SITE = {
    **FILES,
    "index.md": FILES["index.md"].replace("about\n", "about\nrefs\nlists\n"),
    "essays/wip.md": WIP,
    "essays/alpha.md": FILES["essays/alpha.md"].replace(
        "## Part two", "(alpha-part)=\n## Part two"
    ),
    "refs.md": REFS,
    "lists.md": "# Lists\n\n```{postlist}\n```\n\n```{postlist}\n:format: cards\n```\n",
}

#: words only the hidden posts contain (their titles, a stem, a name, their labels' titles)
NEEDLES = (DRAFT_TITLE, DRAFT_STEM, LATER_TITLE, LATER_STEM, "secret-draft-tag",
           "wip.html", "wip.xhtml", "Listing of the draft", "only the draft defines")  # fmt: skip

Site = tuple[Path, str]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Site]]:
    """``site(buildername, preview=False, parallel=0)``: the output directory and
    warnings of one build of ``SITE`` (made once per builder, mode and -j)."""
    built: dict[tuple[str, bool, int], Site] = {}
    apps: list[SphinxTestApp] = []

    def make(buildername: str, preview: bool = False, parallel: int = 0) -> Site:
        key = (buildername, preview, parallel)
        if key not in built:
            src = tmp_path_factory.mktemp(f"{buildername}-{preview}-{parallel}") / "src"
            write_project(src, {"conf.py": BASE_CONF + CONF, **SITE})
            overrides = {"careerblog_include_drafts": preview, "html_theme": "alabaster"}
            while apps:
                apps.pop().cleanup()
            app = SphinxTestApp(
                buildername, srcdir=src, confoverrides=overrides, parallel=parallel,
                status=StringIO(), warning=StringIO(),
            )  # fmt: skip
            apps.append(app)
            app.build()
            built[key] = (Path(app.outdir), warning_text(app))
        return built[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
        yield make
    while apps:
        apps.pop().cleanup()


def output_texts(outdir: Path) -> Iterator[tuple[str, str]]:
    """Every output file as text: EPUB members and the inventory's body unpacked."""
    for path in sorted(outdir.rglob("*")):
        if not path.is_file() or ".doctrees" in path.parts:
            continue
        name = path.relative_to(outdir).as_posix()
        data = path.read_bytes()
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as package:
                for member in package.namelist():
                    yield f"{name}!{member}", package.read(member).decode("utf-8", "replace")
        if path.name == "objects.inv":
            head, _, body = data.partition(b"zlib.\n")
            data = head + zlib.decompress(body)
        yield name, data.decode("utf-8", errors="replace")


def leaks(outdir: Path, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    found = []
    for name, text in output_texts(outdir):
        if name in skip:
            continue
        folded = text.casefold()
        found.extend((name, needle) for needle in NEEDLES if needle.casefold() in folded)
    return found


#: html's own pages of the hidden posts (the author's preview) and their sources
PREVIEW_PAGES = tuple(
    f"{prefix}{name}{suffix}"
    for name in ("essays/wip", "essays/later")
    for prefix, suffix in (("", ".html"), ("_sources/", ".md.txt"))
)


def _refs_item(outdir: Path, name: str) -> BeautifulSoup:
    page = BeautifulSoup((outdir / "refs.html").read_text("utf-8"), "html.parser")
    for item in page.select("article li, div.body li"):
        if item.get_text().startswith(f"{name}:"):
            return item
    raise AssertionError(name)


def test_every_route_to_a_hidden_post_is_plain_text(site) -> None:
    outdir, _warnings = site("html")
    for name, shown in SHOWN.items():
        item = _refs_item(outdir, name)
        assert item.select("a") == [], (name, item)
        marked = item.select_one(".cb-unpublished-ref")
        assert marked is not None and marked.get_text() == shown, (name, item)
    page = BeautifulSoup((outdir / "refs.html").read_text("utf-8"), "html.parser")
    links = {link["href"] for link in page.select("div.body a.reference")}
    assert {"essays/alpha.html", "essays/alpha.html#alpha-part"} <= links  # public ones link
    assert leaks(outdir, PREVIEW_PAGES) == []


def test_each_unlinked_route_warns_at_its_line(site) -> None:
    outdir, warnings = site("html")
    found = re.findall(r"refs\.md:(\d+): WARNING: .*\[careerblog\.draft_link\]", warnings)
    assert sorted(map(int, found)) == sorted(LINES.values()), warnings
    assert "refs.md:7: WARNING: the reference to 'essays/later', a draft or scheduled" in warnings
    assert "the reference to 'wip-part' (on 'essays/wip'), a draft" in warnings
    # the hidden page's own links: kept to itself, text without a warning to the other
    assert "wip.md" not in warnings
    wip = BeautifulSoup((outdir / "essays/wip.html").read_text("utf-8"), "html.parser")
    own = [link["href"] for link in wip.select("div.body a.reference")]
    assert "#wip-part" in own and not any("later" in href for href in own)
    assert [line for line in warnings.splitlines() if "draft_link" not in line] == []


def test_parallel_writing_unlinks_the_same(site) -> None:
    serial, serial_warnings = site("html")
    parallel, parallel_warnings = site("html", parallel=2)
    for name in ("refs.html", "essays/wip.html", "index.html"):
        assert (parallel / name).read_text("utf-8") == (serial / name).read_text("utf-8"), name

    def located(warnings: str) -> list[str]:
        return sorted(re.findall(r"refs\.md:\d+: WARNING: .*", warnings))

    assert located(parallel_warnings) == located(serial_warnings)
    assert len(located(serial_warnings)) == len(ROUTES)


def test_preview_links_every_route(site) -> None:
    outdir, warnings = site("html", preview=True)
    assert "draft_link" not in warnings
    for name in ROUTES:
        item = _refs_item(outdir, name)
        assert item.select_one("a.reference") is not None, (name, item)
    assert _refs_item(outdir, "doc").select_one("a").get_text() == DRAFT_TITLE


@pytest.mark.parametrize("buildername", ["epub", "text", "latex", "texinfo", "man", "singlehtml"])
def test_other_builders_leave_hidden_posts_out(site, buildername: str) -> None:
    outdir, warnings = site(buildername)
    assert "Traceback" not in warnings
    texts = dict(output_texts(outdir))
    # not vacuous: the public posts are there
    assert any("alphaword" in text for text in texts.values()), sorted(texts)
    assert leaks(outdir) == []
    if buildername == "epub":
        assert not (outdir / "essays/wip.xhtml").exists()
        for name in ("content.opf", "toc.ncx", "nav.xhtml"):
            assert "essays/wip" not in texts[name] and "essays/later" not in texts[name]
        assert "essays/alpha.xhtml" in texts["content.opf"]
    if buildername == "text":
        assert sorted(path.name for path in (outdir / "essays").iterdir()) == [
            "alpha.txt", "omega.txt",
        ]  # fmt: skip


SCHEDULED = "Scheduled for 01 June 2026"


def _marks(page: BeautifulSoup, selector: str) -> dict[str, str]:
    """Each listed hidden post's mark, by the title beside it."""
    found = {}
    for item in page.select(selector):
        text = item.get_text(" ", strip=True)
        for title in (DRAFT_TITLE, LATER_TITLE):
            if title in text:
                found[title] = text
    return found


def test_preview_lists_mark_scheduled_posts_with_their_date(site) -> None:
    outdir, _warnings = site("html", preview=True)

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((outdir / f"{name}.html").read_text("utf-8"), "html.parser")

    index = page(paths.index_page("blog"))
    marker = {
        entry.select_one(".cb-entry-title a").get_text(): entry.select_one(".cb-draft-marker")
        for entry in index.select(".cb-entry-draft")
    }
    assert marker[LATER_TITLE].get_text() == SCHEDULED
    assert marker[DRAFT_TITLE].get_text() == "Draft"
    scheduled = index.select(".cb-entry-scheduled .cb-entry-title a")
    assert [link.get_text() for link in scheduled] == [LATER_TITLE]

    places = {
        "category page": (page(paths.term_page("blog", "category", "Craft")), ".cb-entry"),
        "archive page": (page(paths.overview_page("blog", "archive")), "li"),
        "postlist": (page("lists"), ".cb-postlist li, .cb-post-links li, li"),
        "cards": (page("lists"), ".cb-card, .sd-card"),
        "recent sidebar": (page("refs"), ".cb-sidebar-recent li"),
    }
    for where, (html, selector) in places.items():
        marks = _marks(html, selector)
        assert SCHEDULED in marks.get(LATER_TITLE, ""), (where, marks)
        assert "Draft" not in marks[LATER_TITLE], (where, marks)
        assert "Draft" in marks.get(DRAFT_TITLE, ""), (where, marks)


def test_a_reference_links_once_its_post_is_published(
    build, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\nrefs\n```\n",
        "essays/later.md": FILES["essays/later.md"],
        "essays/alpha.md": FILES["essays/alpha.md"],
        "refs.md": "# References\n\nSee {doc}`essays/later`.\n",
    }
    src = tmp_path / "src"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(files, srcdir=src)
    refs = (Path(app.outdir) / "refs.html").read_text("utf-8")
    assert 'href="essays/later.html"' not in refs and LATER_TITLE not in refs
    assert "refs.md:3: WARNING" in warning_text(app)
    # the post's day came; nothing edited
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(JULY))
    app = build(srcdir=src)
    refs = (Path(app.outdir) / "refs.html").read_text("utf-8")
    assert 'href="essays/later.html"' in refs and LATER_TITLE in refs
    assert "draft_link" not in warning_text(app)
