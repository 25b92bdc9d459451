"""Realistic faults in the agency exports: their rates, and which rows of a file get which.

Each file applies the kinds that fit its columns (see docs/sample_data.md). A kind's count in a
file is ``round(rate * rows it can apply to)``, at least one so that small samples still exercise
every check. Faulty rows are disjoint, so re-checking a file finds exactly the counted faults.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .common import fixed_text

FAULT_RATES = {
    # the check digit of a 13-digit ID changed, as when a digit is mistyped
    "bad_check_digit": 0.003,
    # a date that is no calendar day in any year: 31/02, 30/02, 31/04, 31/06, 31/09, 31/11,
    # day 00 or 32, month 13
    "impossible_date": 0.001,
    # a year after the data year, in the right era (a slip of the year digits)
    "future_year": 0.001,
    # a Buddhist-era year where Common Era is expected or the reverse (2567 for 2024)
    "era_confusion": 0.004,
    # a code missing from the agency's own code table (NATION, DIAGCODE), e.g. a leading zero
    # lost in a spreadsheet ("99" for "099") or a letter O typed for a zero
    "unknown_code": 0.002,
    # the same row exported twice (written right after the original)
    "duplicate_row": 0.002,
    # village number or village code left empty
    "blank_village": 0.005,
    # not errors, but what the crosswalk must handle in place names written out in Thai:
    # share of rows in renamed or moved sub-districts that use the old spelling or old district
    "old_place_name": 0.5,
    # share of rows whose place names carry a prefix (ต./ตำบล/อ./อำเภอ) or stray spaces
    "place_name_variant": 0.1,
}

# Unknown codes as they appear in practice (none is in the cnation table or ICD-10).
UNKNOWN_NATION_CODES = ["000", "99", "084", "300"]
UNKNOWN_DIAG_CODES = ["Z6O1", "B2O", "F3", "ZZ99", "O8OO"]

# Day/month pairs that exist in no year.
_IMPOSSIBLE_DAY_MONTH = [(31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11), (0, 5), (32, 1),
                         (15, 13)]


def fault_count(kind: str, n_eligible: int) -> int:
    """How many of ``n_eligible`` rows get fault ``kind``."""
    if n_eligible == 0 or FAULT_RATES[kind] == 0:
        return 0
    return min(n_eligible, max(1, round(FAULT_RATES[kind] * n_eligible)))


class FaultPlan:
    """The faults of one file, chosen before it is written.

    ``take`` reserves rows for a kind, ``replace`` gives those rows' new cell values, and
    ``duplicate`` picks rows to write twice. Rows are never reused across kinds.
    """

    def __init__(self, rng: np.random.Generator, n_rows: int) -> None:
        self.rng = rng
        self.n_rows = n_rows
        self.counts = {}
        self.cells = {}                           # column -> (sorted rows, values)
        self.duplicates = np.empty(0, dtype=np.int64)
        self._free = rng.permutation(n_rows)      # rows still clean, in random order

    def take(self, kind: str, eligible: np.ndarray | None = None) -> np.ndarray:
        """Sorted rows that get fault ``kind``, drawn from the ``eligible`` ones (boolean array)."""
        free = self._free if eligible is None else self._free[eligible[self._free]]
        rows = free[:fault_count(kind, free.size)]
        self._free = self._free[~np.isin(self._free, rows)]
        self.counts[kind] = self.counts.get(kind, 0) + rows.size
        return np.sort(rows)

    def replace(self, column: str, rows: np.ndarray, values: Sequence[str] | np.ndarray) -> None:
        """Write ``values`` into ``column`` at ``rows`` instead of the clean values."""
        old_rows, old_values = self.cells.get(column, (np.empty(0, dtype=np.int64), []))
        all_rows = np.concatenate([old_rows, rows])
        all_values = list(old_values) + list(values)
        order = np.argsort(all_rows, kind="stable")
        self.cells[column] = (all_rows[order], [all_values[i] for i in order])

    def duplicate(self) -> None:
        self.duplicates = self.take("duplicate_row")


def bad_check_digits(rng: np.random.Generator, ids: np.ndarray) -> list[str]:
    """The IDs with their last digit changed to another digit."""
    ids = np.asarray(ids, dtype="U13")
    last = ids.astype("S13").view(np.uint8).reshape(-1, 13)[:, 12] - ord("0")
    wrong = (last + rng.integers(1, 10, size=last.size)) % 10
    return [i[:12] + str(d) for i, d in zip(ids.tolist(), wrong.tolist())]


def impossible_dates(rng: np.random.Generator, years: np.ndarray, style: str) -> list[str]:
    """Dates that are no calendar day, keeping the given years; ``style`` as in ``format_dates``."""
    pick = rng.integers(0, len(_IMPOSSIBLE_DAY_MONTH), size=len(years))
    day = np.array([_IMPOSSIBLE_DAY_MONTH[i][0] for i in pick])
    month = np.array([_IMPOSSIBLE_DAY_MONTH[i][1] for i in pick])
    return format_dates(years, month, day, style).tolist()


def shifted_years(years: np.ndarray, month: np.ndarray, day: np.ndarray, shift: int | np.ndarray,
                  style: str) -> list[str]:
    """Valid dates with the year moved by ``shift`` (29 February becomes the 28th)."""
    day = np.where((month == 2) & (day == 29), 28, day)
    return format_dates(np.asarray(years) + shift, month, day, style).tolist()


def format_dates(year: np.ndarray, month: np.ndarray, day: np.ndarray, style: str) -> np.ndarray:
    """Dates as text: "yyyymmdd" (health, Common Era) or "dd/mm/yyyy" (the others, any era)."""
    n = len(year)
    if style == "yyyymmdd":
        return fixed_text(n, (year, 4), (month, 2), (day, 2))
    return fixed_text(n, (day, 2), "/", (month, 2), "/", (year, 4))

