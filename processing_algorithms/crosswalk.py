"""trafficking:crosswalk — a data year's staged rows into person and the standard sector tables."""
from ..trafficking_plugin.core.standard import crosswalk
from ..trafficking_plugin.i18n.translation import year_text
from .base import TraffickingAlgorithm, tr_noop


class Crosswalk(TraffickingAlgorithm):
    def name(self):
        return "crosswalk"

    def displayName(self):  # noqa: N802
        return self.tr("Crosswalk agency codes to the standard")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Turns the staged rows of every succeeded import of the data year into person and the "
            "standard tables health_condition, school_enrolment, welfare_case, household and "
            "household_member (docs/standard.md).\n"
            "Agency codes are mapped through the database's crosswalk table: add or edit its rows in "
            "the attribute table and run again to change the mapping. Missing default rows of the "
            "shipped specs are added first; rows you added or edited are never changed. Thai place "
            "names are matched to the database's sub-districts, village codes checked against its "
            "villages.\n"
            "Records of one person in several agencies share one person row. Records without an ID "
            "are kept unlinked, and codes without a mapping are listed in unmapped_code with their "
            "count and an example row: nothing is dropped.\n"
            "A run replaces the data year's results as a whole; an error or cancel leaves the "
            "database as it was. DATA_YEAR may be Buddhist era (2567) or Common Era (2024).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.add_number_outputs((("PERSONS", tr_noop("Persons")),
                                 ("UNLINKED", tr_noop("Records without a linkable ID")),
                                 ("UNMAPPED_CODES", tr_noop("Unmapped codes")),
                                 ("UNMAPPED_ROWS", tr_noop("Rows with an unmapped code"))))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        feedback.pushInfo(self.tr("Crosswalk of data year {} in {}…").format(year_text(year), database))
        summary = self.run_core(lambda: crosswalk.run_crosswalk(database, year, feedback=feedback),
                                where=database, feedback=feedback)
        return {"PERSONS": summary.rows["person"], "UNLINKED": sum(summary.unlinked.values()),
                "UNMAPPED_CODES": summary.unmapped_codes, "UNMAPPED_ROWS": summary.unmapped_rows}
