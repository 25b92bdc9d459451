"""The province database without QGIS: schema, GeoPackage container, R-tree, all-or-nothing."""
import contextlib
import hashlib
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
