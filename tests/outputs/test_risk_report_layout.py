"""trafficking:riskreport on the scored sample province: PDF pages, HTML, XLSX figures, trend,
privacy (no person_key anywhere), cancel."""
import re
import sqlite3

import pytest
from openpyxl import load_workbook

from trafficking_db.trafficking_plugin.outputs.styles import RISK_LAYERS, save_default_styles
from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.ingest import import_file
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.feedback import Canceled

from conftest import CancelAfter, copy_database

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane


@pytest.fixture(scope="module")
def scored(imported_sample, tmp_path_factory):
    """The sample scored for 2024 only."""
    _, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("report1"))
    crosswalk.run_crosswalk(db, 2024)
    _score(db, 2024)
    return db


@pytest.fixture(scope="module")
def scored_two_years(imported_sample, tmp_path_factory):
    """The sample province scored for 2023 and 2024 (the same generator, two data years)."""
    _, _, db = imported_sample
    folder = tmp_path_factory.mktemp("report2")
    db = copy_database(db, folder)
    manifest = generator.generate_sample_data(synthetic_province.synthetic_province(), folder / "files",
                                                scale=0.002, seed=1, data_year=2023)
    for entry in manifest["files"]:
        import_file.import_file(db, folder / "files" / entry["path"], entry["source"], 2023)
    for year in (2023, 2024):
        crosswalk.run_crosswalk(db, year)
        _score(db, year)
    return db


def _score(db, year):
    risk_index.score_risk_index(db, year, risk_index.Options())
    save_default_styles(str(db), RISK_LAYERS, None)


def _pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def _rows(db, sql, *args):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_report_pages_html_xlsx_and_privacy(run_algorithm, scored, tmp_path):
    result = run_algorithm("riskreport", DATABASE=str(scored), DATA_YEAR=2567, OUTPUT_FOLDER=str(tmp_path))
    districts = _rows(scored, "SELECT code, name_th FROM district ORDER BY code")
    assert result["REPORTS"] == len(districts) + 1
    assert _pages(tmp_path / "risk_report_2024.pdf") == len(districts) + 1

    pages = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")}
    assert set(pages) == {"index.html", "province.html"} | {f"district_{c}.html" for c, _ in districts}
    for code, name in districts:
        assert name in pages["province.html"] and name in pages["index.html"]
        page = pages[f"district_{code}.html"]
        for sub_code, sub_name, scored_n, high in _rows(
                scored, "SELECT code, name_th, persons_scored, persons_high FROM risk_subdistrict "
                "WHERE data_year = 2024 AND code LIKE ? || '%'", code):
            # The row: code, name, persons scored and at high risk, in that order.
            assert re.search(rf"{sub_code}</td><td>{sub_name}<br>.*?<td class='n'>{scored_n:,}</td>"
                             rf"<td class='n'>{high:,}</td>", page), (code, sub_code)
        assert "No earlier year scored" in page
        assert (tmp_path / "img" / f"district_{code}_age_sex.png").stat().st_size > 5000
        assert (tmp_path / "img" / f"district_{code}_map.png").stat().st_size > 5000
    assert (tmp_path / "img" / "province_age_sex.png").read_bytes()[:4] == b"\x89PNG"

    book = load_workbook(tmp_path / "risk_tables_2024.xlsx", read_only=True)
    # The uncertainty analysis ran with the scoring; validateindex did not: no validation sheets.
    assert book.sheetnames == ["age_band_sex", "home_town", "subdistrict", "district",
                               "sensitivity"]

    def sheet_sum(name, column, **where):
        rows = list(book[name].iter_rows(values_only=True))
        header = rows[0]
        return sum(r[header.index(column)] for r in rows[1:]
                   if all(r[header.index(k)] == v for k, v in where.items()))
    for dimension in ("age_band_sex", "home_town"):
        for level in ("province", "district", "subdistrict"):
            for column in ("persons_scored", "persons_high"):
                expected = _rows(scored, f"SELECT sum({column}) FROM risk_breakdown WHERE data_year"
                                 " = 2024 AND dimension = ? AND level = ?", dimension, level)[0][0]
                assert expected and sheet_sum(dimension, column, level=level) == expected
    for unit in ("subdistrict", "district"):
        for column in ("persons", "persons_scored", "persons_high"):
            assert sheet_sum(unit, column) == _rows(
                scored, f"SELECT sum({column}) FROM risk_{unit} WHERE data_year = 2024")[0][0]

    # No pseudonym in any output (the PDF's text streams are compressed: its bytes are checked
    # too, which catches metadata and uncompressed parts).
    keys = {k for (k,) in _rows(scored, "SELECT person_key FROM risk_person")}
    assert keys
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".xlsx":
                import zipfile
                with zipfile.ZipFile(path) as z:
                    data = b"".join(z.read(n) for n in z.namelist())
            text = data.decode("utf-8", "ignore")
            assert not any(k in text for k in keys), path


def test_trend_against_previous_year(run_algorithm, scored_two_years, tmp_path):
    run_algorithm("riskreport", DATABASE=str(scored_two_years), DATA_YEAR=2024,
                  OUTPUT_FOLDER=str(tmp_path), YEARS=1)   # Buddhist era, whatever the locale
    province = (tmp_path / "province.html").read_text(encoding="utf-8")
    assert "No earlier year scored" not in province
    assert "เทียบกับปี พ.ศ. 2566 (ค.ศ. 2023)" in province
    for _code, name, points, change in _rows(
            scored_two_years, "SELECT code, name_th, share_high_change, class_change FROM "
            "risk_change_district WHERE data_year = 2024"):
        # The report's change of the high share agrees with risk_change_district's.
        assert re.search(rf"<li>{name}: .*?\({re.escape(f'{points:+.1f}')} จุด\).*?\({change}\)</li>",
                         province), name
    assert _pages(tmp_path / "risk_report_2024.pdf") == 1 + len(_rows(scored_two_years,
                                                                      "SELECT code FROM district"))


def test_cancel_and_unscored_year(scored, tmp_path):
    from trafficking_db.trafficking_plugin.outputs.risk_report_layout import write_reports
    from trafficking_db.trafficking_plugin.core.dissemination.report_tables import ReportError

    with pytest.raises(Canceled):
        write_reports(scored, 2024, tmp_path / "canceled", feedback=CancelAfter(1))
    assert not (tmp_path / "canceled" / "risk_report_2024.pdf").exists()
    with pytest.raises(ReportError, match="not scored"):
        write_reports(scored, 2019, tmp_path / "none")
