"""The chart a comparison is drawn on: one side's scenario, with the positions only the other side
has shown as ghosts where they were (under their manager, in their agency), and every position
marked with its kinds of change.

The target side is the one a committee is shown: what the organisation becomes, with the posts it
loses still visible in place. The source side is its mirror, with the posts to be created ghosted.
The overlay is laid out afresh, as opening it would lay it out, so that ghosts have room.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from orgdesigner.compare.positions import ChangeKind
from orgdesigner.compare.scenario_diff import ScenarioDiff
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Scenario

Side = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Overlay:
    side: Side
    scenario: Scenario
    kinds: Mapping[str, tuple[ChangeKind, ...]]  # position id → its kinds; unchanged positions absent
    ghosts: frozenset[str]


def overlay(diff: ScenarioDiff, side: Side = "after") -> Overlay:
    shown, other = (diff.after, diff.before) if side == "after" else (diff.before, diff.after)
    ghost_ids = frozenset(diff.positions.removed if side == "after" else diff.positions.added)
    ghosts = tuple(p for p in other.positions if p.id in ghost_ids)
    present = {a.id for a in shown.agencies}
    ghost_agencies = tuple(a for a in other.agencies if a.id not in present
                           and any(p.agency == a.id for p in ghosts))
    drawn = {p.id for p in shown.positions} | ghost_ids
    # Only the links into a ghost: a link out of one would give a position of the shown side a
    # second manager.
    ghost_links = tuple(link for link in other.links if link.target in ghost_ids and link.source in drawn)
    scenario = replace(shown, agencies=shown.agencies + ghost_agencies, positions=shown.positions + ghosts,
                       links=shown.links + ghost_links, layout=MappingProxyType({}))
    laid_out = replace(scenario, layout=MappingProxyType(layout_chart(Chart(scenario))))
    return Overlay(side, laid_out, diff.positions.kinds(), ghost_ids)
