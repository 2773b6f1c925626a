"""``careerblog quickstart`` shows the whole product: blog sidebars, the cards landing
page, a reflections page and an essay with a checklist, built with ``-W``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_careerblog.cli.main import main

ESSAY = "The afternoon I did not ask for help"


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


def test_quickstart_handbook_shows_the_whole_product(tmp_path: Path) -> None:
    handbook = tmp_path / "handbook"
    assert main(["quickstart", str(handbook)]) == 0
    outdir = handbook / "_build" / "html"
    built = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(handbook), str(outdir)],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""

    # the blog's sidebars, on every page, in the quickstart's theme
    for name in ("index.html", "reflections.html", "essays/index.html", "blog/index.html"):
        html = page(outdir, name)
        for box in ("recent", "categories", "tags", "archives"):
            assert html.select_one(f".cb-sidebar-{box}") is not None, (name, box)
        recent = html.select_one(".cb-sidebar-recent").get_text()
        assert ESSAY in recent, name
    categories = page(outdir, "index.html").select_one(".cb-sidebar-categories")
    assert "Career growth" in categories.get_text()

    # the home page leads to the essays and the reflections page
    links = {a["href"] for a in page(outdir, "index.html").select("a[href]")}
    assert {"essays/index.html", "reflections.html"} <= links

    # the cards landing page
    landing = page(outdir, "essays/index.html")
    assert ESSAY in landing.select_one(".cb-postlist .sd-card").get_text()

    # the essay's checklist, and the reflections page gathering it
    essay = page(outdir, "essays/the-afternoon-i-did-not-ask-for-help.html")
    assert len(essay.select(".cb-reflection .cb-reflection-item")) == 4
    gathered = page(outdir, "reflections.html").select_one(".cb-reflectionlist")
    assert gathered is not None
    assert "Before you stay stuck alone" in gathered.get_text()
    assert ESSAY in gathered.get_text()
