"""Default layer styles stored inside the province GeoPackage, shared by the algorithms.

Each table with a QML in styles/ gets it saved to the GeoPackage's layer_styles as the default, so
any QGIS that opens the file shows the layer styled (DESIGN.md: styles travel inside the file).
"""
import contextlib
import os
import sqlite3

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..trafficking_plugin.core import database

STYLES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "styles")
ADMIN_LAYERS = database.ADMIN_TABLES
# The risk tables with geometry; risk_person and risk_breakdown are plain tables, unstyled.
RISK_LAYERS = ("risk_village", "risk_subdistrict", "risk_district",
               "risk_change_subdistrict", "risk_change_district")


def style_path(table):
    return os.path.join(STYLES_DIR, f"{table}.qml")


def save_default_styles(path, tables, feedback=None):
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
            _report(feedback, _tr("Style for {} not saved: the database has no such layer.").format(table))
            continue
        message, ok = layer.loadNamedStyle(style_path(table))
        if not ok:
            _report(feedback, _tr("Style for {} not loaded: {}").format(table, message))
            continue
        error = layer.saveStyleToDatabase(table, _tr("Default style"), True, "")
        if error:
            _report(feedback, _tr("Style for {} not saved: {}").format(table, error))
            continue
        saved.append(table)
    return saved


def styled_tables(path):
    """The tables that have a style (the plugin's or a user's) stored in the GeoPackage at ``path``."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
            return set()
        return {r[0] for r in conn.execute("SELECT f_table_name FROM layer_styles")}


def _report(feedback, message):
    if feedback is not None:
        feedback.reportError(message)


def _tr(text):
    return QCoreApplication.translate("TraffickingAlgorithm", text)
