"""The `trafficking` Processing provider."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..trafficking_plugin.core.shipped_data import ICON
from .analyse_case_routes import AnalyseCaseRoutes
from .create_database import CreateDatabase
from .create_project import CreateProject
from .crosswalk import Crosswalk
from .extract_imagery_chips import ExtractImageryChips
from .generate_sample_data import GenerateSampleData
from .import_activities import ImportActivities
from .import_secondary_data import ImportSecondaryData
from .import_sin_space import ImportSinSpace
from .monitor_activities import MonitorActivities
from .network_coverage import NetworkCoverage
from .prevention_targets import PreventionTargets
from .public_export import PublicExport
from .publish_national import PublishNational
from .risk_report import RiskReport
from .score_risk_index import ScoreRiskIndex
from .shipped_models import shipped_models
from .verify_database import VerifyDatabase
from .withdraw_import import WithdrawImport

ICON_PATH = str(ICON)


class TraffickingProvider(QgsProcessingProvider):
    def id(self):
        return "trafficking"

    def name(self):
        return QCoreApplication.translate("TraffickingProvider", "Trafficking prevention")

    def longName(self):  # noqa: N802
        return self.name()

    def icon(self):
        return QIcon(ICON_PATH)

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in (CreateDatabase(), GenerateSampleData(), ImportSecondaryData(),
                          ImportSinSpace(), Crosswalk(), ScoreRiskIndex(), RiskReport(),
                          PreventionTargets(), ExtractImageryChips(), AnalyseCaseRoutes(), NetworkCoverage(),
                          PublicExport(), PublishNational()):
            self.addAlgorithm(algorithm)
        # Programme monitoring and the data-quality check.
        for algorithm in (VerifyDatabase(), ImportActivities(), MonitorActivities()):
            self.addAlgorithm(algorithm)
        self.addAlgorithm(CreateProject())   # the province project (.qgz)
        self.addAlgorithm(WithdrawImport())   # take back an import of the wrong file
        for model in shipped_models():   # data/models/*.model3: trafficking:yearlyupdate, ...
            self.addAlgorithm(model)
