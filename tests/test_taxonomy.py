"""``taxonomy`` overviews and the ``blog`` domain's roles."""

from __future__ import annotations

import re

import pytest
from bs4 import Tag

from sphinx_careerblog.site.links import generated_pages_available

from .conftest import warning_text
from .listing_helpers import AUTHORS_CONF, POSTS, case, index_page, soup


def _entries(root: Tag) -> list[tuple[str, str, list[str]]]:
    """(term text, count text, inline post titles) of each taxonomy list entry."""
    result = []
    for item in root.select(".cb-taxonomy-item"):
        paragraph = item.find("p")
        assert isinstance(paragraph, Tag)
        term = paragraph.select_one(".cb-category, .cb-tag, .cb-author, .cb-year")
        assert term is not None
        count = paragraph.select_one(".cb-taxonomy-count")
        posts = [" ".join(a.get_text().split()) for a in item.select(".cb-post-links a")]
        result.append((term.get_text(), count.get_text() if count else "", posts))
    return result


def test_kinds_counts_and_links_in_html(build) -> None:
    app = build(
        {
            **POSTS,
            "index.md": index_page(
                "```{taxonomy}\n```",
                "```{taxonomy}\n:kind: tags\n:counts:\n```",
                "```{taxonomy}\n:kind: authors\n:counts:\n```",
                "```{taxonomy}\n:kind: years\n:counts:\n```",
            ),
        },
        conf_extra=AUTHORS_CONF + 'careerblog_categories = {"craft": {"title": "The craft"}}\n',
    )
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    pages = generated_pages_available(app)
    categories = case(page, 0).select_one(".cb-taxonomy.cb-taxonomy-categories")
    assert categories is not None
    assert [(term, count) for term, count, _ in _entries(categories)] == [
        ("career-growth", ""),
        ("The craft", ""),  # the declared title
    ]
    tags = case(page, 1).select_one(".cb-taxonomy-tags")
    assert tags is not None
    assert [(term, count) for term, count, _ in _entries(tags)] == [
        ("feedback", "(2)"),
        ("mentorship", "(2)"),  # the draft is not counted
        ("testing", "(1)"),
    ]
    authors = case(page, 2).select_one(".cb-taxonomy-authors")
    assert authors is not None
    assert [(term, count) for term, count, _ in _entries(authors)] == [
        ("Mara Lind", "(2)"),
        ("Tomás F", "(1)"),
    ]
    years = case(page, 3).select_one(".cb-taxonomy-years")
    assert years is not None
    assert [(term, count) for term, count, _ in _entries(years)] == [
        ("2024", "(2)"),
        ("2023", "(1)"),
        ("2022", "(1)"),
    ]
    if pages:
        # entries link to the generated pages, which exist
        for root, expected in (
            (tags, "blog/tag/feedback.html"),
            (categories, "blog/category/craft.html"),
            (authors, "blog/author/mara.html"),
            (years, "blog/archive/2024.html"),
        ):
            hrefs = [str(a["href"]) for a in root.select(".cb-taxonomy-item > p a")]
            assert expected in hrefs
            for href in hrefs:
                assert (app.outdir / href).exists(), href
            assert root.select(".cb-post-links") == []  # the page lists the posts
    else:
        assert _entries(tags)[0][2] == ["Delta essay", "Alpha essay"]


@pytest.mark.parametrize("buildername", ["singlehtml", "latex", "text"])
def test_without_generated_pages_entries_list_their_posts(build, buildername: str) -> None:
    app = build(
        {
            **POSTS,
            "index.md": index_page(
                "```{taxonomy}\n:kind: tags\n:counts:\n```",
                "```{taxonomy}\n:kind: years\n:format: cloud\n```",
            ),
        },
        conf_extra=AUTHORS_CONF,
        buildername=buildername,
    )
    assert warning_text(app) == ""
    assert not generated_pages_available(app)
    if buildername == "singlehtml":
        page = soup(app.outdir / "index.html")
        tags = case(page, 0).select_one(".cb-taxonomy")
        assert tags is not None
        assert _entries(tags) == [
            ("feedback", "(2)", ["Delta essay", "Alpha essay"]),
            ("mentorship", "(2)", ["Bravo essay", "Alpha essay"]),
            ("testing", "(1)", ["Charlie essay"]),
        ]
        assert [a["href"] for a in tags.select(".cb-post-links a")][:2] == [
            "#document-four",
            "#document-one",
        ]
        years = case(page, 1).select_one(".cb-taxonomy")
        assert years is not None and "cb-taxonomy-list" in years["class"]  # cloud needs pages
        assert _entries(years)[0] == ("2024", "", ["Delta essay", "Charlie essay"])
    elif buildername == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text()
        block = tex[tex.index("feedback") :]
        assert r"\hyperref[\detokenize{four::doc}]{\sphinxcrossref{Delta essay}}" in block
        assert "cb-cloud" not in tex
    else:
        text = (app.outdir / "index.txt").read_text()
        assert re.search(r"\* feedback \(2\)\n\n +\* Delta essay \(01 September 2024\)", text)
        assert "* 2024" in text


def test_cloud_weights_terms_by_post_count(build) -> None:
    app = build(
        {
            **POSTS,
            "index.md": index_page("```{taxonomy}\n:kind: tags\n:format: cloud\n:counts:\n```"),
        },
        conf_extra=AUTHORS_CONF,
    )
    assert warning_text(app) == ""
    root = soup(app.outdir / "index.html").select_one(".cb-taxonomy")
    assert root is not None
    assert generated_pages_available(app)  # the cloud links to generated pages
    assert "cb-taxonomy-cloud" in root["class"]
    links = root.select(".cb-taxonomy-cloud-terms a")
    weights = {a.get_text(): [c for c in a["class"] if c.startswith("cb-cloud-")] for a in links}
    # feedback and mentorship: 2 posts each; testing: 1
    assert weights == {
        "feedback": ["cb-cloud-5"],
        "mentorship": ["cb-cloud-5"],
        "testing": ["cb-cloud-1"],
    }
    assert [c.get_text() for c in root.select(".cb-taxonomy-count")] == ["(2)", "(2)", "(1)"]
    assert [str(a["href"]) for a in links] == [
        "blog/tag/feedback.html",
        "blog/tag/mentorship.html",
        "blog/tag/testing.html",
    ]


def test_bad_kind_and_format_warn(build) -> None:
    app = build(
        {
            **POSTS,
            "index.md": index_page(
                "```{taxonomy}\n:kind: colours\n```",
                "```{taxonomy}\n:kind: tag\n:format: bubbles\n```",
            ),
        },
        conf_extra=AUTHORS_CONF,
    )
    warnings = warning_text(app)
    assert re.search(r"index\.md:\d+: WARNING: taxonomy: unknown kind 'colours'", warnings)
    assert re.search(r"index\.md:\d+: WARNING: taxonomy: unknown format 'bubbles'", warnings)
    assert warnings.count("[careerblog.directive]") == 2
    page = soup(app.outdir / "index.html")
    assert case(page, 0).select_one(".cb-taxonomy-categories") is not None
    assert case(page, 1).select_one(".cb-taxonomy-tags.cb-taxonomy-list") is not None


def test_empty_taxonomy_says_no_posts(build) -> None:
    app = build({"index.md": "# Home\n\n```{taxonomy}\n:kind: years\n```\n"})
    assert warning_text(app) == ""
    root = soup(app.outdir / "index.html").select_one(".cb-taxonomy")
    assert root is not None and root.get_text(strip=True) == "No posts."


ROLES = """\
Tags: {blog:tag}`mentorship`, {blog:tag}`the feedback tag <feedback>`.
Category: {blog:category}`craft`. Author: {blog:author}`mara`, {blog:author}`Tomás F`.
Unknown: {blog:tag}`mentorshp` and {blog:category}`Drafted`.
"""


def test_roles_link_terms_and_warn_on_unused_ones(build) -> None:
    files = {**POSTS, "index.md": index_page(ROLES)}
    files["draft.md"] = POSTS["draft.md"].replace("tags: mentorship", "categories: Drafted")
    conf = AUTHORS_CONF + 'careerblog_categories = {"craft": {"title": "The craft"}}\n'
    # nitpicky: an unknown term gets our warning only, not Sphinx's "target not found"
    app = build(files, conf_extra=conf + "nitpicky = True\n")
    warnings = warning_text(app)
    lines = [line for line in warnings.splitlines() if "[careerblog.reference]" in line]
    assert len(lines) == 2, warnings
    assert len(warnings.splitlines()) == 2, warnings
    assert all(re.match(r".*index\.md:\d+: WARNING: blog:", line) for line in lines)
    assert "the tag 'mentorshp'" in warnings
    assert "the category 'Drafted'" in warnings  # used only by a draft: not listed
    paragraph = case(soup(app.outdir / "index.html"), 0)
    text = " ".join(paragraph.get_text().split())
    # unknown terms keep the author's text; known ones show their title
    assert (
        "Tags: mentorship, the feedback tag. Category: The craft. Author: Mara Lind, Tomás F. "
        "Unknown: mentorshp and Drafted." in text
    )
    unknown = paragraph.select(".cb-unknown-term")
    assert [node.get_text() for node in unknown] == ["mentorshp", "Drafted"]
    assert all(node.find_parent("a") is None for node in unknown)
    assert generated_pages_available(app)
    hrefs = [str(a["href"]) for a in paragraph.select("a.reference")]
    assert hrefs == [
        "blog/tag/mentorship.html",
        "blog/tag/feedback.html",
        "blog/category/craft.html",
        "blog/author/mara.html",
        "blog/author/tomas.html",
    ]
    for href in hrefs:
        assert (app.outdir / href).exists()


def test_roles_in_restructuredtext_and_non_html_builders(build) -> None:
    files = dict(POSTS)
    files["index.rst"] = (
        "Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n\n"
        "See :blog:tag:`mentorship` by :blog:author:`mara` and :blog:tag:`nope`.\n"
    )
    app = build(files, conf_extra=AUTHORS_CONF, buildername="text")
    warnings = warning_text(app)
    assert re.search(
        r"index\.rst:9: WARNING: blog:tag: .*'nope'.*\[careerblog\.reference\]", warnings
    )
    text = (app.outdir / "index.txt").read_text()
    assert "mentorship" in text and "Mara Lind" in text and "nope" in text


def test_domain_holds_no_data(build) -> None:
    app = build({**POSTS, "index.md": index_page(ROLES)}, conf_extra=AUTHORS_CONF)
    data = app.env.domaindata["blog"]
    assert set(data) <= {"version"}
    assert "index" in app.env.careerblog.listing_docs  # type: ignore[attr-defined]


def test_dirhtml_entries_and_roles_link_to_existing_pages(build) -> None:
    app = build(
        {
            **POSTS,
            "index.md": index_page(
                "```{taxonomy}\n:kind: tags\n```",
                "```{taxonomy}\n:kind: years\n:format: cloud\n```",
                "See {blog:tag}`feedback` and {blog:author}`mara`.",
            ),
        },
        conf_extra=AUTHORS_CONF,
        buildername="dirhtml",
    )
    assert warning_text(app) == ""
    assert generated_pages_available(app)
    page = soup(app.outdir / "index.html")
    hrefs = [
        str(a["href"])
        for number in range(3)
        for a in case(page, number).select("a.reference.internal")
    ]
    assert "blog/tag/feedback/" in hrefs
    assert "blog/archive/2024/" in hrefs
    assert "blog/author/mara/" in hrefs
    for href in hrefs:
        assert (app.outdir / href / "index.html").exists(), href
