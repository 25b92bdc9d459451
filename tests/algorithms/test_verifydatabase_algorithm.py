"""trafficking:verifydatabase's identity-file input: the audit trail's seal is checked and its
new rows sealed when the file is given, and the check is reported skipped without it."""
import contextlib
import csv
import sqlite3

from conftest import copy_database

from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.ingest import pseudonym


def summary(folder):
    with open(folder / "verify_2024_summary.csv", encoding="utf-8-sig") as f:
        return {r["check"]: r for r in csv.DictReader(f)}


def test_the_identity_file_checks_and_seals_the_audit_trail(scored_sample, tmp_path, run_algorithm):
    _, db = scored_sample
    db = copy_database(db, tmp_path)
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("INSERT INTO organization (name, type) VALUES ('PSDO Chiang Mai', 'ngo')")
    run_algorithm("verifydatabase", DATABASE=str(db), DATA_YEAR=2567,
                  OUTPUT_FOLDER=str(tmp_path / "without"))
    assert summary(tmp_path / "without")["audit_seal"]["status"] == "skipped"
    result = run_algorithm("verifydatabase", DATABASE=str(db), DATA_YEAR=2567,
                           IDENTITY=pseudonym.default_identity_path(db),
                           OUTPUT_FOLDER=str(tmp_path / "with"))
    row = summary(tmp_path / "with")["audit_seal"]
    assert row["status"] == "ok" and row["note"].endswith("sealed now: 3")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM audit_seal").fetchone()[0] == 3
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE fid = 3")
    errors = result["ERRORS"]
    result = run_algorithm("verifydatabase", DATABASE=str(db), DATA_YEAR=2567,
                           IDENTITY=pseudonym.default_identity_path(db),
                           OUTPUT_FOLDER=str(tmp_path / "after"))
    assert summary(tmp_path / "after")["audit_seal"]["status"] == "error"
    assert summary(tmp_path / "after")["audit_coverage"]["status"] == "error"   # the trigger
    assert result["ERRORS"] == errors + 2
