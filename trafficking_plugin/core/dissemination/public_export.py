"""trafficking:publicexport's core: risk_person of a data year -> protected aggregate tables.

Counts (and shares) of persons scored and at high / medium / low risk by area (province, district,
sub-district), optionally by age band and sex, protected by disclosure.protect, written as CSV
files, one XLSX workbook, a GeoPackage and a GeoJSON of the deepest area level, and README.txt.
Never a person: no pseudonym, ID, name or per-person row leaves the database. No QGIS.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .. import gpkg
from ..database import PathLike, connect, reading
from ..errors import CoreError
from ..feedback import Feedback
from ..wkb import rings, wkb_of
from ..feedback import NullFeedback, check_canceled
from ..ingest.pseudonym import default_identity_path
from ..files import same_file
from ..spreadsheet import neutralise
from ..risk.risk_index import AGE_BANDS
from ..thai_calendar import year_with_be
from . import disclosure
from .xlsx_writer import write_workbook

LEVELS = ("province", "district", "subdistrict")
CLASSES = ("high", "medium", "low")
SCORED = "scored"
ALL = "all"
UNKNOWN = "unknown"
SOURCE = "CTDC (Counter Trafficking Data Collaborative) publishes its global data set k-anonymised " \
         "with k = 11: ctdatacollaborative.org/global-dataset"
COLUMNS = ("level", "area_code", "area_name_th", "area_name_en", "district_code", "age_band", "sex",
           "persons_scored", "persons_high", "persons_medium", "persons_low",
           "share_high", "share_medium", "share_low", "note")


class PublicExportError(CoreError):
    """The export cannot run as asked; the message says what to do."""


@dataclass
class ExportSummary:
    """What a public export wrote and how many cells it hid."""
    files: list[str]
    cells: int
    primary: int           # hidden for being under k
    secondary: int         # every other hidden cell
    dominance: int         # class cells of dominated groups among them
    note: str
    protected: disclosure.Protected


DOMINANCE = 0.9    # a group with this share or more in one risk class has its classes hidden


def export(database: PathLike, data_year: int, folder: PathLike, level: str = "subdistrict",
           by_age_band: bool = True, by_sex: bool = True, k: int = 11, rounding: int = 1,
           feedback: Feedback | None = None, dominance: float | None = DOMINANCE) -> ExportSummary:
    """Write the protected tables of ``data_year`` (Common Era) into ``folder``.
    ``dominance``: the share of a group in one risk class from which the group's class counts are
    hidden (attribute disclosure); None turns that rule off."""
    feedback = feedback or NullFeedback()
    year = data_year
    if level not in LEVELS:
        raise PublicExportError(f"level must be one of {', '.join(LEVELS)}, not {level}")
    folder = Path(folder)
    stem = folder / f"public_export_{year}"
    guarded = (str(database), str(default_identity_path(database)))
    if any(same_file(str(folder), g) for g in guarded) or any(
            same_file(str(stem) + suffix, g) for g in guarded for suffix in (".gpkg", ".xlsx")):
        raise PublicExportError(f"{folder} is the province database or would overwrite it: the "
                                "public export goes to a folder of its own. Choose another folder.")
    with reading(database) as conn:
        areas = read_areas(conn, level)
        counts, run = read_counts(conn, year, level, by_age_band, by_sex)
    if not counts:
        raise PublicExportError(f"{database} has no scored person for data year {year}: run "
                                "trafficking:scoreriskindex for the year first.")
    check_canceled(feedback)
    dimensions = cube_dimensions(areas, counts, by_age_band, by_sex)
    feedback.pushInfo(f"Protecting {len(counts)} groups of persons with k = {k}…")
    protected = disclosure.protect(dimensions, counts, k=k, rounding=rounding, feedback=feedback,
                                   attribute="risk_class", dominance=dominance)
    note = protection_note(k, rounding, year, run, database, dominance)
    tables = {lvl: table_rows(protected, areas, lvl, note) for lvl in LEVELS[:LEVELS.index(level) + 1]}
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for lvl, rows in tables.items():
        files.append(_write_csv(Path(f"{stem}_{lvl}.csv"), rows))
    readme = readme_text(note, tables, level, by_age_band, by_sex)
    files.append(folder / "README.txt")
    files[-1].write_text(readme, encoding="utf-8")
    about = [["about"]] + [[line] for line in readme.splitlines()]
    write_workbook(f"{stem}.xlsx", {"about": about, **{
        lvl: [list(COLUMNS)] + [[r[c] for c in COLUMNS] for r in rows] for lvl, rows in tables.items()}})
    files.append(Path(f"{stem}.xlsx"))
    map_rows = [r for r in tables[level] if r["age_band"] == ALL and r["sex"] == ALL]
    with reading(database) as conn:
        geometry = dict(conn.execute(f'SELECT code, geom FROM "{level}"'))
    files.append(_write_gpkg(Path(f"{stem}.gpkg"), level, map_rows, geometry, note))
    files.append(_write_geojson(Path(f"{stem}_{level}.geojson"), map_rows, geometry, note))
    cells = len(protected.values)
    primary = sum(v == "primary" for v in protected.hidden.values())
    # "secondary" is every other hidden cell; "dominance" counts the class cells of dominated
    # groups among them (those not already under k).
    return ExportSummary([str(f) for f in files], cells, primary, len(protected.hidden) - primary,
                         sum(v == "dominance" for v in protected.hidden.values()), note, protected)


def read_areas(conn: sqlite3.Connection, level: str) -> dict[tuple[str, str], tuple]:
    """{(level, code): (name_th, name_en, district_code)} of the province's units to ``level``."""
    areas = {}
    for lvl in LEVELS[:LEVELS.index(level) + 1]:
        district = "district_code" if lvl == "subdistrict" else "NULL"
        for code, th, en, dist in conn.execute(
                f'SELECT code, name_th, name_en, {district} FROM "{lvl}" ORDER BY code'):
            areas[(lvl, code)] = (th, en, dist)
    if not any(key[0] == "province" for key in areas):
        raise PublicExportError("the database has no province row: is it a province database?")
    return areas


def read_counts(conn: sqlite3.Connection, year: int, level: str, by_age_band: bool,
                by_sex: bool) -> tuple[dict[tuple, int], tuple | None]:
    """{(area node, [age band], [sex], class): persons scored} and the scoring run's facts."""
    run = conn.execute("SELECT method, catalogue_version, scored_at FROM risk_run WHERE "
                       "data_year = ? ORDER BY scored_at DESC LIMIT 1", (year,)).fetchone()
    counts = {}
    for district, subdistrict, age, sex, risk_class, persons in conn.execute(
            "SELECT district_code, subdistrict_code, coalesce(age_band, 'unknown'), "
            "coalesce(sex, 'unknown'), risk_class, count(*) FROM risk_person WHERE data_year = ? "
            "AND risk_index IS NOT NULL GROUP BY 1, 2, 3, 4, 5", (year,)):
        key = (_area_leaf(level, district, subdistrict),) + ((age,) if by_age_band else ()) \
            + ((sex,) if by_sex else ()) + (risk_class,)
        counts[key] = counts.get(key, 0) + persons
    return counts, run


def _area_leaf(level, district, subdistrict):
    if level == "province":
        return ("province", ALL)
    district = ("district", district or UNKNOWN)
    if level == "district":
        return district
    return ("subdistrict", subdistrict or f"{UNKNOWN}-{district[1]}")


def cube_dimensions(areas: dict[tuple[str, str], tuple], counts: dict[tuple, int],
                    by_age_band: bool, by_sex: bool) -> list[disclosure.Dimension]:
    """The cube's trees: area (province > districts > sub-districts, with 'unknown' places where
    persons have none), [age band], [sex], and risk class (persons scored > high, medium, low)."""
    area = {("province", ALL): None}
    for (lvl, code), _names in areas.items():
        if lvl == "district":
            area[(lvl, code)] = ("province", ALL)
    for (lvl, code), (_, _, district) in areas.items():
        if lvl == "subdistrict":
            area[(lvl, code)] = ("district", district)
    for key in counts:
        node = key[0]
        if node not in area:    # a place the persons have but the unit tables lack, or unknown
            if node[0] == "district":
                area[node] = ("province", ALL)
            else:
                district = node[1].split("-", 1)[1] if node[1].startswith(UNKNOWN) else node[1][:4]
                area.setdefault(("district", district), ("province", ALL))
                area[node] = ("district", district)
    dims = [disclosure.Dimension("area", area)]
    if by_age_band:
        bands = [b for b, _, _ in AGE_BANDS] + [UNKNOWN]
        bands += sorted({key[1] for key in counts} - set(bands))
        dims.append(disclosure.Dimension("age_band", {ALL: None, **dict.fromkeys(bands, ALL)}))
    if by_sex:
        sexes = ["female", "male", UNKNOWN]
        sexes += sorted({key[-2] for key in counts} - set(sexes))
        dims.append(disclosure.Dimension("sex", {ALL: None, **dict.fromkeys(sexes, ALL)}))
    dims.append(disclosure.Dimension("risk_class", {SCORED: None, **dict.fromkeys(CLASSES, SCORED)}))
    return dims


def table_rows(protected: disclosure.Protected, areas: dict[tuple[str, str], tuple], level: str,
               note: str) -> list[dict]:
    """The published rows of one area level: one per area x age band x sex, margins included."""
    dims = protected.dimensions
    names = {d.name: d for d in dims}
    rows = []
    for node in names["area"].nodes:
        if node[0] != level:
            continue
        th, en, district = areas.get(node, (None, None, None))
        if node[1] == UNKNOWN or node[1].startswith(f"{UNKNOWN}-"):
            th, en = "ไม่ทราบที่อยู่", "place not recorded"
            district = node[1].split("-", 1)[1] if level == "subdistrict" else None
        for age in names["age_band"].nodes if "age_band" in names else [ALL]:
            for sex in names["sex"].nodes if "sex" in names else [ALL]:
                def cell(risk_class, node=node, age=age, sex=sex):
                    key = (node,) + ((age,) if "age_band" in names else ()) \
                        + ((sex,) if "sex" in names else ()) + (risk_class,)
                    return protected.published(key)
                scored = cell(SCORED)
                row = {"level": level, "area_code": node[1], "area_name_th": th,
                       "area_name_en": en, "district_code": district, "age_band": age, "sex": sex,
                       "persons_scored": scored, "note": note}
                for c in CLASSES:
                    value = cell(c)
                    row[f"persons_{c}"] = value
                    # Shares only from published counts: hidden with either of them.
                    row[f"share_{c}"] = round(value / scored, 3) \
                        if value is not None and scored else None
                rows.append(row)
    return rows


def protection_note(k: int, rounding: int, year: int, run: tuple[str, str, str] | None,
                    database: PathLike, dominance: float | None = None) -> str:
    """One line saying exactly how the figures were protected, for every output."""
    dominated = (f"where {dominance:.0%} or more of a group's persons are in one risk class, the "
                 f"group's high, medium and low counts are suppressed, zeros included, so that no "
                 f"member's class can be read off; ") if dominance is not None else ""
    rounded = f"published counts rounded to the nearest multiple of {rounding} after suppression" \
        if rounding > 1 else "no rounding"
    method = f", scored by the {run[0]} method, catalogue {run[1]}, at {run[2]}" if run else ""
    return (f"Aggregates only. Cells under k = {k} persons suppressed (left empty); secondary "
            f"suppression so that no suppressed cell can be recovered exactly from the totals, "
            f"margins or other levels (province > district > sub-district); {dominated}shares "
            f"only from published counts; {rounded}. Data year {year_with_be(year)}. Source: "
            f"risk_person of {os.path.basename(str(database))}{method}. k = 11 is CTDC's practice.")


def readme_text(note: str, tables: dict[str, list[dict]], level: str, by_age_band: bool,
                by_sex: bool) -> str:
    breakdown = ", ".join(["area"] + (["age band"] if by_age_band else [])
                          + (["sex"] if by_sex else []))
    lines = [
        "Public export of the trafficking-prevention risk index",
        "",
        note,
        "",
        f"Breakdown: {breakdown}; areas to the {level} level. Rows with age_band or sex 'all' are "
        "the totals (margins) over that breakdown; persons_scored is the total over the risk "
        "classes high, medium and low.",
        "An empty count is suppressed: under k (primary suppression), part of a group almost "
        "all in one risk class (so that no member's class can be read off; such a group's "
        "zeros are suppressed too), or hidden so that it and the other suppressed cells cannot "
        "be worked out from the totals (secondary suppression). A published zero is a true zero.",
        "When counts are rounded, rows may not add up exactly to their totals.",
        "No person, pseudonym, ID or name is in any of these files.",
        "",
        f"Source of k = 11: {SOURCE}.",
        "",
        "Files:",
    ]
    lines += [f"  public_export_<year>_{lvl}.csv: {len(rows)} rows" for lvl, rows in tables.items()]
    lines += ["  public_export_<year>.xlsx: the same tables, one sheet each, and this text",
              f"  public_export_<year>.gpkg and public_export_<year>_{level}.geojson: the "
              f"{level} totals with their boundaries, for web maps"]
    return "\n".join(lines) + "\n"


def _write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows({c: "" if r[c] is None else neutralise(r[c]) for c in COLUMNS} for r in rows)
    return path


_MAP_COLUMNS = [c for c in COLUMNS if c not in ("level", "age_band", "sex")]


def _write_gpkg(path, level, rows, geometry, note):
    if path.exists():
        path.unlink()
    table = f"public_{level}"
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        gpkg.init_container(conn)
        types = {c: "INTEGER" if c.startswith("persons") else "REAL" if c.startswith("share")
                 else "TEXT" for c in _MAP_COLUMNS}
        conn.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
                     f'geom MULTIPOLYGON, ' + ", ".join(f'"{c}" {types[c]}' for c in _MAP_COLUMNS)
                     + ")")
        gpkg.register_table(conn, table, note, "MULTIPOLYGON")
        conn.executemany(
            f'INSERT INTO "{table}" (geom, {", ".join(_MAP_COLUMNS)}) VALUES '
            f'({", ".join("?" * (len(_MAP_COLUMNS) + 1))})',
            [(geometry.get(r["area_code"]), *(r[c] for c in _MAP_COLUMNS)) for r in rows])
        gpkg.create_spatial_index(conn, table)
        gpkg.update_extent(conn, table)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def _write_geojson(path, rows, geometry, note):
    features = []
    for r in rows:
        wkb = wkb_of(geometry.get(r["area_code"]))
        features.append({"type": "Feature", "geometry": _geojson_geometry(wkb) if wkb else None,
                         "properties": {c: r[c] for c in _MAP_COLUMNS}})
    collection = {"type": "FeatureCollection", "name": path.stem, "note": note,
                  "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return path


def _geojson_geometry(wkb):
    """A GeoJSON MultiPolygon of a WKB Polygon or MultiPolygon (a hole follows its outer ring)."""
    polygons = []
    for ring, sign in rings(wkb):
        if sign > 0:
            polygons.append([])
        polygons[-1].append([[round(x, 6), round(y, 6)] for x, y in ring])
    return {"type": "MultiPolygon", "coordinates": polygons}
