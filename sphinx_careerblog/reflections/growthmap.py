"""``growthmap`` at write time: the reader's progress along the declared competencies.

A pure function of (doctree, store, config), reading checklists only through
``view.shown_checklists`` (whose hash decides when its page is rewritten). Every
builder gets the static table of competencies, checklists and prompt totals; an
interactive HTML page also gets the live map (hidden until the script fills it in
from the reader's own storage): per competency a labelled bar, the "{done} of
{total}" figure, the change since the last review, and the checklists with their
own progress, grouped by level when levels are declared.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.i18n import _, prompt_count
from sphinx_careerblog.reflections.growth_nodes import (
    cb_growth_map,
    cb_growthmap,
    cb_growthmap_bar,
    cb_growthmap_chart,
    cb_growthmap_competency,
    cb_growthmap_data,
    cb_growthmap_live,
    cb_growthmap_tools,
)
from sphinx_careerblog.reflections.listing import (
    checklist_line,
    doc_uri,
    is_interactive,
)
from sphinx_careerblog.reflections.nodes import (
    cb_reflectionlist_entry,
    cb_reflectionlist_progress,
    progress_template,
)
from sphinx_careerblog.reflections.view import ShownChecklist, shown_checklists

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: one competency and the checklists that name it
Group = tuple[str, dict[str, str], list[ShownChecklist]]


def resolve_growth_maps(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each ``growthmap`` placeholder."""
    placeholders = list(doctree.findall(cb_growth_map))
    if not placeholders:
        return
    shown = shown_checklists(app.env, get_store(app.env))
    for node in placeholders:
        node.replace_self(GrowthMapRenderer(app, node, docname).render(shown))


class GrowthMapRenderer:
    def __init__(self, app: Sphinx, node: cb_growth_map, fromdocname: str) -> None:
        self.app = app
        self.node = node
        self.fromdocname = fromdocname
        self.levels: list[str] = list(app.config.careerblog_levels)
        self.interactive = is_interactive(app)
        self.base = node["ids"][0] if node["ids"] else "growthmap"

    def groups(self, shown: list[ShownChecklist]) -> list[Group]:
        """Competencies in declared order (filtered), each with its checklists."""
        declared: dict[str, dict[str, str]] = self.app.config.careerblog_competencies
        wanted = set(self.node["competencies"])
        levels = set(self.node["levels"])
        groups: list[Group] = []
        for slug, info in declared.items():
            if wanted and slug not in wanted:
                continue
            chosen = [
                item
                for item in shown
                if slug in item.record.competencies and (not levels or item.record.level in levels)
            ]
            groups.append((slug, info, self.by_level(chosen)))
        return groups

    def by_level(self, items: list[ShownChecklist]) -> list[ShownChecklist]:
        """Checklists in declared level order (unlevelled last), else reading order."""
        rank = {level: index for index, level in enumerate(self.levels)}
        return sorted(items, key=lambda item: rank.get(item.record.level or "", len(rank)))

    def render(self, shown: list[ShownChecklist]) -> nodes.Element:
        root = cb_growthmap(classes=["cb-growthmap"])
        root["ids"] = list(self.node["ids"])
        groups = self.groups(shown)
        if not groups:
            text = _("No competencies are declared (careerblog_competencies).")
            root += nodes.paragraph(text, text, classes=["cb-growthmap-empty"])
            return root
        if self.interactive:
            root += self.live(groups)
        root += self.static_table(groups)
        return root

    # -- the static table (every builder; HTML without JavaScript) --------------------

    def static_table(self, groups: list[Group]) -> nodes.Element:
        headers = [_("Competency"), _("Checklist")]
        if self.levels:
            headers.append(_("Level"))
        headers.append(_("Prompts"))
        table = nodes.table(classes=["cb-growthmap-static"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in [20, 44, 10, 8] if self.levels else [20, 52, 8]:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += self.row([nodes.Text(text) for text in headers])
        group += head
        body = nodes.tbody()
        for _slug, info, items in groups:
            total = sum(len(item.record.items) for item in items)
            name = nodes.strong(info.get("title", _slug), info.get("title", _slug))
            filler: list[nodes.Node] = [nodes.Text("")] * (len(headers) - 2)
            body += self.row([name, *filler, nodes.strong(str(total), str(total))])
            if not items:
                none = _("No checklist names this competency yet.")
                body += self.row([nodes.Text(""), nodes.emphasis(none, none), *filler[1:],
                                  nodes.Text("")])  # fmt: skip
            for item in items:
                cells: list[nodes.Node] = [nodes.Text(""), self.line(item)]
                if self.levels:
                    cells.append(nodes.Text(item.record.level or ""))
                cells.append(nodes.Text(str(len(item.record.items))))
                body += self.row(cells)
        group += body
        return table

    def row(self, cells: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            entry += nodes.paragraph("", "", content)
            row += entry
        return row

    def line(self, item: ShownChecklist) -> nodes.Node:
        line = checklist_line(self.app, self.fromdocname, item)
        return nodes.inline("", "", *line.children)

    # -- the live map (interactive HTML) --------------------------------------------

    def live(self, groups: list[Group]) -> nodes.Element:
        live = cb_growthmap_live(classes=["cb-growthmap-live"])
        chart = cb_growthmap_chart(classes=["cb-growthmap-chart"])
        chart["columns"] = [(slug, info.get("title", slug)) for slug, info, _items in groups]
        live += chart
        for slug, info, items in groups:
            live += self.competency(slug, info, items)
        tools = cb_growthmap_tools(classes=["cb-growthmap-tools"])
        tools["base"] = self.base
        live += tools
        data = cb_growthmap_data()
        data["json"] = json.dumps(self.data(groups), ensure_ascii=False, sort_keys=True)
        live += data
        return live

    def competency(
        self, slug: str, info: dict[str, str], items: list[ShownChecklist]
    ) -> nodes.Element:
        title_id = f"{self.base}-{slug}"
        box = cb_growthmap_competency(classes=["cb-growthmap-competency"])
        box["slug"], box["title_id"] = slug, title_id
        title = info.get("title", slug)
        heading = nodes.paragraph("", "", nodes.strong(title, title), ids=[title_id],
                                  classes=["cb-growthmap-name"])  # fmt: skip
        box += heading
        if info.get("description"):
            box += nodes.paragraph(info["description"], info["description"],
                                   classes=["cb-growthmap-description"])  # fmt: skip
        total = sum(len(item.record.items) for item in items)
        bar = cb_growthmap_bar(classes=["cb-growthmap-bar"])
        bar["total"], bar["title_id"] = total, title_id
        box += bar
        figure = nodes.paragraph(classes=["cb-growthmap-figures"])
        template = progress_template()
        count = cb_reflectionlist_progress("", template.format(done=0, total=total),
                                           classes=["cb-growthmap-count"])  # fmt: skip
        count["total"] = total
        figure += count
        figure += nodes.inline("", "", classes=["cb-growthmap-delta"])
        box += figure
        if not items:
            none = _("No checklist names this competency yet.")
            box += nodes.paragraph(none, none, classes=["cb-growthmap-none"])
        level = object()  # no level seen yet
        entries = nodes.bullet_list(classes=["cb-growthmap-checklists"])
        for item in items:
            if self.levels and item.record.level != level:
                level = item.record.level
                if len(entries):
                    box += entries
                    entries = nodes.bullet_list(classes=["cb-growthmap-checklists"])
                name = item.record.level or _("Any level")
                box += nodes.paragraph(name, name, classes=["cb-growthmap-level"])
            entries += self.entry(item)
        if len(entries):
            box += entries
        return box

    def entry(self, item: ShownChecklist) -> nodes.Element:
        record = item.record
        entry = cb_reflectionlist_entry(classes=["cb-growthmap-entry"])
        entry["cb_doc"], entry["cb_id"] = record.docname, record.id
        entry["cb_hashes"] = [prompt.hash for prompt in record.items]
        if record.revisit:
            entry["cb_revisit"] = record.revisit
        line = checklist_line(self.app, self.fromdocname, item)
        line += nodes.Text(" · ")
        counted = prompt_count(len(record.items))
        progress = cb_reflectionlist_progress(counted, counted, classes=["cb-growthmap-progress"])
        progress["total"] = len(record.items)
        line += progress
        line += nodes.inline("", "", classes=["cb-growthmap-stale"])
        entry += line
        return entry

    def data(self, groups: list[Group]) -> dict[str, object]:
        """What the Markdown export needs that the page does not show: prompt texts."""
        checklists: dict[str, dict[str, object]] = {}
        for _slug, _info, items in groups:
            for item in items:
                record = item.record
                uri = doc_uri(self.app, self.fromdocname, record.docname, record.anchor)
                checklists[f"{record.docname}\n{record.id}"] = {
                    "doc": record.docname,
                    "id": record.id,
                    "title": record.title,
                    "source": item.source or "",
                    "level": record.level or "",
                    "url": uri or "",
                    "prompts": [[prompt.hash, prompt.text] for prompt in record.items],
                }
        competencies = [
            {
                "slug": slug,
                "title": info.get("title", slug),
                "checklists": [f"{item.record.docname}\n{item.record.id}" for item in items],
            }
            for slug, info, items in groups
        ]
        return {"competencies": competencies, "checklists": checklists}
