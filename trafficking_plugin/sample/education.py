"""Education (source id ``education``): a school roster workbook as schools export it.

One row per pupil: every child who attends a school is on the roster (attendance by age and
group follows Thailand's MICS surveys: about 95 % of children 6-14 attend; docs/sample_data.md).
Thai headers and values: Thai ID or G code, birth date as
Buddhist-era dd/mm/yyyy, Thai grade names, enrolment status in Thai. Each group of about three
villages has a primary school (kindergarten to ป.6); every four sub-districts of a district share
a secondary school (ม.1-ม.6). School codes are 10 digits like the basic-education commission's,
but made up.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.ingest.thai_id import generate_g_codes
from ..core.thai_calendar import BE_OFFSET
from . import faults as faults
from .common import Stage, choose, completed_years, date_parts, fixed_text
from .faults import FaultPlan
from .files import file_entry, write_xlsx
from .population import HIGHLAND_STATELESS, MALE, MIGRANT, PRENAMES, Population, SyntheticProvince

SOURCE = "education"
# Chance to attend school by age on 16 May (index = age 0..18): pre-school from 3, nearly all of
# 6-13, then fewer each year (MICS 2012 out-of-school rates by age: 14: 7 %, 15: 13 %, 16: 19 %,
# 17: 25 %; MICS 2019 much the same); 18-year-olds finishing ม.6.
ATTENDANCE_BY_AGE = np.array([0, 0, 0, 0.70, 0.88, 0.93] + [0.99] * 6 + [0.98, 0.98, 0.94, 0.87,
                                                                         0.81, 0.75, 0.25])
# Relative attendance by group (THAI, HIGHLAND_CITIZEN, HIGHLAND_STATELESS, MIGRANT): schools
# must admit children without papers (Cabinet resolution of 5 July 2005), yet stateless and above
# all migrant children attend less (a judgement; docs/sample_data.md).
ATTENDANCE_BY_GROUP = np.array([1.0, 0.97, 0.92, 0.72])

GRADES = (["อนุบาล 1", "อนุบาล 2", "อนุบาล 3"] + [f"ป.{g}" for g in range(1, 7)]
          + [f"ม.{g}" for g in range(1, 7)])
FIRST_SECONDARY = GRADES.index("ม.1")
STATUSES = ["กำลังศึกษา", "ย้ายออก", "ออกกลางคัน", "พักการเรียน", "จำหน่าย"]
STUDYING, MOVED_OUT, DROPPED_OUT, SUSPENDED, STRUCK_OFF = range(len(STATUSES))

COLUMNS = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ปีการศึกษา", "เลขประจำตัวประชาชน", "คำนำหน้าชื่อ",
           "ชื่อ", "นามสกุล", "เพศ", "วันเดือนปีเกิด", "ชั้น", "ห้อง", "สถานะ", "บ้านเลขที่",
           "รหัสหมู่บ้าน"]
SHEET_TITLE = "นักเรียน"


def write_education(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                    stage: Stage) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Write education/school_roster.xlsx: every child who attends a school.

    Returns (manifest entry, truth columns per person).
    """
    pop, year = province.population, province.data_year
    school_code, school_name, primary, secondary = _schools(rng, province)
    # Thai school years start on 16 May; the grade follows the age on that day.
    age = completed_years(pop.birth, np.datetime64(f"{year}-05-16"))
    pupil = np.flatnonzero(rng.random(pop.size) < attendance(pop, age))
    outsider = np.isin(pop.group[pupil], [HIGHLAND_STATELESS, MIGRANT])
    lag = rng.random(pupil.size) < np.where(outsider, 0.25, 0.06)     # started late or repeated
    grade = np.clip(age[pupil] - 3 - lag, 0, len(GRADES) - 1)
    status = _statuses(rng, pop, pupil, age[pupil], outsider)
    village = pop.hh_village[pop.household[pupil]]
    school = np.where(grade >= FIRST_SECONDARY, secondary[province.villages.subdistrict[village]],
                      primary[village])
    room = rng.integers(1, 3, size=pupil.size)
    g_code = np.full(pupil.size, "", dtype="U13")
    no_id = pop.thai_id[pupil] == ""
    g_code[no_id] = generate_g_codes(rng, no_id.sum(), province.province_code)
    pupil_id = np.where(no_id, g_code, pop.thai_id[pupil])

    order = np.lexsort((pupil, room, grade, school))
    pupil, grade, status, village, school, room, pupil_id, g_code = (
        a[order] for a in (pupil, grade, status, village, school, room, pupil_id, g_code))
    by, bm, bd = date_parts(pop.birth[pupil])
    be = by + BE_OFFSET

    plan = FaultPlan(rng, pupil.size)
    rows = plan.take("bad_check_digit", eligible=~np.char.startswith(pupil_id, "G"))
    plan.replace("เลขประจำตัวประชาชน", rows, faults.bad_check_digits(rng, pupil_id[rows]))
    birth_column = "วันเดือนปีเกิด"
    rows = plan.take("impossible_date")
    plan.replace(birth_column, rows, faults.impossible_dates(rng, be[rows], "dd/mm/yyyy"))
    rows = plan.take("future_year")
    plan.replace(birth_column, rows, faults.shifted_years(
        be[rows], bm[rows], bd[rows], year + BE_OFFSET + rng.integers(1, 4, size=rows.size) - be[rows],
        "dd/mm/yyyy"))
    rows = plan.take("era_confusion")
    plan.replace(birth_column, rows, faults.shifted_years(be[rows], bm[rows], bd[rows], -BE_OFFSET,
                                                          "dd/mm/yyyy"))
    rows = plan.take("blank_village")
    plan.replace("รหัสหมู่บ้าน", rows, [""] * rows.size)
    plan.duplicate()

    grades, statuses = np.array(GRADES, dtype=object), np.array(STATUSES, dtype=object)
    prenames = np.array(PRENAMES, dtype=object)
    school_year = str(year + BE_OFFSET)

    def render(r):
        p = pupil[r]
        return [school_code[school[r]], school_name[school[r]], [school_year] * r.size, pupil_id[r],
                prenames[pop.prename[p]], pop.first_name[p], pop.last_name[p],
                np.where(pop.sex[p] == MALE, "ชาย", "หญิง"),
                faults.format_dates(be[r], bm[r], bd[r], "dd/mm/yyyy"), grades[grade[r]],
                room[r].astype(str), statuses[status[r]], pop.hh_house_no[pop.household[p]],
                province.villages.code[village[r]]]

    path = "education/school_roster.xlsx"
    n = write_xlsx(os.path.join(out_dir, path), SHEET_TITLE, COLUMNS, pupil.size, render, plan, stage)
    truth = {"in_school": np.zeros(pop.size, dtype=bool),
             "school_code": np.full(pop.size, "", dtype=object),
             "grade": np.full(pop.size, "", dtype=object),
             "school_status": np.full(pop.size, "", dtype=object),
             "g_code": np.full(pop.size, "", dtype="U13")}
    truth["in_school"][pupil] = True
    truth["school_code"][pupil] = school_code[school]
    truth["grade"][pupil] = grades[grade]
    truth["school_status"][pupil] = statuses[status]
    truth["g_code"][pupil] = g_code
    return file_entry(path, SOURCE, "xlsx", "utf-8", n, COLUMNS, plan), truth


def _schools(rng, province):
    """Codes and names of all schools; each village's primary and each sub-district's secondary."""
    villages, subdistricts = province.villages, province.subdistricts
    primary = np.cumsum(np.r_[True, (villages.subdistrict[1:] != villages.subdistrict[:-1])
                              | ((villages.moo[1:] - 1) % 3 == 0)]) - 1
    first_village = np.searchsorted(primary, np.arange(primary.max() + 1))
    names = ["โรงเรียน" + villages.name_th[v] for v in first_village]
    secondary, seen = [], {}
    for sub in subdistricts:
        k = seen.get(sub.district_code, 0)
        seen[sub.district_code] = k + 1
        if k % 4 == 0:
            names.append("โรงเรียน" + sub.name_th + "วิทยาคม")
        secondary.append(len(names) - 1)
    serial = np.sort(rng.choice(1_000_000, size=len(names), replace=False))
    codes = fixed_text(len(names), "10", (int(province.province_code), 2), (serial, 6))
    return codes, np.array(names, dtype=object), primary, np.array(secondary)


def attendance(pop: Population, age: np.ndarray) -> np.ndarray:
    """Each person's chance to attend school at ``age``: by age and group, a little lower for the
    poor, far lower for pregnant girls and the young who work away (judgements)."""
    by_age = ATTENDANCE_BY_AGE[np.clip(age, 0, ATTENDANCE_BY_AGE.size - 1)] * (age < ATTENDANCE_BY_AGE.size)
    return (by_age * ATTENDANCE_BY_GROUP[pop.group] * np.where(pop.poor(), 0.97, 1.0)
            * np.where(pop.teen_pregnancy, 0.35, 1.0) * np.where(pop.away_for_work, 0.1, 1.0))


def _statuses(rng, pop, pupil, age, outsider):
    """Enrolment status: dropping out is likelier for outsiders, the poor, teenagers, pregnant girls."""
    dropout = (0.012 * np.where(outsider, 3, 1) * np.where(pop.poor()[pupil], 2, 1)
               * np.where(age >= 15, 2.5, 1) * np.where(pop.teen_pregnancy[pupil], 6, 1))
    dropout = np.minimum(dropout, 0.8)
    struck_off = np.where(outsider, 0.008, 0.004)
    others = np.column_stack([np.full(age.size, 0.02), dropout, np.full(age.size, 0.004), struck_off])
    return choose(rng, np.column_stack([1 - others.sum(axis=1), others]))
