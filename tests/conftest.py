"""Shared fixtures: real Sphinx builds of small projects written into ``tmp_path``."""

from __future__ import annotations

import multiprocessing
import os
import re
import textwrap
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import additional_nodes, unregister_node

pytest_plugins = ("sphinx.testing.fixtures",)

# sphinx-sitemap starts a multiprocessing Manager in every build. Forked from this
# process after the browser tests started Playwright's threads, that server can
# inherit a held lock and hang; a fresh forkserver child inherits no threads.
# (Sphinx's own -j workers ask for the fork context explicitly and are unaffected.)
multiprocessing.set_start_method("forkserver", force=True)

BASE_CONF = """\
project = "Handbook"
version = "1.0"
copyright = "2026, Tests"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
exclude_patterns = ["_build"]
show_warning_types = True
# feeds need an absolute site URL (without one they are skipped with a warning)
careerblog_baseurl = "https://example.org/"
"""


def write_project(srcdir: Path, files: dict[str, str], conf_extra: str = "") -> Path:
    """Write ``conf.py`` (base + extra) and the given files (dedented) into ``srcdir``."""
    srcdir.mkdir(parents=True, exist_ok=True)
    if "conf.py" not in files:
        (srcdir / "conf.py").write_text(BASE_CONF + textwrap.dedent(conf_extra), "utf-8")
    for name, text in files.items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    return srcdir


BuildFn = Callable[..., Sphinx]


@pytest.fixture
def build(make_app: Callable[..., Sphinx], tmp_path: Path) -> BuildFn:
    """Build a project: ``build(files, conf_extra="", buildername="html", **kwargs)``.

    Returns the app after ``app.build()``. The project lives in ``tmp_path / "src"``
    unless ``srcdir=`` is given (a second call with the same srcdir is incremental).
    """

    previous: list[Sphinx] = []

    def _build(
        files: dict[str, str] | None = None,
        conf_extra: str = "",
        buildername: str = "html",
        srcdir: Path | None = None,
        **kwargs: Any,
    ) -> Sphinx:
        src = srcdir or tmp_path / "src"
        if files is not None:
            write_project(src, files, conf_extra)
        # release docutils registrations of earlier apps (avoids "already registered")
        while previous:
            previous.pop().cleanup()
        forget_node_registrations()
        app = make_app(buildername, srcdir=src, **kwargs)
        previous.append(app)  # cleaned up next time even when this build raises
        app.build()
        return app

    return _build


def _check_no_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Invariant: after all handlers ran, no ``cb_*`` placeholder node is left."""
    leftovers = [
        node.__class__.__name__
        for node in doctree.findall(nodes.Element)
        if node.__class__.__name__ in PLACEHOLDER_NAMES
    ]
    assert not leftovers, f"{docname}: unresolved placeholders {leftovers}"


#: Placeholder node classes that must never reach a writer.
PLACEHOLDER_NAMES = {
    "cb_post_meta",
    "cb_post_list",
    "cb_taxonomy",
    "cb_post_footer",
    "cb_reflection_list",
}


@pytest.fixture(autouse=True)
def _placeholder_invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Sphinx.__init__

    def init(self: Sphinx, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.connect("doctree-resolved", _check_no_placeholders, priority=999)

    monkeypatch.setattr(Sphinx, "__init__", init)


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def forget_node_registrations() -> None:
    """Unregister every node class an app registered with docutils, as
    ``SphinxTestApp.cleanup`` does: an app of an earlier test that never got there
    (its build raised, or it was made outside these fixtures) would otherwise make
    the next app warn that its nodes are "already registered"."""
    for node in list(additional_nodes):
        unregister_node(node)
    additional_nodes.clear()


def build_once(srcdir: Path, files: dict[str, str], conf_extra: str = "") -> tuple[Path, str]:
    """Build a project once with the html builder, for a module's shared fixture:
    its output directory and warnings. The app is cleaned up at once, since the
    other tests' builds register the same nodes again."""
    write_project(srcdir, files, conf_extra)
    forget_node_registrations()
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        return Path(app.outdir), warning_text(app)
    finally:
        app.cleanup()


def warning_text(app: Sphinx) -> str:
    """The build's warnings without colour codes."""
    return _ANSI.sub("", app.warning.getvalue())


def status_text(app: Sphinx) -> str:
    """The build's status output without colour codes, one line per progress step
    (with ``CI`` set, Sphinx draws progress with ``\\r`` and erase codes)."""
    text = _ANSI.sub("", app.status.getvalue())
    return text.replace("\r\n", "\n").replace("\r", "\n")


def edit(path: Path, text: str) -> None:
    """Write ``text`` and move the mtime forward, so Sphinx sees a change even within
    the same second as the previous build."""
    path.write_text(text, "utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long randomized sequences run only when asked for (``-m random_long``)."""
    if "random_long" in (config.option.markexpr or ""):
        return
    kept = [item for item in items if item.get_closest_marker("random_long") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
