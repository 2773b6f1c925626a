"""Limits: does a build stay proportional to its input at the sizes the issue names?

``python -m benchmarks.limits`` builds, for each limit, the same project at a quarter,
a half and the whole of the named size (10,000 tags; a 1 MB essay; 2,000 posts in one
category; 200 checklists on one page; lists nested 100 deep in a prompt), each in its
own ``sphinx-build`` subprocess, and records wall time, CPU time and peak RSS. If the
build is linear, doubling the input roughly doubles the CPU time above the fixed cost
of starting Sphinx (measured by the same project at size 0), and memory grows by a
constant step. The figures go into a block of ``benchmarks/RESULTS.md`` inside its
hand-written analysis, which ``benchmarks.run`` keeps when it rewrites the page.

The test suite runs small versions of the same projects (``tests/test_reliability_limits.py``)
and only asserts that they build without warnings or tracebacks.
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


LIMITS = (
    Limit("tags", 10_000, "tags", many_tags),
    Limit("essay", 1_000_000, "bytes", long_essay),
    Limit("category", 2_000, "posts", one_category),
    Limit("checklists", 200, "checklists", many_checklists),
    Limit("nesting", 40, "levels", nested_prompt),
)


def write_project(root: Path, files: Files) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for name, text in {"conf.py": CONF, "index.md": INDEX, **files}.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def measure(limit: Limit, size: int, work: Path) -> Build:
    root = write_project(work / f"{limit.name}-{size}", limit.make(size) if size else {})
    src = root / "src"
    docnames = {
        p.relative_to(src).with_suffix("").as_posix()
        for p in src.rglob("*")
        if p.suffix in (".md", ".rst")
    }
    return sphinx_build(root / "src", root / "out", root / "doctrees", docnames)


def kept_rows(results: Path, measured: set[str]) -> list[str]:
    """Table rows of an earlier run for the limits this run does not measure."""
    text = results.read_text("utf-8") if results.exists() else ""
    if LIMITS_START not in text:
        return []
    block = text.split(LIMITS_START, 1)[1].split(LIMITS_END, 1)[0]
    return [
        line
        for line in block.splitlines()
        if line.startswith("| ") and line.split("|")[1].strip() in {x.name for x in LIMITS}
        and line.split("|")[1].strip() not in measured
    ]  # fmt: skip


def render(rows: list[tuple[Limit, int, Build]], command: str, earlier: list[str]) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    lines = [
        LIMITS_START,
        (
            f"**Limits** (`{command}`, {when} UTC, load average {os.getloadavg()[0]:.1f} at the "
            "end). CPU above the empty project's is what the input costs; a linear build "
            "doubles it when the input doubles."
        ),
        "",
        (
            "| limit | size | wall s | CPU s | CPU above empty s | ÷ previous size | peak RSS MB | "
            "warnings | exit |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    base: dict[str, float] = {}
    previous: dict[str, float] = {}
    for limit, size, build in rows:
        if size == 0:
            base[limit.name] = build.cpu
        above = build.cpu - base.get(limit.name, 0.0)
        ratio = f"{above / previous[limit.name]:.2f}×" if previous.get(limit.name) else ""
        if size:
            previous[limit.name] = max(above, 0.01)
        lines.append(
            f"| {limit.name} | {size:,} {limit.unit} | {build.wall:.1f} | {build.cpu:.1f} | "
            f"{above:.1f} | {ratio} | {build.rss_mb:.0f} | {build.warnings} | "
            f"{build.returncode} |"
        )
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limits", nargs="+", choices=[x.name for x in LIMITS],
                        default=[x.name for x in LIMITS])  # fmt: skip
    parser.add_argument("--fractions", nargs="+", type=float, default=[0.25, 0.5, 1.0],
                        help="sizes to build, as fractions of each named limit")  # fmt: skip
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "limits")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args(argv)
    rows: list[tuple[Limit, int, Build]] = []
    for limit in (x for x in LIMITS if x.name in args.limits):
        for size in [0, *(round(limit.size * f) for f in args.fractions)]:
            build = measure(limit, size, args.work)
            rows.append((limit, size, build))
            print(f"{limit.name} {size}: {build.wall:.1f} s wall, {build.cpu:.1f} s CPU, "
                  f"{build.rss_mb:.0f} MB, {build.warnings} warnings, exit {build.returncode}",
                  flush=True)  # fmt: skip
    command = "python -m benchmarks.limits " + " ".join(argv if argv is not None else sys.argv[1:])
    block = render(rows, command.strip(), kept_rows(args.results, set(args.limits)))
    print(block)
    if not args.no_results:
        record(args.results, block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
