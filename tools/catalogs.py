"""The extension's message catalogs: extract, update, compile, check.

    python -m tools.catalogs extract update compile   # what `make locale` runs
    python -m tools.catalogs check                    # exit 1 on any problem (the tests run it too)
    python -m tools.catalogs init LANG                # start a new language

``extract`` writes ``sphinx_careerblog/locale/careerblog.pot`` from every ``_()`` and
``ngettext()`` call of the package's Python sources (with ``# Translators:`` comments).
The templates have no ``_()`` of their own: Sphinx gives templates its own catalog,
so their words come from ``site.pages.labels()``; ``check`` makes sure no template
holds a word. ``update`` merges the template into each language's ``.po`` (new
messages arrive untranslated, never guessed), ``compile`` writes the ``.mo`` files
that are shipped in the wheel.

``check`` reports a message of the sources that a language lacks (missing, empty or
fuzzy), a translation whose placeholders differ from the original's, a ``.mo`` that
is not the compilation of its ``.po`` (compared byte for byte, so git checkouts and
their timestamps do not matter), a stale ``.pot``, and words in templates.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parents[1] / "sphinx_careerblog"
DOMAIN = "careerblog"
#: The languages the project ships; ``check`` fails when one is missing.
SHIPPED = ("de", "es", "fr", "he", "ja", "pt_BR", "zh_CN")
KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
COMMENT_TAGS = ("Translators:",)
HEADER = """\
# The words sphinx-careerblog writes into pages (the "careerblog" message catalog).
# Distributed under the same license as sphinx-careerblog (MIT).
# Made with `make locale` (tools/catalogs.py); see docs/howto/add-a-language.md.
#"""

_PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs%]")
_BRACES = re.compile(r"\{(\w*)\}")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Layout:
    """Where the sources and catalogs are (a copy of the tree in tests)."""

    package: Path = PACKAGE

    @property
    def locale(self) -> Path:
        return self.package / "locale"

    @property
    def pot(self) -> Path:
        return self.locale / f"{DOMAIN}.pot"

    def po(self, language: str) -> Path:
        return self.locale / language / "LC_MESSAGES" / f"{DOMAIN}.po"

    def mo(self, language: str) -> Path:
        return self.po(language).with_suffix(".mo")

    def languages(self) -> list[str]:
        """Every language with a ``.po`` file, sorted."""
        found = self.locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
        return sorted(path.parents[1].name for path in found)


# -- extract ---------------------------------------------------------------------------


def extract(layout: Layout) -> Catalog:
    """The messages of the package's Python sources, as a template catalog."""
    catalog = Catalog(
        project="sphinx-careerblog", domain=DOMAIN, header_comment=HEADER, fuzzy=False
    )
    found = extract_from_dir(
        layout.package,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (f"sphinx_careerblog/{Path(filename).as_posix()}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {_key(message) for message in catalog if message.id}


def _key(message: Message) -> tuple[str | None, str]:
    """A message's identity: its context and singular text (as Babel keys them)."""
    text = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return message.context, text


def _name(message: Message) -> str:
    context, text = _key(message)
    return f"{text!r} ({context})" if context else repr(text)


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write a ``.po``/``.pot`` without line numbers (stable diffs); False if unchanged."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=88, sort_output=True, include_lineno=False,
             ignore_obsolete=True)  # fmt: skip
    data = buffer.getvalue()
    if path.exists() and _body(path.read_bytes()) == _body(data):
        return False  # only header dates would change
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _body(data: bytes) -> bytes:
    """A catalog's text without the header lines that carry dates."""
    lines = data.splitlines()
    return b"\n".join(line for line in lines if b"-Date:" not in line)


# -- update, init, compile -------------------------------------------------------------


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def update(layout: Layout, template: Catalog) -> list[str]:
    """Merge ``template`` into every language; returns the languages rewritten."""
    changed = []
    for language in layout.languages():
        catalog = read_catalog(layout.po(language), language)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        if write_catalog(catalog, layout.po(language)):
            changed.append(language)
    return changed


def init(layout: Layout, template: Catalog, language: str) -> Path:
    """A new, untranslated ``.po`` for ``language`` (refuses to overwrite)."""
    path = layout.po(language)
    if path.exists():
        raise FileExistsError(f"{path} exists; run `update` instead")
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="sphinx-careerblog",
        header_comment=HEADER,
        fuzzy=False,
    )
    catalog.update(template, no_fuzzy_matching=True)
    write_catalog(catalog, path)
    return path


def compiled(po: Path, language: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` (fuzzy translations left out, as gettext does)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(po, language), use_fuzzy=False)
    return buffer.getvalue()


def compile_all(layout: Layout) -> list[str]:
    """Write every language's ``.mo``; returns the languages whose ``.mo`` changed."""
    changed = []
    for language in layout.languages():
        data = compiled(layout.po(language), language)
        target = layout.mo(language)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            changed.append(language)
    return changed


# -- check -----------------------------------------------------------------------------


def placeholders(text: str) -> tuple[list[str], set[str]]:
    """The ``%`` conversions (sorted) and ``{name}`` fields of a message."""
    percent = sorted(match.group(0) for match in _PERCENT.finditer(text) if match.group(0) != "%%")
    return percent, set(_BRACES.findall(text))


def _forms(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if value is None:
        return [""]
    return [value] if isinstance(value, str) else list(value)


def translation_problems(message: Message, wanted: Message, num_plurals: int) -> Iterator[str]:
    """What is wrong with one translated message (nothing when it is complete)."""
    name = _name(wanted)
    if message.fuzzy:
        yield f"{name} is marked fuzzy"
    forms = _forms(message.string)
    if wanted.pluralizable and len(forms) != num_plurals:
        yield f"{name} has {len(forms)} plural forms, the language has {num_plurals}"
    if not all(form.strip() for form in forms):
        yield f"{name} is not translated"
        return
    originals = _forms(wanted.id)
    expected = placeholders(originals[-1])
    for form in forms:
        if placeholders(form) != expected and placeholders(form) != placeholders(originals[0]):
            yield f"{name}: the translation {form!r} changes the placeholders"


def language_problems(layout: Layout, language: str, template: Catalog) -> Iterator[str]:
    po = layout.po(language)
    if not po.exists():
        yield f"{language}: {po.name} is missing"
        return
    catalog = read_catalog(po, language)
    by_id = {_key(message): message for message in catalog if message.id}
    for wanted in template:
        if not wanted.id:
            continue
        message = by_id.get(_key(wanted))
        if message is None:
            yield f"{language}: misses {_name(wanted)} (run `make locale`, then translate)"
            continue
        for problem in translation_problems(message, wanted, catalog.num_plurals):
            yield f"{language}: {problem}"
    mo = layout.mo(language)
    if not mo.exists() or mo.read_bytes() != compiled(po, language):
        yield f"{language}: {mo.name} is not the compiled {po.name} (run `make locale`)"


class _TemplateText(HTMLParser):
    """Text and user-visible attribute values of a template's HTML."""

    VISIBLE = frozenset({"alt", "title", "aria-label", "placeholder", "value"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shown.extend(value or "" for name, value in attrs if name in self.VISIBLE)

    def handle_data(self, data: str) -> None:
        self.shown.append(data)


def template_words(template: Path) -> list[str]:
    """Words written literally in a template (they would never be translated)."""
    parser = _TemplateText()
    parser.feed(_JINJA.sub(" ", template.read_text("utf-8")))
    parser.close()
    return [word for text in parser.shown for word in _WORD.findall(text)]


def template_problems(layout: Layout) -> Iterator[str]:
    for template in sorted((layout.package / "site" / "templates").rglob("*.html")):
        words = template_words(template)
        if words:
            name = template.relative_to(layout.package).as_posix()
            yield f"{name}: literal words {words} (give the template a label from labels())"


def check(layout: Layout, languages: Iterable[str] = SHIPPED) -> list[str]:
    """Every problem of the catalogs against the current sources."""
    template = extract(layout)
    problems = list(template_problems(layout))
    if not layout.pot.exists() or _ids(read_catalog(layout.pot)) != _ids(template):
        problems.append(f"{layout.pot.name} does not match the sources (run `make locale`)")
    for language in sorted({*languages, *layout.languages()}):
        problems.extend(language_problems(layout, language, template))
    return problems


# -- command line ----------------------------------------------------------------------


def main(argv: list[str]) -> int:
    layout = Layout()
    if not argv or argv[0] in {"-h", "--help"}:
        sys.stdout.write(__doc__ or "")
        return 0 if argv else 2
    if argv[0] == "init":
        if len(argv) != 2:
            sys.stderr.write("usage: python -m tools.catalogs init LANG\n")
            return 2
        written = init(layout, extract(layout), argv[1])
        sys.stdout.write(f"wrote {written.relative_to(layout.package.parent)}\n")
        return 0
    for command in argv:
        if command == "extract":
            changed = write_catalog(extract(layout), layout.pot)
            sys.stdout.write(f"{layout.pot.name}: {'written' if changed else 'unchanged'}\n")
        elif command == "update":
            sys.stdout.write(f"updated: {', '.join(update(layout, extract(layout))) or '-'}\n")
        elif command == "compile":
            sys.stdout.write(f"compiled: {', '.join(compile_all(layout)) or '-'}\n")
        elif command == "check":
            problems = check(layout)
            sys.stdout.write("".join(f"{problem}\n" for problem in problems) or "catalogs OK\n")
            if problems:
                return 1
        else:
            sys.stderr.write(f"unknown command {command!r}; see --help\n")
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
