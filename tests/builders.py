"""Hand-built data several test modules share: small provinces, villages, places on the NAIP image.

Fixtures live in conftest.py; these are plain functions, imported as ``from builders import ...``.
"""
import contextlib
import json
import struct
import subprocess

import pytest
from conftest import SHARED, province_units
from trafficking_db.trafficking_plugin.core import create_database, database, gpkg
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.sample.network import point_blob

V1, V2 = "50010101", "50020101"     # the villages of village_province


def write_villages(subdistricts, path):
    """Two villages per sub-district, at its square's corner (as a sample's villages.geojson)."""
    features = []
    for s in subdistricts:
        x, y = s.polygons[0][0][0]
        for moo in (1, 2):
            features.append({"type": "Feature", "geometry": {"type": "Point",
                                                             "coordinates": [x + 0.01 * moo, y + 0.01]},
                             "properties": {"village_code": f"{s.code}{moo:02d}", "subdistrict_code": s.code,
                                            "village_name_th": f"บ้านทดสอบ {moo}", "moo": moo}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return [f["properties"]["village_code"] for f in features]


def village_province(path):
    """A province database of the built-in synthetic sub-districts and two villages."""
    create_database.create_or_upgrade(path, "50", province_units(synthetic_province.synthetic_province()))
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("BEGIN")
        for code, x, y in ((V1, 98.82, 18.62), (V2, 98.92, 18.62)):
            conn.execute("INSERT INTO village (geom, code, name_th, moo, subdistrict_code, "
                         "district_code, province_code) VALUES (?, ?, ?, 1, ?, ?, '50')",
                         (point_blob(x, y), code, f"บ้าน{code}", code[:6], code[:4]))
        conn.execute("COMMIT")
    return path


# The NAIP image in ../shared: places at known pixels (EPSG:26914, 5 m, origin 485899 E, 5209246 N).
NAIP = SHARED / "data" / "imagery" / "naip_m_4709963_se_14_1_20200831.tif"
needs_naip = pytest.mark.skipif(not NAIP.exists(), reason="../shared/data/imagery is not beside the checkout")
ORIGIN, PIXEL = (485899.0, 5209246.0), 5.0
# name, type, risk class, reasons, (column, row) of the pixel corner the place stands on
PLACES = (
    ("คาราโอเกะริมทาง", "karaoke", "high", "เด็กอายุต่ำกว่า 18 ปีทำงาน; minors observed", (467, 361)),
    ("ร้านนวดสปา", "massage_spa", "medium", "ไม่มีใบอนุญาต; unlicensed", (200, 200)),
    ("ท่าเรือประมง", "fishing_port", "low", "", (800, 600)),
    ("โรงแรมชายขอบ", "guesthouse", "high", "near the imagery's left edge", (10, 361)),
)
OUTSIDE = ("ด่านแม่สาย", "border_crossing", "high", "Mae Sai, Chiang Rai: not on this image",
           (99.8790, 20.4270))


def utm_of(column, row):
    return ORIGIN[0] + column * PIXEL, ORIGIN[1] - row * PIXEL


def lonlat_of(column, row):
    from rasterio.warp import transform
    (lon,), (lat,) = transform("EPSG:26914", "EPSG:4326", *[[v] for v in utm_of(column, row)])
    return lon, lat


def imagery_province(path):
    """A province database holding the NAIP places and one in Thailand, outside the image."""
    create_database.create_or_upgrade(path, "50", {})
    rows = [(name, kind, cls, why, lonlat_of(*pixel)) for name, kind, cls, why, pixel in PLACES]
    rows.append(OUTSIDE)
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("BEGIN")
        for i, (name, kind, cls, why, (lon, lat)) in enumerate(rows):
            blob = gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, lon, lat), (lon, lat, lon, lat))
            conn.execute("INSERT INTO establishment (geom, name, type, risk_class, risk_score, "
                         "risk_reasons, survey_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (blob, name, kind, cls, 9.5 - i, why, f"2024-0{i + 1}-15"))
        conn.execute("COMMIT")
    return path


def geopackage_problems(path):
    """What GDAL's GeoPackage validator (validate_gpkg.py, Debian's python3-gdal) says of a file:
    [] when it is valid."""
    done = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", "-k",
                           str(path)], capture_output=True, text=True, check=False)
    if "No module named" in done.stderr:
        pytest.skip("GDAL's Python utilities (python3-gdal) are not installed")
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()] + \
        ([f"exit {done.returncode}"] if done.returncode else [])
