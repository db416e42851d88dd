"""Where everything of a chart is drawn, in scene units, as the canvas draws it: cards where the
chart has them, agency headers over each agency's top row, links along `layout.routing.route`.

Pure, no reportlab: the preview of the page grid in the app needs the same boxes as the PDF.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from orgdesigner.export.pagination import Group, GroupKey, Rect
from orgdesigner.layout.chart_layout import AGENCY_HEADER, AGENCY_HEADER_GAP, layout_chart, link_drawing
from orgdesigner.layout.routing import Box, route
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Link

XY = tuple[float, float]
# The canvas's card and header sizes (ui/items.py, layout_chart's default card), and its text sizes at
# scale 1: pagination keeps the smallest of them legible.
CARD_SIZE: Final = (180.0, 64.0)
HEADER_SIZE: Final = AGENCY_HEADER
TITLE_PT: Final = 8.5
SUBTITLE_PT: Final = 8.0
HEADER_NAME_PT: Final = 10.0
HEADER_DETAIL_PT: Final = 7.5
MARK_PT: Final = 7.5
SMALLEST_TEXT: Final = min(TITLE_PT, SUBTITLE_PT, HEADER_NAME_PT, HEADER_DETAIL_PT, MARK_PT)


@dataclass(frozen=True, slots=True)
class DrawnLink:
    link: Link
    points: tuple[XY, ...]
    source_group: GroupKey
    target_group: GroupKey

    @property
    def crosses(self) -> bool:
        """True when the link joins two groups, which per-agency pages print apart."""
        return self.source_group != self.target_group


@dataclass(frozen=True, slots=True)
class ChartGeometry:
    """The drawn chart. `cards` in document order; `order` is head office (when drawn), then the
    agencies in agency order; only links whose two ends are drawn."""

    cards: dict[str, Rect]
    group_of: dict[str, GroupKey]
    headers: dict[str, Rect]
    links: tuple[DrawnLink, ...]
    order: tuple[GroupKey, ...]

    def groups(self) -> list[Group]:
        boxes: dict[GroupKey, list[Rect]] = {key: [] for key in self.order}
        for position_id, box in self.cards.items():
            boxes[self.group_of[position_id]].append(box)
        for agency_id, box in self.headers.items():
            boxes[agency_id].append(box)
        return [Group(key, tuple(boxes[key])) for key in self.order if boxes[key]]


def chart_geometry(chart: Chart, agencies: Collection[str] | None = None) -> ChartGeometry:
    """The whole chart (head office and every agency), or only the agencies named (no head office).
    A position without coordinates is placed as opening the scenario in the window would place it."""
    chosen = None if agencies is None else set(agencies)
    missing = [p.id for p in chart.positions() if chart.position_xy(p.id) is None]
    laid_out = layout_chart(chart) if missing else {}
    card_w, card_h = CARD_SIZE
    cards: dict[str, Rect] = {}
    group_of: dict[str, GroupKey] = {}
    for position in chart.positions():
        if chosen is not None and position.agency not in chosen:
            continue
        x, y = chart.position_xy(position.id) or laid_out[position.id]
        cards[position.id] = Rect(x, y, card_w, card_h)
        group_of[position.id] = position.agency
    order: list[GroupKey] = [] if chosen is not None else [None]
    order += [a.id for a in chart.agencies() if chosen is None or a.id in chosen]
    members: dict[GroupKey, list[Rect]] = {}
    for position_id, box in cards.items():
        members.setdefault(group_of[position_id], []).append(box)
    headers = {key: _header_box(members[key]) for key in order if key is not None and key in members}
    links = []
    for link in chart.links():
        if link.source not in cards or link.target not in cards:
            continue
        source, target = cards[link.source], cards[link.target]
        source_group, target_group = group_of[link.source], group_of[link.target]
        header = headers.get(target_group) if target_group is not None else None
        ceiling = header.y if header is not None and source_group != target_group else None
        points = route(link_drawing(chart, link), Box(source.x, source.y, source.w, source.h),
                       Box(target.x, target.y, target.w, target.h), ceiling=ceiling)
        links.append(DrawnLink(link, tuple(points), source_group, target_group))
    return ChartGeometry(cards, group_of, headers, tuple(links), tuple(order))


def _header_box(cards: list[Rect]) -> Rect:
    """The header just above the agency's top row of cards, centred over that row, as on the canvas
    (ui/scene.py): over the agency head of a drawn tree, where a line from head office comes in."""
    top = min(card.y for card in cards)
    row = [card for card in cards if card.y <= top + 0.5]
    left, right = min(card.x for card in row), max(card.right for card in row)
    width, height = HEADER_SIZE
    return Rect((left + right - width) / 2, top - AGENCY_HEADER_GAP - height, width, height)
