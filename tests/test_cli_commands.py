"""The ``careerblog`` command: quickstart, new, import; help, errors, the installed script."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_careerblog import __version__
from sphinx_careerblog.cli.main import build_parser, main
from sphinx_careerblog.data.store import get_store

from .conftest import BuildFn, status_text

MakeApp = Callable[..., SphinxTestApp]

DATA = Path(__file__).parent / "data" / "import"


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


# -- help and usage ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["quickstart"], ["new"], ["import"]])
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: careerblog")
    for flag in {
        "quickstart": ["--force", "--title", "--author", "--baseurl"],
        "new": ["--category", "--tag", "--author", "--series", "--dir", "--date"],
        "import": ["--to", "--format", "--force", "--date"],
    }.get(command[0] if command else "", ["quickstart", "new", "import", "--version"]):
        assert flag in out


def test_no_command_and_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: careerblog" in capsys.readouterr().err
    assert main(["new", "T", "--date", "15/04/2024"]) == 2
    err = capsys.readouterr().err
    assert "'15/04/2024' is not a date in the form YYYY-MM-DD" in err
    assert main(["import", "x.txt", "--format", "docx"]) == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"careerblog {__version__}"


def test_reference_documents_every_command_and_flag() -> None:
    reference = (Path(__file__).parents[1] / "docs" / "reference" / "cli.md").read_text("utf-8")
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    missing = []
    for name, sub in commands.choices.items():
        if f"## `careerblog {name}`" not in reference:
            missing.append(name)
        for action in sub._actions:
            missing.extend(
                f"{name} {flag}"
                for flag in action.option_strings
                if flag.startswith("--") and flag != "--help" and f"`{flag}" not in reference
            )
            if not action.option_strings and f"`{action.metavar}" not in reference:
                missing.append(f"{name} {action.metavar}")
    assert not missing


# -- quickstart ----------------------------------------------------------------------


def test_quickstart_builds_with_no_warnings(
    make_app: MakeApp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "handbook"
    title, author = 'Ops & "Growth" <notes>', "Zoë O'Neil"
    assert main(["quickstart", str(target), "--title", title, "--author", author]) == 0
    out = capsys.readouterr().out
    assert f"wrote {target / 'conf.py'}" in out
    assert "sphinx-build -W" in out

    app = make_app("html", srcdir=target)
    app.build()
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    assert app.config.project == title
    assert app.config.careerblog_authors == {"zoe-o-neil": {"name": author}}
    [post] = get_store(app.env).posts["essays/the-afternoon-i-did-not-ask-for-help"]
    assert post.fields.authors == ("zoe-o-neil",)
    assert post.fields.date is not None
    assert post.fields.date.date() == dt.date.today()

    index = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    heading = index.select_one("h1").get_text(strip=True).rstrip("¶#")
    assert heading.replace("“", '"').replace("”", '"') == title  # Sphinx's smart quotes
    landing = BeautifulSoup((app.outdir / "essays" / "index.html").read_text("utf-8"),
                            "html.parser")  # fmt: skip
    postlist = landing.select_one(".cb-postlist")
    assert postlist is not None
    assert postlist.select(".sd-card")  # the cards format
    assert "The afternoon I did not ask for help" in postlist.get_text()
    assert landing.select(".cb-taxonomy a")
    essay = BeautifulSoup(
        (app.outdir / "essays" / "the-afternoon-i-did-not-ask-for-help.html").read_text("utf-8"),
        "html.parser",
    )
    [checklist] = essay.select(".cb-reflection")
    assert len(checklist.select(".cb-reflection-item input[type=checkbox]")) == 4


def test_quickstart_then_new_post_then_rebuild(build: BuildFn, tmp_path: Path) -> None:
    """The documented workflow: quickstart, build, ``new`` into essays/, build again."""
    target = tmp_path / "handbook"
    assert main(["quickstart", str(target)]) == 0
    assert build(srcdir=target).warning.getvalue() == ""
    assert main(["new", "Second essay", "--dir", str(target / "essays"),
                 "--category", "Career growth", "--date", "2020-01-01"]) == 0  # fmt: skip
    app = build(srcdir=target)  # incremental: the new page is read, listings rewritten
    assert app.warning.getvalue() == ""
    assert "1 added" in status_text(app)
    landing = BeautifulSoup((app.outdir / "essays" / "index.html").read_text("utf-8"),
                            "html.parser")  # fmt: skip
    titles = [card.get_text(" ", strip=True) for card in landing.select(".cb-postlist .sd-card")]
    assert len(titles) == 2
    assert titles[0].startswith("The afternoon I did not ask for help")  # newest first
    assert titles[1].startswith("Second essay")


def test_quickstart_with_baseurl(make_app: MakeApp, tmp_path: Path) -> None:
    target = tmp_path / "site"
    assert main(["quickstart", str(target), "--baseurl", "https://handbook.example.org/"]) == 0
    app = make_app("html", srcdir=target)
    app.build()
    assert app.warning.getvalue() == ""
    assert app.config.careerblog_baseurl == "https://handbook.example.org/"


def test_quickstart_refuses_a_non_empty_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", "utf-8")
    assert main(["quickstart", str(target)]) == 1
    err = capsys.readouterr().err
    assert "is not empty (use --force" in err
    assert not (target / "conf.py").exists()

    assert main(["quickstart", str(target), "--force"]) == 0
    assert (target / "conf.py").is_file()
    assert (target / "notes.txt").read_text("utf-8") == "keep me"  # left alone

    (tmp_path / "file").write_text("x", "utf-8")
    assert main(["quickstart", str(tmp_path / "file")]) == 1
    assert "is not a directory" in capsys.readouterr().err


def test_quickstart_into_an_empty_git_directory(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    (target / ".git").mkdir(parents=True)
    assert main(["quickstart", str(target)]) == 0


# -- new -------------------------------------------------------------------------------


def test_new_post(build: BuildFn, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "src" / "essays"
    status = main([
        "new", "Mentoring: what “good” looks like & why <it> matters",
        "--category", "Career growth", "--category", "mentoring",
        "--tag", "1:1s", "--author", "mara", "--series", "Mentoring basics",
        "--dir", str(posts), "--date", "2024-04-15",
    ])  # fmt: skip
    assert status == 0
    path = posts / "mentoring-what-good-looks-like-why-it-matters.md"
    assert capsys.readouterr().out.strip() == str(path)
    assert front_matter(path) == {
        "post": True,
        "date": dt.date(2024, 4, 15),
        "author": "mara",
        "categories": ["Career growth", "mentoring"],
        "tags": ["1:1s"],
        "series": "Mentoring basics",
    }

    # refuses to overwrite
    before = path.read_text("utf-8")
    assert main(["new", "Mentoring: what “good” looks like & why <it> matters",
                 "--dir", str(posts)]) == 1  # fmt: skip
    assert "already exists" in capsys.readouterr().err
    assert path.read_text("utf-8") == before

    app = build(
        {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n"},
        conf_extra='careerblog_baseurl = "https://example.org/"\n',
    )
    assert app.warning.getvalue() == ""
    [post] = get_store(app.env).posts["essays/mentoring-what-good-looks-like-why-it-matters"]
    assert post.title == "Mentoring: what “good” looks like & why <it> matters"
    assert post.fields.series == "Mentoring basics"
    html = app.outdir / "essays" / "mentoring-what-good-looks-like-why-it-matters.html"
    assert "&lt;it&gt;" in html.read_text("utf-8")


def test_new_post_defaults_to_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "A quick note"]) == 0
    assert front_matter(tmp_path / "a-quick-note.md") == {"post": True, "date": dt.date.today()}


def test_new_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "   ", "--dir", str(tmp_path)]) == 1
    assert "the title is empty" in capsys.readouterr().err
    (tmp_path / "plain").write_text("", "utf-8")
    assert main(["new", "Title", "--dir", str(tmp_path / "plain")]) == 1
    err = capsys.readouterr().err
    assert "is not a directory" in err
    assert "Traceback" not in err


# -- import: overwriting, reporting ------------------------------------------------------------


def test_import_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = DATA / "short-draft.txt"
    out_dir = tmp_path / "out"
    assert main(["import", str(source), "--to", str(out_dir)]) == 0
    written = out_dir / "notes-to-self-about-saying-no.md"
    written.write_text("edited by hand", "utf-8")
    capsys.readouterr()

    assert main(["import", str(source), "--to", str(out_dir)]) == 1
    captured = capsys.readouterr()
    assert f"skipped {source}: {written} already exists (use --force" in captured.err
    assert written.read_text("utf-8") == "edited by hand"

    assert main(["import", str(source), "--to", str(out_dir), "--force"]) == 0
    assert written.read_text("utf-8").startswith("---\npost: true\n")


def test_import_same_slug_twice_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Same title\nBody line.\n", "utf-8")
    status = main(["import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--to",
                   str(tmp_path / "out"), "--force"])  # fmt: skip
    captured = capsys.readouterr()
    assert status == 1
    assert "[1/2] wrote" in captured.out
    assert "[2/2] skipped" in captured.err
    assert "was already written from" in captured.err
    assert "imported 1 of 2 files, skipped 1" in captured.out


def test_import_refuses_to_overwrite_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "same-name.md"
    source.write_text("# Same name\n\nText.\n", "utf-8")
    assert main(["import", str(source), "--to", str(tmp_path), "--force"]) == 1
    assert "is one of the input files" in capsys.readouterr().err
    assert source.read_text("utf-8") == "# Same name\n\nText.\n"


def test_import_rst_and_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rst = tmp_path / "post.rst"
    rst.write_text("Title\n=====\n", "utf-8")
    assert main(["import", str(rst), "--to", str(tmp_path / "out")]) == 1
    assert "reStructuredText" in capsys.readouterr().err
    assert main(["import", str(DATA / "short-draft.txt"), "--to", str(rst)]) == 1
    assert "is not a directory" in capsys.readouterr().err


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Title\nBody.\n", "utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        original = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["import", str(locked), "--to", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"skipped {locked}: cannot be read (permission denied)" in err
    locked.chmod(0o644)


# -- the installed script ----------------------------------------------------------------------


def test_installed_script(tmp_path: Path) -> None:
    script = shutil.which("careerblog", path=str(Path(sys.executable).parent))
    assert script is not None, "the careerblog console script is not installed"
    done = subprocess.run(
        [script, "import", str(DATA / "staff-engineer-scope.txt"), str(tmp_path / "nope.txt"),
         "--to", str(tmp_path / "out")],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "[1/2] wrote" in done.stdout
    assert "nope.txt: no such file" in done.stderr
    assert "Traceback" not in done.stderr
    assert (
        tmp_path / "out" / "the-jump-to-staff-engineer-is-mostly-about-scope-not-skill.md"
    ).is_file()


# -- speed -----------------------------------------------------------------------------


MARKDOWN_TEMPLATE = """\
---
title: "Essay {number}: notes on “growth”"
date: 2024-03-{day:02d}T10:00:00+01:00
categories: [career, growth]
tags: engineering teamwork
author: mara
draft: {draft}
layout: post
---
Opening paragraph of essay {number}.

## A section

- a point
- another point
"""


def test_import_a_thousand_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Timing is printed, not asserted: ``pytest -s -k thousand`` shows it."""
    sources = tmp_path / "in"
    sources.mkdir()
    texts = [
        path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n", 1)[1]
        for path in sorted(DATA.glob("*.txt"))
    ]
    files = []
    for number in range(1000):
        if number % 2:
            path = sources / f"essay-{number:04d}.md"
            path.write_text(MARKDOWN_TEMPLATE.format(number=number, day=number % 28 + 1,
                                                     draft=str(number % 3 == 0).lower()),
                            "utf-8")  # fmt: skip
        else:
            path = sources / f"essay-{number:04d}.txt"
            path.write_text(f"Essay {number} 🧭\n{texts[number % len(texts)]}", "utf-8")
        files.append(str(path))
    start = time.perf_counter()
    status = main(["import", *files, "--to", str(tmp_path / "out")])
    elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    with capsys.disabled():
        print(f"\n[careerblog import] 1000 files in {elapsed:.2f} s")
    assert status == 0, captured.err
    assert captured.err == ""
    assert len(list((tmp_path / "out").iterdir())) == 1000
    assert captured.out.count("] wrote ") == 1000
    assert "[1000/1000] wrote" in captured.out
    assert captured.out.rstrip().endswith("imported 1000 of 1000 files")
    assert front_matter(tmp_path / "out" / "essay-1-notes-on-growth.md")["tags"] == [
        "engineering",
        "teamwork",
    ]


def test_reference_example_of_new_is_current(tmp_path: Path) -> None:
    """docs/reference/cli.md shows docs/snippets/new-post.md as this command's output."""
    status = main(["new", "Saying no, kindly", "--category", "Career growth", "--tag",
                   "boundaries", "--author", "mara", "--date", "2026-03-02",
                   "--dir", str(tmp_path)])  # fmt: skip
    assert status == 0
    snippet = Path(__file__).parents[1] / "docs" / "snippets" / "new-post.md"
    assert (tmp_path / "saying-no-kindly.md").read_text("utf-8") == snippet.read_text("utf-8")
