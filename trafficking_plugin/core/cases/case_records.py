"""Lessons-learned cases: the HTCDS picklists, validation of a case and its rows, the victim's pseudonym.

A case is one ``case`` row and its ``case_event``, ``case_perpetrator`` and ``case_support`` rows
(see schema.py). Records are plain dicts of column -> value, so the dock, the export and tests share
one set of rules. Picklist values are IOM's HTCDS v2.0 value names, shipped in ``htcds.yaml``
(CC BY 4.0; no IOM endorsement). Multi-select values are stored space separated (HTCDS value names
hold no spaces). No Qt here.
"""
from __future__ import annotations

import functools
import re
import secrets
import sqlite3
from collections.abc import Container, Mapping
from typing import Any

from ..database import PathLike, reading, run_in_transaction
from ..errors import CoreError
from ..feedback import text
from ..ingest import pseudonym, thai_id
from ..ingest.validate import THAI_DIGITS, parse_date
from ..shipped_data import data_path, read_yaml

HTCDS_PATH = data_path("htcds.yaml")

# case column -> (HTCDS field, multi-select?) for the columns holding picklist values.
CASE_PICKLISTS = {
    "gender": ("prs_Gender", False),
    "education": ("prs_HighestLevelOfEducation", False),
    "trafficking_status": ("vic_TraffickingStatus", False),
    "relationship_to_trafficker": ("vic_RelationshipToTrafficker", False),
    "recruitment_method": ("vic_MethodOfRecruitment", True),
    "recruitment_websites": ("vic_RecruitmentWebsitesAndApps", True),
    "means_of_control": ("vic_MethodsOfControl", True),
    "exploitation_type": ("vic_TypeOfExploitation", True),
    "forced_labour_industry": ("vic_ForcedLabourIndustry", False),
    "sex_exploitation_type": ("vic_TypeOfSexExploitation", True),
    "exploitation_websites": ("vic_ExploitationWebsitesAndApps", True),
    "vulnerabilities": ("vic_Vulnerabilities", True),
    "status": ("cas_Status", False),
}
PERPETRATOR_PICKLISTS = {
    "role_in_process": ("per_RoleInProcess", True),
    "relationship_to_victim": ("vic_RelationshipToTrafficker", False),
}
SUPPORT_PICKLISTS = {"support_type": ("spl_Type", False)}

# Our own lists where HTCDS has none (schema.py documents them).
LEGAL_STATUSES = ("thai_citizen", "registered_non_citizen", "no_status", "registered_migrant",
                  "irregular_migrant")
EVENT_TYPES = ("recruitment", "transit", "exploitation", "rescue")
SEXES = ("male", "female", "unknown")
MAX_AGE = 110

# ISO 3166-1 alpha-2 codes in use (ISO 3166 Maintenance Agency's officially assigned codes, 249).
COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
VG VI VN VU WF WS YE YT ZA ZM ZW""".split())
# Thailand's bounding box (about 97.3-105.7 E, 5.6-20.5 N): a point outside cannot be in Thailand.
THAILAND_BBOX = (97.3, 5.6, 105.7, 20.5)
_VILLAGE_CODE = re.compile(r"[0-9]{8}")
_ID_LIKE = re.compile(r"[0-9]{13}|G[0-9]{12}", re.IGNORECASE)


class CaseError(CoreError):
    """A problem the user can fix, worded for them."""


@functools.lru_cache(maxsize=1)
def htcds() -> dict[str, Any]:
    """The shipped HTCDS field list: {'fields': {name: {type, label_en, label_th, values, ...}}, ...}."""
    return read_yaml(HTCDS_PATH)


def picklist(field: str) -> list[str]:
    """The value names of an HTCDS picklist field, in the standard's order."""
    return [v["name"] for v in htcds()["fields"][field].get("values", ())]


def value_label(field: str, value: str, language: str = "en") -> str:
    """The English or Thai label of a picklist value (the value itself when unknown)."""
    for v in htcds()["fields"][field].get("values", ()):
        if v["name"] == value:
            return v["th" if language == "th" else "en"]
    return value


def field_label(field: str, language: str = "en") -> str:
    entry = htcds()["fields"][field]
    return entry["label_th" if language == "th" else "label_en"]


def split_values(text: object) -> list[str]:
    """A multi-select cell (space, comma or ';' separated) as a list of values."""
    return [v for v in re.split(r"[\s,;]+", str(text or "")) if v]


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _check_picklists(record, picklists, problems):
    for column, (field, multi) in picklists.items():
        value = record.get(column)
        if _blank(value):
            continue
        values = split_values(value) if multi else [str(value).strip()]
        allowed = set(picklist(field))
        bad = [v for v in values if v not in allowed]
        if bad or (not multi and len(split_values(value)) > 1 and value not in allowed):
            problems[column] = text("'{}' is not a {} value (one of: {}, …)",
                                    " ".join(bad) or value, field, ", ".join(picklist(field)[:4]))


def normalise_date(value: object) -> tuple[str | None, str | None]:
    """(ISO date, None) from yyyy-mm-dd or dd/mm/yyyy in either era (B.E. years converted), or
    (None, reason); blank gives (None, None)."""
    if _blank(value):
        return None, None
    text = str(value).strip().translate(THAI_DIGITS)
    return parse_date(text, "auto", ("yyyy-mm-dd", "dd/mm/yyyy"))


def _check_dates(record, columns, problems):
    for column in columns:
        _, reason = normalise_date(record.get(column))
        if reason:
            problems[column] = reason


def _check_countries(record, column, problems, multi=False):
    value = record.get(column)
    if _blank(value):
        return
    codes = split_values(value) if multi else [str(value).strip()]
    bad = [c for c in codes if c.upper() not in COUNTRIES or c != c.upper()]
    if bad:
        problems[column] = text("'{}' is not an ISO 3166 alpha-2 country code (e.g. TH, MM, LA)",
                                " ".join(bad))


def _check_free_text(record, columns, problems):
    # A personal ID typed into a free-text box must not reach the case tables.
    for column in columns:
        value = record.get(column)
        if not _blank(value) and _ID_LIKE.search(str(value).translate(THAI_DIGITS).replace("-", "")):
            problems[column] = text("looks like it holds a personal ID: IDs go only in the victim's "
                                    "ID box")


def validate_case(record: Mapping[str, Any]) -> dict[str, str]:
    """{column: message} of what is wrong with a ``case`` record (empty when it can be saved)."""
    problems = {}
    _check_picklists(record, CASE_PICKLISTS, problems)
    age = record.get("age_trafficked")
    if not _blank(age):
        try:
            number = int(str(age).strip().translate(THAI_DIGITS))
            if not 0 <= number <= MAX_AGE:
                problems["age_trafficked"] = text("age {} is out of range (0 to {})", number,
                                                  MAX_AGE)
        except ValueError:
            problems["age_trafficked"] = text("'{}' is not a whole number of years", age)
    _check_countries(record, "citizenship", problems, multi=True)
    if not _blank(record.get("legal_status")) and record["legal_status"] not in LEGAL_STATUSES:
        problems["legal_status"] = text("'{}' is not one of {}", record["legal_status"],
                                        ", ".join(LEGAL_STATUSES))
    _check_dates(record, ("incoming_referral_date", "outgoing_referral_date"), problems)
    _check_free_text(record, ("story", "tags", "ethnicity", "closure_reason"), problems)
    return problems


def in_thailand(lon: float, lat: float) -> bool:
    x0, y0, x1, y1 = THAILAND_BBOX
    return x0 <= lon <= x1 and y0 <= lat <= y1


def validate_event(event: Mapping[str, Any], village_codes: Container[str]) -> dict[str, str]:
    """{column: message} for a ``case_event`` record. Its place is a village code of the database,
    or a point (``lon``/``lat``), or, abroad, a country and a place name."""
    problems = {}
    if event.get("event_type") not in EVENT_TYPES:
        problems["event_type"] = text("choose the step: {}", ", ".join(EVENT_TYPES))
    _check_dates(event, ("event_date",), problems)
    _check_countries(event, "country", problems)
    code = (event.get("village_code") or "").strip()
    country = (event.get("country") or "").strip()
    has_point = event.get("lon") is not None and event.get("lat") is not None
    if code:
        if not _VILLAGE_CODE.fullmatch(code):
            problems["village_code"] = text("'{}' is not an 8-digit village code", code)
        elif code not in village_codes:
            problems["village_code"] = text("village {} is not in this database's village layer",
                                            code)
        elif country and country != "TH":
            problems["country"] = text("a village code is a place in Thailand: leave the country "
                                       "empty or TH")
    elif has_point:
        if not (-180 <= event["lon"] <= 180 and -90 <= event["lat"] <= 90):
            problems["place"] = text("the point is not a longitude/latitude")
        elif country in ("", "TH") and not in_thailand(event["lon"], event["lat"]):
            problems["country"] = text("the point is outside Thailand: give the country")
    elif not (country and country != "TH" and (event.get("place_name") or "").strip()):
        problems["place"] = text("give a village code or pick a point on the map; abroad, a "
                                 "country and a place name")
    _check_free_text(event, ("place_name", "description"), problems)
    return problems


def validate_perpetrator(row: Mapping[str, Any]) -> dict[str, str]:
    problems = {}
    _check_picklists(row, PERPETRATOR_PICKLISTS, problems)
    if not _blank(row.get("sex")) and row["sex"] not in SEXES:
        problems["sex"] = text("'{}' is not one of {}", row["sex"], ", ".join(SEXES))
    _check_countries(row, "nationality", problems)
    _check_free_text(row, ("role_details",), problems)
    return problems


def validate_support(row: Mapping[str, Any]) -> dict[str, str]:
    problems = {}
    _check_picklists(row, SUPPORT_PICKLISTS, problems)
    _check_dates(row, ("planned_end_date", "actual_end_date"), problems)
    _check_free_text(row, ("objectives", "action_plan"), problems)
    return problems


def village_codes(database: PathLike) -> set[str]:
    """The set of village codes in a province GeoPackage."""
    with reading(database) as conn:
        return {row[0] for row in conn.execute("SELECT code FROM village")}


# --- the victim's pseudonym -------------------------------------------------------------------

def parse_victim_id(raw: object) -> tuple[str, str]:
    """(id_kind, normalised ID) of a typed Thai ID or G code; raises CaseError with a masked ID."""
    normal = thai_id.normalize_id(str(raw).translate(THAI_DIGITS))
    if thai_id.is_valid_thai_id(normal):
        return "thai_id", normal
    if thai_id.is_g_code(normal):
        return "g_code", normal
    shown = "*" * max(len(normal) - 4, 0) + normal[-4:]
    raise CaseError("ID {} is neither a 13-digit Thai ID with a right check digit nor a G code (G "
                    "and 12 digits)", shown)


def case_key_for(database_path: PathLike, raw_id: str | None = None,
                 identity_path: PathLike | None = None) -> tuple[str, str, str | None]:
    """(case_key, id_kind, normalised ID): the person_key of the victim's ID with the secret of
    the database's identity file, so the case links to ``person``; without an ID a random key of
    the same form (32 letters a-p) and id_kind 'none'. Nothing is written here but the identity
    file and its secret on first use; a file that belongs to another database is refused."""
    if _blank(raw_id):
        return pseudonym.random_key(), "none", None
    kind, normal = parse_victim_id(raw_id)
    with reading(database_path) as conn:
        _path, secret = pseudonym.bound_secret(conn, database_path, identity_path)
    return pseudonym.person_keyer(secret)(normal), kind, normal


# --- the case's identifier in exports -----------------------------------------------------------

# Crockford's base32 (no I, L, O, U), upper case, in groups: never the 32 lower-case letters a-p
# of a person_key, nor the digits of a Thai ID or G code, and unlike either at a glance.
EXPORT_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
EXPORT_ID_PATTERN = re.compile(r"CASE(-[0-9A-HJKMNP-TV-Z]{4}){3}")


def new_export_id() -> str:
    """A fresh random case identifier for exports (60 bits from the operating system's CSPRNG),
    e.g. CASE-7K2Q-9XMT-4V8B. It carries nothing of the case or the victim."""
    groups = ("".join(secrets.choice(EXPORT_ID_ALPHABET) for _ in range(4)) for _ in range(3))
    return "CASE-" + "-".join(groups)


def assign_export_ids(conn: sqlite3.Connection) -> int:
    """Give every case without one its export identifier (in the caller's transaction), distinct
    from every other case's; returns how many were made. Identifiers once made never change, but
    a value not of their form is replaced, and so is the second of two equal ones."""
    taken, missing = set(), []
    for fid, export_id in conn.execute('SELECT fid, export_id FROM "case" ORDER BY fid'):
        # A value not of our form (typed into the attribute table, say a case_key) is replaced.
        if isinstance(export_id, str) and EXPORT_ID_PATTERN.fullmatch(export_id) \
                and export_id not in taken:
            taken.add(export_id)
        else:
            missing.append(fid)
    for fid in missing:
        export_id = new_export_id()
        while export_id in taken:           # 2^60 values: a clash is improbable, never allowed
            export_id = new_export_id()
        taken.add(export_id)
        conn.execute('UPDATE "case" SET export_id = ? WHERE fid = ?', (export_id, fid))
    return len(missing)


def record_identity(database_path: PathLike, case_key: str, id_kind: str,
                    normalised_id: str | None, case_fid: int = 0,
                    identity_path: PathLike | None = None) -> bool:
    """The raw ID into the identity file's person_identity (source 'case'), once per key. Called
    after the case is committed; import_run_id 0 marks a row that came from no import. The
    database then keeps the identity file's fingerprint, as after an import."""
    if not normalised_id:
        return False
    with reading(database_path) as conn:
        path, secret = pseudonym.bound_secret(conn, database_path, identity_path)
    run_in_transaction(database_path, None, lambda conn: pseudonym.bind(conn, secret))
    return pseudonym.record_identity(path, case_key, "case", id_kind, normalised_id, case_fid)


# --- the dock's list -----------------------------------------------------------------------------

def _quote(text):
    return "'" + str(text).replace("'", "''") + "'"


def list_filter(text: str = "", status: str = "", exploitation: str = "",
                year: int | None = None) -> str:
    """A QGIS expression selecting cases for the dock's list: ``text`` in the key, story or tags,
    a cas_Status value, a vic_TypeOfExploitation value, and the year recorded (Common Era).
    Empty parts select everything; returns '' when nothing is asked."""
    parts = []
    if text and text.strip():
        like = _quote("%" + text.strip().replace("\\", "") + "%")
        parts.append(f'("case_key" ILIKE {like} OR "story" ILIKE {like} OR "tags" ILIKE {like})')
    if status:
        parts.append(f'"status" = {_quote(status)}')
    if exploitation:
        # Multi-select values are space separated: pad so one value never matches inside another.
        parts.append(f"(' ' || \"exploitation_type\" || ' ') LIKE {_quote('% ' + exploitation + ' %')}")
    if year:
        parts.append(f'year("recorded_at") = {int(year)}')
    return " AND ".join(parts)
