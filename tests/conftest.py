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
