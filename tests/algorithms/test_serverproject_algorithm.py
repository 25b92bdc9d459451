"""trafficking:serverproject as the toolbox runs it (the server tests run it on the sample too)."""
import pytest

from conftest_server import server_project  # noqa: F401 (the session fixture)


def test_a_file_that_is_not_a_project_is_refused_before_anything_is_written(
        scored_sample, run_algorithm, tmp_path):
    from qgis.core import QgsProcessingException
    _, db = scored_sample
    with pytest.raises(QgsProcessingException, match="not a QGIS project file name"):
        run_algorithm("serverproject", DATABASE=str(db), DATA_YEAR=2024,
                      OUTPUT=str(tmp_path / "intranet.txt"))
    assert list(tmp_path.iterdir()) == []


def test_the_algorithm_is_under_publish(provider):
    algorithm = provider.algorithm("serverproject")
    assert algorithm.groupId() == "publish"
    assert {p.name() for p in algorithm.parameterDefinitions()} >= {"DATABASE", "DATA_YEAR",
                                                                   "OUTPUT"}


def test_the_algorithm_writes_the_partners_page_beside_the_project(server_project):  # noqa: F811
    from pathlib import Path
    _, project, result = server_project
    folder = Path(result["WEB_FOLDER"])
    assert folder == Path(project).with_name("intranet_web")
    assert (folder / "index.html").is_file() and (folder / "config.js").is_file()
