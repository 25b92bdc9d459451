"""Linking one person's records across agencies into one ``person`` row per pseudonym and year.

Records of the same ID share a person_key (the same keyed pseudonym), so linking is a join, not a
guess. Where sources disagree, the first source in ``PRECEDENCE`` that has a value wins, field by
field; the place (village, sub-district, district) comes whole from one record.
"""

# Health registers every resident with a checked birth date and home; schools check birth
# certificates; the BMN survey visits the home; welfare cases are told at a desk.
PRECEDENCE = ("health", "education", "family_welfare", "human_security")
# household_no: the number the crosswalk gave the record's house (health's HOSPCODE + HID), never
# the agency's own house number.
RECORD_COLUMNS = ("person_key", "source", "sex", "birth_date", "village_code", "subdistrict_code",
                  "district_code", "nationality", "ethnicity", "residence", "id_kind",
                  "person_type", "home_town", "marital_status", "household_no")
_VALUES = ("sex", "birth_date", "nationality", "ethnicity", "residence", "id_kind", "person_type",
           "home_town", "marital_status", "household_no")


def create_records(conn):
    """The temporary table each source adds its persons' records to (``RECORD_COLUMNS``)."""
    conn.execute(f"CREATE TEMP TABLE person_record ({', '.join(RECORD_COLUMNS)}, rank INTEGER)")


def record_insert(columns):
    """``INSERT INTO temp.person_record`` of the given columns (plus the source's rank)."""
    return f"INSERT INTO temp.person_record ({', '.join(columns)}, rank) "


def rank_sql(source):
    return str(PRECEDENCE.index(source) + 1 if source in PRECEDENCE else len(PRECEDENCE) + 1)


def build_persons(conn, data_year):
    """Write one ``person`` row per person_key of the records; returns how many."""
    conn.execute("CREATE INDEX temp.person_record_key ON person_record (person_key, rank)")

    def first(column):
        return (f"(SELECT r.{column} FROM temp.person_record r WHERE r.person_key = k.person_key "
                f"AND r.{column} IS NOT NULL ORDER BY r.rank, r.rowid LIMIT 1)")

    # Most persons have one record (health only): that record (o) gives every field, and only
    # persons with several look up each field's first value (CASE evaluates lazily).
    def value(column, several):
        return f"CASE WHEN k.n = 1 THEN {column} ELSE {several} END"

    values = [value(f"o.{c}", first(c)) for c in _VALUES]
    values[0] = f"coalesce({values[0]}, 'unknown')"
    # The place of the first record that has a sub-district, a village where one has it.
    place = ("CASE WHEN k1.n = 1 THEN iif(k1.subdistrict_code IS NULL, NULL, k1.only) ELSE "
             "(SELECT r.rowid FROM temp.person_record r WHERE r.person_key = k1.person_key AND "
             "r.subdistrict_code IS NOT NULL ORDER BY r.rank, r.village_code IS NULL, r.rowid "
             "LIMIT 1) END")
    sources = ("(SELECT group_concat(source, ' ') FROM (SELECT DISTINCT r.source, r.rank FROM "
               "temp.person_record r WHERE r.person_key = k.person_key ORDER BY r.rank, r.source))")
    # k1: each person_key, its number of records and its first record (subdistrict_code is
    # that record's when there is only one).
    cur = conn.execute(
        f"INSERT INTO person (person_key, data_year, {', '.join(_VALUES)}, village_code, "
        "subdistrict_code, district_code, sources, linked) "
        f"SELECT k.person_key, ?, {', '.join(values)}, p.village_code, p.subdistrict_code, "
        f"p.district_code, {value('o.source', sources)}, 1 "
        f"FROM (SELECT k1.person_key, k1.n, k1.only, {place} AS place FROM (SELECT person_key, "
        "count(*) AS n, min(rowid) AS only, subdistrict_code FROM temp.person_record WHERE "
        "person_key IS NOT NULL GROUP BY person_key) k1) k "
        "JOIN temp.person_record o ON o.rowid = k.only "
        "LEFT JOIN temp.person_record p ON p.rowid = k.place", (data_year,))
    _number_households_densely(conn, data_year)
    return cur.rowcount


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
