"""The intranet's QGIS Server project: the province project with only what some role may see.

``build_server_project`` writes the province project (project.py) and keeps of it only the layers
and fields core/dissemination/roles.py serves (never a person-level table, the identity file, a
case or a narrative); it adds the year's protected public figures (written by the public export,
so they are exactly what publicexport publishes, recorded in the export register) and the
establishments counted by district, and sets the OWS service: titles and abstracts in Thai and
English, contact, attribution, WMS / WFS / OGC API - Features and the CRS list for Thailand. Which
role sees what is decided per request by the server plugin (server_access.py).
"""
from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer, QgsVirtualLayerDefinition, \
    QgsWkbTypes

from ..core.database import PathLike, reading
from ..core.dissemination import public_export, release
from ..core.dissemination.roles import K_PROPERTY, KEY_PROPERTY, SERVED, served_fields
from ..core.errors import CoreError
from .partner_page import write_partner_page
from .project import build_project, latest_scored_year

CRS_LIST = ("EPSG:4326", "EPSG:3857", "EPSG:32647", "EPSG:32648")
PUBLIC_GROUP = "ข้อมูลเผยแพร่ / Public figures"
PUBLIC_NAME = "ตำบล: ตัวเลขที่เผยแพร่ / Sub-districts: published figures"
COUNTS_NAME = "อำเภอ: จำนวนสถานที่เสี่ยง / Districts: risky workplaces counted"


class ServerProjectError(CoreError):
    """The server project cannot be made; the message says why."""


@dataclass
class ServerProjectSummary:
    """What ``build_server_project`` wrote."""
    year: int
    layers: dict[str, str]         # short (WMS) name -> key in roles.SERVED
    layouts: list[str]
    public_folder: str             # the public export it serves to the public role
    k: int
    web_folder: str = ""           # the partners' web page (partner_page.py)
    leaflet: str | None = None     # where the page's Leaflet came from; None: its plain map


def build_server_project(database: PathLike, project_path: PathLike, data_year: int | None,
                         attribution: str = "", contact_email: str = "") -> ServerProjectSummary:
    """Write the server project of ``database`` for ``data_year`` (C.E.; None or 0: the latest
    scored) to ``project_path``."""
    database, project_path = os.path.abspath(str(database)), os.path.abspath(str(project_path))
    with reading(database) as conn:
        year = data_year or latest_scored_year(conn)
    if year is None:
        raise ServerProjectError("{} has no scored data year: run trafficking:scoreriskindex "
                                 "first", database)
    # The public figures first: a year that cannot be published leaves no project behind.
    public_folder = os.path.splitext(project_path)[0] + "_public"
    k = _publish(database, year, public_folder)
    # The province project is made beside the target under another name and only its cut-down
    # copy is written to the target: a failure never leaves the full project where the server
    # reads.
    stem, extension = os.path.splitext(project_path)
    draft = f"{stem}.draft{extension}"
    try:
        summary = build_project(database, draft, year, attribution)
        project = QgsProject()
        if not project.read(draft):
            raise ServerProjectError("could not read {}: {}", draft, project.error())
    finally:
        for leftover in (draft, draft + "~"):
            if os.path.exists(leftover):
                os.remove(leftover)
    for layer in list(project.mapLayers().values()):
        if _key_of(layer) not in SERVED:
            project.removeMapLayer(layer.id())
    _drop_empty_groups(project.layerTreeRoot())
    group = project.layerTreeRoot().insertGroup(0, PUBLIC_GROUP)
    public_gpkg = os.path.join(public_folder, f"public_export_{year}.gpkg")
    _add(project, group, QgsVectorLayer(f"{public_gpkg}|layername=public_subdistrict",
                                        f"{PUBLIC_NAME} {year}", "ogr"), "public_subdistrict")
    counts = _establishment_counts(database)
    if counts is not None:
        _add(project, group, counts, "establishment_district")

    names = {}
    # In the tree's order, so the layers of the groups keep the table's name and the layouts'
    # copies (in the last group) get a suffix; layers outside the tree last.
    in_tree = [node.layer() for node in project.layerTreeRoot().findLayers()]
    for layer in in_tree + [la for la in project.mapLayers().values() if la not in in_tree]:
        key = _key_of(layer)
        short = key if key not in names else f"{key}_print_{len(names)}"
        names[short] = key
        layer.setShortName(short)
        layer.setCustomProperty(KEY_PROPERTY, key)
        layer.setCustomProperty(K_PROPERTY, k)
        layer.setAttribution(attribution or _ATTRIBUTION)
        if isinstance(layer, QgsVectorLayer):
            _hide_fields(layer, {f.name() for f in layer.fields()} - set(served_fields(key)))
    # A group's WMS name from its English name (a request naming a group draws the members the
    # role may read).
    for group in project.layerTreeRoot().findGroups():
        english = group.name().split(" / ")[-1].lower()
        group.setCustomProperty("wmsShortName", re.sub(r"[^a-z0-9]+", "_", english).strip("_"))
    _service(project, summary.title, year, attribution, contact_email)
    if not project.write(project_path):
        raise ServerProjectError("could not write {}: {}", project_path, project.error())
    page = write_partner_page(os.path.splitext(project_path)[0] + "_web")
    return ServerProjectSummary(year, names, summary.layouts, public_folder, k, page.folder,
                                page.leaflet)


_ATTRIBUTION = "ศูนย์ปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์จังหวัด / Provincial anti-trafficking centre"


def _publish(database, year, folder):
    """The year's public export, with the protection the year was released with (or the default
    for a first release); returns its k."""
    with reading(database) as conn:
        latest = release.latest_release(conn, year)
    settings = (release.Settings(latest["k"], latest["rounding"], latest["dominance"])
                if latest else release.Settings())
    public_export.export(database, year, folder, "subdistrict", k=settings.k,
                         rounding=settings.rounding, dominance=settings.dominance)
    return settings.k


def _key_of(layer):
    """The key of a layer in roles.SERVED: its GeoPackage table, or a derived layer's own key."""
    key = layer.customProperty(KEY_PROPERTY)
    if key:
        return key
    source = layer.source()
    if "layername=" in source:
        return source.split("layername=")[1].split("|")[0]
    return layer.name() if layer.providerType() == "virtual" else None


def _hide_fields(layer, hidden):
    """Fields no role sees are left out of WMS and WFS. QGIS 3.22 has only these calls (marked
    deprecated for the field flags of later versions), so their warning is silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        layer.setExcludeAttributesWms(hidden)
        layer.setExcludeAttributesWfs(hidden)


def _drop_empty_groups(group):
    for child in list(group.children()):
        if isinstance(child, QgsLayerTreeGroup):
            _drop_empty_groups(child)
            if not child.children():
                group.removeChildNode(child)


def _add(project, group, layer, key):
    if not layer.isValid():
        raise ServerProjectError("the layer {} cannot be opened", layer.name())
    layer.setCustomProperty(KEY_PROPERTY, key)
    project.addMapLayer(layer, False)
    group.addLayer(layer).setItemVisibilityChecked(False)


def _establishment_counts(database):
    """Establishments and those at high risk per district: all a partner sees of them."""
    with reading(database) as conn:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
    if "establishment" not in tables:
        return None
    definition = QgsVirtualLayerDefinition()
    for alias, table in (("dist", "district"), ("vil", "village"), ("est", "establishment")):
        definition.addSource(alias, f"{database}|layername={table}", "ogr")
    definition.setQuery(
        "SELECT d.code AS code, d.name_th AS name_th, count(e.fid) AS establishments, "
        "coalesce(sum(e.risk_class = 'high'), 0) AS establishments_high, d.geometry AS geometry "
        "FROM dist AS d LEFT JOIN vil AS v ON v.district_code = d.code "
        "LEFT JOIN est AS e ON e.village_code = v.code GROUP BY d.code, d.name_th, d.geometry")
    definition.setGeometryField("geometry")
    definition.setGeometryWkbType(QgsWkbTypes.MultiPolygon)
    definition.setGeometrySrid(4326)
    return QgsVectorLayer(definition.toString(), COUNTS_NAME, "virtual")


def _service(project, title, year, attribution, contact_email):
    """The OWS service of the project: WMS, WFS and OGC API - Features (which serves WFS's
    layers) for every layer; the server plugin narrows them per role."""
    abstract = (
        f"แผนที่ความเสี่ยงต่อการค้ามนุษย์ของจังหวัด ปีข้อมูล {year}: สิ่งที่แต่ละบทบาทเห็นกำหนดโดยเซิร์ฟเวอร์ "
        f"(เจ้าหน้าที่ ภาคี สาธารณะ) ไม่มีข้อมูลรายบุคคล / The province's human-trafficking risk maps, "
        f"data year {year}: what each role (staff, partner, public) sees is decided by the "
        f"server; no person-level data.")
    ids = [layer.id() for layer in project.mapLayers().values()
           if isinstance(layer, QgsVectorLayer) and layer.isSpatial()]
    project.setTitle(title)
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSRootName", "/", "trafficking")
    project.writeEntry("WMSServiceTitle", "/", title)
    project.writeEntry("WMSServiceAbstract", "/", abstract)
    project.writeEntry("WMSKeywordList", "/", ["ค้ามนุษย์", "trafficking", "risk", "Thailand"])
    project.writeEntry("WMSContactOrganization", "/", _ATTRIBUTION)
    project.writeEntry("WMSContactMail", "/", contact_email)
    project.writeEntry("WMSFees", "/", "ไม่มี / none")
    project.writeEntry("WMSAccessConstraints", "/",
                       "เฉพาะผู้ได้รับอนุญาตตามบทบาท / Authorised users by role only")
    project.writeEntry("WMSCrsList", "/", list(CRS_LIST))
    project.writeEntry("WMSRestrictedComposers", "/", [])
    project.writeEntry("WMSAddWktGeometry", "/", False)
    project.writeEntry("WMSFeatureInfoUseAttributeFormSettings", "/", False)
    project.writeEntry("WFSLayers", "/", ids)
    for layer_id in ids:
        project.writeEntry("WFSLayersPrecision", "/" + layer_id, 6)
    project.writeEntry("WFSTLayers", "Update", [])
    project.writeEntry("WFSTLayers", "Insert", [])
    project.writeEntry("WFSTLayers", "Delete", [])
    project.writeEntry("WMSAttribution", "/", attribution or _ATTRIBUTION)
