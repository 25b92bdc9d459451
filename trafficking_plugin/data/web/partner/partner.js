/* The partners' map: what QGIS Server serves the user's role (the web server sets the role after
   login; this page never names one). Layers from GetCapabilities, one GetMap image per view over
   the server's own boundaries (no tiles from the Internet), legends from GetLegendGraphic, an
   area's figures from GetFeatureInfo. Leaflet draws the map when the folder has it; otherwise
   a plain SVG map of the same images, without zoom. Thai and English. */
(function () {
  "use strict";
  var CONFIG = window.PARTNER_CONFIG || { ows: "/ows", leaflet: false };
  var BASE = ["subdistrict", "district", "province"];   // the neutral base, drawn on top as lines
  var SKIP = /(_print_\d+$)|(^report_)/;                  // print layouts' copies, report atlas
  var TEXT = {
    th: { title: "แผนที่ความเสี่ยงการค้ามนุษย์สำหรับภาคี", language: "English", loading: "กำลังโหลดแผนที่…",
          layers: "ชั้นข้อมูล", figures: "ตัวเลขของพื้นที่", legend: "คำอธิบายสัญลักษณ์",
          click: "คลิกพื้นที่บนแผนที่เพื่อดูตัวเลข", nothing: "ไม่มีข้อมูลที่ตำแหน่งนี้",
          hidden: "ปกปิด", none: "—", ready: "พร้อม: {n} ชั้นข้อมูล", plain: "แผนที่แบบง่าย (ไม่มี Leaflet: ซูมไม่ได้)",
          failed: "เซิร์ฟเวอร์แผนที่ไม่ตอบ ({s}): ลองใหม่ภายหลังหรือติดต่อศูนย์ฯ",
          base: "เขตการปกครอง (พื้นหลัง)", high: "สูง", medium: "ปานกลาง", low: "ต่ำ",
          yes: "ใช่", no: "ไม่ใช่", map: "แผนที่",
          footnote: "สิ่งที่แสดงขึ้นกับสิทธิ์ของผู้ใช้ที่เข้าสู่ระบบ: เซิร์ฟเวอร์ส่งเฉพาะชั้นข้อมูลที่บทบาทของท่านดูได้" },
    en: { title: "Human-trafficking risk map for partners", language: "ภาษาไทย", loading: "Loading the map…",
          layers: "Layers", figures: "The area's figures", legend: "Legend",
          click: "Click an area on the map to see its figures", nothing: "Nothing here",
          hidden: "hidden", none: "—", ready: "Ready: {n} layers", plain: "Plain map (no Leaflet: no zoom)",
          failed: "The map server did not answer ({s}): try again later or contact the centre",
          base: "Boundaries (base)", high: "high", medium: "medium", low: "low",
          yes: "yes", no: "no", map: "Map",
          footnote: "What you see depends on your login: the server sends only the layers your role may see" }
  };
  var FIELDS = {   // field -> [Thai, English]; a field not listed shows its own name
    code: ["รหัส", "Code"], name_th: ["ชื่อ", "Name (Thai)"], name_en: ["ชื่อภาษาอังกฤษ", "Name (English)"],
    district_code: ["รหัสอำเภอ", "District code"], data_year: ["ปีข้อมูล", "Data year"],
    persons_scored: ["ผู้ได้รับการประเมิน (คน)", "Persons scored"], risk_class: ["ระดับความเสี่ยง", "Risk class"],
    persons: ["บุคคล (คน)", "Persons"], persons_high: ["เสี่ยงสูง (คน)", "Persons at high risk"],
    persons_medium: ["เสี่ยงปานกลาง (คน)", "Persons at medium risk"], persons_low: ["เสี่ยงต่ำ (คน)", "Persons at low risk"],
    share_high: ["สัดส่วนเสี่ยงสูง", "Share at high risk"], share_medium: ["สัดส่วนเสี่ยงปานกลาง", "Share at medium risk"],
    share_low: ["สัดส่วนเสี่ยงต่ำ", "Share at low risk"], mean_index: ["ดัชนีเฉลี่ย", "Mean index"],
    mean_coverage: ["ความครอบคลุมข้อมูลเฉลี่ย", "Mean data coverage"], p_high: ["ความน่าจะเป็นระดับสูง", "Probability of the high class"],
    robust: ["ผลคงที่", "Robust"], drivers: ["ปัจจัยหลัก", "Main drivers"],
    area_code: ["รหัสพื้นที่", "Area code"], area_name_th: ["ชื่อพื้นที่", "Area name (Thai)"],
    area_name_en: ["ชื่อพื้นที่ภาษาอังกฤษ", "Area name (English)"], note: ["หมายเหตุ", "Note"],
    establishments: ["สถานประกอบการ", "Establishments"], establishments_high: ["สถานประกอบการเสี่ยงสูง", "Establishments at high risk"],
    previous_year: ["ปีก่อน", "Previous year"], previous_class: ["ระดับปีก่อน", "Previous class"],
    class_change: ["การเปลี่ยนระดับ", "Class change"], previous_share_high: ["สัดส่วนเสี่ยงสูงปีก่อน", "Previous share at high risk"],
    share_high_change: ["การเปลี่ยนสัดส่วนเสี่ยงสูง", "Change of the share at high risk"],
    moo: ["หมู่", "Moo"], km_to_risky_place: ["ระยะถึงสถานที่เสี่ยง (กม.)", "km to a risky place"],
    km_to_border_crossing: ["ระยะถึงจุดผ่านแดน (กม.)", "km to a border crossing"],
    name: ["ชื่อ", "Name"], type: ["ประเภท", "Type"], phone: ["โทรศัพท์", "Phone"], email: ["อีเมล", "E-mail"],
    address: ["ที่อยู่", "Address"], areas: ["พื้นที่", "Areas"], risk_score: ["คะแนนความเสี่ยง", "Risk score"]
  };
  var state = { lang: "th", layers: [], bbox: null, view: null, last: null, map: null };

  function t(key) { return TEXT[state.lang][key]; }
  function part(title) {   // "ไทย / English" -> the current language's part
    var parts = String(title || "").split(" / ");
    return state.lang === "th" ? parts[0] : parts[parts.length - 1];
  }
  function ows(params) {
    var query = new URLSearchParams(Object.assign({ SERVICE: "WMS", VERSION: "1.3.0" }, params));
    return CONFIG.ows + "?" + query.toString();
  }
  function status(text, error) {
    var node = document.getElementById("status");
    node.textContent = text;
    node.className = error ? "error" : "";
  }
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function child(node, name) {
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === name) { return c; }
    }
    return null;
  }

  /* The layers the server lists for this user: leaf layers with a name, and the extent of the
     boundaries (the root's may be the world's: a layout's layer can have any extent). */
  function readCapabilities(xml) {
    var layers = [], boxes = {};
    Array.prototype.forEach.call(xml.getElementsByTagNameNS("*", "Layer"), function (layer) {
      var name = child(layer, "Name"), box = child(layer, "EX_GeographicBoundingBox");
      // A group the role sees nothing of is listed without children: a layer has a style.
      if (!name || child(layer, "Layer") || !child(layer, "Style") || SKIP.test(name.textContent)) {
        return;
      }
      if (box) {
        boxes[name.textContent] = ["westBoundLongitude", "southBoundLatitude", "eastBoundLongitude",
          "northBoundLatitude"].map(function (n) { return parseFloat(child(box, n).textContent); });
      }
      layers.push({ name: name.textContent, title: (child(layer, "Title") || name).textContent,
                    queryable: layer.getAttribute("queryable") === "1",
                    base: BASE.indexOf(name.textContent) >= 0, on: false });
    });
    var bbox = boxes.province || boxes.subdistrict || boxes.district || null;
    var credit = xml.getElementsByTagNameNS("*", "Attribution")[0];
    var title = credit ? child(credit, "Title") : null;
    return { layers: layers, bbox: bbox, attribution: title ? title.textContent : "" };
  }

  function overlays() { return state.layers.filter(function (l) { return !l.base; }); }
  function has(name) { return state.layers.some(function (l) { return l.name === name; }); }
  function drawn() {   // bottom to top: the sub-districts' plain fill, the chosen layers, the lines
    var names = has("subdistrict") ? ["subdistrict"] : [];
    overlays().forEach(function (l) { if (l.on) { names.push(l.name); } });
    ["district", "province"].forEach(function (b) { if (has(b)) { names.push(b); } });
    return names;
  }

  function renderLayers() {
    var list = document.getElementById("layers");
    list.textContent = "";
    overlays().forEach(function (layer) {
      var item = element("li", { "data-layer": layer.name });
      var label = element("label");
      var box = element("input", { type: "checkbox", value: layer.name });
      box.checked = layer.on;
      box.addEventListener("change", function () { layer.on = box.checked; redraw(); renderLegend(); });
      label.appendChild(box);
      label.appendChild(element("span", {}, part(layer.title)));
      item.appendChild(label);
      list.appendChild(item);
    });
    var base = element("li", { "data-layer": "base" }, t("base"));
    list.appendChild(base);
  }

  function renderLegend() {
    var legend = document.getElementById("legend");
    legend.textContent = "";
    state.layers.filter(function (l) { return l.on; }).forEach(function (layer) {
      var figure = element("figure", { "data-layer": layer.name });
      figure.appendChild(element("figcaption", {}, part(layer.title)));
      figure.appendChild(element("img", { alt: part(layer.title), src: ows({
        REQUEST: "GetLegendGraphic", LAYER: layer.name, FORMAT: "image/png", SLD_VERSION: "1.1.0",
        LAYERTITLE: "FALSE" }) }));
      legend.appendChild(figure);
    });
  }

  function value(layerName, v) {
    if (v === null || v === undefined || v === "") {
      return layerName === "public_subdistrict" ? t("hidden") : t("none");
    }
    if (typeof v === "boolean") { return t(v ? "yes" : "no"); }
    if (typeof v === "number" && Math.round(v) !== v) {
      return (Math.round(v * 1000) / 1000).toLocaleString(state.lang === "th" ? "th-TH" : "en-GB");
    }
    if (/^(high|medium|low)$/.test(v)) { return TEXT[state.lang][v]; }
    return part(v);   // the server's value maps read "ไทย / English"
  }

  /* A field's label: the server's alias ("ไทย / English") or the page's own for a bare name. */
  function label(field) {
    if (FIELDS[field]) { return FIELDS[field][state.lang === "th" ? 0 : 1]; }
    return part(field);
  }

  /* GetFeatureInfo's GeoJSON as headed lists, one per feature; data-field is the field's
     English name (the alias's English part), so tests and scripts find a figure. */
  function figures(collection) {
    var box = element("div");
    var features = (collection && collection.features) || [];
    if (!features.length) { box.appendChild(element("p", {}, t("nothing"))); }
    features.forEach(function (feature) {
      var name = String(feature.id || "").replace(/\.[^.]*$/, "");
      var layer = state.layers.filter(function (l) { return l.name === name; })[0];
      var section = element("section", { "data-layer": name });
      section.appendChild(element("h3", {}, layer ? part(layer.title) : name));
      var list = element("dl"), note = null, properties = feature.properties || {};
      Object.keys(properties).forEach(function (field) {
        var v = properties[field];
        if (field === "fid") { return; }
        if (field === "note") { note = v; return; }   // the publication's long note: below
        var english = field.split(" / ").pop();
        list.appendChild(element("dt", {}, label(field)));
        list.appendChild(element("dd", { "data-field": english,
          "class": v === null ? "hidden-value" : "" }, value(name, v)));
      });
      section.appendChild(list);
      if (note) { section.appendChild(element("p", { "class": "note" }, note)); }
      box.appendChild(section);
    });
    return box;
  }

  function showFigures(collection, latlng) {
    state.last = collection;
    var details = document.getElementById("details");
    details.textContent = "";
    details.appendChild(figures(collection));
    if (state.map && latlng) {
      window.L.popup({ maxWidth: 320, maxHeight: 300 }).setLatLng(latlng)
        .setContent(figures(collection)).openOn(state.map);
    }
  }

  /* The figures at pixel (i, j) of the current view. Asked of a small window around the point
     at a hundredth of the view's pixel size: QGIS Server's polygon tolerance (in pixels) would
     otherwise take in the neighbours of a small area; points and lines keep a tolerance of a few
     screen pixels. */
  var FINE = 100, HALF = 50;
  function identify(i, j, latlng) {
    var view = state.view;
    // The layers shown first (the server answers in this order), the sub-district last.
    var layers = state.layers.filter(function (l) { return l.queryable && l.on; })
      .map(function (l) { return l.name; });
    if (has("subdistrict") && layers.indexOf("subdistrict") < 0) { layers.push("subdistrict"); }
    if (!view || !layers.length) { return; }
    var b = view.bbox, size = (b[2] - b[0]) / view.width / FINE;
    var x = b[0] + (i + 0.5) * (b[2] - b[0]) / view.width;
    var y = b[3] - (j + 0.5) * (b[3] - b[1]) / view.height;
    fetch(ows({ REQUEST: "GetFeatureInfo", LAYERS: layers.join(","), QUERY_LAYERS: layers.join(","),
                STYLES: "", CRS: "EPSG:3857", BBOX: [x - (HALF + 0.5) * size, y - (HALF + 0.5) * size,
                x + (HALF + 0.5) * size, y + (HALF + 0.5) * size].join(","), WIDTH: 2 * HALF + 1,
                HEIGHT: 2 * HALF + 1, I: HALF, J: HALF, FEATURE_COUNT: 5,
                FI_POINT_TOLERANCE: 8 * FINE, FI_LINE_TOLERANCE: 6 * FINE, FI_POLYGON_TOLERANCE: 1,
                INFO_FORMAT: "application/json" }), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      })
      .then(function (json) { showFigures(json, latlng); })
      .catch(function (e) { status(t("failed").replace("{s}", e.message), true); });
  }

  function getMap(view) {
    return ows({ REQUEST: "GetMap", LAYERS: drawn().join(","), STYLES: "", CRS: "EPSG:3857",
                 BBOX: view.bbox.join(","), WIDTH: view.width, HEIGHT: view.height,
                 FORMAT: "image/png", TRANSPARENT: "TRUE", DPI: 96 });
  }

  function mercator(lon, lat) {
    var r = 6378137, y = Math.max(Math.min(lat, 85.05), -85.05) * Math.PI / 180;
    return [r * lon * Math.PI / 180, r * Math.log(Math.tan(Math.PI / 4 + y / 2))];
  }

  /* Leaflet: one image per view, replaced once the next one has loaded. */
  var overlay = null;
  function redrawLeaflet() {
    var map = state.map, size = map.getSize(), bounds = map.getBounds();
    var sw = map.options.crs.project(bounds.getSouthWest()), ne = map.options.crs.project(bounds.getNorthEast());
    state.view = { bbox: [sw.x, sw.y, ne.x, ne.y], width: size.x, height: size.y };
    var next = window.L.imageOverlay(getMap(state.view), bounds, { className: "wms-image" });
    next.once("load", function () {
      if (overlay && overlay !== next) { map.removeLayer(overlay); }
      overlay = next;
    });
    next.addTo(map);
  }

  function startLeaflet() {
    var L = window.L, b = state.bbox;
    var map = L.map("map", { zoomSnap: 0.25 });
    state.map = map;
    map.attributionControl.setPrefix('<a href="leaflet/LICENSE">Leaflet</a>');
    if (state.attribution) {   // the maps' source, as the server gives it (text, not markup)
      map.attributionControl.addAttribution(element("span", {}, state.attribution).outerHTML);
    }
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
    map.on("moveend", redrawLeaflet);
    map.on("click", function (e) { identify(e.containerPoint.x, e.containerPoint.y, e.latlng); });
    redrawLeaflet();
  }

  /* Without Leaflet: an SVG holding the server's image of the whole extent. */
  function redrawPlain() {
    var box = document.getElementById("map"), b = state.bbox;
    var sw = mercator(b[0], b[1]), ne = mercator(b[2], b[3]);
    var width = Math.max(box.clientWidth, 300), height = Math.max(box.clientHeight, 300);
    var scale = 1.05 * Math.max((ne[0] - sw[0]) / width, (ne[1] - sw[1]) / height);   // a margin
    var cx = (sw[0] + ne[0]) / 2, cy = (sw[1] + ne[1]) / 2;
    state.view = { bbox: [cx - scale * width / 2, cy - scale * height / 2, cx + scale * width / 2,
                          cy + scale * height / 2], width: width, height: height };
    var ns = "http://www.w3.org/2000/svg";
    var svg = box.querySelector("svg");
    if (!svg) {
      svg = document.createElementNS(ns, "svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.addEventListener("click", function (e) {
        var r = svg.getBoundingClientRect();
        identify((e.clientX - r.left) * state.view.width / r.width,
                 (e.clientY - r.top) * state.view.height / r.height, null);
      });
      box.appendChild(svg);
    }
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.textContent = "";
    var image = document.createElementNS(ns, "image");
    image.setAttribute("class", "wms-image");
    image.setAttribute("width", width);
    image.setAttribute("height", height);
    image.addEventListener("load", function () { image.setAttribute("data-loaded", "true"); });
    image.setAttribute("href", getMap(state.view));
    svg.appendChild(image);
  }

  /* Where (lat, lon) is on the map, in pixels from its top left: for the browser tests. */
  window.partnerPoint = function (lat, lon) {
    if (state.map) {
      var p = state.map.latLngToContainerPoint([lat, lon]);
      return [p.x, p.y];
    }
    var v = state.view, m = mercator(lon, lat), svg = document.querySelector("#map svg");
    var r = svg.getBoundingClientRect();
    return [(m[0] - v.bbox[0]) / (v.bbox[2] - v.bbox[0]) * r.width,
            (v.bbox[3] - m[1]) / (v.bbox[3] - v.bbox[1]) * r.height];
  };

  function redraw() { if (state.map) { redrawLeaflet(); } else if (state.bbox) { redrawPlain(); } }

  function translate() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = t(node.getAttribute("data-i18n"));
    });
    var button = document.getElementById("language");
    button.textContent = t("language");
    button.lang = state.lang === "th" ? "en" : "th";
    document.title = t("title");
    if (state.layers.length) {
      renderLayers();
      renderLegend();
      status(state.map ? t("ready").replace("{n}", overlays().length) : t("plain"));
    }
    if (state.last) { showFigures(state.last, null); }
  }

  function start() {
    document.getElementById("language").addEventListener("click", function () {
      state.lang = state.lang === "th" ? "en" : "th";
      translate();
    });
    fetch(ows({ REQUEST: "GetCapabilities" }), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      })
      .then(function (text) {
        var read = readCapabilities(new DOMParser().parseFromString(text, "application/xml"));
        state.layers = read.layers;
        state.attribution = read.attribution;
        state.bbox = read.bbox || [97.3, 5.6, 105.7, 20.5];   // Thailand, when none is given
        // Shown first: the risk map where the role has it, else the published figures.
        var first = ["risk_subdistrict", "public_subdistrict"].filter(has)[0];
        if (first) { state.layers.filter(function (l) { return l.name === first; })[0].on = true; }
        if (CONFIG.leaflet && window.L) { startLeaflet(); } else { redrawPlain(); }
        translate();
        document.body.setAttribute("data-ready", "true");
      })
      .catch(function (e) { status(t("failed").replace("{s}", e.message), true); });
  }

  function loadLeaflet(then) {   // from the page's own folder, never from the Internet
    var css = element("link", { rel: "stylesheet", href: "leaflet/leaflet.css" });
    document.head.insertBefore(css, document.head.querySelector("link[href='partner.css']"));
    var script = element("script", { src: "leaflet/leaflet.js" });
    script.onload = then;
    script.onerror = function () { CONFIG.leaflet = false; then(); };
    document.body.appendChild(script);
  }

  if (CONFIG.leaflet) { loadLeaflet(start); } else { start(); }
}());
