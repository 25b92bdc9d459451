"""The BOUNDARIES parameter shared by algorithms: sub-district polygons of any source.

Reads the layer's features for one province into core ``Subdistrict`` records (names and codes)
plus QGIS geometries in EPSG:4326, made valid and multi-part.
"""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..trafficking_plugin.core import admin
from ..trafficking_plugin.core.feedback import check_canceled
from ..trafficking_plugin.core.geography import Subdistrict
from .base import tr_noop

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

# (parameter, label, default field: the names in ../shared/data/th_admin_boundaries.gpkg, required)
FIELD_PARAMETERS = (
    ("CODE_FIELD", tr_noop("Sub-district code field (6-digit DOPA code)"), "tambon_code", True),
    ("NAME_FIELD", tr_noop("Sub-district Thai name field"), "tambon_th", True),
    ("NAME_EN_FIELD", tr_noop("Sub-district English name field"), "tambon_en", False),
    ("DISTRICT_NAME_FIELD", tr_noop("District Thai name field"), "amphoe_th", False),
    ("DISTRICT_NAME_EN_FIELD", tr_noop("District English name field"), "amphoe_en", False),
    ("PROVINCE_NAME_FIELD", tr_noop("Province Thai name field"), "changwat_th", False),
    ("PROVINCE_NAME_EN_FIELD", tr_noop("Province English name field"), "changwat_en", False),
)


def add_parameters(algorithm):
    tr = algorithm.tr
    algorithm.addParameter(QgsProcessingParameterString(
        "PROVINCE", tr("Province (2-digit DOPA code, e.g. 50 = Chiang Mai)"), defaultValue="50"))
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        "BOUNDARIES", tr("Sub-district boundaries (polygons)"),
        [QgsProcessing.SourceType.TypeVectorPolygon]))
    for key, label, default, required in FIELD_PARAMETERS:
        # Optional even when needed: QGIS 3.22 rejects a missing field parameter instead of using
        # its default, which would force batch users to repeat the defaults.
        param = QgsProcessingParameterField(
            key, tr(label), defaultValue=default, parentLayerParameterName="BOUNDARIES",
            optional=True)
        if not required:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(param)


def province_code(algorithm, parameters, context):
    raw = algorithm.parameterAsString(parameters, "PROVINCE", context)
    code = admin.normalise_code(raw, 2)
    if code is None:
        raise QgsProcessingException(algorithm.tr(
            "Province '{}' is not a 2-digit DOPA code. Use e.g. 50 for Chiang Mai, 57 for Chiang Rai, "
            "56 for Phayao.").format(raw))
    return code


def read_subdistricts(algorithm, parameters, context, feedback, province):
    """[(Subdistrict without polygons, QgsGeometry multipolygon in EPSG:4326)] of one province."""
    source = algorithm.parameterAsSource(parameters, "BOUNDARIES", context)
    if source is None:
        raise QgsProcessingException(algorithm.tr("The boundary layer could not be opened."))
    fields = {key: algorithm.parameterAsString(parameters, key, context) or
              (default if required else None) for key, _, default, required in FIELD_PARAMETERS}
    for key, name in fields.items():
        if name and source.fields().indexOf(name) < 0:
            raise QgsProcessingException(algorithm.tr(
                "Field '{}' ({}) is not in the boundary layer; its fields are: {}").format(
                    name, key, ", ".join(source.fields().names())))
    transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
    seen_provinces = {}
    units = []
    total = source.featureCount() or 1
    for n, feature in enumerate(source.getFeatures()):
        check_canceled(feedback)
        value = feature[fields["CODE_FIELD"]]
        code = admin.normalise_code(value, 6)
        if code is None:
            raise QgsProcessingException(algorithm.tr(
                "Boundary feature {} has sub-district code '{}' in field '{}': a 6-digit DOPA code "
                "is expected.").format(feature.id(), value, fields["CODE_FIELD"]))

        def text(key, feature=feature):
            name = fields[key]
            value = feature[name] if name else None
            return None if value is None or str(value) == "NULL" else str(value)

        seen_provinces.setdefault(code[:2], text("PROVINCE_NAME_FIELD"))
        if code[:2] != province:
            continue
        geometry = feature.geometry()
        if geometry.isEmpty():
            raise QgsProcessingException(algorithm.tr(
                "Sub-district {} has no geometry in the boundary layer.").format(code))
        geometry.transform(transform)
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        geometry = _multipolygon(geometry)
        units.append((Subdistrict(
            code=code, name_th=text("NAME_FIELD"), name_en=text("NAME_EN_FIELD"),
            district_code=code[:4], district_name_th=text("DISTRICT_NAME_FIELD"),
            district_name_en=text("DISTRICT_NAME_EN_FIELD"), province_code=province,
            province_name_th=text("PROVINCE_NAME_FIELD"),
            province_name_en=text("PROVINCE_NAME_EN_FIELD")), geometry))
        feedback.setProgress(100 * n / total)
    if not units:
        raise QgsProcessingException(admin.province_not_found_message(
            province, seen_provinces, {c: n for c, n in seen_provinces.items() if n}))
    codes = [u.code for u, _ in units]
    if len(set(codes)) != len(codes):
        duplicated = sorted({c for c in codes if codes.count(c) > 1})
        raise QgsProcessingException(algorithm.tr(
            "Sub-district codes appear more than once in the boundary layer: {}. Dissolve or fix "
            "them first.").format(", ".join(duplicated[:10])))
    return sorted(units, key=lambda u: u[0].code)


def _multipolygon(geometry):
    """Keep only the polygon parts (makeValid can add stray lines) as one multipolygon."""
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
        parts = [g for g in geometry.asGeometryCollection()
                 if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.PolygonGeometry]
        geometry = QgsGeometry.collectGeometry(parts) if parts else geometry
    geometry.convertToMultiType()
    return geometry


def polygon_rings(geometry):
    """The multipolygon as [[outer ring, holes...], ...] of (lon, lat) tuples, for core code."""
    return [[[(p.x(), p.y()) for p in ring] for ring in polygon]
            for polygon in geometry.asMultiPolygon()]
