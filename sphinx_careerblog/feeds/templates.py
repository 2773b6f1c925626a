"""Feed entry templates (``careerblog_feed_templates``, ABlog's ``blog_feed_templates``).

A mapping of feed name -> ``{"title": ..., "summary": ..., "content": ...}`` Jinja
templates. ``"atom"`` shapes the entries of the site's Atom feed; any other name is
one more Atom feed, ``<careerblog_path>/<name>.xml``, of the site's posts with its
own templates (ABlog's example: a feed for posting to social media, tags turned
into hashtags). Templates run in Jinja's sandbox: ``title`` and ``summary`` render
as text, ``content`` as HTML with every value escaped. A template that does not
compile or fails on an entry is reported once (``careerblog.feed``) and that field
keeps its usual value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.feeds.model import Entry

FIELDS = ("title", "summary", "content")
SETTING = "careerblog_feed_templates"


@dataclass(frozen=True)
class EntryTemplates:
    """The compiled templates of one feed."""

    name: str
    compiled: dict[str, Any]

    def apply(self, app: Sphinx, entry: Entry, post: PostRecord) -> Entry:
        if not self.compiled:
            return entry
        context = entry_context(app, entry, post)
        rendered: dict[str, str] = {}
        for field, template in self.compiled.items():
            try:
                rendered[field] = template.render(context)
            except TemplateError as exc:
                where = f"{SETTING}[{self.name!r}][{field!r}]"
                _report(app, f"{where} fails on {post.docname!r}: {exc}")
        return replace(
            entry,
            title=rendered.get("title", entry.title),
            summary=rendered.get("summary", entry.summary),
            content_html=rendered.get("content", entry.content_html),
        )


def compile_templates(app: Sphinx) -> dict[str, EntryTemplates]:
    """Every configured feed's templates, compiled (a bad one is reported, then skipped)."""
    settings: dict[str, dict[str, str]] = app.config.careerblog_feed_templates
    text_env = SandboxedEnvironment(autoescape=False)
    html_env = SandboxedEnvironment(autoescape=True)
    result: dict[str, EntryTemplates] = {}
    for name, fields in settings.items():
        compiled: dict[str, Any] = {}
        for field, source in fields.items():
            env = html_env if field == "content" else text_env
            try:
                compiled[field] = env.from_string(source)
            except TemplateError as exc:
                _report(app, f"{SETTING}[{name!r}][{field!r}] cannot be read: {exc}")
        result[name] = EntryTemplates(name, compiled)
    return result


def entry_context(app: Sphinx, entry: Entry, post: PostRecord) -> dict[str, Any]:
    """What entry templates see: the entry's fields and plain views of the post."""
    fields = post.fields
    authors = app.config.careerblog_authors

    def named(values: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"name": value} for value in values]

    view = {
        "title": post.listed_title,
        "docname": post.docname,
        "date": fields.date,
        "update": fields.updated or fields.date,
        "tags": named(fields.tags),
        "category": named(fields.categories),
        "author": [
            {"name": str(authors.get(key, {}).get("name", key)), "key": key}
            for key in fields.authors
        ],
        "location": named(tuple(p.strip() for p in (fields.location or "").split(",") if p)),
        "language": named(tuple(p.strip() for p in (fields.language or "").split(",") if p)),
        "external_link": fields.external_link,
    }
    return {
        "title": entry.title,
        "summary": entry.summary,
        # already HTML: ``{{ content }}`` in a content template keeps it as it is
        "content": Markup(entry.content_html or ""),
        "url": entry.link,
        "post_url": entry.post_url,
        "post": view,
    }


def _report(app: Sphinx, message: str) -> None:
    warn(CbWarning.FEED, message, location=conf_location(app.confdir, SETTING), once=True)
