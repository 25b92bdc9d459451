"""trafficking:withdrawimport — take back an import of the wrong file (wrong year, agency, export)."""
from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.core.ingest import import_runs
from .base import TraffickingAlgorithm, tr_noop


class WithdrawImport(TraffickingAlgorithm):
    RUN, FILE_NAME, REASON, IDENTITY = "RUN", "FILE_NAME", "REASON", "IDENTITY"

    def name(self):
        return "withdrawimport"

    def displayName(self):  # noqa: N802
        return self.tr("Withdraw an import (wrong file)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Takes back one succeeded import of an agency file (a wrong data year, a wrong agency, "
            "a broken export), so that a corrected file can be imported instead without its rows "
            "counting twice.\n"
            "The run's status in import_run becomes withdrawn and its message records who, when "
            "and why; the rows it staged are deleted from the staging tables (and its places from "
            "establishment, its activities from activity); its identities leave the identity "
            "file. Its rejected_row entries stay as the record. audit_log records the withdrawal. "
            "An error or cancel leaves the database as it was.\n"
            "RUN is the fid of the import in import_run; or leave it empty and give the FILE_NAME "
            "(no folder) of the import. Run with neither to see, in the log, the imports that can "
            "be withdrawn. REASON is required.\n"
            "Afterwards re-run trafficking:crosswalk for the data year (person and the sector "
            "tables are rebuilt by it), then trafficking:scoreriskindex if the year was scored.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.RUN, self.tr("Import run id (fid in import_run)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.FILE_NAME, self.tr("Or the imported file's name (no folder)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.REASON, self.tr("Reason for withdrawing (recorded)")))
        self.add_identity_parameter()
        self.add_number_outputs((("RUN_ID", tr_noop("Import run id")),
                                 ("ROWS_DELETED", tr_noop("Staged rows deleted")),
                                 ("DATA_YEAR", tr_noop("Data year"))))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        given = parameters.get(self.RUN) not in (None, "")
        run_id = self.parameterAsInt(parameters, self.RUN, context) if given else 0
        file_name = self.parameterAsString(parameters, self.FILE_NAME, context).strip()
        summary = self.run_core(lambda: import_runs.withdraw(
            database, run_id or None, self.parameterAsString(parameters, self.REASON, context),
            file_name or None, identity_path=self.optional_file(parameters, self.IDENTITY, context),
            feedback=feedback), where=database)
        for step in summary.next_steps:
            feedback.pushWarning(step)
        return {"RUN_ID": summary.run_id, "ROWS_DELETED": sum(summary.rows_deleted.values()),
                "DATA_YEAR": summary.data_year, "STATUS": import_runs.WITHDRAWN}
