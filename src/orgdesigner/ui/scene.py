"""The scene: a mirror of one chart. It never changes the model itself; it follows the chart's
`changed` announcements, and reports what the user did (a drag, a double click) for the window to
turn into commands."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from orgdesigner import palette
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart, ChartChange
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.labels import Lang, number
from orgdesigner.rules.findings import SEVERITY_RANK, Finding
from orgdesigner.ui.items import CardItem, CardLook, LinkItem

XY = tuple[float, float]


def card_look(position: Position, findings: Iterable[Finding], lang: Lang) -> CardLook:
    """What a card shows: its title, its holder (or that it is vacant), its family's colour, and the
    most severe of its findings with their messages."""
    chosen = sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])
    if position.is_provider:
        subtitle = "Prestataire" if lang == "fr" else "Contractor"
    elif position.holder:
        subtitle = position.holder
    else:
        subtitle = "Poste vacant" if lang == "fr" else "Vacant"
    if position.fte < 1:
        subtitle += f" · {number(position.fte, lang)} {'ETP' if lang == 'fr' else 'FTE'}"
    return CardLook(
        title=position.display_title(lang),
        subtitle=subtitle,
        colour=palette.FAMILY_COLOURS.get(position.family_code, palette.FAMILY_COLOURS[""]),
        vacant=position.is_vacant and not position.is_provider,
        badge_severity=chosen[0].severity if chosen else None,
        badge_count=len(chosen),
        badge_text="\n\n".join(f"[{f.rule}] {f.message.in_(lang)}" for f in chosen),
    )


class ChartScene(QGraphicsScene):
    """Cards and links of one chart, kept in step with it."""

    cards_dropped = Signal(dict, dict)  # {position id: new xy}, {position id: old xy}, once per drag
    edit_requested = Signal(str)

    def __init__(self, chart: Chart, lang: Lang, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QBrush(QColor(palette.CANVAS_BACKGROUND)))
        # A fixed, shallow BSP tree: Qt's automatic depth is very slow on long link paths (platform notes).
        self.setBspTreeDepth(10)
        self._chart = chart
        self._lang = lang
        self._findings: dict[str, list[Finding]] = {}
        self._cards: dict[str, CardItem] = {}
        self._links: dict[Link, LinkItem] = {}
        self._links_of: defaultdict[str, set[Link]] = defaultdict(set)
        self._drag_start: dict[str, XY] = {}
        chart.changed.connect(self._follow)
        self._sync_all()

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

    def selected_ids(self) -> list[str]:
        return [item.position_id for item in self.selectedItems() if isinstance(item, CardItem)]

    # Following the model -----------------------------------------------------------------------------

    def set_findings(self, findings: Iterable[Finding]) -> None:
        by_position: defaultdict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            for position_id in dict.fromkeys(finding.positions):
                by_position[position_id].append(finding)
        touched = set(self._findings) | set(by_position)
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

    def _follow(self, change: ChartChange) -> None:
        """Updates only what an edit touched: deleting 600 cards must not rebuild 10,000."""
        if change.structure and not change.positions:
            self._sync_all()
            return
        for position_id in change.positions:
            if change.structure:
                self._sync_position(position_id)
            else:
                self._place(position_id)

    def _sync_all(self) -> None:
        for position_id in [p for p in self._cards if not self._chart.has_position(p)]:
            self._sync_position(position_id)
        for position in self._chart.positions():
            self._sync_position(position.id)

    def _sync_position(self, position_id: str) -> None:
        """The card of one position and the links that touch it, as the chart now has them."""
        chart = self._chart
        if not chart.has_position(position_id):
            card = self._cards.pop(position_id, None)
            if card is not None:
                self.removeItem(card)
            for link in list(self._links_of.pop(position_id, set())):
                self._drop_link(link)
            return
        if position_id not in self._cards:
            card = CardItem(position_id, card_look(chart.position(position_id), (), self._lang))
            self._cards[position_id] = card
            self.addItem(card)
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
                item = LinkItem(link.source, link.target, link.type)
                self._links[link] = item
                self._links_of[link.source].add(link)
                self._links_of[link.target].add(link)
                self.addItem(item)
                self._route(link)

    def _drop_link(self, link: Link) -> None:
        item = self._links.pop(link, None)
        if item is not None:
            self.removeItem(item)
        for end in (link.source, link.target):
            self._links_of[end].discard(link)

    def _refresh_card(self, position_id: str) -> None:
        position = self._chart.position(position_id)
        self._cards[position_id].set_look(card_look(position, self._findings.get(position_id, ()), self._lang))

    def _place(self, position_id: str) -> None:
        card = self._cards.get(position_id)
        xy = self._chart.position_xy(position_id) if card is not None else None
        if card is not None and xy is not None and (card.pos().x(), card.pos().y()) != xy:
            card.setPos(QPointF(*xy))  # itemChange routes its links

    def _route(self, link: Link) -> None:
        source, target = self._cards.get(link.source), self._cards.get(link.target)
        if source is not None and target is not None:
            self._links[link].follow(source.pos(), target.pos())

    # What the user does ---------------------------------------------------------------------------

    def card_moved(self, card: CardItem) -> None:
        for link in self._links_of.get(card.position_id, ()):
            self._route(link)

    def request_edit(self, position_id: str) -> None:
        self.edit_requested.emit(position_id)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._drag_start = {p: self._xy(p) for p in self.selected_ids()}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = {p: self._xy(p) for p, old in self._drag_start.items() if p in self._cards and self._xy(p) != old}
        if moved:
            self.cards_dropped.emit(moved, {p: self._drag_start[p] for p in moved})
        self._drag_start = {}

    def _xy(self, position_id: str) -> XY:
        pos = self._cards[position_id].pos()
        return (pos.x(), pos.y())
