"""Copy, paste and duplicate whole teams: a position comes with everyone below it.

Users copy a sector to make another one like it, within a scenario, between scenarios or between
two windows, so a copy is a `Fragment`: the positions, every link among them (of every type) and
their coordinates relative to the fragment's top-left card, written as a JSON text that the system
clipboard can carry. The clipboard may hold anything by the time it is pasted (another program's
text, a fragment edited by hand), so `Fragment.from_json` refuses, with the problem named, whatever
would not make a consistent chart: an unknown role, a link to a position the fragment lacks.

Pasting is one undo step that adds positions under fresh ids, so a fragment can be pasted as often
as wanted. Agencies and sites are the target chart's: a team pasted under a manager joins that
manager's agency, and a site that agency does not have is forgotten rather than left dangling.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Final

from orgdesigner.commands.base import Command
from orgdesigner.io.json_values import kind, quoted
from orgdesigner.model import queries
from orgdesigner.model.catalogue import FAMILIES, OTHER_ROLE, PROVIDER_ROLE, ROLES
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart, ChartError
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.labels import Label

XY = tuple[float, float]

FORMAT: Final = "orgdesigner-fragment"
VERSION: Final = 1
MIME_TYPE: Final = "application/x-orgdesigner-fragment"
# A duplicate stands to the right of its original: past the original's widest card, one card width
# (180, as layout_chart and the canvas draw it) and the layout's gap between cards (24) further.
DUPLICATE_SHIFT: Final = 180.0 + 24.0

_TOP_KEYS: Final = ("format", "version", "positions", "links", "layout")
_POSITION_KEYS: Final = ("id", "agency", "role", "title", "family", "holder", "fte", "site", "notes", "guarding")
_LINK_KEYS: Final = ("from", "to", "type")
_COPY_SUFFIX: Final = re.compile(r"-copy\d*$")


@dataclass(frozen=True, slots=True)
class Fragment:
    """Positions in document order, the links among them in link order, and the coordinates of
    those that had some, relative to the top-left of them all. A fragment is consistent by
    construction (checked here), so pasting never meets a link to nowhere."""

    positions: tuple[Position, ...]
    links: tuple[Link, ...] = ()
    offsets: Mapping[str, XY] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not self.positions:
            raise ValueError("positions: a fragment holds at least one position")
        seen: dict[str, int] = {}
        for i, position in enumerate(self.positions):
            if position.id in seen:
                first = seen[position.id]
                raise ValueError(f"positions[{i}].id: {position.id!r} is already the id of positions[{first}]")
            seen[position.id] = i
        links: dict[Link, int] = {}
        for i, link in enumerate(self.links):
            for end in (link.source, link.target):
                if end not in seen:
                    raise ValueError(f"links[{i}]: no position {end!r} in the fragment")
            if link.source == link.target:
                raise ValueError(f"links[{i}]: a link from {link.source!r} to itself")
            if link in links:
                raise ValueError(f"links[{i}]: repeats links[{links[link]}]")
            links[link] = i
        for position_id, xy in self.offsets.items():
            if position_id not in seen:
                raise ValueError(f"layout.{position_id}: no position {position_id!r} in the fragment")
            if not all(math.isfinite(c) for c in xy):
                raise ValueError(f"layout.{position_id}: coordinates must be finite numbers")

    @property
    def roots(self) -> tuple[str, ...]:
        """The positions with no line manager inside the fragment: those a paste hangs below the
        target manager."""
        managed = {link.target for link in self.links if link.type == "line"}
        return tuple(p.id for p in self.positions if p.id not in managed)

    @property
    def size(self) -> XY:
        """How far the coordinates reach from the top-left card's corner (card corners, so a
        single card is (0, 0))."""
        xs = [xy[0] for xy in self.offsets.values()] or [0.0]
        ys = [xy[1] for xy in self.offsets.values()] or [0.0]
        return max(xs), max(ys)

    def to_json(self) -> str:
        """The fragment as the clipboard carries it: position and link fields as in the scenario
        interchange document, so that a user reading it finds the same words."""
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "positions": [_position_data(p) for p in self.positions],
            "links": [{"from": link.source, "to": link.target, "type": link.type} for link in self.links],
            "layout": {p.id: list(self.offsets[p.id]) for p in self.positions if p.id in self.offsets},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Fragment:
        """Reads `to_json`'s text. Raises ValueError naming the first problem found (by its JSON
        path where it has one); anything the fragment's fields do not say is refused, not guessed."""
        try:
            data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
        except RecursionError as exc:
            raise ValueError("not a fragment: nested too deeply") from exc
        except ValueError as exc:  # a JSON syntax error, a key given twice, NaN, a 5,000-digit integer
            raise ValueError(f"not a fragment: {exc}") from exc
        top = _object(data, "the fragment", _TOP_KEYS)
        if top.get("format") != FORMAT:
            raise ValueError(f"format: expected {FORMAT!r}, found {quoted(top.get('format'))}")
        version = top.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise ValueError(f"version: expected {VERSION}, found {quoted(version)}")
        if version > VERSION:
            raise ValueError(f"version: version {version} is newer than this program reads ({VERSION}); "
                             "update OrgDesigner")
        if version != VERSION:
            raise ValueError(f"version: expected {VERSION}, found {version}")
        positions = tuple(_position(item, f"positions[{i}]") for i, item in enumerate(_list(top, "positions")))
        links = tuple(_link(item, f"links[{i}]") for i, item in enumerate(_list(top, "links")))
        layout = _object(top.get("layout", {}), "layout", None)
        offsets = {key: _xy(value, f"layout.{key}") for key, value in layout.items()}
        return cls(positions, links, MappingProxyType(offsets))


def subtree_ids(chart: Chart, position_ids: Iterable[str]) -> list[str]:
    """The chosen positions and everyone below them through line links, in document order: what a
    cut removes and a copy takes, so that no report is left hanging without its manager."""
    chosen = set(position_ids)
    missing = sorted(p for p in chosen if not chart.has_position(p))
    if missing:
        raise ChartError(f"no position {', '.join(repr(m) for m in missing)}")
    for position_id in list(chosen):
        chosen |= queries.descendants(chart, position_id)
    return [p.id for p in chart.positions() if p.id in chosen]


def copy_subtrees(chart: Chart, position_ids: Iterable[str]) -> Fragment:
    """The chosen positions with their whole subtrees, every link among them, and their
    coordinates relative to the top-left of those placed."""
    ids = subtree_ids(chart, position_ids)
    if not ids:
        raise ValueError("no position to copy")
    inside = set(ids)
    placed = {p: xy for p in ids if (xy := chart.position_xy(p)) is not None}
    left, top = _top_left(chart, ids)
    return Fragment(
        positions=tuple(chart.position(p) for p in ids),
        links=tuple(link for link in chart.links() if link.source in inside and link.target in inside),
        offsets=MappingProxyType({p: (x - left, y - top) for p, (x, y) in placed.items()}),
    )


class _InsertFragment(Command):
    """Adds a fragment's positions under fresh ids, their links, their roots' manager lines and
    their coordinates; undo removes exactly those.

    `managers` gives each root's manager (None: no line). With `agency_of` (a position id), every
    position goes to that position's agency; without, each keeps its own if the chart has it. The
    fresh ids are chosen on the first redo, against the chart as it is then, and kept: later
    commands of the history name them.
    """

    def __init__(self, chart: Chart, fragment: Fragment, managers: Mapping[str, str | None], at_xy: XY,
                 agency_of: str | None) -> None:
        self._chart = chart
        self._fragment = fragment
        self._managers = dict(managers)
        self._at = at_xy
        self._agency_of = agency_of
        self._new_ids: dict[str, str] = {}
        self._previous_xy: dict[str, XY | None] = {}

    @property
    def added_ids(self) -> list[str]:
        """The ids given to the fragment's positions, in its order, once done (for the window to
        select what was pasted); empty before."""
        return list(self._new_ids.values())

    def _count_text(self, verb: Label, single: Label) -> Label:
        positions = self._fragment.positions
        if len(positions) == 1:
            title = Label(positions[0].display_title("fr"), positions[0].display_title("en"))
            return Label(f"{single.fr} « {title.fr} »", f"{single.en} '{title.en}'")
        count = len(positions)
        return Label(f"{verb.fr} {count} postes", f"{verb.en} {count} positions")

    def redo(self) -> None:
        chart = self._chart
        named = {m for m in (*self._managers.values(), self._agency_of) if m is not None}
        missing = sorted(m for m in named if not chart.has_position(m))
        if missing:
            raise ChartError(f"no position {', '.join(repr(m) for m in missing)}")
        if not self._new_ids:
            self._new_ids = _fresh_ids(chart, [p.id for p in self._fragment.positions])
        taken = [new for new in self._new_ids.values() if chart.has_position(new)]
        if taken:
            raise ChartError(f"position {taken[0]!r} exists already")
        positions = self._pasted_positions()
        new = self._new_ids
        self._previous_xy = {new_id: chart.position_xy(new_id) for new_id in new.values()}
        # Coordinates first, so that each card appears where it belongs rather than jumping there.
        for old, new_id in new.items():
            dx, dy = self._fragment.offsets.get(old, (0.0, 0.0))
            chart.set_position_xy(new_id, (self._at[0] + dx, self._at[1] + dy))
        for position in positions:
            chart.add_position(position)
        for link in self._fragment.links:
            chart.add_link(Link(new[link.source], new[link.target], link.type))
        for root, manager in self._managers.items():
            if manager is not None:
                chart.add_link(Link(manager, new[root]))

    def undo(self) -> None:
        for new_id in reversed(self._new_ids.values()):
            self._chart.remove_position(new_id)  # with its links, pasted ones and manager lines alike
            self._chart.set_position_xy(new_id, self._previous_xy[new_id])

    def _pasted_positions(self) -> list[Position]:
        """The fragment's positions under their new ids, in the agency the paste puts them in, with
        only the sites that agency has."""
        chart = self._chart
        joined = chart.position(self._agency_of).agency if self._agency_of is not None else None
        pasted: list[Position] = []
        for position in self._fragment.positions:
            if self._agency_of is not None:
                agency = joined
            else:
                agency = position.agency if position.agency is not None and chart.agency(position.agency) else None
            target = chart.agency(agency) if agency is not None else None
            site = position.site if target is not None and position.site and target.site(position.site) else None
            pasted.append(replace(position, id=self._new_ids[position.id], agency=agency, site=site))
        return pasted


class PastePositions(_InsertFragment):
    """Pastes a fragment with its top-left card at `at_xy` (and there too the positions it has no
    coordinates for), its roots under `manager_id` when given.

    Under a manager, the whole fragment joins the manager's agency (a team pasted into another
    agency works there). Without one, a position keeps its agency if the chart has it, else goes
    to head office. Either way, a site the position's new agency lacks is dropped.
    """

    def __init__(self, chart: Chart, fragment: Fragment, manager_id: str | None, at_xy: XY) -> None:
        super().__init__(chart, fragment, {root: manager_id for root in fragment.roots}, at_xy,
                         agency_of=manager_id)

    @property
    def text(self) -> Label:
        return self._count_text(Label("Coller", "Paste"), Label("Coller le poste", "Paste position"))


class DuplicateSubtrees(_InsertFragment):
    """Copies the chosen positions with their subtrees and pastes the copy to the right of the
    original, each root under its original's first manager, as one undo step.

    Unlike a paste, a duplicate keeps every agency and site: it stands beside its original, where
    a line from head office to an agency head must not pull the copy out of the agency.
    """

    def __init__(self, chart: Chart, position_ids: Iterable[str]) -> None:
        fragment = copy_subtrees(chart, position_ids)
        managers = {root: next(iter(queries.managers(chart, root)), None) for root in fragment.roots}
        left, top = _top_left(chart, [p.id for p in fragment.positions])
        super().__init__(chart, fragment, managers, (left + fragment.size[0] + DUPLICATE_SHIFT, top), agency_of=None)

    @property
    def text(self) -> Label:
        return self._count_text(Label("Dupliquer", "Duplicate"), Label("Dupliquer le poste", "Duplicate position"))


# Helpers -----------------------------------------------------------------------------------------


def _fresh_ids(chart: Chart, old_ids: list[str]) -> dict[str, str]:
    """"<id>-copy", then "<id>-copy2", "-copy3"…, clashing with no position of the chart nor with
    one another; a copy of a copy is "<id>-copy2", not "<id>-copy-copy"."""
    taken: set[str] = set()
    fresh: dict[str, str] = {}
    for old in old_ids:
        base = _COPY_SUFFIX.sub("", old) + "-copy"
        candidate, n = base, 1
        while candidate in taken or chart.has_position(candidate):
            n += 1
            candidate = f"{base}{n}"
        taken.add(candidate)
        fresh[old] = candidate
    return fresh


def _top_left(chart: Chart, position_ids: list[str]) -> XY:
    """The smallest x and y among the positions placed, the origin of a fragment's offsets; (0, 0)
    when none is."""
    placed = [xy for p in position_ids if (xy := chart.position_xy(p)) is not None]
    return min((xy[0] for xy in placed), default=0.0), min((xy[1] for xy in placed), default=0.0)


def _position_data(position: Position) -> dict[str, Any]:
    data: dict[str, Any] = {"id": position.id, "agency": position.agency, "role": position.role}
    for key in ("title", "family", "holder"):
        if (value := getattr(position, key)) is not None:
            data[key] = value
    data["fte"] = position.fte
    for key in ("site", "notes"):
        if (value := getattr(position, key)) is not None:
            data[key] = value
    if position.guarding:
        data["guarding"] = True
    return data


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys silently; a fragment edited by hand may hold a
    typo that this would hide."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} is given twice in the same object")
        seen.add(key)
    return dict(pairs)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _object(value: object, path: str, allowed: tuple[str, ...] | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{path}: expected an object, found {kind(value)}")
    for key in value:
        if allowed is not None and key not in allowed:
            raise ValueError(f"{path}.{key}: unknown key (allowed: {', '.join(allowed)})")
    return value


def _list(top: Mapping[str, Any], key: str) -> list[Any]:
    value = top.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list, found {kind(value)}")
    return value


def _text(obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise ValueError(f"{path}.{key}: is required")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{path}.{key}: expected text, found {kind(value)}")
    if required and not value.strip():
        raise ValueError(f"{path}.{key}: must not be empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{path}.{key}: holds a broken character (a lone UTF-16 surrogate)") from exc
    return value


def _position(item: object, path: str) -> Position:
    """One position, held to the rules the scenario reader holds positions to."""
    obj = _object(item, path, _POSITION_KEYS)
    position_id = _text(obj, "id", path, required=True) or ""
    role = _text(obj, "role", path, required=True) or ""
    if role not in ROLES:
        raise ValueError(f"{path}.role: unknown role {role!r}")
    title = _text(obj, "title", path, required=role == OTHER_ROLE)
    family = _text(obj, "family", path, required=role == OTHER_ROLE)
    if role == OTHER_ROLE and family not in FAMILIES:
        raise ValueError(f"{path}.family: unknown family {family!r}")
    if role != OTHER_ROLE and family is not None:
        raise ValueError(f"{path}.family: only an 'other' position chooses its family")
    agency = _text(obj, "agency", path)
    site = _text(obj, "site", path)
    if site is not None and agency is None:
        raise ValueError(f"{path}.site: a head-office position has no site")
    fte = obj.get("fte", 1.0)
    if isinstance(fte, bool) or not isinstance(fte, int | float) or not 0 < fte <= 1:
        raise ValueError(f"{path}.fte: expected a number in (0, 1], found {quoted(fte)}")
    guarding = obj.get("guarding", False)
    if not isinstance(guarding, bool):
        raise ValueError(f"{path}.guarding: expected true or false, found {kind(guarding)}")
    if guarding and role != PROVIDER_ROLE:
        raise ValueError(f"{path}.guarding: only a provider declares guarding")
    return Position(id=position_id, role=role, agency=agency, title=title or None, family=family,
                    holder=_text(obj, "holder", path) or None, fte=float(fte), site=site,
                    notes=_text(obj, "notes", path) or None, guarding=guarding)


def _link(item: object, path: str) -> Link:
    obj = _object(item, path, _LINK_KEYS)
    source = _text(obj, "from", path, required=True) or ""
    target = _text(obj, "to", path, required=True) or ""
    link_type = _text(obj, "type", path) or "line"
    for known in LINK_TYPE_ORDER:
        if link_type == known:
            return Link(source, target, known)
    raise ValueError(f"{path}.type: unknown link type {link_type!r} (known: {', '.join(LINK_TYPE_ORDER)})")


def _xy(value: object, path: str) -> XY:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in value)):
        raise ValueError(f"{path}: expected [x, y], two numbers")
    try:
        x, y = float(value[0]), float(value[1])
    except OverflowError as exc:  # an integer too large for a float
        raise ValueError(f"{path}: expected [x, y], two numbers") from exc
    return x + 0.0, y + 0.0  # -0.0 is 0.0 on a canvas: one spelling keeps round trips exact
