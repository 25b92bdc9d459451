"""Run inside the real QGIS desktop (qgis --code): the screenshots of the operating manual.

scripts/manual_screenshots.sh builds a small sample province and runs this under Xvfb. Each shot
prepares the window (layers, a dialog, a dock, a menu), waits for QGIS to draw it, saves a PNG and
tidies up before the next. A shot whose feature is not there (an algorithm not registered, no
Thai translation) is skipped with the reason; nothing here opens a modal dialog.

Environment:
  TRAFFICKING_DB       the province GeoPackage (scored)      TRAFFICKING_YEAR   its data year
  TRAFFICKING_INPUT    an agency file, for the import dialog  TRAFFICKING_SHOTS  folder of the PNGs
  TRAFFICKING_SET      "en" (the manual) or "th" (the Thai quick start, QGIS in Thai)
  TRAFFICKING_REPORT   a text file: one line per shot, "saved NAME" or "skipped NAME: why"
"""
import os
import sys
import traceback

import processing
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsProcessingToolboxTreeView
from qgis.PyQt.QtCore import QPoint, QRect, Qt, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QDockWidget, QTableView
from qgis.utils import iface, plugins

DATABASE = os.environ["TRAFFICKING_DB"]
YEAR = int(os.environ["TRAFFICKING_YEAR"])
AGENCY_FILE = os.environ.get("TRAFFICKING_INPUT", "")
FOLDER = os.environ["TRAFFICKING_SHOTS"]
SET = os.environ.get("TRAFFICKING_SET", "en")
MENU_TITLE = "Trafficking Prevention Database"
WIDTH, HEIGHT = 1280, 800
report = []
keep = []             # dialogs and layers Python must keep alive while shown


class Skip(Exception):
    """The feature a shot shows is not there (yet)."""


class Shot:
    """What a prepared shot hands back: how to grab it, when it is ready, how to tidy up."""

    def __init__(self, grab, cleanup=None, ready=None, delay=2500):
        self.grab, self.cleanup, self.ready, self.delay = grab, cleanup, ready, delay


# --- helpers ---------------------------------------------------------------------------------

def need_algorithm(algorithm_id):
    if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
        raise Skip(f"algorithm {algorithm_id} is not registered")


def add_layer(table, name=None, subset=None):
    layer = QgsVectorLayer(f"{DATABASE}|layername={table}", name or table, "ogr")
    if not layer.isValid():
        raise Skip(f"{DATABASE} has no layer {table}")
    if subset:
        layer.setSubsetString(subset)
    QgsProject.instance().addMapLayer(layer)
    if layer.isSpatial() and layer.renderer().type() == "singleSymbol":
        layer.loadDefaultStyle()     # the style stored in the GeoPackage, as the Browser shows it
    return layer


def toolbox_dock():
    return iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")


def hide_docks():
    for dock in iface.mainWindow().findChildren(QDockWidget):
        if dock.objectName() != "Layers":
            dock.hide()


def float_dock(dock, width, height):
    """A dock as a window of its own, so every shot of it has the same size."""
    dock.setFloating(True)
    dock.resize(width, height)
    dock.move(40, 20)


def window():
    return iface.mainWindow().grab()


def dialog_shot(algorithm_id, parameters, run=False):
    """An algorithm's own dialog, shown non-modal with its parameters filled; optionally run."""
    need_algorithm(algorithm_id)
    dialog = processing.createAlgorithmDialog(algorithm_id, parameters)
    keep.append(dialog)
    dialog.resize(1000, 680)
    dialog.move(60, 40)
    dialog.show()
    done = []
    if run:
        dialog.algorithmFinished.connect(lambda ok, _results: done.append(ok))
        dialog.runButton().click()
    return Shot(dialog.grab, dialog.close, (lambda: bool(done)) if run else None)


def plugin_menu():
    """The Plugins menu, the plugin's menu and its first sub-menu (Yearly update), opened side by
    side (popup, not exec)."""
    plugin = plugins.get("trafficking_db")
    title = plugin.menu if plugin is not None else MENU_TITLE     # translated when QGIS is in Thai
    menu = iface.pluginMenu()
    entry = next((a for a in menu.actions()
                  if a.menu() is not None and a.text().replace("&", "") == title), None)
    if entry is None:
        raise Skip("the plugin's submenu is not in the Plugins menu")
    bar = iface.mainWindow().menuBar()
    anchor = bar.actionGeometry(menu.menuAction())
    menu.popup(bar.mapToGlobal(anchor.bottomLeft()))
    menu.setActiveAction(entry)
    sub = entry.menu()
    top = menu.geometry().top() + menu.actionGeometry(entry).top()
    sub.popup(QPoint(menu.geometry().right(), top))
    first = sub.actions()[0]
    sub.setActiveAction(first)
    steps = first.menu() or sub                     # the sub-menus of the plugin's menu
    if steps is not sub:
        steps.popup(QPoint(sub.geometry().right(), sub.geometry().top()))

    def grab():
        area = menu.geometry().united(sub.geometry()).united(steps.geometry()).united(
            QRect(bar.mapToGlobal(anchor.topLeft()), anchor.size()))
        area = area.adjusted(-8, -4, 8, 8).intersected(QRect(0, 0, WIDTH, HEIGHT))
        return QGuiApplication.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(),
                                                          area.height())

    def close():
        steps.hide()
        sub.hide()
        menu.hide()
    return Shot(grab, close, delay=1500)


# --- the shots -------------------------------------------------------------------------------

def risk_map():
    hide_docks()
    add_layer("district", "district")
    add_layer("risk_village", "risk_village")         # the sample has one data year
    province = add_layer("risk_subdistrict", "risk_subdistrict")
    district = QgsProject.instance().mapLayersByName("district")[0]
    district.renderer().symbol().symbolLayer(0).setBrushStyle(Qt.NoBrush)
    district.renderer().symbol().symbolLayer(0).setStrokeWidth(0.6)
    root = QgsProject.instance().layerTreeRoot()
    root.findLayer(district.id()).setItemVisibilityChecked(True)
    root.findLayer(district.id()).setExpanded(False)
    for node in root.findLayers():                   # districts on top as outlines
        if node.layer() is district:
            clone = node.clone()
            root.insertChildNode(0, clone)
            root.removeChildNode(node)
    iface.mapCanvas().setExtent(province.extent())
    iface.mapCanvas().refresh()
    return Shot(window, delay=4000)


def toolbox():
    if QgsApplication.processingRegistry().providerById("trafficking") is None:
        raise Skip("the trafficking provider is not registered")
    dock = toolbox_dock()
    if dock is None:
        raise Skip("the Processing Toolbox is not in this QGIS")
    dock.show()
    dock.raise_()
    iface.mainWindow().resizeDocks([dock], [440], Qt.Horizontal)
    tree = dock.findChild(QgsProcessingToolboxTreeView)
    tree.collapseAll()
    model = tree.model()
    name = QgsApplication.processingRegistry().providerById("trafficking").name()
    index = next((model.index(row, 0) for row in range(model.rowCount())
                  if model.index(row, 0).data() == name), None)
    if index is None:
        raise Skip(f"no '{name}' node in the Toolbox")
    tree.expandRecursively(index)
    tree.scrollTo(index, tree.PositionAtTop)
    tree.setCurrentIndex(index)
    return Shot(window, lambda: dock.hide())


def import_dialog():
    if not AGENCY_FILE:
        raise Skip("no agency file given (TRAFFICKING_INPUT)")
    return dialog_shot("trafficking:importsecondarydata", {
        "DATABASE": DATABASE, "INPUT": AGENCY_FILE, "SOURCE": "health", "DATA_YEAR": YEAR + 543})


def crosswalk_log():
    return dialog_shot("trafficking:crosswalk", {"DATABASE": DATABASE, "DATA_YEAR": YEAR + 543},
                       run=True)


def thai_error():
    """A run that cannot go on, in Thai: the crosswalk of a year without imports."""
    return dialog_shot("trafficking:crosswalk", {"DATABASE": DATABASE, "DATA_YEAR": YEAR + 542},
                       run=True)


def attribute_table(table, subset):
    def shot():
        layer = add_layer(table, table, subset)
        dialog = iface.showAttributeTable(layer)
        keep.append(dialog)
        dialog.resize(1180, 520)
        dialog.move(40, 80)

        def grab():                          # whole reasons, not "exact copy o…"
            for view in dialog.findChildren(QTableView):
                view.resizeColumnsToContents()
                header = view.horizontalHeader()
                header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
                for column in range(header.count() - 1):     # room for the last column
                    view.setColumnWidth(column, min(view.columnWidth(column), 170))
            return dialog.grab()
        return Shot(grab, dialog.close)
    return shot


def network_dock():
    plugin = plugins.get("trafficking_db")
    if plugin is None:
        raise Skip("the plugin is not loaded")
    plugin._open_network_dock()
    dock = plugin.network_dock
    dock.open_database(DATABASE)
    float_dock(dock, 1180, 760)
    panel = dock.organizations
    panel.view.setCurrentIndex(panel.view.model().index(0, 0))
    panel.view.resizeColumnsToContents()
    for column in range(panel.view.model().columnCount()):
        panel.view.setColumnWidth(column, min(panel.view.columnWidth(column), 300))
    return Shot(dock.grab, dock.hide)


def case_dock():
    plugin = plugins.get("trafficking_db")
    if plugin is None:
        raise Skip("the plugin is not loaded")
    add_layer("case", "case")            # the dock opens on the project's province database
    plugin._open_case_dock()
    dock = plugin.case_dock
    if dock is None:
        raise Skip("the lessons-learned dock did not open")
    float_dock(dock, 660, 760)
    cases = sorted(f.id() for f in dock.store.case_layer.getFeatures())
    if not cases:
        raise Skip("the database has no case")
    dock.open_case(cases[0])
    return Shot(dock.grab, dock.hide)


def yearly_model():
    """The one-click model's dialog (trafficking:yearlyupdate), filled with the sample's files."""
    files = os.path.dirname(os.path.dirname(AGENCY_FILE))
    return dialog_shot("trafficking:yearlyupdate", {
        "DATABASE": DATABASE, "DATA_YEAR": YEAR + 543,
        "HEALTH_PERSON": os.path.join(files, "health", "PERSON.csv"),
        "HEALTH_HOME": os.path.join(files, "health", "HOME.csv"),
        "HEALTH_DIAGNOSIS": os.path.join(files, "health", "DIAGNOSIS_OPD.csv"),
        "EDUCATION": os.path.join(files, "education", "school_roster.xlsx"),
        "HUMAN_SECURITY": os.path.join(files, "human_security", "welfare_cases.csv"),
        "FAMILY_WELFARE_HOUSEHOLDS": os.path.join(files, "family_welfare", "bmn_households.csv"),
        "FAMILY_WELFARE_MEMBERS": os.path.join(files, "family_welfare", "bmn_members.csv"),
        "REPORT_FOLDER": os.path.join(os.path.dirname(DATABASE), "reports")})


def province_project():
    """The project trafficking:createproject writes, opened as a user opens it."""
    need_algorithm("trafficking:createproject")
    path = os.path.join(os.path.dirname(DATABASE), "province_project.qgz")
    processing.run("trafficking:createproject", {"DATABASE": DATABASE, "DATA_YEAR": 0,
                                                  "OUTPUT": path})
    hide_docks()
    QgsProject.instance().read(path)
    iface.mainWindow().resize(WIDTH, HEIGHT)          # reading a project may resize the window
    layers = iface.mainWindow().findChild(QDockWidget, "Layers")
    if layers is not None:
        layers.show()
        iface.mainWindow().resizeDocks([layers], [330], Qt.Horizontal)
    return Shot(window, delay=5000)


def risk_map_and_toolbox():
    risk_map()
    return toolbox()


SHOTS = {
    "en": [
        ("manual_risk_map", risk_map),
        ("manual_toolbox", toolbox),
        ("manual_plugins_menu", plugin_menu),
        ("manual_import_dialog", import_dialog),
        ("manual_crosswalk_log", crosswalk_log),
        ("manual_unmapped_code", attribute_table("unmapped_code", f"data_year = {YEAR}")),
        ("manual_rejected_row", attribute_table("rejected_row", None)),
        ("manual_network_dock", network_dock),
        ("manual_case_dock", case_dock),
        ("manual_yearly_model", yearly_model),
        ("manual_project", province_project),        # last: it replaces the project
    ],
    "th": [                                          # the plugin in Thai, for the quick start
        ("manual_th_toolbox", risk_map_and_toolbox),
        ("manual_th_plugins_menu", plugin_menu),
        ("manual_th_error", thai_error),
    ],
}


# --- the runner ------------------------------------------------------------------------------

def log(line):
    report.append(line)
    sys.stderr.write(f"manual shots: {line}\n")


def run(queue):
    if not queue:
        return finish()
    name, prepare = queue[0]
    rest = queue[1:]
    try:
        shot = prepare()
    except Skip as reason:
        log(f"skipped {name}: {reason}")
        QTimer.singleShot(100, lambda: run(rest))
        return
    except Exception:  # noqa: BLE001 - one broken shot must not stop the others
        log(f"skipped {name}: error\n{traceback.format_exc()}")
        QTimer.singleShot(100, lambda: run(rest))
        return
    waited = [0]

    def save():
        if shot.ready is not None and not shot.ready() and waited[0] < 120000:
            waited[0] += 500
            QTimer.singleShot(500, save)
            return
        try:
            path = os.path.join(FOLDER, f"{name}.png")
            if shot.grab().save(path, "PNG"):
                log(f"saved {name}")
            else:
                log(f"skipped {name}: the PNG could not be written")
            if shot.cleanup is not None:
                shot.cleanup()
        except Exception:  # noqa: BLE001
            log(f"skipped {name}: error\n{traceback.format_exc()}")
        QTimer.singleShot(500, lambda: run(rest))
    QTimer.singleShot(shot.delay, save)


def finish():
    """Write the report, unload the plugin and clear the project (QGIS 3.22 can crash tearing
    down docks at exit), then quit. Any error here is written, never shown: a Python error
    window is modal and would keep QGIS open."""
    with open(os.environ["TRAFFICKING_REPORT"], "w", encoding="utf-8") as f:
        f.write("\n".join(report) + "\n")
    try:
        plugin = plugins.get("trafficking_db")
        if plugin is not None:
            plugin.unload()
        QgsProject.instance().clear()
    except Exception:  # noqa: BLE001
        sys.stderr.write(traceback.format_exc())
    QgsApplication.exit(0)


def start():
    iface.mainWindow().move(0, 0)
    iface.mainWindow().resize(WIDTH, HEIGHT)
    run(SHOTS[SET])


QTimer.singleShot(4000, start)
