"""Write phase: replace each post marker with its byline (and a draft banner).

A pure function of (doctree, store, config): safe under parallel writing.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_careerblog.data.authors import author_profile
from sphinx_careerblog.data.dates import format_date
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, reading_time, scheduled_for
from sphinx_careerblog.posts.nodes import cb_post_meta
from sphinx_careerblog.site.avatars import avatar_src
from sphinx_careerblog.site.links import author_link, term_title, term_uri

if TYPE_CHECKING:
    import datetime as dt

    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.paths import TermKind


def resolve_bylines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    store = get_store(app.env)
    for meta in list(doctree.findall(cb_post_meta)):
        # in assembled builders (latex, singlehtml) ``docname`` is the root document
        record = store.find_post(meta.get("docname", docname), meta.get("anchor", ""))
        replacement: list[nodes.Node] = []
        if record is not None:
            if record.is_draft:
                replacement.append(draft_banner(app, record))
            if meta.get("show_byline", True):
                replacement.append(byline(app, record, docname))
            if not record.fields.exclude:
                # the directive's content (the post's excerpt) shows in place, as in ABlog
                replacement.extend(meta.children)
        if replacement:
            meta.replace_self(replacement)
        else:
            meta.parent.remove(meta)


def draft_banner(app: Sphinx, record: PostRecord) -> nodes.Element:
    banner = nodes.container(classes=["cb-draft-banner"])
    if record.fields.scheduled and record.date is not None:
        label = _("Scheduled:")
        text = _(
            "this post is published on %s. Until then it is left out of indexes and feeds."
        ) % _shown_date(app, record.date)
    else:
        label = _("Draft:")
        text = _("this post is not published. It is left out of indexes and feeds.")
    banner += nodes.paragraph("", "", nodes.strong(label, label), nodes.Text(" " + text))
    return banner


def byline(app: Sphinx, post: PostRecord, fromdocname: str) -> nodes.Element:
    config = app.config
    fields = post.fields
    parts: list[nodes.Element] = []

    def part(name: str, *children: nodes.Node) -> None:
        parts.append(nodes.inline("", "", *children, classes=[f"cb-byline-{name}"]))

    if fields.date is not None and fields.scheduled:
        part("date", nodes.Text(scheduled_for(_shown_date(app, fields.date))))
    elif fields.date is not None:
        part("date", nodes.Text(_shown_date(app, fields.date)))
    else:
        part("date", nodes.Text(_("Not yet dated")))
    if fields.updated is not None:
        shown = format_date(config.careerblog_date_format, fields.updated, config.language)
        # Translators: after the date in a byline; %s is the date of the last update
        part("updated", nodes.Text(_("updated %s") % shown))
    if fields.authors:
        # Translators: before the author names in a byline ("by Ann, Bob")
        children: list[nodes.Node] = [nodes.Text(_("by") + " ")]
        for index, author in enumerate(fields.authors):
            if index:
                children.append(nodes.Text(", "))
            name, uri = author_link(app, fromdocname, author)
            if config.careerblog_byline_avatars:
                children.extend(_avatar(app, fromdocname, author))
            children.append(_link(name, uri))
        part("authors", *children)
    minutes = post.reading_minutes
    part("reading-time", nodes.Text(reading_time(minutes)))
    terms: tuple[tuple[TermKind, str, tuple[str, ...]], ...] = (
        # Translators: before a post's category names ("in Leadership")
        ("category", _("in"), fields.categories),
        # Translators: before a post's tag names ("tagged feedback, teams")
        ("tag", _("tagged"), fields.tags),
    )
    for kind, label, values in terms:
        if not values:
            continue
        children = [nodes.Text(label + " ")]
        for index, value in enumerate(values):
            if index:
                children.append(nodes.Text(", "))
            uri = term_uri(app, fromdocname, kind, value)
            children.append(_link(term_title(app, kind, value), uri))
        part("categories" if kind == "category" else "tags", *children)

    paragraph = nodes.paragraph()
    for index, item in enumerate(parts):
        if index:
            paragraph += nodes.inline(" · ", " · ", classes=["cb-byline-sep"])
        paragraph += item
    container = nodes.container(classes=["cb-byline"])
    container += paragraph
    return container


#: the side of a byline avatar, in CSS pixels
BYLINE_AVATAR_SIZE = 24


def _avatar(app: Sphinx, fromdocname: str, author: str) -> list[nodes.Node]:
    """A small avatar before an author's name (HTML only). Its ``alt`` is empty: the
    name follows at once, and a screen reader should not read it twice."""
    src = avatar_src(app, fromdocname, author_profile(app.config.careerblog_authors, author))
    if src is None:
        return []
    size = BYLINE_AVATAR_SIZE
    tag = (
        f'<img class="cb-byline-avatar" src="{html.escape(src)}" alt="" '
        f'width="{size}" height="{size}" loading="lazy"> '
    )
    return [nodes.raw("", tag, format="html")]


def _shown_date(app: Sphinx, when: dt.datetime) -> str:
    config = app.config
    return format_date(config.careerblog_date_format, when, config.language)


def _link(text: str, uri: str | None) -> nodes.Node:
    if uri is None:
        return nodes.inline(text, text)
    return nodes.reference(text, text, refuri=uri, internal=not _is_external(uri))


def _is_external(uri: str) -> bool:
    return "://" in uri or uri.startswith("mailto:")


def add_noindex_for_drafts(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: drafts ask search engines not to index them."""
    if doctree is None:
        return
    record = get_store(app.env).page_post(pagename)
    if record is not None and record.is_draft:
        context["metatags"] = context.get("metatags", "") + (
            '\n    <meta name="robots" content="noindex" />'
        )
