"""The plugin object QGIS holds: adds the Processing provider and a menu, and removes both."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..processing_algorithms.provider import TraffickingProvider

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
ICON_PATH = os.path.join(PLUGIN_DIR, "icon.png")


def tr(text):
    return QCoreApplication.translate("TraffickingPlugin", text)


class TraffickingPlugin:
    # Menu entries: (label, algorithm id). Each opens the algorithm's own Processing dialog.
    MENU_ALGORITHMS = (
        ("Create or upgrade province database…", "trafficking:createdatabase"),
        ("Generate sample agency data…", "trafficking:generatesampledata"),
        ("Import agency data file…", "trafficking:importsecondarydata"),
        ("Crosswalk agency codes to the standard…", "trafficking:crosswalk"),
        ("Score the risk index…", "trafficking:scoreriskindex"),
        ("Verify the database (data-quality check)…", "trafficking:verifydatabase"),
        ("Risk reports (PDF, HTML, XLSX)…", "trafficking:riskreport"),
        ("Prevention targets (work list)…", "trafficking:preventiontargets"),
        ("Import prevention activities…", "trafficking:importactivities"),
        ("Monitor prevention activities (the shift)…", "trafficking:monitoractivities"),
        ("Import sin space survey (risky workplaces)…", "trafficking:importsinspace"),
        ("Extract imagery chips (surveillance sheets)…", "trafficking:extractimagerychips"),
        ("Analyse case routes…", "trafficking:analysecaseroutes"),
        ("Network coverage gaps…", "trafficking:networkcoverage"),
        ("Public export (protected aggregates)…", "trafficking:publicexport"),
        ("Publish to the national database…", "trafficking:publishnational"),
    )
    # Menu entries that open the plugin's own dialogs: (label, method name).
    MENU_DIALOGS = (
        ("Add satellite basemap…", "_open_basemap_dialog"),
        ("Network directory", "_open_network_dock"),
        ("Lessons learned (cases)", "_open_case_dock"),
    )

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = tr("Trafficking Prevention Database")
        self.network_dock = None
        self.case_dock = None
        self.audit_hook = None

    def initProcessing(self):  # noqa: N802 (QGIS calls it by this name)
        if self.provider is None:
            self.provider = TraffickingProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        for label, algorithm_id in self.MENU_ALGORITHMS:
            action = QAction(QIcon(ICON_PATH), tr(label), self.iface.mainWindow())
            action.triggered.connect(lambda _checked=False, a=algorithm_id: self._open_dialog(a))
            self.iface.addPluginToMenu(self.menu, action)
            self.actions.append(action)
        for label, method in self.MENU_DIALOGS:
            action = QAction(QIcon(ICON_PATH), tr(label), self.iface.mainWindow())
            action.triggered.connect(getattr(self, method))
            self.iface.addPluginToMenu(self.menu, action)
            self.actions.append(action)
        from .gui.audit_hook import AuditUserHook   # names the editor of attribute-table edits
        self.audit_hook = AuditUserHook()

    def unload(self):
        if self.network_dock is not None:
            self.network_dock.hide()
            self.network_dock.deleteLater()   # deleting a dock takes it out of the main window
            self.network_dock = None
        if self.case_dock is not None:
            self.case_dock.hide()
            self.case_dock.deleteLater()
            self.case_dock = None
        if self.audit_hook is not None:
            self.audit_hook.unload()
            self.audit_hook = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    @staticmethod
    def _open_dialog(algorithm_id):
        import processing  # QGIS's Processing plugin; loaded by the time a menu is clicked
        processing.execAlgorithmDialog(algorithm_id)

    def _open_basemap_dialog(self, _checked=False):
        from .gui.basemap_dialog import BasemapDialog   # Qt widgets only when asked for
        dialog = BasemapDialog(parent=self.iface.mainWindow())
        if dialog.exec_():
            self.iface.messageBar().pushSuccess(
                tr("Basemap"), tr("{} added below the other layers.").format(dialog.layer.name()))

    def _open_network_dock(self, _checked=False):
        if self.network_dock is None:
            from .gui.network_dock import NetworkDock
            self.network_dock = NetworkDock(self.iface, parent=self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.network_dock)
        self.network_dock.show()
        self.network_dock.raise_()

    def _open_case_dock(self, _checked=False):
        """The lessons-learned dock on the project's province database, or one the user picks."""
        from qgis.core import QgsProject
        from qgis.PyQt.QtWidgets import QFileDialog
        from .gui.case_dock import CaseDock
        from .gui.case_store import project_databases
        found = project_databases(QgsProject.instance())
        path = found[0] if found else QFileDialog.getOpenFileName(
            self.iface.mainWindow(), tr("Province database"), "", "GeoPackage (*.gpkg)")[0]
        if not path:
            return
        if self.case_dock is not None and self.case_dock.database != path:
            self.iface.removeDockWidget(self.case_dock)
            self.case_dock.deleteLater()
            self.case_dock = None
        if self.case_dock is None:
            try:
                self.case_dock = CaseDock(path, self.iface, parent=self.iface.mainWindow())
            except ValueError as error:
                self.iface.messageBar().pushCritical(tr("Lessons learned"), str(error))
                return
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.case_dock)
        self.case_dock.show()
        self.case_dock.raise_()
