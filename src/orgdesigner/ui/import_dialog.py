"""File > Import an HR extract: a CSV or an Excel workbook set up for import before anything is
added, with what `orgdesigner import` prints made into choices the user can correct.

Thin over hr.import_session.ImportSession, which holds the extract, the mapping and the result of
the import as it would run now: each choice here is one call to it, then everything shown is read
from it again. Import stays disabled while a problem blocks or the name is taken, so that an
accepted dialog always gives a scenario the document takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import palette
from orgdesigner.app.document import Document
from orgdesigner.app.files import write_text_safely
from orgdesigner.hr.columns import FIELDS, MappingError, mapping_to_json, read_mapping
from orgdesigner.hr.csv_source import SourceError
from orgdesigner.hr.import_session import ImportSession
from orgdesigner.hr.importer import read_extract
from orgdesigner.model.catalogue import ROLES
from orgdesigner.model.entities import Scenario
from orgdesigner.model.labels import Lang
from orgdesigner.ui.plain import plain

# The problems table shows this many; the count says how many more there are. A broken extract of
# 50,000 rows can have as many problems, and the first ones are what the user fixes first.
_PROBLEMS_SHOWN: Final = 500
# A title nothing matched is marked in the warning colour, see-through enough to read the text on it.
_HIGHLIGHT_ALPHA: Final = 70
_TITLE_CHARACTERS: Final = 24  # of a job title shown beside its role, at the least


class ImportDialog(QDialog):
    def __init__(self, document: Document, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import an HR extract"))
        self._document = document
        self._lang = lang
        self._existing = [agency for scenario in document.to_project().scenarios for agency in scenario.agencies]
        self.session: ImportSession | None = None
        self.path: Path | None = None

        self.file_label = QLabel(self.tr("No file chosen"), self)
        choose = QPushButton(self.tr("Choose a &file…"), self)
        choose.clicked.connect(self.choose_file)
        self.sheet = _fitted(QComboBox(self))
        self.sheet.setEnabled(False)
        self.sheet.activated.connect(lambda _index: self._choose_sheet())
        self.found = QLabel(self)
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.columns: dict[str, QComboBox] = {}
        column_form = QFormLayout()
        for field, text in self._field_texts().items():
            combo = _fitted(QComboBox(self))
            combo.setObjectName(field)
            combo.activated.connect(lambda _index, field=field: self._choose_column(field))
            self.columns[field] = combo
            column_form.addRow(text, combo)
        self.roles = QTableWidget(0, 3, self)
        self.roles.setHorizontalHeaderLabels([self.tr("Job title"), self.tr("Positions"), self.tr("Role")])
        self.roles.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Problem")])
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
        for table, modes in ((self.roles, (stretch, fit, fit)), (self.problems, (fit, fit, stretch))):
            for column, mode in enumerate(modes):
                table.horizontalHeader().setSectionResizeMode(column, mode)
            table.verticalHeader().hide()  # a problem's line is the file's, in its first column
        # A problem's wrapped text keeps its whole height when the roles beside take more room.
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.agencies = QLabel(self)
        self.agencies.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.textChanged.connect(lambda _text: self._update_buttons())
        self.name_problem = QLabel(self)
        for label in (self.file_label, self.found, self.summary, self.agencies, self.name_problem):  # paths,
            label.setTextFormat(Qt.TextFormat.PlainText)  # sheet, agency and scenario names, as typed
        self.save_mapping = QPushButton(self.tr("&Save the mapping…"), self)
        self.save_mapping.clicked.connect(self._save_mapping)
        self.load_mapping = QPushButton(self.tr("&Load a mapping…"), self)
        self.load_mapping.clicked.connect(self._load_mapping)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        source = QHBoxLayout()
        source.addWidget(self.file_label, 1)
        source.addWidget(choose)
        source.addWidget(QLabel(self.tr("Sheet:"), self))
        source.addWidget(self.sheet)
        preview_box = self._box(self.tr("Preview"), self.found, self.preview)
        columns_box = QGroupBox(self.tr("Columns"), self)
        columns_box.setLayout(column_form)
        middle = QHBoxLayout()
        middle.addWidget(columns_box)
        middle.addWidget(self._box(self.tr("Job titles and roles"), self.roles), 1)
        middle.addWidget(self._box(self.tr("Problems"), self.summary, self.problems), 1)
        naming = QHBoxLayout()
        naming.addWidget(QLabel(self.tr("Scenario name:"), self))
        naming.addWidget(self.name, 1)
        naming.addWidget(self.name_problem)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_mapping)
        bottom.addWidget(self.load_mapping)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(preview_box, 1)
        layout.addLayout(middle, 1)
        layout.addWidget(self.agencies)
        layout.addLayout(naming)
        layout.addLayout(bottom)
        self.resize(1280, 800)
        self._show()

    # What the window and the tests call -------------------------------------------------------------

    def choose_file(self) -> bool:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import an HR extract"), "",
                                                self.tr("HR extracts (*.csv *.xlsx *.txt);;All files (*)"))
        return bool(chosen) and self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        """Reads the file and runs the import once with the recognised columns; a file that cannot
        be read at all is said in a message box and leaves the dialog as it was."""
        try:
            with _busy():
                data = read_extract(path)
                self.session = ImportSession(data, self._existing)
        except SourceError as exc:
            QMessageBox.warning(self, self.tr("Cannot read the file"),
                                plain(f"{path}: {exc.fr if self._lang == 'fr' else exc.en}"))
            return False
        self.path = path
        self.file_label.setText(str(path))
        self.name.setText(path.stem.strip() or "Import")
        self._show()
        return True

    def scenario(self) -> Scenario | None:
        """What Import adds, named as the user wrote; None until the import can run."""
        return self.session.scenario(self.name.text().strip()) if self.session is not None else None

    # Choices -----------------------------------------------------------------------------------------

    def _apply(self, change: Callable[[ImportSession], None]) -> None:
        """One choice made: the session runs the import again (seconds for a large workbook)."""
        if self.session is not None:
            with _busy():
                change(self.session)
            self._show()

    def _choose_sheet(self) -> None:
        self._apply(lambda session: session.choose_sheet(self.sheet.currentText()))

    def _choose_column(self, field: str) -> None:
        self._apply(lambda session: session.set_column(field, self.columns[field].currentData()))

    def _choose_role(self, title: str, combo: QComboBox) -> None:
        self._apply(lambda session: session.set_role(title, str(combo.currentData())))

    def _save_mapping(self) -> None:
        if self.session is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the mapping"), "", self.tr("Mapping (*.json)"))
        if not chosen:
            return
        try:
            write_text_safely(Path(chosen), mapping_to_json(self.session.mapping))
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot save the mapping"), plain(f"{chosen}: {exc.strerror or exc}"))

    def _load_mapping(self) -> None:
        if self.session is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Load a mapping"), "", self.tr("Mapping (*.json)"))
        if not chosen:
            return
        try:
            mapping = read_mapping(Path(chosen))
        except MappingError as exc:
            QMessageBox.warning(self, self.tr("Cannot use the mapping"), plain("\n".join(exc.problems)))
            return
        self._apply(lambda session: session.use_mapping(mapping))

    # Showing -----------------------------------------------------------------------------------------

    def _show(self) -> None:
        session = self.session
        for widget in (self.save_mapping, self.load_mapping):
            widget.setEnabled(session is not None)
        self._show_sheets()
        self._show_preview()
        self._show_columns()
        self._show_roles()
        self._show_problems()
        self._show_agencies()
        self._update_buttons()

    def _show_sheets(self) -> None:
        self.sheet.clear()
        sheets = self.session.sheets if self.session is not None else ()
        self.sheet.addItems(list(sheets))
        self.sheet.setEnabled(bool(sheets))
        if self.session is not None and self.session.sheet is not None:
            self.sheet.setCurrentText(self.session.sheet)

    def _show_preview(self) -> None:
        session = self.session
        headers = session.headers if session is not None else ()
        rows = session.preview if session is not None else ()
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(list(headers))
        self.preview.setVerticalHeaderLabels([str(row.line) for row in rows])
        for number, row in enumerate(rows):
            for column, text in enumerate(row.cells[:len(headers)]):
                self.preview.setItem(number, column, QTableWidgetItem(text))
        line = session.result.header_line if session is not None else None
        if line is None:
            self.found.setText(self.tr("No header row found.") if session is not None else "")
        elif session is not None and session.sheet is not None:
            self.found.setText(self.tr("Sheet “{sheet}”, header on line {line}: the first rows under it.").format(
                sheet=session.sheet, line=line))
        else:
            self.found.setText(self.tr("Header on line {line}: the first rows under it.").format(line=line))

    def _show_columns(self) -> None:
        session = self.session
        headers = [header for header in dict.fromkeys(session.headers if session is not None else ()) if header]
        found = session.result.columns if session is not None else {}
        for field, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not read)"), None)
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(found.get(field)), 0) if field in found else 0)
            combo.setEnabled(bool(headers))
            combo.blockSignals(False)

    def _show_roles(self) -> None:
        """The titles nothing matched first, highlighted: they are imported as other posts until the
        user says what they are, the work left to do here; most frequent first within each group."""
        result = self.session.result if self.session is not None else None
        titles = result.titles if result is not None else {}
        unmapped = result.unmapped_titles if result is not None else {}
        highlight = QColor(palette.SEVERITY_COLOURS["warning"])
        highlight.setAlpha(_HIGHLIGHT_ALPHA)
        ordered = sorted(titles.items(), key=lambda item: item[0] not in unmapped)
        self.roles.setRowCount(len(ordered))
        for number, (title, (role, count)) in enumerate(ordered):
            for column, text in enumerate((title, str(count))):
                item = QTableWidgetItem(text)
                if title in unmapped:
                    item.setBackground(highlight)
                    item.setToolTip(self.tr("No keyword matched this job title: it is imported as “Other position” "
                                            "until you choose its role."))
                self.roles.setItem(number, column, item)
            combo = _fitted(QComboBox(self.roles))
            for code, entry in ROLES.items():
                combo.addItem(entry.label.in_(self._lang), code)
            combo.setCurrentIndex(combo.findData(role))
            combo.activated.connect(lambda _index, title=title, combo=combo: self._choose_role(title, combo))
            self.roles.setCellWidget(number, 2, combo)
        # Room for the counts and the role choices whole, and for a title beside them: the layout
        # takes it from the problems, whose text wraps.
        header = self.roles.horizontalHeader()
        fitted = sum(max(self.roles.sizeHintForColumn(column), header.sectionSizeHint(column)) for column in (1, 2))
        frame = 2 * self.roles.frameWidth() + self.roles.verticalScrollBar().sizeHint().width()
        self.roles.setMinimumWidth(fitted + frame + self.fontMetrics().averageCharWidth() * _TITLE_CHARACTERS)

    def _show_problems(self) -> None:
        result = self.session.result if self.session is not None else None
        problems = result.problems if result is not None else ()
        shown = problems[:_PROBLEMS_SHOWN]
        self.problems.setRowCount(len(shown))
        for number, problem in enumerate(shown):
            colour = QBrush(QColor(palette.SEVERITY_COLOURS["error" if problem.blocking else "warning"]))
            texts = (str(problem.line) if problem.line is not None else "", problem.column or "",
                     problem.message.in_(self._lang))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setForeground(colour)
                item.setToolTip(plain(texts[2]))
                self.problems.setItem(number, column, item)
        if result is None:
            self.summary.setText("")
            return
        text = self.tr("%n row(s) read", "", result.rows)
        blocking = len(result.blocking)
        if blocking:
            text += " — " + self.tr("%n blocking problem(s), in red: correct the file or the choices above", "",
                                    blocking)
        if len(problems) > len(shown):
            text += " — " + self.tr("the first {shown} of {count} problems are listed").format(
                shown=len(shown), count=len(problems))
        self.summary.setText(text)

    def _show_agencies(self) -> None:
        """Both, as the command line says them: an agency written otherwise than in the project
        (« Agence du Nord » for « Agence Nord ») would be created beside it, which is to see before
        importing, not after."""
        result = self.session.result if self.session is not None else None
        parts = []
        if result is not None and result.agencies_created:
            parts.append(self.tr("Agencies created: {names}").format(names=", ".join(result.agencies_created)))
        if result is not None and result.agencies_matched:
            parts.append(self.tr("Agencies of the project: {names}").format(names=", ".join(result.agencies_matched)))
        self.agencies.setText(" — ".join(parts))

    def _update_buttons(self) -> None:
        name = self.name.text().strip()
        problem = ""
        if self.session is not None and not name:
            problem = self.tr("Give the scenario a name.")
        elif self.session is not None and self._document.free_name(name) != name:
            problem = self.tr("A scenario is already named “{name}”.").format(name=name)
        self.name_problem.setText(problem)
        self.import_button.setEnabled(self.scenario() is not None and not problem)

    def _field_texts(self) -> dict[str, str]:
        texts = {"id": self.tr("Employee id"), "holder": self.tr("Full name"), "first_name": self.tr("First name"),
                 "last_name": self.tr("Last name"), "title": self.tr("Job title"), "role": self.tr("Role code"),
                 "manager": self.tr("Manager's employee id"), "agency": self.tr("Agency"), "fte": self.tr("FTE"),
                 "site": self.tr("Site"), "family": self.tr("Family (other posts)"),
                 "guarding": self.tr("Guarding (contractors)"), "notes": self.tr("Notes")}
        return {field: texts[field] for field in FIELDS}

    def _box(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box


def _fitted(combo: QComboBox) -> QComboBox:
    """As wide as its longest entry whenever its entries change: by default a combo is sized once,
    when first shown, which is before a file gives the sheets, headers and roles."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
