"""Serious gaps in a data year that let every step succeed: an agency not imported, most persons
without a known sub-district, a household survey filed under another year.

The crosswalk and the scoring report them as warnings at the end of their run, and
trafficking:verifydatabase lists them (core/dissemination/verify.py). A gap is a template with
its values apart, so the QGIS side shows it in the user's language (core/feedback.py).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..feedback import Feedback, warn
from ..ingest import spec
from ..thai_calendar import year_with_be

PLACELESS_SHARE = 0.2          # above this share of persons without a sub-district, maps mislead
WRONG_YEAR_SHARE = 0.5         # a household file most of whose surveys are of another year


@dataclass(frozen=True)
class Gap:
    """One gap: the verify check it belongs to, how many rows or files, and its message."""
    check: str
    template: str
    values: tuple[Any, ...]
    count: int

    def __str__(self) -> str:
        return self.template.format(*self.values)


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def missing_sources(conn: sqlite3.Connection, year: int) -> list[Gap]:
    """The shipped agencies without a succeeded import of the year (none when nothing is
    imported: the steps themselves stop on that)."""
    imported = {s for (s,) in conn.execute("SELECT DISTINCT source FROM import_run WHERE "
                                            "data_year = ? AND status = 'succeeded'", (year,))}
    missing = [s for s in spec.shipped_sources() if s not in imported]
    if not imported or not missing:
        return []
    return [Gap("missing_agencies", "data year {}: no file of {} is imported, so the index lacks "
                "their indicators; import them with trafficking:importsecondarydata and run the "
                "crosswalk again", (year_with_be(year), ", ".join(missing)), len(missing))]


def placeless_persons(conn: sqlite3.Connection, year: int) -> list[Gap]:
    """Most (over PLACELESS_SHARE) persons of the year with no known sub-district."""
    if not _table_exists(conn, "person"):
        return []
    persons, placeless = conn.execute(
        "SELECT count(*), coalesce(sum(subdistrict_code IS NULL OR subdistrict_code = ''), 0) "
        "FROM person WHERE data_year = ?", (year,)).fetchone()
    if not persons or placeless <= PLACELESS_SHARE * persons:
        return []
    return [Gap("persons_without_subdistrict", "{} of {} persons ({} %) of data year {} have no "
                "known sub-district: they are in the province's figures only, not on the maps. "
                "Import the household files (e.g. the health HOME file) and run the crosswalk "
                "again", (f"{placeless:,}", f"{persons:,}", round(100 * placeless / persons),
                          year_with_be(year)), placeless)]


def households_of_another_year(conn: sqlite3.Connection, year: int) -> list[Gap]:
    """Household survey files of the year most of whose survey dates are in another year."""
    table = "staging_family_welfare_household"
    if not _table_exists(conn, table):
        return []
    rows = conn.execute(
        f'SELECT r.fid, r.file_name, count(*), sum(CAST(substr(s.survey_date, 1, 4) AS INTEGER) '
        f'<> r.data_year), (SELECT CAST(substr(t.survey_date, 1, 4) AS INTEGER) FROM "{table}" t '
        "WHERE t.import_run_id = r.fid GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) "
        f'FROM import_run r JOIN "{table}" s ON s.import_run_id = r.fid WHERE r.data_year = ? '
        "AND r.status = 'succeeded' AND s.survey_date IS NOT NULL GROUP BY r.fid ORDER BY r.fid",
        (year,)).fetchall()
    return [Gap("households_of_another_year", "{} (import run {}) is imported as data year {}, but "
                "{} of its {} households were surveyed in another year, most in {}: withdraw it "
                "(trafficking:withdrawimport) and import it under its year",
                (name, fid, year_with_be(year), other, total, year_with_be(usual)), 1)
            for fid, name, total, other, usual in rows
            if usual and other > WRONG_YEAR_SHARE * total]


def year_gaps(conn: sqlite3.Connection, year: int) -> list[Gap]:
    """Every gap of the year."""
    return (missing_sources(conn, year) + households_of_another_year(conn, year)
            + placeless_persons(conn, year))


def report(feedback: Feedback, gaps: list[Gap]) -> None:
    """Each gap as a warning in the user's language."""
    for gap in gaps:
        warn(feedback, gap.template, *gap.values)
