"""`make web-demo` (scripts/web_demo.py): from a database to QGIS Server and the partners' page on
local ports, each role's port setting its role; a clear message without the demo database."""
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import REPO, copy_database
from conftest_server import MAPSERVER, needs_server

pytestmark = [needs_server, pytest.mark.slow]
SCRIPT = REPO / "scripts" / "web_demo.py"


def free_ports(count=4):
    """A first port with ``count`` free ports from it."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count > 65535:
            continue
        sockets = []
        try:
            for port in range(first, first + count):
                s = socket.socket()
                sockets.append(s)
                s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    pytest.skip("no four free ports in a row")


def test_a_missing_database_says_to_run_make_demo(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), "--database", str(tmp_path / "none.gpkg"),
                          "--out", str(tmp_path / "out")], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 1
    assert "make demo" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_the_demo_serves_each_role_and_stops_on_ctrl_c(scored_sample, tmp_path):
    assert MAPSERVER
    (tmp_path / "demo").mkdir()
    db = copy_database(scored_sample[1], tmp_path / "demo")
    port = free_ports()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, str(SCRIPT), "--database", str(db), "--out",
                                str(tmp_path / "web-demo"), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env)
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if "Ctrl-C" in line or process.poll() is not None:
                break
        output = "".join(lines)
        assert "Ctrl-C" in output, output
        urls = dict(re.findall(r"page as (\w+) +(http://127\.0\.0\.1:\d+/)", output))
        assert set(urls) == {"staff", "partner", "public"}, output
        assert urls["staff"] == f"http://127.0.0.1:{port + 1}/"
        with urllib.request.urlopen(urls["partner"], timeout=60) as answer:
            assert b"partner.js" in answer.read()
        layers = {}
        for role, url in urls.items():
            request = urllib.request.Request(
                url + "ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                headers={"X-Trafficking-Role": "staff"})     # overwritten by the port's role
            with urllib.request.urlopen(request, timeout=120) as answer:
                layers[role] = set(re.findall(r"<Name>([^<]+)</Name>", answer.read().decode()))
        assert "risk_village" in layers["staff"] and "risk_village" not in layers["partner"]
        assert "risk_subdistrict" in layers["partner"]
        assert "risk_subdistrict" not in layers["public"] and "public_subdistrict" in layers["public"]
        assert (tmp_path / "web-demo" / "intranet_web" / "index.html").is_file()
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
        assert process.returncode == 0 and "Traceback" not in rest, rest
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    deadline = time.monotonic() + 30     # every port free again: nothing left running
    while time.monotonic() < deadline:
        try:
            for p in range(port, port + 4):
                with socket.socket() as s:      # a listening socket, not a closed connection's
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    s.bind(("127.0.0.1", p))
            break
        except OSError:
            time.sleep(0.5)
    else:
        pytest.fail("a port of the demo is still in use after Ctrl-C")
