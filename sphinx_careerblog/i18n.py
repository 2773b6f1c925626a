"""Message catalog ``careerblog`` for the labels the extension writes into pages."""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG_NAME = "careerblog"

_ = get_translation(MESSAGE_CATALOG_NAME)
