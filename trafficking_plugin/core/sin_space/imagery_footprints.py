"""The chips' GeoPackage: ``chip_footprint`` (one polygon per chip) and ``chip_report`` (one point
per place, whatever became of it), both in EPSG:4326 like ``establishment``."""
from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Any

from .. import database, gpkg
from ..database import PathLike
from .imagery_establishments import PLACE_FIELDS

FOOTPRINTS_NAME = "chip_footprints.gpkg"
_PLACE_COLUMNS = (("place_fid", "INTEGER"),) + tuple(
    (name, "REAL" if name == "risk_score" else "TEXT") for name in PLACE_FIELDS) + (
    ("longitude", "REAL"), ("latitude", "REAL"))
FOOTPRINT_COLUMNS = _PLACE_COLUMNS + (
    ("chip_path", "TEXT"), ("chip_file", "TEXT"), ("chip_layer", "TEXT"), ("chip_epsg", "INTEGER"),
    ("width", "INTEGER"), ("height", "INTEGER"), ("resolution_m", "REAL"), ("coverage", "REAL"),
    ("status", "TEXT"), ("reason", "TEXT"), ("imagery", "TEXT"))
REPORT_COLUMNS = _PLACE_COLUMNS + (("status", "TEXT"), ("reason", "TEXT"), ("chip_path", "TEXT"))


def write_footprints(result: dict[str, Any], path: PathLike) -> Path:
    """Write (replace) the GeoPackage of a run of ``imagery.extract_chips``; returns its path."""
    path = Path(path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if stale.exists():
            os.remove(stale)
    conn = database.connect(path)
    try:
        conn.execute("BEGIN")
        gpkg.init_container(conn)
        _create(conn, "chip_footprint", "Imagery chips around places: extent, place, chip file.",
                "POLYGON", FOOTPRINT_COLUMNS)
        _create(conn, "chip_report", "Every place asked for and what became of it (status, reason).",
                "POINT", REPORT_COLUMNS)
        for row in result["rows"]:
            place = row["place"]
            values = {"place_fid": place.fid, "longitude": place.lon, "latitude": place.lat,
                      **{k: place.attributes.get(k) for k in PLACE_FIELDS},
                      "status": row["status"], "reason": row["reason"], "chip_path": row["chip_path"]}
            _insert(conn, "chip_report", REPORT_COLUMNS, values, _point(place.lon, place.lat))
            if row["chip_path"]:
                chip = Path(row["chip_path"])
                values.update(chip_file=chip.name, chip_layer=chip.stem, chip_epsg=row["epsg"],
                              width=row["width"], height=row["height"],
                              resolution_m=row["resolution_m"], coverage=row["coverage"],
                              imagery=result["imagery"])
                _insert(conn, "chip_footprint", FOOTPRINT_COLUMNS, values, _polygon(row["footprint"]))
        for table in ("chip_footprint", "chip_report"):
            gpkg.create_spatial_index(conn, table)
            gpkg.update_extent(conn, table)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return path


def _create(conn, table, description, geometry_type, columns):
    defs = ", ".join(f'"{name}" {kind}' for name, kind in columns)
    conn.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {geometry_type},'
                 f" {defs})")
    gpkg.register_table(conn, table, description, geometry_type)


def _insert(conn, table, columns, values, geom):
    names = ["geom"] + [name for name, _ in columns]
    conn.execute(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})',
                 [geom] + [values.get(name) for name, _ in columns])


def _point(x, y):
    if x is None or y is None:
        return None
    return gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, x, y), (x, y, x, y))


def _polygon(ring):
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    wkb = struct.pack("<BIII", 1, 3, 1, len(ring)) + b"".join(struct.pack("<2d", *p) for p in ring)
    return gpkg.geometry_blob(wkb, (min(xs), min(ys), max(xs), max(ys)))
