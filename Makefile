# Two commands for everyone: `make demo` runs the pipeline on an embedded default, `make test` runs
# the test suite. Both set up what they need first (Debian packages, .venv) and are idempotent.
# `make package` builds build/package/trafficking_db-<version>.zip for QGIS's "Install from ZIP".
# `make screenshots` retakes the manual's pictures (docs/img/manual_*.png) in the real desktop.
# `make web-demo` serves the intranet (QGIS Server and the partners' page) from make demo's database.
# `make bench` times import (and crosswalk) against ogr2ogr at Chiang Mai's volume (SCALE=1).
PYTHON := .venv/bin/python
SCALE ?= 0.1
PROVINCE ?= 50
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

# The benchmark's own default scale is 1 (Chiang Mai); SCALE=... on the command line overrides it.
BENCH_SCALE = $(if $(filter command line environment,$(origin SCALE)),$(SCALE),1)

.PHONY: setup demo test bench docs package screenshots web-demo clean

setup:
	@bash scripts/setup.sh

demo: setup
	@echo "demo: province $(PROVINCE), scale $(SCALE) (make demo SCALE=1 for Chiang Mai's full volume)"
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	$(PYTHON) scripts/demo.py --province $(PROVINCE) --scale $(SCALE)

test: setup
	@echo "test: running the test suite headless (QGIS offscreen)"
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	$(PYTHON) -m pytest

bench: setup
	@echo "bench: sample data at SCALE $(if $(SCALES),$(SCALES),$(BENCH_SCALE)) (in build/bench/, reused), import of every file, the crosswalk and the risk index, against ogr2ogr loading the same files (make bench SCALES=\"1 4\" compares peak memory)"
	$(PYTHON) bench/bench_import.py $(if $(SCALES),--scales $(SCALES),--scale $(BENCH_SCALE))
	$(PYTHON) bench/bench_imagery.py   # peak memory: chips from a 2 GB VRT vs the plain NAIP image
	$(PYTHON) bench/bench_scoring.py  # risk scoring of build/bench/run-scale1 (areas included; made when missing) against ogr2ogr's plain load: ratio, peak
	$(PYTHON) bench/bench_national.py  # publishnational of build/bench/run-scale1/province.gpkg into a throwaway PostGIS: rows/s, peak (skips without it)
	$(PYTHON) bench/bench_public_export.py  # publicexport at sub-district x age x sex of build/demo/province_50.gpkg: time vs GROUP BY, peak, cells hidden

docs: setup
	@mkdir -p build/pythonpath && ln -sfn $(CURDIR) build/pythonpath/trafficking_db
	$(PYTHON) -c "import sys; sys.path.insert(0, 'build/pythonpath'); \
	from trafficking_db.trafficking_plugin.core import schema; \
	from trafficking_db.trafficking_plugin.core.risk import indicators; \
	open('docs/schema.md', 'w', encoding='utf-8').write(schema.markdown() + '\n'); \
	open('docs/indicators.md', 'w', encoding='utf-8').write(indicators.markdown() + '\n')"

package: setup
	@echo "package: the plugin ZIP for QGIS's Plugin Manager (Install from ZIP), version from metadata.txt"
	python3 scripts/package.py --output-dir build/package

screenshots: setup
	@echo "screenshots: the manual's docs/img/manual_*.png from the real QGIS desktop under Xvfb"
	bash scripts/manual_screenshots.sh

web-demo: setup
	@echo "web-demo: QGIS Server and the partners' page on 127.0.0.1, from build/demo/province_$(PROVINCE).gpkg (make demo first)"
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	$(PYTHON) scripts/web_demo.py --database build/demo/province_$(PROVINCE).gpkg

clean:
	rm -rf build .pytest_cache
