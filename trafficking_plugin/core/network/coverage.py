"""Network coverage: high-risk sub-districts that no responder covers or that lie too far away.

A responder is an ``organization`` or a ``network_member``. It covers the codes in its ``areas``:
a sub-district code covers that sub-district, a district code its sub-districts (and a province
code the whole province). Distance is straight-line (great circle) from the sub-district's
centroid to the nearest responder's point: roads in the hills are longer, so the limit is a
screen, not a travel time. Reads only; docs/analysis.md describes the output.
"""
from __future__ import annotations

import math

from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled
from ..thai_calendar import year_with_be
from ..wkb import centroid, wkb_of

EARTH_RADIUS_KM = 6371.0088
NOT_COVERED, TOO_FAR = "not_covered", "too_far"


class CoverageError(CoreError):
    """The analysis cannot run as asked; the message says what to do."""


def gaps(database: PathLike, data_year: int, max_km: float = 30.0,
         classes: tuple[str, ...] = ("high",), feedback: Feedback | None = None) -> list[dict]:
    """Sub-districts of ``classes`` in risk_subdistrict of ``data_year`` (Common Era) that no
    responder covers or whose nearest responder is farther than ``max_km``; a list of dicts with
    ``gap`` (not_covered, too_far or both, space separated), ``why``, ``covered_by``,
    ``nearest_km``, ``nearest_name``, ``nearest_type`` and ``wkb`` (the polygon), by code."""
    feedback = feedback or NullFeedback()
    year = data_year
    if not max_km > 0:
        raise CoverageError("the travel distance must be positive, got {}", max_km)
    with reading(database) as conn:
        places = conn.execute(
            "SELECT r.code, coalesce(s.name_th, r.name_th), coalesce(s.district_code, "
            "substr(r.code, 1, 4)), d.name_th, r.risk_class, r.persons_high, r.share_high, "
            "coalesce(s.geom, r.geom) FROM risk_subdistrict r "
            "LEFT JOIN subdistrict s ON s.code = r.code "
            "LEFT JOIN district d ON d.code = coalesce(s.district_code, substr(r.code, 1, 4)) "
            f"WHERE r.data_year = ? AND r.risk_class IN ({', '.join('?' * len(classes))}) "
            "ORDER BY r.code", (year, *classes)).fetchall()
        if not places and not conn.execute("SELECT 1 FROM risk_subdistrict WHERE data_year = ? "
                                           "LIMIT 1", (year,)).fetchone():
            raise CoverageError("{} has no risk scores for data year {}: run "
                                "trafficking:scoreriskindex first", database, year_with_be(year))
        responders = _responders(conn)
    feedback.setProgress(20)
    located = [r for r in responders if r["x"] is not None]
    found = []
    for n, (code, name, district, district_name, risk_class, high, share, blob) in enumerate(places):
        if n % 50 == 0:
            check_canceled(feedback)
            feedback.setProgress(20 + 80 * n / max(1, len(places)))
        covered_by = sum(any(code.startswith(a) for a in r["areas"]) for r in responders)
        wkb = wkb_of(blob)
        centre = centroid(wkb) if wkb else None
        nearest, km = None, None
        if centre and located:
            km, nearest = min((distance_km(centre, (r["x"], r["y"])), i)
                              for i, r in enumerate(located))
            nearest = located[nearest]
        why = []
        if not covered_by:
            why.append(NOT_COVERED)
        if km is None or km > max_km:
            why.append(TOO_FAR)
        if not why:
            continue
        found.append({
            "code": code, "name_th": name, "district_code": district,
            "district_name": district_name, "risk_class": risk_class, "persons_high": high,
            "share_high": share, "gap": " ".join(why), "why": _words(why, km, max_km, nearest),
            "covered_by": covered_by, "nearest_km": None if km is None else round(km, 2),
            "nearest_name": nearest and nearest["name"], "nearest_type": nearest and nearest["type"],
            "nearest_table": nearest and nearest["table"], "wkb": wkb})
    feedback.setProgress(100)
    return found


def _responders(conn):
    """Organisations and members: name, type, areas (codes of 2, 4 or 6 digits), point."""
    rows = conn.execute(
        "SELECT 'organization', name, type, areas, ST_MinX(geom), ST_MinY(geom) FROM organization "
        "UNION ALL SELECT 'network_member', m.name || coalesce(' (' || o.name || ')', ''), "
        "coalesce(o.type, 'network_member'), m.areas, ST_MinX(m.geom), ST_MinY(m.geom) "
        "FROM network_member m LEFT JOIN organization o ON o.fid = m.organization_id")
    return [{"table": table, "name": name, "type": kind,
             "areas": [a for a in (areas or "").replace(",", " ").split()
                       if a.isdigit() and len(a) in (2, 4, 6)], "x": x, "y": y}
            for table, name, kind, areas, x, y in rows]


def _words(why, km, max_km, nearest):
    words = []
    if NOT_COVERED in why:
        words.append("no organisation or member lists this sub-district or its district in its areas")
    if TOO_FAR in why:
        words.append("no responder has a location" if km is None else
                     f"nearest responder {km:.1f} km away in a straight line (limit {max_km:g} km)"
                     f": {nearest['name']}")
    return "; ".join(words)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lon, lat) points in kilometres (haversine)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


