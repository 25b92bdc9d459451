"""trafficking:scoreriskindex — the indicator scores, index and class of every person, and areas."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..trafficking_plugin.core.risk import risk_index, scores
from ..trafficking_plugin.outputs.styles import RISK_LAYERS, save_default_styles
from .base import TraffickingAlgorithm, tr_noop


class ScoreRiskIndex(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "risk", "Risk index"
    METHOD, HIGH_CUTOFF, MEDIUM_CUTOFF, AF_K = "METHOD", "HIGH_CUTOFF", "MEDIUM_CUTOFF", "AF_K"
    MIN_COVERAGE, WEIGHTS = "MIN_COVERAGE", "WEIGHTS"
    AREA_HIGH_SHARE, AREA_MEDIUM_SHARE = "AREA_HIGH_SHARE", "AREA_MEDIUM_SHARE"
    VILLAGE_HIGH_SHARE, VILLAGE_MEDIUM_SHARE = "VILLAGE_HIGH_SHARE", "VILLAGE_MEDIUM_SHARE"

    def name(self):
        return "scoreriskindex"

    def displayName(self):  # noqa: N802
        return self.tr("Score the risk index")

    def shortHelpString(self):  # noqa: N802
        defaults = ", ".join(f"{m} {h} / {c}" for m, (h, c) in scores.DEFAULT_CUTOFFS.items())
        return self.tr(
            "Scores every person of the data year on the enabled indicators of the database's "
            "indicator table (1 to 3, 3 = most at risk; an indicator with no data stays empty and "
            "is never taken as low risk), combines them into an index and a class (high, medium, "
            "low: red, yellow, green), and sums persons up by village, sub-district and district.\n"
            "Methods: mean = the weighted mean score of the observed indicators, with fixed "
            "cut-points so years stay comparable; alkire_foster = the weighted share of "
            "indicators at 3, against the cutoff k; percentile = percentile ranks as in the CDC's "
            "Social Vulnerability Index (relative to this year's persons).\n"
            "Cut-points (high / medium) left empty take the method's defaults: {}; for "
            "alkire_foster the high cut-point is k. A person observed on fewer indicators than "
            "the minimum coverage is counted but not scored. Weights (e.g. I09=2, I10=0) override "
            "the indicator table for this run. A sub-district or district is high when at least the "
            "area high share of its scored persons are high (medium likewise); villages, being "
            "small, have their own shares.\n"
            "Writes risk_person, risk_village, risk_subdistrict, risk_district, risk_breakdown "
            "(age band x sex, home town) and, when an earlier year was scored, "
            "risk_change_subdistrict and risk_change_district; the run and its parameters go to "
            "risk_run. Re-running replaces the year's results; an error or cancel leaves the "
            "database as it was. See docs/risk_index.md.").format(defaults)

    def initAlgorithm(self, config=None):  # noqa: N802
        number = QgsProcessingParameterNumber
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"), options=list(scores.METHODS), defaultValue=0))
        for key, label in (
                (self.HIGH_CUTOFF, tr_noop("High cut-point of the index (empty: method default)")),
                (self.MEDIUM_CUTOFF, tr_noop("Medium cut-point of the index (empty: method default)"))):
            self.addParameter(number(key, self.tr(label), number.Type.Double, optional=True,
                                     minValue=0))
        self.addParameter(number(self.AF_K, self.tr("Alkire-Foster cutoff k (weighted share at 3)"),
                                 number.Type.Double, defaultValue=scores.DEFAULT_AF_K,
                                 minValue=0, maxValue=1))
        self.addParameter(number(self.MIN_COVERAGE, self.tr("Minimum coverage (indicators observed)"),
                                 number.Type.Integer, defaultValue=risk_index.Options.min_coverage,
                                 minValue=1))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr("Weights for this run (e.g. I09=2, I10=0)"), optional=True))
        defaults = risk_index.Options()
        for key, label, default in (
                (self.AREA_HIGH_SHARE, tr_noop("Sub-district and district high share"),
                 defaults.area_high_share),
                (self.AREA_MEDIUM_SHARE, tr_noop("Sub-district and district medium share"),
                 defaults.area_medium_share),
                (self.VILLAGE_HIGH_SHARE, tr_noop("Village high share"), defaults.village_high_share),
                (self.VILLAGE_MEDIUM_SHARE, tr_noop("Village medium share"), defaults.village_medium_share)):
            self.addParameter(number(key, self.tr(label), number.Type.Double, defaultValue=default,
                                     minValue=0, maxValue=1))
        self.add_number_outputs((("PERSONS", tr_noop("Persons")), ("SCORED", tr_noop("Persons scored")),
                                 ("HIGH", tr_noop("Persons at high risk")),
                                 ("MEDIUM", tr_noop("Persons at medium risk")),
                                 ("LOW", tr_noop("Persons at low risk"))))

    def _optional_number(self, parameters, key, context):
        value = parameters.get(key)
        if value is None or value == "":
            return None
        return self.parameterAsDouble(parameters, key, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)

        def score():
            number = self.parameterAsDouble
            options = risk_index.Options(
                method=scores.METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
                high_cutoff=self._optional_number(parameters, self.HIGH_CUTOFF, context),
                medium_cutoff=self._optional_number(parameters, self.MEDIUM_CUTOFF, context),
                af_k=number(parameters, self.AF_K, context),
                min_coverage=self.parameterAsInt(parameters, self.MIN_COVERAGE, context),
                weights=risk_index.parse_weights(
                    self.parameterAsString(parameters, self.WEIGHTS, context)),
                area_high_share=number(parameters, self.AREA_HIGH_SHARE, context),
                area_medium_share=number(parameters, self.AREA_MEDIUM_SHARE, context),
                village_high_share=number(parameters, self.VILLAGE_HIGH_SHARE, context),
                village_medium_share=number(parameters, self.VILLAGE_MEDIUM_SHARE, context))
            return risk_index.score_risk_index(database, year, options, feedback=feedback)

        summary = self.run_core(score, where=database)
        save_default_styles(database, RISK_LAYERS, feedback)
        return {"PERSONS": summary.persons, "SCORED": summary.scored, "HIGH": summary.high,
                "MEDIUM": summary.medium, "LOW": summary.low}
