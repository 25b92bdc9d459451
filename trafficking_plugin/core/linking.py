"""Linking one person's records across agencies into one ``person`` row per pseudonym and year.

Records of the same ID share a person_key (the same keyed pseudonym), so linking is a join, not a
guess. Where sources disagree, the first source in ``PRECEDENCE`` that has a value wins, field by
field; the place (village, sub-district, district) comes whole from one record.
"""

# Health registers every resident with a checked birth date and home; schools check birth
# certificates; the BMN survey visits the home; welfare cases are told at a desk.
PRECEDENCE = ("health", "education", "family_welfare", "human_security")
RECORD_COLUMNS = ("person_key", "source", "sex", "birth_date", "village_code", "subdistrict_code",
                  "district_code", "nationality", "ethnicity", "residence", "id_kind",
                  "person_type")
_VALUES = ("sex", "birth_date", "nationality", "ethnicity", "residence", "id_kind", "person_type")


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

    values = [first(c) for c in _VALUES]
    values[0] = f"coalesce({values[0]}, 'unknown')"
    # The place of the first record that has a sub-district, a village where one has it.
    place = ("(SELECT r.rowid FROM temp.person_record r WHERE r.person_key = k1.person_key AND "
             "r.subdistrict_code IS NOT NULL ORDER BY r.rank, r.village_code IS NULL, r.rowid LIMIT 1)")
    sources = ("(SELECT group_concat(source, ' ') FROM (SELECT DISTINCT r.source, r.rank FROM "
               "temp.person_record r WHERE r.person_key = k.person_key ORDER BY r.rank, r.source))")
    cur = conn.execute(
        f"INSERT INTO person (person_key, data_year, {', '.join(_VALUES)}, village_code, "
        "subdistrict_code, district_code, sources, linked) "
        f"SELECT k.person_key, ?, {', '.join(values)}, p.village_code, p.subdistrict_code, "
        f"p.district_code, {sources}, 1 "
        f"FROM (SELECT k1.person_key, {place} AS place FROM (SELECT DISTINCT person_key FROM "
        "temp.person_record WHERE person_key IS NOT NULL) k1) k "
        "LEFT JOIN temp.person_record p ON p.rowid = k.place", (data_year,))
    return cur.rowcount
