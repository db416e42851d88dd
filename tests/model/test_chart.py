"""The chart keeps positions, links and graphs in step and announces every change."""

from __future__ import annotations

import pytest

from orgdesigner.model import queries
from orgdesigner.model.chart import Chart, ChartChange, ChartError
from orgdesigner.model.entities import Agency, Link, Position, Scenario


def small_chart() -> Chart:
    return Chart(Scenario(
        "s",
        agencies=(Agency("a", "A"), Agency("b", "B")),
        positions=(Position("h", "agency_head", "a"), Position("c", "caretaker", "a"),
                   Position("m", "sector_manager", "a"), Position("x", "provider", "a")),
        links=(Link("h", "m"), Link("m", "c"), Link("m", "x", "contract")),
    ))


def test_round_trip_keeps_order_and_links() -> None:
    chart = small_chart()
    scenario = chart.to_scenario()
    assert [p.id for p in scenario.positions] == ["h", "c", "m", "x"]
    assert scenario.links == (Link("h", "m"), Link("m", "c"), Link("m", "x", "contract"))
    assert queries.managers(chart, "c") == ["m"]
    assert queries.descendants(chart, "h") == {"m", "c"}


def test_removing_a_position_removes_its_links_and_can_be_undone() -> None:
    chart = small_chart()
    heard: list[ChartChange] = []
    chart.changed.connect(heard.append)
    position, links = chart.remove_position("m")
    assert not chart.has_position("m")
    assert chart.links() == ()
    assert queries.managers(chart, "c") == []
    assert heard[-1].positions >= {"m", "h", "c", "x"} and heard[-1].agencies == {"a"}
    chart.add_position(position, links)
    assert queries.managers(chart, "c") == ["m"]
    assert set(chart.links()) == set(small_chart().links())


def test_replacing_a_position_announces_both_agencies() -> None:
    chart = small_chart()
    heard: list[ChartChange] = []
    chart.changed.connect(heard.append)
    old = chart.replace_position(Position("c", "caretaker", "b"))
    assert old.agency == "a" and chart.position("c").agency == "b"
    assert heard[-1].agencies == {"a", "b"}


def test_links_are_checked() -> None:
    chart = small_chart()
    with pytest.raises(ChartError):
        chart.add_link(Link("h", "nobody"))
    with pytest.raises(ChartError):
        chart.add_link(Link("h", "h"))
    with pytest.raises(ChartError):
        chart.add_link(Link("h", "m"))
    with pytest.raises(ChartError):
        chart.add_position(Position("h", "caretaker", "a"))
    chart.add_link(Link("h", "m", "dotted"))
    chart.remove_link(Link("h", "m"))
    assert queries.managers(chart, "m") == []
    assert chart.graph("dotted").has_edge("h", "m")


def test_layout_follows_positions() -> None:
    chart = small_chart()
    chart.set_position_xy("c", (10.0, 20.0))
    chart.set_position_xy("m", (1.0, 2.0))
    chart.set_position_xy("m", None)
    chart.remove_position("h")
    assert dict(chart.to_scenario().layout) == {"c": (10.0, 20.0)}
    assert chart.position_xy("c") == (10.0, 20.0)


def test_a_listener_may_disconnect_while_called() -> None:
    chart = small_chart()
    calls: list[str] = []

    def once(change: ChartChange) -> None:
        calls.append("once")
        chart.changed.disconnect(once)

    chart.changed.connect(once)
    chart.changed.connect(lambda change: calls.append("always"))
    chart.set_position_xy("c", (0.0, 0.0))
    chart.set_position_xy("c", (1.0, 0.0))
    assert calls == ["once", "always", "always"]


def test_validation_follows_edits_to_the_chart() -> None:
    from orgdesigner.rules.engine import validate

    def rules_of_a() -> set[str]:
        return {f.rule for f in validate(chart).findings if f.agency == "a"}

    chart = small_chart()
    assert "structure.no-head" not in rules_of_a()
    chart.remove_position("h")
    assert "structure.no-head" in rules_of_a()
    old = chart.replace_agency(Agency("a", "A", site_management="outsourced"))
    assert old == Agency("a", "A")
    assert "site.declared-model" not in rules_of_a()
    chart.remove_position("x")
    assert "site.declared-model" in rules_of_a()
