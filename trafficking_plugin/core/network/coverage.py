"""Network coverage: high-risk sub-districts that no responder covers or that lie too far away.

A responder is an ``organization`` or a ``network_member``. It covers the codes in its ``areas``:
a sub-district code covers that sub-district, a district code its sub-districts (and a province
code the whole province). Distance is straight-line (great circle) from the sub-district's
centroid to the nearest responder's point: roads in the hills are longer, so the limit is a
screen, not a travel time. Reads only; docs/analysis.md describes the output.
"""
import math
import struct

from ..database import open_province
from ..feedback import NullFeedback, check_canceled
from ..thai_calendar import ce_year, year_with_be

EARTH_RADIUS_KM = 6371.0088
NOT_COVERED, TOO_FAR = "not_covered", "too_far"


class CoverageError(Exception):
    """The analysis cannot run as asked; the message says what to do."""


def gaps(database, data_year, max_km=30.0, classes=("high",), feedback=None):
    """Sub-districts of ``classes`` in risk_subdistrict of ``data_year`` (B.E. or C.E.) that no
    responder covers or whose nearest responder is farther than ``max_km``; a list of dicts with
    ``gap`` (not_covered, too_far or both, space separated), ``why``, ``covered_by``,
    ``nearest_km``, ``nearest_name``, ``nearest_type`` and ``wkb`` (the polygon), by code."""
    feedback = feedback or NullFeedback()
    year = ce_year(data_year)
    if not max_km > 0:
        raise CoverageError(f"the travel distance must be positive, got {max_km}")
    conn = open_province(database, CoverageError)
    try:
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
            raise CoverageError(f"{database} has no risk scores for data year "
                                f"{year_with_be(year)}: run trafficking:scoreriskindex first")
        responders = _responders(conn)
    finally:
        conn.close()
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


def distance_km(a, b):
    """Great-circle distance between two (lon, lat) points in kilometres (haversine)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def wkb_of(blob):
    """The WKB inside a GeoPackage geometry blob (None for empty or missing)."""
    if blob is None or bytes(blob[:2]) != b"GP" or blob[3] & 0b1_0000:
        return None
    return bytes(blob[8 + _ENVELOPE_BYTES[(blob[3] >> 1) & 0b111]:])


def centroid(wkb):
    """Area-weighted centroid (lon, lat) of a WKB Polygon or MultiPolygon, holes subtracted.

    Planar in degrees: for a sub-district of a few kilometres the error is metres."""
    total_a = total_x = total_y = 0.0
    for ring, sign in _rings(wkb):
        a = x = y = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a += cross
            x += (x0 + x1) * cross
            y += (y0 + y1) * cross
        # Orientation-free: outer rings add, holes subtract their absolute area.
        weight = sign * abs(a) / 2
        if a:
            total_a += weight
            total_x += weight * x / (3 * a)
            total_y += weight * y / (3 * a)
    if not total_a:
        return None
    return total_x / total_a, total_y / total_a


def _rings(wkb):
    """(points, +1 for an outer ring or -1 for a hole) of a WKB Polygon or MultiPolygon."""
    def header(at):
        order = "<" if wkb[at] == 1 else ">"
        return order, struct.unpack_from(order + "I", wkb, at + 1)[0] % 1000, at + 5

    def polygon(at):
        order, _, at = header(at)
        (count,) = struct.unpack_from(order + "I", wkb, at)
        at += 4
        rings = []
        for i in range(count):
            (points,) = struct.unpack_from(order + "I", wkb, at)
            values = struct.unpack_from(order + f"{2 * points}d", wkb, at + 4)
            rings.append((list(zip(values[::2], values[1::2])), 1 if i == 0 else -1))
            at += 4 + 16 * points
        return rings, at

    order, kind, at = header(0)
    if kind == 3:
        return polygon(0)[0]
    if kind != 6:
        return []
    (count,) = struct.unpack_from(order + "I", wkb, at)
    at += 4
    rings = []
    for _ in range(count):
        found, at = polygon(at)
        rings += found
    return rings
