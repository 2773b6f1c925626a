"""A published build gives no route to a draft or scheduled page.

Listings, sidebars, feeds and the catalog leave drafts out through the one query
(``CareerBlogData.listed_posts``). What Sphinx itself builds from every document is
handled here, after reading, from what the collector stored:

- the theme's navigation and every toctree: a hidden page's table of contents is
  replaced by an empty one, so toctree entries naming it (glob or explicit) render
  nothing and warn nothing;
- previous/next links and breadcrumbs: hidden pages are left out of
  ``env.toctree_includes``, recomputed each build from what each document's own
  toctrees named (``CareerBlogData.toctree_includes``), so a draft published later
  comes back without its parents being read again;
- the search index: hidden pages are marked ``nosearch`` (their words are never fed)
  and pruned from the index before it is written;
- the general index, ``sphinx_sitemap`` and builders that assemble one document
  (singlehtml, LaTeX);
- references to a hidden page (``posts.hidden_links``) and what other builders
  write of it, with the inventory (``posts.hidden_output``).

A hidden page's own data only changes when it is read again, and its hidden state
only changes then too: a post whose day comes is read again on the first build on
or after that day (``note_today``). When the set of hidden pages changes, every page
is rewritten, since the navigation of each may show the page.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.data.visibility import (
    BadTodayError,
    build_today,
    hidden_pages,
    schedule_is_stale,
)
from sphinx_careerblog.posts.collector import current_docname
from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def today_for(app: Sphinx) -> dt.date:
    """The build's day from ``SOURCE_DATE_EPOCH``, ``careerblog_today`` or the clock."""
    configured: str | None = app.config.careerblog_today
    try:
        return build_today(os.environ, configured)
    except BadTodayError as problem:
        warn(
            CbWarning.DATE,
            f"{problem} is not a date (an integer of seconds for SOURCE_DATE_EPOCH, "
            "YYYY-MM-DD for careerblog_today); using the clock",
            location=conf_location(app.confdir, "careerblog_today"),
        )
        return build_today({}, None)


def note_today(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: fix the build's day, once, before any document is read.

    Posts read on a day when their scheduled state was different are read again
    (with the pages whose toctrees name them), so their byline, banner and every
    list are right on the first build of the new day, incremental builds included.
    """
    store = get_store(env)
    today = today_for(app)
    store.today = today.isoformat()
    stale = {
        docname
        for docname, records in store.posts.items()
        if any(schedule_is_stale(record, today) for record in records)
    }
    parents = {parent for docname in stale for parent in env.files_to_rebuild.get(docname, ())}
    return sorted((stale | parents) & env.found_docs)


def remember_toctree_includes(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (after Sphinx's toctree collector): what this page's toctrees
    name, before hidden pages are taken out."""
    env = app.env
    docname = current_docname(env)
    includes = env.toctree_includes.get(docname)
    store = get_store(env)
    if includes:
        store.toctree_includes[docname] = tuple(includes)
    else:
        store.toctree_includes.pop(docname, None)


def hide_unpublished(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: take hidden pages out of what Sphinx builds from every page.

    Returns every document when the set of hidden pages changed (each page's
    navigation may show them), else nothing.
    """
    store = get_store(env)
    hidden = hidden_pages(store.posts, bool(app.config.careerblog_include_drafts))
    for parent, includes in store.toctree_includes.items():
        if parent in env.toctree_includes:
            env.toctree_includes[parent] = [name for name in includes if name not in hidden]
    for docname in hidden & env.found_docs:
        _hide_page(env, docname)
    _exclude_from_sitemap(app, hidden)
    changed = sorted(hidden) != list(store.hidden_pages)
    store.hidden_pages = tuple(sorted(hidden))
    return sorted(env.found_docs) if changed else []


def _hide_page(env: BuildEnvironment, docname: str) -> None:
    # An empty table of contents holding an empty toctree: toctrees that name the
    # page resolve to nothing, with no "no title" warning (which an empty one gives).
    empty = addnodes.toctree()
    empty["entries"] = []
    empty["includefiles"] = []
    env.tocs[docname] = nodes.bullet_list("", empty)
    env.toc_num_entries[docname] = 0
    env.metadata.setdefault(docname, {})["nosearch"] = True
    index_entries: dict[str, Any] = env.get_domain("index").data.setdefault("entries", {})
    # emptied, not removed: the texinfo writer looks every document up
    index_entries[docname] = []


def _exclude_from_sitemap(app: Sphinx, hidden: Set[str]) -> None:
    """``sphinx_sitemap`` leaves out links matching ``sitemap_excludes``."""
    if "sitemap_excludes" not in app.config or not hidden:
        return
    dirhtml = app.builder.name == "dirhtml"
    suffix = app.config.html_file_suffix or ".html"
    links = []
    for docname in sorted(hidden):
        if dirhtml:
            # sphinx_sitemap's own spelling of directory URLs
            if docname == "index":
                link = ""
            elif docname.endswith("/index"):
                link = docname[: -len("index")]
            else:
                link = docname + "/"
        else:
            link = docname + suffix
        links.append(re.sub(r"([*?\[])", r"[\1]", link))
    existing = list(app.config.sitemap_excludes or [])
    app.config.sitemap_excludes = existing + [link for link in links if link not in existing]


def prune_search_index(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: hidden pages leave the search index (their words were
    never fed, being ``nosearch``; this removes their names and titles too)."""
    indexer = getattr(app.builder, "indexer", None)
    hidden = set(get_store(app.env).hidden_pages)
    if indexer is not None and hidden:
        indexer.prune(sorted(set(app.env.all_docs) - hidden))
    return []


class DropHiddenFromAssembly(SphinxPostTransform):
    """Builders that assemble one document (singlehtml, LaTeX, texinfo) inline every
    page a toctree names; hidden pages are taken out again."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        hidden = set(get_store(self.env).hidden_pages)
        if not hidden:
            return
        for node in list(self.document.findall(addnodes.start_of_file)):
            if node.get("docname") in hidden and node.parent is not None:
                node.parent.remove(node)
