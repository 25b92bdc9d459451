"""The risk layers' default styles: red / yellow / green by class, stored in the GeoPackage by
trafficking:createdatabase, and never written over a style the user stored."""
import json
import sqlite3

import pytest
from qgis.core import QgsSingleSymbolRenderer, QgsSymbol, QgsVectorLayer, QgsWkbTypes

from trafficking_db.trafficking_plugin.outputs import styles
from trafficking_db.trafficking_plugin.core import schema
from trafficking_db.trafficking_plugin.sample import synthetic_province

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

CLASS_LABELS = {"high": "สูง / High", "medium": "ปานกลาง / Medium", "low": "ต่ำ / Low",
                None: "ไม่ได้ประเมิน / Not scored"}
CHANGE_VALUES = {"worse", "better", "same", "new", None}


@pytest.fixture()
def created(run_algorithm, tmp_path):
    """A database made by createdatabase from the synthetic province's boundaries."""
    boundaries = tmp_path / "boundaries.geojson"
    boundaries.write_text(json.dumps(synthetic_province.to_geojson(synthetic_province.synthetic_province())),
                          encoding="utf-8")
    path = tmp_path / "province.gpkg"

    def create():
        run_algorithm("createdatabase", OUTPUT=str(path), PROVINCE="50", BOUNDARIES=str(boundaries))
        return path
    create()
    return path, create


def categories(layer):
    """{value: (label, colour, symbol)}, None for the category of empty values."""
    found = layer.renderer().categories()   # owns the symbols: they are cloned while it lives
    return {(c.value() if c.value() not in ("", None) else None):
            (c.label(), c.symbol().color(), c.symbol().clone()) for c in found}


def hue_of(colour):
    return "red" if colour.red() > 150 and colour.green() < 100 else \
        "yellow" if colour.red() > 200 and colour.green() > 200 and colour.blue() < 120 else \
        "green" if colour.green() > colour.red() + 60 else \
        "grey" if max(colour.getRgb()[:3]) - min(colour.getRgb()[:3]) < 10 else "other"


def test_every_risk_layer_has_a_style_and_is_a_layer_of_the_schema():
    for table in styles.RISK_LAYERS:
        assert schema.TABLES_BY_NAME[table].geometry, table
        with open(styles.style_path(table), encoding="utf-8") as f:
            assert "<renderer-v2" in f.read()


@pytest.mark.parametrize("table", ["risk_subdistrict", "risk_district"])
def test_areas_open_coloured_by_class_with_thai_and_english_legend(created, table):
    path, _ = created
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid() and layer.featureCount() == 0   # empty until scored
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "risk_class"
    found = categories(layer)
    # A legend entry no area matches says what the hatch means.
    assert found.pop("legend:not_robust")[0] == styles.NOT_ROBUST_LABEL
    assert {v: label for v, (label, _, _) in found.items()} == CLASS_LABELS
    assert {v: hue_of(colour) for v, (_, colour, _) in found.items()} == \
        {"high": "red", "medium": "yellow", "low": "green", None: "grey"}
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "name_th"
    assert layer.labeling().settings().format().font().family() == "Loma"


def test_high_risk_villages_have_the_largest_red_markers(created):
    path, _ = created
    layer = QgsVectorLayer(f"{path}|layername=risk_village", "risk_village", "ogr")
    assert layer.renderer().classAttribute() == "risk_class"
    found = categories(layer)
    assert found.pop("legend:not_robust")[0] == styles.NOT_ROBUST_LABEL
    assert {v: label for v, (label, _, _) in found.items()} == CLASS_LABELS
    size = {v: symbol.symbolLayer(0).size() for v, (_, _, symbol) in found.items()}
    assert any(hue_of(layer.color()) == "red" for layer in found["high"][2].symbolLayers())
    assert size["high"] > 1.5 * max(s for v, s in size.items() if v != "high")


@pytest.mark.parametrize("table", ["risk_change_subdistrict", "risk_change_district"])
def test_change_layers_show_worse_red_better_green_same_grey_new_outlined(created, table):
    path, _ = created
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.renderer().classAttribute() == "class_change"
    found = categories(layer)
    assert set(found) == CHANGE_VALUES
    assert hue_of(found["worse"][1]) == "red" and hue_of(found["better"][1]) == "green"
    assert hue_of(found["same"][1]) == "grey"
    assert found["new"][2].symbolLayer(0).brushStyle() == 0   # Qt.NoBrush: outline only
    assert all(" / " in label for label, _, _ in found.values())   # Thai / English


def test_a_style_the_user_stored_is_kept_and_missing_ones_are_added(created):
    path, create = created
    # The user stores their own default for risk_subdistrict; an older database lacks risk_district's.
    layer = QgsVectorLayer(f"{path}|layername=risk_subdistrict", "mine", "ogr")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry)))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM layer_styles WHERE f_table_name IN ('risk_subdistrict', 'risk_district')")
    assert layer.saveStyleToDatabase("my colours", "", True, "") == ""
    create()   # the upgrade
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT f_table_name, styleName FROM layer_styles"
                            " WHERE f_table_name LIKE 'risk_%' ORDER BY 1").fetchall()
    assert rows == sorted([(t, t) for t in styles.RISK_LAYERS if t != "risk_subdistrict"]
                          + [("risk_subdistrict", "my colours")])
    mine = QgsVectorLayer(f"{path}|layername=risk_subdistrict", "mine", "ogr")
    assert mine.renderer().type() == "singleSymbol"
    assert styles.save_default_styles(path, styles.RISK_LAYERS) == []


def test_a_missing_layer_is_reported_not_fatal(created):
    path, _ = created

    class Errors:
        messages = []

        def reportError(self, message, fatal=False):  # noqa: N802
            self.messages.append(message)

    feedback = Errors()
    assert styles.save_default_styles(path, ["no_such_table"], feedback) == []
    assert "no_such_table" in feedback.messages[0]
