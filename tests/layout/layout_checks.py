"""Checks shared by the layout tests: overlap of boxes (linear, by a grid of buckets) and the tidy
tree's properties, computed from the input alone so they do not trust the code under test."""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

Box = tuple[float, float, float, float]  # left, top, width, height

EPS = 1e-6


def overlapping(boxes: Mapping[Any, Box]) -> list[tuple[Any, Any]]:
    """Pairs of boxes whose interiors intersect (touching edges do not count). Each box goes into the
    cells of a grid as large as the largest box that it touches, so a pair that intersects shares a
    cell, and each cell holds few boxes: near-linear for a 10,000-node chain as for a 5,000-wide row."""
    if not boxes:
        return []
    cell_w = max(b[2] for b in boxes.values()) or 1.0
    cell_h = max(b[3] for b in boxes.values()) or 1.0
    cells: dict[tuple[int, int], list[Any]] = {}
    for key, (x, y, w, h) in boxes.items():
        for cx in range(math.floor(x / cell_w), math.floor((x + w) / cell_w) + 1):
            for cy in range(math.floor(y / cell_h), math.floor((y + h) / cell_h) + 1):
                cells.setdefault((cx, cy), []).append(key)
    found: set[tuple[Any, Any]] = set()
    order = {key: i for i, key in enumerate(boxes)}
    for members in cells.values():
        for i, a in enumerate(members):
            ax, ay, aw, ah = boxes[a]
            for b in members[i + 1:]:
                bx, by, bw, bh = boxes[b]
                if ax + aw > bx + EPS and bx + bw > ax + EPS and ay + ah > by + EPS and by + bh > ay + EPS:
                    found.add((a, b) if order[a] < order[b] else (b, a))
    return sorted(found, key=lambda pair: (order[pair[0]], order[pair[1]]))


def card_boxes(coordinates: Mapping[str, tuple[float, float]], card: tuple[float, float]) -> dict[str, Box]:
    return {pid: (x, y, card[0], card[1]) for pid, (x, y) in coordinates.items()}


def check_tidy(
    roots: Sequence[Hashable],
    children: Mapping[Any, Sequence[Any]],
    sizes: Mapping[Any, tuple[float, float]],
    result: Mapping[Any, tuple[float, float]],
    *,
    gap: float,
    subtree_gap: float,
    level_gap: float,
) -> None:
    """Every property the tidy tree promises, checked on one result."""
    # Depths and parents, from the input (iteratively: the chain is 10,000 deep).
    depth: dict[Any, int] = {}
    parent: dict[Any, Any] = {}
    stack = [(root, 0) for root in roots]
    while stack:
        node, d = stack.pop()
        depth[node] = d
        for child in children.get(node, ()):
            parent[child] = node
            stack.append((child, d + 1))
    assert set(result) == set(depth), "every node of the forest, and nothing else, is placed"

    boxes = {n: (x, y, sizes[n][0], sizes[n][1]) for n, (x, y) in result.items()}
    assert overlapping(boxes) == []
    assert math.isclose(min(x for x, _ in result.values()), 0.0, abs_tol=EPS)
    assert min(y for _, y in result.values()) == 0.0

    # Every node at the y of its depth: levels as tall as their tallest node, plus the gap.
    tallest: dict[int, float] = {}
    for node, d in depth.items():
        tallest[d] = max(tallest.get(d, 0.0), sizes[node][1])
    top = [0.0]
    for d in range(1, len(tallest)):
        top.append(top[-1] + tallest[d - 1] + level_gap)
    for node, (_, y) in result.items():
        assert math.isclose(y, top[depth[node]], abs_tol=EPS), node

    def centre(node: Any) -> float:
        return result[node][0] + sizes[node][0] / 2

    def scale(value: float) -> float:
        return EPS * max(1.0, abs(value))

    # Each parent centred over its first and last child; siblings in order, `gap` apart at least.
    for node, kids in children.items():
        if node not in result or not kids:
            continue
        middle = (centre(kids[0]) + centre(kids[-1])) / 2
        assert abs(centre(node) - middle) <= scale(middle), node
        for a, b in itertools.pairwise(kids):
            right = result[a][0] + sizes[a][0]
            assert right + gap <= result[b][0] + scale(right), (a, b)
    for a, b in itertools.pairwise(roots):
        right = result[a][0] + sizes[a][0]
        assert right + gap + subtree_gap <= result[b][0] + scale(right), (a, b)

    # On each level, neighbours are the separation apart: `gap`, and `subtree_gap` more for cousins.
    levels: dict[int, list[Any]] = {}
    for node in result:
        levels.setdefault(depth[node], []).append(node)
    for row in levels.values():
        row.sort(key=lambda n: result[n][0])
        for a, b in itertools.pairwise(row):
            apart = gap if a in parent and parent.get(a) == parent.get(b) else gap + subtree_gap
            right = result[a][0] + sizes[a][0]
            assert right + apart <= result[b][0] + scale(right), (a, b)
