"""The risk classes' colours for the HTML: the map's style stored in the database, else the
plugin's QML; no QGIS needed."""
import sqlite3

from trafficking_db.trafficking_plugin.core.dissemination.class_colours import (
    class_colours,
    qml_class_colours,
    text_colour,
)
from trafficking_db.trafficking_plugin.core.shipped_data import style_path


def test_shipped_style_gives_the_maps_colours():
    colours = class_colours()
    # The colours styles/risk_subdistrict.qml draws: red, yellow, green, grey.
    assert colours == {"high": "#cc3311", "medium": "#f0e442", "low": "#009e73", None: "#bdbdbd"}
    assert text_colour(colours["medium"]) == "#1d1d1d" and text_colour(colours["high"]) == "#ffffff"


def test_a_restyled_map_in_the_database_wins(tmp_path):
    qml = style_path("risk_subdistrict").read_text(encoding="utf-8")
    db = tmp_path / "province.gpkg"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, f_table_name TEXT, "
                     "styleName TEXT, styleQML TEXT, useAsDefault BOOLEAN, update_time DATETIME)")
        conn.execute("INSERT INTO layer_styles (f_table_name, styleName, styleQML, useAsDefault) "
                     "VALUES ('risk_subdistrict', 'mine', ?, 1)",
                     (qml.replace("240,228,66,255", "255,165,0,255"),))
        conn.execute("INSERT INTO layer_styles (f_table_name, styleName, styleQML, useAsDefault) "
                     "VALUES ('risk_district', 'other', ?, 1)", (qml.replace("204,51,17", "1,2,3"),))
    colours = class_colours(db)
    assert colours["medium"] == "#ffa500" and colours["high"] == "#cc3311"


def test_a_style_without_classes_keeps_the_shipped_colours(tmp_path):
    assert qml_class_colours("<qgis><renderer-v2 type='singleSymbol'/></qgis>") == {}
    assert qml_class_colours("not xml") == {}
    assert class_colours(tmp_path / "missing.gpkg")["medium"] == "#f0e442"
