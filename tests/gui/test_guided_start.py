"""The guided start (issue 17, item 10) and the data-year box that follows the chosen database
(item 3), with real widgets offscreen."""
import pytest
from qgis.core import QgsApplication, QgsProcessingContext
from qgis.gui import QgsGui, QgsProcessingGui

from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.gui.guided_start import STEPS, GuidedStart, steps_done

pytestmark = pytest.mark.slow   # widgets: not in the quick lane


def test_steps_done_follow_the_database(scored_sample, tmp_path):
    _, db = scored_sample
    assert steps_done(None, None) == (False, False, False, False)
    assert steps_done(str(db), 2024) == (True, True, True, True)
    assert steps_done(str(db), 2025) == (True, False, False, False)
    new = tmp_path / "new.gpkg"
    create_database.create_or_upgrade(new, "50", {})
    assert steps_done(str(new), 2024) == (True, False, False, False)


def test_each_step_opens_its_dialog_with_the_current_database_and_year(qgis_app, tmp_path):
    new = tmp_path / "new.gpkg"
    current = {"path": None, "year": None}
    opened = []

    def open_dialog(algorithm, parameters):
        opened.append((algorithm, parameters))
        if algorithm == "trafficking:createdatabase":       # the user ran it
            create_database.create_or_upgrade(new, "50", {})
            current.update(path=str(new), year=2024)

    dialog = GuidedStart(lambda: (current["path"], current["year"]), open_dialog)
    assert [b.isEnabled() for b in dialog.buttons] == [True, False, False, False]
    dialog.buttons[0].click()
    assert opened == [("trafficking:createdatabase", {})]
    assert str(new) in dialog.where.text()
    assert [b.isEnabled() for b in dialog.buttons] == [True, True, False, False]
    assert [t.text() for t in dialog.ticks] == ["✓", "", "", ""]
    dialog.buttons[1].click()
    assert opened[-1] == ("trafficking:importsecondarydata", {"DATABASE": str(new), "DATA_YEAR": 2024})
    assert len(dialog.buttons) == len(STEPS) == 4


def test_the_data_year_box_follows_the_database_until_a_year_is_typed(provider, scored_sample,
                                                                     tmp_path):
    from processing.gui.wrappers import WidgetWrapperFactory
    _, db = scored_sample
    new = tmp_path / "new.gpkg"
    create_database.create_or_upgrade(new, "50", {})
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("trafficking:scoreriskindex")
    context = QgsProcessingContext()
    year = WidgetWrapperFactory.create_wrapper(algorithm.parameterDefinition("DATA_YEAR"), None)
    database = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
        algorithm.parameterDefinition("DATABASE"), QgsProcessingGui.Standard)
    widget = database.createWrappedWidget(context)   # kept: Python owns it
    year.postInitialize([database, year])
    database.setParameterValue(str(db), context)
    assert int(year.value()) == 2024                   # the scored sample's latest data year
    year.widget.setValue(2023)                         # typed: kept whatever the database
    database.setParameterValue(str(new), context)
    assert int(year.value()) == 2023
    assert widget is not None


def test_a_first_run_offers_the_guided_start(qgis_iface, qgis_processing):
    from qgis.core import Qgis, QgsSettings
    from test_plugin import plugin_with_menus
    from trafficking_db.processing_algorithms.base import CURRENT_DATABASE_KEY

    QgsSettings().remove(CURRENT_DATABASE_KEY)
    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        yearly = next(iter(iface.menus.values())).actions()[0].menu()
        assert yearly.actions()[0].text() == "Guided start (first steps of a province)…"
        assert any("Guided start" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    finally:
        plugin.unload()
