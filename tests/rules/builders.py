"""Small builders for validator tests: an organisation chart typed in a few readable lines.

    org = Org(territory="urban_collective")
    org.add("h", "agency_head")
    org.team("c", "client_officer", 13, under="h")
    report = org.validate()
    assert fired(report, "structure.span")

Positions belong to agency "a" unless told otherwise; `under=` draws a hierarchical line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site
from orgdesigner.rules.engine import AgencySummary, Report, validate
from orgdesigner.rules.findings import Finding

A = "a"

# domain.md §6, the table's column order.
MISSIONS = (
    "demand_allocation",
    "lease",
    "arrears_litigation",
    "social_support",
    "mediation",
    "site_upkeep",
    "planned_maintenance",
    "dsu",
)

# domain.md §9 (rule id, severity), in the table's order.
CATALOGUE = (
    ("structure.cycle", "error"),
    ("structure.multiple-managers", "error"),
    ("structure.no-head", "error"),
    ("structure.multiple-heads", "error"),
    ("structure.provider-link", "error"),
    ("structure.orphan", "warning"),
    ("structure.cross-agency", "warning"),
    ("structure.span", "warning"),
    ("structure.single-report", "info"),
    ("management.model-mismatch", "warning"),
    ("management.transition-band", "info"),
    ("management.m1-direct", "warning"),
    ("management.m2-deputy", "warning"),
    ("management.m3-deputies", "warning"),
    ("site.caretaker-manager", "warning"),
    ("site.sector-span", "warning"),
    ("site.provider-unpiloted", "warning"),
    ("site.declared-model", "warning"),
    ("site.gardiennage", "warning"),
    ("perimeter.unstaffed-mission", "warning/info"),
    ("perimeter.role-outside-perimeter", "info"),
    ("tenancy.uncovered-activity", "warning"),
    ("tenancy.no-model", "info"),
    ("territory.presence", "info"),
    ("territory.sector-manager", "info"),
)
RULE_IDS = tuple(rule for rule, _ in CATALOGUE)
SEVERITY_ORDER = ("error", "warning", "info")


def perimeter(**levels: str) -> dict[str, str]:
    """A full perimeter: every mission NR unless given."""
    unknown = set(levels) - set(MISSIONS)
    assert not unknown, f"not missions: {unknown}"
    return {m: levels.get(m, "NR") for m in MISSIONS}


def site(id: str, dwellings: int, guarding_zone: bool = True) -> Site:
    return Site(id, f"Résidence {id}", dwellings, guarding_zone)


class Org:
    """A scenario under construction; agency "a" is created with the given fields."""

    def __init__(self, **agency_fields: Any) -> None:
        self.agencies: list[Agency] = []
        self.positions: list[Position] = []
        self.links: list[Link] = []
        self.parameters: dict[str, object] = {}
        self.agency(A, **agency_fields)

    def agency(self, id: str, **fields: Any) -> Org:
        for key in ("sites", "presence", "reception"):
            if fields.get(key) is not None:
                fields[key] = tuple(fields[key])
        self.agencies.append(Agency(id, f"Agence {id}", **fields))
        return self

    def add(self, id: str, role: str, under: str | None = None, agency: str | None = A, **fields: Any) -> str:
        self.positions.append(Position(id, role, agency=agency, **fields))
        if under is not None:
            self.line(under, id)
        return id

    def team(self, prefix: str, role: str, n: int, under: str | None = None, **fields: Any) -> list[str]:
        return [self.add(f"{prefix}{i:02d}", role, under=under, **fields) for i in range(1, n + 1)]

    def line(self, source: str, target: str) -> Org:
        self.links.append(Link(source, target, "line"))
        return self

    def dotted(self, source: str, target: str) -> Org:
        self.links.append(Link(source, target, "dotted"))
        return self

    def contract(self, source: str, target: str) -> Org:
        self.links.append(Link(source, target, "contract"))
        return self

    def params(self, **parameters: object) -> Org:
        self.parameters.update(parameters)
        return self

    def scenario(self) -> Scenario:
        return Scenario(
            name="Test",
            parameters=dict(self.parameters),
            agencies=tuple(self.agencies),
            positions=tuple(self.positions),
            links=tuple(self.links),
        )

    def validate(self) -> Report:
        return validate(self.scenario())


def fired(report: Report, rule: str, agency: str | None = A) -> list[Finding]:
    """The findings of one rule for one agency (None: head office or no agency)."""
    return [f for f in report.findings if f.rule == rule and f.agency == agency]


def fired_anywhere(report: Report, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


def summary(report: Report, agency: str = A) -> AgencySummary:
    return next(s for s in report.agencies if s.agency.id == agency)


def ids(findings: Iterable[Finding]) -> list[set[str]]:
    return [set(f.positions) for f in findings]
