"""How sure is each area's class? Uncertainty and sensitivity of the map, after the OECD/JRC
Handbook on Constructing Composite Indicators (2008), chapter 7: the analyst's choices are
drawn at random and the index is scored again, many times, from the indicator scores already
made (so the person facts are not rebuilt).

Three sets of runs, all seeded so a run repeats exactly:
- weights: every indicator, dimension and flag weight times a uniform draw in 1 +/- spread;
  the villages' ranking (by high-risk persons) against the run's gives a Spearman correlation;
- choices: weights as above, and the cut-points (their deprivation thresholds times 1 +/-
  spread), the minimum of dimensions (2, 3 or 4) and the method (mean half the time,
  Alkire-Foster and percentile a quarter each); each area's share of runs in the high class and
  the 5-95 % interval of each village's rank come from these;
- drop one: each indicator left out in turn; the share of village and sub-district classes
  that change names the indicators that move the map most.
An area is robust when its class is the one it gets in at least ROBUST_SHARE of the choices.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..feedback import Feedback, check_canceled
from . import scores

ROBUST_SHARE = 0.8
METHOD_DRAWS = ("mean", "mean", "alkire_foster", "percentile")
MIN_DIMENSION_DRAWS = (2, 3, 3, 4)


@dataclass(frozen=True)
class Settings:
    draws: int = 100
    spread: float = 0.2
    seed: int = 1


@dataclass(frozen=True)
class Scoring:
    """What a run of the index needs, and the rules that class its areas."""
    matrix: np.ndarray            # persons x indicators, 0 unobserved
    weights: np.ndarray
    codes: list[str]
    structure: scores.Structure
    method: str
    cutoffs: tuple[float, float]
    min_dimensions: int
    village: np.ndarray           # per person: index into the villages, -1 for none
    villages: int
    areas: dict[str, tuple[np.ndarray, int]]  # level -> (per person: index, -1 none; units)
    village_fractions: tuple[float, float]    # (high, medium) top fractions
    area_ratios: tuple[float, float]          # (high, medium) times the province's share
    # Persons per entry when an entry (of village and areas) stands for that many persons with
    # the same scores and places; None: one each.
    counts: np.ndarray | None = None
    # Per entry, its row of ``matrix`` when the matrix holds each distinct row of scores once
    # (risk_index: one entry per string of scores and place); None: entry i is row i.
    rows: np.ndarray | None = None


@dataclass
class Result:
    village_p_high: np.ndarray
    village_rank_low: np.ndarray
    village_rank_high: np.ndarray
    village_robust: np.ndarray
    area_p_high: dict[str, np.ndarray]
    area_robust: dict[str, np.ndarray]
    spearman: np.ndarray                         # per weight draw
    dropped: list[tuple[str, float, float]] = field(default_factory=list)  # code, villages,
    #                                                   sub-districts whose class changed (shares)

    def spearman_p05(self) -> float | None:
        return float(np.percentile(self.spearman, 5)) if self.spearman.size else None


def analyse(run: Scoring, settings: Settings, feedback: Feedback) -> Result:
    """The three sets of runs of the module docstring."""
    rng = np.random.default_rng(settings.seed)
    base_high = _high(run, run.weights, run.structure, run.method, run.cutoffs,
                      run.min_dimensions)
    base_village_high, base_village_scored, base_areas = _counts(run, base_high)
    base_village = _village_classes(run, base_village_high)
    base_classes = {level: _area_classes(run, *counts) for level, counts in base_areas.items()}
    has_persons = base_village_scored > 0       # villages with a scored person
    total = 1 + 2 * settings.draws + len(run.codes)
    done = [0]

    def step():
        done[0] += 1
        check_canceled(feedback)
        feedback.setProgress(100 * done[0] / total)

    spearman = []
    for _ in range(settings.draws):
        weights, structure = _perturbed(run, rng, settings.spread)
        counts = _counts(run, _high(run, weights, structure, run.method, run.cutoffs,
                                    run.min_dimensions))[0]
        spearman.append(_spearman(base_village_high[has_persons], counts[has_persons]))
        step()

    village_high, village_same = np.zeros(run.villages), np.zeros(run.villages)
    area_high = {level: np.zeros(units) for level, (_, units) in run.areas.items()}
    area_same = {level: np.zeros(units) for level, (_, units) in run.areas.items()}
    ranks = np.empty((settings.draws, run.villages))
    for d in range(settings.draws):
        weights, structure = _perturbed(run, rng, settings.spread)
        method = METHOD_DRAWS[rng.integers(len(METHOD_DRAWS))]
        cutoffs = _perturbed_cutoffs(method, rng, settings.spread)
        minimum = MIN_DIMENSION_DRAWS[rng.integers(len(MIN_DIMENSION_DRAWS))]
        high, _, areas = _counts(run, _high(run, weights, structure, method, cutoffs, minimum))
        village = _village_classes(run, high)
        village_high += village == 2
        village_same += village == base_village
        for level, counts in areas.items():
            classes = _area_classes(run, *counts)
            area_high[level] += classes == 2
            area_same[level] += classes == base_classes[level]
        ranks[d] = _ranks(high)
        step()

    dropped = []
    for j, code in enumerate(run.codes):
        if run.weights[j] <= 0:
            step()
            continue
        weights = run.weights.copy()
        weights[j] = 0.0
        high, _, areas = _counts(run, _high(run, weights, run.structure, run.method, run.cutoffs,
                                            run.min_dimensions))
        village = _village_classes(run, high)
        counts = areas["subdistrict"]
        scored_subs = base_areas["subdistrict"][1] > 0
        changed = _area_classes(run, *counts) != base_classes["subdistrict"]
        dropped.append((code, float((village != base_village)[has_persons].mean())
                        if has_persons.any() else 0.0,
                        float(changed[scored_subs].mean()) if scored_subs.any() else 0.0))
        step()

    draws = max(settings.draws, 1)
    low, high = (np.percentile(ranks, [5, 95], axis=0) if settings.draws
                 else (np.full(run.villages, np.nan),) * 2)
    return Result(village_p_high=village_high / draws, village_rank_low=low,
                  village_rank_high=high,
                  village_robust=(village_same / draws) >= ROBUST_SHARE,
                  area_p_high={level: v / draws for level, v in area_high.items()},
                  area_robust={level: v / draws >= ROBUST_SHARE for level, v in area_same.items()},
                  spearman=np.array(spearman), dropped=dropped)


def _high(run, weights, structure, method, cutoffs, min_dimensions):
    """Persons in the high class, persons scored, and their deprivation shares (0 where not
    scored)."""
    persons = run.counts
    if run.rows is not None:          # each distinct row scored once, with all its persons
        persons = np.bincount(run.rows, weights=run.counts, minlength=run.matrix.shape[0]) \
            .astype(np.int64) if run.counts is not None else \
            np.bincount(run.rows, minlength=run.matrix.shape[0])
    result = scores.score(run.matrix, weights, run.codes, method, cutoffs, min_dimensions,
                          structure, with_drivers=False, counts=persons)
    found = (result.risk_class == "high", result.scored,
             np.where(result.scored, np.nan_to_num(result.af_share), 0.0))
    return found if run.rows is None else tuple(f[run.rows] for f in found)


def _counts(run, classes):
    """(persons at risk per village, scored per village, {level: (high, scored) per area})."""
    high, scored, share = classes
    # Sums of shares rounded as _village_classes rounds them: the same whatever the order of the
    # persons (or rows standing for several), so ties stay ties in the rank correlation too.
    return (np.round(_per(run.village, share, run.villages, run.counts), 6),
            _per(run.village, scored, run.villages, run.counts),
            {level: (_per(unit, high, units, run.counts), _per(unit, scored, units, run.counts))
             for level, (unit, units) in run.areas.items()})


def _per(unit, values, size, counts=None):
    """Sum of ``values`` (flags or shares) per unit, each row ``counts`` times."""
    keep = unit >= 0
    values = np.asarray(values, dtype=float)
    if counts is not None:
        values = values * counts
    return np.bincount(unit[keep], weights=values[keep], minlength=size)


def _village_classes(run, high):
    """0 low, 1 medium, 2 high: by rank in persons at risk among villages with any (ties share
    the better rank), as risk_index classes villages."""
    high = np.round(high, 6)
    out = np.zeros(high.size, dtype=np.int8)
    some = high > 0
    if not some.any():
        return out
    rank = _ranks(high)                                    # 1 = most
    share = 1.0 - (rank - 1.0) / some.sum()
    high_fraction, medium_fraction = run.village_fractions
    out[some & (share > 1 - medium_fraction)] = 1
    out[some & (share > 1 - high_fraction)] = 2
    return out


def _area_classes(run, high, scored):
    """0 low, 1 medium, 2 high, -1 unscored: share of high persons against the province's."""
    out = np.full(high.size, -1, dtype=np.int8)
    province = high.sum() / scored.sum() if scored.sum() else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        share = high / scored
    has = scored > 0
    out[has] = 0
    if province > 0:
        high_ratio, medium_ratio = run.area_ratios
        out[has & (share >= medium_ratio * province)] = 1
        out[has & (share >= high_ratio * province)] = 2
    return out


def _ranks(values):
    """1-based rank, largest first; ties share the best (as SQL's rank())."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(values.size)
    sorted_values = values[order]
    first = np.r_[0, np.flatnonzero(sorted_values[1:] != sorted_values[:-1]) + 1]
    run_starts = np.repeat(first, np.diff(np.r_[first, values.size]))
    ranks[order] = run_starts + 1
    return ranks


def _spearman(a, b):
    """Spearman's rank correlation (average ranks for ties)."""
    if a.size < 2:
        return 1.0
    ra, rb = _average_ranks(a), _average_ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 1.0 if np.array_equal(ra, rb) else 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def _average_ranks(values):
    order = np.argsort(values, kind="stable")
    ranks = np.empty(values.size)
    sorted_values = values[order]
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], values.size]
    ranks[order] = np.repeat((starts + ends - 1) / 2.0, ends - starts)
    return ranks


def _perturbed(run, rng, spread):
    """Weights and dimension weights each times a draw in 1 +/- spread."""
    weights = run.weights * rng.uniform(1 - spread, 1 + spread, run.weights.size)
    structure = scores.Structure(
        run.structure.dimension,
        run.structure.dimension_weights * rng.uniform(1 - spread, 1 + spread,
                                                      run.structure.dimension_weights.size),
        run.structure.flag_weight * rng.uniform(1 - spread, 1 + spread))
    return weights, structure


def _perturbed_cutoffs(method, rng, spread):
    """The method's default cut-points moved: for mean and Alkire-Foster their deprivation
    thresholds (1/3 and 1/5) times 1 +/- spread; percentile ranks by +/- spread/4."""
    high, medium = scores.DEFAULT_CUTOFFS[method]
    if method == "percentile":
        shift = rng.uniform(-spread / 4, spread / 4)
        return high + shift, medium + shift
    factor = rng.uniform(1 - spread, 1 + spread)
    if method == "mean":
        return 1 + (high - 1) * factor, 1 + (medium - 1) * factor
    return high * factor, medium * factor
