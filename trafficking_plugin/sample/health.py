"""Health (source id ``health``): PERSON, HOME and DIAGNOSIS_OPD in the style of the 43 files.

The Public Health Ministry's "43 files" (43 แฟ้ม) are the standard exports of every health unit:
one row per person, per house, per diagnosis. We write a subset of their columns with their codes:
CID 13 digits, SEX 1/2, dates yyyymmdd in Common Era, NATION and RACE as ``cnation`` codes,
TAMBON/AMPUR/CHANGWAT as two digits each, ICD-10 codes without the dot. Each sub-district has
one health unit (HOSPCODE); PID and HID are that unit's own person and house numbers.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.thai_calendar import BE_OFFSET
from . import faults as faults
from .common import Stage, date_parts, fixed_text, random_dates
from .faults import FaultPlan
from .files import file_entry, write_csv
from .population import HIGHLAND_CITIZEN, HIGHLAND_STATELESS, MALE, MIGRANT, PRENAMES, TOWN, SyntheticProvince

SOURCE = "health"

# PRENAME: the MOPH prefix-code table, in population.PRENAMES order
# (001 เด็กชาย, 002 เด็กหญิง, 003 นาย, 004 นางสาว, 005 นาง).
PRENAME_CODES = np.array(["001", "002", "003", "004", "005"])
assert len(PRENAME_CODES) == len(PRENAMES)

# cnation codes used in NATION (../shared/data/codes/th_moph_nationality_cnation.csv):
# 099 Thai; 096 stateless, 098 not of Thai nationality, 989 without registration status;
# 264/265/266 Cambodian/Myanmar/Lao migrant workers (the "(แรงงาน)" codes); 048/056/057 the
# plain nationalities; highland ethnic codes 025, 036, 071, 072, 082, 083.
NO_STATUS_CODES = ["096", "098", "989"]
WORKER_CODES = {"048": "265", "056": "266", "057": "264"}

# ICD-10 codes written (WHO ICD-10; the 43 files drop the dot: J06.9 -> J069).
COMMON_DIAGNOSES = {           # code: relative frequency among ordinary visits
    "J00": 8, "J069": 10, "K297": 5, "I10": 8, "E119": 6, "M545": 6, "R51": 3, "A09": 4,
    "K021": 3, "Z000": 5, "R509": 3, "L309": 3,
}
HIV_DIAGNOSES = ["B24", "B238", "B200", "Z21"]                # HIV disease, HIV status
MENTAL_DIAGNOSES = ["F329", "F411", "F209", "F431"]
SUBSTANCE_DIAGNOSES = ["F102", "F152"]        # alcohol, methamphetamine (F15: other stimulants)
SUBSTANCE_SEEN = 0.3                          # users whose use a health unit records in the year
TEEN_PREGNANCY_DIAGNOSES = ["O210", "O200", "O064", "O800"]   # with Z356: very young primigravida
ABUSE_DIAGNOSES = ["T741", "T742", "T743"]                   # physical, sexual, psychological
PERPETRATOR_CODES = ["Y070", "Y071", "Y078"]                 # spouse, parent, other (DIAGTYPE 5)
# Z55-Z65: socioeconomic hazards noted as other diagnoses (DIAGTYPE 4).
EXTREME_POVERTY, ACCULTURATION, PARENTAL_SUPERVISION = "Z595", "Z603", "Z620"
KNOWN_DIAGNOSES = sorted(set(COMMON_DIAGNOSES) | set(HIV_DIAGNOSES) | set(MENTAL_DIAGNOSES)
                         | set(SUBSTANCE_DIAGNOSES)
                         | set(TEEN_PREGNANCY_DIAGNOSES) | set(ABUSE_DIAGNOSES)
                         | set(PERPETRATOR_CODES)
                         | {"Z356", "Z349", EXTREME_POVERTY, ACCULTURATION, PARENTAL_SUPERVISION})

PERSON_COLUMNS = ["HOSPCODE", "CID", "PID", "HID", "PRENAME", "NAME", "LNAME", "SEX", "BIRTH",
                  "MSTATUS", "RACE", "NATION", "TYPEAREA", "D_UPDATE"]
HOME_COLUMNS = ["HOSPCODE", "HID", "HOUSE_ID", "HOUSE", "VILLAGE", "TAMBON", "AMPUR", "CHANGWAT",
                "LATITUDE", "LONGITUDE", "NFAMILY", "LOCATYPE", "HEADID", "D_UPDATE"]
DIAGNOSIS_COLUMNS = ["HOSPCODE", "PID", "SEQ", "DATE_SERV", "DIAGTYPE", "DIAGCODE", "D_UPDATE"]


def write_health(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                 stage: Stage) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    """Write health/PERSON.csv, HOME.csv and DIAGNOSIS_OPD.csv; return (manifest entries, truth)."""
    pop = province.population
    sub = province.person_subdistrict()
    hospcodes = fixed_text(len(province.subdistricts), (
        np.sort(rng.choice(np.arange(1, 100_000), size=len(province.subdistricts), replace=False)), 5))
    # Persons and households come grouped by sub-district, so numbering restarts at each unit.
    pid = np.arange(pop.size) - np.searchsorted(sub, sub) + 1
    hh_sub = sub[pop.hh_first]
    hid = np.arange(hh_sub.size) - np.searchsorted(hh_sub, hh_sub) + 1
    typearea = _typearea(rng, pop)
    entries = [
        _write_person(rng, province, out_dir, stage.part(0, 0.6), hospcodes[sub], pid, hid, typearea),
        _write_home(rng, province, out_dir, stage.part(0.6, 0.75), hospcodes[hh_sub], hid, pid),
        _write_diagnoses(rng, province, out_dir, stage.part(0.75, 1), hospcodes[sub], pid, sub),
    ]
    truth = {"hospcode": hospcodes[sub], "pid": pid, "hid": hid[pop.household],
             "typearea": typearea}
    return entries, truth


def _typearea(rng, pop):
    """43-file TYPEAREA: 1 registered and living here, 2 registered here but living elsewhere,
    3 living here but registered elsewhere (or nowhere, as for most migrant workers)."""
    u = rng.random(pop.size)
    return np.select([pop.away_for_work, pop.group == MIGRANT, u < 0.04], [2, 3, 3], 1)


def _nation(rng, pop):
    """NATION as health units fill it: Thai citizens 099, but highland people often get their
    ethnic code, people without status one of the no-status codes, migrant workers the worker code."""
    u = rng.random(pop.size)
    nation = np.full(pop.size, "099", dtype="U3")
    citizen = pop.group == HIGHLAND_CITIZEN
    nation[citizen & (u < 0.4)] = pop.ethnicity[citizen & (u < 0.4)]
    stateless = pop.group == HIGHLAND_STATELESS
    nation[stateless] = rng.choice(NO_STATUS_CODES, size=stateless.sum())
    nation[stateless & (u < 0.3)] = pop.ethnicity[stateless & (u < 0.3)]
    migrant = pop.group == MIGRANT
    nation[migrant] = [WORKER_CODES[c] for c in pop.ethnicity[migrant]]
    nation[migrant & (u < 0.2)] = pop.ethnicity[migrant & (u < 0.2)]
    return nation


def _update_stamps(rng, n, data_year):
    """D_UPDATE: yyyymmddhhmmss, some time in the data year."""
    year, month, day = date_parts(random_dates(rng, n, f"{data_year}-01-01", f"{data_year}-12-31"))
    clock = rng.integers(0, 86_400, size=n)
    return fixed_text(n, (year, 4), (month, 2), (day, 2),
                      (clock // 3600, 2), (clock // 60 % 60, 2), (clock % 60, 2))


def _write_person(rng, province, out_dir, stage, hospcode, pid, hid, typearea):
    pop, year = province.population, province.data_year
    by, bm, bd = date_parts(pop.birth)
    nation = _nation(rng, pop)
    ages = pop.age()
    widowed = ~pop.married & (ages >= 60) & (rng.random(pop.size) < 0.6)
    mstatus = np.select([pop.married, widowed], ["2", "3"], "1")
    stamps = _update_stamps(rng, pop.size, year)

    plan = FaultPlan(rng, pop.size)
    rows = plan.take("bad_check_digit", eligible=pop.thai_id != "")
    plan.replace("CID", rows, faults.bad_check_digits(rng, pop.thai_id[rows]))
    rows = plan.take("impossible_date")
    plan.replace("BIRTH", rows, faults.impossible_dates(rng, by[rows], "yyyymmdd"))
    rows = plan.take("future_year")
    plan.replace("BIRTH", rows, faults.shifted_years(
        by[rows], bm[rows], bd[rows], year + rng.integers(1, 4, size=rows.size) - by[rows], "yyyymmdd"))
    rows = plan.take("era_confusion")
    plan.replace("BIRTH", rows, faults.shifted_years(by[rows], bm[rows], bd[rows], BE_OFFSET, "yyyymmdd"))
    rows = plan.take("unknown_code")
    plan.replace("NATION", rows, rng.choice(faults.UNKNOWN_NATION_CODES, size=rows.size).tolist())
    plan.duplicate()

    def render(r):
        return [hospcode[r], pop.thai_id[r], pid[r].astype(str), hid[pop.household[r]].astype(str),
                PRENAME_CODES[pop.prename[r]], pop.first_name[r], pop.last_name[r],
                np.where(pop.sex[r] == MALE, "1", "2"), faults.format_dates(by[r], bm[r], bd[r], "yyyymmdd"),
                mstatus[r], pop.ethnicity[r], nation[r], typearea[r].astype(str), stamps[r]]

    path = "health/PERSON.csv"
    n = write_csv(os.path.join(out_dir, path), PERSON_COLUMNS, pop.size, render, plan, stage)
    return file_entry(path, SOURCE, "csv", "utf-8", n, PERSON_COLUMNS, plan)


def _write_home(rng, province, out_dir, stage, hospcode, hid, pid):
    pop, villages = province.population, province.villages
    village = pop.hh_village
    # Village code PPDDTTMM -> CHANGWAT, AMPUR, TAMBON, VILLAGE of two digits each.
    code_parts = villages.code.astype("S8").view("S2").reshape(-1, 4).astype("U2")[village]
    # Houses scatter around the village point (about 300 m).
    lat = villages.lat[village] + rng.normal(0, 0.003, size=village.size)
    lon = villages.lon[village] + rng.normal(0, 0.003, size=village.size)
    stamps = _update_stamps(rng, village.size, province.data_year)
    locatype = np.where(villages.kind[village] == TOWN, "1", "2")   # 1 municipal, 2 outside

    plan = FaultPlan(rng, village.size)
    rows = plan.take("blank_village")
    plan.replace("VILLAGE", rows, [""] * rows.size)
    plan.duplicate()

    def render(r):
        return [hospcode[r], hid[r].astype(str), pop.hh_house_code[r], pop.hh_house_no[r],
                code_parts[r, 3], code_parts[r, 2], code_parts[r, 1], code_parts[r, 0],
                np.char.mod("%.6f", lat[r]), np.char.mod("%.6f", lon[r]),
                np.ones(r.size, dtype=int).astype(str), locatype[r], pid[pop.hh_first[r]].astype(str),
                stamps[r]]

    path = "health/HOME.csv"
    n = write_csv(os.path.join(out_dir, path), HOME_COLUMNS, village.size, render, plan, stage)
    return file_entry(path, SOURCE, "csv", "utf-8", n, HOME_COLUMNS, plan)


def _write_diagnoses(rng, province, out_dir, stage, hospcode, pid, sub):
    """Outpatient visits: ordinary illness for everyone, plus visits that reveal a condition."""
    pop, year = province.population, province.data_year
    ages = pop.age()
    everyone = np.arange(pop.size)
    rate = np.select([ages < 5, ages >= 60], [0.5, 0.6], 0.25) * np.where(pop.group == MIGRANT, 0.5, 1)
    common = list(COMMON_DIAGNOSES)
    weights = np.array(list(COMMON_DIAGNOSES.values()), dtype=float)

    def visits_of(persons, repeats, codes, p=None):
        persons = np.repeat(persons, repeats)
        return persons, rng.choice(np.array(codes, dtype=object), size=persons.size, p=p)

    parts = [
        visits_of(everyone, rng.poisson(rate), common, weights / weights.sum()),
        visits_of(everyone[pop.hiv], 3, HIV_DIAGNOSES),
        visits_of(everyone[pop.mental_health], 2, MENTAL_DIAGNOSES),
        visits_of(everyone[pop.substance_use & (rng.random(pop.size) < SUBSTANCE_SEEN)], 1,
                  SUBSTANCE_DIAGNOSES),
        visits_of(everyone[pop.teen_pregnancy], 1, TEEN_PREGNANCY_DIAGNOSES),
        visits_of(everyone[pop.teen_pregnancy], 2, ["Z356"]),
        visits_of(everyone[pop.violence], 1, ABUSE_DIAGNOSES),
    ]
    person = np.concatenate([p for p, _ in parts])
    code = np.concatenate([c for _, c in parts])
    date = random_dates(rng, person.size, f"{year}-01-01", f"{year}-12-31")
    order = np.lexsort((person, date, sub[person]))          # by unit, then by day
    person, code, date = person[order], code[order], date[order]
    vsub = sub[person]
    seq = np.arange(person.size) - np.searchsorted(vsub, vsub) + 1

    # Other diagnoses on the same visit: who did it (abuse), and social circumstances.
    ages_v, poor_v = ages[person], pop.poor()[person]
    outsider = np.isin(pop.group[person], [HIGHLAND_STATELESS, MIGRANT])
    u = rng.random(person.size)
    social = np.select(
        [np.isin(code, ABUSE_DIAGNOSES), poor_v & (ages_v < 15) & (u < 0.05), poor_v & (u < 0.05),
         outsider & (u < 0.08)],
        [rng.choice(PERPETRATOR_CODES, size=person.size), PARENTAL_SUPERVISION, EXTREME_POVERTY,
         ACCULTURATION], "")
    second = np.flatnonzero(social != "")
    visit = np.concatenate([np.arange(person.size), second])
    diagtype = np.concatenate([np.ones(person.size, dtype=int),
                               np.where(np.isin(code[second], ABUSE_DIAGNOSES), 5, 4)])
    diagcode = np.concatenate([code, social[second].astype(object)])
    order = np.lexsort((diagtype, visit))
    visit, diagtype, diagcode = visit[order], diagtype[order], diagcode[order]
    year_v, month_v, day_v = date_parts(date)
    dates = faults.format_dates(year_v, month_v, day_v, "yyyymmdd")
    stamps = np.char.add(dates, fixed_text(person.size, (rng.integers(8, 17, size=person.size), 2), "0000"))

    plan = FaultPlan(rng, visit.size)
    rows = plan.take("impossible_date")
    plan.replace("DATE_SERV", rows, faults.impossible_dates(rng, year_v[visit[rows]], "yyyymmdd"))
    rows = plan.take("unknown_code")
    plan.replace("DIAGCODE", rows, rng.choice(faults.UNKNOWN_DIAG_CODES, size=rows.size).tolist())
    plan.duplicate()

    def render(r):
        v = visit[r]
        return [hospcode[person[v]], pid[person[v]].astype(str), seq[v].astype(str), dates[v],
                diagtype[r].astype(str), diagcode[r], stamps[v]]

    path = "health/DIAGNOSIS_OPD.csv"
    n = write_csv(os.path.join(out_dir, path), DIAGNOSIS_COLUMNS, visit.size, render, plan, stage)
    return file_entry(path, SOURCE, "csv", "utf-8", n, DIAGNOSIS_COLUMNS, plan)
