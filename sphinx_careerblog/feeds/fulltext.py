"""Full text for feeds (``careerblog_feed_fulltext``): posts' bodies as HTML with
absolute links, rendered once per post per build."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import sphinx
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging as sphinx_logging

from sphinx_careerblog.feeds.plan import (
    SiteUrls,
    post_page_url,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord

#: Blocks under a post that are navigation, not the post's own text.
_NOT_BODY_CLASSES = frozenset({"cb-byline", "cb-draft-banner", "cb-related", "cb-series"})


#: URL-bearing attributes in the HTML writer's output (always double-quoted there).
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster)=")([^"]*)(")')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


class BodyRenderer:
    """Renders posts' bodies to HTML with absolute links, once per post per build."""

    def __init__(self, app: Sphinx, urls: SiteUrls) -> None:
        self.app = app
        self.urls = urls
        self._doctrees: dict[str, nodes.document] = {}
        self._bodies: dict[str, str] = {}

    def body(self, post: PostRecord) -> str:
        if post.key not in self._bodies:
            with sphinx_logging.suppress_logging():
                self._bodies[post.key] = self._render(post)
        return self._bodies[post.key]

    def _doctree(self, docname: str) -> nodes.document:
        if docname not in self._doctrees:
            env = self.app.env
            builder = self.app.builder
            if sphinx.version_info >= (9, 0):
                # Sphinx 9 asks for the tags explicitly; earlier versions take none
                doctree = env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
            else:
                doctree = env.get_and_resolve_doctree(docname, builder)
            self._doctrees[docname] = doctree
        return self._doctrees[docname]

    def _scope(self, post: PostRecord) -> nodes.Element:
        """A copy of the post's nodes: its section, or the whole page without its title."""
        doctree = self._doctree(post.docname)
        if post.anchor:
            for section in doctree.findall(nodes.section):
                if post.anchor in section["ids"]:
                    scope = section.deepcopy()
                    if scope.children and isinstance(scope[0], nodes.title):
                        scope.remove(scope[0])
                    return scope
        container = nodes.container()
        for child in doctree.children:
            copy = child.deepcopy()
            if isinstance(copy, nodes.section) and isinstance(copy[0], nodes.title):
                copy.remove(copy[0])  # the entry's title already says it
            container += copy
        return container

    def _render(self, post: PostRecord) -> str:
        builder = self.app.builder
        # feeds are planned for HTML-format builders only (``plan.is_feed_builder``)
        assert isinstance(builder, StandaloneHTMLBuilder)
        scope = self._scope(post)
        for element in list(scope.findall(nodes.Element)):
            if _NOT_BODY_CLASSES.intersection(element.get("classes", ())) and element.parent:
                element.parent.remove(element)
        self._add_notes(scope, self._doctree(post.docname))
        self._absolute_files(scope)
        fragment = builder.render_partial(scope)["fragment"]
        page = post_page_url(builder, self.urls, post)
        return absolute_links(_HEADERLINK.sub("", str(fragment)), page).strip()

    @staticmethod
    def _add_notes(scope: nodes.Element, doctree: nodes.document) -> None:
        """Footnotes and citations a section post cites but that stand outside it."""
        present = {id_ for node in scope.findall(nodes.Element) for id_ in node["ids"]}
        wanted = [
            ref["refid"]
            for ref in scope.findall(nodes.Element)
            if isinstance(ref, (nodes.footnote_reference, nodes.citation_reference))
            and "refid" in ref
            and ref["refid"] not in present
        ]
        for note in doctree.findall(nodes.Element):
            if isinstance(note, (nodes.footnote, nodes.citation)) and set(note["ids"]) & set(
                wanted
            ):
                scope += note.deepcopy()
                wanted = [id_ for id_ in wanted if id_ not in note["ids"]]

    def _absolute_files(self, scope: nodes.Element) -> None:
        """Images and downloads: the writer would make them relative to another page."""
        env = self.app.env
        builder = self.app.builder
        imagedir = getattr(builder, "imagedir", "_images")
        for image in scope.findall(nodes.image):
            candidates: dict[str, str] = image.get("candidates", {})
            if "?" in candidates:
                continue
            chosen = image["uri"]
            if "*" not in candidates:
                for mimetype in builder.supported_image_types:
                    if mimetype in candidates:
                        chosen = candidates[mimetype]
                        break
            if chosen in env.images:
                image["uri"] = self.urls.url(f"{imagedir}/{env.images[chosen][1]}")
        for download in scope.findall(addnodes.download_reference):
            if "filename" in download and "refuri" not in download:
                download["refuri"] = self.urls.url(f"_downloads/{download['filename']}")


def absolute_links(fragment: str, page_url: str) -> str:
    """Resolve every relative ``href``/``src`` of an HTML fragment against its page."""

    def resolve(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        if not value or urlsplit(value).scheme or value.startswith("//"):
            return match.group(0)
        return match.group(1) + html.escape(urljoin(page_url, value), quote=True) + match.group(3)

    return _URL_ATTRIBUTE.sub(resolve, fragment)
