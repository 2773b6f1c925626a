"""A reference to a hidden page is its text, not a link, in a published build.

``{doc}``, ``{ref}``, ``{numref}``, ``{term}``, ``{keyword}``, ``{any}``, a role of
any other domain, a MyST link (``[text](essays/wip.md)``, ``[](#label)``): when
it would lead to a draft or scheduled page, it is replaced, before any resolver
sees it, by the text the author wrote, or, when the author wrote none, by the
target as written (the docname or the label, never the post's title), with a
``careerblog.draft_link`` warning at the reference. A page linking to itself
keeps its links; a hidden page linking to another hidden page gets the text
without a warning (nobody is led anywhere).

The decision reads only the environment (domains' objects, the hidden pages
noted after reading), so it is safe while writing in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.posts.collector import current_docname
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.environment import BuildEnvironment

#: the standard roles that name a label (named or anonymous)
_LABEL_ROLES = frozenset({"ref", "numref", "keyword"})
#: attributes a role keeps of its context (``py:module``, ``std:program``...)
_CONTEXT_KEYS = ("module", "class", "program")
#: where in ``store.transient`` the table is kept for the build
_CACHE_KEY = "careerblog.hidden-targets"

#: domain -> name -> object type -> the hidden document defining it
TargetTable = dict[str, dict[str, dict[str, str]]]


@dataclass(frozen=True)
class HiddenTargets:
    """What a reference can name that lives on a hidden page."""

    docs: frozenset[str]
    objects: Mapping[str, Mapping[str, Mapping[str, str]]]
    #: domain -> role -> the object types it names
    roles: Mapping[str, Mapping[str, frozenset[str]]]

    def target_of(self, node: addnodes.pending_xref, refdoc: str) -> str | None:
        """The hidden document ``node`` would lead to, or ``None``."""
        domain = str(node.get("refdomain") or "")
        reftype = str(node.get("reftype") or "")
        target = str(node.get("reftarget") or "")
        if reftype == "myst" and domain == "doc":
            return target if target in self.docs else None
        if domain == "std" and reftype == "doc":
            docname = docname_join(refdoc, target)
            return docname if docname in self.docs else None
        if reftype in ("any", "myst"):
            return self._find(tuple(self.objects), None, _names(node, "", target))
        if domain == "std" and reftype in _LABEL_ROLES:
            types = frozenset({"label"})
        else:
            types = self.roles.get(domain, {}).get(reftype, frozenset())
        return self._find((domain,), types, _names(node, domain, target))

    def _find(
        self, domains: tuple[str, ...], types: frozenset[str] | None, names: tuple[str, ...]
    ) -> str | None:
        """The first hidden document defining one of ``names`` in ``domains`` as one
        of ``types`` (any type when ``None``)."""
        for domain in domains:
            table = self.objects.get(domain, {})
            for name in names:
                for objtype, docname in table.get(name, {}).items():
                    if types is None or objtype in types:
                        return docname
        return None


def _names(node: addnodes.pending_xref, domain: str, target: str) -> tuple[str, ...]:
    """The spellings a role's target is known by: as written, lower-cased (labels
    and terms), and qualified by the role's context (``module.function``)."""
    names = [target, target.lower(), target.lstrip("~.")]
    for key in _CONTEXT_KEYS:
        context = node.get(f"{domain}:{key}") if domain else None
        if context:
            names.append(f"{context}.{target.lstrip('~.')}")
    return tuple(dict.fromkeys(names))


def hidden_targets(env: BuildEnvironment, hidden: frozenset[str]) -> HiddenTargets:
    """The table for this build (computed once, when first needed while writing)."""
    transient = get_store(env).transient
    cached = transient.get(_CACHE_KEY)
    if isinstance(cached, HiddenTargets) and cached.docs == hidden:
        return cached
    table: TargetTable = {}
    roles: dict[str, dict[str, frozenset[str]]] = {}
    for domain in env.domains.values():
        names = table.setdefault(domain.name, {})
        for name, _shown, objtype, docname, _anchor, _priority in domain.get_objects():
            if docname in hidden and objtype != "doc":
                _note(names, name, objtype, docname)
        roles[domain.name] = {
            role: frozenset(domain.objtypes_for_role(role) or ()) for role in domain.roles
        }
    std = env.get_domain("std")
    if isinstance(std, StandardDomain):  # anonymous labels ({ref} with a text) too
        for name, (docname, _labelid) in std.anonlabels.items():
            if docname in hidden:
                _note(table.setdefault("std", {}), name, "label", docname)
    result = HiddenTargets(hidden, table, roles)
    transient[_CACHE_KEY] = result
    return result


def _note(names: dict[str, dict[str, str]], name: str, objtype: str, docname: str) -> None:
    # lower-cased too: labels and glossary terms are matched without case
    for spelling in (name, name.lower()):
        names.setdefault(spelling, {}).setdefault(objtype, docname)


class UnlinkHiddenTargets(SphinxPostTransform):
    """References leading to a hidden page become their text (see the module)."""

    # after DropHiddenFromAssembly (5), before MyST's resolver (9) and Sphinx's (10)
    default_priority = 8

    def run(self, **kwargs: Any) -> None:
        hidden = frozenset(get_store(self.env).hidden_pages)
        if not hidden:
            return
        references = list(self.document.findall(addnodes.pending_xref))
        if not references:
            return
        targets = hidden_targets(self.env, hidden)
        page = current_docname(self.env)
        for node in references:
            refdoc = str(node.get("refdoc") or page)
            docname = targets.target_of(node, refdoc)
            if docname is None or docname == refdoc:
                continue
            node.replace_self(plain_text(node))
            report_unlinked(node, docname, refdoc, hidden)


def plain_text(node: addnodes.pending_xref) -> nodes.Element:
    """What the author wrote, or the target as written: never the hidden title."""
    content = node[0].deepcopy() if node.children else nodes.inline()
    if not isinstance(content, nodes.Element):
        content = nodes.inline("", "", content)
    if not content.astext().strip():
        target = str(node.get("reftarget") or "")
        content = nodes.inline(target, target, classes=content.get("classes", []))
    content["classes"] = [*content.get("classes", []), "cb-unpublished-ref"]
    return content


def report_unlinked(
    node: addnodes.pending_xref, docname: str, refdoc: str, hidden: frozenset[str]
) -> None:
    """Warn at ``node``, unless it stands on a hidden page itself."""
    if refdoc in hidden:
        return
    target = str(node.get("reftarget") or "")
    named = repr(docname) if target == docname else f"{target!r} (on {docname!r})"
    warn(
        CbWarning.DRAFT_LINK,
        f"the reference to {named}, a draft or scheduled post, is written as plain "
        "text in this published build (it links once the post is published, and "
        "with careerblog_include_drafts)",
        location=node,
    )
