"""Benchmark: trafficking:publicexport's protection at sub-district x age band x sex (issue 7).

Reads the demo's province database (build/demo/province_50.gpkg, SCALE 0.1 Chiang Mai: 176,835
persons, 204 sub-districts; built by `make demo` when missing) or --database. Each run is a fresh
process, so its peak RSS is its own. Against a same-run baseline: the plain SQL GROUP BY of the
same cube (what the export reads), as a time ratio; and the district-level export. Reports the
cells, how many are hidden and why (primary: under k; dominance: a group almost all in one risk
class; secondary: complements), and the share hidden (over-suppression).

    .venv/bin/python bench/bench_public_export.py [--database province.gpkg] [--year 2024]
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
DEMO = REPO / "build" / "demo" / "province_50.gpkg"

_CHILD = """
import json, resource, sqlite3, sys, time
sys.path.insert(0, {pythonpath!r})
from trafficking_db.trafficking_plugin.core import public_export
database, year, level = {database!r}, {year!r}, {level!r}
start = time.perf_counter()
if level == "sql":     # the baseline: the same cube's GROUP BY, nothing protected
    with sqlite3.connect(f"file:{{database}}?mode=ro", uri=True) as conn:
        groups = len(public_export._counts(conn, year, "subdistrict", True, True)[0])
    summary = {{"groups": groups}}
else:
    summary = public_export.export(database, year, {folder!r}, level=level)
    summary = {{k: summary[k] for k in ("cells", "primary", "secondary", "dominance")}}
summary["seconds"] = time.perf_counter() - start
summary["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(summary))
"""


def run(database, year, level, folder):
    code = _CHILD.format(pythonpath=str(PYTHONPATH), database=str(database), year=year,
                         level=level, folder=str(folder))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=DEMO)
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args()
    PYTHONPATH.mkdir(parents=True, exist_ok=True)
    link = PYTHONPATH / "trafficking_db"
    if not link.is_symlink():
        link.symlink_to(REPO, target_is_directory=True)
    if args.database == DEMO and not DEMO.exists():
        subprocess.run(["make", "-C", str(REPO), "demo"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        results = {level: run(args.database, args.year, level, Path(tmp) / level)
                   for level in ("sql", "district", "subdistrict")}
    base = results["sql"]["seconds"]
    print(f"public export of {args.database.name}, data year {args.year}, by age band and sex, "
          f"k = 11, dominance 0.9")
    print(f"  baseline GROUP BY: {results['sql']['groups']} groups in {base:.2f} s, "
          f"peak {results['sql']['peak_mib']:.0f} MiB")
    for level in ("district", "subdistrict"):
        r = results[level]
        hidden = r["primary"] + r["secondary"]
        print(f"  {level:11s}: {r['seconds']:6.1f} s ({r['seconds'] / base:5.0f} x the GROUP BY), "
              f"peak {r['peak_mib']:4.0f} MiB; {r['cells']} cells, {hidden} hidden "
              f"({hidden / r['cells']:.0%}): primary {r['primary']}, secondary {r['secondary']} "
              f"(of them dominance {r['dominance']})")


if __name__ == "__main__":
    main()
