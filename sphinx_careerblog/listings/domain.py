"""The ``blog`` domain: roles ``{blog:category}``, ``{blog:tag}``, ``{blog:author}``.

The roles make ``pending_xref`` nodes; the domain resolves them at write time
against the store (through ``query.get_index``), so links follow the posts on
incremental builds (documents using the roles are in ``store.listing_docs``).
The domain holds no data of its own: ``clear_doc`` and ``merge_domaindata`` have
nothing to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole

from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.listings.collector import DOMAIN_NAME
from sphinx_careerblog.site import links
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.paths import TermKind

_KINDS: dict[str, TermKind] = {"category": "category", "tag": "tag", "author": "author"}


class CareerBlogDomain(Domain):
    name = DOMAIN_NAME
    label = "Blog"
    roles: ClassVar[dict[str, Any]] = {
        kind: XRefRole(innernodeclass=nodes.inline) for kind in _KINDS
    }
    initial_data: ClassVar[dict[str, Any]] = {}

    def clear_doc(self, docname: str) -> None:
        """Nothing to clear: every term lives in the store, keyed by document."""

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Nothing to merge: the collector merges the store."""

    # Returns the content itself (not a reference) for a term without a page: Sphinx's
    # ReferencesResolver accepts any element, and the text stays without a second
    # "reference target not found" warning under ``-n``.
    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        kind = _KINDS.get(typ)
        if kind is None:
            return None
        app = _app_of(env)
        term = get_index(app).term(kind, target)
        if term is None and kind == "author":
            term = _author_by_name(app, target)
        if term is None:
            warn(
                CbWarning.REFERENCE,
                f"blog:{typ}: no listed post uses the {kind} {target!r}; the text is kept unlinked",
                location=node,
            )
            contnode["classes"].append("cb-unknown-term")
            return contnode
        if not node.get("refexplicit"):
            contnode = nodes.inline(term.title, term.title, classes=contnode["classes"])
        uri = links.term_uri(app, fromdocname, kind, term.label)
        if uri is None:
            return contnode  # no generated pages in this builder: the term, unlinked
        reference = nodes.reference("", "", contnode, refuri=uri, internal=True)
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


def _app_of(env: BuildEnvironment) -> Sphinx:
    """Domains receive no app. Sphinx 8.2+ keeps it as ``env._app`` (its own
    ReferencesResolver reaches it that way; ``env.app`` is deprecated there);
    Sphinx 7.4 has only ``env.app``."""
    app: Sphinx | None = getattr(env, "_app", None)
    return app if app is not None else env.app


def _author_by_name(app: Sphinx, name: str) -> Any:
    index = get_index(app)
    folded = " ".join(name.split()).casefold()
    for key, entry in app.config.careerblog_authors.items():
        if " ".join(str(entry.get("name", "")).split()).casefold() == folded:
            found = index.term("author", key)
            if found is not None:
                return found
    return None
