"""Sin space: coordinates, placing, accounting, all-or-nothing, scoring, village distances."""
import hashlib
import math
import sqlite3
import struct
import warnings

import pytest
from conftest import CancelAfter, province_units
from trafficking_db.trafficking_plugin.core import create_database, wkb
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.ingest import import_file
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.sin_space import establishments, catalogue
from trafficking_db.trafficking_plugin.core.sin_space import coordinates as geo
from trafficking_db.trafficking_plugin.core.feedback import Canceled

HEADER = ("survey_id,name,type,licence_status,workers,minors_observed,foreign_workers,complaints,"
          "inspections,rescues,case_refs,survey_date,latitude,longitude,coordinates,utm_easting,"
          "utm_northing,utm_zone,village_code,owner_holds_documents,customer_asked_for_young\n")
VILLAGES = {"50010101": (98.825, 18.625), "50030201": (99.075, 18.675)}


def village(code, lon, lat):
    return {"wkb": struct.pack("<BI2d", 1, 1, lon, lat), "bbox": (lon, lat, lon, lat), "code": code,
            "name_th": "บ้านทดสอบ", "moo": int(code[-2:]), "subdistrict_code": code[:6],
            "district_code": code[:4], "province_code": "50", "location_source": "test"}


@pytest.fixture()
def db(tmp_path):
    """The synthetic province (98.8-99.1 E, 18.6-18.7 N) with two villages."""
    units = province_units(synthetic_province.synthetic_province())
    units["village"] = [village(code, *point) for code, point in VILLAGES.items()]
    path = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(path, "50", units)
    return path


def survey(tmp_path, *rows, name="survey.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def rows(db, sql, *args):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


# -- coordinates ---------------------------------------------------------------------------

DMS_POINT = (98 + 59 / 60 + 10.2 / 3600, 18 + 47 / 60 + 20.5 / 3600)


@pytest.mark.parametrize("text", [
    "18°47'20.5\"N 98°59'10.2\"E", "N18°47'20.5\" E98°59'10.2\"", "18 47 20.5 N 98 59 10.2 E",
    "๑๘°๔๗'๒๐.๕\"N ๙๘°๕๙'๑๐.๒\"E", "98°59'10.2\"E 18°47'20.5\"N", "18 47 20.5, 98 59 10.2",
    "18°47′20.5″N 98°59′10.2″E"])
def test_dms_in_every_spelling_gives_the_same_point(text):
    point, kind, why = geo.parse_pair(text)
    assert why is None and kind == "dms"
    assert point == pytest.approx(DMS_POINT, abs=1e-9)


def test_decimal_pair_and_decimal_minutes():
    assert geo.parse_pair("18.78903, 98.98617")[:2] == ((98.98617, 18.78903), "decimal_degrees")
    assert geo.parse_pair("18°47.5'N 98°59.25'E")[0] == pytest.approx((98.9875, 18 + 47.5 / 60))


@pytest.mark.parametrize("text, words", [
    ("18°77'20\"N 98°59'10\"E", "77 minutes is not less than 60"),
    ("abc", "is not a coordinate pair"), ("18°47'20\"N", "N/S/E/W"),
    ("18 47 20", "is not a coordinate pair")])
def test_unreadable_pairs_say_why(text, words):
    point, _, why = geo.parse_pair(text)
    assert point is None and words in why


def test_utm_against_pyproj_and_by_hand():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pyproj
    for zone, easting, northing in [(47, 498000, 2077000), (47, 720000, 2200000), (48, 250000, 1900000)]:
        to_lonlat = pyproj.Transformer.from_crs(32600 + zone, 4326, always_xy=True)
        expected = to_lonlat.transform(easting, northing)
        point, kind, why = geo.parse_utm(easting, northing, f"{zone}N")
        assert why is None and kind == f"utm{zone}n"
        assert point == pytest.approx(expected, abs=1e-9)             # well under a millimetre
        assert geo.lonlat_to_utm(*expected, zone)[:2] == pytest.approx((easting, northing), abs=1e-6)
    # By hand: on the central meridian the easting is 500 km, and the equator has northing 0.
    assert geo.utm_to_lonlat(500000, 0, 47) == pytest.approx((99.0, 0.0), abs=1e-12)
    assert geo.parse_zone("47Q") == (47, None) and geo.parse_zone("๔๘") == (48, None)
    assert "zones 47 and 48" in geo.parse_zone("46N")[1]
    assert "south of the equator" in geo.parse_zone("47M")[1]


def test_haversine_by_hand():
    # One degree of latitude on the mean-radius sphere: 2 pi R / 360.
    assert geo.great_circle_km(99, 18, 99, 19) == pytest.approx(2 * math.pi * 6371.0088 / 360)


# -- import: formats, fallback, rejections, accounting --------------------------------------

def test_every_format_is_placed_and_noted(db, tmp_path):
    e, n, _ = geo.lonlat_to_utm(98.95, 18.65, 47)
    path = survey(
        tmp_path,
        "S1,A,karaoke,licensed,4,0,0,0,1,0,,15/03/2567,18.62,98.83,,,,,,,",
        "S2,B,massage_spa,licensed,4,0,0,0,1,0,,2024-03-15,,,\"18°37'12\"\"N 98°50'24\"\"E\",,,,,,",
        f"S3,C,factory,licensed,4,0,0,0,1,0,,2024-03-15,,,,{e:.1f},{n:.1f},47N,,,",
        "S4,D,plantation,licensed,4,0,0,0,1,0,,2024-03-15,,,,,,,50030201,,")
    summary = establishments.import_survey(db, path, 2024)
    assert (summary.rows_read, summary.rows_staged, summary.rows_rejected) == (4, 4, 0)
    placed = rows(db, "SELECT name, coordinate_source, location_approximate, survey_date, geom "
                      "FROM establishment ORDER BY row_number")
    assert [(p[0], p[1], p[2]) for p in placed] == [
        ("A", "decimal_degrees", 0), ("B", "dms", 0), ("C", "utm47n", 0), ("D", "village", 1)]
    points = [wkb.read_blob(p[4])[1] for p in placed]
    assert points[0] == pytest.approx((98.83, 18.62))
    assert points[1] == pytest.approx((98.84, 18.62))
    assert points[2] == pytest.approx((98.95, 18.65), abs=1e-6)
    assert points[3] == VILLAGES["50030201"]
    assert placed[0][3] == "2024-03-15"              # B.E. 15/03/2567


def test_bad_rows_are_rejected_with_file_row_field_reason_and_counted(db, tmp_path):
    path = survey(
        tmp_path,
        "S1,A,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,13.7,100.5,,,,,,,",          # Bangkok
        "S2,B,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,,,\"18°77'12\"\"N 98°50'24\"\"E\",,,,,,",
        "S3,C,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,98.83,18.62,,,,,,,",         # swapped
        "S4,D,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,,,,500000,2060000,46N,,,",
        "S5,E,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,,,,,,,,,",                    # nothing
        "S6,F,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,,,,,,,99999999,,",
        "S7,G,karaoke,licensed,4,0,0,0,1,0,,31/02/2567,18.62,98.83,,,,,,,",
        "S8,H,karaoke,sometimes,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,",
        "S9,I,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,13.7,100.5,,,,,50010101,,")  # fallback
    summary = establishments.import_survey(db, path, 2024)
    assert (summary.rows_read, summary.rows_staged, summary.rows_rejected) == (9, 1, 8)
    run = rows(db, "SELECT rows_read, rows_staged, rows_rejected FROM import_run WHERE fid = ?",
               summary.run_id)[0]
    assert run == (9, 1, 8)
    rejected = {r[1]: r for r in rows(db, "SELECT file_name, row_number, field, value, reason "
                                          "FROM rejected_row ORDER BY row_number")}
    assert all(r[0] == "survey.csv" for r in rejected.values())
    assert rejected[1][2] == "latitude" and "outside the province" in rejected[1][4]
    assert rejected[2][2] == "coordinates" and "77 minutes" in rejected[2][4]
    assert "swapped" in rejected[3][4]
    assert rejected[4][2] == "utm_zone" and "46" in rejected[4][4]
    assert "no coordinate and no village code" in rejected[5][4]
    assert rejected[6][2] == "village_code" and "not in the village table" in rejected[6][4]
    assert rejected[7][2] == "survey_date" and "February" in rejected[7][4]
    assert rejected[8][2] == "licence_status"
    placed = rows(db, "SELECT row_number, coordinate_source, location_approximate FROM establishment")
    assert placed == [(9, "village", 1)]
    staged = rows(db, "SELECT row_number FROM staging_sin_space_establishment")
    assert staged == [(9,)]                           # staging holds exactly the accepted rows


def test_unknown_type_kept_listed_and_scored_from_zero(db, tmp_path):
    path = survey(tmp_path, "S1,A,Tea House,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,",
                  "S2,B,Massage Spa,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,",
                  "S3,C,ร้านคาราโอเกะ/สถานบันเทิง,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,")
    summary = establishments.import_survey(db, path, 2024)
    assert summary.step.unknown_types == ["Tea House"]
    assert rows(db, "SELECT type, risk_score FROM establishment ORDER BY row_number") == [
        ("Tea House", 0.0), ("massage_spa", 20.0), ("karaoke", 25.0)]
    assert rows(db, "SELECT source, field, code, row_count, example_row FROM unmapped_code") == [
        ("sin_space", "type", "Tea House", 1, 1)]


def test_same_file_twice_is_refused(db, tmp_path):
    path = survey(tmp_path, "S1,A,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,")
    assert establishments.import_survey(db, path, 2024).status == "succeeded"
    again = establishments.import_survey(db, path, 2024)
    assert again.status == "duplicate" and "already imported" in again.message
    assert rows(db, "SELECT count(*) FROM establishment") == [(1,)]


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(db, skip=("import_run", "sqlite_sequence")):
    """Every row of every table but ``skip``, as SQL: what a failed step must not change."""
    with sqlite3.connect(db) as conn:
        return [line for line in conn.iterdump()
                if not any(f'"{table}"' in line.split("VALUES")[0] for table in skip)]


def test_cancel_or_a_broken_rule_changes_nothing(db, tmp_path):
    good = survey(tmp_path, "S1,A,karaoke,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,",
                  name="first.csv")
    establishments.import_survey(db, good, 2024)
    path = survey(tmp_path, *[f"S{i},A{i},karaoke,licensed,4,0,0,0,1,0,,2024-03-15,18.62,98.83,,,,,,,"
                              for i in range(1200)])
    before = dump(db)
    with pytest.raises(Canceled):
        establishments.import_survey(db, path, 2024, feedback=CancelAfter(1))
    assert dump(db) == before           # only the canceled run is recorded, in import_run
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE establishment_rule SET condition = 'no_such_column > 1' WHERE code = 'P03'")
    before = dump(db)
    with pytest.raises(import_file.ImportFailed, match="establishment_rule P03: condition"):
        establishments.import_survey(db, path, 2024)
    assert dump(db) == before
    assert rows(db, "SELECT status FROM import_run ORDER BY fid") == [
        ("succeeded",), ("canceled",), ("failed",)]
    before = sha(db)
    with pytest.raises(establishments.SinSpaceError, match="establishment_rule P03"):
        establishments.rescore(db)
    assert sha(db) == before                          # a failed re-score changes no byte
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE establishment_rule SET condition = 'minors_observed > 0' WHERE code = 'P03'")
    before = sha(db)
    with pytest.raises(Canceled):
        establishments.rescore(db, feedback=CancelAfter(0))
    assert sha(db) == before


# -- scores, reasons, re-scoring, distances ---------------------------------------------------

def test_scores_and_reasons_by_hand_and_rescoring_after_an_edit(db, tmp_path):
    path = survey(
        tmp_path,
        # karaoke 25 + unlicensed 20 + minors 40 + never inspected 10 + documents 20 = 115: high
        "S1,A,karaoke,unlicensed,10,2,0,0,0,0,,2024-03-15,18.62,98.83,,,,,,yes,",
        # massage 20 + complaints 10 = 30: medium (at the cut-point)
        "S2,B,massage_spa,licensed,5,0,0,1,2,0,,2024-03-15,18.63,98.84,,,,,,,",
        # guesthouse 10 + 12 foreign of 20 (over half, 10 or more) 10 = 20: low
        "S3,C,guesthouse_hotel,licensed,20,0,12,0,1,0,,2024-03-15,18.64,98.85,,,,,,,",
        # border crossing 20 (no inspection rule for crossings): low
        "S4,D,border_crossing,,3,0,0,0,0,0,,2024-03-15,18.69,99.09,,,,,,,")
    establishments.import_survey(db, path, 2024)
    scored = rows(db, "SELECT risk_score, risk_class, risk_reasons FROM establishment ORDER BY row_number")
    assert [(s, c) for s, c, _ in scored] == [(115.0, "high"), (30.0, "medium"), (20.0, "low"),
                                             (20.0, "low")]
    assert scored[0][2] == ("type karaoke (base 25); P01 operates without a licence "
                            "(ไม่มีใบอนุญาตประกอบกิจการ) +20; P03 workers under 18 seen "
                            "(พบผู้ทำงานอายุต่ำกว่า 18 ปี) +40; P09 never inspected "
                            "(ไม่เคยได้รับการตรวจ) +10; P10 owner keeps workers' identity documents "
                            "(เจ้าของเก็บเอกสารประจำตัวของคนงานไว้) +20")
    assert rows(db, "SELECT owner_survey FROM establishment WHERE name = 'A'") == [
        ('{"holds_documents": "yes"}',)]
    # A specialist doubles the complaint rule and makes guesthouses riskier; no input: re-score.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE establishment_rule SET points = 20 WHERE code = 'P05'")
        conn.execute("UPDATE establishment_type SET base_score = 30 WHERE code = 'guesthouse_hotel'")
    summary = establishments.rescore(db, high_score=40, medium_score=25)
    assert summary.classes == {"high": 3, "medium": 0, "low": 1}
    assert rows(db, "SELECT risk_score, risk_class FROM establishment ORDER BY row_number") == [
        (115.0, "high"), (40.0, "high"), (40.0, "high"), (20.0, "low")]


def test_village_distances_by_hand(db, tmp_path):
    path = survey(
        tmp_path,
        "S1,A,karaoke,unlicensed,10,2,0,0,0,0,,2024-03-15,18.62,98.83,,,,,,,",      # high
        "S2,B,karaoke,unlicensed,10,2,0,0,0,0,,2024-03-15,18.68,99.08,,,,,,,",      # high
        "S3,C,border_crossing,,3,0,0,0,0,0,,2024-03-15,18.69,99.09,,,,,,,")
    establishments.import_survey(db, path, 2024)

    def haversine(a, b):
        (lon1, lat1), (lon2, lat2) = (map(math.radians, p) for p in (a, b))
        h = (math.sin((lat2 - lat1) / 2) ** 2
             + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
        return 2 * 6371.0088 * math.asin(math.sqrt(h))

    got = dict((code, (risky, border)) for code, risky, border in rows(
        db, "SELECT code, km_to_risky_place, km_to_border_crossing FROM village"))
    for code, point in VILLAGES.items():
        risky = min(haversine(point, (98.83, 18.62)), haversine(point, (99.08, 18.68)))
        assert got[code] == pytest.approx((risky, haversine(point, (99.09, 18.69))), abs=1e-3)
    # No border crossing left: the distance is empty, not zero.
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM establishment WHERE type = 'border_crossing'")
    establishments.rescore(db)
    assert {r[0] for r in rows(db, "SELECT km_to_border_crossing FROM village")} == {None}


def test_catalogue_installed_once_and_checked(db):
    assert rows(db, "SELECT count(*) FROM establishment_type") == [(12,)]
    assert rows(db, "SELECT count(*) FROM establishment_rule") == [(12,)]
    with sqlite3.connect(db) as conn:
        assert catalogue.install(conn) == (0, 0)       # never over a specialist's table
        conn.execute("UPDATE establishment_rule SET enabled = 2 WHERE code = 'P01'")
        with pytest.raises(catalogue.CatalogueError, match="establishment_rule P01: enabled"):
            catalogue.read_rules(conn)
        conn.execute("UPDATE establishment_rule SET enabled = 1, condition = 'x; DROP TABLE village' "
                     "WHERE code = 'P01'")
        with pytest.raises(catalogue.CatalogueError, match="without ';'"):
            catalogue.read_rules(conn)
        conn.execute("UPDATE establishment_rule SET condition = 'fid IN (SELECT fid FROM village)' "
                     "WHERE code = 'P01'")
        with pytest.raises(catalogue.CatalogueError, match="no such table"):
            catalogue.read_rules(conn)


# -- the sample survey ------------------------------------------------------------------------

def test_sample_survey_imports_with_its_faults_exactly_accounted(tmp_path):
    subdistricts = synthetic_province.synthetic_province()
    manifest = generator.generate_sample_data(subdistricts, tmp_path / "files", scale=0.002, seed=1,
                                              border=synthetic_province.synthetic_border())
    entry = manifest["sin_space"]
    assert entry["path"] not in [f["path"] for f in manifest["files"]]
    db = tmp_path / "province.gpkg"
    units = province_units(subdistricts, tmp_path / "files" / "villages.geojson")
    create_database.create_or_upgrade(db, "50", units)
    summary = establishments.import_survey(db, tmp_path / "files" / entry["path"], 2024)
    expected = entry["expected"]
    assert summary.rows_read == entry["rows"]
    assert summary.rows_staged == expected["rows_accepted"]
    assert summary.rows_rejected == expected["rows_rejected"] == sum(
        entry["faults"][k] for k in ("bad_coordinate", "out_of_province", "bad_date"))
    assert len(summary.step.unknown_types) <= expected["unknown_types"] == entry["faults"]["unknown_type"]
    assert rows(db, "SELECT sum(row_count) FROM unmapped_code WHERE source = 'sin_space'") == [
        (expected["unknown_types"],)]
    assert summary.step.approximate == expected["approximate"]
    # Each rejection is the fault the truth file names for that row.
    import csv
    with open(tmp_path / "files" / entry["truth"], encoding="utf-8") as f:
        truth = {int(r["row_number"]): r for r in csv.DictReader(f)}
    fields = {"bad_coordinate": "coordinates", "out_of_province": "latitude", "bad_date": "survey_date"}
    for row_number, field in rows(db, "SELECT row_number, field FROM rejected_row"):
        assert fields[truth[row_number]["fault"]] == field
    # Accepted places lie where the truth says (village rows at their village).
    for row_number, blob in rows(db, "SELECT row_number, geom FROM establishment"):
        lon, lat = wkb.read_blob(blob)[1]
        t = truth[row_number]
        assert geo.great_circle_km(lon, lat, float(t["lon"]), float(t["lat"])) < 0.01
    assert rows(db, "SELECT count(*) FROM village WHERE km_to_border_crossing IS NULL") == [(0,)]


def test_sample_survey_same_seed_same_bytes(tmp_path):
    subdistricts = synthetic_province.synthetic_province()
    for name in ("a", "b"):
        generator.generate_sample_data(subdistricts, tmp_path / name, scale=0.002, seed=3)
    for path in ("sin_space/establishments.csv", "truth/establishments.csv"):
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes()


def test_sample_crossings_lie_on_the_border_known_ones_where_they_are():
    from trafficking_db.trafficking_plugin.sample import sin_space
    from trafficking_db.trafficking_plugin.sample.border import distance_km
    import numpy as np

    square = [[[(99.7, 20.0), (100.5, 20.0), (100.5, 20.35), (99.7, 20.35), (99.7, 20.0)]]]
    north = [[(99.7, 20.35), (100.5, 20.35)]]              # the square's northern side
    # Chiang Rai's Mae Sai, Chiang Khong and Chiang Saen, each moved onto the border line.
    found = sin_space.border_crossings("57", north, square)
    assert len(found) == 3
    for (x, y), (_name, lon, _lat) in zip(found, sin_space.CROSSINGS["57"]):
        assert abs(x - lon) < 0.01 and 20.34 < y < 20.35
    # No known crossing: points spread along the border; no border: no crossing.
    spread = sin_space.border_crossings("50", north, square)
    assert len(spread) >= 1
    km = distance_km(np.array([p[0] for p in spread]), np.array([p[1] for p in spread]), north)
    assert (km < 0.2).all()
    assert sin_space.border_crossings("57", [], square) == []
