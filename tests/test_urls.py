"""URLs from metadata and configuration: only http(s), scheme-less references and, for an
author's address, mailto: are written; everything else is refused with a located
``careerblog.url`` warning and appears in no output file (HTML, XML, JSON, scripts)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_careerblog.data.fields import parse_fields
from sphinx_careerblog.data.urls import safe_url, scheme_of, url_problem
from sphinx_careerblog.warnings import CbWarning

from .conftest import warning_text
from .pages_helpers import post

REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "javascript\x00:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javas\u200bcript:alert(1)",
    "\u202ejavascript:alert(1)",
    "ｊａｖａｓｃｒｉｐｔ:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "tel:+123",
    "about:blank",
    "",
    "   ",
]

ACCEPTED = [
    "https://example.org/essay?x=1#top",
    "HTTP://EXAMPLE.ORG/",
    "//cdn.example.org/a.png",
    "/images/a.png",
    "images/a.png",
    "../a.png",
    "#section",
    "?page=2",
    "a/b:c.png",  # a colon after the first slash is part of the path
    "https://example.org/javascript:alert(1)",  # a path, on an https page
]


@pytest.mark.parametrize("value", REFUSED)
def test_refused_everywhere(value: str) -> None:
    assert url_problem(value) is not None
    assert url_problem(value, allow_mailto=True) is not None
    assert safe_url(value) is None


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted(value: str) -> None:
    assert url_problem(value) is None
    assert safe_url(f" {value} ") == value


def test_mailto_only_where_it_fits() -> None:
    assert url_problem("mailto:ann@example.org", allow_mailto=True) is None
    assert url_problem("MAILTO:ann@example.org", allow_mailto=True) is None
    assert "mailto" in (url_problem("mailto:ann@example.org") or "")


def test_scheme_as_a_lenient_reader_sees_it() -> None:
    assert scheme_of("&#x6A;ava&#x09;script:x") == "javascript"
    assert scheme_of("/a:b") is None
    assert scheme_of("a?b:c") is None
    assert scheme_of("HTTPS://x") == "https"


def test_parse_fields_drops_unsafe_urls_with_problems() -> None:
    fields, problems = parse_fields(
        {
            "external_link": "javascript:alert(3)",
            "canonical_link": "data:text/html,x",
            "image": "vbscript:x",
            "redirect": ["old/page.html", "javascript:alert(6)"],
        }
    )
    assert fields.external_link is None
    assert fields.canonical_link is None
    assert fields.image is None
    assert fields.redirect == ("old/page.html",)
    assert sorted(p.field for p in problems) == [
        "canonical_link",
        "external_link",
        "image",
        "redirect",
    ]
    assert {p.kind for p in problems} == {CbWarning.URL}


def test_parse_fields_keeps_safe_urls_and_image_numbers() -> None:
    fields, problems = parse_fields(
        {"external_link": "https://example.org/x", "image": "2", "canonical_link": "/c"}
    )
    assert problems == []
    assert (fields.external_link, fields.image, fields.canonical_link) == (
        "https://example.org/x",
        "2",
        "/c",
    )


HOSTILE_POST = post(
    "External essay",
    date="2024-02-02",
    author="evil",
    category="Craft",
    external_link="javascript:alert(3)",
    image='"javascript:alert(4)"',
    canonical_link='"JaVaScRiPt:alert(5)"',
    redirect='"javascript:alert(6)"',
)
GOOD_POST = post(
    "Good essay", date="2024-01-01", author="evil", category="Craft", image="https://ex.org/a.png"
)
INDEX = """
# Home

```{postlist}
:format: cards
```

```{postlist}
```

```{toctree}
:glob:

posts/*
```
"""
AUTHORS_CONF = """
careerblog_authors = {
    "evil": {"name": "Eve", "url": "javascript:alert(1)", "avatar": "data:text/html,x"},
    "ann": {"name": "Ann", "url": "mailto:ann@example.org"},
}
"""
MARKERS = re.compile(r"javascript:|vbscript:|data:text/html|alert\(", re.IGNORECASE)


def _written_files(outdir: Path) -> list[Path]:
    """Every page, feed, catalog and script of the site, except what is copied verbatim:
    ``_sources`` (the author's own text, for "show source") and Sphinx's and the theme's
    static files (``sphinx_highlight.js`` mentions ``javascript:`` in a comment)."""
    return [
        path
        for path in outdir.rglob("*")
        if path.is_file()
        and "_sources" not in path.parts
        and ("_static" not in path.parts or "careerblog" in path.name)
        and path.suffix in {".html", ".xml", ".json", ".js", ".txt"}
    ]


def test_hostile_urls_are_refused_and_written_nowhere(build) -> None:
    app = build(
        {"index.md": INDEX, "posts/ext.md": HOSTILE_POST, "posts/good.md": GOOD_POST},
        conf_extra=AUTHORS_CONF,
    )
    warnings = warning_text(app)
    refused = re.findall(r"^(\S+?):(\d+): WARNING: (.*) \[careerblog\.url\]$", warnings, re.M)
    fields = sorted(message.split(" ", 1)[0] for _, _, message in refused)
    assert fields == [
        "canonical_link",
        "careerblog_authors['evil']['avatar']",
        "careerblog_authors['evil']['url']",
        "external_link",
        "image",
        "redirect",
    ], warnings
    for source, line, message in refused:
        if message.startswith("careerblog_authors"):
            assert source.endswith("conf.py")
            conf = (Path(app.srcdir) / "conf.py").read_text("utf-8").splitlines()
            assert conf[int(line) - 1].startswith("careerblog_authors")
        else:
            assert source.endswith("ext.md")
            text = (Path(app.srcdir) / "posts" / "ext.md").read_text("utf-8").splitlines()
            assert text[int(line) - 1].startswith(message.split(" ", 1)[0])
    assert "Traceback" not in warnings

    out = Path(app.outdir)
    leaks = {
        str(path.relative_to(out)): MARKERS.findall(path.read_text("utf-8", "replace"))
        for path in _written_files(out)
    }
    assert {name: found for name, found in leaks.items() if found} == {}


def test_hostile_urls_do_not_become_links(build) -> None:
    """The issue's two defects: the external post and the author link on the blog index,
    the cards and the author page."""
    app = build(
        {"index.md": INDEX, "posts/ext.md": HOSTILE_POST, "posts/good.md": GOOD_POST},
        conf_extra=AUTHORS_CONF,
    )
    out = Path(app.outdir)
    pages = [out / "index.html", out / "blog" / "index.html", out / "blog" / "author" / "evil.html"]
    for page in pages:
        html = BeautifulSoup(page.read_text("utf-8"), "html5lib")
        for element in html.find_all(True):
            for attribute in ("href", "src", "srcset", "action", "formaction", "poster"):
                value = element.get(attribute)
                if isinstance(value, str):
                    assert scheme_of(value) in {None, "http", "https", "mailto"}, (page, element)
        # the external post is still listed, linking to its own page
        titles = [a for a in html.find_all("a") if a.get_text(strip=True) == "External essay"]
        assert titles, page
        assert all(a["href"].split("#")[0].endswith("ext.html") for a in titles), titles
    author_page = BeautifulSoup(pages[2].read_text("utf-8"), "html5lib")
    assert author_page.select(".cb-page-website") == []
    catalog = json.loads((out / "blog" / "posts.json").read_text("utf-8"))
    external = next(p for p in catalog["posts"] if p["title"] == "External essay")
    assert external["external_link"] is None
    assert external["canonical_link"] is None
    assert external["image"] is None


def test_author_mailto_is_kept(build) -> None:
    app = build(
        {"index.md": INDEX, "posts/good.md": post("Mail", date="2024-01-01", author="ann")},
        conf_extra=AUTHORS_CONF,
    )
    page = BeautifulSoup(
        (Path(app.outdir) / "blog" / "author" / "ann.html").read_text("utf-8"), "html5lib"
    )
    website = page.select_one(".cb-page-website a")
    assert website is not None and website["href"] == "mailto:ann@example.org"


def test_configured_urls_are_refused_where_they_are_set(build) -> None:
    """Locations, languages and comments settings (and ABlog's ``blog_authors``, read
    when no ``careerblog_authors`` is set): refused at the line that sets them."""
    conf = """
blog_authors = {"eve": ("Eve", "javascript:alert(7)")}
careerblog_locations = {"pit": {"name": "Pittsburgh", "url": "vbscript:x"}}
careerblog_languages = {"en": {"name": "English", "url": "https://example.org/en"}}
careerblog_comments = {"provider": "giscus", "repo": "o/r", "repo-id": "R1",
                       "category": "General", "category-id": "C1",
                       "theme": "javascript:alert(8)"}
"""
    files = {
        "index.md": INDEX,
        "posts/good.md": post("Here", date="2024-01-01", author="eve", location="pit"),
    }
    app = build(files, conf_extra=conf)
    warnings = warning_text(app)
    refused = re.findall(r"^(\S+?):(\d+): WARNING: (\S+) is not written.*\[careerblog\.url\]$",
                         warnings, re.M)  # fmt: skip
    conf_lines = (Path(app.srcdir) / "conf.py").read_text("utf-8").splitlines()
    where = {name: conf_lines[int(line) - 1].split(" ", 1)[0] for _, line, name in refused}
    assert where == {
        "careerblog_authors['eve']['url']": "blog_authors",
        "careerblog_locations['pit']['url']": "careerblog_locations",
        "careerblog_comments['theme']": "careerblog_comments",
    }, warnings
    out = Path(app.outdir)
    leaks = {
        str(path.relative_to(out)): MARKERS.findall(path.read_text("utf-8", "replace"))
        for path in _written_files(out)
    }
    assert {name: found for name, found in leaks.items() if found} == {}
    # the safe language URL and the rest of the comments settings are kept
    assert app.config.careerblog_languages["en"]["url"] == "https://example.org/en"
    assert app.config.careerblog_comments["repo"] == "o/r"
