#!/usr/bin/env bash
# Idempotent set-up for `make demo` and `make test`: Debian packages, then a venv that sees them.
# Debian supplies QGIS 3.22 and every binary package (one GDAL for all); pip only adds pure-Python
# test tools. Re-running checks what is there and installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  qgis python3-qgis qgis-providers          # QGIS 3.22 LTR, its Python API and data providers
  python3-pandas python3-numpy python3-openpyxl python3-yaml python3-odf python3-venv
  python3-rasterio python3-matplotlib gdal-bin
  python3-pyproj                             # tests check the UTM conversion of sin space against PROJ
  xvfb xauth imagemagick fonts-thai-tlwg     # headless desktop screenshots, Thai glyphs in maps
  postgresql postgresql-15-postgis-3 python3-psycopg2   # national database: tests start a throwaway server
  python3-scipy                              # the public export's attack test bounds hidden cells
  qttools5-dev-tools                         # lrelease: the Thai translation (trafficking_plugin/i18n/*.ts) to .qm
  poppler-utils                              # pdftotext: tests read the risk report PDF's text
  libthai0                                   # Qt finds Thai word breaks with it (the report's table cells wrap)
  chromium chromium-driver python3-selenium  # tests open the public website in a real browser (headless)
  qgis-server                                # qgis_mapserver and the FastCGI binary: the intranet tests start a real QGIS Server
  libjs-leaflet                              # Leaflet (BSD-2) for the partners' map page; make package copies it into the ZIP
)
PIP_PACKAGES=(pytest==8.3.3 pytest-qgis==2.1.0)   # pytest-qgis 2.1.0: later releases need QGIS 3.34

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

# Debian's own python3 (not a pyenv or other one): it is the Python QGIS's bindings are built for.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  echo "setup: creating .venv (python3 -m venv --system-site-packages)"
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if ! .venv/bin/python -c "import pytest, pytest_qgis" 2>/dev/null; then
  echo "setup: installing test tools into .venv: ${PIP_PACKAGES[*]}"
  .venv/bin/python -m pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
else
  echo "setup: .venv ready"
fi
