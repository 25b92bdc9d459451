"""From indicator scores to a risk index and class: the three methods, in numpy.

``scores`` is an (persons x indicators) uint8 array: 1, 2 or 3, and 0 where the indicator was not
observed. Indicators are grouped (``Structure``): conditions into dimensions, each dimension one
score (the weighted mean of its observed conditions) and each observed dimension one weight in
the index, so a block of correlated indicators weighs as one; flags (rare events) add to the
index when raised and are left out of every denominator, so their absence neither lowers nor
dilutes anyone's index. Unobserved indicators are never taken as low risk; a person observed on
fewer than ``min_dimensions`` dimensions is counted with the class "not_enough_data", never low.
docs/risk_index.md gives the formulas.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

METHODS = ("mean", "alkire_foster", "percentile")
CLASSES = ("high", "medium", "low")
NOT_ENOUGH_DATA = "not_enough_data"
# Cut-points (high, medium). The mean method's index runs from 1 to 3; (index - 1) / 2 is the
# person's average deprivation, 0 to 1, on which the global Multidimensional Poverty Index
# (UNDP and OPHI) calls a person poor from 1/3 and vulnerable from 1/5: high from 1 + 2/3,
# medium from 1.4. Alkire-Foster's deprivation share takes the same 1/3 and 1/5 directly.
# Percentile classes are ranks: the top quarter high, the next quarter medium.
DEFAULT_CUTOFFS = {"mean": (1 + 2 / 3, 1.4), "alkire_foster": (1 / 3, 0.2),
                   "percentile": (0.75, 0.5)}
DEFAULT_AF_K = 1 / 3
DEFAULT_MIN_DIMENSIONS = 3
FLAG, EXPOSURE = -1, -2        # Structure.dimension of a flag and of the exposure indicator
_DIGITS = 9          # the index is rounded before the cut-points, so 2.0 is 2.0 and ties go up
_CHUNK = 20_000      # rows a pass: transient arrays stay a few MiB whatever the province


@dataclass(frozen=True)
class Structure:
    """How the indicators (columns) combine: ``dimension`` per indicator, an index into
    ``dimension_weights`` for a condition, -1 for a flag and -2 for the exposure indicator;
    ``flag_weight`` scales the flags."""
    dimension: np.ndarray
    dimension_weights: np.ndarray
    flag_weight: float = 1.0

    @staticmethod
    def flat(weights: np.ndarray) -> Structure:
        """Every indicator a condition and a dimension of its own, weighing its weight: the
        weighted mean of the indicators."""
        return Structure(np.arange(weights.size), np.asarray(weights, dtype=float))


@dataclass
class Scored:
    coverage: np.ndarray     # indicators observed per person
    dimensions: np.ndarray   # condition dimensions observed per person
    scored: np.ndarray       # bool: dimensions observed reached the minimum
    index: np.ndarray        # float, NaN where not scored
    risk_class: np.ndarray   # "high", "medium", "low" or "not_enough_data"
    af_share: np.ndarray     # deprivation share (Alkire-Foster c), NaN where nothing observed
    drivers: list            # per person: up to three indicator codes, space separated


def score(scores: ArrayLike, weights: ArrayLike, codes: Sequence[str], method: str = "mean",
          cutoffs: tuple[float, float] | None = None, min_dimensions: int = 1,
          structure: Structure | None = None, with_drivers: bool = True,
          counts: ArrayLike | None = None) -> Scored:
    """Index, class and drivers of every person (no drivers when not ``with_drivers``: the
    uncertainty analysis scores a hundred times and needs only the classes); see the module
    docstring. ``counts``: persons per row, when a row stands for that many persons with the same
    scores (risk_index scores each distinct row once); only the percentile ranks weigh them.

    Works through the persons in chunks so memory stays near the size of ``scores`` itself."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    high, medium = cutoffs or DEFAULT_CUTOFFS[method]
    if medium > high:
        raise ValueError(f"the medium cut-point {medium} is above the high cut-point {high}")
    scores = np.asarray(scores, dtype=np.uint8)
    weights = np.asarray(weights, dtype=float)
    structure = structure or Structure.flat(weights)
    n = scores.shape[0]
    coverage, dims = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    index, af_share = np.empty(n), np.empty(n)
    if counts is not None:
        counts = np.asarray(counts, dtype=np.int64)
    ranks = _rank_table(scores, counts) if method == "percentile" else None
    nominal = _nominal_weights(weights, structure)
    driver_list = []
    for start in range(0, n, _CHUNK):
        chunk = scores[start:start + _CHUNK]
        part = slice(start, start + chunk.shape[0])
        coverage[part] = ((chunk > 0) & (weights > 0)).sum(axis=1)
        values = chunk.astype(float)
        if method == "percentile":      # each indicator as the person's percentile rank
            values = np.take_along_axis(ranks, chunk.T.astype(np.intp), axis=1).T
        mean, share, dims[part] = _combine(chunk, values, weights, structure, method)
        index[part] = share if method == "alkire_foster" else mean
        af_share[part] = share
        if with_drivers:
            driver_list += drivers(chunk, nominal, codes)
    scored = dims >= max(min_dimensions, 1)
    if method == "percentile":
        index = percent_rank(index, scored, counts)
    index = np.where(scored, np.round(index, _DIGITS), np.nan)
    risk_class = np.full(n, NOT_ENOUGH_DATA, dtype=object)
    risk_class[scored] = np.where(index[scored] >= high, "high",
                                  np.where(index[scored] >= medium, "medium", "low"))
    return Scored(coverage=coverage, dimensions=dims, scored=scored, index=index,
                  risk_class=risk_class, af_share=np.round(af_share, _DIGITS),
                  drivers=driver_list)


def _combine(chunk, values, weights, structure, method):
    """(index before ranking, deprivation share, dimensions observed) of a chunk of persons.

    Mean: base = sum_d W_d D_d / sum_d W_d over observed dimensions, D_d the weighted mean of
    the dimension's observed values; flags add F = flag_weight * sum_f w_f (s_f - 1) /
    (2 * sum_d W_d over all dimensions), so a flag at 3 of weight 1 weighs as much as a
    dimension of weight 1 moving half way, and the index stops at 3 (1 for percentile ranks).
    The deprivation share replaces each value by [s = 3] and the flags' (s_f - 1) / 2 by [s_f = 3].
    The exposure indicator (score e) then scales what lies above no risk by e / 3: risk is
    vulnerability times exposure (UNDRR's terminology; INFORM combines its components by
    multiplying); unobserved, it scales by 1, since an unknown age is not a safe one.
    """
    observed = chunk > 0
    deprived = (chunk == 3).astype(float)
    rows = chunk.shape[0]
    total, weight_sum, share_total = np.zeros(rows), np.zeros(rows), np.zeros(rows)
    dims = np.zeros(rows, dtype=np.int64)
    for d, dim_weight in enumerate(structure.dimension_weights):
        columns = structure.dimension == d
        if not columns.any() or dim_weight <= 0:
            continue
        w = observed[:, columns] * weights[columns]
        w_sum = w.sum(axis=1)
        seen = w_sum > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            dim_value = (values[:, columns] * w).sum(axis=1) / w_sum
            dim_share = (deprived[:, columns] * w).sum(axis=1) / w_sum
        total += np.where(seen, dim_weight * dim_value, 0.0)
        share_total += np.where(seen, dim_weight * dim_share, 0.0)
        weight_sum += np.where(seen, dim_weight, 0.0)
        dims += seen
    flags = structure.dimension == FLAG
    all_weight = float(structure.dimension_weights[structure.dimension_weights > 0].sum()) or 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / weight_sum
        share = share_total / weight_sum
    if flags.any():
        raised = np.where(chunk[:, flags] > 0, chunk[:, flags].astype(float) - 1, 0.0)
        # Ranks run from 0 to 1, scores from 1 to 3: a flag adds half as much to a rank.
        scale, top = (4.0, 1.0) if method == "percentile" else (2.0, 3.0)
        bump = structure.flag_weight * (raised * weights[flags]).sum(axis=1) / (scale * all_weight)
        mean = np.minimum(mean + bump, top)
        share = np.minimum(share + structure.flag_weight * (
            (chunk[:, flags] == 3) * weights[flags]).sum(axis=1) / (2 * all_weight), 1.0)
    exposure = np.flatnonzero(structure.dimension == EXPOSURE)
    if exposure.size:
        score = chunk[:, exposure[0]]
        factor = np.where(score > 0, score / 3.0, 1.0)
        bottom = 0.0 if method == "percentile" else 1.0
        mean = bottom + (mean - bottom) * factor
        share = share * factor
    return mean, share, dims


def _nominal_weights(weights, structure):
    """Each indicator's weight in the index when every indicator of its dimension is observed:
    what a driver is ranked by."""
    nominal = np.zeros(weights.size)
    all_weight = float(structure.dimension_weights[structure.dimension_weights > 0].sum()) or 1.0
    for d, dim_weight in enumerate(structure.dimension_weights):
        columns = structure.dimension == d
        if columns.any() and weights[columns].sum() > 0:
            nominal[columns] = dim_weight * weights[columns] / weights[columns].sum() / all_weight
    flags = structure.dimension == FLAG
    nominal[flags] = structure.flag_weight * weights[flags] / (2 * all_weight)
    return nominal          # exposure scales the others: it drives no one


def _rank_table(scores, persons=None):
    """As the CDC's Social Vulnerability Index ranks its variables: (indicators x 4) percentile
    rank of each score 0-3 among the persons observed on the indicator = share of the others
    strictly below (ties share a rank); 0 for unobserved. ``persons``: persons per row."""
    table = np.zeros((scores.shape[1], 4))
    for j in range(scores.shape[1]):
        counts = np.bincount(scores[:, j], minlength=4)[:4] if persons is None else \
            np.bincount(scores[:, j], weights=persons, minlength=4)[:4].astype(np.int64)
        observed = counts[1:].sum()
        if observed > 1:
            below = np.concatenate([[0], np.cumsum(counts[1:])[:-1]])
            table[j, 1:] = below / (observed - 1)
    return table


def percent_rank(values: np.ndarray, mask: np.ndarray,
                 counts: np.ndarray | None = None) -> np.ndarray:
    """Percentile rank (0..1) of ``values`` among those where ``mask``; NaN elsewhere.
    ``counts``: persons per value (one each when None)."""
    out = np.full(values.shape, np.nan)
    chosen = np.round(values[mask], _DIGITS)
    if counts is not None:       # persons strictly below, over all persons minus one
        persons = np.asarray(counts, dtype=np.int64)[mask]
        order = np.argsort(chosen, kind="stable")
        ordered, below = chosen[order], np.r_[0, np.cumsum(persons[order])]
        total = int(below[-1])
        if total == 1:
            out[mask] = 0.0
        elif total > 1:
            out[mask] = below[np.searchsorted(ordered, chosen, "left")] / (total - 1)
        return out
    ordered = np.sort(chosen)
    if ordered.size == 1:
        out[mask] = 0.0
    elif ordered.size > 1:
        out[mask] = np.searchsorted(ordered, chosen, "left") / (ordered.size - 1)
    return out


def drivers(scores: np.ndarray, weights: np.ndarray, codes: Sequence[str],
            top: int = 3) -> list[str | None]:
    """The indicators that raise each person's score most: weight x (score - 1), largest first,
    ties in catalogue order; only scores of 2 or 3 drive."""
    contribution = np.where(scores >= 2, (scores.astype(float) - 1) * weights, 0.0)
    order = np.argsort(-contribution, axis=1, kind="stable")[:, :top]
    top_values = np.take_along_axis(contribution, order, axis=1)
    codes = np.asarray(codes, dtype=object)
    # Few distinct driver sets exist; sharing one string per set keeps a province of millions
    # from holding millions of copies (memory at SCALE 4, issue 3).
    shared = {}
    out = []
    for row, values in zip(order.tolist(), (top_values > 0).tolist()):
        key = tuple(i for i, positive in zip(row, values) if positive)
        text = shared.get(key)
        if text is None and key not in shared:
            text = shared[key] = " ".join(codes[list(key)]) or None
        out.append(text)
    return out


def af_summary(af_share: np.ndarray, scored: np.ndarray, k: float = DEFAULT_AF_K,
               counts: np.ndarray | None = None) -> tuple[float, float, float] | tuple[None, None, None]:
    """Alkire-Foster H (headcount ratio), A (intensity) and M0 = H x A of the persons scored;
    ``counts``: persons per row (one each when None)."""
    shares = af_share[scored]
    persons = np.ones(shares.size, dtype=np.int64) if counts is None else \
        np.asarray(counts, dtype=np.int64)[scored]
    if persons.sum() == 0:
        return None, None, None
    poor = shares >= k
    h = persons[poor].sum() / persons.sum()
    a = (shares[poor] * persons[poor]).sum() / persons[poor].sum() if poor.any() else 0.0
    return float(h), float(a), float(h * a)
