"""The only wiring module: every ``app.add_*`` and ``app.connect`` lives here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import config as cb_config
from . import nodes as cb_nodes
from .byline import add_noindex_for_drafts, resolve_bylines
from .collector import READ_EVENT, CareerBlogCollector
from .directives.post import PostDirective, UpdateDirective
from .i18n import MESSAGE_CATALOG_NAME
from .store import ENV_VERSION, get_store
from .transforms import RecordFrontMatter

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


def _init_store(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    get_store(env)


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    from pathlib import Path

    from . import __version__

    cb_config.register(app)
    app.connect("config-inited", cb_config.validate, priority=100)
    app.add_message_catalog(MESSAGE_CATALOG_NAME, str(Path(__file__).parent / "locale"))

    cb_nodes.register(app)
    app.add_directive("post", PostDirective)
    app.add_directive("update", UpdateDirective)

    app.add_transform(RecordFrontMatter)
    app.add_event(READ_EVENT)
    app.add_env_collector(CareerBlogCollector)
    app.connect("env-before-read-docs", _init_store)
    app.connect("doctree-resolved", resolve_bylines)
    app.connect("html-page-context", add_noindex_for_drafts)

    # -- feature wiring (one block per feature) ------------------------------------

    # listings: postlist, taxonomy, the blog domain's roles, related posts and series
    from . import listings, resolve
    from .directives.post_list import PostListDirective, TaxonomyDirective
    from .domain import CareerBlogDomain

    app.add_directive("postlist", PostListDirective)
    app.add_directive("taxonomy", TaxonomyDirective)
    app.add_domain(CareerBlogDomain)
    app.connect(READ_EVENT, listings.collect_listing_doc)
    app.connect("doctree-resolved", resolve.resolve_listings)

    # generated pages (blog index, category/tag/author/year pages, overviews,
    # redirects) and the careerblog/*.html sidebar templates
    from . import pages, sidebars

    app.connect("config-inited", pages.register_templates)
    app.connect("html-collect-pages", pages.collect_pages)
    app.connect("html-page-context", sidebars.add_sidebar_context)
    app.connect("build-finished", pages.finish_pages)
    app.connect("env-updated", pages.report_slug_collisions)

    # reflection checklists: directives, nodes, HTML checkboxes, reflectionlist, assets
    from . import assets, checklist_collect, checklist_nodes
    from .checklist_html import ReflectionHtmlTransform
    from .directives.checklist import ReflectionDirective, ReflectionListDirective

    checklist_nodes.register(app)
    app.add_directive("reflection", ReflectionDirective)
    app.add_directive("reflectionlist", ReflectionListDirective)
    app.add_post_transform(ReflectionHtmlTransform)
    app.connect(READ_EVENT, checklist_collect.collect_checklists)
    app.connect("doctree-resolved", checklist_collect.resolve_reflection_lists)
    app.connect("env-get-updated", checklist_collect.refresh_on_reorder)
    app.connect("config-inited", assets.register_static_dir)
    app.connect("builder-inited", assets.add_assets)

    # feeds (Atom, RSS, JSON Feed, per-category Atom), posts.json, autodiscovery links
    from . import catalog, feeds

    app.connect("build-finished", feeds.write_feeds)
    app.connect("build-finished", catalog.write_catalog)
    app.connect("html-page-context", feeds.add_feed_links)

    # generated pages share one rendering of the theme's navigation per directory
    from . import toctree_cache

    app.connect("html-page-context", toctree_cache.share_toctree)

    # -- end of feature wiring -------------------------------------------------------

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
