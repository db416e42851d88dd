"""domain.md §4 headcount and §10 parameters, at the model level."""

from __future__ import annotations

import pytest

from orgdesigner.model import queries
from orgdesigner.model.entities import Position
from orgdesigner.model.parameters import PARAMETER_NAMES, WORKING_ASSUMPTIONS, Parameters


def posts(*spec: tuple[str, float]) -> list[Position]:
    return [Position(f"p{i}", role, fte=fte, title="X" if role == "provider" else None)
            for i, (role, fte) in enumerate(spec)]


def test_headcount_counts_staff_posts_excluding_site_staff_and_providers():
    positions = posts(
        ("agency_head", 1.0),
        ("deputy_technical", 1.0),
        ("sector_manager", 1.0),
        ("client_officer", 0.5),
        ("caretaker", 1.0),
        ("building_worker", 1.0),
        ("provider", 1.0),
    )
    assert queries.headcount(positions, "positions") == 4
    assert queries.headcount(positions, "fte") == pytest.approx(3.5)


def test_vacant_posts_count():
    positions = [Position("h", "agency_head"), Position("c", "client_officer", holder="Léa Martin")]
    assert queries.headcount(positions, "positions") == 2


def test_other_position_counts_whatever_its_family():
    positions = [Position("o", "other", title="Gardien remplaçant", family="site")]
    assert queries.headcount(positions, "positions") == 1


def test_fte_sum_reads_cleanly():
    positions = posts(("client_officer", 0.1), ("client_officer", 0.2))
    assert queries.headcount(positions, "fte") == 0.3


# §10 defaults, typed from the specification.
DEFAULTS = {
    "headcount_basis": "positions",
    "model1_below": 15,
    "model2_upto": 25,
    "model3_above": 30,
    "max_direct_reports": 12,
    "sector_manager_max_span": 12,
    "gardiennage_dwellings_per_fte": 100,
    "gardiennage_rounding": "floor",
}


def test_parameter_defaults():
    assert Parameters().as_dict() == DEFAULTS
    assert set(PARAMETER_NAMES) == set(DEFAULTS)


def test_overrides_replace_only_what_they_name():
    params = Parameters.with_overrides({"max_direct_reports": 8, "headcount_basis": "fte"})
    assert params.as_dict() == DEFAULTS | {"max_direct_reports": 8, "headcount_basis": "fte"}


def test_working_assumptions_are_the_two_spans():
    assert frozenset({"max_direct_reports", "sector_manager_max_span"}) == WORKING_ASSUMPTIONS
