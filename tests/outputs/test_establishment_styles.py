"""Establishments' default styles: a marker shape per type coloured by risk class, and a stored
density (heatmap) style, saved in the GeoPackage by trafficking:createdatabase."""
import json
import struct

import pytest
import yaml
from conftest import REPO
from qgis.core import (
    QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle,
    QgsSymbolLayer, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from trafficking_db.trafficking_plugin.outputs import styles
from trafficking_db.trafficking_plugin.core import database, gpkg
from trafficking_db.trafficking_plugin.sample import synthetic_province

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

TYPES = ("karaoke", "massage_spa", "guesthouse_hotel", "brothel_front", "fishing_port_boat",
         "seafood_processing", "construction_camp", "factory", "plantation", "domestic_work_agency",
         "border_crossing", "bus_terminal")
# The risk styles' shades (styles/risk_village.qml): colour-blind-aware red, yellow, green, grey.
SHADES = {"high": (204, 51, 17), "medium": (240, 228, 66), "low": (0, 158, 115), None: (189, 189, 189)}
DENSITY = "Density of risky places"


@pytest.fixture()
def created(run_algorithm, tmp_path):
    boundaries = tmp_path / "boundaries.geojson"
    boundaries.write_text(json.dumps(synthetic_province.to_geojson(synthetic_province.synthetic_province())),
                          encoding="utf-8")
    path = tmp_path / "province.gpkg"
    run_algorithm("createdatabase", OUTPUT=str(path), PROVINCE="50", BOUNDARIES=str(boundaries))
    return path


def add_places(path, rows):
    """Insert establishments (name, type, risk_class, approximate, x, y) as a survey import would."""
    with database.connect(path) as conn:
        conn.execute("BEGIN")
        for name, kind, risk, approximate, x, y in rows:
            blob = gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, x, y), (x, y, x, y))
            conn.execute("INSERT INTO establishment (geom, name, type, risk_class, risk_score,"
                         " location_approximate) VALUES (?, ?, ?, ?, ?, ?)",
                         (blob, name, kind, risk, {"high": 9, "medium": 5, "low": 1}.get(risk), approximate))
        conn.execute("COMMIT")


def open_layer(path):
    layer = QgsVectorLayer(f"{path}|layername=establishment", "establishment", "ogr")
    assert layer.isValid()
    return layer


def render(layer, extent, size=200):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    settings.setExtent(extent)
    settings.setOutputSize(QSize(size, size))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def pixels_near(image, rgb, tolerance=12):
    """How many pixels of ``image`` have about the colour ``rgb``."""
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            c = image.pixelColor(x, y)
            if max(abs(c.red() - rgb[0]), abs(c.green() - rgb[1]), abs(c.blue() - rgb[2])) <= tolerance:
                count += 1
    return count


def test_every_type_has_its_own_shape_and_a_thai_and_english_label(created):
    layer = open_layer(created)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "type"
    categories = {c.value(): c for c in renderer.categories()}
    assert set(categories) == set(TYPES) | {""}          # "" is QGIS's "all other values"
    shapes = {value: (c.symbol().symbolLayer(0).shape(), c.symbol().symbolLayer(0).angle())
              for value, c in categories.items()}
    assert len(set(shapes.values())) == len(shapes)        # no two kinds look alike
    for category in categories.values():
        thai, english = category.label().split(" / ")
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in thai) and english.isascii(), category.label()
    assert categories[""].label() == "อื่น ๆ / Other"


def test_the_legend_names_every_kind_of_the_shipped_catalogue_as_it_does():
    # A kind added to the catalogue needs its own shape here, or it falls under "Other".
    with open(REPO / "trafficking_plugin" / "data" / "establishment_types.yaml", encoding="utf-8") as f:
        catalogue = {t["code"]: f"{t['name_th']} / {t['name_en']}" for t in yaml.safe_load(f)["types"]}
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=type:string", "establishment", "memory")
    message, ok = layer.loadNamedStyle(styles.style_path("establishment"))
    assert ok, message
    legend = {c.value(): c.label() for c in layer.renderer().categories() if c.value()}
    assert legend == catalogue


def test_names_are_labelled_in_a_thai_font_only_at_large_scales(created):
    layer = open_layer(created)
    settings = layer.labeling().settings()
    assert layer.labelsEnabled() and settings.fieldName == "name"
    assert settings.format().font().family() == "Loma"
    assert settings.scaleVisibility and 0 < settings.minimumScale <= 50000


def test_places_are_drawn_red_yellow_green_grey_by_risk_class(created):
    # Three kinds at three classes, and an unscored place of a kind not in the list.
    add_places(created, [("A", "karaoke", "high", 0, 98.95, 18.80),
                         ("B", "factory", "medium", 0, 98.97, 18.80),
                         ("C", "border_crossing", "low", 0, 98.99, 18.80),
                         ("D", "tea_shop", None, 0, 99.01, 18.80)])
    layer = open_layer(created)
    image = render(layer, QgsRectangle(98.94, 18.77, 99.02, 18.83))
    for risk, rgb in SHADES.items():
        assert pixels_near(image, rgb) > 20, risk
    # One class alone gives its own colour and none of the others'.
    layer.setSubsetString("\"risk_class\" = 'medium'")
    image = render(layer, QgsRectangle(98.94, 18.77, 99.02, 18.83))
    assert pixels_near(image, SHADES["medium"]) > 20
    assert pixels_near(image, SHADES["high"]) == pixels_near(image, SHADES["low"]) == 0


def test_a_riskier_place_is_drawn_over_a_less_risky_one_at_the_same_spot(created):
    # Inserted high first, so drawing in table order would leave the low one on top.
    add_places(created, [("high", "factory", "high", 0, 98.95, 18.80),
                         ("low", "factory", "low", 0, 98.95, 18.80)])
    image = render(open_layer(created), QgsRectangle(98.94, 18.79, 98.96, 18.81))
    assert pixels_near(image, SHADES["high"]) > 20 and pixels_near(image, SHADES["low"]) == 0


def test_an_approximate_location_is_drawn_faint_with_a_dashed_outline(created):
    add_places(created, [("exact", "massage_spa", "high", 0, 98.95, 18.80),
                         ("approximate", "massage_spa", "high", 1, 98.99, 18.80)])
    layer = open_layer(created)
    layer.setSubsetString("\"name\" = 'exact'")
    exact = render(layer, QgsRectangle(98.94, 18.77, 98.96, 18.83))
    layer.setSubsetString("\"name\" = 'approximate'")
    approximate = render(layer, QgsRectangle(98.98, 18.77, 99.00, 18.83))
    assert pixels_near(exact, SHADES["high"]) > 20
    assert pixels_near(approximate, SHADES["high"]) == 0     # no solid red fill
    assert pixels_near(approximate, (255, 255, 255), 0) < pixels_near(exact, (255, 255, 255), 0)
    for category in layer.renderer().categories():   # every kind: the outline dashes too
        defined = category.symbol().symbolLayer(0).dataDefinedProperties()
        assert "location_approximate" in defined.property(QgsSymbolLayer.PropertyStrokeStyle).asExpression()


def test_the_density_style_is_stored_beside_the_default_and_loads_as_a_heatmap(created):
    add_places(created, [(f"P{i}", "karaoke", "high", 0, 98.95 + i * 0.002, 18.80) for i in range(5)]
               + [("L", "factory", "low", 0, 99.05, 18.80)])
    layer = open_layer(created)
    count, ids, names, descriptions, error = layer.listStylesInDatabase()
    # QGIS lists the layer's own styles first (count of them), then the other tables'.
    assert error == "" and set(names[:count]) == {DENSITY, "establishment"}
    assert "ความหนาแน่น" in descriptions[names.index(DENSITY)]
    qml, error = layer.getStyleFromDatabase(ids[names.index(DENSITY)])
    assert error == ""
    document = QDomDocument()
    document.setContent(qml)
    ok, message = layer.importNamedStyle(document)
    assert ok, message
    assert layer.renderer().type() == "heatmapRenderer"
    assert "risk_class" in layer.renderer().weightExpression()
    image = render(layer, QgsRectangle(98.90, 18.75, 99.10, 18.85))
    hot = [image.pixelColor(x, 100) for x in range(45, 60)]        # over the five high places
    cold = image.pixelColor(150, 100)                              # the low-risk factory
    assert any(c.red() > 150 and c.green() < 200 and c.blue() < 100 for c in hot)
    assert (cold.red(), cold.green(), cold.blue()) == (255, 255, 255)   # weight 0: no heat


def test_an_upgrade_keeps_a_users_density_style_and_default(created):
    assert styles.save_default_styles(created, styles.SIN_SPACE_LAYERS) == []
    with database.connect(created) as conn:
        rows = conn.execute("SELECT styleName, useAsDefault FROM layer_styles"
                            " WHERE f_table_name = 'establishment' ORDER BY 1").fetchall()
    assert sorted(rows) == sorted([("establishment", 1), (DENSITY, 0)])   # nothing added twice
