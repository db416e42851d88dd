"""The reference tables of domain.md §2-§8, typed here from the specification and compared row by row
with the model's catalogue."""

from __future__ import annotations

import pytest

from orgdesigner.model import catalogue
from orgdesigner.model.entities import Position

# §2 Families ---------------------------------------------------------------------------------------

FAMILIES = [
    ("management", "Management d'agence", "Agency management"),
    ("site", "Gestion de site", "Site management"),
    ("tenancy", "Gestion locative", "Tenancy management"),
    ("social", "Accompagnement et animation sociale", "Social support"),
    ("reception", "Accueil et assistance", "Reception and assistance"),
    ("technical", "Gestion technique", "Technical management"),
    ("external", "Prestataires", "Contractors"),
]


def test_families_in_the_decks_order():
    assert list(catalogue.FAMILIES) == [code for code, _, _ in FAMILIES]


@pytest.mark.parametrize(("code", "fr", "en"), FAMILIES)
def test_family_labels(code, fr, en):
    label = catalogue.FAMILIES[code]
    assert (label.fr, label.en) == (fr, en)


# §2 Roles --------------------------------------------------------------------------------------------

ROLES = [
    ("agency_head", "Responsable d'agence", "Agency manager", "management", False),
    ("deputy_technical", "Adjoint technique", "Deputy manager, technical", "management", False),
    ("deputy_tenancy", "Adjoint gestion locative", "Deputy manager, tenancy", "management", False),
    ("deputy_general", "Adjoint au responsable d'agence", "Deputy manager", "management", False),
    ("sector_manager", "Responsable de secteur (manager de proximité)", "Sector manager", "site", False),
    ("caretaker", "Gardien", "Caretaker", "site", True),
    ("building_worker", "Employé d'immeuble", "Building attendant", "site", True),
    ("technical_officer", "Technicien patrimoine", "Property technician", "technical", False),
    ("client_officer", "Chargé de clientèle", "Customer officer", "tenancy", False),
    ("allocation_officer", "Chargé d'attribution", "Allocation officer", "tenancy", False),
    ("tenant_relations_officer", "Chargé de relation locataire", "Tenant relations officer", "tenancy", False),
    ("arrears_officer", "Chargé de précontentieux", "Arrears officer", "tenancy", False),
    ("litigation_officer", "Chargé de contentieux", "Litigation officer", "tenancy", False),
    ("arrears_litigation_officer", "Chargé de précontentieux / contentieux", "Arrears and litigation officer",
     "tenancy", False),
    ("social_adviser", "Conseiller social", "Social adviser", "social", False),
    ("mediator", "Médiateur social", "Social mediator", "social", False),
    ("dsu_officer", "Chargé de DSU", "Community development officer", "social", False),
    ("receptionist", "Chargé d'accueil", "Receptionist", "reception", False),
    ("assistant", "Assistant de gestion", "Management assistant", "reception", False),
    ("reception_assistant", "Chargé d'accueil et d'assistance", "Reception and admin assistant", "reception",
     False),
    ("provider", "Prestataire", "Contractor", "external", False),
]


def test_role_codes_are_those_of_section_2_in_order():
    assert list(catalogue.ROLES) == [code for code, *_ in ROLES] + ["other"]


@pytest.mark.parametrize(("code", "fr", "en", "family", "site_staff"), ROLES)
def test_role_row(code, fr, en, family, site_staff):
    role = catalogue.ROLES[code]
    assert (role.label.fr, role.label.en) == (fr, en)
    assert role.family == family
    assert role.site_staff is site_staff


@pytest.mark.parametrize(("code", "fr", "en", "family", "site_staff"), ROLES)
def test_position_of_a_role_takes_its_family_and_title(code, fr, en, family, site_staff):
    position = Position("p", code)
    assert position.family_code == family
    assert position.is_site_staff is site_staff
    assert position.is_provider is (code == "provider")
    assert position.display_title("fr") == fr
    assert position.display_title("en") == en


def test_only_caretakers_and_building_attendants_are_site_staff():
    assert {"caretaker", "building_worker"} == catalogue.SITE_STAFF_ROLES


@pytest.mark.parametrize("family", [code for code, _, _ in FAMILIES])
def test_other_takes_the_chosen_family_and_free_title(family):
    position = Position("p", "other", title="Chargé de mission", family=family)
    assert position.family_code == family
    assert not position.is_site_staff
    assert position.display_title("fr") == "Chargé de mission"
    assert position.display_title("en") == "Chargé de mission"


def test_vacant_position_has_no_holder():
    assert Position("p", "caretaker").is_vacant
    assert Position("p", "caretaker", holder="").is_vacant
    assert not Position("p", "caretaker", holder="Marie Dupont").is_vacant


# §6 Missions and perimeter models ------------------------------------------------------------------------

MISSIONS = [
    ("demand_allocation", "gestion de la demande et attribution"),
    ("lease", "installation et vie du bail"),
    ("arrears_litigation", "précontentieux / contentieux"),
    ("social_support", "accompagnement social"),
    ("mediation", "médiation"),
    ("site_upkeep", "gestion de site et entretien courant"),
    ("planned_maintenance", "entretien programmé"),
    ("dsu", "développement social urbain"),
]


def test_missions_in_the_tables_column_order():
    assert list(catalogue.MISSIONS) == [code for code, _ in MISSIONS]


@pytest.mark.parametrize(("code", "fr"), MISSIONS)
def test_mission_french_label(code, fr):
    assert catalogue.MISSIONS[code].fr.casefold().startswith(fr)
    assert catalogue.MISSIONS[code].en


PERIMETER_MODELS = [
    (1, "NR C NR NR P C NR NR", "gestion courante"),
    (2, "NR C NR P P C NR P", "gestion courante"),
    (3, "C C NR NR P C NR P", "intermédiaire"),
    (4, "C C P P P C NR P", "intermédiaire"),
    (5, "C C C C C C NR P", "complet"),
    (6, "C C C C C C C C", "complet"),
]


def test_six_perimeter_models():
    assert [m.number for m in catalogue.PERIMETER_MODELS] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(("number", "levels", "group"), PERIMETER_MODELS)
def test_perimeter_model_row(number, levels, group):
    model = next(m for m in catalogue.PERIMETER_MODELS if m.number == number)
    assert tuple(model.levels) == tuple(levels.split())
    assert model.group.fr == group


def test_level_weights():
    assert dict(catalogue.LEVEL_WEIGHT) == {"NR": 0, "P": 1, "C": 2}


CARRIERS = [
    ("social_support", {"social_adviser"}, {"social_adviser"}),
    ("mediation", {"mediator"}, {"mediator"}),
    ("site_upkeep", {"sector_manager", "caretaker", "building_worker", "provider"},
     {"sector_manager", "caretaker", "building_worker", "provider"}),
    ("planned_maintenance", {"technical_officer", "deputy_technical"}, {"technical_officer", "deputy_technical"}),
    ("dsu", {"dsu_officer", "mediator"}, {"dsu_officer", "mediator", "agency_head", "sector_manager"}),
]


def test_mission_carriers_cover_the_non_tenancy_missions():
    assert set(catalogue.MISSION_CARRIERS) == {m for m, _, _ in CARRIERS}
    assert {"demand_allocation", "lease", "arrears_litigation"} == catalogue.TENANCY_MISSIONS


@pytest.mark.parametrize(("mission", "complete", "partial"), CARRIERS)
def test_mission_carriers_row(mission, complete, partial):
    carriers = catalogue.MISSION_CARRIERS[mission]
    assert carriers.for_level("C") == complete
    assert carriers.for_level("P") == partial


# §6b Tenancy activities and job models --------------------------------------------------------------------

ACTIVITIES = [
    ("marketing", "commercialisation", "demand_allocation", False),
    ("allocation", "attribution", "demand_allocation", False),
    ("move_in", "installation", "lease", False),
    ("tenancy_life", "vie du bail", "lease", False),
    ("pre_litigation", "précontentieux", "arrears_litigation", False),
    ("litigation", "contentieux", "arrears_litigation", True),
]


@pytest.mark.parametrize(("code", "fr", "mission", "needs_complete"), ACTIVITIES)
def test_activity_row(code, fr, mission, needs_complete):
    activity = next(a for a in catalogue.ACTIVITIES if a.code == code)
    assert activity.label.fr.casefold() == fr
    assert activity.mission == mission
    assert activity.needs_complete is needs_complete


def test_activities_in_the_tables_column_order():
    assert [a.code for a in catalogue.ACTIVITIES] == [code for code, *_ in ACTIVITIES]


TENANCY_MODELS = {
    1: ("client_officer", "client_officer", "client_officer", "tenant_relations_officer",
        "tenant_relations_officer", "litigation_officer"),
    2: ("allocation_officer", "allocation_officer", "client_officer", "client_officer", "client_officer",
        "litigation_officer"),
    3: ("client_officer", "client_officer", "client_officer", "client_officer", "arrears_litigation_officer",
        "arrears_litigation_officer"),
}


@pytest.mark.parametrize("model", [1, 2, 3])
def test_tenancy_model_row(model):
    roles = catalogue.TENANCY_MODELS[model]
    assert tuple(roles[code] for code, *_ in ACTIVITIES) == TENANCY_MODELS[model]


def test_three_tenancy_models():
    assert sorted(catalogue.TENANCY_MODELS) == [1, 2, 3]


# §5 Site-management models ---------------------------------------------------------------------------------


def test_site_management_codes():
    assert list(catalogue.SITE_MANAGEMENT) == ["internal", "outsourced", "mixed"]


# §7 Territories and presence --------------------------------------------------------------------------------

TERRITORIES = [
    ("rural_diffuse", "Patrimoine diffus en zone rurale",
     [("remote_contact",), ("nomadic_presence",), ("provider_network",), ("relay_points",), ("mobile_agency",)],
     False),
    ("isolated_residences", "Résidences collectives isolées et individuelles",
     [("remote_contact",), ("provider_network",), ("nomadic_presence",), ("on_site_office_hours",),
      ("tenant_relays",)],
     False),
    ("urban_collective", "Résidences collectives en ville",
     [("caretaker_lodges", "grouped_proximity_offices")], True),
    ("large_districts", "Grands quartiers d'habitat social",
     [("antennas", "proximity_offices"), ("neighbourhood_agency",), ("grouped_lodges",)], False),
]


def test_four_territories():
    assert list(catalogue.TERRITORIES) == [code for code, *_ in TERRITORIES]


@pytest.mark.parametrize(("code", "fr", "presence", "sector_manager"), TERRITORIES)
def test_territory_row(code, fr, presence, sector_manager):
    territory = catalogue.TERRITORIES[code]
    assert territory.label.fr == fr
    assert territory.label.en
    assert [tuple(sorted(g)) for g in territory.presence] == [tuple(sorted(g)) for g in presence]
    assert territory.needs_sector_manager is sector_manager


@pytest.mark.parametrize("code", [code for code, *_ in TERRITORIES])
def test_territory_guidance_is_given_in_both_languages(code):
    territory = catalogue.TERRITORIES[code]
    for label in (territory.context, territory.stakes):
        assert label.fr.strip()
        assert label.en.strip()


PRESENCE = [
    ("remote_contact", "connexion à distance"),
    ("nomadic_presence", "présence nomade"),
    ("provider_network", "réseau de prestataires"),
    ("relay_points", "lieux relais"),
    ("mobile_agency", "agence mobile"),
    ("on_site_office_hours", "permanences sur site"),
    ("tenant_relays", "locataires relais"),
    ("caretaker_lodges", "gardiens avec loges"),
    ("grouped_proximity_offices", "bureaux de proximité groupés"),
    ("proximity_offices", "bureaux de proximité"),
    ("antennas", "antennes"),
    ("neighbourhood_agency", "agence au cœur du quartier"),
    ("grouped_lodges", "loges groupées"),
]


def test_presence_codes():
    assert list(catalogue.PRESENCE) == [code for code, _ in PRESENCE]


@pytest.mark.parametrize(("code", "fr"), PRESENCE)
def test_presence_label(code, fr):
    assert catalogue.PRESENCE[code].fr.casefold() == fr
    assert catalogue.PRESENCE[code].en


# §8 Reception --------------------------------------------------------------------------------------------------

RECEPTION = [
    ("appointments", "accueil sur rendez-vous", 19),
    ("office_hours", "permanence d'accueil physique", 29),
    ("building_office_hours", "permanences en pied d'immeuble", 7),
    ("none", "aucun accueil physique", 0),
    ("other", None, 6),
]


def test_reception_codes():
    assert set(catalogue.RECEPTION) == {code for code, _, _ in RECEPTION}


@pytest.mark.parametrize(("code", "fr", "respondents"), RECEPTION)
def test_reception_row_and_survey_figure(code, fr, respondents):
    if fr is not None:
        assert catalogue.RECEPTION[code].fr.casefold() == fr
    assert catalogue.RECEPTION_SURVEY[code] == respondents


def test_reception_survey_is_31_landlords_in_2022():
    assert catalogue.RECEPTION_SURVEY_RESPONDENTS == 31
    assert catalogue.RECEPTION_SURVEY_YEAR == 2022
    assert set(catalogue.RECEPTION_SURVEY) == {code for code, _, _ in RECEPTION}
