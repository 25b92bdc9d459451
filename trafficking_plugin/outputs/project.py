"""The province project: a QGIS project (.qgz) that opens a province GeoPackage ready to work in.

Layers are grouped by theme and drawn with the styles stored in the GeoPackage (the plugin's QML
where the file has none), the risk layers filtered to one scored data year, and the print layouts
of layout_kit (province map, risk map) and risk_report_layout (the report atlas) are ready to
export. Data sources are saved relative to the project file, so the project and the GeoPackage
can move together. Only person-free tables are added: never person, risk_person, the staging
tables, case or the identity file (docs/project.md).
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field

from qgis.core import (
    QgsLayerTreeLayer,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsMapLayerStyle,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
    QgsVirtualLayerDefinition,
    QgsWkbTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.database import PathLike, reading
from ..core.dissemination.report_tables import CLASS_TH
from ..core.errors import CoreError
from ..core.thai_calendar import BE_OFFSET, year_with_be
from .layout_kit import province_layout, risk_layout
from .project_forms import add_relations, configure_layer, database_value_maps
from .risk_report_layout import report_layers, report_layout
from .styles import EXTRA_STYLES, STYLES_DIR, style_path, styled_tables

# Groups top to bottom, each with its tables top to bottom: (table, layer name, visible).
# Boundaries and points draw above the risk polygons; the beige sub-district fill is a base map,
# off (turned on, it covers what lies below it). The risk layers (RISK_BY_YEAR) get the year in
# their name and a filter on it.
GROUPS = (
    ("เขตการปกครอง / Administrative units", (
        ("village", "หมู่บ้าน / Villages", False),
        ("province", "จังหวัด / Province", True),
        ("district", "อำเภอ / Districts", True),
        ("subdistrict", "ตำบล / Sub-districts", False))),
    ("สถานที่เสี่ยง / Sin space", (
        ("establishment", "สถานที่เสี่ยง / Risky workplaces", False),)),
    ("เครือข่าย / Network", (
        ("organization", "หน่วยงานภาคี / Partner organisations", False),
        ("network_member", "สมาชิกเครือข่าย / Network members", False))),
    ("บทเรียนจากคดี / Lessons learned", (
        ("case_event", "จุดในเส้นทางของคดี / Case route places", False),
        ("case", "คดี / Cases", False))),
    ("ดัชนีความเสี่ยง / Risk index", (
        ("risk_village", "หมู่บ้าน: ความเสี่ยง / Village risk", False),
        ("risk_subdistrict", "ตำบล: ความเสี่ยง / Sub-district risk", True),
        ("risk_district", "อำเภอ: ความเสี่ยง / District risk", False),
        ("risk_change_subdistrict", "ตำบล: การเปลี่ยนแปลง / Sub-district change", False),
        ("risk_change_district", "อำเภอ: การเปลี่ยนแปลง / District change", False))),
    ("ติดตามกิจกรรม / Programme monitoring", (
        ("activity", "กิจกรรมป้องกัน / Prevention activities", False),)),
    ("ตาราง / Tables", (
        ("risk_breakdown", "ความเสี่ยงตามอายุ เพศ ภูมิลำเนา / Risk by age, sex, home town", False),
        ("indicator", "ตัวชี้วัด / Indicators", False),
        ("establishment_type", "ประเภทสถานที่ / Establishment types", False),
        ("establishment_rule", "เกณฑ์ให้คะแนนสถานประกอบการ / Establishment rules", False))),
)
RISK_BY_YEAR = ("risk_village", "risk_subdistrict", "risk_district", "risk_change_subdistrict",
                "risk_change_district")
LAYOUT_GROUP = "ชั้นข้อมูลของแผนที่พิมพ์ / Print layout layers"
REPORT_AREAS, REPORT_ROWS = "report_area", "report_row"
# The layouts' own copies of a table, named for what they draw (their builders name them for
# the legend, where the table is obvious).
COPY_NAMES = {"subdistrict": "ตำบล: พื้นสีเทาของแผนที่ความเสี่ยง / Sub-districts: risk map underlay"}
PDF_TEXT_AS_TEXT = 1   # Qgis.TextRenderFormat AlwaysText: a PDF's words can be searched and copied


class ProjectError(CoreError):
    """The project cannot be made; the message says why."""


@dataclass
class ProjectSummary:
    """What ``build_project`` wrote."""
    year: int | None               # the risk year shown; None: no year is scored
    title: str
    groups: dict[str, list[str]]   # group -> tables
    layouts: list[str]
    notes: list[str] = field(default_factory=list)


def default_project_path(database: PathLike) -> str:
    """``<folder>/<database stem>.qgz`` beside the database."""
    return os.path.splitext(str(database))[0] + ".qgz"


def latest_scored_year(conn: sqlite3.Connection) -> int | None:
    """The latest data year (C.E.) with persons scored in risk_subdistrict, or None."""
    try:
        return conn.execute("SELECT max(data_year) FROM risk_subdistrict "
                            "WHERE persons_scored > 0").fetchone()[0]
    except sqlite3.OperationalError:
        return None


def build_project(database: PathLike, project_path: PathLike, data_year: int | None = None,
                  attribution: str = "") -> ProjectSummary:
    """Write the province project for ``database`` to ``project_path`` (.qgz or .qgs).

    ``data_year`` (Common Era) picks the risk year; default the latest scored one."""
    database, project_path = os.path.abspath(str(database)), os.path.abspath(str(project_path))
    with reading(database) as conn:
        present = dict(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
        missing = [t for t in ("province", "district", "subdistrict", "village") if t not in present]
        if missing:
            raise ProjectError("{} lacks the table(s) {}: make it with trafficking:createdatabase",
                               database, ", ".join(missing))
        year = _year(conn, database, data_year)
        title = _title(conn, year)
        has_province = conn.execute("SELECT EXISTS (SELECT 1 FROM province)").fetchone()[0] == 1
    notes = []
    project = QgsProject()
    project.setFileName(project_path)
    project.writeEntry("Paths", "/Absolute", False)   # sources relative to the project file
    project.setTitle(title)
    groups, group_layers = _add_groups(project, database, present, year)

    layouts = []
    if not has_province:
        notes.append(f"{database} has no province boundary: no print layouts added.")
    else:
        layouts.append(province_layout(project, database, attribution))
        if year is None:
            notes.append("No data year is scored yet: the risk map and the report layouts are "
                         "added when the project is made again after trafficking:scoreriskindex.")
        else:
            layouts.append(risk_layout(project, database, year, attribution))
            layouts.append(_report_layout(project, database, year, attribution))
    for layout in layouts:
        _legends_to_map_layers(layout)
        layout.setCustomProperty("pdfTextFormat", PDF_TEXT_AS_TEXT)
        project.layoutManager().addLayout(layout)
    _share_layout_layers(project, layouts, group_layers)
    _gather_layout_layers(project)
    _configure_forms(project, database, group_layers)

    folder = os.path.dirname(project_path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    if not project.write(project_path):
        raise ProjectError("could not write {}: {}", project_path, project.error())
    return ProjectSummary(year, title, groups, [layout.name() for layout in layouts], notes)


def _year(conn, database, data_year):
    latest = latest_scored_year(conn)
    if data_year in (None, 0):
        return latest
    scored = conn.execute("SELECT 1 FROM risk_subdistrict WHERE data_year = ? AND "
                          "persons_scored > 0 LIMIT 1", (data_year,)).fetchone()
    if not scored:
        raise ProjectError("data year {} is not scored in {}; the latest scored year is {}",
                           year_with_be(data_year), database,
                           year_with_be(latest) if latest else "none")
    return data_year


def _title(conn, year):
    row = conn.execute("SELECT code, name_th, name_en FROM province").fetchone()
    code, name_th, name_en = row or ("", "", "")
    title = (f"ฐานข้อมูลป้องกันการค้ามนุษย์ จังหวัด{name_th or code} / "
             f"Trafficking prevention database, {name_en or code} province")
    return title + (f" ({year})" if year else "")


def _add_groups(project, database, present, year):
    """The themed groups with their layers; returns ({group: [table, ...]}, {table: layer})."""
    root = project.layerTreeRoot()
    styled = styled_tables(database)
    groups, layers = {}, {}
    for group_name, tables in GROUPS:
        found = [t for t in tables if t[0] in present]
        if not found:
            continue
        group = root.addGroup(group_name)
        groups[group_name] = []
        for table, name, visible in found:
            subset = None
            if table in RISK_BY_YEAR and year is not None:
                name, subset = f"{name} {year}", f'"data_year" = {year}'
            layer = _open(database, table, name, styled, subset)
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(visible)
            node.setExpanded(visible)   # hidden layers' legends folded: the panel stays short
            groups[group_name].append(table)
            layers[table] = layer
        group.setItemVisibilityChecked(any(t[2] for t in found))
        group.setExpanded(any(t[2] for t in found))
    return groups, layers


def _open(database, table, name, styled, subset=None):
    """The table as a layer with the GeoPackage's default style (QGIS loads it on opening), the
    plugin's QML where the file has none (``styled``: the tables that have one), and its extra
    styles to switch to."""
    uri = f"{database}|layername={table}" + (f"|subset={subset}" if subset else "")
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        raise ProjectError("{}: the table {} cannot be opened as a layer", database, table)
    if table not in styled and os.path.isfile(style_path(table)):
        layer.loadNamedStyle(style_path(table))
    for stem, style_name, _ in EXTRA_STYLES.get(table, ()):
        _add_extra_style(layer, uri, stem, style_name)
    return layer


def _add_extra_style(layer, uri, stem, style_name):
    """Add ``style_name`` to the layer's styles (Layer > Styles), from the GeoPackage when it holds
    it, else from styles/<stem>.qml; the default style stays current."""
    qml = ""
    count, ids, names, _, _ = layer.listStylesInDatabase()
    if style_name in names[:count]:
        qml = layer.getStyleFromDatabase(ids[names.index(style_name)])[0]
    if not qml:
        with open(os.path.join(STYLES_DIR, f"{stem}.qml"), encoding="utf-8") as f:
            qml = f.read()
    document = QDomDocument()
    if not document.setContent(qml):
        return
    scratch = QgsVectorLayer(uri, style_name, "ogr")   # a clean layer, so nothing of the default stays
    if not scratch.importNamedStyle(document)[0]:
        return
    style = QgsMapLayerStyle()
    style.readFromLayer(scratch)
    layer.styleManager().addStyle(style_name, style)


def _report_layout(project, database, year, attribution):
    """riskreport's atlas over virtual layers that read the risk tables live (the riskreport
    algorithm fills its pages from Python; a project needs sources that are saved with it)."""
    layout_layers = report_layers(project, database, year)
    areas = _virtual_layer(project, REPORT_AREAS, _areas_sql(year), database, polygons=True)
    rows = _virtual_layer(project, REPORT_ROWS, _rows_sql(year), database, polygons=False)
    layout, _ = report_layout(project, layout_layers, areas, rows, year, attribution)
    return layout


def _virtual_layer(project, name, sql, database, polygons):
    """A virtual layer over the GeoPackage's tables. They are named by path, not as layer_ref to
    the project's layers: QGIS 3.22 resolves those in the current project only. QGIS saves the
    path relative to the project file as it does a layer's."""
    definition = QgsVirtualLayerDefinition()
    for alias, table in (("prov", "province"), ("dist", "district"), ("rd", "risk_district"),
                         ("rs", "risk_subdistrict"), ("rcd", "risk_change_district")):
        definition.addSource(alias, f"{database}|layername={table}", "ogr")
    definition.setQuery(sql)
    if polygons:
        definition.setGeometryField("geometry")
        definition.setGeometryWkbType(QgsWkbTypes.MultiPolygon)
        definition.setGeometrySrid(4326)
    else:
        definition.setGeometryWkbType(QgsWkbTypes.NoGeometry)
    layer = QgsVectorLayer(definition.toString(), name, "virtual")
    if not layer.isValid():
        raise ProjectError("the report layer {} is not valid: {}", name,
                           layer.dataProvider().error().summary() if layer.dataProvider() else "")
    project.addMapLayer(layer, False)
    return layer


# SQL pieces for the report's texts, worded as risk_report_layout writes them.
def _pct(x):
    return f"CASE WHEN {x} IS NULL THEN '-' ELSE printf('%.1f %%', 100.0 * {x}) END"


def _num(x):
    return f"CASE WHEN {x} IS NULL THEN '-' ELSE printf('%.2f', {x}) END"


def _int(x):
    return f"printf('%,d', coalesce({x}, 0))"


def _class_th(x):
    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in CLASS_TH.items() if k)
    return f"CASE {x} {cases} ELSE '{CLASS_TH[None]}' END"


def _summary(a, with_class):
    cls = f"', ระดับ' || {_class_th(a + '.risk_class')}" if with_class else "''"
    return (f"'ประเมิน ' || {_int(a + '.persons_scored')} || ' จาก ' || {_int(a + '.persons')} || "
            f"' คน; เสี่ยงสูง ' || {_int(a + '.persons_high')} || ' คน (' || "
            f"{_pct(a + '.share_high')} || '); ดัชนีเฉลี่ย ' || {_num(a + '.mean_index')} || {cls} || "
            f"char(10) || 'Scored ' || {_int(a + '.persons_scored')} || ' of ' || "
            f"{_int(a + '.persons')} || '; at high risk ' || {_int(a + '.persons_high')} || ' (' || "
            f"{_pct(a + '.share_high')} || '); mean index ' || {_num(a + '.mean_index')}")


FULL_REPORT = ("ตัวชี้วัด แนวโน้ม และแผนภูมิอายุ x เพศ ฉบับเต็ม: เรียกใช้ trafficking:riskreport / "
               "Indicators in full, trend and the age x sex chart: run trafficking:riskreport.")


def _areas_sql(year):
    """One row per page: the province (districts summed), then each scored district."""
    be = year + BE_OFFSET
    trend = (f"CASE WHEN c.previous_year IS NULL THEN 'แนวโน้ม / Trend: ไม่มีปีก่อนหน้าที่ประเมินแล้ว / "
             f"No earlier year scored' ELSE 'แนวโน้ม / Trend: เทียบกับปี พ.ศ. ' || "
             f"(c.previous_year + {BE_OFFSET}) || ' / against ' || c.previous_year || "
             f"': ผู้เสี่ยงสูง ' || {_pct('c.previous_share_high')} || ' -> ' || "
             f"{_pct('c.share_high')} || ', ระดับ ' || {_class_th('c.previous_class')} || ' -> ' || "
             f"{_class_th('c.risk_class')} || ' (' || c.class_change || ')' END")
    return f"""
SELECT 1 AS page, 'province' AS level, p.code AS code,
  'รายงานความเสี่ยงต่อการค้ามนุษย์ จังหวัด' || p.name_th || ' ปี พ.ศ. {be}' AS title_th,
  'Human-trafficking risk report, ' || coalesce(p.name_en, p.code) || ' province, {year} (B.E. {be})'
    AS title_en,
  {_summary('t', False)} AS summary,
  '{FULL_REPORT}' AS indicators, '' AS trend, '' AS chart, p.geometry AS geometry
FROM prov AS p, (SELECT sum(persons) AS persons,
  sum(persons_scored) AS persons_scored, sum(persons_high) AS persons_high,
  CASE WHEN sum(persons_scored) > 0 THEN 1.0 * sum(persons_high) / sum(persons_scored) END
    AS share_high,
  sum(mean_index * persons_scored) / nullif(sum(CASE WHEN mean_index IS NOT NULL
    THEN persons_scored END), 0) AS mean_index
  FROM rd WHERE data_year = {year}) AS t
UNION ALL
SELECT 1 + (SELECT count(*) FROM rd AS r2 WHERE r2.data_year = {year} AND r2.code <= r.code),
  'district', r.code,
  'รายงานความเสี่ยงต่อการค้ามนุษย์ อำเภอ' || r.name_th || ' ปี พ.ศ. {be}',
  'Human-trafficking risk report, ' || coalesce(d.name_en, r.code) || ' district, {year} (B.E. {be})',
  {_summary('r', True)},
  'ตัวชี้วัดหลักของอำเภอ / The district''s drivers: ' || coalesce(r.drivers, '-') || char(10)
    || '{FULL_REPORT}',
  {trend}, '', r.geometry
FROM rd AS r LEFT JOIN dist AS d ON d.code = r.code
  LEFT JOIN rcd AS c ON c.code = r.code AND c.data_year = {year}
WHERE r.data_year = {year}"""


def _rows_sql(year):
    """The pages' tables: districts on the province page, sub-districts on their district's."""
    def columns(a):
        return (f"{a}.code AS code, {a}.name_th AS name, {_int(a + '.persons_scored')} AS scored, "
                f"{_int(a + '.persons_high')} AS high, {_pct(a + '.share_high')} AS share, "
                f"{_num(a + '.mean_index')} AS mean, {_class_th(a + '.risk_class')} AS class, "
                f"coalesce({a}.drivers, '-') AS drivers")
    return f"""
SELECT p.code AS area, {columns('r')} FROM rd AS r, prov AS p WHERE r.data_year = {year}
UNION ALL
SELECT substr(s.code, 1, 4), {columns('s')} FROM rs AS s WHERE s.data_year = {year}
ORDER BY 1, 2"""


def _legends_to_map_layers(layout):
    """Keep in each legend only its map's layers. Built alone (layout_kit, riskreport) a layout's
    project holds nothing else; here the legend would list every group of the project."""
    for item in layout.items():
        if not isinstance(item, QgsLayoutItemLegend) or item.linkedMap() is None:
            continue
        item.setAutoUpdateModel(False)   # a fixed list, saved with the layout
        keep = {layer.id() for layer in item.linkedMap().layers()}
        root = item.model().rootGroup()
        for node in list(root.children()):
            if not isinstance(node, QgsLayerTreeLayer) or node.layerId() not in keep:
                root.removeChildNode(node)
        item.updateLegend()


def _gather_layout_layers(project):
    """The layouts open their own (filtered, restyled) layers at the root: keep them in one group
    at the bottom, off and collapsed, with the report's virtual layers."""
    root = project.layerTreeRoot()
    loose = [node for node in root.children() if isinstance(node, QgsLayerTreeLayer)]
    extra = [project.mapLayersByName(n) for n in (REPORT_AREAS, REPORT_ROWS)]
    extra = [found[0] for found in extra if found]
    if not loose and not extra:
        return
    group = root.addGroup(LAYOUT_GROUP)
    for node in loose:
        group.addChildNode(node.clone())
        root.removeChildNode(node)
    for layer in extra:
        group.addLayer(layer)
    group.setItemVisibilityCheckedRecursive(False)
    group.setExpanded(False)


def _share_layout_layers(project, layouts, group_layers):
    """The layouts draw the project's own layer wherever their copy is the same table, filter and
    style (the province, the districts, the year's sub-district risk), and copies the same as
    one another become one; what is left are the copies restyled for print. A legend keeps the
    name it showed."""
    by_look = {_look(layer): layer for layer in group_layers.values()}
    loose = [node.layer() for node in project.layerTreeRoot().children()
             if isinstance(node, QgsLayerTreeLayer)]
    for copy in loose:
        key = _look(copy)
        kept = by_look.setdefault(key, copy)
        if kept is copy:
            table = _table_of(copy)
            if table in COPY_NAMES:
                _freeze_legend_names(layouts, copy)
                copy.setName(COPY_NAMES[table])
            continue
        _swap_in_layouts(layouts, copy, kept)
        project.removeMapLayer(copy.id())


def _look(layer):
    """What a layer draws: its source (table and filter) and its symbols and labels."""
    document = QDomDocument()
    categories = (QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering
                  | QgsMapLayer.Diagrams)
    layer.exportNamedStyle(document, QgsReadWriteContext(), categories)
    return layer.source(), document.toString()


def _table_of(layer):
    source = layer.source()
    return source.split("layername=")[1].split("|")[0] if "layername=" in source else None


def _legend_nodes(layouts, layer):
    for layout in layouts:
        for item in layout.items():
            if isinstance(item, QgsLayoutItemLegend):
                root = item.model().rootGroup()
                for node in root.findLayers():
                    if node.layerId() == layer.id():
                        yield item, node


def _freeze_legend_names(layouts, layer):
    for _, node in _legend_nodes(layouts, layer):
        if not node.customProperty("legend/title-label"):
            node.setCustomProperty("legend/title-label", layer.name())


def _swap_in_layouts(layouts, old, new):
    """Maps and legends of ``layouts`` draw ``new`` where they drew ``old``."""
    for layout in layouts:
        for item in layout.items():
            if isinstance(item, QgsLayoutItemMap) and old in item.layers():
                item.setLayers([new if layer is old else layer for layer in item.layers()])
    for legend, node in list(_legend_nodes(layouts, old)):
        parent = node.parent()
        twin = QgsLayerTreeLayer(new)
        for key in node.customProperties():
            twin.setCustomProperty(key, node.customProperty(key))
        if not twin.customProperty("legend/title-label"):
            twin.setCustomProperty("legend/title-label", old.name())
        parent.insertChildNode(parent.children().index(node), twin)
        parent.removeChildNode(node)
        legend.updateLegend()


def _configure_forms(project, database, group_layers):
    """Aliases, value maps, % fields and date pickers on every table's layer; the relations."""
    maps = database_value_maps(database)
    for layer in project.mapLayers().values():
        table = _table_of(layer)
        if isinstance(layer, QgsVectorLayer) and table:
            configure_layer(layer, table, maps)
    add_relations(project, group_layers)
