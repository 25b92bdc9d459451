"""QGIS-side products: styles, the province project, report layouts, imagery sheets, basemap."""
