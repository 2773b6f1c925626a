"""Nodes of the growth map and their HTML visitors.

The resolved growth map is a ``cb_growthmap`` container holding a static table
(every builder, and HTML without JavaScript) and, in interactive HTML, a hidden
live part that ``careerblog-growthmap.js`` fills from the reader's storage. Every
node subclasses a docutils node, so builders without visitors of their own render
the table as any container.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_careerblog.i18n import _
from sphinx_careerblog.reflections.nodes import progress_template, skip_placeholder, start_tag

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class cb_growth_map(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder of a ``growthmap``, replaced on ``doctree-resolved``.

    Attributes: ``competencies`` and ``levels`` (filters; empty = all)."""


class cb_growthmap(nodes.container):  # noqa: N801
    """A resolved growth map (``cb-growthmap``)."""


class cb_growthmap_live(nodes.container):  # noqa: N801
    """HTML only: the part the script shows and fills (hidden without JavaScript)."""


class cb_growthmap_competency(nodes.container):  # noqa: N801
    """One competency: ``slug``, ``title_id`` (the element naming it)."""


class cb_growthmap_bar(nodes.General, nodes.Element):  # noqa: N801
    """A progress bar (``total``, ``title_id``); the count beside it is its text."""


class cb_growthmap_chart(nodes.General, nodes.Element):  # noqa: N801
    """The compact chart of every competency: ``columns`` = ``[(slug, title), ...]``."""


class cb_growthmap_tools(nodes.General, nodes.Element):  # noqa: N801
    """Markdown copy and download, JSON export and import, and their status line."""


class cb_growthmap_data(nodes.General, nodes.Element):  # noqa: N801
    """``<script type="application/json">`` with the map's checklists (``json``)."""


def visit_growthmap_html(self: Any, node: cb_growthmap) -> None:
    self.body.append(self.starttag(node, "div", ""))


def depart_div(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_live_html(self: Any, node: cb_growthmap_live) -> None:
    self.body.append(self.starttag(node, "div", "", hidden="hidden"))


def visit_competency_html(self: Any, node: cb_growthmap_competency) -> None:
    attrs = {"data-cb-competency": node["slug"], "aria-labelledby": node["title_id"]}
    self.body.append(self.starttag(node, "section", "", **attrs))


def depart_competency_html(self: Any, node: cb_growthmap_competency) -> None:
    self.body.append("</section>\n")


def visit_bar_html(self: Any, node: cb_growthmap_bar) -> None:
    total = node["total"]
    attrs = {
        "role": "progressbar",
        "aria-valuemin": "0",
        "aria-valuemax": str(total),
        "aria-valuenow": "0",
        "aria-valuetext": progress_template().format(done=0, total=total),
        "aria-labelledby": node["title_id"],
    }
    self.body.append(self.starttag(node, "div", "", **attrs))
    self.body.append(start_tag(self, "span", "cb-growthmap-fill") + "</span></div>\n")
    raise nodes.SkipNode


def visit_chart_html(self: Any, node: cb_growthmap_chart) -> None:
    out = self.body
    out.append(self.starttag(node, "ul", "", **{"aria-label": _("All competencies at a glance")}))
    for slug, title in node["columns"]:
        out.append(start_tag(self, "li", "cb-growthmap-column", data_cb_competency=slug))
        out.append(start_tag(self, "span", "cb-growthmap-column-bar", aria_hidden="true"))
        out.append(start_tag(self, "span", "cb-growthmap-column-fill") + "</span></span>")
        out.append(start_tag(self, "span", "cb-growthmap-column-label"))
        out.append(self.encode(title) + "</span> ")
        out.append(start_tag(self, "span", "cb-growthmap-column-value") + "</span></li>\n")
    out.append("</ul>\n")
    raise nodes.SkipNode


def visit_tools_html(self: Any, node: cb_growthmap_tools) -> None:
    out = self.body
    import_id = f"{node['base']}-import"
    out.append(
        self.starttag(node, "div", "", role="group", **{"aria-label": _("Take it with you")})
    )
    buttons = (
        ("cb-growthmap-copy-md", _("Copy as Markdown")),
        ("cb-growthmap-export-md", _("Download as Markdown")),
        ("cb-answers-export", _("Export my answers")),
    )
    for cls, label in buttons:
        out.append(start_tag(self, "button", cls, type="button"))
        out.append(self.encode(label) + "</button> ")
    out.append(start_tag(self, "label", "cb-answers-import-label", for_=import_id))
    out.append(self.encode(_("Import answers from a file")) + "</label> ")
    out.append(
        start_tag(
            self, "input", "cb-answers-import", (import_id,), empty=True,
            type="file", accept=".json,application/json",
        )
    )  # fmt: skip
    out.append(start_tag(self, "p", "cb-answers-status cb-growthmap-status", role="status"))
    out.append("</p></div>\n")
    raise nodes.SkipNode


def visit_data_html(self: Any, node: cb_growthmap_data) -> None:
    # JSON inside <script>: "<", ">" and "&" escaped, so no "</script>" can end it early
    text = node["json"].replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    self.body.append(start_tag(self, "script", "cb-growthmap-data", type="application/json"))
    self.body.append(text + "</script>\n")
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Register the nodes (called from ``extension.py``)."""
    skip = (skip_placeholder, None)
    app.add_node(cb_growth_map, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(cb_growthmap, html=(visit_growthmap_html, depart_div))
    app.add_node(cb_growthmap_live, html=(visit_live_html, depart_div))
    app.add_node(cb_growthmap_competency, html=(visit_competency_html, depart_competency_html))
    for html_only, visit in (
        (cb_growthmap_bar, visit_bar_html),
        (cb_growthmap_chart, visit_chart_html),
        (cb_growthmap_tools, visit_tools_html),
        (cb_growthmap_data, visit_data_html),
    ):
        app.add_node(html_only, html=(visit, None))
