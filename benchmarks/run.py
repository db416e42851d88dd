"""Every benchmark figure of OrgDesigner in one table: deterministic organisations of about 1,000, 10,000
and 50,000 positions (benchmarks/synthetic.py with its head office: a size S is S // 100 agencies of
100 positions, plus 8 head-office posts), one column per size, each cell the median of the runs with
its spread, "median (min–max)", beside the product's targets where it has some ("yes" / "NO").

    python benchmarks/run.py [--sizes 1000,10000,50000] [--runs 3] [--json OUT.json]
                             [--slow-runs N] [--skip pdf] [--dot-timeout 600]

Figures (the JSON's names; seconds `_s`, megabytes of 2^20 bytes `_mb`):

  layout_s            layout.chart_layout.layout_chart on the scenario's chart
  dot_layout_s        Graphviz `dot -Tplain` on the same line tree (cards 2.5 × 0.89 in, rank TB), only
                      when `dot` is on PATH; null, with `dot_timeout_s`, past --dot-timeout
  dot_ratio           dot_layout_s / layout_s, its spread dot's over our median (null when dot timed
                      out: the table says "> N"); dot's time includes starting it, some 20 ms
  validate_s          rules.engine.validate on the scenario
  save_s, open_s      storage.save_project of the project; app.document.Document.open of its file
  first_frame_s       from the file to the window's first painted frame (benchmarks/ui.py open_window)
  repaint_1to1_s, repaint_fitted_s, edit_to_findings_s   as benchmarks/ui.py measures them
  pdf_export_s        the annotated PDF as `orgdesigner export --pdf` writes it by default (A4
                      landscape, fit, which tiles a large chart; benchmarks/pdf.py export_once)
  csv_import_s        reading and importing an HR CSV extract of as many rows as positions
                      (benchmarks/hr_import.py: Windows-1252, semicolons, decimal commas)
  peak_memory_mb      the peak resident memory of the process, once it has opened the window, painted,
                      repainted and edited (ru_maxrss): nothing else has run in it by then

Each size is measured in its own process (this script with a hidden flag), so that its peak memory is its
own; the project file it opens is written beforehand by another. The slow figures, dot and the
PDF, run --slow-runs times: by default --runs under 10,000 positions and once from 10,000 (at 50,000
positions the PDF takes about a minute a run, dot may take far longer); `--skip pdf` (or dot, csv)
leaves a figure out: the table says "skipped", the JSON lists it under `skipped`. `--json OUT.json`
writes the same figures, rounded to 4 decimals, keys sorted: {"machine": {...}, "sizes": [{...}]},
each size with `positions`, `agencies`, `runs`, `spread` (min and max of each figure), `targets`
and `met`. Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise. Not run by CI.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_time

if TYPE_CHECKING:
    from orgdesigner.app.document import Document
    from orgdesigner.model.chart import Chart

Spread = tuple[float, float, float]  # median, min, max

# The table's rows, in order: the stable names of the JSON.
FIGURES: Final = ("layout_s", "dot_layout_s", "dot_ratio", "validate_s", "save_s", "open_s", "first_frame_s",
                  "repaint_1to1_s", "repaint_fitted_s", "edit_to_findings_s", "pdf_export_s", "csv_import_s",
                  "peak_memory_mb")
DOT_FIGURES: Final = ("dot_layout_s", "dot_ratio")
# What --skip leaves out.
SKIPPABLE: Final = {"dot": DOT_FIGURES, "pdf": ("pdf_export_s",), "csv": ("csv_import_s",)}
# benchmarks/ui.py's row names → ours.
_WINDOW_TASKS: Final = {"repaint 1:1": "repaint_1to1_s", "repaint fitted": "repaint_fitted_s",
                        "edit → findings": "edit_to_findings_s"}
# The product's targets by size: (comparison, limit), met by the median.
TARGETS: Final[Mapping[int, Mapping[str, tuple[str, float]]]] = {
    10_000: {"layout_s": ("<", 0.2), "dot_ratio": (">=", 100.0), "first_frame_s": ("<", 3.0),
             "repaint_fitted_s": ("<", 0.3), "repaint_1to1_s": ("<", 0.03), "edit_to_findings_s": ("<", 0.1),
             "peak_memory_mb": ("<", 600.0)},
    50_000: {"layout_s": ("<", 1.0), "first_frame_s": ("<", 10.0), "repaint_fitted_s": ("<", 1.0),
             "repaint_1to1_s": ("<", 0.03), "edit_to_findings_s": ("<", 0.2), "peak_memory_mb": ("<", 1500.0)},
}
SLOW_FROM: Final = 10_000  # positions from which dot and the PDF run once by default
CARD_INCHES: Final = (2.5, 0.89)  # layout_chart's 180 × 64 px cards at 72 px an inch
GAPS_INCHES: Final = (24 / 72, 48 / 72)  # its gap between cards and between levels: nodesep, ranksep
PDF_DATE: Final = datetime.date(2026, 3, 14)


# The parent: arguments, a child process per size, the table and the JSON ----------------------------------


def _sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        try:
            size = int(part.strip().replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part.strip()!r} is not a whole number of positions "
                                             "(expected e.g. 1000,10000,50000)") from None
        if size < 100:
            raise argparse.ArgumentTypeError(f"{size} is too small: a size is at least 100 positions (one agency)")
        sizes.append(size)
    return sizes


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0 or not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=_sizes, default=[1_000, 10_000, 50_000], metavar="N,N,...",
                        help="organisation sizes in positions, comma-separated (default: 1000,10000,50000)")
    parser.add_argument("--runs", type=_positive, default=3, help="runs per figure (default: 3)")
    parser.add_argument("--slow-runs", type=_positive, default=None, metavar="N",
                        help=f"runs of dot and the PDF (default: --runs under {SLOW_FROM:,} positions, else 1)")
    parser.add_argument("--skip", action="append", choices=sorted(SKIPPABLE), default=[],
                        help="leave a slow figure out (repeat for several)")
    parser.add_argument("--dot-timeout", type=_seconds, default=600.0, metavar="SECONDS",
                        help="give up on one dot run after this long (default: 600)")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="also write the figures as JSON")
    # The processes of one size, in a folder for its files: one writes the project file, the other
    # measures. Not for users.
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.prepare is not None:
        write_project(args.prepare // 100, args.folder / "bench.orgd")
        return
    if args.child is not None:
        print(json.dumps(measure_size(args.child, args.folder, args.runs, args.slow_runs or args.runs,
                                      set(args.skip), args.dot_timeout)), flush=True)
        return
    started = datetime.datetime.now()
    results = []
    for size in args.sizes:
        print(f"measuring {size:,} positions…", file=sys.stderr, flush=True)
        results.append(_measure_in_child(size, args))
    machine = _machine(results, started)
    for result in results:  # the machine's, said once
        del result["qt_platform"], result["qt_version"]
    table = render_table(machine, results)
    print(table)
    if args.json is not None:
        document = {"machine": machine, "sizes": [_rounded(result) for result in results]}
        args.json.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                             encoding="utf-8")


def _measure_in_child(size: int, args: argparse.Namespace) -> dict[str, Any]:
    """One size: its project file written by one process, its figures measured by another. This
    process stays small (it imports neither Qt nor the application), which matters: on Linux a child's
    ru_maxrss starts at its parent's peak at the fork, kept across exec."""
    start = time.perf_counter()
    slow_runs = args.slow_runs or (args.runs if 100 * (size // 100) < SLOW_FROM else 1)
    script = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory(prefix="orgd-bench-") as folder:
        _child([sys.executable, script, "--prepare", str(size), "--folder", folder], size, "writing")
        command = [sys.executable, script, "--child", str(size), "--folder", folder, "--runs", str(args.runs),
                   "--slow-runs", str(slow_runs), "--dot-timeout", str(args.dot_timeout)]
        for skipped in args.skip:
            command += ["--skip", skipped]
        output = _child(command, size, "measuring")
    lines = [line for line in output.splitlines() if line.strip()]
    result: dict[str, Any] = json.loads(lines[-1])
    result["elapsed_s"] = time.perf_counter() - start
    return result


def _child(command: list[str], size: int, doing: str) -> str:
    """The child's standard output; its standard error goes to ours."""
    child = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if child.returncode != 0:
        raise SystemExit(f"run.py: {doing} {size:,} positions failed (exit {child.returncode}); its error is above")
    return child.stdout


def write_project(agencies: int, path: Path) -> None:
    """The project file the child opens: laid out once (Document does it), as a saved project is."""
    from synthetic import synthetic_project

    from orgdesigner.app.document import Document

    Document(synthetic_project(agencies, head_office=True)).save(path)


def _machine(results: Sequence[Mapping[str, Any]], started: datetime.datetime) -> dict[str, Any]:
    dot = shutil.which("dot")
    return {
        "date": started.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "qt_platform": results[0]["qt_platform"] if results else os.environ.get("QT_QPA_PLATFORM"),
        "qt_version": results[0]["qt_version"] if results else None,
        "dot": _dot_version(dot) if dot else None,
    }


def _dot_version(dot: str) -> str | None:
    try:
        found = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (found.stderr or found.stdout).strip() or None


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value


# The table ---------------------------------------------------------------------------------------------


def _number(name: str, value: float) -> str:
    if name.endswith("_mb"):
        return f"{value:.0f}"
    if name == "dot_ratio":
        return f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return f"{value:.3f}" if value >= 0.01 else f"{value:.4f}"


def _goal(target: tuple[str, float]) -> str:
    comparison, limit = target
    return f"{comparison} {limit:g}"


def _cell(name: str, result: Mapping[str, Any]) -> str:
    if name in result.get("skipped", ()):
        return "skipped"
    if name not in result:
        return "-"
    value = result[name]
    if value is None:  # dot ran out of time
        timeout = result["dot_timeout_s"]
        text = f"> {_number(name, timeout / result['layout_s'])}" if name == "dot_ratio" else f"> {timeout:g}"
    else:
        low, high = result["spread"][name]["min"], result["spread"][name]["max"]
        text = _number(name, value)
        if low != high:
            text += f" ({_number(name, low)}–{_number(name, high)})"
    target = result["targets"].get(name)
    if target is not None:
        text += f"  {_goal((target['comparison'], target['limit']))} {'yes' if result['met'][name] else 'NO'}"
    return text


def render_table(machine: Mapping[str, Any], results: Sequence[Mapping[str, Any]]) -> str:
    runs = "/".join(str(n) for n in sorted({result["runs"] for result in results}))
    slow = [f"{r['slow_runs']} run{'s' if r['slow_runs'] > 1 else ''} at {r['positions']:,} positions"
            for r in results if r["slow_runs"] != r["runs"]]
    header = (f"OrgDesigner benchmarks, {machine['date'].replace('T', ' ')}; {machine['platform']}, "
              f"{machine['cpu_count']} CPUs, Python {machine['python']}, Qt {machine['qt_version']} "
              f"{machine['qt_platform']}; median (min–max) of {runs} runs"
              + (f" (dot and PDF: {', '.join(slow)})" if slow else ""))
    names = [name for name in FIGURES if any(name in r or name in r.get("skipped", ()) for r in results)]
    columns = [f"{r['positions']:,} positions ({r['agencies']} agenc{'y' if r['agencies'] == 1 else 'ies'})"
               for r in results]
    cells = [[_cell(name, result) for result in results] for name in names]
    name_width = max(len("figure"), *(len(name) for name in names))
    widths = [max(len(column), *(len(row[i]) for row in cells)) for i, column in enumerate(columns)]
    lines = [header, "  ".join([f"{'figure':<{name_width}}", *(f"{c:<{w}}" for c, w in zip(columns, widths,
                                                                                              strict=True))])]
    for name, row in zip(names, cells, strict=True):
        lines.append("  ".join([f"{name:<{name_width}}", *(f"{c:<{w}}" for c, w in zip(row, widths, strict=True))])
                     .rstrip())
    if machine["dot"] is None:
        lines.append("dot (Graphviz) is not on PATH: dot_layout_s and dot_ratio left out")
    lines.append("seconds (_s), megabytes (_mb, peak resident memory of the window's process); target: "
                 "yes / NO met by the median")
    return "\n".join(lines)


# The child: every figure of one size ---------------------------------------------------------------------


def measure_size(size: int, folder: Path, runs: int, slow_runs: int, skip: set[str],
                 dot_timeout: float) -> dict[str, Any]:
    """The figures of one size, on the project file `folder`/bench.orgd. The window first, so that the
    peak memory is the window's: opening, painting, repainting and editing; then the rest."""
    path = folder / "bench.orgd"
    spreads, qt = _window_figures(path, runs)
    peak = _peak_memory_mb()
    gc.collect()
    from orgdesigner.app.document import Document
    from orgdesigner.layout.chart_layout import layout_chart
    from orgdesigner.rules.engine import validate
    from orgdesigner.storage import load_project, save_project

    document = Document.open(path)
    chart = document.chart
    project = load_project(path)
    scenario = project.scenarios[0]
    spreads["layout_s"] = median_time(lambda: layout_chart(chart), runs)
    spreads["validate_s"] = median_time(lambda: validate(scenario), runs)
    spreads["save_s"] = median_time(lambda: save_project(folder / "saved.orgd", project), runs)
    spreads["open_s"] = median_time(lambda: Document.open(path), runs)
    positions = sum(1 for _ in chart.positions())
    skipped = [name for kind in sorted(skip) for name in SKIPPABLE[kind]]
    if "pdf" not in skip:
        spreads["pdf_export_s"] = _pdf_spread(document, folder / "bench.pdf", slow_runs)
    if "csv" not in skip:
        spreads["csv_import_s"] = _csv_spread(positions, runs)
    result: dict[str, Any] = {}
    if "dot" not in skip and shutil.which("dot"):
        dot_spread, nodes = _dot_spread(chart, folder / "bench.dot", slow_runs, dot_timeout)
        result["dot_nodes"] = nodes
        if dot_spread is None:
            result |= {"dot_layout_s": None, "dot_ratio": None, "dot_timeout_s": dot_timeout}
        else:
            spreads["dot_layout_s"] = dot_spread
            layout = spreads["layout_s"][0]
            spreads["dot_ratio"] = (dot_spread[0] / layout, dot_spread[1] / layout, dot_spread[2] / layout)
    spreads["peak_memory_mb"] = (peak, peak, peak)

    measured = set(spreads) | {name for name in DOT_FIGURES if name in result}
    targets = {name: target for name, target in TARGETS.get(size, {}).items() if name in measured}
    result |= {
        "size": size,
        "positions": positions,
        "agencies": len(chart.agencies()),
        "findings": len(document.validate().findings),
        "runs": runs,
        "slow_runs": slow_runs,
        "skipped": skipped,
        "spread": {name: {"min": low, "max": high} for name, (_, low, high) in spreads.items()},
        "targets": {name: {"comparison": comparison, "limit": limit} for name, (comparison, limit) in targets.items()},
        "qt_platform": qt[0],
        "qt_version": qt[1],
    }
    result |= {name: median for name, (median, _, _) in spreads.items()}
    result["met"] = {name: _met(targets[name], result, name) for name in result["targets"]}
    return result


def _met(target: tuple[str, float], result: Mapping[str, Any], name: str) -> bool:
    comparison, limit = target
    value = result[name]
    if value is None:  # dot timed out: its ratio is at least the time limit over our layout
        value = result["dot_timeout_s"] / result["layout_s"] if name == "dot_ratio" else math.inf
    return bool(value < limit) if comparison == "<" else bool(value >= limit)


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, kB on Linux


def _window_figures(path: Path, runs: int) -> tuple[dict[str, Spread], tuple[str, str]]:
    """benchmarks/ui.py's measures on `path`: opening to the first frame `runs` times (each window
    closed), then one window repainted at 1:1 and fitted and edited."""
    import PySide6
    from PySide6.QtWidgets import QApplication

    import ui

    app = QApplication.instance() or QApplication(sys.argv[:1])
    opening = ui.opening_times(path, runs)
    window, _ = ui.open_window(path)
    try:
        rows = ui.window_rows(window, runs)
    finally:
        ui.close_window(window)
    spreads: dict[str, Spread] = {"first_frame_s": _spread(opening)}
    spreads |= {_WINDOW_TASKS[row.task]: row.spread for row in rows}
    assert isinstance(app, QApplication)
    return spreads, (app.platformName(), PySide6.__version__)


def _spread(values: Iterable[float]) -> Spread:
    values = list(values)
    return statistics.median(values), min(values), max(values)


def _pdf_spread(document: Document, path: Path, runs: int) -> Spread:
    from pdf import export_once

    return median_time(lambda: export_once(document, path, "fit"), runs)


def _csv_spread(positions: int, runs: int) -> Spread:
    from hr_import import csv_extract, staff

    from orgdesigner.hr.importer import import_source

    data = csv_extract(staff(positions))
    imported = import_source(data, "Import RH")
    if imported.scenario is None or len(imported.scenario.positions) != positions:
        raise RuntimeError(f"the HR extract did not import as {positions} positions: {imported.problems[:3]}")
    return median_time(lambda: import_source(data, "Import RH"), runs)


def line_tree_dot(chart: Chart) -> tuple[str, int]:
    """The chart's line links as a DOT graph with cards of our size, and how many nodes it has."""
    lines = [link for link in chart.links() if link.type == "line"]
    nodes = list(dict.fromkeys(end for link in lines for end in (link.source, link.target)))
    width, height = CARD_INCHES
    nodesep, ranksep = GAPS_INCHES
    text = [f'digraph org {{\n  graph [rankdir=TB, nodesep={nodesep:.3f}, ranksep={ranksep:.3f}];\n'
            f'  node [shape=box, fixedsize=true, width={width}, height={height}, label=""];\n']
    text += [f"  {json.dumps(node)};\n" for node in nodes]
    text += [f"  {json.dumps(link.source)} -> {json.dumps(link.target)};\n" for link in lines]
    text.append("}\n")
    return "".join(text), len(nodes)


def _dot_spread(chart: Chart, path: Path, runs: int, timeout: float) -> tuple[Spread | None, int]:
    """`dot -Tplain` on the line tree, `runs` times (None when a run outlasts `timeout`), and the
    number of nodes, checked against the positions of the chart that have a line link and against
    the nodes dot placed."""
    text, nodes = line_tree_dot(chart)
    in_tree = sum(1 for position in chart.positions()
                  if any(link.type == "line" for link in chart.links_of(position.id)))
    if nodes != in_tree:
        raise RuntimeError(f"the DOT file has {nodes} nodes, the chart {in_tree} positions with a line link")
    path.write_text(text, encoding="utf-8")
    dot = shutil.which("dot")
    assert dot is not None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            laid_out = subprocess.run([dot, "-Tplain", str(path)], capture_output=True, text=True, check=True,
                                      timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, nodes
        times.append(time.perf_counter() - start)
        placed = sum(1 for line in laid_out.stdout.splitlines() if line.startswith("node "))
        if placed != nodes:
            raise RuntimeError(f"dot placed {placed} nodes of {nodes}")
    return _spread(times), nodes


if __name__ == "__main__":
    main()
