"""Agency table files as streams of rows: CSV/TSV, XLSX, ODS and DBF, whatever their extension says,
and every other table GDAL reads (gdal_table).

Each reader yields ``(cells, problem)``: the row's cells (text, numbers or dates as the file holds
them) and, when part of the row could not be decoded, a reason for rejecting it. Rows are read one
at a time so memory stays flat however large the file is.
The format is told from the file's first bytes, not its name.
"""
from __future__ import annotations

import codecs
import csv
import os
import struct
import zipfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..database import PathLike
from ..errors import CoreError
from . import ods, xlsx

if TYPE_CHECKING:
    from .gdal_table import LayerTable

ENCODINGS = ("auto", "utf-8", "utf-8-sig", "utf-16", "cp874")
_DELIMITERS = (",", "\t", ";", "|")
_PROBE_BYTES = 1 << 20      # how much of a text file `auto` looks at to choose its encoding
_DBF_VERSIONS = {0x02, 0x03, 0x30, 0x31, 0x83, 0x8B, 0xF5}

csv.field_size_limit(1 << 24)   # long free text (case notes) must not stop a file


class ReadError(CoreError):
    """The file cannot be read as a table; the message says why and what to do."""


class TableFile:
    """Rows of one table file; ``fraction()`` tells how far reading has got (0..1)."""

    def __init__(self, path: PathLike, file_format: str, encoding: str | None,
                 rows: Iterator[tuple[list[Any], str | None]], fraction: Callable[[], float],
                 close: Callable[[], None]) -> None:
        self.path, self.format, self.encoding = path, file_format, encoding
        self._rows, self.fraction, self.close = rows, fraction, close
        # Positions of the columns whose cells may hold line breaks (set once the header is
        # known; a text file's record spans lines only there).
        self.multiline: frozenset[int] = frozenset()

    def __iter__(self) -> Iterator[tuple[list[Any], str | None]]:
        return self._rows

    def __enter__(self) -> TableFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sniff_format(path: PathLike) -> str:
    """csv, xlsx, ods, dbf, gdal (a database or old workbook GDAL reads), or a ReadError naming
    what the file really is."""
    with open(path, "rb") as handle:
        head = handle.read(64)
    size = os.path.getsize(path)
    if not head:
        raise ReadError("the file is empty (0 bytes): export it again from the agency's system")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    with archive.open("mimetype") as handle:     # a few bytes, whatever it claims
                        if b"opendocument.spreadsheet" in handle.read(256):
                            return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except xlsx.ZIP_FAULTS:
            raise ReadError("the file looks like a spreadsheet but is damaged (a broken zip): "
                            "open and save it again in the spreadsheet program") from None
        raise ReadError("the file is a zip archive but not an XLSX or ODS spreadsheet: unpack it")
    if head.startswith((b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00")):
        return "gdal"              # an old .xls workbook, a GeoPackage or SQLite table
    if head.startswith((b"%PDF", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8")):
        raise ReadError("the file is not a table (it is a PDF, image or compressed file): "
                        "export the data as CSV or XLSX")
    if head[0] in _DBF_VERSIONS and len(head) >= 32:
        # A dBase header: version, last update (YY MM DD), records, header and record lengths.
        # A file cut short is still a DBF (the reader says where it ends).
        month, day = head[2], head[3]
        records, header_len, record_len = struct.unpack_from("<IHH", head, 4)
        if 1 <= month <= 12 and 1 <= day <= 31 and header_len >= 33 and record_len >= 1 and (
                size <= header_len + records * record_len + 1 or _dbf_field(head[32:64])):
            return "dbf"        # (a DBF whose sizes disagree is refused by its reader)
    return "csv"


def _dbf_field(descriptor):
    """True when 32 bytes look like a dBase field descriptor: an ASCII name, a known type."""
    name = descriptor[:11].split(b"\x00")[0]
    return len(descriptor) == 32 and name.isascii() and name[:1].isalpha() and \
        descriptor[11:12] in (b"C", b"N", b"D", b"L", b"F", b"M", b"B", b"G", b"I", b"Y", b"T",
                              b"O", b"@", b"+", b"0", b"V")


def open_table(path: PathLike, encoding: str = "auto",
               point_columns: bool = False) -> TableFile | LayerTable:
    """A TableFile for ``path``; ``encoding`` applies to text and DBF files (see ENCODINGS).

    ``path`` may name a layer of a multi-layer file (``file.gpkg|layername=x``); a table the
    readers here do not know is read through GDAL (``gdal_table``), where a point layer gives
    latitude and longitude columns when ``point_columns`` is set."""
    from . import gdal_table
    if encoding not in ENCODINGS:
        raise ReadError("unknown encoding '{}': use one of {}", encoding, ", ".join(ENCODINGS))
    if not os.path.isfile(gdal_table.split_layer(path)[0]):
        raise ReadError("{} is not a file: choose the agency's export file", path)
    if gdal_table.wanted(path):
        return gdal_table.LayerTable(str(path), point_columns)
    file_format = sniff_format(path)
    if file_format == "gdal":
        return gdal_table.LayerTable(str(path), point_columns)
    return {"csv": _open_text, "xlsx": _open_xlsx, "ods": _open_ods, "dbf": _open_dbf}[file_format](
        path, encoding)


def choose_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes: BOM, else UTF-8 if it decodes, else TIS-620."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        raise ReadError("the file holds binary data (NUL bytes) without a UTF-16 byte-order mark: "
                        "it is not a text table (if it is UTF-16 text, choose the encoding utf-16)")
    non_ascii = [line for line in head.split(b"\n") if not line.isascii()]
    if not non_ascii:
        return "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8")()
    for line in non_ascii:
        try:
            decoder.decode(line, final=False)      # the probe may end inside a character
            return "utf-8"                         # one Thai line in UTF-8: the file is UTF-8
        except UnicodeDecodeError:
            decoder.reset()
    return "cp874"


# Physical lines one record may span when the spec allows line breaks in some of its columns
# (free text); elsewhere a record is one line. A quote left open must not swallow the records
# after it: past this, or with a line break in another column, the record is read again line
# by line (rows_read then counts every physical line).
MULTILINE_MAX_LINES = 100


class _OpenQuote(Exception):
    """The record being read runs over more lines than it may."""


class _LineFeed:
    """The decoded lines for csv.reader, keeping those of the record being read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines, self.taken, self.limit = lines, [], 1

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if len(self.taken) >= self.limit:
            raise _OpenQuote
        line = next(self.lines)
        self.taken.append(line)
        return line

    def again(self, lines: list[str]) -> None:
        """Give ``lines`` again before the rest of the file."""
        self.lines = _chain_all(lines, self.lines)


def _chain_all(first, rest):
    yield from first
    yield from rest


def _open_text(path, encoding):
    handle = open(path, "rb")
    size = max(os.path.getsize(path), 1)
    if encoding == "auto":
        encoding = choose_encoding(handle.read(_PROBE_BYTES))
        handle.seek(0)
    bad_lines = set()
    if encoding == "utf-16":
        if handle.read(2) not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            handle.close()
            raise ReadError("the file does not start with a UTF-16 byte-order mark, so it is not "
                            "UTF-16 text: import it with the encoding auto")
        handle.seek(0)
        lines = _utf16_lines(handle)
    else:
        lines = _decoded_lines(_blocks(handle), encoding, bad_lines)
    first = next(lines, "")
    delimiter = max(_DELIMITERS, key=first.count)
    state = {"line": 0, "width": None}
    reading = [handle]                # the last is the handle whose position tells the progress

    def close():
        for each in reading:
            each.close()

    table = TableFile(path, "csv", encoding, None, lambda: min(reading[-1].tell() / size, 1.0),
                      close)
    table._rows = _records(_LineFeed(_chain(first, lines)), delimiter, table, encoding, bad_lines,
                           state)

    def fast_batches():
        reading.append(open(path, "rb"))
        return _text_batches(reading[-1], encoding, delimiter, table, state)
    if encoding != "utf-16":          # (UTF-16 lines are read as they are)
        table.batches = fast_batches
    return table


def _records(feed, delimiter, table, encoding, bad_lines, state):
    """The records of the lines ``feed`` gives, as (cells, problem); ``state`` counts the
    physical lines read ("line") and keeps the header's number of cells ("width")."""
    reader = csv.reader(feed, delimiter=delimiter, strict=False)
    while True:
        line, width = state["line"], state["width"]     # physical lines before the record
        allowed = table.multiline
        feed.taken, feed.limit = [], MULTILINE_MAX_LINES if allowed else 1
        try:
            cells = next(reader)
            broken = len(feed.taken) > 1 and (len(cells) != width or any(
                "\n" in c or "\r" in c for i, c in enumerate(cells) if i not in allowed))
            state["width"] = width or len(cells)
        except StopIteration:
            return
        except _OpenQuote:
            broken = True
        except csv.Error as error:
            raise ReadError("line {}: {}", line + 1, error) from None
        if broken:                # its first line alone is rejected, the rest read again
            feed.again(feed.taken[1:])
            reader = csv.reader(feed, delimiter=delimiter, strict=False)
            state["line"] = line + 1
            yield next(csv.reader(feed.taken[:1], delimiter=delimiter, strict=False), []), (
                f"line {line + 1}: a quote opened in this line is not closed on it, and the "
                f"row would run on into the next lines (over other records): check the "
                f"quotes (\") of this line in the file")
            continue
        problem = None
        if bad_lines:
            lines_of_row = range(line + 1, line + len(feed.taken) + 1)
            if any(n in bad_lines for n in lines_of_row):
                problem = f"the row is not valid {encoding} text (mixed encodings in one file?)"
                bad_lines.difference_update(lines_of_row)
        state["line"] = line + len(feed.taken)
        yield cells, problem


class ColumnBlock:
    """Rows of a text file read at once by pandas' C parser: one list of text cells for each
    of the header's columns (every row has them all), in the file's order."""

    def __init__(self, columns: list[list[str]], rows: int) -> None:
        self.columns, self.rows = columns, rows


# Bytes of a text file handed to pandas' C parser at once (about 140,000 rows of 14 columns).
FAST_BLOCK_BYTES = 16 << 20


def batches(table: Any, rows: Iterator[tuple[list[Any], str | None]],
            size: int = 5000) -> Iterator[ColumnBlock | list[tuple[list[Any], str | None]]]:
    """The rest of ``table`` after the rows taken from ``rows`` (its iterator): ColumnBlocks
    where a text file's rows can be read at once, lists of up to ``size`` (cells, problem)
    rows elsewhere."""
    fast = getattr(table, "batches", None) if isinstance(table, TableFile) else None
    if fast is not None:
        yield from fast()
        return
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _text_batches(handle, encoding, delimiter, table, state):
    """A text file from the line after those read so far (state["line"]), in ColumnBlocks while
    its blocks are plain: UTF-8, no quote, no NUL, no line break but \n or \r\n, and the
    header's number of cells on every line. From the first block that is not, the rows are read
    as the csv reader reads them (quotes, broken lines, other encodings: as ever), to the end."""
    import numpy as np
    blocks = _skip_lines(_blocks(handle, FAST_BLOCK_BYTES), state["line"])
    width, number = state["width"] or 1, state["line"]
    delimiter_byte = ord(delimiter)
    for block in blocks:
        columns = None
        if encoding in ("utf-8", "utf-8-sig") and b'"' not in block and b"\x00" not in block \
                and block.count(b"\r") == block.count(b"\r\n") and _is_utf8(block):
            data = np.frombuffer(block, np.uint8)
            ends = np.flatnonzero(data == 10)
            if block[-1:] != b"\n":
                ends = np.append(ends, len(data))
            cells = np.diff(np.searchsorted(np.flatnonzero(data == delimiter_byte), ends),
                            prepend=0)
            if (cells == width - 1).all():
                columns = _parse_block(block, delimiter, width, len(ends))
        if columns is None:
            state["line"] = number
            bad_lines = set()
            lines = _decoded_lines(_chain_all([block], blocks), encoding, bad_lines, number)
            rows = _records(_LineFeed(lines), delimiter, table, encoding, bad_lines, state)
            yield from batches(None, rows)
            return
        number += len(ends)
        yield ColumnBlock(columns, len(ends))


def _parse_block(block, delimiter, width, lines):
    """The columns of a plain block (see _text_batches), or None if pandas reads another
    number of rows than it has lines."""
    import io
    import pandas as pd
    frame = pd.read_csv(io.BytesIO(block), sep=delimiter, header=None, names=range(width),
                        index_col=False, dtype=str, na_filter=False, quoting=csv.QUOTE_NONE,
                        skip_blank_lines=False, encoding="utf-8", engine="c")
    if len(frame) != lines:
        return None
    return [frame[i].tolist() for i in range(width)]


def _skip_lines(blocks, count):
    """The blocks after the first ``count`` lines (a block ends at a line break)."""
    for block in blocks:
        while count and block:
            cut = block.find(b"\n") + 1
            block = block[cut:] if cut else b""
            count -= 1
        if block:
            yield block
            break
    yield from blocks


def _utf16_lines(handle):
    """Lines of a UTF-16 file ending at "\n" alone: U+2028, U+0085 and the other breaks that
    str.splitlines knows are text inside a cell, not the end of a row."""
    decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
    rest = ""
    while True:
        data = handle.read(BLOCK_BYTES)
        parts = (rest + decoder.decode(data, final=not data)).split("\n")
        rest = parts.pop()
        yield from (part + "\n" for part in parts)
        if not data:
            if rest:
                yield rest
            return


def _decoded_lines(blocks, encoding, bad_lines, number=0):
    """Lines decoded so that one line in another encoding spoils only its own row: a block of
    lines is decoded at once, and only a block that fails is decoded line by line. Lines end
    at b"\\n" alone, as when the file is read line by line in binary mode. ``number``: the
    lines before the first block (the first line of the file has a byte-order mark)."""
    codec = encoding if number == 0 else _after_first_line(encoding)
    for block in blocks:
        try:
            text = block.decode(codec)
            # A UTF-8 line in a TIS-620 file decodes as nonsense instead of failing: catch it.
            clean = encoding != "cp874" or block.isascii()
        except UnicodeDecodeError:
            clean = False
        if clean:
            lines = _with_breaks(text.split("\n"), "\n")
            number += len(lines)
            yield from lines
        else:
            for raw in _with_breaks(block.split(b"\n"), b"\n"):
                number += 1
                yield _decoded_line(raw, number, codec, encoding, bad_lines)
                codec = _after_first_line(encoding)
        codec = _after_first_line(encoding)


def _with_breaks(parts, line_break):
    """The pieces of a split text as lines again: each with its line break but the last,
    which is a line only when something follows the last break."""
    lines = [part + line_break for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _decoded_line(raw, number, codec, encoding, bad_lines):
    try:
        text = raw.decode(codec)
        if encoding == "cp874" and not raw.isascii() and _is_utf8(raw):
            bad_lines.add(number)
    except UnicodeDecodeError:
        text = raw.decode(codec, errors="replace")
        bad_lines.add(number)
    return text


def _after_first_line(encoding):
    """The codec after the first line: a byte-order mark is only looked for at the start."""
    return "utf-8" if encoding == "utf-8-sig" else encoding


BLOCK_BYTES = 1 << 20


def _blocks(handle, size=None):
    """The file in blocks of about ``size`` (BLOCK_BYTES) that end at a line break (or at the end)."""
    rest = b""
    while True:
        data = handle.read(size or BLOCK_BYTES)
        if not data:
            if rest:
                yield rest
            return
        data = rest + data
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data               # a line longer than a block: read on
            continue
        rest = data[cut:]
        yield data[:cut]


def _is_utf8(raw):
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _chain(first, rest):
    if first:
        yield first
    yield from rest


def _open_xlsx(path, encoding):
    return _open_spreadsheet(path, "xlsx", xlsx.Sheet)


def _open_ods(path, encoding):
    return _open_spreadsheet(path, "ods", ods.Table)


def _open_spreadsheet(path, file_format, reader):
    """A TableFile of an XLSX or ODS reader; what they refuse becomes a ReadError (its template
    kept for translation), and so does a zip that breaks part-way."""
    try:
        sheet = reader(path)
    except xlsx.SpreadsheetError as error:
        raise ReadError(error.template, *error.values) from None
    except xlsx.ZIP_FAULTS as error:
        raise ReadError("the spreadsheet cannot be opened ({}): open it in the spreadsheet "
                        "program and save it again", error) from None

    def rows():
        try:
            yield from sheet.rows()
        except xlsx.SpreadsheetError as error:
            raise ReadError(error.template, *error.values) from None

    return TableFile(path, file_format, None, rows(), sheet.fraction, sheet.close)


def _utf8_cut_short(raw):
    """The text of UTF-8 bytes whose last character the field's width cut (dropped), or None
    when they are not UTF-8. Padding after the cut is spaces or NULs."""
    body = raw.rstrip(b" \x00")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        text = decoder.decode(body, final=False)
    except UnicodeDecodeError:
        return None
    return text if decoder.getstate()[0] else None


def _open_dbf(path, encoding):
    """dBase III/IV tables: a fixed header, 32-byte field descriptors, fixed-width records."""
    handle = open(path, "rb")
    header = handle.read(32)
    records, header_len, record_len = struct.unpack_from("<IHH", header, 4)
    fields = []
    while True:
        descriptor = handle.read(32)
        if not descriptor or descriptor[0] == 0x0D:
            break
        if len(descriptor) < 32 or handle.tell() > header_len:
            handle.close()
            raise ReadError("the DBF file's list of fields is cut short (a damaged or truncated "
                            "file): export it again from the agency's system")
        name = descriptor[:11].split(b"\x00")[0].decode("ascii", "replace").strip()
        fields.append((name, chr(descriptor[11]), descriptor[16]))
    if not fields:
        handle.close()
        raise ReadError("the DBF file lists no fields: a damaged file; export it again from the "
                        "agency's system")
    if 1 + sum(width for _, _, width in fields) > record_len:
        handle.close()
        raise ReadError("the DBF file's fields take {} bytes but its records only {}: a damaged "
                        "file; export it again from the agency's system",
                        1 + sum(width for _, _, width in fields), record_len)
    text_codec = "utf-8" if encoding in ("auto", "utf-8-sig") else encoding
    count = [0]

    def decode(raw):
        try:
            return raw.decode(text_codec), None
        except UnicodeDecodeError:
            if text_codec == "utf-8":
                cut = _utf8_cut_short(raw)
                if cut is not None:          # a Thai letter cut by the field's width
                    return cut, None
            if encoding == "auto":
                return raw.decode("cp874", errors="replace"), None   # DBF from Thai systems: TIS-620
            return raw.decode(text_codec, errors="replace"), f"the row is not valid {encoding} text"

    def rows():
        yield [name for name, _, _ in fields], None
        handle.seek(header_len)
        for _ in range(records):
            raw = handle.read(record_len)
            count[0] += 1
            if len(raw) < record_len:
                yield [], "the record is cut short (the DBF file is truncated)"
                return
            if raw[:1] == b"*":          # deleted in dBase: not part of the table
                continue
            offset, cells, problem = 1, [], None
            for _, _, width in fields:
                text, bad = decode(raw[offset:offset + width])
                offset += width
                problem = problem or bad
                cells.append(text.strip())      # dates (type D) stay yyyymmdd text
            yield cells, problem

    return TableFile(path, "dbf", encoding, rows(), lambda: count[0] / max(records, 1), handle.close)
