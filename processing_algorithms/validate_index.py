"""trafficking:validateindex — the scored year against the outcomes recorded later."""
from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterNumber

from ..trafficking_plugin.core.risk import validation
from ..trafficking_plugin.core.thai_calendar import data_year as plausible_year
from ..trafficking_plugin.outputs.styles import VALIDATION_LAYERS, save_default_styles
from .base import TraffickingAlgorithm, tr_noop


class ValidateIndex(TraffickingAlgorithm):
    FIRST, LAST = "OUTCOME_FIRST_YEAR", "OUTCOME_LAST_YEAR"
    OUTCOME_FILE, WORK_LIST, BOOTSTRAP = "OUTCOME_FILE", "WORK_LIST_VILLAGES", "BOOTSTRAP"

    def name(self):
        return "validateindex"

    def displayName(self):  # noqa: N802
        return self.tr("Validate the risk index against later outcomes")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Does the index point at the right villages and persons? Compares a scored data year "
            "(run trafficking:scoreriskindex first) with the outcomes the province recorded in "
            "the years after it (by default the next two): lessons-learned cases, human-security "
            "welfare cases of trafficking or labour exploitation (import and crosswalk those "
            "years' files), and an optional outcome file (CSV with a village_code or person_id "
            "column; person IDs are keyed with the identity file).\n"
            "For persons and villages: ROC AUC with a 95 % bootstrap interval, the lift of the "
            "top tenth, the work list's precision and recall, for the index and for simple "
            "baselines (legal status only, poverty only, the strongest single indicator, village "
            "size), so a province sees whether its index beats a one-line rule; each class's "
            "share of the outcomes; and per group (sex, age band, ethnicity, legal status) the "
            "share classed high against the share with an outcome.\n"
            "Writes validation_metric, validation_group and the layer validation_village to the "
            "database (the year's rows replaced). A person's own case never fed her score; "
            "outcomes of the data year itself or before are refused. See docs/validation.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        number = QgsProcessingParameterNumber
        self.add_database_parameter()
        self.add_data_year_parameter()
        for key, label in ((self.FIRST, tr_noop("First outcome year (empty: the year after)")),
                           (self.LAST, tr_noop("Last outcome year (empty: two years after)"))):
            self.addParameter(number(key, self.tr(label), number.Type.Integer, optional=True,
                                     minValue=1990, maxValue=2700))
        self.addParameter(QgsProcessingParameterFile(
            self.OUTCOME_FILE, self.tr("Outcome file (CSV with village_code or person_id)"),
            optional=True, extension="csv"))
        self.add_identity_parameter()
        self.addParameter(number(self.WORK_LIST, self.tr("Work list length (villages)"),
                                 number.Type.Integer, defaultValue=20, minValue=1))
        self.addParameter(number(self.BOOTSTRAP, self.tr("Bootstrap resamples for the AUC "
                                                         "interval"),
                                 number.Type.Integer, defaultValue=200, minValue=0,
                                 maxValue=5000))
        self.add_number_outputs((
            ("AUC_VILLAGES", tr_noop("Villages: AUC of the index")),
            ("AUC_PERSONS", tr_noop("Persons: AUC of the index")),
            ("BEST_BASELINE_AUC", tr_noop("Villages: AUC of the best baseline")),
            ("OUTCOMES", tr_noop("Persons with an outcome"))))

    def _year(self, parameters, key, context):
        value = parameters.get(key)
        if value is None or value == "":
            return None
        return self.run_core(lambda: plausible_year(self.parameterAsInt(parameters, key, context)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        first, last = (self._year(parameters, k, context) for k in (self.FIRST, self.LAST))
        first = first or year + 1
        last = last or max(first, year + 2)
        options = validation.Options(
            outcome_years=(first, last),
            work_list_villages=self.parameterAsInt(parameters, self.WORK_LIST, context),
            bootstrap=self.parameterAsInt(parameters, self.BOOTSTRAP, context),
            outcome_file=self.optional_file(parameters, self.OUTCOME_FILE, context),
            identity_path=self.optional_file(parameters, "IDENTITY", context))
        found = self.run_core(lambda: validation.validate(database, year, options, feedback),
                              where=database)
        save_default_styles(database, VALIDATION_LAYERS, feedback)
        village = found.metric("village", "index")
        baselines = [m.auc for m in found.metrics
                     if m.scope == "village" and m.model != "index" and m.auc is not None]
        return {"AUC_VILLAGES": village.auc, "AUC_PERSONS": found.metric("person", "index").auc,
                "BEST_BASELINE_AUC": max(baselines) if baselines else None,
                "OUTCOMES": found.persons_with_outcome}
