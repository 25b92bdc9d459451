"""trafficking:riskreport on the scored sample province: PDF pages, HTML, XLSX figures, trend,
privacy (no person_key anywhere), cancel; on a province of long tables: every row in the PDF's
text, the page's items inside their places, the map's class colours in the HTML."""
import re
import sqlite3
import subprocess
import unicodedata

import pytest
from openpyxl import load_workbook

from trafficking_db.trafficking_plugin.outputs.styles import RISK_LAYERS, save_default_styles
from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.ingest import import_file
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.sample import generator
from trafficking_db.trafficking_plugin.core.feedback import Canceled

from trafficking_db.trafficking_plugin.core.geography import Subdistrict

from conftest import CancelAfter, copy_database, province_units

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
    assert _pages(tmp_path / "risk_report_2024.pdf") == len(districts) + 1   # short tables

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


# A province whose tables do not fit on a page: 12 districts, the first with 20 sub-districts.
LONG_DISTRICTS = [("ดอยสะเก็ด", "Doi Saket", 20)] + [
    (name, name_en, 2) for name, name_en in (
        ("แม่แตง", "Mae Taeng"), ("แม่ริม", "Mae Rim"), ("สะเมิง", "Samoeng"), ("ฝาง", "Fang"),
        ("แม่อาย", "Mae Ai"), ("พร้าว", "Phrao"), ("สันป่าตอง", "San Pa Tong"),
        ("สันกำแพง", "San Kamphaeng"), ("สันทราย", "San Sai"), ("หางดง", "Hang Dong"),
        ("ฮอด", "Hot"))]
TAMBON_NAMES = ("เชิงดอย", "สันปูเลย", "ลวงเหนือ", "ป่าป้อง", "สง่าบ้าน", "ป่าลาน", "ตลาดขวัญ",
                "สำราญราษฎร์", "แม่คือ", "ตลาดใหญ่", "แม่ฮ้อยเงิน", "แม่โป่ง", "ป่าเมี่ยง", "เทพเสด็จ")


def _long_province(cell=0.02):
    units = []
    for d, (district_th, district_en, count) in enumerate(LONG_DISTRICTS):
        for t in range(count):
            x0, y0 = 98.8 + (t % 4) * cell + d * 4 * cell, 18.6 + (t // 4) * cell
            ring = [(x0, y0), (x0 + cell, y0), (x0 + cell, y0 + cell), (x0, y0 + cell), (x0, y0)]
            units.append(Subdistrict(
                code=f"50{d + 1:02d}{t + 1:02d}", name_th=TAMBON_NAMES[t % len(TAMBON_NAMES)]
                + ("" if t < len(TAMBON_NAMES) else "ใหม่"), name_en=f"Tambon {t + 1}",
                district_code=f"50{d + 1:02d}", district_name_th=district_th,
                district_name_en=district_en, province_code="50", province_name_th="เชียงใหม่",
                province_name_en="Chiang Mai", polygons=[[ring]]))
    return units


@pytest.fixture(scope="module")
def long_tables(tmp_path_factory):
    """A province scored for 2024 whose province table (12 districts) and first district's
    table (20 sub-districts) are longer than a page's frame."""
    from trafficking_db.trafficking_plugin.core import create_database

    folder = tmp_path_factory.mktemp("long_tables")
    subdistricts = _long_province()
    manifest = generator.generate_sample_data(subdistricts, folder / "files", scale=0.002, seed=3)
    db = folder / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(subdistricts,
                                                               folder / "files" / "villages.geojson"))
    for entry in manifest["files"]:
        import_file.import_file(db, folder / "files" / entry["path"], entry["source"], 2024)
    crosswalk.run_crosswalk(db, 2024)
    _score(db, 2024)
    return db


# The Loma font draws some Thai marks with its shifted glyphs, which the PDF's text gives as
# the private-use characters of the Windows/Mac Thai fonts: back to the marks they show.
THAI_PUA = dict(zip(range(0xF700, 0xF71B), "\u0e10\u0e34\u0e35\u0e36\u0e37\u0e48\u0e49\u0e4a"
                    "\u0e4b\u0e4c\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e0d\u0e31\u0e4d\u0e47\u0e48"
                    "\u0e49\u0e4a\u0e4b\u0e4c\u0e38\u0e39\u0e3a"))


def _pdf_pages_text(pdf):
    """The text of each page (pdftotext, poppler-utils), as the PDF holds it."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         check=True)
    text = unicodedata.normalize("NFKC", run.stdout.decode("utf-8").translate(THAI_PUA))
    return text.replace("\u0e4d\u0e32", "\u0e33").split("\f")[:-1]   # sara am as one letter


def test_every_row_of_every_table_is_text_in_the_pdf(run_algorithm, long_tables, tmp_path):
    from trafficking_db.trafficking_plugin.i18n import translation

    was = translation.buddhist_era()
    translation.set_buddhist_era(True)   # the plugin's option: titles in พ.ศ.
    try:
        run_algorithm("riskreport", DATABASE=str(long_tables), DATA_YEAR=2024,
                      OUTPUT_FOLDER=str(tmp_path))
    finally:
        translation.set_buddhist_era(was)
    pages = _pdf_pages_text(tmp_path / "risk_report_2024.pdf")
    assert len(pages) == _pages(tmp_path / "risk_report_2024.pdf")
    # Each report's pages: its first page, then the pages that continue its table.
    reports, current = {}, None
    for text in pages:
        # Found by the English title: pdftotext may split Thai words with spaces.
        title = re.search(r"Human-trafficking risk report, (.+?) (province|district), "
                          r"B\.E\. 2567( \(continued\))?", text)
        assert title, text[:200]
        if not title.group(3):
            current = title.group(1)
            assert current not in reports and "ปี พ.ศ. 2567" in text   # the plugin's option
            reports[current] = ""
        else:
            assert title.group(1) == current
        reports[current] += text
    districts = _rows(long_tables, "SELECT code, name_en FROM district ORDER BY code")
    assert list(reports) == ["Chiang Mai"] + [name for _, name in districts]
    assert len(pages) > len(reports)   # the long tables went on over more pages
    codes = re.compile(r"(?<!\d)(50\d{2}(?:\d{2})?)(?!\d)")
    province_codes = set(codes.findall(reports["Chiang Mai"]))
    assert {code for code, _ in districts} <= province_codes
    for code, name in districts:
        expected = {c for (c,) in _rows(long_tables, "SELECT code FROM risk_subdistrict WHERE "
                                        "data_year = 2024 AND substr(code, 1, 4) = ?", code)}
        assert expected and expected <= set(codes.findall(reports[name])), name
    assert len(expected) == 2 and len(_rows(long_tables, "SELECT code FROM risk_subdistrict "
                                            "WHERE code LIKE '5001%'")) == 20
    assert "ตาราง" not in reports["Chiang Mai"]   # no "table 18 of 25 rows"


def test_page_items_stay_in_their_places(long_tables, tmp_path):
    """The scale bar inside the map frame, the legend inside the map's width above the chart,
    the table's text wrapped to its columns, on every report's page."""
    from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemPicture,
                           QgsLayoutItemScaleBar, QgsProject)
    from trafficking_db.trafficking_plugin.core.dissemination import report_chart, report_tables
    from trafficking_db.trafficking_plugin.outputs.risk_report_layout import report_atlas

    reports = report_tables.load_reports(long_tables, 2024)
    charts = {r.code: report_chart.age_sex_chart(r, tmp_path / f"{r.code}.png", 60) for r in reports}
    project = QgsProject()
    layout, map_item = report_atlas(project, long_tables, reports, charts)
    bar = next(i for i in layout.items() if isinstance(i, QgsLayoutItemScaleBar))
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    chart = next(i for i in layout.items() if isinstance(i, QgsLayoutItemPicture)
                 and i.sceneBoundingRect().width() > 50)
    labels = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel)
              and i.sceneBoundingRect().top() < 210]
    atlas = layout.atlas()
    atlas.beginRender()
    try:
        for index in range(atlas.count()):
            atlas.seekTo(index)
            frame = map_item.sceneBoundingRect()
            assert frame.contains(bar.sceneBoundingRect()), index
            box = legend.sceneBoundingRect()
            assert frame.left() <= box.left() and box.right() <= frame.right(), (index, box)
            assert frame.bottom() <= box.top() and box.bottom() <= chart.sceneBoundingRect().top()
            for label in labels:
                assert not label.sceneBoundingRect().intersects(box), label.text()
    finally:
        atlas.endRender()


def test_wrapped_thai_cells_fit_their_column():
    from qgis.core import QgsLayoutUtils, QgsTextRenderer, QgsUnitTypes
    from trafficking_db.trafficking_plugin.outputs.risk_report_layout import wrap_text

    drivers = ("I28 การอยู่ใกล้สถานประกอบการเสี่ยงหรือจุดผ่านแดน; I23 การตั้งครรภ์หรือการสมรสก่อนวัยอันควร; "
               "I04 สถานะการย้ายถิ่น")
    wrapped = wrap_text(drivers, 30)
    assert wrapped.replace("\n", "").replace(" ", "") == drivers.replace(" ", "")
    lines = wrapped.split("\n")
    assert len(lines) >= 4
    context = QgsLayoutUtils.createRenderContextForLayout(None, None)
    millimetre = context.convertToPainterUnits(1, QgsUnitTypes.RenderMillimeters)
    from qgis.core import QgsTextFormat
    from qgis.PyQt.QtGui import QFont
    text = QgsTextFormat()
    text.setFont(QFont("Loma"))
    text.setSize(6.5)
    assert all(QgsTextRenderer.textWidth(context, text, [line]) / millimetre <= 30 for line in lines)


def test_html_classes_in_the_map_colours(long_tables, tmp_path):
    """The HTML's class badges take the colours of the map's style stored in the database: the
    plugin's yellow medium, and a user's colour once restyled."""
    from trafficking_db.trafficking_plugin.outputs.risk_report_layout import write_reports

    write_reports(long_tables, 2024, tmp_path / "shipped")
    page = (tmp_path / "shipped" / "province.html").read_text(encoding="utf-8")
    assert "background:#f0e442;color:#1d1d1d'>ปานกลาง" in page   # the map's yellow
    assert "#fdae61" not in page
    (tmp_path / "restyled").mkdir()
    restyled = copy_database(long_tables, tmp_path / "restyled")
    with sqlite3.connect(restyled) as conn:
        conn.execute("UPDATE layer_styles SET styleQML = replace(styleQML, '240,228,66,255', "
                     "'10,20,200,255') WHERE f_table_name = 'risk_subdistrict'")
    write_reports(restyled, 2024, tmp_path / "user")
    page = (tmp_path / "user" / "province.html").read_text(encoding="utf-8")
    assert "background:#0a14c8;color:#ffffff'>ปานกลาง" in page
