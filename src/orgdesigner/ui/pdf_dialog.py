"""File > Export PDF: the options of `orgdesigner export --pdf`, with a preview of the page grid.

The preview asks `export.plan.plan_pages` (the call the export itself makes) where the pages fall,
so what the user sees is what the PDF will have: one page, a grid of tiles, a page per agency, and
whether text too small for a page made `fit` switch to tiles.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import palette
from orgdesigner.export.pagination import ChartPage, Mode, Orientation, PageSize, Pagination, Rect, union
from orgdesigner.export.pdf_document import FIRST_CHART_PAGE
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang

_SIZES: tuple[PageSize, ...] = ("A4", "A3", "A2", "A1", "A0")


class PagePreview(QWidget):
    """The chart's cards as grey blocks and the pages over them, numbered as the PDF numbers them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 260)
        self._boxes: list[Rect] = []
        self._pages: tuple[ChartPage, ...] = ()
        self._first_page = 1

    def show_plan(self, boxes: list[Rect], pagination: Pagination | None, first_page: int) -> None:
        self._boxes = boxes
        self._pages = pagination.pages if pagination is not None else ()
        self._first_page = first_page
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette.CANVAS_BACKGROUND))
        if not self._boxes:
            return
        extent = union([*self._boxes, *(page.window for page in self._pages)])
        margin = 8.0
        scale = min((self.width() - 2 * margin) / max(extent.w, 1e-9),
                    (self.height() - 2 * margin) / max(extent.h, 1e-9))

        def mapped(rect: Rect) -> QRectF:
            return QRectF(margin + (rect.x - extent.x) * scale, margin + (rect.y - extent.y) * scale,
                          rect.w * scale, rect.h * scale)

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for box in self._boxes:
            painter.fillRect(mapped(box), QColor("#b0bec5"))
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        painter.setFont(font)
        for number, page in enumerate(self._pages, start=self._first_page):
            area = mapped(page.window)
            painter.setPen(QPen(QColor(palette.SELECTION), 1.2))
            painter.setBrush(QColor(25, 118, 210, 24))
            painter.drawRect(area)
            painter.drawText(area.adjusted(3.0, 2.0, -3.0, -2.0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(number))


class PdfExportDialog(QDialog):
    """The options a committee's PDF needs, with the pages they give. `options()` is what the window
    passes to `export.write_pdf` once the user has chosen a file."""

    def __init__(self, chart: Chart, organisation: str, scenario: str, lang: Lang,
                 selected_agency: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        self._chart = chart
        self.size_choice = QComboBox(self)
        for size in _SIZES:
            self.size_choice.addItem(size, size)
        self.orientation = QComboBox(self)
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Fit on one page (tiles when too small to read)"), "fit")
        self.mode.addItem(self.tr("Tiles to assemble"), "tile")
        self.mode.addItem(self.tr("One page per agency"), "per-agency")
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.0, 50.0)
        self.overlap.setValue(10.0)
        self.overlap.setSuffix(" mm")
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "fr" else 1)
        self.findings = QCheckBox(self.tr("Number the findings on the chart and list them"), self)
        self.findings.setChecked(True)
        self.title = QLineEdit(f"{organisation} — {scenario}", self)
        self.author = QLineEdit(self)
        self.whole = QCheckBox(self.tr("The whole scenario, head office included"), self)
        self.agencies = QListWidget(self)
        self.agencies.setMaximumHeight(140)
        for agency in chart.agencies():
            item = QListWidgetItem(agency.name, self.agencies)
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if agency.id == selected_agency else Qt.CheckState.Unchecked)
        self.whole.setChecked(selected_agency is None)
        self.agencies.setEnabled(selected_agency is not None)
        self.preview = PagePreview(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # a problem may quote a name
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Page size"), self.size_choice)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Layout"), self.mode)
        form.addRow(self.tr("Overlap of tiles"), self.overlap)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.findings)
        form.addRow(self.whole)
        form.addRow(self.agencies)
        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addWidget(self.summary)
        columns = QHBoxLayout()
        columns.addLayout(form)
        columns.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)

        for combo in (self.size_choice, self.orientation, self.mode):
            combo.currentIndexChanged.connect(self._update_preview)
        self.overlap.valueChanged.connect(self._update_preview)
        self.whole.toggled.connect(self._whole_toggled)
        self.agencies.itemChanged.connect(self._update_preview)
        self._update_preview()

    def options(self) -> PdfOptions:
        agencies = None if self.whole.isChecked() else tuple(
            str(self.agencies.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.agencies.count())
            if self.agencies.item(i).checkState() == Qt.CheckState.Checked)
        size: PageSize = self.size_choice.currentData()
        orientation: Orientation = self.orientation.currentData()
        mode: Mode = self.mode.currentData()
        lang: Lang = self.language.currentData()
        return PdfOptions(size=size, orientation=orientation, mode=mode, overlap_mm=self.overlap.value(),
                          lang=lang, findings=self.findings.isChecked(), title=self.title.text().strip() or None,
                          author=self.author.text().strip() or None, agencies=agencies)

    def _whole_toggled(self, whole: bool) -> None:
        self.agencies.setEnabled(not whole)
        self._update_preview()

    def _update_preview(self) -> None:
        options = self.options()
        if options.agencies == ():
            self._show_problem(self.tr("Tick at least one agency, or the whole scenario."))
            return
        try:
            geometry, pagination = plan_pages(self._chart, options)
        except ValueError as exc:
            self._show_problem(str(exc))
            return
        boxes = [box for group in geometry.groups() for box in group.boxes]
        self.preview.show_plan(boxes, pagination, FIRST_CHART_PAGE)  # numbered as in the PDF
        pages = len(pagination.pages)
        text = self.tr("%n chart page(s)", "", pages)
        if pagination.switched_to_tile:
            text += " — " + self.tr("on one page its text would be smaller than 6 pt, so the chart is cut "
                                    "into tiles to assemble")
        self.summary.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _show_problem(self, message: str) -> None:
        self.preview.show_plan([], None, 1)
        self.summary.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
