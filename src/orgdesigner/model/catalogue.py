"""The reference data of domain.md §2-§8, as data.

Codes are stable identifiers shared with files, the interchange format and rule ids; labels are
what users read. Tables keep the deck's order, which is also the order of every report.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

from orgdesigner.model.labels import Label

# §2 Families -------------------------------------------------------------------------------

FAMILIES: Final = MappingProxyType(
    {
        "management": Label("Management d'agence", "Agency management"),
        "site": Label("Gestion de site", "Site management"),
        "tenancy": Label("Gestion locative", "Tenancy management"),
        "social": Label("Accompagnement et animation sociale", "Social support"),
        "reception": Label("Accueil et assistance", "Reception and assistance"),
        "technical": Label("Gestion technique", "Technical management"),
        "external": Label("Prestataires", "Contractors"),
    }
)


@dataclass(frozen=True, slots=True)
class Role:
    """A role of §2. `family` is None only for `other`, whose family each position chooses."""

    code: str
    label: Label
    family: str | None
    site_staff: bool = False


def _roles(*roles: Role) -> MappingProxyType[str, Role]:
    return MappingProxyType({r.code: r for r in roles})


ROLES: Final = _roles(
    Role("agency_head", Label("Responsable d'agence", "Agency manager"), "management"),
    Role("deputy_technical", Label("Adjoint technique", "Deputy manager, technical"), "management"),
    Role("deputy_tenancy", Label("Adjoint gestion locative", "Deputy manager, tenancy"), "management"),
    Role("deputy_general", Label("Adjoint au responsable d'agence", "Deputy manager"), "management"),
    Role(
        "sector_manager",
        Label("Responsable de secteur (manager de proximité)", "Sector manager"),
        "site",
    ),
    Role("caretaker", Label("Gardien", "Caretaker"), "site", site_staff=True),
    Role("building_worker", Label("Employé d'immeuble", "Building attendant"), "site", site_staff=True),
    Role("technical_officer", Label("Technicien patrimoine", "Property technician"), "technical"),
    Role("client_officer", Label("Chargé de clientèle", "Customer officer"), "tenancy"),
    Role("allocation_officer", Label("Chargé d'attribution", "Allocation officer"), "tenancy"),
    Role(
        "tenant_relations_officer",
        Label("Chargé de relation locataire", "Tenant relations officer"),
        "tenancy",
    ),
    Role("arrears_officer", Label("Chargé de précontentieux", "Arrears officer"), "tenancy"),
    Role("litigation_officer", Label("Chargé de contentieux", "Litigation officer"), "tenancy"),
    Role(
        "arrears_litigation_officer",
        Label("Chargé de précontentieux / contentieux", "Arrears and litigation officer"),
        "tenancy",
    ),
    Role("social_adviser", Label("Conseiller social", "Social adviser"), "social"),
    Role("mediator", Label("Médiateur social", "Social mediator"), "social"),
    Role("dsu_officer", Label("Chargé de DSU", "Community development officer"), "social"),
    Role("receptionist", Label("Chargé d'accueil", "Receptionist"), "reception"),
    Role("assistant", Label("Assistant de gestion", "Management assistant"), "reception"),
    Role(
        "reception_assistant",
        Label("Chargé d'accueil et d'assistance", "Reception and admin assistant"),
        "reception",
    ),
    Role("provider", Label("Prestataire", "Contractor"), "external"),
    Role("other", Label("Autre poste", "Other position"), None),
)

HEAD_ROLE: Final = "agency_head"
PROVIDER_ROLE: Final = "provider"
OTHER_ROLE: Final = "other"
SECTOR_MANAGER_ROLE: Final = "sector_manager"
DEPUTY_ROLES: Final = frozenset({"deputy_technical", "deputy_tenancy", "deputy_general"})
SITE_STAFF_ROLES: Final = frozenset(code for code, role in ROLES.items() if role.site_staff)
TENANCY_ROLES: Final = tuple(code for code, role in ROLES.items() if role.family == "tenancy")

# §5 Site-management models -----------------------------------------------------------------

SITE_MANAGEMENT: Final = MappingProxyType(
    {
        "internal": Label("Régie : gardiens et employés d'immeuble (1er grand modèle)",
                          "In-house caretakers and attendants (first model)"),
        "outsourced": Label("Externalisé : prestataires pilotés (2ème grand modèle)",
                            "Outsourced to contractors (second model)"),
        "mixed": Label("Mixte", "Mixed"),
    }
)

# §6 Missions and perimeter models ----------------------------------------------------------

Level = Literal["C", "P", "NR"]
LEVELS: Final[tuple[Level, ...]] = ("C", "P", "NR")
LEVEL_WEIGHT: Final = MappingProxyType({"NR": 0, "P": 1, "C": 2})
LEVEL_LABELS: Final = MappingProxyType(
    {
        "C": Label("responsabilité complète", "complete responsibility"),
        "P": Label("responsabilité partielle", "partial responsibility"),
        "NR": Label("non responsable", "not responsible"),
    }
)

MISSIONS: Final = MappingProxyType(
    {
        "demand_allocation": Label("Gestion de la demande et attribution", "Demand and allocation"),
        "lease": Label("Installation et vie du bail", "Move-in and tenancy life"),
        "arrears_litigation": Label("Précontentieux / contentieux", "Arrears and litigation"),
        "social_support": Label("Accompagnement social", "Social support"),
        "mediation": Label("Médiation", "Mediation"),
        "site_upkeep": Label("Gestion de site et entretien courant", "Site management and upkeep"),
        "planned_maintenance": Label("Entretien programmé", "Planned maintenance"),
        "dsu": Label("Développement social urbain (DSU)", "Community development (DSU)"),
    }
)
MISSION_CODES: Final = tuple(MISSIONS)
TENANCY_MISSIONS: Final = frozenset({"demand_allocation", "lease", "arrears_litigation"})


@dataclass(frozen=True, slots=True)
class PerimeterModel:
    number: int
    levels: tuple[Level, ...]
    group: Label


_COURANTE = Label("gestion courante", "day-to-day management")
_INTERMEDIAIRE = Label("intermédiaire", "intermediate")
_COMPLET = Label("complet", "complete")

PERIMETER_MODELS: Final = (
    PerimeterModel(1, ("NR", "C", "NR", "NR", "P", "C", "NR", "NR"), _COURANTE),
    PerimeterModel(2, ("NR", "C", "NR", "P", "P", "C", "NR", "P"), _COURANTE),
    PerimeterModel(3, ("C", "C", "NR", "NR", "P", "C", "NR", "P"), _INTERMEDIAIRE),
    PerimeterModel(4, ("C", "C", "P", "P", "P", "C", "NR", "P"), _INTERMEDIAIRE),
    PerimeterModel(5, ("C", "C", "C", "C", "C", "C", "NR", "P"), _COMPLET),
    PerimeterModel(6, ("C", "C", "C", "C", "C", "C", "C", "C"), _COMPLET),
)


@dataclass(frozen=True, slots=True)
class MissionCarriers:
    """Roles able to carry a non-tenancy mission at complete (C) or partial (P) responsibility."""

    complete: frozenset[str]
    partial: frozenset[str]

    def for_level(self, level: Level) -> frozenset[str]:
        return self.complete if level == "C" else self.partial


_SITE_UPKEEP = frozenset({"sector_manager", "caretaker", "building_worker", "provider"})
_MAINTENANCE = frozenset({"technical_officer", "deputy_technical"})

MISSION_CARRIERS: Final = MappingProxyType(
    {
        "social_support": MissionCarriers(frozenset({"social_adviser"}), frozenset({"social_adviser"})),
        "mediation": MissionCarriers(frozenset({"mediator"}), frozenset({"mediator"})),
        "site_upkeep": MissionCarriers(_SITE_UPKEEP, _SITE_UPKEEP),
        "planned_maintenance": MissionCarriers(_MAINTENANCE, _MAINTENANCE),
        "dsu": MissionCarriers(
            frozenset({"dsu_officer", "mediator"}),
            frozenset({"dsu_officer", "mediator", "agency_head", "sector_manager"}),
        ),
    }
)

# Roles that have no business in an agency that does not hold the mission (perimeter.role-outside-perimeter).
ROLE_NEEDS_MISSION: Final = MappingProxyType(
    {
        "allocation_officer": "demand_allocation",
        "arrears_officer": "arrears_litigation",
        "litigation_officer": "arrears_litigation",
        "arrears_litigation_officer": "arrears_litigation",
        "social_adviser": "social_support",
        "mediator": "mediation",
        "dsu_officer": "dsu",
    }
)

# §6b Tenancy activities and job models ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Activity:
    code: str
    label: Label
    mission: str
    needs_complete: bool = False


ACTIVITIES: Final = (
    Activity("marketing", Label("Commercialisation", "Marketing"), "demand_allocation"),
    Activity("allocation", Label("Attribution", "Allocation"), "demand_allocation"),
    Activity("move_in", Label("Installation", "Move-in"), "lease"),
    Activity("tenancy_life", Label("Vie du bail", "Tenancy life"), "lease"),
    Activity("pre_litigation", Label("Précontentieux", "Pre-litigation"), "arrears_litigation"),
    Activity("litigation", Label("Contentieux", "Litigation"), "arrears_litigation", needs_complete=True),
)
ACTIVITY_CODES: Final = tuple(a.code for a in ACTIVITIES)

TENANCY_MODELS: Final = MappingProxyType(
    {
        1: MappingProxyType(dict(zip(ACTIVITY_CODES, (
            "client_officer", "client_officer", "client_officer",
            "tenant_relations_officer", "tenant_relations_officer", "litigation_officer"), strict=True))),
        2: MappingProxyType(dict(zip(ACTIVITY_CODES, (
            "allocation_officer", "allocation_officer", "client_officer",
            "client_officer", "client_officer", "litigation_officer"), strict=True))),
        3: MappingProxyType(dict(zip(ACTIVITY_CODES, (
            "client_officer", "client_officer", "client_officer",
            "client_officer", "arrears_litigation_officer", "arrears_litigation_officer"), strict=True))),
    }
)

# Carriers of an activity beyond the models' own roles (domain.md §9, tenancy.uncovered-activity).
EXTRA_ACTIVITY_CARRIERS: Final = MappingProxyType({"pre_litigation": frozenset({"arrears_officer"})})

# §7 Territories and presence -----------------------------------------------------------------

PRESENCE: Final = MappingProxyType(
    {
        "remote_contact": Label("Connexion à distance", "Remote contact"),
        "nomadic_presence": Label("Présence nomade", "Nomadic presence"),
        "provider_network": Label("Réseau de prestataires", "Network of contractors"),
        "relay_points": Label("Lieux relais", "Relay points"),
        "mobile_agency": Label("Agence mobile", "Mobile agency"),
        "on_site_office_hours": Label("Permanences sur site", "On-site office hours"),
        "tenant_relays": Label("Locataires relais", "Tenant relays"),
        "caretaker_lodges": Label("Gardiens avec loges", "Caretakers with lodges"),
        "grouped_proximity_offices": Label("Bureaux de proximité groupés", "Grouped proximity offices"),
        "proximity_offices": Label("Bureaux de proximité", "Proximity offices"),
        "antennas": Label("Antennes", "Antennas"),
        "neighbourhood_agency": Label("Agence au cœur du quartier", "Agency in the heart of the district"),
        "grouped_lodges": Label("Loges groupées", "Grouped lodges"),
    }
)


@dataclass(frozen=True, slots=True)
class Territory:
    """A territory type, with the deck's guidance. Each entry of `presence` is a group of
    alternatives: the recommendation is met when any code of the group is declared."""

    code: str
    label: Label
    presence: tuple[tuple[str, ...], ...]
    needs_sector_manager: bool
    context: Label
    stakes: Label
    proximity: Label


TERRITORIES: Final = MappingProxyType(
    {
        t.code: t
        for t in (
            Territory(
                "rural_diffuse",
                Label("Patrimoine diffus en zone rurale", "Scattered housing in rural areas"),
                (("remote_contact",), ("nomadic_presence",), ("provider_network",), ("relay_points",),
                 ("mobile_agency",)),
                False,
                Label(
                    "Une implantation diffuse avec des contacts irréguliers. Un patrimoine dans des "
                    "secteurs plus ou moins attractifs. Des locataires exigeants et relativement "
                    "autonomes dans leur logement. Des situations d'isolement et de fragilités "
                    "difficilement détectables.",
                    "Scattered estates with irregular contact. Housing in more or less attractive "
                    "areas. Demanding tenants, fairly independent in their homes. Isolation and "
                    "frailty that are hard to detect.",
                ),
                Label(
                    "Développer des approches commerciales actives. Assurer une représentation auprès "
                    "des élus dans le cas d'enjeux de développement. Mieux repérer et identifier les "
                    "situations les plus fragiles (aller vers). Assurer une gestion de qualité sur les "
                    "fondamentaux métiers et maintenir l'attractivité du patrimoine.",
                    "Develop active marketing. Represent the landlord to elected officials where "
                    "development is at stake. Better detect the most fragile situations (outreach). "
                    "Deliver the basics well and keep the housing attractive.",
                ),
                Label(
                    "Concilier connexion à distance, présence nomade et réseau de prestataires "
                    "permettant de mailler le territoire. Rechercher des lieux relais (réduire les "
                    "temps de déplacement). Développer des formes de présence mobiles (agences mobiles).",
                    "Combine remote contact, nomadic presence and a network of contractors covering "
                    "the territory. Look for relay points (less travel time). Develop mobile forms of "
                    "presence (mobile agencies).",
                ),
            ),
            Territory(
                "isolated_residences",
                Label("Résidences collectives isolées et individuelles",
                      "Isolated collective residences and houses"),
                (("remote_contact",), ("provider_network",), ("nomadic_presence",),
                 ("on_site_office_hours",), ("tenant_relays",)),
                False,
                Label(
                    "Des problématiques de gestion parfois émergentes (voisinage, précarité...). Un "
                    "patrimoine parfois mal inséré dans le tissu local et déqualifié, avec perte "
                    "d'attractivité. Une implantation diffuse sur des communes disposant de peu de "
                    "compétences mobilisables en cas de tensions.",
                    "Emerging management issues (neighbourhood, poverty...). Housing sometimes poorly "
                    "integrated in its surroundings, run-down and losing appeal. Scattered over "
                    "communes with few resources to call on when tensions arise.",
                ),
                Label(
                    "Assurer une veille régulière sur le patrimoine et développer des approches sociales "
                    "et commerciales adaptées (vacance). Construire des partenariats (faire exister les "
                    "sites dans la vie locale). Assurer une gestion de qualité sur les fondamentaux "
                    "métiers.",
                    "Keep a regular watch on the housing and adapt social and marketing approaches "
                    "(vacancy). Build partnerships (make the estates part of local life). Deliver the "
                    "basics well.",
                ),
                Label(
                    "Concilier connexion à distance, réseau de prestataires et présence nomade adaptée "
                    "sur site : gestion technique vigilante et réactive, permanences, veille renforcée. "
                    "S'appuyer sur des locataires comme relais pour la gestion.",
                    "Combine remote contact, a network of contractors and suitable nomadic presence "
                    "on site: watchful, responsive technical management, office hours, closer watch. "
                    "Rely on tenants as relays.",
                ),
            ),
            Territory(
                "urban_collective",
                Label("Résidences collectives en ville", "Collective residences in town"),
                (("caretaker_lodges", "grouped_proximity_offices"),),
                True,
                Label(
                    "Des parcs souvent attractifs avec de faibles rotations. Une ancienneté "
                    "d'occupation et une population vieillissante.",
                    "Often attractive housing with low turnover. Long-standing, ageing tenants.",
                ),
                Label(
                    "Assurer une gestion de qualité sur les fondamentaux métiers et maintenir "
                    "l'attractivité du patrimoine. Assurer une veille régulière sur le patrimoine et sur "
                    "l'occupation sociale.",
                    "Deliver the basics well and keep the housing attractive. Keep a regular watch on "
                    "the housing and on its occupants.",
                ),
                Label(
                    "Présence de gardiens polyvalents sur le patrimoine (avec loges) ou bureaux de "
                    "proximité groupés. Veille et management assurés par un responsable de secteur.",
                    "Versatile caretakers on the estates (with lodges) or grouped proximity offices. "
                    "Watch and management by a sector manager.",
                ),
            ),
            Territory(
                "large_districts",
                Label("Grands quartiers d'habitat social", "Large social-housing districts"),
                (("antennas", "proximity_offices"), ("neighbourhood_agency",), ("grouped_lodges",)),
                False,
                Label(
                    "Des problématiques sociales et urbaines, avec des tensions dans la vie collective. "
                    "Des villes souvent plus structurées. Un réseau d'acteurs important et mobilisé sur "
                    "la politique de la ville.",
                    "Social and urban problems, with tensions in community life. Often better "
                    "organised cities. A large network of partners engaged in urban policy.",
                ),
                Label(
                    "Développer avec les partenaires une gestion urbaine et sociale adaptée. Accompagner "
                    "le renouvellement urbain et patrimonial. Mobiliser les compétences expertes des "
                    "services. Conserver des équipes soudées et mobilisées.",
                    "Develop suitable urban and social management with partners. Support urban and "
                    "housing renewal. Draw on the expert skills of head office. Keep teams close-knit "
                    "and committed.",
                ),
                Label(
                    "Une gestion renforcée sur site par une présence soutenue sur le terrain. Dispositif "
                    "d'antennes, de bureaux de proximité. Agences au cœur du quartier avec lieux relais "
                    "(bureaux de proximité, antennes, loges groupées).",
                    "Reinforced on-site management through a strong presence in the field. Antennas, "
                    "proximity offices. Agencies in the heart of the district with relay points "
                    "(proximity offices, antennas, grouped lodges).",
                ),
            ),
        )
    }
)

# §8 Reception ----------------------------------------------------------------------------------

RECEPTION: Final = MappingProxyType(
    {
        "appointments": Label("Accueil sur rendez-vous", "By appointment"),
        "office_hours": Label("Permanence d'accueil physique", "Walk-in office hours"),
        "building_office_hours": Label("Permanences en pied d'immeuble", "Office hours at the buildings"),
        "none": Label("Aucun accueil physique", "No walk-in reception"),
        "other": Label("Autre", "Other"),
    }
)
RECEPTION_SURVEY_RESPONDENTS: Final = 31
RECEPTION_SURVEY_YEAR: Final = 2022
RECEPTION_SURVEY: Final = MappingProxyType(
    {"appointments": 19, "office_hours": 29, "none": 0, "building_office_hours": 7, "other": 6}
)

# Links ------------------------------------------------------------------------------------------

LINK_TYPES: Final = MappingProxyType(
    {
        "line": Label("Lien hiérarchique", "Hierarchical line"),
        "dotted": Label("Lien fonctionnel", "Functional (dotted) line"),
        "contract": Label("Pilotage de prestataire", "Contract piloting"),
    }
)


# A position's fields as an edit or a comparison names them (the interchange JSON's keys).
POSITION_FIELD_LABELS: Final = MappingProxyType({
    "role": Label("rôle", "role"),
    "agency": Label("agence", "agency"),
    "title": Label("intitulé", "title"),
    "family": Label("famille", "family"),
    "holder": Label("titulaire", "holder"),
    "fte": Label("ETP", "FTE"),
    "site": Label("site", "site"),
    "notes": Label("notes", "notes"),
    "guarding": Label("gardiennage", "guarding"),
})

# An agency's fields and the kinds of link, as an edit or a comparison names them.
AGENCY_FIELD_LABELS: Final = MappingProxyType({
    "name": Label("nom", "name"),
    "territory": Label("territoire", "territory"),
    "dwellings": Label("logements", "dwellings"),
    "sites": Label("sites", "sites"),
    "site_management": Label("gestion de site", "site management"),
    "perimeter": Label("périmètre", "perimeter"),
    "presence": Label("présence", "presence"),
    "reception": Label("accueil", "reception"),
})
LINK_LABELS: Final = MappingProxyType({
    "line": Label("lien hiérarchique", "line link"),
    "dotted": Label("lien fonctionnel", "dotted-line link"),
    "contract": Label("lien de contrat", "contract link"),
})
