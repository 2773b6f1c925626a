"""The blog index carries the (hidden) filter element, its labels and scripts; other
pages, other builders and ``careerblog_index_filter = False`` do not."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import BuildFn, warning_text

FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n",
    "essays/one.md": ('---\npost: true\ndate: 2025-01-02\ntags: ["<b>&\'"]\n---\n# One\n\nText.\n'),
}


def soup(app_outdir: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app_outdir) / name).read_text("utf-8"), "html.parser")


def test_the_index_has_a_hidden_filter_with_labels(build: BuildFn) -> None:
    app = build(FILES, "careerblog_posts_per_page = 1\n")
    assert warning_text(app) == ""
    page = soup(app.outdir, "blog/index.html")
    [root] = page.select("div.cb-filter")
    assert root.has_attr("hidden")
    assert root["data-cb-catalog"] == "posts.json"
    assert root["data-cb-root"] == "../"
    labels = json.loads(root.select_one("script.cb-filter-labels").string)
    assert labels["facets"]["tag"] == "Tags"
    assert labels["results"] == {"one": "{count} post", "other": "{count} posts"}
    scripts = [s["src"] for s in page.select("script[src]") if "filter" in s["src"]]
    assert scripts == ["../_static/careerblog-filter-core.js", "../_static/careerblog-filter.js"]
    assert (Path(app.outdir) / "_static/careerblog-filter.js").is_file()
    for other in ("blog/tags.html", "essays/one.html", "index.html"):
        assert not soup(app.outdir, other).select("div.cb-filter"), other


def test_dirhtml_paths_and_the_switch(build: BuildFn) -> None:
    app = build(FILES, buildername="dirhtml")
    [root] = soup(app.outdir, "blog/index.html").select("div.cb-filter")
    assert root["data-cb-catalog"] == "posts.json"
    assert root["data-cb-root"] == "../"
    app = build(FILES, "careerblog_index_filter = False\n")
    assert not soup(app.outdir, "blog/index.html").select("div.cb-filter")
    assert "careerblog-filter" not in (Path(app.outdir) / "blog/index.html").read_text("utf-8")
