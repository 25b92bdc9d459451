"""The sample's network directory: the province's partner organisations and their members.

Organisations are the kinds a Thai province has (docs/sample_data.md): the provincial social
development and human security office, the provincial multidisciplinary team, a police station
per district, a one-stop crisis centre at the provincial hospital, schools, NGOs, an immigration
checkpoint, a legal-aid service, sub-district administrative organisations and village
volunteers. Names, phones, e-mails and LINE IDs are made up; members' names are drawn from the
sample's name lists. Village volunteers cover only some sub-districts, so the coverage analysis
(trafficking:networkcoverage) has gaps to find.

``load_network`` inserts the files into a province database (used by ``cases.load_sample``).
"""
from __future__ import annotations

import csv
import os
import sqlite3
from typing import Any

import numpy as np

from ..core import gpkg
from ..core.database import PathLike
from .common import Stage
from .files import write_csv
from .names import THAI_FEMALE, THAI_MALE, THAI_SURNAMES
from .population import TOWN, SyntheticProvince

ORGANIZATION_COLUMNS = [
    "org_no", "name", "name_en", "type", "phone", "phone_e164", "email", "line_id", "address",
    "areas", "mandate", "specialisations", "limitations", "languages", "longitude", "latitude"]
MEMBER_COLUMNS = [
    "member_no", "name", "org_no", "role", "phone", "phone_e164", "email", "line_id", "address",
    "areas", "mandate", "specialisations", "limitations", "languages", "availability",
    "longitude", "latitude"]
ORGANIZATIONS_PATH = "network/organizations.csv"
MEMBERS_PATH = "network/members.csv"
VOLUNTEER_SHARE = 0.4          # of sub-districts with a village volunteer: the rest are gaps
NGOS = [  # (Thai name, English name, specialisations, languages, limitations)
    ("มูลนิธิพิทักษ์เด็กดอย", "Highland Child Protection Foundation (sample)",
     "child protection, statelessness, shelter", "th, en, akha, lahu, karen",
     "no legal representation"),
    ("มูลนิธิแรงงานข้ามชาติเพื่อสิทธิ", "Migrant Workers' Rights Foundation (sample)",
     "labour rights, migrant workers, repatriation", "th, en, my, shn",
     "no shelter; weekdays only"),
    ("ศูนย์ช่วยเหลือสตรีเหนือ", "Northern Women's Help Centre (sample)",
     "sexual exploitation, counselling, vocational training", "th, en, hmong, lisu",
     "women and girls only"),
]
HIGHLAND_LANGUAGES = ["akha", "lahu", "karen", "hmong", "lisu", "mien"]
_LANDLINE = {"56": "054"}       # Phayao; the other northern provinces use 053


def write_network(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike,
                  stage: Stage) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """network/organizations.csv and network/members.csv; returns the manifest entry and the
    organisations (dicts of ORGANIZATION_COLUMNS) for the cases to refer to."""
    orgs = _organizations(rng, province)
    stage.step(0.3)
    members = _members(rng, orgs)
    write_csv(os.path.join(out_dir, ORGANIZATIONS_PATH), ORGANIZATION_COLUMNS, len(orgs),
              lambda r: [[orgs[i][c] for i in r] for c in ORGANIZATION_COLUMNS], None,
              stage.part(0.3, 0.6))
    write_csv(os.path.join(out_dir, MEMBERS_PATH), MEMBER_COLUMNS, len(members),
              lambda r: [[members[i][c] for i in r] for c in MEMBER_COLUMNS], None,
              stage.part(0.6, 1))
    return {"organizations": {"path": ORGANIZATIONS_PATH, "format": "csv", "encoding": "utf-8",
                              "rows": len(orgs), "columns": ORGANIZATION_COLUMNS},
            "members": {"path": MEMBERS_PATH, "format": "csv", "encoding": "utf-8",
                        "rows": len(members), "columns": MEMBER_COLUMNS},
            "types": {t: sum(o["type"] == t for o in orgs) for t in sorted({o["type"] for o in orgs})}
            }, orgs


def _organizations(rng, province):
    subs, villages = province.subdistricts, province.villages
    districts = sorted({s.district_code for s in subs})
    everywhere = " ".join(districts)
    landline = _LANDLINE.get(province.province_code, "053")
    orgs = []

    def place(district=None, subdistrict=None):
        """A town village of the district (or the sub-district's first village): its point."""
        sub_of = np.array([subs[i].code for i in villages.subdistrict])
        if subdistrict is not None:
            pick = np.flatnonzero(sub_of == subdistrict)
        else:
            inside = np.char.startswith(sub_of.astype(str), district)
            town = np.flatnonzero(inside & (villages.kind == TOWN))
            pick = town if town.size else np.flatnonzero(inside)
        v = int(pick[0])
        # A little off the village point: offices stand a few hundred metres apart.
        return (round(float(villages.lon[v] + rng.uniform(-0.004, 0.004)), 6),
                round(float(villages.lat[v] + rng.uniform(-0.004, 0.004)), 6),
                str(villages.code[v]))

    def add(name, name_en, kind, areas, where, mandate, specialisations, limitations, languages):
        lon, lat, village = where
        n = len(orgs) + 1
        local = f"{landline} {rng.integers(100, 1000)} {rng.integers(100, 1000)}"
        orgs.append({
            "org_no": f"ORG{n:03d}", "name": name, "name_en": name_en, "type": kind,
            "phone": local, "phone_e164": "+66" + local[1:].replace(" ", ""),
            "email": f"org{n:03d}@example.org", "line_id": f"@org{n:03d}",
            "address": f"หมู่ {int(village[6:])} ต.{_sub_name(subs, village[:6])} "
                       f"อ.{_district_name(subs, village[:4])} จ.{subs[0].province_name_th}",
            "areas": areas, "mandate": mandate, "specialisations": specialisations,
            "limitations": limitations, "languages": languages,
            "longitude": f"{lon:.6f}", "latitude": f"{lat:.6f}"})

    seat = districts[0]         # the capital district (amphoe mueang) has the lowest code
    province_th = subs[0].province_name_th
    add(f"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{province_th}",
        "Provincial Office of Social Development and Human Security (sample)",
        "provincial_social_development_office", everywhere, place(seat),
        "protection of victims under the Anti-Trafficking in Persons Act; shelters; case management",
        "case management, shelter referral, victim identification", "no night response",
        "th, en")
    add(f"ทีมสหวิชาชีพจังหวัด{province_th}", "Provincial multidisciplinary team (sample)",
        "multidisciplinary_team", everywhere, place(seat),
        "joint screening and victim identification interviews",
        "victim identification, interviews, rescue planning", "convened on request", "th, en")
    add(f"ศูนย์พึ่งได้ (OSCC) โรงพยาบาล{province_th}", "One-stop crisis centre, provincial "
        "hospital (sample)", "one_stop_crisis_centre", everywhere, place(seat),
        "medical care, forensic examination and counselling for victims of violence",
        "medical care, forensic examination, counselling", "no shelter", "th, en, my")
    for d in districts:
        add(f"สถานีตำรวจภูธร{_district_name(subs, d)}", f"Police station, district {d} (sample)",
            "police", d, place(d), "investigation and rescue", "rescue, investigation",
            "no interpreters on site", "th")
    add(f"ด่านตรวจคนเข้าเมือง{province_th}", "Immigration checkpoint (sample)",
        "ImmigrationService", everywhere, place(districts[-1]), "border screening",
        "document checks, screening of migrants", "border posts only", "th, en, my")
    add("สำนักงานช่วยเหลือทางกฎหมาย (ตัวอย่าง)", "Legal aid office (sample)", "LegalService",
        everywhere, place(seat), "legal counsel and representation for victims",
        "legal representation, compensation claims", "weekdays only", "th, en")
    for name, name_en, special, languages, limits in NGOS:
        areas = " ".join(sorted(rng.choice(districts, size=min(2, len(districts)), replace=False)))
        add(name, name_en, "ngo", areas, place(areas.split()[0]),
            "prevention, outreach, shelter and reintegration", special, limits, languages)
    for s in subs[::max(1, len(subs) // 4)]:      # a few schools, each serving its sub-district
        add(f"โรงเรียนบ้าน{s.name_th}", f"{s.name_en} school (sample)", "school", s.code,
            place(subdistrict=s.code), "teaching; watch for pupils at risk of dropping out",
            "early warning, awareness sessions", "school hours only", "th")
    for s in subs[1::max(1, len(subs) // 3)]:
        add(f"องค์การบริหารส่วนตำบล{s.name_th}", f"{s.name_en} sub-district administration "
            "(sample)", "LocalGovernmentOrganisation", s.code, place(subdistrict=s.code),
            "local welfare, civil registration help", "welfare, registration", "small budget", "th")
    volunteers = np.sort(rng.choice(len(subs), size=max(1, round(VOLUNTEER_SHARE * len(subs))),
                                    replace=False))
    for i in volunteers.tolist():
        s = subs[i]
        language = HIGHLAND_LANGUAGES[int(rng.integers(len(HIGHLAND_LANGUAGES)))]
        add(f"อาสาสมัครเฝ้าระวังการค้ามนุษย์ ต.{s.name_th}", f"Village watch volunteers, "
            f"{s.name_en} (sample)", "village_volunteer", s.code, place(subdistrict=s.code),
            "watch and report; home visits", "early warning, home visits", "no transport",
            f"th, {language}")
    return orgs


def _members(rng, orgs):
    """Two or three professional contacts per organisation (one per volunteer group)."""
    roles = {"provincial_social_development_office": ["social worker", "case manager", "director"],
             "multidisciplinary_team": ["psychologist", "social worker", "prosecutor"],
             "one_stop_crisis_centre": ["nurse", "physician", "counsellor"],
             "police": ["investigator", "inspector"], "ngo": ["outreach worker", "coordinator"],
             "school": ["teacher", "guidance counsellor"], "village_volunteer": ["volunteer"]}
    members = []
    for org in orgs:
        for role in roles.get(org["type"], ["officer"]):
            n = len(members) + 1
            female = rng.random() < 0.6
            pool = THAI_FEMALE if female else THAI_MALE
            given = pool[int(rng.integers(len(pool)))]
            mobile = f"08{rng.integers(0, 10)}-{rng.integers(100, 1000)}-{rng.integers(1000, 10000)}"
            members.append({
                "member_no": f"MEM{n:04d}",
                "name": f"{given} {THAI_SURNAMES[int(rng.integers(len(THAI_SURNAMES)))]}",
                "org_no": org["org_no"], "role": role, "phone": mobile,
                "phone_e164": "+66" + mobile[1:].replace("-", ""),
                "email": f"member{n:04d}@example.org", "line_id": f"member{n:04d}",
                "address": org["address"], "areas": org["areas"], "mandate": org["mandate"],
                "specialisations": org["specialisations"], "limitations": org["limitations"],
                "languages": org["languages"],
                "availability": "24 hours" if role in ("investigator", "volunteer") else
                                "Mon-Fri 08:30-16:30",
                "longitude": org["longitude"], "latitude": org["latitude"]})
    return members


def _sub_name(subs, code):
    return next((s.name_th for s in subs if s.code == code), code)


def _district_name(subs, code):
    return next((s.district_name_th for s in subs if s.district_code == code), code)


def point_blob(lon: str | float | None, lat: str | float | None) -> bytes | None:
    """A GeoPackage point (EPSG:4326) of text or numbers; None when either is empty."""
    if lon in (None, "") or lat in (None, ""):
        return None
    x, y = float(lon), float(lat)
    return gpkg.geometry_blob(b"\x01\x01\x00\x00\x00" + np.array([x, y], "<f8").tobytes(),
                              (x, y, x, y))


def read_rows(path: PathLike) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


_ORG_FIELDS = ["name", "name_en", "type", "phone", "phone_e164", "email", "line_id", "address",
               "areas", "mandate", "specialisations", "limitations", "languages"]
_MEMBER_FIELDS = ["name", "role", "phone", "phone_e164", "email", "line_id", "address", "areas",
                  "mandate", "specialisations", "limitations", "languages", "availability"]


def load_network(conn: sqlite3.Connection, folder: PathLike) -> dict[str, int]:
    """Insert the sample's organisations and members; returns {org_no: organization fid}."""
    fids = {}
    for row in read_rows(os.path.join(folder, ORGANIZATIONS_PATH)):
        cursor = conn.execute(
            f"INSERT INTO organization (geom, {', '.join(_ORG_FIELDS)}) VALUES "
            f"(?, {', '.join('?' * len(_ORG_FIELDS))})",
            [point_blob(row["longitude"], row["latitude"])] + [row[c] or None for c in _ORG_FIELDS])
        fids[row["org_no"]] = cursor.lastrowid
    for row in read_rows(os.path.join(folder, MEMBERS_PATH)):
        conn.execute(
            f"INSERT INTO network_member (geom, organization_id, {', '.join(_MEMBER_FIELDS)}) "
            f"VALUES (?, ?, {', '.join('?' * len(_MEMBER_FIELDS))})",
            [point_blob(row["longitude"], row["latitude"]), fids.get(row["org_no"])]
            + [row[c] or None for c in _MEMBER_FIELDS])
    for table in ("organization", "network_member"):
        gpkg.update_extent(conn, table)
    return fids
