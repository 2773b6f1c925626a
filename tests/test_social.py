"""Social previews: description and Open Graph tags on post pages, alone and with
sphinxext-opengraph (which must then get our values and write no tag twice)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_careerblog.sharing.opengraph import shorten

from .conftest import BuildFn, warning_text

INDEX = """
    # Home

    ```{toctree}
    :glob:

    essays/*
    ```
"""

ESSAY = """\
---
post: true
date: 2025-03-04
authors: [ada, "Grace <Hopper> & Co"]
tags: [mentorship, 'pairing & "review"']
image: https://cdn.example.org/cover.png
---
# Reading code you did not write "carefully"

Start from the tests & the entry points; `<never>` from the middle.

Later paragraphs are not part of the preview.
"""

DRAFT = """\
---
post: true
tags: [secret]
---
# A draft nobody should preview

Unfinished thoughts.
"""

CONF = """
careerblog_authors = {"ada": {"name": "Ada Example", "url": "https://ada.example.org"}}
"""


def files() -> dict[str, str]:
    return {"index.md": INDEX, "essays/reading.md": ESSAY, "essays/draft.md": DRAFT}


def head(app_outdir: str, page: str) -> BeautifulSoup:
    text = (Path(app_outdir) / page).read_text("utf-8")
    return BeautifulSoup(text, "html.parser")


def properties(soup: BeautifulSoup) -> list[tuple[str, str]]:
    found = []
    for meta in soup.find_all("meta"):
        name = meta.get("property") or meta.get("name")
        if name and (name.startswith(("og:", "article:")) or name == "description"):
            found.append((str(name), str(meta.get("content"))))
    return found


def test_post_page_previews_without_opengraph(build: BuildFn) -> None:
    app = build(files(), CONF)
    assert warning_text(app) == ""
    tags = properties(head(app.outdir, "essays/reading.html"))
    values = dict(tags)
    assert values["description"] == (
        "Start from the tests & the entry points; <never> from the middle."
    )
    assert values["og:title"] == "Reading code you did not write “carefully”"
    assert values["og:description"] == values["description"]
    assert values["og:type"] == "article"
    assert values["og:url"] == "https://example.org/essays/reading.html"
    assert values["og:image"] == "https://cdn.example.org/cover.png"
    assert values["article:published_time"] == "2025-03-04T00:00:00Z"
    assert [v for k, v in tags if k == "article:author"] == ["Ada Example", "Grace <Hopper> & Co"]
    assert [v for k, v in tags if k == "article:tag"] == ["mentorship", 'pairing & "review"']
    assert all(count == 1 for name, count in Counter(k for k, _ in tags).items()
               if not name.startswith("article:"))  # fmt: skip


def test_markup_in_values_stays_inside_the_attribute(build: BuildFn) -> None:
    app = build(files(), CONF)
    raw = (Path(app.outdir) / "essays/reading.html").read_text("utf-8")
    assert 'content="Grace &lt;Hopper&gt; &amp; Co"' in raw
    assert 'content="pairing &amp; &quot;review&quot;"' in raw
    assert "&lt;never&gt;" in raw.split("</head>")[0]
    assert "<never>" not in raw.split("</head>")[0]


def test_no_preview_without_base_url_gives_no_url(build: BuildFn) -> None:
    conf = CONF + 'careerblog_baseurl = ""\ncareerblog_feed_formats = []\n'
    app = build(files(), conf)
    values = dict(properties(head(app.outdir, "essays/reading.html")))
    assert "og:url" not in values
    assert values["og:image"] == "https://cdn.example.org/cover.png"  # already absolute


def test_drafts_and_ordinary_pages_get_no_preview(build: BuildFn) -> None:
    app = build(files(), CONF + "careerblog_include_drafts = True\n")
    assert properties(head(app.outdir, "essays/draft.html")) == []
    assert properties(head(app.outdir, "index.html")) == []


def test_an_authors_own_description_is_kept(build: BuildFn) -> None:
    essay = ESSAY.replace("post: true\n", "post: true\nhtml_meta:\n  description: Mine.\n")
    app = build({**files(), "essays/reading.md": essay}, CONF)
    tags = properties(head(app.outdir, "essays/reading.html"))
    assert [v for k, v in tags if k == "description"] == ["Mine."]


def test_with_sphinxext_opengraph_no_tag_is_written_twice(build: BuildFn) -> None:
    conf = CONF + (
        'extensions.append("sphinxext.opengraph")\nogp_site_url = "https://example.org/"\n'
    )
    app = build(files(), conf)
    assert warning_text(app) == ""
    tags = properties(head(app.outdir, "essays/reading.html"))
    counts = Counter(name for name, _ in tags)
    assert {name for name, count in counts.items() if count > 1} <= {
        "article:author",
        "article:tag",
    }
    values = dict(tags)
    # sphinxext-opengraph wrote the og: tags, from our per-post values
    assert values["og:title"] == "Reading code you did not write “carefully”"
    assert values["og:type"] == "article"
    assert values["og:description"] == (
        "Start from the tests & the entry points; <never> from the middle."
    )
    assert values["description"] == values["og:description"]
    assert values["og:image"] == "https://cdn.example.org/cover.png"
    assert values["og:url"] == "https://example.org/essays/reading.html"
    assert values["article:published_time"] == "2025-03-04T00:00:00Z"
    # and the environment's metadata was not changed by the override
    assert "og:title" not in app.env.metadata["essays/reading"]


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("short  text\n here") == "short text here"
    text = "word " * 100
    cut = shorten(text, 30)
    assert cut.endswith("…") and len(cut) <= 30 and "wor…" not in cut


def test_an_excluded_summary_stays_off_the_page(build: BuildFn) -> None:
    essay = """\
    # Kept off

    :::{post} 2024-05-06
    :exclude:

    The listing teaser only.
    :::

    Body text.
    """
    app = build({**files(), "essays/reading.md": essay}, CONF)
    values = dict(properties(head(app.outdir, "essays/reading.html")))
    assert values["og:title"] == "Kept off"
    assert "description" not in values and "og:description" not in values
    assert "teaser" not in (Path(app.outdir) / "essays/reading.html").read_text("utf-8")
