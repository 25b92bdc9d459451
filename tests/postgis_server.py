"""A throwaway PostgreSQL 15 + PostGIS 3 server, for the tests (conftest_postgis.py) and the bench
(bench/bench_national.py).

``start()`` initialises a cluster in a temporary folder (initdb, pg_ctl from Debian's
/usr/lib/postgresql/15/bin) on a free localhost port, its unix socket in the same folder;
``server.stop()`` stops it and removes the folder. initdb refuses root, so as root the cluster
runs as the `postgres` OS user. The superuser has a password (TCP connections need it, as a real
national server would); the unix socket trusts, for inspection. ``missing()`` says why a server
cannot be started here (or None).
"""
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
USER, PASSWORD = "postgres", "national-test-password"


@dataclass
class PostgisServer:
    host: str
    port: int
    socket_dir: str
    user: str
    password: str
    _stop: object = field(default=None, repr=False, compare=False)

    def stop(self):
        """Stop the server and remove its folder (once; later calls do nothing)."""
        stop, self._stop = self._stop, None
        if stop:
            stop()

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


def missing():
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing; scripts/setup.sh installs it)"
    if not list(Path("/usr/share/postgresql/15/extension").glob("postgis.control")):
        return "PostGIS 3 for PostgreSQL 15 is not installed (postgresql-15-postgis-3)"
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "psycopg2 is not installed (python3-psycopg2)"
    return None




def start():
    """A running throwaway server; call its ``stop()`` when done. Raises RuntimeError when
    PostgreSQL, PostGIS or psycopg2 is missing (see ``missing()``)."""
    reason = missing()
    if reason:
        raise RuntimeError(reason)
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

    def stop():
        try:
            run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(root, ignore_errors=True)

    try:
        run("initdb", "-D", str(data), "-U", USER, f"--pwfile={pwfile}", "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        pwfile.unlink()
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run("pg_ctl", "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "start")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return PostgisServer("127.0.0.1", port, str(root), USER, PASSWORD, stop)
