"""Hypothesis strategies for well-formed scenarios (interchange.md, format version 1).

"Well formed" is the reader's notion, not the validator's: every id is unique where the format says
so and every reference resolves, but the structure may be as broken as a user can draw it (cycles,
several managers, providers managing people, lines across agencies, agencies with no head). Every
optional field is exercised, and None is kept apart from an empty tuple (a rule that needs a field
is skipped when it is None, and runs when it is an empty tuple).

    from strategies import documents, scenarios
    @given(documents())
    def test_something(document): organisation, scenario = document

The codes below are typed from domain.md, not imported from the code under test, so that a code
dropped from the catalogue shows up as a failure.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from hypothesis import strategies as st

from orgdesigner.model.entities import Agency, Link, Organisation, Position, Scenario, Site

# domain.md §2
FAMILY_CODES = ("management", "site", "tenancy", "social", "reception", "technical", "external")
ROLE_CODES = (
    "agency_head", "deputy_technical", "deputy_tenancy", "deputy_general", "sector_manager", "caretaker",
    "building_worker", "technical_officer", "client_officer", "allocation_officer",
    "tenant_relations_officer", "arrears_officer", "litigation_officer", "arrears_litigation_officer",
    "social_adviser", "mediator", "dsu_officer", "receptionist", "assistant", "reception_assistant",
    "provider", "other",
)
# domain.md §5, §6, §7, §8
SITE_MANAGEMENT_CODES = ("internal", "outsourced", "mixed")
MISSION_CODES = ("demand_allocation", "lease", "arrears_litigation", "social_support", "mediation",
                 "site_upkeep", "planned_maintenance", "dsu")
LEVEL_CODES = ("C", "P", "NR")
TERRITORY_CODES = ("rural_diffuse", "isolated_residences", "urban_collective", "large_districts")
PRESENCE_CODES = ("remote_contact", "nomadic_presence", "provider_network", "relay_points", "mobile_agency",
                  "on_site_office_hours", "tenant_relays", "caretaker_lodges", "grouped_proximity_offices",
                  "proximity_offices", "antennas", "neighbourhood_agency", "grouped_lodges")
RECEPTION_CODES = ("appointments", "office_hours", "building_office_hours", "none", "other")
# interchange.md
LINK_TYPES = ("line", "dotted", "contract")
# domain.md §10, defaults
DEFAULT_PARAMETERS: dict[str, object] = {
    "headcount_basis": "positions", "model1_below": 15, "model2_upto": 25, "model3_above": 30,
    "max_direct_reports": 12, "sector_manager_max_span": 12, "gardiennage_dwellings_per_fte": 100,
    "gardiennage_rounding": "floor",
}

# Text a French user types: accents, ligatures, markup characters, quotes, apostrophes, newlines;
# now and then anything at all a UTF-8 file can hold.
_TRICKY = "éèêàâçôûùïœÉÈÀÇŒ«»&<>\"'\\/\n\t ’–—…€"
_ALPHABET = st.sampled_from(_TRICKY + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ")
_ANY = st.characters(codec="utf-8")


def _text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(_ALPHABET, min_size=min_size, max_size=max_size) | st.text(
        _ANY, min_size=min_size, max_size=max_size)


#: Any text, possibly empty or blank.
any_text = _text(0, 20)
#: Text with something other than white space in it: names, ids, the title of an `other` position.
words = _text(1, 20).filter(lambda s: s.strip() != "")
#: An optional free text: absent, or given (an empty text is read as absent, so it is not generated).
optional_text = st.none() | _text(1, 30)

ids = _text(1, 8).filter(lambda s: s.strip() != "")
counts = st.integers(min_value=0, max_value=10**7)
ftes = st.sampled_from((1.0, 0.5, 0.8, 0.1)) | st.floats(
    min_value=0.0, max_value=1.0, exclude_min=True, allow_nan=False, allow_infinity=False
)
coordinates = st.floats(allow_nan=False, allow_infinity=False)


def _optional_codes(codes: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...] | None]:
    """None (not given), or a tuple of distinct codes, possibly empty, in any order."""
    return st.none() | st.lists(st.sampled_from(codes), unique=True).map(tuple)


organisations = st.builds(Organisation, name=words, dwellings=st.none() | counts)

perimeters = st.tuples(*(st.sampled_from(LEVEL_CODES) for _ in MISSION_CODES)).map(
    lambda levels: MappingProxyType(dict(zip(MISSION_CODES, levels, strict=True)))
)

# Site ids come from a small pool so that two agencies often share one (allowed: unique per agency).
_site_ids = st.sampled_from(("s1", "s2", "Les Tilleuls", "é&<")) | ids


def _sites() -> st.SearchStrategy[tuple[Site, ...] | None]:
    site = st.builds(Site, id=_site_ids, name=words, dwellings=st.integers(0, 2000) | counts,
                     guarding_zone=st.booleans())
    return st.none() | st.lists(site, max_size=4, unique_by=lambda s: s.id).map(tuple)


def agency(agency_id: str) -> st.SearchStrategy[Agency]:
    return st.builds(
        Agency,
        id=st.just(agency_id),
        name=words,
        territory=st.none() | st.sampled_from(TERRITORY_CODES),
        dwellings=st.none() | counts,
        sites=_sites(),
        site_management=st.none() | st.sampled_from(SITE_MANAGEMENT_CODES),
        perimeter=st.none() | perimeters,
        presence=_optional_codes(PRESENCE_CODES),
        reception=_optional_codes(RECEPTION_CODES),
    )


@st.composite
def agencies(draw: st.DrawFn, max_size: int = 4) -> tuple[Agency, ...]:
    agency_ids = draw(st.lists(ids, max_size=max_size, unique=True))
    return tuple(draw(agency(a)) for a in agency_ids)


# Roles drawn now and then on top of the uniform choice, so that agencies often have one head,
# deputies, sector managers over caretakers and piloted providers: the rules' interesting cases.
_COMMON_ROLES = ("agency_head", "deputy_technical", "deputy_tenancy", "sector_manager", "caretaker", "client_officer",
                 "provider", "other")
_roles = st.sampled_from(ROLE_CODES) | st.sampled_from(_COMMON_ROLES)


@st.composite
def position(draw: st.DrawFn, position_id: str, agencies: tuple[Agency, ...]) -> Position:
    role = draw(_roles)
    home = draw(st.sampled_from((None, *agencies, *agencies, *agencies))) if agencies else None
    site = None
    if home is not None and home.sites:
        site = draw(st.sampled_from((None, *(s.id for s in home.sites))))
    if role == "other":
        title: str | None = draw(words)
        family = draw(st.sampled_from(FAMILY_CODES))
    else:
        title = draw(optional_text)
        family = None
    return Position(
        id=position_id,
        role=role,
        agency=home.id if home is not None else None,
        title=title,
        family=family,
        holder=draw(optional_text),
        fte=draw(ftes),
        site=site,
        notes=draw(optional_text),
        guarding=draw(st.booleans()) if role == "provider" else False,
    )


@st.composite
def positions(draw: st.DrawFn, agencies: tuple[Agency, ...], max_size: int = 40) -> tuple[Position, ...]:
    count = draw(st.integers(0, max_size))
    position_ids = draw(st.lists(ids, min_size=count, max_size=count, unique=True))
    return tuple(draw(position(p, agencies)) for p in position_ids)


@st.composite
def links(draw: st.DrawFn, position_ids: list[str], max_size: int = 80) -> tuple[Link, ...]:
    """Links of every type between distinct existing positions, never the same (from, to, type) twice.
    Nothing else is excluded: cycles, several managers, providers managing people all come up."""
    n = len(position_ids)
    if n < 2:
        return ()
    count = draw(st.integers(0, min(max_size, 2 * n)))
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 2),
                     st.just("line") | st.sampled_from(LINK_TYPES))
    # j skips i, so a link never joins a position to itself.
    chosen = draw(st.lists(pair, min_size=count, max_size=count,
                           unique_by=lambda t: (t[0], t[1] + (t[1] >= t[0]), t[2])))
    return tuple(Link(position_ids[i], position_ids[j + (j >= i)], t) for i, j, t in chosen)  # type: ignore[arg-type]


@st.composite
def parameter_overrides(draw: st.DrawFn) -> MappingProxyType[str, object]:
    """Some parameters overridden with valid values; thresholds keep model1_below ≤ model2_upto + 1
    and model2_upto ≤ model3_above once merged with the defaults."""
    model3 = draw(st.integers(0, 60))
    model2 = draw(st.integers(0, model3))
    model1 = draw(st.integers(0, model2 + 1))
    values: dict[str, object] = {
        "headcount_basis": draw(st.sampled_from(("positions", "fte"))),
        "model1_below": model1,
        "model2_upto": model2,
        "model3_above": model3,
        "max_direct_reports": draw(st.integers(0, 30)),
        "sector_manager_max_span": draw(st.integers(0, 30)),
        "gardiennage_dwellings_per_fte": draw(st.integers(1, 300)),
        "gardiennage_rounding": draw(st.sampled_from(("floor", "ceil"))),
    }
    chosen = draw(st.sets(st.sampled_from(tuple(values))))
    m1, m2, m3 = (model1 if "model1_below" in chosen else 15, model2 if "model2_upto" in chosen else 25,
                  model3 if "model3_above" in chosen else 30)
    if not (m1 <= m2 + 1 and m2 <= m3):
        chosen |= {"model1_below", "model2_upto", "model3_above"}
    # In the order of domain.md §10, as a scenario read from a document has them.
    return MappingProxyType({k: values[k] for k in DEFAULT_PARAMETERS if k in chosen})


@st.composite
def layouts(draw: st.DrawFn, position_ids: list[str]) -> MappingProxyType[str, tuple[float, float]]:
    placed = draw(st.lists(st.sampled_from(position_ids), unique=True)) if position_ids else []
    return MappingProxyType({p: (draw(coordinates), draw(coordinates)) for p in placed})


@st.composite
def scenarios(draw: st.DrawFn, max_agencies: int = 4, max_positions: int = 40) -> Scenario:
    chosen_agencies = draw(agencies(max_size=max_agencies))
    chosen_positions = draw(positions(chosen_agencies, max_size=max_positions))
    position_ids = [p.id for p in chosen_positions]
    return Scenario(
        name=draw(words),
        description=draw(optional_text),
        parameters=draw(st.just(MappingProxyType({})) | parameter_overrides()),
        agencies=chosen_agencies,
        positions=chosen_positions,
        links=draw(links(position_ids)),
        layout=draw(st.just(MappingProxyType({})) | layouts(position_ids)),
    )


def documents(**scenario_options: Any) -> st.SearchStrategy[tuple[Organisation, Scenario]]:
    """(organisation, scenario): what one scenario document holds."""
    return st.tuples(organisations, scenarios(**scenario_options))
