"""The checklist examples of the docs (``docs/snippets/reflection*``) build cleanly and
render what the reference says they do."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import warning_text

SNIPPETS = Path(__file__).parents[1] / "docs" / "snippets"


def snippet(name: str) -> str:
    return (SNIPPETS / name).read_text("utf-8")


def test_reflection_snippets(build) -> None:
    post = "---\npost: true\ndate: 2026-01-01\ncategories: craft\n---\n"
    app = build(
        {
            "index.md": "# Examples\n\n```{toctree}\nbasic\noptions\nrst\nlists\n```\n",
            "basic.md": post.replace("craft", "career-growth")
            + "# Basic\n\n"
            + snippet("reflection-basic.md"),
            "options.md": post + "# Options\n\n" + snippet("reflection-options.md"),
            "rst.rst": "RST\n===\n\n" + snippet("reflection-rst.rst"),
            "lists.md": "# Lists\n\n"
            + snippet("reflectionlist-summary.md")
            + "\n"
            + snippet("reflectionlist-full.md"),
        }
    )
    assert warning_text(app) == ""
    out = Path(app.outdir)

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((out / name).read_text("utf-8"), "html.parser")

    basic = page("basic.html").select_one("section.cb-reflection")
    assert basic["data-cb-id"] == "after-your-first-code-review"
    assert len(basic.select("input[type=checkbox]")) == 3
    assert basic.find("textarea") is None

    md, rst = page("options.html"), page("rst.html")
    for doc in (md, rst):
        root = doc.select_one("section.cb-reflection")
        assert root["data-cb-id"] == "before-done"
        assert root["data-cb-category"] == "habits"
        assert root.find("textarea") is not None
        assert [li["data-cb-hash"] for li in root.select("li")] == [
            li["data-cb-hash"] for li in md.select("section.cb-reflection li")
        ]

    summary, full = page("lists.html").select("div.cb-reflectionlist")
    # the summary lists the checklists in career-growth and craft posts (not rst.rst)
    assert [e.find("strong").get_text() for e in summary.select(".cb-reflectionlist-entry")] == [
        "After your first code review",
        "Before you say “done”",
    ]
    assert [e.find("strong").get_text() for e in full.select(".cb-reflectionlist-entry")] == [
        "Before you say “done”"
    ]
