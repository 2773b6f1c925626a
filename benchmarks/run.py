"""Build the benchmark corpus in each flavor and report what each build costs.

    python -m benchmarks.run [--sizes 200 1000] [--large] [--runs R] [--profile N]

For every size N and flavor (``plain``, ``careerblog``, ``ablog``; see
``benchmarks.corpus``), each run starts from freshly written sources and measures, each
in its own ``sphinx-build`` subprocess:

1. ``clean``: a clean serial build;
2. ``clean -j 2``: a clean parallel build of the same sources into another output
   directory (its HTML is compared with the serial build's);
3. ``body edit``: one word changed in one post's last section, incremental rebuild;
4. ``category change``: the same post's first category replaced, incremental rebuild;
5. ``no change``: a rebuild with nothing changed.

For each build: wall time, CPU time (user + system of sphinx-build and the workers it
forked, from ``os.wait4``), peak RSS (the largest of those processes), documents
re-read (Sphinx's "updating environment: A added, C changed" line), output files
rewritten (modification times before and after), output size, and warnings. The
median over the runs is reported. Results are printed as tables with ratios against
the plain floor and against ABlog, saved as JSON under the work directory, and written
to ``benchmarks/RESULTS.md`` (a hand-written "Analysis" section there is kept).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from .corpus import (
    FLAVORS,
    Corpus,
    Flavor,
    body_edit,
    category_change,
    make_corpus,
    new_essay,
    pages,
    rewrite_essay,
    write_corpus,
)

HERE = Path(__file__).resolve().parent
DEFAULT_WORK = HERE / "_work"
DEFAULT_RESULTS = HERE / "RESULTS.md"
#: with the theme's and the blog's sidebars configured (``html_sidebars``)
SIDEBAR_SCENARIOS = ("category change, sidebars", "new post, sidebars")
SCENARIOS = ("clean", "clean -j 2", "body edit", "category change", "no change",
             *SIDEBAR_SCENARIOS)  # fmt: skip
ANALYSIS_START = "<!-- analysis:start -->"
ANALYSIS_END = "<!-- analysis:end -->"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_UPDATING = re.compile(
    r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed"
)
_ESSAY_LINK = re.compile(r'href="[^"#]*?(essays/\d{4}/[^"#/]+)\.html')


# -- one build ----------------------------------------------------------------------


@dataclass
class Build:
    """What one ``sphinx-build`` run cost and did."""

    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    read: int  # documents re-read (added + changed)
    written_docs: int  # HTML pages of source documents rewritten
    written_other: int  # other output files rewritten (generated pages, feeds, indexes)
    written_names: list[str]  # source documents rewritten, when few
    output_mb: float
    warnings: int
    warning_lines: list[str] = field(default_factory=list)
    load: float = 0.0  # 1-minute load average when the build started


def _snapshot(outdir: Path) -> dict[str, int]:
    if not outdir.exists():
        return {}
    snap = {}
    for root, _dirs, files in os.walk(outdir):
        for name in files:
            path = Path(root, name)
            snap[path.relative_to(outdir).as_posix()] = path.stat().st_mtime_ns
    return snap


def _size_mb(directory: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(directory):
        total += sum(Path(root, name).stat().st_size for name in files)
    return total / 1e6


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    doctreedir: Path,
    docnames: set[str],
    jobs: int = 1,
    log: Path | None = None,
) -> Build:
    """Run ``sphinx-build -b html`` in a subprocess and measure it."""
    before = _snapshot(outdir)
    load = os.getloadavg()[0]
    log = log or outdir.parent / f"{outdir.name}.log"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-j",
        str(jobs),
        "-d",
        str(doctreedir),
        str(srcdir),
        str(outdir),
    ]
    # NO_COLOR: Sphinx colours its output when CI is set, which would hide the counts
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
    with log.open("w") as out, log.with_suffix(".err").open("w") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=outdir.parent)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    stdout = _ANSI.sub("", log.read_text(errors="replace"))
    stderr = _ANSI.sub("", log.with_suffix(".err").read_text(errors="replace"))
    match = _UPDATING.search(stdout)
    read = int(match.group(1)) + int(match.group(2)) if match else 0
    after = _snapshot(outdir)
    changed = [name for name, mtime in after.items() if before.get(name) != mtime]
    doc_pages = sorted(n[:-5] for n in changed if n.endswith(".html") and n[:-5] in docnames)
    warning_lines = [line for line in stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss / 1024,
        returncode=process.returncode,
        read=read,
        written_docs=len(doc_pages),
        written_other=len(changed) - len(doc_pages),
        written_names=doc_pages if len(doc_pages) <= 12 else [],
        output_mb=_size_mb(outdir),
        warnings=len(warning_lines),
        warning_lines=_unique(warning_lines)[:6],
        load=load,
    )


def _unique(lines: list[str]) -> list[str]:
    """Warning lines with paths shortened, duplicates (up to the path) dropped."""
    seen: dict[str, str] = {}
    for line in lines:
        key = re.sub(r"^\S+?:\d+: ", "", line)
        seen.setdefault(key, line)
    return list(seen.values())


def listing_check(outdir: Path, expected: dict[str, set[str]]) -> dict[str, Any]:
    """Do the category listing pages list exactly the posts of their category?"""
    wrong: list[str] = []
    entries = 0
    for slug, docnames in sorted(expected.items()):
        page = outdir / "categories" / f"{slug}.html"
        text = page.read_text(encoding="utf-8", errors="replace") if page.exists() else ""
        listed = {link for link in _ESSAY_LINK.findall(text) if not link.endswith("/index")}
        entries += len(listed)
        if listed != docnames:
            wrong.append(f"{slug} ({len(listed)} listed, {len(docnames)} expected)")
    return {
        "pages": len(expected),
        "wrong": wrong,
        "entries": entries,
        "expected": sum(len(d) for d in expected.values()),
    }


def compare_outputs(serial: Path, parallel: Path) -> dict[str, Any]:
    """HTML, XML and JSON files that differ between two builds of the same sources."""
    differ: list[str] = []
    missing: list[str] = []
    compared = 0
    for path in sorted(serial.rglob("*")):
        if path.suffix not in (".html", ".xml", ".json") or not path.is_file():
            continue
        rel = path.relative_to(serial).as_posix()
        other = parallel / rel
        compared += 1
        if not other.exists():
            missing.append(rel)
        elif other.read_bytes() != path.read_bytes():
            differ.append(rel)
    return {
        "compared": compared,
        "differ": len(differ),
        "missing": len(missing),
        "examples": (missing + differ)[:5],
    }


# -- one flavor at one size ---------------------------------------------------------


def bench_flavor(
    corpus: Corpus,
    flavor: Flavor,
    work: Path,
    runs: int,
    jobs: int = 2,
    scenarios: tuple[str, ...] = SCENARIOS,
) -> dict[str, Any]:
    """Build one flavor of ``corpus`` ``runs`` times through the chosen scenarios."""
    n = len(corpus.essays)
    base = work / f"n{n}" / flavor
    docnames = {name[:-3] for name in pages(corpus, flavor) if name.endswith(".md")}
    target = corpus.edit_target()
    samples: dict[str, list[Build]] = {s: [] for s in SCENARIOS if s in scenarios}
    checks: dict[str, Any] = {"edited_post": target.docname}
    for run in range(runs):
        shutil.rmtree(base, ignore_errors=True)
        src = base / "src"
        write_corpus(src, corpus, flavor)
        serial_out, parallel_out = base / "html", base / "html-j"
        step = f"N={n} {flavor} run {run + 1}/{runs}"

        def build(scenario: str, outdir: Path = serial_out, workers: int = 1) -> None:
            _progress(f"{step}: {scenario}")  # noqa: B023 (used at once)
            doctrees = outdir.with_name(outdir.name + "-doctrees")
            samples[scenario].append(sphinx_build(src, outdir, doctrees, docnames, workers))  # noqa: B023

        build("clean")
        if run == 0:
            checks["listing_serial"] = listing_check(serial_out, corpus.by_category())
        if "clean -j 2" in samples:
            build("clean -j 2", parallel_out, jobs)
            if run == 0:
                checks["parallel_vs_serial"] = compare_outputs(serial_out, parallel_out)
                checks["listing_parallel"] = listing_check(parallel_out, corpus.by_category())
            shutil.rmtree(parallel_out, ignore_errors=True)
        edited = target
        if "body edit" in samples:
            edited = body_edit(target)
            rewrite_essay(src, edited, flavor)
            build("body edit")
        if "category change" in samples:
            moved = category_change(edited)
            rewrite_essay(src, moved, flavor)
            build("category change")
            if run == 0:
                checks["listing_after_change"] = listing_check(
                    serial_out, corpus.replaced(moved).by_category()
                )
                checks["category_change"] = f"{target.categories[0]} -> {moved.categories[0]}"
        if "no change" in samples:
            build("no change")
        if any(scenario in samples for scenario in SIDEBAR_SCENARIOS):
            _progress(f"{step}: clean, sidebars (not measured)")
            bench_sidebars(corpus, flavor, base, docnames, samples)
    return {
        "flavor": flavor,
        "n": n,
        "runs": runs,
        "docs": len(docnames),
        "scenarios": {name: summarise(builds) for name, builds in samples.items()},
        "checks": checks,
    }


def bench_sidebars(
    corpus: Corpus, flavor: Flavor, base: Path, docnames: set[str],
    samples: dict[str, list[Build]],
) -> None:  # fmt: skip
    """The sidebar scenarios, on a copy of the project with the blog's boxes in
    ``html_sidebars`` (the theme's own for plain Sphinx): a category change, then a
    new post, each an incremental build after a clean one."""
    src, outdir = base / "src-sidebars", base / "html-sidebars"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(outdir, ignore_errors=True)
    write_corpus(src, corpus, flavor, sidebars=True)
    added = new_essay(corpus)
    names = docnames | {added.docname}
    doctrees = outdir.with_name(outdir.name + "-doctrees")
    shutil.rmtree(doctrees, ignore_errors=True)
    sphinx_build(src, outdir, doctrees, names)
    if "category change, sidebars" in samples:
        rewrite_essay(src, category_change(corpus.edit_target()), flavor)
        samples["category change, sidebars"].append(sphinx_build(src, outdir, doctrees, names))
    if "new post, sidebars" in samples:
        rewrite_essay(src, added, flavor)
        samples["new post, sidebars"].append(sphinx_build(src, outdir, doctrees, names))
    shutil.rmtree(outdir, ignore_errors=True)


def summarise(builds: list[Build]) -> dict[str, Any]:
    """Medians of the measured values; counts and warnings from the first run."""
    first = builds[0]
    return {
        "wall": statistics.median(b.wall for b in builds),
        "cpu": statistics.median(b.cpu for b in builds),
        "rss_mb": statistics.median(b.rss_mb for b in builds),
        "walls": [round(b.wall, 2) for b in builds],
        "cpus": [round(b.cpu, 2) for b in builds],
        "loads": [round(b.load, 1) for b in builds],
        "read": first.read,
        "written_docs": first.written_docs,
        "written_other": first.written_other,
        "written_names": first.written_names,
        "output_mb": first.output_mb,
        "returncode": max(b.returncode for b in builds),
        "warnings": first.warnings,
        "warning_lines": first.warning_lines,
    }


def _progress(message: str) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


# -- profile ------------------------------------------------------------------------


_PROFILE_RUNNER = """\
import cProfile, sys
from sphinx.cmd.build import main
profiler = cProfile.Profile()
code = profiler.runcall(main, sys.argv[2:])
profiler.dump_stats(sys.argv[1])
sys.exit(code)
"""


def profile_build(n: int, seed: int, work: Path, top: int = 25) -> dict[str, Any]:
    """cProfile one clean serial careerblog build of N essays; the top entries."""
    corpus = make_corpus(n, seed)
    base = work / f"profile-n{n}"
    shutil.rmtree(base, ignore_errors=True)
    write_corpus(base / "src", corpus, "careerblog")
    stats_file = base / "build.prof"
    # cProfile's default wall clock: a CPU-time timer costs far more per call and so
    # inflates small, frequent functions; run the profile when the machine is quiet
    command = [
        sys.executable,
        "-c",
        _PROFILE_RUNNER,
        str(stats_file),
        "-b",
        "html",
        "-d",
        str(base / "doctrees"),
        str(base / "src"),
        str(base / "html"),
    ]
    _progress(f"profile: careerblog N={n}")
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=base
    )
    wall = time.perf_counter() - start
    stats = pstats.Stats(str(stats_file))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in raw.values())

    def rows(key: int, keep: Any, limit: int) -> list[dict[str, Any]]:
        entries = [(func, entry) for func, entry in raw.items() if keep(func)]
        entries.sort(key=lambda item: item[1][key], reverse=True)
        return [
            {
                "function": _func_name(func),
                "calls": entry[1],
                "tottime": entry[2],
                "cumtime": entry[3],
            }
            for func, entry in entries[:limit]
        ]

    return {
        "n": n,
        "load": f"{load_before:.1f}–{os.getloadavg()[0]:.1f}",
        "wall": wall,
        "total": total,
        "cumulative": rows(3, lambda func: True, top),
        "tottime": rows(2, lambda func: True, top),
        "careerblog": rows(3, lambda func: "sphinx_careerblog" in func[0], top),
    }


def _func_name(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    path = filename.replace("\\", "/")
    if "/sphinx_careerblog/" in path:  # the checkout, or the --head export
        path = "sphinx_careerblog/" + path.split("/sphinx_careerblog/", 1)[1]
    if "site-packages/" in path:
        path = path.split("site-packages/", 1)[1]
    path = re.sub(r"^.*/lib/python3\.\d+/", "", path)
    return f"{path}:{line}({name})"


# -- reporting ----------------------------------------------------------------------


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in (
        "sphinx",
        "myst-parser",
        "docutils",
        "sphinx-design",
        "ablog",
        "sphinx-careerblog",
    ):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(ram_gb, 1),
        "system": f"{platform.system()} {platform.release()}",
    }


def git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE,
            check=True,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()


def snapshot_code(work: Path) -> str:
    """Export ``sphinx_careerblog`` at ``HEAD`` and make the builds import that copy.

    The working tree may hold other people's half-finished edits; measuring the
    committed code keeps a run coherent. Returns the commit measured.
    """
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, check=True,
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    dest = work / "code"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD", "sphinx_careerblog"],
        cwd=HERE.parent,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    # byte-compiled as pip installs it: the builds (PYTHONDONTWRITEBYTECODE) write nothing
    compileall.compile_dir(dest, quiet=1)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(dest), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return commit


def _ratio(value: float, base: float | None) -> str:
    if not base:
        return "–"
    return f"{value / base:.2f}×"


def _get(results: dict[str, Any], flavor: str, scenario: str) -> dict[str, Any] | None:
    entry = results.get(flavor)
    return entry["scenarios"].get(scenario) if entry else None


def _cell(cell: dict[str, Any] | None, key: str, pattern: str) -> str:
    return pattern.format(cell[key]) if cell else "–"


def size_tables(n: int, results: dict[str, Any]) -> str:
    """Markdown tables for one size; ``results`` maps flavor -> bench_flavor() output."""
    flavors = [flavor for flavor in FLAVORS if flavor in results]
    runs = {results[f]["runs"] for f in flavors}
    lines = [
        (
            f"### N = {n} essays ({results[flavors[0]]['docs']} documents; median of "
            f"{'/'.join(str(r) for r in sorted(runs))} run(s))"
        ),
        "",
    ]
    head = ["scenario"] + [f"{f} wall s" for f in flavors]
    if "careerblog" in flavors:
        head += ["cb ÷ plain", "cb ÷ ablog"]
    head += [f"{f} CPU s" for f in flavors]
    if "careerblog" in flavors:
        head += ["cb CPU ÷ plain"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for scenario in SCENARIOS:
        row = [scenario]
        cells = {f: _get(results, f, scenario) for f in flavors}
        row += [_cell(cells[f], "wall", "{:.2f}") for f in flavors]
        cb = cells.get("careerblog")
        plain, ablog = cells.get("plain"), cells.get("ablog")
        if cb:
            row.append(_ratio(cb["wall"], plain["wall"] if plain else None))
            row.append(_ratio(cb["wall"], ablog["wall"] if ablog else None))
        row += [_cell(cells[f], "cpu", "{:.2f}") for f in flavors]
        if cb:
            row.append(_ratio(cb["cpu"], plain["cpu"] if plain else None))
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    head = (
        ["scenario"]
        + [f"{f} re-read / rewritten" for f in flavors]
        + [f"{f} peak RSS MB" for f in flavors]
    )
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for scenario in SCENARIOS:
        row = [scenario]
        cells = {f: _get(results, f, scenario) for f in flavors}
        for f in flavors:
            c = cells[f]
            row.append(f"{c['read']} / {c['written_docs']} + {c['written_other']}" if c else "–")
        row += [_cell(cells[f], "rss_mb", "{:.0f}") for f in flavors]
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append(
        "Re-read = documents Sphinx read again; rewritten = HTML pages of source "
        "documents + other output files (generated blog pages, feeds, search index, "
        "assets) whose modification time changed."
    )
    lines.append("")
    for f in flavors:
        entry = results[f]
        scenarios, checks = entry["scenarios"], entry["checks"]
        clean = scenarios["clean"]
        notes = [
            (
                f"clean: {1000 * clean['wall'] / n:.1f} ms wall and "
                f"{1000 * clean['cpu'] / n:.1f} ms CPU per essay, output "
                f"{clean['output_mb']:.1f} MB, {clean['warnings']} warning(s)"
            )
        ]
        loads = [x for build in scenarios.values() for x in build.get("loads", [])]
        if loads:
            notes.append(
                f"load average at the start of its builds {min(loads):.1f}–{max(loads):.1f}"
            )
        par = checks.get("parallel_vs_serial")
        if par:
            notes.append(
                f"-j 2 vs serial: {par['differ']} of {par['compared']} HTML/XML/JSON files "
                f"differ, {par['missing']} missing"
                + (f" (e.g. {', '.join(par['examples'][:3])})" if par["examples"] else "")
            )
        if f != "plain":
            for key, label in (
                ("listing_serial", "clean"),
                ("listing_parallel", "-j 2"),
                ("listing_after_change", "after the category change"),
            ):
                check = checks.get(key)
                if not check:
                    continue
                correct = check["pages"] - len(check["wrong"])
                text = f"category pages right {label}: {correct} of {check['pages']}"
                if check["wrong"]:
                    text += " (wrong: " + ", ".join(check["wrong"][:3]) + ")"
                notes.append(text)
        body = scenarios.get("body edit")
        if body and body["written_names"]:
            notes.append("body edit rewrote: " + ", ".join(body["written_names"]))
        for scenario in SCENARIOS:
            build = scenarios.get(scenario)
            if build and build["warnings"]:
                notes.append(
                    f"{scenario} warnings ({build['warnings']}): "
                    + "; ".join(f"`{_short(line)}`" for line in build["warning_lines"][:3])
                )
                if scenario == "clean":
                    break  # the incremental builds repeat them
        lines.append(f"- **{f}**: " + "; ".join(notes) + ".")
    lines.append("")
    return "\n".join(lines)


def _short(line: str, limit: int = 140) -> str:
    line = re.sub(r"/\S*/_work/n\d+/\w+/src/", "", line).replace("`", "'")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def targets(all_results: dict[int, dict[str, Any]]) -> str:
    """The speed issue's targets, evaluated on the measured numbers (CPU time against
    plain Sphinx's build of the same corpus, the floor; wall time for ``-j 2``)."""
    rows: list[tuple[str, str, str]] = []
    sizes = sorted(all_results)

    def ratio_row(n: int, scenario: str, limit: float, key: str = "cpu") -> None:
        c = _get(all_results[n], "careerblog", scenario)
        p = _get(all_results[n], "plain", scenario)
        if not c or not p or not p[key]:
            return
        ratio = c[key] / p[key]
        files = c["written_docs"] + c["written_other"]
        measured = f"{key} {c[key]:.2f} s vs {p[key]:.2f} s = {ratio:.2f}×; {files} files written"
        rows.append(
            (f"{scenario} ≤ {limit:.2f}× the floor (N={n})", measured, _yes(ratio <= limit))
        )

    for n in sizes:
        ratio_row(n, "body edit", 1.15)
        ratio_row(n, "no change", 1.15)
        ratio_row(n, "category change", 1.5)
        ratio_row(n, "clean", 1.2 if n >= 1000 else 1.35)
        ratio_row(n, "clean -j 2", 1.15, key="wall")
        for scenario in SIDEBAR_SCENARIOS:
            ratio_row(n, scenario, 2.0)
    for n in sizes:
        body, floor = (
            _get(all_results[n], "careerblog", "body edit"),
            _get(all_results[n], "plain", "body edit"),
        )
        if body:
            # no list shows the changed word: the floor's pages (the post and the toctree
            # page Sphinx rewrites with it) are all that should be rewritten
            names = ", ".join(body["written_names"]) or "(many)"
            expected = floor["written_docs"] if floor else 1
            ok = body["read"] == 1 and body["written_docs"] <= expected
            rows.append(
                (
                    f"body edit re-reads 1 document, rewrites only what the floor rewrites (N={n})",
                    (
                        f"re-read {body['read']}, rewrote {body['written_docs']} page(s) "
                        f"(floor {expected}): {names}"
                    ),
                    _yes(ok),
                )
            )
    rows += _scaling_rows(all_results)
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {ok} |" for t, m, ok in rows]
    return "\n".join(lines) + "\n"


def _scaling_rows(all_results: dict[int, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Cost per post from 1,000 to 5,000 essays, and peak memory over the sizes."""
    rows: list[tuple[str, str, str]] = []
    sizes = sorted(all_results)
    if 1000 in all_results and 5000 in all_results:
        a, b = (
            _get(all_results[1000], "careerblog", "clean"),
            _get(all_results[5000], "careerblog", "clean"),
        )
        if a and b:
            per_a, per_b = a["cpu"] / 1000, b["cpu"] / 5000
            rows.append(
                (
                    "cost per post flat 1000 → 5000",
                    f"{1000 * per_a:.1f} → {1000 * per_b:.1f} ms CPU/post",
                    _yes(per_b <= 1.25 * per_a),
                )
            )
    else:
        rows.append(("cost per post flat 1000 → 5000", "not measured (run with `--large`)", "–"))
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        a, b = (
            _get(all_results[lo], "careerblog", "clean"),
            _get(all_results[hi], "careerblog", "clean"),
        )
        if a and b:
            slope = (b["rss_mb"] - a["rss_mb"]) / (hi - lo) * 1000
            rows.append(
                (
                    f"peak memory linear (N={lo} → {hi})",
                    f"{a['rss_mb']:.0f} → {b['rss_mb']:.0f} MB ({slope:.0f} MB per 1000 essays)",
                    _yes(b["rss_mb"] <= a["rss_mb"] * hi / lo),
                )
            )
    return rows


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def profile_section(profile: dict[str, Any] | None) -> str:
    if not profile:
        return "Not run (use `--profile 1000`).\n"
    lines = [
        (
            f"cProfile of one clean serial careerblog build, N={profile['n']} "
            f"({profile['wall']:.1f} s wall under the profiler, load average "
            f"{profile.get('load', '?')}). Times are wall-clock seconds inflated by the "
            "profiler's overhead: compare them with each other, not with the tables above."
        ),
        "",
    ]
    for key, title, limit in (
        ("tottime", "Top functions by own time", 15),
        ("cumulative", "Top by cumulative time", 20),
        ("careerblog", "sphinx_careerblog functions by cumulative time", 15),
    ):
        lines += [
            f"**{title}**",
            "",
            "| function | calls | own s | cumulative s |",
            "|---|---|---|---|",
        ]
        for row in profile[key][:limit]:
            name = row["function"].replace("|", "\\|")
            lines.append(
                f"| `{name}` | {row['calls']} | {row['tottime']:.2f} | {row['cumtime']:.2f} |"
            )
        lines.append("")
    return "\n".join(lines)


def render(
    all_results: dict[int, dict[str, Any]],
    meta: dict[str, Any],
    profile: dict[str, Any] | None,
    analysis: str,
) -> str:
    mach, vers = meta["machine"], meta["versions"]
    lines = [
        "# Benchmark results",
        "",
        (
            f"Measured on {meta['date']} (UTC) at commit `{meta['commit']}` with "
            f"`python -m benchmarks.run {meta['args']}`. Regenerate with `make bench` "
            "(see `benchmarks/README.md`); these numbers describe that day's code and machine."
        ),
        "",
        "## Machine and versions",
        "",
        (
            f"- Machine: {mach['nproc']} CPUs ({mach['cpu']}), {mach['ram_gb']} GB RAM, "
            f"{mach['system']}; load average {meta.get('load', '?')} during the runs."
        ),
        "- " + ", ".join(f"{name} {version}" for name, version in vers.items()) + ".",
        "",
        "## Results",
        "",
    ]
    for n in sorted(all_results):
        lines.append(size_tables(n, all_results[n]))
        if str(n) in meta.get("measured", {}):
            lines += [f"Measured {meta['measured'][str(n)]}.", ""]
    lines += [
        "## Targets",
        "",
        targets(all_results),
        "## Profile",
        "",
        profile_section(profile),
        "## Analysis",
        "",
        ANALYSIS_START,
        analysis.strip("\n"),
        ANALYSIS_END,
        "",
    ]
    return "\n".join(lines)


def read_analysis(path: Path) -> str:
    if not path.exists():
        return "\n(Not written yet.)\n"
    text = path.read_text(encoding="utf-8")
    if ANALYSIS_START in text and ANALYSIS_END in text:
        return text.split(ANALYSIS_START, 1)[1].split(ANALYSIS_END, 1)[0]
    return "\n(Not written yet.)\n"


def print_console(all_results: dict[int, dict[str, Any]], tables: bool) -> None:
    if tables:
        for n in sorted(all_results):
            print(size_tables(n, all_results[n]))
    print(targets(all_results))


# -- command line -------------------------------------------------------------------


def default_runs(n: int) -> int:
    if n <= 300:
        return 3
    if n <= 1500:
        return 2
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[200, 1000],
        help="numbers of essays (default: 200 1000)",
    )
    parser.add_argument("--large", action="store_true", help="also N=5000")
    parser.add_argument(
        "--no-navigation",
        action="store_true",
        help="leave alabaster's navigation.html (the global toctree) out of every sidebar",
    )
    parser.add_argument("--flavors", nargs="+", choices=FLAVORS, default=list(FLAVORS))
    parser.add_argument(
        "--runs",
        type=int,
        default=0,
        help="runs per size (default: 3 up to N=300, 2 up to 1500, then 1)",
    )
    parser.add_argument(
        "--scenarios",
        nargs="+",
        choices=SCENARIOS,
        default=list(SCENARIOS),
        metavar="SCENARIO",
        help="which builds to measure (default: all): " + ", ".join(map(repr, SCENARIOS)),
    )
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel build")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--head",
        action="store_true",
        help="build with sphinx_careerblog as committed at HEAD (exported to the work "
        "directory), not the working tree",
    )
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        default=0,
        help="also cProfile one clean careerblog build of N essays",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        help="scratch directory (default: benchmarks/_work)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=DEFAULT_RESULTS,
        help="Markdown report to write (default: benchmarks/RESULTS.md)",
    )
    parser.add_argument("--no-results", action="store_true", help="do not write the report")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the saved results of other sizes (default: replace them)",
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="rewrite the report from the JSON saved by earlier runs",
    )
    args = parser.parse_args(argv)

    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    saved = work / "results.json"
    state: dict[str, Any] = json.loads(saved.read_text()) if saved.exists() else {}
    if not args.merge and not args.render_only:
        state = {"profile": state["profile"]} if "profile" in state and not args.profile else {}
    state.setdefault("sizes", {})
    state.setdefault("measured", {})

    commit = git_commit()
    if args.head and not args.render_only:
        commit = snapshot_code(work)
        _progress(f"measuring sphinx_careerblog at commit {commit} (exported to {work / 'code'})")
    if not args.render_only:
        sizes = sorted(set(args.sizes) | ({5000} if args.large else set()))
        loads = []
        for n in sizes:
            corpus = replace(make_corpus(n, args.seed), navigation=not args.no_navigation)
            runs = args.runs or default_runs(n)
            results: dict[str, Any] = {}
            for flavor in args.flavors:
                loads.append(os.getloadavg()[0])
                results[flavor] = bench_flavor(
                    corpus, flavor, work, runs, args.jobs, tuple(args.scenarios)
                )
            loads.append(os.getloadavg()[0])
            state["sizes"][str(n)] = results
            state["measured"][str(n)] = (
                f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, commit {commit}"
                f"{'' if args.head else ' (+ working tree)'}, "
                f"load {min(loads):.1f}–{max(loads):.1f}"
            )
            print(size_tables(n, results), flush=True)
        if args.profile:
            state["profile"] = profile_build(args.profile, args.seed, work)
        state["meta"] = {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
            "commit": commit if args.head else f"{commit} + working tree",
            "args": " ".join(argv if argv is not None else sys.argv[1:]) or "(defaults)",
            "machine": machine(),
            "versions": versions(),
            "load": f"{min(loads):.1f}–{max(loads):.1f}" if loads else "?",
        }
        saved.write_text(json.dumps(state, indent=1, default=str))
    if "meta" not in state:
        parser.error(f"no saved results in {saved}")

    state["meta"]["measured"] = state.get("measured", {})
    all_results = {int(n): results for n, results in state["sizes"].items()}
    print_console(all_results, tables=args.render_only)
    if not args.no_results:
        args.results.write_text(
            render(all_results, state["meta"], state.get("profile"), read_analysis(args.results)),
            encoding="utf-8",
        )
        print(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
