"""trafficking:generatesampledata through Processing, and its villages into createdatabase."""
import json
import sqlite3

import pytest
from conftest import SHARED, needs_shared, tambon_layer_uri
from qgis.core import QgsProcessingException, QgsVectorLayer

OLD_CODES = SHARED / "data" / "codes" / "th_admin_codes_kongvut.csv"


@needs_shared
def test_sample_province_on_real_boundaries_feeds_createdatabase(run_algorithm, tmp_path):
    out = tmp_path / "sample"
    result = run_algorithm(
        "generatesampledata", BOUNDARIES=tambon_layer_uri(), PROVINCE="50", SCALE=0.002, SEED=7,
        DATA_YEAR=2567, OLD_CODES=str(OLD_CODES), OUTPUT_FOLDER=str(out))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["province_code"] == "50" and manifest["data_year"] == 2024  # B.E. 2567
    assert manifest["counts"]["subdistricts"] == 204
    assert {f["source"] for f in manifest["files"]} >= {"health", "education", "human_security",
                                                        "family_welfare"}
    # Old spellings from the older code list reach the welfare file (Galyani Vadhana under Mae Chaem).
    cases = (out / "human_security" / "welfare_cases.csv").read_text(encoding="cp874")
    assert "แม่แจ่ม" in cases
    # The border is found from the national layer: Chiang Mai's Myanmar border, not its outline.
    assert 150 < manifest["border"]["km"] < 260 and manifest["border"]["lines"] >= 1

    villages = QgsVectorLayer(result["VILLAGES"], "villages", "ogr")
    assert villages.isValid() and villages.featureCount() == manifest["counts"]["villages"]

    db = tmp_path / "cm.gpkg"
    run_algorithm("createdatabase", OUTPUT=str(db), PROVINCE="50", BOUNDARIES=tambon_layer_uri(),
                  VILLAGES=result["VILLAGES"])
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM village").fetchone()[0] == villages.featureCount()
    # Every village point lies in the sub-district its code names.
    subdistricts = {f["code"]: f.geometry()
                    for f in QgsVectorLayer(f"{db}|layername=subdistrict", "s", "ogr").getFeatures()}
    for f in QgsVectorLayer(f"{db}|layername=village", "v", "ogr").getFeatures():
        assert subdistricts[f["subdistrict_code"]].contains(f.geometry()), f["code"]


def test_synthetic_geography_when_shared_is_absent(run_algorithm, tmp_path):
    from trafficking_db.trafficking_plugin.sample import synthetic_province

    # Alone in its layer a province has no border the algorithm can tell: none, with a warning.
    alone = tmp_path / "alone.geojson"
    alone.write_text(json.dumps(synthetic_province.to_geojson(synthetic_province.synthetic_province())),
                     encoding="utf-8")
    run_algorithm("generatesampledata", BOUNDARIES=str(alone), PROVINCE="50", SCALE=0.001, SEED=2,
                  OUTPUT_FOLDER=str(tmp_path / "alone"))
    manifest = json.loads((tmp_path / "alone" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["border"] == {"km": 0.0, "lines": 0}
    # With its made-up neighbour, the made-up border (north and west sides) as the demo has it.
    boundaries = tmp_path / "synthetic.geojson"
    units = synthetic_province.synthetic_province() + synthetic_province.synthetic_neighbours()
    boundaries.write_text(json.dumps(synthetic_province.to_geojson(units)), encoding="utf-8")
    out = tmp_path / "sample"
    result = run_algorithm("generatesampledata", BOUNDARIES=str(boundaries), PROVINCE="50",
                           SCALE=0.001, SEED=1, OUTPUT_FOLDER=str(out))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["border"]["km"] == pytest.approx(42.8, abs=0.2)
    db = tmp_path / "synthetic.gpkg"
    run_algorithm("createdatabase", OUTPUT=str(db), PROVINCE="50", BOUNDARIES=str(boundaries),
                  VILLAGES=result["VILLAGES"])
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM district").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM subdistrict").fetchone()[0] == 12
        assert conn.execute("SELECT count(*) FROM village").fetchone()[0] > 12 * 4


def test_bad_village_code_names_the_feature_and_field(run_algorithm, tmp_path):
    from trafficking_db.trafficking_plugin.sample import synthetic_province

    boundaries = tmp_path / "synthetic.geojson"
    boundaries.write_text(json.dumps(synthetic_province.to_geojson(synthetic_province.synthetic_province())),
                          encoding="utf-8")
    villages = tmp_path / "villages.geojson"
    villages.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [98.82, 18.62]},
         "properties": {"village_code": "5001011", "village_name_th": "บ้านผิด"}}]}), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"field 'village_code'.*'5001011' is not an 8-digit"):
        run_algorithm("createdatabase", OUTPUT=str(tmp_path / "x.gpkg"), PROVINCE="50",
                      BOUNDARIES=str(boundaries), VILLAGES=str(villages))
    assert not (tmp_path / "x.gpkg").exists()
