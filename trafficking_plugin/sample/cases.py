"""The sample's lessons-learned cases: victims from the synthetic population, routes, support.

Every case is synthetic. The victims are the persons whose outcome (``latent``: trafficking or
exploitation in the two years after the data year, drawn from their latent risk alone) was
recorded, at most ``CASES`` of them; the case's dates fall in the outcome's year and after. Each
case follows one of a few route scenarios seen in the north (fake jobs in Bangkok and the
south, brokered marriages in China, scam compounds across the Myanmar border, fishing boats...).
Field values are HTCDS v2.0 picklist value names (../shared/reference/htcds). The files hold the
victim's raw (synthetic) ID like any agency export; ``load_sample`` pseudonymises it with the
database's secret, so no raw ID or name reaches the case tables. docs/sample_data.md describes
the files.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core import gpkg
from ..core import database
from ..core.database import PathLike
from ..core.errors import CoreError
from ..core.feedback import Feedback, NullFeedback, check_canceled
from ..core.ingest import pseudonym
from ..core.ingest.pseudonym import person_keyer
from ..core.ingest.thai_id import normalize_id
from .common import Stage, choose, completed_years, random_dates
from .files import write_csv
from .network import load_network, point_blob, read_rows
from .population import FEMALE, HIGHLAND_STATELESS, MIGRANT, TOWN, SyntheticProvince

CASES = 300                    # at most: a sample of the recorded outcomes beyond that
NO_ID_SHARE = 0.1              # victims who gave no ID: the case gets a random key
CASE_COLUMNS = [
    "case_no", "victim_id", "age_trafficked", "gender", "citizenship", "legal_status",
    "ethnicity", "education", "trafficking_status", "relationship_to_trafficker",
    "recruitment_method", "recruitment_websites", "means_of_control", "exploitation_type",
    "forced_labour_industry", "sex_exploitation_type", "exploitation_websites", "vulnerabilities",
    "status", "closure_reason", "referring_org_no", "incoming_referral_date", "referred_org_no",
    "outgoing_referral_date", "story", "tags", "recorded_at"]
EVENT_COLUMNS = ["case_no", "sequence", "event_type", "event_date", "village_code", "place_name",
                 "country", "description", "longitude", "latitude"]
PERPETRATOR_COLUMNS = ["case_no", "role_in_process", "relationship_to_victim", "sex",
                       "nationality", "role_details"]
SUPPORT_COLUMNS = ["case_no", "support_type", "org_no", "objectives", "action_plan",
                   "planned_end_date", "actual_end_date"]
TRUTH_COLUMNS = ["case_no", "person_no", "outcome_year", "scenario"]
PATHS = {"cases": "cases/cases.csv", "events": "cases/case_events.csv",
         "perpetrators": "cases/case_perpetrators.csv", "support": "cases/case_support.csv"}
TRUTH_PATH = "truth/case_victims.csv"

# Approximate points of the places the routes pass (WGS 84): plausible, not surveyed.
PLACES = {
    "mae_sai": ("Mae Sai, Chiang Rai", "TH", 99.879, 20.429),
    "chiang_khong": ("Chiang Khong, Chiang Rai", "TH", 100.405, 20.264),
    "mae_sot": ("Mae Sot, Tak", "TH", 98.556, 16.717),
    "bangkok_bus": ("Mo Chit bus terminal, Bangkok", "TH", 100.553, 13.812),
    "hat_yai": ("Hat Yai, Songkhla", "TH", 100.474, 7.008),
    "sungai_kolok": ("Sungai Kolok, Narathiwat", "TH", 101.966, 6.030),
    "bangkok": ("Bangkok", "TH", 100.523, 13.736),
    "pattaya": ("Pattaya, Chonburi", "TH", 100.877, 12.927),
    "phuket": ("Patong, Phuket", "TH", 98.296, 7.896),
    "samut_sakhon": ("Mahachai, Samut Sakhon", "TH", 100.274, 13.547),
    "songkhla": ("Songkhla fishing port", "TH", 100.595, 7.199),
    "kuala_lumpur": ("Kuala Lumpur", "MY", 101.687, 3.139),
    "johor_bahru": ("Johor Bahru", "MY", 103.741, 1.466),
    "kunming": ("Kunming, Yunnan", "CN", 102.833, 24.880),
    "zhengzhou": ("Zhengzhou, Henan", "CN", 113.625, 34.746),
    "tachileik": ("Tachileik, Shan State", "MM", 99.882, 20.447),
    "myawaddy": ("Myawaddy, Kayin State", "MM", 98.509, 16.689),
    "golden_triangle": ("Golden Triangle SEZ, Bokeo", "LA", 100.110, 20.360),
}
# Route scenarios: share, transit places, destinations ("local" = a town of the province), and
# the HTCDS values they draw from.
SCENARIOS = {
    "sex_thailand": dict(
        share=0.24, transit=[["bangkok_bus"], []], dest=["bangkok", "pattaya", "phuket", "local"],
        exploitation="SexualExploitation", industry="", sex="Prostitution",
        recruit=["ThroughFriendsOrSocialEvents", "ThroughOnlineSocialNetworks", "AtAPlaceOfBusiness"],
        apps=["Facebook", "Line", "TikTok"], exploit_apps=["Line", "WeChat"],
        control=["DebtBondage", "WithholdsDocuments", "TakesEarnings", "PsychologicalAbuse"],
        perpetrators=["RecruiterOrIntermediary", "Transporter", "Exploiter"],
        story="was offered a waitress job in {dest} by an acquaintance, found a debt for travel "
              "and board, and was made to serve customers", tags="fake_job debt"),
    "sex_malaysia": dict(
        share=0.1, transit=[["bangkok_bus", "hat_yai"], ["bangkok_bus", "sungai_kolok"]],
        dest=["kuala_lumpur", "johor_bahru"], exploitation="SexualExploitation", industry="",
        sex="Prostitution", recruit=["ThroughOnlineSocialNetworks", "ThroughAnOnlineAdvertisement"],
        apps=["Facebook", "FacebookMessenger", "Line"], exploit_apps=["WhatsApp"],
        control=["WithholdsDocuments", "DebtBondage", "ThreatsLawEnforcement", "PhysicalThreats"],
        perpetrators=["RecruiterOrIntermediary", "BrokerTravelAgent", "Smuggler", "Exploiter"],
        story="answered an online advert for restaurant work in {dest}, crossed the border with a "
              "broker who kept the passport, and was sold to a karaoke", tags="online fake_job "
              "documents_taken cross_border"),
    "marriage_china": dict(
        share=0.12, transit=[["mae_sai", "tachileik"], ["chiang_khong"]],
        dest=["kunming", "zhengzhou"], exploitation="ForcedMarriage", industry="", sex="",
        recruit=["ThroughFamilyOrFamilyEvents", "ThroughFriendsOrSocialEvents"],
        apps=["WeChat", "Line"], exploit_apps=[],
        control=["FalsePromises", "RestrictsFinancialAccess", "WithholdsDocuments"],
        perpetrators=["RecruiterOrIntermediary", "BrokerTravelAgent", "BoughtIndividual"],
        story="was promised a well-off husband and money for the family by a relative's friend, "
              "and was taken across the border to {dest} to marry a man she had never met",
        tags="marriage_broker family_pressure cross_border"),
    "scam_compound": dict(
        share=0.16, transit=[["mae_sot"], ["mae_sai"], ["chiang_khong"]],
        dest=["myawaddy", "tachileik", "golden_triangle"], exploitation="ForcedLabour",
        industry="J_InformationAndCommunication", sex="",
        recruit=["ThroughAnOnlineAdvertisement", "ThroughOnlineSocialNetworks"],
        apps=["Facebook", "Telegram", "TikTok"], exploit_apps=["Telegram", "Facebook"],
        control=["PhysicalAbuse", "PhysicalThreats", "WithholdsDocuments", "DebtBondage",
                 "ExcessiveWorkingHours"],
        perpetrators=["RecruiterOrIntermediary", "Transporter", "Exploiter"],
        story="applied for a customer-service job with a high salary seen on social media, was "
              "driven across the river to {dest} and forced to run online scams", tags="online "
              "scam_compound fake_job cross_border"),
    "fishing": dict(
        share=0.1, transit=[["bangkok_bus"]], dest=["samut_sakhon", "songkhla"],
        exploitation="ForcedLabour", industry="A_AgricultureForestryAndFishing", sex="",
        recruit=["AtWork", "ThroughFriendsOrSocialEvents"], apps=[], exploit_apps=[],
        control=["DebtBondage", "ExcessiveWorkingHours", "WithholdsNecessities", "TakesEarnings"],
        perpetrators=["RecruiterOrIntermediary", "Exploiter"],
        story="went with a broker for factory work, was put on a fishing boat out of {dest} and "
              "kept at sea for months without pay", tags="fake_job debt at_sea"),
    "domestic_work": dict(
        share=0.1, transit=[[]], dest=["bangkok", "local"], exploitation="Servitude",
        industry="T_ActivitiesOfHouseholdsAsEmployers", sex="",
        recruit=["ThroughFamilyOrFamilyEvents", "AtAnEducationalInstitution"], apps=["Line"],
        exploit_apps=[], control=["RestrictsFinancialAccess", "WithholdsDocuments",
                                  "ExcessiveWorkingHours", "PsychologicalAbuse"],
        perpetrators=["RecruiterOrIntermediary", "Exploiter"],
        story="left school to work as a maid in {dest} for a family friend, was locked in the "
              "house and never paid", tags="domestic_work left_school"),
    "begging": dict(
        share=0.06, transit=[["bangkok_bus"]], dest=["bangkok", "pattaya"],
        exploitation="ForcedBegging", industry="", sex="",
        recruit=["ThroughFamilyOrFamilyEvents"], apps=[], exploit_apps=[],
        control=["TakesEarnings", "PhysicalThreats", "WithholdsNecessities"],
        perpetrators=["Transporter", "Exploiter"],
        story="was rented out by an adult the family trusted and made to beg on the streets of "
              "{dest}", tags="child begging"),
    "child_labour": dict(
        share=0.12, transit=[[]], dest=["local"], exploitation="ChildLabour",
        industry="F_Construction", sex="", recruit=["AtWork", "ThroughFriendsOrSocialEvents"],
        apps=["Facebook"], exploit_apps=[], control=["ExcessiveWorkingHours", "TakesEarnings"],
        perpetrators=["Exploiter"],
        story="dropped out of school and worked long hours on a building site in {dest} for an "
              "employer who kept the wages", tags="child left_school"),
}
ETHNICITIES = {"099": "thai", "025": "lisu", "036": "akha", "071": "karen", "072": "lahu",
               "082": "hmong", "083": "mien", "203": "lua", "200": "khamu", "206": "htin",
               "048": "myanmar", "056": "lao", "057": "cambodian"}
ORIGIN_COUNTRY = {"048": "MM", "056": "LA", "057": "KH"}
SUPPORT = {"SexualExploitation": "SexualExploitationRehabilitation",
           "ForcedMarriage": "SexualExploitationRehabilitation"}


def outcome_scenarios(rng: np.random.Generator, province: SyntheticProvince,
                      outcome_year: np.ndarray) -> np.ndarray:
    """The route scenario (a ``SCENARIOS`` key) of every person with an outcome, "" for others:
    by the shares, sexual exploitation and marriage rare for boys and men, begging and child
    labour rare for adults."""
    pop = province.population
    persons = np.flatnonzero(outcome_year > 0)
    names = list(SCENARIOS)
    shares = np.array([SCENARIOS[n]["share"] for n in names])
    male = (pop.sex[persons] != FEMALE)[:, None]
    adult = (pop.age()[persons] >= 18)[:, None]
    female_only = np.array([n in ("sex_thailand", "sex_malaysia", "marriage_china") for n in names])
    child_only = np.array([n in ("begging", "child_labour") for n in names])
    weights = shares * np.where(male & female_only, 0.1, 1.0) * np.where(adult & child_only, 0.1, 1.0)
    scenario = np.full(pop.size, "", dtype=object)
    scenario[persons] = np.array(names, dtype=object)[choose(rng, weights)] if persons.size else []
    return scenario


def is_labour(scenario: np.ndarray) -> np.ndarray:
    """Scenarios whose exploitation is labour (forced labour, child labour, servitude)."""
    labour = {n for n, s in SCENARIOS.items()
              if s["exploitation"] in ("ForcedLabour", "ChildLabour", "Servitude")}
    return np.isin(scenario, list(labour))


def write_cases(rng: np.random.Generator, province: SyntheticProvince, truth: dict[str, np.ndarray],
                orgs: list[dict[str, str]], out_dir: PathLike, stage: Stage,
                recorded: np.ndarray, outcome_year: np.ndarray, scenario: np.ndarray) -> dict[str, Any]:
    """cases/*.csv and truth/case_victims.csv; returns the manifest entry.

    ``recorded``: persons whose outcome was recorded; ``outcome_year``: each person's outcome
    year (0 for none); ``scenario``: each person's route scenario (``outcome_scenarios``);
    ``truth``: the agency truth (g_code of pupils)."""
    pool = np.flatnonzero(recorded)
    victims = np.sort(rng.choice(pool, size=CASES, replace=False)) if pool.size > CASES else pool
    stage.step(0.1)
    ids = np.where(province.population.thai_id[victims] != "", province.population.thai_id[victims],
                   truth["g_code"][victims])
    ids[rng.random(victims.size) < NO_ID_SHARE] = ""
    tables = {"cases": [], "events": [], "perpetrators": [], "support": [], "truth": []}
    for n, (person, raw_id) in enumerate(zip(victims.tolist(), ids), 1):
        year = int(outcome_year[person])
        _case(rng, province, orgs, f"C{year % 100:02d}-{n:04d}", person, scenario[person],
              str(raw_id), year, tables)
    stage.step(0.5)
    columns = {"cases": CASE_COLUMNS, "events": EVENT_COLUMNS,
               "perpetrators": PERPETRATOR_COLUMNS, "support": SUPPORT_COLUMNS}
    entry = {}
    for n, (key, header) in enumerate(columns.items()):
        rows = tables[key]
        write_csv(os.path.join(out_dir, PATHS[key]), header, len(rows),
                  lambda r, rows=rows, header=header: [[rows[i][c] for i in r] for c in header],
                  None, stage.part(0.5 + 0.1 * n, 0.6 + 0.1 * n))
        entry[key] = {"path": PATHS[key], "format": "csv", "encoding": "utf-8",
                      "rows": len(rows), "columns": header}
    rows = tables["truth"]
    write_csv(os.path.join(out_dir, TRUTH_PATH), TRUTH_COLUMNS, len(rows),
              lambda r: [[rows[i][c] for i in r] for c in TRUTH_COLUMNS], None, stage.part(0.9, 1))
    entry["truth"] = {"path": TRUTH_PATH, "format": "csv", "encoding": "utf-8",
                      "rows": len(rows), "columns": TRUTH_COLUMNS}
    entry["victims_with_id"] = int((ids != "").sum())
    return entry


def _pick(rng, values, k=1):
    """``k`` distinct values, space separated, in their list's order ("" from an empty list)."""
    if not values:
        return ""
    chosen = sorted(rng.choice(len(values), size=min(k, len(values)), replace=False).tolist())
    return " ".join(values[i] for i in chosen)


def _case(rng, province, orgs, case_no, person, scenario, raw_id, year, tables):
    pop, villages, s = province.population, province.villages, SCENARIOS[scenario]
    recruited = random_dates(rng, 1, f"{year}-01-01", f"{year}-12-31")[0]     # the outcome's year
    age = int(completed_years(pop.birth[person:person + 1], recruited)[0])
    female = pop.sex[person] == FEMALE
    gender = ("Feminine" if female else "Masculine") if rng.random() > 0.03 else "TransgenderFeminine"
    group, ethnicity = int(pop.group[person]), str(pop.ethnicity[person])
    citizenship, legal = {
        HIGHLAND_STATELESS: ("", "registered_non_citizen" if pop.person_type[person] >= 0
                             else "no_status"),
        MIGRANT: (ORIGIN_COUNTRY.get(ethnicity, "MM"),
                  "registered_migrant" if pop.thai_id[person] else "irregular_migrant"),
    }.get(group, ("TH", "thai_citizen"))
    education = ("PrimaryEducation" if age < 13 else "LowerSecondaryEducation" if age < 16
                 else ["LowerSecondaryEducation", "UpperSecondaryEducation"][int(rng.integers(2))])
    village = int(pop.hh_village[pop.household[person]])

    dest_key = s["dest"][int(rng.integers(len(s["dest"])))]
    if dest_key == "local":
        towns = np.flatnonzero(villages.kind == TOWN)
        towns = towns if towns.size else np.arange(villages.code.size)
        t = int(towns[int(rng.integers(towns.size))])
        dest = (f"{villages.name_th[t]}", "TH", float(villages.lon[t]), float(villages.lat[t]),
                str(villages.code[t]))
    else:
        dest = PLACES[dest_key] + ("",)
    route = [("Recruitment", (str(villages.name_th[village]), "TH", float(villages.lon[village]),
                              float(villages.lat[village]), str(villages.code[village])),
              "approached at home")]
    for stop in s["transit"][int(rng.integers(len(s["transit"])))]:
        route.append(("Transit", PLACES[stop] + ("",), "taken through by bus or car"))
    route.append(("Exploitation", dest, "exploited there"))
    day = recruited
    for seq, (kind, (place, country, lon, lat, code), description) in enumerate(route, 1):
        if seq > 1:
            day = day + int(rng.integers(1, 15 if kind == "Transit" else 40))
        tables["events"].append({
            "case_no": case_no, "sequence": seq, "event_type": kind, "event_date": str(day),
            "village_code": code, "place_name": place, "country": country,
            "description": description, "longitude": f"{lon:.6f}", "latitude": f"{lat:.6f}"})

    rescued = day + int(rng.integers(30, 400))
    status = ["Active", "FollowUp", "Closed", "ClosedReferred"][
        int(rng.choice(4, p=[0.25, 0.3, 0.3, 0.15]))]
    by_type = {}
    for org in orgs:
        by_type.setdefault(org["type"], []).append(org["org_no"])

    def org_of(*kinds):
        pool = [o for k in kinds for o in by_type.get(k, [])]
        return pool[int(rng.integers(len(pool)))] if pool else ""

    referred = org_of("ngo") if status == "ClosedReferred" else ""
    tables["cases"].append({
        "case_no": case_no, "victim_id": raw_id, "age_trafficked": age, "gender": gender,
        "citizenship": citizenship, "legal_status": legal,
        "ethnicity": ETHNICITIES.get(ethnicity, ""), "education": education,
        "trafficking_status": "ActualVictimOfTrafficking" if rng.random() < 0.85
        else "PossibleVictimOfTrafficking",
        "relationship_to_trafficker": ["Familial", "Acquainted", "Unaquainted"][
            int(rng.choice(3, p=[0.2, 0.5, 0.3]))],
        "recruitment_method": _pick(rng, s["recruit"], int(rng.integers(1, 3))),
        "recruitment_websites": _pick(rng, s["apps"], int(rng.integers(1, 3))),
        "means_of_control": _pick(rng, s["control"], int(rng.integers(1, 4))),
        "exploitation_type": s["exploitation"], "forced_labour_industry": s["industry"],
        "sex_exploitation_type": s["sex"], "exploitation_websites": _pick(rng, s["exploit_apps"]),
        "vulnerabilities": _pick(rng, ["Poverty", "Education", "Migration", "SocialGroup",
                                       "Discrimination"], int(rng.integers(1, 3))),
        "status": status, "closure_reason": "Reintegrated with family" if status == "Closed" else "",
        "referring_org_no": org_of("police", "provincial_social_development_office"),
        "incoming_referral_date": str(rescued), "referred_org_no": referred,
        "outgoing_referral_date": str(rescued + int(rng.integers(7, 60))) if referred else "",
        "story": f"The victim, {age} at the time, {s['story'].format(dest=dest[0])}.",
        "tags": s["tags"], "recorded_at": f"{rescued}T09:00:00+00:00"})
    for role in s["perpetrators"][:int(rng.integers(1, len(s["perpetrators"]) + 1))]:
        abroad = dest[1] != "TH" and role in ("Exploiter", "BoughtIndividual")
        tables["perpetrators"].append({
            "case_no": case_no, "role_in_process": role,
            "relationship_to_victim": "Acquainted" if role == "RecruiterOrIntermediary"
            else "Unaquainted", "sex": ["male", "female"][int(rng.integers(2))],
            "nationality": dest[1] if abroad else "TH",
            "role_details": f"{role} on the route to {dest[0]}"})
    plans = [("SocialCare", "provincial_social_development_office", "shelter and family tracing"),
             ("Health", "one_stop_crisis_centre", "medical check and counselling")]
    plans.append((SUPPORT.get(s["exploitation"], "LabourExploitationRehabilitation"), "ngo",
                  "recovery and vocational training"))
    if rng.random() < 0.4:
        plans.append(("Legal", "LegalService", "statement, prosecution and compensation claim"))
    for kind, org_type, objectives in plans[:int(rng.integers(1, len(plans) + 1))]:
        tables["support"].append({
            "case_no": case_no, "support_type": kind, "org_no": org_of(org_type),
            "objectives": objectives, "action_plan": "agreed with the victim; reviewed monthly",
            "planned_end_date": str(rescued + 180),
            "actual_end_date": str(rescued + int(rng.integers(90, 240)))
            if status.startswith("Closed") else ""})
    tables["truth"].append({"case_no": case_no, "person_no": person + 1, "outcome_year": year,
                            "scenario": scenario})


# -- loading into a province database ----------------------------------------------------------

_CASE_FIELDS = [c for c in CASE_COLUMNS if c not in ("case_no", "victim_id", "referring_org_no",
                                                     "referred_org_no")]
_EVENT_FIELDS = ["sequence", "event_type", "event_date", "village_code", "place_name", "country",
                 "description"]


class SampleLoadError(CoreError):
    """The sample cannot be loaded as asked; the message says what to do."""


def load_sample(database_path: PathLike, folder: PathLike, identity_path: PathLike | None = None,
                feedback: Feedback | None = None) -> dict[str, int]:
    """Insert the sample network (folder/network) and cases (folder/cases) into ``database``.

    Case keys are the victims' person_keys (the database's secret, from its identity file), so a
    case links to ``person``; a victim without an ID gets a random key. Refuses a database that
    already has organisations or cases. One transaction. Returns counts."""
    feedback = feedback or NullFeedback()
    with database.writing(database_path) as conn:
        for table in ("organization", "case"):
            if conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
                raise SampleLoadError(f"{database_path} already has rows in {table}: load the sample "
                                      "network and cases into a database without them")
        _path, secret = pseudonym.bound_secret(conn, database_path, identity_path)
        key = person_keyer(secret)
        conn.execute("BEGIN IMMEDIATE")
        try:
            pseudonym.bind(conn, secret)
            orgs = load_network(conn, folder)
            feedback.setProgress(20)
            counts = _load_cases(conn, folder, key, orgs, feedback)
            check_canceled(feedback)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        counts["organizations"] = len(orgs)
        counts["members"] = conn.execute("SELECT count(*) FROM network_member").fetchone()[0]
        feedback.setProgress(100)
        return counts


def _load_cases(conn, folder, key, orgs, feedback):
    fids, with_id = {}, 0
    for n, row in enumerate(read_rows(os.path.join(folder, PATHS["cases"]))):
        if n % 50 == 0:
            check_canceled(feedback)
        raw = normalize_id(row["victim_id"]) if row["victim_id"] else ""
        with_id += bool(raw)
        cursor = conn.execute(
            f"INSERT INTO \"case\" (case_key, referring_organization_id, referred_organization_id, "
            f"{', '.join(_CASE_FIELDS)}) VALUES (?, ?, ?, {', '.join('?' * len(_CASE_FIELDS))})",
            [key(raw) if raw else pseudonym.random_key(), orgs.get(row["referring_org_no"]),
             orgs.get(row["referred_org_no"])] + [row[c] or None for c in _CASE_FIELDS])
        fids[row["case_no"]] = cursor.lastrowid
    feedback.setProgress(60)
    for row in read_rows(os.path.join(folder, PATHS["events"])):
        row["event_type"] = row["event_type"].lower()   # HTCDS "Recruitment", the schema's step
        conn.execute(
            f"INSERT INTO case_event (geom, case_id, {', '.join(_EVENT_FIELDS)}) "
            f"VALUES (?, ?, {', '.join('?' * len(_EVENT_FIELDS))})",
            [point_blob(row["longitude"], row["latitude"]), fids[row["case_no"]]]
            + [row[c] or None for c in _EVENT_FIELDS])
    gpkg.update_extent(conn, "case_event")
    for row in read_rows(os.path.join(folder, PATHS["perpetrators"])):
        conn.execute(
            "INSERT INTO case_perpetrator (case_id, role_in_process, relationship_to_victim, sex, "
            "nationality, role_details) VALUES (?, ?, ?, ?, ?, ?)",
            [fids[row["case_no"]]] + [row[c] or None for c in PERPETRATOR_COLUMNS[1:]])
    for row in read_rows(os.path.join(folder, PATHS["support"])):
        conn.execute(
            "INSERT INTO case_support (case_id, support_type, organization_id, objectives, "
            "action_plan, planned_end_date, actual_end_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [fids[row["case_no"]], row["support_type"], orgs.get(row["org_no"]),
             row["objectives"] or None, row["action_plan"] or None,
             row["planned_end_date"] or None, row["actual_end_date"] or None])
    return {"cases": len(fids), "cases_with_id": with_id,
            "events": conn.execute("SELECT count(*) FROM case_event").fetchone()[0]}
