"""What changed besides the positions: an agency's own data (territory, dwellings, perimeter...),
its ensembles, the dotted and contract links, and the parameters in force. None of these moves a
card, yet each can resolve or raise a finding, so a comparison that left them out would credit a
change to nothing (a contractor piloted, an ensemble grown past 100 dwellings, a limit raised).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from orgdesigner.model.entities import Agency, Link, Site
from orgdesigner.model.parameters import Parameters

# An agency's fields a user edits in the agency panel, in the interchange JSON's order.
AGENCY_FIELDS: Final = ("name", "territory", "dwellings", "site_management", "perimeter", "presence", "reception")
SITE_FIELDS: Final = ("name", "dwellings", "guarding_zone")

@dataclass(frozen=True, slots=True)
class SiteChange:
    agency: str
    site: str
    before: Site | None  # None: the ensemble is new
    after: Site | None  # None: the ensemble is gone

    def fields(self) -> dict[str, tuple[object, object]]:
        if self.before is None or self.after is None:
            return {}
        return {name: (getattr(self.before, name), getattr(self.after, name)) for name in SITE_FIELDS
                if getattr(self.before, name) != getattr(self.after, name)}


@dataclass(frozen=True, slots=True)
class LinkChange:
    kind: Literal["added", "removed"]
    link: Link


@dataclass(frozen=True, slots=True)
class ParameterChange:
    name: str
    before: object
    after: object


def agency_field_changes(before: Agency | None, after: Agency | None) -> dict[str, tuple[object, object]]:
    """The fields that differ, when the agency is on both sides (one side only says it all)."""
    if before is None or after is None:
        return {}
    changes: dict[str, tuple[object, object]] = {}
    for name in AGENCY_FIELDS:
        old, new = _comparable(getattr(before, name)), _comparable(getattr(after, name))
        if old != new:
            changes[name] = (old, new)
    return changes


def _comparable(value: object) -> object:
    return dict(value) if isinstance(value, Mapping) else value


def site_changes(agency_id: str, before: Agency | None, after: Agency | None) -> tuple[SiteChange, ...]:
    """Ensembles added, removed or edited, in the target's order, then those it dropped; an agency
    present on one side only is told as such, not ensemble by ensemble."""
    if before is None or after is None:
        return ()
    old = {s.id: s for s in before.sites or ()}
    new = {s.id: s for s in after.sites or ()}
    changes = [SiteChange(agency_id, site_id, old.get(site_id), site) for site_id, site in new.items()
               if old.get(site_id) != site]
    changes += [SiteChange(agency_id, site_id, site, None) for site_id, site in old.items() if site_id not in new]
    return tuple(changes)


def link_changes(before: Iterable[Link], after: Iterable[Link]) -> tuple[LinkChange, ...]:
    """Dotted and contract links drawn or removed (a hierarchical one is a move of its position),
    removed first, each group in the order of its scenario."""
    old = [link for link in before if link.type != "line"]
    new = [link for link in after if link.type != "line"]
    kept_old, kept_new = set(old), set(new)
    return (*(LinkChange("removed", link) for link in old if link not in kept_new),
            *(LinkChange("added", link) for link in new if link not in kept_old))


def parameter_changes(before: Parameters, after: Parameters) -> tuple[ParameterChange, ...]:
    """The parameters in force that differ (domain.md §10): a finding resolved by a raised limit
    must say so."""
    old, new = before.as_dict(), after.as_dict()
    return tuple(ParameterChange(name, old[name], new[name]) for name in old if old[name] != new[name])
