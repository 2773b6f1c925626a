"""``careerblog import`` keeps the author's intent: public is published, private is a draft.

The end-to-end test runs the installed ``careerblog`` script and ``sphinx-build`` as a
new user would, and finds the imported essay on the blog index.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sphinx_careerblog.cli.main import main

PUBLIC_ESSAY = """\
What the on-call week taught me
Categories: operations, public
Nobody warned me how quiet the first night would be.
Questions before your first shift
- Do I know who to call at 3 a.m.?
- Can I find the runbook without searching?
The second night was not quiet.
"""

#: 2025-03-04 12:00 UTC, the day the author last saved the export
SAVED = dt.datetime(2025, 3, 4, 12, 0, tzinfo=dt.UTC).timestamp()


def export(tmp_path: Path, text: str, name: str = "oncall.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    os.utime(path, (SAVED, SAVED))
    return path


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text("utf-8")
    loaded = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def test_public_without_date_is_dated_from_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = export(tmp_path, PUBLIC_ESSAY)
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    written = tmp_path / "out" / "what-the-on-call-week-taught-me.md"
    saved_day = dt.date.fromtimestamp(SAVED)
    assert front_matter(written)["date"] == saved_day
    assert "visibility" not in front_matter(written)
    assert (
        f"dated {saved_day.isoformat()}: marked public with no date, so the file's "
        "modification day is used (--date sets another)"
    ) in out
    assert "draft" not in out


def test_date_option_wins_over_the_file_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = export(tmp_path, PUBLIC_ESSAY)
    status = main(["import", str(source), "--to", str(tmp_path / "out"), "--date", "2024-12-24"])
    assert status == 0
    written = tmp_path / "out" / "what-the-on-call-week-taught-me.md"
    assert front_matter(written)["date"] == dt.date(2024, 12, 24)
    assert "dated 2024-12-24 (from --date)" in capsys.readouterr().out


def test_unmarked_without_date_stays_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = export(tmp_path, PUBLIC_ESSAY.replace(", public", ""))
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    written = tmp_path / "out" / "what-the-on-call-week-taught-me.md"
    assert "date" not in front_matter(written)
    assert "no date: the post is a draft until it has one" in capsys.readouterr().out


def test_private_means_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(tmp_path, PUBLIC_ESSAY.replace("public", "private"))
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    written = tmp_path / "out" / "what-the-on-call-week-taught-me.md"
    assert front_matter(written)["visibility"] == "draft"
    assert "date" not in front_matter(written)  # not published: no date made up


def test_checklist_under_its_heading_is_shown_once(tmp_path: Path) -> None:
    source = export(tmp_path, PUBLIC_ESSAY)
    assert main(["import", str(source), "--to", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "what-the-on-call-week-taught-me.md").read_text("utf-8")
    assert text.count("Questions before your first shift") == 1
    assert "```{reflection} Questions before your first shift" in text
    assert "## Questions" not in text


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        check=False, timeout=300,
    )  # fmt: skip


def test_new_user_imports_a_public_essay_and_finds_it_on_the_blog_index(
    tmp_path: Path,
) -> None:
    script = shutil.which("careerblog", path=str(Path(sys.executable).parent))
    assert script is not None, "the careerblog console script is not installed"
    handbook = tmp_path / "handbook"
    assert _run([script, "quickstart", str(handbook)], tmp_path).returncode == 0
    source = export(tmp_path, PUBLIC_ESSAY)
    done = _run([script, "import", str(source), "--to", str(handbook / "essays")], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "marked public with no date" in done.stdout

    outdir = handbook / "_build" / "html"
    built = _run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(handbook), str(outdir)],
        tmp_path,
    )
    assert built.returncode == 0, built.stderr
    index = BeautifulSoup((outdir / "blog" / "index.html").read_text("utf-8"), "html.parser")
    titles = [link.get_text(strip=True) for link in index.select(".cb-entry-title a")]
    assert "What the on-call week taught me" in titles
    category = (outdir / "blog" / "category" / "operations.html").read_text("utf-8")
    assert "What the on-call week taught me" in category
    essay = BeautifulSoup(
        (outdir / "essays" / "what-the-on-call-week-taught-me.html").read_text("utf-8"),
        "html.parser",
    )
    assert essay.select_one(".cb-draft-banner") is None
    assert len(essay.select(".cb-reflection-item input[type=checkbox]")) == 2
