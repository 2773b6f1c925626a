"""``html-page-context``: ``<link rel="alternate">`` autodiscovery tags and the
``careerblog_feeds`` list the subscribe line shows."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx.util.osutil import relative_uri

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.feeds.plan import (
    FORMAT_NAMES,
    MEDIA_TYPES,
    plan_feeds,
)
from sphinx_careerblog.i18n import _
from sphinx_careerblog.site.links import term_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def page_feeds(app: Sphinx, pagename: str) -> list[dict[str, str]]:
    """Feeds a page advertises: title, output path and media type of each."""
    plan = plan_feeds(app)
    if plan is None:
        return []
    root = plan.root
    in_blog = pagename == root or pagename.startswith(root + "/")
    is_post = bool(get_store(app.env).posts.get(pagename))
    if not (in_blog or is_post):
        return []
    config = app.config
    title = str(config.careerblog_title or config.project)
    feeds: list[dict[str, str]] = []
    parts = pagename[len(root) + 1 :].split("/") if in_blog else []
    if len(parts) >= 2 and parts[0] == "category":
        path = plan.category_file(parts[1])
        if path is not None:
            label = plan.categories[parts[1]][0]
            category = term_title(app, "category", label)
            feeds.append(
                {
                    "title": _("%(blog)s: %(category)s (%(format)s)")
                    % {"blog": title, "category": category, "format": FORMAT_NAMES["atom"]},
                    "path": path,
                    "type": MEDIA_TYPES["atom"],
                    "format": "atom",
                    "scope": "category",
                }
            )
    feeds.extend(
        {
            "title": _("%(blog)s: %(category)s (%(format)s)")
            % {"blog": title, "category": archive.title, "format": FORMAT_NAMES["atom"]},
            "path": archive.path,
            "type": MEDIA_TYPES["atom"],
            "format": "atom",
            "scope": "archive",
        }
        for archive in plan.archives
        if archive.pagename == pagename and "atom" in plan.formats
    )
    for fmt, path in plan.site_files():
        feeds.append(
            {
                "title": _("%(blog)s (%(format)s)") % {"blog": title, "format": FORMAT_NAMES[fmt]},
                "path": path,
                "type": MEDIA_TYPES[fmt],
                "format": fmt,
                "scope": "site",
            }
        )
    return feeds


def add_feed_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: ``<link rel="alternate">`` tags and ``careerblog_feeds``."""
    if "pathto" not in context:
        return
    # as the template's pathto(path, 1) does (json/pickle builders' pathto takes no flag)
    here = app.builder.get_target_uri(pagename)
    feeds = page_feeds(app, pagename)
    links: list[dict[str, str]] = []
    tags: list[str] = []
    for feed in feeds:
        url = relative_uri(here, feed["path"])
        links.append(
            {"title": feed["title"], "url": url, "type": feed["type"], "format": feed["format"]}
        )
        tags.append(
            '<link rel="alternate" type="{}" title="{}" href="{}" />'.format(
                html.escape(feed["type"]), html.escape(feed["title"]), html.escape(url)
            )
        )
    context["careerblog_feeds"] = links
    if tags:
        context["metatags"] = context.get("metatags", "") + "".join("\n    " + tag for tag in tags)
