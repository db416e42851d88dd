"""The legend: what the canvas's colours, lines and marks mean, for a reader who has not learnt them.

Every sample is painted with the canvas's own colours and pens (`palette`, `LinkItem`), so the
legend cannot drift from what it explains. The painted samples go through `QPixmapCache`: the role
palette paints the same family swatches once per role, and a language switch rebuilds both docks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from orgdesigner import palette
from orgdesigner.model.catalogue import FAMILIES, LINK_TYPES
from orgdesigner.model.labels import Lang
from orgdesigner.rules.findings import SEVERITIES, SEVERITY_LABELS
from orgdesigner.ui.items import LinkItem

SWATCH_SIZE = 14
_LINK_WIDTH = 36
_CARD_WIDTH, _CARD_HEIGHT = 26, 16

Section = Literal["family", "link", "post", "severity"]


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of the legend; `key` is the code the canvas uses (family, link type, severity)."""

    section: Section
    key: str
    text: str
    pixmap: QPixmap


def _cached(key: str, width: int, height: int, ratio: float, paint: Callable[[QPainter], None]) -> QPixmap:
    """A sample painted once per key and pixel ratio, sharp on high-density screens."""
    full_key = f"orgdesigner/{key}/{width}x{height}@{ratio}"
    pixmap = QPixmap()
    if QPixmapCache.find(full_key, pixmap):
        return pixmap
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(painter)
    painter.end()
    QPixmapCache.insert(full_key, pixmap)
    return pixmap


def family_swatch(colour: str, ratio: float = 1.0) -> QPixmap:
    """A square of a family's colour, the colour of the band on that family's cards."""

    def paint(painter: QPainter) -> None:
        fill = QColor(colour)
        painter.setPen(QPen(fill.darker(130), 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(0.5, 0.5, SWATCH_SIZE - 1.0, SWATCH_SIZE - 1.0), 2.5, 2.5)

    return _cached(f"swatch/{colour}", SWATCH_SIZE, SWATCH_SIZE, ratio, paint)


def link_sample(link_type: str, ratio: float = 1.0) -> QPixmap:
    """A short stretch of a link in the canvas's pen; the line sits on a pixel row's centre so that
    its colour is exact there."""
    pen = LinkItem("", "", link_type).pen()

    def paint(painter: QPainter) -> None:
        painter.setPen(pen)
        middle = SWATCH_SIZE // 2 + 0.5
        painter.drawLine(QPointF(0.0, middle), QPointF(float(_LINK_WIDTH), middle))

    return _cached(f"link/{link_type}", _LINK_WIDTH, SWATCH_SIZE, ratio, paint)


def vacant_sample(ratio: float = 1.0) -> QPixmap:
    """A small card as the canvas draws a vacant post: white, a colour band, a dashed outline."""

    def paint(painter: QPainter) -> None:
        colour = QColor(palette.FAMILY_COLOURS[""])
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(1.5, 1.5, _CARD_WIDTH - 3.0, _CARD_HEIGHT - 3.0), 2.5, 2.5)
        painter.fillPath(outline, QColor(palette.CARD_FILL))
        painter.save()
        painter.setClipPath(outline)
        painter.fillRect(QRectF(1.5, 1.5, 3.0, _CARD_HEIGHT - 3.0), colour)
        painter.restore()
        painter.strokePath(outline, QPen(colour.darker(130), 1.2, Qt.PenStyle.DashLine))

    return _cached("vacant", _CARD_WIDTH, _CARD_HEIGHT, ratio, paint)


def severity_mark(severity: str, ratio: float = 1.0) -> QPixmap:
    """The badge a card wears for its most severe finding."""

    def paint(painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(palette.SEVERITY_COLOURS[severity]))
        painter.drawEllipse(QRectF(0.75, 0.75, SWATCH_SIZE - 1.5, SWATCH_SIZE - 1.5))

    return _cached(f"severity/{severity}", SWATCH_SIZE, SWATCH_SIZE, ratio, paint)


class Legend(QWidget):
    """Families, links, the vacant post and the severities, one compact row each; it scrolls rather
    than squeezes when its dock is short."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ratio = self.devicePixelRatioF()
        entries = [
            *(LegendEntry("family", code, label.in_(lang), family_swatch(palette.FAMILY_COLOURS[code], ratio))
              for code, label in FAMILIES.items()),
            # A card is grey while an `other` position has no family chosen yet.
            LegendEntry("family", "", self.tr("Family not chosen"), family_swatch(palette.FAMILY_COLOURS[""], ratio)),
            *(LegendEntry("link", code, label.in_(lang), link_sample(code, ratio))
              for code, label in LINK_TYPES.items()),
            LegendEntry("post", "vacant", self.tr("Vacant post (dashed outline)"), vacant_sample(ratio)),
            *(LegendEntry("severity", s, SEVERITY_LABELS[s].in_(lang), severity_mark(s, ratio)) for s in SEVERITIES),
        ]
        self.entries: tuple[LegendEntry, ...] = tuple(entries)
        headings: dict[Section, str] = {
            "family": self.tr("Families"),
            "link": self.tr("Links"),
            "post": self.tr("Posts"),
            "severity": self.tr("Findings"),
        }
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row = 0
        for section, heading in headings.items():
            title = QLabel(heading, content)
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for entry in (e for e in self.entries if e.section == section):
                sample = QLabel(content)
                sample.setPixmap(entry.pixmap)
                text = QLabel(entry.text, content)
                text.setWordWrap(True)
                grid.addWidget(sample, row, 0, Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(text, row, 1)
                row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
