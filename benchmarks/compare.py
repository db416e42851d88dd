"""Times the comparison of two large scenarios that differ in 5 % of their positions (issue 5:
under 2 s for 10,000 positions): the diff with both validations, its JSON, and the laid-out overlay
the window and the PDF draw. Prints a table (median of several runs). Not run by CI.

    python benchmarks/compare.py [--agencies 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_project
from timing import median_time, print_table

from orgdesigner.cli import main as cli_main
from orgdesigner.compare.overlay import overlay
from orgdesigner.compare.positions import line_managers
from orgdesigner.compare.scenario_diff import compare_scenarios
from orgdesigner.io.diff_output import diff_to_json
from orgdesigner.model.entities import Link, Organisation, Position, Project, Scenario
from orgdesigner.storage import save_project

CHANGED_SHARE = 20  # one position in 20: 5 %


def edited_copy(scenario: Scenario) -> Scenario:
    """Every 20th position, in turn: removed, given another FTE and holder, moved under its manager's
    manager, or given a new colleague under the same manager."""
    managers = line_managers(scenario.links)
    has_reports = {link.source for link in scenario.links}
    removed: set[str] = set()
    positions: list[Position] = []
    links = list(scenario.links)
    added: list[Position] = []
    for index, position in enumerate(scenario.positions):
        kind = (index // CHANGED_SHARE) % 4 if index % CHANGED_SHARE == 0 else None
        manager = managers.get(position.id)
        if kind == 0 and manager is not None and position.id not in has_reports:
            removed.add(position.id)
            continue
        if kind == 2 and manager is not None and manager in managers:
            links[links.index(Link(manager, position.id))] = Link(managers[manager], position.id)
        elif kind == 3 and manager is not None:
            added.append(replace(position, id=f"{position.id}-bis", holder=None))
            links.append(Link(manager, f"{position.id}-bis"))
        elif kind is not None:  # 1, or a removal or move this position cannot take
            position = replace(position, fte=0.5, holder="Nouvelle titulaire")
        positions.append(position)
    links = [link for link in links if link.source not in removed and link.target not in removed]
    return replace(scenario, name="Cible", positions=tuple(positions + added), links=tuple(links))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    before = synthetic_project(args.agencies).scenarios[0]
    after = edited_copy(before)
    diff = compare_scenarios(before, after)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.orgd"
        save_project(path, Project(Organisation("Bench"), (before, after)))
        command = ["diff", str(path), "--from", before.name, "--to", after.name, "--format", "json"]
        rows = [
            ("diff (2 validations)", median_time(lambda: compare_scenarios(before, after), args.repeat), 2.0),
            ("diff + JSON", median_time(lambda: diff_to_json(compare_scenarios(before, after), "fr"), args.repeat),
             2.0),
            ("diff command", median_time(lambda: _quietly(command), args.repeat), 2.0),
            ("overlay laid out", median_time(lambda: overlay(diff, "after"), args.repeat), None),
        ]
    changes = diff.positions
    print(f"{len(before.positions)} → {len(after.positions)} positions: {len(changes.added)} added, "
          f"{len(changes.removed)} removed, {len(changes.moved)} moved, {len(changes.changed)} changed "
          f"({len(changes.kinds())} positions, {100 * len(changes.kinds()) / len(before.positions):.1f} %); "
          f"{len(diff.resolved)} findings resolved, {len(diff.introduced)} introduced, {len(diff.notices)} notices; "
          f"median of {args.repeat} runs")
    print_table(rows)
    print("diff command: `orgdesigner diff` on a project file holding both: open, check, compare, print the JSON")


def _quietly(command: list[str]) -> None:
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        assert cli_main(command) == 0


if __name__ == "__main__":
    main()
