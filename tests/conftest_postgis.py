"""The session fixture ``postgis_server``: a throwaway PostgreSQL 15 + PostGIS 3 server for the
tests that need a real one (tests/postgis_server.py starts and stops it).

Started once per test session and stopped at the session's end; skips, saying why, when
PostgreSQL, PostGIS or psycopg2 is missing. Tests import the fixture:
``from conftest_postgis import postgis_server  # noqa: F401``.
"""
import pytest

from postgis_server import PASSWORD, PG_BIN, USER, PostgisServer, missing, start  # noqa: F401


@pytest.fixture(scope="session")
def postgis_server():
    reason = missing()
    if reason:
        pytest.skip(reason)
    server = start()
    try:
        yield server
    finally:
        server.stop()
