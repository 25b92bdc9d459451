"""core/spreadsheet.py: a text a spreadsheet would run as a formula gets an apostrophe; numbers,
empty cells and other texts stay as they are; which destinations a spreadsheet opens."""
import pytest

from trafficking_db.trafficking_plugin.core import spreadsheet


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
    "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)",         # full-width = + - @
    "of:=1+2", "OF:=1+2",                                        # GDAL's ODS formula marker
    "=cmd|' /C calc'!A0", "-", "+66812345678"])
def test_a_formula_start_gets_an_apostrophe(text):
    assert spreadsheet.neutralise(text) == "'" + text


@pytest.mark.parametrize("value", [
    -3, -2.5, 0, 7, 1.5, None, "", "บ้านทดสอบ 1", "CASE-7K2Q-9XMT-4V8B", "50010101",
    "'=already", " =1", "a=b", "Mae Sai, Chiang Rai", "2024-01-05", "office:=x"])
def test_numbers_and_other_values_stay(value):
    assert spreadsheet.neutralise(value) == value
    assert type(spreadsheet.neutralise(value)) is type(value)


def test_a_row_keeps_its_numbers():
    assert spreadsheet.neutralise_row(["=1", -4, None, 2.5, "x"]) == ["'=1", -4, None, 2.5, "x"]


@pytest.mark.parametrize("destination, expected", [
    ("/tmp/list.csv", True), ("/tmp/LIST.XLSX", True), ("/tmp/list.ods", True),
    ("/tmp/list.xlsx|layername=persons", True), ("ogr:dbname='/tmp/list.ods' table=\"p\"", True),
    ("/tmp/list.gpkg", False), ("/tmp/list.gpkg|layername=persons", False), ("/tmp/list.shp", False),
    ("ogr:dbname='/tmp/list.gpkg' table=\"p\" (geom)", False), ("TEMPORARY_OUTPUT", False),
    ("memory:", False), ("", False), (None, False), ("/tmp/list.geojson", False)])
def test_which_destinations_a_spreadsheet_opens(destination, expected):
    assert spreadsheet.opens_in_spreadsheet(destination) is expected
