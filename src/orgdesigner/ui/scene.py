"""The scene: a mirror of one chart. It never changes the model itself; it follows the chart's
`changed` announcements, and reports what the user did (a drag, a drop, a link drawn, a menu
choice) as signals for the window to turn into commands.

What is only a way of looking (collapsed subtrees, the agency headers' places) lives here, not in
the model: it is not an edit, so it is neither undone nor saved.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from orgdesigner import palette
from orgdesigner.app.presentation import card_texts, header_texts
from orgdesigner.layout.chart_layout import AGENCY_HEADER_GAP, link_drawing
from orgdesigner.layout.routing import Box, route
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart, ChartChange
from orgdesigner.model.entities import Link, LinkType, Position
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import AgencySummary, Report
from orgdesigner.rules.findings import SEVERITY_RANK, Finding
from orgdesigner.ui.items import (
    CARD_HEIGHT,
    CARD_WIDTH,
    HEADER_HEIGHT,
    HEADER_WIDTH,
    CardItem,
    CardLook,
    HeaderItem,
    HeaderLook,
    LinkItem,
)
from orgdesigner.ui.overview import AgencyMap
from orgdesigner.ui.role_palette import role_from_mime

XY = tuple[float, float]
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def card_look(position: Position, findings: Iterable[Finding], lang: Lang, *, has_reports: bool = False,
              collapsed: bool = False, hidden_below: int = 0) -> CardLook:
    """What a card shows: its title, its holder (or that it is vacant), its family's colour
    (app/presentation, as the PDF words them), and the most severe of its findings with their messages."""
    texts = card_texts(position, lang)
    chosen = sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])
    return CardLook(
        title=texts.title,
        subtitle=texts.subtitle,
        colour=texts.colour,
        vacant=texts.vacant,
        badge_severity=chosen[0].severity if chosen else None,
        badge_count=len(chosen),
        badge_text="\n\n".join(f"[{f.rule}] {f.message.in_(lang)}" for f in chosen),
        has_reports=has_reports,
        collapsed=collapsed,
        hidden_below=hidden_below,
    )


def header_look(summary: AgencySummary, findings: Iterable[Finding], lang: Lang) -> HeaderLook:
    """An agency's header: territory, dwellings, headcount, and the management model expected for
    its headcount beside the one its structure shows (app/presentation, as the PDF words them)."""
    texts = header_texts(summary, lang)
    chosen = sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])
    return HeaderLook(
        name=texts.name,
        details=texts.details,
        badges=tuple((b.text, b.colour, b.tooltip) for b in texts.badges),
        findings=len(chosen),
        severity=chosen[0].severity if chosen else None,
        findings_text="\n\n".join(f"[{f.rule}] {f.message.in_(lang)}" for f in chosen),
    )


class ChartScene(QGraphicsScene):
    """Cards, links and agency headers of one chart, kept in step with it. `read_only` (a comparison's
    chart): cards neither move nor draw links, nothing is dropped, and the menus only fold subtrees."""

    cards_dropped = Signal(dict, dict)  # {position id: new xy}, {position id: old xy}, once per drag
    cards_reparented = Signal(list, str, dict)  # dragged ids, new manager, {id: xy before the drag}
    role_dropped = Signal(str, object, float, float)  # role code, manager id or None, scene x, y
    link_drawn = Signal(str, str, bool)  # source, target, dotted asked (Shift held)
    link_retyped = Signal(object, str)  # Link, new type
    edit_requested = Signal(str)
    agency_chosen = Signal(str)
    agency_layout_requested = Signal(str)
    refused = Signal(str)  # a user action that cannot be done, said in the status bar

    def __init__(self, chart: Chart, lang: Lang, parent: QObject | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self._read_only = read_only
        self.setBackgroundBrush(QBrush(QColor(palette.CANVAS_BACKGROUND)))
        # A fixed, shallow BSP tree: Qt's automatic depth is very slow on long link paths (platform notes).
        self.setBspTreeDepth(10)
        self._chart = chart
        self._lang = lang
        self._findings: dict[str, list[Finding]] = {}
        self._cards: dict[str, CardItem] = {}
        self._links: dict[Link, LinkItem] = {}
        self._links_of: defaultdict[str, set[Link]] = defaultdict(set)
        self._headers: dict[str, HeaderItem] = {}
        self._summaries: dict[str, AgencySummary] = {}
        self._agency_findings: dict[str, list[Finding]] = {}
        self._header_shows: dict[str, tuple[AgencySummary, tuple[Finding, ...], Lang]] = {}  # what each says
        self._collapsed: set[str] = set()
        self._hidden: set[str] = set()
        self._drag_start: dict[str, XY] = {}
        self._not_droppable: set[str] = set()
        self._drop_target: CardItem | None = None
        self._link_source: str | None = None
        self._rubber_link: QGraphicsLineItem | None = None
        self._members: defaultdict[str | None, set[str]] = defaultdict(set)  # agency → its positions
        self._agency_of: dict[str, str | None] = {}
        self._overview, self._overview_scale = False, 1.0
        self._headers_dirty: set[str | None] | None = None  # the headers to place again; None: all
        self._headers_due = QTimer(self)
        self._headers_due.setSingleShot(True)
        self._headers_due.timeout.connect(self._place_headers)
        self._styled_links: list[LinkItem] = []
        self._maps: dict[str | None, AgencyMap] = {}  # zoomed out, what paints each agency (ui/overview)
        self._selected_cards: set[str] = set()
        self.selectionChanged.connect(self._style_selected_links)
        chart.changed.connect(self._follow)
        self._build()

    # Reading -------------------------------------------------------------------------------------

    @property
    def chart(self) -> Chart:
        return self._chart

    def card(self, position_id: str) -> CardItem:
        return self._cards[position_id]

    def cards(self) -> dict[str, CardItem]:
        return dict(self._cards)

    def link_items(self) -> dict[Link, LinkItem]:
        return dict(self._links)

    def headers(self) -> dict[str, HeaderItem]:
        self._place_headers()
        return dict(self._headers)

    def selected_ids(self) -> list[str]:
        return [item.position_id for item in self.selectedItems() if isinstance(item, CardItem)]

    def selected_links(self) -> list[Link]:
        return [Link(item.source, item.target, item.link_type)  # type: ignore[arg-type]
                for item in self.selectedItems() if isinstance(item, LinkItem)]

    def selected_agency(self) -> str | None:
        chosen = [item.agency_id for item in self.selectedItems() if isinstance(item, HeaderItem)]
        return chosen[0] if len(chosen) == 1 else None

    def is_collapsed(self, position_id: str) -> bool:
        return position_id in self._collapsed

    def hidden_ids(self) -> set[str]:
        return set(self._hidden)

    def agency_at(self, x: float) -> str | None:
        """The agency whose column of cards spans x, for a role dropped on the empty canvas."""
        for agency_id, header in self.headers().items():
            if header.isVisible() and header.x() - 40.0 <= x <= header.x() + HEADER_WIDTH + 40.0:
                return agency_id
        spans: dict[str, tuple[float, float]] = {}
        for position_id, card in self._cards.items():
            agency = self._chart.position(position_id).agency
            if agency is not None:
                left, right = spans.get(agency, (card.x(), card.x() + CARD_WIDTH))
                spans[agency] = (min(left, card.x()), max(right, card.x() + CARD_WIDTH))
        return next((a for a, (left, right) in spans.items() if left <= x <= right), None)

    # Following the model -----------------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        """The findings for the cards' badges and the summaries for the agencies' headers."""
        self._summaries = {s.agency.id: s for s in report.agencies}
        by_agency: defaultdict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            if finding.agency is not None:
                by_agency[finding.agency].append(finding)
        self._agency_findings = dict(by_agency)
        self.set_findings(report.findings)
        for agency_id in set(self._headers) - set(self._summaries):
            self.removeItem(self._headers.pop(agency_id))
            self._header_shows.pop(agency_id, None)
        for agency_id, summary in self._summaries.items():
            header = self._headers.get(agency_id)
            shown = (summary, tuple(self._agency_findings.get(agency_id, ())), self._lang)
            if header is not None and self._header_shows.get(agency_id) == shown:
                continue  # an edit elsewhere: 500 headers must not be worded again
            self._header_shows[agency_id] = shown
            look = header_look(summary, shown[1], self._lang)
            if header is None:
                header = self._headers[agency_id] = HeaderItem(agency_id, look)
                self.addItem(header)
                self._header_moved(agency_id)
            else:
                header.set_look(look)
        self._place_headers()

    def set_findings(self, findings: Iterable[Finding]) -> None:
        by_position: defaultdict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            for position_id in dict.fromkeys(finding.positions):
                by_position[position_id].append(finding)
        touched = {p for p in set(self._findings) | set(by_position) if self._findings.get(p) != by_position.get(p)}
        self._findings = dict(by_position)
        for position_id in touched:
            if position_id in self._cards:
                self._refresh_card(position_id)

    def set_lang(self, lang: Lang) -> None:
        self._lang = lang
        for position_id in self._cards:
            self._refresh_card(position_id)

    def detach(self) -> None:
        """Stops following the chart, before the scene is thrown away."""
        self._chart.changed.disconnect(self._follow)
        self._headers_due.stop()

    def _follow(self, change: ChartChange) -> None:
        """Updates only what an edit touched: deleting 600 cards must not rebuild 10,000."""
        if change.structure and not change.positions:
            self._sync_all()
        else:
            for position_id in change.positions:
                if change.structure:
                    self._sync_position(position_id)
                else:
                    self._place(position_id)
        if change.structure:
            touched = set(change.positions) if change.positions else set(self._cards)
            # A link added or removed changes whether its manager has reports (the toggle).
            touched |= {m for p in change.positions for m in self._line_managers(p)}
            line = self._chart.graph("line").succ
            # A subtree emptied by an edit is no longer collapsed: its card loses the toggle.
            self._collapsed = {p for p in self._collapsed if p in self._cards and line[p]}
            if self._collapsed or self._hidden:
                self._apply_collapse()
            else:
                for position_id in touched:
                    if position_id in self._cards:
                        self._refresh_card(position_id)

    def _line_managers(self, position_id: str) -> list[str]:
        graph = self._chart.graph("line")
        return list(graph.predecessors(position_id)) if graph.has_node(position_id) else []

    def _build(self) -> None:
        """The first drawing: every card, then every link routed once (what `_sync_position` does
        one position at a time, without asking each position for its links)."""
        for position in self._chart.positions():
            self._agency_of[position.id] = position.agency
            self._members[position.agency].add(position.id)
            self._add_card(position.id)
        for link in self._chart.links():
            self._add_link(link)

    def _add_card(self, position_id: str) -> None:
        card = CardItem(position_id, self._look_of(position_id))
        if self._read_only:
            card.set_editable(False)
        xy = self._chart.position_xy(position_id)
        if xy is not None:
            card.setPos(QPointF(*xy))
        self._cards[position_id] = card
        if self._overview:
            card.setFlag(_NO_CONTENTS)
        self.addItem(card)

    def _add_link(self, link: Link) -> None:
        """A link's item, routed before it joins the scene: Qt measures a path item when it is
        added, by its stroked shape (LinkItem.shape), and an empty path would be stroked for nothing."""
        item = LinkItem(link.source, link.target, link.type)
        self._links[link] = item
        self._links_of[link.source].add(link)
        self._links_of[link.target].add(link)
        self._route(link)
        if self._overview:
            item.setFlag(_NO_CONTENTS)
        self.addItem(item)
        item.setVisible(link.source not in self._hidden and link.target not in self._hidden)
        self._map_dirty(self._agency_of.get(link.source))

    def _sync_all(self) -> None:
        for position_id in [p for p in self._cards if not self._chart.has_position(p)]:
            self._sync_position(position_id)
        for position in self._chart.positions():
            self._sync_position(position.id)

    def _sync_position(self, position_id: str) -> None:
        """The card of one position and the links that touch it, as the chart now has them."""
        chart = self._chart
        if not chart.has_position(position_id):
            for link in list(self._links_of.pop(position_id, set())):  # while its agency, their map's, is known
                self._drop_link(link)
            if position_id in self._agency_of:
                gone_from = self._agency_of.pop(position_id)
                self._members[gone_from].discard(position_id)
                self._header_moved(gone_from)
            card = self._cards.pop(position_id, None)
            if card is not None:
                if card is self._drop_target:
                    self._drop_target = None
                self.removeItem(card)
            return
        agency = chart.position(position_id).agency
        if self._agency_of.get(position_id, "") != agency:
            if position_id in self._agency_of:
                self._members[self._agency_of[position_id]].discard(position_id)
                self._header_moved(self._agency_of[position_id])
            self._agency_of[position_id] = agency
            self._members[agency].add(position_id)
            self._header_moved(agency)
        if position_id not in self._cards:
            self._add_card(position_id)
        else:
            self._refresh_card(position_id)
            self._place(position_id)
        wanted = {Link(position_id, other, link_type)
                  for link_type in LINK_TYPE_ORDER for other in chart.graph(link_type).successors(position_id)}
        wanted |= {Link(other, position_id, link_type)
                   for link_type in LINK_TYPE_ORDER for other in chart.graph(link_type).predecessors(position_id)}
        for link in self._links_of[position_id] - wanted:
            self._drop_link(link)
        for link in wanted - self._links_of[position_id]:
            if link.source in self._cards and link.target in self._cards:
                self._add_link(link)
        # A link's kind of line (spine, assistant, elbow) depends on its target's role and reports; an
        # edit that changes those announces the target, whose links are all routed again here.
        for link in self._links_of[position_id]:
            self._route(link)

    def _drop_link(self, link: Link) -> None:
        item = self._links.pop(link, None)
        if item is not None:
            self.removeItem(item)
            self._map_dirty(self._agency_of.get(link.source))
        for end in (link.source, link.target):
            self._links_of[end].discard(link)

    def _refresh_card(self, position_id: str) -> None:
        card = self._cards[position_id]
        look = card.look
        card.set_look(self._look_of(position_id))
        if card.look is not look:
            self._map_dirty(self._agency_of.get(position_id), moved=False)

    def card_marked(self, position_id: str) -> None:
        """A card's comparison mark changed (CardItem.set_change): its block changes colour."""
        self._map_dirty(self._agency_of.get(position_id))

    def _look_of(self, position_id: str) -> CardLook:
        position = self._chart.position(position_id)
        has_reports = bool(self._chart.graph("line").succ[position_id])
        collapsed = position_id in self._collapsed
        hidden = len(self._chart_descendants(position_id)) if collapsed else 0
        return card_look(position, self._findings.get(position_id, ()), self._lang, has_reports=has_reports,
                         collapsed=collapsed, hidden_below=hidden)

    def _chart_descendants(self, position_id: str) -> set[str]:
        """The line subtree below a position, loops included only once."""
        line = self._chart.graph("line").succ
        found: set[str] = set()
        todo = [position_id]
        while todo:
            for report in line[todo.pop()]:
                if report not in found and report != position_id:
                    found.add(report)
                    todo.append(report)
        return found

    def _place(self, position_id: str) -> None:
        card = self._cards.get(position_id)
        xy = self._chart.position_xy(position_id) if card is not None else None
        if card is not None and xy is not None and (card.pos().x(), card.pos().y()) != xy:
            card.setPos(QPointF(*xy))
            self._after_move(position_id)

    def _route(self, link: Link) -> None:
        source, target = self._cards.get(link.source), self._cards.get(link.target)
        item = self._links.get(link)
        if source is None or target is None or item is None or not (
                self._chart.has_position(link.source) and self._chart.has_position(link.target)):
            return  # a link on its way out, in the middle of an edit that removes one of its ends
        kind = link_drawing(self._chart, link)
        points = route(kind, Box(source.x(), source.y(), CARD_WIDTH, CARD_HEIGHT),
                       Box(target.x(), target.y(), CARD_WIDTH, CARD_HEIGHT), ceiling=self._ceiling(link))
        if item.follow(points):
            self._map_dirty(self._agency_of.get(link.source))

    def _ceiling(self, link: Link) -> float | None:
        """The top of the header a line into another agency passes behind (layout.routing.route)."""
        target_agency = self._agency_of.get(link.target)
        if target_agency is None or self._agency_of.get(link.source) == target_agency:
            return None
        header = self._headers.get(target_agency)
        return header.y() if header is not None and header.isVisible() else None

    # Agency headers ----------------------------------------------------------------------------------

    def set_overview(self, on: bool, scale: float = 1.0) -> None:
        """Zoomed out (cards drawn as blocks): agency names at a readable size over the headers,
        each cut to its agency's width on screen so that neighbours' names never overlap."""
        if on != self._overview:
            self._paint_by_agency(on)
        self._overview, self._overview_scale = on, scale
        self._place_headers()
        for header in self._headers.values():
            header.show_overview(on, scale)
        self._declutter_names()

    def _paint_by_agency(self, on: bool) -> None:
        """Zoomed out, cards and links stay in the scene, selectable and found under the mouse, but
        each agency's map paints them (ui/overview): one Python call an agency, not one a card."""
        for card in self._cards.values():
            card.setFlag(_NO_CONTENTS, on)
        for link in self._links.values():
            link.setFlag(_NO_CONTENTS, on)
        for agency_map in self._maps.values():
            agency_map.set_shown(on)
        if on:
            for agency_id in [a for a, members in self._members.items() if members and a not in self._maps]:
                self._add_map(agency_id)

    def _map_members(self, agency_id: str | None) -> tuple[list[CardItem], list[LinkItem]]:
        """What an agency's map draws: its cards, and the links that start in one of them. A line from
        head office to an agency's head is head office's: drawn by the agency's map, it would stretch
        that map over the chart, and an edit there would repaint half the zoomed-out view."""
        members = [p for p in self._members.get(agency_id, ()) if p in self._cards]
        links = [self._links[link] for p in members for link in self._links_of.get(p, ())
                 if link.source == p and link in self._links]
        return [self._cards[p] for p in members], links

    def _add_map(self, agency_id: str | None) -> None:
        """A map that asks the scene for its members through a weak reference: the scene holds its
        maps, and a cycle back would keep a thrown-away scene, its chart and 100,000 items alive
        until the next full garbage collection."""
        scene = weakref.ref(self)

        def members() -> tuple[list[CardItem], list[LinkItem]]:
            alive = scene()
            return alive._map_members(agency_id) if alive is not None else ([], [])

        self._maps[agency_id] = AgencyMap(members)
        self.addItem(self._maps[agency_id])

    def _map_dirty(self, agency_id: str | None, *, moved: bool = True) -> None:
        """An agency's map is drawn again (zoomed in: when it is next shown); `moved`: something in it
        moved, came or went."""
        agency_map = self._maps.get(agency_id)
        if agency_map is None:
            if self._overview:
                self._add_map(agency_id)
        elif moved:
            agency_map.reshape()
        else:
            agency_map.restyle()

    def _declutter_names(self) -> None:
        """Hides a name that would cover another agency's cards or a name already shown: with many
        agencies in rows, the rows are closer on screen than a line of text is tall."""
        if not self._overview:
            return
        scale = self._overview_scale
        shown: list[QRectF] = []
        boxes = {a: h.agency_box for a, h in self._headers.items() if h.isVisible()}
        for agency_id, header in self._headers.items():
            label = header.overview_label
            if not (header.isVisible() and label.isVisible()):
                continue
            size = label.boundingRect()
            width, height = size.width() / scale, size.height() / scale
            area = QRectF(header.x() + (HEADER_WIDTH - width) / 2, header.y() + (HEADER_HEIGHT - height) / 2,
                          width, height)
            if any(area.intersects(box) for other, box in boxes.items() if other != agency_id) or any(
                    area.intersects(done) for done in shown):
                label.setVisible(False)
            else:
                shown.append(area)

    def _header_moved(self, agency_id: str | None) -> None:
        self._map_dirty(agency_id)
        if self._headers_dirty is not None:
            self._headers_dirty.add(agency_id)
        if not self._headers_due.isActive():
            self._headers_due.start(0)

    def _place_headers(self) -> None:
        """Each header just above its agency's highest visible cards, centred over them: over the
        agency head in a drawn tree, so that a line from head office runs into the header. Only the
        agencies whose cards moved, came or went since the last time: an edit must not walk 10,000."""
        self._headers_due.stop()
        dirty, self._headers_dirty = self._headers_dirty, set()
        if dirty is not None and not dirty:
            return
        for agency_id in (self._headers if dirty is None else [a for a in dirty if a in self._headers]):
            header = self._headers[agency_id]
            top: list[float] | None = None  # top y, then the left and right x of the top row
            left, right, bottom = float("inf"), float("-inf"), float("-inf")
            for position_id in self._members.get(agency_id, ()):
                if position_id in self._hidden:
                    continue
                card = self._cards[position_id]
                x, y = card.x(), card.y()
                left, right, bottom = min(left, x), max(right, x + CARD_WIDTH), max(bottom, y + CARD_HEIGHT)
                if top is None or y < top[0] - 0.5:
                    top = [y, x, x + CARD_WIDTH]
                elif y <= top[0] + 0.5:
                    top[1] = min(top[1], x)
                    top[2] = max(top[2], x + CARD_WIDTH)
            header.setVisible(top is not None)
            if top is not None:
                header.setPos((top[1] + top[2] - HEADER_WIDTH) / 2, top[0] - AGENCY_HEADER_GAP - HEADER_HEIGHT)
                for position_id in self._members.get(agency_id, ()):
                    for link in self._links_of.get(position_id, ()):
                        if link.target == position_id and self._agency_of.get(link.source) != agency_id:
                            self._route(link)
                header.agency_width = max(right - left, HEADER_WIDTH)
                header.agency_box = QRectF(left, header.y(), right - left, bottom - header.y())
                header.show_overview(self._overview, self._overview_scale)
        self._declutter_names()

    # Collapsing ---------------------------------------------------------------------------------------

    def toggle_collapsed(self, position_id: str) -> None:
        self.set_collapsed(position_id, position_id not in self._collapsed)

    def set_collapsed(self, position_id: str, collapsed: bool) -> None:
        if position_id not in self._cards or collapsed == (position_id in self._collapsed):
            return
        if collapsed and not self._chart.graph("line").succ[position_id]:
            return
        if collapsed:
            self._collapsed.add(position_id)
        else:
            self._collapsed.discard(position_id)
        self._apply_collapse()
        self._place_headers()

    def expand_all(self) -> None:
        if self._collapsed:
            self._collapsed.clear()
            self._apply_collapse()
            self._place_headers()

    def reveal(self, position_ids: Iterable[str]) -> None:
        """Opens every collapsed subtree that hides one of these (a finding or a search result)."""
        wanted = [p for p in position_ids if p in self._hidden]
        if not wanted:
            return
        line = self._chart.graph("line").pred
        for position_id in wanted:
            todo, seen = [position_id], {position_id}
            while todo:
                for manager in line[todo.pop()]:
                    self._collapsed.discard(manager)
                    if manager not in seen:
                        seen.add(manager)
                        todo.append(manager)
        self._apply_collapse()
        self._place_headers()

    def _apply_collapse(self) -> None:
        self._headers_dirty = None
        hidden: set[str] = set()
        for position_id in self._collapsed:
            hidden |= self._chart_descendants(position_id) - {position_id}
        changed = hidden ^ self._hidden
        self._hidden = hidden
        ends = {e for p in changed for link in self._links_of.get(p, ()) for e in (link.source, link.target)}
        for agency_id in {self._agency_of.get(p) for p in changed | ends}:
            self._map_dirty(agency_id)
        for position_id in changed:
            card = self._cards.get(position_id)
            if card is not None:
                card.setVisible(position_id not in hidden)
                if position_id in hidden:
                    card.setSelected(False)
            for link in self._links_of.get(position_id, ()):
                self._links[link].setVisible(link.source not in hidden and link.target not in hidden)
        line = self._chart.graph("line").succ
        for position_id, card in self._cards.items():
            look = card.look
            if (position_id in changed or look.collapsed != (position_id in self._collapsed)
                    or look.has_reports != bool(line[position_id]) or look.collapsed):
                self._refresh_card(position_id)

    # What the user does ---------------------------------------------------------------------------

    def _style_selected_links(self) -> None:
        """Selected links drawn wider, and the maps redrawn of the agencies that hold
        what was selected or is now (where each is now: a selected card may have changed agency)."""
        before = self._styled_links
        for item in before:
            if item.scene() is self:
                item.show_selected(False)
        selected = self.selectedItems()
        self._styled_links = [item for item in selected if isinstance(item, LinkItem)]
        for item in self._styled_links:
            item.show_selected(True)
        cards = {item.position_id for item in selected if isinstance(item, CardItem)}
        ends = {item.source for item in before + self._styled_links} | cards | self._selected_cards
        for agency_id in {self._agency_of.get(p) for p in ends}:  # zoomed in, hidden maps keep their drawings
            self._map_dirty(agency_id, moved=False)
        self._selected_cards = cards

    def _after_move(self, position_id: str) -> None:
        """Lines and the agency's header follow a card moved by a drag or by the model."""
        for link in self._links_of.get(position_id, ()):
            self._route(link)
        self._header_moved(self._agency_of.get(position_id))

    def request_edit(self, position_id: str) -> None:
        if not self._read_only:
            self.edit_requested.emit(position_id)

    def request_agency_edit(self, agency_id: str) -> None:
        if not self._read_only:
            self.agency_chosen.emit(agency_id)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._drag_start = {} if self._read_only else {p: self._xy(p) for p in self.selected_ids()}
        self._not_droppable = set()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._drag_start and event.buttons() & Qt.MouseButton.LeftButton:
            for position_id in self._drag_start:
                self._after_move(position_id)
            if not self._not_droppable:
                # A card cannot go under itself or under one of its own reports.
                self._not_droppable = set(self._drag_start)
                for position_id in self._drag_start:
                    self._not_droppable |= self._chart_descendants(position_id)
            self._show_drop_target(self._card_under(event.scenePos(), exclude=self._not_droppable))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        target = self._drop_target
        self._show_drop_target(None)
        start, self._drag_start = self._drag_start, {}
        moved = {p: self._xy(p) for p, old in start.items() if p in self._cards and self._xy(p) != old}
        if not moved:
            return
        if target is not None and target.position_id not in start:
            self.cards_reparented.emit(list(start), target.position_id, start)
        else:
            self.cards_dropped.emit(moved, {p: start[p] for p in moved})

    def put_back(self, positions: Iterable[str]) -> None:
        """Returns dragged cards to the chart's coordinates, after a drop the window refused."""
        for position_id in positions:
            card = self._cards.get(position_id)
            xy = self._chart.position_xy(position_id)
            if card is not None and xy is not None:
                card.setPos(QPointF(*xy))
                self._after_move(position_id)

    def _card_under(self, at: QPointF, exclude: Iterable[str] = ()) -> CardItem | None:
        exclude = set(exclude)
        for item in self.items(at):
            if isinstance(item, CardItem) and item.position_id not in exclude and item.isVisible():
                return item
        return None

    def _show_drop_target(self, card: CardItem | None) -> None:
        if card is not self._drop_target:
            if self._drop_target is not None:
                self._drop_target.set_drop_target(False)
            self._drop_target = card
            if card is not None:
                card.set_drop_target(True)

    def _xy(self, position_id: str) -> XY:
        pos = self._cards[position_id].pos()
        return (pos.x(), pos.y())

    # Drawing a link from a card's handle -----------------------------------------------------------------

    def begin_link(self, card: CardItem, at: QPointF) -> None:
        self._link_source = card.position_id
        start = card.mapToScene(QPointF(CARD_WIDTH, CARD_HEIGHT / 2))
        line = QGraphicsLineItem(start.x(), start.y(), at.x(), at.y())
        pen = QPen(QColor(palette.SELECTION), 1.6, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(5.0)
        self.addItem(line)
        self._rubber_link = line

    def drag_link_to(self, at: QPointF) -> None:
        if self._rubber_link is not None:
            line = self._rubber_link.line()
            line.setP2(at)
            self._rubber_link.setLine(line)
            source = self._link_source
            self._show_drop_target(self._card_under(at, exclude={source} if source else set()))

    def end_link(self, at: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        source, self._link_source = self._link_source, None
        if self._rubber_link is not None:
            self.removeItem(self._rubber_link)
            self._rubber_link = None
        self._show_drop_target(None)
        target = self._card_under(at, exclude={source} if source else set())
        if source is not None and target is not None:
            self.link_drawn.emit(source, target.position_id, bool(modifiers & Qt.KeyboardModifier.ShiftModifier))

    # Roles dropped from the palette ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(not self._read_only and role_from_mime(event.mimeData()) is not None)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        accepted = not self._read_only and role_from_mime(event.mimeData()) is not None
        event.setAccepted(accepted)
        self._show_drop_target(self._card_under(event.scenePos()) if accepted else None)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._show_drop_target(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._show_drop_target(None)
        role = role_from_mime(event.mimeData())
        if role is None or self._read_only:
            event.ignore()
            return
        card = self._card_under(event.scenePos())
        at = event.scenePos()
        self.role_dropped.emit(role, card.position_id if card is not None else None, at.x(), at.y())
        event.acceptProposedAction()

    # Menus -------------------------------------------------------------------------------------------------

    def card_menu(self, card: CardItem, event: QGraphicsSceneContextMenuEvent) -> None:
        if not card.isSelected():
            self.clearSelection()
            card.setSelected(True)
        menu = QMenu()
        position_id = card.position_id
        if not self._read_only:
            menu.addAction(self.tr("Edit in place (F2)"), lambda: self.edit_requested.emit(position_id))
        if self._chart.graph("line").succ[position_id]:
            text = self.tr("Expand the subtree") if position_id in self._collapsed else self.tr("Collapse the subtree")
            menu.addAction(text, lambda: self.toggle_collapsed(position_id))
        if not self._read_only:
            agency = self._chart.position(position_id).agency
            if agency is not None:
                menu.addAction(self.tr("Lay out this agency"), lambda: self.agency_layout_requested.emit(agency))
            for action in self._window_actions:
                menu.addAction(action)
        if not menu.isEmpty():
            menu.exec(event.screenPos())

    def link_menu(self, item: LinkItem, event: QGraphicsSceneContextMenuEvent) -> None:
        if self._read_only:
            return
        link = Link(item.source, item.target, item.link_type)  # type: ignore[arg-type]
        menu = QMenu()
        names: dict[LinkType, str] = {"line": self.tr("Hierarchical link"),
                                      "dotted": self.tr("Dotted (functional) link"),
                                      "contract": self.tr("Contract link")}
        for link_type, name in names.items():
            action = menu.addAction(name, partial(self.link_retyped.emit, link, link_type))
            action.setCheckable(True)
            action.setChecked(link_type == link.type)
        menu.addSeparator()
        menu.addAction(self.tr("Delete the link"), lambda: self._delete_link_item(item))
        menu.exec(event.screenPos())

    def header_menu(self, header: HeaderItem, event: QGraphicsSceneContextMenuEvent) -> None:
        if self._read_only:
            return
        agency_id = header.agency_id
        menu = QMenu()
        menu.addAction(self.tr("Edit the agency"), lambda: self.agency_chosen.emit(agency_id))
        menu.addAction(self.tr("Lay out this agency"), lambda: self.agency_layout_requested.emit(agency_id))
        menu.exec(event.screenPos())

    def _delete_link_item(self, item: LinkItem) -> None:
        self.clearSelection()
        item.setSelected(True)
        for action in self._window_actions:
            if action.objectName() == "delete":
                action.trigger()

    @property
    def _window_actions(self) -> list[QAction]:
        """The window's edit actions (cut, copy, delete...), offered in a card's menu too."""
        return list(getattr(self.parent(), "card_menu_actions", []))

    def items_bounding_rect(self) -> QRectF:
        """What is shown: the cards and headers not hidden in a collapsed subtree (with nothing
        collapsed, Qt's own bounding rectangle of every item, computed without Python)."""
        if not self._hidden:
            return self.itemsBoundingRect()
        area = QRectF()
        for item in self.items():
            if isinstance(item, (CardItem, HeaderItem)) and item.isVisible():
                area = area.united(item.sceneBoundingRect())
        return area
