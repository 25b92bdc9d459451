"""The province database without QGIS: schema, GeoPackage container, R-tree, all-or-nothing."""
import contextlib
import hashlib
import json
import struct

import pytest
from conftest import CancelAfter, REPO
from trafficking_db.trafficking_plugin.core import create_database, database, gpkg, schema
from trafficking_db.trafficking_plugin.core.feedback import Canceled



def square(x, y, size=1.0):
    """A one-polygon multipolygon as little-endian WKB, and its bounding box."""
    ring = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
    wkb = struct.pack("<BII", 1, 6, 1) + struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring))
    wkb += b"".join(struct.pack("<2d", *p) for p in ring)
    return wkb, (x, y, x + size, y + size)


def units():
    rows = {}
    for table, code in (("province", "50"), ("district", "5001"), ("subdistrict", "500101")):
        wkb, bbox = square(98.0, 18.0)
        rows[table] = [{"code": code, "name_th": "ทดสอบ", "name_en": "Test", "wkb": wkb, "bbox": bbox,
                        "area_km2": 1.0,
                        **({"province_code": "50"} if table != "province" else {}),
                        **({"district_code": "5001"} if table == "subdistrict" else {})}]
    return rows


def test_docs_schema_md_is_current():
    assert (REPO / "docs" / "schema.md").read_text(encoding="utf-8") == schema.markdown() + "\n", \
        "docs/schema.md is out of date: run `make docs`"


def test_every_column_is_documented():
    for table in schema.TABLES:
        for column in table.all_columns:
            assert column.doc.strip(), f"{table.name}.{column.name} has no description"


def test_rtree_follows_inserts_updates_and_deletes(tmp_path):
    path = tmp_path / "db.gpkg"
    create_database.create_or_upgrade(path, "50", units())
    conn = database.connect(path)
    assert conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_subdistrict_geom").fetchall() == \
        [(98.0, 99.0, 18.0, 19.0)]
    wkb, bbox = square(100.0, 20.0, 2.0)
    conn.execute("UPDATE subdistrict SET geom = ? WHERE code = '500101'", (gpkg.geometry_blob(wkb, bbox),))
    assert conn.execute("SELECT minx, maxx FROM rtree_subdistrict_geom").fetchall() == [(100.0, 102.0)]
    conn.execute("DELETE FROM subdistrict")
    assert conn.execute("SELECT count(*) FROM rtree_subdistrict_geom").fetchone()[0] == 0
    # A point as GDAL writes it (no envelope in the header) is indexed from its coordinates.
    point = b"GP\x00\x01" + struct.pack("<i", 4326) + struct.pack("<BI2d", 1, 1, 98.5, 18.5)
    conn.execute("INSERT INTO village (code, subdistrict_code, province_code, geom) VALUES"
                 " ('50010101', '500101', '50', ?)", (point,))
    assert conn.execute("SELECT minx, miny FROM rtree_village_geom").fetchall() == [(98.5, 18.5)]


def test_cancel_part_way_leaves_the_database_as_it_was(tmp_path):
    path = tmp_path / "db.gpkg"
    create_database.create_or_upgrade(path, "50", units())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    more = units()
    wkb, bbox = square(99.0, 18.0)
    more["subdistrict"].append({**more["subdistrict"][0], "code": "500102", "wkb": wkb, "bbox": bbox})
    with pytest.raises(Canceled):
        create_database.create_or_upgrade(path, "50", more, feedback=CancelAfter(3))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_failure_on_a_new_file_leaves_no_file(tmp_path):
    path = tmp_path / "new.gpkg"
    with pytest.raises(Canceled):
        create_database.create_or_upgrade(path, "50", units(), feedback=CancelAfter(0))
    assert not path.exists()


def test_upgrade_adds_units_missing_and_keeps_the_rest(tmp_path):
    path = tmp_path / "db.gpkg"
    create_database.create_or_upgrade(path, "50", units())
    more = units()
    wkb, bbox = square(99.0, 18.0)
    more["subdistrict"].append({**more["subdistrict"][0], "code": "500102", "wkb": wkb, "bbox": bbox})
    more["subdistrict"][0]["name_th"] = "changed upstream"
    summary = create_database.create_or_upgrade(path, "50", more)
    assert summary.units["subdistrict"] == create_database.UnitCounts(rows=2, added=1, kept=1)
    conn = database.connect(path)
    assert conn.execute("SELECT name_th FROM subdistrict WHERE code='500101'").fetchone() == ("ทดสอบ",)
    assert summary.previous_schema_version == schema.SCHEMA_VERSION


def test_upgrade_renames_place_rule_to_establishment_rule_keeping_rows(tmp_path):
    """A database made before schema 3 has the sin-space rules in place_rule: an upgrade renames
    the table in place, with the specialist's edits and the GeoPackage's records of it."""
    path = tmp_path / "old.gpkg"
    create_database.create_or_upgrade(path, "50", units())
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("ALTER TABLE establishment_rule RENAME TO place_rule")
        conn.execute("UPDATE gpkg_contents SET table_name = 'place_rule', identifier = 'place_rule' "
                     "WHERE table_name = 'establishment_rule'")
        conn.execute("UPDATE gpkg_data_columns SET table_name = 'place_rule' "
                     "WHERE table_name = 'establishment_rule'")
        conn.execute("UPDATE place_rule SET points = 99 WHERE code = 'P05'")     # a user's edit
        conn.execute("UPDATE database_info SET value = '2' WHERE key = 'schema_version'")
    summary = create_database.create_or_upgrade(path, "50", units())
    assert summary.previous_schema_version == 2
    with contextlib.closing(database.connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "place_rule" not in names and "establishment_rule" in names
        assert conn.execute("SELECT points FROM establishment_rule WHERE code = 'P05'").fetchone() == (99,)
        contents = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
        assert "establishment_rule" in contents and "place_rule" not in contents
        assert not conn.execute("SELECT 1 FROM gpkg_data_columns WHERE table_name = 'place_rule'").fetchone()


MEMBERS = ("household_id,member_no,citizen_id,prename,first_name,last_name,sex,birth_year,relation,"
           "occupation,education\n"
           "50010101-00001,1,{id},นาย,สมชาย,ใจดี,ชาย,2520,หัวหน้าครัวเรือน,เกษตรกรรม,ประถมศึกษา\n"
           "50010101-00001,2,,นาง,,,หญิง,2525,คู่สมรส,เกษตรกรรม,ประถมศึกษา\n")
HOUSEHOLDS = ("household_id,house_code,house_no,village_code,survey_date,members,income_per_person\n"
              "50010101-00001,50011234567,77/913,50010101,15/03/2567,2,45000\n")


def _as_schema_3(path):
    """Turn a database of today into one as versions before schema 4 left it: birth years and
    house numbers staged in the database, not in its identity file."""
    from trafficking_db.trafficking_plugin.core.ingest import pseudonym
    identity = pseudonym.default_identity_path(path)
    with contextlib.closing(database.connect(path)) as conn, \
            contextlib.closing(database.connect(identity)) as keep:
        conn.execute("ALTER TABLE staging_family_welfare_member ADD COLUMN birth_year INTEGER")
        conn.execute("UPDATE staging_family_welfare_member SET birth_year = 2024 - age")
        conn.execute("ALTER TABLE staging_family_welfare_member DROP COLUMN age")
        conn.execute("ALTER TABLE staging_family_welfare_household ADD COLUMN house_no TEXT")
        conn.execute("UPDATE staging_family_welfare_household SET house_no = '77/913'")
        conn.execute("ALTER TABLE person ADD COLUMN birth_date DATE")
        conn.execute("UPDATE database_info SET value = '3' WHERE key = 'schema_version'")
        conn.commit()
        keep.execute("UPDATE person_identity SET names = json_remove(names, '$.birth_year', "
                     "'$.house_no')")
        keep.execute("DELETE FROM person_identity WHERE json_extract(names, '$.prename') IS NULL")
        keep.commit()
    return identity


def _identity_values(identity):
    with contextlib.closing(database.connect(identity)) as conn:
        return sorted((run, row, names) for run, row, names in conn.execute(
            "SELECT import_run_id, row_number, names FROM person_identity"))


def test_upgrade_moves_birth_years_and_house_numbers_to_the_identity_file(tmp_path):
    """Schema 4 keeps no identifying value in the database: an upgrade of an older one moves its
    staged birth years and house numbers to the identity file (a row without an ID or a name
    gains an identity row), keeps the ages, and leaves no copy in the file's free pages."""
    from trafficking_db.trafficking_plugin.core.ingest import import_file, thai_id
    from trafficking_db.trafficking_plugin.core.standard import crosswalk
    path = tmp_path / "old.gpkg"
    create_database.create_or_upgrade(path, "50", units())
    raw_id = "350000000001" + str(thai_id.check_digit("350000000001"))
    (tmp_path / "members.csv").write_text(MEMBERS.format(id=raw_id), encoding="utf-8")
    (tmp_path / "households.csv").write_text(HOUSEHOLDS, encoding="utf-8")
    for name in ("members.csv", "households.csv"):
        assert not import_file.import_file(path, tmp_path / name, "family_welfare",
                                           2024).rows_rejected
    today = _identity_values(pseudonym_path := _as_schema_3(path))
    assert all("birth_year" not in names for _, _, names in today)
    # Another step than the upgrade refuses to drop them.
    with pytest.raises(schema.SchemaError, match="Create or upgrade province database"):
        crosswalk.run_crosswalk(path, 2024)
    summary = create_database.create_or_upgrade(path, "50", units())
    assert summary.previous_schema_version == 3
    with contextlib.closing(database.connect(path)) as conn:
        for table in ("person", "staging_family_welfare_member", "staging_family_welfare_household"):
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            assert not columns & set(schema.IDENTIFYING_COLUMNS), table
        assert conn.execute("SELECT group_concat(age) FROM staging_family_welfare_member").fetchone() \
            == ("47,42",)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    moved = {(row, json.loads(names).get("birth_year"), json.loads(names).get("house_no"))
             for _, row, names in _identity_values(pseudonym_path)}
    assert moved == {(1, 1977, None), (2, 1982, None), (1, None, "77/913")}
    assert b"77/913" not in path.read_bytes()
    crosswalk.run_crosswalk(path, 2024)          # and the steps after it run again
