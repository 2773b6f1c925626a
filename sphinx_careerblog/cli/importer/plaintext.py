"""Plain-text essay exports -> MyST posts.

The export format (SPEC, "Import formats")::

    Title of the essay
    Categories: career public
    A body line is a paragraph.
    A short heading 🧭
    - a bullet item
    - Is this a question?

The rules that decide what each body line becomes are the module constants and
:func:`is_heading` below; ``docs/howto/import-your-essays.md`` states them in prose
and must be kept in step with this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sphinx_careerblog.cli.importer.writer import (
    CommandError,
    MystPost,
    authors_entry,
    date_value,
    escape_heading,
    escape_inline,
    fence_for,
    file_slug,
)
from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.model import readable_slug

#: A heading has at most this many words ...
HEADING_MAX_WORDS = 10
#: ... and at most this many characters (trailing emoji not counted).
HEADING_MAX_CHARS = 80

#: Closing punctuation: a line whose text ends in one of these is never a heading.
TERMINAL_PUNCTUATION = frozenset(".!?:;,…‽⁇⁈⁉。！？：；，")
#: Closing quotes and brackets, looked through when finding the last character.
CLOSERS = frozenset("\"')]}»”’›」』")
#: Two sentences on one line: a heading is a single phrase.
SENTENCE_BREAK = re.compile(r"[.!?…。！？]\s")
#: Bullet markers: ``- `` (SPEC) and ``• `` (what many editors export).
BULLETS = ("- ", "• ")

#: Header lines directly under the title (in any order, each at most once).
HEADER_KEYS = ("categories", "tags", "author", "authors", "date")
_HEADER = re.compile(r"^(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.*)$")

#: Words of the ``Categories:`` line that set visibility instead of a category.
#: ``private`` means never listed: a draft.
VISIBILITY_WORDS = {"public": "public", "internal": "internal", "private": "draft",
                    "draft": "draft"}  # fmt: skip
_VISIBILITY_RANK = {"public": 0, "internal": 1, "draft": 2}

#: Joiners, selectors and invisible spaces that trail emoji or pasted text.
_JOINERS = frozenset("\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f\u20e3")


def _is_decoration(char: str) -> bool:
    """An emoji, a pictograph or symbol, or an emoji joiner / modifier / tag."""
    if char in _JOINERS or char.isspace():
        return True
    code = ord(char)
    if 0xE0020 <= code <= 0xE007F:  # emoji tag sequences (flags of regions)
        return True
    return unicodedata.category(char) in ("So", "Sk", "Me")


def strip_decorations(text: str) -> str:
    """``text`` without trailing emoji, symbols, joiners, variation selectors, spaces."""
    end = len(text)
    while end and _is_decoration(text[end - 1]):
        end -= 1
    return text[:end]


def last_significant_char(text: str) -> str:
    """The last character of ``text`` once trailing emoji and closing quotes/brackets
    are looked through (``""`` when nothing is left)."""
    core = strip_decorations(text)
    end = len(core)
    while end and (core[end - 1] in CLOSERS or _is_decoration(core[end - 1])):
        end -= 1
    return core[end - 1] if end else ""


def ends_with_punctuation(text: str) -> bool:
    return last_significant_char(text) in TERMINAL_PUNCTUATION


def is_question(text: str) -> bool:
    return last_significant_char(text) in ("?", "？", "‽", "⁇", "⁈", "⁉")


def bullet_text(line: str) -> str | None:
    for marker in BULLETS:
        if line.startswith(marker):
            return line[len(marker) :].strip()
    if line in ("-", "•"):
        return ""
    return None


def is_heading(line: str, *, previous: str | None, has_next: bool) -> bool:
    """Whether a body line is a section heading (all rules must hold).

    1. it is not a bullet item;
    2. another body line follows it (the last line of the essay is a paragraph);
    3. the line before it does not end in ``:`` (a line that introduces something
       is followed by what it introduces, not by a heading);
    4. its text without trailing emoji has at least one letter, at most
       ``HEADING_MAX_WORDS`` words and ``HEADING_MAX_CHARS`` characters;
    5. that text, looking through closing quotes and brackets, does not end in
       closing punctuation (``TERMINAL_PUNCTUATION``: ``. ! ? : ; , …`` and their
       full-width forms) - so questions, list introductions and sentences followed by
       an emoji are paragraphs;
    6. it holds one sentence at most: no ``.``, ``!``, ``?`` (or ``…``) followed by a
       space inside it (``Breathe. Then ship 🚀`` is a paragraph).
    """
    if bullet_text(line) is not None or not has_next:
        return False
    if previous is not None and last_significant_char(previous) in (":", "："):
        return False
    core = strip_decorations(line)
    if not any(char.isalpha() for char in core):
        return False
    if len(core.split()) > HEADING_MAX_WORDS or len(core) > HEADING_MAX_CHARS:
        return False
    if ends_with_punctuation(line):
        return False
    return not SENTENCE_BREAK.search(core)


# -- the parsed essay ----------------------------------------------------------------


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str


@dataclass
class BulletList:
    items: list[str]
    #: Set when every item is a question: the checklist title (its section's title).
    reflection: str | None = None
    #: The paragraph that introduced the list (moved into the checklist).
    intro: str | None = None
    #: The checklist comes right under the heading it is titled after: the heading is
    #: not written, so the same words are not shown twice.
    replaces_heading: bool = False


Block = Heading | Paragraph | BulletList


@dataclass
class TextEssay:
    title: str
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    visibility: str = "public"
    #: the ``Categories:`` line said ``public``: the author published it
    marked_public: bool = False
    date: Any = None
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return file_slug(self.title)


def _split_terms(value: str) -> list[str]:
    """Comma-separated when the value has a comma, else whitespace-separated."""
    parts = value.split(",") if "," in value else value.split()
    result: list[str] = []
    for part in parts:
        term = " ".join(part.split())
        if term and term not in result:
            result.append(term)
    return result


def parse_text(text: str) -> TextEssay:
    """Parse a plain-text export (newlines already normalised)."""
    lines = [line.strip() for line in text.split("\n")]
    content = [line for line in lines if line]
    if not content:
        raise CommandError("the file is empty")
    title = content[0]
    header = _HEADER.match(title)
    if header and header.group("key").lower() in HEADER_KEYS:
        raise CommandError(f"no title: the first line is {title!r}")
    if bullet_text(title) is not None:
        raise CommandError("no title: the first line is a bullet item")
    essay = TextEssay(title=" ".join(title.split()))

    position = 1
    seen: set[str] = set()
    while position < len(content):
        match = _HEADER.match(content[position])
        if not match:
            break
        key = match.group("key").lower()
        if key not in HEADER_KEYS or key in seen:
            break
        if key == "authors":
            key = "author"
        value = match.group("value").strip()
        if key == "date":
            try:
                parsed, has_time = parse_date(value)
            except ValueError:
                break  # not a date: the line is body text
            essay.date = date_value(parsed, has_time)
        elif key == "categories":
            for term in _split_terms(value):
                visibility = VISIBILITY_WORDS.get(term.lower())
                essay.marked_public = essay.marked_public or term.lower() == "public"
                if visibility is None:
                    essay.categories.append(term)
                elif _VISIBILITY_RANK[visibility] > _VISIBILITY_RANK[essay.visibility]:
                    essay.visibility = visibility
        elif key == "tags":
            essay.tags = _split_terms(value)
        else:
            essay.authors = [name.strip() for name in value.split(",") if name.strip()]
        seen.add(key)
        position += 1

    essay.blocks = _blocks(content[position:], essay.title)
    return essay


def _blocks(body: list[str], title: str) -> list[Block]:
    blocks: list[Block] = []
    section = title
    index = 0
    while index < len(body):
        line = body[index]
        previous = body[index - 1] if index else None
        item = bullet_text(line)
        if item is not None:
            items: list[str] = []
            while index < len(body):
                item = bullet_text(body[index])
                if item is None:
                    break
                items.append(item)
                index += 1
            blocks.append(_make_list(items, section, blocks))
            continue
        if is_heading(line, previous=previous, has_next=index + 1 < len(body)):
            section = line
            blocks.append(Heading(line))
        else:
            blocks.append(Paragraph(line))
        index += 1
    return blocks


def _make_list(items: list[str], section: str, blocks: list[Block]) -> BulletList:
    result = BulletList(items)
    if items and all(is_question(item) for item in items):
        result.reflection = section
        last = blocks[-1] if blocks else None
        if isinstance(last, Paragraph) and last_significant_char(last.text) in (":", "："):
            result.intro = last.text
            blocks.pop()
        last = blocks[-1] if blocks else None
        result.replaces_heading = isinstance(last, Heading) and last.text == section
    return result


# -- MyST output ---------------------------------------------------------------------


def to_myst(essay: TextEssay) -> MystPost:
    """The MyST post for a parsed essay."""
    front: dict[str, Any] = {"post": True}
    if essay.date is not None:
        front["date"] = essay.date
    front.update(authors_entry(essay.authors))
    if essay.categories:
        front["categories"] = essay.categories
    if essay.tags:
        front["tags"] = essay.tags
    if essay.visibility != "public":
        front["visibility"] = essay.visibility

    parts: list[str] = []
    used_ids: set[str] = set()
    for index, block in enumerate(essay.blocks):
        following = essay.blocks[index + 1] if index + 1 < len(essay.blocks) else None
        if isinstance(block, Heading):
            if isinstance(following, BulletList) and following.replaces_heading:
                continue  # the checklist right under it carries the same words
            parts.append(f"## {escape_heading(block.text)}")
        elif isinstance(block, Paragraph):
            parts.append(escape_inline(block.text))
        elif block.reflection is not None:
            parts.append(_reflection(block, block.reflection, used_ids))
        else:
            parts.append(_bullets(block.items))
    return MystPost(title=essay.title, front_matter=front, body="\n\n".join(parts))


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {escape_inline(item)}" if item else "-" for item in items)


def _reflection(block: BulletList, title: str, used_ids: set[str]) -> str:
    inner = []
    base = readable_slug(title)
    checklist_id = base
    number = 2
    while checklist_id in used_ids:
        checklist_id = f"{base}-{number}"
        number += 1
    options = "" if checklist_id == base else f":id: {checklist_id}\n"
    used_ids.add(checklist_id)
    if block.intro:
        inner.append(escape_inline(block.intro))
    inner.append(_bullets(block.items))
    content = "\n\n".join(inner)
    argument = escape_inline(" ".join(title.split()))  # the title is parsed as MyST
    fence = fence_for(content, argument)
    return f"{fence}{{reflection}} {argument}\n{options}\n{content}\n{fence}"


@dataclass(frozen=True)
class TextConversion:
    post: MystPost
    slug: str
    notes: list[str]
    #: marked ``public`` by its author: published even without a date
    published: bool


def convert_text(text: str) -> TextConversion:
    """Parse and convert: the post, its slug, notes for the report, and whether the
    author marked it public."""
    essay = parse_text(text)
    notes: list[str] = []
    checklists = sum(
        1 for block in essay.blocks if isinstance(block, BulletList) and block.reflection
    )
    headings = sum(1 for block in essay.blocks if isinstance(block, Heading))
    notes.append(f"{headings} heading(s), {checklists} reflection checklist(s)")
    published = essay.marked_public and essay.visibility == "public"
    return TextConversion(to_myst(essay), essay.slug, notes, published)
