"""The sample's prevention activities: three years of a programme that moves north to south.

Synthetic. In the first year most activities are held in the northern villages (where the
programme began, near the border); in the second they spread over the lowland villages and
towns; in the third most go south, to the highland sub-districts the scoring finds at high risk
(population places highland villages mostly in the south-west), leaning to the villages whose
persons' mean latent risk (``latent``) is high. The file is what a
coordination centre would keep: dates in the Buddhist era, kinds sometimes in Thai, partner
organisations by name from the sample network directory, and a few planted faults (a village
code not in the province, a negative number of participants, a row copied twice) that the import
must reject. ``trafficking:importactivities`` loads it. docs/sample_data.md describes the file.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.thai_calendar import BE_OFFSET
from .common import Stage, date_parts, random_dates
from .files import write_csv
from .population import HIGHLAND, HIGHLAND_CITIZEN, HIGHLAND_STATELESS, SyntheticProvince

PATH = "activities/activities.csv"
COLUMNS = ["activity_no", "activity_date", "village_code", "kind", "topic", "organization",
           "participants", "note"]
KINDS = ("training", "awareness", "school_talk", "community_meeting", "home_visit",
         "vocational_training", "outreach")
KIND_SHARES = np.array([0.25, 0.2, 0.2, 0.12, 0.1, 0.08, 0.05])
THAI_KINDS = {"training": "อบรม", "awareness": "รณรงค์", "school_talk": "ให้ความรู้ในโรงเรียน",
              "community_meeting": "ประชาคม", "home_visit": "เยี่ยมบ้าน",
              "vocational_training": "ฝึกอาชีพ", "outreach": "ลงพื้นที่"}
TOPICS = ("รู้ทันการค้ามนุษย์ / Know the trafficking tricks",
          "งานต่างประเทศที่ปลอดภัย / Safe migration for work",
          "ภัยออนไลน์ / Online grooming and fake job ads",
          "สิทธิและสถานะทางทะเบียน / Legal status and rights",
          "การเลี้ยงดูบุตร / Parenting and supervision")
# The shift, year by year: shares of the year's activities chosen by the (north, lowland, risk)
# weights of village_weights. The programme starts in the north (near the border), spreads over
# the lowland villages and towns in the second year, and reaches the highland south in the third.
SHIFT = ((0.9, 0.1, 0.0), (0.35, 0.6, 0.05), (0.1, 0.3, 0.6))
THAI_KIND_SHARE = 0.2
FAULTS = ("unknown_village", "negative_participants", "duplicate_row")


def per_year(villages: int) -> int:
    """Activities a year: about one for every three villages, 12 to 300."""
    return int(min(300, max(12, villages // 3)))


def write_activities(rng: np.random.Generator, province: SyntheticProvince, risk: np.ndarray,
                     orgs: list[dict[str, str]], out_dir: PathLike, stage: Stage) -> dict[str, Any]:
    """activities/activities.csv; returns the manifest entry. ``risk``: each person's latent risk."""
    villages = province.villages
    n_villages = villages.code.size
    ways = village_weights(province, risk)
    years = [province.data_year - 2 + t for t in range(3)]
    count = per_year(n_villages)
    names = [o["name"] for o in orgs] or ["ศูนย์ประสานงาน (sample)"]
    rows = []
    for t, year in enumerate(years):
        weight = sum(share * way for share, way in zip(SHIFT[t], ways))
        where = rng.choice(n_villages, size=count, p=weight / weight.sum())
        dates = np.sort(random_dates(rng, count, f"{year}-01-01", f"{year}-12-31"))
        kinds = rng.choice(len(KINDS), size=count, p=KIND_SHARES / KIND_SHARES.sum())
        thai = rng.random(count) < THAI_KIND_SHARE
        topics = rng.integers(0, len(TOPICS), size=count)
        org = rng.integers(0, len(names), size=count)
        people = rng.integers(8, 80, size=count)
        y, m, d = date_parts(dates)
        for i in range(count):
            kind = KINDS[kinds[i]]
            rows.append([f"A{year % 100:02d}-{i + 1:04d}", f"{d[i]:02d}/{m[i]:02d}/{y[i] + BE_OFFSET}",
                         villages.code[where[i]], THAI_KINDS[kind] if thai[i] else kind,
                         TOPICS[topics[i]], names[org[i]], str(people[i]), ""])
    stage.step(0.5)
    planted = _plant_faults(rng, rows, province.province_code)
    write_csv(os.path.join(out_dir, PATH), COLUMNS, len(rows),
              lambda r: [[rows[i][c] for i in r] for c in range(len(COLUMNS))], None,
              stage.part(0.5, 1))
    return {"path": PATH, "format": "csv", "encoding": "utf-8", "rows": len(rows),
            "columns": COLUMNS, "years": years, "per_year": count,
            "faults": {name: 1 for name in FAULTS}, "fault_rows": planted,
            "synthetic": "activities move from the north to the south over the three years"}


def village_weights(province: SyntheticProvince,
                    risk: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(north, lowland, risk): three ways of choosing villages, as probabilities over them, that
    SHIFT mixes year by year. North favours the northernmost villages; lowland is any town or
    lowland village. Risk aims at the risk the scoring will find: a sub-district is classed high
    when enough of its persons score high, and most who do are highland people, so the share of
    highland persons in the village's sub-district stands for it (squared, to aim), leaning
    south; a village's mean latent risk (over the province's mean) draws activities to it."""
    villages, pop = province.villages, province.population
    lat = villages.lat.astype(float)
    north = (lat - lat.min()) / max(float(lat.max() - lat.min()), 1e-9)
    subs = len(province.subdistricts)
    person_sub = province.person_subdistrict()
    highland = np.isin(pop.group, (HIGHLAND_CITIZEN, HIGHLAND_STATELESS))
    share = (np.bincount(person_sub, weights=highland, minlength=subs)
             / np.maximum(np.bincount(person_sub, minlength=subs), 1))[villages.subdistrict]
    village = pop.hh_village[pop.household]
    mean = (np.bincount(village, weights=risk, minlength=villages.code.size)
            / np.maximum(np.bincount(village, minlength=villages.code.size), 1))
    relative = mean / max(float(risk.mean()), 1e-12)
    weights = (north ** 3 + 0.02, (villages.kind != HIGHLAND) + 1e-3,
               (1.1 - north) * (share + 0.02) ** 2 * (relative + 0.5))
    return tuple(w / w.sum() for w in weights)


def _plant_faults(rng, rows, province_code):
    """One row of each fault (1-based data row numbers, as the import counts them)."""
    first, second = (int(i) for i in rng.choice(len(rows), size=2, replace=False))
    rows[first][2] = f"{province_code}999999"
    rows[first][7] = "village code as written on the sign-in sheet"
    rows[second][6] = "-5"
    copied = int(rng.integers(0, len(rows)))
    while copied in (first, second):
        copied = (copied + 1) % len(rows)
    rows.insert(copied + 1, list(rows[copied]))

    def shift(r):        # row numbers after the inserted copy move down by one
        return r + 1 if r > copied else r
    return {"unknown_village": shift(first) + 1, "negative_participants": shift(second) + 1,
            "duplicate_row": copied + 2}
