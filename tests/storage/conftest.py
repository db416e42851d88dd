"""A project that exercises every field the file must keep, including None beside empty."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario, Site
from orgdesigner.storage import save_project

PERIMETER = MappingProxyType({"demand_allocation": "C", "lease": "C", "arrears_litigation": "P",
                              "social_support": "P", "mediation": "NR", "site_upkeep": "C",
                              "planned_maintenance": "NR", "dsu": "P"})


@pytest.fixture
def project() -> Project:
    current = Scenario(
        name="Existant 2026",
        description="Tel qu'en janvier — « cœur » de l'agence",
        # Not the canonical order: the file must keep the order it was given.
        parameters=MappingProxyType({"max_direct_reports": 10, "headcount_basis": "fte", "model1_below": 12}),
        agencies=(
            Agency("nord", "Agence Nord", territory="large_districts", dwellings=3200,
                   sites=(Site("tilleuls", "Les Tilleuls", 240, guarding_zone=True), Site("acacias", "Acacias", 0)),
                   site_management="internal", perimeter=PERIMETER,
                   presence=("antennas", "neighbourhood_agency"), reception=("appointments", "office_hours")),
            Agency("sud", "Agence Sud"),
            Agency("est", "Agence Est", sites=(), presence=(), reception=()),
        ),
        positions=(
            Position("p1", "agency_head", "nord", holder="Marie Dupont"),
            Position("p2", "caretaker", "nord", site="tilleuls", fte=0.1 + 0.2, notes="mi-temps\nle matin"),
            Position("p3", "other", None, title="Directeur de la proximité", family="management", holder=""),
            Position("p4", "provider", "nord", title="Gardiennage", site="tilleuls", guarding=True, fte=1 / 3),
            Position("p0", "client_officer", "est", title="", notes=""),
        ),
        links=(Link("p3", "p1", "line"), Link("p1", "p4", "contract"), Link("p1", "p2"),
               Link("p0", "p1", "dotted")),
        layout=MappingProxyType({"p2": (1 / 3, -2.5e-300), "p1": (1e300, 5e-324), "p3": (-0.0, 7.0)}),
    )
    target = Scenario(
        name="Cible",
        # An agency and site the scenario lacks: the validator's to report, the file's to keep.
        positions=(Position("h", "agency_head", "ailleurs", site="nulle-part"),),
    )
    return Project(Organisation("Habitat Exemple", 12000), (current, target))


@pytest.fixture
def saved(tmp_path: Path, project: Project) -> Path:
    """A real project file, written by the code under test."""
    path = tmp_path / "plan.orgd"
    save_project(path, project)
    return path
