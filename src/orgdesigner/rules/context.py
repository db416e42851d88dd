"""What a rule sees: the chart, the parameters in force, and one scope (an agency or head office)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from orgdesigner.model import queries
from orgdesigner.model.catalogue import DEPUTY_ROLES, HEAD_ROLE
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Position
from orgdesigner.model.labels import Label
from orgdesigner.model.parameters import Parameters


@dataclass(frozen=True)
class Scope:
    """One agency (or head office, `agency` None) of one chart, with the facts several rules share."""

    chart: Chart
    params: Parameters
    agency: Agency | None
    positions: list[Position] = field(default_factory=list)

    @property
    def agency_id(self) -> str | None:
        return self.agency.id if self.agency else None

    @cached_property
    def heads(self) -> list[Position]:
        return [p for p in self.positions if p.role == HEAD_ROLE]

    @cached_property
    def deputies(self) -> list[Position]:
        return [p for p in self.positions if p.role in DEPUTY_ROLES]

    @cached_property
    def roles_present(self) -> frozenset[str]:
        return frozenset(p.role for p in self.positions)

    @cached_property
    def headcount(self) -> float:
        return queries.headcount(self.positions, self.params.headcount_basis)

    @cached_property
    def detected_model(self) -> int:
        """§4: no deputy → 1, exactly one → 2, two or more → 3."""
        return min(len(self.deputies) + 1, 3)

    def with_role(self, *roles: str) -> list[Position]:
        return [p for p in self.positions if p.role in roles]

    def with_family(self, *families: str) -> list[Position]:
        return [p for p in self.positions if p.family_code in families]

    def below(self, position_id: str) -> set[str]:
        return queries.descendants(self.chart, position_id)

    def name(self, position_id: str) -> Label:
        position = self.chart.position(position_id)
        return Label(position.display_name("fr"), position.display_name("en"))

    def names(self, position_ids: Iterable[str]) -> Label:
        labels = [self.name(p) for p in position_ids]
        return Label(", ".join(label.fr for label in labels), ", ".join(label.en for label in labels))
