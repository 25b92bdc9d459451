"""Small input widgets of the lessons-learned dock, each with ``value()`` / ``set_value()``:
values are what the case tables store (HTCDS value names, space separated for multi-select)."""
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem

from ..core import cases


def tr(text):
    return QCoreApplication.translate("CaseDock", text)


def language():
    """'th' when QGIS runs in Thai, else 'en' (picklist labels follow it)."""
    locale = str(QgsSettings().value("locale/userLocale", "") or "")
    return "th" if locale.lower().startswith("th") else "en"


# Thai beside the English of the form's labels (the HTCDS fields' Thai labels are in htcds.yaml):
# staff read Thai, GIS specialists and partners English, so the form shows both.
THAI = {
    "Victim": "ผู้เสียหาย", "Recruitment and exploitation": "การชักชวนและการแสวงประโยชน์",
    "Perpetrators": "ผู้กระทำผิด", "Route": "เส้นทาง", "Support": "การช่วยเหลือ",
    "Case and story": "คดีและเรื่องราว",
    "Victim's ID (optional)": "เลขประจำตัวผู้เสียหาย (ไม่บังคับ)", "Case key (pseudonym)": "รหัสแฝงของคดี",
    "Age when trafficked": "อายุเมื่อถูกค้ามนุษย์", "Gender": "เพศ",
    "Citizenship (ISO codes, e.g. TH MM)": "สัญชาติ (รหัส ISO เช่น TH MM)",
    "Legal status": "สถานะทางกฎหมาย", "Ethnicity": "ชาติพันธุ์", "Education": "การศึกษาสูงสุด",
    "Trafficking status": "สถานะผู้เสียหาย", "Vulnerabilities": "ความเปราะบาง",
    "Recruitment method": "วิธีการชักชวน", "Recruitment websites and apps": "เว็บไซต์และแอปที่ใช้ชักชวน",
    "Relationship to trafficker": "ความสัมพันธ์กับผู้ค้ามนุษย์", "Means of control": "วิธีการควบคุม",
    "Type of exploitation": "รูปแบบการแสวงประโยชน์",
    "Forced-labour industry (ISIC)": "อุตสาหกรรมที่ใช้แรงงานบังคับ (ISIC)",
    "Sexual-exploitation type": "รูปแบบการแสวงประโยชน์ทางเพศ",
    "Exploitation websites and apps": "เว็บไซต์และแอปที่ใช้แสวงประโยชน์",
    "Roles": "บทบาท", "Relationship": "ความสัมพันธ์", "Sex": "เพศ",
    "Nationality (ISO code)": "สัญชาติ (รหัส ISO)",
    "Role details (no names)": "รายละเอียดบทบาท (ห้ามระบุชื่อ)",
    "Step": "ขั้นตอน", "Date (B.E. or C.E.)": "วันที่ (พ.ศ. หรือ ค.ศ.)", "Village code": "รหัสหมู่บ้าน",
    "Country (abroad, ISO code)": "ประเทศ (ต่างประเทศ รหัส ISO)",
    "Place name (abroad)": "ชื่อสถานที่ (ต่างประเทศ)", "Longitude": "ลองจิจูด", "Latitude": "ละติจูด",
    "What happened (no names)": "เกิดอะไรขึ้น (ห้ามระบุชื่อ)",
    "Organisation": "หน่วยงาน", "Objectives": "วัตถุประสงค์", "Action plan": "แผนปฏิบัติ",
    "Planned end date": "วันสิ้นสุดตามแผน", "Actual end date": "วันสิ้นสุดจริง",
    "Case status": "สถานะคดี", "Reason for closure": "เหตุผลที่ปิดคดี",
    "Referred by": "ส่งต่อมาจาก",
    "Date referred in": "วันที่รับการส่งต่อ", "Referred to": "ส่งต่อไปยัง",
    "Date referred out": "วันที่ส่งต่อ",
    "How the person was tricked (no names)": "ถูกหลอกอย่างไร (ห้ามระบุชื่อ)",
    "Tags (space separated)": "แท็ก (คั่นด้วยช่องว่าง)",
    "Status": "สถานะ", "Exploitation": "การแสวงประโยชน์", "Year recorded": "ปีที่บันทึก",
    "Thai citizen": "มีสัญชาติไทย", "Registered non-citizen": "ผู้ไม่มีสัญชาติไทยที่มีทะเบียน",
    "No legal status": "ไม่มีสถานะทางทะเบียน", "Registered migrant": "แรงงานข้ามชาติที่ขึ้นทะเบียน",
    "Irregular migrant": "ผู้ย้ายถิ่นที่ไม่มีเอกสาร", "male": "ชาย", "female": "หญิง",
    "unknown": "ไม่ทราบ", "recruitment": "การชักชวน", "transit": "การเดินทางผ่าน",
    "exploitation": "การแสวงประโยชน์", "rescue": "การช่วยเหลือออกมา",
}


def bilingual(english, thai=None):
    """'English / ไทย' (Thai first when QGIS runs in Thai); the English part through tr()."""
    thai = thai or THAI.get(english)
    english = tr(english)
    if not thai or thai == english:
        return english
    return f"{thai} / {english}" if language() == "th" else f"{english} / {thai}"


def message_label():
    """A red inline message shown beside a field, hidden while empty (as the basemap dialog)."""
    label = QLabel()
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label


class TextField(QLineEdit):
    def value(self):
        return self.text().strip() or None

    def set_value(self, value):
        self.setText("" if value is None else str(value))


class ChoiceCombo(QComboBox):
    """One value from a list of (value, label); the first entry is blank (not known)."""

    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self.set_choices(choices)

    def set_choices(self, choices):
        current = self.value() if self.count() else None
        self.clear()
        self.addItem("", None)
        for value, label in choices:
            self.addItem(label, value)
        self.set_value(current)

    def value(self):
        return self.currentData()

    def set_value(self, value):
        index = self.findData(value) if value not in (None, "") else 0
        if index < 0:      # a stored value outside the list stays visible (and fails validation)
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)


def picklist_choices(field):
    """(value, 'English / ไทย' label) of an HTCDS picklist."""
    return [(v, bilingual(cases.value_label(field, v, "en"), cases.value_label(field, v, "th")))
            for v in cases.picklist(field)]


class PicklistCombo(ChoiceCombo):
    def __init__(self, field, parent=None):
        super().__init__(picklist_choices(field), parent)
        self.field = field
        self.setToolTip(field)


class MultiPicklist(QListWidget):
    """A multi-select picklist as checkable items; stored space separated."""

    def __init__(self, field, parent=None):
        super().__init__(parent)
        self.field = field
        self.setToolTip(field)
        for value, label in picklist_choices(field):
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(110)

    def _items(self):
        return [self.item(i) for i in range(self.count())]

    def value(self):
        chosen = [i.data(Qt.UserRole) for i in self._items() if i.checkState() == Qt.Checked]
        return " ".join(chosen) or None

    def set_value(self, value):
        wanted = set(cases.split_values(value))
        for item in self._items():
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)
        for extra in sorted(wanted - {i.data(Qt.UserRole) for i in self._items()}):
            item = QListWidgetItem(extra)        # kept so that validation can name it
            item.setData(Qt.UserRole, extra)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.addItem(item)
