"""The theme's navigation on generated pages: rendered once per directory, and
refreshed in place when only the navigation changed.

Themes call ``toctree()`` on every page. For a page that no toctree names (a
generated blog page, unless an author put it in one) Sphinx's result depends only
on the directory of the page's URI: no entry is "current", no ancestor is
expanded, and links are relative to that directory. A handbook of a thousand
essays has hundreds of generated pages, each resolving the whole site's toctree,
so sharing one rendering per directory (and per set of arguments) removes most of
what generated pages add to a build. ``tests/test_toctree_cache.py`` checks that
the shared result equals Sphinx's own for every generated page.

A new post changes that navigation on every generated page (its title joins the
toctree). Writing them all again costs what writing them the first time did, so
each shared rendering is wrapped in markers that name its arguments and a hash of
what it holds: ``<!--careerblog-navigation:ARGUMENTS:HASH-->...<!--/careerblog-
navigation-->``. When nothing else a page shows changed, the region between the
markers is replaced on ``build-finished`` by a new rendering with the same
arguments. This is done only where it is exact: with a theme whose navigation is
what ``toctree()`` returns (``REFRESHABLE_THEMES``), and when every region in
every generated page still holds exactly what was rendered (its hash), so a theme
or extension that reworked the HTML makes every page written again instead.
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from sphinx.environment.adapters.toctree import global_toctree_for_doc

from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.site import freshness, links
from sphinx_careerblog.site.plan import html_builder

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import GeneratedOutput

Rendered = dict[tuple[str, str], str]

#: themes whose navigation is the string ``toctree()`` returns, put in the page as is
REFRESHABLE_THEMES = frozenset(
    {"alabaster", "basic", "classic", "default", "nature", "sphinxdoc", "scrolls",
     "agogo", "traditional", "haiku", "pyramid", "bizstyle", "sphinx_rtd_theme"}
)  # fmt: skip
_OPEN = "<!--careerblog-navigation:{arguments}:{digest}-->"
_CLOSE = "<!--/careerblog-navigation-->"
#: a call this module could not share or mark (its page cannot be refreshed)
_UNSHARED = "<!--careerblog-navigation-unshared-->"
_REGION = re.compile(
    rb"<!--careerblog-navigation:([0-9a-f]*):([0-9a-f]*)-->(.*?)<!--/careerblog-navigation-->",
    re.S,
)


def share_toctree(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, object],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: memoise ``toctree()`` on generated pages that no
    toctree names, and mark what it returns."""
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
        arguments = _encode(kwargs)
        if arguments is None:  # a theme passed something we cannot name: do not share
            text = str(original(**kwargs))
            return _UNSHARED + text if text else text
        key = (directory, arguments)  # plain values only: hashable
        if key not in cache:
            cache[key] = marked(arguments, str(original(**kwargs)))
        return cache[key]

    return toctree


def marked(arguments: str, html: str) -> str:
    """``html`` between the markers; an empty navigation stays empty (themes test it)."""
    if not html:
        return html
    digest = _digest(html.encode("utf-8", "xmlcharrefreplace"))
    return _OPEN.format(arguments=arguments, digest=digest) + html + _CLOSE


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _encode(kwargs: dict[str, object]) -> str | None:
    if not all(isinstance(value, (bool, int, str, type(None))) for value in kwargs.values()):
        return None
    return json.dumps(kwargs, sort_keys=True).encode().hex()


def _decode(arguments: bytes) -> dict[str, object] | None:
    """The arguments a marker names; None for a marker that no longer reads."""
    try:
        decoded = json.loads(bytes.fromhex(arguments.decode()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded if isinstance(decoded, dict) else None


def render_toctree(app: Sphinx, pagename: str, kwargs: dict[str, object]) -> str:
    """What Sphinx's ``toctree()`` returns on ``pagename`` (as ``handle_page`` makes it)."""
    builder = html_builder(app)
    arguments = dict(kwargs)
    collapse = bool(arguments.pop("collapse", True))
    arguments.setdefault("includehidden", False)
    if arguments.get("maxdepth") == "":
        arguments.pop("maxdepth")
    if sphinx.version_info >= (9,):  # asked for since Sphinx 9 (else a deprecation)
        arguments["tags"] = builder.tags
    toctree = global_toctree_for_doc(
        app.env,
        pagename,
        builder,
        collapse=collapse,
        **arguments,  # type: ignore[arg-type]
    )
    return builder.render_partial(toctree)["fragment"]


# -- refreshing in place -----------------------------------------------------------------


def theme_refreshable(app: Sphinx) -> bool:
    """Whether this theme's navigation is what ``toctree()`` returns."""
    return str(app.config.html_theme) in REFRESHABLE_THEMES


def refreshable_pages(app: Sphinx, previous: GeneratedOutput) -> bool:
    """Whether the navigation of every generated page the last build wrote can be
    replaced in place: every region holds what was rendered into it, and no call
    went unshared. Read only when the navigation changed."""
    if not theme_refreshable(app):
        return False
    outdir = Path(app.outdir)
    for name in previous.files:
        if not name.endswith(".html"):
            continue
        try:
            data = (outdir / name).read_bytes()
        except OSError:
            continue  # a missing page is written again anyway
        if _UNSHARED.encode() in data:
            return False
        for match in _REGION.finditer(data):
            intact = _digest(match.group(3)) == match.group(2).decode()
            if not intact or _decode(match.group(1)) is None:
                return False  # edited since it was written: written again, not patched
    return True


def decide_refresh(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``, after ``freshness.decide_rewrites``: when the navigation
    changed, refresh it in place where that is exact, else write every generated
    page again."""
    if not links.generated_pages_available(app):
        return []
    decision = freshness.rewrites(app)
    if not decision.navigation_changed:
        return []
    pages = {page.pagename for page in decision.plan.pages}
    output = get_store(env).generated.get(freshness.output_key(app))
    if output is not None and refreshable_pages(app, output):
        freshness.request_navigation_refresh(app)
        freshness.widen(app, pages - _shareable(app))  # named in a toctree: not shared
    else:
        freshness.widen(app, pages)
    return []


def refresh_in_place(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: on the generated pages this build did not write, the
    navigation rendered again, when ``freshness`` decided so."""
    if exception is not None or not freshness.navigation_refresh_requested(app):
        return
    builder = html_builder(app)
    written = freshness.written_pages(app)
    shareable = _shareable(app)
    renders: dict[tuple[str, bytes], bytes] = {}
    for page in freshness.rewrites(app).plan.pages:
        if page.pagename in written or page.pagename not in shareable:
            continue
        path = Path(builder.get_outfilename(page.pagename))
        if not path.is_file():
            continue
        old = path.read_bytes()
        render = functools.partial(_render_region, app, page.pagename, renders)
        new = _REGION.sub(render, old)
        if new != old:
            path.write_bytes(new)
    get_store(app.env).transient.pop(freshness.NAVIGATION_REFRESH, None)


def _render_region(
    app: Sphinx, pagename: str, renders: dict[tuple[str, bytes], bytes], match: re.Match[bytes]
) -> bytes:
    """A marked region rendered again for ``pagename``: once per directory and arguments."""
    directory = posixpath.dirname(app.builder.get_target_uri(pagename))
    key = (directory, match.group(1))
    if key not in renders:
        arguments = _decode(match.group(1))
        if arguments is None:  # checked by ``refreshable_pages``; never patch blindly
            return match.group(0)
        html = render_toctree(app, pagename, arguments)
        renders[key] = marked(match.group(1).decode(), html).encode("utf-8", "xmlcharrefreplace")
    return renders[key]
