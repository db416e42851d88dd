"""Where each position's card goes on the canvas and in the PDF: a whole scenario, or one agency.

The arrangement users expect of a landlord's proximity organisation (domain.md §2):

- head office on top, centred over the agencies, which stand side by side in agency order, each
  one a tidy tree (`tidy.py`) of its hierarchical (`line`) links, a clear gap between agencies;
- caretakers and building attendants (`caretaker`, `building_worker`) reporting to one manager are
  stacked in compact columns under that manager (`stack_rows` cards a column at most, columns side
  by side) rather than spread in one row as wide as a sector: the stack is one block of the tidy
  tree, as large as the stack;
- reception and assistance positions (family `reception`: receptionist, management assistant,
  reception and admin assistant, or an `other` post of that family) are assistants: a small column
  hanging to the right of their manager's connector, between the manager's row and the row of its
  reports. The manager and its assistants form one block of the tidy tree, the manager centred in
  it, so the column can overlap nothing;
- a contractor (`provider`) with no line manager is drawn beside its contract pilot (first
  `contract` link), as the pilot's last reports; with no pilot it is a root;
- a line from another agency or from head office is drawn, not followed: the position is a root of
  its own agency's forest;
- broken structures still get a drawing: with several managers the first line link wins; a cycle is
  cut above the cycle's first position in document order, which becomes a root.

Only leaves are stacked or hung as assistants: a caretaker or an assistant who manages someone is an
ordinary node, so that its own reports stay under it. Coordinates are card top-left corners, x to the
right and y downwards; every position of the chart gets exactly one. Pure and deterministic: ids in,
coordinates out, in document and link order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from orgdesigner.layout.tidy import tidy_tree
from orgdesigner.model.catalogue import SITE_STAFF_ROLES
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.queries import positions_by_agency

ASSISTANT_FAMILY = "reception"

XY = tuple[float, float]
LinkDrawing = Literal["elbow", "spine", "assistant", "straight"]
# The card above each agency's tree (name, territory, models) and the gap under it.
AGENCY_HEADER: Final = (300.0, 84.0)
AGENCY_HEADER_GAP: Final = 24.0
# A node of the tidy tree: a position id (a card, or a manager and its assistants), or the stack of
# site staff under a manager, ("stack", manager id).
_Node = str | tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Spacing:
    card_w: float
    card_h: float
    gap: float
    subtree_gap: float
    level_gap: float
    stack_rows: int
    assistant_rows: int
    stack_gap: float
    agency_gap: float


def layout_chart(
    chart: Chart,
    *,
    card: tuple[float, float] = (180.0, 64.0),
    gap: float = 24.0,
    subtree_gap: float = 24.0,
    level_gap: float = 48.0,
    stack_rows: int = 6,
    assistant_rows: int = 4,
    stack_gap: float = 12.0,
    agency_gap: float = 96.0,
    header: tuple[float, float] = AGENCY_HEADER,
    agencies_per_row: int = 10,
) -> dict[str, XY]:
    """The canvas layout of a whole scenario: position id → top-left corner of its card.

    `card` is every card's (width, height). `gap` separates sibling cards, `subtree_gap` more
    separates cousins, `level_gap` separates rows; a stack holds `stack_rows` site staff a column
    and an assistants' column `assistant_rows` cards, their cards `stack_gap` apart; `agency_gap`
    separates agencies from one another and from head office above them. Head office is centred
    over the agencies when they are wider. Room is left above each agency for its `header` card
    (width, height; (0, 0) for none): an agency narrower than its header is centred in a block as
    wide as the header, so that headers never overlap. Past `agencies_per_row` agencies (a group of
    landlords, not one landlord's agencies), they wrap into rows, tops aligned, each row
    `agency_gap` below the deepest agency of the row above: a strip of a hundred agencies side by
    side would fit on no screen or page. Linear in the size of the chart.
    """
    spacing = _spacing(card, gap, subtree_gap, level_gap, stack_rows, assistant_rows, stack_gap, agency_gap)
    groups = positions_by_agency(chart)
    head_office = _place_group(chart, groups.pop(None), spacing)
    result: dict[str, XY] = {}
    if agencies_per_row < 1:
        raise ValueError("agencies_per_row must be at least 1")
    header_w, header_h = header
    header_room = header_h + AGENCY_HEADER_GAP if header_h > 0 else 0.0
    top = (head_office.height + agency_gap if head_office.coordinates else 0.0) + header_room
    cursor, row_height, in_row, agencies_width = 0.0, 0.0, 0, 0.0
    for members in groups.values():
        if not members:
            continue
        if in_row == agencies_per_row:
            top += row_height + agency_gap + header_room
            cursor, row_height, in_row = 0.0, 0.0, 0
        agency = _place_group(chart, members, spacing)
        width = max(agency.width, header_w)
        result.update(_translated(agency.coordinates, cursor + (width - agency.width) / 2, top))
        cursor += width + agency_gap
        row_height = max(row_height, agency.height)
        in_row += 1
        agencies_width = max(agencies_width, cursor - agency_gap)
    result.update(_translated(head_office.coordinates, max((agencies_width - head_office.width) / 2, 0.0), 0.0))
    return result


def layout_agency(
    chart: Chart,
    agency_id: str | None,
    *,
    card: tuple[float, float] = (180.0, 64.0),
    gap: float = 24.0,
    subtree_gap: float = 24.0,
    level_gap: float = 48.0,
    stack_rows: int = 6,
    assistant_rows: int = 4,
    stack_gap: float = 12.0,
) -> dict[str, XY]:
    """Lay out one agency (None: head office) where it stands: coordinates for its positions only,
    arranged as `layout_chart` arranges them, with the block's top-left corner at the smallest x and
    the smallest y the chart's current layout gives that agency's positions (the origin when none
    has a place yet). For the "lay out this agency" command, which leaves the others where they are.
    """
    spacing = _spacing(card, gap, subtree_gap, level_gap, stack_rows, assistant_rows, stack_gap, 0.0)
    members = [p for p in chart.positions() if p.agency == agency_id]
    placed = [xy for xy in (chart.position_xy(p.id) for p in members) if xy is not None]
    left = min((xy[0] for xy in placed), default=0.0)
    top = min((xy[1] for xy in placed), default=0.0)
    return _translated(_place_group(chart, members, spacing).coordinates, left, top)


# One agency -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    coordinates: dict[str, XY]
    width: float
    height: float


def _place_group(chart: Chart, members: Sequence[Position], spacing: _Spacing) -> _Placed:
    """The positions of one agency (or head office), their cards' bounding box from (0, 0), and its size."""
    if not members:
        return _Placed({}, 0.0, 0.0)
    parent, by_contract = _layout_parents(chart, members)
    children = _ordered_children(chart, members, parent, by_contract)

    # Sort each manager's children into stacked site staff, hung assistants and ordinary nodes.
    stacks: dict[str, list[str]] = {}
    assistants: dict[str, list[str]] = {}
    tree: dict[_Node, list[_Node]] = {}
    for manager, reports in children.items():
        nodes: list[_Node] = []
        for report in reports:
            if children.get(report):
                nodes.append(report)
            elif _is_stacked(chart.position(report)):
                if manager not in stacks:
                    stacks[manager] = []
                    nodes.append(("stack", manager))
                stacks[manager].append(report)
            elif _is_assistant(chart.position(report)):
                assistants.setdefault(manager, []).append(report)
            else:
                nodes.append(report)
        if nodes:
            tree[manager] = nodes

    card = (spacing.card_w, spacing.card_h)
    sizes: dict[_Node, XY] = {}
    for position in members:
        hung = assistants.get(position.id)
        sizes[position.id] = _assisted_size(len(hung), spacing) if hung else card
    for manager, staff in stacks.items():
        sizes[("stack", manager)] = _grid_size(len(staff), spacing.stack_rows, spacing)

    roots: list[_Node] = [p.id for p in members if parent[p.id] is None]
    blocks = tidy_tree(roots, tree, sizes, gap=spacing.gap, subtree_gap=spacing.subtree_gap,
                       level_gap=spacing.level_gap)

    coordinates: dict[str, XY] = {}
    for node, (x, y) in blocks.items():
        block_w = sizes[node][0]
        if isinstance(node, tuple):
            coordinates.update(_grid(stacks[node[1]], x, y, spacing.stack_rows, spacing))
            continue
        centre = x + block_w / 2
        coordinates[node] = (centre - spacing.card_w / 2, y)
        hung = assistants.get(node)
        if hung:
            coordinates.update(_grid(hung, centre + spacing.stack_gap, y + spacing.card_h + spacing.stack_gap,
                                     spacing.assistant_rows, spacing))
    # Measured on the cards, not the blocks: a manager's block may be empty left of its card.
    left = min(x for x, _ in coordinates.values())
    top = min(y for _, y in coordinates.values())
    right = max(x for x, _ in coordinates.values()) + spacing.card_w
    bottom = max(y for _, y in coordinates.values()) + spacing.card_h
    return _Placed(_translated(coordinates, -left, -top), right - left, bottom - top)


def _is_stacked(position: Position) -> bool:
    return position.role in SITE_STAFF_ROLES


def _is_assistant(position: Position) -> bool:
    return position.family_code == ASSISTANT_FAMILY


def link_drawing(chart: Chart, link: Link) -> LinkDrawing:
    """How the canvas draws a link so that it meets a card where the layout put it: along a spine
    beside a stacked column of site staff, from the side of the connector to an assistant, as an
    elbow in the tree. The leaf test is the layout's: a stacked or hung position has no reports."""
    if link.type == "dotted":
        return "straight"
    target = chart.position(link.target)
    if link.type == "line" and not chart.graph("line").succ[link.target]:
        if _is_stacked(target):
            return "spine"
        if _is_assistant(target):
            return "assistant"
    return "elbow"


def _layout_parents(chart: Chart, members: Sequence[Position]) -> tuple[dict[str, str | None], set[str]]:
    """Each position's parent in the drawing (None: a root) and the providers hung under a pilot.

    The first line manager in link order, if in the same agency; for a provider with no line manager,
    its first contract pilot, if in the same agency. Cycles are then cut (`_break_cycles`)."""
    line = chart.graph("line").pred
    contract = chart.graph("contract").pred
    parent: dict[str, str | None] = {}
    by_contract: set[str] = set()
    for position in members:
        manager = next(iter(line[position.id]), None)
        if manager is None and position.is_provider:
            manager = next(iter(contract[position.id]), None)
            if manager is not None:
                by_contract.add(position.id)
        if manager is not None and chart.position(manager).agency != position.agency:
            manager = None
            by_contract.discard(position.id)
        parent[position.id] = manager
    _break_cycles(parent, [p.id for p in members])
    return parent, by_contract


def _break_cycles(parent: dict[str, str | None], order: Sequence[str]) -> None:
    """Make the parent map a forest: each cycle loses the parent of its first member in `order`.

    Every node has one parent at most, so each chain from a node either ends at a root, joins a
    chain already seen, or closes one cycle: following the chains once from every node in order is
    linear."""
    rank = {node: i for i, node in enumerate(order)}
    done: set[str] = set()
    for start in order:
        if start in done:
            continue
        on_path: dict[str, int] = {}
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = parent[node]
        if node is not None and node in on_path:
            cycle = path[on_path[node]:]
            parent[min(cycle, key=rank.__getitem__)] = None
        done.update(path)


def _ordered_children(chart: Chart, members: Sequence[Position], parent: dict[str, str | None],
                      by_contract: set[str]) -> dict[str, list[str]]:
    """Each manager's reports in the drawing: line reports in link order, then hung providers."""
    line = chart.graph("line").succ
    contract = chart.graph("contract").succ
    children: dict[str, list[str]] = {}
    for position in members:
        manager = position.id
        reports = [r for r in line[manager] if parent.get(r) == manager and r not in by_contract]
        reports += [r for r in contract[manager] if parent.get(r) == manager and r in by_contract]
        if reports:
            children[manager] = reports
    return children


# Blocks ----------------------------------------------------------------------------------------------


def _shape(count: int, max_rows: int) -> tuple[int, int]:
    """Columns and rows of a compact stack: as few columns as `max_rows` allows, balanced."""
    columns = math.ceil(count / max_rows)
    return columns, math.ceil(count / columns)


def _grid_size(count: int, max_rows: int, spacing: _Spacing) -> XY:
    columns, rows = _shape(count, max_rows)
    return (columns * spacing.card_w + (columns - 1) * spacing.stack_gap,
            rows * spacing.card_h + (rows - 1) * spacing.stack_gap)


def _grid(ids: Sequence[str], left: float, top: float, max_rows: int, spacing: _Spacing) -> dict[str, XY]:
    """Cards in columns from (left, top), filling each column top to bottom, then the next one right."""
    _, rows = _shape(len(ids), max_rows)
    step_x = spacing.card_w + spacing.stack_gap
    step_y = spacing.card_h + spacing.stack_gap
    return {pid: (left + (k // rows) * step_x, top + (k % rows) * step_y) for k, pid in enumerate(ids)}


def _assisted_size(count: int, spacing: _Spacing) -> XY:
    """A manager and its assistants' column: the manager centred on top, the column starting
    `stack_gap` right of the centre line and `stack_gap` below the manager's card."""
    column_w, column_h = _grid_size(count, spacing.assistant_rows, spacing)
    half = max(spacing.card_w / 2, spacing.stack_gap + column_w)
    return 2 * half, spacing.card_h + spacing.stack_gap + column_h


def _translated(coordinates: dict[str, XY], dx: float, dy: float) -> dict[str, XY]:
    return {pid: (x + dx, y + dy) for pid, (x, y) in coordinates.items()}


def _spacing(card: tuple[float, float], gap: float, subtree_gap: float, level_gap: float, stack_rows: int,
             assistant_rows: int, stack_gap: float, agency_gap: float) -> _Spacing:
    if card[0] <= 0 or card[1] <= 0:
        raise ValueError(f"card size must be positive, not {card!r}")
    if stack_rows < 1 or assistant_rows < 1:
        raise ValueError("stack_rows and assistant_rows must be at least 1")
    if min(gap, subtree_gap, level_gap, stack_gap, agency_gap) < 0:
        raise ValueError("gaps must not be negative")
    return _Spacing(float(card[0]), float(card[1]), gap, subtree_gap, level_gap, stack_rows, assistant_rows,
                    stack_gap, agency_gap)
