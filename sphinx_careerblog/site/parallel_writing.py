"""Generated pages written in worker processes when Sphinx writes in parallel.

Under ``-j N`` Sphinx writes documents in forked workers, but it renders the pages
an extension yields on ``html-collect-pages`` one after the other in the main
process; a small handbook has about as many generated pages as documents. They are
written here the way Sphinx writes documents: the first one in the main process
(Jinja compiles the templates once, the workers inherit them), the others shared out
among Sphinx's ``ParallelTasks``, which forks one worker per job and replays their
warnings in the main process. A worker only renders and writes files; what the main process
must remember (the pages written) is noted there before the work is handed out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util.parallel import ParallelTasks, parallel_available

from sphinx_careerblog.site.plan import html_builder

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx

    from sphinx_careerblog.site.plan import PlannedPage

#: what ``html-collect-pages`` yields: page name, template context, template
PageToWrite = tuple[str, dict[str, object], str]

#: below this many pages a fork costs more than it saves
MIN_PAGES = 8


def writes_in_parallel(app: Sphinx, count: int) -> bool:
    """Whether ``count`` generated pages are written by workers in this build."""
    builder = app.builder
    return parallel_available and builder.parallel_ok and app.parallel > 1 and count >= MIN_PAGES


def write_in_workers(
    app: Sphinx, pages: Sequence[PlannedPage], render: Callable[[PlannedPage], PageToWrite]
) -> None:
    """Render and write ``pages`` (``render`` makes a page's context) in workers."""
    builder = html_builder(app)

    def write(chunk: Sequence[PlannedPage]) -> None:
        for page in chunk:
            builder.handle_page(*render(page))

    write(pages[:1])  # in the main process: templates compiled once for every worker
    rest, workers = pages[1:], app.parallel
    tasks = ParallelTasks(workers)
    for start in range(workers):  # one fork per worker; striding mixes page kinds
        tasks.add_task(write, rest[start::workers])
    tasks.join()
