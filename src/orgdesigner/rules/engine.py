"""Runs the rule catalogue over a scenario and summarises each agency against the models.

The result is a plain value, ordered so that two runs on the same scenario give the same bytes
in every output format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

import networkx as nx

from orgdesigner.model import queries
from orgdesigner.model.chart import Chart, ChartChange
from orgdesigner.model.entities import Agency, Position, Scenario
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
    scopes = {key: _run_scope(chart, params, key, groups.get(key, []))
              for key in [None, *(a.id for a in chart.agencies())]}
    return _assemble(chart, params, _whole_chart(chart, {}), scopes)


_ScopeResult = tuple[tuple[Finding, ...], "AgencySummary | None"]
_WHOLE_CHART_RULES: Final = {rule.id: rule for rule in RULES if rule.whole_chart is not None}


class LiveReport:
    """The report of a chart being edited, kept current at the cost of what each edit touched: the
    rules of the agencies an edit touched, or that hold a position linked to one it touched or above
    one it touched, run again (rules look across a line, and down a whole reporting chain); an agency
    or parameter edit runs every agency again. The other agencies' findings and summaries are reused,
    and so are a whole-chart rule's findings after every edit its `unchanged_by` says cannot have
    changed them (structure.cycle: an edit away from any cycle that makes none). The positions of
    each agency are kept in document order too, regrouped only for the agencies an edit added a
    position to or took one from. Gives the same report as `validate`, in the same order."""

    def __init__(self, chart: Chart) -> None:
        self._chart = chart
        self._scopes: dict[str | None, _ScopeResult] = {}
        self._stale: set[str | None] | None = None  # None: every scope
        self._whole: dict[str, tuple[Finding, ...]] = {}  # by rule id, while they still hold
        self._groups: dict[str | None, list[str]] = {}  # position ids by agency, in document order
        self._agency_of: dict[str, str | None] = {}  # the agency each position is grouped in
        self._regroup: set[str | None] = set()  # groups that gained or lost a position since
        self._report: Report | None = None
        chart.changed.connect(self._note)

    def detach(self) -> None:
        self._chart.changed.disconnect(self._note)

    def report(self) -> Report:
        if self._report is None:
            self._report = self._refresh()
        return self._report

    def _note(self, change: ChartChange) -> None:
        if not change.structure:
            return
        self._report = None
        chart = self._chart
        for rule_id, previous in list(self._whole.items()):
            unchanged = _WHOLE_CHART_RULES[rule_id].unchanged_by
            if unchanged is None or not unchanged(chart, change.positions, previous):
                del self._whole[rule_id]
        if self._stale is None:
            return
        if not change.positions:
            # An agency edited (its name is quoted in other agencies' findings) or the parameters.
            self._stale = None
            return
        self._stale |= change.agencies
        line = chart.graph("line")
        for position_id in change.positions:
            self._follow_group(position_id)
            if not chart.has_position(position_id):
                continue
            # Findings quote their neighbours across agencies; a deputy's rules read everything
            # below it, so an edit anywhere below concerns the agencies of every position above.
            for link in chart.links_of(position_id):
                self._stale.add(chart.position(link.source).agency)
                self._stale.add(chart.position(link.target).agency)
            self._stale.update(chart.position(above).agency for above in nx.ancestors(line, position_id))

    def _follow_group(self, position_id: str) -> None:
        """Notes a touched position's agency; a group it joined or left is regrouped at the next
        refresh. A group keeps its order otherwise: the chart inserts and removes positions, it never
        moves one, so the others of a group stay in the same relative order."""
        chart = self._chart
        known = position_id in self._agency_of
        before = self._agency_of.pop(position_id, None)
        present = chart.has_position(position_id)
        after = chart.position(position_id).agency if present else None
        if present:
            self._agency_of[position_id] = after
        if known != present or before != after:
            self._regroup.update([before] if known else [])
            self._regroup.update([after] if present else [])

    def _refresh(self) -> Report:
        chart = self._chart
        params = Parameters.with_overrides(chart.parameters)
        keys: list[str | None] = [None, *(a.id for a in chart.agencies())]
        groups: dict[str | None, list[Position]] = {}
        if self._stale is None:
            groups = queries.positions_by_agency(chart)
            self._groups = {key: [p.id for p in group] for key, group in groups.items()}
            self._agency_of = {p.id: key for key, group in groups.items() for p in group}
            stale: set[str | None] = set(keys)
        else:
            if self._regroup:
                self._groups.update(queries.position_ids_by_agency(chart, self._regroup))
            stale = self._stale
        self._regroup = set()

        def positions(key: str | None) -> list[Position]:
            if self._stale is None:
                return groups.get(key, [])
            return [chart.position(p) for p in self._groups.get(key, ())]

        self._scopes = {
            key: _run_scope(chart, params, key, positions(key)) if key in stale or key not in self._scopes
            else self._scopes[key]
            for key in keys
        }
        self._stale = set()
        self._whole = _whole_chart(chart, self._whole)
        return _assemble(chart, params, self._whole, self._scopes)


def _whole_chart(chart: Chart, kept: dict[str, tuple[Finding, ...]]) -> dict[str, tuple[Finding, ...]]:
    """The findings of every whole-chart rule, in catalogue order: those kept, else run now."""
    return {rule_id: kept[rule_id] if rule_id in kept else tuple(_checked(rule, rule.whole_chart(chart)))
            for rule_id, rule in _WHOLE_CHART_RULES.items() if rule.whole_chart is not None}


def _run_scope(chart: Chart, params: Parameters, agency_id: str | None, positions: list[Position]) -> _ScopeResult:
    """The findings of one agency's rules (head office: None) and its summary; `positions`: the
    scope's, in document order."""
    agency = chart.agency(agency_id) if agency_id is not None else None
    scope = Scope(chart, params, agency, positions)
    skipped = _skipped(scope)
    findings: list[Finding] = []
    for rule in RULES:
        if rule.check is None or rule.id in skipped:
            continue
        if scope.agency is None and not rule.head_office:
            continue
        findings.extend(_checked(rule, rule.check(scope)))
    return tuple(findings), (_summarise(scope, skipped) if scope.agency is not None else None)


def _assemble(chart: Chart, params: Parameters, whole: dict[str, tuple[Finding, ...]],
              scopes: dict[str | None, _ScopeResult]) -> Report:
    """Whole-chart findings, then head office's, then each agency's in agency order, sorted."""
    findings: list[Finding] = [finding for found in whole.values() for finding in found]
    summaries = []
    for found, summary in scopes.values():
        findings.extend(found)
        if summary is not None:
            summaries.append(summary)
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
