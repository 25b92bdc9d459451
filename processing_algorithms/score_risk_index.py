"""trafficking:scoreriskindex — the indicator scores, index and class of every person, and areas."""
from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.core.risk import risk_index, scores
from ..trafficking_plugin.outputs.styles import RISK_LAYERS, save_default_styles
from .base import TraffickingAlgorithm, tr_noop

# The methods as a dialog lists them: a name a clerk reads, the core's name kept in brackets.
METHOD_LABELS = {"mean": tr_noop("Weighted mean (mean)"),
                 "alkire_foster": tr_noop("Alkire-Foster counting (alkire_foster)"),
                 "percentile": tr_noop("Percentile rank (percentile)")}


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """An expert's number: under Advanced parameters, folded away in the dialog."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


class ScoreRiskIndex(TraffickingAlgorithm):
    METHOD, HIGH_CUTOFF, MEDIUM_CUTOFF, AF_K = "METHOD", "HIGH_CUTOFF", "MEDIUM_CUTOFF", "AF_K"
    MIN_DIMENSIONS, WEIGHTS, TARGET = "MIN_DIMENSIONS", "WEIGHTS", "TARGET"
    AREA_HIGH_RATIO, AREA_MEDIUM_RATIO = "AREA_HIGH_RATIO", "AREA_MEDIUM_RATIO"
    VILLAGE_HIGH_FRACTION, VILLAGE_MEDIUM_FRACTION = "VILLAGE_HIGH_FRACTION", "VILLAGE_MEDIUM_FRACTION"

    def name(self):
        return "scoreriskindex"

    def displayName(self):  # noqa: N802
        return self.tr("Score the risk index")

    def shortHelpString(self):  # noqa: N802
        defaults = ", ".join(f"{m} {h:.3g} / {c:.3g}"
                             for m, (h, c) in scores.DEFAULT_CUTOFFS.items())
        return self.tr(
            "Scores every person of the target population (children and women by default, the "
            "centre's mandate) on the enabled indicators of the database's indicator table (1 to "
            "3, 3 = most at risk; an indicator with no data stays empty and is never taken as low "
            "risk), combines them into an index and a class (high, medium, low: red, yellow, "
            "green; not enough data: grey), and sums persons up by village, sub-district and "
            "district.\n"
            "Indicators are grouped into dimensions that weigh the same, so a block of correlated "
            "indicators cannot dominate; rare events (flags) add risk when recorded and never "
            "count when absent. A person observed on fewer dimensions than the minimum is in the "
            "class not enough data: counted, never low.\n"
            "Methods: mean = the weighted mean over the dimensions, with fixed cut-points so "
            "years stay comparable; alkire_foster = the weighted share of deprivation (scores of "
            "3), against the cutoff k; percentile = percentile ranks as in the CDC's Social "
            "Vulnerability Index (relative to this year's persons).\n"
            "Cut-points (high / medium) left empty take the method's defaults: {} (the "
            "Multidimensional Poverty Index's 1/3 and 1/5); for alkire_foster the high cut-point "
            "is k. Weights (e.g. I09=2, I10=0) override the indicator table for this run. A "
            "sub-district or district is high when its share of high-risk persons is at least the "
            "high ratio times the province's (medium likewise). Villages are ranked by their "
            "number of high-risk persons, the order of the work list: the top fraction is high, "
            "down to the medium fraction medium, so the map and the work list agree.\n"
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
            self.METHOD, self.tr("Method"), options=[self.tr(METHOD_LABELS[m]) for m in scores.METHODS],
            defaultValue=0))
        for key, label in (
                (self.HIGH_CUTOFF, tr_noop("High cut-point of the index (empty: method default)")),
                (self.MEDIUM_CUTOFF, tr_noop("Medium cut-point of the index (empty: method default)"))):
            self.addParameter(advanced(number(
                key, self.tr(label), number.Type.Double, optional=True, minValue=0)))
        self.addParameter(advanced(number(
            self.AF_K, self.tr("Alkire-Foster cutoff k (weighted share at 3)"), number.Type.Double,
            defaultValue=scores.DEFAULT_AF_K, minValue=0, maxValue=1)))
        self.addParameter(advanced(number(
            self.MIN_DIMENSIONS, self.tr("Minimum dimensions observed"), number.Type.Integer,
            defaultValue=risk_index.Options.min_dimensions, minValue=1)))
        self.addParameter(QgsProcessingParameterEnum(
            self.TARGET, self.tr("Target population"), options=[
                self.tr("Children and women (the centre's mandate)"), self.tr("All persons")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr("Weights for this run (e.g. I09=2, I10=0)"), optional=True))
        defaults = risk_index.Options()
        for key, label, default, top in (
                (self.AREA_HIGH_RATIO, tr_noop("Sub-district and district high: times the "
                                               "province's share of high-risk persons"),
                 defaults.area_high_ratio, None),
                (self.AREA_MEDIUM_RATIO, tr_noop("Sub-district and district medium: times the "
                                                 "province's share"),
                 defaults.area_medium_ratio, None),
                (self.VILLAGE_HIGH_FRACTION, tr_noop("Villages high: top fraction by high-risk "
                                                     "persons"),
                 defaults.village_high_fraction, 1),
                (self.VILLAGE_MEDIUM_FRACTION, tr_noop("Villages medium: down to this fraction"),
                 defaults.village_medium_fraction, 1)):
            limits = {"minValue": 0, **({"maxValue": top} if top else {})}
            self.addParameter(advanced(number(
                key, self.tr(label), number.Type.Double, defaultValue=default, **limits)))
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
                min_dimensions=self.parameterAsInt(parameters, self.MIN_DIMENSIONS, context),
                target=tuple(risk_index.TARGETS)[
                    self.parameterAsEnum(parameters, self.TARGET, context)],
                weights=risk_index.parse_weights(
                    self.parameterAsString(parameters, self.WEIGHTS, context)),
                area_high_ratio=number(parameters, self.AREA_HIGH_RATIO, context),
                area_medium_ratio=number(parameters, self.AREA_MEDIUM_RATIO, context),
                village_high_fraction=number(parameters, self.VILLAGE_HIGH_FRACTION, context),
                village_medium_fraction=number(parameters, self.VILLAGE_MEDIUM_FRACTION, context))
            return risk_index.score_risk_index(database, year, options, feedback=feedback)

        summary = self.run_core(score, where=database, feedback=feedback)
        save_default_styles(database, RISK_LAYERS, feedback)
        return {"PERSONS": summary.persons, "SCORED": summary.scored, "HIGH": summary.high,
                "MEDIUM": summary.medium, "LOW": summary.low}
