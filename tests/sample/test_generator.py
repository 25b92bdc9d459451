"""The synthetic sample-data generator: files, encodings, volumes, faults, truth, determinism."""
import csv
import datetime
import gzip
import hashlib
import io
import json

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import SHARED, copy_database, needs_shared, tambon_layer_uri
from trafficking_db.trafficking_plugin.core import geography
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.ingest import thai_id
from trafficking_db.trafficking_plugin.core.feedback import Canceled, NullFeedback
from trafficking_db.trafficking_plugin.sample.education import GRADES
from trafficking_db.trafficking_plugin.sample.faults import UNKNOWN_NATION_CODES
from trafficking_db.trafficking_plugin.sample.health import KNOWN_DIAGNOSES, NO_STATUS_CODES, WORKER_CODES
from trafficking_db.trafficking_plugin.sample.human_security import old_place_names
from trafficking_db.trafficking_plugin.sample.population import (
    HIGHLAND, HIGHLAND_ETHNICITIES, HIGHLAND_STATELESS, TOWN, make_population, make_villages,
    points_in_polygon, village_kind_shares,
)

SCALE = 0.005                 # 9,000 persons: every file and fault kind, in about a second
DATA_YEAR = 2024
BE = 543
SHARED_CODES = SHARED / "data" / "codes"
KONGVUT = SHARED_CODES / "th_admin_codes_kongvut.csv"

# An old tambon list for the synthetic province in the kongvut format: it spells 500102 with an
# extra tone mark, and knows no district 5003 yet, filing its tambon แม่ปิง as 500105 in 5001.
OLD_CODES = (
    "tambon_code,tambon_th,tambon_en,zip_code,amphoe_code,amphoe_th,amphoe_en,changwat_code,changwat_th,"
    "changwat_en,region_th,deleted_at\n"
    "500101,บ้านใหม่,Ban Mai,50000,5001,ดอยงาม,Doi Ngam,50,จังหวัดตัวอย่าง,Sample,ภาคเหนือ,\n"
    "500102,ป่าตึ้ง,Pa Tueng,50000,5001,ดอยงาม,Doi Ngam,50,จังหวัดตัวอย่าง,Sample,ภาคเหนือ,\n"
    "500105,แม่ปิง,Mae Ping,50000,5001,ดอยงาม,Doi Ngam,50,จังหวัดตัวอย่าง,Sample,ภาคเหนือ,\n"
    "500201,ทุ่งหลวง,Thung Luang,50000,5002,น้ำใส,Nam Sai,50,จังหวัดตัวอย่าง,Sample,ภาคเหนือ,\n"
)
OLD_NAMES = {"500102": ("ป่าตึ้ง", "ดอยงาม"), "500301": ("แม่ปิง", "ดอยงาม")}


def generate(folder, seed=1, old_codes=None, feedback=None, scale=SCALE):
    return generator.generate_sample_data(synthetic_province.synthetic_province(), folder, scale=scale,
                                            seed=seed, data_year=DATA_YEAR, old_codes=old_codes,
                                            feedback=feedback, border=synthetic_province.synthetic_border())


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("sample")
    old_codes = root / "old_codes.csv"
    old_codes.write_text(OLD_CODES, encoding="utf-8")
    out = root / "out"
    manifest = generate(out, old_codes=old_codes)
    return out, manifest


def entry(manifest, path):
    return next(f for f in manifest["files"] if f["path"] == path)


def read_table(folder, file_entry):
    """A file as the manifest says to read it: every cell text, blanks as ""."""
    path = folder / file_entry["path"]
    if file_entry["format"] == "xlsx":
        return pd.read_excel(path, dtype=str, keep_default_na=False)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=file_entry["encoding"])


def tables(sample):
    folder, manifest = sample
    return {f["path"]: (f, read_table(folder, f)) for f in manifest["files"]}


# -- formats, encodings, volumes ------------------------------------------------------------

def test_manifest_describes_every_file(sample):
    folder, manifest = sample
    on_disk = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(manifest))
    assert {f["source"] for f in manifest["files"]} == {"health", "education", "human_security",
                                                       "family_welfare"}
    assert [f["path"] for f in manifest["files"]] == [
        "health/PERSON.csv", "health/HOME.csv", "health/DIAGNOSIS_OPD.csv",
        "education/school_roster.xlsx", "human_security/welfare_cases.csv",
        "family_welfare/bmn_households.csv", "family_welfare/bmn_members.csv"]
    assert (manifest["seed"], manifest["scale"], manifest["data_year"]) == (1, SCALE, DATA_YEAR)
    assert manifest["province_code"] == "50"


def test_files_read_back_with_their_stated_encoding_and_row_counts(sample):
    for path, (file_entry, table) in tables(sample).items():
        assert list(table.columns) == file_entry["columns"], path
        assert len(table) == file_entry["rows"], path


def test_encodings_are_what_the_agencies_use(sample):
    folder, _ = sample
    welfare = (folder / "human_security/welfare_cases.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        welfare.decode("utf-8")                   # really TIS-620 bytes, not UTF-8
    assert welfare.decode("cp874").startswith("เลขที่รับเรื่อง,")
    for name in ["bmn_households.csv", "bmn_members.csv"]:
        assert (folder / "family_welfare" / name).read_bytes().startswith(b"\xef\xbb\xbf")
    person = (folder / "health/PERSON.csv").read_bytes()
    assert person.startswith(b"HOSPCODE,CID,") and b"\r\n" in person
    workbook = openpyxl.load_workbook(folder / "education/school_roster.xlsx", read_only=True)
    assert workbook.sheetnames == ["นักเรียน"]
    assert workbook.properties.created == datetime.datetime(2000, 1, 1)


def test_volumes_follow_the_scale(sample):
    _, manifest = sample
    expected = {"health/PERSON.csv": 1_800_000, "human_security/welfare_cases.csv": 22_000,
                "family_welfare/bmn_households.csv": 242_000}
    for path, at_scale_1 in expected.items():
        file_entry = entry(manifest, path)
        clean_rows = file_entry["rows"] - file_entry["faults"]["duplicate_row"]
        assert clean_rows == round(at_scale_1 * SCALE), path
    assert manifest["counts"]["persons"] == round(1_800_000 * SCALE)
    assert 2.8 < manifest["counts"]["persons"] / manifest["counts"]["households"] < 3.3


# -- faults: what the manifest counts is what a re-check of the file finds -----------------

def date_fault(text, style):
    """The fault a date shows ("" when none): yyyymmdd dates are Common Era, dd/mm/yyyy Buddhist."""
    if style == "yyyymmdd":
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
        wrong_era, ce_year = year > 2400, year
    else:
        day, month, year = (int(p) for p in text.split("/"))
        wrong_era, ce_year = year < 2400, year - BE
    try:
        datetime.date(year - BE if year > 2400 else year, month, day)
    except ValueError:
        return "impossible_date"
    if wrong_era:
        return "era_confusion"
    return "future_year" if ce_year > DATA_YEAR else ""


def id_faults(values):
    ids = [v for v in values if v and not v.startswith("G")]
    return int((~thai_id.valid_thai_id_mask(ids)).sum())


def recheck(path, table):
    """Fault counts found by looking at the file alone."""
    found = {"duplicate_row": int(table.duplicated().sum())}

    def count_dates(column, style):
        for kind in [date_fault(v, style) for v in table[column]]:
            if kind:
                found[kind] = found.get(kind, 0) + 1

    if path == "health/PERSON.csv":
        found["bad_check_digit"] = id_faults(table.CID)
        count_dates("BIRTH", "yyyymmdd")
        known = {"099"} | set(HIGHLAND_ETHNICITIES) | set(NO_STATUS_CODES) | set(WORKER_CODES) | set(
            WORKER_CODES.values())
        found["unknown_code"] = int((~table.NATION.isin(known)).sum())
    elif path == "health/HOME.csv":
        found["blank_village"] = int((table.VILLAGE == "").sum())
    elif path == "health/DIAGNOSIS_OPD.csv":
        count_dates("DATE_SERV", "yyyymmdd")
        found["unknown_code"] = int((~table.DIAGCODE.isin(KNOWN_DIAGNOSES)).sum())
    elif path == "education/school_roster.xlsx":
        found["bad_check_digit"] = id_faults(table["เลขประจำตัวประชาชน"])
        count_dates("วันเดือนปีเกิด", "dd/mm/yyyy")
        found["blank_village"] = int((table["รหัสหมู่บ้าน"] == "").sum())
    elif path == "human_security/welfare_cases.csv":
        found["bad_check_digit"] = id_faults(table["เลขประจำตัวประชาชน"])
        count_dates("วันที่รับเรื่อง", "dd/mm/yyyy")
        found["blank_village"] = int((table["หมู่ที่"] == "").sum())
        places = list(zip(table["ตำบล"], table["อำเภอ"]))
        found["old_place_name"] = sum(p in OLD_NAMES.values() for p in places)
        found["place_name_variant"] = sum(
            t != t.strip() or a != a.strip() or t.startswith(("ต.", "ตำบล")) or a.startswith(("อ.", "อำเภอ"))
            for t, a in places)
    elif path == "family_welfare/bmn_households.csv":
        found["blank_village"] = int((table.village_code == "").sum())
        count_dates("survey_date", "dd/mm/yyyy")
    elif path == "family_welfare/bmn_members.csv":
        found["bad_check_digit"] = id_faults(table.citizen_id)
        years = table.birth_year.astype(int)
        found["era_confusion"] = int((years < 2400).sum())
        found["future_year"] = int((years > DATA_YEAR + BE).sum())
    return found


def test_fault_counts_match_a_recheck_of_each_file(sample):
    for path, (file_entry, table) in tables(sample).items():
        assert recheck(path, table) == file_entry["faults"], path
        assert all(n > 0 for n in file_entry["faults"].values()), path


def test_unknown_nation_codes_are_not_in_the_cnation_table():
    table = SHARED_CODES / "th_moph_nationality_cnation.csv"
    if not table.exists():
        pytest.skip("../shared is not beside the checkout")
    with open(table, encoding="utf-8") as f:
        codes = {row["nationcode"] for row in csv.DictReader(f)}
    used = {"099"} | set(HIGHLAND_ETHNICITIES) | set(NO_STATUS_CODES) | set(WORKER_CODES) | set(
        WORKER_CODES.values())
    assert used <= codes
    assert not set(UNKNOWN_NATION_CODES) & codes


# -- places -----------------------------------------------------------------------------------

def test_villages_lie_inside_their_subdistricts(sample):
    folder, manifest = sample
    squares = {s.code: s.polygons[0][0] for s in synthetic_province.synthetic_province()}
    features = json.loads((folder / "villages.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == manifest["villages"]["features"] == manifest["counts"]["villages"]
    by_subdistrict = {}
    for feature in features:
        props = feature["properties"]
        (x, y), ring = feature["geometry"]["coordinates"], squares[props["subdistrict_code"]]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        assert min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys)
        assert props["village_code"] == props["subdistrict_code"] + f"{props['moo']:02d}"
        assert props["village_name_th"].startswith("บ้าน")
        by_subdistrict.setdefault(props["subdistrict_code"], []).append(props["moo"])
    assert set(by_subdistrict) == set(squares)
    for moos in by_subdistrict.values():
        assert 5 <= len(moos) <= 15 and moos == list(range(1, len(moos) + 1))


def test_point_in_polygon_honours_holes_and_several_parts():
    outer = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)]
    island = [(20, 20), (22, 20), (22, 22), (20, 20)]          # a triangle
    lon = np.array([1, 5, 11, 21.5, 20.5, 9.99])
    lat = np.array([1, 5, 5, 20.5, 21.5, 9.99])
    inside = points_in_polygon(lon, lat, [[outer, hole], [island]])
    assert inside.tolist() == [True, False, False, True, False, True]


def test_old_place_names_from_a_tambon_list(tmp_path):
    old_codes = tmp_path / "old.csv"
    old_codes.write_text(OLD_CODES, encoding="utf-8")
    assert old_place_names(synthetic_province.synthetic_province(), old_codes) == OLD_NAMES


def test_old_place_names_from_the_real_kongvut_list():
    """kongvut files Galyani Vadhana's (5025) tambons in Mae Chaem and spells 502202 ทุ่งปี้."""
    if not KONGVUT.exists():
        pytest.skip("../shared is not beside the checkout")
    square = [[[(98.0, 18.0), (98.1, 18.0), (98.1, 18.1), (98.0, 18.0)]]]

    def tambon(code, name, district_name):
        return geography.Subdistrict(code, name, "", code[:4], district_name, "", "50", "เชียงใหม่", "",
                                     square)
    current = [tambon("500301", "ช่างเคิ่ง", "แม่แจ่ม"), tambon("502201", "บ้านกาด", "แม่วาง"),
               tambon("502202", "ทุ่งปี๊", "แม่วาง"), tambon("502501", "บ้านจันทร์", "กัลยาณิวัฒนา"),
               tambon("502502", "แม่แดด", "กัลยาณิวัฒนา"), tambon("502503", "แจ่มหลวง", "กัลยาณิวัฒนา")]
    assert old_place_names(current, KONGVUT) == {
        "502202": ("ทุ่งปี้", "แม่วาง"), "502501": ("บ้านจันทร์", "แม่แจ่ม"),
        "502502": ("แม่แดด", "แม่แจ่ม"), "502503": ("แจ่มหลวง", "แม่แจ่ม")}


# -- truth: what later linkage tests rely on ----------------------------------------------------

@pytest.fixture(scope="module")
def truth(sample):
    folder, _ = sample
    return pd.read_csv(folder / "truth/persons.csv.gz", dtype=str, keep_default_na=False)


def test_truth_identities_are_valid(sample, truth):
    _, manifest = sample
    assert len(truth) == manifest["counts"]["persons"]
    assert truth.person_no.tolist() == [str(i) for i in range(1, len(truth) + 1)]
    kinds = truth.id_kind.value_counts().to_dict()
    assert set(kinds) == {"thai_id", "g_code", "none"}
    assert thai_id.valid_thai_id_mask(truth.id[truth.id_kind == "thai_id"]).all()
    assert all(thai_id.is_g_code(c) for c in truth.id[truth.id_kind == "g_code"])
    assert (truth.id[truth.id_kind == "none"] == "").all()
    assert truth.id[truth.id != ""].is_unique
    holders = truth[truth.id_kind == "thai_id"]
    assert (holders.person_type == holders.id.str[0]).all()
    # G codes only for pupils; every group of the north's mix is there.
    assert (truth.in_school[truth.id_kind == "g_code"] == "1").all()
    shares = truth.group.value_counts(normalize=True)
    assert 0.7 < shares["thai"] < 0.9 and 0.04 < shares["migrant"] < 0.12
    assert 0.05 < shares["highland_citizen"] < 0.12 and 0.04 < shares["highland_stateless"] < 0.10


def test_age_and_sex_structure_is_plausible(truth):
    birth = pd.to_datetime(truth.birth_date)
    age = (pd.Timestamp(f"{DATA_YEAR}-07-01") - birth).dt.days / 365.25
    assert 0.10 < (age < 15).mean() < 0.22            # northern Thailand: few children,
    assert 0.14 < (age >= 60).mean() < 0.30           # many elderly
    assert 0.45 < (truth.sex == "1").mean() < 0.55
    assert (age[truth.sex == "2"] >= 75).sum() > (age[truth.sex == "1"] >= 75).sum()


def test_health_rows_link_to_the_truth_and_differ_only_by_counted_faults(sample, truth):
    folder, manifest = sample
    person = read_table(folder, entry(manifest, "health/PERSON.csv")).drop_duplicates()
    linked = person[person.CID != ""].merge(truth, left_on="CID", right_on="id")
    # Every valid CID finds its person; names always, birth dates unless a counted fault hit them.
    assert len(linked) == thai_id.valid_thai_id_mask(person.CID).sum()
    assert (linked.NAME == linked.first_name).all() and (linked.LNAME == linked.last_name).all()
    differs = linked.BIRTH != linked.birth_date.str.replace("-", "")
    assert all(date_fault(b, "yyyymmdd") for b in linked.BIRTH[differs])
    assert ((linked.HOSPCODE == linked.hospcode) & (linked.PID == linked.pid)).all()


def test_roster_welfare_and_bmn_rows_point_at_their_persons(sample, truth):
    folder, manifest = sample
    roster = read_table(folder, entry(manifest, "education/school_roster.xlsx")).drop_duplicates()
    pupils = truth[truth.in_school == "1"]
    assert len(roster) == len(pupils)
    assert set(roster["เลขประจำตัวประชาชน"]) - set(pupils.id) <= set(
        roster["เลขประจำตัวประชาชน"][~thai_id.valid_thai_id_mask(roster["เลขประจำตัวประชาชน"])])

    cases = pd.read_csv(folder / "truth/welfare_cases.csv", dtype=str, keep_default_na=False)
    welfare = read_table(folder, entry(manifest, "human_security/welfare_cases.csv")).drop_duplicates()
    joined = welfare.merge(cases, left_on="เลขที่รับเรื่อง", right_on="case_no").merge(truth, on="person_no")
    assert len(joined) == len(welfare) == truth.welfare_cases.astype(int).sum()
    assert (joined["ชื่อ"] == joined.first_name).all() and (joined["นามสกุล"] == joined.last_name).all()
    # Vulnerable people come to the welfare office far more often.
    rate = truth.groupby("group").welfare_cases.apply(lambda s: (s.astype(int) > 0).mean())
    assert rate["highland_stateless"] > 2 * rate["thai"]

    members = read_table(folder, entry(manifest, "family_welfare/bmn_members.csv")).drop_duplicates()
    surveyed = truth[truth.bmn_household == "1"]
    assert len(members) == len(surveyed)
    assert set(members.household_id) == set(surveyed.household_id)
    households = read_table(folder, entry(manifest, "family_welfare/bmn_households.csv"))
    assert set(households.household_id) == set(surveyed.household_id)
    assert households[[f"bmn{i:02d}" for i in range(1, 32)]].isin(["0", "1"]).all().all()


def test_grades_follow_age(sample):
    folder, manifest = sample
    roster = read_table(folder, entry(manifest, "education/school_roster.xlsx"))
    clean = roster[[date_fault(d, "dd/mm/yyyy") == "" for d in roster["วันเดือนปีเกิด"]]]
    born = pd.to_datetime(clean["วันเดือนปีเกิด"].str[:6] + (clean["วันเดือนปีเกิด"].str[6:].astype(int)
                                                              - BE).astype(str), format="%d/%m/%Y")
    age = (pd.Timestamp(f"{DATA_YEAR}-05-16") - born).dt.days // 365.25
    lag = age - 3 - clean["ชั้น"].map(GRADES.index)
    assert lag[clean["ชั้น"] != "ม.6"].isin([0, 1]).all()      # on time or a year behind
    assert set(clean["ชั้น"]) == set(GRADES)


def completed_years(birth_date, on=datetime.date(DATA_YEAR, 7, 1)):
    born = datetime.date.fromisoformat(birth_date)
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_household_debt_is_plausible(sample):
    folder, manifest = sample
    households = read_table(folder, entry(manifest, "family_welfare/bmn_households.csv")).drop_duplicates()
    debt, per_person = households.debt_baht.astype(int), households.income_per_person.astype(int)
    owes = debt > 0
    assert (debt >= 0).all() and (debt % 100 == 0).all()
    assert 0.35 < owes.mean() < 0.65 and 50_000 < debt[owes].median() < 200_000
    poor = per_person < 38_000
    assert owes[poor].mean() > owes[~poor].mean()
    burden = debt / (per_person * households.members.astype(int))
    assert burden[poor & owes].median() > burden[~poor & owes].median()


# -- determinism, inputs, feedback --------------------------------------------------------------

def digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_bytes(sample, tmp_path):
    folder, _ = sample
    old_codes = folder.parent / "old_codes.csv"
    generate(tmp_path / "again", old_codes=old_codes)
    generate(tmp_path / "seed2", seed=2, old_codes=old_codes)
    first, again, other = digests(folder), digests(tmp_path / "again"), digests(tmp_path / "seed2")
    # 11 + the sin space survey and its truth + the network (2), the cases (4) and their truth
    # + the prevention activities + the two later welfare files + persons.csv and villages.csv
    assert len(first) == 25 and first == again
    assert set(other) == set(first)
    assert all(other[path] != first[path] for path in first)


def test_truth_file_is_plain_gzip_without_a_timestamp(sample):
    folder, _ = sample
    raw = (folder / "truth/persons.csv.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"                    # gzip MTIME field
    header = gzip.decompress(raw).decode("utf-8").splitlines()[0]
    assert header == ",".join(generator.TRUTH_COLUMNS)


@pytest.mark.parametrize("kwargs, message", [
    ({"scale": 0}, "scale"), ({"data_year": 2567}, "Common Era"),
])
def test_bad_arguments_are_refused(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        generator.generate_sample_data(synthetic_province.synthetic_province(), tmp_path, **kwargs)


def test_one_province_at_a_time(tmp_path):
    units = synthetic_province.synthetic_province("50") + synthetic_province.synthetic_province("57")
    with pytest.raises(ValueError, match="one province"):
        generator.generate_sample_data(units, tmp_path, scale=SCALE)


class Recorder(NullFeedback):
    def __init__(self, cancel_at=None):
        self.progress, self.messages, self.cancel_at = [], [], cancel_at

    def setProgress(self, percent):  # noqa: N802
        self.progress.append(percent)

    def isCanceled(self):  # noqa: N802
        return self.cancel_at is not None and len(self.progress) >= self.cancel_at

    def pushInfo(self, text):  # noqa: N802
        self.messages.append(text)


def test_progress_rises_to_100_and_cancel_stops_the_run(tmp_path):
    feedback = Recorder()
    generate(tmp_path / "full", feedback=feedback)
    assert feedback.progress == sorted(feedback.progress) and feedback.progress[-1] == 100
    assert any("health" in m for m in feedback.messages)
    with pytest.raises(Canceled):
        generate(tmp_path / "canceled", feedback=Recorder(cancel_at=3))
    assert not (tmp_path / "canceled" / "manifest.json").exists()


def test_csv_rows_are_crlf_terminated_rfc4180(sample):
    folder, _ = sample
    text = (folder / "health/HOME.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert text.count("\r\n") == len(rows)


# -- where the risk lies, and the activities' shift to it ---------------------------------------

SOUTH_WEST = ("5018", "5025", "5003")                      # Omkoi, Galyani Vadhana, Mae Chaem
NORTH = ("5004", "5009", "5010", "5011", "5020", "5021")    # Chiang Dao ... Chai Prakan
VALLEY = ("5013", "5014", "5015", "5019")                  # San Kamphaeng, San Sai, Hang Dong, Saraphi


def chiang_mai_subdistricts():
    """Chiang Mai's 204 real sub-districts from ../shared as core records (codes for names)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(tambon_layer_uri(), "tambon", "ogr")
    layer.setSubsetString("changwat_code = '50'")
    units = []
    for f in layer.getFeatures():
        geometry, code = f.geometry(), str(f["tambon_code"])
        geometry.convertToMultiType()
        polygons = [[[(p.x(), p.y()) for p in ring] for ring in polygon]
                    for polygon in geometry.asMultiPolygon()]
        units.append(geography.Subdistrict(code, code, code, code[:4], code[:4], code[:4], "50",
                                           "เชียงใหม่", "Chiang Mai", polygons))
    return sorted(units, key=lambda u: u.code)


@needs_shared
def test_highland_villages_and_people_lie_where_the_district_table_puts_them():
    """Real Chiang Mai: highland villages and people in the south-west most, some in the north,
    hardly any in the valley round the city, where the town villages are."""
    units = chiang_mai_subdistricts()
    assert len(units) == 204
    villages = make_villages(np.random.default_rng(3), units, NullFeedback())
    again = make_villages(np.random.default_rng(3), units, NullFeedback())
    assert (villages.kind == again.kind).all()                   # seeded: same seed, same kinds
    pop = make_population(np.random.default_rng(3), 30_000, villages, units, DATA_YEAR, NullFeedback())
    district = np.array([u.district_code for u in units])[villages.subdistrict]

    def villages_of(kind, codes):
        return (villages.kind[np.isin(district, codes)] == kind).mean()
    assert villages_of(HIGHLAND, SOUTH_WEST) > 0.5
    assert villages_of(HIGHLAND, VALLEY) < 0.05 and villages_of(HIGHLAND, ("5001",)) < 0.05
    assert villages_of(TOWN, ("5001",)) > 0.3 > 0.15 > villages_of(TOWN, NORTH + SOUTH_WEST)

    person_district = district[pop.hh_village[pop.household]]

    def stateless_share(codes):
        return (pop.group[np.isin(person_district, codes)] == HIGHLAND_STATELESS).mean()
    assert stateless_share(SOUTH_WEST) > 3 * stateless_share(NORTH)
    assert stateless_share(NORTH) > 1.5 * stateless_share(VALLEY)


def test_other_provinces_put_highland_villages_far_and_south_and_towns_at_the_capital():
    """The generic rule on the built-in province: its district 01 is the capital."""
    units = synthetic_province.synthetic_province()
    villages = make_villages(np.random.default_rng(1), units, NullFeedback())
    shares = village_kind_shares(units, villages.subdistrict, villages.lon, villages.lat)
    assert np.allclose(shares.sum(axis=1), 1) and (shares >= 0).all()
    district = np.array([u.district_code for u in units])[villages.subdistrict]
    capital, far = district == "5001", district == "5003"
    assert shares[capital, TOWN].mean() > 2 * shares[far, TOWN].mean()
    assert shares[far, HIGHLAND].mean() > 3 * shares[capital, HIGHLAND].mean()
    south = villages.lat < np.median(villages.lat[far])
    assert shares[far & south, HIGHLAND].mean() > shares[far & ~south, HIGHLAND].mean()


def test_activities_move_into_the_areas_the_scoring_finds_high(imported_sample, tmp_path):
    """Scored for real, the sample's activities of the data year lie in high-risk areas far more
    often than the year before's: the "north to south" shift of docs/monitoring.md."""
    from trafficking_db.trafficking_plugin.core.risk import activities, monitoring, risk_index
    from trafficking_db.trafficking_plugin.core.standard import crosswalk

    files, manifest, source = imported_sample
    db = copy_database(source, tmp_path)
    crosswalk.run_crosswalk(db, DATA_YEAR)
    risk_index.score_risk_index(db, DATA_YEAR)
    activities.import_activities(db, files / manifest["activities"]["path"], DATA_YEAR)
    found = monitoring.monitor(db, DATA_YEAR)
    share = found.share_high
    assert found.high_area_villages > 0
    assert share[DATA_YEAR] - share[DATA_YEAR - 1] > 0.15, share
