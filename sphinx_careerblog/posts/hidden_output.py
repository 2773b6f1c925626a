"""What a published build writes of a hidden page, builder by builder.

- ``html`` and ``dirhtml`` (a website): the page is written for the author's
  preview, with its banner and ``noindex``; nothing links to it
  (``posts.visibility``, ``posts.hidden_links``), and it leaves the inventory
  other projects link through (``objects.inv``, read by intersphinx).
- Every other builder but ``gettext``: nothing of it. Builders that assemble one
  document (singlehtml, LaTeX, texinfo, man) leave it out while assembling
  (``DropHiddenFromAssembly``); builders that write a file per document (EPUB,
  text, XML, JSON) have that file removed once written: before the EPUB is
  packed (``html-collect-pages``, which the EPUB builder runs first) and at
  ``build-finished`` for the others. A book or a text export is handed to readers
  as a whole, so a page in it is reachable even with no link to it.
- ``gettext`` keeps a draft's messages, so its translation can be ready on its day.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import NoUri

from sphinx_careerblog.data.store import get_store

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: builders of a website, which write a hidden page for the author's preview
PREVIEW_BUILDERS = frozenset({"html", "dirhtml"})
#: builders whose output is for translators, not readers
KEEPING_BUILDERS = PREVIEW_BUILDERS | {"gettext"}

#: an inventory line: name, domain:type, priority, URI, shown name
_INVENTORY_LINE = re.compile(r"(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")


def hidden_files(app: Sphinx) -> Iterator[Path]:
    """The files this builder writes for hidden pages (those that exist)."""
    builder = app.builder
    outdir = Path(app.outdir)
    suffix = getattr(builder, "out_suffix", None)
    link_suffix = str(app.config.html_sourcelink_suffix or "")
    for docname in get_store(app.env).hidden_pages:
        candidates = []
        if isinstance(suffix, str) and suffix:
            candidates.append(outdir / (docname + suffix))
        if getattr(builder, "copysource", False):
            source = Path(app.env.doc2path(docname, False)).as_posix()
            if not source.endswith(link_suffix):
                source += link_suffix
            candidates.append(outdir / "_sources" / source)
        yield from (path for path in candidates if path.is_file())


def remove_hidden_files(app: Sphinx) -> None:
    if app.builder.name in KEEPING_BUILDERS:
        return
    for path in hidden_files(app):
        path.unlink()


def before_packing(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the EPUB builder lists and packs its directory next."""
    remove_hidden_files(app)
    return []


def after_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: no hidden page's file, nor entry in ``objects.inv``."""
    if exception is not None:
        return
    remove_hidden_files(app)
    prune_inventory(app)


def prune_inventory(app: Sphinx) -> None:
    """Drop the entries of hidden pages (their names, labels and titles) from the
    inventory the HTML builders write; its format is Sphinx's documented v2."""
    path = Path(app.outdir, "objects.inv")
    hidden = get_store(app.env).hidden_pages
    if not hidden or app.builder.format != "html" or not path.is_file():
        return
    data = path.read_bytes()
    lines = data.split(b"\n", 4)
    if len(lines) < 5 or not all(line.startswith(b"#") for line in lines[:4]):
        return  # not an inventory this code knows
    try:
        body = zlib.decompress(lines[4]).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return
    uris = _hidden_uris(app.builder, hidden)
    kept = [line for line in body.splitlines(keepends=True) if not _names_hidden(line, uris)]
    if len(kept) == len(body.splitlines()):
        return
    head = b"\n".join(lines[:4]) + b"\n"
    path.write_bytes(head + zlib.compress("".join(kept).encode("utf-8"), 9))


def _hidden_uris(builder: Builder, hidden: tuple[str, ...]) -> tuple[str, ...]:
    uris = []
    for docname in hidden:
        try:
            uris.append(builder.get_target_uri(docname))
        except NoUri:
            continue
    return tuple(uri for uri in uris if uri)


def _names_hidden(line: str, uris: tuple[str, ...]) -> bool:
    match = _INVENTORY_LINE.match(line.rstrip("\n"))
    if match is None:
        return False
    uri = match.group(4)
    return any(uri == hidden or uri.startswith(hidden + "#") for hidden in uris)
