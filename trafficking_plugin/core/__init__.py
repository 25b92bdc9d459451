"""The domain: pure Python with pandas, numpy and sqlite3. Nothing here imports Qt or QGIS."""
