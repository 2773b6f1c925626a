"""Reproducible output: two clean builds of the same sources, in different directories,
at different times and with different file dates, with ``SOURCE_DATE_EPOCH`` set, give
byte-identical extension output (generated pages, feeds, ``posts.json``, our static
files)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from .conftest import write_project
from .listing_helpers import AUTHORS_CONF, POSTS
from .pages_helpers import SIDEBARS_CONF

INDEX = """\
# Home

```{postlist}
:format: cards
```

```{taxonomy}
:kind: tags
:counts:
```

```{reflectionlist}
```

```{toctree}
:glob:

*
```
"""
CHECKLIST_PAGE = """\
# Practice

:::{reflection} Before you ship
:category: habits

- Could someone else run this?
- Is the changelog written for a reader?
:::
"""


def _project(src: Path, file_time: float) -> Path:
    files = {"index.md": INDEX, "practice.md": CHECKLIST_PAGE, **POSTS}
    write_project(src, files, AUTHORS_CONF + SIDEBARS_CONF + "careerblog_posts_per_page = 2\n")
    for path in src.rglob("*"):
        os.utime(path, (file_time, file_time))
    return src


def _extension_output(outdir: Path) -> dict[str, bytes]:
    ours = [path for path in (outdir / "blog").rglob("*") if path.is_file()]
    ours += sorted((outdir / "_static").glob("careerblog*"))
    ours += [path for path in outdir.rglob("*.json") if "_static" not in path.parts]
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(set(ours))}


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_two_clean_builds_are_byte_identical(make_app, tmp_path, monkeypatch, buildername) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    first_src = _project(tmp_path / "one" / "site", file_time=1_700_000_000)
    first = make_app(buildername, srcdir=first_src)
    first.build()
    want = _extension_output(Path(first.outdir))
    first.cleanup()

    time.sleep(1.1)  # a different wall-clock second
    second_src = _project(tmp_path / "elsewhere" / "deeper" / "copy", file_time=1_750_000_000)
    second = make_app(buildername, srcdir=second_src)
    second.build()
    got = _extension_output(Path(second.outdir))

    assert any(name.endswith(".xml") for name in want)
    assert "blog/posts.json" in want
    assert any(name.startswith("_static/careerblog") for name in want)
    assert sorted(got) == sorted(want)
    different = [name for name in want if got[name] != want[name]]
    assert different == []
    # no absolute path of either source tree leaks into the output
    for name, data in got.items():
        assert str(tmp_path).encode() not in data, name
