"""Scores into an index by hand: dimensions weigh the same, flags add and never dilute, too few
dimensions is its own class, and the Multidimensional Poverty Index's cut-points."""
import numpy as np
import pytest
from trafficking_db.trafficking_plugin.core.risk import scores

# Five dimensions of one condition each, then two flags.
FIVE = scores.Structure(np.array([0, 1, 2, 3, 4, -1, -1]), np.ones(5))
CODES = ["L", "E", "C", "F", "P", "X", "Y"]
WEIGHTS = [1, 1, 1, 1, 1, 2, 1]


def mean(matrix, structure=FIVE, weights=WEIGHTS, codes=CODES, min_dimensions=3):
    return scores.score(np.array(matrix), weights, codes, "mean", None, min_dimensions, structure)


def test_one_dimension_at_3_is_medium_two_are_high():
    """(index - 1) / 2 is the average deprivation: MPI's vulnerable from 1/5, poor from 1/3."""
    result = mean([[3, 1, 1, 1, 1, 1, 1], [3, 3, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1]])
    assert result.index.tolist() == pytest.approx([1.4, 1.8, 1.0])
    assert result.risk_class.tolist() == ["medium", "high", "low"]


def test_a_block_of_correlated_indicators_weighs_as_one_dimension():
    """Three indicators saying the same thing in one dimension weigh what one does."""
    one = mean([[3, 1, 1, 1, 1, 1, 1]])
    block = scores.Structure(np.array([0, 0, 0, 1, 2, 3, 4, -1, -1]), np.ones(5))
    three = mean([[3, 3, 3, 1, 1, 1, 1, 1, 1]], block, [1, 1, 1] + WEIGHTS[1:],
                 ["L1", "L2", "L3"] + CODES[1:])
    assert three.index.tolist() == one.index.tolist()


def test_flags_add_when_raised_and_neither_count_nor_dilute_when_absent():
    """Flags are out of every denominator: absent (1) or unobserved (0) the index is the same;
    raised, a flag at 3 of weight w adds w / (2 x sum of dimension weights)."""
    absent = mean([[3, 1, 1, 1, 1, 1, 1], [3, 1, 1, 1, 1, 0, 0]])
    assert absent.index[0] == absent.index[1] == pytest.approx(1.4)
    raised = mean([[3, 1, 1, 1, 1, 3, 1], [3, 1, 1, 1, 1, 2, 3]])
    assert raised.index.tolist() == pytest.approx([1.4 + 2 * 2 / 10, 1.4 + 2 / 10 + 2 / 10])
    assert raised.drivers[0] == "L X"     # each adds 0.4: a tie, in catalogue order


def test_raising_a_flag_weight_never_lowers_anyones_index():
    rng = np.random.default_rng(3)
    matrix = rng.integers(0, 4, size=(500, 7))
    before = mean(matrix)
    after = mean(matrix, weights=[1, 1, 1, 1, 1, 6, 1])
    scored = before.scored & after.scored
    assert (after.index[scored] >= before.index[scored] - 1e-12).all()
    lowered = after.index[scored] > before.index[scored]
    assert lowered.any() and (matrix[scored][lowered, 5] >= 2).all()   # only the flagged rise


def test_too_few_dimensions_is_its_own_class_never_low():
    result = mean([[1, 1, 0, 0, 0, 3, 0], [1, 1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]])
    assert result.dimensions.tolist() == [2, 3, 0]
    assert result.risk_class.tolist() == ["not_enough_data", "low", "not_enough_data"]
    assert np.isnan(result.index[0]) and not result.scored[0]


def test_deprivation_share_counts_dimensions_at_3_and_raised_flags():
    result = scores.score(np.array([[3, 3, 1, 1, 1, 1, 1], [3, 1, 1, 1, 1, 3, 1]]), WEIGHTS,
                          CODES, "alkire_foster", None, 3, FIVE)
    assert result.af_share.tolist() == pytest.approx([0.4, 0.2 + 2 / 10])
    assert result.risk_class.tolist() == ["high", "high"]       # 1/3 and more: poor (MPI)


@pytest.mark.parametrize("method", scores.METHODS)
def test_distinct_rows_with_their_persons_score_as_the_persons_do(method):
    """risk_index scores each distinct row of scores once, with its number of persons: every
    person's index, class, share and drivers, and the Alkire-Foster summary, are the same as when
    each person is scored on their own (the percentile ranks count the persons, not the rows)."""
    rng = np.random.default_rng(7)
    persons = rng.choice([0, 1, 2, 3], size=(20000, 7), p=[0.2, 0.6, 0.15, 0.05]).astype(np.uint8)
    persons[:, 5] = rng.choice([0, 3], size=20000, p=[0.97, 0.03])          # a rare flag
    rows, inverse, counts = np.unique(persons, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    assert rows.shape[0] < persons.shape[0] / 4
    alone = scores.score(persons, WEIGHTS, CODES, method, None, 3, FIVE)
    grouped = scores.score(rows, WEIGHTS, CODES, method, None, 3, FIVE, counts=counts)
    assert np.array_equal(grouped.index[inverse], alone.index, equal_nan=True)
    assert grouped.risk_class[inverse].tolist() == alone.risk_class.tolist()
    assert np.array_equal(grouped.af_share[inverse], alone.af_share, equal_nan=True)
    assert [grouped.drivers[i] for i in inverse] == alone.drivers
    assert scores.af_summary(grouped.af_share, grouped.scored, counts=counts) == pytest.approx(
        scores.af_summary(alone.af_share, alone.scored), abs=1e-12)
