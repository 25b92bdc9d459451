"""The data year a dialog offers: the database's latest, else the year last worked on, else now."""
import datetime

from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.data_years import default_data_year, latest_data_year

TODAY = datetime.date(2026, 12, 7)


def test_the_latest_year_of_the_database_comes_first():
    assert default_data_year(2024, 2023, TODAY) == 2024


def test_a_new_database_offers_the_year_last_worked_on_else_the_current_year():
    assert default_data_year(None, 2025, TODAY) == 2025
    assert default_data_year(None, None, TODAY) == 2026


def test_latest_data_year_of_a_database(imported_sample, tmp_path):
    _, _, db = imported_sample
    assert latest_data_year(db) == 2024          # the sample is imported for 2024 (B.E. 2567)
    new = tmp_path / "new.gpkg"
    create_database.create_or_upgrade(new, "50", {})
    assert latest_data_year(new) is None
    csv = tmp_path / "persons.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    assert latest_data_year(csv) is None and latest_data_year(None) is None
