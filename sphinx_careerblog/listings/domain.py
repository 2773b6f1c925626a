"""The ``blog`` domain: roles ``{blog:category}``, ``{blog:tag}``, ``{blog:author}``.

The roles make ``pending_xref`` nodes; the domain resolves them at write time
against the store (through ``query.env_index``), so links follow the posts on
incremental builds (documents using the roles are in ``store.listing_docs``).
It needs nothing but what Sphinx hands every domain: the environment (the store,
``env.config``) and the builder (its URIs).

A role whose term has no page to link to is left to ``keep_term_unlinked`` on
Sphinx's ``missing-reference`` event: the text stays, without Sphinx's own
"reference target not found" warning under ``-n``, and an unknown term gets our
located ``careerblog.reference`` warning instead.

The domain holds no data of its own: ``clear_doc`` and ``merge_domaindata`` have
nothing to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole

from sphinx_careerblog.data.query import env_index
from sphinx_careerblog.data.selection import author_keys
from sphinx_careerblog.listings.collector import DOMAIN_NAME
from sphinx_careerblog.site import links
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from sphinx_careerblog.data.paths import TermKind
    from sphinx_careerblog.data.query import Term

_KINDS: dict[str, TermKind] = {"category": "category", "tag": "tag", "author": "author"}


class CareerBlogDomain(Domain):
    name = DOMAIN_NAME
    label = "Blog"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        kind: XRefRole(innernodeclass=nodes.inline) for kind in _KINDS
    }
    initial_data: ClassVar[dict[str, object]] = {}

    def clear_doc(self, docname: str) -> None:
        """Nothing to clear: every term lives in the store, keyed by document."""

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, object]) -> None:
        """Nothing to merge: the collector merges the store."""

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """A link to the term's page; None (see ``keep_term_unlinked``) where there is
        no such term or this builder writes no term pages."""
        kind = _KINDS.get(typ)
        if kind is None:
            return None
        term = find_term(env, kind, target)
        if term is None:
            return None
        uri = links.builder_term_uri(builder, env.config, fromdocname, kind, term.label)
        if uri is None:
            return None
        reference = nodes.reference("", "", _shown(term, node, contnode), refuri=uri, internal=True)
        reference["reftitle"] = term.title
        return reference

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []  # terms are not objects: ``any`` would turn ordinary words into links


def find_term(env: BuildEnvironment, kind: TermKind, target: str) -> Term | None:
    """The term a role names: by label, slug or key, or for authors by declared name."""
    index = env_index(env)
    term = index.term(kind, target)
    if term is not None or kind != "author":
        return term
    for key in author_keys(target, env.config.careerblog_authors)[1:]:
        found = index.term("author", key)
        if found is not None:
            return found
    return None


def keep_term_unlinked(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: a ``blog`` role keeps its text when it cannot link.

    An unknown term is reported where the role stands (and marked
    ``cb-unknown-term``); a known term in a builder without term pages is shown
    as its title.
    """
    kind = _KINDS.get(node.get("reftype", ""))
    if node.get("refdomain") != DOMAIN_NAME or kind is None:
        return None
    target = node.get("reftarget", "")
    term = find_term(env, kind, target)
    if term is None:
        warn(
            CbWarning.REFERENCE,
            f"blog:{kind}: no listed post uses the {kind} {target!r}; the text is kept unlinked",
            location=node,
        )
        contnode["classes"].append("cb-unknown-term")
        return contnode
    return _shown(term, node, contnode)


def _shown(term: Term, node: addnodes.pending_xref, contnode: nodes.Element) -> nodes.Element:
    """What the role shows: its explicit title, else the term's declared title."""
    if node.get("refexplicit"):
        return contnode
    return nodes.inline(term.title, term.title, classes=contnode["classes"])
