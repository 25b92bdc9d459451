"""Benchmark: trafficking:publishnational of SCALE=1 Chiang Mai into a throwaway PostGIS (issues 7, 15).

Publishes data year 2024 of the province database that `make bench` leaves in
build/bench/run-scale1/province.gpkg (imported, crosswalked and scored), or --database, into a
fresh national database on a throwaway PostgreSQL 15 + PostGIS 3 server (tests/postgis_server.py,
as the tests use), twice, each publication in its own process so its peak memory (max RSS) is its
own. It works on a copy whose export register is emptied: the first publication protects the
year's cube (areas, not persons) and records it, the second reads the recorded protection. Prints
the rows published per table, the seconds, rows per second and peak memory; stops the server at
the end. Without the province database (or without PostgreSQL/PostGIS) it says so and skips.

Baseline, in the same run and server: `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES` loading the
same tables of the province database (the year's rows of the tables that have a data year) into
a schema of their own, nothing protected or checked. Goal (issue 19): a publication <= 1.5x the
baseline, wall time and CPU time (the publication's own process; ogr2ogr's processes).

    .venv/bin/python bench/bench_national.py [--database build/bench/run-scale1/province.gpkg]
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
DATABASE = REPO / "build" / "bench" / "run-scale1" / "province.gpkg"
DATA_YEAR = 2024
NATIONAL_DB = "national"
BASELINE_SCHEMA = "ogr2ogr_baseline"
GOAL_RATIO = 1.5

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
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
print(json.dumps({{"seconds": seconds, "peak_mib": peak, "cpu": cpu,
                  "result": dataclasses.asdict(result)}}))
"""


def publish_in_child(database, params):
    """(seconds, peak MiB, publish()'s result, CPU seconds) of one publication in a fresh
    interpreter."""
    code = _CHILD.format(pythonpath=str(PYTHONPATH), styles=str(REPO / "styles"),
                         params=json.dumps(params), database=str(database), year=DATA_YEAR)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"publication failed:\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["seconds"], out["peak_mib"], out["result"], out["cpu"]


def ogr2ogr_baseline(database, server):
    """(wall, CPU) seconds of ogr2ogr loading the published tables into BASELINE_SCHEMA with COPY."""
    sys.path.insert(0, str(PYTHONPATH))
    from trafficking_db.trafficking_plugin.core.dissemination import national_schema
    server.execute(NATIONAL_DB, f"DROP SCHEMA IF EXISTS {BASELINE_SCHEMA} CASCADE",
                   f"CREATE SCHEMA {BASELINE_SCHEMA}")
    target = (f"PG:host={server.host} port={server.port} dbname={NATIONAL_DB} "
              f"user={server.user} password={server.password}")
    wall = cpu = 0.0
    for published in national_schema.PUBLISHED:
        command = ["ogr2ogr", "--config", "PG_USE_COPY", "YES", "-f", "PostgreSQL", target,
                   str(database), published.table, "-lco", f"SCHEMA={BASELINE_SCHEMA}",
                   "-lco", "OVERWRITE=YES"]
        if published.by_year:
            command += ["-where", f"data_year = {DATA_YEAR}"]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall += time.perf_counter() - start
        cpu += usage.ru_utime + usage.ru_stime
        error = child.stderr.read().decode(errors="replace")
        child.stderr.close()
        if os.waitstatus_to_exitcode(status):
            sys.exit(f"ogr2ogr failed on {published.table}: {error}")
    return wall, cpu


def verdict(ok):
    return "PASS" if ok else "MISS"


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
            ogr, ogr_cpu = (ogr2ogr_baseline(database, server) if shutil.which("ogr2ogr")
                            else (None, None))
        seconds, peak, result, _ = runs[0]
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
        for label, (seconds, peak, _, cpu) in zip(("first (protects the year)", "again (recorded)"),
                                                  runs):
            print(f"publish national, {label}: province {result['province_code']}, {total:,} rows "
                  f"in {seconds:.1f} s (CPU {cpu:.1f} s) = {total / seconds:,.0f} rows/s, peak "
                  f"{peak:.0f} MiB")
        if ogr is None:
            print("ogr2ogr baseline: skipped, ogr2ogr not found (make setup installs gdal-bin)")
            return
        print(f"ogr2ogr -f PostgreSQL (PG_USE_COPY) of the same tables: {ogr:.1f} s (CPU "
              f"{ogr_cpu:.1f} s)")
        for label, (seconds, peak, _, cpu) in zip(("first", "again"), runs):
            ratio, cpu_ratio = seconds / ogr, cpu / ogr_cpu
            print(f"goal publication ({label}) / ogr2ogr <= {GOAL_RATIO}: {ratio:.2f} "
                  f"{verdict(ratio <= GOAL_RATIO)} (CPU {cpu_ratio:.2f} "
                  f"{verdict(cpu_ratio <= GOAL_RATIO)}); peak <= 2048 MiB: {peak:.0f} "
                  f"{verdict(peak <= 2048)}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
