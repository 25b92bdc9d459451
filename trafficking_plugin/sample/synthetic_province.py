"""A small synthetic province, for demos and tests when no real boundaries are at hand,
and sub-districts as GeoJSON in the field names of the OCHA/RTSD layer in ../shared."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..core.geography import Subdistrict
from .border import international_border

# A made-up province for demos and tests without ../shared: 3 districts x 4 sub-districts on a
# grid near Chiang Mai. The Thai names are ordinary place-name words, not real units.
_SYNTHETIC_DISTRICTS = [
    ("ดอยงาม", "Doi Ngam", ["บ้านใหม่", "ป่าตึง", "แม่ริม", "ห้วยทราย"]),
    ("น้ำใส", "Nam Sai", ["ทุ่งหลวง", "สันป่าตอง", "หนองแฝก", "ดอนแก้ว"]),
    ("เวียงเหนือ", "Wiang Nuea", ["แม่ปิง", "ป่าแดด", "บ่อสร้าง", "ต้นเปา"]),
]
_SYNTHETIC_EN = [
    ["Ban Mai", "Pa Tueng", "Mae Rim", "Huai Sai"],
    ["Thung Luang", "San Pa Tong", "Nong Faek", "Don Kaeo"],
    ["Mae Ping", "Pa Daet", "Bo Sang", "Ton Pao"],
]


def synthetic_province(province_code: str = "50", origin: tuple[float, float] = (98.8, 18.6),
                       cell: float = 0.05) -> list[Subdistrict]:
    """Sub-districts of a small fictitious province with the given 2-digit code.

    Codes follow DOPA's pattern (province + district + sub-district); the polygons are squares of
    ``cell`` degrees so the districts and the province nest exactly when dissolved.
    """
    units = []
    for d, (district_th, district_en, tambons) in enumerate(_SYNTHETIC_DISTRICTS):
        district_code = f"{province_code}{d + 1:02d}"
        for t, tambon_th in enumerate(tambons):
            x0 = origin[0] + (t % 2) * cell + d * 2 * cell
            y0 = origin[1] + (t // 2) * cell
            ring = [(x0, y0), (x0 + cell, y0), (x0 + cell, y0 + cell), (x0, y0 + cell), (x0, y0)]
            units.append(Subdistrict(
                code=f"{district_code}{t + 1:02d}", name_th=tambon_th, name_en=_SYNTHETIC_EN[d][t],
                district_code=district_code, district_name_th=district_th,
                district_name_en=district_en, province_code=province_code,
                province_name_th="ตัวอย่าง", province_name_en="Sample",
                polygons=[[ring]]))
    return units


def synthetic_neighbours(province_code: str = "50", origin: tuple[float, float] = (98.8, 18.6),
                         cell: float = 0.05) -> list[Subdistrict]:
    """Sub-districts of a made-up neighbouring Thai province along the synthetic province's south
    and east sides (the same grid), so its north and west sides are its international border,
    as Chiang Mai's are. Code: the next province code ("51" for "50")."""
    code = f"{(int(province_code) % 98) + 1:02d}"
    cells = [(origin[0] + i * cell, origin[1] - cell) for i in range(7)]          # south row
    cells += [(origin[0] + 6 * cell, origin[1] + j * cell) for j in range(2)]     # east column
    units = []
    for n, (x0, y0) in enumerate(cells):
        ring = [(x0, y0), (x0 + cell, y0), (x0 + cell, y0 + cell), (x0, y0 + cell), (x0, y0)]
        units.append(Subdistrict(
            code=f"{code}01{n + 1:02d}", name_th=f"ข้างเคียง {n + 1}", name_en=f"Neighbour {n + 1}",
            district_code=f"{code}01", district_name_th="ข้างเคียง", district_name_en="Neighbour",
            province_code=code, province_name_th="จังหวัดข้างเคียง", province_name_en="Neighbour",
            polygons=[[ring]]))
    return units


def synthetic_border(province_code: str = "50", origin: tuple[float, float] = (98.8, 18.6),
                     cell: float = 0.05) -> list[list[tuple[float, float]]]:
    """The synthetic province's made-up international border: its north and west sides."""
    return international_border(synthetic_province(province_code, origin, cell),
                                [u.polygons for u in synthetic_neighbours(province_code, origin, cell)])


def to_geojson(subdistricts: Iterable[Subdistrict]) -> dict[str, Any]:
    """Sub-districts as a GeoJSON FeatureCollection (dict) with the field names of the OCHA/RTSD
    layer in ../shared, so the algorithms' default field parameters read it unchanged."""
    features = []
    for unit in subdistricts:
        features.append({
            "type": "Feature",
            "geometry": {"type": "MultiPolygon",
                         "coordinates": [[[list(p) for p in ring] for ring in polygon]
                                         for polygon in unit.polygons]},
            "properties": {
                "tambon_code": unit.code, "tambon_th": unit.name_th, "tambon_en": unit.name_en,
                "amphoe_code": unit.district_code, "amphoe_th": unit.district_name_th,
                "amphoe_en": unit.district_name_en, "changwat_code": unit.province_code,
                "changwat_th": unit.province_name_th, "changwat_en": unit.province_name_en}})
    return {"type": "FeatureCollection", "features": features}
