"""`make web-demo`: the intranet on this machine, from the demo database.

Writes the QGIS Server project and the partners' page of build/demo/province_50.gpkg (made by
`make demo`) into build/web-demo/, starts qgis_mapserver on a local port, and in front of it one
small forwarding server per role (scripts/web_forwarder.py, standing in for Apache: it sets
X-Trafficking-Role, whatever the browser sends). Prints the URLs; Ctrl-C stops everything.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_forwarder  # noqa: E402 (a sibling script: scripts/ is not a package)

PYTHONPATH = REPO / "build" / "pythonpath"
ROLES = ("staff", "partner", "public")


def _link_plugin() -> None:
    """QGIS Server and Python find the repository as the plugin trafficking_db."""
    link = PYTHONPATH / "trafficking_db"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.is_symlink():
        link.symlink_to(REPO, target_is_directory=True)


def write_project(database: Path, project: Path) -> int:
    """Child process: the server project and the page (QGIS runs here and ends with it)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, str(PYTHONPATH))
    from trafficking_db.trafficking_plugin.core.errors import CoreError
    from trafficking_db.trafficking_plugin.outputs.server_project import build_server_project
    try:
        summary = build_server_project(database, project, None)
    except CoreError as error:
        print(f"web-demo: {error}", file=sys.stderr)
        return 1
    print(f"web-demo: server project {project} (data year {summary.year}, {len(summary.layers)} "
          f"layers); partners' page in {summary.web_folder}")
    if summary.leaflet is None:
        print("web-demo: Leaflet not found (Debian package libjs-leaflet): the page draws its "
              "plain map, without zoom")
    return 0


def _free(port: int) -> bool:
    with socket.socket() as s:
        # As the servers bind: a closed connection's TIME_WAIT does not hold the port.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


class DemoError(Exception):
    """The demo cannot start; the message says why and what to do."""


class Intranet:
    """QGIS Server on the demo's copy of ``database`` and a forwarding server per role."""

    def __init__(self, database: Path, out: Path, port: int = 8080) -> None:
        self.database, self.out, self.project = database, out, out / "intranet.qgs"
        self.ports = {"server": port, **{role: port + 1 + i for i, role in enumerate(ROLES)}}
        self.upstream = f"http://127.0.0.1:{port}"
        self.server: subprocess.Popen | None = None
        self.forwarders: dict[str, web_forwarder.RoleServer] = {}
        self.log_path = out / "qgis_mapserver.log"

    def start(self) -> None:
        if not self.database.is_file():
            raise DemoError(f"{self.database} is missing: run `make demo` first (it builds the "
                            f"demo database)")
        mapserver = shutil.which("qgis_mapserver")
        if mapserver is None:
            raise DemoError("qgis_mapserver is not installed (Debian package qgis-server; "
                            "`make setup` installs it)")
        busy = [str(p) for p in self.ports.values() if not _free(p)]
        if busy:
            raise DemoError(f"port(s) {', '.join(busy)} in use: stop what uses them or give "
                            f"another --port")
        _link_plugin()
        # A copy: the server project publishes the year (export register) in its database.
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        for source in (self.database, self.database.with_suffix(".identity.sqlite")):
            if source.is_file():
                shutil.copy(source, self.out / source.name)
        print("web-demo: writing the server project and the partners' page…", flush=True)
        written = subprocess.run([sys.executable, __file__, "--write-only", "--database",
                                  str(self.database), "--out", str(self.out)])
        if written.returncode != 0:
            raise DemoError("the server project could not be written (see above)")
        env = {**os.environ, "QGIS_PLUGINPATH": str(PYTHONPATH), "QT_QPA_PLATFORM": "offscreen",
               "QGIS_SERVER_LOG_LEVEL": "1", "QGIS_SERVER_LOG_STDERR": "1"}
        # Its own session: Ctrl-C reaches this script, which stops the server in order.
        with open(self.log_path, "w") as log:
            self.server = subprocess.Popen(
                [mapserver, "-p", str(self.project), f"127.0.0.1:{self.ports['server']}"],
                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if not _wait_for(self.upstream + "/?SERVICE=WMS&REQUEST=GetCapabilities", self.server):
            raise DemoError(f"QGIS Server did not start: see {self.log_path}")
        self.forwarders = web_forwarder.start_all(str(self.project.with_name("intranet_web")),
                                                  self.upstream, ROLES, self.ports)

    def stop(self) -> None:
        for forwarder in self.forwarders.values():
            forwarder.stop()
        self.forwarders = {}
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
            self.server = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=str(REPO / "build" / "demo" / "province_50.gpkg"))
    parser.add_argument("--out", default=str(REPO / "build" / "web-demo"))
    parser.add_argument("--port", type=int, default=8080,
                        help="QGIS Server's port; the roles' pages are on the next three")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    database, out = Path(args.database), Path(args.out)
    if args.write_only:
        return write_project(out / database.name, out / "intranet.qgs")
    intranet = Intranet(database, out, args.port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)   # even if started with it ignored
    try:
        intranet.start()
        print(f"web-demo: QGIS Server (no role header: public) at {intranet.upstream}/ ; log "
              f"{intranet.log_path}")
        for role, forwarder in intranet.forwarders.items():
            print(f"web-demo: the partners' page as {role:8s} {forwarder.url}  "
                  f"(OWS: {forwarder.url}ows)")
        print("web-demo: Ctrl-C stops everything", flush=True)
        while intranet.server is not None and intranet.server.poll() is None:
            time.sleep(0.5)
        print(f"web-demo: QGIS Server stopped: see {intranet.log_path}", file=sys.stderr)
        return 1
    except DemoError as error:
        print(f"web-demo: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nweb-demo: stopping")
        return 0
    finally:
        intranet.stop()


if __name__ == "__main__":
    sys.exit(main())
