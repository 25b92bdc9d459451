"""Processing algorithms: adapters from QGIS parameters to the core, one module per algorithm."""
