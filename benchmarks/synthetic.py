"""Deterministic large organisations for benchmarks: realistic agency shapes, repeated."""

from __future__ import annotations

from types import MappingProxyType

from orgdesigner.model.catalogue import Level
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario, Site

_PERIMETER: MappingProxyType[str, Level] = MappingProxyType({
    "demand_allocation": "C", "lease": "C", "arrears_litigation": "C", "social_support": "C",
    "mediation": "C", "site_upkeep": "C", "planned_maintenance": "NR", "dsu": "P",
})
_TERRITORIES = ("large_districts", "urban_collective", "isolated_residences", "rural_diffuse")


def _agency(index: int, positions: list[Position], links: list[Link], director: str) -> Agency:
    """About 100 positions: head, two deputies, tenancy, social and reception teams, six sectors of
    caretakers, contractors. Every seventh agency overloads a sector so findings are not empty."""
    agency_id = f"a{index:03d}"
    sites = tuple(Site(f"{agency_id}-s{s}", f"Ensemble {index}-{s}", 120 + 37 * ((index + s) % 9), (index + s) % 3 != 0)
                  for s in range(5))
    count = 0

    def add(role: str, manager: str | None, link: str = "line", **fields: object) -> str:
        nonlocal count
        count += 1
        position_id = f"{agency_id}-{count:03d}"
        holder = None if count % 13 == 0 or role == "provider" else f"Agent {index}.{count}"
        positions.append(Position(position_id, role, agency_id, holder=holder, **fields))  # type: ignore[arg-type]
        if manager is not None:
            links.append(Link(manager, position_id, link))  # type: ignore[arg-type]
        return position_id

    head = add("agency_head", None)
    links.append(Link(director, head))
    tenancy = add("deputy_tenancy", head)
    technical = add("deputy_technical", head)
    for _ in range(10):
        add("client_officer", tenancy)
    for _ in range(2):
        add("arrears_litigation_officer", tenancy)
    for role in ("social_adviser", "mediator", "dsu_officer", "receptionist", "receptionist",
                 "receptionist", "assistant", "assistant"):
        add(role, head)
    sectors = [add("sector_manager", technical) for _ in range(6)]
    for _ in range(3):
        add("technical_officer", technical)
    for n in range(66):
        sector = 0 if index % 7 == 0 and n < 20 else n % 6
        role = "building_worker" if n % 11 == 0 else "caretaker"
        add(role, sectors[sector], site=sites[sector % 5].id, fte=1.0 if n % 4 else 0.5)
    add("provider", sectors[0], "contract", title="Multiservices")
    add("provider", sectors[1], "contract", title="Gardiennage", site=sites[1].id, guarding=True)
    return Agency(agency_id, f"Agence {index}", _TERRITORIES[index % 4], 3000, sites, "mixed", _PERIMETER,
                  ("antennas", "neighbourhood_agency"), ("appointments",))


# A head office as landlords have one: a director general over the director of proximity "hq-1" (to
# whom the agency heads report), an assistant each, and a few head-office posts under "hq-1". Each
# entry: id, manager (None: the director general), title, family, holder (None: vacant).
_HEAD_OFFICE = (
    ("hq-0", None, "Direction générale", "management", "Directeur général"),
    ("hq-2", "hq-0", "Assistante de direction générale", "reception", "Assistante DG"),
    ("hq-3", "hq-1", "Assistante de la direction de la proximité", "reception", "Assistante DP"),
    ("hq-4", "hq-1", "Chargée de mission qualité de service", "management", "Chargée de mission"),
    ("hq-5", "hq-1", "Responsable du pôle patrimoine", "technical", "Responsable patrimoine"),
    ("hq-6", "hq-1", "Responsable du pôle gestion locative", "tenancy", "Responsable gestion locative"),
    ("hq-7", "hq-1", "Conseillère sociale référente", "social", None),
)


def synthetic_project(agencies: int, *, head_office: bool = False) -> Project:
    """A project with one scenario of `agencies` agencies of about 100 positions each, plus head office:
    100 * agencies + 1 positions, the agency heads under the director of proximity "hq-1". With
    `head_office`, 100 * agencies + 8: a director general over "hq-1", an assistant each, and four
    head-office staff under "hq-1"."""
    proximity = Position("hq-1", "other", None, "Direction de la proximité", "management", "Directrice")
    positions: list[Position] = []
    links: list[Link] = []
    if head_office:
        for position_id, manager, title, family, holder in _HEAD_OFFICE:
            positions.append(Position(position_id, "other", None, title, family, holder))
            if manager is not None:
                links.append(Link(manager, position_id))
            else:
                positions.append(proximity)
                links.append(Link(position_id, proximity.id))
    else:
        positions.append(proximity)
    built = tuple(_agency(i, positions, links, "hq-1") for i in range(agencies))
    scenario = Scenario("Synthèse", agencies=built, positions=tuple(positions), links=tuple(links))
    return Project(Organisation("Bailleur synthétique", 3000 * agencies), (scenario,))
