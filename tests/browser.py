"""Headless Chromium for the web tests: Debian's chromium and chromium-driver, driven by
python3-selenium (scripts/setup.sh installs them; a test skips with that reason without them)."""
import shutil

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


def headless_chromium(window: str, logs: dict):
    """A browser of ``window`` ("width,height") in Thai, keeping the ``logs`` selenium asks for
    ({"browser": "ALL"}, ...); the caller quits it."""
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("chromium or chromium-driver is not installed (make setup installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={window}", "--lang=th"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", logs)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
