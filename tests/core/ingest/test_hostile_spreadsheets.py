"""Hostile spreadsheets and tables (issue 15, items 9 and 10): each file is built here, part by part.

A crafted cell rejects only its row, with a reason naming the cell; a crafted or damaged file is
refused with a message naming the file and what to do; work and memory follow what the file
really holds, not what its header or dimension claims. bench/bench_readers.py runs HOSTILE
through the plugin's readers and GDAL's drivers.
"""
import contextlib
import sqlite3
import struct
import zipfile

import pytest
from conftest import CancelAfter
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.feedback import Canceled
from trafficking_db.trafficking_plugin.core.ingest import import_file, readers, thai_id, xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
ROSTER_HEADER = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ปีการศึกษา", "เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ",
                 "นามสกุล", "เพศ", "วันเดือนปีเกิด", "ชั้น", "ห้อง", "สถานะ", "บ้านเลขที่", "รหัสหมู่บ้าน"]
DATE_STYLES = (f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
               '<xf numFmtId="14"/></cellXfs></styleSheet>')       # style 1: a date (d/m/yyyy)


def workbook(path, sheet_data, strings=None, styles=None, dimension=None, sheet_bytes=None,
             level=6):
    """An XLSX written part by part: ``sheet_data`` is the XML inside <sheetData> (or
    ``sheet_bytes`` a writer of the whole sheet part), ``strings`` the shared strings (a list,
    or a writer of the part's bytes)."""
    parts = {"xl/worksheets/sheet1.xml": "worksheet", "xl/sharedStrings.xml": "sharedStrings",
             "xl/styles.xml": "styles"}
    present = ["xl/worksheets/sheet1.xml"] + (["xl/sharedStrings.xml"] if strings is not None else []) \
        + (["xl/styles.xml"] if styles is not None else [])
    kinds = {"worksheet": "worksheet+xml", "sharedStrings": "sharedStrings+xml", "styles": "styles+xml"}
    types = "".join(f'<Override PartName="/{p}" ContentType="application/vnd.openxmlformats-'
                    f'officedocument.spreadsheetml.{kinds[parts[p]]}"/>' for p in present)
    relations = "".join(f'<Relationship Id="rId{i}" Type="{_OFFICE}/{parts[p]}" Target="{p[3:]}"/>'
                        for i, p in enumerate(present, 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{types}</Types>'))
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
                         f'Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{_OFFICE}"><sheets>'
                         '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f'<Relationships xmlns="{_PACKAGE}">{relations}</Relationships>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            if sheet_bytes is not None:
                sheet_bytes(part)
            else:
                size = f'<dimension ref="{dimension}"/>' if dimension else ""
                part.write(f'<worksheet xmlns="{MAIN}">{size}<sheetData>{sheet_data}</sheetData>'
                           '</worksheet>'.encode("utf-8"))
        if strings is not None:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                if callable(strings):
                    strings(part)
                else:
                    part.write((f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{s}</t></si>" for s in strings)
                                + "</sst>").encode("utf-8"))
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
    return path


def column_letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number, values, number_attribute=None):
    """A <row> of inline text cells A, B, ... (None leaves a cell out)."""
    cells = "".join(text_cell(f"{column_letters(i)}{number}", v) for i, v in enumerate(values, 1)
                    if v is not None)
    return f'<row r="{number_attribute or number}">{cells}</row>'


def tid(n):
    first12 = f"3500{n:08d}"
    return first12 + str(thai_id.check_digit(first12))


def roster(n):
    return ["1050001456", "โรงเรียนบ้านบ่อปิง", "2567", tid(n), "เด็กชาย", "สุทธิพงษ์", "บัวเขียว", "ชาย",
            "09/05/2555", "ป.6", "1", "กำลังศึกษา", "8", "50010103"]


def roster_rows(first, last, start=2):
    """The header in row 1 and pupils ``first``..``last`` in rows ``start``.."""
    return row(1, ROSTER_HEADER) + "".join(row(start + i, roster(n))
                                           for i, n in enumerate(range(first, last + 1)))


def with_cell(number, pupil, cell):
    """Row ``number`` of pupil ``pupil`` with its school name (column B) replaced by ``cell``."""
    values = roster(pupil)
    values[1] = None
    return row(number, values).replace(f'<c r="C{number}"', cell + f'<c r="C{number}"', 1)


def shared_strings_bomb(megabytes):
    """Shared strings of ``megabytes`` MB of one repeated letter, written in pieces."""
    def write(part):
        part.write(f'<sst xmlns="{MAIN}"><si><t>'.encode())
        for _ in range(megabytes):
            part.write(b"A" * (1 << 20))
        part.write(b"</t></si><si><t>x</t></si></sst>")
    return write


def spaces_sheet(megabytes):
    """The roster header, two pupils and ``megabytes`` MB of spaces (1,000 to 1 packed)."""
    def write(part):
        part.write(f'<worksheet xmlns="{MAIN}"><sheetData>{roster_rows(1, 2)}'.encode())
        for _ in range(megabytes):
            part.write(b" " * (1 << 20))
        part.write(b"</sheetData></worksheet>")
    return write


def blank_rows_sheet(blank_rows, tail="</sheetData></worksheet>"):
    """The roster header, ``blank_rows`` empty <row/> elements, one pupil, then ``tail``."""
    def write(part):
        part.write(f'<worksheet xmlns="{MAIN}"><sheetData>{row(1, ROSTER_HEADER)}'.encode())
        for start in range(2, blank_rows + 2, 10_000):
            part.write("".join(f'<row r="{n}"/>' for n in range(start, min(start + 10_000,
                                                                           blank_rows + 2))).encode())
        part.write((row(blank_rows + 2, roster(1)) + tail).encode())
    return write


def dbf_bytes(fields, records, record_count=None, record_length=None, header_length=None):
    """A dBase III table: ``fields`` [(name, width)] of type C, ``records`` lists of text."""
    head_len = header_length or 32 + 32 * len(fields) + 1
    rec_len = record_length or 1 + sum(w for _, w in fields)
    out = struct.pack("<B3BIHH20x", 3, 124, 1, 1, len(records) if record_count is None else
                      record_count, head_len, rec_len)
    for name, width in fields:
        out += struct.pack("<11sc4xBB14x", name.encode("ascii"), b"C", width, 0)
    out += b"\r"
    for values in records:
        out += b" " + b"".join(v.encode("utf-8").ljust(w)[:w] for v, (_, w) in zip(values, fields))
    return out + b"\x1a"


HOME_FIELDS = [("HOSPCODE", 5), ("HID", 6), ("HOUSE_ID", 11), ("HOUSE", 5), ("VILLAGE", 2),
               ("TAMBON", 2), ("AMPUR", 2), ("CHANGWAT", 2)]


def home(n):
    return ["03776", str(n), "", str(n), "01", "01", "01", "50"]


def write(path, data):
    path.write_bytes(data)
    return path


_ODS_NAMES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def spreadsheet(path, table, spaces=0):
    """An ODS written part by part: ``table`` is the XML inside the first <table:table>, then
    ``spaces`` MB of spaces (1,000 to 1 packed)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NAMES} '
               'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
               f'{table}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>').encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        with archive.open("content.xml", "w", force_zip64=True) as part:
            end = len(content) - len("</office:document-content>")
            part.write(content[:end])
            for _ in range(spaces):
                part.write(b" " * (1 << 20))
            part.write(content[end:])
    return path


def ods_cell(value, repeated=1, kind="string"):
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    if value is None:
        return f"<table:table-cell{repeat}/>"
    if kind == "string":
        return (f'<table:table-cell{repeat} office:value-type="string"><text:p>{value}</text:p>'
                "</table:table-cell>")
    attribute = {"float": "office:value", "date": "office:date-value"}[kind]
    return f'<table:table-cell{repeat} office:value-type="{kind}" {attribute}="{value}"/>'


def ods_row(cells, repeated=1):
    repeat = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{repeat}>" + "".join(cells) + "</table:table-row>"


def ods_roster(first, last):
    return ods_row([ods_cell(h) for h in ROSTER_HEADER]) + "".join(
        ods_row([ods_cell(v) for v in roster(n)]) for n in range(first, last + 1))


def ods_with_date(n, day):
    """Pupil ``n`` with the birth date as an ODS date cell."""
    values = [ods_cell(v) for v in roster(n)]
    values[8] = ods_cell(day, kind="date")
    return ods_row(values)


# The hostile corpus: name -> (builder of the file in a folder, source, expected outcome). An
# outcome is staged/rejected counts with a phrase every reason holds, or an error's phrase.
HOSTILE = {
    "five rows under a dimension of A1:XFD1048576": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 4), dimension="A1:XFD1048576"),
        "education", {"staged": 4, "rejected": 0, "rows_at_most": 5}),
    "a row numbered 1048576 after four pupils": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 3) + row(1048576, roster(4))),
        "education", {"staged": 4, "rejected": 0, "rows_at_most": 5}),
    "a cell in column XFD": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + row(4, roster(3)).replace(
            "</row>", text_cell("XFD4", "far") + "</row>")),
        "education", {"staged": 2, "rejected": 1, "reason": "XFD4"}),
    "row attribute r='x'": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + row(4, roster(3), "x")),
        "education", {"staged": 2, "rejected": 1, "reason": "no row number"}),
    "a cell reference that is no reference": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="1A"><v>5</v></c>')),
        "education", {"staged": 2, "rejected": 1, "reason": "row 4 has a reference"}),
    "a shared-string index past the table": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="B4" t="s"><v>99</v></c>'), strings=["โรงเรียนบ้านบ่อปิง"]),
        "education", {"staged": 2, "rejected": 1, "reason": "B4"}),
    "a date serial of 1e12": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="B4" s="1"><v>1e12</v></c>'), styles=DATE_STYLES),
        "education", {"staged": 2, "rejected": 1, "reason": "B4"}),
    "t='n' holding text": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="B4" t="n"><v>abc</v></c>')),
        "education", {"staged": 2, "rejected": 1, "reason": "B4"}),
    "t='d' holding 2024-02-31": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="B4" t="d"><v>2024-02-31</v></c>')),
        "education", {"staged": 2, "rejected": 1, "reason": "B4"}),
    "t='b' holding yes": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + with_cell(
            4, 3, '<c r="B4" t="b"><v>yes</v></c>')),
        "education", {"staged": 2, "rejected": 1, "reason": "B4"}),
    "an error cell where a date is due": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + row(4, roster(3)).replace(
            text_cell("I4", "09/05/2555"), '<c r="I4" t="e"><v>#DIV/0!</v></c>')),
        "education", {"staged": 2, "rejected": 1, "reason": "#DIV/0!"}),
    "a row past Excel's last row": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + row(1048577, roster(3))),
        "education", {"error": "1,048,576"}),
    "a damaged sheet": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2) + '<row r="4"><c r="A4"><v>1</v>'),
        "education", {"error": "damaged"}),
    "a workbook of 300 MB shared strings packed into 1.3 MB": (
        lambda t: workbook(t / "roster.xlsx", roster_rows(1, 2), strings=shared_strings_bomb(300),
                           level=1),
        "education", {"error": "sharedStrings.xml unpacks to 300 MB"}),
    "a zip bomb sheet": (
        lambda t: workbook(t / "roster.xlsx", None, sheet_bytes=spaces_sheet(100)),
        "education", {"error": "compressed"}),
    "ODS: a date cell, a number cell and LibreOffice's million empty rows after the data": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + ods_with_date(3, "2012-05-09")
                              + ods_row([ods_cell(v) for v in roster(4)[:10]] + [
                                  ods_cell(1, kind="float")] + [ods_cell(v) for v in roster(4)[11:]])
                              + ods_row([ods_cell(None, 1024)], 1048570)),
        "education", {"staged": 4, "rejected": 0, "rows_at_most": 5}),
    "ODS: empty rows repeated between pupils": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + ods_row([ods_cell(None, 14)], 3)
                              + ods_row([ods_cell(v) for v in roster(3)])),
        "education", {"staged": 3, "rejected": 0, "empty_lines": 3}),
    "ODS: a filled cell repeated over 16,384 columns": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + ods_row(
            [ods_cell(v) for v in roster(3)] + [ods_cell("x", 16384)])),
        "education", {"staged": 2, "rejected": 1, "reason": "AMK4"}),
    "ODS: a date cell that is no date": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + ods_with_date(3, "2024-02-31")),
        "education", {"staged": 2, "rejected": 1, "reason": "I4"}),
    "ODS: a filled row repeated past row 1,048,576": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + ods_row(
            [ods_cell(v) for v in roster(3)], 1048575)),
        "education", {"error": "1,048,576"}),
    "ODS: a damaged table": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2) + "<table:table-row><table:table-cell>"),
        "education", {"error": "damaged"}),
    "ODS: a zip bomb": (
        lambda t: spreadsheet(t / "roster.ods", ods_roster(1, 2), spaces=100),
        "education", {"error": "compressed"}),
    "a DBF whose records are longer than the file": (
        lambda t: write(t / "home.dbf", dbf_bytes(HOME_FIELDS, [home(1), home(2)], record_count=5)),
        "health", {"staged": 2, "rejected": 1, "reason": "cut short"}),
    "a DBF whose fields are wider than its records": (
        lambda t: write(t / "home.dbf", dbf_bytes(HOME_FIELDS, [home(1), home(2)], record_length=20)),
        "health", {"error": "fields"}),
    "a DBF whose field list is cut short": (
        lambda t: write(t / "home.dbf", dbf_bytes(HOME_FIELDS, [home(1)], header_length=32 + 64)),
        "health", {"error": "cut short"}),
}


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "template.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    return path.read_bytes()


def fresh(tmp_path, template):
    db = tmp_path / "province.gpkg"
    db.write_bytes(template)
    (tmp_path / "in").mkdir()
    return db


def read_rows(path):
    with readers.open_table(path) as table:
        return list(table)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file(case, tmp_path, empty_database):
    """Each hostile file imports its good rows, rejects its bad ones naming the cell, or is
    refused with a message naming the file and what to do; never a traceback, never a hang."""
    build, source, expected = HOSTILE[case]
    db = fresh(tmp_path, empty_database)
    path = build(tmp_path / "in")
    if "error" in expected:
        with pytest.raises(import_file.ImportFailed) as error:
            import_file.import_file(db, path, source, 2024)
        message = str(error.value)
        assert expected["error"] in message and message.startswith(path.name), message
        assert any(advice in message for advice in ("save it again", "export it again",
                                                    "export the data again")), message
        with contextlib.closing(sqlite3.connect(db)) as conn:
            assert conn.execute("SELECT status FROM import_run").fetchall() == [("failed",)]
        return
    summary = import_file.import_file(db, path, source, 2024)
    assert (summary.rows_staged, summary.rows_rejected) == (expected["staged"], expected["rejected"])
    assert summary.rows_read == summary.rows_staged + summary.rows_rejected
    if "empty_lines" in expected:
        assert summary.empty_lines == expected["empty_lines"]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        reasons = [r for (r,) in conn.execute("SELECT reason FROM rejected_row")]
    assert len(reasons) == expected["rejected"] and all(expected["reason"] in r for r in reasons), \
        reasons
    if "rows_at_most" in expected:          # the reader gives the rows the file holds, no more
        assert len(read_rows(path)) <= expected["rows_at_most"]


def test_crafted_cells_name_their_cell_and_quote_no_value(tmp_path):
    """The reasons of crafted cells name the cell and what is wrong, never its content (a name
    or a birth date could be it)."""
    cells = {"B2": '<c r="B2" t="n"><v>สมชาย</v></c>', "B3": '<c r="B3" t="d"><v>2555-13-01</v></c>',
             "B4": '<c r="B4" t="s"><v>7</v></c>', "B5": '<c r="B5" t="b"><v>สมชาย</v></c>',
             "B6": '<c r="B6" s="1"><v>99999999999</v></c>', "B7": '<c r="B7" t="s"><v>x1</v></c>'}
    sheet = row(1, ["a", "b"]) + "".join(f'<row r="{ref[1:]}">{text_cell("A" + ref[1:], "x")}{cell}'
                                         "</row>" for ref, cell in cells.items())
    rows = read_rows(workbook(tmp_path / "c.xlsx", sheet, strings=["s"], styles=DATE_STYLES))
    assert rows[0] == (["a", "b"], None)
    for (ref, _), (values, reason) in zip(cells.items(), rows[1:]):
        assert values == ["x", None] and reason.startswith(f"cell {ref} "), reason
        assert "สมชาย" not in reason and "2555" not in reason and "9999" not in reason
    assert "holds 1" in rows[3][1]            # shared string 7 of a table of 1


def test_a_cancel_in_a_long_run_of_empty_rows_stops_within_a_chunk(tmp_path, empty_database,
                                                                   monkeypatch):
    """200,000 empty rows between the header and a pupil: Cancel is honoured after at most
    CHUNK_ROWS of them (counted as the import takes them), not after the whole run."""
    db = fresh(tmp_path, empty_database)
    path = workbook(tmp_path / "in" / "roster.xlsx", None, sheet_bytes=blank_rows_sheet(200_000))
    taken = []
    opened = readers.open_table

    def counted(*args):                       # the real reader, its rows counted as taken
        table = opened(*args)
        rows = iter(table)

        def each():
            for values in rows:
                taken.append(values)
                yield values
        return Counted(table, each())

    monkeypatch.setattr(readers, "open_table", counted)
    with pytest.raises(Canceled):
        import_file.import_file(db, path, "education", 2024, feedback=CancelAfter(0))
    assert 1 + import_file.CHUNK_ROWS <= len(taken) <= 1 + import_file.CHUNK_ROWS + 1
    monkeypatch.setattr(readers, "open_table", opened)
    summary = import_file.import_file(db, path, "education", 2024)
    assert (summary.rows_staged, summary.empty_lines) == (1, 200_000)


class Counted:
    """A table whose rows are counted as they are taken; everything else is the table's."""

    def __init__(self, table, rows):
        self.table, self.rows = table, rows
        self.format, self.fraction = table.format, table.fraction

    def __iter__(self):
        return self.rows

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.table.close()


def test_shared_strings_past_the_limit_refuse_the_workbook(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 10)
    path = workbook(tmp_path / "s.xlsx", row(1, ["a"]) + '<row r="2"><c r="A2" t="s"><v>15</v></c></row>',
                    strings=[f"s{n}" for n in range(20)])
    with pytest.raises(readers.ReadError, match="more than 10 shared strings"):
        read_rows(path)


def test_shared_strings_are_parsed_only_as_far_as_the_sheet_needs(tmp_path, monkeypatch):
    """A sheet that uses the first strings reads them without the rest of a long table (here
    past the limit, which only a reference far into it would reach)."""
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 10_000)
    path = workbook(tmp_path / "s.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                    strings=[f"string {n}" for n in range(20_000)])
    assert read_rows(path) == [(["string 0"], None)]


def test_a_row_of_more_cells_than_excel_allows_is_refused(tmp_path):
    cells = "".join(f'<c r="A1"><v>{n}</v></c>' for n in range(xlsx.MAX_CELLS_PER_ROW + 1))
    with pytest.raises(readers.ReadError, match="more cells than Excel allows"):
        read_rows(workbook(tmp_path / "w.xlsx", f'<row r="1">{cells}</row>'))


def test_rows_are_padded_to_the_widest_row_so_far_and_gaps_are_not_filled(tmp_path):
    sheet = (row(1, ["title"]) + row(2, ["a", "b", "c"]) + row(5, ["x"]) + '<row r="6"/>'
             + row(1000, [None, "y"]))
    assert read_rows(workbook(tmp_path / "p.xlsx", sheet, dimension="A1:XFD1048576")) == [
        (["title"], None), (["a", "b", "c"], None), (["x", None, None], None), ([], None),
        ([None, "y", None], None)]


def test_text_past_excels_cell_limit_is_cut(tmp_path):
    long_text = "ก" * (xlsx.MAX_CELL_CHARS + 5000)
    rows = read_rows(workbook(tmp_path / "t.xlsx", row(1, [long_text]), strings=[long_text]))
    assert len(rows[0][0][0]) == xlsx.MAX_CELL_CHARS


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_mangled_parts_give_rows_or_a_read_error_never_a_traceback(tmp_path, kind):
    """300 copies of a good file with a part of its XML mangled a few bytes at a time, 300 with
    the zip's own bytes mangled (seeded): the reader gives rows (with reasons) or refuses the
    file with a ReadError, nothing else."""
    import random
    if kind == "xlsx":
        good = workbook(tmp_path / "good.xlsx", roster_rows(1, 5) + with_cell(
            7, 6, '<c r="B7" t="s"><v>0</v></c>'), strings=["s", "t"], styles=DATE_STYLES)
    else:
        good = spreadsheet(tmp_path / "good.ods", ods_roster(1, 5) + ods_with_date(6, "2012-05-09"))
    with zipfile.ZipFile(good) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    inserts = [b'<row r="x">', b'<c r="ZZZ9"><v>1e400</v></c>', b' t="s"', b' r="0"', b"<v>-1</v>",
               b' s="99999999999999999999"', b'table:number-columns-repeated="999999999" ',
               b'office:value-type="date" ', b'<?xml version="1.0" encoding="UTF-1"?>']
    chance = random.Random(15)
    for attempt in range(300):
        name = chance.choice([n for n in parts if n.endswith(".xml")])
        data = bytearray(parts[name])
        for _ in range(chance.randint(1, 6)):
            at = chance.randrange(len(data))
            pick = chance.random()
            if pick < 0.4:
                data[at] = chance.choice(b'<>/"=&x0129AZ tsnbder:-.')
            elif pick < 0.7:
                del data[at:at + chance.randint(1, 20)]
            else:
                data[at:at] = chance.choice(inserts)
        mangled = tmp_path / f"{attempt}.{kind}"
        with zipfile.ZipFile(mangled, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, content in parts.items():
                archive.writestr(part, bytes(data) if part == name else content)
        try:
            read_rows(mangled)
        except readers.ReadError:
            pass
        mangled.unlink()
    whole = good.read_bytes()             # and the zip itself: its directory, headers, streams
    for attempt in range(300):
        data = bytearray(whole)
        for _ in range(chance.randint(1, 5)):
            at = chance.randrange(len(data))
            data[at:at + chance.choice([0, 1, 1, 8])] = bytes(chance.randrange(256) for _ in
                                                             range(chance.choice([0, 1, 1, 4])))
        mangled = write(tmp_path / f"zip{attempt}.{kind}", bytes(data))
        try:
            read_rows(mangled)
        except readers.ReadError:
            pass
        mangled.unlink()
