"""Small-cell suppression of published counts: primary, secondary and rounding. No QGIS.

A set of published tables is one **cube**: every combination of one node from each dimension
(e.g. area x age band x sex x risk class), where each dimension is a tree whose parent node is the
sum of its children (province > districts > sub-districts; all ages > age bands; persons scored >
high, medium, low). Every cell of the cube, margins and totals included, is published or hidden,
and every parent = sum-of-children relation with the other dimensions held fixed is an
**equation** a reader can use.

- Primary suppression: a cell with 1 to k-1 persons is hidden (CTDC publishes with k = 11).
- Attribute disclosure (optional ``attribute`` dimension and ``dominance`` share): a group whose
  persons are all, or all but a few, in one class (one class >= the share of the group, and the
  other classes together fewer than k persons) tells every member's class, through its class
  counts and its zeros; all its class cells are hidden,
  zeros included ('dominance'), and each hidden zero gets a **raising witness**: a pattern of
  hidden cells (+1/-1 along every dimension, a product of one small tree-consistent vector per
  dimension) that adds persons to the zero and takes them only from positive cells, so that the
  published figures also fit a group that is not dominated.
- Secondary suppression, to a fixed point: an equation with exactly one hidden cell would give it
  away by subtraction, so the smallest positive published cell of that equation is hidden too;
  then every hidden cell must be shown free by a **witness**: a solution of the hidden cells'
  homogeneous system (a null vector) that moves it. Witnesses are found block by block (a subtree
  of the largest dimension, or a few of its branches, with all the other dimensions): a null
  vector of a block, zero outside it, is a null vector of the whole system, so a cell freed in a
  block is free. A cell with no witness gets another complement. Hiding more cells only adds
  solutions, so a witness stays valid and each round checks only the cells still without one.
  When a block holds every hidden cell the check is exact (the old whole-system SVD); otherwise a
  cell without a witness may be free after all, and is protected anyway (slight over-suppression,
  never under-suppression).
- Why a witness is enough under non-negativity: every hidden cell is positive except hidden zeros,
  and the raising witnesses lift every hidden zero, so some solution x+ of the published system is
  positive in every hidden cell; moving x+ along a cell's witness changes that cell, so its
  feasible range is an interval, never a single value.
- Rounding (optional, to a base such as 5) is applied to published cells after suppression.
"""
from __future__ import annotations

import heapq
import itertools
from collections.abc import Collection, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..feedback import Feedback, NullFeedback, check_canceled


class Dimension:
    """A tree of nodes: ``parents`` maps each node to its parent, the root to None."""

    def __init__(self, name: str, parents: Mapping[Hashable, Hashable | None]) -> None:
        self.name = name
        self.parents = dict(parents)
        roots = [n for n, p in self.parents.items() if p is None]
        if len(roots) != 1:
            raise ValueError(f"dimension {name} needs exactly one root, has {roots}")
        self.root = roots[0]
        self.children = {}
        for node, parent in self.parents.items():
            if parent is not None:
                if parent not in self.parents:
                    raise ValueError(f"dimension {name}: {node}'s parent {parent} is not a node")
                self.children.setdefault(parent, []).append(node)

    @property
    def nodes(self) -> list[Hashable]:
        return list(self.parents)

    def lineage(self, node: Hashable) -> Iterator[Hashable]:
        """The node and its ancestors up to the root."""
        while node is not None:
            yield node
            node = self.parents[node]


@dataclass
class Protected:
    """The cube after protection: true values, which cells are hidden and why, published values."""
    dimensions: list
    values: dict                       # cell -> true count
    hidden: dict = field(default_factory=dict)   # cell -> 'primary' or 'secondary'
    k: int = 11
    rounding: int = 1

    def published(self, cell: tuple) -> int | None:
        """The published count of a cell (rounded to the base), or None when suppressed."""
        if cell in self.hidden:
            return None
        return round_to_base(self.values[cell], self.rounding)


def round_to_base(value: int, base: int) -> int:
    """``value`` to the nearest multiple of ``base`` (halves up); base 1 leaves it as it is."""
    if base <= 1:
        return value
    return int(base * ((2 * value + base) // (2 * base)))


def cube_values(dimensions: Sequence[Dimension], counts: Mapping[tuple, int]) -> dict[tuple, int]:
    """Every cell of the cube with its count, from ``counts`` {(node per dimension): persons} at
    any nodes (usually leaves): each count is added to every combination of its nodes' lineages."""
    values = dict.fromkeys(itertools.product(*(d.nodes for d in dimensions)), 0)
    for key, count in counts.items():
        for cell in itertools.product(*(list(d.lineage(n)) for d, n in zip(dimensions, key))):
            values[cell] += count
    return values


def equations(dimensions: Sequence[Dimension]) -> list[tuple[tuple, list[tuple]]]:
    """Every parent = sum-of-children relation of the cube: a list of (parent cell, [children])."""
    found = []
    for i, dim in enumerate(dimensions):
        others = [d.nodes for j, d in enumerate(dimensions) if j != i]
        for parent, children in dim.children.items():
            for rest in itertools.product(*others):
                def cell(node, rest=rest, i=i):
                    return rest[:i] + (node,) + rest[i:]
                found.append((cell(parent), [cell(c) for c in children]))
    return found


def protect(dimensions: Sequence[Dimension], counts: Mapping[tuple, int], k: int = 11,
            rounding: int = 1, feedback: Feedback | None = None, attribute: str | None = None,
            dominance: float | None = None, block: int | None = None,
            harmless: Collection[Hashable] = ()) -> Protected:
    """Primary and secondary suppression of the cube of ``counts``; returns ``Protected``.

    ``attribute`` names the dimension whose classes must not be given away for a whole group and
    ``dominance`` the share of a group one class may hold before the group's class cells are
    hidden (e.g. "risk_class" and 0.9) when the other classes hold fewer than k persons; without
    them only small cells are protected. ``harmless``: classes whose dominance tells a member
    nothing harmful (e.g. "low": "every infant here is at low risk"); their small neighbours are
    still protected as small cells. ``block``: hidden cells per exact check (default
    BLOCK_CELLS)."""
    if k < 1 or rounding < 1:
        raise ValueError("k and the rounding base must be at least 1")
    if dominance is not None and not 0 < dominance <= 1:
        raise ValueError("the dominance share must be above 0 and at most 1")
    feedback = feedback or NullFeedback()
    values = cube_values(dimensions, counts)
    hidden = {c: "primary" for c, v in values.items() if 0 < v < k}
    eqs = [[parent, *children] for parent, children in equations(dimensions)]
    by_cell = {}
    for n, members in enumerate(eqs):
        for cell in members:
            by_cell.setdefault(cell, []).append(n)
    witnessed = set()
    if attribute is not None and dominance is not None:
        axis = [d.name for d in dimensions].index(attribute)
        zeros = _hide_dominated(dimensions, axis, values, hidden, dominance, k, harmless)
        # A raising witness is a null vector of the hidden cells: every cell of it is free.
        witnessed |= _raise_zeros(dimensions, sorted(zeros, key=repr), values, hidden, feedback)
    while True:
        _close_single_gaps(eqs, by_cell, values, hidden, feedback, dimensions[0].root)
        unproven = unproven_cells(dimensions, eqs, hidden, witnessed, block or BLOCK_CELLS,
                                  feedback)
        if not unproven:
            break
        # A complement beside every cell without a witness at once: a few more cells hidden than
        # strictly needed, but fewer rounds. With every positive cell hidden the system is
        # homogeneous and fixes no positive cell, so a complement is always found.
        for cell in sorted(unproven, key=repr):
            if _complement_near(eqs, by_cell, cell, values, hidden, dimensions[0].root) is None:
                raise RuntimeError(f"no positive cell left to hide beside {cell}")
    return Protected(list(dimensions), values, hidden, k, rounding)


def _hide_dominated(dimensions, axis, values, hidden, dominance, k, harmless=()):
    """Hide every class cell (zeros too) of each group where one class holds >= ``dominance`` of
    the group's persons and the other classes fewer than ``k``, unless that class is
    ``harmless``; returns the hidden zeros, which need raising witnesses. A group whose other
    classes hold k or more persons leaves each member's class as uncertain as a published cell of
    k does (e.g. a province 91 % low)."""
    attr = dimensions[axis]
    classes = attr.children[attr.root]
    others = [d.nodes for i, d in enumerate(dimensions) if i != axis]
    zeros = set()
    for rest in itertools.product(*others):
        def cell(node, rest=rest):
            return rest[:axis] + (node,) + rest[axis:]
        total = values[cell(attr.root)]
        largest = max(classes, key=lambda c: values[cell(c)])
        persons = values[cell(largest)]
        if total > 0 and persons >= dominance * total and total - persons < k \
                and largest not in harmless:
            for c in classes:
                if values[cell(c)] == 0:
                    zeros.add(cell(c))
                hidden.setdefault(cell(c), "dominance")
    return zeros


def _factors(dim, node, size, limit=12, cousins=6):
    """Small tree-consistent vectors on one dimension ({node: +1/-1}, parent = sum of children)
    that are +1 at ``node``: the difference of a path down from it and one down from a sibling
    (their parent cancels), or from a cousin (the grandparent cancels), or its lineage (a leaf
    below it up to the root). Siblings, cousins and paths down go through the largest nodes
    (``size``) first, where persons can be taken from; lineages, which reach the root's margins,
    come last."""
    def kids(n):
        return sorted(dim.children.get(n, []), key=lambda c: (-size(c), repr(c)))

    def down(n):                 # n and a leaf below it, through the largest children
        path = [n]
        while dim.children.get(path[-1]):
            path.append(kids(path[-1])[0])
        return path

    def downs(n):                # paths from n through each of its children (a few)
        found = kids(n)
        return [[n] + down(c) for c in found[:2]] if found else [[n]]

    found = []                   # differences first: they stay below the margins
    parent = dim.parents[node]
    for sibling in (kids(parent) if parent is not None else []):
        if sibling != node:
            for path in downs(node):
                found.append({**dict.fromkeys(path, 1), **dict.fromkeys(down(sibling), -1)})
    found = found[:limit - 2]
    grand = dim.parents[parent] if parent is not None else None
    if grand is not None:
        near = sorted((c for u in dim.children[grand] if u != parent for c in dim.children[u]),
                      key=lambda c: (-size(c), repr(c)))
        for cousin in near[:cousins]:
            found.append({**dict.fromkeys(down(node) + [parent], 1),
                          **dict.fromkeys(down(cousin) + [dim.parents[cousin]], -1)})
    for path in downs(node):
        found.append(dict.fromkeys(path + list(dim.lineage(node))[1:], 1))
    return found


def _raise_zeros(dimensions, zeros, values, hidden, feedback):
    """Give each hidden zero a raising witness: the cheapest product of one factor per dimension
    whose +1 cells include the zero and whose -1 cells are all positive (persons can be taken
    from them); then hide its cells. Cheapest: fewest cells to hide at the root of the largest
    dimension (the province's own figures), then fewest cells to hide. Every combination of
    factors is weighed at once on dense arrays of the cube. Returns the cells of the witnesses."""
    if not zeros:
        return set()
    nodes = [d.nodes for d in dimensions]
    index = [{n: i for i, n in enumerate(ns)} for ns in nodes]
    shape = tuple(len(ns) for ns in nodes)
    strides = [int(np.prod(shape[i + 1:])) for i in range(len(shape))]
    positive = np.zeros(shape, bool)
    for cell, v in values.items():
        positive[tuple(ix[n] for ix, n in zip(index, cell))] = v > 0
    shown = np.ones(shape, bool)
    for cell in hidden:
        shown[tuple(ix[n] for ix, n in zip(index, cell))] = False
    largest = max(range(len(shape)), key=lambda i: shape[i])
    at_root = np.zeros(shape, bool)
    at_root[(slice(None),) * largest + (index[largest][dimensions[largest].root],)] = True
    positive, shown, at_root = positive.ravel(), shown.ravel(), at_root.ravel()
    roots = [d.root for d in dimensions]

    def margin(d):               # a node's persons over every other dimension
        return lambda n: values[tuple(n if i == d else r for i, r in enumerate(roots))]

    n_dims = len(shape)
    moved = set()
    for zero in zeros:
        check_canceled(feedback)
        lin, sign = np.zeros([1] * 2 * n_dims, np.int64), np.ones([1] * 2 * n_dims, np.int8)
        for d, dim in enumerate(dimensions):
            options = _factors(dim, zero[d], margin(d))
            width = max(len(f) for f in options)
            idx = np.zeros((len(options), width), np.int64)
            sg = np.zeros((len(options), width), np.int8)
            for i, factor in enumerate(options):
                for j, (n, s) in enumerate(factor.items()):
                    idx[i, j], sg[i, j] = index[d][n] * strides[d], s
            view = [1] * 2 * n_dims
            view[d], view[n_dims + d] = idx.shape
            lin, sign = lin + idx.reshape(view), sign * sg.reshape(view)
        combos = int(np.prod(lin.shape[:n_dims]))
        lin, sign = lin.reshape(combos, -1), sign.reshape(combos, -1)
        fits = ~((sign < 0) & ~positive[lin]).any(1)
        new = (sign != 0) & shown[lin]
        cost = (new & at_root[lin]).sum(1) * lin.shape[1] + new.sum(1)
        # The all-lineage product has no -1 cell, so some witness always fits.
        best = int(np.argmin(np.where(fits, cost, np.iinfo(np.int64).max)))
        for position in lin[best][sign[best] != 0]:
            shown[position] = False
            cell = _cell_at(nodes, shape, int(position))
            hidden.setdefault(cell, "secondary")
            moved.add(cell)
    return moved


def _cell_at(nodes, shape, position):
    return tuple(ns[i] for ns, i in zip(nodes, np.unravel_index(position, shape)))


def _close_single_gaps(eqs, by_cell, values, hidden, feedback, top=None):
    """Hide a complement in every equation with exactly one hidden cell, until none has one
    (equations in a fixed order, for the same result every run)."""
    queue = list(range(len(eqs)))
    queued = set(queue)
    while queue:
        check_canceled(feedback)
        n = heapq.heappop(queue)
        queued.discard(n)
        if sum(cell in hidden for cell in eqs[n]) == 1:
            chosen = _complement(eqs, [n], values, hidden, top)
            if chosen is not None:
                for m in by_cell[chosen]:
                    if m not in queued:
                        queued.add(m)
                        heapq.heappush(queue, m)


def _complement(eqs, candidates, values, hidden, top=None):
    """Hide the smallest positive published cell of the equations ``candidates`` (ties broken by
    the cell, for the same result every run), a cell below ``top`` (the first dimension's root,
    e.g. the province: its figures are the most read) before one of it; returns it, or None
    when there is none. Zeros are never hidden
    here: a hidden zero needs a raising witness, or non-negativity could pin it."""
    pool = {c for n in candidates for c in eqs[n] if c not in hidden and values[c] > 0}
    if not pool:
        return None
    chosen = min(pool, key=lambda c: (c[0] == top, values[c], repr(c)))
    hidden[chosen] = "secondary"
    return chosen


def _complement_near(eqs, by_cell, cell, values, hidden, top=None):
    """A complement for a ``cell`` without a witness: from its own equations, else from those of
    the hidden cells it is tied to, widening ring by ring."""
    seen_cells, ring = {cell}, set(by_cell[cell])
    seen_eqs = set(ring)
    while ring:
        chosen = _complement(eqs, sorted(ring), values, hidden, top)
        if chosen is not None:
            return chosen
        tied = {c for n in ring for c in eqs[n] if c in hidden} - seen_cells
        seen_cells |= tied
        ring = {n for c in tied for n in by_cell[c]} - seen_eqs
        seen_eqs |= ring
    return None


BLOCK_CELLS = 1500   # hidden cells per block: an SVD of that size takes about a second


def determined_cells(eqs: Sequence[Sequence[tuple]], values: Mapping[tuple, int],
                     hidden: Collection[tuple], dimensions: Sequence[Dimension] | None = None,
                     block: int = BLOCK_CELLS) -> set[tuple]:
    """Hidden cells that no witness shows free: exactly the cells the equations and the published
    cells fix when all hidden cells fit in one block (always so without ``dimensions``)."""
    del values   # the published values only move the right-hand side, not what is determined
    if dimensions is None:
        block = max(block, len(hidden))
    return unproven_cells(dimensions, eqs, hidden, set(), block=block)


def unproven_cells(dimensions: Sequence[Dimension] | None, eqs: Sequence[Sequence[tuple]],
                   hidden: Collection[tuple], witnessed: set[tuple], block: int = BLOCK_CELLS,
                   feedback: Feedback | None = None) -> set[tuple]:
    """Hidden cells not in ``witnessed`` that no block's null space frees; ``witnessed`` grows by
    every cell freed. Blocks, from the bottom of the largest dimension up: a node's whole subtree
    when its hidden cells fit in ``block``, else runs of its children's subtrees (with the node);
    then, for a cell still without a witness, its branch paired with each sibling branch it
    shares an equation with."""
    rows, cell_rows = _hidden_rows(eqs, hidden)
    todo = {c for c in hidden if c not in witnessed}
    if not todo:
        return set()
    if len(hidden) <= block or not dimensions:
        witnessed.update(_null_support(sorted(hidden, key=repr), rows, cell_rows))
        return todo - witnessed
    split = max(range(len(dimensions)), key=lambda i: len(dimensions[i].nodes))
    dim = dimensions[split]
    by_node = {}
    for c in sorted(hidden, key=repr):
        by_node.setdefault(c[split], []).append(c)
    subtree = {}
    order = _postorder(dim)
    for node in order:
        subtree[node] = [node] + [n for c in dim.children.get(node, []) for n in subtree[c]]

    def size(nodes):
        return sum(len(by_node.get(n, ())) for n in nodes)

    solved = set()      # a block solved once frees all it can: solving it again frees nothing

    def solve(nodes):
        cells = [c for n in nodes for c in by_node.get(n, ())]
        key = tuple(cells)
        if key not in solved and any(c not in witnessed for c in cells):
            solved.add(key)
            check_canceled(feedback or NullFeedback())
            witnessed.update(_null_support(cells, rows, cell_rows))

    for node in order:
        kids = dim.children.get(node)
        if not kids:
            continue
        if size(subtree[node]) <= block:
            solve(subtree[node])
            continue
        run = [node]
        for kid in kids:
            if len(run) > 1 and size(run) + size(subtree[kid]) > block:
                solve(run)
                run = [node]
            run += subtree[kid]
        solve(run)
    # A cell of a branch (e.g. a district) moves only against a sibling branch: pair the branch
    # with each sibling that has a hidden cell in the same equation, until the cell is freed.
    for cell in sorted(todo - witnessed, key=repr):
        node = cell[split]
        parent = dim.parents[node]
        partners = sorted({c[split] for r in cell_rows[cell] for c in rows[r]
                           if c[split] != node and dim.parents.get(c[split]) == parent}, key=repr)
        for partner in partners:
            pair = [parent] + subtree[node] + subtree[partner]
            if cell in witnessed:
                break
            if size(pair) <= 2 * max(block, BLOCK_CELLS):   # beyond, a complement is cheaper
                solve(pair)
    return todo - witnessed


def _postorder(dim):
    order, stack = [], [(dim.root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(dim.children.get(node, [])))
    return order


def _hidden_rows(eqs, hidden):
    """The equations restricted to hidden cells ({cell: coefficient}) and, per cell, its rows."""
    rows, cell_rows = [], {}
    for members in eqs:
        signs = {}
        for i, c in enumerate(members):
            if c in hidden:
                signs[c] = signs.get(c, 0.0) + (-1.0 if i == 0 else 1.0)
        if signs:
            for c in signs:
                cell_rows.setdefault(c, []).append(len(rows))
            rows.append(signs)
    return rows, cell_rows


def _peel(cells, rows, cell_rows):
    """``cells`` less those the block's equations hold at zero one by one: an equation with a
    single cell of the block (the other hidden cells are held at zero outside it) fixes that cell
    at zero in every null vector of the block, and may leave another equation with a single one.
    Exact, and it shrinks the matrix the SVD works on."""
    left = set(cells)
    count = {}
    for c in cells:
        for r in cell_rows.get(c, ()):
            count[r] = count.get(r, 0) + 1
    queue = [r for r, n in count.items() if n == 1]
    while queue:
        r = queue.pop()
        if count[r] != 1:
            continue
        cell = next(c for c in rows[r] if c in left)
        left.discard(cell)
        for other in cell_rows[cell]:
            count[other] -= 1
            if count[other] == 1:
                queue.append(other)
    return [c for c in cells if c in left]


def _null_support(cells, rows, cell_rows, tolerance=1e-9):
    """The cells a null vector of the block moves: the hidden system restricted to ``cells``
    (every other hidden cell held at zero), by SVD; a cell is free when the null space is not
    zero in its coordinate."""
    if not cells:
        return set()
    cells = _peel(cells, rows, cell_rows)
    if not cells:
        return set()
    index = {c: i for i, c in enumerate(cells)}
    touched = sorted({r for c in cells for r in cell_rows.get(c, ())})
    matrix = np.zeros((max(len(touched), len(cells)), len(cells)))   # square at least: full V
    for i, r in enumerate(touched):
        for c, sign in rows[r].items():
            if c in index:
                matrix[i, index[c]] = sign
    _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
    rank = int((singular > tolerance * max(matrix.shape) * max(singular[0], 1.0)).sum())
    null = vt[rank:]
    if not null.size:
        return set()
    free = np.linalg.norm(null, axis=0) > 1e-7
    return {c for c, f in zip(cells, free) if f}
