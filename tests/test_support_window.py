"""The support window is stated once and tested at both ends.

pyproject.toml states it, the dependencies reference page repeats it, and
``make test-matrix`` (which CI runs) pins the oldest end to the floors pyproject
states. Whichever virtualenv runs this suite, what it runs on is inside the window.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text("utf-8")

#: package -> (the floor pyproject states, the oldest pin of ``make test-oldest``)
FLOORS = {
    "sphinx": (">=7.4", "sphinx==7.4.*"),
    "myst-parser": (">=4", "myst-parser==4.0.*"),
    "docutils": (">=0.20", "docutils==0.20.*"),
    "sphinx-design": (">=0.6", "sphinx-design==0.6.0"),
}


def _requirements() -> dict[str, Requirement]:
    found = (Requirement(text) for text in PYPROJECT["project"]["dependencies"])
    return {requirement.name: requirement for requirement in found}


def _make_variable(name: str) -> list[str]:
    match = re.search(rf"^{name}\s*=\s*(.+)$", MAKEFILE, re.MULTILINE)
    assert match, name
    return re.findall(r"'([^']+)'", match.group(1))


def test_pyproject_states_the_window() -> None:
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    requirements = _requirements()
    assert str(requirements["sphinx"].specifier) == "<10,>=7.4"
    assert str(requirements["myst-parser"].specifier) == "<6,>=4"
    for name, (floor, _pin) in FLOORS.items():
        assert floor in str(requirements[name].specifier), name


def test_the_matrix_pins_the_floors_and_ci_runs_it() -> None:
    assert _make_variable("PINS_oldest") == [pin for _floor, pin in FLOORS.values()]
    newest = _make_variable("PINS_newest")
    assert newest == ["sphinx>=9,<10", "myst-parser>=5,<6", "docutils>=0.22", "sphinx-design>=0.8"]
    assert re.search(r"^MATRIX = oldest newest$", MAKEFILE, re.MULTILINE)
    assert "test-matrix: $(addprefix test-,$(MATRIX))" in MAKEFILE
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test-matrix$", ci, re.MULTILINE)


def test_the_docs_state_the_same_window() -> None:
    page = (ROOT / "docs" / "reference" / "dependencies.md").read_text("utf-8")
    for line in (
        "| Python | 3.11 and later | 3.11 | 3.11 |",
        "| Sphinx | 7.4, 8.x, 9.x | 7.4 | 9.x |",
        "| MyST-Parser | 4 and 5 | 4.0 | 5.x |",
        "| sphinx-design | 0.6 and later | 0.6.0 | 0.8 and later |",
    ):
        assert line in page
    assert "make test-matrix" in page


def test_this_run_is_inside_the_window() -> None:
    assert sys.version_info >= (3, 11)
    for name, requirement in _requirements().items():
        if name in FLOORS:
            installed = Version(version(name))
            assert requirement.specifier.contains(installed), (name, installed)
