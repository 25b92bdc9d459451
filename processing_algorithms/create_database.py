"""trafficking:createdatabase — a new or upgraded province GeoPackage."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ..trafficking_plugin.core import admin, create_database
from ..trafficking_plugin.core.feedback import check_canceled
from ..trafficking_plugin.outputs import styles
from .base import WGS84, TraffickingAlgorithm, remember


class CreateDatabase(TraffickingAlgorithm):
    OUTPUT = "OUTPUT"
    VILLAGES = "VILLAGES"
    VILLAGE_CODE_FIELD = "VILLAGE_CODE_FIELD"
    VILLAGE_NAME_FIELD = "VILLAGE_NAME_FIELD"

    def name(self):
        return "createdatabase"

    def displayName(self):  # noqa: N802
        return self.tr("Create or upgrade province database")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Creates the province GeoPackage: every table of the schema (documented in the file's "
            "gpkg_data_columns and in docs/schema.md), the province, its districts and sub-districts "
            "from the boundary layer (districts and province are dissolved from the sub-districts so "
            "the levels nest exactly), optional village points, and a default style for each layer.\n"
            "Run it on an existing database to upgrade it in place: new tables and columns are added, "
            "every existing row is kept, and units missing from it are added.\n"
            "Defaults for the field names match the OCHA/RTSD sub-district layer (tambon_code, "
            "tambon_th, ...). Villages need an 8-digit code (sub-district code + 2-digit moo).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Province database"), self.tr("GeoPackage (*.gpkg)")))
        self.add_boundary_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VILLAGES, self.tr("Villages (points)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.VILLAGE_CODE_FIELD, self.tr("Village code field (8 digits)"),
            defaultValue="village_code", parentLayerParameterName=self.VILLAGES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.VILLAGE_NAME_FIELD, self.tr("Village Thai name field"),
            defaultValue="village_name_th", parentLayerParameterName=self.VILLAGES, optional=True))
        self.add_identity_parameter(self.tr("Identity file (an upgrade of a database made before "
                                            "schema 4 moves birth dates and house numbers into "
                                            "it; default beside the database)"))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        province = self.province(parameters, context)

        def build():
            steps.pushInfo(self.tr("Reading sub-districts of province {}…").format(province))
            units = self.read_boundaries(parameters, context, steps, province)
            steps.setCurrentStep(1)
            steps.pushInfo(self.tr("Dissolving {} sub-districts into districts and the province…")
                           .format(len(units)))
            rows = self._admin_rows(units, context, steps)
            steps.setCurrentStep(2)
            rows["village"] = self._village_rows(parameters, context, steps, province,
                                                 {u.code for u, _ in units})
            steps.setCurrentStep(3)
            steps.pushInfo(self.tr("Writing {}…").format(path))
            return create_database.create_or_upgrade(
                path, province, rows, steps, self.optional_file(parameters, "IDENTITY", context))

        summary = self.run_core(build, where=path)
        remember(database=path)          # the next dialogs offer it
        styles.save_default_styles(path, styles.DEFAULT_STYLED_LAYERS, steps)
        for table, counts in summary.units.items():
            steps.pushInfo(self.tr("{}: {} rows ({} added, {} kept)").format(
                table, counts.rows, counts.added, counts.kept))
        if summary.previous_schema_version is not None:
            steps.pushInfo(self.tr("Upgraded schema version {} to {}; existing rows kept.").format(
                summary.previous_schema_version, summary.schema_version))
        text = ", ".join(f"{t} {counts.rows}" for t, counts in summary.units.items())
        return {self.OUTPUT: path, "SUMMARY": text}

    def _admin_rows(self, units, context, feedback):
        area = QgsDistanceArea()
        area.setSourceCrs(QgsCoordinateReferenceSystem(WGS84), context.transformContext())
        area.setEllipsoid("WGS84")

        def row(code, name_th, name_en, geometry, **parents):
            box = geometry.boundingBox()
            return {"code": code, "name_th": name_th, "name_en": name_en, **parents,
                    "area_km2": round(area.measureArea(geometry) / 1e6, 3),
                    "wkb": bytes(geometry.asWkb()),
                    "bbox": (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())}

        subdistricts = [row(u.code, u.name_th, u.name_en, g, district_code=u.district_code,
                            province_code=u.province_code) for u, g in units]
        by_district = {}
        for unit, geometry in units:
            by_district.setdefault(unit.district_code, []).append((unit, geometry))
        districts = []
        for n, (code, members) in enumerate(sorted(by_district.items())):
            check_canceled(feedback)
            first = members[0][0]
            districts.append(row(code, first.district_name_th, first.district_name_en,
                                 _dissolve([g for _, g in members]),
                                 province_code=first.province_code))
            feedback.setProgress(100 * n / len(by_district))
        first = units[0][0]
        province = row(first.province_code, first.province_name_th, first.province_name_en,
                       _dissolve([g for _, g in units]))
        return {"province": [province], "district": districts, "subdistrict": subdistricts}

    def _village_rows(self, parameters, context, feedback, province, subdistrict_codes):
        source = self.parameterAsSource(parameters, self.VILLAGES, context)
        if source is None:
            return []
        code_field = self.parameterAsString(parameters, self.VILLAGE_CODE_FIELD, context) \
            or "village_code"
        name_field = self.parameterAsString(parameters, self.VILLAGE_NAME_FIELD, context)
        for field in (code_field, name_field):
            if field and source.fields().indexOf(field) < 0:
                raise QgsProcessingException(self.tr(
                    "Field '{}' is not in the village layer; its fields are: {}").format(
                        field, ", ".join(source.fields().names())))
        layer_name = source.sourceName()
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84),
                                           context.transformContext())
        rows, other_provinces, seen = [], 0, set()
        for feature in source.getFeatures():
            check_canceled(feedback)
            value = feature[code_field]
            code = admin.normalise_code(value, 8)
            where = self.tr("Village layer '{}', feature {}, field '{}'").format(
                layer_name, feature.id(), code_field)
            if code is None:
                raise QgsProcessingException(self.tr(
                    "{}: '{}' is not an 8-digit village code (sub-district code + 2-digit moo)."
                ).format(where, value))
            if code[:2] != province:
                other_provinces += 1
                continue
            if code[:6] not in subdistrict_codes:
                raise QgsProcessingException(self.tr(
                    "{}: village {} lies in sub-district {}, which is not in the boundary layer."
                ).format(where, code, code[:6]))
            if code in seen:
                raise QgsProcessingException(self.tr("{}: village code {} appears twice.")
                                             .format(where, code))
            seen.add(code)
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                raise QgsProcessingException(self.tr("{}: village {} has no point.").format(where, code))
            geometry.transform(transform)
            point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
            name = feature[name_field] if name_field else None
            rows.append({
                "code": code, "name_th": None if name is None or str(name) == "NULL" else str(name),
                "moo": int(code[6:]), "subdistrict_code": code[:6], "district_code": code[:4],
                "province_code": province, "location_source": layer_name,
                "wkb": bytes(QgsGeometry.fromPointXY(point).asWkb()),
                "bbox": (point.x(), point.y(), point.x(), point.y())})
        if other_provinces:
            feedback.pushInfo(self.tr("{} villages of other provinces were left out.")
                              .format(other_provinces))
        return rows


def _dissolve(geometries):
    merged = QgsGeometry.unaryUnion(geometries)
    merged.convertToMultiType()
    return merged
