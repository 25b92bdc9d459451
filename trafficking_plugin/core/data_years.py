"""Which data year to offer: the latest one of a province database, else the year last worked
on, else the current year. Dialogs, batch rows and models start from it instead of the
parameter's lowest year (1990)."""
from __future__ import annotations

import datetime

from .database import PathLike, reading
from .errors import CoreError


def latest_data_year(path: PathLike | None) -> int | None:
    """The latest data year (Common Era) of the database's succeeded imports; None for a new
    database, or a file that is not a readable province database."""
    if not path:
        return None
    try:
        with reading(path) as conn:
            row = conn.execute("SELECT max(data_year) FROM import_run "
                               "WHERE status = 'succeeded'").fetchone()
    except CoreError:
        return None
    return int(row[0]) if row and row[0] else None


def default_data_year(latest: int | None, remembered: int | None = None,
                      today: datetime.date | None = None) -> int:
    """The data year to offer (Common Era): the database's latest; for a new database the year
    last worked on in this profile; else the current year."""
    return latest or remembered or (today or datetime.date.today()).year
