"""What an agency carries (domain.md §3): name, territory with the deck's guidance, dwellings, sites,
site-management model, perimeter, forms of presence and reception beside the 2022 survey.

The panel never writes the model: each change becomes one new `Agency` value, emitted for the window
to push as an `EditAgency`, so every edit undoes. It shows the model again on `refresh()` (after an
undo, say) without emitting anything.

"Not given" (None) and "given, empty" (an empty tuple) are different answers for sites, presence and
reception: with None a rule that needs the field is skipped, with () it runs on nothing. Each of
those fields therefore has its own "given" box, and unticking it is an edit like any other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.model.catalogue import (
    LEVEL_LABELS,
    LEVELS,
    MISSIONS,
    PERIMETER_MODELS,
    PRESENCE,
    RECEPTION,
    RECEPTION_SURVEY,
    RECEPTION_SURVEY_RESPONDENTS,
    RECEPTION_SURVEY_YEAR,
    SITE_MANAGEMENT,
    TERRITORIES,
    Level,
)
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Site
from orgdesigner.model.labels import Lang

_NOT_GIVEN: Final = ""  # a combo's data for None: a QVariant cannot hold None and be found again
_MAX_COUNT: Final = 10**9  # the JSON reader's cap on every count
_NAME, _DWELLINGS, _ZONE = range(3)
_ZONE_FLAGS: Final = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
_NONE_HELD: Final[Level] = "NR"  # where a newly given perimeter starts: the agency holds nothing yet


class AgencyPanel(QWidget):
    edited = Signal(object)  # the new Agency value

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._chart: Chart | None = None
        self._agency: Agency | None = None
        self._loading = False
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_general(content))
        layout.addWidget(self._build_sites(content))
        layout.addWidget(self._build_perimeter(content))
        layout.addWidget(self._build_presence(content))
        layout.addWidget(self._build_reception(content))
        layout.addStretch(1)
        self.show_agency(None, None)

    # Building --------------------------------------------------------------------------------------

    def _build_general(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Agency"), parent)
        self.chooser = QComboBox(box)
        self.chooser.setPlaceholderText(self.tr("Choose an agency"))
        self.name = QLineEdit(box)
        self.territory = QComboBox(box)
        self.territory.addItem(self.tr("Not given"), _NOT_GIVEN)
        for code, territory in TERRITORIES.items():
            self.territory.addItem(territory.label.in_(self._lang), code)
        self.guidance = QLabel(box)
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dwellings = QSpinBox(box)
        self.dwellings.setRange(-1, _MAX_COUNT)
        self.dwellings.setSpecialValueText(self.tr("Not given"))
        self.dwellings.setGroupSeparatorShown(True)
        self.site_management = QComboBox(box)
        self.site_management.addItem(self.tr("Not given"), _NOT_GIVEN)
        for code, label in SITE_MANAGEMENT.items():
            self.site_management.addItem(label.in_(self._lang), code)
        form = QFormLayout(box)
        form.addRow(self.tr("Agency"), self.chooser)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Territory"), self.territory)
        form.addRow(self.guidance)
        form.addRow(self.tr("Dwellings"), self.dwellings)
        form.addRow(self.tr("Site management"), self.site_management)
        self.chooser.activated.connect(lambda _index: self.show_agency(self._chart, self.chooser.currentData()))
        self.name.textEdited.connect(self._name_edited)
        self.name.editingFinished.connect(self._name_finished)
        self.territory.activated.connect(lambda _index: self._emit(territory=_code(self.territory)))
        self.dwellings.valueChanged.connect(lambda value: self._emit(dwellings=None if value < 0 else value))
        self.site_management.activated.connect(lambda _index: self._emit(site_management=_code(self.site_management)))
        return box

    def _build_sites(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Sites (housing estates)"), parent)
        self.sites_given = QCheckBox(self.tr("Sites given"), box)
        self.sites_given.setToolTip(self.tr("Unticked: the sites are not given and the guarding check is "
                                            "skipped. Ticked with no site: the agency has none."))
        self.sites = QTableWidget(0, 3, box)
        self.sites.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Dwellings")])
        zone_header = QTableWidgetItem(self.tr("Guarding zone"))
        zone_header.setToolTip(self.tr("The estate meets the zone criteria of the guarding obligation (priority "
                                       "neighbourhood or commune above 25,000 inhabitants; CSI R271-1)."))
        self.sites.setHorizontalHeaderItem(_ZONE, zone_header)
        self.sites.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        self.sites.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sites.setItemDelegateForColumn(_DWELLINGS, _CountDelegate(self.sites))
        self.add_site = QPushButton(self.tr("Add a site"), box)
        self.remove_site = QPushButton(self.tr("Remove the selected sites"), box)
        self.sites_note = QLabel(box)
        self.sites_note.setTextFormat(Qt.TextFormat.PlainText)  # it names sites and positions
        self.sites_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_site)
        buttons.addWidget(self.remove_site)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.sites_given)
        layout.addWidget(self.sites)
        layout.addLayout(buttons)
        layout.addWidget(self.sites_note)
        self.sites_given.clicked.connect(self._sites_given_clicked)
        self.sites.itemChanged.connect(self._site_item_changed)
        self.add_site.clicked.connect(self._add_site)
        self.remove_site.clicked.connect(self._remove_sites)
        return box

    def _build_perimeter(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Perimeter"), parent)
        self.perimeter_given = QCheckBox(self.tr("Perimeter given"), box)
        self.perimeter_given.setToolTip(self.tr("Unticked: the perimeter is not given and the perimeter "
                                                "checks are skipped. Ticking it starts from 'not responsible' "
                                                "for every mission."))
        self.perimeter_model = QComboBox(box)
        self.perimeter_model.addItem(self.tr("Fill from a reference model…"), 0)
        for model in PERIMETER_MODELS:
            self.perimeter_model.addItem(
                self.tr("Model {number} ({group})").format(number=model.number, group=model.group.in_(self._lang)),
                model.number)
        grid = QGridLayout()
        for column, level in enumerate(LEVELS, start=1):
            header = QLabel(level, box)
            header.setToolTip(LEVEL_LABELS[level].in_(self._lang))
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignCenter)
        self.perimeter_groups: dict[str, QButtonGroup] = {}
        self.perimeter_buttons: dict[str, dict[Level, QRadioButton]] = {}
        for row, (mission, label) in enumerate(MISSIONS.items(), start=1):
            grid.addWidget(QLabel(label.in_(self._lang), box), row, 0)
            group = QButtonGroup(box)
            buttons: dict[Level, QRadioButton] = {}
            for column, level in enumerate(LEVELS, start=1):
                button = QRadioButton(box)
                button.setToolTip(f"{label.in_(self._lang)}: {LEVEL_LABELS[level].in_(self._lang)}")
                group.addButton(button, column - 1)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignCenter)
                buttons[level] = button
            group.idClicked.connect(lambda index, mission=mission: self._level_clicked(mission, LEVELS[index]))
            self.perimeter_groups[mission] = group
            self.perimeter_buttons[mission] = buttons
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        top.addWidget(self.perimeter_given)
        top.addWidget(self.perimeter_model, 1)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.perimeter_given.clicked.connect(
            lambda on: self._emit(perimeter=_perimeter(dict.fromkeys(MISSIONS, _NONE_HELD)) if on else None))
        self.perimeter_model.activated.connect(lambda _index: self._model_chosen())
        return box

    def _build_presence(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Forms of presence"), parent)
        self.presence_given = QCheckBox(self.tr("Forms of presence given"), box)
        self.presence_given.setToolTip(self.tr("Unticked: not given, and the territory's recommendations are "
                                               "not checked. Ticked with none chosen: the agency has none."))
        self.presence: dict[str, QCheckBox] = {code: QCheckBox(label.in_(self._lang), box)
                                               for code, label in PRESENCE.items()}
        grid = QGridLayout()
        for i, check in enumerate(self.presence.values()):
            grid.addWidget(check, i // 2, i % 2)
        layout = QVBoxLayout(box)
        layout.addWidget(self.presence_given)
        layout.addLayout(grid)
        self.presence_given.clicked.connect(lambda on: self._emit(presence=() if on else None))
        for code, check in self.presence.items():
            check.clicked.connect(
                lambda on, code=code: self._emit(presence=_toggled(self._given("presence"), code, on)))
        return box

    def _build_reception(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Reception"), parent)
        self.reception_given = QCheckBox(self.tr("Reception arrangements given"), box)
        self.reception: dict[str, QCheckBox] = {}
        self.survey: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (code, label) in enumerate(RECEPTION.items()):
            self.reception[code] = QCheckBox(label.in_(self._lang), box)
            self.survey[code] = QLabel(self.tr("{count} of {total} landlords ({year} survey)").format(
                count=RECEPTION_SURVEY[code], total=RECEPTION_SURVEY_RESPONDENTS, year=RECEPTION_SURVEY_YEAR), box)
            self.survey[code].setEnabled(False)  # greyed: reference figures, not the agency's own
            grid.addWidget(self.reception[code], row, 0)
            grid.addWidget(self.survey[code], row, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.reception_given)
        layout.addLayout(grid)
        self.reception_given.clicked.connect(lambda on: self._emit(reception=() if on else None))
        for code, check in self.reception.items():
            check.clicked.connect(
                lambda on, code=code: self._emit(reception=_toggled(self._given("reception"), code, on)))
        return box

    # Showing ---------------------------------------------------------------------------------------

    @property
    def chart(self) -> Chart | None:
        return self._chart

    @property
    def agency(self) -> Agency | None:
        """The agency as the panel shows it: the model's, or the last value the panel emitted."""
        return self._agency

    def show_agency(self, chart: Chart | None, agency_id: str | None) -> None:
        self._chart = chart
        self._agency = chart.agency(agency_id) if chart is not None and agency_id is not None else None
        self.sites_note.clear()
        self._load()

    def refresh(self) -> None:
        """Shows the model's current value (after an undo, say), or nothing if the agency is gone."""
        if self._chart is not None and self._agency is not None:
            self._agency = self._chart.agency(self._agency.id)
        self._load()

    def _load(self) -> None:
        agency = self._agency
        self._loading = True
        try:
            self._load_chooser()
            for widget in self._editors():
                widget.setEnabled(agency is not None)
            if agency is None:
                self.name.clear()
                self.territory.setCurrentIndex(0)
                self.dwellings.setValue(-1)
                self.site_management.setCurrentIndex(0)
                self.guidance.clear()
            else:
                if self.name.text().strip() != agency.name:
                    self.name.setText(agency.name)
                self.territory.setCurrentIndex(self.territory.findData(agency.territory or _NOT_GIVEN))
                self.dwellings.setValue(-1 if agency.dwellings is None else agency.dwellings)
                self.site_management.setCurrentIndex(self.site_management.findData(agency.site_management
                                                                                   or _NOT_GIVEN))
                self.guidance.setText(self._guidance(agency.territory))
            self._load_sites(agency)
            self._load_perimeter(agency)
            self._load_codes(self.presence_given, self.presence, agency.presence if agency else None,
                             agency is not None)
            self._load_codes(self.reception_given, self.reception, agency.reception if agency else None,
                             agency is not None)
            recommended = self._recommended_presence(agency.territory if agency else None)
            for code, check in self.presence.items():
                font = check.font()
                font.setBold(code in recommended)
                check.setFont(font)
        finally:
            self._loading = False

    def _editors(self) -> list[QWidget]:
        return [self.name, self.territory, self.dwellings, self.site_management, self.sites_given,
                self.perimeter_given, self.perimeter_model, self.presence_given, self.reception_given]

    def _load_chooser(self) -> None:
        agencies = [(a.id, a.name) for a in self._chart.agencies()] if self._chart is not None else []
        shown = [(self.chooser.itemData(i), self.chooser.itemText(i)) for i in range(self.chooser.count())]
        if shown != agencies:
            self.chooser.clear()
            for agency_id, name in agencies:
                self.chooser.addItem(name, agency_id)
        self.chooser.setCurrentIndex(self.chooser.findData(self._agency.id) if self._agency else -1)
        self.chooser.setEnabled(bool(agencies))

    def _guidance(self, territory_code: str | None) -> str:
        if territory_code is None:
            return self.tr("Choose a territory to see the reference's context, stakes and recommended presence.")
        territory = TERRITORIES[territory_code]
        either = " " + self.tr("or") + " "
        recommended = "; ".join(either.join(PRESENCE[code].in_(self._lang) for code in group)
                                for group in territory.presence)
        parts = [
            self.tr("Context: {text}").format(text=territory.context.in_(self._lang)),
            self.tr("Stakes: {text}").format(text=territory.stakes.in_(self._lang)),
            self.tr("Proximity: {text}").format(text=territory.proximity.in_(self._lang)),
            self.tr("Recommended forms of presence (in bold below): {forms}.").format(forms=recommended),
        ]
        if territory.needs_sector_manager:
            parts.append(self.tr("A sector manager in the agency is recommended."))
        return "\n\n".join(parts)

    @staticmethod
    def _recommended_presence(territory_code: str | None) -> frozenset[str]:
        if territory_code is None:
            return frozenset()
        return frozenset(code for group in TERRITORIES[territory_code].presence for code in group)

    def _load_sites(self, agency: Agency | None) -> None:
        sites = (agency.sites or ()) if agency is not None else ()
        self.sites_given.setChecked(agency is not None and agency.sites is not None)
        given = agency is not None and agency.sites is not None
        for widget in (self.sites, self.add_site, self.remove_site):
            widget.setEnabled(given)
        table = self.sites
        table.blockSignals(True)  # rows shown are the model's: nothing here is an edit
        try:
            table.setRowCount(len(sites))
            for row, site in enumerate(sites):
                name = self._item(row, _NAME)
                if name.text() != site.name:
                    name.setText(site.name)
                dwellings = self._item(row, _DWELLINGS)
                if dwellings.data(Qt.ItemDataRole.EditRole) != site.dwellings:
                    dwellings.setData(Qt.ItemDataRole.EditRole, site.dwellings)
                zone = self._item(row, _ZONE)
                zone.setFlags(_ZONE_FLAGS)
                state = Qt.CheckState.Checked if site.guarding_zone else Qt.CheckState.Unchecked
                if zone.checkState() != state:
                    zone.setCheckState(state)
        finally:
            table.blockSignals(False)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.sites.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.sites.setItem(row, column, item)
        return item

    def _load_perimeter(self, agency: Agency | None) -> None:
        perimeter = agency.perimeter if agency is not None else None
        self.perimeter_given.setChecked(perimeter is not None)
        self.perimeter_model.setCurrentIndex(0)
        for mission, group in self.perimeter_groups.items():
            buttons = self.perimeter_buttons[mission]
            for button in buttons.values():
                button.setEnabled(perimeter is not None)
            if perimeter is None:
                group.setExclusive(False)  # an exclusive group cannot show "none chosen"
                for button in buttons.values():
                    button.setChecked(False)
                group.setExclusive(True)
            else:
                buttons[perimeter[mission]].setChecked(True)

    @staticmethod
    def _load_codes(given: QCheckBox, checks: Mapping[str, QCheckBox], codes: tuple[str, ...] | None,
                    enabled: bool) -> None:
        given.setChecked(codes is not None)
        for code, check in checks.items():
            check.setEnabled(enabled and codes is not None)
            check.setChecked(code in (codes or ()))

    # Editing ---------------------------------------------------------------------------------------

    def _emit(self, **changes: Any) -> None:
        if self._loading or self._agency is None:
            return
        new = dataclasses.replace(self._agency, **changes)
        if new != self._agency:
            self._agency = new
            self.sites_note.clear()
            self.edited.emit(new)
        self._load()

    def _given(self, field: str) -> tuple[str, ...]:
        codes: tuple[str, ...] | None = getattr(self._agency, field, None)
        return codes or ()

    def _name_edited(self, text: str) -> None:
        if text.strip():  # an agency keeps a name: an emptied field waits for the next letter
            self._emit(name=text.strip())

    def _name_finished(self) -> None:
        if not self.name.text().strip():
            self._load()

    def _level_clicked(self, mission: str, level: Level) -> None:
        if self._agency is not None and self._agency.perimeter is not None:
            self._emit(perimeter=_perimeter({**self._agency.perimeter, mission: level}))

    def _model_chosen(self) -> None:
        number = self.perimeter_model.currentData()
        model = next((m for m in PERIMETER_MODELS if m.number == number), None)
        if model is not None:
            self._emit(perimeter=_perimeter(dict(zip(MISSIONS, model.levels, strict=True))))
        else:
            self._load()

    def _sites_given_clicked(self, on: bool) -> None:
        if self._agency is None:
            return
        if on:
            self._emit(sites=())
        elif self._refuse_removing(self._agency.sites or ()):
            self._load()
        else:
            self._emit(sites=None)

    def _add_site(self) -> None:
        if self._agency is None:
            return
        sites = self._agency.sites or ()
        taken = {site.id for site in sites}
        number = len(sites) + 1
        while f"{self._agency.id}-s{number}" in taken:
            number += 1
        site = Site(f"{self._agency.id}-s{number}", self.tr("Site {number}").format(number=number), 0)
        self._emit(sites=(*sites, site))
        row = len(sites)
        if self.sites.rowCount() > row:
            self.sites.setCurrentCell(row, _NAME)
            self.sites.editItem(self._item(row, _NAME))

    def _remove_sites(self) -> None:
        if self._agency is None:
            return
        sites = self._agency.sites or ()
        rows = {index.row() for index in self.sites.selectionModel().selectedRows()}
        chosen = [site for row, site in enumerate(sites) if row in rows]
        if chosen and not self._refuse_removing(chosen):
            self._emit(sites=tuple(site for row, site in enumerate(sites) if row not in rows))

    def _refuse_removing(self, sites: Iterable[Site]) -> bool:
        """A site that positions are assigned to stays: removing it would leave them pointing at
        nothing, which the file reader refuses. The note says who holds it."""
        if self._chart is None or self._agency is None:
            return False
        names = {site.id: site.name for site in sites}
        held = [p for p in self._chart.positions() if p.agency == self._agency.id and p.site in names]
        if not held:
            return False
        self.sites_note.setText(self.tr("Positions are assigned to {sites}: {positions}. Assign them to "
                                         "another site (or none) first.").format(
            sites=", ".join(sorted({names[p.site] for p in held if p.site is not None})),
            positions=", ".join(p.display_name(self._lang) for p in held)))
        return True

    def _site_item_changed(self, item: QTableWidgetItem) -> None:
        if self._agency is None or self._loading:
            return
        sites = list(self._agency.sites or ())
        row, column = item.row(), item.column()
        if not 0 <= row < len(sites):
            return
        site = sites[row]
        if column == _NAME:
            name = item.text().strip()
            sites[row] = dataclasses.replace(site, name=name or site.name)
        elif column == _DWELLINGS:
            value = item.data(Qt.ItemDataRole.EditRole)
            valid = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_COUNT
            sites[row] = dataclasses.replace(site, dwellings=value if valid else site.dwellings)
        else:
            sites[row] = dataclasses.replace(site, guarding_zone=item.checkState() == Qt.CheckState.Checked)
        self._emit(sites=tuple(sites))


class _CountDelegate(QStyledItemDelegate):
    """Dwellings are typed in a spin box that cannot go below 0 or past the reader's cap."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, _MAX_COUNT)
        editor.setGroupSeparatorShown(True)
        return editor


def _code(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return None if data == _NOT_GIVEN else str(data)


def _perimeter(levels: Mapping[str, Level]) -> Mapping[str, Level]:
    """In the missions' order, as the reader builds it, so that a round trip compares equal."""
    return MappingProxyType({mission: levels[mission] for mission in MISSIONS})


def _toggled(codes: tuple[str, ...], code: str, on: bool) -> tuple[str, ...]:
    """Keeps the order the user gave, adding the new code last."""
    kept = tuple(c for c in codes if c != code)
    return (*kept, code) if on else kept
