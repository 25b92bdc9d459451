"""A streaming reader of an XLSX workbook's first sheet: the sheet XML parsed as it is unzipped.

openpyxl's read-only mode builds a cell object per cell and was the import's bottleneck; this
reader keeps only what import needs and gives the same values openpyxl does with
``read_only=True, data_only=True``: shared and inline strings, formula results, error cells as
their text (``#N/A``), booleans, numbers (int when written without a point or exponent), and
numbers in a date format as datetimes (serial days, 1900 or 1904 system). Rows are padded and
gaps filled as openpyxl does: to the sheet's ``<dimension>`` when it has one, else to the row's
last cell. Spec: ECMA-376 Part 1, 18.3 (worksheets), 18.4 (shared strings), 18.8.30 (numFmt).
"""
from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import iterparse, parse
from ..database import PathLike
from ..errors import CoreError

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _CELL, _VALUE, _INLINE = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "is"
_TEXT, _RUN, _SHEET_DATA, _DIMENSION = _MAIN + "t", _MAIN + "r", _MAIN + "sheetData", _MAIN + "dimension"
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}   # openpyxl's built-in date and time ids
# A format is a date when a d, m, y, h or s is left after quoted text and [locale] parts go.
_FORMAT_NOISE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"[^\\][dmhysDMHYS]")
_REF = re.compile(r"([A-Z]+)([0-9]+)")
_EPOCHS = {False: datetime.datetime(1899, 12, 30), True: datetime.datetime(1904, 1, 1)}


class XlsxError(CoreError):
    """The workbook's parts are missing or broken."""


class Sheet:
    """Rows (lists of values) of a workbook's first worksheet; ``fraction()`` tells progress."""

    def __init__(self, path: PathLike) -> None:
        self._archive = zipfile.ZipFile(path)
        try:
            sheet_path, strings_path, date1904 = self._parts()
            self._strings = _shared_strings(self._archive, strings_path)
            self._date_styles = _date_styles(self._archive)
            self._epoch = _EPOCHS[date1904]
            self._sheet_path = sheet_path
            self._size = max(self._archive.getinfo(sheet_path).file_size, 1)
        except XlsxError:
            self._archive.close()
            raise
        except (KeyError, IndexError, SyntaxError) as error:     # SyntaxError: broken XML
            self._archive.close()
            raise XlsxError(f"a part is missing or broken: {error}") from None
        self._stream = None
        self._column_numbers = {}      # column letters -> number, e.g. AB -> 28

    def _parts(self):
        """The first worksheet's path, the shared strings' path and the 1904 date flag."""
        book = "xl/workbook.xml"
        rels = _relationships(self._archive, "xl/_rels/workbook.xml.rels", "xl")
        root = _whole(self._archive, book)
        first = root.find(f"{_MAIN}sheets/{_MAIN}sheet")
        if first is None:
            raise XlsxError("the workbook has no sheet")
        sheet_path = rels[first.get(_REL + "id")][0]
        strings = [target for target, kind in rels.values() if kind.endswith("/sharedStrings")]
        properties = root.find(_MAIN + "workbookPr")
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        return sheet_path, strings[0] if strings else None, date1904

    def fraction(self) -> float:
        return min(self._stream.tell() / self._size, 1.0) if self._stream else 0.0

    def close(self) -> None:
        if self._stream:
            self._stream.close()
        self._archive.close()

    def rows(self) -> Iterator[list[Any]]:
        """The sheet's rows in order, empty rows included, as lists of values."""
        self._stream = _CountingReader(self._archive.open(self._sheet_path))
        events = iterparse(self._stream, events=("start", "end"))
        bounds, sheet_data, next_row, width = None, None, 1, None
        for event, element in events:
            tag = element.tag
            if event == "start":
                if tag == _SHEET_DATA:
                    sheet_data = element
                continue
            if tag == _DIMENSION:
                bounds = _bounds(element.get("ref", ""))
                if bounds:
                    next_row, width = bounds[1], bounds[2] - bounds[0] + 1
            elif tag == _ROW:
                number = int(element.get("r") or next_row)
                if bounds and number > bounds[3]:
                    break
                if number >= next_row:
                    yield from ([None] * (width or 0) for _ in range(next_row, number))
                    yield self._row(element, bounds)
                    next_row = number + 1
                sheet_data.clear()       # rows already read: keep memory flat
        if bounds:
            yield from ([None] * width for _ in range(next_row, bounds[3] + 1))

    def _row(self, row, bounds):
        first = bounds[0] if bounds else 1
        values, column, numbers = {}, 0, self._column_numbers
        for cell in row:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = numbers.get(letters) or numbers.setdefault(letters, _letters(letters))
            else:
                column += 1
            if column >= first and (not bounds or column <= bounds[2]):
                values[column] = self._value(cell)
        last = bounds[2] if bounds else max(values, default=first - 1)
        return [values.get(c) for c in range(first, last + 1)]

    def _value(self, cell):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return None if inline is None else _text_content(inline)
        value = cell.findtext(_VALUE) or None
        if value is None:
            return None
        if kind == "s":
            return self._strings[int(value)]
        if kind == "n":
            number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
            if int(cell.get("s", 0)) in self._date_styles:
                return _from_serial(number, self._epoch)
            return number
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return datetime.datetime.fromisoformat(value.rstrip("Z"))
        return value               # str (formula result) and e (error text such as #N/A)


class _CountingReader:
    """A file wrapper that counts the bytes read, for the progress bar."""

    def __init__(self, raw):
        self._raw, self._read = raw, 0

    def read(self, size=-1):
        data = self._raw.read(size)
        self._read += len(data)
        return data

    def tell(self):
        return self._read

    def close(self):
        self._raw.close()


def _whole(archive, name):
    """A small part (workbook, styles, relationships) parsed whole."""
    with archive.open(name) as handle:
        return parse(handle).getroot()


def _relationships(archive, rels_path, base):
    """Relationship id -> (part path in the zip, relationship type)."""
    out = {}
    for rel in _whole(archive, rels_path).iter(_PKG_REL + "Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(base, target))
        out[rel.get("Id")] = (path, rel.get("Type", ""))
    return out


def _shared_strings(archive, path):
    """The shared string table (openpyxl drops the ``x005F_`` escape prefix the same way)."""
    if path is None or path not in archive.namelist():
        return []
    strings = []
    with archive.open(path) as handle:
        for _event, element in iterparse(handle):
            if element.tag == _MAIN + "si":
                strings.append(_text_content(element).replace("x005F_", ""))
                element.clear()
    return strings


def _text_content(element):
    """A string item's text: its plain <t> and the <t> of its rich-text runs (not phonetic ones)."""
    if len(element) == 1 and element[0].tag == _TEXT:       # the common case: one plain <t>
        return element[0].text or ""
    parts = [element.findtext(_TEXT) or ""]
    parts += [run.findtext(_TEXT) or "" for run in element.iter(_RUN)]
    return "".join(parts)


def _date_styles(archive):
    """Indexes of the cell styles (cellXfs) whose number format shows a date or time."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    root = _whole(archive, "xl/styles.xml")
    custom = {int(f.get("numFmtId")): f.get("formatCode", "")
              for f in root.iter(_MAIN + "numFmt")}
    xfs = root.find(_MAIN + "cellXfs")
    dates = set()
    for index, xf in enumerate([] if xfs is None else xfs.iter(_MAIN + "xf")):
        number_format = int(xf.get("numFmtId", 0))
        if number_format in _BUILTIN_DATE_FORMATS or (
                number_format in custom and _is_date_format(custom[number_format])):
            dates.add(index)
    return dates


def _is_date_format(code):
    code = _FORMAT_NOISE.sub("", code.split(";")[0])
    return _DATE_LETTER.search(code) is not None


def _from_serial(serial, epoch):
    """A datetime (a time for fractions of a day) from an Excel serial, as openpyxl converts it."""
    day, fraction = divmod(serial, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and diff.days == 0:
        return (datetime.datetime.min + diff).time()
    if 0 < serial < 60 and epoch.year == 1899:
        day += 1        # Excel's 1900 system counts a 29 February 1900 that never was
    return epoch + datetime.timedelta(days=day) + diff


def _bounds(ref):
    """(min column, min row, max column, max row) of a dimension such as A1:N2000, or None."""
    corners = [_REF.fullmatch(part) for part in ref.upper().replace("$", "").split(":")]
    if not corners or not all(corners) or len(corners) > 2:
        return None
    (first, top), (last, bottom) = [(_letters(m.group(1)), int(m.group(2))) for m in
                                    (corners[0], corners[-1])]
    return first, top, last, bottom


def _letters(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
