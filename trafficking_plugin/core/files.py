"""Output files: which file a destination writes to, and whether two paths name one file, so
that no output ever lands in the province database or its identity file."""
from __future__ import annotations

import contextlib
import os


def output_file(destination: str | None) -> str | None:
    """The file a Processing output destination writes to ('x.gpkg', 'x.gpkg|layername=t',
    "ogr:dbname='x.gpkg' table=..."), or None for a memory layer."""
    text = str(destination or "").strip()
    if not text or text.startswith("memory:") or text == "TEMPORARY_OUTPUT":
        return None
    if text.startswith("ogr:"):
        quoted = text.split("dbname='", 1)
        if len(quoted) == 2:
            return quoted[1].split("'", 1)[0]
        return text[4:].split("dbname=", 1)[-1].split(" ", 1)[0]
    return text.split("|", 1)[0]


def same_file(a: str | None, b: str | None) -> bool:
    """True when two paths name one file (resolving links; the file need not exist yet)."""
    if not a or not b:
        return False
    with contextlib.suppress(OSError):
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    return os.path.realpath(a) == os.path.realpath(b)
