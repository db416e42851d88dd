"""The report kept current edit by edit (rules/engine.LiveReport) is the report a full run gives:
same findings, same summaries, same order, after any sequence of edits, undos and redos, including
edits that cross agencies and changes of the scenario's parameters."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chart_samples import sample_chart
from edit_sessions import draw_command
from orgdesigner.app.demo import demo_project
from orgdesigner.commands import (
    AddLink,
    AddPosition,
    CommandStack,
    EditAgency,
    EditPosition,
    RemoveLink,
    RemovePositions,
    ReparentPosition,
)
from orgdesigner.commands.scenario_commands import EditParameters
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Agency, Link, Position, Scenario
from orgdesigner.rules import engine, structure
from orgdesigner.rules.engine import LiveReport, validate
from orgdesigner.rules.findings import Finding


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


def _looped_chart() -> Chart:
    """Two agencies and head office, each with a short chain, and one loop across two agencies."""
    agencies = (Agency("a", "Agence A"), Agency("b", "Agence B"))
    positions = [Position("h", "agency_head", "a"), Position("k", "agency_head", "b"),
                 *(Position(f"a{i}", "client_officer", "a") for i in range(3)),
                 *(Position(f"b{i}", "caretaker", "b", holder=f"B{i}") for i in range(3)),
                 Position("s0", "assistant"), Position("s1", "other", family="support")]
    links = [Link("h", "a0"), Link("a0", "a1"), Link("a1", "a2"), Link("k", "b0"), Link("b0", "b1"),
             Link("b1", "b2"), Link("s0", "s1"), Link("a2", "b2", "dotted"), Link("b2", "a1"), Link("a1", "b1")]
    return Chart(Scenario("boucles", agencies=agencies, positions=tuple(positions), links=tuple(links)))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_live_report_follows_loops_made_and_broken(data: st.DataObject) -> None:
    # structure.cycle's findings are kept across edits that cannot change them: every line drawn or
    # cut, every position renamed, moved to another agency, removed and put back, on and off loops.
    chart, stack, fresh = _looped_chart(), CommandStack(), itertools.count()
    live = LiveReport(chart)
    assert live.report() == validate(chart)
    for _ in range(data.draw(st.integers(1, 16))):
        ids = [p.id for p in chart.positions()]
        step = data.draw(st.sampled_from(("line", "line", "line", "cut", "cut", "edit", "remove", "add", "undo",
                                          "undo", "redo", "agency")))
        if step == "undo" and stack.can_undo:
            stack.undo()
        elif step == "redo" and stack.can_redo:
            stack.redo()
        elif step == "agency":
            agency = data.draw(st.sampled_from(chart.agencies()))
            stack.push(EditAgency(chart, dataclasses.replace(agency, name=data.draw(st.sampled_from(("N", "S"))))))
        elif step == "cut" and chart.links():
            stack.push(RemoveLink(chart, data.draw(st.sampled_from(chart.links()))))
        elif step == "edit" and ids:
            position = chart.position(data.draw(st.sampled_from(ids)))
            field = data.draw(st.sampled_from(("holder", "agency", "role")))
            value = data.draw(st.sampled_from({"holder": (None, "Ana", "Zoé"), "agency": (None, "a", "b"),
                                               "role": ("caretaker", "provider", "sector_manager")}[field]))
            stack.push(EditPosition(chart, dataclasses.replace(position, **{field: value})))
        elif step == "remove" and ids:
            stack.push(RemovePositions(chart, data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2))))
        elif step == "add" or not ids:
            manager = data.draw(st.none() | st.sampled_from(ids)) if ids else None
            position = Position(f"n{next(fresh)}", "client_officer", data.draw(st.sampled_from((None, "a", "b"))))
            stack.push(AddPosition(chart, position, [] if manager is None else [Link(manager, position.id)]))
        elif ids:
            link = Link(data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids)),
                        data.draw(st.sampled_from(("line", "line", "dotted"))))
            with contextlib.suppress(ChartError):  # a self link, or one drawn already
                stack.push(AddLink(chart, link))
        if data.draw(st.booleans()):
            assert live.report() == validate(chart)
    assert live.report() == validate(chart)
    live.detach()


def test_loops_are_looked_for_again_only_after_an_edit_on_one_or_making_one(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []
    rule = engine._WHOLE_CHART_RULES["structure.cycle"]

    def counted(chart: Chart) -> Iterator[Finding]:
        runs.append(1)
        return structure.cycle(chart)

    monkeypatch.setitem(engine._WHOLE_CHART_RULES, rule.id, dataclasses.replace(rule, whole_chart=counted))
    chart = _looped_chart()
    live, stack = LiveReport(chart), CommandStack()

    def loops() -> list[tuple[str, ...]]:
        report, found = live.report(), len(runs)
        assert report == validate(chart)
        del runs[found:]  # validate's own run is not the live report's
        return [f.positions for f in report.findings if f.rule == "structure.cycle"]

    assert (loops(), len(runs)) == ([("a1", "b1", "b2")], 1)
    stack.push(EditPosition(chart, dataclasses.replace(chart.position("a0"), holder="Ana")))  # manages a1
    stack.push(AddLink(chart, Link("k", "a0", "dotted")))
    stack.push(AddLink(chart, Link("a2", "s0")))  # below the loop, not on it
    stack.push(EditAgency(chart, dataclasses.replace(chart.agencies()[0], name="Agence A renommée")))
    stack.push(EditParameters(chart, {"max_direct_reports": 2}))
    assert (loops(), len(runs)) == ([("a1", "b1", "b2")], 1)
    stack.push(EditPosition(chart, dataclasses.replace(chart.position("b1"), holder="Luc")))  # on the loop
    assert (loops(), len(runs)) == ([("a1", "b1", "b2")], 2)
    stack.push(AddLink(chart, Link("s1", "s0")))  # a second loop
    assert (loops(), len(runs)) == ([("a1", "b1", "b2"), ("s0", "s1")], 3)
    stack.push(RemovePositions(chart, ["b2"]))  # the first loop broken
    assert (loops(), len(runs)) == ([("s0", "s1")], 4)
    stack.undo()
    assert (loops(), len(runs)) == ([("a1", "b1", "b2"), ("s0", "s1")], 5)
    live.detach()
