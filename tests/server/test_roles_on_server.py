"""Each role's view of the intranet, asked of a real QGIS Server (qgis_mapserver) that loads the
plugin's server part: capabilities, maps, feature info, WFS, OGC API items and prints, and the
crafted requests that try to get around the rules."""
import http.client
import json
import os
import re
import subprocess

import pytest

from conftest_server import RELEASE_K, needs_server, qgis_server, server_project  # noqa: F401 (the session fixtures)

pytestmark = [needs_server, pytest.mark.slow]


@pytest.fixture()
def server(qgis_server):  # noqa: F811
    return qgis_server


@pytest.fixture()
def project(server_project):  # noqa: F811
    return server_project

STAFF_ONLY = {"village", "establishment", "network_member", "risk_village",
              "risk_change_subdistrict", "risk_change_district"}
PARTNER = {"province", "district", "subdistrict", "public_subdistrict", "risk_subdistrict",
           "risk_district", "organization", "establishment_district"}
PUBLIC = {"province", "district", "subdistrict", "public_subdistrict"}
BOX = "18.55,98.75,18.75,99.15"   # the sample province (lat/lon, WMS 1.3.0 in EPSG:4326)


def wms_layers(server, role):
    status, _, body = server.get(role, SERVICE="WMS", VERSION="1.3.0", REQUEST="GetCapabilities")
    assert status == 200
    names = set(re.findall(r"<Name>([^<]+)</Name>", body.decode()))
    return {n for n in names if not re.search(r"_print_\d+$", n)}


def wfs_types(server, role):
    status, _, body = server.get(role, SERVICE="WFS", VERSION="1.1.0", REQUEST="GetCapabilities")
    assert status == 200
    return set(re.findall(r"<Name>([^<]+)</Name>", body.decode()))


def features(server, role, layer, **params):
    status, _, body = server.get(role, SERVICE="WFS", VERSION="1.1.0", REQUEST="GetFeature",
                                 TYPENAME=layer, OUTPUTFORMAT="GeoJSON", **params)
    return status, (json.loads(body)["features"] if status == 200 and body.startswith(b"{")
                    else body.decode(errors="replace"))


def refused(status, body):
    return status >= 400 or "ServiceException" in str(body) or "permission" in str(body).lower()


def test_capabilities_list_each_roles_layers_and_are_not_shared_between_roles(server):
    # One after another, so a capabilities document cached for one role would show up in the next.
    seen = {role: wms_layers(server, role) for role in ("staff", "public", "partner", "staff",
                                                             "public")}
    assert STAFF_ONLY | PARTNER <= seen["staff"]
    assert PARTNER <= seen["partner"] and not seen["partner"] & STAFF_ONLY
    assert PUBLIC <= seen["public"]
    assert not seen["public"] & (STAFF_ONLY | PARTNER - PUBLIC)
    # A missing or unknown role is the public; a header name in another case is the same header.
    assert wms_layers(server, None) == seen["public"]
    assert wms_layers(server, "admin") == seen["public"]
    for spelling in ("x-trafficking-role", "X-TRAFFICKING-ROLE"):   # urllib would recapitalise
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        connection.request("GET", "/?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                           headers={spelling: "staff"})
        names = set(re.findall(r"<Name>([^<]+)</Name>", connection.getresponse().read().decode()))
        connection.close()
        assert "network_member" in names, spelling
    assert wfs_types(server, "partner") & STAFF_ONLY == set()
    assert "network_member" in wfs_types(server, "staff")
    assert wfs_types(server, "public") & (STAFF_ONLY | PARTNER) <= PUBLIC


def class_colours_in(png):
    from PyQt5.QtGui import QImage
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4)}
    return colours


def test_getmap_draws_the_risk_classes_for_partners_and_refuses_the_public(server,
                                                                          project):
    from trafficking_db.trafficking_plugin.core.dissemination.class_colours import class_colours
    expected = {c.lower() for k, c in class_colours(project[0]).items() if k}
    params = dict(SERVICE="WMS", VERSION="1.3.0", REQUEST="GetMap", LAYERS="risk_subdistrict",
                  STYLES="", CRS="EPSG:4326", BBOX=BOX, WIDTH=400, HEIGHT=200, FORMAT="image/png")
    for role in ("staff", "partner"):
        status, kind, png = server.get(role, **params)
        assert status == 200 and kind.startswith("image/png"), png[:300]
        drawn = class_colours_in(png)
        assert len(drawn) > 2 and drawn & expected, (role, expected)
    status, kind, body = server.get("public", **params)
    assert refused(status, body) and not kind.startswith("image")
    status, kind, png = server.get("public", **{**params, "LAYERS": "public_subdistrict"})
    assert status == 200 and len(class_colours_in(png)) > 1


def test_partners_see_risk_areas_above_k_with_their_fields_only(server):
    status, staff = features(server, "staff", "risk_subdistrict")
    status, partner = features(server, "partner", "risk_subdistrict")
    small = {f["properties"]["code"] for f in staff if f["properties"]["persons_scored"] < RELEASE_K}
    assert small, "the sample needs an area under k for this test"
    assert {f["properties"]["code"] for f in partner} == \
        {f["properties"]["code"] for f in staff} - small
    assert set(partner[0]["properties"]) == {"code", "name_th", "data_year", "persons_scored",
                                             "risk_class"}
    assert {"drivers", "mean_index"} <= set(staff[0]["properties"])
    # Asking for hidden fields by name gives nothing of them.
    status, asked = features(server, "partner", "risk_subdistrict",
                             PROPERTYNAME="drivers,mean_index")
    assert all(not (f["properties"] or {}).keys() & {"drivers", "mean_index"} for f in asked) \
        if isinstance(asked, list) else refused(status, asked)


@pytest.mark.parametrize("params", [
    {"EXP_FILTER": '"persons_scored" < 100'},                  # the features under k
    {"EXP_FILTER": '"mean_index" > 0.3'},                      # a hidden field as an oracle
    {"FILTER": "<Filter><PropertyIsGreaterThan><PropertyName>mean_index</PropertyName>"
               "<Literal>0.3</Literal></PropertyIsGreaterThan></Filter>"},
    {"SORTBY": "drivers"},
], ids=["under-k", "exp-hidden", "ogc-filter-hidden", "sort-hidden"])
def test_filter_tricks_reveal_nothing_to_partners(server, params):
    status, found = features(server, "partner", "risk_subdistrict", **params)
    assert refused(status, found) or found == [], found


def test_areas_under_k_cannot_be_fetched_by_their_id(server):
    status, staff = features(server, "staff", "risk_subdistrict")
    small = [f["id"] for f in staff if f["properties"]["persons_scored"] < RELEASE_K]
    status, found = features(server, "partner", "risk_subdistrict", FEATUREID=small[0])
    assert refused(status, found) or found == [], found
    fid = small[0].split(".")[-1]
    status, _, body = server.get("partner", f"/wfs3/collections/risk_subdistrict/items/{fid}.json")
    assert status >= 400 and b"Persons" not in body


def test_forbidden_layers_are_refused_in_every_service(server):
    for role, layer in (("partner", "network_member"), ("partner", "establishment"),
                        ("public", "risk_subdistrict"), ("public", "organization"),
                        ("partner", "risk_village"), ("public", "report_row")):
        status, found = features(server, role, layer)
        assert refused(status, found), (role, layer, found)
        status, _, body = server.get(role, f"/wfs3/collections/{layer}/items.json")
        assert status >= 400 and b'"features"' not in body, (role, layer)
        status, kind, body = server.get(
            role, SERVICE="WMS", VERSION="1.3.0", REQUEST="GetFeatureInfo", LAYERS=layer,
            QUERY_LAYERS=layer, CRS="EPSG:4326", BBOX=BOX, WIDTH=400, HEIGHT=200, I=150, J=100,
            INFO_FORMAT="application/json", FEATURE_COUNT=50)
        assert refused(status, body) or b'"features": [' not in body or \
            json.loads(body)["features"] == [], (role, layer)


def test_legends_and_groups_obey_the_roles(server):
    legend = dict(SERVICE="WMS", VERSION="1.3.0", REQUEST="GetLegendGraphic", FORMAT="image/png")
    assert server.get("partner", **legend, LAYER="risk_subdistrict")[0] == 200
    status, _, body = server.get("partner", **legend, LAYER="network_member")
    assert refused(status, body)
    # A group's name does not open its members to a role that may not read them.
    status, kind, body = server.get("public", SERVICE="WMS", VERSION="1.3.0", REQUEST="GetMap",
                                    LAYERS="risk_index", STYLES="", CRS="EPSG:4326", BBOX=BOX,
                                    WIDTH=100, HEIGHT=50, FORMAT="image/png")
    assert refused(status, body) and not kind.startswith("image")


def test_staff_read_network_members_work_contacts_only(server):
    status, members = features(server, "staff", "network_member")
    assert status == 200 and members
    fields = set(members[0]["properties"])
    assert {"name", "phone", "email"} <= fields and not fields & {"address", "phone_e164"}
    status, places = features(server, "staff", "establishment")
    assert len(places) == 2 and "case_refs" not in places[0]["properties"]
    status, counts = features(server, "partner", "establishment_district")
    assert status == 200 and sum(f["properties"]["establishments"] for f in counts) == 2
    assert sum(f["properties"]["establishments_high"] for f in counts) == 1
    status, organisations = features(server, "partner", "organization")
    assert [f["properties"]["name"] for f in organisations] == ["Shelter A"]


def english(properties):
    """OGC API and JSON feature info name fields by their aliases ('ไทย / English'): the English."""
    return {key.split(" / ")[-1]: value for key, value in (properties or {}).items()}


def test_ogc_api_items_follow_the_roles(server):
    status, _, body = server.get("partner", "/wfs3/collections/risk_subdistrict/items.json",
                                      limit=100)
    assert status == 200
    items = [english(f["properties"]) for f in json.loads(body)["features"]]
    assert items and all(f["Persons scored"] >= RELEASE_K for f in items)
    assert "Risk class" in items[0] and not {"Drivers", "Mean index"} & set(items[0])
    status, _, body = server.get("staff", "/wfs3/collections/risk_subdistrict/items.json",
                                      limit=100)
    staff = [english(f["properties"]) for f in json.loads(body)["features"]]
    assert len(staff) > len(items) and "Drivers" in staff[0]
    status, _, body = server.get("public", "/wfs3/collections/public_subdistrict/items.json")
    assert status == 200 and json.loads(body)["features"]
    # An OGC API query on a hidden field is refused, not answered.
    status, _, body = server.get("partner", "/wfs3/collections/risk_subdistrict/items.json",
                                      mean_index="0.5")
    assert status >= 400


def test_getfeatureinfo_shows_the_roles_fields(server):
    params = dict(SERVICE="WMS", VERSION="1.3.0", REQUEST="GetFeatureInfo",
                  LAYERS="risk_subdistrict", QUERY_LAYERS="risk_subdistrict", CRS="EPSG:4326",
                  BBOX=BOX, WIDTH=400, HEIGHT=200, INFO_FORMAT="application/json",
                  FEATURE_COUNT=50, I=200, J=100)
    answers = {}
    for role in ("staff", "partner"):
        status, _, body = server.get(role, **params)
        assert status == 200, body[:300]
        found = [english(f["properties"]) for f in json.loads(body)["features"]]
        assert found, role
        answers[role] = set().union(*found)
    assert "Drivers" in answers["staff"] and "Drivers" not in answers["partner"]
    assert "Risk class" in answers["partner"] and "Mean index" not in answers["partner"]
    status, _, body = server.get("public", **params)
    assert refused(status, body)


def test_getprint_refuses_layouts_drawing_forbidden_layers(server):
    params = dict(SERVICE="WMS", VERSION="1.3.0", REQUEST="GetPrint", FORMAT="pdf",
                  CRS="EPSG:4326", TEMPLATE="Risk map 2024")
    status, kind, body = server.get("staff", **params)
    assert status == 200 and body.startswith(b"%PDF")
    for role in ("partner", "public", None):
        status, kind, body = server.get(role, **params)
        assert status == 403 and not body.startswith(b"%PDF"), role
        assert b"Security" in body
    status, _, body = server.get("public", **{**params, "TEMPLATE": "Risk reports 2024"})
    assert status == 403


CGI = "/usr/lib/cgi-bin/qgis_mapserv.fcgi"


@pytest.mark.skipif(not os.path.exists(CGI), reason=f"{CGI} is not installed (qgis-server)")
def test_the_fastcgi_binary_reads_the_role_apache_passes(project):
    """Behind Apache (mod_fcgid) the header arrives as the CGI variable HTTP_X_TRAFFICKING_ROLE;
    run as a plain CGI here, the binary reads it the same way."""
    from conftest import PYTHONPATH

    def capabilities(role):
        env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "QT_QPA_PLATFORM": "offscreen",
               "QGIS_PLUGINPATH": str(PYTHONPATH), "QGIS_PROJECT_FILE": project[1],
               "REQUEST_METHOD": "GET", "QUERY_STRING": "SERVICE=WMS&REQUEST=GetCapabilities",
               "SERVER_NAME": "localhost", "SERVER_PORT": "80"}
        if role:
            env["HTTP_X_TRAFFICKING_ROLE"] = role
        answer = subprocess.run([CGI], env=env, capture_output=True, timeout=120, check=True)
        return set(re.findall(r"<Name>([^<]+)</Name>", answer.stdout.decode(errors="replace")))

    assert "network_member" in capabilities("staff")
    public = capabilities(None)
    assert "public_subdistrict" in public and "network_member" not in public
