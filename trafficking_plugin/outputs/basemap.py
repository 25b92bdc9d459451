"""The optional satellite basemap: the user's own tile provider as a QGIS XYZ connection.

Nothing here fetches a tile. The connection is written under the same settings keys QGIS's Browser
reads for "XYZ Tiles" (QGIS 3.22 src/providers/wms/qgsxyzconnection.cpp), so it shows there too;
the plugin remembers the last one; and a layer is added below the project's other layers, so
establishments and villages stay visible on top of the imagery.
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsProject, QgsRasterLayer, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QUrl

XYZ_GROUP = "qgis/connections-xyz"
PLUGIN_GROUP = "trafficking_db/basemap"
SCHEMES = ("http", "https", "file")
MAX_ZOOM = 30


def tr(text: str) -> str:
    return QCoreApplication.translate("TraffickingBasemap", text)


@dataclass
class Basemap:
    name: str
    url: str          # XYZ template, e.g. https://tiles.example.com/{z}/{x}/{y}.jpg
    zmin: int = 0
    zmax: int = 19
    attribution: str = ""


def problems(basemap: Basemap) -> dict[str, str]:
    """{field: message} for each field of ``basemap`` a user must fix; empty when it can be saved."""
    found = {}
    name = basemap.name.strip()
    if not name:
        found["name"] = tr("Give the basemap a name.")
    elif "/" in name or "\\" in name:
        found["name"] = tr("A name cannot contain / or \\.")
    url = basemap.url.strip()
    missing = [p for p in ("{x}", "{z}") if p not in url]
    if "{y}" not in url and "{-y}" not in url:   # {-y}: TMS rows counted from the south
        missing.insert(1, "{y}")
    scheme = QUrl(url).scheme().lower()
    if not url:
        found["url"] = tr("Enter your provider's tile URL template.")
    elif scheme not in SCHEMES:
        found["url"] = tr("The URL must start with http://, https:// or file://.")
    elif missing:
        found["url"] = tr("The URL template lacks {}.").format(", ".join(missing))
    if not 0 <= basemap.zmin <= basemap.zmax <= MAX_ZOOM:
        found["zoom"] = tr("Zoom levels must satisfy 0 ≤ minimum ≤ maximum ≤ {}.").format(MAX_ZOOM)
    return found


def save_connection(basemap: Basemap) -> None:
    """Write ``basemap`` as the XYZ connection of its name (replacing one of that name) and
    remember it as the plugin's last basemap."""
    if problems(basemap):
        raise ValueError(" ".join(problems(basemap).values()))
    settings = QgsSettings()
    settings.beginGroup(f"{XYZ_GROUP}/{basemap.name.strip()}")
    for key, value in (("url", basemap.url.strip()), ("zmin", basemap.zmin), ("zmax", basemap.zmax),
                       ("authcfg", ""), ("username", ""), ("password", ""), ("referer", ""),
                       ("tilePixelRatio", 0)):
        settings.setValue(key, value)
    settings.endGroup()
    settings.setValue(f"{PLUGIN_GROUP}/last", basemap.name.strip())
    settings.setValue(f"{PLUGIN_GROUP}/attribution/{basemap.name.strip()}", basemap.attribution)


def connection(name: str) -> Basemap | None:
    """The saved XYZ connection ``name`` as a Basemap, or None."""
    settings = QgsSettings()
    if not settings.contains(f"{XYZ_GROUP}/{name}/url"):
        return None
    group = f"{XYZ_GROUP}/{name}"
    return Basemap(name, settings.value(f"{group}/url"), int(settings.value(f"{group}/zmin", 0)),
                   int(settings.value(f"{group}/zmax", 19)),
                   settings.value(f"{PLUGIN_GROUP}/attribution/{name}", "") or "")


def last_basemap() -> Basemap | None:
    """The basemap the user saved last through the plugin, if its connection still exists."""
    name = QgsSettings().value(f"{PLUGIN_GROUP}/last", "")
    return connection(name) if name else None


def remove_connection(name: str) -> None:
    """Remove the XYZ connection ``name`` (and the plugin's memory of it)."""
    settings = QgsSettings()
    settings.remove(f"{XYZ_GROUP}/{name}")
    settings.remove(f"{PLUGIN_GROUP}/attribution/{name}")
    if settings.value(f"{PLUGIN_GROUP}/last", "") == name:
        settings.remove(f"{PLUGIN_GROUP}/last")


def layer_uri(basemap: Basemap) -> str:
    """The raster data source QGIS builds for an XYZ connection: type=xyz&url=...&zmax=...&zmin=..."""
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", basemap.url.strip())
    uri.setParam("zmin", str(basemap.zmin))
    uri.setParam("zmax", str(basemap.zmax))
    return bytes(uri.encodedUri()).decode("utf-8")


def add_to_project(basemap: Basemap, project: QgsProject | None = None) -> QgsRasterLayer:
    """Add ``basemap`` as a layer at the bottom of ``project``'s layer tree; returns the layer."""
    project = project or QgsProject.instance()
    layer = QgsRasterLayer(layer_uri(basemap), basemap.name.strip(), "wms")
    if not layer.isValid():
        raise ValueError(tr("QGIS could not open the basemap {}: {}").format(
            basemap.name, layer.error().summary()))
    if basemap.attribution:
        layer.setAttribution(basemap.attribution)   # shown in layer properties and print layouts
        metadata = layer.metadata()
        metadata.setRights([basemap.attribution])
        layer.setMetadata(metadata)
    project.addMapLayer(layer, False)
    project.layerTreeRoot().addLayer(layer)      # appended last: drawn below everything else
    return layer


def save_and_add(basemap: Basemap, project: QgsProject | None = None) -> QgsRasterLayer:
    """What the dialog's OK does: save the connection, then add it to the project."""
    save_connection(basemap)
    return add_to_project(basemap, project)
