"""The zoomed-out chart drawn an agency at a time.

Below the zoom where cards become coloured blocks, painting 50,000 cards and 50,000 links one item
at a time costs over a second a frame, most of it one Python call per card. There the scene marks
its cards and links `ItemHasNoContents` — they stay in the scene, selectable, movable and found
under the mouse exactly as before, but Qt no longer paints them — and an `AgencyMap` per agency
paints them all: blocks grouped by colour, links as one path per kind, in a few calls. Its drawing
is kept until something in the agency changes (the scene says so with `invalidate`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner import palette
from orgdesigner.ui.items import CARD_HEIGHT, CARD_WIDTH, CardItem, LinkItem, block_colours, frame_reach

_REACH = 32.0  # how far a block's drawing may reach beyond its card: a change's frame (items.frame_reach)
MAP_Z = 0.5  # above nothing it hides; the agency headers (z 2) and the badges of cards stay on top


Rects = tuple[tuple[QColor, tuple[QRectF, ...]], ...]  # rectangles by colour


@dataclass(frozen=True, slots=True)
class _Drawing:
    """What an agency map paints, computed once per change of the agency."""

    area: QRectF
    frames: Rects  # a comparison's changes, around their cards (grown by the zoom when painted)
    fills: Rects
    ghosts: Rects  # faded, as ghost cards are
    selected: tuple[QRectF, ...]
    links: tuple[tuple[QPen, QPainterPath], ...]  # one path a pen: one call draws them all


Members = Callable[[], tuple[Iterable[CardItem], Iterable[LinkItem]]]


class AgencyMap(QGraphicsItem):
    """The cards of one agency (or of head office) and the links that end in it, as blocks and lines.
    Not selectable and never under the mouse: clicks go to the cards and links it draws."""

    def __init__(self, members: Members) -> None:
        super().__init__()
        self._members = members
        self._drawing: _Drawing | None = None
        self.setZValue(MAP_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def reshape(self) -> None:
        """Something it draws moved, came or went: measured and drawn again at the next paint."""
        if self._drawing is not None:
            self.prepareGeometryChange()
            self._drawing = None
            self.update()

    def restyle(self) -> None:
        """Something it draws changed colour or selection, not place: drawn again, not measured."""
        if self._drawing is not None:
            self._drawing = dataclasses.replace(self._members_drawing(), area=self._drawing.area)
            self.update()

    def _members_drawing(self) -> _Drawing:
        return _draw(*self._members())

    def drawing(self) -> _Drawing:
        if self._drawing is None:
            self._drawing = self._members_drawing()
        return self._drawing

    def boundingRect(self) -> QRectF:
        return self.drawing().area

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: the items it draws are hit instead

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        drawing = self.drawing()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in drawing.links:
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        if drawing.frames:
            reach = frame_reach(option.levelOfDetailFromTransform(painter.worldTransform()))
            for colour, rects in drawing.frames:
                painter.setBrush(colour)
                painter.drawRects([r.adjusted(-reach, -reach, reach, reach) for r in rects])
        for colour, rects in drawing.fills:
            painter.setBrush(colour)
            painter.drawRects(list(rects))
        if drawing.ghosts:
            painter.setOpacity(palette.GHOST_OPACITY)
            for colour, rects in drawing.ghosts:
                painter.setBrush(colour)
                painter.drawRects(list(rects))
            painter.setOpacity(1.0)
        if drawing.selected:
            painter.setPen(QPen(QColor(palette.SELECTION), 0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(list(drawing.selected))


def _draw(cards: Iterable[CardItem], links: Iterable[LinkItem]) -> _Drawing:
    frames: dict[int, tuple[QColor, list[QRectF]]] = {}
    fills: dict[int, tuple[QColor, list[QRectF]]] = {}
    ghosts: dict[int, tuple[QColor, list[QRectF]]] = {}
    selected: list[QRectF] = []
    xs: list[float] = []
    ys: list[float] = []
    for card in cards:
        if not card.isVisible():
            continue
        x, y = card.x(), card.y()
        xs.append(x)
        ys.append(y)
        rect = QRectF(x, y, CARD_WIDTH, CARD_HEIGHT)
        change = card.change
        frame, fill = block_colours(card.look, change)
        if frame is not None:
            frames.setdefault(frame.rgba(), (frame, []))[1].append(rect)
        (ghosts if change is not None and change.ghost else fills).setdefault(fill.rgba(), (fill, []))[1].append(rect)
        if card.isSelected():
            selected.append(rect)
    paths: dict[tuple[str, bool], tuple[QPen, QPainterPath]] = {}
    for link in links:
        if not link.isVisible():
            continue
        key = (link.link_type, link.isSelected())
        if key not in paths:
            pen = QPen(link.pen())
            if not key[1]:
                pen.setWidthF(0.0)  # a one-pixel hairline, which Qt draws fastest; selected ones stay wide
            paths[key] = (pen, QPainterPath())
        paths[key][1].addPath(link.path())
    area = QRectF(min(xs), min(ys), max(xs) - min(xs) + CARD_WIDTH, max(ys) - min(ys) + CARD_HEIGHT) if xs else QRectF()
    for _pen, path in paths.values():
        area = area.united(path.controlPointRect())
    return _Drawing(
        area=area.adjusted(-_REACH, -_REACH, _REACH, _REACH),
        frames=_frozen(frames),
        fills=_frozen(fills),
        ghosts=_frozen(ghosts),
        selected=tuple(selected),
        links=tuple(paths[key] for key in sorted(paths)),
    )


def _frozen(by_colour: dict[int, tuple[QColor, list[QRectF]]]) -> Rects:
    return tuple((colour, tuple(rects)) for colour, rects in by_colour.values())
