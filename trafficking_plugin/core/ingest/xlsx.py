"""A streaming reader of an XLSX workbook's first sheet: the sheet XML parsed as it is unzipped.

openpyxl's read-only mode builds a cell object per cell and was the import's bottleneck; this
reader keeps only what import needs and gives the values openpyxl gives with
``read_only=True, data_only=True``: shared and inline strings, formula results, error cells as
their text (``#N/A``), booleans, numbers (int when written without a point or exponent), and
numbers in a date format as datetimes (serial days, 1900 or 1904 system).

What a file says about itself is not trusted, so work and memory follow what it really holds
(issue 15): the ``<dimension>`` is ignored; a row is padded to the widest row read so far (rows
below a header reach its width), gaps between row numbers are not filled and an empty row is an
empty list; a cell right of MAX_COLUMNS, a row past Excel's last or a row of more cells than
Excel allows is refused. Every part is checked before it is unzipped (``open_part``: its size and
its compression ratio, against zip bombs), shared strings are parsed only as far as the sheet
needs them, within limits far above any agency file, and a cell's text is cut at Excel's 32,767
characters. A cell that makes no sense (a reference that is none, a shared string past the
table, a number that is text, a date past the calendar) rejects its row with the cell's
reference in the reason, never quoting its value (it may be a name); a broken part refuses the
file. Spec: ECMA-376 Part 1, 18.3 (worksheets), 18.4 (shared strings), 18.8.30 (numFmt).
"""
from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import iterparse
from xml.parsers import expat

from ..database import PathLike
from ..errors import CoreError

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_MAIN = "{" + _NS
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Element names as expat gives them (namespace URI, "}", local name).
_ROW, _CELL, _VALUE, _INLINE = _NS + "row", _NS + "c", _NS + "v", _NS + "is"
_TEXT, _PHONETIC, _SHEET_DATA, _STRING = _NS + "t", _NS + "rPh", _NS + "sheetData", _NS + "si"
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}   # openpyxl's built-in date and time ids
# A format is a date when a d, m, y, h or s is left after quoted text and [locale] parts go.
_FORMAT_NOISE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"[^\\][dmhysDMHYS]")
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?[0-9]{1,7}")
_EPOCHS = {False: datetime.datetime(1899, 12, 30), True: datetime.datetime(1904, 1, 1)}
_CHUNK = 1 << 16                 # bytes of XML parsed between two looks at the rows produced

MAX_ROWS = 1_048_576             # Excel's last row
MAX_CELLS_PER_ROW = 16_384       # Excel's last column, XFD
MAX_COLUMNS = 1024               # columns read (A to AMJ); a cell further right rejects its row
MAX_CELL_CHARS = 32_767          # Excel's longest cell text; the rest is dropped
MAX_SHARED_STRINGS = 2_000_000   # about 8 times the unique strings of Chiang Mai's school roster
SHARED_STRINGS_BYTES = 128 << 20  # the shared strings part, unzipped
SMALL_PART_BYTES = 16 << 20      # workbook, relationships, styles
MAX_RATIO = 100                  # unzipped / zipped size; agency sheets measure 3 to 30
RATIO_FROM_BYTES = 4 << 20       # parts smaller than this parse in well under a second


# What zipfile and zlib raise on a damaged archive: a broken directory or stream, a bad CRC, a
# compression method or zip version it lacks, an encrypted part, a seek before the start.
ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError,
              ValueError)


class SpreadsheetError(CoreError):
    """The spreadsheet (XLSX here, ODS in ods.py) cannot be read; the message says why and what
    to do."""


def open_part(archive: zipfile.ZipFile, name: str, max_bytes: int | None = None,
              check_ratio: bool = True) -> IO[bytes]:
    """A part of a zip package opened for reading, once its declared size and compression ratio
    are sane (zipfile stops at the declared size, so the checks bound what is read). Small parts
    parsed at once (styles: Excel bloats them with copies of one style) skip the ratio."""
    info = archive.getinfo(name)
    megabytes = round(info.file_size / (1 << 20))
    if max_bytes is not None and info.file_size > max_bytes:
        raise SpreadsheetError("the file's part {} unpacks to {} MB, more than the {} MB any "
                               "agency file needs: a damaged or crafted file; export the data "
                               "again from the agency's system", name, megabytes, max_bytes >> 20)
    if check_ratio and info.file_size > RATIO_FROM_BYTES and \
            info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise SpreadsheetError("the file's part {} unpacks to {} MB from {} KB compressed ({} "
                               "times; real sheets pack 3 to 30 times): a crafted file (a zip "
                               "bomb); export the data again from the agency's system", name,
                               megabytes, info.compress_size >> 10,
                               info.file_size // max(info.compress_size, 1))
    return archive.open(name)


def parse_chunks(handle: IO[bytes], parser: Any) -> Iterator[int]:
    """Feed ``parser`` the part in chunks; yields the bytes parsed so far after each chunk. Broken
    XML or zip data becomes a SpreadsheetError."""
    done = 0
    try:
        while True:
            data = handle.read(_CHUNK)
            parser.Parse(data, not data)
            done += len(data)
            yield done
            if not data:
                return
    except expat.ExpatError as error:
        raise SpreadsheetError("the file is damaged (its XML breaks off: {}): open it in the "
                               "spreadsheet program and save it again",
                               expat.ErrorString(error.code)) from None
    except (LookupError, *ZIP_FAULTS) as error:     # LookupError: an unknown XML encoding
        raise SpreadsheetError("the file is damaged ({}): open it in the spreadsheet program and "
                               "save it again", error) from None


def new_parser() -> Any:
    """An expat parser with namespaces (URI}name) and whole runs of text per call."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    return parser


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?")


def iso_datetime(text: str) -> datetime.datetime:
    """A datetime from ISO 8601 text as spreadsheets write it (2024-02-29, 2024-02-29T10:30:00.5);
    a ValueError when it is no calendar day (fromisoformat of Python 3.9 refuses fractions of
    other lengths than 3 or 6 digits)."""
    match = _ISO.fullmatch(text)
    try:
        if not match:
            raise ValueError
        year, month, day, hour, minute, second, fraction = match.groups()
        return datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                 int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
    except ValueError:
        raise ValueError("is marked as a date but holds no calendar date") from None


def column_letters(number: int) -> str:
    """A column's letters: 1 -> A, 28 -> AB."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Sheet:
    """Rows of a workbook's first worksheet as (values, problem); ``fraction()`` tells progress."""

    def __init__(self, path: PathLike) -> None:
        self._archive = zipfile.ZipFile(path)
        try:
            sheet_path, strings_path, date1904 = self._parts()
            self._strings = _SharedStrings(self._archive, strings_path)
            self._date_styles = _date_styles(self._archive)
            self._epoch = _EPOCHS[date1904]
            open_part(self._archive, sheet_path).close()       # refused now if it is a bomb
            self._sheet_path = sheet_path
            self._size = max(self._archive.getinfo(sheet_path).file_size, 1)
        except SpreadsheetError:
            self._archive.close()
            raise
        except (KeyError, IndexError, TypeError, SyntaxError, LookupError, *ZIP_FAULTS) as error:
            # SyntaxError: broken XML; LookupError: an unknown XML encoding
            self._archive.close()
            raise SpreadsheetError("the workbook's parts are missing or broken ({}): open it in "
                                   "Excel and save it again", error) from None
        self._done = 0

    def _parts(self):
        """The first worksheet's path, the shared strings' path and the 1904 date flag."""
        rels = _relationships(self._archive, "xl/_rels/workbook.xml.rels", "xl")
        first, date1904 = None, False
        with open_part(self._archive, "xl/workbook.xml", SMALL_PART_BYTES) as handle:
            for _event, element in iterparse(handle):
                if element.tag == _MAIN + "workbookPr":
                    date1904 = element.get("date1904") in ("1", "true")
                elif element.tag == _MAIN + "sheet":
                    first = element
                    break
        if first is None:
            raise SpreadsheetError("the workbook has no sheet: open it in Excel and save it again")
        sheet_path = rels[first.get(_REL + "id")][0]
        strings = [target for target, kind in rels.values() if kind.endswith("/sharedStrings")]
        return sheet_path, strings[0] if strings else None, date1904

    def fraction(self) -> float:
        return min(self._done / self._size, 1.0)

    def close(self) -> None:
        self._strings.close()
        self._archive.close()

    def rows(self) -> Iterator[tuple[list[Any], str | None]]:
        """The sheet's rows in order as (values, problem): ``problem`` names the first cell that
        makes no sense, or is None. An empty row is an empty list."""
        reader = _SheetReader(self)
        parser = new_parser()
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        with open_part(self._archive, self._sheet_path) as handle:
            for self._done in parse_chunks(handle, parser):
                rows, reader.rows = reader.rows, []
                yield from rows
                if reader.finished:
                    return

    def value(self, kind: str, text: str | None, style: str | None) -> Any:
        """A cell's value from its type (t), text (its <v> or inline string) and style (s); a
        ValueError or IndexError says why it makes no sense, without quoting it (it may be a
        name)."""
        if text is None:
            return None
        if kind == "n":
            try:
                number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            except ValueError:
                raise ValueError("is marked as a number but holds text") from None
            if style in self._date_styles:
                try:
                    return _from_serial(number, self._epoch)
                except (ValueError, OverflowError):
                    raise ValueError("holds a date serial outside the calendar") from None
            return number
        if kind == "s":
            if not (text.isascii() and text.isdigit()):
                raise ValueError("refers to a shared string by something that is no number")
            return self._strings.get(int(text))
        if kind == "b":
            if text not in ("0", "1"):
                raise ValueError("is marked as true or false but holds neither 0 nor 1")
            return text == "1"
        if kind == "d":
            return iso_datetime(text)
        return text                # str (formula result), e (error text such as #N/A), inlineStr


class _SheetReader:
    """expat handlers building rows of the sheet: finished rows wait in ``rows``."""

    def __init__(self, sheet):
        self.sheet, self.rows, self.finished = sheet, [], False
        self.in_row = False
        self.number = 0              # the row's number
        self.last = 0                # the highest row number so far
        self.width = 0               # the widest row so far
        self.values, self.problems, self.cells = {}, [], 0
        self.column, self.ref, self.kind, self.style = 0, "", "n", None
        self.value_text = self.inline = None
        self.parts, self.chars, self.collecting, self.phonetic = [], 0, False, 0
        self.suffix = ""             # the row's number as text, the end of its cells' references
        self.numbers = {}            # column letters -> number, e.g. AB -> 28

    def start(self, name, attributes):
        if name == _CELL and self.in_row:
            self.cell_start(attributes)
        elif name == _VALUE or (name == _TEXT and self.inline is not None and not self.phonetic):
            self.parts, self.chars, self.collecting = [], 0, True
        elif name == _INLINE:
            self.inline = []
        elif name == _PHONETIC:
            self.phonetic += 1
        elif name == _ROW:
            self.row_start(attributes.get("r"))

    def end(self, name):
        if name == _CELL and self.in_row:
            self.cell_end()
        elif name == _VALUE and self.collecting:
            self.value_text, self.collecting = _joined(self.parts), False
        elif name == _TEXT and self.collecting:
            self.inline.append(_joined(self.parts))
            self.collecting = False
        elif name == _PHONETIC:
            self.phonetic -= 1
        elif name == _ROW and self.in_row:
            self.row_end()
        elif name == _SHEET_DATA:
            self.finished = True

    def text(self, data):
        if self.collecting and self.chars < MAX_CELL_CHARS:
            self.parts.append(data)
            self.chars += len(data)

    def row_start(self, r):
        if self.finished:                        # rows after the sheet data are no rows
            return
        self.in_row, self.values, self.problems, self.cells, self.column = True, {}, [], 0, 0
        number = self.last + 1
        if r is not None:
            if not (r.isascii() and r.isdigit() and int(r[:12]) > 0):
                self.problems.append(f"the row after row {self.last} has a number (r attribute) "
                                     "that is no row number (a damaged or crafted file?)")
            elif int(r[:12]) <= self.last:
                self.problems.append(f"row {int(r)} comes after row {self.last}: the rows are out "
                                     "of order (a damaged or crafted file?)")
            else:
                number = int(r[:12]) if len(r) <= 12 else MAX_ROWS + 1
        if number > MAX_ROWS:
            raise SpreadsheetError("the sheet goes on past row {}, Excel's last row: a damaged "
                                   "or crafted file; open it in Excel and save it again",
                                   "1,048,576")
        self.number = self.last = number
        self.suffix = str(number)

    def cell_start(self, attributes):
        self.cells += 1
        if self.cells > MAX_CELLS_PER_ROW:
            raise SpreadsheetError("row {} of the sheet holds more cells than Excel allows ({}): "
                                   "a crafted file; export the data again from the agency's "
                                   "system", self.number, f"{MAX_CELLS_PER_ROW:,}")
        ref = attributes.get("r")
        self.ref = ref
        if ref is None:
            self.column += 1
        else:
            column = self.numbers.get(ref[:-len(self.suffix)]) if ref.endswith(self.suffix) else None
            self.column = column or self.column_of(ref)
        self.kind, self.style = attributes.get("t", "n"), attributes.get("s")
        self.value_text = self.inline = None

    def column_of(self, ref):
        """The column number of a cell reference such as AB12 (cached by its letters); a
        reference that is none gives the next column and a problem."""
        match = _REF.fullmatch(ref)
        if not match:
            self.problems.append(f"a cell of row {self.number} has a reference (r attribute) that "
                                 "is no cell reference")
            self.ref = None
            return self.column + 1
        letters = match.group(1).upper()
        number = 0
        for letter in letters:
            number = number * 26 + ord(letter) - 64
        if match.group(0) == letters + str(self.number):
            self.numbers[letters] = number
        return number

    def cell_end(self):
        column, where = self.column, self.ref or f"{column_letters(self.column)}{self.number}"
        if column > MAX_COLUMNS:
            self.problems.append(f"cell {where} lies right of column {column_letters(MAX_COLUMNS)} "
                                 f"(column {MAX_COLUMNS:,}), the last one the import reads")
            return
        text = (self.value_text or None) if self.inline is None else "".join(self.inline)
        try:
            value = self.sheet.value(self.kind, text, self.style)
        except (ValueError, IndexError) as error:
            self.problems.append(f"cell {where} {error} (a damaged or crafted file?)")
            return
        if value is not None:
            self.values[column] = value
        elif column in self.values:
            del self.values[column]

    def row_end(self):
        self.in_row = False
        values, problems = self.values, self.problems
        reason = None
        if problems:
            reason = problems[0] + (f"; and {len(problems) - 1} more cells" if len(problems) > 1
                                    else "")
        if not values:
            self.rows.append(([], reason))
            return
        self.width = max(self.width, max(values))
        self.rows.append(([values.get(c) for c in range(1, self.width + 1)], reason))


def _joined(parts):
    text = "".join(parts)
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS]


class _SharedStrings:
    """The shared string table (openpyxl drops the ``x005F_`` escape prefix the same way),
    parsed only as far as the sheet asks: a row refers to strings near those before it."""

    def __init__(self, archive, path):
        self.items = []
        self.handle = self.chunks = None
        if path is None or path not in archive.namelist():
            return
        self.handle = open_part(archive, path, SHARED_STRINGS_BYTES)
        parser = new_parser()
        self.parts, self.depth, self.phonetic = [], 0, 0
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        self.chunks = parse_chunks(self.handle, parser)

    def get(self, index: int) -> str:
        while index >= len(self.items) and self.chunks is not None:
            if next(self.chunks, None) is None:
                self.close()
        if not 0 <= index < len(self.items):
            raise IndexError(f"refers to shared string {index}, but the workbook holds "
                             f"{len(self.items):,}")
        return self.items[index]

    def start(self, name, attributes):
        if name == _STRING:
            self.parts, self.chars, self.depth = [], 0, 1
        elif name == _PHONETIC:
            self.phonetic += 1
        elif name == _TEXT and self.depth and not self.phonetic:
            self.depth = 2

    def end(self, name):
        if name == _STRING:
            self.items.append(_joined(self.parts).replace("x005F_", ""))
            self.depth = 0
            if len(self.items) > MAX_SHARED_STRINGS:
                raise SpreadsheetError("the workbook holds more than {} shared strings, far more "
                                       "than any agency file: a crafted file; export the data "
                                       "again from the agency's system", f"{MAX_SHARED_STRINGS:,}")
        elif name == _PHONETIC:
            self.phonetic -= 1
        elif name == _TEXT and self.depth == 2:
            self.depth = 1

    def text(self, data):
        if self.depth == 2 and self.chars < MAX_CELL_CHARS:
            self.parts.append(data)
            self.chars += len(data)

    def close(self):
        if self.handle is not None:
            self.handle.close()
        self.handle = self.chunks = None


def _relationships(archive, rels_path, base):
    """Relationship id -> (part path in the zip, relationship type)."""
    out = {}
    with open_part(archive, rels_path, SMALL_PART_BYTES) as handle:
        for _event, rel in iterparse(handle):
            if rel.tag == _PKG_REL + "Relationship":
                target = rel.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(base, target))
                out[rel.get("Id")] = (path, rel.get("Type", ""))
                rel.clear()
    return out


def _date_styles(archive):
    """Indexes (as written in a cell's s) of the cell styles (cellXfs) whose number format
    shows a date or time."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    custom, dates, index, in_xfs = {}, set(), 0, False
    with open_part(archive, "xl/styles.xml", SMALL_PART_BYTES, check_ratio=False) as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            tag = element.tag
            if tag == _MAIN + "cellXfs":
                in_xfs = event == "start"
            elif event == "start":
                continue
            elif tag == _MAIN + "numFmt":
                custom[element.get("numFmtId")] = element.get("formatCode", "")
            elif tag == _MAIN + "xf" and in_xfs:
                number_format = element.get("numFmtId", "0")
                if (number_format.isdigit() and int(number_format) in _BUILTIN_DATE_FORMATS) or (
                        number_format in custom and _is_date_format(custom[number_format])):
                    dates.add(str(index))
                index += 1
            if event == "end" and tag != _MAIN + "cellXfs":
                element.clear()
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
