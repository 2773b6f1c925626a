"""``postlist``: filters, sorting, limits, formats, warnings, builders, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import Tag

from sphinx_careerblog.listings.directives import PostListDirective, TaxonomyDirective
from sphinx_careerblog.site.links import generated_pages_available

from .conftest import warning_text, write_project
from .listing_helpers import (
    AUTHORS_CONF,
    POSTS,
    case,
    index_page,
    listing_fragments,
    post,
    soup,
    titles,
)

ALL_BY_DATE = ["Delta essay", "Charlie essay", "Bravo essay", "Alpha essay"]


def _build_cases(build, *blocks: str, conf_extra: str = AUTHORS_CONF, **kwargs):
    files = {**POSTS, "index.md": index_page(*blocks)}
    return build(files, conf_extra=conf_extra, **kwargs)


FILTER_CASES: list[tuple[str, list[str]]] = [
    ("", ALL_BY_DATE),
    (":category: craft", ["Charlie essay", "Alpha essay"]),
    # OR within one option
    (":category: craft, career-growth", ["Charlie essay", "Bravo essay", "Alpha essay"]),
    (":tag: feedback", ["Delta essay", "Alpha essay"]),
    (":tag: feedback, testing", ["Delta essay", "Charlie essay", "Alpha essay"]),
    # AND across options
    (":category: craft\n:tag: mentorship", ["Alpha essay"]),
    (":tag: mentorship\n:author: tomas", ["Bravo essay"]),
    (":author: mara", ["Charlie essay", "Alpha essay"]),
    (":author: Tomás F", ["Bravo essay"]),  # a declared display name works too
    (":year: 2024", ["Delta essay", "Charlie essay"]),
    (":year: 2022, 2023", ["Bravo essay", "Alpha essay"]),
    (":series: Lead", ["Bravo essay", "Alpha essay"]),
    (":visibility: internal", ["Charlie essay"]),
    (":visibility: public\n:category: craft", ["Alpha essay"]),
    (":location: Berlin", ["Alpha essay"]),
    (":language: de", ["Charlie essay"]),
    # ABlog's spellings
    (":tags: testing", ["Charlie essay"]),
    (":categories: career-growth", ["Charlie essay", "Bravo essay"]),
    # the filter slug-matches what authors wrote
    (":category: Career Growth", ["Charlie essay", "Bravo essay"]),
]


def test_filters_combine_with_and_across_and_or_within(build) -> None:
    blocks = [f"```{{postlist}}\n{options}\n```" for options, _ in FILTER_CASES]
    app = _build_cases(build, *blocks)
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    for number, (options, expected) in enumerate(FILTER_CASES):
        assert titles(case(page, number)) == expected, options


def test_unknown_filter_value_warns_located_and_matches_nothing(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n:category: crafts\n```",
        "```{postlist}\n:tag: feedback, mentorshp\n```",
        "```{postlist}\n:author: nobody\n```",
        "```{postlist}\n:year: 1999\n```",
        "```{postlist}\n:visibility: secret\n```",
        "```{postlist}\n:series: Nope\n```",
    )
    warnings = warning_text(app)
    lines = [line for line in warnings.splitlines() if "[careerblog.filter]" in line]
    assert len(lines) == 6, warnings
    for line in lines:
        assert re.match(r".*index\.md:\d+: WARNING: postlist: ", line), line
    assert "no listed post has category 'crafts' (known: Career-growth" not in warnings
    assert "category 'crafts'" in warnings and "known: career-growth, craft" in warnings
    assert "tag 'mentorshp'" in warnings
    assert "author 'nobody'" in warnings
    assert "year '1999'" in warnings
    assert "visibility 'secret'" in warnings
    assert "series 'Nope'" in warnings
    page = soup(app.outdir / "index.html")
    # a typo matches nothing: never every post
    for number in (0, 2, 3, 4, 5):
        root = case(page, number).select_one(".cb-postlist")
        assert root is not None
        assert root.select(".cb-postlist-item") == []
        assert root.select_one(".cb-postlist-empty").get_text() == "No posts."
    # the known value of the same option still matches
    assert titles(case(page, 1)) == ["Delta essay", "Alpha essay"]


def test_declared_terms_without_posts_match_nothing_quietly(build) -> None:
    conf = (
        AUTHORS_CONF
        + 'careerblog_authors["ines"] = {"name": "Inês"}\n'
        + 'careerblog_categories = {"leadership": {"title": "Leading teams"}}\n'
        + 'careerblog_tags = {"hiring": {}}\n'
    )
    app = _build_cases(
        build,
        "```{postlist}\n:category: leadership\n```",
        "```{postlist}\n:category: Leading teams, craft\n```",
        "```{postlist}\n:tag: hiring\n```",
        "```{postlist}\n:author: ines\n```",
        conf_extra=conf,
    )
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    for number in (0, 2, 3):
        assert case(page, number).select_one(".cb-postlist-empty") is not None
    assert titles(case(page, 1)) == ["Charlie essay", "Alpha essay"]


def test_filter_warning_lines_point_at_the_directive(build) -> None:
    app = build(
        {**POSTS, "index.md": index_page("text\n\n```{postlist}\n:tag: nosuch\n```")},
        conf_extra=AUTHORS_CONF,
    )
    source = (app.srcdir / "index.md").read_text().splitlines()
    [line] = [line for line in warning_text(app).splitlines() if "careerblog.filter" in line]
    number = int(re.search(r"index\.md:(\d+):", line).group(1))  # type: ignore[union-attr]
    assert source[number - 1].startswith("```{postlist}")


def test_empty_result_says_no_posts(build) -> None:
    app = build({"index.md": "# Home\n\n```{postlist}\n```\n"})
    assert warning_text(app) == ""
    root = soup(app.outdir / "index.html").select_one(".cb-postlist")
    assert root is not None
    assert root.get_text(strip=True) == "No posts."


def test_sort_limit_argument_and_caption(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n:sort: date-asc\n```",
        "```{postlist}\n:sort:\n```",  # ABlog's bare flag: oldest first
        "```{postlist}\n:sort: title\n```",
        "```{postlist}\n:sort: date-desc\n:limit: 2\n```",
        "```{postlist} 3\n```",  # ABlog's integer argument: a limit
        "```{postlist} Latest writing\n:limit: 1\n```",
        "```{postlist}\n:sort: title\n:limit: 2\n:tag: mentorship, feedback\n```",
    )
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    oldest_first = list(reversed(ALL_BY_DATE))
    assert titles(case(page, 0)) == oldest_first
    assert titles(case(page, 1)) == oldest_first
    assert titles(case(page, 2)) == sorted(ALL_BY_DATE)
    assert titles(case(page, 3)) == ALL_BY_DATE[:2]
    assert titles(case(page, 4)) == ALL_BY_DATE[:3]
    captioned = case(page, 5)
    caption = captioned.select_one(".cb-postlist .cb-postlist-caption")
    assert caption is not None and caption.get_text() == "Latest writing"
    assert titles(captioned) == ["Delta essay"]
    assert titles(case(page, 6)) == ["Alpha essay", "Bravo essay"]


def test_bad_options_warn_and_fall_back(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n:sort: newest\n```",
        "```{postlist}\n:limit: 0\n```",
        "```{postlist}\n:limit: many\n```",
        "```{postlist}\n:format: grid\n```",
        "```{postlist}\n:colour: red\n```",
        "```{postlist}\n:format: {when} {title\n```",
    )
    warnings = warning_text(app)
    assert "unknown sort 'newest'" in warnings
    assert "':limit:' '0' is not a positive whole number" in warnings
    assert "':limit:' 'many' is not a positive whole number" in warnings
    assert "unknown format 'grid'" in warnings
    assert "unknown option 'colour'" in warnings
    assert "cannot be read" in warnings
    assert warnings.count("[careerblog.directive]") == 5
    assert warnings.count("[careerblog.unknown_option]") == 1
    page = soup(app.outdir / "index.html")
    for number in range(6):  # every directive is kept and lists the posts
        assert titles(case(page, number)) == ALL_BY_DATE, number


def test_exclude_current_drops_the_page_it_stands_on(build) -> None:
    files = dict(POSTS)
    files["one.md"] = POSTS["one.md"] + "\n```{postlist}\n:exclude-current:\n```\n"
    files["two.md"] = POSTS["two.md"] + "\n```{postlist}\n```\n"
    files["index.md"] = index_page()
    app = build(files, conf_extra=AUTHORS_CONF)
    assert warning_text(app) == ""
    one = soup(app.outdir / "one.html").select_one(".cb-postlist")
    two = soup(app.outdir / "two.html").select_one(".cb-postlist")
    assert isinstance(one, Tag) and isinstance(two, Tag)
    assert titles(one) == ["Delta essay", "Charlie essay", "Bravo essay"]
    assert titles(two) == ALL_BY_DATE


def test_drafts_listed_only_with_include_drafts(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n```",
        "```{postlist}\n:sort: date-asc\n```",
        "```{postlist}\n:visibility: draft\n```",
        conf_extra=AUTHORS_CONF + "careerblog_include_drafts = True\n",
    )
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    assert titles(case(page, 0)) == [*ALL_BY_DATE, "Echo draft"]
    assert titles(case(page, 1)) == [*reversed(ALL_BY_DATE), "Echo draft"]
    assert titles(case(page, 2)) == ["Echo draft"]
    date = case(page, 0).select(".cb-postlist-date")[-1]
    assert date.get_text() == "Draft"


def test_list_format_links_dates_authors_excerpts_expand_and_style(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n:limit: 1\n:category: craft\n:sort: date-asc\n"
        ":excerpts:\n:expand: Read more\n:list-style: circle\n:date-format: %Y-%m-%d\n```",
    )
    assert warning_text(app) == ""
    root = case(soup(app.outdir / "index.html"), 0).select_one(".cb-postlist")
    assert root is not None
    assert "cb-postlist-list" in root["class"]
    assert root.select_one("ul.cb-postlist-items.cb-list-style-circle") is not None
    [item] = root.select(".cb-postlist-item")
    link = item.select_one("a.reference")
    assert link is not None and link["href"] == "one.html"
    assert link.get_text(strip=True) == "Alpha essay"
    assert item.select_one(".cb-postlist-date").get_text() == "2022-03-01"
    author = item.select_one(".cb-postlist-authors a")
    assert author is not None and author.get_text() == "Mara Lind"
    # the author's generated page where the builder writes one, else their URL
    pages = generated_pages_available(app)
    assert author["href"] == ("blog/author/mara.html" if pages else "https://example.org/mara")
    assert item.select_one(".cb-postlist-summary").get_text() == "Text of Alpha essay."
    expand = item.select_one(".cb-postlist-expand a")
    assert expand is not None and expand.get_text() == "Read more"
    assert expand["href"] == "one.html"


def test_compact_table_and_format_string(build) -> None:
    app = _build_cases(
        build,
        "```{postlist}\n:format: compact\n:limit: 2\n```",
        "```{postlist}\n:format: table\n:excerpts:\n:limit: 2\n:date-format: %d.%m.%Y\n```",
        "```{postlist}\n:format: {date} - {title} by {author} in {category} [{tags}] "
        "@{location} ({language})\n:date: %Y\n:author: mara\n```",
    )
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")

    compact = case(page, 0).select_one(".cb-postlist.cb-postlist-compact")
    assert compact is not None
    first = compact.select_one(".cb-postlist-item p")
    assert first is not None
    assert " ".join(first.get_text().split()) == "01 September 2024 Delta essay"
    assert compact.select(".cb-postlist-authors") == []

    table = case(page, 1).select_one(".cb-postlist-table table")
    assert table is not None
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Title", "Date", "Authors", "Categories", "Tags", "Summary"]
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")
    ]
    assert rows == [
        ["Delta essay", "01.09.2024", "", "", "feedback", "Text of Delta essay."],
        ["Charlie essay", "10.01.2024", "Mara Lind", "craft , career-growth", "testing",
         "Text of Charlie essay."],
    ]  # fmt: skip
    assert table.select_one("tbody a.reference")["href"] == "four.html"  # type: ignore[index]

    formatted = case(page, 2).select_one(".cb-postlist.cb-postlist-format")
    assert formatted is not None
    lines = [" ".join(li.get_text().split()) for li in formatted.select(".cb-postlist-item")]
    assert lines == [
        "2024 - Charlie essay by Mara Lind in craft, career-growth [testing] @ (de)",
        "2022 - Alpha essay by Mara Lind in craft [mentorship, feedback] @Berlin (en)",
    ]


def test_cards_are_sphinx_design_cards_with_summary_and_image(build) -> None:
    files = {
        **POSTS,
        "pic.png": "",
        "index.md": index_page("```{postlist}\n:format: cards\n:limit: 2\n```"),
    }
    files["four.md"] = post(
        "Delta essay",
        "Delta summary.\n\n![a picture](pic.png)\n",
        date="2024-09-01",
        image="1",
    )
    files["three.md"] = post(
        "Charlie essay", date="2024-01-10", image="https://example.org/c.png", author="mara"
    )
    app = build(files, conf_extra=AUTHORS_CONF)
    assert warning_text(app) == ""
    root = soup(app.outdir / "index.html").select_one(".cb-postlist.cb-postlist-cards")
    assert root is not None
    row = root.select_one(".sd-container-fluid > .sd-row")
    assert row is not None
    cards = row.select(".sd-col > .sd-card")
    assert len(cards) == 2
    delta, charlie = cards
    assert delta.select_one(".sd-card-title").get_text(strip=True) == "Delta essay"
    assert delta.select_one(".cb-postlist-summary").get_text() == "Delta summary."
    image = delta.select_one("img.sd-card-img-top")
    assert image is not None and image["src"] == "_images/pic.png"
    assert (app.outdir / "_images" / "pic.png").exists()
    link = delta.select_one("a.sd-stretched-link")
    assert link is not None and link["href"] == "four.html"
    assert link.get_text(strip=True) == "Delta essay"
    assert charlie.select_one("img.sd-card-img-top")["src"] == "https://example.org/c.png"  # type: ignore[index]
    assert "Mara Lind" in charlie.select_one(".cb-postlist-meta").get_text()  # type: ignore[union-attr]


def _design_skeleton(root: Tag) -> list[tuple[int, str, tuple[str, ...]]]:
    """(depth, tag, sphinx-design classes) of every ``div`` and stretched link under
    ``root``: the part of the markup sphinx-design's stylesheet draws."""
    result = []
    for element in root.find_all(["div", "a"]):
        classes = tuple(sorted(c for c in element.get("class", []) if not c.startswith("cb-")))
        if element.name == "a" and "sd-stretched-link" not in classes:
            continue
        depth = len([p for p in element.parents if p is not root and root in p.parents])
        result.append((depth, element.name, classes))
    return result


def test_cards_have_the_markup_of_sphinx_designs_own_cards(build) -> None:
    """Our cards and a hand-written ``grid`` of ``grid-item-card`` give the same
    elements and sphinx-design classes (with the installed sphinx-design)."""
    own = "```{postlist}\n:format: cards\n:tag: feedback\n:limit: 1\n```"
    design = (
        "::::{grid} 1 2 2 3\n:gutter: 3\n\n"
        ":::{grid-item-card} Delta essay\n:link: four\n:link-type: doc\n\n"
        "Delta summary.\n:::\n::::"
    )
    files = {**POSTS, "index.md": index_page(own, "```{rubric} design\n```", design)}
    app = build(files, conf_extra=AUTHORS_CONF)
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    ours = page.select_one(".cb-postlist-cards > .sd-container-fluid")
    theirs = page.select(".sd-container-fluid")[-1]
    assert ours is not None and theirs is not ours
    assert _design_skeleton(ours) == _design_skeleton(theirs)
    assert ours.select_one("a.sd-stretched-link")["href"] == "four.html"  # type: ignore[index]


def test_cards_without_sphinx_design_fall_back_to_a_list(build) -> None:
    conf = (
        'project = "T"\nextensions = ["myst_parser", "sphinx_careerblog"]\n'
        "show_warning_types = True\n"
    )
    files = {**POSTS, "conf.py": conf, "index.md": index_page("```{postlist}\n:format: cards\n```")}
    app = build(files)
    assert "format 'cards' needs 'sphinx_design'" in warning_text(app)
    page = soup(app.outdir / "index.html")
    assert titles(case(page, 0)) == ALL_BY_DATE
    assert page.select(".sd-card") == []


def test_restructuredtext_source(build) -> None:
    rst = (
        "Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n\n"
        ".. postlist:: 2\n   :tag: mentorship, feedback\n   :format: compact\n"
    )
    files = dict(POSTS)
    files["index.rst"] = rst
    app = build(files, conf_extra=AUTHORS_CONF)
    assert warning_text(app) == ""
    root = soup(app.outdir / "index.html").select_one(".cb-postlist")
    assert isinstance(root, Tag)
    assert titles(root) == ["Delta essay", "Bravo essay"]


PAYLOAD = """<b>&"it's"</b>"""


def test_titles_terms_and_authors_are_escaped(build) -> None:
    files = {
        "index.md": index_page(
            "```{postlist}\n:format: table\n```",
            "```{postlist}\n:format: {title} {author} {tags} {category}\n```",
            "```{postlist}\n:format: cards\n```",
            "```{taxonomy}\n:kind: tags\n```",
        ),
        "evil.md": (
            "---\npost: true\ndate: 2024-01-01\n"
            "tags: ['<b>&\"it''s\"</b>']\ncategories: ['<b>&\"it''s\"</b>']\n"
            "author: evil\n---\n"
            '# Title <b>&"it\'s"</b>\n\nBody.\n'
        ),
    }
    conf = "careerblog_authors = {'evil': {'name': '<b>&\"it\\'s\"</b>'}}\n"
    app = build(files, conf_extra=conf)
    assert warning_text(app) == ""
    page = soup(app.outdir / "index.html")
    roots = page.select(".cb-postlist, .cb-taxonomy")
    assert len(roots) == 4
    for root in roots:  # the payload is text everywhere, never markup
        assert root.find("b") is None, root
        assert PAYLOAD in root.get_text()
    cells = [td.get_text(" ", strip=True) for td in case(page, 0).select("tbody td")]
    assert cells.count(PAYLOAD) == 3  # the author name, the category and the tag
    item = case(page, 1).select_one(".cb-postlist-item")
    assert item is not None
    assert " ".join(item.get_text().split()).count(PAYLOAD) == 3
    tag = case(page, 3).select_one(".cb-tag")
    assert tag is not None and tag.get_text() == PAYLOAD
    html = (app.outdir / "index.html").read_text()
    assert "&lt;b&gt;&amp;" in html  # escaped by the writer


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub", "latex", "text"])
def test_every_builder_links_the_posts(build, buildername: str) -> None:
    files = dict(POSTS)
    files["sub/section.md"] = (
        "# Sectioned page\n\n## Part one\n\n```{post} 2021-05-05\n:tags: feedback\n```\n\nBody.\n"
    )
    files["index.md"] = (
        "# Home\n\n```{toctree}\n:glob:\n\n*\nsub/*\n```\n\n"
        "```{postlist}\n:tag: feedback\n:format: table\n```\n\n"
        "```{postlist} Feedback\n:tag: feedback\n```\n\n"
        "```{postlist}\n:tag: feedback\n:format: cards\n```\n\n"
        "```{taxonomy}\n:kind: tags\n:counts:\n```\n"
    )
    conf = AUTHORS_CONF + 'epub_copyright = "2026"\nversion = "1"\n'
    app = build(files, conf_extra=conf, buildername=buildername)
    warnings = [
        line
        for line in warning_text(app).splitlines()
        if line.strip() and "epub" not in line  # epub's own remarks about the project
    ]
    assert warnings == []
    expected = {"four": "Delta essay", "one": "Alpha essay", "sub/section": "Part one"}
    if buildername in ("html", "dirhtml", "epub"):
        suffix = {"html": ".html", "dirhtml": "/index.html", "epub": ".xhtml"}[buildername]
        page_path = app.outdir / ("index" + (".xhtml" if buildername == "epub" else ".html"))
        page = soup(page_path)
        roots = page.select(".cb-postlist")
        assert len(roots) == 3
        for root in roots:
            hrefs = [a["href"] for a in root.select("a.reference.internal")]
            assert hrefs, root
            for href in hrefs:
                target, _, anchor = str(href).partition("#")
                resolved = (page_path.parent / target).resolve()
                if resolved.is_dir():
                    resolved /= "index.html"
                assert resolved.exists(), href
                if anchor:
                    assert soup(resolved).find(id=anchor) is not None, href
            for docname, title in expected.items():
                assert any(
                    str(a["href"]).startswith(_uri(buildername, docname, suffix))
                    for a in root.select("a.reference")
                ), (docname, title)
        if buildername == "epub":
            assert page.select(".sd-card")  # epub is HTML: cards stay cards
    elif buildername == "singlehtml":
        page = soup(app.outdir / "index.html")
        for root in page.select(".cb-postlist"):
            hrefs = {str(a["href"]) for a in root.select("a.reference.internal")}
            assert {"#document-four", "#document-one", "#part-one"} <= hrefs
            for href in hrefs:
                assert page.find(id=href[1:]) is not None, href
    elif buildername == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text()
        assert r"\hyperref[\detokenize{four::doc}]" in tex
        assert r"\hyperref[\detokenize{sub/section:part-one}]" in tex
        assert r"\label{\detokenize{sub/section:part-one}}" in tex
        assert "sd-card" not in tex and "<div" not in tex
    else:
        text = (app.outdir / "index.txt").read_text()
        assert "Feedback" in text
        for title in expected.values():
            assert title in text
        assert "<" not in text and "sd-" not in text


def _uri(buildername: str, docname: str, suffix: str) -> str:
    if buildername == "dirhtml":
        return f"{docname}/"
    return docname + suffix


def test_parallel_write_equals_serial(make_app, tmp_path: Path) -> None:
    files = {
        **POSTS,
        "index.md": index_page("```{postlist}\n:format: table\n```", "```{taxonomy}\n```"),
        "other.md": "# Other\n\n```{postlist}\n:tag: mentorship\n:excerpts:\n```\n",
    }
    outputs = []
    for jobs in (1, 2):
        src = write_project(tmp_path / f"j{jobs}", files, AUTHORS_CONF)
        app = make_app("html", srcdir=src, parallel=jobs)
        app.build()
        assert warning_text(app) == ""
        outputs.append(listing_fragments(app.outdir))
        app.cleanup()
    assert outputs[0] == outputs[1]
    assert {"index.html", "other.html", "one.html"} <= set(outputs[0])


def test_front_matter_image_paths_are_copied_for_cards(build) -> None:
    files = {
        "index.md": index_page("```{postlist}\n:format: cards\n```"),
        "essays/pics/cover.png": "",
        "essays/one.md": post("With cover", date="2024-02-02", image="pics/cover.png"),
        "essays/two.md": post("Rooted cover", date="2024-01-01", image="/essays/pics/cover.png"),
        "essays/three.md": post("Missing cover", date="2023-01-01", image="pics/nope.png"),
    }
    files["index.md"] = files["index.md"].replace("\n*\n```", "\nessays/*\n```")
    app = build(files)
    warnings = warning_text(app).splitlines()
    assert len(warnings) == 1
    assert re.match(
        r".*essays/three\.md:\d+: WARNING: image 'pics/nope\.png': no such file "
        r"\(essays/pics/nope\.png\); cards show no picture \[careerblog\.field\]",
        warnings[0],
    )
    cards = soup(app.outdir / "index.html").select(".sd-card")
    images = [card.select_one("img") for card in cards]
    assert [img["src"] if img else None for img in images] == [
        "_images/cover.png",
        "_images/cover.png",
        None,
    ]
    assert (app.outdir / "_images" / "cover.png").exists()


DOCS = Path(__file__).parents[1] / "docs"
SNIPPETS = sorted(
    path
    for path in (DOCS / "snippets").glob("*.md")
    if path.name.startswith(("postlist-", "taxonomy-", "blog-roles"))
)


def test_docs_snippets_build_cleanly_with_the_handbook_essays(build) -> None:
    """The reference's examples are real: each one renders from the handbook's essays."""
    assert len(SNIPPETS) >= 10
    handbook: dict[str, object] = {}
    exec((DOCS / "conf.py").read_text("utf-8"), handbook)  # the handbook's own settings
    conf = "".join(
        f"{name} = {value!r}\n"
        for name, value in handbook.items()
        if name.startswith("careerblog_")
    )
    files: dict[str, str] = {}
    for essay in (DOCS / "essays").glob("*.md"):
        files[f"essays/{essay.name}"] = essay.read_text("utf-8")
    for avatar in (DOCS / "_static" / "avatars").glob("*.svg"):  # named by conf.py
        files[f"_static/avatars/{avatar.name}"] = avatar.read_text("utf-8")
    for snippet in SNIPPETS:
        files[f"{snippet.stem}.md"] = f"# {snippet.stem}\n\n" + snippet.read_text("utf-8")
    files["index.md"] = "# Home\n\n```{toctree}\n:glob:\n\n*\nessays/*\n```\n"
    app = build(files, conf_extra=conf)
    assert warning_text(app) == ""
    for snippet in SNIPPETS:
        page = soup(app.outdir / f"{snippet.stem}.html")
        if snippet.stem == "blog-roles":
            assert len(page.select("a .xref.blog")) == 4
            continue
        root = page.select_one(".cb-postlist, .cb-taxonomy")
        assert root is not None, snippet.name
        empty = root.select_one(".cb-postlist-empty")
        assert (empty is not None) == (snippet.stem == "postlist-empty"), snippet.name


def test_every_option_is_documented() -> None:
    postlist = (DOCS / "reference" / "postlist.md").read_text("utf-8")
    missing = [name for name in PostListDirective.option_spec if f"`{name}`" not in postlist]
    assert not missing
    taxonomy = (DOCS / "reference" / "taxonomy-and-roles.md").read_text("utf-8")
    missing = [name for name in TaxonomyDirective.option_spec if f"`{name}`" not in taxonomy]
    assert not missing
    for value in (
        "`categories`",
        "`tags`",
        "`authors`",
        "`years`",
        "`series`",
        "`cloud`",
        "`list`",
    ):
        assert value in taxonomy
    for value in ("`list`", "`cards`", "`table`", "`compact`", "`date-asc`", "`title`"):
        assert value in postlist
