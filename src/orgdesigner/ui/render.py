"""The chart as a picture, without a window: the canvas's own scene drawn into an image, so that an
exported PNG shows exactly what the user sees on screen (cards, links, agency headers, severity
badges).

Used by `orgdesigner export --png`, which runs headless: the offscreen platform is chosen here when
the user chose none, and an application object is made only when there is none yet. The window's
exports and printing (exporting.py) draw its live scene with the same pieces: as_exported, area_of,
paint_image, capped_scale, png_bytes.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from orgdesigner import palette
from orgdesigner.app.files import write_bytes_safely
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import Report
from orgdesigner.ui.items import LinkItem
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.view import OVERVIEW_BELOW, ChartView

MARGIN = 40.0  # scene units of background around the cards, as the view's "fit all" leaves
MAX_SIDE = 16_384  # pixels; beyond this many viewers and image libraries refuse the file
MAX_PIXELS = 64 * 2**20  # 256 MB of 32-bit pixels: a desktop's memory, not a server's
RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


class NothingToDraw(ValueError):
    """The chosen part of the chart has no card (an agency without positions, an empty scenario)."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """What was written: the image's size and the scale used, which is below the one asked for when
    the chart would not fit within MAX_SIDE and MAX_PIXELS at that scale."""

    width: int
    height: int
    scale: float
    asked_scale: float

    @property
    def scaled_down(self) -> bool:
        return self.scale < self.asked_scale


def render_png(chart: Chart, report: Report, lang: Lang, out_path: Path, *,
               agency: str | None = None, scale: float = 1.0) -> Rendered:
    """Draws the whole chart with `report`'s badges and headers, or one agency's header and cards
    (agency by id), at `scale` pixels per scene unit, then writes the PNG so that `out_path` is
    either its old content or the whole new image.

    Raises NothingToDraw when there is nothing to frame (an agency id without cards: the caller
    names the known ones), OSError when the file cannot be written (`out_path` untouched),
    MemoryError when even the capped image cannot be allocated.
    """
    if scale <= 0:
        raise ValueError(f"the scale must be positive, not {scale}")
    _application()
    image, applied = _draw(chart, report, lang, agency, scale)
    write_bytes_safely(out_path, png_bytes(image))
    return Rendered(image.width(), image.height(), applied, scale)


def _draw(chart: Chart, report: Report, lang: Lang, agency: str | None, scale: float) -> tuple[QImage, float]:
    """The image and the scale it was drawn at. The scene lives only here, so that it stops
    following the chart as soon as the picture is taken."""
    scene = ChartScene(chart, lang)
    try:
        scene.set_report(report)
        with as_exported(scene, agency):
            return paint_image(scene, area_of(scene, agency), scale)
    finally:
        scene.detach()


@contextmanager
def as_exported(scene: ChartScene, agency: str | None = None, view: ChartView | None = None) -> Iterator[None]:
    """The scene as a picture of it shows it, for the time of the drawing: nothing selected, every
    card in full rather than the zoomed-out names over blocks, and for one agency no line to head
    office or another agency (it would run off the picture to nothing). All put back afterwards:
    the selection without telling the window (its panels must not flicker), the zoomed-out names as
    `view`'s zoom wants them."""
    chosen = scene.selectedItems()
    links = scene.link_items()
    shown = {link: item.isVisible() for link, item in links.items()}
    was_blocked = scene.blockSignals(True)
    try:
        scene.clearSelection()
        for item in chosen:
            if isinstance(item, LinkItem):
                item.show_selected(False)
        scene.set_overview(False, 1.0)
        if agency is not None:
            inside = {p.id for p in scene.chart.positions() if p.agency == agency}
            for link, item in links.items():
                if not (link.source in inside and link.target in inside):
                    item.setVisible(False)
        yield
    finally:
        for link, item in links.items():
            item.setVisible(shown[link])
        for item in chosen:
            item.setSelected(True)
            if isinstance(item, LinkItem):
                item.show_selected(True)
        scene.blockSignals(was_blocked)
        if view is not None:
            scale = view.scale_factor()
            scene.set_overview(scale < OVERVIEW_BELOW, scale)


def area_of(scene: ChartScene, agency: str | None = None) -> QRectF:
    """The scene rectangle to draw, with the margin: everything shown (not what a collapsed subtree
    hides), or one agency's header, shown cards and their badges (which stand out of the card's
    corner). Raises NothingToDraw when that is no card at all."""
    area = QRectF()
    if agency is None:
        for item in scene.items():
            if item.isVisible() and not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations:
                area = area.united(item.sceneBoundingRect())
    else:
        header = scene.headers().get(agency)
        area = header.sceneBoundingRect() if header is not None and header.isVisible() else QRectF()
        for position in scene.chart.positions():
            if position.agency == agency:
                card = scene.card(position.id)
                if not card.isVisible():
                    continue
                area = area.united(card.sceneBoundingRect())
                if card.badge is not None and card.badge.isVisible():
                    area = area.united(card.badge.sceneBoundingRect())
    if area.isEmpty():
        raise NothingToDraw("there is no position to draw" if agency is None
                            else f"agency {agency!r} has no position to draw")
    return area.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def paint_image(scene: ChartScene, area: QRectF, scale: float) -> tuple[QImage, float]:
    """`area` of the scene drawn into an opaque image at `scale` pixels per scene unit, or at the
    largest scale below it that capped_scale allows; the image and the scale applied. Raises
    MemoryError when the image cannot be allocated."""
    applied = capped_scale(area.width(), area.height(), scale)
    width, height = _pixels(area.width() * applied), _pixels(area.height() * applied)
    image = QImage(width, height, QImage.Format.Format_RGB32)  # opaque: a smaller PNG, no alpha
    if image.isNull():
        raise MemoryError(f"cannot allocate an image of {width} × {height} pixels")
    image.fill(QColor(palette.CANVAS_BACKGROUND))
    painter = QPainter(image)
    try:
        painter.setRenderHints(RENDER_HINTS)
        scene.render(painter, QRectF(0.0, 0.0, width, height), area)
    finally:
        painter.end()
    return image, applied


def capped_scale(width: float, height: float, scale: float) -> float:
    """`scale`, or the largest scale below it at which a `width` × `height` area (scene units) gives
    an image within MAX_SIDE pixels a side and MAX_PIXELS in all."""
    by_side = MAX_SIDE / max(width, height)
    by_pixels = math.sqrt(MAX_PIXELS / (width * height))
    return min(scale, by_side, by_pixels)


def _pixels(length: float) -> int:
    """Rounded down, so that the caps hold (a fraction of a pixel of margin is all it costs), but
    not below a whole number that floating point missed by a hair: 16384.0 * (1000 / 16384.0)
    must give 1000 pixels, not 999."""
    return max(1, math.floor(length * (1 + 1e-9)))


def _application() -> QCoreApplication:
    """The running application (the desktop window's, or a test's), or one made for the export."""
    existing = QCoreApplication.instance()
    return existing if existing is not None else _own_application()


@functools.cache
def _own_application() -> QApplication:
    """Kept for the life of the process: Qt objects made later must not outlive their application.
    A widgets application, since the scene and its items belong to QtWidgets; offscreen unless the
    user named a platform, so that an export works on a server or over ssh without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(sys.argv[:1] or ["orgdesigner"])


def png_bytes(image: QImage) -> bytes:
    """The image as PNG bytes, for write_bytes_safely."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))  # QImage.save's stub and runtime disagree on the format's type
    if not writer.write(image):
        raise MemoryError(f"cannot encode an image of {image.width()} × {image.height()} pixels as PNG "
                          f"({writer.errorString()})")
    buffer.close()
    return bytes(data.data())
