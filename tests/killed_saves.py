"""A process that saves a project over and over, for tests/storage/test_save_kills.py to kill.

Run as `python killed_saves.py FILE`, it imports everything, builds the two versions and writes the
first to FILE, then prints "ready SECONDS" (how long one save takes). Then, for each line "go" on
its standard input, it forks a child that saves the two versions alternately over FILE for ever and
prints the child's pid; the test kills that child with SIGKILL whenever it likes, then writes "reap",
and this process collects the child and prints how it ended. Forking is what lets a test kill a
hundred saves in seconds: a child starts saving at once, with nothing left to import or build.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario
from orgdesigner.storage import save_project

AGENCIES = 20


def versions() -> tuple[Project, Project]:
    """Two distinct versions of a 2,000-position project: the second renames every holder, moves every
    card and adds an agency, so that a file mixing the two could be equal to neither."""
    return _project(AGENCIES, "Agent", 0.0), _project(AGENCIES + 1, "Titulaire", 15.5)


def _project(agencies: int, holder: str, shift: float) -> Project:
    positions: list[Position] = []
    links: list[Link] = []
    layout: dict[str, tuple[float, float]] = {}
    for a in range(agencies):
        agency = f"a{a:02d}"
        head = f"{agency}-head"
        positions.append(Position(head, "agency_head", agency, holder=f"{holder} {a}"))
        layout[head] = (a * 2000.0 + shift, shift)
        for m in range(9):
            manager = f"{agency}-m{m}"
            positions.append(Position(manager, "sector_manager", agency, holder=f"{holder} {a}.{m}"))
            links.append(Link(head, manager))
            layout[manager] = (a * 2000.0 + m * 200.0 + shift, 150.0 + shift)
            for c in range(10):
                caretaker = f"{agency}-m{m}-c{c}"
                positions.append(Position(caretaker, "caretaker", agency, holder=f"{holder} {a}.{m}.{c}", fte=0.5))
                links.append(Link(manager, caretaker))
                layout[caretaker] = (a * 2000.0 + m * 200.0 + shift, 300.0 + c * 90.0 + shift)
    scenario = Scenario("Existant", agencies=tuple(Agency(f"a{a:02d}", f"Agence {a}") for a in range(agencies)),
                        positions=tuple(positions), links=tuple(links), layout=layout)
    return Project(Organisation("Habitat Exemple", 12000), (scenario,))


def _save_for_ever(target: Path, both: tuple[Project, Project]) -> None:
    saves = 0
    while True:
        save_project(target, both[(saves + 1) % 2])  # the second version first: the file holds the first
        saves += 1


def main() -> None:
    target = Path(sys.argv[1])
    both = versions()
    save_project(target, both[1])  # also warms every import and cache before the timing
    start = time.perf_counter()
    save_project(target, both[0])
    print(f"ready {time.perf_counter() - start:.4f}", flush=True)
    child = 0
    for line in sys.stdin:
        if line.strip() == "go":
            child = os.fork()
            if child == 0:
                try:
                    _save_for_ever(target, both)
                finally:
                    os._exit(1)  # only a failed save gets here: the test sees it was not killed
            print(child, flush=True)
        elif line.strip() == "reap":
            _pid, status = os.waitpid(child, 0)
            print(f"ended {-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)}", flush=True)


if __name__ == "__main__":
    main()
