"""The path of each kind of link (layout/routing.py) and which kind the layout asks for
(chart_layout.link_drawing): a comb along a spine for stacked site staff, the side of the connector
for assistants, elbows in the tree, straight dashes for functional links."""

from __future__ import annotations

import itertools

from orgdesigner.layout.chart_layout import link_drawing
from orgdesigner.layout.routing import Box, route
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Link, Position, Scenario

W, H = 180.0, 64.0
MANAGER = Box(100.0, 0.0, W, H)


def test_a_stacked_card_is_reached_along_a_spine_left_of_its_column() -> None:
    first = route("spine", MANAGER, Box(60.0, 112.0, W, H))
    lower = route("spine", MANAGER, Box(60.0, 264.0, W, H))
    assert first[0] == lower[0] == (190.0, 64.0)  # from the bottom of the manager
    assert first[2][0] == lower[2][0] == 54.0  # one spine, 6 px left of the column
    assert first[-1] == (60.0, 144.0) and lower[-1] == (60.0, 296.0)  # into the middle of the left side
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(lower))  # square corners


def test_an_assistant_is_reached_from_the_connector_into_its_facing_side() -> None:
    right = route("assistant", MANAGER, Box(202.0, 76.0, W, H))
    assert right == [(190.0, 64.0), (190.0, 108.0), (202.0, 108.0)]
    left = route("assistant", MANAGER, Box(-100.0, 76.0, W, H))
    assert left[-1] == (80.0, 108.0)


def test_a_tree_report_gets_an_elbow_and_a_card_moved_above_gets_a_straight_line() -> None:
    assert route("elbow", MANAGER, Box(0.0, 112.0, W, H)) == [(190.0, 64.0), (190.0, 88.0), (90.0, 88.0),
                                                               (90.0, 112.0)]
    above = Box(400.0, -200.0, W, H)
    for kind in ("elbow", "spine", "assistant", "straight"):
        assert route(kind, MANAGER, above) == [(190.0, 64.0), (490.0, -200.0)]  # type: ignore[arg-type]


def test_the_kind_follows_the_layout_s_classification() -> None:
    chart = Chart(Scenario("s", agencies=(Agency("a", "A"),), positions=(
        Position("h", "agency_head", "a"), Position("s", "sector_manager", "a"), Position("g", "caretaker", "a"),
        Position("g2", "caretaker", "a"), Position("x", "building_worker", "a"), Position("r", "receptionist", "a"),
        Position("p", "provider", "a"),
    ), links=(Link("h", "s"), Link("s", "g"), Link("s", "g2"), Link("g2", "x"), Link("h", "r"),
              Link("s", "p", "contract"), Link("h", "g", "dotted"))))
    assert link_drawing(chart, Link("s", "g")) == "spine"
    assert link_drawing(chart, Link("s", "g2")) == "elbow"  # a caretaker with a report is a tree node
    assert link_drawing(chart, Link("h", "r")) == "assistant"
    assert link_drawing(chart, Link("h", "s")) == "elbow"
    assert link_drawing(chart, Link("s", "p", "contract")) == "elbow"
    assert link_drawing(chart, Link("h", "g", "dotted")) == "straight"


def test_a_report_straight_below_gets_no_point_twice() -> None:
    points = route("elbow", MANAGER, Box(100.0, 112.0, W, H))
    assert points == [(190.0, 64.0), (190.0, 88.0), (190.0, 112.0)]


def test_under_a_manager_with_assistants_the_bar_runs_just_above_the_reports_row() -> None:
    points = route("elbow", MANAGER, Box(0.0, 300.0, W, H))
    assert points[1:3] == [(190.0, 276.0), (90.0, 276.0)]  # not half-way, through the assistants


def test_a_line_from_head_office_runs_its_bar_above_the_agency_s_header() -> None:
    head = Box(0.0, 400.0, W, H)
    points = route("elbow", MANAGER, head, ceiling=300.0)
    assert points[1][1] == 276.0 and points[-1] == (90.0, 400.0)  # above the header, then down behind it
    assert route("elbow", MANAGER, head, ceiling=500.0)[1][1] == 376.0  # a ceiling below the card: ignored
