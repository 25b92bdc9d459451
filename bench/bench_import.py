"""Benchmark: import, crosswalk and risk scoring of the sample files against ogr2ogr's plain load.

Each step runs in its own process so its peak memory (max RSS) is its own. The baseline is
`ogr2ogr` loading every raw file into a fresh GeoPackage, one layer a file, no type detection:
the cost of reading the files and writing their rows with no checking at all. Goals (issue 19):
the import at most 1.0x the baseline and import + crosswalk at most 1.5x, in wall time and in
CPU time (each ratio printed with PASS or MISS, the CPU ratio beside the wall ratio), peak
memory at most 2 GiB, and peak memory at SCALE 4 at most 1.25x that at SCALE 1. Scoring the
risk index (issue 4: every person scored and summed up by area) is reported as its own ratio
to the same baseline, with its peak.

    .venv/bin/python bench/bench_import.py [--scale 1.0] [--scales 1 4] [--seed 1]

Generated files go to build/bench/data-scale<S>-seed<N>/ and are reused while their manifest
matches the scale, seed and generator version.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
PACKAGE = "trafficking_db.trafficking_plugin"
BENCH_DIR = REPO / "build" / "bench"
DATA_YEAR = 2024
GOAL_IMPORT, GOAL_BOTH, GOAL_PEAK_MIB, GOAL_GROWTH = 1.0, 1.5, 2048, 1.25

# Run in a child process: one step, then its timing and peak RSS as JSON on the last line.
_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {pythonpath!r})
{imports}
start = time.perf_counter()
result = {call}
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
print(json.dumps({{"seconds": seconds, "peak_mib": peak, "cpu": cpu, "result": {report}}}, default=str))
"""


def run_child(imports, call, report="None", cpu=None):
    """Run one step in a fresh interpreter; (seconds, peak MiB, result). ``cpu``, a dict, gets
    the step's CPU seconds under "seconds" (steadier than wall time on a shared machine)."""
    code = _CHILD.format(pythonpath=str(PYTHONPATH), imports=imports, call=call, report=report)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"step failed: {call}\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    if cpu is not None:
        cpu["seconds"] = out["cpu"]
    return out["seconds"], out["peak_mib"], out["result"]


def sample_files(scale, seed):
    """The generated sample folder and its manifest, generated only when missing or different."""
    folder = BENCH_DIR / f"data-scale{scale:g}-seed{seed}"
    manifest_path = folder / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (manifest["scale"], manifest["seed"], manifest.get("generator_version")) == \
                (scale, seed, _generator_version()):
            print(f"sample data: reusing {folder.relative_to(REPO)}")
            return folder, manifest
    shutil.rmtree(folder, ignore_errors=True)
    print(f"sample data: generating scale {scale:g}, seed {seed} into {folder.relative_to(REPO)}")
    seconds, _, _ = run_child(
        f"from {PACKAGE}.sample import generator, synthetic_province",
        f"generator.generate_sample_data(synthetic_province.synthetic_province(), {str(folder)!r}, "
        f"scale={scale!r}, seed={seed!r})")
    print(f"sample data: {seconds:.0f} s")
    return folder, json.loads(manifest_path.read_text(encoding="utf-8"))


def _generator_version():
    sys.path.insert(0, str(PYTHONPATH))
    from trafficking_db.trafficking_plugin.sample.generator import GENERATOR_VERSION
    return GENERATOR_VERSION


def fresh_database(folder):
    """An empty province database of the synthetic province (and no identity file yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "province.gpkg"
    for path in (db, folder / "province.identity.sqlite"):
        path.unlink(missing_ok=True)
    run_child(f"from {PACKAGE}.core import create_database",
              f"create_database.create_or_upgrade({str(db)!r}, '50', {{}})")
    return db


def time_import(db, folder, entry, cpu):
    return run_child(f"from {PACKAGE}.core.ingest import import_file",
                     f"import_file.import_file({str(db)!r}, {str(folder / entry['path'])!r}, "
                     f"{entry['source']!r}, {DATA_YEAR})",
                     "{k: getattr(result, k) for k in ('rows_read', 'rows_staged', 'rows_rejected')}", cpu)


def time_crosswalk(db, cpu):
    """(seconds, peak MiB) of the crosswalk step."""
    seconds, peak, _ = run_child(f"from {PACKAGE}.core.standard import crosswalk",
                                 f"crosswalk.run_crosswalk({str(db)!r}, {DATA_YEAR})", cpu=cpu)
    return seconds, peak


def time_ogr2ogr(out, path, layer, cpu):
    """Seconds and peak MiB of ogr2ogr appending ``path`` to ``out`` as the layer ``layer``."""
    command = ["ogr2ogr", "-f", "GPKG", str(out), str(path), "-nln", layer]
    if out.exists():
        command.insert(1, "-update")
    if path.suffix == ".csv":
        command += ["-oo", "AUTODETECT_TYPE=NO"]      # plain text columns, bytes as they are
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"ogr2ogr failed on {path}: {child.stderr.read().decode(errors='replace')}")
    child.stderr.close()
    cpu["seconds"] = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024


# Python's own plain load, the floor under the import: every file read with the import's
# readers and its rows written to SQLite with sqlite3's executemany, as text, in one table a
# file, nothing checked, keyed, deduplicated or crosswalked.
_PLAIN_LOAD = """
import sqlite3
from trafficking_db.trafficking_plugin.core.ingest import readers
_PLAIN_TYPES = (str, int, float, type(None))
conn = sqlite3.connect({out!r}, isolation_level=None)
conn.execute("BEGIN")
for number, path in enumerate({paths!r}):
    with readers.open_table(path) as table:
        rows = iter(table)
        width = len(next(rows)[0])
        columns = ", ".join(f"c{{i}}" for i in range(width))
        conn.execute(f"CREATE TABLE t{{number}} (fid INTEGER PRIMARY KEY AUTOINCREMENT, {{columns}})")
        insert = f"INSERT INTO t{{number}} ({{columns}}) VALUES ({{', '.join('?' * width)}})"
        text = table.format == "csv"      # spreadsheet dates become text
        batch = []
        for cells, _problem in rows:
            if not text:
                cells = [c if c.__class__ in _PLAIN_TYPES else str(c) for c in cells]
            if len(cells) != width:
                cells = (cells + [None] * width)[:width]
            batch.append(cells)
            if len(batch) == 5000:
                conn.executemany(insert, batch)
                batch = []
        conn.executemany(insert, batch)
conn.execute("COMMIT")
"""


def time_plain_load(work, folder, manifest, cpu):
    """Seconds and peak MiB of Python's plain load of every file (see _PLAIN_LOAD)."""
    out = work / "plain_load.sqlite"
    out.unlink(missing_ok=True)
    paths = [str(folder / entry["path"]) for entry in manifest["files"]]
    code = _PLAIN_LOAD.format(out=str(out), paths=paths)
    # The child runs the load's code as its step (exec: the bench folder is not importable there).
    seconds, peak, _ = run_child(f"from {PACKAGE}.core.ingest import readers", f"exec({code!r})", cpu=cpu)
    out.unlink(missing_ok=True)
    return seconds, peak


def bench(scale, seed):
    """Import, crosswalk and baseline at one scale; prints the table and returns the totals."""
    folder, manifest = sample_files(scale, seed)
    work = BENCH_DIR / f"run-scale{scale:g}"
    db = fresh_database(work)
    baseline = work / "ogr2ogr.gpkg"
    baseline.unlink(missing_ok=True)
    print(f"import: each file in its own process into {db.relative_to(REPO)}; "
          f"baseline: ogr2ogr into {baseline.relative_to(REPO)}")
    print(f"{'file':32} {'rows':>10} {'import_s':>9} {'rows/s':>9} {'ogr_s':>7} {'rows/s':>9} "
          f"{'ratio':>6} {'peak_MiB':>9} {'ogr_MiB':>8}")
    total = {"rows": 0, "import": 0.0, "ogr": 0.0, "peak": 0.0, "import_cpu": 0.0, "ogr_cpu": 0.0}
    for entry in manifest["files"]:
        cpu, ogr_cpu = {}, {}
        seconds, peak, counts = time_import(db, folder, entry, cpu)
        ogr_seconds, ogr_peak = time_ogr2ogr(baseline, folder / entry["path"],
                                              Path(entry["path"]).stem.lower(), ogr_cpu)
        total["import_cpu"] += cpu["seconds"]
        total["ogr_cpu"] += ogr_cpu["seconds"]
        rows = counts["rows_read"]
        print(f"{entry['path']:32} {rows:10,} {seconds:9.1f} {rows / seconds:9,.0f} "
              f"{ogr_seconds:7.1f} {rows / ogr_seconds:9,.0f} {seconds / ogr_seconds:6.2f} "
              f"{peak:9.0f} {ogr_peak:8.0f}")
        total["rows"] += rows
        total["import"] += seconds
        total["ogr"] += ogr_seconds
        total["peak"] = max(total["peak"], peak)
    print(f"{'total':32} {total['rows']:10,} {total['import']:9.1f} "
          f"{total['rows'] / total['import']:9,.0f} {total['ogr']:7.1f} "
          f"{total['rows'] / total['ogr']:9,.0f} {total['import'] / total['ogr']:6.2f} "
          f"{total['peak']:9.0f}")
    cpu = {}
    plain, plain_peak = time_plain_load(work, folder, manifest, cpu)
    print(f"plain load in Python (the import's readers, sqlite3 executemany, nothing checked, "
          f"keyed or crosswalked): {plain:.1f} s = {plain / total['ogr']:.2f}x ogr2ogr (CPU "
          f"{cpu['seconds'] / total['ogr_cpu']:.2f}x), peak {plain_peak:.0f} MiB")
    cpu = {}
    crosswalk = time_crosswalk(db, cpu)
    total["crosswalk"], total["crosswalk_cpu"] = crosswalk[0], cpu["seconds"]
    total["peak"] = max(total["peak"], crosswalk[1])
    print(f"crosswalk: {crosswalk[0]:.1f} s (CPU {cpu['seconds']:.1f} s), peak "
          f"{crosswalk[1]:.0f} MiB")
    seconds, peak, scored = run_child(
        f"from {PACKAGE}.core.risk import risk_index",
        f"risk_index.score_risk_index({str(db)!r}, {DATA_YEAR})",
        "{k: getattr(result, k) for k in ('persons', 'scored', 'high', 'medium', 'low')}")
    # Scoring's peak is its own (issue 4): the memory goals here are import's and crosswalk's.
    total["scoring"], total["scoring_peak"] = seconds, peak
    print(f"risk index: {scored['persons']:,} persons ({scored['scored']:,} scored; high "
          f"{scored['high']:,}, medium {scored['medium']:,}, low {scored['low']:,}) in "
          f"{seconds:.1f} s = {seconds / total['ogr']:.2f}x ogr2ogr, peak {peak:.0f} MiB")
    report_goals(total)
    return total


def report_goals(total):
    """Each goal's ratio to ogr2ogr in wall time and, beside it, in CPU time, with PASS or MISS."""
    print(ratio_line("import / ogr2ogr", GOAL_IMPORT, total["import"] / total["ogr"],
                     total["import_cpu"] / total["ogr_cpu"]))
    print(ratio_line("(import + crosswalk) / ogr2ogr", GOAL_BOTH,
                     (total["import"] + total["crosswalk"]) / total["ogr"],
                     (total["import_cpu"] + total["crosswalk_cpu"]) / total["ogr_cpu"]))
    # CPU seconds, for a machine shared with other work: wall time there measures the others too.
    print(f"CPU time: import {total['import_cpu']:.1f} s, crosswalk "
          f"{total['crosswalk_cpu']:.1f} s, ogr2ogr {total['ogr_cpu']:.1f} s")
    print(f"goal peak memory of import and crosswalk <= {GOAL_PEAK_MIB} MiB: {total['peak']:.0f} MiB "
          f"{verdict(total['peak'] <= GOAL_PEAK_MIB)}")


def ratio_line(name, goal, wall, cpu):
    return (f"goal {name} <= {goal}: wall {wall:.2f} {verdict(wall <= goal)}, "
            f"CPU {cpu:.2f} {verdict(cpu <= goal)}")


def verdict(ok):
    return "PASS" if ok else "MISS"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--scales", type=float, nargs="+",
                        help="bench each scale; peak memory of the last relative to the first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("ogr2ogr") is None:
        sys.exit("ogr2ogr not found: install gdal-bin (make setup does)")
    scales = args.scales or [args.scale]
    totals = []
    for scale in scales:
        print(f"== scale {scale:g} ==")
        totals.append(bench(scale, args.seed))
    if len(scales) > 1:
        growth = totals[-1]["peak"] / totals[0]["peak"]
        print(f"goal peak memory of import and crosswalk at scale {scales[-1]:g} <= "
              f"{GOAL_GROWTH}x that at scale {scales[0]:g}: {growth:.2f}x "
              f"{verdict(growth <= GOAL_GROWTH)}")
        scoring = totals[-1]["scoring_peak"] / totals[0]["scoring_peak"]
        print(f"scoring's peak memory at scale {scales[-1]:g}: {scoring:.2f}x that at scale "
              f"{scales[0]:g} (not an import goal)")


if __name__ == "__main__":
    main()
