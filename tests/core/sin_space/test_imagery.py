"""Imagery chips (core.imagery) on the real NAIP image: size, CRS, COG layout, values, edges,
band order, and a 2 GB virtual raster read only where the places are.

The places sit at known pixels of the NAIP image (EPSG:26914, 5 m, origin 485899 E, 5209246 N):
at pixel corners, so a chip's grid (local UTM 14N, WGS 84) falls on the source's grid.
"""
import contextlib
import re
import resource
from pathlib import Path

import numpy as np
import pytest
from builders import geopackage_problems as validator_problems
from builders import NAIP, ORIGIN, OUTSIDE, PIXEL, PLACES, lonlat_of, needs_naip, utm_of
from builders import imagery_province as make_province

from trafficking_db.trafficking_plugin.core.sin_space import imagery, imagery_footprints
from trafficking_db.trafficking_plugin.core.sin_space.imagery_establishments import places_from_database

pytestmark = needs_naip


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_province(tmp_path_factory.mktemp("imagery") / "province.gpkg")


@pytest.fixture(scope="module")
def chipped(province, tmp_path_factory):
    folder = tmp_path_factory.mktemp("chips")
    result = imagery.extract_chips(NAIP, places_from_database(province), folder, 250, (1, 2, 3),
                                   resampling="nearest")
    return folder, result


def by_name(result, name):
    return next(r for r in result["rows"] if r["place"].attributes["name"] == name)


def test_places_come_from_the_database_with_their_attributes(province):
    places = places_from_database(province)
    assert [p.attributes["name"] for p in places] == [p[0] for p in PLACES] + [OUTSIDE[0]]
    assert places[0].attributes["risk_reasons"].startswith("เด็ก")
    assert places[0].lon == pytest.approx(lonlat_of(467, 361)[0])
    assert [p.attributes["name"] for p in places_from_database(province, "medium")] == ["ร้านนวดสปา"]


def test_chip_size_crs_and_cog_layout(chipped):
    import rasterio
    _, result = chipped
    row = by_name(result, "คาราโอเกะริมทาง")
    assert row["status"] == "ok" and row["coverage"] == 1.0
    with rasterio.open(row["chip_path"]) as chip:
        assert (chip.width, chip.height) == (100, 100)          # 2 x 250 m at 5 m a pixel
        assert chip.crs.to_epsg() == 32614                      # WGS 84 / UTM 14N: -99.15 E
        assert chip.res == pytest.approx((5.0, 5.0))
        assert chip.tags(ns="IMAGE_STRUCTURE")["LAYOUT"] == "COG"
        assert chip.profile["tiled"] and chip.compression.name == "deflate"
        assert all(chip.overviews(b) for b in chip.indexes)
        assert chip.count == 4 and chip.nodata == 0              # NAIP's nodata kept


def test_chip_holds_the_source_pixels_around_the_place(chipped):
    import rasterio
    from rasterio.windows import Window
    _, result = chipped
    row = by_name(result, "คาราโอเกะริมทาง")
    with rasterio.open(NAIP) as src, rasterio.open(row["chip_path"]) as chip:
        source = src.read(window=Window(467 - 50, 361 - 50, 100, 100))
        assert np.array_equal(chip.read(), source)      # nearest, grids aligned: the same pixels


def test_bilinear_matches_the_source_at_the_centre(province, tmp_path):
    import rasterio
    place = places_from_database(province, "medium")
    row = imagery.extract_chips(NAIP, place, tmp_path, 100, (1, 2, 3))["rows"][0]
    with rasterio.open(NAIP) as src, rasterio.open(row["chip_path"]) as chip:
        x, y = utm_of(200.5, 200.5)
        assert (chip.width, chip.height) == (40, 40)
        expected = next(src.sample([(x, y)]))
        got = next(chip.sample([(x, y)]))
        assert np.abs(got.astype(int) - expected.astype(int)).max() <= 2


def test_outside_and_partial_places_are_reported_not_skipped(chipped):
    import rasterio
    folder, result = chipped
    assert len(result["rows"]) == len(PLACES) + 1
    outside = by_name(result, OUTSIDE[0])
    assert outside["status"] == "outside" and "outside" in outside["reason"]
    assert outside["chip_path"] is None and not list(folder.glob(f"place_{outside['place'].fid}.*"))
    edge = by_name(result, "โรงแรมชายขอบ")
    assert edge["status"] == "partial" and edge["coverage"] == pytest.approx(0.6, abs=0.01)
    with rasterio.open(edge["chip_path"]) as chip:
        assert (chip.read(1)[:, :40] == 0).all() and (chip.dataset_mask()[:, 40:] == 255).all()


def test_footprints_and_report(chipped):
    import sqlite3
    folder, result = chipped
    path = imagery_footprints.write_footprints(result, folder / imagery_footprints.FOOTPRINTS_NAME)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        report = dict(conn.execute("SELECT name, status FROM chip_report"))
        assert report == {"คาราโอเกะริมทาง": "ok", "ร้านนวดสปา": "ok", "ท่าเรือประมง": "ok",
                          "โรงแรมชายขอบ": "partial", "ด่านแม่สาย": "outside"}
        chips = conn.execute("SELECT chip_path, chip_epsg, width, risk_class FROM chip_footprint "
                             "ORDER BY place_fid").fetchall()
    assert len(chips) == 4 and all(Path(c[0]).exists() and c[1] == 32614 and c[2] == 100 for c in chips)
    assert chips[0][3] == "high"
    assert validator_problems(path) == []


def test_band_order_goes_into_the_style(province, tmp_path, qgis_app):
    import rasterio
    from qgis.core import QgsRasterLayer
    place = places_from_database(province, "low")
    row = imagery.extract_chips(NAIP, place, tmp_path, 250, (4, 1, 2))["rows"][0]
    qml = Path(row["chip_path"]).with_suffix(".qml").read_text(encoding="utf-8")
    assert 'redBand="4" greenBand="1" blueBand="2"' in re.sub(r"\s+", " ", qml).replace(
        'opacity="1" ', "").replace('alphaBand="-1" ', "")
    with rasterio.open(row["chip_path"]) as chip:
        low, high = np.percentile(chip.read(4), (2, 98))
    layer = QgsRasterLayer(row["chip_path"], "chip", "gdal")   # QGIS applies place_<fid>.qml
    renderer = layer.renderer()
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (4, 1, 2)
    stretch = renderer.redContrastEnhancement()
    assert (stretch.minimumValue(), stretch.maximumValue()) == pytest.approx((low, high), abs=0.5)


def test_bad_band_order_and_missing_crs_are_clear_errors(province, tmp_path):
    places = places_from_database(province)
    with pytest.raises(imagery.ImageryError, match="has 4 band"):
        imagery.extract_chips(NAIP, places, tmp_path, 250, (1, 2, 5))
    with pytest.raises(imagery.ImageryError, match="three band"):
        imagery.parse_bands("1,2")
    with pytest.raises(imagery.ImageryError, match="cannot be read"):
        imagery.extract_chips(tmp_path / "missing.tif", places, tmp_path, 250)


def test_cancel_stops_between_places(province, tmp_path):
    from conftest import CancelAfter

    from trafficking_db.trafficking_plugin.core.feedback import Canceled
    with pytest.raises(Canceled):
        imagery.extract_chips(NAIP, places_from_database(province), tmp_path, 250,
                              feedback=CancelAfter(1))
    assert len(list(tmp_path.glob("*.tif"))) == 1


# --- a 2 GB virtual raster over repeated NAIP tiles -------------------------------------------
TILES = (30, 28)   # columns, rows of NAIP tiles: 28,020 x 20,244 px x 4 bands = 2.27 GB


def write_big_vrt(path, tiles=TILES, nodata=False):
    """A VRT of tiles[0] x tiles[1] copies of the NAIP image side by side (every tile a
    SimpleSource on the same file), georeferenced from NAIP's origin. Without nodata, so the
    chips get an alpha band."""
    width, height = 934, 723
    sources = {b: [] for b in range(1, 5)}
    for r in range(tiles[1]):
        for c in range(tiles[0]):
            for b in sources:
                sources[b].append(
                    f'<SimpleSource><SourceFilename relativeToVRT="0">{NAIP}</SourceFilename>'
                    f'<SourceBand>{b}</SourceBand><SrcRect xOff="0" yOff="0" xSize="{width}" '
                    f'ySize="{height}"/><DstRect xOff="{c * width}" yOff="{r * height}" '
                    f'xSize="{width}" ySize="{height}"/></SimpleSource>')
    bands = "".join(f'<VRTRasterBand dataType="Byte" band="{b}">'
                    + ("<NoDataValue>0</NoDataValue>" if nodata else "")
                    + "".join(s) + "</VRTRasterBand>" for b, s in sources.items())
    path.write_text(
        f'<VRTDataset rasterXSize="{tiles[0] * width}" rasterYSize="{tiles[1] * height}">'
        f"<SRS>EPSG:26914</SRS><GeoTransform>{ORIGIN[0]}, {PIXEL}, 0, {ORIGIN[1]}, 0, {-PIXEL}"
        f"</GeoTransform>{bands}</VRTDataset>", encoding="utf-8")
    return path, tiles[0] * width * tiles[1] * height * 4


@pytest.mark.slow
def test_a_2gb_virtual_raster_is_read_only_around_the_places(tmp_path, chipped):
    import rasterio
    vrt, size = write_big_vrt(tmp_path / "big.vrt")
    assert size > 2 * 1024 ** 3
    # The karaoke's pixel, in the tile 20 columns east and 25 rows south; and the VRT's far corner.
    far = imagery.Place(1, *lonlat_of(467 + 20 * 934, 361 + 25 * 723), {"name": "far tile"})
    corner = imagery.Place(2, *lonlat_of(30 * 934 - 10, 28 * 723 - 10), {"name": "corner"})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = imagery.extract_chips(vrt, [far, corner], tmp_path / "chips", 250, resampling="nearest")
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    assert grown < size / 10          # the whole VRT would need 2.27 GB
    tile_row, corner_row = result["rows"]
    assert corner_row["status"] == "partial" and corner_row["coverage"] == pytest.approx(0.36, abs=0.01)
    reference = by_name(chipped[1], "คาราโอเกะริมทาง")["chip_path"]
    with rasterio.open(tile_row["chip_path"]) as chip, rasterio.open(reference) as same:
        assert chip.count == 5 and tile_row["alpha_band"] == 5     # no nodata: an alpha band
        assert (chip.read(5) == 255).all()
        assert np.array_equal(chip.read(indexes=[1, 2, 3, 4]), same.read())
    with rasterio.open(corner_row["chip_path"]) as chip:
        assert (chip.read(5)[60:, :] == 0).all() and (chip.read(5)[:60, :60] == 255).all()
