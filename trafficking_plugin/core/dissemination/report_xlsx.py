"""The risk report's tables as one XLSX workbook (openpyxl): by age band x sex, by home town,
by sub-district and by district, for the province, every district and every sub-district."""
from __future__ import annotations

from ..database import PathLike
from ..spreadsheet import neutralise_row
from .report_tables import area_table_rows, breakdown_rows
from .report_validation import load_validation, sheet_rows

SHEETS = {
    "age_band_sex": ("level", "code", "area", "age_band", "sex", "persons_scored", "persons_high",
                     "persons_medium", "persons_low", "share_high", "mean_index"),
    "home_town": ("level", "code", "area", "home_town", "home_town_name", "persons_scored",
                  "persons_high", "persons_medium", "persons_low", "share_high", "mean_index"),
    "subdistrict": ("code", "name_th", "persons", "persons_scored", "persons_unscored",
                    "persons_high", "persons_medium", "persons_low", "share_high", "mean_index",
                    "risk_class", "drivers"),
    "district": ("code", "name_th", "persons", "persons_scored", "persons_unscored",
                 "persons_high", "persons_medium", "persons_low", "share_high", "mean_index",
                 "risk_class", "drivers"),
}


def write_workbook(database: PathLike, data_year: int, path: PathLike) -> PathLike:
    """Write the four sheets; returns ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, header in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(list(header))
        if name in ("age_band_sex", "home_town"):
            for row in breakdown_rows(database, data_year, name):
                level, code, area, band, sex, town, town_name, *figures = row
                keys = (band, sex) if name == "age_band_sex" else (town, town_name)
                sheet.append(neutralise_row([level, code, area, *keys, *figures]))
        else:
            for row in area_table_rows(database, data_year, name):
                # openpyxl writes a text beginning with '=' as a formula; names come from files.
                sheet.append(neutralise_row(row))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        share = header.index("share_high") + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=share, max_col=share):
            cell.number_format = "0.0%"
    # How far to trust the map: the validation and sensitivity, where they were run.
    for name, (header, rows) in sheet_rows(load_validation(database, data_year)).items():
        if rows:
            sheet = book.create_sheet(name)
            sheet.append(list(header))
            for row in rows:
                sheet.append(list(row))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    book.save(str(path))
    return path
