"""What the plugin ships as data, found and read in one place.

Agency specs, the indicator catalogue, establishment types and rules, HTCDS picklists, network
types, the activity and sin-space specs and the Processing models live in
``trafficking_plugin/data/``; QML styles in ``styles/`` at the plugin's top (the product card
fixes it); the version in ``metadata.txt``. A user's own spec or catalogue file is read through
the same ``read_yaml``, so every YAML error reads the same way.
"""
from __future__ import annotations

import configparser
import functools
from pathlib import Path
from typing import Any

import yaml
from .errors import CoreError

PLUGIN_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PLUGIN_DIR / "trafficking_plugin" / "data"
SPECS_DIR = DATA_DIR / "specs"
MODELS_DIR = DATA_DIR / "models"
STYLES_DIR = PLUGIN_DIR / "styles"
METADATA = PLUGIN_DIR / "metadata.txt"
ICON = PLUGIN_DIR / "icon.png"


class ShippedDataError(CoreError):
    """A data file that cannot be read or is not valid YAML; the message names the file."""


def data_path(name: str) -> Path:
    """A file shipped in ``trafficking_plugin/data/``, e.g. ``indicators.yaml``."""
    return DATA_DIR / name


def style_path(stem: str) -> Path:
    """The QML style ``styles/<stem>.qml``."""
    return STYLES_DIR / f"{stem}.qml"


def read_yaml(path: str | Path, error: type[Exception] = ShippedDataError) -> Any:
    """The parsed YAML file at ``path``; ``error`` (the caller's exception class) says which file
    cannot be read or parsed, and why."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as failure:
        raise error(f"{path}: cannot be read ({failure.strerror or failure})") from None
    except yaml.YAMLError as failure:
        raise error(f"{path}: not valid YAML ({failure})") from None


@functools.lru_cache(maxsize=None)
def plugin_version() -> str:
    """The plugin's version from metadata.txt, the one place it is set."""
    parser = configparser.ConfigParser()
    parser.read(METADATA, encoding="utf-8")
    return parser.get("general", "version", fallback="unknown")
