// footmap standalone map: selection, search, foot and view switches, zoom and pan, keyboard,
// URL fragment.
// No network, no eval, no innerHTML of data: panel content comes from inert <template>s
// written (and escaped) by footmap.web.page; everything else is textContent.
(function () {
  "use strict";
  var T0 = performance.now();
  var D = JSON.parse(document.getElementById("fm-data").textContent);
  var S = D.search;
  var N = D.zones.length;
  var byId = Object.create(null);
  D.zones.forEach(function (z, i) { byId[z[0]] = i; });
  var els = [], labels = [];
  for (var i = 0; i < N; i++) {
    els.push(document.getElementById("zone-" + D.zones[i][0]));
    labels.push([]);
  }
  document.querySelectorAll("[data-z]").forEach(function (el) {
    if (el.classList.contains("lbl") || el.classList.contains("znum") || el.classList.contains("callout")) {
      labels[+el.getAttribute("data-z")].push(el);
    }
  });
  var svgs = {};
  document.querySelectorAll("svg.fm-map").forEach(function (s) { svgs[s.getAttribute("data-view")] = s; });
  var panel = document.getElementById("fm-panel");
  var live = document.getElementById("fm-live");
  var box = document.getElementById("fm-search");
  var status = document.getElementById("fm-search-status");
  var results = document.getElementById("fm-results");
  var found = document.getElementById("fm-found");
  var more = document.getElementById("fm-more");
  var back = document.querySelector("aside.panel .back");
  var state = { foot: D.start.foot, view: D.start.view, sel: -1, group: [], hits: [], tab: -1 };
  var layout = document.querySelector("main.layout");
  var NS = "http://www.w3.org/2000/svg";
  var narrow = window.matchMedia("(max-width: 760px)");

  // ---- search: a port of footmap.chart.query.match_search over the embedded index ----
  var spaceSet = Object.create(null);
  Array.from(S.spaces).forEach(function (c) { spaceSet[c] = true; });
  function pySplitJoin(text) { // " ".join(text.split())
    var out = [], word = "";
    Array.from(text).forEach(function (c) {
      if (spaceSet[c]) { if (word) { out.push(word); word = ""; } } else { word += c; }
    });
    if (word) out.push(word);
    return out.join(" ");
  }
  function casefold(text) {
    return Array.from(text).map(function (c) {
      var f = S.fold[c];
      return f !== undefined ? f : c.toUpperCase().toLowerCase();
    }).join("");
  }
  function norm(text) { // footmap.chart._norm
    return pySplitJoin(casefold(text).split("&").join("and").split("/").join(" "));
  }
  function match(text) { // -> array of zone numbers, or null when too short to decide
    var q = casefold(pySplitJoin(text));
    if (!q) return [];
    for (var k = 0; k < S.options.length; k++) {
      if (S.options[k][0] === q) return S.options[k][2].slice();
    }
    if (Array.from(q).length < S.min) return null;
    var n = norm(q);
    if (!n) return [];
    var hits = [];
    S.zones.forEach(function (z, i) {
      if (z[0].indexOf(n) >= 0 || z[1].indexOf(n) >= 0 || z[2].indexOf(n) >= 0 ||
          z[3].indexOf(n) >= 0) hits.push(i);
    });
    return hits;
  }
  window.footmapMatch = function (text) {
    var r = match(text);
    return r === null ? null : r.map(function (i) { return D.zones[i][0]; });
  };

  // ---- a port of footmap.chart.query.find: plain words, system ids, "did you mean" ----
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function zonesFor(q) { // Chart.zones_for: a body area, with or without a plural "s"
    var n = norm(q);
    if (!n) return [];
    var stems = [n, n.replace(/s$/, ""), n + "s"];
    var out = [];
    S.zones.forEach(function (z, i) { if (stems.indexOf(z[1]) >= 0) out.push(i); });
    return out;
  }
  // difflib.SequenceMatcher(None, a, b).ratio() and get_close_matches, code point for point
  function ratio(a, b, b2j) {
    var la = a.length, lb = b.length;
    if (!la && !lb) return 1;
    function longest(alo, ahi, blo, bhi) {
      var bi = alo, bj = blo, bs = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {}, js = b2j[a[i]] || [];
        for (var t = 0; t < js.length; t++) {
          var j = js[t];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > bs) { bi = i - k + 1; bj = j - k + 1; bs = k; }
        }
        j2len = next;
      }
      while (bi > alo && bj > blo && a[bi - 1] === b[bj - 1]) { bi--; bj--; bs++; }
      while (bi + bs < ahi && bj + bs < bhi && a[bi + bs] === b[bj + bs]) bs++;
      return [bi, bj, bs];
    }
    var queue = [[0, la, 0, lb]], matched = 0;
    while (queue.length) {
      var q = queue.pop(), x = longest(q[0], q[1], q[2], q[3]);
      if (!x[2]) continue;
      matched += x[2];
      if (q[0] < x[0] && q[2] < x[1]) queue.push([q[0], x[0], q[2], x[1]]);
      if (x[0] + x[2] < q[1] && x[1] + x[2] < q[3]) queue.push([x[0] + x[2], q[1], x[1] + x[2], q[3]]);
    }
    return 2 * matched / (la + lb);
  }
  function closeMatches(word, names, n, cutoff) {
    var b = Array.from(word), b2j = {}, counts = {};
    b.forEach(function (c, j) { (b2j[c] = b2j[c] || []).push(j); });
    if (b.length >= 200) { // difflib's autojunk: drop characters more common than 1 %
      var ntest = Math.floor(b.length / 100) + 1;
      Object.keys(b2j).forEach(function (c) { if (b2j[c].length > ntest) delete b2j[c]; });
    }
    b.forEach(function (c) { counts[c] = (counts[c] || 0) + 1; });
    var scored = [];
    names.forEach(function (name) {
      var a = Array.from(name), la = a.length, lb = b.length;
      if (la + lb && 2 * Math.min(la, lb) / (la + lb) < cutoff) return; // real_quick_ratio
      var avail = {}, m = 0;
      a.forEach(function (c) {
        var left = has(avail, c) ? avail[c] : (counts[c] || 0);
        avail[c] = left - 1;
        if (left > 0) m++;
      });
      if (la + lb && 2 * m / (la + lb) < cutoff) return; // quick_ratio
      var r = ratio(a, b, b2j);
      if (r >= cutoff) scored.push([r, name]);
    });
    scored.sort(function (p, q) { // heapq.nlargest on (score, name)
      return q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0);
    });
    return scored.slice(0, n).map(function (p) { return p[1]; });
  }
  var namesFolded = S.names.map(function (p) { return p[0]; });
  var nameOf = Object.create(null);
  S.names.forEach(function (p) { nameOf[p[0]] = p[1]; });
  function suggest(text) {
    var close = closeMatches(casefold(pySplitJoin(text)), namesFolded, 9, S.cutoff);
    var out = [];
    close.forEach(function (c) { if (out.indexOf(nameOf[c]) < 0) out.push(nameOf[c]); });
    return out.slice(0, 3);
  }
  function find(text) { // -> {query, zones, areas, plain, suggestions}
    var q = pySplitJoin(text), folded = casefold(q), zones = [], plain = false;
    if (folded) {
      var hit = match(q);
      if (hit && hit.length) zones = hit;
      else if ((hit = zonesFor(q)).length) zones = hit;
      else if (has(S.systems, folded)) zones = S.systems[folded].slice();
      else if (q in byId) zones = [byId[q]];
      else if (has(S.plain, folded)) { zones = S.plain[folded].slice(); plain = zones.length > 0; }
    }
    var areas = [];
    zones.forEach(function (i) { if (areas.indexOf(D.areas[i]) < 0) areas.push(D.areas[i]); });
    return { query: q, zones: zones, areas: areas, plain: plain,
             suggestions: zones.length || !folded ? [] : suggest(q) };
  }
  function pyRepr(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t");
    if (quote === "'") body = body.replace(/'/g, "\\'");
    return quote + body + quote;
  }
  function joined(items, word) {
    return items.length === 1 ? items[0]
      : items.slice(0, -1).join(", ") + " " + word + " " + items[items.length - 1];
  }
  function message(f) { // Found.message()
    if (f.zones.length && f.plain) {
      return "footmap maps body areas, not symptoms: charts claim " + joined(f.areas, "and") +
        " for " + pyRepr(f.query);
    }
    if (f.zones.length) {
      var n = f.zones.length;
      return n + " zone" + (n !== 1 ? "s" : "") + " for " + pyRepr(f.query) + ": " +
        joined(f.areas, "and");
    }
    var hint = f.suggestions.length ? "; did you mean " + joined(f.suggestions, "or") + "?" : "";
    return "No zone matches " + pyRepr(f.query) + hint;
  }
  window.footmapFind = function (text) {
    var f = find(text);
    return { zones: f.zones.map(function (i) { return D.zones[i][0]; }), areas: f.areas,
             plain: f.plain, suggestions: f.suggestions, message: message(f) };
  };

  // ---- visibility: foot and view ----
  function visible(i) {
    var z = D.zones[i];
    return z[1] === state.view && (state.foot === "both" || state.foot === z[2]);
  }
  function setFoot(foot) {
    state.foot = foot;
    Object.keys(svgs).forEach(function (v) {
      var s = svgs[v];
      s.querySelectorAll("g.panel").forEach(function (g) {
        var show = foot === "both" || g.getAttribute("data-foot") === foot;
        if (show) g.removeAttribute("display"); else g.setAttribute("display", "none");
      });
    });
    document.querySelectorAll(".key li").forEach(function (li) {
      li.hidden = !(foot === "both" || li.getAttribute("data-feet").split(" ").indexOf(foot) >= 0);
    });
    var r = document.querySelector('input[name="foot"][value="' + foot + '"]');
    if (r) r.checked = true;
    zoomHome();
    refresh();
  }
  function setView(view) {
    state.view = view;
    Object.keys(svgs).forEach(function (v) { svgs[v].classList.toggle("off", v !== view); });
    document.querySelectorAll(".key").forEach(function (k) {
      k.hidden = k.getAttribute("data-view") !== view;
    });
    var r = document.querySelector('input[name="view"][value="' + view + '"]');
    if (r) r.checked = true;
    layerKey();
    zoomHome();
    refresh();
  }

  // ---- zoom and pan: the current view's viewBox, inside the box of the feet shown ----
  // On a narrow screen the map is a window of fixed height and opens zoomed to the toes of
  // one foot (targets of 24 px and more, labels of 10 px and more); elsewhere it opens whole.
  var KMAX = 8;
  var zoom = { k: 1, cx: null, cy: null, region: "whole" };
  var zoomBtns = document.querySelectorAll(".zoombar button");
  function cur() { return svgs[state.view]; }
  function baseBox() {
    var s = cur();
    var vb = s.getAttribute("data-vb-" + state.foot) || s.getAttribute("data-vb-both");
    return vb.split(" ").map(Number);
  }
  function footBox() { // the outlines of the feet shown, in the SVG's frame
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    cur().querySelectorAll("g.panel").forEach(function (g) {
      if (g.getAttribute("display") === "none") return;
      g.querySelectorAll("path.outline").forEach(function (o) {
        var b = o.getBBox();
        x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
        x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height);
      });
    });
    if (!isFinite(x0)) { var b = baseBox(); return { x: b[0], y: b[1], w: b[2], h: b[3] }; }
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  function screenSize() { // the SVG's size in CSS px; off a narrow screen, the box's own shape
    var s = cur(), b = baseBox();
    if (narrow.matches && s.clientWidth && s.clientHeight) return [s.clientWidth, s.clientHeight];
    return [b[2], b[3]];
  }
  function minLabel() { // the smallest label font shown (mm)
    var m = Infinity;
    cur().querySelectorAll("g.panel").forEach(function (g) {
      if (g.getAttribute("display") === "none") return;
      g.querySelectorAll("text.lbl").forEach(function (t) {
        m = Math.min(m, +t.getAttribute("font-size"));
      });
    });
    return isFinite(m) ? m : 3;
  }
  function fitScale() { var b = baseBox(), c = screenSize(); return Math.min(c[0] / b[2], c[1] / b[3]); }
  function applyZoom() {
    var s = cur(), b = baseBox(), c = screenSize();
    zoom.k = Math.max(1, Math.min(KMAX, zoom.k));
    var sc = fitScale() * zoom.k, w = c[0] / sc, h = c[1] / sc;
    var cx = zoom.cx === null ? b[0] + b[2] / 2 : zoom.cx;
    var cy = zoom.cy === null ? b[1] + b[3] / 2 : zoom.cy;
    cx = w >= b[2] ? b[0] + b[2] / 2 : Math.max(b[0] + w / 2, Math.min(b[0] + b[2] - w / 2, cx));
    // search results over the bottom of a phone's map: the foot may move up above them
    var slack = narrow.matches && !found.hidden ? h * 0.45 : 0;
    cy = h >= b[3] && !slack ? b[1] + b[3] / 2
      : Math.max(b[1] + h / 2, Math.min(b[1] + b[3] - h / 2 + slack, cy));
    zoom.cx = cx; zoom.cy = cy;
    s.setAttribute("viewBox", [cx - w / 2, cy - h / 2, w, h].map(function (v) {
      return Math.round(v * 100) / 100;
    }).join(" "));
    s.classList.toggle("zoomed", zoom.k > 1.01);
    decorate();
    var upright = footBox().h > footBox().w && state.foot !== "both";
    zoomBtns.forEach(function (btn) {
      var z = btn.getAttribute("data-zoom"), r = btn.getAttribute("data-region");
      if (z === "out") btn.disabled = zoom.k <= 1.001;
      if (z === "in") btn.disabled = zoom.k >= KMAX - 0.001;
      if (r) btn.setAttribute("aria-pressed", String(zoom.region === r));
      if (r && r !== "whole") btn.hidden = !upright; // toe to heel: feet drawn toe up
    });
  }
  var BANDS = { toes: [0, 0.3], ball: [0.24, 0.5], arch: [0.45, 0.75], heel: [0.68, 1] };
  function phoneScale() { // CSS px per mm: the foot as wide as the window, labels >= 10.5 px
    var f = footBox(), c = screenSize();
    return Math.max(c[0] / (f.w * 1.04), 10.5 / minLabel());
  }
  function region(name) {
    var f = footBox(), c = screenSize();
    zoom.region = name;
    if (name === "whole" || !BANDS[name]) {
      zoom.k = 1; zoom.cx = zoom.cy = null;
    } else {
      var band = BANDS[name], y0 = f.y + band[0] * f.h, y1 = f.y + band[1] * f.h;
      var sc = narrow.matches ? phoneScale()
        : Math.min(c[0] / (f.w * 1.15), c[1] / ((y1 - y0) * 1.15));
      zoom.k = sc / fitScale();
      var h = c[1] / sc;
      zoom.cx = f.x + f.w / 2;
      // the band's top edge near the window's top (the band's bottom for the heel)
      zoom.cy = name === "heel" ? y1 - h / 2 + 4 : Math.max(y0 + h / 2 - 4, (y0 + y1) / 2);
    }
    applyZoom();
  }
  // Zoomed in, the numbered callouts leave the window: names go to the zones instead, where
  // they fit (a white halo, 11 px on screen), and every zone smaller than 24 px gets a round
  // tap target of 24 px at its label point.
  var hasLabel = [];
  document.querySelectorAll("text.lbl[data-z]").forEach(function (t) { hasLabel[+t.getAttribute("data-z")] = true; });
  var TARGET = 24, NAME_PX = 11;
  function group(s, cls) {
    var g = s.querySelector("g." + cls);
    if (!g) {
      g = document.createElementNS(NS, "g");
      g.setAttribute("class", cls);
      s.insertBefore(g, s.querySelector("g.overlay"));
    }
    g.textContent = "";
    return g;
  }
  function decorate() {
    var s = cur(), hits = group(s, "hits"), names = group(s, "names");
    s.querySelectorAll("text.znum.named").forEach(function (t) { t.classList.remove("named"); });
    if (!s.classList.contains("zoomed")) return;
    var sc = s.getScreenCTM() ? s.getScreenCTM().a : 0;
    if (!sc) return;
    var vb = s.getAttribute("viewBox").split(" ").map(Number), r = TARGET / 2 / sc;
    var fs = NAME_PX / sc, taken = [];
    function inWin(p) {
      return p[0] > vb[0] && p[0] < vb[0] + vb[2] && p[1] > vb[1] && p[1] < vb[1] + vb[3];
    }
    s.querySelectorAll("text.lbl").forEach(function (t) {
      if (!visible(+t.getAttribute("data-z"))) return;
      var b = t.getBBox();
      taken.push([b.x, b.y, b.x + b.width, b.y + b.height]);
    });
    // a number written inside a zone: its own zone's name replaces it (hidden while the name
    // shows); no other zone's name may cover it
    var nums = [];
    s.querySelectorAll("text.znum[data-z]").forEach(function (t) {
      var z = +t.getAttribute("data-z");
      if (!visible(z)) return;
      var b = t.getBBox();
      nums[z] = t;
      taken.push([b.x, b.y, b.x + b.width, b.y + b.height, z]);
    });
    var todo = [];
    for (var i = 0; i < N; i++) {
      if (!visible(i) || !D.at[i] || !inWin(D.at[i])) continue;
      var b = els[i].getBBox();
      if (Math.min(b.width, b.height) * sc < TARGET) {
        var c = document.createElementNS(NS, "circle");
        c.setAttribute("class", "hit");
        c.setAttribute("data-z", i);
        c.setAttribute("cx", D.at[i][0]); c.setAttribute("cy", D.at[i][1]);
        c.setAttribute("r", r);
        hits.appendChild(c);
      }
      if (!hasLabel[i]) todo.push([b.width * b.height, i]);
    }
    todo.sort(function (p, q) { return q[0] - p[0]; });
    todo.forEach(function (p) {
      var i = p[1], x = D.at[i][0], y = D.at[i][1], text = D.labels[i];
      var w = text.length * fs * 0.58 + fs * 0.4, h = fs * 1.25;
      // a name near the window's side moves in, whole, rather than be cut by the edge
      x = Math.max(vb[0] + w / 2, Math.min(vb[0] + vb[2] - w / 2, x));
      var box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      var clash = taken.some(function (o) {
        return o[4] !== i && box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1];
      });
      if (clash) return;
      taken.push(box);
      if (nums[i]) nums[i].classList.add("named");
      var t = document.createElementNS(NS, "text");
      t.setAttribute("class", "name");
      t.setAttribute("data-z", i);
      t.setAttribute("x", x); t.setAttribute("y", y);
      t.setAttribute("font-size", fs.toFixed(2));
      t.textContent = text;
      names.appendChild(t);
    });
  }
  function zoomHome() { // what a view or foot opens with
    if (!cur()) return;
    if (!narrow.matches) { region("whole"); return; }
    var f = footBox();
    if (f.h > f.w && state.foot !== "both") { region("toes"); return; }
    zoom.region = "";
    zoom.k = phoneScale() / fitScale();
    zoom.cx = f.x + f.w / 2;
    zoom.cy = f.h > f.w ? f.y : f.y + f.h / 2;
    applyZoom();
  }
  function zoomBy(factor, px, py) { // keep the point (px, py) of the SVG where it is
    var k0 = zoom.k, k1 = Math.max(1, Math.min(KMAX, k0 * factor));
    if (px !== undefined) {
      zoom.cx = px + (zoom.cx - px) * k0 / k1;
      zoom.cy = py + (zoom.cy - py) * k0 / k1;
    }
    zoom.k = k1; zoom.region = k1 <= 1.001 ? "whole" : "";
    applyZoom();
  }
  function showZone(i, top) { // pan so the zone's label point is in the window (zoom kept)
    if (!D.at[i]) return;
    var vb = cur().getAttribute("viewBox").split(" ").map(Number), p = D.at[i];
    if (top) { // in the window's upper part, above search results on a phone
      var above = p[1] > vb[1] + vb[3] * 0.08 && p[1] < vb[1] + vb[3] * 0.5;
      if (above && p[0] > vb[0] && p[0] < vb[0] + vb[2]) return;
      zoom.cx = p[0]; zoom.cy = p[1] + vb[3] * 0.25; zoom.region = "";
      applyZoom();
      return;
    }
    if (zoom.k <= 1.001) return;
    if (p[0] > vb[0] && p[0] < vb[0] + vb[2] && p[1] > vb[1] && p[1] < vb[1] + vb[3]) return;
    zoom.cx = p[0]; zoom.cy = p[1]; zoom.region = "";
    applyZoom();
  }
  zoomBtns.forEach(function (btn) {
    btn.addEventListener("click", function () {
      var z = btn.getAttribute("data-zoom");
      if (z) zoomBy(z === "in" ? 1.5 : 1 / 1.5);
      else region(btn.getAttribute("data-region"));
    });
  });
  window.addEventListener("resize", function () { applyZoom(); if (bsvg) setBodyZoom(bzoom.key); });
  narrow.addEventListener("change", function () { placeFound(); zoomHome(); });

  // pinch with two fingers, drag with one (or the mouse) when zoomed in
  var ptrs = {}, gest = null, dragged = false;
  function svgPoint(x, y) {
    var s = cur(), pt = s.createSVGPoint();
    pt.x = x; pt.y = y;
    return pt.matrixTransform(s.getScreenCTM().inverse());
  }
  function gesture() {
    var ids = Object.keys(ptrs), a = ptrs[ids[0]], b = ptrs[ids[1]] || a;
    var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    return { n: ids.length, mx: mx, my: my, d: Math.hypot(a.x - b.x, a.y - b.y) || 1,
             k: zoom.k, p: svgPoint(mx, my), cx: zoom.cx, cy: zoom.cy, moved: false };
  }
  function onDown(ev) {
    if (ev.pointerType === "mouse" && ev.button !== 0) return;
    if (!Object.keys(ptrs).length) dragged = false;
    ptrs[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    gest = gesture();
  }
  function onMove(ev) {
    if (!(ev.pointerId in ptrs) || !gest) return;
    ptrs[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    var g = gesture();
    if (gest.n >= 2 && g.n >= 2) {
      zoom.k = Math.max(1, Math.min(KMAX, gest.k * g.d / gest.d));
      zoom.region = "";
      applyZoom();
      var p = svgPoint(g.mx, g.my); // the point under the fingers stays under them
      zoom.cx += gest.p.x - p.x; zoom.cy += gest.p.y - p.y;
      applyZoom();
      dragged = true;
    } else if (gest.n === 1 && zoom.k > 1.001) {
      if (!dragged && Math.hypot(g.mx - gest.mx, g.my - gest.my) < 8) return;
      if (!dragged) { try { cur().setPointerCapture(ev.pointerId); } catch (e) { /* gone */ } }
      dragged = true;
      var sc = cur().getScreenCTM().a; // CSS px per mm as drawn
      zoom.cx = gest.cx - (g.mx - gest.mx) / sc;
      zoom.cy = gest.cy - (g.my - gest.my) / sc;
      zoom.region = "";
      applyZoom();
    }
  }
  function onUp(ev) {
    if (!(ev.pointerId in ptrs)) return;
    delete ptrs[ev.pointerId];
    gest = Object.keys(ptrs).length ? gesture() : null;
  }
  function refresh() {
    // one tab stop in the map: the selected zone when visible, else the first visible zone
    var t = state.sel >= 0 && visible(state.sel) ? state.sel : -1;
    if (t < 0 && state.tab >= 0 && visible(state.tab)) t = state.tab;
    for (var k = 0; t < 0 && k < N; k++) if (visible(k)) t = k;
    if (state.tab >= 0 && state.tab !== t) els[state.tab].setAttribute("tabindex", "-1");
    if (t >= 0) els[t].setAttribute("tabindex", "0");
    state.tab = t;
    drawRing();
  }

  // ---- selection ----
  function ring(cls, which, from, svgOf) { // outline each element of `which` over its SVG
    var old = document.querySelectorAll("path." + cls);
    old.forEach(function (p) { p.parentNode.removeChild(p); });
    (typeof which === "number" ? (which < 0 ? [] : [which]) : which).forEach(function (i) {
      var p = document.createElementNS(NS, "path");
      p.setAttribute("d", (from || els)[i].getAttribute("d"));
      p.setAttribute("class", cls);
      (svgOf ? svgOf(i) : svgs[D.zones[i][1]]).querySelector("g.overlay").appendChild(p);
    });
  }
  function drawRing() { ring("ring-sel", state.group.filter(visible)); }
  function announce(text) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }
  function setHash(id) {
    var url = id ? "#" + id : location.pathname + location.search;
    try { history.replaceState(null, "", url); } catch (e) { if (id) location.hash = id; }
  }
  function fillRefs() { // the numbered sources each list names, copied from the page's lists
    panel.querySelectorAll("ul.refs").forEach(function (ul) {
      ul.getAttribute("data-refs").split(" ").forEach(function (n) {
        var src = document.getElementById("src-" + n);
        if (!src) return;
        var li = document.createElement("li");
        li.textContent = "[" + n + "] " + src.textContent;
        ul.appendChild(li);
      });
    });
  }
  function realBox(area, zone) { // real anatomy, apart from the claims: where, what is under
    var box = document.createElement("section");
    box.className = "anat-box";
    box.setAttribute("aria-label", "Real anatomy");
    var refs = [[], []];
    [document.getElementById("where-" + area),
     zone && D.under ? document.getElementById("under-" + zone) : null].forEach(function (t, k) {
      if (!t) return;
      var part = t.content.cloneNode(true);
      part.querySelectorAll("[data-refs]").forEach(function (d) {
        d.getAttribute("data-refs").split(" ").forEach(function (n) {
          if (n && refs[k].indexOf(n) < 0) refs[k].push(n);
        });
      });
      box.appendChild(part);
    });
    return { box: box, refs: refs };
  }
  function sourcesList(heading, refs) { // where it is, then what is under: two lists, one heading
    var frag = document.createDocumentFragment();
    if (!refs[0].length && !refs[1].length) return frag;
    var h = document.createElement("h4");
    h.textContent = heading;
    frag.appendChild(h);
    refs.forEach(function (nums, k) {
      if (!nums.length) return;
      var ul = document.createElement("ul");
      ul.className = k ? "refs under-refs" : "refs";
      ul.setAttribute("data-refs", nums.sort(function (a, b) { return a - b; }).join(" "));
      frag.appendChild(ul);
    });
    return frag;
  }
  function groupList(group, i) { // every zone charts claim for the area, each a button
    var div = document.createElement("div");
    div.className = "group";
    var p = document.createElement("p");
    p.textContent = "Charts claim " + group.length + " zones for the " + D.areas[i] + ":";
    div.appendChild(p);
    var ul = document.createElement("ul");
    group.forEach(function (k) {
      var li = document.createElement("li");
      var b = button(D.labels[k] + " \u00b7 " + D.where[k], function () {
        select(k, { focus: !narrow.matches });
        if (narrow.matches) { showWhat("feet"); window.scrollTo(0, 0); }
      });
      b.setAttribute("aria-label", D.names[k] + " (" + D.where[k] + ")");
      if (k === i) b.setAttribute("aria-current", "true");
      li.appendChild(b);
      ul.appendChild(li);
    });
    div.appendChild(ul);
    return div;
  }
  function select(i, opts) {
    opts = opts || {};
    state.group.forEach(function (k) { els[k].removeAttribute("aria-current"); });
    state.sel = i;
    state.group = opts.group && opts.group.length ? opts.group.slice() : [i];
    var z = D.zones[i];
    if (state.view !== z[1]) setView(z[1]);
    var feet = {};
    state.group.forEach(function (k) { if (D.zones[k][1] === z[1]) feet[D.zones[k][2]] = 1; });
    if (state.foot !== "both" && (state.foot !== z[2] || Object.keys(feet).length > 1)) {
      var wide = D.feet.length > 1 && !narrow.matches;
      if (wide || state.foot !== z[2]) setFoot(wide ? "both" : z[2]);
    }
    showZone(i);
    state.group.forEach(function (k) { els[k].setAttribute("aria-current", "true"); });
    var tpl = document.getElementById("info-" + z[0]);
    panel.textContent = "";
    if (tpl) panel.appendChild(tpl.content.cloneNode(true));
    var real = realBox(B.wz[i], z[0]);
    var after = panel.querySelector("h4.charts + ul") || panel.querySelector("p.area");
    if (after) after.parentNode.insertBefore(real.box, after.nextSibling);
    else panel.appendChild(real.box);
    if (state.group.length > 1) {
      var area = panel.querySelector("p.area");
      panel.insertBefore(groupList(state.group, i), area ? area.nextSibling : panel.firstChild);
    }
    panel.appendChild(sourcesList("Anatomy sources", real.refs));
    fillRefs();
    markBody(B.zr[i]);
    refresh();
    if (opts.focus) els[i].focus();
    announce(opts.said || "Selected " + D.names[i] + " (" + D.where[i] + ").");
    if (opts.hash !== false) setHash(z[0]);
  }
  function clear() {
    if (state.sel < 0 && !bstate.marked.length) return;
    state.group.forEach(function (k) { els[k].removeAttribute("aria-current"); });
    state.sel = -1;
    state.group = [];
    markBody([]);
    panel.textContent = "";
    var p = document.createElement("p");
    p.className = "prompt";
    p.textContent = "No zone selected. Click, tap or tab to a zone to see what charts claim for it.";
    panel.appendChild(p);
    refresh();
    setHash("");
    announce("Selection cleared.");
  }

  // ---- search highlight ----
  function highlight(hits) {
    state.hits.forEach(function (i) {
      els[i].classList.remove("hl");
      labels[i].forEach(function (l) { l.classList.remove("hl"); });
    });
    state.hits = hits;
    hits.forEach(function (i) {
      els[i].classList.add("hl");
      labels[i].forEach(function (l) { l.classList.add("hl"); });
    });
    Object.keys(svgs).forEach(function (v) { svgs[v].classList.toggle("dim", hits.length > 0); });
  }
  function button(text, onClick, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (cls) b.className = cls;
    b.addEventListener("click", onClick);
    return b;
  }
  function placeFound() { // beside the map (the panel's column), or over the map on a phone
    var host = narrow.matches ? document.querySelector(".mapbox") : document.querySelector("aside.panel");
    if (found.parentNode !== host) host.insertBefore(found, host.firstChild);
  }
  function claimsFor(i) { // what charts claim for zone i, with the caveat beside it
    var box = document.createElement("div");
    box.className = "claims";
    var tpl = document.getElementById("info-" + D.zones[i][0]);
    var h = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "What charts claim for the " + D.areas[i] + ":";
    h.appendChild(strong);
    box.appendChild(h);
    var list = tpl ? tpl.content.querySelector("h4.charts + ul") : null;
    if (list) box.appendChild(list.cloneNode(true));
    var cav = document.createElement("p");
    cav.className = "cav";
    var cs = document.createElement("strong");
    cs.textContent = "Caveat: ";
    cav.appendChild(cs);
    cav.appendChild(document.createTextNode(D.caveat));
    box.appendChild(cav);
    return box;
  }
  function onSearch() {
    var text = box.value;
    var f = find(text);
    results.textContent = "";
    more.textContent = "";
    if (!pySplitJoin(text)) {
      highlight([]); status.textContent = ""; found.hidden = true; applyZoom();
      return;
    }
    found.hidden = false;
    if (!f.zones.length && match(text) === null) {
      highlight([]); // too short to decide: the old matches no longer hold
      status.textContent = "Type at least " + S.min + " letters, or pick a suggestion.";
      return;
    }
    var hits = f.zones;
    highlight(hits);
    status.textContent = message(f) + (message(f).slice(-1) === "?" ? "" : ".");
    if (f.suggestions.length) {
      var p = document.createElement("p");
      p.textContent = "Did you mean ";
      f.suggestions.forEach(function (name, k) {
        if (k) p.appendChild(document.createTextNode(k === f.suggestions.length - 1 ? " or " : ", "));
        p.appendChild(button(name, function () { box.value = name; onSearch(); box.focus(); },
                             "suggest"));
      });
      p.appendChild(document.createTextNode("?"));
      more.appendChild(p);
    }
    if (!hits.length) return;
    var per = {};
    hits.forEach(function (i) { var v = D.zones[i][1]; per[v] = (per[v] || 0) + 1; });
    var where = Object.keys(D.views).filter(function (v) { return per[v]; });
    if (!per[state.view]) setView(where[0]);
    // on one foot, hits only on the other: show that foot
    var shown = hits.filter(visible);
    if (!shown.length && state.foot !== "both") {
      var other = hits.filter(function (i) { return D.zones[i][1] === state.view; });
      if (other.length) setFoot(D.zones[other[0]][2]);
      shown = hits.filter(visible);
    }
    if (shown.length) showZone(shown[0], narrow.matches && zoom.k > 1.001);
    var wp = document.createElement("p");
    wp.className = "where-hits";
    wp.textContent = "On the map: " + where.map(function (v) {
      return per[v] + " on " + D.views[v];
    }).join(", ") + ".";
    more.appendChild(wp);
    where.forEach(function (v) {
      if (v === state.view) return;
      more.appendChild(button("Show " + D.views[v] + " (" + per[v] + ")", function () {
        setView(v);
        var vis = hits.filter(visible);
        if (!vis.length && state.foot !== "both") {
          var on = hits.filter(function (i) { return D.zones[i][1] === v; });
          if (on.length) setFoot(D.zones[on[0]][2]);
        }
        vis = hits.filter(visible);
        if (vis.length) showZone(vis[0]);
      }, "switch"));
    });
    if (f.areas.length === 1) more.appendChild(claimsFor(hits[0]));
    hits.slice(0, 12).forEach(function (i) {
      var li = document.createElement("li");
      var b = button(D.labels[i] + " \u00b7 " + D.where[i], function () {
        select(i, { focus: !narrow.matches });
        if (narrow.matches) toPanel(i);
      });
      b.setAttribute("aria-label", D.names[i] + " (" + D.where[i] + ")");
      li.appendChild(b);
      results.appendChild(li);
    });
    if (hits.length > 12) {
      var li = document.createElement("li");
      li.textContent = "\u2026 and " + (hits.length - 12) + " more, highlighted on the map";
      results.appendChild(li);
    }
  }
  found.querySelector(".close").addEventListener("click", function () {
    found.hidden = true;
    applyZoom();
    box.focus();
  });

  // ---- a phone: the panel under the map, and back ----
  var backTo = null;
  function toPanel(i, el) {
    backTo = { y: window.scrollY, zone: i, el: el || null };
    back.hidden = false;
    document.querySelector("aside.panel").scrollIntoView({ block: "start" });
  }
  back.addEventListener("click", function () {
    var to = backTo;
    back.hidden = true;
    backTo = null;
    if (!to) return;
    window.scrollTo(0, to.y);
    if (to.el) to.el.focus({ preventScroll: true });
    else if (to.zone >= 0 && visible(to.zone)) els[to.zone].focus({ preventScroll: true });
  });

  // ---- the body: where the organs really are, linked both ways with the feet ----
  var B = D.body, NB = B.regions.length;
  var bsvg = document.getElementById("fm-body");
  var bels = [];
  for (var r = 0; r < NB; r++) bels.push(document.getElementById("body-" + B.regions[r][0]));
  var bstate = { view: B.views[0], marked: [], tab: -1 };
  var bodySel = document.getElementById("fm-body-sel");
  function bodySvg() { return bsvg; }
  function setBodyView(v) {
    bstate.view = v;
    bsvg.querySelectorAll("g.bview").forEach(function (g) {
      if (g.getAttribute("data-view") === v) g.removeAttribute("display");
      else g.setAttribute("display", "none");
    });
    document.querySelectorAll(".bodyfig .side-note").forEach(function (p) {
      p.hidden = p.getAttribute("data-view") !== v;
    });
    var radio = document.querySelector('input[name="bview"][value="' + v + '"]');
    if (radio) radio.checked = true;
    bodyZoomBar();
    setBodyZoom("");
    bodyRefresh();
  }
  // The body's zooms (the whole figure, the head, the neck...): in each, every region it is
  // for that is too small to tap gets a round target of 24 px or more at its tap point, over
  // the regions (none of them covers another's target: tests/web/test_body_targets_browser.py).
  var BODY_TARGET = 25; // CSS px across: 24 and half a pixel each side
  var bvb0 = bsvg.getAttribute("viewBox"), bzoom = { key: "" };
  var bzoomBar = document.getElementById("fm-bzoom");
  function bodyZooms() { return B.zooms[bstate.view] || []; }
  function bodyZoomBar() { // the zoom list's options: the zooms of the view shown
    if (!bzoomBar) return;
    bzoomBar.textContent = "";
    bodyZooms().forEach(function (z) {
      var o = document.createElement("option");
      o.value = z[0];
      o.textContent = z[1];
      bzoomBar.appendChild(o);
    });
  }
  if (bzoomBar) bzoomBar.addEventListener("change", function () { setBodyZoom(bzoomBar.value); });
  function bodyZoom() {
    var zs = bodyZooms();
    return zs.filter(function (z) { return z[0] === bzoom.key; })[0] || zs[0] || null;
  }
  function setBodyZoom(key) { // "" or an unknown key: the whole figure
    var zs = bodyZooms();
    bzoom.key = key;
    var z = bodyZoom(), vb = bvb0.split(" ").map(Number);
    if (z && z !== zs[0]) { // the zoom's box, grown to the shape of the figure on screen
      var box = z[2], w = bsvg.clientWidth, h = bsvg.clientHeight;
      var a = w && h ? h / w : vb[3] / vb[2];
      var bw = Math.max(box[2], box[3] / a), bh = bw * a;
      vb = [box[0] + box[2] / 2 - bw / 2, box[1] + box[3] / 2 - bh / 2, bw, bh];
    }
    bzoom.key = z ? z[0] : "";
    bsvg.setAttribute("viewBox", vb.map(function (v) { return Math.round(v * 10) / 10; }).join(" "));
    if (bzoomBar && bzoom.key) bzoomBar.value = bzoom.key;
    bodyHits();
  }
  function bodyHits() {
    var g = bsvg.querySelector("g.bhits"), z = bodyZoom(), ctm = bsvg.getScreenCTM();
    if (!g) return;
    g.textContent = "";
    var sc = ctm ? ctm.a : 0;
    if (!z || !sc || !bsvg.clientWidth) return;
    z[3].forEach(function (r) {
      if (B.disc[r] * sc >= BODY_TARGET / 2) return; // large enough as drawn
      var c = document.createElementNS(NS, "circle");
      c.setAttribute("class", "bhit");
      c.setAttribute("data-r", r);
      c.setAttribute("cx", B.at[r][0]);
      c.setAttribute("cy", B.at[r][1]);
      c.setAttribute("r", Math.round(BODY_TARGET / 2 / sc * 100) / 100);
      g.appendChild(c);
    });
  }
  function inBodyWindow(r) {
    var vb = bsvg.getAttribute("viewBox").split(" ").map(Number), p = B.at[r];
    return p[0] > vb[0] && p[0] < vb[0] + vb[2] && p[1] > vb[1] && p[1] < vb[1] + vb[3];
  }
  function bodyZoomFor(r) { // a zoom that shows the region: the one for it, else the whole
    if (inBodyWindow(r)) return;
    var zs = bodyZooms(), z = zs.filter(function (q, k) { return k > 0 && q[3].indexOf(r) >= 0; })[0];
    setBodyZoom(z ? z[0] : "");
  }
  function onView(r) { return B.regions[r][1] === bstate.view; }
  function bodyRefresh() { // one tab stop in the body: a marked organ, else the last, else the top
    var t = -1;
    bstate.marked.forEach(function (k) { if (t < 0 && onView(k)) t = k; });
    if (t < 0 && bstate.tab >= 0 && onView(bstate.tab)) t = bstate.tab;
    if (t < 0) t = B.start[bstate.view];
    if (bstate.tab >= 0 && bstate.tab !== t) bels[bstate.tab].setAttribute("tabindex", "-1");
    if (t >= 0 && t !== undefined) { bels[t].setAttribute("tabindex", "0"); bstate.tab = t; }
    ring("bring-sel", bstate.marked.filter(onView), bels, bodySvg);
  }
  function markBody(regions) {
    bstate.marked.forEach(function (k) {
      bels[k].removeAttribute("aria-current");
      bels[k].classList.remove("on");
    });
    bstate.marked = regions.slice();
    regions.forEach(function (k) {
      bels[k].setAttribute("aria-current", "true");
      bels[k].classList.add("on");
    });
    if (regions.length && !regions.some(onView)) setBodyView(B.regions[regions[0]][1]);
    else {
      if (!regions.filter(onView).every(inBodyWindow)) setBodyZoom("");
      bodyRefresh();
    }
    bodySel.textContent = regions.length
      ? "Marked in the body: " + B.regions[regions[0]][3] + "."
      : "";
    bodySel.hidden = !regions.length;
  }
  function selectArea(r, opts) { // an organ: every foot zone charts claim for it
    opts = opts || {};
    var zs = B.rz[r], name = B.regions[r][3];
    if (!zs.length) {
      clear();
      markBody(B.regions.map(function (q, k) { return q[2] === B.regions[r][2] ? k : -1; })
        .filter(function (k) { return k >= 0; }));
      var h = document.createElement("h3");
      h.className = "zname";
      h.textContent = name;
      var p = document.createElement("p");
      p.className = "area";
      p.textContent = "No zone of this chart is claimed for the " + B.regions[r][2] + ".";
      panel.textContent = "";
      panel.appendChild(h);
      panel.appendChild(p);
      var real = realBox(B.wr[r], null);
      panel.appendChild(real.box);
      panel.appendChild(sourcesList("Anatomy sources", real.refs));
      fillRefs();
      announce(name + ": no zone of this chart is claimed for it.");
    } else {
      var vis = zs.filter(visible), first = vis.length ? vis[0] : zs[0];
      select(first, { group: zs, said: "Selected " + name + " on the body: charts claim " +
        zs.length + " foot zone" + (zs.length > 1 ? "s" : "") + " for the " + D.areas[first] + "." });
    }
    if (opts.focus) bels[r].focus();
  }
  bsvg.addEventListener("click", function (ev) {
    var el = ev.target && ev.target.closest ? ev.target.closest("[data-r]") : null;
    if (!el) return;
    var r = +el.getAttribute("data-r");
    if (el !== bels[r]) bels[r].focus({ preventScroll: true }); // a round target: its region
    selectArea(r);
    if (narrow.matches) toPanel(-1, bels[r]);
  });
  bsvg.addEventListener("keydown", function (ev) {
    var el = ev.target && ev.target.closest ? ev.target.closest("[data-r]") : null;
    if (!el) return;
    var r = +el.getAttribute("data-r");
    var dir = { ArrowUp: 0, ArrowDown: 1, ArrowLeft: 2, ArrowRight: 3 }[ev.key];
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      selectArea(r, { focus: true });
    } else if (dir !== undefined) {
      ev.preventDefault();
      var t = B.nav[r][dir];
      if (t >= 0) {
        bels[bstate.tab].setAttribute("tabindex", "-1");
        bstate.tab = t;
        bels[t].setAttribute("tabindex", "0");
        bels[t].focus();
      }
    }
  });
  bsvg.addEventListener("focusin", function (ev) {
    var el = ev.target && ev.target.closest ? ev.target.closest("[data-r]") : null;
    if (el) bodyZoomFor(+el.getAttribute("data-r"));
    ring("bring-focus", el ? [+el.getAttribute("data-r")] : [], bels, bodySvg);
  });
  bsvg.addEventListener("focusout", function () { ring("bring-focus", [], bels, bodySvg); });
  document.querySelectorAll('input[name="bview"]').forEach(function (radio) {
    radio.addEventListener("change", function () { setBodyView(radio.value); });
  });
  // a phone: the feet or the body in the map's place
  var showBtns = document.querySelectorAll(".showing button");
  function showWhat(what) {
    layout.classList.toggle("show-body", what === "body");
    showBtns.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-show") === what));
    });
    if (what === "feet") { zoomHome(); if (state.sel >= 0) showZone(state.sel); }
    else setBodyZoom(bzoom.key);
  }
  showBtns.forEach(function (b) {
    b.addEventListener("click", function () { showWhat(b.getAttribute("data-show")); });
  });

  // ---- the anatomy layers over the feet ----
  function setLayer(kind) {
    layout.setAttribute("data-layer", kind);
    document.querySelectorAll(".anat-key").forEach(function (k) {
      k.hidden = k.getAttribute("data-kind") !== kind;
    });
    layerKey();
  }
  function layerKey() { // the nerves of the view shown
    document.querySelectorAll(".anat-key li[data-view]").forEach(function (li) {
      li.hidden = li.getAttribute("data-view") !== state.view;
    });
  }
  document.querySelectorAll('input[name="layer"]').forEach(function (radio) {
    radio.addEventListener("change", function () { setLayer(radio.value); });
  });

  // ---- events ----
  function zoneOf(target) {
    var el = target && target.closest ? target.closest("[data-z]") : null;
    return el ? +el.getAttribute("data-z") : -1;
  }
  Object.keys(svgs).forEach(function (v) {
    svgs[v].addEventListener("click", function (ev) {
      if (dragged) { dragged = false; return; } // the end of a pan or pinch, not a tap
      var i = zoneOf(ev.target);
      if (i < 0) return;
      select(i);
      if (narrow.matches) toPanel(i); // one column: the panel is below the map
    });
    svgs[v].addEventListener("pointerdown", onDown);
    svgs[v].addEventListener("pointermove", onMove);
    svgs[v].addEventListener("pointerup", onUp);
    svgs[v].addEventListener("pointercancel", onUp);
    svgs[v].addEventListener("keydown", function (ev) {
      var i = zoneOf(ev.target);
      if (i < 0) return;
      var dir = { ArrowUp: 0, ArrowDown: 1, ArrowLeft: 2, ArrowRight: 3 }[ev.key];
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        select(i);
      } else if (dir !== undefined) {
        ev.preventDefault();
        var t = D.nav[i][0][dir];
        if (t < 0 && state.foot === "both") t = D.nav[i][1][dir];
        if (t >= 0 && visible(t)) {
          els[state.tab].setAttribute("tabindex", "-1");
          state.tab = t;
          els[t].setAttribute("tabindex", "0");
          els[t].focus();
        }
      }
    });
    svgs[v].addEventListener("focusin", function (ev) {
      var i = zoneOf(ev.target);
      if (i >= 0) ring("ring-focus", i);
    });
    svgs[v].addEventListener("focusout", function () { ring("ring-focus", -1); });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    if (ev.target === box && box.value) { // first Esc in the search box empties it
      ev.preventDefault();
      box.value = "";
      onSearch();
      return;
    }
    clear();
  });
  document.querySelectorAll('input[name="foot"]').forEach(function (r) {
    r.addEventListener("change", function () { setFoot(r.value); });
  });
  document.querySelectorAll('input[name="view"]').forEach(function (r) {
    r.addEventListener("change", function () { setView(r.value); });
  });
  box.addEventListener("input", onSearch);
  document.querySelector("a.skip").addEventListener("click", function (ev) {
    ev.preventDefault(); // keep the selection in the address: move focus, not the fragment
    document.getElementById("fm-panel-h").focus();
  });
  function fromHash() {
    var id = location.hash.replace(/^#/, "");
    try { id = decodeURIComponent(id); } catch (e) { return; } // "#%": not a zone
    if (id in byId) select(byId[id], { hash: false });
  }
  window.addEventListener("hashchange", fromHash);

  placeFound();
  setBodyView(B.views[0]);
  markBody([]);
  var checked = document.querySelector('input[name="layer"]:checked');
  setLayer(checked ? checked.value : "none");
  // a phone shows one foot at a time (its zones large enough to tap); "Both" stays offered
  if (narrow.matches && state.foot === "both" && D.feet.length > 1) setFoot(D.feet[0]);
  else zoomHome();
  refresh(); // the view and foot to start with are already drawn as chosen
  fromHash();
  window.footmapReadyAt = performance.now();
  window.footmapScriptMs = window.footmapReadyAt - T0;
  document.documentElement.setAttribute("data-ready", "1");
})();
