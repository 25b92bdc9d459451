"""trafficking:importactivities: accounting, reasons, duplicates refused, the sample's shift."""
import contextlib
import sqlite3

import pytest
from conftest import copy_database
from qgis.core import QgsProcessingException

from trafficking_db.trafficking_plugin.core.risk import activities
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.sample import cases


@pytest.fixture()
def db(imported_sample, tmp_path):
    files, _, source = imported_sample
    target = copy_database(source, tmp_path)
    cases.load_sample(target, files)
    return target


def _villages(db, n):
    with sqlite3.connect(db) as conn:
        return [c for (c,) in conn.execute("SELECT code FROM village ORDER BY code LIMIT ?", (n,))]


def test_hand_built_file_every_row_accounted(db, tmp_path, run_algorithm):
    v1, v2 = _villages(db, 2)
    with sqlite3.connect(db) as conn:
        org = conn.execute("SELECT fid, name FROM organization ORDER BY fid").fetchone()
    path = tmp_path / "acts.csv"
    path.write_text(
        "activity_date,village_code,kind,topic,organization,participants\n"
        f"15/03/2567,{v1},training,Safe work,{org[1]},25\n"          # 1 accepted, org linked
        f"2024-04-02,{v2},อบรม,Safe work,Somebody new,10\n"          # 2 Thai kind, org by name only
        f"16/03/2567,99999999,training,x,,5\n"                       # 3 unknown village
        f"17/03/2567,{v1},picnic,x,,5\n"                             # 4 unknown kind
        f"18/03/2567,{v1},awareness,x,,-3\n"                         # 5 negative participants
        f"15/03/2567,{v1},training,Other topic,{org[1]},30\n"        # 6 same activity as row 1
        f"01/01/2568,{v1},training,x,,5\n",                          # 7 after the data year
        encoding="utf-8")
    result = run_algorithm("importactivities", DATABASE=str(db), INPUT=str(path), DATA_YEAR=2567)
    assert (result["ROWS_READ"], result["ROWS_STAGED"], result["ROWS_REJECTED"],
            result["ACTIVITIES"]) == (7, 2, 5, 2)
    with sqlite3.connect(db) as conn:
        rejected = dict(conn.execute("SELECT row_number, field FROM rejected_row WHERE "
                                     "import_run_id = ?", (result["RUN_ID"],)))
        rows = conn.execute("SELECT village_code, data_year, activity_date, kind, organization_id, "
                            "organization_name, participants, row_number FROM activity "
                            "ORDER BY row_number").fetchall()
        reasons = [r for (r,) in conn.execute("SELECT reason FROM rejected_row WHERE "
                                              "import_run_id = ?", (result["RUN_ID"],))]
    assert rejected == {3: "village_code", 4: "kind", 5: "participants", 6: "activity_date",
                        7: "activity_date"}
    assert any("same activity" in r and "row 1" in r for r in reasons)
    assert rows == [(v1, 2024, "2024-03-15", "training", org[0], org[1], 25, 1),
                    (v2, 2024, "2024-04-02", "training", None, "Somebody new", 10, 2)]
    # The same file again is refused whole; a new file repeating row 1 has it rejected.
    again = run_algorithm("importactivities", DATABASE=str(db), INPUT=str(path), DATA_YEAR=2567)
    assert again["STATUS"] == "duplicate" and again["ACTIVITIES"] == 0
    other = tmp_path / "more.csv"
    other.write_text("activity_date,village_code,kind,organization\n"
                     f"15/03/2567,{v1},Training,{org[1]}\n", encoding="utf-8")
    result = run_algorithm("importactivities", DATABASE=str(db), INPUT=str(other), DATA_YEAR=2567)
    assert (result["ROWS_STAGED"], result["ROWS_REJECTED"]) == (0, 1)


def test_a_failed_import_leaves_the_database_as_it_was(db, tmp_path, run_algorithm):
    path = tmp_path / "wrong.csv"
    path.write_text("date,place\n1,2\n", encoding="utf-8")
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
    with pytest.raises(QgsProcessingException, match="activity_date"):
        run_algorithm("importactivities", DATABASE=str(db), INPUT=str(path), DATA_YEAR=2567)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == before


def test_sample_activities_import_and_shift_south(imported_sample, db, run_algorithm):
    files, manifest, _ = imported_sample
    entry = manifest["activities"]
    assert entry["years"] == [2022, 2023, 2024]
    result = run_algorithm("importactivities", DATABASE=str(db), INPUT=str(files / entry["path"]),
                           DATA_YEAR=2567)
    assert result["ROWS_READ"] == entry["rows"]
    assert result["ROWS_REJECTED"] == sum(entry["faults"].values()) == 3
    assert result["ACTIVITIES"] == 3 * entry["per_year"] - 2    # two faulty rows; the copy is extra
    with contextlib.closing(database.connect(db)) as conn:     # ST_MinY
        rejected = {r for (r,) in conn.execute("SELECT row_number FROM rejected_row WHERE "
                                               "import_run_id = ?", (result["RUN_ID"],))}
        mean_lat = dict(conn.execute(
            "SELECT a.data_year, avg(ST_MinY(v.geom)) FROM activity a JOIN village v ON "
            "v.code = a.village_code GROUP BY a.data_year"))
    assert rejected == set(entry["fault_rows"].values())
    assert mean_lat[2022] > mean_lat[2023] > mean_lat[2024]      # north to south


def test_kind_words():
    assert activities.kind_code("Home visit") == "home_visit"
    assert activities.kind_code("เยี่ยมบ้าน") == "home_visit"
    assert activities.kind_code("party") is None
