"""The canvas's items: a card per position, a line per link, a header per agency.

Cards paint their own text (no child text items: cheaper on a 10,000-card scene, and immune to the
PySide6 habit of collecting parented text items); below a zoom threshold they paint a plain
coloured block, which is all the eye can see at that size anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from orgdesigner import palette

CARD_WIDTH = 180.0
CARD_HEIGHT = 64.0
_BAND = 6.0
_SIMPLE_BELOW = 0.4  # zoom under which a card is a coloured block


@dataclass(frozen=True, slots=True)
class CardLook:
    """Everything a card shows, computed by the scene from the model and the findings."""

    title: str
    subtitle: str
    colour: str
    vacant: bool
    badge_severity: str | None = None
    badge_count: int = 0
    badge_text: str = ""
    hidden_below: int = 0


class BadgeItem(QGraphicsEllipseItem):
    """The severity mark of a card; hovering it shows the findings' messages."""

    SIZE = 20.0

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(0.0, 0.0, self.SIZE, self.SIZE)
        self.setParentItem(parent)
        self.setPos(CARD_WIDTH - self.SIZE / 2, -self.SIZE / 2)
        self.setPen(QPen(QColor("#ffffff"), 1.5))
        self.setAcceptHoverEvents(True)
        self._count = 0

    def show_findings(self, severity: str | None, count: int, text: str) -> None:
        self.setVisible(severity is not None and count > 0)
        self._count = count
        if severity is not None:
            self.setBrush(QBrush(QColor(palette.SEVERITY_COLOURS[severity])))
        self.setToolTip(text)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        super().paint(painter, option, widget)
        painter.setPen(QColor("#ffffff"))
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(self._count))


class CardItem(QGraphicsItem):
    """One position. Movable and selectable; tells the scene when it has moved so links follow."""

    def __init__(self, position_id: str, look: CardLook) -> None:
        super().__init__()
        self.position_id = position_id
        self._look = look
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self.badge = BadgeItem(self)
        self._apply_badge()

    @property
    def look(self) -> CardLook:
        return self._look

    def set_look(self, look: CardLook) -> None:
        if look != self._look:
            self._look = look
            self._apply_badge()
            self.update()

    def _apply_badge(self) -> None:
        self.badge.show_findings(self._look.badge_severity, self._look.badge_count, self._look.badge_text)

    def boundingRect(self) -> QRectF:
        return QRectF(-1.0, -1.0, CARD_WIDTH + 2.0, CARD_HEIGHT + 2.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        look = self._look
        colour = QColor(look.colour)
        rect = QRectF(0.0, 0.0, CARD_WIDTH, CARD_HEIGHT)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < _SIMPLE_BELOW:
            painter.fillRect(rect, colour.lighter(140) if look.vacant else colour)
            return
        border = QPen(QColor("#1976d2") if self.isSelected() else colour.darker(130), 2.0 if self.isSelected() else 1.2)
        if look.vacant:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addRoundedRect(rect, 6.0, 6.0)
        painter.fillPath(outline, QColor(palette.CARD_FILL))
        painter.save()
        painter.setClipPath(outline)
        painter.fillRect(QRectF(0.0, 0.0, _BAND, CARD_HEIGHT), colour)
        painter.restore()
        painter.strokePath(outline, border)
        text_rect = rect.adjusted(_BAND + 8.0, 6.0, -10.0, -6.0)
        title_font = QFont(painter.font())
        title_font.setPointSizeF(8.5)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor(palette.CARD_TEXT))
        metrics = QFontMetricsF(title_font)
        title = metrics.elidedText(look.title, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        sub_font = QFont(painter.font())
        sub_font.setBold(False)
        sub_font.setItalic(look.vacant)
        sub_font.setPointSizeF(8.0)
        painter.setFont(sub_font)
        painter.setPen(QColor(palette.CARD_MUTED_TEXT if look.vacant else palette.CARD_TEXT))
        subtitle = QFontMetricsF(sub_font).elidedText(look.subtitle, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect.adjusted(0.0, metrics.height() + 4.0, 0.0, 0.0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, subtitle)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            follow = getattr(scene, "card_moved", None)
            if follow is not None:
                follow(self)
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        edit = getattr(scene, "request_edit", None)
        if edit is not None:
            edit(self.position_id)
        super().mouseDoubleClickEvent(event)


_LINK_PENS = {
    "line": (Qt.PenStyle.SolidLine, 1.4),
    "dotted": (Qt.PenStyle.DashLine, 1.2),
    "contract": (Qt.PenStyle.DashDotLine, 1.2),
}


class LinkItem(QGraphicsPathItem):
    """A link drawn from the bottom of the manager's card to the top of the report's: an elbow for
    hierarchical lines, a straight dashed line for functional and contract links."""

    def __init__(self, source: str, target: str, link_type: str) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.link_type = link_type
        style, width = _LINK_PENS[link_type]
        pen = QPen(QColor(palette.LINK_COLOURS[link_type]), width, style)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setZValue(0.0)

    def follow(self, source_pos: QPointF, target_pos: QPointF) -> None:
        start = QPointF(source_pos.x() + CARD_WIDTH / 2, source_pos.y() + CARD_HEIGHT)
        end = QPointF(target_pos.x() + CARD_WIDTH / 2, target_pos.y())
        path = QPainterPath(start)
        if self.link_type == "line" and end.y() > start.y():
            middle = start.y() + (end.y() - start.y()) / 2
            path.lineTo(start.x(), middle)
            path.lineTo(end.x(), middle)
        path.lineTo(end)
        self.setPath(path)
