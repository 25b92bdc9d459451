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
from .border import distance_km, line_km
from .cases import is_labour, outcome_scenarios
from .common import fixed_text
from .education import DROPPED_OUT, STATUSES, write_education
from .family_welfare import HOUSEHOLDS_AT_SCALE_1, write_family_welfare
from .faults import FAULT_RATES
from .files import write_csv
from .health import write_health
from .human_security import CASES_AT_SCALE_1, old_place_names, write_human_security, write_later_cases
from .latent import OUTCOME_YEARS, latent_risk
from .network import write_network
from .population import (
    GROUPS,
    PRENAMES,
    RELATIONS,
    SyntheticProvince,
    make_population,
    make_villages,
)
from .sin_space import TRUTH_COLUMNS as SIN_SPACE_TRUTH_COLUMNS
from .sin_space import write_sin_space

GENERATOR_VERSION = "2.0"   # 1.1: debt_baht, persona in the truth; 1.2: sin space survey;
#                             1.3: network directory and lessons-learned cases
#                             1.4: prevention activities (stream 9, after the others)
#                             1.5: village kinds follow geography; activities shift to the risk
#                             2.0: an honest world (issue 16): latent risk from cited factors,
#                                  outcomes in the two years after the data year drawn from it
#                                  (cases, later welfare files, truth/persons.csv, villages.csv);
#                                  school roster = children who attend; cited teen pregnancy,
#                                  statelessness, nine hill-tribe groups, age pyramid; the real
#                                  border and its crossings; no personas
PERSONS_AT_SCALE_1 = 1_800_000       # Chiang Mai's health (PERSON) records (issue 2)

TRUTH_COLUMNS = [
    "person_no", "id", "id_kind", "person_type", "group", "ethnicity", "sex", "birth_date",
    "prename", "first_name", "last_name", "relation", "household_id", "house_code",
    "village_code", "hospcode", "pid", "hid", "typearea", "income_per_person", "hiv",
    "mental_health", "teen_pregnancy", "violence", "disability", "away_for_work", "substance_use",
    "in_school", "school_code", "grade", "school_status", "welfare_cases", "bmn_household",
    "recruiter_in_network", "peers_migrated", "relative_trafficked", "latent_risk",
    "outcome_year", "outcome_recorded", "outcome_scenario",
]
# truth/persons.csv and truth/villages.csv: what a validation of the risk index reads.
PERSON_OUTCOME_COLUMNS = ["person_id", "village_code", "latent_risk", "outcome_year", "recorded",
                          "person_no"]
VILLAGE_OUTCOME_COLUMNS = ["village_code", "persons", "latent_risk_mean", "outcomes",
                           "recorded_outcomes", "km_to_border"]
CASE_COLUMNS = ["case_no", "person_no", "problem"]


def generate_sample_data(subdistricts: Sequence[Subdistrict], out_dir: PathLike, scale: float = 1.0,
                         seed: int = 1, data_year: int = 2024, old_codes: PathLike | None = None,
                         feedback: Feedback | None = None,
                         border: Sequence[Sequence[tuple[float, float]]] | None = None) -> dict[str, Any]:
    """Write a synthetic province's agency files into ``out_dir``; return the manifest (a dict).

    ``subdistricts``: ``geography.Subdistrict`` records of one province. ``scale``: 1.0 gives
    Chiang Mai's volumes (1.8 million persons, 22,000 welfare cases, 242,000 surveyed
    households; the school roster holds the children who attend). ``seed``: same seed and
    inputs, same bytes. ``data_year``: Common Era. ``old_codes``: optional tambon code list in
    the kongvut format whose older spellings and districts some welfare cases use. ``feedback``:
    progress and cancel (a QgsProcessingFeedback fits); raises ``feedback.Canceled`` when the user
    cancels. ``border``: the province's international border as lines of (lon, lat)
    (``border.international_border`` of the sub-districts and their neighbours); None or empty:
    the province has none, so no border crossings and no one lives near a border.
    """
    feedback = feedback or NullFeedback()
    province_code = _check_inputs(subdistricts, scale, data_year)
    # One stream a stage: stages independent (spawned children do not depend on how many).
    streams = [np.random.Generator(np.random.PCG64(s))
               for s in np.random.SeedSequence(seed).spawn(12)]
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    border = [list(line) for line in (border or []) if len(line) >= 2]

    feedback.pushInfo(f"Placing villages in {len(subdistricts)} sub-districts")
    villages = make_villages(streams[0], subdistricts, feedback)
    _write_villages(os.path.join(out_dir, "villages.geojson"), villages, subdistricts)
    n_persons = max(1, round(PERSONS_AT_SCALE_1 * scale))
    feedback.pushInfo(f"Building {n_persons:,} persons in households")
    population = make_population(streams[1], n_persons, villages, subdistricts, data_year, feedback)
    province = SyntheticProvince(subdistricts, villages, population, data_year, province_code, border)
    feedback.setProgress(6)

    # Progress shares follow the stages' times at SCALE=1: the roster and truth files are slowest.
    feedback.pushInfo("Writing health files")
    health, truth = write_health(streams[2], province, out_dir, Stage(feedback, 6, 25))
    feedback.pushInfo("Writing the school roster")
    roster, school = write_education(streams[3], province, out_dir, Stage(feedback, 25, 55))
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
    feedback.pushInfo("Writing the sin space establishments survey")
    sin_space = write_sin_space(streams[6], province, out_dir, Stage(feedback, 65, 66), scale)

    feedback.pushInfo("Drawing the latent risk and the outcomes of the following years")
    village_border_km = distance_km(villages.lon, villages.lat, border)
    latent = latent_risk(streams[10], province, school, village_border_km)
    scenario = outcome_scenarios(streams[10], province, latent.outcome_year)
    outcome_years = [data_year + 1 + k for k in range(OUTCOME_YEARS)]
    later = write_later_cases(streams[11], province, out_dir, Stage(feedback, 66, 66.2),
                              latent.recorded, latent.outcome_year, is_labour(scenario), old_names,
                              outcome_years)
    feedback.pushInfo("Writing the network directory and lessons-learned cases")
    network, organizations = write_network(streams[7], province, out_dir, Stage(feedback, 66.2, 66.5))
    lessons = write_cases(streams[8], province, truth, organizations, out_dir,
                          Stage(feedback, 66.5, 67), latent.recorded, latent.outcome_year, scenario)
    feedback.pushInfo("Writing the prevention activities")
    activities = write_activities(streams[9], province, latent.risk, organizations, out_dir,
                                  Stage(feedback, 67, 67))   # seconds: no share of its own

    feedback.pushInfo("Writing the truth files and the manifest")
    truth.update({"latent": latent, "scenario": scenario})
    truth_files = [
        _write_truth_persons(out_dir, province, truth, Stage(feedback, 67, 90)),
        _write_person_outcomes(out_dir, province, truth, Stage(feedback, 90, 99)),
        _write_village_outcomes(out_dir, province, latent, village_border_km),
        _write_truth_cases(out_dir, cases, Stage(feedback, 99, 100)),
    ]
    manifest = {
        "generator": "trafficking_plugin.sample.generator",
        "generator_version": GENERATOR_VERSION,
        "seed": int(seed), "scale": float(scale), "data_year": int(data_year),
        "province_code": province_code, "province_name_th": subdistricts[0].province_name_th,
        "counts": {"subdistricts": len(subdistricts), "villages": int(villages.code.size),
                   "households": int(population.hh_size.size), "persons": int(population.size),
                   "outcomes": {str(y): int((latent.outcome_year == y).sum()) for y in outcome_years},
                   "recorded_outcomes": {str(y): int((latent.recorded & (latent.outcome_year == y)).sum())
                                         for y in outcome_years}},
        "border": {"km": round(line_km(border), 1), "lines": len(border)},
        "villages": {"path": "villages.geojson", "format": "geojson", "crs": "EPSG:4326",
                     "features": int(villages.code.size)},
        "files": health + [roster, cases_file] + bmn,
        # The welfare office's cases of the years after the data year (recorded outcomes), each
        # to import with its own data year: not in "files", which all belong to the data year.
        "later_files": later,
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


def _write_truth_persons(out_dir, province, truth, stage):
    """truth/persons.csv.gz: who each synthetic person really is, for tests of later steps."""
    pop, villages = province.population, province.villages
    groups, prenames = np.array(GROUPS, dtype=object), np.array(PRENAMES, dtype=object)
    relations = np.array(RELATIONS, dtype=object)
    latent = truth["latent"]
    risk_text, years = risk_texts(latent.risk), year_texts(latent.outcome_year)

    def flag(values):
        return np.where(values, "1", "0")

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
                flag(pop.away_for_work[r]), flag(pop.substance_use[r]), flag(truth["in_school"][r]),
                truth["school_code"][r], truth["grade"][r], truth["school_status"][r],
                truth["welfare_cases"][r].astype(str), flag(truth["bmn_household"][r]),
                flag(latent.factors["recruiter_in_network"][r]), flag(latent.factors["peers_migrated"][r]),
                flag(latent.factors["relative_trafficked"][r]), risk_text[r], years[r],
                flag(latent.recorded[r]), truth["scenario"][r]]

    path = "truth/persons.csv.gz"
    rows = write_csv(os.path.join(out_dir, path), TRUTH_COLUMNS, pop.size, render, None, stage)
    return {"path": path, "format": "csv", "compression": "gzip", "encoding": "utf-8",
            "rows": rows, "columns": TRUTH_COLUMNS}


def risk_texts(risk: np.ndarray) -> np.ndarray:
    """Probabilities as text with 8 decimals ("0.00012345"), without a Python loop."""
    return fixed_text(risk.size, "0.", (np.clip(np.round(risk * 1e8), 0, 1e8 - 1).astype(np.int64), 8))


def year_texts(years: np.ndarray) -> np.ndarray:
    """Years as text, "" for 0."""
    return np.where(years > 0, years.astype(str), "")


def _write_person_outcomes(out_dir, province, truth, stage):
    """truth/persons.csv: each person's ID, village, latent risk and outcome year."""
    pop, villages, latent = province.population, province.villages, truth["latent"]
    number = np.arange(1, pop.size + 1)
    numbered = np.char.add("P", number.astype(str))
    person_id = np.where(pop.thai_id != "", pop.thai_id,
                         np.where(truth["g_code"] != "", truth["g_code"], numbered))
    village = villages.code[pop.hh_village[pop.household]]
    risk, years = risk_texts(latent.risk), year_texts(latent.outcome_year)
    recorded = np.where(latent.outcome_year > 0, latent.recorded.astype(np.int8).astype(str), "")

    def render(r):
        return [person_id[r], village[r], risk[r], years[r], recorded[r], number[r].astype(str)]

    path = "truth/persons.csv"
    rows = write_csv(os.path.join(out_dir, path), PERSON_OUTCOME_COLUMNS, pop.size, render, None, stage)
    return {"path": path, "format": "csv", "encoding": "utf-8", "rows": rows,
            "columns": PERSON_OUTCOME_COLUMNS}


def _write_village_outcomes(out_dir, province, latent, border_km):
    """truth/villages.csv: per village its persons, mean latent risk and outcomes."""
    pop, villages = province.population, province.villages
    village = pop.hh_village[pop.household]
    n = villages.code.size
    persons = np.bincount(village, minlength=n)
    mean = np.bincount(village, weights=latent.risk, minlength=n) / np.maximum(persons, 1)
    outcomes = np.bincount(village, weights=latent.outcome_year > 0, minlength=n).astype(np.int64)
    recorded = np.bincount(village, weights=latent.recorded, minlength=n).astype(np.int64)
    known = np.isfinite(border_km)
    km = np.where(known, np.char.mod("%.1f", np.where(known, border_km, 0)), "")
    columns = [villages.code, persons.astype(str), risk_texts(mean), outcomes.astype(str),
               recorded.astype(str), km]
    path = "truth/villages.csv"
    rows = write_csv(os.path.join(out_dir, path), VILLAGE_OUTCOME_COLUMNS, n,
                     lambda r: [c[r] for c in columns], None, Stage(NullFeedback(), 0, 0))
    return {"path": path, "format": "csv", "encoding": "utf-8", "rows": rows,
            "columns": VILLAGE_OUTCOME_COLUMNS}


def _write_truth_cases(out_dir, cases, stage):
    """truth/welfare_cases.csv: the person behind each welfare case number."""
    path = "truth/welfare_cases.csv"
    columns = [np.asarray(cases[c]).astype(str) for c in CASE_COLUMNS]
    rows = write_csv(os.path.join(out_dir, path), CASE_COLUMNS, columns[0].size,
                     lambda r: [c[r] for c in columns], None, stage)
    return {"path": path, "format": "csv", "encoding": "utf-8", "rows": rows, "columns": CASE_COLUMNS}
