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
    "CREATE INDEX IF NOT EXISTS person_identity_key ON person_identity (person_key)",
)


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
