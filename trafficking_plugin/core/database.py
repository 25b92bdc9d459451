"""Create or upgrade a province GeoPackage in one transaction."""
import datetime
import os
import sqlite3

from . import admin, audit, gpkg, schema
from .feedback import Canceled, NullFeedback, check_canceled
from .risk import indicators
from .sin_space import catalogue
from .standard import code_tables

ADMIN_TABLES = ("province", "district", "subdistrict", "village")


class DatabaseError(Exception):
    """A problem the user can fix, worded for them."""


def create_or_upgrade(path, province_code, units, plugin_version="", feedback=None):
    """Build the schema, add the shipped specs' missing code-table rows to ``crosswalk``, write the
    indicator catalogue into an empty ``indicator`` table and load admin units; on an existing
    database, upgrade it in place.

    ``units`` maps each of ADMIN_TABLES to rows for ``admin.insert_units``. Everything happens in
    one transaction: on any error (or cancel) the file is left as it was, and a file this call
    created is removed. Returns a summary dict for the log.
    """
    feedback = feedback or NullFeedback()
    existed = os.path.exists(path)
    conn = gpkg.connect(path)
    summary = {"path": str(path), "province_code": province_code}
    try:
        if existed and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] \
                and not gpkg.is_geopackage(conn):
            raise DatabaseError(f"{path} exists and is not a GeoPackage: choose another file name")
        conn.execute("BEGIN IMMEDIATE")
        summary["previous_schema_version"] = schema.apply_schema(conn)
        summary["schema_version"] = schema.SCHEMA_VERSION
        summary["crosswalk_defaults_added"] = code_tables.load_defaults(conn)
        # The shipped catalogue only into an empty table: specialists' edits survive upgrades.
        summary["indicators_added"] = indicators.install(conn)
        summary["place_types_added"], summary["place_rules_added"] = catalogue.install(conn)
        # Recreated on every upgrade so that new columns are audited too (core/audit.py).
        summary["audit_triggers"] = len(audit.install(conn))
        stored_province = schema.get_info(conn, "province_code")
        if stored_province and stored_province != province_code:
            raise DatabaseError(
                f"{path} is the database of province {stored_province}, not {province_code}: "
                f"choose another file for province {province_code}")
        if not stored_province:
            schema.set_info(conn, "province_code", province_code)
            schema.set_info(conn, "created_at", now_utc())
        schema.set_info(conn, "upgraded_at" if existed else "built_at", now_utc())
        schema.set_info(conn, "plugin_version", plugin_version)
        for step, table in enumerate(ADMIN_TABLES):
            check_canceled(feedback)
            added, kept = admin.insert_units(conn, table, units.get(table, []))
            summary[table] = {"added": added, "kept": kept,
                              "rows": conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]}
            feedback.setProgress(100 * (step + 1) / len(ADMIN_TABLES))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        if not existed and os.path.exists(path):
            os.remove(path)
        raise
    conn.close()
    return summary


def open_province(path, error=DatabaseError):
    """A connection (gpkg.connect) to an existing province database.

    Raises ``error`` (the caller's own exception class) saying what to do when the file is missing
    or is not a province database."""
    if not os.path.exists(str(path)):
        raise error(f"{path} does not exist: create it with trafficking:createdatabase first")
    conn = gpkg.connect(path)
    if not gpkg.is_geopackage(conn) or not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'import_run'").fetchone():
        conn.close()
        raise error(f"{path} is not a province database: create it with "
                    "trafficking:createdatabase first")
    return conn


_CANCEL_CHECK_STEPS = 50_000      # SQLite virtual-machine steps between cancel checks


def run_in_transaction(path, error, feedback, work):
    """``work(conn)`` on the province database in one transaction; returns what it returns.

    Long SQL statements check for cancel too (SQLite interrupts them). On any error or cancel the
    transaction is rolled back, so the database is left as it was; a cancel raises Canceled."""
    conn = open_province(path, error)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.set_progress_handler(feedback.isCanceled, _CANCEL_CHECK_STEPS)
        try:
            result = work(conn)
            check_canceled(feedback)
            conn.execute("COMMIT")
            return result
        except BaseException as failure:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(failure, sqlite3.OperationalError) and feedback.isCanceled():
                raise Canceled("canceled by the user") from None
            raise
        finally:
            conn.set_progress_handler(None, 0)
    finally:
        conn.close()


def now_utc():
    """The time for the database's *_at columns: UTC, ISO 8601, whole seconds."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
