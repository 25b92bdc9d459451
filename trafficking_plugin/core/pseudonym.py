"""Keyed pseudonyms and the identity file: who is behind a person_key, kept out of the GeoPackage.

person_key = HMAC-SHA256(province secret, normalised ID): its first 128 bits in hexadecimal with
the letters g-p standing for the digits 0-9. A key of letters only can never be mistaken for a
Thai ID, by a person or by a scan for leaked IDs. The secret and the identities (key, source, raw ID,
names) live in a separate plain SQLite file beside the database; only the work-list step opens it.
"""
import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3

_DDL = (
    "CREATE TABLE IF NOT EXISTS secret (key TEXT NOT NULL, created_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS person_identity ("
    " person_key TEXT, source TEXT NOT NULL, id_kind TEXT, raw_id TEXT, names TEXT,"
    " import_run_id INTEGER NOT NULL, row_number INTEGER NOT NULL)",
)
# The index on person_key is built by the steps that look persons up (index_identity), not kept
# up by the imports (drop_key_index): keys come in random order, and at Chiang Mai's volume
# keeping the index up through the seven files took 6.8 s, building it once 1.6 s.
_KEY_INDEX = "person_identity_key"


def default_identity_path(database):
    """``<database stem>.identity.sqlite`` in the database's folder."""
    stem, _ = os.path.splitext(str(database))
    return stem + ".identity.sqlite"


def load_secret(identity_path):
    """The province secret from the identity file, made (random, 256 bits) on first use."""
    with contextlib.closing(sqlite3.connect(str(identity_path), isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        for statement in _DDL:
            conn.execute(statement)
        row = conn.execute("SELECT key FROM secret").fetchone()
        if row is None:
            row = (secrets.token_hex(32),)
            conn.execute("INSERT INTO secret VALUES (?, datetime('now'))", row)
        conn.execute("COMMIT")
    return bytes.fromhex(row[0])


def drop_key_index(conn, schema="main"):
    """Drop the person_key index before appending many rows (inside the caller's transaction)."""
    conn.execute(f'DROP INDEX IF EXISTS "{schema}".{_KEY_INDEX}')


def index_identity(conn):
    """Build the person_key index if an import dropped it; False when the file is read-only
    (the look-ups then scan the table: slower, the same answers)."""
    try:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {_KEY_INDEX} ON person_identity (person_key)")
    except sqlite3.OperationalError:
        return False
    return True


_LETTERS_FOR_DIGITS = str.maketrans("0123456789", "ghijklmnop")


def person_key(secret, normalised_id):
    """The keyed pseudonym of a normalised ID: 32 letters a-p (128 bits)."""
    return person_keyer(secret)(normalised_id)


def person_keyer(secret):
    """``person_key`` with the secret bound: the HMAC's keyed state is made once and copied per
    ID, which halves the cost of pseudonymising a file."""
    keyed = hmac.new(secret, digestmod=hashlib.sha256)

    def key(normalised_id):
        digest = keyed.copy()
        digest.update(normalised_id.encode("ascii"))
        return digest.digest()[:16].hex().translate(_LETTERS_FOR_DIGITS)
    return key
