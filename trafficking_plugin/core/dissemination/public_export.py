"""trafficking:publicexport's core: risk_person of a data year -> protected aggregate tables.

Counts (and shares) of persons scored and at high / medium / low risk by area (province, district,
sub-district), optionally by age band and sex, written as CSV files, one XLSX workbook, a
GeoPackage and a GeoJSON of the deepest area level, and README.txt. The figures are cells of the
year's one protected cube (release.py): every export of a year, at any level and breakdown, and the
national publication show the same cells and leave the same cells empty, and each is recorded in
the export register. Never a person: no pseudonym, ID, name or per-person row leaves the
database. No QGIS.
"""
from __future__ import annotations

import csv
import json
import os
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
from ..thai_calendar import year_with_be
from . import disclosure, release as releases
from .release import ALL, CLASSES, DOMINANCE, LEVELS, SCORED, UNKNOWN
from .xlsx_writer import write_workbook

SOURCE = "CTDC (Counter Trafficking Data Collaborative) publishes its global data set k-anonymised " \
         "with k = 11: ctdatacollaborative.org/global-dataset"
COLUMNS = ("level", "area_code", "area_name_th", "area_name_en", "district_code", "age_band", "sex",
           "persons_scored", "persons_high", "persons_medium", "persons_low",
           "share_high", "share_medium", "share_low", "note")


class PublicExportError(CoreError):
    """The export cannot run as asked; the message says what to do."""


@dataclass
class ExportSummary:
    """What a public export wrote and how many of its cells are suppressed."""
    files: list[str]
    cells: int             # count cells in the tables
    primary: int           # hidden for being under k
    secondary: int         # every other hidden cell
    dominance: int         # class cells of dominated groups among them
    note: str
    protected: disclosure.Protected     # the year's whole protected cube
    release: int = 1       # the year's release the export shows


def export(database: PathLike, data_year: int, folder: PathLike, level: str = "subdistrict",
           by_age_band: bool = True, by_sex: bool = True, k: int = 11, rounding: int = 1,
           feedback: Feedback | None = None, dominance: float | None = DOMINANCE,
           rerelease: str | None = None, kind: str = "public_export") -> ExportSummary:
    """Write the protected tables of ``data_year`` (Common Era) into ``folder``.
    ``dominance``: the share of a group in one risk class from which the group's class counts are
    hidden (attribute disclosure); None turns that rule off. k, rounding and dominance must be
    those the year was first published with, unless ``rerelease`` says why the year is protected
    anew (release.prepare). ``kind``: how the register names the publication (the public
    website publishes the same export)."""
    feedback = feedback or NullFeedback()
    year = data_year
    if level not in LEVELS:
        raise PublicExportError("level must be one of {}, not {}", ", ".join(LEVELS), level)
    folder = Path(folder)
    stem = folder / f"public_export_{year}"
    guarded = (str(database), str(default_identity_path(database)))
    if any(same_file(str(folder), g) for g in guarded) or any(
            same_file(str(stem) + suffix, g) for g in guarded for suffix in (".gpkg", ".xlsx")):
        raise PublicExportError("{} is the province database or would overwrite it: the public "
                                "export goes to a folder of its own. Choose another folder.", folder)
    cube = releases.prepare(database, year, releases.Settings(k, rounding, dominance), rerelease,
                            feedback)
    protected, areas = cube.protected, cube.areas
    check_canceled(feedback)
    note = protection_note(k, rounding, year, cube.run, database, dominance, cube.number)
    tables = {lvl: table_rows(protected, areas, lvl, note, by_age_band, by_sex)
              for lvl in LEVELS[:LEVELS.index(level) + 1]}
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
    cells = releases.export_cells(protected, level, by_age_band, by_sex)
    why = [protected.hidden[c] for c in cells if c in protected.hidden]
    try:
        releases.record(database, cube, kind, level, by_age_band, by_sex, len(cells),
                        len(why), f"{folder}: " + ", ".join(f.name for f in map(Path, files)),
                        feedback)
    except BaseException:
        for written in files:      # not recorded, so not published: take the files back
            Path(written).unlink(missing_ok=True)
        raise
    primary = why.count("primary")
    # "secondary" is every other hidden cell; "dominance" counts the class cells of dominated
    # groups among them (those not already under k).
    return ExportSummary([str(f) for f in files], len(cells), primary, len(why) - primary,
                         why.count("dominance"), note, protected, cube.number)


def table_rows(protected: disclosure.Protected, areas: dict[tuple[str, str], tuple], level: str,
               note: str, by_age_band: bool = True, by_sex: bool = True) -> list[dict]:
    """The published rows of one area level: one per area x age band x sex, margins included;
    without a breakdown only its 'all' rows (cells of the same protected cube)."""
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
        ages = names["age_band"].nodes if "age_band" in names and by_age_band else [ALL]
        for age in ages:
            for sex in names["sex"].nodes if "sex" in names and by_sex else [ALL]:
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
                    database: PathLike, dominance: float | None = None, release: int = 1) -> str:
    """One line saying exactly how the figures were protected, for every output."""
    dominated = (f"where {dominance:.0%} or more of a group's persons are at high or at medium "
                 f"risk and fewer than {k} in the other classes, the group's high, medium and low "
                 f"counts are suppressed, zeros included, so that no member's class can be read "
                 f"off; ") if dominance is not None else ""
    rounded = f"published counts rounded to the nearest multiple of {rounding} after suppression" \
        if rounding > 1 else "no rounding"
    method = f", scored by the {run[0]} method, catalogue {run[1]}, at {run[2]}" if run else ""
    again = f" (re-release {release}: figures published earlier for the year are superseded)" \
        if release > 1 else ""
    return (f"Aggregates only. Cells under k = {k} persons suppressed (left empty); secondary "
            f"suppression so that no suppressed cell can be recovered exactly from the totals, "
            f"margins or other levels (province > district > sub-district), nor from all the "
            f"year's exports and its national publication together: each shows the same cells of "
            f"one protected table and leaves the same cells empty; {dominated}shares "
            f"only from published counts; {rounded}. Data year {year_with_be(year)}{again}. Source: "
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
