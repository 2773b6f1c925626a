"""Translations: a handbook in each shipped language shows none of our English words,
dates follow the language, and the catalogs are complete and compiled.

The catalog checks (``tools/catalogs.py``) run against the committed tree and,
to show they catch what they claim, against a copy with a fault put in.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from defusedxml import ElementTree
from flit_core.wheel import make_wheel_in

from sphinx_careerblog.data.dates import format_date
from sphinx_careerblog.i18n import catalog_fingerprint
from tools import catalogs

from .conftest import warning_text
from .pages_helpers import SIDEBARS_CONF

#: Our English words, as the byline, banners, lists, pages and checklists say them.
#: A language's own spelling of a word (German "in", "Website") is taken out per
#: language: the words of its translations.
ENGLISH = {
    "by", "min", "read", "tagged", "updated", "Updated", "on", "Draft", "published",
    "left", "out", "indexes", "feeds", "Related", "posts", "Posts", "Series", "Next",
    "Previous", "Newer", "Older", "Page", "Pages", "All", "Categories", "Tags", "Archive",
    "Authors", "Recent", "Subscribe", "Reset", "notes", "browser", "only", "Export",
    "Import", "answers", "file", "prompts", "prompt", "of", "from", "moved", "Title",
    "Date", "Summary", "Website", "dated", "Not", "yet", "No", "latest", "category",
    "Comments", "JavaScript", "load", "Author", "Category", "Reading", "time",
}  # fmt: skip

FILES = {
    "index.md": "# Start\n\n```{toctree}\n:glob:\n\nposts/*\nlisten\nrueckblick\n```\n",
    "posts/entwurf.md": "---\npost: true\nvisibility: draft\n---\n# Entwurf eins\n\nText.\n",
    "listen.md": """\
        # Listen

        ```{postlist}
        ```

        ```{postlist}
        :format: cards
        :excerpts:
        ```

        ```{postlist}
        :format: table
        :excerpts:
        ```

        ```{postlist}
        :format: compact
        ```

        ```{taxonomy}
        :kind: tags
        :counts:
        ```
        """,
    "rueckblick.md": "# Rückblick\n\n```{reflectionlist}\n:format: summary\n```\n",
}
for number in range(1, 4):
    FILES[f"posts/p{number}.md"] = f"""\
        ---
        post: true
        date: 202{number}-01-1{number}
        updated: 202{number}-03-01
        author: linus
        category: Führung
        tags: [Rückmeldung, Team]
        series: Lernen
        redirect: alt/p{number}
        ---
        # Beitrag {number}

        Text eins zwei drei.

        :::{{reflection}} Rückblick
        :notes:

        - Frage eins?
        - Frage zwei?
        :::

        ```{{update}} 202{number}-02-01
        Geändert.
        ```
        """

CONF = (
    SIDEBARS_CONF
    + """
html_sidebars["**"] += ["ablog/postcard.html", "ablog/authors.html"]
careerblog_comments = {"provider": "disqus", "shortname": "handbuch"}
careerblog_include_drafts = True
careerblog_posts_per_page = 2
careerblog_authors = {"linus": {"name": "Linus Beispiel", "url": "https://example.org/l"}}
"""
)

#: Where our words stand; each must be found in the build (the scan is never empty).
REGIONS = (
    ".cb-byline", ".cb-draft-banner", ".cb-update", ".cb-postlist", ".cb-taxonomy",
    ".cb-related", ".cb-series", ".cb-pagination", ".cb-page", ".cb-sidebar",
    ".cb-reflection", ".cb-reflectionlist", ".cb-redirect", ".cb-sidebar-postcard",
    ".cb-comments",
)  # fmt: skip
ATTRIBUTES = ("aria-label", "title", "data-cb-progress", "data-cb-imported", "data-cb-invalid")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def _own_words(language: str) -> set[str]:
    catalog = catalogs.read_catalog(catalogs.Layout().po(language), language)
    words: set[str] = set()
    for message in catalog:
        forms = [message.string] if isinstance(message.string, str) else message.string
        for form in forms:
            words |= _words(form or "")
    return words


def _shown_text(root: Path) -> dict[str, list[str]]:
    """The text and labelled attributes of every region, by region."""
    found: dict[str, list[str]] = {region: [] for region in REGIONS}
    for path in root.rglob("*.html"):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for region in REGIONS:
            for element in page.select(region):
                found[region].append(element.get_text(" "))
                for tag in [element, *element.find_all(True)]:
                    assert isinstance(tag, Tag)
                    found[region].extend(str(tag.get(name, "")) for name in ATTRIBUTES)
        if path.parent.name == "blog" or path.parent.parent.name == "blog":
            assert page.title is not None
            found[".cb-page"].append(page.title.get_text())
    return found


def _feed_text(root: Path) -> list[str]:
    shown = []
    for path in (root / "blog").rglob("*.xml"):
        shown.extend(
            element.text or ""
            for element in ElementTree.parse(path).iter()
            if element.tag.rsplit("}", 1)[-1] in {"title", "subtitle", "description"}
        )
    return shown


@pytest.mark.parametrize("language", catalogs.SHIPPED)
def test_no_english_word_of_ours_in_a_translated_handbook(build, language: str) -> None:
    app = build(FILES, conf_extra=CONF + f"language = {language!r}\n")
    assert warning_text(app) == ""
    shown = _shown_text(Path(app.outdir))
    empty = [region for region, texts in shown.items() if not "".join(texts).strip()]
    assert not empty, f"regions not in the build: {empty}"
    english = ENGLISH - _own_words(language)
    leftovers = {
        region: sorted(_words(" ".join(texts)) & english)
        for region, texts in shown.items()
        if _words(" ".join(texts)) & english
    }
    assert not leftovers, f"{language}: English words of ours: {leftovers}"
    feeds = _words(" ".join(_feed_text(Path(app.outdir))))
    assert not feeds & english, f"{language} feeds: {sorted(feeds & english)}"


def test_german_handbook_reads_german(build) -> None:
    app = build(FILES, conf_extra=CONF + 'language = "de"\n')
    out = Path(app.outdir)
    post = BeautifulSoup((out / "posts" / "p1.html").read_text("utf-8"), "html.parser")
    byline = " ".join(post.select_one(".cb-byline").get_text(" ").split())  # type: ignore[union-attr]
    assert byline.startswith("11. Januar 2021 · aktualisiert am 1. März 2021 · von Linus Beispiel")
    assert "1 Min. Lesezeit · in Führung · Schlagwörter: Rückmeldung , Team" in byline
    progress = post.select_one(".cb-reflection-progress")
    assert progress is not None and progress["data-cb-progress"] == "{done} von {total}"
    sidebar = post.select_one(".cb-sidebar-categories .cb-count")
    assert sidebar is not None and sidebar["title"] == "3 Beiträge"
    index = BeautifulSoup((out / "blog" / "index.html").read_text("utf-8"), "html.parser")
    assert index.select_one(".cb-page-number").get_text() == "Seite 1 von 2"  # type: ignore[union-attr]
    assert index.select_one(".cb-pagination-older").get_text(strip=True).startswith("Ältere")  # type: ignore[union-attr]


def test_parallel_build_is_translated_the_same(build, tmp_path: Path) -> None:
    """Forked writers keep the catalog: -j 2 gives the same German pages as -j 1."""
    conf = CONF + 'language = "de"\n'
    serial = Path(build(FILES, conf_extra=conf, srcdir=tmp_path / "serial").outdir)
    parallel = Path(build(FILES, conf_extra=conf, srcdir=tmp_path / "parallel", parallel=2).outdir)
    for page in ("posts/p1.html", "listen.html", "blog/index.html", "rueckblick.html"):
        shown = [
            BeautifulSoup((root / page).read_text("utf-8"), "html.parser").select("[class^=cb-]")
            for root in (serial, parallel)
        ]
        assert [str(tag) for tag in shown[0]] == [str(tag) for tag in shown[1]], page
        assert "Beitr" in " ".join(tag.get_text() for tag in shown[1])


# -- dates -------------------------------------------------------------------------------

WHEN = dt.datetime(2021, 1, 10, 9, 30)


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        (None, "10 January 2021"),
        ("en", "10 January 2021"),
        ("de", "10. Januar 2021"),
        ("fr", "10 janvier 2021"),
        ("es", "10 de enero de 2021"),
        ("pt_BR", "10 de janeiro de 2021"),
        ("zh_CN", "2021年1月10日"),
        ("ja", "2021年1月10日"),
    ],
)
def test_default_date_format_is_the_languages_own(language: str | None, shown: str) -> None:
    assert format_date("%d %B %Y", WHEN, language) == shown


def test_a_changed_date_format_is_used_as_written() -> None:
    assert format_date("%Y-%m-%d", WHEN, "de") == "2021-01-10"
    assert format_date("%d. %B %Y", WHEN, "de") == "10. Januar 2021"
    assert format_date("%A, %-d %B", WHEN, "fr") == "dimanche, 10 janvier"
    assert format_date("medium", WHEN, "de") == "10.01.2021"
    assert format_date("long", WHEN, "en") == "January 10, 2021"


def test_set_date_format_wins_in_the_byline(build) -> None:
    files = {"index.md": "# Start\n", "p.md": "---\npost: true\ndate: 2021-01-10\n---\n# P\n"}
    conf = 'language = "de"\ncareerblog_date_format = "%d/%m/%Y"\n'
    app = build(files, conf_extra=conf)
    page = BeautifulSoup((Path(app.outdir) / "p.html").read_text("utf-8"), "html.parser")
    assert page.select_one(".cb-byline-date").get_text() == "10/01/2021"  # type: ignore[union-attr]


# -- the catalogs --------------------------------------------------------------------------


def test_committed_catalogs_are_complete_and_compiled() -> None:
    assert catalogs.check(catalogs.Layout()) == []


@pytest.fixture
def tree(tmp_path: Path) -> catalogs.Layout:
    """A copy of the package (sources, templates, catalogs) to break on purpose."""
    package = tmp_path / "sphinx_careerblog"
    shutil.copytree(catalogs.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    return catalogs.Layout(package)


def test_check_finds_a_new_message_missing_in_every_language(tree: catalogs.Layout) -> None:
    module = tree.package / "site" / "contexts.py"
    module.write_text(module.read_text("utf-8") + '\n\nLABEL = _("A brand new label")\n')
    problems = catalogs.check(tree)
    assert f"{tree.pot.name} does not match the sources (run `make locale`)" in problems
    for language in catalogs.SHIPPED:
        assert (
            f"{language}: misses 'A brand new label' (run `make locale`, then translate)"
            in problems
        )
    # `make locale` brings it in untranslated: still reported, now as untranslated
    catalogs.write_catalog(catalogs.extract(tree), tree.pot)
    catalogs.update(tree, catalogs.extract(tree))
    catalogs.compile_all(tree)
    assert catalogs.check(tree) == [
        f"{language}: 'A brand new label' is not translated" for language in catalogs.SHIPPED
    ]


def test_check_finds_a_po_newer_than_its_mo(tree: catalogs.Layout) -> None:
    po = tree.po("fr")
    po.write_text(po.read_text("utf-8").replace('"Réinitialiser"', '"Remettre à zéro"'), "utf-8")
    assert catalogs.check(tree) == [
        "fr: careerblog.mo is not the compiled careerblog.po (run `make locale`)"
    ]
    assert catalogs.compile_all(tree) == ["fr"]
    assert catalogs.check(tree) == []


def test_check_finds_broken_placeholders_and_fuzzy_entries(tree: catalogs.Layout) -> None:
    po = tree.po("de")
    text = po.read_text("utf-8")
    text = text.replace('msgstr "Seite %(page)d von %(pages)d"', 'msgstr "Seite %(page)d"')
    text = text.replace('msgid "Reset"', '#, fuzzy\nmsgid "Reset"')
    po.write_text(text, "utf-8")
    catalogs.compile_all(tree)
    assert sorted(catalogs.check(tree)) == [
        (
            "de: 'Page %(page)d of %(pages)d': the translation 'Seite %(page)d' changes the "
            "placeholders"
        ),
        "de: 'Reset' is marked fuzzy",
    ]


def test_check_finds_a_missing_language_and_words_in_templates(tree: catalogs.Layout) -> None:
    shutil.rmtree(tree.locale / "ja")
    template = tree.package / "site" / "templates" / "careerblog" / "_pagination.html"
    template.write_text(template.read_text("utf-8") + '<span title="Go on">…</span>\n')
    assert catalogs.check(tree) == [
        (
            "site/templates/careerblog/_pagination.html: literal words ['Go', 'on'] "
            "(give the template a label from labels())"
        ),
        "ja: careerblog.po is missing",
    ]


def test_the_wheel_ships_every_catalog(tmp_path: Path) -> None:
    """flit puts the package's data files in the wheel: the .mo files are installed."""
    pyproject = catalogs.PACKAGE.parent / "pyproject.toml"
    built = make_wheel_in(pyproject, tmp_path)
    with zipfile.ZipFile(built.file) as wheel:
        names = set(wheel.namelist())
    for language in catalogs.SHIPPED:
        for suffix in ("po", "mo"):
            assert f"sphinx_careerblog/locale/{language}/LC_MESSAGES/careerblog.{suffix}" in names
    assert not any(name.startswith("tools/") for name in names)


def test_catalog_fingerprint_follows_the_catalog_a_language_reads() -> None:
    """Generated pages kept from an earlier build are written again when it changes."""
    assert catalog_fingerprint("de_AT") == catalog_fingerprint("de")
    assert catalog_fingerprint("de") != catalog_fingerprint("fr")
    assert catalog_fingerprint("it") == catalog_fingerprint(None)  # no catalog: English
