"""A streaming reader of an ODS spreadsheet's first table, its content.xml parsed as it is unzipped.

It replaces pandas/odfpy, which read the whole file (2.9 GB and 160 s for a million cells), and
is preferred to GDAL's ODS driver, which reads the whole sheet before the first row, cannot be
canceled while it does, loses cell types, and stops quietly after about 10 MB of cell text
(docs/decisions.md has the numbers). Values are those pandas gave: text (paragraphs joined by
line breaks, <text:s/> spaces and tabs kept, notes left out), numbers (int when whole), dates as
datetimes, times, booleans.

Repetition is ODS's own compression and is bounded like the rest (issue 15): an empty row
repeated N times gives N empty rows only when a filled row follows (the million empty rows
LibreOffice writes after the data give nothing); a filled row repeated N times gives N rows
within Excel's 1,048,576; a filled cell repeated past MAX_COLUMNS rejects its row. The same zip
checks as XLSX apply, a cell's text stops at 32,767 characters, and a value that makes no sense
rejects its row, the reason naming the cell. Spec: OpenDocument 1.2 Part 1, 9.1 (tables), 19.385
(office:value-type).
"""
from __future__ import annotations

import datetime
import math
import re
import zipfile
from collections.abc import Iterator
from itertools import repeat
from typing import Any

from ..database import PathLike
from .xlsx import (MAX_CELL_CHARS, MAX_CELLS_PER_ROW, MAX_COLUMNS, MAX_ROWS, ZIP_FAULTS,
                   SpreadsheetError,
                   column_letters, iso_datetime, new_parser, open_part, parse_chunks)

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE, _ROW = _TABLE_NS + "table", _TABLE_NS + "table-row"
_CELLS = {_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell"}
_PARAGRAPH, _ANNOTATION = _TEXT_NS + "p", _OFFICE_NS + "annotation"
_SPACES, _TAB, _BREAK = _TEXT_NS + "s", _TEXT_NS + "tab", _TEXT_NS + "line-break"
_ROWS_REPEATED, _COLUMNS_REPEATED = _TABLE_NS + "number-rows-repeated", \
    _TABLE_NS + "number-columns-repeated"
_TYPE, _VALUE = _OFFICE_NS + "value-type", _OFFICE_NS + "value"
_ATTRIBUTE_VALUES = {"date": _OFFICE_NS + "date-value", "time": _OFFICE_NS + "time-value",
                     "boolean": _OFFICE_NS + "boolean-value", "string": _OFFICE_NS + "string-value"}
_DURATION = re.compile(r"PT(\d{1,2})H(\d{1,2})M(\d{1,2})(?:\.(\d+))?S")
_CONTENT = "content.xml"


class Table:
    """Rows of an ODS spreadsheet's first table as (values, problem); ``fraction()`` tells
    progress."""

    def __init__(self, path: PathLike) -> None:
        self._archive = zipfile.ZipFile(path)
        try:
            if "META-INF/manifest.xml" in self._archive.namelist():
                with open_part(self._archive, "META-INF/manifest.xml", 1 << 20) as handle:
                    if b"encryption-data" in handle.read():
                        raise SpreadsheetError("the spreadsheet is protected by a password: save it "
                                               "again without one")
            open_part(self._archive, _CONTENT).close()          # refused now if it is a bomb
            self._size = max(self._archive.getinfo(_CONTENT).file_size, 1)
        except SpreadsheetError:
            self._archive.close()
            raise
        except (KeyError, *ZIP_FAULTS) as error:
            self._archive.close()
            raise SpreadsheetError("the spreadsheet's parts are missing or broken ({}): open it in "
                                   "LibreOffice and save it again", error) from None
        self._done = 0

    def fraction(self) -> float:
        return min(self._done / self._size, 1.0)

    def close(self) -> None:
        self._archive.close()

    def rows(self) -> Iterator[tuple[list[Any], str | None]]:
        reader = _TableReader()
        parser = new_parser()
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        with open_part(self._archive, _CONTENT) as handle:
            for self._done in parse_chunks(handle, parser):
                rows, reader.rows = reader.rows, []
                for cells, problem, count in rows:
                    yield from repeat((cells, problem), count)
                if reader.finished:
                    return


class _TableReader:
    """expat handlers: finished rows wait in ``rows`` as (values, problem, times repeated)."""

    def __init__(self):
        self.rows, self.finished = [], False
        self.depth = 0              # tables open: 1 inside the first, more inside one nested in it
        self.in_row = False
        self.position = 0           # rows so far, empty ones included
        self.waiting = 0            # empty rows not given yet: only a filled row after them does
        self.width = 0              # the widest row so far
        self.repeat = 1
        self.values, self.problems, self.column, self.cells = {}, [], 0, 0
        self.cell = None            # (value type, attributes) of the open cell
        self.parts, self.chars, self.paragraphs, self.in_paragraph, self.notes = [], 0, 0, 0, 0

    def start(self, name, attributes):
        if name == _TABLE:
            self.depth += not self.finished      # only the first table is read
        elif self.depth != 1:
            return
        elif self.cell is not None:
            if self.notes or name == _ANNOTATION:
                self.notes += name == _ANNOTATION
            elif name == _PARAGRAPH:
                if self.paragraphs:
                    self.add("\n")
                self.paragraphs += 1
                self.in_paragraph += 1
            elif name == _SPACES:
                self.add(" " * min(_count(attributes.get(_TEXT_NS + "c")), MAX_CELL_CHARS))
            elif name == _TAB:
                self.add("\t")
            elif name == _BREAK:
                self.add("\n")
        elif name in _CELLS and self.in_row:
            self.cells += 1
            if self.cells > MAX_CELLS_PER_ROW:
                raise SpreadsheetError("row {} of the sheet holds more cells than a spreadsheet "
                                       "allows ({}): a crafted file; export the data again",
                                       self.position + 1, MAX_CELLS_PER_ROW)
            self.cell = (attributes.get(_TYPE), attributes)
            self.parts, self.chars, self.paragraphs, self.in_paragraph = [], 0, 0, 0
        elif name == _ROW:
            self.in_row, self.values, self.problems, self.column, self.cells = True, {}, [], 0, 0
            self.repeat = _count(attributes.get(_ROWS_REPEATED))

    def end(self, name):
        if name == _TABLE:
            if not self.finished:
                self.depth -= 1
                self.finished = self.depth == 0
        elif self.depth != 1:
            return
        elif self.cell is not None and name not in _CELLS:
            if name == _ANNOTATION:
                self.notes -= 1
            elif name == _PARAGRAPH and not self.notes:
                self.in_paragraph -= 1
        elif name in _CELLS and self.cell is not None:
            self.cell_end()
        elif name == _ROW and self.in_row:
            self.row_end()

    def text(self, data):
        if self.in_paragraph and self.cell is not None and not self.notes and self.depth == 1:
            self.add(data)

    def add(self, data):
        if self.chars < MAX_CELL_CHARS:
            self.parts.append(data)
            self.chars += len(data)

    def cell_end(self):
        kind, attributes = self.cell
        self.cell = None
        count, first = _count(attributes.get(_COLUMNS_REPEATED)), self.column + 1
        self.column += count
        text = "".join(self.parts)[:MAX_CELL_CHARS] if self.paragraphs else None
        try:
            value = _value(kind, attributes, text)
        except ValueError as error:
            self.problems.append(f"cell {column_letters(first)}{self.position + 1} {error} (a "
                                 "damaged or crafted file?)")
            return
        if value is None:
            return
        if self.column > MAX_COLUMNS:
            self.problems.append(f"cell {column_letters(max(first, MAX_COLUMNS + 1))}"
                                 f"{self.position + 1} lies right of column "
                                 f"{column_letters(MAX_COLUMNS)} (column {MAX_COLUMNS:,}), the "
                                 "last one the import reads")
        for column in range(first, min(self.column, MAX_COLUMNS) + 1):
            self.values[column] = value

    def row_end(self):
        self.in_row = False
        self.position += self.repeat
        if not self.values and not self.problems:
            self.waiting += self.repeat          # given only if a filled row follows
            return
        if self.position > MAX_ROWS:
            raise SpreadsheetError("the sheet goes on past row {}, the last row of a spreadsheet: "
                                   "a damaged or crafted file; open it in LibreOffice and save "
                                   "it again", "1,048,576")
        if self.waiting:
            self.rows.append(([], None, self.waiting))
            self.waiting = 0
        reason = None
        if self.problems:
            reason = self.problems[0] + (f"; and {len(self.problems) - 1} more cells"
                                         if len(self.problems) > 1 else "")
        if self.values:
            self.width = max(self.width, max(self.values))
        cells = [self.values.get(c) for c in range(1, self.width + 1)] if self.values else []
        self.rows.append((cells, reason, self.repeat))


def _count(text):
    """A repeat count (number-rows-repeated, text:c): 1 when missing or not a positive number."""
    if text is None or not text.isdigit() or not text.isascii():
        return 1
    return max(int(text[:9]), 1)


def _value(kind, attributes, text):
    """A cell's value by its office:value-type; a ValueError says why it makes no sense."""
    if kind is None:
        return text or None
    if kind in ("float", "percentage", "currency"):
        raw = attributes.get(_VALUE)
        try:
            number = float(raw)
        except (TypeError, ValueError):
            raise ValueError("is marked as a number but holds none") from None
        if not math.isfinite(number):
            raise ValueError("is marked as a number but holds none")
        return int(number) if number.is_integer() and abs(number) < 2 ** 63 else number
    raw = attributes.get(_ATTRIBUTE_VALUES.get(kind, ""))
    if kind == "string":
        return (raw if raw is not None else text) or None       # an empty text is an empty cell
    if kind == "date":
        return iso_datetime(raw or "")
    if kind == "time":
        match = _DURATION.fullmatch(raw or "")
        if not match:
            raise ValueError("is marked as a time but holds none")
        hours, minutes, seconds, fraction = match.groups()
        if int(hours) > 23 or int(minutes) > 59 or int(seconds) > 59:
            return raw                           # a duration past a day: kept as written
        return datetime.time(int(hours), int(minutes), int(seconds),
                             int((fraction or "0")[:6].ljust(6, "0")))
    if kind == "boolean":
        if raw not in ("true", "false"):
            raise ValueError("is marked as true or false but holds neither")
        return raw == "true"
    return text or None
