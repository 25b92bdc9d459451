"""Build the plugin ZIP that QGIS's Plugin Manager installs with "Install from ZIP".

    python scripts/package.py [--output-dir build/package]

writes ``<output-dir>/trafficking_db-<version>.zip`` (version from metadata.txt) with one top
folder ``trafficking_db/`` holding the plugin's runtime files only: metadata.txt, __init__.py,
LICENSE, the icons, processing_algorithms/, trafficking_plugin/ (with its YAML, QML and data),
styles/ and docs/ (the manual), and trafficking_plugin/i18n/*.qm compiled from the .ts with lrelease
(the translations; the .qm files are not committed, the .ts sources are not shipped), and
docs/*.html rendered from the docs' Markdown (scripts/manual_html.py), which the algorithms' Help
buttons and the menu's Manual entry open in a browser (not committed either), and Leaflet (BSD-2,
Debian's libjs-leaflet) with its licence in trafficking_plugin/data/web/leaflet/ for the partners'
map page (the repository does not carry Leaflet's code). Tests,
benchmarks, scripts, build output, CI files, caches and compiled Python stay out. The archive is
deterministic: entries sorted, every timestamp fixed, fixed permissions and compression, so the
same tree gives the same bytes.

Before building it checks metadata.txt for the keys the official QGIS plugin repository expects
and stops with a clear message if one is missing or empty.
"""
import argparse
import configparser
import importlib.util
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "trafficking_db"

# What the plugin needs at run time (and the manual, which belongs to users); nothing else ships.
TOP_FILES = ("metadata.txt", "__init__.py", "LICENSE", "icon.png", "icon.svg")
TOP_FOLDERS = ("processing_algorithms", "trafficking_plugin", "styles", "docs")
REQUIRED_FILES = ("metadata.txt", "__init__.py", "LICENSE", "icon.png")

# Never inside the shipped folders either.
EXCLUDED_DIRS = {"__pycache__", "tests", "bench", "build", ".ci", ".venv", ".pytest_cache",
                 ".ruff_cache", ".mypy_cache", ".ipynb_checkpoints"}
EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".gpkg-shm", ".gpkg-wal", ".gpkg-journal", "~", ".swp",
                     ".orig", ".rej", ".ts")     # .ts: translation sources; the compiled .qm ships
I18N = "trafficking_plugin/i18n"

# Leaflet for the partners' page (trafficking_plugin/outputs/partner_page.py finds it there).
LEAFLET_DEBIAN = Path("/usr/share/javascript/leaflet")
LEAFLET_LICENCE = Path("/usr/share/doc/libjs-leaflet/copyright")
LEAFLET_TARGET = "trafficking_plugin/data/web/leaflet"

# The official repository (plugins.qgis.org) rejects an upload without these; changelog is
# recommended there and required here.
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                     "email", "repository", "tracker", "homepage", "icon", "changelog")

FIXED_DATE = (1980, 1, 1, 0, 0, 0)     # the earliest a ZIP can record
FILE_MODE = 0o100644                   # regular file, rw-r--r--
DIR_MODE = 0o040755                    # directory, rwxr-xr-x


class PackageError(Exception):
    pass


def read_metadata(root=REPO):
    """metadata.txt's [general] section as a dict; PackageError naming what is missing."""
    path = Path(root) / "metadata.txt"
    if not path.is_file():
        raise PackageError(f"{path} does not exist")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str            # keys are case-sensitive (qgisMinimumVersion)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as error:
        raise PackageError(f"{path} cannot be read: {error}") from error
    if not parser.has_section("general"):
        raise PackageError(f"{path} has no [general] section")
    general = dict(parser.items("general"))
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    if missing:
        raise PackageError(
            f"{path} lacks the key(s) the official QGIS plugin repository expects: "
            f"{', '.join(missing)} (add them under [general] as key=value)")
    icon = Path(root) / general["icon"].strip()
    if not icon.is_file():
        raise PackageError(f"{path} names icon={general['icon']} but {icon} does not exist")
    return general


def _shipped(relative):
    parts = relative.parts
    if any(part in EXCLUDED_DIRS or part.startswith(".") for part in parts):
        return False
    return not relative.name.endswith(EXCLUDED_SUFFIXES)


def plugin_files(root=REPO):
    """The files that ship, as paths relative to the plugin folder, sorted."""
    root = Path(root)
    missing = [name for name in REQUIRED_FILES if not (root / name).is_file()]
    if missing:
        raise PackageError(f"the plugin folder {root} lacks {', '.join(missing)}")
    files = [Path(name) for name in TOP_FILES if (root / name).is_file()]
    for folder in TOP_FOLDERS:
        if not (root / folder).is_dir():
            continue
        for path in (root / folder).rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and _shipped(relative):
                files.append(relative)
    return sorted(files, key=lambda p: p.as_posix())


def compiled_translations(root=REPO):
    """{name.qm: bytes} of trafficking_plugin/i18n/*.ts compiled with lrelease (scripts/translations.py)."""
    if not list((Path(root) / I18N).glob("*.ts")):
        return {}
    spec = importlib.util.spec_from_file_location("translations", Path(__file__).with_name("translations.py"))
    translations = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(translations)
    with tempfile.TemporaryDirectory() as folder:
        try:
            written = translations.compile_all(folder, root)
        except translations.ExtractError as error:
            raise PackageError(str(error)) from None
        return {qm.name: qm.read_bytes() for qm in written}


def _script(name):
    """A sibling script of this one, loaded as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def manual_pages(root=REPO):
    """{docs/name.html: bytes}: the docs' Markdown pages as HTML, beside them in the ZIP."""
    pages = _script("manual_html").pages(Path(root) / "docs")
    return {Path("docs", name).as_posix(): text.encode("utf-8") for name, text in pages.items()}


def leaflet_files(source=LEAFLET_DEBIAN, licence=LEAFLET_LICENCE):
    """{path in the plugin: bytes}: Leaflet's script, style and images, and its licence as
    LICENSE; PackageError when Debian's libjs-leaflet is not installed."""
    source, licence = Path(source), Path(licence)
    wanted = [source / "leaflet.js", source / "leaflet.css", licence]
    missing = [str(path) for path in wanted if not path.is_file()]
    if missing:
        raise PackageError(f"Leaflet for the partners' page is missing ({', '.join(missing)}): "
                           f"install Debian's libjs-leaflet (make setup does)")
    files = {f"{LEAFLET_TARGET}/{name}": (source / name).read_bytes()
             for name in ("leaflet.js", "leaflet.css")}
    for image in sorted((source / "images").glob("*.png")):
        files[f"{LEAFLET_TARGET}/images/{image.name}"] = image.read_bytes()
    files[f"{LEAFLET_TARGET}/LICENSE"] = licence.read_bytes()
    return files


def _entry(name, mode):
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.external_attr = mode << 16
    info.create_system = 3              # Unix, so the modes above are honoured
    return info


def build(output_dir, root=REPO):
    """Write the ZIP into output_dir and return its path."""
    root = Path(root)
    metadata = read_metadata(root)
    version = metadata["version"].strip()
    files = plugin_files(root)
    translations = compiled_translations(root)     # the .qm, built from the .ts (not committed)
    generated = {Path(I18N, name).as_posix(): data for name, data in translations.items()}
    generated.update(manual_pages(root))            # docs/*.html, for the Help buttons
    generated.update(leaflet_files())               # Leaflet and its licence, from Debian
    folders = {PLUGIN_NAME}
    for relative in files + [Path(name) for name in generated]:
        for parent in relative.parents:
            if parent != Path("."):
                folders.add(f"{PLUGIN_NAME}/{parent.as_posix()}")
    entries = [(f"{folder}/", None) for folder in folders]
    entries += [(f"{PLUGIN_NAME}/{relative.as_posix()}", root / relative) for relative in files]
    entries += [(f"{PLUGIN_NAME}/{name}", data) for name, data in generated.items()]
    entries.sort(key=lambda entry: entry[0])

    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"{PLUGIN_NAME}-{version}.zip"
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, source in entries:
            if source is None:
                archive.writestr(_entry(name, DIR_MODE), b"")
            else:
                info = _entry(name, FILE_MODE)
                info.compress_type = zipfile.ZIP_DEFLATED
                data = source if isinstance(source, bytes) else source.read_bytes()
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED,
                                 compresslevel=9)
    partial.replace(target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", default=str(REPO / "build" / "package"),
                        help="where the ZIP goes (default: build/package)")
    parser.add_argument("--root", default=str(REPO), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        target = build(args.output_dir, args.root)
    except PackageError as error:
        print(f"package: {error}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as archive:
        count = len(archive.infolist())
    print(f"package: {target} ({target.stat().st_size} bytes, {count} entries); "
          f"install it in QGIS with Plugins > Manage and Install Plugins > Install from ZIP")
    return 0


if __name__ == "__main__":
    sys.exit(main())
