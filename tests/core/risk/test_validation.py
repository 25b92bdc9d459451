"""Validation by hand: six persons in three villages, outcomes recorded before, in and after
the window, the AUC, lift and work-list figures worked out below.

person  village  index  class            outcome
p1      V1       2.0    high             -
p2      V1       1.8    high             case referred 2025
p3      V2       1.5    medium           -
p4      V2       1.0    low              trafficking welfare case 2026
p5      V3       1.2    low              trafficking welfare case 2024 (the data year: not an outcome)
p6      V3       -      not_enough_data  case referred 2028 (after the window)

Persons scored p1-p5, outcomes p2 and p4: of the 2 x 3 pairs, p2 (1.8) beats 1.5 and 1.2, p4 (1.0)
beats none: AUC 2/6. Villages by the work list's order V1 (2 high), V2 (mean 1.25), V3 (1.2):
outcomes in V1 and V2, both above V3: AUC 1; the top tenth (V1) has the outcome rate 1 against
2/3: lift 1.5.
"""
import contextlib
import sqlite3

import numpy as np
import pytest
from trafficking_db.trafficking_plugin.core import create_database, database
from trafficking_db.trafficking_plugin.core.risk import validation

V1, V2, V3 = "50010101", "50010102", "50010201"
PERSONS = [("p1", V1, 2.0, "high", 3, 1), ("p2", V1, 1.8, "high", 1, 3),
           ("p3", V2, 1.5, "medium", 2, 1), ("p4", V2, 1.0, "low", 1, 1),
           ("p5", V3, 1.2, "low", 1, 1), ("p6", V3, None, "not_enough_data", None, None)]


@pytest.fixture()
def province(tmp_path):
    path = tmp_path / "hand.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("BEGIN")
        for key, village, index, risk_class, i01, i09 in PERSONS:
            conn.execute("INSERT INTO person (person_key, data_year, sex, age, village_code, "
                         "nationality) VALUES (?, 2024, 'female', 12, ?, 'thai')", (key, village))
            conn.execute("INSERT INTO risk_person (person_key, data_year, sex, age_band, "
                         "village_code, risk_index, risk_class, i01, i09) VALUES (?, 2024, "
                         "'female', '6-14', ?, ?, ?, ?, ?)", (key, village, index, risk_class,
                                                              i01, i09))
        for code in (V1, V2, V3):
            conn.execute(
                "INSERT INTO risk_village (code, data_year, persons_scored, persons_high, "
                "share_high, mean_index, risk_class) SELECT village_code, 2024, count(risk_index), "
                "sum(risk_class = 'high'), 1.0 * sum(risk_class = 'high') / count(risk_index), "
                "avg(risk_index), 'low' FROM risk_person WHERE village_code = ?", (code,))
        for key, date in (("p2", "2025-03-01"), ("p6", "2028-01-10")):
            conn.execute('INSERT INTO "case" (case_key, incoming_referral_date) VALUES (?, ?)',
                         (key, date))
        for key, year in (("p4", 2026), ("p5", 2024)):
            conn.execute("INSERT INTO welfare_case (person_key, data_year, problem, village_code, "
                         "import_run_id, row_number) VALUES (?, ?, 'trafficking', NULL, 1, 1)",
                         (key, year))
        conn.execute("COMMIT")
    return path


def test_the_index_and_baselines_against_later_outcomes_by_hand(province):
    found = validation.validate(province, 2024, validation.Options(work_list_villages=1,
                                                                   bootstrap=0))
    assert (found.outcome_years, found.persons_with_outcome, found.villages_with_outcome) == \
        ((2025, 2026), 2, 2)
    person = found.metric("person", "index")
    assert (person.units, person.outcomes, person.auc) == (5, 2, pytest.approx(2 / 6))
    village = found.metric("village", "index")
    assert (village.units, village.outcomes, village.auc) == (3, 2, 1.0)
    assert village.lift_top_decile == pytest.approx(1.5)
    assert (village.precision, village.recall) == (1.0, 0.5)     # V1 listed, V2 missed
    # Legal status alone (I01): p1 (3) and p3 (2) have no outcome; p2 and p4 (1) only tie
    # with p5: (0.5 + 0.5) / 6, below chance.
    assert found.metric("person", "legal_status").auc == pytest.approx(1 / 6)
    assert found.metric("village", "size").auc is not None
    assert found.class_shares == {"high": 0.5, "medium": 0.0, "low": 0.5, "not_enough_data": 0.0}
    girls = next(g for g in found.groups if g.dimension == "sex" and g.value == "female")
    assert (girls.persons, girls.share_high, girls.share_outcome) == (6, 2 / 5, 2 / 6)
    with contextlib.closing(sqlite3.connect(province)) as conn:
        assert conn.execute("SELECT code, outcomes, work_list_rank FROM validation_village "
                            "ORDER BY code").fetchall() == [(V1, 1, 1), (V2, 1, None), (V3, 0, None)]
        assert conn.execute("SELECT auc FROM validation_metric WHERE scope = 'village' AND "
                            "model = 'index'").fetchone() == (1.0,)


def test_outcomes_in_or_before_the_data_year_are_refused(province):
    with pytest.raises(validation.ValidationError, match="after the data year"):
        validation.validate(province, 2024, validation.Options(outcome_years=(2024, 2025)))


def test_an_unscored_year_says_to_score_first(province):
    with pytest.raises(validation.ValidationError, match="scoreriskindex"):
        validation.validate(province, 2023)


def test_an_outcome_file_of_villages_counts(province, tmp_path):
    outcomes = tmp_path / "outcomes.csv"
    outcomes.write_text("village_code\n" + V3 + "\n", encoding="utf-8")
    found = validation.validate(province, 2024, validation.Options(outcome_file=outcomes,
                                                                   bootstrap=0))
    assert found.villages_with_outcome == 3


def test_auc_counts_ties_as_half_and_the_interval_brackets_it():
    scores, outcomes = np.array([3, 2, 2, 1.0]), np.array([True, True, False, False])
    assert validation.auc(scores, outcomes) == pytest.approx((1 + 1 + 1 + 0.5) / 4)
    assert validation.auc(scores, np.zeros(4, dtype=bool)) is None
    rng = np.random.default_rng(1)
    many = rng.random(400)
    y = many + rng.normal(0, 0.3, 400) > 0.6
    low, high = validation.auc_interval(many, y, 200, rng)
    assert low < validation.auc(many, y) < high and high - low < 0.2


def test_the_report_section_shows_the_index_and_its_baselines(province):
    from trafficking_db.trafficking_plugin.core.dissemination import report_validation
    validation.validate(province, 2024, validation.Options(bootstrap=0))
    section = report_validation.load_validation(province, 2024)
    assert section.outcome_years == (2025, 2026)
    assert [m[:2] for m in section.metrics][0] == ("village", "index")
    text = report_validation.validation_html(section)
    assert "outcomes recorded 2025-2026" in text and "village size (persons)" in text
    assert "1.00 (-" in text                   # the villages' AUC, no interval without resamples
