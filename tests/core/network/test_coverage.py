"""trafficking:networkcoverage on a hand-built province: gaps by coverage and by distance.

The built-in synthetic sub-districts are 0.05-degree squares at latitude 18.6-18.65, so their
centroids are 0.05 degrees of longitude apart: 0.05 x pi/180 x 6371.0 km x cos(18.625 degrees)
= 5.27 km in a straight line.
"""
import contextlib
import sqlite3

import pytest
from trafficking_db.trafficking_plugin.core import wkb as wkb_module
from qgis.core import QgsVectorLayer
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.network import coverage
from trafficking_db.trafficking_plugin.sample.network import point_blob

from builders import village_province as make_province

STEP_KM = 5.27
RISK = {"500101": "high", "500102": "high", "500201": "high", "500202": "medium", "500103": "low"}


@pytest.fixture()
def network_db(tmp_path):
    db = make_province(tmp_path / "province.gpkg")
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("BEGIN")
        for code, risk_class in RISK.items():
            conn.execute("INSERT INTO risk_subdistrict (code, data_year, risk_class, persons_high) "
                         "VALUES (?, 2024, ?, 3)", (code, risk_class))
            conn.execute("INSERT INTO risk_subdistrict (code, data_year, risk_class) "
                         "VALUES (?, 2023, 'low')", (code,))
        # A police station covering district 5001, at the centroid of 500101.
        police = conn.execute(
            "INSERT INTO organization (geom, name, type, areas) VALUES (?, 'Police 5001', "
            "'police', '5001')", (point_blob(98.825, 18.625),)).lastrowid
        # Its officer covers district 5003 only, from the centroid of 500202.
        conn.execute("INSERT INTO network_member (geom, name, organization_id, areas) VALUES "
                     "(?, 'Officer', ?, '5003')", (point_blob(98.975, 18.625), police))
        # No point: covers 500103 but is never the nearest.
        conn.execute("INSERT INTO organization (name, type, areas) VALUES ('Hotline', 'ngo', "
                     "'500103')")
        conn.execute("COMMIT")
    return db


def by_code(found):
    return {g["code"]: g for g in found}


def test_within_the_distance_only_uncovered_places_are_gaps(network_db):
    found = by_code(coverage.gaps(network_db, 2024, max_km=10))
    # 500101 and 500102 lie in district 5001, covered, 0 and 5.27 km from the station.
    assert list(found) == ["500201"]
    gap = found["500201"]
    assert gap["gap"] == "not_covered" and gap["covered_by"] == 0
    # The officer (5.27 km) is nearer than the station (10.5 km); a member's type is its organisation's.
    assert gap["nearest_name"] == "Officer (Police 5001)" and gap["nearest_type"] == "police"
    assert gap["nearest_km"] == pytest.approx(STEP_KM, abs=0.01)


def test_a_shorter_distance_adds_covered_places_too_far(network_db):
    found = by_code(coverage.gaps(network_db, 2024, max_km=5))
    assert {c: g["gap"] for c, g in found.items()} == {
        "500102": "too_far", "500201": "not_covered too_far"}
    assert found["500102"]["covered_by"] == 1
    assert found["500102"]["nearest_name"] == "Police 5001"
    assert "5.3 km" in found["500102"]["why"] and "straight line" in found["500102"]["why"]


def test_medium_sub_districts_on_request(network_db):
    found = by_code(coverage.gaps(network_db, 2024, max_km=10, classes=("high", "medium")))
    # 500202 has the officer on it (0 km) but nobody lists it or district 5002.
    assert {c: g["gap"] for c, g in found.items()} == {"500201": "not_covered",
                                                       "500202": "not_covered"}
    assert found["500202"]["nearest_km"] == pytest.approx(0, abs=0.001)


def test_a_year_without_scores_is_refused(network_db):
    with pytest.raises(coverage.CoverageError, match="scoreriskindex"):
        coverage.gaps(network_db, 2020)


def test_centroid_of_a_square_with_a_hole():
    import struct

    def ring(points):
        return struct.pack("<I", len(points)) + b"".join(struct.pack("<2d", *p) for p in points)
    outer = [(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]
    hole = [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]      # the top-right quarter
    wkb = struct.pack("<BII", 1, 3, 2) + ring(outer) + ring(hole)
    # Area 16 at (2, 2) less area 4 at (3, 3): (32 - 12) / 12 = 5/3 on each axis.
    assert wkb_module.centroid(wkb) == pytest.approx((5 / 3, 5 / 3))


def test_algorithm_writes_a_styled_gap_layer(network_db, tmp_path, run_algorithm):
    out = tmp_path / "gaps.gpkg"
    result = run_algorithm("networkcoverage", DATABASE=str(network_db), DATA_YEAR=2567, MAX_KM=5,
                           INCLUDE_MEDIUM=True, OUTPUT=str(out))
    layer = QgsVectorLayer(result["OUTPUT"], "gaps", "ogr")
    rows = sorted((f["code"], f["gap"], round(f.geometry().area(), 6)) for f in layer.getFeatures())
    assert rows == [("500102", "too_far", 0.0025), ("500201", "not_covered too_far", 0.0025),
                    ("500202", "not_covered", 0.0025)]
    with contextlib.closing(sqlite3.connect(out)) as conn:
        styles = conn.execute("SELECT styleName, useAsDefault, styleQML LIKE '%not_covered%' "
                              "FROM layer_styles").fetchall()
    assert styles == [("network_gap", 1, 1)]
