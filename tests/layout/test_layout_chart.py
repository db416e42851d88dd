"""A scenario's canvas layout (layout/chart_layout.py): stacked site staff, hung assistants, contractors
beside their pilot, agencies side by side under head office, broken structures still drawn."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from layout_checks import card_boxes, overlapping

from orgdesigner.app.demo import demo_project
from orgdesigner.layout import layout_agency
from orgdesigner.layout import layout_chart as layout_with_headers
from orgdesigner.layout.chart_layout import AGENCY_HEADER, AGENCY_HEADER_GAP
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Link, LinkType, Position, Scenario
from orgdesigner.model.queries import positions_by_agency
from strategies import scenarios

CW, CH = 180.0, 64.0
GAP, STACK_GAP, LEVEL_GAP, AGENCY_GAP = 24.0, 12.0, 48.0, 96.0


def layout_chart(chart: Chart, **options: object) -> dict[str, tuple[float, float]]:
    """The trees' arrangement measured without the agency headers' room, which is tested on its own
    at the end: the expected coordinates stay the ones a reader can work out."""
    return layout_with_headers(chart, **{"header": (0.0, 0.0), **options})  # type: ignore[arg-type]


def build(positions: list[tuple[str, str] | tuple[str, str, str | None]], *links: tuple[str, str] | Link,
          agencies: tuple[str, ...] = ("a",)) -> Chart:
    """Positions as (id, role) in agency "a", or (id, role, agency); links as (manager, report) lines."""
    made = [Position(p[0], p[1], p[2] if len(p) == 3 else "a", holder="X") for p in positions]
    drawn = [link if isinstance(link, Link) else Link(*link) for link in links]
    return Chart(Scenario("s", agencies=tuple(Agency(a, a.upper()) for a in agencies), positions=tuple(made),
                          links=tuple(drawn)))


def link(source: str, target: str, kind: LinkType) -> Link:
    return Link(source, target, kind)


def centre(xy: tuple[float, float]) -> float:
    return xy[0] + CW / 2


def assert_sound(chart: Chart, result: dict[str, tuple[float, float]]) -> None:
    assert set(result) == {p.id for p in chart.positions()}
    assert overlapping(card_boxes(result, (CW, CH))) == []


# Site staff --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 5, 6, 7, 13, 16, 40])
def test_caretakers_stack_in_compact_columns_under_their_sector_manager(n):
    staff = [(f"g{i}", "building_worker" if i % 4 == 3 else "caretaker") for i in range(n)]
    chart = build([("h", "agency_head"), ("s", "sector_manager"), *staff],
                  ("h", "s"), *(("s", g) for g, _ in staff))
    result = layout_chart(chart)
    assert_sound(chart, result)
    xs = [result[g][0] for g, _ in staff]
    ys = [result[g][1] for g, _ in staff]
    columns = {x: xs.count(x) for x in xs}
    assert len(columns) == math.ceil(n / 6)
    assert max(columns.values()) <= 6
    block_width = max(xs) + CW - min(xs)
    assert block_width <= math.ceil(n / 6) * CW + (math.ceil(n / 6) - 1) * GAP
    # Under their manager: below its row, centred on it (the stack is its only report).
    assert min(ys) == result["s"][1] + CH + LEVEL_GAP
    assert (min(xs) + max(xs) + CW) / 2 == pytest.approx(centre(result["s"]))
    # Filled column by column, top to bottom, in link order.
    order = sorted(range(n), key=lambda i: (xs[i], ys[i]))
    assert order == list(range(n))


def test_two_managers_two_stacks():
    chart = build([("h", "agency_head"), ("s1", "sector_manager"), ("s2", "sector_manager"),
                   *((f"g{i}", "caretaker") for i in range(14))],
                  ("h", "s1"), ("h", "s2"), *(("s1" if i < 8 else "s2", f"g{i}") for i in range(14)))
    result = layout_chart(chart)
    assert_sound(chart, result)
    first = {result[f"g{i}"][0] for i in range(8)}
    second = {result[f"g{i}"][0] for i in range(8, 14)}
    assert len(first) == 2 and len(second) == 1
    assert max(first) + CW < min(second)


def test_the_stack_takes_the_place_of_its_first_member_among_the_reports():
    chart = build([("s", "sector_manager"), ("t1", "technical_officer"), ("g1", "caretaker"),
                   ("t2", "technical_officer"), ("g2", "building_worker")],
                  ("s", "t1"), ("s", "g1"), ("s", "t2"), ("s", "g2"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    assert result["g1"][0] == result["g2"][0]  # one column
    assert result["t1"][0] + CW + GAP == result["g1"][0]
    assert result["g1"][0] + CW + GAP == result["t2"][0]
    assert result["t1"][1] == result["g1"][1] == result["t2"][1]


def test_site_staff_who_manage_someone_keep_their_reports_under_them():
    chart = build([("s", "sector_manager"), ("g1", "caretaker"), ("g2", "caretaker"), ("g3", "caretaker"),
                   ("x", "building_worker")],
                  ("s", "g1"), ("s", "g2"), ("s", "g3"), ("g2", "x"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    assert result["g2"][1] == result["g1"][1]  # in the row of the reports, not in the stack
    assert result["g1"][0] == result["g3"][0] != result["g2"][0]
    assert result["x"][1] > result["g3"][1] + CH  # below the stack's lowest card
    assert centre(result["x"]) == pytest.approx(centre(result["g2"]))


# Assistants --------------------------------------------------------------------------------------------


def test_assistants_hang_beside_their_manager_between_its_row_and_its_reports():
    helpers = [("r1", "receptionist"), ("a1", "assistant"), ("ra", "reception_assistant")]
    chart = Chart(Scenario("s", agencies=(Agency("a", "A"),), positions=(
        Position("h", "agency_head", "a"),
        *(Position(f"c{i}", "client_officer", "a") for i in range(3)),
        *(Position(pid, role, "a") for pid, role in helpers),
        Position("o", "other", "a", title="Accueil", family="reception"),
    ), links=tuple(Link("h", pid) for pid in ["c0", "r1", "c1", "a1", "ra", "c2", "o"])))
    result = layout_chart(chart)
    assert_sound(chart, result)
    reports_top = result["c0"][1]
    assert result["c1"][1] == result["c2"][1] == reports_top
    hung = ["r1", "a1", "ra", "o"]
    for pid in hung:
        x, y = result[pid]
        assert x > centre(result["h"])  # right of the manager's connector
        assert result["h"][1] + CH < y and y + CH < reports_top  # between the rows
    # One column of four (assistant_rows), in link order.
    assert len({result[pid][0] for pid in hung}) == 1
    assert [result[pid][1] for pid in hung] == sorted(result[pid][1] for pid in hung)
    # The reports stay centred under the manager.
    assert centre(result["h"]) == pytest.approx((centre(result["c0"]) + centre(result["c2"])) / 2)


def test_many_assistants_wrap_into_columns_and_overlap_nothing():
    chart = build([("h", "agency_head"), ("d", "deputy_general"), ("x", "client_officer"),
                   *((f"r{i}", "receptionist") for i in range(7)), *((f"c{i}", "client_officer") for i in range(2))],
                  ("h", "d"), ("d", "x"), ("h", "c0"), *(("h", f"r{i}") for i in range(7)), ("h", "c1"))
    result = layout_chart(chart, assistant_rows=3)
    assert_sound(chart, result)
    assert len({result[f"r{i}"][0] for i in range(7)}) == 3
    assert max(result[f"r{i}"][1] for i in range(7)) + CH < result["c0"][1]


def test_an_assistant_who_manages_someone_is_an_ordinary_report():
    chart = build([("h", "agency_head"), ("a", "assistant"), ("c", "client_officer"), ("r", "receptionist")],
                  ("h", "a"), ("h", "c"), ("a", "r"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    assert result["a"][1] == result["c"][1]
    # a's own receptionist hangs beside a, under a's card.
    assert result["r"] == (centre(result["a"]) + STACK_GAP, result["a"][1] + CH + STACK_GAP)


def test_agencies_are_measured_on_their_cards_not_on_the_blocks():
    # h's block is wide (its assistant's column starts at its centre) and empty left of its card.
    chart = build([("h", "agency_head", "a"), ("r", "receptionist", "a"), ("k", "agency_head", "b")],
                  ("h", "r"), agencies=("a", "b"))
    result = layout_chart(chart)
    assert result["h"] == (0.0, 0.0)
    assert result["r"] == (CW / 2 + STACK_GAP, CH + STACK_GAP)
    assert result["k"] == (result["r"][0] + CW + AGENCY_GAP, 0.0)
    assert layout_agency(chart, "a") == {"h": result["h"], "r": result["r"]}


def test_an_assistant_without_a_manager_is_a_root():
    chart = build([("h", "agency_head"), ("a", "assistant")])
    result = layout_chart(chart)
    assert result == {"h": (0.0, 0.0), "a": (CW + GAP + GAP, 0.0)}


# Providers and roots -----------------------------------------------------------------------------------


def test_a_contractor_without_a_line_manager_stands_beside_its_pilot():
    chart = build([("h", "agency_head"), ("s", "sector_manager"), ("g", "caretaker"), ("p", "provider"),
                   ("t", "technical_officer")],
                  ("h", "s"), ("h", "t"), ("s", "g"), link("t", "p", "dotted"), link("s", "p", "contract"),
                  link("t", "p", "contract"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    # First pilot s: the provider is s's last report, right of its stack, in the row under s.
    assert result["p"][1] == result["g"][1] == result["s"][1] + CH + LEVEL_GAP
    assert result["p"][0] == result["g"][0] + CW + GAP
    assert result["p"][0] < result["t"][0]


def test_a_contractor_with_a_line_manager_follows_the_line():
    chart = build([("h", "agency_head"), ("s", "sector_manager"), ("p", "provider")],
                  ("h", "s"), link("s", "p", "contract"), ("h", "p"))
    result = layout_chart(chart)
    assert result["p"][1] == result["s"][1]


def test_a_contractor_nobody_pilots_is_a_root():
    chart = build([("h", "agency_head"), ("c", "client_officer"), ("p", "provider")], ("h", "c"))
    result = layout_chart(chart)
    assert result["p"] == (CW + GAP + GAP, 0.0)


def test_a_line_from_another_agency_or_head_office_is_not_followed():
    chart = build([("d", "other", None), ("h1", "agency_head", "a"), ("c1", "client_officer", "a"),
                   ("h2", "agency_head", "b"), ("x", "client_officer", "b"), ("p", "provider", "b")],
                  ("d", "h1"), ("d", "h2"), ("h1", "c1"), ("h1", "x"), link("h1", "p", "contract"),
                  agencies=("a", "b"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    agency_top = CH + AGENCY_GAP
    assert result["d"][1] == 0.0
    assert result["h1"][1] == result["h2"][1] == result["x"][1] == result["p"][1] == agency_top
    assert result["h2"][0] < result["x"][0] < result["p"][0]  # roots of b, in document order
    assert result["c1"][0] + CW + AGENCY_GAP == result["h2"][0]


def test_several_managers_and_cycles_still_give_one_place_each():
    chart = build([("a", "agency_head"), ("b", "deputy_general"), ("c", "client_officer"), ("d", "mediator"),
                   ("e", "client_officer"), ("y", "client_officer"), ("x", "client_officer")],
                  ("c", "a"), ("a", "b"), ("b", "c"), ("a", "d"), ("e", "d"), ("b", "e"), ("x", "y"), ("y", "x"))
    result = layout_chart(chart)
    assert_sound(chart, result)
    # Cycle a → b → c → a is cut above a (first in document order); x ↔ y above y.
    rows = sorted({y for _, y in result.values()})
    assert [result[p][1] for p in "abcy"] == [*rows[:2], rows[2], rows[0]]
    assert result["x"][1] == rows[1]
    # d has managers a then e: it is drawn under a, beside b.
    assert result["d"][1] == result["b"][1]
    assert result == layout_chart(build([("a", "agency_head"), ("b", "deputy_general"), ("c", "client_officer"),
                                         ("d", "mediator"), ("e", "client_officer"), ("y", "client_officer"),
                                         ("x", "client_officer")],
                                        ("c", "a"), ("a", "b"), ("b", "c"), ("a", "d"), ("e", "d"), ("b", "e"),
                                        ("x", "y"), ("y", "x")))


def test_a_cycle_through_a_pilot_is_cut_too():
    # p pilots nobody but manages s, who pilots p: following the contract would close a cycle.
    chart = build([("p", "provider"), ("s", "sector_manager")], ("p", "s"), link("s", "p", "contract"))
    result = layout_chart(chart)
    assert result == {"p": (0.0, 0.0), "s": (0.0, CH + LEVEL_GAP)}


def test_an_empty_chart_and_an_empty_agency():
    assert layout_chart(Chart(Scenario("s"))) == {}
    chart = build([("h", "agency_head", "b")], agencies=("a", "b", "c"))
    assert layout_chart(chart) == {"h": (0.0, 0.0)}


def test_bad_spacing_is_refused():
    chart = build([("h", "agency_head")])
    with pytest.raises(ValueError):
        layout_chart(chart, card=(0.0, 10.0))
    with pytest.raises(ValueError):
        layout_chart(chart, stack_rows=0)
    with pytest.raises(ValueError):
        layout_agency(chart, "a", gap=-1.0)
    with pytest.raises(ValueError):
        layout_chart(chart, agencies_per_row=0)


# The whole demo ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[0, 1], ids=["existant", "cible"])
def demo(request: pytest.FixtureRequest) -> Chart:
    return Chart(demo_project().scenarios[request.param])


def test_demo_every_card_placed_and_none_overlaps(demo):
    assert_sound(demo, layout_chart(demo))


def test_demo_agencies_side_by_side_in_order_with_head_office_above(demo):
    result = layout_chart(demo)
    groups = positions_by_agency(demo)
    head_office = groups.pop(None)
    assert head_office
    spans = [(min(result[p.id][0] for p in members), max(result[p.id][0] for p in members) + CW)
             for members in groups.values()]
    assert [a.id for a in demo.agencies()] == list(groups)
    for (_, right), (left, _) in itertools.pairwise(spans):
        assert right + AGENCY_GAP == pytest.approx(left)
    hq_bottom = max(result[p.id][1] for p in head_office) + CH
    agencies_top = min(result[p.id][1] for members in groups.values() for p in members)
    assert hq_bottom + AGENCY_GAP == agencies_top
    for members in groups.values():
        heads = [p.id for p in members if p.role == "agency_head"]
        assert {result[h][1] for h in heads} == {agencies_top}
    hq_left = min(result[p.id][0] for p in head_office)
    hq_right = max(result[p.id][0] for p in head_office) + CW
    assert (hq_left + hq_right) / 2 == pytest.approx((spans[0][0] + spans[-1][1]) / 2)


def test_demo_sector_managers_carry_compact_stacks(demo):
    result = layout_chart(demo)
    line = demo.graph("line")
    for position in demo.positions():
        if position.role != "sector_manager":
            continue
        staff = [s for s in line.successors(position.id) if demo.position(s).is_site_staff]
        if not staff:
            continue
        xs = {result[s][0] for s in staff}
        assert len(xs) == math.ceil(len(staff) / 6)
        assert all(result[s][1] > result[position.id][1] + CH for s in staff)


def test_layout_agency_matches_the_whole_layout_where_the_agency_stands(demo):
    whole = layout_chart(demo)
    for agency in [None, *(a.id for a in demo.agencies())]:
        ids = {p.id for p in demo.positions() if p.agency == agency}
        alone = layout_agency(demo, agency)
        assert set(alone) == ids
        assert min(x for x, _ in alone.values()) == 0.0
        assert min(y for _, y in alone.values()) == 0.0
        dx = min(whole[p][0] for p in ids)
        dy = min(whole[p][1] for p in ids)
        assert alone == {p: (whole[p][0] - dx, whole[p][1] - dy) for p in ids}


def test_layout_agency_stays_where_the_agency_was_placed():
    chart = build([("h", "agency_head"), ("c", "client_officer"), ("o", "client_officer", "b")],
                  ("h", "c"), agencies=("a", "b"))
    chart.set_position_xy("c", (500.0, 300.0))
    chart.set_position_xy("h", (900.0, 250.0))
    chart.set_position_xy("o", (0.0, 0.0))
    result = layout_agency(chart, "a")
    assert result == {"h": (500.0, 250.0), "c": (500.0, 250.0 + CH + LEVEL_GAP)}
    assert chart.position_xy("h") == (900.0, 250.0)  # the chart is not changed


# Any well-formed scenario -----------------------------------------------------------------------------


@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios(max_positions=60))
def test_any_scenario_every_card_once_none_overlapping_agencies_apart(scenario):
    chart = Chart(scenario)
    result = layout_chart(chart)
    assert_sound(chart, result)
    assert layout_chart(chart) == result
    groups = positions_by_agency(chart)
    groups.pop(None)
    spans = [(min(result[p.id][0] for p in members), max(result[p.id][0] for p in members) + CW)
             for members in groups.values() if members]
    for (_, right), (left, _) in itertools.pairwise(spans):
        assert right + AGENCY_GAP == pytest.approx(left)


# Agency headers -----------------------------------------------------------------------------------------


def test_each_agency_has_room_above_it_for_its_header_and_headers_never_overlap(demo):
    result = layout_with_headers(demo)
    assert_sound(demo, result)
    head_office = [p.id for p in demo.positions() if p.agency is None]
    hq_bottom = max(result[p][1] for p in head_office) + CH
    header_w, header_h = AGENCY_HEADER
    headers = []
    for members in positions_by_agency(demo).values():
        ids = [p.id for p in members]
        if not ids or members[0].agency is None:
            continue
        left = min(result[p][0] for p in ids)
        right = max(result[p][0] for p in ids) + CW
        top = min(result[p][1] for p in ids)
        header = ((left + right - header_w) / 2, top - AGENCY_HEADER_GAP - header_h)
        assert header[1] >= hq_bottom + AGENCY_GAP
        headers.append(header)
    assert overlapping(card_boxes(dict(enumerate(headers)), AGENCY_HEADER)) == []  # type: ignore[arg-type]


def test_an_agency_narrower_than_its_header_is_centred_in_the_header_s_width():
    chart = build([("h", "agency_head", "a"), ("k", "agency_head", "b")], agencies=("a", "b"))
    result = layout_with_headers(chart)
    header_w, header_h = AGENCY_HEADER
    assert result["h"] == ((header_w - CW) / 2, header_h + AGENCY_HEADER_GAP)
    assert result["k"][0] - result["h"][0] == header_w + AGENCY_GAP


def test_past_ten_agencies_they_wrap_into_rows_below_the_deepest_of_the_row_above():
    agencies = tuple(f"a{i:02d}" for i in range(23))
    positions: list[tuple[str, str] | tuple[str, str, str | None]] = []
    links = []
    for i, agency in enumerate(agencies):
        positions.append((f"h{i}", "agency_head", agency))
        for j in range(i % 4):  # agencies of different depths
            positions.append((f"c{i}-{j}", "client_officer", agency))
            links.append((f"h{i}" if j == 0 else f"c{i}-{j - 1}", f"c{i}-{j}"))
    chart = build(positions, *links, agencies=agencies)
    result = layout_with_headers(chart)
    assert_sound(chart, result)
    header_h = AGENCY_HEADER[1] + AGENCY_HEADER_GAP
    tops = [result[f"h{i}"][1] for i in range(23)]
    assert tops[:10] == [tops[0]] * 10 and tops[10:20] == [tops[10]] * 10 and tops[20:] == [tops[20]] * 3
    deepest_first_row = max(xy[1] for pid, xy in result.items() if int(pid[1:].split("-")[0]) < 10) + CH
    assert tops[10] == deepest_first_row + AGENCY_GAP + header_h
    assert [result[f"h{i}"][0] for i in range(10)] == [result[f"h{i + 10}"][0] for i in range(10)]
    assert layout_with_headers(chart, agencies_per_row=23) != result
    assert len({xy[1] for pid, xy in layout_with_headers(chart, agencies_per_row=23).items()
                if pid.startswith("h")}) == 1
