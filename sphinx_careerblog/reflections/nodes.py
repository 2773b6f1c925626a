"""Nodes of reflection checklists and their visitors for every builder.

The doctree the ``reflection`` directive writes is builder-neutral: each node
subclasses a standard docutils node, so a builder this module does not know still
renders a titled bullet list (Sphinx translators dispatch along the class MRO).
Known builders get their own look:

* HTML: ``checklist_html.ReflectionHtmlTransform`` turns each prompt into an
  ``<input type="checkbox">`` plus ``<label>``; the visitors here write the
  ``cb-*`` classes, ``data-cb-*`` attributes and the controls (progress, reset,
  notes) with ``starttag`` (escaped attributes).
* text, LaTeX, man, Texinfo: a list whose bullets are empty boxes ("☐ prompt").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_careerblog.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The box drawn in front of each prompt where nothing can be ticked.
BOX = "☐"


def progress_template() -> str:
    """The progress figure with placeholders; the script fills in the numbers."""
    # Translators: progress of a checklist, "2 of 5" (prompts ticked of all prompts)
    return _("{done} of {total}")


class cb_reflection(nodes.container):  # noqa: N801
    """One checklist. Attributes: ``cb_id`` (storage key), ``cb_doc`` (docname),
    ``title`` (plain text), ``category``, ``notes`` (bool), ``line``, and after the
    HTML post-transform ``interactive`` (bool)."""


class cb_reflection_title(nodes.paragraph):  # noqa: N801
    """The checklist's title (inline markup allowed)."""


class cb_reflection_items(nodes.bullet_list):  # noqa: N801
    """The list of prompts."""


class cb_reflection_item(nodes.list_item):  # noqa: N801
    """One prompt. Attribute ``cb_hash``: ``model.item_hash`` of its text."""


class cb_reflection_input(nodes.General, nodes.Element):  # noqa: N801
    """HTML only: the checkbox of one prompt (``ids`` holds its element id)."""


class cb_reflection_label(nodes.TextElement):  # noqa: N801
    """HTML only: the ``<label for=...>`` holding a prompt's text."""


class cb_reflection_list(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder of a ``reflectionlist``, replaced on ``doctree-resolved``.

    Attributes: ``docname``, ``categories``, ``post_categories``, ``format``."""


class cb_reflectionlist(nodes.container):  # noqa: N801
    """A resolved ``reflectionlist``. Attribute ``format``: ``full`` or ``summary``."""


class cb_reflectionlist_entry(nodes.list_item):  # noqa: N801
    """One checklist in a ``reflectionlist``: ``cb_doc``, ``cb_id``, ``cb_hashes``."""


class cb_reflectionlist_progress(nodes.inline):  # noqa: N801
    """The reader's progress on one listed checklist (``total``); JS fills it."""


def own_items(root: cb_reflection) -> list[cb_reflection_item]:
    """The prompts of ``root`` itself (not of a checklist nested in its content)."""
    return [
        item
        for child in root.children
        if isinstance(child, cb_reflection_items)
        for item in child.children
        if isinstance(item, cb_reflection_item)
    ]


# -- HTML --------------------------------------------------------------------------


def _attrs(**values: Any) -> dict[str, Any]:
    """``data_cb_id=...`` -> ``{"data-cb-id": ...}`` for ``starttag``."""
    return {name.replace("_", "-"): value for name, value in values.items()}


def visit_reflection_html(self: Any, node: cb_reflection) -> None:
    attrs = _attrs(data_cb_id=node.get("cb_id", ""), data_cb_doc=node.get("cb_doc", ""))
    if node.get("category"):
        attrs["data-cb-category"] = node["category"]
    if node.get("revisit"):
        attrs["data-cb-revisit"] = str(node["revisit"])
    title_id = node.get("title_id")
    if title_id:
        attrs["aria-labelledby"] = title_id
    self.body.append(self.starttag(node, "section", "", **attrs))


def start_tag(
    self: Any,
    tagname: str,
    cls: str = "",
    ids: tuple[str, ...] = (),
    empty: bool = False,
    **attrs: str,
) -> str:
    """A start tag for an element that has no node of its own (escaped attributes).

    Attribute names use ``_`` for ``-`` (``aria_live``); ``for_`` is ``for``.
    """
    element = nodes.Element(ids=list(ids), classes=cls.split())
    named = {("for" if name == "for-" else name): value for name, value in _attrs(**attrs).items()}
    return str(self.starttag(element, tagname, "", empty=empty, **named))


def depart_reflection_html(self: Any, node: cb_reflection) -> None:
    if node.get("interactive"):
        base = node["ids"][0] if node["ids"] else node.get("cb_id", "reflection")
        total = len(own_items(node))
        template = progress_template()
        out = self.body
        out.append(start_tag(self, "div", "cb-reflection-controls"))
        out.append(
            start_tag(
                self,
                "p",
                "cb-reflection-progress",
                hidden="hidden",
                aria_live="polite",
                data_cb_progress=template,
            )
        )
        out.append(self.encode(template.format(done=0, total=total)) + "</p>")
        # "Reset" is named by its checklist for screen readers ("Reset, Looking back")
        described = {"aria_describedby": node["title_id"]} if node.get("title_id") else {}
        out.append(
            start_tag(
                self, "button", "cb-reflection-reset", type="button", hidden="hidden", **described
            )
        )
        out.append(self.encode(_("Reset")) + "</button>")
        out.append(
            start_tag(self, "button", "cb-reflection-review", type="button", hidden="hidden",
                      **described)
        )  # fmt: skip
        out.append(self.encode(_("Start a new review")) + "</button>")
        out.append(start_tag(self, "p", "cb-reflection-revisit", hidden="hidden"))
        out.append("</p>")
        out.append(start_tag(self, "p", "cb-reflection-status", hidden="hidden", role="status"))
        out.append(self.encode(_("This browser does not let the page save your answers.")))
        out.append("</p></div>\n")
        if node.get("notes"):
            notes_id = f"{base}-notes"
            out.append(start_tag(self, "div", "cb-reflection-notes"))
            out.append(start_tag(self, "label", for_=notes_id))
            out.append(self.encode(_("Your notes (kept in this browser only)")) + "</label>")
            out.append(
                start_tag(self, "textarea", "cb-reflection-notes-text", (notes_id,), rows="4")
            )
            out.append("</textarea></div>\n")
    self.body.append("</section>\n")


def visit_title_html(self: Any, node: cb_reflection_title) -> None:
    self.body.append(self.starttag(node, "p", ""))


def depart_title_html(self: Any, node: cb_reflection_title) -> None:
    self.body.append("</p>\n")


def visit_item_html(self: Any, node: cb_reflection_item) -> None:
    self.body.append(self.starttag(node, "li", "", **_attrs(data_cb_hash=node.get("cb_hash", ""))))


def depart_item_html(self: Any, node: cb_reflection_item) -> None:
    self.body.append("</li>\n")


def visit_input_html(self: Any, node: cb_reflection_input) -> None:
    self.body.append(self.starttag(node, "input", "", empty=True, type="checkbox"))
    raise nodes.SkipNode


def visit_label_html(self: Any, node: cb_reflection_label) -> None:
    self.body.append(self.starttag(node, "label", "", **{"for": node["for"]}))


def depart_label_html(self: Any, node: cb_reflection_label) -> None:
    self.body.append("</label>")


def visit_reflectionlist_html(self: Any, node: cb_reflectionlist) -> None:
    self.body.append(self.starttag(node, "div", ""))


def depart_reflectionlist_html(self: Any, node: cb_reflectionlist) -> None:
    if node.get("interactive"):
        out = self.body
        import_id = f"{node['ids'][0]}-import" if node["ids"] else "cb-reflections-import"
        out.append(start_tag(self, "div", "cb-reflectionlist-tools", hidden="hidden"))
        out.append(
            start_tag(self, "button", "cb-reflectionlist-export cb-answers-export", type="button")
        )
        out.append(self.encode(_("Export my answers")) + "</button> ")
        out.append(start_tag(self, "label", "cb-reflectionlist-import-label", for_=import_id))
        out.append(self.encode(_("Import answers from a file")) + "</label> ")
        out.append(
            start_tag(
                self,
                "input",
                "cb-reflectionlist-import cb-answers-import",
                (import_id,),
                empty=True,
                type="file",
                accept=".json,application/json",
            )
        )
        out.append(
            start_tag(
                self,
                "p",
                "cb-reflectionlist-status cb-answers-status",
                role="status",
            )
        )
        out.append("</p></div>\n")
    self.body.append("</div>\n")


def visit_entry_html(self: Any, node: cb_reflectionlist_entry) -> None:
    attrs = _attrs(
        data_cb_doc=node.get("cb_doc", ""),
        data_cb_id=node.get("cb_id", ""),
        data_cb_hashes=" ".join(node.get("cb_hashes", [])),
    )
    if node.get("cb_revisit"):
        attrs["data-cb-revisit"] = str(node["cb_revisit"])
    self.body.append(self.starttag(node, "li", "", **attrs))


def visit_progress_html(self: Any, node: cb_reflectionlist_progress) -> None:
    attrs = _attrs(data_cb_progress=progress_template(), data_cb_total=node.get("total", 0))
    self.body.append(self.starttag(node, "span", "", **attrs))


def depart_progress_html(self: Any, node: cb_reflectionlist_progress) -> None:
    self.body.append("</span>")


# -- text, LaTeX, man, Texinfo ---------------------------------------------------


def visit_item_text(self: Any, node: cb_reflection_item) -> None:
    self.new_state(2)


def depart_item_text(self: Any, node: cb_reflection_item) -> None:
    self.end_state(first=BOX + " ")


def visit_item_latex(self: Any, node: cb_reflection_item) -> None:
    # amssymb's \square (Sphinx loads amssymb by default); a framed strut otherwise
    self.body.append(r"\item[\ifdefined\square\(\square\)\else\fbox{\strut}\fi]{} ")


def depart_item_latex(self: Any, node: cb_reflection_item) -> None:
    self.body.append("\n")


def visit_item_man(self: Any, node: cb_reflection_item) -> None:
    self.body.append(".IP \\[u2610] 2\n")


def depart_nothing(self: Any, node: nodes.Node) -> None:
    pass


def visit_items_texinfo(self: Any, node: cb_reflection_items) -> None:
    self.body.append(f"\n\n@itemize {BOX}\n")


def depart_items_texinfo(self: Any, node: cb_reflection_items) -> None:
    self.ensure_eol()
    self.body.append("@end itemize\n")


def skip_placeholder(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Register the nodes (called from ``extension.py``)."""
    skip = (skip_placeholder, None)
    app.add_node(cb_reflection_list, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(cb_reflection, html=(visit_reflection_html, depart_reflection_html))
    app.add_node(cb_reflection_title, html=(visit_title_html, depart_title_html))
    app.add_node(cb_reflection_items, texinfo=(visit_items_texinfo, depart_items_texinfo))
    app.add_node(
        cb_reflection_item,
        html=(visit_item_html, depart_item_html),
        text=(visit_item_text, depart_item_text),
        latex=(visit_item_latex, depart_item_latex),
        man=(visit_item_man, depart_nothing),
    )
    app.add_node(cb_reflection_input, html=(visit_input_html, None))
    app.add_node(cb_reflection_label, html=(visit_label_html, depart_label_html))
    app.add_node(cb_reflectionlist, html=(visit_reflectionlist_html, depart_reflectionlist_html))
    app.add_node(cb_reflectionlist_entry, html=(visit_entry_html, depart_item_html))
    app.add_node(cb_reflectionlist_progress, html=(visit_progress_html, depart_progress_html))
