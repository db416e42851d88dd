"""The tidy tree (layout/tidy.py): coordinates of named tricky trees worked out by hand from the
algorithm's definition, and its promises on random forests, a 10,000-deep chain and a 5,000-wide star.

Hand computations use boxes 10 wide and 10 tall, `gap=10` and `subtree_gap=20`, so that siblings'
centres are 20 apart and cousins' 40 (d3's separation of 1 and 2, times 20), and `level_gap=10`, so
that level d starts at y = 20 d. With every box 10 wide the leftmost box's centre is at x = 5 and a
box's top-left x is its centre's x shifted by the same amount for all boxes.
"""

from __future__ import annotations

import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_checks import check_tidy

from orgdesigner.layout import TidyError, tidy_tree

UNIT = {"gap": 10.0, "subtree_gap": 20.0, "level_gap": 10.0}


def unit_sizes(children: dict[str, list[str]], *roots: str) -> dict[str, tuple[float, float]]:
    nodes = set(roots) | set(children) | {c for kids in children.values() for c in kids}
    return {n: (10.0, 10.0) for n in nodes}


# Named trees -----------------------------------------------------------------------------------------


def test_single_node_at_the_origin():
    assert tidy_tree(["a"], {}, {"a": (180.0, 64.0)}) == {"a": (0.0, 0.0)}


def test_empty_forest():
    assert tidy_tree([], {}, {}) == {}


def test_parent_with_one_child_is_right_above_it():
    # Centres coincide; the wider parent's left edge is the forest's left edge.
    result = tidy_tree(["p"], {"p": ["c"]}, {"p": (100.0, 50.0), "c": (60.0, 30.0)},
                       gap=20.0, subtree_gap=20.0, level_gap=40.0)
    assert result == {"p": (0.0, 0.0), "c": (20.0, 90.0)}


def test_parent_centred_over_three_children_of_different_widths():
    # Centres: c0 at 0; c1 at 0 + (40 + 100) / 2 + 10 = 80; c2 at 80 + (100 + 60) / 2 + 10 = 170;
    # p at (0 + 170) / 2 = 85. Left edges -20, 30, 140 and 45: shifted right by 20.
    # Level 1 starts at p's height 30 plus 10.
    sizes = {"p": (80.0, 30.0), "c0": (40.0, 20.0), "c1": (100.0, 40.0), "c2": (60.0, 30.0)}
    result = tidy_tree(["p"], {"p": ["c0", "c1", "c2"]}, sizes, **UNIT)
    assert result == {"p": (65.0, 0.0), "c0": (0.0, 40.0), "c1": (50.0, 40.0), "c2": (160.0, 40.0)}


def test_small_subtrees_between_large_ones_are_spaced_evenly():
    """Buchheim, Jünger and Leipert's motivating case: r has children a, l1, l2, l3, b, where a and b
    have four leaves each and l1..l3 are leaves. In units of 20: a's leaves at 0..3, a at 1.5, the
    leaves at 2.5, 3.5, 4.5 and b at 5.5 with its leaves at 4..7, 2 left of a's: `apportion` pushes
    b right by 1 and `execute_shifts` spreads that shift over the four gaps between a and b, so
    l1, l2, l3 move by 1/4, 2/4, 3/4: a 1.5, l1 2.75, l2 4, l3 5.25, b 6.5 (evenly, 1.25 apart), b's
    leaves 5..8, r at (1.5 + 6.5) / 2 = 4. Walker's original algorithm would leave l1..l3 packed
    to the left."""
    children = {"r": ["a", "l1", "l2", "l3", "b"], "a": ["a1", "a2", "a3", "a4"], "b": ["b1", "b2", "b3", "b4"]}
    result = tidy_tree(["r"], children, unit_sizes(children, "r"), **UNIT)
    # Top-left x = 20 * centre in units (the centre of a1, at 0, has its left edge at -5 → 0, +5).
    assert result == {
        "r": (80.0, 0.0),
        "a": (30.0, 20.0), "l1": (55.0, 20.0), "l2": (80.0, 20.0), "l3": (105.0, 20.0), "b": (130.0, 20.0),
        "a1": (0.0, 40.0), "a2": (20.0, 40.0), "a3": (40.0, 40.0), "a4": (60.0, 40.0),
        "b1": (100.0, 40.0), "b2": (120.0, 40.0), "b3": (140.0, 40.0), "b4": (160.0, 40.0),
    }


def test_deep_unbalanced_tree_is_pushed_apart_by_its_deepest_collision():
    """r → a, b; a → a1 → a11 (a chain); b → b1, b2; b1 → b11, b12, b13. In units of 20: a, a1, a11
    at 0. b first sits at 1, centred over b1 (0 + 1) and b2 (0 + 2): mod -0.5. Level 2 needs b1 at
    a1 + 2: b moves right by 1.5 to 2.5. Level 3, reached through b2's thread to b13, needs b11 at
    a11 + 2: b moves 1 more, to 3.5 (mod 2). So b1 3, b2 4, b11..b13 2, 3, 4, and r at 1.75."""
    children = {"r": ["a", "b"], "a": ["a1"], "a1": ["a11"], "b": ["b1", "b2"], "b1": ["b11", "b12", "b13"]}
    result = tidy_tree(["r"], children, unit_sizes(children, "r"), **UNIT)
    assert result == {
        "r": (35.0, 0.0),
        "a": (0.0, 20.0), "b": (70.0, 20.0),
        "a1": (0.0, 40.0), "b1": (60.0, 40.0), "b2": (80.0, 40.0),
        "a11": (0.0, 60.0), "b11": (40.0, 60.0), "b12": (60.0, 60.0), "b13": (80.0, 60.0),
    }


def test_roots_side_by_side_a_subtree_gap_further_apart():
    # Two roots are not siblings: 10 + 10 + 20 apart, edge to edge 30 + 10.
    result = tidy_tree(["x", "y"], {}, {"x": (10.0, 10.0), "y": (10.0, 30.0)}, **UNIT)
    assert result == {"x": (0.0, 0.0), "y": (40.0, 0.0)}


def test_levels_as_tall_as_their_tallest_node():
    sizes = {"r": (10.0, 5.0), "s": (10.0, 70.0), "c": (10.0, 10.0), "t": (10.0, 30.0), "g": (10.0, 10.0)}
    result = tidy_tree(["r", "s"], {"r": ["c"], "s": ["t"], "c": ["g"]}, sizes, **UNIT)
    assert {n: y for n, (_, y) in result.items()} == {"r": 0.0, "s": 0.0, "c": 80.0, "t": 80.0, "g": 120.0}


def test_not_a_forest_is_refused():
    with pytest.raises(TidyError, match="twice"):
        tidy_tree(["a"], {"a": ["b", "c"], "b": ["c"]}, {n: (1.0, 1.0) for n in "abc"})
    with pytest.raises(TidyError, match="twice"):
        tidy_tree(["a", "b"], {"a": ["b"]}, {n: (1.0, 1.0) for n in "ab"})
    with pytest.raises(TidyError, match="no size"):
        tidy_tree(["a"], {"a": ["b"]}, {"a": (1.0, 1.0)})
    with pytest.raises(ValueError, match="negative"):
        tidy_tree(["a"], {}, {"a": (1.0, 1.0)}, gap=-1.0)


def test_same_input_same_output_whatever_the_node_type():
    children = {"r": ["a", "b", "c"], "a": ["d", "e"], "c": ["f"]}
    sizes = {n: (10.0 + 7 * i, 10.0 + i) for i, n in enumerate("rabcdef")}
    first = tidy_tree(["r"], children, sizes)
    assert tidy_tree(["r"], children, sizes) == first
    numbered = tidy_tree([0], {"rabcdef".index(k): ["rabcdef".index(c) for c in v] for k, v in children.items()},
                         {"rabcdef".index(k): v for k, v in sizes.items()})
    assert {"rabcdef"[k]: v for k, v in numbered.items()} == first


# Properties ------------------------------------------------------------------------------------------


@st.composite
def forests(draw: st.DrawFn, max_nodes: int = 300) -> tuple[list[int], dict[int, list[int]],
                                                                dict[int, tuple[float, float]]]:
    """Random forests: node i hangs under an earlier node, chosen anywhere (wide, shallow trees) or
    among the last few (deep ones), or is a new root; sizes vary freely."""
    n = draw(st.integers(1, max_nodes))
    deep = draw(st.integers(1, 8))
    root_rate = draw(st.integers(0, 30))
    raw = draw(st.lists(st.integers(0, 2**16), min_size=n, max_size=n))
    widths = draw(st.lists(st.floats(1.0, 250.0), min_size=n, max_size=n))
    heights = draw(st.lists(st.integers(1, 120), min_size=n, max_size=n))
    roots = [0]
    children: dict[int, list[int]] = {}
    for i in range(1, n):
        r = raw[i]
        if r % 100 < root_rate:
            roots.append(i)
            continue
        parent = r % i if r % 2 else i - 1 - (r // 2) % min(i, deep)
        children.setdefault(parent, []).append(i)
    return roots, children, {i: (widths[i], float(heights[i])) for i in range(n)}


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(forests(), st.sampled_from([(0.0, 0.0), (20.0, 20.0), (8.0, 40.0)]), st.sampled_from([0.0, 40.0]))
def test_random_forests_keep_every_promise(forest, gaps, level_gap):
    roots, children, sizes = forest
    gap, subtree_gap = gaps
    result = tidy_tree(roots, children, sizes, gap=gap, subtree_gap=subtree_gap, level_gap=level_gap)
    check_tidy(roots, children, sizes, result, gap=gap, subtree_gap=subtree_gap, level_gap=level_gap)


def test_a_10000_deep_chain_with_the_default_recursion_limit():
    assert sys.getrecursionlimit() <= 10_000
    n = 10_000
    children = {i: [i + 1] for i in range(n - 1)}
    sizes = {i: (40.0 + i % 7 * 10, 20.0 + i % 3) for i in range(n)}
    start = time.perf_counter()
    result = tidy_tree([0], children, sizes, gap=10.0, subtree_gap=10.0, level_gap=10.0)
    assert time.perf_counter() - start < 2.0
    check_tidy([0], children, sizes, result, gap=10.0, subtree_gap=10.0, level_gap=10.0)
    # A chain is a straight vertical line of centres.
    assert {x + sizes[i][0] / 2 for i, (x, _) in result.items()} == {50.0}


def test_a_5000_wide_star():
    n = 5_000
    children = {0: list(range(1, n + 1))}
    sizes = {i: (30.0 + i % 5 * 10, 20.0) for i in range(n + 1)}
    start = time.perf_counter()
    result = tidy_tree([0], children, sizes, gap=10.0, subtree_gap=10.0, level_gap=10.0)
    assert time.perf_counter() - start < 2.0
    check_tidy([0], children, sizes, result, gap=10.0, subtree_gap=10.0, level_gap=10.0)
    # Leaves are packed: each exactly `gap` after the previous one.
    for a in range(1, n):
        assert result[a + 1][0] == pytest.approx(result[a][0] + sizes[a][0] + 10.0)


def test_a_deep_comb_threads_across_many_levels():
    """A comb (a spine whose every node also has a leaf on its left) hung beside a long chain: the
    contours are followed through threads for thousands of levels, still without recursion."""
    n = 3_000
    children: dict[str, list[str]] = {"root": ["chain0", "spine0"]}
    for i in range(n):
        children[f"chain{i}"] = [f"chain{i + 1}"]
        children[f"spine{i}"] = [f"leaf{i}", f"spine{i + 1}"]
    nodes = {"root"} | {c for kids in children.values() for c in kids}
    sizes = {node: (10.0 + len(node), 10.0) for node in nodes}
    result = tidy_tree(["root"], children, sizes, **UNIT)
    check_tidy(["root"], children, sizes, result, **UNIT)
