"""The reader takes a short cut for the common valid value (plain ASCII text, an exact int or float, an
object with only known keys, two finite float coordinates) and the full checks for anything else. These
are the values either side of each short cut: what they read as, and the exact problem when refused."""

from __future__ import annotations

import copy
import json
import math
from types import MappingProxyType
from typing import Any

import pytest

from orgdesigner.io.scenario_json import (
    DocumentError,
    read_scenario_data,
    read_scenario_text,
    scenario_to_data,
)
from orgdesigner.model.entities import Organisation, Position, Scenario

DOCUMENT = {
    "format": "orgdesigner-scenario",
    "version": 1,
    "organisation": {"name": "Habitat", "dwellings": 1200},
    "scenario": {"name": "Existant"},
    "agencies": [
        {"id": "nord", "name": "Nord", "dwellings": 300,
         "sites": [{"id": "tilleuls", "name": "Les Tilleuls", "dwellings": 40}]},
        {"id": "sud", "name": "Sud", "sites": [{"id": "roses", "name": "Les Roses", "dwellings": 60}]},
    ],
    "positions": [
        {"id": "p1", "agency": "nord", "role": "agency_head", "holder": "Marie Dupont", "fte": 1.0},
        {"id": "p2", "agency": "nord", "role": "caretaker", "site": "tilleuls", "fte": 0.5},
    ],
    "links": [{"from": "p1", "to": "p2", "type": "line"}],
    "layout": {"p1": [10.0, 20.5], "p2": [-3.25, 0.0]},
}


def document() -> dict[str, Any]:
    return copy.deepcopy(DOCUMENT)


def problems(doc: object) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        read_scenario_data(doc)
    return [str(p) for p in caught.value.problems]


def test_the_common_case_reads_as_given() -> None:
    scenario = read_scenario_data(document()).scenario
    assert [p.id for p in scenario.positions] == ["p1", "p2"]
    assert scenario.positions[1].site == "tilleuls" and scenario.positions[1].fte == 0.5
    assert dict(scenario.layout) == {"p1": (10.0, 20.5), "p2": (-3.25, 0.0)}


@pytest.mark.parametrize("text", ["Hélène Müller", "Zoë", "李", "a\u00a0b"])
def test_text_beyond_ascii_reads(text: str) -> None:
    doc = document()
    doc["positions"][0]["holder"] = text
    doc["positions"][0]["id"] = text
    doc["links"][0]["from"] = text
    scenario = read_scenario_data(doc).scenario
    assert scenario.positions[0].holder == text and scenario.links[0].source == text


@pytest.mark.parametrize("text", ["\ud800", "Hélène\udfff", "x\ud83d"])
def test_a_lone_surrogate_is_refused_beyond_ascii_or_not(text: str) -> None:
    doc = document()
    doc["positions"][0]["holder"] = text
    assert problems(doc) == ["positions[0].holder: holds a broken character (a lone UTF-16 surrogate)"]


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u00a0", "\u2003 "])
def test_a_blank_id_is_refused_whether_ascii_or_not(blank: str) -> None:
    doc = document()
    doc["positions"][1]["id"] = blank
    assert "positions[1].id: must not be empty" in problems(doc)


@pytest.mark.parametrize("blank", ["", " ", "\u00a0"])
def test_blank_optional_text_reads_as_absent(blank: str) -> None:
    doc = document()
    doc["positions"][0]["holder"] = blank
    doc["positions"][0]["notes"] = blank
    position = read_scenario_data(doc).scenario.positions[0]
    assert (position.holder, position.notes) == ((blank or None), (blank or None))


@pytest.mark.parametrize(("value", "found"), [(7, "a number"), (True, "true"), ([], "a list"), ({}, "an object")])
def test_text_of_the_wrong_kind_is_refused(value: object, found: str) -> None:
    doc = document()
    doc["positions"][0]["title"] = value
    assert problems(doc) == [f"positions[0].title: expected text, found {found}"]


@pytest.mark.parametrize(("dwellings", "read_as"), [(0, 0), (10**9, 10**9), (3.0, 3), (1e9, 10**9)])
def test_whole_numbers_in_range_read(dwellings: object, read_as: int) -> None:
    doc = document()
    doc["organisation"]["dwellings"] = dwellings
    organisation = read_scenario_data(doc).organisation
    assert organisation.dwellings == read_as and type(organisation.dwellings) is int


@pytest.mark.parametrize(("dwellings", "message"), [
    (-1, "-1 is below 0"),
    (10**9 + 1, "1000000001 is above 1000000000"),
    (10**40, "1000000000000000000000000000000000000... is above 1000000000"),
    (True, "expected a whole number, found true"),
    (2.5, "expected a whole number, found a number"),
    ("3", "expected a whole number, found text"),
])
def test_whole_numbers_out_of_range_or_of_the_wrong_kind_are_refused(dwellings: object, message: str) -> None:
    doc = document()
    doc["organisation"]["dwellings"] = dwellings
    assert problems(doc) == [f"organisation.dwellings: {message}"]


@pytest.mark.parametrize(("fte", "read_as"), [(1, 1.0), (1.0, 1.0), (0.25, 0.25), (5e-324, 5e-324)])
def test_an_fte_reads_as_a_float(fte: object, read_as: float) -> None:
    doc = document()
    doc["positions"][0]["fte"] = fte
    value = read_scenario_data(doc).scenario.positions[0].fte
    assert value == read_as and type(value) is float


@pytest.mark.parametrize(("fte", "message"), [
    (math.nan, "nan is not in (0, 1]"),
    (math.inf, "inf is not in (0, 1]"),
    (0.0, "0.0 is not in (0, 1]"),
    (1.0000001, "1.0000001 is not in (0, 1]"),
    (2, "2 is not in (0, 1]"),
    (False, "expected a number, found false"),
])
def test_an_fte_out_of_range_or_of_the_wrong_kind_is_refused(fte: object, message: str) -> None:
    doc = document()
    doc["positions"][0]["fte"] = fte
    assert problems(doc) == [f"positions[0].fte: {message}"]


def test_a_site_is_looked_up_in_its_own_agency_only() -> None:
    doc = document()
    doc["positions"][1]["site"] = "roses"
    assert problems(doc) == ["positions[1].site: agency 'nord' has no site 'roses'"]
    doc["positions"][1]["agency"] = "sud"
    assert read_scenario_data(doc).scenario.positions[1].site == "roses"


def test_a_site_of_an_agency_that_lists_none_is_refused() -> None:
    doc = document()
    del doc["agencies"][0]["sites"]
    assert problems(doc) == ["positions[1].site: agency 'nord' has no site 'tilleuls'"]


def test_a_link_given_as_line_repeats_one_that_leaves_its_type_out() -> None:
    doc = document()
    doc["links"] = [{"from": "p1", "to": "p2"}, {"from": "p1", "to": "p2", "type": "line"},
                    {"from": "p1", "to": "p2", "type": "dotted"}]
    assert problems(doc) == ["links[1]: repeats links[0]"]


def test_both_ends_of_a_link_are_named_when_unknown() -> None:
    doc = document()
    doc["links"] = [{"from": "nobody", "to": "ghost"}]
    assert problems(doc) == ["links[0].from: no position has the id 'nobody'",
                             "links[0].to: no position has the id 'ghost'"]


def test_an_object_with_unknown_or_repeated_keys_is_refused_the_same_in_text() -> None:
    text = json.dumps(document()).replace('"holder": "Marie Dupont"', '"holder": "A", "holder": "B", "colour": 1')
    with pytest.raises(DocumentError) as caught:
        read_scenario_text(text)
    assert [str(p) for p in caught.value.problems] == [
        "positions[0].colour: unknown key (allowed: id, agency, role, title, family, holder, fte, site, notes, "
        "guarding)",
        "positions[0].holder: is given twice in the same object; keep one",
    ]


def test_an_object_of_another_kind_of_mapping_is_checked_in_full() -> None:
    class Other(dict[str, Any]):
        repeated = ("role",)

    doc = document()
    doc["positions"][0] = Other(doc["positions"][0])
    assert problems(doc) == ["positions[0].role: is given twice in the same object; keep one"]


@pytest.mark.parametrize(("xy", "read_as"), [
    ([1, 2], (1.0, 2.0)),
    ([1.5, 2], (1.5, 2.0)),
    ([-0.0, -0.0], (0.0, 0.0)),
    ([1e308, -1e308], (1e308, -1e308)),
])
def test_coordinates_read_as_floats_without_a_negative_zero(xy: list[float], read_as: tuple[float, float]) -> None:
    doc = document()
    doc["layout"]["p1"] = xy
    x, y = read_scenario_data(doc).scenario.layout["p1"]
    assert (x, y) == read_as and type(x) is float and type(y) is float
    assert math.copysign(1, x) == math.copysign(1, read_as[0]) and math.copysign(1, y) == math.copysign(1, read_as[1])


@pytest.mark.parametrize("xy", [[math.nan, 1.0], [1.0, math.inf], [10**400, 1.0], [True, 1.0], (1.0, 2.0),
                                [1.0], [1.0, 2.0, 3.0], ["1", 2.0]])
def test_coordinates_that_are_not_two_finite_numbers_are_refused(xy: object) -> None:
    doc = document()
    doc["layout"]["p1"] = xy
    assert problems(doc) == ["layout.p1: expected [x, y], two numbers"]


@pytest.mark.parametrize(("xy", "written"), [
    ((1.5, 2.0), "[1.5, 2.0]"),
    ((1, 2), "[1.0, 2.0]"),
    ((-0.0, 3.0), "[0.0, 3.0]"),
    ((math.nan, 1.0), "[nan, 1.0]"),
    ((True, 1.0), "[True, 1.0]"),
    (("x", 1.0), "['x', 1.0]"),
    ((10**400, 1.0), f"[{10**400}, 1.0]"),
    ([1.0, 2.0], "[1.0, 2.0]"),
    ((1.0,), "[1.0]"),
])
def test_coordinates_are_written_as_floats_and_anything_else_as_it_is(xy: object, written: str) -> None:
    """The reader refuses what is not two finite numbers: the writer must hand it over unchanged."""
    scenario = Scenario("s", positions=(Position("p1", "caretaker"),), layout=MappingProxyType({"p1": xy}))
    assert repr(scenario_to_data(Organisation("o"), scenario)["layout"]["p1"]) == written
