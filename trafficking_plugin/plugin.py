"""The plugin object QGIS holds: adds the Processing provider and a menu, and removes both."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
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
        ("Prevention targets (work list)…", "trafficking:preventiontargets"),
        ("Import sin space survey (risky workplaces)…", "trafficking:importsinspace"),
        ("Extract imagery chips (surveillance sheets)…", "trafficking:extractimagerychips"),
    )
    # Menu entries that open the plugin's own dialogs: (label, method name).
    MENU_DIALOGS = (
        ("Add satellite basemap…", "_open_basemap_dialog"),
    )

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = tr("Trafficking Prevention Database")

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

    def unload(self):
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
