"""Each chart command undoes to exactly the scenario it started from, and redoes to the same state.

Scenarios are compared whole (`Chart.to_scenario()`): positions, links, agencies and layout, in
their order: an undone deletion puts a position and its links back where they were.
"""

from __future__ import annotations

import dataclasses

import pytest

from chart_samples import refused, round_trip, sample_chart
from orgdesigner.commands import (
    AddLink,
    AddPosition,
    EditAgency,
    EditPosition,
    Macro,
    MovePositions,
    RemoveLink,
    RemovePositions,
    ReparentPosition,
)
from orgdesigner.model import queries
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.labels import Label

# AddPosition -------------------------------------------------------------------------------------


def test_add_position_with_its_manager_and_place() -> None:
    chart = sample_chart()
    command = AddPosition(chart, Position("c3", "caretaker", "a"), [Link("m2", "c3")], xy=(50.0, 240.0))
    after = round_trip(chart, command)
    assert after.positions[-1] == Position("c3", "caretaker", "a")
    assert after.links[-1] == Link("m2", "c3")
    assert after.layout["c3"] == (50.0, 240.0)
    assert not chart.has_position("c3")
    assert command.text == Label("Ajouter un poste « Gardien »", "Add position 'Caretaker'")


def test_add_position_alone_is_laid_out_automatically() -> None:
    chart = sample_chart()
    after = round_trip(chart, AddPosition(chart, Position("o", "other", "b", title="Chargé de mission")))
    assert "o" not in after.layout
    assert AddPosition(chart, Position("o", "other")).text.en == "Add position 'Other position'"


@pytest.mark.parametrize("position, links", [
    (Position("h", "caretaker", "a"), []),                                  # id taken
    (Position("n", "caretaker", "a"), [Link("h", "m1")]),                   # link not touching it
    (Position("n", "caretaker", "a"), [Link("ghost", "n")]),                # unknown manager
    (Position("n", "caretaker", "a"), [Link("n", "n")]),                    # itself
    (Position("n", "caretaker", "a"), [Link("m1", "n"), Link("m1", "n")]),  # twice the same
])
def test_add_position_refused_changes_nothing(position: Position, links: list[Link]) -> None:
    chart = sample_chart()
    refused(chart, AddPosition(chart, position, links, xy=(1.0, 1.0)))


# RemovePositions ---------------------------------------------------------------------------------


def test_remove_positions_takes_their_links_and_gives_everything_back() -> None:
    chart = sample_chart()
    after = round_trip(chart, RemovePositions(chart, ["m1", "g", "m1"]))
    assert [p.id for p in after.positions] == ["h", "m2", "c1", "c2", "x"]
    assert after.links == (Link("h", "m2"), Link("m2", "c2"), Link("h", "c1", "dotted"))
    assert set(after.layout) == {"h", "c1"}
    assert chart.position_xy("m1") == (-100.0, 120.0)
    assert queries.reports(chart, "m1") == ["c1"]


def test_remove_positions_whose_links_touch_each_other() -> None:
    chart = sample_chart()
    round_trip(chart, RemovePositions(chart, ["c1", "h", "m1", "x"]))


def test_remove_the_last_position_is_exact() -> None:
    chart = sample_chart()
    round_trip(chart, RemovePositions(chart, ["g"]))


def test_remove_positions_restores_document_and_link_order() -> None:
    chart = sample_chart()
    round_trip(chart, RemovePositions(chart, ["m1"]))


def test_siblings_keep_their_order_on_the_canvas_after_undo() -> None:
    """The tidy tree draws reports in link order: an undone deletion must not swap two sectors."""
    chart = sample_chart()
    command = RemovePositions(chart, ["m1"])
    command.redo()
    command.undo()
    assert queries.reports(chart, "h") == ["m1", "m2"]


def test_remove_positions_refused_when_one_is_unknown() -> None:
    chart = sample_chart()
    refused(chart, RemovePositions(chart, ["m1", "ghost"]))
    with pytest.raises(ValueError):
        RemovePositions(chart, [])


def test_remove_positions_texts() -> None:
    chart = sample_chart()
    assert RemovePositions(chart, ["m2"]).text == Label(
        "Supprimer le poste « Responsable de secteur Est »", "Delete position 'Responsable de secteur Est'")
    assert RemovePositions(chart, ["m1", "c1", "c2"]).text == Label("Supprimer 3 postes", "Delete 3 positions")


# EditPosition ------------------------------------------------------------------------------------


def test_edit_position_replaces_the_value() -> None:
    chart = sample_chart()
    new = dataclasses.replace(chart.position("c2"), holder="Inès", fte=1.0, agency="b")
    command = EditPosition(chart, new)
    after = round_trip(chart, command)
    assert after.positions[4] == new
    assert command.fields == {"holder", "fte", "agency"}
    assert command.text == Label("Modifier le poste « Gardien » : agence, titulaire, ETP",
                                 "Edit position 'Caretaker': agency, holder, FTE")


def test_edit_position_refused_when_unknown() -> None:
    chart = sample_chart()
    refused(chart, EditPosition(chart, Position("ghost", "caretaker")))


def test_edits_of_the_same_field_merge_and_undo_to_the_first_value() -> None:
    chart = sample_chart()
    before = chart.to_scenario()
    first = EditPosition(chart, dataclasses.replace(chart.position("c1"), holder="P"))
    first.redo()
    second = EditPosition(chart, dataclasses.replace(chart.position("c1"), holder="Pa"))
    second.redo()
    assert first.merge_with(second)
    after = chart.to_scenario()
    first.undo()
    assert chart.to_scenario() == before
    first.redo()
    assert chart.to_scenario() == after
    assert chart.position("c1").holder == "Pa"


@pytest.mark.parametrize("change", [
    {"fte": 0.8},               # another field
    {"holder": "X", "fte": 0.8},  # more fields
])
def test_edits_of_other_fields_do_not_merge(change: dict[str, object]) -> None:
    chart = sample_chart()
    first = EditPosition(chart, dataclasses.replace(chart.position("c1"), holder="P"))
    first.redo()
    second = EditPosition(chart, dataclasses.replace(chart.position("c1"), **change))  # type: ignore[arg-type]
    second.redo()
    assert not first.merge_with(second)


def test_edits_of_other_positions_or_charts_do_not_merge() -> None:
    chart, other_chart = sample_chart(), sample_chart()
    first = EditPosition(chart, dataclasses.replace(chart.position("c1"), holder="P"))
    first.redo()
    assert not first.merge_with(EditPosition(chart, dataclasses.replace(chart.position("c2"), holder="P")))
    assert not first.merge_with(EditPosition(other_chart, dataclasses.replace(chart.position("c1"), holder="Q")))
    assert not first.merge_with(AddLink(chart, Link("g", "h")))


def test_an_edit_that_changes_nothing_merges_with_nothing() -> None:
    chart = sample_chart()
    first = EditPosition(chart, chart.position("c1"))
    first.redo()
    assert first.fields == frozenset()
    assert not first.merge_with(EditPosition(chart, chart.position("c1")))


# Links -------------------------------------------------------------------------------------------


def test_add_link() -> None:
    chart = sample_chart()
    command = AddLink(chart, Link("g", "h", "dotted"))
    after = round_trip(chart, command)
    assert after.links[-1] == Link("g", "h", "dotted")
    assert command.text == Label("Ajouter un lien fonctionnel « Assistant de gestion » → « Responsable d'agence »",
                                 "Add dotted-line link 'Management assistant' → 'Agency manager'")


@pytest.mark.parametrize("link", [Link("h", "m1"), Link("h", "h"), Link("h", "ghost")])
def test_add_link_refused(link: Link) -> None:
    chart = sample_chart()
    refused(chart, AddLink(chart, link))


def test_remove_the_last_link_is_exact() -> None:
    chart = sample_chart()
    command = RemoveLink(chart, Link("h", "c1", "dotted"))
    after = round_trip(chart, command)
    assert Link("h", "c1", "dotted") not in after.links
    assert command.text == Label("Supprimer le lien fonctionnel « Responsable d'agence » → « Gardien »",
                                 "Remove dotted-line link 'Agency manager' → 'Caretaker'")


def test_remove_a_link_gives_it_back() -> None:
    chart = sample_chart()
    round_trip(chart, RemoveLink(chart, Link("m1", "c1")))


def test_remove_a_link_restores_link_order() -> None:
    chart = sample_chart()
    round_trip(chart, RemoveLink(chart, Link("m1", "c1")))


def test_remove_link_refused_when_absent() -> None:
    chart = sample_chart()
    refused(chart, RemoveLink(chart, Link("m1", "c1", "dotted")))


# ReparentPosition --------------------------------------------------------------------------------


def test_reparent_moves_the_whole_subtree() -> None:
    chart = sample_chart()
    command = ReparentPosition(chart, "m1", "m2")
    after = round_trip(chart, command)
    assert Link("m2", "m1") in after.links and Link("h", "m1") not in after.links
    command.redo()
    assert queries.managers(chart, "m1") == ["m2"]
    assert queries.descendants(chart, "m2") == {"m1", "c1", "c2"}
    assert command.text == Label(
        "Rattacher « Responsable de secteur (manager de proximité) » à « Responsable de secteur Est »",
        "Move 'Sector manager' under 'Responsable de secteur Est'")


def test_reparent_to_no_manager() -> None:
    chart = sample_chart()
    command = ReparentPosition(chart, "c2", None)
    after = round_trip(chart, command)
    assert all(link.target != "c2" for link in after.links)
    assert command.text == Label("Détacher « Gardien » de son responsable", "Detach 'Caretaker' from its manager")


def test_reparent_replaces_every_manager_and_keeps_other_links() -> None:
    chart = sample_chart()
    chart.add_link(Link("m2", "c1"))
    after = round_trip(chart, ReparentPosition(chart, "c1", "h"))
    assert [link for link in after.links if link.target == "c1"] == [Link("h", "c1", "dotted"), Link("h", "c1")]


def test_reparent_under_the_same_manager_changes_nothing() -> None:
    chart = sample_chart()
    before = chart.to_scenario()
    round_trip(chart, ReparentPosition(chart, "c1", "m1"))
    assert chart.to_scenario() == before


def test_reparent_of_a_position_without_manager_is_exact() -> None:
    chart = sample_chart()
    after = round_trip(chart, ReparentPosition(chart, "g", "h"))
    assert after.links[-1] == Link("h", "g")


def test_reparent_restores_link_order() -> None:
    chart = sample_chart()
    round_trip(chart, ReparentPosition(chart, "m1", "m2"))


@pytest.mark.parametrize("position_id, manager_id", [
    ("h", "c1"),       # under its own report's report
    ("m1", "m1"),      # under itself
    ("m1", "ghost"),
    ("ghost", "h"),
    ("ghost", None),
])
def test_reparent_refused(position_id: str, manager_id: str | None) -> None:
    chart = sample_chart()
    refused(chart, ReparentPosition(chart, position_id, manager_id))


# MovePositions -----------------------------------------------------------------------------------


def test_move_positions_restores_previous_places_or_none() -> None:
    chart = sample_chart()
    command = MovePositions(chart, {"h": (10.0, 0.0), "m2": (100.0, 120.0)})
    after = round_trip(chart, command)
    assert after.layout["h"] == (10.0, 0.0) and after.layout["m2"] == (100.0, 120.0)
    assert chart.position_xy("m2") is None
    assert command.text == Label("Déplacer 2 postes", "Move 2 positions")
    assert MovePositions(chart, {"c1": (0.0, 0.0)}).text == Label("Déplacer le poste « Gardien »",
                                                                  "Move position 'Caretaker'")


def test_a_drag_that_moved_the_chart_live_passes_the_places_before_it() -> None:
    chart = sample_chart()
    before = chart.to_scenario()
    chart.set_position_xy("h", (3.0, 0.0))   # the canvas moves the chart while dragging …
    chart.set_position_xy("m2", (7.0, 0.0))
    chart.set_position_xy("h", (5.0, 0.0))
    command = MovePositions(chart, {"h": (5.0, 0.0), "m2": (7.0, 0.0)},   # … and pushes on release
                            previous={"h": (0.0, 0.0), "m2": None})
    command.redo()
    after = chart.to_scenario()
    command.undo()
    assert chart.to_scenario() == before
    command.redo()
    assert chart.to_scenario() == after


def test_move_positions_refused() -> None:
    chart = sample_chart()
    refused(chart, MovePositions(chart, {"h": (1.0, 1.0), "ghost": (2.0, 2.0)}))
    with pytest.raises(ValueError):
        MovePositions(chart, {})
    with pytest.raises(ValueError):
        MovePositions(chart, {"h": (1.0, 1.0)}, previous={"m1": None})


# EditAgency --------------------------------------------------------------------------------------


def test_edit_agency() -> None:
    chart = sample_chart()
    new = dataclasses.replace(chart.agencies()[0], name="Agence Nord-Est", territory="urban_collective")
    command = EditAgency(chart, new)
    after = round_trip(chart, command)
    assert after.agencies[0] == new
    assert command.text == Label("Modifier l'agence « Agence Nord-Est » : nom, territoire",
                                 "Edit agency 'Agence Nord-Est': name, territory")


def test_edit_agency_refused_when_unknown() -> None:
    chart = sample_chart()
    agency = dataclasses.replace(chart.agencies()[0], id="z")
    refused(chart, EditAgency(chart, agency))


def test_agency_edits_of_the_same_field_merge() -> None:
    chart = sample_chart()
    before = chart.to_scenario()
    first = EditAgency(chart, dataclasses.replace(chart.agencies()[1], dwellings=1))
    first.redo()
    second = EditAgency(chart, dataclasses.replace(chart.agencies()[1], dwellings=12))
    second.redo()
    assert first.merge_with(second)
    third = EditAgency(chart, dataclasses.replace(chart.agencies()[1], name="Sud"))
    third.redo()
    assert not first.merge_with(third)
    third.undo()
    first.undo()
    assert chart.to_scenario() == before


def test_agency_clicks_are_each_their_own_step() -> None:
    chart = sample_chart()
    agency = chart.agencies()[1]
    first = EditAgency(chart, dataclasses.replace(agency, presence=("permanence",)))
    first.redo()
    second = EditAgency(chart, dataclasses.replace(agency, presence=("permanence", "mobile")))
    second.redo()
    assert not first.merge_with(second)


# Macro -------------------------------------------------------------------------------------------


def test_a_macro_is_done_in_order_and_undone_in_reverse() -> None:
    chart = sample_chart()
    macro = Macro(Label("Ajouter un secteur", "Add a sector"), [
        AddPosition(chart, Position("m3", "sector_manager", "b"), [Link("h", "m3")]),
        AddPosition(chart, Position("c3", "caretaker", "b"), [Link("m3", "c3")]),
        EditPosition(chart, Position("c3", "caretaker", "b", holder="Jo")),
        MovePositions(chart, {"m3": (200.0, 120.0), "c3": (200.0, 240.0)}),
    ])
    after = round_trip(chart, macro)
    assert queries.descendants(Chart(after), "m3") == {"c3"}
    assert macro.text.en == "Add a sector" and len(macro.commands) == 4


def test_a_macro_that_fails_half_way_undoes_what_it_did() -> None:
    chart = sample_chart()
    refused(chart, command=Macro(Label("x", "x"), [
        AddPosition(chart, Position("n", "caretaker", "a"), [Link("m1", "n")]),
        RemovePositions(chart, ["m1"]),
        AddLink(chart, Link("n", "ghost")),
    ]))


def test_a_macro_that_fails_after_additions_is_exact() -> None:
    chart = sample_chart()
    refused(chart, Macro(Label("x", "x"), [
        AddPosition(chart, Position("n", "caretaker", "a"), [Link("m1", "n")], xy=(1.0, 2.0)),
        EditAgency(chart, dataclasses.replace(chart.agencies()[0], name="Nord")),
        AddLink(chart, Link("n", "ghost")),
    ]))
