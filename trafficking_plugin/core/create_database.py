"""Create or upgrade a province GeoPackage in one transaction (trafficking:createdatabase)."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field

from . import admin, audit, database, gpkg, schema
from .database import DatabaseError, PathLike, now_utc
from .feedback import Feedback, NullFeedback, check_canceled
from .ingest import pseudonym
from .risk import indicators
from .shipped_data import plugin_version
from .sin_space import catalogue
from .standard import code_tables


@dataclass
class UnitCounts:
    """Rows of one admin-unit table after the run, and how many were added or kept."""
    rows: int
    added: int
    kept: int


@dataclass
class CreateSummary:
    """What ``create_or_upgrade`` did, for the log."""
    path: str
    province_code: str
    previous_schema_version: int | None = None     # None: the file was new
    schema_version: int = schema.SCHEMA_VERSION
    crosswalk_defaults_added: int = 0
    indicators_added: int = 0
    establishment_types_added: int = 0
    establishment_rules_added: int = 0
    audit_triggers: int = 0
    units: dict[str, UnitCounts] = field(default_factory=dict)    # admin table -> counts


def create_or_upgrade(path: PathLike, province_code: str, units: dict[str, list[dict]],
                      feedback: Feedback | None = None,
                      identity_path: PathLike | None = None) -> CreateSummary:
    """Build the schema, add the shipped specs' missing code-table rows to ``crosswalk``, write the
    indicator catalogue into an empty ``indicator`` table and load admin units; on an existing
    database, upgrade it in place.

    ``units`` maps each of ADMIN_TABLES to rows for ``admin.insert_units``. Everything happens in
    one transaction: on any error (or cancel) the file is left as it was, and a file this call
    created is removed. Birth dates and house numbers an earlier version kept in the database
    move to its identity file (``identity_path``, default beside the database), which commits
    first: a crash in between leaves them in both, and the next upgrade merges them again.
    """
    feedback = feedback or NullFeedback()
    existed = os.path.exists(path)
    conn = database.connect(path)
    summary = CreateSummary(str(path), province_code)
    identity = []          # the identity file's connection, opened when an upgrade needs it

    def keep(moved):
        if not identity:
            found, _ = pseudonym.bound_secret(conn, path, identity_path, create=False)
            identity.append(database.connect(found))
            identity[0].execute("BEGIN IMMEDIATE")
        pseudonym.keep_identifying(identity[0], moved)

    try:
        if existed and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] \
                and not gpkg.is_geopackage(conn):
            raise DatabaseError("{} exists and is not a GeoPackage: choose another file name", path)
        conn.execute("BEGIN IMMEDIATE")
        summary.previous_schema_version = schema.apply_schema(conn, keep_identifying=keep)
        summary.crosswalk_defaults_added = code_tables.load_defaults(conn)
        # The shipped catalogue only into an empty table: specialists' edits survive upgrades.
        summary.indicators_added = indicators.install(conn)
        summary.establishment_types_added, summary.establishment_rules_added = catalogue.install(conn)
        # Recreated on every upgrade so that new columns are audited too (core/audit.py).
        summary.audit_triggers = len(audit.install(conn))
        stored_province = schema.get_info(conn, "province_code")
        if stored_province and stored_province != province_code:
            raise DatabaseError("{} is the database of province {}, not {}: choose another file "
                                "for province {}", path, stored_province, province_code, province_code)
        if not stored_province:
            schema.set_info(conn, "province_code", province_code)
            schema.set_info(conn, "created_at", now_utc())
        schema.set_info(conn, "upgraded_at" if existed else "built_at", now_utc())
        schema.set_info(conn, "plugin_version", plugin_version())
        for step, table in enumerate(admin.ADMIN_TABLES):
            check_canceled(feedback)
            added, kept = admin.insert_units(conn, table, units.get(table, []))
            rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            summary.units[table] = UnitCounts(rows, added, kept)
            feedback.setProgress(100 * (step + 1) / len(admin.ADMIN_TABLES))
        for each in identity:
            each.execute("COMMIT")
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        _undo(conn, path, existed, identity)
        raise database.unwritable(path, error) from None
    except BaseException:
        _undo(conn, path, existed, identity)
        raise
    for each in identity:
        each.close()
    conn.close()
    return summary


def _undo(conn: sqlite3.Connection, path: PathLike, existed: bool,
          identity: list[sqlite3.Connection]) -> None:
    """Roll back, and remove a file this call created."""
    for each in identity:
        if each.in_transaction:
            each.execute("ROLLBACK")
        each.close()
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()
    if not existed and os.path.exists(path):
        os.remove(path)
