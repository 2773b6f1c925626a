"""ABlog's settings, read in ABlog's shapes when no ``careerblog_*`` value is set."""

from __future__ import annotations

from sphinx_careerblog.data.store import get_store

from .conftest import status_text, warning_text

POST = """\
---
blogpost: true
date: 2024-05-01
---
# A post

First paragraph.

Second paragraph.

![one](one.png)
"""
FILES = {
    "index.md": "# Home\n\n```{toctree}\nposts/a\n```\n",
    "posts/a.md": POST,
    "posts/b.rst": "B\n=\n\nJust a page, matched by the pattern.\n\n.. image:: one.png\n",
    "posts/one.png": "",
}

ABLOG_CONF = """
blog_title = "Notes"
blog_path = "notes"
blog_authors = {"ann": ("Ann Example", "https://ann.example.org"), "bo": ("Bo", None)}
blog_languages = {"en": ("English", None)}
blog_locations = {"home": ("At home", None)}
blog_default_author = ["ann", "bo"]
blog_default_language = "en"
blog_default_location = "home"
blog_post_pattern = "posts/*.rst"
post_date_format = "%Y/%m/%d"
post_auto_excerpt = 2
post_auto_image = 1
post_show_prev_next = True
post_auto_orphan = True
blog_feed_fulltext = True
blog_feed_length = 7
blog_feed_archives = True
disqus_shortname = "notes-site"
disqus_drafts = True
fontawesome_link_cdn = "https://cdn.example.org/fa.css"
"""


def test_ablog_shapes_become_careerblog_values(build) -> None:
    app = build(FILES, conf_extra=ABLOG_CONF)
    assert warning_text(app) == ""
    config = app.config
    assert config.careerblog_title == "Notes"
    assert config.careerblog_path == "notes"
    assert config.careerblog_authors == {
        "ann": {"name": "Ann Example", "url": "https://ann.example.org"},
        "bo": {"name": "Bo"},
    }
    assert config.careerblog_languages == {"en": {"name": "English"}}
    assert config.careerblog_locations == {"home": {"name": "At home"}}
    assert config.careerblog_post_pattern == ["posts/*"]
    assert config.careerblog_date_format == "%Y/%m/%d"
    assert config.careerblog_summary_paragraphs == 2
    assert config.careerblog_prev_next is True
    assert config.careerblog_feed_fulltext is True
    assert config.careerblog_feed_length == 7
    assert config.careerblog_feed_archives is True
    assert config.careerblog_comments == {
        "provider": "disqus", "shortname": "notes-site", "pages": False, "drafts": True,
    }  # fmt: skip
    # ... and the posts follow them
    store = get_store(app.env)
    post = store.page_post("posts/a")
    assert post is not None
    assert post.fields.authors == ("ann", "bo")
    assert (post.fields.language, post.fields.location) == ("en", "home")
    assert post.summary == "First paragraph.\n\nSecond paragraph."
    assert post.image == "posts/one.png"  # as Sphinx names the image
    assert store.page_post("posts/b") is not None  # blog_post_pattern, suffix dropped
    assert (app.outdir / "notes" / "index.html").is_file()
    assert "2024/05/01" in (app.outdir / "posts" / "a.html").read_text("utf-8")


def test_settings_without_a_meaning_here_get_one_info_line(build) -> None:
    app = build(FILES, conf_extra=ABLOG_CONF + "github_pages = 'someone'\n")
    lines = [line for line in status_text(app).splitlines() if "ABlog settings" in line]
    assert lines == [
        (
            "sphinx-careerblog: ABlog settings without a meaning here (accepted, ignored): "
            "fontawesome_link_cdn, github_pages"
        )
    ]
    assert warning_text(app) == ""


def test_careerblog_values_win_over_ablog_ones(build) -> None:
    conf = ABLOG_CONF + (
        'careerblog_title = "Ours"\n'
        'careerblog_authors = {"cy": {"name": "Cy"}}\n'
        'careerblog_comments = {"provider": "giscus", "repo": "o/r", "repo-id": "R",'
        ' "category": "C", "category-id": "CI"}\n'
    )
    app = build(FILES, conf_extra=conf)
    assert app.config.careerblog_title == "Ours"
    assert app.config.careerblog_authors == {"cy": {"name": "Cy"}}
    assert app.config.careerblog_comments["provider"] == "giscus"
    assert app.config.careerblog_path == "notes"  # still read: ours is at its default


def test_a_bad_ablog_value_is_reported_once_where_it_is_set(build) -> None:
    conf = (
        'blog_authors = {"ann": ("Ann", "https://a.example", "extra")}\n'
        "post_auto_excerpt = 'two'\n"
        "blog_post_pattern = 3\n"
    )
    files = {"index.md": "# Home\n\n```{toctree}\nposts/a\n```\n", "posts/a.md": POST}
    app = build(files, conf_extra=conf)
    warnings = warning_text(app)
    assert warnings.count("[careerblog.config]") == 3
    assert 'blog_authors[\'ann\']: expected ("Full name", "url" or None)' in warnings
    assert "conf.py:11: WARNING: post_auto_excerpt" in warnings
    assert "blog_post_pattern: expected a glob or a list of globs" in warnings
    assert app.config.careerblog_authors == {}
    assert app.config.careerblog_summary_paragraphs == 1


def test_ablog_settings_leave_incremental_builds_incremental(build, tmp_path) -> None:
    src = tmp_path / "src"
    # (Sphinx's test app swaps alabaster for basic unless told otherwise)
    theme = {"html_theme": "alabaster"}
    build(FILES, conf_extra=ABLOG_CONF, srcdir=src, confoverrides=theme)
    app = build(srcdir=src, confoverrides=theme)
    status = status_text(app)
    assert "no targets are out of date" in status
    # (under Sphinx's test app, html_static_path is reported changed on every second
    # build, with or without this extension; sphinx-build itself reports nothing)
    changed = [line for line in status.splitlines() if "configuration has changed" in line]
    assert not any("blog_" in line or "post_" in line or "disqus" in line for line in changed)


def test_dates_are_read_in_post_date_format_first(build) -> None:
    files = {
        "index.md": "# Home\n\n```{toctree}\np\n```\n",
        "p.rst": "P\n=\n\n.. post:: 03/04/2024\n\n.. update:: 05/04/2024\n\n   Fixed.\n\nText.\n",
    }
    app = build(files, conf_extra='post_date_format = "%d/%m/%Y"\n')
    assert warning_text(app) == ""
    post = get_store(app.env).page_post("p")
    assert post is not None and post.date is not None and post.updated is not None
    assert (post.date.month, post.date.day) == (4, 3)  # day first, as the format says
    assert (post.updated.month, post.updated.day) == (4, 5)
