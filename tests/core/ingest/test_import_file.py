"""Import of the four sample agencies' files without QGIS: accounting, faults, privacy, all-or-nothing."""
import contextlib
import csv
import gzip
import json
import os
import re
import shutil
import sqlite3

import pytest
from conftest import CancelAfter
from trafficking_db.trafficking_plugin.core import create_database, database, schema
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.ingest import import_file, pseudonym, spec, validate
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.feedback import Canceled, NullFeedback

DATA_YEAR = 2024
VILLAGE_COLUMNS = {"VILLAGE", "รหัสหมู่บ้าน", "หมู่ที่", "village_code"}
# Reason phrases of the checks that the generator's faults map to one-to-one.
FAULT_REASONS = {
    "bad_check_digit": "fails the check digit",
    "impossible_date": "is not a calendar date",
    "duplicate_row": "exact copy of row",
    "era_confusion": "looks like a ",
    "future_year": "is after the data year",
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import_sample")
    manifest = generator.generate_sample_data(synthetic_province.synthetic_province(), folder / "files",
                                                scale=0.002, seed=1)
    return folder / "files", manifest


def new_database(path):
    create_database.create_or_upgrade(path, "50", {})
    return path


@pytest.fixture(scope="module")
def imported(sample, tmp_path_factory):
    """A database with every sample file imported once; returns (db, manifest, summaries)."""
    files, manifest = sample
    db = new_database(tmp_path_factory.mktemp("import_db") / "province.gpkg")
    summaries = {f["path"]: import_file.import_file(db, files / f["path"], f["source"], DATA_YEAR)
                 for f in manifest["files"]}
    return db, manifest, summaries


def query(db, sql, *args):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


def test_every_sample_file_imports_and_rows_add_up(imported):
    db, manifest, summaries = imported
    for entry in manifest["files"]:
        s = summaries[entry["path"]]
        assert s.status == "succeeded", s
        assert s.rows_read == entry["rows"]
        assert s.rows_read == s.rows_staged + s.rows_rejected
        stored = query(db, "SELECT status, rows_read, rows_staged, rows_rejected, data_year, source "
                       "FROM import_run WHERE fid = ?", s.run_id)
        assert stored == [("succeeded", s.rows_read, s.rows_staged, s.rows_rejected, 2024,
                           entry["source"])]
        staged = query(db, f'SELECT count(*) FROM "{s.staging_table}" WHERE import_run_id = ?',
                       s.run_id)[0][0]
        rejected = query(db, "SELECT count(DISTINCT row_number) FROM rejected_row WHERE import_run_id = ?",
                         s.run_id)[0][0]
        assert (staged, rejected) == (s.rows_staged, s.rows_rejected)
        numbers = query(db, f'SELECT row_number FROM "{s.staging_table}" WHERE import_run_id = ? '
                        "UNION SELECT row_number FROM rejected_row WHERE import_run_id = ?",
                        s.run_id, s.run_id)
        assert sorted(n for (n,) in numbers) == list(range(1, entry["rows"] + 1))   # no row lost


def test_injected_faults_are_the_rejections(imported):
    db, manifest, summaries = imported
    for entry in manifest["files"]:
        run_id = summaries[entry["path"]].run_id
        rows = query(db, "SELECT row_number, field, reason FROM rejected_row WHERE import_run_id = ?", run_id)
        found = {kind: len({n for n, _, r in rows if phrase in r}) for kind, phrase in FAULT_REASONS.items()}
        found["blank_village"] = len({n for n, f, r in rows if f in VILLAGE_COLUMNS and "empty" in r})
        expected = {k: v for k, v in entry["faults"].items() if k in found}
        assert {k: found[k] for k in expected} == expected, entry["path"]
        # Nothing else is rejected: the clean rows of the generator all stage.
        assert summaries[entry["path"]].rows_rejected == sum(expected.values()), entry["path"]


def test_codes_are_stored_as_found_and_dates_in_the_common_era(imported):
    db, _, _ = imported
    nations = {n for (n,) in query(db, "SELECT nationality FROM staging_health_person")}
    assert "099" in nations and "99" in nations      # leading-zero loss is the crosswalk's to map
    # Birth dates and years stay in the identity file; staging holds the age on 1 July.
    ages = query(db, "SELECT min(age), max(age) FROM staging_education_roster")[0]
    assert -1 <= ages[0] < ages[1] < 25
    ages = query(db, "SELECT min(age), max(age) FROM staging_family_welfare_member")[0]
    assert 0 <= ages[0] < ages[1] < 124
    births = [json.loads(n).get("birth_date") for (n,) in query(
        pseudonym.default_identity_path(db), "SELECT names FROM person_identity")]
    births = sorted(b for b in births if b)
    assert "1900-01-01" < births[0] < births[-1] < "2025-01-01"
    kinds = dict(query(db, "SELECT id_kind, count(*) FROM staging_education_roster GROUP BY id_kind"))
    assert kinds.get("g_code", 0) > 0 and kinds["thai_id"] > 0


def test_no_raw_id_name_birth_date_or_house_number_in_the_geopackage(imported, sample):
    db, _, _ = imported
    files, _ = sample
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as handle:
        truth = list(csv.DictReader(handle))
    names = {p[k] for p in truth for k in ("first_name", "last_name") if p[k]}
    ids = re.compile(r"[0-9]{13}|G[0-9]{12}")
    digest = re.compile(r"[0-9a-f]{32,}")   # pseudonyms and fingerprints: hex, digits by chance
    with contextlib.closing(sqlite3.connect(db)) as conn:
        # Every table but the GeoPackage's fixed CRS definitions (WGS 84 has a 16-digit constant).
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name <> 'gpkg_spatial_ref_sys'")]
        cells = 0
        for table in tables:
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            assert not columns & set(schema.IDENTIFYING_COLUMNS), table
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        cells += 1
                        assert digest.fullmatch(value) or not ids.search(value), (table, value)
                        assert value not in names and not names & set(value.split()), (table, value)
    assert cells > 10_000
    # ... while the identity file beside it holds them for the work list.
    identity = pseudonym.default_identity_path(db)
    held = {n for (n,) in query(identity, "SELECT names FROM person_identity")}
    assert any(truth[1]["first_name"] in n for n in held)


def test_rejected_birth_years_are_withheld_and_kept_in_the_identity_file(imported):
    """A mistyped birth year rejects its row; rejected_row names the field and the kind of
    mistake but neither the value nor a year from it; the identity file keeps the value."""
    db, _, _ = imported
    rows = query(db, "SELECT import_run_id, row_number, value, reason FROM rejected_row "
                     "WHERE field = 'birth_year'")
    assert len(rows) >= 5 and any("looks like a" in r[3] for r in rows)
    for _, _, value, reason in rows:
        assert value == import_file.WITHHELD
        assert not set(re.findall(r"\d{3,}", reason)) - {"2024", "2567"}, reason
    kept = dict(((run, row), value) for run, row, value in query(
        pseudonym.default_identity_path(db), "SELECT import_run_id, row_number, value FROM "
        "rejected_value WHERE field = 'birth_year'"))
    assert set(kept) == {(r[0], r[1]) for r in rows}
    assert all(re.fullmatch(r"[0-9]{4}", v) for v in kept.values())


def test_home_town_is_staged_from_the_raw_id(imported):
    """Digits 2-5 of a Thai ID (its registering district office): the only part of the raw ID
    staged, since the ID itself stays in the identity file."""
    db, _, summaries = imported
    identity = pseudonym.default_identity_path(db)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("ATTACH DATABASE ? AS identity", (str(identity),))
        for s in summaries.values():
            table = s.staging_table
            if "home_town" not in [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]:
                continue
            rows = conn.execute(
                f'SELECT s.id_kind, s.home_town, i.raw_id FROM "{table}" s LEFT JOIN '
                "identity.person_identity i ON i.import_run_id = s.import_run_id "
                "AND i.row_number = s.row_number").fetchall()
            towns = [(town, raw[1:5]) for kind, town, raw in rows if kind == "thai_id"]
            assert towns and all(town == digits and len(town) == 4 for town, digits in towns), table
            assert all(town is None for kind, town, _ in rows if kind != "thai_id"), table
    tables = {s.staging_table for s in summaries.values()}
    assert {"staging_health_person", "staging_education_roster", "staging_family_welfare_member",
            "staging_human_security_welfare_case"} <= tables
    kinds = dict(query(db, "SELECT id_kind, count(home_town) FROM staging_education_roster GROUP BY 1"))
    assert kinds["g_code"] == 0 and kinds["thai_id"] > 0


def test_one_person_has_one_key_across_agencies(imported):
    db, _, _ = imported
    health = {k for (k,) in query(db, "SELECT person_key FROM staging_health_person "
                                      "WHERE person_key NOT NULL")}
    members = {k for (k,) in query(db, "SELECT person_key FROM staging_family_welfare_member "
                                       "WHERE person_key NOT NULL")}
    assert len(health & members) > 0.9 * len(members)
    unlinked = query(db, "SELECT count(*) FROM staging_health_person WHERE person_key IS NULL "
                         "AND id_kind = 'none'")[0][0]
    assert unlinked > 0


def test_staging_tables_are_registered_and_documented(imported):
    db, _, _ = imported
    contents = dict(query(db, "SELECT table_name, data_type FROM gpkg_contents "
                              "WHERE table_name LIKE 'staging_%'"))
    assert set(contents) == {"staging_health_person", "staging_health_home", "staging_health_diagnosis_opd",
                             "staging_education_roster", "staging_human_security_welfare_case",
                             "staging_family_welfare_household", "staging_family_welfare_member"}
    assert set(contents.values()) == {"attributes"}
    undocumented = query(db, "SELECT count(*) FROM pragma_table_info('staging_health_person') p "
                         "WHERE NOT EXISTS "
                         "(SELECT 1 FROM gpkg_data_columns d WHERE d.table_name = 'staging_health_person' "
                         "AND d.column_name = p.name AND d.description <> '')")[0][0]
    assert undocumented == 0


def test_importing_the_same_file_again_adds_nothing(imported, sample):
    db, manifest, _ = imported
    files, _ = sample
    before = query(db, "SELECT count(*) FROM staging_health_home")
    again = import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR)
    assert again.status == "duplicate" and "already imported" in again.message
    assert query(db, "SELECT count(*) FROM staging_health_home") == before
    assert query(db, "SELECT status, rows_read FROM import_run WHERE fid = ?", again.run_id) == \
        [("duplicate", 0)]


def snapshot(db):
    """Every row of the data tables (import_run aside), and the identity file's."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name <> 'import_run' AND name NOT LIKE 'sqlite_%'")]
        data = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    identity = pseudonym.default_identity_path(db)
    data["identity"] = query(identity, "SELECT * FROM person_identity") if os.path.exists(identity) else []
    return data


def test_cancel_part_way_leaves_the_database_as_it_was(sample, tmp_path, monkeypatch):
    files, _ = sample
    db = new_database(tmp_path / "cancel.gpkg")
    import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR)
    before = snapshot(db)
    monkeypatch.setattr(import_file, "CHUNK_ROWS", 500)
    with pytest.raises(Canceled):
        import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR,
                             feedback=CancelAfter(3))
    assert snapshot(db) == before
    runs = query(db, "SELECT status, rows_read, rows_staged, rows_rejected, message FROM import_run "
                     "ORDER BY fid")
    assert [r[0] for r in runs] == ["succeeded", "canceled"]
    assert runs[1][1:4] == (0, 0, 0) and "nothing was added" in runs[1][4]
    # The canceled file can be imported afterwards: only succeeded runs count as done.
    assert import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR).status == \
        "succeeded"


def key_index(db):
    return query(pseudonym.default_identity_path(db), "SELECT name FROM sqlite_master WHERE "
                 "type = 'index' AND tbl_name = 'person_identity'")


def test_an_import_drops_the_identity_key_index_and_a_cancel_keeps_it(sample, tmp_path,
                                                                      monkeypatch):
    """Identities are appended without the person_key index (the look-ups build it once); a
    canceled import leaves the index as it was, with the rest."""
    files, _ = sample
    db = new_database(tmp_path / "index.gpkg")
    import_file.import_file(db, files / "health" / "HOME.csv", "health", DATA_YEAR)
    with contextlib.closing(sqlite3.connect(pseudonym.default_identity_path(db))) as conn, conn:
        assert pseudonym.index_identity(conn)
    assert key_index(db) == [("person_identity_key",)]
    monkeypatch.setattr(import_file, "CHUNK_ROWS", 500)
    with pytest.raises(Canceled):
        import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR,
                             feedback=CancelAfter(1))
    assert key_index(db) == [("person_identity_key",)]
    import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR)
    assert key_index(db) == []


class CrashAfter(NullFeedback):
    """Feedback whose progress report fails after ``chunks`` chunks: a crash part way."""

    def __init__(self, chunks):
        self.left = chunks + 1             # the first report says the header is read

    def setProgress(self, percent):  # noqa: N802
        self.left -= 1
        if self.left < 0:
            raise MemoryError("simulated crash")


def test_a_crash_part_way_is_rolled_back_and_recorded(sample, tmp_path, monkeypatch):
    files, _ = sample
    db = new_database(tmp_path / "crash.gpkg")
    before = snapshot(db)
    monkeypatch.setattr(import_file, "CHUNK_ROWS", 200)
    with pytest.raises(MemoryError):
        import_file.import_file(db, files / "health" / "PERSON.csv", "health", DATA_YEAR,
                                feedback=CrashAfter(4))     # the fifth chunk fails
    after = snapshot(db)
    assert after == before
    assert query(db, "SELECT status FROM import_run") == [("failed",)]


def test_files_are_recognised_by_their_header_not_their_name(sample, tmp_path):
    files, _ = sample
    db = new_database(tmp_path / "renamed.gpkg")
    renamed = tmp_path / "export_2024.txt"
    shutil.copy(files / "health" / "HOME.csv", renamed)
    assert import_file.import_file(db, renamed, "health", 2024).staging_table == "staging_health_home"
    with pytest.raises(import_file.ImportFailed, match="not a file of source 'education'"):
        import_file.import_file(db, files / "health" / "DIAGNOSIS_OPD.csv", "education", 2024)


def test_a_missing_database_is_refused(sample, tmp_path):
    files, _ = sample
    with pytest.raises(database.DatabaseError, match="createdatabase"):
        import_file.import_file(tmp_path / "none.gpkg", files / "health" / "HOME.csv", "health", 2024)


def test_custom_identity_path(sample, tmp_path):
    files, _ = sample
    db = new_database(tmp_path / "p.gpkg")
    identity = tmp_path / "elsewhere" / "ids.sqlite"
    identity.parent.mkdir()
    import_file.import_file(db, files / "human_security" / "welfare_cases.csv", "human_security", 2024,
                         identity_path=identity)
    assert query(identity, "SELECT count(*) FROM person_identity")[0][0] > 0
    assert not (tmp_path / "p.identity.sqlite").exists()


@pytest.mark.parametrize("text, key, message", [
    ("source: x\nfiles: {a: {columns: {C: {field: f, type: colour}}}}", "files.a.columns.C.type",
     "'colour' is not one of"),
    ("source: x\nfiles: {a: {columns: {C: {field: Bad Name}}}}", "files.a.columns.C.field", "lowercase"),
    ("source: x\nfiles: {a: {columns: {C: {field: f, calendar: thai}}}}", "files.a.columns.C.calendar",
     "not one of"),
    ("source: x\nfiles: {a: {columns: {C: {field: pid, type: thai_id}}}}", "files.a.columns.C.field",
     "person_key"),
    ("source: x\nfiles: {a: {match: {columns: [D]}, columns: {C: {field: f}}}}", "files.a.match.columns",
     "D not among"),
    ("source: x\nfiles: {a: {columns: {C: {field: f, identity: true, type: date}}}}",
     "files.a.columns.C.identity", "needs staged_as: age"),
    ("source: x\nfiles: {a: {columns: {C: {field: f, type: date, staged_as: age}}}}",
     "files.a.columns.C.staged_as", "only 'age'"),
    ("source: x\nfile: {}", "file", "unknown key"),
    ("source: x\nfiles: {a: {columns: {C: {field: home_town}}}}", "files.a.columns.C.field", "reserved"),
    ("source: [x", "", "not valid YAML"),
])
def test_spec_errors_name_the_file_and_key(tmp_path, text, key, message):
    path = tmp_path / "agency.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(spec.SpecError) as error:
        spec.load_spec(str(path))
    assert str(path) in str(error.value) and key in str(error.value) and message in str(error.value)


def test_shipped_specs_load_and_an_unknown_source_lists_them():
    assert spec.shipped_sources() == ["education", "family_welfare", "health", "human_security"]
    for source in spec.shipped_sources():
        assert spec.load_spec(source).source == source
    with pytest.raises(spec.SpecError, match="health"):
        spec.load_spec("police")


@pytest.mark.parametrize("text, calendar, expected", [
    ("20240229", "ce", ("2024-02-29", None)),
    ("20230229", "ce", (None, "February 2023 has 28 days")),
    ("29/02/2499", "be", ("1956-02-29", None)),         # B.E. 2499 = 1956, a leap year
    ("29/02/2500", "be", (None, "February 2500 has 28 days")),   # 1957 is not
    ("31/12/2499", "be", ("1956-12-31", None)),
    ("01/01/2500", "be", ("1957-01-01", None)),
    ("๑๕/๐๓/๒๕๖๗", "be", ("2024-03-15", None)),        # Thai digits
    ("15.3.2567", "auto", ("2024-03-15", None)),
    ("15/03/2024", "auto", ("2024-03-15", None)),
    ("45366", "be", ("2024-03-15", None)),              # Excel serial: already an absolute day
    ("2024-03-15", "ce", ("2024-03-15", None)),
    ("20240315093000", "ce", ("2024-03-15", None)),
    ("15/13/2567", "be", (None, "there is no month 13")),
    ("00/05/2567", "be", (None, "there is no day 0")),
    ("15/03/2024", "be", (None, "Common-Era year where a Buddhist-era")),
    ("25670315", "ce", (None, "Buddhist-era year where a Common-Era")),
    ("March 2024", "auto", (None, "is not a date")),
])
def test_dates(text, calendar, expected):
    value, reason = validate.parse_date(text.translate(validate.THAI_DIGITS), calendar,
                                        spec.DATE_FORMATS)
    assert value == expected[0]
    assert (reason is None) if expected[1] is None else expected[1] in reason


def test_ids_are_checked_and_masked():
    assert validate.parse_id("1-1017-00203-45-0", "thai_id") == (("thai_id", "1101700203450"), None)
    assert validate.parse_id("", "thai_id") == (("none", ""), None)
    value, reason = validate.parse_id("1101700203451", "thai_id")
    assert value is None and reason == "ID *********3451 fails the check digit (a digit mistyped?)"
    assert validate.parse_id("G50123456789", "thai_id")[1] == "ID ********6789 is not a 13-digit Thai ID"
    assert validate.parse_id("G501234567890", "person_id")[0] == ("g_code", "G501234567890")
    assert validate.parse_id("๑๑๐๑๗๐๐๒๐๓๔๕๐", "thai_id")[0] == ("thai_id", "1101700203450")


def test_person_key_is_keyed_and_never_looks_like_an_id(tmp_path):
    secret = pseudonym.load_secret(tmp_path / "a.sqlite")
    assert pseudonym.load_secret(tmp_path / "a.sqlite") == secret          # made once, then kept
    assert pseudonym.load_secret(tmp_path / "b.sqlite") != secret           # another province
    key = pseudonym.person_key(secret, "1101700203450")
    assert re.fullmatch(r"[a-p]{32}", key)                                  # letters only
    assert key != pseudonym.person_key(pseudonym.load_secret(tmp_path / "b.sqlite"), "1101700203450")


@pytest.mark.parametrize("secret", [b"k" * 32, bytes(range(64)), b"long" * 40, b""])
def test_person_keys_are_the_standard_hmac_sha256(secret):
    """The keyer's own RFC 2104 construction gives what the standard library's HMAC gives."""
    import hashlib
    import hmac
    ids = ["1101700203450", "G501234567890", "3500112345678"]
    expected = [hmac.new(secret, i.encode("ascii"), hashlib.sha256).digest()[:16].hex()
                .translate(str.maketrans("0123456789", "ghijklmnop")) for i in ids]
    keyer = pseudonym.person_keyer(secret)
    assert keyer.many(ids) == expected and [keyer(i) for i in ids] == expected
    assert keyer.many([]) == []


def test_manifest_lists_the_sources_of_the_specs(sample):
    _, manifest = sample
    assert {f["source"] for f in manifest["files"]} == set(spec.shipped_sources())
