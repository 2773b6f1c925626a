"""Small versions of the limit projects (``benchmarks/limits.py``): each builds without a
warning or a traceback. The benchmark measures the full sizes and how time and memory
grow; this only keeps the projects building."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.limits import CONF, INDEX, LIMITS

from .conftest import warning_text

#: Sizes that build in a few seconds: what grows with the input stays the same code path.
SMOKE_SIZES = {"tags": 300, "essay": 100_000, "category": 40, "checklists": 200, "nesting": 40}
#: The one warning a deep list in a prompt gives, by design (see the reflection reference).
NESTED_WARNING = "a prompt holds a nested list; it is kept as part of that prompt"


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.name)
def test_limit_project_builds_cleanly(build, tmp_path: Path, limit) -> None:
    files = {"conf.py": CONF, "index.md": INDEX, **limit.make(SMOKE_SIZES[limit.name])}
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
