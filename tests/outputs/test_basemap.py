"""The optional satellite basemap: the user's XYZ template saved where QGIS's Browser lists XYZ
Tiles, remembered by the plugin, added below the project's layers. Nothing is fetched: the
templates point at a temporary folder (file://) or at a host that is never contacted."""
import pytest
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox

from trafficking_db.trafficking_plugin.outputs import basemap
from trafficking_db.trafficking_plugin.gui.basemap_dialog import BasemapDialog

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

HTTPS = "https://tiles.example.com/imagery/{z}/{x}/{y}.jpg?key=abc&style=sat"


@pytest.fixture()
def name():
    """A connection name no other test uses; removed afterwards."""
    yield "Trafficking test imagery"
    basemap.remove_connection("Trafficking test imagery")


@pytest.fixture()
def project():
    project = QgsProject()
    yield project
    project.clear()


def file_template(tmp_path):
    return (tmp_path / "tiles").as_uri() + "/{z}/{x}/{y}.png"


def test_saved_where_the_browser_reads_xyz_tiles_and_remembered(name):
    basemap.save_connection(basemap.Basemap(name, HTTPS, 2, 18, "© Imagery Co."))
    settings = QgsSettings()
    group = f"qgis/connections-xyz/{name}"
    assert settings.value(f"{group}/url") == HTTPS            # raw template, as QGIS stores it
    assert int(settings.value(f"{group}/zmin")) == 2 and int(settings.value(f"{group}/zmax")) == 18
    settings.beginGroup("qgis/connections-xyz")
    assert name in settings.childGroups()                     # what the Browser lists
    settings.endGroup()
    assert basemap.last_basemap() == basemap.Basemap(name, HTTPS, 2, 18, "© Imagery Co.")


def test_the_layer_source_is_the_xyz_uri_qgis_builds(name):
    uri = basemap.layer_uri(basemap.Basemap(name, HTTPS, 0, 19))
    assert uri.startswith("type=xyz&url=https://tiles.example.com/imagery/%7Bz%7D/%7Bx%7D/%7By%7D.jpg")
    assert "key%3Dabc%26style%3Dsat" in uri                   # the template's own query kept whole
    assert "&zmax=19" in uri and "&zmin=0" in uri


def test_added_below_the_other_layers_with_its_attribution(name, project, tmp_path):
    villages = QgsVectorLayer("Point?crs=EPSG:4326", "villages", "memory")
    project.addMapLayer(villages)
    value = basemap.Basemap(name, file_template(tmp_path), 0, 17, "© Imagery Co.")
    layer = basemap.save_and_add(value, project)
    assert layer.isValid() and layer.providerType() == "wms"
    assert layer.source() == basemap.layer_uri(value) and "zmax=17" in layer.source()
    assert [n.layer() for n in project.layerTreeRoot().findLayers()] == [villages, layer]
    assert layer.attribution() == "© Imagery Co." and layer.metadata().rights() == ["© Imagery Co."]


@pytest.mark.parametrize("value, field, words", [
    (basemap.Basemap("", HTTPS), "name", "name"),
    (basemap.Basemap("a/b", HTTPS), "name", "/"),
    (basemap.Basemap("x", ""), "url", "template"),
    (basemap.Basemap("x", "ftp://tiles.example.com/{z}/{x}/{y}.jpg"), "url", "https://"),
    (basemap.Basemap("x", "https://tiles.example.com/{z}/{x}.jpg"), "url", "{y}"),
    (basemap.Basemap("x", "https://tiles.example.com/tile.jpg"), "url", "{x}, {y}, {z}"),
    (basemap.Basemap("x", HTTPS, 12, 5), "zoom", "minimum"),
    (basemap.Basemap("x", HTTPS, 0, 31), "zoom", "30"),
])
def test_a_bad_entry_is_named_with_what_to_fix(value, field, words):
    found = basemap.problems(value)
    assert list(found) == [field] and words in found[field]
    with pytest.raises(ValueError):
        basemap.save_connection(value)


def test_a_tms_template_with_a_flipped_y_is_accepted():
    assert basemap.problems(basemap.Basemap("x", "https://t.example.com/{z}/{x}/{-y}.png")) == {}


def test_removed_from_the_browser_and_the_plugins_memory(name):
    basemap.save_connection(basemap.Basemap(name, HTTPS))
    basemap.remove_connection(name)
    settings = QgsSettings()
    settings.beginGroup("qgis/connections-xyz")
    assert name not in settings.childGroups()
    settings.endGroup()
    assert basemap.connection(name) is None and basemap.last_basemap() is None


def test_the_dialog_shows_messages_inline_and_ok_adds_the_basemap(qgis_app, name, project, tmp_path):
    dialog = BasemapDialog(project)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    dialog.name.setText(name)
    dialog.url.setText("https://tiles.example.com/{z}/{x}.jpg")
    assert not ok.isEnabled() and "{y}" in dialog.messages["url"].text()
    assert not dialog.messages["url"].isHidden() and dialog.messages["name"].isHidden()
    dialog.zmin.setValue(15)
    dialog.zmax.setValue(10)
    assert "minimum" in dialog.messages["zoom"].text() and not ok.isEnabled()
    dialog.zmax.setValue(18)
    dialog.url.setText(file_template(tmp_path))
    dialog.attribution.setText("© Imagery Co.")
    assert ok.isEnabled() and dialog.messages["url"].isHidden()
    ok.click()
    assert dialog.result() == dialog.Accepted
    assert [n.layer() for n in project.layerTreeRoot().findLayers()] == [dialog.layer]
    assert basemap.connection(name) == basemap.Basemap(name, file_template(tmp_path), 15, 18, "© Imagery Co.")
    # Opened again, it offers the last basemap.
    again = BasemapDialog(project)
    assert again.name.text() == name and again.url.text() == file_template(tmp_path)
    assert again.zmin.value() == 15 and again.attribution.text() == "© Imagery Co."


def test_the_plugins_menu_entry_opens_the_dialog(qgis_iface, qgis_processing):
    from test_plugin import plugin_with_menus

    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        entries = iface.entries()
        shown = []

        def close_it():   # the dialog is modal: look at it, then cancel it
            dialog = QApplication.activeModalWidget()
            shown.append(type(dialog).__name__)
            dialog.reject()
        QTimer.singleShot(0, close_it)
        entries["Add satellite basemap…"].trigger()
        assert shown == ["BasemapDialog"]
    finally:
        plugin.unload()
