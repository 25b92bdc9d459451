"""The plugin object QGIS holds: adds the Processing provider and a menu, and removes both."""
import os

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from ..processing_algorithms.base import group_icon_path, icon_path, manual_file, manual_url
from ..processing_algorithms.provider import TraffickingProvider
from .core.feedback import error_text
from .core.shipped_data import ICON
from .i18n import translation
from .i18n.translation import tr_noop

ICON_PATH = str(ICON)


def tr(text):
    return QCoreApplication.translate("TraffickingPlugin", text)


UPDATE_PROJECT, OPEN_AS_IS, CANCEL = "update", "open_as_is", "cancel"   # the buttons' names


def project_question(parent, path):
    """The question before opening an existing province project, with buttons that say what
    they do (each button's objectName is its answer); Escape cancels."""
    from qgis.PyQt.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Question, tr("Province project"),
                      tr("{} exists. Update it from the database (the latest scored year, the "
                         "current styles and layouts; changes saved in the project are lost), or "
                         "open it as it is?").format(path), QMessageBox.NoButton, parent)
    for name, label, role in ((UPDATE_PROJECT, tr("Update from the database"),
                               QMessageBox.AcceptRole),
                              (OPEN_AS_IS, tr("Open as it is"), QMessageBox.AcceptRole),
                              (CANCEL, tr("Cancel"), QMessageBox.RejectRole)):
        button = box.addButton(label, role)
        button.setObjectName(name)
        if name == OPEN_AS_IS:
            box.setDefaultButton(button)
        if name == CANCEL:
            box.setEscapeButton(button)
    return box


class TraffickingPlugin:
    # The Plugins menu, in the order of the work: (sub-menu, its group's icon, entries). An entry
    # is (label, target): an algorithm id opens the algorithm's own Processing dialog, a method
    # name opens the plugin's dialog, dock or page, or toggles a setting.
    MENU = (
        (tr_noop("Yearly update"), "pipeline", (
            (tr_noop("Guided start (first steps of a province)…"), "_open_guided_start"),
            (tr_noop("Create or upgrade province database…"), "trafficking:createdatabase"),
            (tr_noop("Import agency data file…"), "trafficking:importsecondarydata"),
            (tr_noop("Withdraw an import (wrong file)…"), "trafficking:withdrawimport"),
            (tr_noop("Crosswalk agency codes to the standard…"), "trafficking:crosswalk"),
            (tr_noop("Verify the database (data-quality check)…"), "trafficking:verifydatabase"),
            (tr_noop("Score the risk index…"), "trafficking:scoreriskindex"),
            (tr_noop("Prevention targets (work list)…"), "trafficking:preventiontargets"),
            (tr_noop("Risk reports (PDF, HTML, XLSX)…"), "trafficking:riskreport"),
            (tr_noop("Open province project…"), "_open_province_project"),
            (tr_noop("Yearly update (whole pipeline)…"), "trafficking:yearlyupdate"),
        )),
        (tr_noop("Network and cases"), "analysis", (
            (tr_noop("Network directory"), "_open_network_dock"),
            (tr_noop("Lessons learned (cases)"), "_open_case_dock"),
            (tr_noop("Analyse case routes…"), "trafficking:analysecaseroutes"),
            (tr_noop("Network coverage gaps…"), "trafficking:networkcoverage"),
        )),
        (tr_noop("Publishing"), "publish", (
            (tr_noop("Public export (protected aggregates)…"), "trafficking:publicexport"),
            (tr_noop("Public website (static, Thai and English)…"), "trafficking:publicwebsite"),
            (tr_noop("Intranet map server project (by role)…"), "trafficking:serverproject"),
            (tr_noop("Publish to the national database…"), "trafficking:publishnational"),
        )),
        (tr_noop("Tools"), "setup", (
            (tr_noop("Import sin space survey (risky workplaces)…"), "trafficking:importsinspace"),
            (tr_noop("Extract imagery chips (surveillance sheets)…"),
             "trafficking:extractimagerychips"),
            (tr_noop("Import prevention activities…"), "trafficking:importactivities"),
            (tr_noop("Monitor prevention activities (the shift)…"), "trafficking:monitoractivities"),
            (tr_noop("Add satellite basemap…"), "_open_basemap_dialog"),
            (tr_noop("Generate sample agency data…"), "trafficking:generatesampledata"),
            (tr_noop("Show Buddhist-era years (พ.ศ.)"), "_toggle_buddhist_era"),
        )),
        (tr_noop("Help"), "outputs", (
            (tr_noop("Manual"), "_open_manual"),
            (tr_noop("Quick start in Thai (คู่มือเริ่มต้นใช้งาน)"), "_open_quickstart"),
        )),
    )

    @classmethod
    def menu_entries(cls):
        """Every (label, target) of the menu, sub-menu by sub-menu."""
        return [entry for _title, _icon, entries in cls.MENU for entry in entries]

    def __init__(self, iface):
        # Before initProcessing (QGIS may call it before initGui): parameter descriptions are
        # translated when the provider builds the algorithms.
        translation.install_translator()
        self.iface = iface
        self.provider = None
        self.submenus = []
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
        window = self.iface.mainWindow()
        for title, icon, entries in self.MENU:
            submenu = QMenu(tr(title), window)
            submenu.setIcon(QIcon(group_icon_path(icon)))
            for label, target in entries:
                submenu.addAction(self._action(label, target, submenu))
            self.iface.addPluginToMenu(self.menu, submenu.menuAction())
            self.submenus.append(submenu)
        from .gui.audit_hook import AuditUserHook  # names the editor of attribute-table edits
        self.audit_hook = AuditUserHook()
        self.offer_guided_start()

    # --- the guided start (issue 17, item 10): the first entry of Yearly update, and on a first
    # run (no current database in this profile) an offer in the message bar.
    GUIDED_START_LABEL = tr_noop("Guided start (first steps of a province)…")

    def offer_guided_start(self):
        from ..processing_algorithms.base import remembered_database
        if remembered_database() is None:
            self.iface.messageBar().pushMessage(
                tr("Trafficking prevention"),
                tr("No province database yet in this profile: Plugins > {} > {} > {}").format(
                    self.menu, tr(self.MENU[0][0]), tr(self.GUIDED_START_LABEL)), Qgis.Info, 30)

    def _open_guided_start(self, _checked=False):
        from ..processing_algorithms.base import remembered_database, remembered_year
        from .gui.guided_start import GuidedStart
        GuidedStart(lambda: (remembered_database(), remembered_year()),
                    lambda algorithm, parameters: self._open_dialog(algorithm, parameters),
                    parent=self.iface.mainWindow()).exec_()

    def _action(self, label, target, parent):
        """A menu entry: an algorithm (with its Toolbox icon) or a method of the plugin."""
        if target.startswith("trafficking:"):
            action = QAction(QIcon(icon_path(target.split(":", 1)[1])), tr(label), parent)
            action.triggered.connect(lambda _checked=False, a=target: self._open_dialog(a))
        else:
            action = QAction(QIcon(ICON_PATH), tr(label), parent)
            action.triggered.connect(getattr(self, target))
        if target == "_toggle_buddhist_era":
            action.setCheckable(True)
            action.setChecked(translation.buddhist_era())
        return action

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
        for submenu in self.submenus:
            self.iface.removePluginMenu(self.menu, submenu.menuAction())
            submenu.deleteLater()      # and its actions with it
        self.submenus = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        translation.remove_translator()

    @staticmethod
    def _open_dialog(algorithm_id, parameters=None):
        import processing  # QGIS's Processing plugin; loaded by the time a menu is clicked
        processing.execAlgorithmDialog(algorithm_id, parameters or {})

    @staticmethod
    def _open_manual(_checked=False):
        """The manual shipped with the plugin, in the system's browser."""
        QDesktopServices.openUrl(QUrl(manual_url()))

    @staticmethod
    def _open_quickstart(_checked=False):
        QDesktopServices.openUrl(QUrl.fromLocalFile(manual_file("quickstart_th")))

    @staticmethod
    def _toggle_buddhist_era(checked):
        """Years in reports (titles, tables, trend) as B.E. 2567 or C.E. 2024; data stay C.E."""
        translation.set_buddhist_era(checked)

    def _open_basemap_dialog(self, _checked=False):
        from .gui.basemap_dialog import BasemapDialog  # Qt widgets only when asked for
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

        from .gui.case_dock import CaseDock
        from .gui.case_store import project_databases
        found = project_databases(QgsProject.instance())
        path = found[0] if found else None     # none: the dock offers "Open GeoPackage…"
        if self.case_dock is None:
            self.case_dock = CaseDock(path, self.iface, parent=self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.case_dock)
        elif path is not None and self.case_dock.database != path:
            self.case_dock.open_database(path)
        self.case_dock.show()
        self.case_dock.raise_()

    def _open_province_project(self, _checked=False):
        """Open a province database's project (<database>.qgz beside it), written first when it
        is missing or when the user wants it made again (e.g. after scoring a new year)."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from .outputs.project import ProjectError, build_project, default_project_path
        window = self.iface.mainWindow()
        database = QFileDialog.getOpenFileName(window, tr("Province database"), "",
                                               "GeoPackage (*.gpkg)")[0]
        if not database:
            return
        path = default_project_path(database)
        answer = UPDATE_PROJECT
        if os.path.exists(path):
            box = project_question(window, path)
            box.exec_()
            answer = box.clickedButton().objectName() if box.clickedButton() else CANCEL
        if answer not in (UPDATE_PROJECT, OPEN_AS_IS):
            return
        if answer == UPDATE_PROJECT:
            try:
                build_project(database, path)
            except ProjectError as error:
                self.iface.messageBar().pushCritical(tr("Province project"), error_text(error))
                return
        self.iface.addProject(path)
