"""The chart a comparison is drawn on: the shown side, the other side's positions as ghosts under
their manager, every position marked with its kinds of change."""

from __future__ import annotations

from dataclasses import replace

from comparison_pairs import base, edited, target
from orgdesigner.compare.overlay import overlay
from orgdesigner.compare.scenario_diff import compare_scenarios
from orgdesigner.model.entities import Agency, Link, Position


def test_a_removed_position_is_a_ghost_under_its_old_manager_in_the_target() -> None:
    start = base()
    end = target(start, positions=[p for p in start.positions if p.id != "c2"],
                 links=[link for link in start.links if link.target != "c2"])
    shown = overlay(compare_scenarios(start, end), "after")
    assert shown.ghosts == {"c2"}
    assert shown.kinds["c2"] == ("removed",)
    assert Link("m1", "c2") in shown.scenario.links
    assert {p.id for p in shown.scenario.positions} == {p.id for p in start.positions}
    layout = shown.scenario.layout
    assert layout["c2"][1] > layout["m1"][1]
    assert layout["c2"][0] == layout["c1"][0]  # stacked with the caretaker it worked beside


def test_every_drawn_position_has_a_place_and_no_two_share_one() -> None:
    start = base()
    end = target(start, positions=[*(p for p in start.positions if p.id not in ("t3", "t4")),
                                   Position("new", "receptionist", "nord")],
                 links=[*(link for link in start.links if link.target not in ("t3", "t4")), Link("h", "new")])
    for side in ("after", "before"):
        shown = overlay(compare_scenarios(start, end), side)
        ids = {p.id for p in shown.scenario.positions}
        assert set(shown.scenario.layout) == ids
        assert len(set(shown.scenario.layout.values())) == len(ids)


def test_the_source_side_ghosts_the_positions_to_be_created() -> None:
    start = base()
    end = target(start, positions=[*start.positions, Position("c3", "caretaker", "nord", site="s1")],
                 links=[*start.links, Link("m1", "c3")])
    shown = overlay(compare_scenarios(start, end), "before")
    assert shown.ghosts == {"c3"} and shown.kinds == {"c3": ("added",)}
    assert shown.scenario.name == start.name
    assert Link("m1", "c3") in shown.scenario.links


def test_a_link_out_of_a_ghost_is_left_out_so_no_position_gets_two_managers() -> None:
    """m1 is removed and its caretakers moved under the head: drawing m1's old links would give them
    a second manager in the overlay."""
    start = base()
    end = target(start, positions=[p for p in start.positions if p.id != "m1"],
                 links=[*(link for link in start.links if "m1" not in (link.source, link.target)),
                        Link("h", "c1"), Link("h", "c2")])
    shown = overlay(compare_scenarios(start, end), "after")
    assert Link("h", "m1") in shown.scenario.links
    assert not [link for link in shown.scenario.links if link.source == "m1"]
    assert shown.kinds["c1"] == ("moved",)


def test_a_removed_agency_comes_back_with_its_ghosts() -> None:
    start = base()
    two = target(start, agencies=(*start.agencies, Agency("sud", "Agence Sud")),
                 positions=[*start.positions, Position("s-h", "agency_head", "sud")])
    shown = overlay(compare_scenarios(two, start), "after")
    assert [a.id for a in shown.scenario.agencies] == ["nord", "sud"]
    assert shown.ghosts == {"s-h"}


def test_changed_and_unchanged_positions_are_drawn_from_the_shown_side() -> None:
    start = base()
    end = target(start, positions=edited(start, "t1", holder="Zoé"))
    shown = overlay(compare_scenarios(start, end), "before")
    assert next(p for p in shown.scenario.positions if p.id == "t1").holder == "Chargé 1"
    assert shown.kinds == {"t1": ("changed",)} and not shown.ghosts
    assert replace(shown.scenario, layout=start.layout) == start
