"""Family welfare (source id ``family_welfare``): the Basic Minimum Needs (BMN, จปฐ.) survey.

Community development volunteers survey Thai households once a year, early in the year: 31
pass/fail indicators, income per person, and a member roster with IDs; the sample adds household
debt, which is no BMN indicator, as a province's own survey might. Two UTF-8 CSVs with a
byte-order mark (Excel opens them with Thai intact). Migrant workers' households and town
quarters are mostly not surveyed.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.thai_calendar import BE_OFFSET
from . import faults as faults
from .common import Stage, choose, date_parts, random_dates, weighted_sample
from .education import STATUSES, STUDYING
from .faults import FaultPlan
from .files import file_entry, write_csv
from .population import (
    HH_HIGHLAND,
    HH_MIGRANT,
    HIGHLAND_CITIZEN,
    HIGHLAND_STATELESS,
    MALE,
    MIGRANT,
    POVERTY_LINE_BAHT,
    PRENAMES,
    RELATIONS,
    TOWN,
    SyntheticProvince,
)

SOURCE = "family_welfare"
HOUSEHOLDS_AT_SCALE_1 = 242_000      # Chiang Mai's BMN households (issue 2)
ENCODING = "utf-8-sig"               # UTF-8 with a byte-order mark

# The 31 BMN indicators of B.E. 2560-2564 (2017-2021), in order, as listed in
# ../shared/reference/bmn_2560-2564_31_indicators.md (our short English names).
BMN_INDICATORS = [
    "newborn weight >= 2,500 g", "exclusive breast-feeding 6 months", "children 0-12 immunised",
    "hygienic safe food", "appropriate use of medicines", "35+ annual health check",
    "6+ exercise 3 days a week", "secure tenure, durable house", "enough drinking water",
    "enough water for use", "house orderly and clean", "no disturbing pollution",
    "protected against accidents and disasters", "safe in life and property",
    "3-5 year-olds in pre-school care", "6-14 year-olds in compulsory education",
    "M.3 leavers continue to M.4", "idle leavers get vocational training",
    "15-59 read, write and count", "15-59 have occupation and income",
    "60+ have occupation and income", "income per person over the threshold", "household saves",
    "no member drinks alcohol", "no member smokes", "6+ practise religion weekly",
    "elderly cared for", "disabled cared for", "chronically ill cared for",
    "takes part in community activities", "warm family",
]
# Share of households failing each indicator at average deprivation; None: decided by members.
BASE_FAIL = [None, None, 0.03, 0.03, 0.03, 0.12, 0.25, 0.06, 0.04, 0.04, 0.05, 0.04, 0.05, 0.03,
             None, None, None, 0.08, 0.04, None, None, None, 0.25, 0.40, 0.30, 0.15, None, None,
             None, 0.10, 0.03]

OCCUPATIONS = ["ไม่มีอาชีพ/ว่างงาน", "นักเรียน/นักศึกษา", "เกษตรกรรม", "รับจ้างทั่วไป",
               "ค้าขาย/ธุรกิจส่วนตัว", "รับราชการ/รัฐวิสาหกิจ", "พนักงานบริษัท/ลูกจ้างเอกชน"]
NO_OCCUPATION, PUPIL = 0, 1
# Occupation of members 15-59 not in school, by group (THAI, HIGHLAND_*, MIGRANT), and of 60+.
WORKING_AGE_OCCUPATION = {"thai": [0.08, 0, 0.40, 0.28, 0.10, 0.06, 0.08],
                          "highland": [0.12, 0, 0.55, 0.28, 0.03, 0.01, 0.01],
                          "migrant": [0.05, 0, 0.20, 0.65, 0.05, 0, 0.05]}
ELDERLY_OCCUPATION = [0.55, 0, 0.33, 0.05, 0.07, 0, 0]
EDUCATION_LEVELS = ["ไม่ได้รับการศึกษา", "ก่อนประถมศึกษา", "ประถมศึกษา", "มัธยมศึกษาตอนต้น",
                    "มัธยมศึกษาตอนปลาย/ปวช.", "อนุปริญญา/ปวส.", "ปริญญาตรีขึ้นไป"]
# Highest level of adults (25+) by (citizen under 60, citizen 60+, highland, migrant).
ADULT_EDUCATION = [[0.02, 0, 0.30, 0.20, 0.28, 0.08, 0.12],
                   [0.15, 0, 0.70, 0.07, 0.05, 0.01, 0.02],
                   [0.35, 0, 0.40, 0.13, 0.09, 0.02, 0.01],
                   [0.25, 0, 0.45, 0.18, 0.09, 0.02, 0.01]]

# Household debt: not a BMN indicator, added as a province's own household survey might hold it.
# Plausible, not measured: about half the households owe, amounts log-normal around 100,000 baht,
# growing more slowly than income, so poorer households owe more relative to their income.
DEBT_SHARE = {"poor": 0.60, "other": 0.45}
DEBT_MEDIAN_BAHT = 100_000             # of a debtor household with DEBT_INCOME_BAHT a year
DEBT_INCOME_BAHT = 200_000
HOUSEHOLD_COLUMNS = (["household_id", "house_code", "house_no", "village_code", "survey_date",
                      "members", "income_per_person", "debt_baht"]
                     + [f"bmn{i:02d}" for i in range(1, len(BMN_INDICATORS) + 1)])
MEMBER_COLUMNS = ["household_id", "member_no", "citizen_id", "prename", "first_name", "last_name",
                  "sex", "birth_year", "relation", "occupation", "education"]


def write_family_welfare(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                         stage: Stage, n_households: int,
                         school: dict[str, np.ndarray]) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    """Write family_welfare/bmn_households.csv and bmn_members.csv; return (entries, truth).

    ``school``: the education truth (in_school, school_status per person).
    """
    pop, villages = province.population, province.villages
    weight = (np.select([pop.hh_kind == HH_MIGRANT, pop.hh_kind == HH_HIGHLAND], [0.03, 0.8], 1.0)
              * np.where(villages.kind[pop.hh_village] == TOWN, 0.3, 1.0))
    household = weighted_sample(rng, weight, n_households)
    sizes = pop.hh_size[household]
    of_household = np.repeat(np.arange(household.size), sizes)     # members -> surveyed household
    member = (np.repeat(pop.hh_first[household], sizes)              # all their persons
              + np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    age = pop.age()[member]
    studying = (school["in_school"] & (school["school_status"] == STATUSES[STUDYING]))[member]
    group = pop.group[member]
    occupation = _occupations(rng, group, age, studying)
    education = _education(rng, group, age, studying)
    indicators = _indicators(rng, pop, household, of_household, member, age, studying, occupation)
    debt = _debts(rng, pop, household)
    entries = [
        _write_households(rng, province, out_dir, stage.part(0, 0.4), household, indicators, debt),
        _write_members(rng, province, out_dir, stage.part(0.4, 1), member, occupation, education),
    ]
    surveyed = np.zeros(pop.size, dtype=bool)
    surveyed[member] = True
    return entries, {"bmn_household": surveyed}


def _occupations(rng, group, age, studying):
    """Occupation (index into OCCUPATIONS) of members of the given groups, ages, schooling."""
    group_class = np.select([group == MIGRANT, group >= HIGHLAND_CITIZEN], [2, 1], 0)
    working = np.array(list(WORKING_AGE_OCCUPATION.values()))[group_class]
    occupation = choose(rng, np.where((age >= 60)[:, None], ELDERLY_OCCUPATION, working))
    occupation[age < 15] = NO_OCCUPATION
    occupation[studying] = PUPIL
    return occupation


def _education(rng, group, age, studying):
    """Highest level reached (index into EDUCATION_LEVELS), from age and group."""
    adult_class = np.select([group == MIGRANT, group >= HIGHLAND_CITIZEN, age >= 60], [3, 2, 1], 0)
    level = choose(rng, np.array(ADULT_EDUCATION)[adult_class])
    # Children and young people: by age, a step lower for those not (or no longer) studying.
    by_age = np.select([age < 3, age <= 5, age <= 14, age <= 17, age <= 24], [0, 1, 2, 3, 4], -1)
    young = by_age >= 0
    level[young] = np.where(studying[young] | (by_age[young] <= 1), by_age[young],
                            np.maximum(by_age[young] - 1, 0))
    return level


def _indicators(rng, pop, household, of_household, member, age, studying, occupation):
    """Pass (1) or fail (0) of the 31 indicators for the given households, shape (n, 31).

    ``of_household``, ``age``, ``studying``, ``occupation``: per member (persons ``member``).
    """
    n = household.size

    def any_member(flag):
        return np.bincount(of_household, weights=flag, minlength=n) > 0

    head = pop.hh_first[household]
    poor = pop.hh_income[household] < POVERTY_LINE_BAHT
    # Deprivation: one latent score per household makes failures cluster as they do in life.
    z = (rng.normal(size=n) + 0.7 * (pop.hh_kind[household] == HH_HIGHLAND)
         + 0.8 * (pop.group[head] == HIGHLAND_STATELESS) + 0.8 * poor)
    u = rng.random((n, len(BMN_INDICATORS)))
    fail = np.zeros((n, len(BMN_INDICATORS)), dtype=bool)
    for k, base in enumerate(BASE_FAIL):
        if base is not None:
            fail[:, k] = u[:, k] < np.minimum(base * np.exp(0.9 * z - 0.4), 0.95)
    infant = any_member(age == 0)
    elderly = any_member(age >= 60)
    fail[:, 0] = infant & (u[:, 0] < 0.08)
    fail[:, 1] = infant & (u[:, 1] < 0.30)
    fail[:, 14] = any_member((age >= 3) & (age <= 5) & ~studying)
    fail[:, 15] = any_member((age >= 6) & (age <= 14) & ~studying)
    fail[:, 16] = any_member((age >= 15) & (age <= 17) & ~studying) & (u[:, 16] < 0.5)
    fail[:, 19] = any_member((age >= 15) & (age <= 59) & (occupation == NO_OCCUPATION))
    fail[:, 20] = any_member((age >= 60) & (occupation == NO_OCCUPATION)) & (u[:, 20] < 0.4)
    fail[:, 21] = poor
    fail[:, 26] = elderly & (u[:, 26] < 0.05 * np.exp(0.9 * z))
    fail[:, 27] = any_member(pop.disability[member]) & (u[:, 27] < 0.15)
    fail[:, 28] = any_member((pop.hiv | pop.mental_health)[member]) & (u[:, 28] < 0.15)
    return (~fail).astype(np.int8)


def _debts(rng, pop, household):
    """Debt in baht (0 for none, else rounded to 100) of the given households."""
    income = pop.hh_income[household] * pop.hh_size[household]
    poor = pop.hh_income[household] < POVERTY_LINE_BAHT
    owes = rng.random(household.size) < np.where(poor, DEBT_SHARE["poor"], DEBT_SHARE["other"])
    amount = (DEBT_MEDIAN_BAHT * np.sqrt(income / DEBT_INCOME_BAHT)
              * rng.lognormal(0.0, 0.9, size=household.size))
    return np.where(owes, np.maximum((amount / 100).round(), 10), 0).astype(np.int64) * 100


def _write_households(rng, province, out_dir, stage, household, indicators, debt):
    pop, year = province.population, province.data_year
    # Volunteers collect BMN data from January to April.
    sy, sm, sd = date_parts(random_dates(rng, household.size, f"{year}-01-01", f"{year}-04-30"))
    sy = sy + BE_OFFSET
    village_code = province.villages.code[pop.hh_village[household]]

    plan = FaultPlan(rng, household.size)
    rows = plan.take("blank_village")
    plan.replace("village_code", rows, [""] * rows.size)
    rows = plan.take("impossible_date")
    plan.replace("survey_date", rows, faults.impossible_dates(rng, sy[rows], "dd/mm/yyyy"))
    plan.duplicate()
    dates = faults.format_dates(sy, sm, sd, "dd/mm/yyyy")
    pass_fail = indicators.astype(str)

    def render(r):
        h = household[r]
        return ([pop.hh_id[h], pop.hh_house_code[h], pop.hh_house_no[h], village_code[r], dates[r],
                 pop.hh_size[h].astype(str), pop.hh_income[h].astype(str), debt[r].astype(str)]
                + [pass_fail[r, k] for k in range(pass_fail.shape[1])])

    path = "family_welfare/bmn_households.csv"
    n = write_csv(os.path.join(out_dir, path), HOUSEHOLD_COLUMNS, household.size, render, plan,
                  stage, ENCODING)
    return file_entry(path, SOURCE, "csv", ENCODING, n, HOUSEHOLD_COLUMNS, plan)


def _write_members(rng, province, out_dir, stage, member, occupation, education):
    pop, year = province.population, province.data_year
    birth_be = date_parts(pop.birth[member])[0] + BE_OFFSET

    plan = FaultPlan(rng, member.size)
    rows = plan.take("bad_check_digit", eligible=pop.thai_id[member] != "")
    plan.replace("citizen_id", rows, faults.bad_check_digits(rng, pop.thai_id[member[rows]]))
    rows = plan.take("future_year")
    plan.replace("birth_year", rows,
                 (year + BE_OFFSET + rng.integers(1, 4, size=rows.size)).astype(str).tolist())
    rows = plan.take("era_confusion")
    plan.replace("birth_year", rows, (birth_be[rows] - BE_OFFSET).astype(str).tolist())
    plan.duplicate()
    prenames, relations = np.array(PRENAMES, dtype=object), np.array(RELATIONS, dtype=object)
    occupations = np.array(OCCUPATIONS, dtype=object)
    levels = np.array(EDUCATION_LEVELS, dtype=object)

    def render(r):
        p = member[r]
        return [pop.hh_id[pop.household[p]], pop.member_no[p].astype(str), pop.thai_id[p],
                prenames[pop.prename[p]], pop.first_name[p], pop.last_name[p],
                np.where(pop.sex[p] == MALE, "ชาย", "หญิง"), birth_be[r].astype(str),
                relations[pop.relation[p]], occupations[occupation[r]], levels[education[r]]]

    path = "family_welfare/bmn_members.csv"
    n = write_csv(os.path.join(out_dir, path), MEMBER_COLUMNS, member.size, render, plan, stage,
                  ENCODING)
    return file_entry(path, SOURCE, "csv", ENCODING, n, MEMBER_COLUMNS, plan)
