"""The only wiring module: every ``app.add_*`` and ``app.connect`` lives here.

One function per feature; ``setup_extension`` calls them in the order the features
depend on each other (posts are collected before listings and checklists read them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_careerblog import __version__, assets
from sphinx_careerblog import config as cb_config
from sphinx_careerblog.ablog import comments as ablog_comments
from sphinx_careerblog.ablog import labels as ablog_labels
from sphinx_careerblog.ablog import posts as ablog_posts
from sphinx_careerblog.ablog import settings as ablog_settings
from sphinx_careerblog.ablog import sidebars as ablog_sidebars
from sphinx_careerblog.data.store import ENV_VERSION, get_store
from sphinx_careerblog.feeds import autodiscovery, catalog
from sphinx_careerblog.feeds import writing as feed_writing
from sphinx_careerblog.i18n import LOCALE_DIR, MESSAGE_CATALOG_NAME
from sphinx_careerblog.listings import cards, footers, resolve
from sphinx_careerblog.listings.collector import ListingsCollector
from sphinx_careerblog.listings.directives import PostListDirective, TaxonomyDirective
from sphinx_careerblog.listings.domain import CareerBlogDomain, keep_term_unlinked
from sphinx_careerblog.posts import hidden_links, hidden_output, visibility
from sphinx_careerblog.posts import nodes as post_nodes
from sphinx_careerblog.posts.byline import add_noindex_for_drafts, resolve_bylines
from sphinx_careerblog.posts.collector import READ_EVENT, CareerBlogCollector
from sphinx_careerblog.posts.directives import PostDirective, UpdateDirective
from sphinx_careerblog.posts.frontmatter import RecordFrontMatter
from sphinx_careerblog.reflections import growth_nodes, growthmap, listing
from sphinx_careerblog.reflections import nodes as checklist_nodes
from sphinx_careerblog.reflections.collector import ReflectionCollector
from sphinx_careerblog.reflections.directives import (
    GrowthMapDirective,
    ReflectionDirective,
    ReflectionListDirective,
)
from sphinx_careerblog.reflections.html import ReflectionHtmlTransform
from sphinx_careerblog.sharing import opengraph
from sphinx_careerblog.site import (
    avatars,
    filtering,
    freshness,
    navigation,
    sidebar_refresh,
    sidebars,
    writing,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


def _init_store(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    get_store(env)


def setup_core(app: Sphinx) -> None:
    """Configuration, the message catalog, the env store and shared assets."""
    cb_config.register(app)
    app.connect("config-inited", cb_config.validate, priority=100)
    app.add_message_catalog(MESSAGE_CATALOG_NAME, str(LOCALE_DIR))
    app.connect("env-before-read-docs", _init_store)
    app.connect("config-inited", assets.register_static_dir)
    app.connect("builder-inited", assets.add_assets)


def setup_posts(app: Sphinx) -> None:
    """``post`` and ``update``, front matter, the posts collector, bylines."""
    post_nodes.register(app)
    app.add_directive("post", PostDirective)
    app.add_directive("update", UpdateDirective)
    app.add_transform(RecordFrontMatter)
    app.add_event(READ_EVENT)
    app.add_env_collector(CareerBlogCollector)
    app.connect("doctree-resolved", resolve_bylines)
    app.connect("html-page-context", add_noindex_for_drafts)


def setup_visibility(app: Sphinx) -> None:
    """Drafts and scheduled posts: the build's day, and no route to a hidden page."""
    app.connect("env-get-outdated", visibility.note_today)
    # after Sphinx's toctree collector (priority 500) has noted this page's toctrees
    app.connect("doctree-read", visibility.remember_toctree_includes, priority=600)
    app.connect("env-updated", visibility.hide_unpublished)
    app.connect("html-collect-pages", visibility.prune_search_index)
    app.add_post_transform(visibility.DropHiddenFromAssembly)
    app.add_post_transform(hidden_links.UnlinkHiddenTargets)
    app.connect("html-collect-pages", hidden_output.before_packing)
    app.connect("build-finished", hidden_output.after_build)


def setup_listings(app: Sphinx) -> None:
    """``postlist``, ``taxonomy``, the ``blog`` domain, related posts and series."""
    cards.register(app)
    footers.register(app)
    app.add_directive("postlist", PostListDirective)
    app.add_directive("taxonomy", TaxonomyDirective)
    app.add_domain(CareerBlogDomain)
    app.connect("missing-reference", keep_term_unlinked)
    app.add_env_collector(ListingsCollector)
    app.connect("doctree-resolved", resolve.resolve_listings)


def setup_site(app: Sphinx) -> None:
    """Generated pages, redirects, the ``careerblog/*.html`` sidebars, freshness."""
    app.connect("config-inited", writing.register_templates)
    app.add_env_collector(freshness.NavigationCollector)
    app.connect("env-before-read-docs", freshness.note_read)
    app.connect("env-purge-doc", freshness.note_purged)
    app.connect("env-updated", writing.report_slug_collisions)
    app.connect("env-get-updated", sidebar_refresh.refresh_sidebars)
    # after every collector: the fingerprints read the final store
    app.connect("env-get-updated", freshness.decide_rewrites, priority=900)
    app.connect("env-get-updated", navigation.decide_refresh, priority=901)
    app.connect("doctree-resolved", freshness.note_written)
    app.connect("html-collect-pages", writing.collect_pages)
    app.connect("html-page-context", sidebars.add_sidebar_context)
    # before themes' own handlers (furo's), which call toctree() there
    app.connect("html-page-context", navigation.share_toctree, priority=400)
    app.connect("build-finished", writing.finish_pages)
    app.connect("build-finished", sidebar_refresh.refresh_in_place)
    app.connect("build-finished", navigation.refresh_in_place)
    app.connect("build-finished", avatars.copy_avatars)
    app.connect("html-page-context", filtering.add_filter_context)


def setup_reflections(app: Sphinx) -> None:
    """``reflection``, ``reflectionlist``, ``growthmap``: nodes, collector, HTML checkboxes."""
    checklist_nodes.register(app)
    growth_nodes.register(app)
    app.add_directive("reflection", ReflectionDirective)
    app.add_directive("reflectionlist", ReflectionListDirective)
    app.add_directive("growthmap", GrowthMapDirective)
    app.add_post_transform(ReflectionHtmlTransform)
    # after the posts collector (registered first): a checklist's post is known
    app.add_env_collector(ReflectionCollector)
    app.connect("doctree-resolved", listing.resolve_reflection_lists)
    app.connect("doctree-resolved", growthmap.resolve_growth_maps)


def setup_feeds(app: Sphinx) -> None:
    """Atom, RSS, JSON Feed, per-category Atom, ``posts.json``, autodiscovery links."""
    app.connect("build-finished", feed_writing.write_feeds)
    app.connect("build-finished", catalog.write_catalog)
    app.connect("html-page-context", autodiscovery.add_feed_links)


def setup_ablog(app: Sphinx) -> None:
    """ABlog sites build unchanged: its settings, labels, orphan posts, sidebars."""
    ablog_settings.register(app)
    # before ``config.validate`` (priority 100), which then checks the converted values
    app.connect("config-inited", ablog_settings.apply, priority=90)
    app.connect(READ_EVENT, ablog_posts.mark_posts_orphan)
    app.connect(READ_EVENT, ablog_labels.collect_label_refs)
    app.connect("missing-reference", ablog_labels.resolve_label)
    app.connect("html-page-context", ablog_sidebars.add_ablog_context)
    app.connect("html-page-context", ablog_comments.add_comments)


def setup_sharing(app: Sphinx) -> None:
    """Description and Open Graph tags on post pages (with sphinxext.opengraph too)."""
    app.connect("html-page-context", opengraph.add_social_tags, priority=opengraph.PRIORITY)


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    setup_core(app)
    setup_posts(app)
    setup_visibility(app)
    setup_listings(app)
    setup_site(app)
    setup_reflections(app)
    setup_feeds(app)
    setup_ablog(app)
    setup_sharing(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
