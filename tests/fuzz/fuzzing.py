"""What the fuzz tests share: how many cases to run, the real files they start from, a time bound per
case, and the count of cases run that the summary prints.

CI runs a fixed, modest number of examples per test; a long campaign sets the environment variable:

    ORGDESIGNER_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz -q -p no:randomly
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import os
import signal
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import FrameType, MappingProxyType

from hypothesis import HealthCheck, settings

from orgdesigner.app.demo import demo_project
from orgdesigner.hr.csv_export import scenario_to_csv
from orgdesigner.hr.xlsx_export import scenario_to_xlsx
from orgdesigner.io.scenario_json import scenario_to_json
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario, Site
from orgdesigner.rules.engine import validate
from orgdesigner.storage import save_project

EXAMPLES_VARIABLE = "ORGDESIGNER_FUZZ_EXAMPLES"
# Cases run by reader, for the closing summary (conftest.py): the issue asks for the number.
CASES: Counter[str] = Counter()


def fuzz_settings(examples: int) -> settings:
    """`examples` in CI, or as many as the environment asks; no deadline, since a case's time is
    bounded by `bounded` instead and a slow machine must not fail a correct reader."""
    wanted = int(os.environ.get(EXAMPLES_VARIABLE) or examples)
    return settings(max_examples=wanted, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class TooSlow(Exception):
    """A case that ran past its bound: a reader that loops or does work out of proportion to its input."""


@contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Interrupts the case after `seconds` (POSIX; elsewhere the suite's own timeout is the bound)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def interrupt(_signal: int, _frame: FrameType | None) -> None:
        raise TooSlow(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_project() -> Project:
    """Every table and JSON column of the file holds something, in a few rows: cheap to mutate."""
    perimeter = MappingProxyType({"demand_allocation": "C", "lease": "C", "arrears_litigation": "P",
                                  "social_support": "P", "mediation": "NR", "site_upkeep": "C",
                                  "planned_maintenance": "NR", "dsu": "P"})
    scenario = Scenario(
        name="Existant",
        description="petit",
        parameters=MappingProxyType({"max_direct_reports": 10, "headcount_basis": "fte"}),
        agencies=(
            Agency("nord", "Agence Nord", territory="large_districts", dwellings=3200,
                   sites=(Site("tilleuls", "Les Tilleuls", 240, guarding_zone=True),), site_management="internal",
                   perimeter=perimeter, presence=("antennas",), reception=("appointments", "office_hours")),
            Agency("sud", "Agence Sud", sites=(), presence=(), reception=()),
        ),
        positions=(
            Position("dg", "other", None, title="Directeur", family="management"),
            Position("p1", "agency_head", "nord", holder="Marie Dupont"),
            Position("p2", "caretaker", "nord", site="tilleuls", fte=0.5, notes="le matin"),
            Position("p3", "provider", "nord", title="Gardiennage", site="tilleuls", guarding=True),
        ),
        links=(Link("dg", "p1"), Link("p1", "p2"), Link("p1", "p3", "contract")),
        layout=MappingProxyType({"dg": (0.0, 0.0), "p1": (10.5, 80.0)}),
    )
    return Project(Organisation("Habitat", 5000), (scenario, Scenario("Cible")))


@cache
def project_bytes(which: str) -> bytes:
    """A project file as save_project writes it: "demo" (two scenarios of a hundred-odd positions) or "small"."""
    project = demo_project() if which == "demo" else small_project()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "project.orgd"
        save_project(path, project)
        return path.read_bytes()


@cache
def demo_json() -> bytes:
    project = demo_project()
    return scenario_to_json(project.organisation, project.scenarios[0]).encode()


@cache
def demo_csv() -> bytes:
    """The demo's first scenario as the CSV export writes it (BOM, semicolons): it imports back."""
    scenario = demo_project().scenarios[0]
    return scenario_to_csv(scenario, validate(scenario)).encode()


@cache
def export_xlsx() -> bytes:
    """A workbook as the XLSX export writes it (inline strings, numbers as numbers), of the demo's first
    30 positions: every kind of cell the export writes, at a cost a few hundred cases can afford."""
    scenario = demo_project().scenarios[0]
    kept = scenario.positions[:30]
    ids = {position.id for position in kept}
    scenario = dataclasses.replace(scenario, positions=kept, layout=MappingProxyType({}),
                                   links=tuple(link for link in scenario.links if {link.source, link.target} <= ids))
    return scenario_to_xlsx(scenario, validate(scenario), datetime.date(2026, 1, 31))


def with_member(workbook: bytes, member: str, content: bytes) -> bytes:
    """The workbook with one part of its archive replaced, the rest as it was."""
    return rezipped(workbook, lambda name, data: content if name == member else data)


def rezipped(workbook: bytes, change: Callable[[str, bytes], bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info)))
    return out.getvalue()
