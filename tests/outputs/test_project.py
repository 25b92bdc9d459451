"""The province project (.qgz): written for a scored sample province and for a database fresh
from trafficking:createdatabase, then read back by a fresh QgsProject as QGIS would open it."""
import json
import re
import shutil
import zipfile

import pytest
from conftest import copy_database
from qgis.core import (
    QgsLayoutExporter, QgsLayoutItemLegend, QgsProcessingException, QgsProject, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from trafficking_db.trafficking_plugin.outputs.styles import (NOT_ROBUST_LABEL, RISK_LAYERS,
                                                              save_default_styles)
from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.outputs.project import LAYOUT_GROUP, build_project
from trafficking_db.trafficking_plugin.outputs.risk_report_layout import MAP

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

YEAR = 2024
HIGH_RED = (204, 51, 17)   # styles/risk_subdistrict.qml, class high
# Groups and their tables, top to bottom (what a GIS specialist sees in the Layers panel).
GROUPS = {
    "เขตการปกครอง / Administrative units": ["village", "province", "district", "subdistrict"],
    "สถานที่เสี่ยง / Sin space": ["establishment"],
    "เครือข่าย / Network": ["organization", "network_member"],
    "บทเรียนจากคดี / Lessons learned": ["case_event"],
    "ดัชนีความเสี่ยง / Risk index": ["risk_village", "risk_subdistrict", "risk_district",
                                     "risk_change_subdistrict", "risk_change_district"],
    "ติดตามกิจกรรม / Programme monitoring": ["activity"],
    "ตาราง / Tables": ["risk_breakdown", "indicator", "establishment_type", "establishment_rule"],
}
VISIBLE = {"risk_subdistrict", "district", "province"}
# Tables with persons, raw rows or victims' details: never in the project.
NEVER = {"person", "risk_person", "household", "household_member", "health_condition",
         "school_enrolment", "welfare_case", "rejected_row", "case", "case_perpetrator",
         "case_support", "audit_log"}


@pytest.fixture(scope="module")
def scored_project(imported_sample, tmp_path_factory):
    """The sample province scored for 2024 and its project beside it; returns (db, .qgz, summary)."""
    db = copy_database(imported_sample[2], tmp_path_factory.mktemp("project"))
    crosswalk.run_crosswalk(db, YEAR)
    risk_index.score_risk_index(db, YEAR, risk_index.Options())
    save_default_styles(str(db), RISK_LAYERS, None)
    path = db.with_suffix(".qgz")
    return db, path, build_project(db, path)


def read(path):
    project = QgsProject()
    assert project.read(str(path)), project.error()
    return project


def table_of(layer):
    return layer.source().split("layername=")[1].split("|")[0] if "layername=" in layer.source() else None


def groups_of(project):
    return {g.name(): [table_of(node.layer()) for node in g.findLayers()]
            for g in project.layerTreeRoot().children() if g.name() != LAYOUT_GROUP}


def test_groups_layers_styles_and_privacy(scored_project):
    db, path, summary = scored_project
    assert summary.year == YEAR
    project = read(path)
    assert groups_of(project) == GROUPS
    assert project.title().startswith("ฐานข้อมูลป้องกันการค้ามนุษย์ จังหวัด")
    assert project.crs().authid() == "EPSG:32647"   # the sample province lies in UTM zone 47N
    for layer in project.mapLayers().values():
        assert layer.isValid(), layer.name()
        assert table_of(layer) not in NEVER, layer.source()
    visible = {table_of(n.layer()) for n in project.layerTreeRoot().findLayers()
               if n.isVisible()}
    assert visible == VISIBLE

    risk = next(n.layer() for n in project.layerTreeRoot().findLayers()
                if table_of(n.layer()) == "risk_subdistrict" and not n.parent().name() == LAYOUT_GROUP)
    assert risk.subsetString() == f'"data_year" = {YEAR}' and str(YEAR) in risk.name()
    assert risk.featureCount() > 0
    renderer = risk.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "risk_class"
    categories = renderer.categories()   # the list owns the symbols: keep it while reading them
    assert [c.label() for c in categories] == [
        "สูง / High", "ปานกลาง / Medium", "ต่ำ / Low", "ไม่ได้ประเมิน / Not scored",
        NOT_ROBUST_LABEL]
    assert categories[0].symbol().color().getRgb()[:3] == HIGH_RED

    establishment = project.mapLayersByName("สถานที่เสี่ยง / Risky workplaces")[0]
    styles = establishment.styleManager()
    assert "Density of risky places" in styles.styles()
    assert establishment.renderer().type() == "categorizedSymbol"   # the default stays current
    assert styles.setCurrentStyle("Density of risky places")
    assert establishment.renderer().type() == "heatmapRenderer"


def test_sources_are_relative_and_move_with_the_database(scored_project, tmp_path):
    db, path, _ = scored_project
    with zipfile.ZipFile(path) as archive:
        qgs = next(n for n in archive.namelist() if n.endswith(".qgs"))
        xml = archive.read(qgs).decode("utf-8")
    # Every layer's source, the report's virtual layers' too, is relative. (Layout maps also
    # keep each layer's absolute source as a fallback; QGIS finds their layers by id first.)
    sources = re.findall(r"<datasource>([^<]+)</datasource>", xml)
    assert len(sources) > 20
    assert all(str(db.parent) not in s and ("./" in s or "%2F" in s) for s in sources), sources
    assert f"./{db.name}|layername=risk_subdistrict|subset=" in xml
    assert "layer=ogr:.%2Fprovince.gpkg%7Clayername%3Drisk_district" in xml
    # The project and the database moved together to another folder still open.
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(db, moved / db.name)
    shutil.copy(path, moved / path.name)
    project = read(moved / path.name)
    layers = list(project.mapLayers().values())
    assert layers and all(layer.isValid() for layer in layers)
    assert all(str(moved) in layer.source() for layer in layers if layer.providerType() == "ogr")
    risk_map = project.layoutManager().layoutByName(f"Risk map {YEAR}").itemById("main")
    assert len(risk_map.layers()) == 5
    assert all(str(moved) in layer.source() for layer in risk_map.layers())


def test_layouts_ready_and_report_atlas_renders(scored_project):
    db, path, summary = scored_project
    project = read(path)
    names = [layout.name() for layout in project.layoutManager().layouts()]
    assert names == summary.layouts == ["Province map", f"Risk map {YEAR}", f"Risk reports {YEAR}"]
    for each in project.layoutManager().layouts():   # legends list their own map's layers only
        legend = next(item for item in each.items() if isinstance(item, QgsLayoutItemLegend))
        root = legend.model().rootGroup()
        assert not root.findGroups() and root.findLayers()
        assert {n.layerId() for n in root.findLayers()} <= {x.id() for x in legend.linkedMap().layers()}
    layout = project.layoutManager().layoutByName(f"Risk reports {YEAR}")
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer().name() == "report_area"
    with database.connect(db) as conn:
        districts = conn.execute("SELECT code, name_th FROM risk_district WHERE data_year = ? "
                                 "ORDER BY code", (YEAR,)).fetchall()
        # The page of a district with a high-risk sub-district: its map must show red.
        code = conn.execute("SELECT min(substr(code, 1, 4)) FROM risk_subdistrict WHERE "
                            "data_year = ? AND risk_class = 'high'", (YEAR,)).fetchone()[0]
        subdistricts = [r[0] for r in conn.execute(
            "SELECT code FROM risk_subdistrict WHERE data_year = ? AND code LIKE ? ORDER BY code",
            (YEAR, code + "%"))]
    assert atlas.coverageLayer().featureCount() == 1 + len(districts)
    page = [d[0] for d in districts].index(code) + 1   # after the province's page
    name = districts[page - 1][1]

    # The district's page: its title, its sub-districts in the table, its map drawn.
    assert atlas.beginRender()
    assert atlas.seekTo(page)
    labels = [item.currentText() for item in layout.items() if hasattr(item, "currentText")]
    assert any(f"อำเภอ{name}" in text for text in labels), labels
    table = next(m for m in layout.multiFrames() if hasattr(m, "contents"))
    table.refreshAttributes()
    assert [row[0] for row in table.contents()] == subdistricts
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 40)
    atlas.endRender()
    assert not image.isNull()
    assert len(colours_in(image, 0, 0, image.width(), image.height())) > 20   # not a blank page
    # Red inside the map frame (the legend below it always has a red swatch).
    x, y, width, height = (round(v * 40 / 25.4) for v in MAP)
    assert any(max(abs(a - b) for a, b in zip(c, HIGH_RED)) < 8
               for c in colours_in(image, x, y, width, height))


def colours_in(image, left, top, width, height):
    return {QColor(image.pixel(x, y)).getRgb()[:3]
            for x in range(left, left + width, 2) for y in range(top, top + height, 2)}


@pytest.fixture()
def created(run_algorithm, tmp_path):
    """A database fresh from trafficking:createdatabase: tables, styles, boundaries, no scores."""
    boundaries = tmp_path / "boundaries.geojson"
    boundaries.write_text(json.dumps(synthetic_province.to_geojson(synthetic_province.synthetic_province())),
                          encoding="utf-8")
    path = tmp_path / "province_50.gpkg"
    run_algorithm("createdatabase", OUTPUT=str(path), PROVINCE="50", BOUNDARIES=str(boundaries))
    return path


def test_fresh_database_opens_with_empty_layers(run_algorithm, created):
    result = run_algorithm("createproject", DATABASE=str(created))
    path = created.with_suffix(".qgz")
    assert result["OUTPUT"] == str(path) and path.exists()
    assert result["LAYOUTS"] == "Province map"
    project = read(path)
    assert groups_of(project) == GROUPS
    risk = [layer for layer in project.mapLayers().values() if table_of(layer) in RISK_LAYERS]
    assert len(risk) == len(RISK_LAYERS)
    assert all(layer.isValid() and layer.featureCount() == 0 for layer in risk)
    district = next(layer for layer in project.mapLayers().values() if table_of(layer) == "district")
    assert district.featureCount() > 0 and district.renderer().type() == "singleSymbol"
    image = QgsLayoutExporter(project.layoutManager().layouts()[0]).renderPageToImage(0, QSize(), 30)
    assert not image.isNull()


def test_clear_errors(run_algorithm, created, tmp_path):
    not_gpkg = tmp_path / "notes.gpkg"
    not_gpkg.write_text("not a database", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="notes.gpkg is not a province database"):
        run_algorithm("createproject", DATABASE=str(not_gpkg), OUTPUT=str(tmp_path / "x.qgz"))
    with pytest.raises(QgsProcessingException, match="data year 2024 is not scored"):
        run_algorithm("createproject", DATABASE=str(created), DATA_YEAR=2567)
    with pytest.raises(QgsProcessingException, match="end it with .qgz"):
        run_algorithm("createproject", DATABASE=str(created), OUTPUT=str(tmp_path / "x.txt"))
    assert QgsVectorLayer(f"{created}|layername=district", "d", "ogr").isValid()   # untouched
