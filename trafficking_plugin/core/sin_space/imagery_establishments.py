"""The places to chip, from a province database's ``establishment`` table."""
from __future__ import annotations

import math

from ..database import PathLike, reading
from ..wkb import read, wkb_of
from .imagery import ImageryError, Place

RISK_CLASSES = ("high", "medium", "low")
# What a surveillance sheet shows of a place; a point layer from elsewhere fills what it has.
PLACE_FIELDS = ("name", "type", "type_th", "risk_class", "risk_score", "risk_reasons", "survey_date")


def places_from_database(path: PathLike, risk_class: str | None = None) -> list[Place]:
    """The establishments of a province GeoPackage (all, or one risk class), in fid order."""
    if risk_class not in (None, *RISK_CLASSES):
        raise ImageryError("Risk class '{}' is not one of {}.", risk_class, ", ".join(RISK_CLASSES))
    with reading(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "establishment" not in tables:
            raise ImageryError("{} has no establishment table: is it a province database "
                               "(trafficking:createdatabase), with places imported "
                               "(trafficking:importsinspace)?", path)
        srs = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = "
                           "'establishment'").fetchone()
        if srs and srs[0] != 4326:
            raise ImageryError("{}: establishment is in EPSG:{}, expected EPSG:4326.", path, srs[0])
        # The Thai name of the kind of place, where the database has the type table.
        type_th = "t.name_th" if "establishment_type" in tables else "NULL"
        join = "LEFT JOIN establishment_type t ON t.code = e.type" if type_th != "NULL" else ""
        where = "WHERE e.risk_class = ?" if risk_class else ""
        rows = conn.execute(
            f"SELECT e.fid, e.geom, e.name, e.type, {type_th}, e.risk_class, e.risk_score, "
            f"e.risk_reasons, e.survey_date FROM establishment e {join} {where} ORDER BY e.fid",
            (risk_class,) if risk_class else ()).fetchall()
    places = []
    for fid, geom, *values in rows:
        lon, lat = point_xy(geom)
        places.append(Place(fid, lon, lat, dict(zip(PLACE_FIELDS, values))))
    return places


def point_xy(blob: bytes | None) -> tuple[float | None, float | None]:
    """(x, y) of a GeoPackage point geometry; (None, None) when empty or missing."""
    found = wkb_of(blob)
    if found is None:
        return None, None
    try:
        kind, value = read(found)
    except ValueError:
        kind = None
    if kind != "point":
        raise ImageryError("A place's geometry is not a point.")
    x, y = value
    return (None, None) if math.isnan(x) or math.isnan(y) else (x, y)
