"""domain.md §5, §5b and §9 `site.*`: site staff, providers, the declared model, the guarding obligation."""

from __future__ import annotations

import pytest
from builders import Org, fired, site, summary

GUARD = "site.gardiennage"


def headed(**agency_fields: object) -> Org:
    org = Org(**agency_fields)
    org.add("h", "agency_head")
    org.add("s", "sector_manager", under="h")
    return org


# site.caretaker-manager ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["caretaker", "building_worker"])
def test_site_staff_under_a_sector_manager(role):
    org = headed()
    org.add("g", role, under="s")
    assert fired(org.validate(), "site.caretaker-manager") == []


@pytest.mark.parametrize("role", ["caretaker", "building_worker"])
@pytest.mark.parametrize("manager", ["h", None])
def test_site_staff_not_under_a_sector_manager(role, manager):
    org = headed()
    org.add("g", role, under=manager)
    found = fired(org.validate(), "site.caretaker-manager")
    assert len(found) == 1
    assert found[0].positions[0] == "g"
    assert found[0].severity == "warning"


def test_site_staff_under_a_technical_deputy_is_not_under_a_sector_manager():
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.add("g", "caretaker", under="d")
    assert len(fired(org.validate(), "site.caretaker-manager")) == 1


# site.sector-span ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("team", "fires"), [(12, False), (13, True)])
def test_sector_manager_site_staff_span(team, fires):
    org = headed()
    org.team("g", "caretaker", team, under="s")
    found = fired(org.validate(), "site.sector-span")
    assert bool(found) is fires
    if fires:
        assert found[0].positions == ("s",)
        assert found[0].severity == "warning"


def test_sector_span_counts_caretakers_and_building_attendants_together():
    org = headed()
    org.team("g", "caretaker", 7, under="s")
    org.team("e", "building_worker", 6, under="s")
    assert len(fired(org.validate(), "site.sector-span")) == 1


def test_sector_span_counts_site_staff_only():
    org = headed()
    org.team("g", "caretaker", 12, under="s")
    org.add("t", "technical_officer", under="s")
    assert fired(org.validate(), "site.sector-span") == []


@pytest.mark.parametrize(("team", "fires"), [(8, False), (9, True)])
def test_sector_span_follows_its_parameter(team, fires):
    org = headed().params(sector_manager_max_span=8)
    org.team("g", "caretaker", team, under="s")
    assert bool(fired(org.validate(), "site.sector-span")) is fires


# site.provider-unpiloted --------------------------------------------------------------------------------


def test_provider_without_contract_link_is_unpiloted():
    org = headed()
    org.add("p", "provider", title="Nettoyage")
    found = fired(org.validate(), "site.provider-unpiloted")
    assert [f.positions for f in found] == [("p",)]
    assert found[0].severity == "warning"


def test_provider_piloted_through_a_contract():
    org = headed()
    org.add("p", "provider", title="Nettoyage")
    org.contract("s", "p")
    assert fired(org.validate(), "site.provider-unpiloted") == []


# site.declared-model -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "present", "fires"),
    [
        ("internal", {"caretaker", "sector_manager"}, False),
        ("internal", {"building_worker", "sector_manager"}, False),
        ("internal", {"caretaker"}, True),
        ("internal", {"sector_manager"}, True),
        ("internal", {"provider"}, True),
        ("outsourced", {"provider"}, False),
        ("outsourced", {"caretaker", "sector_manager"}, True),
        ("mixed", {"caretaker", "sector_manager", "provider"}, False),
        ("mixed", {"caretaker", "sector_manager"}, True),
        ("mixed", {"caretaker", "provider"}, True),
        ("mixed", {"sector_manager", "provider"}, True),
    ],
)
def test_declared_site_management_model_shows_in_the_chart(model, present, fires):
    org = Org(site_management=model)
    org.add("h", "agency_head")
    for role in present:
        org.add(role, role, under=None if role == "provider" else "h", **({"title": "X"} if role == "provider" else {}))
    found = fired(org.validate(), "site.declared-model")
    assert bool(found) is fires


def test_declared_model_is_skipped_without_site_management():
    org = Org()
    org.add("h", "agency_head")
    report = org.validate()
    assert fired(report, "site.declared-model") == []
    assert "site.declared-model" in summary(report).skipped


# site.gardiennage ----------------------------------------------------------------------------------------


def guarded(dwellings: int, *staff_fte: float, zone: bool = True, role: str = "caretaker") -> Org:
    """One ensemble `r1` and site staff assigned to it with the given FTE."""
    org = headed(sites=[site("r1", dwellings, zone)])
    for i, fte in enumerate(staff_fte):
        org.add(f"g{i}", role, under="s", site="r1", fte=fte)
    return org


@pytest.mark.parametrize(("dwellings", "fires"), [(99, False), (100, True)])
def test_obligation_starts_at_100_dwellings(dwellings, fires):
    found = fired(guarded(dwellings).validate(), GUARD)
    assert bool(found) is fires


def test_one_fte_covers_100_dwellings():
    assert fired(guarded(100, 1.0).validate(), GUARD) == []
    assert len(fired(guarded(100, 0.8).validate(), GUARD)) == 1


@pytest.mark.parametrize(
    ("rounding", "staff", "fires"),
    [
        ("floor", (1.0, 1.0), False),  # 250 dwellings: 2 whole blocks
        ("floor", (1.0, 0.5), True),
        ("ceil", (1.0, 1.0), True),  # 250 dwellings: 3 started blocks
        ("ceil", (1.0, 1.0, 1.0), False),
    ],
)
def test_250_dwellings_floor_or_ceil(rounding, staff, fires):
    org = guarded(250, *staff).params(gardiennage_rounding=rounding)
    assert bool(fired(org.validate(), GUARD)) is fires


def test_default_rounding_is_floor():
    assert fired(guarded(299, 1.0, 1.0).validate(), GUARD) == []
    assert len(fired(guarded(300, 1.0, 1.0).validate(), GUARD)) == 1


def test_fte_is_summed_from_caretakers_and_building_attendants():
    org = guarded(250, 1.0, 0.5)
    org.add("e", "building_worker", under="s", site="r1", fte=0.5)
    assert fired(org.validate(), GUARD) == []


@pytest.mark.parametrize("role", ["mediator", "sector_manager", "technical_officer"])
def test_other_roles_assigned_to_the_site_do_not_count(role):
    org = guarded(200, 1.0)
    org.add("x", role, under="h", site="r1")
    assert len(fired(org.validate(), GUARD)) == 1


def test_staff_of_another_site_does_not_count_and_sites_are_not_pooled():
    org = headed(sites=[site("r1", 200), site("r2", 100)])
    org.add("g1", "caretaker", under="s", site="r1")
    org.add("g2", "caretaker", under="s", site="r2")
    org.add("g3", "caretaker", under="s", site="r2")
    org.add("g4", "caretaker", under="s")  # not assigned to any site
    found = fired(org.validate(), GUARD)
    assert len(found) == 1  # r1 short by one although the agency has 4 FTE for 300 dwellings
    assert found[0].positions == ("g1",)


def test_guarding_provider_exempts_the_site():
    org = guarded(300)
    org.add("p", "provider", title="Gardiennage", site="r1", guarding=True)
    org.contract("s", "p")
    assert fired(org.validate(), GUARD) == []


def test_provider_that_does_not_declare_guarding_does_not_exempt():
    org = guarded(300)
    org.add("p", "provider", title="Nettoyage", site="r1", guarding=False)
    org.contract("s", "p")
    assert len(fired(org.validate(), GUARD)) == 1


def test_guarding_provider_of_another_site_does_not_exempt():
    org = headed(sites=[site("r1", 300), site("r2", 50)])
    org.add("p", "provider", title="Gardiennage", site="r2", guarding=True)
    org.contract("s", "p")
    assert len(fired(org.validate(), GUARD)) == 1


def test_site_outside_the_guarding_zone_is_exempt():
    assert fired(guarded(500, zone=False).validate(), GUARD) == []


def test_dwellings_per_fte_is_a_parameter():
    org = guarded(200, 1.0, 1.0).params(gardiennage_dwellings_per_fte=50)
    assert len(fired(org.validate(), GUARD)) == 1  # 4 blocks of 50
    org = guarded(200, 1.0, 1.0, 1.0, 1.0).params(gardiennage_dwellings_per_fte=50)
    assert fired(org.validate(), GUARD) == []


def test_gardiennage_is_skipped_without_sites_and_runs_on_an_empty_list():
    absent = headed()
    assert "site.gardiennage" in summary(absent.validate()).skipped
    empty = headed(sites=[])
    assert "site.gardiennage" not in summary(empty.validate()).skipped


def test_gardiennage_message_cites_the_code():
    (finding,) = fired(guarded(100).validate(), GUARD)
    for text in (finding.message.fr, finding.message.en):
        for article in ("L271-1", "R271-1", "R271-2"):
            assert article in text
