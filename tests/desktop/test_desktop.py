"""The plugin in the real QGIS desktop (under Xvfb) and in qgis_process: what users run."""
import json
import os
import shutil
import subprocess

import pytest
from conftest import PLUGIN_NAME, PYTHONPATH, REPO, needs_shared, tambon_layer_uri
from trafficking_db.trafficking_plugin.plugin import TraffickingPlugin

MENU_ENTRIES = TraffickingPlugin.MENU     # the sub-menus of the plugin's menu

has_desktop = shutil.which("qgis") and shutil.which("xvfb-run")


def profile_env(tmp_path):
    """A fresh QGIS profile in a temporary HOME, with the plugin on QGIS_PLUGINPATH."""
    home = tmp_path / "home"
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k != "QGIS_CUSTOM_CONFIG_PATH"}  # pytest-qgis's
    return {**env, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
            "QGIS_PLUGINPATH": str(PYTHONPATH), "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.desktop
@pytest.mark.slow
@pytest.mark.skipif(not has_desktop, reason="needs qgis and xvfb-run")
def test_real_desktop_loads_unloads_and_reloads_cleanly(tmp_path):
    env = profile_env(tmp_path)
    env.pop("QT_QPA_PLATFORM")          # the real desktop on a virtual X screen
    env["TRAFFICKING_TEST_RESULT"] = str(tmp_path / "result.json")
    subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env={
        **env, "QT_QPA_PLATFORM": "offscreen"}, check=True, capture_output=True, timeout=120)
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "qgis", "--noversioncheck",
                    "--nologo", "--code", str(REPO / "tests" / "desktop" / "load_unload.py")],
                   env=env, capture_output=True, timeout=240)
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    algorithms = {"trafficking:createdatabase", "trafficking:generatesampledata",
                  "trafficking:importsecondarydata", "trafficking:crosswalk",
                  "trafficking:withdrawimport",
                  "trafficking:scoreriskindex", "trafficking:preventiontargets",
                  "trafficking:importsinspace", "trafficking:extractimagerychips",
                  "trafficking:analysecaseroutes", "trafficking:networkcoverage",
                  "trafficking:importactivities", "trafficking:monitoractivities",
                  "trafficking:verifydatabase", "trafficking:riskreport",
                  "trafficking:publicexport", "trafficking:publishnational",
                  "trafficking:createproject", "trafficking:yearlyupdate",
                  "trafficking:lateagencyfile"}
    started = ("at_start",) if result["at_start"] is not None else ()
    for key in started + ("loaded_1", "loaded_2"):
        loaded = result[key]
        assert loaded["providers"] == ["trafficking"], key
        assert algorithms <= set(loaded["algorithms"]), key
        assert len(loaded["menus"]) == 1, key
        assert len(loaded["menu_entries"]) == len(MENU_ENTRIES), key
    for key in ("unloaded_0", "unloaded_1"):
        assert result[key]["providers"] == [] and result[key]["menus"] == [], key
        assert result[key]["algorithms"] == [], key


@pytest.mark.desktop
@pytest.mark.slow
@pytest.mark.skipif(not has_desktop, reason="needs qgis and xvfb-run")
@pytest.mark.parametrize("algorithm, done_message", [
    ("crosswalk", "Crosswalk of data year 2024"),
    ("scoreriskindex", "Risk index of data year 2024"),
])
def test_real_dialog_runs_with_progress_and_cancels_cleanly(tmp_path, imported_sample, algorithm,
                                                            done_message):
    from trafficking_db.trafficking_plugin.core.standard import crosswalk

    from conftest import copy_database
    db = copy_database(imported_sample[2], tmp_path)
    if algorithm != "crosswalk":
        crosswalk.run_crosswalk(db, 2024)
    env = profile_env(tmp_path)
    env.pop("QT_QPA_PLATFORM")
    env.update(TRAFFICKING_TEST_RESULT=str(tmp_path / "result.json"), TRAFFICKING_DIALOG_DB=str(db),
               TRAFFICKING_DIALOG_ALGORITHM=f"trafficking:{algorithm}")
    subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env={
        **env, "QT_QPA_PLATFORM": "offscreen"}, check=True, capture_output=True, timeout=120)
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "qgis", "--noversioncheck",
                    "--nologo", "--code", str(REPO / "tests" / "desktop" / "dialog_run_cancel.py")],
                   env=env, capture_output=True, timeout=240)
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    done, canceled = result["runs"]
    assert done["successful"] and done_message in done["log"]
    assert 100 in done["progress"] and len(set(done["progress"])) > 2    # the bar moved in steps
    assert not canceled["successful"]
    assert "Canceled" in canceled["log"] and "left as it was" in canceled["log"]
    assert canceled["sha256"] == done["sha256"]          # the canceled run changed nothing


@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="needs qgis_process.bin")
def test_qgis_process_lists_and_runs_the_algorithms(tmp_path):
    env = profile_env(tmp_path)
    enable = subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env=env,
                            capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0, enable.stderr
    listing = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True,
                             timeout=120).stdout
    assert "trafficking:createdatabase" in listing and "trafficking:generatesampledata" in listing
    assert "trafficking:importsecondarydata" in listing and "trafficking:crosswalk" in listing
    assert "trafficking:scoreriskindex" in listing and "trafficking:preventiontargets" in listing
    assert "trafficking:importsinspace" in listing and "trafficking:extractimagerychips" in listing
    if not needs_shared.args[0]:
        output = tmp_path / "phayao.gpkg"
        run = subprocess.run(["qgis_process.bin", "run", "trafficking:createdatabase", "--",
                              f"OUTPUT={output}", "PROVINCE=56", f"BOUNDARIES={tambon_layer_uri()}"],
                             env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "subdistrict: 68 rows" in run.stdout


@pytest.mark.desktop
@pytest.mark.slow
@pytest.mark.skipif(not has_desktop, reason="needs qgis and xvfb-run")
def test_real_dialogs_offer_the_current_database_its_year_and_typed_choices(tmp_path, scored_sample):
    import datetime

    from trafficking_db.trafficking_plugin.core import create_database
    from trafficking_db.trafficking_plugin.core.ingest import spec

    from conftest import copy_database
    db = copy_database(scored_sample[1], tmp_path)
    new = tmp_path / "new.gpkg"
    create_database.create_or_upgrade(new, "50", {})
    shots = tmp_path / "shots"
    shots.mkdir()
    env = profile_env(tmp_path)
    env.pop("QT_QPA_PLATFORM")
    env.update(TRAFFICKING_TEST_RESULT=str(tmp_path / "result.json"), TRAFFICKING_DIALOG_DB=str(db),
               TRAFFICKING_NEW_DB=str(new), TRAFFICKING_SHOTS=str(shots))
    subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env={
        **env, "QT_QPA_PLATFORM": "offscreen"}, check=True, capture_output=True, timeout=120)
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "qgis", "--noversioncheck",
                    "--nologo", "--code", str(REPO / "tests" / "desktop" / "dialog_defaults.py")],
                   env=env, capture_output=True, timeout=240)
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    assert result["import"]["database"] == str(db)
    assert result["import"]["year"] == 2024 == result["score"]["year"]   # not 1990
    assert result["import"]["source_widget"] == "QComboBox"
    assert result["import"]["sources"] == spec.shipped_sources()
    # A new database chosen in the dialog: the year it offers follows.
    assert result["import"]["year_after_new_database"] in (2024, datetime.date.today().year)
    assert result["project"]["output_text"] == [str(tmp_path / f"{db.stem}.qgz")]
    assert {p.name for p in shots.iterdir()} == {"import_dialog.png", "score_dialog.png",
                                                 "project_dialog.png"}
