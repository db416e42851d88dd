"""A scenario being edited: its entities plus one graph per link type, kept in step.

The chart is the single place that mutates a scenario. Every mutation announces what changed
(`changed`) so that views and the incremental validator can follow without polling. Graphs are
private: read through `queries`, change through the methods here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import networkx as nx

from orgdesigner.model.entities import Agency, Link, LinkType, Position, Scenario
from orgdesigner.model.events import Signal

LINK_TYPE_ORDER: tuple[LinkType, ...] = ("line", "dotted", "contract")


@dataclass(frozen=True, slots=True)
class RestoredPosition:
    """A removed position as undo gives it back: where it stood, its links and their ranks, its place."""

    index: int
    position: Position
    links: tuple[Link, ...]
    link_ranks: Mapping[Link, int]
    xy: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class ChartChange:
    """Which positions and agencies a mutation touched (ids), for listeners to refresh."""

    positions: frozenset[str] = frozenset()
    agencies: frozenset[str | None] = frozenset()
    structure: bool = False


class ChartError(ValueError):
    """An edit that would make the chart inconsistent (a dangling id, a self link, a duplicate)."""


def _reorder(store: dict[str, Any], keys: list[str]) -> None:
    """The same dict, its entries in the order of `keys` (which are all its keys). No (key, value)
    tuple is kept: 50,000 of them would wake the garbage collector over the whole project."""
    if list(store) != keys:
        values = [store[key] for key in keys]
        store.clear()
        store.update(zip(keys, values, strict=True))


class Chart:
    def __init__(self, scenario: Scenario) -> None:
        self._scenario = dataclasses.replace(scenario, positions=(), links=())
        self._agencies: dict[str, Agency] = {a.id: a for a in scenario.agencies}
        self._positions: dict[str, Position] = {}
        self._graphs: dict[LinkType, nx.DiGraph] = {t: nx.DiGraph() for t in LINK_TYPE_ORDER}
        self._link_order: dict[Link, int] = {}
        self._next_link_rank = 0
        self._ranks_taken: set[int] = set()  # the values of _link_order, for O(1) checks on undo
        self._layout: dict[str, tuple[float, float]] = dict(scenario.layout)
        self.changed: Signal[ChartChange] = Signal()
        self._fill(scenario.positions, scenario.links)

    # Reading -----------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._scenario.name

    @property
    def parameters(self) -> MappingProxyType[str, object]:
        return MappingProxyType(dict(self._scenario.parameters))

    def agencies(self) -> tuple[Agency, ...]:
        return tuple(self._agencies.values())

    def agency(self, agency_id: str) -> Agency | None:
        return self._agencies.get(agency_id)

    def positions(self) -> Iterator[Position]:
        return iter(self._positions.values())

    def position(self, position_id: str) -> Position:
        return self._positions[position_id]

    def has_position(self, position_id: str) -> bool:
        return position_id in self._positions

    def links(self) -> tuple[Link, ...]:
        return tuple(sorted(self._link_order, key=self._link_order.__getitem__))

    def links_of(self, position_id: str) -> tuple[Link, ...]:
        """The links touching a position, in link order, found through the graphs (not a scan)."""
        found: list[Link] = []
        for link_type in LINK_TYPE_ORDER:
            graph = self._graphs[link_type]
            found += [Link(source, position_id, link_type) for source in graph.predecessors(position_id)]
            found += [Link(position_id, target, link_type) for target in graph.successors(position_id)]
        return tuple(sorted(found, key=self._link_order.__getitem__))

    def graph(self, link_type: LinkType) -> nx.DiGraph:
        """The graph of one link type over every position. Callers must not mutate it."""
        return self._graphs[link_type]

    def to_scenario(self) -> Scenario:
        return dataclasses.replace(
            self._scenario,
            agencies=tuple(self._agencies.values()),
            positions=tuple(self._positions.values()),
            links=self.links(),
            layout=MappingProxyType({k: v for k, v in self._layout.items() if k in self._positions}),
        )

    # Editing -----------------------------------------------------------------------------------

    def position_index(self, position_id: str) -> int:
        """A position's place in document order, read before removing it to put it back there."""
        return list(self._positions).index(position_id)

    def link_rank(self, link: Link) -> int:
        """A link's key in link order (increasing, with gaps), read before removing it to put it back."""
        return self._link_order[link]

    def add_position(self, position: Position, links: Iterable[Link] = ()) -> None:
        """Adds a position, and links touching it, at the end of document and link order (undo of
        a deletion puts positions back in place with `restore_positions`)."""
        self._insert_position(position)
        added = list(links)
        for link in added:
            self._insert_link(link)
        self._announce({position.id} | {e for link in added for e in (link.source, link.target)})

    def remove_position(self, position_id: str) -> tuple[Position, tuple[Link, ...]]:
        """Removes a position and every link that touches it; returns both for undo."""
        position = self._positions[position_id]
        touching = self.links_of(position_id)
        for link in touching:
            self._delete_link(link)
        del self._positions[position_id]
        for graph in self._graphs.values():
            graph.remove_node(position_id)
        self._announce({position_id} | {e for link in touching for e in (link.source, link.target)},
                       {position.agency})
        return position, touching

    def restore_positions(self, entries: Sequence[RestoredPosition]) -> None:
        """Puts removed positions back at once (undo of a deletion): each at its old index, its links
        at their old ranks, its coordinates, then one announcement. One pass, where re-adding them
        one by one would cost a rebuild of the graphs each. `entries` come in the reverse order of
        removal, so that every index is right when its turn comes."""
        for entry in entries:
            if entry.position.id in self._positions:
                raise ChartError(f"position {entry.position.id!r} exists already")
        items = list(self._positions.items())
        for entry in entries:
            items.insert(entry.index, (entry.position.id, entry.position))
        self._positions = dict(items)
        for graph in self._graphs.values():
            graph.add_nodes_from(e.position.id for e in entries)
        for entry in entries:
            for link in entry.links:
                self._insert_link(link, entry.link_ranks[link])
            if entry.xy is not None:
                self._layout[entry.position.id] = entry.xy
        touched = {e.position.id for e in entries} | {end for e in entries for link in e.links
                                                       for end in (link.source, link.target)}
        self._put_graphs_in_order(touched, nodes=True)
        self._announce(touched)

    def replace_position(self, position: Position) -> Position:
        """Stores a new value for an existing position id; returns the old one for undo."""
        old = self._positions[position.id]
        self._positions[position.id] = position
        self._announce({position.id}, {old.agency})
        return old

    def add_link(self, link: Link, *, rank: int | None = None) -> None:
        self._insert_link(link, rank)
        if rank is not None:
            self._put_graphs_in_order({link.source, link.target}, nodes=False)
        self._announce({link.source, link.target})

    def remove_link(self, link: Link) -> None:
        self._delete_link(link)
        self._announce({link.source, link.target})

    def replace_agency(self, agency: Agency) -> Agency | None:
        old = self._agencies.get(agency.id)
        self._agencies[agency.id] = agency
        self.changed.emit(ChartChange(agencies=frozenset({agency.id}), structure=True))
        return old

    def replace_parameters(self, parameters: Mapping[str, object]) -> Mapping[str, object]:
        """Stores the scenario's parameter overrides; returns the previous ones for undo. Every
        agency and head office is announced: a threshold can change a verdict anywhere."""
        old = self._scenario.parameters
        self._scenario = dataclasses.replace(self._scenario, parameters=MappingProxyType(dict(parameters)))
        self.changed.emit(ChartChange(agencies=frozenset({None, *self._agencies}), structure=True))
        return old

    def set_position_xy(self, position_id: str, xy: tuple[float, float] | None) -> None:
        if xy is None:
            self._layout.pop(position_id, None)
        else:
            self._layout[position_id] = xy
        self.changed.emit(ChartChange(positions=frozenset({position_id})))

    def position_xy(self, position_id: str) -> tuple[float, float] | None:
        return self._layout.get(position_id)

    # Internals -----------------------------------------------------------------------------------

    def _fill(self, positions: Sequence[Position], links: Sequence[Link]) -> None:
        """The first positions and links, with the checks of _insert_position and _insert_link in the
        same order (every position, then every link), then the graphs built in bulk: one call per
        graph rather than one per node and edge, in the same document and link order."""
        known = self._positions
        for position in positions:
            if position.id in known:
                raise ChartError(f"position {position.id!r} exists already")
            known[position.id] = position
        order = self._link_order
        edges: dict[LinkType, list[tuple[str, str]]] = {t: [] for t in self._graphs}
        for rank, link in enumerate(links):
            self._check_new_link(link)
            order[link] = rank
            edges[link.type].append((link.source, link.target))
        self._next_link_rank = len(order)
        self._ranks_taken = set(range(len(order)))
        for link_type, graph in self._graphs.items():
            graph.add_nodes_from(known)
            graph.add_edges_from(edges[link_type])

    def _insert_position(self, position: Position) -> None:
        if position.id in self._positions:
            raise ChartError(f"position {position.id!r} exists already")
        self._positions[position.id] = position
        for graph in self._graphs.values():
            graph.add_node(position.id)

    def _check_new_link(self, link: Link) -> None:
        for end in (link.source, link.target):
            if end not in self._positions:
                raise ChartError(f"link {link.source!r} → {link.target!r}: no position {end!r}")
        if link.source == link.target:
            raise ChartError(f"link {link.source!r} → itself")
        if link in self._link_order:
            raise ChartError(f"link {link.source!r} → {link.target!r} ({link.type}) exists already")

    def _insert_link(self, link: Link, rank: int | None = None) -> None:
        self._check_new_link(link)
        if rank is None:
            self._link_order[link] = self._next_link_rank
            self._next_link_rank += 1
        elif rank in self._ranks_taken or rank >= self._next_link_rank:
            raise ChartError(f"link rank {rank} is taken or was never given")
        else:
            self._link_order[link] = rank
        self._ranks_taken.add(self._link_order[link])
        self._graphs[link.type].add_edge(link.source, link.target)

    def _put_graphs_in_order(self, touched: set[str], *, nodes: bool) -> None:
        """After positions or links went back in place (undo), the graphs in the order a fresh build
        gives them: `nodes`, every node in document order; the neighbours of each touched position in
        link order, so that `queries.reports` and `managers` stay in link order. Only the touched
        positions' neighbours are sorted: refilling the graphs cost an undo 0.4 s at 50,000 positions.
        networkx keeps a graph in plain dicts (`_node`, `_succ`, `_pred`, its views read them): they
        are reordered in place, so that every view stays valid."""
        rank = self._link_order
        for link_type, graph in self._graphs.items():
            if nodes:
                for store in (graph._node, graph._succ, graph._pred):
                    _reorder(store, list(self._positions))
            for position_id in touched:
                succ, pred = graph._succ[position_id], graph._pred[position_id]
                after = {target: rank[Link(position_id, target, link_type)] for target in succ}
                before = {source: rank[Link(source, position_id, link_type)] for source in pred}
                _reorder(succ, sorted(after, key=after.__getitem__))
                _reorder(pred, sorted(before, key=before.__getitem__))

    def _delete_link(self, link: Link) -> None:
        self._ranks_taken.discard(self._link_order.pop(link))
        self._graphs[link.type].remove_edge(link.source, link.target)

    def _announce(self, position_ids: set[str], agencies: set[str | None] | None = None) -> None:
        touched = set(agencies or ())
        touched.update(self._positions[p].agency for p in position_ids if p in self._positions)
        self.changed.emit(ChartChange(frozenset(position_ids), frozenset(touched), structure=True))
