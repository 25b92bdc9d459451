"""Programme monitoring: are the prevention activities where the risk is?

Reads ``activity`` and the risk classes of one scored data year (``risk_village``,
``risk_subdistrict``; trafficking:scoreriskindex) and never writes to the database. A village is
in a **high-risk area** when the village or its sub-district is classed high in the data year.
The same (this year's) classes are used for the previous year's activities too: the question is
whether the programme moved to where the risk is now (docs/monitoring.md says why).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, text
from ..thai_calendar import year_with_be
from ..wkb import wkb_of


class MonitoringError(CoreError):
    """Monitoring cannot run as asked; the message says what to do."""


@dataclass
class Monitoring:
    """The monitoring figures of a data year against the year before."""
    data_year: int
    previous_year: int
    activities: dict[int, int]               # year -> activities
    in_high_areas: dict[int, int]            # year -> activities in high-risk areas
    share_high: dict[int, float | None]      # year -> their share (None: no activities)
    share_change: float | None               # percentage points from the year before
    high_area_villages: int                  # villages in a high-risk area
    high_villages: list[dict]                # villages classed high
    unreached: list[dict]                    # of those, with no activity this year
    activities_by_village: dict[str, int]    # village code -> activities this year
    districts: list[dict]                    # per district, with its polygon (wkb)


def monitor(database: PathLike, data_year: int, feedback: Feedback | None = None) -> Monitoring:
    """The monitoring figures of ``data_year`` (Common Era) against the year before. Per
    district: activities of both years, their change, the share of the province's activities,
    high-risk villages, unreached ones and the polygon."""
    feedback = feedback or NullFeedback()
    year = data_year
    previous = year - 1
    with reading(database) as conn:
        _check(conn, year, database)
        high_areas = _high_area_villages(conn, year)
        counts = {y: dict(conn.execute(
            "SELECT village_code, count(*) FROM activity WHERE data_year = ? AND village_code "
            "IS NOT NULL GROUP BY village_code", (y,)).fetchall()) for y in (previous, year)}
        feedback.setProgress(30)
        check_canceled(feedback)
        activities = {y: sum(c.values()) for y, c in counts.items()}
        in_high = {y: sum(n for v, n in c.items() if v in high_areas) for y, c in counts.items()}
        share = {y: (in_high[y] / activities[y] if activities[y] else None) for y in counts}
        change = (100 * (share[year] - share[previous])
                  if share[year] is not None and share[previous] is not None else None)
        high_villages = _high_villages(conn, year)
        unreached = [v for v in high_villages if v["code"] not in counts[year]]
        feedback.setProgress(60)
        check_canceled(feedback)
        districts = _districts(conn, year, previous, counts, high_villages, unreached, activities)
        feedback.setProgress(100)
        return Monitoring(year, previous, activities, in_high, share, change, len(high_areas),
                          high_villages, unreached, counts[year], districts)


def _check(conn, year, database):
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "activity" not in tables or "data_year" not in {
            r[1] for r in conn.execute('PRAGMA table_info("activity")')}:
        raise MonitoringError("{} has no activity table of this plugin's version: upgrade it "
                              "with trafficking:createdatabase, then import activities with "
                              "trafficking:importactivities", database)
    scored = "risk_village" in tables and conn.execute(
        "SELECT 1 FROM risk_village WHERE data_year = ? AND persons_scored > 0 LIMIT 1",
        (year,)).fetchone()
    if not scored:
        raise MonitoringError("{} has no risk scores for data year {}: run "
                              "trafficking:scoreriskindex first", database, year_with_be(year))


def _high_area_villages(conn, year):
    """Codes of the villages in a high-risk area: the village or its sub-district is high."""
    return {code for (code,) in conn.execute(
        "SELECT v.code FROM village v WHERE EXISTS (SELECT 1 FROM risk_village r WHERE r.code = "
        "v.code AND r.data_year = ? AND r.risk_class = 'high') OR EXISTS (SELECT 1 FROM "
        "risk_subdistrict s WHERE s.code = v.subdistrict_code AND s.data_year = ? AND "
        "s.risk_class = 'high')", (year, year))}


def _high_villages(conn, year):
    rows = conn.execute(
        "SELECT r.code, coalesce(v.name_th, r.name_th), v.moo, substr(r.code, 1, 6), s.name_th, "
        "substr(r.code, 1, 4), d.name_th, r.persons_scored, r.persons_high, r.share_high, "
        "ST_MinX(coalesce(r.geom, v.geom)), ST_MinY(coalesce(r.geom, v.geom)) "
        "FROM risk_village r LEFT JOIN village v ON v.code = r.code "
        "LEFT JOIN subdistrict s ON s.code = substr(r.code, 1, 6) "
        "LEFT JOIN district d ON d.code = substr(r.code, 1, 4) "
        "WHERE r.data_year = ? AND r.risk_class = 'high' "
        "ORDER BY r.persons_high DESC, r.share_high DESC, r.code", (year,)).fetchall()
    keys = ("code", "name_th", "moo", "subdistrict_code", "subdistrict_name", "district_code",
            "district_name", "persons_scored", "persons_high", "share_high", "x", "y")
    return [dict(zip(keys, row)) for row in rows]


def _districts(conn, year, previous, counts, high_villages, unreached, activities):
    by_district = {y: {} for y in counts}
    for y, villages in counts.items():
        for village, n in villages.items():
            by_district[y][village[:4]] = by_district[y].get(village[:4], 0) + n
    high_count, unreached_count = {}, {}
    for v in high_villages:
        high_count[v["district_code"]] = high_count.get(v["district_code"], 0) + 1
    for v in unreached:
        unreached_count[v["district_code"]] = unreached_count.get(v["district_code"], 0) + 1
    risk = dict(conn.execute("SELECT code, risk_class FROM risk_district WHERE data_year = ?",
                             (year,)).fetchall())
    rows = []
    for code, name, blob in conn.execute("SELECT code, name_th, geom FROM district ORDER BY code"):
        this, before = by_district[year].get(code, 0), by_district[previous].get(code, 0)
        share = this / activities[year] if activities[year] else None
        share_before = before / activities[previous] if activities[previous] else None
        rows.append({
            "code": code, "name_th": name, "risk_class": risk.get(code),
            "activities": this, "activities_previous": before, "change": this - before,
            "share": share, "share_previous": share_before,
            "share_change": (100 * (share - share_before)
                             if share is not None and share_before is not None else None),
            "high_villages": high_count.get(code, 0),
            "unreached_villages": unreached_count.get(code, 0),
            "wkb": wkb_of(blob) if blob else None})
    return rows


def summary_lines(found: Monitoring) -> list[str]:
    """The figures in words, for the log."""
    year, before = found.data_year, found.previous_year
    share, change = found.share_high, found.share_change
    shown, shown_before = year_with_be(year), year_with_be(before)

    def pct(value):
        return "—" if value is None else f"{100 * value:.1f} %"
    lines = [text("Activities {}: {}, of them {} in high-risk areas ({}); {}: {}, {} in high-risk "
                  "areas ({}).", shown, found.activities[year], found.in_high_areas[year],
                  pct(share[year]), shown_before, found.activities[before],
                  found.in_high_areas[before], pct(share[before]))]
    if change is not None:
        lines.append(text("Share of activities in high-risk areas changed by {:+.1f} percentage "
                          "points from {} to {}.", change, shown_before, shown))
    else:
        lines.append(text("No change of the share can be given: a year without activities ({} or "
                          "{}).", shown_before, shown))
    unreached = found.unreached
    listed = ", ".join(f"{v['code']} {v['name_th'] or ''}".strip() for v in unreached[:10]) \
        + (" …" if len(unreached) > 10 else "")
    lines.append(text("{} of {} high-risk villages had no activity in {}: {}", len(unreached),
                      len(found.high_villages), shown, listed) if unreached else
                 text("{} of {} high-risk villages had no activity in {}.", 0,
                      len(found.high_villages), shown))
    if not found.activities[year] and not found.activities[before]:
        lines.append(text("No activities are recorded for these years: import them with "
                          "trafficking:importactivities."))
    return lines
