"""The uncertainty analysis on a made-up province of persons and indicator scores: repeatable,
bounded, blind to an indicator no one scores, and sure of a village that stands out."""
import dataclasses

import numpy as np
import pytest
from trafficking_db.trafficking_plugin.core.feedback import Canceled, NullFeedback
from trafficking_db.trafficking_plugin.core.risk import scores, uncertainty

from conftest import CancelAfter


def province(seed=5, persons=3000, villages=30):
    """Persons in villages; village 0 is much worse off than the rest on every dimension."""
    rng = np.random.default_rng(seed)
    village = rng.integers(0, villages, persons)
    worse = np.where(village == 0, 0.6, 0.1)[:, None]
    matrix = np.where(rng.random((persons, 6)) < worse, 3, 1).astype(np.uint8)
    matrix[:, 5] = 0                      # an indicator no one is scored on
    structure = scores.Structure(np.array([0, 1, 2, 3, 4, 4]), np.ones(5))
    return uncertainty.Scoring(
        matrix, np.ones(6), [f"X{i}" for i in range(6)], structure, "mean",
        scores.DEFAULT_CUTOFFS["mean"], 3, village, villages,
        {"subdistrict": (village // 10, 3)}, (0.1, 0.3), (1.5, 1.0))


def test_repeatable_bounded_and_sure_where_it_should_be():
    run = province()
    first = uncertainty.analyse(run, uncertainty.Settings(draws=30, seed=2), NullFeedback())
    again = uncertainty.analyse(run, uncertainty.Settings(draws=30, seed=2), NullFeedback())
    assert np.array_equal(first.village_p_high, again.village_p_high)
    assert np.array_equal(first.spearman, again.spearman)
    assert ((0 <= first.village_p_high) & (first.village_p_high <= 1)).all()
    assert (first.village_rank_low <= first.village_rank_high).all()
    # The village that stands out is high in every run, ranked first, robust.
    assert first.village_p_high[0] == 1.0 and first.village_rank_high[0] == 1
    assert first.village_robust[0]
    assert first.spearman.size == 30 and (first.spearman <= 1 + 1e-9).all()
    # Leaving out the indicator no one is scored on changes nothing.
    dropped = {code: (villages, subs) for code, villages, subs in first.dropped}
    assert dropped["X5"] == (0.0, 0.0)


def test_no_spread_no_doubt_about_the_weights():
    found = uncertainty.analyse(province(), uncertainty.Settings(draws=10, spread=0.0),
                                NullFeedback())
    assert found.spearman.min() == pytest.approx(1.0)


def test_cancel_stops_the_analysis():
    with pytest.raises(Canceled):
        uncertainty.analyse(province(), uncertainty.Settings(draws=50), CancelAfter(3))


def test_rows_standing_for_several_persons_give_the_same_analysis():
    """risk_index passes one row per distinct scores and place, with its persons: the analysis
    finds what it finds with one row per person."""
    run = province()
    keys = np.column_stack([run.matrix, run.village])
    rows, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    assert rows.shape[0] < run.matrix.shape[0] / 4
    village = rows[:, -1].astype(np.int64)
    grouped = uncertainty.Scoring(
        np.ascontiguousarray(rows[:, :-1]), run.weights, run.codes, run.structure, run.method,
        run.cutoffs, run.min_dimensions, village, run.villages,
        {"subdistrict": (village // 10, 3)}, run.village_fractions, run.area_ratios, counts)
    settings = uncertainty.Settings(draws=20, seed=3)
    alone = uncertainty.analyse(run, settings, NullFeedback())
    found = uncertainty.analyse(grouped, settings, NullFeedback())
    assert np.array_equal(found.village_p_high, alone.village_p_high)
    assert np.array_equal(found.village_rank_low, alone.village_rank_low)
    assert np.array_equal(found.village_rank_high, alone.village_rank_high)
    assert np.array_equal(found.village_robust, alone.village_robust)
    assert np.array_equal(found.area_p_high["subdistrict"], alone.area_p_high["subdistrict"])
    assert found.spearman == pytest.approx(alone.spearman)
    assert found.dropped == alone.dropped
    # The same again with each distinct row of scores held once, entries pointing at it.
    distinct, position = np.unique(grouped.matrix, axis=0, return_inverse=True)
    once = dataclasses.replace(grouped, matrix=distinct, rows=position.ravel())
    assert distinct.shape[0] < grouped.matrix.shape[0]
    again = uncertainty.analyse(once, settings, NullFeedback())
    assert np.array_equal(again.village_p_high, alone.village_p_high)
    assert np.array_equal(again.village_rank_low, alone.village_rank_low)
    assert np.array_equal(again.area_p_high["subdistrict"], alone.area_p_high["subdistrict"])
    assert again.dropped == alone.dropped
