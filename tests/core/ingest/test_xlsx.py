"""The streaming XLSX reader gives what openpyxl gives, shared strings, inline strings and all
(without openpyxl's padding to the sheet's <dimension>, which the reader does not trust)."""
import datetime

import openpyxl
from trafficking_db.trafficking_plugin.core.ingest import xlsx


def read_both(path):
    book = openpyxl.load_workbook(open(path, "rb"), read_only=True, data_only=True)
    expected = [list(values) for values in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    sheet = xlsx.Sheet(path)
    try:
        rows = list(sheet.rows())
    finally:
        sheet.close()
    assert all(problem is None for _, problem in rows)
    got = [cells for cells, _ in rows]
    widths = [len(cells) for cells in got if cells]
    assert widths == sorted(widths)           # padded to the widest row so far
    return normal(expected), normal(got)


def normal(rows):
    """The rows that hold something, without their empty cells at the end."""
    out = []
    for values in rows:
        values = list(values)
        while values and values[-1] is None:
            values.pop()
        if values:
            out.append(values)
    return out


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
