"""ABlog's read-side habits: posts need no toctree entry (``post_auto_orphan``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_careerblog.data.store import CareerBlogData


def mark_posts_orphan(
    app: Sphinx, env: BuildEnvironment, docname: str, doctree: nodes.document,
    store: CareerBlogData,
) -> None:  # fmt: skip
    """``careerblog-read-doc``: a document holding a post is an orphan, so Sphinx does
    not warn that no toctree lists it. Sphinx's own metadata collector clears and
    merges ``env.metadata`` per document, so this is safe on incremental and parallel
    builds; posts that a toctree does list keep their place in it."""
    if app.config.careerblog_auto_orphan and store.posts.get(docname):
        env.metadata[docname]["orphan"] = True
