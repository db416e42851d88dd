"""Times the core on a deterministic organisation: validation, and saving and loading the project
file. Prints a table (median of several runs). Not run by CI.

    python benchmarks/core.py [--agencies 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_project

from orgdesigner.rules.engine import validate
from orgdesigner.storage import load_project, save_project


def _median(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    project = synthetic_project(args.agencies)
    scenario = project.scenarios[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.orgd"
        rows = [
            ("validate", _median(lambda: validate(scenario), args.repeat), 1.0),
            ("save project", _median(lambda: save_project(path, project), args.repeat), 2.0),
            ("load project", _median(lambda: load_project(path), args.repeat), 2.0),
        ]
        findings = len(validate(scenario).findings)
        size = path.stat().st_size / 1e6
    print(f"{len(scenario.positions)} positions, {len(scenario.links)} links, {args.agencies} agencies, "
          f"{findings} findings, project file {size:.1f} MB; median of {args.repeat} runs")
    print(f"{'task':<14} {'median s':>9} {'min s':>7} {'max s':>7} {'target s':>9}")
    for name, (median, low, high), target in rows:
        print(f"{name:<14} {median:>9.3f} {low:>7.3f} {high:>7.3f} {target:>9.1f}")


if __name__ == "__main__":
    main()
