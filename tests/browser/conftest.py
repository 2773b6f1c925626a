"""Browser fixtures: Debian's Chromium through Playwright, and a built site on 127.0.0.1.

One browser per session (pytest-playwright's session-scoped ``browser``); every
test gets a fresh context, so localStorage starts empty. Locally a missing
Chromium skips these tests; in CI (``CI`` set) it fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .serving import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

CONF = """\
project = "Browser checks"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
careerblog_baseurl = "https://example.org/"
careerblog_competencies = {
    "depth": {"title": "Depth", "description": "Knowing why things work."},
    "communication": {"title": "Communication"},
    "mentorship": {"title": "Mentorship"},
}
careerblog_levels = ["mid", "senior"]
"""

PAGES = {
    "index.md": """\
        # Browser checks

        ```{toctree}
        essay-a
        essay-b
        edit
        dashboard
        growth
        ```
        """,
    "essay-a.md": """\
        ---
        post: true
        date: 2026-01-01
        ---
        # Essay A

        :::{reflection} Looking back
        :notes:
        :competency: depth, communication
        :level: senior
        :revisit: 30

        Take a minute.

        - Do you understand *why* you built it that way?
        - Could you explain it to a newcomer?
        - Would you choose the same tools again?
        :::
        """,
    "essay-b.md": """\
        # Essay B

        :::{reflection} Looking back
        :competency: depth, mentorship
        :level: mid

        - Do you understand *why* you built it that way?
        - Did you ask for feedback?
        :::
        """,
    "edit.md": """\
        # Edited later

        :::{reflection} Revisions
        - This prompt will be reworded.
        - This prompt stays as it is.
        :::
        """,
    "dashboard.md": """\
        # Your reflections

        ```{reflectionlist}
        :format: summary
        ```

        ## Every prompt

        ```{reflectionlist}
        ```
        """,
    "growth.md": """\
        # My growth

        ```{growthmap}
        ```
        """,
}


class Site:
    """A small handbook built with sphinx-build; ``rebuild`` after editing ``src``."""

    def __init__(self, root: Path) -> None:
        self.src = root / "src"
        self.out = root / "html"
        self.src.mkdir(parents=True)
        (self.src / "conf.py").write_text(CONF, "utf-8")
        for name, text in PAGES.items():
            (self.src / name).write_text(textwrap.dedent(text), "utf-8")
        self.rebuild()

    def rebuild(self) -> None:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-W",
                "-b",
                "html",
                str(self.src),
                str(self.out),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium missing: apt-get install --no-install-recommends chromium")
        pytest.skip("Debian chromium is not installed")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("checklist-site"))


@pytest.fixture(scope="session")
def site_url(site: Site) -> Iterator[str]:
    with serve(site.out) as url:
        yield url
