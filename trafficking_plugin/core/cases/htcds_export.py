"""Cases exported with IOM HTCDS v2.0 field names, as CSV files and one JSON file.

Every value is checked against the shipped field list (``htcds.yaml``) before anything is written:
a value outside a picklist stops the export with a message naming the case and the field. The
export carries no names, raw IDs, stories or pseudonyms; a case is identified by its ``case_id``,
the one column outside the standard (HTCDS has no case identifier field): the case's own random
``export_id`` (case_records.assign_export_ids), made at its first export and kept, never the
case_key, which is a person_key and would let a partner join a victim to risk_person.
Files: ``<stem>_cases.csv``, ``<stem>_events.csv``, ``<stem>_perpetrators.csv``,
``<stem>_support_plans.csv`` and ``<stem>.json``. Multi-select values are ';' separated, as in
HTCDS's picklist cells; CSV text is neutralised for spreadsheets (core/spreadsheet.py).
Attribution: HTCDS by IOM, CC BY 4.0; IOM does not endorse this export.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import struct
from collections.abc import Sequence
from typing import Any

from .. import audit, schema
from ..database import PathLike, reading, run_in_transaction
from ..errors import CoreError
from ..feedback import noop, text
from ..spreadsheet import neutralise
from . import case_records

ID_COLUMN = "case_id"
# HTCDS field -> case column (multi-select fields are ';' joined).
CASE_COLUMNS = {
    "vic_AgeWhenTrafficked": "age_trafficked", "prs_Gender": "gender",
    "prs_Citizenship": "citizenship", "prs_HighestLevelOfEducation": "education",
    "vic_TraffickingStatus": "trafficking_status",
    "vic_RelationshipToTrafficker": "relationship_to_trafficker",
    "vic_MethodOfRecruitment": "recruitment_method",
    "vic_RecruitmentWebsitesAndApps": "recruitment_websites",
    "vic_MethodsOfControl": "means_of_control", "vic_TypeOfExploitation": "exploitation_type",
    "vic_ForcedLabourIndustry": "forced_labour_industry",
    "vic_TypeOfSexExploitation": "sex_exploitation_type",
    "vic_ExploitationWebsitesAndApps": "exploitation_websites",
    "vic_Vulnerabilities": "vulnerabilities", "cas_Status": "status",
    "cas_ReasonForCaseClosure": "closure_reason",
    "cas_ReferringOrganisation": "referring_organisation",
    "cas_IncomingReferralDate": "incoming_referral_date",
    "cas_ReferredOrganisation": "referred_organisation",
    "cas_OutgoingReferralDate": "outgoing_referral_date",
}
EVENT_FIELDS = ("hte_Type", "hte_Date", "hte_Country", "hte_City", "hte_Longitude", "hte_Latitude",
                "hte_Description")
PERPETRATOR_FIELDS = ("per_RoleInProcess", "vic_RelationshipToTrafficker", "prs_Gender",
                      "prs_Citizenship", "per_RoleDetails")
SUPPORT_FIELDS = ("spl_Type", "spl_Objectives", "spl_ActionPlan", "spl_PlannedEndDate",
                  "spl_ActualEndDate")
_SEX_TO_GENDER = {"male": "Masculine", "female": "Feminine", "unknown": "NonSpecifiedUnknown"}
ATTRIBUTION = ("Field names and picklists: Human Trafficking Case Data Standard (HTCDS) v2.0 by IOM, "
               "CC BY 4.0. IOM does not endorse this export or its producer.")


class HtcdsExportError(CoreError):
    """Values that do not fit the standard; ``problems`` lists (case_key, field, message): the
    province's own key, which the dock's list shows, so the clerk finds the case."""

    def __init__(self, problems: Sequence[tuple[str, str, str]]) -> None:
        lines = [text("case {}: {}: {}", key, field, message)
                 for key, field, message in problems[:20]]
        more = text("\n… and {} more", len(problems) - 20) if len(problems) > 20 else ""
        super().__init__(noop("values outside HTCDS v2.0:\n{}{}"), "\n".join(lines), more)
        self.problems = problems


class HtcdsWriteError(HtcdsExportError):
    """The export could not be written, or the database not read or updated; nothing was kept.
    A kind of HtcdsExportError, so the dock that catches one shows both."""

    def __init__(self, template: str, *values: Any) -> None:
        CoreError.__init__(self, template, *values)
        self.problems = []


def _point(blob):
    """(lon, lat) of a GeoPackage point blob, or None."""
    if not blob or blob[:2] != b"GP" or blob[3] & 0x10:        # empty geometry flag
        return None
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 0x07]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    return struct.unpack(order + "2d", wkb[5:21])


def _multi(value):
    return ";".join(case_records.split_values(value))


def _check(key, field, value, problems):
    """Append a problem when ``value`` (as exported) is not valid for the HTCDS ``field``."""
    if value in (None, ""):
        return
    entry = case_records.htcds()["fields"].get(field)
    if entry is None:
        problems.append((key, field, text("not an HTCDS v2.0 field")))
        return
    kind = entry["type"]
    if "Picklist" in kind and "values" in entry:
        allowed = set(case_records.picklist(field))
        values = value.split(";") if kind.startswith("Multiselect") else [value]
        bad = [v for v in values if v not in allowed]
        if bad:
            problems.append((key, field, text("'{}' is not in the picklist", ";".join(bad))))
    elif entry.get("values_from") == "ISO 3166-1 alpha-2" or field == "hte_Country":
        bad = [c for c in value.split(";") if c not in case_records.COUNTRIES]
        if bad:
            problems.append((key, field, text("'{}' is not an ISO 3166 alpha-2 code",
                                              ";".join(bad))))
    elif kind == "Date":
        if case_records.normalise_date(value)[1]:
            problems.append((key, field, text("'{}' is not a date", value)))
    elif kind == "Number" and not (isinstance(value, int) and 0 <= value <= case_records.MAX_AGE):
        problems.append((key, field, text("'{}' is not an age in years", value)))


def collect(database: PathLike) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """The cases of a province GeoPackage as HTCDS records: a list of dicts with ``case_id`` (the
    case's export_id; None for a case never exported), the HTCDS case fields, and ``events``,
    ``perpetrators``, ``support_plans`` lists; with the problems found, as (case_key, field,
    message). Reads only; ``export_cases`` makes the missing export identifiers."""
    with reading(database) as conn:
        return _collect(conn)


def _collect(conn):
    conn.row_factory = sqlite3.Row
    orgs = {r["fid"]: r["name"] for r in conn.execute("SELECT fid, name FROM organization")}
    villages = {r["code"]: (r["name_th"], _point(r["geom"]))
                for r in conn.execute("SELECT code, name_th, geom FROM village")}
    children = {name: {} for name in ("case_event", "case_perpetrator", "case_support")}
    for table, rows in children.items():
        order = "case_id, sequence, fid" if table == "case_event" else "case_id, fid"
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
            rows.setdefault(row["case_id"], []).append(row)
    records, problems = [], []
    for row in conn.execute('SELECT * FROM "case" ORDER BY fid'):
        key = row["case_key"]
        values = dict(row)
        values["referring_organisation"] = orgs.get(row["referring_organization_id"])
        values["referred_organisation"] = orgs.get(row["referred_organization_id"])
        # Only the random export identifier leaves: never case_key (a person_key), nor a value
        # of another form someone typed into export_id.
        export_id = values.get("export_id")
        record = {ID_COLUMN: export_id if isinstance(export_id, str)
                  and case_records.EXPORT_ID_PATTERN.fullmatch(export_id) else None}
        for field, column in CASE_COLUMNS.items():
            value = values.get(column)
            if field in ("prs_Citizenship",) or (case_records.htcds()["fields"][field]["type"]
                                                 .startswith("Multiselect")):
                value = _multi(value)
            record[field] = value if value not in (None, "") else None
            _check(key, field, record[field], problems)
        record["events"] = [_event(key, e, villages, problems)
                            for e in children["case_event"].get(row["fid"], ())
                            if e["event_type"] != "rescue"]   # rescue is not an hte_Type
        record["perpetrators"] = [_perpetrator(key, p, problems)
                                  for p in children["case_perpetrator"].get(row["fid"], ())]
        record["support_plans"] = [_support(key, s, problems)
                                   for s in children["case_support"].get(row["fid"], ())]
        records.append(record)
    return records, problems


def _event(key, row, villages, problems):
    name, point = villages.get(row["village_code"], (None, None))
    point = _point(row["geom"]) or point
    out = {"hte_Type": (row["event_type"] or "").capitalize() or None, "hte_Date": row["event_date"],
           "hte_Country": row["country"] or ("TH" if row["village_code"] else None),
           "hte_City": row["place_name"] or name,
           "hte_Longitude": round(point[0], 6) if point else None,
           "hte_Latitude": round(point[1], 6) if point else None,
           "hte_Description": row["description"]}
    for field in ("hte_Type", "hte_Date", "hte_Country"):
        _check(key, field, out[field], problems)
    return out


def _perpetrator(key, row, problems):
    out = {"per_RoleInProcess": _multi(row["role_in_process"]) or None,
           "vic_RelationshipToTrafficker": row["relationship_to_victim"],
           "prs_Gender": _SEX_TO_GENDER.get(row["sex"], row["sex"]),
           "prs_Citizenship": row["nationality"], "per_RoleDetails": row["role_details"]}
    for field in ("per_RoleInProcess", "vic_RelationshipToTrafficker", "prs_Gender", "prs_Citizenship"):
        _check(key, field, out[field], problems)
    return out


def _support(key, row, problems):
    out = {"spl_Type": row["support_type"], "spl_Objectives": row["objectives"],
           "spl_ActionPlan": row["action_plan"], "spl_PlannedEndDate": row["planned_end_date"],
           "spl_ActualEndDate": row["actual_end_date"]}
    for field in ("spl_Type", "spl_PlannedEndDate", "spl_ActualEndDate"):
        _check(key, field, out[field], problems)
    return out


def export_cases(database: PathLike, stem: PathLike) -> list[str]:
    """Write the HTCDS CSV files and JSON beside ``stem`` (a path without extension); returns the
    list of files written. A case exported for the first time gets its export identifier here, in
    the same transaction: raises HtcdsExportError, writing nothing and changing nothing, when a
    value does not fit; any later failure (a file, the commit) removes the files written and
    keeps no new identifier, so no partner holds an identifier the database does not."""
    written: list[str] = []

    def work(conn):
        if "export_id" not in {r[1] for r in conn.execute('PRAGMA table_info("case")')}:
            # A database made before the column: add it, and audit it like the others.
            schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME["case"]])
            audit.install(conn, ("case",))
        case_records.assign_export_ids(conn)
        records, problems = _collect(conn)
        if problems:
            raise HtcdsExportError(problems)
        _write_files(records, str(stem), written)
        return written

    try:
        return run_in_transaction(database, None, work)
    except BaseException as error:
        for path in written:
            if os.path.exists(path):
                os.remove(path)
        if isinstance(error, OSError):
            raise HtcdsWriteError("The HTCDS export could not be written to {} ({}): choose a "
                                  "folder you can write to. No file was kept and no case was "
                                  "changed.", os.path.dirname(str(stem)) or ".", error) from None
        if isinstance(error, CoreError) and not isinstance(error, HtcdsExportError):
            # Locked by another editor, not a province database...: a message for the dock.
            raise HtcdsWriteError(error.template, *error.values) from None
        raise


def _write_files(records, stem, written):
    """The four CSV files and the JSON; each path goes into ``written`` once it is created."""
    def write_csv(suffix, fields, rows):
        path = f"{stem}_{suffix}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            written.append(path)
            writer = csv.DictWriter(f, fieldnames=(ID_COLUMN,) + tuple(fields))
            writer.writeheader()
            # Free text (descriptions, place names, plans) could start a spreadsheet formula.
            writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows)

    write_csv("cases", CASE_COLUMNS, [{k: r[k] for k in (ID_COLUMN, *CASE_COLUMNS)} for r in records])
    for suffix, key, fields in (("events", "events", EVENT_FIELDS),
                                ("perpetrators", "perpetrators", PERPETRATOR_FIELDS),
                                ("support_plans", "support_plans", SUPPORT_FIELDS)):
        write_csv(suffix, fields, [{ID_COLUMN: r[ID_COLUMN], **child} for r in records
                                   for child in r[key]])
    path = f"{stem}.json"
    with open(path, "w", encoding="utf-8") as f:
        written.append(path)
        json.dump({"standard": "HTCDS v2.0", "attribution": ATTRIBUTION, "cases": records}, f,
                  ensure_ascii=False, indent=1)
