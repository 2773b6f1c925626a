"""Reflection checklists across the project: collected while reading, listed at write time.

* ``collect_checklists`` (a ``careerblog-read-doc`` handler) makes each checklist's
  storage id unique in its document (reporting duplicates), stores one
  ``ChecklistRecord`` per checklist in ``store.checklists[docname]`` and marks
  documents holding a ``reflectionlist`` in ``store.listing_docs``. The collector's
  listing fingerprint covers the checklists, so those documents are rewritten
  whenever a checklist changes anywhere (sphinx#9706 does not apply).
* ``resolve_reflection_lists`` (``doctree-resolved``) replaces each
  ``reflectionlist`` placeholder: a pure function of (doctree, store, config).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri

from sphinx_careerblog.data.model import ChecklistItem, ChecklistRecord, slugify
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, pgettext, prompt_count
from sphinx_careerblog.reflections.nodes import (
    BOX,
    cb_reflection,
    cb_reflection_item,
    cb_reflection_items,
    cb_reflection_list,
    cb_reflection_title,
    cb_reflectionlist,
    cb_reflectionlist_entry,
    cb_reflectionlist_progress,
    own_items,
)
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import CareerBlogData


def collect_checklists(
    app: Sphinx,
    env: BuildEnvironment,
    docname: str,
    doctree: nodes.document,
    store: CareerBlogData,
) -> None:
    if any(True for _node in doctree.findall(cb_reflection_list)):
        store.listing_docs.add(docname)
    post_anchors = {post.anchor for post in store.posts.get(docname, ())}
    records: list[ChecklistRecord] = []
    first_line: dict[str, int | None] = {}
    for node in doctree.findall(cb_reflection):
        cb_id: str = node["cb_id"]
        if cb_id in first_line:
            number = 2
            while f"{cb_id}-{number}" in first_line:
                number += 1
            unique = f"{cb_id}-{number}"
            warn(
                CbWarning.CHECKLIST,
                f"reflection: duplicate id {cb_id!r} in this document (first used on line "
                f"{first_line[cb_id]}); this checklist is stored as {unique!r} - give it "
                "its own :id:",
                location=node,
            )
            cb_id = node["cb_id"] = unique
        first_line[cb_id] = node.line
        items = tuple(
            # as shown (after smart quotes and translation); the hash stays the source's
            ChecklistItem(text=" ".join(item.astext().split()), hash=item["cb_hash"])
            for item in own_items(node)
        )
        records.append(
            ChecklistRecord(
                docname=docname,
                id=cb_id,
                title=_shown_title(node),
                category=node.get("category"),
                items=items,
                anchor=node["ids"][0] if node["ids"] else "",
                notes=bool(node.get("notes")),
                line=node.line,
                post=_enclosing_post(node, post_anchors),
            )
        )
    if records:
        store.checklists[docname] = tuple(records)


def _shown_title(node: cb_reflection) -> str:
    for child in node.children:
        if isinstance(child, cb_reflection_title):
            return " ".join(child.astext().split())
    return str(node["title"])


def _enclosing_post(node: nodes.Node, post_anchors: set[str]) -> str | None:
    """The anchor of the innermost post around ``node`` ("" = the page's post)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and post_anchors.intersection(parent["ids"]):
            return str(next(anchor for anchor in parent["ids"] if anchor in post_anchors))
        parent = parent.parent
    return "" if "" in post_anchors else None


# -- write phase ---------------------------------------------------------------------


def resolve_reflection_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each ``reflectionlist`` placeholder."""
    placeholders = list(doctree.findall(cb_reflection_list))
    if not placeholders:
        return
    store = get_store(app.env)
    every = [
        record
        for doc in reading_order(app.env, store.checklists)
        for record in store.checklists[doc]
    ]
    for node in placeholders:
        node.replace_self(ReflectionListRenderer(app, store, node, docname).render(every))


def reading_order(env: BuildEnvironment, docnames: Iterable[str]) -> list[str]:
    """``docnames`` in the order a reader meets them in the toctrees (root document
    first, depth first); documents outside every toctree follow, by name."""
    wanted = set(docnames)
    order: list[str] = []
    seen: set[str] = set()
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        if docname in wanted:
            order.append(docname)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return order + sorted(wanted - set(order))


def refresh_on_reorder(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: moving documents in a toctree reorders every
    ``reflectionlist`` without changing any checklist, so compare the order too."""
    store = get_store(env)
    order = "\n".join(reading_order(env, store.checklists))
    if order == store.reflection_order:
        return []
    store.reflection_order = order
    return sorted(store.listing_docs & set(env.found_docs))


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


class ReflectionListRenderer:
    def __init__(
        self, app: Sphinx, store: CareerBlogData, node: cb_reflection_list, fromdocname: str
    ) -> None:
        self.app = app
        self.store = store
        self.node = node
        self.fromdocname = fromdocname
        self.html = app.builder.format == "html"
        self.interactive = self.html and not app.builder.name.startswith("epub")

    def select(self, records: Iterable[ChecklistRecord]) -> list[ChecklistRecord]:
        records = list(records)
        wanted = {slugify(value) for value in self.node["categories"]}
        wanted_posts = {slugify(value) for value in self.node["post_categories"]}
        self.check_filter("category", wanted, {slugify(r.category or "") for r in records})
        known_post_categories = {
            slugify(category)
            for post in self.store.iter_posts()
            for category in post.fields.categories
        }
        self.check_filter("post-category", wanted_posts, known_post_categories)
        chosen = []
        for record in records:
            if wanted and slugify(record.category or "") not in wanted:
                continue
            if wanted_posts and not wanted_posts & self.post_categories(record):
                continue
            chosen.append(record)
        return chosen

    def check_filter(self, option: str, wanted: set[str], known: set[str]) -> None:
        unknown = sorted(wanted - known)
        if unknown:
            warn(
                CbWarning.FILTER,
                f"reflectionlist: :{option}: {', '.join(unknown)} matches no "
                + ("checklist" if option == "category" else "post category"),
                location=self.node,
            )

    def post_categories(self, record: ChecklistRecord) -> set[str]:
        if record.post is None:
            return set()
        post = self.store.find_post(record.docname, record.post)
        return {slugify(c) for c in post.fields.categories} if post else set()

    def render(self, records: Iterable[ChecklistRecord]) -> nodes.Node:
        fmt: str = self.node["format"]
        root = cb_reflectionlist(classes=["cb-reflectionlist", f"cb-reflectionlist-{fmt}"])
        root["ids"] = list(self.node["ids"])
        root["format"] = fmt
        chosen = self.select(records)
        if not chosen:
            text = _("No reflection checklists.")
            root += nodes.paragraph(text, text, classes=["cb-reflectionlist-empty"])
            return root
        # the dashboard carries export and import of the reader's answers
        root["interactive"] = self.interactive and fmt == "summary"
        entries = nodes.bullet_list(classes=["cb-reflectionlist-entries"])
        for record in chosen:
            entries += self.entry(record, full=fmt == "full")
        root += entries
        return root

    def entry(self, record: ChecklistRecord, *, full: bool) -> nodes.Node:
        entry = cb_reflectionlist_entry(classes=["cb-reflectionlist-entry"])
        entry["cb_doc"] = record.docname
        entry["cb_id"] = record.id
        entry["cb_hashes"] = [item.hash for item in record.items]
        line = nodes.paragraph()
        uri = doc_uri(self.app, self.fromdocname, record.docname, record.anchor)
        title = nodes.strong(record.title, record.title)
        if uri is None:
            line += title
        else:
            line += nodes.reference("", "", title, refuri=uri, internal=True)
        source = self.source_title(record)
        if source:
            # Translators: between a checklist's title and the page it stands on
            line += nodes.Text(" " + pgettext("checklist source", "in") + " ")
            line += nodes.emphasis(source, source)
        count = len(record.items)
        counted = prompt_count(count)
        line += nodes.Text(" · ")
        progress = cb_reflectionlist_progress(
            counted, counted, classes=["cb-reflectionlist-progress"]
        )
        progress["total"] = count
        line += progress
        entry += line
        if full and record.items:
            entry += self.items(record)
        return entry

    def source_title(self, record: ChecklistRecord) -> str | None:
        """The post (or, outside posts, the page) a checklist stands in."""
        if record.post is not None:
            post = self.store.find_post(record.docname, record.post)
            if post is not None:
                return post.listed_title
        title = self.app.env.titles.get(record.docname)
        return title.astext() if title is not None else None

    def items(self, record: ChecklistRecord) -> nodes.Element:
        items = cb_reflection_items(classes=["cb-reflection-items"])
        if self.html:
            items["classes"].append("cb-reflection-static")
        for prompt in record.items:
            paragraph = nodes.paragraph()
            if self.html:
                paragraph += nodes.inline(BOX + " ", BOX + " ", classes=["cb-reflection-box"])
            paragraph += nodes.Text(prompt.text)
            item = cb_reflection_item("", paragraph, classes=["cb-reflection-item"])
            item["cb_hash"] = prompt.hash
            items += item
        return items
