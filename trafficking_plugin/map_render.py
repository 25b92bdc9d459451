"""A one-page map of a province database, rendered headless through a QGIS print layout.

The province with its districts labelled in Thai, all villages as points, and an inset of the
first district (the provincial seat, Mueang) where villages are labelled too.
"""
import math

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsLayoutExporter, QgsLayoutItemLabel,
    QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemScaleBar, QgsLayoutPoint, QgsPrintLayout,
    QgsProject, QgsRectangle, QgsReferencedRectangle, QgsScaleBarSettings, QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

THAI_FONT = "Loma"   # fonts-thai-tlwg; Qt falls back to any font with Thai glyphs if missing
LAYER_ORDER = ("province", "district", "village", "subdistrict")   # top to bottom
LEGEND_NAMES = {"province": "จังหวัด", "district": "อำเภอ", "village": "หมู่บ้าน", "subdistrict": "ตำบล"}


def render_province_map(database, png_path, attribution="", dpi=150, project_path=None):
    """Write the map as a PNG; with ``project_path``, also a QGIS project holding the layers and
    the layout, for opening the same map in QGIS."""
    project = QgsProject()
    layers = {}
    for table in reversed(LAYER_ORDER):
        layer = QgsVectorLayer(f"{database}|layername={table}", LEGEND_NAMES[table], "ogr")
        if not layer.isValid():
            raise ValueError(f"{database} has no readable layer '{table}'")
        layers[table] = layer   # opened with the default style stored in the GeoPackage
        project.addMapLayer(layer)
    ordered = [layers[t] for t in LAYER_ORDER]
    province = next(layers["province"].getFeatures())
    seat = min(layers["district"].getFeatures(), key=lambda f: f["code"])
    # A metric map (the local UTM zone) so shapes are true and the scale bars read in km.
    centre = province.geometry().centroid().asPoint()
    crs = QgsCoordinateReferenceSystem(f"EPSG:{32600 + int((centre.x() + 180) // 6) + 1}")
    project.setCrs(crs)
    to_map = QgsCoordinateTransform(layers["province"].crs(), crs, project)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()   # one A4 landscape page
    layout.pageCollection().page(0).setPageSize("A4", 1)   # 1 = landscape

    title = _label(layout, f"จังหวัด{province['name_th'] or ''} ({province['code']}): "
                   f"อำเภอ ตำบล และหมู่บ้าน", 16, 8, 6, 280, 12, bold=True)
    title.setFontColor(QColor("#1d1d1d"))

    extent = to_map.transformBoundingBox(province.geometry().boundingBox())
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))  # QGIS opens here
    main = _map(layout, ordered, crs, 8, 20, 185, 182, extent)
    inset = _map(layout, ordered, crs, 198, 20, 92, 92,
                 to_map.transformBoundingBox(seat.geometry().boundingBox()))
    inset.setFrameStrokeColor(QColor("#2b3a67"))
    _label(layout, f"อำเภอ{seat['name_th'] or seat['code']} (หมู่บ้านพร้อมชื่อ)", 10, 198, 113, 92, 8)
    for item, y in ((main, 196), (inset, 122)):
        _scale_bar(layout, item, 10 + (0 if item is main else 190), y)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(main)
    legend.setTitle("คำอธิบายสัญลักษณ์")
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(198, 132, QgsUnitTypes.LayoutMillimeters))
    _label(layout, attribution + " Villages: synthetic sample data.", 7, 198, 190, 92, 14)

    layout.setName("Province map")
    project.layoutManager().addLayout(layout)
    # Rendered to a QImage and saved by Qt: exportToImage would also try to georeference the PNG
    # through GDAL, which cannot update PNGs and says so on stderr.
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    if image.isNull() or not image.save(str(png_path), "PNG"):
        raise RuntimeError(f"could not write {png_path}")
    if project_path and not project.write(str(project_path)):
        raise RuntimeError(f"could not write {project_path}: {project.error()}")
    return png_path


def _map(layout, layers, crs, x, y, width, height, extent):
    item = QgsLayoutItemMap(layout)
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


def _label(layout, text, size, x, y, width, height, bold=False):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(THAI_FONT, size)
    font.setBold(bold)
    label.setFont(font)
    label.setVAlign(Qt.AlignTop)
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(_rect(x, y, width, height))
    return label


def _scale_bar(layout, map_item, x, y):
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


def _rect(x, y, width, height):  # layout units are millimetres
    return QRectF(x, y, width, height)
