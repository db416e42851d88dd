"""Printing and image exports from the window: the chart as the canvas draws it, sent to the system's
print dialog, or written as PNG or SVG.

What is drawn is one of three areas of the live scene:
- "view": what the view shows now (its visible rectangle, so the picture has the view's shape);
- an agency: its header, shown cards and their badges, framed as `orgdesigner export --png --agency`
  frames it (render.area_of), without the lines that leave the agency;
- the whole chart as shown (printing only): everything but what collapsed subtrees hide.

Every drawing goes through render.as_exported (no selection, cards in full, put back afterwards).
PNG: render.paint_image at twice the view's pixels and never under 2 pixels per scene unit, capped as
the command line caps. SVG: QSvgGenerator, vector, text kept as <text>, viewBox the area in scene
units. Printing: the area recorded at the scene's own scale in a QPicture, then played onto the page
fitted within its margins, so that a small page keeps the cards' text (a PDF can be zoomed) where the
canvas, zoomed out as far, would draw blocks.

The printer's resolution is set to the one the scene's fonts are measured at (the screen's logical
DPI): Qt sizes a font in points by the device's resolution, so at a printer's 1,200 DPI every text
would come out twelve times too large for its card.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QPointF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter, QPicture
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from orgdesigner.app.files import write_bytes_safely
from orgdesigner.ui.plain import plain
from orgdesigner.ui.render import (
    RENDER_HINTS,
    NothingToDraw,
    Rendered,
    area_of,
    as_exported,
    paint_image,
    png_bytes,
)
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.view import ChartView

if TYPE_CHECKING:
    from orgdesigner.ui.main_window import MainWindow

ImageFormat = Literal["png", "svg"]
FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
MIN_PNG_SCALE = 2.0  # pixels per scene unit: a card's smallest text stays readable
PAGE_MARGIN_MM = 10.0


def selected_agency(scene: ChartScene | None) -> str | None:
    """The agency to export or print: the selected header's, else the first selected card's (None
    for head office's cards or when nothing is selected). The window enables "Export the agency as
    image…" when this is not None."""
    if scene is None:
        return None
    agency = scene.selected_agency()
    if agency is None:
        chosen = scene.selected_ids()
        if chosen and scene.chart.has_position(chosen[0]):
            agency = scene.chart.position(chosen[0]).agency
    return agency


def view_area(view: ChartView) -> QRectF:
    """The scene rectangle the view shows now."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def export_image(scene: ChartScene, view: ChartView, area_kind: str, path: Path, fmt: ImageFormat) -> Rendered:
    """Writes what the view shows (area_kind "view") or one agency (area_kind its id) to `path` as PNG
    or SVG, safely: `path` keeps its old content unless the whole new file is written.

    Returns the size written (pixels for a PNG; the viewBox's width and height, in scene units, for
    an SVG) and the scale. Raises NothingToDraw when the agency shows no card, OSError naming `path`
    when it cannot be written, MemoryError when even a capped image cannot be allocated."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}: {' or '.join(FORMATS)}")
    agency = None if area_kind == "view" else area_kind
    asked = max(MIN_PNG_SCALE, 2.0 * view.scale_factor())
    with as_exported(scene, agency, view):
        area = view_area(view) if agency is None else area_of(scene, agency)
        if fmt == "png":
            image, scale = paint_image(scene, area, asked)
            data = png_bytes(image)
            rendered = Rendered(image.width(), image.height(), scale, asked)
        else:
            data = svg_bytes(scene, area, *_svg_texts(scene, agency))
            rendered = Rendered(math.ceil(area.width()), math.ceil(area.height()), 1.0, 1.0)
    try:
        write_bytes_safely(path, data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    return rendered


def svg_bytes(scene: ChartScene, area: QRectF, title: str, description: str) -> bytes:
    """`area` of the scene as an SVG document whose viewBox is `area` (scene units): painted without
    any scaling, so that every card is drawn in full and its text written as <text>."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(_scene_dpi())
    generator.setSize(QSize(math.ceil(area.width()), math.ceil(area.height())))
    generator.setViewBox(area)
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise MemoryError("cannot start the SVG drawing")
    try:
        painter.setRenderHints(RENDER_HINTS)
        scene.render(painter, area, area)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def print_chart(window: MainWindow, printer: QPrinter | None = None) -> bool:
    """File > Print…: the system's print dialog, then the chart on one page. True when printed."""
    return Exporting(window).print_chart(printer)


def ask_and_export_image(window: MainWindow, kind: Literal["view", "agency"]) -> Path | None:
    """File > Export the view (kind "view") or the selected agency (kind "agency") as image…: asks
    for the file, writes it, says why when it cannot. The file written, or None."""
    return Exporting(window).ask_and_export_image(kind)


def render_to_printer(scene: ChartScene, area: QRectF, printer: QPrinter) -> None:
    """`area` fitted to the printer's page within its margins, centred. Raises OSError when the
    printer cannot start (a PDF file that cannot be written, a printer gone)."""
    picture = QPicture()
    recorder = QPainter(picture)
    try:
        recorder.setRenderHints(RENDER_HINTS)
        scene.render(recorder, QRectF(0.0, 0.0, area.width(), area.height()), area)
    finally:
        recorder.end()
    printer.setResolution(_scene_dpi())
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName()
        raise OSError(f"cannot start printing{' to ' + target if target else ''}")
    try:
        page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        scale = min(page.width() / area.width(), page.height() / area.height())
        painter.translate((page.width() - area.width() * scale) / 2, (page.height() - area.height() * scale) / 2)
        painter.scale(scale, scale)
        painter.drawPicture(QPointF(0.0, 0.0), picture)
    finally:
        painter.end()


def orientation_for(area: QRectF) -> QPageLayout.Orientation:
    return (QPageLayout.Orientation.Landscape if area.width() > area.height()
            else QPageLayout.Orientation.Portrait)


def _scene_dpi() -> int:
    """The resolution the cards' fonts are measured at (QFontMetricsF without a device)."""
    return QPicture().logicalDpiY()


def _svg_texts(scene: ChartScene, agency: str | None) -> tuple[str, str]:
    return Exporting(None).svg_title(scene, agency), Exporting(None).svg_description()


def _file_name(text: str) -> str:
    return "".join("-" if c in '/\\:*?"<>|' else c for c in text).strip() or "chart"


class Exporting(QObject):
    """The dialogs around the exports. A QObject for its tr(): lupdate takes the class as context."""

    def __init__(self, window: MainWindow | None) -> None:
        super().__init__()
        self._window = window

    def svg_title(self, scene: ChartScene, agency: str | None) -> str:
        found = scene.chart.agency(agency) if agency is not None else None
        if found is None:
            return self.tr("Organisation chart: {scenario}").format(scenario=scene.chart.name)
        return self.tr("Organisation chart: {scenario}, {agency}").format(scenario=scene.chart.name,
                                                                           agency=found.name)

    def svg_description(self) -> str:
        return self.tr("Drawn by OrgDesigner as the canvas shows it.")

    # Printing --------------------------------------------------------------------------------------

    def print_chart(self, printer: QPrinter | None = None) -> bool:
        """The print dialog offers three ranges: "All" prints the whole chart as shown (collapsed
        subtrees left out), "Current page" what the view shows now, "Selection" (offered only when
        an agency's header or one of its cards is selected) that agency. The page is landscape when
        the area is wider than tall, unless the user turned it in the dialog."""
        window = self._window
        if window is None or window.scene is None:
            return False
        scene, view = window.scene, window.view
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        agency = selected_agency(scene)
        printer.setDocName(scene.chart.name)
        printer.setPageMargins(QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)
        with as_exported(scene, None, view):
            try:
                whole = area_of(scene)
            except NothingToDraw:
                QMessageBox.warning(window, self.tr("Nothing to print"), self.tr("The chart has no position."))
                return False
        guessed = orientation_for(whole)
        printer.setPageOrientation(guessed)
        dialog = QPrintDialog(printer, window)
        dialog.setWindowTitle(self.tr("Print the chart"))
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(options.PrintPageRange, False)
        dialog.setOption(options.PrintCurrentPage, True)
        dialog.setOption(options.PrintSelection, agency is not None)
        dialog.setOption(options.PrintToFile, True)
        dialog.setPrintRange(QAbstractPrintDialog.PrintRange.AllPages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen = printer.printRange()
        kind = (agency if chosen == QPrinter.PrintRange.Selection and agency is not None
                else "view" if chosen == QPrinter.PrintRange.CurrentPage else None)
        try:
            with as_exported(scene, None if kind == "view" else kind, view):
                area = view_area(view) if kind == "view" else area_of(scene, kind)
                if printer.pageLayout().orientation() == guessed:  # the user did not turn the page
                    printer.setPageOrientation(orientation_for(area))
                render_to_printer(scene, area, printer)
        except NothingToDraw:
            QMessageBox.warning(window, self.tr("Nothing to print"),
                                self.tr("The agency shows no position: expand its cards first."))
            return False
        except OSError as exc:
            QMessageBox.critical(window, self.tr("Cannot print"), plain(str(exc)))
            return False
        return True

    # Images ----------------------------------------------------------------------------------------

    def ask_and_export_image(self, kind: Literal["view", "agency"]) -> Path | None:
        window = self._window
        if window is None or window.scene is None:
            return None
        scene, view = window.scene, window.view
        area_kind = "view" if kind == "view" else selected_agency(scene)
        if area_kind is None:
            QMessageBox.warning(window, self.tr("No agency selected"),
                                self.tr("Select the header of an agency or one of its cards."))
            return None
        found = scene.chart.agency(area_kind) if kind == "agency" else None
        suggested = _file_name(scene.chart.name + (f" - {found.name}" if found is not None else "")) + ".png"
        png_filter, svg_filter = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        title = self.tr("Export the view as image") if kind == "view" else self.tr("Export the agency as image")
        chosen, chosen_filter = QFileDialog.getSaveFileName(window, title, suggested, f"{png_filter};;{svg_filter}")
        if not chosen:
            return None
        path = Path(chosen)
        fmt: ImageFormat
        if path.suffix.lower() in (".png", ".svg"):
            fmt = "svg" if path.suffix.lower() == ".svg" else "png"
        else:
            fmt = "svg" if chosen_filter == svg_filter else "png"
            path = path.with_name(f"{path.name}.{fmt}")
        try:
            export_image(scene, view, area_kind, path, fmt)
        except NothingToDraw:
            QMessageBox.warning(window, self.tr("Nothing to export"),
                                self.tr("The agency shows no position: expand its cards first."))
            return None
        except (OSError, MemoryError) as exc:
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
            QMessageBox.critical(window, self.tr("Cannot export the image"),
                                 plain(self.tr("{file} could not be written: {reason}").format(file=path,
                                                                                              reason=reason)))
            return None
        return path
