#!/bin/bash
# Screenshot of the real QGIS desktop (under Xvfb) with a province database open in the network
# and lessons-learned docks: scripts/desktop_screenshot.sh DATABASE.gpkg OUT.png
# Uses a private profile with the plugin enabled; needs qgis, xvfb and fonts-thai-tlwg.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
database=$(realpath "$1"); out=$(realpath -m "$2")
home=$(mktemp -d)
mkdir -p "$home/plugins" "$home/xdg"
chmod 700 "$home/xdg"
ln -s "$repo" "$home/plugins/trafficking_db"
export HOME=$home XDG_RUNTIME_DIR=$home/xdg QGIS_PLUGINPATH=$home/plugins
QT_QPA_PLATFORM=offscreen qgis_process.bin plugins enable trafficking_db >/dev/null
TRAFFICKING_DB=$database TRAFFICKING_SHOT=$out \
  xvfb-run -a -s "-screen 0 1600x1000x24" qgis --noversioncheck --nologo \
  --code "$repo/scripts/desktop/show_docks.py" >"$home/qgis.log" 2>&1 || true
test -s "$out" || { echo "no screenshot; QGIS log: $home/qgis.log" >&2; exit 1; }
echo "screenshot: $out"
