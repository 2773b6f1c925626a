"""Limits: does a build stay proportional to its input at the sizes the issue names?

``python -m benchmarks.limits`` builds, for each limit, the same project at half and
at the whole of the named size (10,000 tags; a 1 MB essay; 2,000 posts in one
category; 200 checklists on one page; lists nested 40 deep in a prompt), and empty,
each in its own ``sphinx-build`` subprocess, and records wall time, CPU time and peak
RSS. What the input costs is the CPU time and memory above the empty project's; per
item, it stays the same from half to full size when the build is linear. ``--plain``
also builds the projects that need no directive of ours without the extension, so
what Sphinx, MyST and the theme cost on their own can be told from what we add.
The figures go into a block of ``benchmarks/RESULTS.md`` inside its hand-written
analysis, which ``benchmarks.run`` keeps when it rewrites the page.

This is a benchmark, never run by the test suite or CI (the full sizes take tens of
minutes). The suite runs small versions of the same projects
(``tests/test_reliability_limits.py``) and only asserts that they build without
warnings or tracebacks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.run import ANALYSIS_END, DEFAULT_RESULTS, Build, sphinx_build

HERE = Path(__file__).parent
CONF = """\
project = "Limits"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence"]
careerblog_baseurl = "https://example.org/"
exclude_patterns = ["_build"]
"""
#: The same project without the extension (Sphinx, MyST, sphinx-design only): what the
#: build costs before anything of ours runs.
PLAIN_CONF = CONF.replace(', "sphinx_careerblog"]', "]").replace(
    'careerblog_baseurl = "https://example.org/"\n', ""
)
INDEX = "# Limits\n\n```{toctree}\n:glob:\n\n**\n```\n"
LIMITS_START = "<!-- limits:start -->"
LIMITS_END = "<!-- limits:end -->"

Files = dict[str, str]


def _post(title: str, body: str, *, date: str = "2024-01-01", **fields: str) -> str:
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\npost: true\ndate: {date}\n{front}---\n# {title}\n\n{body}\n"


def many_tags(count: int) -> Files:
    """``count`` distinct tags, 100 per post (each tag gets its own page)."""
    files: Files = {}
    for number, start in enumerate(range(0, count, 100)):
        tags = ", ".join(f"tag-{n}" for n in range(start, min(start + 100, count)))
        files[f"posts/p{number}.md"] = _post(f"Tagged {number}", "Text.", tags=f"[{tags}]")
    return files


def long_essay(size: int) -> Files:
    """One essay of about ``size`` bytes of prose, in paragraphs under sections."""
    paragraph = "A steady sentence about reviewing code with care and patience. " * 8
    parts, written, section = [], 0, 0
    while written < size:
        if written // 20_000 >= section:
            section += 1
            parts.append(f"## Part {section}\n")
        parts.append(paragraph + "\n")
        written += len(paragraph) + 1
    return {"posts/long.md": _post("A very long essay", "\n".join(parts))}


#: alabaster's default sidebars without ``navigation.html``, which draws the whole
#: toctree on every page: N posts in one glob toctree put N entries on each of N pages,
#: quadratic in Sphinx itself, with or without the extension (``--navigation`` keeps it)
NO_NAVIGATION = (
    'html_sidebars = {"**": ["about.html", "searchfield.html", "relations.html", "donate.html"]}\n'
)


def one_category(count: int) -> Files:
    """``count`` posts in one category (its page is paginated by 10)."""
    return {
        f"posts/p{n}.md": _post(
            f"Essay {n}",
            "Text of an essay.",
            date=(dt.date(2019, 1, 1) + dt.timedelta(days=n)).isoformat(),
            categories="Craft",
        )
        for n in range(count)
    }


def many_checklists(count: int) -> Files:
    """One page with ``count`` reflection checklists, and a reflectionlist of them."""
    blocks = [
        f":::{{reflection}} Check {n}\n:category: habits\n\n- First prompt {n}?\n"
        f"- Second prompt {n}?\n:::\n"
        for n in range(count)
    ]
    return {
        "pages/checklists.md": "# Checklists\n\n" + "\n".join(blocks),
        "pages/all.md": "# All checklists\n\n```{reflectionlist}\n```\n",
    }


def nested_prompt(depth: int) -> Files:
    """A checklist whose prompt holds a bullet list nested ``depth`` levels deep.

    In reStructuredText: MyST's parser (markdown-it) stops nesting at about eight list
    levels and drops what lies deeper, before the extension sees it.
    """
    lines = []
    for level in range(depth):
        lines += [f"{'  ' * (level + 3)}- level {level}", ""]
    body = "\n".join(lines)
    text = (
        "Deep\n====\n\n.. post:: 2024-01-01\n\n.. reflection:: Deep\n\n"
        f"   - A prompt with a deep list:\n\n{body}\n"
    )
    return {"posts/deep.rst": text}


@dataclass(frozen=True)
class Limit:
    name: str
    size: int  # the size the issue names
    unit: str
    make: Callable[[int], Files]
    #: whether plain Sphinx + MyST builds the same sources (no directive of ours)
    plain: bool = False
    #: added to ``conf.py`` unless ``--navigation`` is given
    conf: str = ""


LIMITS = (
    Limit("tags", 10_000, "tags", many_tags, plain=True),
    Limit("essay", 1_000_000, "bytes", long_essay, plain=True),
    Limit("category", 2_000, "posts", one_category, plain=True, conf=NO_NAVIGATION),
    Limit("checklists", 200, "checklists", many_checklists),
    Limit("nesting", 40, "levels", nested_prompt),
)
#: the label of a row built without the extension
PLAIN = "Sphinx+MyST only"
#: the label of a row built with the theme's whole-site navigation (``--navigation``)
NAVIGATION = "theme navigation"


def write_project(root: Path, files: Files, conf: str = CONF) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for name, text in {"conf.py": conf, "index.md": INDEX, **files}.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def measure(
    limit: Limit, size: int, work: Path, plain: bool = False, navigation: bool = False
) -> Build:
    files = limit.make(size) if size else {}
    name = f"{limit.name}-{size}" + ("-plain" if plain else "") + ("-nav" if navigation else "")
    conf = (PLAIN_CONF if plain else CONF) + ("" if navigation else limit.conf)
    root = write_project(work / name, files, conf)
    src = root / "src"
    docnames = {
        p.relative_to(src).with_suffix("").as_posix()
        for p in src.rglob("*")
        if p.suffix in (".md", ".rst")
    }
    return sphinx_build(root / "src", root / "out", root / "doctrees", docnames)


def _row_label(line: str) -> str:
    """What a table row measures: its first cell (a limit, perhaps with the plain label)."""
    return line.split("|")[1].strip()


def kept_rows(results: Path, measured: set[str]) -> list[str]:
    """Table rows of an earlier run for what this run does not measure (``measured``
    holds row labels: a limit's name, or its name with the plain label)."""
    known = {
        ", ".join([x.name, *extra])
        for x in LIMITS
        for extra in ((), (PLAIN,), (NAVIGATION,), (PLAIN, NAVIGATION))
    }
    text = results.read_text("utf-8") if results.exists() else ""
    if LIMITS_START not in text:
        return []
    block = text.split(LIMITS_START, 1)[1].split(LIMITS_END, 1)[0]
    return [
        line
        for line in block.splitlines()
        if line.startswith("| ") and line.count("|") == HEADER.count("|")
        and _row_label(line) in known and _row_label(line) not in measured
    ]  # fmt: skip


@dataclass(frozen=True)
class Row:
    limit: Limit
    size: int
    build: Build
    plain: bool = False
    navigation: bool = False

    @property
    def label(self) -> str:
        extra = [PLAIN] * self.plain + [NAVIGATION] * (self.navigation and bool(self.limit.conf))
        return ", ".join([self.limit.name, *extra])


#: CPU seconds below which a difference from the empty project is timing noise
NOISE_S = 0.5
HEADER = (
    "| limit | size | wall s | CPU s | CPU above empty s | CPU per item ms | per item ÷ "
    "smaller size | peak RSS MB | RSS above empty MB | RSS per item KB | warnings | exit |"
)


def _table(rows: list[Row]) -> list[str]:
    """One line per build. Each size is compared with the size before it (half of it
    by default): a per-item cost ratio near 1 is a linear build. No ratio is given
    when the smaller size cost less than ``NOISE_S`` above the empty project."""
    lines = [HEADER, "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    empty: dict[str, Build] = {}
    previous: dict[str, float] = {}
    for row in rows:
        build = row.build
        if row.size == 0:
            empty[row.label] = build
        base = empty.get(row.label, build)
        cpu_above, rss_above = build.cpu - base.cpu, build.rss_mb - base.rss_mb
        per_item = cpu_above / row.size * 1000 if row.size else 0.0
        ratio = f"{per_item / previous[row.label]:.2f}" if previous.get(row.label) else ""
        if row.size and cpu_above >= NOISE_S:
            previous[row.label] = per_item
        cells = [row.label, f"{row.size:,} {row.limit.unit}", f"{build.wall:.1f}",
                 f"{build.cpu:.1f}", f"{cpu_above:.1f}",
                 f"{per_item:.3g}" if row.size else "", ratio, f"{build.rss_mb:.0f}",
                 f"{rss_above:.0f}",
                 f"{rss_above * 1024 / row.size:.3g}" if row.size else "",
                 str(build.warnings), str(build.returncode)]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render(rows: list[Row], command: str, earlier: list[str]) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    lines = [
        LIMITS_START,
        (
            f"**Limits** (`{command}`, {when} UTC, load average {os.getloadavg()[0]:.1f} at the "
            "end). CPU above the empty project's is what the input costs; per item, it stays "
            "the same when the build is linear (ratio to the smaller size near 1)."
        ),
        "",
        *_table(rows),
    ]
    if earlier:
        lines += earlier
        lines += ["", "(Rows of limits not measured by this command come from an earlier run.)"]
    lines.append(LIMITS_END)
    return "\n".join(lines)


def record(results: Path, block: str) -> None:
    """Put the block into the analysis section (kept by ``benchmarks.run``)."""
    text = results.read_text("utf-8")
    if LIMITS_START in text:
        before, rest = text.split(LIMITS_START, 1)
        text = before + block + rest.split(LIMITS_END, 1)[1]
    else:
        text = text.replace(ANALYSIS_END, f"\n{block}\n{ANALYSIS_END}")
    results.write_text(text, "utf-8")


def _variants(limit: Limit, plain: bool, plain_only: bool) -> tuple[bool, ...]:
    """Which builds of a limit to run: with the extension (False), without (True)."""
    if not limit.plain:
        return () if plain_only else (False,)
    return (True,) if plain_only else (False, True) if plain else (False,)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limits", nargs="+", choices=[x.name for x in LIMITS],
                        default=[x.name for x in LIMITS])  # fmt: skip
    parser.add_argument("--fractions", nargs="+", type=float, default=[0.5, 1.0],
                        help="sizes to build, as fractions of each named limit")  # fmt: skip
    parser.add_argument(
        "--plain",
        action="store_true",
        help="also build the tags, essay and category projects without "
        "the extension (Sphinx and MyST only)",
    )
    parser.add_argument(
        "--plain-only", action="store_true", help="build those projects without the extension only"
    )
    parser.add_argument("--navigation", action="store_true",
                        help="keep the theme's whole-site navigation sidebar in the "
                        "category project (quadratic in Sphinx itself)")  # fmt: skip
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "limits")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for limit in (x for x in LIMITS if x.name in args.limits):
        for plain in _variants(limit, args.plain, args.plain_only):
            for size in [0, *(round(limit.size * f) for f in args.fractions)]:
                build = measure(limit, size, args.work, plain, args.navigation)
                row = Row(limit, size, build, plain, args.navigation)
                rows.append(row)
                print(f"{row.label} {size}: {build.wall:.1f} s wall, {build.cpu:.1f} s CPU, "
                      f"{build.rss_mb:.0f} MB, {build.warnings} warnings, "
                      f"exit {build.returncode}", flush=True)  # fmt: skip
    command = "python -m benchmarks.limits " + " ".join(argv if argv is not None else sys.argv[1:])
    block = render(rows, command.strip(), kept_rows(args.results, {row.label for row in rows}))
    print(block)
    if not args.no_results:
        record(args.results, block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
