"""Benchmark: sample-data generation against a same-run baseline, as ratios.

Baseline: pandas writing a CSV with as many rows and columns as every file the generator writes
(the I/O any generator must pay). The ratio says how much the synthetic population, the codes and
the faults cost on top; the per-scale ratio shows whether time grows linearly with SCALE.

    .venv/bin/python bench/bench_sample_data.py [--scales 0.1 1.0]
"""
import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build" / "pythonpath"))
from trafficking_db.trafficking_plugin.sample import generator, synthetic_province  # noqa: E402


def baseline(rows, columns, folder):
    """Write ``rows`` x ``columns`` of short strings with pandas; seconds."""
    column = pd.Series(np.arange(10_000_000, 10_000_000 + rows)).astype(str)   # 8-digit strings
    frame = pd.DataFrame({f"c{i}": column for i in range(columns)})
    start = time.perf_counter()
    frame.to_csv(Path(folder) / "baseline.csv", index=False)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    args = parser.parse_args()
    units = synthetic_province.synthetic_province()
    print("scale  generate_s  baseline_s  ratio  rows_written  peak_rss_mb")
    first = None
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            manifest = generator.generate_sample_data(units, folder, scale=scale, seed=1)
            seconds = time.perf_counter() - start
            rows = sum(f["rows"] for f in manifest["files"])
            columns = round(np.mean([len(f.get("columns", [])) or 10 for f in manifest["files"]]))
            base = baseline(rows, columns, folder)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{scale:<6} {seconds:10.1f} {base:11.1f} {seconds / base:6.2f} {rows:13,} {peak:12.0f}")
        if first is None:
            first = (scale, seconds)
        else:
            print(f"time grows {seconds / first[1]:.1f}x for {scale / first[0]:.0f}x the scale")


if __name__ == "__main__":
    main()
