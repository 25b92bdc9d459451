"""Deterministic writers for the sample files: CSV (optionally gzip) and XLSX, in chunks.

A table is written from ``render(rows) -> [column values, ...]`` (strings, one list or array per
header column) so that a 1.8-million-row file never sits in memory as Python strings at once.
The file's ``FaultPlan`` is applied on the way out. Same inputs give the same bytes: no
timestamps in gzip headers, XLSX properties or zip entries.
"""
from __future__ import annotations

import contextlib
import csv
import datetime
import gzip
import io
import os
import shutil
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..core.database import PathLike
from .common import Stage
from .faults import FaultPlan

CHUNK_ROWS = 50_000
LINE_END = "\r\n"                         # RFC 4180, and what the agencies' Windows tools write
FIXED_TIME = datetime.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)          # earliest time a zip entry can carry


def file_entry(relative_path: str, source: str, file_format: str, encoding: str, rows: int,
               header: Sequence[str], plan: FaultPlan) -> dict[str, Any]:
    """The manifest's description of one written file."""
    return {"path": relative_path, "source": source, "format": file_format,
            "encoding": encoding, "rows": rows, "columns": list(header),
            "faults": dict(sorted(plan.counts.items()))}


def write_csv(path: str, header: Sequence[str], n_rows: int,
              render: Callable[[np.ndarray], Sequence[np.ndarray | Sequence[Any]]],
              plan: FaultPlan | None, stage: Stage, encoding: str = "utf-8") -> int:
    """Write a CSV (gzip-compressed when ``path`` ends in .gz); return the number of data rows.

    ``plan``: the file's FaultPlan, or None to write the rows as rendered. ``encoding`` is a
    Python codec name: "utf-8-sig" writes a byte-order mark, "cp874" TIS-620.
    """
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written = 0
    with contextlib.ExitStack() as stack:
        raw = stack.enter_context(open(path, "wb"))
        if path.endswith(".gz"):
            # Level 6, not 9: at SCALE=1, 9 took 10 s longer for a 4 % smaller truth file.
            raw = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                    compresslevel=6))
        text = stack.enter_context(io.TextIOWrapper(raw, encoding=encoding, newline=""))
        writer = csv.writer(text, lineterminator=LINE_END)
        writer.writerow(header)
        for rows in _chunks(header, n_rows, render, plan, stage):
            writer.writerows(rows)
            written += len(rows)
    return written


def write_xlsx(path: PathLike, sheet_title: str, header: Sequence[str], n_rows: int,
               render: Callable[[np.ndarray], Sequence[np.ndarray | Sequence[Any]]],
               plan: FaultPlan | None, stage: Stage) -> int:
    """Write a one-sheet XLSX of text cells; return the number of data rows."""
    from openpyxl import Workbook  # only the education export needs it
    os.makedirs(os.path.dirname(path), exist_ok=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append(header)
    written = 0
    for rows in _chunks(header, n_rows, render, plan, stage):
        for row in rows:
            sheet.append(row)
        written += len(rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    _write_fixed_zip(buffer, path)
    return written


def _write_fixed_zip(buffer, path):
    """Copy the workbook's zip with fixed entry times and fixed document properties."""
    from openpyxl.packaging.core import DocumentProperties
    from openpyxl.xml.functions import tostring
    properties = DocumentProperties(creator="trafficking_plugin sample data",
                                    created=FIXED_TIME, modified=FIXED_TIME)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w") as out:
                if name == "docProps/core.xml":     # openpyxl stamps the save time here
                    out.write(tostring(properties.to_tree()))
                else:                               # streamed: a sheet is hundreds of MB unzipped
                    with source.open(name) as data:
                        shutil.copyfileobj(data, out, 1 << 20)


def _chunks(header, n_rows, render, plan, stage):
    """Lists of row tuples, faults applied and duplicate rows repeated, CHUNK_ROWS at a time."""
    cells = [] if plan is None else [(header.index(column), rows, values)
                                     for column, (rows, values) in plan.cells.items()]
    duplicates = np.empty(0, dtype=np.int64) if plan is None else plan.duplicates
    for start in range(0, n_rows, CHUNK_ROWS):
        stage.step(start / n_rows)
        stop = min(start + CHUNK_ROWS, n_rows)
        columns = [c.tolist() if isinstance(c, np.ndarray) else list(c)
                   for c in render(np.arange(start, stop))]
        for column, rows, values in cells:
            lo, hi = np.searchsorted(rows, [start, stop])
            for row, value in zip(rows[lo:hi].tolist(), values[lo:hi]):
                columns[column][row - start] = value
        table = list(zip(*columns))
        repeat = np.ones(stop - start, dtype=np.int64)
        repeat[duplicates[(duplicates >= start) & (duplicates < stop)] - start] = 2
        yield table if (repeat == 1).all() else [table[i] for i in np.repeat(np.arange(len(table)), repeat)]
    stage.step(1.0)
