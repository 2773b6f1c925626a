"""Where byline terms and blog roles link to.

The generated index pages exist only under HTML builders; elsewhere a term is
shown as plain text. ``generated_pages_available`` is the single switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import NoUri

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import declared_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinx_careerblog.data.model import PostRecord


def generated_pages_available(app: Sphinx) -> bool:
    """Whether this build writes the generated index pages.

    ``singlehtml`` and ``epub`` get none (the first writes one page and emits no
    ``html-collect-pages``; the second would need every page in its spine): there,
    bylines and sidebars show terms as plain text.
    """
    return builder_writes_generated_pages(getattr(app, "builder", None))


def builder_writes_generated_pages(builder: Builder | None) -> bool:
    """``generated_pages_available`` for code handed the builder (the ``blog`` domain)."""
    if builder is None or builder.format != "html":
        return False
    if isinstance(builder, SingleFileHTMLBuilder) or builder.name.startswith("epub"):
        return False
    return isinstance(builder, StandaloneHTMLBuilder)


def term_title(app: Sphinx, kind: paths.TermKind, label: str) -> str:
    """The declared title of a category or tag, else the label as written."""
    return declared_title(app.config, kind, label)


def term_uri(app: Sphinx, fromdocname: str, kind: paths.TermKind, label: str) -> str | None:
    """Relative URI of a category, tag or author page, or None where there is none."""
    return builder_term_uri(getattr(app, "builder", None), app.config, fromdocname, kind, label)


def builder_term_uri(
    builder: Builder | None, config: Config, fromdocname: str, kind: paths.TermKind, label: str
) -> str | None:
    """``term_uri`` for code handed the builder and config (the ``blog`` domain)."""
    if builder is None or not builder_writes_generated_pages(builder):
        return None
    pagename = paths.term_page(config.careerblog_path, kind, label)
    return builder.get_relative_uri(fromdocname, pagename)


def author_link(app: Sphinx, fromdocname: str, author: str) -> tuple[str, str | None]:
    """Display name of an author and where it links (their page, else their URL)."""
    entry = app.config.careerblog_authors.get(author, {})
    name = entry.get("name", author)
    uri = term_uri(app, fromdocname, "author", author) or entry.get("url") or None
    return name, uri


def year_uri(app: Sphinx, fromdocname: str, year: int) -> str | None:
    """Relative URI of a year's archive page, or None where there is none."""
    if not generated_pages_available(app):
        return None
    pagename = paths.year_page(app.config.careerblog_path, year)
    return app.builder.get_relative_uri(fromdocname, pagename)


def post_uri(app: Sphinx, fromdocname: str, post: PostRecord) -> str | None:
    """Where a listing links to a post, in any builder; None where it cannot link.

    ``external_link`` posts link out. Otherwise the builder's own URI for the
    post's document (``%doc`` in LaTeX, ``#document-doc`` in singlehtml, a
    relative path elsewhere), plus ``#anchor`` for a post that is a section.
    Builders that cannot reach a document (LaTeX for a document outside its
    tree) raise ``NoUri``: the entry is then shown unlinked, as todo.py does.
    """
    if post.fields.external_link:
        return post.fields.external_link
    try:
        uri = app.builder.get_relative_uri(fromdocname, post.docname)
    except NoUri:
        return None
    if not post.anchor:
        return uri
    if "#" in uri:
        # singlehtml: every document is on one page, so the anchor alone is the target
        return "#" + post.anchor
    return f"{uri}#{post.anchor}"
