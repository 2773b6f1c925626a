"""Author profiles: a typed view of one ``careerblog_authors`` entry.

The configuration holds plain values (validated on ``config-inited``: bad links and
missing avatar files are dropped there with a warning); everything that shows a
profile reads it through ``author_profile``, so pages, bylines and their
fingerprints see the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from sphinx_careerblog.data.slugs import slugify
from sphinx_careerblog.data.urls import scheme_of

if TYPE_CHECKING:
    from collections.abc import Mapping

#: where local avatar files are copied, under ``careerblog_path``
AVATAR_DIR = "avatars"


@dataclass(frozen=True)
class AuthorProfile:
    key: str
    name: str
    url: str | None = None
    #: an http(s) URL, or a path relative to the source directory
    avatar: str | None = None
    bio: str | None = None
    #: (label, URL) pairs in the order the configuration gives them
    links: tuple[tuple[str, str], ...] = ()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def author_profile(authors: Mapping[str, Mapping[str, object]], key: str) -> AuthorProfile:
    """The profile of ``key`` (a free name without an entry has only its name)."""
    entry = authors.get(key, {})
    links = entry.get("links")
    pairs = (
        tuple((label, url) for label, url in links.items() if isinstance(url, str))
        if isinstance(links, dict)
        else ()
    )
    return AuthorProfile(
        key,
        _text(entry.get("name")) or key,
        _text(entry.get("url")),
        _text(entry.get("avatar")),
        _text(entry.get("bio")),
        pairs,
    )


def is_remote(avatar: str) -> bool:
    """Whether an avatar is a web address (``https://``, ``//host/``) rather than a file."""
    return scheme_of(avatar) is not None or avatar.strip().startswith("//")


def avatar_output(root: str, profile: AuthorProfile) -> str | None:
    """Where a local avatar is copied, relative to the output directory (one file
    per author: two authors' ``me.png`` in different folders do not clash)."""
    if profile.avatar is None or is_remote(profile.avatar):
        return None
    suffix = PurePosixPath(profile.avatar.replace("\\", "/")).suffix.lower()
    return f"{root}/{AVATAR_DIR}/{slugify(profile.key)}{suffix}"
