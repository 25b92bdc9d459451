"""The indicator catalogue: the shipped file, its rules on hand-made persons, the table's checks."""
import sqlite3
from pathlib import Path

import pytest
from conftest import REPO
import yaml
from trafficking_db.trafficking_plugin.core import create_database, schema
from trafficking_db.trafficking_plugin.core.risk import indicators
from trafficking_db.trafficking_plugin.core.risk.facts import FACT_COLUMNS

CODES = [f"I{n:02d}" for n in range(1, 30)]     # 28 of vulnerability and the age of exposure


@pytest.fixture(scope="module")
def shipped():
    return indicators.load()


def scores(rows, catalogue):
    """{code: score} per facts row, as the index scores them (None: not observed)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE facts (" + ", ".join(f"{c} {t}" for c, t in FACT_COLUMNS.items()) + ")")
    for row in rows:
        assert set(row) <= set(FACT_COLUMNS), set(row) - set(FACT_COLUMNS)
        conn.execute(f"INSERT INTO facts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))
    cases = ", ".join(f"CASE WHEN ({i.rule_3}) THEN 3 WHEN ({i.rule_2}) THEN 2 "
                      f"WHEN ({i.rule_1}) THEN 1 END" for i in catalogue)
    return [dict(zip([i.code for i in catalogue], r))
            for r in conn.execute(f"SELECT {cases} FROM facts ORDER BY rowid")]


def person(**facts):
    """A facts row: every source imported, nothing recorded against the person, then ``facts``."""
    row = {f"in_{s}": 1 for s in ("health", "education", "family_welfare", "human_security")}
    row.update({c: 0 for c in FACT_COLUMNS if c.startswith(("dx_", "wf_", "hh_other_"))})
    row.update({f"bmn{i:02d}": 1 for i in range(1, 32)}, bmn_failed=0, hh_away=0,
               residence="lives_here_registered_here", id_kind="thai_id", marital_status="single")
    row.update(facts)
    row["bmn_failed"] = sum(1 - row[f"bmn{i:02d}"] for i in range(1, 32))
    return row


# The lead's calibration profiles.
STATELESS_GIRL = person(   # Akha, 15, no nationality, left school, poor highland household
    sex="female", age=15, nationality="no_status", ethnicity="akha", person_type=0,
    school_status="dropped_out", hh_size=6, hh_children=3, hh_adults=2, hh_elderly=1, hh_away=1,
    bmn_relation="child", bmn_occupation="none", bmn_education="primary", bmn_members=6,
    bmn_parents=1, bmn_working_adults=1, income_per_person=20_000, debt_baht=50_000,
    debt_to_income=50_000 / 120_000, bmn08=0, bmn17=0, bmn18=0, bmn19=0, bmn20=0, bmn22=0,
    bmn23=0, km_to_risky_place=8.0)
THAI_CHILD = person(       # 10, in school, well-off BMN household, parents at home
    sex="male", age=10, nationality="thai", ethnicity="thai", person_type=1,
    school_status="studying", grade_level="primary_4", hh_size=4, hh_children=2, hh_adults=2,
    hh_elderly=0, bmn_relation="child", bmn_occupation="student", bmn_education="primary",
    bmn_members=4, bmn_parents=2, bmn_working_adults=2, income_per_person=150_000, debt_baht=0,
    debt_to_income=0.0, km_to_risky_place=25.0)
HIGHLAND_PUPIL = person(   # Karen citizen, 16, in M.4, poor household without savings
    sex="female", age=16, nationality="thai", ethnicity="karen", person_type=1,
    school_status="studying", grade_level="secondary_4", hh_size=5, hh_children=3, hh_adults=2,
    hh_elderly=0, bmn_relation="child", bmn_occupation="student", bmn_education="lower_secondary",
    bmn_members=5, bmn_parents=2, bmn_working_adults=2, income_per_person=25_000, debt_baht=0,
    debt_to_income=0.0, bmn22=0, bmn23=0, km_to_risky_place=12.0)
THAI_FARMER = person(      # 40, ordinary lowland household
    sex="male", age=40, nationality="thai", ethnicity="thai", person_type=3, marital_status="married",
    school_status="not_enrolled", hh_size=4, hh_children=2, hh_adults=2, hh_elderly=0,
    bmn_relation="head", bmn_occupation="agriculture", bmn_education="lower_secondary",
    bmn_members=4, bmn_parents=2, bmn_working_adults=2, income_per_person=70_000,
    debt_baht=80_000, debt_to_income=80_000 / 280_000, km_to_risky_place=30.0)


def test_shipped_catalogue_has_the_29_in_order(shipped):
    version, catalogue = shipped
    assert version == "2027.1"
    assert [i.code for i in catalogue] == CODES
    # Indicators without a real source among the agencies are parked, each saying why.
    disabled = {i.code: i.rationale for i in catalogue if not i.enabled}
    assert set(disabled) == {"I10", "I26", "I27"}
    assert all(r.startswith("Disabled by default") for r in disabled.values())
    assert catalogue[0].name_en == "Legal status" and catalogue[27].unit == "community"
    assert (catalogue[28].kind, catalogue[28].dimension) == ("exposure", "exposure")
    assert catalogue[27].rule_1 == "km_to_risky_place IS NOT NULL OR km_to_border_crossing IS NOT NULL"
    assert len(CODES) == schema.INDICATOR_COUNT     # risk_person has a column for each


def test_every_rule_compiles_and_reads_only_facts(shipped):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE f (" + ", ".join(FACT_COLUMNS) + ")")
    for i in shipped[1]:
        for rule in (i.rule_3, i.rule_2, i.rule_1):
            conn.execute(f"EXPLAIN SELECT CASE WHEN ({rule}) THEN 1 END FROM f")
            assert "village_code" not in rule and "district_code" not in rule, i.code


def test_no_data_leaves_every_indicator_unobserved(shipped):
    # A person known only by a key: nothing observed, so nothing is taken as low risk.
    assert set(scores([{"person_key": "x"}], shipped[1])[0].values()) == {None}


def test_stateless_highland_girl_out_of_school_scores_many_3s(shipped):
    got = scores([STATELESS_GIRL], shipped[1])[0]
    assert got == {
        "I01": 3, "I02": 3, "I03": 3, "I04": 1, "I05": None, "I06": 3, "I07": 2, "I08": 3,
        "I09": 3, "I10": 1, "I11": 2, "I12": 2, "I13": 2, "I14": 1, "I15": 2, "I16": 3,
        "I17": 1, "I18": 1, "I19": 1, "I20": 2, "I21": 1, "I22": 1, "I23": 1, "I24": 2,
        "I25": 1, "I26": 2, "I27": 3, "I28": 2, "I29": 3}


def test_thai_child_in_school_in_a_well_off_household_scores_1s(shipped):
    got = scores([THAI_CHILD], shipped[1])[0]
    unobserved = {"I06", "I07", "I08", "I26", "I27"}   # outside their ages
    assert {c for c, s in got.items() if s is None} == unobserved
    assert {s for c, s in got.items() if c not in unobserved | {"I29"}} == {1}
    assert got["I29"] == 2                 # 10: nearing the age of exposure


def test_highland_citizen_in_school_in_a_poor_household_scores_a_few_2s_and_3s(shipped):
    got = scores([HIGHLAND_PUPIL], shipped[1])[0]
    assert {c: s for c, s in got.items() if s not in (1, None)} == {
        "I03": 2, "I09": 3, "I13": 2, "I29": 3}
    assert {c for c, s in got.items() if s is None} == {"I05"}      # school 6-14: not her age


def test_ordinary_thai_adult_scores_1s(shipped):
    got = scores([THAI_FARMER], shipped[1])[0]
    assert {s for s in got.values() if s is not None} == {1}


@pytest.mark.parametrize("facts, code, score", [
    (dict(age=8, school_status="not_enrolled"), "I05", 2),         # maybe a roster not imported
    (dict(age=8, school_status="not_enrolled", bmn16=0), "I05", 3),  # the BMN survey confirms
    (dict(age=16, school_status="not_enrolled", bmn_occupation="student"), "I06", 1),  # vocational
    (dict(age=16, school_status="not_enrolled", bmn_occupation="general_labour"), "I06", 3),
    (dict(age=12, bmn_occupation="general_labour"), "I14", 3),     # below the minimum working age
    (dict(age=16, bmn_occupation="general_labour"), "I14", 2),
    (dict(age=16, pregnancy_age=16), "I23", 3),
    (dict(age=19, pregnancy_age=19), "I23", 2),
    (dict(age=30, pregnancy_age=30), "I23", None),                 # adolescents only
    (dict(age=17, marital_status="married"), "I23", 3),
    (dict(income_per_person=40_000), "I09", 2),
    (dict(debt_to_income=2.5), "I10", 3),
    (dict(debt_baht=None, debt_to_income=None), "I10", None),      # debt not surveyed: unknown
    (dict(km_to_risky_place=1.5), "I28", 3),
    (dict(id_kind="g_code", person_type=None, age=9), "I02", 3),
    (dict(nationality="myanmar", person_type=6), "I01", 2),
    (dict(nationality="myanmar", person_type=6), "I04", 3),
])
def test_single_rules(shipped, facts, code, score):
    assert scores([person(**facts)], shipped[1])[0][code] == score


def write_yaml(tmp_path, edit):
    doc = yaml.safe_load(Path(indicators.CATALOGUE_PATH).read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / "indicators.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["indicators"][4].update(rule_2="age >"), r"indicator I05: rule_2: not a condition"),
    (lambda d: d["indicators"][4].update(rule_1="no_such_fact = 1"), r"I05: rule_1: .*no_such_fact"),
    (lambda d: d["indicators"][4].update(rule_3="(SELECT count(*) FROM person) > 0"), r"I05: rule_3"),
    (lambda d: d["indicators"][1].update(rule_3="1; DROP TABLE person"), r"I02: rule_3: .*';'"),
    (lambda d: d["indicators"][1].update(rule_2=" "), r"I02: rule_2: must be a non-empty"),
    (lambda d: d["indicators"][2].update(weight=-1), r"I03: weight"),
    (lambda d: d["indicators"][2].update(weight="heavy"), r"I03: weight"),
    (lambda d: d["indicators"][2].update(enabled="yes please"), r"I03: enabled"),
    (lambda d: d["indicators"][2].update(unit="village"), r"I03: unit"),
    (lambda d: d["indicators"][2].update(fields="person.no_such_column"), r"I03: fields"),
    (lambda d: d["indicators"][3].update(code="i04"), r"indicator i04: code"),
    (lambda d: d["indicators"][3].update(code="I03"), r"indicator I03: code: used twice"),
    (lambda d: d["indicators"][3].pop("source"), r"indicator I04: missing source"),
    (lambda d: d["indicators"][3].update(colour="red"), r"indicator I04: unknown key colour"),
    (lambda d: d.pop("version"), r"exactly `version`, `dimensions` and `indicators`"),
])
def test_broken_yaml_names_file_indicator_and_key(tmp_path, edit, message):
    path = write_yaml(tmp_path, edit)
    with pytest.raises(indicators.IndicatorError, match=message) as error:
        indicators.load(path)
    assert str(path) in str(error.value)


@pytest.fixture()
def db():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE indicator (" + ", ".join(
        f'"{c.name}" {c.type}' + (" PRIMARY KEY" if c.name == "fid" else "")
        for c in schema.TABLES_BY_NAME["indicator"].all_columns) + ")")
    yield conn
    conn.close()


def test_install_fills_an_empty_table_once_and_never_overwrites(db, shipped):
    assert indicators.install(db) == 29
    assert db.execute("SELECT count(DISTINCT catalogue_version), min(catalogue_version), "
                      "sum(enabled) FROM indicator").fetchone() == (1, "2027.1", 26)
    db.execute("UPDATE indicator SET rule_3 = 'age < 10', weight = 2 WHERE code = 'I05'")
    db.execute("DELETE FROM indicator WHERE code = 'I06'")
    assert indicators.install(db) == 0
    assert db.execute("SELECT rule_3, weight FROM indicator WHERE code = 'I05'").fetchone() == \
        ("age < 10", 2)
    assert db.execute("SELECT count(*) FROM indicator").fetchone()[0] == 28
    assert [i for i in indicators.read_enabled(db) if i.code != "I05"] == \
        [i for i in shipped[1] if i.code not in ("I05", "I06") and i.enabled]


def test_catalogue_version_names_the_rules_that_scored(db):
    indicators.install(db)
    assert indicators.catalogue_version(db) == "2027.1"
    db.execute("UPDATE indicator SET name_en = 'Legal status (nationality)'")   # not a rule
    assert indicators.catalogue_version(db) == "2027.1"
    db.execute("UPDATE indicator SET rule_3 = 'age < 10' WHERE code = 'I05'")
    rule_edit = indicators.catalogue_version(db)
    assert rule_edit.startswith("2027.1+local.") and len(rule_edit) == len("2027.1+local.") + 8
    db.execute("UPDATE indicator SET weight = 0.5 WHERE code = 'I01'")
    weight_edit = indicators.catalogue_version(db)
    db.execute("UPDATE indicator SET enabled = 0 WHERE code = 'I25'")
    disabled = indicators.catalogue_version(db)
    db.execute("UPDATE indicator SET dimension = 'economic' WHERE code = 'I01'")
    moved = indicators.catalogue_version(db)
    assert len({rule_edit, weight_edit, disabled, moved}) == 4
    db.execute("UPDATE indicator SET enabled = 1, dimension = 'legal_status' WHERE code IN "
               "('I25', 'I01')")
    db.execute("UPDATE indicator SET dimension = 'events' WHERE code = 'I25'")
    assert indicators.catalogue_version(db) == weight_edit        # same rows, same version


@pytest.mark.parametrize("update, message", [
    ("rule_2 = 'age BETWEEN 6 AND' WHERE code = 'I05'", r"indicator I05: rule_2: not a condition"),
    ("rule_1 = NULL WHERE code = 'I07'", r"indicator I07: rule_1: must be a non-empty"),
    ("weight = -0.5 WHERE code = 'I08'", r"indicator I08: weight"),
    ("weight = NULL WHERE code = 'I08'", r"indicator I08: weight"),
    ("enabled = NULL WHERE code = 'I09'", r"indicator I09: enabled"),
    ("code = 'i11' WHERE code = 'I11'", r"indicator i11: code"),
    ("kind = 'sometimes' WHERE code = 'I17'", r"indicator I17: kind"),
])
def test_broken_table_row_names_code_and_field(db, update, message):
    indicators.install(db)
    db.execute(f"UPDATE indicator SET {update}")
    with pytest.raises(indicators.IndicatorError, match=message) as error:
        indicators.read_enabled(db)
    assert "attribute table" in str(error.value)


def test_disabled_rows_are_left_out_and_may_be_broken(db):
    indicators.install(db)
    db.execute("UPDATE indicator SET enabled = 0, rule_3 = 'not sql at all' WHERE code = 'I25'")
    db.execute("INSERT INTO indicator (code, name_en, name_th, unit, fields, rule_3, rule_2, "
               "rule_1, weight, enabled, rationale, source) VALUES ('LOCAL_01', 'Local', 'ท้องถิ่น', "
               "'person', 'person.sex', 'age > 90', 'age > 80', 'age IS NOT NULL', 0.5, 1, 'why', "
               "'where')")
    enabled = indicators.read_enabled(db)
    codes = [i.code for i in enabled]
    assert "I25" not in codes and codes[-1] == "LOCAL_01" and len(codes) == 26
    # A row added without a dimension or kind is a condition and a dimension of its own.
    assert (enabled[-1].dimension, enabled[-1].kind) == ("LOCAL_01", "condition")


def test_create_database_writes_the_catalogue_once(tmp_path):
    path = tmp_path / "province.gpkg"
    assert create_database.create_or_upgrade(path, "50", {}).indicators_added == 29
    conn = sqlite3.connect(path)
    conn.execute("UPDATE indicator SET weight = 3 WHERE code = 'I01'")
    conn.commit()
    conn.close()
    assert create_database.create_or_upgrade(path, "50", {}).indicators_added == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), max(weight) FROM indicator").fetchone() == (29, 3)
    conn.close()


def test_docs_indicators_md_is_current():
    assert (REPO / "docs" / "indicators.md").read_text(encoding="utf-8") == \
        indicators.markdown() + "\n", "docs/indicators.md is out of date: run `make docs`"


def test_a_row_added_with_just_its_rules_is_scored_but_checked(db):
    db.execute("INSERT INTO indicator (code, unit, rule_3, rule_2, rule_1, weight, enabled) "
               "VALUES ('A01', 'person', 'age > 90', 'age > 80', 'age IS NOT NULL', 1, 1)")
    assert [i.name_en for i in indicators.read_enabled(db)] == [""]
    db.execute("UPDATE indicator SET fields = 'person.shoe_size'")
    with pytest.raises(indicators.IndicatorError, match="indicator A01: fields: 'person.shoe_size'"):
        indicators.read_enabled(db)
