"""Post detection and every metadata field, in MyST and reStructuredText,
including ABlog's documented ``post`` directive syntax."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from sphinx_careerblog.data.store import get_store

from .conftest import warning_text


def _index(*docs: str) -> str:
    return "# Home\n\n```{toctree}\n" + "\n".join(docs) + "\n```\n"


def _posts(app, docname):
    return get_store(app.env).posts.get(docname, ())


@pytest.mark.parametrize(
    ("marker", "conf"),
    [
        ("post: true", ""),
        ("blogpost: true", ""),
        ("post: yes", ""),
        ("", "careerblog_post_pattern = ['essays/*']"),
    ],
)
def test_three_ways_to_be_a_post(build, marker, conf) -> None:
    front = f"---\n{marker}\ndate: 2024-02-03\n---\n" if marker else "---\ndate: 2024-02-03\n---\n"
    app = build(
        {
            "index.md": _index("essays/one", "plain"),
            "essays/one.md": front + "# One\n\nBody.\n",
            "plain.md": "---\ndate: 2024-02-03\n---\n# Plain page\n\nNot a post.\n",
        },
        conf_extra=conf,
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "essays/one")
    assert post.date == dt.datetime(2024, 2, 3)
    assert not _posts(app, "plain")


def test_directive_marks_a_post_and_shows_byline_where_it_stands(build) -> None:
    app = build(
        {
            "index.md": _index("essay"),
            "essay.md": """
                # Essay

                Intro paragraph.

                ```{post} 2024-05-06
                :author: Ann Example, Bo
                :category: Career growth
                :tags: feedback, mentoring
                ```

                After the byline.
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "essay")
    assert post.fields.authors == ("Ann Example", "Bo")
    assert post.fields.categories == ("Career growth",)
    assert post.fields.tags == ("feedback", "mentoring")
    soup = BeautifulSoup((app.outdir / "essay.html").read_text(), "html.parser")
    byline = soup.select_one(".cb-byline")
    assert byline is not None
    text = " ".join(byline.get_text(" ").split())
    assert "06 May 2024" in text
    assert "Ann Example" in text and "Bo" in text
    assert "Career growth" in text and "feedback" in text and "mentoring" in text
    assert "min read" in text
    # it stands between the two paragraphs, as written
    paragraphs = [p.get_text() for p in soup.select("section > p, section > div > p")]
    assert paragraphs.index("Intro paragraph.") < paragraphs.index("After the byline.")


def test_front_matter_values_arrive_as_json_and_are_decoded(build) -> None:
    app = build(
        {
            "index.md": _index("essay"),
            "essay.md": """
                ---
                post: true
                date: 2024-05-06T09:30:00+02:00
                updated: 2024-06-01
                authors: [ann, bo]
                categories: [Career growth, Craft]
                tags: "feedback, mentoring"
                excerpt: 2
                exclude: false
                series: Growing up
                visibility: internal
                location: Lisbon
                language: en
                ---
                # Essay

                First.

                Second.

                Third.
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "essay")
    fields = post.fields
    assert fields.date == dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert fields.date_has_time
    assert fields.updated == dt.datetime(2024, 6, 1)
    assert fields.authors == ("ann", "bo")
    assert fields.categories == ("Career growth", "Craft")
    assert fields.tags == ("feedback", "mentoring")
    assert fields.exclude is False
    assert fields.series == "Growing up"
    assert fields.visibility == "internal"
    assert (fields.location, fields.language) == ("Lisbon", "en")
    assert post.summary == "First.\n\nSecond."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apr 15, 2014", dt.datetime(2014, 4, 15)),
        ("15 Apr, 2013", dt.datetime(2013, 4, 15)),
        ("March 23, 2023", dt.datetime(2023, 3, 23)),
        ("2023-03-23", dt.datetime(2023, 3, 23)),
        ("2023-03-23 14:05", dt.datetime(2023, 3, 23, 14, 5)),
        ("2023-03-23T14:05:00Z", dt.datetime(2023, 3, 23, 14, 5, tzinfo=dt.UTC)),
    ],
)
def test_ablog_date_forms_as_directive_argument(build, text, expected) -> None:
    app = build({"index.md": _index("p"), "p.rst": f"P\n=\n\n.. post:: {text}\n\nBody.\n"})
    assert warning_text(app) == ""
    [post] = _posts(app, "p")
    assert post.date == expected


def test_ablog_manual_post_example_in_rst(build) -> None:
    """The options ABlog's manual lists for ``post``, in its own rST form."""
    app = build(
        {
            "index.md": _index("ablog"),
            "ablog.rst": """
                Ablog style post
                ================

                .. post:: Apr 15, 2014
                   :tags: earth, love, peace
                   :category: python
                   :author: me
                   :location: SF
                   :language: en
                   :redirect: old/path, older/path
                   :title: A listed title
                   :excerpt: 1
                   :nocomments:
                   :external_link: https://example.org/elsewhere
                   :canonical_link: https://example.org/canonical

                First paragraph.

                Second paragraph.
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "ablog")
    fields = post.fields
    assert fields.date == dt.datetime(2014, 4, 15)
    assert fields.tags == ("earth", "love", "peace")
    assert fields.categories == ("python",)
    assert fields.authors == ("me",)
    assert (fields.location, fields.language) == ("SF", "en")
    assert fields.redirect == ("old/path", "older/path")
    assert post.listed_title == "A listed title"
    assert post.title == "Ablog style post"
    assert fields.nocomments is True
    assert fields.external_link == "https://example.org/elsewhere"
    assert fields.canonical_link == "https://example.org/canonical"
    assert post.summary == "First paragraph."


def test_ablog_blogpost_front_matter_in_rst_docinfo(build) -> None:
    app = build(
        {
            "index.md": _index("doc"),
            "doc.rst": """
                :blogpost: true
                :date: Oct 10, 2021
                :author: Nabil
                :category: Manual
                :tags: one, two

                Docinfo post
                ============

                Body.
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "doc")
    assert post.date == dt.datetime(2021, 10, 10)
    assert post.fields.authors == ("Nabil",)
    assert post.fields.tags == ("one", "two")


def test_directive_content_is_the_summary_and_exclude_flag(build) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": """
                # P

                :::{post} 2022-01-01
                :exclude:

                A *hand-written* summary.
                :::

                Body text that is not the summary.
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "p")
    assert post.summary == "A hand-written summary."
    assert post.fields.exclude is True
    html = (app.outdir / "p.html").read_text()
    assert "hand-written" not in html  # the summary is for listings, not the page


def test_section_posts(build) -> None:
    app = build(
        {
            "index.md": _index("log"),
            "log.md": """
                # Team log

                Intro.

                ## First week

                ```{post} 2022-03-01
                :tags: onboarding
                ```

                We set up laptops.

                ## Second week

                ```{post} 2022-03-08
                ```

                We shipped.
            """,
        }
    )
    assert warning_text(app) == ""
    posts = _posts(app, "log")
    assert [(p.anchor, p.title, p.summary) for p in posts] == [
        ("first-week", "First week", "We set up laptops."),
        ("second-week", "Second week", "We shipped."),
    ]
    assert posts[0].key == "log#first-week"
    soup = BeautifulSoup((app.outdir / "log.html").read_text(), "html.parser")
    assert len(soup.select(".cb-byline")) == 2


def test_update_directive_sets_updated_to_the_latest(build) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": """
                ---
                post: true
                date: 2022-01-01
                updated: 2022-01-05
                ---
                # P

                Body.

                ```{update} 2022-03-01
                Added a section.
                ```

                ```{update} Feb 2, 2022
                Fixed a typo.
                ```
            """,
        }
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "p")
    assert post.updated == dt.datetime(2022, 3, 1)
    soup = BeautifulSoup((app.outdir / "p.html").read_text(), "html.parser")
    titles = [t.get_text() for t in soup.select(".cb-update .admonition-title")]
    assert titles == ["Updated on 01 March 2022", "Updated on 02 February 2022"]
    assert "updated 01 March 2022" in soup.select_one(".cb-byline").get_text()


def test_draft_without_date_has_banner_and_noindex(build) -> None:
    app = build(
        {
            "index.md": _index("draft", "public"),
            "draft.md": "---\npost: true\n---\n# Work in progress\n\nSoon.\n",
            "public.md": "---\npost: true\ndate: 2022-01-01\n---\n# Out\n\nNow.\n",
        }
    )
    assert warning_text(app) == ""
    [draft] = _posts(app, "draft")
    assert draft.is_draft and draft.visibility == "draft"
    soup = BeautifulSoup((app.outdir / "draft.html").read_text(), "html.parser")
    assert soup.select_one(".cb-draft-banner") is not None
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    public = BeautifulSoup((app.outdir / "public.html").read_text(), "html.parser")
    assert public.select_one(".cb-draft-banner") is None
    assert public.find("meta", attrs={"name": "robots"}) is None


def test_explicit_draft_visibility_with_date(build) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": "---\npost: true\ndate: 2022-01-01\nvisibility: draft\n---\n# P\n\nx\n",
        }
    )
    [post] = _posts(app, "p")
    assert post.is_draft
    assert "cb-draft-banner" in (app.outdir / "p.html").read_text()


def test_authors_from_config_default_author_and_reading_time(build) -> None:
    words = " ".join(["word"] * 460)
    app = build(
        {
            "index.md": _index("p"),
            "p.md": f"---\npost: true\ndate: 2022-01-01\n---\n# P\n\n{words}\n",
        },
        conf_extra="""
            careerblog_authors = {"ann": {"name": "Ann <Example> & Co", "url": "https://ex.org/a?x=1&y=2"}}
            careerblog_default_author = "ann"
            careerblog_words_per_minute = 200
        """,
    )
    assert warning_text(app) == ""
    [post] = _posts(app, "p")
    assert post.fields.authors == ("ann",)
    assert post.reading_minutes == 2
    html = (app.outdir / "p.html").read_text()
    assert "Ann &lt;Example&gt; &amp; Co" in html
    # the byline links to the author's generated page, which links to their URL
    assert 'href="blog/author/ann.html"' in html
    author_page = (app.outdir / "blog" / "author" / "ann.html").read_text()
    assert 'href="https://ex.org/a?x=1&amp;y=2"' in author_page
    assert "2 min read" in html


def test_byline_can_be_turned_off_for_front_matter_posts(build) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": "---\npost: true\ndate: 2022-01-01\n---\n# P\n\nx\n",
        },
        conf_extra="careerblog_byline = False\n",
    )
    assert "cb-byline" not in (app.outdir / "p.html").read_text()


def test_image_field_number_picks_the_nth_image(build) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": """
                ---
                post: true
                date: 2022-01-01
                image: 2
                ---
                # P

                ![first](a.png)

                ![second](b.png)
            """,
            "a.png": "",
            "b.png": "",
        }
    )
    [post] = _posts(app, "p")
    assert post.image == "b.png"


@pytest.mark.parametrize("buildername", ["text", "latex", "man", "epub", "singlehtml", "dirhtml"])
def test_byline_renders_in_every_builder(build, buildername) -> None:
    app = build(
        {
            "index.md": _index("p"),
            "p.md": """
                ---
                post: true
                date: 2022-01-01
                author: Ann
                tags: [growth]
                ---
                # P

                Body.
            """,
        },
        buildername=buildername,
    )
    assert warning_text(app) == ""
    output = "\n".join(
        path.read_text("utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.suffix in {".txt", ".tex", ".1", ".xhtml", ".html"}
    )
    assert "01 January 2022" in output
    assert "Ann" in output and "growth" in output
