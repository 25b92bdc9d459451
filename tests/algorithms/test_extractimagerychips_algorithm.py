"""trafficking:extractimagerychips end to end on the NAIP image: chips, footprints, report, and
one surveillance-sheet page per chip in one PDF."""
import re
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from builders import NAIP, OUTSIDE, PLACES, needs_naip, utm_of
from builders import imagery_province as make_province

pytestmark = needs_naip


def pdf_pages(path):
    """Pages of a PDF written by Qt (no object streams): its /Type /Page objects."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", Path(path).read_bytes()))


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_province(tmp_path_factory.mktemp("imagery_algorithm") / "province.gpkg")


def test_every_place_chipped_or_reported_and_one_sheet_per_chip(run_algorithm, province, tmp_path):
    result = run_algorithm("extractimagerychips", IMAGERY=str(NAIP), DATABASE=str(province),
                           RADIUS=250, OUTPUT_FOLDER=str(tmp_path))
    assert (result["CHIPS"], result["NOT_CHIPPED"]) == (len(PLACES), 1)
    assert pdf_pages(result["SHEETS_PDF"]) == len(PLACES)
    footprints = QgsVectorLayer(result["FOOTPRINTS"], "f", "ogr")
    assert footprints.isValid() and footprints.featureCount() == len(PLACES)
    assert footprints.crs().authid() == "EPSG:4326"
    feature = next(footprints.getFeatures())
    assert feature["name"] == PLACES[0][0] and Path(feature["chip_path"]).exists()
    assert footprints.getFeatures().__next__().geometry().boundingBox().width() > 0
    with sqlite3.connect(result["REPORT"].split("|")[0]) as conn:
        outside = conn.execute("SELECT status, reason FROM chip_report WHERE name = ?",
                               (OUTSIDE[0],)).fetchone()
    assert outside[0] == "outside" and outside[1]
    assert sorted(p.name for p in tmp_path.glob("place_*.qml")) == \
        sorted(Path(p).with_suffix(".qml").name for p in tmp_path.glob("place_*.tif"))


def test_one_risk_class_only(run_algorithm, province, tmp_path):
    result = run_algorithm("extractimagerychips", IMAGERY=str(NAIP), DATABASE=str(province),
                           RISK_CLASS=2, SHEETS=False, OUTPUT_FOLDER=str(tmp_path))   # medium
    assert (result["CHIPS"], result["NOT_CHIPPED"], result["SHEETS_PDF"]) == (1, 0, None)


def test_any_point_layer_in_any_crs(run_algorithm, tmp_path):
    layer = QgsVectorLayer("Point?crs=EPSG:26914&field=name:string&field=risk_class:string",
                           "survey", "memory")
    for name, column, row in (("in", 467, 361), ("out", 5000, 361)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, "high"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*utm_of(column, row))))
        layer.dataProvider().addFeature(feature)
    result = run_algorithm("extractimagerychips", IMAGERY=str(NAIP), PLACES=layer, RADIUS=100,
                           BANDS="4,1,2", OUTPUT_FOLDER=str(tmp_path))
    assert (result["CHIPS"], result["NOT_CHIPPED"]) == (1, 1)
    assert pdf_pages(result["SHEETS_PDF"]) == 1
    qml = next(tmp_path.glob("place_*.qml")).read_text(encoding="utf-8")
    assert 'redBand="4"' in qml and 'greenBand="1"' in qml and 'blueBand="2"' in qml


def test_database_or_layer_not_both(run_algorithm, province, tmp_path):
    with pytest.raises(QgsProcessingException, match="either a province database or a point layer"):
        run_algorithm("extractimagerychips", IMAGERY=str(NAIP), OUTPUT_FOLDER=str(tmp_path))


def test_bad_band_order_is_a_clear_error(run_algorithm, province, tmp_path):
    with pytest.raises(QgsProcessingException, match="has 4 band"):
        run_algorithm("extractimagerychips", IMAGERY=str(NAIP), DATABASE=str(province),
                      BANDS="1,2,9", OUTPUT_FOLDER=str(tmp_path))
