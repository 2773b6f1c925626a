"""sphinx-careerblog: essays as first-class posts in a Sphinx + MyST handbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from sphinx_careerblog.extension import setup_extension

    return setup_extension(app)
