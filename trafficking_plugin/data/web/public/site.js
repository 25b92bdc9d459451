/* The public website: draws the map, tables and texts from data.js (window.SITE), in Thai or
   English. Reads nothing else: no request leaves the folder. */
(function () {
  "use strict";
  var S = window.SITE;
  var WORDS = {
    th: {
      title: "ความเสี่ยงการค้ามนุษย์ของเด็กและสตรี {province} ปีข้อมูล {year}",
      lead: "จำนวนผู้ที่ได้รับการประเมินความเสี่ยงและผู้ที่มีความเสี่ยงสูง ปานกลาง และต่ำ ตามพื้นที่ อายุ และเพศ เป็นตัวเลขรวมเท่านั้น ไม่มีข้อมูลรายบุคคล",
      skip: "ข้ามไปยังเนื้อหา", map: "แผนที่", subdistricts: "ตำบล", districts: "อำเภอ",
      click: "เลือกพื้นที่บนแผนที่เพื่อดูตัวเลข",
      colour_rule: "สีของพื้นที่คือระดับความเสี่ยงของพื้นที่ตามแผนที่ความเสี่ยงของจังหวัด แสดงเฉพาะพื้นที่ที่เผยแพร่จำนวนผู้ได้รับการประเมินและผู้เสี่ยงสูง พื้นที่ลายขีดคือพื้นที่ที่ตัวเลขถูกปกปิดเพื่อคุ้มครองบุคคล (ไม่ใช่ศูนย์)",
      tables: "ตาราง", sort_hint: "คลิกหัวคอลัมน์เพื่อเรียงลำดับ",
      chart: "ผู้เสี่ยงสูงตามอายุและเพศ", downloads: "ดาวน์โหลด", method: "วิธีการ",
      method_text: "ตัวเลขมาจากการส่งออกข้อมูลสาธารณะของปีข้อมูลนี้ ช่องที่มีน้อยกว่า k คนถูกปกปิด และปกปิดช่องอื่นเพิ่มเพื่อไม่ให้คำนวณย้อนกลับได้ ช่องที่ปกปิดแสดงว่า “ปกปิด” ไม่ใช่ศูนย์ ศูนย์ที่แสดงคือศูนย์จริง",
      published: "เผยแพร่เมื่อ", licence: "สัญญาอนุญาตและที่มา",
      licence_text: "ข้อมูลเผยแพร่ภายใต้สัญญาอนุญาต {licence} โปรดอ้างอิงที่มา: {attribution}",
      attribution: "ศูนย์ประสานงานป้องกันและปราบปรามการค้ามนุษย์ {province}",
      area: "พื้นที่", scored: "ผู้ได้รับการประเมิน", high: "เสี่ยงสูง", medium: "เสี่ยงปานกลาง",
      low: "เสี่ยงต่ำ", share_high: "สัดส่วนเสี่ยงสูง", none: "ไม่มีผู้ได้รับการประเมิน",
      hidden: "ปกปิด", age: "กลุ่มอายุ", sex: "เพศ", female: "หญิง", male: "ชาย", unknown: "ไม่ระบุ",
      map_alt: "แผนที่{level} {count} พื้นที่ ระบายสีตามระดับความเสี่ยง",
      chart_alt: "แผนภูมิแท่งผู้เสี่ยงสูงตามกลุ่มอายุและเพศ: ",
      language: "English", language_lang: "en", province: "ทั้งจังหวัด",
      file_csv: "ตาราง CSV", file_xlsx: "สมุดงาน Excel", file_gpkg: "GeoPackage (แผนที่)",
      file_geojson: "GeoJSON (แผนที่เว็บ)", file_txt: "คำอธิบาย (README)"
    },
    en: {
      title: "Risk of trafficking of children and women, {province}, data year {year}",
      lead: "Persons whose risk was assessed, and those at high, medium and low risk, by area, age and sex. Aggregates only: no person's data.",
      skip: "Skip to content", map: "Map", subdistricts: "Sub-districts", districts: "Districts",
      click: "Choose an area on the map to see its figures.",
      colour_rule: "An area's colour is its class on the province's risk map, shown where its persons assessed and at high risk are published. Hatched areas have figures hidden to protect persons (not zero).",
      tables: "Tables", sort_hint: "Click a column header to sort.",
      chart: "Persons at high risk by age and sex", downloads: "Downloads", method: "Method",
      method_text: "The figures are the public export of the data year. Cells under k persons are hidden, and further cells are hidden so that none can be worked out from the others. A hidden cell reads “hidden”, never zero; a zero shown is a true zero.",
      published: "Published on", licence: "Licence and attribution",
      licence_text: "The data are published under {licence}. Please attribute: {attribution}",
      attribution: "Provincial anti-trafficking coordination centre, {province}",
      area: "Area", scored: "Persons assessed", high: "High risk", medium: "Medium risk",
      low: "Low risk", share_high: "Share at high risk", none: "Nobody assessed",
      hidden: "hidden", age: "Age band", sex: "Sex", female: "female", male: "male", unknown: "not recorded",
      map_alt: "Map of {count} {level}, coloured by risk class",
      chart_alt: "Bar chart of persons at high risk by age band and sex: ",
      language: "ภาษาไทย", language_lang: "th", province: "Whole province",
      file_csv: "CSV table", file_xlsx: "Excel workbook", file_gpkg: "GeoPackage (map)",
      file_geojson: "GeoJSON (web map)", file_txt: "Description (README)"
    }
  };
  var lang = "th";
  var level = "subdistrict";
  var selected = null;
  var sorted = {};

  function w(key, values) {
    var text = WORDS[lang][key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function name(area) { return (lang === "th" ? area.th : area.en) || area.th || area.en || area.code; }
  function provinceName() { return lang === "th" ? S.about.province_th : S.about.province_en; }
  function number(value) {
    if (value === null || value === undefined) { return null; }
    return lang === "th" ? value.toLocaleString("th-TH") : value.toLocaleString("en-GB");
  }
  function cell(value, share) {
    if (value === null || value === undefined) {
      return '<span class="hidden-cell">' + w("hidden") + "</span>";
    }
    return share ? (value * 100).toFixed(1) + "%" : number(value);
  }
  function el(id) { return document.getElementById(id); }
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function drawMap() {
    var svg = el("map");
    svg.setAttribute("viewBox", S.about.view_box);
    var group = el("areas");
    while (group.firstChild) { group.removeChild(group.firstChild); }
    S.maps[level].forEach(function (area) {
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", area.path);
      path.setAttribute("class", "area" + (selected === area.code ? " selected" : ""));
      path.setAttribute("fill", area["class"] === "hidden" ? "url(#hatch)" : (S.colours[area["class"]] || S.colours.none || "#ffffff"));
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", "button");
      path.setAttribute("data-code", area.code);
      path.setAttribute("data-class", area["class"]);
      path.setAttribute("aria-label", name(area));
      var title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = name(area);
      path.appendChild(title);
      path.addEventListener("click", function () { select(area); });
      path.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(area); }
      });
      group.appendChild(path);
    });
    el("map-alt").textContent = w("map_alt", {count: S.maps[level].length,
                                              level: w(level === "district" ? "districts" : "subdistricts")});
  }

  function select(area) {
    selected = area.code;
    Array.prototype.forEach.call(document.querySelectorAll(".area"), function (path) {
      path.classList.toggle("selected", path.getAttribute("data-code") === area.code);
    });
    showDetails(area);
  }

  function showDetails(area) {
    var rows = [["scored", area.persons_scored], ["high", area.persons_high],
                ["medium", area.persons_medium], ["low", area.persons_low]];
    var html = "<h3>" + esc(name(area)) + "</h3><dl>";
    rows.forEach(function (row) {
      html += "<dt>" + w(row[0]) + "</dt><dd data-figure=\"" + row[0] + "\">" + cell(row[1]) + "</dd>";
    });
    html += "<dt>" + w("share_high") + "</dt><dd data-figure=\"share_high\">" + cell(area.share_high, true) + "</dd></dl>";
    el("details").innerHTML = html;
  }

  function legend() {
    var items = ["high", "medium", "low"].map(function (c) {
      return '<li><span class="swatch" style="background:' + S.colours[c] + '"></span>' + w(c) + "</li>";
    });
    items.push('<li><svg class="swatch" width="20" height="20" aria-hidden="true"><rect width="20" height="20" fill="url(#hatch)" stroke="#1d1d1d"/></svg> ' + w("hidden") + "</li>");
    el("legend").innerHTML = items.join("");
  }

  var COLUMNS = [["name", "area"], ["persons_scored", "scored"], ["persons_high", "high"],
                 ["persons_medium", "medium"], ["persons_low", "low"], ["share_high", "share_high"]];

  function table(id, rows, first) {
    var columns = first ? first.concat(COLUMNS.slice(1)) : COLUMNS;
    var order = sorted[id];
    var list = rows.slice();
    if (order) {
      list.sort(function (a, b) {
        var x = value(a, order.key), y = value(b, order.key);
        if (x === null && y === null) { return 0; }
        if (x === null) { return 1; }     // hidden cells last either way
        if (y === null) { return -1; }
        var by = typeof x === "string" ? x.localeCompare(y, lang) : x - y;
        return order.ascending ? by : -by;
      });
    }
    var head = "<thead><tr>" + columns.map(function (c) {
      var sort = order && order.key === c[0] ? (order.ascending ? "ascending" : "descending") : "none";
      return '<th scope="col" aria-sort="' + sort + '"><button type="button" data-key="' + c[0] + '">' + w(c[1]) + "</button></th>";
    }).join("") + "</tr></thead>";
    var body = "<tbody>" + list.map(function (r) {
      return "<tr>" + columns.map(function (c, i) {
        var v = value(r, c[0]);
        var tag = i === 0 ? '<th scope="row">' : "<td>";
        return tag + (typeof v === "string" ? esc(v) : cell(v, c[0].indexOf("share") === 0)) + (i === 0 ? "</th>" : "</td>");
      }).join("") + "</tr>";
    }).join("") + "</tbody>";
    var t = el(id);
    t.innerHTML = head + body;
    Array.prototype.forEach.call(t.querySelectorAll("th button"), function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-key");
        var now = sorted[id];
        sorted[id] = {key: key, ascending: !(now && now.key === key && now.ascending)};
        table(id, rows, first);
      });
    });
  }
  function value(row, key) {
    if (key === "name") { return name(row); }
    if (key === "age") { return row.age === "unknown" ? w("unknown") : row.age; }
    if (key === "sex") { return w(row.sex); }
    return row[key];
  }

  function chartAlt() {
    return w("chart_alt") + S.age_sex.map(function (r) {
      return (r.age === "unknown" ? w("unknown") : r.age) + " " + w(r.sex) + " " +
        (r.persons_high === null ? w("hidden") : number(r.persons_high));
    }).join("; ");
  }

  function downloads() {
    el("downloads").innerHTML = S.downloads.map(function (file) {
      var kind = file.split(".").pop();
      return '<li><a href="downloads/' + encodeURIComponent(file) + '" download>' + w("file_" + kind) + "</a> (" + file + ")</li>";
    }).join("");
  }

  function render() {
    var html = document.documentElement;
    html.lang = lang;
    var year = lang === "th" ? "พ.ศ. " + S.about.year_be : S.about.year;
    document.title = w("title", {province: provinceName(), year: year});
    el("title").textContent = document.title;
    el("lead").textContent = w("lead");
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = w(node.getAttribute("data-i18n"));
    });
    var button = el("language");
    button.textContent = w("language");
    button.setAttribute("lang", w("language_lang"));
    drawMap();
    legend();
    var province = {code: "", th: WORDS.th.province, en: WORDS.en.province};
    Object.keys(S.province).forEach(function (k) { province[k] = S.province[k]; });
    var chosen = S.maps[level].filter(function (a) { return a.code === selected; })[0];
    if (chosen) { showDetails(chosen); } else { showDetails(province); }
    table("table-district", S.tables.district);
    table("table-subdistrict", S.tables.subdistrict);
    table("table-age-sex", S.age_sex, [["age", "age"], ["sex", "sex"]]);
    el("chart").alt = chartAlt();
    downloads();
    el("note").textContent = S.about.note;
    el("published").textContent = S.about.published;
    el("published").setAttribute("datetime", S.about.published);
    var attribution = S.about.attribution || w("attribution", {province: provinceName()});
    el("licence").innerHTML = "";
    var text = w("licence_text", {licence: "\u0000", attribution: attribution}).split("\u0000");
    el("licence").appendChild(document.createTextNode(text[0]));
    var link = document.createElement("a");
    link.href = S.about.licence_url;     // a link the reader may follow; nothing is fetched
    link.textContent = S.about.licence;
    el("licence").appendChild(link);
    el("licence").appendChild(document.createTextNode(text[1]));
  }

  el("language").addEventListener("click", function () {
    lang = lang === "th" ? "en" : "th";
    render();
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-level]"), function (button) {
    button.addEventListener("click", function () {
      level = button.getAttribute("data-level");
      selected = null;
      Array.prototype.forEach.call(document.querySelectorAll("[data-level]"), function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      render();
    });
  });
  render();
}());
