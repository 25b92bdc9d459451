"""The one door into the province database, and into every other SQLite file the plugin writes.

``connect`` is the plugin's only ``sqlite3.connect``: explicit transactions, a busy timeout, the
GeoPackage SQL functions registered. ``open_province`` is the one place that checks a file is a
province database. ``reading``, ``writing`` and ``run_in_transaction`` turn SQLite's errors into
a ``DatabaseError`` whose message a clerk can act on, and make a cancel roll back.
"""
from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, Union

from . import gpkg
from .errors import CoreError
from .feedback import Canceled, Feedback, NullFeedback, check_canceled

PathLike = Union[str, Path]
T = TypeVar("T")

BUSY_TIMEOUT_S = 5                # wait this long for another writer before "database is locked"
_CANCEL_CHECK_STEPS = 50_000      # SQLite virtual-machine steps between cancel checks


class DatabaseError(CoreError):
    """The province database is missing, is not one, or cannot be read or written."""


def connect(path: PathLike, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the SQLite file ``path`` (``":memory:"`` for a private one).

    Transactions are explicit (BEGIN ... COMMIT); a read-only connection cannot write by
    mistake. The GeoPackage R-tree functions are registered so that writing a spatial table
    works outside GDAL too."""
    if read_only:
        target = "file:" + urllib.parse.quote(os.path.abspath(str(path))) + "?mode=ro"
        conn = sqlite3.connect(target, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA foreign_keys = OFF")
    gpkg.register_functions(conn)
    return conn


def open_province(path: PathLike, *, write: bool = False) -> sqlite3.Connection:
    """A connection to an existing province database; DatabaseError says what to do when the
    file is missing, unreadable or not a province database."""
    if not os.path.isfile(str(path)):
        raise DatabaseError("{} does not exist: create it with trafficking:createdatabase first", path)
    conn = None
    try:
        conn = connect(path, read_only=not write)
        is_province = gpkg.is_geopackage(conn) and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'import_run'").fetchone() is not None
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):     # a CSV, a spreadsheet, any file but SQLite
            is_province = False
        else:
            raise unreadable(path, error) from None
    except sqlite3.Error as error:
        raise unreadable(path, error) from None
    if not is_province:
        if conn is not None:
            conn.close()
        raise DatabaseError("{} is not a province database: create it with trafficking:createdatabase "
                            "first", path)
    return conn


def unreadable(path: PathLike, error: BaseException) -> DatabaseError:
    return DatabaseError("{} could not be read ({}). Is it a province database?", path, error)


def unwritable(path: PathLike, error: BaseException) -> DatabaseError:
    return DatabaseError("{} could not be written ({}). Is it open for editing elsewhere, or not a "
                         "GeoPackage?", path, error)


@contextlib.contextmanager
def reading(path: PathLike) -> Iterator[sqlite3.Connection]:
    """A read-only province connection for the block; SQLite errors become DatabaseError."""
    conn = open_province(path)
    try:
        yield conn
    except sqlite3.Error as error:
        raise unreadable(path, error) from None
    finally:
        conn.close()


@contextlib.contextmanager
def writing(path: PathLike, feedback: Feedback | None = None) -> Iterator[sqlite3.Connection]:
    """A province connection that may write, for steps that manage their own transactions.

    With ``feedback``, long statements check for cancel (SQLite interrupts them, and the
    interruption surfaces as Canceled). Other SQLite errors become DatabaseError. The caller
    rolls back what it began."""
    conn = open_province(path, write=True)
    if feedback is not None:
        conn.set_progress_handler(feedback.isCanceled, _CANCEL_CHECK_STEPS)
    try:
        yield conn
    except sqlite3.Error as error:
        if isinstance(error, sqlite3.OperationalError) and feedback is not None \
                and feedback.isCanceled():
            raise Canceled("canceled by the user") from None
        raise unwritable(path, error) from None
    finally:
        conn.close()


def run_in_transaction(path: PathLike, feedback: Feedback | None,
                       work: Callable[[sqlite3.Connection], T]) -> T:
    """``work(conn)`` on the province database in one transaction; returns what it returns.

    On any error or cancel the transaction is rolled back, so the database is left as it was; a
    cancel raises Canceled, an SQLite error DatabaseError."""
    feedback = feedback or NullFeedback()
    with writing(path, feedback) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
            check_canceled(feedback)
            conn.execute("COMMIT")
            return result
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def now_utc() -> str:
    """The time for the database's *_at columns: UTC, ISO 8601, whole seconds."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
