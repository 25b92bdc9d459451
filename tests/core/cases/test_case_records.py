"""core/case_records.py: the shipped HTCDS picklists, validation of a case and its rows, the pseudonym."""
import contextlib
import csv
import sqlite3

import pytest

from conftest import SHARED
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.cases import case_records
from trafficking_db.trafficking_plugin.core.ingest import pseudonym, thai_id

STANDARD = SHARED / "reference" / "htcds" / "ods_Field_Standards.csv"


def _thai_id(first12="310050012345"):
    return first12 + str(thai_id.check_digit(first12))


@pytest.mark.skipif(not STANDARD.exists(), reason="../shared/reference/htcds is not beside the checkout")
def test_the_shipped_fields_and_picklists_are_the_standards():
    with open(STANDARD, encoding="utf-8") as f:
        standard = {r["Field Name including Prefix"]: r for r in csv.DictReader(f)
                    if r["Field Name including Prefix"]}
    shipped = case_records.htcds()["fields"]
    assert len(shipped) >= 30
    for name, entry in shipped.items():
        row = standard[name]                                    # a real HTCDS v2.0 field
        assert entry["type"] == row["Field Type"] and entry["label_en"] == row["Field Label"], name
        names = [v.strip() for v in (row["Value Names (if picklist)"] or "").split("\n") if v.strip()]
        labels = [v.strip() for v in (row["Value Labels (if picklist)"] or "").split("\n") if v.strip()]
        if "values" in entry:
            assert [v["name"] for v in entry["values"]] == names, name
            assert [v["en"] for v in entry["values"]] == labels, name
            assert all(v["th"] for v in entry["values"]), name
    # Every picklist column of the case tables is covered.
    for column, (field, _) in {**case_records.CASE_PICKLISTS, **case_records.PERPETRATOR_PICKLISTS,
                               **case_records.SUPPORT_PICKLISTS}.items():
        assert case_records.picklist(field), column


def test_the_licence_note_travels_with_the_picklists():
    doc = case_records.htcds()
    assert "CC BY 4.0" in doc["licence"] and "not endorse" in doc["licence"]
    assert "IOM" in doc["publisher"] and "v2.0" in doc["standard"]


def test_a_good_case_has_no_problems():
    record = {"age_trafficked": "๑๕", "gender": "Feminine", "citizenship": "TH MM",
              "legal_status": "registered_non_citizen", "education": "PrimaryEducation",
              "recruitment_method": "ThroughOnlineSocialNetworks AtWork", "status": "FollowUp",
              "means_of_control": "DebtBondage", "forced_labour_industry": "A_AgricultureForestryAndFishing",
              "incoming_referral_date": "01/10/2567", "story": "เพื่อนชวนไปทำงานโรงงาน"}
    assert case_records.validate_case(record) == {}


@pytest.mark.parametrize("column, value, words", [
    ("gender", "Female", "prs_Gender"),
    ("recruitment_method", "AtWork Facebook", "'Facebook'"),
    ("status", "Open", "cas_Status"),
    ("age_trafficked", "130", "out of range"),
    ("age_trafficked", "-1", "out of range"),
    ("age_trafficked", "fifteen", "whole number"),
    ("citizenship", "THA", "ISO 3166"),
    ("citizenship", "th", "ISO 3166"),
    ("legal_status", "citizen", "thai_citizen"),
    ("incoming_referral_date", "31/02/2567", "February"),
    ("outgoing_referral_date", "2024-13-01", "month 13"),
    ("story", "victim 3-1005-00123-45-1 told us", "personal ID"),
])
def test_a_bad_value_is_named_with_what_to_fix(column, value, words):
    problems = case_records.validate_case({column: value})
    assert list(problems) == [column] and words in problems[column]


def test_dates_in_either_era_become_common_era():
    assert case_records.normalise_date("15/03/2567") == ("2024-03-15", None)
    assert case_records.normalise_date("2024-03-15") == ("2024-03-15", None)
    assert case_records.normalise_date("๑๕/๐๓/๒๕๖๗") == ("2024-03-15", None)
    assert case_records.normalise_date("29/02/2567")[0] == "2024-02-29"      # leap year tested in C.E.
    assert case_records.normalise_date("") == (None, None)


VILLAGES = {"50010101", "50010102"}


@pytest.mark.parametrize("event, problem", [
    ({"event_type": "recruitment", "village_code": "50010101"}, None),
    ({"event_type": "transit", "lon": 99.0, "lat": 18.8}, None),
    ({"event_type": "exploitation", "country": "MY", "place_name": "Johor Bahru"}, None),
    ({"event_type": "exploitation", "country": "CN", "lon": 113.6, "lat": 34.7}, None),
    ({"event_type": "exploitation", "village_code": "50019999"}, "village_code"),
    ({"event_type": "exploitation", "village_code": "5001"}, "village_code"),
    ({"event_type": "exploitation", "village_code": "50010101", "country": "LA"}, "country"),
    ({"event_type": "exploitation", "lon": 113.6, "lat": 34.7}, "country"),   # abroad, no country
    ({"event_type": "exploitation", "country": "MY"}, "place"),              # no place name
    ({"event_type": "exploitation"}, "place"),
    ({"event_type": "holiday", "village_code": "50010101"}, "event_type"),
    ({"event_type": "transit", "village_code": "50010101", "event_date": "2567-02-30"}, "event_date"),
    ({"event_type": "transit", "country": "Malaysia", "place_name": "KL"}, "country"),
])
def test_an_events_place_is_a_village_a_point_or_a_place_abroad(event, problem):
    problems = case_records.validate_event(event, VILLAGES)
    assert list(problems) == ([problem] if problem else [])


def test_perpetrators_and_support_plans_are_checked_against_their_picklists():
    assert case_records.validate_perpetrator({"role_in_process": "RecruiterOrIntermediary Transporter",
                                       "relationship_to_victim": "Familial", "sex": "male",
                                       "nationality": "MM"}) == {}
    bad = case_records.validate_perpetrator({"role_in_process": "Boss", "sex": "M", "nationality": "Burma"})
    assert set(bad) == {"role_in_process", "sex", "nationality"}
    assert case_records.validate_support({"support_type": "Legal", "planned_end_date": "30/09/2568"}) == {}
    assert set(case_records.validate_support({"support_type": "Housing"})) == {"support_type"}


def test_the_case_key_is_the_person_key_of_the_normalised_id(tmp_path):
    db = tmp_path / "province_50.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    identity = tmp_path / "province_50.identity.sqlite"
    raw = _thai_id()
    typed = f" {raw[0]}-{raw[1:5]}-{raw[5:10]}-{raw[10:12]}-{raw[12]} "      # as written on the card
    key, kind, normal = case_records.case_key_for(db, typed)
    assert (kind, normal) == ("thai_id", raw)
    assert key == pseudonym.person_key(pseudonym.load_secret(identity), raw)
    g_key, g_kind, g_normal = case_records.case_key_for(db, "g 1234 5678 9012")
    assert (g_kind, g_normal) == ("g_code", "G123456789012") and g_key != key
    with pytest.raises(case_records.CaseError) as error:
        case_records.case_key_for(db, raw[:12] + str((int(raw[12]) + 1) % 10))
    assert "check digit" in str(error.value) and raw[:9] not in str(error.value)   # masked
    random_key, random_kind, nothing = case_records.case_key_for(db)
    assert random_kind == "none" and nothing is None
    assert len(random_key) == len(key) == 32 and set(random_key) <= set("abcdefghijklmnop")
    assert random_key != case_records.case_key_for(db)[0]


def test_the_raw_id_is_recorded_once_in_the_identity_file(tmp_path):
    db = tmp_path / "province_50.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    identity = tmp_path / "province_50.identity.sqlite"
    raw = _thai_id()
    key, kind, normal = case_records.case_key_for(db, raw)
    assert case_records.record_identity(db, key, kind, normal, case_fid=7)
    assert not case_records.record_identity(db, key, kind, normal, case_fid=7)
    assert not case_records.record_identity(db, "x" * 32, "none", None)
    with contextlib.closing(sqlite3.connect(identity)) as conn:
        assert conn.execute("SELECT person_key, source, id_kind, raw_id, row_number "
                            "FROM person_identity").fetchall() == [(key, "case", "thai_id", raw, 7)]


def test_the_list_filter_reads_both_eras_and_escapes_quotes():
    expression = case_records.list_filter("O'Brien", "Active", "ForcedLabour", 2024)
    assert "'%O''Brien%'" in expression and '"status" = \'Active\'' in expression
    assert "year(\"recorded_at\") = 2024" in expression and "'% ForcedLabour %'" in expression
    assert case_records.list_filter() == ""
