"""What every algorithm of the provider shares: translation, instance creation, feedback bridge."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication


class TraffickingAlgorithm(QgsProcessingAlgorithm):
    GROUP = "database"
    GROUP_NAME = "Database"

    def tr(self, text):
        return QCoreApplication.translate("TraffickingAlgorithm", text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def groupId(self):  # noqa: N802
        return self.GROUP

    def group(self):
        return self.tr(self.GROUP_NAME)
