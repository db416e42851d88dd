"""The validator's parameters (domain.md §10): defaults, and a scenario's overrides on top."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Final, Literal

HeadcountBasis = Literal["positions", "fte"]
Rounding = Literal["floor", "ceil"]

# Parameters that rest on no published norm: reports name them as working assumptions.
WORKING_ASSUMPTIONS: Final = frozenset({"max_direct_reports", "sector_manager_max_span"})


@dataclass(frozen=True, slots=True)
class Parameters:
    """Every parameter in force for one scenario. Field order is the order of every report."""

    headcount_basis: HeadcountBasis = "positions"
    model1_below: int = 15
    model2_upto: int = 25
    model3_above: int = 30
    max_direct_reports: int = 12
    sector_manager_max_span: int = 12
    gardiennage_dwellings_per_fte: int = 100
    gardiennage_rounding: Rounding = "floor"

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, object]) -> Parameters:
        """The defaults with a scenario's overrides applied; the reader has checked names and types."""
        return cls(**overrides)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


PARAMETER_NAMES: Final = tuple(f.name for f in fields(Parameters))
PARAMETER_CHOICES: Final[Mapping[str, tuple[str, ...]]] = {
    "headcount_basis": ("positions", "fte"),
    "gardiennage_rounding": ("floor", "ceil"),
}
