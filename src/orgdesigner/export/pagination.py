"""How a chart is cut into pages so that every word on it stays legible (issue 4).

Pure geometry, no reportlab: the PDF export and the app's preview of the page grid both ask here.
Scene units are the canvas's (a card is 180 × 64); a page shows a scene rectangle (its window) at a
scale in points per scene unit, so text set at `t` points at scale 1 prints at `t × scale` points.

- `fit` puts the whole chart on one page; when that would print the smallest text under
  MIN_TEXT_PT, it switches to `tile` and says so (`Pagination.switched_to_tile`).
- `tile` prints at TILE_TEXT_PT for the smallest text and cuts the chart into a grid of pages that
  overlap by at least the overlap asked. A seam never runs through a card or a header without the
  neighbouring page holding it whole: each cut is moved back, when needed, to the left (or top) edge
  of the first card the page before would cut, so that a reader never pieces a name together from
  two sheets. A grid cell is printed only when a card or header is whole on it and on no other sheet
  printed: no sheet shows only the corner of a card or a line passing by.
- `per-agency` gives head office and each agency a page of its own, at the largest scale that fits
  (capped at MAX_SCALE), tiled as above when the agency is too large to be legible on one page.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

Mode = Literal["fit", "tile", "per-agency"]
Orientation = Literal["portrait", "landscape"]
PageSize = Literal["A4", "A3", "A2", "A1", "A0"]
GroupKey = str | None  # an agency id; None: head office

MODES: Final[tuple[Mode, ...]] = ("fit", "tile", "per-agency")
ORIENTATIONS: Final[tuple[Orientation, ...]] = ("portrait", "landscape")
PAGE_SIZES_MM: Final[dict[PageSize, tuple[float, float]]] = {
    "A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0), "A1": (594.0, 841.0), "A0": (841.0, 1189.0),
}
POINTS_PER_MM: Final = 72.0 / 25.4
MIN_TEXT_PT: Final = 6.0  # the smallest text a committee member reads without a lens
TILE_TEXT_PT: Final = 7.0  # what tiling aims at: a point of comfort above the limit
MAX_SCALE: Final = 1.25  # a small chart is not blown up into a poster
MAX_OVERLAP_MM: Final = 50.0
# The page around the chart: margins, a band above for the caption and page map, a band below for
# the page number.
MARGIN_MM: Final = 10.0
CAPTION_BAND_MM: Final = 9.0
FOOTER_BAND_MM: Final = 7.0
# Room kept around an agency on its own page for the "continued on page N" markers of its lines.
MARKER_ROOM: Final = 44.0


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle: top-left corner and size, y downwards (scene) or upwards (page), as said."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)

    def intersects(self, other: Rect) -> bool:
        return other.x <= self.right and other.right >= self.x and other.y <= self.bottom and other.bottom >= self.y

    def padded(self, dx: float, dy: float) -> Rect:
        return Rect(self.x - dx, self.y - dy, self.w + 2 * dx, self.h + 2 * dy)


def union(rects: Iterable[Rect]) -> Rect:
    """The smallest rectangle holding them all; raises ValueError when there is none."""
    left = top = math.inf
    right = bottom = -math.inf
    for rect in rects:
        left, top = min(left, rect.x), min(top, rect.y)
        right, bottom = max(right, rect.right), max(bottom, rect.bottom)
    if left == math.inf:
        raise ValueError("nothing to frame")
    return Rect(left, top, right - left, bottom - top)


@dataclass(frozen=True, slots=True)
class PageFrame:
    """A sheet in points, and where the chart goes on it (page coordinates, y upwards from the
    bottom-left corner, as in PDF)."""

    width: float
    height: float
    area: Rect
    margin: float


def page_frame(size: PageSize, orientation: Orientation) -> PageFrame:
    short, long = (side * POINTS_PER_MM for side in PAGE_SIZES_MM[size])
    width, height = (short, long) if orientation == "portrait" else (long, short)
    margin = MARGIN_MM * POINTS_PER_MM
    footer = FOOTER_BAND_MM * POINTS_PER_MM
    caption = CAPTION_BAND_MM * POINTS_PER_MM
    area = Rect(margin, margin + footer, width - 2 * margin, height - 2 * margin - footer - caption)
    return PageFrame(width, height, area, margin)


@dataclass(frozen=True, slots=True)
class Group:
    """What one agency (or head office) draws: `boxes` (cards, header) must each print whole on at
    least one page, and a page is printed for what it holds whole."""

    key: GroupKey
    boxes: tuple[Rect, ...]


@dataclass(frozen=True, slots=True)
class Grid:
    """The windows of a tiled set of pages: the scene x-range of each column, the y-range of each
    row, and the cells that hold something (the others are not printed)."""

    columns: tuple[tuple[float, float], ...]
    rows: tuple[tuple[float, float], ...]
    cells: frozenset[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class ChartPage:
    """One page of the chart: the scene window it shows, at `scale` points per scene unit, drawing
    the groups named; `grid` and `cell` (column, row) when it is one tile of several."""

    window: Rect
    scale: float
    groups: tuple[GroupKey, ...]
    grid: Grid | None = None
    cell: tuple[int, int] = (0, 0)

    @property
    def tiled(self) -> bool:
        return self.grid is not None and len(self.grid.cells) > 1

    @property
    def label(self) -> str:
        """The cell's name on the page map and in assembly marks: column letter(s), row number."""
        return cell_label(*self.cell)


@dataclass(frozen=True, slots=True)
class Pagination:
    frame: PageFrame
    mode_asked: Mode
    mode_used: Mode
    pages: tuple[ChartPage, ...]

    @property
    def switched_to_tile(self) -> bool:
        return self.mode_asked == "fit" and self.mode_used == "tile"


def cell_label(column: int, row: int) -> str:
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


def legible_scale(smallest_text: float) -> float:
    """The lowest scale at which text set at `smallest_text` points at scale 1 stays legible."""
    return MIN_TEXT_PT / smallest_text


def paginate(groups: Sequence[Group], *, size: PageSize = "A4", orientation: Orientation = "landscape",
             mode: Mode = "fit", overlap_mm: float = 10.0, smallest_text: float) -> Pagination:
    """The chart pages for `groups` (head office and agencies, in document order).

    `smallest_text` is the smallest font size the drawing uses on a card at scale 1. Raises
    ValueError when there is nothing to draw, or for an overlap outside [0, MAX_OVERLAP_MM]."""
    if not 0.0 <= overlap_mm <= MAX_OVERLAP_MM:
        raise ValueError(f"the overlap must be between 0 and {MAX_OVERLAP_MM:g} mm, not {overlap_mm:g}")
    if smallest_text <= 0:
        raise ValueError("the smallest text size must be positive")
    groups = [g for g in groups if g.boxes]
    if not groups:
        raise ValueError("nothing to draw")
    frame = page_frame(size, orientation)
    overlap = overlap_mm * POINTS_PER_MM
    tile_scale = max(TILE_TEXT_PT / smallest_text, legible_scale(smallest_text))
    keys = tuple(g.key for g in groups)
    if mode == "per-agency":
        pages: list[ChartPage] = []
        for group in groups:
            extent = union(group.boxes).padded(0.0, MARKER_ROOM)
            scale = _fit_scale(extent, frame.area)
            if scale >= legible_scale(smallest_text):
                pages.append(ChartPage(_centred(extent, frame.area, scale), scale, (group.key,)))
            else:  # the markers' room above and below the agency is kept on its first and last rows
                room = (Rect(extent.x, extent.y, 1.0, MARKER_ROOM), Rect(extent.x, extent.bottom - MARKER_ROOM,
                                                                         1.0, MARKER_ROOM))
                pages += _tiles([group], frame.area, tile_scale, overlap, (group.key,), room)
        return Pagination(frame, mode, mode, tuple(pages))
    boxes = [box for g in groups for box in g.boxes]
    if mode == "fit":
        extent = union(boxes)
        scale = _fit_scale(extent, frame.area)
        if scale >= legible_scale(smallest_text):
            return Pagination(frame, mode, mode, (ChartPage(_centred(extent, frame.area, scale), scale, keys),))
    return Pagination(frame, mode, "tile", tuple(_tiles(groups, frame.area, tile_scale, overlap, keys)))


def page_holding(pages: Sequence[ChartPage], group: GroupKey, box: Rect) -> int | None:
    """The index of the first page of `group` that shows `box` whole, else the first page of the
    group that shows part of it, else None: where a "continued on page N" marker sends the reader."""
    candidates = [i for i, page in enumerate(pages) if group in page.groups]
    whole = next((i for i in candidates if pages[i].window.contains(box)), None)
    if whole is not None:
        return whole
    return next((i for i in candidates if pages[i].window.intersects(box)), candidates[0] if candidates else None)


def _fit_scale(extent: Rect, area: Rect) -> float:
    return min(area.w / max(extent.w, 1e-9), area.h / max(extent.h, 1e-9), MAX_SCALE)


def _centred(extent: Rect, area: Rect, scale: float) -> Rect:
    """The window of `area` at `scale`, centred on `extent` across, its top on the extent's top."""
    w, h = area.w / scale, area.h / scale
    return Rect(extent.x + (extent.w - w) / 2, extent.y, w, h)


def _tiles(groups: Sequence[Group], area: Rect, scale: float, overlap: float, keys: tuple[GroupKey, ...],
           reserved: Sequence[Rect] = ()) -> list[ChartPage]:
    """The pages of a grid over `groups` at `scale`, row by row. `reserved` rectangles shape the grid
    (room kept for markers) but print nothing.

    A sheet is printed only when some card or header is whole on it: a sheet holding nothing but
    the edges of cards that are whole on a neighbour, or lines passing by, is left out. So is a
    sheet whose whole cards are each whole on another sheet printed too (the overlap strips)."""
    boxes = [box for g in groups for box in g.boxes]
    w, h = area.w / scale, area.h / scale
    columns = _cover([(b.x, b.right) for b in (*boxes, *reserved)], w, overlap / scale)
    rows = _cover([(b.y, b.bottom) for b in (*boxes, *reserved)], h, overlap / scale)
    across, down = _holding(columns), _holding(rows)
    holds: dict[tuple[int, int], list[int]] = {}  # cell → the boxes whole on it
    for i, box in enumerate(boxes):
        for c in across(box.x, box.right):
            for r in down(box.y, box.bottom):
                holds.setdefault((c, r), []).append(i)
    cells = _needed(holds, len(boxes))
    grid = Grid(tuple(columns), tuple(rows), cells)
    return [ChartPage(Rect(columns[c][0], rows[r][0], w, h), scale, keys, grid, (c, r))
            for r in range(len(rows)) for c in range(len(columns)) if (c, r) in cells]


def _needed(holds: dict[tuple[int, int], list[int]], count: int) -> frozenset[tuple[int, int]]:
    """The cells to print so that every box is whole on one of them: all, less those (fewest boxes
    first) whose every box is whole on another cell kept."""
    shown = [0] * count
    for members in holds.values():
        for i in members:
            shown[i] += 1
    kept = set(holds)
    for cell in sorted(holds, key=lambda c: (len(holds[c]), c[1], c[0])):
        if all(shown[i] > 1 for i in holds[cell]):
            kept.discard(cell)
            for i in holds[cell]:
                shown[i] -= 1
    return frozenset(kept)


def _holding(windows: Sequence[tuple[float, float]]) -> Callable[[float, float], range]:
    """For windows of equal length with rising starts: the indices of those holding [lo, hi] whole."""
    starts = [start for start, _ in windows]
    ends = [end for _, end in windows]
    return lambda lo, hi: range(bisect.bisect_left(ends, hi - 1e-6), bisect.bisect_right(starts, lo + 1e-6))


def _cover(intervals: Sequence[tuple[float, float]], length: float, overlap: float) -> list[tuple[float, float]]:
    """Windows of `length` along one axis such that every interval shorter than `length` lies whole
    in at least one, consecutive windows overlapping by at least `overlap`.

    Greedy, left to right: the next window starts where the overlap asks, or earlier, at the start
    of the first interval the current window cuts. Every interval starting before a window's start
    is then whole in an earlier window (an interval longer than a window cannot be, and is skipped)."""
    ordered = sorted(intervals)
    start = ordered[0][0]
    end = max(hi for _, hi in ordered)
    starts = [start]
    first = 0  # intervals before this index start before the current window
    while start + length < end - 1e-9:
        window_end = start + length
        while first < len(ordered) and ordered[first][0] < start:
            first += 1
        cut = next((lo for lo, hi in ordered[first:] if hi > window_end + 1e-9 and hi - lo <= length), math.inf)
        following = min(start + length - overlap, cut)
        if following <= start + 1e-9:  # only intervals too long to hold: step on by the overlap rule
            following = start + length - overlap
        if following <= start + 1e-9:
            raise ValueError("the overlap leaves no room on the page")
        start = following
        starts.append(start)
    return [(s, s + length) for s in starts]
