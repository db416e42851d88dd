"""The scenario JSON document of interchange.md (format version 1): read strictly, write canonically.

A document is refused whole when anything in it is off, with every problem named by its JSON path,
because a typo that passed silently would change a verdict without anyone noticing. Broken
structures that are well-formed (a cycle, a missing head) are the validator's business, not ours.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from orgdesigner.io.json_values import kind, quoted
from orgdesigner.model.catalogue import (
    FAMILIES,
    LEVELS,
    LINK_TYPES,
    MISSION_CODES,
    OTHER_ROLE,
    PRESENCE,
    PROVIDER_ROLE,
    RECEPTION,
    ROLES,
    SITE_MANAGEMENT,
    TERRITORIES,
)
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Scenario, Site
from orgdesigner.model.parameters import PARAMETER_CHOICES, PARAMETER_NAMES, Parameters

FORMAT: Final = "orgdesigner-scenario"
VERSION: Final = 1

_TOP_KEYS: Final = ("format", "version", "organisation", "scenario", "parameters", "agencies",
                    "positions", "links", "layout")
_AGENCY_KEYS: Final = ("id", "name", "territory", "dwellings", "sites", "site_management", "perimeter",
                       "presence", "reception")
_SITE_KEYS: Final = ("id", "name", "dwellings", "guarding_zone")
_POSITION_KEYS: Final = ("id", "agency", "role", "title", "family", "holder", "fte", "site", "notes",
                         "guarding")
_LINK_KEYS: Final = ("from", "to", "type")
_MIN_PARAMETER: Final = {"gardiennage_dwellings_per_fte": 1}
# No landlord manages a billion dwellings; the cap keeps every count within SQLite's and float's range.
_MAX_COUNT: Final = 10**9


@dataclass(frozen=True, slots=True)
class ScenarioDocument:
    organisation: Organisation
    scenario: Scenario


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where (a JSON path, or a line and column) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


class DocumentError(ValueError):
    """A document refused whole; `problems` lists every reason, in document order."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(map(str, problems)))


def read_scenario_file(path: Path) -> ScenarioDocument:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), [Problem("", f"cannot read the file ({exc.strerror})")]) from exc
    return read_scenario_bytes(raw, str(path))


def read_scenario_bytes(raw: bytes, source: str) -> ScenarioDocument:
    """A document as bytes, UTF-8 with or without a byte-order mark (JSON's own encoding)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(source, [Problem(f"byte {exc.start}", "the file is not UTF-8 text")]) from exc
    return read_scenario_text(text, source)


def read_scenario_text(text: str, source: str = "<document>") -> ScenarioDocument:
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_JsonObject.from_pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError(source, [Problem(f"line {exc.lineno}, column {exc.colno}",
                                             f"not valid JSON ({exc.msg})")]) from exc
    except _ConstantError as exc:
        raise DocumentError(source, [Problem(_line_column(text, exc.name), str(exc))]) from exc
    except RecursionError as exc:
        raise DocumentError(source, [Problem("", "nested too deeply to be a scenario document")]) from exc
    except ValueError as exc:  # Python refuses integers of thousands of digits
        raise DocumentError(source, [Problem("", f"not a usable JSON document ({exc})")]) from exc
    return read_scenario_data(data, source)


def read_scenario_data(data: object, source: str = "<document>") -> ScenarioDocument:
    reader = _Reader()
    document = reader.document(data)
    if reader.problems or document is None:
        raise DocumentError(source, reader.problems or [Problem("", "empty document")])
    return document


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys given twice, which json.loads would silently collapse
    (the last one winning): a typo must not pass silently."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            obj.repeated = tuple(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        return obj


class _ConstantError(ValueError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"{name} is not a number JSON allows")


def _refuse_constant(name: str) -> object:
    raise _ConstantError(name)


def _line_column(text: str, token: str) -> str:
    """Where a bare NaN or Infinity stands; the parser does not say, so find its first bare use."""
    match = re.search(rf'[:\[,]\s*(-?{token})', text)
    offset = match.start(1) if match else 0
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - text.rfind(chr(10), 0, offset)}"


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, what: str) -> None:
        self.problems.append(Problem(path, what))

    # Field helpers ------------------------------------------------------------------------------

    def mapping(self, value: object, path: str, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        # The common case first: an object (as json.loads or scenario_to_data makes it) with only
        # allowed keys, none given twice. Anything else takes the full checks below.
        if ((type(value) is dict or (type(value) is _JsonObject and not value.repeated))
                and _key_set(allowed).issuperset(value)):
            return value
        if value is None and path:
            self.fail(path, "is required")
            return None
        if not isinstance(value, dict):
            self.fail(path, f"expected an object, found {kind(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.fail(f"{path}.{key}" if path else key,
                          f"unknown key (allowed: {', '.join(allowed)})")
        for key in getattr(value, "repeated", ()):
            self.fail(f"{path}.{key}" if path else key, "is given twice in the same object; keep one")
        return value

    def string(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False,
               non_empty: bool = False) -> str | None:
        value = obj.get(key)  # None for a key absent or null alike
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return None
        # The common case first: plain ASCII text (so nothing to encode), not blank when it must not be.
        if type(value) is str and value.isascii() and (not non_empty or value.strip()):
            return value
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", f"expected text, found {kind(value)}")
            return None
        if non_empty and not value.strip():
            self.fail(f"{path}.{key}", "must not be empty")
            return None
        if not _encodable(value):
            self.fail(f"{path}.{key}", "holds a broken character (a lone UTF-16 surrogate)")
            return None
        return value

    def integer(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False,
                minimum: int = 0, maximum: int = _MAX_COUNT) -> int | None:
        value = obj.get(key)  # None for a key absent or null alike
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return None
        if type(value) is int and minimum <= value <= maximum:  # the common case
            return value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{path}.{key}", f"expected a whole number, found {kind(value)}")
            return None
        if value < minimum:
            self.fail(f"{path}.{key}", f"{value} is below {minimum}")
            return None
        if value > maximum:
            self.fail(f"{path}.{key}", f"{quoted(value)} is above {maximum}")
            return None
        return value

    def identifier(self, obj: Mapping[str, Any], path: str, seen: dict[str, int], index: int,
                   listing: str) -> str | None:
        """An `id`, unique within `listing` (the JSON path of the list it belongs to)."""
        value = self.string(obj, "id", path, required=True, non_empty=True)
        if value is not None and value in seen:
            self.fail(f"{path}.id", f"{value!r} is already the id of {listing}[{seen[value]}]")
        elif value is not None:
            seen[value] = index
        return value

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}", f"expected true or false, found {kind(value)}")
            return False
        return value

    def code(self, obj: Mapping[str, Any], key: str, path: str, codes: Mapping[str, object], what: str,
             *, required: bool = False) -> str | None:
        value = self.string(obj, key, path, required=required)
        if value is not None and value not in codes:
            self.fail(f"{path}.{key}", f"unknown {what} {value!r} (known: {', '.join(codes)})")
            return None
        return value

    def code_list(self, obj: Mapping[str, Any], key: str, path: str, codes: Mapping[str, object],
                  what: str) -> tuple[str, ...] | None:
        if key not in obj or obj[key] is None:
            return None
        value = obj[key]
        if not isinstance(value, list):
            self.fail(f"{path}.{key}", f"expected a list, found {kind(value)}")
            return None
        result: list[str] = []
        for i, item in enumerate(value):
            where = f"{path}.{key}[{i}]"
            if not isinstance(item, str) or item not in codes:
                self.fail(where, f"unknown {what} {item!r} (known: {', '.join(codes)})")
            elif item in result:
                self.fail(where, f"{item!r} is listed twice")
            else:
                result.append(item)
        return tuple(result)

    def array(self, data: Mapping[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, f"expected a list, found {kind(value)}")
            return []
        return value

    # Sections -------------------------------------------------------------------------------------

    def document(self, data: object) -> ScenarioDocument | None:
        top = self.mapping(data, "", _TOP_KEYS)
        if top is None:
            return None
        if "format" not in top:
            self.fail("format", f"is required (it is {FORMAT!r})")
        elif top["format"] != FORMAT:
            self.fail("format", f"expected {FORMAT!r}, found {quoted(top['format'])}")
        version = top.get("version")
        if isinstance(version, int | float) and not isinstance(version, bool) and version > VERSION:
            self.fail("version", f"version {version} is newer than this program reads ({VERSION}); "
                                 "update OrgDesigner")
            return None  # the rest follows a format this program does not know: no point listing it
        elif version is None:
            self.fail("version", f"is required (it is {VERSION})")
        elif version != VERSION or isinstance(version, bool):
            self.fail("version", f"expected {VERSION}, found {quoted(version)}")
        organisation = self.organisation(top.get("organisation"))
        scenario_head = self.mapping(top.get("scenario"), "scenario", ("name", "description"))
        name: str | None = None
        description: str | None = None
        if scenario_head is not None:
            name = self.string(scenario_head, "name", "scenario", required=True, non_empty=True)
            description = self.string(scenario_head, "description", "scenario")
        parameters = self.parameters(top.get("parameters"))
        agencies = self.agencies(self.array(top, "agencies"))
        positions = self.positions(self.array(top, "positions"), {a.id: a for a in agencies})
        links = self.links(self.array(top, "links"), {p.id for p in positions})
        layout = self.layout(top.get("layout"), {p.id for p in positions})
        if self.problems or organisation is None or name is None:
            return None
        scenario = Scenario(
            name=name,
            description=description or None,
            parameters=MappingProxyType(parameters),
            agencies=tuple(agencies),
            positions=tuple(positions),
            links=tuple(links),
            layout=MappingProxyType(layout),
        )
        return ScenarioDocument(organisation, scenario)

    def organisation(self, value: object) -> Organisation | None:
        obj = self.mapping(value, "organisation", ("name", "dwellings"))
        if obj is None:
            return None
        name = self.string(obj, "name", "organisation", required=True, non_empty=True)
        dwellings = self.integer(obj, "dwellings", "organisation")
        return Organisation(name, dwellings) if name is not None else None

    def parameters(self, value: object) -> dict[str, object]:
        if value is None:
            return {}
        obj = self.mapping(value, "parameters", PARAMETER_NAMES)
        if obj is None:
            return {}
        result: dict[str, object] = {}
        for name in PARAMETER_NAMES:
            if name not in obj:
                continue
            if name in PARAMETER_CHOICES:
                choices = PARAMETER_CHOICES[name]
                if obj[name] not in choices:
                    self.fail(f"parameters.{name}",
                              f"expected one of {', '.join(choices)}, found {obj[name]!r}")
                    continue
                result[name] = obj[name]
            else:
                number = self.integer(obj, name, "parameters", minimum=_MIN_PARAMETER.get(name, 0))
                if number is not None:
                    result[name] = number
        merged = Parameters.with_overrides(result)
        if not merged.model1_below <= merged.model2_upto + 1 <= merged.model3_above + 1:
            self.fail("parameters", "the thresholds must rise: model1_below <= model2_upto + 1 and "
                                    "model2_upto <= model3_above")
        return result

    def agencies(self, items: list[Any]) -> list[Agency]:
        agencies: list[Agency] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            path = f"agencies[{i}]"
            obj = self.mapping(item, path, _AGENCY_KEYS)
            if obj is None:
                continue
            agency_id = self.identifier(obj, path, seen, i, "agencies")
            name = self.string(obj, "name", path, required=True, non_empty=True)
            agency = Agency(
                id=agency_id or "",
                name=name or "",
                territory=self.code(obj, "territory", path, TERRITORIES, "territory"),
                dwellings=self.integer(obj, "dwellings", path),
                sites=self.sites(obj.get("sites"), f"{path}.sites"),
                site_management=self.code(obj, "site_management", path, SITE_MANAGEMENT,
                                          "site-management model"),
                perimeter=self.perimeter(obj.get("perimeter"), f"{path}.perimeter"),
                presence=self.code_list(obj, "presence", path, PRESENCE, "form of presence"),
                reception=self.code_list(obj, "reception", path, RECEPTION, "reception arrangement"),
            )
            agencies.append(agency)
        return agencies

    def sites(self, value: object, path: str) -> tuple[Site, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.fail(path, f"expected a list, found {kind(value)}")
            return None
        sites: list[Site] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            where = f"{path}[{i}]"
            obj = self.mapping(item, where, _SITE_KEYS)
            if obj is None:
                continue
            site_id = self.identifier(obj, where, seen, i, path)
            name = self.string(obj, "name", where, required=True, non_empty=True)
            dwellings = self.integer(obj, "dwellings", where, required=True)
            zone = self.boolean(obj, "guarding_zone", where)
            sites.append(Site(site_id or "", name or "", dwellings or 0, zone))
        return tuple(sites)

    def perimeter(self, value: object, path: str) -> Mapping[str, Any] | None:
        if value is None:
            return None
        obj = self.mapping(value, path, MISSION_CODES)
        if obj is None:
            return None
        result: dict[str, str] = {}
        for mission in MISSION_CODES:
            level = obj.get(mission)
            if mission not in obj:
                self.fail(f"{path}.{mission}", "is required: a perimeter gives all eight missions")
            elif level not in LEVELS:
                self.fail(f"{path}.{mission}", f"expected C, P or NR, found {level!r}")
            else:
                result[mission] = level
        return MappingProxyType(result)

    def positions(self, items: list[Any], agencies: Mapping[str, Agency]) -> list[Position]:
        positions: list[Position] = []
        seen: dict[str, int] = {}
        # Each agency's site ids, looked up once per position rather than by a scan of its sites.
        site_ids = {agency_id: {s.id for s in agency.sites or ()} for agency_id, agency in agencies.items()}
        for i, item in enumerate(items):
            path = f"positions[{i}]"
            obj = self.mapping(item, path, _POSITION_KEYS)
            if obj is None:
                continue
            position_id = self.identifier(obj, path, seen, i, "positions")
            role = self.code(obj, "role", path, ROLES, "role", required=True)
            agency_id = self.string(obj, "agency", path)
            agency = agencies.get(agency_id) if agency_id is not None else None
            if agency_id is not None and agency is None:
                self.fail(f"{path}.agency", f"no agency has the id {agency_id!r}")
            title = self.string(obj, "title", path, required=role == OTHER_ROLE,
                                non_empty=role == OTHER_ROLE) or None
            family = None
            if role == OTHER_ROLE:
                family = self.code(obj, "family", path, FAMILIES, "family", required=True)
            elif role is not None and obj.get("family") is not None:
                self.fail(f"{path}.family", "only an 'other' position chooses its family")
            site = self.string(obj, "site", path, non_empty=True)
            if site is not None:
                if agency_id is None:
                    self.fail(f"{path}.site", "a head-office position has no site")
                elif agency is not None and site not in site_ids[agency_id]:
                    self.fail(f"{path}.site", f"agency {agency_id!r} has no site {site!r}")
            guarding = self.boolean(obj, "guarding", path)
            if guarding and role is not None and role != PROVIDER_ROLE:
                self.fail(f"{path}.guarding", "only a provider declares guarding")
            positions.append(Position(
                id=position_id or "",
                role=role or OTHER_ROLE,
                agency=agency_id,
                title=title,
                family=family,
                holder=self.string(obj, "holder", path) or None,
                fte=self.fte(obj, path),
                site=site,
                notes=self.string(obj, "notes", path) or None,
                guarding=guarding,
            ))
        return positions

    def fte(self, obj: Mapping[str, Any], path: str) -> float:
        value = obj.get("fte")
        if type(value) is float and 0 < value <= 1:  # the common case
            return value
        if value is None:
            return 1.0
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{path}.fte", f"expected a number, found {kind(value)}")
            return 1.0
        if not 0 < value <= 1:
            self.fail(f"{path}.fte", f"{value} is not in (0, 1]")
            return 1.0
        return float(value)

    def links(self, items: list[Any], position_ids: set[str]) -> list[Link]:
        links: list[Link] = []
        seen: dict[tuple[str, str, str], int] = {}  # a link's fields, as Link's own equality compares them
        for i, item in enumerate(items):
            path = f"links[{i}]"
            obj = self.mapping(item, path, _LINK_KEYS)
            if obj is None:
                continue
            source = self.string(obj, "from", path, required=True, non_empty=True)
            target = self.string(obj, "to", path, required=True, non_empty=True)
            link_type = self.code(obj, "type", path, LINK_TYPES, "link type") or "line"
            if source is not None and source not in position_ids:
                self.fail(f"{path}.from", f"no position has the id {source!r}")
            if target is not None and target not in position_ids:
                self.fail(f"{path}.to", f"no position has the id {target!r}")
            if source is None or target is None:
                continue
            if source == target:
                self.fail(path, f"a link from {source!r} to itself")
                continue
            fields = (source, target, link_type)
            if fields in seen:
                self.fail(path, f"repeats links[{seen[fields]}]")
                continue
            seen[fields] = i
            links.append(Link(source, target, link_type))  # type: ignore[arg-type]
        return links

    def layout(self, value: object, position_ids: set[str]) -> dict[str, tuple[float, float]]:
        """Layout is optional; entries for positions the document does not hold are ignored."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail("layout", f"expected an object, found {kind(value)}")
            return {}
        layout: dict[str, tuple[float, float]] = {}
        isfinite = math.isfinite
        for key, xy in value.items():
            if key not in position_ids:
                continue
            if type(xy) is list and len(xy) == 2:  # the common case: two finite floats
                x, y = xy
                if type(x) is float and type(y) is float and isfinite(x) and isfinite(y):
                    layout[key] = (x + 0.0, y + 0.0)  # as _coordinate writes them
                    continue
            if not isinstance(xy, list) or len(xy) != 2 or not all(_finite(c) for c in xy):
                self.fail(f"layout.{key}", "expected [x, y], two numbers")
            else:
                layout[key] = (_coordinate(xy[0]), _coordinate(xy[1]))
        return layout


@functools.cache
def _key_set(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


def _finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coordinate(value: float) -> float:
    """-0.0 is 0.0 on a canvas, and SQLite does not keep the sign: one spelling keeps round trips exact."""
    return float(value) + 0.0


# Writing ------------------------------------------------------------------------------------------


def scenario_to_data(organisation: Organisation, scenario: Scenario) -> dict[str, Any]:
    """The canonical document: keys in interchange.md's order, optional fields only when set."""
    org: dict[str, Any] = {"name": organisation.name}
    if organisation.dwellings is not None:
        org["dwellings"] = organisation.dwellings
    head: dict[str, Any] = {"name": scenario.name}
    if scenario.description:
        head["description"] = scenario.description
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "organisation": org, "scenario": head}
    if scenario.parameters:
        # Unknown names (from a hand-edited project) are written last, for the reader to refuse.
        rank = {name: i for i, name in enumerate(PARAMETER_NAMES)}
        ordered = sorted(scenario.parameters, key=lambda k: rank.get(k, len(rank)))
        data["parameters"] = {k: scenario.parameters[k] for k in ordered}
    data["agencies"] = [_agency_data(a) for a in scenario.agencies]
    data["positions"] = [_position_data(p) for p in scenario.positions]
    data["links"] = [{"from": link.source, "to": link.target, "type": link.type} for link in scenario.links]
    if scenario.layout:
        data["layout"] = _layout_data(scenario)
    return data


def _layout_data(scenario: Scenario) -> dict[str, Any]:
    """The coordinates in document order. Anything but a finite number (from a hand-edited project) is
    written as it is, for the reader to refuse."""
    layout = scenario.layout
    isfinite = math.isfinite
    data: dict[str, Any] = {}
    for position in scenario.positions:
        position_id = position.id
        if position_id not in layout:
            continue
        xy = layout[position_id]
        if type(xy) is tuple and len(xy) == 2:  # the common case: two finite floats
            x, y = xy
            if type(x) is float and type(y) is float and isfinite(x) and isfinite(y):
                data[position_id] = [x + 0.0, y + 0.0]  # as _coordinate writes them
                continue
        data[position_id] = [_coordinate(c) if _finite(c) else c for c in xy]
    return data


def scenario_to_json(organisation: Organisation, scenario: Scenario) -> str:
    return json.dumps(scenario_to_data(organisation, scenario), ensure_ascii=False, indent=2) + "\n"


def _agency_data(agency: Agency) -> dict[str, Any]:
    data: dict[str, Any] = {"id": agency.id, "name": agency.name}
    if agency.territory is not None:
        data["territory"] = agency.territory
    if agency.dwellings is not None:
        data["dwellings"] = agency.dwellings
    if agency.sites is not None:
        data["sites"] = [{"id": s.id, "name": s.name, "dwellings": s.dwellings,
                          "guarding_zone": s.guarding_zone} for s in agency.sites]
    if agency.site_management is not None:
        data["site_management"] = agency.site_management
    if agency.perimeter is not None:
        # Table order; a hand-edited project may lack a mission or add one: the reader says which.
        rank = {mission: i for i, mission in enumerate(MISSION_CODES)}
        data["perimeter"] = {m: agency.perimeter[m] for m in sorted(agency.perimeter, key=lambda m: rank.get(m, 99))}
    if agency.presence is not None:
        data["presence"] = list(agency.presence)
    if agency.reception is not None:
        data["reception"] = list(agency.reception)
    return data


def _position_data(position: Position) -> dict[str, Any]:
    # Field by field rather than a loop over names: this runs once per position at every project opened.
    data: dict[str, Any] = {"id": position.id, "agency": position.agency, "role": position.role}
    if position.title is not None:
        data["title"] = position.title
    if position.family is not None:
        data["family"] = position.family
    if position.holder is not None:
        data["holder"] = position.holder
    data["fte"] = position.fte
    if position.site is not None:
        data["site"] = position.site
    if position.notes is not None:
        data["notes"] = position.notes
    if position.is_provider:
        data["guarding"] = position.guarding
    return data
