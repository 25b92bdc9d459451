"""trafficking:createdatabase on the real sub-district boundaries, run as the toolbox runs it."""
import hashlib
import sqlite3

import pytest
from conftest import needs_shared, tambon_layer_uri
from qgis.core import QgsProcessingException, QgsVectorLayer

pytestmark = needs_shared

CORE_TABLES = ["province", "district", "subdistrict", "village", "import_run", "rejected_row",
               "unmapped_code", "crosswalk", "person", "indicator", "risk_person", "risk_village",
               "risk_subdistrict", "risk_district", "establishment", "organization",
               "network_member", "case", "case_event", "activity", "audit_log"]

# Admin layers, the risk layers (empty until scored) and establishments open styled from the
# GeoPackage; establishments also carry a second, non-default style (the density heatmap).
STYLED_LAYERS = ["province", "district", "subdistrict", "village", "risk_village", "risk_subdistrict",
                 "risk_district", "risk_change_subdistrict", "risk_change_district", "establishment"]
EXTRA_STYLES = 1


def create(run_algorithm, path, province, **extra):
    return run_algorithm("createdatabase", OUTPUT=str(path), PROVINCE=province,
                         BOUNDARIES=tambon_layer_uri(), **extra)


@pytest.mark.parametrize("province, name_th, districts, subdistricts", [
    ("50", "เชียงใหม่", 25, 204),
    ("57", "เชียงราย", 18, 124),
    ("56", "พะเยา", 9, 68),
])
def test_province_database_on_real_boundaries(run_algorithm, tmp_path, province, name_th,
                                              districts, subdistricts):
    from trafficking_db.trafficking_plugin.core import schema
    path = tmp_path / f"province_{province}.gpkg"
    result = create(run_algorithm, path, province)
    assert result["OUTPUT"] == str(path)

    layers = {t: QgsVectorLayer(f"{path}|layername={t}", t, "ogr")
              for t in ("province", "district", "subdistrict")}
    assert all(layer.isValid() for layer in layers.values())
    assert layers["province"].featureCount() == 1
    assert layers["district"].featureCount() == districts
    assert layers["subdistrict"].featureCount() == subdistricts
    province_feature = next(layers["province"].getFeatures())
    assert province_feature["code"] == province and province_feature["name_th"] == name_th

    # The levels nest exactly: each district is the union of its sub-districts.
    sub_by_district = {}
    for f in layers["subdistrict"].getFeatures():
        assert f["code"].startswith(f["district_code"]) and f["province_code"] == province
        sub_by_district.setdefault(f["district_code"], []).append(f)
    for d in layers["district"].getFeatures():
        members = sub_by_district[d["code"]]
        assert sum(m["area_km2"] for m in members) == pytest.approx(d["area_km2"], rel=1e-3)
        for m in members:
            assert d.geometry().contains(m.geometry().pointOnSurface())
    assert sum(d["area_km2"] for d in layers["district"].getFeatures()) == \
        pytest.approx(province_feature["area_km2"], rel=1e-3)

    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
        assert set(CORE_TABLES) <= tables
        assert conn.execute("SELECT value FROM database_info WHERE key='schema_version'"
                            ).fetchone() == (str(schema.SCHEMA_VERSION),)
        documented = conn.execute("SELECT count(*) FROM gpkg_data_columns WHERE table_name='risk_person'"
                                  " AND description <> ''").fetchone()[0]
        assert documented == len(conn.execute('PRAGMA table_info("risk_person")').fetchall())
        styles = conn.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault").fetchall()
        assert sorted(s[0] for s in styles) == sorted(STYLED_LAYERS)
        # GeoPackage R-tree: the spatial index answers a bounding-box query.
        hits = conn.execute("SELECT count(*) FROM rtree_subdistrict_geom").fetchone()[0]
        assert hits == subdistricts


def test_layers_open_styled_from_the_geopackage(run_algorithm, tmp_path):
    path = tmp_path / "styled.gpkg"
    create(run_algorithm, path, "56")
    layer = QgsVectorLayer(f"{path}|layername=district", "district", "ogr")
    # QGIS applies the default style stored in layer_styles when it opens the layer.
    assert layer.labelsEnabled()
    assert layer.labeling().settings().fieldName == "name_th"


def test_unknown_province_is_refused_with_nearest_codes(run_algorithm, tmp_path):
    path = tmp_path / "nowhere.gpkg"
    with pytest.raises(QgsProcessingException) as error:
        create(run_algorithm, path, "59")
    message = str(error.value)
    assert "'59'" in message and "58" in message and "60" in message
    assert not path.exists()


def test_upgrade_keeps_every_row_and_adds_new_columns(run_algorithm, tmp_path, monkeypatch):
    from trafficking_db.trafficking_plugin.core import database, schema

    path = tmp_path / "upgrade.gpkg"
    create(run_algorithm, path, "56")
    with database.connect(path) as conn:  # R-tree triggers need its SQL functions
        conn.execute("INSERT INTO crosswalk (source, field, match, agency_code, standard_field,"
                     " standard_code) VALUES ('health', 'NATION', 'exact', '099', 'nationality', 'TH')")
        conn.execute("UPDATE subdistrict SET name_en = 'Edited by a user' WHERE code = '560101'")
        conn.execute("DELETE FROM village")
        conn.commit()
    before = _dump(path, ["crosswalk", "subdistrict", "district", "province"])

    # A later plugin version: one more column on a table, one more table.
    extra = schema.Column("reviewed_by", "TEXT", "Who reviewed the mapping.")
    crosswalk = schema.TABLES_BY_NAME["crosswalk"]
    newer = tuple(schema.Table(t.name, t.doc, t.columns + (extra,), t.geometry, t.unique)
                  if t is crosswalk else t for t in schema.TABLES)
    newer += (schema.Table("programme", "Programmes.", (schema.Column("name", "TEXT", "Name."),)),)
    monkeypatch.setattr(schema, "TABLES", newer)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    create(run_algorithm, path, "56")

    after = _dump(path, ["crosswalk", "subdistrict", "district", "province"])
    assert {t: [r[:len(before[t][0])] for r in rows] for t, rows in after.items()} == before
    with sqlite3.connect(path) as conn:
        assert "reviewed_by" in [r[1] for r in conn.execute('PRAGMA table_info("crosswalk")')]
        assert conn.execute("SELECT value FROM database_info WHERE key='schema_version'").fetchone() == \
            (str(schema.SCHEMA_VERSION),)
        assert conn.execute("SELECT data_type FROM gpkg_contents WHERE table_name='programme'").fetchone() \
            == ("attributes",)
        assert conn.execute("SELECT count(*) FROM layer_styles").fetchone()[0] == \
            len(STYLED_LAYERS) + EXTRA_STYLES


def test_newer_database_and_other_province_are_refused(run_algorithm, tmp_path):
    path = tmp_path / "phayao.gpkg"
    create(run_algorithm, path, "56")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="province 56, not 57"):
        create(run_algorithm, path, "57")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE database_info SET value='99' WHERE key='schema_version'")
    with pytest.raises(QgsProcessingException, match="newer than this plugin"):
        create(run_algorithm, path, "56")
    assert digest != hashlib.sha256(path.read_bytes()).hexdigest()  # only our own edit changed it


def test_not_a_geopackage_is_refused(run_algorithm, tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("my notes, not a database")
    with pytest.raises(QgsProcessingException, match="not a GeoPackage"):
        create(run_algorithm, path, "56")
    assert path.read_text() == "my notes, not a database"


def _dump(path, tables):
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY fid').fetchall() for t in tables}
