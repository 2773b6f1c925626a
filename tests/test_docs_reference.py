"""The reference documents every configuration value and metadata field."""

from __future__ import annotations

from pathlib import Path

from sphinx_careerblog.ablog.settings import SETTINGS
from sphinx_careerblog.config import CONFIG_VALUES
from sphinx_careerblog.data.model import ALIASES, FIELDS

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
