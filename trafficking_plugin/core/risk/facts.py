"""The person facts the indicator rules read: one row per person of a data year.

Built in SQL from ``person`` and the standard sector tables into a temporary table, so rules are
plain SQLite conditions and memory stays flat at provincial scale. docs/risk_index.md documents
every fact; keep the two in step.
"""
from __future__ import annotations

import sqlite3

CONDITIONS = ("hiv", "mental_health", "substance_use", "violence_injury", "pregnancy",
              "teen_pregnancy", "extreme_poverty", "acculturation_difficulty",
              "inadequate_parental_supervision")
PROBLEMS = ("poverty", "homeless", "family_violence", "child_without_carer",
            "unplanned_pregnancy", "elderly_without_carer", "disability", "legal_status",
            "labour_exploitation", "trafficking", "begging", "hiv", "drugs")
SOURCES = ("health", "education", "family_welfare", "human_security")

# fact -> SQLite type; the order is the facts table's column order.
FACT_COLUMNS = dict(
    [("person_key", "TEXT"), ("sex", "TEXT"), ("age", "INTEGER"), ("nationality", "TEXT"),
     ("ethnicity", "TEXT"), ("residence", "TEXT"), ("id_kind", "TEXT"), ("person_type", "INTEGER"),
     ("marital_status", "TEXT"), ("home_town", "TEXT")]
    + [(f"in_{s}", "INTEGER") for s in SOURCES]
    + [(f"dx_{c}", "INTEGER") for c in CONDITIONS] + [("pregnancy_age", "INTEGER")]
    + [("school_status", "TEXT"), ("grade_level", "TEXT")]
    + [(f"wf_{p}", "INTEGER") for p in PROBLEMS]
    + [(f, "INTEGER") for f in ("hh_size", "hh_children", "hh_adults", "hh_elderly", "hh_away",
                                "hh_other_violence", "hh_other_substance", "hh_other_trafficked",
                                "hh_other_ill")]
    + [("bmn_relation", "TEXT"), ("bmn_occupation", "TEXT"), ("bmn_education", "TEXT"),
       ("bmn_members", "INTEGER"), ("bmn_parents", "INTEGER"), ("bmn_working_adults", "INTEGER"),
       ("income_per_person", "REAL"), ("debt_baht", "REAL"), ("debt_to_income", "REAL")]
    + [(f"bmn{i:02d}", "INTEGER") for i in range(1, 32)] + [("bmn_failed", "INTEGER")]
    + [("km_to_risky_place", "REAL"), ("km_to_border_crossing", "REAL")]
    # Where the person lives: not for rules, for the summaries.
    + [("village_code", "TEXT"), ("subdistrict_code", "TEXT"), ("district_code", "TEXT")]
    # Lessons learned: the person is the victim of a case (case.case_key = person_key).
    + [("case_victim", "INTEGER")])
# Internal: joins the household facts; not documented for rules.
FACT_COLUMNS["household_no"] = "INTEGER"

# When a pupil has several roster rows (moved, then enrolled elsewhere), the most hopeful counts.
_STATUS_ORDER = ("studying", "graduated", "moved", "suspended", "dropped_out", "struck_off")
_WHERE_SOURCE = {"in_health": "health", "in_education": "education",
                 "in_family_welfare": "family_welfare", "in_human_security": "human_security"}


def _flag_max(column, value):
    return f"max({column} = '{value}')"


def build_facts(conn: sqlite3.Connection, year: int) -> int:
    """Fill ``temp.person_facts`` for data ``year``; returns its row count.

    Temporary tables only: the caller's transaction and the database are untouched.
    """
    imported = {s for (s,) in conn.execute(
        "SELECT DISTINCT source FROM import_run WHERE data_year = ? AND status = 'succeeded'",
        (year,))}
    for name in ("person_facts", "f_dx", "f_school", "f_wf", "f_bmn", "f_bmn_household",
                 "f_member", "f_house", "f_case"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    columns = ", ".join(f'"{c}" {t}' for c, t in FACT_COLUMNS.items())
    conn.execute(f"CREATE TEMP TABLE person_facts ({columns})")

    dx = ", ".join(f"{_flag_max('condition', c)} AS {c}" for c in CONDITIONS)
    conn.execute(
        f"CREATE TEMP TABLE f_dx AS SELECT person_key, {dx}, min(CASE WHEN condition IN "
        "('pregnancy', 'teen_pregnancy') THEN diagnosis_date END) AS first_pregnancy "
        "FROM health_condition WHERE data_year = ? AND person_key IS NOT NULL GROUP BY person_key",
        (year,))
    conn.execute("CREATE UNIQUE INDEX temp.f_dx_key ON f_dx (person_key)")

    rank = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(_STATUS_ORDER))
    conn.execute(
        "CREATE TEMP TABLE f_school AS SELECT person_key, school_status, grade_level FROM ("
        f"SELECT person_key, school_status, grade_level, row_number() OVER (PARTITION BY "
        f"person_key ORDER BY CASE school_status {rank} ELSE 99 END, fid) AS n "
        "FROM school_enrolment WHERE data_year = ? AND person_key IS NOT NULL) WHERE n = 1",
        (year,))
    conn.execute("CREATE UNIQUE INDEX temp.f_school_key ON f_school (person_key)")

    wf = ", ".join(f"{_flag_max('problem', p)} AS {p}" for p in PROBLEMS)
    conn.execute(f"CREATE TEMP TABLE f_wf AS SELECT person_key, {wf} FROM welfare_case "
                 "WHERE data_year = ? AND person_key IS NOT NULL GROUP BY person_key", (year,))
    conn.execute("CREATE UNIQUE INDEX temp.f_wf_key ON f_wf (person_key)")

    _bmn(conn, year)
    _case_victims(conn, year)
    _households(conn, year)

    def source_flag(fact):
        source = _WHERE_SOURCE[fact]
        if source not in imported:
            return "NULL"
        return f"((' ' || coalesce(p.sources, '') || ' ') LIKE '% {source} %')"

    def from_source(fact, expr, default="0"):
        return f"CASE WHEN {source_flag(fact)} THEN coalesce({expr}, {default}) END"

    age = "p.age"
    # The database keeps ages on 1 July, not birth dates: the age at the first pregnancy is the
    # age then, moved by the years between (within a year of the true age).
    pregnancy_age = ("CASE WHEN d.first_pregnancy IS NOT NULL AND p.age IS NOT NULL THEN p.age - "
                     f"({int(year)} - CAST(substr(d.first_pregnancy, 1, 4) AS INTEGER)) END")
    school = (f"CASE WHEN {source_flag('in_education')} IS NOT NULL THEN "
              "coalesce(s.school_status, CASE WHEN s.person_key IS NULL THEN 'not_enrolled' END) END")
    own = {"violence": "(coalesce(d.violence_injury, 0) OR coalesce(w.family_violence, 0))",
           "substance": "(coalesce(d.substance_use, 0) OR coalesce(w.drugs, 0))",
           "trafficked": "(coalesce(w.trafficking, 0) OR coalesce(w.labour_exploitation, 0) "
                         "OR cv.person_key IS NOT NULL)",
           "ill": "(coalesce(d.hiv, 0) OR coalesce(d.mental_health, 0) OR coalesce(w.disability, 0)"
                  " OR coalesce(w.hiv, 0))"}
    values = {
        "person_key": "p.person_key", "sex": "p.sex", "age": age,
        **{c: f"p.{c}" for c in ("nationality", "ethnicity", "residence", "id_kind",
                                 "person_type", "marital_status", "home_town", "village_code",
                                 "subdistrict_code", "district_code", "household_no")},
        **{fact: f"CAST({source_flag(fact)} AS INTEGER)" for fact in _WHERE_SOURCE},
        **{f"dx_{c}": f"CASE WHEN {source_flag('in_health')} THEN coalesce(d.{c}, 0) END"
           for c in CONDITIONS},
        "pregnancy_age": pregnancy_age,
        "school_status": school, "grade_level": "s.grade_level",
        **{f"wf_{p}": from_source("in_human_security", f"w.{p}") for p in PROBLEMS},
        "hh_size": "h.size", "hh_children": "h.children", "hh_adults": "h.adults",
        "hh_elderly": "h.elderly", "hh_away": "h.away",
        **{f"hh_other_{k}": f"h.{k} - {v}" for k, v in own.items()},
        "bmn_relation": "b.relation", "bmn_occupation": "b.occupation",
        "bmn_education": "b.education", "bmn_members": "bh.members",
        "bmn_parents": "bh.parents", "bmn_working_adults": "bh.working_adults",
        "income_per_person": "bh.income_per_person", "debt_baht": "bh.debt_baht",
        "debt_to_income": "bh.debt_baht / nullif(bh.income_per_person * bh.members, 0)",
        **{f"bmn{i:02d}": f"bh.bmn{i:02d}" for i in range(1, 32)}, "bmn_failed": "bh.bmn_failed",
        "km_to_risky_place": "pl.km_to_risky_place",
        "km_to_border_crossing": "pl.km_to_border_crossing",
        "case_victim": "CAST(cv.person_key IS NOT NULL AS INTEGER)",
    }
    conn.execute(
        f"INSERT INTO temp.person_facts ({', '.join(FACT_COLUMNS)}) "
        f"SELECT {', '.join(values[c] for c in FACT_COLUMNS)} FROM person p "
        "LEFT JOIN temp.f_dx d ON d.person_key = p.person_key "
        "LEFT JOIN temp.f_school s ON s.person_key = p.person_key "
        "LEFT JOIN temp.f_wf w ON w.person_key = p.person_key "
        "LEFT JOIN temp.f_member b ON b.person_key = p.person_key "
        "LEFT JOIN temp.f_bmn_household bh ON bh.household_id = b.household_id "
        "LEFT JOIN temp.f_house h ON h.household_no = p.household_no "
        "LEFT JOIN temp.f_case cv ON cv.person_key = p.person_key "
        "LEFT JOIN village pl ON pl.code = p.village_code "
        "WHERE p.data_year = ? ORDER BY p.fid", (year,))
    return conn.execute("SELECT count(*) FROM temp.person_facts").fetchone()[0]


def _bmn(conn, year):
    """f_member: each person's row on a BMN roster; f_bmn_household: the household's facts."""
    conn.execute(
        "CREATE TEMP TABLE f_member AS SELECT person_key, household_id, relation, occupation, "
        "education FROM (SELECT *, row_number() OVER (PARTITION BY person_key ORDER BY fid) AS n "
        "FROM household_member WHERE data_year = ? AND person_key IS NOT NULL) WHERE n = 1",
        (year,))
    conn.execute("CREATE UNIQUE INDEX temp.f_member_key ON f_member (person_key)")
    bmn = ", ".join(f"h.bmn{i:02d}" for i in range(1, 32))
    working = ("(m.age BETWEEN 18 AND 59 AND m.occupation IS NOT NULL "
               "AND m.occupation NOT IN ('none', 'student'))")
    conn.execute(
        "CREATE TEMP TABLE f_bmn_household AS SELECT h.household_id, h.income_per_person, "
        f"h.debt_baht, h.bmn_failed, {bmn}, m.members, m.parents, m.working_adults FROM ("
        "SELECT *, row_number() OVER (PARTITION BY household_id ORDER BY fid) AS n FROM household "
        "WHERE data_year = ?) h LEFT JOIN (SELECT household_id, count(*) AS members, "
        "sum(relation IN ('head', 'spouse')) AS parents, "
        f"sum({working}) AS working_adults FROM household_member m WHERE data_year = ? "
        "GROUP BY household_id) m ON m.household_id = h.household_id WHERE h.n = 1", (year, year))
    conn.execute("CREATE UNIQUE INDEX temp.f_bmn_household_id ON f_bmn_household (household_id)")


def _households(conn, year):
    """f_house: counts over the persons of each health house (person.household_no)."""
    age = "p.age"
    conn.execute(
        "CREATE TEMP TABLE f_house AS SELECT p.household_no, count(*) AS size, "
        f"sum({age} < 18) AS children, sum({age} BETWEEN 18 AND 59) AS adults, "
        f"sum({age} >= 60) AS elderly, "
        "sum(p.residence = 'registered_here_lives_elsewhere') AS away, "
        "sum(coalesce(d.violence_injury, 0) OR coalesce(w.family_violence, 0)) AS violence, "
        "sum(coalesce(d.substance_use, 0) OR coalesce(w.drugs, 0)) AS substance, "
        "sum(coalesce(w.trafficking, 0) OR coalesce(w.labour_exploitation, 0) OR "
        "cv.person_key IS NOT NULL) AS trafficked, "
        "sum(coalesce(d.hiv, 0) OR coalesce(d.mental_health, 0) OR coalesce(w.disability, 0) OR "
        "coalesce(w.hiv, 0)) AS ill FROM person p "
        "LEFT JOIN temp.f_dx d ON d.person_key = p.person_key "
        "LEFT JOIN temp.f_wf w ON w.person_key = p.person_key "
        "LEFT JOIN temp.f_case cv ON cv.person_key = p.person_key "
        "WHERE p.data_year = ? AND p.household_no IS NOT NULL GROUP BY p.household_no", (year,))
    conn.execute("CREATE UNIQUE INDEX temp.f_house_no ON f_house (household_no)")


def _case_victims(conn, year):
    """f_case: the person_keys that are the victim of a lessons-learned case known by the end of
    the data year (referred, else recorded, in it or before; case_key links them, and a case
    without an ID has a random key that matches no one). A later case is an outcome the index
    is validated against, never an input of it; a case without a date is left out likewise."""
    has_cases = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case'").fetchone()
    source = ('SELECT DISTINCT case_key FROM "case" WHERE case_key IS NOT NULL AND '
              "CAST(substr(coalesce(incoming_referral_date, recorded_at), 1, 4) AS INTEGER) "
              f"<= {int(year)}") if has_cases else "SELECT NULL WHERE 0"
    conn.execute("CREATE TEMP TABLE f_case (person_key TEXT PRIMARY KEY)")
    conn.execute(f"INSERT INTO temp.f_case {source}")
