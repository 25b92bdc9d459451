"""The plugin as QGIS loads it: classFactory, initGui, unload, and again."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu
from pytest_qgis.qgis_interface import QgisInterface

from conftest import REPO


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

    def entries(self):
        """{label: action} of every entry of the plugin's sub-menus."""
        return {a.text(): a for menu in self.menus.values() for sub in menu.actions()
                for a in sub.menu().actions()}


def plugin_with_menus(qgis_iface):
    """(iface, plugin): the plugin as QGIS's classFactory makes it, on an iface that keeps its
    menus; a provider another test left is removed first (QGIS keeps one per id). The caller
    runs initGui and unload."""
    import trafficking_db

    registry = QgsApplication.processingRegistry()
    if registry.providerById("trafficking") is not None:
        registry.removeProvider(registry.providerById("trafficking"))
    iface = MenuRecordingIface(qgis_iface)
    return iface, trafficking_db.classFactory(iface)


def trafficking_providers():
    return [p for p in QgsApplication.processingRegistry().providers() if p.id() == "trafficking"]


def test_load_unload_load_leaves_one_provider_and_no_stray_menus(qgis_iface, qgis_processing):
    import trafficking_db

    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    assert len(trafficking_providers()) == 1
    algorithms = {a.id() for a in trafficking_providers()[0].algorithms()}
    assert {"trafficking:createdatabase", "trafficking:generatesampledata",
            "trafficking:importsecondarydata", "trafficking:crosswalk"} <= algorithms
    assert len(next(iter(iface.menus.values())).actions()) == len(plugin.MENU)

    plugin.unload()
    assert trafficking_providers() == [] and iface.menus == {}

    plugin = trafficking_db.classFactory(iface)
    plugin.initGui()
    plugin.initProcessing()  # QGIS may call both; still one provider
    assert len(trafficking_providers()) == 1
    assert len(next(iter(iface.menus.values())).actions()) == len(plugin.MENU)
    plugin.unload()
    assert trafficking_providers() == [] and iface.menus == {}


def test_menu_groups_the_work_in_sub_menus_with_the_manual_last(qgis_iface, qgis_processing):
    """The Plugins menu as QGIS builds it: five sub-menus in the order of the work, each entry an
    algorithm the provider has (with its icon) or a method of the plugin, and a Manual entry."""
    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        (menu,) = iface.menus.values()
        submenus = [action.menu() for action in menu.actions()]
        assert all(submenus)
        assert [m.title() for m in submenus] == [
            "Yearly update", "Network and cases", "Publishing", "Tools", "Help"]
        assert [[a.text() for a in m.actions()] for m in submenus] == [
            [label for label, _ in entries] for _, _, entries in plugin.MENU]
        assert all(not m.icon().isNull() for m in submenus)
        # each sub-menu's icon is the group icon it names, not a fallback
        from trafficking_db.processing_algorithms.base import group_icon_path
        assert all((REPO / "trafficking_plugin" / "data" / "icons" / f"{icon}.svg").is_file() and
                   group_icon_path(icon).endswith(f"/{icon}.svg") for _, icon, _ in plugin.MENU)
        provider = QgsApplication.processingRegistry().providerById("trafficking")
        algorithms = {a.id() for a in provider.algorithms()}
        for label, target in plugin.menu_entries():
            assert target in algorithms if target.startswith("trafficking:") else \
                callable(getattr(plugin, target)), (label, target)
        yearly = [target for _, target in plugin.MENU[0][2]]
        # the yearly steps in the order of the manual's section 3
        steps = ["trafficking:importsecondarydata", "trafficking:crosswalk",
                 "trafficking:verifydatabase", "trafficking:scoreriskindex",
                 "trafficking:riskreport"]
        assert sorted(steps, key=yearly.index) == steps
        assert [a.text() for a in submenus[-1].actions()][0] == "Manual"
        assert all(not a.icon().isNull() for m in submenus for a in m.actions())
    finally:
        plugin.unload()
    assert iface.menus == {}


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
