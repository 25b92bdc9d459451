"""The manual's pictures of the partners' web page (make screenshots): QGIS Server and the
forwarding servers of `make web-demo` on a database, Debian's chromium (headless) opening the page
as staff (in Thai) and as a partner (in English) with an area's figures shown. Saves
web_partner_staff.png and web_partner_partner.png into --shots.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_demo  # noqa: E402 (a sibling script: scripts/ is not a package)

SHOTS = (("staff", "th"), ("partner", "en"))


def busiest_point(database: Path) -> tuple[float, float]:
    """(lat, lon) inside the sub-district with the most persons scored."""
    from osgeo import ogr
    with sqlite3.connect(database) as conn:
        code = conn.execute("SELECT code FROM risk_subdistrict ORDER BY data_year DESC, "
                            "persons_scored DESC LIMIT 1").fetchone()[0]
    source = ogr.Open(str(database))
    layer = source.GetLayerByName("subdistrict")
    layer.SetAttributeFilter(f"code = '{code}'")
    feature = layer.GetNextFeature()      # GDAL frees a geometry with its feature: keep both
    point = feature.GetGeometryRef().PointOnSurface()
    return point.GetY(), point.GetX()


def shoot(urls: dict[str, str], point: tuple[float, float], shots: Path) -> list[Path]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    written = []
    try:
        for role, language in SHOTS:
            driver.get(urls[role])
            wait = WebDriverWait(driver, 120)
            wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
            if language == "en":
                driver.find_element(By.ID, "language").click()
            x, y = driver.execute_script("return window.partnerPoint(arguments[0], arguments[1]);",
                                         *point)
            area = driver.find_element(By.ID, "map")
            ActionChains(driver).move_to_element_with_offset(
                area, int(x - area.size["width"] / 2), int(y - area.size["height"] / 2)).click().perform()
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details section"))
            wait.until(lambda d: d.execute_script(     # the popup faded in, the map panned
                "var p = document.querySelector('.leaflet-popup');"
                "return p && getComputedStyle(p).opacity === '1';"))
            time.sleep(1)      # Leaflet's pan after the popup, and the image of the new view
            wait.until(lambda d: d.execute_script(
                "return Array.prototype.every.call(document.images, function (i) {"
                " return i.complete; });"))
            wait.until(lambda d: d.execute_script(
                "return Array.prototype.every.call(document.images, function (i) {"
                " return i.complete; });"))
            target = shots / f"web_partner_{role}.png"
            driver.save_screenshot(str(target))
            written.append(target)
    finally:
        driver.quit()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=str(REPO / "build" / "demo" / "province_50.gpkg"))
    parser.add_argument("--out", default=str(REPO / "build" / "web-shots"))
    parser.add_argument("--shots", default=str(REPO / "docs" / "img"))
    parser.add_argument("--port", type=int, default=18180)
    args = parser.parse_args(argv)
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("screenshots (web): skipped: chromium and chromium-driver are not installed "
              "(make setup installs them)", file=sys.stderr)
        return 1
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    intranet = web_demo.Intranet(Path(args.database), Path(args.out), args.port)
    try:
        intranet.start()
        urls = {role: server.url for role, server in intranet.forwarders.items()}
        for target in shoot(urls, busiest_point(intranet.out / Path(args.database).name), shots):
            print(f"screenshots (web): {target}")
    except web_demo.DemoError as error:
        print(f"screenshots (web): {error}", file=sys.stderr)
        return 1
    finally:
        intranet.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
