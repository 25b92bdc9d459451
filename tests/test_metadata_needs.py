"""The plugin card (metadata.txt's about) names the same needs as the manual's requirements
table (docs/manual.md, "What else it needs"), and no other (issue 17, item 13)."""
import configparser
import re

from conftest import REPO

KNOWN = ("numpy", "PyYAML", "pandas", "openpyxl", "matplotlib", "rasterio", "psycopg2", "Loma",
         "fonts-thai-tlwg", "GDAL")


def manual_needs():
    text = (REPO / "docs" / "manual.md").read_text(encoding="utf-8")
    section = text.split("### What else it needs", 1)[1].split("\n#", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| ")]
    names = set()
    for cell in rows[1:]:   # the header row apart
        names.update(re.findall(r"[A-Za-z][A-Za-z0-9_-]+", cell))
    return names & set(KNOWN)


def test_about_lists_what_the_manual_lists():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    about = parser["general"]["about"]
    needs = manual_needs()
    assert {"numpy", "PyYAML", "openpyxl", "matplotlib", "rasterio", "psycopg2", "Loma"} <= needs
    assert {name for name in KNOWN if re.search(rf"\b{re.escape(name)}\b", about)} == needs
