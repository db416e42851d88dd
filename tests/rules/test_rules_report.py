"""domain.md §9 and interchange.md `validate --format json`: the catalogue as a whole, messages,
skipped checks, and the order of findings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from builders import CATALOGUE, RULE_IDS, SEVERITY_ORDER, Org, fired_anywhere, perimeter, site, summary
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.model.entities import Link, Position, Scenario
from orgdesigner.rules.catalogue import RULES
from orgdesigner.rules.engine import validate


def test_rule_catalogue_is_the_table_of_section_9_in_order():
    assert [(r.id, "/".join(r.severities)) for r in RULES] == list(CATALOGUE)


# One minimal firing case per rule ---------------------------------------------------------------------


def head(**agency_fields: object) -> Org:
    org = Org(**agency_fields)
    org.add("h", "agency_head")
    return org


def cycle() -> Org:
    org = head()
    org.add("x", "client_officer", under="h")
    org.add("y", "client_officer", under="x")
    org.line("y", "x")
    return org


def multiple_managers() -> Org:
    org = head()
    org.add("s", "sector_manager", under="h")
    org.add("g", "caretaker", under="s")
    org.line("h", "g")
    return org


def no_head() -> Org:
    org = Org()
    org.add("c", "client_officer")
    return org


def multiple_heads() -> Org:
    org = head()
    org.add("h2", "agency_head")
    return org


def provider_link() -> Org:
    org = head()
    org.add("p", "provider", title="Nettoyage", under="h")
    return org


def orphan() -> Org:
    org = head()
    org.add("c", "client_officer")
    return org


def cross_agency() -> Org:
    org = head().agency("b")
    org.add("hb", "agency_head", agency="b", under="h")
    return org


def span() -> Org:
    org = head()
    org.team("c", "client_officer", 13, under="h")
    return org


def single_report() -> Org:
    org = head()
    org.add("s", "sector_manager", under="h")
    org.add("g", "caretaker", under="s")
    return org


def model_mismatch() -> Org:
    org = head()
    org.team("c", "client_officer", 14, under="h")
    return org


def transition_band() -> Org:
    org = head()
    org.add("d", "deputy_technical", under="h")
    org.team("c", "client_officer", 26, under="h")
    return org


def m1_direct() -> Org:
    org = head()
    org.add("s", "sector_manager", under="h")
    org.add("t", "technical_officer", under="s")
    return org


def m2_deputy() -> Org:
    org = head()
    org.add("d", "deputy_technical", under="h")
    org.add("c", "client_officer", under="d")
    return org


def m3_deputies() -> Org:
    org = head()
    org.add("d1", "deputy_technical", under="h")
    org.add("d2", "deputy_general", under="h")
    return org


def caretaker_manager() -> Org:
    org = head()
    org.add("g", "caretaker", under="h")
    return org


def sector_span() -> Org:
    org = head()
    org.add("s", "sector_manager", under="h")
    org.team("g", "caretaker", 13, under="s")
    return org


def provider_unpiloted() -> Org:
    org = head()
    org.add("p", "provider", title="Nettoyage")
    return org


def declared_model() -> Org:
    return head(site_management="outsourced")


def gardiennage() -> Org:
    return head(sites=[site("r1", 100)])


def unstaffed_mission() -> Org:
    return head(perimeter=perimeter(mediation="C"))


def role_outside_perimeter() -> Org:
    org = head(perimeter=perimeter())
    org.add("m", "mediator", under="h")
    return org


def uncovered_activity() -> Org:
    return head(perimeter=perimeter(lease="C"))


def no_model() -> Org:
    org = head(perimeter=perimeter(lease="C"))
    org.add("c", "allocation_officer", under="h")
    return org


def presence() -> Org:
    return head(territory="urban_collective", presence=[])


def sector_manager() -> Org:
    return head(territory="urban_collective")


FIRING: dict[str, Callable[[], Org]] = {
    "structure.cycle": cycle,
    "structure.multiple-managers": multiple_managers,
    "structure.no-head": no_head,
    "structure.multiple-heads": multiple_heads,
    "structure.provider-link": provider_link,
    "structure.orphan": orphan,
    "structure.cross-agency": cross_agency,
    "structure.span": span,
    "structure.single-report": single_report,
    "management.model-mismatch": model_mismatch,
    "management.transition-band": transition_band,
    "management.m1-direct": m1_direct,
    "management.m2-deputy": m2_deputy,
    "management.m3-deputies": m3_deputies,
    "site.caretaker-manager": caretaker_manager,
    "site.sector-span": sector_span,
    "site.provider-unpiloted": provider_unpiloted,
    "site.declared-model": declared_model,
    "site.gardiennage": gardiennage,
    "perimeter.unstaffed-mission": unstaffed_mission,
    "perimeter.role-outside-perimeter": role_outside_perimeter,
    "tenancy.uncovered-activity": uncovered_activity,
    "tenancy.no-model": no_model,
    "territory.presence": presence,
    "territory.sector-manager": sector_manager,
}


def test_every_rule_has_a_firing_case():
    assert tuple(FIRING) == RULE_IDS


@pytest.mark.parametrize(("rule", "severity"), CATALOGUE)
def test_minimal_case_fires_with_the_catalogue_severity(rule, severity):
    found = fired_anywhere(FIRING[rule]().validate(), rule)
    assert found
    allowed = severity.split("/")
    assert all(f.severity in allowed for f in found)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_every_message_is_given_in_french_and_english(rule):
    report = FIRING[rule]().validate()
    assert report.findings
    for finding in report.findings:
        assert finding.message.fr.strip(), finding
        assert finding.message.en.strip(), finding
        assert finding.message.fr != finding.message.en


@pytest.mark.parametrize(
    ("rule", "parameter"),
    [("structure.span", "max_direct_reports"), ("site.sector-span", "sector_manager_max_span")],
)
def test_working_assumption_rules_name_their_parameter(rule, parameter):
    (finding,) = fired_anywhere(FIRING[rule]().validate(), rule)
    assert parameter in finding.message.fr
    assert parameter in finding.message.en


@pytest.mark.parametrize("rule", ["structure.span", "site.sector-span"])
def test_working_assumption_rules_say_so(rule):
    (finding,) = fired_anywhere(FIRING[rule]().validate(), rule)
    assert "hypothèse de travail" in finding.message.fr.casefold()
    assert "working assumption" in finding.message.en.casefold()


def test_report_states_the_parameters_in_force():
    report = span().params(max_direct_reports=20, gardiennage_rounding="ceil").validate()
    in_force = report.parameters.as_dict()
    assert in_force["max_direct_reports"] == 20
    assert in_force["gardiennage_rounding"] == "ceil"
    assert in_force["sector_manager_max_span"] == 12
    assert fired_anywhere(report, "structure.span") == []  # 13 reports, limit raised to 20


def test_findings_name_their_agency_and_positions():
    (finding,) = fired_anywhere(orphan().validate(), "structure.orphan")
    assert finding.agency == "a"
    assert finding.positions == ("c",)


# Skipped checks ------------------------------------------------------------------------------------------

DATA_RULES = {
    "site.declared-model": "site_management",
    "site.gardiennage": "sites",
    "perimeter.unstaffed-mission": "perimeter",
    "perimeter.role-outside-perimeter": "perimeter",
    "tenancy.uncovered-activity": "perimeter",
    "tenancy.no-model": "perimeter",
    "territory.presence": "territory/presence",
    "territory.sector-manager": "territory",
}


def test_agency_giving_nothing_skips_every_data_rule_in_catalogue_order():
    report = head().validate()
    skipped = tuple(summary(report).skipped)
    assert skipped == tuple(r for r in RULE_IDS if r in DATA_RULES)


def test_agency_giving_everything_skips_nothing():
    org = head(
        territory="rural_diffuse",
        sites=[],
        site_management="internal",
        perimeter=perimeter(),
        presence=[],
    )
    assert tuple(summary(org.validate()).skipped) == ()


@pytest.mark.parametrize("missing", ["site_management", "sites", "perimeter", "territory", "presence"])
def test_one_field_missing_skips_exactly_its_rules(missing):
    fields = {
        "territory": "rural_diffuse",
        "sites": [],
        "site_management": "internal",
        "perimeter": perimeter(),
        "presence": [],
    }
    del fields[missing]
    skipped = set(summary(head(**fields).validate()).skipped)
    assert skipped == {rule for rule, needs in DATA_RULES.items() if missing in needs.split("/")}


def test_skipped_is_per_agency():
    org = head(perimeter=perimeter()).agency("b")
    org.add("hb", "agency_head", agency="b")
    report = org.validate()
    assert "perimeter.unstaffed-mission" not in summary(report, "a").skipped
    assert "perimeter.unstaffed-mission" in summary(report, "b").skipped


# Findings order ------------------------------------------------------------------------------------------


def busy() -> Org:
    """Two agencies declared "z" then "b" (so agency order is not alphabetical), each with findings of
    several severities and several findings of the same rule."""
    org = Org()
    org.agencies = []
    org.agency("z", perimeter=perimeter(social_support="C", mediation="P"), territory="urban_collective")
    org.agency("b", territory="urban_collective", presence=[])
    org.add("zh", "agency_head", agency="z")
    org.add("z9", "client_officer", agency="z")  # orphan
    org.add("z1", "receptionist", agency="z")  # orphan
    org.add("zd", "dsu_officer", agency="z", under="zh")  # role outside perimeter
    org.add("zg", "caretaker", agency="z", under="zh")  # caretaker-manager
    org.add("zt", "technical_officer", agency="z", under="zh")
    org.line("zd", "zt")  # multiple managers
    org.add("bh", "agency_head", agency="b")
    org.add("bh2", "agency_head", agency="b")  # multiple heads
    org.add("b5", "assistant", agency="b")
    org.add("b2", "assistant", agency="b")
    org.add("bx", "technical_officer", agency="b", under="zh")  # cross-agency
    org.add("bp", "provider", agency="b", title="Nettoyage")
    org.add("dg", "other", agency=None, family="management", title="Directeur")
    org.add("r", "assistant", agency=None, under="dg")  # single report in head office
    return org


def order_key(finding, agencies: list[str]):
    return (
        -1 if finding.agency is None else agencies.index(finding.agency),
        SEVERITY_ORDER.index(finding.severity),
        finding.rule,
        finding.positions[0] if finding.positions else "",
    )


def test_findings_are_sorted_by_agency_severity_rule_and_first_position():
    report = busy().validate()
    agency_findings = [f for f in report.findings if f.agency is not None]
    assert [f.agency for f in agency_findings] == sorted(
        (f.agency for f in agency_findings), key=["z", "b"].index
    )
    assert {f.agency for f in agency_findings} == {"z", "b"}
    for agency in ("z", "b"):
        mine = [f for f in report.findings if f.agency == agency]
        assert len({f.severity for f in mine}) == 3  # the case exercises all three severities
        assert mine == sorted(mine, key=lambda f: order_key(f, ["z", "b"]))
    orphans = [f.positions[0] for f in report.findings if f.rule == "structure.orphan" and f.agency == "z"]
    assert orphans == ["z1", "z9"]


def test_findings_as_a_whole_follow_the_documented_order():
    report = busy().validate()
    keys = [order_key(f, ["z", "b"]) for f in report.findings]
    assert keys == sorted(keys)


def test_validating_twice_gives_equal_reports():
    scenario = busy().scenario()
    assert validate(scenario) == validate(scenario)


ROLE_CODES = [
    "agency_head", "deputy_technical", "deputy_general", "sector_manager", "caretaker", "technical_officer",
    "client_officer", "arrears_officer", "mediator", "receptionist", "provider",
]


@st.composite
def scenarios(draw):
    org = Org(
        perimeter=draw(st.none() | st.just(perimeter(lease="C", mediation="P", dsu="C"))),
        territory=draw(st.sampled_from([None, "urban_collective", "large_districts"])),
        presence=draw(st.none() | st.lists(st.sampled_from(["antennas", "caretaker_lodges"]), max_size=2)),
    )
    org.agency("b", site_management=draw(st.sampled_from([None, "internal", "mixed"])))
    n = draw(st.integers(min_value=1, max_value=10))
    for i in range(n):
        role = draw(st.sampled_from(ROLE_CODES))
        owner = draw(st.sampled_from(["a", "b", None]))
        org.positions.append(Position(f"p{i}", role, agency=owner, title="X" if role == "provider" else None))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                    st.sampled_from(["line", "line", "dotted", "contract"])),
                          max_size=2 * n, unique_by=lambda t: t))
    org.links = [Link(f"p{s}", f"p{t}", kind) for s, t, kind in pairs if s != t]
    return org.scenario()


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_any_scenario_gives_sorted_and_repeatable_findings(scenario: Scenario):
    report = validate(scenario)
    assert validate(scenario) == report
    keys = [order_key(f, ["a", "b"]) for f in report.findings]
    assert keys == sorted(keys)
    for finding in report.findings:
        assert finding.rule in RULE_IDS
        assert finding.message.fr.strip()
        assert finding.message.en.strip()
