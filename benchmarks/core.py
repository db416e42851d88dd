"""Times the core on a deterministic organisation: validation, saving and loading the project file,
and what `orgdesigner validate` does end to end. Prints a table (median of several runs). Not run by CI.

    python benchmarks/core.py [--agencies 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_project
from timing import median_time, print_table

from orgdesigner.app.opening import open_project
from orgdesigner.io.report_output import report_to_json
from orgdesigner.rules.engine import validate
from orgdesigner.storage import load_project, save_project


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
            ("validate", median_time(lambda: validate(scenario), args.repeat), 1.0),
            ("save project", median_time(lambda: save_project(path, project), args.repeat), 2.0),
            ("load project", median_time(lambda: load_project(path), args.repeat), 2.0),
            ("validate cmd", median_time(lambda: report_to_json(validate(open_project(path).scenarios[0]), "fr"),
                                     args.repeat), None),
        ]
        findings = len(validate(scenario).findings)
        size = path.stat().st_size / 1e6
    print(f"{len(scenario.positions)} positions, {len(scenario.links)} links, {args.agencies} agencies, "
          f"{findings} findings, project file {size:.1f} MB; median of {args.repeat} runs")
    print_table(rows)
    print("validate cmd: open and check the project file, validate, write the JSON report")


if __name__ == "__main__":
    main()
