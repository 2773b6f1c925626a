"""``reflectionlist`` at write time: a pure function of (doctree, store, config).

``resolve_reflection_lists`` (``doctree-resolved``) replaces each placeholder with
the checklists of ``view.shown_checklists``, the one view whose hash decides when
these documents are rewritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri

from sphinx_careerblog.data.model import slugify
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, pgettext, prompt_count
from sphinx_careerblog.reflections.nodes import (
    BOX,
    cb_reflection_item,
    cb_reflection_items,
    cb_reflection_list,
    cb_reflectionlist,
    cb_reflectionlist_entry,
    cb_reflectionlist_progress,
)
from sphinx_careerblog.reflections.view import (
    ShownChecklist,
    known_post_categories,
    shown_checklists,
)
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def resolve_reflection_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each ``reflectionlist`` placeholder."""
    placeholders = list(doctree.findall(cb_reflection_list))
    if not placeholders:
        return
    shown = shown_checklists(app.env, get_store(app.env))
    known = known_post_categories(get_store(app.env))
    for node in placeholders:
        node.replace_self(ReflectionListRenderer(app, node, docname, known).render(shown))


def doc_uri(app: Sphinx, fromdocname: str, docname: str, anchor: str) -> str | None:
    """The builder's URI of ``docname#anchor`` seen from ``fromdocname``; None if none."""
    try:
        uri = app.builder.get_relative_uri(fromdocname, docname)
    except NoUri:
        return None
    if not anchor:
        return uri
    if "#" in uri:  # singlehtml: one page, the anchor alone is the target
        return "#" + anchor
    return f"{uri}#{anchor}"


def checklist_line(app: Sphinx, fromdocname: str, item: ShownChecklist) -> nodes.paragraph:
    """ "<title, linked> in <source>": the line naming a checklist in lists and maps."""
    record = item.record
    line = nodes.paragraph()
    uri = doc_uri(app, fromdocname, record.docname, record.anchor)
    title = nodes.strong(record.title, record.title)
    if uri is None:
        line += title
    else:
        line += nodes.reference("", "", title, refuri=uri, internal=True)
    if item.source:
        # Translators: between a checklist's title and the page it stands on
        line += nodes.Text(" " + pgettext("checklist source", "in") + " ")
        line += nodes.emphasis(item.source, item.source)
    return line


def is_interactive(app: Sphinx) -> bool:
    """HTML pages a browser runs scripts in (EPUB readers mostly do not)."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


class ReflectionListRenderer:
    def __init__(
        self, app: Sphinx, node: cb_reflection_list, fromdocname: str, known: set[str]
    ) -> None:
        self.app = app
        self.node = node
        self.fromdocname = fromdocname
        self.known_post_categories = known
        self.html = app.builder.format == "html"
        self.interactive = is_interactive(app)

    def select(self, shown: list[ShownChecklist]) -> list[ShownChecklist]:
        wanted = {slugify(value) for value in self.node["categories"]}
        wanted_posts = {slugify(value) for value in self.node["post_categories"]}
        self.check_filter("category", wanted, {slugify(s.record.category or "") for s in shown})
        self.check_filter("post-category", wanted_posts, self.known_post_categories)
        return [
            item
            for item in shown
            if (not wanted or slugify(item.record.category or "") in wanted)
            and (not wanted_posts or wanted_posts.intersection(item.post_categories))
        ]

    def check_filter(self, option: str, wanted: set[str], known: set[str]) -> None:
        unknown = sorted(wanted - known)
        if unknown:
            warn(
                CbWarning.FILTER,
                f"reflectionlist: :{option}: {', '.join(unknown)} matches no "
                + ("checklist" if option == "category" else "post category"),
                location=self.node,
            )

    def render(self, shown: list[ShownChecklist]) -> nodes.Node:
        fmt: str = self.node["format"]
        root = cb_reflectionlist(classes=["cb-reflectionlist", f"cb-reflectionlist-{fmt}"])
        root["ids"] = list(self.node["ids"])
        root["format"] = fmt
        chosen = self.select(shown)
        if not chosen:
            text = _("No reflection checklists.")
            root += nodes.paragraph(text, text, classes=["cb-reflectionlist-empty"])
            return root
        # the dashboard carries export and import of the reader's answers
        root["interactive"] = self.interactive and fmt == "summary"
        entries = nodes.bullet_list(classes=["cb-reflectionlist-entries"])
        for item in chosen:
            entries += self.entry(item, full=fmt == "full")
        root += entries
        return root

    def entry(self, item: ShownChecklist, *, full: bool) -> nodes.Node:
        record = item.record
        entry = cb_reflectionlist_entry(classes=["cb-reflectionlist-entry"])
        entry["cb_doc"] = record.docname
        entry["cb_id"] = record.id
        entry["cb_hashes"] = [prompt.hash for prompt in record.items]
        line = checklist_line(self.app, self.fromdocname, item)
        counted = prompt_count(len(record.items))
        line += nodes.Text(" · ")
        progress = cb_reflectionlist_progress(
            counted, counted, classes=["cb-reflectionlist-progress"]
        )
        progress["total"] = len(record.items)
        line += progress
        entry += line
        if full and record.items:
            entry += self.items(item)
        return entry

    def items(self, item: ShownChecklist) -> nodes.Element:
        items = cb_reflection_items(classes=["cb-reflection-items"])
        if self.html:
            items["classes"].append("cb-reflection-static")
        for prompt in item.record.items:
            paragraph = nodes.paragraph()
            if self.html:
                paragraph += nodes.inline(BOX + " ", BOX + " ", classes=["cb-reflection-box"])
            paragraph += nodes.Text(prompt.text)
            node = cb_reflection_item("", paragraph, classes=["cb-reflection-item"])
            node["cb_hash"] = prompt.hash
            items += node
        return items
