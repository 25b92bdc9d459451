"""The places to chip, from a province database's ``establishment`` table (plain sqlite3)."""
import math
import sqlite3
import struct

from .imagery import ImageryError, Place

RISK_CLASSES = ("high", "medium", "low")
# What a surveillance sheet shows of a place; a point layer from elsewhere fills what it has.
PLACE_FIELDS = ("name", "type", "type_th", "risk_class", "risk_score", "risk_reasons", "survey_date")
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def places_from_database(path, risk_class=None):
    """The establishments of a province GeoPackage (all, or one risk class), in fid order."""
    if risk_class not in (None, *RISK_CLASSES):
        raise ImageryError(f"Risk class '{risk_class}' is not one of {', '.join(RISK_CLASSES)}.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.OperationalError as error:
        raise ImageryError(f"{path} cannot be opened ({error}).") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "establishment" not in tables:
            raise ImageryError(f"{path} has no establishment table: is it a province database "
                               "(trafficking:createdatabase), with places imported "
                               "(trafficking:importsinspace)?")
        srs = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = "
                           "'establishment'").fetchone()
        if srs and srs[0] != 4326:
            raise ImageryError(f"{path}: establishment is in EPSG:{srs[0]}, expected EPSG:4326.")
        # The Thai name of the kind of place, where the database has the type table.
        type_th = "t.name_th" if "establishment_type" in tables else "NULL"
        join = "LEFT JOIN establishment_type t ON t.code = e.type" if type_th != "NULL" else ""
        where = "WHERE e.risk_class = ?" if risk_class else ""
        rows = conn.execute(
            f"SELECT e.fid, e.geom, e.name, e.type, {type_th}, e.risk_class, e.risk_score, "
            f"e.risk_reasons, e.survey_date FROM establishment e {join} {where} ORDER BY e.fid",
            (risk_class,) if risk_class else ()).fetchall()
    except sqlite3.DatabaseError as error:
        raise ImageryError(f"{path} could not be read ({error}). Is it a province database?") from None
    finally:
        conn.close()
    places = []
    for fid, geom, *values in rows:
        lon, lat = point_xy(geom)
        places.append(Place(fid, lon, lat, dict(zip(PLACE_FIELDS, values))))
    return places


def point_xy(blob):
    """(x, y) of a GeoPackage point geometry; (None, None) when empty or missing."""
    if not blob or blob[:2] != b"GP":
        return None, None
    flags = blob[3]
    start = 8 + _ENVELOPE_BYTES.get((flags >> 1) & 0b111, 0)
    wkb = blob[start:]
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack(order + "I", wkb[1:5])[0] % 1000
    if kind != 1:
        raise ImageryError(f"A place's geometry is not a point (WKB type {kind}).")
    x, y = struct.unpack(order + "2d", wkb[5:21])
    return (None, None) if math.isnan(x) or math.isnan(y) else (x, y)
