"""The parameters dialog: the scenario's values shown, only real overrides handed back, and nothing
accepted that the command or the file reader would refuse."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from orgdesigner.commands import CommandStack
from orgdesigner.commands.scenario_commands import EditParameters
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site
from orgdesigner.model.labels import Lang
from orgdesigner.model.parameters import PARAMETER_NAMES, WORKING_ASSUMPTIONS
from orgdesigner.rules.engine import validate
from orgdesigner.ui.parameters_dialog import ParametersDialog


def dialog_for(qtbot: QtBot, parameters: dict[str, object], lang: Lang = "en") -> ParametersDialog:
    dialog = ParametersDialog(parameters, lang)
    qtbot.addWidget(dialog)
    return dialog


def spin(dialog: ParametersDialog, name: str) -> QSpinBox:
    editor = dialog.editors[name]
    assert isinstance(editor, QSpinBox)
    return editor


def combo(dialog: ParametersDialog, name: str) -> QComboBox:
    editor = dialog.editors[name]
    assert isinstance(editor, QComboBox)
    return editor


def ok_enabled(dialog: ParametersDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_every_parameter_is_shown_with_the_overrides_applied(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {"max_direct_reports": 8, "gardiennage_rounding": "ceil"})
    assert list(dialog.editors) == list(PARAMETER_NAMES)
    assert dialog.values() == {"headcount_basis": "positions", "model1_below": 15, "model2_upto": 25,
                               "model3_above": 30, "max_direct_reports": 8, "sector_manager_max_span": 12,
                               "gardiennage_dwellings_per_fte": 100, "gardiennage_rounding": "ceil"}
    assert ok_enabled(dialog) and not dialog.problems()


def test_the_working_assumptions_are_marked_and_only_they(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    marked = {label.toolTip() for label in dialog.findChildren(QLabel) if "working assumption" in label.text()}
    assert marked == set(WORKING_ASSUMPTIONS)


def test_only_values_that_differ_from_the_defaults_come_back(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {"max_direct_reports": 8})
    spin(dialog, "gardiennage_dwellings_per_fte").setValue(200)
    spin(dialog, "max_direct_reports").setValue(12)  # back to its default: no longer an override
    assert dialog.overrides() == {"gardiennage_dwellings_per_fte": 200}


def test_accepting_unchanged_keeps_an_override_equal_to_its_default(qtbot: QtBot) -> None:
    given: dict[str, object] = {"sector_manager_max_span": 12, "headcount_basis": "fte"}
    assert dialog_for(qtbot, given).overrides() == given


def test_restore_defaults_drops_every_new_value(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {"model1_below": 10, "headcount_basis": "fte"})
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.overrides() == {}
    assert combo(dialog, "headcount_basis").currentData() == "positions"


def test_overlapping_thresholds_are_explained_and_cannot_be_accepted(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    spin(dialog, "model2_upto").setValue(32)
    assert not ok_enabled(dialog)
    assert "model2_upto must be at most 30" in dialog.problems_label.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    spin(dialog, "model3_above").setValue(32)
    assert ok_enabled(dialog) and dialog.problems_label.text() == ""
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.overrides() == {"model2_upto": 32, "model3_above": 32}


def test_the_messages_follow_the_language(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {}, "fr")
    spin(dialog, "model1_below").setValue(40)
    assert "model1_below doit valoir au plus 26" in dialog.problems_label.text()


def test_the_spin_boxes_hold_the_ranges_the_reader_accepts(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    per_fte = spin(dialog, "gardiennage_dwellings_per_fte")
    per_fte.setValue(0)
    assert per_fte.value() == 1
    assert spin(dialog, "max_direct_reports").minimum() == 0


def test_a_dialog_accepted_then_undone_changes_the_guarding_verdict(qtbot: QtBot) -> None:
    chart = Chart(Scenario(
        "Cible",
        agencies=(Agency("a", "Agence Nord", sites=(Site("s1", "Les Tilleuls", 200, True),)),),
        positions=(Position("h", "agency_head", "a"), Position("m", "sector_manager", "a"),
                   Position("c", "caretaker", "a", site="s1")),
        links=(Link("h", "m"), Link("m", "c")),
    ))
    stack = CommandStack()

    def guarding() -> int:
        return sum(f.rule == "site.gardiennage" for f in validate(chart).findings)

    assert guarding() == 1
    dialog = dialog_for(qtbot, dict(chart.parameters))
    spin(dialog, "gardiennage_dwellings_per_fte").setValue(250)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stack.push(EditParameters(chart, dialog.overrides()))
    assert guarding() == 0
    stack.undo()
    assert guarding() == 1 and dict(chart.parameters) == {}
