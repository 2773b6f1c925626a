"""The terms ABlog makes labels and sidebars of: tags, categories, authors,
languages, locations and years, each with its generated page in this build.

Languages and locations are ABlog's comma-separated ``language``/``location``
fields, named by ``careerblog_languages``/``careerblog_locations`` keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.model import slugify
from sphinx_careerblog.data.query import get_index
from sphinx_careerblog.data.values import split_values

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_careerblog.data.model import PostRecord
    from sphinx_careerblog.data.query import BlogIndex

PlaceKind = Literal["language", "location"]
PLACE_KINDS: tuple[PlaceKind, ...] = ("language", "location")


@dataclass(frozen=True)
class AblogTerm:
    prefix: str  # tag, category, author, language, location, archive
    key: str  # as written (or declared)
    slug: str
    title: str
    pagename: str | None  # its generated page, None when it has none
    posts: tuple[PostRecord, ...] = ()


def place_values(post: PostRecord, kind: PlaceKind) -> tuple[str, ...]:
    """A post's languages or locations (ABlog accepts several, comma-separated)."""
    text = post.fields.language if kind == "language" else post.fields.location
    return tuple(split_values(text))


def places(index: BlogIndex, kind: PlaceKind) -> list[tuple[str, tuple[PostRecord, ...]]]:
    """Each language or location with its listed posts (newest first), by key."""
    grouped: dict[str, list[PostRecord]] = {}
    for post in index.posts:
        for value in place_values(post, kind):
            grouped.setdefault(value, []).append(post)
    return [(key, tuple(grouped[key])) for key in sorted(grouped, key=str.casefold)]


def place_registry(app: Sphinx, kind: PlaceKind) -> dict[str, dict[str, str]]:
    config = app.config
    return config.careerblog_languages if kind == "language" else config.careerblog_locations  # type: ignore[no-any-return]


def place_title(app: Sphinx, kind: PlaceKind, key: str) -> str:
    return str(place_registry(app, kind).get(key, {}).get("name", key))


def place_page(app: Sphinx, kind: PlaceKind, key: str) -> str | None:
    """The generated page of a language or location (it has one once a post names it)."""
    if get_index(app).term(kind, key) is None:
        return None
    return paths.term_page(app.config.careerblog_path, kind, key)


def ablog_terms(app: Sphinx) -> list[AblogTerm]:
    """Every term with at least one listed post, and every declared author, language
    and location (ABlog makes labels for those even before a post names them)."""
    index = get_index(app)
    root: str = app.config.careerblog_path
    terms: list[AblogTerm] = []
    for kind in paths.TERM_KINDS:
        for term in index.terms(kind):
            page = paths.term_page(root, term.kind, term.label)
            terms.append(AblogTerm(kind, term.label, term.slug, term.title, page, term.posts))
    used_authors = {term.key for term in terms if term.prefix == "author"}
    for key, entry in app.config.careerblog_authors.items():
        if key not in used_authors:
            terms.append(AblogTerm("author", key, slugify(key), str(entry.get("name", key)), None))
    for place in PLACE_KINDS:
        terms.extend(place_terms(app, index, place))
    for year, posts in index.years():
        terms.append(AblogTerm("archive", str(year), str(year), str(year),
                               paths.year_page(root, year), posts))  # fmt: skip
    return terms


def place_terms(app: Sphinx, index: BlogIndex, kind: PlaceKind) -> list[AblogTerm]:
    """The languages (or locations) of listed posts, then the declared ones no post names."""
    terms = [
        AblogTerm(kind, key, slugify(key), place_title(app, kind, key),
                  place_page(app, kind, key), posts)
        for key, posts in places(index, kind)
    ]  # fmt: skip
    seen = {term.key for term in terms}
    terms.extend(
        AblogTerm(kind, key, slugify(key), place_title(app, kind, key), None)
        for key in place_registry(app, kind)
        if key not in seen
    )
    return terms
