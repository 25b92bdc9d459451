"""The crosswalk without QGIS: code tables, place names, linking, unmapped codes, re-runs, cancel."""
import contextlib
import csv
import datetime
import gzip
import re
import sqlite3

import pytest
from conftest import CancelAfter, SHARED, copy_database, province_units
from trafficking_db.trafficking_plugin.core.standard import code_tables, crosswalk
from trafficking_db.trafficking_plugin.core import create_database, database, geography
from trafficking_db.trafficking_plugin.core.ingest import import_file, pseudonym, spec
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.feedback import Canceled
from trafficking_db.trafficking_plugin.core.standard.place_names import normalise_name

CODES = SHARED / "data" / "codes"
needs_codes = pytest.mark.skipif(not CODES.exists(), reason="../shared/data/codes is not beside the checkout")
# Staged fields each source maps through code tables (place names and villages aside).
MAPPED_FIELDS = {"health": ["sex", "nationality", "ethnicity", "residence_type", "marital_status",
                            "diagnosis_code"],
                 "education": ["sex", "grade", "school_status"],
                 "human_security": ["sex", "problem"],
                 "family_welfare": ["sex", "relation", "occupation", "education"]}


def query(db, sql, *args):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture(scope="module")
def crosswalked(imported_sample, tmp_path_factory):
    files, manifest, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("crosswalked"))
    return files, manifest, db, crosswalk.run_crosswalk(db, 2024)


def snapshot(db):
    """Every crosswalk output (without fid, which a re-run renumbers) and the crosswalk table."""
    tables = crosswalk.OUTPUT_TABLES + ("unmapped_code", "crosswalk")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        result = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] != "fid"]
            names = ", ".join(f'"{c}"' for c in columns)
            result[table] = sorted(conn.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)
        return result


# Code tables

def test_code_table_matches_exact_ranges_and_prefixes():
    table = code_tables.CodeTable([
        ("range", "B20-B24", "hiv"), ("range", "F00-F99", "mental_health"),
        ("range", "F10-F19", "substance_use"), ("range", "A00-Z99", "other"),
        ("exact", "Z21", "hiv"), ("prefix", "T74", "violence_injury"), (None, "ป.1", "primary_1")])
    assert [table.lookup(c) for c in ("B20", "B201", "B20.1", "B24", "b238", "Z21", "Z21.0")] == \
        ["hiv"] * 5 + ["hiv", "other"]
    assert table.lookup("F102") == "substance_use"     # the narrower range wins
    assert table.lookup("F329") == "mental_health"
    assert table.lookup("T741") == "violence_injury"   # the longer match wins over A00-Z99
    assert table.lookup("ป. 1") == "primary_1"          # spaces and dots do not matter
    # Codes of another shape are no ICD-10 codes: the sample's unknown_code faults stay unmapped.
    assert [table.lookup(c) for c in ("B2O", "Z6O1", "F3", "ZZ99", "O8OO", "", None)] == [None] * 7


def test_specs_ship_code_tables_and_reject_bad_ones(tmp_path):
    health = spec.load_spec("health")
    assert any(r.field == "diagnosis_code" and r.match == "range" and r.agency_code == "B20-B24"
               for r in health.codes)
    bad = tmp_path / "bad.yaml"
    for codes, fault in (("{sex: {standard_field: sex, range: {A-: x}}}", "first-last"),
                         ("{nothing: {standard_field: x, exact: {a: b}}}", "not a staged field"),
                         ("{sex: {standard_field: sex, fuzzy: {a: b}}}", "unknown key")):
        bad.write_text("source: bad\nfiles:\n  f:\n    columns:\n      SEX: {field: sex, type: code,"
                       f" required: true}}\ncodes: {codes}\n", encoding="utf-8")
        with pytest.raises(spec.SpecError, match=fault):
            spec.load_spec(str(bad))


def test_defaults_load_once_and_never_overwrite_a_specialists_row(tmp_path):
    db = tmp_path / "p.gpkg"
    shipped = sum(len(spec.load_spec(s).codes) for s in spec.shipped_sources())
    assert create_database.create_or_upgrade(db, "50", {}).crosswalk_defaults_added == shipped
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("UPDATE crosswalk SET standard_code = 'female', note = 'a specialist''s edit' "
                     "WHERE source = 'health' AND field = 'sex' AND agency_code = '1'")
        conn.execute("INSERT INTO crosswalk (source, field, match, agency_code, standard_field, "
                     "standard_code) VALUES ('health', 'sex', 'exact', '9', 'sex', 'unknown')")
    assert create_database.create_or_upgrade(db, "50", {}).crosswalk_defaults_added == 0
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        assert code_tables.load_defaults(conn) == 0
        assert conn.execute("SELECT count(*) FROM crosswalk").fetchone()[0] == shipped + 1
        table = code_tables.code_table(conn, "health", "sex")
        assert (table.lookup("1"), table.lookup("9")) == ("female", "unknown")


# Place names

def test_place_names_lose_prefixes_and_spaces():
    assert {normalise_name(n) for n in ("ต.แม่ริม", "ตำบลแม่ริม", "ตำบล แม่ริม", " แม่ริม ",
                                         "แม่ ริม")} == {"แม่ริม"}
    assert {normalise_name(n) for n in ("อ.ดอยงาม", "อำเภอดอยงาม", "อ. ดอยงาม", "ดอยงาม  ")} == {"ดอยงาม"}


@pytest.fixture(scope="module")
def old_names(tmp_path_factory):
    """Welfare cases of real Chiang Mai sub-districts (Mae Chaem 5003, Mae Wang 5022, Galyani
    Vadhana 5025) written with the kongvut list's old spellings and old districts."""
    with open(CODES / "th_admin_codes_hdx_cod_ab.csv", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["amphoe_code"] in ("5003", "5022", "5025")]
    subdistricts = []
    for i, r in enumerate(rows):
        x, y = 98.0 + 0.05 * (i % 6), 18.0 + 0.05 * (i // 6)
        subdistricts.append(geography.Subdistrict(
            r["tambon_code"], r["tambon_th"], r["tambon_en"], r["amphoe_code"], r["amphoe_th"],
            r["amphoe_en"], "50", r["changwat_th"], r["changwat_en"],
            [[[(x, y), (x + 0.05, y), (x + 0.05, y + 0.05), (x, y + 0.05), (x, y)]]]))
    folder = tmp_path_factory.mktemp("old_names")
    manifest = generator.generate_sample_data(subdistricts, folder / "files", scale=0.01, seed=3,
                                                old_codes=CODES / "th_admin_codes_kongvut.csv")
    db = folder / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(subdistricts,
                                                               folder / "files" / "villages.geojson"))
    entry = next(f for f in manifest["files"] if f["source"] == "human_security")
    import_file.import_file(db, folder / "files" / entry["path"], "human_security", 2024)
    crosswalk.run_crosswalk(db, 2024)
    return folder / "files", entry, db


@needs_codes
def test_old_spellings_and_old_districts_map_to_the_right_subdistrict(old_names):
    files, entry, db = old_names
    assert entry["faults"]["old_place_name"] > 0
    typed = {t for (t,) in query(db, "SELECT DISTINCT subdistrict_name || '|' || district_name "
                                 "FROM staging_human_security_welfare_case")}
    assert any("ทุ่งปี้" in t for t in typed) and any("แจ่มหลวง|" in t and "แม่แจ่ม" in t for t in typed)
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        village = {r["person_no"]: r["village_code"] for r in csv.DictReader(f)}
    with open(files / "truth" / "welfare_cases.csv", encoding="utf-8") as f:
        truth = {r["case_no"]: village[r["person_no"]][:6] for r in csv.DictReader(f)}
    cases = query(db, "SELECT case_no, subdistrict_code FROM welfare_case")
    assert len(cases) == query(db, "SELECT count(*) FROM staging_human_security_welfare_case")[0][0]
    assert all(code == truth[case] for case, code in cases)
    assert query(db, "SELECT count(*) FROM unmapped_code WHERE field = 'subdistrict_name'") == [(0,)]


# The sample province end to end

def test_nearly_every_staged_row_is_mapped(crosswalked):
    _, _, db, summary = crosswalked
    for source, fields in MAPPED_FIELDS.items():
        for field in fields:
            table = next(t for (t,) in query(db, "SELECT name FROM sqlite_master WHERE name LIKE ?",
                                             f"staging_{source}_%")
                         if field in [r[1] for r in query(db, f'PRAGMA table_info("{t}")')])
            staged = query(db, f'SELECT count(*) FROM "{table}" WHERE trim("{field}") <> \'\'')[0][0]
            unmapped = query(db, "SELECT coalesce(sum(row_count), 0) FROM unmapped_code WHERE "
                             "source = ? AND field = ?", source, field)[0][0]
            assert unmapped <= 0.01 * staged, (source, field, unmapped, staged)
    assert summary.unmapped_rows == query(db, "SELECT sum(row_count) FROM unmapped_code")[0][0]


def test_every_unknown_code_fault_is_listed_with_its_count(crosswalked):
    _, manifest, db, _ = crosswalked
    fields = {"health/PERSON.csv": "nationality", "health/DIAGNOSIS_OPD.csv": "diagnosis_code"}
    for entry in manifest["files"]:
        expected = entry["faults"].get("unknown_code", 0)
        if entry["path"] in fields:
            listed = query(db, "SELECT sum(row_count) FROM unmapped_code WHERE source = 'health' "
                           "AND field = ? AND data_year = 2024", fields[entry["path"]])[0][0]
            assert listed == expected > 0
        else:
            assert expected == 0
    for code, run, row in query(db, "SELECT code, import_run_id, example_row FROM unmapped_code"):
        table = query(db, "SELECT 'staging_' || source || '_' || CASE WHEN file_name LIKE 'PERSON%' "
                      "THEN 'person' ELSE 'diagnosis_opd' END FROM import_run WHERE fid = ?", run)[0][0]
        assert code in query(db, f'SELECT * FROM "{table}" WHERE import_run_id = ? AND row_number = ?',
                             run, row)[0]


def test_no_staged_row_is_dropped_and_every_row_has_provenance(crosswalked):
    _, _, db, summary = crosswalked
    for table, staging in (("health_condition", "staging_health_diagnosis_opd"),
                           ("school_enrolment", "staging_education_roster"),
                           ("welfare_case", "staging_human_security_welfare_case"),
                           ("household", "staging_family_welfare_household"),
                           ("household_member", "staging_family_welfare_member")):
        assert query(db, f'SELECT count(*) FROM "{table}"') == query(db, f'SELECT count(*) FROM "{staging}"')
        assert summary.rows[table] == query(db, f'SELECT count(*) FROM "{table}"')[0][0]
        assert query(db, f'SELECT count(*) FROM "{table}" o LEFT JOIN "{staging}" s ON '
                     "s.import_run_id = o.import_run_id AND s.row_number = o.row_number "
                     "WHERE s.fid IS NULL") == [(0,)]
        if table != "household":
            unlinked = query(db, f'SELECT count(*) FROM "{table}" WHERE person_key IS NULL')[0][0]
            assert summary.unlinked[table] == unlinked
    assert summary.unlinked["household_member"] > 0 and summary.unlinked["health_condition"] > 0


def test_places_resolve_to_villages_of_the_database(crosswalked):
    _, _, db, _ = crosswalked
    for table in ("school_enrolment", "household", "welfare_case", "health_condition"):
        total, placed, bad = query(db, f"SELECT count(*), count(subdistrict_code), count(*) FILTER "
                                   f"(WHERE village_code NOT IN (SELECT code FROM village)) FROM {table}")[0]
        assert bad == 0 and placed >= 0.98 * total, table


def test_persons_link_across_agencies_as_in_the_truth(crosswalked):
    files, _, db, _ = crosswalked
    secret = pseudonym.load_secret(pseudonym.default_identity_path(db))
    sources = dict(query(db, "SELECT person_key, sources FROM person WHERE data_year = 2024"))
    assert query(db, "SELECT count(*), count(DISTINCT person_key), min(linked) FROM person") == \
        [(len(sources), len(sources), 1)]
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        everywhere = [r for r in csv.DictReader(f)
                      if r["id_kind"] == "thai_id" and r["in_school"] == "1" and r["bmn_household"] == "1"]
    assert everywhere
    keys = [pseudonym.person_key(secret, r["id"]) for r in everywhere]
    linked = [k for k in keys if set(sources.get(k, "").split()) >= {"health", "education", "family_welfare"}]
    # The rest lost one of their three records to an injected fault (about 1 % a source,
    # docs/sample_data.md), with a sampling error of about 1.2 % on some 220 persons.
    assert len(linked) >= 0.95 * len(keys)
    # Health's age (from its birth date, on 1 July) and sex win over the others' (documented
    # precedence); the birth date itself stays in the identity file.
    truth = {pseudonym.person_key(secret, r["id"]): r for r in everywhere}
    for key, sex, age in query(db, "SELECT person_key, sex, age FROM person"):
        if key in truth and key in linked:
            born = datetime.date.fromisoformat(truth[key]["birth_date"])
            assert (sex, age) == ({"1": "male", "2": "female"}[truth[key]["sex"]],
                                  2024 - born.year - ((born.month, born.day) > (7, 1)))


def test_a_new_mapping_maps_on_rerun_and_reruns_are_idempotent(crosswalked, tmp_path):
    _, _, db, _ = crosswalked
    db = copy_database(db, tmp_path)
    before = snapshot(db)
    crosswalk.run_crosswalk(db, 2024)
    assert snapshot(db) == before
    code, count = query(db, "SELECT code, row_count FROM unmapped_code WHERE field = 'nationality' "
                        "ORDER BY row_count DESC LIMIT 1")[0]
    thai = query(db, "SELECT count(*) FROM person WHERE nationality = 'thai'")[0][0]
    # Rows without an ID are counted in unmapped_code but make no person.
    persons = query(db, "SELECT count(DISTINCT person_key) FROM staging_health_person WHERE "
                        "nationality = ? AND person_key IS NOT NULL", code)[0][0]
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("INSERT INTO crosswalk (source, field, match, agency_code, standard_field, "
                     "standard_code, note) VALUES ('health', 'nationality', 'exact', ?, "
                     "'nationality', 'thai', 'leading zero lost')", (code,))
    summary = crosswalk.run_crosswalk(db, 2024)
    assert query(db, "SELECT count(*) FROM unmapped_code WHERE code = ?", code) == [(0,)]
    assert summary.unmapped_rows == sum(r for (r,) in query(db, "SELECT row_count FROM unmapped_code"))
    assert count >= persons > 0
    assert query(db, "SELECT count(*) FROM person WHERE nationality = 'thai'")[0][0] == thai + persons


def test_cancel_leaves_the_database_as_it_was(crosswalked, tmp_path):
    _, _, db, _ = crosswalked
    db = copy_database(db, tmp_path)
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("UPDATE crosswalk SET standard_code = 'female' WHERE source = 'health' AND "
                     "field = 'sex' AND agency_code = '1'")   # a re-run would change person
    before = snapshot(db)

    with pytest.raises(Canceled):
        crosswalk.run_crosswalk(db, 2024, feedback=CancelAfter(5))
    assert snapshot(db) == before


def test_a_year_without_imports_is_refused(crosswalked, tmp_path):
    _, _, db, _ = crosswalked
    with pytest.raises(crosswalk.CrosswalkError, match="no succeeded import for data year 2023"):
        crosswalk.run_crosswalk(db, 2023)
    with pytest.raises(database.DatabaseError, match="does not exist"):
        crosswalk.run_crosswalk(tmp_path / "none.gpkg", 2024)


LABOUR_SPEC = """source: labour
doc: Provincial labour office, migrant worker registrations
files:
  worker:
    match: {columns: [เลขประจำตัว, ประเภทกิจการ]}
    columns:
      เลขประจำตัว: {field: person_key, type: thai_id}
      ประเภทกิจการ: {field: business_type, type: code, required: true}
      หมู่บ้าน: {field: village_code, type: code}
codes:
  business_type:
    standard_field: business_type
    exact: {"01": agriculture, "02": construction}
"""


def test_a_new_agency_links_and_lists_its_unmapped_codes(crosswalked, tmp_path):
    """docs/standard.md's worked example: the labour office's spec, file and code table."""
    files, _, db, _ = crosswalked
    db = copy_database(db, tmp_path)
    (tmp_path / "labour.yaml").write_text(LABOUR_SPEC, encoding="utf-8")
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        workers = [r for r in csv.DictReader(f) if r["id_kind"] == "thai_id"][:3]
    with open(tmp_path / "workers.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["เลขประจำตัว", "ประเภทกิจการ", "หมู่บ้าน"])
        for worker, business in zip(workers, ["01", "02", "99"]):
            out.writerow([worker["id"], business, worker["village_code"]])
    import_file.import_file(db, tmp_path / "workers.csv", str(tmp_path / "labour.yaml"), 2024)
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.executemany("INSERT INTO crosswalk (source, field, match, agency_code, standard_field, "
                         "standard_code) VALUES ('labour', 'business_type', 'exact', ?, "
                         "'business_type', ?)", [("01", "agriculture"), ("02", "construction")])
    crosswalk.run_crosswalk(db, 2024)
    assert query(db, "SELECT code, row_count, example_row FROM unmapped_code WHERE source = 'labour'") \
        == [("99", 1, 3)]
    secret = pseudonym.load_secret(pseudonym.default_identity_path(db))
    for worker in workers:
        sources, village = query(db, "SELECT sources, village_code FROM person WHERE person_key = ?",
                                 pseudonym.person_key(secret, worker["id"]))[0]
        assert "labour" in sources.split() and village == worker["village_code"]


# Fields for the risk index: home town, marital status, household number, debt

def truth_by_key(files, db):
    """The truth rows of persons holding a Thai ID, by person_key."""
    secret = pseudonym.load_secret(pseudonym.default_identity_path(db))
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        return {pseudonym.person_key(secret, r["id"]): r for r in csv.DictReader(f) if r["id"]}


def test_home_town_is_the_registering_office_of_the_id(crosswalked):
    files, _, db, _ = crosswalked
    truth = truth_by_key(files, db)
    persons = query(db, "SELECT person_key, id_kind, home_town FROM person")
    thai = [(truth[k]["id"], town) for k, kind, town in persons if kind == "thai_id"]
    assert len(thai) > 1000 and all(town == tid[1:5] for tid, town in thai)
    assert all(town is None for _, kind, town in persons if kind == "g_code")
    assert any(kind == "g_code" for _, kind, _ in persons)


def test_marital_status_maps_the_health_codes(crosswalked):
    files, _, db, _ = crosswalked
    secret = pseudonym.load_secret(pseudonym.default_identity_path(db))
    with open(files / "health" / "PERSON.csv", encoding="utf-8") as f:
        found = {pseudonym.person_key(secret, r["CID"]): r["MSTATUS"] for r in csv.DictReader(f) if r["CID"]}
    status = dict(query(db, "SELECT person_key, marital_status FROM person WHERE sources LIKE 'health%'"))
    standard = {"1": "single", "2": "married", "3": "widowed"}
    assert len(status) > 1000 and all(standard[found[k]] == v for k, v in status.items())
    assert set(status.values()) == set(standard.values())
    # Persons known only to other agencies have none: only health records it.
    assert query(db, "SELECT count(*) FROM person WHERE sources NOT LIKE '%health%' "
                 "AND marital_status IS NOT NULL") == [(0,)]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        table = code_tables.code_table(conn, "health", "marital_status")
    assert [table.lookup(c) for c in "123456"] + [table.lookup("9")] == \
        ["single", "married", "widowed", "divorced", "separated", None, None]


def test_household_no_numbers_the_health_houses(crosswalked):
    files, _, db, _ = crosswalked
    truth = truth_by_key(files, db)
    numbers = query(db, "SELECT person_key, household_no, sources FROM person")
    house_of = {}                     # household_no -> the truth houses of its persons
    for key, number, sources in numbers:
        if number is None:
            assert "health" not in sources.split()
            continue
        house_of.setdefault(number, set()).add((truth[key]["hospcode"], truth[key]["hid"]))
    assert all(len(houses) == 1 for houses in house_of.values())          # one house a number
    houses = [h for hs in house_of.values() for h in hs]
    assert len(houses) == len(set(houses))                                 # one number a house
    assert sorted(house_of) == list(range(1, len(house_of) + 1))           # dense 1..n
    assert len(house_of) > 500
    assert any(n is None for _, n, _ in numbers)       # e.g. pupils known by their G code only
    # Persons of one house share its number.
    shared = query(db, "SELECT count(*) FROM (SELECT household_no FROM person WHERE household_no "
                   "IS NOT NULL GROUP BY 1 HAVING count(*) > 1)")[0][0]
    assert shared > 100


def test_household_debt_is_carried(crosswalked):
    files, _, db, _ = crosswalked
    with open(files / "family_welfare" / "bmn_households.csv", encoding="utf-8-sig") as f:
        debt = {r["household_id"]: float(r["debt_baht"]) for r in csv.DictReader(f)}
    carried = query(db, "SELECT household_id, debt_baht FROM household")
    assert carried and all(debt[h] == d for h, d in carried)
    assert 0 < sum(d > 0 for _, d in carried) < len(carried)


def test_a_household_file_without_debt_leaves_it_unobserved(crosswalked, tmp_path):
    files, _, _, _ = crosswalked
    with open(files / "family_welfare" / "bmn_households.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    drop = rows[0].index("debt_baht")
    with open(tmp_path / "bmn_households.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([r[:drop] + r[drop + 1:] for r in rows])
    db = tmp_path / "p.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    staged = import_file.import_file(db, tmp_path / "bmn_households.csv", "family_welfare",
                                     2024).rows_staged
    crosswalk.run_crosswalk(db, 2024)
    assert query(db, "SELECT count(*), count(debt_baht) FROM household") == [(staged, 0)]


def test_staging_from_before_home_town_still_crosswalks(crosswalked, tmp_path):
    """A staging table imported by an earlier version has no home_town: its persons get none."""
    files, _, db, _ = crosswalked
    db = copy_database(db, tmp_path)
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("ALTER TABLE staging_education_roster DROP COLUMN home_town")
    crosswalk.run_crosswalk(db, 2024)
    assert query(db, "SELECT count(*) FROM person WHERE sources = 'education' AND id_kind = 'thai_id' "
                 "AND home_town IS NOT NULL") == [(0,)]
    assert query(db, "SELECT count(home_town) FROM person WHERE sources LIKE 'health%'")[0][0] > 1000


def test_every_group_of_the_truth_is_in_the_standard_as_the_truth_says(crosswalked):
    """Persons of each group (Thai, highland with and without citizenship, migrants) holding a
    Thai ID are in person, with the sex and home town the truth gives, nearly all of them."""
    files, manifest, db, _ = crosswalked
    truth = truth_by_key(files, db)
    persons = {k: (sex, town) for k, sex, town in query(db, "SELECT person_key, sex, home_town FROM person")}
    for group in ("thai", "highland_citizen", "highland_stateless", "migrant"):
        holders = [(k, r) for k, r in truth.items() if r["group"] == group and r["id_kind"] == "thai_id"]
        assert holders, group
        for key, r in holders:
            if key in persons:
                assert persons[key] == ({"1": "male", "2": "female"}[r["sex"]], r["id"][1:5])
        assert sum(k in persons for k, _ in holders) >= 0.9 * len(holders), group


def test_no_raw_id_or_house_number_in_person(crosswalked):
    _, _, db, _ = crosswalked
    ids = re.compile(r"[0-9]{13}|G[0-9]{12}")
    digest = re.compile(r"[0-9a-f]{32,}")   # pseudonyms: hex, with runs of digits by chance
    for row in query(db, "SELECT * FROM person"):
        assert not any(isinstance(v, str) and not digest.fullmatch(v) and ids.search(v)
                       for v in row), row
    towns = query(db, "SELECT DISTINCT home_town FROM person WHERE home_town IS NOT NULL")
    assert towns and all(len(t) == 4 and t.isdigit() for (t,) in towns)
    assert query(db, "SELECT DISTINCT typeof(household_no) FROM person WHERE household_no IS NOT NULL") \
        == [("integer",)]


def test_a_person_of_two_health_units_lives_in_the_first_and_numbers_stay_dense(crosswalked, tmp_path):
    _, _, db, _ = crosswalked
    db = copy_database(db, tmp_path)
    table = "staging_health_person"
    # P lives alone in house A; another unit's (here: another house's) record of P comes first.
    fid, key, hid_a = query(db, f"SELECT min(fid), person_key, hid FROM {table} WHERE person_key IS NOT NULL "
                            "GROUP BY hospcode, hid HAVING count(*) = 1 LIMIT 1")[0]
    hospcode, hid_b, neighbour = query(db, f"SELECT hospcode, hid, person_key FROM {table} WHERE hid <> ? "
                                       "AND person_key IS NOT NULL LIMIT 1", hid_a)[0]
    columns = [r[1] for r in query(db, f"PRAGMA table_info({table})") if r[1] != "fid"]
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} "
                     f"FROM {table} WHERE fid = ?", (fid,))                     # the later record: A
        conn.execute(f"UPDATE {table} SET hospcode = ?, hid = ? WHERE fid = ?", (hospcode, hid_b, fid))
    crosswalk.run_crosswalk(db, 2024)
    numbers = dict(query(db, "SELECT person_key, household_no FROM person"))
    assert numbers[key] == numbers[neighbour]
    used = sorted({n for n in numbers.values() if n is not None})
    assert used == list(range(1, len(used) + 1))


def test_persons_take_each_field_from_the_first_source_that_has_it(tmp_path):
    """Records of one person_key merge field by field in precedence order (insertion order
    within a rank); the place comes whole from the first record with a sub-district, one with
    a village first within a source; other sources follow the known ones by name."""
    from trafficking_db.trafficking_plugin.core import database, schema
    from trafficking_db.trafficking_plugin.core.standard import linking
    conn = database.connect(tmp_path / "persons.gpkg")
    schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME[t] for t in ("database_info", "person")])
    linking.create_records(conn)
    columns = ("person_key", "source", "sex", "age", "village_code", "subdistrict_code",
               "district_code", "person_type")
    records = [
        ("a", "health", None, 24, None, None, None, None),
        ("a", "education", "female", 25, "50010101", "500101", "5001", 3),
        ("a", "human_security", "male", None, None, "500102", "5001", 1),
        ("b", "human_security", None, None, "50010402", "500104", "5001", None),
        ("b", "family_welfare", None, None, None, "500103", "5001", None),
        ("b", "family_welfare", None, None, "50010501", "500105", "5001", None),
        ("c", "zeta", None, None, None, None, None, 0),
        ("c", "alpha", "female", None, None, None, None, 8),
        ("c", "health", None, None, None, None, None, None),
        ("c", "zeta", "male", None, None, None, None, None),
        ("d", "education", None, None, None, None, None, None),
        (None, "health", "male", None, "50010101", "500101", "5001", 1),
    ]
    for record in records:
        conn.execute(linking.record_insert(columns) + f"VALUES ({', '.join('?' * len(columns))}, "
                     f"{linking.rank_sql(record[1])})", record)
    # "e": a first record with every field (taken whole), then one that differs everywhere.
    complete = ("e", "health", "male", 23, "50010101", "500101", "5001", "thai",
                "thai", "in_area", "thai_id", 1, "5001", "married", 7)
    for record in (complete, ("e", "education", "female", 22, "50010402", "500104",
                              "5001", "myanmar", "karen", "outside", "g_code", 0, "5002",
                              "single", 8)):
        conn.execute(linking.record_insert(linking.RECORD_COLUMNS) + "VALUES (" +
                     ", ".join("?" * len(record)) + f", {linking.rank_sql(record[1])})", record)
    assert linking.build_persons(conn, 2024) == 5
    assert conn.execute("SELECT sex, age, nationality, ethnicity, residence, id_kind, "
                        "person_type, home_town, marital_status, household_no, village_code, "
                        "sources FROM person WHERE person_key = 'e'").fetchone() == (
        "male", 23, "thai", "thai", "in_area", "thai_id", 1, "5001", "married", 1,
        "50010101", "health education")
    persons = conn.execute("SELECT person_key, sex, age, person_type, village_code, "
                           "subdistrict_code, district_code, sources FROM person WHERE person_key "
                           "<> 'e' ORDER BY fid").fetchall()
    conn.close()
    assert persons == [
        ("a", "female", 24, 3, "50010101", "500101", "5001",
         "health education human_security"),
        ("b", "unknown", None, None, "50010501", "500105", "5001", "family_welfare human_security"),
        ("c", "female", None, 0, None, None, None, "health alpha zeta"),
        ("d", "unknown", None, None, None, None, None, "education"),
    ]
