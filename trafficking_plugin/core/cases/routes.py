"""Case routes: lessons-learned cases as origin-to-destination flows, transit places and tables.

Reads ``case`` and ``case_event`` and never writes. A case's origin is its first recruitment
event and its destination its last exploitation event (the place it ended, where most victims are
found); transit events count the cases passing each place. A place is its village code when the
event has one, else its name and country, else its point: so "Bangkok, TH" told in twenty cases
is one place. docs/analysis.md describes every output.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled
from ..risk.risk_index import AGE_BANDS

DIMENSIONS = ("recruitment_method", "means_of_control", "exploitation_type", "age_band", "sex",
              "year")
# Multi-valued HTCDS fields (space separated): a case counts once under each of its values.
MULTI = ("recruitment_method", "means_of_control", "exploitation_type")
UNKNOWN = "unknown"


class CaseRoutesError(CoreError):
    """The analysis cannot run; the message says what to do."""


@dataclass
class CaseRoutes:
    """The database's cases as rows of the analysis's outputs (dicts by output field)."""
    cases: int
    routes: list[dict]
    transit: list[dict]
    breakdown: list[dict]
    villages: list[dict]


def analyse(database: PathLike, feedback: Feedback | None = None) -> CaseRoutes:
    """The routes, transit places, breakdown tables and villages of the database's cases.

    routes: one dict per (origin, destination) with ``cases`` (the weight) and the two points
    (``x1, y1, x2, y2``; None when a place has no point). transit: one per place with ``cases``.
    breakdown: ``dimension, value, cases, share`` (share of all cases). villages: cases per
    village the victims were recruited in (the recruitment event's village, else the linked
    person's)."""
    feedback = feedback or NullFeedback()
    with reading(database) as conn:
        cases = _cases(conn)
        feedback.setProgress(20)
        events = _events(conn, feedback)
        feedback.setProgress(60)
        homes = _person_villages(conn)
    routes, transit, villages = {}, {}, {}
    for n, (fid, case) in enumerate(cases.items()):
        if n % 1000 == 0:
            check_canceled(feedback)
        steps = events.get(fid, [])
        recruited = [e for e in steps if e["type"] == "recruitment"]
        exploited = [e for e in steps if e["type"] == "exploitation"]
        origin = recruited[0] if recruited else None
        case["year"] = _year(origin, exploited, case)
        if origin and exploited:
            _count_route(routes, origin, exploited[-1], case["year"])
        for place in {e["key"]: e for e in steps if e["type"] == "transit"}.values():
            _count_place(transit, place)
        village = (origin or {}).get("village_code") or homes.get(case["case_key"])
        if village:
            villages[village] = villages.get(village, 0) + 1
    feedback.setProgress(90)
    return CaseRoutes(
        len(cases),
        sorted(routes.values(), key=lambda r: (-r["cases"], r["origin"], r["destination"])),
        sorted(transit.values(), key=lambda p: (-p["cases"], p["key"])),
        breakdown(cases.values()), _village_rows(database, villages))


def _cases(conn):
    rows = conn.execute(
        'SELECT fid, case_key, age_trafficked, gender, recruitment_method, means_of_control, '
        'exploitation_type, incoming_referral_date FROM "case" ORDER BY fid')
    return {r[0]: {"case_key": r[1], "age": r[2], "sex": r[3] or UNKNOWN,
                   "recruitment_method": r[4], "means_of_control": r[5],
                   "exploitation_type": r[6], "referral_date": r[7]} for r in rows}


def _events(conn, feedback):
    """case fid -> its events in route order, each with a place key, name and point."""
    # A point is the event's own, else its village's (ST_MinX of a point is the point).
    rows = conn.execute(
        "SELECT e.case_id, lower(e.event_type), e.event_date, e.village_code, e.place_name, "
        "e.country, coalesce(ST_MinX(e.geom), ST_MinX(v.geom)), "
        "coalesce(ST_MinY(e.geom), ST_MinY(v.geom)), v.name_th FROM case_event e "
        "LEFT JOIN village v ON v.code = e.village_code "
        "ORDER BY e.case_id, e.sequence IS NULL, e.sequence, e.event_date, e.fid")
    events = {}
    for n, (case, kind, date, village, name, country, x, y, village_name) in enumerate(rows):
        if n % 5000 == 0:
            check_canceled(feedback)
        name = name or village_name or village
        if village:
            key = village
        elif name:
            key = f"{name} ({country})" if country else name
        elif x is not None:
            key = f"{x:.4f} {y:.4f}"
        else:
            key = UNKNOWN
        events.setdefault(case, []).append({
            "type": kind, "date": date, "village_code": village, "key": key,
            "name": name or key, "country": country or "", "x": x, "y": y})
    return events


def _person_villages(conn):
    """person_key -> village of the latest data year it lives in (for cases without a village)."""
    return dict(conn.execute(
        "SELECT person_key, village_code FROM person WHERE village_code IS NOT NULL "
        "AND person_key IN (SELECT case_key FROM \"case\") ORDER BY data_year"))


def _year(origin, exploited, case):
    for date in ((origin or {}).get("date"), exploited[0]["date"] if exploited else None,
                 case["referral_date"]):
        if date and str(date)[:4].isdigit():
            return str(date)[:4]
    return UNKNOWN


def _count_route(routes, origin, destination, year):
    pair = (origin["key"], destination["key"])
    route = routes.get(pair)
    if route is None:
        route = routes[pair] = {
            "origin": origin["key"], "origin_name": origin["name"],
            "origin_country": origin["country"], "destination": destination["key"],
            "destination_name": destination["name"], "destination_country": destination["country"],
            "abroad": int(bool(destination["country"]) and destination["country"] != "TH"),
            "cases": 0, "first_year": year, "last_year": year,
            "x1": origin["x"], "y1": origin["y"], "x2": destination["x"], "y2": destination["y"]}
    route["cases"] += 1
    if year != UNKNOWN:
        known = [y for y in (route["first_year"], route["last_year"]) if y != UNKNOWN]
        route["first_year"], route["last_year"] = min(known + [year]), max(known + [year])


def _count_place(places, event):
    place = places.get(event["key"])
    if place is None:
        place = places[event["key"]] = {"key": event["key"], "name": event["name"],
                                        "country": event["country"],
                                        "village_code": event["village_code"],
                                        "cases": 0, "x": event["x"], "y": event["y"]}
    place["cases"] += 1


def age_band(age: int | str | None) -> str:
    if age is None or age == "":
        return UNKNOWN
    return next((name for name, lo, hi in AGE_BANDS if lo <= int(age) <= hi), UNKNOWN)


def breakdown(cases: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows ``{dimension, value, cases, share}``: cases by each of DIMENSIONS (``year`` must be
    set on each case). Multi-valued fields count a case under each value, so their shares may
    add up to more than 1."""
    cases = list(cases)
    counts = {d: {} for d in DIMENSIONS}
    for case in cases:
        for dimension in DIMENSIONS:
            if dimension in MULTI:
                values = sorted(set((case[dimension] or "").split())) or [UNKNOWN]
            elif dimension == "age_band":
                values = [age_band(case["age"])]
            else:
                values = [case[dimension] or UNKNOWN]
            for value in values:
                counts[dimension][value] = counts[dimension].get(value, 0) + 1
    rows = []
    for dimension in DIMENSIONS:
        order = ([name for name, _, _ in AGE_BANDS] + [UNKNOWN]) if dimension == "age_band" else None
        items = counts[dimension].items()
        items = (sorted(items, key=lambda kv: order.index(kv[0])) if order else
                 sorted(items) if dimension == "year" else sorted(items, key=lambda kv: (-kv[1], kv[0])))
        for value, n in items:
            rows.append({"dimension": dimension, "value": value, "cases": n,
                         "share": n / len(cases) if cases else 0.0})
    return rows


def _village_rows(database, counts):
    """Cases per village with the village's names, codes and point."""
    if not counts:
        return []
    with reading(database) as conn:
        known = {r[0]: r[1:] for r in conn.execute(
            "SELECT v.code, v.name_th, v.subdistrict_code, s.name_th, substr(v.code, 1, 4), "
            "d.name_th, ST_MinX(v.geom), ST_MinY(v.geom) FROM village v "
            "LEFT JOIN subdistrict s ON s.code = v.subdistrict_code "
            "LEFT JOIN district d ON d.code = substr(v.code, 1, 4)")}
    rows = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        name, sub, sub_name, dist, dist_name, x, y = known.get(
            code, (None, code[:6], None, code[:4], None, None, None))
        rows.append({"village_code": code, "name_th": name, "subdistrict_code": sub,
                     "subdistrict_name": sub_name, "district_code": dist,
                     "district_name": dist_name, "cases": n, "x": x, "y": y})
    return rows
