"""HTCDS export: every column an HTCDS v2.0 field (the case id aside), every value valid, nothing
personal, and a value outside a picklist stops the export naming the case and the field."""
import contextlib
import csv
import json
import re
import sqlite3
import struct

import pytest

from conftest import SHARED, province_units
from builders import write_villages
from trafficking_db.trafficking_plugin.core.cases import case_records, htcds_export
from trafficking_db.trafficking_plugin.core import audit, create_database, database, gpkg
from trafficking_db.trafficking_plugin.sample import synthetic_province

STANDARD = SHARED / "reference" / "htcds" / "ods_Field_Standards.csv"
RAW_ID = "3100500123452"


def standard_fields():
    """Field name -> (type, picklist values): the standard's own file when present, else the
    shipped transcription (itself checked against the standard in test_cases_core)."""
    if STANDARD.exists():
        with open(STANDARD, encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["Field Name including Prefix"]]
        return {r["Field Name including Prefix"]: (
            r["Field Type"], [v.strip() for v in (r["Value Names (if picklist)"] or "").split("\n")
                              if v.strip() and not v.startswith("Use ISO")]) for r in rows}
    return {name: (e["type"], [v["name"] for v in e.get("values", ())])
            for name, e in case_records.htcds()["fields"].items()}


@pytest.fixture()
def db_with_cases(tmp_path):
    subdistricts = synthetic_province.synthetic_province()
    villages = write_villages(subdistricts, tmp_path / "villages.geojson")
    db = tmp_path / "province_50.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(subdistricts, tmp_path / "villages.geojson"))
    point = gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, 101.69, 3.14), (101.69, 3.14, 101.69, 3.14))
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute("INSERT INTO organization (name, type) VALUES ('มูลนิธิทดสอบ', 'ngo')")
        conn.execute(
            'INSERT INTO "case" (case_key, age_trafficked, gender, citizenship, legal_status, education, '
            "recruitment_method, means_of_control, exploitation_type, forced_labour_industry, status, "
            "referring_organization_id, incoming_referral_date, story, tags) VALUES "
            "('abcdefghijklmnopabcdefghijklmnop', 16, 'Feminine', 'TH MM', 'no_status', "
            "'PrimaryEducation', 'ThroughOnlineSocialNetworks ThroughFriendsOrSocialEvents', "
            "'DebtBondage WithholdsDocuments', 'ForcedLabour ChildLabour', "
            "'A_AgricultureForestryAndFishing', 'ClosedReferred', 1, '2024-03-15', "
            "'นายสมชาย พาไปทำงาน', 'fake_job')")
        conn.execute("INSERT INTO \"case\" (case_key) VALUES ('ppppoooonnnnmmmmppppoooonnnnmmmm')")
        conn.executemany(
            "INSERT INTO case_event (case_id, sequence, event_type, event_date, village_code, "
            "place_name, country, geom) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            [(1, "recruitment", "2024-01-05", villages[0], None, None, None),
             (2, "exploitation", "2024-02-01", None, "Kuala Lumpur", "MY", point),
             (3, "rescue", "2024-03-01", None, "Kuala Lumpur", "MY", point)])
        conn.execute("INSERT INTO case_perpetrator (case_id, role_in_process, relationship_to_victim, "
                     "sex, nationality) VALUES (1, 'RecruiterOrIntermediary Transporter', 'Acquainted', "
                     "'male', 'TH')")
        conn.execute("INSERT INTO case_support (case_id, support_type, organization_id, planned_end_date) "
                     "VALUES (1, 'LabourExploitationRehabilitation', 1, '2025-03-31')")
    return db, villages


def export_ids(db):
    with contextlib.closing(database.connect(db)) as conn:
        return [i for (i,) in conn.execute('SELECT export_id FROM "case" ORDER BY fid')]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def test_every_column_is_an_htcds_field_and_every_value_valid(db_with_cases, tmp_path):
    db, villages = db_with_cases
    files = htcds_export.export_cases(db, tmp_path / "out")
    fields = standard_fields()
    assert sorted(p.rsplit("/", 1)[-1] for p in files) == sorted(
        ["out_cases.csv", "out_events.csv", "out_perpetrators.csv", "out_support_plans.csv", "out.json"])
    seen = 0
    for path in files[:-1]:
        header, rows = read_csv(path)
        assert header[0] == "case_id"
        for column in header[1:]:
            assert column in fields, f"{column} is not an HTCDS v2.0 field"
        for row in rows:
            for column, value in row.items():
                if column == "case_id" or not value:
                    continue
                kind, allowed = fields[column]
                if allowed:
                    values = value.split(";") if kind.startswith("Multiselect") else [value]
                    assert set(values) <= set(allowed), (column, value)
                    seen += 1
                elif "Citizenship" in column or column == "hte_Country":
                    assert set(value.split(";")) <= case_records.COUNTRIES
                elif kind == "Date":
                    assert case_records.normalise_date(value) == (value, None)
    assert seen >= 12
    _, case_rows = read_csv(files[0])
    first = case_rows[0]
    with contextlib.closing(database.connect(db)) as conn:
        stored = [i for (i,) in conn.execute('SELECT export_id FROM "case" ORDER BY fid')]
    assert [r["case_id"] for r in case_rows] == stored
    assert all(case_records.EXPORT_ID_PATTERN.fullmatch(i) for i in stored)
    assert first["vic_MethodOfRecruitment"] == "ThroughOnlineSocialNetworks;ThroughFriendsOrSocialEvents"
    assert first["prs_Citizenship"] == "TH;MM" and first["vic_AgeWhenTrafficked"] == "16"
    assert first["cas_ReferringOrganisation"] == "มูลนิธิทดสอบ"
    _, events = read_csv(files[1])
    assert [e["hte_Type"] for e in events] == ["Recruitment", "Exploitation"]   # rescue left out
    assert events[0]["hte_Country"] == "TH" and events[0]["hte_City"] == "บ้านทดสอบ 1"
    assert events[0]["hte_Longitude"]                                    # the village's point
    assert (events[1]["hte_Longitude"], events[1]["hte_Latitude"]) == ("101.69", "3.14")
    _, perpetrators = read_csv(files[2])
    assert perpetrators[0]["prs_Gender"] == "Masculine"
    assert perpetrators[0]["per_RoleInProcess"] == "RecruiterOrIntermediary;Transporter"
    with open(files[-1], encoding="utf-8") as f:
        doc = json.load(f)
    assert "CC BY 4.0" in doc["attribution"] and len(doc["cases"]) == 2
    for record in doc["cases"]:
        for key in record:
            assert key in fields or key in ("case_id", "events", "perpetrators", "support_plans")
        for child in ("events", "perpetrators", "support_plans"):
            for row in record[child]:
                assert set(row) <= set(fields)


def test_no_story_names_or_ids_leave_the_database(db_with_cases, tmp_path):
    db, _ = db_with_cases
    files = htcds_export.export_cases(db, tmp_path / "out")
    text = "".join(open(p, encoding="utf-8").read() for p in files)
    assert "สมชาย" not in text and "fake_job" not in text and "no_status" not in text


def test_a_value_outside_a_picklist_names_the_case_and_field_and_writes_nothing(db_with_cases, tmp_path):
    db, _ = db_with_cases
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute("UPDATE \"case\" SET gender = 'Woman' WHERE fid = 2")
        conn.execute("UPDATE case_perpetrator SET role_in_process = 'Boss'")
    with pytest.raises(htcds_export.HtcdsExportError) as error:
        htcds_export.export_cases(db, tmp_path / "out")
    message = str(error.value)
    # The message names the province's own key, which the dock lists, so the clerk finds the case.
    assert "case ppppoooonnnnmmmmppppoooonnnnmmmm: prs_Gender: 'Woman'" in message
    assert "case abcdefghijklmnopabcdefghijklmnop: per_RoleInProcess: 'Boss'" in message
    assert list(tmp_path.glob("out*")) == []
    assert export_ids(db) == [None, None]            # the database was left as it was


def test_the_docks_export_button_writes_the_same_files(qgis_app, db_with_cases, tmp_path):
    from trafficking_db.trafficking_plugin.gui.case_dock import CaseDock
    db, _ = db_with_cases
    dock = CaseDock(db)
    files = dock.export(str(tmp_path / "from_dock"))
    assert len(files) == 5 and "from_dock.json" in dock.status.text()


def test_the_sample_generators_cases_export_and_validate(tmp_path):
    """The few hundred synthetic cases of the sample generator fit the standard end to end."""
    from trafficking_db.trafficking_plugin.sample import cases, generator
    subdistricts = synthetic_province.synthetic_province()
    # Cases are the recorded outcomes: 90,000 persons give a few hundred.
    generator.generate_sample_data(subdistricts, tmp_path / "files", scale=0.05, seed=1)
    db = tmp_path / "province_50.gpkg"
    units = province_units(subdistricts, tmp_path / "files" / "villages.geojson")
    create_database.create_or_upgrade(db, "50", units)
    counts = cases.load_sample(db, tmp_path / "files")
    records, problems = htcds_export.collect(db)
    assert problems == [] and len(records) == counts["cases"] > 100
    assert {r["case_id"] for r in records} == {None}       # made by the first export, not the load
    files = htcds_export.export_cases(db, tmp_path / "sample")
    ids = [r["case_id"] for r in read_csv(files[0])[1]]
    assert len(set(ids)) == counts["cases"] and ids == export_ids(db)
    assert all(case_records.EXPORT_ID_PATTERN.fullmatch(i) for i in ids)
    with contextlib.closing(database.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        for row in conn.execute('SELECT * FROM "case"'):
            assert case_records.validate_case(dict(row)) == {}, row["fid"]


# --- the case's own identifier in exports (issue 15, item 4) -------------------------------------

def test_case_ids_are_random_stable_and_distinct(db_with_cases, tmp_path):
    db, _ = db_with_cases
    assert export_ids(db) == [None, None]
    first = [r["case_id"] for r in read_csv(htcds_export.export_cases(db, tmp_path / "a")[0])[1]]
    again = [r["case_id"] for r in read_csv(htcds_export.export_cases(db, tmp_path / "b")[0])[1]]
    assert first == again == export_ids(db) and len(set(first)) == 2
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute("INSERT INTO \"case\" (case_key) VALUES ('aaaabbbbccccddddaaaabbbbccccdddd')")
    third = [r["case_id"] for r in read_csv(htcds_export.export_cases(db, tmp_path / "c")[0])[1]]
    assert third[:2] == first and third[2] not in first
    for export_id in third:
        assert case_records.EXPORT_ID_PATTERN.fullmatch(export_id)
        assert not set(export_id) & set("abcdefghijklmnop")   # no letter of a person_key's alphabet


def test_a_case_id_never_equals_or_holds_a_key_or_an_id():
    made = {case_records.new_export_id() for _ in range(2000)}
    assert len(made) == 2000
    for export_id in made:
        assert case_records.EXPORT_ID_PATTERN.fullmatch(export_id) and len(export_id) == 19
        assert export_id == export_id.upper()                    # a person_key is lower case
        assert not re.search(r"[0-9]{5}", export_id)             # a Thai ID or G code: 12-13 digits


def test_a_tampered_or_copied_export_id_is_replaced(db_with_cases, tmp_path):
    """Someone types the case_key (a person_key) into export_id in the attribute table, or copies
    one case's identifier to another: the export makes fresh ones."""
    db, _ = db_with_cases
    htcds_export.export_cases(db, tmp_path / "a")
    kept = export_ids(db)[0]
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute('UPDATE "case" SET export_id = case_key WHERE fid = 2')
    htcds_export.export_cases(db, tmp_path / "b")
    ids = export_ids(db)
    assert ids[0] == kept and case_records.EXPORT_ID_PATTERN.fullmatch(ids[1])
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute('UPDATE "case" SET export_id = ? WHERE fid = 2', (kept,))
    htcds_export.export_cases(db, tmp_path / "c")
    ids = export_ids(db)
    assert ids[0] == kept and ids[1] != kept and case_records.EXPORT_ID_PATTERN.fullmatch(ids[1])


def test_an_older_database_gets_identifiers_on_its_next_export(db_with_cases, tmp_path):
    db, _ = db_with_cases
    with contextlib.closing(database.connect(db)) as conn, conn:
        # As schema 4 was before this column: no column, triggers that do not know it.
        for action in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER audit_case_{action}")
        conn.execute('ALTER TABLE "case" DROP COLUMN export_id')
        conn.execute("DELETE FROM gpkg_data_columns WHERE column_name = 'export_id'")
        audit.install(conn, ("case",))
    files = htcds_export.export_cases(db, tmp_path / "out")
    ids = export_ids(db)
    assert all(case_records.EXPORT_ID_PATTERN.fullmatch(i) for i in ids) and len(set(ids)) == 2
    assert [r["case_id"] for r in read_csv(files[0])[1]] == ids
    assert [r["case_id"] for r in read_csv(htcds_export.export_cases(db, tmp_path / "again")[0])[1]] == ids
    with contextlib.closing(database.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM gpkg_data_columns WHERE table_name = 'case' AND "
                            "column_name = 'export_id'").fetchone()[0] == 1
        # The identifiers' making is in the audit trail, as any edit of a case.
        assert sorted(r[0] for r in conn.execute(
            "SELECT new_value FROM audit_log WHERE table_name = 'case' AND field = 'export_id'")) \
            == sorted(ids)


def test_an_unwritable_folder_keeps_no_file_and_no_identifier(db_with_cases, tmp_path):
    db, _ = db_with_cases
    with pytest.raises(htcds_export.HtcdsWriteError, match="could not be written"):
        htcds_export.export_cases(db, tmp_path / "missing" / "out")
    assert export_ids(db) == [None, None] and list(tmp_path.rglob("out*")) == []
    folder = tmp_path / "half"
    folder.mkdir()
    (folder / "out_events.csv").mkdir()          # the second file cannot be written
    with pytest.raises(htcds_export.HtcdsWriteError):
        htcds_export.export_cases(db, folder / "out")
    assert export_ids(db) == [None, None] and [p.name for p in folder.iterdir()] == ["out_events.csv"]


def test_a_commit_refused_by_a_reader_keeps_no_file_and_no_identifier(db_with_cases, tmp_path):
    """Another program reads the database (QGIS, say) while the export commits: SQLite refuses
    the commit once its wait runs out. The dock gets a message, not a traceback; the files
    written are removed, so no partner holds an identifier the database does not keep."""
    db, _ = db_with_cases
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as reader:
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
        reader.execute("BEGIN")
        reader.execute('SELECT count(*) FROM "case"').fetchone()      # holds a shared lock
        with pytest.raises(htcds_export.HtcdsExportError, match="locked"):
            htcds_export.export_cases(db, tmp_path / "out")
        reader.execute("COMMIT")
    assert list(tmp_path.glob("out*")) == [] and export_ids(db) == [None, None]


@pytest.fixture(scope="module")
def sample_cases_scored(imported_sample, tmp_path_factory):
    """The sample's 300 cases in a copy of the imported sample, with risk_person filled from
    person (as the score would, without its cost); returns the database."""
    from conftest import copy_database
    from trafficking_db.trafficking_plugin.core.standard import crosswalk
    from trafficking_db.trafficking_plugin.sample import cases
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("htcds_sample"))
    crosswalk.run_crosswalk(db, 2024)
    cases.load_sample(db, files)
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute(
            "INSERT INTO risk_person (person_key, data_year, age, age_band, sex, village_code, "
            "subdistrict_code, district_code, coverage, risk_index, risk_class) SELECT person_key, "
            "data_year, age, 'unknown', sex, village_code, subdistrict_code, district_code, 10, "
            "1.2, 'low' FROM person WHERE data_year = 2024")
    return db


def test_the_sample_export_cannot_be_joined_to_risk_person(sample_cases_scored, tmp_path):
    """Before this fix, case_id was the case_key: on the sample of generator 1.5, 250 of 300
    cases joined to risk_person (the cases of generator 2.0 are outcomes of later years, so
    fewer of their victims are persons of the data year, but any would join)."""
    db = sample_cases_scored
    with contextlib.closing(database.connect(db)) as conn:
        linked = conn.execute('SELECT count(*) FROM "case" c JOIN risk_person r ON '
                              "r.person_key = c.case_key").fetchone()[0]
        keys = {k for (k,) in conn.execute(
            'SELECT person_key FROM person UNION SELECT person_key FROM risk_person '
            'UNION SELECT case_key FROM "case"')}
        risk_columns = [r[1] for r in conn.execute("PRAGMA table_info(risk_person)")]
    assert linked > 0                             # the join below would find these without the fix
    with contextlib.closing(database.connect(db)) as conn:
        cases_held = conn.execute('SELECT count(*) FROM "case"').fetchone()[0]
    first = htcds_export.export_cases(db, tmp_path / "one")
    second = htcds_export.export_cases(db, tmp_path / "two")
    ids = [r["case_id"] for r in read_csv(first[0])[1]]
    assert len(ids) == cases_held and len(set(ids)) == cases_held
    assert ids == [r["case_id"] for r in read_csv(second[0])[1]]          # stable
    everything = "".join(open(p, encoding="utf-8").read() for p in first)
    assert not any(key in everything for key in keys)                     # no key, anywhere
    for export_id in ids:
        assert export_id not in keys and not any(export_id in k or k in export_id for k in keys)
    # Join every column of every exported CSV to every column of risk_person (as text): nothing.
    with contextlib.closing(database.connect(db)) as conn:
        risk_values = {c: {str(v) for (v,) in conn.execute(
            f'SELECT DISTINCT "{c}" FROM risk_person WHERE "{c}" IS NOT NULL')} for c in risk_columns}
    for path in first[:-1]:
        header, rows = read_csv(path)
        for column in header:
            if column == "vic_AgeWhenTrafficked":
                continue                      # an age matches many persons; it names nobody
            values = {r[column] for r in rows if r[column]}
            for target, known in risk_values.items():
                assert not values & known, (path, column, target, sorted(values & known)[:3])


# --- spreadsheet formulas (issue 15, item 7) ------------------------------------------------------

def test_formulas_in_free_text_are_neutralised_in_the_csv_numbers_stay(db_with_cases, tmp_path):
    db, _ = db_with_cases
    lima = gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, -77.03, -12.05), (-77.03, -12.05, -77.03, -12.05))
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute("UPDATE case_event SET description = '=HYPERLINK(\"http://x\")', "
                     "place_name = '@SUM(A1)' WHERE sequence = 2")
        conn.execute("INSERT INTO case_event (case_id, sequence, event_type, event_date, country, "
                     "place_name, geom) VALUES (1, 4, 'transit', '2024-02-10', 'PE', 'Lima', ?)", (lima,))
        conn.execute("UPDATE case_perpetrator SET role_details = '+1+1'")
        conn.execute("UPDATE case_support SET objectives = '\uff0d1', action_plan = '\tcmd'")
    files = htcds_export.export_cases(db, tmp_path / "out")
    events = {e["hte_City"]: e for e in read_csv(files[1])[1]}
    exploitation = events["'@SUM(A1)"]
    assert exploitation["hte_Description"] == "'=HYPERLINK(\"http://x\")"
    assert (events["Lima"]["hte_Longitude"], events["Lima"]["hte_Latitude"]) == ("-77.03", "-12.05")
    assert read_csv(files[2])[1][0]["per_RoleDetails"] == "'+1+1"
    support = read_csv(files[3])[1][0]
    assert (support["spl_Objectives"], support["spl_ActionPlan"]) == ("'\uff0d1", "'\tcmd")
    with open(files[1], encoding="utf-8") as f:
        assert '"\'=HYPERLINK(""http://x"")"' in f.read()
    with open(files[-1], encoding="utf-8") as f:                 # JSON is no spreadsheet: as typed
        doc = json.load(f)
    assert doc["cases"][0]["events"][1]["hte_Description"] == '=HYPERLINK("http://x")'
