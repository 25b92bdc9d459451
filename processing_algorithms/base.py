"""What every algorithm of the provider shares: translation, instance creation, feedback bridge."""
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..trafficking_plugin.i18n.translation import tr_noop


def tr(text):
    """The algorithms' translation context, for module-level texts as well as methods."""
    return QCoreApplication.translate("TraffickingAlgorithm", text)


# The algorithms' group names (GROUP_NAME of each class), marked so the extractor finds them.
GROUP_NAMES = (tr_noop("Database"), tr_noop("Analysis"), tr_noop("Sin space"), tr_noop("Sample data"),
               tr_noop("Programme monitoring"), tr_noop("Outputs"), tr_noop("Risk index"))
# Enum options that are words of the core (public_export.LEVELS), translated where shown.
ENUM_WORDS = (tr_noop("province"), tr_noop("district"), tr_noop("subdistrict"))


class TraffickingAlgorithm(QgsProcessingAlgorithm):
    GROUP = "database"
    GROUP_NAME = "Database"

    def tr(self, text):
        return tr(text)

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

    def database_unreadable(self, path, error):
        """The message for an SQLite error while reading the province database."""
        return QgsProcessingException(self.tr(
            "{} could not be read ({}). Is it a province database?").format(path, error))

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
