"""What ``reflectionlist`` and ``growthmap`` show of the project's checklists.

Both renderers read the checklists only through ``shown_checklists``; the
fingerprint deciding whether the documents holding them are rewritten is a hash of
exactly that view (records, the titles shown beside them, the categories the
``post-category`` filter reads, the reading order). So retitling the page a
checklist stands on rewrites every list that shows the title (issue 10).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_careerblog.data.model import ChecklistRecord, slugify

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import CareerBlogData


@dataclass(frozen=True)
class ShownChecklist:
    """One checklist as the lists show it."""

    record: ChecklistRecord
    #: the title of the post it stands in or, outside posts, of its page
    source: str | None
    #: slugs of the categories of the post it stands in (``post-category`` filter)
    post_categories: tuple[str, ...]


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


def shown_checklists(env: BuildEnvironment, store: CareerBlogData) -> list[ShownChecklist]:
    """Every checklist of the project in reading order, with what is shown beside it."""
    shown: list[ShownChecklist] = []
    for docname in reading_order(env, store.checklists):
        for record in store.checklists[docname]:
            post = store.find_post(record.docname, record.post) if record.post is not None else None
            if post is not None:
                source: str | None = post.listed_title
                categories = tuple(slugify(c) for c in post.fields.categories)
            else:
                title = env.titles.get(record.docname)
                source = title.astext() if title is not None else None
                categories = ()
            shown.append(ShownChecklist(record, source, categories))
    return shown


def known_post_categories(store: CareerBlogData) -> set[str]:
    """Slugs of every post category (to report a ``post-category`` filter matching none)."""
    return {slugify(c) for post in store.iter_posts() for c in post.fields.categories}


def view_fingerprint(env: BuildEnvironment, store: CareerBlogData) -> str:
    """A hash of everything the reflection renderers read from the environment."""
    digest = hashlib.sha256()
    for item in shown_checklists(env, store):
        digest.update(repr(item).encode())
    digest.update(repr(sorted(known_post_categories(store))).encode())
    return digest.hexdigest()
