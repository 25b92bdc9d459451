"""The partners' web page: plain files served beside QGIS Server (docs/web.md).

``write_partner_page`` copies the page (trafficking_plugin/data/web/partner) into a folder and
writes its config.js (where the OWS service is, relative to the page: same host, so no CORS).
The page draws with Leaflet when it is there: the copy the plugin ZIP carries (make package puts
it in trafficking_plugin/data/web/leaflet with its licence) or Debian's libjs-leaflet. Without
either, the page draws its own plain SVG map of the server's images (no zoom), and says so.
The repository does not carry Leaflet's code.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.database import PathLike
from ..core.errors import CoreError
from ..core.shipped_data import data_path

PAGE_FILES = ("index.html", "partner.js", "partner.css")
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
DEBIAN_LEAFLET = Path("/usr/share/javascript/leaflet")
DEBIAN_LEAFLET_LICENCE = Path("/usr/share/doc/libjs-leaflet/copyright")
LICENCE_NAME = "LICENSE"


class PartnerPageError(CoreError):
    """The page's folder cannot be written; the message says why."""


@dataclass
class PartnerPage:
    """What ``write_partner_page`` wrote."""
    folder: str
    leaflet: str | None      # where Leaflet was copied from; None: the plain SVG map


def bundled_leaflet() -> Path:
    """Where the plugin ZIP carries Leaflet (scripts/package.py copies it there)."""
    return data_path("web/leaflet")


def leaflet_source(candidates: list[Path] | None = None) -> Path | None:
    """The first folder holding Leaflet's files (the plugin's copy, then Debian's), or None."""
    for folder in candidates if candidates is not None else [bundled_leaflet(), DEBIAN_LEAFLET]:
        if all((folder / name).is_file() for name in LEAFLET_FILES):
            return folder
    return None


def leaflet_licence(folder: Path) -> Path | None:
    """Leaflet's licence beside its copy: the plugin's LICENSE, or Debian's copyright file."""
    for licence in (folder / LICENCE_NAME, DEBIAN_LEAFLET_LICENCE):
        if licence.is_file():
            return licence
    return None


def copy_leaflet(source: Path, target: Path) -> None:
    """Leaflet's script, style, images and licence from ``source`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        shutil.copyfile(source / name, target / name)
    if (source / "images").is_dir():
        shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
    licence = leaflet_licence(source)
    if licence is not None:
        shutil.copyfile(licence, target / LICENCE_NAME)


def write_partner_page(folder: PathLike, ows_url: str = "/ows",
                       leaflet_candidates: list[Path] | None = None) -> PartnerPage:
    """Write the page into ``folder`` (made or refreshed). ``ows_url``: the OWS service as the
    page reaches it (a path on the same host)."""
    folder = Path(folder)
    source = leaflet_source(leaflet_candidates)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in PAGE_FILES:
            shutil.copyfile(data_path(f"web/partner/{name}"), folder / name)
        if (folder / "leaflet").exists():
            shutil.rmtree(folder / "leaflet")
        if source is not None:
            copy_leaflet(source, folder / "leaflet")
        config = {"ows": ows_url, "leaflet": source is not None}
        (folder / "config.js").write_text(
            f"window.PARTNER_CONFIG = {json.dumps(config)};\n", encoding="utf-8")
    except OSError as error:
        raise PartnerPageError("could not write the partner page into {}: {}", str(folder),
                               error.strerror or str(error)) from None
    return PartnerPage(str(folder), str(source) if source is not None else None)
