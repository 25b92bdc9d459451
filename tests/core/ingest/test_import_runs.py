"""trafficking:withdrawimport: a wrong import taken back, its rows gone from the next crosswalk,
the same file importable again, refusals and cancel leaving the files as they were."""
import contextlib
import hashlib
import sqlite3

import pytest
from conftest import CancelAfter, copy_database
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.ingest import import_runs, import_file
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.core.feedback import Canceled

SECTOR_TABLES = ("school_enrolment", "welfare_case", "health_condition", "household",
                 "household_member")


@pytest.fixture()
def db(imported_sample, tmp_path):
    return copy_database(imported_sample[2], tmp_path)


def query(db, sql, args=()):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


def count(db, sql, args=()):
    return query(db, sql, args)[0][0]


def sector_counts(db):
    return {t: count(db, f'SELECT count(*) FROM "{t}"') for t in SECTOR_TABLES}


def run_of(db, file_name, status="succeeded"):
    return query(db, "SELECT fid, rows_staged, rows_rejected FROM import_run WHERE file_name = ? "
                 "AND status = ?", (file_name, status))[0]


def sha256(*paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_withdraw_then_crosswalk_drops_exactly_the_files_rows(imported_sample, db, run_algorithm):
    files = imported_sample[0]
    identity = db.with_suffix(".identity.sqlite")
    crosswalk.run_crosswalk(db, 2024)
    risk_index.score_risk_index(db, 2024)
    before = sector_counts(db)
    run_id, staged, rejected = run_of(db, "welfare_cases.csv")
    assert staged and rejected and before["welfare_case"] == staged    # one case row per staged row
    identities = count(identity, "SELECT count(*) FROM person_identity")
    of_run = count(identity, "SELECT count(*) FROM person_identity WHERE import_run_id = ?", (run_id,))
    assert of_run > 0

    feedback = QgsProcessingFeedback()
    import processing
    result = processing.run("trafficking:withdrawimport", {
        "DATABASE": str(db), "FILE_NAME": "welfare_cases.csv",
        "REASON": "wrong year: the 2566 export"}, context=QgsProcessingContext(), feedback=feedback)
    assert (result["RUN_ID"], result["ROWS_DELETED"], result["STATUS"]) == (run_id, staged, "withdrawn")
    log = feedback.textLog()
    assert "Re-run trafficking:crosswalk for data year 2024:" in log    # C.E.: the option is off
    assert "it is now stale until you re-run trafficking:scoreriskindex" in log   # 2024 was scored

    status, message = query(db, "SELECT status, message FROM import_run WHERE fid = ?", (run_id,))[0]
    assert status == "withdrawn" and "wrong year: the 2566 export" in message
    assert count(db, "SELECT count(*) FROM staging_human_security_welfare_case") == 0
    assert count(db, "SELECT count(*) FROM rejected_row WHERE import_run_id = ?", (run_id,)) == rejected
    assert count(identity, "SELECT count(*) FROM person_identity") == identities - of_run
    audit = query(db, "SELECT changed_by, field, old_value, new_value FROM audit_log WHERE "
                  "table_name = 'import_run' AND record_id = ? ORDER BY fid", (run_id,))
    assert [a[1:3] for a in audit] == [("status", "succeeded"), ("message", audit[1][2])]
    assert audit[0][3] == "withdrawn" and "wrong year" in audit[1][3] and audit[0][0]

    crosswalk.run_crosswalk(db, 2024)
    assert sector_counts(db) == {**before, "welfare_case": before["welfare_case"] - staged}

    # The corrected (here: the same) file imports again and counts once.
    again = run_algorithm("importsecondarydata", DATABASE=str(db), SOURCE="human_security",
                          INPUT=str(files / "human_security" / "welfare_cases.csv"), DATA_YEAR=2567)
    assert again["STATUS"] == "succeeded" and again["ROWS_STAGED"] == staged
    crosswalk.run_crosswalk(db, 2024)
    assert sector_counts(db) == before


def test_sin_space_and_activity_runs_take_their_rows_along(imported_sample, db, run_algorithm):
    files, manifest = imported_sample[:2]
    places = run_algorithm("importsinspace", DATABASE=str(db), DATA_YEAR=2567,
                           INPUT=str(files / manifest["sin_space"]["path"]))
    acts = run_algorithm("importactivities", DATABASE=str(db), DATA_YEAR=2567,
                         INPUT=str(files / manifest["activities"]["path"]))
    assert count(db, "SELECT count(*) FROM village WHERE km_to_risky_place IS NOT NULL") > 0
    assert count(db, "SELECT count(*) FROM unmapped_code WHERE source = 'sin_space'") == 1
    for result, table in ((places, "establishment"), (acts, "activity")):
        rows = count(db, f"SELECT count(*) FROM {table} WHERE import_run_id = ?", (result["RUN_ID"],))
        assert rows > 0
        out = run_algorithm("withdrawimport", DATABASE=str(db), RUN=result["RUN_ID"],
                            REASON="survey of another province")
        assert out["ROWS_DELETED"] == result["ROWS_STAGED"] + rows   # staged rows + the layer's
        assert count(db, f"SELECT count(*) FROM {table}") == 0
    # No place left: no distance, no unknown type listed.
    assert count(db, "SELECT count(*) FROM village WHERE km_to_risky_place IS NOT NULL") == 0
    assert count(db, "SELECT count(*) FROM unmapped_code WHERE source = 'sin_space'") == 0
    again = run_algorithm("importactivities", DATABASE=str(db), DATA_YEAR=2567,
                          INPUT=str(files / manifest["activities"]["path"]))
    assert again["STATUS"] == "succeeded" and again["ACTIVITIES"] == acts["ACTIVITIES"]


def test_refusals_leave_the_files_as_they_were(imported_sample, db, run_algorithm, tmp_path):
    files = imported_sample[0]
    identity = db.with_suffix(".identity.sqlite")
    home = files / "health" / "HOME.csv"
    duplicate = import_file.import_file(db, home, "health", 2024).run_id
    broken = tmp_path / "broken.csv"
    broken.write_text("no,such,header\n1,2,3\n", encoding="utf-8")
    with pytest.raises(import_file.ImportFailed):
        import_file.import_file(db, broken, "health", 2024)
    failed = run_of(db, "broken.csv", "failed")[0]
    other = tmp_path / "other" / "province.gpkg"          # another database's identity file
    other.parent.mkdir()
    create_database.create_or_upgrade(other, "50", {})
    import_file.import_file(other, files / "health" / "PERSON.csv", "health", 2024)
    withdrawn = run_of(db, "DIAGNOSIS_OPD.csv")[0]
    import_runs.withdraw(db, withdrawn, "wrong agency")
    files_kept = (db, identity, other.with_suffix(".identity.sqlite"))
    unchanged = sha256(*files_kept)
    for params, message in (
            ({"RUN": 9999}, r"no import run 9999 .*\nrun 1: succeeded, health PERSON.csv"),
            ({"RUN": withdrawn}, "already withdrawn: withdrawn .* wrong agency"),
            ({"RUN": duplicate}, "nothing to withdraw: it was a duplicate"),
            ({"RUN": failed}, "nothing to withdraw: it failed"),
            ({"FILE_NAME": "DIAGNOSIS_OPD.csv"}, "no succeeded import of a file named"),
            ({"RUN": 1, "FILE_NAME": "HOME.csv"}, "import run 1 is PERSON.csv, not HOME.csv"),
            ({}, "give the run id"),
            ({"RUN": 1, "IDENTITY": str(other.with_suffix(".identity.sqlite"))},
             "not this database's identity file"),
            ({"RUN": 1, "REASON": "   "}, "give the reason")):
        with pytest.raises(QgsProcessingException, match=message):
            run_algorithm("withdrawimport", **{"DATABASE": str(db), "REASON": "test", **params})
        assert sha256(*files_kept) == unchanged, params


@pytest.mark.parametrize("checks", [0, 3])
def test_cancel_leaves_the_files_as_they_were(db, checks):
    identity = db.with_suffix(".identity.sqlite")
    unchanged = sha256(db, identity)
    with pytest.raises(Canceled):
        import_runs.withdraw(db, 1, "wrong file", feedback=CancelAfter(checks))
    assert sha256(db, identity) == unchanged
    assert query(db, "SELECT status FROM import_run WHERE fid = 1") == [("succeeded",)]


def test_cancel_through_processing_says_so(provider, db):
    import processing
    unchanged = sha256(db, db.with_suffix(".identity.sqlite"))
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Canceled: .* was left as it was"):
        processing.run("trafficking:withdrawimport", {"DATABASE": str(db), "RUN": 1,
                       "REASON": "wrong file"}, context=QgsProcessingContext(), feedback=feedback)
    assert sha256(db, db.with_suffix(".identity.sqlite")) == unchanged
