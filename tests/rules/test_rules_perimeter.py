"""domain.md §6 and §9 `perimeter.*`: classification against the six perimeter models, and the
missions an agency holds need someone to carry them."""

from __future__ import annotations

import itertools

import pytest
from builders import MISSIONS, Org, fired, perimeter, summary
from hypothesis import given, settings
from hypothesis import strategies as st

UNSTAFFED = "perimeter.unstaffed-mission"
OUTSIDE = "perimeter.role-outside-perimeter"

# §6, typed from the specification: model -> levels in column order.
PERIMETER_TABLE = {
    1: ("NR", "C", "NR", "NR", "P", "C", "NR", "NR"),
    2: ("NR", "C", "NR", "P", "P", "C", "NR", "P"),
    3: ("C", "C", "NR", "NR", "P", "C", "NR", "P"),
    4: ("C", "C", "P", "P", "P", "C", "NR", "P"),
    5: ("C", "C", "C", "C", "C", "C", "NR", "P"),
    6: ("C", "C", "C", "C", "C", "C", "C", "C"),
}
WEIGHT = {"NR": 0, "P": 1, "C": 2}


def classify(levels: dict[str, str]):
    org = Org(perimeter=levels)
    org.add("h", "agency_head")
    return summary(org.validate()).perimeter


# Classification --------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", sorted(PERIMETER_TABLE))
def test_each_row_classifies_as_itself(model):
    match = classify(dict(zip(MISSIONS, PERIMETER_TABLE[model], strict=True)))
    assert (match.model, match.distance, tuple(match.differs)) == (model, 0, ())


def test_no_perimeter_means_no_classification():
    org = Org()
    org.add("h", "agency_head")
    assert summary(org.validate()).perimeter is None


def test_nearest_row_with_its_distance_and_differences():
    # Model 4 with planned_maintenance at P: one step from model 4 only.
    levels = dict(zip(MISSIONS, PERIMETER_TABLE[4], strict=True)) | {"planned_maintenance": "P"}
    match = classify(levels)
    assert (match.model, match.distance, tuple(match.differs)) == (4, 1, ("planned_maintenance",))


def test_tie_goes_to_the_lower_model_and_differs_follows_column_order():
    # Model 1 with social_support P, mediation C, planned_maintenance P:
    #   to model 1: social_support 1 + mediation 1 + planned_maintenance 1 = 3
    #   to model 2: mediation 1 + planned_maintenance 1 + dsu 1 = 3
    levels = perimeter(lease="C", social_support="P", mediation="C", site_upkeep="C", planned_maintenance="P")
    match = classify(levels)
    assert match.model == 1
    assert match.distance == 3
    assert tuple(match.differs) == ("social_support", "mediation", "planned_maintenance")


def test_tie_between_models_3_and_4_goes_to_3():
    # Model 3 with arrears_litigation P: distance 1 to model 3; model 4 differs by social_support only: 1.
    levels = dict(zip(MISSIONS, PERIMETER_TABLE[3], strict=True)) | {"arrears_litigation": "P"}
    match = classify(levels)
    assert (match.model, match.distance, tuple(match.differs)) == (3, 1, ("arrears_litigation",))


def oracle(levels: dict[str, str]) -> tuple[int, int, tuple[str, ...]]:
    """§6 read literally, against the table typed above."""
    rows = []
    for model, row in sorted(PERIMETER_TABLE.items()):
        distance = sum(abs(WEIGHT[levels[m]] - WEIGHT[level]) for m, level in zip(MISSIONS, row, strict=True))
        differs = tuple(m for m, level in zip(MISSIONS, row, strict=True) if levels[m] != level)
        rows.append((distance, model, differs))
    distance, model, differs = min(rows)
    return model, distance, differs


@settings(max_examples=150, deadline=None)
@given(st.tuples(*[st.sampled_from(["C", "P", "NR"]) for _ in MISSIONS]))
def test_classification_is_the_nearest_row(levels):
    given_levels = dict(zip(MISSIONS, levels, strict=True))
    match = classify(given_levels)
    assert (match.model, match.distance, tuple(match.differs)) == oracle(given_levels)


# perimeter.unstaffed-mission -------------------------------------------------------------------------

# §6 "who can carry a mission", typed from the specification.
CARRIERS = {
    "social_support": ({"social_adviser"}, {"social_adviser"}),
    "mediation": ({"mediator"}, {"mediator"}),
    "site_upkeep": (
        {"sector_manager", "caretaker", "building_worker", "provider"},
        {"sector_manager", "caretaker", "building_worker", "provider"},
    ),
    "planned_maintenance": ({"technical_officer", "deputy_technical"}, {"technical_officer", "deputy_technical"}),
    "dsu": ({"dsu_officer", "mediator"}, {"dsu_officer", "mediator", "agency_head", "sector_manager"}),
}
ALL_ROLES = [
    "agency_head", "deputy_technical", "deputy_tenancy", "deputy_general", "sector_manager", "caretaker",
    "building_worker", "technical_officer", "client_officer", "allocation_officer", "tenant_relations_officer",
    "arrears_officer", "litigation_officer", "arrears_litigation_officer", "social_adviser", "mediator",
    "dsu_officer", "receptionist", "assistant", "reception_assistant", "provider",
]


def with_only(role: str | None, **levels: str) -> Org:
    """An agency holding one position of `role` (no head unless that is the role)."""
    org = Org(perimeter=perimeter(**levels))
    if role is not None:
        org.add("x", role, **({"title": "Prestataire"} if role == "provider" else {}))
    return org


CARRIER_CASES = [
    (mission, level, role, role in CARRIERS[mission][0 if level == "C" else 1])
    for mission, level, role in itertools.product(CARRIERS, ("C", "P"), ALL_ROLES)
]


@pytest.mark.parametrize(("mission", "level", "role", "carries"), CARRIER_CASES)
def test_mission_carriers_table(mission, level, role, carries):
    found = fired(with_only(role, **{mission: level}).validate(), UNSTAFFED)
    assert (found == []) is carries


@pytest.mark.parametrize(("level", "severity"), [("C", "warning"), ("P", "info")])
@pytest.mark.parametrize("mission", sorted(CARRIERS))
def test_unstaffed_severity_is_warning_for_c_and_info_for_p(mission, level, severity):
    found = fired(with_only(None, **{mission: level}).validate(), UNSTAFFED)
    assert [f.severity for f in found] == [severity]


@pytest.mark.parametrize("mission", sorted(CARRIERS))
def test_mission_not_held_needs_no_one(mission):
    assert fired(with_only(None, **{mission: "NR"}).validate(), UNSTAFFED) == []


@pytest.mark.parametrize("mission", ["demand_allocation", "lease", "arrears_litigation"])
def test_tenancy_missions_are_not_checked_here(mission):
    assert fired(with_only(None, **{mission: "C"}).validate(), UNSTAFFED) == []


def test_dsu_partial_is_carried_by_the_agency_head():
    org = with_only("agency_head", dsu="P")
    assert fired(org.validate(), UNSTAFFED) == []
    org = with_only("agency_head", dsu="C")
    assert [f.severity for f in fired(org.validate(), UNSTAFFED)] == ["warning"]


def test_vacant_post_carries_its_mission():
    org = Org(perimeter=perimeter(mediation="C"))
    org.add("h", "agency_head")
    org.add("m", "mediator", under="h", holder=None)
    assert fired(org.validate(), UNSTAFFED) == []


def test_each_unstaffed_mission_is_reported_once():
    org = with_only(None, social_support="C", mediation="P", planned_maintenance="C")
    found = fired(org.validate(), UNSTAFFED)
    assert sorted(f.severity for f in found) == ["info", "warning", "warning"]


# perimeter.role-outside-perimeter ---------------------------------------------------------------------

SPECIALISTS = [
    ("allocation_officer", "demand_allocation"),
    ("arrears_officer", "arrears_litigation"),
    ("litigation_officer", "arrears_litigation"),
    ("arrears_litigation_officer", "arrears_litigation"),
    ("social_adviser", "social_support"),
    ("mediator", "mediation"),
    ("dsu_officer", "dsu"),
]


@pytest.mark.parametrize(("role", "mission"), SPECIALISTS)
@pytest.mark.parametrize(("level", "fires"), [("NR", True), ("P", False), ("C", False)])
def test_specialist_outside_the_perimeter(role, mission, level, fires):
    found = fired(with_only(role, **{mission: level}).validate(), OUTSIDE)
    assert [f.positions for f in found] == ([("x",)] if fires else [])
    for finding in found:
        assert finding.severity == "info"


@pytest.mark.parametrize("role", ["client_officer", "tenant_relations_officer", "technical_officer", "receptionist"])
def test_generalists_are_never_outside_the_perimeter(role):
    assert fired(with_only(role).validate(), OUTSIDE) == []


# Skipped without a perimeter -------------------------------------------------------------------------


def test_perimeter_and_tenancy_rules_are_skipped_without_perimeter():
    org = Org()
    org.add("h", "agency_head")
    org.add("m", "mediator", under="h")
    report = org.validate()
    skipped = summary(report).skipped
    for rule in (UNSTAFFED, OUTSIDE, "tenancy.uncovered-activity", "tenancy.no-model"):
        assert rule in skipped
        assert fired(report, rule) == []
    assert tuple(summary(report).tenancy_models) == ()
