"""The audit trail: triggers in the province GeoPackage record every edit of network and case
data, whoever makes it (sqlite3, GDAL/OGR through QGIS layers), and refuse edits of the log by
any SQL path; a column added by hand is found, and audited after an upgrade; the seal shows a
row changed, deleted or cut off around the triggers."""
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
    # Per audited table: insert, update, delete, two REPLACE guards, fid >= 1; four per log table.
    assert len(names) == len(set(names)) == 6 * len(audit.AUDITED_TABLES) + 8
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


# Append-only against every SQL path: what an attacker with a plain sqlite3 connection tries.

def rows_of(path, table):
    conn = sqlite3.connect(path)
    rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("statement", [
    "INSERT OR REPLACE INTO audit_log (fid, changed_at, changed_by, table_name, record_id, action) "
    "VALUES (1, '2020-01-01T00:00:00+00:00', 'nobody', 'case', 1, 'insert')",
    "REPLACE INTO audit_log (fid, changed_at, action) VALUES (2, '2020-01-01', 'insert')",
    "INSERT INTO audit_log (fid, changed_at) VALUES (1, 'x') "
    "ON CONFLICT(fid) DO UPDATE SET changed_by = 'nobody'",
    "INSERT OR IGNORE INTO audit_log (fid, changed_at) VALUES (1, 'x')",
    "UPDATE OR REPLACE audit_log SET fid = 1 WHERE fid = 2",
    # A row below 1 could be replaced later (SQLite gives NEW.fid -1 when it picks the fid).
    "INSERT INTO audit_log (fid, changed_at) VALUES (-1, 'x')",
    "INSERT INTO audit_log (fid, changed_at) VALUES (0, 'x')",
])
def test_no_sql_path_replaces_a_row_of_the_log(db, statement):
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO \"case\" (case_key) VALUES ('k1')")
    conn.commit()
    before = rows_of(db, "audit_log")
    with pytest.raises(sqlite3.IntegrityError, match="audit_log is append-only"):
        conn.execute(statement)
    conn.rollback()
    # Adding after the last row (the withdrawal of an import writes so) still works.
    conn.execute("INSERT INTO audit_log (changed_at, table_name, action) VALUES "
                 "('2026-01-01T00:00:00+00:00', 'import_run', 'update')")
    conn.commit()
    conn.close()
    after = rows_of(db, "audit_log")
    assert after[:-1] == before and after[-1][0] == before[-1][0] + 1


@pytest.mark.parametrize("statement, refused", [
    ("INSERT OR REPLACE INTO \"case\" (fid, case_key) VALUES (1, 'forged')", "REPLACE would erase"),
    ("REPLACE INTO \"case\" (fid, case_key) VALUES (1, 'forged')", "REPLACE would erase"),
    ("UPDATE OR REPLACE \"case\" SET fid = 1 WHERE fid = 2", "REPLACE would erase"),
    ("INSERT INTO \"case\" (fid, case_key) VALUES (1, 'forged') "
     "ON CONFLICT(fid) DO UPDATE SET case_key = excluded.case_key", "change it with UPDATE"),
    ("INSERT INTO \"case\" (fid, case_key) VALUES (-1, 'k3')", "fid must be 1 or more"),
])
def test_replace_on_an_audited_table_is_refused(db, statement, refused):
    """REPLACE deletes the row in its way without firing the delete trigger; it is refused."""
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO \"case\" (case_key, story) VALUES ('k1', 'told in 2024')")
    conn.execute("INSERT INTO \"case\" (case_key) VALUES ('k2')")
    conn.commit()
    cases, trail = rows_of(db, "case"), rows_of(db, "audit_log")
    with pytest.raises(sqlite3.IntegrityError, match=refused):
        conn.execute(statement)
    conn.rollback()
    conn.close()
    assert rows_of(db, "case") == cases and rows_of(db, "audit_log") == trail


def test_ordinary_edits_pass_the_guards_and_are_audited(db):
    """The guards refuse only a clash: a new fid given, a fid changed to a free one, and an
    INSERT OR REPLACE that replaces nothing are recorded as before."""
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO case_support (fid, case_id, support_type) VALUES (10, 1, 'Shelter')")
    conn.execute("INSERT OR REPLACE INTO case_support (case_id, support_type) VALUES (1, 'Legal')")
    conn.execute("UPDATE case_support SET fid = 20, objectives = 'school' WHERE fid = 10")
    conn.execute("DELETE FROM case_support WHERE fid = 11")
    conn.commit()
    conn.close()
    assert [(r["record_id"], r["action"], r["field"], r["old_value"], r["new_value"])
            for r in log(db) if r["field"] in (None, "fid", "objectives")] == [
        (10, "insert", None, None, None), (11, "insert", None, None, None),
        (20, "update", "fid", "10", "20"), (20, "update", "objectives", None, "school"),
        (11, "delete", None, None, None)]


def test_a_unique_index_added_by_hand_is_reported_then_guarded_after_the_upgrade(db):
    conn = sqlite3.connect(db)
    conn.execute('CREATE UNIQUE INDEX case_key_once ON "case" (case_key)')
    conn.execute("INSERT INTO \"case\" (case_key) VALUES ('k1')")
    conn.execute("INSERT INTO \"case\" (case_key) VALUES ('k2')")
    conn.commit()
    problems = audit.coverage_problems(conn)
    assert ("table case", "trigger audit_case_no_replace is not as the plugin makes it for the "
            "table as it is (changed, or a column renamed or a unique index added by hand)") in problems
    conn.close()
    create_database.create_or_upgrade(db, "50", province_units(synthetic_province.synthetic_province()))
    conn = sqlite3.connect(db)
    assert audit.coverage_problems(conn) == []
    cases = rows_of(db, "case")
    for statement in ("INSERT OR REPLACE INTO \"case\" (case_key) VALUES ('k1')",
                      "UPDATE OR REPLACE \"case\" SET case_key = 'k1' WHERE case_key = 'k2'"):
        with pytest.raises(sqlite3.IntegrityError, match="REPLACE would erase"):
            conn.execute(statement)
        conn.rollback()
    conn.close()
    assert rows_of(db, "case") == cases


# Columns added later: no DDL triggers in SQLite, so the check finds them and an upgrade audits them.

def test_a_column_added_by_hand_is_reported_then_audited_after_the_upgrade(db):
    conn = database.connect(db)
    conn.execute("ALTER TABLE network_member ADD COLUMN \"facebook page\" TEXT")
    conn.execute("INSERT INTO network_member (name, \"facebook page\") VALUES ('Nok', 'nok.cm')")
    assert audit.coverage_problems(conn) == [
        ("table network_member", "columns not audited: facebook page")]
    conn.close()
    assert "facebook page" not in {r["field"] for r in log(db)}
    create_database.create_or_upgrade(db, "50", province_units(synthetic_province.synthetic_province()))
    conn = database.connect(db)
    assert audit.coverage_problems(conn) == []
    conn.execute("UPDATE network_member SET \"facebook page\" = 'nok.chiangmai'")
    conn.close()
    assert (log(db)[-1]["field"], log(db)[-1]["old_value"], log(db)[-1]["new_value"]) == (
        "facebook page", "nok.cm", "nok.chiangmai")


@pytest.mark.parametrize("attack, found", [
    ("DROP TRIGGER audit_case_update", ("table case", "trigger audit_case_update is missing")),
    ("DROP TRIGGER audit_log_no_replace",
     ("table audit_log", "trigger audit_log_no_replace is missing")),
    ("CREATE TRIGGER hide BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END",
     ("table audit_log", "trigger hide is not the plugin's: check what it does and drop it")),
    ("DROP TABLE case_perpetrator", ("table case_perpetrator", "the table is missing: its rows "
                                     "were removed with no audit record, or the database is not "
                                     "upgraded")),
])
def test_what_the_triggers_miss_is_found(db, attack, found):
    conn = sqlite3.connect(db)
    assert audit.coverage_problems(conn) == []
    conn.execute(attack)
    assert audit.coverage_problems(conn) == [found]
    conn.close()


# The seal.

SECRET = bytes(range(32))


def edit_cases(path, n):
    conn = sqlite3.connect(path)
    for i in range(n):
        conn.execute("INSERT INTO \"case\" (case_key, story) VALUES (?, 'a fake job offer')",
                     (f"k{i}",))
    conn.commit()
    conn.close()


def seal(path, secret=SECRET):
    conn = database.connect(path)
    conn.execute("BEGIN IMMEDIATE")
    sealed = audit.seal_new_rows(conn, secret)
    conn.execute("COMMIT")
    conn.close()
    return sealed


def check(path, secret=SECRET):
    conn = sqlite3.connect(path)
    found = audit.check_seal(conn, secret)
    conn.close()
    return found


def test_a_sealed_trail_checks_clean_and_later_rows_are_sealed_next(db):
    edit_cases(db, 3)                         # 3 x (record + case_key + story) = 9 rows
    assert check(db).unsealed == 9 and check(db).problems == []
    assert seal(db) == 9 and seal(db) == 0
    found = check(db)
    assert (found.sealed, found.last_fid, found.unsealed, found.problems) == (9, 9, 0, [])
    edit_cases(db, 1)
    assert (check(db).unsealed, check(db).problems) == (3, [])
    assert seal(db) == 3
    assert (check(db).sealed, check(db).problems) == (12, [])
    # Without the key nothing checks: the record's MAC fails first.
    assert [w for w, _ in check(db, b"another secret").problems][0] == "database_info"


def attacker(path, *statements):
    """Someone with the GeoPackage only: drops the guards, then writes."""
    conn = sqlite3.connect(path)
    for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_replace",
                 "audit_log_fid_positive", "audit_seal_no_update", "audit_seal_no_delete"):
        conn.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("statements, problems", [
    (["UPDATE audit_log SET new_value = 'a real job offer' WHERE fid = 3"],
     [("audit_log fid 3", "changed after it was sealed, or a sealed row before it deleted")]),
    (["INSERT OR REPLACE INTO audit_log (fid, changed_at, changed_by, table_name, record_id, "
      "action) SELECT fid, changed_at, 'someone else', table_name, record_id, action FROM "
      "audit_log WHERE fid = 4"],
     [("audit_log fid 4", "changed after it was sealed, or a sealed row before it deleted")]),
    (["DELETE FROM audit_log WHERE fid = 5"],
     [("audit_log fid 5", "deleted after it was sealed")]),
    (["DELETE FROM audit_log WHERE fid = 5", "DELETE FROM audit_seal WHERE audit_fid = 5"],
     [("audit_log fid 6", "changed after it was sealed, or a sealed row before it deleted"),
      ("audit_seal", "1 sealed rows are missing (the seal had 9, up to fid 9)")]),
    (["DELETE FROM audit_log WHERE fid > 6", "DELETE FROM audit_seal WHERE audit_fid > 6"],
     [("audit_seal", "3 sealed rows are missing (the seal had 9, up to fid 9)")]),
    (["DELETE FROM audit_log WHERE fid > 6", "DELETE FROM audit_seal WHERE audit_fid > 6",
      "UPDATE database_info SET value = json_set(value, '$.rows', 6, '$.last_fid', 6, "
      "'$.last_seal', (SELECT seal FROM audit_seal WHERE audit_fid = 6)) WHERE key = 'audit_seal'"],
     [("database_info", "the record of the seal (database_info key audit_seal) was changed "
       "without the key: the seal cannot tell how many rows were sealed (sealing goes on from "
       "the seals present: keep this report)")]),
    (["DELETE FROM database_info WHERE key = 'audit_seal'"],
     [("database_info", "the record of the seal (database_info key audit_seal) was removed: the "
       "seal cannot tell how many rows were sealed (sealing goes on from the seals present: keep "
       "this report)")]),
    (["INSERT INTO audit_log (fid, changed_at, action) VALUES (0, '2020-01-01', 'insert')"],
     [("audit_log fid 0", "put into the sealed part of the trail after it was sealed")]),
    (["UPDATE audit_seal SET seal = X'ff00' WHERE audit_fid = 9",
      "UPDATE database_info SET value = X'c328' WHERE key = 'audit_seal'"],
     [("database_info", "the record of the seal (database_info key audit_seal) was changed "
       "without the key: the seal cannot tell how many rows were sealed (sealing goes on from "
       "the seals present: keep this report)"),
      ("audit_log fid 9", "changed after it was sealed, or a sealed row before it deleted")]),
])
def test_the_seal_shows_what_was_done_around_the_triggers(db, statements, problems):
    edit_cases(db, 3)
    seal(db)
    attacker(db, *statements)
    assert check(db).problems == problems
    # Sealing goes on, and what was found stays found (a cut tail is not sealed over).
    edit_cases(db, 1)
    seal(db)
    after = check(db)
    assert after.unsealed == 0
    if "record of the seal" not in problems[0][1]:
        assert {where for where, _ in problems} <= {where for where, _ in after.problems}
