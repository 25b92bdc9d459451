"""The hand-written XLSX writer: text is an inline string (never a formula) and neutralised,
numbers are numbers, NaN is an empty cell; the workbook opens in openpyxl."""
import re
import zipfile

import pytest

from trafficking_db.trafficking_plugin.core.dissemination.xlsx_writer import write_workbook


def test_text_is_a_neutralised_string_and_numbers_stay_numbers(tmp_path):
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"t": [["name", "count", "share"],
                                ['=HYPERLINK("http://x")', -3, -0.25],
                                ["@SUM(A1)", 4, float("nan")],
                                ["บ้าน", None, ""]]})
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet                 # no formula element at all
    assert '<c r="A2" t="inlineStr"><is><t xml:space="preserve">\'=HYPERLINK("http://x")</t>' in sheet
    assert '<c r="B2"><v>-3</v></c>' in sheet and '<c r="C2"><v>-0.25</v></c>' in sheet
    assert not re.search(r'r="C3"', sheet)                           # NaN: an empty cell
    openpyxl = pytest.importorskip("openpyxl")
    cells = openpyxl.load_workbook(path)["t"]
    assert cells["A2"].value == "'=HYPERLINK(\"http://x\")" and cells["A2"].data_type == "s"
    assert cells["A3"].value == "'@SUM(A1)"
    assert cells["B2"].value == -3 and cells["B2"].data_type == "n"
    assert cells["A4"].value == "บ้าน"
