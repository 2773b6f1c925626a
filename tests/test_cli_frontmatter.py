"""``careerblog import`` of Markdown with front matter: each dialect, on real sample files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sphinx_careerblog.cli.main import main
from sphinx_careerblog.data.store import get_store

from .conftest import BuildFn

DATA = Path(__file__).parent / "data" / "import"


def read_post(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    assert isinstance(data, dict)
    return data, body


def run_import(
    capsys: pytest.CaptureFixture[str], out_dir: Path, *names: str
) -> tuple[int, str, str]:
    status = main(["import", *(str(DATA / name) for name in names), "--to", str(out_dir)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_jekyll(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "2023-03-07-jekyll-code-review.md")
    assert status == 0
    front, body = read_post(tmp_path / "code-review-is-a-conversation-not-a-verdict.md")
    assert front == {
        "post": True,
        "date": dt.date(2023, 3, 7),  # Jekyll: from the file name
        "categories": ["career", "feedback"],  # Jekyll: space-separated string
        "tags": ["code review", "teamwork"],
        "author": "Tomás Ferreira",
        "summary": "Reviews go better when both sides treat them as a chat.",  # excerpt
        "layout": "post",  # unknown: kept untouched ...
        "permalink": "/writing/code-review/",
    }
    assert "kept unmapped front matter keys: layout, permalink" in out  # ... and reported
    assert "date taken from the file name" in out
    # the title becomes the H1, the body is kept as it was
    assert body.startswith("# Code review is a conversation, not a verdict\n\n")
    assert '"Why did you choose a queue here?" invites an answer.' in body


def test_hugo_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "hugo-yaml-pairing.md")
    assert status == 0
    front, body = read_post(tmp_path / "pairing-with-people-who-think-differently.md")
    assert front == {
        "post": True,
        "date": "2024-02-11T09:30:00+01:00",
        "updated": dt.date(2024, 3, 1),  # lastmod
        "categories": ["collaboration"],  # `Categories`: Hugo keys ignore case
        "tags": ["pairing", "mentoring"],
        "visibility": "draft",  # draft: true
        "summary": "What I learned from pairing with a designer for a month.",
        "series": "Working together",  # a Hugo taxonomy list: its first entry
        "weight": 10,
        "toc": True,
    }
    assert "kept unmapped front matter keys: weight, toc" in out
    assert "She asked *who* would notice" in body  # Markdown body untouched


def test_hugo_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "hugo-toml-oncall.md")
    assert status == 0
    # `slug` names the output file
    front, body = read_post(tmp_path / "on-call-lessons.md")
    assert front == {
        "post": True,
        "date": "2022-11-20T18:00:00+00:00",
        "categories": ["operations", "career growth"],
        "tags": ["on-call", "incidents"],
        "author": "mara",
        "summary": "Three lessons from my first rotation.",  # description
        "params": {"mood": "tired but wiser"},  # a TOML table, kept
    }
    assert "TOML front matter" in out
    assert body.startswith("# On-call made me a better engineer\n")


def test_docusaurus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "docusaurus-growth-plan.md")
    assert status == 0
    front, body = read_post(tmp_path / "growth-plan.md")  # slug: /blog/growth-plan
    assert front == {
        "post": True,
        "date": dt.date(2021, 6, 1),
        "tags": ["career", "planning"],  # {label: planning, ...} -> its label
        "authors": ["Priya Raman", "mara"],  # an inline author -> its name; a key as is
        "hide_table_of_contents": True,
    }
    assert "unlisted" not in front  # unlisted: false maps to nothing
    assert "2 Docusaurus admonition(s) turned into MyST directives" in out
    assert ":::{admonition} Start small\n:class: tip\nPick one skill per quarter.\n:::" in body
    assert ":::{note}\nYour manager should read the plan" in body


def test_mkdocs_material(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, _ = run_import(capsys, tmp_path, "mkdocs-material-estimates.md")
    assert status == 0
    front, body = read_post(tmp_path / "estimates-are-a-communication-tool.md")
    assert front == {
        "post": True,
        "date": dt.date(2023, 1, 31),  # date: {created: ...}
        "updated": dt.date(2023, 2, 4),  # date: {updated: ...}
        "categories": ["Planning", "Career growth"],
        "author": "squidfunk",
        "readtime": 6,
        "pin": True,
    }
    assert "visibility" not in front  # draft: false
    # the body has an H1 already: none is added
    assert body.count("# Estimates are a communication tool") == 1


def test_ablog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "ablog-post.md")
    assert status == 0
    front, _body = read_post(tmp_path / "listening-is-the-mentoring-skill-nobody-teaches.md")
    assert front == {
        "post": True,  # blogpost: true
        "date": dt.date(2014, 4, 15),  # Apr 15, 2014
        "categories": ["Mentoring"],  # category
        "tags": ["listening", "one-on-ones"],  # ABlog: comma-separated
        "author": "tomas",
        "excerpt": 1,  # ABlog's number of paragraphs
        "location": "Lisbon",
        "language": "en",
    }
    assert "kept unmapped" not in out


def test_no_front_matter_setext_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_import(capsys, tmp_path, "no-front-matter.markdown")
    assert status == 0
    front, body = read_post(tmp_path / "why-i-keep-a-work-journal.md")
    assert front == {"post": True}
    assert "no date: the post is a draft" in out
    assert body.startswith("Why I keep a work journal\n=====")


def test_title_differing_from_h1_is_the_listed_title(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_text("---\ntitle: Short title\n---\n# A much longer heading\n\nText.\n", "utf-8")
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    front, body = read_post(tmp_path / "out" / "short-title.md")
    assert front == {"post": True, "title": "Short title"}
    assert body.count("# ") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ntitle: [unclosed\n---\nBody\n",
            "not valid (line 3): did not find expected ',' or ']' (while parsing a flow sequence on line 2)",
        ),
        ("---\ntitle: x\nBody without a closing line\n", "is never closed"),
        ("---\n- a\n- b\n---\n# T\n", "not a set of `key: value` lines"),
        ('+++\ntitle = "x\n+++\n# T\n', "the TOML front matter is not valid"),
        (
            "---\ndate: 2024-01-01\n---\nNo heading here.\n",
            "no title: no `title` in the front matter",
        ),
    ],
)
def test_bad_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    source = tmp_path / "bad.md"
    source.write_text(text, "utf-8")
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_bad_values_are_kept_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "odd.md"
    source.write_text("---\ntitle: Odd\ndate: someday\ntags: {a: 1}\n---\nText.\n", "utf-8")
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "date: cannot read the date" in out
    assert "tags: expected a list or text; kept unchanged" in out
    front, _ = read_post(tmp_path / "out" / "odd.md")
    assert front["date"] == "someday"
    assert front["tags"] == {"a": 1}


def test_format_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a .txt file read as Markdown, and an extension-less file sniffed as Markdown
    source = tmp_path / "export.txt"
    source.write_text("---\ntitle: Forced\n---\nBody *kept*.\n", "utf-8")
    assert main(["import", str(source), "--format", "markdown", "--to", str(tmp_path / "o")]) == 0
    _, body = read_post(tmp_path / "o" / "forced.md")
    assert "Body *kept*." in body
    sniffed = tmp_path / "POST"
    sniffed.write_text("---\ntitle: Sniffed\n---\nText.\n", "utf-8")
    assert main(["import", str(sniffed), "--to", str(tmp_path / "o")]) == 0
    assert "(from " in capsys.readouterr().out
    assert (tmp_path / "o" / "sniffed.md").is_file()


def test_imported_markdown_posts_build_without_warnings(build: BuildFn, tmp_path: Path) -> None:
    src = tmp_path / "src"
    files = [str(path) for path in sorted(DATA.glob("*.md"))]
    files.append(str(DATA / "no-front-matter.markdown"))
    assert main(["import", *files, "--to", str(src / "posts")]) == 0
    app = build(
        {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"},
        conf_extra='careerblog_baseurl = "https://example.org/"\n'
        'careerblog_authors = {"mara": {"name": "Mara"}, "tomas": {"name": "Tomás"}}\n',
    )
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    posts = {docname: records[0] for docname, records in get_store(app.env).posts.items()}
    assert len(posts) == 7
    oncall = posts["posts/on-call-lessons"].fields
    assert oncall.date == dt.datetime(2022, 11, 20, 18, 0, tzinfo=dt.UTC)
    assert oncall.categories == ("operations", "career growth")
    assert oncall.summary == "Three lessons from my first rotation."
    pairing = posts["posts/pairing-with-people-who-think-differently"].fields
    assert pairing.visibility == "draft"
    assert pairing.series == "Working together"
    assert pairing.updated == dt.datetime(2024, 3, 1)
    ablog = posts["posts/listening-is-the-mentoring-skill-nobody-teaches"]
    assert ablog.fields.date == dt.datetime(2014, 4, 15)
    assert ablog.fields.location == "Lisbon"
    assert ablog.title == "Listening is the mentoring skill nobody teaches"
    assert posts["posts/growth-plan"].fields.authors == ("Priya Raman", "mara")
    assert posts["posts/why-i-keep-a-work-journal"].is_draft

    growth = BeautifulSoup((app.outdir / "posts" / "growth-plan.html").read_text("utf-8"),
                           "html.parser")  # fmt: skip
    tip = growth.select_one(".admonition.tip")
    assert tip is not None
    assert "Start small" in tip.get_text()
    assert growth.select_one(".admonition.note") is not None


def test_heading_jump_under_the_added_title_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "deep.md"
    source.write_text(
        "---\ntitle: Deep\n---\n```\n# not a heading\n```\n### Starts deep\n", "utf-8"
    )
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    assert "the body's first heading is level 3" in capsys.readouterr().out
    _, body = read_post(tmp_path / "out" / "deep.md")
    assert body.startswith("# Deep\n\n```\n# not a heading\n```\n### Starts deep")


def test_second_source_of_a_field_is_renamed_not_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], build: BuildFn
) -> None:
    source = tmp_path / "twice.md"
    source.write_text(
        "---\ntitle: Twice\ndate: 2024-05-01\ndraft: true\nvisibility: internal\n"
        "summary: Short.\nexcerpt: A longer teaser text.\n---\nBody.\n",
        "utf-8",
    )
    src = tmp_path / "src"
    assert main(["import", str(source), "--to", str(src / "posts")]) == 0
    out = capsys.readouterr().out
    assert "visibility: another key already gives this field; kept as visibility_unmapped" in out
    front, _ = read_post(src / "posts" / "twice.md")
    assert front["visibility"] == "draft"
    assert front["visibility_unmapped"] == "internal"
    assert front["summary"] == "Short."
    assert front["excerpt_unmapped"] == "A longer teaser text."
    assert "excerpt" not in front
    app = build(
        {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"},
        conf_extra='careerblog_baseurl = "https://example.org/"\n',
    )
    assert app.warning.getvalue() == ""
    [post] = get_store(app.env).posts["posts/twice"]
    assert post.fields.visibility == "draft"


def test_windows_markdown_with_bom(tmp_path: Path) -> None:
    source = tmp_path / "win.md"
    text = "---\r\ntitle: Über Windows\r\ntags: [a, b]\r\n---\r\nLine one.\r\n\r\nLine two.\r\n"
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    written = (tmp_path / "out" / "uber-windows.md").read_bytes()
    assert b"\r" not in written
    assert not written.startswith(b"\xef\xbb\xbf")
    front, body = read_post(tmp_path / "out" / "uber-windows.md")
    assert front == {"post": True, "tags": ["a", "b"]}
    assert body == "# Über Windows\n\nLine one.\n\nLine two.\n"


def test_headings_are_found_as_commonmark_reads_them(build: BuildFn, tmp_path: Path) -> None:
    """No title in the front matter: the H1 must be found, and only real headings count
    (not ``#`` lines in fenced or indented code, not a list item over ``---``)."""
    body = (
        "---\ntags: [x]\ndate: 2024-01-02\n---\n"
        "```bash\n# not a heading\n```\n\n"
        "    # indented code, not a heading\n\n"
        "- a list item\n---\n\n"
        "The real title\n==============\n\nText.\n\n## A section ##\n\nMore.\n"
    )
    source = tmp_path / "code.md"
    source.write_text(body, "utf-8")
    src = tmp_path / "src"
    assert main(["import", str(source), "--to", str(src / "posts")]) == 0
    written = (src / "posts" / "the-real-title.md").read_text("utf-8")
    assert "# not a heading" in written and "title:" not in written
    app = build({"index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n"})
    [post] = get_store(app.env).posts["posts/the-real-title"]
    assert post.title == "The real title"
