"""Copy, paste and duplicate of whole subtrees: what a paste adds, where, in which agency, and that
undo takes away exactly that. The sample chart (chart_samples.py) is edited throughout."""

from __future__ import annotations

import dataclasses
import json

import pytest

from chart_samples import assert_graphs_in_step, refused, round_trip, sample_chart, sample_scenario
from orgdesigner.commands.base import CommandStack
from orgdesigner.commands.chart_commands import EditPosition, RemovePositions
from orgdesigner.commands.clipboard import (
    DUPLICATE_SHIFT,
    DuplicateSubtrees,
    Fragment,
    PastePositions,
    copy_subtrees,
    subtree_ids,
)
from orgdesigner.model import queries
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site
from orgdesigner.model.labels import Label

# Copying -----------------------------------------------------------------------------------------


def test_subtree_ids_takes_everyone_below_in_document_order() -> None:
    chart = sample_chart()
    assert subtree_ids(chart, ["m1"]) == ["m1", "c1"]  # x hangs from m1 by a contract, not a line
    assert subtree_ids(chart, ["c2", "m1", "m2"]) == ["m1", "m2", "c1", "c2"]
    assert subtree_ids(chart, ["h"]) == ["h", "m1", "m2", "c1", "c2"]
    with pytest.raises(ChartError, match="'ghost'"):
        subtree_ids(chart, ["m1", "ghost"])


def test_copy_takes_the_subtree_every_link_among_it_and_relative_coordinates() -> None:
    chart = sample_chart()
    fragment = copy_subtrees(chart, ["h"])
    assert [p.id for p in fragment.positions] == ["h", "m1", "m2", "c1", "c2"]
    # The dotted line h → c1 is inside the subtree; the contract m1 → x is not (x is outside).
    assert fragment.links == (Link("h", "m1"), Link("h", "m2"), Link("m1", "c1"), Link("m2", "c2"),
                              Link("h", "c1", "dotted"))
    assert fragment.offsets == {"h": (100.0, 0.0), "m1": (0.0, 120.0), "c1": (0.0, 240.0)}
    assert fragment.roots == ("h",)
    assert fragment.size == (100.0, 240.0)


def test_copy_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="no position to copy"):
        copy_subtrees(sample_chart(), [])


# The JSON text -----------------------------------------------------------------------------------


def test_a_fragment_survives_its_json_text() -> None:
    chart = Chart(dataclasses.replace(sample_scenario(), positions=(
        *sample_scenario().positions[:-1],
        Position("g", "other", None, title="Chargée de mission « Cœur »", family="social", holder="Zoé",
                 fte=0.8, notes="line one\nline two"),
    ), links=(*sample_scenario().links, Link("h", "g", "dotted"), Link("m1", "x", "line"))))
    chart.set_position_xy("x", (20.0, 360.5))
    fragment = copy_subtrees(chart, ["h", "g"])
    text = fragment.to_json()
    assert "Cœur" in text  # readable, not \u escapes, for a user who pastes it into a mail
    assert Fragment.from_json(text) == fragment


def test_a_provider_keeps_its_guarding_through_json() -> None:
    fragment = Fragment((Position("p", "provider", "a", title="Gardiennage SA", guarding=True),))
    assert Fragment.from_json(fragment.to_json()).positions[0].guarding


def _with(change: dict[str, object]) -> str:
    """A valid fragment's data with some keys replaced (a path like "positions.0.fte" reaches in)."""
    data: dict[str, object] = json.loads(copy_subtrees(sample_chart(), ["m1"]).to_json())
    for path, value in change.items():
        *parents, last = path.split(".")
        target: object = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]  # type: ignore[index]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            assert isinstance(target, dict)
            target[last] = value
    return json.dumps(data)


@pytest.mark.parametrize("text, problem", [
    ("", "not a fragment"),
    ("Paul Martin, gardien", "not a fragment"),
    ("[1, 2]", "expected an object, found a list"),
    ('{"format": "orgdesigner-fragment", "format": "x"}', "'format' is given twice"),
    ('{"format": "orgdesigner-fragment", "version": 1, "positions": [{"id": "a", "role": "caretaker", '
     '"fte": NaN}]}', "NaN"),
    ("[" * 100_000 + "]" * 100_000, "not a fragment"),
    ('{"format": "orgdesigner-scenario", "version": 1}', "format: expected 'orgdesigner-fragment'"),
    (_with({"version": 2}), "newer than this program reads"),
    (_with({"version": "1"}), "version: expected 1"),
    (_with({"clipboard": True}), "clipboard: unknown key"),
    (_with({"positions": []}), "at least one position"),
    (_with({"positions": {}}), "positions: expected a list"),
    (_with({"positions.0": "m1"}), "positions[0]: expected an object"),
    (_with({"positions.0.role": "plumber"}), "positions[0].role: unknown role 'plumber'"),
    (_with({"positions.0.id": " "}), "positions[0].id: must not be empty"),
    (_with({"positions.1.id": "m1"}), "positions[1].id: 'm1' is already the id of positions[0]"),
    (_with({"positions.0.fte": 0}), "positions[0].fte"),
    (_with({"positions.0.fte": True}), "positions[0].fte"),
    (_with({"positions.0.holder": 7}), "positions[0].holder: expected text, found a number"),
    (_with({"positions.0.holder": "\ud800"}), "lone UTF-16 surrogate"),
    (_with({"positions.0.family": "social"}), "only an 'other' position chooses its family"),
    (_with({"positions.0.role": "other", "positions.0.title": "Chargé"}), "positions[0].family: is required"),
    (_with({"positions.0.role": "other", "positions.0.family": "social"}), "positions[0].title: is required"),
    (_with({"positions.0.guarding": True}), "only a provider declares guarding"),
    (_with({"positions.1.agency": None}), "positions[1].site: a head-office position has no site"),
    (_with({"positions.0.agency": None, "positions.1.site": None, "positions.0.site": None,
            "positions.1.agency": 3}), "positions[1].agency: expected text"),
    (_with({"links.0.to": "x"}), "links[0]: no position 'x' in the fragment"),
    (_with({"links.0.to": "m1"}), "links[0]: a link from 'm1' to itself"),
    (_with({"links": [{"from": "m1", "to": "c1"}, {"from": "m1", "to": "c1", "type": "line"}]}),
     "links[1]: repeats links[0]"),
    (_with({"links.0.type": "solid"}), "links[0].type: unknown link type 'solid'"),
    (_with({"layout.m1": [1, "2"]}), "layout.m1: expected [x, y]"),
    (_with({"layout.m1": [1, 10**400]}), "layout.m1: expected [x, y]"),
    (_with({"layout.ghost": [0, 0]}), "layout.ghost: no position 'ghost'"),
])
def test_malformed_text_is_refused_with_the_problem_named(text: str, problem: str) -> None:
    with pytest.raises(ValueError) as refusal:
        Fragment.from_json(text)
    assert problem in str(refusal.value)


def test_the_sample_fragment_used_above_is_valid() -> None:
    """The refusals above come from the one change each makes, not from a broken starting point."""
    assert Fragment.from_json(_with({})) == copy_subtrees(sample_chart(), ["m1"])


# Pasting -----------------------------------------------------------------------------------------


def test_paste_under_a_manager_adds_fresh_ids_links_and_places() -> None:
    chart = sample_chart()
    fragment = copy_subtrees(chart, ["m1"])
    command = PastePositions(chart, fragment, "m2", (500.0, 300.0))
    after = round_trip(chart, command)
    command.redo()
    assert command.added_ids == ["m1-copy", "c1-copy"]
    assert [p.id for p in after.positions][-2:] == ["m1-copy", "c1-copy"]
    assert after.links[-2:] == (Link("m1-copy", "c1-copy"), Link("m2", "m1-copy"))
    assert after.layout["m1-copy"] == (500.0, 300.0) and after.layout["c1-copy"] == (500.0, 420.0)
    assert queries.reports(chart, "m2") == ["c2", "m1-copy"]
    assert command.text == Label("Coller 2 postes", "Paste 2 positions")


def test_pasting_again_never_reuses_an_id() -> None:
    chart = sample_chart()
    fragment = copy_subtrees(chart, ["m1"])
    stack = CommandStack()
    for _ in range(3):
        stack.push(PastePositions(chart, fragment, None, (0.0, 0.0)))
    ids = [p.id for p in chart.positions()]
    assert ids[-6:] == ["m1-copy", "c1-copy", "m1-copy2", "c1-copy2", "m1-copy3", "c1-copy3"]
    # A copy of a copy is numbered, not suffixed twice.
    stack.push(PastePositions(chart, copy_subtrees(chart, ["m1-copy2"]), None, (0.0, 0.0)))
    assert [p.id for p in chart.positions()][-2:] == ["m1-copy4", "c1-copy4"]
    assert_graphs_in_step(chart)


def test_fresh_ids_are_chosen_once_so_later_edits_still_find_them() -> None:
    chart = sample_chart()
    stack = CommandStack()
    paste = PastePositions(chart, copy_subtrees(chart, ["c2"]), "m1", (0.0, 0.0))
    stack.push(paste)
    stack.push(EditPosition(chart, dataclasses.replace(chart.position("c2-copy"), holder="Inès")))
    stack.undo()
    stack.undo()
    stack.redo()
    stack.redo()
    assert chart.position("c2-copy").holder == "Inès"
    assert paste.text == Label("Coller le poste « Gardien »", "Paste position 'Caretaker'")


def test_pasted_under_a_manager_the_team_joins_its_agency_and_loses_foreign_sites() -> None:
    chart = sample_chart()
    chart.add_position(Position("hb", "agency_head", "b"))
    after = round_trip(chart, PastePositions(chart, copy_subtrees(chart, ["m1"]), "hb", (0.0, 0.0)))
    pasted = {p.id: p for p in after.positions}
    assert pasted["m1-copy"].agency == pasted["c1-copy"].agency == "b"
    assert pasted["c1-copy"].site is None  # s1 is agency a's
    assert pasted["c1-copy"].holder == "Paul"


def test_pasted_under_a_manager_of_the_same_agency_a_site_is_kept() -> None:
    chart = sample_chart()
    after = round_trip(chart, PastePositions(chart, copy_subtrees(chart, ["m1"]), "h", (0.0, 0.0)))
    assert next(p for p in after.positions if p.id == "c1-copy").site == "s1"


def test_pasted_under_a_head_office_manager_the_team_goes_to_head_office() -> None:
    chart = sample_chart()
    after = round_trip(chart, PastePositions(chart, copy_subtrees(chart, ["m1"]), "g", (0.0, 0.0)))
    pasted = [p for p in after.positions if p.id.endswith("-copy")]
    assert [(p.agency, p.site) for p in pasted] == [(None, None), (None, None)]


def test_pasted_without_a_manager_a_position_keeps_an_agency_the_chart_has() -> None:
    source = sample_chart()
    fragment = copy_subtrees(source, ["m1"])
    # Another scenario: agency a exists there without site s1; then one without agency a at all.
    other = Chart(Scenario("Autre", agencies=(Agency("a", "Agence Nord", sites=(Site("s2", "Les Ormes", 80),)),)))
    after = round_trip(other, PastePositions(other, fragment, None, (10.0, 20.0)))
    assert [(p.id, p.agency, p.site) for p in after.positions] == [("m1-copy", "a", None), ("c1-copy", "a", None)]
    assert after.links == (Link("m1-copy", "c1-copy"),)
    assert after.layout == {"m1-copy": (10.0, 20.0), "c1-copy": (10.0, 140.0)}
    bare = Chart(Scenario("Vide"))
    after = round_trip(bare, PastePositions(bare, fragment, None, (0.0, 0.0)))
    assert [(p.agency, p.site) for p in after.positions] == [(None, None), (None, None)]


def test_a_position_without_coordinates_is_pasted_at_the_point_given() -> None:
    chart = sample_chart()
    after = round_trip(chart, PastePositions(chart, copy_subtrees(chart, ["m2"]), None, (7.0, 8.0)))
    assert after.layout["m2-copy"] == (7.0, 8.0) and after.layout["c2-copy"] == (7.0, 8.0)


def test_undo_of_a_paste_gives_back_coordinates_left_by_a_removed_position() -> None:
    """A removed position's coordinates stay in the chart (undo puts them back); a paste that takes
    its id and is undone leaves them as it found them."""
    chart = sample_chart()
    chart.add_position(Position("c1-copy", "caretaker", "a"))
    chart.set_position_xy("c1-copy", (1.0, 2.0))
    RemovePositions(chart, ["c1-copy"]).redo()
    command = PastePositions(chart, copy_subtrees(chart, ["c1"]), None, (5.0, 5.0))
    round_trip(chart, command)
    assert chart.position_xy("c1-copy") == (1.0, 2.0)


def test_paste_under_a_missing_manager_is_refused() -> None:
    chart = sample_chart()
    refused(chart, PastePositions(chart, copy_subtrees(chart, ["m1"]), "ghost", (0.0, 0.0)))


def test_a_redo_whose_ids_were_taken_meanwhile_is_refused() -> None:
    chart = sample_chart()
    command = PastePositions(chart, copy_subtrees(chart, ["c2"]), None, (0.0, 0.0))
    command.redo()
    command.undo()
    chart.add_position(Position("c2-copy", "caretaker"))
    refused(chart, command)


def test_cut_is_copy_then_remove_of_the_subtree_and_paste_brings_it_back_elsewhere() -> None:
    chart = sample_chart()
    stack = CommandStack()
    before = chart.to_scenario()
    fragment = copy_subtrees(chart, ["m1"])
    stack.push(RemovePositions(chart, subtree_ids(chart, ["m1"])))
    stack.push(PastePositions(chart, Fragment.from_json(fragment.to_json()), "m2", (0.0, 0.0)))
    assert queries.descendants(chart, "m2") == {"c2", "m1-copy", "c1-copy"}
    stack.undo()
    stack.undo()
    assert chart.to_scenario() == before


# Duplicating -------------------------------------------------------------------------------------


def test_duplicate_puts_the_copy_under_the_same_manager_to_the_right() -> None:
    chart = sample_chart()
    command = DuplicateSubtrees(chart, ["m1"])
    after = round_trip(chart, command)
    assert [p.id for p in after.positions][-2:] == ["m1-copy", "c1-copy"]
    assert after.links[-2:] == (Link("m1-copy", "c1-copy"), Link("h", "m1-copy"))
    # The original's top-left is (-100, 120) and the subtree is one card wide.
    assert after.layout["m1-copy"] == (-100.0 + DUPLICATE_SHIFT, 120.0)
    assert after.layout["c1-copy"] == (-100.0 + DUPLICATE_SHIFT, 240.0)
    assert next(p for p in after.positions if p.id == "c1-copy").site == "s1"
    assert command.text == Label("Dupliquer 2 postes", "Duplicate 2 positions")


def test_duplicate_of_several_roots_keeps_each_under_its_own_manager_in_one_step() -> None:
    chart = sample_chart()
    stack = CommandStack()
    before = chart.to_scenario()
    stack.push(DuplicateSubtrees(chart, ["c1", "c2", "g"]))
    assert stack.count == 1
    assert queries.managers(chart, "c1-copy") == ["m1"] and queries.managers(chart, "c2-copy") == ["m2"]
    assert queries.managers(chart, "g-copy") == []
    stack.undo()
    assert chart.to_scenario() == before


def test_duplicate_keeps_the_agency_of_a_head_reporting_to_head_office() -> None:
    """A paste under the director would move an agency head to head office; a duplicate must not."""
    chart = sample_chart()
    chart.add_position(Position("dg", "other", None, title="Directeur général", family="management"))
    chart.add_link(Link("dg", "h"))
    after = round_trip(chart, DuplicateSubtrees(chart, ["h"]))
    copies = [p for p in after.positions if p.id.endswith("-copy")]
    assert {p.agency for p in copies} == {"a"}
    assert (Link("dg", "h-copy")) in after.links


def test_duplicate_of_a_position_under_a_duplicate_manager_copies_the_subtree_once() -> None:
    chart = sample_chart()
    after = round_trip(chart, DuplicateSubtrees(chart, ["m1", "c1"]))
    assert [p.id for p in after.positions if "copy" in p.id] == ["m1-copy", "c1-copy"]


def test_one_position_duplicated_is_named() -> None:
    chart = sample_chart()
    command = DuplicateSubtrees(chart, ["g"])
    assert command.text == Label("Dupliquer le poste « Assistant de gestion »",
                                 "Duplicate position 'Management assistant'")
    round_trip(chart, command)
    assert chart.position_xy("g-copy") is None  # never done: round_trip ends undone
