"""The risk reports' PDF: a QGIS print-layout atlas, an A4 landscape page per report (the
province first, then each district) and the pages that continue a long table, over a memory
layer holding each report's area and texts.

Each page: the risk map (sub-districts red/yellow/green and high-risk villages, drawn with the
styles stored in the GeoPackage, through layout_kit's helpers), the table of sub-districts (of
districts on the province page), the age x sex chart, the indicators that drive risk and the
trend. The same atlas also gives each report's map as a PNG for the HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeedback,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutMultiFrame,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMemoryProviderUtils,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QRectF, QSize, QTextBoundaryFinder, QVariant
from qgis.PyQt.QtGui import QColor, QFont

from ..core.database import PathLike
from ..core.errors import CoreError
from ..core.feedback import Feedback
from ..core.dissemination.report_tables import (
    CLASS_TH,
    Report,
    drivers_text,
    indicator_lines,
    number,
    percent,
    trend_lines,
)
from .layout_kit import (
    THAI_FONT,
    a4_layout,
    add_label,
    add_legend,
    add_map,
    add_north_arrow,
    open_layer,
    restyle_as_category,
    add_scale_bar,
)

MAP = (8, 20, 125, 108)        # x, y, width, height in mm
LEGEND_Y = 130                 # a strip under the map, above the chart
CHART = (8, 151, 125, 55)
RIGHT_X, RIGHT_WIDTH = 138, 151
TABLE = (RIGHT_X, 34, RIGHT_WIDTH, 70)   # a longer table goes on in frames on added pages
TABLE_MORE = (8, 12, RIGHT_WIDTH, 190)    # those frames, on their page
TEXT_TOP, TEXT_BOTTOM = 106, 196   # the indicators, then the trend, under the table
TEXT_SIZE = 7                  # points
LABEL_WIDTH = RIGHT_WIDTH - 2  # a label has a margin of 1 mm each side
TREND_LINES = 7
SCALE_BAR_INSET = 1.5          # mm between the scale bar and the map frame

# Columns of the page's table: (heading, field, width in mm).
# The widths and each column's two cell margins fill RIGHT_WIDTH.
COLUMNS = (("รหัส", "code", 9), ("ชื่อ", "name", 18), ("ประเมิน", "scored", 10),
           ("เสี่ยงสูง", "high", 9), ("สัดส่วน", "share", 10), ("ดัชนีเฉลี่ย", "mean", 12),
           ("ระดับ", "class", 10), ("ตัวชี้วัดหลัก", "drivers", 56))
CELL_MARGIN = 0.8
CELL_TEXT_SIZE = 6.5           # points


def tr(text: str) -> str:
    """Messages shown by the algorithms that call this module, in their translation context."""
    return QCoreApplication.translate("TraffickingAlgorithm", text)


class LayoutError(CoreError):
    """The PDF cannot be made; the message says why."""


def render_report_pdf(database: PathLike, reports: list[Report], pdf_path: PathLike,
                      charts: dict[str, PathLike], map_pngs: dict[str, PathLike] | None = None,
                      attribution: str = "", dpi: int = 150,
                      page_png: tuple[int, PathLike] | None = None,
                      feedback: QgsFeedback | None = None) -> int:
    """Write one PDF, a page per report in ``reports`` (province first); ``charts``: {code:
    chart PNG path}; ``map_pngs``: {code: path} to write each page's map as a PNG (for the
    HTML); ``page_png``: (report index, path) to also write its first page as a PNG.
    Returns the number of pages (a report's long table goes on over more pages)."""
    project = QgsProject()
    layout, map_item = report_atlas(project, database, reports, charts, attribution)
    atlas = layout.atlas()

    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.appendGeoreference = False
    settings.rasterizeWholeImage = False
    # Text as text, not outlines: the PDF can be searched and its figures copied.
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(pdf_path), settings, feedback)
    if result == QgsLayoutExporter.Canceled:
        raise LayoutError(tr("Canceled: the report PDF is incomplete."))
    if result != QgsLayoutExporter.Success:
        raise LayoutError(tr("The report PDF could not be written to {}: {}").format(pdf_path, error))
    return _page_images(layout, map_item, map_pngs or {}, page_png, dpi, feedback)


def report_atlas(project: QgsProject, database: PathLike, reports: list[Report],
                 charts: dict[str, PathLike],
                 attribution: str = "") -> tuple[QgsPrintLayout, QgsLayoutItemMap]:
    """The atlas of ``reports`` (a page and its table's continuation pages per report) over the
    layers of ``database``, built in ``project``. Returns (layout, map item)."""
    layers = report_layers(project, database, reports[0].year)
    areas = _areas_layer(project, reports, charts, layers["province"], layers["district"])
    rows = _rows_layer(project, reports)
    return report_layout(project, layers, areas, rows, reports[0].year, attribution)


def report_layers(project: QgsProject, database: PathLike, year: int) -> dict[str, QgsVectorLayer]:
    """The layers a report page draws, opened from ``database`` into ``project``, filtered to
    ``year`` (C.E.) and restyled for the report: {province, risk_village, district,
    risk_subdistrict, subdistrict}, top to bottom."""
    of_year = f'"data_year" = {year}'
    underlay = open_layer(project, database, "subdistrict", "ตำบล")
    risk = open_layer(project, database, "risk_subdistrict",
                       "ระดับความเสี่ยงของตำบล / Sub-district risk", of_year)
    districts = open_layer(project, database, "district", "อำเภอ / District")
    villages = open_layer(project, database, "risk_village",
                           "หมู่บ้านเสี่ยงสูง / High-risk village",
                           of_year + " AND \"risk_class\" = 'high'")
    province_layer = open_layer(project, database, "province", "จังหวัด / Province")
    restyle_as_category(underlay, risk, None)
    underlay.setLabelsEnabled(False)
    restyle_as_category(villages, villages, "high")
    return {"province": province_layer, "risk_village": villages, "district": districts,
            "risk_subdistrict": risk, "subdistrict": underlay}


def report_layout(project: QgsProject, layers: dict[str, QgsVectorLayer], areas: QgsVectorLayer,
                  rows: QgsVectorLayer, year: int,
                  attribution: str = "") -> tuple[QgsPrintLayout, QgsLayoutItemMap]:
    """The reports' atlas layout over ``layers`` (report_layers), built in ``project``.

    ``areas`` is the coverage, one polygon per page with the fields page, level, code, title_th,
    title_en, summary, indicators, trend and chart (a PNG path); ``rows`` the pages' table rows
    with the field area (the page's code) and the fields of COLUMNS. Returns (layout, map item)."""
    province_layer, districts, underlay = layers["province"], layers["district"], layers["subdistrict"]
    province = next(province_layer.getFeatures())
    layout, to_map = a4_layout(project, province_layer, province)
    layout.setName(f"Risk reports {year}")
    atlas = layout.atlas()
    atlas.setCoverageLayer(areas)
    atlas.setHideCoverage(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page"')
    atlas.setEnabled(True)

    map_item = _atlas_map(layout, list(layers.values()), to_map, province)
    _legend_strip(layout, map_item, (underlay, province_layer, districts))

    add_label(layout, '[% "title_th" %]', 14, 8, 3, 250, 9, bold=True)
    add_label(layout, '[% "title_en" %]', 10, 8, 11, 250, 7)
    add_label(layout, "รายงาน [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]", 8, 258, 4, 32, 6)
    add_label(layout, "สำหรับเจ้าหน้าที่ภาคีเครือข่ายเท่านั้น / Internal: network staff only",
           7, 200, 11, 89, 6).setFontColor(QColor("#b00020"))
    add_label(layout, '[% "summary" %]', 8, RIGHT_X, 20, RIGHT_WIDTH, 13)
    table = _table(layout, rows)
    # Their heights (and the trend's place) follow their lines, measured page by page
    # (_areas_layer); the fixed geometry is for coverages without those fields.
    indicators = add_label(layout, '[% "indicators" %]', TEXT_SIZE, RIGHT_X, TEXT_TOP,
                           RIGHT_WIDTH, 44)
    _data_defined(indicators, {QgsLayoutObject.ItemHeight: "indicators_h"})
    trend = add_label(layout, '[% "trend" %]', TEXT_SIZE, RIGHT_X, 152, RIGHT_WIDTH,
                      TEXT_BOTTOM - 152)
    _data_defined(trend, {QgsLayoutObject.PositionY: "trend_y", QgsLayoutObject.ItemHeight: "trend_h"})
    add_label(layout, attribution, 6, RIGHT_X, 197, RIGHT_WIDTH, 9)
    _chart(layout)
    _continuation_pages(layout, table)
    return layout, map_item


def _atlas_map(layout, layers, to_map, province):
    x, y, width, height = MAP
    extent = to_map.transformBoundingBox(province.geometry().boundingBox())
    item = add_map(layout, layers, to_map.destinationCrs(), x, y, width, height, extent, "risk map")
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    item.setAtlasMargin(0.06)
    bar = add_scale_bar(layout, item, x, y)
    # Each page has its own scale: round segments that fit 15-35 mm.
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(15)
    bar.setMaximumBarWidth(35)
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 200))
    text = bar.textFormat()
    text.setFont(QFont(THAI_FONT))
    text.setSize(7)
    bar.setTextFormat(text)
    # Anchored by its lower-right corner inside the map's: as the bar and its last label grow or
    # shrink from page to page, they stay inside the map frame.
    bar.setReferencePoint(QgsLayoutItem.LowerRight)
    bar.attemptMove(QgsLayoutPoint(x + width - SCALE_BAR_INSET, y + height - SCALE_BAR_INSET,
                                   QgsUnitTypes.LayoutMillimeters))
    add_north_arrow(layout, x + width - 12, y + 2)
    return item


def _legend_strip(layout, map_item, hidden):
    """The legend in two columns of three rows under the map, no wider than the map: the
    village symbol, the four risk classes and the hatch of uncertain areas."""
    legend = add_legend(layout, map_item, "", LEGEND_Y)
    legend.attemptMove(QgsLayoutPoint(MAP[0], LEGEND_Y, QgsUnitTypes.LayoutMillimeters))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    for layer in hidden:
        root.removeLayer(layer)
    for node in root.findLayers():
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(False)
    legend.setColumnSpace(4)
    legend.setBoxSpace(1)
    for style in (QgsLegendStyle.Symbol, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setMargin(QgsLegendStyle.Top, 1)
    font = QFont(THAI_FONT, 7)
    legend.rstyle(QgsLegendStyle.SymbolLabel).setFont(font)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    legend.updateLegend()
    return legend


def _table(layout, rows):
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(rows)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"area\" = attribute(@atlas_feature, 'code')")
    table.setMaximumNumberOfFeatures(100000)   # every row: QGIS's default stops at 30
    columns = []
    for heading, name, width in COLUMNS:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(f'"{name}"')
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setSortColumns([])
    table.setHeaderTextFormat(_text_format(7, True))
    table.setContentTextFormat(_text_format(CELL_TEXT_SIZE, False))
    table.setCellMargin(CELL_MARGIN)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.ShowMessage)
    table.setEmptyTableMessage("ไม่มีข้อมูล / No data")
    table.setHeaderMode(QgsLayoutTable.AllFrames)   # each page's part has the headings
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(_rect(*TABLE))
    frame.setHidePageIfEmpty(True)
    table.addFrame(frame)
    return table


def _continuation_pages(layout, table):
    """Pages after the first for the tables that do not fit in its frame: as many as the longest
    table needs, each with a frame continuing the table and the report's title. For each report
    the pages its table leaves empty are not exported (the frames hide their page when empty).

    QGIS's RepeatUntilFinished adds the frames, visiting every report of the atlas; then the
    frames are kept (UseExistingFrames), so the layout saved in a project has them too."""
    def taller(item):   # a frame QGIS adds, before it fills it with rows
        if isinstance(item, QgsLayoutFrame) and item.multiFrame() == table:
            pages = layout.pageCollection()
            top = pages.page(pages.pageNumberForPoint(item.pos())).pos().y()
            x, y, width, height = TABLE_MORE
            item.attemptSetSceneRect(_rect(x, top + y, width, height))
            item.setHidePageIfEmpty(True)

    connection = layout.itemAdded.connect(taller)
    atlas = layout.atlas()
    table.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)
    atlas.beginRender()
    try:
        frames = []
        for index in range(atlas.count()):
            atlas.seekTo(index)
            frames.append(table.frameCount())
        atlas.seekTo(frames.index(max(frames)))
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    finally:
        atlas.endRender()
        layout.itemAdded.disconnect(connection)
    pages = layout.pageCollection()
    for page in range(1, pages.pageCount()):
        top = pages.page(page).pos().y()
        add_label(layout, '[% "title_th" %] (ต่อ) / [% "title_en" %] (continued)', 10,
                  TABLE_MORE[0], top + 4, 250, 7, bold=True)


def _data_defined(item, fields):
    properties = item.dataDefinedProperties()
    for key, field in fields.items():
        properties.setProperty(key, QgsProperty.fromField(field))
    item.setDataDefinedProperties(properties)
    item.refreshDataDefinedProperty()


def _chart(layout):
    picture = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(picture)
    picture.attemptSetSceneRect(_rect(*CHART))
    picture.setResizeMode(QgsLayoutItemPicture.Zoom)
    properties = picture.dataDefinedProperties()
    properties.setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromField("chart"))
    picture.setDataDefinedProperties(properties)
    return picture


def _areas_layer(project, reports, charts, province_layer, districts):
    """The atlas coverage: one polygon per report with its page number and texts."""
    fields = QgsFields()
    fields.append(QgsField("page", QVariant.Int))
    for name in ("level", "code", "title_th", "title_en", "summary", "indicators", "trend", "chart"):
        fields.append(QgsField(name, QVariant.String))
    for name in ("indicators_h", "trend_y", "trend_h"):
        fields.append(QgsField(name, QVariant.Double))
    layer = QgsMemoryProviderUtils.createMemoryLayer("report_area", fields,
                                                     QgsWkbTypes.MultiPolygon, province_layer.crs())
    shapes = {f["code"]: f.geometry() for f in districts.getFeatures()}
    shapes[reports[0].code] = next(province_layer.getFeatures()).geometry()
    features = []
    for page, report in enumerate(reports, 1):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry(shapes.get(report.code, shapes[reports[0].code])))
        indicators, indicators_h, trend, trend_y, trend_h = _texts(report)
        feature.setAttributes([
            page, report.level, report.code, _title_th(report),
            f"Human-trafficking risk report, {report.title_en}, {report.year_en()}",
            _summary(report), indicators, trend, str(charts[report.code]),
            indicators_h, trend_y, trend_h])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    project.addMapLayer(layer, False)
    return layer


def _texts(report):
    """The indicators and the trend wrapped to the column, with their heights and the trend's
    top in mm: every indicator line is kept; the trend keeps the rows that fit below (the HTML
    has them all)."""
    indicators = wrap_text("\n".join(
        ["ตัวชี้วัดที่ขับเคลื่อนความเสี่ยง (★ ตัวขับเคลื่อนของพื้นที่) / Indicators that drive risk "
         "(★ the area's drivers):"] + indicator_lines(report)), LABEL_WIDTH, TEXT_SIZE)
    indicators_h = _text_height(indicators)
    trend_y = TEXT_TOP + indicators_h + 2
    for rows in range(TREND_LINES, 0, -1):
        trend = wrap_text("แนวโน้ม / Trend: " + "\n".join(_trend_text(report, rows)),
                          LABEL_WIDTH, TEXT_SIZE)
        if trend_y + _text_height(trend) <= TEXT_BOTTOM:
            break
    return indicators, indicators_h, trend, trend_y, max(TEXT_BOTTOM - trend_y, 1)


def _text_height(text):
    font = QFont(THAI_FONT)
    font.setPointSizeF(TEXT_SIZE)
    return QgsLayoutUtils.fontHeightMM(font) * (text.count("\n") + 1) + 2   # and margins


def _title_th(report):
    return f"รายงานความเสี่ยงต่อการค้ามนุษย์ {report.title_th} ปี {report.year_th()}"


def _rows_layer(project, reports):
    """The rows of every page's table, keyed by the report's code (``area``)."""
    fields = QgsFields()
    fields.append(QgsField("area", QVariant.String))
    for _, name, _ in COLUMNS:
        fields.append(QgsField(name, QVariant.String))
    layer = QgsMemoryProviderUtils.createMemoryLayer("report_row", fields, QgsWkbTypes.NoGeometry)
    widths = {name: width for _, name, width in COLUMNS}
    features = []
    for report in reports:
        for row in report.rows:
            feature = QgsFeature(fields)
            feature.setAttributes([
                report.code, row.code, wrap_text(row.name_th, widths["name"]),
                f"{row.persons_scored:,}", f"{row.persons_high:,}", percent(row.share_high),
                number(row.mean_index), wrap_text(CLASS_TH.get(row.risk_class, "-"), widths["class"]),
                wrap_text(drivers_text(row.drivers), widths["drivers"])])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    project.addMapLayer(layer, False)
    return layer


def wrap_text(text: str, width: float, size: float = CELL_TEXT_SIZE) -> str:
    """``text`` in lines no wider than ``width`` mm in the report's font of ``size`` points.
    Layout tables break lines at spaces only, and Thai puts none between words: Qt's line
    breaking finds the Thai word boundaries (through libthai). A word wider than ``width``
    keeps a line of its own. Measured as the table measures, with a millimetre to spare."""
    context = QgsLayoutUtils.createRenderContextForLayout(None, None)
    millimetre = context.convertToPainterUnits(1, QgsUnitTypes.RenderMillimeters)
    cell_format = _text_format(size, False)

    def fits(line):
        return QgsTextRenderer.textWidth(context, cell_format, [line]) / millimetre <= width - 1

    lines = []
    for paragraph in text.split("\n"):
        finder = QTextBoundaryFinder(QTextBoundaryFinder.Line, paragraph)
        line, start = "", 0
        end = finder.toNextBoundary()
        while end != -1:
            piece, start = paragraph[start:end], end
            if line and not fits((line + piece).rstrip()):
                lines.append(line.rstrip())
                line = piece
            else:
                line += piece
            end = finder.toNextBoundary()
        lines.append(line.rstrip())
    return "\n".join(lines)


def _text_format(size, bold):
    font = QFont(THAI_FONT)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    return text


def _summary(report):
    cls = f", ระดับ{CLASS_TH.get(report.risk_class, '-')}" if report.level == "district" else ""
    return (f"ประเมิน {report.persons_scored:,} จาก {report.persons:,} คน; เสี่ยงสูง "
            f"{report.persons_high:,} คน ({percent(report.share_high)}); ดัชนีเฉลี่ย "
            f"{number(report.mean_index)}{cls}\nScored {report.persons_scored:,} of "
            f"{report.persons:,}; at high risk {report.persons_high:,} "
            f"({percent(report.share_high)}); mean index {number(report.mean_index)}")


def _trend_text(report, count=TREND_LINES):
    """The area's line, then the rows whose class changed or whose share moved most: ``count``
    lines in all."""
    if report.previous_year is None or len(report.trend) <= count:
        return trend_lines(report)
    head, *rest = report.trend

    def moved(t):
        return (t.change == "same", -abs(t.share_change_points or 0))
    kept = [head] + sorted(rest, key=moved)[:count - 1]
    lines = trend_lines(report)
    return [lines[0]] + [line for t, line in zip(report.trend, lines[1:]) if t in kept]


def _page_images(layout, map_item, map_pngs, page_png, dpi, feedback):
    """Each report's map as a PNG; with ``page_png``, one whole page too. Returns the number of
    pages the PDF has."""
    atlas = layout.atlas()
    exporter = QgsLayoutExporter(layout)
    pages = 0
    atlas.beginRender()
    try:
        for index in range(atlas.count()):
            if feedback is not None and feedback.isCanceled():
                raise LayoutError(tr("Canceled: the report maps are incomplete."))
            atlas.seekTo(index)
            collection = layout.pageCollection()
            pages += sum(map(collection.shouldExportPage, range(collection.pageCount())))
            code = atlas.layout().reportContext().feature()["code"]
            if code in map_pngs:
                image = exporter.renderRegionToImage(map_item.sceneBoundingRect(), QSize(), dpi)
                if image.isNull() or not image.save(str(map_pngs[code]), "PNG"):
                    raise LayoutError(tr("could not write {}").format(map_pngs[code]))
            if page_png and page_png[0] == index:
                image = exporter.renderPageToImage(0, QSize(), dpi)
                if image.isNull() or not image.save(str(page_png[1]), "PNG"):
                    raise LayoutError(tr("could not write {}").format(page_png[1]))
    finally:
        atlas.endRender()
    return pages


def _rect(x, y, width, height):   # layout units are millimetres
    return QRectF(x, y, width, height)


@dataclass
class ReportFiles:
    """What ``write_reports`` wrote."""
    pdf: Path
    pages: int
    html: list[Path]
    index: Path
    xlsx: Path
    charts: list[Path]
    maps: list[Path]
    reports: int                   # the province's and one per district
    previous_year: int | None      # the year the trend compares with


def write_reports(database: PathLike, data_year: int, folder: PathLike, attribution: str = "",
                  dpi: int = 150, page_png: tuple[int, PathLike] | None = None,
                  feedback: Feedback | None = None, buddhist_era: bool = True) -> ReportFiles:
    """Every output of trafficking:riskreport for ``data_year`` (Common Era) in ``folder``
    (docs/reports.md). ``feedback`` gets progress; its cancel stops between steps. Years in
    titles and text are shown in the Buddhist era unless ``buddhist_era`` is False."""
    from ..core.dissemination import (class_colours, report_chart, report_html, report_tables,
                                      report_validation, report_xlsx)
    from ..core.feedback import NullFeedback, check_canceled

    feedback = feedback or NullFeedback()
    year = int(data_year)
    folder = Path(folder)
    (folder / "img").mkdir(parents=True, exist_ok=True)
    reports = report_tables.load_reports(database, year, buddhist_era=buddhist_era)
    feedback.setProgress(5)
    charts, maps = {}, {}
    for number_, report in enumerate(reports, 1):
        check_canceled(feedback)
        stem = "province" if report.level == "province" else f"district_{report.code}"
        charts[report.code] = report_chart.age_sex_chart(
            report, folder / "img" / f"{stem}_age_sex.png", dpi)
        maps[report.code] = folder / "img" / f"{stem}_map.png"
        feedback.setProgress(5 + 20 * number_ / len(reports))
    check_canceled(feedback)
    pdf = folder / f"risk_report_{year}.pdf"
    pages = render_report_pdf(database, reports, pdf, charts, maps, attribution, dpi, page_png,
                              _scaled(feedback, 25, 85))
    check_canceled(feedback)
    htmls = []
    trust = report_validation.load_validation(database, year)
    colours = class_colours.class_colours(database)   # the map's, so the two agree
    for report in reports:
        name = report_html.report_file(report)
        htmls.append(report_html.write_report_html(
            report, folder / name, f"img/{maps[report.code].name}",
            f"img/{charts[report.code].name}", attribution,
            trust if report.level == "province" else None, colours))
    report_html.write_index_html(reports, folder / "index.html")
    feedback.setProgress(92)
    xlsx = report_xlsx.write_workbook(database, year, folder / f"risk_tables_{year}.xlsx")
    feedback.setProgress(100)
    return ReportFiles(pdf, pages, htmls, folder / "index.html", xlsx, list(charts.values()),
                       list(maps.values()), len(reports), reports[0].previous_year)


def _scaled(feedback, start, end):
    """A QgsFeedback (what the exporter takes) whose 0-100 % is ``start``-``end`` % of
    ``feedback``, canceled with it."""
    child = QgsFeedback()
    child.progressChanged.connect(lambda p: feedback.setProgress(start + (end - start) * p / 100))
    if isinstance(feedback, QgsFeedback):
        feedback.canceled.connect(child.cancel)
    if feedback.isCanceled():
        child.cancel()
    return child
