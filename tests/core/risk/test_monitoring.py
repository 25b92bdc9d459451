"""Programme monitoring: the share of activities in high-risk areas by hand, the unreached
high-risk villages, the district shift layer, and the same figures in trafficking:preventiontargets.

Risk classes are set here by SQL (as in test_prevention_targets) so the figures are known by hand:
villages H1 and H2 are classed high; sub-district S is classed high (its villages are in a
high-risk area though classed low themselves); the rest is low.
"""
import contextlib
import sqlite3

import pytest
from conftest import copy_database
from qgis.core import QgsProcessingException, QgsVectorLayer

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.risk import monitoring


@pytest.fixture(scope="module")
def plan(imported_sample, tmp_path_factory):
    _, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("monitoring"))
    crosswalk.run_crosswalk(db, 2024)
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("BEGIN")
        villages = conn.execute("SELECT code, subdistrict_code FROM village ORDER BY code").fetchall()
        subs = sorted({s for _, s in villages})
        s_high = subs[0]
        in_s = [c for c, s in villages if s == s_high]
        others = [c for c, s in villages if s != s_high]
        h1, h2, low = others[0], others[-1], others[1:4]
        conn.execute(
            "INSERT INTO risk_village (geom, code, name_th, data_year, persons_scored, "
            "persons_high, share_high, risk_class) SELECT geom, code, name_th, 2024, 10, "
            "CASE WHEN code IN (?, ?) THEN 3 ELSE 0 END, CASE WHEN code IN (?, ?) THEN 0.3 ELSE 0 "
            "END, CASE WHEN code IN (?, ?) THEN 'high' ELSE 'low' END FROM village",
            (h1, h2) * 3)
        conn.execute("INSERT INTO risk_subdistrict (code, data_year, persons_scored, risk_class) "
                     "SELECT code, 2024, 10, CASE WHEN code = ? THEN 'high' ELSE 'low' END "
                     "FROM subdistrict", (s_high,))

        def act(village, year):
            conn.execute("INSERT INTO activity (village_code, data_year, activity_date, kind) "
                         "VALUES (?, ?, ?, 'training')", (village, year, f"{year}-05-01"))
        for village in (h1, low[0], low[1], low[2]):            # 2023: 1 of 4 in high areas
            act(village, 2023)
        for village in (h1, in_s[0], low[0], low[1]):           # 2024: 2 of 4
            act(village, 2024)
        conn.execute("COMMIT")
    return {"db": db, "h1": h1, "h2": h2, "s": s_high, "in_s": in_s, "low": low}


def test_share_in_high_areas_by_hand(plan):
    found = monitoring.monitor(plan["db"], 2024)
    assert found.activities == {2023: 4, 2024: 4}
    assert found.in_high_areas == {2023: 1, 2024: 2}
    assert found.share_high == {2023: 0.25, 2024: 0.5}
    assert found.share_change == pytest.approx(25.0)
    assert [v["code"] for v in found.unreached] == [plan["h2"]]      # H1 had an activity
    lines = monitoring.summary_lines(found)
    assert any("+25.0 percentage points" in line for line in lines)


def test_monitor_algorithm_layer_and_numbers(plan, tmp_path, run_algorithm):
    out = tmp_path / "shift.gpkg"
    result = run_algorithm("monitoractivities", DATABASE=str(plan["db"]), DATA_YEAR=2024,
                           OUTPUT_DISTRICTS=str(out), OUTPUT_UNREACHED=str(tmp_path / "un.gpkg"))
    assert (result["SHARE_HIGH"], result["SHARE_HIGH_PREVIOUS"]) == (0.5, 0.25)
    assert result["SHARE_CHANGE"] == pytest.approx(25.0) and result["UNREACHED"] == 1
    layer = QgsVectorLayer(str(out), "shift", "ogr")
    rows = {f["code"]: (f["activities"], f["activities_previous"], f["change"])
            for f in layer.getFeatures()}
    with sqlite3.connect(plan["db"]) as conn:
        assert len(rows) == conn.execute("SELECT count(*) FROM district").fetchone()[0]
    assert sum(r[0] for r in rows.values()) == 4 and sum(r[1] for r in rows.values()) == 4
    assert all(a - b == c for a, b, c in rows.values())
    # The style is stored in the output, so any QGIS opening it shows the shift.
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM layer_styles WHERE styleName = "
                            "'activity_shift'").fetchone()[0] == 1
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "share_change"


def test_prevention_targets_flags_unreached_villages(plan, tmp_path, run_algorithm):
    out = tmp_path / "villages.gpkg"
    result = run_algorithm("preventiontargets", DATABASE=str(plan["db"]), DATA_YEAR=2567,
                           VILLAGES=2, PERSONS_PER_VILLAGE=0, OUTPUT_VILLAGES=str(out),
                           OUTPUT_PERSONS=str(tmp_path / "persons.csv"))
    assert result["SHARE_HIGH"] == 0.5 and result["SHARE_HIGH_PREVIOUS"] == 0.25
    assert result["UNREACHED"] == 1
    flags = {f["code"]: (f["activities_this_year"], f["no_activity"])
             for f in QgsVectorLayer(str(out), "v", "ogr").getFeatures()}
    assert flags == {plan["h1"]: (1, 0), plan["h2"]: (0, 1)}


def test_unscored_year_is_refused(plan, run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="scoreriskindex"):
        run_algorithm("monitoractivities", DATABASE=str(plan["db"]), DATA_YEAR=2020,
                      OUTPUT_DISTRICTS=str(tmp_path / "a.gpkg"),
                      OUTPUT_UNREACHED=str(tmp_path / "b.gpkg"))
