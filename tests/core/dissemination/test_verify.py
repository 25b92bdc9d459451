"""trafficking:verifydatabase: each check finds a planted problem and nothing more; the report
names files and rows, never IDs, names or pseudonyms. The audit trail: columns its triggers miss,
and, given the identity file, its seal checked and its new rows sealed."""
import contextlib
import csv
import sqlite3

import pytest
from conftest import copy_database
from qgis.core import QgsProcessingException

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import audit, database
from trafficking_db.trafficking_plugin.core.dissemination import verify
from trafficking_db.trafficking_plugin.core.ingest import pseudonym


@pytest.fixture(scope="module")
def baseline(imported_sample, tmp_path_factory):
    _, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("verify"))
    crosswalk.run_crosswalk(db, 2024)
    with contextlib.closing(database.connect(db)) as conn:
        # Last year: the same persons, so nothing jumps until a district is planted.
        columns = [r[1] for r in conn.execute("PRAGMA table_info(person)") if r[1] != "fid"]
        conn.execute(f"INSERT INTO person ({', '.join(columns)}) SELECT "
                     + ", ".join("2023" if c == "data_year" else c for c in columns)
                     + " FROM person WHERE data_year = 2024")
        conn.commit()
    return db, {f.check: f for f in verify.verify(db, 2024)}


def test_clean_sample_has_no_false_alarms(baseline):
    _, found = baseline
    for check in ("impossible_ages", "duplicate_households", "district_jumps", "audit_coverage"):
        assert found[check].count == 0, (check, found[check].examples)
    assert found["low_coverage"].status == "skipped"          # not scored yet
    assert found["audit_coverage"].status == "ok"
    # Without the identity file the seal is not checked: skipped, never passed.
    assert found["audit_seal"].status == "skipped" and "identity file" in found["audit_seal"].note


def test_each_planted_problem_is_found(baseline, tmp_path, run_algorithm):
    db, before = baseline
    db = copy_database(db, tmp_path)
    with contextlib.closing(database.connect(db)) as conn:
        busy = conn.execute("SELECT village_code FROM person WHERE data_year = 2024 AND "
                            "village_code IS NOT NULL GROUP BY 1 HAVING count(*) >= 5 "
                            "ORDER BY 1").fetchone()[0]
        fids = [f for (f,) in conn.execute("SELECT fid FROM person WHERE data_year = 2024 AND "
                                           "village_code = ? ORDER BY fid LIMIT 3", (busy,))]
        planted_key = conn.execute("SELECT person_key FROM person WHERE fid = ?",
                                   (fids[0],)).fetchone()[0]
        conn.execute("UPDATE person SET village_code = NULL WHERE fid = ?", (fids[0],))
        conn.execute("UPDATE person SET age = -6 WHERE fid = ?", (fids[1],))
        conn.execute("UPDATE person SET age = 124 WHERE fid = ?", (fids[2],))
        for table in ("household", "school_enrolment"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "fid"]
            conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} "
                         f"FROM {table} WHERE data_year = 2024 AND fid = (SELECT min(fid) FROM "
                         f"{table} WHERE data_year = 2024 AND "
                         f"{'person_key IS NOT NULL' if table == 'school_enrolment' else '1'})")
        sub = conn.execute("SELECT subdistrict_code FROM village LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO village (code, name_th, subdistrict_code, province_code) "
                     "VALUES (?, 'บ้านใหม่', ?, '50')", (sub + "99", sub))
        conn.execute("INSERT INTO unmapped_code (source, field, code, row_count, example_row, "
                     "data_year) VALUES ('health', 'nation', 'XYZ', 4, 17, 2024)")
        district = conn.execute("SELECT district_code FROM person WHERE data_year = 2023 AND "
                                "district_code IS NOT NULL "
                                "GROUP BY 1 HAVING count(*) >= 4 ORDER BY 1").fetchone()[0]
        conn.execute("DELETE FROM person WHERE fid IN (SELECT fid FROM person WHERE data_year = "
                     "2023 AND district_code = ? ORDER BY fid LIMIT (SELECT count(*) / 2 FROM "
                     "person WHERE data_year = 2023 AND district_code = ?))", (district, district))
        conn.commit()
    out = tmp_path / "report"
    result = run_algorithm("verifydatabase", DATABASE=str(db), DATA_YEAR=2567,
                           OUTPUT_FOLDER=str(out))
    found = {f.check: f for f in verify.verify(db, 2024)}
    planted = {"persons_without_village": 1, "impossible_ages": 2, "duplicate_households": 1,
               "duplicate_persons": 1, "villages_without_data": 1, "unmapped_codes": 1,
               "district_jumps": 1}
    for check, n in planted.items():
        assert found[check].count == before[check].count + n, check
    assert [e["where"] for e in found["district_jumps"].examples][0].startswith(f"district {district}")
    assert any("age -6" in e["detail"] and "born after the data year" in e["detail"]
               for e in found["impossible_ages"].examples)
    assert all(found[c].severity == "error" for c in ("persons_without_village", "impossible_ages"))
    assert result["ERRORS"] >= 4 and result["PROBLEMS"] == sum(f.count for f in found.values())
    # The report: HTML, CSV and XLSX; row references, never the pseudonym.
    files = sorted(p.name for p in out.iterdir())
    assert files == ["verify_2024.html", "verify_2024.xlsx", "verify_2024_examples.csv",
                     "verify_2024_summary.csv"]
    text = "".join((out / name).read_text(encoding="utf-8-sig") for name in files
                   if not name.endswith(".xlsx"))
    assert planted_key not in text and "row " in text
    with open(out / "verify_2024_summary.csv", encoding="utf-8-sig") as f:
        summary = {r["check"]: r for r in csv.DictReader(f)}
    assert summary["unmapped_codes"]["status"] == "warning"


def test_low_coverage_on_a_scored_year(baseline, tmp_path):
    db, _ = baseline
    db = copy_database(db, tmp_path)
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("INSERT INTO risk_person (person_key, data_year, i01, i02) SELECT person_key, "
                     "2024, 1, CASE WHEN fid % 10 = 0 THEN 1 END FROM person WHERE data_year = 2024")
        enabled = conn.execute("SELECT count(*) FROM indicator WHERE enabled = 1").fetchone()[0]
        conn.commit()
    found = {f.check: f for f in verify.verify(db, 2024, coverage_threshold=0.5)}
    assert found["low_coverage"].count == enabled - 1         # all but I01 (observed for all)
    assert found["low_coverage"].examples[0]["where"] == "indicator I02"


def test_year_without_persons_is_refused(baseline, tmp_path, run_algorithm):
    db, _ = baseline
    with pytest.raises(QgsProcessingException, match="no persons for data year 2019"):
        run_algorithm("verifydatabase", DATABASE=str(db), DATA_YEAR=2019,
                      OUTPUT_FOLDER=str(tmp_path / "r"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] > 0


def edit_cases(db, n):
    with contextlib.closing(database.connect(db)) as conn:
        for i in range(n):
            conn.execute("INSERT INTO \"case\" (case_key, story) VALUES (?, 'debt bondage')",
                         (f"key{i}",))


def test_the_seal_is_checked_then_new_rows_sealed_given_the_identity_file(baseline, tmp_path):
    db = copy_database(baseline[0], tmp_path)
    identity = pseudonym.default_identity_path(db)
    edit_cases(db, 2)                                   # 2 x 3 audit rows
    first = {f.check: f for f in verify.verify(db, 2024, identity=identity)}["audit_seal"]
    assert (first.status, first.count) == ("ok", 0)
    assert first.note.startswith("no row sealed yet; 6 rows to seal") and first.note.endswith("sealed now: 6")
    edit_cases(db, 1)
    second = {f.check: f for f in verify.verify(db, 2024, identity=identity)}["audit_seal"]
    assert second.status == "ok" and "6 rows sealed up to audit_log fid 6" in second.note
    assert "3 rows written since" in second.note and second.note.endswith("sealed now: 3")
    # Around the triggers: a sealed row rewritten is found, and named by its fid.
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET new_value = 'a fake job' WHERE fid = 2")
        conn.commit()
    found = {f.check: f for f in verify.verify(db, 2024, identity=identity)}["audit_seal"]
    assert (found.status, found.count) == ("error", 1)
    assert found.examples == [{"where": "audit_log fid 2", "detail": "changed after it was "
                               "sealed, or a sealed row before it deleted"}]


def test_another_identity_file_is_refused(baseline, tmp_path):
    db = copy_database(baseline[0], tmp_path)
    other = tmp_path / "other.identity.sqlite"
    pseudonym.load_secret(other)
    with pytest.raises(pseudonym.IdentityError, match="not this database's identity file"):
        verify.verify(db, 2024, identity=other)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM audit_seal").fetchone()[0] == 0


def test_a_database_without_the_seal_table_is_checked_and_told_to_upgrade(baseline, tmp_path):
    """A database of an earlier version: nothing to check yet, and nothing can be sealed."""
    db = copy_database(baseline[0], tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP TABLE audit_seal")
        conn.commit()
    edit_cases(db, 1)
    found = {f.check: f for f in verify.verify(db, 2024, identity=pseudonym.default_identity_path(
        db))}["audit_seal"]
    assert found.status == "ok" and "new rows not sealed" in found.note
    assert "upgrade it with Create or upgrade province database" in found.note


def test_a_column_added_by_hand_is_reported(baseline, tmp_path):
    db = copy_database(baseline[0], tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("ALTER TABLE case_support ADD COLUMN budget_baht REAL")
        conn.commit()
    found = {f.check: f for f in verify.verify(db, 2024)}["audit_coverage"]
    assert (found.status, found.count) == ("error", 1)
    assert found.examples == [{"where": "table case_support",
                               "detail": "columns not audited: budget_baht"}]
    assert found.action.startswith("Upgrade the database with Create or upgrade province "
                                   "database to audit them")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert audit.coverage_problems(conn) == [("table case_support",
                                                  "columns not audited: budget_baht")]


def test_the_report_neutralises_formulas_in_its_csv_and_xlsx(tmp_path):
    """A file name or a value from an agency file can start with '=': in the CSVs and the
    workbook it reads as text with an apostrophe; counts stay numbers; openpyxl writes no formula."""
    import zipfile
    from openpyxl import load_workbook
    findings = [verify.Finding("impossible_ages", "warning", "Ages out of range", -2,
                               '=HYPERLINK("http://x")', [{"where": "@evil.csv row 3",
                                                           "detail": "+1+1"}])]
    paths = verify.write_report(findings, tmp_path, 2024)
    with open(paths["summary_csv"], encoding="utf-8-sig", newline="") as f:
        summary = list(csv.DictReader(f))
    assert summary[0]["action"] == "'=HYPERLINK(\"http://x\")" and summary[0]["count"] == "-2"
    with open(paths["examples_csv"], encoding="utf-8-sig", newline="") as f:
        example = list(csv.DictReader(f))[0]
    assert (example["where"], example["detail"]) == ("'@evil.csv row 3", "'+1+1")
    with zipfile.ZipFile(paths["xlsx"]) as book:
        sheets = [book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    book = load_workbook(paths["xlsx"])
    row = [c for c in book["summary"][2]]
    assert row[5].value == "'=HYPERLINK(\"http://x\")" and row[5].data_type == "s"
    assert row[4].value == -2 and row[4].data_type == "n"
    assert [c.value for c in book["examples"][2]][2:] == ["'@evil.csv row 3", "'+1+1"]
