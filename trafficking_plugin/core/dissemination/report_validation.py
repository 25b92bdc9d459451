"""The risk report's section on how far to trust the map: the validation against later outcomes
(trafficking:validateindex) and the uncertainty of the classes (trafficking:scoreriskindex)."""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..database import PathLike, reading
from .report_tables import number, percent

MODEL_NAMES = {"index": ("ดัชนีความเสี่ยง", "the risk index"),
               "legal_status": ("สถานะทางกฎหมายอย่างเดียว", "legal status only (I01)"),
               "poverty": ("ความยากจนอย่างเดียว", "poverty only (I09)"),
               "size": ("ขนาดหมู่บ้าน", "village size (persons)")}


@dataclass
class ValidationSection:
    outcome_years: tuple[int, int] | None = None
    metrics: list[tuple] = field(default_factory=list)     # validation_metric rows, index first
    class_shares: list[tuple[str, float]] = field(default_factory=list)
    groups: list[tuple] = field(default_factory=list)       # (dimension, value, persons,
    #                                                          share_high, share_outcome, auc)
    spearman_p05: float | None = None
    dropped: list[tuple[str, float, float]] = field(default_factory=list)  # by villages changed
    not_robust: dict[str, tuple[int, int]] = field(default_factory=dict)   # level -> (n, of)


INDEX_ROW = " class='index'"
METRIC_COLUMNS = ("scope", "model", "units", "outcomes", "auc", "auc_low", "auc_high",
                  "lift_top_decile", "precision", "recall")


def load_validation(database: PathLike, data_year: int) -> ValidationSection:
    """What the database holds for ``data_year``: empty parts where a step was not run."""
    section = ValidationSection()
    with reading(database) as conn:
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "validation_metric" in tables:
            rows = conn.execute(
                f"SELECT outcome_first_year, outcome_last_year, {', '.join(METRIC_COLUMNS)}, "
                "share_of_outcomes FROM validation_metric WHERE data_year = ? ORDER BY scope "
                "DESC, model <> 'index', model", (data_year,)).fetchall()
            if rows:
                section.outcome_years = (rows[0][0], rows[0][1])
            section.metrics = [r[2:12] for r in rows if not r[3].startswith("class:")]
            section.class_shares = [(r[3][6:], r[12]) for r in rows if r[3].startswith("class:")]
            section.groups = conn.execute(
                "SELECT dimension, value, persons, share_high, share_outcome, auc FROM "
                "validation_group WHERE data_year = ? ORDER BY dimension, value",
                (data_year,)).fetchall()
        if "risk_sensitivity" in tables:
            row = conn.execute("SELECT spearman_p05 FROM risk_sensitivity WHERE data_year = ? "
                               "AND kind = 'weights'", (data_year,)).fetchone()
            section.spearman_p05 = row[0] if row else None
            section.dropped = conn.execute(
                "SELECT code, villages_changed, subdistricts_changed FROM risk_sensitivity WHERE "
                "data_year = ? AND kind = 'drop_indicator' ORDER BY villages_changed DESC, code",
                (data_year,)).fetchall()
        for level in ("village", "subdistrict", "district"):
            count, total = conn.execute(
                f"SELECT coalesce(sum(robust = 0), 0), count(robust) FROM risk_{level} WHERE "
                "data_year = ?", (data_year,)).fetchone()
            if total:
                section.not_robust[level] = (count, total)
    return section


def model_name(model: str) -> tuple[str, str]:
    """(Thai, English) of a validation model."""
    if model.startswith("strongest:"):
        code = model.split(":", 1)[1]
        return f"ตัวชี้วัดเดียวที่ดีที่สุด ({code})", f"strongest single indicator ({code})"
    return MODEL_NAMES.get(model, (model, model))


def validation_html(section: ValidationSection) -> str:
    """The HTML of the section (empty when neither step was run)."""
    e = html.escape
    parts = []
    if section.metrics:
        first, last = section.outcome_years
        parts.append(f"<h3>ความแม่นยำเทียบกับเหตุการณ์ที่บันทึกภายหลัง / Validation against "
                     f"outcomes recorded {first}-{last}</h3>")
        parts.append("<p>AUC 0.5 = ไม่ดีกว่าการสุ่ม, 1.0 = แยกได้สมบูรณ์ / AUC 0.5 is no better "
                     "than chance, 1.0 a perfect ranking. The index should beat every one-line "
                     "baseline below; see docs/validation.md.</p>")
        head = ("<tr><th>ระดับ<br>Scope</th><th>แบบจำลอง<br>Model</th><th>จำนวน<br>Units</th>"
                "<th>มีเหตุการณ์<br>With outcome</th><th>AUC (95 %)</th><th>Lift top 10 %</th>"
                "<th>Precision</th><th>Recall</th></tr>")
        body = "".join(
            f"<tr{INDEX_ROW if model == 'index' else ''}><td>{e(scope)}</td>"
            f"<td>{e(model_name(model)[0])}<br><small>{e(model_name(model)[1])}</small></td>"
            f"<td class='n'>{units:,}</td><td class='n'>{outcomes:,}</td>"
            f"<td class='n'>{number(auc)} ({number(low)}-{number(high)})</td>"
            f"<td class='n'>{number(lift)}</td><td class='n'>{percent(precision)}</td>"
            f"<td class='n'>{percent(recall)}</td></tr>"
            for scope, model, units, outcomes, auc, low, high, lift, precision, recall
            in section.metrics)
        parts.append(f"<table>{head}{body}</table>")
        if section.class_shares:
            parts.append("<p>ส่วนของผู้มีเหตุการณ์ในแต่ละระดับ / Share of the persons with an "
                         "outcome in each class: " + ", ".join(
                             f"{e(c)} {percent(s)}" for c, s in section.class_shares) + "</p>")
        if section.groups:
            rows = "".join(
                f"<tr><td>{e(d)}</td><td>{e(v)}</td><td class='n'>{n:,}</td>"
                f"<td class='n'>{percent(h)}</td><td class='n'>{percent(o, 2)}</td>"
                f"<td class='n'>{number(a)}</td></tr>" for d, v, n, h, o, a in section.groups)
            parts.append("<h4>กลุ่มประชากร / Groups: classed high against with an outcome</h4>"
                         "<table><tr><th>Group</th><th>Value</th><th>Persons</th>"
                         f"<th>High</th><th>Outcome</th><th>AUC</th></tr>{rows}</table>")
    if section.not_robust or section.dropped:
        parts.append("<h3>ความมั่นใจของแผนที่ / How sure the map is</h3>")
        if section.not_robust:
            parts.append("<p>พื้นที่ที่ระดับไม่คงที่ (แรเงาในแผนที่) / Areas whose class is not "
                         "robust (hatched on the map): " + ", ".join(
                             f"{e(level)} {n:,} of {total:,}"
                             for level, (n, total) in section.not_robust.items()) + "</p>")
        if section.spearman_p05 is not None:
            parts.append(f"<p>Villages' ranking under weights ±20 %: Spearman correlation "
                         f"{number(section.spearman_p05)} or more in 95 % of the draws.</p>")
        if section.dropped:
            parts.append("<p>ตัวชี้วัดที่เปลี่ยนแผนที่มากที่สุด / The indicators that move the map "
                         "most when left out: " + ", ".join(
                             f"{e(code)} ({percent(v)} of villages, {percent(s)} of "
                             "sub-districts)" for code, v, s in section.dropped[:5]) + "</p>")
    return "\n".join(parts)


def sheet_rows(section: ValidationSection) -> dict[str, tuple[tuple, list[tuple]]]:
    """The section's sheets for the report's workbook: name -> (header, rows)."""
    return {
        "validation": (METRIC_COLUMNS, list(section.metrics)),
        "validation_groups": (("dimension", "value", "persons", "share_high", "share_outcome",
                               "auc"), list(section.groups)),
        "sensitivity": (("indicator_left_out", "villages_changed", "subdistricts_changed"),
                        list(section.dropped)),
    }
