"""The path a link takes between two cards, as points, for the canvas and the PDF alike.

The kind comes from `chart_layout.link_drawing`; the geometry is read from where the cards are now,
so that a card moved by hand keeps a sensible line. A kind whose shape no longer fits (a stacked card
dragged above its manager) falls back to the elbow, and an elbow with the report above its manager
to a straight line.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesigner.layout.chart_layout import LinkDrawing

XY = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Box:
    """A card's rectangle: top-left corner and size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def centre_x(self) -> float:
        return self.x + self.w / 2

    @property
    def middle_y(self) -> float:
        return self.y + self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


def route(kind: LinkDrawing, source: Box, target: Box, *, drop: float = 24.0, spine_gap: float = 6.0,
          ceiling: float | None = None) -> list[XY]:
    """Points from the source (manager, pilot) to the target (report), no point twice in a row.

    `spine`: down from the manager by at most `drop`, across to a vertical line `spine_gap` left of
    the target's column, down it and into the target's left side: a column of caretakers shares one
    spine, a comb rather than a fan of crossing elbows. `assistant`: down the manager's connector and
    across into the side of the assistant that faces it. `elbow`: down, across `drop` above the
    report's row (or half-way when the rows are closer), down into the top of the report; with a
    `ceiling` (the top of the header card above an agency's head, for a line from head office), the
    bar runs above the ceiling instead and the line goes down behind the header. `straight`: centre
    of one bottom to centre of the other top.
    """
    points = _path(kind, source, target, drop, spine_gap, ceiling)
    return [point for i, point in enumerate(points) if i == 0 or point != points[i - 1]]


def _path(kind: LinkDrawing, source: Box, target: Box, drop: float, spine_gap: float,
          ceiling: float | None) -> list[XY]:
    start = (source.centre_x, source.bottom)
    if kind == "spine" and target.y > source.bottom:
        elbow_y = source.bottom + min(drop, (target.y - source.bottom) / 2)
        spine_x = target.x - spine_gap
        return [start, (start[0], elbow_y), (spine_x, elbow_y), (spine_x, target.middle_y), (target.x, target.middle_y)]
    if kind == "assistant" and target.middle_y > source.bottom and (
            target.x >= source.centre_x or target.right <= source.centre_x):
        side = target.x if target.x >= source.centre_x else target.right
        return [start, (start[0], target.middle_y), (side, target.middle_y)]
    end = (target.centre_x, target.y)
    if kind != "straight" and end[1] > start[1]:
        # Just above the report's row: under a manager with assistants hung below it, a bar half-way
        # down would run through the assistants' cards.
        top = end[1] if ceiling is None or not start[1] < ceiling < end[1] else ceiling
        middle = top - min(drop, (top - start[1]) / 2)
        return [start, (start[0], middle), (end[0], middle), end]
    return [start, end]
