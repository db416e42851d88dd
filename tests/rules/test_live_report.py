"""The report kept current edit by edit (rules/engine.LiveReport) is the report a full run gives:
same findings, same summaries, same order, after any sequence of edits, undos and redos, including
edits that cross agencies and changes of the scenario's parameters."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from chart_samples import sample_chart
from edit_sessions import draw_command
from orgdesigner.app.demo import demo_project
from orgdesigner.commands import AddPosition, CommandStack, EditAgency, RemoveLink, ReparentPosition
from orgdesigner.commands.scenario_commands import EditParameters
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Link, Position
from orgdesigner.rules.engine import LiveReport, validate


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_live_report_equals_a_full_run_after_any_edits(data: st.DataObject) -> None:
    chart, stack, fresh = sample_chart(), CommandStack(), itertools.count()
    live = LiveReport(chart)
    assert live.report() == validate(chart)
    for _ in range(data.draw(st.integers(1, 12))):
        step = data.draw(st.sampled_from(("push", "push", "push", "undo", "redo", "parameters")))
        if step == "undo" and stack.can_undo:
            stack.undo()
        elif step == "redo" and stack.can_redo:
            stack.redo()
        elif step == "parameters":
            ratio = data.draw(st.sampled_from((50, 100, 300)))
            stack.push(EditParameters(chart, {"gardiennage_dwellings_per_fte": ratio}))
        else:
            with contextlib.suppress(ChartError):  # a refused edit changes nothing
                stack.push(draw_command(data, chart, fresh))
        if data.draw(st.booleans()):  # asked after some steps only: several edits pile up in between
            assert live.report() == validate(chart)
    assert live.report() == validate(chart)
    live.detach()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_live_report_follows_edits_on_the_demo(data: st.DataObject) -> None:
    chart = Chart(demo_project().scenarios[0])
    stack, fresh = CommandStack(), itertools.count()
    live = LiveReport(chart)
    for _ in range(data.draw(st.integers(1, 8))):
        with contextlib.suppress(ChartError):
            stack.push(draw_command(data, chart, fresh))
        assert live.report() == validate(chart)


def test_an_edit_down_a_chain_through_another_agency_reaches_the_deputy_above() -> None:
    # nord's deputy → four centre positions → a nord client officer: cutting the chain in centre
    # takes the officer out of the deputy's reach, a nord finding.
    chart = Chart(demo_project().scenarios[0])
    live, stack = LiveReport(chart), CommandStack()
    previous = "nord-02"
    for position_id in ["X", "Z", "Y", "W"]:
        stack.push(AddPosition(chart, Position(position_id, "client_officer", "centre"), [Link(previous, position_id)]))
        previous = position_id
    stack.push(ReparentPosition(chart, "nord-04", "W"))
    assert live.report() == validate(chart)
    stack.push(RemoveLink(chart, Link("Z", "Y")))
    assert live.report() == validate(chart)


def test_renaming_an_agency_renames_it_in_the_other_agencies_findings() -> None:
    chart = Chart(demo_project().scenarios[0])
    live, stack = LiveReport(chart), CommandStack()
    stack.push(ReparentPosition(chart, "nord-04", "centre-01"))  # a nord officer under centre's head
    assert live.report() == validate(chart)
    centre = chart.agency("centre")
    assert centre is not None
    stack.push(EditAgency(chart, dataclasses.replace(centre, name="Agence Centre renommée")))
    assert live.report() == validate(chart)
    assert any("Agence Centre renommée" in f.message.fr for f in live.report().findings if f.agency == "nord")
