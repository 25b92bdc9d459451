"""`make package`: the ZIP QGIS's Plugin Manager installs ("Install from ZIP"), and its loading in a
fresh QGIS profile from the unzipped folder alone (no QGIS_PLUGINPATH pointing at the checkout)."""
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import PLUGIN_NAME, REPO

pytestmark = pytest.mark.slow   # builds the ZIP and starts qgis_process: not in the quick lane

SCRIPT = REPO / "scripts" / "package.py"
_spec = importlib.util.spec_from_file_location("package_script", SCRIPT)
package = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package)

REQUIRED = ["metadata.txt", "__init__.py", "LICENSE", "icon.png", "icon.svg",
            "processing_algorithms/__init__.py", "processing_algorithms/provider.py",
            "trafficking_plugin/plugin.py", "trafficking_plugin/data/indicators.yaml",
            "trafficking_plugin/data/specs/health.yaml", "styles/risk_village.qml",
            "docs/risk_index.md", "docs/img/risk_map.png", "processing_algorithms/provider.py",
            "trafficking_plugin/data/models/yearly_update.model3",
            "trafficking_plugin/i18n/trafficking_db_th.qm"]
ALGORITHMS = ["trafficking:createdatabase", "trafficking:generatesampledata",
              "trafficking:importsecondarydata", "trafficking:crosswalk",
              "trafficking:withdrawimport",
              "trafficking:scoreriskindex", "trafficking:preventiontargets",
              "trafficking:importsinspace", "trafficking:extractimagerychips",
              "trafficking:riskreport", "trafficking:publicexport", "trafficking:yearlyupdate",
              "trafficking:createproject"]


def _version():
    return package.read_metadata(REPO)["version"].strip()


def _build(output_dir):
    run = subprocess.run([sys.executable, str(SCRIPT), "--output-dir", str(output_dir)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    target = output_dir / f"{PLUGIN_NAME}-{_version()}.zip"
    assert target.is_file(), run.stdout
    return target


@pytest.fixture(scope="module")
def built_zip(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("package"))


def test_zip_holds_one_plugin_folder_with_runtime_files_only(built_zip):
    with zipfile.ZipFile(built_zip) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert names == sorted(names)
    assert len(names) == len(set(names))
    assert {name.split("/")[0] for name in names} == {PLUGIN_NAME}
    inside = [name[len(PLUGIN_NAME) + 1:] for name in names]
    for required in REQUIRED:
        assert required in inside, required
    tops = {name.split("/")[0] for name in inside if name}
    assert tops <= {"metadata.txt", "__init__.py", "LICENSE", "icon.png", "icon.svg",
                    "processing_algorithms", "trafficking_plugin", "styles", "docs"}, tops
    for name in inside:
        parts = name.rstrip("/").split("/")
        assert not {"tests", "bench", "build", "scripts", ".ci", ".venv", "__pycache__"} & set(parts), name
        assert not any(part.startswith(".") for part in parts), name
        assert not name.endswith((".pyc", ".pyo")), name
    # every Python module and data file the plugin tracks in those folders is in the ZIP (the
    # translation sources excepted: their compiled .qm ships instead)
    tracked = subprocess.run(["git", "ls-files", "processing_algorithms", "trafficking_plugin",
                              "styles", "docs"], cwd=REPO, capture_output=True, text=True)
    if tracked.returncode == 0:
        assert {f for f in tracked.stdout.split() if not f.endswith(".ts")} <= set(inside)
    assert not [name for name in inside if name.endswith(".ts")]


def test_two_builds_give_identical_bytes(built_zip, tmp_path):
    again = _build(tmp_path)
    assert again.read_bytes() == built_zip.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {info.date_time for info in archive.infolist()} == {package.FIXED_DATE}


def test_missing_metadata_keys_fail_with_a_clear_message(tmp_path):
    root = tmp_path / PLUGIN_NAME
    root.mkdir()
    for name in ("__init__.py", "LICENSE", "icon.png"):
        shutil.copy(REPO / name, root / name)
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines()
            if not line.startswith(("tracker=", "email="))]
    (root / "metadata.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "--root", str(root),
                          "--output-dir", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "email" in run.stderr and "tracker" in run.stderr and "official" in run.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="needs qgis_process.bin")
def test_unzipped_plugin_loads_in_a_fresh_profile(built_zip, tmp_path):
    home = tmp_path / "home"
    plugins = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(built_zip) as archive:      # what "Install from ZIP" does
        archive.extractall(plugins)
    assert (plugins / PLUGIN_NAME / "metadata.txt").is_file()
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    # the plugin must come from the unzipped folder only: no plugin path, no Python path to the repo
    env = {k: v for k, v in os.environ.items()
           if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_PLUGINPATH", "PYTHONPATH")}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen")
    enable = subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env=env,
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    listing = subprocess.run(["qgis_process.bin", "list"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0, listing.stderr
    for algorithm in ALGORITHMS:
        assert algorithm in listing.stdout, (algorithm, listing.stderr[-2000:])


def test_help_buttons_open_the_shipped_html_manual_at_their_section(built_zip, tmp_path):
    """From the unzipped plugin alone: every algorithm's helpUrl is docs/manual.html in the
    plugin folder, at an anchor the page has; the Manual menu entry opens the same page."""
    import re

    with zipfile.ZipFile(built_zip) as archive:
        archive.extractall(tmp_path)
    manual = tmp_path / PLUGIN_NAME / "docs" / "manual.html"
    anchors = set(re.findall(r'id="([^"]+)"', manual.read_text(encoding="utf-8")))
    assert (tmp_path / PLUGIN_NAME / "docs" / "quickstart_th.html").is_file()
    assert 'href="import.html#privacy-pseudonyms-and-the-identity-file"' in manual.read_text(
        encoding="utf-8")
    code = ("import json; from trafficking_db.processing_algorithms import base; "
            "print(json.dumps({n: base.manual_url(n) for n in base.ALGORITHM_PLACES}))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={
        **env, "PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    import json
    urls = json.loads(run.stdout)
    assert set(urls) >= {a.split(":")[1] for a in ALGORITHMS}
    for name, url in urls.items():
        path, _, anchor = url.partition("#")
        assert path == manual.as_uri(), (name, url)
        assert anchor in anchors, (name, anchor)


def test_zip_carries_leaflet_and_its_licence_for_the_partners_page(built_zip, tmp_path):
    """Leaflet from Debian's libjs-leaflet, with its licence, where the plugin looks for it:
    the unzipped plugin writes a partner page that uses it, without Debian's folder."""
    if not package.LEAFLET_DEBIAN.joinpath("leaflet.js").is_file():
        pytest.skip("libjs-leaflet is not installed (make setup installs it)")
    with zipfile.ZipFile(built_zip) as archive:
        archive.extractall(tmp_path)
    leaflet = tmp_path / PLUGIN_NAME / "trafficking_plugin" / "data" / "web" / "leaflet"
    assert (leaflet / "leaflet.js").read_bytes() == (package.LEAFLET_DEBIAN / "leaflet.js").read_bytes()
    assert (leaflet / "leaflet.css").is_file() and (leaflet / "images" / "layers.png").is_file()
    licence = (leaflet / "LICENSE").read_text(encoding="utf-8")
    assert "BSD-2-clause" in licence and "Vladimir Agafonkin" in licence
    # The unzipped plugin finds its own copy first (Debian's folder is only the second choice).
    code = ("from trafficking_db.trafficking_plugin.outputs import partner_page as p; "
            "import sys; page = p.write_partner_page(sys.argv[1]); print(page.leaflet)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "web")], cwd=tmp_path,
                         env={**env, "PYTHONPATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(leaflet)
    assert (tmp_path / "web" / "leaflet" / "LICENSE").read_text(encoding="utf-8") == licence


def test_missing_leaflet_stops_the_build_with_a_clear_message(tmp_path):
    with pytest.raises(package.PackageError, match="libjs-leaflet"):
        package.leaflet_files(tmp_path / "none", tmp_path / "none" / "copyright")
