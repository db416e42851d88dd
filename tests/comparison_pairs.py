"""Pairs of scenarios to compare: one agency with a guarded ensemble, and the edits that make its
target (issue 5's tests of the model, the command line, the PDF and the window share them)."""

from __future__ import annotations

from dataclasses import replace

from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site

ROSERAIE = Site("s1", "La Roseraie", 310, guarding_zone=True)
PERIMETER = {"demand_allocation": "C", "lease": "C", "arrears_litigation": "P", "social_support": "P",
             "mediation": "P", "site_upkeep": "C", "planned_maintenance": "NR", "dsu": "NR"}


def base() -> Scenario:
    """One agency of 12 staff: a head over a sector manager with two caretakers on a guarded
    ensemble of 310 dwellings (3 blocks, 2 FTE: a shortfall), and tenancy staff."""
    positions = [
        Position("h", "agency_head", "nord", holder="Claire Martin"),
        Position("m1", "sector_manager", "nord", holder="Paul Leroy"),
        Position("c1", "caretaker", "nord", site="s1", holder="Ana"),
        Position("c2", "caretaker", "nord", site="s1", holder="Ben"),
        *(Position(f"t{i}", "client_officer", "nord", holder=f"Chargé {i}") for i in range(1, 10)),
        Position("x", "provider", "nord", title="Nettoyage SARL"),
    ]
    links = [Link("h", "m1"), Link("m1", "c1"), Link("m1", "c2"), Link("m1", "x", "contract"),
             *(Link("h", f"t{i}") for i in range(1, 10))]
    return Scenario(
        "Existant",
        agencies=(Agency("nord", "Agence Nord", territory="urban_collective", dwellings=1240, sites=(ROSERAIE,),
                         site_management="internal", perimeter=PERIMETER),),
        positions=tuple(positions), links=tuple(links))


def target(scenario: Scenario, *, positions: list[Position] | None = None, links: list[Link] | None = None,
           agencies: tuple[Agency, ...] | None = None) -> Scenario:
    return replace(scenario, name="Cible", positions=tuple(positions if positions is not None else scenario.positions),
                   links=tuple(links if links is not None else scenario.links),
                   agencies=agencies if agencies is not None else scenario.agencies)


def edited(scenario: Scenario, position_id: str, **fields: object) -> list[Position]:
    return [replace(p, **fields) if p.id == position_id else p for p in scenario.positions]  # type: ignore[arg-type]
