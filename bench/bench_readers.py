"""Benchmark: the plugin's XLSX, ODS and DBF readers against GDAL's drivers (osgeo.ogr, in every
QGIS), the hostile corpus through both, and the public export's XLSX writer against GDAL's.

Tables of the school roster's shape (14 columns: codes, Thai names, dates as text) are built once
into build/bench/readers/: XLSX with inline strings (openpyxl's write-only mode, as the sample
data) and with shared strings (GDAL's writer, as Excel saves), ODS and DBF (GDAL's writers).
Each read runs in a fresh process, so its time and peak memory (max RSS) are its own; a process
that only imports the same modules gives the floor under every peak. GDAL reads as the import
would use it: no header guessing and every field text (OGR_XLSX_HEADERS=DISABLE,
OGR_XLSX_FIELD_TYPES=STRING and the same for ODS), through core/ingest/gdal_table.LayerTable.

The hostile corpus is tests/core/ingest/test_hostile_spreadsheets.py's HOSTILE: each file goes
through the plugin's reader (readers.open_table) and GDAL's in a child with a time limit and a
4 GiB address-space limit; the table says whether each gives rows, a message, a traceback, a
hang or a crash.

    .venv/bin/python bench/bench_readers.py [--cells 100000 1000000] [--timeout 60]
        [--skip-speed] [--skip-corpus] [--skip-writer]
"""
import argparse
import csv
import importlib.util
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
PACKAGE = "trafficking_db.trafficking_plugin"
WORK = REPO / "build" / "bench" / "readers"
CORPUS = REPO / "tests" / "core" / "ingest" / "test_hostile_spreadsheets.py"
COLUMNS = 14
ADDRESS_LIMIT = 4 << 30

# GDAL as the import would use it: the raw rows, header included, every cell as text.
_GDAL_OPTIONS = """
from osgeo import gdal
for name in ("OGR_XLSX_HEADERS", "OGR_ODS_HEADERS"):
    gdal.SetConfigOption(name, "DISABLE")
for name in ("OGR_XLSX_FIELD_TYPES", "OGR_ODS_FIELD_TYPES"):
    gdal.SetConfigOption(name, "STRING")
"""
_IMPORTS = f"""
import json, resource, sys, time
sys.path.insert(0, {str(PYTHONPATH)!r})
from {PACKAGE}.core.ingest import readers, gdal_table, xlsx
from {PACKAGE}.core.errors import CoreError
{_GDAL_OPTIONS}
"""
# How each reader opens a table: rows of (cells, problem).
_OPENERS = {
    "plugin": "readers.open_table(path)",
    "gdal": "gdal_table.LayerTable(path)",
}
_ODFPY = """
import pandas as pd
frame = pd.read_excel(path, engine="odf", header=None, dtype=object)
table = [([None if v != v else v for v in values], None)
         for values in frame.itertuples(index=False, name=None)]
"""
# One read in a child: the rows and cells it gave (or its message or traceback), time, peak.
_READ = _IMPORTS + """
path, reader = {path!r}, {reader!r}
start = time.perf_counter()
rows = cells = problems = 0
outcome = None
try:
    if reader == "odfpy":
        exec({odfpy!r})
        rows_of = table
    else:
        table = eval({openers!r}[reader])
        rows_of = table
    for values, problem in rows_of:
        rows += 1
        cells += len(values)
        problems += problem is not None
except CoreError as error:
    outcome = "message: " + str(error)
except Exception as error:  # noqa: BLE001 (what the user would see as a traceback)
    outcome = f"traceback: {{type(error).__name__}}: {{error}}"
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mib": usage.ru_maxrss / 1024, "rows": rows, "cells": cells,
                  "problems": problems, "outcome": outcome}}))
"""
_FLOOR = _IMPORTS + """
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"peak_mib": usage.ru_maxrss / 1024}))
"""


def child(code, timeout=None):
    """Run ``code`` in a fresh interpreter with the address-space limit: its JSON, or what went
    wrong (a hang past ``timeout``, a crash, a traceback outside the reader)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=timeout, preexec_fn=limit, check=False)
    except subprocess.TimeoutExpired:
        return {"outcome": f"hang (no result after {timeout} s)", "seconds": timeout}
    if done.returncode < 0:
        return {"outcome": f"crash (signal {-done.returncode})",
                "seconds": time.perf_counter() - start}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"traceback: {last}", "seconds": time.perf_counter() - start}
    return json.loads(lines[-1])


def read(path, reader, timeout=None):
    return child(_READ.format(path=str(path), reader=reader, odfpy=_ODFPY, openers=_OPENERS),
                 timeout)


def roster_rows(count):
    """``count`` rows of the roster's shape: codes, Thai text, IDs, dates written as text."""
    names = ["สุทธิพงษ์", "กนกวรรณ", "ณัฐวุฒิ", "พิมพ์ชนก", "ธนากร", "อรอุมา", "จิราพร"]
    for n in range(count):
        yield [f"10500{n % 400:05d}", f"โรงเรียนบ้าน{names[n % 7]}", "2567", f"3500{n:09d}",
               "เด็กชาย" if n % 2 else "เด็กหญิง", names[n % 7], names[(n * 3) % 7] + "สกุล",
               "ชาย" if n % 2 else "หญิง", f"{n % 28 + 1:02d}/{n % 12 + 1:02d}/25{50 + n % 10}",
               f"ป.{n % 6 + 1}", str(n % 4 + 1), "กำลังศึกษา", f"{n % 200}/{n % 9}",
               f"5001{n % 99:02d}{n % 20 + 1:02d}"]


def build_tables(cells):
    """The tables of ``cells`` cells (roster rows): {label: path}, built once."""
    from osgeo import gdal
    gdal.UseExceptions()
    folder = WORK / f"cells{cells}"
    folder.mkdir(parents=True, exist_ok=True)
    count = cells // COLUMNS
    header = [f"c{i:02d}" for i in range(1, COLUMNS + 1)]       # DBF field names are ASCII
    text = folder / "roster.csv"
    paths = {"xlsx, inline strings (openpyxl)": folder / "inline.xlsx",
             "xlsx, shared strings (GDAL)": folder / "shared.xlsx",
             "ods (GDAL)": folder / "roster.ods", "dbf (GDAL, UTF-8)": folder / "roster.dbf"}
    if all(p.exists() for p in paths.values()):
        return paths
    with open(text, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows(roster_rows(count))
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("roster")
    sheet.append(header)
    for values in roster_rows(count):
        sheet.append(values)
    book.save(paths["xlsx, inline strings (openpyxl)"])
    plain = ["AUTODETECT_TYPE=NO"]
    gdal.VectorTranslate(str(paths["xlsx, shared strings (GDAL)"]), str(text), format="XLSX",
                         options=["-oo", *plain])
    gdal.VectorTranslate(str(paths["ods (GDAL)"]), str(text), format="ODS", options=["-oo", *plain])
    gdal.VectorTranslate(str(paths["dbf (GDAL, UTF-8)"]), str(text), format="ESRI Shapefile",
                         options=["-oo", *plain, "-lco", "ENCODING=UTF-8"])
    return paths


def built_tables(cells):
    """build_tables in a child: a child's max RSS starts from its parent's (Linux keeps it
    across exec), so the parent stays small."""
    subprocess.run([sys.executable, __file__, "--build", str(cells)], check=True)
    return build_tables(cells)


def bench_speed(cell_counts):
    floor = child(_FLOOR)["peak_mib"]
    print(f"floor: a process that only imports the readers and GDAL peaks at {floor:.0f} MiB")
    print(f"{'table':34} {'cells':>9} {'reader':>7} {'rows':>8} {'seconds':>8} {'cells/s':>10} "
          f"{'peak MiB':>9} {'vs GDAL':>8}")
    for cells in cell_counts:
        for label, path in built_tables(cells).items():
            readers = ["plugin", "gdal"] + (["odfpy"] if label.startswith("ods") else [])
            results = {reader: read(path, reader) for reader in readers}
            for reader, result in results.items():
                if result.get("outcome"):
                    print(f"{label:34} {cells:9,} {reader:>7} {result['outcome']}")
                    continue
                ratio = result["cpu"] / results["gdal"]["cpu"] if results["gdal"].get("cpu") else 0
                print(f"{label:34} {cells:9,} {reader:>7} {result['rows']:8,} "
                      f"{result['seconds']:8.2f} {result['cells'] / result['seconds']:10,.0f} "
                      f"{result['peak_mib']:9.0f} {ratio:7.2f}x")
    print("(plugin: readers.open_table: xlsx.py, ods.py, the DBF reader; odfpy: the ODS reader "
          "before issue 15, pandas.read_excel(engine='odf'); vs GDAL: CPU time over GDAL's; GDAL "
          "stops reading an ODS after about 10 MB of cell text, so its rows may be fewer)")


def load_corpus():
    sys.path.insert(0, str(PYTHONPATH))
    sys.path.insert(0, str(CORPUS.parents[2]))            # tests/, for its conftest
    spec = importlib.util.spec_from_file_location("hostile_corpus", CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.HOSTILE


def bench_corpus(timeout):
    folder = WORK / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'hostile file':52} {'reader':>7} {'seconds':>8} {'peak MiB':>9}  outcome")
    for number, (name, (build, _source, _expected)) in enumerate(load_corpus().items()):
        case = folder / str(number)
        case.mkdir(exist_ok=True)
        for old in case.iterdir():
            old.unlink()
        path = build(case)
        for reader in ("plugin", "gdal"):
            result = read(path, reader, timeout)
            outcome = result.get("outcome") or (
                f"{result['rows']} rows, {result['problems']} with a reason")
            peak = f"{result['peak_mib']:9.0f}" if "peak_mib" in result else f"{'-':>9}"
            print(f"{name[:52]:52} {reader:>7} {result['seconds']:8.2f} {peak}  {outcome[:110]}")


# The public export's writer against GDAL's XLSX writer: the same rows (text and whole numbers).
_WRITE = """
import json, resource, sys, time
sys.path.insert(0, {pythonpath!r})
from {package}.core.dissemination import xlsx_writer
from osgeo import gdal, ogr
gdal.UseExceptions()
path, writer, count = {path!r}, {writer!r}, {count!r}
header = ["area_code", "area_name", "age_band", "sex", "persons", "high", "medium", "low",
          "share_high", "note"]
def rows():
    for n in range(count):
        yield [f"50{{n % 2000:04d}}", f"ตำบลที่ {{n % 2000}}", f"{{n % 18 * 5}}-{{n % 18 * 5 + 4}}",
               ("male", "female", "all")[n % 3], n % 500, n % 50, n % 70, n % 380,
               round((n % 50) / 500, 3), "" if n % 7 else "hidden: under 5"]
start = time.perf_counter()
if writer == "plugin":
    xlsx_writer.write_workbook(path, {{"subdistrict": [header] + list(rows())}})
else:
    source = ogr.GetDriverByName("XLSX").CreateDataSource(path)
    layer = source.CreateLayer("subdistrict", geom_type=ogr.wkbNone)
    for name, value in zip(header, next(rows())):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString if isinstance(value, str) else
                                        ogr.OFTReal if isinstance(value, float) else ogr.OFTInteger))
    definition = layer.GetLayerDefn()
    for values in rows():
        feature = ogr.Feature(definition)
        for i, value in enumerate(values):
            feature.SetField(i, value)
        layer.CreateFeature(feature)
    source = layer = None
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mib": usage.ru_maxrss / 1024}}))
"""


def bench_writer(row_counts):
    print(f"{'writer':7} {'rows':>8} {'seconds':>8} {'peak MiB':>9} {'KiB':>8}  read back (rows: "
          "plugin reader / GDAL)")
    for count in row_counts:
        for writer in ("plugin", "gdal"):
            path = WORK / f"export_{writer}_{count}.xlsx"
            path.unlink(missing_ok=True)
            result = child(_WRITE.format(pythonpath=str(PYTHONPATH), package=PACKAGE, path=str(path),
                                         writer=writer, count=count))
            if "peak_mib" not in result:
                print(f"{writer:7} {count:8,} {result['outcome']}")
                continue
            back = [read(path, reader).get("rows") for reader in ("plugin", "gdal")]
            print(f"{writer:7} {count:8,} {result['seconds']:8.2f} {result['peak_mib']:9.0f} "
                  f"{path.stat().st_size / 1024:8.0f}  {back[0]} / {back[1]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cells", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--export-rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--skip-writer", action="store_true")
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build_tables(args.build)
        return
    PYTHONPATH.mkdir(parents=True, exist_ok=True)
    link = PYTHONPATH / "trafficking_db"
    if not link.is_symlink():
        link.symlink_to(REPO, target_is_directory=True)
    if not args.skip_speed:
        print("== reading speed and peak memory ==")
        bench_speed(args.cells)
    if not args.skip_corpus:
        print(f"== the hostile corpus (time limit {args.timeout:g} s, address space "
              f"{ADDRESS_LIMIT >> 30} GiB) ==")
        bench_corpus(args.timeout)
    if not args.skip_writer:
        print("== the public export's XLSX writer against GDAL's ==")
        bench_writer(args.export_rows)


if __name__ == "__main__":
    main()
