"""Small versions of the limit projects (``benchmarks/limits.py``): each builds without a
warning or a traceback. The benchmark measures the full sizes and how time and memory
grow; this only keeps the projects building."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.limits import CONF, INDEX, LIMITS, Row, _table
from benchmarks.run import Build

from .conftest import warning_text

#: Sizes that build in a few seconds: what grows with the input stays the same code path.
SMOKE_SIZES = {"tags": 300, "essay": 100_000, "category": 40, "checklists": 200, "nesting": 40}
#: The one warning a deep list in a prompt gives, by design (see the reflection reference).
NESTED_WARNING = "a prompt holds a nested list; it is kept as part of that prompt"


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.name)
def test_limit_project_builds_cleanly(build, tmp_path: Path, limit) -> None:
    conf = CONF + "\nshow_warning_types = True\n"  # Sphinx 7's default is off
    files = {"conf.py": conf, "index.md": INDEX, **limit.make(SMOKE_SIZES[limit.name])}
    app = build(files)
    assert app.statuscode == 0
    warnings = warning_text(app).splitlines()
    if limit.name == "nesting":
        assert len(warnings) == 1 and NESTED_WARNING in warnings[0], warnings
        assert warnings[0].endswith("[careerblog.checklist]")
    else:
        assert warnings == []
    assert "Traceback" not in app.status.getvalue()
    out = Path(app.outdir)
    assert (out / "blog" / "index.html").exists()
    if limit.name == "tags":
        assert len(list((out / "blog" / "tag").glob("*.html"))) == SMOKE_SIZES["tags"]
    if limit.name == "checklists":
        listed = (out / "pages" / "all.html").read_text("utf-8")
        assert listed.count("cb-reflectionlist-entry") >= 200
    if limit.name == "nesting":
        page = (out / "posts" / "deep.html").read_text("utf-8")
        assert "level 39" in page


def _build_figures(cpu: float, rss_mb: float) -> Build:
    return Build(wall=cpu, cpu=cpu, rss_mb=rss_mb, returncode=0, read=0, written_docs=0,
                 written_other=0, written_names=[], output_mb=0.0, warnings=0)  # fmt: skip


def test_limits_table_gives_per_item_cost_and_its_ratio_between_sizes() -> None:
    """The benchmark's table: CPU and memory above the empty project, per item, and
    the per-item CPU at full size over that at half size (1 = linear, 2 = quadratic)."""
    category = next(limit for limit in LIMITS if limit.name == "category")
    rows = [
        Row(category, 0, _build_figures(2.0, 70)),
        Row(category, 1000, _build_figures(12.0, 90)),
        Row(category, 2000, _build_figures(42.0, 110)),  # 40 s for 2x the posts: quadratic
        Row(category, 0, _build_figures(1.0, 60), plain=True),
        Row(category, 1000, _build_figures(6.0, 70), plain=True),
        Row(category, 2000, _build_figures(11.0, 80), plain=True),
    ]
    cells = [[cell.strip() for cell in line.split("|")[1:-1]] for line in _table(rows)[2:]]
    assert [(c[0], c[1], c[4], c[5], c[6], c[8], c[9]) for c in cells] == [
        ("category", "0 posts", "0.0", "", "", "0", ""),
        ("category", "1,000 posts", "10.0", "10", "", "20", "20.5"),
        ("category", "2,000 posts", "40.0", "20", "2.00", "40", "20.5"),
        ("category, Sphinx+MyST only", "0 posts", "0.0", "", "", "0", ""),
        ("category, Sphinx+MyST only", "1,000 posts", "5.0", "5", "", "10", "10.2"),
        ("category, Sphinx+MyST only", "2,000 posts", "10.0", "5", "1.00", "20", "10.2"),
    ]
