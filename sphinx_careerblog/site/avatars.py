"""Author avatars: where pages find them, and copying local ones to the output.

An avatar is an http(s) URL (written as it is) or a file of the source directory,
copied on ``build-finished`` to ``<careerblog_path>/avatars/<author slug><suffix>``
(HTML builders that have no manifest to keep: html, dirhtml, singlehtml). Copying
compares bytes, so an unchanged avatar is not written again, and files of authors
that no longer have one are removed: the folder holds nothing else of ours.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from sphinx.util.osutil import relative_uri

from sphinx_careerblog.data.authors import (
    AVATAR_DIR,
    AuthorProfile,
    author_profile,
    avatar_output,
    is_remote,
)
from sphinx_careerblog.data.urls import safe_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class AvatarView(TypedDict):
    """An ``<img>``: its text alternative is the author's name; square, ``size`` px."""

    src: str
    alt: str
    size: int


def avatar_view(app: Sphinx, fromname: str, profile: AuthorProfile, size: int) -> AvatarView | None:
    src = avatar_src(app, fromname, profile)
    return None if src is None else {"src": src, "alt": profile.name, "size": size}


def avatars_available(app: Sphinx) -> bool:
    """Whether this builder's pages may show avatars (EPUB would need them in its
    manifest, which is made before extensions copy files; other formats show none)."""
    builder = getattr(app, "builder", None)
    return builder is not None and builder.format == "html" and not builder.name.startswith("epub")


def avatar_src(app: Sphinx, fromname: str, profile: AuthorProfile) -> str | None:
    """The ``src`` of an author's avatar on page ``fromname``, or None."""
    if profile.avatar is None or not avatars_available(app):
        return None
    if is_remote(profile.avatar):
        return safe_url(profile.avatar)
    output = avatar_output(app.config.careerblog_path, profile)
    if output is None:
        return None
    # a page's URI; under singlehtml every document is ``#document-<name>`` on one page
    base = app.builder.get_target_uri(fromname).partition("#")[0]
    return relative_uri(base, output)


def copy_avatars(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: copy every local avatar, remove the ones no longer used."""
    if exception is not None or not avatars_available(app):
        return
    outdir = Path(app.outdir)
    root: str = app.config.careerblog_path
    wanted: set[Path] = set()
    for key in app.config.careerblog_authors:
        profile = author_profile(app.config.careerblog_authors, key)
        output = avatar_output(root, profile)
        if output is None or profile.avatar is None:
            continue
        source = Path(app.srcdir, profile.avatar)
        target = outdir / output
        wanted.add(target)
        if not source.is_file():
            continue  # reported on config-inited
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    folder = outdir / root / AVATAR_DIR
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and path not in wanted:
                path.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
