"""trafficking:publicexport: the suppression core on hand-built tables, an attacker on the
published CSVs (subtraction and the whole linear system) of one export and of every export of a
year together, the export register and its refusals, privacy, and processing.run."""
import contextlib
import csv
import gzip
import itertools
import random
import re
import sqlite3
import zipfile

import numpy as np
import pytest
from scipy.optimize import linprog

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.dissemination import disclosure, public_export, release
from trafficking_db.trafficking_plugin.core.risk import risk_index

from conftest import copy_database

CLASSES = ("high", "medium", "low")


def _area(tree):
    return disclosure.Dimension("area", tree)


RISK = disclosure.Dimension("risk_class", {"scored": None, "high": "scored", "medium": "scored",
                                            "low": "scored"})
# Province P > districts D1, D2 > sub-districts s1..s5.
TREE = {"P": None, "D1": "P", "D2": "P", "s1": "D1", "s2": "D1", "s3": "D1", "s4": "D2", "s5": "D2"}


def _published_ok(protected):
    for cell, value in protected.values.items():
        shown = protected.published(cell)
        assert shown is None or shown == 0 or shown >= protected.k, (cell, value)


def test_every_published_cell_is_zero_or_at_least_k():
    rng = random.Random(7)
    counts = {(s, c): rng.choice([0, 1, 2, 5, 9, 11, 14, 40, 120]) for s in ("s1", "s2", "s3", "s4",
                                                                         "s5") for c in CLASSES}
    protected = disclosure.protect([_area(TREE), RISK], counts, k=11)
    _published_ok(protected)
    assert {c for c, why in protected.hidden.items() if why == "primary"} == \
        {c for c, v in protected.values.items() if 0 < v < 11}


def test_a_lone_small_cell_gets_a_complement():
    # One row: 3 high, 20 medium, 30 low, total 53. Hiding only the 3 leaves it as 53 - 20 - 30.
    area = _area({"P": None})
    protected = disclosure.protect([area, RISK], {("P", "high"): 3, ("P", "medium"): 20,
                                                  ("P", "low"): 30})
    assert protected.hidden == {("P", "high"): "primary", ("P", "medium"): "secondary"}
    assert protected.published(("P", "scored")) == 53 and protected.published(("P", "low")) == 30


def test_hierarchy_a_small_subdistrict_cannot_be_district_minus_the_others():
    # s1 has 4 persons in all: district D1 minus s2 and s3 would give it away.
    counts = {("s1", "low"): 4, ("s2", "low"): 50, ("s3", "low"): 60, ("s4", "low"): 30,
              ("s5", "low"): 25, ("s2", "high"): 12, ("s4", "high"): 15}
    protected = disclosure.protect([_area(TREE), RISK], counts)
    hidden_scored = {c[0] for c in protected.hidden if c[1] == "scored"}
    assert "s1" in hidden_scored
    assert hidden_scored & {"s2", "s3", "D1"} - {"s1"}, "a second cell of D1's equation is hidden"
    assert not disclosure.determined_cells(
        [[p, *ch] for p, ch in disclosure.equations(protected.dimensions)],
        protected.values, protected.hidden)


def test_determined_cells_sees_a_single_gap_and_clears_a_two_by_two():
    eqs = [[p, *ch] for p, ch in disclosure.equations([_area({"P": None, "a": "P", "b": "P"}), RISK])]
    assert disclosure.determined_cells(eqs, {}, {("a", "high"): 1}) == {("a", "high")}
    square = {("a", "high"), ("a", "low"), ("b", "high"), ("b", "low")}
    assert disclosure.determined_cells(eqs, {}, dict.fromkeys(square, "x")) == set()


def test_rounding_after_suppression():
    protected = disclosure.protect([_area({"P": None}), RISK],
                                   {("P", "high"): 13, ("P", "medium"): 22, ("P", "low"): 31},
                                   rounding=5)
    assert [protected.published(("P", c)) for c in ("scored", *CLASSES)] == [65, 15, 20, 30]
    assert disclosure.round_to_base(12, 5) == 10 and disclosure.round_to_base(12, 1) == 12


# --- the attacker: works from the published CSV files only ------------------------------------

def read_tables(folder):
    rows = []
    for path in sorted(folder.glob("public_export_*_*.csv")):
        with open(path, encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    return rows


def _attack_equations(rows):
    """Every sum the tables imply, as lists of (+1/-1, cell), a cell being (row id, column)."""
    ids = {(r["level"], r["area_code"], r["age_band"], r["sex"]): r for r in rows}
    columns = ("persons_scored",) + tuple(f"persons_{c}" for c in CLASSES)
    eqs = []
    for key in ids:         # persons_scored = high + medium + low
        eqs.append([(-1, (key, "persons_scored"))] + [(1, (key, c)) for c in columns[1:]])

    def add(parent, children):
        for col in columns:
            eqs.append([(-1, (parent, col))] + [(1, (ch, col)) for ch in children])

    for (level, code, age, sex) in ids:
        if age == "all":
            bands = [k for k in ids if k[:2] == (level, code) and k[3] == sex and k[2] != "all"]
            if bands:
                add((level, code, age, sex), bands)
        if sex == "all":
            sexes = [k for k in ids if k[:3] == (level, code, age) and k[3] != "all"]
            if sexes:
                add((level, code, age, sex), sexes)
        districts = [k for k in ids if k[0] == "district" and k[2:] == (age, sex)]
        if level == "province" and districts:
            add((level, code, age, sex), districts)
        if level == "district":
            subs = [k for k in ids if k[0] == "subdistrict" and k[2:] == (age, sex)
                    and ids[k]["district_code"] == code]
            if subs:
                add((level, code, age, sex), subs)
    values = {(key, c): ids[key][c] for key in ids for c in columns}
    return eqs, values


def _system(eqs, values):
    """The published sums as A x = b over the suppressed cells; returns (A, b, {cell: column})."""
    hidden = sorted(c for c, v in values.items() if v == "")
    index = {c: i for i, c in enumerate(hidden)}
    a_rows, b = [], []
    for eq in eqs:
        row = np.zeros(len(hidden))
        rhs = 0.0
        for sign, c in eq:
            if values[c] == "":
                row[index[c]] += sign
            else:
                rhs -= sign * float(values[c])
        if row.any():
            a_rows.append(row)
            b.append(rhs)
    return np.array(a_rows), np.array(b), index


def feasible_range(rows, cell):
    """The smallest and largest value a suppressed cell can take, given every published sum."""
    a, b, index = _system(*_attack_equations(rows))
    objective = np.zeros(len(index))
    objective[index[cell]] = 1
    low = linprog(objective, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
    high = linprog(-objective, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
    return low.fun, -high.fun


def attack(rows, narrower_than=0.5):
    """Every suppressed cell the published figures fix to one value: by subtraction, by the
    linear system's null space (numpy), and by its interval bounds under x >= 0 (linear programs):
    a cell whose largest and smallest possible values are less than ``narrower_than`` apart."""
    eqs, values = _attack_equations(rows)
    recovered = set()
    for eq in eqs:           # subtraction: a sum with exactly one unknown
        unknown = [c for _, c in eq if values[c] == ""]
        if len(unknown) == 1:
            recovered.add(unknown[0])
    if not any(v == "" for v in values.values()):
        return recovered
    a, b, index = _system(eqs, values)
    hidden = sorted(index)
    _, s, vt = np.linalg.svd(a)
    null = vt[int((s > 1e-9 * max(a.shape) * s[0]).sum()):]
    for c, i in index.items():
        if not null.size or np.abs(null[:, i]).max() < 1e-7:
            recovered.add(c)
    # Feasible range of each hidden cell. Every solution found is remembered: a cell already
    # seen at two values at least 0.5 apart is not pinned, and needs no linear program of its own.
    seen_low, seen_high = np.full(len(hidden), np.inf), np.full(len(hidden), -np.inf)
    for c, i in index.items():
        if seen_high[i] - seen_low[i] >= max(narrower_than, 0.5):
            continue
        objective = np.zeros(len(hidden))
        objective[i] = 1
        low = linprog(objective, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status in (0, 3), "the published figures are inconsistent"
        if high.status == 3:     # unbounded above: far from pinned
            continue
        for x in (low.x, high.x):
            seen_low, seen_high = np.minimum(seen_low, x), np.maximum(seen_high, x)
        if -high.fun - low.fun < narrower_than:
            recovered.add(c)
    return recovered


def merge(*exports):
    """The attacker's union of several publications' rows: one row per (level, area, age band,
    sex) holding every count any of them published; asserts they never disagree on a count."""
    merged = {}
    for rows in exports:
        for row in rows:
            key = (row["level"], row["area_code"], row["age_band"], row["sex"])
            known = merged.setdefault(key, dict(row))
            for column, value in row.items():
                if column.startswith("persons_") and value != "":
                    assert known[column] in ("", value), (key, column, known[column], value)
                    known[column] = value
    return list(merged.values())


def test_the_attacker_finds_a_cell_left_alone():
    # Only primary suppression: 3 = 53 - 20 - 30, found by subtraction and by the system.
    row = {"level": "province", "area_code": "50", "district_code": "", "age_band": "all",
           "sex": "all", "persons_scored": "53", "persons_high": "", "persons_medium": "20",
           "persons_low": "30"}
    assert attack([row]) == {(("province", "50", "all", "all"), "persons_high")}
    # Two suppressed cells in the row: 23 between them, each anywhere from 0 to 23.
    assert attack([dict(row, persons_medium="")]) == set()


# --- on the scored sample province, through processing.run --------------------------------------

@pytest.fixture(scope="module")
def scored(imported_sample, tmp_path_factory):
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("public"))
    crosswalk.run_crosswalk(db, 2024)
    risk_index.score_risk_index(db, 2024, risk_index.Options())
    return files, db


@pytest.fixture()
def fresh(scored, tmp_path):
    """A copy of the scored province never published (an empty export register)."""
    (tmp_path / "db").mkdir()
    return copy_database(scored[1], tmp_path / "db")


@pytest.mark.parametrize("k", [11, 3])
def test_no_suppressed_cell_is_recoverable_from_the_published_csvs(run_algorithm, fresh, tmp_path, k):
    db = fresh
    result = run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2567, K=k, LEVEL=2,
                           OUTPUT_FOLDER=str(tmp_path))
    rows = read_tables(tmp_path)
    assert {r["level"] for r in rows} == {"province", "district", "subdistrict"}
    hidden = sum(r[f"persons_{c}"] == "" for r in rows for c in ("scored",) + CLASSES)
    assert hidden == result["PRIMARY"] + result["SECONDARY"] and result["SECONDARY"] > 0
    published = [int(r[f"persons_{c}"]) for r in rows for c in ("scored",) + CLASSES
                 if r[f"persons_{c}"] != ""]
    assert published and all(v == 0 or v >= k for v in published)
    assert attack(rows) == set()
    with sqlite3.connect(db) as conn:   # the province total is the true one when published
        total = conn.execute("SELECT count(*) FROM risk_person WHERE data_year = 2024 AND "
                             "risk_index IS NOT NULL").fetchone()[0]
    province = [r for r in rows if r["level"] == "province" and r["age_band"] == r["sex"] == "all"]
    assert province[0]["persons_scored"] == str(total)


def test_outputs_carry_the_note_and_no_person(run_algorithm, scored, fresh, tmp_path):
    files, db = scored[0], fresh
    tmp_path = tmp_path / "out"
    run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, K=5, ROUNDING=5, LEVEL=2,
                  OUTPUT_FOLDER=str(tmp_path))
    names = {p.name for p in tmp_path.iterdir()}
    assert {"README.txt", "public_export_2024.xlsx", "public_export_2024.gpkg",
            "public_export_2024_subdistrict.geojson", "public_export_2024_subdistrict.csv"} <= names
    note = "k = 5"
    assert note in (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert "multiple of 5" in (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert "90% or more of a group's persons are at high or at medium risk and fewer than 5" in \
        (tmp_path / "README.txt").read_text(encoding="utf-8")
    for row in read_tables(tmp_path):
        assert note in row["note"] and "2024" in row["note"]
        for c in ("scored",) + CLASSES:
            assert row[f"persons_{c}"] == "" or int(row[f"persons_{c}"]) % 5 == 0
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{tmp_path / 'public_export_2024.gpkg'}|layername=public_subdistrict",
                           "public", "ogr")
    assert layer.isValid() and layer.featureCount() > 0
    assert all(not f.geometry().isEmpty() for f in layer.getFeatures()
               if not f["area_code"].startswith("unknown"))
    assert {f.name() for f in layer.fields()} >= {"persons_high", "share_high", "note"}
    with zipfile.ZipFile(tmp_path / "public_export_2024.xlsx") as book:
        assert len([n for n in book.namelist() if n.startswith("xl/worksheets/")]) == 4
    text = " ".join(p.read_bytes().decode("utf-8", "ignore") if p.suffix != ".xlsx" else
                    " ".join(zipfile.ZipFile(p).read(n).decode() for n in zipfile.ZipFile(p).namelist())
                    for p in tmp_path.iterdir())
    with sqlite3.connect(db) as conn:
        keys = [k for (k,) in conn.execute("SELECT person_key FROM risk_person")]
    assert keys and not any(k in text for k in keys)
    assert not re.search(r"(?<!\d)\d{13}(?!\d)", text)
    person_names = set()
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            person_names.update(n for n in (row["first_name"], row["last_name"]) if len(n) > 3)
    assert not person_names & set(re.findall(r"\w+", text))


def test_breakdown_parameters_and_refusals(run_algorithm, scored, fresh, tmp_path):
    db = fresh
    tmp_path = tmp_path / "out"
    run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, LEVEL=1, BY_AGE_BAND=False,
                  BY_SEX=False, OUTPUT_FOLDER=str(tmp_path))
    rows = read_tables(tmp_path)
    assert {r["level"] for r in rows} == {"province", "district"}
    assert {(r["age_band"], r["sex"]) for r in rows} == {("all", "all")}
    assert attack(rows) == set()
    note = (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert "90% or more" in note
    # DOMINANCE reaches the rule and the note: at 1 only groups wholly in one class are hidden
    # (a database of its own: the first one's year was published with 0.9)
    (tmp_path / "other").mkdir(parents=True)
    other = copy_database(scored[1], tmp_path / "other")
    run_algorithm("publicexport", DATABASE=str(other), DATA_YEAR=2024, LEVEL=1, BY_AGE_BAND=False,
                  BY_SEX=False, DOMINANCE=1.0, OUTPUT_FOLDER=str(tmp_path / "all"))
    assert "100% or more" in (tmp_path / "all" / "README.txt").read_text(encoding="utf-8")
    with pytest.raises(Exception, match="folder of its own"):
        run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, OUTPUT_FOLDER=str(db))
    # Other settings for a published year: refused with what was published, until a re-release.
    with pytest.raises(Exception, match="published on .* with k = 11, rounding 1, dominance 90%"):
        run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, K=20, LEVEL=0,
                      OUTPUT_FOLDER=str(tmp_path / "k20"))
    result = run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, K=20, LEVEL=0,
                           RERELEASE="k raised to 20 by the data protection officer",
                           OUTPUT_FOLDER=str(tmp_path / "k20"))
    assert result["CELLS"] == 128 and "re-release 2" in \
        (tmp_path / "k20" / "README.txt").read_text(encoding="utf-8")
    with pytest.raises(Exception, match="scoreriskindex"):
        run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2019, OUTPUT_FOLDER=str(tmp_path))


def test_random_tables_leave_nothing_recoverable():
    rng = random.Random(3)
    for _ in range(5):
        tree, counts = _province(rng.random())
        protected = disclosure.protect([_area(tree), SEX, RISK], counts)
        _published_ok(protected)
        assert attack(_table_rows(protected, tree)) == set()


SEX = disclosure.Dimension("sex", {"all": None, "female": "all", "male": "all"})


def _table_rows(protected, tree):
    """The published CSV rows of a cube area (P > D* > s*) x sex x risk class."""
    rows = []
    for node, s in itertools.product(tree, ("all", "female", "male")):
        level = "province" if node == "P" else "district" if node.startswith("D") else "subdistrict"
        row = {"level": level, "area_code": node, "age_band": "all", "sex": s,
               "district_code": tree[node] if level == "subdistrict" else ""}
        for c in ("scored",) + CLASSES:
            shown = protected.published((node, s, c))
            row[f"persons_{c}"] = "" if shown is None else str(shown)
        rows.append(row)
    return rows


def _province(seed, districts=3, per_district=3, choices=(0, 0, 1, 3, 8, 12, 25, 60)):
    rng = random.Random(seed)
    tree = {"P": None, **{f"D{d}": "P" for d in range(1, districts + 1)}}
    for i in range(districts * per_district):
        tree[f"s{i}"] = f"D{i % districts + 1}"
    counts = {(f"s{i}", s, c): rng.choice(choices) for i, s, c in
              itertools.product(range(districts * per_district), ("female", "male"), CLASSES)}
    return tree, counts


def test_attribute_disclosure_all_girls_high_is_no_longer_readable():
    # "All 14 girls of tambon s0 are high risk", and 13 of the 14 boys are low risk: published
    # as they are (zeros included) each row tells every member's class.
    tree, counts = _province(11, choices=(12, 15, 20, 30, 45))
    counts.update({("s0", "female", "high"): 14, ("s0", "female", "medium"): 0,
                   ("s0", "female", "low"): 0, ("s0", "male", "high"): 0,
                   ("s0", "male", "medium"): 1, ("s0", "male", "low"): 13})
    girls, boys = ("subdistrict", "s0", "all", "female"), ("subdistrict", "s0", "all", "male")

    def row(rows, key):
        return next(r for r in rows if (r["level"], r["area_code"], r["age_band"], r["sex"]) == key)

    control = _table_rows(disclosure.protect([_area(tree), SEX, RISK], counts), tree)
    assert [row(control, girls)[f"persons_{c}"] for c in CLASSES[1:]] == ["0", "0"]  # all high
    protected = disclosure.protect([_area(tree), SEX, RISK], counts, attribute="risk_class",
                                   dominance=0.9)
    _published_ok(protected)
    rows = _table_rows(protected, tree)
    for key in (girls, boys):
        assert [row(rows, key)[f"persons_{c}"] for c in CLASSES] == ["", "", ""], key
        for c in CLASSES:
            assert protected.hidden[(key[1], key[3], c)] in ("dominance", "primary")
    assert attack(rows) == set()
    # The attacker cannot tell that all girls are high risk, nor that none is medium.
    low, high = feasible_range(rows, (girls, "persons_high"))
    assert low < 14 <= high
    assert feasible_range(rows, (girls, "persons_medium"))[1] > 0
    # Groups not dominated keep their class counts: the rule is not a blanket suppression.
    assert any(row(rows, ("subdistrict", f"s{i}", "all", "female"))["persons_high"] != ""
               for i in range(1, 9))


def test_blocks_never_miss_a_determined_cell():
    # The block check (small blocks here, so that branches and pairs are used) may leave a free
    # cell without a witness, never a determined one: compared with the whole-system check.
    for seed in range(4):
        tree, counts = _province(seed, districts=4, per_district=3)
        dims = [_area(tree), SEX, RISK]
        eqs = [[p, *ch] for p, ch in disclosure.equations(dims)]
        values = disclosure.cube_values(dims, counts)
        rng = random.Random(seed)
        hidden = dict.fromkeys((c for c, v in values.items() if v > 0 and rng.random() < 0.7), "x")
        exact = disclosure.determined_cells(eqs, values, hidden)
        blocks = disclosure.unproven_cells(dims, eqs, hidden, set(), block=20)
        assert exact <= blocks and len(blocks) < len(hidden)


def test_protection_with_small_blocks_leaves_nothing_recoverable():
    # The same guarantee when the cube is checked in many blocks (as at sub-district level
    # for a whole province), with the dominance rule on: the attacker checks the whole system.
    for seed in range(3):
        tree, counts = _province(seed + 20, districts=4, per_district=4)
        protected = disclosure.protect([_area(tree), SEX, RISK], counts, attribute="risk_class",
                                       dominance=0.9, block=40)
        _published_ok(protected)
        assert protected.published(("P", "all", "scored")) == sum(counts.values())
        assert attack(_table_rows(protected, tree)) == set()


def test_subdistrict_export_checked_in_blocks_leaves_nothing_recoverable(scored):
    # The sample province at sub-district x age band x sex, protected with blocks far smaller
    # than its hidden cells (a province's cube is checked that way), read back as the CSV rows.
    _, db = scored
    with sqlite3.connect(db) as conn:
        areas = release.read_areas(conn)
        counts, _ = release.read_counts(conn, 2024)
    dims = release.cube_dimensions(areas, counts)
    protected = disclosure.protect(dims, counts, k=11, attribute="risk_class", dominance=0.9,
                                   block=150)
    per_subdistrict = {}
    for cell in protected.hidden:
        if cell[0][0] == "subdistrict":
            per_subdistrict[cell[0]] = per_subdistrict.get(cell[0], 0) + 1
    assert len(protected.hidden) > 4 * 150 and min(per_subdistrict.values()) >= 5
    assert "dominance" in protected.hidden.values()
    rows = [{c: "" if v is None else str(v) for c, v in row.items()}
            for level in public_export.LEVELS
            for row in public_export.table_rows(protected, areas, level, "")]
    assert attack(rows) == set()


def test_formulas_in_area_names_are_neutralised_in_the_csv_and_the_workbooks(scored, tmp_path):
    """An area name from a boundary file can start with '=': the public export's CSV and XLSX and
    the risk report's workbook show it as text with an apostrophe, and write no formula; counts
    stay numbers."""
    from openpyxl import load_workbook
    from trafficking_db.trafficking_plugin.core import database
    from trafficking_db.trafficking_plugin.core.dissemination import public_export, report_xlsx
    _, db = scored
    db = copy_database(db, tmp_path)
    evil = '=HYPERLINK("http://x")'
    with contextlib.closing(database.connect(db)) as conn, conn:    # its triggers need ST_ functions
        code = conn.execute("SELECT code FROM district ORDER BY code").fetchone()[0]
        conn.execute("UPDATE district SET name_th = ?, name_en = '-West' WHERE code = ?", (evil, code))
        conn.execute("UPDATE risk_district SET name_th = ? WHERE code = ?", (evil, code))
    public_export.export(db, 2024, tmp_path / "out", level="district")
    rows = read_tables(tmp_path / "out")
    planted = [r for r in rows if r["area_code"] == code]
    assert planted and {(r["area_name_th"], r["area_name_en"]) for r in planted} == {("'" + evil, "'-West")}
    assert all(r["persons_scored"] == "" or int(r["persons_scored"]) >= 0 for r in rows)
    report = report_xlsx.write_workbook(db, 2024, tmp_path / "report.xlsx")
    for path in (tmp_path / "out" / "public_export_2024.xlsx", report):
        with zipfile.ZipFile(path) as book:
            sheets = [book.read(n).decode("utf-8") for n in book.namelist()
                      if n.startswith("xl/worksheets/")]
        assert not any("<f>" in s or "<f " in s for s in sheets), path
    sheet = load_workbook(tmp_path / "out" / "public_export_2024.xlsx")["district"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("area_code")].value == code)
    assert row[header.index("area_name_th")].value == "'" + evil
    assert row[header.index("area_name_th")].data_type == "s"
    scored_cell = row[header.index("persons_scored")]
    assert scored_cell.value is None or scored_cell.data_type == "n"
    sheet = load_workbook(report)["district"]
    names = {r[0].value: r[1].value for r in sheet.iter_rows(min_row=2)}
    assert names[code] == "'" + evil
    assert all(isinstance(r[2].value, int) for r in sheet.iter_rows(min_row=2))   # persons: numbers


# --- every export of a year together: one protected cube, the export register ------------------

BREAKDOWNS = {            # folder: (LEVEL, BY_AGE_BAND, BY_SEX)
    "default": (2, True, True), "by_sex": (2, False, True), "by_age": (2, True, False),
    "none": (2, False, False), "district": (1, True, True), "province": (0, True, True)}


def export_all(run_algorithm, db, folder, **settings):
    """Every breakdown of the year exported through processing.run: {name: CSV rows}."""
    found = {}
    for name, (level, by_age, by_sex) in BREAKDOWNS.items():
        run_algorithm("publicexport", DATABASE=str(db), DATA_YEAR=2024, LEVEL=level,
                      BY_AGE_BAND=by_age, BY_SEX=by_sex, OUTPUT_FOLDER=str(folder / name),
                      **settings)
        found[name] = read_tables(folder / name)
    return found


# The protection level guaranteed, given every publication of a year together and x >= 0: no
# suppressed cell is pinned, its range holds values at least one person apart (docs/public_export.md
# says why ranges k wide are not guaranteed).
PROTECTION_RANGE = 1


def test_every_export_of_a_year_together_recovers_nothing(run_algorithm, fresh, tmp_path):
    exports = export_all(run_algorithm, fresh, tmp_path)
    union = merge(*exports.values())        # asserts that no two exports disagree on a cell
    hidden = [(r, c) for r in union for c in ("scored",) + CLASSES if r[f"persons_{c}"] == ""]
    assert len(hidden) > 100
    # Each coarser export is a set of the default export's cells: the same cells, the same values.
    keys = {(r["level"], r["area_code"], r["age_band"], r["sex"]) for r in exports["default"]}
    assert {(r["level"], r["area_code"], r["age_band"], r["sex"]) for r in union} == keys
    assert attack(union, narrower_than=PROTECTION_RANGE) == set()
    # The register: six publications of release 1, with what each published.
    rows = release.register(fresh, 2024)
    assert [(r["kind"], r["release"], r["level"], r["by_age_band"], r["by_sex"]) for r in rows] == \
        [("public_export", 1, public_export.LEVELS[level], int(age), int(sex))
         for level, age, sex in BREAKDOWNS.values()]
    assert len({r["fingerprint"] for r in rows}) == 1 and {r["k"] for r in rows} == {11}
    assert all(r["rounding"] == 1 and r["dominance"] == 0.9 and r["rerelease_reason"] is None
               for r in rows)
    for row, (name, published) in zip(rows, exports.items()):
        assert row["cells"] == 4 * len(published)
        assert row["suppressed"] == sum(r[f"persons_{c}"] == "" for r in published
                                        for c in ("scored",) + CLASSES), name
        assert str(tmp_path / name) in row["destination"] and "README.txt" in row["destination"]
    with sqlite3.connect(fresh) as conn:
        stored = conn.execute("SELECT count(*) FROM export_suppressed WHERE data_year = 2024 "
                              "AND release = 1").fetchone()[0]
        scored_at, persons = conn.execute("SELECT scored_at, persons_scored FROM risk_run WHERE "
                                          "data_year = 2024").fetchone()
    assert stored == rows[0]["suppressed"] and rows[0]["scored_at"] == scored_at
    assert rows[0]["persons_scored"] == persons


def test_exports_protected_each_on_its_own_give_cells_away(scored):
    # The control (the finding): the default export and one by sex only, each protected
    # on its own as before the register, together let the attacker work out suppressed cells.
    _, db = scored
    with sqlite3.connect(db) as conn:
        areas = release.read_areas(conn)
        counts, _ = release.read_counts(conn, 2024)
    dims = release.cube_dimensions(areas, counts)
    by_sex = {}
    for (area, _age, sex, risk_class), n in counts.items():
        by_sex[(area, sex, risk_class)] = by_sex.get((area, sex, risk_class), 0) + n
    options = {"k": 11, "attribute": "risk_class", "dominance": 0.9}
    full = disclosure.protect(dims, counts, **options)
    alone = disclosure.protect([dims[0], dims[2], dims[3]], by_sex, **options)

    def rows(protected):
        return [{c: "" if v is None else str(v) for c, v in row.items()}
                for level in public_export.LEVELS
                for row in public_export.table_rows(protected, areas, level, "")]

    assert attack(rows(full)) == set() and attack(rows(alone)) == set()    # each holds alone
    assert attack(rows(full) + rows(alone))                                   # not together


def test_other_settings_or_changed_data_are_refused_until_a_rerelease(fresh, tmp_path):
    first = public_export.export(fresh, 2024, tmp_path / "first")
    with pytest.raises(release.ReleaseError, match=r"k = 11, rounding 1, dominance 90%.*re-release"):
        public_export.export(fresh, 2024, tmp_path / "k5", k=5, level="district")
    assert not (tmp_path / "k5").exists()
    for settings in ({"rounding": 5}, {"dominance": None}):
        with pytest.raises(release.ReleaseError, match="publish with k = 11"):
            public_export.export(fresh, 2024, tmp_path / "other", **settings)
    # The same settings at another level and breakdown are fine, and a re-scoring that leaves every
    # count as it was is not a change.
    risk_index.score_risk_index(fresh, 2024, risk_index.Options())
    public_export.export(fresh, 2024, tmp_path / "again", level="province", by_sex=False)
    # A person moved to another class: the published figures would change.
    conn = database.connect(fresh)
    conn.execute("UPDATE risk_person SET risk_class = CASE risk_class WHEN 'high' THEN 'low' "
                 "ELSE 'high' END WHERE fid = (SELECT min(fid) FROM risk_person WHERE risk_class "
                 "IS NOT NULL)")
    conn.close()
    with pytest.raises(release.ReleaseError, match="changed since it was published.*re-release"):
        public_export.export(fresh, 2024, tmp_path / "changed")
    second = public_export.export(fresh, 2024, tmp_path / "changed", k=5,
                                  rerelease="a class corrected after review")
    assert (first.release, second.release) == (1, 2)
    assert "re-release 2" in (tmp_path / "changed" / "README.txt").read_text(encoding="utf-8")
    rows = release.register(fresh, 2024)
    assert [(r["release"], r["k"], r["rerelease_reason"]) for r in rows] == \
        [(1, 11, None), (1, 11, None), (2, 5, "a class corrected after review")]
    assert rows[0]["fingerprint"] != rows[2]["fingerprint"]
    # From now on the year's exports follow release 2.
    with pytest.raises(release.ReleaseError, match="k = 5"):
        public_export.export(fresh, 2024, tmp_path / "k11")


def test_rounding_is_the_same_in_every_export(fresh, tmp_path):
    a = public_export.export(fresh, 2024, tmp_path / "a", rounding=5)
    public_export.export(fresh, 2024, tmp_path / "b", rounding=5, level="district", by_age_band=False)
    rows = merge(read_tables(tmp_path / "a"), read_tables(tmp_path / "b"))   # never disagree
    assert all(int(r[f"persons_{c}"]) % 5 == 0 for r in rows for c in ("scored",) + CLASSES
               if r[f"persons_{c}"] != "")
    assert a.protected.rounding == 5


def test_an_export_the_register_cannot_record_leaves_no_files(fresh, tmp_path):
    public_export.export(fresh, 2024, tmp_path / "first", level="province")
    conn = database.connect(fresh)
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON export_register BEGIN "
                 "SELECT RAISE(ABORT, 'register refused'); END")
    conn.close()
    with pytest.raises(database.DatabaseError, match="register refused"):
        public_export.export(fresh, 2024, tmp_path / "second")
    assert list((tmp_path / "second").iterdir()) == []
    assert len(release.register(fresh, 2024)) == 1
