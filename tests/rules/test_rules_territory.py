"""domain.md §7 and §9 `territory.*`: recommended forms of presence and the town sector manager."""

from __future__ import annotations

import pytest
from builders import Org, fired, summary

PRESENCE = "territory.presence"
SECTOR = "territory.sector-manager"

# §7, typed from the specification: each entry is a group of alternatives.
RECOMMENDED = {
    "rural_diffuse": [
        ("remote_contact",), ("nomadic_presence",), ("provider_network",), ("relay_points",), ("mobile_agency",),
    ],
    "isolated_residences": [
        ("remote_contact",), ("provider_network",), ("nomadic_presence",), ("on_site_office_hours",),
        ("tenant_relays",),
    ],
    "urban_collective": [("caretaker_lodges", "grouped_proximity_offices")],
    "large_districts": [("antennas", "proximity_offices"), ("neighbourhood_agency",), ("grouped_lodges",)],
}


def agency(territory: str | None, presence, sector_manager: bool = False) -> Org:
    org = Org(territory=territory, presence=presence)
    org.add("h", "agency_head")
    if sector_manager:
        org.add("s", "sector_manager", under="h")
    return org


@pytest.mark.parametrize("territory", sorted(RECOMMENDED))
def test_nothing_declared_misses_every_group(territory):
    found = fired(agency(territory, []).validate(), PRESENCE)
    assert len(found) == len(RECOMMENDED[territory])
    assert {f.severity for f in found} == {"info"}


@pytest.mark.parametrize("territory", sorted(RECOMMENDED))
def test_first_alternative_of_every_group_is_enough(territory):
    declared = [group[0] for group in RECOMMENDED[territory]]
    assert fired(agency(territory, declared).validate(), PRESENCE) == []


@pytest.mark.parametrize(
    ("territory", "group"),
    [(t, g) for t, groups in RECOMMENDED.items() for g in groups],
)
def test_each_group_missing_alone_gives_one_finding(territory, group):
    declared = [g[-1] for g in RECOMMENDED[territory] if g != group]
    assert len(fired(agency(territory, declared).validate(), PRESENCE)) == 1


@pytest.mark.parametrize("form", ["caretaker_lodges", "grouped_proximity_offices"])
def test_urban_collective_either_form_of_presence(form):
    assert fired(agency("urban_collective", [form]).validate(), PRESENCE) == []


@pytest.mark.parametrize("form", ["antennas", "proximity_offices"])
def test_large_districts_antennas_or_proximity_offices(form):
    declared = [form, "neighbourhood_agency", "grouped_lodges"]
    assert fired(agency("large_districts", declared).validate(), PRESENCE) == []


def test_forms_recommended_elsewhere_do_not_count():
    found = fired(agency("urban_collective", ["remote_contact", "antennas"]).validate(), PRESENCE)
    assert len(found) == 1


def test_presence_is_checked_only_when_given():
    report = agency("rural_diffuse", None).validate()
    assert fired(report, PRESENCE) == []
    assert PRESENCE in summary(report).skipped
    assert SECTOR not in summary(report).skipped


def test_territory_rules_are_skipped_without_territory():
    report = agency(None, ["antennas"]).validate()
    assert fired(report, PRESENCE) == []
    assert fired(report, SECTOR) == []
    assert PRESENCE in summary(report).skipped
    assert SECTOR in summary(report).skipped


@pytest.mark.parametrize(
    ("territory", "sector_manager", "fires"),
    [
        ("urban_collective", False, True),
        ("urban_collective", True, False),
        ("rural_diffuse", False, False),
        ("isolated_residences", False, False),
        ("large_districts", False, False),
    ],
)
def test_town_agency_needs_a_sector_manager(territory, sector_manager, fires):
    found = fired(agency(territory, None, sector_manager).validate(), SECTOR)
    assert [f.severity for f in found] == (["info"] if fires else [])
