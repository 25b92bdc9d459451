"""The risk map of a data year: sub-districts red / yellow / green, high-risk villages marked.

The test writes risk_subdistrict and risk_village rows by SQL into a copy of the sample province
(3 districts of 4 square sub-districts), then reads the colours back from the PNG at the places
the layout drew them, found through the QGIS project written beside it."""
import pytest
from conftest import copy_database
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsLayoutItemLabel,
                       QgsPointXY, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtGui import QColor, QImage

from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.outputs.layout_kit import render_risk_map

pytestmark = pytest.mark.slow   # QGIS rendering and layouts: not in the quick lane

DPI = 100
YEAR = 2024
# The styles' colours (styles/risk_*.qml).
COLOURS = {"high": (204, 51, 17), "medium": (240, 228, 66), "low": (0, 158, 115),
           None: (189, 189, 189)}


@pytest.fixture(scope="module")
def risk_database(imported_sample, tmp_path_factory):
    """Classes by district: the first high, the second medium, the third low but for one
    sub-district scored with no class and one with no row at all. A B.E. 2566 (C.E. 2023) year
    with every sub-district high must not show on the 2024 map. One village of the medium
    district is high."""
    db = copy_database(imported_sample[2], tmp_path_factory.mktemp("risk_map"))
    with database.connect(db) as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM subdistrict ORDER BY code")]
        districts = sorted({c[:4] for c in codes})
        classes = {}
        for code in codes:
            classes[code] = ("high", "medium", "low")[districts.index(code[:4])]
        third = [c for c in codes if c[:4] == districts[2]]
        classes[third[0]] = None            # counted, not scored
        del classes[third[1]]               # no row for this year
        insert = ("INSERT INTO risk_subdistrict (geom, code, name_th, data_year, persons_scored,"
                  " persons_high, risk_class) SELECT geom, code, name_th, ?, 10, ?, ? FROM subdistrict"
                  " WHERE code = ?")
        for code in codes:
            conn.execute(insert, (2023, 10, "high", code))
        for code, risk_class in classes.items():
            conn.execute(insert, (YEAR, 8 if risk_class == "high" else 1, risk_class, code))
        village = conn.execute("SELECT code FROM village WHERE subdistrict_code = ? ORDER BY code",
                               (codes[4 * 1 + 1],)).fetchone()[0]   # a medium sub-district's
        conn.execute("INSERT INTO risk_village (geom, code, name_th, data_year, risk_class)"
                     " SELECT geom, code, name_th, ?, CASE code WHEN ? THEN 'high' ELSE 'low' END"
                     " FROM village", (YEAR, village))
        conn.commit()
    return db, classes, village


def render(db, tmp_path, year=YEAR):
    png, qgz = tmp_path / f"risk_{year}.png", tmp_path / f"risk_{year}.qgz"
    assert render_risk_map(db, year, png, "Test attribution.", dpi=DPI, project_path=qgz) == png
    image = QImage(str(png))
    assert not image.isNull()
    project = QgsProject()
    assert project.read(str(qgz))
    layout = project.layoutManager().layouts()[0]
    main = layout.itemById("main")
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), main.crs(), project)
    extent, frame = main.extent(), main.sceneBoundingRect()

    def pixel(lon, lat):
        """Where a point of EPSG:4326 lies in the PNG (layout units are millimetres)."""
        p = to_map.transform(QgsPointXY(lon, lat))
        x = frame.left() + (p.x() - extent.xMinimum()) / extent.width() * frame.width()
        y = frame.top() + (extent.yMaximum() - p.y()) / extent.height() * frame.height()
        return round(x * DPI / 25.4), round(y * DPI / 25.4)

    return image, pixel, project   # the project owns the layout


def colour_at(image, x, y):
    c = QColor(image.pixel(x, y))
    return c.red(), c.green(), c.blue()


def near(rgb, target, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, target))


def class_of(rgb):
    return next((k for k, target in COLOURS.items() if near(rgb, target)), "other")


def test_subdistricts_take_the_colour_of_their_class_in_that_year(risk_database, tmp_path):
    db, classes, _ = risk_database
    image, pixel, _ = render(db, tmp_path)
    subdistricts = QgsVectorLayer(f"{db}|layername=subdistrict", "s", "ogr")
    for feature in subdistricts.getFeatures():
        box = feature.geometry().boundingBox()
        # A fifth in from the south-west corner: clear of the centred labels.
        x, y = pixel(box.xMinimum() + box.width() / 5, box.yMinimum() + box.height() / 5)
        expected = classes.get(feature["code"])   # no row this year: not scored, grey
        assert class_of(colour_at(image, x, y)) == expected, (feature["code"], expected)


def test_high_risk_villages_are_marked_and_others_are_not(risk_database, tmp_path):
    db, classes, village = risk_database
    image, pixel, _ = render(db, tmp_path)
    villages = {f["code"]: pixel(f.geometry().asPoint().x(), f.geometry().asPoint().y())
                for f in QgsVectorLayer(f"{db}|layername=village", "v", "ogr").getFeatures()}
    marked = villages.pop(village)

    def red_around(x, y, radius=3):
        return sum(class_of(colour_at(image, x + dx, y + dy)) == "high"
                   for dx in range(-radius, radius + 1) for dy in range(-radius, radius + 1))

    assert red_around(*marked) > 20   # in a yellow sub-district, a red marker of 3 mm
    for code, (x, y) in villages.items():
        far = abs(x - marked[0]) + abs(y - marked[1]) > 20
        if far and classes.get(code[:6]) != "high":
            assert red_around(x, y) == 0, code


def test_legend_and_inset_show_every_class(risk_database, tmp_path):
    db, _, _ = risk_database
    image, _, _ = render(db, tmp_path)
    right = {}
    left = round(196 * DPI / 25.4)   # the right-hand column: inset, legend, summary
    for x in range(left, image.width(), 2):
        for y in range(0, image.height(), 2):
            kind = class_of(colour_at(image, x, y))
            right[kind] = right.get(kind, 0) + 1
    for kind in COLOURS:
        assert right.get(kind, 0) > 20, (kind, right)


def test_a_year_without_rows_is_all_not_scored(risk_database, tmp_path):
    db, classes, _ = risk_database
    empty, pixel, project = render(db, tmp_path, 2020)
    texts = [i.text() for i in project.layoutManager().layouts()[0].items()
             if isinstance(i, QgsLayoutItemLabel)]
    assert any("High-risk sub-districts: 0 of 0 scored; high-risk villages: 0" in t for t in texts)
    assert any("No persons at high risk this year" in t for t in texts)
    same, _, _ = render(db, tmp_path, YEAR)
    subdistricts = QgsVectorLayer(f"{db}|layername=subdistrict", "s", "ogr")
    for feature in subdistricts.getFeatures():
        box = feature.geometry().boundingBox()
        x, y = pixel(box.xMinimum() + box.width() / 5, box.yMinimum() + box.height() / 5)
        assert class_of(colour_at(empty, x, y)) is None
        assert class_of(colour_at(same, x, y)) == classes.get(feature["code"])


def test_title_gives_both_eras_and_the_summary_counts_the_year(risk_database, tmp_path):
    db, classes, _ = risk_database
    _, _, project = render(db, tmp_path)
    layout = project.layoutManager().layouts()[0]
    texts = "\n".join(item.text() for item in layout.items() if isinstance(item, QgsLayoutItemLabel))
    assert "ปี พ.ศ. 2567 (ค.ศ. 2024)" in texts and "2024 (B.E. 2567)" in texts
    high = sum(c == "high" for c in classes.values())
    scored = sum(c is not None for c in classes.values())
    assert f"High-risk sub-districts: {high} of {scored} scored; high-risk villages: 1" in texts
    # The inset shows the district with the most persons at high risk: the first, all high.
    inset = layout.itemById("inset")
    assert "The district with the most persons at high risk" in texts
    assert inset.extent().width() < layout.itemById("main").extent().width() / 2
