"""A chart is built from its scenario in bulk: the same graphs, ranks and refusals as when every
position and link is added one at a time."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chart_samples import sample_chart
from edit_sessions import draw_command
from orgdesigner.commands import CommandStack
from orgdesigner.model import queries
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart, ChartError
from orgdesigner.model.entities import Link, Position, Scenario

POSITIONS = tuple(Position(f"p{i}", "caretaker", "a") for i in range(8))
LINKS = (Link("p0", "p3"), Link("p0", "p1"), Link("p3", "p2", "dotted"), Link("p1", "p2"), Link("p0", "p2"),
         Link("p5", "p4", "contract"), Link("p0", "p1", "dotted"), Link("p7", "p6"), Link("p0", "p7"))


def one_at_a_time(positions: tuple[Position, ...], links: tuple[Link, ...]) -> Chart:
    chart = Chart(Scenario("s"))
    for position in positions:
        chart.add_position(position)
    for link in links:
        chart.add_link(link)
    return chart


def shape(chart: Chart) -> list[object]:
    """Everything order-sensitive: nodes, and each node's successors and predecessors, per graph."""
    return [(list(graph), [list(graph.successors(n)) for n in graph], [list(graph.predecessors(n)) for n in graph])
            for graph in map(chart.graph, LINK_TYPE_ORDER)]


def test_the_graphs_are_those_of_positions_and_links_added_one_at_a_time() -> None:
    built = Chart(Scenario("s", positions=POSITIONS, links=LINKS))
    assert shape(built) == shape(one_at_a_time(POSITIONS, LINKS))
    assert built.links() == LINKS
    assert [built.link_rank(link) for link in LINKS] == list(range(len(LINKS)))
    assert queries.reports(built, "p0") == ["p3", "p1", "p2", "p7"]


def test_links_added_after_building_come_last_and_ranks_put_back_stay_in_order() -> None:
    chart = Chart(Scenario("s", positions=POSITIONS, links=LINKS))
    chart.add_link(Link("p6", "p5"))
    assert chart.links()[-1] == Link("p6", "p5") and chart.link_rank(Link("p6", "p5")) == len(LINKS)
    rank = chart.link_rank(Link("p0", "p1"))
    chart.remove_link(Link("p0", "p1"))
    with pytest.raises(ChartError, match="taken or was never given"):
        chart.add_link(Link("p0", "p1"), rank=chart.link_rank(Link("p0", "p3")))
    chart.add_link(Link("p0", "p1"), rank=rank)
    assert chart.links() == (*LINKS, Link("p6", "p5"))
    assert queries.reports(chart, "p0") == ["p3", "p1", "p2", "p7"]


def test_an_empty_scenario_builds_an_empty_chart() -> None:
    chart = Chart(Scenario("s"))
    assert chart.links() == () and [len(chart.graph(t)) for t in LINK_TYPE_ORDER] == [0, 0, 0]
    chart.add_position(Position("p", "caretaker"))
    chart.add_position(Position("q", "caretaker"))
    chart.add_link(Link("p", "q"))
    assert chart.link_rank(Link("p", "q")) == 0


@pytest.mark.parametrize(("positions", "links", "message"), [
    ((*POSITIONS, Position("p2", "caretaker")), LINKS, "position 'p2' exists already"),
    (POSITIONS, (*LINKS, Link("p1", "nobody")), "link 'p1' → 'nobody': no position 'nobody'"),
    (POSITIONS, (*LINKS, Link("ghost", "nobody")), "link 'ghost' → 'nobody': no position 'ghost'"),
    (POSITIONS, (Link("p1", "p1"),), "link 'p1' → itself"),
    (POSITIONS, (*LINKS, Link("p3", "p2", "dotted")), r"link 'p3' → 'p2' \(dotted\) exists already"),
    # Positions are all checked before any link, as when they were added one at a time.
    ((*POSITIONS, POSITIONS[0]), (Link("p1", "p1"),), "position 'p0' exists already"),
])
def test_a_scenario_that_would_make_the_chart_inconsistent_is_refused(
        positions: tuple[Position, ...], links: tuple[Link, ...], message: str) -> None:
    with pytest.raises(ChartError, match=f"^{message}$"):
        Chart(Scenario("s", positions=positions, links=links))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_after_any_edits_undos_and_redos_the_graphs_are_in_the_order_of_a_fresh_build(data: st.DataObject) -> None:
    """Undo puts positions and links back in place by sorting only what it touched (not a refill of
    the graphs): the order must still be the one a chart built afresh from the scenario has."""
    chart = sample_chart()
    stack = CommandStack()
    fresh = itertools.count()
    for _ in range(data.draw(st.integers(1, 15), label="steps")):
        step = data.draw(st.sampled_from(["edit", "edit", "undo", "undo", "redo"]))
        if step == "undo" and stack.can_undo:
            stack.undo()
        elif step == "redo" and stack.can_redo:
            stack.redo()
        elif step == "edit":
            with contextlib.suppress(ChartError):
                stack.push(draw_command(data, chart, fresh))
        assert shape(chart) == shape(Chart(chart.to_scenario()))
