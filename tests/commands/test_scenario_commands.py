"""A change of parameters is one undoable step that changes the verdicts, and is refused whole when the
file reader would refuse it."""

from __future__ import annotations

import pytest

from orgdesigner.commands import CommandStack
from orgdesigner.commands.scenario_commands import EditParameters, parameter_problems
from orgdesigner.io.scenario_json import read_scenario_text, scenario_to_json
from orgdesigner.model.chart import Chart, ChartChange, ChartError
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Scenario, Site
from orgdesigner.rules.engine import validate

GUARD = "site.gardiennage"


def guarded_chart(**parameters: object) -> Chart:
    """Les Tilleuls: 200 dwellings in a guarding zone, one full-time caretaker assigned. One FTE per
    100 dwellings asks for two; one per 200 asks for one."""
    return Chart(Scenario(
        "Cible",
        parameters=parameters,
        agencies=(Agency("a", "Agence Nord", sites=(Site("s1", "Les Tilleuls", 200, True),)), Agency("b", "Sud")),
        positions=(Position("h", "agency_head", "a"), Position("m", "sector_manager", "a"),
                   Position("c", "caretaker", "a", site="s1", holder="Paul")),
        links=(Link("h", "m"), Link("m", "c")),
    ))


def guarding_findings(chart: Chart) -> list[str]:
    return [f.message.en for f in validate(chart).findings if f.rule == GUARD]


def test_a_ratio_change_lifts_the_guarding_finding_and_undo_brings_it_back() -> None:
    chart = guarded_chart()
    stack = CommandStack()
    assert len(guarding_findings(chart)) == 1
    stack.push(EditParameters(chart, {"gardiennage_dwellings_per_fte": 200}))
    assert guarding_findings(chart) == []
    assert dict(chart.parameters) == {"gardiennage_dwellings_per_fte": 200}
    stack.undo()
    assert dict(chart.parameters) == {}
    [message] = guarding_findings(chart)
    assert "requires 2 FTE" in message
    stack.redo()
    assert guarding_findings(chart) == []


def test_rounding_up_counts_a_started_block() -> None:
    chart = guarded_chart(gardiennage_dwellings_per_fte=150)
    assert guarding_findings(chart) == []  # 200 / 150, whole blocks: one FTE, and there is one
    EditParameters(chart, {"gardiennage_dwellings_per_fte": 150, "gardiennage_rounding": "ceil"}).redo()
    [message] = guarding_findings(chart)
    assert "requires 2 FTE" in message and "started blocks counted" in message


def test_the_change_is_announced_for_every_agency_and_head_office() -> None:
    chart = guarded_chart()
    heard: list[ChartChange] = []
    chart.changed.connect(heard.append)
    command = EditParameters(chart, {"max_direct_reports": 8})
    command.redo()
    command.undo()
    assert [c.agencies for c in heard] == [frozenset({None, "a", "b"})] * 2
    assert all(c.structure for c in heard)


def test_undo_gives_back_the_overrides_as_they_were_held() -> None:
    chart = guarded_chart(max_direct_reports=12, headcount_basis="fte")  # one equal to its default: kept
    before = chart.to_scenario()
    command = EditParameters(chart, {"headcount_basis": "positions"})
    command.redo()
    assert dict(chart.parameters) == {"headcount_basis": "positions"}
    command.undo()
    assert chart.to_scenario() == before


def test_the_text_names_the_parameters_whose_value_changes() -> None:
    chart = guarded_chart(max_direct_reports=10)
    command = EditParameters(chart, {"max_direct_reports": 10, "gardiennage_rounding": "ceil"})
    assert command.text.en == "Edit the parameters: gardiennage_rounding"
    assert command.text.fr == "Modifier les paramètres : gardiennage_rounding"
    # Dropping an override equal to its default changes no value in force.
    assert EditParameters(guarded_chart(model1_below=15), {}).text.en == "Edit the parameters"


@pytest.mark.parametrize(("parameters", "expected"), [
    ({"model1_below": 27}, "model1_below must be at most 26"),
    ({"model2_upto": 31}, "model2_upto must be at most 30"),
    ({"gardiennage_dwellings_per_fte": 0}, "gardiennage_dwellings_per_fte must be a whole number from 1"),
    ({"max_direct_reports": True}, "max_direct_reports must be a whole number"),
    ({"gardiennage_rounding": "round"}, "gardiennage_rounding must be one of floor, ceil"),
    ({"span": 3}, "Unknown parameter: span"),
])
def test_what_the_reader_refuses_is_refused_with_nothing_changed(parameters: dict[str, object],
                                                                 expected: str) -> None:
    chart = guarded_chart(max_direct_reports=9)
    stack = CommandStack()
    with pytest.raises(ChartError, match=expected):
        stack.push(EditParameters(chart, parameters))
    assert dict(chart.parameters) == {"max_direct_reports": 9} and stack.count == 0


def test_overrides_the_checks_accept_are_read_back_from_the_file() -> None:
    overrides: dict[str, object] = {"model1_below": 26, "model2_upto": 30, "model3_above": 30,
                                    "gardiennage_dwellings_per_fte": 1, "headcount_basis": "fte"}
    assert parameter_problems(overrides) == ()
    chart = guarded_chart()
    EditParameters(chart, overrides).redo()
    text = scenario_to_json(Organisation("Habitat"), chart.to_scenario())
    assert dict(read_scenario_text(text).scenario.parameters) == overrides
