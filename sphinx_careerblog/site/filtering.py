"""Filtering the blog index in the browser (``careerblog_index_filter``).

The blog index pages carry an empty, hidden ``cb-filter`` element that the script
``careerblog-filter.js`` fills with facets (categories, tags, authors, years) once
it has read ``posts.json``, the catalog every HTML build writes, so the choice
covers every post, not just the page. The state lives in the URL query. Without
JavaScript the element stays hidden and the paginated list is all there is.

This module only gives the template what it needs: where the catalog and the site
root are, relative to the page, and the labels in the project's language.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, TypedDict

from sphinx_careerblog.assets import is_interactive
from sphinx_careerblog.data import paths
from sphinx_careerblog.feeds.plan import is_feed_builder
from sphinx_careerblog.i18n import _, ngettext
from sphinx_careerblog.site.links import generated_pages_available

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

FILTER_JS = "careerblog-filter.js"
FILTER_CORE_JS = "careerblog-filter-core.js"


class CountForms(TypedDict):
    one: str
    other: str


class FilterView(TypedDict):
    """The ``careerblog_filter`` template value."""

    catalog: str
    root: str
    scripts: list[str]
    labels: dict[str, Any]


def count_forms(singular: str, plural: str) -> CountForms:
    """The page language's singular and plural of a counted message, with ``{count}``
    where the number goes (the script picks one with the language's plural rules)."""
    return {
        "one": ngettext(singular, plural, 1).replace("%(count)d", "{count}"),
        "other": ngettext(singular, plural, 2).replace("%(count)d", "{count}"),
    }


def labels() -> dict[str, Any]:
    return {
        "heading": _("Filter posts"),
        "facets": {
            "category": _("Categories"),
            "tag": _("Tags"),
            "author": _("Authors"),
            "year": _("Years"),
        },
        "clear": _("Clear filters"),
        "results": count_forms("%(count)d post", "%(count)d posts"),
        "reading": count_forms("%(count)d min read", "%(count)d min read"),
        "by": _("by"),
        "draft": _("Draft"),
        # the script puts the post's date in place of %s
        "scheduled": _("Scheduled for %s"),
    }


def is_index_page(root: str, pagename: str) -> bool:
    return pagename == paths.index_page(root) or pagename.startswith(f"{root}/page/")


def filter_view(app: Sphinx, pagename: str) -> FilterView | None:
    """What the template needs on ``pagename``, or None where there is no filter."""
    config = app.config
    root: str = config.careerblog_path
    if not config.careerblog_index_filter or not is_index_page(root, pagename):
        return None
    builder = app.builder
    if not (is_interactive(app) and generated_pages_available(app) and is_feed_builder(builder)):
        return None
    here = posixpath.dirname(builder.get_target_uri(pagename))
    up = "../" * (here.count("/") + 1) if here else ""
    return {
        "catalog": posixpath.relpath(paths.catalog_file(root), here or "."),
        "root": up or "./",
        "scripts": [f"{up}_static/{FILTER_CORE_JS}", f"{up}_static/{FILTER_JS}"],
        "labels": labels(),
    }


def add_filter_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: ``careerblog_filter`` on the blog index pages."""
    if doctree is None:
        view = filter_view(app, pagename)
        if view is not None:
            context["careerblog_filter"] = view
