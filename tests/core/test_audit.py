"""The audit trail: triggers in the province GeoPackage record every edit of network and case
data, whoever makes it (sqlite3, GDAL/OGR through QGIS layers), and refuse edits of the log."""
import sqlite3

import pytest
from conftest import province_units
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from trafficking_db.trafficking_plugin.core import audit, create_database, database
from trafficking_db.trafficking_plugin.sample import synthetic_province


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(path, "50", province_units(synthetic_province.synthetic_province()))
    return path


def log(path, *where):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    sql = "SELECT * FROM audit_log" + (f" WHERE {where[0]}" if where else "") + " ORDER BY fid"
    rows = [dict(r) for r in conn.execute(sql, where[1:])]
    conn.close()
    return rows


def test_insert_update_delete_are_logged_per_field_with_who_and_when(db):
    conn = database.connect(db)
    audit.set_user(conn, "somchai")
    conn.execute("INSERT INTO organization (name, type, phone) VALUES ('OSCC Nakornping', "
                 "'one_stop_crisis_centre', '053-999999')")
    conn.execute("UPDATE organization SET phone = '053-112233', email = 'a@b.th' WHERE fid = 1")
    conn.execute('INSERT INTO "case" (case_key, age_trafficked) VALUES (\'k1\', 15)')
    conn.execute("DELETE FROM organization WHERE fid = 1")
    conn.close()
    rows = log(db)
    assert {r["changed_by"] for r in rows} == {"somchai"}
    assert all(r["changed_at"].endswith("+00:00") and r["changed_at"][10] == "T" for r in rows)
    inserted = {r["field"]: r["new_value"] for r in rows
                if r["action"] == "insert" and r["table_name"] == "organization"}
    assert inserted == {None: None, "name": "OSCC Nakornping", "type": "one_stop_crisis_centre",
                        "phone": "053-999999"}
    updates = [(r["field"], r["old_value"], r["new_value"]) for r in rows if r["action"] == "update"]
    assert sorted(updates) == [("email", None, "a@b.th"), ("phone", "053-999999", "053-112233")]
    case = [r for r in rows if r["table_name"] == "case"]
    assert ("age_trafficked", "15") in {(r["field"], r["new_value"]) for r in case}
    deleted = {r["field"]: r["old_value"] for r in rows if r["action"] == "delete"}
    assert deleted["phone"] == "053-112233" and deleted["name"] == "OSCC Nakornping"


def test_who_falls_back_to_unknown(db):
    conn = database.connect(db)
    conn.execute("INSERT INTO case_support (case_id, support_type) VALUES (1, 'Shelter')")
    conn.close()
    assert {r["changed_by"] for r in log(db)} == {"unknown"}


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET changed_by = 'someone else'",
                                       "DELETE FROM audit_log"])
def test_the_log_cannot_be_changed_or_deleted(db, statement):
    conn = database.connect(db)
    conn.execute("INSERT INTO network_member (name) VALUES ('Nok')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(statement)
    conn.close()
    assert len(log(db)) == 2


def test_upgrade_keeps_one_set_of_triggers_and_the_log(db):
    conn = database.connect(db)
    conn.execute("INSERT INTO network_member (name) VALUES ('Nok')")
    conn.close()
    create_database.create_or_upgrade(db, "50", province_units(synthetic_province.synthetic_province()))
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'audit%' ORDER BY name")]
    conn.close()
    assert len(names) == len(set(names)) == 3 * len(audit.AUDITED_TABLES) + 2
    conn = database.connect(db)
    conn.execute("UPDATE network_member SET name = 'Noi'")
    conn.close()
    assert [(r["action"], r["field"]) for r in log(db)] == [
        ("insert", None), ("insert", "name"), ("update", "name")]


def test_edits_through_a_qgis_layer_are_logged_and_gdal_keeps_its_spatial_index(db):
    """What QGIS's attribute table does: edit buffer, commit through GDAL/OGR."""
    layer = QgsVectorLayer(f"{db}|layername=network_member", "network_member", "ogr")
    assert layer.isValid()
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature["name"] = "Mali"
    feature["phone"] = "081-234-5678"
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(98.9, 18.7)))
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    fid = next(layer.getFeatures()).id()
    assert layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf("role"), "social worker")
    layer.changeGeometry(fid, QgsGeometry.fromPointXY(QgsPointXY(99.0, 18.8)))
    assert layer.commitChanges(), layer.commitErrors()
    assert layer.startEditing() and layer.deleteFeature(fid) and layer.commitChanges()

    rows = log(db, "table_name = 'network_member'")
    assert {r["record_id"] for r in rows} == {fid}
    assert ("insert", "name", "Mali") in {(r["action"], r["field"], r["new_value"]) for r in rows}
    updated = {r["field"]: (r["old_value"], r["new_value"]) for r in rows if r["action"] == "update"}
    assert updated["role"] == (None, "social worker") and set(updated) == {"role", "geom"}
    assert updated["geom"][0].startswith("4750")   # hex of the GeoPackage blob ("GP")
    assert [r["action"] for r in rows if r["field"] is None] == ["insert", "delete"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM rtree_network_member_geom").fetchone()[0] == 0
    conn.close()


def test_a_qgis_layer_cannot_edit_the_log(db):
    conn = database.connect(db)
    conn.execute("INSERT INTO organization (name) VALUES ('PSDO')")
    conn.close()
    layer = QgsVectorLayer(f"{db}|layername=audit_log", "audit_log", "ogr")
    fid = next(layer.getFeatures()).id()
    assert layer.startEditing() and layer.deleteFeature(fid)
    assert not layer.commitChanges()
    assert any("append-only" in e for e in layer.commitErrors()), layer.commitErrors()
    layer.rollBack()
    assert len(log(db)) == 2


def test_the_plugin_names_the_editor_of_an_attribute_table_edit(db):
    from qgis.core import QgsProject

    from trafficking_db.trafficking_plugin.gui.audit_hook import AuditUserHook

    project = QgsProject()
    hook = AuditUserHook(project)
    layer = QgsVectorLayer(f"{db}|layername=organization", "organization", "ogr")
    project.addMapLayer(layer)
    feature = QgsFeature(layer.fields())
    feature["name"] = "PSDO Chiang Mai"
    assert layer.startEditing() and layer.addFeature(feature) and layer.commitChanges()
    hook.unload()
    project.clear()
    assert {r["changed_by"] for r in log(db)} == {audit.current_user()} != {"unknown"}
