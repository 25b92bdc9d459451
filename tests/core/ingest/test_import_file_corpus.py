"""Malformed and awkward input: each file is built here and has a stated outcome.

An outcome is either staged/rejected counts (with a phrase every rejection reason must hold) or a
clear error message. None may crash, and no row may be lost: rows read = staged + rejected.
"""
import codecs
import contextlib
import datetime
import sqlite3
import struct
import zipfile

import openpyxl
import pandas as pd
import pytest
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.ingest import import_file, thai_id

MEMBER_HEADER = ["household_id", "member_no", "citizen_id", "prename", "first_name", "last_name", "sex",
                 "birth_year", "relation", "occupation", "education"]
HOUSEHOLD_HEADER = ["household_id", "house_code", "house_no", "village_code", "survey_date", "members",
                    "income_per_person"]
ROSTER_HEADER = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ปีการศึกษา", "เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ",
                 "นามสกุล", "เพศ", "วันเดือนปีเกิด", "ชั้น", "ห้อง", "สถานะ", "บ้านเลขที่", "รหัสหมู่บ้าน"]
HOME_HEADER = ["HOSPCODE", "HID", "HOUSE_ID", "HOUSE", "VILLAGE", "TAMBON", "AMPUR", "CHANGWAT"]


def tid(n):
    """A valid Thai ID made from the number n."""
    first12 = f"3500{n:08d}"
    return first12 + str(thai_id.check_digit(first12))


def member(n, **changes):
    row = {"household_id": f"50010101-{n:05d}", "member_no": "1", "citizen_id": tid(n), "prename": "นาย",
           "first_name": "สมชาย", "last_name": "ใจดี", "sex": "ชาย", "birth_year": "2520",
           "relation": "หัวหน้าครัวเรือน", "occupation": "เกษตรกรรม", "education": "ประถมศึกษา"}
    row.update(changes)
    return [row[c] for c in MEMBER_HEADER]


def household(n, date):
    return [f"50010101-{n:05d}", "50011234567", str(n), "50010101", date, "3", "45000"]


def roster(n, pid=None, birth="09/05/2555", village="50010103"):
    return ["1050001456", "โรงเรียนบ้านบ่อปิง", "2567", pid or tid(n), "เด็กชาย", "สุทธิพงษ์", "บัวเขียว", "ชาย",
            birth, "ป.6", "1", "กำลังศึกษา", "8", village]


def csv_text(rows, delimiter=",", newline="\r\n"):
    def quote(cell):
        cell = str(cell)
        if any(ch in cell for ch in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell
    return "".join(delimiter.join(quote(c) for c in row) + newline for row in rows)


def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def xlsx(path, rows, merged_title=None):
    book = openpyxl.Workbook()
    sheet = book.active
    if merged_title:
        sheet.append([merged_title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def dbf(path, header, rows, deleted=()):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    head_len = 32 + 32 * len(header) + 1
    rec_len = 1 + sum(widths)
    out = struct.pack("<B3BIHH20x", 3, 124, 1, 1, len(rows), head_len, rec_len)
    for name, width in zip(header, widths):
        out += struct.pack("<11sc4xBB14x", name.encode("ascii"), b"C", width, 0)
    out += b"\r"
    for n, row in enumerate(rows):
        out += b"*" if n in deleted else b" "
        out += b"".join(str(v).encode("cp874").ljust(w) for v, w in zip(row, widths))
    path.write_bytes(out + b"\x1a")
    return path


def members_csv(tmp, *rows, name="members.csv", **kw):
    return write(tmp / name, csv_text([MEMBER_HEADER, *rows], **kw))


def placeholder(first12):
    """A 13-digit ID of ``first12`` with its right check digit."""
    return first12 + str(thai_id.check_digit(first12))


def stray_quote(tmp, column):
    """300 members; row 11 opens a quote at the start of ``column`` and never closes it."""
    lines = csv_text([MEMBER_HEADER, *(member(n) for n in range(1, 301))]).splitlines(keepends=True)
    cells = lines[11].split(",")
    at = MEMBER_HEADER.index(column)
    cells[at] = '"' + cells[at]
    lines[11] = ",".join(cells)
    return write(tmp / "members.csv", "".join(lines))


# Each case: a builder (tmp_path -> path, or (path, source), or (path, source, encoding); the source
# defaults to family_welfare and the encoding to auto) and the expected outcome.
CASES = {
    "empty file": (lambda t: (write(t / "m.csv", b"")),
                   {"error": "the file is empty"}),
    "header only": (lambda t: (members_csv(t)), {"staged": 0, "rejected": 0}),
    "only blank lines after the header": (
        lambda t: (write(t / "m.csv", csv_text([MEMBER_HEADER]) + "\r\n\r\n,,,\r\n")),
        {"staged": 0, "rejected": 0}),
    "no header": (lambda t: (write(t / "m.csv", csv_text([member(1), member(2)]))),
                  {"error": "not a file of source 'family_welfare'"}),
    "truncated last line": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER, member(1), member(2)])
                        + ",".join(member(3)[:4])),
        {"staged": 2, "rejected": 1, "reason": "cut short"}),
    "unclosed quote on the last line": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER, member(1)]) + '50010101-00002,1,"' + tid(2)),
        {"staged": 1, "rejected": 1, "reason": "not closed"}),
    "TIS-620 file read as UTF-8": (
        lambda t: (write(t / "m.csv", csv_text([MEMBER_HEADER, member(1), member(2)]).encode("cp874")),
                   "family_welfare", "utf-8"),
        {"staged": 0, "rejected": 2, "reason": "not valid utf-8 text"}),
    "TIS-620 file detected": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER, member(1), member(2)]).encode("cp874")),
        {"staged": 2, "rejected": 0, "query": ("SELECT occupation FROM {table}", "เกษตรกรรม")}),
    "UTF-8 file with one TIS-620 row": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER, member(1)]).encode("utf-8")
                         + csv_text([member(2)]).encode("cp874") + csv_text([member(3)]).encode("utf-8")),
        {"staged": 2, "rejected": 1, "reason": "mixed encodings"}),
    "TIS-620 file with one UTF-8 row": (
        lambda t: (write(t / "m.csv", csv_text([MEMBER_HEADER, member(1)]).encode("cp874")
                         + csv_text([member(2)]).encode("utf-8")), "family_welfare", "cp874"),
        {"staged": 1, "rejected": 1, "reason": "mixed encodings"}),
    "UTF-8 with BOM": (
        lambda t: write(t / "m.csv", codecs.BOM_UTF8 + csv_text([MEMBER_HEADER, member(1)]).encode()),
        {"staged": 1, "rejected": 0}),
    "UTF-16 tab-separated (Excel's Unicode text)": (
        lambda t: write(t / "m.txt", csv_text([MEMBER_HEADER, member(1), member(2)], "\t").encode("utf-16")),
        {"staged": 2, "rejected": 0}),
    "semicolons and LF line ends": (
        lambda t: (members_csv(t, member(1), member(2), delimiter=";", newline="\n")),
        {"staged": 2, "rejected": 0}),
    "quotes inside fields": (
        lambda t: members_csv(t, member(1, occupation='รับจ้าง, "ทั่วไป"'), member(2)),
        {"staged": 2, "rejected": 0,
         "query": ("SELECT occupation FROM {table} WHERE row_number = 1", 'รับจ้าง, "ทั่วไป"')}),
    # A record spans lines only in columns the spec marks multiline (none here): each physical
    # line is a row of its own, the quoted one and the line it ran into both rejected.
    "a line break inside a field the spec keeps to one line": (
        lambda t: members_csv(t, member(1, occupation='รับจ้าง\nและเกษตร'), member(2)),
        {"staged": 1, "rejected": 2}),
    "a stray quote in the last field swallows no record": (
        lambda t: stray_quote(t, "education"), {"staged": 299, "rejected": 1,
                                                "query": ("SELECT count(*) FROM {table}", 299)}),
    "a stray quote in a name swallows no record": (
        lambda t: stray_quote(t, "first_name"), {"staged": 299, "rejected": 1}),
    "U+2028 and U+0085 inside a UTF-16 cell end no row": (
        lambda t: write(t / "m.txt", csv_text([MEMBER_HEADER, member(1, occupation="รับจ้าง\u2028ทั่วไป"),
                                               member(2, occupation="ค้าขาย\x85ส่ง")], "\t").encode("utf-16")),
        {"staged": 2, "rejected": 0,
         "query": ("SELECT group_concat(occupation, '|') FROM {table}", "รับจ้าง\u2028ทั่วไป|ค้าขาย\x85ส่ง")}),
    "ages and counts out of range, in exponent form or beyond 64 bits": (
        lambda t: write(t / "households.csv", csv_text([HOUSEHOLD_HEADER] + [
            household(n, "15/03/2567")[:5] + [members, "45000"] for n, members in enumerate(
                ["3", "-5", "999", "1e3", "99999999999999999999", "1,0"], 1)])),
        {"staged": 1, "rejected": 5, "query": ("SELECT members FROM {table}", 3)}),
    "placeholder IDs that pass the check digit": (
        lambda t: members_csv(t, member(1, citizen_id=placeholder("111111111111")),
                              member(2, citizen_id=placeholder("123456789012")),
                              member(3, citizen_id=placeholder("300000000001")),   # no office
                              member(4), member(5), member(6)),
        {"staged": 3, "rejected": 3, "reason": "placeholder"}),
    "the unit separator inside a cell makes no row a copy of another": (
        lambda t: members_csv(t, member(1, occupation="a\x1fb", education="c"),
                              member(1, occupation="a", education="b\x1fc")),
        {"staged": 2, "rejected": 0}),
    "utf-16 chosen for a UTF-8 file": (
        lambda t: (members_csv(t, member(1)), "family_welfare", "utf-16"),
        {"error": "not UTF-16 text"}),
    "Thai digits": (
        lambda t: members_csv(t, member(1, member_no="๒", birth_year="๒๕๒๐", citizen_id=tid(1).translate(
            str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")))),
        {"staged": 1, "rejected": 0,
         "query": ("SELECT member_no || '/' || age FROM {table}", "2/47")}),   # born B.E. 2520
    "IDs with dashes and spaces": (
        lambda t: members_csv(t, member(1, citizen_id=f"{tid(1)[:5]}-{tid(1)[5:10]} {tid(1)[10:]}")),
        {"staged": 1, "rejected": 0, "query": ("SELECT id_kind FROM {table}", "thai_id")}),
    "bad check digits": (
        lambda t: (members_csv(t, member(1), member(2, citizen_id=tid(2)[:12] + str(9 - int(tid(2)[12]))),
                               member(3, citizen_id="12345"))),
        {"staged": 1, "rejected": 2, "reason": "ID *"}),
    "G code where only Thai IDs belong": (
        lambda t: (members_csv(t, member(1, citizen_id="G501234567890"))),
        {"staged": 0, "rejected": 1, "reason": "is not a 13-digit Thai ID"}),
    "G codes in the school roster": (
        lambda t: (write(t / "roster.csv", csv_text([ROSTER_HEADER, roster(1, "G501234567890"), roster(2)])),
                   "education", "auto"),
        {"staged": 2, "rejected": 0, "query": ("SELECT count(*) FROM {table} WHERE id_kind = 'g_code'", 1)}),
    "blank IDs are staged unlinked": (
        lambda t: (members_csv(t, member(1, citizen_id=""), member(2))),
        {"staged": 2, "rejected": 0, "query": ("SELECT count(*) FROM {table} WHERE person_key IS NULL", 1)}),
    "B.E. dates at 2499/2500 and on 29 February": (
        lambda t: (write(t / "households.csv", csv_text([HOUSEHOLD_HEADER] + [
            household(n, d) for n, d in enumerate(["29/02/2499", "29/02/2500", "31/12/2499", "01/01/2500",
                                                   "29/02/2567", "29/02/2566"], 1)]))),
        {"staged": 4, "rejected": 2, "reason": "February 25"}),
    "impossible dates": (
        lambda t: (write(t / "households.csv", csv_text([HOUSEHOLD_HEADER] + [
            household(n, d) for n, d in enumerate(["31/04/2567", "00/01/2567", "15/13/2567", "15/03/2024",
                                                   "soon", "45366"], 1)]))),
        {"staged": 1, "rejected": 5, "reason": "'"}),
    "required value empty": (
        lambda t: (members_csv(t, member(1, household_id=" "), member(2))),
        {"staged": 1, "rejected": 1, "reason": "required value is empty"}),
    "exact duplicate rows far apart": (
        lambda t: (members_csv(t, member(1), member(2), member(1))),
        {"staged": 2, "rejected": 1, "reason": "exact copy of row 1"}),
    "SQL-looking text": (
        lambda t: (members_csv(t, member(1, occupation="x'); DROP TABLE import_run; --"))),
        {"staged": 1, "rejected": 0,
         "query": ("SELECT occupation FROM {table} WHERE (SELECT count(*) FROM import_run)",
                   "x'); DROP TABLE import_run; --")}),
    "an ID typed into another column": (
        lambda t: members_csv(t, member(1, occupation=f"บัตร {tid(7)}"), member(2, relation="G501234567890")),
        {"staged": 0, "rejected": 2, "reason": "looks like a personal ID",
         "query": ("SELECT group_concat(value, ';') FROM rejected_row", "บัตร *********0078;*********7890")}),
    "10,000-character text": (
        lambda t: (members_csv(t, member(1, occupation="ก" * 10_000))),
        {"staged": 1, "rejected": 0, "query": ("SELECT length(occupation) FROM {table}", 10_000)}),
    "duplicate column names": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER + ["citizen_id"], member(1) + [tid(9)]])),
        {"error": "column 'citizen_id' appears 2 times"}),
    "duplicate names of unused columns": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER + ["note", "note"], member(1) + ["a", "b"]])),
        {"staged": 1, "rejected": 0}),
    "missing identifying column": (
        lambda t: write(t / "m.csv", csv_text([MEMBER_HEADER[:2] + MEMBER_HEADER[3:],
                                               member(1)[:2] + member(1)[3:]])),
        {"error": "the header lacks citizen_id"}),
    "missing optional columns": (
        lambda t: (write(t / "m.csv", csv_text([MEMBER_HEADER[:8], member(1)[:8]]))),
        {"staged": 1, "rejected": 0, "query": ("SELECT count(*) FROM {table} WHERE education IS NULL", 1)}),
    "extra columns and spaces around header names": (
        lambda t: (write(t / "m.csv", csv_text([[" " + h + " " for h in MEMBER_HEADER] + ["remark"],
                                                member(1) + ["เพิ่ม"]]))),
        {"staged": 1, "rejected": 0}),
    "more cells than the header": (
        lambda t: (members_csv(t, member(1) + ["stray"], member(2))),
        {"staged": 1, "rejected": 1, "reason": "filled cells but the header only"}),
    "a file of another agency": (
        lambda t: write(t / "HOME.csv", csv_text([HOME_HEADER, ["03776", "1", "", "1", "01", "01", "01",
                                                                 "50"]])),
        {"error": "not a file of source 'family_welfare'"}),
    "CSV named .xlsx": (
        lambda t: (members_csv(t, member(1), name="members.xlsx")),
        {"staged": 1, "rejected": 0}),
    "XLSX named .csv": (
        lambda t: (xlsx(t / "roster.csv", [ROSTER_HEADER, roster(1)]), "education"),
        {"staged": 1, "rejected": 0}),
    "PDF named .csv": (lambda t: (write(t / "m.csv", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj")),
                       {"error": "not a table"}),
    "binary file named .csv": (
        lambda t: (write(t / "m.csv", bytes(range(256)) * 4)),
        {"error": "binary data"}),
    "damaged old Excel .xls (read through GDAL)": (
        lambda t: (write(t / "m.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)),
        {"error": "cannot be read as a table by GDAL"}),
    "zip archive that is no spreadsheet": (
        lambda t: (_zip(t / "m.xlsx")), {"error": "not an XLSX or ODS"}),
    "Excel error cells": (
        lambda t: (xlsx(t / "roster.xlsx", [ROSTER_HEADER, roster(1, birth="#N/A"),
                                            roster(2, village="#VALUE!"), roster(3)]), "education"),
        {"staged": 1, "rejected": 2, "reason": "spreadsheet error"}),
    "merged title row above the header": (
        lambda t: (xlsx(t / "roster.xlsx", [ROSTER_HEADER, roster(1), roster(2)],
                        merged_title="รายชื่อนักเรียน ปีการศึกษา 2567"), "education"),
        {"staged": 2, "rejected": 0}),
    "spreadsheet date and number cells": (
        lambda t: (xlsx(t / "roster.xlsx", [ROSTER_HEADER, roster(1, birth=datetime.datetime(2012, 5, 9),
                                                                  village=50010103),
                                            roster(2, birth=41038)]), "education"),
        {"staged": 2, "rejected": 0,
         "query": ("SELECT group_concat(age || ' ' || village_code, ';') FROM {table}",
                   "12 50010103;12 50010103")}),          # born 2012-05-09: 12 on 1 July 2024
    "ODS spreadsheet": (
        lambda t: (_ods(t / "roster.ods", [roster(1), roster(2)]), "education"),
        {"staged": 2, "rejected": 0}),
    "DBF table with a deleted record": (
        lambda t: (dbf(t / "home.dbf", HOME_HEADER, [["03776", str(n), "", str(n), "01", "01", "01", "50"]
                                                     for n in range(1, 4)], deleted={1}), "health"),
        {"staged": 2, "rejected": 0}),
}


def _zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return path


def _ods(path, rows):
    pd.DataFrame(rows, columns=ROSTER_HEADER).to_excel(path, engine="odf", index=False)
    return path


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "template.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    return path.read_bytes()


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_input(case, tmp_path, empty_database):
    build, expected = CASES[case]
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    (tmp_path / "in").mkdir()
    built = build(tmp_path / "in")
    if not isinstance(built, tuple):
        built = (built, "family_welfare")
    path, source, encoding = (*built, "auto")[:3]
    if "error" in expected:
        with pytest.raises(import_file.ImportFailed) as error:
            import_file.import_file(db, path, source, 2024, encoding=encoding)
        assert expected["error"] in str(error.value)
        with contextlib.closing(sqlite3.connect(db)) as conn:
            assert conn.execute("SELECT status, rows_read FROM import_run").fetchall() == [("failed", 0)]
        return
    if expected["staged"] == 0 < expected["rejected"]:   # every row rejected: so is the file
        with pytest.raises(import_file.RejectedFile, match="nothing was imported"):
            import_file.import_file(db, path, source, 2024, encoding=encoding)
        with contextlib.closing(sqlite3.connect(db)) as conn:
            assert conn.execute("SELECT status, rows_read, rows_staged, rows_rejected FROM "
                                "import_run").fetchall() == [("rejected", expected["rejected"], 0,
                                                              expected["rejected"])]
        summary = None
    else:
        summary = import_file.import_file(db, path, source, 2024, encoding=encoding)
        assert (summary.rows_staged, summary.rows_rejected) == (expected["staged"],
                                                                expected["rejected"])
        assert summary.rows_read == summary.rows_staged + summary.rows_rejected
    with contextlib.closing(sqlite3.connect(db)) as conn:
        reasons = [r for (r,) in conn.execute("SELECT reason FROM rejected_row")]
        assert all(expected.get("reason", "") in r for r in reasons), reasons
        assert len(set(conn.execute("SELECT row_number FROM rejected_row"))) == expected["rejected"]
        if "query" in expected:
            sql, value = expected["query"]
            assert conn.execute(sql.format(table=summary and summary.staging_table)
                                ).fetchone()[0] == value


def test_the_corpus_is_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_exact_copies_are_found_within_and_across_chunks(tmp_path, empty_database, monkeypatch):
    """Rows checked three at a time: a copy in its original's chunk, in a later chunk, and two
    copies in one later chunk all name the first row; a chunk without copies loses nothing."""
    monkeypatch.setattr(import_file, "CHUNK_ROWS", 3)
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    rows = [member(n) for n in (1, 1, 2, 3, 2, 4, 6, 7, 8, 1, 1, 5)]
    members_csv(tmp_path, *rows)
    summary = import_file.import_file(db, tmp_path / "members.csv", "family_welfare", 2024)
    assert (summary.rows_staged, summary.rows_rejected) == (8, 4)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT row_number, reason FROM rejected_row ORDER BY row_number").fetchall() == [
            (2, "exact copy of row 1"), (5, "exact copy of row 3"), (10, "exact copy of row 1"),
            (11, "exact copy of row 1")]
        assert [n for (n,) in conn.execute(f"SELECT row_number FROM {summary.staging_table} "
                                           "ORDER BY row_number")] == [1, 3, 4, 6, 7, 8, 9, 12]


def test_a_file_mostly_rejected_stages_nothing_and_the_corrected_file_imports(tmp_path,
                                                                              empty_database):
    """A UTF-8 file taken as TIS-620 rejects every row: nothing staged, the run recorded as
    rejected with its reasons, and the same file with the right encoding imports after it. Over
    REJECTED_SHARE of a larger file is a rejected file too; under it, only the rows are."""
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    path = members_csv(tmp_path, *(member(n) for n in range(1, 301)))
    with pytest.raises(import_file.RejectedFile, match="300 of 300 rows rejected"):
        import_file.import_file(db, path, "family_welfare", 2024, encoding="cp874")
    summary = import_file.import_file(db, path, "family_welfare", 2024)
    assert (summary.status, summary.rows_staged) == ("succeeded", 300)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT status, rows_staged, rows_rejected FROM import_run ORDER BY "
                            "fid").fetchall() == [("rejected", 0, 300), ("succeeded", 300, 0)]
        assert conn.execute("SELECT count(*) FROM rejected_row WHERE import_run_id = 1 AND "
                            "reason LIKE '%not valid cp874%'").fetchone()[0] == 300
        assert conn.execute("SELECT count(*) FROM staging_family_welfare_member").fetchone()[0] == 300
    bad = [member(n, citizen_id="G501234567890") for n in range(1, 41)]
    half = members_csv(tmp_path, *bad[:21], *(member(n) for n in range(400, 419)), name="half.csv")
    with pytest.raises(import_file.RejectedFile, match="21 of 40 rows rejected"):
        import_file.import_file(db, half, "family_welfare", 2024)
    fewer = members_csv(tmp_path, *bad[:20], *(member(n) for n in range(500, 520)), name="fewer.csv")
    assert import_file.import_file(db, fewer, "family_welfare", 2024).rows_rejected == 20


def test_placeholder_ids_say_why(tmp_path, empty_database):
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    path = members_csv(tmp_path, member(1, citizen_id=placeholder("111111111111")),
                       *(member(n) for n in range(2, 5)))
    assert import_file.import_file(db, path, "family_welfare", 2024).rows_rejected == 1
    with contextlib.closing(sqlite3.connect(db)) as conn:
        (value, reason), = conn.execute("SELECT value, reason FROM rejected_row").fetchall()
    assert value == "*********1119" and "placeholder" in reason


def test_a_file_of_another_province_is_staged_with_a_warning(tmp_path, empty_database):
    """Rows of Chiang Rai (57) in Chiang Mai's database (50) place nobody: the import says so."""
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    rows = [household(n, "15/03/2567") for n in range(1, 11)]
    for row in rows[:7]:
        row[3] = "57010101"
    path = write(tmp_path / "households.csv", csv_text([HOUSEHOLD_HEADER, *rows]))
    summary = import_file.import_file(db, path, "family_welfare", 2024)
    assert summary.rows_staged == 10
    assert "7 of 10 staged rows are of another province than this database's 50 (most of them " \
           "57)" in summary.message
    rows = [household(n, "15/03/2567") for n in range(11, 21)]
    path = write(tmp_path / "more.csv", csv_text([HOUSEHOLD_HEADER, *rows]))
    assert "another province" not in import_file.import_file(db, path, "family_welfare",
                                                              2024).message


def test_a_spec_field_may_be_an_sql_keyword(tmp_path, empty_database):
    db = tmp_path / "province.gpkg"
    db.write_bytes(empty_database)
    spec = tmp_path / "orders.yaml"
    spec.write_text("source: orders\nfiles:\n  orders:\n    match: {columns: [ORDER, GROUP]}\n"
                    "    columns:\n      ORDER: {field: order, type: integer}\n"
                    "      GROUP: {field: group, type: code}\n", encoding="utf-8")
    path = write(tmp_path / "orders.csv", "ORDER,GROUP\n1,a\n2,b\n")
    assert import_file.import_file(db, path, spec, 2024).rows_staged == 2
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute('SELECT sum("order") FROM staging_orders_orders').fetchone() == (3,)
