"""ABlog's ``blog_*``, ``post_*``, ``disqus_*`` and ``fontawesome_*`` settings.

Every ABlog name is declared (default ``None``: "not set"), so an unchanged ABlog
``conf.py`` is accepted. On ``config-inited`` (before ``config.validate``), each
ABlog value that is set is converted to its ``careerblog_*`` counterpart when that
counterpart is still at its default; ABlog settings with no meaning here are named
in one info line. The conversion is a pure function of ``conf.py``, so the stored
configuration equals the next build's and incremental builds stay incremental.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_careerblog.config import CONFIG_VALUES
from sphinx_careerblog.warnings import CbWarning, conf_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reader:
    """What a converter needs: the configuration, and where to report a bad value."""

    config: Config
    confdir: str

    def bad(self, name: str, problem: str) -> None:
        warn(
            CbWarning.CONFIG,
            f"{name}: {problem}; the setting is ignored",
            location=conf_location(self.confdir, name.partition("[")[0]),
        )


#: converts an ABlog value (never None); returns None to skip it
Converter = Callable[[Reader, str, Any], Any]


@dataclass(frozen=True)
class AblogSetting:
    """One ABlog setting: where it goes here (None: no meaning here) and how."""

    name: str
    target: str | None
    convert: Converter | None = None


def _typed(*types: type) -> Converter:
    def convert(reader: Reader, name: str, value: Any) -> Any:
        if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
            return value
        expected = " or ".join(kind.__name__ for kind in types)
        reader.bad(name, f"expected {expected}, got {value!r}")
        return None

    return convert


def name_link_registry(reader: Reader, name: str, value: Any) -> dict[str, dict[str, str]] | None:
    """ABlog's ``{"key": ("Full name", "url" or None)}`` as ``{"key": {"name", "url"}}``."""
    if not isinstance(value, dict):
        reader.bad(name, 'expected a dict such as {"key": ("Full name", "https://...")}')
        return None
    registry: dict[str, dict[str, str]] = {}
    for key, given in value.items():
        if isinstance(given, dict):  # already in our shape
            registry[str(key)] = {k: str(v) for k, v in given.items() if v is not None}
            continue
        entry = (given, None) if isinstance(given, str) else given
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2):
            reader.bad(f"{name}[{key!r}]", 'expected ("Full name", "url" or None)')
            continue
        full_name, link = entry
        item = {"name": str(full_name)}
        if link:
            item["url"] = str(link)
        registry[str(key)] = item
    return registry


def _default_author(reader: Reader, name: str, value: Any) -> Any:
    if isinstance(value, str) or (
        isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
    ):
        return value if isinstance(value, str) else list(value)
    reader.bad(name, "expected an author key or a list of keys")
    return None


def docname_patterns(reader: Reader, name: str, value: Any) -> list[str] | None:
    """ABlog's file globs (``"posts/*.rst"``, relative to the source directory) as
    docname globs: the source suffix is dropped, as ABlog drops it from the matches."""
    patterns = [value] if isinstance(value, str) else value
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(p, str) for p in patterns):
        reader.bad(name, "expected a glob or a list of globs")
        return None
    suffixes = sorted(_source_suffixes(reader.config), key=len, reverse=True)
    result: list[str] = []
    for given in patterns:
        pattern = given.replace("\\", "/").removeprefix("./")
        suffix = next((suffix for suffix in suffixes if pattern.endswith(suffix)), "")
        result.append(pattern[: len(pattern) - len(suffix)])
    return result


def _source_suffixes(config: Config) -> list[str]:
    suffix = config.source_suffix
    if isinstance(suffix, str):
        return [suffix]
    return [str(item) for item in suffix]


def _count(reader: Reader, name: str, value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        reader.bad(name, f"expected a whole number, 0 or more, got {value!r}")
        return None
    return value


def _feed_length(reader: Reader, name: str, value: Any) -> int | None:
    number = _count(reader, name, value)
    return None if number == 0 else number


def _feed_templates(reader: Reader, name: str, value: Any) -> Any:
    """ABlog's default ``{"atom": {}}`` means "no templates"; other values pass on (the
    ``careerblog_feed_templates`` check reports a bad shape)."""
    if isinstance(value, dict) and all(not fields for fields in value.values()):
        extra = [key for key in value if key != "atom"]
        return {key: {} for key in extra} or None
    return value


#: ABlog's settings in its manual's order; ``target`` None means "no meaning here"
SETTINGS: tuple[AblogSetting, ...] = (
    AblogSetting("blog_path", "careerblog_path", _typed(str)),
    AblogSetting("blog_title", "careerblog_title", _typed(str)),
    AblogSetting("blog_baseurl", "careerblog_baseurl", _typed(str)),
    AblogSetting("blog_archive_titles", None),
    AblogSetting("blog_authors", "careerblog_authors", name_link_registry),
    AblogSetting("blog_languages", "careerblog_languages", name_link_registry),
    AblogSetting("blog_locations", "careerblog_locations", name_link_registry),
    AblogSetting("blog_default_author", "careerblog_default_author", _default_author),
    AblogSetting("blog_default_language", "careerblog_default_language", _typed(str)),
    AblogSetting("blog_default_location", "careerblog_default_location", _typed(str)),
    AblogSetting("blog_post_pattern", "careerblog_post_pattern", docname_patterns),
    AblogSetting("post_date_format", "careerblog_date_format", _typed(str)),
    AblogSetting("post_date_format_short", None),
    AblogSetting("post_auto_excerpt", "careerblog_summary_paragraphs", _count),
    AblogSetting("post_auto_image", "careerblog_auto_image", _count),
    AblogSetting("post_auto_orphan", "careerblog_auto_orphan", _typed(bool)),
    AblogSetting("post_redirect_refresh", None),
    AblogSetting("post_always_section", None),
    AblogSetting("post_show_prev_next", "careerblog_prev_next", _typed(bool)),
    AblogSetting("blog_feed_archives", "careerblog_feed_archives", _typed(bool)),
    AblogSetting("blog_feed_fulltext", "careerblog_feed_fulltext", _typed(bool)),
    AblogSetting("blog_feed_subtitle", "careerblog_feed_subtitle", _typed(str)),
    AblogSetting("blog_feed_titles", "careerblog_feed_titles", _typed(bool)),
    AblogSetting("blog_feed_templates", "careerblog_feed_templates", _feed_templates),
    AblogSetting("blog_feed_length", "careerblog_feed_length", _feed_length),
    AblogSetting("fontawesome_link_cdn", None),
    AblogSetting("fontawesome_included", None),
    AblogSetting("fontawesome_css_file", None),
    AblogSetting("disqus_shortname", "careerblog_comments"),
    AblogSetting("disqus_pages", "careerblog_comments"),
    AblogSetting("disqus_drafts", "careerblog_comments"),
    AblogSetting("skip_injecting_base_ablog_templates", None),
    AblogSetting("ablog_website", None),
    AblogSetting("ablog_doctrees", None),
    AblogSetting("ablog_builder", None),
    AblogSetting("github_pages", None),
)

_DEFAULTS: dict[str, Any] = {value.name: value.default for value in CONFIG_VALUES}


def register(app: Sphinx) -> None:
    """Declare every ABlog name (unless ABlog itself is loaded too)."""
    for setting in SETTINGS:
        if setting.name not in app.config:
            # default None = "not set"; no types, so Sphinx does not second-guess
            # ABlog's shapes (``convert`` reports a bad one, naming the ABlog setting)
            app.add_config_value(setting.name, None, "", ())


def apply(app: Sphinx, config: Config) -> None:
    """``config-inited``: ABlog values become ``careerblog_*`` values left at default."""
    reader = Reader(config, str(app.confdir))
    ignored: list[str] = []
    for setting in SETTINGS:
        value = getattr(config, setting.name, None)
        if value is None or setting.convert is None:
            if value is not None and setting.target is None:
                ignored.append(setting.name)
            continue
        assert setting.target is not None
        if _is_set(config, setting.target):
            continue
        converted = setting.convert(reader, setting.name, value)
        if converted is not None:
            setattr(config, setting.target, converted)
    comments = disqus_comments(reader)
    if comments is not None and not _is_set(config, "careerblog_comments"):
        config.careerblog_comments = comments
    if ignored:
        logger.info(
            "sphinx-careerblog: ABlog settings without a meaning here (accepted, ignored): %s",
            ", ".join(ignored),
        )


def _is_set(config: Config, name: str) -> bool:
    """A ``careerblog_*`` value differing from its default was set in ``conf.py``."""
    return bool(getattr(config, name) != _DEFAULTS[name])


def disqus_comments(reader: Reader) -> dict[str, Any] | None:
    """ABlog's ``disqus_shortname``/``disqus_pages``/``disqus_drafts`` as comments."""
    config = reader.config
    shortname = config.disqus_shortname
    if shortname is None:
        return None
    if not isinstance(shortname, str) or not shortname:
        reader.bad("disqus_shortname", "expected the site's Disqus short name")
        return None
    return {
        "provider": "disqus",
        "shortname": shortname,
        "pages": bool(config.disqus_pages),
        "drafts": bool(config.disqus_drafts),
    }
