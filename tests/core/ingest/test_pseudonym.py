"""The identity file: bound to its database, owner-only, never the database itself, and kept
consistent with the database when a crash falls between their two commits (WAL mode too)."""
import contextlib
import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest
from conftest import PYTHONPATH
from trafficking_db.trafficking_plugin.core import create_database, database, schema
from trafficking_db.trafficking_plugin.core.ingest import import_file, pseudonym
from trafficking_db.trafficking_plugin.sample import generator, synthetic_province

DATA_YEAR = 2024


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("identity_sample") / "files"
    generator.generate_sample_data(synthetic_province.synthetic_province(), folder, scale=0.002,
                                   seed=2)
    return folder


def new_database(path):
    create_database.create_or_upgrade(path, "50", {})
    return path


def digest(*paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def test_the_database_keeps_its_identity_files_fingerprint(files, tmp_path):
    db = new_database(tmp_path / "province.gpkg")
    import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR)
    identity = tmp_path / "province.identity.sqlite"
    secret = pseudonym.load_secret(identity)
    with database.reading(db) as conn:
        stored = schema.get_info(conn, pseudonym.FINGERPRINT_KEY)
    assert stored == pseudonym.fingerprint(secret) and secret.hex() not in stored
    assert stat.S_IMODE(os.stat(identity).st_mode) == 0o600          # owner only


def test_a_new_or_wrong_identity_file_is_refused_once_persons_are_in(files, tmp_path):
    db = new_database(tmp_path / "province.gpkg")
    import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR)
    before = digest(db, tmp_path / "province.identity.sqlite")
    # A re-export imported with a new identity path would give every person a second pseudonym.
    with pytest.raises(pseudonym.IdentityError, match="does not exist, but .* was imported with one"):
        import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR,
                                identity_path=tmp_path / "new.identity.sqlite")
    assert not (tmp_path / "new.identity.sqlite").exists()
    # Another database's identity file.
    (tmp_path / "other").mkdir()
    other = new_database(tmp_path / "other" / "province.gpkg")
    import_file.import_file(other, files / "health" / "HOME.csv", "health", DATA_YEAR)
    with pytest.raises(pseudonym.IdentityError, match="not this database's identity file"):
        import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR,
                                identity_path=tmp_path / "other" / "province.identity.sqlite")
    # The database moved without its identity file.
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "province.gpkg").write_bytes(db.read_bytes())
    with pytest.raises(pseudonym.IdentityError, match="does not exist"):
        import_file.import_file(moved / "province.gpkg", files / "health" / "HOME.csv", "health",
                                DATA_YEAR)
    after = digest(db, tmp_path / "province.identity.sqlite")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        failed = conn.execute("SELECT count(*) FROM import_run WHERE status = 'failed'").fetchone()
    assert failed == (0,) and after == before       # refused before anything was written


def test_the_database_itself_is_never_its_identity_file(files, tmp_path):
    db = new_database(tmp_path / "province.gpkg")
    before = digest(db)
    with pytest.raises(pseudonym.IdentityError, match="is the province database itself"):
        import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR,
                                identity_path=db)
    assert digest(db) == before
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'secret'").fetchone()


CRASH = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {pythonpath!r})
    from trafficking_db.trafficking_plugin.core import database
    from trafficking_db.trafficking_plugin.core.ingest import import_file

    real = database.connect

    class Dying:
        # The identity file's connection: the process dies right after it commits identities.
        def __init__(self, conn):
            self.conn, self.wrote = conn, False
        def executemany(self, sql, rows):
            self.wrote = self.wrote or sql.startswith("INSERT INTO person_identity")
            return self.conn.executemany(sql, rows)
        def execute(self, sql, *args):
            result = self.conn.execute(sql, *args)
            if sql == "COMMIT" and self.wrote:
                os._exit(9)
            return result
        def __getattr__(self, name):
            return getattr(self.conn, name)

    def connect(path, **kwargs):
        conn = real(path, **kwargs)
        return Dying(conn) if str(path).endswith(".identity.sqlite") else conn

    database.connect = connect
    import_file.import_file({db!r}, {path!r}, "health", 2024)
""")


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_crash_between_the_two_commits_is_repaired_by_the_next_import(files, tmp_path, journal):
    """QGIS switches a GeoPackage to WAL whenever a layer of it is open: its commit and the
    identity file's are then not one. The identity file commits first; killed right after it,
    the database has no succeeded run, and the next import removes the orphaned identities."""
    db = new_database(tmp_path / "province.gpkg")
    identity = tmp_path / "province.identity.sqlite"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute(f"PRAGMA journal_mode = {journal}").fetchone() == (journal,)
    person = files / "health" / "PERSON.csv"
    crash = subprocess.run([sys.executable, "-c", CRASH.format(
        pythonpath=str(PYTHONPATH), db=str(db), path=str(person))], capture_output=True, text=True)
    assert crash.returncode == 9, crash.stderr
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM import_run WHERE status = 'succeeded'"
                            ).fetchone() == (0,)
    with contextlib.closing(sqlite3.connect(identity)) as conn:
        orphans = conn.execute("SELECT count(*) FROM person_identity").fetchone()[0]
    assert orphans > 0                                 # the identity file committed alone
    summary = import_file.import_file(db, person, "health", DATA_YEAR)     # not "already imported"
    assert summary.status == "succeeded"
    with contextlib.closing(sqlite3.connect(identity)) as conn:
        runs = conn.execute("SELECT DISTINCT import_run_id FROM person_identity").fetchall()
        rows = conn.execute("SELECT count(*) FROM person_identity").fetchone()[0]
    assert runs == [(summary.run_id,)] and rows == orphans
