"""Previous/next links between posts by date (ABlog's ``post_show_prev_next``)."""

from __future__ import annotations

from .conftest import warning_text
from .pages_helpers import soup


def _post(title: str, date: str | None) -> str:
    dated = f"date: {date}\n" if date else ""
    return f"---\npost: true\n{dated}---\n# {title}\n\nText.\n"


FILES = {
    "index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n",
    "posts/a.md": _post("Oldest", "2024-01-01"),
    "posts/b.md": _post("Middle", "2024-02-01"),
    "posts/c.md": _post("Newest", "2024-03-01"),
    "posts/d.md": _post("Unfinished", None),
}


def _links(app, name: str) -> dict[str, tuple[str, str]]:
    block = soup(app.outdir / "posts" / f"{name}.html").select_one(".cb-prev-next")
    if block is None:
        return {}
    return {
        which: (paragraph.a.get_text(), paragraph.a["href"])
        for which in ("previous", "next")
        if (paragraph := block.select_one(f".cb-prev-next-{which}")) is not None
    }


def test_prev_next_by_date_and_never_to_a_draft(build) -> None:
    app = build(FILES, conf_extra="post_show_prev_next = True\n")
    assert warning_text(app) == ""
    assert _links(app, "a") == {"next": ("Middle", "b.html")}
    assert _links(app, "b") == {"previous": ("Oldest", "a.html"), "next": ("Newest", "c.html")}
    assert _links(app, "c") == {"previous": ("Middle", "b.html")}
    assert _links(app, "d") == {}  # a draft has no neighbours, and is no one's


def test_off_by_default(build) -> None:
    app = build(FILES)
    assert _links(app, "b") == {}


def test_a_new_post_rewrites_its_neighbours(build, tmp_path) -> None:
    src = tmp_path / "src"
    build(FILES, conf_extra="careerblog_prev_next = True\n", srcdir=src)
    (src / "posts" / "bb.md").write_text(_post("Between", "2024-02-15"), "utf-8")
    app = build(srcdir=src)
    assert _links(app, "b")["next"] == ("Between", "bb.html")
    assert _links(app, "c")["previous"] == ("Between", "bb.html")
    assert _links(app, "a") == {"next": ("Middle", "b.html")}
