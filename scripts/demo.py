"""`make demo`: the pipeline so far on an embedded default, into build/demo/.

Builds a province database (Chiang Mai from the real boundaries in ../shared, or a small synthetic
province when ../shared is absent), generates the sample agency files, and renders a PNG map of
the province with its districts and villages labelled in Thai; imports and crosswalks the files,
imports the risky-workplace (sin space) survey, loads the sample network and lessons-learned
cases, scores the risk index, imports and monitors prevention activities, verifies the database,
writes the risk reports and the public figures, analyses case routes and network coverage, and
ends with the red/yellow/green risk map. Runs headless.
"""
import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
SHARED_BOUNDARIES = REPO.parent / "shared" / "data" / "th_admin_boundaries.gpkg"
OLD_CODES = REPO.parent / "shared" / "data" / "codes" / "th_admin_codes_kongvut.csv"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", default="50", help="2-digit DOPA code (default 50, Chiang Mai)")
    parser.add_argument("--scale", type=float, default=0.1, help="1.0 = Chiang Mai's volume")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=2024, help="data year, C.E. or B.E.")
    parser.add_argument("--out", default=str(REPO / "build" / "demo"))
    parser.add_argument("--synthetic", action="store_true",
                        help="use the built-in synthetic province even when ../shared is present")
    args = parser.parse_args()

    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    sys.path.insert(0, str(REPO / "build" / "pythonpath"))
    link = REPO / "build" / "pythonpath" / "trafficking_db"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.is_symlink():
        link.symlink_to(REPO, target_is_directory=True)
    from trafficking_db.processing_algorithms.provider import TraffickingProvider
    from trafficking_db.trafficking_plugin.core.thai_calendar import data_year
    from trafficking_db.trafficking_plugin.sample import synthetic_province
    args.year = data_year(args.year)      # the demo's edge: Common Era from here on
    provider = TraffickingProvider()   # keep a reference: the registry does not own Python objects
    QgsApplication.processingRegistry().addProvider(provider)

    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if SHARED_BOUNDARIES.exists() and not args.synthetic:
        boundaries = f"{SHARED_BOUNDARIES}|layername=tambon"
        attribution = "Boundaries: OCHA / Royal Thai Survey Department (CC BY-IGO 3.0)."
        print(f"demo: real sub-district boundaries from {SHARED_BOUNDARIES}")
    else:
        boundaries = str(out / "synthetic_boundaries.geojson")
        with open(boundaries, "w", encoding="utf-8") as f:
            # With a made-up neighbouring province, so the sample finds its made-up border.
            units = (synthetic_province.synthetic_province(args.province)
                     + synthetic_province.synthetic_neighbours(args.province))
            json.dump(synthetic_province.to_geojson(units), f, ensure_ascii=False)
        attribution = "Boundaries: a synthetic province (../shared was not found)."
        print("demo: ../shared not found; using a small synthetic province")

    timings = {}

    def step(name, algorithm, **parameters):
        print(f"demo: {name}…", flush=True)
        start = time.perf_counter()
        result = processing.run(f"trafficking:{algorithm}", parameters)
        timings[name] = round(time.perf_counter() - start, 1)
        print(f"demo: {name} done in {timings[name]} s", flush=True)
        return result

    sample = step("generate sample agency data", "generatesampledata", BOUNDARIES=boundaries,
                  PROVINCE=args.province, SCALE=args.scale, SEED=args.seed, DATA_YEAR=args.year,
                  OLD_CODES=str(OLD_CODES) if OLD_CODES.exists() and not args.synthetic else None,
                  OUTPUT_FOLDER=str(out / "agency_files"))
    database = out / f"province_{args.province}.gpkg"
    step("create province database", "createdatabase", OUTPUT=str(database),
         PROVINCE=args.province, BOUNDARIES=boundaries, VILLAGES=sample["VILLAGES"])

    manifest = json.loads((out / "agency_files" / "manifest.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    # The year's files, then the later years' welfare files: the outcomes the index is validated
    # against (docs/validation.md).
    for entry in manifest["files"] + manifest.get("later_files", []):
        result = processing.run("trafficking:importsecondarydata", {
            "DATABASE": str(database), "INPUT": str(out / "agency_files" / entry["path"]),
            "SOURCE": entry["source"], "DATA_YEAR": entry.get("data_year", args.year)})
        print(f"demo:   import {entry['path']}: {result['ROWS_READ']:,} read = "
              f"{result['ROWS_STAGED']:,} staged + {result['ROWS_REJECTED']:,} rejected", flush=True)
    timings["import agency files"] = round(time.perf_counter() - start, 1)
    standard = step("crosswalk to the standard", "crosswalk", DATABASE=str(database),
                    DATA_YEAR=args.year)
    print(f"demo:   {standard['PERSONS']:,} persons, {standard['UNLINKED']:,} records unlinked, "
          f"{standard['UNMAPPED_CODES']} unmapped codes on {standard['UNMAPPED_ROWS']:,} rows "
          "(see unmapped_code)", flush=True)

    for later in sorted({e["data_year"] for e in manifest.get("later_files", [])}):
        step(f"crosswalk the outcomes of {later}", "crosswalk", DATABASE=str(database),
             DATA_YEAR=later)
    places = step("import the sin-space survey", "importsinspace", DATABASE=str(database),
                  INPUT=str(out / "agency_files" / manifest["sin_space"]["path"]),
                  DATA_YEAR=args.year)
    print(f"demo:   {places['ROWS_READ']:,} places read = {places['ROWS_STAGED']:,} placed + "
          f"{places['ROWS_REJECTED']:,} rejected; village distances written", flush=True)
    from trafficking_db.trafficking_plugin.sample import cases
    loaded = cases.load_sample(database, out / "agency_files")
    print("demo: sample network and lessons-learned cases loaded: " +
          ", ".join(f"{n:,} {k}" for k, n in loaded.items()), flush=True)
    risk = step("score the risk index and its uncertainty", "scoreriskindex",
                DATABASE=str(database), DATA_YEAR=args.year)
    print(f"demo:   {risk['SCORED']:,} of {risk['PERSONS']:,} persons scored: high "
          f"{risk['HIGH']:,}, medium {risk['MEDIUM']:,}, low {risk['LOW']:,}", flush=True)
    checked = step("validate the index against later outcomes", "validateindex",
                   DATABASE=str(database), DATA_YEAR=args.year)
    print(f"demo:   {checked['OUTCOMES']:,} persons with an outcome; AUC villages "
          f"{checked['AUC_VILLAGES']:.2f} (best baseline {checked['BEST_BASELINE_AUC']:.2f}), "
          f"persons {checked['AUC_PERSONS']:.2f}", flush=True)

    acts = step("import prevention activities", "importactivities", DATABASE=str(database),
                INPUT=str(out / "agency_files" / manifest["activities"]["path"]), DATA_YEAR=args.year)
    print(f"demo:   {acts['ROWS_READ']:,} activities read = {acts['ROWS_STAGED']:,} accepted + "
          f"{acts['ROWS_REJECTED']:,} rejected", flush=True)
    shift = step("monitor prevention activities", "monitoractivities", DATABASE=str(database),
                 DATA_YEAR=args.year, OUTPUT_DISTRICTS=str(out / "activity_shift.gpkg"),
                 OUTPUT_UNREACHED=str(out / "unreached_villages.gpkg"))
    if shift["SHARE_HIGH"] is not None and shift["SHARE_HIGH_PREVIOUS"] is not None:
        print(f"demo:   activities in high-risk areas {shift['SHARE_HIGH_PREVIOUS']:.0%} last year, "
              f"{shift['SHARE_HIGH']:.0%} this year; {shift['UNREACHED']} high-risk villages "
              "without an activity", flush=True)
    step("verify the database", "verifydatabase", DATABASE=str(database), DATA_YEAR=args.year,
         OUTPUT_FOLDER=str(out / "verify"))
    step("write the risk reports", "riskreport", DATABASE=str(database), DATA_YEAR=args.year,
         OUTPUT_FOLDER=str(out / "reports"))
    step("export public figures", "publicexport", DATABASE=str(database), DATA_YEAR=args.year,
         LEVEL=2, OUTPUT_FOLDER=str(out / "public"))       # sub-districts x age band x sex
    step("analyse case routes", "analysecaseroutes", DATABASE=str(database),
         OUTPUT_ROUTES=str(out / "case_routes.gpkg"), OUTPUT_TRANSIT=str(out / "case_transit.gpkg"),
         OUTPUT_TABLES=str(out / "case_tables.gpkg"), OUTPUT_VILLAGES=str(out / "case_villages.gpkg"))
    step("find network coverage gaps", "networkcoverage", DATABASE=str(database),
         DATA_YEAR=args.year, MAX_KM=30, OUTPUT=str(out / "network_gaps.gpkg"))

    from trafficking_db.trafficking_plugin.outputs.layout_kit import render_province_map, render_risk_map
    png = out / f"province_{args.province}.png"
    start = time.perf_counter()
    render_province_map(database, png, attribution)
    timings["render map"] = round(time.perf_counter() - start, 1)
    print(f"demo: map {png}")
    risk_png = out / f"risk_{args.province}.png"
    start = time.perf_counter()
    render_risk_map(database, args.year, risk_png,
                    attribution + " Persons and risk: synthetic sample data.",
                    project_path=out / f"risk_{args.province}.qgz")
    timings["render risk map"] = round(time.perf_counter() - start, 1)
    print(f"demo: risk map {risk_png} (open risk_{args.province}.qgz in QGIS for the same map)")
    # The province project: every layer grouped and styled, the maps' and reports' layouts ready.
    project = step("write the province project", "createproject", DATABASE=str(database),
                   ATTRIBUTION=attribution + " Persons and risk: synthetic sample data.")
    print(f"demo: open {project['OUTPUT']} in QGIS: layers grouped and styled, print layouts "
          f"{project['LAYOUTS']}")
    # The public website: the same protected figures as the public export above, as a page.
    site = step("write the public website", "publicwebsite", DATABASE=str(database),
                DATA_YEAR=args.year, OUTPUT_FOLDER=str(out / "public_site"),
                ATTRIBUTION=attribution + " Persons and risk: synthetic sample data.")
    print(f"demo: public website {site['INDEX']} ({site['AREAS']} sub-districts, "
          f"{site['HIDDEN_AREAS']} shown as hidden): copy the folder to any web server")
    # The intranet's QGIS Server project (docs/web.md; `make web-demo` serves it by role).
    server = step("write the intranet server project", "serverproject", DATABASE=str(database),
                  DATA_YEAR=args.year, OUTPUT=str(out / f"intranet_{args.province}.qgs"),
                  ATTRIBUTION=attribution + " Persons and risk: synthetic sample data.")
    print(f"demo: intranet project {server['OUTPUT']} for QGIS Server (make web-demo serves it)")
    print(f"demo: database {database}")
    print("demo: timings (s): " + ", ".join(f"{k} {v}" for k, v in timings.items()))
    app.exitQgis()


if __name__ == "__main__":
    main()
