"""The checklist scripts: unit tests under ``node --test`` and a ``tsc --checkJs`` pass.

Both need Node.js; TypeScript comes from the root ``package.json`` (``npm ci``).
Locally a missing tool skips; in CI (``CI`` set) it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
STATIC = ROOT / "sphinx_careerblog" / "reflections" / "static"


def _need(path: str | None, what: str) -> str:
    if path and Path(path).exists():
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing (CI installs it: apt nodejs / npm ci)")
    pytest.skip(f"{what} is not installed")


def test_core_unit_tests_pass_under_node() -> None:
    node = _need(shutil.which("node"), "node")
    tests = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests
    result = subprocess.run(
        [node, "--test", *tests], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
    passed = int(result.stdout.split("# pass ")[1].split()[0])
    assert passed >= 18


def test_scripts_type_check() -> None:
    node = _need(shutil.which("node"), "node")
    tsc = _need(str(ROOT / "node_modules" / "typescript" / "bin" / "tsc"), "typescript")
    scripts = sorted(str(path) for path in STATIC.glob("*.js"))
    result = subprocess.run(
        # the libraries come from each script's /// <reference lib> lines
        [node, tsc, "--noEmit", "--allowJs", "--checkJs", "--strict", *scripts],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
