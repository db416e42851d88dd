"""Runs the rule catalogue over a scenario and summarises each agency against the models.

The result is a plain value, ordered so that two runs on the same scenario give the same bytes
in every output format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orgdesigner.model import queries
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Scenario
from orgdesigner.model.parameters import Parameters
from orgdesigner.rules.catalogue import RULES, SHAPE_RULES, Rule
from orgdesigner.rules.classify import (
    GuardingStatus,
    PerimeterMatch,
    expected_models,
    guarding_status,
    perimeter_model,
    tenancy_models,
)
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import SEVERITY_RANK, Finding


@dataclass(frozen=True, slots=True)
class AgencySummary:
    """Where an agency stands against each reference model (interchange.md, `validate --format json`)."""

    agency: Agency
    headcount: float
    fte: float
    site_staff: int
    site_staff_fte: float
    providers: int
    expected_models: tuple[int, ...]
    detected_model: int
    perimeter: PerimeterMatch | None
    tenancy_models: tuple[int, ...]
    guarding: tuple[GuardingStatus, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    scenario: str
    parameters: Parameters
    agencies: tuple[AgencySummary, ...]
    findings: tuple[Finding, ...]


def validate(scenario: Scenario | Chart) -> Report:
    """Every finding and every agency summary of a scenario, in the report order of interchange.md."""
    chart = scenario if isinstance(scenario, Chart) else Chart(scenario)
    params = Parameters.with_overrides(chart.parameters)
    groups = queries.positions_by_agency(chart)
    findings: list[Finding] = []
    for rule in RULES:
        if rule.whole_chart is not None:
            findings.extend(_checked(rule, rule.whole_chart(chart)))
    head_office = Scope(chart, params, None, groups[None])
    summaries = []
    for scope in [head_office, *(Scope(chart, params, a, groups[a.id]) for a in chart.agencies())]:
        skipped = _skipped(scope)
        for rule in RULES:
            if rule.check is None or rule.id in skipped:
                continue
            if scope.agency is None and not rule.head_office:
                continue
            findings.extend(_checked(rule, rule.check(scope)))
        if scope.agency is not None:
            summaries.append(_summarise(scope, skipped))
    agency_rank = {a.id: i for i, a in enumerate(chart.agencies())}
    findings.sort(key=lambda f: (
        -1 if f.agency is None else agency_rank[f.agency],
        SEVERITY_RANK[f.severity],
        f.rule,
        f.positions[0] if f.positions else "",
    ))
    return Report(chart.name, params, tuple(summaries), tuple(findings))


def _checked(rule: Rule, found: Iterable[Finding]) -> Iterator[Finding]:
    """Holds each rule to its catalogue entry, so a rule's code and the table cannot drift apart."""
    for finding in found:
        if finding.rule != rule.id or finding.severity not in rule.severities:
            raise AssertionError(f"{rule.id} produced a {finding.severity} finding for {finding.rule}")
        yield finding


def _skipped(scope: Scope) -> tuple[str, ...]:
    """Rule ids not run for want of data (domain.md §9), in catalogue order."""
    agency = scope.agency
    if agency is None:
        return ()
    skipped = {rule.id for rule in RULES if any(getattr(agency, f) is None for f in rule.needs)}
    if len(scope.heads) != 1:
        skipped.add(SHAPE_RULES[scope.detected_model])
    return tuple(rule.id for rule in RULES if rule.id in skipped)


def _summarise(scope: Scope, skipped: tuple[str, ...]) -> AgencySummary:
    agency = scope.agency
    assert agency is not None
    params = scope.params
    site_staff = [p for p in scope.positions if p.is_site_staff]
    counted = queries.headcount_positions(scope.positions)
    return AgencySummary(
        agency=agency,
        headcount=scope.headcount,
        fte=queries.total_fte(counted),
        site_staff=len(site_staff),
        site_staff_fte=queries.total_fte(site_staff),
        providers=sum(1 for p in scope.positions if p.is_provider),
        expected_models=tuple(expected_models(scope.headcount, params)),
        detected_model=scope.detected_model,
        perimeter=perimeter_model(agency.perimeter) if agency.perimeter is not None else None,
        tenancy_models=(
            tuple(tenancy_models(agency.perimeter, scope.roles_present))
            if agency.perimeter is not None else ()
        ),
        guarding=tuple(guarding_status(s, scope.positions, params) for s in agency.sites or ()),
        skipped=skipped,
    )
