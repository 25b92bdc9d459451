"""A realistic synthetic province: the agency export files, a truth file and a manifest.

``generate_sample_data`` is the one entry point (the ``trafficking:generatesampledata``
algorithm and scripts call it). It builds villages inside the given sub-districts and a
population in them (``population``), then writes what each agency would have exported
(``health``, ``education``, ``human_security``, ``family_welfare``)
with realistic faults (``sample_faults``). docs/sample_data.md describes every file.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.feedback import Feedback, NullFeedback
from ..core.geography import Subdistrict
from .activities import write_activities
from .cases import write_cases
from .common import Stage
from .education import DROPPED_OUT, PUPILS_AT_SCALE_1, STATUSES, STUDYING, write_education
from .family_welfare import HOUSEHOLDS_AT_SCALE_1, write_family_welfare
from .faults import FAULT_RATES
from .files import write_csv
from .health import write_health
from .human_security import CASES_AT_SCALE_1, old_place_names, write_human_security
from .network import write_network
from .population import (
    FEMALE,
    GROUPS,
    HIGHLAND_CITIZEN,
    HIGHLAND_STATELESS,
    POVERTY_LINE_BAHT,
    PRENAMES,
    RELATIONS,
    THAI,
    Population,
    SyntheticProvince,
    make_population,
    make_villages,
)
from .sin_space import TRUTH_COLUMNS as SIN_SPACE_TRUTH_COLUMNS
from .sin_space import write_sin_space

GENERATOR_VERSION = "1.5"   # 1.1: debt_baht, persona in the truth; 1.2: sin space survey;
#                             1.3: network directory and lessons-learned cases
#                             1.4: prevention activities (stream 9, after the others)
#                             1.5: village kinds follow geography; activities shift to the risk
PERSONS_AT_SCALE_1 = 1_800_000       # Chiang Mai's health (PERSON) records (issue 2)

TRUTH_COLUMNS = [
    "person_no", "id", "id_kind", "person_type", "group", "ethnicity", "sex", "birth_date",
    "prename", "first_name", "last_name", "relation", "household_id", "house_code",
    "village_code", "hospcode", "pid", "hid", "typearea", "income_per_person", "hiv",
    "mental_health", "teen_pregnancy", "violence", "disability", "away_for_work", "in_school",
    "school_code", "grade", "school_status", "welfare_cases", "bmn_household", "persona",
]
PERSONAS = ("high", "medium", "low")      # expected risk class of a plain profile (truth persona)
CASE_COLUMNS = ["case_no", "person_no", "problem"]


def generate_sample_data(subdistricts: Sequence[Subdistrict], out_dir: PathLike, scale: float = 1.0,
                         seed: int = 1, data_year: int = 2024, old_codes: PathLike | None = None,
                         feedback: Feedback | None = None) -> dict[str, Any]:
    """Write a synthetic province's agency files into ``out_dir``; return the manifest (a dict).

    ``subdistricts``: ``geography.Subdistrict`` records of one province. ``scale``: 1.0 gives
    Chiang Mai's volumes (1.8 million persons, 215,000 pupils, 22,000 welfare cases, 242,000
    surveyed households). ``seed``: same seed and inputs, same bytes. ``data_year``: Common Era.
    ``old_codes``: optional tambon code list in the kongvut format whose older spellings and
    districts some welfare cases use. ``feedback``: progress and cancel (a QgsProcessingFeedback
    fits); raises ``feedback.Canceled`` when the user cancels.
    """
    feedback = feedback or NullFeedback()
    province_code = _check_inputs(subdistricts, scale, data_year)
    streams = [np.random.Generator(np.random.PCG64(s))     # one stream a stage: stages independent
               for s in np.random.SeedSequence(seed).spawn(10)]
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)

    feedback.pushInfo(f"Placing villages in {len(subdistricts)} sub-districts")
    villages = make_villages(streams[0], subdistricts, feedback)
    _write_villages(os.path.join(out_dir, "villages.geojson"), villages, subdistricts)
    n_persons = max(1, round(PERSONS_AT_SCALE_1 * scale))
    feedback.pushInfo(f"Building {n_persons:,} persons in households")
    population = make_population(streams[1], n_persons, villages, subdistricts, data_year, feedback)
    province = SyntheticProvince(subdistricts, villages, population, data_year, province_code)
    feedback.setProgress(6)

    # Progress shares follow the stages' times at SCALE=1: the roster and truth files are slowest.
    feedback.pushInfo("Writing health files")
    health, truth = write_health(streams[2], province, out_dir, Stage(feedback, 6, 25))
    feedback.pushInfo("Writing the school roster")
    roster, school = write_education(streams[3], province, out_dir, Stage(feedback, 25, 55),
                                     round(PUPILS_AT_SCALE_1 * scale))
    truth.update(school)
    feedback.pushInfo("Writing welfare cases")
    old_names = old_place_names(subdistricts, old_codes) if old_codes else {}
    dropout = school["school_status"] == STATUSES[DROPPED_OUT]
    cases_file, welfare, cases = write_human_security(
        streams[4], province, out_dir, Stage(feedback, 55, 56), round(CASES_AT_SCALE_1 * scale),
        old_names, dropout)
    truth.update(welfare)
    feedback.pushInfo("Writing the basic minimum needs survey")
    bmn, surveyed = write_family_welfare(streams[5], province, out_dir, Stage(feedback, 56, 65),
                                         round(HOUSEHOLDS_AT_SCALE_1 * scale), school)
    truth.update(surveyed)
    # Stream 6 is new: the streams before it, and so the agency files, are what they were.
    feedback.pushInfo("Writing the sin space establishments survey")
    sin_space = write_sin_space(streams[6], province, out_dir, Stage(feedback, 65, 66), scale)

    truth["persona"] = personas(population, truth)
    # Streams 7 and 8 are new too (spawned children do not depend on how many are spawned).
    feedback.pushInfo("Writing the network directory and lessons-learned cases")
    network, organizations = write_network(streams[7], province, out_dir, Stage(feedback, 66, 66.5))
    lessons = write_cases(streams[8], province, truth, organizations, out_dir,
                          Stage(feedback, 66.5, 67))
    # Stream 9 is new: the files above are what they were.
    feedback.pushInfo("Writing the prevention activities")
    activities = write_activities(streams[9], province, truth, organizations, out_dir,
                                  Stage(feedback, 67, 67))   # seconds: no share of its own

    feedback.pushInfo("Writing the truth files and the manifest")
    truth_files = [
        _write_truth_persons(out_dir, province, truth, Stage(feedback, 67, 99)),
        _write_truth_cases(out_dir, cases, Stage(feedback, 99, 100)),
    ]
    manifest = {
        "generator": "trafficking_plugin.sample.generator",
        "generator_version": GENERATOR_VERSION,
        "seed": int(seed), "scale": float(scale), "data_year": int(data_year),
        "province_code": province_code, "province_name_th": subdistricts[0].province_name_th,
        "counts": {"subdistricts": len(subdistricts), "villages": int(villages.code.size),
                   "households": int(population.hh_size.size), "persons": int(population.size),
                   "personas": {p: int((truth["persona"] == p).sum()) for p in PERSONAS}},
        "villages": {"path": "villages.geojson", "format": "geojson", "crs": "EPSG:4326",
                     "features": int(villages.code.size)},
        "files": health + [roster, cases_file] + bmn,
        # Not in "files": those are agency files for importsecondarydata; this is importsinspace's.
        "sin_space": sin_space,
        # Network and cases: for cases.load_sample, not agency files either.
        "network": network,
        "cases": {k: v for k, v in lessons.items() if k != "truth"},
        # Prevention activities of three years, for trafficking:importactivities.
        "activities": activities,
        "truth": truth_files + [{"path": sin_space["truth"], "format": "csv", "encoding": "utf-8",
                                 "rows": sin_space["rows"], "columns": SIN_SPACE_TRUTH_COLUMNS},
                                lessons["truth"]],
        "fault_rates": FAULT_RATES,
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    feedback.setProgress(100)
    return manifest


def _check_inputs(subdistricts, scale, data_year):
    """The province code of ``subdistricts``, after checking the arguments make sense."""
    if not subdistricts:
        raise ValueError("no sub-districts given")
    provinces = sorted({s.province_code for s in subdistricts})
    if len(provinces) != 1:
        raise ValueError(f"sub-districts of one province expected, got provinces {provinces}")
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    if not 1990 <= data_year <= 2100:
        raise ValueError(f"data_year is a Common Era year such as 2024, got {data_year}")
    return provinces[0]


def _write_villages(path, villages, subdistricts):
    """villages.geojson: one point feature per village (EPSG:4326, the GeoJSON default)."""
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [round(x, 6), round(y, 6)]},
         "properties": {"village_code": code, "village_name_th": name,
                        "subdistrict_code": subdistricts[s].code, "moo": moo}}
        for code, name, s, moo, x, y in zip(
            villages.code.tolist(), villages.name_th.tolist(), villages.subdistrict.tolist(),
            villages.moo.tolist(), villages.lon.tolist(), villages.lat.tolist())]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
        f.write("\n")


def personas(pop: Population, truth: dict[str, np.ndarray]) -> np.ndarray:
    """Each person's persona: the risk class a plain true profile makes obvious ("" for most).

    high: a stateless highland girl of 13-17 with an ID (records link), out of school, in a poor
    household the BMN survey visited; medium: a highland citizen of 15-17 at school, poor,
    surveyed, without conditions, work away or welfare case; low: a Thai child of 7-14 at school
    in a household at twice the poverty line, surveyed, where nobody has a condition or works away.
    """
    age, income = pop.age(), pop.hh_income[pop.household]
    conditions = pop.hiv | pop.mental_health | pop.teen_pregnancy | pop.violence | pop.disability
    studying = truth["in_school"] & (truth["school_status"] == STATUSES[STUDYING])
    out_of_school = ~truth["in_school"] | (truth["school_status"] == STATUSES[DROPPED_OUT])
    surveyed, no_case = truth["bmn_household"], truth["welfare_cases"] == 0
    quiet = ~conditions & ~pop.away_for_work & no_case
    household_troubled = np.bincount(pop.household, weights=conditions | pop.away_for_work,
                                     minlength=pop.hh_size.size) > 0
    high = ((pop.sex == FEMALE) & (age >= 13) & (age <= 17) & (pop.group == HIGHLAND_STATELESS)
            & np.isin(pop.person_type, (0, 6, 7)) & out_of_school
            & (income < POVERTY_LINE_BAHT) & surveyed)
    medium = ((pop.group == HIGHLAND_CITIZEN) & (age >= 15) & (age <= 17) & studying
              & (income < POVERTY_LINE_BAHT) & surveyed & quiet)
    low = ((pop.group == THAI) & (age >= 7) & (age <= 14) & studying
           & (income >= 2 * POVERTY_LINE_BAHT) & surveyed & quiet
           & ~household_troubled[pop.household])
    return np.select([high, medium, low], list(PERSONAS), "").astype(object)


def _write_truth_persons(out_dir, province, truth, stage):
    """truth/persons.csv.gz: who each synthetic person really is, for tests of later steps."""
    pop, villages = province.population, province.villages
    groups, prenames = np.array(GROUPS, dtype=object), np.array(PRENAMES, dtype=object)
    relations = np.array(RELATIONS, dtype=object)

    def flag(values):
        return np.asarray(values).astype(np.int8).astype(str)

    def render(r):
        h = pop.household[r]
        thai_id, g_code = pop.thai_id[r], truth["g_code"][r]
        id_kind = np.select([thai_id != "", g_code != ""], ["thai_id", "g_code"], "none")
        return [(r + 1).astype(str), np.where(thai_id != "", thai_id, g_code), id_kind,
                pop.person_type[r].astype(str), groups[pop.group[r]], pop.ethnicity[r],
                pop.sex[r].astype(str), pop.birth[r].astype(str),
                prenames[pop.prename[r]], pop.first_name[r], pop.last_name[r],
                relations[pop.relation[r]], pop.hh_id[h], pop.hh_house_code[h],
                villages.code[pop.hh_village[h]], truth["hospcode"][r], truth["pid"][r].astype(str),
                truth["hid"][r].astype(str), truth["typearea"][r].astype(str),
                pop.hh_income[h].astype(str), flag(pop.hiv[r]), flag(pop.mental_health[r]),
                flag(pop.teen_pregnancy[r]), flag(pop.violence[r]), flag(pop.disability[r]),
                flag(pop.away_for_work[r]), flag(truth["in_school"][r]), truth["school_code"][r],
                truth["grade"][r], truth["school_status"][r], truth["welfare_cases"][r].astype(str),
                flag(truth["bmn_household"][r]), truth["persona"][r]]

    path = "truth/persons.csv.gz"
    rows = write_csv(os.path.join(out_dir, path), TRUTH_COLUMNS, pop.size, render, None, stage)
    return {"path": path, "format": "csv", "compression": "gzip", "encoding": "utf-8",
            "rows": rows, "columns": TRUTH_COLUMNS}


def _write_truth_cases(out_dir, cases, stage):
    """truth/welfare_cases.csv: the person behind each welfare case number."""
    path = "truth/welfare_cases.csv"
    columns = [np.asarray(cases[c]).astype(str) for c in CASE_COLUMNS]
    rows = write_csv(os.path.join(out_dir, path), CASE_COLUMNS, columns[0].size,
                     lambda r: [c[r] for c in columns], None, stage)
    return {"path": path, "format": "csv", "encoding": "utf-8", "rows": rows, "columns": CASE_COLUMNS}
