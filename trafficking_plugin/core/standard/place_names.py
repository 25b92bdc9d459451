"""Thai place names typed by clerks -> DOPA sub-district codes of the database's own units.

Names are compared without prefixes (ต./ตำบล/อ./อำเภอ/...) and spaces. A (tambon, district) pair
matches the sub-district of that name in that district; when the district is an old or other
one (a tambon moved to a new district, Galyani Vadhana's from Mae Chaem), a tambon name unique
in the province is accepted. Spelling variants come from ``crosswalk`` rows (field
``subdistrict_name``, match exact, standard code a sub-district code), which win over names.
"""
from __future__ import annotations

import re
import sqlite3

from .code_tables import code_table

TAMBON_FIELD = "subdistrict_name"
_PREFIX = re.compile(r"^(ตำบล|ต\.|แขวง|อำเภอ|อ\.|กิ่งอำเภอ|กิ่ง\s*อ\.|เขต)")
_SPACE = re.compile(r"\s+")


def normalise_name(name: str | None) -> str:
    """A place name as compared: no spaces, no administrative prefix."""
    text = _SPACE.sub("", name or "")
    return _PREFIX.sub("", text)


class PlaceNames:
    """Resolves (tambon name, district name) pairs against one database's sub-districts."""

    def __init__(self, conn: sqlite3.Connection, source: str) -> None:
        self.by_name = {}                       # tambon name -> [(code, district name)]
        self.codes = set()
        for code, name, district in conn.execute(
                "SELECT s.code, s.name_th, d.name_th FROM subdistrict s "
                "LEFT JOIN district d ON d.code = s.district_code"):
            self.codes.add(code)
            self.by_name.setdefault(normalise_name(name), []).append((code, normalise_name(district)))
        self.variants = code_table(conn, source, TAMBON_FIELD)

    def resolve(self, tambon: str | None, district: str | None) -> str | None:
        """The sub-district code, or None when the names match no unit of this database."""
        tambon, district = normalise_name(tambon), normalise_name(district)
        if not tambon:
            return None
        variant = self.variants.lookup(tambon)
        if variant in self.codes:
            return variant
        candidates = self.by_name.get(tambon, [])
        in_district = [code for code, name in candidates if name == district]
        if len(in_district) == 1:
            return in_district[0]
        if len(candidates) == 1:
            return candidates[0][0]
        return None
