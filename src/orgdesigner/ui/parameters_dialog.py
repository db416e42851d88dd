"""The scenario's parameters (domain.md §10): every one with its default, the two working
assumptions marked, and the scenario's overrides applied.

The dialog never writes the model: the window pushes `EditParameters` with `overrides()` once the
user accepts, so a change of thresholds is one undo step. What it refuses is exactly what the
command and the JSON reader refuse (`parameter_problems`), so an accepted dialog always saves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.commands.scenario_commands import PARAMETER_MAXIMUM, PARAMETER_MINIMUM, parameter_problems
from orgdesigner.model.labels import Label, Lang
from orgdesigner.model.parameters import PARAMETER_CHOICES, PARAMETER_NAMES, WORKING_ASSUMPTIONS, Parameters


class ParametersDialog(QDialog):
    def __init__(self, parameters: Mapping[str, object], lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scenario parameters"))
        self._lang = lang
        self._given = dict(parameters)
        self._defaults = Parameters().as_dict()
        labels = self._labels()
        choice_texts = self._choice_texts()
        self.editors: dict[str, QComboBox | QSpinBox] = {}
        form = QFormLayout()
        for name in PARAMETER_NAMES:
            editor: QComboBox | QSpinBox
            if name in PARAMETER_CHOICES:
                editor = QComboBox(self)
                for choice in PARAMETER_CHOICES[name]:
                    editor.addItem(choice_texts[choice], choice)
                editor.currentIndexChanged.connect(lambda _index: self._check())
            else:
                editor = QSpinBox(self)
                editor.setRange(PARAMETER_MINIMUM.get(name, 0), PARAMETER_MAXIMUM)
                editor.valueChanged.connect(lambda _value: self._check())
            editor.setObjectName(name)
            self.editors[name] = editor
            default = self._defaults[name]
            hint = QLabel(self.tr("default: {value}").format(value=choice_texts.get(str(default), default)), self)
            hint.setEnabled(False)  # greyed: a reminder, not a value
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(hint)
            text = labels[name]
            if name in WORKING_ASSUMPTIONS:
                text += " " + self.tr("(working assumption)")
                assumption = self.tr("No published norm sets this limit: it is a working assumption, "
                                     "and reports say so.")
                editor.setToolTip(assumption)
                hint.setToolTip(assumption)
            label = QLabel(text, self)
            label.setToolTip(name)  # the code that reports and files use
            label.setBuddy(editor)
            form.addRow(label, row)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self._show(self._defaults))
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.problems_label)
        outer.addWidget(self.buttons)
        self._show(Parameters.with_overrides(self._given).as_dict())

    def _labels(self) -> dict[str, str]:
        return {
            "headcount_basis": self.tr("Headcount counted in"),
            "model1_below": self.tr("Management model 1: headcount below"),
            "model2_upto": self.tr("Management model 2: headcount up to"),
            "model3_above": self.tr("Management model 3: headcount above"),
            "max_direct_reports": self.tr("Most direct reports of a manager"),
            "sector_manager_max_span": self.tr("Most site staff under a sector manager"),
            "gardiennage_dwellings_per_fte": self.tr("Guarding: dwellings per FTE"),
            "gardiennage_rounding": self.tr("Guarding: a started block of dwellings"),
        }

    def _choice_texts(self) -> dict[str, str]:
        return {
            "positions": self.tr("positions (vacant posts included)"),
            "fte": self.tr("FTE"),
            "floor": self.tr("does not count (whole blocks)"),
            "ceil": self.tr("counts (stricter)"),
        }

    def _show(self, values: Mapping[str, object]) -> None:
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(values[name]))
            else:
                editor.setValue(cast(int, values[name]))
        self._check()

    def values(self) -> dict[str, object]:
        """Every parameter as the dialog shows it."""
        return {name: editor.currentData() if isinstance(editor, QComboBox) else editor.value()
                for name, editor in self.editors.items()}

    def overrides(self) -> dict[str, object]:
        """What the scenario should hold: the values that differ from the defaults, plus any override
        the scenario already gave and the user left as it was (so that accepting without a change
        changes nothing, even an override equal to its default)."""
        return {name: value for name, value in self.values().items()
                if value != self._defaults[name] or (name in self._given and self._given[name] == value)}

    def problems(self) -> tuple[Label, ...]:
        return parameter_problems(self.overrides())

    def _check(self) -> None:
        problems = self.problems()
        self.problems_label.setText("\n".join(problem.in_(self._lang) for problem in problems))
        self.problems_label.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        """Refuses to close on values the command would refuse; the OK button is off for them anyway."""
        if not self.problems():
            super().accept()
