/* newskg actor network: filters, labels that never overlap, side panel with events and contact timelines.
   Every piece of text from the data goes into the DOM with textContent (or SVG text nodes), never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("newskg-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function sv(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function byId(id) { return document.getElementById(id); }
  function humanDate(d) {
    if (!d) return "undated";
    var p = d.split("-");
    if (p.length === 1) return p[0];
    var m = MONTH_NAMES[Number(p[1]) - 1];
    return p.length === 2 ? m + " " + p[0] : Number(p[2]) + " " + m + " " + p[0];
  }
  function kindColor(kind) { return data.kindColors[kind] || data.unknownKindColor; }
  function darker(hex) {
    var n = parseInt(hex.slice(1), 16), f = 0.7;
    var r = Math.round((n >> 16) * f), g = Math.round(((n >> 8) & 255) * f), b = Math.round((n & 255) * f);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }

  var N = data.nodes, E = data.events, PAIRS = data.pairs;
  var sourceOnly = N.map(function (n) { return n.n === 0; });
  var neighbours = N.map(function () { return []; });
  PAIRS.forEach(function (p, k) {
    if (p.a !== p.b) { neighbours[p.a].push(k); neighbours[p.b].push(k); }
  });

  /* ---- dates: months as numbers; an event covers the months of its date's precision */
  function monthOf(d) { var p = d.split("-"); return Number(p[0]) * 12 + (p.length > 1 ? Number(p[1]) - 1 : 0); }
  function spanOf(d) { var m = monthOf(d); return d.length === 4 ? [m, m + 11] : [m, m]; }
  function monthLabel(m) { return MONTHS[m % 12] + " " + Math.floor(m / 12); }
  var dated = E.filter(function (e) { return e.date; });
  var minMonth = Infinity, maxMonth = -Infinity;
  dated.forEach(function (e) { var s = spanOf(e.date); minMonth = Math.min(minMonth, s[0]); maxMonth = Math.max(maxMonth, s[1]); });
  var hasDates = dated.length > 0;
  var fromInput = byId("from"), toInput = byId("to");
  if (hasDates) {
    [fromInput, toInput].forEach(function (r) { r.min = minMonth; r.max = maxMonth; });
    fromInput.value = minMonth; toInput.value = maxMonth;
  } else {
    fromInput.disabled = toInput.disabled = true;
  }
  byId("n-undated").textContent = String(E.length - dated.length);
  function drawHistogram() {
    var svg = byId("histogram");
    if (!hasDates) return;
    var w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
    var bins = Math.min(60, maxMonth - minMonth + 1), per = (maxMonth - minMonth + 1) / bins, counts = [];
    for (var i = 0; i < bins; i++) counts.push(0);
    dated.forEach(function (e) {
      var s = spanOf(e.date), mid = (s[0] + s[1]) / 2;
      counts[Math.min(bins - 1, Math.floor((mid - minMonth) / per))] += 1;
    });
    var top = Math.max.apply(null, counts), bw = w / bins;
    counts.forEach(function (c, i) {
      if (!c) return;
      var bh = Math.max(1, (h - 2) * c / top);
      svg.appendChild(sv("rect", { x: (i * bw).toFixed(1), y: (h - bh).toFixed(1), width: Math.max(1, bw - 1).toFixed(1),
                                   height: bh.toFixed(1), fill: "#9aa9bb" }));
    });
  }
  drawHistogram();
  function dateRange() {
    var a = Number(fromInput.value), b = Number(toInput.value);
    return a <= b ? [a, b] : [b, a];
  }
  function showRange() {
    var r = dateRange();
    byId("from-label").textContent = hasDates ? monthLabel(r[0]) : "";
    byId("to-label").textContent = hasDates ? monthLabel(r[1]) : "";
  }

  /* ---- filters */
  var typeBoxes = {};
  data.types.forEach(function (t) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = t;
    box.addEventListener("change", refresh);
    typeBoxes[t] = box;
    label.appendChild(box); label.appendChild(document.createTextNode(" " + t));
    byId("types").appendChild(label);
  });
  function setTypes(on) { Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = on; }); refresh(); }
  byId("types-all").addEventListener("click", function () { setTypes(true); });
  byId("types-none").addEventListener("click", function () { setTypes(false); });
  function visible(i) {
    var e = E[i];
    if (!typeBoxes[e.type].checked) return false;
    if (!e.date) return byId("undated").checked;
    var r = dateRange(), s = spanOf(e.date);
    return s[1] >= r[0] && s[0] <= r[1];
  }

  /* ---- legends */
  Object.keys(data.kindColors).forEach(function (k) {
    var row = el("div", undefined, "row"), sw = el("span", undefined, "sw");
    sw.style.background = data.kindColors[k]; sw.style.border = "1px solid " + darker(data.kindColors[k]);
    sw.setAttribute("data-kind", k);
    row.appendChild(sw); row.appendChild(document.createTextNode(k));
    byId("legend-kinds").insertBefore(row, byId("sources-toggle"));
  });
  Object.keys(data.quadColors).forEach(function (k) {
    var row = el("div", undefined, "row"), sw = el("span", undefined, "sw line");
    sw.style.background = data.quadColors[k];
    row.appendChild(sw); row.appendChild(document.createTextNode(k));
    byId("legend-quads").appendChild(row);
  });
  var nSources = sourceOnly.filter(Boolean).length;
  byId("sources-text").textContent = "show " + nSources + " actor" + (nSources === 1 ? "" : "s") +
    " with no events of their own (sources only)";
  if (!nSources) byId("sources-toggle").hidden = true;

  /* ---- tooltips */
  function nodeTip(n) {
    var d = el("div", undefined, "tip");
    d.appendChild(el("b", n.label));
    d.appendChild(el("div", n.kind + (n.country ? " · " + n.country : "") + " · " + n.n + " event" + (n.n === 1 ? "" : "s")));
    if (n.aliases.length) d.appendChild(el("div", "also: " + n.aliases.join(", ")));
    return d;
  }
  function typeSummary(evs) {
    var c = {};
    evs.forEach(function (i) { c[E[i].type] = (c[E[i].type] || 0) + 1; });
    return Object.keys(c).sort(function (a, b) { return c[b] - c[a] || (a < b ? -1 : 1); })
      .map(function (t) { return c[t] + " " + t; }).join(", ");
  }
  function edgeTip(p, evs) {
    var d = el("div", undefined, "tip");
    d.appendChild(el("b", N[p.a].label + " — " + N[p.b].label));
    d.appendChild(el("div", evs.length + " event" + (evs.length === 1 ? "" : "s") + ": " + typeSummary(evs)));
    d.appendChild(el("div", "click for the events", "note"));
    return d;
  }

  /* ---- the network */
  var bbox = [Infinity, Infinity, -Infinity, -Infinity];
  N.forEach(function (n, i) {
    if (sourceOnly[i]) return;
    bbox = [Math.min(bbox[0], n.x - n.r), Math.min(bbox[1], n.y - n.r), Math.max(bbox[2], n.x + n.r), Math.max(bbox[3], n.y + n.r)];
  });
  var container = byId("net");
  // small networks are spread to fill the window: more room for labels, nothing drawn larger
  // and a picture narrower than the window is widened (up to 1.4 times): distances only grow, so circles
  // and labels that were apart stay apart
  var spread = 1, widen = 1;
  if (isFinite(bbox[0])) {
    var bw = Math.max(1, bbox[2] - bbox[0]), bh = Math.max(1, bbox[3] - bbox[1]);
    widen = Math.max(1, Math.min(1.4, (container.clientWidth / container.clientHeight) / (bw / bh)));
    spread = Math.min((container.clientWidth * 0.85) / (bw * widen), (container.clientHeight * 0.8) / bh);
    spread = Math.max(1, Math.min(3, spread));
  }
  var fontSize = data.labelFont;   // pixels at zoom 1, as the layout made room for
  var bright = N.map(function () { return true; });
  function nodeItem(n, i) {
    var c = kindColor(n.kind), b = darker(c);
    return { id: n.id, x: n.x * spread * widen, y: n.y * spread, size: n.r, shape: "dot", borderWidth: 1.5,
             borderWidthSelected: 3, title: nodeTip(n), hidden: sourceOnly[i] && !byId("show-sources").checked,
             color: { background: c, border: b, highlight: { background: c, border: "#222222" },
                      hover: { background: c, border: "#222222" } },
             font: labelFont(true) };
  }
  function labelFont(on) {
    return { size: fontSize, color: on ? "#222222" : "#aaaaaa", strokeWidth: 3, strokeColor: "rgba(255,255,255,0.85)" };
  }
  // the most connected are drawn last, so nothing covers their labels
  var drawOrder = N.map(function (n, i) { return i; }).sort(function (a, b) { return N[b].rank - N[a].rank; });
  var nodes = new vis.DataSet(drawOrder.map(function (i) { return nodeItem(N[i], i); }));
  var edges = new vis.DataSet([]);
  var index = {};
  N.forEach(function (n, i) { index[n.id] = i; });
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: { enabled: false }, layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: E.length > 3000, multiselect: false },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 1, font: { size: 11 }, scaling: { label: { drawThreshold: 10 } } },
    nodes: { scaling: { label: { drawThreshold: 6 } } }
  });

  /* ---- labels: the most connected actors whose label touches no other label and no circle */
  var labelled = {}, labelRuns = 0;
  function labelBox(id) {
    var s = network.body.nodes[id].labelModule.size;
    return { left: s.left - 2, top: s.top - 1, right: s.left + s.width + 2, bottom: s.top + s.height + 1 };
  }
  function shownNodes() {
    return drawOrder.slice().reverse().filter(function (i) { return !nodes.get(N[i].id).hidden; });
  }
  function candidates() {
    return shownNodes().filter(function (i) { return N[i].rank < data.labelCandidates || sourceOnly[i]; });
  }
  // give every candidate its label, let vis-network draw and measure them (it measures only what is in
  // view, so the whole network is brought into view first), then keep those that fit
  function relabel(then) {
    nodes.update(candidates().map(function (i) { return { id: N[i].id, label: N[i].label }; }));
    network.once("afterDrawing", function () { chooseLabels(); if (then) then(); });
    network.fit();
  }
  function chooseLabels() {
    var vis_ = shownNodes(), cand = candidates();
    var cell = 120, grid = {}, chosen = [];
    function cells(b) {
      var out = [];
      for (var gx = Math.floor(b.left / cell); gx <= Math.floor(b.right / cell); gx++)
        for (var gy = Math.floor(b.top / cell); gy <= Math.floor(b.bottom / cell); gy++) out.push(gx + ":" + gy);
      return out;
    }
    function put(b) { cells(b).forEach(function (k) { (grid[k] = grid[k] || []).push(b); }); }
    function hits(b) {
      return cells(b).some(function (k) {
        return (grid[k] || []).some(function (o) {
          if (o.owner === b.owner || !(b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom)) return false;
          if (!o.r) return true;
          var px = Math.min(Math.max(o.cx, b.left), b.right), py = Math.min(Math.max(o.cy, b.top), b.bottom);
          return Math.hypot(o.cx - px, o.cy - py) < o.r;
        });
      });
    }
    vis_.forEach(function (i) {   // every circle is an obstacle
      var p = network.body.nodes[N[i].id], r = N[i].r + 1;
      put({ left: p.x - r, top: p.y - r, right: p.x + r, bottom: p.y + r, owner: i, cx: p.x, cy: p.y, r: r });
    });
    cand.forEach(function (i) {
      var b = labelBox(N[i].id);
      b.owner = i;
      if (!hits(b)) { put(b); chosen.push(i); }
    });
    labelled = {};
    chosen.forEach(function (i) { labelled[i] = true; });
    labelRuns += 1;
    document.body.setAttribute("data-label-runs", String(labelRuns));
    nodes.update(vis_.map(function (i) { return { id: N[i].id, label: labelled[i] ? N[i].label : undefined }; }));
  }
  network.on("hoverNode", function (p) {
    var i = index[p.node];
    if (!labelled[i]) nodes.update({ id: p.node, label: N[i].label });
  });
  network.on("blurNode", function (p) {
    var i = index[p.node];
    if (!labelled[i]) nodes.update({ id: p.node, label: undefined });
  });

  // zoomed in, labels stop growing at 16 px on screen (smaller boxes: labels apart stay apart), link counts at 13
  var edgeFont = 11;
  network.on("afterDrawing", function () {
    var scale = network.getScale(), want = Math.min(data.labelFont, 16 / scale), wantEdge = Math.min(11, 13 / scale);
    if (Math.abs(wantEdge - edgeFont) >= 0.05 * edgeFont) {
      edgeFont = wantEdge;
      network.setOptions({ edges: { font: { size: edgeFont } } });
    }
    if (Math.abs(want - fontSize) < 0.05 * fontSize) return;
    fontSize = want;
    nodes.update(N.map(function (n, i) { return { id: n.id, font: labelFont(bright[i]) }; }));
  });

  /* ---- links under the filters, search highlight */
  var focus = null;   // the searched actor's index, or null
  function lit(i) {
    if (focus === null) return true;
    if (i === focus) return true;
    return neighbours[focus].some(function (k) { return PAIRS[k].a === i || PAIRS[k].b === i; });
  }
  function dominant(evs) {
    var c = {};
    evs.forEach(function (i) { c[E[i].quad] = (c[E[i].quad] || 0) + 1; });
    return Object.keys(data.quadColors).reduce(function (best, q) { return (c[q] || 0) > (c[best] || 0) ? q : best; },
                                                Object.keys(data.quadColors)[0]);
  }
  function refresh() {
    showRange();
    var items = [], active = N.map(function () { return false; });
    PAIRS.forEach(function (p, k) {
      var evs = p.events.filter(visible);
      if (!evs.length) return;
      active[p.a] = active[p.b] = true;
      var on = focus === null || p.a === focus || p.b === focus;
      var q = dominant(evs), col = data.quadColors[q];
      items.push({ id: "p" + k, from: N[p.a].id, to: N[p.b].id, width: 1 + 1.5 * Math.log2(evs.length),
                   label: evs.length > 1 ? String(evs.length) : undefined, title: edgeTip(p, evs), quad: q,
                   count: evs.length,
                   color: { color: col, highlight: col, hover: col, opacity: on ? 0.8 : 0.12 },
                   font: { color: on ? "#333333" : "rgba(0,0,0,0)", strokeWidth: 3, align: "horizontal" } });
    });
    edges.clear(); edges.add(items);
    var showSources = byId("show-sources").checked;
    nodes.update(N.map(function (n, i) {
      var shown = !sourceOnly[i] || showSources;
      var soloVisible = !active[i] && n.events.some(visible);
      bright[i] = lit(i) && (active[i] || soloVisible || sourceOnly[i]);
      return { id: n.id, hidden: !shown, opacity: bright[i] ? 1 : 0.25, font: labelFont(bright[i]) };
    }));
    var nShown = showSources ? N.length : N.length - nSources;
    byId("status").textContent = nShown + " actors, " + items.length + " links shown";
    if (panelState) renderPanel();
  }
  function search() {
    var q = byId("search").value.trim().toLowerCase(), status = byId("search-status");
    if (!q) { focus = null; status.textContent = ""; refresh(); return; }
    var best = null, bestScore = -1;
    N.forEach(function (n, i) {
      var names = [n.label].concat(n.aliases).map(function (s) { return s.toLowerCase(); });
      var score = names.indexOf(q) >= 0 ? 3 : names.some(function (s) { return s.indexOf(q) === 0; }) ? 2
                : names.some(function (s) { return s.indexOf(q) >= 0; }) ? 1 : 0;
      if (score && (score > bestScore || (score === bestScore && n.n > N[best].n))) { best = i; bestScore = score; }
    });
    if (best === null) { focus = null; status.textContent = "no actor matches"; refresh(); return; }
    focus = best;
    if (sourceOnly[best] && !byId("show-sources").checked) byId("show-sources").checked = true;
    status.textContent = N[best].label + " and " + neighbours[best].length + " linked actor" +
      (neighbours[best].length === 1 ? "" : "s");
    refresh();
    openNode(best);
    panel.scrollTop = 0;
    // centre the actor in the part of the canvas the side panel leaves free
    network.focus(N[best].id, { scale: Math.max(network.getScale(), Math.min(1, 14 / fontSize)), animation: false,
                                offset: { x: -panel.offsetWidth / 2, y: 0 } });
    network.selectNodes([N[best].id]);
  }
  var timer = null;
  byId("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
  byId("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { clearTimeout(timer); search(); } });
  N.slice().sort(function (a, b) { return b.n - a.n; }).forEach(function (n) {
    var o = el("option"); o.value = n.label; byId("actor-names").appendChild(o);
  });
  [fromInput, toInput, byId("undated")].forEach(function (x) { x.addEventListener("input", refresh); });
  byId("show-sources").addEventListener("change", function () { refresh(); relabel(function () { network.fit(); }); });

  /* ---- side panel */
  var panel = byId("panel"), body = byId("panel-body"), panelState = null;
  byId("panel-close").addEventListener("click", function () {
    panel.hidden = true; panelState = null; network.unselectAll();
  });
  function docLine(m) {
    var d = data.docs[m.doc], line = el("div", undefined, "meta");
    var name = d.title ? d.title : d.id, link;
    if (d.url && /^https?:\/\//i.test(d.url)) {
      link = el("a", name, "doc"); link.href = d.url; link.target = "_blank"; link.rel = "noopener noreferrer";
    } else {
      link = el("span", name, "doc");
    }
    line.appendChild(document.createTextNode("in "));
    line.appendChild(link);
    var bits = [d.outlet, d.published && humanDate(d.published), d.title ? "document " + d.id : null].filter(Boolean);
    if (bits.length) line.appendChild(document.createTextNode(" (" + bits.join(", ") + ")"));
    return line;
  }
  function eventEntry(i) {
    var e = E[i], div = el("div", undefined, "ev"), head = el("div", undefined, "ev-head");
    div.setAttribute("data-event", String(i));
    var dot = el("span", undefined, "q"); dot.style.background = data.quadColors[e.quad]; dot.title = e.quad;
    head.appendChild(dot);
    head.appendChild(el("span", humanDate(e.date), "ev-date"));
    head.appendChild(el("span", e.type + (e.mode ? " / " + e.mode : ""), "ev-type"));
    e.statuses.forEach(function (s) { head.appendChild(el("span", s, "ev-status " + s)); });
    div.appendChild(head);
    var who = N[e.a].label + (e.b === null ? "" : (e.symmetric ? " — " : " → ") + N[e.b].label);
    div.appendChild(el("div", who, "ev-who"));
    e.mentions.forEach(function (m) {
      var x = el("div", undefined, "mention");
      x.appendChild(el("q", m.sentence, "sentence"));
      var meta = el("div", (e.mentions.length > 1 ? m.status + " · " : "") + (m.source ? "according to " : "in the outlet's own voice"),
                    "meta source");
      if (m.source && m.sourceNode !== null) {   // the source is an actor of the graph: open its panel
        var srcButton = el("button", m.source, "actor-link"), si = m.sourceNode;
        srcButton.type = "button";
        srcButton.addEventListener("click", function () { openNode(si); panel.scrollTop = 0; });
        meta.appendChild(srcButton);
      } else if (m.source) {
        meta.appendChild(document.createTextNode(m.source));
      }
      x.appendChild(meta);
      x.appendChild(docLine(m));
      div.appendChild(x);
    });
    return div;
  }
  function eventList(all, title) {
    var wrap = el("div", undefined, "events"), shown = all.filter(visible), limit = 150;
    var head = el("h3", title + ": " + shown.length + (shown.length === all.length ? "" : " of " + all.length +
                  " (the others are hidden by the filters)"));
    wrap.appendChild(head);
    function render(n) {
      shown.slice(wrap.querySelectorAll(".ev").length, n).forEach(function (i) { wrap.insertBefore(eventEntry(i), more); });
      if (n >= shown.length) more.remove(); else more.textContent = "show " + Math.min(limit, shown.length - n) + " more";
    }
    var more = el("button", "", "more"); more.type = "button";
    wrap.appendChild(more);
    var upto = limit;
    more.addEventListener("click", function () { upto += limit; render(upto); });
    render(upto);
    return wrap;
  }
  function timelineSvg(t) {
    var W = 360, H = 58, L = 8, R = 8, Y = 30;
    var dates = t.contacts.filter(function (c) { return c.start; });
    var svg = sv("svg", { width: W, height: H, "class": "timeline" });
    if (!dates.length) return svg;
    function day(s) { return Date.parse(s + "T00:00:00Z") / 864e5; }
    var lo = Math.min.apply(null, dates.map(function (c) { return day(c.start); }));
    var hi = Math.max.apply(null, dates.map(function (c) { return day(c.end); }));
    var pad = Math.max(15, (hi - lo) * 0.05);
    lo -= pad; hi += pad;
    function x(dn) { return L + (W - L - R) * (dn - lo) / (hi - lo); }
    // axis with ticks far enough apart for their labels: years, or months for short spans
    svg.appendChild(sv("line", { x1: L, x2: W - R, y1: Y + 12, y2: Y + 12, stroke: "#bbb" }));
    var y0 = new Date(lo * 864e5).getUTCFullYear(), y1 = new Date(hi * 864e5).getUTCFullYear();
    var ticks = [], step;
    if (y1 - y0 >= 2) {
      step = [1, 2, 5, 10, 20, 50].filter(function (s) { return (y1 - y0) / s <= 7; })[0] || 100;
      for (var yr = Math.ceil(y0 / step) * step; yr <= y1; yr += step) ticks.push([Date.UTC(yr, 0, 1) / 864e5, String(yr)]);
    } else {
      var months = (hi - lo) / 30.44;
      step = [1, 2, 3, 6, 12].filter(function (s) { return months / s <= 6; })[0] || 12;
      var d0 = new Date(lo * 864e5), m = d0.getUTCFullYear() * 12 + d0.getUTCMonth() + 1;
      for (; Date.UTC(Math.floor(m / 12), m % 12, 1) / 864e5 <= hi; m++) {
        if ((m % 12) % step) continue;
        ticks.push([Date.UTC(Math.floor(m / 12), m % 12, 1) / 864e5, MONTHS[m % 12] + (m % 12 === 0 || !ticks.length ? " " + Math.floor(m / 12) : "")]);
      }
    }
    ticks.forEach(function (tk) {
      if (tk[0] < lo || tk[0] > hi) return;
      svg.appendChild(sv("line", { x1: x(tk[0]), x2: x(tk[0]), y1: Y + 12, y2: Y + 16, stroke: "#999" }));
      svg.appendChild(sv("text", { x: x(tk[0]), y: Y + 26, "text-anchor": "middle", "class": "tick" }, tk[1]));
    });
    function mid(c) { return (day(c.start) + day(c.end)) / 2; }
    var byDate = {};
    dates.forEach(function (c) { byDate[c.date] = c; });
    var longest = Math.max.apply(null, [0].concat(t.gaps.map(function (g) { return g.days; })));
    t.gaps.forEach(function (g) {
      var a = x(mid(byDate[g.from])), b = x(mid(byDate[g.to])), red = g.days === longest;
      svg.appendChild(sv("line", { x1: a, x2: b, y1: Y, y2: Y, stroke: red ? "#e15759" : "#aaa", "stroke-width": red ? 2 : 1,
                                   "class": "gap" }));
      if (g.days && b - a > g.label.length * 6 + 6)
        svg.appendChild(sv("text", { x: (a + b) / 2, y: Y - 8, "text-anchor": "middle",
                                     "class": "gap-label" + (red ? " longest" : "") }, g.label));
    });
    dates.forEach(function (c) {
      var col = data.modeColors[c.mode || ""] || "#9c755f";
      if (c.date.length < 10)
        svg.appendChild(sv("rect", { x: x(day(c.start)), y: Y - 4, width: Math.max(2, x(day(c.end)) - x(day(c.start))),
                                     height: 8, fill: col, "fill-opacity": 0.3 }));
      var dotEl = sv("circle", { cx: x(mid(c)), cy: Y, r: 4.5, fill: c.date.length < 10 ? "#fff" : col, stroke: col,
                                 "stroke-width": 1.6, "class": "contact" });
      dotEl.appendChild(sv("title", {}, humanDate(c.date) + (c.mode ? " · " + c.mode : "")));
      svg.appendChild(dotEl);
    });
    return svg;
  }
  function openPair(k) { panelState = { kind: "pair", k: k }; renderPanel(); }
  function openNode(i) { panelState = { kind: "node", i: i }; renderPanel(); }
  function renderPanel() {
    var top = panel.scrollTop;
    body.textContent = "";
    panel.hidden = false;
    if (panelState.kind === "pair") {
      var p = PAIRS[panelState.k];
      panel.setAttribute("data-kind", "pair"); panel.setAttribute("data-id", "p" + panelState.k);
      body.appendChild(el("h2", N[p.a].label + " — " + N[p.b].label));
      body.appendChild(el("div", p.events.length + " event" + (p.events.length === 1 ? "" : "s") + ": " + typeSummary(p.events), "sub"));
      if (p.timeline && p.timeline.contacts.length) {
        var nd = p.timeline.contacts.filter(function (c) { return c.date; }).length;
        body.appendChild(el("h3", "Contacts: " + p.timeline.contacts.length + (nd < p.timeline.contacts.length ? " (" + (p.timeline.contacts.length - nd) + " undated)" : "")));
        body.appendChild(timelineSvg(p.timeline));
        if (p.timeline.gaps.length) {
          var ul = el("ul", undefined, "gaps");
          p.timeline.gaps.forEach(function (g) { ul.appendChild(el("li", humanDate(g.to) + ": " + g.text)); });
          body.appendChild(ul);
        }
      }
      body.appendChild(eventList(p.events, "Events"));
    } else {
      var i = panelState.i, n = N[i];
      panel.setAttribute("data-kind", "node"); panel.setAttribute("data-id", n.id);
      body.appendChild(el("h2", n.label));
      body.appendChild(el("div", n.kind + (n.country ? " · " + n.country : "") + " · " + n.n + " event" + (n.n === 1 ? "" : "s"), "sub"));
      if (n.aliases.length) body.appendChild(el("div", "also: " + n.aliases.join(", "), "sub"));
      if (neighbours[i].length) {
        body.appendChild(el("h3", "Linked actors: " + neighbours[i].length));
        var box = el("div", undefined, "counterparts");
        neighbours[i].slice().sort(function (a, b) { return PAIRS[b].events.length - PAIRS[a].events.length; }).slice(0, 30)
          .forEach(function (k) {
            var other = PAIRS[k].a === i ? PAIRS[k].b : PAIRS[k].a;
            var btn = el("button", N[other].label + " (" + PAIRS[k].events.length + ")");
            btn.type = "button";
            btn.addEventListener("click", function () { network.selectEdges(["p" + k]); openPair(k); });
            box.appendChild(btn);
          });
        body.appendChild(box);
      }
      body.appendChild(eventList(n.events, "Events"));
    }
    panel.scrollTop = top;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { openNode(index[params.nodes[0]]); panel.scrollTop = 0; }
    else if (params.edges.length) { openPair(Number(String(params.edges[0]).slice(1))); panel.scrollTop = 0; }
  });

  /* ---- first view: fit, label what fits, fit again with the labels, then say the page is drawn */
  refresh();
  network.once("afterDrawing", function () {
    relabel(function () {
      network.fit();
      network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
    });
  });
  window.newskg = { network: network, nodes: nodes, edges: edges, data: data, openPair: openPair, openNode: openNode,
                    refresh: refresh, labelled: function () { return Object.keys(labelled).map(function (i) { return N[i].id; }); } };
})();
