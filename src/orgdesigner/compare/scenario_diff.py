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
from orgdesigner.compare.settings_changes import (
    LinkChange,
    ParameterChange,
    SiteChange,
    agency_field_changes,
    link_changes,
    parameter_changes,
    site_changes,
)
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
    fields: Mapping[str, tuple[object, object]]  # the agency's own data that changed (settings_changes)
    sites: tuple[SiteChange, ...]

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
        return bool(self.resolved or self.introduced or self.fields or self.sites) or any(
            pair.changed for pair in self.figures())


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
    links: tuple[LinkChange, ...]  # dotted and contract links; a hierarchical one is a move
    parameters: tuple[ParameterChange, ...]

    @property
    def unchanged(self) -> bool:
        return not (len(self.positions) or self.links or self.parameters or self.resolved or self.introduced
                    or self.notices or any(delta.changed for delta in self.agencies))


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
        notices=_notices(before, after, agencies, old_report, new_report),
        links=link_changes(before.links, after.links),
        parameters=parameter_changes(old_report.parameters, new_report.parameters),
    )


def finding_key(finding: Finding) -> tuple[str, str | None, str | tuple[str, ...]]:
    """A finding is the same on both sides when the same rule says it of the same agency and the
    same subject (an ensemble, a mission...; rules/findings.py), else of the same positions; its
    message may differ (a count that moved from 21 to 16 reports is still the fault)."""
    return finding.rule, finding.agency, finding.positions if finding.subject is None else finding.subject


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
    deltas = []
    for agency_id in order:
        was, now = old.get(agency_id), new.get(agency_id)
        was_agency, now_agency = (was.agency if was else None), (now.agency if now else None)
        deltas.append(AgencyDelta(agency_id, was, now, tuple(f for f in resolved if f.agency == agency_id),
                                  tuple(f for f in introduced if f.agency == agency_id),
                                  agency_field_changes(was_agency, now_agency),
                                  site_changes(agency_id, was_agency, now_agency)))
    return tuple(deltas)


def _notices(before: Scenario, after: Scenario, agencies: Sequence[AgencyDelta], before_report: Report,
             after_report: Report) -> tuple[GuardingNotice, ...]:
    """One notice per ensemble whose guarding changed, by agency then by site in the target's order
    (sites the target dropped last). An ensemble is followed into another agency (agencies merged,
    sites moved) by its id, or its name, when that names one ensemble only on each side."""
    old = _sides(agencies, lambda d: d.before, {p.id: p for p in before.positions},
                 before_report.parameters.gardiennage_dwellings_per_fte)
    new = _sides(agencies, lambda d: d.after, {p.id: p for p in after.positions},
                 after_report.parameters.gardiennage_dwellings_per_fte)
    pairs: list[tuple[tuple[str, str], GuardingSide | None, GuardingSide | None]] = [
        (key, old.pop(key, None), side) for key, side in new.items()]
    for index, (key, was, side) in enumerate(pairs):
        if was is None and side is not None:
            moved = _same_ensemble(key, side, old, new)
            if moved is not None:
                pairs[index] = (key, old.pop(moved), side)
    pairs += [(key, side, None) for key, side in old.items()]
    names = {d.id: d.name for d in agencies}
    notices = []
    for (agency_id, site_id), was, side in pairs:
        notice = guarding_notice(agency_id, names[agency_id], site_id, was, side)
        if notice is not None:
            notices.append(notice)
    return tuple(notices)


_SiteKey = tuple[str, str]


def _sides(agencies: Sequence[AgencyDelta], summary_of: Callable[[AgencyDelta], AgencySummary | None],
           positions: Mapping[str, Position], block_size: int) -> dict[_SiteKey, GuardingSide]:
    sides = {}
    for delta in agencies:
        summary = summary_of(delta)
        for status in summary.guarding if summary is not None else ():
            sides[(delta.id, status.site.id)] = guarding_side(status, positions, block_size)
    return sides


def _same_ensemble(key: _SiteKey, side: GuardingSide, unmatched: Mapping[_SiteKey, GuardingSide],
                   new: Mapping[_SiteKey, GuardingSide]) -> _SiteKey | None:
    def by_id(k: _SiteKey, _s: GuardingSide) -> bool:
        return k[1] == key[1]

    def by_name(_k: _SiteKey, s: GuardingSide) -> bool:
        return s.name.casefold() == side.name.casefold()

    for same in (by_id, by_name):
        candidates = [k for k, s in unmatched.items() if same(k, s)]
        rivals = [k for k, s in new.items() if same(k, s)]
        if len(candidates) == 1 and len(rivals) == 1:
            return candidates[0]
    return None
