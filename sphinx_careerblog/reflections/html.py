"""HTML only: turn each reflection prompt into a real checkbox with its label.

Runs as a post-transform (like sphinx-design's tab transform), so the stored
doctree stays builder-neutral. In EPUB, where pages are not interactive, each
prompt gets a visible box instead.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_careerblog.reflections.nodes import (
    BOX,
    cb_reflection,
    cb_reflection_input,
    cb_reflection_item,
    cb_reflection_items,
    cb_reflection_label,
    own_items,
)


class ReflectionHtmlTransform(SphinxPostTransform):
    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        interactive = not self.app.builder.name.startswith("epub")
        used_ids: set[str] = set()
        for root in self.document.findall(cb_reflection):
            if interactive:
                root["interactive"] = bool(own_items(root))
                base = root["ids"][0] if root["ids"] else f"reflection-{root['cb_id']}"
                for item in own_items(root):
                    add_checkbox(item, _unique(f"{base}-{item['cb_hash']}", used_ids))
            else:
                for child in root.children:
                    if isinstance(child, cb_reflection_items):
                        child["classes"].append("cb-reflection-static")
                for item in own_items(root):
                    add_box(item)


def _unique(candidate: str, used: set[str]) -> str:
    """Element ids stay unique when documents are assembled into one page."""
    result, number = candidate, 2
    while result in used:
        result = f"{candidate}-{number}"
        number += 1
    used.add(result)
    return result


def add_checkbox(item: cb_reflection_item, element_id: str) -> None:
    """``<input type=checkbox id=...>`` then ``<label for=...>`` with the prompt text."""
    box = cb_reflection_input(ids=[element_id], classes=["cb-reflection-box"])
    label = cb_reflection_label("", "", classes=["cb-reflection-label"])
    label["for"] = element_id
    first = item[0] if item.children else None
    if isinstance(first, nodes.paragraph):
        label.extend(first.children)
        first.replace_self([box, label])
    else:
        text = item.get("cb_text", item.astext())
        label += nodes.Text(" ".join(text.split()))
        label["classes"].append("cb-reflection-label-summary")
        item.insert(0, [box, label])


def add_box(item: cb_reflection_item) -> None:
    box = nodes.inline(BOX + " ", BOX + " ", classes=["cb-reflection-box"])
    first = item[0] if item.children else None
    if isinstance(first, nodes.paragraph):
        first.insert(0, box)
    else:
        item.insert(0, nodes.paragraph("", "", box))
