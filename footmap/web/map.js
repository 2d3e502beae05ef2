// footmap standalone map: selection, search, foot and view switches, keyboard, URL fragment.
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
    if (el.classList.contains("lbl") || el.classList.contains("callout")) {
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
  var state = { foot: D.start.foot, view: D.start.view, sel: -1, hits: [], tab: -1 };
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
      var vb = s.getAttribute("data-vb-" + foot) || s.getAttribute("data-vb-both");
      if (vb) s.setAttribute("viewBox", vb);
    });
    document.querySelectorAll(".key li").forEach(function (li) {
      li.hidden = !(foot === "both" || li.getAttribute("data-feet").split(" ").indexOf(foot) >= 0);
    });
    var r = document.querySelector('input[name="foot"][value="' + foot + '"]');
    if (r) r.checked = true;
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
    refresh();
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
  function ring(cls, i) {
    var old = document.querySelectorAll("path." + cls);
    old.forEach(function (p) { p.parentNode.removeChild(p); });
    if (i < 0) return;
    var svg = svgs[D.zones[i][1]];
    var p = document.createElementNS(NS, "path");
    p.setAttribute("d", els[i].getAttribute("d"));
    p.setAttribute("class", cls);
    svg.querySelector("g.overlay").appendChild(p);
  }
  function drawRing() { ring("ring-sel", state.sel >= 0 && visible(state.sel) ? state.sel : -1); }
  function announce(text) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }
  function setHash(id) {
    var url = id ? "#" + id : location.pathname + location.search;
    try { history.replaceState(null, "", url); } catch (e) { if (id) location.hash = id; }
  }
  function select(i, opts) {
    opts = opts || {};
    if (state.sel >= 0) els[state.sel].removeAttribute("aria-current");
    state.sel = i;
    var z = D.zones[i];
    if (state.view !== z[1]) setView(z[1]);
    if (state.foot !== "both" && state.foot !== z[2]) setFoot(D.feet.length > 1 ? "both" : z[2]);
    els[i].setAttribute("aria-current", "true");
    var tpl = document.getElementById("info-" + z[0]);
    panel.textContent = "";
    if (tpl) panel.appendChild(tpl.content.cloneNode(true));
    panel.querySelectorAll("ul.refs").forEach(function (ul) {
      ul.getAttribute("data-refs").split(" ").forEach(function (n) {
        var src = document.getElementById("src-" + n);
        if (!src) return;
        var li = document.createElement("li");
        li.textContent = "[" + n + "] " + src.textContent;
        ul.appendChild(li);
      });
    });
    refresh();
    if (opts.focus) els[i].focus();
    announce("Selected " + D.names[i] + " (" + D.where[i] + ").");
    if (opts.hash !== false) setHash(z[0]);
  }
  function clear() {
    if (state.sel < 0) return;
    els[state.sel].removeAttribute("aria-current");
    state.sel = -1;
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
  function onSearch() {
    var text = box.value;
    var hits = match(text);
    results.textContent = "";
    if (hits === null) {
      highlight([]); // too short to decide: the old matches no longer hold
      status.textContent = "Type at least " + S.min + " letters, or pick a suggestion.";
      return;
    }
    highlight(hits);
    if (!pySplitJoin(text)) { status.textContent = ""; return; }
    if (!hits.length) { status.textContent = "No zone matches \u201c" + text + "\u201d."; return; }
    var per = {};
    hits.forEach(function (i) { var v = D.zones[i][1]; per[v] = (per[v] || 0) + 1; });
    var where = Object.keys(D.views).filter(function (v) { return per[v]; }).map(function (v) {
      return per[v] + " on " + D.views[v];
    });
    status.textContent = hits.length + (hits.length === 1 ? " zone matches" : " zones match") +
      " \u201c" + text + "\u201d: " + where.join(", ") + ".";
    hits.slice(0, 12).forEach(function (i) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = D.labels[i] + " \u00b7 " + D.where[i];
      b.setAttribute("aria-label", D.names[i] + " (" + D.where[i] + ")");
      b.addEventListener("click", function () { select(i, { focus: true }); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (hits.length > 12) {
      var more = document.createElement("li");
      more.textContent = "\u2026 and " + (hits.length - 12) + " more, highlighted on the map";
      results.appendChild(more);
    }
    if (!per[state.view]) setView(Object.keys(D.views).filter(function (v) { return per[v]; })[0]);
  }

  // ---- events ----
  function zoneOf(target) {
    var el = target && target.closest ? target.closest("[data-z]") : null;
    return el ? +el.getAttribute("data-z") : -1;
  }
  Object.keys(svgs).forEach(function (v) {
    svgs[v].addEventListener("click", function (ev) {
      var i = zoneOf(ev.target);
      if (i < 0) return;
      select(i);
      if (narrow.matches) { // one column: the panel is below the map; bring it into view
        document.getElementById("fm-panel-h").scrollIntoView({ block: "start" });
      }
    });
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

  refresh(); // the view and foot to start with are already drawn as chosen
  fromHash();
  window.footmapReadyAt = performance.now();
  window.footmapScriptMs = window.footmapReadyAt - T0;
  document.documentElement.setAttribute("data-ready", "1");
})();
