"""domain.md §4 and §9 `management.*`: the agency management models by headcount, and their shapes."""

from __future__ import annotations

import pytest
from builders import Org, fired, summary

MISMATCH = "management.model-mismatch"
BAND = "management.transition-band"


def agency_of(headcount: int, deputies: int, **extra: object) -> Org:
    """A head, `deputies` technical/tenancy deputies, and customer officers up to `headcount` posts."""
    org = Org()
    org.add("h", "agency_head")
    for i in range(deputies):
        org.add(f"d{i}", ("deputy_technical", "deputy_tenancy", "deputy_general")[i % 3], under="h")
    org.team("c", "client_officer", headcount - 1 - deputies, under="h")
    return org


# Expected model per headcount band -----------------------------------------------------------------

# §4: model 1 below 15, model 2 from 15 to 25, 26-30 uncovered (2 or 3), model 3 above 30.
EXPECTED = [
    (1, [1]),
    (14, [1]),
    (15, [2]),
    (20, [2]),
    (25, [2]),
    (26, [2, 3]),
    (28, [2, 3]),
    (30, [2, 3]),
    (31, [3]),
    (45, [3]),
]


@pytest.mark.parametrize(("headcount", "expected"), EXPECTED)
def test_expected_management_model_per_headcount_band(headcount, expected):
    report = agency_of(headcount, deputies=0).validate()
    assert summary(report).headcount == headcount
    assert list(summary(report).expected_models) == expected


@pytest.mark.parametrize(("deputies", "detected"), [(0, 1), (1, 2), (2, 3), (3, 3)])
def test_detected_model_counts_deputies(deputies, detected):
    assert summary(agency_of(20, deputies).validate()).detected_model == detected


# management.model-mismatch, on both sides of each threshold ------------------------------------------


@pytest.mark.parametrize(
    ("headcount", "deputies", "fires"),
    [
        (14, 0, False),
        (15, 0, True),
        (14, 1, True),
        (15, 1, False),
        (25, 1, False),
        (25, 2, True),
        (26, 1, False),
        (26, 2, False),
        (26, 0, True),
        (30, 1, False),
        (30, 2, False),
        (31, 1, True),
        (31, 2, False),
    ],
)
def test_model_mismatch_boundaries(headcount, deputies, fires):
    found = fired(agency_of(headcount, deputies).validate(), MISMATCH)
    assert bool(found) is fires
    for finding in found:
        assert finding.severity == "warning"


@pytest.mark.parametrize(("headcount", "fires"), [(25, False), (26, True), (30, True), (31, False)])
def test_transition_band_is_26_to_30(headcount, fires):
    found = fired(agency_of(headcount, deputies=1).validate(), BAND)
    assert bool(found) is fires
    for finding in found:
        assert finding.severity == "info"


def test_headcount_excludes_site_staff_and_providers_and_counts_vacant_posts():
    org = agency_of(14, deputies=0)
    org.add("s", "sector_manager", under="h")  # staff, counted: 15
    org.team("g", "caretaker", 8, under="s")
    org.team("e", "building_worker", 4, under="s")
    org.add("p", "provider", title="Nettoyage")
    org.contract("s", "p")
    report = org.validate()
    assert summary(report).headcount == 15
    assert summary(report).site_staff == 12
    assert summary(report).providers == 1
    assert fired(report, MISMATCH)  # 15 with no deputy: model 2 expected


def test_other_position_counts_in_headcount():
    org = agency_of(14, deputies=0)
    org.add("o", "other", title="Chargé de mission", family="social", under="h")
    assert summary(org.validate()).headcount == 15


# headcount_basis: fte ---------------------------------------------------------------------------------


def fourteen_and_a_half_fte() -> Org:
    """15 posts (no deputy), one of them half-time: 14.5 FTE."""
    org = Org()
    org.add("h", "agency_head")
    org.team("c", "client_officer", 13, under="h")
    org.add("half", "receptionist", under="h", fte=0.5)
    return org


def test_fte_basis_counts_14_5_fte_as_model_1():
    report = fourteen_and_a_half_fte().params(headcount_basis="fte").validate()
    assert summary(report).headcount == pytest.approx(14.5)
    assert list(summary(report).expected_models) == [1]
    assert fired(report, MISMATCH) == []


def test_positions_basis_counts_the_same_agency_as_15_posts():
    report = fourteen_and_a_half_fte().validate()
    assert summary(report).headcount == 15
    assert list(summary(report).expected_models) == [2]
    assert len(fired(report, MISMATCH)) == 1


@pytest.mark.parametrize(
    ("full_time", "half_time", "fte", "band"),
    [(22, 2, 25.0, False), (21, 4, 25.0, False), (23, 2, 26.0, True), (22, 4, 26.0, True),
     (27, 2, 30.0, True), (28, 2, 31.0, False)],
)
def test_fte_basis_transition_band_reads_the_fte_sum(full_time, half_time, fte, band):
    """A head, a deputy, `full_time` full-time and `half_time` half-time posts."""
    org = Org()
    org.add("h", "agency_head")
    org.add("d", "deputy_technical", under="h")
    org.team("c", "client_officer", full_time, under="h")
    org.team("x", "receptionist", half_time, under="h", fte=0.5)
    org.params(headcount_basis="fte")
    report = org.validate()
    assert summary(report).headcount == pytest.approx(fte)
    assert bool(fired(report, BAND)) is band


def test_fte_basis_31_posts_of_which_two_half_time_is_30_fte():
    org = Org()
    org.add("h", "agency_head")
    org.add("d", "deputy_technical", under="h")
    org.team("c", "client_officer", 27, under="h")
    org.team("x", "receptionist", 2, under="h", fte=0.5)
    org.params(headcount_basis="fte")
    report = org.validate()
    assert summary(report).headcount == pytest.approx(30.0)
    assert fired(report, MISMATCH) == []  # 30: model 2 still acceptable
    assert fired(report, BAND)
    org.params(headcount_basis="positions")
    assert fired(org.validate(), MISMATCH)  # 31 posts with one deputy: model 3 expected


@pytest.mark.parametrize(
    ("params", "headcount", "expected"),
    [
        ({"model1_below": 10}, 9, [1]),
        ({"model1_below": 10}, 10, [2]),
        ({"model2_upto": 20}, 21, [2, 3]),
        ({"model3_above": 40}, 40, [2, 3]),
        ({"model3_above": 40}, 41, [3]),
    ],
)
def test_thresholds_are_parameters(params, headcount, expected):
    report = agency_of(headcount, deputies=0).params(**params).validate()
    assert list(summary(report).expected_models) == expected


# management.m1-direct ---------------------------------------------------------------------------------


def test_m1_everyone_but_site_staff_reports_to_the_head():
    org = Org()
    org.add("h", "agency_head")
    org.add("s", "sector_manager", under="h")
    org.team("g", "caretaker", 3, under="s")
    org.add("c", "client_officer", under="h")
    assert fired(org.validate(), "management.m1-direct") == []


def test_m1_staff_under_a_sector_manager_does_not_report_directly():
    org = Org()
    org.add("h", "agency_head")
    org.add("s", "sector_manager", under="h")
    org.add("t", "technical_officer", under="s")
    found = fired(org.validate(), "management.m1-direct")
    assert len(found) == 1
    assert "t" in found[0].positions
    assert found[0].severity == "warning"


def test_m1_orphan_is_not_directly_under_the_head_either():
    org = Org()
    org.add("h", "agency_head")
    org.add("c", "client_officer")
    assert any("c" in f.positions for f in fired(org.validate(), "management.m1-direct"))


# management.m2-deputy ---------------------------------------------------------------------------------


def model2(deputy_role: str) -> Org:
    org = Org()
    org.add("h", "agency_head")
    org.add("d", deputy_role, under="h")
    org.add("c", "client_officer", under="h")
    org.add("r", "receptionist", under="h")
    return org


def test_m2_technical_deputy_over_the_technical_side():
    org = model2("deputy_technical")
    org.add("s", "sector_manager", under="d")
    org.add("t", "technical_officer", under="d")
    assert fired(org.validate(), "management.m2-deputy") == []


def test_m2_technical_deputy_is_technical_by_role():
    org = model2("deputy_technical")
    org.add("t", "technical_officer", under="h")
    assert fired(org.validate(), "management.m2-deputy") == []


def test_m2_tenancy_deputy_is_not_technical():
    org = model2("deputy_tenancy")
    org.add("t", "technical_officer", under="h")
    found = fired(org.validate(), "management.m2-deputy")
    assert len(found) == 1
    assert "d" in found[0].positions


def test_m2_general_deputy_above_every_sector_manager_and_technician_is_technical():
    org = model2("deputy_general")
    org.add("s1", "sector_manager", under="d")
    org.add("s2", "sector_manager", under="d")
    org.add("t", "technical_officer", under="s1")  # "above" means an ancestor, not only direct
    assert fired(org.validate(), "management.m2-deputy") == []


def test_m2_general_deputy_missing_a_technical_officer_is_not_technical():
    org = model2("deputy_general")
    org.add("s", "sector_manager", under="d")
    org.add("t", "technical_officer", under="h")
    found = fired(org.validate(), "management.m2-deputy")
    assert len(found) == 1
    assert {"d", "t"} <= set(found[0].positions)


def test_m2_general_deputy_missing_a_sector_manager_is_not_technical():
    org = model2("deputy_general")
    org.add("s", "sector_manager", under="h")
    org.add("t", "technical_officer", under="d")
    assert len(fired(org.validate(), "management.m2-deputy")) == 1


@pytest.mark.parametrize(
    ("role", "fields"),
    [
        ("client_officer", {}),
        ("social_adviser", {}),
        ("receptionist", {}),
        ("other", {"family": "reception", "title": "Hôte d'accueil"}),
        ("other", {"family": "tenancy", "title": "Gestionnaire"}),
    ],
)
def test_m2_tenancy_social_or_reception_under_the_deputy(role, fields):
    org = model2("deputy_technical")
    org.add("s", "sector_manager", under="d")
    org.add("x", role, under="s", **fields)  # below the deputy, not directly
    found = fired(org.validate(), "management.m2-deputy")
    assert len(found) == 1
    assert "x" in found[0].positions


@pytest.mark.parametrize(
    ("role", "fields"),
    [("technical_officer", {}), ("other", {"family": "technical", "title": "Chargé d'opérations"})],
)
def test_m2_technical_staff_under_the_deputy_is_fine(role, fields):
    org = model2("deputy_technical")
    org.add("x", role, under="d", **fields)
    org.add("s", "sector_manager", under="d")
    assert fired(org.validate(), "management.m2-deputy") == []


# management.m3-deputies -------------------------------------------------------------------------------


def model3() -> Org:
    org = Org()
    org.add("h", "agency_head")
    org.add("dl", "deputy_tenancy", under="h")
    org.add("dt", "deputy_technical", under="h")
    org.add("c", "client_officer", under="dl")
    org.add("a", "arrears_officer", under="c")
    org.add("s", "sector_manager", under="dt")
    org.add("t", "technical_officer", under="dt")
    return org


def test_m3_specialised_deputies_above_their_registers():
    assert fired(model3().validate(), "management.m3-deputies") == []


def test_m3_tenancy_position_outside_the_tenancy_deputy():
    org = model3()
    org.add("c2", "allocation_officer", under="h")
    found = fired(org.validate(), "management.m3-deputies")
    assert len(found) == 1
    assert "c2" in found[0].positions


def test_m3_technical_officer_outside_the_technical_deputy():
    org = model3()
    org.add("t2", "technical_officer", under="dl")
    found = fired(org.validate(), "management.m3-deputies")
    assert len(found) == 1
    assert "t2" in found[0].positions


def test_m3_sector_manager_outside_the_technical_deputy():
    org = model3()
    org.add("s2", "sector_manager", under="h")
    assert len(fired(org.validate(), "management.m3-deputies")) == 1


def test_m3_without_a_tenancy_deputy():
    org = Org()
    org.add("h", "agency_head")
    org.add("dg", "deputy_general", under="h")
    org.add("dt", "deputy_technical", under="h")
    org.add("s", "sector_manager", under="dt")
    assert len(fired(org.validate(), "management.m3-deputies")) == 1


def test_m3_without_a_technical_deputy():
    org = Org()
    org.add("h", "agency_head")
    org.add("dl", "deputy_tenancy", under="h")
    org.add("dg", "deputy_general", under="h")
    org.add("s", "sector_manager", under="dg")
    org.add("t", "technical_officer", under="dg")
    assert len(fired(org.validate(), "management.m3-deputies")) == 1


# Shape checks need exactly one head ---------------------------------------------------------------------


def broken_m1() -> Org:
    """Model 1 with a technical officer two levels down: m1-direct fires with one head."""
    org = Org()
    org.add("h", "agency_head")
    org.add("s", "sector_manager", under="h")
    org.add("t", "technical_officer", under="s")
    return org


def broken_m2() -> Org:
    org = model2("deputy_tenancy")
    org.add("t", "technical_officer", under="h")
    return org


def broken_m3() -> Org:
    org = model3()
    org.add("t2", "technical_officer", under="h")
    return org


@pytest.mark.parametrize(
    ("build", "rule"),
    [
        (broken_m1, "management.m1-direct"),
        (broken_m2, "management.m2-deputy"),
        (broken_m3, "management.m3-deputies"),
    ],
)
@pytest.mark.parametrize("heads", [0, 1, 2])
def test_shape_checks_are_skipped_without_exactly_one_head(build, rule, heads):
    org = build()
    if heads == 0:
        org.positions = [p for p in org.positions if p.id != "h"]
        org.links = [link for link in org.links if "h" not in (link.source, link.target)]
    elif heads == 2:
        org.add("h2", "agency_head")
    report = org.validate()
    if heads == 1:
        assert fired(report, rule)
        assert rule not in summary(report).skipped
    else:
        assert fired(report, rule) == []
        assert rule in summary(report).skipped
