"""A table of bad inputs: each gives one located ``careerblog.<subtype>`` warning,
the build finishes, other posts are unaffected, and ``-W`` turns it into a failure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.warnings import CbWarning

from .conftest import warning_text

GOOD_POST = """
---
post: true
date: 2024-01-10
tags: [steady]
---
# A good post

Nothing wrong here.
"""

INDEX = """
# Home

```{toctree}
good
bad
```
"""


@dataclass
class Case:
    id: str
    source: str
    subtype: str
    line: int
    suffix: str = ".md"
    conf: str = ""


LONG_TITLE = "x" * 10_000

CASES = [
    Case("unparseable-date", "---\npost: true\ndate: someday soon\n---\n# T\n\nText.\n", "date", 3),
    Case("impossible-iso-date", "---\npost: true\ndate: \"2023-02-30\"\n---\n# T\n\nText.\n", "date", 3),
    Case("impossible-human-date", "# T\n\n```{post} Feb 30, 2023\n```\n\nText.\n", "date", 3),
    Case("incomplete-date", "---\npost: true\ndate: March 2023\n---\n# T\n\nText.\n", "date", 3),
    Case("bad-updated", "---\npost: true\ndate: 2023-01-01\nupdated: later\n---\n# T\n", "date", 4),
    # the value's line breaks are shown escaped: the warning stays one located line
    Case("multiline-updated", "---\npost: true\ndate: 2023-01-01\nupdated: \"soon\\nor # later\"\n---\n# T\n", "date", 4),
    Case("bad-update-directive", "# T\n\n```{post} 2023-01-01\n```\n\n```{update} tomorrow\nFix.\n```\n", "date", 6),
    Case("unknown-visibility", "---\npost: true\ndate: 2023-01-01\nvisibility: secret\n---\n# T\n", "visibility", 4),
    Case("list-for-text", "---\npost: true\ndate: 2023-01-01\nseries: [a, b]\n---\n# T\n", "field", 4),
    Case("bool-for-text", "---\npost: true\ndate: 2023-01-01\nsummary: true\n---\n# T\n", "field", 4),
    Case("mapping-for-list", "---\npost: true\ndate: 2023-01-01\ntags: {a: 1}\n---\n# T\n", "field", 4),
    Case("json-garbage", "---\npost: true\ndate: 2023-01-01\ntags: '[\"a\", \"b'\n---\n# T\n", "front_matter", 4),
    Case("empty-category", "---\npost: true\ndate: 2023-01-01\ncategories: ''\n---\n# T\n", "field", 4),
    Case("empty-tag-entry", "---\npost: true\ndate: 2023-01-01\ntags: a,,b\n---\n# T\n", "field", 4),
    Case("excerpt-not-number", "---\npost: true\ndate: 2023-01-01\nexcerpt: many\n---\n# T\n", "field", 4),
    Case("image-out-of-range", "---\npost: true\ndate: 2023-01-01\nimage: 3\n---\n# T\n\nNo images.\n", "field", 1),
    Case("huge-title-field", f"---\npost: true\ndate: 2023-01-01\ntitle: {LONG_TITLE}\n---\n# T\n", "field", 1),
    Case("huge-heading", f"---\npost: true\ndate: 2023-01-01\n---\n# {LONG_TITLE}\n\nText.\n", "field", 1),
    Case("conflicting-values", "---\npost: true\ndate: 2023-01-01\n---\n# T\n\n```{post} 2023-05-05\n```\n", "conflict", 7),
    Case("argument-and-option", "# T\n\n```{post} 2023-05-05\n:date: 2023-06-06\n```\n", "conflict", 3),
    Case("two-posts-one-section", "# T\n\n```{post} 2023-05-05\n```\n\n```{post} 2023-05-06\n```\n", "duplicate_post", 6),
    Case("unknown-option-myst", "# T\n\n```{post} 2023-05-05\n:colour: blue\n```\n", "unknown_option", 3),
    Case("unknown-option-rst", "T\n=\n\n.. post:: 2023-05-05\n   :colour: blue\n", "unknown_option", 4, ".rst"),
    Case("bad-date-rst-docinfo", ":blogpost: true\n:date: not a date\n\nT\n=\n\nText.\n", "date", 2, ".rst"),
    Case("unknown-author-strict", "---\npost: true\ndate: 2023-01-01\nauthor: nobody\n---\n# T\n", "taxonomy", 1,
         conf="careerblog_strict_taxonomy = True\ncareerblog_authors = {'ann': {'name': 'Ann'}}\n"),
    Case("unknown-category-strict", "# T\n\n```{post} 2023-05-05\n:category: Nowhere\n```\n", "taxonomy", 3,
         conf="careerblog_strict_taxonomy = True\n"),
]  # fmt: skip


def _project(case: Case) -> dict[str, str]:
    return {"index.md": INDEX, "good.md": GOOD_POST, f"bad{case.suffix}": case.source}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_a_located_warning(build, case: Case) -> None:
    app = build(_project(case), conf_extra=case.conf)
    warnings = warning_text(app)
    assert app.statuscode == 0
    assert "Traceback" not in warnings
    ours = [line for line in warnings.splitlines() if "[careerblog." in line]
    assert ours, warnings
    expected = re.compile(
        rf"bad{re.escape(case.suffix)}:{case.line}: WARNING: .+ \[careerblog\.{case.subtype}\]$"
    )
    assert any(expected.search(line) for line in ours), ours
    # the good post is unaffected, and the bad page is still written
    [good] = get_store(app.env).posts["good"]
    assert good.fields.tags == ("steady",)
    assert (app.outdir / "good.html").exists()
    assert (app.outdir / "bad.html").exists()


@pytest.mark.parametrize("case", CASES[:3] + CASES[-3:], ids=lambda case: case.id)
def test_fail_on_warning_turns_it_into_a_failure(build, tmp_path, case: Case) -> None:
    try:
        app = build(_project(case), conf_extra=case.conf, warningiserror=True)
    except Exception as exc:  # Sphinx < 8.1 raises on the first warning
        assert "careerblog" in str(exc)
    else:
        assert app.statuscode != 0


def test_every_subtype_is_documented() -> None:
    reference = (Path(__file__).parents[1] / "docs/reference/warnings.md").read_text("utf-8")
    for kind in CbWarning:
        assert f"careerblog.{kind.subtype}" in reference, kind
