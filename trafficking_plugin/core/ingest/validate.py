"""Syntactic checks and parsing of one cell by its spec type, with reasons a clerk understands.

Every parser returns ``(value, reason)``: the value to stage, or ``None`` and a reason to reject
the row. Codes are kept as found (the crosswalk maps them); only their form is normalised
(Thai digits to ASCII, surrounding spaces trimmed).
"""
from __future__ import annotations

import calendar
import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..thai_calendar import BE_OFFSET
from . import thai_id
from .spec import ID_TYPES
from .spec import ColumnSpec

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
SPREADSHEET_ERRORS = {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!",
                      "#GETTING_DATA", "#SPILL!", "#CALC!"}
_BE_FROM = 2400              # a year from here on is Buddhist era (as thai_calendar.ce_year)
_EARLIEST_CE_YEAR = 1850     # no living person or current record is older
_EXCEL_EPOCH = datetime.date(1899, 12, 30)   # serial 1 = 1900-01-01 (Excel's 1900 date system)
_ID_LIKE = re.compile(r"[0-9]{13}|G[0-9]{12}")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DATE_PATTERNS = {
    "yyyymmdd": re.compile(r"(\d{4})(\d{2})(\d{2})(?:\d{6})?"),     # also yyyymmddhhmmss stamps
    "dd/mm/yyyy": re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"),
    "yyyy-mm-dd": re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+)?"),
    "excel": re.compile(r"\d{1,5}(?:\.\d+)?"),
}


def cell_text(value: object) -> str:
    """A cell as text: None -> '', whole floats without '.0', dates as ISO yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def mask_ids_in(text: str) -> str:
    """``text`` with every ID-like run (13 digits, or G and 12 digits) masked."""
    return _ID_LIKE.sub(lambda m: mask_id(m.group()), text)


def mask_id(text: object) -> str:
    """An ID with all but its last 4 characters hidden, for messages and rejected_row."""
    text = str(text).strip()
    return "*" * max(len(text) - 4, 0) + text[-4:]


def parse_id(raw: str, kind: str) -> tuple[tuple[str, str] | None, str | None]:
    """(id_kind, normalised ID) or (None, reason): ``kind`` is thai_id or person_id (G codes too)."""
    if len(raw) == 13 and raw.isascii() and raw.isdigit():     # the common case, quickly
        normal = raw
    else:
        normal = thai_id.normalize_id(raw.translate(THAI_DIGITS))
    if not normal:
        return ("none", ""), None
    if len(normal) == 13 and normal.isascii() and normal.isdigit():
        if thai_id.is_placeholder(normal):
            return None, (f"ID {mask_id(normal)} is a placeholder, not a person's ID (one digit "
                          "repeated, 1234…, or no registering office): leave the cell empty "
                          "when the ID is not known")
        if thai_id.check_digit(normal[:12]) == int(normal[12]):
            return ("thai_id", normal), None
        return None, f"ID {mask_id(normal)} fails the check digit (a digit mistyped?)"
    if kind == "person_id" and thai_id.is_g_code(normal):
        return ("g_code", normal), None
    expected = "a 13-digit Thai ID or a G code (G and 12 digits)" if kind == "person_id" \
        else "a 13-digit Thai ID"
    return None, f"ID {mask_id(normal)} is not {expected}"


def parse_value(column: ColumnSpec, cell: Any,
                data_year: int) -> tuple[str | int | float | None, str | None]:
    """Parse a cell (text, number or date as the reader gave it) for a non-ID ColumnSpec.

    A blank cell gives (None, None)."""
    kind = column.type
    if cell.__class__ is str:               # the common case (every text file): no conversion
        raw = cell
    elif kind == "date" and isinstance(cell, datetime.date):
        # A spreadsheet date cell is a day, not text: no era to guess.
        day = cell.date() if isinstance(cell, datetime.datetime) else cell
        if column.not_after_data_year and day.year > data_year:
            return None, f"date '{day.isoformat()}' is after the data year {data_year}"
        return day.isoformat(), None
    else:
        raw = cell_text(cell)
    text = raw.strip()
    if not text:
        return None, None
    if not text.isascii():
        text = text.translate(THAI_DIGITS)
    if kind in ("text", "code"):
        # An ID typed into the wrong column must not slip into the GeoPackage unmasked.
        if len(text) >= 13 and _ID_LIKE.search(text):
            return None, (f"'{_short(mask_ids_in(text))}' holds what looks like a personal ID: "
                          "IDs belong only in the ID column")
        # Text is kept as written (spaces and spelling are the crosswalk's); codes trimmed.
        return (raw if kind == "text" else text), None
    if kind in ("integer", "number"):
        number = _number(text)
        if number is None:
            return None, f"'{_short(raw)}' is not a number written in digits"
        if kind == "integer" and number != int(number):
            return None, f"'{_short(raw)}' is not a whole number"
        if column.range and not column.range[0] <= number <= column.range[1]:
            low, high = (f"{v:g}" for v in column.range)
            return None, f"'{_short(raw)}' is outside the plausible range {low} to {high}"
        return (int(number) if kind == "integer" else number), None
    if kind == "year":
        return parse_year(text, column.calendar, data_year if column.not_after_data_year else None)
    if kind == "date":
        return parse_date(text, column.calendar, column.formats,
                          data_year if column.not_after_data_year else None)
    raise ValueError(f"unknown type {kind}")


_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|[-+]?\.[0-9]+")
_LARGEST = 2 ** 53          # past this a float is not exact, and SQLite's integers end at 2**63


def _number(text):
    """A number as people write it (1,234.50), or None: no exponents (1e3 is a typing slip
    more often than a number), no nan or inf, nothing beyond 2**53."""
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text.replace(",", ""))
    return value if abs(value) < _LARGEST else None


def _short(text, limit=40):
    return text if len(text) <= limit else text[:limit] + "…"


def _era_year(year, era, text):
    """The C.E. year of ``year`` written in ``era`` (be, ce, auto), or a reason."""
    if era == "be" and year < _BE_FROM:
        return None, (f"'{text}': year {year} looks like a Common-Era year where a Buddhist-era "
                      f"year is due (e.g. {2024 + BE_OFFSET})")
    if era == "ce" and year >= _BE_FROM:
        return None, (f"'{text}': year {year} looks like a Buddhist-era year where a Common-Era "
                      f"year is due (B.E. {year} = C.E. {year - BE_OFFSET})")
    ce = year - BE_OFFSET if year >= _BE_FROM else year
    if ce < _EARLIEST_CE_YEAR:
        return None, f"'{text}': year {year} is too early to be right"
    return ce, None


def parse_year(text: str, era: str, not_after: int | None = None) -> tuple[int | None, str | None]:
    if not re.fullmatch(r"\d{4}", text):
        return None, f"'{_short(text)}' is not a 4-digit year"
    ce, reason = _era_year(int(text), era, text)
    if reason:
        return None, reason
    if not_after is not None and ce > not_after:
        return None, f"year {text} is after the data year {not_after}"
    return ce, None


def parse_date(text: str, era: str, formats: Sequence[str],
               not_after: int | None = None) -> tuple[str | None, str | None]:
    """An ISO date (C.E.) from any of ``formats``; B.E. years converted before the leap-year test."""
    for name in formats:
        match = _DATE_PATTERNS[name].fullmatch(text)
        if not match:
            continue
        if name == "excel":
            serial = float(text)
            if serial < 1:
                break
            day = _EXCEL_EPOCH + datetime.timedelta(days=int(serial))   # already C.E.
        else:
            parts = [int(p) for p in match.groups()]
            d, m, written = parts if name == "dd/mm/yyyy" else parts[::-1]
            y, reason = _era_year(written, era, text)
            if reason:
                return None, reason
            if not 1 <= m <= 12:
                return None, f"'{text}' is not a calendar date: there is no month {m}"
            # The leap-year test runs on the C.E. year: B.E. 2499 = 1956 had a 29 February.
            days = calendar.monthrange(y, m)[1]
            if d == 0:
                return None, f"'{text}' is not a calendar date: there is no day 0"
            if d > days:
                return None, (f"'{text}' is not a calendar date: {_MONTHS[m - 1]} {written} "
                              f"has {days} days")
            day = datetime.date(y, m, d)
        if not_after is not None and day.year > not_after:
            return None, f"date '{text}' is after the data year {not_after}"
        return day.isoformat(), None
    wanted = " or ".join(formats)
    return None, f"'{_short(text)}' is not a date ({wanted})"


@dataclass(frozen=True)
class Rejection:
    """Why a cell rejects its row: the cell as rejected_row shows it (IDs masked), the reason."""
    value: str
    reason: str


def check_cell(column: ColumnSpec, cell: Any, data_year: int) -> Any:
    """Every check of one cell, the rules the import applies (its fast paths give the same):
    a Rejection, or the value to stage. For an ID column the value is (id_kind, normalised ID),
    ("none", "") for a blank; for an identifying column (a name) the text as written."""
    raw = cell if cell.__class__ is str else cell_text(cell)
    if raw[:1] == "#" and raw.strip() in SPREADSHEET_ERRORS:
        return Rejection(raw, f"the cell holds the spreadsheet error {raw.strip()} instead of a value")
    if column.required and not raw.strip():
        return Rejection("", "required value is empty")
    if column.type in ID_TYPES:
        parsed, why = parse_id(raw, column.type)
        return Rejection(mask_id(raw), why) if why else parsed
    if column.identity and column.type == "text":
        return raw
    value, why = parse_value(column, cell, data_year)
    if why and column.identity:          # a birth date: the reason must not repeat it either
        why = withhold_values(why, data_year)
    return Rejection(raw, why) if why else value


def withhold_values(reason: str, data_year: int) -> str:
    """A reason without the values it quotes (the cell, its years), keeping the data year."""
    keep = {str(data_year), str(data_year + BE_OFFSET)}
    reason = re.sub(r"'[^']*'", "(withheld)", reason)
    return re.sub(r"\d{3,}", lambda m: m.group() if m.group() in keep else "…", reason)


AGE_REFERENCE = "07-01"     # ages are counted on 1 July of the data year (mid-year, as censuses do)


def age_on_reference(value: str | int | None, data_year: int) -> int | None:
    """Whole years on 1 July of ``data_year`` of a birth date (ISO text) or birth year (int; the
    month unknown, the year's difference)."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return data_year - value
    text = str(value)
    return data_year - int(text[:4]) - (text[5:10] > AGE_REFERENCE)
