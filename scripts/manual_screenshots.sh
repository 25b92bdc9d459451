#!/bin/bash
# The operating manual's screenshots, from the real QGIS desktop under Xvfb (make screenshots):
#   1. builds a small sample Chiang Mai database with scripts/demo.py (SCALE 0.01) in build/manual/;
#   2. runs scripts/desktop/manual_shots.py inside QGIS with the plugin enabled in a fresh profile,
#      which saves docs/img/manual_*.png (a shot whose feature is missing is skipped, and said so);
#   3. when the Thai translation is there (trafficking_plugin/i18n/trafficking_db_th.ts), runs QGIS again in Thai for
#      the quick start's shots (docs/img/manual_th_*.png);
#   4. takes the partners' web page in chromium (scripts/web_screenshots.py: docs/img/web_partner_*.png).
# Needs qgis, xvfb-run, fonts-thai-tlwg and ImageMagick (make setup installs them).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${MANUAL_BUILD:-$repo/build/manual}
scale=${SCALE:-0.01}
year=2024
python=$repo/.venv/bin/python
[ -x "$python" ] || python=python3
img=$repo/docs/img

# MANUAL_REUSE=1 keeps the sample province of an earlier run (quicker when retaking shots).
if [ "${MANUAL_REUSE:-0}" = 1 ] && ls "$build"/demo/province_*.gpkg >/dev/null 2>&1; then
  rm -rf "$build/shots" "$build"/home-* "$build"/shots-*.txt
else
  rm -rf "$build"
  mkdir -p "$build"
  echo "screenshots: building the sample province (SCALE $scale) in $build/demo"
  QT_QPA_PLATFORM=offscreen "$python" "$repo/scripts/demo.py" --scale "$scale" --year "$year" \
    --out "$build/demo" >"$build/demo.log" 2>&1 || { echo "demo failed: $build/demo.log" >&2; exit 1; }
fi
mkdir -p "$build/shots"
database=$(ls "$build"/demo/province_*.gpkg)

# A fresh QGIS profile in its own HOME, with the plugin enabled; $2 = the QGIS locale or "".
profile() {
  local home=$build/home-$1
  mkdir -p "$home/plugins" "$home/xdg"
  chmod 700 "$home/xdg"
  ln -sfn "$repo" "$home/plugins/trafficking_db"
  HOME=$home XDG_RUNTIME_DIR=$home/xdg QGIS_PLUGINPATH=$home/plugins QT_QPA_PLATFORM=offscreen \
    qgis_process.bin plugins enable trafficking_db >/dev/null 2>&1
  # A plugin that fails to load would stop the desktop at a modal error: check it here first.
  if ! HOME=$home XDG_RUNTIME_DIR=$home/xdg QGIS_PLUGINPATH=$home/plugins QT_QPA_PLATFORM=offscreen \
      qgis_process.bin list 2>"$build/plugin-$1.log" | grep -q "trafficking:createdatabase"; then
    echo "screenshots: the plugin does not load in QGIS; see $build/plugin-$1.log" >&2
    exit 1
  fi
  if [ -n "$2" ]; then
    printf '\n[locale]\noverrideFlag=true\nuserLocale=%s\n' "$2" \
      >>"$home/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
  fi
}

# Run the shot script in QGIS for one set of shots ("en" or "th"), on the X screen: `make` exports
# QT_QPA_PLATFORM=offscreen, under which the desktop crashes at start (QgsClipboard::hasFormat).
# A run that wrote no report is tried again, up to three times.
shoot() {
  local home=$build/home-$1 attempt
  for attempt in 1 2 3; do
    HOME=$home XDG_RUNTIME_DIR=$home/xdg QGIS_PLUGINPATH=$home/plugins \
      TRAFFICKING_DB=$database TRAFFICKING_YEAR=$year TRAFFICKING_SET=$1 \
      TRAFFICKING_INPUT=$build/demo/agency_files/health/PERSON.csv \
      TRAFFICKING_SHOTS=$build/shots TRAFFICKING_REPORT=$build/shots-$1.txt \
      timeout 420 env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" qgis \
      --noversioncheck --nologo \
      --code "$repo/scripts/desktop/manual_shots.py" >"$build/qgis-$1.log" 2>&1 || true
    [ -s "$build/shots-$1.txt" ] && break
    echo "screenshots ($1): QGIS stopped before the end (attempt $attempt); log: $build/qgis-$1.log" >&2
  done
  [ -s "$build/shots-$1.txt" ] || return 1
  sed "s/^/screenshots ($1): /" "$build/shots-$1.txt"
}

profile en ""
shoot en
# The plugin compiles trafficking_plugin/i18n/trafficking_db_th.ts with lrelease in a checkout (i18n/translation.py).
if [ -f "$repo/trafficking_plugin/i18n/trafficking_db_th.qm" ] || { [ -f "$repo/trafficking_plugin/i18n/trafficking_db_th.ts" ] &&
    command -v lrelease >/dev/null; }; then
  profile th th
  shoot th
else
  echo "screenshots (th): skipped: no Thai translation (trafficking_plugin/i18n/trafficking_db_th.ts and lrelease, or the .qm)"
fi

# The partners' web page (staff in Thai, a partner in English) in chromium, in front of QGIS Server.
"$python" "$repo/scripts/web_screenshots.py" --database "$database" --out "$build/web" \
  --shots "$build/shots" || echo "screenshots (web): not taken (see above)" >&2

# Small PNGs for the repository: 256 colours when a shot is over 250 KB.
for png in "$build"/shots/*.png; do
  [ -e "$png" ] || continue
  if [ "$(stat -c %s "$png")" -gt 256000 ]; then
    convert "$png" -strip -colors 256 "PNG8:$png"
  else
    convert "$png" -strip "$png"
  fi
  cp "$png" "$img/"
  echo "screenshots: docs/img/$(basename "$png") $(($(stat -c %s "$png") / 1024)) KB"
done
