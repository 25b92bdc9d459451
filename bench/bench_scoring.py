"""Benchmark: scoring the risk index of the sample province against ogr2ogr's plain load (issue 19).

Scores data year 2024 of build/bench/run-scale<S>/province.gpkg (imported and crosswalked; made
here from the generated sample files when missing, with the import's own steps) in its own
process, so its peak memory (max RSS) is its own. The baseline is bench_import.py's: `ogr2ogr`
loading every raw file into a fresh GeoPackage, in the same run. Goals: scoring <= 1.0x the
baseline (wall time, and CPU time beside it for a shared machine), peak memory <= 2 GiB, and with
--scales the peak of the last scale <= 1.25x that of the first (e.g. --scales 0.25 1).

    .venv/bin/python bench/bench_scoring.py [--scale 1] [--scales 0.25 1] [--seed 1]
"""
import argparse
import shutil
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import (BENCH_DIR, DATA_YEAR, PACKAGE, REPO, fresh_database,  # noqa: E402
                          run_child, sample_files, time_ogr2ogr, verdict)

GOAL_RATIO, GOAL_PEAK_MIB, GOAL_GROWTH = 1.0, 2048, 1.25


def crosswalked(db):
    """True when ``db`` has the province's areas and holds the persons of the data year (imported
    and crosswalked)."""
    if not db.exists():
        return False
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return bool(conn.execute("SELECT 1 FROM province").fetchone() and conn.execute(
                "SELECT 1 FROM person WHERE data_year = ? LIMIT 1", (DATA_YEAR,)).fetchone())
        except sqlite3.DatabaseError:
            return False


# The synthetic province's areas and the sample's villages, as the tests build them (the
# crosswalk places persons in them; the public export and the national publication need them).
_UNITS = """
sys.path.insert(0, {tests!r})
from conftest import province_units
from {package}.core import create_database
from {package}.sample import synthetic_province
"""


def prepare(scale, seed):
    """The crosswalked province database of ``scale`` (areas included), made when missing; the
    sample folder and its manifest."""
    folder, manifest = sample_files(scale, seed)
    work = BENCH_DIR / f"run-scale{scale:g}"
    db = work / "province.gpkg"
    if crosswalked(db):
        print(f"province database: reusing {db.relative_to(REPO)}")
        return db, folder, manifest
    print(f"province database: importing and crosswalking into {db.relative_to(REPO)}")
    db = fresh_database(work)
    run_child(_UNITS.format(tests=str(REPO / "tests"), package=PACKAGE),
              f"create_database.create_or_upgrade({str(db)!r}, '50', province_units("
              f"synthetic_province.synthetic_province(), {str(folder / 'villages.geojson')!r}))")
    for entry in manifest["files"]:
        run_child(f"from {PACKAGE}.core.ingest import import_file",
                  f"import_file.import_file({str(db)!r}, {str(folder / entry['path'])!r}, "
                  f"{entry['source']!r}, {DATA_YEAR})", "result.status")
    run_child(f"from {PACKAGE}.core.standard import crosswalk",
              f"crosswalk.run_crosswalk({str(db)!r}, {DATA_YEAR})")
    return db, folder, manifest


def baseline(work, folder, manifest):
    """(wall, CPU) seconds of ogr2ogr loading every raw file into a fresh GeoPackage."""
    out = work / "ogr2ogr.gpkg"
    out.unlink(missing_ok=True)
    wall = cpu = 0.0
    for entry in manifest["files"]:
        used = {}
        seconds, _ = time_ogr2ogr(out, folder / entry["path"], Path(entry["path"]).stem.lower(),
                                  used)
        wall, cpu = wall + seconds, cpu + used["seconds"]
    out.unlink(missing_ok=True)
    return wall, cpu


def bench(scale, seed):
    db, folder, manifest = prepare(scale, seed)
    ogr, ogr_cpu = baseline(db.parent, folder, manifest)
    cpu = {}
    seconds, peak, scored = run_child(
        f"from {PACKAGE}.core.risk import risk_index",
        f"risk_index.score_risk_index({str(db)!r}, {DATA_YEAR})",
        "{k: getattr(result, k) for k in ('persons', 'scored', 'high', 'medium', 'low')}", cpu)
    ratio, cpu_ratio = seconds / ogr, cpu["seconds"] / ogr_cpu
    print(f"scale {scale:g}: risk index of {scored['persons']:,} persons ({scored['scored']:,} "
          f"scored; high {scored['high']:,}, medium {scored['medium']:,}, low "
          f"{scored['low']:,}) in {seconds:.1f} s (CPU {cpu['seconds']:.1f} s), peak {peak:.0f} "
          f"MiB; ogr2ogr's plain load of the raw files {ogr:.1f} s (CPU {ogr_cpu:.1f} s)")
    print(f"goal scoring / ogr2ogr <= {GOAL_RATIO}: {ratio:.2f} {verdict(ratio <= GOAL_RATIO)} "
          f"(CPU {cpu_ratio:.2f} {verdict(cpu_ratio <= GOAL_RATIO)})")
    print(f"goal peak memory <= {GOAL_PEAK_MIB} MiB: {peak:.0f} MiB "
          f"{verdict(peak <= GOAL_PEAK_MIB)}")
    return peak


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
    peaks = []
    for scale in scales:
        print(f"== scale {scale:g} ==")
        peaks.append(bench(scale, args.seed))
    if len(scales) > 1:
        growth = peaks[-1] / peaks[0]
        print(f"goal scoring's peak memory at scale {scales[-1]:g} <= {GOAL_GROWTH}x that at "
              f"scale {scales[0]:g}: {growth:.2f}x {verdict(growth <= GOAL_GROWTH)}")


if __name__ == "__main__":
    main()
