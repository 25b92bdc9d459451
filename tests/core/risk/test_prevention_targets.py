"""trafficking:preventiontargets: the ranking by hand, pseudonyms by default, names and addresses
only from the right identity file, never into the province database.

Until trafficking:scoreriskindex fills them, risk_person and risk_village are filled here by SQL
with scores chosen so the expected work list is known by hand.
"""
import contextlib
import csv
import gzip
import shutil
import sqlite3

import pytest
from conftest import copy_database
from qgis.core import QgsProcessingException, QgsVectorLayer

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.ingest import pseudonym
from trafficking_db.trafficking_plugin.core.risk import prevention_targets

INDICATORS = (("I01", "No legal status", "ไม่มีสถานะทางทะเบียน"),
              ("I05", "Out of school", "ไม่ได้เรียนหนังสือ"),
              ("I09", "Teen pregnancy", "ตั้งครรภ์ในวัยรุ่น"))
HIGH_DRIVERS, MEDIUM_DRIVERS = "I01 I05", "I09"


@pytest.fixture(scope="module")
def scored(imported_sample, tmp_path_factory):
    """The sample database crosswalked and scored by hand. Every person is low (index 1.2)
    except in three villages: big (most persons) has 4 high; small has 3 high and 2 medium;
    middle (more persons than small) has 3 high and one unscored person. Returns the database,
    the sample files folder and a dict of the plan."""
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("targets"))
    crosswalk.run_crosswalk(db, 2024)
    with contextlib.closing(database.connect(db)) as conn:     # its triggers need the ST_ functions
        conn.execute("BEGIN")
        conn.executemany("INSERT OR REPLACE INTO indicator (code, name_en, name_th) VALUES (?, ?, ?)",
                         INDICATORS)
        conn.execute(
            "INSERT INTO risk_person (person_key, data_year, age, age_band, sex, village_code, "
            "subdistrict_code, district_code, coverage, risk_index, risk_class) SELECT person_key, "
            "data_year, age, 'unknown', sex, "
            "village_code, subdistrict_code, district_code, 10, 1.2, 'low' FROM person "
            "WHERE data_year = 2024")
        counts = conn.execute("SELECT village_code, count(*) FROM risk_person WHERE village_code "
                              "IS NOT NULL GROUP BY 1 HAVING count(*) >= 6 ORDER BY 2, 1").fetchall()
        small, middle, big = counts[0][0], counts[len(counts) // 2][0], counts[-1][0]
        assert counts[0][1] < counts[len(counts) // 2][1]   # small's share of 3 beats middle's

        def keys(village):
            return [k for (k,) in conn.execute("SELECT person_key FROM risk_person WHERE "
                                               "village_code = ? ORDER BY person_key", (village,))]

        def score(key, risk_class, index, drivers="", i01=None, i05=None, i09=None):
            conn.execute("UPDATE risk_person SET risk_class = ?, risk_index = ?, drivers = ?, "
                         "i01 = ?, i05 = ?, i09 = ? WHERE person_key = ? AND data_year = 2024",
                         (risk_class, index, drivers or None, i01, i05, i09, key))

        high = dict(drivers=HIGH_DRIVERS, i01=3, i05=3)
        b, s, m = keys(big), keys(small), keys(middle)
        for key, index in zip(b, (2.5, 2.6, 2.8, 2.4)):
            score(key, "high", index, **high)
        for key, index in zip(s, (2.7, 2.9, 2.7)):          # a tie at 2.7: person_key decides
            score(key, "high", index, **high)
        score(s[3], "medium", 1.9, MEDIUM_DRIVERS, i09=2)
        score(s[4], "medium", 2.0, MEDIUM_DRIVERS, i09=2)
        for key, index in zip(m, (2.2, 2.3, 2.1)):
            score(key, "high", index, **high)
        score(m[3], None, None)                              # counted, not scored
        conn.execute(
            "INSERT INTO risk_village (geom, code, name_th, data_year, persons_scored, "
            "persons_high, share_high, mean_index, risk_class, drivers) SELECT v.geom, v.code, "
            "v.name_th, 2024, count(r.risk_index), sum(r.risk_class = 'high'), "
            "1.0 * sum(r.risk_class = 'high') / count(r.risk_index), avg(r.risk_index), "
            "CASE WHEN sum(r.risk_class = 'high') > 0 THEN 'high' ELSE 'medium' END, "
            "CASE WHEN sum(r.risk_class = 'high') > 0 THEN ? END FROM village v "
            "JOIN risk_person r ON r.village_code = v.code AND r.data_year = 2024 GROUP BY v.code",
            (HIGH_DRIVERS,))
        green = conn.execute("SELECT min(code) FROM risk_village WHERE persons_high = 0").fetchone()[0]
        conn.execute("UPDATE risk_village SET risk_class = 'low' WHERE code = ?", (green,))
        conn.execute("COMMIT")
    plan = {"big": big, "small": small, "middle": middle, "green": green,
            # By hand: index descending, then person_key; medium fills small's fourth place.
            "persons": {big: [b[2], b[1], b[0], b[3]], small: [s[1], s[0], s[2], s[4]],
                        middle: [m[1], m[0], m[2]]}}
    return db, files, plan


def identity_of(db):
    return db.with_suffix(".identity.sqlite")


def test_villages_rank_by_high_count_then_share_and_persons_high_first(scored):
    db, _, plan = scored
    found = prevention_targets.work_list(db, 2024, villages=5, persons_per_village=4)
    villages = found.villages
    # 4 high beats 3; of the two with 3, the smaller village has the larger share.
    assert [v["code"] for v in villages[:3]] == [plan["big"], plan["small"], plan["middle"]]
    assert [v["persons_high"] for v in villages] == [4, 3, 3, 0, 0]
    assert villages[1]["share_high"] > villages[2]["share_high"]
    assert villages[0]["drivers"] == HIGH_DRIVERS
    assert villages[0]["drivers_en"] == "No legal status; Out of school"
    assert villages[0]["drivers_th"] == "ไม่มีสถานะทางทะเบียน; ไม่ได้เรียนหนังสือ"
    assert villages[0]["subdistrict_name"] and villages[0]["district_name"]
    assert villages[0]["x"] is not None
    # The rest tie on count, share and mean index (1.2, whatever float noise their different
    # sizes leave in an average: 1.1999999999999997 for ten persons): the code decides.
    assert villages[3]["code"] < villages[4]["code"]
    rest = prevention_targets.work_list(db, 2024, villages=10_000, persons_per_village=0).villages[3:]
    sizes = {v["persons_scored"] for v in rest}
    assert min(sizes) < 10 <= max(sizes)               # averages both exact and noisy
    assert [v["code"] for v in rest] == sorted(v["code"] for v in rest)
    assert plan["green"] not in [v["code"] for v in rest]     # the map's green is never listed

    persons = found.persons
    for village in villages[:3]:
        listed = [p["person_key"] for p in persons if p["village_code"] == village["code"]]
        assert listed == plan["persons"][village["code"]]
    assert not [p for p in persons if p["village_rank"] > 3]       # low persons are not invited
    small = [p for p in persons if p["village_code"] == plan["small"]]
    assert [p["rank"] for p in small] == [1, 2, 3, 4]
    assert [p["selection"] for p in small][:3] == ["high"] * 3
    assert small[3]["selection"].startswith("medium: only 3 high-risk")
    assert small[0]["why"] == "I01 No legal status: 3; I05 Out of school: 3"
    assert small[3]["why_th"] == "I09 ตั้งครรภ์ในวัยรุ่น: 2"
    assert all("name" not in p and "address" not in p for p in persons)
    assert found.resolved is False


def test_a_year_without_scores_says_to_score_first(scored):
    db, _, _ = scored
    with pytest.raises(prevention_targets.TargetsError, match=r"no risk scores for data year 2023 \(B.E. "
                       "2566\\): run trafficking:scoreriskindex first"):
        prevention_targets.work_list(db, 2023)


def _truth(files, secret):
    """person_key -> truth row of the synthetic person, keyed with the database's secret."""
    keyer = pseudonym.person_keyer(secret)
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        return {keyer(row["id"]): row for row in csv.DictReader(f) if row["id"]}


def _houses(files):
    with open(files / "health" / "HOME.csv", encoding="utf-8") as f:
        return {(row["HOSPCODE"], row["HID"]): row["HOUSE"] for row in csv.DictReader(f)}


def test_the_identity_file_resolves_names_and_addresses_to_the_truth(scored):
    db, files, plan = scored
    found = prevention_targets.work_list(db, 2024, villages=3, persons_per_village=4,
                              identity_path=identity_of(db))
    truth = _truth(files, pseudonym.load_secret(identity_of(db)))
    houses = _houses(files)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        villages = {code: (moo, name) for code, moo, name in
                    conn.execute("SELECT code, moo, name_th FROM village")}
    assert found.resolved and len(found.persons) == 11
    from_health = 0
    for person in found.persons:
        real = truth[person["person_key"]]
        # Some persons have one name only (e.g. Myanmar names): no trailing space then.
        assert person["name"] == " ".join(n for n in (real["first_name"], real["last_name"]) if n)
        moo, village_name = villages[person["village_code"]]
        assert f"หมู่ {moo} {village_name} ต." in person["address"]
        if person["address_source"] == "health home file":
            from_health += 1
            assert person["address"].startswith(houses[(real["hospcode"], real["hid"])] + " หมู่ ")
    assert from_health >= 6


def _replace_secret(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE secret SET key = ?", ("ab" * 32,))


def _another_province(path):
    path.unlink()
    secret = pseudonym.load_secret(path)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO person_identity VALUES (?, 'health', 'thai_id', ?, '{}', 1, 1)",
                     (pseudonym.person_key(secret, "1100400012345"), "1100400012345"))


@pytest.mark.parametrize("spoil", [_replace_secret, _another_province])
def test_a_wrong_identity_file_is_refused(scored, tmp_path, spoil):
    """The database keeps its identity file's fingerprint: a changed secret or another
    province's file is refused before any name is read."""
    db, _, _ = scored
    wrong = tmp_path / "wrong.identity.sqlite"
    shutil.copy(identity_of(db), wrong)
    spoil(wrong)
    with pytest.raises(pseudonym.IdentityError, match="not this database's identity file"):
        prevention_targets.work_list(db, 2024, villages=3, persons_per_village=4, identity_path=wrong)


def _layer(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer


def test_through_processing_pseudonyms_then_names(run_algorithm, scored, tmp_path):
    db, _, plan = scored
    common = dict(DATABASE=str(db), DATA_YEAR=2567, VILLAGES=3, PERSONS_PER_VILLAGE=4)
    result = run_algorithm("preventiontargets", **common,
                           OUTPUT_VILLAGES=str(tmp_path / "villages.gpkg"),
                           OUTPUT_PERSONS=str(tmp_path / "persons.gpkg"))
    villages = _layer(result["OUTPUT_VILLAGES"])
    rows = sorted((f["rank"], f["code"], f["persons_listed"], f.geometry().asPoint().x() != 0)
                  for f in villages.getFeatures())
    assert rows == [(1, plan["big"], 4, True), (2, plan["small"], 4, True),
                    (3, plan["middle"], 3, True)]
    persons = _layer(result["OUTPUT_PERSONS"])
    assert "name" not in persons.fields().names() and "address" not in persons.fields().names()
    assert persons.featureCount() == 11

    result = run_algorithm("preventiontargets", **common, IDENTITY=str(identity_of(db)),
                           OUTPUT_VILLAGES="TEMPORARY_OUTPUT",
                           OUTPUT_PERSONS=str(tmp_path / "named.gpkg"))
    named = list(_layer(result["OUTPUT_PERSONS"]).getFeatures())
    assert len(named) == 11 and all(f["name"] and f["address"] for f in named)


@pytest.mark.parametrize("output", ["{db}", "{db}|layername=persons",
                                    "ogr:dbname='{db}' table=\"persons\" (geom)"])
def test_output_into_the_province_database_is_refused(run_algorithm, scored, output):
    db, _, _ = scored
    with contextlib.closing(sqlite3.connect(db)) as conn:
        before = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    with pytest.raises(QgsProcessingException, match="never into the province database"):
        run_algorithm("preventiontargets", DATABASE=str(db), DATA_YEAR=2024,
                      IDENTITY=str(identity_of(db)), OUTPUT_VILLAGES="TEMPORARY_OUTPUT",
                      OUTPUT_PERSONS=output.format(db=db))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == before


def test_an_unscored_year_through_processing(run_algorithm, scored):
    db, _, _ = scored
    with pytest.raises(QgsProcessingException, match="run trafficking:scoreriskindex first"):
        run_algorithm("preventiontargets", DATABASE=str(db), DATA_YEAR=2023,
                      OUTPUT_VILLAGES="TEMPORARY_OUTPUT", OUTPUT_PERSONS="TEMPORARY_OUTPUT")


def test_cancel_stops_the_work_list(scored):
    from conftest import CancelAfter
    from trafficking_db.trafficking_plugin.core.feedback import Canceled

    db, _, _ = scored
    with pytest.raises(Canceled):
        prevention_targets.work_list(db, 2024, identity_path=identity_of(db), feedback=CancelAfter(1))


def _key_index(identity):
    with contextlib.closing(sqlite3.connect(identity)) as conn:
        return conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                            "tbl_name = 'person_identity'").fetchall()


def test_the_identity_key_index_is_built_by_the_first_look_up(scored, tmp_path):
    """Imports drop the person_key index (test_import_core); the work list builds it once,
    and a read-only identity file is looked up without it."""
    db = copy_database(scored[0], tmp_path)
    with contextlib.closing(sqlite3.connect(identity_of(db))) as conn, conn:
        pseudonym.drop_key_index(conn)
    assert _key_index(identity_of(db)) == []
    path = str(identity_of(db))
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as read_only:
        assert pseudonym.index_identity(read_only) is False
    found = prevention_targets.work_list(db, 2024, villages=3, persons_per_village=4,
                              identity_path=identity_of(db))
    assert found.resolved and _key_index(identity_of(db)) == [("person_identity_key",)]


def _sheet_xml(path):
    import zipfile
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist()
                       if n.startswith(("xl/worksheets/", "xl/sharedStrings", "content.xml")))


def test_a_named_list_for_a_spreadsheet_neutralises_formulas(run_algorithm, scored, tmp_path):
    """A name in an agency file that reads =HYPERLINK(...) and a village named of:=... (GDAL's
    ODS writer would make that a live formula): in .csv, .xlsx and .ods outputs they are text
    with an apostrophe and no cell is a formula; a negative number stays a number. A GeoPackage
    keeps the values as they are."""
    from openpyxl import load_workbook
    db, _, _ = scored
    db = copy_database(db, tmp_path)
    evil, village = '=HYPERLINK("http://x")', "of:=1+2"
    with contextlib.closing(sqlite3.connect(identity_of(db))) as conn, conn:
        conn.execute("UPDATE person_identity SET names = json_object('first_name', ?, "
                     "'last_name', '')", (evil,))
    with contextlib.closing(database.connect(db)) as conn, conn:   # its triggers need ST_ functions
        conn.execute("UPDATE village SET name_th = ?", (village,))
        conn.execute("UPDATE risk_person SET age = -3 WHERE data_year = 2024")
    common = dict(DATABASE=str(db), DATA_YEAR=2024, VILLAGES=3, PERSONS_PER_VILLAGE=4,
                  IDENTITY=str(identity_of(db)), OUTPUT_VILLAGES="TEMPORARY_OUTPUT")
    out = {ext: run_algorithm("preventiontargets", **common,
                              OUTPUT_PERSONS=str(tmp_path / f"named.{ext}"))["OUTPUT_PERSONS"]
           for ext in ("csv", "xlsx", "ods", "gpkg")}

    with open(tmp_path / "named.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 11
    assert {(r["name"], r["village_name"], r["age"]) for r in rows} == {("'" + evil, "'" + village, "-3")}

    xml = _sheet_xml(tmp_path / "named.xlsx")
    assert "<f>" not in xml and "<f " not in xml
    sheet = load_workbook(tmp_path / "named.xlsx").active
    header = [c.value for c in sheet[1]]
    body = list(sheet.iter_rows(min_row=2))
    assert len(body) == 11
    for row in body:
        name, age = row[header.index("name")], row[header.index("age")]
        assert (name.value, name.data_type) == ("'" + evil, "s")
        assert (age.value, age.data_type) == (-3, "n")
        assert row[header.index("village_name")].value == "'" + village

    xml = _sheet_xml(tmp_path / "named.ods")
    assert "table:formula" not in xml
    assert "&apos;of:=1+2" in xml or "'of:=1+2" in xml
    assert 'office:value-type="float" office:value="-3"' in xml
    ods = [f for f in _layer(out["ods"]).getFeatures()]
    assert len(ods) == 11 and {f["name"] for f in ods} == {"'" + evil}

    kept = list(_layer(out["gpkg"]).getFeatures())
    assert {(f["name"], f["village_name"], f["age"]) for f in kept} == {(evil, village, -3)}
