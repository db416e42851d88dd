"""The edits a user makes on a chart, one small command each.

Each command's `redo` and `undo` are one or two `Chart` calls (or one per position, for an edit of
several), so that what undo restores is exactly what the chart handed back when the edit was done:
`remove_position` returns the position and its links, `replace_position` the old value. Commands
check what the chart does not (a link that must touch the new position, a manager below the
position moved) before calling it, so that a refused edit raises `ChartError` with nothing changed.

A command that names positions by id takes their titles for its text when it is built, and again
each time it is done, before it changes anything: a command built inside a `Macro` may name a
position that an earlier command of the macro adds.

Order is data (the user's order of siblings): undo puts a position back at its index in document
order and a link back at its rank in link order, read before removing them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Final

from orgdesigner.commands.base import Command
from orgdesigner.model import queries
from orgdesigner.model.catalogue import AGENCY_FIELD_LABELS, LINK_LABELS, POSITION_FIELD_LABELS
from orgdesigner.model.chart import Chart, ChartError, RestoredPosition
from orgdesigner.model.entities import Agency, Link, Position
from orgdesigner.model.labels import Label

XY = tuple[float, float]

_ADD: Final = Label("Ajouter un", "Add")
_REMOVE: Final = Label("Supprimer le", "Remove")


class AddPosition(Command):
    """Adds a position, with links that touch it (typically its manager's line) and a place.

    Dropping a role from the palette below a manager is one undo step: the position, its line and
    its coordinates come and go together.
    """

    def __init__(self, chart: Chart, position: Position, links: Iterable[Link] = (),
                 xy: XY | None = None) -> None:
        self._chart = chart
        self._position = position
        self._links = tuple(links)
        self._xy = xy
        self._previous_xy: XY | None = None

    @property
    def text(self) -> Label:
        name = _name(self._position)
        return Label(f"Ajouter un poste « {name.fr} »", f"Add position '{name.en}'")

    def redo(self) -> None:
        position_id = self._position.id
        if self._chart.has_position(position_id):
            raise ChartError(f"position {position_id!r} exists already")
        for link in self._links:
            if position_id not in (link.source, link.target):
                raise ChartError(f"link {link.source!r} → {link.target!r} does not touch {position_id!r}")
            other = link.target if link.source == position_id else link.source
            if other == position_id or not self._chart.has_position(other):
                raise ChartError(f"link {link.source!r} → {link.target!r}: no position {other!r}")
        if len(set(self._links)) != len(self._links):
            raise ChartError(f"the links of {position_id!r} repeat one another")
        self._previous_xy = self._chart.position_xy(position_id)
        self._chart.add_position(self._position, self._links)
        if self._xy is not None:
            self._chart.set_position_xy(position_id, self._xy)

    def undo(self) -> None:
        self._chart.remove_position(self._position.id)
        if self._xy is not None:
            self._chart.set_position_xy(self._position.id, self._previous_xy)


class RemovePositions(Command):
    """Removes positions and every link that touches them, as one undo step.

    Undo gives back the positions at their place in document order, their links at their rank in
    link order, and their coordinates.
    """

    def __init__(self, chart: Chart, position_ids: Iterable[str]) -> None:
        self._chart = chart
        self._ids = tuple(dict.fromkeys(position_ids))
        if not self._ids:
            raise ValueError("no position to remove")
        self._text = self._describe()
        self._removed: list[RestoredPosition] = []

    @property
    def text(self) -> Label:
        return self._text

    def _describe(self) -> Label:
        if len(self._ids) == 1:
            name = _position_name(self._chart, self._ids[0])
            return Label(f"Supprimer le poste « {name.fr} »", f"Delete position '{name.en}'")
        count = len(self._ids)
        return Label(f"Supprimer {count} postes", f"Delete {count} positions")

    def redo(self) -> None:
        _require_positions(self._chart, self._ids)
        self._text = self._describe()
        self._removed = []
        for position_id in self._ids:
            xy = self._chart.position_xy(position_id)
            index = self._chart.position_index(position_id)
            ranks = {link: self._chart.link_rank(link) for link in self._chart.links_of(position_id)}
            position, links = self._chart.remove_position(position_id)
            self._removed.append(RestoredPosition(index, position, links, ranks, xy))

    def undo(self) -> None:
        # In reverse: each index was read with the earlier removals done, and the links of a
        # position removed later never touch one removed earlier (those went with the earlier one).
        self._chart.restore_positions(list(reversed(self._removed)))


class EditPosition(Command):
    """Replaces a position's value (same id) with a new one: any field from the properties panel.

    Consecutive edits of the same field(s) of the same position merge into one undo step, so that
    typing a holder's name letter by letter undoes in one go.
    """

    def __init__(self, chart: Chart, position: Position) -> None:
        self._chart = chart
        self._new = position
        self._old: Position | None = None
        # Known now when the position exists; else (it is added earlier in a Macro) on first redo.
        self._fields: frozenset[str] | None = (
            _changed_fields(chart.position(position.id), position) if chart.has_position(position.id) else None)

    @property
    def position_id(self) -> str:
        return self._new.id

    @property
    def fields(self) -> frozenset[str]:
        """The fields this edit changes, as first done; what merging compares."""
        return self._fields or frozenset()

    @property
    def text(self) -> Label:
        name = _name(self._new)
        fields = _field_list(POSITION_FIELD_LABELS, self.fields)
        return Label(f"Modifier le poste « {name.fr} »{fields.fr}", f"Edit position '{name.en}'{fields.en}")

    def redo(self) -> None:
        _require_positions(self._chart, (self._new.id,))
        self._old = self._chart.replace_position(self._new)
        if self._fields is None:
            self._fields = _changed_fields(self._old, self._new)

    def undo(self) -> None:
        assert self._old is not None, "undo before redo"
        self._chart.replace_position(self._old)

    def merge_with(self, other: Command) -> bool:
        if not (isinstance(other, EditPosition) and other._chart is self._chart
                and other._new.id == self._new.id and self.fields and other.fields == self.fields):
            return False
        self._new = other._new
        return True


class AddLink(Command):
    """Adds one link between two existing positions."""

    def __init__(self, chart: Chart, link: Link) -> None:
        self._chart = chart
        self._link = link
        self._text = _link_text(chart, link, _ADD)

    @property
    def text(self) -> Label:
        return self._text

    def redo(self) -> None:
        self._text = _link_text(self._chart, self._link, _ADD)
        self._chart.add_link(self._link)  # checks everything before changing anything

    def undo(self) -> None:
        self._chart.remove_link(self._link)


class RemoveLink(Command):
    """Removes one link. Undo puts it back at its rank in link order."""

    def __init__(self, chart: Chart, link: Link) -> None:
        self._chart = chart
        self._link = link
        self._text = _link_text(chart, link, _REMOVE)

    @property
    def text(self) -> Label:
        return self._text

    def redo(self) -> None:
        if self._link not in self._chart.links():
            raise ChartError(f"no {self._link.type} link {self._link.source!r} → {self._link.target!r}")
        self._text = _link_text(self._chart, self._link, _REMOVE)
        self._rank = self._chart.link_rank(self._link)
        self._chart.remove_link(self._link)

    def undo(self) -> None:
        self._chart.add_link(self._link, rank=self._rank)


class ReparentPosition(Command):
    """Puts a position under another manager, or under none: its line links are replaced.

    The position's reports hang below it by their own lines, so the whole subtree follows without
    being touched. A position cannot go under itself or under one of its own reports (that would
    cut the subtree off in a loop); the command refuses before changing anything. A position drawn
    with several managers loses them all and keeps the new one.
    """

    def __init__(self, chart: Chart, position_id: str, manager_id: str | None) -> None:
        self._chart = chart
        self._id = position_id
        self._manager = manager_id
        self._removed: tuple[Link, ...] = ()
        self._ranks: dict[Link, int] = {}
        self._added: Link | None = None
        self._text = self._describe()

    @property
    def text(self) -> Label:
        return self._text

    def _describe(self) -> Label:
        name = _position_name(self._chart, self._id)
        if self._manager is None:
            return Label(f"Détacher « {name.fr} » de son responsable", f"Detach '{name.en}' from its manager")
        manager = _position_name(self._chart, self._manager)
        return Label(f"Rattacher « {name.fr} » à « {manager.fr} »", f"Move '{name.en}' under '{manager.en}'")

    def redo(self) -> None:
        chart, position_id, manager_id = self._chart, self._id, self._manager
        _require_positions(chart, (position_id,) if manager_id is None else (position_id, manager_id))
        if manager_id is not None and (
                manager_id == position_id or manager_id in queries.descendants(chart, position_id)):
            raise ChartError(f"{position_id!r} cannot go under {manager_id!r}, which is in its own subtree")
        self._text = self._describe()
        new = None if manager_id is None else Link(manager_id, position_id)
        old = tuple(link for link in chart.links() if link.type == "line" and link.target == position_id)
        self._removed = tuple(link for link in old if link != new)
        self._added = new if new is not None and new not in old else None
        self._ranks = {link: chart.link_rank(link) for link in self._removed}
        for link in self._removed:
            chart.remove_link(link)
        if self._added is not None:
            chart.add_link(self._added)

    def undo(self) -> None:
        if self._added is not None:
            self._chart.remove_link(self._added)
        for link in self._removed:
            self._chart.add_link(link, rank=self._ranks[link])


class MovePositions(Command):
    """Sets the coordinates of several positions: a whole drag is one undo step.

    The canvas may move the chart's coordinates live while dragging, so that lines follow the
    boxes; it then passes the coordinates from before the drag as `previous`, since the chart no
    longer holds them on release. Without `previous`, the coordinates found on redo are restored.
    None in `previous` means the position had no coordinates (the automatic layout placed it).
    """

    def __init__(self, chart: Chart, xy: Mapping[str, XY],
                 previous: Mapping[str, XY | None] | None = None) -> None:
        self._chart = chart
        self._xy = dict(xy)
        if not self._xy:
            raise ValueError("no position to move")
        if previous is not None and set(previous) != set(self._xy):
            raise ValueError("previous must give the coordinates of exactly the positions moved")
        self._given_previous = dict(previous) if previous is not None else None
        self._previous: dict[str, XY | None] = dict(self._given_previous or {})
        self._text = self._describe()

    @property
    def text(self) -> Label:
        return self._text

    def _describe(self) -> Label:
        if len(self._xy) == 1:
            name = _position_name(self._chart, next(iter(self._xy)))
            return Label(f"Déplacer le poste « {name.fr} »", f"Move position '{name.en}'")
        count = len(self._xy)
        return Label(f"Déplacer {count} postes", f"Move {count} positions")

    def redo(self) -> None:
        _require_positions(self._chart, tuple(self._xy))
        self._text = self._describe()
        if self._given_previous is None:
            self._previous = {position_id: self._chart.position_xy(position_id) for position_id in self._xy}
        for position_id, xy in self._xy.items():
            self._chart.set_position_xy(position_id, xy)

    def undo(self) -> None:
        for position_id, xy in self._previous.items():
            self._chart.set_position_xy(position_id, xy)


class EditAgency(Command):
    """Replaces an existing agency's value (same id): its name, territory, sites, perimeter….

    Consecutive edits of the same typed field (name, dwellings) of the same agency merge, as for
    positions: a name typed is one step. Clicks (a perimeter level, a form of presence, a site added)
    are each their own step, since each is a decision the user may want to take back. Adding an
    agency is not an edit: undoing it would need `Chart` to remove an agency, which it cannot yet.
    """

    def __init__(self, chart: Chart, agency: Agency) -> None:
        self._chart = chart
        self._new = agency
        self._old: Agency | None = None
        current = chart.agency(agency.id)
        self._fields: frozenset[str] | None = None if current is None else _changed_fields(current, agency)

    @property
    def agency_id(self) -> str:
        return self._new.id

    @property
    def fields(self) -> frozenset[str]:
        """The fields this edit changes, as first done; what merging compares."""
        return self._fields or frozenset()

    @property
    def text(self) -> Label:
        fields = _field_list(AGENCY_FIELD_LABELS, self.fields)
        name = self._new.name
        return Label(f"Modifier l'agence « {name} »{fields.fr}", f"Edit agency '{name}'{fields.en}")

    def redo(self) -> None:
        if self._chart.agency(self._new.id) is None:
            raise ChartError(f"no agency {self._new.id!r}")
        self._old = self._chart.replace_agency(self._new)
        if self._fields is None and self._old is not None:
            self._fields = _changed_fields(self._old, self._new)

    def undo(self) -> None:
        assert self._old is not None, "undo before redo"
        self._chart.replace_agency(self._old)

    def merge_with(self, other: Command) -> bool:
        if not (isinstance(other, EditAgency) and other._chart is self._chart
                and other._new.id == self._new.id and self.fields and other.fields == self.fields
                and self.fields <= _TYPED_AGENCY_FIELDS):
            return False
        self._new = other._new
        return True


_TYPED_AGENCY_FIELDS: Final = frozenset({"name", "dwellings"})


# Helpers -----------------------------------------------------------------------------------------


def _name(position: Position) -> Label:
    return Label(position.display_title("fr"), position.display_title("en"))


def _position_name(chart: Chart, position_id: str) -> Label:
    """A position's title for a command's text; its id when it is not (yet) in the chart."""
    if chart.has_position(position_id):
        return _name(chart.position(position_id))
    return Label(position_id, position_id)


def _link_text(chart: Chart, link: Link, verb: Label) -> Label:
    kind = LINK_LABELS[link.type]
    source, target = _position_name(chart, link.source), _position_name(chart, link.target)
    return Label(f"{verb.fr} {kind.fr} « {source.fr} » → « {target.fr} »",
                 f"{verb.en} {kind.en} '{source.en}' → '{target.en}'")


def _changed_fields(old: Position | Agency, new: Position | Agency) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(new) if getattr(old, f.name) != getattr(new, f.name))


def _field_list(names: Mapping[str, Label], fields: frozenset[str]) -> Label:
    """" : titulaire, ETP" after a command's text, fields in the panel's order; empty for none."""
    ordered = [label for name, label in names.items() if name in fields]
    if not ordered:
        return Label("", "")
    return Label(" : " + ", ".join(label.fr for label in ordered), ": " + ", ".join(label.en for label in ordered))


def _require_positions(chart: Chart, position_ids: Iterable[str]) -> None:
    missing = [position_id for position_id in position_ids if not chart.has_position(position_id)]
    if missing:
        raise ChartError(f"no position {', '.join(repr(m) for m in missing)}")
