"""The yearly data-quality check of a province database (trafficking:verifydatabase).

Each check returns a Finding: how many problems, its severity (error: fix before publishing;
warning: look at it; info), what to do, and up to EXAMPLES example rows a clerk can find: the
agency file and row number, a village or district code, an indicator code. Never a raw ID, a
name or a pseudonym. The database is only read, but for the audit trail's seal: given the
identity file, the check seals the audit rows written since the last one (core/audit.py).
docs/verify.md lists the checks.
"""
from __future__ import annotations

import csv
import html
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import audit
from ..database import DatabaseError, PathLike, reading, run_in_transaction
from ..feedback import Feedback, NullFeedback, check_canceled, noop, text
from ..errors import CoreError
from ..ingest import pseudonym
from ..standard import gaps
from ..thai_calendar import year_with_be
from ..spreadsheet import neutralise_row

EXAMPLES = 5
MAX_AGE = 110
COVERAGE_THRESHOLD = 0.2        # share of persons observed per indicator below which it is low
PERSONS_JUMP = 0.2              # relative change of a district's persons from last year
SHARE_HIGH_JUMP = 5.0           # change of a district's high share, percentage points
SEVERITIES = ("error", "warning", "info")


class VerifyError(CoreError):
    """The check cannot run as asked; the message says what to do."""


@dataclass
class Finding:
    check: str
    severity: str
    title: str
    count: int = 0
    action: str = ""
    examples: list = field(default_factory=list)     # dicts: where, detail
    note: str = ""
    skipped: bool = False                            # not checked; the note says why

    @property
    def status(self) -> str:
        if self.count:
            return self.severity
        return "skipped" if self.skipped else "ok"


def verify(database: PathLike, data_year: int, coverage_threshold: float = COVERAGE_THRESHOLD,
           persons_jump: float = PERSONS_JUMP, share_high_jump: float = SHARE_HIGH_JUMP,
           feedback: Feedback | None = None, identity: PathLike | None = None) -> list[Finding]:
    """Every check on ``data_year`` (Common Era); a list of Finding in report order.

    With ``identity`` (the database's identity file) the audit trail's seal is checked, then
    its new rows are sealed; without it that check is skipped."""
    feedback = feedback or NullFeedback()
    year = data_year
    with reading(database) as conn:
        if not conn.execute("SELECT 1 FROM person WHERE data_year = ? LIMIT 1", (year,)).fetchone():
            raise VerifyError("{} has no persons for data year {}: import and crosswalk the "
                              "year's files first", database, year_with_be(year))
        secret = pseudonym.bound_secret(conn, database, identity, create=False)[1] \
            if identity else None
        checks = (
            lambda: _without_village(conn, year),
            lambda: _impossible_ages(conn, year),
            lambda: _duplicate_persons(conn, year),
            lambda: _duplicate_households(conn, year),
            lambda: _low_coverage(conn, year, coverage_threshold),
            lambda: _villages_without_data(conn, year),
            lambda: _unmapped_codes(conn, year),
            lambda: _gap_finding(gaps.missing_sources(conn, year), "missing_agencies",
                                 noop("Agencies with no file this year"), "agencies"),
            lambda: _gap_finding(gaps.households_of_another_year(conn, year),
                                 "households_of_another_year",
                                 noop("Household files of another year"), "files"),
            lambda: _gap_finding(gaps.placeless_persons(conn, year), "persons_without_subdistrict",
                                 noop("Most persons without a sub-district"), "persons"),
            lambda: _district_jumps(conn, year, persons_jump, share_high_jump),
            lambda: _audit_coverage(conn),
            lambda: _audit_seal(conn, secret),
        )
        findings = []
        for n, check in enumerate(checks):
            check_canceled(feedback)
            findings.append(check())
            feedback.setProgress(100 * (n + 1) / len(checks))
        gaps.report(feedback, gaps.year_gaps(conn, year))    # in the log too, as warnings
    if secret is not None:
        _seal_new_rows(database, secret, findings[-1], feedback)
    return findings


def _tables(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn, table):
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}


def _source_rows(conn, year, keys):
    """person_key -> 'file, row n' of a staged record of the year (the clerk's row reference)."""
    found = {}
    keys = list(keys)
    for table in sorted(t for t in _tables(conn) if t.startswith("staging_")):
        if "person_key" not in _columns(conn, table):
            continue
        for key in keys:
            if key in found:
                continue
            row = conn.execute(
                f'SELECT r.file_name, s.row_number FROM "{table}" s JOIN import_run r ON r.fid = '
                "s.import_run_id WHERE s.person_key = ? AND r.data_year = ? AND r.status = "
                "'succeeded' ORDER BY r.fid, s.row_number LIMIT 1", (key, year)).fetchone()
            if row:
                found[key] = f"{row[0]}, row {row[1]}"
    return found


def _person_examples(conn, year, rows, detail):
    """Examples for persons: their fid in person and a source row; ``rows`` (fid, key, ...)."""
    sources = _source_rows(conn, year, [r[1] for r in rows[:EXAMPLES]])
    return [{"where": f"person fid {r[0]}; {sources.get(r[1], 'no staged record found')}",
             "detail": detail(r)} for r in rows[:EXAMPLES]]


def _without_village(conn, year):
    rows = conn.execute("SELECT fid, person_key, sources, subdistrict_code FROM person WHERE "
                        "data_year = ? AND (village_code IS NULL OR village_code = '') ORDER BY fid",
                        (year,)).fetchall()
    return Finding(
        "persons_without_village", "error", "Persons without a village", len(rows),
        "Find the source row, correct its village (house or moo) in the agency file or add the "
        "village to the village layer, and import again; these persons are missing from every "
        "village and sub-district figure.",
        _person_examples(conn, year, rows, lambda r: f"sources {r[2] or '?'}; sub-district "
                         f"{r[3] or 'unknown'}"))


def _impossible_ages(conn, year):
    """Born after the data year (an age below zero), or older than MAX_AGE on 1 July."""
    reference = f"{year}-07-01"
    rows = conn.execute(
        "SELECT fid, person_key, age FROM person WHERE data_year = ? AND age IS NOT NULL AND "
        "(age < -1 OR age > ?) ORDER BY fid", (year, MAX_AGE)).fetchall()
    examples = _person_examples(conn, year, rows, lambda r: (
        f"age {r[2]} on {reference}: born after the data year {year}" if r[2] < 0
        else f"age {r[2]}: older than {MAX_AGE} on {reference}"))
    count = len(rows)
    if "welfare_case" in _tables(conn):
        cases = conn.execute(
            "SELECT r.file_name, w.row_number, w.age FROM welfare_case w LEFT JOIN import_run r "
            "ON r.fid = w.import_run_id WHERE w.data_year = ? AND (w.age < 0 OR w.age > ?) "
            "ORDER BY w.fid", (year, MAX_AGE)).fetchall()
        count += len(cases)
        examples += [{"where": f"{f}, row {n}", "detail": f"welfare case age {a}"}
                     for f, n, a in cases[:max(0, EXAMPLES - len(examples))]]
    return Finding("impossible_ages", "error", "Impossible ages", count,
                   f"Correct the birth date (or age) in the agency file: negative ages, persons "
                   f"born after {year} and ages above {MAX_AGE} are typing errors (a Buddhist-era "
                   "year taken as Common Era, or swapped day and month).", examples)


def _duplicate_persons(conn, year):
    """The same pseudonym twice in one year's file where a person appears once."""
    per_person = [("school_enrolment", "school roster"), ("household_member", "BMN member list")]
    tables = _tables(conn)
    count, examples = 0, []
    for table, label in per_person:
        if table not in tables:
            continue
        rows = conn.execute(
            f'SELECT group_concat(r.file_name || ", row " || t.row_number, "; "), count(*) FROM '
            f'"{table}" t LEFT JOIN import_run r ON r.fid = t.import_run_id WHERE t.data_year = ? '
            "AND t.person_key IS NOT NULL GROUP BY t.person_key HAVING count(*) > 1 "
            "ORDER BY min(t.fid)", (year,)).fetchall()
        count += len(rows)
        examples += [{"where": where, "detail": f"the same person {n} times on the {label}"}
                     for where, n in rows[:max(0, EXAMPLES - len(examples))]]
    if "staging_health_person" in tables:
        rows = conn.execute(
            'SELECT group_concat(r.file_name || ", row " || s.row_number, "; "), count(*) FROM '
            "staging_health_person s JOIN import_run r ON r.fid = s.import_run_id WHERE "
            "r.data_year = ? AND r.status = 'succeeded' AND s.person_key IS NOT NULL "
            "GROUP BY s.person_key HAVING count(*) > 1 ORDER BY min(s.fid)", (year,)).fetchall()
        count += len(rows)
        examples += [{"where": where, "detail": f"the same person {n} times in the health PERSON "
                      "file(s): registered at two health units?"}
                     for where, n in rows[:max(0, EXAMPLES - len(examples))]]
    return Finding("duplicate_persons", "error", "The same person twice in a year", count,
                   "Keep one record of the person in the agency file (ask the agency which is "
                   "current) and import again.", examples)


def _duplicate_households(conn, year):
    if "household" not in _tables(conn):
        return Finding("duplicate_households", "error", "The same household id twice", 0,
                       note="no household table", skipped=True)
    rows = conn.execute(
        'SELECT group_concat(r.file_name || ", row " || h.row_number, "; "), count(*) FROM '
        "household h LEFT JOIN import_run r ON r.fid = h.import_run_id WHERE h.data_year = ? "
        "GROUP BY h.household_id HAVING count(*) > 1 ORDER BY min(h.fid)", (year,)).fetchall()
    return Finding("duplicate_households", "error", "The same household id twice", len(rows),
                   "Two survey rows carry one household id: keep the right one, or give the other "
                   "its own id, in the BMN file and import again.",
                   [{"where": w, "detail": f"household id used {n} times"}
                    for w, n in rows[:EXAMPLES]])


def _low_coverage(conn, year, threshold):
    title = noop("Indicators with low coverage")
    if "risk_person" not in _tables(conn) or not conn.execute(
            "SELECT 1 FROM risk_person WHERE data_year = ? LIMIT 1", (year,)).fetchone():
        return Finding("low_coverage", "warning", title, 0,
                       note="the year is not scored: run trafficking:scoreriskindex to check "
                            "indicator coverage", skipped=True)
    columns = _columns(conn, "risk_person")
    indicators = [(code, name) for code, name in conn.execute(
        "SELECT code, coalesce(name_en, code) FROM indicator WHERE coalesce(enabled, 1) = 1 "
        "ORDER BY code") if code.lower() in columns]
    if not indicators:
        return Finding("low_coverage", "warning", title, 0, note="no enabled indicators",
                       skipped=True)
    observed = conn.execute(
        "SELECT count(*), " + ", ".join(f'count("{c.lower()}")' for c, _ in indicators)
        + " FROM risk_person WHERE data_year = ?", (year,)).fetchone()
    total = observed[0]
    low = [(code, name, n / total) for (code, name), n in zip(indicators, observed[1:])
           if n / total < threshold]
    return Finding(
        "low_coverage", "warning", title, len(low),
        f"These indicators are observed for fewer than {threshold:.0%} of persons: check that "
        "the agency file that feeds them was imported and crosswalked (docs/indicators.md says "
        "which); an indicator about some persons only (e.g. pupils) is naturally lower.",
        [{"where": f"indicator {c}", "detail": f"{name}: observed for {share:.1%} of {total} persons"}
         for c, name, share in low[:EXAMPLES]])


def _villages_without_data(conn, year):
    rows = conn.execute(
        "SELECT v.code, v.name_th, v.subdistrict_code FROM village v WHERE NOT EXISTS (SELECT 1 "
        "FROM person p WHERE p.village_code = v.code AND p.data_year = ?) ORDER BY v.code",
        (year,)).fetchall()
    return Finding("villages_without_data", "warning", "Villages with no data", len(rows),
                   "No person of the year lives in these villages: a health unit's file missing, "
                   "or a village code the agencies write differently (see unmapped codes).",
                   [{"where": f"village {c}", "detail": f"{n or ''} (sub-district {s})".strip()}
                    for c, n, s in rows[:EXAMPLES]])


def _gap_finding(found, check, title, counted):
    """A serious gap of the year (core/standard/gaps.py) as a warning finding; its message says
    what to do."""
    return Finding(check, "warning", title, sum(g.count for g in found),
                   "; ".join(str(g) for g in found),
                   [{"where": check, "detail": str(g)} for g in found[:EXAMPLES]],
                   f"{sum(g.count for g in found)} {counted}" if found else "")


def _unmapped_codes(conn, year):
    rows = conn.execute(
        "SELECT u.source, u.field, u.code, u.row_count, u.example_row, r.file_name FROM "
        "unmapped_code u LEFT JOIN import_run r ON r.fid = u.import_run_id WHERE u.data_year = ? "
        "ORDER BY u.row_count DESC, u.source, u.field, u.code", (year,)).fetchall()
    return Finding("unmapped_codes", "warning", "Unmapped codes", len(rows),
                   "Add a row for each code to the crosswalk table (docs/standard.md) and run "
                   "trafficking:crosswalk again; rows with an unmapped code miss from the figures.",
                   [{"where": f"{f or source}, row {ex}", "detail": f"{source} {fld} '{code}' on "
                     f"{n} rows"} for source, fld, code, n, ex, f in rows[:EXAMPLES]],
                   f"{sum(r[3] or 0 for r in rows)} rows carry an unmapped code" if rows else "")


def _district_jumps(conn, year, persons_jump, share_jump):
    title = noop("Districts whose figures jumped from last year")
    previous = conn.execute("SELECT max(data_year) FROM person WHERE data_year < ?",
                            (year,)).fetchone()[0]
    if previous is None:
        return Finding("district_jumps", "warning", title, 0,
                       note="no earlier year in the database to compare with", skipped=True)
    persons = {y: dict(conn.execute(
        "SELECT district_code, count(*) FROM person WHERE data_year = ? AND district_code IS NOT "
        "NULL GROUP BY district_code", (y,)).fetchall()) for y in (previous, year)}
    share = {y: {} for y in (previous, year)}
    if "risk_district" in _tables(conn):
        for y in share:
            share[y] = {c: s for c, s in conn.execute(
                "SELECT code, share_high FROM risk_district WHERE data_year = ? AND persons_scored "
                "> 0", (y,))}
    names = dict(conn.execute("SELECT code, name_th FROM district"))
    jumps = []
    for code in sorted(set(persons[previous]) | set(persons[year])):
        reasons = []
        before, now = persons[previous].get(code, 0), persons[year].get(code, 0)
        if before and abs(now - before) / before > persons_jump or (not before and now):
            reasons.append(f"persons {before} -> {now}")
        s0, s1 = share[previous].get(code), share[year].get(code)
        if s0 is not None and s1 is not None and abs(100 * (s1 - s0)) > share_jump:
            reasons.append(f"high share {100 * s0:.1f} % -> {100 * s1:.1f} %")
        if reasons:
            jumps.append((code, names.get(code) or "", "; ".join(reasons)))
    return Finding(
        "district_jumps", "warning", title, len(jumps),
        f"Compared with {previous}: persons changed by more than {persons_jump:.0%} or the high "
        f"share by more than {share_jump:g} percentage points. Check that every file of the "
        "district was imported for both years before publishing the change.",
        [{"where": f"district {c} {n}".strip(), "detail": d} for c, n, d in jumps[:EXAMPLES]])


def _audit_coverage(conn):
    problems = audit.coverage_problems(conn)
    return Finding(
        "audit_coverage", "error", "Audit trail: what its triggers miss", len(problems),
        "Upgrade the database with Create or upgrade province database to audit them: it makes "
        "the triggers again for the tables as they are. A trigger that is not the plugin's, or "
        "a table gone, may mean someone worked around the audit trail: keep a copy of the file "
        "and ask who changed it.",
        [{"where": w, "detail": d} for w, d in problems[:EXAMPLES]])


_SEAL_TITLE = noop("Audit trail: changed after sealing")
# A finding's status, as the log shows it (translated there).
STATUS_WORDS = {"ok": noop("ok"), "warning": noop("warning"), "error": noop("error"),
                "skipped": noop("skipped")}


def _audit_seal(conn, secret):
    if secret is None:
        return Finding("audit_seal", "error", _SEAL_TITLE, 0, skipped=True,
                       note="not checked: give the identity file to check the seal of the audit "
                            "trail and seal its new rows")
    found = audit.check_seal(conn, secret)
    # The count and the last seal in the report: a later report that shows fewer rows sealed
    # tells of a file rolled back to an earlier copy, which no check inside the file can see.
    note = (f"{found.sealed} rows sealed up to audit_log fid {found.last_fid} (last seal "
            f"{found.last_seal[:16]}); {found.unsealed} rows written since" if found.sealed
            else f"no row sealed yet; {found.unsealed} rows to seal")
    return Finding(
        "audit_seal", "error", _SEAL_TITLE, len(found.problems),
        "The audit trail was changed around its triggers (dropped, or the file edited with "
        "another tool). Keep a copy of this database and of this report as evidence, find who "
        "could write the file, and compare the network and case data with a copy made before "
        "the change. A sealed trail cannot be repaired: these rows stay reported.",
        [{"where": w, "detail": d} for w, d in found.problems[:EXAMPLES]], note)


def _seal_new_rows(database, secret, finding, feedback):
    """Seal the audit rows written since the last seal, once they were checked; a database that
    cannot be written (or not upgraded) keeps its rows unsealed, and the note says why."""
    def seal(conn):
        pseudonym.bind(conn, secret)
        return audit.seal_new_rows(conn, secret)
    try:
        sealed = run_in_transaction(database, feedback, seal)
    except (DatabaseError, audit.SealError) as error:
        finding.note += f"; new rows not sealed: {error}"
        return
    finding.note += f"; sealed now: {sealed}"


# The report.

def write_report(findings: Sequence[Finding], folder: PathLike, data_year: int,
                 database_name: str = "") -> dict[str, str]:
    """verify_<year>.html, verify_<year>_summary.csv, verify_<year>_examples.csv and
    verify_<year>.xlsx in ``folder``; returns their paths. Written beside, then renamed, so a
    failure leaves no half-written report."""
    year = data_year
    stem = os.path.join(folder, f"verify_{year}")
    summary = [["check", "title", "severity", "status", "count", "action", "note"]] + [
        [f.check, f.title, f.severity, f.status, f.count, f.action, f.note] for f in findings]
    examples = [["check", "severity", "where", "detail"]] + [
        [f.check, f.severity, e["where"], e["detail"]] for f in findings for e in f.examples]
    paths = {"html": stem + ".html", "summary_csv": stem + "_summary.csv",
             "examples_csv": stem + "_examples.csv", "xlsx": stem + ".xlsx"}
    written = []
    try:
        os.makedirs(folder, exist_ok=True)
        for key, rows in (("summary_csv", summary), ("examples_csv", examples)):
            with open(paths[key] + ".part", "w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows(neutralise_row(r) for r in rows)
            written.append(key)
        with open(paths["html"] + ".part", "w", encoding="utf-8") as f:
            f.write(_html(findings, year, database_name))
        written.append("html")
        _xlsx(paths["xlsx"] + ".part", summary, examples)
        written.append("xlsx")
        for key in written:
            os.replace(paths[key] + ".part", paths[key])
    except OSError as error:
        raise VerifyError("The report could not be written to {} ({})", folder, error) from None
    finally:
        for key in paths:
            if os.path.exists(paths[key] + ".part"):
                os.remove(paths[key] + ".part")
    return paths


def _xlsx(path, summary, examples):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "summary"
    # openpyxl writes a text beginning with '=' as a formula: every text goes through the door.
    for row in summary:
        sheet.append(neutralise_row(row))
    sheet = book.create_sheet("examples")
    for row in examples:
        sheet.append(neutralise_row(row))
    book.save(path)


_COLOURS = {"error": "#d7301f", "warning": "#fdae61", "info": "#74add1", "ok": "#1a9850",
            "skipped": "#999999"}


def _html(findings, year, database_name):
    e = html.escape
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             f"<title>Data-quality check {year}</title><style>body{{font-family:sans-serif;"
             "max-width:60em;margin:auto}td,th{border:1px solid #ccc;padding:4px;text-align:left}"
             "table{border-collapse:collapse}.badge{color:#fff;padding:2px 6px;border-radius:3px}"
             "</style></head><body>",
             f"<h1>Data-quality check, data year {year_with_be(year)}</h1>",
             f"<p>{e(database_name)}. Row references name the agency file and its row (1 = first "
             "data row) or a code; no IDs or names.</p>",
             "<table><tr><th>check</th><th>status</th><th>count</th></tr>"]
    for f in findings:
        parts.append(f"<tr><td><a href='#{f.check}'>{e(f.title)}</a></td><td><span class='badge' "
                     f"style='background:{_COLOURS[f.status]}'>{f.status}</span></td>"
                     f"<td>{f.count}</td></tr>")
    parts.append("</table>")
    for f in findings:
        parts.append(f"<h2 id='{f.check}'>{e(f.title)}: {f.count} ({f.status})</h2>")
        if f.note:
            parts.append(f"<p><i>{e(f.note)}</i></p>")
        if f.count:
            parts.append(f"<p><b>What to do:</b> {e(f.action)}</p><table><tr><th>where</th>"
                         "<th>what</th></tr>")
            parts += [f"<tr><td>{e(x['where'])}</td><td>{e(x['detail'])}</td></tr>"
                      for x in f.examples]
            parts.append("</table>")
            if f.count > len(f.examples):
                parts.append(f"<p>… and {f.count - len(f.examples)} more.</p>")
    parts.append("</body></html>\n")
    return "".join(parts)


def summary_lines(findings: Iterable[Finding]) -> list[str]:
    """One log line per check, its status and title in the user's language; its note and first
    example as the report has them."""
    return [text("{} {}: {}", text(STATUS_WORDS[f.status]).upper(), text(f.title), f.count)
            + (f" ({f.note})" if f.note else "")
            + (f"; e.g. {f.examples[0]['where']}: {f.examples[0]['detail']}" if f.examples else "")
            for f in findings]
