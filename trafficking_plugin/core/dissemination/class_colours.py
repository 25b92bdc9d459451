"""The risk classes' colours as the map draws them, for reports drawn without QGIS (the HTML).

One source: the risk_subdistrict style stored in the province GeoPackage (so a user's restyled
map and the HTML agree), else the plugin's own QML (styles/risk_subdistrict.qml). No QGIS here:
the QML is read as XML.
"""
from __future__ import annotations

import contextlib
import sqlite3
import xml.etree.ElementTree as ElementTree

from .. import database
from ..database import PathLike
from ..shipped_data import style_path

STYLED_TABLE = "risk_subdistrict"


def class_colours(path: PathLike | None = None) -> dict[str | None, str]:
    """{risk class (None: not scored): '#rrggbb'} of the map's categories: the GeoPackage's
    default style of risk_subdistrict at ``path``, else (or for a class it lacks) the shipped one."""
    colours = qml_class_colours(style_path(STYLED_TABLE).read_text(encoding="utf-8"))
    stored = _stored_qml(path) if path is not None else None
    if stored:
        colours.update(qml_class_colours(stored))
    return colours


def qml_class_colours(qml: str) -> dict[str | None, str]:
    """The fill colour of each category of a categorized QML style: its symbol's first layer
    (the plugin's hatch of uncertain areas is a layer drawn over it)."""
    try:
        root = ElementTree.fromstring(qml)
    except ElementTree.ParseError:
        return {}
    renderer = root.find("renderer-v2")
    if renderer is None or renderer.get("type") != "categorizedSymbol":
        return {}
    symbols = {s.get("name"): s for s in renderer.iterfind("symbols/symbol")}
    colours = {}
    for category in renderer.iterfind("categories/category"):
        symbol = symbols.get(category.get("symbol"))
        layer = symbol.find("layer") if symbol is not None else None
        rgb = _layer_colour(layer) if layer is not None else None
        if rgb:
            colours[category.get("value") or None] = rgb
    return colours


def text_colour(background: str) -> str:
    """Dark text on light colours (the yellow of medium), white on dark ones."""
    red, green, blue = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#1d1d1d" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def _layer_colour(layer):
    for option in layer.iter("Option"):
        if option.get("name") == "color":
            return _hex(option.get("value"))
    for prop in layer.iter("prop"):
        if prop.get("k") == "color":
            return _hex(prop.get("v"))
    return None


def _hex(rgba):
    try:
        red, green, blue = (int(v) for v in (rgba or "").split(",")[:3])
    except ValueError:
        return None
    return f"#{red:02x}{green:02x}{blue:02x}"


def _stored_qml(path):
    """The default style of risk_subdistrict stored in the GeoPackage, or None."""
    try:
        with contextlib.closing(database.connect(path, read_only=True)) as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
                return None
            row = conn.execute(
                "SELECT styleQML FROM layer_styles WHERE f_table_name = ? "
                "ORDER BY useAsDefault DESC, update_time DESC LIMIT 1", (STYLED_TABLE,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None
