"""From indicator scores to a risk index and class: the three methods, in numpy.

``scores`` is an (persons x indicators) uint8 array: 1, 2 or 3, and 0 where the indicator was not
observed. Unobserved indicators are left out of every sum (never taken as low risk); a person
observed on fewer than ``min_coverage`` indicators is counted but not scored.
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
# Cut-points (high, medium) of each method's index; docs/risk_index.md says why.
DEFAULT_CUTOFFS = {"mean": (1.5, 1.2), "alkire_foster": (0.25, 0.1), "percentile": (0.75, 0.5)}
DEFAULT_AF_K = 0.25
_DIGITS = 9          # the index is rounded before the cut-points, so 2.0 is 2.0 and ties go up
_CHUNK = 100_000


@dataclass
class Scored:
    coverage: np.ndarray     # indicators observed per person
    scored: np.ndarray       # bool: coverage reached the minimum
    index: np.ndarray        # float, NaN where not scored
    risk_class: np.ndarray   # "high", "medium", "low" or None
    af_share: np.ndarray     # weighted share of observed indicators at 3 (NaN when none observed)
    drivers: list            # per person: up to three indicator codes, space separated


def score(scores: ArrayLike, weights: ArrayLike, codes: Sequence[str], method: str = "mean",
          cutoffs: tuple[float, float] | None = None, min_coverage: int = 1) -> Scored:
    """Index, class and drivers of every person; see the module docstring.

    Works through the persons in chunks so memory stays near the size of ``scores`` itself."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    high, medium = cutoffs or DEFAULT_CUTOFFS[method]
    if medium > high:
        raise ValueError(f"the medium cut-point {medium} is above the high cut-point {high}")
    scores = np.asarray(scores, dtype=np.uint8)
    weights = np.asarray(weights, dtype=float)
    n = scores.shape[0]
    coverage, index, af_share = np.zeros(n, dtype=np.int64), np.empty(n), np.empty(n)
    ranks = _rank_table(scores) if method == "percentile" else None
    driver_list = []
    for start in range(0, n, _CHUNK):
        chunk = scores[start:start + _CHUNK]
        part = slice(start, start + chunk.shape[0])
        observed = chunk > 0
        weighted = observed * weights                 # weight of each observed indicator
        weight_sum = weighted.sum(axis=1)
        coverage[part] = (observed & (weights > 0)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            af_share[part] = ((chunk == 3) * weighted).sum(axis=1) / weight_sum
            if method == "mean":
                index[part] = (chunk * weighted).sum(axis=1) / weight_sum
            elif method == "alkire_foster":
                index[part] = af_share[part]
            else:        # mean percentile rank, ranked again below
                index[part] = (np.take_along_axis(ranks, chunk.T.astype(np.intp), axis=1).T
                               * weighted).sum(axis=1) / weight_sum
        driver_list += drivers(chunk, weights, codes)
    scored = coverage >= max(min_coverage, 1)
    if method == "percentile":
        index = percent_rank(index, scored)
    index = np.where(scored, np.round(index, _DIGITS), np.nan)
    risk_class = np.full(n, None, dtype=object)
    risk_class[scored] = np.where(index[scored] >= high, "high",
                                  np.where(index[scored] >= medium, "medium", "low"))
    return Scored(coverage=coverage, scored=scored, index=index, risk_class=risk_class,
                  af_share=np.round(af_share, _DIGITS), drivers=driver_list)


def _rank_table(scores):
    """As the CDC's Social Vulnerability Index ranks its variables: (indicators x 4) percentile
    rank of each score 0-3 among the persons observed on the indicator = share of the others
    strictly below (ties share a rank); 0 for unobserved."""
    table = np.zeros((scores.shape[1], 4))
    for j in range(scores.shape[1]):
        counts = np.bincount(scores[:, j], minlength=4)[:4]
        observed = counts[1:].sum()
        if observed > 1:
            below = np.concatenate([[0], np.cumsum(counts[1:])[:-1]])
            table[j, 1:] = below / (observed - 1)
    return table


def percent_rank(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Percentile rank (0..1) of ``values`` among those where ``mask``; NaN elsewhere."""
    out = np.full(values.shape, np.nan)
    chosen = np.round(values[mask], _DIGITS)
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


def af_summary(af_share: np.ndarray, scored: np.ndarray,
               k: float = DEFAULT_AF_K) -> tuple[float, float, float] | tuple[None, None, None]:
    """Alkire-Foster H (headcount ratio), A (intensity) and M0 = H x A of the persons scored."""
    shares = af_share[scored]
    if shares.size == 0:
        return None, None, None
    poor = shares >= k
    h = poor.mean()
    a = shares[poor].mean() if poor.any() else 0.0
    return float(h), float(a), float(h * a)
