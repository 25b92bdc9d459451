"""Default layer styles stored inside the province GeoPackage, shared by the algorithms.

Each table with a QML in styles/ gets it saved to the GeoPackage's layer_styles as the default, so
any QGIS that opens the file shows the layer styled (DESIGN.md: styles travel inside the file).
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleFillSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSymbol,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..core import admin, database
from ..core.database import PathLike
from ..core.feedback import Feedback
from ..core.shipped_data import STYLES_DIR


def tr(text: str) -> str:
    """The algorithms' translation context: these messages reach the user in an algorithm's log."""
    return QCoreApplication.translate("TraffickingAlgorithm", text)


ADMIN_LAYERS = admin.ADMIN_TABLES
# The risk tables with geometry; risk_person and risk_breakdown are plain tables, unstyled.
RISK_LAYERS = ("risk_village", "risk_subdistrict", "risk_district",
               "risk_change_subdistrict", "risk_change_district")
# Validation: villages by class, with the outcomes recorded later (trafficking:validateindex).
VALIDATION_LAYERS = ("validation_village",)
# Sin space: risky workplaces, by type and coloured by risk.
SIN_SPACE_LAYERS = ("establishment",)
# Every layer trafficking:createdatabase styles.
DEFAULT_STYLED_LAYERS = ADMIN_LAYERS + RISK_LAYERS + SIN_SPACE_LAYERS
# More styles stored beside a table's default, for the user to pick (Layer Properties > Style >
# Load Style > From database): table -> ((QML file stem, style name, description), ...).
EXTRA_STYLES = {
    # Names fit GDAL's layer_styles.styleName, TEXT(30); the Thai name goes in the description.
    "establishment": (("establishment_heatmap", "Density of risky places",
                       "ความหนาแน่นของสถานที่เสี่ยง / Heatmap of risky places: high risk weighs 3, "
                       "medium 1, low 0."),),
}


def style_path(table: str) -> str:
    return os.path.join(STYLES_DIR, f"{table}.qml")


def save_default_styles(path: PathLike, tables: Sequence[str],
                        feedback: Feedback | None = None) -> list[str]:
    """Store the QML of each of ``tables`` as its default style in the GeoPackage at ``path``.

    A layer that already has a style keeps it: an upgrade or a new scoring must not undo a user's
    styling (and QGIS 3.22 would ask on screen before overwriting a style of the same name).
    Returns the tables styled now."""
    styled = styled_tables(path)
    saved = []
    for table in tables:
        if table in styled:
            continue
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        if not layer.isValid():
            _report(feedback, tr("Style for {} not saved: the database has no such layer.").format(table))
            continue
        message, ok = layer.loadNamedStyle(style_path(table))
        if not ok:
            _report(feedback, tr("Style for {} not loaded: {}").format(table, message))
            continue
        if table in ROBUSTNESS_MARKED:
            mark_not_robust(layer)
        error = layer.saveStyleToDatabase(table, tr("Default style"), True, "")
        if error:
            _report(feedback, tr("Style for {} not saved: {}").format(table, error))
            continue
        saved.append(table)
    for table in tables:
        _save_extra_styles(path, table, feedback)
    return saved


# Areas the uncertainty analysis marks (risk_* robust = 0): hatched polygons, ringed villages.
ROBUSTNESS_MARKED = ("risk_village", "risk_subdistrict", "risk_district")
# coalesce: a legend patch has no feature, so "robust" is NULL there and the mark stays off.
NOT_ROBUST = 'coalesce("robust", 1) = 0'
NOT_ROBUST_LABEL = "แรเงา: ไม่แน่นอน / Hatched: uncertain"


def mark_not_robust(layer: QgsVectorLayer) -> None:
    """Add to each class's symbol a layer drawn only where the class is not robust (a grey
    hatch on polygons, a dotted ring round points), and a legend entry that says so (a category
    no feature matches). The mark's colour is data-defined and transparent by default, so the
    legend patches of the classes, drawn without a feature, show no mark."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "categorizedSymbol":
        return
    polygons = layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    for index, category in enumerate(renderer.categories()):
        symbol = category.symbol().clone()
        symbol.appendSymbolLayer(_not_robust_layer(polygons, conditional=True))
        renderer.updateCategorySymbol(index, symbol)
    legend = QgsSymbol.defaultSymbol(layer.geometryType())
    legend.deleteSymbolLayer(0)
    legend.appendSymbolLayer(_not_robust_layer(polygons, conditional=False))
    renderer.addCategory(QgsRendererCategory("legend:not_robust", legend, NOT_ROBUST_LABEL))


def _not_robust_layer(polygons, conditional):
    mark = QColor(50, 50, 50)
    if polygons:
        layer = QgsSimpleFillSymbolLayer()
        layer.setBrushStyle(Qt.BrushStyle.BDiagPattern)
        layer.setStrokeStyle(Qt.PenStyle.NoPen)
        layer.setColor(mark)
        colour_property = QgsSymbolLayer.PropertyFillColor
    else:
        layer = QgsSimpleMarkerSymbolLayer()
        layer.setSize(6.0)
        layer.setColor(QColor(0, 0, 0, 0))
        layer.setStrokeColor(mark)
        layer.setStrokeStyle(Qt.PenStyle.DotLine)
        layer.setStrokeWidth(0.4)
        colour_property = QgsSymbolLayer.PropertyStrokeColor
    if conditional:
        transparent = QColor(mark)
        transparent.setAlpha(0)
        (layer.setColor if polygons else layer.setStrokeColor)(transparent)
        layer.setDataDefinedProperty(colour_property, QgsProperty.fromExpression(
            f"if({NOT_ROBUST}, '50,50,50,255', '50,50,50,0')"))
    return layer


def _save_extra_styles(path, table, feedback):
    """Store ``table``'s extra named styles that the GeoPackage lacks, as non-default styles.

    Checked by name first: QGIS 3.22 asks on screen before overwriting a style of the same name."""
    present = style_names(path, table)
    for stem, name, description in EXTRA_STYLES.get(table, ()):
        if name in present:
            continue
        # A fresh layer each time: loading a QML over another style would keep parts of it.
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        if not layer.isValid():
            continue   # reported with the default style
        ok, message = _import_qml(layer, os.path.join(STYLES_DIR, f"{stem}.qml"))
        error = layer.saveStyleToDatabase(name, description, False, "") if ok else message
        if error:
            _report(feedback, tr("Style {} for {} not saved: {}").format(name, table, error))


def styled_tables(path: PathLike) -> set[str]:
    """The tables that have a style (the plugin's or a user's) stored in the GeoPackage at ``path``."""
    with contextlib.closing(database.connect(path, read_only=True)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
            return set()
        return {r[0] for r in conn.execute("SELECT f_table_name FROM layer_styles")}


def _import_qml(layer, qml_path):
    """Apply the QML file to ``layer``. Not loadNamedStyle: given a layer whose GeoPackage already
    holds a default style, it applies that default and ignores the file."""
    document = QDomDocument()
    with open(qml_path, encoding="utf-8") as f:
        if not document.setContent(f.read()):
            return False, tr("{} is not a QML style").format(qml_path)
    return layer.importNamedStyle(document)


def style_names(path: PathLike, table: str) -> set[str]:
    """The names of the styles stored for ``table`` in the GeoPackage at ``path``."""
    with contextlib.closing(database.connect(path, read_only=True)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
            return set()
        return {r[0] for r in conn.execute(
            "SELECT styleName FROM layer_styles WHERE f_table_name = ?", (table,))}


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Styles an algorithm's output layer when QGIS loads it into the project."""
    alive = {}     # Python must keep post-processors alive until QGIS has used them

    def __init__(self, apply):
        super().__init__()
        self.apply = apply

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer):
            self.apply(layer)
            layer.triggerRepaint()


def qml_style(stem: str) -> Callable[[QgsVectorLayer], bool]:
    """A style function (layer -> True when styled) that applies styles/<stem>.qml."""
    path = os.path.join(STYLES_DIR, f"{stem}.qml")
    return lambda layer: _import_qml(layer, path)[0]


def style_output_on_load(context: QgsProcessingContext, dest: str, name: str,
                         apply: Callable[[QgsVectorLayer], bool]) -> None:
    """Have QGIS apply ``apply(layer)`` to output ``dest`` when it loads it on completion; one
    post-processor per style ``name``."""
    if context.willLoadLayerOnCompletion(dest):
        if name not in _StyleOnLoad.alive:
            _StyleOnLoad.alive[name] = _StyleOnLoad(apply)
        post = _StyleOnLoad.alive[name]
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)


def store_output_style(context: QgsProcessingContext, dest: str | None, name: str, description: str,
                       apply: Callable[[QgsVectorLayer], bool], feedback: Feedback | None) -> None:
    """Store the style as the default of output ``dest`` when it is a GeoPackage layer, so any
    QGIS that opens the file shows it styled. Call from postProcessAlgorithm (the file is closed)."""
    if not dest or ".gpkg" not in dest.lower():
        return
    layer = QgsProcessingUtils.mapLayerFromString(dest, context)
    if not isinstance(layer, QgsVectorLayer):
        layer = QgsVectorLayer(dest, name, "ogr")
    if not layer.isValid():
        return
    error = layer.saveStyleToDatabase(name, description, True, "") if apply(layer) \
        else tr("style not loaded")
    if error:
        _report(feedback, tr("Style not stored in {}: {}").format(dest, error))


def _report(feedback, message):
    if feedback is not None:
        feedback.reportError(message)
