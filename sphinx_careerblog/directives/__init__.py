"""Directives of sphinx-careerblog (registered in ``extension.py``)."""
