"""The GeoPackage container in plain sqlite3: spatial tables, geometry blobs and R-tree indexes.

Writing through sqlite3 lets one transaction cover a whole step, so a failure leaves the file as it
was. The SQL functions that GeoPackage's R-tree triggers call (ST_MinX ... ST_IsEmpty) are
registered on every connection the plugin makes (``database.connect``); GDAL and QGIS register
their own.
Spec: OGC GeoPackage Encoding Standard 1.3 (OGC 12-128r17), clauses 2.1, 2.1.3 and F.3.
"""
from __future__ import annotations

import sqlite3
import struct
from collections.abc import Sequence

GPKG_APPLICATION_ID = 0x47504B47   # "GPKG"
GPKG_USER_VERSION = 10300          # GeoPackage 1.3

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]')

_BASE_DDL = """
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL
    DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE IF NOT EXISTS gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE IF NOT EXISTS gpkg_data_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT,
  mime_type TEXT, constraint_name TEXT,
  CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name));
CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (
  constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC,
  min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT,
  CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
"""
# The schema extension (GeoPackage 1.3, annex F.2) names both of its tables, once each.
_SCHEMA_TABLES = ("gpkg_data_columns", "gpkg_data_column_constraints")


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions GeoPackage R-tree triggers call, on a connection (database.connect)."""
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        conn.create_function(name, 1, _envelope_getter(index), deterministic=True)
    conn.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)


def init_container(conn: sqlite3.Connection) -> None:
    """Make the file a GeoPackage: application id, version, the mandatory metadata tables."""
    conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    for statement in _BASE_DDL.split(";"):  # not executescript: it would commit the transaction
        if statement.strip():
            conn.execute(statement)
    srs = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined",
         "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined",
         "undefined geographic coordinate reference system"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT,
         "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
    ]
    conn.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", srs)
    # A NULL column_name makes the UNIQUE constraint let copies in (NULL is never equal to
    # NULL): earlier versions added a row on every upgrade, so the rows are written anew.
    conn.execute("DELETE FROM gpkg_extensions WHERE extension_name = 'gpkg_schema'")
    conn.executemany(
        "INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', "
        "'http://www.geopackage.org/spec/#extension_schema', 'read-write')",
        [(table,) for table in _SCHEMA_TABLES])


def is_geopackage(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID


def register_table(conn: sqlite3.Connection, table: str, description: str,
                   geometry_type: str | None = None, geometry_column: str = "geom",
                   srs_id: int = 4326) -> None:
    """List a table in gpkg_contents (and gpkg_geometry_columns when spatial) so QGIS shows it."""
    data_type = "features" if geometry_type else "attributes"
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
        " VALUES (?, ?, ?, ?, ?)",
        (table, data_type, table, description, srs_id if geometry_type else None))
    if geometry_type:
        conn.execute("INSERT OR IGNORE INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                     (table, geometry_column, geometry_type, srs_id))


def create_spatial_index(conn: sqlite3.Connection, table: str, column: str = "geom",
                         key: str = "fid") -> None:
    """The GeoPackage R-tree extension (spec annex F.3): virtual table, filled, kept by triggers."""
    rtree = f"rtree_{table}_{column}"
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
        return
    t, c, i = f'"{table}"', f'"{column}"', f'"{key}"'
    conn.execute(f'CREATE VIRTUAL TABLE "{rtree}" USING rtree(id, minx, maxx, miny, maxy)')
    conn.execute(
        f'INSERT OR REPLACE INTO "{rtree}" SELECT {i}, ST_MinX({c}), ST_MaxX({c}), ST_MinY({c}),'
        f' ST_MaxY({c}) FROM {t} WHERE {c} NOT NULL AND NOT ST_IsEmpty({c})')
    box = (f"ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})")
    triggers = {
        "insert": f"AFTER INSERT ON {t} WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c})) BEGIN"
                  f' INSERT OR REPLACE INTO "{rtree}" VALUES (NEW.{i}, {box}); END',
        "update1": f"AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND"
                   f" (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) BEGIN"
                   f' INSERT OR REPLACE INTO "{rtree}" VALUES (NEW.{i}, {box}); END',
        "update2": f"AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND"
                   f" (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})) BEGIN"
                   f' DELETE FROM "{rtree}" WHERE id = OLD.{i}; END',
        "update3": f"AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND"
                   f" (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) BEGIN"
                   f' DELETE FROM "{rtree}" WHERE id = OLD.{i};'
                   f' INSERT OR REPLACE INTO "{rtree}" VALUES (NEW.{i}, {box}); END',
        "update4": f"AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND"
                   f" (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})) BEGIN"
                   f' DELETE FROM "{rtree}" WHERE id IN (OLD.{i}, NEW.{i}); END',
        "delete": f"AFTER DELETE ON {t} WHEN old.{c} NOT NULL BEGIN"
                  f' DELETE FROM "{rtree}" WHERE id = OLD.{i}; END',
    }
    for suffix, body in triggers.items():
        conn.execute(f'CREATE TRIGGER "{rtree}_{suffix}" {body}')
    conn.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index',"
                 " 'http://www.geopackage.org/spec/#extension_rtree', 'write-only')", (table, column))


def update_extent(conn: sqlite3.Connection, table: str, column: str = "geom") -> None:
    """Store the layer's bounding box in gpkg_contents (QGIS uses it for 'zoom to layer')."""
    row = conn.execute(f'SELECT MIN(ST_MinX("{column}")), MIN(ST_MinY("{column}")), '
                       f'MAX(ST_MaxX("{column}")), MAX(ST_MaxY("{column}")) FROM "{table}"').fetchone()
    conn.execute("UPDATE gpkg_contents SET min_x=?, min_y=?, max_x=?, max_y=?,"
                 " last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name=?", (*row, table))


def geometry_blob(wkb: bytes | bytearray | memoryview, bbox: Sequence[float],
                  srs_id: int = 4326) -> bytes:
    """A GeoPackage geometry: 'GP' header with an xy envelope, then little-endian ISO WKB.

    ``bbox`` is (min_x, min_y, max_x, max_y)."""
    min_x, min_y, max_x, max_y = bbox
    flags = 0b0000_0011  # little-endian, envelope type 1 (min_x, max_x, min_y, max_y)
    return (b"GP" + bytes([0, flags]) + struct.pack("<i4d", srs_id, min_x, max_x, min_y, max_y)
            + bytes(wkb))


_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _envelope(blob):
    """(min_x, max_x, min_y, max_y) of a GeoPackage geometry, or None when empty or unknown."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0b1_0000:       # empty geometry
        return None
    endian = "<" if flags & 1 else ">"
    envelope_type = (flags >> 1) & 0b111
    if envelope_type:
        return struct.unpack_from(endian + "4d", blob, 8)
    # GDAL writes points without an envelope: read the point itself.
    wkb = blob[8 + _ENVELOPE_SIZES.get(envelope_type, 0):]
    wkb_endian = "<" if wkb[0] == 1 else ">"
    if struct.unpack_from(wkb_endian + "I", wkb, 1)[0] % 1000 != 1:
        return None
    x, y = struct.unpack_from(wkb_endian + "2d", wkb, 5)
    return (x, x, y, y)


def _envelope_getter(index):
    def getter(blob):
        env = _envelope(blob)
        return None if env is None else env[index]
    return getter


def _is_empty(blob):
    if blob is None:
        return None
    return 1 if _envelope(blob) is None else 0
