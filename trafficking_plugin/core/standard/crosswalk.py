"""The crosswalk: a data year's staged rows -> ``person`` and the standard sector tables.

Agency codes are mapped through the GeoPackage's ``crosswalk`` table (code_tables), place names
through the database's own sub-districts (place_names), persons linked by pseudonym (linking).
Codes with no mapping go to ``unmapped_code``; their rows stay in the sector tables with the
standard field empty, and rows without a linkable ID stay with person_key empty: nothing is
dropped. The work is SQL over the staging tables (INSERT ... SELECT with small temporary mapping
tables; only the distinct codes of a field pass through Python), so memory stays flat as data
grow. A run replaces the data year's outputs in one transaction: re-running is idempotent, and
an error or a cancel leaves the database as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import schema
from ..database import PathLike, reading, run_in_transaction
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, info
from ..thai_calendar import year_with_be
from . import code_tables, gaps, linking
from .place_names import TAMBON_FIELD, PlaceNames, normalise_name

SECTOR_TABLES = ("health_condition", "school_enrolment", "welfare_case", "household",
                 "household_member")
OUTPUT_TABLES = ("person", "person_unlinked") + SECTOR_TABLES
# Page cache of the temporary tables (the person records, the resolved places), in KiB: the
# person step looks records up by rowid, and at Chiang Mai's volume 64 MiB instead of SQLite's
# 2 MiB saves 6 % of the crosswalk. A fixed size, so memory does not grow with the data.
TEMP_CACHE_KIB = 65536


class CrosswalkError(CoreError):
    """The crosswalk cannot run on this database as it is; the message says what to do."""


@dataclass
class CrosswalkSummary:
    """What a crosswalk run wrote for its data year."""
    data_year: int
    rows: dict[str, int] = field(default_factory=dict)        # output table -> rows written
    unlinked: dict[str, int] = field(default_factory=dict)    # sector table -> rows without ID
    defaults_added: int = 0          # shipped code-table rows added to ``crosswalk``
    unmapped_codes: int = 0
    unmapped_rows: int = 0
    message: str = ""


def run_crosswalk(database: PathLike, data_year: int,
                  feedback: Feedback | None = None) -> CrosswalkSummary:
    """Crosswalk every succeeded import run of ``data_year`` (Common Era) in ``database``.

    Raises CrosswalkError for a database without imports of that year, Canceled on cancel (the
    database left as it was)."""
    feedback = feedback or NullFeedback()
    summary = run_in_transaction(database, feedback,
                                 lambda conn: _Run(conn, data_year, feedback).run())
    info(feedback, "Crosswalk of data year {}: {}; {} records without a linkable ID kept unlinked; "
         "{} unmapped codes on {} rows (see unmapped_code)", year_with_be(data_year),
         ", ".join(f"{t} {n}" for t, n in summary.rows.items()), sum(summary.unlinked.values()),
         summary.unmapped_codes, summary.unmapped_rows)
    with reading(database) as conn:     # gaps that let the crosswalk succeed: warnings
        gaps.report(feedback, gaps.year_gaps(conn, data_year))
    return summary


def _pad2(expr):
    """A 1- or 2-digit number as 2 digits (moo 3 -> 03), else NULL."""
    return (f"(CASE WHEN trim({expr}) GLOB '[0-9][0-9]' THEN trim({expr}) "
            f"WHEN trim({expr}) GLOB '[0-9]' THEN '0' || trim({expr}) END)")


# Fields with at most this many mapped codes are mapped by an inline CASE expression.
_INLINE_CODES = 32


def _literal(value):
    """``value`` as an SQL text literal, or None when it is not plain text."""
    if not isinstance(value, str) or "\0" in value:
        return None
    return "'" + value.replace("'", "''") + "'"


def _blank_null(expr):
    return f"nullif(trim({expr}), '')"


class _Run:
    def __init__(self, conn, year, feedback):
        self.conn, self.year, self.feedback = conn, year, feedback
        self.summary = CrosswalkSummary(year)
        self.has_villages = conn.execute("SELECT 1 FROM village LIMIT 1").fetchone() is not None

    def run(self):
        conn = self.conn
        conn.execute(f"PRAGMA temp.cache_size = -{TEMP_CACHE_KIB}")
        schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME[t] for t in
                                          ("crosswalk", "unmapped_code") + OUTPUT_TABLES])
        self.summary.defaults_added = code_tables.load_defaults(conn)
        runs = conn.execute("SELECT fid, source FROM import_run WHERE data_year = ? AND "
                            "status = 'succeeded'", (self.year,)).fetchall()
        if not runs:
            raise CrosswalkError(
                "no succeeded import for data year {} in this database: import the agency files "
                "with trafficking:importsecondarydata first", year_with_be(self.year))
        conn.execute("CREATE TEMP TABLE year_run (fid INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO temp.year_run VALUES (?)", [(fid,) for fid, _ in runs])
        conn.execute("CREATE TEMP TABLE code_map (source TEXT, field TEXT, code TEXT, "
                     "standard_code TEXT, PRIMARY KEY (source, field, code))")
        for table in OUTPUT_TABLES + ("unmapped_code",):
            conn.execute(f'DELETE FROM "{table}" WHERE data_year = ?', (self.year,))
        linking.create_records(conn)
        known = {"health": self._health, "education": self._education,
                 "family_welfare": self._family_welfare, "human_security": self._human_security}
        sources = sorted({s for _, s in runs}, key=lambda s: (s not in known, s))
        for i, source in enumerate(sources):
            check_canceled(self.feedback)
            info(self.feedback, "Crosswalk of {}", source)
            known.get(source, self._other)(source)
            self.feedback.setProgress(90 * (i + 1) / len(sources))
        check_canceled(self.feedback)
        self.summary.rows["person"] = linking.build_persons(conn, self.year)
        self.summary.rows["person_unlinked"] = linking.count_unlinked(conn, self.year)
        self.summary.unmapped_codes, self.summary.unmapped_rows = conn.execute(
            "SELECT count(*), coalesce(sum(row_count), 0) FROM unmapped_code WHERE data_year = ?",
            (self.year,)).fetchone()
        self.feedback.setProgress(100)
        self.summary.message = self._message()
        return self.summary

    # Helpers over the staging tables of the year's runs.

    def _exists(self, table):
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).fetchone() is not None

    def _staged(self, table, field):
        """``s.<field>``, or NULL for a staging table made before import staged that field."""
        columns = {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}
        return f's."{field}"' if field in columns else "NULL"

    @staticmethod
    def _of_year():
        return "s.import_run_id IN (SELECT fid FROM temp.year_run)"

    def _map(self, source, table, field):
        """Map the distinct codes of a staged field into temp.code_map, list the unmapped ones,
        and return the SQL expression of the standard value of ``s.<field>``."""
        codes = code_tables.code_table(self.conn, source, field)
        values = [v for (v,) in self.conn.execute(
            f'SELECT DISTINCT s."{field}" FROM "{table}" s WHERE {self._of_year()} '
            f'AND {_blank_null(f"s.{field}")} IS NOT NULL')]
        pairs = [(v, codes.lookup(v)) for v in values]
        self.conn.executemany("INSERT OR REPLACE INTO temp.code_map VALUES (?, ?, ?, ?)",
                              [(source, field, v, standard) for v, standard in pairs])
        in_code_map = (f"temp.code_map m WHERE m.source = {_literal(source)} AND m.field = "
                       f"{_literal(field)}")
        if any(standard is None for _, standard in pairs):
            self._unmapped(source, field, table, f's."{field}"', f's."{field}" IN (SELECT m.code '
                           f"FROM {in_code_map} AND m.standard_code IS NULL)")
        mapped = [(v, standard) for v, standard in pairs if standard is not None]
        if len(mapped) <= _INLINE_CODES and all(_literal(v) and _literal(m) for v, m in mapped):
            # A few codes (sex, nationality, ...): an inline CASE is several times faster
            # per row than a look-up in code_map.
            whens = " ".join(f"WHEN {_literal(v)} THEN {_literal(m)}" for v, m in mapped)
            return f'(CASE s."{field}" {whens} END)' if mapped else "NULL"
        return f'(SELECT m.standard_code FROM {in_code_map} AND m.code = s."{field}")'

    def _unmapped(self, source, field, table, code_expr, condition, joins=""):
        """One unmapped_code row per code: its count and the first row carrying it."""
        self.conn.execute(
            "INSERT INTO unmapped_code (source, field, code, row_count, example_row, import_run_id,"
            " data_year) SELECT ?, ?, code, n, row_number, import_run_id, ? FROM ("
            f"SELECT {code_expr} AS code, count(*) AS n, min(s.fid), s.row_number, "
            f's.import_run_id FROM "{table}" s {joins} WHERE {self._of_year()} AND ({condition}) '
            "GROUP BY 1)", (source, field, self.year))

    def _village(self, expr):
        """``expr`` when it is a village of this database (or, with no village layer loaded, a
        well-formed code of a known sub-district), else NULL."""
        if self.has_villages:
            return f"(SELECT v.code FROM village v WHERE v.code = {expr})"
        return (f"(SELECT {expr} FROM subdistrict d WHERE d.code = substr({expr}, 1, 6) AND "
                f"length({expr}) = 8 AND {expr} NOT GLOB '*[^0-9]*')")

    @staticmethod
    def _subdistrict(expr):
        return f"(SELECT d.code FROM subdistrict d WHERE d.code = {expr})"

    def _places(self, temp, raw_village, raw_subdistrict):
        """Resolve temp.<temp>'s raw_village/raw_subdistrict into village_code,
        subdistrict_code and district_code."""
        self.conn.execute(f"UPDATE temp.{temp} SET village_code = {self._village(raw_village)}")
        self.conn.execute(f"UPDATE temp.{temp} SET subdistrict_code = coalesce("
                          f"substr(village_code, 1, 6), {self._subdistrict(raw_subdistrict)})")
        self.conn.execute(f"UPDATE temp.{temp} SET district_code = substr(subdistrict_code, 1, 4)")

    def _count(self, table, unlinked=True):
        rows = self.conn.execute(f'SELECT count(*) FROM "{table}" WHERE data_year = ?',
                                 (self.year,)).fetchone()[0]
        self.summary.rows[table] = rows
        if unlinked:
            self.summary.unlinked[table] = self.conn.execute(
                f'SELECT count(*) FROM "{table}" WHERE data_year = ? AND person_key IS NULL',
                (self.year,)).fetchone()[0]

    def _unmapped_villages(self, source, temp, table, raw_village):
        self._unmapped(source, "village_code", table, f"h.{raw_village}",
                       f"h.{raw_village} IS NOT NULL AND h.village_code IS NULL",
                       f"JOIN temp.{temp} h ON h.fid = s.fid")

    # One step per source: what its files feed.

    def _health(self, source):
        conn, year = self.conn, self.year
        person, home, diagnosis = (f"staging_{source}_{k}" for k in ("person", "home", "diagnosis_opd"))
        conn.execute("CREATE TEMP TABLE health_home (fid INTEGER, hospcode TEXT, hid TEXT, "
                     "raw_village TEXT, raw_subdistrict TEXT, village_code TEXT, "
                     "subdistrict_code TEXT, district_code TEXT, PRIMARY KEY (hospcode, hid))")
        if self._exists(home):
            sub = f"{_pad2('s.changwat_no')} || {_pad2('s.ampur_no')} || {_pad2('s.tambon_no')}"
            conn.execute("INSERT OR IGNORE INTO temp.health_home (fid, hospcode, hid, raw_village, "
                         f"raw_subdistrict) SELECT s.fid, s.hospcode, s.hid, {sub} || "
                         f"{_pad2('s.village_no')}, {sub} FROM \"{home}\" s WHERE {self._of_year()} "
                         "ORDER BY s.fid")
            self._places("health_home", "raw_village", "raw_subdistrict")
            self._unmapped_villages(source, "health_home", home, "raw_village")
        conn.execute("CREATE TEMP TABLE health_person (hospcode TEXT, pid TEXT, person_key TEXT, "
                     "hid TEXT, PRIMARY KEY (hospcode, pid))")
        if self._exists(person):
            sex, nationality, ethnicity, residence, marital = (
                self._map(source, person, f) for f in ("sex", "nationality", "ethnicity",
                                                       "residence_type", "marital_status"))
            # Households: the houses of persons with an ID numbered 1..n in (HOSPCODE, HID)
            # order; the number, not the unit's own house number, goes to person.
            conn.execute("CREATE TEMP TABLE health_house (hospcode TEXT, hid TEXT, household_no "
                         "INTEGER, PRIMARY KEY (hospcode, hid))")
            conn.execute("INSERT INTO temp.health_house SELECT hospcode, hid, row_number() OVER "
                         f"(ORDER BY hospcode, hid) FROM (SELECT DISTINCT s.hospcode, s.hid FROM "
                         f'"{person}" s WHERE {self._of_year()} AND s.person_key IS NOT NULL AND '
                         f"{_blank_null('s.hid')} IS NOT NULL)")
            conn.execute("INSERT OR IGNORE INTO temp.health_person SELECT s.hospcode, s.pid, "
                         f's.person_key, s.hid FROM "{person}" s WHERE {self._of_year()} ORDER BY s.fid')
            conn.execute(
                linking.record_insert(linking.RECORD_COLUMNS) +
                f"SELECT s.person_key, '{source}', {sex}, s.age, h.village_code, "
                f"h.subdistrict_code, h.district_code, {nationality}, {ethnicity}, {residence}, "
                f"s.id_kind, s.person_type, {self._staged(person, 'home_town')}, {marital}, "
                f"n.household_no, {linking.rank_sql(source)} FROM \"{person}\" s "
                "LEFT JOIN temp.health_home h ON h.hospcode = s.hospcode AND h.hid = s.hid "
                "LEFT JOIN temp.health_house n ON n.hospcode = s.hospcode AND n.hid = s.hid "
                f"WHERE {self._of_year()}")
        if self._exists(diagnosis):
            condition = self._map(source, diagnosis, "diagnosis_code")
            conn.execute(
                "INSERT INTO health_condition (person_key, data_year, condition, diagnosis_code, "
                "diagnosis_date, hospcode, village_code, subdistrict_code, district_code, "
                f"import_run_id, row_number) SELECT p.person_key, ?, {condition}, s.diagnosis_code, "
                "s.service_date, s.hospcode, h.village_code, h.subdistrict_code, h.district_code, "
                f's.import_run_id, s.row_number FROM "{diagnosis}" s '
                "LEFT JOIN temp.health_person p ON p.hospcode = s.hospcode AND p.pid = s.pid "
                "LEFT JOIN temp.health_home h ON h.hospcode = p.hospcode AND h.hid = p.hid "
                f"WHERE {self._of_year()} ORDER BY s.fid", (year,))
            self._count("health_condition")

    def _education(self, source):
        table = f"staging_{source}_roster"
        if not self._exists(table):
            return
        sex, grade, status = (self._map(source, table, f) for f in ("sex", "grade", "school_status"))
        self._home_places(source, table, "s.village_code")
        self.conn.execute(
            "INSERT INTO school_enrolment (person_key, data_year, school_code, school_year, "
            "grade_level, school_status, sex, age, village_code, subdistrict_code, "
            "district_code, import_run_id, row_number) SELECT s.person_key, ?, s.school_code, "
            f"s.school_year, {grade}, {status}, coalesce({sex}, 'unknown'), s.age, "
            "h.village_code, h.subdistrict_code, h.district_code, s.import_run_id, s.row_number "
            f'FROM "{table}" s JOIN temp.place_{table} h ON h.fid = s.fid ORDER BY s.fid',
            (self.year,))
        self._count("school_enrolment")
        self._records(source, table, sex, "s.age")

    def _home_places(self, source, table, raw_village, raw_subdistrict=None):
        """temp.place_<table>: each staged row's resolved place, by staging fid."""
        raw_subdistrict = raw_subdistrict or f"substr({raw_village}, 1, 6)"
        self.conn.execute(f"CREATE TEMP TABLE place_{table} (fid INTEGER PRIMARY KEY, "
                          "raw_village TEXT, raw_subdistrict TEXT, village_code TEXT, "
                          "subdistrict_code TEXT, district_code TEXT)")
        self.conn.execute(f"INSERT INTO temp.place_{table} (fid, raw_village, raw_subdistrict) "
                          f"SELECT s.fid, {_blank_null(raw_village)}, {raw_subdistrict} "
                          f'FROM "{table}" s WHERE {self._of_year()}')
        self._places(f"place_{table}", "raw_village", "raw_subdistrict")
        self._unmapped_villages(source, f"place_{table}", table, "raw_village")

    def _records(self, source, table, sex, age="NULL", place=None):
        """Add the staged rows' linkable records to the person records; ``place`` joins the
        table (alias h) that holds each row's resolved place."""
        place = place or f"temp.place_{table} h ON h.fid = s.fid"
        self.conn.execute(
            linking.record_insert(("person_key", "source", "sex", "age", "village_code",
                                   "subdistrict_code", "district_code", "id_kind", "person_type",
                                   "home_town")) +
            f"SELECT s.person_key, '{source}', {sex}, {age}, h.village_code, "
            "h.subdistrict_code, h.district_code, s.id_kind, s.person_type, "
            f"{self._staged(table, 'home_town')}, "
            f'{linking.rank_sql(source)} FROM "{table}" s LEFT JOIN {place} '
            f"WHERE {self._of_year()}")

    def _family_welfare(self, source):
        conn, year = self.conn, self.year
        households, members = f"staging_{source}_household", f"staging_{source}_member"
        if self._exists(households):
            self._home_places(source, households, "s.village_code")
            bmn = [f"bmn{i:02d}" for i in range(1, 32)]
            failed = " + ".join(f"(s.{b} = 0)" for b in bmn)
            conn.execute(
                "INSERT INTO household (household_id, data_year, survey_date, members, "
                f"income_per_person, debt_baht, bmn_failed, {', '.join(bmn)}, village_code, "
                "subdistrict_code, district_code, import_run_id, row_number) SELECT "
                "s.household_id, ?, s.survey_date, s.members, s.income_per_person, "
                f"{self._staged(households, 'debt_baht')}, {failed}, "
                f"{', '.join('s.' + b for b in bmn)}, "
                "h.village_code, h.subdistrict_code, h.district_code, s.import_run_id, s.row_number "
                f'FROM "{households}" s JOIN temp.place_{households} h ON h.fid = s.fid ORDER BY s.fid',
                (year,))
            self._count("household", unlinked=False)
        conn.execute("CREATE TEMP TABLE household_place (household_id TEXT PRIMARY KEY, "
                     "village_code TEXT, subdistrict_code TEXT, district_code TEXT)")
        conn.execute("INSERT OR IGNORE INTO temp.household_place SELECT household_id, village_code, "
                     "subdistrict_code, district_code FROM household WHERE data_year = ? ORDER BY fid",
                     (year,))
        if self._exists(members):
            sex, relation, occupation, education = (
                self._map(source, members, f) for f in ("sex", "relation", "occupation", "education"))
            conn.execute(
                "INSERT INTO household_member (person_key, data_year, household_id, member_no, "
                "relation, occupation, education, sex, age, import_run_id, row_number) "
                f"SELECT s.person_key, ?, s.household_id, s.member_no, {relation}, {occupation}, "
                f"{education}, coalesce({sex}, 'unknown'), s.age, s.import_run_id, "
                f's.row_number FROM "{members}" s WHERE {self._of_year()} ORDER BY s.fid', (year,))
            self._count("household_member")
            # A member lives where the household's survey found it.
            self._records(source, members, sex,
                          place="temp.household_place h ON h.household_id = s.household_id")

    def _human_security(self, source):
        conn, table = self.conn, f"staging_{source}_welfare_case"
        if not self._exists(table):
            return
        sex, problem = (self._map(source, table, f) for f in ("sex", "problem"))
        places = PlaceNames(conn, source)
        pairs = conn.execute(f"SELECT DISTINCT coalesce(s.subdistrict_name, ''), "
                             f"coalesce(s.district_name, '') FROM \"{table}\" s "
                             f"WHERE {self._of_year()}").fetchall()
        conn.execute("CREATE TEMP TABLE place_name (subdistrict_name TEXT, district_name TEXT, "
                     "name TEXT, subdistrict_code TEXT, PRIMARY KEY (subdistrict_name, district_name))")
        conn.executemany("INSERT INTO temp.place_name VALUES (?, ?, ?, ?)",
                         [(t, d, normalise_name(t), places.resolve(t, d)) for t, d in pairs])
        join = ("JOIN temp.place_name n ON n.subdistrict_name = coalesce(s.subdistrict_name, '') "
                "AND n.district_name = coalesce(s.district_name, '')")
        self._unmapped(source, TAMBON_FIELD, table, "n.name",
                       "n.subdistrict_code IS NULL AND n.name <> ''", join)
        subdistrict = ("(SELECT n.subdistrict_code FROM temp.place_name n WHERE n.subdistrict_name"
                       " = coalesce(s.subdistrict_name, '') AND n.district_name = "
                       "coalesce(s.district_name, ''))")
        self._home_places(source, table, f"{subdistrict} || {_pad2('s.village_no')}", subdistrict)
        conn.execute(
            "INSERT INTO welfare_case (person_key, data_year, case_no, case_date, problem, sex, age,"
            " village_code, subdistrict_code, district_code, import_run_id, row_number) "
            f"SELECT s.person_key, ?, s.case_no, s.received_date, {problem}, "
            f"coalesce({sex}, 'unknown'), s.age, h.village_code, h.subdistrict_code, "
            f"h.district_code, s.import_run_id, s.row_number FROM \"{table}\" s "
            f"JOIN temp.place_{table} h ON h.fid = s.fid ORDER BY s.fid", (self.year,))
        self._count("welfare_case")
        self._records(source, table, sex)

    def _other(self, source):
        """A source without standard tables of its own (a new agency's spec): its codes are
        checked against its crosswalk rows and its linkable records join person."""
        fields = {f for (f,) in self.conn.execute("SELECT DISTINCT field FROM crosswalk WHERE "
                                                  "source = ?", (source,))}
        tables = [t for (t,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?",
            (f"staging_{source}_*",))]
        for table in tables:
            columns = {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}
            mapped = {f: self._map(source, table, f) for f in sorted(fields & columns)}
            if "person_key" not in columns:
                continue
            place = None
            if "village_code" in columns:
                self._home_places(source, table, "s.village_code")
            else:
                place = ("(SELECT NULL AS village_code, NULL AS subdistrict_code, NULL AS "
                         "district_code) h ON 1")
            age = "s.age" if "age" in columns else "NULL"
            self._records(source, table, mapped.get("sex", "NULL"), age, place)

    def _message(self):
        s = self.summary
        rows = ", ".join(f"{t} {n}" for t, n in s.rows.items())
        unlinked = sum(s.unlinked.values())
        return (f"Crosswalk of data year {s.data_year}: {rows}; {unlinked} records without a "
                f"linkable ID kept unlinked; {s.unmapped_codes} unmapped codes on "
                f"{s.unmapped_rows} rows (see unmapped_code)")
