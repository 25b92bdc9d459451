"""Score a data year's risk index: persons (risk_person), areas, breakdowns and year-on-year change.

The indicator rules are SQL over the person facts (facts); SQLite evaluates them, numpy
combines the scores (scores), SQL sums the areas up. One transaction: a run replaces the data
year's results whole, and an error or a cancel leaves the database as it was.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field

import numpy as np

from .. import gpkg, schema
from ..database import PathLike, now_utc, reading, run_in_transaction
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, Part, check_canceled, info, later
from ..thai_calendar import year_with_be
from ..standard import gaps
from . import facts, indicators, scores, uncertainty

AREA_LEVELS = (("village", "risk_village", "village_code"),
               ("subdistrict", "risk_subdistrict", "subdistrict_code"),
               ("district", "risk_district", "district_code"))
RISK_TABLES = ("risk_run", "risk_person", "risk_village", "risk_subdistrict", "risk_district",
               "risk_breakdown", "risk_change_subdistrict", "risk_change_district",
               "risk_sensitivity")
_CHUNK = 20_000      # groups of persons read at a time
# The columns every publication reads the year's cube from (release.read_counts): a narrow index
# to scan instead of the persons' wide rows.
CUBE_INDEX = "risk_person_cube"
AGE_BANDS = (("0-5", 0, 5), ("6-14", 6, 14), ("15-17", 15, 17), ("18-24", 18, 24),
             ("25-59", 25, 59), ("60+", 60, 200))
# Whom the index is for. The coordination centre's mandate is children and women (the Prevention
# and Suppression of Trafficking in Persons Act names them first, and the province's plan
# targets them): the default scores persons under 18 and women; "all" scores everyone.
TARGETS = {"children_and_women": "(age < 18 OR sex = 'female')", "all": "1"}


class RiskIndexError(CoreError):
    """Scoring cannot run as asked; the message says what to do."""


@dataclass
class RiskSummary:
    """What a scoring run found for its data year."""
    data_year: int
    persons: int
    scored: int
    high: int
    medium: int
    low: int
    af_h: float | None            # Alkire-Foster headcount, intensity and adjusted headcount
    af_a: float | None
    af_m0: float | None
    catalogue_version: str
    message: str
    # The message as log lines in the user's language: (template, *values) for feedback.info.
    lines: list = field(default_factory=list)


@dataclass
class Options:
    method: str = "mean"
    high_cutoff: float | None = None   # None: the method's default (scores.DEFAULT_CUTOFFS)
    medium_cutoff: float | None = None
    af_k: float = scores.DEFAULT_AF_K
    min_dimensions: int = scores.DEFAULT_MIN_DIMENSIONS
    weights: dict = field(default_factory=dict)   # indicator code -> weight, over the table's
    dimension_weights: dict = field(default_factory=dict)  # dimension -> weight, over the shipped
    target: str = "children_and_women"                     # a key of TARGETS
    # A sub-district or district is high when its share of high-risk persons is at least this
    # many times the province's (its location quotient), medium from the second ratio.
    area_high_ratio: float = 1.5
    area_medium_ratio: float = 1.0
    # A village is classed by its rank in the number of its high-risk persons, the quantity the
    # work list ranks it by, so the map and the list agree: the top tenth of the villages with a
    # high-risk person red, down to the top 30 % yellow (docs/risk_index.md).
    village_high_fraction: float = 0.10
    village_medium_fraction: float = 0.30
    # The uncertainty analysis: random draws of each set (0 skips it) and the spread of the
    # weights and cut-points (uncertainty.py).
    uncertainty_draws: int = 100
    uncertainty_spread: float = 0.2
    seed: int = 1

    def cutoffs(self) -> tuple[float, float]:
        """(high, medium) cut-points of the index: given ones, else the method's defaults."""
        high, medium = scores.DEFAULT_CUTOFFS[self.method]
        if self.method == "alkire_foster":
            high = self.af_k              # the AF cutoff k is what makes a person vulnerable
        if self.high_cutoff is not None:
            high = self.high_cutoff
        if self.medium_cutoff is not None:
            return high, self.medium_cutoff
        return high, min(medium, high)


def parse_weights(text: str | None) -> dict[str, float]:
    """``"I09=2, I10=0.5"`` -> {"I09": 2.0, "I10": 0.5}; 0 leaves an indicator out."""
    weights = {}
    for part in re.split(r"[,;\s]+", (text or "").strip()):
        if not part:
            continue
        match = re.fullmatch(r"([A-Za-z][A-Za-z0-9_]*)=([0-9]*\.?[0-9]+)", part)
        if not match:
            raise RiskIndexError("weight {!r} is not CODE=number (e.g. I09=2)", part)
        weights[match.group(1).upper()] = float(match.group(2))
    return weights


def score_risk_index(database: PathLike, data_year: int, options: Options | None = None,
                     feedback: Feedback | None = None) -> RiskSummary:
    """Score ``data_year`` (Common Era) of ``database``."""
    feedback = feedback or NullFeedback()
    options = options or Options()
    summary = run_in_transaction(database, feedback,
                                 lambda conn: _Run(conn, data_year, options, feedback).run())
    for template, *values in summary.lines:
        info(feedback, template, *values)
    with reading(database) as conn:     # a gap that lets the scoring succeed: a warning
        gaps.report(feedback, gaps.placeless_persons(conn, data_year))
    return summary


class _Run:
    def __init__(self, conn, year, options, feedback):
        self.conn, self.year, self.options, self.feedback = conn, year, options, feedback

    def run(self):
        conn, year, options = self.conn, self.year, self.options
        if options.method not in scores.METHODS:
            raise RiskIndexError("unknown method {!r}: use one of {}", options.method,
                                 ", ".join(scores.METHODS))
        if options.area_medium_ratio > options.area_high_ratio:
            raise RiskIndexError("the area medium ratio {} is above its high ratio {}",
                                 options.area_medium_ratio, options.area_high_ratio)
        if options.village_high_fraction > options.village_medium_fraction:
            raise RiskIndexError("the villages' high fraction {} is above their medium fraction {}",
                                 options.village_high_fraction, options.village_medium_fraction)
        if options.target not in TARGETS:
            raise RiskIndexError("unknown target population {!r}: use one of {}", options.target,
                                 ", ".join(TARGETS))
        schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME[t] for t in
                                          ("indicator",) + RISK_TABLES])
        indicators.install(conn)
        try:
            catalogue = indicators.read_enabled(conn)
        except indicators.IndicatorError as error:
            raise RiskIndexError(error.template, *error.values) from None
        weights = self._weights(catalogue)
        structure = self._structure(catalogue)
        self.version = indicators.catalogue_version(conn)
        persons = conn.execute("SELECT count(*) FROM person WHERE data_year = ?", (year,)).fetchone()[0]
        if not persons:
            raise RiskIndexError(
                "no persons for data year {} in this database: import the agency files and run "
                "trafficking:crosswalk for that year first", year_with_be(year))
        info(self.feedback, "Scoring {} persons of data year {} on {} indicators (catalogue {}, "
             "method {})", f"{persons:,}", year_with_be(year), len(catalogue), self.version,
             options.method)
        info(self.feedback, "Building the person facts")
        facts.build_facts(conn, year)
        if options.target != "all":                  # household facts counted everyone first
            conn.execute("DELETE FROM temp.person_facts WHERE NOT "
                         f"coalesce({TARGETS[options.target]}, 0)")     # unknown: not in it
            persons = conn.execute("SELECT count(*) FROM temp.person_facts").fetchone()[0]
        self.feedback.setProgress(25)
        check_canceled(self.feedback)

        codes = [i.code for i in catalogue]
        info(self.feedback, "Scoring the indicators")
        patterns, matrix, counts = self._patterns(catalogue)
        self.feedback.setProgress(45)
        check_canceled(self.feedback)
        try:
            result = scores.score(matrix, [weights[c] for c in codes], codes, options.method,
                                  options.cutoffs(), options.min_dimensions, structure,
                                  counts=counts)
        except ValueError as error:          # a method or cut-points that cannot be used
            raise RiskIndexError(str(error)) from None
        self.feedback.setProgress(55)
        self._write_persons(catalogue, result, patterns, matrix)
        self.feedback.setProgress(75)
        check_canceled(self.feedback)
        info(self.feedback, "Summing up villages, sub-districts and districts")
        for level, table, column in AREA_LEVELS:
            self._write_areas(level, table, column, catalogue, weights)
            self._count_unlinked(table, column)
        self._village_classes()
        if options.uncertainty_draws > 0:
            info(self.feedback, "Uncertainty: {} draws of the weights, and of all the choices, and "
                 "each indicator left out", options.uncertainty_draws)
            self._uncertainty(patterns, matrix, [weights[c] for c in codes], codes, structure)
        self._write_breakdowns()
        self._write_changes()
        # Last: the summaries above read risk_person in its own order (their sums and means
        # are float sums, which another order would change in the last digits).
        conn.execute(f'CREATE INDEX "{CUBE_INDEX}" ON risk_person (data_year, district_code, '
                     "subdistrict_code, age_band, sex, risk_class) WHERE risk_index IS NOT NULL")
        self.feedback.setProgress(95)
        return self._finish(persons, result, counts, weights)

    def _weights(self, catalogue):
        known = {i.code for i in catalogue}
        unknown = sorted(set(self.options.weights) - known)
        if unknown:
            raise RiskIndexError("weights given for {}, which the indicator table does not have "
                                 "enabled (enabled: {})", ", ".join(unknown),
                                 ", ".join(sorted(known)))
        weights = {i.code: self.options.weights.get(i.code, i.weight) for i in catalogue}
        if not any(w > 0 for w in weights.values()):
            raise RiskIndexError("every enabled indicator has weight 0: nothing to score")
        return weights

    def _structure(self, catalogue):
        """scores.Structure of the catalogue: conditions by dimension, flags apart."""
        shipped = {d.code: d.weight for d in indicators.load_dimensions()}
        unknown = sorted(set(self.options.dimension_weights) - set(shipped))
        if unknown:
            raise RiskIndexError("dimension weights given for {}, which the catalogue does not have "
                                 "({})", ", ".join(unknown), ", ".join(sorted(shipped)))
        shipped.update(self.options.dimension_weights)
        names = list(dict.fromkeys(i.dimension for i in catalogue if i.kind == "condition"))
        self.dimension_names = names
        weights = self._weights(catalogue)
        # A dimension the catalogue does not list (an indicator a specialist added, a block of
        # its own) weighs what its indicators weigh.
        exposures = [i.code for i in catalogue if i.kind == "exposure"]
        if len(exposures) > 1:
            raise RiskIndexError("{} are all of kind exposure: one indicator at most scales the "
                                 "index by exposure; fix it in the indicator table",
                                 ", ".join(exposures))
        kind = {"flag": scores.FLAG, "exposure": scores.EXPOSURE}
        return scores.Structure(
            np.array([names.index(i.dimension) if i.kind == "condition" else kind[i.kind]
                      for i in catalogue]),
            np.array([shipped[name] if name in shipped else
                      sum(weights[i.code] for i in catalogue if i.dimension == name)
                      for name in names]),
            shipped.get(indicators.FLAG_DIMENSION, 1.0))

    @staticmethod
    def _case(indicator):
        return (f"CASE WHEN ({indicator.rule_3}) THEN 3 WHEN ({indicator.rule_2}) THEN 2 "
                f"WHEN ({indicator.rule_1}) THEN 1 END")

    def _patterns(self, catalogue):
        """Each person's indicator scores as one string of digits (temp.person_pattern; 0 where
        not observed), then the distinct strings: ([string], (strings x indicators) uint8,
        persons per string). Persons with the same scores score the same, so each string is
        scored once, and memory follows the strings, not the persons."""
        conn = self.conn
        digits = " || ".join(f"coalesce({self._case(i)}, 0)" for i in catalogue)
        conn.execute("DROP TABLE IF EXISTS temp.person_pattern")
        conn.execute("CREATE TEMP TABLE person_pattern (rid INTEGER PRIMARY KEY, pattern TEXT)")
        conn.execute(f"INSERT INTO temp.person_pattern SELECT rowid, {digits} FROM "
                     "temp.person_facts")
        check_canceled(self.feedback)
        found = conn.execute("SELECT pattern, count(*) FROM temp.person_pattern GROUP BY pattern "
                             "ORDER BY pattern").fetchall()
        patterns = [p for p, _ in found]
        text = "".join(patterns).encode("ascii")
        matrix = (np.frombuffer(text, dtype=np.uint8) - 48).reshape(len(found), len(catalogue))
        return patterns, matrix, np.array([n for _, n in found], dtype=np.int64)

    def _write_persons(self, catalogue, result, patterns, matrix):
        """risk_person: each person's facts with the result of its string of scores."""
        conn, year = self.conn, self.year
        existing = {r[1] for r in conn.execute('PRAGMA table_info("risk_person")')}
        for indicator in catalogue:        # an indicator a specialist added gets its column
            column = indicator.code.lower()
            if column not in existing:
                conn.execute(f'ALTER TABLE risk_person ADD COLUMN "{column}" INTEGER')
        conn.execute(f'DROP INDEX IF EXISTS "{CUBE_INDEX}"')    # rebuilt once, sorted, below
        conn.execute("DELETE FROM risk_person WHERE data_year = ?", (year,))
        conn.execute("DROP TABLE IF EXISTS temp.pattern_result")
        scored = [f"s{j}" for j in range(len(catalogue))]
        conn.execute("CREATE TEMP TABLE pattern_result (pattern TEXT PRIMARY KEY, "
                     f"{', '.join(f'{c} INTEGER' for c in scored)}, coverage INTEGER, "
                     "dimensions INTEGER, risk_index REAL, risk_class TEXT, af_share REAL, "
                     "drivers TEXT)")
        conn.executemany(f"INSERT INTO temp.pattern_result VALUES ({', '.join('?' * (len(scored) + 7))})",
                         _result_rows(result, patterns, matrix))
        check_canceled(self.feedback)
        band = " ".join(f"WHEN f.age BETWEEN {lo} AND {hi} THEN '{name}'" for name, lo, hi in AGE_BANDS)
        columns = ", ".join(f'"{i.code.lower()}"' for i in catalogue)
        conn.execute(
            "INSERT INTO risk_person (person_key, data_year, age, age_band, sex, village_code, "
            f"subdistrict_code, district_code, home_town, {columns}, "
            "coverage, dimensions, risk_index, risk_class, af_share, drivers, method, "
            "catalogue_version) "
            f"SELECT f.person_key, ?, f.age, CASE {band} ELSE 'unknown' END, f.sex, f.village_code, "
            f"f.subdistrict_code, f.district_code, f.home_town, "
            f"{', '.join(f'r.{c}' for c in scored)}, r.coverage, r.dimensions, r.risk_index, "
            "r.risk_class, r.af_share, r.drivers, ?, ? FROM temp.person_facts f "
            "JOIN temp.person_pattern p ON p.rid = f.rowid "
            "JOIN temp.pattern_result r ON r.pattern = p.pattern ORDER BY f.rowid",
            (year, self.options.method, self.version))

    def _area_select(self, level, level_column):
        """Aggregates over risk_person r of the year for the join ``r.<level_column> = a.code``."""
        k = float(self.options.af_k)
        scored = "(r.risk_index IS NOT NULL)"
        poor = f"({scored} AND r.af_share >= {k})"

        def share(what):
            return f"1.0 * sum(r.risk_class = '{what}') / nullif(sum({scored}), 0)"
        h = f"1.0 * sum({poor}) / nullif(sum({scored}), 0)"
        a = f"avg(CASE WHEN {poor} THEN r.af_share END)"
        options = self.options
        province = self.conn.execute(
            "SELECT 1.0 * sum(risk_class = 'high') / nullif(sum(risk_index IS NOT NULL), 0) FROM "
            "risk_person WHERE data_year = ?", (self.year,)).fetchone()[0] or 0.0
        # Villages are classed afterwards, by rank (_village_classes).
        high, medium = options.area_high_ratio * province, options.area_medium_ratio * province
        return (f"count(r.fid), coalesce(sum({scored}), 0), coalesce(sum(r.fid IS NOT NULL AND NOT "
                f"{scored}), 0), coalesce(sum(r.risk_class = 'high'), 0), "
                f"coalesce(sum(r.risk_class = 'medium'), 0), coalesce(sum(r.risk_class = 'low'), 0),"
                f" {share('high')}, {share('medium')}, {share('low')}, "
                f"coalesce(sum(CASE WHEN {scored} THEN r.af_share END), 0), avg(r.risk_index), "
                f"avg(CASE WHEN {scored} THEN r.coverage END), {h}, "
                f"CASE WHEN sum({scored}) > 0 THEN coalesce({a}, 0) END, "
                f"{h} * coalesce({a}, 0), CASE WHEN sum({scored}) = 0 THEN NULL "
                f"WHEN {float(province)} = 0 THEN 'low' "
                f"WHEN {share('high')} >= {float(high)} THEN 'high' "
                f"WHEN {share('high')} >= {float(medium)} THEN 'medium' ELSE 'low' END")

    def _write_areas(self, level, table, column, catalogue, weights):
        conn, year = self.conn, self.year
        conn.execute(f'DELETE FROM "{table}" WHERE data_year = ?', (year,))
        conn.execute(
            f'INSERT INTO "{table}" (geom, code, name_th, data_year, persons, persons_scored, '
            "persons_unscored, persons_high, persons_medium, persons_low, share_high, share_medium,"
            " share_low, persons_at_risk, mean_index, mean_coverage, af_h, af_a, af_m0, "
            "risk_class, method, "
            f"catalogue_version) SELECT a.geom, a.code, a.name_th, ?, {self._area_select(level, column)}, "
            f'?, ? FROM "{level}" a LEFT JOIN risk_person r ON r.{column} = a.code AND '
            "r.data_year = ? GROUP BY a.fid ORDER BY a.code",
            (year, self.options.method, self.version, year))
        self._area_drivers(table, column, catalogue, weights)
        gpkg.update_extent(conn, table)

    def _uncertainty(self, patterns, matrix, weights, codes, structure):
        """Run uncertainty.analyse on the persons just scored and store what it finds: one row
        per string of scores and place, with its persons."""
        conn, options = self.conn, self.options
        units = {level: [c for (c,) in conn.execute(f'SELECT code FROM "{table}" WHERE '
                                                    "data_year = ? ORDER BY fid", (self.year,))]
                 for level, table, _ in AREA_LEVELS}
        index = {level: {c: i for i, c in enumerate(codes_)} for level, codes_ in units.items()}
        position = {p: i for i, p in enumerate(patterns)}
        levels = [level for level, _, _ in AREA_LEVELS]
        parts = []              # numpy a chunk at a time: memory follows the groups, not persons
        cursor = conn.execute(
            "SELECT p.pattern, f.village_code, f.subdistrict_code, f.district_code, count(*) "
            "FROM temp.person_facts f JOIN temp.person_pattern p ON p.rid = f.rowid "
            "GROUP BY 1, 2, 3, 4")
        while True:
            chunk = cursor.fetchmany(_CHUNK)
            if not chunk:
                break
            parts.append(np.array([(position[g[0]], *(index[level].get(code, -1) for level, code
                                                       in zip(levels, g[1:4])), g[4])
                                   for g in chunk], dtype=np.int32).reshape(-1, 5))
            check_canceled(self.feedback)
        groups = np.concatenate(parts) if parts else np.zeros((0, 5), dtype=np.int32)
        del parts                  # held through the draws otherwise
        rows, village, subdistrict, district, persons = (np.ascontiguousarray(c) for c in groups.T)
        del groups
        run = uncertainty.Scoring(
            matrix, np.asarray(weights, dtype=float), codes, structure, options.method,
            options.cutoffs(), options.min_dimensions, village,
            len(units["village"]),
            {"subdistrict": (subdistrict, len(units["subdistrict"])),
             "district": (district, len(units["district"]))},
            (options.village_high_fraction, options.village_medium_fraction),
            (options.area_high_ratio, options.area_medium_ratio), persons, rows)
        found = uncertainty.analyse(run, uncertainty.Settings(
            options.uncertainty_draws, options.uncertainty_spread, options.seed),
            Part(self.feedback, 80, 94))
        conn.executemany(
            "UPDATE risk_village SET p_high = ?, rank_low = ?, rank_high = ?, robust = ? WHERE "
            "code = ? AND data_year = ?",
            [(float(p), int(lo), int(hi), int(r), code, self.year) for code, p, lo, hi, r in zip(
                units["village"], found.village_p_high, found.village_rank_low,
                found.village_rank_high, found.village_robust)])
        for level, table, _ in AREA_LEVELS[1:]:
            conn.executemany(
                f'UPDATE "{table}" SET p_high = ?, robust = ? WHERE code = ? AND data_year = ? '
                "AND persons_scored > 0",
                [(float(p), int(r), code, self.year) for code, p, r in zip(
                    units[level], found.area_p_high[level], found.area_robust[level])])
        conn.execute("DELETE FROM risk_sensitivity WHERE data_year = ?", (self.year,))
        conn.executemany(
            "INSERT INTO risk_sensitivity (data_year, kind, code, villages_changed, "
            "subdistricts_changed, draws) VALUES (?, 'drop_indicator', ?, ?, ?, 1)",
            [(self.year, code, villages, subs) for code, villages, subs in found.dropped])
        if found.spearman.size:
            conn.execute(
                "INSERT INTO risk_sensitivity (data_year, kind, spearman_p05, spearman_median, "
                "draws) VALUES (?, 'weights', ?, ?, ?)",
                (self.year, found.spearman_p05(), float(np.median(found.spearman)),
                 int(found.spearman.size)))
        self.uncertainty = found

    def _count_unlinked(self, table, column):
        """persons_unlinked: the target population's records here without an ID, the most of
        any one agency (records of one person in two agencies must not count twice)."""
        self.conn.execute(
            f'UPDATE "{table}" SET persons_unlinked = coalesce((SELECT max(n) FROM (SELECT '
            f"sum(u.records) AS n FROM person_unlinked u WHERE u.data_year = ? AND "
            f'u.{column} = "{table}".code AND {TARGETS[self.options.target]} GROUP BY u.source)), 0) '
            "WHERE data_year = ?", (self.year, self.year))

    def _village_classes(self):
        """A village's class is its rank by persons_at_risk among the villages with someone at
        risk (ties share it): red for the top village_high_fraction, yellow down to
        village_medium_fraction, green below and where no one is at risk. Relative, so it holds
        at any scale and for every method."""
        options = self.options
        self.conn.execute(
            "UPDATE risk_village SET risk_class = coalesce((SELECT CASE WHEN r.p > ? THEN 'high' "
            "WHEN r.p > ? THEN 'medium' ELSE 'low' END FROM (SELECT fid, 1.0 - (rank() OVER "
            "(ORDER BY round(persons_at_risk, 6) DESC) - 1.0) / count(*) OVER () AS p FROM "
            "risk_village WHERE data_year = ? AND persons_at_risk > 0) r WHERE r.fid = "
            "risk_village.fid), 'low') "
            "WHERE data_year = ? AND persons_scored > 0",
            (1 - options.village_high_fraction, 1 - options.village_medium_fraction,
             self.year, self.year))

    def _area_drivers(self, table, column, catalogue, weights):
        """An area's drivers: the indicators whose mean score here is most above the province's
        (weighted), so a village shows what sets it apart."""
        columns = [i.code.lower() for i in catalogue]
        means = ", ".join(f'avg("{c}")' for c in columns)
        condition = "data_year = ? AND risk_index IS NOT NULL"
        province = self.conn.execute(f"SELECT {means} FROM risk_person WHERE {condition}",
                                     (self.year,)).fetchone()
        updates = []
        for code, *area in self.conn.execute(
                f"SELECT {column}, {means} FROM risk_person WHERE {condition} AND {column} IS NOT "
                f"NULL GROUP BY {column}", (self.year,)):
            excess = [((a or 0) - (p or 0)) * weights[i.code] if a is not None else 0
                      for a, p, i in zip(area, province, catalogue)]
            order = sorted(range(len(excess)), key=lambda j: -excess[j])[:3]
            updates.append((" ".join(catalogue[j].code for j in order if excess[j] > 0) or None, code))
        self.conn.executemany(f'UPDATE "{table}" SET drivers = ? WHERE code = ? AND data_year = '
                              f"{self.year}", updates)

    def _write_breakdowns(self):
        conn, year = self.conn, self.year
        conn.execute("DELETE FROM risk_breakdown WHERE data_year = ?", (year,))
        province = schema.get_info(conn, "province_code") or ""
        stats = ("count(*), sum(risk_class = 'high'), sum(risk_class = 'medium'), "
                 "sum(risk_class = 'low'), 1.0 * sum(risk_class = 'high') / count(*), avg(risk_index)")
        levels = (("province", f"'{province}'"), ("district", "district_code"),
                  ("subdistrict", "subdistrict_code"))
        for level, code in levels:
            conn.execute(
                "INSERT INTO risk_breakdown (data_year, level, code, dimension, age_band, sex, "
                "persons_scored, persons_high, persons_medium, persons_low, share_high, mean_index) "
                f"SELECT ?, '{level}', {code}, 'age_band_sex', age_band, sex, {stats} "
                "FROM risk_person WHERE data_year = ? AND risk_index IS NOT NULL AND "
                f"{code} IS NOT NULL GROUP BY {code}, age_band, sex ORDER BY 3, 5, 6", (year, year))
            conn.execute(
                "INSERT INTO risk_breakdown (data_year, level, code, dimension, home_town, "
                "home_town_name, persons_scored, persons_high, persons_medium, persons_low, "
                "share_high, mean_index) "
                f"SELECT ?, '{level}', {code}, 'home_town', coalesce(home_town, 'none'), "
                f"(SELECT d.name_th FROM district d WHERE d.code = home_town), {stats} "
                "FROM risk_person WHERE data_year = ? AND risk_index IS NOT NULL AND "
                f"{code} IS NOT NULL GROUP BY {code}, home_town ORDER BY 3, 5", (year, year))

    def _write_changes(self):
        """Every scored year against the latest earlier scored year (all pairs are rewritten, so
        re-scoring an earlier year keeps the later year's change current)."""
        conn = self.conn
        for level in ("subdistrict", "district"):
            source, target = f"risk_{level}", f"risk_change_{level}"
            conn.execute(f'DELETE FROM "{target}"')
            years = [y for (y,) in conn.execute(f'SELECT DISTINCT data_year FROM "{source}" '
                                                "ORDER BY data_year")]
            for previous, year in zip(years, years[1:]):
                conn.execute(
                    f'INSERT INTO "{target}" (geom, code, name_th, data_year, previous_year, '
                    "risk_class, previous_class, class_change, share_high, previous_share_high, "
                    "share_high_change, mean_index_change, method) "
                    "SELECT c.geom, c.code, c.name_th, c.data_year, p.data_year, c.risk_class, "
                    "p.risk_class, CASE WHEN c.risk_class IS NULL THEN NULL "
                    "WHEN p.risk_class IS NULL THEN 'new' WHEN c.risk_class = p.risk_class THEN "
                    f"'same' WHEN {_rank('c')} > {_rank('p')} THEN 'worse' ELSE 'better' END, "
                    "c.share_high, p.share_high, 100.0 * (c.share_high - p.share_high), "
                    "c.mean_index - p.mean_index, CASE WHEN c.method = p.method THEN c.method "
                    "ELSE p.method || ' -> ' || c.method END "
                    f'FROM "{source}" c LEFT JOIN "{source}" p ON p.code = c.code AND '
                    "p.data_year = ? WHERE c.data_year = ? ORDER BY c.code", (previous, year))

    def _finish(self, persons, result, per_row, weights):
        options, conn = self.options, self.conn
        scored = int(per_row[result.scored].sum())
        counts = {c: int(per_row[result.risk_class == c].sum()) for c in scores.CLASSES}
        h, a, m0 = scores.af_summary(result.af_share, result.scored, options.af_k, per_row)
        high, medium = options.cutoffs()
        parameters = dict(asdict(options), high_cutoff=high, medium_cutoff=medium, weights=weights)
        conn.execute("INSERT INTO risk_run (data_year, method, parameters, catalogue_version, "
                     "persons, persons_scored, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (self.year, options.method, json.dumps(parameters, sort_keys=True),
                      self.version, persons, scored, now_utc()))
        share = (lambda n: f"{100.0 * n / scored:.1f} %") if scored else (lambda n: "-")
        message = (
            f"Risk index {self.year} ({options.method}, catalogue {self.version}): {persons:,} "
            f"persons, {scored:,} scored, {persons - scored:,} below the minimum coverage of "
            f"{options.min_dimensions} dimensions (not enough data: counted, not scored); "
            f"high {counts['high']:,} "
            f"({share(counts['high'])}), medium {counts['medium']:,} ({share(counts['medium'])}), "
            f"low {counts['low']:,} ({share(counts['low'])})")
        placeless = conn.execute("SELECT count(*) FROM risk_person WHERE data_year = ? AND "
                                 "subdistrict_code IS NULL", (self.year,)).fetchone()[0]
        if placeless:
            message += (f"; {placeless:,} persons with no known sub-district are in the "
                        "province's figures only")
        lines = [later("Risk index of data year {} ({}, catalogue {}): {} persons, {} scored, {} below "
                  "the minimum coverage of {} dimensions (not enough data: counted, not scored)",
                  year_with_be(self.year), options.method, self.version, f"{persons:,}",
                  f"{scored:,}", f"{persons - scored:,}", options.min_dimensions),
                 later("Risk classes: high {} ({}), medium {} ({}), low {} ({})",
                  *[part for c in ("high", "medium", "low")
                    for part in (f"{counts[c]:,}", share(counts[c]))])]
        if placeless:
            lines.append(later("{} persons with no known sub-district are in the province's figures "
                          "only", f"{placeless:,}"))
        if h is not None:
            message += f"; Alkire-Foster k={options.af_k}: H={h:.3f}, A={a:.3f}, M0={m0:.3f}"
            lines.append(later("Alkire-Foster k={}: H={:.3f}, A={:.3f}, M0={:.3f}", options.af_k, h, a, m0))
        return RiskSummary(self.year, persons, scored, counts["high"], counts["medium"],
                           counts["low"], h, a, m0, self.version, message, lines)


def _result_rows(result, patterns, matrix):
    """(string, scores (None where 0), coverage, dimensions, index, class, af_share, drivers) of
    each string of scores."""
    index = [None if math.isnan(v) else v for v in result.index.tolist()]
    af_share = [None if math.isnan(v) else v for v in result.af_share.tolist()]
    for pattern, row, *rest in zip(patterns, matrix.tolist(), result.coverage.tolist(),
                                   result.dimensions.tolist(), index,
                                   result.risk_class.tolist(), af_share, result.drivers):
        yield (pattern, *[v or None for v in row], *rest)


def _rank(alias):
    return f"(CASE {alias}.risk_class WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END)"
