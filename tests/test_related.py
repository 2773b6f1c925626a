"""Related posts under each post, and previous/next links within a series."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
import sphinx
from bs4 import Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_careerblog.data.model import PostFields, PostRecord
from sphinx_careerblog.data.query import BlogIndex
from sphinx_careerblog.data.selection import RELATED_WINDOW, related_posts

from .conftest import warning_text
from .listing_helpers import AUTHORS_CONF, POSTS, index_page, post, soup


def _related(app, docname: str) -> list[str]:
    page = soup(app.outdir / f"{docname}.html")
    block = page.select_one(".cb-related")
    if block is None:
        return []
    return [" ".join(a.get_text().split()) for a in block.select("a")]


def _project() -> dict[str, str]:
    files = dict(POSTS)
    files["index.md"] = index_page()
    # shares craft + feedback + mentorship with Alpha (3), newest
    files["five.md"] = post(
        "Foxtrot essay",
        date="2025-01-01",
        categories="craft",
        tags="[feedback, mentorship]",
    )
    return files


def test_related_posts_ranked_by_shared_terms_then_date(build) -> None:
    app = build(_project(), conf_extra=AUTHORS_CONF)
    assert warning_text(app) == ""
    # Alpha (craft; mentorship, feedback): Foxtrot shares 3; Bravo (mentorship) 1,
    # Charlie (craft) 1, Delta (feedback) 1: ties go to the newest; only 3 shown.
    assert _related(app, "one") == ["Foxtrot essay", "Delta essay", "Charlie essay"]
    # Delta (feedback): Foxtrot and Alpha share it; newest first
    assert _related(app, "four") == ["Foxtrot essay", "Alpha essay"]
    # the draft is never suggested, but a draft page still gets suggestions
    assert "Echo draft" not in _related(app, "two")
    assert _related(app, "draft") == ["Foxtrot essay", "Bravo essay", "Alpha essay"]
    block = soup(app.outdir / "one.html").select_one(".cb-related")
    assert isinstance(block, Tag)
    assert block.select_one(".cb-related-title").get_text() == "Related posts"  # type: ignore[union-attr]
    assert [a["href"] for a in block.select("a")] == ["five.html", "four.html", "three.html"]


def test_related_count_is_configurable_and_zero_turns_it_off(build, tmp_path) -> None:
    app = build(_project(), conf_extra=AUTHORS_CONF + "careerblog_related = 1\n")
    assert _related(app, "one") == ["Foxtrot essay"]
    app.cleanup()
    off = build(
        _project(),
        conf_extra=AUTHORS_CONF + "careerblog_related = 0\n",
        srcdir=tmp_path / "off",
    )
    assert warning_text(off) == ""
    for docname in ("one", "two", "three", "four", "five"):
        assert soup(off.outdir / f"{docname}.html").select(".cb-related") == []


def test_a_post_sharing_nothing_has_no_related_block(build) -> None:
    files = {
        "index.md": index_page(),
        "lone.md": post("Lone", date="2024-01-01", tags="solo"),
        "other.md": post("Other", date="2024-02-01", tags="else"),
    }
    app = build(files)
    assert warning_text(app) == ""
    assert soup(app.outdir / "lone.html").select(".cb-related") == []


def test_series_previous_and_next_by_date(build) -> None:
    files = {
        "index.md": index_page(),
        "s1.md": post("Part one", date="2024-01-01", series="Leading"),
        "s3.md": post("Part three", date="2024-03-01", series="Leading"),
        "s2.md": post("Part two", date="2024-02-01", series="Leading"),
        "other.md": post("Elsewhere", date="2024-02-15", series="Other"),
    }
    app = build(files)
    assert warning_text(app) == ""

    def nav(docname: str) -> dict[str, tuple[str, str]]:
        block = soup(app.outdir / f"{docname}.html").select_one(".cb-series")
        if block is None:
            return {}
        result = {}
        for which in ("previous", "next"):
            paragraph = block.select_one(f".cb-series-{which}")
            if paragraph is not None:
                link = paragraph.find("a")
                assert isinstance(link, Tag)
                result[which] = (link.get_text(), str(link["href"]))
        name = block.select_one(".cb-series-name").get_text()  # type: ignore[union-attr]
        assert name == ("Series: Other" if docname == "other" else "Series: Leading")
        return result

    assert nav("s1") == {"next": ("Part two", "s2.html")}
    assert nav("s2") == {"previous": ("Part one", "s1.html"), "next": ("Part three", "s3.html")}
    assert nav("s3") == {"previous": ("Part two", "s2.html")}
    assert nav("other") == {}  # a series of one has no neighbours (but is "Part 1 of 1")


def test_section_posts_get_their_footer_at_the_end_of_their_section(build) -> None:
    files = {
        "index.md": index_page(),
        "page.md": (
            "# Notes\n\nIntro.\n\n"
            "## First note\n\n```{post} 2024-01-01\n:tags: a\n```\n\nOne.\n\n"
            "## Second note\n\n```{post} 2024-02-01\n:tags: a\n```\n\nTwo.\n"
        ),
    }
    app = build(files)
    assert warning_text(app) == ""
    page = soup(app.outdir / "page.html")
    first = page.find(id="first-note")
    second = page.find(id="second-note")
    assert isinstance(first, Tag) and isinstance(second, Tag)
    first_related = first.select_one(".cb-related")
    assert first_related is not None
    assert [a["href"] for a in first_related.select("a")] == ["#second-note"]
    assert first.find_all(recursive=False)[-1] is first_related  # last thing of its section
    second_related = second.select_one(".cb-related")
    assert second_related is not None
    assert [a["href"] for a in second_related.select("a")] == ["#first-note"]


def test_related_and_series_in_latex_point_at_the_posts(build) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\n:glob:\n\n*\n```\n",
        "s1.md": post("Part one", date="2024-01-01", series="Leading", tags="x"),
        "s2.md": post("Part two", date="2024-02-01", series="Leading", tags="x"),
    }
    app = build(files, buildername="latex")
    assert warning_text(app) == ""
    tex = next(app.outdir.glob("*.tex")).read_text()
    assert r"Next: {\hyperref[\detokenize{s2::doc}]{\sphinxcrossref{Part two}}}" in tex
    assert r"Previous: {\hyperref[\detokenize{s1::doc}]{\sphinxcrossref{Part one}}}" in tex
    assert tex.count("Related posts") == 2


def _index(tag_sets: list[list[str]], *, craft: bool = True) -> BlogIndex:
    """A BlogIndex of posts p0 (newest) ... pN, each with the given tags, two in three
    in the category Craft (none without ``craft``), as plain records (no Sphinx
    project)."""
    config = SimpleNamespace(careerblog_categories={}, careerblog_tags={}, careerblog_authors={},
                             careerblog_languages={}, careerblog_locations={})  # fmt: skip
    posts = []
    for n, tags in enumerate(tag_sets):
        date = dt.datetime(2024, 1, 1) - dt.timedelta(days=n)
        fields = PostFields(
            date=date, categories=("Craft",) if craft and n % 3 else (), tags=tuple(tags)
        )
        posts.append(PostRecord(f"p{n}", "", f"Post {n}", fields, words=1, reading_minutes=1,
                                summary="", image=None))  # fmt: skip
    return BlogIndex(config, posts)  # type: ignore[arg-type]


def _ranked_by_scanning(index: BlogIndex, post: PostRecord, count: int) -> list[str]:
    """The definition: every other post sharing a term, most shared first, then newest."""
    mine = index.term_keys(post)
    shared = {other.key: len(mine & index.term_keys(other)) for other in index.posts}
    candidates = [key for key, number in shared.items() if number and key != post.key]
    ranked = sorted(candidates, key=lambda key: (-shared[key], index.position(index.post(key))))
    return ranked[:count]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=4), min_size=1,
             max_size=30),
    st.integers(min_value=1, max_value=5),
)  # fmt: skip
def test_related_posts_merge_equals_a_full_scan(tag_sets: list[list[str]], count: int) -> None:
    """The early-stopping merge of each term's posts picks what scanning every post picks."""
    index = _index(tag_sets)
    for record in index.posts:
        got = [found.key for found in related_posts(index, record, count)]
        assert got == _ranked_by_scanning(index, record, count)


def test_related_posts_of_a_big_term_are_contemporaries() -> None:
    """In a term bigger than the window, a post's candidates are the posts near it in
    that term; a small term it shares is ranked whole, however old its posts."""
    tags = [["big"] for _ in range(400)]
    tags[0] = ["big", "rare"]
    tags[399] = ["big", "rare"]
    tags[360] = ["big", "other"]
    tags[10] = ["big", "other"]
    index = _index(tags, craft=False)
    middle, oldest, near_old = (index.post(key) for key in ("p200", "p399", "p360"))
    assert middle is not None and oldest is not None and near_old is not None
    window = {f"p{n}" for n in range(200 - RELATED_WINDOW, 200 + RELATED_WINDOW + 1)}
    assert {found.key for found in related_posts(index, middle, 500)} == window - {"p200"}
    assert [found.key for found in related_posts(index, middle, 3)] == ["p150", "p151", "p152"]
    # "rare" has two posts: the newest is found from the oldest, through that term
    assert [found.key for found in related_posts(index, oldest, 2)] == ["p0", "p349"]
    # "other" too: its posts are 350 apart, each is the other's best match
    assert related_posts(index, near_old, 1)[0].key == "p10"


def _candidates_ranked(size: int, ranked: int) -> int:
    """How many candidates ranking ``ranked`` posts from the middle of a one-term blog
    of ``size`` posts looks at."""
    index = _index([["one-big-term"] for _ in range(size)], craft=False)
    seen: list[str] = []
    term_keys = index.term_keys

    def counting(post: PostRecord) -> frozenset[tuple[str, str]]:
        seen.append(post.key)
        return term_keys(post)

    index.term_keys = counting  # type: ignore[method-assign]
    for record in index.posts[size // 2 : size // 2 + ranked]:
        assert len(related_posts(index, record, 3)) == 3
    return len(seen)


def test_related_posts_cost_the_same_per_post_in_a_bigger_term() -> None:
    """Ranking visits a bounded number of candidates per post, whatever the term's
    size, so ranking every post is linear in N."""
    assert _candidates_ranked(1000, 50) == _candidates_ranked(4000, 50)
    assert _candidates_ranked(4000, 50) <= 50 * (2 * RELATED_WINDOW + 2)


@pytest.mark.skipif(sphinx.version_info < (8, 2), reason="Sphinx 8.2 added the no-search class")
def test_footers_stay_out_of_the_search_index(build) -> None:
    """A search for words of a post's title finds that post, not the posts whose
    related-posts footer links to it."""
    files = {
        "index.md": index_page(),
        "zebra.md": post("Zebra crossings", date="2024-01-02", tags="[roads]"),
        "other.md": post("Plain roads", "Asphalt only.", date="2024-01-01", tags="[roads]"),
    }
    app = build(files)
    assert _related(app, "other") == ["Zebra crossings"]
    text = (app.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])

    def documents(kind: str, word: str) -> list[str]:
        found = index[kind].get(word, [])
        return [index["docnames"][n] for n in (found if isinstance(found, list) else [found])]

    assert documents("titleterms", "zebra") == ["zebra"]
    assert documents("terms", "zebra") == []  # not the other post's footer
    assert documents("terms", "asphalt") == ["other"]
