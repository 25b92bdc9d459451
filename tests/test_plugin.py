"""The plugin as QGIS loads it: classFactory, initGui, unload, and again."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu
from pytest_qgis.qgis_interface import QgisInterface


class MenuRecordingIface(QgisInterface):
    """pytest-qgis's iface leaves plugin menus out; this one keeps them in real QMenus as QGIS does."""

    def __init__(self, base):
        super().__init__(base.canvas, base._messageBar, base._mainWindow)
        self.menus = {}

    def addPluginToMenu(self, name, action):  # noqa: N802
        self.menus.setdefault(name, QMenu(name)).addAction(action)

    def removePluginMenu(self, name, action):  # noqa: N802
        menu = self.menus.get(name)
        if menu is not None:
            menu.removeAction(action)
            if not menu.actions():
                del self.menus[name]


def trafficking_providers():
    return [p for p in QgsApplication.processingRegistry().providers() if p.id() == "trafficking"]


def test_load_unload_load_leaves_one_provider_and_no_stray_menus(qgis_iface, qgis_processing):
    import trafficking_db

    registry = QgsApplication.processingRegistry()
    already = registry.providerById("trafficking")
    if already is not None:  # another test's provider: start from a QGIS without it
        registry.removeProvider(already)
    iface = MenuRecordingIface(qgis_iface)

    plugin = trafficking_db.classFactory(iface)
    plugin.initGui()
    assert len(trafficking_providers()) == 1
    algorithms = {a.id() for a in trafficking_providers()[0].algorithms()}
    assert {"trafficking:createdatabase", "trafficking:generatesampledata",
            "trafficking:importsecondarydata", "trafficking:crosswalk"} <= algorithms
    assert len(next(iter(iface.menus.values())).actions()) == \
        len(plugin.MENU_ALGORITHMS + plugin.MENU_DIALOGS) + 1   # + Guided start

    plugin.unload()
    assert trafficking_providers() == [] and iface.menus == {}

    plugin = trafficking_db.classFactory(iface)
    plugin.initGui()
    plugin.initProcessing()  # QGIS may call both; still one provider
    assert len(trafficking_providers()) == 1
    assert len(next(iter(iface.menus.values())).actions()) == \
        len(plugin.MENU_ALGORITHMS + plugin.MENU_DIALOGS) + 1   # + Guided start
    plugin.unload()
    assert trafficking_providers() == [] and iface.menus == {}


def test_metadata_is_complete_for_the_plugin_repository():
    import configparser
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    parser = configparser.ConfigParser()
    parser.read(repo / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "homepage", "tags", "category", "icon"):
        assert general.get(key), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (repo / general["icon"]).exists()
    assert "GNU GENERAL PUBLIC LICENSE" in (repo / "LICENSE").read_text()
