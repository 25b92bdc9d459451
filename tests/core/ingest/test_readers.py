"""The import's fast paths give exactly what the plain per-cell checks give."""
import datetime

import openpyxl
import pytest
from trafficking_db.trafficking_plugin.core.ingest import import_file, thai_id, xlsx
from trafficking_db.trafficking_plugin.core.ingest.spec import ColumnSpec

SECRET = b"k" * 32


def tid(n):
    first12 = f"3500{n:08d}"
    return first12 + str(thai_id.check_digit(first12))


CELLS = {
    "code": ["03776", " 099 ", "", "#N/A", " #N/A", "๐๙๙", "1234567890123", "a\nb", "G501234567890",
             "B2O1", "x" * 12, "x" * 13],
    "text": ["12/3", "  บ้าน  ", "", "บัตร " + tid(7), "#REF!", "ก" * 20],
    "integer": ["3", "-0", "007", "1,234", "1.5", "12a", "", "๒", "123456789012345"],
    "number": ["18.75", "-0.0", "1e3", "1,234.5", "nan", "inf", "", "x"],
    "date": ["19430613", "20240327065429", "20240231065429", "20240231", "2024032706542", "",
             "29/02/2499", "29/02/2500", "45366", "2024-03-27"],
    "thai_id": [tid(1), tid(2)[:12] + str(9 - int(tid(2)[12])), "", "12345", tid(3)[:5] + "-" + tid(3)[5:],
                "G501234567890", "#N/A"],
}


@pytest.mark.parametrize("kind", list(CELLS))
@pytest.mark.parametrize("required", [False, True])
def test_column_outcomes_equal_the_per_cell_checks(kind, required):
    col = ColumnSpec("X", "person_key" if kind == "thai_id" else "x", kind, required=required,
                     not_after_data_year=True)
    cells = CELLS[kind] * 2                 # twice: the second time from the cache
    fast, rejects = import_file._Column(col, 0, 2024, SECRET).outcomes(list(cells), True)
    slow = [import_file._Column(col, 0, 2024, SECRET)._outcome(cell) for cell in cells]
    shown = [(o.field, o.value, o.why) if isinstance(o, import_file._Reject) else o for o in fast]
    assert shown == [(o.field, o.value, o.why) if isinstance(o, import_file._Reject) else o for o in slow]
    assert rejects == any(isinstance(o, import_file._Reject) for o in slow)


@pytest.mark.parametrize("kind", ["code", "integer", "number", "identity"])
def test_plain_columns_are_taken_whole(kind):
    col = ColumnSpec("X", "x", "text" if kind == "identity" else kind, identity=kind == "identity")
    cells = {"code": ["03776", "099"], "integer": ["3", "-12"], "number": ["18.5", "3"],
             "identity": ["สมชาย", ""]}[kind]
    assert import_file._Column(col, 0, 2024, SECRET)._plain(cells) is not None


def read_both(path):
    book = openpyxl.load_workbook(open(path, "rb"), read_only=True, data_only=True)
    expected = [list(values) for values in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    sheet = xlsx.Sheet(path)
    try:
        return expected, list(sheet.rows())
    finally:
        sheet.close()


def test_xlsx_reader_gives_what_openpyxl_gives(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title"])
    sheet.merge_cells("A1:E1")
    sheet.append(["a", "b", "c", "d", "e"])
    sheet.append([1, 2.5, datetime.datetime(2012, 5, 9), "#N/A", True])
    sheet.append([None, None, None])
    sheet.append([])
    sheet.append(["x", "=1+1", datetime.date(2020, 1, 2), 41038, "  sp  "])
    sheet.cell(row=9, column=3, value="far")
    sheet.cell(row=10, column=2, value=datetime.time(10, 30))
    book.save(tmp_path / "shared.xlsx")
    expected, got = read_both(tmp_path / "shared.xlsx")
    assert got == expected and got[2][2] == datetime.datetime(2012, 5, 9)


def test_xlsx_reader_of_a_write_only_workbook(tmp_path):
    book = openpyxl.Workbook(write_only=True)      # inline strings, no dimension: as the sample data
    sheet = book.create_sheet("roster")
    for row in (["h1", "h2"], ["ก", 3], [], ["x"], [None, "y", "z"]):
        sheet.append(row)
    book.save(tmp_path / "inline.xlsx")
    expected, got = read_both(tmp_path / "inline.xlsx")
    assert got == expected


def test_spreadsheet_and_layer_cells_keep_their_types():
    col = ColumnSpec("X", "x", "code")
    cells = [1, 1.0, True, "1", None, datetime.date(2024, 1, 2), ["a", "b"], 1, "1"]
    fast, _ = import_file._Column(col, 0, 2024, SECRET).outcomes(list(cells), False)
    assert fast == [import_file._Column(col, 0, 2024, SECRET)._outcome(cell) for cell in cells]


@pytest.mark.parametrize("encoding, bad", [("utf-8", "ทด".encode("cp874")),
                                           ("cp874", "ทด".encode("utf-8"))])
@pytest.mark.parametrize("block", [1, 5, 64, 1 << 20])
def test_text_is_read_the_same_in_blocks_of_any_size(tmp_path, monkeypatch, encoding, bad, block):
    """Blocks are cut at line breaks and decoded whole; a block with a line in another
    encoding is decoded line by line, so only that line's row is rejected."""
    from trafficking_db.trafficking_plugin.core.ingest import readers
    lines = ["A,B,C", "1,x,q", '2,"two\nlines",y', "3," + "ก" * 40 + ",z", "4,\r", "5,บ้าน,w"]
    data = "\n".join(lines).encode(encoding).replace(b"x", bad)
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    monkeypatch.setattr(readers, "_BLOCK_BYTES", block)
    with readers.open_table(path, encoding) as table:
        rows = list(table)
    assert [cells for cells, _ in rows] == [
        ["A", "B", "C"], ["1", bad.decode(encoding, errors="replace"), "q"],
        ["2", "two\nlines", "y"], ["3", "ก" * 40, "z"], ["4", ""], ["5", "บ้าน", "w"]]
    assert [problem is not None for _, problem in rows] == [False, True, False, False, False,
                                                             False]
