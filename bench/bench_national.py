"""Benchmark: trafficking:publishnational of SCALE=1 Chiang Mai into a throwaway PostGIS (issues 7, 15).

Publishes data year 2024 of the province database that `make bench` leaves in
build/bench/run-scale1/province.gpkg (imported, crosswalked and scored), or --database, into a
fresh national database on a throwaway PostgreSQL 15 + PostGIS 3 server (tests/postgis_server.py,
as the tests use), twice, each publication in its own process so its peak memory (max RSS) is its
own. It works on a copy whose export register is emptied: the first publication protects the
year's cube (areas, not persons) and records it, the second reads the recorded protection. Prints
the rows published per table, the seconds, rows per second and peak memory; stops the server at
the end. Without the province database (or without PostgreSQL/PostGIS) it says so and skips.

    .venv/bin/python bench/bench_national.py [--database build/bench/run-scale1/province.gpkg]
"""
import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
DATABASE = REPO / "build" / "bench" / "run-scale1" / "province.gpkg"
DATA_YEAR = 2024
NATIONAL_DB = "national"

# Run in a child process: one publication, then its timing, peak RSS and rows as JSON.
_CHILD = """
import dataclasses, json, os, resource, sys, time
sys.path.insert(0, {pythonpath!r})
from trafficking_db.trafficking_plugin.core.dissemination import national, national_schema
styles = {{}}
for published in national_schema.PUBLISHED:    # the plugin's QML, as the algorithm publishes them
    path = os.path.join({styles!r}, published.table + ".qml")
    if published.geometry and os.path.exists(path):
        styles[published.table] = open(path, encoding="utf-8").read()
params = json.loads({params!r})
start = time.perf_counter()
result = national.publish({database!r}, params, {year!r}, styles=styles)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mib": peak, "result": dataclasses.asdict(result)}}))
"""


def publish_in_child(database, params):
    """(seconds, peak MiB, publish()'s result) of one publication in a fresh interpreter."""
    code = _CHILD.format(pythonpath=str(PYTHONPATH), styles=str(REPO / "styles"),
                         params=json.dumps(params), database=str(database), year=DATA_YEAR)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"publication failed:\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["seconds"], out["peak_mib"], out["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", type=Path, default=DATABASE,
                        help="the scored province database (default: the one `make bench` leaves)")
    args = parser.parse_args()
    database = args.database.resolve()
    shown = database.relative_to(REPO) if database.is_relative_to(REPO) else database
    if not database.exists():
        print(f"national bench: skipped, {shown} is missing; `make bench` makes it (imported, "
              f"crosswalked and scored for {DATA_YEAR})")
        return
    sys.path.insert(0, str(REPO / "tests"))
    import postgis_server
    reason = postgis_server.missing()
    if reason:
        print(f"national bench: skipped, {reason}")
        return
    server = postgis_server.start()
    try:
        server.create_database(NATIONAL_DB)
        print(f"national bench: publishing {shown} ({DATA_YEAR}) into a throwaway PostgreSQL 15 + "
              f"PostGIS 3 (port {server.port}), in its own process")
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / database.name
            shutil.copy(database, copy)
            with sqlite3.connect(copy) as conn:    # a year never published: the first protects
                for table in ("export_register", "export_suppressed"):
                    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                    (table,)).fetchone():
                        conn.execute(f"DELETE FROM {table}")
            runs = [publish_in_child(copy, server.params(NATIONAL_DB)) for _ in range(2)]
        seconds, peak, result = runs[0]
        rows = result["rows"]
        for table, count in rows.items():
            print(f"  {table:28} {count:12,}")
        # The national side agrees: every table holds what was published for the province.
        for table, count in rows.items():
            held = server.execute(NATIONAL_DB, f"SELECT count(*) FROM trafficking.{table} WHERE "
                                               f"province_code = '{result['province_code']}' AND "
                                               f"data_year = {DATA_YEAR}")[0][0]
            if held != count:
                sys.exit(f"national bench: {table} holds {held:,} rows, published {count:,}")
        total = sum(rows.values())
        for label, (seconds, peak, _) in zip(("first (protects the year)", "again (recorded)"), runs):
            print(f"publish national, {label}: province {result['province_code']}, {total:,} rows "
                  f"in {seconds:.1f} s = {total / seconds:,.0f} rows/s, peak {peak:.0f} MiB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
