"""The theme's navigation, rendered once per directory for generated pages.

Themes call ``toctree()`` on every page. For a page that no toctree names (a
generated blog page, unless an author put it in one) Sphinx's result depends only
on the directory of the page's URI: no entry is "current", no ancestor is
expanded, and links are relative to that directory. A handbook of a thousand
essays has hundreds of generated pages, each resolving the whole site's toctree,
so sharing one rendering per directory (and per set of arguments) removes most of
what generated pages add to a build. ``tests/test_toctree_cache.py`` checks that
the shared result equals Sphinx's own for every generated page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.site import freshness

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

Rendered = dict[tuple[str, Hashable], str]


def share_toctree(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, object],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: memoise ``toctree()`` on generated pages that no
    toctree names."""
    original = context.get("toctree")
    if doctree is not None or not callable(original) or pagename not in _shareable(app):
        return
    directory = posixpath.dirname(app.builder.get_target_uri(pagename))
    cache: Rendered = get_index(app).derived("navigation-by-directory", dict)
    context["toctree"] = _memoised(original, cache, directory)


def _shareable(app: Sphinx) -> frozenset[str]:
    def compute() -> frozenset[str]:
        named = {name for names in app.env.toctree_includes.values() for name in names}
        pages = {page.pagename for page in freshness.rewrites(app).plan.pages}
        return frozenset(pages - named)

    return get_index(app).derived("navigation-shareable-pages", compute)


def _memoised(
    original: Callable[..., object], cache: Rendered, directory: str
) -> Callable[..., str]:
    def toctree(**kwargs: object) -> str:
        key = (directory, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # a theme passed something unhashable: do not share
            return str(original(**kwargs))
        if key not in cache:
            cache[key] = str(original(**kwargs))
        return cache[key]

    return toctree
