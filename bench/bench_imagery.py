"""Benchmark: peak memory of extracting imagery chips from a 2 GB virtual raster against the plain
NAIP image it repeats (issue 5: memory must not grow with the image's size).

Each run is a fresh process (like bench_import.py), so its peak RSS is its own. The same places,
at the same pixels of the NAIP image, are chipped from the image itself and from a VRT of 30 x 28
copies of it (28,020 x 20,244 px x 4 bands = 2.27 GB); goal: peak ratio at most 1.25.

    .venv/bin/python bench/bench_imagery.py [--places 25] [--radius 250]
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONPATH = REPO / "build" / "pythonpath"
BENCH_DIR = REPO / "build" / "bench" / "imagery"
NAIP = REPO.parent / "shared" / "data" / "imagery" / "naip_m_4709963_se_14_1_20200831.tif"
ORIGIN, PIXEL, SIZE, TILES = (485899.0, 5209246.0), 5.0, (934, 723), (30, 28)
GOAL_RATIO = 1.25

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {pythonpath!r})
from rasterio.warp import transform
from trafficking_db.trafficking_plugin.core import imagery
xs, ys = transform("EPSG:26914", "EPSG:4326", {xs!r}, {ys!r})
places = [imagery.Place(i + 1, x, y) for i, (x, y) in enumerate(zip(xs, ys))]
start = time.perf_counter()
result = imagery.extract_chips({imagery!r}, places, {folder!r}, {radius!r})
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
chips = sum(1 for r in result["rows"] if r["chip_path"])
print(json.dumps({{"seconds": seconds, "peak_mib": peak, "chips": chips}}))
"""


def big_vrt(path):
    """A VRT of TILES copies of the NAIP image, every tile a SimpleSource on the same file."""
    width, height = SIZE
    bands = []
    for b in range(1, 5):
        sources = "".join(
            f'<SimpleSource><SourceFilename relativeToVRT="0">{NAIP}</SourceFilename>'
            f'<SourceBand>{b}</SourceBand><SrcRect xOff="0" yOff="0" xSize="{width}" ySize="{height}"/>'
            f'<DstRect xOff="{c * width}" yOff="{r * height}" xSize="{width}" ySize="{height}"/>'
            "</SimpleSource>" for r in range(TILES[1]) for c in range(TILES[0]))
        bands.append(f'<VRTRasterBand dataType="Byte" band="{b}"><NoDataValue>0</NoDataValue>'
                     f"{sources}</VRTRasterBand>")
    path.write_text(f'<VRTDataset rasterXSize="{TILES[0] * width}" rasterYSize="{TILES[1] * height}">'
                    f"<SRS>EPSG:26914</SRS><GeoTransform>{ORIGIN[0]}, {PIXEL}, 0, {ORIGIN[1]}, 0, "
                    f"{-PIXEL}</GeoTransform>{''.join(bands)}</VRTDataset>", encoding="utf-8")
    return path, TILES[0] * width * TILES[1] * height * 4


def run(imagery, pixels, folder, radius, tile=(0, 0)):
    """Chip the places at ``pixels`` of NAIP (in tile ``tile`` of a VRT) in a fresh process."""
    xs = [ORIGIN[0] + (c + tile[0] * SIZE[0]) * PIXEL for c, _ in pixels]
    ys = [ORIGIN[1] - (r + tile[1] * SIZE[1]) * PIXEL for _, r in pixels]
    code = _CHILD.format(pythonpath=str(PYTHONPATH), xs=xs, ys=ys, imagery=str(imagery),
                         folder=str(folder), radius=radius)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"chipping {imagery} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=25)
    parser.add_argument("--radius", type=float, default=250)
    args = parser.parse_args()
    if not NAIP.exists():
        sys.exit(f"{NAIP} is missing: the benchmark needs ../shared beside the checkout")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    vrt, size = big_vrt(BENCH_DIR / "naip_30x28.vrt")
    # Places spread over the image, away from its edges.
    side = max(1, round(args.places ** 0.5))
    step = max(side - 1, 1)
    pixels = [(60 + (SIZE[0] - 120) * i // step, 60 + (SIZE[1] - 120) * j // step)
              for i in range(side) for j in range(side)]
    plain = run(NAIP, pixels, BENCH_DIR / "chips-plain", args.radius)
    # The same pixels in the VRT's far tile, so its whole width and height lie before them.
    virtual = run(vrt, pixels, BENCH_DIR / "chips-vrt", args.radius, tile=(TILES[0] - 1, TILES[1] - 1))
    print(f"imagery chips: {len(pixels)} places, radius {args.radius:g} m")
    print(f"{'imagery':36} {'size_MiB':>9} {'chips':>6} {'seconds':>8} {'peak_MiB':>9}")
    print(f"{NAIP.name:36} {NAIP.stat().st_size / 2**20:9.1f} {plain['chips']:6} "
          f"{plain['seconds']:8.2f} {plain['peak_mib']:9.1f}")
    print(f"{vrt.name + ' (virtual)':36} {size / 2**20:9.0f} {virtual['chips']:6} "
          f"{virtual['seconds']:8.2f} {virtual['peak_mib']:9.1f}")
    ratio = virtual["peak_mib"] / plain["peak_mib"]
    print(f"peak memory, 2 GB VRT / plain image: {ratio:.2f} (goal <= {GOAL_RATIO}; the VRT is "
          f"{size / NAIP.stat().st_size:.0f}x the file's size, "
          f"{size / (SIZE[0] * SIZE[1] * 4):.0f}x its pixels)")
    if ratio > GOAL_RATIO:
        sys.exit("imagery bench: peak memory grows with the image's size")


if __name__ == "__main__":
    main()
