"""``careerblog new`` reads the project's ``conf.py``: under strict taxonomy an
undeclared category, tag or author is reported at once, with the close declared one."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_careerblog.cli.main import main

from .conftest import BuildFn, warning_text

STRICT = """
careerblog_strict_taxonomy = True
careerblog_categories = {
    "career-growth": {"title": "Career growth"},
    "leadership": {"title": "Leadership"},
}
careerblog_tags = {"mentoring": {"title": "Mentoring"}}
"""

INDEX = {"index.md": "# Home\n\n```{toctree}\n:glob:\n\nessays/*\n```\n"}


def test_undeclared_category_names_the_close_declared_one(
    build: BuildFn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    build(INDEX, conf_extra=STRICT)  # writes conf.py; the handbook builds as it is
    status = main(["new", "Growing sideways", "--dir", str(src / "essays"),
                   "--category", "Carreer Growth", "--tag", "mentorship", "--date",
                   "2024-05-01"])  # fmt: skip
    assert status == 0  # a warning, not an error: the post is written
    captured = capsys.readouterr()
    assert (src / "essays" / "growing-sideways.md").is_file()
    err = captured.err
    assert (
        "careerblog new: warning: category 'Carreer Growth' is not declared in "
        f"careerblog_categories ({src / 'conf.py'}); did you mean 'career-growth' "
        "(Career growth)?"
    ) in err
    assert "tag 'mentorship' is not declared in careerblog_tags" in err
    assert "did you mean 'mentoring' (Mentoring)?" in err

    # the build says the same thing about the post
    app = build(srcdir=src)
    warnings = warning_text(app)
    assert "category 'Carreer Growth' is not declared" in warnings
    assert "[careerblog.taxonomy]" in warnings


def test_declared_terms_and_far_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "handbook"
    project.mkdir()
    (project / "conf.py").write_text(STRICT, "utf-8")
    essays = project / "essays"
    assert main(["new", "One", "--dir", str(essays), "--category", "Career growth,leadership",
                 "--tag", "mentoring"]) == 0  # fmt: skip
    assert capsys.readouterr().err == ""  # declared (by title or slug): nothing to say
    assert main(["new", "Two", "--dir", str(essays), "--category", "Kubernetes"]) == 0
    err = capsys.readouterr().err
    assert "category 'Kubernetes' is not declared" in err
    assert "did you mean" not in err  # nothing close


def test_without_strict_taxonomy_or_conf_py_nothing_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "conf.py").write_text(STRICT.replace("True", "False"), "utf-8")
    assert main(["new", "One", "--dir", str(loose), "--category", "Carreer growth"]) == 0
    assert main(["new", "Two", "--dir", str(tmp_path / "nowhere"), "--category", "X"]) == 0
    assert capsys.readouterr().err == ""


def test_broken_conf_py_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "conf.py").write_text("careerblog_strict_taxonomy = (\n", "utf-8")
    assert main(["new", "One", "--dir", str(tmp_path), "--category", "x"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("careerblog new: warning: could not read ")
    assert "Traceback" not in err
