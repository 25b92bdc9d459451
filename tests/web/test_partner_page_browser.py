"""The partners' page in a real browser (Debian's chromium, headless, through python3-selenium)
in front of a real QGIS Server: each role through the forwarding server that stands in for
Apache (scripts/web_forwarder.py, as `make web-demo` runs it). No console error, the role's
layers in the switcher, the map drawn from WMS, a click shows the area's figures as the database
has them, the language switch, nothing fetched from outside 127.0.0.1, and a role a client sends
itself overwritten. Saves /tmp/issue18_partner_<role>.png."""
import importlib.util
import re
import sqlite3
import urllib.request
from pathlib import Path

import pytest
from browser import headless_chromium

from conftest import REPO
from conftest_server import RELEASE_K, needs_server, qgis_server, server_project  # noqa: F401 (the session fixtures)

pytestmark = [needs_server, pytest.mark.slow]
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="python3-selenium is not installed (make setup installs it)")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402 (after the skip)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

_spec = importlib.util.spec_from_file_location("web_forwarder", REPO / "scripts" / "web_forwarder.py")
web_forwarder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(web_forwarder)

ROLES = ("staff", "partner", "public")
STAFF_ONLY = {"risk_village", "village", "establishment"}


@pytest.fixture(scope="module")
def pages(server_project, qgis_server):  # noqa: F811
    """{role: forwarding server} serving the page serverproject wrote, in front of QGIS Server."""
    folder = Path(server_project[1]).with_name("intranet_web")
    servers = web_forwarder.start_all(str(folder), qgis_server.url)
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="module")
def driver():
    browser = headless_chromium("1280,900", {"browser": "ALL"})
    yield browser
    browser.quit()


def open_page(driver, url):
    """The page loaded, its layers read and its map image drawn."""
    driver.get("about:blank")
    driver.get_log("browser")                 # only this page's messages from here
    driver.get(url)
    wait = WebDriverWait(driver, 120)
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    wait.until(lambda d: d.execute_script(
        "var i = document.querySelector('.wms-image');"
        "if (!i) return false;"
        "if (i.tagName.toLowerCase() === 'img') return i.complete && i.naturalWidth > 0;"
        "return i.getBBox().width > 0 && i.dataset.loaded === 'true';"))
    return driver


def switcher(driver):
    items = driver.find_elements(By.CSS_SELECTOR, "#layers li")
    return {li.get_attribute("data-layer") for li in items} - {"base"}


def richest_subdistrict(db):
    """(code, persons_scored, persons_high, a point inside it as (lat, lon)) of the sub-district
    with the most persons scored."""
    from osgeo import ogr
    with sqlite3.connect(db) as conn:
        code, scored, high = conn.execute(
            "SELECT code, persons_scored, persons_high FROM risk_subdistrict WHERE data_year = 2024 "
            "ORDER BY persons_scored DESC LIMIT 1").fetchone()
    source = ogr.Open(str(db))
    layer = source.GetLayerByName("subdistrict")
    layer.SetAttributeFilter(f"code = '{code}'")
    feature = layer.GetNextFeature()      # GDAL frees a geometry with its feature: keep both
    point = feature.GetGeometryRef().PointOnSurface()
    lat, lon = point.GetY(), point.GetX()
    del feature, layer, source
    return code, scored, high, (lat, lon)


def click_at(driver, lat, lon):
    x, y = driver.execute_script("return window.partnerPoint(arguments[0], arguments[1]);", lat, lon)
    area = driver.find_element(By.ID, "map")
    size = area.size
    ActionChains(driver).move_to_element_with_offset(
        area, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def figures(driver, layer):
    """{field: shown text} of ``layer``'s feature in the details panel, once it is there (a
    field by its English name: the server's alias's English part, or the field's own name)."""
    WebDriverWait(driver, 120).until(lambda d: d.find_elements(
        By.CSS_SELECTOR, "#details section"))
    return {dd.get_attribute("data-field"): dd.text for dd in driver.find_elements(
        By.CSS_SELECTOR, f'#details section[data-layer="{layer}"] dd')}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_layers_drawn_and_an_areas_figures(role, pages, driver, server_project):  # noqa: F811
    db, project, _ = server_project
    open_page(driver, pages[role].url)
    layers = switcher(driver)
    if role == "staff":
        assert {"risk_subdistrict", "public_subdistrict"} | STAFF_ONLY <= layers
    elif role == "partner":
        assert {"risk_subdistrict", "risk_district", "public_subdistrict"} <= layers
        assert not layers & STAFF_ONLY
    else:
        assert layers == {"public_subdistrict"}

    code, scored, high, (lat, lon) = richest_subdistrict(db)
    click_at(driver, lat, lon)
    if role == "public":
        shown = figures(driver, "public_subdistrict")
        assert shown["area_code"] == code
        with sqlite3.connect(Path(project).with_name("intranet_public") / "public_export_2024.gpkg") as conn:
            published = conn.execute("SELECT persons_scored FROM public_subdistrict WHERE area_code = ?",
                                     (code,)).fetchone()[0]
        assert shown["persons_scored"] == (str(published) if published is not None else "ปกปิด")
        assert not driver.find_elements(By.CSS_SELECTOR, '#details section[data-layer="risk_subdistrict"]')
    else:
        shown = figures(driver, "risk_subdistrict")
        if role == "partner" and scored < RELEASE_K:     # partners see only well-counted areas
            assert shown == {}
        else:
            assert shown["Code"] == code and shown["Persons scored"] == str(scored)
            assert ("High risk (persons)" in shown) is (role == "staff")
            if role == "staff":
                assert shown["High risk (persons)"] == str(high)
    driver.save_screenshot(f"/tmp/issue18_partner_{role}.png")

    # Every request went to the page's own host (Leaflet, the WMS images, the legends).
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    assert resources and all(name.startswith(pages[role].url) for name in resources), resources
    assert any("REQUEST=GetMap" in name for name in resources)
    assert any("REQUEST=GetLegendGraphic" in name for name in resources)
    WebDriverWait(driver, 120).until(lambda d: d.execute_script(   # every legend drawn
        "var images = document.querySelectorAll('#legend img');"
        "return images.length > 0 && Array.prototype.every.call(images, function (i) {"
        " return i.complete && i.naturalWidth > 0; });"))
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_the_language_switch(pages, driver):
    open_page(driver, pages["partner"].url)
    label = driver.find_element(By.CSS_SELECTOR, '#layers li[data-layer="risk_subdistrict"] span')
    thai = label.text
    assert driver.find_element(By.ID, "layers-heading").text == "ชั้นข้อมูล"
    driver.find_element(By.ID, "language").click()
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert driver.find_element(By.ID, "layers-heading").text == "Layers"
    english = driver.find_element(By.CSS_SELECTOR, '#layers li[data-layer="risk_subdistrict"] span').text
    assert english != thai and english.isascii() and english
    driver.find_element(By.ID, "language").click()
    assert driver.find_element(By.ID, "layers-heading").text == "ชั้นข้อมูล"
    # The maps' source as the server states it (serverproject's default attribution).
    credit = driver.find_element(By.CSS_SELECTOR, ".leaflet-control-attribution").text
    assert "Provincial anti-trafficking centre" in credit and "Leaflet" in credit


def test_switching_a_layer_off_redraws_without_it_and_drops_its_legend(pages, driver):
    open_page(driver, pages["staff"].url)
    assert driver.find_elements(By.CSS_SELECTOR, '#legend figure[data-layer="risk_subdistrict"]')
    driver.find_element(By.CSS_SELECTOR, '#layers input[value="risk_subdistrict"]').click()
    assert not driver.find_elements(By.CSS_SELECTOR, '#legend figure[data-layer="risk_subdistrict"]')
    driver.find_element(By.CSS_SELECTOR, '#layers input[value="risk_village"]').click()
    WebDriverWait(driver, 120).until(lambda d: d.execute_script(
        "return performance.getEntriesByType('resource').some(function (e) {"
        " return /REQUEST=GetMap/.test(e.name)"
        "  && /LAYERS=subdistrict%2Crisk_village%2Cdistrict/.test(e.name); });"))
    assert driver.find_elements(By.CSS_SELECTOR, '#legend figure[data-layer="risk_village"] img')


def capabilities_names(url, headers):
    request = urllib.request.Request(url + "ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                                     headers=headers)
    with urllib.request.urlopen(request, timeout=120) as answer:
        text = answer.read().decode()
    return set(re.findall(r"<Name>([^<]+)</Name>", text))


@pytest.mark.parametrize("sent", ["X-Trafficking-Role", "x-trafficking-role", "X-TRAFFICKING-ROLE"])
def test_a_role_the_client_sends_is_overwritten(pages, sent):
    as_public = capabilities_names(pages["public"].url, {sent: "staff"})
    assert "public_subdistrict" in as_public and "risk_subdistrict" not in as_public
    as_staff = capabilities_names(pages["staff"].url, {sent: "public"})
    assert "risk_village" in as_staff


def test_without_leaflet_the_plain_map_shows_the_figures(server_project, qgis_server, driver, tmp_path):  # noqa: F811
    from trafficking_db.trafficking_plugin.outputs.partner_page import write_partner_page
    db = server_project[0]
    page = write_partner_page(tmp_path / "web", leaflet_candidates=[])
    assert page.leaflet is None
    server = web_forwarder.RoleServer(str(tmp_path / "web"), qgis_server.url, "staff").start()
    try:
        open_page(driver, server.url)
        assert driver.find_elements(By.CSS_SELECTOR, "#map svg image.wms-image")
        assert "Leaflet" in driver.find_element(By.ID, "status").text
        code, scored, _, (lat, lon) = richest_subdistrict(db)
        click_at(driver, lat, lon)
        shown = figures(driver, "risk_subdistrict")
        assert shown["Code"] == code and shown["Persons scored"] == str(scored)
        driver.save_screenshot("/tmp/issue18_partner_plain.png")
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        server.stop()


def test_a_phone_width_needs_no_sideways_scrolling(pages, driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 375, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_page(driver, pages["partner"].url)
        assert driver.execute_script(
            "return document.documentElement.scrollWidth") <= 375
        map_box = driver.find_element(By.ID, "map").rect
        panel = driver.find_element(By.ID, "panel").rect
        assert map_box["width"] >= 300 and map_box["height"] >= 250
        assert panel["y"] >= map_box["y"] + map_box["height"] - 1     # the panel under the map
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
