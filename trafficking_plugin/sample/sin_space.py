"""The sample's sin-space survey: establishments clustered in towns, along the main roads between
district seats and at the province's border crossings, in mixed coordinate formats, with counted
faults and a truth file. docs/sample_data.md describes the files.

Places are synthetic: no row describes a real business. Border crossings lie on the province's
real international border (``SyntheticProvince.border``, from the sub-district polygons): the
official crossings where we know them (Chiang Mai's Lak Taeng and Kiu Pha Wok, Chiang Rai's Mae
Sai, Chiang Khong and Chiang Saen, Tak's Mae Sot), each moved onto the border line, else points
every ``SPREAD_KM`` along it; a province without an international border has none.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..core.database import PathLike
from ..core.sin_space.coordinates import lonlat_to_utm
from ..core.thai_calendar import BE_OFFSET
from .common import Stage
from .files import write_csv
from .border import distance_km, nearest_point, points_along
from .population import TOWN, SyntheticProvince, points_in_polygon

PLACES_AT_SCALE_1 = 500        # surveyed places in a province of Chiang Mai's size
MIN_PLACES = 40                # so a small sample still has every location kind and fault
FAULT_RATES = {"bad_coordinate": 0.01, "out_of_province": 0.01, "unknown_type": 0.01,
               "bad_date": 0.01}
# Approximate points of the official border crossings of the north (WGS 84), by province code;
# each is moved to the nearest point of the real border. Chiang Mai: the Lak Taeng checkpoint
# (Piang Luang, Wiang Haeng) and Kiu Pha Wok (Mueang Na, Chiang Dao; closed since 2002), as the
# Shan Herald Agency for News reported in 2015 (docs/sample_data.md).
CROSSINGS = {
    "50": [("ช่องทางหลักแต่ง", 98.640, 19.740), ("ช่องทางกิ่วผาวอก", 98.860, 19.790)],
    "57": [("ด่านพรมแดนแม่สาย", 99.879, 20.429), ("ด่านพรมแดนเชียงของ", 100.405, 20.264),
           ("ท่าเรือเชียงแสน", 100.083, 20.275)],
    "63": [("ด่านพรมแดนแม่สอด", 98.556, 16.717)],
}
COLUMNS = ["survey_id", "name", "type", "licence_status", "workers", "minors_observed",
           "foreign_workers", "complaints", "inspections", "rescues", "case_refs", "survey_date",
           "latitude", "longitude", "coordinates", "utm_easting", "utm_northing", "utm_zone",
           "village_code", "owner_recruits_via_broker", "owner_holds_documents",
           "owner_wage_advances", "owner_workers_live_on_site", "owner_workers_wanted",
           "customer_kind", "customer_visits_per_week", "customer_asked_for_young"]
TRUTH_COLUMNS = ["row_number", "survey_id", "setting", "type", "lon", "lat", "coordinate_format",
                 "fault", "outcome"]
# Kinds of place by setting, with their shares (town, road, border, rural).
SETTING_TYPES = {
    "town": {"karaoke": 0.24, "massage_spa": 0.2, "guesthouse_hotel": 0.18, "brothel_front": 0.05,
             "domestic_work_agency": 0.06, "bus_terminal": 0.03, "construction_camp": 0.12,
             "factory": 0.12},
    "road": {"karaoke": 0.2, "guesthouse_hotel": 0.15, "massage_spa": 0.1, "construction_camp": 0.2,
             "factory": 0.2, "plantation": 0.15},
    "border": {"karaoke": 0.3, "massage_spa": 0.2, "guesthouse_hotel": 0.2, "brothel_front": 0.1,
               "bus_terminal": 0.1, "domestic_work_agency": 0.1},
    "rural": {"plantation": 0.55, "construction_camp": 0.2, "factory": 0.15, "karaoke": 0.1},
}
NAME_HEADS = {"karaoke": "คาราโอเกะ", "massage_spa": "นวดแผนไทย", "guesthouse_hotel": "เกสต์เฮาส์",
              "brothel_front": "ร้านอาหาร", "domestic_work_agency": "จัดหางาน",
              "bus_terminal": "สถานีขนส่ง", "construction_camp": "แคมป์ก่อสร้าง",
              "factory": "โรงงาน", "plantation": "สวน", "border_crossing": "ด่าน"}
NAME_TAILS = ["ดาวเหนือ", "ฟ้าใส", "ริมปิง", "สายลม", "บ้านสวน", "ดอกแก้ว", "เวียงพิงค์", "ชมดอย",
              "น้ำใส", "จันทร์เพ็ญ", "รุ่งอรุณ", "ทองคำ", "สองแคว", "ลานนา", "ใบหยก", "มิตรภาพ"]
UNKNOWN_TYPES = ["pub", "ร้านเหล้า", "tea house", "karaoke bar"]
LICENCE_WORDS = [("licensed", "มีใบอนุญาต"), ("unlicensed", "ไม่มีใบอนุญาต"), ("expired", "หมดอายุ"),
                 ("unknown", "")]
FORMATS = ("dd", "dms", "utm", "village")
FORMAT_SHARE = [0.4, 0.25, 0.2, 0.15]
_KM_DEG = 1 / 111.32           # degrees of latitude per km
SPREAD_KM = 60.0               # spacing of crossing points along a border with no known crossing
SNAP_KM = 15.0                 # a known crossing further than this from the border is not used


def write_sin_space(rng: np.random.Generator, province: SyntheticProvince, out_dir: PathLike, stage: Stage,
                    scale: float) -> dict[str, Any]:
    """sin_space/establishments.csv and truth/establishments.csv; returns the manifest entry."""
    villages, polygons = province.villages, [p for s in province.subdistricts for p in s.polygons]
    n = max(MIN_PLACES, round(PLACES_AT_SCALE_1 * scale))
    settings, anchors, lon, lat, types = _places(rng, province, polygons, n)
    n = len(types)
    fmt = rng.choice(len(FORMATS), size=n, p=FORMAT_SHARE)
    fmt[types == "border_crossing"] = 0       # crossings are surveyed points
    faults = np.full(n, "", dtype=object)
    order = rng.permutation(np.flatnonzero(types != "border_crossing"))
    at = 0
    for kind, rate in FAULT_RATES.items():
        count = max(1, round(rate * n))
        faults[order[at:at + count]] = kind
        at += count
    rows = [_row(rng, i, types[i], settings[i], FORMATS[fmt[i]], faults[i], lon[i], lat[i],
                 villages.code[anchors[i]], villages.lon[anchors[i]], villages.lat[anchors[i]],
                 province, polygons) for i in range(n)]
    out = np.array([r[0] for r in rows], dtype=object)
    truth = [r[1] for r in rows]
    path = "sin_space/establishments.csv"
    written = write_csv(os.path.join(out_dir, path), COLUMNS, n,
                        lambda r: [out[r, c] for c in range(len(COLUMNS))], None, stage.part(0, 0.8))
    table = np.array(truth, dtype=object)
    truth_path = "truth/establishments.csv"
    write_csv(os.path.join(out_dir, truth_path), TRUTH_COLUMNS, n,
              lambda r: [table[r, c] for c in range(len(TRUTH_COLUMNS))], None, stage.part(0.8, 1))
    counts = {k: int((faults == k).sum()) for k in FAULT_RATES}
    rejected = counts["bad_coordinate"] + counts["out_of_province"] + counts["bad_date"]
    return {"path": path, "source": "sin_space", "format": "csv", "encoding": "utf-8",
            "rows": written, "columns": COLUMNS, "faults": counts, "truth": truth_path,
            "expected": {"rows_accepted": written - rejected, "rows_rejected": rejected,
                         "unknown_types": counts["unknown_type"],
                         "approximate": int(sum(1 for t in truth if t[6] == "village"
                                                and t[8] == "accepted"))}}


def _places(rng, province, polygons, n):
    """Setting, anchor village, true point and type of every place."""
    villages = province.villages
    crossings = border_crossings(province.province_code, province.border, polygons)
    settings, anchors, points, types = [], [], [], []

    def nearest_village(lon, lat):
        return int(np.argmin((villages.lon - lon) ** 2 + (villages.lat - lat) ** 2))

    for lon, lat in crossings:              # the crossing itself, and places around it
        settings.append("border")
        anchors.append(nearest_village(lon, lat))
        points.append((lon, lat))
        types.append("border_crossing")
    n_border = min(len(crossings) * 6, n // 5)
    n_road = round(0.25 * (n - len(crossings) - n_border))
    n_town = round(0.55 * (n - len(crossings) - n_border))
    n_rural = n - len(crossings) - n_border - n_road - n_town
    towns = np.flatnonzero(villages.kind == TOWN)
    towns = towns if towns.size else np.arange(villages.code.size)
    rural = np.flatnonzero(villages.kind != TOWN)
    rural = rural if rural.size else np.arange(villages.code.size)
    seats = _district_seats(villages, province)
    roads = _roads(villages, seats)
    for setting, count in (("border", n_border), ("town", n_town), ("road", n_road),
                           ("rural", n_rural)):
        kinds = list(SETTING_TYPES[setting])
        share = np.array(list(SETTING_TYPES[setting].values()))
        for _ in range(count):
            if setting == "border":
                centre, spread = crossings[rng.integers(len(crossings))], 1.5
            elif setting == "town":
                v = towns[rng.integers(towns.size)]
                centre, spread = (villages.lon[v], villages.lat[v]), 0.8
            elif setting == "road" and roads:
                a, b = roads[rng.integers(len(roads))]
                t = rng.random()
                centre, spread = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])), 0.3
            else:
                v = rural[rng.integers(rural.size)]
                centre, spread = (villages.lon[v], villages.lat[v]), 1.0
            point = _inside_near(rng, centre, spread, polygons)
            if point is None:             # the centre itself is off the map: use a village
                v = rural[rng.integers(rural.size)]
                point = (float(villages.lon[v]), float(villages.lat[v]))
            settings.append(setting)
            points.append(point)
            anchors.append(nearest_village(*point))
            types.append(kinds[rng.choice(len(kinds), p=share / share.sum())])
    points = np.array(points)
    return (np.array(settings, dtype=object), np.array(anchors), points[:, 0], points[:, 1],
            np.array(types, dtype=object))


def _inside(lon, lat, polygons):
    return bool(points_in_polygon(np.array([lon]), np.array([lat]), polygons)[0])


def _inside_near(rng, centre, spread_km, polygons, tries=50):
    """A point about ``spread_km`` around ``centre`` inside the province, or None."""
    for attempt in range(tries):
        scale = spread_km * _KM_DEG * (1 - attempt / tries)
        lon = centre[0] + rng.normal(0, scale) / np.cos(np.radians(centre[1]))
        lat = centre[1] + rng.normal(0, scale)
        if _inside(lon, lat, polygons):
            return float(lon), float(lat)
    return None


def border_crossings(province_code: str, border: list, polygons: list) -> list[tuple[float, float]]:
    """Points of the province's border crossings on ``border`` (lines of (lon, lat)): the known
    crossings of ``province_code`` moved to the nearest point of the border (those within
    ``SNAP_KM``), else points every ``SPREAD_KM`` along it; each then moved inward in 200 m
    steps until it lies inside ``polygons`` (at most 2 km). None without a border."""
    if not border:
        return []
    points = []
    for _name, lon, lat in CROSSINGS.get(province_code, []):
        on_line = nearest_point(lon, lat, border)
        if on_line is not None and distance_km(np.array([lon]), np.array([lat]), border)[0] <= SNAP_KM:
            points.append(on_line)
    if not points:
        points = points_along(border, SPREAD_KM)
    found = []
    for point in points:
        inside = _inward(point, polygons)
        if inside is not None and inside not in found:
            found.append(inside)
    return found


def _inward(point, polygons, max_km=2.0):
    """The nearest of points around ``point`` (rings of 16 directions, 50 m, 100 m, then every
    200 m up to ``max_km``) that lies inside ``polygons``, or None."""
    angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
    for km in [0.05, 0.1] + np.arange(0.2, max_km + 1e-9, 0.2).tolist():
        lon = point[0] + np.cos(angles) * km * _KM_DEG / np.cos(np.radians(point[1]))
        lat = point[1] + np.sin(angles) * km * _KM_DEG
        inside = points_in_polygon(lon, lat, polygons)
        if inside.any():
            i = int(np.flatnonzero(inside)[0])
            return float(round(lon[i], 6)), float(round(lat[i], 6))
    return None


def _district_seats(villages, province):
    """One village per district: the town village nearest the centre of the district's villages
    (any village where the district has no town)."""
    districts = np.array([province.subdistricts[s].district_code for s in villages.subdistrict])
    seats = []
    for code in sorted(set(districts.tolist())):
        members = np.flatnonzero(districts == code)
        towns = members[villages.kind[members] == TOWN]
        pool = towns if towns.size else members
        cx, cy = villages.lon[members].mean(), villages.lat[members].mean()
        seats.append(int(pool[np.argmin((villages.lon[pool] - cx) ** 2 + (villages.lat[pool] - cy) ** 2)]))
    return seats


def _roads(villages, seats):
    """Main roads as straight segments joining the district seats (a minimum spanning tree)."""
    points = [(float(villages.lon[s]), float(villages.lat[s])) for s in seats]
    if len(points) < 2:
        return []
    joined, roads = {0}, []
    while len(joined) < len(points):
        best = min(((a, b) for a in joined for b in range(len(points)) if b not in joined),
                   key=lambda ab: (points[ab[0]][0] - points[ab[1]][0]) ** 2
                   + (points[ab[0]][1] - points[ab[1]][1]) ** 2)
        roads.append((points[best[0]], points[best[1]]))
        joined.add(best[1])
    return roads


def _row(rng, i, place_type, setting, fmt, fault, lon, lat, village_code, village_lon, village_lat,
         province, polygons):
    """(file row, truth row) of one place."""
    r = rng.random(12)
    workers = int(rng.integers(1, 8) if place_type in ("bus_terminal", "border_crossing")
                  else max(1, round(rng.lognormal(2.0 if place_type in ("factory", "construction_camp",
                                                                          "plantation") else 1.5, 0.6))))
    foreign_share = 0.6 if setting == "border" or place_type in ("construction_camp", "factory",
                                                                 "plantation") else 0.2
    foreign = int(rng.binomial(workers, foreign_share * r[0]))
    sex_work = place_type in ("karaoke", "massage_spa", "brothel_front")
    minors = int(rng.integers(1, 4)) if r[1] < (0.08 if sex_work else 0.02) else 0
    complaints = int(rng.poisson(0.6 if sex_work else 0.2))
    inspections = int(rng.poisson(1.0))
    rescues = int(rng.integers(1, 3)) if r[2] < (0.05 if sex_work else 0.01) else 0
    cases = " ".join(str(int(c)) for c in rng.integers(1, 200, size=rng.integers(1, 3))) \
        if rescues and r[3] < 0.6 else ""
    licence, licence_th = LICENCE_WORDS[rng.choice(4, p=[0.62, 0.2, 0.12, 0.06])]
    licence = licence_th if r[4] < 0.15 else licence
    day = np.datetime64(f"{province.data_year}-01-01") + int(rng.integers(0, 365))
    y, m, d = str(day).split("-")
    survey_date = f"{d}/{m}/{int(y) + BE_OFFSET}" if r[5] < 0.5 else str(day)
    if place_type == "border_crossing":
        licence, minors, rescues, cases = "", 0, 0, ""
    owner = ["", "", "", "", ""]
    if r[6] < 0.7 and place_type not in ("border_crossing", "bus_terminal"):
        risky = foreign > workers / 2 or minors > 0
        owner = [_yes(rng, 0.5 if risky else 0.2), _yes(rng, 0.35 if risky else 0.05),
                 _yes(rng, 0.4 if risky else 0.1), _yes(rng, 0.5), str(int(rng.integers(0, 6)))]
    customer = ["", "", ""]
    if r[7] < 0.5 and place_type not in ("border_crossing", "factory", "plantation",
                                          "construction_camp"):
        kinds = ["local", "tourist", "migrant_worker", "truck_driver"]
        customer = [kinds[rng.integers(4)], str(int(rng.integers(5, 150))),
                    _yes(rng, 0.15 if sex_work else 0.02)]
    name = f"{NAME_HEADS[place_type]}{NAME_TAILS[rng.integers(len(NAME_TAILS))]}"
    shown_type = place_type
    if fault == "unknown_type":
        shown_type = UNKNOWN_TYPES[rng.integers(len(UNKNOWN_TYPES))]
    elif r[8] < 0.1:
        shown_type = place_type.replace("_", " ").title()     # 'Massage Spa': still recognised
    if fault == "bad_date":
        survey_date = f"{[31, 30, 31][i % 3]}/{[2, 2, 4][i % 3]:02d}/{province.data_year + BE_OFFSET}"
    where = {"latitude": "", "longitude": "", "coordinates": "", "utm_easting": "",
             "utm_northing": "", "utm_zone": "", "village_code": ""}
    if fmt == "village":
        lon, lat = float(village_lon), float(village_lat)
        where["village_code"] = village_code
    elif fmt == "dd":
        where.update(latitude=f"{lat:.6f}", longitude=f"{lon:.6f}")
    elif fmt == "dms":
        where["coordinates"] = _dms(lat, lon, style=int(rng.integers(3)))
    else:
        easting, northing, zone = lonlat_to_utm(lon, lat)
        where.update(utm_easting=f"{easting:.0f}", utm_northing=f"{northing:.0f}",
                     utm_zone=f"{zone}N" if r[9] < 0.7 else str(zone))
    if fmt != "village" and r[10] < 0.5:
        where["village_code"] = village_code
    if fault in ("bad_coordinate", "out_of_province"):
        where = dict.fromkeys(where, "")
        if fault == "bad_coordinate":
            fmt = "dms"
            where["coordinates"] = _dms(lat, lon, style=0).replace("'", "'7", 1)  # seconds >= 60
        else:
            fmt = "dd"
            top = max(float(np.asarray(ring)[:, 1].max()) for p in polygons for ring in p)
            lat = top + 0.4                               # some 45 km north of the province
            where.update(latitude=f"{lat:.6f}", longitude=f"{lon:.6f}")
    file_row = [f"S{i + 1:04d}", name, shown_type, licence, str(workers), str(minors), str(foreign),
                str(complaints), str(inspections), str(rescues), cases, survey_date,
                where["latitude"], where["longitude"], where["coordinates"], where["utm_easting"],
                where["utm_northing"], where["utm_zone"], where["village_code"], *owner, *customer]
    outcome = "rejected" if fault in ("bad_coordinate", "out_of_province", "bad_date") else "accepted"
    truth = [str(i + 1), f"S{i + 1:04d}", setting, place_type, f"{lon:.6f}", f"{lat:.6f}",
             fmt, fault, outcome]
    return file_row, truth


def _yes(rng, p):
    return "yes" if rng.random() < p else "no"


def _dms(lat, lon, style):
    """18°47'20.5"N 98°59'10.2"E (style 0), N18 47 20.5 E98 59 10.2 (1), or Thai digits (2)."""
    def parts(value):
        total = round(abs(value) * 36000)           # tenths of a second
        return total // 36000, total // 600 % 60, total % 600 / 10
    (ad, am, asec), (od, om, osec) = parts(lat), parts(lon)
    if style == 1:
        return f"N{ad} {am} {asec:.1f} E{od} {om} {osec:.1f}"
    text = f"{ad}°{am}'{asec:.1f}\"N {od}°{om}'{osec:.1f}\"E"
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if style == 2 else text
