"""The plugin's version, read from metadata.txt so there is one place to change it."""
import configparser
import functools
import os

METADATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "metadata.txt")


@functools.lru_cache(maxsize=None)
def plugin_version():
    parser = configparser.ConfigParser()
    parser.read(METADATA, encoding="utf-8")
    return parser.get("general", "version", fallback="unknown")
