"""Sin space: a survey of risky workplaces into the ``establishment`` layer, scored by rules.

``import_survey`` runs the agency import (``ingest.import_file``: staging with provenance, SHA-256
duplicate refusal, rejected_row, accounting, encodings) with a step that, in the same
transaction, places every staged row (coordinates or village), moves rows that cannot be placed
to rejected_row, writes the establishments, re-scores every place and writes each village's
distance to the nearest high-risk place and border crossing. ``rescore`` does the last two
alone, after a specialist edits the establishment rules or types. docs/sin_space.md tells the story.
"""
from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import dataclass, field

import numpy as np

from .. import gpkg
from ..wkb import read_blob
from ..database import PathLike, run_in_transaction
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, info
from ..ingest import import_file
from ..ingest.spec import load_spec
from ..shipped_data import data_path
from . import catalogue
from . import coordinates as geo

SPEC_PATH = str(data_path("sin_space_spec.yaml"))
HIGH_SCORE = 60.0           # default cut-points of the place score (docs/sin_space.md)
MEDIUM_SCORE = 30.0
TOLERANCE_KM = 2.0          # a point this close outside the province still counts (simplified edges)
LICENCE_WORDS = {
    "licensed": "licensed", "มีใบอนุญาต": "licensed", "yes": "licensed",
    "unlicensed": "unlicensed", "ไม่มีใบอนุญาต": "unlicensed", "no": "unlicensed",
    "expired": "expired", "หมดอายุ": "expired", "ใบอนุญาตหมดอายุ": "expired",
    "unknown": "unknown", "ไม่ทราบ": "unknown", "": "unknown",
}
_COPIED = ("name", "workers", "minors_observed", "foreign_workers", "complaints", "inspections",
           "rescues", "case_refs", "survey_date")
_DEMAND = {"owner_": "owner_survey", "customer_": "customer_survey"}


class SinSpaceError(CoreError):
    """The survey or the database cannot be used as it is; the message says what to do."""


@dataclass
class ScoreSummary:
    """What scoring the establishments did."""
    scored: int
    classes: dict[str, int]          # high, medium, low -> establishments
    villages_measured: int           # villages whose distances were written
    message: str
    cut_points: tuple[float, float]


@dataclass
class PlacedSummary(import_file.StepResult):
    """What placing a survey's rows did (the step after staging), with the scoring after it."""
    establishments: int = 0
    approximate: int = 0             # placed at their village
    fallbacks: int = 0               # of those, rows whose coordinate could not be used
    unknown_types: list[str] = field(default_factory=list)
    scoring: ScoreSummary | None = None


def import_survey(database: PathLike, path: PathLike, data_year: int | None = None,
                  encoding: str = "auto", spec: str = SPEC_PATH, high_score: float = HIGH_SCORE,
                  medium_score: float = MEDIUM_SCORE, tolerance_km: float = TOLERANCE_KM,
                  identity_path: PathLike | None = None,
                  feedback: Feedback | None = None) -> import_file.ImportSummary:
    """Import one survey file (any table the readers or GDAL read; a point layer gives its
    coordinates); ``step`` of the summary is a PlacedSummary. ``data_year`` (Common Era) defaults
    to this year. Raises import_file.ImportFailed."""
    step = _placing_step(spec, high_score, medium_score, tolerance_km)
    year = data_year or datetime.date.today().year
    return import_file.import_file(database, path, spec, year, encoding, identity_path, feedback,
                                   after_staging=step, point_columns=True)


def rescore(database: PathLike, high_score: float = HIGH_SCORE, medium_score: float = MEDIUM_SCORE,
            feedback: Feedback | None = None) -> ScoreSummary:
    """Re-score every establishment and rewrite the village distances, in one transaction."""
    feedback = feedback or NullFeedback()
    return run_in_transaction(database, feedback,
                              lambda conn: score_and_measure(conn, high_score, medium_score, feedback))


def _placing_step(spec_path, high_score, medium_score, tolerance_km):
    _check_cuts(high_score, medium_score)
    spec = load_spec(spec_path)

    def step(conn, run, staging_table, feedback):
        file_spec = next(f for f in spec.files.values() if spec.staging_table(f.kind) == staging_table)
        columns = {c.field: c.column for c in file_spec.columns}
        placed = _Placer(conn, run, staging_table, columns, tolerance_km, feedback).place()
        try:
            placed.scoring = score_and_measure(conn, high_score, medium_score, feedback)
        except SinSpaceError as error:     # a broken rule: the whole import is undone
            raise import_file.ImportFailed(error.template, *error.values) from None
        placed.message = (f"{placed.establishments} establishments placed "
                          f"({placed.approximate} at their village)"
                          + (f", {placed.fallbacks} of them for a bad coordinate"
                             if placed.fallbacks else "")
                          + (f"; unknown types kept: {', '.join(placed.unknown_types)}"
                             if placed.unknown_types else "")
                          + f"; {placed.scoring.message}")
        return placed
    return step


class _Placer:
    """Places the run's staged rows, writes establishments, moves unplaceable rows to rejected_row."""

    def __init__(self, conn, run, staging_table, columns, tolerance_km, feedback):
        self.conn, self.run, self.table, self.columns = conn, run, staging_table, columns
        self.tolerance_km, self.feedback = tolerance_km, feedback
        self._check_database()
        catalogue.install(conn)            # a database made before sin space: shipped catalogue
        self.types = catalogue.type_lookup(catalogue.read_types(conn))
        self.villages = {code: read_blob(blob)[1] for code, blob in conn.execute(
            "SELECT code, geom FROM village WHERE geom IS NOT NULL")}
        self.boundary = self._province_boundary()

    def _check_database(self):
        names = {n for (n,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in ("establishment", "establishment_type", "establishment_rule") if t not in names]
        if missing:
            raise import_file.ImportFailed("the database lacks the table(s) {}: upgrade it with "
                                           "trafficking:createdatabase first", ", ".join(missing))

    def _province_boundary(self):
        polygons = [p for (blob,) in self.conn.execute("SELECT geom FROM province WHERE geom IS NOT NULL")
                    for p in read_blob(blob)[1]]
        if not polygons:
            raise import_file.ImportFailed("the database has no province boundary to check the places "
                                        "against: build it with trafficking:createdatabase")
        return geo.Boundary(polygons)

    def place(self):
        staged_columns = [r[1] for r in self.conn.execute(f'PRAGMA table_info("{self.table}")')]
        fields = [c for c in staged_columns if c not in ("fid", "import_run_id")]
        rows = self.conn.execute(
            f'SELECT fid, {", ".join(fields)} FROM "{self.table}" WHERE import_run_id = ? '
            "ORDER BY fid", (self.run["run_id"],)).fetchall()
        accepted, rejected, dropped = [], [], []
        unknown, approximate, fallbacks = {}, 0, []
        for n, (fid, *values) in enumerate(rows):
            if n % 500 == 0:
                check_canceled(self.feedback)
            row = dict(zip(fields, values))
            problems = []
            licence = LICENCE_WORDS.get(str(row.get("licence_status") or "").strip().casefold())
            if licence is None:
                problems.append(("licence_status", row["licence_status"],
                                 "not a licence status: write licensed, unlicensed, expired or "
                                 "unknown (or มีใบอนุญาต, ไม่มีใบอนุญาต, หมดอายุ, ไม่ทราบ)"))
            point, source, problem = self._locate(row)
            if problem:
                problems.append(problem)
            if problems:
                dropped.append((fid,))
                rejected += [(self.run["run_id"], self.run["file_name"], row["row_number"],
                              self.columns.get(field, field), None if value is None else str(value),
                              why) for field, value, why in problems]
                continue
            if source == "village":
                approximate += 1
                if self._coordinate_given(row):
                    fallbacks.append(row["row_number"])
            place_type = self.types.get(catalogue.normalise_type(row["type"]))
            if place_type is None:
                place_type = str(row["type"]).strip()
                unknown.setdefault(place_type, []).append(row["row_number"])
            accepted.append((geo.point_blob(*point), *(row.get(f) for f in _COPIED), place_type,
                             licence, _demand(row, "owner_"), _demand(row, "customer_"),
                             row.get("village_code"), source, int(source == "village"),
                             self.run["run_id"], row["row_number"]))
        names = ("geom",) + _COPIED + ("type", "licence_status", "owner_survey", "customer_survey",
                                       "village_code", "coordinate_source", "location_approximate",
                                       "import_run_id", "row_number")
        self.conn.executemany(f"INSERT INTO establishment ({', '.join(names)}) VALUES "
                              f"({', '.join('?' * len(names))})", accepted)
        self.conn.executemany(f'DELETE FROM "{self.table}" WHERE fid = ?', dropped)
        self.conn.executemany("INSERT INTO rejected_row (import_run_id, file_name, row_number, "
                              "field, value, reason) VALUES (?, ?, ?, ?, ?, ?)", rejected)
        gpkg.update_extent(self.conn, "establishment")
        for code, numbers in sorted(unknown.items()):
            info(self.feedback, "Unknown establishment type '{}' on rows {}: kept as found, scored "
                 "with base 0; add it to establishment_type to score it", code,
                 ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else ""))
        if fallbacks:
            info(self.feedback, "Rows {}: the coordinate could not be used (see above); placed at "
                 "their village instead", ", ".join(map(str, fallbacks)))
        return PlacedSummary(moved=len(dropped), establishments=len(accepted),
                             approximate=approximate, fallbacks=len(fallbacks),
                             unknown_types=sorted(unknown))

    @staticmethod
    def _coordinate_given(row):
        return any(row.get(f) not in (None, "") for f in
                   ("latitude", "longitude", "coordinates", "utm_easting", "utm_northing"))

    def _locate(self, row):
        """((lon, lat), coordinate_source, None), or (None, None, (field, value, reason))."""
        point, source, problem = self._coordinate(row)
        if point is not None:
            km = self.boundary.km_outside(*point)
            if km > self.tolerance_km:
                field, value = problem
                why = (f"the point (latitude {point[1]:.5f}, longitude {point[0]:.5f}) lies "
                       f"{km:.1f} km outside the province")
                if self.boundary.km_outside(point[1], point[0]) <= self.tolerance_km:
                    why += " (latitude and longitude swapped?)"
                point, problem = None, (field, value, why)
            else:
                return point, source, None
        code = str(row.get("village_code") or "").strip()
        if code and code in self.villages:
            if problem:
                self.feedback.pushInfo(f"Row {row['row_number']}: {problem[2]}")
            return self.villages[code], "village", None
        if code:
            why = f"village {code} is not in the village table of this database"
            if problem:
                why = f"{problem[2]}; and {why}"
            return None, None, ("village_code" if not problem else problem[0], code, why)
        if problem:
            return None, None, (problem[0], problem[1], problem[2] + " (and no village code to "
                                "place the row at instead)")
        return None, None, ("coordinates", None, "no coordinate and no village code: give latitude "
                            "and longitude, coordinates, a UTM position or a village code")

    def _coordinate(self, row):
        """The row's point if one is given: (point, source, (field, value)) or (None, None, problem)
        where problem is (field, value, reason) or None when no coordinate is given at all."""
        lat, lon = row.get("latitude"), row.get("longitude")
        if lat is not None or lon is not None:
            if lat is None or lon is None:
                missing = "latitude" if lat is None else "longitude"
                return None, None, (missing, None, f"{missing} is empty while the other is given")
            point, source, why = geo.parse_degrees(lat, lon)
            return (point, source, ("latitude", f"{lat}, {lon}")) if point else \
                (None, None, ("latitude", f"{lat}, {lon}", why))
        text = str(row.get("coordinates") or "").strip()
        if text:
            point, source, why = geo.parse_pair(text)
            return (point, source, ("coordinates", text)) if point else \
                (None, None, ("coordinates", text, why))
        easting, northing = row.get("utm_easting"), row.get("utm_northing")
        if easting is not None or northing is not None:
            value = f"{easting} {northing} {row.get('utm_zone') or ''}".strip()
            if easting is None or northing is None:
                return None, None, ("utm_easting", value, "a UTM position needs both easting and "
                                    "northing")
            point, source, why = geo.parse_utm(easting, northing, row.get("utm_zone") or "")
            return (point, source, ("utm_easting", value)) if point else \
                (None, None, ("utm_zone" if "zone" in why else "utm_easting", value, why))
        return None, None, None


def _demand(row, prefix):
    """The answers of one side of the demand survey as JSON (prefix dropped), or None."""
    answers = {k[len(prefix):]: v for k, v in row.items()
               if k.startswith(prefix) and v not in (None, "")}
    return json.dumps(answers, ensure_ascii=False, sort_keys=True) if answers else None


def _check_cuts(high_score, medium_score):
    if not high_score > medium_score:
        raise SinSpaceError("the high cut-point ({:g}) must be above the medium one ({:g})",
                            high_score, medium_score)


def score_and_measure(conn: sqlite3.Connection, high_score: float = HIGH_SCORE,
                      medium_score: float = MEDIUM_SCORE,
                      feedback: Feedback | None = None) -> ScoreSummary:
    """Score every establishment, list unknown types, write the village distances (caller's
    transaction). Returns a summary with counts per class and a message."""
    feedback = feedback or NullFeedback()
    _check_cuts(high_score, medium_score)
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'establishment_rule'").fetchone():
        raise SinSpaceError("the database lacks the establishment_rule table: upgrade it with "
                            "trafficking:createdatabase first")
    catalogue.install(conn)
    try:
        types, rules = catalogue.read_types(conn), catalogue.read_rules(conn)
    except catalogue.CatalogueError as error:
        raise SinSpaceError(error.template, *error.values) from None
    places = conn.execute("SELECT fid, type FROM establishment ORDER BY fid").fetchall()
    hits = {}
    for rule in rules:
        check_canceled(feedback)
        for (fid,) in conn.execute(f"SELECT fid FROM establishment WHERE ({rule.condition})"):
            hits.setdefault(fid, []).append(rule)
    updates, counts = [], {"high": 0, "medium": 0, "low": 0}
    for fid, place_type in places:
        known = types.get(place_type)
        score = known.base_score if known else 0.0
        reasons = [f"type {place_type} (base {score:g})" if known else
                   f"unknown type {place_type} (base 0)"]
        for rule in hits.get(fid, []):
            score += rule.points
            thai = f" ({rule.reason_th})" if rule.reason_th else ""
            reasons.append(f"{rule.code} {rule.reason_en}{thai} {rule.points:+g}")
        risk_class = "high" if score >= high_score else "medium" if score >= medium_score else "low"
        counts[risk_class] += 1
        updates.append((score, risk_class, "; ".join(reasons), fid))
    conn.executemany("UPDATE establishment SET risk_score = ?, risk_class = ?, risk_reasons = ? "
                     "WHERE fid = ?", updates)
    list_unknown_types(conn, types)
    villages = village_distances(conn, feedback)
    message = (f"{len(places)} establishments scored: {counts['high']} high, {counts['medium']} "
               f"medium, {counts['low']} low (cut-points {high_score:g} and {medium_score:g}); "
               f"distances written for {villages} villages")
    info(feedback, "{} establishments scored: {} high, {} medium, {} low (cut-points {:g} and {:g}); "
         "distances written for {} villages", len(places), counts["high"], counts["medium"],
         counts["low"], high_score, medium_score, villages)
    return ScoreSummary(len(places), counts, villages, message, (high_score, medium_score))


def list_unknown_types(conn: sqlite3.Connection, types: dict[str, catalogue.EstablishmentType]) -> None:
    """unmapped_code rows (source sin_space, field type) for the types not in the catalogue,
    rebuilt at every scoring. data_year stays empty: the layer is not kept per data year, and the
    crosswalk, which rebuilds a year's unmapped codes, must not remove these."""
    conn.execute("DELETE FROM unmapped_code WHERE source = 'sin_space' AND field = 'type'")
    known = list(types) or [""]
    conn.execute(
        "INSERT INTO unmapped_code (source, field, code, row_count, example_row, import_run_id, "
        "data_year) SELECT 'sin_space', 'type', type, count(*), min(row_number), "
        "min(import_run_id), NULL FROM establishment WHERE type NOT IN "
        f"({', '.join('?' * len(known))}) GROUP BY type ORDER BY type", known)


def village_distances(conn: sqlite3.Connection, feedback: Feedback | None = None) -> int:
    """km_to_risky_place and km_to_border_crossing of every village (great-circle km to the
    nearest establishment of class high / of type border_crossing; NULL when there is none).
    Returns the number of villages."""
    villages = [(fid, *read_blob(blob)[1]) for fid, blob in conn.execute(
        "SELECT fid, geom FROM village WHERE geom IS NOT NULL ORDER BY fid")]
    conn.execute("UPDATE village SET km_to_risky_place = NULL, km_to_border_crossing = NULL")
    if not villages:
        return 0
    fids = [v[0] for v in villages]
    lon, lat = (np.array([v[i] for v in villages]) for i in (1, 2))
    columns = {}
    for column, where in (("km_to_risky_place", "risk_class = 'high'"),
                          ("km_to_border_crossing", "type = 'border_crossing'")):
        targets = np.array([read_blob(blob)[1] for (blob,) in conn.execute(
            f"SELECT geom FROM establishment WHERE geom IS NOT NULL AND {where}")]).reshape(-1, 2)
        if not len(targets):
            continue
        nearest = np.full(len(fids), np.inf)
        for start in range(0, len(fids), 2000):       # villages x places, in bounded blocks
            check_canceled(feedback or NullFeedback())
            part = slice(start, start + 2000)
            nearest[part] = geo.great_circle_km(lon[part, None], lat[part, None],
                                                targets[None, :, 0], targets[None, :, 1]).min(axis=1)
        columns[column] = nearest
    for column, nearest in columns.items():
        conn.executemany(f"UPDATE village SET {column} = ? WHERE fid = ?",
                         [(round(float(km), 3), fid) for km, fid in zip(nearest, fids)])
    return len(fids)

