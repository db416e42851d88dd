"""Properties over generated scenarios (tests/strategies.py): what must hold for any well-formed document,
however broken its structure.

- the scenario JSON of interchange.md round-trips exactly (values, and text);
- the validator never raises, and prints the same bytes for the same scenario;
- the validate JSON has the shape interchange.md gives, and its findings are in its order;
- a project file keeps a scenario exactly (JSON → project file → JSON).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.io.report_output import report_to_data, report_to_json, report_to_text
from orgdesigner.io.scenario_json import read_scenario_text, scenario_to_data, scenario_to_json
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.rules.engine import validate
from orgdesigner.rules.findings import Finding
from orgdesigner.storage import load_project, save_project
from strategies import DEFAULT_PARAMETERS, MISSION_CODES, documents, scenarios

SEVERITIES = ("error", "warning", "info")
AGENCY_KEYS = ["id", "name", "headcount", "fte", "site_staff", "site_staff_fte", "providers", "management_model",
               "perimeter_model", "tenancy_models", "site_management", "skipped"]

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _positions(scenario: Scenario) -> dict[str, Any]:
    return {p.id: p for p in scenario.positions}


# The scenario document round-trips --------------------------------------------------------------------------


@PROPERTY
@given(documents())
def test_writing_then_reading_gives_the_same_scenario(document: tuple[Organisation, Scenario]):
    organisation, scenario = document
    text = scenario_to_json(organisation, scenario)
    read = read_scenario_text(text, "generated.json")
    assert read.organisation == organisation
    assert read.scenario == scenario
    # scenario_to_data is what json.loads gives of the text: a script may use either.
    assert scenario_to_data(organisation, scenario) == json.loads(text)


@PROPERTY
@given(documents())
def test_reading_then_writing_gives_the_same_text(document: tuple[Organisation, Scenario]):
    text = scenario_to_json(*document)
    read = read_scenario_text(text)
    assert scenario_to_json(read.organisation, read.scenario) == text


# The validator --------------------------------------------------------------------------------------------------


@PROPERTY
@given(scenarios())
def test_validate_never_raises_and_its_outputs_are_stable(scenario: Scenario):
    first, second = validate(scenario), validate(scenario)
    positions = _positions(scenario)
    for lang in ("fr", "en"):
        assert report_to_json(first, lang) == report_to_json(second, lang)
        assert report_to_text(first, positions, lang) == report_to_text(second, positions, lang)
    # Only the messages depend on the language: codes, ids and figures are the same for every script.
    fr, en = report_to_data(first, "fr"), report_to_data(first, "en")
    for finding in fr["findings"] + en["findings"]:
        finding["message"] = ""
    assert fr == en


def assert_sorted_as_interchange_says(findings: list[Finding] | tuple[Finding, ...], agency_ids: list[str]) -> None:
    """Agency order, then severity (error, warning, info), then rule id, then first position id.
    Head office (agency None) is not placed by interchange.md: it may come first or last, as one block."""
    rank: dict[str | None, int] = {a: i for i, a in enumerate(agency_ids)}
    head_office = [i for i, f in enumerate(findings) if f.agency is None]
    rank[None] = -1 if not head_office or head_office[0] == 0 else len(agency_ids)
    keys = [(rank[f.agency], SEVERITIES.index(f.severity), f.rule) for f in findings]
    assert keys == sorted(keys), [(f.agency, f.severity, f.rule) for f in findings]
    for i, a in enumerate(findings):
        for j in range(i + 1, len(findings)):
            b = findings[j]
            if keys[i] == keys[j] and a.positions and b.positions:
                assert a.positions[0] <= b.positions[0], (a, b)


@PROPERTY
@given(scenarios())
def test_findings_are_sorted_as_interchange_says(scenario: Scenario):
    report = validate(scenario)
    assert_sorted_as_interchange_says(report.findings, [a.id for a in scenario.agencies])
    # and the JSON keeps that order
    assert [(f["rule"], f["agency"]) for f in report_to_data(report, "en")["findings"]] == [
        (f.rule, f.agency) for f in report.findings
    ]


@PROPERTY
@given(scenarios())
def test_the_validate_json_has_the_shape_of_interchange(scenario: Scenario):
    report = validate(scenario)
    out = json.loads(report_to_json(report, "fr"))
    assert list(out) == ["scenario", "parameters", "agencies", "findings"]
    assert out["scenario"] == scenario.name
    assert out["parameters"] == {**DEFAULT_PARAMETERS, **scenario.parameters}
    assert [a["id"] for a in out["agencies"]] == [a.id for a in scenario.agencies]
    ids = {p.id for p in scenario.positions}
    for agency, summary in zip(scenario.agencies, out["agencies"], strict=True):
        assert list(summary) == AGENCY_KEYS
        assert summary["name"] == agency.name
        assert summary["site_management"] == agency.site_management
        mine = [p for p in scenario.positions if p.agency == agency.id]
        counted = [p for p in mine if p.role not in ("provider", "caretaker", "building_worker")]
        if out["parameters"]["headcount_basis"] == "positions":
            assert summary["headcount"] == len(counted) and type(summary["headcount"]) is int
        else:
            assert summary["headcount"] == pytest.approx(sum(p.fte for p in counted), abs=1e-3)
        assert summary["fte"] == pytest.approx(sum(p.fte for p in counted), abs=1e-3)
        assert summary["site_staff"] == sum(p.role in ("caretaker", "building_worker") for p in mine)
        assert summary["providers"] == sum(p.role == "provider" for p in mine)
        expected = summary["management_model"]["expected"]
        assert expected == sorted(set(expected)) and set(expected) <= {1, 2, 3} and expected
        assert summary["management_model"]["detected"] in (1, 2, 3)
        if agency.perimeter is None:
            assert summary["perimeter_model"] is None
            assert summary["tenancy_models"] == []
        else:
            match = summary["perimeter_model"]
            assert list(match) == ["model", "distance", "differs"]
            assert match["model"] in range(1, 7)
            assert (match["distance"] == 0) == (match["differs"] == [])
            assert match["differs"] == [m for m in MISSION_CODES if m in match["differs"]]
            assert summary["tenancy_models"] == sorted(set(summary["tenancy_models"]))
            assert set(summary["tenancy_models"]) <= {1, 2, 3}
        assert len(summary["skipped"]) == len(set(summary["skipped"]))
        fired_here = {f["rule"] for f in out["findings"] if f["agency"] == agency.id}
        assert not fired_here & set(summary["skipped"])
    for finding in out["findings"]:
        assert list(finding) == ["rule", "severity", "agency", "positions", "message"]
        assert finding["severity"] in SEVERITIES
        assert finding["agency"] is None or finding["agency"] in {a.id for a in scenario.agencies}
        assert set(finding["positions"]) <= ids
        assert finding["message"]


# Same bytes in another process (string hashing, hence set order, changes between processes) --------------------

_REPORTS = """
import json, sys
from orgdesigner.io.report_output import report_to_json, report_to_text
from orgdesigner.io.scenario_json import read_scenario_data
from orgdesigner.rules.engine import validate
for data in json.load(sys.stdin):
    scenario = read_scenario_data(data).scenario
    report = validate(scenario)
    positions = {p.id: p for p in scenario.positions}
    for lang in ("fr", "en"):
        sys.stdout.write(report_to_json(report, lang))
        sys.stdout.write(report_to_text(report, positions, lang))
"""


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(documents(), min_size=1, max_size=6))
def test_the_reports_are_the_same_bytes_in_another_process(batch: list[tuple[Organisation, Scenario]]):
    payload = json.dumps([scenario_to_data(*document) for document in batch], ensure_ascii=False)
    outputs = set()
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
        result = subprocess.run([sys.executable, "-c", _REPORTS], input=payload.encode("utf-8"),
                                capture_output=True, env=env, check=False)
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        outputs.add(result.stdout)
    assert len(outputs) == 1


# The project file keeps a scenario exactly ---------------------------------------------------------------------

@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_json_to_project_file_to_json_is_the_identity(document: tuple[Organisation, Scenario]):
    organisation, scenario = document
    text = scenario_to_json(organisation, scenario)
    read = read_scenario_text(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projet.orgdesigner"
        save_project(path, Project(read.organisation, (read.scenario,)))
        loaded = load_project(path)
    assert loaded.organisation == organisation
    (again,) = loaded.scenarios
    assert again == scenario
    assert scenario_to_json(loaded.organisation, again) == text
