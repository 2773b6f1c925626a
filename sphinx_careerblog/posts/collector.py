"""The one writer of ``env.careerblog``: reads posts from each document as it is read.

Runs on ``doctree-read``, after Sphinx's own collectors, so ``env.metadata`` (front
matter) and ``env.titles`` are ready. What other documents show of posts is kept
fresh by their own features' collectors (``listings.collector``, ``site.freshness``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_careerblog.config import is_post_docname
from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.fields import (
    UndecodableValueError,
    decode_front_matter_value,
    parse_fields,
    with_defaults,
)
from sphinx_careerblog.data.model import (
    ALIASES,
    FIELDS,
    MARKER_KEYS,
    PostFields,
    PostRecord,
    slugify,
)
from sphinx_careerblog.data.store import get_store
from sphinx_careerblog.data.urls import safe_url
from sphinx_careerblog.data.visibility import marker_flag, schedule
from sphinx_careerblog.posts.excerpt import paragraphs_before_marker
from sphinx_careerblog.posts.frontmatter import RAW_FRONT_MATTER
from sphinx_careerblog.posts.nodes import cb_post_meta
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Longer titles are kept but reported: they break listings and feed readers.
MAX_TITLE_LENGTH = 300

#: Nodes whose text is not part of a post's prose (summary and reading time).
_NOT_PROSE = (nodes.title, cb_post_meta, nodes.field_list, nodes.docinfo, nodes.comment)


def current_docname(env: BuildEnvironment) -> str:
    current = getattr(env, "current_document", None)
    if current is not None:
        return str(current.docname)
    return str(env.docname)


class CareerBlogCollector(EnvironmentCollector):
    """Collects posts (checklists are still collected through ``READ_EVENT``)."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        get_store(env).clear_doc(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        get_store(env).merge(docnames, get_store(other))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = current_docname(env)
        store = get_store(env)
        posts = PostReader(app, env, docname, doctree).read()
        if posts:
            store.posts[docname] = tuple(posts)
            store.forget_views()
        # checklists collect their own records here
        app.emit(READ_EVENT, env, docname, doctree, store)


#: Emitted once per document read, after its posts are stored:
#: ``handler(app, env, docname, doctree, store)``. Handlers write only ``store``
#: entries of ``docname`` (clear/merge in ``CareerBlogData`` already cover them).
READ_EVENT = "careerblog-read-doc"


class PostReader:
    """Finds the posts of one document and builds their records."""

    def __init__(
        self, app: Sphinx, env: BuildEnvironment, docname: str, doctree: nodes.document
    ) -> None:
        self.app = app
        self.env = env
        self.config = app.config
        self.docname = docname
        self.doctree = doctree
        self._front_matter_lines: dict[str, int] | None = None

    def today(self) -> dt.date:
        """The build's day, fixed before reading (``posts.visibility.note_today``)."""
        today = get_store(self.env).today
        return dt.date.fromisoformat(today) if today else dt.date.today()

    # -- locations -------------------------------------------------------------------

    def front_matter_line(self, key: str) -> int:
        """Line of ``key`` in the front matter; looked up only when a warning needs it."""
        if self._front_matter_lines is None:
            self._front_matter_lines = {}
            try:
                text = Path(self.env.doc2path(self.docname)).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            for number, line in enumerate(text.splitlines()[:200], start=1):
                match = re.match(r"^:?([A-Za-z_][\w-]*):", line)
                if match:
                    self._front_matter_lines.setdefault(match.group(1), number)
                elif number > 1 and line.strip() in ("---", "+++"):
                    break
        return self._front_matter_lines.get(key, 1)

    # -- reading ---------------------------------------------------------------------

    def read(self) -> list[PostRecord]:
        metadata = dict(self.env.metadata.get(self.docname, {}))
        # prefer the text as written (see transforms.RecordFrontMatter)
        metadata.update(self.doctree.attributes.pop(RAW_FRONT_MATTER, None) or {})
        front_matter = self.front_matter_fields(metadata)
        marked = is_post_docname(self.config, self.docname) or self.marked(metadata)
        top_section = self.top_section()
        metas = list(self.doctree.findall(cb_post_meta))
        seen: dict[int, cb_post_meta] = {}
        page_meta: cb_post_meta | None = None
        section_metas: list[tuple[cb_post_meta, nodes.section]] = []
        for meta in metas:
            meta["docname"] = self.docname
            section = self.enclosing_section(meta)
            key = id(section)
            if key in seen:
                first = seen[key]
                warn(
                    CbWarning.DUPLICATE_POST,
                    f"a second post directive in the same section (the first is on line "
                    f"{first.line}); its metadata is ignored",
                    location=meta,
                )
                meta.parent.remove(meta)
                continue
            seen[key] = meta
            if section is None or section is top_section:
                page_meta = meta
            else:
                section_metas.append((meta, section))

        if page_meta is None and marked:
            page_meta = self.insert_front_matter_marker(top_section)

        records: list[PostRecord] = []
        if page_meta is not None:
            record = self.page_record(page_meta, front_matter, top_section, len(records))
            records.append(record)
        for meta, section in section_metas:
            records.append(self.section_record(meta, section, len(records)))
        return records

    def marked(self, metadata: dict[str, Any]) -> bool:
        """Whether ``post: true`` (or ABlog's ``blogpost: true``) marks the page; any
        other value than true or false is reported, and the page is not a post."""
        marked = False
        for key in MARKER_KEYS:
            if key not in metadata:
                continue
            flag = marker_flag(metadata[key])
            if flag is None:
                warn(
                    CbWarning.FIELD,
                    f"{key}: {_shorten(str(metadata[key]))!r} is neither true nor false; "
                    "the page is not treated as a post (write true or false)",
                    location=(self.docname, self.front_matter_line(key)),
                )
            marked = marked or bool(flag)
        return marked

    def front_matter_fields(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """Front matter keys that are post fields, decoded, under canonical names."""
        fields: dict[str, Any] = {}
        for key, value in metadata.items():
            name = ALIASES.get(key, key)
            if name not in FIELDS:
                continue
            if name in fields:
                warn(
                    CbWarning.CONFLICT,
                    f"front matter gives {name!r} twice (as {key!r} and its alias); using {key!r}",
                    location=(self.docname, self.front_matter_line(key)),
                )
            try:
                fields[name] = decode_front_matter_value(value)
            except UndecodableValueError:
                warn(
                    CbWarning.FRONT_MATTER,
                    f"{key!r} looks like a list or mapping but cannot be decoded: "
                    f"{_shorten(str(value))}; it is kept as plain text (write a YAML list, "
                    "or a comma-separated string)",
                    location=(self.docname, self.front_matter_line(key)),
                )
                fields[name] = str(value)
        return fields

    def top_section(self) -> nodes.section | None:
        for child in self.doctree.children:
            if isinstance(child, nodes.section):
                return child
        return None

    @staticmethod
    def enclosing_section(node: nodes.Node) -> nodes.section | None:
        parent = node.parent
        while parent is not None and not isinstance(parent, nodes.section):
            parent = parent.parent
        return parent

    def insert_front_matter_marker(self, top_section: nodes.section | None) -> cb_post_meta:
        meta = cb_post_meta()
        meta["raw"] = {}
        meta["origin"] = "front-matter"
        meta["show_byline"] = bool(self.config.careerblog_byline)
        meta["docname"] = self.docname
        meta.source = str(self.env.doc2path(self.docname))
        meta.line = 1
        if top_section is not None and top_section.children:
            index = 1 if isinstance(top_section[0], nodes.title) else 0
            top_section.insert(index, meta)
        else:
            self.doctree.insert(0, meta)
        return meta

    def page_record(
        self,
        meta: cb_post_meta,
        front_matter: dict[str, Any],
        section: nodes.section | None,
        order: int,
    ) -> PostRecord:
        directive_raw: dict[str, Any] = dict(meta.get("raw", {}))
        merged = dict(front_matter)
        for name, value in directive_raw.items():
            if name in merged and merged[name] != value:
                warn(
                    CbWarning.CONFLICT,
                    f"{name!r} is given in the front matter (line "
                    f"{self.front_matter_line(name)}) and in the post directive (line "
                    f"{meta.line}); using the directive's value",
                    location=meta,
                )
            merged[name] = value
        fields = self.validate(merged, meta, front_matter, directive_raw)
        title_node = self.env.titles.get(self.docname)
        title = title_node.astext() if title_node is not None else self.docname
        scope: nodes.Element = section if section is not None else self.doctree
        meta["anchor"] = ""
        return self.record(meta, fields, title, "", scope, order)

    def section_record(self, meta: cb_post_meta, section: nodes.section, order: int) -> PostRecord:
        raw: dict[str, Any] = dict(meta.get("raw", {}))
        fields = self.validate(raw, meta, {}, raw)
        title = section[0].astext() if section.children else ""
        anchor = section["ids"][0] if section["ids"] else ""
        meta["anchor"] = anchor
        return self.record(meta, fields, title, anchor, section, order)

    def validate(
        self,
        raw: dict[str, Any],
        meta: cb_post_meta,
        front_matter: dict[str, Any],
        directive_raw: dict[str, Any],
    ) -> PostFields:
        fields, problems = parse_fields(raw, date_format=self.config.careerblog_date_format)
        for problem in problems:
            if problem.field in directive_raw or problem.field not in front_matter:
                location: Any = meta
            else:
                location = (self.docname, self.front_matter_line(problem.field))
            warn(problem.kind, problem.message, location=location)
        if fields.title and len(fields.title) > MAX_TITLE_LENGTH:
            warn(
                CbWarning.FIELD,
                f"the title is {len(fields.title)} characters long (more than "
                f"{MAX_TITLE_LENGTH}); it is kept, but listings and feed readers may cut it",
                location=meta,
            )
        fields = with_defaults(
            fields,
            default_author=self.config.careerblog_default_author,
            default_location=self.config.careerblog_default_location,
            default_language=self.config.careerblog_default_language,
        )
        fields = schedule(fields, self.today())
        if self.config.careerblog_strict_taxonomy:
            self.check_taxonomy(fields, meta)
        return fields

    def check_taxonomy(self, fields: PostFields, meta: cb_post_meta) -> None:
        authors: dict[str, Any] = self.config.careerblog_authors
        for author in fields.authors:
            if author not in authors:
                warn(
                    CbWarning.TAXONOMY,
                    f"author {author!r} is not declared in careerblog_authors",
                    location=meta,
                )
        for kind, values in (("categories", fields.categories), ("tags", fields.tags)):
            declared: dict[str, Any] = getattr(self.config, f"careerblog_{kind}")
            for value in values:
                if value not in declared and slugify(value) not in declared:
                    warn(
                        CbWarning.TAXONOMY,
                        f"{'tag' if kind == 'tags' else 'category'} {value!r} is not "
                        f"declared in careerblog_{kind}",
                        location=meta,
                    )

    def record(
        self,
        meta: cb_post_meta,
        fields: PostFields,
        title: str,
        anchor: str,
        scope: nodes.Element,
        order: int,
    ) -> PostRecord:
        fields = self.apply_updates(fields, scope)
        if len(title) > MAX_TITLE_LENGTH and not fields.title:
            warn(
                CbWarning.FIELD,
                f"the title is {len(title)} characters long (more than {MAX_TITLE_LENGTH}); "
                "it is kept, but listings and feed readers may cut it",
                location=meta,
            )
        words = count_words(scope)
        per_minute: int = self.config.careerblog_words_per_minute
        return PostRecord(
            docname=self.docname,
            anchor=anchor,
            title=title,
            fields=fields,
            words=words,
            reading_minutes=max(1, round(words / per_minute)),
            summary=self.summary(meta, fields, scope),
            image=self.image(meta, fields, scope),
            order=order,
            line=meta.line,
        )

    def apply_updates(self, fields: PostFields, scope: nodes.Element) -> PostFields:
        """The latest ``update`` directive is the post's ``updated`` date."""
        latest = fields.updated
        for node in scope.findall(nodes.admonition):
            iso = node.get("cb_update_date")
            if not iso:
                continue
            when, _ = parse_date(iso)
            if latest is None or _naive(when) > _naive(latest):
                latest = when
        return fields if latest == fields.updated else replace(fields, updated=latest)

    def summary(self, meta: cb_post_meta, fields: PostFields, scope: nodes.Element) -> str:
        if fields.summary:
            return fields.summary
        if meta.children:
            return " ".join(meta.astext().split())
        prose = list(prose_paragraphs(scope))
        marked = paragraphs_before_marker(scope, prose) if fields.excerpt is None else None
        if marked is not None:
            return "\n\n".join(" ".join(paragraph.astext().split()) for paragraph in marked)
        default: int = self.config.careerblog_summary_paragraphs
        count = fields.excerpt if fields.excerpt is not None else default
        return "\n\n".join(" ".join(paragraph.astext().split()) for paragraph in prose[:count])

    def image(self, meta: cb_post_meta, fields: PostFields, scope: nodes.Element) -> str | None:
        if fields.image is None:
            # ABlog's ``post_auto_image``: the N-th image, when the post has that many
            number: int = self.config.careerblog_auto_image
            images = [img["uri"] for img in scope.findall(nodes.image) if "uri" in img]
            return str(images[number - 1]) if 1 <= number <= len(images) else None
        if fields.image.isdigit():
            number = int(fields.image)
            images = [img["uri"] for img in scope.findall(nodes.image) if "uri" in img]
            if 1 <= number <= len(images):
                # Sphinx writes the document's own images; a data: source stays off cards
                return safe_url(str(images[number - 1]))
            warn(
                CbWarning.FIELD,
                f"image {number}: the post has {len(images)} image(s)",
                location=meta,
            )
            return None
        return fields.image


def prose_paragraphs(scope: nodes.Element) -> Iterable[nodes.paragraph]:
    """Paragraphs of a post's own text, skipping metadata, notes and nested posts."""
    for paragraph in scope.findall(nodes.paragraph):
        ancestor = paragraph.parent
        skip = False
        while ancestor is not None and ancestor is not scope:
            if isinstance(ancestor, (*_NOT_PROSE, nodes.Admonition, nodes.list_item)):
                skip = True
                break
            ancestor = ancestor.parent
        if not skip:
            yield paragraph


def count_words(scope: nodes.Element) -> int:
    total = 0
    for text in scope.findall(nodes.Text):
        ancestor = text.parent
        skip = False
        while ancestor is not None and ancestor is not scope:
            if isinstance(ancestor, (*_NOT_PROSE, nodes.literal_block)):
                skip = True
                break
            ancestor = ancestor.parent
        if not skip:
            total += len(text.astext().split())
    return total


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _naive(value: Any) -> Any:
    return value.replace(tzinfo=None) if getattr(value, "tzinfo", None) else value
