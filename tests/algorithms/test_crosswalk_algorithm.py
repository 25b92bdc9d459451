"""trafficking:crosswalk run as the toolbox runs it: results, progress, errors."""
import contextlib
import sqlite3

import pytest
from conftest import copy_database
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.progress = []
        self.progressChanged.connect(self.progress.append)


def test_crosswalk_through_processing(provider, imported_sample, tmp_path):
    import processing   # importable once the qgis_processing fixture has set QGIS up

    _, _, db = imported_sample
    db = copy_database(db, tmp_path)
    feedback = RecordingFeedback()
    result = processing.run("trafficking:crosswalk", {"DATABASE": str(db), "DATA_YEAR": 2567},
                            context=QgsProcessingContext(), feedback=feedback)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        persons = conn.execute("SELECT count(*) FROM person WHERE data_year = 2024").fetchone()[0]
        unmapped = conn.execute("SELECT count(*), sum(row_count) FROM unmapped_code").fetchone()
    assert result["PERSONS"] == persons > 0
    assert (result["UNMAPPED_CODES"], result["UNMAPPED_ROWS"]) == unmapped
    assert result["UNLINKED"] > 0
    assert feedback.progress and max(feedback.progress) == 100


def test_a_year_without_imports_gives_a_clear_error(run_algorithm, imported_sample, tmp_path):
    _, _, db = imported_sample
    db = copy_database(db, tmp_path)
    with pytest.raises(QgsProcessingException, match="no succeeded import for data year 2023 in "
                       r".*trafficking:importsecondarydata"):   # English, C.E.: as the option says
        run_algorithm("crosswalk", DATABASE=str(db), DATA_YEAR=2566)
