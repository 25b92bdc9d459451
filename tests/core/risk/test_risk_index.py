"""The risk index on a hand-built province: scores, classes and area figures computed by hand.

Five persons and a three-indicator catalogue (weights 1, 2, 1):
  A01 legal status      3 no_status, 2 myanmar/lao/cambodian, 1 thai
  A02 school 6-14       3 dropped_out/not_enrolled, 2 moved/suspended, 1 other status (ages 6-14)
  A03 violence          3 own violence diagnosis or another in the house, 1 health record without
person  village   nationality  age  school        violence   scores     mean index
P1      V1        thai         10   studying      none       1 1 1      (1+2+1)/4 = 1.0
P2      V1        no_status    10   not enrolled  own        3 3 3      3.0
P3      V2        myanmar      30   -             none       2 - 1      (2+1)/2 = 1.5
P4      V2        thai          8   moved         own        1 2 3      (1+4+3)/4 = 2.0
P5      V1        -            40   -             no health  - - -      not scored (coverage 0)
"""
import sqlite3
import struct

import pytest

from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.risk import risk_index, scores
from trafficking_db.trafficking_plugin.core.feedback import Canceled

from conftest import CancelAfter, province_units

YEAR = 2024
V1, V2 = "50010101", "50010201"          # villages in sub-districts 500101 and 500102
CATALOGUE = [
    ("A01", "nationality = 'no_status'", "nationality IN ('myanmar', 'lao', 'cambodian')",
     "nationality = 'thai'", 1.0),
    ("A02", "age BETWEEN 6 AND 14 AND school_status IN ('dropped_out', 'not_enrolled')",
     "age BETWEEN 6 AND 14 AND school_status IN ('moved', 'suspended')",
     "age BETWEEN 6 AND 14 AND school_status IS NOT NULL", 2.0),
    ("A03", "dx_violence_injury = 1 OR hh_other_violence > 0", "0", "dx_violence_injury = 0", 1.0),
]
PERSONS = [  # key, nationality, age on 1 July 2024, village, sources, school status, violence
    ("p1", "thai", 10, V1, "health education", "studying", False),
    ("p2", "no_status", 10, V1, "health", None, True),
    ("p3", "myanmar", 30, V2, "health", None, False),
    ("p4", "thai", 8, V2, "health education", "moved", True),
    ("p5", None, 40, V1, "family_welfare", None, False),
]


def _village(code, x, y):
    return {"wkb": struct.pack("<BI2d", 1, 1, x, y), "bbox": (x, y, x, y), "code": code,
            "name_th": f"บ้าน{code[-2:]}", "moo": int(code[6:]), "subdistrict_code": code[:6],
            "district_code": code[:4], "province_code": "50", "location_source": "test"}


def _build(path, persons=PERSONS, year=YEAR):
    subdistricts = synthetic_province.synthetic_province()
    units = province_units(subdistricts)
    units["village"] = [_village(V1, 98.95, 18.79), _village(V2, 98.97, 18.80)]
    if not path.exists():
        create_database.create_or_upgrade(path, "50", units)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM indicator")
        conn.executemany(
            "INSERT INTO indicator (code, name_en, unit, rule_3, rule_2, rule_1, weight, enabled, "
            "catalogue_version) VALUES (?, ?, 'person', ?, ?, ?, ?, 1, 'test')",
            [(c, c, r3, r2, r1, w) for c, r3, r2, r1, w in CATALOGUE])
        for source in ("health", "education", "family_welfare"):
            conn.execute("INSERT INTO import_run (source, file_name, data_year, status) "
                         "VALUES (?, 'hand', ?, 'succeeded')", (source, year))
        for key, nationality, age, village, sources, status, violence in persons:
            conn.execute(
                "INSERT INTO person (person_key, data_year, sex, age, village_code, "
                "subdistrict_code, district_code, sources, linked, nationality, id_kind) "
                "VALUES (?, ?, 'female', ?, ?, ?, ?, ?, 1, ?, 'thai_id')",
                (key, year, age, village, village[:6], village[:4], sources, nationality))
            if status:
                conn.execute("INSERT INTO school_enrolment (person_key, data_year, school_status, "
                             "import_run_id, row_number) VALUES (?, ?, ?, 1, 1)", (key, year, status))
            if violence:
                conn.execute("INSERT INTO health_condition (person_key, data_year, condition, "
                             "import_run_id, row_number) VALUES (?, ?, 'violence_injury', 1, 1)",
                             (key, year))
    conn.close()
    return path


@pytest.fixture()
def province(tmp_path):
    return _build(tmp_path / "hand.gpkg")


def _persons(path, year=YEAR):
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT person_key, a01, a02, a03, coverage, risk_index, risk_class, "
                        "af_share, drivers FROM risk_person WHERE data_year = ? ORDER BY person_key",
                        (year,)).fetchall()
    conn.close()
    return {r[0]: r[1:] for r in rows}


def _score(path, **options):
    options.setdefault("min_dimensions", 1)
    options.setdefault("target", "all")
    return risk_index.score_risk_index(path, YEAR, risk_index.Options(**options))


def test_mean_method_by_hand(province):
    summary = _score(province, high_cutoff=2.0, medium_cutoff=1.5)   # ties at both cut-points
    persons = _persons(province)
    assert persons["p1"] == (1, 1, 1, 3, 1.0, "low", 0.0, None)
    assert persons["p2"] == (3, 3, 3, 3, 3.0, "high", 1.0, "A02 A01 A03")
    assert persons["p3"] == (2, None, 1, 2, 1.5, "medium", 0.0, "A01")
    assert persons["p4"] == (1, 2, 3, 3, 2.0, "high", 0.25, "A02 A03")
    assert persons["p5"] == (None, None, None, 0, None, "not_enough_data", None, None)   # counted
    assert (summary.persons, summary.scored, summary.high, summary.medium,
            summary.low) == (5, 4, 2, 1, 1)


def test_alkire_foster_by_hand(province):
    summary = _score(province, method="alkire_foster", af_k=0.25, medium_cutoff=0.1)
    persons = _persons(province)
    assert [persons[p][4:6] for p in ("p1", "p2", "p3", "p4")] == [
        (0.0, "low"), (1.0, "high"), (0.0, "low"), (0.25, "high")]
    # H = 2 of 4 scored have c >= k; A = (1 + 0.25) / 2; M0 = H x A.
    assert summary.af_h == pytest.approx(0.5)
    assert summary.af_a == pytest.approx(0.625)
    assert summary.af_m0 == pytest.approx(0.3125)


def test_percentile_by_hand(province):
    _score(province, method="percentile")
    persons = _persons(province)
    # Weighted mean percentile ranks: P1 0, P2 (1 + 2 + 2/3)/4, P3 (2/3 + 0)/2, P4 (0 + 1 + 2/3)/4,
    # ranked again among the four: P1 0, P3 1/3, P4 2/3, P2 1 (high >= 0.75, medium >= 0.5).
    assert [persons[p][4] for p in ("p1", "p3", "p4", "p2")] == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert [persons[p][5] for p in ("p1", "p3", "p4", "p2")] == ["low", "low", "medium", "high"]


def test_areas_by_hand(province):
    _score(province, high_cutoff=2.0, medium_cutoff=1.5)
    conn = sqlite3.connect(province)
    village = {r[0]: r[1:] for r in conn.execute(
        "SELECT code, persons, persons_scored, persons_unscored, persons_high, persons_medium, "
        "persons_low, share_high, mean_index, mean_coverage, af_h, af_a, af_m0, risk_class "
        "FROM risk_village WHERE data_year = ?", (YEAR,))}
    # A village is classed by its rank in expected persons at risk (the sum of deprivation
    # shares, the work list's order): V1 1.0 (P2), V2 0.25 (P4): V1 the top tenth, V2 the
    # second of two, below the top 30 %.
    assert village[V1] == (3, 2, 1, 1, 0, 1, 0.5, 2.0, 3.0, 0.5, 1.0, 0.5, "high")
    assert village[V2] == (2, 2, 0, 1, 1, 0, 0.5, 1.75, 2.5, 0.0, 0.0, 0.0, "low")   # k = 1/3
    sub = {r[0]: r[1:] for r in conn.execute(
        "SELECT code, persons, persons_scored, persons_high, mean_index, risk_class, geom IS NOT NULL "
        "FROM risk_subdistrict WHERE data_year = ?", (YEAR,))}
    assert len(sub) == 12                                  # every sub-district is on the map
    # Areas by their share of high-risk persons against the province's (2 of 4): 1/2 is 1.0
    # times it, medium (high from 1.5 times).
    assert sub["500101"] == (3, 2, 1, 2.0, "medium", 1)
    assert sub["500103"] == (0, 0, 0, None, None, 1)      # no persons: not scored, still drawn
    district = conn.execute("SELECT persons, persons_scored, persons_high FROM risk_district "
                            "WHERE code = '5001' AND data_year = ?", (YEAR,)).fetchone()
    assert district == (5, 4, 2)
    age_sex = conn.execute(
        "SELECT age_band, sex, persons_scored, persons_high FROM risk_breakdown WHERE "
        "level = 'province' AND dimension = 'age_band_sex' ORDER BY age_band").fetchall()
    assert age_sex == [("25-59", "female", 1, 0), ("6-14", "female", 3, 2)]
    conn.close()


def test_rescoring_replaces_and_second_year_gives_change(province):
    _score(province, high_cutoff=2.0, medium_cutoff=1.5)
    _score(province, high_cutoff=2.0, medium_cutoff=1.5)          # idempotent
    conn = sqlite3.connect(province)
    assert conn.execute("SELECT count(*) FROM risk_person").fetchone()[0] == 5
    conn.close()
    # 2025: P2 and P4 are better off (at school, no violence): V1 and V2 shift.
    later = [(k, n, a + 1, v, s, "studying" if st else st, False) for k, n, a, v, s, st, _ in PERSONS]
    later[1] = ("p2", "thai", 11, V1, "health education", "studying", False)
    _build(province, later, 2025)
    risk_index.score_risk_index(province, 2025, risk_index.Options(
        min_dimensions=1, high_cutoff=2.0, medium_cutoff=1.5, target="all"))   # B.E. 2568
    conn = sqlite3.connect(province)
    change = conn.execute(
        "SELECT previous_year, previous_class, risk_class, class_change, share_high_change "
        "FROM risk_change_subdistrict WHERE code = '500101' AND data_year = 2025").fetchone()
    assert change == (2024, "medium", "low", "better", -50.0)
    conn.close()


def test_error_and_cancel_leave_the_database_as_it_was(province):
    before = province.read_bytes()
    with pytest.raises(Canceled):
        risk_index.score_risk_index(province, YEAR, risk_index.Options(min_dimensions=1),
                                    feedback=CancelAfter(3))
    assert province.read_bytes() == before
    conn = sqlite3.connect(province)
    with conn:
        conn.execute("UPDATE indicator SET rule_3 = 'nationality = = 1' WHERE code = 'A02'")
    conn.close()
    before = province.read_bytes()
    with pytest.raises(risk_index.RiskIndexError, match="A02"):
        _score(province)
    assert province.read_bytes() == before


def test_unknown_year_and_weights_are_explained(province):
    with pytest.raises(risk_index.RiskIndexError, match="crosswalk"):
        risk_index.score_risk_index(province, 2020, risk_index.Options())
    with pytest.raises(risk_index.RiskIndexError, match="Z99"):
        _score(province, weights=risk_index.parse_weights("A01=2, Z99=1"))
    summary = _score(province, weights=risk_index.parse_weights("A02=0"),
                     high_cutoff=2.0, medium_cutoff=1.5)
    # Without A02: P4 = (1 + 3) / 2 = 2.0 (high), P1 = 1.0; coverage counts weighted indicators.
    persons = _persons(province)
    assert persons["p4"][3:6] == (2, 2.0, "high")
    assert summary.scored == 4


def test_methods_share_the_cutoff_rules():
    matrix = [[3, 1, 0], [2, 2, 2], [0, 0, 0]]
    result = scores.score(matrix, [1, 1, 1], ["X", "Y", "Z"], "mean", (2.0, 1.5), 2)
    assert result.coverage.tolist() == [2, 3, 0]
    assert result.risk_class.tolist() == ["high", "high", "not_enough_data"]   # ties go up
    assert result.drivers == ["X", "X Y Z", None]
    with pytest.raises(ValueError, match="method"):
        scores.score(matrix, [1, 1, 1], ["X", "Y", "Z"], "median")
