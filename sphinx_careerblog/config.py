"""Every ``careerblog_*`` configuration value, declared once, validated at start-up."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx_careerblog.data.authors import is_remote
from sphinx_careerblog.data.dates import DEFAULT_DATE_FORMAT
from sphinx_careerblog.data.urls import url_problem
from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

Rebuild = Literal["env", "html", ""]
Checker = Callable[[Any], str | None]


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "expected a string"


def _is_slug_path(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip("/"):
        return "expected a non-empty relative path such as 'blog'"
    parts = value.strip("/").split("/")
    if any(part in ("", ".", "..") or "\\" in part for part in parts):
        return "expected a relative path inside the output directory, such as 'blog'"
    return None


def _is_optional_str(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "expected a string or None"


def _is_optional_day(value: Any) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value if isinstance(value, str) else "")
    except ValueError:
        return "expected a date such as '2026-06-01', or None"
    return None


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected True or False"


def _is_count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "expected a whole number, 0 or more"
    return None


def _is_positive(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "expected a whole number, 1 or more"
    return None


def _is_str_list(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return "expected a list of strings"
    return None


def _is_feed_formats(value: Any) -> str | None:
    problem = _is_str_list(value)
    if problem:
        return problem
    unknown = sorted(set(value) - {"atom", "rss", "json"})
    return f"unknown feed format(s) {unknown}; use 'atom', 'rss', 'json'" if unknown else None


def _is_date_format(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return "expected a strftime pattern such as '%d %B %Y', or 'short', 'medium', 'long'"
    return None


def _is_author_default(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value):
        return None
    return "expected an author key, a list of keys, or None"


_COMMENT_PROVIDERS = {
    "giscus": ("repo", "repo-id", "category", "category-id"),
    "disqus": ("shortname",),
}


def _is_comments(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("provider") not in _COMMENT_PROVIDERS:
        return "expected None or a dict with 'provider': 'giscus' or 'disqus'"
    required = _COMMENT_PROVIDERS[value["provider"]]
    missing = [key for key in required if not value.get(key)]
    if missing:
        return f"{value['provider']} comments need {', '.join(repr(key) for key in missing)}"
    shortname = value.get("shortname", "x")
    if not isinstance(shortname, str) or not re.fullmatch(r"[A-Za-z0-9-]+", shortname):
        return "the Disqus 'shortname' is letters, digits and dashes"
    for key, item in value.items():
        if not isinstance(item, (str, bool)):
            return f"{key!r} must be a string or True/False"
    return None


_FEED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_TEMPLATE_FIELDS = ("title", "summary", "content")


def _is_feed_templates(value: Any) -> str | None:
    """Feed name -> {title, summary, content} Jinja template strings."""
    if not isinstance(value, dict):
        return 'expected a dict such as {"atom": {"title": "{{ title }}"}}'
    for name, fields in value.items():
        if not isinstance(name, str) or not _FEED_NAME.fullmatch(name):
            return f"feed name {name!r} must be letters, digits, '-' and '_'"
        if not isinstance(fields, dict):
            return f"feed {name!r}: expected a dict of templates"
        unknown = sorted(set(fields) - set(_TEMPLATE_FIELDS))
        if unknown:
            return f"feed {name!r}: unknown keys {unknown}; allowed: {', '.join(_TEMPLATE_FIELDS)}"
        if not all(isinstance(text, str) for text in fields.values()):
            return f"feed {name!r}: templates must be strings"
    return None


def _registry(allowed: tuple[str, ...], checked_later: tuple[str, ...] = ()) -> Checker:
    """A mapping key -> entry whose values are strings (``checked_later`` keys may hold
    other shapes: they are checked one by one, so one bad value drops only itself)."""

    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return "expected a dict of key -> {...}"
        for key, entry in value.items():
            if not isinstance(key, str) or not key:
                return f"key {key!r} must be a non-empty string"
            if not isinstance(entry, dict):
                return f"entry {key!r} must be a dict with keys {', '.join(allowed)}"
            unknown = sorted(set(entry) - set(allowed))
            if unknown:
                return f"entry {key!r} has unknown keys {unknown}; allowed: {', '.join(allowed)}"
            for name, item in entry.items():
                if name not in checked_later and not isinstance(item, str):
                    return f"entry {key!r}: {name!r} must be a string"
        return None

    return check


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    rebuild: Rebuild
    types: tuple[type, ...]
    check: Checker
    help: str


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue("careerblog_path", "blog", "env", (str,), _is_slug_path,
                "where generated pages and feeds go"),
    ConfigValue("careerblog_title", None, "html", (str, type(None)), _is_optional_str,
                "title of the blog index and feeds (default: ``project``)"),
    ConfigValue("careerblog_baseurl", "", "html", (str,), _is_str,
                "absolute site URL, for feeds (default: ``html_baseurl``)"),
    ConfigValue("careerblog_post_pattern", [], "env", (list, tuple), _is_str_list,
                "globs of docnames that are posts"),
    ConfigValue("careerblog_authors", {}, "env", (dict,),
                _registry(("name", "url", "avatar", "bio", "links"), checked_later=("links",)),
                "author key -> {name, url, avatar, bio, links}"),
    ConfigValue("careerblog_default_author", None, "env", (str, list, tuple, type(None)),
                _is_author_default, "author key (or keys) for posts that name none"),
    ConfigValue("careerblog_categories", {}, "env", (dict,), _registry(("title", "description")),
                "declared categories: slug -> {title, description}"),
    ConfigValue("careerblog_tags", {}, "env", (dict,), _registry(("title", "description")),
                "declared tags: slug -> {title, description}"),
    ConfigValue("careerblog_strict_taxonomy", False, "env", (bool,), _is_bool,
                "warn on undeclared categories, tags and authors"),
    ConfigValue("careerblog_include_drafts", False, "env", (bool,), _is_bool,
                "list drafts (for previews)"),
    ConfigValue("careerblog_today", None, "env", (str, type(None)), _is_optional_day,
                "the day a build publishes for, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, "
                "else the clock)"),
    ConfigValue("careerblog_posts_per_page", 10, "html", (int,), _is_count,
                "pagination of generated pages; 0 = one page"),
    ConfigValue("careerblog_index_filter", True, "html", (bool,), _is_bool,
                "filtering of the blog index in the browser (categories, tags, authors, years)"),
    ConfigValue("careerblog_sidebar_recent", 5, "html", (int,), _is_count,
                "posts in the careerblog/recent.html sidebar"),
    ConfigValue("careerblog_feed_formats", ["atom", "rss", "json"], "html", (list, tuple),
                _is_feed_formats, "which feeds to write"),
    ConfigValue("careerblog_feed_length", 20, "html", (int,), _is_positive,
                "entries per feed"),
    ConfigValue("careerblog_feed_fulltext", False, "html", (bool,), _is_bool,
                "full content in feeds"),
    ConfigValue("careerblog_byline_avatars", False, "html", (bool,), _is_bool,
                "a small avatar before each author's name in bylines"),
    ConfigValue("careerblog_date_format", DEFAULT_DATE_FORMAT, "env", (str,), _is_date_format,
                "how dates are shown"),
    ConfigValue("careerblog_byline", True, "env", (bool,), _is_bool,
                "insert the byline under the title of front-matter posts"),
    ConfigValue("careerblog_words_per_minute", 230, "env", (int,), _is_positive,
                "reading speed for reading time"),
    ConfigValue("careerblog_related", 3, "env", (int,), _is_count,
                "related posts under each post; 0 = off"),
    ConfigValue("careerblog_locations", {}, "env", (dict,), _registry(("name", "url")),
                "location key -> {name, url}"),
    ConfigValue("careerblog_languages", {}, "env", (dict,), _registry(("name", "url")),
                "language code -> {name, url}"),
    ConfigValue("careerblog_default_location", None, "env", (str, type(None)), _is_optional_str,
                "location key for posts that name none"),
    ConfigValue("careerblog_default_language", None, "env", (str, type(None)), _is_optional_str,
                "language code for posts that name none"),
    ConfigValue("careerblog_summary_paragraphs", 1, "env", (int,), _is_count,
                "paragraphs in a post's default summary; 0 = none"),
    ConfigValue("careerblog_card_words", 40, "html", (int,), _is_positive,
                "words of the summary shown on a card (cut at a word boundary, with \u2026)"),
    ConfigValue("careerblog_auto_image", 0, "env", (int,), _is_count,
                "the N-th image of a post is its listing image when it names none; 0 = off"),
    ConfigValue("careerblog_auto_orphan", True, "env", (bool,), _is_bool,
                "posts need no toctree entry"),
    ConfigValue("careerblog_prev_next", False, "html", (bool,), _is_bool,
                "previous/next links between posts by date under each post"),
    ConfigValue("careerblog_feed_archives", False, "html", (bool,), _is_bool,
                "a feed for every category, tag, author, year, language and location page"),
    ConfigValue("careerblog_feed_titles", False, "html", (bool,), _is_bool,
                "feed entries carry titles only (no summary or content)"),
    ConfigValue("careerblog_feed_templates", {}, "html", (dict,), _is_feed_templates,
                "Jinja templates for feed entries' title, summary and content, per feed"),
    ConfigValue("careerblog_feed_subtitle", None, "html", (str, type(None)), _is_optional_str,
                "the site feeds' subtitle (default: 'The latest posts of <title>')"),
    ConfigValue("careerblog_comments", None, "html", (dict, type(None)), _is_comments,
                "comments under posts: {'provider': 'giscus', ...} or {'provider': 'disqus', ...}"),
    ConfigValue("careerblog_competencies", {}, "env", (dict,),
                _registry(("title", "description")),
                "competencies for checklists and the growth map: slug -> {title, description}"),
    ConfigValue("careerblog_levels", [], "env", (list, tuple), _is_str_list,
                "ordered level names for checklists (``reflection :level:``)"),
    ConfigValue("careerblog_checklist_storage_prefix", "careerblog", "html", (str,), _is_str,
                "localStorage key prefix for reflection checklists; empty disables saving"),
)  # fmt: skip


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, value.types)


def validate(app: Sphinx, config: Config) -> None:
    """On ``config-inited``: report each bad value once and fall back to its default."""
    for value in CONFIG_VALUES:
        current = getattr(config, value.name)
        if current is None and value.default is None:
            continue
        problem = value.check(current)
        if problem:
            warn(
                CbWarning.CONFIG,
                f"{value.name} = {current!r}: {problem}; using the default {value.default!r}",
                location=conf_location(app.confdir, value.name),
            )
            setattr(config, value.name, value.default)
    safe_urls(config, app.confdir)
    check_author_profiles(config, app.confdir, app.srcdir)
    if not config.careerblog_title:
        config.careerblog_title = config.project
    config.careerblog_path = config.careerblog_path.strip("/")


#: Registries whose entries hold URLs: entry key -> whether ``mailto:`` fits there.
#: The ABlog setting each may come from, for the warning's line in ``conf.py``.
REGISTRY_URL_KEYS: dict[str, tuple[dict[str, bool], str]] = {
    "careerblog_authors": ({"url": True, "avatar": False}, "blog_authors"),
    "careerblog_locations": ({"url": False}, "blog_locations"),
    "careerblog_languages": ({"url": False}, "blog_languages"),
}

Registry = dict[str, dict[str, str]]


def _url_location(confdir: str | Path, *names: str) -> nodes.Node:
    """The line of the first of ``names`` assigned in ``conf.py`` (ABlog's name when the
    value came from an ABlog setting), else ``conf.py`` itself."""
    for name in names:
        location = conf_location(confdir, name)
        if location.line is not None:
            return location
    return conf_location(confdir)


def safe_urls(config: Config, confdir: str | Path) -> None:
    """Drop every configured URL that may not be written (``javascript:``, ``data:``,
    ...) from the registries and the comments settings: each is reported once,
    located in ``conf.py``, so no page, feed or catalog receives it."""
    for name, (url_keys, ablog_name) in REGISTRY_URL_KEYS.items():
        registry: Registry = getattr(config, name)
        cleaned: Registry = {}
        for key, entry in registry.items():
            kept = dict(entry)
            for field, allow_mailto in url_keys.items():
                value = entry.get(field)
                problem = None if value is None else url_problem(value, allow_mailto=allow_mailto)
                if problem:
                    message = f"{name}[{key!r}][{field!r}] is not written: {problem}"
                    warn(CbWarning.URL, message, location=_url_location(confdir, name, ablog_name))
                    del kept[field]
            cleaned[key] = kept
        setattr(config, name, cleaned)
    comments: dict[str, object] | None = config.careerblog_comments
    if comments:
        # giscus's "theme" is a name or the URL of a style sheet; no other setting is a URL
        for key, setting in list(comments.items()):
            is_url = key == "theme" or key.endswith("url")
            if is_url and isinstance(setting, str) and url_problem(setting):
                message = f"careerblog_comments[{key!r}] is not written: {url_problem(setting)}"
                location = _url_location(confdir, "careerblog_comments", "disqus_shortname")
                warn(CbWarning.URL, message, location=location)
                comments = {k: v for k, v in comments.items() if k != key}
        config.careerblog_comments = comments


def check_author_profiles(config: Config, confdir: str | Path, srcdir: str | Path) -> None:
    """Keep only the author ``links`` that are a mapping of label -> safe URL, and
    only ``avatar`` files that exist; each dropped value is one located warning."""
    location = _url_location(confdir, "careerblog_authors", "blog_authors")
    cleaned: dict[str, dict[str, object]] = {}
    for key, entry in config.careerblog_authors.items():
        kept: dict[str, object] = dict(entry)
        name = f"careerblog_authors[{key!r}]"
        links = entry.get("links")
        if links is not None:
            kept["links"] = _checked_links(name, links, location)
        avatar = entry.get("avatar")
        if isinstance(avatar, str) and not is_remote(avatar):
            source = Path(srcdir).resolve()
            path = (source / avatar).resolve()
            if not path.is_relative_to(source) or not path.is_file():
                message = f"{name}['avatar'] {avatar!r}: no such file in the source directory"
                warn(CbWarning.CONFIG, message, location=location)
                del kept["avatar"]
        cleaned[key] = kept
    config.careerblog_authors = cleaned


def _checked_links(name: str, links: object, location: nodes.Node) -> dict[str, str]:
    if not isinstance(links, dict):
        message = (
            f"{name}['links'] = {links!r}: expected a mapping of label -> URL, such as "
            '{"Mastodon": "https://example.social/@ann"}; no links are shown'
        )
        warn(CbWarning.CONFIG, message, location=location)
        return {}
    kept: dict[str, str] = {}
    for label, url in links.items():
        if not isinstance(label, str) or not label.strip() or not isinstance(url, str):
            message = f"{name}['links'][{label!r}]: expected a text label and a URL string"
            warn(CbWarning.CONFIG, message, location=location)
        elif problem := url_problem(url, allow_mailto=True):
            message = f"{name}['links'][{label!r}] is not written: {problem}"
            warn(CbWarning.URL, message, location=location)
        else:
            kept[label] = url.strip()
    return kept


def is_post_docname(config: Config, docname: str) -> bool:
    return any(fnmatch.fnmatchcase(docname, pattern) for pattern in config.careerblog_post_pattern)
