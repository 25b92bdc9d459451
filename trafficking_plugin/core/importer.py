"""Import one agency file into the province GeoPackage's staging tables.

Import is syntactic: columns are mapped to standard field names, values parsed and checked, IDs
pseudonymised, codes stored as found (the crosswalk maps them later). Every data row ends either
in ``staging_<source>_<kind>`` or in ``rejected_row``; ``import_run`` keeps the accounting.
One transaction covers the whole file (the GeoPackage and the attached identity file together),
so an error or a cancel leaves both as they were; the failed run is then recorded on its own.
"""
import datetime
import hashlib
import json
import os

from . import gpkg, pseudonym, readers, schema
from .feedback import Canceled, NullFeedback, check_canceled
from .spec import ID_TYPES, find_file_kind, load_spec
from .thai_calendar import ce_year
from .validate import SPREADSHEET_ERRORS, cell_text, mask_id, mask_ids_in, parse_id, parse_value

CHUNK_ROWS = 5000          # rows validated and written per executemany (and per cancel check)
HEADER_SEARCH_ROWS = 10    # title rows above the header (merged cells) are skipped up to here
_SQL_TYPES = {"text": "TEXT", "code": "TEXT", "integer": "INTEGER", "year": "INTEGER",
              "number": "REAL", "date": "DATE"}


class ImportFailed(Exception):
    """The file cannot be imported as it is; the message says why and what to do."""


def import_file(database, path, source, data_year, encoding="auto", identity_path=None,
                feedback=None, plugin_version=""):
    """Import the table file ``path`` with the spec ``source`` (a shipped id or a spec path).

    ``data_year`` may be B.E. or C.E. Returns a summary dict (run_id, status, rows_read,
    rows_staged, rows_rejected, ...). A file already imported adds nothing (status duplicate).
    Raises ImportFailed for a file or database that cannot be used, Canceled on cancel; in both
    cases the run is recorded as failed or canceled and the data are left as they were.
    """
    def open_rows():
        return readers.open_table(path, encoding)
    return _import(database, open_rows, os.path.basename(str(path)), file_sha256(path), source,
                   data_year, identity_path, feedback, plugin_version)


def import_rows(database, header, rows, file_name, sha256, source, data_year, identity_path=None,
                feedback=None, plugin_version="", fraction=lambda: 0.0):
    """The same import over rows from elsewhere (e.g. a table GDAL reads, through a QGIS layer)."""
    def open_rows():
        return readers.row_source(header, rows, fraction, file_name)
    return _import(database, open_rows, file_name, sha256, source, data_year, identity_path,
                   feedback, plugin_version)


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def staging_table(spec, file_spec):
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
        ]
    for col in file_spec.staged_columns:
        doc = col.doc or col.field.replace("_", " ").capitalize() + "."
        note = " Code as found in the file (mapped by the crosswalk)." if col.type == "code" else ""
        era = " Common Era (ISO yyyy-mm-dd)." if col.type == "date" else ""
        columns.append(column(col.field, _SQL_TYPES[col.type], f"{doc}{note}{era} From column {col.column}."))
    return schema.Table(spec.staging_table(file_spec.kind),
                        f"{spec.doc}: {file_spec.doc} Staged as imported (see import_run).",
                        tuple(columns))


def _import(database, open_rows, file_name, sha256, source, data_year, identity_path, feedback,
            plugin_version):
    feedback = feedback or NullFeedback()
    spec = load_spec(source)
    year = ce_year(data_year)
    if not os.path.exists(str(database)):
        raise ImportFailed(f"{database} does not exist: create it with trafficking:createdatabase first")
    conn = gpkg.connect(database)
    try:
        if not gpkg.is_geopackage(conn) or not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'import_run'").fetchone():
            raise ImportFailed(f"{database} is not a province database: create it with "
                               "trafficking:createdatabase first")
        run = {"source": spec.source, "file_name": file_name, "file_sha256": sha256,
               "data_year": year, "started_at": _now(), "plugin_version": plugin_version,
               "rows_read": 0, "rows_staged": 0, "rows_rejected": 0}
        earlier = conn.execute("SELECT fid, finished_at FROM import_run WHERE file_sha256 = ? AND "
                               "status = 'succeeded' ORDER BY fid LIMIT 1", (sha256,)).fetchone()
        if earlier:
            run["message"] = (f"{file_name} was already imported (run {earlier[0]}, {earlier[1]}); "
                              "nothing was added")
            run["run_id"] = _record_run(conn, run, "duplicate")
            feedback.pushInfo(run["message"])
            return {**run, "status": "duplicate"}
        identity_path = identity_path or pseudonym.default_identity_path(database)
        secret = pseudonym.load_secret(identity_path)
        conn.execute("ATTACH DATABASE ? AS identity", (str(identity_path),))
        try:
            return _import_in_transaction(conn, run, open_rows, spec, secret, feedback)
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            status = "canceled" if isinstance(error, Canceled) else "failed"
            counted = run["rows_read"]
            run.update(rows_read=0, rows_staged=0, rows_rejected=0)
            run["message"] = (f"{file_name}: {status} after {counted} rows ({error}); nothing was "
                              "added")
            run["run_id"] = _record_run(conn, run, status)
            feedback.pushInfo(run["message"])
            if isinstance(error, (readers.ReadError, ImportFailed)):
                raise ImportFailed(f"{file_name}: {error}") from None
            raise
    finally:
        conn.close()


def _import_in_transaction(conn, run, open_rows, spec, secret, feedback):
    conn.execute("BEGIN IMMEDIATE")
    run["run_id"] = run_id = _insert_run(conn, run, "running")
    with open_rows() as table:
        rows = iter(table)
        file_spec, positions, header = _read_header(rows, spec, run["file_name"], feedback)
        target = staging_table(spec, file_spec)
        schema.apply_schema(conn, tables=[target])
        conn.execute("CREATE TEMP TABLE seen_row (hash INTEGER PRIMARY KEY, row_number INTEGER)")
        writer = _Writer(conn, run, spec, file_spec, target, positions, len(header), secret)
        chunk, blank = [], 0
        for cells, problem in rows:
            if problem is None and _is_blank(cells):
                blank += 1                    # an empty line is not a data row
                continue
            run["rows_read"] += 1
            chunk.append((run["rows_read"], cells, problem))
            if len(chunk) == CHUNK_ROWS:
                check_canceled(feedback)
                writer.write(chunk)
                chunk = []
                feedback.setProgress(100 * table.fraction())
        check_canceled(feedback)
        writer.write(chunk)
    conn.execute("DROP TABLE temp.seen_row")
    unlinked = writer.unlinked if file_spec.id_column is not None else None
    run["message"] = (f"{run['file_name']} ({file_spec.kind}): {run['rows_read']} rows read = "
                      f"{run['rows_staged']} staged + {run['rows_rejected']} rejected")
    if unlinked:
        run["message"] += f"; {unlinked} staged rows have no ID (unlinked)"
    if blank:
        run["message"] += f"; {blank} empty lines skipped"
    run["finished_at"] = _now()
    conn.execute("UPDATE import_run SET status = 'succeeded', finished_at = ?, rows_read = ?, "
                 "rows_staged = ?, rows_rejected = ?, message = ? WHERE fid = ?",
                 (run["finished_at"], run["rows_read"], run["rows_staged"], run["rows_rejected"],
                  run["message"], run_id))
    conn.execute("COMMIT")
    feedback.pushInfo(run["message"])
    return {**run, "status": "succeeded", "kind": file_spec.kind, "staging_table": target.name,
            "unlinked": unlinked, "empty_lines": blank}


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
                    f"column '{col.column}' appears {len(found)} times in the header (columns "
                    f"{', '.join(str(i + 1) for i in found)}): keep one of them and import again")
            if not found and col.required:
                raise ImportFailed(f"the {file_spec.kind} file lacks the required column "
                                   f"'{col.column}': add it and import again")
            positions.append(found[0] if found else None)
        known = {c.column for c in file_spec.columns}
        extra = [h for h in header if h and h not in known]
        if extra:
            feedback.pushInfo(f"Columns not in the {spec.source} spec, left out: {', '.join(extra)}")
        return file_spec, positions, header
    if first_missing is None:
        raise ImportFailed("the file has no header row and no data: export it again with its header")
    kinds = ", ".join(spec.files)
    raise ImportFailed(f"not a file of source '{spec.source}' ({kinds}): the header lacks "
                       f"{', '.join(first_missing)}. Is it the right file and source?")


class _Writer:
    """Validates chunks of rows and writes them to staging, rejected_row and the identity file."""

    def __init__(self, conn, run, spec, file_spec, target, positions, width, secret):
        self.conn, self.run, self.spec, self.secret = conn, run, spec, secret
        self.width = width
        self.columns = list(zip(file_spec.columns, positions))
        self.has_id = file_spec.id_column is not None
        self.unlinked = 0
        names = [c.name for c in target.all_columns if c.name != "fid"]
        self.insert_staged = (f'INSERT INTO "{target.name}" ({", ".join(names)}) '
                              f'VALUES ({", ".join("?" * len(names))})')

    def write(self, chunk):
        staged, rejected, identities = [], [], []
        first_seen = self._duplicates(chunk)
        for row_number, cells, problem in chunk:
            if problem is None and row_number in first_seen:
                problem = f"exact copy of row {first_seen[row_number]}"
            reasons, parsed = ([(None, None, problem)], None) if problem else self._check(cells)
            if reasons:
                # Masked again as a safety net: a value or reason may quote an ID typed elsewhere.
                rejected += [(self.run["run_id"], self.run["file_name"], row_number, field,
                              value and mask_ids_in(value), mask_ids_in(why))
                             for field, value, why in reasons]
                self.run["rows_rejected"] += 1
                continue
            key_cells, values, names, raw_id = parsed
            staged.append((self.run["run_id"], row_number, *key_cells, *values))
            if raw_id or any(names.values()):
                identities.append((key_cells[0] if key_cells else None, self.spec.source,
                                   key_cells[1] if key_cells else None, raw_id or None,
                                   json.dumps(names, ensure_ascii=False), self.run["run_id"],
                                   row_number))
            self.run["rows_staged"] += 1
        self.conn.executemany(self.insert_staged, staged)
        self.conn.executemany("INSERT INTO rejected_row (import_run_id, file_name, row_number, field,"
                              " value, reason) VALUES (?, ?, ?, ?, ?, ?)", rejected)
        self.conn.executemany("INSERT INTO identity.person_identity VALUES (?, ?, ?, ?, ?, ?, ?)",
                              identities)

    def _duplicates(self, chunk):
        """Row number -> the earlier row it copies exactly, over the whole file so far.

        Hashes live in a temporary SQLite table, not a Python set, so memory stays flat."""
        hashes = {}
        for row_number, cells, _problem in chunk:
            text = _joined(cells, "\x1f").encode("utf-8", "surrogatepass")
            hashes[row_number] = int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(),
                                                "big", signed=True)
        earlier = {}
        unique = list(set(hashes.values()))
        for start in range(0, len(unique), 900):
            part = unique[start:start + 900]
            earlier.update(self.conn.execute(
                f"SELECT hash, row_number FROM temp.seen_row WHERE hash IN ({','.join('?' * len(part))})",
                part).fetchall())
        copies, new = {}, []
        for row_number, digest in hashes.items():
            if digest in earlier:
                copies[row_number] = earlier[digest]
            else:
                earlier[digest] = row_number
                new.append((digest, row_number))
        self.conn.executemany("INSERT INTO temp.seen_row VALUES (?, ?)", new)
        return copies

    def _check(self, cells):
        """(reasons, parsed): reasons lists (field, value, why) to reject the row; else parsed
        holds its person key cells, staged values, names and raw ID."""
        present = len(cells) > self.width and sum(1 for c in cells[self.width:] if cell_text(c).strip())
        if present:
            return [(None, None, f"the row has {self.width + present} filled cells but the header "
                     f"only {self.width} columns (an unquoted comma or a stray delimiter?)")], None
        if len(cells) < self.width and any(p is not None and p >= len(cells) for _, p in self.columns):
            return [(None, None, f"the row has {len(cells)} cells, the header {self.width} (the row "
                     "is cut short: a truncated file or a broken line?)")], None
        reasons, values, names, key_cells, raw_id = [], [], {}, [], ""
        data_year = self.run["data_year"]
        for col, position in self.columns:
            cell = cells[position] if position is not None and position < len(cells) else None
            raw = cell if cell.__class__ is str else cell_text(cell)
            is_id = col.type in ID_TYPES
            if raw[:1] == "#" and raw.strip() in SPREADSHEET_ERRORS:
                reasons.append((col.column, raw, f"the cell holds the spreadsheet error {raw.strip()} "
                                "instead of a value"))
                continue
            if col.required and not raw.strip():
                reasons.append((col.column, "", "required value is empty"))
                continue
            if is_id:
                parsed, why = parse_id(raw, col.type)
                if why:
                    reasons.append((col.column, mask_id(raw), why))
                    continue
                kind, raw_id = parsed
                if raw_id:
                    key_cells = [pseudonym.person_key(self.secret, raw_id), kind,
                                 int(raw_id[0]) if kind == "thai_id" else None]
                else:
                    key_cells = [None, "none", None]
            elif col.identity:
                names[col.field] = raw
            else:
                value, why = parse_value(col, cell, data_year)
                if why:
                    reasons.append((col.column, raw, why))
                    continue
                values.append(value)
        if reasons:
            return reasons, None
        if self.has_id and not key_cells:
            key_cells = [None, "none", None]
        if self.has_id and key_cells[0] is None:
            self.unlinked += 1
        return [], (key_cells, values, names, raw_id)


def _joined(cells, separator):
    """The row's cells as one text (str cells, the common case, are joined directly)."""
    try:
        return separator.join(cells)
    except TypeError:
        return separator.join(cell_text(c) for c in cells)


def _is_blank(cells):
    return not _joined(cells, "").strip()


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
    run["finished_at"] = _now()
    conn.execute("BEGIN IMMEDIATE")
    run_id = _insert_run(conn, run, status)
    conn.execute("COMMIT")
    return run_id


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
