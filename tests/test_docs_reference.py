"""The reference documents every configuration value and metadata field."""

from __future__ import annotations

from pathlib import Path

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
