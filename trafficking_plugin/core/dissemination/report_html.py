"""The risk reports as HTML: one self-contained page per report (province.html, district_XXXX.html)
with its map and chart as PNG files beside it, and index.html linking them."""
from __future__ import annotations

import html
from collections.abc import Sequence

from ..database import PathLike
from .class_colours import class_colours, text_colour
from .report_validation import ValidationSection, validation_html
from .report_tables import (
    AGE_BANDS,
    CLASS_EN,
    CLASS_TH,
    SEX_TH,
    SEXES,
    Report,
    drivers_text,
    number,
    percent,
    trend_lines,
)

STYLE = """body{font-family:Loma,'Noto Sans Thai',Garuda,sans-serif;margin:1.5em;color:#1d1d1d}
table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #bbb;padding:2px 6px;
font-size:90%}th{background:#eee}td.n{text-align:right}.cls{padding:0 .4em}
.restricted{color:#b00020}img{max-width:100%}"""


def report_file(report: Report) -> str:
    return "province.html" if report.level == "province" else f"district_{report.code}.html"


def write_report_html(report: Report, path: PathLike, map_png: str, chart_png: str,
                      attribution: str = "",
                      validation: ValidationSection | None = None,
                      colours: dict[str | None, str] | None = None) -> PathLike:
    """``colours``: the classes' colours as the map draws them (class_colours(database));
    the plugin's own style's when not given."""
    e = html.escape
    colours = colours or class_colours()
    parts = [f"<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'>"
             f"<title>{e(report.title_th)} {report.year_th()}</title><style>{STYLE}</style></head><body>",
             "<p><a href='index.html'>รายงานทั้งหมด / All reports</a></p>",
             f"<h1>รายงานความเสี่ยงต่อการค้ามนุษย์ {e(report.title_th)} ปี {report.year_th()}</h1>",
             f"<h2>Human-trafficking risk report, {e(report.title_en)}, {report.year_en()}</h2>",
             "<p class='restricted'>สำหรับเจ้าหน้าที่ภาคีเครือข่ายเท่านั้น: มีจำนวนน้อยที่ยังไม่ปกปิด / "
             "Internal: for network staff only; small counts are not suppressed.</p>",
             f"<p>{_summary(report, colours)}</p>",
             f"<h3>แผนที่ความเสี่ยง / Risk map</h3><img src='{e(map_png)}' alt='risk map'>",
             f"<h3>ตาราง{report.row_unit_th} / {report.row_unit_en}</h3>",
             _area_table(report.rows, colours)]
    if report.level == "province":
        parts += ["<h3>ตารางตำบล / Sub-districts</h3>", _area_table(report.subdistrict_rows, colours)]
    parts += [f"<h3>ผู้เสี่ยงสูงตามอายุและเพศ / Persons at high risk by age and sex</h3>"
              f"<img src='{e(chart_png)}' alt='age and sex chart'>", _age_sex_table(report),
              "<h3>ตัวชี้วัดที่ขับเคลื่อนความเสี่ยง / Indicators that drive risk</h3>",
              _indicator_table(report),
              "<h3>แนวโน้ม / Trend</h3>", _trend(report),
              "<h3>ภูมิลำเนา (อำเภอที่ออกบัตร) / Home town (district that registered the ID)</h3>",
              _home_town_table(report)]
    if validation is not None:
        parts.append(validation_html(validation))
    parts.append(f"<p><small>{e(attribution)}</small></p></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    return path


def write_index_html(reports: Sequence[Report], path: PathLike) -> PathLike:
    e = html.escape
    items = "".join(f"<li><a href='{report_file(r)}'>{e(r.title_th)} / {e(r.title_en)}</a></li>"
                    for r in reports)
    first = reports[0]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><title>Risk reports "
                f"{first.year_en()}</title><style>{STYLE}</style></head><body><h1>รายงานความเสี่ยง ปี "
                f"{first.year_th()} / Risk reports {first.year_en()}</h1><ul>{items}</ul></body></html>")
    return path


def _summary(report, colours):
    cls = (f", ระดับ {_class(report.risk_class, colours)}" if report.level == "district" else "")
    return (f"ประชากร {report.persons:,} คน, ประเมิน {report.persons_scored:,} คน, "
            f"เสี่ยงสูง {report.persons_high:,} คน ({percent(report.share_high)}), "
            f"ดัชนีเฉลี่ย {number(report.mean_index)}{cls}<br>Persons {report.persons:,}, scored "
            f"{report.persons_scored:,}, at high risk {report.persons_high:,} "
            f"({percent(report.share_high)}), mean index {number(report.mean_index)}")


def _class(cls, colours):
    colour = colours.get(cls, "#888888")
    return (f"<span class='cls' style='background:{colour};color:{text_colour(colour)}'>"
            f"{CLASS_TH.get(cls, '-')} "
            f"({CLASS_EN.get(cls, '-')})</span>")


def _area_table(rows, colours):
    e = html.escape
    head = ("<tr><th>รหัส<br>Code</th><th>ชื่อ<br>Name</th><th>ประเมิน<br>Scored</th>"
            "<th>เสี่ยงสูง<br>High</th><th>สัดส่วนเสี่ยงสูง<br>High share</th><th>ดัชนีเฉลี่ย<br>"
            "Mean index</th><th>ระดับ<br>Class</th><th>ตัวชี้วัดหลัก<br>Drivers</th></tr>")
    body = "".join(
        f"<tr><td>{e(r.code)}</td><td>{e(r.name_th)}<br><small>{e(r.name_en)}</small></td>"
        f"<td class='n'>{r.persons_scored:,}</td><td class='n'>{r.persons_high:,}</td>"
        f"<td class='n'>{percent(r.share_high)}</td><td class='n'>{number(r.mean_index)}</td>"
        f"<td>{_class(r.risk_class, colours)}</td><td>{e(drivers_text(r.drivers, english=True))}</td></tr>"
        for r in rows)
    return f"<table>{head}{body}</table>"


def _age_sex_table(report):
    sexes = [s for s in SEXES if any(report.age_sex.get((b, s)) for b in AGE_BANDS)]
    head = "<tr><th>อายุ / Age</th>" + "".join(
        f"<th>{SEX_TH[s]} ({s}):<br>เสี่ยงสูง / ประเมิน</th>" for s in sexes) + "</tr>"
    body = ""
    for band in AGE_BANDS:
        cells = [report.age_sex.get((band, s), (0, 0)) for s in sexes]
        if any(c[0] for c in cells):
            body += f"<tr><td>{band}</td>" + "".join(
                f"<td class='n'>{h or 0:,} / {n or 0:,}</td>" for n, h in cells) + "</tr>"
    return f"<table>{head}{body}</table>"


def _indicator_table(report):
    e = html.escape
    head = ("<tr><th>ตัวชี้วัด<br>Indicator</th><th>ชื่อ<br>Name</th><th>ระดับ 3 ในผู้ประเมิน<br>"
            "At 3, of scored</th><th>ระดับ 3 ในผู้เสี่ยงสูง<br>At 3, of high risk</th>"
            "<th>ตัวขับเคลื่อนของพื้นที่<br>Area driver</th></tr>")
    body = "".join(
        f"<tr><td>{e(c)}</td><td>{e(th)}<br><small>{e(en)}</small></td><td class='n'>"
        f"{percent(a)}</td><td class='n'>{percent(h)}</td><td>{'★' if d else ''}</td></tr>"
        for c, th, en, a, h, d in report.indicators)
    return f"<table>{head}{body}</table>"


def _trend(report):
    lines = trend_lines(report)
    return "<p>" + html.escape(lines[0]) + "</p>" + (
        "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:]) + "</ul>"
        if len(lines) > 1 else "")


def _home_town_table(report):
    e = html.escape
    rows = "".join(f"<tr><td>{e(c or 'none')}</td><td>{e(n)}</td><td class='n'>{s:,}</td>"
                   f"<td class='n'>{h:,}</td></tr>" for c, n, s, h in report.home_towns)
    return ("<table><tr><th>รหัส / Code</th><th>ชื่อ / Name</th><th>ประเมิน / Scored</th>"
            f"<th>เสี่ยงสูง / High</th></tr>{rows}</table>")
