"""A minimal XLSX writer: sheets of rows (text, numbers, empty cells), no styles, no dependency.

QGIS's Python on Debian has no openpyxl, so the public export writes the workbook's parts itself:
content types, relationships, the workbook and one worksheet per sheet, text as inline strings
(ECMA-376 Part 1, 18.3.1.53 ``is``; 18.2.27 ``workbook``; Open Packaging Conventions, Part 2).
An inline string is never a formula as written (a formula is an ``f`` element), but editing the
cell makes the spreadsheet parse its text again, so text is neutralised as in every CSV
(core/spreadsheet.py).
"""
from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape

from ..database import PathLike
from ..spreadsheet import neutralise

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _column(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _cell(ref, value):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        # NaN and infinity have no XLSX number form: an empty cell, not a broken workbook.
        return f'<c r="{ref}"><v>{value!r}</v></c>' if math.isfinite(value) else ""
    text = escape(neutralise(_ILLEGAL.sub("", str(value))))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(rows):
    body = "".join(
        f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row, 1))
        + "</row>" for r, row in enumerate(rows, 1))
    return f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>{body}</sheetData></worksheet>'


def write_workbook(path: PathLike, sheets: Mapping[str, Iterable[Iterable[object]]]) -> None:
    """Write ``sheets`` ({name: rows}, in order) as an XLSX workbook at ``path``."""
    names = []
    for name in sheets:
        clean = _BAD_NAME.sub("_", name)[:31]
        if not clean or clean in names:
            raise ValueError(f"sheet name {name!r} is empty or repeated")
        names.append(clean)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1))
    content_types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>')
    root_rels = (f'{_XML}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
                 'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book = (f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, n in enumerate(names, 1)) + "</sheets></workbook>")
    book_rels = (f'{_XML}<Relationships xmlns="{_PKG}">'
                 + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                           f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
                 + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", book_rels)
        for i, rows in enumerate(sheets.values(), 1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", _sheet(rows))
