"""The session fixtures ``server_project`` and ``qgis_server``: a real QGIS Server (Debian's
qgis_mapserver) on a project written by trafficking:serverproject, with the plugin's server part
loaded from the plugin folder as QGIS Server loads it. A test module imports them:
``from conftest_server import qgis_server, server_project  # noqa: F401``."""
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import PYTHONPATH, copy_database
from trafficking_db.trafficking_plugin.core.database import run_in_transaction

MAPSERVER = shutil.which("qgis_mapserver")
needs_server = pytest.mark.skipif(
    MAPSERVER is None, reason="qgis_mapserver is not installed (Debian package qgis-server; "
                              "scripts/setup.sh installs it)")
PROVIDERS = []    # Python owns a provider made here: kept alive while registered
RELEASE_K = 100   # the year is first published with this k, so partners miss small areas


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unpublished(conn):
    tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("export_suppressed", "export_register"):
        if table in tables:
            conn.execute(f"DELETE FROM {table}")


@pytest.fixture(scope="session")
def server_project(scored_sample, tmp_path_factory, qgis_processing):
    """(database, project path, summary): the scored sample published once with k = RELEASE_K,
    then its server project written by trafficking:serverproject."""
    from trafficking_db.trafficking_plugin.core.dissemination import public_export
    _, db = scored_sample
    folder = tmp_path_factory.mktemp("server")
    db = copy_database(db, folder)
    run_in_transaction(db, None, _unpublished)     # another test may have published the sample
    public_export.export(db, 2024, folder / "first_export", k=RELEASE_K)
    run_in_transaction(db, None, _directory_and_workplaces)
    import processing
    from qgis.core import QgsApplication
    from trafficking_db.processing_algorithms.provider import TraffickingProvider
    registry = QgsApplication.processingRegistry()
    if registry.providerById("trafficking") is None:
        PROVIDERS.append(TraffickingProvider())
        registry.addProvider(PROVIDERS[-1])
    result = processing.run("trafficking:serverproject", {
        "DATABASE": str(db), "DATA_YEAR": 2024, "OUTPUT": str(folder / "intranet.qgs")})
    return db, result["OUTPUT"], result


def _directory_and_workplaces(conn):
    """An organisation, a member with a home address, and two establishments (one with a case
    reference): what the roles must see or not see of them."""
    conn.execute("INSERT INTO organization (name, type, phone, email, address, areas) VALUES "
                 "('Shelter A', 'shelter', '053111222', 'shelter@example.org', 'Office road 1', "
                 "'50')")
    conn.execute("INSERT INTO network_member (name, organization_id, role, phone, phone_e164, "
                 "email, address, availability) VALUES ('Member A', 1, 'social worker', "
                 "'0812345678', '+66812345678', 'member@example.org', 'Home lane 9', 'weekdays')")
    village = conn.execute("SELECT code FROM village ORDER BY code LIMIT 1").fetchone()[0]
    conn.executemany("INSERT INTO establishment (name, type, village_code, risk_class, case_refs) "
                     "VALUES (?, 'karaoke', ?, ?, ?)",
                     [("Bar A", village, "high", "CASE-1"), ("Bar B", village, "low", None)])


class Server:
    """qgis_mapserver on a free port; ``get(role, path, **params)`` -> (status, type, bytes)."""

    def __init__(self, project):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {"QGIS_PLUGINPATH": str(PYTHONPATH), "QT_QPA_PLATFORM": "offscreen",
               "QGIS_SERVER_LOG_LEVEL": "2", "QGIS_SERVER_LOG_STDERR": "1", "HOME": "/tmp",
               "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        self.log = open(f"{project}.server.log", "w")
        self.process = subprocess.Popen([MAPSERVER, "-p", str(project), f"127.0.0.1:{self.port}"],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                if self.get("public", SERVICE="WMS", REQUEST="GetCapabilities")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"qgis_mapserver did not start: see {self.log.name}")

    def get(self, role, path="/", headers=None, **params):
        url = self.url + path + ("?" + urllib.parse.urlencode(params) if params else "")
        request = urllib.request.Request(url, headers={**({"X-Trafficking-Role": role} if role
                                                         else {}), **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                return answer.status, answer.headers.get("Content-Type", ""), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture(scope="session")
def qgis_server(server_project):
    if MAPSERVER is None:
        pytest.skip("qgis_mapserver is not installed (Debian package qgis-server)")
    server = Server(server_project[1])
    yield server
    server.stop()
