"""Randomized edit sequences: after every edit, an incremental build equals a clean
build of the same sources, page by page, list by list, sidebar by sidebar, and every
file the extension writes byte for byte.

Each seed gives a sequence of edits (see ``random_site.py``): adding, deleting,
renaming and moving posts; changing their title, date, categories, tags, authors,
visibility, series and summary; adding and removing checklists, postlists, taxonomies
and reflectionlists on posts and ordinary pages; body-only edits; retitling ordinary
pages; changing configuration values the listings read. Some steps build with ``-j 2``.

A failure names the seed and the edits so far. Replay one seed with, for example,
``CAREERBLOG_SEEDS=1234 pytest -m random_long tests/test_random_edits.py``.
The default suite runs a few fixed seeds; ``-m random_long`` (``make test-random``,
run in CI) runs more and longer sequences.
"""

from __future__ import annotations

import difflib
import os
import random
import shutil
from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from sphinx.testing.util import SphinxTestApp

from .conftest import status_text, warning_text
from .random_site import Site, apply, initial_site, random_edit, write_all

#: Files Sphinx itself writes that do not show our output and may legitimately differ
#: between an incremental and a clean build (the search index orders terms by reading
#: order; ``.buildinfo`` (and its ``.bak`` after a config change) and ``objects.inv`` are
#: Sphinx's bookkeeping).
SPHINX_BOOKKEEPING = {"searchindex.js", ".buildinfo", ".buildinfo.bak", "objects.inv"}


def _visible(page: Path) -> str:
    """A page's title, body (every list in it) and sidebars: what readers see of it
    (``pages_helpers.comparable``, with lxml, which is several times faster)."""
    tree = lxml.html.fromstring(page.read_bytes())
    parts = [tree.findtext(".//title") or ""]
    for selector in ("body", "sphinxsidebar"):
        found = tree.find_class(selector)
        parts.append(lxml.html.tostring(found[0], encoding="unicode") if found else "")
    return "\n".join(parts)


def _snapshot(outdir: Path) -> dict[str, str]:
    """What readers see of every page (title, body with every list, sidebars), and every
    feed, catalog and static file of ours, verbatim."""
    result: dict[str, str] = {}
    for path in sorted(outdir.rglob("*")):
        name = path.relative_to(outdir).as_posix()
        if not path.is_file() or name in SPHINX_BOOKKEEPING or name.startswith("_sources/"):
            continue
        if name.startswith("_static/") and not path.name.startswith("careerblog"):
            continue
        if path.suffix == ".html":
            result[name] = _visible(path)
        else:
            result[name] = path.read_text("utf-8", "replace")
    return result


def _build(src: Path, parallel: int = 1) -> tuple[dict[str, str], str]:
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO(),
                        parallel=parallel)  # fmt: skip
    try:
        app.build()
        return _snapshot(Path(app.outdir)), warning_text(app) + status_text(app)
    finally:
        app.cleanup()


def _stale_sphinx_pages(site: Site, extra: set[str]) -> set[str]:
    """Pages left by Sphinx itself for documents that no longer exist (Sphinx never
    deletes the HTML of a removed document); nothing under the blog path."""
    live = {f"{name}.html" for name in (*site.posts, *site.pages)}
    return {name for name in extra if name.endswith(".html") and not name.startswith("blog/")
            and name not in live}  # fmt: skip


def _compare(site: Site, got: dict[str, str], want: dict[str, str]) -> list[str]:
    extra = set(got) - set(want)
    return [
        *(f"{name}: written by the incremental build only"
          for name in sorted(extra - _stale_sphinx_pages(site, extra))),
        *(f"{name}: missing after the incremental build" for name in sorted(set(want) - set(got))),
        *(f"{name}: differs from the clean build"
          for name in sorted(set(want) & set(got)) if got[name] != want[name]),
    ]  # fmt: skip


def _first_difference(got: dict[str, str], want: dict[str, str]) -> list[str]:
    """The start of a diff (clean -> incremental) of the first file that differs."""
    for name in sorted(set(got) & set(want)):
        if got[name] != want[name]:
            diff = difflib.unified_diff(
                want[name].splitlines(), got[name].splitlines(), "clean", "incremental", n=1
            )
            return [f"first difference, in {name}:", *list(diff)[2:14]]
    return []


def run_sequence(seed: int, steps: int, workdir: Path) -> None:
    rng = random.Random(seed)
    site = initial_site(rng)
    src = workdir / "incremental"
    write_all(site, src)
    _build(src)
    history: list[str] = []
    for step in range(1, steps + 1):
        changed, description = random_edit(site, rng)
        parallel = 2 if step % 7 == 0 else 1
        history.append(f"{step:2}. {description}" + (" (-j 2)" if parallel > 1 else ""))
        apply(site, changed, src)
        site = changed
        got, log = _build(src, parallel)
        clean = workdir / f"clean-{step}"
        write_all(site, clean)
        want, _ = _build(clean)
        shutil.rmtree(clean)
        problems = _compare(site, got, want)
        if problems or "Traceback" in log:
            replay = f"CAREERBLOG_SEEDS={seed} CAREERBLOG_STEPS={steps}"
            pytest.fail(
                f"seed {seed}, after step {step}: the incremental build differs from a "
                f"clean build\n  "
                + "\n  ".join(problems[:15] + _first_difference(got, want))
                + "\nedits:\n"
                + "\n".join(history)
                + f"\nreplay: {replay} pytest -m random_long "
                "tests/test_random_edits.py",
                pytrace=False,
            )


#: Fixed seeds for the default suite (kept short: each step is two builds).
DEFAULT_SEEDS = [11, 2026]
DEFAULT_STEPS = 30


@pytest.mark.parametrize("seed", DEFAULT_SEEDS)
def test_random_edit_sequence(seed: int, tmp_path: Path) -> None:
    run_sequence(seed, DEFAULT_STEPS, tmp_path)


def _long_seeds() -> list[int]:
    given = os.environ.get("CAREERBLOG_SEEDS")
    if given:
        return [int(seed) for seed in given.split(",")]
    return [3, 5, 8, 13, 21, 34]


#: A long sequence is 90 builds: on a loaded machine it outlasts the suite's five-minute
#: hang timeout without hanging.
LONG_TIMEOUT_S = 1500


@pytest.mark.random_long
@pytest.mark.timeout(LONG_TIMEOUT_S)
@pytest.mark.parametrize("seed", _long_seeds())
def test_random_edit_sequence_long(seed: int, tmp_path: Path) -> None:
    run_sequence(seed, int(os.environ.get("CAREERBLOG_STEPS", "45")), tmp_path)
