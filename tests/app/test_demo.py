"""The bundled demonstration project is what the issue promises a first-time user."""

from __future__ import annotations

from collections import Counter

from orgdesigner.app.demo import demo_project
from orgdesigner.io.scenario_json import read_scenario_data, scenario_to_data
from orgdesigner.rules.engine import validate


def test_demo_has_the_promised_shape() -> None:
    project = demo_project()
    assert project.organisation.name == "Habitat Exemple"
    assert [s.name for s in project.scenarios] == ["Existant 2026", "Cible 2027"]
    existing = project.scenarios[0]
    assert 150 <= len(existing.positions) <= 400
    assert {a.territory for a in existing.agencies} == {
        "rural_diffuse", "isolated_residences", "urban_collective", "large_districts"}
    assert {"internal", "outsourced"} <= {a.site_management for a in existing.agencies}
    assert all(a.sites for a in existing.agencies)


def test_demo_agencies_cover_the_three_management_models_and_the_departures() -> None:
    report = validate(demo_project().scenarios[0])
    detected = {s.agency.id: s.detected_model for s in report.agencies}
    assert set(detected.values()) == {1, 2, 3}
    centre = next(s for s in report.agencies if s.agency.id == "centre")
    assert centre.headcount == 22 and centre.detected_model == 1 and centre.expected_models == (2,)
    rules = Counter(f.rule for f in report.findings)
    assert rules["management.model-mismatch"] == 1
    assert rules["site.sector-span"] == 1
    assert rules["site.gardiennage"] == 1
    assert not [f for f in report.findings if f.severity == "error"]
    conform = {s.agency.id for s in report.agencies} - {f.agency for f in report.findings}
    assert {"vallee", "est"} <= conform


def test_target_scenario_answers_the_departures() -> None:
    existing, target = (validate(s) for s in demo_project().scenarios)
    solved = {"management.model-mismatch", "structure.span", "site.sector-span", "site.gardiennage",
              "site.provider-unpiloted"}
    assert solved <= {f.rule for f in existing.findings}
    assert not solved & {f.rule for f in target.findings}


def test_demo_is_deterministic_and_well_formed() -> None:
    first, second = demo_project(), demo_project()
    assert first == second
    for scenario in first.scenarios:
        data = scenario_to_data(first.organisation, scenario)
        assert read_scenario_data(data).scenario == scenario
