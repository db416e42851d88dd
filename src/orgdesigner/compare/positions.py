"""Which positions were added, removed, moved to another manager or changed, matched by id.

Ids are what an HR extract keeps from one year to the next (the employee number) and what the canvas
keeps through every edit, so a position that keeps its id is the same post, whatever else changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Final, Literal

from orgdesigner.model.entities import Link, Position

ChangeKind = Literal["added", "removed", "moved", "changed"]
CHANGE_KINDS: Final[tuple[ChangeKind, ...]] = ("added", "removed", "moved", "changed")
# Every field of a position but its id, in the order of the interchange JSON.
COMPARED_FIELDS: Final = tuple(f.name for f in fields(Position) if f.name != "id")

FieldValue = str | float | bool | None


@dataclass(frozen=True, slots=True)
class Move:
    id: str
    from_manager: str | None
    to_manager: str | None


@dataclass(frozen=True, slots=True)
class FieldChanges:
    id: str
    fields: Mapping[str, tuple[FieldValue, FieldValue]]  # in COMPARED_FIELDS order


@dataclass(frozen=True, slots=True)
class PositionChanges:
    """Each list sorted by position id. A position can be both moved and changed."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved: tuple[Move, ...]
    changed: tuple[FieldChanges, ...]

    def kinds(self) -> dict[str, tuple[ChangeKind, ...]]:
        """position id → its kinds of change, in CHANGE_KINDS order; unchanged positions absent."""
        groups: tuple[tuple[ChangeKind, Iterable[str]], ...] = (
            ("added", self.added), ("removed", self.removed),
            ("moved", (m.id for m in self.moved)), ("changed", (c.id for c in self.changed)))
        found: dict[str, list[ChangeKind]] = {}
        for kind, ids in groups:
            for position_id in ids:
                found.setdefault(position_id, []).append(kind)
        return {position_id: tuple(kinds) for position_id, kinds in sorted(found.items())}

    def __len__(self) -> int:
        return len(self.added) + len(self.removed) + len(self.moved) + len(self.changed)


def line_managers(links: Iterable[Link]) -> dict[str, str]:
    """position id → its manager along a hierarchical line. A position given two managers (a fault
    the validator reports) is said to report to the first by id, so that the answer is stable."""
    manager: dict[str, str] = {}
    for link in links:
        if link.type == "line" and (link.target not in manager or link.source < manager[link.target]):
            manager[link.target] = link.source
    return manager


def compare_positions(before: Iterable[Position], before_links: Iterable[Link],
                      after: Iterable[Position], after_links: Iterable[Link]) -> PositionChanges:
    old = {p.id: p for p in before}
    new = {p.id: p for p in after}
    old_manager, new_manager = line_managers(before_links), line_managers(after_links)
    kept = sorted(old.keys() & new.keys())
    moved = tuple(Move(i, old_manager.get(i), new_manager.get(i)) for i in kept
                  if old_manager.get(i) != new_manager.get(i))
    changed = []
    for position_id in kept:
        differing = _differing_fields(old[position_id], new[position_id])
        if differing:
            changed.append(FieldChanges(position_id, differing))
    return PositionChanges(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        moved=moved,
        changed=tuple(changed),
    )


def _differing_fields(old: Position, new: Position) -> dict[str, tuple[FieldValue, FieldValue]]:
    if old == new:
        return {}
    differing: dict[str, tuple[FieldValue, FieldValue]] = {}
    for name in COMPARED_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            differing[name] = (before, after)
    return differing
