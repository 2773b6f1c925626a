"""The sidebar templates and generated pages work in the popular themes, with ``-W``."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from .conftest import warning_text, write_project
from .pages_helpers import blog, broken_links, entry_titles, page_root, sidebar_items, soup

SNIPPETS = Path(__file__).parents[1] / "docs" / "snippets"

#: The ``conf.py`` lines the sidebars how-to gives for each theme (tested as written).
THEMES = {
    "alabaster": "sidebars-alabaster.py",
    "furo": "sidebars-furo.py",
    "pydata_sphinx_theme": "sidebars-pydata.py",
    "sphinx_book_theme": "sidebars-book.py",
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_theme_shows_sidebars_and_generated_pages(make_app, tmp_path, theme) -> None:
    importlib.import_module(theme)  # in the test extra: a missing theme fails
    snippet = (SNIPPETS / THEMES[theme]).read_text("utf-8")
    settings: dict[str, object] = {}
    exec(snippet, settings)
    assert settings["html_theme"] == theme
    src = write_project(tmp_path / "src", blog(3), snippet)
    # sphinx.testing swaps alabaster for "basic" unless the theme is an override
    app = make_app("html", srcdir=src, warningiserror=True, confoverrides={"html_theme": theme})
    app.build()
    assert app.statuscode == 0
    assert warning_text(app) == ""
    assert app.config.html_theme == theme
    out = app.outdir

    for page in (out / "posts" / "p00.html", out / "blog" / "category" / "craft.html"):
        parsed = soup(page)
        assert sidebar_items(parsed, "recent")[0].startswith("Post 02")
        assert len(sidebar_items(parsed, "recent")) == 3
        assert sidebar_items(parsed, "categories") == ["Craft (2)", "Growth (1)"]
        assert sidebar_items(parsed, "tags") == ["all (3)", "even (2)"]
        assert sidebar_items(parsed, "archives") == ["2022 (1)", "2021 (1)", "2020 (1)"]
        # each sidebar appears once (themes that repeat sidebars for mobile aside)
        assert len(parsed.select(".cb-sidebar-recent")) == 1

    # the generated page is rendered inside the theme's own page layout
    category = soup(out / "blog" / "category" / "craft.html")
    assert entry_titles(category) == ["Post 02", "Post 00"]
    assert page_root(category).find_parent("body") is not None
    assert category.title is not None
    assert category.title.get_text().startswith("Posts in Craft")
    pages = [*sorted((out / "blog").rglob("*.html")), out / "posts" / "p00.html"]
    broken = [link for link in broken_links(out, pages) if "#" not in link[1]]
    assert broken == []
