<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
    <context>
        <name>CaseDock</name>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Case</source>
            <translation>คดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Status</source>
            <translation>สถานะ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Exploitation</source>
            <translation>การแสวงประโยชน์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Age</source>
            <translation>อายุ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Gender</source>
            <translation>เพศ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Recorded</source>
            <translation>วันที่บันทึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Add</source>
            <translation>เพิ่ม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Update selected</source>
            <translation>แก้ไขรายการที่เลือก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Remove selected</source>
            <translation>ลบรายการที่เลือก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Place</source>
            <translation>สถานที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Lessons learned (cases)</source>
            <translation>บทเรียน (คดี)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>No province database open.</source>
            <translation>ยังไม่ได้เปิดฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Open GeoPackage…</source>
            <translation>เปิด GeoPackage…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Province database</source>
            <translation>ฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>{} is not a province database with case tables.</source>
            <translation>{} ไม่ใช่ฐานข้อมูลจังหวัดที่มีตารางคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Search key, story, tags</source>
            <translation>ค้นหารหัส เรื่องราว แท็ก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Year (B.E. or C.E.)</source>
            <translation>ปี (พ.ศ. หรือ ค.ศ.)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Year recorded</source>
            <translation>ปีที่บันทึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Thai ID or G code: kept only in the identity file</source>
            <translation>เลขประจำตัวประชาชนหรือรหัส G: เก็บไว้ในแฟ้มข้อมูลระบุตัวตนเท่านั้น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Victim's ID (optional)</source>
            <translation>เลขประจำตัวผู้เสียหาย (ไม่บังคับ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Case key (pseudonym)</source>
            <translation>รหัสแฝงของคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Victim</source>
            <translation>ผู้เสียหาย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Recruitment and exploitation</source>
            <translation>การชักชวนและการแสวงประโยชน์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Roles</source>
            <translation>บทบาท</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Relationship</source>
            <translation>ความสัมพันธ์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Sex</source>
            <translation>เพศ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Nationality (ISO code)</source>
            <translation>สัญชาติ (รหัส ISO)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Role details (no names)</source>
            <translation>รายละเอียดบทบาท (ห้ามระบุชื่อ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Perpetrators</source>
            <translation>ผู้กระทำผิด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Step</source>
            <translation>ขั้นตอน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>recruitment</source>
            <translation>การชักชวน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>transit</source>
            <translation>การเดินทางผ่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>exploitation</source>
            <translation>การแสวงประโยชน์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>rescue</source>
            <translation>การช่วยเหลือออกมา</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Date</source>
            <translation>วันที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Village</source>
            <translation>หมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Country (abroad, ISO code)</source>
            <translation>ประเทศ (ต่างประเทศ รหัส ISO)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Place name (abroad)</source>
            <translation>ชื่อสถานที่ (ต่างประเทศ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Longitude</source>
            <translation>ลองจิจูด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Latitude</source>
            <translation>ละติจูด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>What happened (no names)</source>
            <translation>เกิดอะไรขึ้น (ห้ามระบุชื่อ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Pick the place on the map</source>
            <translation>เลือกสถานที่บนแผนที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Route</source>
            <translation>เส้นทาง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Support</source>
            <translation>การช่วยเหลือ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Organisation</source>
            <translation>หน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Objectives</source>
            <translation>วัตถุประสงค์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Action plan</source>
            <translation>แผนปฏิบัติ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Planned end date</source>
            <translation>วันสิ้นสุดตามแผน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Actual end date</source>
            <translation>วันสิ้นสุดจริง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Case and story</source>
            <translation>คดีและเรื่องราว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>New case</source>
            <translation>คดีใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Apply</source>
            <translation>นำไปใช้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Undo</source>
            <translation>เลิกทำ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Save</source>
            <translation>บันทึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Delete case</source>
            <translation>ลบคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Discard edits</source>
            <translation>ยกเลิกการแก้ไข</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Export HTCDS…</source>
            <translation>ส่งออก HTCDS…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>t.</source>
            <translation>ต.</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>(made when saved)</source>
            <translation>(สร้างเมื่อบันทึก)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>{tab}, row {row}, {field}: {message}</source>
            <translation>{tab} แถวที่ {row} {field}: {message}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Fix the fields marked in red.</source>
            <translation>โปรดแก้ไขช่องที่มีเครื่องหมายสีแดง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Applied to the edit buffer: Save writes it, Undo takes it back.</source>
            <translation>นำไปใช้ในบัฟเฟอร์การแก้ไขแล้ว: กด บันทึก เพื่อเขียนลงฐานข้อมูล หรือ เลิกทำ เพื่อยกเลิก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Last change undone.</source>
            <translation>เลิกทำการเปลี่ยนแปลงล่าสุดแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>The database refused the edits; nothing you typed is lost:</source>
            <translation>ฐานข้อมูลไม่รับการแก้ไข ข้อมูลที่พิมพ์ไว้ยังอยู่ครบ:</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Lessons learned</source>
            <translation>บทเรียน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Case saved.</source>
            <translation>บันทึกคดีแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Delete this case, its route, perpetrators and support plans? The audit log keeps a record.</source>
            <translation>ลบคดีนี้ รวมทั้งเส้นทาง ผู้กระทำผิด และแผนการช่วยเหลือหรือไม่? บันทึกการตรวจสอบ (audit log) จะเก็บประวัติไว้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Case deleted.</source>
            <translation>ลบคดีแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Export cases (HTCDS)</source>
            <translation>ส่งออกคดี (HTCDS)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_dock.py" />
            <source>Exported: {}</source>
            <translation>ส่งออกแล้ว: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_store.py" />
            <source>QGIS refused the case's values</source>
            <translation>QGIS ไม่รับค่าของคดีนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Age when trafficked</source>
            <translation>อายุเมื่อถูกค้ามนุษย์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Citizenship (ISO codes, e.g. TH MM)</source>
            <translation>สัญชาติ (รหัส ISO เช่น TH MM)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Legal status</source>
            <translation>สถานะทางกฎหมาย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Ethnicity</source>
            <translation>ชาติพันธุ์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Education</source>
            <translation>การศึกษาสูงสุด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Trafficking status</source>
            <translation>สถานะผู้เสียหาย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Vulnerabilities</source>
            <translation>ความเปราะบาง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Recruitment method</source>
            <translation>วิธีการชักชวน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Recruitment websites and apps</source>
            <translation>เว็บไซต์และแอปที่ใช้ชักชวน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Relationship to trafficker</source>
            <translation>ความสัมพันธ์กับผู้ค้ามนุษย์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Means of control</source>
            <translation>วิธีการควบคุม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Type of exploitation</source>
            <translation>รูปแบบการแสวงประโยชน์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Forced-labour industry (ISIC)</source>
            <translation>อุตสาหกรรมที่ใช้แรงงานบังคับ (ISIC)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Sexual-exploitation type</source>
            <translation>รูปแบบการแสวงประโยชน์ทางเพศ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Exploitation websites and apps</source>
            <translation>เว็บไซต์และแอปที่ใช้แสวงประโยชน์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Date (B.E. or C.E.)</source>
            <translation>วันที่ (พ.ศ. หรือ ค.ศ.)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Village code</source>
            <translation>รหัสหมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Case status</source>
            <translation>สถานะคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Reason for closure</source>
            <translation>เหตุผลที่ปิดคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Referred by</source>
            <translation>ส่งต่อมาจาก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Date referred in</source>
            <translation>วันที่รับการส่งต่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Referred to</source>
            <translation>ส่งต่อไปยัง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Date referred out</source>
            <translation>วันที่ส่งต่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>How the person was tricked (no names)</source>
            <translation>ถูกหลอกอย่างไร (ห้ามระบุชื่อ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Tags (space separated)</source>
            <translation>แท็ก (คั่นด้วยช่องว่าง)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Thai citizen</source>
            <translation>มีสัญชาติไทย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Registered non-citizen</source>
            <translation>ผู้ไม่มีสัญชาติไทยที่มีทะเบียน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>No legal status</source>
            <translation>ไม่มีสถานะทางทะเบียน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Registered migrant</source>
            <translation>แรงงานข้ามชาติที่ขึ้นทะเบียน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Irregular migrant</source>
            <translation>ผู้ย้ายถิ่นที่ไม่มีเอกสาร</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>male</source>
            <translation>ชาย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>female</source>
            <translation>หญิง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>unknown</source>
            <translation>ไม่ทราบ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>'{}' is not a number: write e.g. 98.9853</source>
            <translation>'{}' ไม่ใช่ตัวเลข: เขียนเช่น 98.9853</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>dd/mm/yyyy (B.E.)</source>
            <translation>วว/ดด/ปปปป (พ.ศ.)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Pick the date on a calendar</source>
            <translation>เลือกวันที่จากปฏิทิน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/case_widgets.py" />
            <source>Type a village code or name</source>
            <translation>พิมพ์รหัสหรือชื่อหมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/layer_edits.py" />
            <source>{} has no readable table {}: is it a province database?</source>
            <translation>{} ไม่มีตาราง {} ที่อ่านได้: เป็นฐานข้อมูลจังหวัดหรือไม่?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/layer_edits.py" />
            <source>{} cannot be edited (is the file read-only?)</source>
            <translation>แก้ไข {} ไม่ได้ (ไฟล์เป็นแบบอ่านอย่างเดียวหรือไม่?)</translation>
        </message>
        <message>
            <source>row</source>
            <translation type="obsolete">แถว</translation>
        </message>
    </context>
    <context>
        <name>GuidedStart</name>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>1. Create the province database…</source>
            <translation>1. สร้างฐานข้อมูลจังหวัด…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>From the sub-district boundaries (and village points) of your province.</source>
            <translation>จากขอบเขตตำบล (และจุดหมู่บ้าน) ของจังหวัดของท่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>2. Import the agency files…</source>
            <translation>2. นำเข้าไฟล์ข้อมูลของหน่วยงาน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>One file at a time, or several with Run as Batch Process…</source>
            <translation>ทีละไฟล์ หรือหลายไฟล์พร้อมกันด้วย Run as Batch Process…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>3. Crosswalk the agency codes…</source>
            <translation>3. เทียบรหัสของหน่วยงานกับมาตรฐาน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>Links persons across agencies and maps their codes to the standard.</source>
            <translation>เชื่อมโยงบุคคลระหว่างหน่วยงาน และเทียบรหัสของหน่วยงานกับมาตรฐาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>4. Score the risk index…</source>
            <translation>4. คำนวณดัชนีความเสี่ยง…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>Risk of every person, village, sub-district and district.</source>
            <translation>ความเสี่ยงของทุกบุคคล หมู่บ้าน ตำบล และอำเภอ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>Guided start</source>
            <translation>เริ่มต้นแบบมีคำแนะนำ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>The first steps of a province, in order. Each opens its dialog with the current database and data year.</source>
            <translation>ขั้นตอนแรกของจังหวัดตามลำดับ แต่ละขั้นตอนเปิดหน้าต่างของตนพร้อมฐานข้อมูลและปีข้อมูลปัจจุบัน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>Current database: {}; data year: {}</source>
            <translation>ฐานข้อมูลปัจจุบัน: {}; ปีข้อมูล: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/guided_start.py" />
            <source>none yet</source>
            <translation>ยังไม่มี</translation>
        </message>
    </context>
    <context>
        <name>TraffickingAlgorithm</name>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Routes: arrows by cases, abroad or within Thailand</source>
            <translation>เส้นทาง: ลูกศรตามจำนวนคดี ไปต่างประเทศหรือภายในประเทศไทย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Transit places by cases</source>
            <translation>จุดผ่านตามจำนวนคดี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Villages victims came from, by cases</source>
            <translation>หมู่บ้านต้นทางของผู้เสียหาย ตามจำนวนคดี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Analyse case routes</source>
            <translation>วิเคราะห์เส้นทางของคดี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Lessons-learned cases (tables case and case_event) as routes from where victims were recruited to where they were exploited, in Thailand or abroad.
Routes: one line per origin and destination, weighted by the number of cases (origin = the case's first recruitment event, destination = its last exploitation event). Transit places: points with the number of cases that passed through. Tables: cases by recruitment method, means of control, exploitation type, age band, sex and year (a case with several methods counts under each). Villages: where victims were recruited, cases per village code.
Nothing is written into the province database; victims are never named. The risk index reads the cases too: a household member of a case victim scores 3 on I20. See docs/analysis.md.</source>
            <translation>แสดงคดีบทเรียน (ตาราง case และ case_event) เป็นเส้นทางจากที่ที่ผู้เสียหายถูกชักชวนไปยังที่ที่ถูกแสวงประโยชน์ ทั้งในประเทศไทยและต่างประเทศ
เส้นทาง: หนึ่งเส้นต่อคู่ต้นทางและปลายทาง ถ่วงน้ำหนักด้วยจำนวนคดี (ต้นทาง = เหตุการณ์การชักชวนครั้งแรกของคดี ปลายทาง = เหตุการณ์การแสวงประโยชน์ครั้งสุดท้าย) จุดผ่าน: จุดพร้อมจำนวนคดีที่ผ่าน ตาราง: คดีจำแนกตามวิธีการชักชวน วิธีการควบคุม รูปแบบการแสวงประโยชน์ กลุ่มอายุ เพศ และปี (คดีที่มีหลายวิธีนับในทุกวิธี) หมู่บ้าน: ที่ที่ผู้เสียหายถูกชักชวน จำนวนคดีต่อรหัสหมู่บ้าน
ไม่มีการเขียนข้อมูลลงฐานข้อมูลจังหวัด และไม่ระบุชื่อผู้เสียหาย ดัชนีความเสี่ยงก็อ่านข้อมูลคดีด้วย: สมาชิกครัวเรือนของผู้เสียหายในคดีได้คะแนน 3 ในตัวชี้วัด I20 ดู docs/analysis.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Case routes (origin to destination)</source>
            <translation>เส้นทางของคดี (ต้นทางถึงปลายทาง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Transit places</source>
            <translation>จุดผ่าน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Cases by recruitment, control, exploitation, age, sex, year</source>
            <translation>คดีจำแนกตามการชักชวน การควบคุม การแสวงประโยชน์ อายุ เพศ และปี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>Villages victims came from</source>
            <translation>หมู่บ้านต้นทางของผู้เสียหาย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Canceled: nothing was written.</source>
            <translation>ยกเลิกแล้ว: ไม่มีการเขียนข้อมูลใด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>The database has no cases: the outputs are empty.</source>
            <translation>ฐานข้อมูลไม่มีคดี: ผลลัพธ์ว่างเปล่า</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/analyse_case_routes.py" />
            <source>{} cases: {} routes, {} transit places, {} villages.</source>
            <translation>{} คดี: {} เส้นทาง, {} จุดผ่าน, {} หมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>0 Yearly update (whole pipeline)</source>
            <translation>0 ปรับปรุงข้อมูลประจำปี (ทุกขั้นตอน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>1 Set-up</source>
            <translation>1 เตรียมฐานข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>2 Import</source>
            <translation>2 นำเข้าข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>3 Crosswalk and verify</source>
            <translation>3 เทียบรหัสและตรวจสอบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>4 Risk index</source>
            <translation>4 ดัชนีความเสี่ยง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>5 Work list, reports and maps</source>
            <translation>5 รายการงาน รายงานและแผนที่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>6 Publish</source>
            <translation>6 เผยแพร่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>7 Programme monitoring</source>
            <translation>7 การติดตามโครงการ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>8 Network and cases analysis</source>
            <translation>8 วิเคราะห์เครือข่ายและคดี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>province</source>
            <translation>จังหวัด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>district</source>
            <translation>อำเภอ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>subdistrict</source>
            <translation>ตำบล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Import run id</source>
            <translation>รหัสการนำเข้า</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Rows read</source>
            <translation>แถวที่อ่าน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Rows staged</source>
            <translation>แถวที่พักไว้ในตารางรอประมวลผล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Rows rejected</source>
            <translation>แถวที่ปฏิเสธ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district code field (6-digit DOPA code)</source>
            <translation>ฟิลด์รหัสตำบล (รหัสกรมการปกครอง 6 หลัก)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district Thai name field</source>
            <translation>ฟิลด์ชื่อตำบลภาษาไทย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district English name field</source>
            <translation>ฟิลด์ชื่อตำบลภาษาอังกฤษ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>District Thai name field</source>
            <translation>ฟิลด์ชื่ออำเภอภาษาไทย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>District English name field</source>
            <translation>ฟิลด์ชื่ออำเภอภาษาอังกฤษ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Province Thai name field</source>
            <translation>ฟิลด์ชื่อจังหวัดภาษาไทย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Province English name field</source>
            <translation>ฟิลด์ชื่อจังหวัดภาษาอังกฤษ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Province database</source>
            <translation>ฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>GeoPackage (*.gpkg);;All files (*)</source>
            <translation>GeoPackage (*.gpkg);;ทุกไฟล์ (*)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Data year (Common Era or Buddhist era)</source>
            <translation>ปีข้อมูล (ค.ศ. หรือ พ.ศ.)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>{} is not a province database: the database is a GeoPackage (.gpkg) made by Create or upgrade province database. An agency file ({}) goes into Import agency data file.</source>
            <translation>{} ไม่ใช่ฐานข้อมูลจังหวัด: ฐานข้อมูลคือไฟล์ GeoPackage (.gpkg) ที่สร้างด้วย สร้างหรือปรับรุ่นฐานข้อมูลจังหวัด ส่วนไฟล์ของหน่วยงาน ({}) ให้ใช้ นำเข้าไฟล์ข้อมูลของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Text encoding</source>
            <translation>การเข้ารหัสข้อความ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Identity file (default beside the database)</source>
            <translation>แฟ้มข้อมูลระบุตัวตน (ค่าเริ่มต้นอยู่ข้างฐานข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Re-release: why this year is protected anew (only when its data or settings changed since it was published; published figures cannot be recalled)</source>
            <translation>เผยแพร่ใหม่: เหตุผลที่ปกป้องปีนี้ใหม่ (เฉพาะเมื่อข้อมูลหรือการตั้งค่าเปลี่ยนไปหลังการเผยแพร่ ตัวเลขที่เผยแพร่ไปแล้วเรียกคืนไม่ได้)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Status</source>
            <translation>สถานะ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Warnings:</source>
            <translation>คำเตือน:</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Canceled: {} was left as it was.</source>
            <translation>ยกเลิกแล้ว: {} ยังคงเหมือนเดิม</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Canceled: the outputs are incomplete.</source>
            <translation>ยกเลิกแล้ว: ผลลัพธ์ไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Province (2-digit DOPA code, e.g. 50 = Chiang Mai)</source>
            <translation>จังหวัด (รหัสกรมการปกครอง 2 หลัก เช่น 50 = เชียงใหม่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district boundaries (polygons)</source>
            <translation>ขอบเขตตำบล (รูปหลายเหลี่ยม)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Province '{}' is not a 2-digit DOPA code. Use e.g. 50 for Chiang Mai, 57 for Chiang Rai, 56 for Phayao.</source>
            <translation>จังหวัด '{}' ไม่ใช่รหัสกรมการปกครอง 2 หลัก ใช้ เช่น 50 สำหรับเชียงใหม่ 57 สำหรับเชียงราย 56 สำหรับพะเยา</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>The boundary layer could not be opened.</source>
            <translation>เปิดชั้นข้อมูลขอบเขตไม่ได้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Field '{}' ({}) is not in the boundary layer; its fields are: {}</source>
            <translation>ไม่มีฟิลด์ '{}' ({}) ในชั้นข้อมูลขอบเขต ฟิลด์ที่มีคือ: {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Boundary feature {} has sub-district code '{}' in field '{}': a 6-digit DOPA code is expected.</source>
            <translation>ขอบเขตลำดับที่ {} มีรหัสตำบล '{}' ในฟิลด์ '{}': ต้องเป็นรหัสกรมการปกครอง 6 หลัก</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district {} has no geometry in the boundary layer.</source>
            <translation>ตำบล {} ไม่มีรูปร่างในชั้นข้อมูลขอบเขต</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/base.py" />
            <source>Sub-district codes appear more than once in the boundary layer: {}. Dissolve or fix them first.</source>
            <translation>รหัสตำบลซ้ำกันในชั้นข้อมูลขอบเขต: {} โปรดรวม (dissolve) หรือแก้ไขก่อน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Create or upgrade province database</source>
            <translation>สร้างหรือปรับรุ่นฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Creates the province GeoPackage: every table of the schema (documented in the file's gpkg_data_columns and in docs/schema.md), the province, its districts and sub-districts from the boundary layer (districts and province are dissolved from the sub-districts so the levels nest exactly), optional village points, and a default style for each layer.
Run it on an existing database to upgrade it in place: new tables and columns are added, every existing row is kept, and units missing from it are added.
Defaults for the field names match the OCHA/RTSD sub-district layer (tambon_code, tambon_th, ...). Villages need an 8-digit code (sub-district code + 2-digit moo).</source>
            <translation>สร้าง GeoPackage ของจังหวัด: ทุกตารางตามโครงสร้างฐานข้อมูล (อธิบายไว้ใน gpkg_data_columns ของไฟล์และใน docs/schema.md) จังหวัด อำเภอ และตำบลจากชั้นข้อมูลขอบเขต (อำเภอและจังหวัดได้จากการรวมตำบล เพื่อให้แต่ละระดับซ้อนกันพอดี) จุดหมู่บ้าน (ไม่บังคับ) และรูปแบบการแสดงผลเริ่มต้นของแต่ละชั้นข้อมูล
เรียกใช้กับฐานข้อมูลที่มีอยู่เพื่อปรับรุ่นในที่เดิม: เพิ่มตารางและคอลัมน์ใหม่ เก็บทุกแถวเดิมไว้ และเพิ่มหน่วยการปกครองที่ยังขาด
ชื่อฟิลด์ค่าเริ่มต้นตรงกับชั้นข้อมูลตำบลของ OCHA/กรมแผนที่ทหาร (tambon_code, tambon_th, ...) หมู่บ้านต้องมีรหัส 8 หลัก (รหัสตำบล + หมู่ที่ 2 หลัก)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Villages (points)</source>
            <translation>หมู่บ้าน (จุด)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Village code field (8 digits)</source>
            <translation>ฟิลด์รหัสหมู่บ้าน (8 หลัก)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Village Thai name field</source>
            <translation>ฟิลด์ชื่อหมู่บ้านภาษาไทย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Identity file (an upgrade of a database made before schema 4 moves birth dates and house numbers into it; default beside the database)</source>
            <translation>แฟ้มข้อมูลระบุตัวตน (การปรับรุ่นฐานข้อมูลที่สร้างก่อนโครงสร้างรุ่น 4 จะย้ายวันเกิดและบ้านเลขที่ไปไว้ในแฟ้มนี้ ค่าเริ่มต้นคือแฟ้มข้างฐานข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Summary</source>
            <translation>สรุป</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Reading sub-districts of province {}…</source>
            <translation>กำลังอ่านตำบลของจังหวัด {}…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Dissolving {} sub-districts into districts and the province…</source>
            <translation>กำลังรวม {} ตำบลเป็นอำเภอและจังหวัด…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Writing {}…</source>
            <translation>กำลังเขียน {}…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{}: {} rows ({} added, {} kept)</source>
            <translation>{}: {} แถว (เพิ่ม {} คงเดิม {})</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Upgraded schema version {} to {}; existing rows kept.</source>
            <translation>ปรับรุ่นโครงสร้างฐานข้อมูลจาก {} เป็น {} แล้ว ข้อมูลเดิมยังอยู่ครบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Field '{}' is not in the village layer; its fields are: {}</source>
            <translation>ไม่มีฟิลด์ '{}' ในชั้นข้อมูลหมู่บ้าน ฟิลด์ที่มีคือ: {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>Village layer '{}', feature {}, field '{}'</source>
            <translation>ชั้นข้อมูลหมู่บ้าน '{}' ลำดับที่ {} ฟิลด์ '{}'</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{}: '{}' is not an 8-digit village code (sub-district code + 2-digit moo).</source>
            <translation>{}: '{}' ไม่ใช่รหัสหมู่บ้าน 8 หลัก (รหัสตำบล + หมู่ที่ 2 หลัก)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{}: village {} lies in sub-district {}, which is not in the boundary layer.</source>
            <translation>{}: หมู่บ้าน {} อยู่ในตำบล {} ซึ่งไม่มีในชั้นข้อมูลขอบเขต</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{}: village code {} appears twice.</source>
            <translation>{}: รหัสหมู่บ้าน {} ซ้ำกัน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{}: village {} has no point.</source>
            <translation>{}: หมู่บ้าน {} ไม่มีพิกัดจุด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_database.py" />
            <source>{} villages of other provinces were left out.</source>
            <translation>ไม่รวมหมู่บ้านของจังหวัดอื่น {} แห่ง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Create province project (.qgz)</source>
            <translation>สร้างโปรเจกต์จังหวัด (.qgz)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Writes a QGIS project for a province database: its layers in groups (administrative units, sin space, network, lessons learned, risk index, programme monitoring, tables), drawn with the styles stored in the database, risk by sub-district and the district and province boundaries shown, the province's UTM zone and extent, and the print layouts ready: the province map, the risk map and the risk-report atlas (a page for the province and one per district) of the data year.
DATA_YEAR (C.E. or B.E.; 0 = the latest scored year) filters the risk layers; ATTRIBUTION is printed on the layouts. Data sources are saved relative to the project, so keep the project beside the database (the default: &lt;database&gt;.qgz). No person-level table is added. Run it again after scoring a new year. See docs/project.md.</source>
            <translation>เขียนโปรเจกต์ QGIS ของฐานข้อมูลจังหวัด: ชั้นข้อมูลจัดเป็นกลุ่ม (หน่วยการปกครอง พื้นที่เสี่ยง เครือข่าย บทเรียน ดัชนีความเสี่ยง การติดตามโครงการ ตาราง) แสดงด้วยรูปแบบที่เก็บไว้ในฐานข้อมูล เปิดแสดงความเสี่ยงรายตำบลและขอบเขตอำเภอและจังหวัด ใช้โซน UTM และขอบเขตของจังหวัด และมีแม่แบบการพิมพ์พร้อมใช้: แผนที่จังหวัด แผนที่ความเสี่ยง และแอตลาสรายงานความเสี่ยง (หน้าจังหวัดและหน้าละหนึ่งอำเภอ) ของปีข้อมูล
DATA_YEAR (ค.ศ. หรือ พ.ศ.; 0 = ปีล่าสุดที่ประเมินแล้ว) ใช้กรองชั้นข้อมูลความเสี่ยง ATTRIBUTION พิมพ์ไว้บนแม่แบบการพิมพ์ แหล่งข้อมูลบันทึกแบบอ้างอิงจากตำแหน่งโปรเจกต์ จึงควรเก็บโปรเจกต์ไว้ข้างฐานข้อมูล (ค่าเริ่มต้น: &lt;database&gt;.qgz) ไม่มีการเพิ่มตารางระดับบุคคล เรียกใช้อีกครั้งหลังประเมินปีใหม่ ดู docs/project.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Data year of the risk layers (0 = the latest scored)</source>
            <translation>ปีข้อมูลของชั้นข้อมูลความเสี่ยง (0 = ปีล่าสุดที่ประเมินแล้ว)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Sources printed on the layouts (e.g. the boundaries' source)</source>
            <translation>แหล่งที่มาที่พิมพ์บนแม่แบบการพิมพ์ (เช่น แหล่งที่มาของขอบเขต)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Project file (default: beside the database)</source>
            <translation>ไฟล์โปรเจกต์ (ค่าเริ่มต้น: ไว้ข้างฐานข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>QGIS project (*.qgz *.qgs)</source>
            <translation>โปรเจกต์ QGIS (*.qgz *.qgs)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>Print layouts</source>
            <translation>แม่แบบการพิมพ์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>{} is not a QGIS project file name: end it with .qgz</source>
            <translation>{} ไม่ใช่ชื่อไฟล์โปรเจกต์ QGIS: ให้ลงท้ายด้วย .qgz</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/create_project.py" />
            <source>{}: {} groups, print layouts: {}.</source>
            <translation>{}: {} กลุ่ม แม่แบบการพิมพ์: {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <source>Crosswalk agency codes to the standard</source>
            <translation>เทียบรหัสของหน่วยงานกับมาตรฐาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <source>Turns the staged rows of every succeeded import of the data year into person and the standard tables health_condition, school_enrolment, welfare_case, household and household_member (docs/standard.md).
Agency codes are mapped through the database's crosswalk table: add or edit its rows in the attribute table and run again to change the mapping. Missing default rows of the shipped specs are added first; rows you added or edited are never changed. Thai place names are matched to the database's sub-districts, village codes checked against its villages.
Records of one person in several agencies share one person row. Records without an ID are kept unlinked, and codes without a mapping are listed in unmapped_code with their count and an example row: nothing is dropped.
A run replaces the data year's results as a whole; an error or cancel leaves the database as it was. DATA_YEAR may be Buddhist era (2567) or Common Era (2024).</source>
            <translation>แปลงแถวที่พักไว้ของทุกการนำเข้าที่สำเร็จในปีข้อมูล เป็นตาราง person และตารางมาตรฐาน health_condition, school_enrolment, welfare_case, household และ household_member (docs/standard.md)
รหัสของหน่วยงานเทียบผ่านตาราง crosswalk ของฐานข้อมูล: เพิ่มหรือแก้ไขแถวในตารางข้อมูลคุณลักษณะแล้วเรียกใช้อีกครั้งเพื่อเปลี่ยนการเทียบ แถวค่าเริ่มต้นของข้อกำหนดที่มากับปลั๊กอินที่ยังขาดจะถูกเพิ่มก่อน แถวที่ผู้ใช้เพิ่มหรือแก้ไขจะไม่ถูกเปลี่ยน ชื่อสถานที่ภาษาไทยจับคู่กับตำบลในฐานข้อมูล และตรวจรหัสหมู่บ้านกับหมู่บ้านในฐานข้อมูล
ระเบียนของบุคคลเดียวกันจากหลายหน่วยงานใช้แถว person ร่วมกัน ระเบียนที่ไม่มีเลขประจำตัวเก็บไว้โดยไม่เชื่อมโยง และรหัสที่ยังไม่มีการเทียบจะแสดงใน unmapped_code พร้อมจำนวนและแถวตัวอย่าง: ไม่มีข้อมูลใดถูกทิ้ง
การเรียกใช้แต่ละครั้งแทนที่ผลของปีข้อมูลทั้งหมด หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม DATA_YEAR เป็นพุทธศักราช (2567) หรือคริสต์ศักราช (2024) ก็ได้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Persons</source>
            <translation>จำนวนคน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <source>Records without a linkable ID</source>
            <translation>ระเบียนที่ไม่มีเลขประจำตัวที่เชื่อมโยงได้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Unmapped codes</source>
            <translation>รหัสที่ยังไม่ได้เทียบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <source>Rows with an unmapped code</source>
            <translation>แถวที่มีรหัสที่ยังไม่ได้เทียบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/crosswalk.py" />
            <source>Crosswalk of data year {} in {}…</source>
            <translation>กำลังเทียบรหัสของปีข้อมูล {} ใน {}…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Extract imagery chips (surveillance sheets)</source>
            <translation>ตัดภาพถ่ายรายจุด (แผ่นเฝ้าระวัง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Clips the imagery (GeoTIFF, cloud-optimised GeoTIFF or VRT, any CRS, any size: only the part around each place is read) around each establishment of the province database (all, or one risk class), or around each point of another layer.
Each chip is a square of twice the radius, reprojected to the place's WGS 84 / UTM zone at the imagery's own resolution, written as a cloud-optimised GeoTIFF (place_&lt;fid&gt;.tif) with a QML style beside it (true colour from the band order, 2-98 % contrast stretch) that QGIS applies when it opens the chip.
The output folder also gets chip_footprints.gpkg (chip_footprint: each chip's outline with the place's attributes and the chip's path; chip_report: every place with its status: ok, partial, outside, no_imagery or no_location, and why) and surveillance_sheets.pdf, one page per chip. A place outside the imagery gets no chip and is listed in chip_report and the log; one near the edge gets a chip whose part beyond the imagery is transparent. See docs/imagery.md.</source>
            <translation>ตัดภาพถ่าย (GeoTIFF, cloud-optimised GeoTIFF หรือ VRT ระบบพิกัดใดก็ได้ ขนาดเท่าใดก็ได้: อ่านเฉพาะส่วนรอบแต่ละสถานที่) รอบสถานประกอบการแต่ละแห่งในฐานข้อมูลจังหวัด (ทั้งหมดหรือเฉพาะระดับความเสี่ยงหนึ่ง) หรือรอบแต่ละจุดของชั้นข้อมูลอื่น
ภาพแต่ละภาพเป็นสี่เหลี่ยมจัตุรัสกว้างสองเท่าของรัศมี แปลงพิกัดเป็น WGS 84 / โซน UTM ของสถานที่ที่ความละเอียดเดิมของภาพ เขียนเป็น cloud-optimised GeoTIFF (place_&lt;fid&gt;.tif) พร้อมไฟล์รูปแบบ QML ข้างกัน (สีจริงตามลำดับแบนด์ ยืดคอนทราสต์ 2-98 %) ซึ่ง QGIS ใช้เมื่อเปิดภาพ
โฟลเดอร์ผลลัพธ์ยังมี chip_footprints.gpkg (chip_footprint: ขอบของแต่ละภาพพร้อมคุณลักษณะของสถานที่และที่อยู่ไฟล์ภาพ; chip_report: ทุกสถานที่พร้อมสถานะ ok, partial, outside, no_imagery หรือ no_location และเหตุผล) และ surveillance_sheets.pdf หน้าละหนึ่งภาพ สถานที่ที่อยู่นอกภาพถ่ายจะไม่มีภาพ และแสดงไว้ใน chip_report และบันทึกการทำงาน สถานที่ใกล้ขอบได้ภาพที่ส่วนนอกภาพถ่ายโปร่งใส ดู docs/imagery.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Imagery</source>
            <translation>ภาพถ่าย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Province database (its establishments)</source>
            <translation>ฐานข้อมูลจังหวัด (สถานประกอบการในฐานข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Establishments of risk class</source>
            <translation>สถานประกอบการระดับความเสี่ยง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>all</source>
            <translation>ทั้งหมด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>high</source>
            <translation>สูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>medium</source>
            <translation>ปานกลาง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>low</source>
            <translation>ต่ำ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Or places from a point layer (instead of the database)</source>
            <translation>หรือสถานที่จากชั้นข้อมูลจุด (แทนฐานข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Radius around each place (metres)</source>
            <translation>รัศมีรอบแต่ละสถานที่ (เมตร)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Bands shown as red, green, blue (NAIP: 1,2,3 true colour; 4,1,2 false colour)</source>
            <translation>แบนด์ที่แสดงเป็นแดง เขียว น้ำเงิน (NAIP: 1,2,3 สีจริง; 4,1,2 สีเท็จ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Resampling</source>
            <translation>วิธีการสุ่มค่าใหม่ (resampling)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Surveillance sheets (PDF, one page per place)</source>
            <translation>แผ่นเฝ้าระวัง (PDF หน้าละหนึ่งสถานที่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <location filename="../../processing_algorithms/public_export.py" />
            <location filename="../../processing_algorithms/public_website.py" />
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Output folder</source>
            <translation>โฟลเดอร์ผลลัพธ์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Chip footprints</source>
            <translation>ขอบเขตภาพรายจุด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Chip report (every place)</source>
            <translation>รายงานภาพรายจุด (ทุกสถานที่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Surveillance sheets</source>
            <translation>แผ่นเฝ้าระวัง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Chips written</source>
            <translation>จำนวนภาพที่เขียน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Places without a chip</source>
            <translation>สถานที่ที่ไม่มีภาพ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>This algorithm needs rasterio and numpy ({}). On Debian: apt install python3-rasterio.</source>
            <translation>อัลกอริทึมนี้ต้องใช้ rasterio และ numpy ({}) บน Debian: apt install python3-rasterio</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>The imagery must be a raster file (GeoTIFF, COG or VRT) read by GDAL.</source>
            <translation>ภาพถ่ายต้องเป็นไฟล์ราสเตอร์ (GeoTIFF, COG หรือ VRT) ที่ GDAL อ่านได้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>No places to chip: the database or layer has none (of that risk class).</source>
            <translation>ไม่มีสถานที่ให้ตัดภาพ: ฐานข้อมูลหรือชั้นข้อมูลไม่มีสถานที่ (ในระดับความเสี่ยงนั้น)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>{} places, imagery {}</source>
            <translation>{} สถานที่ ภาพถ่าย {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Canceled: the chips are incomplete.</source>
            <translation>ยกเลิกแล้ว: ภาพรายจุดไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>{} chips written; {} places without a chip (see chip_report).</source>
            <translation>เขียนภาพแล้ว {} ภาพ; {} สถานที่ไม่มีภาพ (ดู chip_report)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>{} of {} places got no chip: they are listed with the reason in chip_report.</source>
            <translation>{} จาก {} สถานที่ไม่ได้ภาพ: ดูรายการพร้อมเหตุผลใน chip_report</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Give either a province database or a point layer of places, not both and not neither.</source>
            <translation>ระบุฐานข้อมูลจังหวัดหรือชั้นข้อมูลจุดของสถานที่อย่างใดอย่างหนึ่งเท่านั้น</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>Canceled: the sheets are incomplete.</source>
            <translation>ยกเลิกแล้ว: แผ่นข้อมูลเฝ้าระวังไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>{} surveillance sheets in {}</source>
            <translation>แผ่นเฝ้าระวัง {} แผ่นใน {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/extract_imagery_chips.py" />
            <source>The places layer has no risk_class field to choose class '{}' by.</source>
            <translation>ชั้นข้อมูลสถานที่ไม่มีฟิลด์ risk_class สำหรับเลือกระดับ '{}'</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Generate sample agency data</source>
            <translation>สร้างข้อมูลตัวอย่างของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Builds a realistic synthetic province on real sub-district boundaries: villages, households and persons (Thai citizens, highland minorities with and without Thai registration, migrant workers), then writes each agency's export in its own format and codes: health (43-file PERSON, HOME, DIAGNOSIS_OPD CSVs), education (school roster XLSX, Buddhist-era dates), human security (TIS-620 CSV naming places in Thai) and family welfare (Basic Minimum Needs survey). Files carry realistic faults at stated rates; manifest.json lists each file, its row count and fault counts, and truth/ holds the answers tests check against: each person's latent risk of trafficking or exploitation and the outcomes of the two following years. The province's international border is the part of its outline that no other province in the boundary layer shares, so use the national layer. SCALE 1.0 is Chiang Mai's volume (1.8 million health records); the same SEED gives the same bytes. The data is fictitious: no real person.</source>
            <translation>สร้างจังหวัดจำลองที่สมจริงบนขอบเขตตำบลจริง: หมู่บ้าน ครัวเรือน และบุคคล (คนไทย ชาติพันธุ์บนพื้นที่สูงทั้งที่มีและไม่มีสถานะทางทะเบียนไทย แรงงานข้ามชาติ) แล้วเขียนแฟ้มส่งออกของแต่ละหน่วยงานตามรูปแบบและรหัสของหน่วยงานนั้น: สาธารณสุข (แฟ้ม PERSON, HOME, DIAGNOSIS_OPD แบบ 43 แฟ้ม เป็น CSV) การศึกษา (ทะเบียนนักเรียน XLSX วันที่แบบพุทธศักราช) ความมั่นคงของมนุษย์ (CSV แบบ TIS-620 ระบุสถานที่เป็นภาษาไทย) และสวัสดิการครอบครัว (ข้อมูลความจำเป็นพื้นฐาน จปฐ.) แฟ้มมีข้อผิดพลาดที่สมจริงตามอัตราที่กำหนด manifest.json แสดงแต่ละแฟ้ม จำนวนแถว และจำนวนข้อผิดพลาด ส่วนโฟลเดอร์ truth/ เก็บคำตอบที่การทดสอบใช้ตรวจ: ความเสี่ยงแฝงของแต่ละบุคคลต่อการค้ามนุษย์หรือการแสวงประโยชน์ และเหตุที่เกิดขึ้นจริงในสองปีถัดไป พรมแดนระหว่างประเทศของจังหวัดคือส่วนของเส้นขอบจังหวัดที่ไม่ติดกับจังหวัดอื่นในชั้นข้อมูลขอบเขต จึงควรใช้ชั้นข้อมูลระดับประเทศ SCALE 1.0 เท่ากับปริมาณข้อมูลของเชียงใหม่ (ระเบียนสาธารณสุข 1.8 ล้านระเบียน) SEED เดียวกันให้ไฟล์ที่เหมือนกันทุกไบต์ ข้อมูลเป็นข้อมูลสมมุติ ไม่ใช่บุคคลจริง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Scale (1.0 = Chiang Mai's volume)</source>
            <translation>ขนาด (1.0 = ปริมาณข้อมูลของเชียงใหม่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Random seed</source>
            <translation>ค่าตั้งต้นการสุ่ม (seed)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Older tambon code list for place-name variants (CSV)</source>
            <translation>รายการรหัสตำบลรุ่นเก่าสำหรับชื่อสถานที่แบบต่าง ๆ (CSV)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Manifest (manifest.json)</source>
            <translation>บัญชีไฟล์ (manifest.json)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Villages (GeoJSON points)</source>
            <translation>หมู่บ้าน (จุด GeoJSON)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>International border: {} km</source>
            <translation>พรมแดนระหว่างประเทศ: {} กม.</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>The boundary layer holds no other province next to this one, so the international border cannot be told from the provincial edges: the sample has no border. Use the national sub-district layer to get the real border.</source>
            <translation>ชั้นข้อมูลขอบเขตไม่มีจังหวัดอื่นที่อยู่ติดกับจังหวัดนี้ จึงแยกพรมแดนระหว่างประเทศออกจากเส้นแบ่งเขตจังหวัดไม่ได้: ข้อมูลตัวอย่างจึงไม่มีพรมแดน ใช้ชั้นข้อมูลขอบเขตตำบลระดับประเทศเพื่อให้ได้พรมแดนจริง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <source>Canceled: the files in {} are incomplete.</source>
            <translation>ยกเลิกแล้ว: ไฟล์ใน {} ไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/generate_sample_data.py" />
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>{}: {} rows</source>
            <translation>{}: {} แถว</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Import prevention activities</source>
            <translation>นำเข้ากิจกรรมการป้องกัน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Imports a file of the programme's prevention activities (CSV, XLSX, ODS, DBF or a table GDAL reads) into the activity table: date (B.E. or C.E.), 8-digit village code, kind (training, awareness, school_talk, community_meeting, home_visit, vocational_training, outreach, or the Thai word), topic, organisation (by name, linked to the network directory when found), participants and a note.
DATA_YEAR is the latest year the file reports on (default this year): an activity dated after it is rejected. A row whose village is not in the database, whose kind is unknown, whose participants are negative or which repeats an activity already recorded (same village, date, kind and organisation) is rejected with the reason.
As with agency files: rows read = accepted + rejected (rejected_row, import_run), a file imported before is refused, an error or cancel leaves the database as it was. See docs/monitoring.md.</source>
            <translation>นำเข้าไฟล์กิจกรรมการป้องกันของโครงการ (CSV, XLSX, ODS, DBF หรือตารางที่ GDAL อ่านได้) ลงตาราง activity: วันที่ (พ.ศ. หรือ ค.ศ.) รหัสหมู่บ้าน 8 หลัก ประเภท (training, awareness, school_talk, community_meeting, home_visit, vocational_training, outreach หรือคำภาษาไทย) หัวข้อ หน่วยงาน (ตามชื่อ เชื่อมกับทำเนียบเครือข่ายเมื่อพบ) จำนวนผู้เข้าร่วม และหมายเหตุ
DATA_YEAR คือปีล่าสุดที่ไฟล์รายงาน (ค่าเริ่มต้นปีนี้): กิจกรรมที่ลงวันที่หลังจากนั้นจะถูกปฏิเสธ แถวที่หมู่บ้านไม่มีในฐานข้อมูล ประเภทไม่รู้จัก จำนวนผู้เข้าร่วมติดลบ หรือซ้ำกับกิจกรรมที่บันทึกแล้ว (หมู่บ้าน วันที่ ประเภท และหน่วยงานเดียวกัน) จะถูกปฏิเสธพร้อมเหตุผล
เช่นเดียวกับไฟล์ของหน่วยงาน: แถวที่อ่าน = แถวที่รับ + แถวที่ปฏิเสธ (rejected_row, import_run) ไฟล์ที่เคยนำเข้าแล้วจะไม่รับซ้ำ หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม ดู docs/monitoring.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Activity file</source>
            <translation>ไฟล์กิจกรรม</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Latest year the file reports on (C.E. or B.E.; default this year)</source>
            <translation>ปีล่าสุดที่ไฟล์รายงาน (ค.ศ. หรือ พ.ศ.; ค่าเริ่มต้นปีนี้)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Spec of the file's columns (default the shipped one)</source>
            <translation>ข้อกำหนดคอลัมน์ของไฟล์ (ค่าเริ่มต้นคือที่มากับปลั๊กอิน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Activities written</source>
            <translation>กิจกรรมที่บันทึก</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <source>Rows accepted</source>
            <translation>แถวที่รับ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_activities.py" />
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>The file was already imported: nothing was added.</source>
            <translation>ไฟล์นี้เคยนำเข้าแล้ว: ไม่มีการเพิ่มข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Import agency data file</source>
            <translation>นำเข้าไฟล์ข้อมูลของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Imports one agency file (CSV/TSV, XLSX, ODS, DBF, or any table GDAL reads) into the province database's staging table for its source and kind, e.g. staging_health_person. The kind of file is recognised from its header. Values are parsed (dates to the Common Era, numbers) and checked (Thai ID check digit, G codes, real calendar dates, required fields, exact duplicate rows); codes are kept as found for the crosswalk.
IDs are replaced by a keyed pseudonym (person_key); the IDs and names go to the identity file beside the database (&lt;database&gt;.identity.sqlite), never into the GeoPackage.
A row that fails a check goes to rejected_row with the reason. Rows read = rows staged + rows rejected, recorded in import_run. An error or cancel leaves the database as it was; a file imported before is not imported twice.
SOURCE is one of: {}; or the path of your own spec (.yaml). DATA_YEAR may be Buddhist era (2567) or Common Era (2024).</source>
            <translation>นำเข้าไฟล์ของหน่วยงานหนึ่งไฟล์ (CSV/TSV, XLSX, ODS, DBF หรือตารางใดที่ GDAL อ่านได้) ลงตารางพักข้อมูลของฐานข้อมูลจังหวัดตามแหล่งและชนิดของไฟล์ เช่น staging_health_person ชนิดของไฟล์รู้จากหัวตาราง ค่าต่าง ๆ ถูกแปลง (วันที่เป็น ค.ศ. ตัวเลข) และตรวจสอบ (เลขตรวจสอบของเลขประจำตัวประชาชน รหัส G วันที่ที่มีจริง ฟิลด์ที่ต้องมี แถวที่ซ้ำกันทุกค่า) รหัสเก็บไว้ตามที่พบเพื่อใช้เทียบรหัส
เลขประจำตัวถูกแทนด้วยรหัสแฝงแบบมีกุญแจ (person_key) เลขประจำตัวและชื่อเก็บในแฟ้มข้อมูลระบุตัวตนข้างฐานข้อมูล (&lt;database&gt;.identity.sqlite) ไม่เก็บใน GeoPackage เด็ดขาด
แถวที่ไม่ผ่านการตรวจไปอยู่ใน rejected_row พร้อมเหตุผล แถวที่อ่าน = แถวที่พักไว้ + แถวที่ปฏิเสธ บันทึกใน import_run หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม ไฟล์ที่เคยนำเข้าแล้วจะไม่นำเข้าซ้ำ
SOURCE เป็นหนึ่งใน: {}; หรือที่อยู่ของไฟล์ข้อกำหนดของท่านเอง (.yaml) DATA_YEAR เป็นพุทธศักราช (2567) หรือคริสต์ศักราช (2024) ก็ได้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Agency file</source>
            <translation>ไฟล์ของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Agency source</source>
            <translation>แหล่งข้อมูลของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Or a spec file (.yaml)</source>
            <translation>หรือไฟล์ข้อกำหนด (.yaml)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Spec (*.yaml *.yml)</source>
            <translation>ข้อกำหนด (*.yaml *.yml)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Staging table</source>
            <translation>ตารางพักข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>There is no agency source '{}': choose one of {}, or give a spec file (.yaml).</source>
            <translation>ไม่มีแหล่งข้อมูลของหน่วยงาน '{}': เลือกหนึ่งใน {} หรือระบุไฟล์ข้อกำหนด (.yaml)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>The spec file {} does not exist.</source>
            <translation>ไม่พบไฟล์ข้อกำหนด {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Warning: {} of {} rows ({:.0f} %) were rejected as later than the data year {}. Is the data year right? If the file is of a later year, withdraw this import (run {}) and import the file again with its year.</source>
            <translation>คำเตือน: {} จาก {} แถว ({:.0f} %) ถูกปฏิเสธเพราะอยู่หลังปีข้อมูล {} ปีข้อมูลถูกต้องหรือไม่? หากไฟล์เป็นของปีที่หลังกว่า ให้ถอนการนำเข้านี้ (ครั้งที่ {}) แล้วนำเข้าไฟล์อีกครั้งด้วยปีของไฟล์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Importing {} as {} data for {}…</source>
            <translation>กำลังนำเข้า {} เป็นข้อมูล {} ของปีข้อมูล {}…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_secondary_data.py" />
            <source>Canceled: {} was left as it was (the canceled run is recorded in import_run).</source>
            <translation>ยกเลิกแล้ว: {} ยังคงเหมือนเดิม (การนำเข้าที่ยกเลิกบันทึกไว้ใน import_run)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Import sin space survey (risky workplaces)</source>
            <translation>นำเข้าผลสำรวจพื้นที่เสี่ยง (สถานประกอบการเสี่ยง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Imports a survey or registry of establishments (CSV, XLSX, ODS, DBF or any layer GDAL reads) into the establishment layer: name, type, licence, workers, minors and foreign workers seen, complaints, inspections, rescues, linked cases, survey date (B.E. or C.E.) and the owners' and customers' answers (columns owner_… and customer_…, stored as JSON).
Coordinates: latitude/longitude in decimal degrees, a coordinates cell in degrees-minutes-seconds (18°47'20.5"N 98°59'10.2"E) or decimal degrees, UTM 47N/48N (utm_easting, utm_northing, utm_zone), or only a village_code (placed at the village, flagged approximate). A point outside the province or a coordinate that cannot be read rejects the row unless a village code can place it.
Every establishment is scored: its type's base score plus the points of the enabled establishment rules that hold (tables establishment_type and establishment_rule, editable); high and medium from the two cut-points. Every village gets the distance to the nearest high-risk place and border crossing. Run without an input file to re-score after editing the rules or types.
As with agency files: rows read = accepted + rejected (rejected_row, import_run), a file imported before is refused, an error or cancel leaves the database as it was.</source>
            <translation>นำเข้าผลสำรวจหรือทะเบียนสถานประกอบการ (CSV, XLSX, ODS, DBF หรือชั้นข้อมูลใดที่ GDAL อ่านได้) ลงชั้นข้อมูล establishment: ชื่อ ประเภท ใบอนุญาต จำนวนคนทำงาน เด็กและแรงงานต่างชาติที่พบ เรื่องร้องเรียน การตรวจ การช่วยเหลือ คดีที่เกี่ยวข้อง วันที่สำรวจ (พ.ศ. หรือ ค.ศ.) และคำตอบของเจ้าของและลูกค้า (คอลัมน์ owner_… และ customer_… เก็บเป็น JSON)
พิกัด: ละติจูด/ลองจิจูดเป็นองศาทศนิยม ช่องพิกัดแบบองศา-ลิปดา-ฟิลิปดา (18°47'20.5"N 98°59'10.2"E) หรือองศาทศนิยม UTM 47N/48N (utm_easting, utm_northing, utm_zone) หรือเพียง village_code (วางที่หมู่บ้าน และระบุว่าเป็นตำแหน่งโดยประมาณ) จุดที่อยู่นอกจังหวัดหรือพิกัดที่อ่านไม่ได้ทำให้แถวถูกปฏิเสธ เว้นแต่รหัสหมู่บ้านจะระบุตำแหน่งได้
ทุกสถานประกอบการได้รับคะแนน: คะแนนฐานของประเภท บวกคะแนนของเกณฑ์ให้คะแนนสถานประกอบการที่เปิดใช้และเป็นจริง (ตาราง establishment_type และ establishment_rule แก้ไขได้) ระดับสูงและปานกลางตามจุดตัดทั้งสอง ทุกหมู่บ้านได้ระยะทางถึงสถานที่เสี่ยงสูงและจุดผ่านแดนที่ใกล้ที่สุด เรียกใช้โดยไม่มีไฟล์นำเข้าเพื่อคำนวณคะแนนใหม่หลังแก้ไขกฎหรือประเภท
เช่นเดียวกับไฟล์ของหน่วยงาน: แถวที่อ่าน = แถวที่รับ + แถวที่ปฏิเสธ (rejected_row, import_run) ไฟล์ที่เคยนำเข้าแล้วจะไม่รับซ้ำ หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Survey file (empty: only re-score)</source>
            <translation>ไฟล์ผลสำรวจ (เว้นว่าง: คำนวณคะแนนใหม่เท่านั้น)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Data year (Common Era or Buddhist era; default this year)</source>
            <translation>ปีข้อมูล (ค.ศ. หรือ พ.ศ.; ค่าเริ่มต้นปีนี้)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Score from which a place is high risk</source>
            <translation>คะแนนตั้งแต่ที่ถือว่าสถานที่มีความเสี่ยงสูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Score from which a place is medium risk</source>
            <translation>คะแนนตั้งแต่ที่ถือว่าสถานที่มีความเสี่ยงปานกลาง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Tolerance outside the province boundary (km)</source>
            <translation>ระยะที่ยอมให้อยู่นอกขอบเขตจังหวัด (กม.)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Spec of the survey's columns (default the shipped one)</source>
            <translation>ข้อกำหนดคอลัมน์ของผลสำรวจ (ค่าเริ่มต้นคือที่มากับปลั๊กอิน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Establishments scored</source>
            <translation>สถานประกอบการที่ประเมินคะแนน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>High-risk establishments</source>
            <translation>สถานประกอบการเสี่ยงสูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>Rows staged (placed)</source>
            <translation>แถวที่พักไว้ (ระบุตำแหน่งได้)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>The high cut-point must be above the medium one.</source>
            <translation>จุดตัดระดับสูงต้องมากกว่าจุดตัดระดับปานกลาง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/import_sin_space.py" />
            <source>No survey file: re-scoring every establishment</source>
            <translation>ไม่มีไฟล์ผลสำรวจ: คำนวณคะแนนใหม่ให้ทุกสถานประกอบการ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Monitor prevention activities (the shift)</source>
            <translation>ติดตามกิจกรรมการป้องกัน (การเปลี่ยนแปลง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Are the prevention activities where the risk is? For a scored data year (run trafficking:scoreriskindex first) and the year before:
- the share of activities held in high-risk areas (a village, or its sub-district, classed high in the data year) in both years, and its change in percentage points (outputs SHARE_HIGH, SHARE_HIGH_PREVIOUS, SHARE_CHANGE, and the log);
- a district layer with the activities of both years, the change, each district's share of the province's activities and its change, styled purple (lost share) to green (gained): the north-to-south shift as a map;
- the high-risk villages with no activity in the data year (points).
Nothing is written to the province database. See docs/monitoring.md.</source>
            <translation>กิจกรรมการป้องกันอยู่ตรงที่มีความเสี่ยงหรือไม่? สำหรับปีข้อมูลที่ประเมินแล้ว (เรียกใช้ trafficking:scoreriskindex ก่อน) และปีก่อนหน้า:
- สัดส่วนกิจกรรมที่จัดในพื้นที่เสี่ยงสูง (หมู่บ้านหรือตำบลของหมู่บ้านที่จัดเป็นระดับสูงในปีข้อมูล) ของทั้งสองปี และการเปลี่ยนแปลงเป็นจุดร้อยละ (ผลลัพธ์ SHARE_HIGH, SHARE_HIGH_PREVIOUS, SHARE_CHANGE และบันทึกการทำงาน)
- ชั้นข้อมูลอำเภอพร้อมกิจกรรมของทั้งสองปี การเปลี่ยนแปลง สัดส่วนของแต่ละอำเภอในกิจกรรมทั้งจังหวัดและการเปลี่ยนแปลง แสดงสีม่วง (สัดส่วนลดลง) ถึงเขียว (เพิ่มขึ้น): การเคลื่อนจากเหนือลงใต้บนแผนที่
- หมู่บ้านเสี่ยงสูงที่ไม่มีกิจกรรมในปีข้อมูล (จุด)
ไม่มีการเขียนข้อมูลลงฐานข้อมูลจังหวัด ดู docs/monitoring.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Activities by district (the shift)</source>
            <translation>กิจกรรมรายอำเภอ (การเปลี่ยนแปลง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>High-risk villages without activity this year</source>
            <translation>หมู่บ้านเสี่ยงสูงที่ไม่มีกิจกรรมในปีนี้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Activities in the data year</source>
            <translation>กิจกรรมในปีข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Activities in the previous year</source>
            <translation>กิจกรรมในปีก่อนหน้า</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Share of activities in high-risk areas (data year)</source>
            <translation>สัดส่วนกิจกรรมในพื้นที่เสี่ยงสูง (ปีข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Share of activities in high-risk areas (previous year)</source>
            <translation>สัดส่วนกิจกรรมในพื้นที่เสี่ยงสูง (ปีก่อนหน้า)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Change of that share (percentage points)</source>
            <translation>การเปลี่ยนแปลงของสัดส่วนนั้น (จุดร้อยละ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>High-risk villages</source>
            <translation>หมู่บ้านเสี่ยงสูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/monitor_activities.py" />
            <source>Shift of activities by district</source>
            <translation>การเปลี่ยนแปลงของกิจกรรมรายอำเภอ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Network coverage gaps</source>
            <translation>ช่องว่างการครอบคลุมของเครือข่าย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>High-risk sub-districts of a scored data year (run trafficking:scoreriskindex first) that the network does not reach: no organisation or member lists the sub-district, or its district, in its areas (not_covered); or the nearest organisation or member with a location is farther than the travel distance (too_far).
The distance is a straight line from the sub-district's centroid, not a road distance: in the hills the road is often twice as long, so choose the limit with that in mind. Tick the option to include medium-risk sub-districts.
The gap layer says why for each sub-district, with the nearest responder's name, type and distance, and is styled by why (stored in the output file when it is a GeoPackage). DATA_YEAR may be Buddhist era (2567) or Common Era (2024). See docs/analysis.md.</source>
            <translation>ตำบลเสี่ยงสูงของปีข้อมูลที่ประเมินแล้ว (เรียกใช้ trafficking:scoreriskindex ก่อน) ที่เครือข่ายเข้าไม่ถึง: ไม่มีหน่วยงานหรือสมาชิกใดระบุตำบลนั้นหรืออำเภอของตำบลนั้นในพื้นที่รับผิดชอบ (not_covered) หรือหน่วยงานหรือสมาชิกที่มีตำแหน่งซึ่งอยู่ใกล้ที่สุดอยู่ไกลกว่าระยะทางที่กำหนด (too_far)
ระยะทางเป็นเส้นตรงจากจุดศูนย์กลางของตำบล ไม่ใช่ระยะทางตามถนน: บนพื้นที่สูงถนนมักยาวเป็นสองเท่า จึงควรกำหนดระยะโดยคำนึงถึงข้อนี้ เลือกตัวเลือกเพื่อรวมตำบลเสี่ยงปานกลางด้วย
ชั้นข้อมูลช่องว่างบอกสาเหตุของแต่ละตำบล พร้อมชื่อ ประเภท และระยะทางของหน่วยช่วยเหลือที่ใกล้ที่สุด และแสดงผลตามสาเหตุ (เก็บรูปแบบไว้ในไฟล์ผลลัพธ์เมื่อเป็น GeoPackage) DATA_YEAR เป็นพุทธศักราช (2567) หรือคริสต์ศักราช (2024) ก็ได้ ดู docs/analysis.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Travel distance to the nearest responder (km, straight line)</source>
            <translation>ระยะทางถึงหน่วยช่วยเหลือที่ใกล้ที่สุด (กม. เส้นตรง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Include medium-risk sub-districts</source>
            <translation>รวมตำบลเสี่ยงปานกลาง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Network gaps</source>
            <translation>ช่องว่างของเครือข่าย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>{} sub-districts of class {} lack a covering or near responder ({} km).</source>
            <translation>ตำบล {} แห่งในระดับ {} ไม่มีหน่วยช่วยเหลือที่ครอบคลุมหรืออยู่ใกล้ ({} กม.)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/network_coverage.py" />
            <source>Network gaps by why</source>
            <translation>ช่องว่างของเครือข่ายจำแนกตามสาเหตุ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Prevention targets (work list)</source>
            <translation>กลุ่มเป้าหมายการป้องกัน (รายการงาน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>A ranked work list for a scored data year (run trafficking:scoreriskindex first): the villages to work in and, in each, the persons to invite, with the indicators that drive them.
Villages rank by the number of high-risk persons, then the share of high-risk persons, then the mean index. Within a village, high-risk persons come first by risk index; when fewer than asked are high, medium-risk persons fill the list and the selection column says so.
Persons are shown by pseudonym. Only when you give the identity file (&lt;database&gt;.identity.sqlite) are their names and addresses added, after checking that the file belongs to this database. Such an output holds personal data about children and possible victims: keep it for authorised staff only. Outputs are never written into the province database. DATA_YEAR may be Buddhist era (2567) or Common Era (2024).
Programme monitoring: each listed village shows its activities this year and no_activity = 1 for a high-risk village no activity reached; the log and the outputs give the high-risk villages without activity and the share of activities held in high-risk areas this year and the year before (trafficking:monitoractivities maps the shift).
See docs/prevention_targets.md.</source>
            <translation>รายการงานเรียงตามลำดับความสำคัญของปีข้อมูลที่ประเมินแล้ว (เรียกใช้ trafficking:scoreriskindex ก่อน): หมู่บ้านที่ควรลงพื้นที่ และบุคคลที่ควรเชิญในแต่ละหมู่บ้าน พร้อมตัวชี้วัดที่เป็นสาเหตุ
หมู่บ้านเรียงตามจำนวนผู้เสี่ยงสูง แล้วตามสัดส่วนผู้เสี่ยงสูง แล้วตามดัชนีเฉลี่ย ภายในหมู่บ้าน ผู้เสี่ยงสูงมาก่อนตามดัชนีความเสี่ยง เมื่อผู้เสี่ยงสูงมีน้อยกว่าที่ขอ ผู้เสี่ยงปานกลางจะเติมรายการ และคอลัมน์ selection ระบุไว้
บุคคลแสดงด้วยรหัสแฝง จะเพิ่มชื่อและที่อยู่ก็ต่อเมื่อท่านระบุแฟ้มข้อมูลระบุตัวตน (&lt;database&gt;.identity.sqlite) และตรวจแล้วว่าแฟ้มนั้นเป็นของฐานข้อมูลนี้ ผลลัพธ์เช่นนั้นมีข้อมูลส่วนบุคคลของเด็กและผู้ที่อาจเป็นผู้เสียหาย: เก็บไว้สำหรับเจ้าหน้าที่ที่ได้รับอนุญาตเท่านั้น ผลลัพธ์ไม่ถูกเขียนลงฐานข้อมูลจังหวัดเด็ดขาด DATA_YEAR เป็นพุทธศักราช (2567) หรือคริสต์ศักราช (2024) ก็ได้
การติดตามโครงการ: หมู่บ้านในรายการแสดงกิจกรรมในปีนี้ และ no_activity = 1 สำหรับหมู่บ้านเสี่ยงสูงที่ไม่มีกิจกรรมใดเข้าถึง บันทึกการทำงานและผลลัพธ์ให้หมู่บ้านเสี่ยงสูงที่ไม่มีกิจกรรม และสัดส่วนกิจกรรมที่จัดในพื้นที่เสี่ยงสูงในปีนี้และปีก่อน (trafficking:monitoractivities แสดงการเปลี่ยนแปลงบนแผนที่)
ดู docs/prevention_targets.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Villages to list</source>
            <translation>จำนวนหมู่บ้านที่จะแสดง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Persons to invite per village</source>
            <translation>จำนวนคนที่จะเชิญต่อหมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Identity file, for names and addresses (authorised staff only; leave empty for pseudonyms)</source>
            <translation>แฟ้มข้อมูลระบุตัวตน สำหรับชื่อและที่อยู่ (เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาต; เว้นว่างเพื่อใช้รหัสแฝง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Villages to work in</source>
            <translation>หมู่บ้านที่ควรลงพื้นที่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Persons to invite</source>
            <translation>บุคคลที่ควรเชิญ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Work list of data year {} from {}…</source>
            <translation>กำลังจัดทำรายการงานของปีข้อมูล {} จาก {}…</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>Canceled: no work list was written.</source>
            <translation>ยกเลิกแล้ว: ไม่ได้เขียนรายการงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>The persons output holds names and addresses: personal data about children and possible trafficking victims. Keep it for authorised staff only, do not share or publish it, and delete it when the work is done.</source>
            <translation>ผลลัพธ์รายบุคคลมีชื่อและที่อยู่: เป็นข้อมูลส่วนบุคคลของเด็กและผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์ เก็บไว้สำหรับเจ้าหน้าที่ที่ได้รับอนุญาตเท่านั้น ห้ามแบ่งปันหรือเผยแพร่ และลบทิ้งเมื่อเสร็จงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/prevention_targets.py" />
            <source>{} villages and {} persons listed.</source>
            <translation>แสดงรายการ {} หมู่บ้าน และ {} คน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/provider.py" />
            <source>Yearly update (whole pipeline)</source>
            <translation>ปรับปรุงข้อมูลประจำปี (ทุกขั้นตอน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/provider.py" />
            <source>Late agency file (import, crosswalk, score)</source>
            <translation>ไฟล์หน่วยงานที่มาช้า (นำเข้า เทียบรหัส คำนวณ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/provider.py" />
            <source>Data-quality report (HTML)</source>
            <translation>รายงานคุณภาพข้อมูล (HTML)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/provider.py" />
            <source>Risk reports (HTML index)</source>
            <translation>รายงานความเสี่ยง (หน้าสารบัญ HTML)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Public export (protected aggregates)</source>
            <translation>ส่งออกข้อมูลสาธารณะ (ตัวเลขรวมที่ปกปิดแล้ว)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Aggregate tables safe for the public and the media from a scored data year: persons scored and at high, medium and low risk, counts and shares, by area (province, district, sub-district) and optionally by age band and sex. Never a person.
Every cell under k persons (default 11, as CTDC publishes) is suppressed, and further cells are suppressed so that no suppressed cell can be worked out from the totals, margins or the other area levels. A group with 90 % or more of its persons in one risk class (e.g. all 14 girls of a sub-district at high risk) has its class counts suppressed too, zeros included, so the table does not tell each member's class. Shares come from published counts only. Counts may be rounded to a base (e.g. 5) after suppression.
A data year is protected once, the first time it is published, and every later export (any level or breakdown) and the national publication show the same cells and leave the same cells empty, so that together they give nothing away; each is recorded in the export register (export_register). An export with other k, rounding or dominance, or after the year's data changed, is refused, saying what was published: to publish the year anew, give the reason for a re-release.
Writes to the output folder: one CSV per area level, an XLSX with one sheet per table, a GeoPackage and a GeoJSON of the deepest level with its boundaries for web maps, and README.txt; each says how it was protected. Never writes into the province database. See docs/public_export.md.</source>
            <translation>ตารางตัวเลขรวมที่ปลอดภัยสำหรับสาธารณะและสื่อมวลชน จากปีข้อมูลที่ประเมินแล้ว: จำนวนคนที่ประเมินและที่เสี่ยงสูง ปานกลาง และต่ำ ทั้งจำนวนและสัดส่วน จำแนกตามพื้นที่ (จังหวัด อำเภอ ตำบล) และจำแนกตามกลุ่มอายุและเพศได้ ไม่มีข้อมูลรายบุคคลเด็ดขาด
ทุกช่องที่มีน้อยกว่า k คน (ค่าเริ่มต้น 11 ตามที่ CTDC เผยแพร่) จะถูกปกปิด และปกปิดช่องอื่นเพิ่มเติมเพื่อไม่ให้คำนวณย้อนหาช่องที่ปกปิดได้จากผลรวม ผลรวมย่อย หรือพื้นที่ระดับอื่น กลุ่มที่มีคนร้อยละ 90 ขึ้นไปอยู่ในระดับความเสี่ยงเดียวกัน (เช่น เด็กหญิงทั้ง 14 คนของตำบลหนึ่งเสี่ยงสูงทั้งหมด) จะถูกปกปิดจำนวนตามระดับความเสี่ยงด้วย รวมทั้งช่องที่เป็นศูนย์ เพื่อไม่ให้ตารางบอกระดับความเสี่ยงของสมาชิกแต่ละคน สัดส่วนคำนวณจากจำนวนที่เผยแพร่เท่านั้น จำนวนอาจปัดเป็นพหุคูณ (เช่น 5) หลังการปกปิด
ปีข้อมูลหนึ่งจะถูกปกป้องเพียงครั้งเดียวเมื่อเผยแพร่ครั้งแรก การส่งออกครั้งต่อ ๆ ไป (ทุกระดับพื้นที่และทุกการจำแนก) และการเผยแพร่สู่ฐานข้อมูลระดับชาติจะแสดงช่องเดียวกันและปกปิดช่องเดียวกัน เพื่อไม่ให้นำมารวมกันแล้วเปิดเผยสิ่งใด ทุกครั้งจะถูกบันทึกในทะเบียนการส่งออก (export_register) การส่งออกที่ใช้ k การปัดเศษ หรือสัดส่วนการครอบงำต่างไปจากเดิม หรือหลังจากข้อมูลของปีเปลี่ยนไป จะถูกปฏิเสธพร้อมบอกว่าเคยเผยแพร่อะไรไปแล้ว หากต้องการเผยแพร่ปีนั้นใหม่ ให้ระบุเหตุผลของการเผยแพร่ใหม่
เขียนลงโฟลเดอร์ผลลัพธ์: CSV หนึ่งไฟล์ต่อระดับพื้นที่ XLSX หนึ่งแผ่นงานต่อตาราง GeoPackage และ GeoJSON ของระดับที่ละเอียดที่สุดพร้อมขอบเขตสำหรับแผนที่บนเว็บ และ README.txt แต่ละไฟล์บอกวิธีการปกป้องข้อมูล ไม่เขียนลงฐานข้อมูลจังหวัดเด็ดขาด ดู docs/public_export.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Areas down to</source>
            <translation>พื้นที่ละเอียดถึงระดับ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Break down by age band</source>
            <translation>จำแนกตามกลุ่มอายุ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Break down by sex</source>
            <translation>จำแนกตามเพศ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Smallest count published (k)</source>
            <translation>จำนวนต่ำสุดที่เผยแพร่ได้ (k)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Round counts to a multiple of (1: none)</source>
            <translation>ปัดจำนวนเป็นพหุคูณของ (1: ไม่ปัด)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Hide a group's risk-class counts when one class holds this share of it or more (1: only when everyone is in one class)</source>
            <translation>ปกปิดจำนวนตามระดับความเสี่ยงของกลุ่ม เมื่อระดับเดียวมีสัดส่วนเท่านี้ขึ้นไป (1: เฉพาะเมื่อทุกคนอยู่ระดับเดียว)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Cells in the tables</source>
            <translation>จำนวนช่องในตาราง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Cells suppressed under k</source>
            <translation>ช่องที่ปกปิดเพราะน้อยกว่า k</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Cells suppressed to protect others</source>
            <translation>ช่องที่ปกปิดเพื่อป้องกันช่องอื่น</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_export.py" />
            <source>Canceled: the export is incomplete.</source>
            <translation>ยกเลิกแล้ว: การส่งออกไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Public website (static, Thai and English)</source>
            <translation>เว็บไซต์สาธารณะ (ไฟล์คงที่ ภาษาไทยและอังกฤษ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>A website of a data year's public figures that any web server or a USB stick can serve: index.html at the top of the output folder, a map of sub-districts and districts, sortable tables, the age and sex chart, downloads, the method, the date, the licence and attribution, in Thai and English, usable on a phone. The page fetches nothing from the Internet.
The figures are the year's public export (sub-districts by age band and sex, in downloads/), written and recorded in the export register like trafficking:publicexport: the same cells suppressed, shown as hidden, never as zero. Left empty, k and rounding are those the year was published with (11 and 1 the first time). See docs/web.md.</source>
            <translation>เว็บไซต์แสดงตัวเลขสาธารณะของปีข้อมูล ที่เว็บเซิร์ฟเวอร์ใดก็ได้หรือแฟลชไดรฟ์ USB เปิดได้: index.html อยู่บนสุดของโฟลเดอร์ผลลัพธ์ มีแผนที่ตำบลและอำเภอ ตารางที่เรียงลำดับได้ แผนภูมิตามอายุและเพศ ไฟล์ดาวน์โหลด วิธีการ วันที่ สัญญาอนุญาตและที่มา เป็นภาษาไทยและอังกฤษ ใช้บนโทรศัพท์ได้ หน้าเว็บไม่ดึงข้อมูลใดจากอินเทอร์เน็ต
ตัวเลขคือการส่งออกข้อมูลสาธารณะของปีนั้น (ตำบลตามกลุ่มอายุและเพศ ในโฟลเดอร์ downloads/) เขียนและบันทึกในทะเบียนการเผยแพร่ (export register) เช่นเดียวกับ trafficking:publicexport: ปกปิดช่องเดียวกัน แสดงว่าปกปิด ไม่แสดงเป็นศูนย์ หากเว้นว่าง k และการปัดเศษจะใช้ค่าที่ปีนั้นเคยเผยแพร่ (ครั้งแรก 11 และ 1) ดู docs/web.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Smallest count published (k; empty: as the year was published)</source>
            <translation>จำนวนน้อยที่สุดที่เผยแพร่ (k; เว้นว่าง: ตามที่ปีนั้นเคยเผยแพร่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Round counts to a multiple of (empty: as the year was published)</source>
            <translation>ปัดจำนวนเป็นพหุคูณของ (เว้นว่าง: ตามที่ปีนั้นเคยเผยแพร่)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Attribution shown with the licence (empty: the province's coordination centre)</source>
            <translation>ที่มาที่แสดงกับสัญญาอนุญาต (เว้นว่าง: ศูนย์ประสานงานของจังหวัด)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Website page (index.html)</source>
            <translation>หน้าเว็บไซต์ (index.html)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Sub-districts on the map</source>
            <translation>ตำบลบนแผนที่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Sub-districts shown as hidden</source>
            <translation>ตำบลที่แสดงว่าปกปิด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Canceled: the website is incomplete.</source>
            <translation>ยกเลิกแล้ว: เว็บไซต์ยังไม่สมบูรณ์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/public_website.py" />
            <source>Open {} in a browser, or copy the folder to the web server.</source>
            <translation>เปิด {} ในเบราว์เซอร์ หรือคัดลอกโฟลเดอร์ไปยังเว็บเซิร์ฟเวอร์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Publish to the national database</source>
            <translation>เผยแพร่ไปยังฐานข้อมูลระดับชาติ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Publishes a data year of the province database into the national PostgreSQL/PostGIS database, in one schema, every row keyed by province_code and data_year: {}. Areas, not persons: the risk counts are the year's protected figures, the same cells as the public export with the same cells suppressed (k, rounding and dominance as the year was first published with, else k = 11), and the publication is recorded in the export register. Never a per-person row, pseudonym, the identity file, staging, the network's people or the cases; per-person rows an earlier version published for the province are deleted.
Re-publishing a province and year replaces its rows in one transaction: an error or cancel leaves the national database as it was. The roll-up views risk_by_province and risk_by_district sum all provinces, and the layers' styles go to public.layer_styles so QGIS opens them styled.
Connection: a PostgreSQL connection saved in QGIS (Browser), or a service or URI such as service=national or host=... dbname=... authcfg=ab12cd3. The password comes from QGIS's authentication manager (authcfg, method Basic), the saved connection or ~/.pgpass; a URI holding a password is refused. See docs/national.md.</source>
            <translation>เผยแพร่ปีข้อมูลหนึ่งของฐานข้อมูลจังหวัดไปยังฐานข้อมูลระดับชาติ PostgreSQL/PostGIS ในสคีมาเดียว ทุกแถวระบุด้วย province_code และ data_year: {} เป็นข้อมูลระดับพื้นที่ ไม่ใช่รายบุคคล: จำนวนตามระดับความเสี่ยงคือตัวเลขที่ปกป้องแล้วของปีนั้น เป็นช่องเดียวกับการส่งออกสาธารณะและปกปิดช่องเดียวกัน (k การปัดเศษ และสัดส่วนการครอบงำตามที่ใช้เมื่อเผยแพร่ปีนั้นครั้งแรก หรือ k = 11) และการเผยแพร่จะถูกบันทึกในทะเบียนการส่งออก ไม่มีแถวรายบุคคล รหัสแฝง แฟ้มข้อมูลระบุตัวตน ตารางพักข้อมูล บุคคลในเครือข่าย หรือคดีเด็ดขาด แถวรายบุคคลของจังหวัดที่รุ่นก่อนหน้าเคยเผยแพร่ไว้จะถูกลบ
การเผยแพร่จังหวัดและปีเดิมซ้ำจะแทนที่แถวเดิมในธุรกรรมเดียว: หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลระดับชาติจะคงเดิม วิว risk_by_province และ risk_by_district รวมผลทุกจังหวัด และรูปแบบการแสดงผลของชั้นข้อมูลไปอยู่ที่ public.layer_styles เพื่อให้ QGIS เปิดพร้อมรูปแบบ
การเชื่อมต่อ: การเชื่อมต่อ PostgreSQL ที่บันทึกไว้ใน QGIS (Browser) หรือ service หรือ URI เช่น service=national หรือ host=... dbname=... authcfg=ab12cd3 รหัสผ่านมาจากตัวจัดการการยืนยันตัวตนของ QGIS (authcfg วิธี Basic) การเชื่อมต่อที่บันทึกไว้ หรือ ~/.pgpass; URI ที่มีรหัสผ่านจะถูกปฏิเสธ ดู docs/national.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>National database: QGIS PostgreSQL connection</source>
            <translation>ฐานข้อมูลระดับชาติ: การเชื่อมต่อ PostgreSQL ของ QGIS</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>…or a service / URI (no password; authcfg=... for one)</source>
            <translation>…หรือ service / URI (ห้ามใส่รหัสผ่าน; ใช้ authcfg=... แทน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>National schema</source>
            <translation>สคีมาระดับชาติ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Province published</source>
            <translation>จังหวัดที่เผยแพร่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Rows published</source>
            <translation>แถวที่เผยแพร่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Publishing {} ({}) to {}</source>
            <translation>กำลังเผยแพร่ {} ({}) ไปยัง {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Canceled: the national database was left as it was.</source>
            <translation>ยกเลิกแล้ว: ฐานข้อมูลระดับชาติยังคงเหมือนเดิม</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>Give either a QGIS PostgreSQL connection or a service / URI for the national database (one of the two).</source>
            <translation>ระบุการเชื่อมต่อ PostgreSQL ของ QGIS หรือ service / URI ของฐานข้อมูลระดับชาติ (อย่างใดอย่างหนึ่ง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>There is no PostgreSQL connection named {!r} in QGIS</source>
            <translation>ไม่มีการเชื่อมต่อ PostgreSQL ชื่อ {!r} ใน QGIS</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>The connection text holds a password. Put it in QGIS's authentication manager and give authcfg=&lt;id&gt; instead (or use a service with ~/.pgpass): Processing keeps its parameters in plain text.</source>
            <translation>ข้อความการเชื่อมต่อมีรหัสผ่าน โปรดเก็บรหัสผ่านไว้ในตัวจัดการการยืนยันตัวตนของ QGIS แล้วใส่ authcfg=&lt;id&gt; แทน (หรือใช้ service กับ ~/.pgpass): Processing เก็บค่าพารามิเตอร์เป็นข้อความธรรมดา</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>The authentication configuration {!r} cannot be read (is it in this profile, and the master password entered?)</source>
            <translation>อ่านการตั้งค่าการยืนยันตัวตน {!r} ไม่ได้ (อยู่ในโปรไฟล์นี้หรือไม่ และใส่รหัสผ่านหลักแล้วหรือไม่?)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/publish_national.py" />
            <source>The authentication configuration {!r} uses method {!r}: publishing supports Basic (user name and password)</source>
            <translation>การตั้งค่าการยืนยันตัวตน {!r} ใช้วิธี {!r}: การเผยแพร่รองรับเฉพาะ Basic (ชื่อผู้ใช้และรหัสผ่าน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Risk reports (province and districts)</source>
            <translation>รายงานความเสี่ยง (จังหวัดและอำเภอ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Writes the risk reports of a scored data year into the output folder: one PDF (risk_report_&lt;year&gt;.pdf) with a page for the province and then a page per district, made from a QGIS print-layout atlas; one HTML page per report (province.html, district_&lt;code&gt;.html, index.html) with its map and chart beside it in img/; and the tables as one workbook (risk_tables_&lt;year&gt;.xlsx: by age band and sex, home town, sub-district and district).
Each report has the risk map (sub-districts red, yellow, green and high-risk villages, in the styles stored in the database), the table of sub-districts (districts for the province), an age x sex chart of persons at high risk, the indicators that drive risk and the trend against the latest earlier scored year.
These reports are internal: small counts are shown, but no person's pseudonym, name or ID. For the public use trafficking:publicexport.
Years are shown in the Buddhist era (2567) or the Common Era (2024) as set in the Plugins menu (Show Buddhist-era years), unless the advanced parameter says otherwise. See docs/reports.md.</source>
            <translation>เขียนรายงานความเสี่ยงของปีข้อมูลที่ประเมินแล้วลงโฟลเดอร์ผลลัพธ์: PDF หนึ่งไฟล์ (risk_report_&lt;year&gt;.pdf) มีหน้าจังหวัดแล้วตามด้วยหน้าละหนึ่งอำเภอ สร้างจากแอตลาสของแม่แบบการพิมพ์ QGIS; HTML หน้าละหนึ่งรายงาน (province.html, district_&lt;code&gt;.html, index.html) พร้อมแผนที่และแผนภูมิใน img/; และตารางในสมุดงานเดียว (risk_tables_&lt;year&gt;.xlsx: ตามกลุ่มอายุและเพศ ภูมิลำเนา ตำบล และอำเภอ)
แต่ละรายงานมีแผนที่ความเสี่ยง (ตำบลสีแดง เหลือง เขียว และหมู่บ้านเสี่ยงสูง ตามรูปแบบที่เก็บในฐานข้อมูล) ตารางตำบล (ตารางอำเภอสำหรับรายงานจังหวัด) แผนภูมิอายุ x เพศของผู้เสี่ยงสูง ตัวชี้วัดที่ขับเคลื่อนความเสี่ยง และแนวโน้มเทียบกับปีล่าสุดก่อนหน้าที่ประเมินแล้ว
รายงานเหล่านี้ใช้ภายใน: แสดงจำนวนน้อยได้ แต่ไม่มีรหัสแฝง ชื่อ หรือเลขประจำตัวของบุคคลใด สำหรับสาธารณะให้ใช้ trafficking:publicexport
ปีแสดงเป็นพุทธศักราช (2567) หรือคริสต์ศักราช (2024) ตามที่ตั้งไว้ในเมนูปลั๊กอิน (แสดงปีเป็นพุทธศักราช) เว้นแต่พารามิเตอร์ขั้นสูงจะกำหนดเป็นอย่างอื่น ดู docs/reports.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Show years as</source>
            <translation>แสดงปีเป็น</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>As set in the plugin (Show Buddhist-era years)</source>
            <translation>ตามการตั้งค่าของปลั๊กอิน (แสดงปีเป็นพุทธศักราช)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Buddhist era (2567)</source>
            <translation>พุทธศักราช (2567)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Common Era (2024)</source>
            <translation>คริสต์ศักราช (2024)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Report PDF</source>
            <translation>รายงาน PDF</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Report index (HTML)</source>
            <translation>หน้ารวมรายงาน (HTML)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Report tables (XLSX)</source>
            <translation>ตารางรายงาน (XLSX)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Reports written</source>
            <translation>จำนวนรายงานที่เขียน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>Canceled: the reports in {} are incomplete.</source>
            <translation>ยกเลิกแล้ว: รายงานใน {} ไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>{} reports ({} PDF pages) in {}; compared with {}.</source>
            <translation>รายงาน {} ฉบับ ({} หน้า PDF) ใน {}; เปรียบเทียบกับ {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/risk_report.py" />
            <source>no earlier year</source>
            <translation>ไม่มีปีก่อนหน้า</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Weighted mean (mean)</source>
            <translation>ค่าเฉลี่ยถ่วงน้ำหนัก (mean)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Alkire-Foster counting (alkire_foster)</source>
            <translation>การนับแบบ Alkire-Foster (alkire_foster)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Percentile rank (percentile)</source>
            <translation>ลำดับเปอร์เซ็นไทล์ (percentile)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Score the risk index</source>
            <translation>คำนวณดัชนีความเสี่ยง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Scores every person of the target population (children and women by default, the centre's mandate) on the enabled indicators of the database's indicator table (1 to 3, 3 = most at risk; an indicator with no data stays empty and is never taken as low risk), combines them into an index and a class (high, medium, low: red, yellow, green; not enough data: grey), and sums persons up by village, sub-district and district.
Indicators are grouped into dimensions that weigh the same, so a block of correlated indicators cannot dominate; rare events (flags) add risk when recorded and never count when absent. A person observed on fewer dimensions than the minimum is in the class not enough data: counted, never low.
Methods: mean = the weighted mean over the dimensions, with fixed cut-points so years stay comparable; alkire_foster = the weighted share of deprivation (scores of 3), against the cutoff k; percentile = percentile ranks as in the CDC's Social Vulnerability Index (relative to this year's persons).
Cut-points (high / medium) left empty take the method's defaults: {} (the Multidimensional Poverty Index's 1/3 and 1/5); for alkire_foster the high cut-point is k. Weights (e.g. I09=2, I10=0) override the indicator table for this run. A sub-district or district is high when its share of high-risk persons is at least the high ratio times the province's (medium likewise). Villages are ranked by their number of high-risk persons, the order of the work list: the top fraction is high, down to the medium fraction medium, so the map and the work list agree.
Writes risk_person, risk_village, risk_subdistrict, risk_district, risk_breakdown (age band x sex, home town) and, when an earlier year was scored, risk_change_subdistrict and risk_change_district; the run and its parameters go to risk_run. Re-running replaces the year's results; an error or cancel leaves the database as it was. See docs/risk_index.md.</source>
            <translation>ประเมินทุกคนในประชากรเป้าหมาย (ค่าเริ่มต้นคือเด็กและผู้หญิง ตามภารกิจของศูนย์) ด้วยตัวชี้วัดที่เปิดใช้ในตาราง indicator ของฐานข้อมูล (1 ถึง 3, 3 = เสี่ยงที่สุด; ตัวชี้วัดที่ไม่มีข้อมูลจะว่างไว้และไม่ถือว่าเสี่ยงต่ำ) รวมเป็นดัชนีและระดับ (สูง ปานกลาง ต่ำ: แดง เหลือง เขียว; ข้อมูลไม่พอ: เทา) และสรุปรายหมู่บ้าน ตำบล และอำเภอ
ตัวชี้วัดถูกจัดเป็นมิติที่มีน้ำหนักเท่ากัน เพื่อไม่ให้กลุ่มตัวชี้วัดที่สัมพันธ์กันครอบงำดัชนี; เหตุการณ์ที่พบไม่บ่อย (ธง) เพิ่มความเสี่ยงเมื่อมีการบันทึก และไม่ถูกนับเมื่อไม่มี บุคคลที่มีข้อมูลน้อยกว่าจำนวนมิติขั้นต่ำอยู่ในระดับข้อมูลไม่พอ: นับรวมไว้ แต่ไม่ถือว่าเสี่ยงต่ำ
วิธี: mean = ค่าเฉลี่ยถ่วงน้ำหนักของมิติ พร้อมจุดตัดคงที่เพื่อให้เปรียบเทียบข้ามปีได้; alkire_foster = สัดส่วนถ่วงน้ำหนักของการขาดแคลน (คะแนน 3) เทียบกับจุดตัด k; percentile = อันดับเปอร์เซ็นไทล์แบบดัชนีความเปราะบางทางสังคมของ CDC (เทียบกับบุคคลในปีนี้)
จุดตัด (สูง / ปานกลาง) ที่เว้นว่างใช้ค่าเริ่มต้นของแต่ละวิธี: {} (1/3 และ 1/5 ของดัชนีความยากจนหลายมิติ); สำหรับ alkire_foster จุดตัดระดับสูงคือ k น้ำหนัก (เช่น I09=2, I10=0) ใช้แทนตาราง indicator ในการประเมินครั้งนี้ ตำบลหรืออำเภออยู่ในระดับสูงเมื่อสัดส่วนผู้มีความเสี่ยงสูงอย่างน้อยเท่ากับอัตราส่วนระดับสูงคูณสัดส่วนของจังหวัด (ระดับปานกลางเช่นเดียวกัน) หมู่บ้านเรียงลำดับตามจำนวนผู้มีความเสี่ยงสูง ซึ่งเป็นลำดับเดียวกับรายการงาน: ส่วนบนสุดตามสัดส่วนที่กำหนดเป็นระดับสูง ถัดลงมาถึงสัดส่วนระดับปานกลางเป็นระดับปานกลาง แผนที่และรายการงานจึงสอดคล้องกัน
เขียนตาราง risk_person, risk_village, risk_subdistrict, risk_district, risk_breakdown (กลุ่มอายุ x เพศ, ภูมิลำเนา) และเมื่อเคยประเมินปีก่อนหน้า จะเขียน risk_change_subdistrict และ risk_change_district; การประเมินและพารามิเตอร์ทั้งหมดบันทึกใน risk_run การเรียกใช้ซ้ำจะแทนที่ผลของปีนั้น หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม ดู docs/risk_index.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Method</source>
            <translation>วิธีการ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>High cut-point of the index (empty: method default)</source>
            <translation>จุดตัดระดับสูงของดัชนี (เว้นว่าง: ค่าเริ่มต้นของวิธีการ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Medium cut-point of the index (empty: method default)</source>
            <translation>จุดตัดระดับปานกลางของดัชนี (เว้นว่าง: ค่าเริ่มต้นของวิธีการ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Alkire-Foster cutoff k (weighted share at 3)</source>
            <translation>จุดตัด k ของ Alkire-Foster (สัดส่วนถ่วงน้ำหนักที่ระดับ 3)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Minimum dimensions observed</source>
            <translation>จำนวนมิติขั้นต่ำที่มีข้อมูล</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Target population</source>
            <translation>ประชากรเป้าหมาย</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Children and women (the centre's mandate)</source>
            <translation>เด็กและผู้หญิง (ตามภารกิจของศูนย์)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>All persons</source>
            <translation>ทุกคน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Weights for this run (e.g. I09=2, I10=0)</source>
            <translation>น้ำหนักสำหรับการคำนวณครั้งนี้ (เช่น I09=2, I10=0)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Sub-district and district high: times the province's share of high-risk persons</source>
            <translation>ตำบลและอำเภอระดับสูง: กี่เท่าของสัดส่วนผู้มีความเสี่ยงสูงของจังหวัด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Sub-district and district medium: times the province's share</source>
            <translation>ตำบลและอำเภอระดับปานกลาง: กี่เท่าของสัดส่วนของจังหวัด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Villages high: top fraction by high-risk persons</source>
            <translation>หมู่บ้านระดับสูง: สัดส่วนบนสุดตามจำนวนผู้มีความเสี่ยงสูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Villages medium: down to this fraction</source>
            <translation>หมู่บ้านระดับปานกลาง: ถัดลงมาจนถึงสัดส่วนนี้</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Persons scored</source>
            <translation>จำนวนคนที่ประเมิน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Persons at high risk</source>
            <translation>จำนวนคนเสี่ยงสูง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Persons at medium risk</source>
            <translation>จำนวนคนเสี่ยงปานกลาง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/score_risk_index.py" />
            <source>Persons at low risk</source>
            <translation>จำนวนคนเสี่ยงต่ำ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Write the intranet's QGIS Server project</source>
            <translation>เขียนโครงการ QGIS Server สำหรับอินทราเน็ต</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Writes a project for QGIS Server from the province database and a scored data year: the area layers, risk by sub-district and district, establishments, partner organisations, network members' work contacts and the print layouts, with titles in Thai and English, WMS, WFS and OGC API - Features and the CRS EPSG:4326, 3857, 32647 and 32648. No person-level table, identity data or case is in it. The year's protected figures are published (as publicexport does, recorded in the export register) into a folder beside the project: they are all the public sees. Which role (staff, partner, public) sees which layer, feature and field is decided per request by the plugin's server part from the header X-Trafficking-Role that the web server sets. The partners' web page (a map of what their role sees, in Thai and English) is written into a folder &lt;project&gt;_web beside the project. See docs/web.md.</source>
            <translation>เขียนโปรเจกต์สำหรับ QGIS Server จากฐานข้อมูลจังหวัดและปีข้อมูลที่คำนวณดัชนีแล้ว: ชั้นข้อมูลเขตพื้นที่ ความเสี่ยงรายตำบลและรายอำเภอ สถานประกอบการ องค์กรภาคี ช่องทางติดต่อที่ทำงานของสมาชิกเครือข่าย และแม่แบบพิมพ์ พร้อมชื่อภาษาไทยและภาษาอังกฤษ WMS, WFS และ OGC API - Features และระบบพิกัด EPSG:4326, 3857, 32647 และ 32648 ไม่มีตารางระดับบุคคล ข้อมูลระบุตัวตน หรือคดีอยู่ในโปรเจกต์ ตัวเลขของปีที่ได้รับการคุ้มครองแล้วจะถูกเผยแพร่ (เช่นเดียวกับ publicexport และบันทึกในทะเบียนการเผยแพร่) ลงในโฟลเดอร์ข้างโปรเจกต์ ซึ่งเป็นทั้งหมดที่สาธารณชนเห็น บทบาทใด (เจ้าหน้าที่ ภาคี สาธารณชน) เห็นชั้นข้อมูล รายการ และฟิลด์ใด ส่วนเสริมฝั่งเซิร์ฟเวอร์ของปลั๊กอินเป็นผู้ตัดสินในแต่ละคำขอ จากส่วนหัว X-Trafficking-Role ที่เว็บเซิร์ฟเวอร์กำหนด หน้าเว็บสำหรับภาคี (แผนที่ของสิ่งที่บทบาทนั้นเห็น ภาษาไทยและภาษาอังกฤษ) จะถูกเขียนลงในโฟลเดอร์ &lt;project&gt;_web ข้างโปรเจกต์ ดู docs/web.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Data year (scored)</source>
            <translation>ปีข้อมูล (ที่ประเมินแล้ว)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Attribution of the maps (e.g. the boundaries' source)</source>
            <translation>ที่มาของแผนที่ (เช่น แหล่งข้อมูลขอบเขตการปกครอง)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Contact e-mail of the service</source>
            <translation>อีเมลติดต่อของบริการ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Server project file</source>
            <translation>ไฟล์โครงการของเซิร์ฟเวอร์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>QGIS project (*.qgs *.qgz)</source>
            <translation>โครงการ QGIS (*.qgs *.qgz)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Layers served</source>
            <translation>ชั้นข้อมูลที่ให้บริการ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Public figures</source>
            <translation>ตัวเลขเผยแพร่สาธารณะ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Partners' web page</source>
            <translation>หน้าเว็บสำหรับภาคี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>{} is not a QGIS project file name: end it with .qgs or .qgz</source>
            <translation>{} ไม่ใช่ชื่อไฟล์โครงการ QGIS: ให้ลงท้ายด้วย .qgs หรือ .qgz</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>{}: {} layers, print layouts: {}; public figures in {} (k = {}).</source>
            <translation>{}: {} ชั้นข้อมูล แผนที่พิมพ์: {}; ตัวเลขเผยแพร่สาธารณะอยู่ใน {} (k = {})</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>The partners' web page is in {}: serve it beside QGIS Server (docs/web.md).</source>
            <translation>หน้าเว็บสำหรับภาคีอยู่ที่ {} ให้บริการคู่กับ QGIS Server (docs/web.md)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/server_project.py" />
            <source>Leaflet was found neither in the plugin nor in Debian's /usr/share/javascript/leaflet (package libjs-leaflet): the partners' page draws its plain map, without zoom. Install libjs-leaflet and run this again for the full map.</source>
            <translation>ไม่พบ Leaflet ทั้งในปลั๊กอินและใน /usr/share/javascript/leaflet ของ Debian (แพ็กเกจ libjs-leaflet) หน้าเว็บสำหรับภาคีจึงแสดงแผนที่แบบพื้นฐานที่ซูมไม่ได้ ติดตั้ง libjs-leaflet แล้วเรียกใช้อีกครั้งเพื่อแผนที่เต็มรูปแบบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Validate the risk index against later outcomes</source>
            <translation>ตรวจสอบดัชนีความเสี่ยงกับเหตุการณ์ที่เกิดภายหลัง</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Does the index point at the right villages and persons? Compares a scored data year (run trafficking:scoreriskindex first) with the outcomes the province recorded in the years after it (by default the next two): lessons-learned cases, human-security welfare cases of trafficking or labour exploitation (import and crosswalk those years' files), and an optional outcome file (CSV with a village_code or person_id column; person IDs are keyed with the identity file).
For persons and villages: ROC AUC with a 95 % bootstrap interval, the lift of the top tenth, the work list's precision and recall, for the index and for simple baselines (legal status only, poverty only, the strongest single indicator, village size), so a province sees whether its index beats a one-line rule; each class's share of the outcomes; and per group (sex, age band, ethnicity, legal status) the share classed high against the share with an outcome.
Writes validation_metric, validation_group and the layer validation_village to the database (the year's rows replaced). A person's own case never fed her score; outcomes of the data year itself or before are refused. See docs/validation.md.</source>
            <translation>ดัชนีชี้ไปที่หมู่บ้านและบุคคลที่ถูกต้องหรือไม่? เปรียบเทียบปีข้อมูลที่ประเมินแล้ว (เรียกใช้ trafficking:scoreriskindex ก่อน) กับเหตุการณ์ที่จังหวัดบันทึกในปีถัดมา (ค่าเริ่มต้นคือสองปีถัดไป): คดีบทเรียน เรื่องสวัสดิการของสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์ที่เป็นการค้ามนุษย์หรือการแสวงประโยชน์จากแรงงาน (นำเข้าและแปลงรหัสไฟล์ของปีเหล่านั้น) และแฟ้มเหตุการณ์เพิ่มเติม (CSV ที่มีคอลัมน์ village_code หรือ person_id; เลขประจำตัวจะแปลงเป็นรหัสแฝงด้วยแฟ้มข้อมูลระบุตัวตน)
สำหรับบุคคลและหมู่บ้าน: ROC AUC พร้อมช่วงบูตสแตรป 95 % อัตราเพิ่ม (lift) ของกลุ่มสิบเปอร์เซ็นต์บนสุด ความแม่นยำและความครอบคลุมของรายการงาน สำหรับดัชนีและเกณฑ์อย่างง่าย (สถานะทางกฎหมายอย่างเดียว ความยากจนอย่างเดียว ตัวชี้วัดเดียวที่ดีที่สุด ขนาดหมู่บ้าน) เพื่อให้จังหวัดเห็นว่าดัชนีดีกว่ากฎบรรทัดเดียวหรือไม่; ส่วนของผู้มีเหตุการณ์ในแต่ละระดับ; และรายกลุ่ม (เพศ กลุ่มอายุ ชาติพันธุ์ สถานะทางกฎหมาย) สัดส่วนที่ถูกจัดเป็นเสี่ยงสูงเทียบกับสัดส่วนที่มีเหตุการณ์
เขียนตาราง validation_metric, validation_group และชั้นข้อมูล validation_village ลงในฐานข้อมูล (แทนที่ข้อมูลของปีนั้น) คดีของบุคคลเองไม่เคยถูกใช้ในการคำนวณคะแนนของเธอ; เหตุการณ์ในปีข้อมูลหรือก่อนหน้าจะถูกปฏิเสธ ดู docs/validation.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>First outcome year (empty: the year after)</source>
            <translation>ปีแรกของเหตุการณ์ (เว้นว่าง: ปีถัดไป)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Last outcome year (empty: two years after)</source>
            <translation>ปีสุดท้ายของเหตุการณ์ (เว้นว่าง: สองปีถัดไป)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Outcome file (CSV with village_code or person_id)</source>
            <translation>แฟ้มเหตุการณ์ (CSV ที่มี village_code หรือ person_id)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Work list length (villages)</source>
            <translation>ความยาวรายการงาน (หมู่บ้าน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Bootstrap resamples for the AUC interval</source>
            <translation>จำนวนการสุ่มซ้ำบูตสแตรปสำหรับช่วงของ AUC</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Villages: AUC of the index</source>
            <translation>หมู่บ้าน: AUC ของดัชนี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Persons: AUC of the index</source>
            <translation>บุคคล: AUC ของดัชนี</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Villages: AUC of the best baseline</source>
            <translation>หมู่บ้าน: AUC ของเกณฑ์อย่างง่ายที่ดีที่สุด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/validate_index.py" />
            <source>Persons with an outcome</source>
            <translation>บุคคลที่มีเหตุการณ์</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Verify the database (data-quality check)</source>
            <translation>ตรวจสอบฐานข้อมูล (คุณภาพข้อมูล)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>The yearly data-quality check of a data year: persons without a village, impossible ages (born after the data year, older than 110, negative welfare-case ages), the same person twice in a year's file, the same household id twice, indicators observed for too few persons, villages with no persons, unmapped codes, and districts whose persons or high-risk share jumped from the previous year; and the audit trail of network and case data: columns its triggers miss, and, given the identity file, rows changed, deleted or cut off after they were sealed.
Each check has a severity (error: fix before publishing; warning: look at it) and examples a clerk can find: the agency file and row number, or a village, district or indicator code; never an ID or a name. The report is written to the output folder as HTML, CSV (summary and examples) and XLSX; the log has the summary. The database is only read, except that given the identity file the audit rows written since the last check are sealed. See docs/verify.md.</source>
            <translation>การตรวจคุณภาพข้อมูลประจำปีของปีข้อมูล: คนที่ไม่มีหมู่บ้าน อายุที่เป็นไปไม่ได้ (เกิดหลังปีข้อมูล อายุเกิน 110 ปี อายุติดลบในข้อมูลสวัสดิการ) คนเดียวกันซ้ำในไฟล์ของปีเดียวกัน รหัสครัวเรือนซ้ำ ตัวชี้วัดที่มีข้อมูลน้อยคนเกินไป หมู่บ้านที่ไม่มีคน รหัสที่ยังไม่ได้เทียบ และอำเภอที่จำนวนคนหรือสัดส่วนเสี่ยงสูงเปลี่ยนไปมากจากปีก่อน และบันทึกการแก้ไข (audit trail) ของข้อมูลเครือข่ายและคดี: คอลัมน์ที่ทริกเกอร์ไม่ได้บันทึก และเมื่อระบุแฟ้มข้อมูลระบุตัวตน แถวที่ถูกแก้ ลบ หรือตัดทิ้งหลังจากผนึกแล้ว
แต่ละรายการตรวจมีระดับความรุนแรง (error: แก้ไขก่อนเผยแพร่; warning: ตรวจดู) และตัวอย่างที่เจ้าหน้าที่หาเจอได้: ไฟล์ของหน่วยงานและเลขแถว หรือรหัสหมู่บ้าน อำเภอ หรือตัวชี้วัด ไม่มีเลขประจำตัวหรือชื่อเด็ดขาด รายงานเขียนลงโฟลเดอร์ผลลัพธ์เป็น HTML, CSV (สรุปและตัวอย่าง) และ XLSX บันทึกการทำงานมีสรุป ฐานข้อมูลถูกอ่านเท่านั้น ยกเว้นเมื่อระบุแฟ้มข้อมูลระบุตัวตน แถวบันทึกการแก้ไขที่เขียนหลังการตรวจครั้งก่อนจะถูกผนึก ดู docs/verify.md</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Low coverage: share of persons observed below</source>
            <translation>ความครอบคลุมต่ำ: สัดส่วนคนที่มีข้อมูลต่ำกว่า</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Jump: persons of a district changed by more than (share)</source>
            <translation>การเปลี่ยนแปลงผิดปกติ: จำนวนคนของอำเภอเปลี่ยนมากกว่า (สัดส่วน)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Jump: high share of a district changed by more than (percentage points)</source>
            <translation>การเปลี่ยนแปลงผิดปกติ: สัดส่วนเสี่ยงสูงของอำเภอเปลี่ยนมากกว่า (จุดร้อยละ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Identity file, to check the audit trail's seal and seal its new rows</source>
            <translation>แฟ้มข้อมูลระบุตัวตน สำหรับตรวจการผนึกบันทึกการแก้ไขและผนึกแถวใหม่</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Report folder</source>
            <translation>โฟลเดอร์รายงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Report (HTML)</source>
            <translation>รายงาน (HTML)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Checks failed with severity error</source>
            <translation>รายการตรวจที่ไม่ผ่านระดับข้อผิดพลาด</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Checks failed with severity warning</source>
            <translation>รายการตรวจที่ไม่ผ่านระดับคำเตือน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Problems found (all checks)</source>
            <translation>ปัญหาที่พบ (ทุกรายการตรวจ)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Canceled: no report was written.</source>
            <translation>ยกเลิกแล้ว: ไม่ได้เขียนรายงาน</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/verify_database.py" />
            <source>Report: {}</source>
            <translation>รายงาน: {}</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Withdraw an import (wrong file)</source>
            <translation>ถอนการนำเข้า (ไฟล์ผิด)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Takes back one succeeded import of an agency file (a wrong data year, a wrong agency, a broken export), so that a corrected file can be imported instead without its rows counting twice.
The run's status in import_run becomes withdrawn and its message records who, when and why; the rows it staged are deleted from the staging tables (and its places from establishment, its activities from activity); its identities leave the identity file. Its rejected_row entries stay as the record. audit_log records the withdrawal. An error or cancel leaves the database as it was.
RUN is the fid of the import in import_run; or leave it empty and give the FILE_NAME (no folder) of the import. Run with neither to see, in the log, the imports that can be withdrawn. REASON is required.
Afterwards re-run trafficking:crosswalk for the data year (person and the sector tables are rebuilt by it), then trafficking:scoreriskindex if the year was scored.</source>
            <translation>ถอนการนำเข้าไฟล์ของหน่วยงานที่สำเร็จแล้วหนึ่งครั้ง (ปีข้อมูลผิด หน่วยงานผิด ไฟล์ส่งออกเสีย) เพื่อให้นำเข้าไฟล์ที่แก้ไขแล้วแทนได้โดยแถวไม่ถูกนับซ้ำ
สถานะของรอบนั้นใน import_run จะเป็น withdrawn และข้อความ (message) บันทึกว่าใคร เมื่อใด และเพราะอะไร แถวที่รอบนั้นพักไว้จะถูกลบออกจากตารางพักข้อมูล (รวมทั้งสถานที่ใน establishment และกิจกรรมใน activity) ข้อมูลระบุตัวตนของรอบนั้นจะถูกลบออกจากแฟ้มข้อมูลระบุตัวตน ส่วนแถวใน rejected_row ยังคงอยู่เป็นหลักฐาน audit_log บันทึกการถอน หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม
RUN คือ fid ของการนำเข้าใน import_run หรือเว้นว่างไว้แล้วระบุ FILE_NAME (ชื่อไฟล์ ไม่ต้องมีโฟลเดอร์) ของการนำเข้านั้น หากไม่ระบุทั้งสองอย่าง บันทึกการทำงานจะแสดงรายการการนำเข้าที่ถอนได้ ต้องระบุ REASON
หลังจากนั้นให้รัน trafficking:crosswalk ของปีข้อมูลนั้นใหม่ (person และตารางรายสาขาสร้างใหม่จากขั้นตอนนี้) แล้วรัน trafficking:scoreriskindex หากปีนั้นเคยคำนวณดัชนีความเสี่ยงแล้ว</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Import run id (fid in import_run)</source>
            <translation>รหัสการนำเข้า (fid ใน import_run)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Or the imported file's name (no folder)</source>
            <translation>หรือชื่อไฟล์ที่นำเข้า (ไม่ต้องระบุโฟลเดอร์)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Reason for withdrawing (recorded)</source>
            <translation>เหตุผลที่ถอน (บันทึกไว้)</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Staged rows deleted</source>
            <translation>แถวที่พักไว้ที่ถูกลบ</translation>
        </message>
        <message>
            <location filename="../../processing_algorithms/withdraw_import.py" />
            <source>Data year</source>
            <translation>ปีข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <source>{} holds no chips: no sheet to make.</source>
            <translation>{} ไม่มีภาพรายจุด: ไม่มีแผ่นเฝ้าระวังให้สร้าง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <source>The chip {} cannot be opened.</source>
            <translation>เปิดภาพ {} ไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <source>Canceled: the surveillance sheets are incomplete.</source>
            <translation>ยกเลิกแล้ว: แผ่นเฝ้าระวังไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <source>The surveillance sheets could not be written to {}: {}</source>
            <translation>เขียนแผ่นเฝ้าระวังลงใน {} ไม่ได้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <source>{} has no readable layer '{}'.</source>
            <translation>{} ไม่มีชั้นข้อมูล '{}' ที่อ่านได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/imagery_sheets.py" />
            <location filename="../../trafficking_plugin/outputs/risk_report_layout.py" />
            <source>could not write {}</source>
            <translation>เขียน {} ไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/risk_report_layout.py" />
            <source>Canceled: the report PDF is incomplete.</source>
            <translation>ยกเลิกแล้ว: รายงาน PDF ไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/risk_report_layout.py" />
            <source>The report PDF could not be written to {}: {}</source>
            <translation>เขียนรายงาน PDF ลงใน {} ไม่ได้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/risk_report_layout.py" />
            <source>Canceled: the report maps are incomplete.</source>
            <translation>ยกเลิกแล้ว: แผนที่ในรายงานไม่ครบถ้วน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Style for {} not saved: the database has no such layer.</source>
            <translation>ไม่ได้บันทึกรูปแบบการแสดงผลของ {}: ฐานข้อมูลไม่มีชั้นข้อมูลนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Style for {} not loaded: {}</source>
            <translation>โหลดรูปแบบการแสดงผลของ {} ไม่ได้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Default style</source>
            <translation>รูปแบบการแสดงผลเริ่มต้น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Style for {} not saved: {}</source>
            <translation>ไม่ได้บันทึกรูปแบบการแสดงผลของ {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Style {} for {} not saved: {}</source>
            <translation>ไม่ได้บันทึกรูปแบบการแสดงผล {} ของ {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>{} is not a QML style</source>
            <translation>{} ไม่ใช่ไฟล์รูปแบบการแสดงผล QML</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>style not loaded</source>
            <translation>โหลดรูปแบบการแสดงผลไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/styles.py" />
            <source>Style not stored in {}: {}</source>
            <translation>ไม่ได้เก็บรูปแบบการแสดงผลไว้ใน {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/audit.py" />
            <source>this database has no table of seals (audit_seal): upgrade it with Create or upgrade province database first</source>
            <translation>ฐานข้อมูลนี้ไม่มีตารางการผนึก (audit_seal): ปรับรุ่นด้วย สร้างหรือปรับรุ่นฐานข้อมูลจังหวัด ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>ID {} is neither a 13-digit Thai ID with a right check digit nor a G code (G and 12 digits)</source>
            <translation>เลขประจำตัว {} ไม่ใช่เลขประจำตัวประชาชน 13 หลักที่หลักตรวจสอบถูกต้อง และไม่ใช่รหัส G (G ตามด้วยตัวเลข 12 หลัก)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>'{}' is not an ISO 3166 alpha-2 country code (e.g. TH, MM, LA)</source>
            <translation>'{}' ไม่ใช่รหัสประเทศ ISO 3166 แบบสองตัวอักษร (เช่น TH, MM, LA)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>'{}' is not one of {}</source>
            <translation>'{}' ไม่ใช่ค่าใดใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>choose the step: {}</source>
            <translation>เลือกขั้นตอน: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>'{}' is not a {} value (one of: {}, …)</source>
            <translation>'{}' ไม่ใช่ค่าของ {} (ค่าที่ใช้ได้ เช่น {}, …)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>looks like it holds a personal ID: IDs go only in the victim's ID box</source>
            <translation>ดูเหมือนมีเลขประจำตัวบุคคลอยู่: ใส่เลขประจำตัวได้เฉพาะในช่องเลขประจำตัวผู้เสียหายเท่านั้น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>'{}' is not an 8-digit village code</source>
            <translation>'{}' ไม่ใช่รหัสหมู่บ้าน 8 หลัก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>age {} is out of range (0 to {})</source>
            <translation>อายุ {} อยู่นอกช่วงที่รับได้ (0 ถึง {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>'{}' is not a whole number of years</source>
            <translation>'{}' ไม่ใช่จำนวนปีเต็ม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>village {} is not in this database's village layer</source>
            <translation>หมู่บ้าน {} ไม่อยู่ในชั้นข้อมูลหมู่บ้านของฐานข้อมูลนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>the point is not a longitude/latitude</source>
            <translation>จุดนี้ไม่ใช่ลองจิจูด/ละติจูด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>give a village code or pick a point on the map; abroad, a country and a place name</source>
            <translation>ระบุรหัสหมู่บ้านหรือเลือกจุดบนแผนที่ ถ้าอยู่ต่างประเทศ ให้ระบุประเทศและชื่อสถานที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>a village code is a place in Thailand: leave the country empty or TH</source>
            <translation>รหัสหมู่บ้านเป็นสถานที่ในประเทศไทย: เว้นช่องประเทศว่างไว้หรือใส่ TH</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/case_records.py" />
            <source>the point is outside Thailand: give the country</source>
            <translation>จุดนี้อยู่นอกประเทศไทย: โปรดระบุประเทศ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>case {}: {}: {}</source>
            <translation>คดี {}: {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>
… and {} more</source>
            <translation>
… และอีก {} รายการ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>values outside HTCDS v2.0:
{}{}</source>
            <translation>ค่าที่ไม่เป็นไปตาม HTCDS v2.0:
{}{}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>not an HTCDS v2.0 field</source>
            <translation>ไม่ใช่ฟิลด์ของ HTCDS v2.0</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>The HTCDS export could not be written to {} ({}): choose a folder you can write to. No file was kept and no case was changed.</source>
            <translation>เขียนไฟล์ส่งออก HTCDS ไปที่ {} ไม่ได้ ({}): เลือกโฟลเดอร์ที่คุณเขียนได้ ไม่มีไฟล์ใดถูกเก็บไว้และไม่มีคดีใดถูกเปลี่ยนแปลง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>'{}' is not in the picklist</source>
            <translation>'{}' ไม่อยู่ในรายการให้เลือก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>'{}' is not an ISO 3166 alpha-2 code</source>
            <translation>'{}' ไม่ใช่รหัสประเทศ ISO 3166 แบบสองตัวอักษร</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>'{}' is not a date</source>
            <translation>'{}' ไม่ใช่วันที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/cases/htcds_export.py" />
            <source>'{}' is not an age in years</source>
            <translation>'{}' ไม่ใช่อายุเป็นปี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/create_database.py" />
            <source>{} exists and is not a GeoPackage: choose another file name</source>
            <translation>{} มีอยู่แล้วและไม่ใช่ GeoPackage: โปรดเลือกชื่อไฟล์อื่น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/create_database.py" />
            <source>{} is the database of province {}, not {}: choose another file for province {}</source>
            <translation>{} เป็นฐานข้อมูลของจังหวัด {} ไม่ใช่ {}: โปรดเลือกไฟล์อื่นสำหรับจังหวัด {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/database.py" />
            <source>{} could not be read ({}). Is it a province database?</source>
            <translation>อ่าน {} ไม่ได้ ({}) เป็นฐานข้อมูลจังหวัดหรือไม่?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/database.py" />
            <source>{} could not be written ({}). Is it open for editing elsewhere, or not a GeoPackage?</source>
            <translation>เขียน {} ไม่ได้ ({}) ไฟล์เปิดแก้ไขอยู่ที่อื่น หรือไม่ใช่ GeoPackage หรือไม่?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/database.py" />
            <source>{} does not exist: create it with trafficking:createdatabase first</source>
            <translation>ไม่พบ {}: สร้างฐานข้อมูลด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/database.py" />
            <source>{} is not a province database: create it with trafficking:createdatabase first</source>
            <translation>{} ไม่ใช่ฐานข้อมูลจังหวัด: สร้างฐานข้อมูลด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/national.py" />
            <source>{} is not a province database (no province_code in database_info)</source>
            <translation>{} ไม่ใช่ฐานข้อมูลจังหวัด (ไม่มี province_code ใน database_info)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/national.py" />
            <source>Data years {} of province {} were published by an earlier version without suppression; their per-person rows are now deleted. Publish those years again so that their area figures are protected too.</source>
            <translation>ปีข้อมูล {} ของจังหวัด {} เคยเผยแพร่โดยปลั๊กอินรุ่นก่อนโดยไม่ปกปิดข้อมูล แถวรายบุคคลของปีเหล่านั้นถูกลบแล้ว ให้เผยแพร่ปีเหล่านั้นอีกครั้งเพื่อให้ตัวเลขรายพื้นที่ได้รับการปกปิดด้วย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/national.py" />
            <source>Cannot connect to the national database ({}): {}</source>
            <translation>เชื่อมต่อฐานข้อมูลระดับชาติไม่ได้ ({}): {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/national.py" />
            <source>The national database refused the publication and was left as it was: {}</source>
            <translation>ฐานข้อมูลระดับชาติปฏิเสธการเผยแพร่ และคงสภาพเดิมไว้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/national.py" />
            <source>{}: replacing province {}, data year {}</source>
            <translation>{}: กำลังแทนที่ข้อมูลของจังหวัด {} ปีข้อมูล {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/public_export.py" />
            <source>level must be one of {}, not {}</source>
            <translation>ระดับพื้นที่ต้องเป็นหนึ่งใน {} ไม่ใช่ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/public_export.py" />
            <source>{} is the province database or would overwrite it: the public export goes to a folder of its own. Choose another folder.</source>
            <translation>{} เป็นฐานข้อมูลจังหวัดหรือจะเขียนทับฐานข้อมูลจังหวัด: การส่งออกสาธารณะต้องไปยังโฟลเดอร์ของตัวเอง กรุณาเลือกโฟลเดอร์อื่น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Re-release {} of data year {}: {}</source>
            <translation>เผยแพร่ใหม่ครั้งที่ {} ของปีข้อมูล {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Protecting {} groups of persons once for every publication of the year ({})…</source>
            <translation>กำลังปกปิดข้อมูลกลุ่มบุคคล {} กลุ่ม ครั้งเดียวสำหรับทุกการเผยแพร่ของปีนี้ ({})…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>the database has no province row: is it a province database?</source>
            <translation>ฐานข้อมูลไม่มีแถวของจังหวัด: เป็นฐานข้อมูลจังหวัดหรือไม่?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>{} has no scored person for data year {}: run trafficking:scoreriskindex for the year first.</source>
            <translation>{} ไม่มีบุคคลที่ประเมินแล้วสำหรับปีข้อมูล {}: ให้เรียกใช้ trafficking:scoreriskindex สำหรับปีนั้นก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Using the protection of data year {} recorded on {} (release {}).</source>
            <translation>ใช้การปกปิดข้อมูลของปีข้อมูล {} ที่บันทึกไว้เมื่อ {} (การเผยแพร่ครั้งที่ {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>The scored data of year {} changed since it was published on {} ({}: {} persons scored, scored at {}); it now has {} persons scored, scored at {}. New figures beside the published ones let anyone compare the two: restore the data that was published, or give a reason for a re-release (published files cannot be recalled).</source>
            <translation>ข้อมูลที่ประเมินแล้วของปี {} เปลี่ยนไปหลังจากเผยแพร่เมื่อ {} ({}: ประเมิน {} คน ประเมินเมื่อ {}) ขณะนี้ประเมิน {} คน ประเมินเมื่อ {} ตัวเลขใหม่ที่วางคู่กับตัวเลขที่เผยแพร่ไปแล้วทำให้ใครก็เปรียบเทียบกันได้: ให้คืนข้อมูลที่เคยเผยแพร่ หรือระบุเหตุผลของการเผยแพร่ใหม่ (ไฟล์ที่เผยแพร่ไปแล้วเรียกคืนไม่ได้)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Nothing changed since the year was published: the recorded protection is used and no re-release is made.</source>
            <translation>ข้อมูลไม่เปลี่ยนตั้งแต่เผยแพร่ปีนี้: ใช้การปกปิดข้อมูลที่บันทึกไว้ และไม่มีการเผยแพร่ใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Data year {} was published on {} ({}) with {}. Every publication of a year shares one protection, or together they would give suppressed cells away: publish with {} (any level and breakdown), or give a reason for a re-release to protect the year anew (published files cannot be recalled).</source>
            <translation>ปีข้อมูล {} เผยแพร่แล้วเมื่อ {} ({}) ด้วย {} การเผยแพร่ทุกครั้งของปีเดียวกันต้องใช้การปกป้องชุดเดียวกัน มิฉะนั้นเมื่อนำมารวมกันจะเปิดเผยช่องที่ปกปิดไว้: ให้เผยแพร่ด้วย {} (ระดับพื้นที่และการจำแนกใดก็ได้) หรือระบุเหตุผลของการเผยแพร่ใหม่เพื่อปกป้องปีนั้นใหม่ (ไฟล์ที่เผยแพร่ไปแล้วเรียกคืนไม่ได้)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/release.py" />
            <source>Another publication of data year {} was recorded while this one ran: run this one again.</source>
            <translation>มีการเผยแพร่ปีข้อมูล {} อีกครั้งหนึ่งถูกบันทึกไว้ระหว่างที่การเผยแพร่นี้ทำงาน: ให้เรียกใช้การเผยแพร่นี้อีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/report_chart.py" />
            <source>matplotlib is not installed: sudo apt install python3-matplotlib</source>
            <translation>ไม่ได้ติดตั้ง matplotlib: sudo apt install python3-matplotlib</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/report_tables.py" />
            <source>data year {} is not scored in this database: run trafficking:scoreriskindex first</source>
            <translation>ปีข้อมูล {} ยังไม่ได้คำนวณดัชนีความเสี่ยงในฐานข้อมูลนี้: เรียกใช้ trafficking:scoreriskindex ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/report_tables.py" />
            <source>{} has no scored risk tables ({}): run trafficking:scoreriskindex first</source>
            <translation>{} ไม่มีตารางผลการประเมินความเสี่ยง ({}): โปรดเรียกใช้ trafficking:scoreriskindex ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Audit trail: changed after sealing</source>
            <translation>บันทึกการแก้ไข: ถูกเปลี่ยนหลังผนึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Persons without a village</source>
            <translation>บุคคลที่ไม่มีหมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Impossible ages</source>
            <translation>อายุที่เป็นไปไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>The same person twice in a year</source>
            <translation>บุคคลเดียวกันซ้ำสองครั้งในปีเดียว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>The same household id twice</source>
            <translation>รหัสครัวเรือนเดียวกันซ้ำสองครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Indicators with low coverage</source>
            <translation>ตัวชี้วัดที่มีข้อมูลครอบคลุมน้อย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Villages with no data</source>
            <translation>หมู่บ้านที่ไม่มีข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Districts whose figures jumped from last year</source>
            <translation>อำเภอที่ตัวเลขเปลี่ยนไปมากจากปีก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Audit trail: what its triggers miss</source>
            <translation>บันทึกการแก้ไข: สิ่งที่ทริกเกอร์ไม่ได้บันทึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>ok</source>
            <translation>ผ่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>warning</source>
            <translation>คำเตือน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>error</source>
            <translation>ข้อผิดพลาด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>skipped</source>
            <translation>ข้าม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>{} has no persons for data year {}: import and crosswalk the year's files first</source>
            <translation>{} ไม่มีบุคคลของปีข้อมูล {}: นำเข้าและเทียบรหัสไฟล์ของปีนั้นก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>The report could not be written to {} ({})</source>
            <translation>เขียนรายงานลงใน {} ไม่ได้ ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>{} {}: {}</source>
            <translation>{} {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Agencies with no file this year</source>
            <translation>หน่วยงานที่ไม่มีไฟล์ในปีนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Household files of another year</source>
            <translation>ไฟล์ครัวเรือนของปีอื่น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/verify.py" />
            <source>Most persons without a sub-district</source>
            <translation>บุคคลส่วนใหญ่ไม่ทราบตำบล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/website.py" />
            <source>Writing the website from the public export…</source>
            <translation>กำลังเขียนเว็บไซต์จากการส่งออกข้อมูลสาธารณะ…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/dissemination/website.py" />
            <source>{} is the province database: the website goes to a folder of its own. Choose another folder.</source>
            <translation>{} คือฐานข้อมูลจังหวัด: เว็บไซต์ต้องอยู่ในโฟลเดอร์ของตนเอง โปรดเลือกโฟลเดอร์อื่น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/gdal_table.py" />
            <source>{} cannot be read as a table by GDAL: export it as CSV or XLSX</source>
            <translation>GDAL อ่าน {} เป็นตารางไม่ได้: โปรดส่งออกเป็น CSV หรือ XLSX</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/gdal_table.py" />
            <source>{} has no layer {}: name one of its layers as file|layername=name</source>
            <translation>{} ไม่มีชั้นข้อมูล {}: โปรดระบุชั้นข้อมูลหนึ่งของไฟล์ในรูป ไฟล์|layername=ชื่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{} ({}): {} rows read = {} staged + {} rejected</source>
            <translation>{} ({}): อ่าน {} แถว = รับไว้ {} + ปฏิเสธ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{} of {} staged rows are of another province than this database's {} (most of them {}): is it the right province's file? Rows of another province have no place here; withdraw the import if it is not</source>
            <translation>{} จาก {} แถวที่รับไว้เป็นของจังหวัดอื่น ไม่ใช่จังหวัด {} ของฐานข้อมูลนี้ (ส่วนใหญ่เป็น {}): เป็นไฟล์ของจังหวัดที่ถูกต้องหรือไม่ แถวของจังหวัดอื่นไม่ควรอยู่ที่นี่ หากไม่ใช่ ให้ถอนการนำเข้า</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{}: {} of {} rows rejected, so nothing was imported (the commonest reason, {} rows: {}). Is it the right file, encoding and source? Every reason is in rejected_row (run {}); correct the file and import it again.</source>
            <translation>{}: ปฏิเสธ {} จาก {} แถว จึงไม่ได้นำเข้าข้อมูลใดเลย (เหตุผลที่พบบ่อยที่สุด {} แถว: {}) ไฟล์ การเข้ารหัส และแหล่งข้อมูลถูกต้องหรือไม่? เหตุผลทั้งหมดอยู่ใน rejected_row (รอบที่ {}) โปรดแก้ไขไฟล์แล้วนำเข้าอีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>not a file of source '{}' ({}): the header lacks {}. Is it the right file and source?</source>
            <translation>ไม่ใช่ไฟล์ของแหล่งข้อมูล '{}' ({}): ส่วนหัวไม่มีคอลัมน์ {} เลือกไฟล์และแหล่งข้อมูลถูกต้องหรือไม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>{} is not a file: choose the agency's export file</source>
            <translation>{} ไม่ใช่ไฟล์: โปรดเลือกไฟล์ส่งออกของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{} staged rows have no ID (unlinked)</source>
            <translation>{} แถวที่รับไว้ไม่มีเลขประจำตัว (ไม่เชื่อมโยง)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{} empty lines skipped</source>
            <translation>ข้ามบรรทัดว่าง {} บรรทัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>the file has no header row and no data: export it again with its header</source>
            <translation>ไฟล์ไม่มีแถวหัวตารางและไม่มีข้อมูล: โปรดส่งออกใหม่พร้อมหัวตาราง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{} was already imported (run {}, {}); nothing was added</source>
            <translation>{} เคยนำเข้าแล้ว (การนำเข้าครั้งที่ {}, {}) ไม่มีการเพิ่มข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>Columns not in the {} spec, left out: {}</source>
            <translation>คอลัมน์ที่ไม่อยู่ในข้อกำหนดของ {} จึงไม่นำเข้า: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>column '{}' appears {} times in the header (columns {}): keep one of them and import again</source>
            <translation>คอลัมน์ '{}' ปรากฏ {} ครั้งในส่วนหัว (คอลัมน์ที่ {}): เก็บไว้เพียงคอลัมน์เดียวแล้วนำเข้าอีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>the {} file lacks the required column '{}': add it and import again</source>
            <translation>ไฟล์ {} ไม่มีคอลัมน์ที่จำเป็น '{}': เพิ่มคอลัมน์นี้แล้วนำเข้าอีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{}: {}</source>
            <translation>{}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_file.py" />
            <source>{}: canceled after {} rows; nothing was added</source>
            <translation>{}: ยกเลิกหลังอ่าน {} แถว ไม่มีการเพิ่มข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>run {}: {}, {} {} for data year {}, {} rows staged, finished {}</source>
            <translation>การนำเข้าครั้งที่ {}: {}, {} {} ปีข้อมูล {} รับไว้ {} แถว เสร็จเมื่อ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>Import run {} ({}, {}, data year {}) withdrawn: {} staged rows deleted, {} identities removed; its rejected rows are kept. The same file can be imported again.</source>
            <translation>ถอนการนำเข้าครั้งที่ {} ({}, {}, ปีข้อมูล {}) แล้ว: ลบแถวที่รับไว้ {} แถว ลบข้อมูลระบุตัวตน {} รายการ แถวที่ถูกปฏิเสธยังเก็บไว้ นำเข้าไฟล์เดิมได้อีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>give the reason for withdrawing the import (e.g. 'wrong data year'): it is recorded in import_run and audit_log</source>
            <translation>โปรดระบุเหตุผลที่ถอนการนำเข้า (เช่น 'ปีข้อมูลผิด'): เหตุผลจะถูกบันทึกใน import_run และ audit_log</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>give the run id (the fid in import_run) or the file name of the import to withdraw; the runs that can be withdrawn are:
{}</source>
            <translation>ระบุหมายเลขการนำเข้า (fid ใน import_run) หรือชื่อไฟล์ของการนำเข้าที่จะถอน การนำเข้าที่ถอนได้คือ:
{}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>no succeeded import of a file named {} in this database; the runs that can be withdrawn are:
{}</source>
            <translation>ไม่มีการนำเข้าที่สำเร็จของไฟล์ชื่อ {} ในฐานข้อมูลนี้ การนำเข้าที่ถอนได้คือ:
{}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>{} succeeded imports of files named {} (runs {}): give the run id of the one to withdraw</source>
            <translation>มีการนำเข้าที่สำเร็จ {} ครั้งของไฟล์ชื่อ {} (ครั้งที่ {}): ระบุหมายเลขการนำเข้าที่จะถอน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>(no succeeded import in this database)</source>
            <translation>(ไม่มีการนำเข้าที่สำเร็จในฐานข้อมูลนี้)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>import run {} ({}) is already withdrawn: {}</source>
            <translation>การนำเข้าครั้งที่ {} ({}) ถอนไปแล้ว: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>import run {} ({}) has nothing to withdraw: {}</source>
            <translation>การนำเข้าครั้งที่ {} ({}) ไม่มีข้อมูลให้ถอน: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>Re-run trafficking:crosswalk for data year {}: person and the sector tables still hold this file's rows until the crosswalk rebuilds them.</source>
            <translation>เรียกใช้ trafficking:crosswalk ของปีข้อมูล {} อีกครั้ง: ตาราง person และตารางรายสาขายังมีแถวของไฟล์นี้จนกว่าการเทียบรหัสจะสร้างตารางใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>{} has no audit_log table: upgrade it with trafficking:createdatabase first</source>
            <translation>{} ไม่มีตาราง audit_log: โปรดปรับรุ่นด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>No identity file at {}: no identities were removed (give the identity file if it is elsewhere).</source>
            <translation>ไม่พบแฟ้มข้อมูลระบุตัวตนที่ {}: ไม่มีการลบข้อมูลระบุตัวตน (ระบุแฟ้มข้อมูลระบุตัวตนหากอยู่ที่อื่น)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>there is no import run {} in this database; the runs that can be withdrawn are:
{}</source>
            <translation>ไม่มีการนำเข้าครั้งที่ {} ในฐานข้อมูลนี้ การนำเข้าที่ถอนได้คือ:
{}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>import run {} is {}, not {}: check which import to withdraw</source>
            <translation>การนำเข้าครั้งที่ {} คือ {} ไม่ใช่ {}: ตรวจสอบว่าจะถอนการนำเข้าใด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>The activity table no longer holds this file's activities: re-run trafficking:monitoractivities for the years it reported on.</source>
            <translation>ตารางกิจกรรมไม่มีกิจกรรมของไฟล์นี้แล้ว: เรียกใช้ trafficking:monitoractivities อีกครั้งสำหรับปีที่ไฟล์รายงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>Village distances to risky places were measured again without this survey's places.</source>
            <translation>วัดระยะจากหมู่บ้านถึงสถานที่เสี่ยงใหม่แล้ว โดยไม่รวมสถานที่จากการสำรวจนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>Data year {} has a risk index (risk_run): it is now stale until you re-run trafficking:scoreriskindex for it after the crosswalk.</source>
            <translation>ปีข้อมูล {} มีดัชนีความเสี่ยงแล้ว (risk_run): ดัชนีนี้ล้าสมัยจนกว่าจะเรียกใช้ trafficking:scoreriskindex ของปีนั้นอีกครั้งหลังการเทียบรหัส</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>Then score the year with trafficking:scoreriskindex when its files are complete.</source>
            <translation>จากนั้นคำนวณดัชนีความเสี่ยงของปีนั้นด้วย trafficking:scoreriskindex เมื่อไฟล์ครบแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>The risk index reads those distances: the risk index of data year(s) {} is now stale until re-scored with trafficking:scoreriskindex.</source>
            <translation>ดัชนีความเสี่ยงใช้ระยะเหล่านี้: ดัชนีความเสี่ยงของปีข้อมูล {} ล้าสมัยจนกว่าจะคำนวณใหม่ด้วย trafficking:scoreriskindex</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/import_runs.py" />
            <source>{}</source>
            <translation>{}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/ods.py" />
            <source>the sheet goes on past row {}, the last row of a spreadsheet: a damaged or crafted file; open it in LibreOffice and save it again</source>
            <translation>แผ่นงานมีแถวเกินแถวที่ {} ซึ่งเป็นแถวสุดท้ายของสเปรดชีต: ไฟล์เสียหายหรือถูกดัดแปลง; โปรดเปิดใน LibreOffice แล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/ods.py" />
            <source>the spreadsheet's parts are missing or broken ({}): open it in LibreOffice and save it again</source>
            <translation>ส่วนประกอบของสเปรดชีตขาดหายหรือเสียหาย ({}): โปรดเปิดใน LibreOffice แล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/ods.py" />
            <source>the spreadsheet is protected by a password: save it again without one</source>
            <translation>สเปรดชีตถูกป้องกันด้วยรหัสผ่าน: โปรดบันทึกใหม่โดยไม่ใส่รหัสผ่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/ods.py" />
            <source>row {} of the sheet holds more cells than a spreadsheet allows ({}): a crafted file; export the data again</source>
            <translation>แถวที่ {} ของแผ่นงานมีเซลล์มากกว่าที่สเปรดชีตรองรับ ({}): ไฟล์ถูกดัดแปลง; โปรดส่งออกข้อมูลใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} is the province database itself: the identity file is a file of its own, beside it ({})</source>
            <translation>{} คือฐานข้อมูลจังหวัดเอง: แฟ้มข้อมูลระบุตัวตนเป็นไฟล์แยกต่างหากที่อยู่ข้างกัน ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} is not this database's identity file ({}): it was made for another database (another province's, or an older copy). Give the identity file written beside this database.</source>
            <translation>{} ไม่ใช่แฟ้มข้อมูลระบุตัวตนของฐานข้อมูลนี้ ({}): แฟ้มนี้สร้างขึ้นสำหรับฐานข้อมูลอื่น (ของจังหวัดอื่น หรือสำเนาเก่า) โปรดระบุแฟ้มข้อมูลระบุตัวตนที่เขียนไว้ข้างฐานข้อมูลนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} holds none of the persons of {}: it is not this database's identity file. Give the identity file written beside this database.</source>
            <translation>{} ไม่มีบุคคลใดของ {}: ไม่ใช่แฟ้มข้อมูลระบุตัวตนของฐานข้อมูลนี้ โปรดระบุแฟ้มข้อมูลระบุตัวตนที่เขียนไว้ข้างฐานข้อมูลนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} holds no province secret: it is not an identity file</source>
            <translation>{} ไม่มีรหัสลับของจังหวัด: ไม่ใช่แฟ้มข้อมูลระบุตัวตน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>the identity file {} does not exist, but {} was imported with one: give that file (a new one would give every person a second pseudonym)</source>
            <translation>ไม่มีแฟ้มข้อมูลระบุตัวตน {} แต่ {} นำเข้าข้อมูลโดยใช้แฟ้มข้อมูลระบุตัวตนแล้ว: โปรดระบุแฟ้มนั้น (แฟ้มใหม่จะทำให้ทุกคนมีรหัสแทนตัวบุคคลชุดที่สอง)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>the identity file {} does not exist: give the &lt;database&gt;.identity.sqlite written beside the database by the imports</source>
            <translation>ไม่มีแฟ้มข้อมูลระบุตัวตน {}: โปรดระบุ &lt;database&gt;.identity.sqlite ที่การนำเข้าเขียนไว้ข้างฐานข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} is not an identity file ({})</source>
            <translation>{} ไม่ใช่แฟ้มข้อมูลระบุตัวตน ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/pseudonym.py" />
            <source>{} is not an identity file (it lacks the person_identity table)</source>
            <translation>{} ไม่ใช่แฟ้มข้อมูลระบุตัวตน (ไม่มีตาราง person_identity)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file is empty (0 bytes): export it again from the agency's system</source>
            <translation>ไฟล์ว่างเปล่า (0 ไบต์): โปรดส่งออกใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file is a zip archive but not an XLSX or ODS spreadsheet: unpack it</source>
            <translation>ไฟล์เป็นไฟล์บีบอัด zip แต่ไม่ใช่สเปรดชีต XLSX หรือ ODS: โปรดแตกไฟล์ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file is not a table (it is a PDF, image or compressed file): export the data as CSV or XLSX</source>
            <translation>ไฟล์ไม่ใช่ตาราง (เป็น PDF รูปภาพ หรือไฟล์บีบอัด): โปรดส่งออกข้อมูลเป็น CSV หรือ XLSX</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>unknown encoding '{}': use one of {}</source>
            <translation>ไม่รู้จักการเข้ารหัสอักขระ '{}': ใช้ค่าใดค่าหนึ่งใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file holds binary data (NUL bytes) without a UTF-16 byte-order mark: it is not a text table (if it is UTF-16 text, choose the encoding utf-16)</source>
            <translation>ไฟล์มีข้อมูลไบนารี (ไบต์ NUL) โดยไม่มีเครื่องหมายลำดับไบต์ UTF-16: ไม่ใช่ตารางข้อความ (หากเป็นข้อความ UTF-16 โปรดเลือกการเข้ารหัส utf-16)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the DBF file lists no fields: a damaged file; export it again from the agency's system</source>
            <translation>ไฟล์ DBF ไม่มีรายการเขตข้อมูล: ไฟล์เสียหาย; โปรดส่งออกใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the DBF file's fields take {} bytes but its records only {}: a damaged file; export it again from the agency's system</source>
            <translation>เขตข้อมูลของไฟล์ DBF ใช้ {} ไบต์ แต่แต่ละระเบียนมีเพียง {} ไบต์: ไฟล์เสียหาย; โปรดส่งออกใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file does not start with a UTF-16 byte-order mark, so it is not UTF-16 text: import it with the encoding auto</source>
            <translation>ไฟล์ไม่ได้ขึ้นต้นด้วยเครื่องหมายลำดับไบต์ UTF-16 จึงไม่ใช่ข้อความ UTF-16: โปรดนำเข้าโดยเลือกการเข้ารหัส auto</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the spreadsheet cannot be opened ({}): open it in the spreadsheet program and save it again</source>
            <translation>เปิดสเปรดชีตไม่ได้ ({}): โปรดเปิดในโปรแกรมสเปรดชีตแล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the DBF file's list of fields is cut short (a damaged or truncated file): export it again from the agency's system</source>
            <translation>รายการเขตข้อมูลของไฟล์ DBF ขาดหาย (ไฟล์เสียหายหรือไม่ครบ): โปรดส่งออกใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>the file looks like a spreadsheet but is damaged (a broken zip): open and save it again in the spreadsheet program</source>
            <translation>ไฟล์ดูเหมือนสเปรดชีตแต่เสียหาย (zip เสีย): โปรดเปิดและบันทึกใหม่ในโปรแกรมสเปรดชีต</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/readers.py" />
            <source>line {}: {}</source>
            <translation>บรรทัด {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/spec.py" />
            <source>{}, {}: {}</source>
            <translation>{}, {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/spec.py" />
            <source>no spec for source '{}': the shipped sources are {}, or give the path of a spec .yaml file</source>
            <translation>ไม่มีข้อกำหนดของแหล่งข้อมูล '{}': แหล่งข้อมูลที่มากับปลั๊กอินคือ {} หรือระบุที่อยู่ไฟล์ข้อกำหนด .yaml</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the file's part {} unpacks to {} MB, more than the {} MB any agency file needs: a damaged or crafted file; export the data again from the agency's system</source>
            <translation>ส่วน {} ของไฟล์ขยายได้ {} MB เกินกว่า {} MB ที่ไฟล์ของหน่วยงานใดๆ ต้องใช้: ไฟล์เสียหายหรือถูกดัดแปลง; โปรดส่งออกข้อมูลใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the file's part {} unpacks to {} MB from {} KB compressed ({} times; real sheets pack 3 to 30 times): a crafted file (a zip bomb); export the data again from the agency's system</source>
            <translation>ส่วน {} ของไฟล์ขยายได้ {} MB จากที่บีบอัดไว้ {} KB ({} เท่า; แผ่นงานจริงบีบอัดได้ 3 ถึง 30 เท่า): ไฟล์ถูกดัดแปลง (zip bomb); โปรดส่งออกข้อมูลใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the file is damaged (its XML breaks off: {}): open it in the spreadsheet program and save it again</source>
            <translation>ไฟล์เสียหาย (XML ขาดตอน: {}): โปรดเปิดในโปรแกรมสเปรดชีตแล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the file is damaged ({}): open it in the spreadsheet program and save it again</source>
            <translation>ไฟล์เสียหาย ({}): โปรดเปิดในโปรแกรมสเปรดชีตแล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the workbook has no sheet: open it in Excel and save it again</source>
            <translation>สมุดงานไม่มีแผ่นงาน: โปรดเปิดใน Excel แล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the sheet goes on past row {}, Excel's last row: a damaged or crafted file; open it in Excel and save it again</source>
            <translation>แผ่นงานมีแถวเกินแถวที่ {} ซึ่งเป็นแถวสุดท้ายของ Excel: ไฟล์เสียหายหรือถูกดัดแปลง; โปรดเปิดใน Excel แล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>row {} of the sheet holds more cells than Excel allows ({}): a crafted file; export the data again from the agency's system</source>
            <translation>แถวที่ {} ของแผ่นงานมีเซลล์มากกว่าที่ Excel รองรับ ({}): ไฟล์ถูกดัดแปลง; โปรดส่งออกข้อมูลใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the workbook's parts are missing or broken ({}): open it in Excel and save it again</source>
            <translation>ส่วนประกอบของสมุดงานขาดหายหรือเสียหาย ({}): โปรดเปิดใน Excel แล้วบันทึกใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/ingest/xlsx.py" />
            <source>the workbook holds more than {} shared strings, far more than any agency file: a crafted file; export the data again from the agency's system</source>
            <translation>สมุดงานมีข้อความที่ใช้ร่วมกัน (shared strings) มากกว่า {} รายการ ซึ่งมากเกินกว่าไฟล์ของหน่วยงานใดๆ: ไฟล์ถูกดัดแปลง; โปรดส่งออกข้อมูลใหม่จากระบบของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/coverage.py" />
            <source>the travel distance must be positive, got {}</source>
            <translation>ระยะเดินทางต้องมากกว่า 0 (ได้ {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/coverage.py" />
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <location filename="../../trafficking_plugin/core/risk/prevention_targets.py" />
            <source>{} has no risk scores for data year {}: run trafficking:scoreriskindex first</source>
            <translation>{} ไม่มีคะแนนความเสี่ยงของปีข้อมูล {}: เรียกใช้ trafficking:scoreriskindex ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/activities.py" />
            <source>the spec {} lacks the field(s) {} an activity file needs</source>
            <translation>ข้อกำหนด {} ไม่มีฟิลด์ {} ที่ไฟล์กิจกรรมต้องมี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/activities.py" />
            <source>the database's activity table is from an older plugin: upgrade it with trafficking:createdatabase first</source>
            <translation>ตารางกิจกรรมของฐานข้อมูลมาจากปลั๊กอินรุ่นเก่า: โปรดปรับรุ่นด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/activities.py" />
            <source>the database has no villages to place activities in: build it with trafficking:createdatabase and a village layer</source>
            <translation>ฐานข้อมูลไม่มีหมู่บ้านสำหรับระบุตำแหน่งกิจกรรม: โปรดสร้างด้วย trafficking:createdatabase พร้อมชั้นข้อมูลหมู่บ้าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>fix it in the indicator table (its attribute table in QGIS)</source>
            <translation>แก้ไขในตารางตัวชี้วัด (ตารางข้อมูลคุณลักษณะใน QGIS)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>indicator {}</source>
            <translation>ตัวชี้วัด {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>indicator row fid {}</source>
            <translation>ตัวชี้วัดแถว fid {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{}: enabled must be 0 or 1, not {!r}: {}</source>
            <translation>{}: enabled ต้องเป็น 0 หรือ 1 ไม่ใช่ {!r}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>indicator {}: code: used by two enabled rows: {}</source>
            <translation>ตัวชี้วัด {}: code: ใช้ซ้ำในสองแถวที่เปิดใช้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>indicator {}: {}: {}: {}</source>
            <translation>ตัวชี้วัด {}: {}: {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>{!r} must be 2-16 upper-case letters, digits or _, starting with a letter (e.g. I01)</source>
            <translation>{!r} ต้องเป็นอักษรตัวใหญ่ ตัวเลข หรือ _ ยาว 2-16 ตัว ขึ้นต้นด้วยตัวอักษร (เช่น I01)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>{!r} must be one of {}</source>
            <translation>{!r} ต้องเป็นค่าใดค่าหนึ่งใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>must name the indicator's dimension</source>
            <translation>ต้องระบุมิติของตัวชี้วัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>is empty: list the standard fields read as table.field, space separated</source>
            <translation>ว่างอยู่: ระบุฟิลด์มาตรฐานที่ใช้ในรูป table.field คั่นด้วยช่องว่าง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>{!r} must be a number, 0 or more</source>
            <translation>{!r} ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{!r} must be true or false</source>
            <translation>{!r} ต้องเป็น true หรือ false</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>must be a non-empty text</source>
            <translation>ต้องเป็นข้อความที่ไม่ว่าง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>must be one condition, without ';'</source>
            <translation>ต้องเป็นเงื่อนไขเดียว ไม่มี ';'</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>{!r} is not a table.field of the database (docs/schema.md)</source>
            <translation>{!r} ไม่ใช่ table.field ของฐานข้อมูล (docs/schema.md)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/indicators.py" />
            <source>not a condition on the person facts (docs/risk_index.md): {}</source>
            <translation>ไม่ใช่เงื่อนไขบนข้อเท็จจริงรายบุคคล (docs/risk_index.md): {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>{} has no activity table of this plugin's version: upgrade it with trafficking:createdatabase, then import activities with trafficking:importactivities</source>
            <translation>{} ไม่มีตารางกิจกรรมของปลั๊กอินรุ่นนี้: ปรับรุ่นฐานข้อมูลด้วย trafficking:createdatabase แล้วนำเข้ากิจกรรมด้วย trafficking:importactivities</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>Activities {}: {}, of them {} in high-risk areas ({}); {}: {}, {} in high-risk areas ({}).</source>
            <translation>กิจกรรม {}: {} ครั้ง อยู่ในพื้นที่เสี่ยงสูง {} ครั้ง ({}); {}: {} ครั้ง อยู่ในพื้นที่เสี่ยงสูง {} ครั้ง ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>Share of activities in high-risk areas changed by {:+.1f} percentage points from {} to {}.</source>
            <translation>สัดส่วนกิจกรรมในพื้นที่เสี่ยงสูงเปลี่ยนไป {:+.1f} จุดร้อยละ จาก {} ถึง {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>No change of the share can be given: a year without activities ({} or {}).</source>
            <translation>บอกการเปลี่ยนแปลงของสัดส่วนไม่ได้: มีปีที่ไม่มีกิจกรรม ({} หรือ {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>{} of {} high-risk villages had no activity in {}: {}</source>
            <translation>หมู่บ้านเสี่ยงสูง {} จาก {} แห่งไม่มีกิจกรรมใน {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>{} of {} high-risk villages had no activity in {}.</source>
            <translation>หมู่บ้านเสี่ยงสูง {} จาก {} แห่งไม่มีกิจกรรมใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/monitoring.py" />
            <source>No activities are recorded for these years: import them with trafficking:importactivities.</source>
            <translation>ไม่มีกิจกรรมบันทึกไว้ในปีเหล่านี้: นำเข้าด้วย trafficking:importactivities</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/prevention_targets.py" />
            <source>ask for at least one village and zero or more persons per village</source>
            <translation>โปรดระบุอย่างน้อยหนึ่งหมู่บ้าน และจำนวนบุคคลต่อหมู่บ้านตั้งแต่ศูนย์ขึ้นไป</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/prevention_targets.py" />
            <source>{} holds none of the listed persons of {}: it is not this database's identity file (another province's, or an older copy?)</source>
            <translation>{} ไม่มีบุคคลในรายการของ {} เลย: ไม่ใช่แฟ้มข้อมูลระบุตัวตนของฐานข้อมูลนี้ (เป็นของจังหวัดอื่น หรือเป็นสำเนาเก่า?)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/prevention_targets.py" />
            <source>{} does not belong to {}: its identities do not hash to the database's pseudonyms with its secret (a changed secret or another province's file). Use the identity file written by the imports.</source>
            <translation>{} ไม่ใช่ของ {}: ข้อมูลระบุตัวตนในแฟ้มไม่ตรงกับรหัสแฝงของฐานข้อมูลเมื่อใช้รหัสลับของแฟ้ม (รหัสลับถูกเปลี่ยน หรือเป็นแฟ้มของจังหวัดอื่น) ใช้แฟ้มข้อมูลระบุตัวตนที่การนำเข้าเขียนไว้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/prevention_targets.py" />
            <source>{} would be written into {}: the work list goes to a file of its own, never into the province database or its identity file. Choose another output file.</source>
            <translation>{} จะถูกเขียนลงใน {}: รายการงานต้องอยู่ในไฟล์ของตนเอง ห้ามเขียนลงฐานข้อมูลจังหวัดหรือแฟ้มข้อมูลระบุตัวตน โปรดเลือกไฟล์ผลลัพธ์อื่น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Scoring {} persons of data year {} on {} indicators (catalogue {}, method {})</source>
            <translation>กำลังคำนวณคะแนนบุคคล {} คนของปีข้อมูล {} ด้วยตัวชี้วัด {} ตัว (ชุดตัวชี้วัด {} วิธี {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Building the person facts</source>
            <translation>กำลังสร้างข้อเท็จจริงรายบุคคล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Scoring the indicators</source>
            <translation>กำลังคำนวณคะแนนตัวชี้วัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Summing up villages, sub-districts and districts</source>
            <translation>กำลังสรุปผลระดับหมู่บ้าน ตำบล และอำเภอ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>weight {!r} is not CODE=number (e.g. I09=2)</source>
            <translation>น้ำหนัก {!r} ไม่อยู่ในรูป รหัส=ตัวเลข (เช่น I09=2)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>unknown method {!r}: use one of {}</source>
            <translation>ไม่รู้จักวิธี {!r}: ใช้วิธีใดวิธีหนึ่งใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>the area medium ratio {} is above its high ratio {}</source>
            <translation>อัตราส่วนระดับปานกลางของพื้นที่ {} สูงกว่าอัตราส่วนระดับสูง {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>the villages' high fraction {} is above their medium fraction {}</source>
            <translation>สัดส่วนระดับสูงของหมู่บ้าน {} สูงกว่าสัดส่วนระดับปานกลาง {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>unknown target population {!r}: use one of {}</source>
            <translation>ไม่รู้จักกลุ่มเป้าหมาย {!r}: ใช้ค่าใดค่าหนึ่งใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>no persons for data year {} in this database: import the agency files and run trafficking:crosswalk for that year first</source>
            <translation>ไม่มีบุคคลของปีข้อมูล {} ในฐานข้อมูลนี้: นำเข้าไฟล์ของหน่วยงานและเรียกใช้ trafficking:crosswalk ของปีนั้นก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Uncertainty: {} draws of the weights, and of all the choices, and each indicator left out</source>
            <translation>ความไม่แน่นอน: สุ่มน้ำหนัก {} ครั้ง สุ่มทุกทางเลือก และตัดตัวชี้วัดออกทีละตัว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>weights given for {}, which the indicator table does not have enabled (enabled: {})</source>
            <translation>ระบุน้ำหนักของ {} ซึ่งไม่ได้เปิดใช้ในตารางตัวชี้วัด (ที่เปิดใช้: {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>every enabled indicator has weight 0: nothing to score</source>
            <translation>ตัวชี้วัดที่เปิดใช้ทุกตัวมีน้ำหนัก 0: ไม่มีอะไรให้ประเมิน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>dimension weights given for {}, which the catalogue does not have ({})</source>
            <translation>ระบุน้ำหนักมิติของ {} ซึ่งไม่มีในชุดตัวชี้วัด ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>{} are all of kind exposure: one indicator at most scales the index by exposure; fix it in the indicator table</source>
            <translation>{} เป็นตัวชี้วัดประเภท exposure ทั้งหมด: ปรับดัชนีตามการสัมผัสความเสี่ยงได้ไม่เกินหนึ่งตัวชี้วัด แก้ไขในตารางตัวชี้วัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Risk index of data year {} ({}, catalogue {}): {} persons, {} scored, {} below the minimum coverage of {} dimensions (not enough data: counted, not scored)</source>
            <translation>ดัชนีความเสี่ยงของปีข้อมูล {} ({} ชุดตัวชี้วัด {}): บุคคล {} คน ได้คะแนน {} คน {} คนมีข้อมูลไม่ถึงขั้นต่ำ {} มิติ (ข้อมูลไม่พอ: นับรวมแต่ไม่ให้คะแนน)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Risk classes: high {} ({}), medium {} ({}), low {} ({})</source>
            <translation>ระดับความเสี่ยง: สูง {} ({}) ปานกลาง {} ({}) ต่ำ {} ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>{} persons with no known sub-district are in the province's figures only</source>
            <translation>บุคคล {} คนที่ไม่ทราบตำบลอยู่ในตัวเลขระดับจังหวัดเท่านั้น</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/risk_index.py" />
            <source>Alkire-Foster k={}: H={:.3f}, A={:.3f}, M0={:.3f}</source>
            <translation>Alkire-Foster k={}: H={:.3f}, A={:.3f}, M0={:.3f}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/validation.py" />
            <source>outcomes must come after the data year {}: a case known by then is an input of the index, not a test of it</source>
            <translation>เหตุการณ์ต้องเกิดหลังปีข้อมูล {}: คดีที่รู้อยู่แล้วในปีนั้นเป็นข้อมูลนำเข้าของดัชนี ไม่ใช่การทดสอบดัชนี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/validation.py" />
            <source>data year {} is not scored: run trafficking:scoreriskindex first</source>
            <translation>ปีข้อมูล {} ยังไม่ได้ประเมิน: โปรดเรียกใช้ trafficking:scoreriskindex ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/validation.py" />
            <source>the outcome file {} has no village_code or person_id column</source>
            <translation>แฟ้มเหตุการณ์ {} ไม่มีคอลัมน์ village_code หรือ person_id</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/validation.py" />
            <source>no village of {} has a scored person: is the village layer loaded (trafficking:createdatabase)?</source>
            <translation>ไม่มีหมู่บ้านใดในปี {} ที่มีบุคคลที่ประเมินแล้ว: โหลดชั้นข้อมูลหมู่บ้านแล้วหรือยัง (trafficking:createdatabase)?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/risk/validation.py" />
            <source>the outcome file {} cannot be read ({}): give a CSV with a village_code or person_id column</source>
            <translation>อ่านแฟ้มเหตุการณ์ {} ไม่ได้ ({}): โปรดระบุ CSV ที่มีคอลัมน์ village_code หรือ person_id</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/schema.py" />
            <source>this database has schema version {}, newer than this plugin's {}: update the plugin before opening it</source>
            <translation>ฐานข้อมูลนี้มีโครงสร้างรุ่น {} ใหม่กว่ารุ่น {} ของปลั๊กอินนี้: โปรดปรับรุ่นปลั๊กอินก่อนเปิด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/schema.py" />
            <source>this database holds birth dates or house numbers ({}), as versions before schema 4 kept them: upgrade it with 'Create or upgrade province database' first, which moves them to the identity file</source>
            <translation>ฐานข้อมูลนี้ยังเก็บวันเกิดหรือบ้านเลขที่ ({}) ตามที่รุ่นก่อนโครงสร้างรุ่น 4 เคยเก็บไว้: โปรดปรับรุ่นด้วย 'สร้างหรือปรับรุ่นฐานข้อมูลจังหวัด' ก่อน ซึ่งจะย้ายข้อมูลเหล่านี้ไปไว้ในแฟ้มข้อมูลระบุตัวตน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>fix it in the {} table (its attribute table in QGIS)</source>
            <translation>แก้ไขในตาราง {} (ตารางข้อมูลคุณลักษณะใน QGIS)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{}: code: used twice: {}</source>
            <translation>{}: code: ใช้ซ้ำสองครั้ง: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>establishment_rule {}: code: used by two enabled rows: {}</source>
            <translation>establishment_rule {}: code: ใช้ซ้ำในสองแถวที่เปิดใช้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{!r} must be lowercase letters, digits and _ (e.g. karaoke)</source>
            <translation>{!r} ต้องเป็นอักษรตัวเล็ก ตัวเลข และ _ (เช่น karaoke)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{!r} must be a number</source>
            <translation>{!r} ต้องเป็นตัวเลข</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>{!r} must be upper-case letters, digits or _, starting with a letter (e.g. P01)</source>
            <translation>{!r} ต้องเป็นอักษรตัวใหญ่ ตัวเลข หรือ _ ขึ้นต้นด้วยตัวอักษร (เช่น P01)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>must be an SQL condition, e.g. minors_observed &gt; 0</source>
            <translation>ต้องเป็นเงื่อนไข SQL เช่น minors_observed &gt; 0</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/catalogue.py" />
            <source>not a condition on the establishment columns (docs/sin_space.md): {}</source>
            <translation>ไม่ใช่เงื่อนไขบนคอลัมน์ของสถานประกอบการ (docs/sin_space.md): {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>{} establishments scored: {} high, {} medium, {} low (cut-points {:g} and {:g}); distances written for {} villages</source>
            <translation>คำนวณคะแนนสถานประกอบการ {} แห่ง: สูง {} ปานกลาง {} ต่ำ {} (จุดตัด {:g} และ {:g}) บันทึกระยะของหมู่บ้าน {} แห่ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>the high cut-point ({:g}) must be above the medium one ({:g})</source>
            <translation>จุดตัดระดับสูง ({:g}) ต้องสูงกว่าจุดตัดระดับปานกลาง ({:g})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>the database lacks the establishment_rule table: upgrade it with trafficking:createdatabase first</source>
            <translation>ฐานข้อมูลไม่มีตาราง establishment_rule: โปรดปรับรุ่นด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>the database lacks the table(s) {}: upgrade it with trafficking:createdatabase first</source>
            <translation>ฐานข้อมูลไม่มีตาราง {}: ปรับรุ่นฐานข้อมูลด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>the database has no province boundary to check the places against: build it with trafficking:createdatabase</source>
            <translation>ฐานข้อมูลไม่มีขอบเขตจังหวัดสำหรับตรวจสอบสถานที่: โปรดสร้างด้วย trafficking:createdatabase</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>Unknown establishment type '{}' on rows {}: kept as found, scored with base 0; add it to establishment_type to score it</source>
            <translation>ไม่รู้จักประเภทสถานประกอบการ '{}' ในแถวที่ {}: เก็บไว้ตามที่พบ คะแนนฐานเป็น 0 เพิ่มประเภทนี้ใน establishment_type เพื่อให้คะแนน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/establishments.py" />
            <source>Rows {}: the coordinate could not be used (see above); placed at their village instead</source>
            <translation>แถวที่ {}: ใช้พิกัดไม่ได้ (ดูข้างบน) จึงวางไว้ที่หมู่บ้านของแถวแทน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>Band order '{}' must name three bands (red, green, blue), numbered from 1, e.g. 1,2,3.</source>
            <translation>ลำดับแบนด์ '{}' ต้องระบุสามแบนด์ (แดง เขียว น้ำเงิน) นับจาก 1 เช่น 1,2,3</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>Band order '{}' asks for band {}, but the imagery has {} band(s).</source>
            <translation>ลำดับแบนด์ '{}' ขอแบนด์ที่ {} แต่ภาพถ่ายมีเพียง {} แบนด์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>The radius must be more than 0 m (got {}).</source>
            <translation>รัศมีต้องมากกว่า 0 เมตร (ได้ {})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>Resampling '{}' is not one of {}.</source>
            <translation>วิธีสุ่มตัวอย่างใหม่ '{}' ไม่ใช่ค่าใดใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>Band order '{}' is not three band numbers such as 1,2,3.</source>
            <translation>ลำดับแบนด์ '{}' ไม่ใช่หมายเลขแบนด์สามตัว เช่น 1,2,3</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>{} cannot be read as imagery ({}).</source>
            <translation>อ่าน {} เป็นภาพถ่ายไม่ได้ ({})</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery.py" />
            <source>{} has no coordinate reference system: georeference it first (e.g. with the Georeferencer).</source>
            <translation>{} ไม่มีระบบพิกัดอ้างอิง: กำหนดพิกัดให้ภาพก่อน (เช่น ด้วย Georeferencer)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery_establishments.py" />
            <source>Risk class '{}' is not one of {}.</source>
            <translation>ระดับความเสี่ยง '{}' ไม่ใช่ค่าใดใน {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery_establishments.py" />
            <source>A place's geometry is not a point.</source>
            <translation>รูปทรงของสถานที่ไม่ใช่จุด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery_establishments.py" />
            <source>{} has no establishment table: is it a province database (trafficking:createdatabase), with places imported (trafficking:importsinspace)?</source>
            <translation>{} ไม่มีตารางสถานประกอบการ: เป็นฐานข้อมูลจังหวัด (trafficking:createdatabase) ที่นำเข้าสถานที่แล้ว (trafficking:importsinspace) หรือไม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/sin_space/imagery_establishments.py" />
            <source>{}: establishment is in EPSG:{}, expected EPSG:4326.</source>
            <translation>{}: ตารางสถานประกอบการอยู่ในระบบพิกัด EPSG:{} แต่ต้องเป็น EPSG:4326</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/crosswalk.py" />
            <source>Crosswalk of data year {}: {}; {} records without a linkable ID kept unlinked; {} unmapped codes on {} rows (see unmapped_code)</source>
            <translation>การเทียบรหัสของปีข้อมูล {}: {}; ระเบียนที่ไม่มีเลขประจำตัวที่เชื่อมโยงได้ {} ระเบียนเก็บไว้โดยไม่เชื่อมโยง; รหัสที่ยังไม่มีการเทียบ {} รหัสใน {} แถว (ดู unmapped_code)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/crosswalk.py" />
            <source>no succeeded import for data year {} in this database: import the agency files with trafficking:importsecondarydata first</source>
            <translation>ไม่มีการนำเข้าที่สำเร็จของปีข้อมูล {} ในฐานข้อมูลนี้: นำเข้าไฟล์ของหน่วยงานด้วย trafficking:importsecondarydata ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/crosswalk.py" />
            <source>Crosswalk of {}</source>
            <translation>กำลังเทียบรหัสของ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/gaps.py" />
            <source>data year {}: no file of {} is imported, so the index lacks their indicators; import them with trafficking:importsecondarydata and run the crosswalk again</source>
            <translation>ปีข้อมูล {}: ยังไม่ได้นำเข้าไฟล์ของ {} ดัชนีจึงขาดตัวชี้วัดจากหน่วยงานเหล่านี้ นำเข้าด้วย trafficking:importsecondarydata แล้วเทียบรหัสอีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/gaps.py" />
            <source>{} of {} persons ({} %) of data year {} have no known sub-district: they are in the province's figures only, not on the maps. Import the household files (e.g. the health HOME file) and run the crosswalk again</source>
            <translation>บุคคล {} จาก {} คน ({} %) ของปีข้อมูล {} ไม่ทราบตำบล: อยู่ในตัวเลขระดับจังหวัดเท่านั้น ไม่ปรากฏบนแผนที่ นำเข้าไฟล์ครัวเรือน (เช่น แฟ้ม HOME ของสาธารณสุข) แล้วเทียบรหัสอีกครั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/standard/gaps.py" />
            <source>{} (import run {}) is imported as data year {}, but {} of its {} households were surveyed in another year, most in {}: withdraw it (trafficking:withdrawimport) and import it under its year</source>
            <translation>{} (การนำเข้าครั้งที่ {}) นำเข้าเป็นปีข้อมูล {} แต่ {} จาก {} ครัวเรือนสำรวจในปีอื่น ส่วนใหญ่ใน {}: ถอนการนำเข้า (trafficking:withdrawimport) แล้วนำเข้าใหม่ภายใต้ปีที่ถูกต้อง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/thai_calendar.py" />
            <source>{} is not a data year: give a year from {} to {} (Common Era) or {} to {} (Buddhist era)</source>
            <translation>{} ไม่ใช่ปีข้อมูล: โปรดระบุปีตั้งแต่ {} ถึง {} (ค.ศ.) หรือ {} ถึง {} (พ.ศ.)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/partner_page.py" />
            <source>could not write the partner page into {}: {}</source>
            <translation>ไม่สามารถเขียนหน้าเว็บสำหรับภาคีลงใน {}: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/project.py" />
            <location filename="../../trafficking_plugin/outputs/server_project.py" />
            <source>could not write {}: {}</source>
            <translation>เขียน {} ไม่ได้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/project.py" />
            <source>data year {} is not scored in {}; the latest scored year is {}</source>
            <translation>ปีข้อมูล {} ยังไม่ได้ประเมินใน {}; ปีล่าสุดที่ประเมินแล้วคือ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/project.py" />
            <source>{}: the table {} cannot be opened as a layer</source>
            <translation>{}: เปิดตาราง {} เป็นชั้นข้อมูลไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/project.py" />
            <source>the report layer {} is not valid: {}</source>
            <translation>ชั้นข้อมูลรายงาน {} ใช้ไม่ได้: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/project.py" />
            <source>{} lacks the table(s) {}: make it with trafficking:createdatabase</source>
            <translation>{} ไม่มีตาราง {}: สร้างฐานข้อมูลด้วย trafficking:createdatabase</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/server_project.py" />
            <source>{} has no scored data year: run trafficking:scoreriskindex first</source>
            <translation>{} ยังไม่มีปีข้อมูลที่ประเมินแล้ว: เรียกใช้ trafficking:scoreriskindex ก่อน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/server_project.py" />
            <source>the layer {} cannot be opened</source>
            <translation>เปิดชั้นข้อมูล {} ไม่ได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/server_project.py" />
            <source>could not read {}: {}</source>
            <translation>อ่าน {} ไม่ได้: {}</translation>
        </message>
        <message>
            <source>Agency source ({}) or spec file (.yaml)</source>
            <translation type="obsolete">แหล่งข้อมูลของหน่วยงาน ({}) หรือไฟล์ข้อกำหนด (.yaml)</translation>
        </message>
        <message>
            <source>Aggregate tables safe for the public and the media from a scored data year: persons scored and at high, medium and low risk, counts and shares, by area (province, district, sub-district) and optionally by age band and sex. Never a person.
Every cell under k persons (default 11, as CTDC publishes) is suppressed, and further cells are suppressed so that no suppressed cell can be worked out from the totals, margins or the other area levels. A group with 90 % or more of its persons in one risk class (e.g. all 14 girls of a sub-district at high risk) has its class counts suppressed too, zeros included, so the table does not tell each member's class. Shares come from published counts only. Counts may be rounded to a base (e.g. 5) after suppression.
Writes to the output folder: one CSV per area level, an XLSX with one sheet per table, a GeoPackage and a GeoJSON of the deepest level with its boundaries for web maps, and README.txt; each says how it was protected. Never writes into the province database. See docs/public_export.md.</source>
            <translation type="obsolete">ตารางตัวเลขรวมที่ปลอดภัยสำหรับสาธารณะและสื่อมวลชน จากปีข้อมูลที่ประเมินแล้ว: จำนวนคนที่ประเมินและที่เสี่ยงสูง ปานกลาง และต่ำ ทั้งจำนวนและสัดส่วน จำแนกตามพื้นที่ (จังหวัด อำเภอ ตำบล) และจำแนกตามกลุ่มอายุและเพศได้ ไม่มีข้อมูลรายบุคคลเด็ดขาด
ทุกช่องที่มีน้อยกว่า k คน (ค่าเริ่มต้น 11 ตามที่ CTDC เผยแพร่) จะถูกปกปิด และปกปิดช่องอื่นเพิ่มเติมเพื่อไม่ให้คำนวณย้อนหาช่องที่ปกปิดได้จากผลรวม ผลรวมย่อย หรือพื้นที่ระดับอื่น กลุ่มที่มีคนร้อยละ 90 ขึ้นไปอยู่ในระดับความเสี่ยงเดียวกัน (เช่น เด็กหญิงทั้ง 14 คนของตำบลหนึ่งเสี่ยงสูงทั้งหมด) จะถูกปกปิดจำนวนตามระดับความเสี่ยงด้วย รวมทั้งช่องที่เป็นศูนย์ เพื่อไม่ให้ตารางบอกระดับความเสี่ยงของสมาชิกแต่ละคน สัดส่วนคำนวณจากจำนวนที่เผยแพร่เท่านั้น จำนวนอาจปัดเป็นพหุคูณ (เช่น 5) หลังการปกปิด
เขียนลงโฟลเดอร์ผลลัพธ์: CSV หนึ่งไฟล์ต่อระดับพื้นที่ XLSX หนึ่งแผ่นงานต่อตาราง GeoPackage และ GeoJSON ของระดับที่ละเอียดที่สุดพร้อมขอบเขตสำหรับแผนที่บนเว็บ และ README.txt แต่ละไฟล์บอกวิธีการปกป้องข้อมูล ไม่เขียนลงฐานข้อมูลจังหวัดเด็ดขาด ดู docs/public_export.md</translation>
        </message>
        <message>
            <source>Analysis</source>
            <translation type="obsolete">การวิเคราะห์</translation>
        </message>
        <message>
            <source>Builds a realistic synthetic province on real sub-district boundaries: villages, households and persons (Thai citizens, highland minorities with and without Thai registration, migrant workers), then writes each agency's export in its own format and codes: health (43-file PERSON, HOME, DIAGNOSIS_OPD CSVs), education (school roster XLSX, Buddhist-era dates), human security (TIS-620 CSV naming places in Thai) and family welfare (Basic Minimum Needs survey). Files carry realistic faults at stated rates; manifest.json lists each file, its row count and fault counts, and truth/ holds the answers tests check against. SCALE 1.0 is Chiang Mai's volume (1.8 million health records); the same SEED gives the same bytes. The data is fictitious: no real person.</source>
            <translation type="obsolete">สร้างจังหวัดสมมุติที่สมจริงบนขอบเขตตำบลจริง: หมู่บ้าน ครัวเรือน และบุคคล (คนสัญชาติไทย กลุ่มชาติพันธุ์บนพื้นที่สูงทั้งที่มีและไม่มีทะเบียนไทย แรงงานข้ามชาติ) แล้วเขียนไฟล์ส่งออกของแต่ละหน่วยงานในรูปแบบและรหัสของหน่วยงานนั้น: สาธารณสุข (CSV 43 แฟ้ม PERSON, HOME, DIAGNOSIS_OPD) การศึกษา (XLSX ทะเบียนนักเรียน วันที่เป็น พ.ศ.) ความมั่นคงของมนุษย์ (CSV แบบ TIS-620 ระบุสถานที่เป็นภาษาไทย) และสวัสดิการครอบครัว (ข้อมูลความจำเป็นพื้นฐาน จปฐ.) ไฟล์มีข้อบกพร่องที่สมจริงตามอัตราที่กำหนด manifest.json แสดงทุกไฟล์ จำนวนแถว และจำนวนข้อบกพร่อง และ truth/ เก็บคำตอบที่การทดสอบใช้ตรวจ SCALE 1.0 คือปริมาณข้อมูลของเชียงใหม่ (ระเบียนสาธารณสุข 1.8 ล้านรายการ) SEED เดียวกันให้ไฟล์เหมือนกันทุกไบต์ ข้อมูลเป็นเรื่องสมมุติ: ไม่มีบุคคลจริง</translation>
        </message>
        <message>
            <source>Canceled: the district layer is incomplete.</source>
            <translation type="obsolete">ยกเลิกแล้ว: ชั้นข้อมูลอำเภอไม่ครบถ้วน</translation>
        </message>
        <message>
            <source>Canceled: the gap layer is incomplete.</source>
            <translation type="obsolete">ยกเลิกแล้ว: ชั้นข้อมูลช่องว่างไม่ครบถ้วน</translation>
        </message>
        <message>
            <source>Canceled: the work list is incomplete.</source>
            <translation type="obsolete">ยกเลิกแล้ว: รายการงานไม่ครบถ้วน</translation>
        </message>
        <message>
            <source>Data year {} is not a year: give 0 for the latest scored, or e.g. 2024 or 2567.</source>
            <translation type="obsolete">ปีข้อมูล {} ไม่ใช่ปี: ใส่ 0 สำหรับปีล่าสุดที่ประเมินแล้ว หรือ เช่น 2024 หรือ 2567</translation>
        </message>
        <message>
            <source>Database</source>
            <translation type="obsolete">ฐานข้อมูล</translation>
        </message>
        <message>
            <source>Identity file (optional; default beside the database)</source>
            <translation type="obsolete">แฟ้มข้อมูลระบุตัวตน (ไม่บังคับ; ค่าเริ่มต้นอยู่ข้างฐานข้อมูล)</translation>
        </message>
        <message>
            <source>Identity file, to check the audit trail's seal and seal its new rows (optional)</source>
            <translation type="obsolete">แฟ้มข้อมูลระบุตัวตน สำหรับตรวจการผนึกบันทึกการแก้ไขและผนึกแถวใหม่ (ไม่บังคับ)</translation>
        </message>
        <message>
            <source>Imports a survey or registry of establishments (CSV, XLSX, ODS, DBF or any layer GDAL reads) into the establishment layer: name, type, licence, workers, minors and foreign workers seen, complaints, inspections, rescues, linked cases, survey date (B.E. or C.E.) and the owners' and customers' answers (columns owner_… and customer_…, stored as JSON).
Coordinates: latitude/longitude in decimal degrees, a coordinates cell in degrees-minutes-seconds (18°47'20.5"N 98°59'10.2"E) or decimal degrees, UTM 47N/48N (utm_easting, utm_northing, utm_zone), or only a village_code (placed at the village, flagged approximate). A point outside the province or a coordinate that cannot be read rejects the row unless a village code can place it.
Every place is scored: its type's base score plus the points of the enabled place rules that hold (tables establishment_type and place_rule, editable); high and medium from the two cut-points. Every village gets the distance to the nearest high-risk place and border crossing. Run without an input file to re-score after editing the rules or types.
As with agency files: rows read = accepted + rejected (rejected_row, import_run), a file imported before is refused, an error or cancel leaves the database as it was.</source>
            <translation type="obsolete">นำเข้าผลสำรวจหรือทะเบียนสถานประกอบการ (CSV, XLSX, ODS, DBF หรือชั้นข้อมูลใดที่ GDAL อ่านได้) ลงชั้นข้อมูล establishment: ชื่อ ประเภท ใบอนุญาต จำนวนคนทำงาน เด็กและแรงงานต่างชาติที่พบ เรื่องร้องเรียน การตรวจ การช่วยเหลือ คดีที่เกี่ยวข้อง วันที่สำรวจ (พ.ศ. หรือ ค.ศ.) และคำตอบของเจ้าของและลูกค้า (คอลัมน์ owner_… และ customer_… เก็บเป็น JSON)
พิกัด: ละติจูด/ลองจิจูดเป็นองศาทศนิยม ช่องพิกัดแบบองศา-ลิปดา-ฟิลิปดา (18°47'20.5"N 98°59'10.2"E) หรือองศาทศนิยม UTM 47N/48N (utm_easting, utm_northing, utm_zone) หรือเพียง village_code (วางที่หมู่บ้าน และระบุว่าเป็นตำแหน่งโดยประมาณ) จุดที่อยู่นอกจังหวัดหรือพิกัดที่อ่านไม่ได้ทำให้แถวถูกปฏิเสธ เว้นแต่รหัสหมู่บ้านจะระบุตำแหน่งได้
ทุกสถานที่ได้รับคะแนน: คะแนนฐานของประเภท บวกคะแนนของกฎสถานที่ที่เปิดใช้และเป็นจริง (ตาราง establishment_type และ place_rule แก้ไขได้) ระดับสูงและปานกลางตามจุดตัดทั้งสอง ทุกหมู่บ้านได้ระยะทางถึงสถานที่เสี่ยงสูงและจุดผ่านแดนที่ใกล้ที่สุด เรียกใช้โดยไม่มีไฟล์นำเข้าเพื่อคำนวณคะแนนใหม่หลังแก้ไขกฎหรือประเภท
เช่นเดียวกับไฟล์ของหน่วยงาน: แถวที่อ่าน = แถวที่รับ + แถวที่ปฏิเสธ (rejected_row, import_run) ไฟล์ที่เคยนำเข้าแล้วจะไม่รับซ้ำ หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม</translation>
        </message>
        <message>
            <source>Minimum coverage (indicators observed)</source>
            <translation type="obsolete">ความครอบคลุมขั้นต่ำ (จำนวนตัวชี้วัดที่มีข้อมูล)</translation>
        </message>
        <message>
            <source>Older tambon code list for place-name variants (CSV, optional)</source>
            <translation type="obsolete">รายการรหัสตำบลรุ่นเก่าสำหรับชื่อสถานที่แบบต่าง ๆ (CSV ไม่บังคับ)</translation>
        </message>
        <message>
            <source>Or a spec file of another agency (.yaml; replaces the source)</source>
            <translation type="obsolete">หรือไฟล์ข้อกำหนดของหน่วยงานอื่น (.yaml; ใช้แทนแหล่งข้อมูล)</translation>
        </message>
        <message>
            <source>Outcome file (CSV with village_code or person_id; optional)</source>
            <translation type="obsolete">แฟ้มเหตุการณ์ (CSV ที่มี village_code หรือ person_id; ไม่บังคับ)</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation type="obsolete">ผลลัพธ์</translation>
        </message>
        <message>
            <source>Programme monitoring</source>
            <translation type="obsolete">การติดตามโครงการ</translation>
        </message>
        <message>
            <source>Programme monitoring left out: {}</source>
            <translation type="obsolete">ไม่ได้รวมการติดตามโครงการ: {}</translation>
        </message>
        <message>
            <source>Publishes a data year of the province database into the national PostgreSQL/PostGIS database, in one schema, every row keyed by province_code and data_year: {}. Pseudonymised analysis tables only: never the identity file, staging, the network's people or the cases.
Re-publishing a province and year replaces its rows in one transaction: an error or cancel leaves the national database as it was. The roll-up views risk_by_province and risk_by_district sum all provinces, and the layers' styles go to public.layer_styles so QGIS opens them styled.
Connection: a PostgreSQL connection saved in QGIS (Browser), or a service or URI such as service=national or host=... dbname=... authcfg=ab12cd3. The password comes from QGIS's authentication manager (authcfg, method Basic), the saved connection or ~/.pgpass; a URI holding a password is refused. See docs/national.md.</source>
            <translation type="obsolete">เผยแพร่ปีข้อมูลหนึ่งของฐานข้อมูลจังหวัดไปยังฐานข้อมูลระดับชาติ PostgreSQL/PostGIS ในสคีมาเดียว ทุกแถวระบุด้วย province_code และ data_year: {} เฉพาะตารางวิเคราะห์ที่ใช้รหัสแฝงแล้วเท่านั้น: ไม่รวมแฟ้มข้อมูลระบุตัวตน ตารางพักข้อมูล บุคคลในเครือข่าย หรือคดี
การเผยแพร่จังหวัดและปีเดิมซ้ำจะแทนที่แถวเดิมในธุรกรรมเดียว: หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลระดับชาติจะคงเดิม วิว risk_by_province และ risk_by_district รวมผลทุกจังหวัด และรูปแบบการแสดงผลของชั้นข้อมูลไปอยู่ที่ public.layer_styles เพื่อให้ QGIS เปิดพร้อมรูปแบบ
การเชื่อมต่อ: การเชื่อมต่อ PostgreSQL ที่บันทึกไว้ใน QGIS (Browser) หรือ service หรือ URI เช่น service=national หรือ host=... dbname=... authcfg=ab12cd3 รหัสผ่านมาจากตัวจัดการการยืนยันตัวตนของ QGIS (authcfg วิธี Basic) การเชื่อมต่อที่บันทึกไว้ หรือ ~/.pgpass; URI ที่มีรหัสผ่านจะถูกปฏิเสธ ดู docs/national.md</translation>
        </message>
        <message>
            <source>Re-release: why this year is protected anew (only when its data changed since it was published; published figures cannot be recalled)</source>
            <translation type="obsolete">เผยแพร่ใหม่: เหตุผลที่ปกป้องปีนี้ใหม่ (เฉพาะเมื่อข้อมูลเปลี่ยนไปหลังการเผยแพร่ ตัวเลขที่เผยแพร่ไปแล้วเรียกคืนไม่ได้)</translation>
        </message>
        <message>
            <source>Re-release: why this year is protected anew (only when its data or settings changed since it was published; published files cannot be recalled)</source>
            <translation type="obsolete">เผยแพร่ใหม่: เหตุผลที่ปกป้องปีนี้ใหม่ (เฉพาะเมื่อข้อมูลหรือการตั้งค่าเปลี่ยนไปหลังการเผยแพร่ ไฟล์ที่เผยแพร่ไปแล้วเรียกคืนไม่ได้)</translation>
        </message>
        <message>
            <source>Reading layer {} through GDAL ({} rows)…</source>
            <translation type="obsolete">กำลังอ่านชั้นข้อมูล {} ผ่าน GDAL ({} แถว)…</translation>
        </message>
        <message>
            <source>Risk index</source>
            <translation type="obsolete">ดัชนีความเสี่ยง</translation>
        </message>
        <message>
            <source>Sample data</source>
            <translation type="obsolete">ข้อมูลตัวอย่าง</translation>
        </message>
        <message>
            <source>Scores every person of the data year on the enabled indicators of the database's indicator table (1 to 3, 3 = most at risk; an indicator with no data stays empty and is never taken as low risk), combines them into an index and a class (high, medium, low: red, yellow, green), and sums persons up by village, sub-district and district.
Methods: mean = the weighted mean score of the observed indicators, with fixed cut-points so years stay comparable; alkire_foster = the weighted share of indicators at 3, against the cutoff k; percentile = percentile ranks as in the CDC's Social Vulnerability Index (relative to this year's persons).
Cut-points (high / medium) left empty take the method's defaults: {}; for alkire_foster the high cut-point is k. A person observed on fewer indicators than the minimum coverage is counted but not scored. Weights (e.g. I09=2, I10=0) override the indicator table for this run. A sub-district or district is high when at least the area high share of its scored persons are high (medium likewise); villages, being small, have their own shares.
Writes risk_person, risk_village, risk_subdistrict, risk_district, risk_breakdown (age band x sex, home town) and, when an earlier year was scored, risk_change_subdistrict and risk_change_district; the run and its parameters go to risk_run. Re-running replaces the year's results; an error or cancel leaves the database as it was. See docs/risk_index.md.</source>
            <translation type="obsolete">ให้คะแนนทุกคนในปีข้อมูลตามตัวชี้วัดที่เปิดใช้ในตาราง indicator ของฐานข้อมูล (1 ถึง 3, 3 = เสี่ยงมากที่สุด; ตัวชี้วัดที่ไม่มีข้อมูลจะเว้นว่างและไม่ถือว่าเสี่ยงต่ำ) รวมเป็นดัชนีและระดับ (สูง ปานกลาง ต่ำ: แดง เหลือง เขียว) และสรุปจำนวนคนตามหมู่บ้าน ตำบล และอำเภอ
วิธีการ: mean = ค่าเฉลี่ยถ่วงน้ำหนักของคะแนนตัวชี้วัดที่มีข้อมูล ใช้จุดตัดคงที่เพื่อให้เปรียบเทียบข้ามปีได้; alkire_foster = สัดส่วนถ่วงน้ำหนักของตัวชี้วัดที่ได้ 3 เทียบกับจุดตัด k; percentile = อันดับเปอร์เซ็นไทล์แบบดัชนีความเปราะบางทางสังคม (SVI) ของ CDC (เทียบกับคนในปีนี้)
จุดตัด (สูง / ปานกลาง) ที่เว้นว่างใช้ค่าเริ่มต้นของวิธีการ: {}; สำหรับ alkire_foster จุดตัดระดับสูงคือ k คนที่มีข้อมูลตัวชี้วัดน้อยกว่าความครอบคลุมขั้นต่ำจะนับรวมแต่ไม่ให้คะแนน น้ำหนัก (เช่น I09=2, I10=0) ใช้แทนตาราง indicator ในการคำนวณครั้งนี้ ตำบลหรืออำเภอเป็นระดับสูงเมื่อผู้เสี่ยงสูงมีอย่างน้อยเท่าสัดส่วนเสี่ยงสูงของพื้นที่ในบรรดาคนที่ประเมิน (ระดับปานกลางทำนองเดียวกัน) หมู่บ้านซึ่งมีขนาดเล็กมีสัดส่วนของตนเอง
เขียน risk_person, risk_village, risk_subdistrict, risk_district, risk_breakdown (กลุ่มอายุ x เพศ ภูมิลำเนา) และเมื่อมีปีก่อนหน้าที่ประเมินแล้ว risk_change_subdistrict และ risk_change_district การคำนวณและพารามิเตอร์บันทึกใน risk_run การเรียกใช้ซ้ำจะแทนที่ผลของปีนั้น หากเกิดข้อผิดพลาดหรือยกเลิก ฐานข้อมูลจะคงเดิม ดู docs/risk_index.md</translation>
        </message>
        <message>
            <source>Sin space</source>
            <translation type="obsolete">พื้นที่เสี่ยง (สถานประกอบการเสี่ยง)</translation>
        </message>
        <message>
            <source>Spec of the file's columns (optional; default the shipped one)</source>
            <translation type="obsolete">ข้อกำหนดคอลัมน์ของไฟล์ (ไม่บังคับ; ค่าเริ่มต้นคือที่มากับปลั๊กอิน)</translation>
        </message>
        <message>
            <source>Spec of the survey's columns (optional; default the shipped one)</source>
            <translation type="obsolete">ข้อกำหนดคอลัมน์ของผลสำรวจ (ไม่บังคับ; ค่าเริ่มต้นคือที่มากับปลั๊กอิน)</translation>
        </message>
        <message>
            <source>Sub-district and district high share</source>
            <translation type="obsolete">สัดส่วนเสี่ยงสูงของตำบลและอำเภอ</translation>
        </message>
        <message>
            <source>Sub-district and district medium share</source>
            <translation type="obsolete">สัดส่วนเสี่ยงปานกลางของตำบลและอำเภอ</translation>
        </message>
        <message>
            <source>The yearly data-quality check of a data year: persons without a village, impossible ages (born after the data year, older than 110, negative welfare-case ages), the same person twice in a year's file, the same household id twice, indicators observed for too few persons, villages with no persons, unmapped codes, and districts whose persons or high-risk share jumped from the previous year.
Each check has a severity (error: fix before publishing; warning: look at it) and examples a clerk can find: the agency file and row number, or a village, district or indicator code; never an ID or a name. The report is written to the output folder as HTML, CSV (summary and examples) and XLSX; the log has the summary. The database is only read. See docs/verify.md.</source>
            <translation type="obsolete">การตรวจคุณภาพข้อมูลประจำปีของปีข้อมูล: คนที่ไม่มีหมู่บ้าน อายุที่เป็นไปไม่ได้ (เกิดหลังปีข้อมูล อายุเกิน 110 ปี อายุติดลบในข้อมูลสวัสดิการ) คนเดียวกันซ้ำในไฟล์ของปีเดียวกัน รหัสครัวเรือนซ้ำ ตัวชี้วัดที่มีข้อมูลน้อยคนเกินไป หมู่บ้านที่ไม่มีคน รหัสที่ยังไม่ได้เทียบ และอำเภอที่จำนวนคนหรือสัดส่วนเสี่ยงสูงเปลี่ยนไปมากจากปีก่อน
แต่ละรายการตรวจมีระดับความรุนแรง (error: แก้ไขก่อนเผยแพร่; warning: ตรวจดู) และตัวอย่างที่เจ้าหน้าที่หาเจอได้: ไฟล์ของหน่วยงานและเลขแถว หรือรหัสหมู่บ้าน อำเภอ หรือตัวชี้วัด ไม่มีเลขประจำตัวหรือชื่อเด็ดขาด รายงานเขียนลงโฟลเดอร์ผลลัพธ์เป็น HTML, CSV (สรุปและตัวอย่าง) และ XLSX บันทึกการทำงานมีสรุป ฐานข้อมูลถูกอ่านเท่านั้น ดู docs/verify.md</translation>
        </message>
        <message>
            <source>Village high share</source>
            <translation type="obsolete">สัดส่วนเสี่ยงสูงของหมู่บ้าน</translation>
        </message>
        <message>
            <source>Village medium share</source>
            <translation type="obsolete">สัดส่วนเสี่ยงปานกลางของหมู่บ้าน</translation>
        </message>
        <message>
            <source>Villages (points, optional)</source>
            <translation type="obsolete">หมู่บ้าน (จุด ไม่บังคับ)</translation>
        </message>
        <message>
            <source>Writes a project for QGIS Server from the province database and a scored data year: the area layers, risk by sub-district and district, establishments, partner organisations, network members' work contacts and the print layouts, with titles in Thai and English, WMS, WFS and OGC API - Features and the CRS EPSG:4326, 3857, 32647 and 32648. No person-level table, identity data or case is in it. The year's protected figures are published (as publicexport does, recorded in the export register) into a folder beside the project: they are all the public sees. Which role (staff, partner, public) sees which layer, feature and field is decided per request by the plugin's server part from the header X-Trafficking-Role that the web server sets. See docs/web.md.</source>
            <translation type="obsolete">เขียนโครงการสำหรับ QGIS Server จากฐานข้อมูลจังหวัดและปีข้อมูลที่ประเมินแล้ว: ชั้นข้อมูลพื้นที่ ความเสี่ยงรายตำบลและอำเภอ สถานที่เสี่ยง หน่วยงานภาคี ช่องทางติดต่อที่ทำงานของสมาชิกเครือข่าย และแผนที่พิมพ์ พร้อมชื่อเรื่องภาษาไทยและอังกฤษ บริการ WMS, WFS และ OGC API - Features และระบบพิกัด EPSG:4326, 3857, 32647 และ 32648 ไม่มีตารางรายบุคคล ข้อมูลระบุตัวตน หรือคดีอยู่ในโครงการนี้ ตัวเลขที่ปกปิดแล้วของปีข้อมูลจะถูกเผยแพร่ (เหมือน publicexport และบันทึกในทะเบียนการส่งออก) ไว้ในโฟลเดอร์ข้างโครงการ ซึ่งเป็นทั้งหมดที่สาธารณะเห็นได้ บทบาทใด (เจ้าหน้าที่ ภาคี สาธารณะ) เห็นชั้นข้อมูล พื้นที่ และฟิลด์ใด ตัดสินทุกคำขอโดยส่วนเซิร์ฟเวอร์ของปลั๊กอินจากส่วนหัว X-Trafficking-Role ที่เว็บเซิร์ฟเวอร์กำหนด ดู docs/web.md</translation>
        </message>
        <message>
            <source>Yearly pipeline</source>
            <translation type="obsolete">ขั้นตอนประจำปี</translation>
        </message>
        <message>
            <source>reading ODS needs odfpy (Debian package python3-odf): install it, or save the sheet as XLSX or CSV</source>
            <translation type="obsolete">การอ่าน ODS ต้องใช้ odfpy (แพ็กเกจ Debian python3-odf): โปรดติดตั้ง หรือบันทึกแผ่นงานเป็น XLSX หรือ CSV</translation>
        </message>
        <message>
            <source>the database lacks the place_rule table: upgrade it with trafficking:createdatabase first</source>
            <translation type="obsolete">ฐานข้อมูลไม่มีตาราง place_rule: โปรดปรับรุ่นด้วย trafficking:createdatabase ก่อน</translation>
        </message>
        <message>
            <source>the workbook has no sheet</source>
            <translation type="obsolete">สมุดงานไม่มีแผ่นงาน</translation>
        </message>
        <message>
            <source>{} could not be read ({}).</source>
            <translation type="obsolete">อ่าน {} ไม่ได้ ({})</translation>
        </message>
        <message>
            <source>{} is not a file: choose the activity file</source>
            <translation type="obsolete">{} ไม่ใช่ไฟล์: โปรดเลือกไฟล์กิจกรรม</translation>
        </message>
        <message>
            <source>{} is not a file: choose the survey file</source>
            <translation type="obsolete">{} ไม่ใช่ไฟล์: โปรดเลือกไฟล์ผลสำรวจ</translation>
        </message>
    </context>
    <context>
        <name>TraffickingBasemap</name>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Add satellite basemap</source>
            <translation>เพิ่มแผนที่ฐานภาพดาวเทียม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>e.g. © your imagery provider</source>
            <translation>เช่น © ผู้ให้บริการภาพของท่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Name</source>
            <translation>ชื่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>URL template</source>
            <translation>แม่แบบ URL</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Minimum zoom</source>
            <translation>ซูมต่ำสุด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Maximum zoom</source>
            <translation>ซูมสูงสุด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Attribution (optional)</source>
            <translation>แหล่งที่มา (ไม่บังคับ)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/basemap_dialog.py" />
            <source>Your own imagery provider's XYZ tiles. The connection is also listed under XYZ Tiles in the Browser.</source>
            <translation>ไทล์ XYZ จากผู้ให้บริการภาพของท่านเอง การเชื่อมต่อนี้จะปรากฏใต้ XYZ Tiles ในหน้าต่าง Browser ด้วย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>Give the basemap a name.</source>
            <translation>โปรดตั้งชื่อแผนที่ฐาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>A name cannot contain / or \.</source>
            <translation>ชื่อต้องไม่มีอักขระ / หรือ \</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>Enter your provider's tile URL template.</source>
            <translation>โปรดใส่แม่แบบ URL ของไทล์จากผู้ให้บริการของท่าน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>The URL must start with http://, https:// or file://.</source>
            <translation>URL ต้องขึ้นต้นด้วย http://, https:// หรือ file://</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>The URL template lacks {}.</source>
            <translation>แม่แบบ URL ขาด {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>Zoom levels must satisfy 0 ≤ minimum ≤ maximum ≤ {}.</source>
            <translation>ระดับการซูมต้องเป็นไปตาม 0 ≤ ต่ำสุด ≤ สูงสุด ≤ {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/outputs/basemap.py" />
            <source>QGIS could not open the basemap {}: {}</source>
            <translation>QGIS เปิดแผนที่ฐาน {} ไม่ได้: {}</translation>
        </message>
    </context>
    <context>
        <name>TraffickingNetwork</name>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Name</source>
            <translation>ชื่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Type</source>
            <translation>ประเภท</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Phone</source>
            <translation>โทรศัพท์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Areas</source>
            <translation>พื้นที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Specialisations</source>
            <translation>ความเชี่ยวชาญ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Role</source>
            <translation>บทบาท</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Organisation</source>
            <translation>หน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Languages</source>
            <translation>ภาษา</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Search</source>
            <translation>ค้นหา</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>All types</source>
            <translation>ทุกประเภท</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>All areas</source>
            <translation>ทุกพื้นที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Specialisation</source>
            <translation>ความเชี่ยวชาญ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>New</source>
            <translation>ใหม่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Apply</source>
            <translation>นำไปใช้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Delete</source>
            <translation>ลบ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Zoom to</source>
            <translation>ซูมไปที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Undo</source>
            <translation>เลิกทำ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Save to database</source>
            <translation>บันทึกลงฐานข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Add {}</source>
            <translation>เพิ่ม {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>QGIS did not accept the record.</source>
            <translation>QGIS ไม่รับระเบียนนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Nothing changed.</source>
            <translation>ไม่มีสิ่งใดเปลี่ยนแปลง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Edit {}</source>
            <translation>แก้ไข {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>QGIS did not accept the change.</source>
            <translation>QGIS ไม่รับการเปลี่ยนแปลงนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Changed in the edit buffer: Save to database to keep it.</source>
            <translation>เปลี่ยนในบัฟเฟอร์การแก้ไขแล้ว: กด บันทึกลงฐานข้อมูล เพื่อเก็บไว้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Deleted in the edit buffer: Save to database to keep it.</source>
            <translation>ลบในบัฟเฟอร์การแก้ไขแล้ว: กด บันทึกลงฐานข้อมูล เพื่อเก็บไว้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Nothing to undo.</source>
            <translation>ไม่มีสิ่งใดให้ยกเลิก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Undone. Other changes wait in the edit buffer: Save to database to keep them.</source>
            <translation>ยกเลิกแล้ว การเปลี่ยนแปลงอื่นยังรออยู่ในบัฟเฟอร์การแก้ไข: กด บันทึกลงฐานข้อมูล เพื่อเก็บไว้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Undone. Nothing waits to be saved.</source>
            <translation>ยกเลิกแล้ว ไม่มีสิ่งใดรอบันทึก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Not saved: {}</source>
            <translation>ยังไม่ได้บันทึก: {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Saved.</source>
            <translation>บันทึกแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>This record has no location.</source>
            <translation>ระเบียนนี้ไม่มีตำแหน่งที่ตั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>The organisation has no location.</source>
            <translation>หน่วยงานนี้ไม่มีตำแหน่งที่ตั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Network directory</source>
            <translation>ทำเนียบเครือข่าย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>No province database open.</source>
            <translation>ยังไม่ได้เปิดฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Open GeoPackage…</source>
            <translation>เปิด GeoPackage…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Province database</source>
            <translation>ฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>{} is not a province database with a network directory.</source>
            <translation>{} ไม่ใช่ฐานข้อมูลจังหวัดที่มีทำเนียบเครือข่าย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Organisations</source>
            <translation>หน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_dock.py" />
            <source>Members</source>
            <translation>สมาชิก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Name in English</source>
            <translation>ชื่อภาษาอังกฤษ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Email</source>
            <translation>อีเมล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>LINE ID</source>
            <translation>LINE ID</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Address</source>
            <translation>ที่อยู่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Areas (district / sub-district codes)</source>
            <translation>พื้นที่ (รหัสอำเภอ / ตำบล)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Mandate</source>
            <translation>อำนาจหน้าที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Specialisations (comma separated)</source>
            <translation>ความเชี่ยวชาญ (คั่นด้วยจุลภาค)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Limitations</source>
            <translation>ข้อจำกัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Availability</source>
            <translation>เวลาที่ติดต่อได้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>No location</source>
            <translation>ไม่มีตำแหน่งที่ตั้ง</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Pick on map</source>
            <translation>เลือกบนแผนที่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Organisation's location</source>
            <translation>ตำแหน่งของหน่วยงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/gui/network_form.py" />
            <source>Office location</source>
            <translation>ที่ตั้งสำนักงาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Give a name.</source>
            <translation>โปรดใส่ชื่อ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Unknown type {type}: pick one from the list.</source>
            <translation>ไม่รู้จักประเภท {type}: โปรดเลือกจากรายการ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Not a Thai phone number: {bad}. Write e.g. 081-234-5678, 053-112233 or +66812345678.</source>
            <translation>ไม่ใช่หมายเลขโทรศัพท์ไทย: {bad} เขียนเช่น 081-234-5678, 053-112233 หรือ +66812345678</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Not an email address: {email}.</source>
            <translation>ไม่ใช่ที่อยู่อีเมล: {email}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>A LINE ID has 4 to 20 letters, digits, dots, hyphens or underscores (an official account starts with @).</source>
            <translation>LINE ID มีตัวอักษร ตัวเลข จุด ขีด หรือขีดล่าง 4 ถึง 20 ตัว (บัญชีทางการขึ้นต้นด้วย @)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Unknown district or sub-district code: {codes}. Use the 4-digit district or 6-digit sub-district codes of this province.</source>
            <translation>ไม่รู้จักรหัสอำเภอหรือตำบล: {codes} ใช้รหัสอำเภอ 4 หลักหรือรหัสตำบล 6 หลักของจังหวัดนี้</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>Commit the new organisation first, then choose it.</source>
            <translation>บันทึกหน่วยงานใหม่ลงฐานข้อมูลก่อน แล้วจึงเลือก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/core/network/directory.py" />
            <source>No organisation with id {id}.</source>
            <translation>ไม่มีหน่วยงานที่มี id {id}</translation>
        </message>
    </context>
    <context>
        <name>TraffickingPlugin</name>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Province project</source>
            <translation>โปรเจกต์จังหวัด</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>{} exists. Update it from the database (the latest scored year, the current styles and layouts; changes saved in the project are lost), or open it as it is?</source>
            <translation>{} มีอยู่แล้ว ปรับปรุงจากฐานข้อมูล (ปีข้อมูลล่าสุดที่ประเมินแล้ว รูปแบบและแผนที่พิมพ์ปัจจุบัน; การเปลี่ยนแปลงที่บันทึกไว้ในโปรเจกต์จะหายไป) หรือเปิดตามเดิม?</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Update from the database</source>
            <translation>ปรับปรุงจากฐานข้อมูล</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Open as it is</source>
            <translation>เปิดตามเดิม</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Cancel</source>
            <translation>ยกเลิก</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Yearly update</source>
            <translation>ปรับปรุงข้อมูลประจำปี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Guided start (first steps of a province)…</source>
            <translation>เริ่มต้นแบบมีคำแนะนำ (ขั้นตอนแรกของจังหวัด)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Create or upgrade province database…</source>
            <translation>สร้างหรือปรับรุ่นฐานข้อมูลจังหวัด…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Import agency data file…</source>
            <translation>นำเข้าไฟล์ข้อมูลของหน่วยงาน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Withdraw an import (wrong file)…</source>
            <translation>ถอนการนำเข้า (ไฟล์ผิด)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Crosswalk agency codes to the standard…</source>
            <translation>เทียบรหัสของหน่วยงานกับมาตรฐาน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Verify the database (data-quality check)…</source>
            <translation>ตรวจสอบฐานข้อมูล (คุณภาพข้อมูล)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Score the risk index…</source>
            <translation>คำนวณดัชนีความเสี่ยง…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Prevention targets (work list)…</source>
            <translation>กลุ่มเป้าหมายการป้องกัน (รายการงาน)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Risk reports (PDF, HTML, XLSX)…</source>
            <translation>รายงานความเสี่ยง (PDF, HTML, XLSX)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Open province project…</source>
            <translation>เปิดโปรเจกต์จังหวัด…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Yearly update (whole pipeline)…</source>
            <translation>ปรับปรุงข้อมูลประจำปี (ทุกขั้นตอน)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Network and cases</source>
            <translation>เครือข่ายและคดี</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Network directory</source>
            <translation>ทำเนียบเครือข่าย</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Lessons learned (cases)</source>
            <translation>บทเรียน (คดี)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Analyse case routes…</source>
            <translation>วิเคราะห์เส้นทางของคดี…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Network coverage gaps…</source>
            <translation>ช่องว่างการครอบคลุมของเครือข่าย…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Publishing</source>
            <translation>การเผยแพร่</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Public export (protected aggregates)…</source>
            <translation>ส่งออกข้อมูลสาธารณะ (ตัวเลขรวมที่ปกปิดแล้ว)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Public website (static, Thai and English)…</source>
            <translation>เว็บไซต์สาธารณะ (ไฟล์คงที่ ภาษาไทยและอังกฤษ)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Intranet map server project (by role)…</source>
            <translation>โปรเจกต์แม่ข่ายแผนที่อินทราเน็ต (ตามบทบาท)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Publish to the national database…</source>
            <translation>เผยแพร่ไปยังฐานข้อมูลระดับชาติ…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Tools</source>
            <translation>เครื่องมือ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Import sin space survey (risky workplaces)…</source>
            <translation>นำเข้าผลสำรวจพื้นที่เสี่ยง (สถานประกอบการเสี่ยง)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Extract imagery chips (surveillance sheets)…</source>
            <translation>ตัดภาพถ่ายรายจุด (แผ่นเฝ้าระวัง)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Import prevention activities…</source>
            <translation>นำเข้ากิจกรรมการป้องกัน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Monitor prevention activities (the shift)…</source>
            <translation>ติดตามกิจกรรมการป้องกัน (การเปลี่ยนแปลง)…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Add satellite basemap…</source>
            <translation>เพิ่มแผนที่ฐานภาพดาวเทียม…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Generate sample agency data…</source>
            <translation>สร้างข้อมูลตัวอย่างของหน่วยงาน…</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Show Buddhist-era years (พ.ศ.)</source>
            <translation>แสดงปีเป็นพุทธศักราช (พ.ศ.)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Help</source>
            <translation>ช่วยเหลือ</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Manual</source>
            <translation>คู่มือการใช้งาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Quick start in Thai (คู่มือเริ่มต้นใช้งาน)</source>
            <translation>คู่มือเริ่มต้นใช้งานฉบับย่อ (ภาษาไทย)</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Trafficking Prevention Database</source>
            <translation>ฐานข้อมูลการป้องกันการค้ามนุษย์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Trafficking prevention</source>
            <translation>การป้องกันการค้ามนุษย์</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>No province database yet in this profile: Plugins &gt; {} &gt; {} &gt; {}</source>
            <translation>ยังไม่มีฐานข้อมูลจังหวัดในโปรไฟล์นี้: ปลั๊กอิน &gt; {} &gt; {} &gt; {}</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Basemap</source>
            <translation>แผนที่ฐาน</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>{} added below the other layers.</source>
            <translation>เพิ่ม {} ไว้ใต้ชั้นข้อมูลอื่นแล้ว</translation>
        </message>
        <message>
            <location filename="../../trafficking_plugin/plugin.py" />
            <source>Province database</source>
            <translation>ฐานข้อมูลจังหวัด</translation>
        </message>
        <message>
            <source>Lessons learned</source>
            <translation type="obsolete">บทเรียน</translation>
        </message>
        <message>
            <source>No province database yet in this profile: Plugins &gt; {} &gt; {}</source>
            <translation type="obsolete">ยังไม่มีฐานข้อมูลจังหวัดในโปรไฟล์นี้: ปลั๊กอิน &gt; {} &gt; {}</translation>
        </message>
        <message>
            <source>{} exists. Make it again from the database (the latest scored year; changes saved in it are lost)? No opens it as it is.</source>
            <translation type="obsolete">มี {} อยู่แล้ว สร้างใหม่จากฐานข้อมูลหรือไม่ (ปีล่าสุดที่ประเมินแล้ว; การเปลี่ยนแปลงที่บันทึกไว้ในโปรเจกต์จะหายไป)? ตอบ ไม่ เพื่อเปิดโปรเจกต์เดิมตามที่เป็นอยู่</translation>
        </message>
    </context>
    <context>
        <name>TraffickingProvider</name>
        <message>
            <location filename="../../processing_algorithms/provider.py" />
            <source>Trafficking prevention</source>
            <translation>การป้องกันการค้ามนุษย์</translation>
        </message>
    </context>
</TS>
