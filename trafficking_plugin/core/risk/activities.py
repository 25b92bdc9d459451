"""Prevention activities: a file of the programme's activities into the ``activity`` table.

``import_activities`` runs the agency import (``ingest.import_file``: staging with provenance, SHA-256
duplicate refusal, rejected_row, accounting, encodings, one transaction) with a step that, in the
same transaction, checks every staged row (the village is in this database, the kind is known,
participants are not negative, the activity is not already recorded) and writes the accepted
rows to ``activity``; rejected rows move to rejected_row with the reason. docs/monitoring.md.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..database import PathLike
from ..errors import CoreError
from ..feedback import Feedback, check_canceled
from ..ingest import import_file
from ..ingest.spec import load_spec
from ..shipped_data import data_path

SPEC_PATH = str(data_path("activity_spec.yaml"))
# Kind codes and the words accepted for them (English code, English words, Thai).
KINDS = {
    "training": ("training", "workshop", "อบรม", "ฝึกอบรม"),
    "awareness": ("awareness", "campaign", "รณรงค์", "สร้างความตระหนัก"),
    "school_talk": ("school_talk", "school talk", "ให้ความรู้ในโรงเรียน", "โรงเรียน"),
    "community_meeting": ("community_meeting", "community meeting", "ประชาคม", "ประชุมหมู่บ้าน"),
    "home_visit": ("home_visit", "home visit", "เยี่ยมบ้าน"),
    "vocational_training": ("vocational_training", "vocational training", "ฝึกอาชีพ"),
    "outreach": ("outreach", "ลงพื้นที่", "หน่วยเคลื่อนที่"),
}
_KIND_WORDS = {word.casefold(): code for code, words in KINDS.items() for word in words}


class ActivityError(CoreError):
    """The activity file or the database cannot be used as it is; the message says what to do."""


@dataclass
class ActivitySummary(import_file.StepResult):
    """What checking an activity file's rows did (the step after staging)."""
    activities: int = 0                       # written to ``activity``
    years: dict[int, int] = field(default_factory=dict)     # year -> activities
    unknown_organizations: list[str] = field(default_factory=list)   # not in the directory


def kind_code(text: str | None) -> str | None:
    """The kind code of a written kind (code, English or Thai word), or None."""
    return _KIND_WORDS.get(" ".join(str(text or "").replace("_", " ").split()).casefold()) \
        or _KIND_WORDS.get(str(text or "").strip().casefold())


def import_activities(database: PathLike, path: PathLike, data_year: int | None = None,
                      encoding: str = "auto", spec: str = SPEC_PATH,
                      identity_path: PathLike | None = None,
                      feedback: Feedback | None = None) -> import_file.ImportSummary:
    """Import one activity file (any table the readers or GDAL read); ``step`` of the summary is
    an ActivitySummary.

    ``data_year`` (Common Era, default this year): the latest year the file reports on; an
    activity dated after it is rejected. Raises import_file.ImportFailed."""
    year = data_year or datetime.date.today().year
    return import_file.import_file(database, path, spec, year, encoding, identity_path, feedback,
                                   after_staging=_checking_step(spec))


def _checking_step(spec_path):
    spec = load_spec(spec_path)

    def step(conn, run, staging_table, feedback):
        file_spec = next(f for f in spec.files.values() if spec.staging_table(f.kind) == staging_table)
        missing = [f for f in _Checker.FIELDS if f not in {c.field for c in file_spec.columns}]
        if missing:
            raise import_file.ImportFailed("the spec {} lacks the field(s) {} an activity file needs",
                                           spec_path, ", ".join(missing))
        columns = {c.field: c.column for c in file_spec.columns}
        return _Checker(conn, run, staging_table, feedback, columns).check()
    return step


def _activity_key(village, day, kind, organization):
    return (village, day, kind, " ".join((organization or "").split()).casefold())


class _Checker:
    """Checks the run's staged rows, writes activities, moves refused rows to rejected_row."""

    FIELDS = ("activity_date", "village_code", "kind", "topic", "organization", "participants",
              "note")

    def __init__(self, conn, run, staging_table, feedback, columns):
        self.conn, self.run, self.table, self.feedback = conn, run, staging_table, feedback
        self.columns = columns
        names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "activity" not in names or "import_run_id" not in {
                r[1] for r in conn.execute('PRAGMA table_info("activity")')}:
            raise import_file.ImportFailed("the database's activity table is from an older plugin: "
                                        "upgrade it with trafficking:createdatabase first")
        self.villages = {code: (sub, dist) for code, sub, dist in conn.execute(
            "SELECT code, subdistrict_code, coalesce(district_code, substr(code, 1, 4)) "
            "FROM village")}
        if not self.villages:
            raise import_file.ImportFailed("the database has no villages to place activities in: "
                                        "build it with trafficking:createdatabase and a village layer")
        self.organizations = {}
        for fid, name, name_en in conn.execute("SELECT fid, name, name_en FROM organization"):
            for text in (name, name_en):
                if text and text.strip():
                    self.organizations.setdefault(" ".join(text.split()).casefold(), fid)
        self.recorded = {
            _activity_key(v, d, k, o): (r, n) for v, d, k, o, r, n in conn.execute(
                "SELECT village_code, activity_date, kind, organization_name, import_run_id, "
                "row_number FROM activity")}

    def check(self):
        rows = self.conn.execute(
            f'SELECT fid, row_number, {", ".join(self.FIELDS)} FROM "{self.table}" '
            "WHERE import_run_id = ? ORDER BY row_number", (self.run["run_id"],)).fetchall()
        accepted, rejected, dropped, seen = [], [], [], {}
        years, unknown_orgs = {}, {}
        for n, (fid, number, day, village, kind, topic, org, participants, note) in enumerate(rows):
            if n % 500 == 0:
                check_canceled(self.feedback)
            problems = []
            place = self.villages.get((village or "").strip())
            if place is None:
                problems.append(("village_code", village, "not a village of this database (check "
                                 "the 8-digit code: sub-district code + moo)"))
            code = kind_code(kind)
            if code is None:
                problems.append(("kind", kind, "not a known kind of activity: write one of "
                                 + ", ".join(KINDS)))
            if participants is not None and participants < 0:
                problems.append(("participants", str(participants), "a number of participants "
                                 "cannot be negative"))
            if not problems:
                key = _activity_key(village.strip(), day, code, org)
                if key in seen:
                    problems.append(("activity_date", day, f"the same activity (village, date, kind "
                                     f"and organisation) as row {seen[key]} of this file"))
                elif key in self.recorded:
                    run_id, row = self.recorded[key]
                    where = f"import run {run_id}, row {row}" if run_id else "added by hand"
                    problems.append(("activity_date", day, "this activity (village, date, kind and "
                                     f"organisation) is already in the database ({where})"))
                else:
                    seen[key] = number
            if problems:
                dropped.append((fid,))
                rejected += [(self.run["run_id"], self.run["file_name"], number, self._column(f),
                              None if v is None else str(v), why) for f, v, why in problems]
                continue
            org_name = " ".join(org.split()) if org and org.strip() else None
            org_id = self.organizations.get(org_name.casefold()) if org_name else None
            if org_name and org_id is None:
                unknown_orgs.setdefault(org_name, number)
            year = int(day[:4])
            years[year] = years.get(year, 0) + 1
            accepted.append((village.strip(), place[0], place[1], year, day, code, topic, org_id,
                             org_name, participants, note, self.run["run_id"], number))
        self.conn.executemany(
            "INSERT INTO activity (village_code, subdistrict_code, district_code, data_year, "
            "activity_date, kind, topic, organization_id, organization_name, participants, note, "
            "import_run_id, row_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", accepted)
        self.conn.executemany(f'DELETE FROM "{self.table}" WHERE fid = ?', dropped)
        self.conn.executemany("INSERT INTO rejected_row (import_run_id, file_name, row_number, "
                              "field, value, reason) VALUES (?, ?, ?, ?, ?, ?)", rejected)
        message = f"{len(accepted)} activities written"
        if years:
            message += " (" + ", ".join(f"{y}: {c}" for y, c in sorted(years.items())) + ")"
        if unknown_orgs:
            message += (f"; {len(unknown_orgs)} organisations not in the network directory, kept "
                        "by name: " + ", ".join(f"{name} (row {row})" for name, row in
                                                sorted(unknown_orgs.items())[:5])
                        + (" …" if len(unknown_orgs) > 5 else ""))
        return ActivitySummary(moved=len(dropped), message=message, activities=len(accepted),
                               years=years, unknown_organizations=sorted(unknown_orgs))

    def _column(self, field):
        """The file's column name of a field (rejected_row names the file's column)."""
        return self.columns.get(field, field)
