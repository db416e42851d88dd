"""The canvas's items: a card per position, a line per link, a header per agency.

Cards paint their own text, collapse toggle and link handle (no child items for them: cheaper on a
10,000-card scene, and immune to the PySide6 habit of collecting parented text items); below a zoom
threshold they paint a plain coloured block, which is all the eye can see at that size anyway.
Items never change the model: they tell the scene what the user did (`_SceneHooks`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from orgdesigner import palette
from orgdesigner.layout.chart_layout import AGENCY_HEADER
from orgdesigner.ui.plain import plain
from orgdesigner.ui.view import OVERVIEW_BELOW

CARD_WIDTH = 180.0
CARD_HEIGHT = 64.0
_BAND = 6.0
_SIMPLE_BELOW = OVERVIEW_BELOW  # zoom under which a card is a coloured block


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
    has_reports: bool = False
    collapsed: bool = False
    hidden_below: int = 0


@dataclass(frozen=True, slots=True)
class ChangeMark:
    """A comparison's mark on a card: a halo in the colour of its first kind of change and a tag per
    kind with its sign (io/diff_output.CHANGE_SIGNS), so that colour is never the only cue; a ghost
    (a position only the other scenario has) is faded and outlined in dashes. No kinds: a position
    the comparison leaves as it was, drawn pale when zoomed out so that the changes stand out."""

    kinds: tuple[str, ...]
    signs: tuple[str, ...]
    ghost: bool = False


class _SceneHooks(Protocol):
    """What a card tells the scene (ChartScene implements it); a card in another scene tells nothing."""

    def request_edit(self, position_id: str) -> None: ...
    def toggle_collapsed(self, position_id: str) -> None: ...
    def begin_link(self, card: CardItem, at: QPointF) -> None: ...
    def drag_link_to(self, at: QPointF) -> None: ...
    def end_link(self, at: QPointF, modifiers: Qt.KeyboardModifier) -> None: ...
    def card_menu(self, card: CardItem, event: QGraphicsSceneContextMenuEvent) -> None: ...
    def card_marked(self, position_id: str) -> None: ...


_HANDLE_RADIUS = 7.0
_TOGGLE_RADIUS = 7.0
_HANDLE_CENTRE = QPointF(CARD_WIDTH, CARD_HEIGHT / 2)
_TOGGLE_CENTRE = QPointF(CARD_WIDTH / 2, CARD_HEIGHT)
_HALO = 5.0  # how far a change mark's halo reaches beyond the card
# The same mark round a card drawn as a block: 3 pixels on screen, within a reach the bounding
# rectangle allows, so that the changes stand out in a whole organisation zoomed out.
_FRAME_PIXELS, _FRAME_MIN, _FRAME_MAX = 3.0, 6.0, 24.0
_TAG = QRectF(-8.0, -9.0, 17.0, 16.0)  # the first change tag, astride the card's top left corner


_CARD_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_LINK_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable


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
        self.setToolTip(plain(text))  # findings quote names
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
    """One position. Movable and selectable; the scene routes its links when it moves (no itemChange
    override: a Python call for every flag and position change costs a large scene seconds to build).

    Under a card with reports, a toggle collapses its subtree (with the count of hidden positions);
    on its right edge, shown when hovered or selected, a handle drags a new link to another card."""

    def __init__(self, position_id: str, look: CardLook) -> None:
        super().__init__()
        self.position_id = position_id
        self._look = look
        self._hovered = False
        self._drop_target = False
        self._linking = False
        self._editable = True
        self._change: ChangeMark | None = None
        self.setFlags(_CARD_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(1.0)
        self._badge: BadgeItem | None = None
        self._apply_badge()

    @property
    def look(self) -> CardLook:
        return self._look

    def set_look(self, look: CardLook) -> None:
        if look != self._look:
            self._look = look
            self._apply_badge()
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.update()

    def set_editable(self, editable: bool) -> None:
        """A read-only card (a comparison's) neither moves nor offers its link handle."""
        self._editable = editable
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)

    @property
    def change(self) -> ChangeMark | None:
        return self._change

    def set_change(self, mark: ChangeMark | None) -> None:
        """Marks the card as a comparison shows it; the mark reaches beyond the card, hence the
        geometry change."""
        if mark != self._change:
            self.prepareGeometryChange()
            self._change = mark
            self.setOpacity(palette.GHOST_OPACITY if mark is not None and mark.ghost else 1.0)
            self.update()
            hooks = self._hooks()
            if hooks is not None:
                hooks.card_marked(self.position_id)

    @property
    def badge(self) -> BadgeItem | None:
        """The severity mark, made the first time the card has a finding: most cards never do, and a
        child item each would cost a 10,000-card scene a third of a second to build."""
        return self._badge

    def _apply_badge(self) -> None:
        look = self._look
        if self._badge is None and look.badge_count:
            self._badge = BadgeItem(self)
        if self._badge is not None:
            self._badge.show_findings(look.badge_severity, look.badge_count, look.badge_text)

    def _hooks(self) -> _SceneHooks | None:
        scene = self.scene()
        return scene if hasattr(scene, "begin_link") else None  # type: ignore[return-value]

    def handle_shown(self) -> bool:
        return self._editable and (self._hovered or self.isSelected())

    def on_handle(self, local: QPointF) -> bool:
        return self.handle_shown() and _within(local, _HANDLE_CENTRE, _HANDLE_RADIUS + 2.0)

    def on_toggle(self, local: QPointF) -> bool:
        return self._look.has_reports and _within(local, _TOGGLE_CENTRE, _TOGGLE_RADIUS + 2.0)

    def boundingRect(self) -> QRectF:
        if self._change is not None and self._change.kinds:
            reach = _FRAME_MAX + 1.0
            return QRectF(-reach, -reach, CARD_WIDTH + 2 * reach, CARD_HEIGHT + 2 * reach)
        return QRectF(-1.0, -1.0, CARD_WIDTH + _HANDLE_RADIUS + 2.0, CARD_HEIGHT + _TOGGLE_RADIUS + 2.0)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0.0, 0.0, CARD_WIDTH, CARD_HEIGHT))
        path.addEllipse(_TOGGLE_CENTRE, _TOGGLE_RADIUS, _TOGGLE_RADIUS)
        path.addEllipse(_HANDLE_CENTRE, _HANDLE_RADIUS, _HANDLE_RADIUS)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        look = self._look
        colour = QColor(look.colour)
        rect = QRectF(0.0, 0.0, CARD_WIDTH, CARD_HEIGHT)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        change = self._change
        if scale < _SIMPLE_BELOW:
            frame, fill = block_colours(look, change)
            if frame is not None:
                reach = frame_reach(scale)
                painter.fillRect(rect.adjusted(-reach, -reach, reach, reach), frame)
            painter.fillRect(rect, fill)
            if self.isSelected():
                painter.setPen(QPen(QColor(palette.SELECTION), 0))
                painter.drawRect(rect)
            return
        if self._drop_target:
            border = QPen(QColor(palette.DROP_TARGET), 3.0)
        elif self.isSelected():
            border = QPen(QColor(palette.SELECTION), 2.0)
        else:
            border = QPen(colour.darker(130), 1.2)
        if look.vacant or (change is not None and change.ghost):
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if change is not None and change.kinds:
            painter.setPen(QPen(QColor(palette.CHANGE_COLOURS[change.kinds[0]]), 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-_HALO / 2, -_HALO / 2, _HALO / 2, _HALO / 2), 8.0, 8.0)
        outline = QPainterPath()
        outline.addRoundedRect(rect, 6.0, 6.0)
        painter.fillPath(outline, QColor(palette.CARD_FILL))
        painter.save()
        painter.setClipPath(outline)
        painter.fillRect(QRectF(0.0, 0.0, _BAND, CARD_HEIGHT), colour)
        painter.restore()
        painter.strokePath(outline, border)
        self._paint_text(painter, rect)
        if look.has_reports:
            self._paint_toggle(painter)
        if change is not None and change.kinds:
            self._paint_change_tags(painter, change)
        if self.handle_shown():
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(palette.SELECTION))
            painter.drawEllipse(_HANDLE_CENTRE, _HANDLE_RADIUS - 1.0, _HANDLE_RADIUS - 1.0)

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        look = self._look
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

    def _paint_change_tags(self, painter: QPainter, change: ChangeMark) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        font.setBold(True)
        painter.setFont(font)
        tag = QRectF(_TAG)
        for kind, sign in zip(change.kinds, change.signs, strict=True):
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.setBrush(QColor(palette.CHANGE_COLOURS[kind]))
            painter.drawRoundedRect(tag, 4.0, 4.0)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, sign)
            tag.translate(tag.width() + 2.0, 0.0)

    def _paint_toggle(self, painter: QPainter) -> None:
        """A − under an open subtree; a + and the count of hidden positions under a collapsed one."""
        look = self._look
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(QColor(palette.LINK_COLOURS["line"]), 1.2))
        painter.setBrush(QColor("#ffffff"))
        if look.collapsed:
            text = f"+{look.hidden_below}"
            width = max(2 * _TOGGLE_RADIUS, QFontMetricsF(font).horizontalAdvance(text) + 8.0)
            pill = QRectF(_TOGGLE_CENTRE.x() - width / 2, _TOGGLE_CENTRE.y() - _TOGGLE_RADIUS, width,
                          2 * _TOGGLE_RADIUS)
            painter.drawRoundedRect(pill, _TOGGLE_RADIUS, _TOGGLE_RADIUS)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.drawEllipse(_TOGGLE_CENTRE, _TOGGLE_RADIUS, _TOGGLE_RADIUS)
            painter.drawLine(_TOGGLE_CENTRE + QPointF(-3.5, 0.0), _TOGGLE_CENTRE + QPointF(3.5, 0.0))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        on_control = self.on_handle(event.pos()) or self.on_toggle(event.pos())
        if on_control:
            self.setCursor(Qt.CursorShape.CrossCursor if self.on_handle(event.pos())
                           else Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hooks = self._hooks()
        if hooks is not None and event.button() == Qt.MouseButton.LeftButton:
            if self.on_toggle(event.pos()):
                hooks.toggle_collapsed(self.position_id)
                event.accept()
                return
            if self.on_handle(event.pos()):
                self._linking = True
                hooks.begin_link(self, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hooks = self._hooks()
        if self._linking and hooks is not None:
            hooks.drag_link_to(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hooks = self._hooks()
        if self._linking and hooks is not None:
            self._linking = False
            hooks.end_link(event.scenePos(), event.modifiers())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hooks = self._hooks()
        if hooks is not None and not self.on_toggle(event.pos()):
            hooks.request_edit(self.position_id)
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        hooks = self._hooks()
        if hooks is not None:
            hooks.card_menu(self, event)


def block_colours(look: CardLook, change: ChangeMark | None) -> tuple[QColor | None, QColor]:
    """A card drawn as a block (zoomed out): the frame of a comparison's change, if any, and the
    fill (lighter when vacant, pale when a comparison leaves it as it was). Shared colours: not to
    be changed by the caller."""
    return _block_colours(look.colour, look.vacant, change.kinds[0] if change is not None and change.kinds else None,
                          change is not None and not change.kinds)


@functools.cache
def _block_colours(colour_name: str, vacant: bool, change: str | None, pale: bool) -> tuple[QColor | None, QColor]:
    colour = _pale(QColor(colour_name)) if pale else QColor(colour_name)
    frame = QColor(palette.CHANGE_COLOURS[change]) if change is not None else None
    return frame, colour.lighter(140) if vacant else colour


def frame_reach(scale: float) -> float:
    """How far a change's frame reaches beyond a block, in scene units: about 3 pixels on screen."""
    return min(max(_FRAME_PIXELS / scale, _FRAME_MIN), _FRAME_MAX)


def _pale(colour: QColor) -> QColor:
    """The colour seven tenths of the way to white."""
    return QColor(*(round(c + (255 - c) * 0.7) for c in (colour.red(), colour.green(), colour.blue())))


def _within(point: QPointF, centre: QPointF, radius: float) -> bool:
    offset = point - centre
    return offset.x() * offset.x() + offset.y() * offset.y() <= radius * radius


def _link_pen(link_type: str, style: Qt.PenStyle, width: float) -> QPen:
    pen = QPen(QColor(palette.LINK_COLOURS[link_type]), width, style)
    pen.setCosmetic(True)
    return pen


_LINK_PENS = {
    "line": _link_pen("line", Qt.PenStyle.SolidLine, 1.4),
    "dotted": _link_pen("dotted", Qt.PenStyle.DashLine, 1.2),
    "contract": _link_pen("contract", Qt.PenStyle.DashDotLine, 1.2),
}


class LinkItem(QGraphicsPathItem):
    """A link along the route the scene computes (layout.routing). Selectable, with a wider grip than
    its hairline, so that it can be deleted or given another kind."""

    def __init__(self, source: str, target: str, link_type: str) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.link_type = link_type
        self._pen = _LINK_PENS[link_type]
        self.setPen(self._pen)
        self.setFlags(_LINK_FLAGS)
        self._grip: QPainterPath | None = None  # the wide stroke a click may land on, made when asked
        self._route: tuple[tuple[float, float], ...] = ()

    def follow(self, points: Sequence[tuple[float, float]]) -> bool:
        """Takes the route given; False when it is the route it already had."""
        route = tuple(points)
        if route == self._route:
            return False
        self._route = route
        path = QPainterPath(QPointF(*route[0]))
        for x, y in route[1:]:
            path.lineTo(x, y)
        self._grip = None
        self.setPath(path)
        return True

    def shape(self) -> QPainterPath:
        if self._grip is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(8.0)
            self._grip = stroker.createStroke(self.path())
        return self._grip

    def show_selected(self, selected: bool) -> None:
        """The scene calls this on selection changes; the path item then paints itself in C++ (a Python
        paint per link costs a fitted 10,000-position chart a tenth of a second each frame)."""
        pen = QPen(self._pen)
        if selected:
            pen.setColor(QColor(palette.SELECTION))
            pen.setWidthF(pen.widthF() + 1.5)
        self.setPen(pen)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = getattr(self.scene(), "link_menu", None)
        if menu is not None:
            menu(self, event)


@dataclass(frozen=True, slots=True)
class HeaderLook:
    """An agency's header: what it is and where it stands against the models, at a glance."""

    name: str
    details: tuple[str, str]  # the territory, then dwellings and headcount
    badges: tuple[tuple[str, str, str], ...]  # (text, colour, tooltip)
    findings: int = 0
    severity: str | None = None
    findings_text: str = ""


HEADER_WIDTH, HEADER_HEIGHT = AGENCY_HEADER
_AGENCY_WORD = re.compile(r"^(agence|agency)\s+(de la |de l'|de l’|des |du |de |d'|d’)?", re.IGNORECASE)


class HeaderItem(QGraphicsItem):
    """The card above an agency's tree. Not movable: it follows the agency's cards. Selecting it
    shows the agency in its panel; its context menu lays the agency out."""

    def __init__(self, agency_id: str, look: HeaderLook) -> None:
        super().__init__()
        self.agency_id = agency_id
        self._look = look
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2.0)
        self.setToolTip(plain(look.findings_text))
        # Zoomed out to the whole organisation, cards are coloured blocks: the agency's name stays
        # readable at a fixed size on screen, above its header, as on a map.
        self.overview_label = QGraphicsSimpleTextItem(look.name, self)
        font = QFont(self.overview_label.font())
        font.setPointSizeF(10.0)
        font.setBold(True)
        self.overview_label.setFont(font)
        self.overview_label.setBrush(QColor(palette.CARD_TEXT))
        self.overview_label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.overview_label.setPos(HEADER_WIDTH / 2, HEADER_HEIGHT / 2)
        self.overview_label.setVisible(False)
        self.agency_width = HEADER_WIDTH
        self.agency_box = QRectF()  # the agency's cards and header, placed by the scene
        self._overview_scale: float | None = None

    def show_overview(self, on: bool, scale: float) -> None:
        """The name over the header at a fixed size on screen, cut to the agency's width there."""
        label = self.overview_label
        label.setVisible(on)
        self._overview_scale = scale if on else None
        if not on:
            return
        metrics = QFontMetricsF(label.font())
        room = max(self.agency_width * scale - 8.0, 0.0)
        name = self._look.name
        # "Agence de la Vallée" and "Agence des Coteaux" both elide to "Agence de…": drop the word
        # every agency shares before cutting what tells them apart.
        short = _AGENCY_WORD.sub("", name) or name
        label.setText(name if metrics.horizontalAdvance(name) <= room
                      else metrics.elidedText(short, Qt.TextElideMode.ElideRight, room))
        size = label.boundingRect()
        label.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))

    @property
    def look(self) -> HeaderLook:
        return self._look

    def set_look(self, look: HeaderLook) -> None:
        if look != self._look:
            self._look = look
            if self._overview_scale is not None:
                self.show_overview(True, self._overview_scale)
            self.setToolTip(plain(look.findings_text))
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-1.0, -1.0, HEADER_WIDTH + 2.0, HEADER_HEIGHT + 2.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        look = self._look
        rect = QRectF(0.0, 0.0, HEADER_WIDTH, HEADER_HEIGHT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(palette.SELECTION if selected else palette.HEADER_BORDER), 2.0 if selected else 1.2))
        painter.setBrush(QColor(palette.HEADER_FILL))
        painter.drawRoundedRect(rect, 8.0, 8.0)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < _SIMPLE_BELOW:
            return
        inner = rect.adjusted(10.0, 6.0, -10.0, -6.0)
        font = QFont(painter.font())
        font.setPointSizeF(10.0)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(palette.CARD_TEXT))
        metrics = QFontMetricsF(font)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         metrics.elidedText(look.name, Qt.TextElideMode.ElideRight, inner.width() - 40.0))
        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(7.5)
        painter.setFont(small)
        painter.setPen(QColor(palette.CARD_MUTED_TEXT))
        small_metrics = QFontMetricsF(small)
        line_top = inner.top() + metrics.height() + 1.0
        for line in look.details:
            painter.drawText(QRectF(inner.left(), line_top, inner.width(), small_metrics.height()),
                             Qt.AlignmentFlag.AlignLeft,
                             small_metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()))
            line_top += small_metrics.height()
        x = inner.left()
        badge_top = rect.bottom() - 6.0 - small_metrics.height() - 4.0
        badge_font = QFont(small)
        badge_font.setBold(True)
        painter.setFont(badge_font)
        badge_metrics = QFontMetricsF(badge_font)
        for text, colour, _tip in look.badges:
            width = badge_metrics.horizontalAdvance(text) + 10.0
            pill = QRectF(x, badge_top, width, badge_metrics.height() + 4.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(pill, 4.0, 4.0)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 6.0
        if look.findings and look.severity is not None:
            mark = QRectF(rect.right() - 34.0, 8.0, 26.0, 20.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.SEVERITY_COLOURS[look.severity]))
            painter.drawRoundedRect(mark, 10.0, 10.0)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, str(look.findings))

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = getattr(self.scene(), "header_menu", None)
        if menu is not None:
            menu(self, event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        edit = getattr(self.scene(), "request_agency_edit", None)
        if edit is not None:
            edit(self.agency_id)
        super().mouseDoubleClickEvent(event)
