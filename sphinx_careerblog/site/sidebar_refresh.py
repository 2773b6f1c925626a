"""Blog sidebars refreshed in place on the pages a build did not write.

Every sidebar box shows counts and recent posts, so re-tagging one essay changes
the boxes on every page. Writing every page again through Sphinx's writer costs a
clean build; instead each box template wraps its output in markers
(``<!--careerblog-sidebar:NAME-->...<!--/careerblog-sidebar:NAME-->``), and on
``build-finished`` the region between them is replaced, on each page this build
did not write, by the same template rendered with that page's sidebar context:
the bytes a full write would give (``tests/test_sidebar_refresh.py`` compares an
incremental build with a clean one, page by page).

A box renders the same on every page of a directory (links are relative) except
on the pages it links to (where the link is ``#``), so renders are shared per
directory. In-place refresh is used only where it is exact: under the ``html`` and
``dirhtml`` builders, when every blog sidebar configured is one of these boxes,
and when the project does not override their templates. Otherwise every document
is written again, as before.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.site import freshness
from sphinx_careerblog.site.plan import html_builder
from sphinx_careerblog.site.sidebars import (
    BOXES,
    box_template,
    configured_blog_sidebars,
    link_targets,
    refreshable,
    sidebar_context,
    sidebar_fingerprint,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_REGION = re.compile(
    rb"(<!--careerblog-sidebar:(\w+)-->)(.*?)(<!--/careerblog-sidebar:\2-->)", re.S
)
_REQUESTED = "careerblog.sidebar-refresh"


def refresh_sidebars(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: when what the blog sidebars show changed, ask for an
    in-place refresh where that is exact, else rewrite every document."""
    store = get_store(env)
    shown = sidebar_fingerprint(app, store)
    # per builder and output directory, like the generated pages: each has its copy
    key = freshness.output_key(app)
    if shown == store.sidebars_shown.get(key):
        return []
    store.sidebars_shown[key] = shown
    if not configured_blog_sidebars(app):
        return []
    if refreshable(app):
        store.transient[_REQUESTED] = True
        return []
    return sorted(env.found_docs)


def refresh_in_place(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: refresh the sidebar boxes of the pages not written."""
    store = get_store(app.env)
    if exception is not None or not store.transient.get(_REQUESTED):
        return
    builder = html_builder(app)
    written = freshness.written_pages(app)
    plan = freshness.rewrites(app).plan
    pagenames = sorted(app.env.found_docs | {page.pagename for page in plan.pages})
    renderer = _BoxRenderer(app)
    for pagename in pagenames:
        if pagename in written:
            continue
        path = Path(builder.get_outfilename(pagename))
        if not path.is_file():
            continue
        old = path.read_bytes()
        if b"<!--careerblog-sidebar:" not in old:
            continue
        new = _REGION.sub(functools.partial(renderer.region, pagename=pagename), old)
        if new != old:
            path.write_bytes(new)


class _BoxRenderer:
    """Box renders, shared by the pages of a directory the boxes do not link to."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.builder = html_builder(app)
        self.targets = link_targets(app)
        self.cache: dict[tuple[str, str, str | None], bytes] = {}

    def region(self, match: re.Match[bytes], pagename: str) -> bytes:
        box = match.group(2).decode()
        if box not in BOXES.values():
            return match.group(0)
        return match.group(1) + self.render(box, pagename) + match.group(4)

    def render(self, box: str, pagename: str) -> bytes:
        directory = posixpath.dirname(self.builder.get_target_uri(pagename))
        key = (box, directory, pagename if pagename in self.targets else None)
        if key not in self.cache:
            context = {"careerblog_sidebar": sidebar_context(self.app, pagename)}
            text = self.builder.templates.render(box_template(box), context)
            # as Sphinx writes pages
            self.cache[key] = text.encode("utf-8", "xmlcharrefreplace")
        return self.cache[key]
