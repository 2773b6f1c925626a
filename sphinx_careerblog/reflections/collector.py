"""The reflections collector: the read side of checklists, reflection lists and growth maps.

An ``EnvironmentCollector`` (as Sphinx collects titles and toctrees):

* ``process_doc`` makes each checklist's storage id unique in its document (reporting
  duplicates), stores one ``ChecklistRecord`` per checklist in
  ``store.checklists[docname]`` and notes documents holding a ``reflectionlist`` or a
  ``growthmap`` in ``store.reflection_docs``. It runs after the posts collector
  (registered first, same event), so the document's posts are known.
* ``get_updated_docs`` rewrites those documents when what they show changed: the
  fingerprint is ``view.view_fingerprint``, a hash of exactly what the renderers read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_careerblog.data.model import ChecklistItem, ChecklistRecord
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.posts.collector import current_docname
from sphinx_careerblog.reflections.growth_nodes import cb_growth_map
from sphinx_careerblog.reflections.nodes import (
    cb_reflection,
    cb_reflection_list,
    cb_reflection_title,
    own_items,
)
from sphinx_careerblog.reflections.view import view_fingerprint
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class ReflectionCollector(EnvironmentCollector):
    """Checklist records and the documents that list them, per document."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store = get_store(env)
        store.checklists.pop(docname, None)
        store.reflection_docs.discard(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        store, theirs = get_store(env), get_store(other)
        for docname in docnames:
            if docname in theirs.checklists:
                store.checklists[docname] = theirs.checklists[docname]
            if docname in theirs.reflection_docs:
                store.reflection_docs.add(docname)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        docname = current_docname(app.env)
        store = get_store(app.env)
        if any(True for _node in doctree.findall(_is_listing)):
            store.reflection_docs.add(docname)
        post_anchors = {post.anchor for post in store.posts.get(docname, ())}
        records = [checklist_record(docname, node, post_anchors) for node in unique_ids(doctree)]
        if records:
            store.checklists[docname] = tuple(records)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        store = get_store(env)
        if store.documents_unchanged() and store.reflection_fingerprint:
            return []  # the view is made from documents only
        fingerprint = view_fingerprint(env, store)
        if fingerprint == store.reflection_fingerprint:
            return []
        store.reflection_fingerprint = fingerprint
        return sorted(store.reflection_docs & set(env.found_docs))


def _is_listing(node: nodes.Node) -> bool:
    return isinstance(node, (cb_reflection_list, cb_growth_map))


def unique_ids(doctree: nodes.document) -> list[cb_reflection]:
    """The document's checklists; a repeated id gets ``-2``, ``-3``... (reported)."""
    first_line: dict[str, int | None] = {}
    found: list[cb_reflection] = []
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
        found.append(node)
    return found


def checklist_record(docname: str, node: cb_reflection, post_anchors: set[str]) -> ChecklistRecord:
    items = tuple(
        # as shown (after smart quotes and translation); the hash stays the source's
        ChecklistItem(text=" ".join(item.astext().split()), hash=item["cb_hash"])
        for item in own_items(node)
    )
    return ChecklistRecord(
        docname=docname,
        id=node["cb_id"],
        title=_shown_title(node),
        category=node.get("category"),
        items=items,
        anchor=node["ids"][0] if node["ids"] else "",
        notes=bool(node.get("notes")),
        line=node.line,
        post=_enclosing_post(node, post_anchors),
        competencies=tuple(node.get("competencies", ())),
        level=node.get("level"),
        revisit=node.get("revisit"),
    )


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
