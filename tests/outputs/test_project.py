"""The province project (.qgz): written for a scored sample province and for a database fresh
from trafficking:createdatabase, then read back by a fresh QgsProject as QGIS would open it."""
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import copy_database
from qgis.core import (
    QgsApplication, QgsLayoutExporter, QgsLayoutItemAttributeTable, QgsLayoutItemLegend,
    QgsLayoutItemMap, QgsProcessingException, QgsProject, QgsRenderContext, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from trafficking_db.trafficking_plugin.outputs.styles import (NOT_ROBUST_LABEL, RISK_LAYERS,
                                                              save_default_styles)
from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.outputs.project import COPY_NAMES, LAYOUT_GROUP, build_project
from trafficking_db.trafficking_plugin.sample import cases
from trafficking_db.trafficking_plugin.outputs.risk_report_layout import MAP

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

YEAR = 2024
HIGH_RED = (204, 51, 17)   # styles/risk_subdistrict.qml, class high
# Groups and their tables, top to bottom (what a GIS specialist sees in the Layers panel).
GROUPS = {
    "เขตการปกครอง / Administrative units": ["village", "province", "district", "subdistrict"],
    "สถานที่เสี่ยง / Sin space": ["establishment"],
    "เครือข่าย / Network": ["organization", "network_member"],
    "บทเรียนจากคดี / Lessons learned": ["case_event", "case"],
    "ดัชนีความเสี่ยง / Risk index": ["risk_village", "risk_subdistrict", "risk_district",
                                     "risk_change_subdistrict", "risk_change_district"],
    "ติดตามกิจกรรม / Programme monitoring": ["activity"],
    "ตาราง / Tables": ["risk_breakdown", "indicator", "establishment_type", "establishment_rule"],
}
VISIBLE = {"risk_subdistrict", "district", "province"}
# Tables with persons, raw rows or perpetrators and support plans: never in the project. (The
# case table, pseudonymised and without names, is there for its route, as in the case dock.)
NEVER = {"person", "risk_person", "household", "household_member", "health_condition",
         "school_enrolment", "welfare_case", "rejected_row", "case_perpetrator",
         "case_support", "audit_log"}


@pytest.fixture(scope="module")
def scored_project(imported_sample, tmp_path_factory):
    """The sample province scored for 2024 and its project beside it; returns (db, .qgz, summary)."""
    db = copy_database(imported_sample[2], tmp_path_factory.mktemp("project"))
    cases.load_sample(db, imported_sample[0])   # the sample network and cases, for the relations
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


def layer_of(project, table):
    """The project's layer of ``table`` in the themed groups (not a print layout's copy)."""
    return next(n.layer() for n in project.layerTreeRoot().findLayers()
                if table_of(n.layer()) == table and n.parent().name() != LAYOUT_GROUP)


def shown(layer, field, value):
    """What the attribute table and Identify show for ``value`` in ``field``."""
    index = layer.fields().indexOf(field)
    setup = layer.editorWidgetSetup(index)
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    return formatter.representValue(layer, index, setup.config(), None, value)


def widget(layer, field):
    return layer.editorWidgetSetup(layer.fields().indexOf(field))


def test_layers_read_like_the_docks(scored_project):
    db, path, _ = scored_project
    # A project of its own (reading into QgsProject.instance() crashed QGIS now and then in the
    # whole suite); a relation widget's name is checked through the relation it names.
    project = read(path)
    try:
        risk = layer_of(project, "risk_subdistrict")
        assert risk.attributeDisplayName(risk.fields().indexOf("risk_class")) == \
            "ระดับความเสี่ยง / Risk class"
        assert widget(risk, "risk_class").type() == "ValueMap"
        assert [shown(risk, "risk_class", v) for v in ("high", "medium", "low", "not_enough_data",
                                                       None)] == [
            "สูง / High", "ปานกลาง / Medium", "ต่ำ / Low", "ข้อมูลไม่พอ / Not enough data",
            "ไม่ได้ประเมิน / Not scored"]
        # Shares as percentages beside their 0-1 columns, which leave the table and Identify.
        percent = widget(risk, "share_high_pct")
        assert percent.type() == "Range" and percent.config()["Suffix"] == " %"
        assert risk.attributeDisplayName(risk.fields().indexOf("share_high_pct")) == \
            "เสี่ยงสูง (%) / High risk (%)"
        feature = next(f for f in risk.getFeatures() if f["share_high"])
        assert feature["share_high_pct"] == round(100 * feature["share_high"], 1) > 0
        assert widget(risk, "share_high").type() == "Hidden"
        hidden = {c.name: c.hidden for c in risk.attributeTableConfig().columns()}
        assert hidden["share_high"] and not hidden["share_high_pct"]
        change = layer_of(project, "risk_change_district")
        assert shown(change, "class_change", "worse") == "แย่ลง / Worse"

        # Dates as calendars; codes as their names.
        events, case = layer_of(project, "case_event"), layer_of(project, "case")
        for layer, field in ((events, "event_date"), (case, "incoming_referral_date"),
                             (case, "recorded_at"), (layer_of(project, "activity"), "activity_date"),
                             (layer_of(project, "establishment"), "survey_date")):
            setup = widget(layer, field)
            assert setup.type() == "DateTime" and setup.config()["calendar_popup"], field
        step = next(f for f in events.getFeatures() if f["event_date"])
        assert shown(events, "event_date", step["event_date"]) == \
            step["event_date"].toString("yyyy-MM-dd")
        assert shown(case, "status", "Active") == "ดำเนินการอยู่ / Active"
        organisations = layer_of(project, "organization")
        assert shown(organisations, "type", "police") == "สถานีตำรวจ / Police"
        assert shown(layer_of(project, "risk_breakdown"), "sex", "female") == "หญิง / Female"

        # Relations: an organisation's members and activities, a case's route.
        relations = project.relationManager().relations()
        assert set(relations) == {"case_events", "organization_members",
                                  "organization_programme_activities"}
        assert all(relation.isValid() for relation in relations.values())
        with database.connect(db) as conn:
            members = dict(conn.execute("SELECT organization_id, count(*) FROM network_member "
                                        "WHERE organization_id IS NOT NULL GROUP BY 1"))
            steps = dict(conn.execute("SELECT case_id, count(*) FROM case_event GROUP BY 1"))
        assert members and steps
        for relation_id, counts in (("organization_members", members), ("case_events", steps)):
            relation = relations[relation_id]
            found = {f["fid"]: len(list(relation.getRelatedFeatures(f)))
                     for f in relation.referencedLayer().getFeatures()}
            assert {k: v for k, v in found.items() if v} == counts
        member_layer = layer_of(project, "network_member")
        member = next(f for f in member_layer.getFeatures() if f["organization_id"])
        organisation = organisations.getFeature(member["organization_id"])
        assert widget(member_layer, "organization_id").type() == "RelationReference"
        assert widget(case, "referring_organization_id").type() in ("RelationReference", "ValueRelation")
        assert relations["organization_members"].getReferencedFeature(member)["name"] == \
            organisation["name"]
    finally:
        project.clear()


def test_print_layout_layers_are_not_duplicated(scored_project):
    _, path, _ = scored_project
    project = read(path)
    root = project.layerTreeRoot()
    group = root.findGroup(LAYOUT_GROUP)
    # Only the copies restyled for print, each once, and the report's virtual layers.
    assert [n.layer().name() for n in group.findLayers()] == [
        "หมู่บ้านเสี่ยงสูง / High-risk village", COPY_NAMES["subdistrict"], "report_area",
        "report_row"]
    themed = {n.layerId() for n in root.findLayers() if n.parent() is not group}
    assert len(project.mapLayers()) == len(themed) + 4
    layouts = project.layoutManager()
    # The maps draw the project's own province, districts, villages and risk layers.
    province_map = layouts.layoutByName("Province map").itemById("main")
    assert {layer.id() for layer in province_map.layers()} <= themed
    risk_map = layouts.layoutByName(f"Risk map {YEAR}").itemById("main")
    assert layer_of(project, "risk_subdistrict") in risk_map.layers()
    # Legends keep the names they printed before.
    legend = next(i for i in layouts.layoutByName("Province map").items()
                  if isinstance(i, QgsLayoutItemLegend))
    assert [n.customProperty("legend/title-label") or n.name()
            for n in legend.model().rootGroup().findLayers()] == ["จังหวัด", "อำเภอ", "หมู่บ้าน", "ตำบล"]
    for layout in layouts.layouts():
        for item in layout.items():
            if isinstance(item, QgsLayoutItemMap):
                assert all(layer.isValid() for layer in item.layers())


@pytest.fixture(scope="module")
def crowded_project(scored_project, tmp_path_factory):
    """The scored sample with 22 more districts of 2024 (25 in all, as Chiang Mai has):
    more than one page's table holds. Returns (db, .qgz, the district codes)."""
    db = copy_database(scored_project[0], tmp_path_factory.mktemp("crowded"))
    database.run_in_transaction(db, None, lambda conn: conn.execute(
        "INSERT INTO risk_district (geom, code, name_th, data_year, persons, persons_scored, "
        "persons_high, share_high, mean_index, risk_class, drivers) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 22) "
        "SELECT d.geom, printf('59%02d', n.i), 'อำเภอทดสอบ ' || n.i, d.data_year, d.persons, "
        "d.persons_scored, d.persons_high, d.share_high, d.mean_index, d.risk_class, d.drivers "
        "FROM n, (SELECT * FROM risk_district WHERE data_year = ? ORDER BY code LIMIT 1) AS d",
        (YEAR,)))
    with database.connect(db) as conn:
        codes = [c for (c,) in conn.execute("SELECT code FROM risk_district WHERE data_year = ? "
                                            "ORDER BY code", (YEAR,))]
    path = db.with_suffix(".qgz")
    build_project(db, path)
    return db, path, codes


def exported_pages(layout):
    pages = layout.pageCollection()
    return sum(pages.shouldExportPage(i) for i in range(pages.pageCount()))


def test_atlas_table_shows_every_district(crowded_project, tmp_path):
    _, path, codes = crowded_project
    assert len(codes) == 25
    project = read(path)
    layout = project.layoutManager().layoutByName(f"Risk reports {YEAR}")
    assert layout.customProperty("pdfTextFormat") == 1   # QGIS's PDF export writes text as text
    table = next(m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable))
    atlas = layout.atlas()
    pdf = tmp_path / "province_page.pdf"
    assert atlas.beginRender()
    try:
        assert atlas.seekTo(0)   # the province's page: a row per district
        assert [row[0] for row in table.contents()] == codes
        assert exported_pages(layout) == 2   # the table goes on on a second page
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
        assert QgsLayoutExporter(layout).exportToPdf(str(pdf), settings) == QgsLayoutExporter.Success
        assert atlas.seekTo(1)   # a district's page: its few sub-districts fit on one
        assert exported_pages(layout) == 1
    finally:
        atlas.endRender()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert [code for code in codes if code not in text] == []
