"""Code tables: agency codes to standard values, kept in the GeoPackage's ``crosswalk`` table.

The specs ship default code tables; ``load_defaults`` adds the rows a database lacks and never
touches a row already there, so a specialist's additions and edits in QGIS's attribute table
survive. The crosswalk reads the table, not the specs: the table is the truth.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from ..ingest.spec import load_spec, shipped_sources

_SPACE_OR_DOT = re.compile(r"[\s.]+")
_LETTER = re.compile(r"[^\W\d_]")


def normalise(code: object) -> str:
    """A code as compared: no spaces or dots, upper case (``J06.9`` = ``J069``, ``ป. 1`` = ``ป.1``)."""
    return _SPACE_OR_DOT.sub("", str(code)).upper() if code is not None else ""


def load_defaults(conn: sqlite3.Connection, sources: Iterable[str] | None = None) -> int:
    """Add the shipped specs' code-table rows missing from ``crosswalk``; returns how many.

    A row is missing when no row has its source, field, match and agency code: a row a user
    edited (another standard code, say) keeps the user's version."""
    present = {(s, f, m, normalise(a)) for s, f, m, a in conn.execute(
        "SELECT source, field, coalesce(match, 'exact'), agency_code FROM crosswalk")}
    added = []
    for source in sources or shipped_sources():
        spec = load_spec(source)
        for rule in spec.codes:
            key = (spec.source, rule.field, rule.match, normalise(rule.agency_code))
            if key not in present:
                present.add(key)
                added.append((spec.source, rule.field, rule.match, rule.agency_code,
                              rule.standard_field, rule.standard_code,
                              rule.note or f"default of the {spec.source} spec"))
    conn.executemany("INSERT INTO crosswalk (source, field, match, agency_code, standard_field,"
                     " standard_code, note) VALUES (?, ?, ?, ?, ?, ?, ?)", added)
    return len(added)


class CodeTable:
    """The crosswalk rows of one source and field, ready to map codes."""

    def __init__(self, rows: Iterable[tuple[str | None, str, str]]) -> None:
        # rows: (match, agency_code, standard_code) in fid order
        self.exact, self.rules = {}, []
        for match, agency_code, standard_code in rows:
            match = (match or "exact").strip().lower()
            if match == "exact":
                self.exact.setdefault(normalise(agency_code), standard_code)
            elif match == "range" and "-" in agency_code:
                low, high = (normalise(p) for p in agency_code.split("-", 1))
                self.rules.append((_common_length(low, high), len(self.rules), "range", low, high,
                                   standard_code))
            elif match == "prefix":
                prefix = normalise(agency_code)
                self.rules.append((len(prefix), len(self.rules), "prefix", prefix, None,
                                   standard_code))
        # The most specific rule wins: the longest prefix, the range whose ends share most.
        self.rules.sort(key=lambda r: (-r[0], r[1]))

    def lookup(self, code: object) -> str | None:
        """The standard value of an agency code, or None when no row maps it."""
        code = normalise(code)
        if not code:
            return None
        if code in self.exact:
            return self.exact[code]
        for _, _, match, low, high, standard_code in self.rules:
            if match == "prefix" and code.startswith(low):
                return standard_code
            if match == "range" and _in_range(code, low, high):
                return standard_code
        return None


def code_table(conn: sqlite3.Connection, source: str, field: str) -> CodeTable:
    return CodeTable(conn.execute(
        "SELECT match, agency_code, standard_code FROM crosswalk WHERE source = ? AND field = ? "
        "AND agency_code IS NOT NULL AND standard_code IS NOT NULL ORDER BY fid", (source, field)))


def _common_length(low, high):
    n = 0
    while n < min(len(low), len(high)) and low[n] == high[n]:
        n += 1
    return n


def _in_range(code, low, high):
    """``code`` lies between ``low`` and ``high`` compared on their length (B201 is in B20-B24),
    and has their shape, letter for letter and digit for digit, so B2O or F3 is no ICD-10 code."""
    width = max(len(low), len(high))
    if len(code) < width or not _same_shape(code[:width], low if len(low) == width else high):
        return False
    return low <= code[:len(low)] and code[:len(high)] <= high


def _same_shape(a, b):
    return all(x.isdigit() == y.isdigit() and bool(_LETTER.match(x)) == bool(_LETTER.match(y))
               for x, y in zip(a, b))
