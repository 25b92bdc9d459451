"""Buddhist era (B.E.) and Common Era (C.E.) years: Thai files and people use both.

Data and core functions use the Common Era. A year a user types is converted once, at the edge
(``data_year``); the other functions here only show a C.E. year the way people read it.
"""
from __future__ import annotations

import datetime

from .errors import CoreError

BE_OFFSET = 543          # B.E. 2567 = C.E. 2024
FIRST_DATA_YEAR = 1990   # no agency file of the programme is older
_FIRST_BE_YEAR = 2400    # any year from here on is taken as B.E. (C.E. 1857 is not a data year)


class DataYearError(CoreError):
    """A year no data can have."""


def ce_year(year: int) -> int:
    """The Common-Era year for a year given in either era, e.g. 2567 -> 2024, 2024 -> 2024.
    For years read from files; a year a user types goes through ``data_year``."""
    year = int(year)
    return year - BE_OFFSET if year >= _FIRST_BE_YEAR else year


def data_year(year: int, today: datetime.date | None = None) -> int:
    """A data year as users type it, Common Era (2024) or Buddhist era (2567), as a C.E. year.

    Only 1990 to next year (B.E. 2533 to next year + 543) are data years: anything else is a
    typing slip (2600, 2100) and raises DataYearError saying which years are accepted."""
    last = (today or datetime.date.today()).year + 1
    value = int(year)
    if FIRST_DATA_YEAR <= value <= last:
        return value
    if FIRST_DATA_YEAR + BE_OFFSET <= value <= last + BE_OFFSET:
        return value - BE_OFFSET
    raise DataYearError("{} is not a data year: give a year from {} to {} (Common Era) or {} to {} "
                        "(Buddhist era)", value, FIRST_DATA_YEAR, last, FIRST_DATA_YEAR + BE_OFFSET,
                        last + BE_OFFSET)


def shown_year(year: int, buddhist_era: bool = True) -> int:
    """A C.E. year as people read it: 2024 -> 2567 in the Buddhist era, 2024 otherwise.
    Data stay in C.E.; this is for titles, tables and sentences only."""
    return int(year) + BE_OFFSET if buddhist_era else int(year)


class YearText(str):
    """'2024 (B.E. 2567)', which knows its year: a message's value the QGIS side shows as the
    Buddhist-era option says ('พ.ศ. 2567', 'ค.ศ. 2024'; i18n/translation.shown_value)."""
    year: int


def year_with_be(year: int) -> YearText:
    """'2024 (B.E. 2567)': a C.E. year with its Buddhist-era twin, for messages and notes."""
    shown = YearText(f"{int(year)} (B.E. {int(year) + BE_OFFSET})")
    shown.year = int(year)
    return shown


def year_th(year: int, buddhist_era: bool = True) -> str:
    """'พ.ศ. 2567' or 'ค.ศ. 2024'."""
    return f"{'พ.ศ.' if buddhist_era else 'ค.ศ.'} {shown_year(year, buddhist_era)}"


def year_en(year: int, buddhist_era: bool = True) -> str:
    """'B.E. 2567' or '2024' (English text states C.E. years bare)."""
    return f"B.E. {shown_year(year, True)}" if buddhist_era else str(int(year))


def shown_date(year: int, month: int, day: int, buddhist_era: bool = True) -> str:
    """A C.E. date as people read it: '23/07/2567' (the Thai way) or '2024-07-23' (ISO)."""
    if buddhist_era:
        return f"{day:02d}/{month:02d}/{shown_year(year)}"
    return f"{year:04d}-{month:02d}-{day:02d}"
