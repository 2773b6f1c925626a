"""The docs handbook, built as ``make docs`` builds it: warning-free with ``-W -n``, every
internal link (and its ``#fragment``) resolves, and its essays give every generated page,
feed and footer real structure to show."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from .pages_helpers import resolve_href, soup

DOCS = Path(__file__).parents[1] / "docs"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handbook") / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html",
         str(DOCS), str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    return out


def _catalog(out: Path) -> list[dict[str, Any]]:
    posts: list[dict[str, Any]] = json.loads((out / "blog" / "posts.json").read_text())["posts"]
    return posts


def test_essays_give_every_listing_real_structure(handbook: Path) -> None:
    posts = _catalog(handbook)
    assert len(posts) >= 10
    authors = Counter(a["key"] for p in posts for a in p["authors"])
    assert len(authors) >= 3
    assert len({c["slug"] for p in posts for c in p["categories"]}) >= 4
    assert len({str(p["date"])[:4] for p in posts}) >= 3
    series = Counter(p["series"] for p in posts if p["series"])
    assert max(series.values()) >= 3
    assert any(p["updated"] for p in posts)
    # every essay ends in a checklist, and the reflections page gathers them all
    for post in posts:
        page = soup(handbook / f"{post['docname']}.html")
        assert page.select(".cb-reflection"), post["docname"]
        assert page.select(".cb-related li"), post["docname"]
    gathered = soup(handbook / "reflections.html").select(".cb-reflectionlist-entry")
    assert {p["docname"] for p in posts} <= {str(e["data-cb-doc"]) for e in gathered}
    # the generated pages and feeds hold more than one entry each
    tags = soup(handbook / "blog" / "tags.html").select("#cb-page li")
    assert len(tags) >= 12
    atom = (handbook / "blog" / "atom.xml").read_text("utf-8")
    assert atom.count("<entry>") == len(posts)


def _fragment_ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = {str(node["id"]) for node in soup(page).find_all(id=True)}
    return cache[page]


def _resolves(out: Path, target: Path, fragment: str, ids: dict[Path, set[str]]) -> bool:
    if not target.resolve().is_relative_to(out.resolve()) or not target.exists():
        return False
    return (
        not fragment or target.suffix != ".html" or unquote(fragment) in _fragment_ids(target, ids)
    )


def test_every_internal_link_resolves(handbook: Path) -> None:
    """The internal linkcheck: each relative href names a file of the site, and its
    fragment (if any) an id on that page."""
    pages = sorted(handbook.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken: list[tuple[str, str]] = []
    checked = 0
    for page in pages:
        for anchor in soup(page).find_all(["a", "link"], href=True):
            href = str(anchor["href"])
            parts = urlsplit(href)
            target = page if href.startswith("#") else resolve_href(handbook, page, href)
            if target is None:
                continue
            checked += 1
            if not _resolves(handbook, target, parts.fragment, ids):
                broken.append((str(page.relative_to(handbook)), href))
    assert checked > 1000
    assert broken == []


def test_every_cb_class_in_the_handbook_is_in_the_css_reference(handbook: Path) -> None:
    """The handbook renders every feature (its reference pages show each one), so the
    classes in its HTML are the ones themes meet; each is listed in the reference."""
    documented = (DOCS / "reference" / "css-classes.md").read_text("utf-8")
    used: set[str] = set()
    for page in handbook.rglob("*.html"):
        for element in soup(page).find_all(class_=True):
            used.update(c for c in element["class"] if c.startswith("cb-"))
    assert len(used) > 80
    assert sorted(c for c in used if f"`{c}`" not in documented) == []


def test_gallery_page_lists_the_pictures_the_script_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("gallery", DOCS / "_tools" / "gallery.py")
    assert spec is not None and spec.loader is not None
    gallery = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gallery", gallery)  # dataclasses look their module up
    spec.loader.exec_module(gallery)
    assert (DOCS / "gallery.md").read_text("utf-8") == gallery.gallery_page(
        list(gallery.THEME_TITLES)
    )
    pictures = re.findall(r"_static/gallery/(\S+\.png)", (DOCS / "gallery.md").read_text())
    assert len(pictures) >= 30
    assert [p for p in pictures if not (gallery.OUT / p).is_file()] == []
    assert (gallery.OUT / gallery.README_SHOT).is_file()
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    assert f"docs/_static/gallery/{gallery.README_SHOT}" in readme
