"""The bundled demonstration project: "Habitat Exemple", a landlord of five agencies.

It is built by code rather than shipped as a file so that it always matches the current model.
Some agencies conform to the reference models; others carry the departures a consultant would
meet in a real diagnosis, so that every kind of finding has something true to say:

- Agence Nord (large districts, model 3): an overloaded sector manager (16 site staff) and a
  guarding shortfall on La Roseraie (310 dwellings, 2 FTE of caretakers).
- Agence Centre-Ville (town, 22 people): no deputy, everyone reporting to the head.
- Agence de la Vallée (isolated residences, outsourced) and Agence Est (town, model 2): conform.
- Agence des Coteaux (rural, mixed): a contractor nobody pilots, a form of presence missing.

"Cible 2027" answers those departures; comparing it to "Existant 2026" is the demo's story.
"""

from __future__ import annotations

import dataclasses
import itertools
from types import MappingProxyType
from typing import Final

from orgdesigner.model.catalogue import Level
from orgdesigner.model.entities import Agency, Link, LinkType, Organisation, Position, Project, Scenario, Site

_FIRST: Final = (
    "Marie", "Karim", "Sophie", "Julien", "Nadia", "Thomas", "Isabelle", "Mehdi", "Claire", "Antoine",
    "Fatima", "Nicolas", "Céline", "Rachid", "Aurélie", "François", "Leïla", "Pierre", "Élodie", "Yannick",
    "Samira", "Olivier", "Hélène", "Bruno", "Chloé", "Mamadou", "Anne", "Sébastien", "Inès", "Grégoire",
    "Valérie", "Hugo", "Awa", "Laurent", "Manon", "Cédric", "Nathalie", "Loïc", "Zoé", "Patrice",
)
_LAST: Final = (
    "Dupont", "Benali", "Martin", "Lefèvre", "Haddad", "Moreau", "Garcia", "Bernard", "Diallo", "Petit",
    "Roux", "Mercier", "Nguyen", "Fontaine", "Chevalier", "Boyer", "Lambert", "Bonnet", "François", "Girard",
    "Traoré", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Perrin", "Morel", "Mathieu", "Clément",
    "Gauthier", "Robin", "Masson", "Sanchez", "Faure", "Lemoine", "Renaud", "Brun", "Caron", "Meunier",
)


class _Builder:
    """Adds positions and their lines with readable calls; holders are drawn from fixed lists so
    the demo is byte-for-byte the same on every run."""

    def __init__(self) -> None:
        self.positions: list[Position] = []
        self.links: list[Link] = []
        # Stepping through the surnames by 7 (prime to 40) pairs every first name with every surname
        # once before any pair repeats, without a run of one family name.
        self._names = (f"{_FIRST[i % 40]} {_LAST[(7 * i + i // 40) % 40]}" for i in itertools.count())
        self._count: dict[str | None, int] = {}

    def add(self, agency: str | None, role: str, manager: str | None = None, *, title: str | None = None,
            family: str | None = None, site: str | None = None, fte: float = 1.0, vacant: bool = False,
            guarding: bool = False, link: LinkType = "line", notes: str | None = None) -> str:
        number = self._count.get(agency, 0) + 1
        self._count[agency] = number
        position_id = f"{agency or 'siege'}-{number:02d}"
        holder = None if vacant or role == "provider" else next(self._names)
        self.positions.append(Position(position_id, role, agency, title, family, holder, fte, site, notes,
                                       guarding))
        if manager is not None:
            self.links.append(Link(manager, position_id, link))
        return position_id

    def team(self, agency: str, role: str, manager: str, count: int, **kwargs: object) -> list[str]:
        return [self.add(agency, role, manager, **kwargs) for _ in range(count)]  # type: ignore[arg-type]

    def site_staff(self, agency: str, manager: str, site: str, caretakers: int, attendants: int = 0,
                   fte: float = 1.0) -> list[str]:
        ids = [self.add(agency, "caretaker", manager, site=site, fte=fte) for _ in range(caretakers)]
        ids += [self.add(agency, "building_worker", manager, site=site) for _ in range(attendants)]
        return ids


def _perimeter(*levels: Level) -> MappingProxyType[str, Level]:
    missions = ("demand_allocation", "lease", "arrears_litigation", "social_support", "mediation",
                "site_upkeep", "planned_maintenance", "dsu")
    return MappingProxyType(dict(zip(missions, levels, strict=True)))


AGENCIES: Final = (
    Agency(
        "nord", "Agence Nord", "large_districts", 4200,
        (Site("tilleuls", "Les Tilleuls", 420, True), Site("val-fleuri", "Le Val Fleuri", 380, True),
         Site("erables", "Les Érables", 260, True), Site("roseraie", "La Roseraie", 310, True),
         Site("parc", "Résidence du Parc", 180, True), Site("hauts", "Les Hauts de Nord", 90, True)),
        "internal", _perimeter("C", "C", "C", "C", "C", "C", "NR", "P"),
        ("antennas", "neighbourhood_agency", "grouped_lodges"),
        ("appointments", "office_hours", "building_office_hours"),
    ),
    Agency(
        "centre", "Agence Centre-Ville", "urban_collective", 2600,
        (Site("republique", "Résidence République", 240, True), Site("gare", "Quartier de la Gare", 310, True),
         Site("remparts", "Les Remparts", 150, False), Site("halles", "Îlot des Halles", 210, True)),
        "internal", _perimeter("C", "C", "C", "P", "P", "C", "NR", "P"),
        ("caretaker_lodges",), ("office_hours",),
    ),
    Agency(
        "vallee", "Agence de la Vallée", "isolated_residences", 1400,
        (Site("moulins", "Les Moulins", 120, True), Site("sources", "Les Sources", 64, False)),
        "outsourced", _perimeter("NR", "C", "NR", "NR", "P", "C", "NR", "NR"),
        ("remote_contact", "provider_network", "nomadic_presence", "on_site_office_hours", "tenant_relays"),
        ("appointments",),
    ),
    Agency(
        "coteaux", "Agence des Coteaux", "rural_diffuse", 1100,
        (Site("clos", "Le Clos des Vignes", 104, False), Site("moulin", "Résidence du Moulin", 60, False)),
        "mixed", _perimeter("C", "C", "NR", "NR", "P", "C", "NR", "P"),
        ("remote_contact", "nomadic_presence", "provider_network", "relay_points"),
        ("appointments", "other"),
    ),
    Agency(
        "est", "Agence Est", "urban_collective", 2300,
        (Site("lilas", "Les Lilas", 230, True), Site("bellevue", "Bellevue", 280, True),
         Site("marronniers", "Les Marronniers", 190, True)),
        "internal", _perimeter("C", "C", "P", "P", "P", "C", "NR", "P"),
        ("grouped_proximity_offices",), ("appointments", "office_hours"),
    ),
)


def _existing() -> tuple[Scenario, dict[str, str]]:
    """Existant 2026, and the ids the target scenario changes."""
    b = _Builder()
    director = b.add(None, "other", title="Directeur de la proximité", family="management")
    b.add(None, "other", director, title="Chargée de mission qualité de service", family="management")
    b.add(None, "other", director, title="Responsable du pôle social", family="social")
    b.add(None, "other", director, title="Responsable patrimoine et maintenance", family="technical")

    # Nord: model 3, 32 people; one sector manager with 16 site staff; La Roseraie short of guarding.
    head = b.add("nord", "agency_head", director)
    tenancy = b.add("nord", "deputy_tenancy", head)
    technical = b.add("nord", "deputy_technical", head)
    b.team("nord", "client_officer", tenancy, 7)
    b.add("nord", "client_officer", tenancy, vacant=True)
    b.team("nord", "arrears_litigation_officer", tenancy, 2)
    b.add("nord", "assistant", tenancy)
    b.team("nord", "social_adviser", head, 2)
    b.team("nord", "mediator", head, 2)
    b.add("nord", "dsu_officer", head)
    b.team("nord", "receptionist", head, 3)
    b.add("nord", "reception_assistant", head)
    b.add("nord", "assistant", head)
    sectors = b.team("nord", "sector_manager", technical, 4)
    b.team("nord", "technical_officer", technical, 3)
    b.add("nord", "technical_officer", technical, vacant=True)
    b.add("nord", "assistant", technical)
    b.site_staff("nord", sectors[0], "tilleuls", 4)
    b.site_staff("nord", sectors[0], "val-fleuri", 3, 1)
    b.site_staff("nord", sectors[1], "erables", 3)
    b.site_staff("nord", sectors[1], "roseraie", 2)
    b.site_staff("nord", sectors[1], "hauts", 1)
    overloaded = sectors[2]
    b.site_staff("nord", overloaded, "parc", 2, 2)
    b.team("nord", "caretaker", overloaded, 6)
    b.team("nord", "building_worker", overloaded, 6)
    b.site_staff("nord", sectors[3], "val-fleuri", 0, 3)
    b.team("nord", "building_worker", sectors[3], 3)
    b.add("nord", "provider", technical, title="Multiservices Nord", link="contract")

    # Centre-Ville: 22 people, no deputy: the head manages everyone but the caretakers.
    head_c = b.add("centre", "agency_head", director)
    b.team("centre", "client_officer", head_c, 6)
    b.team("centre", "tenant_relations_officer", head_c, 2)
    b.add("centre", "litigation_officer", head_c)
    b.add("centre", "social_adviser", head_c)
    b.add("centre", "mediator", head_c)
    b.team("centre", "receptionist", head_c, 2)
    b.add("centre", "reception_assistant", head_c)
    b.team("centre", "assistant", head_c, 2)
    sectors_c = b.team("centre", "sector_manager", head_c, 3)
    b.add("centre", "technical_officer", head_c)
    vacant_technician = b.add("centre", "technical_officer", head_c, vacant=True)
    b.site_staff("centre", sectors_c[0], "republique", 3)
    b.site_staff("centre", sectors_c[0], "remparts", 2, 2)
    b.site_staff("centre", sectors_c[1], "gare", 3, 1)
    b.site_staff("centre", sectors_c[1], "remparts", 0, 2)
    b.site_staff("centre", sectors_c[2], "halles", 2, 1)
    b.team("centre", "building_worker", sectors_c[2], 4)

    # La Vallée: 10 people, model 1, site upkeep outsourced and piloted by two sector managers.
    head_v = b.add("vallee", "agency_head", director)
    b.team("vallee", "client_officer", head_v, 3)
    b.add("vallee", "mediator", head_v)
    b.add("vallee", "receptionist", head_v)
    b.add("vallee", "assistant", head_v)
    sectors_v = b.team("vallee", "sector_manager", head_v, 2)
    b.add("vallee", "technical_officer", head_v)
    b.site_staff("vallee", sectors_v[0], "moulins", 0, 2)
    b.site_staff("vallee", sectors_v[1], "sources", 0, 2)
    b.add("vallee", "provider", sectors_v[0], title="Gardiennage Vallée Services", site="moulins",
          guarding=True, link="contract")
    b.add("vallee", "provider", sectors_v[0], title="Propreté Dupont & Fils", link="contract")
    b.add("vallee", "provider", sectors_v[1], title="Espaces verts du Val", link="contract")

    # Les Coteaux: 12 people, model 1, mixed site management; one contractor piloted by nobody.
    head_k = b.add("coteaux", "agency_head", director)
    b.team("coteaux", "client_officer", head_k, 4)
    b.add("coteaux", "mediator", head_k)
    part_time_reception = b.add("coteaux", "receptionist", head_k, fte=0.8)
    b.add("coteaux", "reception_assistant", head_k)
    b.add("coteaux", "assistant", head_k, fte=0.5)
    sectors_k = b.team("coteaux", "sector_manager", head_k, 2)
    b.add("coteaux", "technical_officer", head_k)
    b.site_staff("coteaux", sectors_k[0], "clos", 2)
    b.site_staff("coteaux", sectors_k[1], "moulin", 1, 1, fte=0.5)
    b.add("coteaux", "provider", sectors_k[0], title="Nettoyage Rural Plus", link="contract")
    unpiloted = b.add("coteaux", "provider", title="Entretien des espaces verts")

    # Est: 18 people, model 2 with a technical deputy; conform.
    head_e = b.add("est", "agency_head", director)
    deputy_e = b.add("est", "deputy_technical", head_e)
    b.team("est", "client_officer", head_e, 4)
    b.team("est", "allocation_officer", head_e, 2)
    b.add("est", "social_adviser", head_e)
    b.add("est", "mediator", head_e)
    b.team("est", "receptionist", head_e, 2)
    b.add("est", "assistant", head_e)
    sectors_e = b.team("est", "sector_manager", deputy_e, 3)
    b.team("est", "technical_officer", deputy_e, 2)
    b.site_staff("est", sectors_e[0], "lilas", 3)
    b.site_staff("est", sectors_e[1], "bellevue", 3)
    b.site_staff("est", sectors_e[2], "marronniers", 2)
    b.team("est", "building_worker", sectors_e[2], 3)
    b.team("est", "building_worker", sectors_e[1], 2)
    b.team("est", "building_worker", sectors_e[0], 2)

    scenario = Scenario(
        "Existant 2026", "Organisation en place au 1er janvier 2026.",
        agencies=AGENCIES, positions=tuple(b.positions), links=tuple(b.links),
    )
    changed = {"centre_head": head_c, "nord_overloaded": overloaded, "nord_technical": technical,
               "nord_roseraie_manager": sectors[1], "coteaux_pilot": sectors_k[0], "coteaux_unpiloted": unpiloted,
               "centre_vacant_technician": vacant_technician, "coteaux_reception": part_time_reception}
    return scenario, changed


def _target(existing: Scenario, ids: dict[str, str]) -> Scenario:
    """Cible 2027: a technical deputy and a tenancy team leader in Centre-Ville (its vacant technician post
    given up for them), a fifth sector in Nord, La Roseraie's guarding made whole, the Coteaux green-space
    contract piloted and its reception full time."""
    dropped = ids["centre_vacant_technician"]
    positions = [dataclasses.replace(p, fte=1.0) if p.id == ids["coteaux_reception"] else p
                 for p in existing.positions if p.id != dropped]
    links = [link for link in existing.links if dropped not in (link.source, link.target)]

    def new(position: Position, manager: str, link: LinkType = "line") -> str:
        positions.append(position)
        links.append(Link(manager, position.id, link))
        return position.id

    def reparent(position_id: str, manager: str) -> None:
        links[:] = [link for link in links if not (link.type == "line" and link.target == position_id)]
        links.append(Link(manager, position_id, "line"))

    deputy = new(Position("centre-50", "deputy_technical", "centre", holder=None,
                          notes="Poste à créer : recrutement au 1er semestre 2027."), ids["centre_head"])
    team_leader = new(Position("centre-51", "other", "centre", title="Responsable d'équipe gestion locative",
                               family="tenancy", notes="Promotion interne envisagée."), ids["centre_head"])
    for p in positions:
        if p.agency == "centre" and p.role in ("sector_manager", "technical_officer"):
            reparent(p.id, deputy)
        elif p.agency == "centre" and p.family_code == "tenancy" and p.id != team_leader:
            reparent(p.id, team_leader)

    sector = new(Position("nord-80", "sector_manager", "nord", notes="Nouveau secteur : Parc et Hauts."),
                 ids["nord_technical"])
    team = [link.target for link in links if link.type == "line" and link.source == ids["nord_overloaded"]]
    for position_id in team[:8]:
        reparent(position_id, sector)
    new(Position("nord-81", "caretaker", "nord", site="roseraie", notes="Renfort gardiennage La Roseraie."),
        ids["nord_roseraie_manager"])
    links.append(Link(ids["coteaux_pilot"], ids["coteaux_unpiloted"], "contract"))
    return dataclasses.replace(
        existing, name="Cible 2027",
        description="Adjoint technique et responsable d'équipe gestion locative à Centre-Ville (le poste "
                    "vacant de technicien est supprimé), cinquième secteur à Nord, gardiennage de La Roseraie "
                    "complété, contrat d'espaces verts des Coteaux piloté, accueil des Coteaux à temps plein.",
        positions=tuple(positions), links=tuple(links),
    )


def demo_project() -> Project:
    existing, ids = _existing()
    return Project(Organisation("Habitat Exemple", 11600), (existing, _target(existing, ids)))
