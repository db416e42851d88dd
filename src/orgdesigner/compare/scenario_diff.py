"""The comparison of two scenarios: the positions that changed, each agency's standing against the
reference models before and after, the findings resolved and introduced, and the guarding notices.

Both scenarios are validated with their own parameters: a comparison answers "what does the target
do to the models", so each side is judged as it would be on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from orgdesigner.compare.guarding import GuardingNotice, GuardingSide, guarding_notice, guarding_side
from orgdesigner.compare.positions import PositionChanges, compare_positions
from orgdesigner.model.entities import Position, Scenario
from orgdesigner.rules.engine import AgencySummary, Report, validate
from orgdesigner.rules.findings import Finding

T = TypeVar("T", covariant=True)


@dataclass(frozen=True, slots=True)
class Pair(Generic[T]):
    """A figure before and after; None on a side where the agency does not exist or the figure
    cannot be worked out."""

    before: T | None
    after: T | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class AgencyDelta:
    id: str
    before: AgencySummary | None
    after: AgencySummary | None
    resolved: tuple[Finding, ...]
    introduced: tuple[Finding, ...]

    @property
    def name(self) -> str:
        summary = self.after or self.before
        assert summary is not None
        return summary.agency.name

    def _pair(self, figure: Callable[[AgencySummary], T | None]) -> Pair[T]:
        return Pair(figure(self.before) if self.before is not None else None,
                    figure(self.after) if self.after is not None else None)

    @property
    def headcount(self) -> Pair[float]:
        return self._pair(lambda s: s.headcount)

    @property
    def fte(self) -> Pair[float]:
        return self._pair(lambda s: round(s.fte, 3))

    @property
    def site_staff_fte(self) -> Pair[float]:
        return self._pair(lambda s: round(s.site_staff_fte, 3))

    @property
    def expected_models(self) -> Pair[tuple[int, ...]]:
        return self._pair(lambda s: s.expected_models)

    @property
    def detected_model(self) -> Pair[int]:
        return self._pair(lambda s: s.detected_model)

    @property
    def perimeter_model(self) -> Pair[int]:
        return self._pair(lambda s: s.perimeter.model if s.perimeter is not None else None)

    @property
    def tenancy_models(self) -> Pair[tuple[int, ...]]:
        return self._pair(lambda s: s.tenancy_models)

    @property
    def site_management(self) -> Pair[str]:
        return self._pair(lambda s: s.agency.site_management)

    @property
    def dwellings_per_site_staff_fte(self) -> Pair[float]:
        """The agency's dwellings per FTE of caretaker and building attendant: the ratio boards
        compare between agencies; None without dwellings or without site staff."""
        return self._pair(_dwellings_per_site_staff_fte)

    def figures(self) -> tuple[Pair[object], ...]:
        return (self.headcount, self.fte, self.site_staff_fte, self.expected_models, self.detected_model,
                self.perimeter_model, self.tenancy_models, self.site_management,
                self.dwellings_per_site_staff_fte)

    @property
    def changed(self) -> bool:
        return bool(self.resolved or self.introduced) or any(pair.changed for pair in self.figures())


def _dwellings_per_site_staff_fte(summary: AgencySummary) -> float | None:
    dwellings = summary.agency.dwellings
    if not dwellings or summary.site_staff_fte <= 0:
        return None
    return round(dwellings / summary.site_staff_fte, 1)


@dataclass(frozen=True, slots=True)
class ScenarioDiff:
    before: Scenario
    after: Scenario
    before_report: Report
    after_report: Report
    positions: PositionChanges
    agencies: tuple[AgencyDelta, ...]  # the target's agencies in its order, then those it dropped
    resolved: tuple[Finding, ...]  # in the source report's order
    introduced: tuple[Finding, ...]  # in the target report's order
    notices: tuple[GuardingNotice, ...]


def compare_scenarios(before: Scenario, after: Scenario, before_report: Report | None = None,
                      after_report: Report | None = None) -> ScenarioDiff:
    """`before_report`/`after_report`: the scenarios' reports when the caller has them already (the
    window keeps them live); validated here otherwise."""
    old_report = before_report or validate(before)
    new_report = after_report or validate(after)
    resolved = _missing_from(old_report.findings, new_report.findings)
    introduced = _missing_from(new_report.findings, old_report.findings)
    agencies = _agency_deltas(old_report, new_report, resolved, introduced)
    return ScenarioDiff(
        before=before,
        after=after,
        before_report=old_report,
        after_report=new_report,
        positions=compare_positions(before.positions, before.links, after.positions, after.links),
        agencies=agencies,
        resolved=resolved,
        introduced=introduced,
        notices=_notices(before, after, agencies, new_report),
    )


def finding_key(finding: Finding) -> tuple[str, str | None, tuple[str, ...]]:
    """A finding is the same on both sides when the same rule says it of the same agency and
    positions; its message may differ (a count that moved from 21 to 16 reports is still the fault)."""
    return finding.rule, finding.agency, finding.positions


def _missing_from(findings: Sequence[Finding], other: Sequence[Finding]) -> tuple[Finding, ...]:
    remaining = Counter(finding_key(f) for f in other)
    missing = []
    for finding in findings:
        key = finding_key(finding)
        if remaining[key]:
            remaining[key] -= 1
        else:
            missing.append(finding)
    return tuple(missing)


def _agency_deltas(before: Report, after: Report, resolved: tuple[Finding, ...],
                   introduced: tuple[Finding, ...]) -> tuple[AgencyDelta, ...]:
    old = {s.agency.id: s for s in before.agencies}
    new = {s.agency.id: s for s in after.agencies}
    order = [*new, *(agency_id for agency_id in old if agency_id not in new)]
    return tuple(
        AgencyDelta(agency_id, old.get(agency_id), new.get(agency_id),
                    tuple(f for f in resolved if f.agency == agency_id),
                    tuple(f for f in introduced if f.agency == agency_id))
        for agency_id in order
    )


def _notices(before: Scenario, after: Scenario, agencies: Sequence[AgencyDelta],
             after_report: Report) -> tuple[GuardingNotice, ...]:
    """One notice per ensemble whose guarding changed, by agency then by site in the target's order
    (sites the target dropped last)."""
    old_positions = {p.id: p for p in before.positions}
    new_positions = {p.id: p for p in after.positions}
    block_size = after_report.parameters.gardiennage_dwellings_per_fte
    notices = []
    for delta in agencies:
        old_sides = _sides(delta.before, old_positions)
        new_sides = _sides(delta.after, new_positions)
        for site_id in [*new_sides, *(s for s in old_sides if s not in new_sides)]:
            notice = guarding_notice(delta.id, delta.name, site_id, old_sides.get(site_id),
                                     new_sides.get(site_id), block_size)
            if notice is not None:
                notices.append(notice)
    return tuple(notices)


def _sides(summary: AgencySummary | None, positions: Mapping[str, Position]) -> dict[str, GuardingSide]:
    if summary is None:
        return {}
    return {status.site.id: guarding_side(status, positions) for status in summary.guarding}
