"""Benchmark: trafficking:publicexport of a data year, first and later exports (issues 7 and 15).

Reads the SCALE 1 province database the benchmarks leave (build/bench/run-scale1/province.gpkg,
imported, crosswalked and scored; bench_scoring.py makes it), else the demo's
(build/demo/province_50.gpkg, SCALE 0.1 Chiang Mai: 176,835 persons, 204 sub-districts; built by
`make demo` when missing), or --database, and works on a copy whose export register is emptied, so
the first export protects the year. Each export runs in a
fresh process, so its peak RSS is its own. Against a same-run baseline, the plain SQL GROUP BY of
the cube the export reads, as a time ratio: the first export (sub-district x age band x sex: it
protects the year's one cube and records it in the export register), then later exports of the
same year (districts; sub-districts by sex only; the province), which read the recorded protection.
Reports the cells, how many are hidden and why (primary: under k; dominance: a group almost all in
one risk class; secondary: complements), and the share hidden. Goal (issue 19): the first export
<= 10x the GROUP BY, wall and CPU time, peak <= 2 GiB.

    .venv/bin/python bench/bench_public_export.py [--database province.gpkg] [--year 2024]
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
DEMO = REPO / "build" / "demo" / "province_50.gpkg"
SCALE1 = REPO / "build" / "bench" / "run-scale1" / "province.gpkg"
GOAL_RATIO, GOAL_PEAK_MIB = 10, 2048

_CHILD = """
import json, resource, sqlite3, sys, time
sys.path.insert(0, {pythonpath!r})
from trafficking_db.trafficking_plugin.core.dissemination import public_export, release
database, year, options = {database!r}, {year!r}, {options!r}
start = time.perf_counter()
if options is None:     # the baseline: the same cube's GROUP BY, nothing protected
    with sqlite3.connect(f"file:{{database}}?mode=ro", uri=True) as conn:
        groups = len(release.read_counts(conn, year)[0])
    summary = {{"groups": groups}}
else:
    summary = public_export.export(database, year, {folder!r}, **options)
    summary = {{k: getattr(summary, k) for k in ("cells", "primary", "secondary", "dominance")}}
summary["seconds"] = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
summary["peak_mib"] = usage.ru_maxrss / 1024
summary["cpu"] = usage.ru_utime + usage.ru_stime
print(json.dumps(summary))
"""

RUNS = {     # name: export options (None: the GROUP BY baseline); in this order, one database
    "GROUP BY": None,
    "first, sub-district x age x sex": {},
    "later, district x age x sex": {"level": "district"},
    "later, sub-district x sex": {"by_age_band": False},
    "later, province x age x sex": {"level": "province"},
}


def run(database, year, options, folder):
    code = _CHILD.format(pythonpath=str(PYTHONPATH), database=str(database), year=year,
                         options=options, folder=str(folder))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=None,
                        help="default: the SCALE 1 bench database, else the demo's")
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args()
    PYTHONPATH.mkdir(parents=True, exist_ok=True)
    link = PYTHONPATH / "trafficking_db"
    if not link.is_symlink():
        link.symlink_to(REPO, target_is_directory=True)
    if args.database is None:
        args.database = SCALE1 if _scored(SCALE1, args.year) else DEMO
    if args.database == DEMO and not DEMO.exists():
        subprocess.run(["make", "-C", str(REPO), "demo"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / args.database.name
        shutil.copy(args.database, database)
        with sqlite3.connect(database) as conn:     # a year never published: the first protects
            for table in ("export_register", "export_suppressed"):
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
                    conn.execute(f"DELETE FROM {table}")
        results = {name: run(database, args.year, options, Path(tmp) / f"out{i}")
                   for i, (name, options) in enumerate(RUNS.items())}
    base, base_cpu = results["GROUP BY"]["seconds"], results["GROUP BY"]["cpu"]
    shown = args.database.resolve()
    shown = shown.relative_to(REPO) if shown.is_relative_to(REPO) else shown
    print(f"public export of {shown}, data year {args.year}, k = 11, dominance 0.9")
    print(f"  baseline GROUP BY: {results['GROUP BY']['groups']} groups in {base:.2f} s, "
          f"peak {results['GROUP BY']['peak_mib']:.0f} MiB")
    for name in list(RUNS)[1:]:
        r = results[name]
        hidden = r["primary"] + r["secondary"]
        print(f"  {name:32s}: {r['seconds']:6.1f} s ({r['seconds'] / base:5.0f} x the GROUP BY), "
              f"peak {r['peak_mib']:4.0f} MiB; {r['cells']} cells, {hidden} hidden "
              f"({hidden / r['cells']:.0%}): primary {r['primary']}, secondary {r['secondary']} "
              f"(of them dominance {r['dominance']})")
    first = results["first, sub-district x age x sex"]
    ratio, cpu_ratio = first["seconds"] / base, first["cpu"] / base_cpu
    print(f"goal first export / GROUP BY <= {GOAL_RATIO}: {ratio:.1f} {_verdict(ratio <= GOAL_RATIO)}"
          f" (CPU {cpu_ratio:.1f} {_verdict(cpu_ratio <= GOAL_RATIO)}); peak <= {GOAL_PEAK_MIB} "
          f"MiB: {first['peak_mib']:.0f} {_verdict(first['peak_mib'] <= GOAL_PEAK_MIB)}")


def _verdict(ok):
    return "PASS" if ok else "MISS"


def _scored(database, year):
    """True when ``database`` exists with areas and persons scored for ``year``."""
    if not database.exists():
        return False
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        try:
            return bool(conn.execute("SELECT 1 FROM province").fetchone() and conn.execute(
                "SELECT 1 FROM risk_person WHERE data_year = ? LIMIT 1", (year,)).fetchone())
        except sqlite3.DatabaseError:
            return False


if __name__ == "__main__":
    main()
