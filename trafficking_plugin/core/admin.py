"""DOPA administrative codes: normalising them, checking a province, loading units into the database."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import gpkg

ADMIN_TABLES = ("province", "district", "subdistrict", "village")
LEVEL_DIGITS = {"province": 2, "district": 4, "subdistrict": 6, "village": 8}


def normalise_code(value: object, digits: int) -> str | None:
    """A DOPA code as a string of ``digits`` digits, or None.

    Accepts integers, strings with spaces and HDX P-codes ("TH500101"); a code that loses a leading
    zero as a number is not possible here (no province code starts with 0)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"^TH|\s", "", str(value).strip(), flags=re.IGNORECASE)
    return text if re.fullmatch(rf"\d{{{digits}}}", text) else None


def nearest_codes(code: Any, valid_codes: Iterable[str], count: int = 5) -> list[str]:
    """The valid codes closest to ``code`` (numerically, then by shared leading digits)."""
    valid = sorted(set(valid_codes))
    if not valid:
        return []
    try:
        target = int(code)
    except (TypeError, ValueError):
        return valid[:count]
    return sorted(valid, key=lambda c: (abs(int(c) - target), c))[:count]


def province_not_found_message(code: Any, valid_codes: Iterable[str],
                               names: Mapping[str, str] | None = None) -> str:
    names = names or {}
    near = ", ".join(f"{c} {names.get(c, '')}".strip() for c in nearest_codes(code, valid_codes))
    return (f"Province code '{code}' is not in the boundary layer. Nearest valid codes: {near}. "
            f"Use the 2-digit DOPA code, e.g. 50 for Chiang Mai.")


def insert_units(conn: sqlite3.Connection, table: str,
                 rows: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """Add admin units (dicts of column values plus ``wkb`` and ``bbox``) whose code is new.

    Rows already in the table are kept as they are, so an upgrade never rewrites a user's edits.
    Returns (added, kept)."""
    present = {r[0] for r in conn.execute(f'SELECT code FROM "{table}"')}
    new = [r for r in rows if r["code"] not in present]
    if new:
        columns = [k for k in new[0] if k not in ("wkb", "bbox")]
        sql = (f'INSERT INTO "{table}" (geom, {", ".join(columns)}) '
               f'VALUES (?{", ?" * len(columns)})')
        conn.executemany(sql, [
            (gpkg.geometry_blob(r["wkb"], r["bbox"]), *(r[c] for c in columns)) for r in new])
    gpkg.update_extent(conn, table)
    return len(new), len(rows) - len(new)
