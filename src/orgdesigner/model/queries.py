"""Read-only questions about a chart: who manages whom, who is above whom, who works where."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Position
from orgdesigner.model.parameters import HeadcountBasis


def managers(chart: Chart, position_id: str) -> list[str]:
    """Hierarchical managers (line links), in link order."""
    return list(chart.graph("line").predecessors(position_id))


def reports(chart: Chart, position_id: str) -> list[str]:
    """Direct hierarchical reports, in link order."""
    return list(chart.graph("line").successors(position_id))


def descendants(chart: Chart, position_id: str) -> set[str]:
    """Everyone below a position through hierarchical lines (safe on cycles)."""
    return set(nx.descendants(chart.graph("line"), position_id))


def fresh_position_id(chart: Chart, agency_id: str | None) -> str:
    """An id for a new position: "<agency>-<n>" ("siege-<n>" at head office), n one more than the
    number of positions, then the next free number: short, readable in a JSON, and deterministic."""
    prefix = agency_id or "siege"
    number = sum(1 for _ in chart.positions()) + 1
    while chart.has_position(f"{prefix}-{number:02d}"):
        number += 1
    return f"{prefix}-{number:02d}"


def positions_by_agency(chart: Chart) -> dict[str | None, list[Position]]:
    """Positions grouped by agency id (None: head office), each group in document order, every
    agency present even when empty."""
    groups: dict[str | None, list[Position]] = {None: []}
    groups.update({agency.id: [] for agency in chart.agencies()})
    for position in chart.positions():
        groups.setdefault(position.agency, []).append(position)
    return groups


def position_ids_by_agency(chart: Chart, agencies: Collection[str | None]) -> dict[str | None, list[str]]:
    """The ids of the positions of some agencies (None: head office), each list in document order,
    every agency asked for present even when empty: one pass, no Position list for the others."""
    groups: dict[str | None, list[str]] = {agency: [] for agency in agencies}
    for position in chart.positions():
        if position.agency in groups:
            groups[position.agency].append(position.id)
    return groups


def headcount_positions(positions: Iterable[Position]) -> list[Position]:
    """The positions counted in the headcount of §4: staff, site staff excluded."""
    return [p for p in positions if not p.is_provider and not p.is_site_staff]


def total_fte(positions: Iterable[Position]) -> float:
    """FTE sum, rounded so that 0.1 + 0.2 reads 0.3 in every report."""
    return round(sum(p.fte for p in positions), 6)


def headcount(positions: Iterable[Position], basis: HeadcountBasis) -> float:
    """Headcount of §4 on the chosen basis: a count of posts, or their FTE sum."""
    counted = headcount_positions(positions)
    return total_fte(counted) if basis == "fte" else len(counted)
