"""domain.md §6b and §9 `tenancy.*`: the three tenancy job models and which fit an agency."""

from __future__ import annotations

import pytest
from builders import Org, fired, perimeter, summary

UNCOVERED = "tenancy.uncovered-activity"
NO_MODEL = "tenancy.no-model"

# §6b, typed from the specification: activity -> role under models 1, 2, 3.
ACTIVITY_ROLES = {
    "marketing": ("client_officer", "allocation_officer", "client_officer"),
    "allocation": ("client_officer", "allocation_officer", "client_officer"),
    "move_in": ("client_officer", "client_officer", "client_officer"),
    "tenancy_life": ("tenant_relations_officer", "client_officer", "client_officer"),
    "pre_litigation": ("tenant_relations_officer", "client_officer", "arrears_litigation_officer"),
    "litigation": ("litigation_officer", "litigation_officer", "arrears_litigation_officer"),
}
FULL_SCOPE = perimeter(demand_allocation="C", lease="C", arrears_litigation="C")


def roles_of_model(model: int, activities=tuple(ACTIVITY_ROLES)) -> set[str]:
    return {ACTIVITY_ROLES[a][model - 1] for a in activities}


def staffed(levels: dict[str, str], roles) -> Org:
    org = Org(perimeter=levels)
    org.add("h", "agency_head")
    for i, role in enumerate(sorted(roles)):
        org.add(f"t{i}", role, under="h")
    return org


def fitting(levels: dict[str, str], roles) -> list[int]:
    return list(summary(staffed(levels, roles).validate()).tenancy_models)


# Which models fit -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [1, 2, 3])
def test_agency_staffed_exactly_as_a_model_for_a_full_scope_fits_that_model_only(model):
    # The three models' role sets for the full scope differ pairwise, so exactly one fits.
    report = staffed(FULL_SCOPE, roles_of_model(model)).validate()
    assert list(summary(report).tenancy_models) == [model]
    assert fired(report, NO_MODEL) == []
    assert fired(report, UNCOVERED) == []


@pytest.mark.parametrize(
    ("scope", "roles", "models"),
    [
        # lease only: move_in and tenancy_life. Model 1 uses client + tenant relations; 2 and 3 client only.
        ({"lease": "C"}, {"client_officer"}, [2, 3]),
        ({"lease": "P"}, {"client_officer"}, [2, 3]),
        ({"lease": "C"}, {"client_officer", "tenant_relations_officer"}, [1]),
        # demand and lease: model 2 brings the allocation officer.
        ({"demand_allocation": "C", "lease": "C"}, {"client_officer"}, [3]),
        ({"demand_allocation": "P", "lease": "C"}, {"allocation_officer", "client_officer"}, [2]),
        # arrears P brings pre-litigation only: litigation officers are not used by any model then.
        ({"lease": "C", "arrears_litigation": "P"}, {"client_officer"}, [2]),
        ({"lease": "C", "arrears_litigation": "P"}, {"client_officer", "arrears_litigation_officer"}, [3]),
        ({"lease": "C", "arrears_litigation": "P"}, {"client_officer", "litigation_officer"}, []),
        ({"lease": "C", "arrears_litigation": "C"}, {"client_officer", "litigation_officer"}, [2]),
        # no tenancy mission at all, no tenancy role: every model fits the empty scope.
        ({}, set(), [1, 2, 3]),
        # a tenancy role none of the in-scope activities uses.
        ({"lease": "C"}, {"client_officer", "allocation_officer"}, []),
        # the arrears officer belongs to no model.
        ({"lease": "C", "arrears_litigation": "P"}, {"client_officer", "arrears_officer"}, []),
    ],
)
def test_every_fitting_model_is_reported_in_ascending_order(scope, roles, models):
    assert fitting(perimeter(**scope), roles) == models


def test_a_missing_role_means_the_model_does_not_fit():
    # full scope, model 1 without its litigation officer
    assert fitting(FULL_SCOPE, {"client_officer", "tenant_relations_officer"}) == []


def test_non_tenancy_roles_do_not_affect_the_fit():
    org = staffed(FULL_SCOPE, roles_of_model(3))
    org.add("r", "receptionist", under="h")
    org.add("m", "mediator", under="h")
    assert list(summary(org.validate()).tenancy_models) == [3]


# tenancy.no-model -------------------------------------------------------------------------------------------


def test_no_model_when_tenancy_roles_fit_none():
    report = staffed(FULL_SCOPE, {"client_officer", "tenant_relations_officer"}).validate()
    found = fired(report, NO_MODEL)
    assert len(found) == 1
    assert found[0].severity == "info"
    assert set(found[0].positions) == {"t0", "t1"}


def test_no_model_needs_tenancy_roles_present():
    # No tenancy role at all for a full scope: nothing fits, but there is nothing to align either.
    report = staffed(FULL_SCOPE, set()).validate()
    assert list(summary(report).tenancy_models) == []
    assert fired(report, NO_MODEL) == []


# tenancy.uncovered-activity -----------------------------------------------------------------------------------


def test_full_scope_without_tenancy_staff_leaves_six_activities_uncovered():
    found = fired(staffed(FULL_SCOPE, set()).validate(), UNCOVERED)
    assert len(found) == 6
    assert {f.severity for f in found} == {"warning"}


@pytest.mark.parametrize(
    ("arrears", "roles", "uncovered"),
    [
        ("C", set(), 2),  # pre_litigation and litigation
        ("C", {"arrears_officer"}, 1),  # the arrears officer carries pre_litigation
        ("C", {"litigation_officer"}, 1),  # litigation carried, pre_litigation not
        ("C", {"arrears_officer", "litigation_officer"}, 0),
        ("C", {"arrears_litigation_officer"}, 0),
        ("P", set(), 1),  # litigation is not in scope at P
        ("P", {"arrears_officer"}, 0),
        ("P", {"tenant_relations_officer"}, 0),
        ("NR", set(), 0),
    ],
)
def test_arrears_activities(arrears, roles, uncovered):
    found = fired(staffed(perimeter(arrears_litigation=arrears), roles).validate(), UNCOVERED)
    assert len(found) == uncovered


def test_an_activity_is_covered_by_a_role_of_any_model():
    # marketing and allocation: client officer (models 1, 3) or allocation officer (model 2).
    for roles in ({"client_officer"}, {"allocation_officer"}):
        assert fired(staffed(perimeter(demand_allocation="C"), roles).validate(), UNCOVERED) == []
    assert len(fired(staffed(perimeter(demand_allocation="P"), {"receptionist"}).validate(), UNCOVERED)) == 2


@pytest.mark.parametrize(
    ("role", "uncovered"),
    [("client_officer", 0), ("tenant_relations_officer", 1), ("allocation_officer", 2)],
)
def test_lease_activities_carriers(role, uncovered):
    # lease brings move_in (client officer under every model) and tenancy_life (client or tenant relations).
    assert len(fired(staffed(perimeter(lease="C"), {role}).validate(), UNCOVERED)) == uncovered
