"""A throwaway PostgreSQL 15 + PostGIS 3 server for the tests that need a real one.

Started once per test session in a temporary folder (initdb, pg_ctl from Debian's
/usr/lib/postgresql/15/bin) on a free localhost port, its unix socket in the same folder, and
stopped at the session's end. initdb refuses root, so as root the cluster runs as the `postgres`
OS user. Tests import the fixture: ``from conftest_postgis import postgis_server  # noqa: F401``.
The superuser has a password (TCP connections need it, as a real national server would); the
unix socket trusts, for the tests' own inspection.
"""
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
USER, PASSWORD = "postgres", "national-test-password"


@dataclass
class PostgisServer:
    host: str
    port: int
    socket_dir: str
    user: str
    password: str

    def params(self, dbname, **extra):
        """libpq keyword parameters for a TCP connection with the password."""
        return dict(host=self.host, port=self.port, dbname=dbname, user=self.user,
                    password=self.password, **extra)

    def admin(self, dbname="postgres"):
        """An autocommit psycopg2 connection over the unix socket (trusted)."""
        import psycopg2
        conn = psycopg2.connect(host=self.socket_dir, port=self.port, dbname=dbname, user=self.user)
        conn.autocommit = True
        return conn

    def create_database(self, name):
        """A fresh database ``name`` with PostGIS; an older one of that name is dropped."""
        self.execute("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                     f'CREATE DATABASE "{name}"')
        self.execute(name, "CREATE EXTENSION IF NOT EXISTS postgis")
        return name

    def execute(self, dbname, *statements):
        """Run ``statements`` in autocommit; returns the last one's rows (or None)."""
        conn = self.admin(dbname)
        try:
            with conn.cursor() as cur:   # not `with conn`: psycopg2 2.9 would open a transaction
                for statement in statements:
                    cur.execute(statement)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing():
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing; scripts/setup.sh installs it)"
    if not list(Path("/usr/share/postgresql/15/extension").glob("postgis.control")):
        return "PostGIS 3 for PostgreSQL 15 is not installed (postgresql-15-postgis-3)"
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "psycopg2 is not installed (python3-psycopg2)"
    return None


@pytest.fixture(scope="session")
def postgis_server():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="trafficking-pg-"))
    os.chmod(root, 0o755)
    data = root / "data"
    as_user = []
    if os.geteuid() == 0:   # initdb refuses root: run the cluster as the postgres OS user
        account = pwd.getpwnam("postgres")
        data.mkdir()
        os.chown(root, account.pw_uid, account.pw_gid)
        os.chown(data, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    pwfile = root / "pwfile"
    pwfile.write_text(PASSWORD + "\n")
    os.chmod(pwfile, 0o644)
    port = _free_port()

    def run(*args):
        subprocess.run(as_user + [str(PG_BIN / args[0]), *args[1:]], check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=root)

    run("initdb", "-D", str(data), "-U", USER, f"--pwfile={pwfile}", "--auth-local=trust",
        "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
    pwfile.unlink()
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    run("pg_ctl", "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "start")
    try:
        yield PostgisServer("127.0.0.1", port, str(root), USER, PASSWORD)
    finally:
        run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
