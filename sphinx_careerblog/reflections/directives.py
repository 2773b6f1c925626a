"""``reflection`` and ``reflectionlist``: directives that only describe, never store.

``reflection`` parses its content and arranges it as a builder-neutral tree
(``checklist_nodes``): title, optional introduction, the prompts, and whatever the
author wrote after the list. Bad content is reported where it stands and kept.
Storage ids are checked per document by the collector (``checklist_collect``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.nodes import make_id

from sphinx_careerblog.data.model import item_hash, readable_slug, slugify
from sphinx_careerblog.data.values import split_values
from sphinx_careerblog.directives import CbDirective, LenientOptionSpec
from sphinx_careerblog.i18n import _
from sphinx_careerblog.reflections.growth_nodes import cb_growth_map
from sphinx_careerblog.reflections.nodes import (
    cb_reflection,
    cb_reflection_item,
    cb_reflection_items,
    cb_reflection_list,
    cb_reflection_title,
)
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from docutils.nodes import Node

#: the ``format`` values of ``reflectionlist``
LIST_FORMATS = ("full", "summary")

_LISTS = (nodes.bullet_list, nodes.enumerated_list)


class ReflectionDirective(CbDirective):
    """A reflection checklist: ``title`` argument, intro, a bullet list of prompts."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[LenientOptionSpec] = LenientOptionSpec(
        id=directives.unchanged,
        category=directives.unchanged,
        notes=directives.unchanged,  # a flag; "true"/"false" accepted (see notes_flag)
        competency=directives.unchanged,
        level=directives.unchanged,
        revisit=directives.unchanged,
    )

    def run(self) -> list[Node]:
        self.report_unknown_options()
        location = self.get_location()
        title_text = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not title_text:
            warn(
                CbWarning.CHECKLIST,
                "reflection: no title given; using 'Reflection'",
                location=location,
            )
            title_text = _("Reflection")

        root = cb_reflection(classes=["cb-reflection"])
        self.set_source_info(root)
        root["cb_doc"] = self.env.docname
        root["notes"] = self.notes_flag(location)
        category = " ".join((self.options.get("category") or "").split())
        root["category"] = category or None
        root["competencies"] = self.competencies(location)
        root["level"] = self.level(location)
        root["revisit"] = self.revisit(location)

        title_nodes, messages = self.parse_inline(title_text)
        title = cb_reflection_title("", "", classes=["cb-reflection-title"])
        title += nodes.strong(title_text, "", *title_nodes)
        self.set_source_info(title)
        root["title"] = title.astext()
        root["cb_id"] = self.storage_id(root["title"], location)

        document = self.state.document
        root["ids"].append(make_id(self.env, document, "reflection", root["cb_id"]))
        title["ids"].append(make_id(self.env, document, "reflection-title", root["cb_id"]))
        root["title_id"] = title["ids"][0]
        document.note_explicit_target(root)
        document.note_explicit_target(title)
        root += title
        root.extend(messages)
        self.arrange(root, self.parse_content_to_nodes(), location)
        return [root]

    def notes_flag(self, location: str) -> bool:
        """``:notes:`` is a flag; a value such as ``true`` or ``no`` is understood too
        (docutils would drop the whole checklist over a value given to a flag)."""
        if "notes" not in self.options:
            return False
        value = (self.options["notes"] or "").strip().lower()
        if value in ("", "true", "yes", "on", "1"):
            return True
        if value in ("false", "no", "off", "0"):
            return False
        warn(
            CbWarning.CHECKLIST,
            f"reflection: :notes: is a flag (no value needed); {value!r} is read as on",
            location=location,
        )
        return True

    def competencies(self, location: str) -> list[str]:
        """Declared competency slugs named by ``:competency:`` (each undeclared one reported)."""
        declared: dict[str, object] = self.config.careerblog_competencies
        chosen: list[str] = []
        for value in split_values(self.options.get("competency")):
            slug = value if value in declared else slugify(value)
            if slug not in declared:
                known = ", ".join(declared) or "none declared in careerblog_competencies"
                warn(
                    CbWarning.CHECKLIST,
                    f"reflection: undeclared competency {value!r} left out (known: {known})",
                    location=location,
                )
            elif slug not in chosen:
                chosen.append(slug)
        return chosen

    def level(self, location: str) -> str | None:
        """``:level:``: one of ``careerblog_levels`` (matched without regard to case)."""
        value = " ".join((self.options.get("level") or "").split())
        if not value:
            return None
        levels: list[str] = list(self.config.careerblog_levels)
        for level in levels:
            if level.lower() == value.lower():
                return level
        known = ", ".join(levels) or "none declared in careerblog_levels"
        warn(
            CbWarning.CHECKLIST,
            f"reflection: undeclared level {value!r} ignored (known: {known})",
            location=location,
        )
        return None

    def revisit(self, location: str) -> int | None:
        """``:revisit:``: a whole number of days, 1 or more."""
        value = (self.options.get("revisit") or "").strip()
        if not value:
            return None
        if value.isdigit() and int(value) > 0:
            return int(value)
        warn(
            CbWarning.CHECKLIST,
            f"reflection: :revisit: {value!r} is not a number of days (1 or more); ignored",
            location=location,
        )
        return None

    def storage_id(self, title: str, location: str) -> str:
        given = " ".join((self.options.get("id") or "").split())
        if not given:
            return readable_slug(title)
        if readable_slug(given) != given:
            warn(
                CbWarning.CHECKLIST,
                f"reflection: id {given!r} is not a slug (lower-case letters, digits and "
                f"'-'); using {readable_slug(given)!r}",
                location=location,
            )
        return readable_slug(given)

    def arrange(self, root: cb_reflection, content: list[Node], location: str) -> None:
        """Intro, then the first list as the prompts, then anything after it (reported)."""
        index = next((i for i, node in enumerate(content) if isinstance(node, _LISTS)), None)
        if index is None:
            warn(
                CbWarning.CHECKLIST,
                "reflection: no bullet list of prompts; the content is shown as written",
                location=location,
            )
            root.extend(content)
            return
        for node in content:
            if isinstance(node, nodes.Element) and any(True for _ in node.findall(cb_reflection)):
                warn(
                    CbWarning.CHECKLIST,
                    "reflection: a checklist inside another checklist is kept as a "
                    "checklist of its own",
                    location=location,
                )
                break
        root.extend(content[:index])
        source_list = content[index]
        assert isinstance(source_list, nodes.Element)
        items = cb_reflection_items(classes=["cb-reflection-items"])
        items.source, items.line = source_list.source, source_list.line
        seen: dict[str, int] = {}
        for list_item in list(source_list.children):
            if not isinstance(list_item, nodes.list_item):
                continue
            item = self.make_item(list_item, seen)
            if item is not None:
                items += item
        if len(items):
            root += items
        else:
            warn(CbWarning.CHECKLIST, "reflection: the list of prompts is empty", location=location)
        rest = content[index + 1 :]
        if rest:
            line = getattr(rest[0], "line", None)
            where = f" (line {line})" if line else ""
            warn(
                CbWarning.CHECKLIST,
                f"reflection: content after the list of prompts{where} is not a prompt; "
                "it is shown after the list",
                location=location,
            )
            root.extend(rest)

    def make_item(self, list_item: nodes.list_item, seen: dict[str, int]) -> Node | None:
        text = " ".join(list_item.astext().split())
        line = list_item.line or self.lineno
        if not text:
            warn(
                CbWarning.CHECKLIST,
                "reflection: an empty prompt is left out",
                location=(self.env.docname, line),
            )
            return None
        if any(isinstance(child, _LISTS) for child in list_item.findall(nodes.Element)):
            warn(
                CbWarning.CHECKLIST,
                "reflection: a prompt holds a nested list; it is kept as part of that "
                "prompt (one checkbox for the whole item)",
                location=(self.env.docname, line),
            )
        if list_item.children and not isinstance(list_item[0], nodes.paragraph):
            warn(
                CbWarning.CHECKLIST,
                "reflection: a prompt should start with text; its label is its plain text",
                location=(self.env.docname, line),
            )
        digest = item_hash(text)
        if digest in seen:
            seen[digest] += 1
            warn(
                CbWarning.CHECKLIST,
                f"reflection: the prompt {text[:40]!r} appears twice; both are kept",
                location=(self.env.docname, line),
            )
            digest = f"{digest}-{seen[digest]}"
        else:
            seen[digest] = 1
        item = cb_reflection_item("", *list_item.children, classes=["cb-reflection-item"])
        item.source, item.line = list_item.source, line
        item["cb_hash"] = digest
        item["cb_text"] = text
        return item


class ReflectionListDirective(CbDirective):
    """Where to list the project's reflection checklists (resolved at write time)."""

    has_content = False
    option_spec: ClassVar[LenientOptionSpec] = LenientOptionSpec(
        {
            "category": directives.unchanged,
            "post-category": directives.unchanged,
            "format": directives.unchanged,
        }
    )

    def run(self) -> list[Node]:
        self.report_unknown_options()
        node = cb_reflection_list()
        self.set_source_info(node)
        node["docname"] = self.env.docname
        node["categories"] = split_values(self.options.get("category"))
        node["post_categories"] = split_values(self.options.get("post-category"))
        fmt = self.choice("format", LIST_FORMATS, "full")
        node["format"] = fmt
        node["ids"].append(make_id(self.env, self.state.document, "reflectionlist"))
        self.state.document.note_explicit_target(node)
        return [node]


class GrowthMapDirective(CbDirective):
    """Where to show the reader's progress along the declared competencies."""

    has_content = False
    option_spec: ClassVar[LenientOptionSpec] = LenientOptionSpec(
        {"competency": directives.unchanged, "level": directives.unchanged}
    )

    def run(self) -> list[Node]:
        self.report_unknown_options()
        node = cb_growth_map()
        self.set_source_info(node)
        declared: dict[str, object] = self.config.careerblog_competencies
        node["competencies"] = self.known("competency", list(declared))
        node["levels"] = self.known("level", list(self.config.careerblog_levels))
        node["ids"].append(make_id(self.env, self.state.document, "growthmap"))
        self.state.document.note_explicit_target(node)
        return [node]

    def known(self, option: str, declared: list[str]) -> list[str]:
        """The filter values of ``option`` that name something declared (others reported)."""
        by_slug = {slugify(name): name for name in declared}
        chosen: list[str] = []
        for value in split_values(self.options.get(option)):
            match = value if value in declared else by_slug.get(slugify(value))
            if match is None:
                warn(
                    CbWarning.FILTER,
                    f"growthmap: :{option}: {value!r} is not declared "
                    f"(known: {', '.join(declared) or 'none'}); ignored",
                    location=self.get_location(),
                )
            elif match not in chosen:
                chosen.append(match)
        return chosen
