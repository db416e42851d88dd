"""A small chart to edit, and the comparisons the command tests share."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from orgdesigner.commands import Command
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart, ChartError
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site


def sample_scenario() -> Scenario:
    """Two agencies, a head office assistant, two sectors under one head, a contractor, a dotted
    line, and coordinates for some positions only (the others are laid out automatically)."""
    return Scenario(
        "Cible 2026",
        agencies=(Agency("a", "Agence Nord", dwellings=4200, sites=(Site("s1", "Les Tilleuls", 300),)),
                  Agency("b", "Agence Sud")),
        positions=(
            Position("h", "agency_head", "a", holder="Claire Martin"),
            Position("m1", "sector_manager", "a"),
            Position("m2", "sector_manager", "a", title="Responsable de secteur Est"),
            Position("c1", "caretaker", "a", site="s1", holder="Paul"),
            Position("c2", "caretaker", "a", fte=0.5),
            Position("x", "provider", "a", title="Nettoyage SARL"),
            Position("g", "assistant", None),
        ),
        links=(Link("h", "m1"), Link("h", "m2"), Link("m1", "c1"), Link("m2", "c2"),
               Link("m1", "x", "contract"), Link("h", "c1", "dotted")),
        layout=MappingProxyType({"h": (0.0, 0.0), "m1": (-100.0, 120.0), "c1": (-100.0, 240.0)}),
    )


def sample_chart() -> Chart:
    return Chart(sample_scenario())


def assert_graphs_in_step(chart: Chart) -> None:
    """The chart's graphs hold exactly its positions and links, whatever was done and undone."""
    ids = {p.id for p in chart.positions()}
    for link_type in LINK_TYPE_ORDER:
        graph = chart.graph(link_type)
        assert set(graph.nodes) == ids
        assert set(graph.edges) == {(link.source, link.target) for link in chart.links()
                                    if link.type == link_type}


def round_trip(chart: Chart, command: Command) -> Scenario:
    """redo, undo, redo, undo: each undo gives back the start, each redo the same end state."""
    before = chart.to_scenario()
    command.redo()
    after = chart.to_scenario()
    assert_graphs_in_step(chart)
    for _ in range(2):
        command.undo()
        assert chart.to_scenario() == before
        assert_graphs_in_step(chart)
        command.redo()
        assert chart.to_scenario() == after
    command.undo()
    return after


def refused(chart: Chart, command: Command) -> None:
    """The command raises ChartError and the chart is as it was."""
    before = chart.to_scenario()
    with pytest.raises(ChartError):
        command.redo()
    assert chart.to_scenario() == before
    assert_graphs_in_step(chart)
