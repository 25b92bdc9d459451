"""Import one agency file into the province GeoPackage's staging tables.

Import is syntactic: columns are mapped to standard field names, values parsed and checked, IDs
pseudonymised, codes stored as found (the crosswalk maps them later). Every data row ends either
in ``staging_<source>_<kind>`` or in ``rejected_row``; ``import_run`` keeps the accounting.
One transaction covers the whole file (the GeoPackage and the attached identity file together),
so an error or a cancel leaves both as they were; the failed run is then recorded on its own.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, repeat

import numpy as np

from .. import database, schema
from ..database import PathLike, now_utc
from ..errors import CoreError
from ..feedback import Canceled, Feedback, NullFeedback, check_canceled, info, later, warn
from ..shipped_data import plugin_version
from . import gdal_table, pseudonym, readers, thai_id
from .spec import ID_TYPES, FileSpec, Spec, find_file_kind, load_spec
from .validate import Rejection, age_on_reference, cell_text, check_cell, mask_ids_in

# SQLite page cache of each database file during an import, in KiB: staging and identity rows
# are only appended. Fixed sizes, so memory does not grow with the file.
SQLITE_CACHE_KIB = {"main": 32768, "identity": 2048}
# rejected_row.value of an identifying column (a name, a birth date): the value itself is kept
# in the identity file's rejected_value, where authorised staff can fix the file by it.
WITHHELD = "(withheld: an identifying value; see rejected_value in the identity file)"
CHUNK_ROWS = 50_000         # rows validated and written per executemany (and per cancel check)
_TEXT_FORMATS = ("csv", "dbf")   # readers whose cells are all str
HEADER_SEARCH_ROWS = 10    # title rows above the header (merged cells) are skipped up to here
_SQL_TYPES = {"text": "TEXT", "code": "TEXT", "integer": "INTEGER", "year": "INTEGER",
              "number": "REAL", "date": "DATE"}


class ImportFailed(CoreError):
    """The file cannot be imported as it is; the message says why and what to do."""


class RejectedFile(ImportFailed):
    """Every row, or most of a file, was rejected: nothing is staged, the run is recorded with
    status rejected and its reasons in rejected_row, and the corrected file may come again."""


# A file whose rows are mostly rejected is a wrong file, encoding or delimiter, not a file with
# a few bad rows: over this share (from REJECTED_FROM_ROWS rows on), or every row, nothing is
# staged.
REJECTED_SHARE = 0.5
REJECTED_FROM_ROWS = 20


@dataclass
class StepResult:
    """What a step after staging did (sin space placing establishments, activities checked)."""
    moved: int = 0             # staged rows it moved to rejected_row
    message: str = ""          # added to the run's message


# A step after staging: (connection, run, staging table, feedback) -> what it did.
AfterStaging = Callable[[sqlite3.Connection, dict, str, Feedback], StepResult]


@dataclass
class ImportSummary:
    """One import run, as recorded in import_run."""
    run_id: int | None
    status: str                # succeeded, duplicate, failed or canceled (rejected: RejectedFile)
    source: str
    file_name: str
    data_year: int
    rows_read: int = 0
    rows_staged: int = 0
    rows_rejected: int = 0
    message: str = ""
    kind: str | None = None                  # the file kind of the spec (person, home, ...)
    staging_table: str | None = None
    unlinked: int | None = None              # staged rows without an ID (None: no ID column)
    empty_lines: int = 0
    step: StepResult | None = None           # what the step after staging did


def import_file(database_path: PathLike, path: PathLike, source: str, data_year: int,
                encoding: str = "auto", identity_path: PathLike | None = None,
                feedback: Feedback | None = None, after_staging: AfterStaging | None = None,
                point_columns: bool = False) -> ImportSummary:
    """Import the table file ``path`` with the spec ``source`` (a shipped id or a spec path).

    ``path`` is any table the readers or GDAL read (``file.gpkg|layername=x`` for one layer);
    ``data_year`` is a Common-Era year. A file already imported adds nothing (status duplicate).
    Raises ImportFailed for a file or database that cannot be used, Canceled on cancel; in both
    cases the run is recorded as failed or canceled and the data are left as they were.

    ``after_staging(conn, run, staging_table, feedback)``, when given, runs inside the same
    transaction once every row is staged or rejected (sin space places its establishments
    there). It may move staged rows to rejected_row and says so in the StepResult it returns.
    ``point_columns``: a point layer read through GDAL gives latitude and longitude columns.
    """
    def open_rows():
        return readers.open_table(path, encoding, point_columns)
    file_path = gdal_table.split_layer(str(path))[0]
    if not os.path.isfile(file_path):
        raise ImportFailed("{} is not a file: choose the agency's export file", path)
    sha256 = gdal_table.source_sha256(str(path), file_sha256(file_path))
    return _import(database_path, open_rows, os.path.basename(str(path)), sha256, source,
                   data_year, identity_path, feedback, after_staging)


def file_sha256(path: PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def staging_table(spec: Spec, file_spec: FileSpec) -> schema.Table:
    """The schema.Table of a file kind's staging table, made from its spec."""
    column = schema.Column
    columns = [column("import_run_id", "INTEGER", "fid of the import_run that staged the row.", "NOT NULL"),
               column("row_number", "INTEGER", "Row number in the file (1 = first data row).", "NOT NULL")]
    id_column = file_spec.id_column
    if id_column is not None:
        columns += [
            column("person_key", "TEXT", f"Keyed pseudonym of the {id_column.column} ID (HMAC with "
                   "the province secret); empty when the row has no ID (unlinked). Never a raw ID."),
            column("id_kind", "TEXT", "Kind of ID behind person_key: thai_id, g_code or none."),
            column("person_type", "INTEGER", "First digit of the Thai ID: the DOPA person type "
                   "(0-8); empty for G codes and rows without an ID."),
            column("home_town", "TEXT", "Digits 2-5 of the Thai ID: DOPA code of the district "
                   "office that registered it (the home town); empty for G codes and rows without an ID."),
        ]
    for col in file_spec.staged_columns:
        if col.staged_as == "age":
            columns.append(column("age", "INTEGER", "Age in whole years on 1 July of the data year, "
                                  f"from column {col.column} (the date itself is kept in the "
                                  "identity file, never here)."))
            continue
        doc = col.doc or col.field.replace("_", " ").capitalize() + "."
        note = " Code as found in the file (mapped by the crosswalk)." if col.type == "code" else ""
        era = " Common Era (ISO yyyy-mm-dd)." if col.type == "date" else ""
        columns.append(column(col.field, _SQL_TYPES[col.type], f"{doc}{note}{era} From column {col.column}."))
    return schema.Table(spec.staging_table(file_spec.kind),
                        f"{spec.doc}: {file_spec.doc} Staged as imported (see import_run).",
                        tuple(columns))


def _import(database_path, open_rows, file_name, sha256, source, year, identity_path, feedback,
            after_staging=None):
    feedback = feedback or NullFeedback()
    spec = load_spec(source)
    with database.writing(database_path) as conn:
        run = {"source": spec.source, "file_name": file_name, "file_sha256": sha256,
               "data_year": year, "started_at": now_utc(), "plugin_version": plugin_version(),
               "rows_read": 0, "rows_staged": 0, "rows_rejected": 0}
        earlier = conn.execute("SELECT fid, finished_at FROM import_run WHERE file_sha256 = ? AND "
                               "status = 'succeeded' ORDER BY fid LIMIT 1", (sha256,)).fetchone()
        if earlier:
            duplicate = later("{} was already imported (run {}, {}); nothing was added", file_name,
                              earlier[0], earlier[1])
            run["message"] = duplicate[0].format(*duplicate[1:])
            run["run_id"] = _record_run(conn, run, "duplicate")
            info(feedback, *duplicate)
            return _summary(run, "duplicate")
        identity_path, secret = pseudonym.bound_secret(conn, database_path, identity_path)
        identity = database.connect(identity_path)
        try:
            # A crash between the two files' commits left identities of a run that did not
            # succeed: they go before anything new is written (the run number may come again).
            pseudonym.repair(identity, conn)
            return _import_in_transaction(conn, identity, run, open_rows, spec, secret, feedback,
                                          after_staging)
        except RejectedFile:
            raise                                    # recorded and committed as rejected
        except BaseException as error:
            for each in (identity, conn):
                if each.in_transaction:
                    each.execute("ROLLBACK")
            if run.get("run_id") is not None:        # committed to the identity file already
                identity.execute("DELETE FROM person_identity WHERE import_run_id = ?",
                                 (run["run_id"],))
            status = "canceled" if isinstance(error, Canceled) else "failed"
            counted = run["rows_read"]
            run.update(rows_read=0, rows_staged=0, rows_rejected=0)
            run["message"] = (f"{file_name}: {status} after {counted} rows ({error}); nothing was "
                              "added")
            run["run_id"] = _record_run(conn, run, status)
            if status == "canceled":          # an error is raised to the caller, who shows it once
                feedback.pushInfo(run["message"])
            if isinstance(error, (readers.ReadError, ImportFailed)):
                raise ImportFailed("{}: {}", file_name, error) from None
            if isinstance(error, Canceled):
                info(feedback, "{}: canceled after {} rows; nothing was added", file_name, counted)
            else:
                feedback.pushInfo(run["message"])
            raise
        finally:
            identity.close()


def _import_in_transaction(conn, identity, run, open_rows, spec, secret, feedback,
                           after_staging=None):
    """Stage the file. The identity file commits first, then the database: a crash between the
    two leaves identities of a run the database does not know, which the next import removes
    (pseudonym.repair), and never a succeeded run without its identities."""
    for schema_name, kib in SQLITE_CACHE_KIB.items():
        (identity if schema_name == "identity" else conn).execute(
            f"PRAGMA {'main' if schema_name == 'identity' else schema_name}.cache_size = -{kib}")
    conn.execute("BEGIN IMMEDIATE")
    identity.execute("BEGIN IMMEDIATE")
    pseudonym.drop_key_index(identity)
    pseudonym.bind(conn, secret)
    run["run_id"] = run_id = _insert_run(conn, run, "running")
    with open_rows() as table:
        rows = iter(table)
        file_spec, positions, header = _read_header(rows, spec, run["file_name"], feedback)
        feedback.setProgress(1)        # under way: the header is read
        table.multiline = frozenset(p for c, p in zip(file_spec.columns, positions)
                                    if c.multiline and p is not None)
        target = staging_table(spec, file_spec)
        schema.apply_schema(conn, tables=[target], keep_identifying=lambda moved:
                            pseudonym.keep_identifying(identity, moved))
        writer = _Writer(conn, identity, run, spec, file_spec, target, positions, len(header),
                         secret, table.format in _TEXT_FORMATS)
        chunk, blank, read = [], 0, 0
        try:
            for batch in readers.batches(table, rows, CHUNK_ROWS):
                if batch.__class__ is readers.ColumnBlock:
                    if chunk:                 # rows read one by one before: theirs come first
                        check_canceled(feedback)
                        writer.write(chunk)
                        chunk = []
                    columns, empty = _without_blank_rows(batch.columns)
                    blank += empty
                    for start in range(0, len(columns[0]), CHUNK_ROWS):
                        check_canceled(feedback)
                        part = [column[start:start + CHUNK_ROWS] for column in columns]
                        writer.write_columns(read + 1, part)
                        read += len(part[0])
                        run["rows_read"] = read
                        feedback.setProgress(100 * table.fraction())
                    continue
                for cells, problem in batch:
                    try:                      # blank when only spaces are left: not a data row
                        text = "".join(cells)
                    except TypeError:         # spreadsheet cells: numbers, dates, empty
                        text = "".join(cell_text(c) for c in cells)
                    if problem is None and (not text or text.isspace()):
                        blank += 1
                        if blank % CHUNK_ROWS == 0:
                            check_canceled(feedback)      # a long run of them honours Cancel too
                        continue
                    read += 1
                    chunk.append((read, cells, problem))
                    if len(chunk) == CHUNK_ROWS:
                        check_canceled(feedback)
                        writer.write(chunk)
                        chunk = []
                        feedback.setProgress(100 * table.fraction())
        finally:
            run["rows_read"] = read           # also for the message of a failed run
        check_canceled(feedback)
        writer.write(chunk)
    if _mostly_rejected(run):
        _reject_file(conn, identity, run, target.name)
    elsewhere = _other_province(conn, target, run_id)
    # A step that must land with the staged rows or not at all (same transaction).
    step = after_staging(conn, run, target.name, feedback) if after_staging else None
    if step is not None:
        run["rows_staged"] -= step.moved
        run["rows_rejected"] += step.moved
    unlinked = writer.unlinked if file_spec.id_column is not None else None
    run["message"] = (f"{run['file_name']} ({file_spec.kind}): {run['rows_read']} rows read = "
                      f"{run['rows_staged']} staged + {run['rows_rejected']} rejected")
    if unlinked:
        run["message"] += f"; {unlinked} staged rows have no ID (unlinked)"
    if blank:
        run["message"] += f"; {blank} empty lines skipped"
    if step is not None and step.message:
        run["message"] += f"; {step.message}"
    if elsewhere:
        run["message"] += "; warning: " + elsewhere[0].format(*elsewhere[1:])
    run["finished_at"] = now_utc()
    conn.execute("UPDATE import_run SET status = 'succeeded', finished_at = ?, rows_read = ?, "
                 "rows_staged = ?, rows_rejected = ?, message = ? WHERE fid = ?",
                 (run["finished_at"], run["rows_read"], run["rows_staged"], run["rows_rejected"],
                  run["message"], run_id))
    identity.execute("COMMIT")
    conn.execute("COMMIT")
    info(feedback, "{} ({}): {} rows read = {} staged + {} rejected", run["file_name"],
         file_spec.kind, run["rows_read"], run["rows_staged"], run["rows_rejected"])
    if unlinked:
        info(feedback, "{} staged rows have no ID (unlinked)", unlinked)
    if blank:
        info(feedback, "{} empty lines skipped", blank)
    if step is not None and step.message:
        feedback.pushInfo(step.message)
    if elsewhere:
        warn(feedback, *elsewhere)
    return _summary(run, "succeeded", kind=file_spec.kind, staging_table=target.name,
                    unlinked=unlinked, empty_lines=blank, step=step)


# Where a staged row says which province it is from: the expression of its 2-digit code.
_PROVINCE_OF = {"village_code": "substr(trim(village_code), 1, 2)",
                "changwat_no": "substr('0' || trim(changwat_no), -2)"}


def _other_province(conn, target, run_id):
    """A warning when most staged rows name another province than the database's (a file of
    the wrong province places nobody), else None."""
    province = schema.get_info(conn, "province_code")
    names = {c.name for c in target.all_columns}
    if not province:
        return None
    if "province_name" in names:
        row = conn.execute("SELECT name_th FROM province WHERE code = ?", (province,)).fetchone()
        if not row:
            return None
        code = ("CASE WHEN replace(replace(trim(province_name), 'จังหวัด', ''), 'จ.', '') = "
                f"'{row[0].replace(chr(39), '')}' THEN '{province}' ELSE trim(province_name) END")
    else:
        code = next((sql for column, sql in _PROVINCE_OF.items() if column in names), None)
        if code is None:
            return None
    counts = conn.execute(
        f'SELECT {code} AS p, count(*) FROM "{target.name}" WHERE import_run_id = ? AND {code} '
        "<> '' GROUP BY p ORDER BY 2 DESC", (run_id,)).fetchall()
    total = sum(n for _, n in counts)
    others = [(p, n) for p, n in counts if p != province]
    if not total or sum(n for _, n in others) * 2 <= total:
        return None
    return later("{} of {} staged rows are of another province than this database's {} (most of "
                 "them {}): is it the right province's file? Rows of another province have no "
                 "place here; withdraw the import if it is not", sum(n for _, n in others), total,
                 province, others[0][0])


def _mostly_rejected(run):
    read, rejected = run["rows_read"], run["rows_rejected"]
    return read > 0 and (rejected == read or
                         (read >= REJECTED_FROM_ROWS and rejected > REJECTED_SHARE * read))


def _reject_file(conn, identity, run, table):
    """Take back the run's staged rows, keep its rejections, record it as rejected and commit."""
    run_id = run["run_id"]
    conn.execute(f'DELETE FROM "{table}" WHERE import_run_id = ?', (run_id,))
    identity.execute("DELETE FROM person_identity WHERE import_run_id = ?", (run_id,))
    reason, count = conn.execute(
        "SELECT reason, count(*) FROM rejected_row WHERE import_run_id = ? GROUP BY reason "
        "ORDER BY 2 DESC, 1 LIMIT 1", (run_id,)).fetchone()
    error = RejectedFile("{}: {} of {} rows rejected, so nothing was imported (the commonest "
                         "reason, {} rows: {}). Is it the right file, encoding and source? Every "
                         "reason is in rejected_row (run {}); correct the file and import it "
                         "again.", run["file_name"], run["rows_rejected"], run["rows_read"],
                         count, reason, run_id)
    run["message"] = str(error)
    conn.execute("UPDATE import_run SET status = 'rejected', finished_at = ?, rows_read = ?, "
                 "rows_staged = 0, rows_rejected = ?, message = ? WHERE fid = ?",
                 (now_utc(), run["rows_read"], run["rows_rejected"], run["message"], run_id))
    identity.execute("COMMIT")
    conn.execute("COMMIT")
    raise error


def _summary(run: dict, status: str, **more) -> ImportSummary:
    return ImportSummary(run.get("run_id"), status, run["source"], run["file_name"],
                         run["data_year"], run["rows_read"], run["rows_staged"],
                         run["rows_rejected"], run.get("message", ""), **more)


def _read_header(rows, spec, file_name, feedback):
    """The header row (title rows above it skipped) and each spec column's position in it."""
    first_missing = None
    for _ in range(HEADER_SEARCH_ROWS):
        cells, _problem = next(rows, (None, None))
        if cells is None:
            break
        header = [cell_text(c).strip().lstrip("\ufeff") for c in cells]
        if not any(header):
            continue
        file_spec, missing = find_file_kind(spec, header, file_name)
        if file_spec is None:
            first_missing = first_missing or missing
            continue
        positions = []
        for col in file_spec.columns:
            found = [i for i, name in enumerate(header) if name == col.column]
            if len(found) > 1:
                raise ImportFailed(
                    "column '{}' appears {} times in the header (columns {}): keep one of them "
                    "and import again", col.column, len(found), ", ".join(str(i + 1) for i in found))
            if not found and col.required:
                raise ImportFailed("the {} file lacks the required column '{}': add it and import "
                                   "again", file_spec.kind, col.column)
            positions.append(found[0] if found else None)
        known = {c.column for c in file_spec.columns}
        extra = [h for h in header if h and h not in known]
        if extra:
            info(feedback, "Columns not in the {} spec, left out: {}", spec.source, ", ".join(extra))
        return file_spec, positions, header
    if first_missing is None:
        raise ImportFailed("the file has no header row and no data: export it again with its header")
    kinds = ", ".join(spec.files)
    raise ImportFailed("not a file of source '{}' ({}): the header lacks {}. Is it the right file "
                       "and source?", spec.source, kinds, ", ".join(first_missing))


class _Reject:
    """A cell that rejects its row: the agency column, the value to show and the reason."""
    __slots__ = ("field", "value", "why")

    def __init__(self, field, value, why):
        self.field, self.value, self.why = field, value, why


# person_key, id_kind, person_type, home_town and raw ID of a blank ID. The staging columns
# person_type and home_town are taken from the raw ID here, the one place that sees it.
_NO_ID = (None, "none", None, None, "")
_CACHE_LIMIT = 50_000                   # distinct values remembered per column (memory stays flat)
# Cells that need no parsing, one per line of a joined column: a code or text of 1-12 printable
# ASCII characters without spaces (no ID fits, nothing to trim, not an error cell like #N/A),
# a plain whole or decimal number, and any name that does not start with # (names are not checked).
_PLAIN_CELL = r'[!-"$-~][!-~]{0,11}'
_PLAIN = {
    "code": re.compile(rf"(?:{_PLAIN_CELL}\n)*{_PLAIN_CELL}"),
    "text": re.compile(rf"(?:{_PLAIN_CELL}\n)*{_PLAIN_CELL}"),
    "integer": re.compile(r"(?:-?[0-9]{1,15}\n)*-?[0-9]{1,15}"),
    "number": re.compile(r"(?:-?[0-9]{1,15}(?:\.[0-9]{1,15})?\n)*-?[0-9]{1,15}(?:\.[0-9]{1,15})?"),
    "identity": re.compile(r"(?:(?:[^#\n][^\n]*)?\n)*(?:[^#\n][^\n]*)?"),
}
# The same, each cell plain or empty (the columns that may be left empty).
_PLAIN_OR_EMPTY = {kind: re.compile(rf"(?:(?:{cell})?\n)*(?:{cell})?") for kind, cell in (
    ("code", _PLAIN_CELL), ("text", _PLAIN_CELL), ("integer", r"-?[0-9]{1,15}"),
    ("number", r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?"))}
_STAMPS = re.compile(r"(?:[0-9]{14}\n)*[0-9]{14}")
_PLAIN_CONVERT = {"integer": int, "number": float}
_HASHABLE = {type(None), bool, int, float, datetime.date, datetime.datetime, datetime.time}


class _Column:
    """One spec column's checks, remembered per distinct cell (up to _CACHE_LIMIT values): most
    columns repeat few values (codes, dates)."""

    def __init__(self, col, position, data_year, secret):
        self.col, self.position, self.data_year = col, position, data_year
        self.person_key = pseudonym.person_keyer(secret)
        self.is_id = col.type in ID_TYPES
        self.cache, self.rejecting = {}, set()

    def outcomes(self, cells, text_only):
        """The outcome of every cell: a staged value (for an ID column a _NO_ID-like tuple), or a
        _Reject; and whether any cell rejects."""
        if text_only:
            plain = self._plain(cells)
            if plain is not None:
                return plain, False
        if self.is_id:
            return self._id_outcomes(cells, text_only)
        return self._cached_outcomes(cells, text_only)

    def _id_outcomes(self, cells, text_only):
        """An ID column: its valid 13-digit IDs (nearly every cell, and nearly all different,
        so remembering them saves nothing) are keyed at once and split into person type and
        home town as numpy arrays, the rest checked as any cell."""
        ids = [c if c.__class__ is str else "" for c in cells]
        valid = thai_id.valid_thai_id_mask(ids)
        out = _Ids(len(cells))
        good = list(compress(ids, valid))
        if good:
            digits = np.array(good, dtype="U13").view(np.uint32).reshape(-1, 13)
            at = np.flatnonzero(valid)
            out.keys[at] = self.person_key.many(good)
            out.kinds[at] = "thai_id"
            out.types[at] = (digits[:, 0] - ord("0")).tolist()
            out.towns[at] = np.ascontiguousarray(digits[:, 1:5]).view("U4").ravel().tolist()
            out.raws[at] = good
        others = np.flatnonzero(~valid).tolist()
        if others:
            checked, _ = self._cached_outcomes([cells[i] for i in others], text_only)
            for i, outcome in zip(others, checked):
                if outcome.__class__ is _Reject:
                    out.rejects[i] = outcome
                else:
                    out.keys[i], out.kinds[i], out.types[i], out.towns[i], out.raws[i] = outcome
        return out, bool(out.rejects)

    def _cached_outcomes(self, cells, text_only):
        keys = self._keys(cells, text_only)
        if len(self.cache) > _CACHE_LIMIT:
            self.cache.clear()
            self.rejecting.clear()
        cache = self.cache
        out = list(map(cache.get, keys))
        missing = [i for i, o in enumerate(out) if o is None and keys[i] not in cache]
        rejects_now = False
        for i in missing:
            key = keys[i]
            if key in cache:                  # a value met twice in this chunk
                out[i] = cache[key]
                continue
            outcome = self._outcome(cells[i])
            out[i] = outcome
            if outcome.__class__ is not _Reject:
                cache[key] = outcome
            elif key is cells[i]:             # a reason quotes its cell: never shared by a stamp
                cache[key] = outcome
                self.rejecting.add(key)
            else:
                rejects_now = True
        return out, rejects_now or (bool(self.rejecting) and not self.rejecting.isdisjoint(keys))

    def _keys(self, cells, text_only):
        """Cache keys: the cell itself, a value with its type for spreadsheet cells (1 and 1.0
        and True differ), and for dates the day of a yyyymmddhhmmss stamp (the time is ignored)."""
        if not text_only:
            return [c if c.__class__ is str else (c.__class__, c) if c.__class__ in _HASHABLE
                    else object() for c in cells]      # e.g. a list from a layer: never shared
        if self.col.type == "date":
            if 14 not in set(map(len, cells)):           # no stamp: the cells themselves
                return cells
            if _STAMPS.fullmatch("\n".join(cells)):      # every cell a stamp: their days at once
                return list(zip(repeat("stamp"), np.array(cells, dtype="U14").astype("U8").tolist()))
            return [("stamp", c[:8]) if len(c) == 14 and c.isascii() and c.isdigit() else c
                    for c in cells]
        return cells

    def _plain(self, cells):
        """The outcomes of a chunk of text cells that all have the plainest form of their type
        (checked with one regular expression over the joined column), else None."""
        names = self.col.identity and self.col.type == "text"     # identifying text: as found
        pattern = _PLAIN.get("identity" if names else self.col.type)
        if pattern is None or (names and self.col.required) or self.col.range:
            return None                       # a range is checked cell by cell
        joined = "\n".join(cells)
        if joined.count("\n") != len(cells) - 1:
            return None                       # a cell holds a line break
        convert = _PLAIN_CONVERT.get(self.col.type)
        if pattern.fullmatch(joined):
            return list(map(convert, cells)) if convert and not names else list(cells)
        # Plain cells and empty ones (an optional column): an empty cell stages nothing.
        if names or self.col.required or not _PLAIN_OR_EMPTY[self.col.type].fullmatch(joined):
            return None                       # a cell is not plain
        convert = convert or str
        return [convert(c) if c else None for c in cells]

    def _outcome(self, cell):
        outcome = check_cell(self.col, cell, self.data_year)
        if outcome.__class__ is Rejection:
            return _Reject(self.col.column, outcome.value, outcome.reason)
        if not self.is_id:
            return outcome
        kind, raw_id = outcome
        if not raw_id:
            return _NO_ID
        if kind != "thai_id":
            return (self.person_key(raw_id), kind, None, None, raw_id)
        return (self.person_key(raw_id), kind, int(raw_id[0]), raw_id[1:5], raw_id)


class _Writer:
    """Validates chunks of rows column by column and writes them to staging, rejected_row and
    the identity file."""

    def __init__(self, conn, identity, run, spec, file_spec, target, positions, width, secret,
                 text_only):
        self.conn, self.identity, self.run, self.spec = conn, identity, run, spec
        self.width, self.text_only = width, text_only
        self.columns = [_Column(col, position, run["data_year"], secret)
                        for col, position in zip(file_spec.columns, positions)]
        self.needed = max((p + 1 for p in positions if p is not None), default=0)
        self.has_id = file_spec.id_column is not None
        self.unlinked = 0
        self.seen = _SeenRows()        # row hashes, to find exact copies
        self.withheld = []           # identifying values of rejected rows, for the identity file
        names = [c.name for c in target.all_columns if c.name != "fid"]
        quoted = ", ".join(f'"{name}"' for name in names)      # a field may be an SQL keyword
        self.insert_staged = (f'INSERT INTO "{target.name}" ({quoted}) '
                              f'VALUES ({", ".join("?" * len(names))})')
        identity_fields = [c.col.field for c in self.columns if c.col.identity]
        # The names as json.dumps(dict, ensure_ascii=False) writes them, made by SQLite from the
        # values (json_quote escapes text as json.dumps does): no text per row made in Python.
        pairs = " || ', ' || ".join(f"'\"{f}\": ' || json_quote(?)" for f in identity_fields)
        self.insert_identity = ("INSERT INTO person_identity VALUES (?, ?, ?, ?, "
                                f"'{{' || {pairs or repr('')} || '}}', ?, ?)")

    def write(self, chunk):
        """Check and write rows read one by one: (row number, cells, problem) each."""
        if not chunk:
            return
        rejected = {}                  # row number -> [(field, value, why)]
        first_seen = self.seen.copies(
            [n for n, _cells, _problem in chunk],
            [hash(tuple(cells if self.text_only else map(cell_text, cells)))
             for _n, cells, _problem in chunk])
        numbers, rows = [], []
        for row_number, cells, problem in chunk:
            if problem is None and row_number in first_seen:
                problem = f"exact copy of row {first_seen[row_number]}"
            problem = problem or self._shape_problem(cells)
            if problem:
                rejected[row_number] = [(None, None, problem)]
            else:
                numbers.append(row_number)
                rows.append(cells)
        # cut to the shortest row, which holds every position
        self._write(numbers, list(zip(*rows)) if rows else [], rejected)

    def write_columns(self, first: int, columns: list[list[str]]) -> None:
        """Check and write rows read at once, numbered from ``first``: one list of text cells
        for each of the header's columns (every row has them all)."""
        count = len(columns[0])
        numbers = range(first, first + count)
        first_seen = self.seen.copies(numbers, list(map(hash, zip(*columns))))
        rejected = {n: [(None, None, f"exact copy of row {first_seen[n]}")]
                    for n in sorted(first_seen)}
        if rejected:
            keep = np.ones(count, dtype=bool)
            keep[np.array(list(first_seen)) - first] = False
            keep = keep.tolist()
            numbers = list(compress(numbers, keep))
            columns = [list(compress(column, keep)) for column in columns]
        self._write(numbers, columns, rejected)

    def _write(self, numbers, by_column, rejected):
        staged, identities = self._check(numbers, by_column, rejected)
        self.run["rows_rejected"] += len(rejected)
        self.run["rows_staged"] += len(staged)
        # Masked again as a safety net: a value or reason may quote an ID typed elsewhere.
        run_id, file_name = self.run["run_id"], self.run["file_name"]
        rejected_rows = [(run_id, file_name, n, field, value and mask_ids_in(value), mask_ids_in(why))
                         for n in sorted(rejected) for field, value, why in rejected[n]]
        self.conn.executemany(self.insert_staged, staged)
        self.conn.executemany("INSERT INTO rejected_row (import_run_id, file_name, row_number, field,"
                              " value, reason) VALUES (?, ?, ?, ?, ?, ?)", rejected_rows)
        self.identity.executemany(self.insert_identity, identities)
        if self.withheld:
            self.identity.executemany("INSERT INTO rejected_value VALUES (?, ?, ?, ?)", self.withheld)
            self.withheld = []

    def _shape_problem(self, cells):
        """Why a row with too many or too few cells is rejected, or None."""
        if len(cells) > self.width:
            present = sum(1 for c in cells[self.width:] if cell_text(c).strip())
            if present:
                return (f"the row has {self.width + present} filled cells but the header only "
                        f"{self.width} columns (an unquoted comma or a stray delimiter?)")
        elif len(cells) < self.needed:
            return (f"the row has {len(cells)} cells, the header {self.width} (the row is cut "
                    "short: a truncated file or a broken line?)")
        return None

    def _check(self, numbers, by_column, rejected):
        """Staged and identity rows of the well-shaped rows (``by_column``, their cells column
        by column); rejections go into ``rejected``."""
        if not numbers:
            return [], []
        outcomes, bad, ids = [], set(), None
        for column in self.columns:
            if column.position is None:
                cells = [None] * len(numbers)
            else:
                cells = list(by_column[column.position])
            out, rejects = column.outcomes(cells, self.text_only and column.position is not None)
            outcomes.append(out)
            if column.is_id:
                ids = out
                bad.update(out.rejects)
            elif rejects:
                bad.update(i for i, o in enumerate(out) if o.__class__ is _Reject)
        for i in sorted(bad):
            rejected[numbers[i]] = [
                (o.field, WITHHELD if column.col.identity else o.value, o.why)
                for column, o in ((c, out[i]) for c, out in zip(self.columns, outcomes))
                if o.__class__ is _Reject]
            self.withheld += [(self.run["run_id"], numbers[i], column.col.field, out[i].value)
                              for column, out in zip(self.columns, outcomes)
                              if column.col.identity and out[i].__class__ is _Reject]
        ids = ids or _Ids(len(numbers))
        names = [out for column, out in zip(self.columns, outcomes) if column.col.identity]
        year = self.run["data_year"]
        values = [_ages(out, year) if column.col.staged_as == "age" else out
                  for column, out in zip(self.columns, outcomes)
                  if not column.is_id and (not column.col.identity or column.col.staged_as)]
        run_id = self.run["run_id"]
        keys = [ids.keys.tolist(), ids.kinds.tolist(), ids.types.tolist(), ids.towns.tolist()] \
            if self.has_id else []
        staged = list(zip(repeat(run_id), numbers, *keys, *values))
        keep = np.ones(len(numbers), dtype=bool)          # the rows not rejected
        keep[list(bad)] = False
        identities = self._identities(numbers, keys, ids.raws.tolist(), names, keep)
        if bad:
            staged = list(compress(staged, keep.tolist()))
        if self.has_id:
            self.unlinked += int(np.count_nonzero(np.equal(ids.keys, None) & keep))
        return staged, identities

    def _identities(self, numbers, keys, raws, names, keep):
        """The identity rows of the rows ``keep`` marks that have an ID or a name (the
        identifying values one a column, for insert_identity)."""
        run_id, source = self.run["run_id"], self.spec.source
        wanted = keep.copy()
        for i in np.flatnonzero(keep).tolist():
            if not raws[i]:
                wanted[i] = any(out[i] not in (None, "") for out in names)
        return list(compress(zip(keys[0] if keys else repeat(None), repeat(source),
                                 keys[1] if keys else repeat(None),
                                 [raw or None for raw in raws], *names, repeat(run_id), numbers),
                             wanted.tolist()))


def _ages(values, year):
    """The age on the reference day of each birth date or year (None for a blank or a _Reject),
    computed once per distinct value."""
    age = {v: age_on_reference(v, year) for v in set(values) if v.__class__ is not _Reject}
    return list(map(age.get, values))


class _Ids:
    """The outcomes of an ID column, column by column (numpy object arrays): person key, kind,
    person type, home town and the normalised ID (a row without one: _NO_ID's values), and
    the _Reject of each rejected row by its index."""

    def __init__(self, count):
        self.keys, self.kinds, self.types, self.towns, self.raws = (
            np.full(count, value, dtype=object) for value in _NO_ID)
        self.rejects = {}

    def __getitem__(self, i):
        return self.rejects.get(i) or (self.keys[i], self.kinds[i], self.types[i],
                                       self.towns[i], self.raws[i])


class _SeenRows:
    """The hash of every row of the file so far, and the first row that had it, in two sorted
    numpy arrays (12 bytes a row): which rows of a chunk copy an earlier row exactly.

    The hash is Python's own 64-bit hash of the row's cells (SipHash, keyed at random per
    process): the arrays live only as long as this run, so the hashes need not be stable
    across runs."""

    def __init__(self):
        self.hashes = np.empty(0, dtype=np.int64)
        self.rows = np.empty(0, dtype=np.int32)

    def copies(self, numbers, hashes):
        """Row number -> the earlier row it copies, for the rows ``numbers`` (ascending) with
        ``hashes``; their hashes are remembered."""
        numbers = np.asarray(numbers, dtype=np.int32)
        hashes = np.asarray(hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")       # a copy after its original
        hashes, numbers = hashes[order], numbers[order]
        first = np.ones(len(hashes), dtype=bool)       # the first of its hash in the chunk
        first[1:] = hashes[1:] != hashes[:-1]
        at = np.searchsorted(self.hashes, hashes)
        known = at < len(self.hashes)
        known[known] = self.hashes[at[known]] == hashes[known]
        original = numbers[first][np.cumsum(first) - 1]      # the chunk's first of each hash
        original[known] = self.rows[at[known]]
        copy = known | ~first
        new = first & ~known
        places = at[new]
        self.hashes = np.insert(self.hashes, places, hashes[new])
        self.rows = np.insert(self.rows, places, numbers[new])
        return dict(zip(numbers[copy].tolist(), original[copy].tolist()))


def _without_blank_rows(columns):
    """The columns without their blank rows (every cell empty or spaces), and how many there were."""
    blank = [i for i, cell in enumerate(columns[0]) if not cell or cell.isspace()]
    if blank:
        blank = [i for i in blank if all(not c[i] or c[i].isspace() for c in columns)]
    if not blank:
        return columns, 0
    keep = [True] * len(columns[0])
    for i in blank:
        keep[i] = False
    return [list(compress(column, keep)) for column in columns], len(blank)


def _insert_run(conn, run, status):
    cur = conn.execute(
        "INSERT INTO import_run (source, file_name, file_sha256, data_year, started_at, finished_at,"
        " status, rows_read, rows_staged, rows_rejected, message, plugin_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (run["source"], run["file_name"], run["file_sha256"], run["data_year"], run["started_at"],
         run.get("finished_at"), status, run["rows_read"], run["rows_staged"], run["rows_rejected"],
         run.get("message"), run["plugin_version"]))
    return cur.lastrowid


def _record_run(conn, run, status):
    """A run that staged nothing (failed, canceled, duplicate), in its own small transaction."""
    run["finished_at"] = now_utc()
    conn.execute("BEGIN IMMEDIATE")
    run_id = _insert_run(conn, run, status)
    conn.execute("COMMIT")
    return run_id
