"""The classifications of an agency against the deck's tables (domain.md §4, §5b, §6, §6b).

These are verdicts of fact, not findings: which model the agency matches. Rules and reports
both read them, so they live here once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from orgdesigner.model.catalogue import (
    ACTIVITIES,
    EXTRA_ACTIVITY_CARRIERS,
    LEVEL_WEIGHT,
    MISSION_CODES,
    PERIMETER_MODELS,
    TENANCY_MODELS,
    TENANCY_ROLES,
    Level,
)
from orgdesigner.model.entities import Position, Site
from orgdesigner.model.parameters import Parameters


def expected_models(headcount: float, params: Parameters) -> list[int]:
    """§4: the models recommended for a headcount; the band above `model2_upto` up to
    `model3_above` is not covered by the deck, so both model 2 and model 3 are acceptable there."""
    if headcount < params.model1_below:
        return [1]
    if headcount <= params.model2_upto:
        return [2]
    if headcount <= params.model3_above:
        return [2, 3]
    return [3]


@dataclass(frozen=True, slots=True)
class PerimeterMatch:
    model: int
    distance: int
    differs: tuple[str, ...]


def perimeter_model(perimeter: Mapping[str, Level]) -> PerimeterMatch:
    """§6: the equal row, else the nearest (NR=0, P=1, C=2, sum of absolute differences); ties go
    to the lower model number; `differs` follows the table's column order."""
    best: PerimeterMatch | None = None
    for row in PERIMETER_MODELS:
        differs = tuple(m for m, level in zip(MISSION_CODES, row.levels, strict=True)
                        if perimeter[m] != level)
        distance = sum(abs(LEVEL_WEIGHT[perimeter[m]] - LEVEL_WEIGHT[level])
                       for m, level in zip(MISSION_CODES, row.levels, strict=True))
        if best is None or distance < best.distance:
            best = PerimeterMatch(row.number, distance, differs)
    assert best is not None
    return best


def activities_in_scope(perimeter: Mapping[str, Level]) -> list[str]:
    """§6b: tenancy activities the perimeter brings into the agency (litigation needs C)."""
    return [
        a.code for a in ACTIVITIES
        if perimeter[a.mission] == "C" or (perimeter[a.mission] == "P" and not a.needs_complete)
    ]


def tenancy_models(perimeter: Mapping[str, Level], roles_present: Iterable[str]) -> list[int]:
    """§6b: every model whose roles for the in-scope activities are all present, and that uses
    every tenancy role present for some in-scope activity."""
    scope = activities_in_scope(perimeter)
    present = {r for r in roles_present if r in TENANCY_ROLES}
    fitting = []
    for number, roles in TENANCY_MODELS.items():
        used = {roles[a] for a in scope}
        if used <= present and present <= used:
            fitting.append(number)
    return fitting


def activity_carriers(activity: str) -> frozenset[str]:
    """Roles that carry an activity under some model of §6b, or as the catalogue's extra carrier."""
    by_models = {roles[activity] for roles in TENANCY_MODELS.values()}
    return frozenset(by_models | EXTRA_ACTIVITY_CARRIERS.get(activity, frozenset()))


@dataclass(frozen=True, slots=True)
class GuardingStatus:
    """§5b for one ensemble: the blocks of dwellings the law asks to cover, and what covers them."""

    site: Site
    applies: bool
    blocks_required: int
    fte_assigned: float
    staff: tuple[str, ...]
    guarding_providers: tuple[str, ...]

    @property
    def shortfall(self) -> bool:
        return self.applies and not self.guarding_providers and self.fte_assigned < self.blocks_required


def guarding_status(site: Site, positions: Iterable[Position], params: Parameters) -> GuardingStatus:
    """§5b: one FTE of caretaker or building attendant per block of `gardiennage_dwellings_per_fte`
    dwellings, per ensemble, when it is in a guarding zone with at least 100 dwellings. A started
    block counts only with `gardiennage_rounding: ceil`."""
    on_site = [p for p in positions if p.site == site.id]
    staff = [p for p in on_site if p.is_site_staff]
    providers = tuple(p.id for p in on_site if p.is_provider and p.guarding)
    ratio = site.dwellings / params.gardiennage_dwellings_per_fte
    blocks = math.ceil(ratio) if params.gardiennage_rounding == "ceil" else math.floor(ratio)
    return GuardingStatus(
        site=site,
        applies=site.guarding_zone and site.dwellings >= 100,
        blocks_required=blocks,
        fte_assigned=round(sum(p.fte for p in staff), 6),
        staff=tuple(p.id for p in staff),
        guarding_providers=providers,
    )
