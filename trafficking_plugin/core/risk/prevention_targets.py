"""Prevention targets: the ranked work list of villages to work in and persons to invite.

Reads a scored data year (risk_village, risk_person, indicator; trafficking:scoreriskindex) and
never writes to the province database. Persons are listed by pseudonym. Only when the caller
passes the identity file (which holds the province secret) are names and addresses resolved, and
only after checking that the file's identities hash to this database's pseudonyms.

Villages rank by persons_at_risk (the expected persons at risk), then persons_high,
share_high, mean_index and code (docs/prevention_targets.md says why); only villages the map
shows red or yellow are listed.
Within a village high-class persons come first by risk_index, then medium ones when fewer than
the number asked for are high; ties fall to person_key so a run is repeatable.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled
from ..files import output_file, same_file
from ..ingest.pseudonym import CASE_RUN, default_identity_path, open_identity, person_keyer
from ..thai_calendar import year_with_be
from . import monitoring

# Shares and indices are sums of floats: equal values can differ in the last bit (SQLite's
# avg of ten 1.2s is 1.1999999999999997, of 31 is 1.2000000000000002), which would let rounding
# noise, not the next key, break a tie. Six decimals is far finer than any real difference.
VILLAGE_ORDER = ("round(coalesce(rv.persons_at_risk, 0), 6) DESC, coalesce(rv.persons_high, 0) DESC, "
                 "round(coalesce(rv.share_high, 0), 6) DESC, "
                 "round(coalesce(rv.mean_index, 0), 6) DESC, rv.code")
PERSON_ORDER = "(risk_class = 'high') DESC, round(risk_index, 6) DESC, person_key"
# Whose identity row names a person first: health registers every resident with a house.
SOURCE_ORDER = ("health", "family_welfare", "education", "human_security")
_KEYS_PER_QUERY = 900          # below SQLite's limit of bound parameters


class TargetsError(CoreError):
    """The work list cannot be made; the message says what to do."""


@dataclass
class WorkList:
    """The work list of a data year: rows as dicts by output field, in rank order."""
    data_year: int
    villages: list[dict]
    persons: list[dict]
    resolved: bool = False                  # persons carry names and addresses
    messages: list[str] = field(default_factory=list)     # for the log
    monitoring: monitoring.Monitoring | None = None    # None: the database cannot give it


def check_outputs(database: PathLike, identity_path: PathLike | None,
                  destinations: dict[str, str]) -> None:
    """Refuse an output (key -> destination) that would be written into the province database
    or its identity file: the work list goes to a file of its own. Check before writing."""
    guarded = (str(database), str(identity_path or default_identity_path(database)))
    for key, destination in destinations.items():
        out = output_file(destination)
        for path in guarded:
            if same_file(out, path):
                raise TargetsError("{} would be written into {}: the work list goes to a file of "
                                   "its own, never into the province database or its identity "
                                   "file. Choose another output file.", key, path)


def work_list(database: PathLike, data_year: int, villages: int = 20,
              persons_per_village: int = 20, identity_path: PathLike | None = None,
              feedback: Feedback | None = None) -> WorkList:
    """The work list of ``data_year`` (Common Era), with each listed village's activities this
    year (programme monitoring) when the database has them.

    Persons carry name and address only when ``identity_path`` is given; a file that does not
    belong to this database raises TargetsError, as does a year without risk scores."""
    feedback = feedback or NullFeedback()
    year = data_year
    if villages < 1 or persons_per_village < 0:
        raise TargetsError("ask for at least one village and zero or more persons per village")
    with reading(database) as conn:
        _check_scored(conn, year, database)
        names = _indicator_names(conn)
        listed = _villages(conn, year, villages, names)
        feedback.setProgress(10)
        check_canceled(feedback)
        persons = _persons(conn, year, listed, persons_per_village, names)
        feedback.setProgress(40)
        result = WorkList(year, listed, persons)
        if identity_path:
            check_canceled(feedback)
            _resolve(conn, year, persons, identity_path, database, result.messages, feedback)
            result.resolved = True
    _add_monitoring(result, database)
    feedback.setProgress(100)
    return result


def _add_monitoring(result: WorkList, database: PathLike) -> None:
    """Each listed village's activities this year and whether a high-risk village went without;
    a database that cannot give them (an activity table of an older plugin) gets a note."""
    try:
        result.monitoring = found = monitoring.monitor(database, result.data_year)
    except monitoring.MonitoringError as error:
        result.messages.append(f"Programme monitoring left out: {error}")
        found = None
    else:
        result.messages += monitoring.summary_lines(found)
    listed = {}
    for person in result.persons:
        listed[person["village_code"]] = listed.get(person["village_code"], 0) + 1
    unreached = {v["code"] for v in found.unreached} if found else set()
    for village in result.villages:
        village["persons_listed"] = listed.get(village["code"], 0)
        village["activities_this_year"] = (found.activities_by_village.get(village["code"], 0)
                                           if found else None)
        village["no_activity"] = int(village["code"] in unreached) if found else None


def _check_scored(conn, year, database):
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    scored = "risk_person" in tables and "risk_village" in tables and conn.execute(
        "SELECT 1 FROM risk_village WHERE data_year = ? AND persons_scored > 0 LIMIT 1",
        (year,)).fetchone()
    if not scored:
        raise TargetsError("{} has no risk scores for data year {}: run "
                           "trafficking:scoreriskindex first", database, year_with_be(year))


def _indicator_names(conn):
    """code -> (name_en, name_th); a code the catalogue lacks is shown as the code."""
    return {code: (en or code, th or en or code) for code, en, th in
            conn.execute("SELECT code, name_en, name_th FROM indicator")}


def _driver_names(codes, names, language):
    return "; ".join(names.get(c, (c, c))[language] for c in codes)


def _villages(conn, year, limit, names):
    rows = conn.execute(
        "SELECT rv.code, coalesce(v.name_th, rv.name_th), v.moo, substr(rv.code, 1, 6), s.name_th,"
        " substr(rv.code, 1, 4), d.name_th, rv.persons_scored, rv.persons_high, rv.share_high,"
        " rv.mean_index, rv.risk_class, rv.drivers, rv.persons_at_risk,"
        " ST_MinX(coalesce(rv.geom, v.geom)), ST_MinY(coalesce(rv.geom, v.geom))"
        " FROM risk_village rv LEFT JOIN village v ON v.code = rv.code"
        " LEFT JOIN subdistrict s ON s.code = substr(rv.code, 1, 6)"
        " LEFT JOIN district d ON d.code = substr(rv.code, 1, 4)"
        # Green villages are never listed: the map's class and the list's order read the same
        # expected persons at risk (docs/risk_index.md), so the list is the map's red and
        # yellow villages in order.
        f" WHERE rv.data_year = ? AND rv.persons_scored > 0 AND rv.risk_class IN ('high', "
        f"'medium') ORDER BY {VILLAGE_ORDER} LIMIT ?",
        (year, limit)).fetchall()
    listed = []
    for rank, row in enumerate(rows, 1):
        (code, name, moo, sub_code, sub_name, dist_code, dist_name, scored, high, share, mean,
         risk_class, drivers, at_risk, x, y) = row
        codes = (drivers or "").split()
        listed.append({
            "rank": rank, "code": code, "name_th": name, "moo": moo,
            "subdistrict_code": sub_code, "subdistrict_name": sub_name,
            "district_code": dist_code, "district_name": dist_name,
            "persons_scored": scored, "persons_at_risk": at_risk,
            "persons_high": high or 0, "share_high": share or 0.0,
            "mean_index": mean, "risk_class": risk_class, "drivers": " ".join(codes),
            "drivers_en": _driver_names(codes, names, 0), "drivers_th": _driver_names(codes, names, 1),
            "x": x, "y": y})
    return listed


def _persons(conn, year, villages, per_village, names):
    """Up to ``per_village`` high, then medium, persons of each listed village, in one query."""
    if not villages or per_village == 0:
        return []
    by_code = {v["code"]: v for v in villages}
    # Each indicator's score column is its code in lower case (specialists may add indicators).
    score_columns = [c.lower() for c in names if c.lower() in _columns(conn, "risk_person")]
    columns = ", ".join(["person_key", "village_code", "age", "age_band", "sex", "risk_index",
                         "risk_class", "drivers"] + [f'"{c}"' for c in score_columns])
    marks = ", ".join("?" * len(by_code))
    rows = conn.execute(
        f"SELECT * FROM (SELECT {columns}, row_number() OVER (PARTITION BY village_code "
        f"ORDER BY {PERSON_ORDER}) AS place FROM risk_person WHERE data_year = ? AND "
        f"village_code IN ({marks}) AND risk_class IN ('high', 'medium') AND risk_index IS NOT NULL)"
        " WHERE place <= ?", (year, *by_code, per_village)).fetchall()
    persons = []
    for row in rows:
        key, code, age, band, sex, index, risk_class, drivers = row[:8]
        scores = dict(zip(score_columns, row[8:8 + len(score_columns)]))
        village = by_code[code]
        codes = (drivers or "").split()
        persons.append({
            "village_rank": village["rank"], "rank": row[-1], "village_code": code,
            "village_name": village["name_th"], "person_key": key, "age": age, "age_band": band,
            "sex": sex, "risk_index": index, "risk_class": risk_class,
            # Say why a medium person is on the list: the village has too few high ones.
            "selection": "high" if risk_class == "high" else
            f"medium: only {village['persons_high']} high-risk persons in the village",
            "drivers": " ".join(codes),
            "why": _why(codes, scores, names, 0), "why_th": _why(codes, scores, names, 1)})
    persons.sort(key=lambda p: (p["village_rank"], p["rank"]))
    return persons


def _columns(conn, table):
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}


def _why(codes, scores, names, language):
    """'I05 Out of school: 3; I09 ...': each driver's name with the person's score on it."""
    parts = []
    for code in codes:
        score = scores.get(code.lower())
        name = names.get(code, (code, code))[language]
        parts.append(f"{code} {name}: {score if score is not None else 'not observed'}")
    return "; ".join(parts)


def _resolve(conn, year, persons, identity_path, database, messages, feedback):
    """Add name, address and address_source to ``persons`` from the identity file."""
    identity, secret = open_identity(conn, database, identity_path)
    try:
        keys = sorted({p["person_key"] for p in persons})
        rows = []
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            part = keys[start:start + _KEYS_PER_QUERY]
            rows += identity.execute(
                "SELECT person_key, source, raw_id, names, import_run_id, row_number FROM "
                f"person_identity WHERE person_key IN ({', '.join('?' * len(part))})", part)
            check_canceled(feedback)
        _check_belongs(rows, keys, secret, identity_path, database)
        feedback.setProgress(60)
        run_years = dict(conn.execute("SELECT fid, data_year FROM import_run WHERE "
                                      "status = 'succeeded'"))
        # Identities of runs that did not succeed (left by a crash, or withdrawn) name nobody.
        rows = [r for r in rows if r[4] in run_years or r[4] == CASE_RUN]
        houses = _house_numbers(conn, identity, rows, run_years)
    finally:
        identity.close()
    feedback.setProgress(90)

    def preference(row):
        _key, source, _raw, _names, run, number = row
        rank = SOURCE_ORDER.index(source) if source in SOURCE_ORDER else len(SOURCE_ORDER)
        return (run_years.get(run) != year, rank, -run, number)

    by_key = {}
    for row in sorted(rows, key=preference):
        by_key.setdefault(row[0], []).append(row)
    unnamed = 0
    for person in persons:
        found = by_key.get(person["person_key"], [])
        person["name"] = next((n for n in (_name(r[3]) for r in found) if n), None)
        unnamed += person["name"] is None
        # The first identity row whose record gives a house in the listed village.
        house = next((houses[(r[1], r[4], r[5])] for r in found
                      if houses.get((r[1], r[4], r[5]), (None, None))[1] == person["village_code"]),
                     None)
        person["address"], person["address_source"] = _address(person, house, conn)
    if unnamed:
        messages.append(f"{unnamed} listed persons have no name in the identity file")


def _check_belongs(rows, keys, secret, identity_path, database):
    """Refuse an identity file whose rows do not hash to this database's pseudonyms."""
    if keys and not rows:
        raise TargetsError("{} holds none of the listed persons of {}: it is not this "
                           "database's identity file (another province's, or an older copy?)",
                           identity_path, database)
    keyer = person_keyer(secret)
    checked = [r for r in rows if r[2]][:50]
    if any(keyer(raw_id) != key for key, _s, raw_id, *_ in checked):
        raise TargetsError("{} does not belong to {}: its identities do not hash to the "
                           "database's pseudonyms with its secret (a changed secret or another "
                           "province's file). Use the identity file written by the imports.",
                           identity_path, database)


def _name(names_json):
    try:
        names = json.loads(names_json or "{}")
    except ValueError:
        return None
    name = " ".join(n.strip() for n in (names.get("first_name"), names.get("last_name"))
                    if n and n.strip())
    return name or None


def _address(person, house, conn):
    """(address in Thai, where the house number came from): house number (when a record of
    the person gives one in the listed village), moo, village, sub-district and district."""
    row = conn.execute(
        "SELECT v.moo, v.name_th, s.name_th, d.name_th FROM village v "
        "LEFT JOIN subdistrict s ON s.code = v.subdistrict_code "
        "LEFT JOIN district d ON d.code = substr(v.code, 1, 4) WHERE v.code = ?",
        (person["village_code"],)).fetchone() or (None, None, None, None)
    moo, village, subdistrict, district = row
    parts = [house[0] if house else None,
             f"หมู่ {moo}" if moo is not None else None, village,
             f"ต.{subdistrict}" if subdistrict else None, f"อ.{district}" if district else None]
    return " ".join(p for p in parts if p), (house[2] if house else "village")


def _pad2(value):
    text = str(value or "").strip()
    return f"{int(text):02d}" if text.isdigit() and len(text) <= 2 else None


def _house_numbers(conn, identity, rows, run_years):
    """(source, import_run_id, row_number) -> (house number, its village code, where from) for
    the identity rows whose record leads to a house number. House numbers are identifying: they
    live in the identity file (by the row that gave them), villages in the staging tables."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (source TEXT, run INTEGER, row INTEGER, "
                 "PRIMARY KEY (source, run, row))")
    conn.execute("DELETE FROM temp.wanted")
    conn.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?, ?, ?)",
                     [(r[1], r[4], r[5]) for r in rows])
    own = {(r[4], r[5]): _json_value(r[3], "house_no") for r in rows}
    found = {}
    try:
        if {"staging_health_person", "staging_health_home"} <= tables:
            found.update(_health_houses(conn, identity, run_years))
        if "staging_education_roster" in tables:
            for run, number, village in conn.execute(
                    "SELECT s.import_run_id, s.row_number, s.village_code FROM "
                    "staging_education_roster s JOIN temp.wanted w ON w.source = 'education' AND "
                    "w.run = s.import_run_id AND w.row = s.row_number"):
                if own.get((run, number)):
                    found[("education", run, number)] = (own[(run, number)], village,
                                                         "school roster")
        if {"staging_family_welfare_member", "staging_family_welfare_household"} <= tables:
            found.update(_household_houses(conn, identity, run_years))
    finally:
        conn.execute("DROP TABLE temp.wanted")
    return found


def _json_value(names_json, field):
    try:
        value = json.loads(names_json or "{}").get(field)
    except ValueError:
        return None
    return str(value).strip() or None if value is not None else None


def _houses_of(identity, pairs):
    """(import_run_id, row_number) -> house number of staged rows, from the identity file."""
    found = {}
    pairs = sorted(set(pairs))
    for start in range(0, len(pairs), _KEYS_PER_QUERY // 2):
        part = pairs[start:start + _KEYS_PER_QUERY // 2]
        where = " OR ".join("(import_run_id = ? AND row_number = ?)" for _ in part)
        for run, number, names in identity.execute(
                f"SELECT import_run_id, row_number, names FROM person_identity WHERE {where}",
                [v for pair in part for v in pair]):
            house = _json_value(names, "house_no")
            if house:
                found[(run, number)] = house
    return found


def _health_houses(conn, identity, run_years):
    """Health PERSON rows -> their HOME row (same hospcode and hid, a home file of the same data
    year, the first staged as the crosswalk takes it) and its house number."""
    people = conn.execute(
        "SELECT s.import_run_id, s.row_number, s.hospcode, s.hid FROM staging_health_person s "
        "JOIN temp.wanted w ON w.source = 'health' AND w.run = s.import_run_id AND "
        "w.row = s.row_number").fetchall()
    wanted = {(p[2], p[3]) for p in people}
    homes = [(run, number, hospcode, hid, changwat, ampur, tambon, moo)
             for run, number, hospcode, hid, changwat, ampur, tambon, moo in conn.execute(
                 "SELECT import_run_id, row_number, hospcode, hid, changwat_no, ampur_no, "
                 "tambon_no, village_no FROM staging_health_home ORDER BY fid")
             if (hospcode, hid) in wanted]
    numbers = _houses_of(identity, [(h[0], h[1]) for h in homes])
    found_homes = {}
    for run, number, hospcode, hid, changwat, ampur, tambon, moo in homes:
        house = numbers.get((run, number))
        if house:
            parts = [_pad2(v) for v in (changwat, ampur, tambon, moo)]
            village = "".join(parts) if all(parts) else None
            found_homes.setdefault((run_years.get(run), hospcode, hid), (house, village))
    found = {}
    for run, number, hospcode, hid in people:
        home = found_homes.get((run_years.get(run), hospcode, hid))
        if home:
            found[("health", run, number)] = (*home, "health home file")
    return found


def _household_houses(conn, identity, run_years):
    """BMN member rows -> their household row (same household_id, a survey of the same year)
    and its house number."""
    members = conn.execute(
        "SELECT s.import_run_id, s.row_number, s.household_id FROM staging_family_welfare_member s "
        "JOIN temp.wanted w ON w.source = 'family_welfare' AND w.run = s.import_run_id AND "
        "w.row = s.row_number").fetchall()
    wanted = {m[2] for m in members}
    rows = [r for r in conn.execute(
        "SELECT import_run_id, row_number, household_id, village_code FROM "
        "staging_family_welfare_household ORDER BY fid") if r[2] in wanted]
    numbers = _houses_of(identity, [(r[0], r[1]) for r in rows])
    households = {}
    for run, number, household, village in rows:
        if numbers.get((run, number)):
            households.setdefault((run_years.get(run), household), (numbers[(run, number)], village))
    return {("family_welfare", run, number): (*households[(run_years.get(run), household)],
                                              "BMN household")
            for run, number, household in members if (run_years.get(run), household) in households}
