"""The tidy tree of Buchheim, Jünger and Leipert, "Improving Walker's algorithm to run in linear time"
(2002), as d3-hierarchy's tree.js writes it, generalised to nodes of different sizes and to forests.

Why this algorithm: it is the one that draws an organisation chart the way people draw it by hand
(parents centred over their children, identical subtrees drawn identically, small subtrees between
large ones spaced evenly) and it runs in linear time, which a chart of 10,000 positions needs.

Generalisations, and what they cost in the paper's guarantees (none):

- **Widths.** Two neighbours on one level are `(width_a + width_b) / 2 + gap` apart, centre to
  centre, when they are siblings, and `subtree_gap` more when they are not (the paper's
  `distance`, which d3 calls `separation`, made a function of the two nodes). The separation is
  only ever asked of two nodes of the same depth, so any such function keeps the proofs.
- **Heights.** A node's y comes from its depth alone: each level is as tall as its tallest node plus
  `level_gap`, so boxes of different levels can never overlap and boxes of one level never overlap
  since their centres are at least the separation apart.
- **Forests.** The roots are the children of an invisible root of width 0 that is never placed; two
  roots are separated like non-siblings (their trees are distinct).

The walks are loops over precomputed orders (no recursion: a 10,000-deep chain needs no more stack
than a leaf), nodes are numbered 0..n-1 with the invisible root as 0, and every node carries its
index among its siblings (`number`) so that `move_subtree` counts the subtrees between two siblings
in O(1). Output: the top-left corner of each node's box, the forest's bounding box starting at
(0, 0), x to the right and y downwards. Deterministic: nothing depends on hashing order.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

N = TypeVar("N", bound=Hashable)

_NONE = -1  # "no node", for threads and left siblings
_VIRTUAL = 0  # the invisible root whose children are the forest's roots


class TidyError(ValueError):
    """The input is not a forest: a node is reached twice, or has no size."""


class _Walker:
    """The per-node state of the paper, in parallel lists indexed by node number.

    prelim/mod/change/shift/thread/ancestor are the paper's fields; `number` is the sibling index,
    `default_ancestor` the paper's `defaultAncestor` kept on each parent, as d3 keeps it in `A`.
    """

    __slots__ = ("ancestor", "change", "children", "default_ancestor", "gap", "mod", "number", "parent",
                 "prelim", "shift", "subtree_gap", "thread", "width")

    def __init__(self, parent: list[int], children: list[list[int]], number: list[int], width: list[float],
                 gap: float, subtree_gap: float) -> None:
        n = len(parent)
        self.parent = parent
        self.children = children
        self.number = number
        self.width = width
        self.gap = gap
        self.subtree_gap = subtree_gap
        self.prelim = [0.0] * n
        self.mod = [0.0] * n
        self.change = [0.0] * n
        self.shift = [0.0] * n
        self.thread = [_NONE] * n
        self.ancestor = list(range(n))
        self.default_ancestor = [_NONE] * n

    # The paper's helpers -------------------------------------------------------------------------

    def separation(self, a: int, b: int) -> float:
        """Centre-to-centre distance two neighbours of one level need."""
        apart = (self.width[a] + self.width[b]) / 2 + self.gap
        parent = self.parent[a]
        if parent != self.parent[b] or parent == _VIRTUAL:
            apart += self.subtree_gap
        return apart

    def next_left(self, v: int) -> int:
        """The next node on the left contour below v: its first child, else its thread."""
        children = self.children[v]
        return children[0] if children else self.thread[v]

    def next_right(self, v: int) -> int:
        """The next node on the right contour below v: its last child, else its thread."""
        children = self.children[v]
        return children[-1] if children else self.thread[v]

    def ancestor_of(self, vim: int, v: int, default_ancestor: int) -> int:
        """The paper's ANCESTOR: the sibling of v whose subtree holds vim, if the `ancestor` pointer
        knows it, else the default ancestor."""
        a = self.ancestor[vim]
        return a if self.parent[a] == self.parent[v] else default_ancestor

    def move_subtree(self, wm: int, wp: int, shift: float) -> None:
        """Shift the subtree of wp right by `shift`, and record that the subtrees between wm and wp
        share that shift evenly (applied later, in one pass, by `execute_shifts`)."""
        change = shift / (self.number[wp] - self.number[wm])
        self.change[wp] -= change
        self.shift[wp] += shift
        self.change[wm] += change
        self.prelim[wp] += shift
        self.mod[wp] += shift

    def execute_shifts(self, v: int) -> None:
        """Apply, right to left, the shifts and changes that `move_subtree` recorded on v's children."""
        prelim, mod, shifts, changes = self.prelim, self.mod, self.shift, self.change
        shift = 0.0
        change = 0.0
        for w in reversed(self.children[v]):
            prelim[w] += shift
            mod[w] += shift
            change += changes[w]
            shift += shifts[w] + change

    def apportion(self, v: int, w: int, default_ancestor: int) -> int:
        """Push v's subtree right until it clears the subtrees of its left siblings at every level,
        following the facing contours with threads; returns the new default ancestor."""
        if w == _NONE:
            return default_ancestor
        prelim, mod, thread = self.prelim, self.mod, self.thread
        # vip/vop: inside/outside contour of the right subtree (v); vim/vom: of the left ones.
        vip = vop = v
        vim = w
        vom = self.children[self.parent[v]][0]
        sip = mod[vip]
        sop = mod[vop]
        sim = mod[vim]
        som = mod[vom]
        vim = self.next_right(vim)
        vip = self.next_left(vip)
        while vim != _NONE and vip != _NONE:
            vom = self.next_left(vom)
            vop = self.next_right(vop)
            self.ancestor[vop] = v
            shift = prelim[vim] + sim - prelim[vip] - sip + self.separation(vim, vip)
            if shift > 0:
                self.move_subtree(self.ancestor_of(vim, v, default_ancestor), v, shift)
                sip += shift
                sop += shift
            sim += mod[vim]
            sip += mod[vip]
            som += mod[vom]
            sop += mod[vop]
            vim = self.next_right(vim)
            vip = self.next_left(vip)
        if vim != _NONE and self.next_right(vop) == _NONE:
            thread[vop] = vim
            mod[vop] += sim - sop
        if vip != _NONE and self.next_left(vom) == _NONE:
            thread[vom] = vip
            mod[vom] += sip - som
            default_ancestor = v
        return default_ancestor

    # The two walks ---------------------------------------------------------------------------------

    def first_walk(self, v: int) -> None:
        """Preliminary x of v relative to its siblings (v's children and left siblings are done)."""
        children = self.children[v]
        parent = self.parent[v]
        number = self.number[v]
        w = self.children[parent][number - 1] if parent != _NONE and number > 0 else _NONE
        if children:
            self.execute_shifts(v)
            midpoint = (self.prelim[children[0]] + self.prelim[children[-1]]) / 2
            if w != _NONE:
                self.prelim[v] = self.prelim[w] + self.separation(v, w)
                self.mod[v] = self.prelim[v] - midpoint
            else:
                self.prelim[v] = midpoint
        elif w != _NONE:
            self.prelim[v] = self.prelim[w] + self.separation(v, w)
        if parent != _NONE:
            current = self.default_ancestor[parent]
            if current == _NONE:
                current = self.children[parent][0]
            self.default_ancestor[parent] = self.apportion(v, w, current)

    def second_walk(self, v: int, x: list[float]) -> None:
        """Final x of v (its centre): its prelim plus the mods of its ancestors, which `mod[parent]`
        holds once the parent has been walked (d3's accumulation of `m`)."""
        parent = self.parent[v]
        if parent == _NONE:
            x[v] = self.prelim[v]
            return
        x[v] = self.prelim[v] + self.mod[parent]
        self.mod[v] += self.mod[parent]


def tidy_tree(
    roots: Sequence[N],
    children: Mapping[N, Sequence[N]],
    sizes: Mapping[N, tuple[float, float]],
    *,
    gap: float = 20.0,
    subtree_gap: float = 20.0,
    level_gap: float = 40.0,
) -> dict[N, tuple[float, float]]:
    """Lay out a forest as tidy trees, roots side by side from left to right; returns each node's
    top-left corner, the forest's bounding box starting at (0, 0).

    `roots` lists the roots in order; `children` gives each node's children in order (a node that
    is missing is a leaf; nodes no root reaches are ignored); `sizes` gives each node's (width,
    height). Siblings' boxes are `gap` apart at least; boxes of non-siblings, roots included,
    `gap + subtree_gap`. Level d starts at the sum, over the levels above it, of their tallest box
    plus `level_gap`. Linear in the number of nodes. Raises TidyError when a node is reached twice
    (the input is not a forest) or has no size.
    """
    if gap < 0 or subtree_gap < 0 or level_gap < 0:
        raise ValueError("gaps must not be negative")
    nodes: list[N | None] = [None]  # number 0 is the invisible root
    index: dict[N, int] = {}
    parent = [_NONE]
    kids: list[list[int]] = [[]]
    number = [0]
    depth = [-1]
    width = [0.0]
    height = [0.0]

    def add(node: N, of: int) -> int:
        if node in index:
            raise TidyError(f"node {node!r} is reached twice: the input is not a forest")
        size = sizes.get(node)
        if size is None:
            raise TidyError(f"node {node!r} has no size")
        i = len(nodes)
        index[node] = i
        nodes.append(node)
        parent.append(of)
        number.append(len(kids[of]))
        kids[of].append(i)
        kids.append([])
        depth.append(depth[of] + 1)
        width.append(float(size[0]))
        height.append(float(size[1]))
        return i

    # Number the nodes in preorder (parents before children, siblings left to right), with a stack.
    preorder: list[int] = [_VIRTUAL]
    stack: list[tuple[N, int]] = [(root, _VIRTUAL) for root in reversed(roots)]
    while stack:
        node, of = stack.pop()
        i = add(node, of)
        preorder.append(i)
        stack.extend((child, i) for child in reversed(children.get(node, ())))

    walker = _Walker(parent, kids, number, width, gap, subtree_gap)
    # First walk in postorder with siblings left to right: d3's eachAfter, the reverse of a preorder
    # that visits the children right to left.
    rightfirst: list[int] = []
    visit = [_VIRTUAL]
    while visit:
        v = visit.pop()
        rightfirst.append(v)
        visit.extend(kids[v])
    for v in reversed(rightfirst):
        walker.first_walk(v)
    x = [0.0] * len(nodes)
    for v in preorder:
        walker.second_walk(v, x)

    levels = [0.0] * (max(depth) + 1)
    for i in range(1, len(nodes)):
        if height[i] > levels[depth[i]]:
            levels[depth[i]] = height[i]
    tops = [0.0] * len(levels)
    for d in range(1, len(levels)):
        tops[d] = tops[d - 1] + levels[d - 1] + level_gap

    left = min((x[i] - width[i] / 2 for i in range(1, len(nodes))), default=0.0)
    return {node: (x[i] - width[i] / 2 - left, tops[depth[i]]) for node, i in index.items()}
