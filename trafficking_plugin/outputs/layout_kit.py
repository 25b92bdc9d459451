"""One-page maps of a province database, rendered headless through QGIS print layouts.

``render_province_map``: the province with its districts labelled in Thai, all villages as points,
and an inset of the first district (the provincial seat, Mueang) where villages are labelled too.
``render_risk_map``: the sub-districts coloured by risk class for one data year, high-risk villages
marked, and an inset of the district with the most persons at high risk.
"""
from __future__ import annotations

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayer,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.database import PathLike
from ..core.thai_calendar import BE_OFFSET
from .styles import style_path, styled_tables

THAI_FONT = "Loma"   # fonts-thai-tlwg; Qt falls back to any font with Thai glyphs if missing
LAYER_ORDER = ("province", "district", "village", "subdistrict")   # top to bottom
LEGEND_NAMES = {"province": "จังหวัด", "district": "อำเภอ", "village": "หมู่บ้าน", "subdistrict": "ตำบล"}
RISK_CLASSES = ("high", "medium", "low")
MAIN_MAP = (8, 20, 185, 182)   # x, y, width, height in mm on the A4 landscape page


def render_province_map(database: PathLike, png_path: PathLike, attribution: str = "", dpi: int = 150,
                        project_path: PathLike | None = None) -> PathLike:
    """Write the map as a PNG; with ``project_path``, also a QGIS project holding the layers and
    the layout, for opening the same map in QGIS."""
    project = QgsProject()
    layout = province_layout(project, database, attribution)
    return _export(project, layout, png_path, dpi, project_path)


def province_layout(project: QgsProject, database: PathLike, attribution: str = "") -> QgsPrintLayout:
    """The province map's print layout, built into ``project`` (with the layers it draws)."""
    layers = {t: open_layer(project, database, t, LEGEND_NAMES[t]) for t in reversed(LAYER_ORDER)}
    ordered = [layers[t] for t in LAYER_ORDER]
    province = next(layers["province"].getFeatures())
    seat = min(layers["district"].getFeatures(), key=lambda f: f["code"])
    layout, to_map = a4_layout(project, layers["province"], province)

    title = add_label(layout, f"จังหวัด{province['name_th'] or ''} ({province['code']}): "
                   f"อำเภอ ตำบล และหมู่บ้าน", 16, 8, 6, 280, 12, bold=True)
    title.setFontColor(QColor("#1d1d1d"))

    main = _main_map(layout, project, ordered, to_map, province)
    inset = _inset(layout, ordered, to_map, seat, 92)
    add_label(layout, f"อำเภอ{seat['name_th'] or seat['code']} (หมู่บ้านพร้อมชื่อ)", 10, 198, 113, 92, 8)
    add_scale_bar(layout, inset, 200, 122)

    add_legend(layout, main, "คำอธิบายสัญลักษณ์", 132)
    add_label(layout, attribution + " Villages: synthetic sample data.", 7, 198, 190, 92, 14)

    layout.setName("Province map")
    return layout


def render_risk_map(database: PathLike, data_year: int, png_path: PathLike, attribution: str = "",
                    dpi: int = 150, project_path: PathLike | None = None) -> PathLike:
    """Write the risk map of ``data_year`` (C.E. or B.E.) as a PNG; with ``project_path``, also a
    QGIS project holding the layers and the layout.

    Sub-districts take the risk_class of their risk_subdistrict row of that year; one without a
    row of that year shows as not scored."""
    project = QgsProject()
    layout = risk_layout(project, database, data_year, attribution)
    return _export(project, layout, png_path, dpi, project_path)


def risk_layout(project: QgsProject, database: PathLike, data_year: int,
                attribution: str = "") -> QgsPrintLayout:
    """The risk map's print layout for ``data_year``, built into ``project`` (with its layers)."""
    year = int(data_year)
    of_year = f'"data_year" = {year}'
    underlay = open_layer(project, database, "subdistrict", "ตำบล")
    risk = open_layer(project, database, "risk_subdistrict",
                       "ระดับความเสี่ยงของตำบล / Sub-district risk", of_year)
    districts = open_layer(project, database, "district", "อำเภอ / District")
    villages = open_layer(project, database, "risk_village", "หมู่บ้านเสี่ยงสูง / High-risk village",
                           of_year + " AND \"risk_class\" = 'high'")
    province_layer = open_layer(project, database, "province", "จังหวัด / Province")
    # The underlay and the village points borrow the risk styles' own symbols, so the map and a
    # user's restyled layers in the GeoPackage agree.
    restyle_as_category(underlay, risk, None)
    underlay.setLabelsEnabled(False)
    restyle_as_category(villages, villages, "high")
    ordered = [province_layer, villages, districts, risk, underlay]

    counts, focus_code = _risk_summary(risk)
    province = next(province_layer.getFeatures())
    focus = next((d for d in districts.getFeatures() if d["code"] == focus_code),
                 min(districts.getFeatures(), key=lambda f: f["code"]))
    layout, to_map = a4_layout(project, province_layer, province)

    name_th, name_en = province["name_th"] or province["code"], province["name_en"] or province["code"]
    add_label(layout, f"ระดับความเสี่ยงต่อการค้ามนุษย์รายตำบล จังหวัด{name_th} "
           f"ปี พ.ศ. {year + BE_OFFSET} (ค.ศ. {year})", 15, 8, 4, 280, 9, bold=True)
    add_label(layout, f"Human-trafficking risk by sub-district, {name_en} province, {year} "
           f"(B.E. {year + BE_OFFSET})", 11, 8, 12, 280, 7)

    main = _main_map(layout, project, ordered, to_map, province)
    inset = _inset(layout, ordered, to_map, focus, 70)
    caption = ("มีผู้เสี่ยงสูงมากที่สุด\nThe district with the most persons at high risk"
               if focus_code else "ไม่มีผู้เสี่ยงสูงในปีนี้\nNo persons at high risk this year")
    add_label(layout, f"อำเภอ{focus['name_th'] or focus['code']}: {caption}", 8, 198, 91, 92, 9)
    add_scale_bar(layout, inset, 200, 101)

    legend = add_legend(layout, main, "คำอธิบายสัญลักษณ์ / Legend", 112)
    legend.setAutoUpdateModel(False)   # the grey underlay and the province frame stay out of it
    for layer in (underlay, province_layer):
        legend.model().rootGroup().removeLayer(layer)

    scored = sum(counts[c] for c in RISK_CLASSES)
    high_villages = sum(1 for _ in villages.getFeatures())   # featureCount() may ignore the filter
    add_label(layout, f"ตำบลเสี่ยงสูง {counts['high']} จาก {scored} ตำบลที่ประเมิน; "
           f"หมู่บ้านเสี่ยงสูง {high_villages} หมู่บ้าน\n"
           f"High-risk sub-districts: {counts['high']} of {scored} scored; high-risk villages: "
           f"{high_villages}", 8, 198, 170, 92, 12)
    add_label(layout, attribution, 7, 198, 188, 92, 14)

    layout.setName(f"Risk map {year}")
    return layout


def _risk_summary(risk):
    """Sub-districts per class (None: not scored), and the district with most persons at high risk."""
    counts = dict.fromkeys(RISK_CLASSES + (None,), 0)
    high_persons = {}
    for feature in risk.getFeatures():
        counts[feature["risk_class"] if feature["risk_class"] in RISK_CLASSES else None] += 1
        district = str(feature["code"])[:4]
        high_persons[district] = high_persons.get(district, 0) + (feature["persons_high"] or 0)
    focus = max(sorted(high_persons), key=high_persons.get, default=None)
    return counts, focus if high_persons.get(focus) else None


def open_layer(project: QgsProject, database: PathLike, table: str, name: str,
               subset: str | None = None) -> QgsVectorLayer:
    """A layer of the database with its default style stored in the GeoPackage, or the plugin's
    QML when the file has none (a database made before the style existed)."""
    # The filter goes in the URI: set later with setSubsetString, GDAL 3.6 failed to open the
    # file's other layers ("unable to open database file") until the filtered one was read.
    uri = f"{database}|layername={table}" + (f"|subset={subset}" if subset else "")
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        raise ValueError(f"{database} has no readable layer '{table}'")
    if table not in styled_tables(database):
        layer.loadNamedStyle(style_path(table))
    project.addMapLayer(layer)
    return layer


def restyle_as_category(layer: QgsVectorLayer, styled: QgsVectorLayer, value: str | None) -> None:
    """Draw ``layer`` with the symbol of ``styled``'s category for ``value`` (None: not scored);
    a layer the user restyled without that category keeps its own style."""
    categories = styled.renderer().categories() if hasattr(styled.renderer(), "categories") else []
    for category in categories:   # the list owns the symbols: keep it while cloning
        if (category.value() in (None, "")) if value is None else category.value() == value:
            layer.setRenderer(QgsSingleSymbolRenderer(category.symbol().clone()))
            return


def a4_layout(project: QgsProject, province_layer: QgsVectorLayer,
              province: QgsFeature) -> tuple[QgsPrintLayout, QgsCoordinateTransform]:
    """One A4 landscape page in a metric map CRS (the province's UTM zone) so shapes are true and
    the scale bars read in km; returns the layout and the transform from the layers' CRS."""
    centre = province.geometry().centroid().asPoint()
    crs = QgsCoordinateReferenceSystem(f"EPSG:{32600 + int((centre.x() + 180) // 6) + 1}")
    project.setCrs(crs)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", 1)   # 1 = landscape
    return layout, QgsCoordinateTransform(province_layer.crs(), crs, project)


def _main_map(layout, project, layers, to_map, province):
    """The whole province, with its scale bar and north arrow; QGIS opens the project here too."""
    extent = to_map.transformBoundingBox(province.geometry().boundingBox())
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, to_map.destinationCrs()))
    x, y, width, height = MAIN_MAP
    item = add_map(layout, layers, to_map.destinationCrs(), x, y, width, height, extent, "main")
    add_scale_bar(layout, item, x + 2, y + height - 12)
    add_north_arrow(layout, x + width - 12, y + 2)
    return item


def _inset(layout, layers, to_map, district, height):
    item = add_map(layout, layers, to_map.destinationCrs(), 198, 20, 92, height,
                to_map.transformBoundingBox(district.geometry().boundingBox()), "inset")
    item.setFrameStrokeColor(QColor("#2b3a67"))
    return item


def add_map(layout: QgsLayout, layers: list[QgsMapLayer], crs: QgsCoordinateReferenceSystem,
            x: float, y: float, width: float, height: float, extent: QgsRectangle,
            item_id: str) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)   # the name QGIS shows in the layout's items
    item.attemptSetSceneRect(_rect(x, y, width, height))
    item.setCrs(crs)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    buffered = QgsRectangle(extent)
    buffered.scale(1.05)
    item.zoomToExtent(buffered)
    layout.addLayoutItem(item)
    return item


def add_label(layout: QgsLayout, text: str, size: int, x: float, y: float, width: float, height: float,
              bold: bool = False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(THAI_FONT, size)
    font.setBold(bold)
    label.setFont(font)
    label.setVAlign(Qt.AlignTop)
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(_rect(x, y, width, height))
    return label


def add_legend(layout: QgsLayout, map_item: QgsLayoutItemMap, title: str,
               y: float) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setTitle(title)
    for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.Subgroup, 9, True),
                              (QgsLegendStyle.SymbolLabel, 8, False)):
        font = QFont(THAI_FONT, size)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(198, y, QgsUnitTypes.LayoutMillimeters))
    return legend


def add_scale_bar(layout: QgsLayout, map_item: QgsLayoutItemMap, x: float,
                  y: float) -> QgsLayoutItemScaleBar:
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("กม.")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    # Segments of a round length (1, 2 or 5 x 10^n km) near a sixth of the map's width.
    width_km = map_item.extent().width() / 1000
    step = 10 ** math.floor(math.log10(width_km / 6))
    bar.setUnitsPerSegment(next(m * step for m in (5, 2, 1) if m * step <= width_km / 6))
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    return bar


def add_north_arrow(layout: QgsLayout, x: float, y: float) -> None:
    # The map is not rotated and UTM grid north is within 2 degrees of true north here.
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg",
                                                                 QgsPathResolver()))
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    arrow.attemptResize(QgsLayoutSize(10, 14, QgsUnitTypes.LayoutMillimeters))


def _export(project, layout, png_path, dpi, project_path):
    project.layoutManager().addLayout(layout)
    # Rendered to a QImage and saved by Qt: exportToImage would also try to georeference the PNG
    # through GDAL, which cannot update PNGs and says so on stderr.
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    if image.isNull() or not image.save(str(png_path), "PNG"):
        raise RuntimeError(f"could not write {png_path}")
    if project_path and not project.write(str(project_path)):
        raise RuntimeError(f"could not write {project_path}: {project.error()}")
    return png_path


def _rect(x, y, width, height):  # layout units are millimetres
    return QRectF(x, y, width, height)
