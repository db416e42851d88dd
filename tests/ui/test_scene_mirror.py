"""The canvas mirrors the model: after any sequence of edits, undos and redos, the scene has one card
per position where the chart places it, showing what the position is, one line per link, and the
collapse toggle on exactly the cards with reports."""

from __future__ import annotations

import contextlib
import itertools

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from chart_samples import sample_chart
from edit_sessions import draw_command
from orgdesigner.commands import CommandStack
from orgdesigner.layout.chart_layout import AGENCY_HEADER_GAP, link_drawing
from orgdesigner.layout.routing import Box, route
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.rules.engine import validate
from orgdesigner.ui.items import CARD_HEIGHT, CARD_WIDTH, HEADER_HEIGHT, HEADER_WIDTH
from orgdesigner.ui.scene import ChartScene, card_look, header_look


def assert_mirrors(scene: ChartScene, chart: Chart) -> None:
    cards = scene.cards()
    assert set(cards) == {p.id for p in chart.positions()}
    assert set(scene.link_items()) == set(chart.links())
    for position in chart.positions():
        card = cards[position.id]
        xy = chart.position_xy(position.id)
        if xy is not None:
            assert (card.x(), card.y()) == xy
        findings = [f for f in validate(chart).findings if position.id in f.positions]
        collapsed = scene.is_collapsed(position.id)
        below = len(nx.descendants(chart.graph("line"), position.id) - {position.id}) if collapsed else 0
        expected = card_look(position, findings, "fr", has_reports=bool(chart.graph("line").succ[position.id]),
                             collapsed=collapsed, hidden_below=below)
        assert card.look == expected
    line = chart.graph("line")
    hidden: set[str] = set()
    for position in chart.positions():
        if scene.is_collapsed(position.id):
            hidden |= nx.descendants(line, position.id) - {position.id}
    assert scene.hidden_ids() == hidden
    assert {p for p, card in cards.items() if not card.isVisible()} == hidden
    headers = scene.headers()
    assert set(headers) == {a.id for a in chart.agencies()}
    report = validate(chart)
    for summary in report.agencies:
        agency_findings = [f for f in report.findings if f.agency == summary.agency.id]
        assert headers[summary.agency.id].look == header_look(summary, agency_findings, "fr")
    for agency_id, header in headers.items():
        shown = [cards[p.id] for p in chart.positions() if p.agency == agency_id and p.id not in hidden]
        assert header.isVisible() == bool(shown)
        if shown:
            top = min(card.y() for card in shown)
            row = [card.x() for card in shown if card.y() == top]
            assert (header.x(), header.y()) == ((min(row) + max(row) + CARD_WIDTH - HEADER_WIDTH) / 2,
                                                top - AGENCY_HEADER_GAP - HEADER_HEIGHT)
    for link, item in scene.link_items().items():
        assert (item.source, item.target, item.link_type) == (link.source, link.target, link.type)
        path = item.path()
        points = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
        source, target = cards[link.source], cards[link.target]
        ceiling = None
        target_agency = chart.position(link.target).agency
        if target_agency is not None and chart.position(link.source).agency != target_agency:
            header = headers.get(target_agency)
            ceiling = header.y() if header is not None and header.isVisible() else None
        assert points == route(link_drawing(chart, link), Box(source.x(), source.y(), CARD_WIDTH, CARD_HEIGHT),
                               Box(target.x(), target.y(), CARD_WIDTH, CARD_HEIGHT), ceiling=ceiling)
        assert item.isVisible() == (link.source not in hidden and link.target not in hidden)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_scene_mirrors_the_chart_through_any_edits_undos_and_redos(qtbot: QtBot, data: st.DataObject) -> None:
    chart, stack, fresh = sample_chart(), CommandStack(), itertools.count()
    scene = ChartScene(chart, "fr")
    scene.set_report(validate(chart))
    assert_mirrors(scene, chart)
    for _ in range(data.draw(st.integers(1, 10))):
        step = data.draw(st.sampled_from(("push", "push", "push", "undo", "redo", "collapse")))
        if step == "undo" and stack.can_undo:
            stack.undo()
        elif step == "redo" and stack.can_redo:
            stack.redo()
        elif step == "collapse" and any(True for _ in chart.positions()):
            scene.toggle_collapsed(data.draw(st.sampled_from([p.id for p in chart.positions()])))
        else:
            with contextlib.suppress(ChartError):  # a refused edit changes nothing: checked just below
                stack.push(draw_command(data, chart, fresh))
        scene.set_report(validate(chart))
        assert_mirrors(scene, chart)
    scene.detach()
