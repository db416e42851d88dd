"""domain.md §9 `structure.*`: the chart must be a sound hierarchy."""

from __future__ import annotations

import networkx as nx
import pytest
from builders import Org, fired, fired_anywhere
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Link, Position, Scenario
from orgdesigner.rules import structure


def headed(**agency_fields: object) -> Org:
    org = Org(**agency_fields)
    org.add("h", "agency_head")
    return org


# structure.cycle ---------------------------------------------------------------------------------


def test_cycle_fires_once_per_cycle_with_its_positions():
    org = headed()
    org.add("x", "sector_manager", under="h")
    org.add("y", "technical_officer", under="x")
    org.add("z", "client_officer", under="y")
    org.line("z", "x")
    found = fired_anywhere(org.validate(), "structure.cycle")
    assert len(found) == 1
    assert set(found[0].positions) == {"x", "y", "z"}
    assert found[0].severity == "error"


def test_two_disjoint_cycles_give_two_findings():
    org = headed()
    org.add("x1", "client_officer")
    org.add("x2", "client_officer", under="x1")
    org.line("x2", "x1")
    org.add("y1", "receptionist")
    org.add("y2", "receptionist", under="y1")
    org.line("y2", "y1")
    found = fired_anywhere(org.validate(), "structure.cycle")
    assert sorted(sorted(f.positions) for f in found) == [["x1", "x2"], ["y1", "y2"]]


def test_chain_without_loop_is_no_cycle():
    org = headed()
    org.add("x", "sector_manager", under="h")
    org.add("y", "caretaker", under="x")
    assert fired_anywhere(org.validate(), "structure.cycle") == []


def test_dotted_lines_going_round_are_no_cycle():
    org = headed()
    org.add("x", "client_officer", under="h")
    org.dotted("x", "h")
    assert fired_anywhere(org.validate(), "structure.cycle") == []


@st.composite
def tangled_charts(draw: st.DrawFn) -> Chart:
    """Up to 14 positions in two agencies and head office, any lines between them: loops, loops
    sharing positions, teams under and above loops, chains between two loops."""
    count = draw(st.integers(1, 14))
    ids = [f"p{i:02d}" for i in draw(st.permutations(range(count)))]  # document order is not id order
    positions = tuple(Position(i, "client_officer", draw(st.sampled_from((None, "a", "b"))),
                               holder=draw(st.sampled_from((None, "Ana")))) for i in ids)
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=24, unique=True))
    links = tuple(Link(source, target) for source, target in pairs if source != target)
    return Chart(Scenario("s", positions=positions, links=links))


def _cycles_over_the_whole_graph(chart: Chart) -> list[tuple[str, ...]]:
    """What structure.cycle reported before it peeled: every component of the whole line graph."""
    order = {p.id: i for i, p in enumerate(chart.positions())}
    components = [sorted(c, key=order.__getitem__)
                  for c in nx.strongly_connected_components(chart.graph("line")) if len(c) > 1]
    return [tuple(c) for c in sorted(components, key=lambda c: order[c[0]])]


@settings(max_examples=400, deadline=None)
@given(tangled_charts())
def test_cycle_finds_every_loop_of_the_whole_graph_in_order(chart: Chart) -> None:
    found = list(structure.cycle(chart))
    assert [f.positions for f in found] == _cycles_over_the_whole_graph(chart)
    on_loops = {p for f in found for p in f.positions}
    assert {p.id for p in chart.positions() if structure._on_cycle(chart.graph("line"), p.id)} == on_loops


# structure.multiple-managers ---------------------------------------------------------------------


def test_two_hierarchical_managers_is_an_error():
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.add("t", "technical_officer", under="h")
    org.line("d", "t")
    found = fired(org.validate(), "structure.multiple-managers")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert set(found[0].positions) == {"t", "h", "d"}


def test_one_line_manager_and_one_dotted_is_fine():
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.add("t", "technical_officer", under="h")
    org.dotted("d", "t")
    assert fired(org.validate(), "structure.multiple-managers") == []


# structure.no-head / multiple-heads --------------------------------------------------------------


def test_agency_without_head():
    org = Org()
    org.add("c", "client_officer")
    found = fired(org.validate(), "structure.no-head")
    assert [f.severity for f in found] == ["error"]


def test_agency_with_vacant_head_has_a_head():
    org = headed()  # no holder: vacant, still a post
    assert fired(org.validate(), "structure.no-head") == []
    assert fired(org.validate(), "structure.multiple-heads") == []


def test_agency_with_two_heads():
    org = headed()
    org.add("h2", "agency_head")
    found = fired(org.validate(), "structure.multiple-heads")
    assert len(found) == 1
    assert set(found[0].positions) == {"h", "h2"}
    assert fired(org.validate(), "structure.no-head") == []


def test_head_office_needs_no_head():
    org = headed()
    org.add("dg", "other", agency=None, family="management", title="Directeur")
    report = org.validate()
    assert fired(report, "structure.no-head", agency=None) == []


# structure.provider-link -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "fires"),
    [
        ("provider manages by line", True),
        ("provider manages by dotted", True),
        ("provider pilots by contract", True),
        ("staff manages provider by line", True),
        ("staff linked to provider by dotted", True),
        ("staff pilots provider by contract", False),
    ],
)
def test_provider_link_in_both_directions(link, fires):
    org = headed()
    org.add("c", "client_officer", under="h")
    org.add("p", "provider", title="Nettoyage")
    if link == "provider manages by line":
        org.contract("h", "p").line("p", "c")
    elif link == "provider manages by dotted":
        org.contract("h", "p").dotted("p", "c")
    elif link == "provider pilots by contract":
        org.contract("h", "p").contract("p", "c")
    elif link == "staff manages provider by line":
        org.line("h", "p")
    elif link == "staff linked to provider by dotted":
        org.dotted("h", "p")
    else:
        org.contract("h", "p")
    found = fired(org.validate(), "structure.provider-link")
    assert bool(found) is fires
    for finding in found:
        assert finding.severity == "error"
        assert "p" in finding.positions


# structure.orphan --------------------------------------------------------------------------------


def test_agency_staff_without_manager_is_an_orphan():
    org = headed()
    org.add("c", "client_officer")
    found = fired(org.validate(), "structure.orphan")
    assert [f.positions for f in found] == [("c",)]
    assert found[0].severity == "warning"


def test_site_staff_without_manager_is_an_orphan_too():
    org = headed()
    org.add("g", "caretaker")
    assert [f.positions for f in fired(org.validate(), "structure.orphan")] == [("g",)]


def test_attached_staff_is_no_orphan():
    org = headed()
    org.add("c", "client_officer", under="h")
    assert fired(org.validate(), "structure.orphan") == []


def test_head_and_head_office_and_providers_are_exempt_from_orphan():
    org = headed()
    org.add("dg", "other", agency=None, family="management", title="Directeur")
    org.add("rh", "assistant", agency=None)
    org.add("p", "provider", title="Nettoyage")
    org.contract("h", "p")
    assert fired_anywhere(org.validate(), "structure.orphan") == []


# structure.cross-agency --------------------------------------------------------------------------


def test_line_between_two_agencies():
    org = headed().agency("b")
    org.add("hb", "agency_head", agency="b")
    org.add("c", "client_officer", agency="b", under="h")
    found = fired_anywhere(org.validate(), "structure.cross-agency")
    assert len(found) == 1
    assert set(found[0].positions) == {"c", "h"}
    assert found[0].severity == "warning"


def test_line_within_an_agency_is_not_cross_agency():
    org = headed().agency("b")
    org.add("hb", "agency_head", agency="b")
    org.add("c", "client_officer", agency="b", under="hb")
    assert fired_anywhere(org.validate(), "structure.cross-agency") == []


def test_head_office_manager_is_excepted():
    org = Org().agency("b")
    org.add("dg", "other", agency=None, family="management", title="Directeur")
    org.add("h", "agency_head", under="dg")
    org.add("hb", "agency_head", agency="b", under="dg")
    assert fired_anywhere(org.validate(), "structure.cross-agency") == []


# structure.span ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("reports", "fires"), [(12, False), (13, True)])
def test_span_of_the_head(reports, fires):
    org = headed()
    org.team("c", "client_officer", reports, under="h")
    found = fired(org.validate(), "structure.span")
    assert bool(found) is fires
    if fires:
        assert found[0].positions == ("h",)
        assert found[0].severity == "warning"


@pytest.mark.parametrize(("reports", "fires"), [(12, False), (13, True)])
def test_span_of_a_deputy(reports, fires):
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.team("t", "technical_officer", reports, under="d")
    assert [f.positions for f in fired(org.validate(), "structure.span")] == ([("d",)] if fires else [])


def test_sector_managers_are_exempt_from_span():
    org = headed()
    org.add("s", "sector_manager", under="h")
    org.team("g", "caretaker", 13, under="s")
    assert fired(org.validate(), "structure.span") == []


@pytest.mark.parametrize(("reports", "fires"), [(10, False), (11, True)])
def test_span_follows_the_max_direct_reports_parameter(reports, fires):
    org = headed().params(max_direct_reports=10)
    org.team("c", "client_officer", reports, under="h")
    assert bool(fired(org.validate(), "structure.span")) is fires


def test_span_counts_only_hierarchical_reports():
    org = headed()
    org.team("c", "client_officer", 12, under="h")
    org.add("x", "receptionist")
    org.dotted("h", "x")
    assert fired(org.validate(), "structure.span") == []


def test_span_applies_in_head_office():
    org = Org()
    org.add("dg", "other", agency=None, family="management", title="Directeur")
    org.team("r", "assistant", 13, under="dg", agency=None)
    assert [f.positions for f in fired(org.validate(), "structure.span", agency=None)] == [("dg",)]


# structure.single-report -------------------------------------------------------------------------


def test_manager_of_one_is_questioned():
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.add("t", "technical_officer", under="d")
    found = fired(org.validate(), "structure.single-report")
    assert [set(f.positions) for f in found] == [{"d", "t"}]
    assert found[0].severity == "info"


def test_manager_of_two_is_not_questioned():
    org = headed()
    org.add("d", "deputy_technical", under="h")
    org.team("t", "technical_officer", 2, under="d")
    assert fired(org.validate(), "structure.single-report") == []


def test_head_with_one_report_is_exempt():
    org = headed()
    org.add("c", "client_officer", under="h")
    assert fired(org.validate(), "structure.single-report") == []


def test_sector_manager_with_one_caretaker_is_questioned():
    org = headed()
    org.add("s", "sector_manager", under="h")
    org.add("g", "caretaker", under="s")
    assert [set(f.positions) for f in fired(org.validate(), "structure.single-report")] == [{"s", "g"}]
