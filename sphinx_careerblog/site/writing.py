"""Writing the generated pages under ``careerblog_path`` (HTML builders only).

``html-collect-pages`` yields the pages of the plan (``plan``) that ``freshness``
says must be written; ``build-finished`` writes the redirects the builder cannot
name and removes the files of pages that are no longer generated. ``singlehtml``
and ``epub`` get no generated pages (the first writes one page and emits no
``html-collect-pages``; the second would need every page in its spine): there,
bylines and sidebars show terms as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_careerblog.data import paths
from sphinx_careerblog.data.query import BlogIndex, get_index
from sphinx_careerblog.site import freshness, links, parallel_writing
from sphinx_careerblog.site.contexts import page_context, redirect_context
from sphinx_careerblog.site.parallel_writing import PageToWrite
from sphinx_careerblog.site.plan import (
    REDIRECT_TEMPLATE,
    Plan,
    PlannedPage,
    html_builder,
    output_file,
)
from sphinx_careerblog.warnings import CbWarning, warn

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

TEMPLATE_DIR = Path(__file__).parent / "templates"


def register_templates(app: Sphinx, config: Config) -> None:
    """``config-inited``: make ``careerblog/*.html`` templates loadable.

    Done here, not on ``builder-inited``: the value is then the same in the pickled
    environment and in the next build's configuration, so incremental builds do not
    report a configuration change. A new list is assigned (never appended in place)
    so the default shared between applications is left alone.
    """
    directory = str(TEMPLATE_DIR)
    current = list(config.templates_path or [])
    if directory not in current:
        config.templates_path = [*current, directory]


def _context(app: Sphinx, page: PlannedPage) -> Mapping[str, object]:
    if page.kind == "redirect":
        return redirect_context(app, page)
    return page_context(app, page)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, object], str]]:
    """``html-collect-pages``: yield the generated pages that must be written."""
    if not links.generated_pages_available(app):
        return
    decision = freshness.rewrites(app)
    report(app, decision.plan)
    full = freshness.is_full_write(app)
    if full or decision.missing:
        pages = [
            page
            for page in decision.plan.pages
            if freshness.must_write(
                app, decision, page.pagename, output_file(app, page.pagename), full
            )
        ]
    else:  # every file is there: only what changed (without a path per page)
        pages = [page for page in decision.plan.pages if page.pagename in decision.changed]
    for page in pages:
        freshness.note_page_written(app, page.pagename)

    def render(page: PlannedPage) -> PageToWrite:
        return page.pagename, dict(_context(app, page)), page.template

    if parallel_writing.writes_in_parallel(app, len(pages)):
        parallel_writing.write_in_workers(app, pages, render)
        return
    for page in pages:
        yield render(page)


def report(app: Sphinx, plan: Plan) -> None:
    """Warn once per build about page collisions and unusable redirects."""
    for collision in plan.collisions:
        page = collision.page
        if page.kind == "redirect":
            message = (
                f"the redirect page {page.pagename!r} is not written: the document "
                f"{collision.docname!r} has that URL"
            )
        else:
            message = (
                f"this document has the URL of the generated page {page.pagename!r}; the "
                "document is kept and the generated page is not written"
            )
        warn(CbWarning.PAGE_COLLISION, message, location=collision.location)
    for post, old, problem in plan.bad_redirects:
        warn(
            CbWarning.FIELD,
            f"redirect {old!r} is not written: {problem}",
            location=(post.docname, post.line or 1),
        )


def report_slug_collisions(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: warn once per build (in every builder) about labels that share a
    slug; the index, its pages and the taxonomy overviews merge them."""
    root: str = app.config.careerblog_path
    index = get_index(app)
    for collision in index.collisions:
        first = collision.labels[0].casefold()
        culprit = next(
            (
                post
                for post in collision.posts
                if any(
                    value in collision.labels and value.casefold() != first
                    for value in BlogIndex.values(post, collision.kind)
                )
            ),
            collision.posts[0],
        )
        distinct: dict[str, str] = {}
        for label in collision.labels:
            distinct.setdefault(label.casefold(), label)
        shown = ", ".join(repr(label) for label in distinct.values())
        pagename = paths.term_page(root, collision.kind, collision.labels[0])
        warn(
            CbWarning.SLUG_COLLISION,
            f"the {collision.kind} labels {shown} all map to the slug {collision.slug!r}; "
            f"they are listed as one {collision.kind} ({pagename}). Spell them the same way, "
            "or rename one",
            location=(culprit.docname, culprit.line or 1),
        )


def finish_pages(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the redirects the builder cannot name (see
    ``plan.redirect_target``), then delete generated files no longer generated."""
    if exception is not None or not links.generated_pages_available(app):
        return
    builder = html_builder(app)
    outdir = Path(app.outdir).resolve()
    decision = freshness.rewrites(app)
    full = freshness.is_full_write(app)
    for page in decision.plan.files:
        assert page.outfile is not None
        if not freshness.must_write(app, decision, f"file:{page.outfile}", page.outfile, full):
            continue
        context = {**redirect_context(app, page), "language": app.config.language}
        path = outdir / page.outfile
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(builder.templates.render(REDIRECT_TEMPLATE, context), encoding="utf-8")
    if not decision.stale:
        return
    # never a file that one of the documents writes (it may have taken the URL over)
    real = {output_file(app, docname) for docname in app.env.found_docs}
    for name in sorted(decision.stale - real):
        path = (outdir / name).resolve()
        if path.is_relative_to(outdir) and path.is_file() and path.suffix == builder.out_suffix:
            path.unlink()
            _remove_empty_dirs(path.parent, outdir)


def _remove_empty_dirs(directory: Path, outdir: Path) -> None:
    """Remove ``directory`` and its parents while they are empty (dirhtml's folders)."""
    while directory != outdir and directory.is_relative_to(outdir):
        try:
            directory.rmdir()  # only succeeds when empty
        except OSError:
            return
        directory = directory.parent
