"""Run inside the real QGIS desktop (qgis --code): load, unload, load the plugin; write what QGIS saw.

The result goes to the JSON file named by TRAFFICKING_TEST_RESULT, then QGIS quits.
"""
import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, loadPlugin, plugins, startPlugin, unloadPlugin

NAME = "trafficking_db"
MENU_TITLE = "Trafficking Prevention Database"


def state():
    menus = [a.text() for a in iface.pluginMenu().actions()
             if a.menu() is not None and MENU_TITLE in a.text()]
    entries = [s.text() for a in iface.pluginMenu().actions()
               if a.menu() is not None and MENU_TITLE in a.text() for s in a.menu().actions()]
    providers = [p.id() for p in QgsApplication.processingRegistry().providers()
                 if p.id() == "trafficking"]
    algorithms = sorted(a.id() for a in QgsApplication.processingRegistry().algorithms()
                        if a.provider() and a.provider().id() == "trafficking")
    return {"loaded": NAME in plugins, "menus": menus, "menu_entries": entries,
            "providers": providers, "algorithms": algorithms}


def run():
    result = {}
    try:
        if NAME in plugins:                       # enabled in the profile: QGIS started it
            result["at_start"] = state()
            unloadPlugin(NAME)
        else:
            result["at_start"] = None
        result["unloaded_0"] = state()
        loadPlugin(NAME) and startPlugin(NAME)
        result["loaded_1"] = state()
        unloadPlugin(NAME)
        result["unloaded_1"] = state()
        loadPlugin(NAME) and startPlugin(NAME)
        result["loaded_2"] = state()
    except Exception:  # noqa: BLE001 - report anything to the test
        result["error"] = traceback.format_exc()
    with open(os.environ["TRAFFICKING_TEST_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


QTimer.singleShot(3000, run)   # after QGIS finished starting its plugins
