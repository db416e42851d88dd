"""The things a user draws: an organisation's scenarios, their agencies, sites, positions and links.

Entities are immutable values with string ids; a change replaces the value (`dataclasses.replace`),
which keeps undo trivial and lets two scenarios share nothing by accident. Optional agency fields are
None when the user has not given them: a rule that needs one is then skipped, not run on a guess,
so None and an empty tuple mean different things and are both kept by every reader and writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from orgdesigner.model.catalogue import OTHER_ROLE, PROVIDER_ROLE, ROLES, SITE_STAFF_ROLES, Level
from orgdesigner.model.labels import Lang

LinkType = Literal["line", "dotted", "contract"]

_EMPTY: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    dwellings: int | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """A housing ensemble; `guarding_zone` is the user's assertion that the zone criteria of the
    guarding obligation apply (domain.md §5b)."""

    id: str
    name: str
    dwellings: int
    guarding_zone: bool = False


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    territory: str | None = None
    dwellings: int | None = None
    sites: tuple[Site, ...] | None = None
    site_management: str | None = None
    perimeter: Mapping[str, Level] | None = None
    presence: tuple[str, ...] | None = None
    reception: tuple[str, ...] | None = None

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites or () if s.id == site_id), None)


@dataclass(frozen=True, slots=True)
class Position:
    """A post in the chart. `title` None means the role's label; `holder` None means vacant."""

    id: str
    role: str
    agency: str | None = None
    title: str | None = None
    family: str | None = None
    holder: str | None = None
    fte: float = 1.0
    site: str | None = None
    notes: str | None = None
    guarding: bool = False

    @property
    def family_code(self) -> str:
        """The family rules speak of: the role's, or the one chosen for an `other` position."""
        if self.role == OTHER_ROLE:
            return self.family or ""
        family = ROLES[self.role].family
        return family or ""

    @property
    def is_provider(self) -> bool:
        return self.role == PROVIDER_ROLE

    @property
    def is_site_staff(self) -> bool:
        return self.role in SITE_STAFF_ROLES

    @property
    def is_vacant(self) -> bool:
        return not self.holder

    def display_title(self, lang: Lang) -> str:
        return self.title or ROLES[self.role].label.in_(lang)

    def display_name(self, lang: Lang) -> str:
        """How a report names a position: its holder, else its title marked vacant. A provider is a
        contract, never vacant: it is named by its title."""
        title = self.display_title(lang)
        if self.is_provider:
            label = ROLES[PROVIDER_ROLE].label.in_(lang)
            return title if title == label else f"{title} ({label.lower()})"
        if self.holder:
            return f"{self.holder} ({title})"
        vacant = "poste vacant" if lang == "fr" else "vacant"
        return f"{title} [{vacant}, {self.id}]"


@dataclass(frozen=True, slots=True)
class Link:
    """`source` manages (or pilots, for a contract) `target`."""

    source: str
    target: str
    type: LinkType = "line"


@dataclass(frozen=True, slots=True)
class Scenario:
    """One version of the organisation's design, as the user saved it."""

    name: str
    description: str | None = None
    parameters: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    agencies: tuple[Agency, ...] = ()
    positions: tuple[Position, ...] = ()
    links: tuple[Link, ...] = ()
    layout: Mapping[str, tuple[float, float]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Project:
    """What a project file holds: one organisation and its scenarios, in the user's order."""

    organisation: Organisation
    scenarios: tuple[Scenario, ...] = ()

    def scenario(self, name: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.name == name), None)
