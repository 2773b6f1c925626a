"""The reference documents every configuration value, metadata field, directive and its
options (with a rendered example), role, warning and template, so it cannot drift."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import pytest
from docutils.parsers.rst import Directive

from sphinx_careerblog.ablog.settings import SETTINGS
from sphinx_careerblog.config import CONFIG_VALUES
from sphinx_careerblog.data.model import ALIASES, FIELDS
from sphinx_careerblog.extension import setup_extension
from sphinx_careerblog.warnings import CbWarning

REFERENCE = Path(__file__).parents[1] / "docs" / "reference"


def test_every_config_value_is_documented() -> None:
    text = (REFERENCE / "configuration.md").read_text("utf-8")
    missing = [value.name for value in CONFIG_VALUES if f"`{value.name}`" not in text]
    assert not missing


def test_every_metadata_field_is_documented() -> None:
    text = (REFERENCE / "post-metadata.md").read_text("utf-8")
    missing = [name for name in (*FIELDS, *ALIASES) if f"`{name}`" not in text]
    assert not missing


def test_the_migration_guide_maps_every_ablog_setting() -> None:
    guide = (REFERENCE.parent / "howto" / "migrate-from-ablog.md").read_text("utf-8")
    table = guide[guide.index("## 4. Every ABlog setting") :]
    missing = [setting.name for setting in SETTINGS if f"`{setting.name}`" not in table]
    assert not missing


# -- every directive, option, role, warning and template has its reference entry --------

SNIPPETS = REFERENCE.parent / "snippets"
TEMPLATES = Path(__file__).parents[1] / "sphinx_careerblog" / "site" / "templates"
_INCLUDE = re.compile(r"```\{(?:include|literalinclude)\}\s+(\S+)")


def _registered() -> mock.MagicMock:
    """What ``setup_extension`` registers, recorded on a stand-in application."""
    app = mock.MagicMock()
    setup_extension(app)
    return app


def _directives() -> dict[str, type[Directive]]:
    return {call.args[0]: call.args[1] for call in _registered().add_directive.call_args_list}


def _reference_pages_of(name: str) -> list[Path]:
    """Reference pages with a heading naming ``name`` (in backticks)."""
    heading = re.compile(rf"^#+ .*`{re.escape(name)}`", re.MULTILINE)
    return [
        page for page in sorted(REFERENCE.glob("*.md")) if heading.search(page.read_text("utf-8"))
    ]


def _rendered_text(page: Path) -> str:
    """The page's own text plus every snippet it includes (what the built page renders)."""
    text = page.read_text("utf-8")
    included = [(page.parent / target).resolve() for target in _INCLUDE.findall(text)]
    return "\n".join([text, *(path.read_text("utf-8") for path in included if path.is_file())])


@pytest.mark.parametrize("name", sorted(_directives()))
def test_every_directive_has_a_reference_entry_with_every_option(name: str) -> None:
    pages = _reference_pages_of(name)
    assert pages, f"no reference page has a heading naming `{name}`"
    text = "\n".join(page.read_text("utf-8") for page in pages)
    options = sorted(_directives()[name].option_spec or {})
    missing = [option for option in options if f"`{option}`" not in text]
    assert missing == [], f"{name}: options missing from {[p.name for p in pages]}"


@pytest.mark.parametrize("name", sorted(_directives()))
def test_every_directive_is_rendered_in_its_reference(name: str) -> None:
    """Each directive is used for real on its reference page (directly or by an included
    snippet), so the built page shows its output beside the source."""
    used = re.compile(rf"(```|:::)\{{{re.escape(name)}\}}|^\.\. {re.escape(name)}::", re.MULTILINE)
    assert any(used.search(_rendered_text(page)) for page in _reference_pages_of(name)), name


def test_every_blog_role_is_documented_and_rendered() -> None:
    (domain,) = [call.args[0] for call in _registered().add_domain.call_args_list]
    text = _rendered_text(REFERENCE / "taxonomy-and-roles.md")
    for role in domain.roles:
        assert f"{{{domain.name}:{role}}}`" in text, role


def test_every_warning_subtype_is_documented() -> None:
    text = (REFERENCE / "warnings.md").read_text("utf-8")
    missing = [w.value[0] for w in CbWarning if f"`careerblog.{w.value[0]}`" not in text]
    assert missing == []


def test_every_template_is_documented() -> None:
    text = (REFERENCE / "templates.md").read_text("utf-8")
    names = sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*.html"))
    assert len(names) > 10
    missing = [name for name in names if f"`{name}`" not in text]
    assert missing == []
