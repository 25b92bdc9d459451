"""Text cells a spreadsheet cannot run: the one door for every CSV, XLSX and ODS the plugin writes.

Excel, LibreOffice and Google Sheets read a cell that begins with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula, so a value typed into an agency file or a
form, such as ``=HYPERLINK("http://...")``, would run on the clerk's machine when the output is
opened (OWASP, "CSV Injection"). ``neutralise`` puts an apostrophe before such a text, so the
spreadsheet shows it as text; numbers are left as numbers. The full-width forms (＝ ＋ － ＠), which
some spreadsheets read as their ASCII twins, and GDAL's ODS formula marker ``of:=`` (its ODS
writer turns such a text into a live formula) are treated the same way.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TypeVar

from .files import output_file

T = TypeVar("T")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_ODS_FORMULA = "of:="
# Destinations a clerk opens in a spreadsheet (GDAL's CSV, XLSX and ODS drivers).
SPREADSHEET_EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")


def neutralise(value: T) -> T | str:
    """``value`` made safe for a spreadsheet cell: a text that a spreadsheet would read as a
    formula gets a leading apostrophe; anything else (numbers, None, other texts) is returned
    as it is."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_STARTS) or value[:4].lower() == _ODS_FORMULA:
        return "'" + value
    return value


def neutralise_row(values: Iterable[T]) -> list[T | str]:
    """Every cell of a row through ``neutralise``."""
    return [neutralise(v) for v in values]


def opens_in_spreadsheet(destination: str | None) -> bool:
    """True when a Processing output destination (a path, 'x.csv|layername=t', "ogr:dbname='x.ods'
    ...") is a file a spreadsheet opens; False for a memory layer, a GeoPackage or a shapefile."""
    path = output_file(destination)
    return bool(path) and os.path.splitext(path)[1].lower() in SPREADSHEET_EXTENSIONS
