"""The properties of the selected position: role, title, holder or vacant, FTE, site, notes.

The panel never writes the model: each change becomes an `EditPosition` pushed by the window, and
typing merges into one undo step per field. It refreshes from the model when the model changes, so
an undo shows at once.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.model.catalogue import FAMILIES, OTHER_ROLE, ROLES
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Lang


class PropertiesPanel(QWidget):
    edited = Signal(object)  # the new Position value

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._chart: Chart | None = None
        self._position: Position | None = None
        self._loading = False
        self._shown_fte = 1.0
        self.heading = QLabel(self.tr("Select one position to see its properties."), self)
        self.role = QComboBox(self)
        for code, role in ROLES.items():
            self.role.addItem(role.label.in_(lang), code)
        self.family = QComboBox(self)
        for code, label in FAMILIES.items():
            self.family.addItem(label.in_(lang), code)
        self.title = QLineEdit(self)
        self.holder = QLineEdit(self)
        self.vacant = QCheckBox(self.tr("Vacant post"), self)
        self.fte = QDoubleSpinBox(self)
        self.fte.setRange(0.001, 1.0)
        self.fte.setSingleStep(0.1)
        self.fte.setDecimals(3)
        self.site = QComboBox(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(90)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a holder's name, as typed
        self.heading.setWordWrap(True)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(self.heading)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Family"), self.family)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Holder"), self.holder)
        form.addRow("", self.vacant)
        form.addRow(self.tr("FTE"), self.fte)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Notes"), self.notes)
        self.role.activated.connect(lambda _index: self._changed())
        self.family.activated.connect(lambda _index: self._changed())
        self.title.textEdited.connect(lambda _text: self._changed())
        self.holder.textEdited.connect(lambda _text: self._changed())
        self.vacant.toggled.connect(lambda _on: self._changed())
        self.fte.valueChanged.connect(lambda _value: self._changed())
        self.site.activated.connect(lambda _index: self._changed())
        self.notes.textChanged.connect(self._changed)
        self.show_position(None, None)

    @property
    def chart(self) -> Chart | None:
        return self._chart

    def show_position(self, chart: Chart | None, position_id: str | None) -> None:
        self._chart = chart
        self._position = chart.position(position_id) if chart is not None and position_id is not None else None
        self._load()

    def refresh(self) -> None:
        """Shows the model's current value (after an undo, say), or nothing if the position is gone."""
        if self._chart is not None and self._position is not None:
            still = self._chart.has_position(self._position.id)
            self._position = self._chart.position(self._position.id) if still else None
        self._load()

    def _load(self) -> None:
        position = self._position
        self._loading = True
        try:
            for widget in self._editors():
                widget.setEnabled(position is not None)
            if position is None:
                self.heading.setText(self.tr("Select one position to see its properties."))
                for combo in (self.role, self.family, self.site):
                    combo.setCurrentIndex(-1)
                self.title.clear()
                self.holder.clear()
                self.notes.clear()
                self.fte.clear()
                return
            self.heading.setText(position.display_name(self._lang))
            self.role.setCurrentIndex(self.role.findData(position.role))
            self.family.setEnabled(position.role == OTHER_ROLE)
            self.family.setCurrentIndex(self.family.findData(position.family_code))
            self.title.setPlaceholderText(ROLES[position.role].label.in_(self._lang))
            _set_text(self.title, position.title or "")
            _set_text(self.holder, position.holder or "")
            self.holder.setEnabled(not position.is_provider)
            self.vacant.setChecked(position.is_vacant and not position.is_provider)
            self.vacant.setEnabled(not position.is_provider)
            self.fte.setValue(position.fte)
            self._shown_fte = self.fte.value()
            self.site.clear()
            self.site.addItem("—", None)
            agency = self._chart.agency(position.agency) if self._chart and position.agency else None
            for site in (agency.sites or ()) if agency else ():
                self.site.addItem(site.name, site.id)
            self.site.setCurrentIndex(max(self.site.findData(position.site), 0))
            if self.notes.toPlainText() != (position.notes or ""):
                self.notes.setPlainText(position.notes or "")
        finally:
            self._loading = False

    def _editors(self) -> list[QWidget]:
        return [self.role, self.family, self.title, self.holder, self.vacant, self.fte, self.site, self.notes]

    def _changed(self) -> None:
        if self._loading or self._position is None:
            return
        role = str(self.role.currentData())
        holder = None if self.vacant.isChecked() else (self.holder.text().strip() or None)
        title = self.title.text().strip() or None
        if role == OTHER_ROLE and title is None:
            title = self._position.title or ROLES[OTHER_ROLE].label.in_(self._lang)
        new = dataclasses.replace(
            self._position,
            role=role,
            family=str(self.family.currentData()) if role == OTHER_ROLE else None,
            title=title,
            holder=None if role == "provider" else holder,
            # What the spin box shows is rounded: keep the stored FTE unless the user changed it.
            fte=self._position.fte if self.fte.value() == self._shown_fte else round(self.fte.value(), 3),
            site=self.site.currentData(),
            notes=self.notes.toPlainText() or None,
            guarding=self._position.guarding and role == "provider",
        )
        if new != self._position:
            self._position = new
            self.edited.emit(new)


def _set_text(editor: QLineEdit, text: str) -> None:
    """Replaces the text without moving the cursor of someone typing in it."""
    if editor.text() != text:
        editor.setText(text)
