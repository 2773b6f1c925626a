"""Read-phase transform: keep the front matter exactly as the author wrote it.

Docutils' ``DocInfo`` transform (priority 340) turns the leading field list into
bibliographic nodes and, for ``author``/``authors``, splits and smart-quotes the
text, so MyST's JSON (``["ann", "bo"]``) would arrive as ``'[“ann”'``. This
transform runs just before it and records each field's raw text on the document,
for the collector to decode.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

RAW_FRONT_MATTER = "careerblog_front_matter"


class RecordFrontMatter(SphinxTransform):
    default_priority = 335

    def apply(self) -> None:
        index = self.document.first_child_not_matching_class(nodes.PreBibliographic)  # type: ignore[arg-type]
        if index is None:
            return
        candidate = self.document[index]
        if not isinstance(candidate, nodes.field_list):
            return
        raw: dict[str, str] = {}
        for field in candidate.findall(nodes.field):
            if field.parent is not candidate or len(field) != 2:
                continue
            raw[field[0].astext()] = field[1].astext()
        self.document[RAW_FRONT_MATTER] = raw
