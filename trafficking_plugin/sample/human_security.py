"""Human security (source id ``human_security``): welfare cases as a TIS-620 CSV.

The provincial social development and human security office logs every case it receives. Its
export names places in Thai words, not codes, and staff type them freely: prefixes, stray spaces,
and for sub-districts that were renamed or moved to a new district, the old spelling or the old
district. People from vulnerable groups come to the office far more often than others.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.geography import Subdistrict
from ..core.thai_calendar import BE_OFFSET
from . import faults as faults
from .common import Stage, choose, completed_years, date_parts, fixed_text, random_dates
from .faults import FaultPlan
from .files import file_entry, write_csv
from .population import FEMALE, HIGHLAND_STATELESS, MALE, MIGRANT, PRENAMES_SHORT, SyntheticProvince

SOURCE = "human_security"
CASES_AT_SCALE_1 = 22_000            # Chiang Mai's welfare cases a year (issue 2)
ENCODING = "cp874"                   # Python's codec for TIS-620 (with Windows' extra characters)

PROBLEMS = [
    "ความยากจน/ขาดรายได้", "ไร้ที่พึ่ง", "ความรุนแรงในครอบครัว", "เด็กถูกทอดทิ้ง/ขาดผู้ดูแล",
    "ตั้งครรภ์ไม่พร้อม", "ผู้สูงอายุขาดผู้ดูแล", "คนพิการ", "ปัญหาสถานะทางทะเบียน",
    "แรงงานถูกเอารัดเอาเปรียบ", "การค้ามนุษย์", "ขอทาน", "ผู้ติดเชื้อเอชไอวี", "ยาเสพติด",
]
ASSISTANCE = [
    "มอบเงินสงเคราะห์ครอบครัว", "ให้คำปรึกษาแนะนำ", "ส่งต่อหน่วยงานที่เกี่ยวข้อง",
    "จัดหาที่พักชั่วคราว", "ประสานการพิสูจน์สถานะทางทะเบียน", "ฝึกอาชีพ", "เยี่ยมบ้านและติดตามผล",
    "ส่งเข้าบ้านพักเด็กและครอบครัว", "ส่งเข้าศูนย์คุ้มครองคนไร้ที่พึ่ง", "คัดแยกผู้เสียหายและส่งสถานคุ้มครอง",
]
# Which assistance (indices into ASSISTANCE) answers which problem (same order as PROBLEMS).
ASSISTANCE_FOR = [[0, 5, 6], [3, 8, 2], [1, 3, 7, 2], [7, 0, 6], [1, 0, 2], [0, 6, 8], [0, 2, 6],
                  [4, 2], [2, 1, 4], [9, 3, 2], [8, 2], [0, 1, 2], [2, 1]]

COLUMNS = ["เลขที่รับเรื่อง", "วันที่รับเรื่อง", "เลขประจำตัวประชาชน", "คำนำหน้า", "ชื่อ", "นามสกุล",
           "เพศ", "อายุ", "บ้านเลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "ประเภทปัญหา",
           "การให้ความช่วยเหลือ"]
TAMBON, AMPHOE = "ตำบล", "อำเภอ"

# Ways people write a place name: (tambon pattern, amphoe pattern); {} is the name.
_NAME_VARIANTS = [("ต.{}", "{}"), ("ตำบล{}", "{}"), ("ตำบล {}", "{}"), ("{} ", "{}"),
                  ("{}", "อ.{}"), ("{}", "อำเภอ{}"), ("{}", "อ. {}"), ("ต.{}", "อ.{}"),
                  (" {}", "{}  ")]


def old_place_names(subdistricts: Sequence[Subdistrict], old_codes: PathLike) -> dict[str, tuple[str, str]]:
    """Old names of the given sub-districts from a tambon code list (kongvut format).

    Returns {sub-district code: (tambon name, district name)} for each sub-district whose name the
    list spells differently under the same code, or whose district the list does not know yet
    (a district created later: the list files its tambons, under other codes, in the old
    district, so the old district is the one where a tambon of the same name sits under a code
    that no longer exists). E.g. kongvut lists Galyani Vadhana's (5025) tambons in Mae Chaem
    (5003) and spells 502202 ทุ่งปี้ where the current list has ทุ่งปี๊.
    """
    with open(old_codes, encoding="utf-8-sig", newline="") as f:
        provinces = {s.province_code for s in subdistricts}
        rows = [r for r in csv.DictReader(f) if r["changwat_code"] in provinces]
    by_code = {r["tambon_code"]: r for r in rows}
    old_districts = {r["amphoe_code"] for r in rows}
    current = {s.code for s in subdistricts}
    names = {}
    for sub in subdistricts:
        tambon, district = sub.name_th, sub.district_name_th
        old = by_code.get(sub.code)
        if old and old["tambon_th"].strip() != tambon and _one_letter_apart(old["tambon_th"].strip(), tambon):
            tambon = old["tambon_th"].strip()
        if sub.district_code not in old_districts:
            moved = [r for r in rows if r["tambon_th"].strip() == sub.name_th
                     and r["tambon_code"] not in current]
            if moved:
                district = moved[0]["amphoe_th"].strip()
        if (tambon, district) != (sub.name_th, sub.district_name_th):
            names[sub.code] = (tambon, district)
    return names


def _one_letter_apart(a, b):
    """True when ``a`` and ``b`` differ by one substituted, added or dropped character (a tone
    mark, say): a respelling, not another place that took over the code."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def write_human_security(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                         stage: Stage, n_cases: int, old_names: dict[str, tuple[str, str]],
                         dropout: np.ndarray) -> tuple[dict[str, Any], dict[str, np.ndarray],
                                                       dict[str, np.ndarray]]:
    """Write human_security/welfare_cases.csv; return (entry, truth counts, case truth rows).

    ``old_names`` from ``old_place_names`` (may be empty); ``dropout``: persons who left school.
    """
    pop, year = province.population, province.data_year
    person = rng.choice(pop.size, size=n_cases, p=_case_weight(pop, dropout))
    received = _not_before(random_dates(rng, n_cases, f"{year}-01-01", f"{year}-12-31"),
                           pop.birth[person], f"{year}-12-31")
    order = np.lexsort((person, received))
    person, received = person[order], received[order]
    age = completed_years(pop.birth[person], received)
    problem = choose(rng, _problem_weights(pop, person, age, dropout))
    entry, case_no = _write_cases(rng, province, out_dir, stage, "human_security/welfare_cases.csv",
                                  person, received, problem, old_names, with_faults=True)
    cases = {"case_no": case_no, "person_no": person + 1,
             "problem": np.array(PROBLEMS, dtype=object)[problem]}
    return entry, {"welfare_cases": np.bincount(person, minlength=pop.size)}, cases


def write_later_cases(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                      stage: Stage, recorded: np.ndarray, outcome_year: np.ndarray,
                      scenario_labour: np.ndarray, old_names: dict[str, tuple[str, str]],
                      years: Sequence[int]) -> list[dict[str, Any]]:
    """human_security/welfare_cases_<year>.csv for each of ``years`` (after the data year): the recorded
    outcomes of that year as the office logs them (trafficking, or labour exploitation when
    ``scenario_labour`` says the exploitation was labour), in the year file's format, without
    planted faults. Returns their manifest entries (each with its ``data_year``)."""
    pop = province.population
    entries = []
    for k, year in enumerate(years):
        person = np.flatnonzero(recorded & (outcome_year == year))
        received = _not_before(random_dates(rng, person.size, f"{year}-01-01", f"{year}-12-31"),
                               pop.birth[person], f"{year}-12-31")
        order = np.lexsort((person, received))
        person, received = person[order], received[order]
        problem = np.where(scenario_labour[person], PROBLEMS.index("แรงงานถูกเอารัดเอาเปรียบ"),
                           PROBLEMS.index("การค้ามนุษย์"))
        entry, _ = _write_cases(rng, province, out_dir, stage.part(k / len(years), (k + 1) / len(years)),
                                f"human_security/welfare_cases_{year}.csv", person, received, problem,
                                old_names, with_faults=False)
        entry["data_year"] = year
        entries.append(entry)
    return entries


def _write_cases(rng, province, out_dir, stage, path, person, received, problem, old_names, with_faults):
    """Write one welfare-case file of the given cases (sorted by date); return (entry, case numbers)."""
    pop = province.population
    n_cases = person.size
    age = completed_years(pop.birth[person], received)
    assistance = np.array([ASSISTANCE_FOR[p][int(u * len(ASSISTANCE_FOR[p]))]
                           for p, u in zip(problem.tolist(), rng.random(n_cases).tolist())], dtype=np.int64)
    ry, rm, rd = date_parts(received)
    case_no = np.char.add(fixed_text(n_cases, (np.arange(1, n_cases + 1), 5), "/"),
                          (ry + BE_OFFSET).astype(str)) if n_cases else np.empty(0, dtype="U10")

    sub = province.person_subdistrict()[person]
    subdistricts = province.subdistricts
    tambon = np.array([s.name_th for s in subdistricts], dtype=object)[sub]
    amphoe = np.array([s.district_name_th for s in subdistricts], dtype=object)[sub]
    village = pop.hh_village[pop.household[person]]

    plan = FaultPlan(rng, n_cases)
    if with_faults:
        rows = plan.take("bad_check_digit", eligible=pop.thai_id[person] != "")
        plan.replace("เลขประจำตัวประชาชน", rows, faults.bad_check_digits(rng, pop.thai_id[person[rows]]))
        date_column = "วันที่รับเรื่อง"
        rows = plan.take("impossible_date")
        plan.replace(date_column, rows, faults.impossible_dates(rng, ry[rows] + BE_OFFSET, "dd/mm/yyyy"))
        rows = plan.take("era_confusion")
        plan.replace(date_column, rows, faults.shifted_years(ry[rows] + BE_OFFSET, rm[rows], rd[rows],
                                                             -BE_OFFSET, "dd/mm/yyyy"))
        rows = plan.take("blank_village")
        plan.replace("หมู่ที่", rows, [""] * rows.size)
        codes = np.array([s.code for s in subdistricts])[sub]
        rows = plan.take("old_place_name", eligible=np.isin(codes, list(old_names)))
        plan.replace(TAMBON, rows, [old_names[c][0] for c in codes[rows]])
        plan.replace(AMPHOE, rows, [old_names[c][1] for c in codes[rows]])
        rows = plan.take("place_name_variant")
        variant = [_NAME_VARIANTS[i] for i in rng.integers(0, len(_NAME_VARIANTS), size=rows.size)]
        plan.replace(TAMBON, rows, [t.format(name) for (t, _), name in zip(variant, tambon[rows])])
        plan.replace(AMPHOE, rows, [a.format(name) for (_, a), name in zip(variant, amphoe[rows])])
        plan.duplicate()

    prenames = np.array(PRENAMES_SHORT, dtype=object)
    problems, helps = np.array(PROBLEMS, dtype=object), np.array(ASSISTANCE, dtype=object)
    dates = faults.format_dates(ry + BE_OFFSET, rm, rd, "dd/mm/yyyy")
    province_name = subdistricts[0].province_name_th

    def render(r):
        p = person[r]
        return [case_no[r], dates[r], pop.thai_id[p], prenames[pop.prename[p]], pop.first_name[p],
                pop.last_name[p], np.where(pop.sex[p] == MALE, "ชาย", "หญิง"), age[r].astype(str),
                pop.hh_house_no[pop.household[p]], province.villages.moo[village[r]].astype(str),
                tambon[r], amphoe[r], [province_name] * r.size, problems[problem[r]],
                helps[assistance[r]]]

    n = write_csv(os.path.join(out_dir, path), COLUMNS, n_cases, render, plan if with_faults else None,
                  stage, ENCODING)
    return file_entry(path, SOURCE, "csv", ENCODING, n, COLUMNS, plan), case_no


def _not_before(dates, birth, last):
    """``dates`` (drawn from 1 January to ``last``) moved so none precedes ``birth``: a date of a
    baby born in the year is scaled into birth..last, keeping it uniform there and the number of
    random draws (so later seeded output does not shift). Others are unchanged."""
    last = np.datetime64(last, "D")
    first = last.astype("datetime64[Y]").astype("datetime64[D]")
    start = np.maximum(birth, first)
    span = (last - first).astype(np.int64) + 1
    offset = (dates - first).astype(np.int64)
    return start + offset * ((last - start).astype(np.int64) + 1) // span


def _case_weight(pop, dropout):
    """Probability of each person being the subject of a case: vulnerability raises it."""
    age = pop.age()
    weight = (np.array([1.0, 2.0, 5.0, 3.0])[pop.group] * np.where(pop.poor(), 2.5, 1.0)
              * np.where(age >= 60, 2.0, 1.0) * np.where(age < 18, 1.5, 1.0)
              * np.where(pop.teen_pregnancy, 8.0, 1.0) * np.where(pop.hiv, 4.0, 1.0)
              * np.where(pop.disability, 4.0, 1.0) * np.where(pop.violence, 6.0, 1.0)
              * np.where(dropout, 3.0, 1.0) * np.where(pop.substance_use, 2.0, 1.0))
    return weight / weight.sum()


def _problem_weights(pop, person, age, dropout):
    """Relative weight of each problem (columns, PROBLEMS order) for each case (rows)."""
    poor, sex = pop.poor()[person], pop.sex[person]
    group = pop.group[person]
    outsider = np.isin(group, [HIGHLAND_STATELESS, MIGRANT])
    young_adult = (age >= 12) & (age <= 30)
    return np.column_stack([
        3 + 4 * poor,
        0.5 + (age >= 60),
        0.3 + 8 * pop.violence[person],
        (age < 18) * (1 + 2 * poor),
        10 * pop.teen_pregnancy[person] + 0.2 * ((sex == FEMALE) & (age >= 15) & (age <= 24)),
        2.0 * (age >= 60),
        6 * pop.disability[person],
        4 * (group == HIGHLAND_STATELESS) + 1 * (group == MIGRANT),
        (2 * (group == MIGRANT) + 0.3 * pop.away_for_work[person]) * (age >= 15),
        0.05 + 0.3 * outsider * young_adult + 0.2 * dropout[person],
        0.05 + 0.2 * outsider,
        5 * pop.hiv[person],
        0.2 * ((sex == MALE) & (age >= 15) & (age <= 40)) + 4 * pop.substance_use[person],
    ]).astype(float)
