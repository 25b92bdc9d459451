"""trafficking:importsinspace — a survey of risky workplaces into the establishment layer, scored."""
from qgis.core import QgsProcessingException, QgsProcessingParameterNumber

from ..trafficking_plugin.core.sin_space.establishments import HIGH_SCORE, MEDIUM_SCORE, TOLERANCE_KM
from .base import TraffickingAlgorithm, tr_noop


class ImportSinSpace(TraffickingAlgorithm):
    INPUT, ENCODING, SPEC = "INPUT", "ENCODING", "SPEC"
    HIGH_SCORE, MEDIUM_SCORE, TOLERANCE_KM = "HIGH_SCORE", "MEDIUM_SCORE", "TOLERANCE_KM"

    def name(self):
        return "importsinspace"

    def displayName(self):  # noqa: N802
        return self.tr("Import sin space survey (risky workplaces)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Imports a survey or registry of establishments (CSV, XLSX, ODS, DBF or any layer GDAL "
            "reads) into the establishment layer: name, type, licence, workers, minors and foreign "
            "workers seen, complaints, inspections, rescues, linked cases, survey date (B.E. or "
            "C.E.) and the owners' and customers' answers (columns owner_… and customer_…, stored "
            "as JSON).\n"
            "Coordinates: latitude/longitude in decimal degrees, a coordinates cell in degrees-"
            "minutes-seconds (18°47'20.5\"N 98°59'10.2\"E) or decimal degrees, UTM 47N/48N "
            "(utm_easting, utm_northing, utm_zone), or only a village_code (placed at the village, "
            "flagged approximate). A point outside the province or a coordinate that cannot be read "
            "rejects the row unless a village code can place it.\n"
            "Every establishment is scored: its type's base score plus the points of the enabled "
            "establishment rules that hold (tables establishment_type and establishment_rule, "
            "editable); high and medium from the two cut-points. Every village gets the distance "
            "to the nearest high-risk place and border crossing. Run without an input file to "
            "re-score after editing the rules or types.\n"
            "As with agency files: rows read = accepted + rejected (rejected_row, import_run), a "
            "file imported before is refused, an error or cancel leaves the database as it was.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_input_parameters(self.tr("Survey file (empty: only re-score)"), optional=True)
        self.add_data_year_parameter(self.tr("Data year (Common Era or Buddhist era; default this "
                                             "year)"), optional=True)
        number = QgsProcessingParameterNumber
        for key, label, default, minimum in (
                (self.HIGH_SCORE, tr_noop("Score from which a place is high risk"), HIGH_SCORE, None),
                (self.MEDIUM_SCORE, tr_noop("Score from which a place is medium risk"), MEDIUM_SCORE,
                 None),
                (self.TOLERANCE_KM, tr_noop("Tolerance outside the province boundary (km)"),
                 TOLERANCE_KM, 0.0)):
            self.addParameter(number(key, self.tr(label), number.Type.Double, defaultValue=default,
                                     **({} if minimum is None else {"minValue": minimum})))
        self.add_spec_parameter(self.tr("Spec of the survey's columns (default the shipped "
                                        "one)"))
        self.add_import_outputs((("ESTABLISHMENTS_SCORED", tr_noop("Establishments scored")),
                                 ("HIGH", tr_noop("High-risk establishments"))),
                                staged=tr_noop("Rows staged (placed)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.sin_space import establishments  # numpy: not at QGIS start-up

        database = self.database(parameters, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        cuts = {"high_score": self.parameterAsDouble(parameters, self.HIGH_SCORE, context),
                "medium_score": self.parameterAsDouble(parameters, self.MEDIUM_SCORE, context)}
        if cuts["high_score"] <= cuts["medium_score"]:
            raise QgsProcessingException(self.tr("The high cut-point must be above the medium one."))
        if not path:
            feedback.pushInfo(self.tr("No survey file: re-scoring every establishment"))
            scoring = self.run_core(lambda: establishments.rescore(database, feedback=feedback,
                                                                    **cuts), where=database)
            return self._outputs(None, scoring, "rescored")
        summary = self.run_core(lambda: establishments.import_survey(
            database, path, self.data_year(parameters, context), self.encoding(parameters, context),
            self.optional_file(parameters, self.SPEC, context) or establishments.SPEC_PATH,
            tolerance_km=self.parameterAsDouble(parameters, self.TOLERANCE_KM, context),
            feedback=feedback, **cuts), where=database)
        if summary.status == "duplicate":
            feedback.pushWarning(self.tr("The file was already imported: nothing was added."))
        return self._outputs(summary, summary.step.scoring if summary.step else None,
                             summary.status)

    def _outputs(self, summary, scoring, status):
        return {**self.import_results(summary, status),
                "ESTABLISHMENTS_SCORED": scoring.scored if scoring else 0,
                "HIGH": scoring.classes.get("high", 0) if scoring else 0}
