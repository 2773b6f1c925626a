"""Generated pages share the navigation rendering, and still show the right links."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

POSTS = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\nabout\n```\n",
    "about.md": "# About\n\nA page.\n",
}
for number in range(4):
    POSTS[f"essays/e{number}.md"] = (
        f"---\npost: true\ndate: 2024-0{number + 1}-01\ncategory: C{number % 2}\n"
        f"tags: [t{number}]\n---\n# Essay {number}\n\nText.\n"
    )


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_navigation_links_resolve_on_generated_pages(build, buildername) -> None:
    # the test app defaults to the "basic" theme, whose sidebars have no navigation
    app = build(POSTS, buildername=buildername, confoverrides={"html_theme": "alabaster"})
    outdir = Path(app.outdir)
    pages = list((outdir / "blog").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        nav = soup.select("div.sphinxsidebar a.reference.internal")
        assert nav, page
        for link in nav:
            target = link["href"].split("#")[0]
            resolved = (page.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.exists(), (page, link["href"])
