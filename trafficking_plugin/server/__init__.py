"""The QGIS Server plugin: role-based access to the intranet's server project (docs/web.md)."""
