"""`make demo`'s script end to end, small: real boundaries, and the synthetic fallback."""
import sqlite3
import subprocess
import sys

import pytest
from conftest import REPO, needs_shared

pytestmark = pytest.mark.slow   # the whole demo at SCALE 0.1: not in the quick lane


def run_demo(tmp_path, *extra):
    out = tmp_path / "demo"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "demo.py"), "--scale", "0.001",
                           "--out", str(out), *extra], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done.stdout


@pytest.mark.parametrize("extra, districts", [
    pytest.param((), 25, marks=needs_shared),
    (("--synthetic",), 3),
])
def test_demo_builds_database_sample_files_and_map(tmp_path, extra, districts):
    out, log = run_demo(tmp_path, *extra)
    png = out / "province_50.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
    assert (out / "province_50.qgz").exists()
    assert (out / "case_routes.gpkg").exists() and (out / "network_gaps.gpkg").exists()
    risk_png = out / "risk_50.png"
    assert risk_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and risk_png.stat().st_size > 50_000
    assert (out / "agency_files" / "manifest.json").exists()
    # The public website beside the public export: the same release of the year.
    assert (out / "public_site" / "index.html").exists()
    assert (out / "public_site" / "downloads" / "public_export_2024.gpkg").exists()
    # The intranet's server project beside the database, with the year's public figures.
    assert (out / "intranet_50.qgs").exists() and (out / "intranet_50_public").is_dir()
    with sqlite3.connect(out / "province_50.gpkg") as conn:
        assert conn.execute("SELECT count(*) FROM district").fetchone()[0] == districts
        assert conn.execute("SELECT count(*) FROM village").fetchone()[0] > 0
        runs = conn.execute("SELECT status, rows_read, rows_staged + rows_rejected"
                            " FROM import_run").fetchall()
        # The year's nine files and the two later years' welfare cases (the outcomes).
        assert len(runs) == 11 and all(s == "succeeded" and r == a for s, r, a in runs)
        assert conn.execute("SELECT count(*) FROM establishment").fetchone()[0] > 0
        assert conn.execute('SELECT count(*) FROM "case"').fetchone()[0] > 0
        # The community indicator reads the distances the sin-space import wrote.
        assert conn.execute("SELECT count(*) FROM risk_person WHERE i28 IS NOT NULL").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM risk_person").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM person WHERE data_year = 2024 AND (age < 18 OR "
                         "sex = 'female')").fetchone()[0]       # the children and women
        # Validated against the outcomes of 2025-2026, with the uncertainty of the classes.
        assert conn.execute("SELECT count(*) FROM validation_metric WHERE scope = 'village' AND "
                            "model = 'index' AND auc IS NOT NULL").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM risk_subdistrict WHERE robust IS NOT NULL"
                            ).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM risk_subdistrict WHERE risk_class IS NOT NULL"
                            ).fetchone()[0] > 0
        # Old spellings and districts of the real province's welfare cases all find their tambon.
        assert conn.execute("SELECT count(*) FROM unmapped_code WHERE field = 'subdistrict_name'"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT kind, release FROM export_register ORDER BY fid").fetchall() \
            == [("public_export", 1), ("public_website", 1), ("public_export", 1)]  # + intranet
    assert "demo: timings" in log
