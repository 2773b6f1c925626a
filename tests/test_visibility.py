"""A published build gives no route to a draft or a scheduled post; preview shows all.

The leak scan reads every file of the output (HTML, JavaScript, JSON, XML, text)
except the hidden pages' own (written for the author's preview, with the banner and
``noindex``) for each hidden post's title and for a word only that post contains.
"""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import warning_text

DRAFT_TITLE = "Quixotic Lanternfish Manifesto"
DRAFT_WORD = "zyzzogeton"
LATER_TITLE = "Cerulean Tardigrade Almanac"
LATER_WORD = "brontosaurical"
#: what the search index keeps of each word (its stem)
DRAFT_STEM = "zyzzogeton"
LATER_STEM = "brontosaur"

#: 2026-03-01 00:00 UTC
MARCH = int(dt.datetime(2026, 3, 1, tzinfo=dt.UTC).timestamp())
#: 2026-07-01 00:00 UTC
JULY = int(dt.datetime(2026, 7, 1, tzinfo=dt.UTC).timestamp())

CONF = """
extensions.append("sphinx_sitemap")
html_baseurl = "https://example.org/"
html_sidebars = {"**": ["navigation.html", "relations.html", "searchbox.html",
                        "careerblog/recent.html", "careerblog/tags.html",
                        "careerblog/categories.html", "careerblog/archives.html"]}
careerblog_feed_archives = True
"""


#: the test app defaults to the "basic" theme, which has no navigation sidebar
THEME = {"html_theme": "alabaster"}


def essay(title: str, date: str | None, word: str, tag: str) -> str:
    dated = f"date: {date}\n" if date else ""
    return (
        f"---\npost: true\n{dated}category: Craft\ntags: [{tag}]\n---\n"
        f"# {title}\n\nThis essay says {word} about {tag}.\n\n## Part two\n\nMore {word}.\n"
    )


FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\nabout\n```\n",
    # an explicit entry naming each hidden post: no warning, no link
    "about.md": "# About\n\n```{toctree}\nessays/wip\nessays/later\n```\n",
    "essays/alpha.md": essay("Alpha Essay", "2025-01-10", "alphaword", "shared"),
    "essays/omega.md": essay("Omega Essay", "2025-02-10", "omegaword", "shared"),
    "essays/wip.md": essay(DRAFT_TITLE, None, DRAFT_WORD, "secret-draft-tag")
    + f"\n```{{index}} {DRAFT_WORD} entry\n```\n",
    "essays/later.md": essay(LATER_TITLE, "2026-06-01", LATER_WORD, "secret-later-tag"),
}

HIDDEN_OWN = ("essays/wip", "essays/later")


def output_files(outdir: Path) -> list[Path]:
    files = [
        path
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    ]
    assert any(path.suffix == ".js" for path in files)
    return files


def own_files(path: Path, outdir: Path) -> bool:
    """The hidden pages' own page and source copy (the author's preview)."""
    relative = path.relative_to(outdir).as_posix()
    return any(
        relative in (f"{name}.html", f"{name}/index.html", f"_sources/{name}.md.txt")
        for name in HIDDEN_OWN
    )


def leaks(outdir: Path, needles: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for path in output_files(outdir):
        if own_files(path, outdir):
            continue
        data = path.read_bytes()
        if path.name == "objects.inv":  # the inventory's body is compressed
            head, _, body = data.partition(b"zlib.\n")
            data = head + zlib.decompress(body)
        text = data.decode("utf-8", errors="replace").casefold()
        name = path.relative_to(outdir).as_posix()
        found.extend((name, needle) for needle in needles if needle.casefold() in text)
    return found


NEEDLES = (DRAFT_TITLE, DRAFT_STEM, LATER_TITLE, LATER_STEM, "secret-draft-tag", "wip.html")


@pytest.mark.parametrize(
    ("buildername", "parallel"), [("html", 0), ("dirhtml", 0), ("html", 2), ("singlehtml", 0)]
)
def test_published_build_leaks_no_hidden_post(
    build, monkeypatch: pytest.MonkeyPatch, buildername: str, parallel: int
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(
        FILES, conf_extra=CONF, confoverrides=THEME, buildername=buildername, parallel=parallel
    )
    outdir = Path(app.outdir)
    warnings = warning_text(app)
    assert "toctree" not in warnings and "WARNING" not in warnings, warnings

    assert leaks(outdir, NEEDLES) == []
    if buildername == "singlehtml":
        assert "alphaword" in (outdir / "index.html").read_text("utf-8")
        return
    # the scan is not vacuous: public posts are everywhere the hidden ones are not
    for name in ("searchindex.js", "sitemap.xml", "blog/atom.xml", "blog/posts.json"):
        assert "alpha" in (outdir / name).read_text("utf-8").casefold(), name
    assert "alphaword" in (outdir / "searchindex.js").read_text("utf-8")
    inventory = (outdir / "objects.inv").read_bytes().partition(b"zlib.\n")[2]
    assert b"essays/alpha" in zlib.decompress(inventory)

    # the hidden pages exist for the author, marked and unindexed
    suffix = "/index.html" if buildername == "dirhtml" else ".html"
    for name, label in (("essays/wip", "Draft:"), ("essays/later", "Scheduled:")):
        page = BeautifulSoup((outdir / f"{name}{suffix}").read_text("utf-8"), "html.parser")
        assert page.select_one('meta[name="robots"][content="noindex"]') is not None
        assert label in page.select_one(".cb-draft-banner").get_text()
    later = BeautifulSoup((outdir / f"essays/later{suffix}").read_text("utf-8"), "html.parser")
    assert "Scheduled for 01 June 2026" in later.select_one(".cb-byline").get_text()


def test_previous_and_next_skip_hidden_posts(build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(FILES, conf_extra=CONF, confoverrides=THEME)
    outdir = Path(app.outdir)
    alpha = BeautifulSoup((outdir / "essays/alpha.html").read_text("utf-8"), "html.parser")
    # glob order: alpha, later, omega, wip; the hidden ones are skipped
    assert alpha.select_one('link[rel="next"]')["href"] == "omega.html"
    omega = BeautifulSoup((outdir / "essays/omega.html").read_text("utf-8"), "html.parser")
    assert omega.select_one('link[rel="prev"]')["href"] == "alpha.html"
    assert omega.select_one('link[rel="next"]')["href"] == "../about.html"


def test_preview_shows_every_post_marked(build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(FILES, conf_extra=CONF + "careerblog_include_drafts = True\n", confoverrides=THEME)
    outdir = Path(app.outdir)
    index = BeautifulSoup((outdir / "blog/index.html").read_text("utf-8"), "html.parser")
    marked = [
        entry.select_one(".cb-entry-title a").get_text(strip=True)
        for entry in index.select(".cb-entry-draft")
    ]
    assert sorted(marked) == sorted([DRAFT_TITLE, LATER_TITLE])
    home = (outdir / "index.html").read_text("utf-8")
    assert DRAFT_TITLE in home and LATER_TITLE in home  # the navigation shows them
    assert DRAFT_STEM in (outdir / "searchindex.js").read_text("utf-8")
    later = BeautifulSoup((outdir / "essays/later.html").read_text("utf-8"), "html.parser")
    assert "Scheduled for 01 June 2026" in later.select_one(".cb-byline").get_text()


def _shows_later(outdir: Path) -> dict[str, bool]:
    return {
        name: LATER_TITLE in (outdir / name).read_text("utf-8")
        for name in (
            "blog/index.html",
            "blog/atom.xml",
            "blog/posts.json",
            "about.html",  # the navigation of a page nothing changed
            "essays/alpha.html",
            "blog/tag/shared.html",
        )
    } | {"search": LATER_STEM in (outdir / "searchindex.js").read_text("utf-8")}


def test_scheduled_post_appears_on_its_day_without_edits(
    build, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(FILES, conf_extra=CONF, confoverrides=THEME, srcdir=src)
    assert not any(_shows_later(Path(app.outdir)).values())

    # the next build, nothing edited, on a day after the post's date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(JULY))
    app = build(srcdir=src, confoverrides=THEME)
    outdir = Path(app.outdir)
    assert all(_shows_later(outdir).values()), _shows_later(outdir)
    later = BeautifulSoup((outdir / "essays/later.html").read_text("utf-8"), "html.parser")
    assert later.select_one(".cb-draft-banner") is None
    assert later.select_one('meta[name="robots"]') is None
    assert "01 June 2026" in later.select_one(".cb-byline").get_text()
    assert "Scheduled" not in later.select_one(".cb-byline").get_text()

    # and what it wrote is what a clean build of that day writes
    clean = build(FILES, conf_extra=CONF, confoverrides=THEME, srcdir=tmp_path / "clean")
    for name in ("index.html", "about.html", "essays/alpha.html", "blog/index.html",
                 "blog/atom.xml", "essays/later.html"):  # fmt: skip
        assert (outdir / name).read_text("utf-8") == (Path(clean.outdir) / name).read_text(
            "utf-8"
        ), name

    # and back: a build dated before the post hides it again
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    app = build(srcdir=src, confoverrides=THEME)
    assert leaks(Path(app.outdir), (LATER_TITLE,)) == []


def test_careerblog_today_sets_the_day(build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    app = build(FILES, conf_extra=CONF + 'careerblog_today = "2026-06-01"\n', confoverrides=THEME)
    assert LATER_TITLE in (Path(app.outdir) / "blog/index.html").read_text("utf-8")


def test_bad_careerblog_today_warns_and_uses_the_clock(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Sphinx itself stops on a SOURCE_DATE_EPOCH that is not a number)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    app = build(FILES, conf_extra=CONF + 'careerblog_today = "next tuesday"\n', confoverrides=THEME)
    warnings = warning_text(app)
    assert "careerblog_today = 'next tuesday': expected a date" in warnings
    assert "conf.py" in warnings and "[careerblog.config]" in warnings


def _listed(outdir: Path) -> list[str]:
    index = BeautifulSoup((outdir / "blog/index.html").read_text("utf-8"), "html.parser")
    return [link.get_text(strip=True) for link in index.select(".cb-entry-title a")]


@pytest.mark.parametrize("value", ["maybe", "[1, 2]", "2024-01-01"])
def test_post_marker_that_is_not_a_boolean_warns(build, value: str) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\npage\n```\n",
        "page.md": f"---\ntitle: x\npost: {value}\ndate: 2024-01-01\n---\n# A page\n\nText.\n",
    }
    app = build(files)
    warnings = warning_text(app)
    assert "page.md:3:" in warnings and "neither true nor false" in warnings
    assert "[careerblog.field]" in warnings
    assert "A page" not in _listed(Path(app.outdir))


@pytest.mark.parametrize("value", ["true", "yes", "True", "1"])
def test_post_marker_true_spellings(build, value: str) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\npage\n```\n",
        "page.md": f"---\nblogpost: {value}\ndate: 2024-01-01\n---\n# A page\n\nText.\n",
    }
    app = build(files)
    assert "neither true nor false" not in warning_text(app)
    assert "A page" in _listed(Path(app.outdir))


def test_no_redirect_page_leads_to_a_hidden_post(build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(MARCH))
    moved = {
        "essays/wip.md": FILES["essays/wip.md"].replace(
            "post: true\n", "post: true\nredirect: old/wip.html\n"
        ),
        "essays/later.md": FILES["essays/later.md"].replace(
            "post: true\n", "post: true\nredirect: old/later.html\n"
        ),
        "essays/alpha.md": FILES["essays/alpha.md"].replace(
            "post: true\n", "post: true\nredirect: old/alpha.html\n"
        ),
    }
    app = build({**FILES, **moved}, conf_extra=CONF, confoverrides=THEME)
    assert warning_text(app) == ""
    outdir = Path(app.outdir)
    assert (outdir / "old/alpha.html").is_file()  # a published post keeps its redirect
    assert not (outdir / "old/wip.html").exists()
    assert not (outdir / "old/later.html").exists()
    app = build(conf_extra=CONF, confoverrides=THEME | {"careerblog_include_drafts": True})
    assert (outdir / "old/wip.html").is_file() and (outdir / "old/later.html").is_file()
