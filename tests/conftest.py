"""Test set-up: the plugin importable as a package, real data from ../shared, QGIS processing.

The repository root is the plugin folder. QGIS imports it under the plugin's folder name, so the
tests do the same through a link ``build/pythonpath/trafficking_db`` -> repository root.
"""
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "trafficking_db"
SHARED = REPO.parent / "shared"
BOUNDARIES = SHARED / "data" / "th_admin_boundaries.gpkg"


def _link_plugin():
    folder = REPO / "build" / "pythonpath"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / PLUGIN_NAME
    if not link.is_symlink() or link.resolve() != REPO:
        if link.is_symlink():
            link.unlink()
        link.symlink_to(REPO, target_is_directory=True)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return folder


PYTHONPATH = _link_plugin()


def tambon_layer_uri():
    return f"{BOUNDARIES}|layername=tambon"


needs_shared = pytest.mark.skipif(not BOUNDARIES.exists(),
                                  reason="../shared/data/th_admin_boundaries.gpkg is not beside the checkout")


_PROVIDERS = []   # Python owns providers made here: keep them alive while registered


@pytest.fixture()
def provider(qgis_processing):
    """The plugin's Processing provider, registered if a test (e.g. a plugin unload) removed it."""
    from qgis.core import QgsApplication
    from trafficking_db.processing_algorithms.provider import TraffickingProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("trafficking") is None:
        _PROVIDERS.append(TraffickingProvider())
        registry.addProvider(_PROVIDERS[-1])
    return registry.providerById("trafficking")


@pytest.fixture()
def run_algorithm(provider):
    """Run a trafficking algorithm like the toolbox does; returns its results dict."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def run(name, **parameters):
        feedback = QgsProcessingFeedback()
        context = QgsProcessingContext()
        return processing.run(f"trafficking:{name}", parameters, context=context, feedback=feedback)

    return run


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def province_units(subdistricts, villages_geojson=None):
    """Admin-unit rows for ``create_database.create_or_upgrade`` from ``geography.Subdistrict`` records
    (their first ring's bounding box as a square) and a sample's villages.geojson."""
    import json
    import struct

    def polygon(points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        bbox = (min(xs), min(ys), max(xs), max(ys))
        ring = [(bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[2], bbox[3]), (bbox[0], bbox[3]),
                (bbox[0], bbox[1])]
        wkb = struct.pack("<BII", 1, 6, 1) + struct.pack("<BII", 1, 3, 1) + struct.pack("<I", 5)
        return wkb + b"".join(struct.pack("<2d", *p) for p in ring), bbox

    def unit(points, **columns):
        wkb, bbox = polygon(points)
        return {"wkb": wkb, "bbox": bbox, **columns}

    every = [p for s in subdistricts for p in s.polygons[0][0]]
    first = subdistricts[0]
    units = {"province": [unit(every, code=first.province_code, name_th=first.province_name_th,
                               name_en=first.province_name_en, area_km2=1.0)],
             "district": [], "subdistrict": [], "village": []}
    for code in sorted({s.district_code for s in subdistricts}):
        members = [s for s in subdistricts if s.district_code == code]
        units["district"].append(unit(
            [p for s in members for p in s.polygons[0][0]], code=code,
            name_th=members[0].district_name_th, name_en=members[0].district_name_en,
            province_code=first.province_code, area_km2=1.0))
    for s in subdistricts:
        units["subdistrict"].append(unit(
            s.polygons[0][0], code=s.code, name_th=s.name_th, name_en=s.name_en,
            district_code=s.district_code, province_code=s.province_code, area_km2=1.0))
    if villages_geojson:
        with open(villages_geojson, encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                x, y = feature["geometry"]["coordinates"]
                p = feature["properties"]
                units["village"].append({
                    "wkb": struct.pack("<BI2d", 1, 1, x, y), "bbox": (x, y, x, y),
                    "code": p["village_code"], "name_th": p["village_name_th"], "moo": p["moo"],
                    "subdistrict_code": p["subdistrict_code"],
                    "district_code": p["subdistrict_code"][:4], "province_code": first.province_code,
                    "location_source": "villages.geojson"})
    return units


@pytest.fixture(scope="session")
def imported_sample(tmp_path_factory):
    """The synthetic province's sample files (scale 0.002) imported into a database with its
    sub-districts and villages, for data year B.E. 2567; returns (files folder, manifest, db).
    Tests that change the database work on a copy. TRAFFICKING_TEST_SEED (default 1) picks
    another sample, to check that a test does not lean on one seed's luck."""
    from trafficking_db.trafficking_plugin.core import create_database
    from trafficking_db.trafficking_plugin.sample import synthetic_province
    from trafficking_db.trafficking_plugin.core.ingest import import_file
    from trafficking_db.trafficking_plugin.sample import generator

    folder = tmp_path_factory.mktemp("imported_sample")
    subdistricts = synthetic_province.synthetic_province()
    manifest = generator.generate_sample_data(subdistricts, folder / "files", scale=0.002,
                                               seed=int(os.environ.get("TRAFFICKING_TEST_SEED", "1")),
                                               border=synthetic_province.synthetic_border())
    db = folder / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(subdistricts,
                                                               folder / "files" / "villages.geojson"))
    for entry in manifest["files"]:
        import_file.import_file(db, folder / "files" / entry["path"], entry["source"], 2024)
    return folder / "files", manifest, db


@pytest.fixture(scope="session")
def scored_sample(imported_sample, tmp_path_factory):
    """A copy of imported_sample's database, crosswalked and scored for 2024; (files, db).
    Tests that change it work on a copy of their own."""
    from trafficking_db.trafficking_plugin.core.risk import risk_index
    from trafficking_db.trafficking_plugin.core.standard import crosswalk

    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("scored_sample"))
    crosswalk.run_crosswalk(db, 2024)
    risk_index.score_risk_index(db, 2024)
    return files, db


def copy_database(db, folder):
    """A copy of a database and its identity file in ``folder``."""
    import shutil
    target = Path(folder) / db.name
    shutil.copy(db, target)
    identity = db.with_suffix(".identity.sqlite")
    if identity.exists():
        shutil.copy(identity, target.with_suffix(".identity.sqlite"))
    return target


from trafficking_db.trafficking_plugin.core.feedback import NullFeedback  # noqa: E402 (after the link)


class CancelAfter(NullFeedback):
    """Feedback that lets ``checks`` cancel checks pass, then cancels (a user pressing Cancel)."""

    def __init__(self, checks):
        self.checks = checks

    def isCanceled(self):  # noqa: N802
        self.checks -= 1
        return self.checks < 0


@pytest.fixture(autouse=True)
def docks_leave_no_layer(request):
    """A dock adds its layers to QgsProject.instance(); a later test replacing that project
    under a dock unloaded with deleteLater (which only an event loop carries out) could crash
    QGIS. After each test of the docks, the open project is emptied and the docks deleted."""
    yield
    if "gui" in request.node.path.parts:
        from qgis.core import QgsProject
        from qgis.PyQt.QtCore import QCoreApplication, QEvent
        QgsProject.instance().removeAllMapLayers()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


_EXIT_STATUS = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """QGIS is already shut down (pytest-qgis calls exitQgis at the end of the session); Python's
    own shutdown then destroys the Qt wrappers that are left in an order QGIS 3.22 does not
    survive now and then (a segfault after "N passed"). Every result is reported by now, so the
    process ends here with the session's status instead of going through that shutdown."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS["code"])
