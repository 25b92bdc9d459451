"""Import runs: list them, and withdraw one that imported the wrong file.

A withdrawn run stops counting everywhere a succeeded run counts (the crosswalk, the duplicate
check, the work list): its status becomes ``withdrawn`` and the rows it staged leave the staging
tables, the ``establishment`` layer (sin space surveys) and ``activity`` (activity files); its
identities leave the identity file. Its ``rejected_row`` entries and the run itself stay, as the
record of what was imported and taken back, and ``audit_log`` records who withdrew it, when and
why. One transaction covers the database and the identity file: an error or a cancel leaves
both as they were.

Tables built from staged rows (person, the sector tables, the risk index) are not patched here:
the crosswalk and the scoring rebuild a data year as a whole, so the summary says which to re-run.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field

from .. import audit, database
from ..database import PathLike, now_utc
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, info, text
from ..thai_calendar import year_with_be
from . import pseudonym

WITHDRAWN = "withdrawn"
# Layers written directly by the import of a source (not by the crosswalk), keyed by import_run_id.
DIRECT_TABLES = {"sin_space": "establishment", "activity": "activity"}
_NOTHING_TO_WITHDRAW = {
    "failed": "it failed, so it added nothing",
    "canceled": "it was canceled, so it added nothing",
    "duplicate": "it was a duplicate of an earlier import, so it added nothing (withdraw that "
                 "earlier run instead)",
    "running": "it has not finished",
}
RUN_COLUMNS = ("fid", "status", "source", "data_year", "file_name", "rows_staged", "finished_at")


class WithdrawError(CoreError):
    """The run cannot be withdrawn; the message says why and what to do."""


@dataclass
class WithdrawSummary:
    """What withdrawing an import run did, and what the clerk must re-run."""
    run_id: int
    source: str
    file_name: str
    data_year: int
    rows_deleted: dict[str, int]          # table -> rows
    identities_deleted: int
    withdrawn_at: str
    withdrawn_by: str
    message: str = ""
    next_steps: list[str] = field(default_factory=list)


def list_runs(conn: sqlite3.Connection, statuses: tuple[str, ...] | None = None) -> list[dict]:
    """The import runs as dicts (RUN_COLUMNS), oldest first; only ``statuses`` when given."""
    sql = f"SELECT {', '.join(RUN_COLUMNS)} FROM import_run"
    args = ()
    if statuses:
        sql += f" WHERE status IN ({', '.join('?' * len(statuses))})"
        args = tuple(statuses)
    return [dict(zip(RUN_COLUMNS, row)) for row in conn.execute(sql + " ORDER BY fid", args)]


def describe_run(run: dict) -> str:
    """One line per run for a log: what a clerk needs to pick the right run id."""
    return text("run {}: {}, {} {} for data year {}, {} rows staged, finished {}", run["fid"],
                run["status"], run["source"], run["file_name"], year_with_be(run["data_year"]),
                run["rows_staged"] or 0, run["finished_at"] or "-")


def withdraw(database_path: PathLike, run_id: int | None = None, reason: str = "",
             file_name: str | None = None, identity_path: PathLike | None = None,
             user: str | None = None, feedback: Feedback | None = None) -> WithdrawSummary:
    """Withdraw the succeeded import run ``run_id`` (or the one succeeded run of ``file_name``).

    ``reason`` is required and recorded. Raises WithdrawError (nothing changed) or Canceled
    (rolled back)."""
    feedback = feedback or NullFeedback()
    reason = " ".join((reason or "").split())
    if not reason:
        raise WithdrawError("give the reason for withdrawing the import (e.g. 'wrong data year'): "
                            "it is recorded in import_run and audit_log")
    identity_path = str(identity_path or pseudonym.default_identity_path(database_path))
    with database.writing(database_path, feedback) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").fetchone():
            raise WithdrawError("{} has no audit_log table: upgrade it with "
                                "trafficking:createdatabase first", database_path)
        has_identity = os.path.isfile(identity_path)
        if has_identity:       # refuse another database's file before anything changes
            pseudonym.bound_secret(conn, database_path, identity_path, create=False)
        conn.execute("BEGIN IMMEDIATE")
        try:
            summary = _withdraw(conn, run_id, file_name, reason, user or audit.current_user(),
                                feedback)
            check_canceled(feedback)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if has_identity:
            # After the database's commit: a crash in between leaves identities of a withdrawn
            # run, which the next import or withdrawal removes (pseudonym.repair).
            with contextlib.closing(database.connect(identity_path)) as identity:
                identity.execute("BEGIN IMMEDIATE")
                summary.identities_deleted = identity.execute(
                    "DELETE FROM person_identity WHERE import_run_id = ?",
                    (summary.run_id,)).rowcount
                pseudonym.repair(identity, conn)
                identity.execute("COMMIT")
    summary.message = (
        f"Import run {summary.run_id} ({summary.file_name}, {summary.source}, data year "
        f"{summary.data_year}) withdrawn: "
        + (", ".join(f"{n} rows from {t}" for t, n in sorted(summary.rows_deleted.items()))
           or "no rows")
        + f" deleted, {summary.identities_deleted} identities removed; its rejected rows are kept. "
        "The same file can be imported again.")
    if not has_identity:
        summary.next_steps.insert(0, text("No identity file at {}: no identities were removed "
                                          "(give the identity file if it is elsewhere).",
                                          identity_path))
    info(feedback, "Import run {} ({}, {}, data year {}) withdrawn: {} staged rows deleted, {} "
         "identities removed; its rejected rows are kept. The same file can be imported again.",
         summary.run_id, summary.file_name, summary.source, year_with_be(summary.data_year),
         sum(summary.rows_deleted.values()), summary.identities_deleted)
    return summary


def _find_run(conn, run_id, file_name):
    if run_id is None and not (file_name or "").strip():
        raise WithdrawError("give the run id (the fid in import_run) or the file name of the "
                            "import to withdraw; the runs that can be withdrawn are:\n{}",
                            _listing(conn))
    if run_id is not None:
        row = conn.execute(f"SELECT {', '.join(RUN_COLUMNS)}, message FROM import_run "
                           "WHERE fid = ?", (run_id,)).fetchone()
        if row is None:
            raise WithdrawError("there is no import run {} in this database; the runs that can be "
                                "withdrawn are:\n{}", run_id, _listing(conn))
        run = dict(zip(RUN_COLUMNS + ("message",), row))
        if (file_name or "").strip() and file_name.strip() != run["file_name"]:
            raise WithdrawError("import run {} is {}, not {}: check which import to withdraw",
                                run_id, run["file_name"], file_name.strip())
        return run
    name = file_name.strip()
    rows = conn.execute(f"SELECT {', '.join(RUN_COLUMNS)}, message FROM import_run WHERE "
                        "file_name = ? AND status = 'succeeded' ORDER BY fid", (name,)).fetchall()
    if not rows:
        raise WithdrawError("no succeeded import of a file named {} in this database; the runs "
                            "that can be withdrawn are:\n{}", name, _listing(conn))
    if len(rows) > 1:
        runs = ", ".join(str(r[0]) for r in rows)
        raise WithdrawError("{} succeeded imports of files named {} (runs {}): give the run id "
                            "of the one to withdraw", len(rows), name, runs)
    return dict(zip(RUN_COLUMNS + ("message",), rows[0]))


def _listing(conn):
    return "\n".join(describe_run(r) for r in list_runs(conn, ("succeeded",))) or \
        text("(no succeeded import in this database)")


def _withdraw(conn, run_id, file_name, reason, user, feedback):
    run = _find_run(conn, run_id, file_name)
    status, fid = run["status"], run["fid"]
    if status == WITHDRAWN:
        raise WithdrawError("import run {} ({}) is already withdrawn: {}", fid, run["file_name"],
                            run["message"])
    if status != "succeeded":
        why = _NOTHING_TO_WITHDRAW.get(status, f"its status is {status}")
        raise WithdrawError("import run {} ({}) has nothing to withdraw: {}", fid, run["file_name"],
                            why)
    deleted = {}
    staging = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'staging_*' "
        "ORDER BY name")]
    direct = DIRECT_TABLES.get(run["source"])
    for table in staging + ([direct] if direct else []):
        check_canceled(feedback)
        if "import_run_id" not in {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}:
            continue
        count = conn.execute(f'DELETE FROM "{table}" WHERE import_run_id = ?', (fid,)).rowcount
        if count:
            deleted[table] = count
    when = now_utc()
    message = (f"withdrawn {when} by {user}: {reason} (staged rows deleted: "
               f"{sum(deleted.values())}; rejected_row entries kept). Before: {run['message']}")
    conn.execute("UPDATE import_run SET status = ?, message = ? WHERE fid = ?",
                 (WITHDRAWN, message, fid))
    # Two rows, as the audit triggers write an update: the status, and the message with the reason.
    conn.executemany(
        "INSERT INTO audit_log (changed_at, changed_by, table_name, record_id, action, field, "
        "old_value, new_value) VALUES (?, ?, 'import_run', ?, 'update', ?, ?, ?)",
        [(when, user, fid, "status", status, WITHDRAWN),
         (when, user, fid, "message", run["message"], message)])
    if run["source"] == "sin_space" and deleted.get("establishment"):
        _remeasure_places(conn, feedback)
    return WithdrawSummary(fid, run["source"], run["file_name"], run["data_year"], deleted, 0,
                           when, user, next_steps=_next_steps(conn, run))


def _remeasure_places(conn, feedback):
    """The village distances and the unknown-type list without the withdrawn places. The other
    places keep their scores (the cut-points they were scored with are not stored)."""
    from ..sin_space import catalogue, establishments  # numpy: only for sin space
    establishments.village_distances(conn, feedback)
    establishments.list_unknown_types(conn, catalogue.read_types(conn))


def _next_steps(conn, run):
    """What the clerk must re-run, in sentences."""
    year, source = run["data_year"], run["source"]
    scored = [y for (y,) in conn.execute("SELECT DISTINCT data_year FROM risk_run ORDER BY "
                                         "data_year")] if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'risk_run'").fetchone() else []
    be = year_with_be(year)
    if source == "activity":
        return [text("The activity table no longer holds this file's activities: re-run "
                     "trafficking:monitoractivities for the years it reported on.")]
    if source == "sin_space":
        steps = [text("Village distances to risky places were measured again without this "
                      "survey's places.")]
        if scored:
            steps.append(text("The risk index reads those distances: the risk index of data "
                              "year(s) {} is now stale until re-scored with "
                              "trafficking:scoreriskindex.",
                              ", ".join(text("{}", year_with_be(y)) for y in scored)))
        return steps
    steps = [text("Re-run trafficking:crosswalk for data year {}: person and the sector tables "
                  "still hold this file's rows until the crosswalk rebuilds them.", be)]
    if year in scored:
        steps.append(text("Data year {} has a risk index (risk_run): it is now stale until you "
                          "re-run trafficking:scoreriskindex for it after the crosswalk.", be))
    else:
        steps.append(text("Then score the year with trafficking:scoreriskindex when its files are "
                          "complete."))
    return steps
