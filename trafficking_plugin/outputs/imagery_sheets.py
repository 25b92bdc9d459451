"""Surveillance sheets: one PDF page per imagery chip, from a QGIS print-layout atlas over the
``chip_footprint`` layer written by core.sin_space.imagery_footprints (docs/imagery.md).

Each page: the chip in its own UTM zone (the map's CRS and layers are data-defined from the
footprint's ``chip_epsg`` and ``chip_layer``) with the place ringed, a scale bar and a north arrow,
and the place's attributes in Thai and English. Rendered headless like layout_kit's maps, whose
label, scale-bar and north-arrow helpers it reuses.
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutObject,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor

from ..core.database import PathLike
from ..core.errors import CoreError
from .layout_kit import add_label, add_map, add_north_arrow, add_scale_bar

PLACES_LAYER = "surveyed_place"
MAP = (8, 22, 180, 180)   # x, y, width, height in mm: a square, like the chips
PANEL_X, PANEL_WIDTH = 194, 96

_RISK_TH = ("CASE WHEN \"risk_class\" = 'high' THEN 'สูง (high)' "
            "WHEN \"risk_class\" = 'medium' THEN 'ปานกลาง (medium)' "
            "WHEN \"risk_class\" = 'low' THEN 'ต่ำ (low)' ELSE coalesce(\"risk_class\", '-') END")
_ATTRIBUTES = "\n".join((
    "ชื่อสถานที่ / Name:\n    [% coalesce(\"name\", '-') %]",
    "ประเภท / Type:\n    [% coalesce(\"type_th\" || ' (' || \"type\" || ')', \"type\", '-') %]",
    f"ระดับความเสี่ยง / Risk class:\n    [% {_RISK_TH} %]"
    "[% coalesce(', คะแนน / score ' || format_number(\"risk_score\", 1), '') %]",
    "เหตุผล / Reasons:\n    [% coalesce(\"risk_reasons\", '-') %]",
    "วันที่สำรวจ / Survey date:\n    [% coalesce(\"survey_date\", '-') %]",
    "พิกัด / Coordinates (WGS 84):\n    [% format_number(abs(\"latitude\"), 5) %]° "
    "[% CASE WHEN \"latitude\" >= 0 THEN 'N' ELSE 'S' END %], "
    "[% format_number(abs(\"longitude\"), 5) %]° [% CASE WHEN \"longitude\" >= 0 THEN 'E' ELSE 'W' END %]",
    "ภาพ / Imagery chip:\n    [% \"chip_file\" %], WGS 84 / UTM (EPSG:[% \"chip_epsg\" %]),\n"
    "    [% \"width\" %] x [% \"height\" %] px at [% format_number(\"resolution_m\", 2) %] m, "
    "[% format_number(100 * \"coverage\", 0) %] % covered",
    "แหล่งภาพ / Imagery source:\n    [% base_file_name(\"imagery\") %]",
))


def tr(text: str) -> str:
    """Messages shown by the algorithms that call this module, in their translation context."""
    return QCoreApplication.translate("TraffickingAlgorithm", text)


class SheetError(CoreError):
    """The sheets cannot be made; the message says why."""


def render_surveillance_sheets(footprints: PathLike, pdf_path: PathLike, title: str = "",
                               attribution: str = "", dpi: int = 150,
                               preview_png: PathLike | None = None,
                               feedback: QgsFeedback | None = None) -> int:
    """Write one PDF with a page per chip of the ``footprints`` GeoPackage, in place order; with
    ``preview_png``, also the first page as a PNG. Returns the number of pages."""
    project = QgsProject()
    coverage = _vector(project, footprints, "chip_footprint", "chip_footprint")
    pages = coverage.featureCount()
    if pages == 0:
        raise SheetError(tr("{} holds no chips: no sheet to make.").format(footprints))
    places = _vector(project, footprints, "chip_report", PLACES_LAYER, '"chip_path" IS NOT NULL')
    places.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({
        "name": "circle", "color": "0,0,0,0", "outline_color": "#ff1f1f", "outline_width": "0.8",
        "size": "9"})))
    chips = []
    for feature in coverage.getFeatures():
        # The chip's own .qml (true colour, contrast stretch) is its default style.
        chip = QgsRasterLayer(feature["chip_path"], feature["chip_layer"], "gdal")
        if not chip.isValid():
            raise SheetError(tr("The chip {} cannot be opened.").format(feature["chip_path"]))
        project.addMapLayer(chip)
        chips.append(chip)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", 1)   # 1 = landscape
    layout.setName("Surveillance sheets")
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setHideCoverage(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"place_fid"')
    atlas.setEnabled(True)

    first = next(coverage.getFeatures())
    crs = QgsCoordinateReferenceSystem(f"EPSG:{first['chip_epsg']}")
    x, y, width, height = MAP
    extent = QgsRasterLayer(first["chip_path"], "extent", "gdal").extent()
    item = add_map(layout, [places, chips[0]], crs, x, y, width, height, extent, "chip")
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    item.setAtlasMargin(0.0)
    # Each page shows its own chip in its own UTM zone.
    properties = item.dataDefinedProperties()
    epsg = f"coalesce('EPSG:' || \"chip_epsg\", '{crs.authid()}')"
    properties.setProperty(QgsLayoutObject.MapCrs, QgsProperty.fromExpression(epsg))
    properties.setProperty(QgsLayoutObject.MapLayers,
                           QgsProperty.fromExpression(f"'{PLACES_LAYER}|' || \"chip_layer\""))
    item.setDataDefinedProperties(properties)
    item.zoomToExtent(extent)   # the scale bar sizes its segments from this (all chips alike)
    bar = add_scale_bar(layout, item, x + 3, y + height - 14)
    if extent.width() < 3000:   # a chip is small: metres read better than 0.05 km
        bar.setUnits(QgsUnitTypes.DistanceMeters)
        bar.setUnitLabel("ม.")
        bar.setUnitsPerSegment(bar.unitsPerSegment() * 1000)
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 210))
    add_north_arrow(layout, x + width - 14, y + 3)

    add_label(layout, "แผ่นข้อมูลเฝ้าระวังสถานที่เสี่ยง / Surveillance sheet: [% coalesce(\"name\", "
           "'place ' || \"place_fid\") %]", 14, 8, 5, 250, 9, bold=True)
    add_label(layout, "[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]", 9, 262, 6, 28, 6)
    add_label(layout, title or "ลับ: สำหรับเจ้าหน้าที่ที่ได้รับอนุญาตเท่านั้น / Restricted: authorised "
           "staff only", 8, 8, 14, 250, 6).setFontColor(QColor("#b00020"))
    add_label(layout, _ATTRIBUTES, 9, PANEL_X, 22, PANEL_WIDTH, 160)
    add_label(layout, (attribution + "\n" if attribution else "")
           + "วงกลมแดง: ตำแหน่งที่สำรวจ / Red ring: the surveyed position", 7, PANEL_X, 186, PANEL_WIDTH, 16)

    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.appendGeoreference = False   # one PDF over many UTM zones: no single georeference
    settings.rasterizeWholeImage = False
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(pdf_path), settings, feedback)
    if result == QgsLayoutExporter.Canceled:
        raise SheetError(tr("Canceled: the surveillance sheets are incomplete."))
    if result != QgsLayoutExporter.Success:
        raise SheetError(tr("The surveillance sheets could not be written to {}: {}").format(
            pdf_path, error))
    if preview_png:
        _first_page_png(layout, preview_png, dpi)
    return pages


def _vector(project, gpkg, table, name, subset=None):
    uri = f"{gpkg}|layername={table}" + (f"|subset={subset}" if subset else "")
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        raise SheetError(tr("{} has no readable layer '{}'.").format(gpkg, table))
    project.addMapLayer(layer)
    return layer


def _first_page_png(layout, png_path, dpi):
    atlas = layout.atlas()
    atlas.beginRender()
    try:
        atlas.seekTo(0)
        image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    finally:
        atlas.endRender()
    if image.isNull() or not image.save(str(png_path), "PNG"):
        raise SheetError(tr("could not write {}").format(png_path))
