"""What every algorithm of the provider shares: translation, instance creation, feedback bridge."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
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

    def database_unwritable(self, path, error):
        """The message for an SQLite error on the province database, in words a user can act on."""
        return QgsProcessingException(self.tr(
            "{} could not be written ({}). Is it open for editing elsewhere, or not a "
            "GeoPackage?").format(path, error))
