"""trafficking:publicwebsite's core: a static, bilingual website of a data year's public export.

The site is built from the public export's own CSV files, written through the same door
(public_export.export, recorded in the export register as "public_website"), so it shows exactly
the cells the export publishes and leaves the same cells hidden. The folder holds index.html,
the page's CSS and JS (shipped in data/web/public), data.js (the figures and the areas' SVG
outlines), chart.svg (age x sex) and downloads/ (the export's CSV, XLSX, GeoPackage, GeoJSON,
README). Nothing is fetched from elsewhere: the folder works from a web server or a USB stick.
No QGIS.
"""
from __future__ import annotations

import csv
import datetime
import json
import math
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..database import PathLike, reading
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, info
from ..files import same_file
from ..ingest.pseudonym import default_identity_path
from ..shipped_data import data_path
from ..thai_calendar import shown_year
from ..wkb import rings, wkb_of
from . import public_export, release as releases
from .class_colours import class_colours, text_colour
from .release import ALL, LEVELS, UNKNOWN

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
TEMPLATE_FILES = ("index.html", "site.css", "site.js")
MAP_LEVELS = ("subdistrict", "district")
HIDDEN = "hidden"
NUMBERS = ("persons_scored", "persons_high", "persons_medium", "persons_low",
           "share_high", "share_medium", "share_low")
AGE_ORDER = ("0-5", "6-14", "15-17", "18-24", "25-59", "60+", UNKNOWN)
SEX_ORDER = ("female", "male", UNKNOWN)
CHART_COLOURS = {"female": "#a3154f", "male": "#1f5fa8", UNKNOWN: "#595959"}
_WIDTH = 1000.0     # the map's viewBox width; its height follows the province's shape


class WebsiteError(CoreError):
    """The website cannot be written as asked; the message says what to do."""


@dataclass
class SiteSummary:
    """What the website shows and where it is."""
    index: str
    areas: int             # areas drawn on the sub-district map
    hidden_areas: int      # among them, areas whose classes are suppressed
    files: list[str]
    note: str


def write_site(database: PathLike, data_year: int, folder: PathLike, k: int | None = None,
               rounding: int | None = None, attribution: str = "",
               feedback: Feedback | None = None) -> SiteSummary:
    """Write the public website of ``data_year`` (Common Era) into ``folder``: the year's public
    export (sub-districts x age band x sex) in downloads/, and a page showing it. ``k`` and
    ``rounding`` None: those the year was published with (11 and 1 for a first publication)."""
    feedback = feedback or NullFeedback()
    folder = Path(folder)
    guarded = (str(database), str(default_identity_path(database)))
    if any(same_file(str(folder), g) or same_file(str(folder / "index.html"), g) for g in guarded):
        raise WebsiteError("{} is the province database: the website goes to a folder of its "
                           "own. Choose another folder.", folder)
    settings = recorded_settings(database, data_year)
    k = settings.k if k is None else k
    rounding = settings.rounding if rounding is None else rounding
    downloads = folder / "downloads"
    summary = public_export.export(database, data_year, downloads, "subdistrict", True, True, k,
                                   rounding, feedback, settings.dominance, kind="public_website")
    info(feedback, "Writing the website from the public export…")
    tables = {level: read_csv(downloads / f"public_export_{data_year}_{level}.csv")
              for level in LEVELS}
    with reading(database) as conn:
        outlines = {level: dict(conn.execute(f'SELECT code, geom FROM "{level}"'))
                    for level in MAP_LEVELS}
        province = conn.execute("SELECT name_th, name_en FROM province LIMIT 1").fetchone()
        classes = {level: dict(conn.execute(f'SELECT code, risk_class FROM "risk_{level}" WHERE '
                                            "data_year = ?", (data_year,)))
                   for level in ("district", "subdistrict")}
    colours = class_colours(database)
    site = site_data(tables, outlines, data_year, summary.note, province, attribution, colours,
                     classes)
    for name in TEMPLATE_FILES:
        shutil.copyfile(data_path(f"web/public/{name}"), folder / name)
    (folder / "data.js").write_text(
        "window.SITE = " + json.dumps(site, ensure_ascii=False, indent=0) + ";\n", encoding="utf-8")
    (folder / "chart.svg").write_text(age_sex_svg(site["age_sex"]), encoding="utf-8")
    drawn = site["maps"]["subdistrict"]
    files = [str(folder / n) for n in (*TEMPLATE_FILES, "data.js", "chart.svg")] + summary.files
    return SiteSummary(str(folder / "index.html"), len(drawn),
                       sum(a["class"] == HIDDEN for a in drawn), files, summary.note)


def recorded_settings(database: PathLike, data_year: int) -> releases.Settings:
    """The settings the year was published with, or the defaults for a first publication."""
    with reading(database) as conn:
        latest = releases.latest_release(conn, data_year)
    if latest is None:
        return releases.Settings()
    return releases.Settings(latest["k"], latest["rounding"], latest["dominance"])


def read_csv(path: PathLike) -> list[dict]:
    """A public export CSV's rows, figures as numbers (None where the cell is empty: hidden)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for column in NUMBERS:
            text = row[column]
            row[column] = None if text == "" else float(text) if "." in text else int(text)
    return rows


def area_class(row: dict, map_class: str | None) -> str:
    """The area's class on the province's risk map, shown only beside its published persons
    scored and persons at high risk (as the national database shows it: beside a hidden count it
    would narrow that count); 'hidden' without them, 'none' when nobody was scored."""
    if row["persons_scored"] is None or row["persons_high"] is None:
        return HIDDEN
    if not row["persons_scored"]:
        return "none"
    return map_class or "none"


def site_data(tables: dict[str, list[dict]], outlines: dict[str, dict], data_year: int,
              note: str, province: tuple | None, attribution: str,
              colours: dict[str | None, str], classes: dict[str, dict[str, str]]) -> dict:
    """What data.js holds: the figures (cells of the export's CSVs, nothing else) and the areas'
    outlines as SVG path strings; texts and years as strings."""
    def totals(rows):
        return [r for r in rows if r["age_band"] == ALL and r["sex"] == ALL]

    def figures(row):
        return {c: row[c] for c in NUMBERS}

    projection = Projection([wkb for level in MAP_LEVELS for wkb in outlines[level].values()])
    maps, tabled = {}, {}
    for level in ("district", "subdistrict"):
        tabled[level] = [{"code": r["area_code"], "th": r["area_name_th"], "en": r["area_name_en"],
                          "district": r["district_code"] or "",
                          "class": area_class(r, classes[level].get(r["area_code"])),
                          **figures(r)} for r in totals(tables[level])]
        maps[level] = [{**area, "path": projection.path(outlines[level].get(area["code"]))}
                       for area in tabled[level] if outlines[level].get(area["code"])]
    province_row = totals(tables["province"])[0]
    age_sex = [{"age": r["age_band"], "sex": r["sex"], **figures(r)}
               for r in tables["province"] if r["age_band"] != ALL and r["sex"] != ALL]
    today = datetime.date.today()
    th_name, en_name = province or ("", "")
    return {
        "about": {"year": str(data_year), "year_be": str(shown_year(data_year)),
                  "province_th": th_name or "", "province_en": en_name or "",
                  "published": today.isoformat(), "note": note, "licence": LICENCE,
                  "licence_url": LICENCE_URL, "attribution": attribution,
                  "view_box": projection.view_box()},
        "colours": {(c or "none"): v for c, v in colours.items()},
        "text_colours": {(c or "none"): text_colour(v) for c, v in colours.items()},
        "province": figures(province_row),
        "maps": maps, "tables": tabled, "age_sex": age_sex,
        "downloads": sorted(p for p in (f"public_export_{data_year}_{level}.csv" for level in LEVELS))
        + [f"public_export_{data_year}.xlsx", f"public_export_{data_year}.gpkg",
           f"public_export_{data_year}_subdistrict.geojson", "README.txt"],
    }


class Projection:
    """Longitude/latitude to the map's SVG coordinates: an equirectangular projection about the
    province's middle latitude (a province is small enough for it), north up."""

    def __init__(self, blobs: list[bytes]) -> None:
        xs, ys = [], []
        for blob in blobs:
            for ring, _ in rings(wkb_of(blob)):
                xs += [x for x, _ in ring]
                ys += [y for _, y in ring]
        if not xs:
            xs, ys = [0.0, 1.0], [0.0, 1.0]
        self.left, self.top = min(xs), max(ys)
        self.stretch = math.cos(math.radians((min(ys) + max(ys)) / 2))
        width = (max(xs) - self.left) * self.stretch or 1.0
        self.scale = _WIDTH / width
        self.height = (self.top - min(ys)) * self.scale

    def view_box(self) -> str:
        return f"0 0 {_WIDTH:.0f} {math.ceil(self.height)}"

    def path(self, blob: bytes | None) -> str:
        """The SVG path data of a (Multi)Polygon blob; '' without geometry."""
        wkb = wkb_of(blob)
        if not wkb:
            return ""
        parts = []
        for ring, _ in rings(wkb):
            points = [f"{(x - self.left) * self.stretch * self.scale:.1f} "
                      f"{(self.top - y) * self.scale:.1f}" for x, y in ring]
            parts.append("M" + "L".join(points) + "Z")
        return "".join(parts)


def age_sex_svg(age_sex: list[dict]) -> str:
    """Bars of persons at high risk by age band and sex (province totals); a hidden count is an
    outlined bar marked 'hidden', never a zero."""
    bands = [b for b in AGE_ORDER if any(r["age"] == b for r in age_sex)]
    bands += sorted({r["age"] for r in age_sex} - set(bands))
    sexes = [s for s in SEX_ORDER if any(r["sex"] == s for r in age_sex)]
    cell = {(r["age"], r["sex"]): r["persons_high"] for r in age_sex}
    top = max([v for v in cell.values() if v] + [1])
    width, height, left, bottom, plot = 720, 360, 60, 300, 240
    slot = (width - left - 20) / max(len(bands), 1)
    bar = slot * 0.8 / max(len(sexes), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'font-family="sans-serif" font-size="12" role="img">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14" fill="#1d1d1d">'
             'ผู้เสี่ยงสูงตามกลุ่มอายุและเพศ / Persons at high risk by age band and sex</text>',
             f'<line x1="{left}" y1="{bottom}" x2="{width - 20}" y2="{bottom}" stroke="#1d1d1d"/>']
    for i, band in enumerate(bands):
        x0 = left + i * slot + slot * 0.1
        for j, sex in enumerate(sexes):
            x = x0 + j * bar
            value = cell.get((band, sex))
            if value is None:
                middle, base = x + bar / 2, bottom - 4
                parts.append(f'<rect x="{x:.1f}" y="{bottom - 80}" width="{bar - 2:.1f}" height="80" '
                             f'fill="#ffffff" stroke="{CHART_COLOURS[sex]}" stroke-dasharray="4 2"/>'
                             f'<text x="{middle:.1f}" y="{base}" transform="rotate(-90 {middle:.1f} '
                             f'{base})" dominant-baseline="middle" font-size="9" '
                             f'fill="#1d1d1d">ปกปิด/hidden</text>')
                continue
            h = plot * value / top
            parts.append(f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{bar - 2:.1f}" '
                         f'height="{h:.1f}" fill="{CHART_COLOURS[sex]}"/>'
                         f'<text x="{x + bar / 2:.1f}" y="{bottom - h - 4:.1f}" '
                         f'text-anchor="middle" font-size="10" fill="#1d1d1d">{value}</text>')
        parts.append(f'<text x="{left + (i + 0.5) * slot:.1f}" y="{bottom + 18}" '
                     f'text-anchor="middle" fill="#1d1d1d">'
                     f'{"ไม่ทราบ/unknown" if band == UNKNOWN else escape(band)}</text>')
    words = {"female": "หญิง / female", "male": "ชาย / male", UNKNOWN: "ไม่ระบุ / not recorded"}
    for j, sex in enumerate(sexes):
        x = left + j * 170
        parts.append(f'<rect x="{x}" y="{height - 26}" width="14" height="14" '
                     f'fill="{CHART_COLOURS[sex]}"/><text x="{x + 20}" y="{height - 14}" '
                     f'fill="#1d1d1d">{words.get(sex, escape(sex))}</text>')
    parts.append(f'<text x="16" y="{bottom - plot / 2}" transform="rotate(-90 16 '
                 f'{bottom - plot / 2})" text-anchor="middle" fill="#1d1d1d">คน / persons</text>')
    return "".join(parts) + "</svg>\n"
