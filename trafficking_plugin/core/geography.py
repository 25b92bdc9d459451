"""Administrative units as plain data.

Core code never touches QGIS geometry: adapters hand it ``Subdistrict`` records whose polygons are
lists of rings of (lon, lat) pairs in EPSG:4326 (first ring of each polygon is the outer one).
"""
from dataclasses import dataclass, field


@dataclass
class Subdistrict:
    code: str                 # 6-digit DOPA tambon code, e.g. "500101"
    name_th: str
    name_en: str
    district_code: str        # 4-digit amphoe code = first four digits of ``code``
    district_name_th: str
    district_name_en: str
    province_code: str        # 2-digit changwat code
    province_name_th: str
    province_name_en: str
    polygons: list = field(default_factory=list)  # [[outer ring, hole, ...], ...]
