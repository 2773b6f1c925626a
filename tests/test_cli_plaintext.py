"""``careerblog import`` of plain-text essay exports: every rule, on real sample files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sphinx_careerblog.cli.importer.plaintext import (
    BulletList,
    Heading,
    Paragraph,
    TextEssay,
    is_heading,
    parse_text,
)
from sphinx_careerblog.cli.importer.writer import read_text
from sphinx_careerblog.cli.main import main
from sphinx_careerblog.data.store import get_store

from .conftest import BuildFn

DATA = Path(__file__).parent / "data" / "import"


def split_output(path: Path) -> tuple[dict[str, object], str]:
    """Front matter (parsed) and body of a written MyST file."""
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    assert isinstance(data, dict)
    return data, body


def essay(name: str) -> TextEssay:
    return parse_text(read_text(DATA / name))


# -- the heading rule, line by line --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ownership changes everything 🧭", True),  # short, ends in an emoji
        ("What I started doing differently", True),  # short, no emoji
        ("Pairing sessions 👩‍💻", True),  # ZWJ emoji sequence
        ("Keep going 🇯🇵", True),  # flag (regional indicators)
        ("Schreiben statt reden ✍️", True),  # emoji + variation selector
        ("Ownership (and why it matters)", True),  # closing bracket is looked through
        ("You stop asking what ticket is next.", False),  # closing punctuation
        ("It gets easier. You will be fine 🌱", False),  # two sentences
        ("Version 2.0 is out", True),  # a dot inside a word is no sentence break
        ("That is the hard part ✨", True),
        ("The first bug they should fix. 🐛", False),  # punctuation, then an emoji
        ("Who owns the setup guide?", False),  # a question
        ("Before you plan anything, check:", False),  # introduces a list
        ("Wait for it…", False),  # ellipsis
        ("He said “stop.”", False),  # punctuation inside closing quotes
        ("- A bullet item", False),
        ("🚀🚀🚀", False),  # no letter
        ("One two three four five six seven eight nine ten", True),  # 10 words
        ("One two three four five six seven eight nine ten eleven", False),
        ("x" * 81, False),  # more than 80 characters
        ("A sentence with a hidden space.\u200b", False),  # invisible characters
    ],
)
def test_heading_rule(line: str, expected: bool) -> None:
    assert is_heading(line, previous="A paragraph.", has_next=True) is expected


def test_last_line_is_never_a_heading() -> None:
    assert is_heading("See you next week 👋", previous="Text.", has_next=False) is False


def test_line_after_a_colon_is_never_a_heading() -> None:
    assert (
        is_heading("Nobody reads the docs", previous="Here is the thing:", has_next=True) is False
    )
    assert is_heading("Nobody reads the docs", previous="Here is the thing.", has_next=True)


# -- whole files -----------------------------------------------------------------------


def test_title_categories_and_blocks_without_blank_lines() -> None:
    parsed = essay("staff-engineer-scope.txt")
    assert parsed.title == "The jump to staff engineer is mostly about scope, not skill"
    assert parsed.categories == ["career", "leadership"]
    assert parsed.visibility == "public"
    kinds = [type(block).__name__ for block in parsed.blocks]
    assert kinds == [
        "Paragraph", "Paragraph",
        "Heading", "Paragraph", "Paragraph", "Paragraph",
        "Heading", "BulletList", "Paragraph",
        "Heading", "BulletList", "Paragraph",
    ]  # fmt: skip
    statements, questions = (b for b in parsed.blocks if isinstance(b, BulletList))
    assert statements.reflection is None  # a list of statements stays a list
    assert len(statements.items) == 3
    assert questions.reflection == "Questions I ask myself every month 🤔"
    assert questions.items[2] == "Is there a decision I am avoiding because it is not “mine”?"
    final = parsed.blocks[-1]
    assert isinstance(final, Paragraph)
    assert final.text.endswith("You will be fine 🌱")


def test_windows_line_endings_bom_blank_lines_and_private() -> None:
    parsed = essay("giving-feedback-windows.txt")
    assert parsed.title == "Giving feedback that lands"  # no BOM in the title
    # comma-separated: multi-word categories; `private` means never listed: a draft
    assert parsed.categories == ["feedback", "career growth"]
    assert parsed.visibility == "draft"
    headings = [b.text for b in parsed.blocks if isinstance(b, Heading)]
    assert headings == ["Small and often", "Before the conversation", "After the conversation"]
    reflection = next(b for b in parsed.blocks if isinstance(b, BulletList) and b.reflection)
    assert reflection.reflection == "Before the conversation"
    assert reflection.intro == "Ask yourself:"  # the list intro moves into the checklist
    assert not any(isinstance(b, Paragraph) and b.text == "Ask yourself:" for b in parsed.blocks)
    assert all("\r" not in b.text for b in parsed.blocks if isinstance(b, Paragraph | Heading))


def test_draft_and_final_emoji_line() -> None:
    parsed = essay("short-draft.txt")
    assert parsed.visibility == "draft"
    assert parsed.categories == []
    assert [type(b) for b in parsed.blocks] == [Paragraph, Paragraph]  # last line: paragraph


def test_header_lines_and_tricky_lines() -> None:
    parsed = essay("onboarding-handbook.txt")
    assert parsed.tags == ["first week", "mentoring"]
    assert parsed.authors == ["mara"]
    assert str(parsed.date) == "2025-09-14"
    texts = {b.text: type(b) for b in parsed.blocks if isinstance(b, Paragraph | Heading)}
    assert texts["Nobody remembers their first standup"] is Paragraph  # after "...thing:"
    assert texts["Who owns the setup guide?"] is Paragraph
    assert texts["The rest of this essay is about making that happen…"] is Paragraph
    long_line = (
        "This sentence has no closing punctuation but is far too long to ever be a heading at all"
    )
    assert texts[long_line] is Paragraph
    assert texts["The setup trap 🧰"] is Heading
    lists = [b for b in parsed.blocks if isinstance(b, BulletList)]
    # a question list before any heading is titled after the essay
    assert lists[0].reflection == parsed.title
    assert lists[0].intro == "Before you plan anything, check:"
    assert [b.reflection for b in lists[1:]] == ["Pairing sessions 👩‍💻"] * 2


def test_output_myst(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(DATA / "onboarding-handbook.txt"), "--to", str(tmp_path)]) == 0
    out = tmp_path / "what-a-good-first-week-on-a-new-team-looks-like.md"
    assert f"wrote {out}" in capsys.readouterr().out
    front, body = split_output(out)
    assert front == {
        "post": True,
        "date": __import__("datetime").date(2025, 9, 14),
        "author": "mara",
        "categories": ["onboarding", "management"],
        "tags": ["first week", "mentoring"],
    }
    assert body.startswith("# What a good first week on a new team looks like\n")
    assert "\n## The setup trap 🧰\n" in body
    # Markdown characters in plain text are escaped, so they show as written
    assert r"A line with \*stars\*, a #hash, \<angle brackets\> & an \[odd\]" in body
    assert "\n1\\. This line starts like a numbered list" in body
    # two checklists of one section get distinct ids
    assert "```{reflection} Pairing sessions 👩‍💻\n\n- Which task" in body
    assert "```{reflection} Pairing sessions 👩‍💻\n:id: pairing-sessions-2\n" in body


def test_errors_are_reported_not_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n", "utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 culture\nText.\n".encode("latin-1"))
    (tmp_path / "no-title.txt").write_text("Categories: career\nBody.\n", "utf-8")
    (tmp_path / "bullet.txt").write_text("- a bullet first\nBody.\n", "utf-8")
    (tmp_path / "folder.txt").mkdir()
    names = ["empty", "latin1", "no-title", "bullet", "folder", "missing"]
    files = [str(tmp_path / f"{name}.txt") for name in names]
    status = main(["import", *files, "--to", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in captured.err
    for name, reason in (
        ("empty", "the file is empty"),
        ("latin1", "not UTF-8 text (undecodable byte 0xe9 at offset 3); save it as UTF-8"),
        ("no-title", "no title: the first line is 'Categories: career'"),
        ("bullet", "no title: the first line is a bullet item"),
        ("folder", "it is a directory, not a file"),
        ("missing", "no such file"),
    ):
        assert f"skipped {tmp_path / name}.txt: {reason}\n" in captured.err
    assert "imported 0 of 6 files, skipped 6" in captured.out
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_utf16_export_with_bom(tmp_path: Path) -> None:
    source = tmp_path / "utf16.txt"
    source.write_bytes("\ufeffÜber Mut 💪\r\nCategories: courage\r\nDu schaffst das.\r\n"
                       .encode("utf-16-le"))  # fmt: skip
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    front, body = split_output(tmp_path / "out" / "uber-mut.md")
    assert front["categories"] == ["courage"]
    assert body.startswith("# Über Mut 💪\n")


# -- a real build of every sample --------------------------------------------------------


def test_imported_text_posts_build_without_warnings(build: BuildFn, tmp_path: Path) -> None:
    src = tmp_path / "src"
    files = sorted(str(path) for path in DATA.glob("*.txt"))
    status = main(["import", *files, "--to", str(src / "posts"), "--date", "2026-01-05"])
    assert status == 0
    app = build(
        {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"},
        conf_extra='careerblog_baseurl = "https://example.org/"\n',
    )
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""

    posts = {docname: records[0] for docname, records in get_store(app.env).posts.items()}
    staff = posts["posts/the-jump-to-staff-engineer-is-mostly-about-scope-not-skill"]
    assert staff.fields.categories == ("career", "leadership")
    assert str(staff.fields.date.date()) == "2026-01-05"  # from --date
    onboarding = posts["posts/what-a-good-first-week-on-a-new-team-looks-like"]
    assert str(onboarding.fields.date.date()) == "2025-09-14"  # its own Date: line wins
    assert posts["posts/giving-feedback-that-lands"].fields.visibility == "draft"  # private
    assert posts["posts/notes-to-self-about-saying-no"].fields.visibility == "draft"

    html = app.outdir / "posts" / "the-jump-to-staff-engineer-is-mostly-about-scope-not-skill.html"
    soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
    assert [h.get_text(strip=True).rstrip("¶#") for h in soup.select("h2")][:2] == [
        "Scope grows sideways 🗺️",
        "What I started doing differently",
    ]
    # the checklist right under its heading is titled after it, and shown once
    [checklist] = soup.select(".cb-reflection")
    title = checklist.select_one(".cb-reflection-title").get_text(strip=True)
    assert title == "Questions I ask myself every month 🤔"
    body = soup.select_one("div.body, article, main")
    assert body.get_text().count("Questions I ask myself every month") == 1
    items = checklist.select(".cb-reflection-item")
    assert [item.get_text(" ", strip=True) for item in items][2] == (
        "Is there a decision I am avoiding because it is not “mine”?"
    )
    assert len(checklist.select("input[type=checkbox]")) == 3
    statements = [li.get_text(strip=True) for li in soup.select("article li, .body li")]
    assert "I keep a list of decisions nobody has written down" in statements
    assert "You will be fine 🌱" in soup.get_text()

    tricky = BeautifulSoup(
        (app.outdir / "posts" / "what-a-good-first-week-on-a-new-team-looks-like.html").read_text(
            "utf-8"
        ),
        "html.parser",
    )
    text = tricky.get_text()
    assert "A line with *stars*, a #hash, <angle brackets> & an [odd] link-like bit" in text
    assert "1. This line starts like a numbered list" in text
    assert len(tricky.select(".cb-reflection")) == 3
    intro = tricky.select_one(".cb-reflection p:not(.cb-reflection-title)")
    assert intro is not None
    assert intro.get_text(strip=True) == "Before you plan anything, check:"  # moved inside
    ids = [node["data-cb-id"] for node in tricky.select(".cb-reflection")]
    assert len(set(ids)) == 3


def test_docs_example_is_what_the_importer_writes(tmp_path: Path) -> None:
    """docs/howto/import-your-essays.md shows these two snippets as before/after."""
    snippets = Path(__file__).parents[1] / "docs" / "snippets"
    source = snippets / "import-before.txt"
    assert main(["import", str(source), "--to", str(tmp_path), "--date", "2026-02-10"]) == 0
    written = tmp_path / "running-the-retro-taught-me-more-than-any-course.md"
    assert written.read_text("utf-8") == (snippets / "import-after.md").read_text("utf-8")


def test_markup_characters_survive_a_real_build(build: BuildFn, tmp_path: Path) -> None:
    src = tmp_path / "src"
    source = tmp_path / "odd.txt"
    source.write_text(
        "Tabs vs. spaces & <other> `wars` #2\n"
        "Categories: craft\n"
        "Opening line with a_snake_case name and 50% of the ~work~.\n"
        "Using *args and C# wisely #\n"
        "- Do I really need **kwargs here?\n"
        "- Is `eval` ever the answer?\n"
        "Only a title line follows.\n",
        "utf-8",
    )
    (tmp_path / "title-only.txt").write_text("Just a title 🙂\n", "utf-8")
    files = [str(source), str(tmp_path / "title-only.txt")]
    assert main(["import", *files, "--to", str(src / "posts"), "--date", "2026-01-05"]) == 0
    app = build(
        {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"},
        conf_extra='careerblog_baseurl = "https://example.org/"\n',
    )
    assert app.warning.getvalue() == ""
    [post] = get_store(app.env).posts["posts/tabs-vs-spaces-other-wars-2"]
    assert post.title == "Tabs vs. spaces & <other> `wars` #2"
    soup = BeautifulSoup(
        (app.outdir / "posts" / "tabs-vs-spaces-other-wars-2.html").read_text("utf-8"),
        "html.parser",
    )
    assert "a_snake_case name and 50% of the ~work~." in soup.get_text()
    # the heading's words are the checklist's title, shown once
    assert soup.select("h2") == []
    [checklist] = soup.select(".cb-reflection")
    title = checklist.select_one(".cb-reflection-title").get_text(strip=True)
    assert title == "Using *args and C# wisely #"
    prompts = [item.get_text(" ", strip=True) for item in checklist.select(".cb-reflection-item")]
    assert prompts == ["Do I really need **kwargs here?", "Is `eval` ever the answer?"]
    assert "posts/just-a-title" in get_store(app.env).posts


def test_long_titles_give_short_file_names(tmp_path: Path) -> None:
    title = "A very long title " * 12
    (tmp_path / "long.txt").write_text(f"{title}\nBody.\n", "utf-8")
    assert main(["import", str(tmp_path / "long.txt"), "--to", str(tmp_path / "out")]) == 0
    [written] = (tmp_path / "out").iterdir()
    assert len(written.stem) <= 80
    assert written.stem.startswith("a-very-long-title-a-very-long-title")
    assert not written.stem.endswith("-")
