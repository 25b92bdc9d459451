"""Small-cell suppression of published counts: primary, secondary and rounding. No QGIS.

A set of published tables is one **cube**: every combination of one node from each dimension
(e.g. area x age band x sex x risk class), where each dimension is a tree whose parent node is the
sum of its children (province > districts > sub-districts; all ages > age bands; persons scored >
high, medium, low). Every cell of the cube, margins and totals included, is published or hidden,
and every parent = sum-of-children relation with the other dimensions held fixed is an
**equation** a reader can use.

- Primary suppression: a cell with 1 to k-1 persons is hidden (CTDC publishes with k = 11).
- Secondary suppression, to a fixed point: an equation with exactly one hidden cell would give it
  away by subtraction, so the smallest positive published cell of that equation is hidden too;
  then every hidden cell is checked against the whole linear system (all equations of all levels
  at once, by the null space of the hidden cells' coefficients), and a cell the system still
  determines exactly gets another complement, until none is determined. Zeros are published and
  never chosen as complements while a positive cell is available, so every hidden cell is positive
  and its feasible range under non-negativity is wider than a single value (a positive solution
  can move along the null space both ways).
- Rounding (optional, to a base such as 5) is applied to published cells after suppression.
"""
import itertools
from dataclasses import dataclass, field

import numpy as np

from .feedback import NullFeedback, check_canceled


class Dimension:
    """A tree of nodes: ``parents`` maps each node to its parent, the root to None."""

    def __init__(self, name, parents):
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
    def nodes(self):
        return list(self.parents)

    def lineage(self, node):
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

    def published(self, cell):
        """The published count of a cell (rounded to the base), or None when suppressed."""
        if cell in self.hidden:
            return None
        return round_to_base(self.values[cell], self.rounding)


def round_to_base(value, base):
    """``value`` to the nearest multiple of ``base`` (halves up); base 1 leaves it as it is."""
    if base <= 1:
        return value
    return int(base * ((2 * value + base) // (2 * base)))


def cube_values(dimensions, counts):
    """Every cell of the cube with its count, from ``counts`` {(node per dimension): persons} at
    any nodes (usually leaves): each count is added to every combination of its nodes' lineages."""
    values = dict.fromkeys(itertools.product(*(d.nodes for d in dimensions)), 0)
    for key, count in counts.items():
        for cell in itertools.product(*(list(d.lineage(n)) for d, n in zip(dimensions, key))):
            values[cell] += count
    return values


def equations(dimensions):
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


def protect(dimensions, counts, k=11, rounding=1, feedback=None):
    """Primary and secondary suppression of the cube of ``counts``; returns ``Protected``."""
    if k < 1 or rounding < 1:
        raise ValueError("k and the rounding base must be at least 1")
    feedback = feedback or NullFeedback()
    values = cube_values(dimensions, counts)
    hidden = {c: "primary" for c, v in values.items() if 0 < v < k}
    eqs = [[parent, *children] for parent, children in equations(dimensions)]
    by_cell = {}
    for n, members in enumerate(eqs):
        for cell in members:
            by_cell.setdefault(cell, []).append(n)
    while True:
        _close_single_gaps(eqs, by_cell, values, hidden, feedback)
        determined = determined_cells(eqs, values, hidden)
        if not determined:
            break
        # A complement beside every determined cell at once, then the single gaps and the
        # system again: a few more cells hidden than strictly needed, but each round's SVD of a
        # large table is costly, so rounds must be few. With every positive cell hidden the
        # system is homogeneous and fixes no positive cell, so a complement is always found.
        for cell in sorted(determined, key=repr):
            if _complement_near(eqs, by_cell, cell, values, hidden) is None:
                raise RuntimeError(f"no positive cell left to hide beside {cell}")
    return Protected(list(dimensions), values, hidden, k, rounding)


def _close_single_gaps(eqs, by_cell, values, hidden, feedback):
    """Hide a complement in every equation with exactly one hidden cell, until none has one."""
    queue = set(range(len(eqs)))
    while queue:
        check_canceled(feedback)
        n = queue.pop()
        if sum(cell in hidden for cell in eqs[n]) == 1:
            chosen = _complement(eqs, [n], values, hidden)
            if chosen is not None:
                queue.update(by_cell[chosen])


def _complement(eqs, candidates, values, hidden):
    """Hide the smallest positive published cell of the equations ``candidates`` (ties broken by
    the cell, for the same result every run); returns it, or None when there is none. Zeros are
    never hidden: a hidden zero beside another could be pinned by non-negativity."""
    pool = {c for n in candidates for c in eqs[n] if c not in hidden and values[c] > 0}
    if not pool:
        return None
    chosen = min(pool, key=lambda c: (values[c], repr(c)))
    hidden[chosen] = "secondary"
    return chosen


def _complement_near(eqs, by_cell, cell, values, hidden):
    """A complement for a determined ``cell``: from its own equations, else from those of the
    hidden cells it is tied to, widening ring by ring."""
    seen_cells, ring = {cell}, set(by_cell[cell])
    seen_eqs = set(ring)
    while ring:
        chosen = _complement(eqs, sorted(ring), values, hidden)
        if chosen is not None:
            return chosen
        tied = {c for n in ring for c in eqs[n] if c in hidden} - seen_cells
        seen_cells |= tied
        ring = {n for c in tied for n in by_cell[c]} - seen_eqs
        seen_eqs |= ring
    return None


def determined_cells(eqs, values, hidden, tolerance=1e-9):
    """Hidden cells whose value the equations and the published cells fix exactly.

    A hidden cell is determined when every solution of the system has the same value there, i.e.
    when the null space of the hidden cells' coefficient matrix is zero in its coordinate."""
    del values   # the published values only move the right-hand side, not what is determined
    variables = {}
    rows = []
    for members in eqs:
        signs = {c: (-1.0 if i == 0 else 1.0) for i, c in enumerate(members) if c in hidden}
        if signs:
            for c in signs:
                variables.setdefault(c, len(variables))
            rows.append(signs)
    found = set()
    for component_rows, cells in _components(rows, variables):
        index = {c: i for i, c in enumerate(cells)}
        matrix = np.zeros((len(component_rows), len(cells)))
        for r, signs in enumerate(component_rows):
            for c, sign in signs.items():
                matrix[r, index[c]] += sign
        _, singular, vt = np.linalg.svd(matrix, full_matrices=True)
        rank = int((singular > tolerance * max(matrix.shape) * max(singular[0], 1.0)).sum())
        null = vt[rank:].T                       # cells x null-space dimension
        free = np.linalg.norm(null, axis=1) > 1e-7 if null.size else np.zeros(len(cells), bool)
        found.update(c for c, f in zip(cells, free) if not f)
    return found


def _components(rows, variables):
    """Equations grouped by the hidden cells they share: (rows, cells) per connected group."""
    parent = list(range(len(variables)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for signs in rows:
        ids = [variables[c] for c in signs]
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    groups = {}
    for signs in rows:
        groups.setdefault(root(variables[next(iter(signs))]), ([], set()))
        group = groups[root(variables[next(iter(signs))])]
        group[0].append(signs)
        group[1].update(signs)
    return [(r, sorted(cells, key=repr)) for r, cells in groups.values()]
