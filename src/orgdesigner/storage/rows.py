"""A Project as table rows and back.

Saving assigns the surrogate keys itself, in the model's order, so that links can name their
positions' keys without reading anything back: the whole project goes in as a few bulk inserts.
Loading selects plain rows, never ORM objects, and builds the immutable entities directly.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Any, cast

from sqlalchemy import Connection, select

from orgdesigner.model.catalogue import Level
from orgdesigner.model.entities import Agency, Link, LinkType, Organisation, Position, Project, Scenario, Site
from orgdesigner.storage.base import Base
from orgdesigner.storage.schema import AgencyRow, LinkRow, OrganisationRow, PositionRow, ScenarioRow, SiteRow

Rows = list[dict[str, Any]]


class UnsavableProject(ValueError):
    """A project that breaks an invariant of the file (a repeated id or name, a dangling link)."""


class DamagedProject(ValueError):
    """Rows that no save of ours produces."""


def project_rows(project: Project) -> Iterator[tuple[type[Base], Rows]]:
    """Each table's rows, parents before children, as `insert(table)` takes them."""
    organisation = project.organisation
    yield OrganisationRow, [{"id": 1, "name": organisation.name, "dwellings": organisation.dwellings}]
    _unique((s.name for s in project.scenarios), "two scenarios are named")
    tables: dict[type[Base], Rows] = {AgencyRow: [], SiteRow: [], PositionRow: [], LinkRow: []}
    scenarios: Rows = []
    for ordinal, scenario in enumerate(project.scenarios):
        key = ordinal + 1
        scenarios.append({"id": key, **scenario_row(scenario, ordinal)})
        _scenario_rows(scenario, key, tables)
    yield ScenarioRow, scenarios
    yield from tables.items()


def scenario_row(scenario: Scenario, ordinal: int) -> dict[str, Any]:
    """The scenario's own row, without its key: a shared repository lets the server choose it."""
    return {"ordinal": ordinal, "name": scenario.name, "description": scenario.description,
            "parameters": _json(dict(scenario.parameters))}


def scenario_rows(scenario: Scenario, scenario_key: int) -> dict[type[Base], Rows]:
    """One scenario's agencies, sites, positions and links, keyed from 1 within each table: a shared
    repository saves a scenario alone, among others' rows, and maps these keys to the server's."""
    tables: dict[type[Base], Rows] = {AgencyRow: [], SiteRow: [], PositionRow: [], LinkRow: []}
    _scenario_rows(scenario, scenario_key, tables)
    return tables


def _scenario_rows(scenario: Scenario, scenario_key: int, tables: dict[type[Base], Rows]) -> None:
    where = f"scenario {scenario.name!r}"
    _unique((a.id for a in scenario.agencies), f"{where} has two agencies with the id")
    _unique((p.id for p in scenario.positions), f"{where} has two positions with the id")
    agencies, sites, positions, links = (tables[t] for t in (AgencyRow, SiteRow, PositionRow, LinkRow))
    for ordinal, agency in enumerate(scenario.agencies):
        agency_key = len(agencies) + 1
        agencies.append(_agency_row(agency, agency_key, scenario_key, ordinal))
        _unique((s.id for s in agency.sites or ()), f"agency {agency.id!r} of {where} has two sites with the id")
        for i, site in enumerate(agency.sites or ()):
            sites.append({"id": len(sites) + 1, "agency_id": agency_key, "ordinal": i, "code": site.id,
                          "name": site.name, "dwellings": site.dwellings, "guarding_zone": site.guarding_zone})
    keys: dict[str, int] = {}
    for ordinal, position in enumerate(scenario.positions):
        keys[position.id] = len(positions) + 1
        positions.append(_position_row(position, keys[position.id], scenario_key, ordinal,
                                       scenario.layout.get(position.id)))
    for ordinal, link in enumerate(scenario.links):
        missing = next((end for end in (link.source, link.target) if end not in keys), None)
        if missing is not None:
            raise UnsavableProject(f"a link of {where} names the position {missing!r}, "
                                   "which the scenario does not hold")
        links.append({"id": len(links) + 1, "scenario_id": scenario_key, "ordinal": ordinal,
                      "source_id": keys[link.source], "target_id": keys[link.target], "type": link.type})


def _agency_row(agency: Agency, key: int, scenario_key: int, ordinal: int) -> dict[str, Any]:
    return {
        "id": key, "scenario_id": scenario_key, "ordinal": ordinal, "code": agency.id, "name": agency.name,
        "territory": agency.territory, "dwellings": agency.dwellings, "sites_listed": agency.sites is not None,
        "site_management": agency.site_management,
        "perimeter": _json(None if agency.perimeter is None else dict(agency.perimeter)),
        "presence": _json(None if agency.presence is None else list(agency.presence)),
        "reception": _json(None if agency.reception is None else list(agency.reception)),
    }


def _position_row(position: Position, key: int, scenario_key: int, ordinal: int,
                  xy: tuple[float, float] | None) -> dict[str, Any]:
    x, y = xy if xy is not None else (None, None)
    return {
        "id": key, "scenario_id": scenario_key, "ordinal": ordinal, "code": position.id, "role": position.role,
        "agency_code": position.agency, "title": position.title, "family": position.family,
        "holder": position.holder, "fte": position.fte, "site_code": position.site, "notes": position.notes,
        "guarding": position.guarding, "x": x, "y": y,
    }


def _unique(values: Iterable[str], problem: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise UnsavableProject(f"{problem} {value!r}")
        seen.add(value)


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# Loading ------------------------------------------------------------------------------------------


def read_project(connection: Connection) -> Project:
    organisations = connection.execute(select(OrganisationRow.__table__)).all()
    if not organisations:
        raise DamagedProject("the file holds no organisation")
    if len(organisations) > 1:  # only a tool that dropped the table's CHECK (id = 1) can write a second
        raise DamagedProject("the file holds more than one organisation")
    organisation = organisations[0]
    sites: defaultdict[int, list[Site]] = defaultdict(list)
    for row in _rows(connection, SiteRow, SiteRow.agency_id):
        sites[row.agency_id].append(Site(row.code, row.name, row.dwellings, row.guarding_zone))
    agencies: defaultdict[int, list[Agency]] = defaultdict(list)
    for row in _rows(connection, AgencyRow, AgencyRow.scenario_id):
        agencies[row.scenario_id].append(_agency(row, sites.get(row.id, [])))
    positions: defaultdict[int, list[Position]] = defaultdict(list)
    layouts: defaultdict[int, dict[str, tuple[float, float]]] = defaultdict(dict)
    codes: dict[int, str] = {}
    # Positions and links are the bulk of a file: their rows are fetched in one call (not one by one)
    # and their columns unpacked by place, which is several times faster than a Row's attribute lookup.
    p = PositionRow
    rows = connection.execute(select(p.id, p.scenario_id, p.code, p.role, p.agency_code, p.title, p.family, p.holder,
                                     p.fte, p.site_code, p.notes, p.guarding, p.x, p.y)
                              .order_by(p.scenario_id, p.ordinal)).all()
    for key, scenario_key, code, role, agency, title, family, holder, fte, site, notes, guarding, x, y in rows:
        codes[key] = code
        positions[scenario_key].append(Position(
            id=code, role=role, agency=agency, title=title, family=family, holder=holder, fte=fte, site=site,
            notes=notes, guarding=guarding))
        if x is not None:
            layouts[scenario_key][code] = (x, y)
    links: defaultdict[int, list[Link]] = defaultdict(list)
    try:
        for scenario_key, source, target, link_type in connection.execute(
            select(LinkRow.scenario_id, LinkRow.source_id, LinkRow.target_id, LinkRow.type)
            .order_by(LinkRow.scenario_id, LinkRow.ordinal)
        ).all():
            links[scenario_key].append(Link(codes[source], codes[target], cast(LinkType, link_type)))
    except KeyError:  # only a writer that ignored the foreign keys leaves one
        raise DamagedProject("a link names a position the file does not hold") from None
    scenarios = tuple(
        Scenario(
            name=row.name, description=row.description,
            parameters=MappingProxyType(_loaded(row.parameters, dict)),
            agencies=tuple(agencies[row.id]), positions=tuple(positions[row.id]), links=tuple(links[row.id]),
            layout=MappingProxyType(layouts[row.id]),
        )
        for row in _rows(connection, ScenarioRow)
    )
    return Project(Organisation(organisation.name, organisation.dwellings), scenarios)


def _rows(connection: Connection, table: Any, *owners: Any) -> Sequence[Any]:
    # The key breaks ties: two people adding a scenario to a shared repository at once may give both
    # the same ordinal, and the order must still be the same at every load.
    return connection.execute(select(table.__table__).order_by(*owners, table.ordinal, table.id)).all()


def _agency(row: Any, sites: list[Site]) -> Agency:
    perimeter = _loaded(row.perimeter, dict) if row.perimeter is not None else None
    return Agency(
        id=row.code, name=row.name, territory=row.territory, dwellings=row.dwellings,
        sites=tuple(sites) if row.sites_listed else None, site_management=row.site_management,
        perimeter=None if perimeter is None else MappingProxyType(cast(dict[str, Level], perimeter)),
        presence=_tuple(row.presence), reception=_tuple(row.reception),
    )


def _tuple(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(_loaded(text, list))


def _loaded(text: str, kind: type[dict[str, Any]] | type[list[Any]]) -> Any:
    """A JSON column's value, of the kind saves write there. Any other kind is damage: a string would
    pass for a mapping (MappingProxyType takes it) or a list of letters, and fail far from here."""
    value = json.loads(text)
    if not isinstance(value, kind):
        raise DamagedProject("a stored value has the wrong form")
    return value
