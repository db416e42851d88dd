"""The zoomed-out chart drawn an agency at a time.

Below the zoom where cards become coloured blocks, painting 50,000 cards and 50,000 links one item
at a time costs over a second a frame, most of it one Python call per card. There the scene marks
its cards and links `ItemHasNoContents` — they stay in the scene, selectable, movable and found
under the mouse exactly as before, but Qt no longer paints them — and an `AgencyMap` per agency
paints them all: blocks grouped by colour, links as one path per kind, in a few calls. Its drawing
is kept until something in the agency changes (the scene says so with `reshape` or `restyle`).
Zoomed in, the maps are hidden, not thrown away: the first frame after zooming out again (pressing F)
paints the drawings kept, and draws again only the agencies edited meanwhile.
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
class _Layer:
    """Blocks and lines painted at one opacity: a comparison's ghosts are faded, as ghost cards are."""

    frames: Rects  # a comparison's changes, around their cards (grown by the zoom when painted)
    fills: Rects


@dataclass(frozen=True, slots=True)
class _Drawing:
    """What an agency map paints, computed once per change of the agency."""

    area: QRectF
    links: tuple[tuple[float, QPen, QPainterPath], ...]  # opacity, pen, every segment it draws
    solid: _Layer
    ghosts: _Layer
    selected: tuple[QRectF, ...]


Members = Callable[[], tuple[Iterable[CardItem], Iterable[LinkItem]]]


class AgencyMap(QGraphicsItem):
    """The cards of one agency (or of head office) and the links that start in it, as blocks and lines.
    Not selectable and never under the mouse: clicks go to the cards and links it draws."""

    def __init__(self, members: Members) -> None:
        super().__init__()
        self._members = members
        self._drawing: _Drawing | None = None
        self._restyled = False
        self._shown = True
        self.setZValue(MAP_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def set_shown(self, shown: bool) -> None:
        """Hidden when the cards paint themselves (zoomed in), the map measures nothing: a hidden item
        still counts in the scene's bounds, and measuring would draw it. Its drawing is kept."""
        if shown != self._shown:
            self.prepareGeometryChange()
            self._shown = shown
            self.setVisible(shown)

    def reshape(self) -> None:
        """Something it draws moved, came or went: measured and drawn again at the next paint."""
        if self._drawing is not None:
            if self._shown:
                self.prepareGeometryChange()
            self._drawing = None
            self.update()

    def restyle(self) -> None:
        """Something it draws changed colour or selection, not place: drawn again at the next paint,
        once however many cards changed (a language switch restyles every card)."""
        if self._drawing is not None and not self._restyled:
            self._restyled = True
            self.update()

    def drawing(self) -> _Drawing:
        if self._drawing is None:
            self._drawing = _draw(*self._members())
        elif self._restyled:
            self._drawing = dataclasses.replace(_draw(*self._members()), area=self._drawing.area)
        self._restyled = False
        return self._drawing

    def boundingRect(self) -> QRectF:
        return self.drawing().area if self._shown else QRectF()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: the items it draws are hit instead

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        drawing = self.drawing()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for opacity, pen, path in drawing.links:
            painter.setOpacity(opacity)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        reach = frame_reach(option.levelOfDetailFromTransform(painter.worldTransform()))
        for opacity, layer in ((1.0, drawing.solid), (palette.GHOST_OPACITY, drawing.ghosts)):
            painter.setOpacity(opacity)
            for colour, rects in layer.frames:
                painter.setBrush(colour)
                painter.drawRects([r.adjusted(-reach, -reach, reach, reach) for r in rects])
            for colour, rects in layer.fills:
                painter.setBrush(colour)
                painter.drawRects(list(rects))
        painter.setOpacity(1.0)
        if drawing.selected:
            painter.setPen(QPen(QColor(palette.SELECTION), 0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(list(drawing.selected))


_ByColour = dict[int, tuple[QColor, list[QRectF]]]


def _draw(cards: Iterable[CardItem], links: Iterable[LinkItem]) -> _Drawing:
    solid: tuple[_ByColour, _ByColour] = ({}, {})  # frames, fills
    ghosts: tuple[_ByColour, _ByColour] = ({}, {})
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
        frames, fills = ghosts if change is not None and change.ghost else solid
        if frame is not None:
            frames.setdefault(frame.rgba(), (frame, []))[1].append(rect)
        fills.setdefault(fill.rgba(), (fill, []))[1].append(rect)
        if card.isSelected():
            selected.append(rect)
    paths: dict[tuple[float, str, bool], tuple[QPen, QPainterPath]] = {}
    for link in links:
        if not link.isVisible():
            continue
        key = (link.opacity(), link.link_type, link.isSelected())
        if key not in paths:
            pen = QPen(link.pen())
            if not key[2]:
                pen.setWidthF(0.0)  # a one-pixel hairline, which Qt draws fastest; selected ones stay wide
            paths[key] = (pen, QPainterPath())
        paths[key][1].addPath(link.path())
    area = QRectF(min(xs), min(ys), max(xs) - min(xs) + CARD_WIDTH, max(ys) - min(ys) + CARD_HEIGHT) if xs else QRectF()
    for _pen, path in paths.values():
        area = area.united(path.controlPointRect())
    return _Drawing(
        area=area.adjusted(-_REACH, -_REACH, _REACH, _REACH) if not area.isNull() else area,
        links=tuple((key[0], *paths[key]) for key in sorted(paths, key=lambda k: (-k[0], k[1], k[2]))),
        solid=_Layer(_frozen(solid[0]), _frozen(solid[1])),
        ghosts=_Layer(_frozen(ghosts[0]), _frozen(ghosts[1])),
        selected=tuple(selected),
    )


def _frozen(by_colour: _ByColour) -> Rects:
    return tuple((colour, tuple(rects)) for colour, rects in by_colour.values())
