"""interchange.md, "`validate --format json`", and the human text report.

Scripts read the JSON: its keys, nesting and types are a contract. Expected values are worked out
here from domain.md (§4 headcount and models, §6 perimeter models, §6b tenancy models, §10
parameters), not read back from the code under test.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from orgdesigner.io.report_output import report_to_data, report_to_json, report_to_text
from orgdesigner.io.scenario_json import read_scenario_data
from orgdesigner.model.entities import Scenario
from orgdesigner.rules.engine import Report, validate

SEVERITIES = ("error", "warning", "info")

# domain.md §10, in its order.
DEFAULTS = {
    "headcount_basis": "positions", "model1_below": 15, "model2_upto": 25, "model3_above": 30,
    "max_direct_reports": 12, "sector_manager_max_span": 12, "gardiennage_dwellings_per_fte": 100,
    "gardiennage_rounding": "floor",
}

TOP_KEYS = ["scenario", "parameters", "agencies", "findings"]
AGENCY_KEYS = ["id", "name", "headcount", "fte", "site_staff", "site_staff_fte", "providers", "management_model",
               "perimeter_model", "tenancy_models", "site_management", "skipped"]
FINDING_KEYS = ["rule", "severity", "agency", "positions", "message"]

MISSIONS = ("demand_allocation", "lease", "arrears_litigation", "social_support", "mediation", "site_upkeep",
            "planned_maintenance", "dsu")
MODEL_1 = dict(zip(MISSIONS, ("NR", "C", "NR", "NR", "P", "C", "NR", "NR"), strict=True))  # domain.md §6

DOCUMENT: dict[str, Any] = {
    "format": "orgdesigner-scenario",
    "version": 1,
    "organisation": {"name": "Habitat Exemple"},
    "scenario": {"name": "Cible « 2027 » & après"},
    "parameters": {"max_direct_reports": 10},
    "agencies": [
        {
            "id": "nord", "name": "Agence Nord", "territory": "urban_collective", "dwellings": 3200,
            "sites": [{"id": "tilleuls", "name": "Les Tilleuls", "dwellings": 240, "guarding_zone": True}],
            "site_management": "internal",
            "perimeter": MODEL_1,
            "presence": ["caretaker_lodges"],
            "reception": ["appointments"],
        },
        {"id": "sud", "name": "Agence Sud"},
        {
            "id": "est", "name": "Agence Est",
            # model 1 with demand_allocation and lease at P, keys given out of column order.
            "perimeter": {**dict(reversed(MODEL_1.items())), "lease": "P", "demand_allocation": "P"},
        },
    ],
    "positions": [
        {"id": "d1", "agency": None, "role": "other", "title": "Directrice de la proximité", "family": "management",
         "holder": "Claire Roy"},
        {"id": "h", "agency": "nord", "role": "agency_head", "holder": "Marie Dupont"},
        {"id": "c1", "agency": "nord", "role": "client_officer", "holder": "Jean Martin", "fte": 0.5},
        {"id": "c2", "agency": "nord", "role": "client_officer", "fte": 0.8},
        {"id": "sm", "agency": "nord", "role": "sector_manager", "holder": "Luc Petit"},
        {"id": "g1", "agency": "nord", "role": "caretaker", "holder": "Ana Silva", "site": "tilleuls"},
        {"id": "g2", "agency": "nord", "role": "building_worker", "site": "tilleuls", "fte": 0.5},
        {"id": "pr", "agency": "nord", "role": "provider", "title": "Nettoyage Plus"},
        {"id": "s1", "agency": "sud", "role": "client_officer", "holder": "Paul Durand"},
        {"id": "s2", "agency": "sud", "role": "receptionist", "title": "Accueil <Sud>"},
        {"id": "s3", "agency": "sud", "role": "assistant"},
        {"id": "e1", "agency": "est", "role": "agency_head", "holder": "Éloïse Bernard"},
    ],
    "links": [
        {"from": "d1", "to": "h"},
        {"from": "h", "to": "c1"},
        {"from": "h", "to": "c2"},
        {"from": "h", "to": "sm"},
        {"from": "sm", "to": "g1"},
        {"from": "sm", "to": "g2"},
        {"from": "h", "to": "pr", "type": "contract"},
    ],
}


def scenario(**parameters: object) -> Scenario:
    doc = copy.deepcopy(DOCUMENT)
    doc["parameters"].update(parameters)
    return read_scenario_data(doc).scenario


def data(report: Report, lang: str = "en") -> dict[str, Any]:
    """What a script gets: the JSON text, parsed."""
    return json.loads(report_to_json(report, lang))  # type: ignore[arg-type]


def agency(report_data: dict[str, Any], agency_id: str) -> dict[str, Any]:
    (found,) = [a for a in report_data["agencies"] if a["id"] == agency_id]
    return found


@pytest.fixture(scope="module")
def report() -> Report:
    return validate(scenario())


# Keys, nesting and types ------------------------------------------------------------------------------


def test_the_json_is_the_data_and_ends_with_a_newline(report: Report):
    text = report_to_json(report, "fr")
    assert text.endswith("\n")
    assert json.loads(text) == report_to_data(report, "fr")


def test_the_top_level_keys_are_those_of_interchange(report: Report):
    out = data(report)
    assert list(out) == TOP_KEYS
    assert out["scenario"] == "Cible « 2027 » & après"


def test_parameters_list_every_parameter_in_force_with_the_overrides(report: Report):
    assert data(report)["parameters"] == {**DEFAULTS, "max_direct_reports": 10}
    assert list(data(report)["parameters"]) == list(DEFAULTS)


def test_parameters_without_overrides_are_the_defaults():
    doc = copy.deepcopy(DOCUMENT)
    del doc["parameters"]
    assert data(validate(read_scenario_data(doc).scenario))["parameters"] == DEFAULTS


def test_every_agency_has_exactly_the_summary_keys_in_document_order(report: Report):
    out = data(report)
    assert [a["id"] for a in out["agencies"]] == ["nord", "sud", "est"]
    assert [a["name"] for a in out["agencies"]] == ["Agence Nord", "Agence Sud", "Agence Est"]
    for summary in out["agencies"]:
        assert list(summary) == AGENCY_KEYS
        assert list(summary["management_model"]) == ["expected", "detected"]
        if summary["perimeter_model"] is not None:
            assert list(summary["perimeter_model"]) == ["model", "distance", "differs"]
        assert isinstance(summary["tenancy_models"], list)
        assert isinstance(summary["skipped"], list)


def test_every_finding_has_exactly_the_finding_keys(report: Report):
    out = data(report)
    assert out["findings"], "the scenario is meant to produce findings"
    ids = {p["id"] for p in DOCUMENT["positions"]}
    for finding in out["findings"]:
        assert list(finding) == FINDING_KEYS
        assert finding["severity"] in SEVERITIES
        assert finding["agency"] in {None, "nord", "sud", "est"}
        assert isinstance(finding["positions"], list)
        assert set(finding["positions"]) <= ids
        assert isinstance(finding["message"], str) and finding["message"]
        assert re.fullmatch(r"[a-z]+\.[a-z0-9-]+", finding["rule"])


# Agency figures (domain.md §4) ----------------------------------------------------------------------------


def test_figures_on_the_positions_basis(report: Report):
    nord = agency(data(report), "nord")
    # Staff positions, vacant included, site staff and providers excluded: h, c1, c2, sm.
    assert nord["headcount"] == 4
    assert type(nord["headcount"]) is int
    assert nord["fte"] == pytest.approx(3.3)
    assert nord["site_staff"] == 2
    assert nord["site_staff_fte"] == pytest.approx(1.5)
    assert nord["providers"] == 1
    assert nord["site_management"] == "internal"
    sud = agency(data(report), "sud")
    assert (sud["headcount"], sud["site_staff"], sud["providers"]) == (3, 0, 0)
    assert sud["site_management"] is None


def test_headcount_is_the_fte_sum_with_headcount_basis_fte():
    out = data(validate(scenario(headcount_basis="fte")))
    assert out["parameters"]["headcount_basis"] == "fte"
    nord = agency(out, "nord")
    assert nord["headcount"] == pytest.approx(3.3)
    assert nord["fte"] == pytest.approx(3.3)
    assert agency(out, "sud")["headcount"] == pytest.approx(3.0)


def test_the_headcount_basis_decides_the_expected_model():
    # nord: 4 positions, 3.3 FTE. With model 1 below 4, positions give model 2 and FTE model 1.
    by_positions = agency(data(validate(scenario(model1_below=4))), "nord")
    by_fte = agency(data(validate(scenario(model1_below=4, headcount_basis="fte"))), "nord")
    assert by_positions["management_model"]["expected"] == [2]
    assert by_fte["management_model"]["expected"] == [1]


def test_management_model_expected_and_detected(report: Report):
    nord = agency(data(report), "nord")
    assert nord["management_model"] == {"expected": [1], "detected": 1}  # 4 < 15, no deputy


def test_expected_models_are_in_ascending_order_in_the_transition_band():
    # 4 positions, between model2_upto and model3_above: both 2 and 3.
    out = data(validate(scenario(model1_below=2, model2_upto=2, model3_above=5)))
    assert agency(out, "nord")["management_model"]["expected"] == [2, 3]


def test_detected_model_follows_the_deputies():
    doc = copy.deepcopy(DOCUMENT)
    doc["positions"] += [{"id": "dt", "agency": "nord", "role": "deputy_technical"}]
    assert agency(data(validate(read_scenario_data(doc).scenario)), "nord")["management_model"]["detected"] == 2
    doc["positions"] += [{"id": "dl", "agency": "nord", "role": "deputy_tenancy"},
                         {"id": "dg", "agency": "nord", "role": "deputy_general"}]
    assert agency(data(validate(read_scenario_data(doc).scenario)), "nord")["management_model"]["detected"] == 3


# Perimeter and tenancy models (domain.md §6, §6b) -------------------------------------------------------------


def test_an_exact_perimeter_model(report: Report):
    assert agency(data(report), "nord")["perimeter_model"] == {"model": 1, "distance": 0, "differs": []}


def test_the_nearest_perimeter_model_lists_the_differing_missions_in_column_order(report: Report):
    assert agency(data(report), "est")["perimeter_model"] == {
        "model": 1, "distance": 2, "differs": ["demand_allocation", "lease"],
    }


def test_no_perimeter_gives_null_and_no_tenancy_models(report: Report):
    sud = agency(data(report), "sud")
    assert sud["perimeter_model"] is None
    assert sud["tenancy_models"] == []


def test_tenancy_models_that_fit_are_listed_in_ascending_order(report: Report):
    # nord: only the lease in scope, client officers only: models 2 and 3 fit, not model 1
    # (which gives tenancy life to a tenant relations officer).
    assert agency(data(report), "nord")["tenancy_models"] == [2, 3]


def test_no_fitting_tenancy_model_gives_an_empty_list(report: Report):
    # est: a perimeter with tenancy activities in scope and no tenancy role at all.
    assert agency(data(report), "est")["tenancy_models"] == []


# Skipped rules (domain.md §9) ------------------------------------------------------------------------------------


def test_nothing_is_skipped_for_an_agency_that_gives_everything(report: Report):
    assert agency(data(report), "nord")["skipped"] == []


def test_rules_needing_missing_fields_are_skipped(report: Report):
    skipped = agency(data(report), "sud")["skipped"]
    assert set(skipped) >= {"perimeter.unstaffed-mission", "perimeter.role-outside-perimeter",
                            "tenancy.uncovered-activity", "tenancy.no-model", "territory.presence",
                            "territory.sector-manager", "site.gardiennage"}
    assert len(skipped) == len(set(skipped))
    fired = {f["rule"] for f in data(report)["findings"] if f["agency"] == "sud"}
    assert not fired & set(skipped)


def test_the_shape_check_is_skipped_without_exactly_one_head():
    doc = copy.deepcopy(DOCUMENT)
    doc["positions"].append({"id": "h2", "agency": "nord", "role": "agency_head"})
    nord = agency(data(validate(read_scenario_data(doc).scenario)), "nord")
    assert "management.m1-direct" in nord["skipped"]


# Findings ------------------------------------------------------------------------------------------------------------


def test_findings_are_sorted_by_agency_then_severity_then_rule_then_first_position(report: Report):
    findings = data(report)["findings"]
    rank = {None: -1, "nord": 0, "sud": 1, "est": 2}
    keys = [(rank[f["agency"]], SEVERITIES.index(f["severity"]), f["rule"]) for f in findings]
    if any(f["agency"] is None for f in findings):  # head office: a block of its own, first or last
        none_at = [i for i, f in enumerate(findings) if f["agency"] is None]
        if none_at[0] != 0:
            rank[None] = 99
            keys = [(rank[f["agency"]], SEVERITIES.index(f["severity"]), f["rule"]) for f in findings]
    assert keys == sorted(keys)
    for a, b, key_a, key_b in zip(findings, findings[1:], keys, keys[1:], strict=False):
        if key_a == key_b and a["positions"] and b["positions"]:
            assert a["positions"][0] <= b["positions"][0]


def test_a_missing_head_is_an_error_of_its_agency(report: Report):
    no_head = [f for f in data(report)["findings"] if f["rule"] == "structure.no-head"]
    assert [(f["agency"], f["severity"]) for f in no_head] == [("sud", "error")]


def test_messages_follow_the_language_asked(report: Report):
    fr, en = data(report, "fr"), data(report, "en")
    assert len(fr["findings"]) == len(en["findings"]) == len(report.findings)
    for finding, in_fr, in_en in zip(report.findings, fr["findings"], en["findings"], strict=True):
        assert in_fr["message"] == finding.message.fr
        assert in_en["message"] == finding.message.en
    assert any(a["message"] != b["message"] for a, b in zip(fr["findings"], en["findings"], strict=True))
    no_head = next(f for f in fr["findings"] if f["rule"] == "structure.no-head")
    assert "responsable d'agence" in no_head["message"].lower()


def test_only_messages_change_with_the_language(report: Report):
    """Codes, ids and figures are the same in both languages: scripts must not depend on the locale."""
    fr, en = data(report, "fr"), data(report, "en")
    for f in fr["findings"] + en["findings"]:
        f["message"] = ""
    assert fr == en


def test_the_json_keeps_accents_and_is_stable(report: Report):
    text = report_to_json(report, "fr")
    assert "Cible « 2027 » & après" in text
    assert report_to_json(validate(scenario()), "fr") == text


# The text report ----------------------------------------------------------------------------------------------------


def _text(report: Report, lang: str) -> str:
    return report_to_text(report, {p.id: p for p in scenario().positions}, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_text_names_the_scenario_agencies_and_parameters(report: Report, lang: str):
    text = _text(report, lang)
    assert "Cible « 2027 » & après" in text
    for name in ("Agence Nord", "Agence Sud", "Agence Est"):
        assert name in text
    for parameter in DEFAULTS:
        assert parameter in text
    assert "max_direct_reports=10" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_text_names_positions_by_holder_or_title(report: Report, lang: str):
    text = _text(report, lang)
    orphans = [f for f in report.findings if f.rule == "structure.orphan" and f.agency == "sud"]
    assert {p for f in orphans for p in f.positions} >= {"s1", "s2", "s3"}
    assert "Paul Durand" in text  # a holder
    assert "Accueil <Sud>" in text  # a vacant post's own title
    assert ("Assistant de gestion" if lang == "fr" else "Management assistant") in text  # the role's label


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_text_groups_findings_by_severity_with_their_rule_ids(report: Report, lang: str):
    text = _text(report, lang)
    shown = re.findall(r"\[([a-z]+\.[a-z0-9-]+)\]", text)
    assert len(shown) == len(report.findings)
    start = 0
    for severity in SEVERITIES:
        group = sorted(f.rule for f in report.findings if f.severity == severity)
        assert sorted(shown[start:start + len(group)]) == group, severity
        start += len(group)
    assert {f.severity for f in report.findings} == set(SEVERITIES), "the scenario should show all three"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_text_gives_each_message_in_the_language_asked(report: Report, lang: str):
    text = _text(report, lang)
    for finding in report.findings:
        assert finding.message.in_(lang) in text  # type: ignore[arg-type]
    other = "en" if lang == "fr" else "fr"
    assert not any(f.message.in_(other) in text for f in report.findings if f.message.fr != f.message.en)


def test_a_report_without_findings_says_so_and_lists_no_rule():
    doc = {"format": "orgdesigner-scenario", "version": 1, "organisation": {"name": "O"},
           "scenario": {"name": "Vide"}}
    empty = validate(read_scenario_data(doc).scenario)
    assert data(empty)["findings"] == [] and data(empty)["agencies"] == []
    for lang in ("fr", "en"):
        text = report_to_text(empty, {}, lang)  # type: ignore[arg-type]
        assert "Vide" in text
        assert not re.search(r"\[[a-z]+\.[a-z0-9-]+\]", text)
