"""What every algorithm of the provider shares: translation, the shared parameter blocks, the
province database and the data year read once at the edge, core errors turned into messages,
core rows written to feature sinks, and the sub-district boundaries of any source."""
from __future__ import annotations

import html
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QVariant
from qgis.PyQt.QtGui import QIcon

from ..trafficking_plugin.core import admin, database, spreadsheet, thai_calendar
from ..trafficking_plugin.core.data_years import default_data_year, latest_data_year
from ..trafficking_plugin.core.errors import CoreError
from ..trafficking_plugin.core import feedback as core_feedback
from ..trafficking_plugin.core.feedback import Canceled, check_canceled
from ..trafficking_plugin.core.geography import Subdistrict
from ..trafficking_plugin.core.ingest import readers
from ..trafficking_plugin.core.shipped_data import PLUGIN_DIR, data_path
from ..trafficking_plugin.i18n.translation import buddhist_era, shown_value, tr_noop

T = TypeVar("T")
WGS84 = "EPSG:4326"


def tr(text: str) -> str:
    """The algorithms' translation context, for module-level texts as well as methods."""
    return QCoreApplication.translate("TraffickingAlgorithm", text)


def translated(error: CoreError) -> str:
    """A core error's message in the user's language: its template translated, then filled in
    (years as the Buddhist-era option says)."""
    return core_feedback.error_text(error)


# The core's log lines and warnings are translated in the algorithms' context too.
core_feedback.set_language(tr, shown_value)


# --- the Toolbox in the order of the work, each step's icon and its place in the manual ---------
# (group id, name): the Toolbox sorts groups by name, so the number puts them in the order of the
# work in every language. Ids changed in 0.x (database, sample, sin_space -> setup, import,
# crosswalk, publish); models and scripts name algorithms by id, never by group.
WORKFLOW_GROUPS = (
    ("pipeline", tr_noop("0 Yearly update (whole pipeline)")),
    ("setup", tr_noop("1 Set-up")),
    ("import", tr_noop("2 Import")),
    ("crosswalk", tr_noop("3 Crosswalk and verify")),
    ("risk", tr_noop("4 Risk index")),
    ("outputs", tr_noop("5 Work list, reports and maps")),
    ("publish", tr_noop("6 Publish")),
    ("monitoring", tr_noop("7 Programme monitoring")),
    ("analysis", tr_noop("8 Network and cases analysis")),
)
# algorithm name -> (group id, the manual's section: the anchor of its heading in docs/manual.md)
ALGORITHM_PLACES = {
    "yearlyupdate": ("pipeline", "4-the-one-click-model"),
    "lateagencyfile": ("pipeline", "4-the-one-click-model"),
    "createdatabase": ("setup", "21-create-the-province-database"),
    "generatesampledata": ("setup", "21-create-the-province-database"),
    "importsecondarydata": ("import", "31-import-each-agency-file"),
    "withdrawimport": ("import", "31-import-each-agency-file"),
    "importsinspace": ("import", "8-sin-space-imagery-monitoring-and-analysis"),
    "crosswalk": ("crosswalk", "32-crosswalk-the-codes-to-the-standard"),
    "verifydatabase": ("crosswalk", "33-verify"),
    "scoreriskindex": ("risk", "34-score-the-risk-index"),
    "validateindex": ("risk", "34-score-the-risk-index"),
    "preventiontargets": ("outputs", "35-the-work-list"),
    "riskreport": ("outputs", "36-reports"),
    "createproject": ("outputs", "39-the-province-project"),
    "extractimagerychips": ("outputs", "8-sin-space-imagery-monitoring-and-analysis"),
    "publicexport": ("publish", "37-public-figures"),
    "publishnational": ("publish", "38-publish-to-the-national-database"),
    "publicwebsite": ("publish", "the-public-website"),
    "serverproject": ("publish", "310-the-intranet-map-server"),
    "importactivities": ("monitoring", "8-sin-space-imagery-monitoring-and-analysis"),
    "monitoractivities": ("monitoring", "8-sin-space-imagery-monitoring-and-analysis"),
    "analysecaseroutes": ("analysis", "8-sin-space-imagery-monitoring-and-analysis"),
    "networkcoverage": ("analysis", "8-sin-space-imagery-monitoring-and-analysis"),
}
# Algorithms whose icon is their own rather than their group's (data/icons/<name>.svg).
OWN_ICONS = ("withdrawimport", "importsinspace", "verifydatabase", "validateindex", "riskreport",
             "createproject", "extractimagerychips", "generatesampledata")


def workflow_group(name: str) -> str:
    """The Toolbox group id of algorithm ``name`` (an unknown one goes under Set-up)."""
    return ALGORITHM_PLACES.get(name, ("setup", ""))[0]


def group_name(group_id: str) -> str:
    """The group's name in the user's language, numbered in the order of the work."""
    return tr(dict(WORKFLOW_GROUPS).get(group_id, group_id))


def group_icon_path(group_id: str) -> str:
    """The SVG icon of a Toolbox group (its colour, its sign)."""
    return str(data_path(f"icons/{group_id}.svg"))


def icon_path(name: str) -> str:
    """The SVG icon of algorithm ``name``: its own, else its group's."""
    return str(data_path(f"icons/{name}.svg")) if name in OWN_ICONS else \
        group_icon_path(workflow_group(name))


def manual_file(stem: str = "manual") -> str:
    """The shipped manual page: the HTML the plugin ZIP holds (scripts/manual_html.py), else the
    Markdown of a source checkout."""
    rendered = PLUGIN_DIR / "docs" / f"{stem}.html"
    return str(rendered if rendered.exists() else PLUGIN_DIR / "docs" / f"{stem}.md")


def manual_url(name: str | None = None) -> str:
    """A file:// URL of the manual, at the section of algorithm ``name`` when given."""
    url = QUrl.fromLocalFile(manual_file())
    anchor = ALGORITHM_PLACES.get(name, (None, ""))[1] if name else ""
    if anchor:
        url.setFragment(anchor)
    return url.toString()


# "See docs/x.md." ending a help text (English or Thai): the Help button opens the manual instead.
_SEE_DOCS = re.compile(r"\s*(?:See|ดู) docs/[\w.-]+\.md\.?\s*$")


def help_html(text: str) -> str:
    """A help text as the HTML QGIS shows it: '<year>' stays '<year>' instead of vanishing as a
    tag, and a closing pointer to a docs/ file a user cannot open gives way to the Help button."""
    return html.escape(_SEE_DOCS.sub("", text), quote=False)
# Enum options that are words of the core (public_export.LEVELS), translated where shown.
ENUM_WORDS = (tr_noop("province"), tr_noop("district"), tr_noop("subdistrict"))
# The outputs of every import (agency files, sin space, activities): key -> label.
IMPORT_OUTPUTS = (("RUN_ID", tr_noop("Import run id")), ("ROWS_READ", tr_noop("Rows read")),
                  ("ROWS_STAGED", tr_noop("Rows staged")),
                  ("ROWS_REJECTED", tr_noop("Rows rejected")))
# The BOUNDARIES parameter's fields: (parameter, label, default field of the OCHA/RTSD layer in
# ../shared/data/th_admin_boundaries.gpkg, required).
BOUNDARY_FIELDS = (
    ("CODE_FIELD", tr_noop("Sub-district code field (6-digit DOPA code)"), "tambon_code", True),
    ("NAME_FIELD", tr_noop("Sub-district Thai name field"), "tambon_th", True),
    ("NAME_EN_FIELD", tr_noop("Sub-district English name field"), "tambon_en", False),
    ("DISTRICT_NAME_FIELD", tr_noop("District Thai name field"), "amphoe_th", False),
    ("DISTRICT_NAME_EN_FIELD", tr_noop("District English name field"), "amphoe_en", False),
    ("PROVINCE_NAME_FIELD", tr_noop("Province Thai name field"), "changwat_th", False),
    ("PROVINCE_NAME_EN_FIELD", tr_noop("Province English name field"), "changwat_en", False),
)


# The current province database and data year of this QGIS profile (QgsSettings is per profile):
# the defaults every dialog, batch row and model step offers.
CURRENT_DATABASE_KEY = "trafficking_db/current_database"
CURRENT_YEAR_KEY = "trafficking_db/current_data_year"
DATA_YEAR_WRAPPER = (__package__.rsplit(".", 1)[0] +
                     ".trafficking_plugin.gui.data_year_wrapper.DataYearWidgetWrapper")


def remembered_database() -> str | None:
    """The province database last worked on in this profile, while the file is still there."""
    path = str(QgsSettings().value(CURRENT_DATABASE_KEY, "") or "")
    return path if path and os.path.isfile(path) else None


def remembered_year() -> int | None:
    """The data year (Common Era) last worked on in this profile."""
    value = QgsSettings().value(CURRENT_YEAR_KEY, 0, type=int)
    return value or None


def remember(database: str | None = None, year: int | None = None) -> None:
    """Make ``database`` and/or ``year`` (Common Era) the profile's current ones."""
    settings = QgsSettings()
    if database:
        settings.setValue(CURRENT_DATABASE_KEY, os.path.abspath(database))
    if year:
        settings.setValue(CURRENT_YEAR_KEY, int(year))


def offered_year(year: int) -> int:
    """A Common-Era year as the user reads years: Buddhist era under the plugin's option."""
    return thai_calendar.shown_year(year, buddhist_era())


def decimals(parameter: QgsProcessingParameterNumber, places: int) -> QgsProcessingParameterNumber:
    """Show a decimal parameter with ``places`` decimals in the dialog (QGIS's default is 6:
    "250.000000")."""
    metadata = parameter.metadata()
    metadata.setdefault("widget_wrapper", {})["decimals"] = places
    parameter.setMetadata(metadata)
    return parameter


def sensible_decimals(*values: float | None) -> int:
    """Decimals enough for the given values (a default, a minimum): at least 2, at most 4."""
    needed = [len(f"{value:.4f}".rstrip("0").split(".")[1]) for value in values
              if value is not None]
    return min(4, max([2, *needed]))


def offer_current_defaults(model: QgsProcessingModelAlgorithm) -> None:
    """A shipped model's DATABASE and DATA_YEAR inputs offer the current database and its
    latest data year, as the algorithms' dialogs do (a .model3 holds only static defaults).
    The model is loaded again from its own description, so its inputs keep their order."""
    current = remembered_database()
    offered = {"DATABASE": current, "DATA_YEAR": offered_year(default_data_year(
        latest_data_year(current), remembered_year()))}
    description = model.toVariant()
    for name, default in offered.items():
        definition = description["parameterDefinitions"].get(name)
        if definition is None or default is None:
            continue
        definition["default"] = default
        if name == "DATA_YEAR":
            definition["metadata"] = {"widget_wrapper": {"class": DATA_YEAR_WRAPPER}}
    model.loadVariant(description)


class TraffickingAlgorithm(QgsProcessingAlgorithm):
    """An algorithm of the provider: parameters in, one core (or outputs) call, outputs out."""
    DATABASE = "DATABASE"
    DATA_YEAR = "DATA_YEAR"

    def __init_subclass__(cls, **kwargs):
        """Every algorithm's help text escaped (help_html), written once here rather than in
        each module's shortHelpString."""
        super().__init_subclass__(**kwargs)
        text = cls.__dict__.get("shortHelpString")
        if text is not None:
            def escaped(self, text=text):
                return help_html(text(self))
            escaped.__doc__ = text.__doc__
            cls.shortHelpString = escaped

    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def addParameter(self, definition, createOutput=True):  # noqa: N802, N803
        """Every decimal number is shown with sensible decimals unless its module chose some."""
        if isinstance(definition, QgsProcessingParameterNumber) and \
                definition.dataType() == QgsProcessingParameterNumber.Type.Double and \
                "decimals" not in definition.metadata().get("widget_wrapper", {}):
            minimum = definition.minimum()
            default = definition.defaultValue()
            decimals(definition, sensible_decimals(
                default if isinstance(default, (int, float)) else None,
                minimum if abs(minimum) < 1e9 else None))
        return super().addParameter(definition, createOutput)

    # The group, icon and help come from the tables above, by the algorithm's id.
    def groupId(self):  # noqa: N802
        return workflow_group(self.name())

    def group(self):
        return group_name(self.groupId())

    def icon(self):
        return QIcon(icon_path(self.name()))

    def svgIconPath(self):  # noqa: N802
        return icon_path(self.name())

    def helpUrl(self):  # noqa: N802
        return manual_url(self.name())

    # --- the shared parameter blocks -----------------------------------------------------------
    def add_database_parameter(self, label: str | None = None, optional: bool = False) -> None:
        """The province GeoPackage the algorithm works on; the profile's current one by default.
        Any file name passes the parameter's own check, so that checkParameterValues can say
        what is wrong with a CSV or another file in the plugin's words."""
        self.addParameter(QgsProcessingParameterFile(
            self.DATABASE, label or self.tr("Province database"),
            fileFilter=self.tr("GeoPackage (*.gpkg);;All files (*)"),
            defaultValue=None if optional else remembered_database(), optional=optional))

    def add_data_year_parameter(self, label: str | None = None, optional: bool = False,
                                default: int | None = None) -> None:
        """A data year, typed as users know it: Common Era (2024) or Buddhist era (2567). A
        required year offers the current database's latest data year (default_data_year)."""
        follows = default is None and not optional
        if follows:
            default = offered_year(default_data_year(latest_data_year(remembered_database()),
                                                     remembered_year()))
        parameter = QgsProcessingParameterNumber(
            self.DATA_YEAR, label or self.tr("Data year (Common Era or Buddhist era)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=default, optional=optional,
            minValue=0 if optional else thai_calendar.FIRST_DATA_YEAR, maxValue=2700)
        if follows and self.parameterDefinition(self.DATABASE) is not None:
            # In dialogs and batch rows the year follows the database chosen (named by path, so
            # that nothing of the desktop is imported where no dialog opens).
            parameter.setMetadata({"widget_wrapper": {"class": DATA_YEAR_WRAPPER}})
        self.addParameter(parameter)

    # --- checks before the run (the dialog shows their message in a box) -----------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        problem = self.database_problem(parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def database_problem(self, parameters: dict, context: QgsProcessingContext) -> str | None:
        """Why the DATABASE given is not a province database (None: it is, or none is asked)."""
        definition = self.parameterDefinition(self.DATABASE)
        if definition is None or not isinstance(definition, QgsProcessingParameterFile):
            return None
        path = self.parameterAsFile(parameters, self.DATABASE, context)
        if not path:
            return None          # a missing required value: QGIS's own check names it
        if os.path.isfile(path) and not path.lower().endswith(".gpkg"):
            return self.tr(
                "{} is not a province database: the database is a GeoPackage (.gpkg) made by "
                "Create or upgrade province database. An agency file ({}) goes into Import "
                "agency data file.").format(path, os.path.splitext(path)[1] or path)
        try:
            database.open_province(path).close()
        except CoreError as error:
            return translated(error)
        return None

    def add_input_parameters(self, label: str, optional: bool = False) -> None:
        """INPUT (a table file or a layer of one) and its text ENCODING."""
        self.addParameter(QgsProcessingParameterFile("INPUT", label, optional=optional))
        self.addParameter(QgsProcessingParameterEnum(
            "ENCODING", self.tr("Text encoding"), options=list(readers.ENCODINGS), defaultValue=0))

    def add_identity_parameter(self, label: str | None = None) -> None:
        """The identity file (default beside the database)."""
        self.addParameter(QgsProcessingParameterFile(
            "IDENTITY", label or self.tr("Identity file (default beside the database)"),
            optional=True))

    def add_rerelease_parameter(self) -> None:
        """RERELEASE (advanced): why a published year is protected anew (core/dissemination/release)."""
        rerelease = QgsProcessingParameterString(
            "RERELEASE", self.tr("Re-release: why this year is protected anew (only when its data "
                                 "or settings changed since it was published; published figures "
                                 "cannot be recalled)"), optional=True)
        rerelease.setFlags(rerelease.flags() | rerelease.FlagAdvanced)
        self.addParameter(rerelease)

    def add_spec_parameter(self, label: str) -> None:
        self.addParameter(QgsProcessingParameterFile("SPEC", label, optional=True, extension="yaml"))

    def add_number_outputs(self, outputs: Iterable[tuple[str, str]]) -> None:
        for key, label in outputs:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def add_import_outputs(self, more: Iterable[tuple[str, str]] = (),
                           staged: str = IMPORT_OUTPUTS[2][1]) -> None:
        """RUN_ID, the row counts (``staged`` labels ROWS_STAGED) and STATUS of an import, and
        ``more`` numbers."""
        outputs = [(key, staged if key == "ROWS_STAGED" else label) for key, label in IMPORT_OUTPUTS]
        self.add_number_outputs((*outputs, *more))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    @staticmethod
    def import_results(summary: Any, status: str | None = None) -> dict:
        """The outputs of add_import_outputs from a core import summary (None: nothing read)."""
        if summary is None:
            return {"RUN_ID": None, "ROWS_READ": 0, "ROWS_STAGED": 0, "ROWS_REJECTED": 0,
                    "STATUS": status}
        return {"RUN_ID": summary.run_id, "ROWS_READ": summary.rows_read,
                "ROWS_STAGED": summary.rows_staged, "ROWS_REJECTED": summary.rows_rejected,
                "STATUS": status or summary.status}

    # --- reading the parameters at the edge ----------------------------------------------------
    def database(self, parameters: dict, context: QgsProcessingContext) -> str:
        """The province database; it becomes the profile's current one. Checked again here:
        a model's steps and scripts may not have run checkParameterValues."""
        path = self.parameterAsFile(parameters, self.DATABASE, context)
        problem = self.database_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        if path and os.path.isfile(path):
            remember(database=path)
        return path

    def data_year(self, parameters: dict, context: QgsProcessingContext,
                  key: str | None = None) -> int | None:
        """The data year as a Common-Era int, converted once here; None when an optional year
        is left empty (or 0). An impossible year stops the run with the reason."""
        key = key or self.DATA_YEAR
        if parameters.get(key) in (None, "") and \
                self.parameterDefinition(key).defaultValue() in (None, ""):
            return None
        value = self.parameterAsInt(parameters, key, context)
        if not value:
            return None
        try:
            year = thai_calendar.data_year(value)
        except CoreError as error:
            raise QgsProcessingException(translated(error)) from None
        remember(year=year)
        return year

    def encoding(self, parameters: dict, context: QgsProcessingContext) -> str:
        return readers.ENCODINGS[self.parameterAsEnum(parameters, "ENCODING", context)]

    def optional_file(self, parameters: dict, key: str, context: QgsProcessingContext) -> str | None:
        return self.parameterAsFile(parameters, key, context) or None

    # --- running the core ----------------------------------------------------------------------
    def run_core(self, work: Callable[[], T], canceled: str | None = None, where: str = "",
                 feedback: QgsProcessingFeedback | None = None) -> T:
        """``work()`` with the core's errors as QgsProcessingException, translated: a cancel says
        ``canceled`` (default: '<where> was left as it was'), a core error its own message.
        Given ``feedback``, the warnings of the work are listed again at the end of the log."""
        try:
            with core_feedback.collecting_warnings() as warnings:
                result = work()
            if feedback is not None and warnings:
                feedback.reportError(tr("Warnings:") + "".join(f"\n• {w}" for w in warnings), False)
            return result
        except Canceled:
            message = canceled or tr("Canceled: {} was left as it was.")
            raise QgsProcessingException(message.format(where)) from None
        except CoreError as error:
            raise QgsProcessingException(translated(error)) from None
        except sqlite3.Error as error:       # the core maps these; a last guard for the user
            raise QgsProcessingException(translated(database.unwritable(where, error))) from None

    # --- writing core rows to feature sinks ----------------------------------------------------
    def write_rows(self, parameters: dict, context: QgsProcessingContext, key: str,
                   spec: tuple[tuple[str, Any], ...], rows: Iterable[dict],
                   feedback: QgsProcessingFeedback,
                   geometry: Callable[[dict], QgsGeometry | None] | None = None,
                   wkb_type: Any = QgsWkbTypes.NoGeometry) -> str:
        """The rows (dicts by field name) as features of output ``key``, in EPSG:4326; returns
        the destination. ``geometry(row)`` makes each row's geometry (None: none). Into a file a
        spreadsheet opens (.csv, .xlsx, .ods), text values are neutralised (core/spreadsheet.py);
        a GeoPackage or a memory layer keeps them as they are."""
        fields = QgsFields()
        for name, kind in spec:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb_type,
                                          QgsCoordinateReferenceSystem(WGS84))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        # Only text fields: a number stays a number.
        texts = {name for name, kind in spec if kind == QVariant.String} \
            if spreadsheet.opens_in_spreadsheet(dest) else set()
        for row in rows:
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled: the outputs are incomplete."))
            feature = QgsFeature(fields)
            feature.setAttributes([spreadsheet.neutralise(row.get(name)) if name in texts
                                   else row.get(name) for name, _ in spec])
            shape = geometry(row) if geometry else None
            if shape is not None:
                feature.setGeometry(shape)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    # --- the sub-district boundaries of any source ---------------------------------------------
    def add_boundary_parameters(self) -> None:
        """PROVINCE, BOUNDARIES (sub-district polygons of any source) and their field names."""
        self.addParameter(QgsProcessingParameterString(
            "PROVINCE", self.tr("Province (2-digit DOPA code, e.g. 50 = Chiang Mai)"),
            defaultValue="50"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "BOUNDARIES", self.tr("Sub-district boundaries (polygons)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        for key, label, default, required in BOUNDARY_FIELDS:
            # Optional even when needed: QGIS 3.22 rejects a missing field parameter instead of
            # using its default, which would force batch users to repeat the defaults.
            param = QgsProcessingParameterField(key, self.tr(label), defaultValue=default,
                                                parentLayerParameterName="BOUNDARIES", optional=True)
            if not required:
                param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)

    def province(self, parameters: dict, context: QgsProcessingContext) -> str:
        raw = self.parameterAsString(parameters, "PROVINCE", context)
        code = admin.normalise_code(raw, 2)
        if code is None:
            raise QgsProcessingException(self.tr(
                "Province '{}' is not a 2-digit DOPA code. Use e.g. 50 for Chiang Mai, 57 for "
                "Chiang Rai, 56 for Phayao.").format(raw))
        return code

    def read_boundaries(self, parameters: dict, context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback,
                        province: str) -> list[tuple[Subdistrict, QgsGeometry]]:
        """[(Subdistrict without polygons, multipolygon in EPSG:4326)] of one province, by code."""
        source = self.parameterAsSource(parameters, "BOUNDARIES", context)
        if source is None:
            raise QgsProcessingException(self.tr("The boundary layer could not be opened."))
        fields = {key: self.parameterAsString(parameters, key, context) or
                  (default if required else None) for key, _, default, required in BOUNDARY_FIELDS}
        for key, name in fields.items():
            if name and source.fields().indexOf(name) < 0:
                raise QgsProcessingException(self.tr(
                    "Field '{}' ({}) is not in the boundary layer; its fields are: {}").format(
                        name, key, ", ".join(source.fields().names())))
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84),
                                           context.transformContext())
        seen_provinces, units = {}, []
        total = source.featureCount() or 1
        for n, feature in enumerate(source.getFeatures()):
            check_canceled(feedback)
            value = feature[fields["CODE_FIELD"]]
            code = admin.normalise_code(value, 6)
            if code is None:
                raise QgsProcessingException(self.tr(
                    "Boundary feature {} has sub-district code '{}' in field '{}': a 6-digit DOPA "
                    "code is expected.").format(feature.id(), value, fields["CODE_FIELD"]))

            def text(key, feature=feature):
                name = fields[key]
                value = feature[name] if name else None
                return None if value is None or str(value) == "NULL" else str(value)

            seen_provinces.setdefault(code[:2], text("PROVINCE_NAME_FIELD"))
            if code[:2] != province:
                continue
            geometry = feature.geometry()
            if geometry.isEmpty():
                raise QgsProcessingException(self.tr(
                    "Sub-district {} has no geometry in the boundary layer.").format(code))
            geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            units.append((Subdistrict(
                code=code, name_th=text("NAME_FIELD"), name_en=text("NAME_EN_FIELD"),
                district_code=code[:4], district_name_th=text("DISTRICT_NAME_FIELD"),
                district_name_en=text("DISTRICT_NAME_EN_FIELD"), province_code=province,
                province_name_th=text("PROVINCE_NAME_FIELD"),
                province_name_en=text("PROVINCE_NAME_EN_FIELD")), _multipolygon(geometry)))
            feedback.setProgress(100 * n / total)
        if not units:
            raise QgsProcessingException(admin.province_not_found_message(
                province, seen_provinces, {c: n for c, n in seen_provinces.items() if n}))
        codes = [u.code for u, _ in units]
        if len(set(codes)) != len(codes):
            duplicated = sorted({c for c in codes if codes.count(c) > 1})
            raise QgsProcessingException(self.tr(
                "Sub-district codes appear more than once in the boundary layer: {}. Dissolve or "
                "fix them first.").format(", ".join(duplicated[:10])))
        return sorted(units, key=lambda u: u[0].code)


# --- geometries of core rows ---------------------------------------------------------------------

def point_xy(row: dict) -> QgsGeometry | None:
    """The row's point from its ``x`` and ``y``."""
    if row.get("x") is None or row.get("y") is None:
        return None
    return QgsGeometry.fromPointXY(QgsPointXY(row["x"], row["y"]))


def line_xy(row: dict) -> QgsGeometry | None:
    """The row's line from ``x1, y1`` to ``x2, y2``."""
    if None in (row.get("x1"), row.get("y1"), row.get("x2"), row.get("y2")):
        return None
    return QgsGeometry.fromPolylineXY([QgsPointXY(row["x1"], row["y1"]),
                                       QgsPointXY(row["x2"], row["y2"])])


def multipolygon(row: dict) -> QgsGeometry | None:
    """The row's (multi)polygon from its ``wkb``, as a multipolygon."""
    if not row.get("wkb"):
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(row["wkb"])
    geometry.convertToMultiType()
    return geometry


def polygon_rings(geometry: QgsGeometry) -> list:
    """A multipolygon as [[outer ring, holes...], ...] of (lon, lat) tuples, for core code."""
    return [[[(p.x(), p.y()) for p in ring] for ring in polygon]
            for polygon in geometry.asMultiPolygon()]


def _multipolygon(geometry: QgsGeometry) -> QgsGeometry:
    """Keep only the polygon parts (makeValid can add stray lines) as one multipolygon."""
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
        parts = [g for g in geometry.asGeometryCollection()
                 if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.PolygonGeometry]
        geometry = QgsGeometry.collectGeometry(parts) if parts else geometry
    geometry.convertToMultiType()
    return geometry
