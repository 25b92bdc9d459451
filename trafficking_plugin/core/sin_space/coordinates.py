"""Coordinates of surveyed places: decimal degrees, degrees-minutes-seconds, UTM 47N/48N; and the
geometry the sin-space import needs (GeoPackage points, the province test, great-circle km).

Pure Python and numpy: the import runs without QGIS or PROJ. Every parser returns
``((lon, lat), None)`` or ``(None, reason)``, the reason worded for the clerk who typed it.
"""
from __future__ import annotations

import math
import re
import struct

import numpy as np

from .. import gpkg
from ..wkb import Polygons

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
EARTH_RADIUS_KM = 6371.0088        # mean Earth radius (IUGG), for great-circle distances
# WGS 84 ellipsoid and the UTM projection (NGA.SIG.0012, Universal Grids: UTM and UPS).
_A, _F = 6378137.0, 1 / 298.257223563
_K0, _FALSE_EASTING = 0.9996, 500000.0
UTM_ZONES = (47, 48)               # Thailand lies in UTM zones 47 and 48, north of the equator

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([NSEW])|([°º˚'′’‘\"″“”:])|([,;/]))", re.IGNORECASE)
_ZONE = re.compile(r"(\d{2})\s*([C-X])?", re.IGNORECASE)


def parse_pair(text: str) -> tuple[tuple[float, float], str, None] | tuple[None, None, str]:
    """A point from one cell holding latitude and longitude: DMS (18°47'20.5"N 98°59'10.2"E,
    symbols optional, hemisphere before or after, Thai digits) or decimal degrees (18.789, 98.986).

    Returns ((lon, lat), kind, None) with kind 'dms' or 'decimal_degrees', or (None, None, reason).
    """
    raw = str(text).strip()
    cleaned = raw.translate(THAI_DIGITS).replace("''", '"')
    tokens, at = [], 0
    while at < len(cleaned):
        match = _TOKEN.match(cleaned, at)
        if not match or match.end() == at:
            rest = cleaned[at:].strip()
            if not rest:
                break
            return None, None, f"'{raw}' is not a coordinate pair: '{rest[0]}' is not a digit, " \
                               "symbol or N/S/E/W"
        number, hemisphere, _symbol, separator = match.groups()
        if number:
            tokens.append(("n", float(number)))
        elif hemisphere:
            tokens.append(("h", hemisphere.upper()))
        elif separator:
            tokens.append(("sep", None))
        at = match.end()
    parts, reason = _split_pair(tokens, raw)
    if reason:
        return None, None, reason
    values = {}
    for numbers, hemisphere in parts:
        value, why = _degrees(numbers, raw)
        if why:
            return None, None, why
        axis = "lon" if hemisphere in ("E", "W") else "lat"
        if hemisphere is None:
            axis = "lat" if "lat" not in values else "lon"
        if axis in values:
            return None, None, f"'{raw}' gives two {'latitudes' if axis == 'lat' else 'longitudes'}"
        values[axis] = -value if hemisphere in ("S", "W") else value
    kind = "dms" if any(len(numbers) > 1 for numbers, _ in parts) else "decimal_degrees"
    return _checked(values["lon"], values["lat"], raw, kind)


def _split_pair(tokens, raw):
    """[(numbers, hemisphere or None)] x 2 from the tokens, or (None, reason)."""
    letters = [i for i, (kind, _) in enumerate(tokens) if kind == "h"]
    numbers_only = [(k, v) for k, v in tokens if k != "sep"]
    if len(letters) == 2:
        prefix = tokens[0][0] == "h"
        groups, current, letter = [], [], None
        for kind, value in tokens:
            if kind == "sep":
                continue
            if kind == "h":
                if prefix:
                    if current or letter:
                        groups.append((current, letter))
                    current, letter = [], value
                else:
                    groups.append((current, value))
                    current = []
            else:
                current.append(value)
        if prefix:
            groups.append((current, letter))
        elif current:
            return None, f"'{raw}': numbers after the last N/S/E/W letter"
        if len(groups) != 2 or not all(g[0] for g in groups):
            return None, f"'{raw}' is not a coordinate pair (one N/S and one E/W letter each)"
        return groups, None
    if letters:
        return None, f"'{raw}' has {len(letters)} N/S/E/W letters: give both or none"
    separators = [i for i, (kind, _) in enumerate(tokens) if kind == "sep"]
    if len(separators) == 1:
        cut = separators[0]
        first = [v for k, v in tokens[:cut] if k == "n"]
        second = [v for k, v in tokens[cut + 1:] if k == "n"]
    else:
        values = [v for _, v in numbers_only]
        if len(values) % 2 or not values:
            return None, (f"'{raw}' is not a coordinate pair: write latitude then longitude, e.g. "
                          "18°47'20.5\"N 98°59'10.2\"E or 18.78903, 98.98617")
        first, second = values[:len(values) // 2], values[len(values) // 2:]
    if not first or not second:
        return None, f"'{raw}' is not a coordinate pair"
    return [(first, None), (second, None)], None


def _degrees(numbers, raw):
    """Decimal degrees from [deg], [deg, min] or [deg, min, sec], or (None, reason)."""
    if len(numbers) > 3:
        return None, f"'{raw}': more than degrees, minutes and seconds in one coordinate"
    degrees = numbers[0]
    if len(numbers) > 1 and degrees != int(degrees):
        return None, f"'{raw}': degrees with decimals followed by minutes"
    if len(numbers) == 3 and numbers[1] != int(numbers[1]):
        return None, f"'{raw}': minutes with decimals followed by seconds"
    for value, unit in zip(numbers[1:], ("minutes", "seconds")):
        if value >= 60:
            return None, f"'{raw}': {value:g} {unit} is not less than 60"
    return degrees + sum(v / 60 ** i for i, v in enumerate(numbers[1:], 1)), None


def parse_degrees(lat: float, lon: float) -> tuple[tuple[float, float], str, None] | tuple[None, None, str]:
    """A point from decimal-degree latitude and longitude (numbers)."""
    return _checked(float(lon), float(lat), f"{lat}, {lon}", "decimal_degrees")


def _checked(lon, lat, raw, kind):
    if not -90 <= lat <= 90:
        hint = " (latitude and longitude swapped?)" if -90 <= lon <= 90 else ""
        return None, None, f"'{raw}': latitude {lat:g} is not between -90 and 90{hint}"
    if not -180 <= lon <= 180:
        return None, None, f"'{raw}': longitude {lon:g} is not between -180 and 180"
    return (lon, lat), kind, None


def parse_zone(text: str) -> tuple[int, None] | tuple[None, str]:
    """47 or 48 from '47', '47N', '47 Q', '๔๗', or (None, reason)."""
    raw = str(text).strip()
    match = _ZONE.fullmatch(raw.translate(THAI_DIGITS))
    if not match:
        return None, f"'{raw}' is not a UTM zone: write 47N or 48N"
    zone, band = int(match.group(1)), (match.group(2) or "N").upper()
    if band < "N":      # bands C-M lie south of the equator
        return None, f"'{raw}': band {band} is south of the equator; Thailand is in 47N or 48N"
    if zone not in UTM_ZONES:
        return None, f"'{raw}': Thailand lies in UTM zones 47 and 48, not {zone}"
    return zone, None


def parse_utm(easting: float, northing: float,
              zone_text: str) -> tuple[tuple[float, float], str, None] | tuple[None, None, str]:
    """A point from UTM easting and northing (metres, WGS 84) in zone 47N or 48N."""
    zone, reason = parse_zone(zone_text)
    if reason:
        return None, None, reason
    easting, northing = float(easting), float(northing)
    if not 100_000 <= easting <= 900_000:
        return None, None, (f"easting {easting:g} m is not a UTM easting (100,000-900,000 m): "
                            "easting and northing swapped?")
    if not 0 <= northing <= 9_400_000:
        return None, None, f"northing {northing:g} m is not a UTM northing north of the equator"
    lon, lat = utm_to_lonlat(easting, northing, zone)
    return (lon, lat), f"utm{zone}n", None


def utm_to_lonlat(easting: float, northing: float, zone: int) -> tuple[float, float]:
    """WGS 84 / UTM zone ``zone``N (EPSG:326zz) to (lon, lat) in degrees.

    The inverse transverse Mercator by Krüger's series to the 6th order of n (Karney 2011,
    "Transverse Mercator with an accuracy of a few nanometers"): well under a millimetre in a zone.
    """
    n = _F / (2 - _F)
    big_a = _A / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
    beta = (n / 2 - 2 * n ** 2 / 3 + 37 * n ** 3 / 96 - n ** 4 / 360 - 81 * n ** 5 / 512
            + 96199 * n ** 6 / 604800,
            n ** 2 / 48 + n ** 3 / 15 - 437 * n ** 4 / 1440 + 46 * n ** 5 / 105
            - 1118711 * n ** 6 / 3870720,
            17 * n ** 3 / 480 - 37 * n ** 4 / 840 - 209 * n ** 5 / 4480 + 5569 * n ** 6 / 90720,
            4397 * n ** 4 / 161280 - 11 * n ** 5 / 504 - 830251 * n ** 6 / 7257600,
            4583 * n ** 5 / 161280 - 108847 * n ** 6 / 3991680,
            20648693 * n ** 6 / 638668800)
    xi = northing / (_K0 * big_a)
    eta = (easting - _FALSE_EASTING) / (_K0 * big_a)
    xi_p = xi - sum(b * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, b in enumerate(beta, 1))
    eta_p = eta - sum(b * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, b in enumerate(beta, 1))
    chi = math.asin(math.sin(xi_p) / math.cosh(eta_p))      # conformal latitude
    lon0 = math.radians(zone * 6 - 183)
    lon = lon0 + math.atan2(math.sinh(eta_p), math.cos(xi_p))
    # Geodetic latitude from the conformal one by Newton's method (Karney 2011, eqs 19-21).
    e = math.sqrt(_F * (2 - _F))
    tau_p = math.tan(chi)
    tau = tau_p
    for _ in range(5):
        sigma = math.sinh(e * math.atanh(e * tau / math.sqrt(1 + tau ** 2)))
        tau_pi = tau * math.sqrt(1 + sigma ** 2) - sigma * math.sqrt(1 + tau ** 2)
        d_tau = ((tau_p - tau_pi) / math.sqrt(1 + tau_pi ** 2)
                 * (1 + (1 - e ** 2) * tau ** 2) / ((1 - e ** 2) * math.sqrt(1 + tau ** 2)))
        tau += d_tau
        if abs(d_tau) < 1e-14:
            break
    return math.degrees(lon), math.degrees(math.atan(tau))


def lonlat_to_utm(lon: float, lat: float, zone: int | None = None) -> tuple[float, float, int]:
    """(easting, northing, zone) of a point in WGS 84 / UTM zone ``zone``N (default: the zone
    the longitude falls in), by Krüger's series to the 6th order of n (Karney 2011)."""
    zone = zone or int((lon + 180) // 6) + 1
    n = _F / (2 - _F)
    big_a = _A / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
    alpha = (n / 2 - 2 * n ** 2 / 3 + 5 * n ** 3 / 16 + 41 * n ** 4 / 180 - 127 * n ** 5 / 288
             + 7891 * n ** 6 / 37800,
             13 * n ** 2 / 48 - 3 * n ** 3 / 5 + 557 * n ** 4 / 1440 + 281 * n ** 5 / 630
             - 1983433 * n ** 6 / 1935360,
             61 * n ** 3 / 240 - 103 * n ** 4 / 140 + 15061 * n ** 5 / 26880
             + 167603 * n ** 6 / 181440,
             49561 * n ** 4 / 161280 - 179 * n ** 5 / 168 + 6601661 * n ** 6 / 7257600,
             34729 * n ** 5 / 80640 - 3418889 * n ** 6 / 1995840,
             212378941 * n ** 6 / 319334400)
    phi, d_lon = math.radians(lat), math.radians(lon - (zone * 6 - 183))
    c = 2 * math.sqrt(n) / (1 + n)
    t = math.sinh(math.atanh(math.sin(phi)) - c * math.atanh(c * math.sin(phi)))
    xi_p = math.atan2(t, math.cos(d_lon))
    eta_p = math.atanh(math.sin(d_lon) / math.sqrt(1 + t ** 2))
    easting = _FALSE_EASTING + _K0 * big_a * (eta_p + sum(
        a * math.cos(2 * j * xi_p) * math.sinh(2 * j * eta_p) for j, a in enumerate(alpha, 1)))
    northing = _K0 * big_a * (xi_p + sum(
        a * math.sin(2 * j * xi_p) * math.cosh(2 * j * eta_p) for j, a in enumerate(alpha, 1)))
    return easting, northing, zone


# -- GeoPackage geometry ----------------------------------------------------------------------

def point_blob(lon: float, lat: float) -> bytes:
    """A GeoPackage point geometry in EPSG:4326."""
    return gpkg.geometry_blob(struct.pack("<BI2d", 1, 1, lon, lat), (lon, lat, lon, lat))


class Boundary:
    """The province's outline: is a point inside, or within ``tolerance_km`` of its edge?"""

    def __init__(self, polygons: Polygons) -> None:
        starts, ends = [], []
        for polygon in polygons:
            for ring in polygon:
                starts.append(ring[:-1])
                ends.append(ring[1:])
        self.a = np.concatenate(starts)
        self.b = np.concatenate(ends)

    def inside(self, lon: float, lat: float) -> bool:
        """Even-odd rule over every ring (holes are outside)."""
        (x1, y1), (x2, y2) = self.a.T, self.b.T
        crosses = ((y1 > lat) != (y2 > lat))
        with np.errstate(divide="ignore", invalid="ignore"):
            at_x = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
        return bool(np.count_nonzero(crosses & (lon < at_x)) % 2)

    def km_outside(self, lon: float, lat: float) -> float:
        """0 inside, else the distance in km to the nearest edge (local flat approximation)."""
        if self.inside(lon, lat):
            return 0.0
        scale = np.array([math.cos(math.radians(lat)), 1.0]) * math.radians(1) * EARTH_RADIUS_KM
        p = np.array([lon, lat])
        a, b = (self.a - p) * scale, (self.b - p) * scale
        d = b - a
        length2 = (d ** 2).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip(np.where(length2 > 0, -(a * d).sum(axis=1) / length2, 0.0), 0.0, 1.0)
        nearest = a + d * t[:, None]
        return float(np.sqrt((nearest ** 2).sum(axis=1)).min())


def great_circle_km(lon1: float | np.ndarray, lat1: float | np.ndarray, lon2: float | np.ndarray,
                    lat2: float | np.ndarray) -> float | np.ndarray:
    """Haversine distance in km; arrays broadcast (e.g. villages x places)."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    h = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
