"""The intranet's server project: only what some role may see, every layer and field listed."""
import sqlite3
import warnings

import pytest

from conftest import copy_database


@pytest.fixture(scope="module")
def server_project(scored_sample, tmp_path_factory, qgis_app):
    from trafficking_db.trafficking_plugin.outputs.server_project import build_server_project
    _, db = scored_sample
    db = copy_database(db, tmp_path_factory.mktemp("server_project"))
    path = db.parent / "intranet.qgs"
    return db, path, build_server_project(db, path, 2024, "Test boundaries")


def test_every_layer_and_field_is_served_to_some_role(server_project):
    from qgis.core import QgsProject
    from trafficking_db.trafficking_plugin.core.dissemination import roles
    from trafficking_db.trafficking_plugin.core.schema import IDENTIFYING_COLUMNS

    _, path, summary = server_project
    project = QgsProject()
    assert project.read(str(path))
    keys = set()
    for layer in project.mapLayers().values():
        key = layer.customProperty(roles.KEY_PROPERTY)
        keys.add(key)
        assert key in roles.SERVED, layer.name()
        assert layer.shortName() and layer.isValid(), layer.name()
        with warnings.catch_warnings():   # QGIS 3.22's only calls, deprecated later
            warnings.simplefilter("ignore", DeprecationWarning)
            published = {f.name() for f in layer.fields()} - layer.excludeAttributesWms()
            assert layer.excludeAttributesWfs() == layer.excludeAttributesWms()
        assert published - {"fid"} <= set(roles.served_fields(key)), (key, published)
        assert not published & set(IDENTIFYING_COLUMNS + ("case_refs", "address", "narrative"))\
            or key == "organization", (key, published)
        assert "person" not in key and "case" not in key
    assert {"risk_subdistrict", "public_subdistrict", "network_member", "organization",
            "establishment_district"} <= keys
    assert not keys & {"case", "case_event", "risk_breakdown", "activity", "indicator"}
    assert "public_subdistrict" in summary.layers.values() and summary.k == 11
    assert summary.layouts


def test_service_is_bilingual_with_thai_crs(server_project):
    from qgis.core import QgsProject
    _, path, _ = server_project
    project = QgsProject()
    project.read(str(path))
    title = project.readEntry("WMSServiceTitle", "/")[0]
    assert "จังหวัด" in title and "province" in title
    assert "ค้ามนุษย์" in project.readEntry("WMSServiceAbstract", "/")[0]
    assert project.readListEntry("WMSCrsList", "/")[0] == ["EPSG:4326", "EPSG:3857",
                                                          "EPSG:32647", "EPSG:32648"]
    wfs = project.readListEntry("WFSLayers", "/")[0]
    assert len(wfs) >= 8 and project.readBoolEntry("WMSServiceCapabilities", "/")[0]


def test_public_figures_are_the_recorded_public_export(server_project):
    db, _, summary = server_project
    with sqlite3.connect(db) as conn:
        kind, destination, k = conn.execute(
            "SELECT kind, destination, k FROM export_register WHERE data_year = 2024 "
            "ORDER BY fid DESC LIMIT 1").fetchone()
    assert kind == "public_export" and destination.startswith(summary.public_folder)
    assert k == summary.k and "public_export_2024.gpkg" in destination


def test_a_year_that_cannot_be_published_leaves_no_project(scored_sample, tmp_path, qgis_app):
    from trafficking_db.trafficking_plugin.core.errors import CoreError
    from trafficking_db.trafficking_plugin.outputs.server_project import build_server_project
    _, db = scored_sample
    db = copy_database(db, tmp_path)
    with pytest.raises(CoreError, match="no scored person"):
        build_server_project(db, tmp_path / "intranet.qgz", 2023)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["province.gpkg",
                                                         "province.identity.sqlite"]


def test_the_partners_page_is_written_beside_the_project(server_project):
    import json

    from trafficking_db.trafficking_plugin.outputs import partner_page
    _, path, summary = server_project
    folder = path.parent / "intranet_web"
    assert summary.web_folder == str(folder)
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        "config.js", "index.html", "partner.css", "partner.js"]
    config = json.loads((folder / "config.js").read_text(encoding="utf-8")
                        .removeprefix("window.PARTNER_CONFIG = ").rstrip().rstrip(";"))
    assert config["ows"] == "/ows"
    source = partner_page.leaflet_source()
    assert config["leaflet"] is (source is not None) and summary.leaflet == (
        str(source) if source else None)
    if source is not None:     # Leaflet and its licence copied, from the plugin's or Debian's
        assert (folder / "leaflet" / "leaflet.js").read_bytes() == (
            source / "leaflet.js").read_bytes()
        assert "BSD" in (folder / "leaflet" / "LICENSE").read_text(encoding="utf-8")
        assert (folder / "leaflet" / "images" / "layers.png").is_file()
    # Nothing the page loads comes from elsewhere than its folder and the server.
    page = (folder / "index.html").read_text(encoding="utf-8") + (
        folder / "partner.js").read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page and "//unpkg" not in page


def test_without_leaflet_the_page_draws_its_plain_map(tmp_path):
    import json

    from trafficking_db.trafficking_plugin.outputs import partner_page
    (tmp_path / "web" / "leaflet").mkdir(parents=True)     # a former copy is removed
    page = partner_page.write_partner_page(tmp_path / "web", "/maps/ows",
                                           leaflet_candidates=[tmp_path / "none"])
    assert page.leaflet is None and not (tmp_path / "web" / "leaflet").exists()
    text = (tmp_path / "web" / "config.js").read_text(encoding="utf-8")
    assert json.loads(text.split("= ", 1)[1].rstrip().rstrip(";")) == {"ows": "/maps/ows",
                                                                       "leaflet": False}
