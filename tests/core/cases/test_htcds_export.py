"""HTCDS export: every column an HTCDS v2.0 field (the case id aside), every value valid, nothing
personal, and a value outside a picklist stops the export naming the case and the field."""
import contextlib
import csv
import json
import sqlite3
import struct

import pytest

from conftest import SHARED, province_units
from builders import write_villages
from trafficking_db.trafficking_plugin.core.cases import case_records, htcds_export
from trafficking_db.trafficking_plugin.core import create_database, database, gpkg
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
    assert first["case_id"] == "abcdefghijklmnopabcdefghijklmnop"
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
    assert "case ppppoooonnnnmmmmppppoooonnnnmmmm: prs_Gender: 'Woman'" in message
    assert "case abcdefghijklmnopabcdefghijklmnop: per_RoleInProcess: 'Boss'" in message
    assert list(tmp_path.glob("out*")) == []


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
    with contextlib.closing(database.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        for row in conn.execute('SELECT * FROM "case"'):
            assert case_records.validate_case(dict(row)) == {}, row["fid"]
