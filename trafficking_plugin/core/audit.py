"""The audit trail: SQLite triggers that record every edit of network and case data in audit_log.

The triggers are plain SQL (no custom functions): edits through GDAL/OGR (QGIS's attribute table),
the plugin's docks or any SQLite client are all recorded, and a client without the plugin's SQL
functions can still write. "Who" is read from ``database_info`` (key ``audit_user``), which the
plugin sets to the operating-system user when it opens a database for editing; without it the
triggers write 'unknown'. docs/network.md explains the limits.
"""
from __future__ import annotations

import contextlib
import getpass
import sqlite3
from collections.abc import Iterable
from typing import Any

from . import database
from .database import PathLike

AUDITED_TABLES = ("organization", "network_member", "case", "case_event", "case_perpetrator",
                  "case_support")
USER_KEY = "audit_user"
UNKNOWN_USER = "unknown"

# Same form as database.now_utc() (ISO 8601, UTC, whole seconds), in plain SQL.
_NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"
_WHO = (f"COALESCE((SELECT value FROM database_info WHERE key = '{USER_KEY}'), "
        f"'{UNKNOWN_USER}')")
_INSERT = ('INSERT INTO audit_log (changed_at, changed_by, table_name, record_id, action, field, '
           'old_value, new_value)')


def current_user() -> str:
    """The operating-system user, or 'unknown' where the system cannot say (no login name)."""
    try:
        return getpass.getuser() or UNKNOWN_USER
    except (OSError, KeyError, ImportError):   # no USER/LOGNAME and no passwd entry
        return UNKNOWN_USER


def set_user(conn: sqlite3.Connection, user: str | None = None) -> None:
    """Record who edits from now on (the OS user by default); the triggers read it."""
    conn.execute("INSERT INTO database_info (key, value) VALUES (?, ?)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (USER_KEY, user or current_user()))


def mark_editor(path: PathLike, user: str | None = None) -> bool:
    """Write who edits into the GeoPackage at ``path`` (``set_user``) before a client commits an
    edit; False when the file cannot be written. The triggers record the edit anyway."""
    try:
        with contextlib.closing(database.connect(path)) as conn:
            set_user(conn, user)
        return True
    except sqlite3.Error:
        return False


def _columns(conn, table):
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _as_text(ref):
    # Geometries (GeoPackage blobs) as hex, so the value survives as text and can be restored.
    return f"CASE WHEN typeof({ref}) = 'blob' THEN hex({ref}) ELSE {ref} END"


def _field_rows(columns, old, new):
    """A UNION ALL of (field, old value, new value) for every column but fid."""
    parts = []
    for name in columns:
        if name == "fid":
            continue
        o = _as_text(f'OLD."{name}"') if old else "NULL"
        n = _as_text(f'NEW."{name}"') if new else "NULL"
        parts.append(f"SELECT '{name}' AS field, {o} AS o, {n} AS n")
    return " UNION ALL ".join(parts)


def trigger_sql(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """{trigger name: CREATE TRIGGER statement} for one audited table, for its current columns."""
    columns = _columns(conn, table)
    t = f'"{table}"'
    head = f"{_INSERT} SELECT {_NOW}, {_WHO}, '{table}'"
    return {
        # insert: one row for the record, then one per field that got a value
        f"audit_{table}_insert": (
            f'CREATE TRIGGER "audit_{table}_insert" AFTER INSERT ON {t} BEGIN '
            f"{head}, NEW.fid, 'insert', NULL, NULL, NULL; "
            f"{head}, NEW.fid, 'insert', field, NULL, n FROM ({_field_rows(columns, False, True)}) "
            f"WHERE n IS NOT NULL; END"),
        # update: one row per field whose value changed (IS NOT: NULL-safe)
        f"audit_{table}_update": (
            f'CREATE TRIGGER "audit_{table}_update" AFTER UPDATE ON {t} BEGIN '
            f"{head}, NEW.fid, 'update', 'fid', OLD.fid, NEW.fid WHERE OLD.fid IS NOT NEW.fid; "
            f"{head}, NEW.fid, 'update', field, o, n FROM ({_field_rows(columns, True, True)}) "
            f"WHERE o IS NOT n; END"),
        # delete: the record, then every value it had, so a deleted row can be restored
        f"audit_{table}_delete": (
            f'CREATE TRIGGER "audit_{table}_delete" AFTER DELETE ON {t} BEGIN '
            f"{head}, OLD.fid, 'delete', NULL, NULL, NULL; "
            f"{head}, OLD.fid, 'delete', field, o, NULL FROM ({_field_rows(columns, True, False)}) "
            f"WHERE o IS NOT NULL; END"),
    }


APPEND_ONLY = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                           "SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be "
                           "changed'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                           "SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be "
                           "deleted'); END",
}


def install(conn: sqlite3.Connection, tables: Iterable[str] = AUDITED_TABLES) -> list[str]:
    """(Re)create the audit triggers inside the caller's transaction; returns their names.

    Dropped and created again on every upgrade, so columns an upgrade added are audited too.
    Tables missing from the database are skipped."""
    statements = dict(APPEND_ONLY)
    for table in tables:
        if _columns(conn, table):
            statements.update(trigger_sql(conn, table))
    for name, sql in statements.items():
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        conn.execute(sql)
    return sorted(statements)


def history(conn: sqlite3.Connection, table: str, record_id: int) -> list[dict[str, Any]]:
    """Audit rows of one record, oldest first, as dicts."""
    cursor = conn.execute(
        "SELECT changed_at, changed_by, action, field, old_value, new_value FROM audit_log"
        " WHERE table_name = ? AND record_id = ? ORDER BY fid", (table, record_id))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
