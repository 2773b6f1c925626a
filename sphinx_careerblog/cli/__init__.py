"""The ``careerblog`` command line: quickstart, new and import."""

from sphinx_careerblog.cli.main import main

__all__ = ["main"]
