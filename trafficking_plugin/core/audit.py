"""The audit trail: SQLite triggers that record every edit of network and case data in audit_log.

The triggers are plain SQL (no custom functions): edits through GDAL/OGR (QGIS's attribute table),
the plugin's docks or any SQLite client are all recorded, and a client without the plugin's SQL
functions can still write. "Who" is read from ``database_info`` (key ``audit_user``), which the
plugin sets to the operating-system user when it opens a database for editing; without it the
triggers write 'unknown'.

The trail is append-only against every SQL path: triggers refuse to change, delete or replace a
row of audit_log, and refuse on the audited tables what REPLACE would do without a delete
trigger firing. SQLite has no triggers on schema changes, so ``coverage_problems`` finds what
the triggers miss (a column added by hand) and an upgrade (``install``) makes them again. The
seal, a chain of keyed hashes over the rows (``check_seal``, ``seal_new_rows``), shows a row
changed, deleted or cut off by a path around the triggers; its key comes from the identity
file's secret, which the GeoPackage does not hold. docs/network.md explains the limits.
"""
from __future__ import annotations

import contextlib
import getpass
import hashlib
import hmac
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import database, schema
from .database import PathLike
from .errors import CoreError

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
    return [row[1] for row in conn.execute(f"PRAGMA table_info({_name(table)})")]


def _name(identifier):
    """An SQL identifier in double quotes (a column a user added may hold any character)."""
    return '"' + identifier.replace('"', '""') + '"'


def _text(value):
    """An SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _as_text(ref):
    # Geometries (GeoPackage blobs) as hex, so the value survives as text and can be restored.
    return f"CASE WHEN typeof({ref}) = 'blob' THEN hex({ref}) ELSE {ref} END"


def _field_rows(columns, old, new):
    """A UNION ALL of (field, old value, new value) for every column but fid."""
    parts = []
    for name in columns:
        if name == "fid":
            continue
        o = _as_text(f"OLD.{_name(name)}") if old else "NULL"
        n = _as_text(f"NEW.{_name(name)}") if new else "NULL"
        parts.append(f"SELECT {_text(name)} AS field, {o} AS o, {n} AS n")
    return " UNION ALL ".join(parts)


def unique_keys(conn: sqlite3.Connection, table: str) -> list[tuple[str, ...]]:
    """The column groups of ``table``'s UNIQUE constraints and indexes (those on plain columns:
    an index on an expression cannot be checked from a trigger)."""
    keys = set()
    for row in conn.execute(f"PRAGMA index_list({_name(table)})"):
        if row[2]:
            columns = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({_name(row[1])})"))
            if columns and None not in columns:
                keys.add(columns)
    return sorted(keys)


def _replace_guards(conn, table):
    """Triggers that refuse what REPLACE would do silently: delete a row whose fid or unique key
    an INSERT or UPDATE takes (SQLite fires no delete trigger for it). In a BEFORE INSERT trigger
    NEW.fid is -1 when SQLite picks the fid; an explicit fid below 1 is refused after the insert."""
    t = _name(table)
    keys = unique_keys(conn, table)

    def taken(extra):
        return [f"EXISTS (SELECT 1 FROM {t} WHERE "
                + " AND ".join(f"{_name(c)} = NEW.{_name(c)}" for c in key) + f"{extra})"
                for key in keys]
    on_insert = " OR ".join([f"(NEW.fid IS NOT -1 AND EXISTS (SELECT 1 FROM {t} WHERE fid = "
                             "NEW.fid))"] + taken(""))
    on_update = " OR ".join([f"EXISTS (SELECT 1 FROM {t} WHERE fid = NEW.fid AND fid IS NOT "
                             "OLD.fid)"] + taken(" AND fid IS NOT OLD.fid"))
    watched = ", ".join(_name(c) for c in ["fid", *sorted({c for key in keys for c in key})])
    refused = _text(f"{table}: a row with this fid or unique value exists already; change it "
                    "with UPDATE (REPLACE would erase it without an audit record)")
    return {
        f"audit_{table}_no_replace": (
            f"CREATE TRIGGER {_name(f'audit_{table}_no_replace')} BEFORE INSERT ON {t} "
            f"WHEN {on_insert} BEGIN SELECT RAISE(ABORT, {refused}); END"),
        f"audit_{table}_no_replace_update": (
            f"CREATE TRIGGER {_name(f'audit_{table}_no_replace_update')} BEFORE UPDATE OF "
            f"{watched} ON {t} WHEN {on_update} BEGIN SELECT RAISE(ABORT, {refused}); END"),
        f"audit_{table}_fid_positive": (
            f"CREATE TRIGGER {_name(f'audit_{table}_fid_positive')} AFTER INSERT ON {t} "
            f"WHEN NEW.fid < 1 BEGIN SELECT RAISE(ABORT, "
            f"{_text(f'{table}: fid must be 1 or more')}); END"),
    }


def trigger_sql(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """{trigger name: CREATE TRIGGER statement} for one audited table, for its current columns
    and unique keys."""
    columns = _columns(conn, table)
    t = _name(table)
    head = f"{_INSERT} SELECT {_NOW}, {_WHO}, {_text(table)}"
    return {
        # insert: one row for the record, then one per field that got a value
        f"audit_{table}_insert": (
            f"CREATE TRIGGER {_name(f'audit_{table}_insert')} AFTER INSERT ON {t} BEGIN "
            f"{head}, NEW.fid, 'insert', NULL, NULL, NULL; "
            f"{head}, NEW.fid, 'insert', field, NULL, n FROM ({_field_rows(columns, False, True)}) "
            f"WHERE n IS NOT NULL; END"),
        # update: one row per field whose value changed (IS NOT: NULL-safe)
        f"audit_{table}_update": (
            f"CREATE TRIGGER {_name(f'audit_{table}_update')} AFTER UPDATE ON {t} BEGIN "
            f"{head}, NEW.fid, 'update', 'fid', OLD.fid, NEW.fid WHERE OLD.fid IS NOT NEW.fid; "
            f"{head}, NEW.fid, 'update', field, o, n FROM ({_field_rows(columns, True, True)}) "
            f"WHERE o IS NOT n; END"),
        # delete: the record, then every value it had, so a deleted row can be restored
        f"audit_{table}_delete": (
            f"CREATE TRIGGER {_name(f'audit_{table}_delete')} AFTER DELETE ON {t} BEGIN "
            f"{head}, OLD.fid, 'delete', NULL, NULL, NULL; "
            f"{head}, OLD.fid, 'delete', field, o, NULL FROM ({_field_rows(columns, True, False)}) "
            f"WHERE o IS NOT NULL; END"),
        **_replace_guards(conn, table),
    }


def _append_only(table, unique=None):
    """Rows of ``table`` can be added after the last one, never changed, deleted or replaced
    (an explicit fid at or below the highest, or a taken ``unique`` value, is refused)."""
    def trigger(name, when, condition, message):
        return (f"CREATE TRIGGER {name} {when} ON {table} {condition}BEGIN SELECT RAISE(ABORT, "
                f"'{table} is append-only: {message}'); END")
    taken = (f" OR EXISTS (SELECT 1 FROM {table} WHERE {unique} = NEW.{unique})"
             if unique else "")
    return {
        f"{table}_no_update": trigger(f"{table}_no_update", "BEFORE UPDATE", "",
                                      "its rows cannot be changed"),
        f"{table}_no_delete": trigger(f"{table}_no_delete", "BEFORE DELETE", "",
                                      "its rows cannot be deleted"),
        f"{table}_no_replace": trigger(
            f"{table}_no_replace", "BEFORE INSERT",
            f"WHEN (NEW.fid IS NOT -1 AND NEW.fid <= (SELECT max(fid) FROM {table})){taken} ",
            "a row is added after the last one and never replaces one"),
        f"{table}_fid_positive": trigger(f"{table}_fid_positive", "AFTER INSERT",
                                         "WHEN NEW.fid < 1 ", "fid must be 1 or more"),
    }


SEAL_TABLE = "audit_seal"
APPEND_ONLY_TABLES = {"audit_log": None, SEAL_TABLE: "audit_fid"}    # table: its unique column


def _expected_by_table(conn, tables=AUDITED_TABLES):
    """{table: {trigger name: CREATE TRIGGER statement}} for the tables the database has."""
    found = {table: _append_only(table, unique) for table, unique in APPEND_ONLY_TABLES.items()
             if _columns(conn, table)}
    found.update({table: trigger_sql(conn, table) for table in tables if _columns(conn, table)})
    return found


def expected_triggers(conn: sqlite3.Connection,
                      tables: Iterable[str] = AUDITED_TABLES) -> dict[str, str]:
    """{name: CREATE TRIGGER statement} of every trigger ``install`` makes for the database's
    current tables and columns (tables missing from the database are skipped)."""
    return {name: sql for each in _expected_by_table(conn, tables).values()
            for name, sql in each.items()}


def install(conn: sqlite3.Connection, tables: Iterable[str] = AUDITED_TABLES) -> list[str]:
    """(Re)create the audit triggers inside the caller's transaction; returns their names.

    Dropped and created again on every upgrade, so columns an upgrade (or a user) added are
    audited too. Tables missing from the database are skipped."""
    statements = expected_triggers(conn, tables)
    for name, sql in statements.items():
        conn.execute(f"DROP TRIGGER IF EXISTS {_name(name)}")
        conn.execute(sql)
    return sorted(statements)


# Triggers GDAL keeps on a GeoPackage table: its spatial index and its feature count.
_GDAL_TRIGGERS = ("rtree_{}_", "trigger_insert_feature_count_{}", "trigger_delete_feature_count_{}")


def coverage_problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """What the audit triggers of the database at ``conn`` miss, as (where, what) pairs: an
    audited table gone, columns no trigger records (added by hand since the last upgrade),
    triggers missing or not as the plugin makes them, and other triggers on the audited tables
    or the log (one could drop its rows silently). SQLite has no triggers on schema changes,
    so this check is how a change is found."""
    expected = _expected_by_table(conn)
    stored = {}
    for name, table, sql in conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"):
        stored.setdefault(table, {})[name] = sql
    problems = []
    for table in (*AUDITED_TABLES, "audit_log", SEAL_TABLE):
        columns = _columns(conn, table)
        if not columns:
            if table != SEAL_TABLE:        # audit_seal: a database not upgraded since it came
                problems.append((f"table {table}", "the table is missing: its rows were removed "
                                 "with no audit record, or the database is not upgraded"))
            continue
        mine = expected[table]
        present = stored.get(table, {})
        missed = []
        if table in AUDITED_TABLES:
            # A column counts as audited when every audit trigger present names its values.
            names = {"insert": ("NEW",), "update": ("OLD", "NEW"), "delete": ("OLD",)}
            bodies = [(present[f"audit_{table}_{event}"], refs) for event, refs in names.items()
                      if f"audit_{table}_{event}" in present]
            missed = [c for c in columns if c != "fid" and not all(
                f"{ref}.{_name(c)}" in body for body, refs in bodies for ref in refs)]
            if missed:
                problems.append((f"table {table}", "columns not audited: " + ", ".join(missed)))
        for name, sql in sorted(mine.items()):
            if name not in present:
                problems.append((f"table {table}", f"trigger {name} is missing"))
            elif present[name] != sql and not missed:
                problems.append((f"table {table}", f"trigger {name} is not as the plugin "
                                 "makes it for the table as it is (changed, or a column renamed "
                                 "or a unique index added by hand)"))
        gdal = tuple(p.format(table) for p in _GDAL_TRIGGERS)
        problems += [(f"table {table}", f"trigger {name} is not the plugin's: check what it does "
                      "and drop it") for name in sorted(present)
                     if name not in mine and not name.startswith(gdal)]
    return problems


# The seal: a hash chain over audit_log, keyed by the identity file's secret. Each sealed row's
# seal is HMAC(key, previous seal | the row's fields); the record in database_info keeps the
# number of rows sealed and the last seal, under a MAC of its own, so a cut tail shows.
SEAL_INFO_KEY = "audit_seal"
SEALED_COLUMNS = ("fid", "changed_at", "changed_by", "table_name", "record_id", "action", "field",
                  "old_value", "new_value")
_SEAL_LABEL = b"trafficking_db: the seal of audit_log"
# Each field as its type and the hex of its bytes: unambiguous, and plain ASCII whatever a row
# holds (a text that is not UTF-8 included).
_CANONICAL = " || '|' || ".join(f"typeof({c}) || ':' || hex({c})" for c in SEALED_COLUMNS)


class SealError(CoreError):
    """The audit trail cannot be sealed as asked."""


@dataclass
class _SealRecord:
    """database_info's record of the seal: rows sealed so far, the last fid and its seal."""
    rows: int
    last_fid: int
    last_seal: str
    check: str


@dataclass
class SealCheck:
    """What ``check_seal`` found."""
    sealed: int = 0                  # rows the record says were sealed
    last_fid: int = 0                # the last fid sealed
    last_seal: str = ""
    unsealed: int = 0                # rows after the last sealed one, to seal next
    problems: list[tuple[str, str]] = field(default_factory=list)      # (where, what)


def seal_key(secret: bytes) -> bytes:
    """The key of the seal, derived from the identity file's secret (not the fingerprint the
    database keeps, which is made with another label)."""
    return hmac.new(secret, _SEAL_LABEL, hashlib.sha256).digest()


def _link(key, previous, canonical):
    return hmac.new(key, f"{previous}|{canonical}".encode(), hashlib.sha256).hexdigest()


def _record_check(key, rows, last_fid, last_seal):
    return hmac.new(key, f"record|{rows}|{last_fid}|{last_seal}".encode(),
                    hashlib.sha256).hexdigest()


def _record(conn, key):
    """The stored record, None when there is none; ValueError when it is not one or its MAC
    is wrong (changed without the key)."""
    row = conn.execute("SELECT hex(value) FROM database_info WHERE key = ?",
                       (SEAL_INFO_KEY,)).fetchone()
    if row is None:
        return None
    data = json.loads(_from_hex(row[0]))
    record = _SealRecord(int(data["rows"]), int(data["last_fid"]), str(data["last_seal"]),
                        str(data["check"]))
    expected = _record_check(key, record.rows, record.last_fid, record.last_seal)
    if not hmac.compare_digest(record.check.encode(), expected.encode()):
        raise ValueError("wrong check")
    return record


def _read_record(conn, key):
    try:
        return _record(conn, key), ""
    except (ValueError, KeyError, TypeError):
        return None, ("the record of the seal (database_info key audit_seal) was changed without "
                      "the key: the seal cannot tell how many rows were sealed (sealing goes on "
                      "from the seals present: keep this report)")


def _from_hex(text):
    # Values an attacker wrote are read as hex: text that is not UTF-8 cannot stop the check.
    return bytes.fromhex(text or "").decode("utf-8", "replace")


def _seals(conn):
    """[(audit_fid, seal)] in order, and the number of rows of audit_seal that are no seal."""
    if not _columns(conn, SEAL_TABLE):
        return [], 0
    seals = [(fid, _from_hex(seal)) for fid, seal in conn.execute(
        f"SELECT audit_fid, hex(seal) FROM {SEAL_TABLE} WHERE typeof(audit_fid) = 'integer' "
        "ORDER BY audit_fid")]
    others = conn.execute(f"SELECT count(*) FROM {SEAL_TABLE} WHERE typeof(audit_fid) <> "
                          "'integer'").fetchone()[0]
    return seals, others


def check_seal(conn: sqlite3.Connection, secret: bytes) -> SealCheck:
    """Check the sealed part of audit_log against its seals; reads only.

    Each seal is checked against its row and the seal stored before it, so a problem is named
    at the row where it is: a row changed, a sealed row deleted, a row put into the sealed part,
    sealed rows missing at the end, a record changed. Rows after the last sealed one are
    counted (``unsealed``), not judged."""
    key = seal_key(secret)
    found = SealCheck()
    if not _columns(conn, "audit_log"):
        found.problems.append(("audit_log", "the table audit_log is missing"))
        return found
    record, broken = _read_record(conn, key)
    if broken:
        found.problems.append(("database_info", broken))
    seals, others = _seals(conn)
    if not _columns(conn, SEAL_TABLE) and (record or broken):
        found.problems.append((SEAL_TABLE, "the table of seals is missing"))
    if others:
        found.problems.append((SEAL_TABLE, f"{others} rows that are no seal (audit_fid is not a "
                               "whole number)"))
    rows = dict(conn.execute(f"SELECT fid, {_CANONICAL} FROM audit_log ORDER BY fid"))
    previous = ""
    for fid, seal in seals:
        if fid not in rows:
            found.problems.append((f"audit_log fid {fid}", "deleted after it was sealed"))
        elif not hmac.compare_digest(_link(key, previous, rows[fid]).encode(), seal.encode()):
            found.problems.append((f"audit_log fid {fid}", "changed after it was sealed, or a "
                                   "sealed row before it deleted"))
        previous = seal
    sealed = {fid for fid, _ in seals}
    top = max([record.last_fid if record else 0] + [fid for fid, _ in seals])
    found.problems += [(f"audit_log fid {fid}", "put into the sealed part of the trail after it "
                        "was sealed") for fid in rows if fid <= top and fid not in sealed]
    if record is not None:
        found.sealed, found.last_fid, found.last_seal = record.rows, record.last_fid, record.last_seal
        if record.rows > len(seals):
            found.problems.append((SEAL_TABLE, f"{record.rows - len(seals)} sealed rows are "
                                   f"missing (the seal had {record.rows}, up to fid "
                                   f"{record.last_fid})"))
        elif record.rows < len(seals):
            found.problems.append((SEAL_TABLE, f"{len(seals) - record.rows} seals more than the "
                                   "record counts"))
        if seals and record.last_fid == seals[-1][0] and record.last_seal != seals[-1][1]:
            found.problems.append((f"audit_log fid {record.last_fid}", "its seal was replaced"))
    elif seals and not broken:
        found.problems.append(("database_info", "the record of the seal (database_info key "
                               "audit_seal) was removed: the seal cannot tell how many rows were "
                               "sealed (sealing goes on from the seals present: keep this "
                               "report)"))
    found.unsealed = sum(1 for fid in rows if fid > top)
    return found


def seal_new_rows(conn: sqlite3.Connection, secret: bytes) -> int:
    """Seal the rows of audit_log after the last sealed one, inside the caller's transaction;
    returns how many. The chain goes on from the record's last seal, so sealing never hides
    what ``check_seal`` finds (a missing tail stays missing); a record changed without the key
    is replaced by one for the seals present, once ``check_seal`` has reported it."""
    if not _columns(conn, SEAL_TABLE):
        raise SealError("this database has no table of seals (audit_seal): upgrade it with "
                        "Create or upgrade province database first")
    key = seal_key(secret)
    record, _ = _read_record(conn, key)
    seals, _ = _seals(conn)
    if record is None:                  # none yet, or changed without the key: the seals present
        record = _SealRecord(len(seals), *seals[-1], "") if seals else _SealRecord(0, 0, "", "")
    previous, rows, last_fid = record.last_seal, record.rows, record.last_fid
    # After the last seal of the record, and after any seal row beyond it (one added without
    # the key stays, and stays reported).
    start = max([record.last_fid] + [fid for fid, _ in seals[-1:]])
    added = []
    for fid, canonical in conn.execute(f"SELECT fid, {_CANONICAL} FROM audit_log WHERE fid > ? "
                                       "ORDER BY fid", (start,)):
        previous = _link(key, previous, canonical)
        added.append((fid, previous))
        last_fid = fid
    if not added and record.check:        # nothing new, and the record stands
        return 0
    conn.executemany(f"INSERT INTO {SEAL_TABLE} (audit_fid, seal) VALUES (?, ?)", added)
    rows += len(added)
    schema.set_info(conn, SEAL_INFO_KEY, json.dumps({
        "rows": rows, "last_fid": last_fid, "last_seal": previous,
        "check": _record_check(key, rows, last_fid, previous)}))
    return len(added)


def history(conn: sqlite3.Connection, table: str, record_id: int) -> list[dict[str, Any]]:
    """Audit rows of one record, oldest first, as dicts."""
    cursor = conn.execute(
        "SELECT changed_at, changed_by, action, field, old_value, new_value FROM audit_log"
        " WHERE table_name = ? AND record_id = ? ORDER BY fid", (table, record_id))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
