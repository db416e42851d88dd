"""Random edit sessions: commands a user could issue on a chart as it is at each step, some of them
refused when done. Shared by the undo properties and the canvas's mirror test."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

from hypothesis import strategies as st

from orgdesigner.commands import (
    AddLink,
    AddPosition,
    Command,
    EditAgency,
    EditPosition,
    Macro,
    MovePositions,
    RemoveLink,
    RemovePositions,
    ReparentPosition,
)
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.labels import Label

KINDS = ("add", "remove", "edit", "add_link", "remove_link", "reparent", "move", "edit_agency", "macro")
ROLES = ("caretaker", "sector_manager", "assistant", "provider", "other")
FIELD_VALUES: dict[str, tuple[object, ...]] = {
    "holder": (None, "A", "Ana", "Luc", "Zoé"),
    "fte": (0.25, 0.5, 0.8, 1.0),
    "agency": (None, "a", "b"),
    "title": (None, "Gardien chef", "Gardien principal"),
    "guarding": (False, True),
}
FIELD_SETS = (("holder",), ("fte",), ("agency",), ("title", "guarding"))
xys = st.tuples(st.integers(-500, 500).map(float), st.integers(-500, 500).map(float))


def draw_command(data: st.DataObject, chart: Chart, fresh: itertools.count[int], *, nested: bool = False) -> Command:
    """One command a user could issue on `chart` as it is now; some are refused when done."""
    ids = [p.id for p in chart.positions()]
    some_id = st.sampled_from([*ids, "ghost"])
    kind = data.draw(st.sampled_from(KINDS[:-1] if nested else KINDS))
    if kind == "add" or not ids:
        position = Position(f"n{next(fresh)}", data.draw(st.sampled_from(ROLES)),
                            data.draw(st.sampled_from((None, "a", "b"))))
        manager = data.draw(st.none() | st.sampled_from(ids)) if ids else None
        links = [] if manager is None else [Link(manager, position.id)]
        return AddPosition(chart, position, links, data.draw(st.none() | xys))
    if kind == "remove":
        return RemovePositions(chart, data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)))
    if kind == "edit":
        return draw_edit(data, chart, data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(FIELD_SETS)))
    if kind == "add_link":
        link = Link(data.draw(some_id), data.draw(some_id), data.draw(st.sampled_from(("line", "dotted", "contract"))))
        return AddLink(chart, link)
    if kind == "remove_link":
        existing = chart.links()
        pick_existing: bool = data.draw(st.booleans())
        if existing and pick_existing:
            return RemoveLink(chart, data.draw(st.sampled_from(existing)))
        return RemoveLink(chart, Link(data.draw(some_id), data.draw(some_id)))
    if kind == "reparent":
        return ReparentPosition(chart, data.draw(st.sampled_from(ids)), data.draw(st.none() | some_id))
    if kind == "move":
        moved = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        return MovePositions(chart, {position_id: data.draw(xys) for position_id in moved})
    if kind == "edit_agency":
        agency = data.draw(st.sampled_from(chart.agencies()))
        if data.draw(st.booleans()):
            name = data.draw(st.sampled_from(("Nord", "Sud", "Est")))
            return EditAgency(chart, dataclasses.replace(agency, name=name))
        return EditAgency(chart, dataclasses.replace(agency, dwellings=data.draw(st.none() | st.integers(0, 9999))))
    # A macro's steps are all built before any runs, as the UI builds them; a later step may then
    # be refused (it names a position an earlier step removed), and the macro undoes the others.
    steps = [draw_command(data, chart, fresh, nested=True) for _ in range(data.draw(st.integers(1, 3)))]
    return Macro(Label("Plusieurs modifications", "Several edits"), steps)


def draw_edit(data: st.DataObject, chart: Chart, position_id: str, fields: Iterable[str]) -> EditPosition:
    change = {field: data.draw(st.sampled_from(FIELD_VALUES[field])) for field in fields}
    return EditPosition(chart, dataclasses.replace(chart.position(position_id), **change))  # type: ignore[arg-type]
