"""The province project's attribute tables and forms: field aliases in Thai and English, value
maps for classes and codes, shares shown as percentages, date pickers, and the relations (a case
and its route, an organisation and its members and activities), so the attribute table, Identify
and the feature form read like the docks (docs/project.md).
"""
from __future__ import annotations

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsField,
    QgsProject,
    QgsRelation,
    QgsRelationContext,
    QgsValueMapFieldFormatter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..core.cases.case_records import CASE_PICKLISTS, htcds
from ..core.database import reading
from ..core.errors import CoreError
from ..core.network.directory import load_catalogue

# Column -> "Thai / English", the label the attribute table, Identify and the form show.
ALIASES = {
    "fid": "ลำดับแถว / Row id",
    "code": "รหัส / Code",
    "name_th": "ชื่อ (ไทย) / Name (Thai)",
    "name_en": "ชื่อ (อังกฤษ) / Name (English)",
    "name": "ชื่อ / Name",
    "moo": "หมู่ที่ / Village no. (moo)",
    "village_code": "รหัสหมู่บ้าน / Village code",
    "subdistrict_code": "รหัสตำบล / Sub-district code",
    "district_code": "รหัสอำเภอ / District code",
    "province_code": "รหัสจังหวัด / Province code",
    "area_km2": "พื้นที่ (ตร.กม.) / Area (km²)",
    "location_source": "ที่มาของตำแหน่ง / Location source",
    "km_to_risky_place": "ระยะถึงสถานที่เสี่ยง (กม.) / km to a risky place",
    "km_to_border_crossing": "ระยะถึงจุดผ่านแดน (กม.) / km to a border crossing",
    "data_year": "ปีข้อมูล (ค.ศ.) / Data year (C.E.)",
    "persons": "จำนวนคน / Persons",
    "persons_scored": "ประเมินแล้ว (คน) / Persons scored",
    "persons_unscored": "ข้อมูลไม่พอ (คน) / Not enough data (persons)",
    "persons_unlinked": "ระเบียนไม่มีเลขประจำตัว / Records without an ID",
    "persons_high": "เสี่ยงสูง (คน) / High risk (persons)",
    "persons_medium": "เสี่ยงปานกลาง (คน) / Medium risk (persons)",
    "persons_low": "เสี่ยงต่ำ (คน) / Low risk (persons)",
    "persons_at_risk": "จำนวนคนเสี่ยงที่คาด / Expected persons at risk",
    "mean_index": "ดัชนีเฉลี่ย / Mean index",
    "mean_coverage": "ตัวชี้วัดที่มีข้อมูลเฉลี่ย / Mean indicators observed",
    "af_a": "ความเข้มข้น A (Alkire-Foster) / Intensity A",
    "af_m0": "ดัชนี M0 (Alkire-Foster) / Adjusted headcount M0",
    "risk_class": "ระดับความเสี่ยง / Risk class",
    "rank_low": "อันดับดีสุด / Best rank",
    "rank_high": "อันดับแย่สุด / Worst rank",
    "robust": "ระดับมั่นคง / Class robust",
    "drivers": "ตัวชี้วัดหลัก / Drivers",
    "method": "วิธีคำนวณ / Method",
    "catalogue_version": "รุ่นบัญชีตัวชี้วัด / Catalogue version",
    "previous_year": "ปีก่อนหน้า (ค.ศ.) / Earlier year (C.E.)",
    "previous_class": "ระดับปีก่อนหน้า / Earlier class",
    "class_change": "การเปลี่ยนแปลง / Change",
    "share_high_change": "สัดส่วนเสี่ยงสูงเปลี่ยน (จุด %) / High-risk share change (points)",
    "mean_index_change": "ดัชนีเฉลี่ยเปลี่ยน / Mean index change",
    "type": "ประเภท / Type",
    "licence_status": "ใบอนุญาต / Licence",
    "workers": "คนงาน / Workers",
    "minors_observed": "คนงานอายุต่ำกว่า 18 / Workers under 18",
    "foreign_workers": "คนงานต่างชาติ / Foreign workers",
    "complaints": "เรื่องร้องเรียน / Complaints",
    "inspections": "การตรวจ / Inspections",
    "rescues": "การช่วยเหลือ / Rescues",
    "case_refs": "คดีที่เกี่ยวข้อง / Linked cases",
    "survey_date": "วันที่สำรวจ / Survey date",
    "owner_survey": "แบบสำรวจเจ้าของ / Owner survey",
    "customer_survey": "แบบสำรวจลูกค้า / Customer survey",
    "coordinate_source": "ที่มาของพิกัด / Coordinates given as",
    "location_approximate": "ตำแหน่งโดยประมาณ / Approximate location",
    "risk_score": "คะแนนความเสี่ยง / Risk score",
    "risk_reasons": "เหตุผล / Reasons",
    "import_run_id": "การนำเข้า / Import run",
    "row_number": "แถวในแฟ้ม / Row in file",
    "phone": "โทรศัพท์ / Phone",
    "phone_e164": "โทรศัพท์ (สากล) / Phone (E.164)",
    "email": "อีเมล / Email",
    "line_id": "ไลน์ไอดี / LINE ID",
    "address": "ที่อยู่ / Address",
    "areas": "พื้นที่รับผิดชอบ / Areas",
    "mandate": "ภารกิจ / Mandate",
    "specialisations": "ความเชี่ยวชาญ / Specialisations",
    "limitations": "ข้อจำกัด / Limitations",
    "languages": "ภาษา / Languages",
    "organization_id": "หน่วยงาน / Organisation",
    "role": "บทบาท / Role",
    "availability": "ติดต่อได้เมื่อ / Availability",
    "case_key": "รหัสแฝงของคดี / Case pseudonym",
    "export_id": "รหัสส่งออก / Export id",
    "age_trafficked": "อายุเมื่อถูกค้ามนุษย์ / Age when trafficked",
    "gender": "เพศ / Gender",
    "citizenship": "สัญชาติ / Citizenship",
    "legal_status": "สถานะทางกฎหมาย / Legal status",
    "ethnicity": "ชาติพันธุ์ / Ethnicity",
    "education": "การศึกษาสูงสุด / Highest education",
    "trafficking_status": "สถานะการค้ามนุษย์ / Trafficking status",
    "relationship_to_trafficker": "ความสัมพันธ์กับผู้ค้า / Relationship to trafficker",
    "recruitment_method": "วิธีชักชวน / Recruitment method",
    "recruitment_websites": "เว็บไซต์ที่ใช้ชักชวน / Recruitment websites",
    "means_of_control": "วิธีควบคุม / Means of control",
    "exploitation_type": "รูปแบบการแสวงประโยชน์ / Type of exploitation",
    "forced_labour_industry": "อุตสาหกรรมแรงงานบังคับ / Forced-labour industry",
    "sex_exploitation_type": "รูปแบบการแสวงประโยชน์ทางเพศ / Sexual exploitation",
    "exploitation_websites": "เว็บไซต์ที่ใช้แสวงประโยชน์ / Exploitation websites",
    "vulnerabilities": "ความเปราะบาง / Vulnerabilities",
    "status": "สถานะคดี / Case status",
    "closure_reason": "เหตุผลปิดคดี / Reason for closure",
    "referring_organization_id": "ส่งต่อมาจาก / Referred by",
    "incoming_referral_date": "วันที่รับส่งต่อ / Date referred in",
    "referred_organization_id": "ส่งต่อไปยัง / Referred to",
    "outgoing_referral_date": "วันที่ส่งต่อ / Date referred out",
    "story": "เรื่องราว / Story",
    "tags": "แท็ก / Tags",
    "recorded_at": "วันที่บันทึก / Recorded at",
    "case_id": "คดี / Case",
    "sequence": "ลำดับ / Step no.",
    "event_type": "ขั้นตอน / Step",
    "event_date": "วันที่ / Date",
    "place_name": "สถานที่ / Place",
    "country": "ประเทศ / Country",
    "description": "รายละเอียด / Description",
    "activity_date": "วันที่จัดกิจกรรม / Date held",
    "kind": "ชนิด / Kind",
    "topic": "หัวข้อ / Topic",
    "organization_name": "หน่วยงานตามแฟ้ม / Organisation as named",
    "participants": "ผู้เข้าร่วม / Participants",
    "note": "หมายเหตุ / Note",
    "level": "ระดับพื้นที่ / Area level",
    "dimension": "มิติ / Dimension",
    "age_band": "ช่วงอายุ / Age band",
    "sex": "เพศ / Sex",
    "home_town": "ภูมิลำเนา / Home town",
    "home_town_name": "ชื่อภูมิลำเนา / Home town name",
    "unit": "หน่วยนับ / Unit",
    "fields": "เขตข้อมูลที่ใช้ / Fields read",
    "rule_3": "เกณฑ์คะแนน 3 / Rule for 3",
    "rule_2": "เกณฑ์คะแนน 2 / Rule for 2",
    "rule_1": "เกณฑ์คะแนน 1 / Rule for 1",
    "weight": "น้ำหนัก / Weight",
    "enabled": "ใช้งาน / Enabled",
    "rationale": "เหตุผล / Rationale",
    "source": "แหล่งอ้างอิง / Source",
    "base_score": "คะแนนตั้งต้น / Base score",
    "condition": "เงื่อนไข / Condition",
    "points": "คะแนน / Points",
    "reason_en": "เหตุผล (อังกฤษ) / Reason (English)",
    "reason_th": "เหตุผล (ไทย) / Reason (Thai)",
}
# Where a column means something else in one table.
TABLE_ALIASES = {
    ("indicator", "dimension"): "มิติของตัวชี้วัด / Indicator dimension",
    ("indicator", "kind"): "ชนิดตัวชี้วัด / Indicator kind",
    ("activity", "kind"): "ชนิดกิจกรรม / Activity kind",
    ("risk_breakdown", "code"): "รหัสพื้นที่ / Area code",
}

# Shares stored as 0-1 (shown in an added field as %): column -> "Thai / English" of the %.
SHARES = {
    "share_high": "เสี่ยงสูง (%) / High risk (%)",
    "share_medium": "เสี่ยงปานกลาง (%) / Medium risk (%)",
    "share_low": "เสี่ยงต่ำ (%) / Low risk (%)",
    "previous_share_high": "เสี่ยงสูงปีก่อนหน้า (%) / High risk earlier year (%)",
    "p_high": "โอกาสเป็นระดับสูง (%) / Runs classed high (%)",
    "af_h": "สัดส่วนผู้ขาดแคลน H (%) / Headcount H (%)",
}
PERCENT_SUFFIX = "_pct"

# Closed lists: column -> ((value, Thai, English), ...); (table, column) where a table differs.
CLASSES = (("high", "สูง", "High"), ("medium", "ปานกลาง", "Medium"), ("low", "ต่ำ", "Low"),
           ("not_enough_data", "ข้อมูลไม่พอ", "Not enough data"))
NOT_SCORED = ("ไม่ได้ประเมิน", "Not scored")   # an area's class when nobody there was scored
VALUE_MAPS = {
    "risk_class": CLASSES,
    "previous_class": CLASSES,
    "class_change": (("worse", "แย่ลง", "Worse"), ("better", "ดีขึ้น", "Better"),
                     ("same", "เท่าเดิม", "Same"), ("new", "ใหม่", "New")),
    "sex": (("female", "หญิง", "Female"), ("male", "ชาย", "Male"), ("unknown", "ไม่ระบุ", "Unknown")),
    "method": (("mean", "ค่าเฉลี่ย", "Mean"), ("alkire_foster", "อัลคิร์-ฟอสเตอร์", "Alkire-Foster"),
               ("percentile", "เปอร์เซ็นไทล์", "Percentile")),
    "level": (("province", "จังหวัด", "Province"), ("district", "อำเภอ", "District"),
              ("subdistrict", "ตำบล", "Sub-district")),
    "licence_status": (("licensed", "มีใบอนุญาต", "Licensed"), ("unlicensed", "ไม่มีใบอนุญาต", "Unlicensed"),
                       ("expired", "หมดอายุ", "Expired"), ("unknown", "ไม่ทราบ", "Unknown")),
    "coordinate_source": (("decimal_degrees", "องศาทศนิยม", "Decimal degrees"),
                          ("dms", "องศา ลิปดา ฟิลิปดา", "Degrees, minutes, seconds"),
                          ("utm47n", "UTM 47N", "UTM 47N"), ("utm48n", "UTM 48N", "UTM 48N"),
                          ("village", "ที่ตั้งหมู่บ้าน", "At its village")),
    "event_type": (("recruitment", "การชักชวน", "Recruitment"), ("transit", "การเดินทาง", "Transit"),
                   ("exploitation", "การแสวงประโยชน์", "Exploitation"),
                   ("rescue", "การช่วยเหลือ", "Rescue")),
    "legal_status": (("thai_citizen", "คนสัญชาติไทย", "Thai citizen"),
                     ("registered_non_citizen", "ผู้ไม่มีสัญชาติที่มีทะเบียน", "Registered non-citizen"),
                     ("no_status", "ไม่มีสถานะ", "No status"),
                     ("registered_migrant", "แรงงานข้ามชาติที่จดทะเบียน", "Registered migrant"),
                     ("irregular_migrant", "แรงงานข้ามชาติไม่จดทะเบียน", "Irregular migrant")),
    ("activity", "kind"): (("training", "อบรม", "Training"), ("awareness", "รณรงค์", "Awareness"),
                           ("school_talk", "ให้ความรู้ในโรงเรียน", "School talk"),
                           ("community_meeting", "ประชุมชุมชน", "Community meeting"),
                           ("home_visit", "เยี่ยมบ้าน", "Home visit"),
                           ("vocational_training", "ฝึกอาชีพ", "Vocational training"),
                           ("outreach", "ลงพื้นที่", "Outreach")),
    ("indicator", "unit"): (("person", "บุคคล", "Person"), ("household", "ครัวเรือน", "Household"),
                            ("community", "ชุมชน", "Community")),
    ("indicator", "kind"): (("condition", "เงื่อนไข (คะแนน 1-3)", "Condition (scored 1-3)"),
                            ("flag", "เหตุการณ์ (เพิ่มความเสี่ยง)", "Flag (adds risk)")),
    ("risk_breakdown", "dimension"): (("age_band_sex", "อายุ x เพศ", "Age x sex"),
                                      ("home_town", "ภูมิลำเนา", "Home town")),
}
DATE_FORMAT, DATETIME_FORMAT = "yyyy-MM-dd", "yyyy-MM-dd HH:mm"

# Relations: (id, name, parent table, child table, the child's column holding the parent's fid).
# A parent's form lists its children's relations in the order of their ids: members first.
RELATIONS = (
    ("case_events", "เส้นทางของคดี / Case route", "case", "case_event", "case_id"),
    ("organization_members", "สมาชิกของหน่วยงาน / Members", "organization", "network_member",
     "organization_id"),
    ("organization_programme_activities", "กิจกรรมของหน่วยงาน / Activities", "organization",
     "activity", "organization_id"),
)
# What a feature is called in relation widgets and Identify (never a key or a story).
DISPLAY = {"organization": '"name"', "case": "'คดี / Case ' || \"fid\"",
           "network_member": '"name"', "establishment": '"name"'}


def bilingual(thai: str, english: str) -> str:
    return thai if thai == english else f"{thai} / {english}"


def value_map(entries: list[tuple[str, str, str]], null_label: tuple[str, str] | None = None
              ) -> QgsEditorWidgetSetup:
    """A ValueMap widget: each value shown as "Thai / English"; ``null_label`` names NULL."""
    items = [{bilingual(th, en): value} for value, th, en in entries]
    if null_label:
        items.append({bilingual(*null_label): QgsValueMapFieldFormatter.NULL_VALUE})
    return QgsEditorWidgetSetup("ValueMap", {"map": items})


def database_value_maps(database: str) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """Lists the project reads from shipped data and the database: organisation types, HTCDS
    picklists of the case (single choice), establishment types (users may add some)."""
    maps = {("organization", "type"): [(t["code"], t["name_th"], t["name_en"])
                                       for t in load_catalogue().types]}
    fields = htcds()["fields"]
    for column, (field, multiple) in CASE_PICKLISTS.items():
        if not multiple:
            maps[("case", column)] = [(v["name"], v["th"], v["en"]) for v in fields[field]["values"]]
    try:
        with reading(database) as conn:
            rows = conn.execute("SELECT code, coalesce(name_th, code), coalesce(name_en, code) "
                                "FROM establishment_type ORDER BY code").fetchall()
    except CoreError:   # a database without the table: the codes show as they are
        rows = []
    maps[("establishment", "type")] = rows
    return maps


def configure_layer(layer: QgsVectorLayer, table: str,
                    extra_maps: dict[tuple[str, str], list[tuple[str, str, str]]] | None = None
                    ) -> None:
    """Aliases, widgets and the % fields of one of the project's layers of ``table``."""
    extra_maps = extra_maps or {}
    fields = layer.fields()
    for index, field in enumerate(fields):
        name = field.name()
        alias = TABLE_ALIASES.get((table, name)) or ALIASES.get(name)
        if alias:
            layer.setFieldAlias(index, alias)
        entries = (extra_maps.get((table, name)) or VALUE_MAPS.get((table, name))
                   or VALUE_MAPS.get(name))
        if entries:
            null = NOT_SCORED if name in ("risk_class", "previous_class") else None
            layer.setEditorWidgetSetup(index, value_map(list(entries), null))
        elif field.type() in (QVariant.Date, QVariant.DateTime):
            layer.setEditorWidgetSetup(index, date_widget(field))
    _add_percent_fields(layer)
    display = DISPLAY.get(table)
    if display:
        layer.setDisplayExpression(display)


def date_widget(field: QgsField) -> QgsEditorWidgetSetup:
    """A calendar that stores what the column holds (a date, or a date and time)."""
    text = DATE_FORMAT if field.type() == QVariant.Date else DATETIME_FORMAT
    return QgsEditorWidgetSetup("DateTime", {"field_format": text, "display_format": text,
                                             "calendar_popup": True, "allow_null": True,
                                             "field_iso_format": False})


def _add_percent_fields(layer):
    """Each 0-1 share gets a read-only field beside it with its percentage (one decimal); the
    0-1 column stays for expressions and filters but leaves the table, Identify and the form."""
    shares = [f.name() for f in layer.fields() if f.name() in SHARES]
    for name in shares:
        percent = QgsField(name + PERCENT_SUFFIX, QVariant.Double, "double", 0, 1)
        index = layer.addExpressionField(f'round(100 * "{name}", 1)', percent)
        layer.setFieldAlias(index, SHARES[name])
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(
            "Range", {"Precision": 1, "Suffix": " %", "Style": "SpinBox", "AllowNull": True,
                      "Min": 0.0, "Max": 100.0, "Step": 0.1}))
        share = layer.fields().indexOf(name)
        layer.setFieldAlias(share, SHARES[name].replace("(%)", "(0-1)"))
        layer.setEditorWidgetSetup(share, QgsEditorWidgetSetup("Hidden", {}))
    if not shares:
        return
    # The attribute table: each % where its share was, the shares hidden.
    config = layer.attributeTableConfig()
    config.update(layer.fields())
    columns = [c for c in config.columns() if not c.name.endswith(PERCENT_SUFFIX)]
    moved = {c.name: c for c in config.columns() if c.name.endswith(PERCENT_SUFFIX)}
    ordered = []
    for column in columns:
        column.hidden = column.hidden or column.name in SHARES
        ordered.append(column)
        if column.name in SHARES:
            ordered.append(moved[column.name + PERCENT_SUFFIX])
    config.setColumns(ordered)
    config.setActionWidgetVisible(False)
    layer.setAttributeTableConfig(config)


def add_relations(project: QgsProject, layers: dict[str, QgsVectorLayer]) -> list[QgsRelation]:
    """The parent-child relations among ``layers`` ({table: layer}); the child's key column
    becomes a drop-down of the parents, and the parent's form lists its children."""
    made = []
    for relation_id, name, parent, child, column in RELATIONS:
        if parent not in layers or child not in layers:
            continue
        relation = QgsRelation(QgsRelationContext(project))   # finds the layers in ``project``
        relation.setId(relation_id)
        relation.setName(name)
        relation.setReferencedLayer(layers[parent].id())
        relation.setReferencingLayer(layers[child].id())
        relation.addFieldPair(column, "fid")
        if not relation.isValid():
            continue
        project.relationManager().addRelation(relation)
        index = layers[child].fields().indexOf(column)
        layers[child].setEditorWidgetSetup(index, QgsEditorWidgetSetup("RelationReference", {
            "Relation": relation_id, "AllowNULL": True, "ShowForm": False,
            "ShowOpenFormButton": True, "OrderByValue": True, "MapIdentification": False,
            "ReadOnly": False, "AllowAddFeatures": False}))
        made.append(relation)
    # A case names the organisations that referred it in and out.
    if "case" in layers and "organization" in layers:
        organizations = layers["organization"]
        for column in ("referring_organization_id", "referred_organization_id"):
            index = layers["case"].fields().indexOf(column)
            layers["case"].setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueRelation", {
                "Layer": organizations.id(), "LayerName": organizations.name(),
                "LayerSource": organizations.source(), "LayerProviderName": "ogr",
                "Key": "fid", "Value": "name", "AllowNull": True, "OrderByValue": True,
                "AllowMulti": False, "UseCompleter": False}))
    return made

