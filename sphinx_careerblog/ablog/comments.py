"""Comment threads under posts: giscus or Disqus (ABlog's ``disqus_*`` settings).

Nothing is added unless ``careerblog_comments`` names a provider (ABlog's
``disqus_shortname`` sets it). Threads go under posts, not drafts (unless
``"drafts": True``, ABlog's ``disqus_drafts``), not under posts marked
``nocomments``, and under other documents only with ``"pages": True``
(``disqus_pages``); generated pages never get one. Both embeds are configured
through escaped ``data-`` attributes: giscus reads them itself, and Disqus is
loaded by ``careerblog-comments.js``, so no script is generated from values.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx_careerblog.assets import is_interactive
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

COMMENTS_JS = "careerblog-comments.js"
GISCUS_SCRIPT = "https://giscus.app/client.js"
#: giscus's own attributes we pass on unchanged (without the ``data-`` prefix)
_GISCUS_DEFAULTS = {
    "mapping": "pathname",
    "strict": "0",
    "reactions-enabled": "1",
    "emit-metadata": "0",
    "input-position": "bottom",
    "theme": "preferred_color_scheme",
    "loading": "lazy",
}


def _attributes(values: dict[str, str]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in values.items())


def wants_comments(app: Sphinx, pagename: str, settings: dict[str, Any]) -> bool:
    post = get_store(app.env).page_post(pagename)
    if post is None:
        return bool(settings.get("pages"))
    if post.fields.nocomments:
        return False
    return not post.is_draft or bool(settings.get("drafts"))


def thread_identifier(pagename: str) -> str:
    """The Disqus identifier ABlog gives a page (``/posts/a/``), so threads carry over."""
    name = pagename[: -len("index")] if pagename.endswith("index") else pagename
    name = name.strip("/")
    return f"/{name}/" if name else "/"


def page_url(app: Sphinx, pagename: str) -> str | None:
    base: str = app.config.careerblog_baseurl or app.config.html_baseurl or ""
    if not base:
        return None
    return base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)


def giscus_markup(app: Sphinx, settings: dict[str, Any]) -> str:
    values = {**_GISCUS_DEFAULTS, "lang": str(app.config.language or "en")}
    values |= {
        str(key): ("1" if item is True else "0" if item is False else str(item))
        for key, item in settings.items()
        if key not in ("provider", "pages", "drafts")
    }
    attributes = {f"data-{key}": value for key, value in values.items()}
    return (
        f'<script src="{GISCUS_SCRIPT}"{_attributes(attributes)}'
        ' crossorigin="anonymous" async></script>'
    )


def disqus_markup(app: Sphinx, pagename: str, context: dict[str, Any]) -> str:
    settings: dict[str, Any] = app.config.careerblog_comments
    values = {
        "id": "disqus_thread",
        "data-cb-disqus-shortname": str(settings["shortname"]),
        "data-cb-disqus-identifier": thread_identifier(pagename),
    }
    url = page_url(app, pagename)
    if url:
        values["data-cb-disqus-url"] = url
    script = context["pathto"](f"_static/{COMMENTS_JS}", 1)
    notice = _("Comments need JavaScript, and load from Disqus.")
    return (
        f"<div{_attributes(values)}></div>"
        f'<script src="{html.escape(script, quote=True)}" defer></script>'
        f"<noscript><p>{html.escape(notice)}</p></noscript>"
    )


def add_comments(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a comment thread at the end of the page's body."""
    settings: dict[str, Any] | None = app.config.careerblog_comments
    if not settings or doctree is None or not is_interactive(app) or "body" not in context:
        return
    if not wants_comments(app, pagename, settings):
        return
    if settings["provider"] == "giscus":
        markup = giscus_markup(app, settings)
    else:
        markup = disqus_markup(app, pagename, context)
    heading = html.escape(_("Comments"))
    context["body"] += (
        f'\n<section class="cb-comments" aria-label="{heading}">'
        f'<h2 class="cb-comments-title">{heading}</h2>{markup}</section>\n'
    )
