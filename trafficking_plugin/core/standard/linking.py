"""Linking one person's records across agencies into one ``person`` row per pseudonym and year.

Records of the same ID share a person_key (the same keyed pseudonym), so linking is a join, not a
guess. Where sources disagree, the first source in ``PRECEDENCE`` that has a value wins, field by
field; the place (village, sub-district, district) comes whole from one record.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# Health registers every resident with a checked birth date and home; schools check birth
# certificates; the BMN survey visits the home; welfare cases are told at a desk.
PRECEDENCE = ("health", "education", "family_welfare", "human_security")
# household_no: the number the crosswalk gave the record's house (health's HOSPCODE + HID), never
# the agency's own house number.
RECORD_COLUMNS = ("person_key", "source", "sex", "age", "village_code", "subdistrict_code",
                  "district_code", "nationality", "ethnicity", "residence", "id_kind",
                  "person_type", "home_town", "marital_status", "household_no")
_VALUES = ("sex", "age", "nationality", "ethnicity", "residence", "id_kind", "person_type",
           "home_town", "marital_status", "household_no")


def create_records(conn: sqlite3.Connection) -> None:
    """The temporary table each source adds its persons' records to (``RECORD_COLUMNS``).
    ``incomplete`` (1 when a field of _VALUES is empty) is stored with the record, so that
    build_persons can sort narrow rows (a generated column: SQLite 3.31 or later)."""
    incomplete = " OR ".join(f"{c} IS NULL" for c in _VALUES)
    conn.execute(f"CREATE TEMP TABLE person_record ({', '.join(RECORD_COLUMNS)}, rank INTEGER, "
                 f"incomplete INTEGER GENERATED ALWAYS AS ({incomplete}) STORED)")


def record_insert(columns: Iterable[str]) -> str:
    """``INSERT INTO temp.person_record`` of the given columns (plus the source's rank)."""
    return f"INSERT INTO temp.person_record ({', '.join(columns)}, rank) "


def rank_sql(source: str) -> str:
    return str(PRECEDENCE.index(source) + 1 if source in PRECEDENCE else len(PRECEDENCE) + 1)


# A record's place in the precedence order as a 13-digit number: rank (1-5), then insertion
# order (below 10**12), so that as text it sorts as it should and has a fixed width.
_ORDER = "(rank * 1000000000000 + seq)"
_ORDER_WIDTH = 13


def _first(column):
    """The group's first non-empty value of ``column`` in precedence order. One pass of min()
    over "order key || value" finds it for every field at once, without looking each person's
    records up again (which cost a random read per field and person). The value comes back as
    text; the person table's column types make integers of person_type and household_no."""
    return (f"substr(min(CASE WHEN {column} IS NOT NULL THEN {_ORDER} || {column} END), "
            f"{_ORDER_WIDTH + 1})")


def build_persons(conn: sqlite3.Connection, data_year: int) -> int:
    """Write one ``person`` row per person_key of the records; returns how many.

    Most persons' first record (nearly always health's) has every field, so the fields are
    taken from it whole, and only the other persons' records go through _first(): sorting
    every record with all its fields, and building "order || value" for each field of each
    record, was most of the crosswalk's time."""
    # Per person, in one pass over the records sorted by person: the first record's fields
    # (bare columns beside the query's only min(), which SQLite takes from the row holding the
    # minimum), its order key doubled plus 1 when it lacks a field, how many records there are
    # and the known sources in precedence order. Carrying the fields through the sort costs
    # less than looking the first record up again by rowid for every person.
    known = " || ".join(f"iif(total(rank = {i + 1}) > 0, '{s} ', '')"
                        for i, s in enumerate(PRECEDENCE))
    conn.execute(
        f"CREATE TEMP TABLE person_first AS SELECT person_key, min({_ORDER} * 2 + incomplete) "
        f"AS first_key, {', '.join(_VALUES)}, village_code, subdistrict_code, district_code, "
        f"count(*) AS records, {known} AS sources, total(rank > {len(PRECEDENCE)}) > 0 AS other, "
        "total(subdistrict_code IS NOT NULL) AS placed, total(subdistrict_code IS NOT NULL AND "
        "village_code IS NOT NULL) AS in_village "
        "FROM (SELECT rowid AS seq, * FROM temp.person_record) WHERE person_key IS NOT NULL "
        "GROUP BY person_key")
    # The persons whose first record lacks a field that another of their records may have.
    conn.execute(f"CREATE TEMP TABLE person_rest (person_key TEXT PRIMARY KEY, "
                 f"{', '.join(_VALUES)})")
    conn.execute(
        f"INSERT INTO temp.person_rest SELECT person_key, {', '.join(_first(c) for c in _VALUES)} "
        "FROM (SELECT rowid AS seq, * FROM temp.person_record) WHERE person_key IN (SELECT "
        "person_key FROM temp.person_first WHERE records > 1 AND first_key % 2 = 1) "
        "GROUP BY person_key")
    # The record of the place: the first by rank with a sub-district, one with a village before
    # one without, then insertion order. That is the first record when it has both, or when no
    # record has what it lacks; else it is looked for among the person's records (its rowid).
    conn.execute("CREATE TEMP TABLE person_place (person_key TEXT PRIMARY KEY, place INTEGER)")
    conn.execute(
        "INSERT INTO temp.person_place SELECT person_key, min(CASE WHEN subdistrict_code IS NOT "
        "NULL THEN (rank * 2 + (village_code IS NULL)) * 1000000000000 + seq END) % "
        "1000000000000 FROM (SELECT rowid AS seq, * FROM temp.person_record) WHERE person_key IN "
        "(SELECT person_key FROM temp.person_first WHERE CASE WHEN subdistrict_code IS NULL THEN "
        "placed > 0 ELSE village_code IS NULL AND in_village > 0 END) GROUP BY person_key")
    values = [f"coalesce(f.{c}, x.{c})" for c in _VALUES]
    values[0] = "coalesce(f.sex, x.sex, 'unknown')"
    place = [f"CASE WHEN l.person_key IS NOT NULL THEN p.{c} WHEN f.subdistrict_code IS NOT NULL "
             f"THEN f.{c} END" for c in ("village_code", "subdistrict_code", "district_code")]
    # Sources in precedence order: the known ones by their rank, then other sources (new
    # agencies, rare) by name, through an index of their records only.
    conn.execute(f"CREATE INDEX temp.person_record_other ON person_record (person_key, source) "
                 f"WHERE rank > {len(PRECEDENCE)}")
    others = ("(SELECT group_concat(source, ' ') FROM (SELECT DISTINCT o.source FROM "
              f"temp.person_record o WHERE o.rank > {len(PRECEDENCE)} AND o.person_key = "
              "f.person_key ORDER BY o.source))")
    cur = conn.execute(
        f"INSERT INTO person (person_key, data_year, {', '.join(_VALUES)}, village_code, "
        "subdistrict_code, district_code, sources, linked) "
        f"SELECT f.person_key, ?, {', '.join(values)}, {', '.join(place)}, "
        f"rtrim(f.sources || CASE WHEN f.other THEN {others} ELSE '' END, ' '), 1 "
        "FROM temp.person_first f "
        "LEFT JOIN temp.person_rest x ON x.person_key = f.person_key "
        "LEFT JOIN temp.person_place l ON l.person_key = f.person_key "
        "LEFT JOIN temp.person_record p ON p.rowid = l.place ORDER BY f.rowid", (data_year,))
    # Like person_record, the temporary tables go with the connection (dropping person_first
    # would cost half a second at Chiang Mai's volume).
    _number_households_densely(conn, data_year)
    return cur.rowcount


def count_unlinked(conn: sqlite3.Connection, data_year: int) -> int:
    """Write ``person_unlinked``: the records without an ID (they link to no person), counted by
    source, place, sex and age, so that areas count the persons they stand for; returns rows."""
    return conn.execute(
        "INSERT INTO person_unlinked (data_year, source, village_code, subdistrict_code, "
        "district_code, sex, age, records) SELECT ?, source, village_code, subdistrict_code, "
        "district_code, coalesce(sex, 'unknown'), age, count(*) FROM temp.person_record WHERE "
        "person_key IS NULL GROUP BY source, village_code, subdistrict_code, district_code, "
        "coalesce(sex, 'unknown'), age", (data_year,)).rowcount


def _number_households_densely(conn, data_year):
    """Renumber household_no 1..n when some house was no person's first: a person registered
    at two health units lives in the first one's house, and the other may be left empty."""
    count, last = conn.execute("SELECT count(DISTINCT household_no), max(household_no) FROM person "
                               "WHERE data_year = ?", (data_year,)).fetchone()
    if count == (last or 0):
        return
    conn.execute("CREATE TEMP TABLE household_renumber (old INTEGER PRIMARY KEY, new INTEGER)")
    conn.execute("INSERT INTO temp.household_renumber SELECT household_no, row_number() OVER "
                 "(ORDER BY household_no) FROM (SELECT DISTINCT household_no FROM person WHERE "
                 "data_year = ? AND household_no IS NOT NULL)", (data_year,))
    conn.execute("UPDATE person SET household_no = (SELECT n.new FROM temp.household_renumber n "
                 "WHERE n.old = person.household_no) WHERE data_year = ? AND household_no IS NOT NULL",
                 (data_year,))
