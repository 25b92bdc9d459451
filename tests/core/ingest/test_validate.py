"""The import stages and rejects exactly what the per-cell checks (core/ingest/validate.py) say,
for every kind of column, a value met twice included (the import remembers checked values)."""
import csv
import datetime

import openpyxl
import pytest
from trafficking_db.trafficking_plugin.core import create_database, database
from trafficking_db.trafficking_plugin.core.ingest import import_file, spec, thai_id, validate

DATA_YEAR = 2024


def tid(n):
    first12 = f"3500{n:08d}"
    return first12 + str(thai_id.check_digit(first12))


CELLS = {
    "code": ["03776", " 099 ", "", "#N/A", " #N/A", "๐๙๙", "1234567890123", "a b", "G501234567890",
             "B2O1", "x" * 12, "x" * 13],
    "text": ["12/3", "  บ้าน  ", "", "บัตร " + tid(7), "#REF!", "ก" * 20],
    "integer": ["3", "-0", "007", "1,234", "1.5", "12a", "", "๒", "123456789012345"],
    "number": ["18.75", "-0.0", "1e3", "1,234.5", "nan", "inf", "", "x"],
    "date": ["19430613", "20240327065429", "20240231065429", "20240231", "2024032706542", "",
             "29/02/2499", "29/02/2500", "45366", "2024-03-27"],
    "thai_id": [tid(1), tid(2)[:12] + str(9 - int(tid(2)[12])), "", "12345", tid(3)[:5] + "-" + tid(3)[5:],
                "G501234567890", "#N/A"],
}


def spec_file(folder, kind, required):
    """A one-file spec: a row tag and one column X of ``kind``."""
    field = "person_key" if kind == "thai_id" else "x"
    text = (f"source: probe\ndoc: one column of kind {kind}\nfiles:\n  probe:\n"
            f"    match: {{columns: [TAG, X]}}\n    columns:\n      TAG: {{field: tag, type: text}}\n"
            f"      X: {{field: {field}, type: {kind}, required: {str(required).lower()}, "
            f"not_after_data_year: true}}\n")
    path = folder / "probe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def expected(column, cell):
    """(staged value, reason) of a cell by validate.check_cell; an ID column stages its kind."""
    outcome = validate.check_cell(column, cell, DATA_YEAR)
    if isinstance(outcome, validate.Rejection):
        return None, outcome.reason
    return (outcome[0] if column.type in spec.ID_TYPES else outcome), None


def staged_and_rejected(db, run_id, field):
    with database.reading(db) as conn:
        column = "id_kind" if field == "person_key" else field
        staged = dict(conn.execute(f'SELECT row_number, "{column}" FROM staging_probe_probe '
                                   "WHERE import_run_id = ?", (run_id,)))
        rejected = {n: why for n, why in conn.execute(
            "SELECT row_number, reason FROM rejected_row WHERE import_run_id = ?", (run_id,))}
    return staged, rejected


def check(db, summary, column, cells):
    staged, rejected = staged_and_rejected(db, summary.run_id, column.field)
    for number, cell in enumerate(cells, 1):
        value, why = expected(column, cell)
        if why is None:
            assert staged.get(number) == value, (number, cell)
        else:
            assert rejected.get(number) == validate.mask_ids_in(why), (number, cell)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    return path


@pytest.mark.parametrize("kind", list(CELLS))
@pytest.mark.parametrize("required", [False, True])
def test_text_cells_stage_what_the_per_cell_checks_say(tmp_path, db, kind, required):
    cells = CELLS[kind] * 2                 # twice: the second time from what was remembered
    path = tmp_path / "probe.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["TAG", "X"])
        writer.writerows([f"t{n}", cell] for n, cell in enumerate(cells, 1))
    source = spec_file(tmp_path, kind, required)
    summary = import_file.import_file(db, path, str(source), DATA_YEAR)
    assert summary.rows_read == len(cells) == summary.rows_staged + summary.rows_rejected
    column = spec.load_spec(str(source)).files["probe"].columns[1]
    check(db, summary, column, cells)


def test_spreadsheet_cells_keep_their_types(tmp_path, db):
    """Numbers, booleans and dates of a workbook are checked as the cells they are."""
    cells = [1, 1.0, True, "1", None, datetime.date(2024, 1, 2), 1, "1"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TAG", "X"])
    for n, cell in enumerate(cells, 1):
        sheet.append([f"t{n}", cell])
    book.save(tmp_path / "probe.xlsx")
    source = spec_file(tmp_path, "code", False)
    summary = import_file.import_file(db, tmp_path / "probe.xlsx", str(source), DATA_YEAR)
    column = spec.load_spec(str(source)).files["probe"].columns[1]
    check(db, summary, column, cells)
