"""trafficking:publicwebsite's core: the folder it writes, nothing in its data beyond the public
export's cells, suppressed cells shown as hidden (never zero), the export register."""
import csv
import json
import re

import pytest

from trafficking_db.trafficking_plugin.core.dissemination import public_export, release, website
from trafficking_db.trafficking_plugin.core.errors import CoreError

from conftest import copy_database

YEAR = 2024


@pytest.fixture(scope="module")
def site(scored_sample, tmp_path_factory):
    """A website written from a copy of the scored sample: (database, folder, summary)."""
    db = copy_database(scored_sample[1], tmp_path_factory.mktemp("website_db"))
    folder = tmp_path_factory.mktemp("website") / "site"
    return db, folder, website.write_site(db, YEAR, folder, attribution="Test centre")


def site_data(folder):
    text = (folder / "data.js").read_text(encoding="utf-8")
    assert text.startswith("window.SITE = ") and text.rstrip().endswith(";")
    return json.loads(text[len("window.SITE = "):].rstrip().rstrip(";"))


def numbers_in(value):
    """Every number in a JSON value (strings, outlines among them, are not figures)."""
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers_in(item)


def export_rows(folder, level):
    with open(folder / "downloads" / f"public_export_{YEAR}_{level}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_folder_holds_the_page_its_data_and_the_downloads(site):
    _, folder, summary = site
    assert summary.index == str(folder / "index.html")
    for name in ("index.html", "site.css", "site.js", "data.js", "chart.svg"):
        assert (folder / name).stat().st_size > 0, name
    downloads = {p.name for p in (folder / "downloads").iterdir()}
    assert {f"public_export_{YEAR}_subdistrict.csv", f"public_export_{YEAR}.xlsx",
            f"public_export_{YEAR}.gpkg", "README.txt"} <= downloads
    data = site_data(folder)
    assert set(data["downloads"]) <= downloads
    assert summary.areas == len(data["maps"]["subdistrict"]) > 0
    assert all(a["path"].startswith("M") for a in data["maps"]["subdistrict"])
    # No page asks anything of another server: no http(s) source, link or import.
    for name in ("index.html", "site.css", "site.js"):
        text = (folder / name).read_text(encoding="utf-8")
        assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', text), name
        assert "@import" not in text and "url(http" not in text


def test_every_number_of_the_site_is_a_cell_of_the_public_export(site):
    _, folder, _ = site
    cells = set()
    for level in release.LEVELS:
        for row in export_rows(folder, level):
            for column in website.NUMBERS:
                if row[column]:
                    cells.add(float(row[column]))
    data = site_data(folder)
    found = list(numbers_in(data))
    assert found and all(float(n) in cells for n in found), sorted(set(found) - cells)[:5]
    # The same figure in the same place: each area's row of the CSV.
    by_code = {r["area_code"]: r for r in export_rows(folder, "subdistrict")
               if r["age_band"] == "all" and r["sex"] == "all"}
    for area in data["tables"]["subdistrict"]:
        row = by_code[area["code"]]
        for column in website.NUMBERS:
            assert area[column] == (float(row[column]) if row[column] else None), column


def test_suppressed_cells_are_hidden_never_zero(site):
    _, folder, summary = site
    data = site_data(folder)
    hidden = [a for a in data["maps"]["subdistrict"] if a["class"] == website.HIDDEN]
    assert summary.hidden_areas == len(hidden)
    hidden = [a for a in data["maps"]["subdistrict"] if None in
              (a["persons_scored"], a["persons_high"], a["persons_medium"], a["persons_low"])]
    assert hidden       # the small sample has such areas
    by_code = {r["area_code"]: r for r in export_rows(folder, "subdistrict")
               if r["age_band"] == "all" and r["sex"] == "all"}
    for area in hidden:
        row = by_code[area["code"]]
        empty = [c for c in ("persons_scored", "persons_high", "persons_medium", "persons_low")
                 if row[c] == ""]
        assert empty and all(area[c] is None for c in empty)
        assert area["class"] in (website.HIDDEN, "low", "medium", "high")
        if area["persons_scored"] is None:
            assert area["class"] == website.HIDDEN
    chart = (folder / "chart.svg").read_text(encoding="utf-8")
    if any(r["persons_high"] is None for r in data["age_sex"]):
        assert "hidden" in chart
    script = (folder / "site.js").read_text(encoding="utf-8")
    assert '"hidden"' in script and "url(#hatch)" in script


def test_the_website_is_recorded_in_the_export_register(site):
    db, _, _ = site
    kinds = [r["kind"] for r in release.register(db, YEAR)]
    assert kinds == ["public_website"]


def test_the_years_recorded_settings_are_used_when_none_are_given(scored_sample, tmp_path):
    db = copy_database(scored_sample[1], tmp_path)
    public_export.export(db, YEAR, tmp_path / "export", k=5, rounding=1)
    website.write_site(db, YEAR, tmp_path / "site")
    rows = release.register(db, YEAR)
    assert [(r["kind"], r["k"], r["release"]) for r in rows] == [("public_export", 5, 1),
                                                                ("public_website", 5, 1)]
    with pytest.raises(release.ReleaseError):    # other settings: refused, as the export is
        website.write_site(db, YEAR, tmp_path / "site2", k=11)


def test_the_database_is_never_the_site_folder(scored_sample, tmp_path):
    db = copy_database(scored_sample[1], tmp_path)
    with pytest.raises(CoreError):
        website.write_site(db, YEAR, db)


def test_an_areas_class_is_the_maps_shown_beside_published_counts_only():
    row = {"persons_scored": 40, "persons_high": 20, "persons_medium": 12, "persons_low": 8}
    assert website.area_class(row, "medium") == "medium"
    assert website.area_class({**row, "persons_medium": None}, "medium") == "medium"
    assert website.area_class({**row, "persons_high": None}, "medium") == website.HIDDEN
    assert website.area_class({**row, "persons_scored": None}, "high") == website.HIDDEN
    assert website.area_class({**row, "persons_scored": 0, "persons_high": 0}, None) == "none"
