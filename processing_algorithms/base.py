"""What every algorithm of the provider shares: translation, instance creation, feedback bridge."""
from qgis.core import (
    QgsField, QgsFields, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
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

    def add_database_parameter(self, key="DATABASE"):
        """The province GeoPackage the algorithm works on."""
        self.addParameter(QgsProcessingParameterFile(key, self.tr("Province database"),
                                                     extension="gpkg"))

    def add_data_year_parameter(self, key="DATA_YEAR"):
        """A data year, typed as users know it: Common Era (2024) or Buddhist era (2567)."""
        self.addParameter(QgsProcessingParameterNumber(
            key, self.tr("Data year (Common Era or Buddhist era)"),
            QgsProcessingParameterNumber.Type.Integer, minValue=1990, maxValue=2700))

    def database_unwritable(self, path, error):
        """The message for an SQLite error on the province database, in words a user can act on."""
        return QgsProcessingException(self.tr(
            "{} could not be written ({}). Is it open for editing elsewhere, or not a "
            "GeoPackage?").format(path, error))


def sink_fields(spec):
    """QgsFields of a feature sink from (name, QVariant type) pairs."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields
