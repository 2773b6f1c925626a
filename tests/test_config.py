"""Every configuration value: a wrong type or shape is one clear warning and the default."""

from __future__ import annotations

import re

import pytest

from sphinx_careerblog.config import CONFIG_VALUES

from .conftest import warning_text, write_project

PROJECT = {
    "index.md": "# Home\n\n```{toctree}\np\n```\n",
    "p.md": "---\npost: true\ndate: 2022-01-01\n---\n# P\n\nBody.\n",
}

BAD_VALUES = {
    "careerblog_path": "../outside",
    "careerblog_title": 42,
    "careerblog_baseurl": ["https://x"],
    "careerblog_post_pattern": "posts/*",
    "careerblog_authors": {"ann": "Ann"},
    "careerblog_default_author": 3,
    "careerblog_categories": {"c": {"colour": "red"}},
    "careerblog_tags": ["a"],
    "careerblog_strict_taxonomy": "yes",
    "careerblog_include_drafts": 1,
    "careerblog_posts_per_page": -1,
    "careerblog_sidebar_recent": "five",
    "careerblog_feed_formats": ["atom", "gopher"],
    "careerblog_feed_length": 0,
    "careerblog_feed_fulltext": "no",
    "careerblog_date_format": "",
    "careerblog_byline": None,
    "careerblog_byline_avatars": "small",
    "careerblog_words_per_minute": 0,
    "careerblog_related": "three",
    "careerblog_checklist_storage_prefix": None,
    "careerblog_locations": {"home": ("Home", None)},
    "careerblog_languages": {"en": {"title": "English"}},
    "careerblog_default_location": ["home"],
    "careerblog_default_language": 1,
    "careerblog_summary_paragraphs": -1,
    "careerblog_card_words": 0,
    "careerblog_index_filter": "yes",
    "careerblog_auto_image": "1",
    "careerblog_auto_orphan": "yes",
    "careerblog_prev_next": 1,
    "careerblog_feed_archives": "all",
    "careerblog_feed_titles": "yes",
    "careerblog_feed_templates": ["title"],
    "careerblog_feed_subtitle": 3,
    "careerblog_comments": {"provider": "giscus", "repo": "o/r"},
    "careerblog_today": "next tuesday",
    "careerblog_competencies": {"depth": "Depth"},
    "careerblog_levels": "senior",
}


def test_every_config_value_has_a_bad_example() -> None:
    assert {value.name for value in CONFIG_VALUES} <= set(BAD_VALUES)


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_bad_config_value_warns_once_and_uses_default(build, name) -> None:
    # html_baseurl keeps feeds writable when careerblog_baseurl falls back to ""
    conf = f"html_baseurl = 'https://example.org/'\n{name} = {BAD_VALUES[name]!r}\n"
    app = build(PROJECT, conf_extra=conf)
    assert app.statuscode == 0
    warnings = [line for line in warning_text(app).splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings
    [warning] = warnings
    assert "conf.py" in warning
    assert name in warning
    assert warning.endswith("[careerblog.config]")
    default = next(value.default for value in CONFIG_VALUES if value.name == name)
    if name == "careerblog_title":
        assert app.config.careerblog_title == "Handbook"
    else:
        assert getattr(app.config, name) == default


def test_good_values_are_kept(build) -> None:
    app = build(
        PROJECT,
        conf_extra="""
            careerblog_path = "/essays/"
            careerblog_authors = {"ann": {"name": "Ann", "url": "https://ex.org", "bio": "Hi"}}
            careerblog_feed_formats = ["rss"]
            careerblog_posts_per_page = 0
        """,
    )
    assert warning_text(app) == ""
    assert app.config.careerblog_path == "essays"
    assert app.config.careerblog_title == "Handbook"
    assert app.config.careerblog_feed_formats == ["rss"]


def test_second_build_reports_no_configuration_change(make_app, tmp_path) -> None:
    src = write_project(tmp_path / "src", PROJECT, 'careerblog_path = "/essays/"\n')
    make_app("html", srcdir=src).build()
    again = make_app("html", srcdir=src)
    again.build()
    status = again.status.getvalue()
    # sphinx-design itself appends to html_static_path late, which Sphinx reports as a
    # change; none of ours may appear, and nothing may be re-read or rewritten.
    changed = re.findall(r"configuration has changed \((.*?)\)", status)
    assert not any("careerblog" in item or "templates_path" in item for item in changed)
    assert "0 added, 0 changed, 0 removed" in status
    assert "targets for 0 source files that are out of date" in status


def test_config_warning_points_at_the_assignment_line(build) -> None:
    conf = "html_baseurl = 'https://example.org/'\n\ncareerblog_related = 'three'\n"
    app = build(PROJECT, conf_extra=conf)
    # BASE_CONF is followed by the extra lines: find the line the value is set on
    conf_lines = (app.srcdir / "conf.py").read_text().splitlines()
    line = next(n for n, text in enumerate(conf_lines, 1) if text.startswith("careerblog_related"))
    assert f"conf.py:{line}: WARNING: careerblog_related" in warning_text(app)
