"""The figures of the risk reports (trafficking:riskreport, docs/reports.md): one report for the
province and one per district, read from the scored tables of a data year. No QGIS here.

Every figure is an aggregate of risk_subdistrict, risk_district, risk_breakdown or risk_person:
no person_key or any other person-level value leaves this module.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import thai_calendar
from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled

CLASS_TH = {"high": "สูง", "medium": "ปานกลาง", "low": "ต่ำ", None: "ไม่ได้ประเมิน"}
CLASS_EN = {"high": "high", "medium": "medium", "low": "low", None: "not scored"}
CHANGE_TH = {"worse": "แย่ลง", "better": "ดีขึ้น", "same": "เท่าเดิม", "new": "ใหม่"}
AGE_BANDS = ("0-5", "6-14", "15-17", "18-24", "25-59", "60+", "unknown")
SEXES = ("female", "male", "unknown")
SEX_TH = {"female": "หญิง", "male": "ชาย", "unknown": "ไม่ระบุ"}
TOP_INDICATORS = 8   # indicator rows shown per report


class ReportError(CoreError):
    """The reports cannot be made; the message says why."""


@dataclass
class AreaRow:
    """A sub-district (or, in the province report, a district) of a report's table."""
    code: str
    name_th: str
    persons_scored: int
    persons_high: int
    share_high: float | None
    mean_index: float | None
    risk_class: str | None
    drivers: list = field(default_factory=list)   # [(code, name_th, name_en)]
    name_en: str = ""


@dataclass
class Trend:
    """An area against the latest earlier scored year."""
    code: str
    name_th: str
    risk_class: str | None
    previous_class: str | None
    share_high: float | None
    previous_share_high: float | None
    persons_high: int
    previous_persons_high: int | None

    @property
    def change(self) -> str:
        """worse, better, same or new (no earlier class)."""
        order = {"low": 0, "medium": 1, "high": 2}
        if self.previous_class not in order or self.risk_class not in order:
            return "new"
        diff = order[self.risk_class] - order[self.previous_class]
        return "worse" if diff > 0 else "better" if diff < 0 else "same"

    @property
    def share_change_points(self) -> float | None:
        if self.share_high is None or self.previous_share_high is None:
            return None
        return 100 * (self.share_high - self.previous_share_high)


@dataclass
class Report:
    """One report: the province (level 'province') or a district."""
    level: str
    code: str
    name_th: str
    name_en: str
    year: int
    persons: int
    persons_scored: int
    persons_high: int
    share_high: float | None
    mean_index: float | None
    risk_class: str | None
    rows: list              # AreaRow: sub-districts of a district, districts of the province
    age_sex: dict           # (age_band, sex) -> (persons_scored, persons_high)
    home_towns: list        # (code, name, persons_scored, persons_high)
    indicators: list        # (code, name_th, name_en, share_at_3, share_at_3_of_high, is_driver)
    previous_year: int | None
    trend: list             # Trend: the area itself first, then its rows
    subdistrict_rows: list = field(default_factory=list)   # the province report: all sub-districts
    buddhist_era: bool = True   # how years are shown (thai_calendar.shown_year); data stay C.E.

    def year_th(self, year: int | None = None) -> str:
        """'พ.ศ. 2567' or 'ค.ศ. 2024' for the report's year (or another)."""
        return thai_calendar.year_th(self.year if year is None else year, self.buddhist_era)

    def year_en(self, year: int | None = None) -> str:
        """'B.E. 2567' or '2024'."""
        return thai_calendar.year_en(self.year if year is None else year, self.buddhist_era)

    @property
    def row_unit_th(self) -> str:
        return "อำเภอ" if self.level == "province" else "ตำบล"

    @property
    def row_unit_en(self) -> str:
        return "Districts" if self.level == "province" else "Sub-districts"

    @property
    def title_th(self) -> str:
        return f"จังหวัด{self.name_th}" if self.level == "province" else f"อำเภอ{self.name_th}"

    @property
    def title_en(self) -> str:
        return (f"{self.name_en} province" if self.level == "province"
                else f"{self.name_en} district")


def load_reports(database: PathLike, data_year: int, feedback: Feedback | None = None,
                 buddhist_era: bool = True) -> list[Report]:
    """[province report, district reports in code order] for ``data_year`` (C.E.); years are
    shown in the Buddhist era unless ``buddhist_era`` is False."""
    feedback = feedback or NullFeedback()
    with reading(database) as conn:
        try:
            reports = _Loader(conn, data_year, feedback).reports()
        except sqlite3.OperationalError as error:
            raise ReportError("{} has no scored risk tables ({}): run trafficking:scoreriskindex "
                              "first", database, error) from None
    for report in reports:
        report.buddhist_era = buddhist_era
    return reports


class _Loader:
    def __init__(self, conn, year, feedback):
        self.conn, self.year, self.feedback = conn, year, feedback
        self.indicator_names = {c: (th or c, en or c) for c, th, en in conn.execute(
            "SELECT code, name_th, name_en FROM indicator ORDER BY code")}
        if not conn.execute("SELECT count(*) FROM risk_district WHERE data_year = ? AND "
                            "persons_scored > 0", (year,)).fetchone()[0]:
            raise ReportError("data year {} is not scored in this database: run "
                              "trafficking:scoreriskindex first", thai_calendar.year_with_be(year))
        self.previous = conn.execute("SELECT max(data_year) FROM risk_district WHERE data_year < ? "
                                     "AND persons_scored > 0", (year,)).fetchone()[0]

    def reports(self):
        province = self.conn.execute("SELECT code, name_th, name_en FROM province").fetchone()
        districts = self._areas("risk_district", "district", None)
        subdistricts = self._areas("risk_subdistrict", "subdistrict", None)
        indicators = self._indicator_shares()
        total = len(districts) + 1
        check_canceled(self.feedback)
        reports = [self._province_report(province, districts, subdistricts, indicators)]
        self.feedback.setProgress(100 / total)
        for number, row in enumerate(districts, 2):
            check_canceled(self.feedback)
            mine = [s for s in subdistricts if s.code[:4] == row.code]
            reports.append(self._district_report(row, mine, indicators))
            self.feedback.setProgress(100 * number / total)
        return reports

    # -- areas ---------------------------------------------------------------------------------
    def _areas(self, table, unit, code_prefix, year=None):
        year = self.year if year is None else year
        names = {c: (th, en) for c, th, en in self.conn.execute(
            f'SELECT code, name_th, name_en FROM "{unit}"')}
        rows = []
        for code, name_th, scored, high, share, mean, cls, drivers in self.conn.execute(
                f'SELECT code, name_th, persons_scored, persons_high, share_high, mean_index, '
                f'risk_class, drivers FROM "{table}" WHERE data_year = ? ORDER BY code', (year,)):
            if code_prefix and not code.startswith(code_prefix):
                continue
            th, en = names.get(code, (None, None))
            rows.append(AreaRow(code, name_th or th or code, scored or 0, high or 0, share, mean,
                                cls, self._driver_names(drivers), en or code))
        return rows

    def _driver_names(self, drivers):
        return [(c, *self.indicator_names.get(c, (c, c))) for c in (drivers or "").split()]

    # -- reports -------------------------------------------------------------------------------
    def _province_report(self, province, districts, subdistricts, indicators):
        code, name_th, name_en = province
        scored, high, mean = self.conn.execute(
            "SELECT sum(persons_scored), sum(persons_high), sum(mean_index * persons_scored) "
            "FROM risk_breakdown WHERE data_year = ? AND level = 'province' AND "
            "dimension = 'age_band_sex'", (self.year,)).fetchone()
        persons = self.conn.execute("SELECT count(*) FROM risk_person WHERE data_year = ?",
                                    (self.year,)).fetchone()[0]
        # The province's drivers: the indicators most often among its high-risk persons' drivers.
        counts = {}
        for (drivers,) in self.conn.execute("SELECT drivers FROM risk_person WHERE data_year = ? "
                                            "AND risk_class = 'high'", (self.year,)):
            for c in (drivers or "").split():
                counts[c] = counts.get(c, 0) + 1
        drivers = sorted(counts, key=lambda c: (-counts[c], c))[:3]
        report = Report(
            "province", code, name_th or code, name_en or code, self.year, persons, scored or 0,
            high or 0, (high / scored) if scored else None, (mean / scored) if scored else None,
            None, districts, self._age_sex("province", code), self._home_towns("province", code),
            self._indicator_rows(indicators.get(None, {}), drivers), self.previous,
            self._trend("province", code, districts), subdistricts)
        return report

    def _district_report(self, row, subdistricts, indicators):
        persons = self.conn.execute("SELECT persons FROM risk_district WHERE data_year = ? AND "
                                    "code = ?", (self.year, row.code)).fetchone()[0]
        return Report(
            "district", row.code, row.name_th, row.name_en, self.year, persons or 0,
            row.persons_scored, row.persons_high, row.share_high, row.mean_index, row.risk_class,
            subdistricts, self._age_sex("district", row.code), self._home_towns("district", row.code),
            self._indicator_rows(indicators.get(row.code, {}), [d[0] for d in row.drivers]),
            self.previous, self._trend("district", row.code, subdistricts, row))

    def _age_sex(self, level, code):
        return {(band, sex): (scored, high) for band, sex, scored, high in self.conn.execute(
            "SELECT age_band, sex, persons_scored, persons_high FROM risk_breakdown WHERE "
            "data_year = ? AND level = ? AND code = ? AND dimension = 'age_band_sex'",
            (self.year, level, code))}

    def _home_towns(self, level, code):
        return [tuple(r) for r in self.conn.execute(
            "SELECT home_town, coalesce(home_town_name, ''), persons_scored, persons_high FROM "
            "risk_breakdown WHERE data_year = ? AND level = ? AND code = ? AND dimension = "
            "'home_town' ORDER BY persons_high DESC, persons_scored DESC, home_town",
            (self.year, level, code))]

    # -- indicators ----------------------------------------------------------------------------
    def _indicator_shares(self):
        """{district code or None (province): {indicator: (share at 3, share at 3 of high)}}."""
        columns = [c for c in self.indicator_names
                   if self._has_column("risk_person", c.lower())]
        parts = []
        for c in columns:
            col = f'"{c.lower()}"'
            parts += [f"sum({col} = 3)", f"count({col})",
                      f"sum({col} = 3 AND risk_class = 'high')",
                      f"sum({col} IS NOT NULL AND risk_class = 'high')"]
        select = ", ".join(parts)
        result = {}
        query = (f"SELECT district_code, {select} FROM risk_person WHERE data_year = ? AND "
                 "risk_index IS NOT NULL GROUP BY district_code")
        rows = list(self.conn.execute(query, (self.year,)))
        rows += [(None, *r) for r in self.conn.execute(
            f"SELECT {select} FROM risk_person WHERE data_year = ? AND risk_index IS NOT NULL",
            (self.year,))]
        for code, *values in rows:
            shares = {}
            for i, c in enumerate(columns):
                at3, seen, at3_high, seen_high = values[4 * i:4 * i + 4]
                shares[c] = ((at3 or 0) / seen if seen else None,
                             (at3_high or 0) / seen_high if seen_high else None)
            result[code] = shares
        return result

    def _has_column(self, table, column):
        if not hasattr(self, "_columns"):
            self._columns = {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}
        return column in self._columns

    def _indicator_rows(self, shares, drivers):
        def key(c):
            at3, at3_high = shares[c]
            return (c not in drivers, -(at3_high or 0), -(at3 or 0), c)
        ranked = sorted(shares, key=key)[:TOP_INDICATORS]
        return [(c, *self.indicator_names[c], *shares[c], c in drivers) for c in ranked]

    # -- trend ---------------------------------------------------------------------------------
    def _trend(self, level, code, rows, area_row=None):
        if self.previous is None:
            return []
        unit = "district" if level == "province" else "subdistrict"
        earlier = {r.code: r for r in self._areas(f"risk_{unit}", unit, None, self.previous)}
        trend = []
        if level == "province":
            then = self.conn.execute(
                "SELECT sum(persons_scored), sum(persons_high) FROM risk_breakdown WHERE "
                "data_year = ? AND level = 'province' AND dimension = 'age_band_sex'",
                (self.previous,)).fetchone()
            now = self.conn.execute(
                "SELECT sum(persons_scored), sum(persons_high) FROM risk_breakdown WHERE "
                "data_year = ? AND level = 'province' AND dimension = 'age_band_sex'",
                (self.year,)).fetchone()
            trend.append(Trend(code, "ทั้งจังหวัด", None, None, _share(*now), _share(*then),
                               now[1] or 0, then[1]))
        else:
            before = self._areas("risk_district", "district", code, self.previous)
            before = next((r for r in before if r.code == code), None)
            trend.append(_trend_row(area_row, before))
        trend += [_trend_row(r, earlier.get(r.code)) for r in rows]
        return trend


def _share(scored, high):
    return (high or 0) / scored if scored else None


def _trend_row(now, then):
    return Trend(now.code, now.name_th, now.risk_class, then.risk_class if then else None,
                 now.share_high, then.share_high if then else None, now.persons_high,
                 then.persons_high if then else None)


def percent(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{100 * value:.{digits}f} %"


def number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def drivers_text(drivers: Iterable[tuple[str, str, str]], english: bool = False) -> str:
    return "; ".join(f"{c} {th}" + (f" ({en})" if english else "") for c, th, en in drivers) or "-"


def indicator_lines(report: Report) -> list[str]:
    """The indicator section as text lines (Thai / English), for the PDF page."""
    lines = []
    for code, th, en, at3, at3_high, is_driver in report.indicators:
        mark = "★ " if is_driver else "   "
        lines.append(f"{mark}{code} {th} / {en}: ระดับ 3 {percent(at3)} ของผู้ประเมิน, "
                     f"{percent(at3_high)} ของผู้เสี่ยงสูง")
    return lines


def trend_lines(report: Report, limit: int | None = None) -> list[str]:
    """The trend section as text lines, for the PDF page."""
    if report.previous_year is None:
        return ["ไม่มีปีก่อนหน้าที่ประเมินแล้ว / No earlier year scored"]
    previous, other = report.previous_year, not report.buddhist_era
    lines = [f"เทียบกับปี {report.year_th(previous)} ({thai_calendar.year_th(previous, other)}) / "
             f"against {report.year_en(previous)}:"]
    for t in report.trend[:limit]:
        change = CHANGE_TH[t.change] + f" ({t.change})"
        points = t.share_change_points
        line = (f"{t.name_th}: ผู้เสี่ยงสูง {percent(t.previous_share_high)} -> "
                f"{percent(t.share_high)} ({'-' if points is None else f'{points:+.1f}'} จุด)")
        if t.risk_class is not None:   # the province as a whole has no class
            line += (f", ระดับ {CLASS_TH.get(t.previous_class, '-')} -> "
                     f"{CLASS_TH[t.risk_class]}: {change}")
        lines.append(line)
    return lines


def breakdown_rows(database: PathLike, data_year: int, dimension: str) -> list[tuple]:
    """risk_breakdown rows of ``dimension`` for the workbook, with area names."""
    with reading(database) as conn:
        names = {}
        for unit in ("province", "district", "subdistrict"):
            names.update({(unit, c): n for c, n in conn.execute(f'SELECT code, name_th FROM "{unit}"')})
        out = []
        for row in conn.execute(
                "SELECT level, code, age_band, sex, home_town, home_town_name, persons_scored, "
                "persons_high, persons_medium, persons_low, share_high, mean_index FROM "
                "risk_breakdown WHERE data_year = ? AND dimension = ? ORDER BY "
                "CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, code, "
                "age_band, sex, home_town", (data_year, dimension)):
            out.append((row[0], row[1], names.get((row[0], row[1]), ""), *row[2:]))
        return out


def area_table_rows(database: PathLike, data_year: int, unit: str) -> list[tuple]:
    """risk_subdistrict or risk_district rows of the year for the workbook."""
    with reading(database) as conn:
        return list(conn.execute(
            f'SELECT code, name_th, persons, persons_scored, persons_unscored, persons_high, '
            f'persons_medium, persons_low, share_high, mean_index, risk_class, drivers FROM '
            f'"risk_{unit}" WHERE data_year = ? ORDER BY code', (data_year,)))
