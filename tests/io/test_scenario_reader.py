"""interchange.md, "The scenario document (format version 1)": what the reader accepts and refuses.

A document that breaks a rule is refused whole, with every problem named by its JSON path; a broken
structure that is well formed (a cycle, a missing head) reads fine, since the validator reports it.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest

from orgdesigner.io.scenario_json import (
    DocumentError,
    Problem,
    read_scenario_data,
    read_scenario_file,
    read_scenario_text,
    scenario_to_json,
)
from orgdesigner.model.entities import Link
from orgdesigner.rules.engine import validate

# The example of interchange.md, typed in as a user would have it.
EXAMPLE = """\
{
  "format": "orgdesigner-scenario",
  "version": 1,
  "organisation": {"name": "Habitat Exemple", "dwellings": 12000},
  "scenario": {"name": "Existant 2026", "description": "optional free text"},
  "parameters": {"max_direct_reports": 10},
  "agencies": [
    {
      "id": "nord",
      "name": "Agence Nord",
      "territory": "large_districts",
      "dwellings": 3200,
      "sites": [{"id": "tilleuls", "name": "Les Tilleuls", "dwellings": 240, "guarding_zone": true}],
      "site_management": "internal",
      "perimeter": {"demand_allocation": "C", "lease": "C", "arrears_litigation": "P",
                    "social_support": "P", "mediation": "P", "site_upkeep": "C",
                    "planned_maintenance": "NR", "dsu": "P"},
      "presence": ["antennas", "neighbourhood_agency"],
      "reception": ["appointments", "office_hours"]
    }
  ],
  "positions": [
    {"id": "p1", "agency": "nord", "role": "agency_head", "holder": "Marie Dupont", "fte": 1.0},
    {"id": "p2", "agency": "nord", "role": "caretaker", "site": "tilleuls", "fte": 1.0},
    {"id": "p3", "agency": null, "role": "other", "title": "Directeur de la proximité", "family": "management"},
    {"id": "p4", "agency": "nord", "role": "provider", "title": "Gardiennage", "site": "tilleuls", "guarding": true}
  ],
  "links": [
    {"from": "p1", "to": "p2", "type": "line"},
    {"from": "p3", "to": "p1", "type": "line"},
    {"from": "p1", "to": "p4", "type": "contract"}
  ]
}
"""


def example() -> dict[str, Any]:
    """A fresh copy of the example, to break in one place."""
    return copy.deepcopy(json.loads(EXAMPLE))


def two_agencies() -> dict[str, Any]:
    """The example plus an agency "sud" with its own site "tilleuls" and site "roses"."""
    doc = example()
    doc["agencies"].append({
        "id": "sud", "name": "Agence Sud",
        "sites": [{"id": "tilleuls", "name": "Les Tilleuls Sud", "dwellings": 80},
                  {"id": "roses", "name": "Les Roses", "dwellings": 120}],
    })
    return doc


def refused(doc: object) -> list[Problem]:
    """The problems of a refused document (given as data, or as JSON text)."""
    with pytest.raises(DocumentError) as caught:
        if isinstance(doc, str):
            read_scenario_text(doc, "test.json")
        else:
            read_scenario_data(doc, "test.json")
    problems = caught.value.problems
    assert problems, "a refused document must say why"
    assert all(p.what for p in problems)
    return problems


def problem_at(doc: object, path: str) -> Problem:
    """The document is refused with a problem at exactly `path`."""
    problems = refused(doc)
    found = [p for p in problems if p.where == path]
    assert found, f"no problem at {path!r}: {[str(p) for p in problems]}"
    return found[0]


# The example -------------------------------------------------------------------------------------


def test_the_example_document_reads():
    document = read_scenario_text(EXAMPLE, "example.json")
    assert document.organisation.name == "Habitat Exemple"
    assert document.organisation.dwellings == 12000
    scenario = document.scenario
    assert scenario.name == "Existant 2026"
    assert scenario.description == "optional free text"
    assert dict(scenario.parameters) == {"max_direct_reports": 10}

    (nord,) = scenario.agencies
    assert (nord.id, nord.name, nord.territory, nord.dwellings) == ("nord", "Agence Nord", "large_districts", 3200)
    (site,) = nord.sites
    assert (site.id, site.name, site.dwellings, site.guarding_zone) == ("tilleuls", "Les Tilleuls", 240, True)
    assert nord.site_management == "internal"
    assert dict(nord.perimeter) == {
        "demand_allocation": "C", "lease": "C", "arrears_litigation": "P", "social_support": "P",
        "mediation": "P", "site_upkeep": "C", "planned_maintenance": "NR", "dsu": "P",
    }
    assert nord.presence == ("antennas", "neighbourhood_agency")
    assert nord.reception == ("appointments", "office_hours")

    p1, p2, p3, p4 = scenario.positions
    assert (p1.id, p1.agency, p1.role, p1.holder, p1.fte) == ("p1", "nord", "agency_head", "Marie Dupont", 1.0)
    assert (p2.role, p2.site, p2.is_vacant) == ("caretaker", "tilleuls", True)
    assert p3.agency is None  # head office
    assert (p3.role, p3.title, p3.family, p3.fte) == ("other", "Directeur de la proximité", "management", 1.0)
    assert p3.family_code == "management"
    assert (p4.role, p4.title, p4.site, p4.guarding) == ("provider", "Gardiennage", "tilleuls", True)
    assert not p1.guarding and not p2.guarding

    assert scenario.links == (Link("p1", "p2", "line"), Link("p3", "p1", "line"), Link("p1", "p4", "contract"))


def test_a_file_reads_like_its_text(tmp_path: Path):
    path = tmp_path / "example.json"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert read_scenario_file(path) == read_scenario_text(EXAMPLE)


def test_utf8_with_a_byte_order_mark_reads(tmp_path: Path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.encode("utf-8"))
    assert read_scenario_file(path).scenario.positions[2].title == "Directeur de la proximité"


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path):
    path = tmp_path / "latin1.json"
    path.write_bytes(EXAMPLE.encode("latin-1"))
    with pytest.raises(DocumentError):
        read_scenario_file(path)


def test_a_missing_file_is_refused_with_a_problem(tmp_path: Path):
    with pytest.raises(DocumentError) as caught:
        read_scenario_file(tmp_path / "absent.json")
    assert caught.value.problems


def test_a_minimal_document_reads():
    document = read_scenario_data({"format": "orgdesigner-scenario", "version": 1,
                                   "organisation": {"name": "O"}, "scenario": {"name": "S"}})
    assert document.organisation.dwellings is None
    scenario = document.scenario
    assert (scenario.description, scenario.agencies, scenario.positions, scenario.links) == (None, (), (), ())
    assert dict(scenario.parameters) == {}


# Defaults and the meaning of absent values ----------------------------------------------------------


def test_an_empty_holder_means_vacant():
    doc = example()
    doc["positions"][0]["holder"] = ""
    p1 = read_scenario_data(doc).scenario.positions[0]
    assert p1.is_vacant
    assert p1.holder is None


def test_an_absent_link_type_means_line():
    doc = example()
    del doc["links"][0]["type"]
    assert read_scenario_data(doc).scenario.links[0] == Link("p1", "p2", "line")


def test_fte_defaults_to_one_and_guarding_and_guarding_zone_to_false():
    doc = example()
    del doc["positions"][0]["fte"]
    del doc["positions"][3]["guarding"]
    del doc["agencies"][0]["sites"][0]["guarding_zone"]
    scenario = read_scenario_data(doc).scenario
    assert scenario.positions[0].fte == 1.0
    assert scenario.positions[3].guarding is False
    assert scenario.agencies[0].sites[0].guarding_zone is False


def test_an_absent_title_shows_the_role_label():
    scenario = read_scenario_data(example()).scenario
    p2 = scenario.positions[1]
    assert p2.title is None
    assert p2.display_title("fr") == "Gardien"  # domain.md §2
    assert p2.display_title("en") == "Caretaker"


def test_an_absent_agency_means_head_office():
    doc = example()
    del doc["positions"][2]["agency"]
    assert read_scenario_data(doc).scenario.positions[2].agency is None


def test_absent_agency_fields_stay_absent_and_empty_lists_stay_empty():
    """None (not given: the rules that need it are skipped) and [] (given, empty) are kept apart."""
    doc = example()
    doc["agencies"] = [
        {"id": "a", "name": "A"},
        {"id": "b", "name": "B", "sites": [], "presence": [], "reception": []},
    ]
    doc["positions"] = []
    doc["links"] = []
    a, b = read_scenario_data(doc).scenario.agencies
    assert (a.territory, a.dwellings, a.sites, a.site_management, a.perimeter, a.presence, a.reception) == (
        None, None, None, None, None, None, None)
    assert (b.sites, b.presence, b.reception) == ((), (), ())


def test_the_same_site_id_in_two_agencies_is_fine():
    doc = two_agencies()
    doc["positions"].append({"id": "p5", "agency": "sud", "role": "caretaker", "site": "tilleuls"})
    scenario = read_scenario_data(doc).scenario
    assert [p.site for p in scenario.positions if p.agency == "sud"] == ["tilleuls"]


def test_valid_parameter_overrides_read():
    doc = example()
    doc["parameters"] = {"headcount_basis": "fte", "gardiennage_rounding": "ceil", "model1_below": 10,
                         "model2_upto": 20, "model3_above": 40, "sector_manager_max_span": 8,
                         "gardiennage_dwellings_per_fte": 80}
    assert dict(read_scenario_data(doc).scenario.parameters) == doc["parameters"]


# Layout ----------------------------------------------------------------------------------------------


def test_layout_is_accepted_and_entries_for_unknown_ids_are_ignored():
    doc = example()
    doc["layout"] = {"p1": [10, 20.5], "p4": [-3.25, 0], "ghost": [1, 2]}
    layout = read_scenario_data(doc).scenario.layout
    assert dict(layout) == {"p1": (10.0, 20.5), "p4": (-3.25, 0.0)}


@pytest.mark.parametrize("xy", [[1], [1, 2, 3], ["1", 2], [True, 2], [None, 2], "1,2", {"x": 1, "y": 2}, 5])
def test_malformed_layout_coordinates_are_refused(xy: object):
    doc = example()
    doc["layout"] = {"p1": xy}
    problem_at(doc, "layout.p1")


def test_a_layout_that_is_not_an_object_is_refused():
    doc = example()
    doc["layout"] = [[1, 2]]
    problem_at(doc, "layout")


def test_infinite_layout_coordinates_are_refused():
    text = EXAMPLE.replace('"links": [', '"layout": {"p1": [1e999, 0]},\n  "links": [')
    refused(text)


# Unknown keys -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locate", "path"),
    [
        (lambda d: d, "colour"),
        (lambda d: d["organisation"], "organisation.colour"),
        (lambda d: d["scenario"], "scenario.colour"),
        (lambda d: d["agencies"][0], "agencies[0].colour"),
        (lambda d: d["agencies"][0]["sites"][0], "agencies[0].sites[0].colour"),
        (lambda d: d["agencies"][0]["perimeter"], "agencies[0].perimeter.colour"),
        (lambda d: d["positions"][3], "positions[3].colour"),
        (lambda d: d["links"][1], "links[1].colour"),
        (lambda d: d["parameters"], "parameters.colour"),
    ],
)
def test_an_unknown_key_is_refused_at_its_path(locate, path: str):
    doc = example()
    locate(doc)["colour"] = "bleu"
    problem_at(doc, path)


def test_a_misspelt_key_is_refused():
    doc = example()
    doc["positions"][1]["holdr"] = doc["positions"][1].pop("fte")
    problem_at(doc, "positions[1].holdr")


# Unknown codes ------------------------------------------------------------------------------------------


def _set(path: tuple[object, ...], value: object):
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return change


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (_set(("positions", 1, "role"), "gardien"), "positions[1].role"),
        (_set(("positions", 2, "family"), "finance"), "positions[2].family"),
        (_set(("agencies", 0, "territory"), "urban"), "agencies[0].territory"),
        (_set(("agencies", 0, "site_management"), "régie"), "agencies[0].site_management"),
        (_set(("agencies", 0, "perimeter", "lease"), "X"), "agencies[0].perimeter.lease"),
        (_set(("agencies", 0, "perimeter", "lease"), "c"), "agencies[0].perimeter.lease"),
        (_set(("agencies", 0, "presence", 1), "castle"), "agencies[0].presence[1]"),
        (_set(("agencies", 0, "reception", 0), "phone"), "agencies[0].reception[0]"),
        (_set(("links", 2, "type"), "solid"), "links[2].type"),
    ],
)
def test_an_unknown_code_is_refused_at_its_path(change, path: str):
    doc = example()
    change(doc)
    problem_at(doc, path)


def test_an_unknown_mission_in_a_perimeter_is_refused():
    doc = example()
    doc["agencies"][0]["perimeter"]["finance"] = "C"
    problem_at(doc, "agencies[0].perimeter.finance")


def test_a_perimeter_missing_a_mission_is_refused():
    doc = example()
    del doc["agencies"][0]["perimeter"]["dsu"]
    problem_at(doc, "agencies[0].perimeter.dsu")


# Ids and references ---------------------------------------------------------------------------------------


def test_duplicate_agency_ids_are_refused():
    doc = two_agencies()
    doc["agencies"][1]["id"] = "nord"
    problem_at(doc, "agencies[1].id")


def test_duplicate_position_ids_are_refused():
    doc = example()
    doc["positions"][3]["id"] = "p1"
    problem_at(doc, "positions[3].id")


def test_duplicate_site_ids_within_an_agency_are_refused():
    doc = example()
    doc["agencies"][0]["sites"].append({"id": "tilleuls", "name": "Autres Tilleuls", "dwellings": 10})
    problem_at(doc, "agencies[0].sites[1].id")


def test_a_position_of_an_unknown_agency_is_refused():
    doc = example()
    doc["positions"][1]["agency"] = "sud"
    problem_at(doc, "positions[1].agency")


@pytest.mark.parametrize("end", ["from", "to"])
def test_a_link_to_an_unknown_position_is_refused(end: str):
    doc = example()
    doc["links"][1][end] = "p9"
    problem_at(doc, f"links[1].{end}")


def test_a_site_of_another_agency_is_refused():
    doc = two_agencies()
    doc["positions"][1]["site"] = "roses"  # a site of "sud", on a position of "nord"
    problem_at(doc, "positions[1].site")


def test_an_unknown_site_is_refused():
    doc = example()
    doc["positions"][1]["site"] = "acacias"
    problem_at(doc, "positions[1].site")


def test_a_site_on_a_head_office_position_is_refused():
    doc = example()
    doc["positions"][2]["site"] = "tilleuls"
    problem_at(doc, "positions[2].site")


def test_a_link_to_itself_is_refused():
    doc = example()
    doc["links"][1]["to"] = "p3"
    problems = refused(doc)
    assert [p for p in problems if p.where in ("links[1]", "links[1].from", "links[1].to")], problems


# Values ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fte", [0, 0.0, 1.5, -0.5, "1", True, [1]])
def test_an_fte_outside_0_1_or_not_a_number_is_refused(fte: object):
    doc = example()
    doc["positions"][3]["fte"] = fte
    problem_at(doc, "positions[3].fte")


def test_a_null_fte_is_absent_and_defaults_to_full_time():
    doc = example()
    doc["positions"][3]["fte"] = None
    assert read_scenario_data(doc).scenario.positions[3].fte == 1.0


def test_the_fte_message_names_the_value_and_the_interval():
    doc = example()
    doc["positions"][3]["fte"] = 1.5
    assert "1.5 is not in (0, 1]" in problem_at(doc, "positions[3].fte").what
    assert "positions[3].fte: 1.5 is not in (0, 1]" in [str(p) for p in refused(doc)]


@pytest.mark.parametrize("fte", [1, 1.0, 0.5, 1e-9])
def test_an_fte_in_0_1_reads(fte: float):
    doc = example()
    doc["positions"][3]["fte"] = fte
    assert read_scenario_data(doc).scenario.positions[3].fte == fte


def test_other_without_title_is_refused():
    doc = example()
    del doc["positions"][2]["title"]
    problem_at(doc, "positions[2].title")


def test_other_with_a_blank_title_is_refused():
    doc = example()
    doc["positions"][2]["title"] = "  "
    problem_at(doc, "positions[2].title")


def test_other_without_family_is_refused():
    doc = example()
    del doc["positions"][2]["family"]
    problem_at(doc, "positions[2].family")


def test_a_family_on_a_role_other_than_other_is_refused():
    doc = example()
    doc["positions"][0]["family"] = "management"
    problem_at(doc, "positions[0].family")


def test_guarding_on_a_non_provider_is_refused():
    doc = example()
    doc["positions"][1]["guarding"] = True
    problem_at(doc, "positions[1].guarding")


@pytest.mark.parametrize("guarding", [False, None])
def test_guarding_left_off_on_a_non_provider_is_harmless(guarding: object):
    doc = example()
    doc["positions"][1]["guarding"] = guarding
    assert read_scenario_data(doc).scenario.positions[1].guarding is False


def test_guarding_that_is_not_a_boolean_is_refused():
    doc = example()
    doc["positions"][3]["guarding"] = "yes"
    problem_at(doc, "positions[3].guarding")


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (_set(("agencies", 0, "sites", 0, "dwellings"), -1), "agencies[0].sites[0].dwellings"),
        (_set(("agencies", 0, "sites", 0, "dwellings"), "240"), "agencies[0].sites[0].dwellings"),
        (_set(("agencies", 0, "sites", 0, "dwellings"), 2.5), "agencies[0].sites[0].dwellings"),
        (_set(("agencies", 0, "sites", 0, "guarding_zone"), "oui"), "agencies[0].sites[0].guarding_zone"),
        (_set(("agencies", 0, "dwellings"), True), "agencies[0].dwellings"),
        (_set(("organisation", "dwellings"), -5), "organisation.dwellings"),
        (_set(("agencies", 0, "presence"), "antennas"), "agencies[0].presence"),
        (_set(("agencies", 0, "sites"), {"id": "x"}), "agencies[0].sites"),
    ],
)
def test_a_bad_value_is_refused_at_its_path(change, path: str):
    doc = example()
    change(doc)
    problem_at(doc, path)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["organisation"].pop("name"), "organisation.name"),
        (_set(("organisation", "name"), ""), "organisation.name"),
        (lambda d: d["scenario"].pop("name"), "scenario.name"),
        (_set(("scenario", "name"), " "), "scenario.name"),
        (lambda d: d["agencies"][0].pop("id"), "agencies[0].id"),
        (lambda d: d["agencies"][0].pop("name"), "agencies[0].name"),
        (lambda d: d["agencies"][0]["sites"][0].pop("id"), "agencies[0].sites[0].id"),
        (lambda d: d["agencies"][0]["sites"][0].pop("name"), "agencies[0].sites[0].name"),
        (lambda d: d["agencies"][0]["sites"][0].pop("dwellings"), "agencies[0].sites[0].dwellings"),
        (lambda d: d["positions"][1].pop("id"), "positions[1].id"),
        (lambda d: d["positions"][1].pop("role"), "positions[1].role"),
        (lambda d: d["links"][0].pop("from"), "links[0].from"),
        (lambda d: d["links"][0].pop("to"), "links[0].to"),
    ],
)
def test_a_missing_required_field_is_refused_at_its_path(change, path: str):
    doc = example()
    change(doc)
    problem_at(doc, path)


@pytest.mark.parametrize("section", ["organisation", "scenario"])
def test_a_missing_required_section_is_refused(section: str):
    doc = example()
    del doc[section]
    problem_at(doc, section)


@pytest.mark.parametrize("section", ["agencies", "positions", "links"])
def test_a_list_section_that_is_not_a_list_is_refused(section: str):
    doc = example()
    doc[section] = {"0": doc[section][0]}
    problem_at(doc, section)


# Format and version ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["orgdesigner-project", "OrgDesigner-Scenario", "", None, 1])
def test_a_wrong_format_string_is_refused(value: object):
    doc = example()
    doc["format"] = value
    problem_at(doc, "format")


def test_a_missing_format_is_refused():
    doc = example()
    del doc["format"]
    problem_at(doc, "format")


def test_a_newer_version_is_refused_saying_it_is_newer():
    doc = example()
    doc["version"] = 2
    assert "newer" in problem_at(doc, "version").what


@pytest.mark.parametrize("value", [0, "1", None, True, 1.5])
def test_an_unknown_version_is_refused(value: object):
    doc = example()
    doc["version"] = value
    problem_at(doc, "version")


def test_a_missing_version_is_refused():
    doc = example()
    del doc["version"]
    problem_at(doc, "version")


# Not a scenario document at all --------------------------------------------------------------------------------


def test_text_that_is_not_json_is_refused_with_line_and_column():
    text = '{\n  "format": "orgdesigner-scenario",\n  "version": 1,,\n  "organisation": {}\n}\n'
    (problem,) = refused(text)
    assert "line 3" in problem.where
    assert "column 16" in problem.where


def test_a_truncated_document_is_refused_with_its_line():
    text = EXAMPLE[: EXAMPLE.index('"links"')]
    (problem,) = refused(text)
    assert "line" in problem.where and "column" in problem.where


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str):
    text = EXAMPLE.replace('"fte": 1.0}', f'"fte": {constant}}}', 1)
    assert constant in text
    refused(text)


@pytest.mark.parametrize("text", ["[]", "[" + EXAMPLE + "]", '"orgdesigner-scenario"', "1", "null", "true"])
def test_a_document_that_is_not_an_object_is_refused(text: str):
    refused(text)


@pytest.mark.parametrize("text", ["", "   \n", "\ufeff"])
def test_an_empty_text_is_refused(text: str):
    refused(text)


def test_an_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(DocumentError) as caught:
        read_scenario_file(path)
    assert caught.value.problems


# Parameters ----------------------------------------------------------------------------------------------------


def test_an_unknown_parameter_name_is_refused():
    doc = example()
    doc["parameters"] = {"max_direct_report": 10}
    problem_at(doc, "parameters.max_direct_report")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("headcount_basis", "heads"),
        ("headcount_basis", None),
        ("gardiennage_rounding", "round"),
        ("gardiennage_rounding", True),
        ("model1_below", "15"),
        ("model1_below", -1),
        ("model1_below", 14.5),
        ("max_direct_reports", True),
        ("max_direct_reports", -3),
        ("sector_manager_max_span", [12]),
        ("gardiennage_dwellings_per_fte", 0),
        ("gardiennage_dwellings_per_fte", -100),
    ],
)
def test_a_bad_parameter_value_is_refused(name: str, value: object):
    doc = example()
    doc["parameters"] = {name: value}
    problem_at(doc, f"parameters.{name}")


@pytest.mark.parametrize(
    "overrides",
    [
        {"model1_below": 40},  # above the default model2_upto + 1
        {"model2_upto": 35},  # above the default model3_above
        {"model1_below": 10, "model2_upto": 20, "model3_above": 15},
    ],
)
def test_thresholds_that_do_not_rise_are_refused(overrides: dict[str, int]):
    doc = example()
    doc["parameters"] = overrides
    problems = refused(doc)
    assert all(p.where.startswith("parameters") for p in problems), problems


@pytest.mark.parametrize(
    "overrides",
    [
        {"model1_below": 26},  # model1_below = model2_upto + 1: model 1 then model 2 never expected
        {"model2_upto": 30},
        {"model1_below": 0, "model2_upto": 0, "model3_above": 0},
    ],
)
def test_thresholds_at_the_limits_read(overrides: dict[str, int]):
    doc = example()
    doc["parameters"] = overrides
    assert dict(read_scenario_data(doc).scenario.parameters) == overrides


def test_parameters_that_are_not_an_object_are_refused():
    doc = example()
    doc["parameters"] = [["max_direct_reports", 10]]
    problem_at(doc, "parameters")


# Several problems at once ----------------------------------------------------------------------------------------


def test_a_document_with_several_problems_lists_them_all():
    doc = two_agencies()
    doc["colour"] = "bleu"
    doc["version"] = 0
    doc["agencies"][0]["territory"] = "urban"
    doc["agencies"][1]["id"] = "nord"
    doc["positions"][0]["role"] = "boss"
    doc["positions"][1]["fte"] = 1.5
    doc["positions"][2]["site"] = "tilleuls"
    doc["positions"][3]["id"] = "p2"
    doc["links"][0]["to"] = "p9"
    doc["links"][2]["type"] = "solid"
    doc["parameters"] = {"headcount_basis": "heads"}
    problems = refused(doc)
    paths = {p.where for p in problems}
    assert paths >= {
        "colour", "version", "agencies[0].territory", "agencies[1].id", "positions[0].role",
        "positions[1].fte", "positions[2].site", "positions[3].id", "links[0].to", "links[2].type",
        "parameters.headcount_basis",
    }, problems


def test_problems_in_the_header_and_the_body_are_all_listed():
    doc = example()
    del doc["organisation"]
    del doc["scenario"]["name"]
    doc["positions"][3]["fte"] = 0
    paths = {p.where for p in refused(doc)}
    assert paths >= {"organisation", "scenario.name", "positions[3].fte"}


def test_the_error_message_names_the_source_and_every_problem():
    doc = example()
    doc["positions"][3]["fte"] = 1.5
    doc["links"][0]["type"] = "solid"
    with pytest.raises(DocumentError) as caught:
        read_scenario_data(doc, "mon-fichier.json")
    message = str(caught.value)
    assert "mon-fichier.json" in message
    assert "positions[3].fte" in message and "links[0].type" in message


# Broken structures that are well formed load fine ------------------------------------------------------------------


def _fired(scenario, rule: str) -> bool:
    return any(f.rule == rule for f in validate(scenario).findings)


def test_a_cycle_of_line_links_reads_and_is_left_to_the_validator():
    doc = example()
    doc["links"].append({"from": "p2", "to": "p3", "type": "line"})  # p3 → p1 → p2 → p3
    scenario = read_scenario_data(doc).scenario
    assert len(scenario.links) == 4
    assert _fired(scenario, "structure.cycle")


def test_an_agency_with_no_head_reads_and_is_left_to_the_validator():
    doc = example()
    doc["positions"][0]["role"] = "client_officer"
    scenario = read_scenario_data(doc).scenario
    assert _fired(scenario, "structure.no-head")


def test_other_broken_structures_read():
    """Several heads, several managers, a provider managing people, a line across two agencies,
    a dotted line where a contract is expected: all well formed."""
    doc = two_agencies()
    doc["positions"] += [
        {"id": "h2", "agency": "nord", "role": "agency_head"},
        {"id": "s1", "agency": "sud", "role": "client_officer"},
    ]
    doc["links"] += [
        {"from": "h2", "to": "p2"},
        {"from": "p4", "to": "h2", "type": "line"},
        {"from": "p1", "to": "s1", "type": "line"},
        {"from": "p3", "to": "p4", "type": "dotted"},
        {"from": "p2", "to": "p1", "type": "dotted"},
    ]
    scenario = read_scenario_data(doc).scenario
    assert len(scenario.links) == 8
    for rule in ("structure.multiple-heads", "structure.multiple-managers", "structure.provider-link",
                 "structure.cross-agency"):
        assert _fired(scenario, rule), rule


def test_links_of_different_types_between_the_same_positions_read():
    doc = example()
    doc["links"].append({"from": "p1", "to": "p2", "type": "dotted"})
    assert len(read_scenario_data(doc).scenario.links) == 4


def test_negative_zero_coordinates_read_and_write_as_zero():
    """SQLite drops the sign of -0.0; one spelling keeps JSON → project → JSON byte-exact."""
    doc = example()
    doc["layout"] = {"p1": [-0.0, 5]}
    document = read_scenario_data(doc)
    assert math.copysign(1, document.scenario.layout["p1"][0]) == 1
    assert '"layout": {\n    "p1": [\n      0.0,' in scenario_to_json(document.organisation, document.scenario)
