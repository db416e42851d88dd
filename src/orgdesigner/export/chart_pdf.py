"""The chart drawn as vectors on a reportlab canvas, one page at a time, looking like the canvas:
cards with their family's colour band, title and holder (dashed outline when vacant), agency
headers with the expected and detected management models, links along the canvas's routes with its
line kinds (solid, dashed functional, dash-dot contract), and the numbered finding marks; for a
comparison, the accents that say what changed (an outline in the kind's colour, a tag with its signs,
the posts the target no longer has faded where they were).

Sizes of what belongs to the chart are in scene units, printed at the page's scale; what belongs to
the sheet (caption, page map, assembly marks, "continued on page N") is in points, so that it stays
legible whatever the scale.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Generic, TypeVar

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from orgdesigner import palette
from orgdesigner.app.presentation import CardTexts, HeaderTexts, card_texts, header_texts
from orgdesigner.export import fonts
from orgdesigner.export.annotations import Mark, Marks
from orgdesigner.export.geometry import (
    HEADER_DETAIL_PT,
    HEADER_NAME_PT,
    MARK_PT,
    SUBTITLE_PT,
    TITLE_PT,
    ChartGeometry,
    DrawnLink,
)
from orgdesigner.export.pagination import (
    ChartPage,
    Grid,
    GroupKey,
    Pagination,
    Rect,
    cell_label,
    page_holding,
    union,
)
from orgdesigner.export.wording import say
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import AgencySummary

SHEET_TEXT_PT: Final = 7.0  # caption details, markers, page map labels
_BAND: Final = 6.0
_CARD_RADIUS: Final = 6.0
_HEADER_RADIUS: Final = 8.0
_MARK_DIAMETER: Final = 20.0
# A pill's padding round its text and its white rim, in proportion to the text (a mark's: 8 and 1.5
# scene units round text of MARK_PT).
_PILL_PADDING: Final = 8.0 / MARK_PT
_PILL_RIM: Final = 1.5 / MARK_PT
# An accent's outline: this far outside the card, this thick (scene units; cards stacked in a column
# are 12 apart, so two outlines never touch).
_HALO_GAP: Final = 2.5
_HALO_LINE: Final = 2.5
# Line kinds in points, not scaled: the canvas's pens are cosmetic (the same width at every zoom).
LINK_STYLES: Final[dict[str, tuple[float, tuple[float, ...]]]] = {
    "line": (0.9, ()),
    "dotted": (0.8, (4.0, 2.5)),
    "contract": (0.8, (6.0, 2.0, 1.2, 2.0)),
}
_BUCKET: Final = 600.0  # scene units a side of the index cells that find what a page shows
K = TypeVar("K")
# A colour is parsed once, not on every card of every page.
_colour: Final = functools.cache(HexColor)


@dataclass(frozen=True, slots=True)
class Accent:
    """What a comparison says of a card or an agency header: an outline in `colour` round it and a
    tag with `tag` (the signs of its kinds of change) on its top-right corner, where a finding mark
    would be (a comparison's chart has none); a ghost (a post or agency only the other scenario has)
    is drawn faded, its outline dashed. `note` (a position's id) prints in the card's bottom-right
    corner, for the reader going from the card to the list of changes."""

    colour: str
    tag: str
    ghost: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class ChartContent:
    """What the pages show, computed once for all of them. `accents` by position id,
    `header_accents` by agency id; a card or header without one is drawn as the chart export draws it."""

    geometry: ChartGeometry
    cards: Mapping[str, CardTexts]
    headers: Mapping[str, HeaderTexts]
    marks: Marks
    caption: str
    group_names: Mapping[GroupKey, str]
    accents: Mapping[str, Accent]
    header_accents: Mapping[str, Accent]


_NONE: Final[Mapping[str, Accent]] = MappingProxyType({})


def chart_content(chart: Chart, summaries: Mapping[str, AgencySummary], geometry: ChartGeometry, caption: str,
                  lang: Lang, *, marks: Marks | None = None, accents: Mapping[str, Accent] = _NONE,
                  header_accents: Mapping[str, Accent] = _NONE) -> ChartContent:
    """The cards' and headers' words as the canvas has them (app/presentation); `summaries` by
    agency id, one for every agency drawn."""
    cards = {position_id: card_texts(chart.position(position_id), lang) for position_id in geometry.cards}
    headers = {agency_id: header_texts(summaries[agency_id], lang) for agency_id in geometry.headers}
    names: dict[GroupKey, str] = {None: say("head_office", lang)}
    names.update({a.id: a.name for a in chart.agencies()})
    return ChartContent(geometry, cards, headers, marks or Marks({}, {}), caption, names, accents, header_accents)


class ChartPages:
    """Draws the chart pages of a pagination, one after the other in the document: the "continued
    on page N" markers count from the canvas's page number, whatever comes before the chart."""

    def __init__(self, content: ChartContent, pagination: Pagination, lang: Lang) -> None:
        self._content = content
        self._pagination = pagination
        self._lang = lang
        self._ghosts = frozenset(i for i, accent in content.accents.items() if accent.ghost)
        geometry = content.geometry
        self._cards = _Index(geometry.cards.items())
        self._headers = _Index(geometry.headers.items())
        self._links = _Index((i, _bounds(drawn)) for i, drawn in enumerate(geometry.links))
        self._maps: dict[int, str] = {}  # grid (by id) → the name of its page map's form
        self._order = {position_id: i for i, position_id in enumerate(geometry.cards)}
        self._crossing: dict[GroupKey, list[DrawnLink]] = {}  # each group's lines to other groups
        for drawn in geometry.links:
            if drawn.crosses:
                self._crossing.setdefault(drawn.source_group, []).append(drawn)
                self._crossing.setdefault(drawn.target_group, []).append(drawn)

    def draw(self, canvas: Canvas, index: int) -> None:
        """Page `index` of the pagination, the canvas's origin at the chart area's bottom-left corner."""
        page = self._pagination.pages[index]
        area = self._pagination.frame.area
        view = _View(page, area.w, area.h)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, area.w, area.h)
        canvas.clipPath(clip, stroke=0, fill=0)
        self._draw_links(canvas, view, page)
        self._draw_headers(canvas, view, page)
        self._draw_cards(canvas, view, page)
        canvas.restoreState()
        self._draw_caption(canvas, page, area)
        if page.tiled:
            _assembly_marks(canvas, page, area)
            _page_map(canvas, page, area, self._maps)
        if len(page.groups) == 1:
            self._draw_markers(canvas, view, page, area, canvas.getPageNumber() - index)

    # The chart -------------------------------------------------------------------------------------

    def _draw_links(self, canvas: Canvas, view: _View, page: ChartPage) -> None:
        geometry = self._content.geometry
        shown = set(page.groups)
        for i in sorted(self._links.within(page.window)):
            drawn = geometry.links[i]
            if drawn.source_group not in shown or drawn.target_group not in shown:
                continue
            width, dash = LINK_STYLES[drawn.link.type]
            ghost = drawn.link.target in self._ghosts or drawn.link.source in self._ghosts
            colour = _colour(palette.LINK_COLOURS[drawn.link.type])
            canvas.setStrokeColor(faded(colour) if ghost else colour)
            canvas.setLineWidth(width)
            canvas.setDash(list(dash) if dash else [])
            path = canvas.beginPath()
            path.moveTo(*view.point(drawn.points[0]))
            for point in drawn.points[1:]:
                path.lineTo(*view.point(point))
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash([])

    def _draw_cards(self, canvas: Canvas, view: _View, page: ChartPage) -> None:
        content = self._content
        shown = set(page.groups)
        for position_id in sorted(self._cards.within(page.window), key=self._order.__getitem__):
            if content.geometry.group_of[position_id] in shown:
                box = content.geometry.cards[position_id]
                accent = content.accents.get(position_id)
                _card(canvas, view, box, content.cards[position_id],
                      faded if accent is not None and accent.ghost else _as_is)
                if accent is not None:
                    _accent(canvas, view, box, _CARD_RADIUS, accent)
                mark = content.marks.positions.get(position_id)
                if mark is not None:
                    _mark(canvas, view, box.right, box.y, mark, anchor_right=False)

    def _draw_headers(self, canvas: Canvas, view: _View, page: ChartPage) -> None:
        content = self._content
        shown = set(page.groups)
        for agency_id in sorted(self._headers.within(page.window)):
            if agency_id not in shown:
                continue
            box = content.geometry.headers[agency_id]
            accent = content.header_accents.get(agency_id)
            _header(canvas, view, box, content.headers[agency_id],
                    faded if accent is not None and accent.ghost else _as_is)
            if accent is not None:
                _accent(canvas, view, box, _HEADER_RADIUS, accent)
            mark = content.marks.agencies.get(agency_id)
            if mark is not None:
                _mark(canvas, view, box.right - 8.0, box.y + 8.0 + _MARK_DIAMETER / 2, mark, anchor_right=True)

    # The sheet -------------------------------------------------------------------------------------

    def _draw_caption(self, canvas: Canvas, page: ChartPage, area: Rect) -> None:
        """Above the chart: the organisation and scenario, what part this page shows, which sheet."""
        lang = self._lang
        names = self._content.group_names
        if None in page.groups and len(page.groups) > 1:
            part = say("whole_chart", lang)
        else:  # one group, or the agencies chosen (--agency), named
            part = ", ".join(names[key] for key in page.groups)
        if page.tiled and page.grid is not None:
            part += " · " + say("sheet", lang, label=page.label, columns=len(page.grid.columns),
                                 rows=len(page.grid.rows))
        baseline = area.h + 13.0  # clear of the crop marks, which rise 10 points above the area
        room = area.w - (_MAP_INSET + len(page.grid.columns) * _map_cell(page.grid) + 30.0
                         if page.tiled and page.grid is not None else 0.0)
        canvas.setFillColor(_colour(palette.CARD_TEXT))
        caption = fonts.elided(self._content.caption, fonts.BOLD, 9.0, room * 0.6)
        fonts.draw_string(canvas, 0, baseline, caption, fonts.BOLD, 9.0)
        left = fonts.text_width(caption, fonts.BOLD, 9.0) + 10.0
        canvas.setFont(fonts.REGULAR, 9.0)
        canvas.drawString(left, baseline, fonts.elided(part, fonts.REGULAR, 9.0, max(room - left, 0.0)))

    def _draw_markers(self, canvas: Canvas, view: _View, page: ChartPage, area: Rect, first_page: int) -> None:
        """Where a line leaves this page for another group's page: a stub and "continued on page N",
        at the card it starts from or comes into (several lines from one card share one marker);
        `first_page` is the document's page number of the first chart page."""
        content = self._content
        geometry = content.geometry
        pages = self._pagination.pages
        group = page.groups[0]
        ends: dict[tuple[str, bool], list[int]] = {}  # (position, line goes down from it) → pages
        for drawn in self._crossing.get(group, ()):
            here_is_source = drawn.source_group == group
            here, there = (drawn.link.source, drawn.link.target) if here_is_source else (
                drawn.link.target, drawn.link.source)
            if not page.window.contains(geometry.cards[here]):
                continue
            other_group = drawn.target_group if here_is_source else drawn.source_group
            other = page_holding(pages, other_group, geometry.cards[there])
            if other is not None:
                ends.setdefault((here, here_is_source), []).append(first_page + other)
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, SHEET_TEXT_PT)
        for (position_id, down), numbers in ends.items():
            box = geometry.cards[position_id]
            header = geometry.headers.get(geometry.group_of[position_id] or "")
            if down:
                x, y = view.point((box.x + box.w / 2, box.bottom))
                tip = y - 14.0
            else:
                top = header.y if header is not None and header.x <= box.x + box.w / 2 <= header.right else box.y
                x, y = view.point((box.x + box.w / 2, top))
                tip = y + 14.0
            if not (0 <= x <= area.w and -2 <= tip <= area.h + 2):
                continue
            unique = sorted(set(numbers))
            words = say("continued" if len(unique) == 1 else "continued_many", self._lang,
                        pages=", ".join(map(str, unique)))
            _stub(canvas, x, y, tip)
            canvas.setFillColor(_colour(palette.LINK_COLOURS["line"]))
            canvas.drawString(x + 4.0, (y + tip) / 2 - 2.5, words)
        canvas.restoreState()


_MAP_ROOM: Final = (120.0, 20.0)  # points: the page map's largest box


# Scene to page ------------------------------------------------------------------------------------


class _View:
    """Scene units to points in the chart area (origin bottom-left, y up)."""

    def __init__(self, page: ChartPage, width: float, height: float) -> None:
        self.scale = page.scale
        self._left = page.window.x
        self._top = page.window.y
        self._height = height

    def x(self, x: float) -> float:
        return (x - self._left) * self.scale

    def y(self, y: float) -> float:
        return self._height - (y - self._top) * self.scale

    def point(self, point: tuple[float, float]) -> tuple[float, float]:
        return self.x(point[0]), self.y(point[1])


class _Index(Generic[K]):
    """A bucket grid over boxes: which of them a page's window may meet, without looking at all of
    them on every page of a tiled 10,000-position chart."""

    def __init__(self, items: Iterable[tuple[K, Rect]]) -> None:
        self._boxes: dict[K, Rect] = {}
        self._cells: dict[tuple[int, int], list[K]] = {}
        for key, box in items:
            self._boxes[key] = box
            for cell in _cells_of(box):
                self._cells.setdefault(cell, []).append(key)

    def within(self, window: Rect) -> set[K]:
        found: set[K] = set()
        for cell in _cells_of(window):
            found.update(key for key in self._cells.get(cell, ()) if self._boxes[key].intersects(window))
        return found


def _cells_of(box: Rect) -> Iterable[tuple[int, int]]:
    left, right = int(box.x // _BUCKET), int(box.right // _BUCKET)
    top, bottom = int(box.y // _BUCKET), int(box.bottom // _BUCKET)
    return ((i, j) for i in range(left, right + 1) for j in range(top, bottom + 1))


def _bounds(drawn: DrawnLink) -> Rect:
    return union(Rect(x, y, 0.0, 0.0) for x, y in drawn.points)


# Items ------------------------------------------------------------------------------------------


@functools.cache
def _darker(hex_colour: str, factor: float = 1.3) -> Color:
    colour = _colour(hex_colour)
    return Color(colour.red / factor, colour.green / factor, colour.blue / factor)


Paint = Callable[[Color], Color]  # how a card or header shows its colours: as they are, or faded


def _as_is(colour: Color) -> Color:
    return colour


def faded(colour: Color) -> Color:
    """`colour` as a ghost shows it, as if seen through: a lighter colour rather than transparency,
    which reportlab resets at every colour set."""
    return over_white(colour, palette.GHOST_OPACITY)


@functools.cache
def over_white(colour: Color, share: float) -> Color:
    """`colour` at `share` of its strength over white."""
    return Color(*(1.0 - share * (1.0 - part) for part in (colour.red, colour.green, colour.blue)))


def _card(canvas: Canvas, view: _View, box: Rect, text: CardTexts, paint: Paint = _as_is) -> None:
    s = view.scale
    left, top = view.x(box.x), view.y(box.y)
    width, height = box.w * s, box.h * s
    bottom = top - height
    radius = _CARD_RADIUS * s
    canvas.setFillColor(paint(_colour(palette.CARD_FILL)))
    canvas.setStrokeColor(paint(_darker(text.colour)))
    canvas.setLineWidth(0.7)
    canvas.setDash([3.0, 2.0] if text.vacant else [])
    canvas.roundRect(left, bottom, width, height, radius, stroke=1, fill=1)
    canvas.setDash([])
    # The family band: the card's left edge, rounded like the card.
    band = canvas.beginPath()
    k = 0.5523 * radius
    band.moveTo(left + _BAND * s, top)
    band.lineTo(left + radius, top)
    band.curveTo(left + radius - k, top, left, top - radius + k, left, top - radius)
    band.lineTo(left, bottom + radius)
    band.curveTo(left, bottom + radius - k, left + radius - k, bottom, left + radius, bottom)
    band.lineTo(left + _BAND * s, bottom)
    band.close()
    canvas.setFillColor(paint(_colour(text.colour)))
    canvas.drawPath(band, stroke=0, fill=1)
    inner = left + (_BAND + 8.0) * s
    title_lines, subtitle = _card_lines(text.title, text.subtitle, text.vacant, box.w)
    title_size, sub_size = TITLE_PT * s, SUBTITLE_PT * s
    baseline = top - 6.0 * s - title_size * 0.93
    canvas.setFillColor(paint(_colour(palette.CARD_TEXT)))
    canvas.setFont(fonts.BOLD, title_size)
    # A title too long for one line takes two (a sheet has no tooltip to show the rest).
    for line in title_lines:
        canvas.drawString(inner, baseline, line)
        baseline -= title_size * 1.17
    canvas.setFont(fonts.ITALIC if text.vacant else fonts.REGULAR, sub_size)
    canvas.setFillColor(paint(_colour(palette.CARD_MUTED_TEXT if text.vacant else palette.CARD_TEXT)))
    canvas.drawString(inner, baseline - 4.0 * s, subtitle)


@functools.lru_cache(maxsize=1 << 15)
def _card_lines(title: str, subtitle: str, vacant: bool, width: float) -> tuple[tuple[str, ...], str]:
    """A card's title lines and subtitle, fitted once in scene units: a text's width grows with its
    size, so what fits at scale 1 fits at every scale, and a card on several pages is measured once."""
    room = width - _BAND - 8.0 - 10.0
    sub_font = fonts.ITALIC if vacant else fonts.REGULAR
    return (tuple(fonts.wrapped(title, fonts.BOLD, TITLE_PT, room, lines=2)),
            fonts.elided(subtitle, sub_font, SUBTITLE_PT, room))


def _header(canvas: Canvas, view: _View, box: Rect, text: HeaderTexts, paint: Paint = _as_is) -> None:
    s = view.scale
    left, top = view.x(box.x), view.y(box.y)
    width, height = box.w * s, box.h * s
    canvas.setFillColor(paint(_colour(palette.HEADER_FILL)))
    canvas.setStrokeColor(paint(_colour(palette.HEADER_BORDER)))
    canvas.setLineWidth(0.8)
    canvas.roundRect(left, top - height, width, height, _HEADER_RADIUS * s, stroke=1, fill=1)
    inner, room = left + 10.0 * s, (box.w - 20.0) * s
    name_size, detail_size = HEADER_NAME_PT * s, HEADER_DETAIL_PT * s
    baseline = top - 6.0 * s - name_size * 0.93
    canvas.setFillColor(paint(_colour(palette.CARD_TEXT)))
    canvas.setFont(fonts.BOLD, name_size)
    canvas.drawString(inner, baseline, fonts.elided(text.name, fonts.BOLD, name_size, room - 40.0 * s))
    canvas.setFont(fonts.REGULAR, detail_size)
    canvas.setFillColor(paint(_colour(palette.CARD_MUTED_TEXT)))
    line = baseline - name_size * 0.3
    for detail in text.details:
        line -= detail_size * 1.17
        canvas.drawString(inner, line, fonts.elided(detail, fonts.REGULAR, detail_size, room))
    x = inner
    pill_h = detail_size * 1.17 + 4.0 * s
    pill_bottom = top - height + 6.0 * s
    canvas.setFont(fonts.BOLD, detail_size)
    for badge in text.badges:
        pill_w = fonts.text_width(badge.text, fonts.BOLD, detail_size) + 10.0 * s
        canvas.setFillColor(paint(_colour(badge.colour)))
        canvas.roundRect(x, pill_bottom, pill_w, pill_h, 4.0 * s, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.drawCentredString(x + pill_w / 2, pill_bottom + (pill_h - detail_size * 0.72) / 2, badge.text)
        x += pill_w + 6.0 * s


def _mark(canvas: Canvas, view: _View, x: float, y: float, mark: Mark, *, anchor_right: bool) -> None:
    """A finding mark centred on scene point (x, y) (a card's top-right corner), or with its right
    end there (a header's)."""
    s = view.scale
    pill(canvas, view.x(x), view.y(y), mark.text, palette.SEVERITY_COLOURS[mark.severity], size=MARK_PT * s,
         height=_MARK_DIAMETER * s, anchor_right=anchor_right)


def _accent(canvas: Canvas, view: _View, box: Rect, radius: float, accent: Accent) -> None:
    """The outline round a card or header, its tag on the top-right corner, a card's id under it."""
    s = view.scale
    left, top, width, height = view.x(box.x), view.y(box.y), box.w * s, box.h * s
    halo(canvas, left, top - height, width, height, radius * s, accent.colour, gap=_HALO_GAP * s,
         line=_HALO_LINE * s, dashed=accent.ghost)
    pill(canvas, left + width, top, accent.tag, accent.colour, size=MARK_PT * s, height=_MARK_DIAMETER * s)
    if accent.note:
        room = (box.w - _BAND - 8.0 - 8.0) * s
        note = fonts.elided(accent.note, fonts.REGULAR, MARK_PT * s, room)
        canvas.setFillColor(_colour(palette.CARD_MUTED_TEXT))
        canvas.setFont(fonts.REGULAR, MARK_PT * s)
        canvas.drawRightString(left + width - 8.0 * s, top - height + 6.0 * s, note)


def pill(canvas: Canvas, x: float, y: float, text: str, colour: str, *, size: float, height: float,
         anchor_right: bool = False) -> None:
    """White bold `text` of `size` points on `colour`, with a white rim that parts it from what it
    overlaps: a disc for one short text, a pill for more; centred on the point (x, y), or with its
    right end there. The chart's marks and tags, and the legend's."""
    text_width = fonts.text_width(text, fonts.BOLD, size)
    width = max(height, text_width + size * _PILL_PADDING)
    left = x - width if anchor_right else x - min(width / 2, width - height / 2)
    canvas.setFillColor(_colour(colour))
    canvas.setStrokeColor(white)
    canvas.setLineWidth(size * _PILL_RIM)
    canvas.roundRect(left, y - height / 2, width, height, height / 2, stroke=1, fill=1)
    canvas.setFillColor(white)
    fonts.draw_string(canvas, left + (width - text_width) / 2, y - size * 0.36, text, fonts.BOLD, size)


def halo(canvas: Canvas, left: float, bottom: float, width: float, height: float, radius: float, colour: str, *,
         gap: float, line: float, dashed: bool) -> None:
    """An outline `gap` points outside a rounded box (points, origin bottom-left), solid or dashed."""
    canvas.saveState()
    canvas.setStrokeColor(_colour(colour))
    canvas.setLineWidth(line)
    canvas.setDash([2.2 * line, 1.4 * line] if dashed else [])
    canvas.roundRect(left - gap, bottom - gap, width + 2 * gap, height + 2 * gap, radius + gap, stroke=1, fill=0)
    canvas.restoreState()


def _stub(canvas: Canvas, x: float, y: float, tip: float) -> None:
    """A short line from a card towards where it continues, with an arrowhead."""
    canvas.setStrokeColor(_colour(palette.LINK_COLOURS["line"]))
    canvas.setFillColor(_colour(palette.LINK_COLOURS["line"]))
    canvas.setLineWidth(0.9)
    canvas.line(x, y, x, tip)
    direction = 1.0 if tip > y else -1.0
    head = canvas.beginPath()
    head.moveTo(x, tip + direction * 3.0)
    head.lineTo(x - 2.5, tip - direction * 1.5)
    head.lineTo(x + 2.5, tip - direction * 1.5)
    head.close()
    canvas.drawPath(head, stroke=0, fill=1)


def _assembly_marks(canvas: Canvas, page: ChartPage, area: Rect) -> None:
    """Crop marks at the chart area's corners, and where the neighbouring sheet starts, its name:
    laid over that sheet's edge, the two show the same cards."""
    grid = page.grid
    assert grid is not None
    canvas.saveState()
    canvas.setStrokeColor(_colour(palette.CARD_MUTED_TEXT))
    canvas.setLineWidth(0.4)
    gap, length = 2.0, 8.0
    for x, y, dx, dy in ((0, 0, -1, -1), (area.w, 0, 1, -1), (0, area.h, -1, 1), (area.w, area.h, 1, 1)):
        canvas.line(x + dx * gap, y, x + dx * (gap + length), y)
        canvas.line(x, y + dy * gap, x, y + dy * (gap + length))
    column, row = page.cell
    canvas.setFont(fonts.REGULAR, 6.0)
    canvas.setFillColor(_colour(palette.CARD_MUTED_TEXT))
    window = page.window
    if (column + 1, row) in grid.cells:
        x = (grid.columns[column + 1][0] - window.x) * page.scale
        canvas.line(x, -gap, x, -gap - 6.0)
        canvas.drawString(x + 1.5, -gap - 6.0, f"› {cell_label(column + 1, row)}")
    if (column, row + 1) in grid.cells:
        y = area.h - (grid.rows[row + 1][0] - window.y) * page.scale
        canvas.line(area.w + gap, y, area.w + gap + 6.0, y)
        canvas.drawString(area.w + gap + 1.0, y - 7.5, cell_label(column, row + 1))
    canvas.restoreState()


def _page_map(canvas: Canvas, page: ChartPage, area: Rect, defined: dict[int, str]) -> None:
    """A map at the top right: the grid of sheets, those printed in grey (a blank cell is a sheet left
    out, having no card on it), this one in the management colour, its name beside it. The grid is
    drawn once per document as a form, each page adding only its own cell: a 2,000-sheet chart
    would otherwise repeat the whole map on every sheet."""
    grid = page.grid
    assert grid is not None
    columns, rows = len(grid.columns), len(grid.rows)
    cell = _map_cell(grid)
    left = area.w - _MAP_INSET - columns * cell
    bottom = area.h + 4.0
    name = defined.get(id(grid))
    if name is None:
        name = defined[id(grid)] = f"pagemap{len(defined)}"
        _define_map(canvas, name, grid, cell)
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.doForm(name)
    column, row = page.cell
    canvas.setFillColor(_colour(palette.FAMILY_COLOURS["management"]))
    canvas.rect(column * cell, (rows - 1 - row) * cell, cell, cell, stroke=0, fill=1)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(_colour(palette.CARD_TEXT))
    canvas.setFont(fonts.BOLD, SHEET_TEXT_PT)
    canvas.drawRightString(left - 4.0, bottom + (rows * cell - SHEET_TEXT_PT * 0.72) / 2, page.label)
    canvas.restoreState()


_MAP_INSET: Final = 14.0  # points between the map and the chart area's right edge, where the crop mark is


def _map_cell(grid: Grid) -> float:
    return min(_MAP_ROOM[0] / len(grid.columns), _MAP_ROOM[1] / len(grid.rows), 10.0)


def _define_map(canvas: Canvas, name: str, grid: Grid, cell: float) -> None:
    columns, rows = len(grid.columns), len(grid.rows)
    canvas.beginForm(name)
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(_colour(palette.HEADER_BORDER))
    canvas.setFillColor(white)
    canvas.rect(0, 0, columns * cell, rows * cell, stroke=1, fill=1)
    canvas.setFillColor(_colour(palette.HEADER_BORDER))
    for row in range(rows):  # the printed sheets, a run of neighbours as one rectangle
        y = (rows - 1 - row) * cell
        column = 0
        while column < columns:
            if (column, row) not in grid.cells:
                column += 1
                continue
            end = column
            while end + 1 < columns and (end + 1, row) in grid.cells:
                end += 1
            canvas.rect(column * cell, y, (end - column + 1) * cell, cell, stroke=0, fill=1)
            column = end + 1
    if cell >= 4.0:  # the sheets' outlines, where they can be told apart
        canvas.setStrokeColor(white)
        for column in range(1, columns):
            canvas.line(column * cell, 0, column * cell, rows * cell)
        for row in range(1, rows):
            canvas.line(0, row * cell, columns * cell, row * cell)
    canvas.endForm()
