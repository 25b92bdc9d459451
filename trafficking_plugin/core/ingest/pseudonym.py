"""Keyed pseudonyms and the identity file: who is behind a person_key, kept out of the GeoPackage.

person_key = HMAC-SHA256(province secret, normalised ID): its first 128 bits in hexadecimal with
the letters g-p standing for the digits 0-9. A key of letters only can never be mistaken for a
Thai ID, by a person or by a scan for leaked IDs. The secret and the identities (key, source, raw ID,
names) live in a separate plain SQLite file beside the database; only the work-list step opens it.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from collections.abc import Iterable
from typing import Protocol

from .. import database, schema
from ..database import PathLike
from ..errors import CoreError

_DDL = (
    "CREATE TABLE IF NOT EXISTS secret (key TEXT NOT NULL, created_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS person_identity ("
    " person_key TEXT, source TEXT NOT NULL, id_kind TEXT, raw_id TEXT, names TEXT,"
    " import_run_id INTEGER NOT NULL, row_number INTEGER NOT NULL)",
    # The identifying values of rejected rows (a misspelt birth date, a name in the wrong
    # column): rejected_row in the database says "withheld"; staff fix the file by these.
    "CREATE TABLE IF NOT EXISTS rejected_value (import_run_id INTEGER NOT NULL,"
    " row_number INTEGER NOT NULL, field TEXT NOT NULL, value TEXT)",
)
# The index on person_key is built by the steps that look persons up (index_identity), not kept
# up by the imports (drop_key_index): keys come in random order, and at Chiang Mai's volume
# keeping the index up through the seven files took 6.8 s, building it once 1.6 s.
_KEY_INDEX = "person_identity_key"


class IdentityError(CoreError):
    """The identity file is missing, is not one, or does not belong to the database."""


def default_identity_path(database: PathLike) -> str:
    """``<database stem>.identity.sqlite`` in the database's folder."""
    stem, _ = os.path.splitext(str(database))
    return stem + ".identity.sqlite"


FINGERPRINT_KEY = "identity_fingerprint"      # database_info: which identity file is this one's
_FINGERPRINT_LABEL = b"trafficking_db: the identity file of this province database"
CASE_RUN = 0          # import_run_id of identities that came from no import (case victims)


def fingerprint(secret: bytes) -> str:
    """What the database keeps of its identity file's secret: a keyed hash that tells the right
    file from another without revealing the secret."""
    return hmac.new(secret, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:32]


def load_secret(identity_path: PathLike) -> bytes:
    """The secret of an identity file, made (random, 256 bits) with the file on first use. A new
    file is made readable by its owner only; an older one is narrowed to that."""
    path = str(identity_path)
    if not os.path.exists(path):
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    _owner_only(path)
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        for statement in _DDL:
            conn.execute(statement)
        row = conn.execute("SELECT key FROM secret").fetchone()
        if row is None:
            row = (secrets.token_hex(32),)
            conn.execute("INSERT INTO secret VALUES (?, datetime('now'))", row)
        conn.execute("COMMIT")
    return bytes.fromhex(row[0])


def bound_secret(conn: sqlite3.Connection, database_path: PathLike,
                 identity_path: PathLike | None = None, create: bool = True) -> tuple[str, bytes]:
    """(path, secret) of the identity file that belongs to the database open at ``conn``.

    A database keeps its identity file's fingerprint (``bind``): any other file is refused, and so
    is a missing one once the database has persons, since a new secret would give every person a
    second pseudonym. A database of an earlier version, without a fingerprint, must share persons
    with the file. The database file itself is never taken as its identity file."""
    from ..files import same_file
    path = str(identity_path or default_identity_path(database_path))
    if same_file(path, str(database_path)):
        raise IdentityError("{} is the province database itself: the identity file is a file of "
                            "its own, beside it ({})", path, default_identity_path(database_path))
    stored = schema.get_info(conn, FINGERPRINT_KEY)
    if not os.path.isfile(path):
        if stored or _has_persons(conn):
            raise IdentityError("the identity file {} does not exist, but {} was imported with one: "
                                "give that file (a new one would give every person a second "
                                "pseudonym)", path, database_path)
        if not create:
            raise IdentityError("the identity file {} does not exist: give the "
                                "<database>.identity.sqlite written beside the database by the "
                                "imports", path)
    try:
        secret = load_secret(path) if create else _read_secret(path)
    except sqlite3.DatabaseError as error:
        raise IdentityError("{} is not an identity file ({})", path, error) from None
    if stored and stored != fingerprint(secret):
        raise IdentityError("{} is not this database's identity file ({}): it was made for "
                            "another database (another province's, or an older copy). Give the "
                            "identity file written beside this database.", path, database_path)
    if not stored and _has_persons(conn) and not _shares_persons(conn, path):
        raise IdentityError("{} holds none of the persons of {}: it is not this database's "
                            "identity file. Give the identity file written beside this database.",
                            path, database_path)
    return path, secret


def bind(conn: sqlite3.Connection, secret: bytes) -> None:
    """Record the identity file's fingerprint in the database (the caller's transaction)."""
    if not schema.get_info(conn, FINGERPRINT_KEY):
        schema.set_info(conn, FINGERPRINT_KEY, fingerprint(secret))


def repair(identity: sqlite3.Connection, conn: sqlite3.Connection) -> int:
    """Remove what the identity file holds for imports the database (``conn``) does not keep:
    identities of runs that did not succeed (left by a crash between the identity file's commit
    and the database's, which in WAL mode do not commit as one, or by a withdrawal) and the
    rejected values of rows the database no longer lists. Returns the identities removed."""
    for statement in _DDL:                # an identity file of an earlier version gains its tables
        identity.execute(statement)
    succeeded = [fid for (fid,) in conn.execute(
        "SELECT fid FROM import_run WHERE status = 'succeeded'")]
    listed = [run for (run,) in conn.execute("SELECT DISTINCT import_run_id FROM rejected_row")]
    identity.execute("DELETE FROM rejected_value WHERE import_run_id NOT IN "
                     "(SELECT value FROM json_each(?))", (json.dumps(listed),))
    return identity.execute(
        "DELETE FROM person_identity WHERE import_run_id <> ? AND import_run_id NOT IN "
        "(SELECT value FROM json_each(?))", (CASE_RUN, json.dumps(succeeded))).rowcount


def keep_identifying(identity: sqlite3.Connection, rows: list[tuple[str, int, int, str]]) -> None:
    """Merge identifying values an earlier version staged in the database into the identity
    file's rows, as an import of today writes them: (source, import_run_id, row_number, values
    as JSON) each (schema.apply_schema's keeper; the caller's transaction)."""
    for statement in _DDL:
        identity.execute(statement)
    identity.execute("CREATE TEMP TABLE moved (source TEXT, run INTEGER, row INTEGER, vals TEXT)")
    identity.executemany("INSERT INTO temp.moved VALUES (?, ?, ?, ?)", rows)
    identity.execute("CREATE INDEX temp.moved_row ON moved (run, row, source)")
    identity.execute(
        "UPDATE person_identity SET names = json_patch(coalesce(names, '{}'), m.vals) FROM "
        "temp.moved m WHERE m.run = person_identity.import_run_id AND m.row = "
        "person_identity.row_number AND m.source = person_identity.source")
    # Rows without an ID or a name had no identity row: they gain one, as today's imports give.
    identity.execute(
        "INSERT INTO person_identity (source, names, import_run_id, row_number) SELECT source, "
        "json_patch('{}', vals), run, row FROM temp.moved WHERE (run, row, source) NOT IN "
        "(SELECT import_run_id, row_number, source FROM person_identity)")
    identity.execute("DROP TABLE temp.moved")


def _read_secret(path: str) -> bytes:
    with contextlib.closing(database.connect(path, read_only=True)) as conn:
        row = conn.execute("SELECT key FROM secret").fetchone()
    if row is None:
        raise IdentityError("{} holds no province secret: it is not an identity file", path)
    return bytes.fromhex(row[0])


def _owner_only(path: str) -> None:
    """Narrow an identity file the user owns to owner-only (0600)."""
    with contextlib.suppress(OSError):
        if os.stat(path).st_uid == os.getuid() and os.stat(path).st_mode & 0o077:
            os.chmod(path, 0o600)


def _has_persons(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM import_run WHERE status = 'succeeded' AND rows_staged > 0 "
                        "LIMIT 1").fetchone() is not None


def _shares_persons(conn: sqlite3.Connection, path: str) -> bool:
    """True when the identity file holds persons the database staged (a database made before
    fingerprints: the file is checked by its contents)."""
    keys = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                 "GLOB 'staging_*'"):
        if "person_key" in {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}:
            keys += [k for (k,) in conn.execute(f'SELECT person_key FROM "{table}" WHERE '
                                                "person_key IS NOT NULL LIMIT 20")]
    if not keys:
        return True
    with contextlib.closing(database.connect(path, read_only=True)) as identity:
        return identity.execute(
            f"SELECT 1 FROM person_identity WHERE person_key IN ({', '.join('?' * len(keys))}) "
            "LIMIT 1", keys).fetchone() is not None


def drop_key_index(conn: sqlite3.Connection, schema: str = "main") -> None:
    """Drop the person_key index before appending many rows (inside the caller's transaction)."""
    conn.execute(f'DROP INDEX IF EXISTS "{schema}".{_KEY_INDEX}')


def index_identity(conn: sqlite3.Connection) -> bool:
    """Build the person_key index if an import dropped it; False when the file is read-only
    (the look-ups then scan the table: slower, the same answers)."""
    try:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {_KEY_INDEX} ON person_identity (person_key)")
    except sqlite3.OperationalError:
        return False
    return True


_LETTERS_FOR_DIGITS = str.maketrans("0123456789", "ghijklmnop")


def random_key() -> str:
    """A key of the pseudonyms' form (32 letters a-p) that stands for no ID."""
    return secrets.token_hex(16).translate(_LETTERS_FOR_DIGITS)


def record_identity(identity_path: PathLike, key: str, source: str, id_kind: str, raw_id: str,
                    row_number: int = 0) -> bool:
    """One identity row that came from no import (import_run_id 0), once per key, source and ID;
    False when it was there already."""
    load_secret(identity_path)            # makes the file and its tables if new
    with contextlib.closing(database.connect(identity_path)) as conn:
        index_identity(conn)
        conn.execute("BEGIN IMMEDIATE")
        found = conn.execute("SELECT 1 FROM person_identity WHERE person_key = ? AND source = ? "
                             "AND raw_id = ?", (key, source, raw_id)).fetchone()
        if not found:
            conn.execute("INSERT INTO person_identity (person_key, source, id_kind, raw_id, names, "
                         "import_run_id, row_number) VALUES (?, ?, ?, ?, NULL, 0, ?)",
                         (key, source, id_kind, raw_id, int(row_number or 0)))
        conn.execute("COMMIT")
    return not found


def person_key(secret: bytes, normalised_id: str) -> str:
    """The keyed pseudonym of a normalised ID: 32 letters a-p (128 bits)."""
    return person_keyer(secret)(normalised_id)


class PersonKeyer(Protocol):
    """What ``person_keyer`` returns: the key of one normalised ID, ``many`` for a list of them."""

    def __call__(self, normalised_id: str) -> str: ...

    def many(self, normalised_ids: Iterable[str]) -> list[str]: ...


def person_keyer(secret: bytes) -> PersonKeyer:
    """``person_key`` with the secret bound; its ``many(ids)`` keys a list of IDs at once.

    HMAC-SHA256 as RFC 2104 defines it, H((K ^ opad) || H((K ^ ipad) || ID)), from the two
    keyed hash states made once and copied per ID, and one hex conversion for a whole list:
    keying a file's IDs this way takes 40 % of the time hmac.HMAC objects take."""
    inner, outer = _keyed_states(secret)

    def many(normalised_ids):
        digests = []
        add, inner_copy, outer_copy = digests.append, inner.copy, outer.copy
        for normalised_id in normalised_ids:          # (names bound once: a tight loop)
            digest = inner_copy()
            digest.update(normalised_id.encode("ascii"))
            wrapped = outer_copy()
            wrapped.update(digest.digest())
            add(wrapped.digest())
        text = b"".join(digests).hex()
        # The first 128 bits (32 hex digits) of each 256-bit digest (64).
        text = "".join([text[i:i + 32] for i in range(0, len(text), 64)]).translate(
            _LETTERS_FOR_DIGITS)
        return [text[i:i + 32] for i in range(0, len(text), 32)]

    def key(normalised_id):
        return many((normalised_id,))[0]
    key.many = many
    return key


_BLOCK = 64                             # SHA-256's block size in bytes


def _keyed_states(secret):
    """SHA-256 states that have read the key XOR ipad (inner) and XOR opad (outer)."""
    if len(secret) > _BLOCK:
        secret = hashlib.sha256(secret).digest()
    secret = secret.ljust(_BLOCK, b"\0")
    return (hashlib.sha256(bytes(b ^ 0x36 for b in secret)),
            hashlib.sha256(bytes(b ^ 0x5C for b in secret)))


def open_identity(conn: sqlite3.Connection, database_path: PathLike,
                  identity_path: PathLike) -> tuple[sqlite3.Connection, bytes]:
    """A read-only connection to the identity file of the database open at ``conn``, and its
    secret; IdentityError for a missing file or one that belongs elsewhere (bound_secret)."""
    path, secret = bound_secret(conn, database_path, identity_path, create=False)
    identity = database.connect(path, read_only=True)
    try:
        identity.execute("SELECT person_key, raw_id, names FROM person_identity LIMIT 1")
    except sqlite3.DatabaseError:
        identity.close()
        raise IdentityError("{} is not an identity file (it lacks the person_identity table)",
                            path) from None
    # The look-ups are by person_key: its index, when an import dropped it, is built first
    # through a short read-write connection that changes no data.
    with contextlib.closing(database.connect(path)) as writer:
        index_identity(writer)
    return identity, secret
