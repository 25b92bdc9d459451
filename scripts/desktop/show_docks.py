"""Run inside the real QGIS desktop (qgis --code): open a province database in both docks and save
a screenshot of the main window (scripts/desktop_screenshot.sh runs it under Xvfb).

Environment: TRAFFICKING_DB (the GeoPackage), TRAFFICKING_SHOT (the PNG to write).
"""
import os
import sys
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

DATABASE = os.environ["TRAFFICKING_DB"]


def open_docks():
    try:
        show()
    except Exception:  # noqa: BLE001 - say why, and do not leave QGIS running
        sys.stderr.write(traceback.format_exc())
        QgsApplication.exit(1)


def show():
    plugin = plugins["trafficking_db"]
    for table in ("risk_subdistrict", "establishment", "organization", "case_event"):
        layer = QgsVectorLayer(f"{DATABASE}|layername={table}", table, "ogr")
        QgsProject.instance().addMapLayer(layer)
    plugin._open_network_dock()
    plugin.network_dock.open_database(DATABASE)
    plugin._open_case_dock()
    plugin.case_dock.open_case(min(f.id() for f in plugin.case_dock.store.case_layer.getFeatures()))
    province = QgsProject.instance().mapLayersByName("risk_subdistrict")[0]
    iface.mapCanvas().setExtent(province.extent())     # the province, not the routes abroad
    iface.mapCanvas().refresh()
    QTimer.singleShot(4000, shoot)


def shoot():
    iface.mainWindow().grab().save(os.environ["TRAFFICKING_SHOT"], "PNG")
    plugins["trafficking_db"].unload()
    QgsProject.instance().clear()
    QgsApplication.exit(0)


QTimer.singleShot(3000, open_docks)
