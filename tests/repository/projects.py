"""Projects for the repository tests: one that exercises every stored field and the edge values a
column type could lose (None beside empty, FTEs and coordinates that a 4-byte float would round or
overflow), and a helper that edits a scenario as a user would."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import EditPosition
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario, Site


def rich_project(name: str = "Habitat Partagé") -> Project:
    current = Scenario(
        name="Existant 2026",
        description="Tel qu'en janvier — « cœur » de l'agence",
        parameters=MappingProxyType({"max_direct_reports": 10, "headcount_basis": "fte", "model1_below": 12}),
        agencies=(
            Agency("nord", "Agence Nord", territory="large_districts", dwellings=3200,
                   sites=(Site("tilleuls", "Les Tilleuls", 240, guarding_zone=True), Site("acacias", "Acacias", 0)),
                   site_management="internal",
                   perimeter=MappingProxyType({"demand_allocation": "C", "lease": "C", "arrears_litigation": "P",
                                               "social_support": "P", "mediation": "NR", "site_upkeep": "C",
                                               "planned_maintenance": "NR", "dsu": "P"}),
                   presence=("antennas",), reception=("appointments", "office_hours")),
            Agency("sud", "Agence Sud"),
            Agency("est", "Agence Est", sites=(), presence=(), reception=()),
        ),
        positions=(
            Position("p1", "agency_head", "nord", holder="Marie Dupont"),
            Position("p2", "caretaker", "nord", site="tilleuls", fte=0.1 + 0.2, notes="mi-temps\nle matin"),
            Position("p3", "other", None, title="Directeur de la proximité", family="management", holder=""),
            Position("p4", "provider", "nord", title="Gardiennage", site="tilleuls", guarding=True, fte=1 / 3),
        ),
        links=(Link("p3", "p1", "line"), Link("p1", "p4", "contract"), Link("p1", "p2"), Link("p2", "p4", "dotted")),
        layout=MappingProxyType({"p2": (1 / 3, -2.5e-300), "p1": (1e300, 5e-324), "p3": (-0.0, 7.0),
                                 "p4": (120.5, 80.25)}),
    )
    target = Scenario(name="Cible", agencies=(Agency("sud", "Agence Sud"),),
                      positions=(Position("h", "agency_head", "sud"),))
    return Project(Organisation(name, 12000), (current, target))


def set_holder(document: Document, scenario: str, position_id: str, holder: str) -> None:
    """An edit of one card, through the scenario's undo stack, as the window makes it."""
    document.switch_to(scenario)
    chart = document.chart
    chart_position = chart.position(position_id)
    document.stack.push(EditPosition(chart, dataclasses.replace(chart_position, holder=holder)))
