"""Shared material for the generated-pages, sidebar and theme tests."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from sphinx_careerblog.data.store import get_store

SIDEBARS_CONF = """
html_sidebars = {"**": ["localtoc.html", "careerblog/recent.html",
                        "careerblog/categories.html", "careerblog/tags.html",
                        "careerblog/archives.html"]}
"""

INDEX = "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"


def post(title: str, body: str = "", **fields: str) -> str:
    """A MyST post whose front matter holds ``fields`` (values written as given)."""
    lines = ["---", "post: true", *(f"{key}: {value}" for key, value in fields.items()), "---"]
    return "\n".join([*lines, f"# {title}", "", body or f"Summary of {title}.", ""])


def blog(count: int = 5) -> dict[str, str]:
    """``count`` posts ``posts/pNN.md``, one a year from 2020, newest = highest number.

    Categories alternate craft/growth; every post is tagged ``all``; even posts are
    tagged ``even``; authors alternate ann/bob.
    """
    files = {"index.md": INDEX}
    for number in range(count):
        tags = "[all, even]" if number % 2 == 0 else "[all]"
        files[f"posts/p{number:02d}.md"] = post(
            f"Post {number:02d}",
            date=f"{2020 + number}-0{1 + number % 9}-15",
            category="Craft" if number % 2 == 0 else "Growth",
            tags=tags,
            author="ann" if number % 2 == 0 else "bob",
        )
    return files


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_root(page: BeautifulSoup) -> Tag:
    root = page.select_one("#cb-page")
    assert isinstance(root, Tag), "no generated page body (#cb-page)"
    return root


def entry_titles(page: BeautifulSoup) -> list[str]:
    """Titles of the posts a generated listing page shows, in order."""
    titles = []
    for heading in page_root(page).select(".cb-entry-title"):
        link = heading.find("a")
        node = link if isinstance(link, Tag) else heading
        titles.append(" ".join(node.get_text(" ", strip=True).split()))
    return titles


def output_file(outdir: Path, pagename: str, builder: str = "html") -> Path:
    """Where a page name is written by the html or dirhtml builder."""
    if builder == "dirhtml":
        if pagename == "index":
            return outdir / "index.html"
        if pagename.endswith("/index"):
            return outdir / pagename[: -len("index")] / "index.html"
        return outdir / pagename / "index.html"
    return outdir / f"{pagename}.html"


def resolve_href(outdir: Path, page: Path, href: str) -> Path | None:
    """The file a relative link on ``page`` points at (None for external links)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "#")) or not parts.path:
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    if href.split("#", maxsplit=1)[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(outdir: Path, pages: list[Path]) -> list[tuple[str, str]]:
    """Every (page, href) among ``pages`` whose relative target does not exist."""
    broken = []
    root = outdir.resolve()
    for page in pages:
        for anchor in soup(page).find_all(["a", "link"], href=True):
            href = str(anchor["href"])
            target = resolve_href(outdir, page, href)
            if target is None:
                continue
            if not target.is_relative_to(root) or not target.exists():
                broken.append((str(page.relative_to(outdir)), href))
    return broken


def generated_files(outdir: Path, root: str = "blog") -> list[Path]:
    return sorted((outdir / root).rglob("*.html"))


_SEARCH_NOISE = re.compile(r"<script[^>]*searchindex[^>]*></script>")


def comparable(page: Path) -> str:
    """A page's body and sidebar (what readers see), for comparing two builds."""
    parsed = soup(page)
    parts = []
    for selector in ("div.body", "div.sphinxsidebar"):
        node = parsed.select_one(selector)
        parts.append(str(node) if node is not None else "")
    title = parsed.title.get_text() if parsed.title else ""
    return _SEARCH_NOISE.sub("", title + "\n" + "\n".join(parts))


def sidebar(page: BeautifulSoup, kind: str) -> Tag:
    node = page.select_one(f".cb-sidebar-{kind}")
    assert isinstance(node, Tag), f"no cb-sidebar-{kind}"
    return node


def sidebar_items(page: BeautifulSoup, kind: str) -> list[str]:
    return [
        " ".join(item.get_text(" ", strip=True).split())
        for item in sidebar(page, kind).select("li")
    ]


def remembered_files(app) -> set[str]:
    """The generated files the environment remembers for this builder and output."""
    key = (app.builder.name, str(Path(app.outdir).resolve()))
    return set(get_store(app.env).generated[key].files)


def no_state_files(outdir: Path) -> bool:
    """Nothing of ours in the output directory but the site itself."""
    return not list(Path(outdir).rglob(".careerblog*"))
