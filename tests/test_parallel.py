"""``-j 2`` gives the same store and the same output as ``-j 1``."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.site.parallel_writing import MIN_PAGES, writes_in_parallel

from .conftest import warning_text, write_project

N_POSTS = 12


def _project() -> dict[str, str]:
    files = {
        "index.md": "# Home\n\n```{toctree}\n:glob:\n\nposts/*\n```\n",
    }
    for number in range(N_POSTS):
        files[f"posts/p{number:02d}.md"] = (
            f"---\npost: true\ndate: 2023-{number % 12 + 1:02d}-{number % 27 + 1:02d}\n"
            f"tags: [t{number % 3}, shared]\ncategory: C{number % 2}\n"
            f"author: Writer {number % 4}\n---\n"
            f"# Post {number} <&>\n\nSummary of post {number}.\n\n"
            f"## Section {number}\n\n```{{post}} 2022-01-{number % 27 + 1:02d}\n:tags: sec\n```\n\n"
            f"Section body {number}.\n"
        )
    return files


def _outputs(outdir: Path) -> dict[str, str]:
    result = {}
    for path in sorted(outdir.rglob("*.html")):
        text = path.read_text("utf-8")
        # the search index and build info differ by design; compare page bodies
        body = re.search(
            r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', text, re.S
        )
        result[str(path.relative_to(outdir))] = body.group(1) if body else text
    return result


def test_parallel_build_equals_serial(make_app, tmp_path) -> None:
    serial_src = write_project(tmp_path / "serial", _project())
    parallel_src = write_project(tmp_path / "parallel", _project())
    serial = make_app("html", srcdir=serial_src, parallel=1)
    serial.build()
    serial.cleanup()
    parallel = make_app("html", srcdir=parallel_src, parallel=2)
    parallel.build()
    assert warning_text(serial) == warning_text(parallel) == ""
    assert parallel.parallel == 2 and parallel.is_parallel_allowed("read")

    serial_store = get_store(serial.env)
    parallel_store = get_store(parallel.env)
    assert len(list(serial_store.iter_posts())) == 2 * N_POSTS
    assert serial_store.posts == parallel_store.posts
    assert serial_store.checklists == parallel_store.checklists
    assert serial_store.listing_docs == parallel_store.listing_docs
    assert serial_store.fingerprint == parallel_store.fingerprint
    assert _outputs(serial.outdir) == _outputs(parallel.outdir)
    # the generated pages were shared out among workers (site/parallel_writing.py)
    generated = [name for name in _outputs(parallel.outdir) if name.startswith("blog/")]
    assert len(generated) >= MIN_PAGES
    assert writes_in_parallel(parallel, len(generated))
    assert not writes_in_parallel(serial, len(generated))
