"""Render the theme's navigation once per directory for generated pages.

Themes call ``toctree()`` on every page, and for a page that is in no toctree
(every generated blog page) the result depends only on where the page lives,
because links are relative. A blog with a thousand essays has hundreds of
generated pages, so computing the same navigation for each of them was the
largest cost the extension added to a build.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from sphinx_careerblog.data.query import get_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def share_toctree(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: memoise ``toctree()`` for generated pages."""
    root: str = app.config.careerblog_path
    original = context.get("toctree")
    if doctree is not None or not pagename.startswith(root + "/") or not callable(original):
        return
    directory = posixpath.dirname(app.builder.get_target_uri(pagename))
    cache: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = get_index(app).derived(
        "toctree-by-directory", dict
    )

    def toctree(**kwargs: Any) -> str:
        try:
            key = (directory, tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return str(original(**kwargs))
        if key not in cache:
            cache[key] = str(original(**kwargs))
        return cache[key]

    context["toctree"] = toctree
