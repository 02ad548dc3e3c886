// Draws the report's charts as SVG from the JSON in #report-data. No libraries, no network.
// Each chart records how many marks it drew in data-marks and how many of its texts run outside
// it in data-clipped; the page is marked
// data-report="drawn" when every chart drew without error.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var PALETTE = ['#2f6db5', '#e07b22', '#3a9a5b', '#c23b3b', '#7b55b5', '#8c6239', '#d65fa6',
    '#5f6b7a', '#b5a32f', '#2fa5b5'];
  var ACCUSE = '#2f6db5';
  var DENY = '#e07b22';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function el(parent, name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    parent.appendChild(node);
    return node;
  }

  function tip(node, text) { el(node, 'title', {}, text); return node; }

  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  // About five round tick values from 0 to at least max.
  function ticks(max) {
    if (max <= 0) { return [0, 1]; }
    var raw = max / 5;
    var pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * pow; })
      .filter(function (s) { return s >= raw; })[0];
    step = Math.max(step, 1);
    var out = [];
    for (var v = 0; v < max + step; v += step) { out.push(v); }
    return out;
  }

  function setup(svg, width, height) {
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
  }

  function dyadName(d) { return d.accuser + ' → ' + d.accused; }

  // One line per series over consecutive months, with a legend item each.
  function lineChart(svg, months, series, name, legendId, legendText) {
    var W = 920, H = 340, L = 48, R = 18, T = 14, B = 46;
    setup(svg, W, H);
    var max = 0;
    series.forEach(function (s) { s.perMonth.forEach(function (v) { max = Math.max(max, v); }); });
    var ys = ticks(max);
    var top = ys[ys.length - 1];
    var n = months.length;
    function x(i) { return n <= 1 ? L + (W - L - R) / 2 : L + i * (W - L - R) / (n - 1); }
    function y(v) { return T + (H - T - B) * (1 - v / top); }
    ys.forEach(function (v) {
      el(svg, 'line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' });
      el(svg, 'text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'muted' }, fmt(v));
    });
    el(svg, 'line', { x1: L, x2: W - R, y1: y(0), y2: y(0), class: 'axis' });
    var every = Math.max(1, Math.ceil(n / 12));
    months.forEach(function (m, i) {
      if (i % every === 0) {
        el(svg, 'line', { x1: x(i), x2: x(i), y1: y(0), y2: y(0) + 4, class: 'axis' });
        el(svg, 'text', { x: x(i), y: y(0) + 17, 'text-anchor': 'middle', class: 'muted' }, m);
      }
    });
    el(svg, 'text', { x: 12, y: T + (H - T - B) / 2, transform: 'rotate(-90 12 ' +
      (T + (H - T - B) / 2) + ')', 'text-anchor': 'middle', class: 'muted' }, 'accusations');
    var marks = 0;
    var legend = document.getElementById(legendId);
    series.forEach(function (s, k) {
      var color = PALETTE[k % PALETTE.length];
      var d = s.perMonth.map(function (v, i) { return (i ? 'L' : 'M') + x(i) + ' ' + y(v); });
      tip(el(svg, 'path', { d: d.join(' '), fill: 'none', stroke: color, 'stroke-width': 2,
        'stroke-linejoin': 'round', class: 'series' }), name(s));
      marks++;
      s.perMonth.forEach(function (v, i) {
        if (v > 0) {
          tip(el(svg, 'circle', { cx: x(i), cy: y(v), r: 3, fill: color }),
            name(s) + ', ' + months[i] + ': ' + fmt(v));
          marks++;
        }
      });
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(legendText(s)));
      legend.appendChild(item);
    });
    return marks;
  }

  function drawDyads(svg) {
    return lineChart(svg, data.months, data.dyads, dyadName, 'legend-dyads', function (s) {
      return dyadName(s) + ' (' + fmt(s.accusations) + ' accusations, ' + fmt(s.denials) +
        ' denials)';
    });
  }

  function drawCategories(svg) {
    return lineChart(svg, data.categories.months, data.categories.series,
      function (s) { return s.label; }, 'legend-categories',
      function (s) { return s.label + ' (' + fmt(s.accusations) + ' accusations)'; });
  }

  // Horizontal bars: one row per item, a grey full-width track and a coloured share of it.
  // With labelAbove, each label gets its own line above its bar, starting at the left edge: long
  // labels (clusters) would otherwise run off the left of the chart.
  function bars(svg, rows, label, share, text, colors, labelAbove) {
    var W = 920, LABEL = labelAbove ? 0 : 230, RIGHT = 200, ROW = labelAbove ? 44 : 26, T = 6;
    var BAR = labelAbove ? 18 : 0;
    var H = T * 2 + rows.length * ROW;
    setup(svg, W, H);
    var width = W - LABEL - RIGHT;
    var marks = 0;
    rows.forEach(function (r, i) {
      var y = T + i * ROW;
      if (labelAbove) {
        el(svg, 'text', { x: 0, y: y + 14, 'text-anchor': 'start' }, label(r));
      } else {
        el(svg, 'text', { x: LABEL - 8, y: y + 16, 'text-anchor': 'end' }, label(r));
      }
      y += BAR;
      var parts = share(r);
      var x = LABEL;
      el(svg, 'rect', { x: LABEL, y: y + 4, width: width, height: 26 - 8, fill: '#e9ecf2' });
      parts.forEach(function (p, k) {
        var w = Math.max(p.value * width, p.value > 0 ? 1 : 0);
        tip(el(svg, 'rect', { x: x, y: y + 4, width: w, height: 26 - 8, fill: colors[k],
          class: 'bar' }), label(r) + ': ' + p.title);
        x += w;
        marks++;
      });
      el(svg, 'text', { x: LABEL + width + 8, y: y + 16, class: 'muted' }, text(r));
    });
    return marks;
  }

  function drawOutlets(svg) {
    return bars(svg, data.outlets,
      function (o) { return o.outlet || o.outletKey || '(unknown outlet)'; },
      function (o) {
        var s = o.accusationArticles ? o.reportingDenial / o.accusationArticles : 0;
        return [{ value: s, title: fmt(o.reportingDenial) + ' of ' + fmt(o.accusationArticles) +
          ' accusation articles give the denial' }];
      },
      function (o) {
        var s = o.accusationArticles ? o.reportingDenial / o.accusationArticles : 0;
        return Math.round(100 * s) + '% · ' + fmt(o.reportingDenial) + ' of ' +
          fmt(o.accusationArticles) + ' articles';
      },
      [DENY]);
  }

  function drawClusters(svg) {
    var max = 0;
    data.clusters.forEach(function (c) { max = Math.max(max, c.size); });
    return bars(svg, data.clusters,
      function (c) { return '#' + c.clusterId + ' ' + c.label; },
      function (c) {
        return [
          { value: max ? c.accusations / max : 0, title: fmt(c.accusations) + ' accusations' },
          { value: max ? c.denials / max : 0, title: fmt(c.denials) + ' denials' }];
      },
      function (c) { return fmt(c.size) + ' claims · ' + Math.round(100 * c.shareDenied) + '% denied'; },
      [ACCUSE, DENY], true);
  }

  function drawNetwork(svg) {
    var W = 920, H = 600, CX = W / 2, CY = H / 2, RADIUS = 215;
    setup(svg, W, H);
    var weight = {};
    data.network.forEach(function (e) {
      [e.accuser, e.accused].forEach(function (a) {
        weight[a] = (weight[a] || 0) + e.accusations + e.denials;
      });
    });
    var names = Object.keys(weight).sort(function (a, b) {
      return weight[b] - weight[a] || (a < b ? -1 : 1);
    });
    // Heaviest actors spread round the circle rather than bunched together.
    var order = [];
    names.forEach(function (a, i) { if (i % 2 === 0) { order.push(a); } });
    names.forEach(function (a, i) { if (i % 2 === 1) { order.push(a); } });
    var maxWeight = weight[names[0]] || 1;
    var pos = {};
    order.forEach(function (a, i) {
      var t = -Math.PI / 2 + 2 * Math.PI * i / order.length;
      pos[a] = { x: CX + RADIUS * Math.cos(t), y: CY + RADIUS * Math.sin(t), t: t,
        r: 5 + 11 * Math.sqrt(weight[a] / maxWeight) };
    });
    // Edge colour: how much of the dyad's accusing the accused denied (denial / accusation claims).
    var LEVELS = [
      { id: 'arrow-0', color: '#6c86b0', min: 0 },
      { id: 'arrow-1', color: '#f0b27a', min: 0.1 },
      { id: 'arrow-2', color: DENY, min: 0.5 }];
    function level(e) {
      var ratio = e.denials / Math.max(1, e.accusations);
      return LEVELS.filter(function (l) { return ratio >= l.min; }).pop();
    }
    var defs = el(svg, 'defs');
    LEVELS.map(function (l) { return [l.id, l.color]; }).forEach(function (m) {
      var marker = el(defs, 'marker', { id: m[0], viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
      el(marker, 'path', { d: 'M0 0 L10 5 L0 10 z', fill: m[1] });
    });
    var maxAcc = 1;
    data.network.forEach(function (e) { maxAcc = Math.max(maxAcc, e.accusations); });
    var marks = 0;
    data.network.forEach(function (e) {
      var a = pos[e.accuser], b = pos[e.accused];
      var dx = b.x - a.x, dy = b.y - a.y;
      // Bend every edge to its right, so A -> B and B -> A do not overlap.
      var mx = (a.x + b.x) / 2 + dy * 0.15, my = (a.y + b.y) / 2 - dx * 0.15;
      // Start and end on the rims of the two circles, towards the control point.
      var ax = mx - a.x, ay = my - a.y, am = Math.sqrt(ax * ax + ay * ay) || 1;
      var sx = a.x + ax / am * (a.r + 1), sy = a.y + ay / am * (a.r + 1);
      var bx = mx - b.x, by = my - b.y, bm = Math.sqrt(bx * bx + by * by) || 1;
      var tx = b.x + bx / bm * (b.r + 2), ty = b.y + by / bm * (b.r + 2);
      var l = level(e);
      tip(el(svg, 'path', { d: 'M' + sx + ' ' + sy + ' Q' + mx + ' ' + my + ' ' + tx + ' ' + ty,
        fill: 'none', stroke: l.color, 'stroke-opacity': 0.85,
        'stroke-width': 1 + 5 * e.accusations / maxAcc,
        'marker-end': 'url(#' + l.id + ')', class: 'edge' }),
        e.accuser + ' → ' + e.accused + ': ' + fmt(e.accusations) + ' accusations, ' +
        fmt(e.denials) + ' denials');
      marks++;
    });
    order.forEach(function (a) {
      var p = pos[a];
      tip(el(svg, 'circle', { cx: p.x, cy: p.y, r: p.r, fill: '#1d2330', 'fill-opacity': 0.85,
        stroke: '#fff', 'stroke-width': 1.5, class: 'node' }), a + ': ' + fmt(weight[a]) + ' claims');
      marks++;
      var c = Math.cos(p.t), s = Math.sin(p.t);
      el(svg, 'text', { x: p.x + c * (p.r + 6), y: p.y + s * (p.r + 6) + 4,
        'text-anchor': Math.abs(c) < 0.3 ? 'middle' : c > 0 ? 'start' : 'end' }, a);
    });
    return marks;
  }

  // Texts drawn (partly) outside the chart, where the browser cuts them off: their boxes on the
  // page (rotation included) against the chart's.
  function clipped(svg) {
    var box = svg.getBoundingClientRect();
    var n = 0;
    Array.prototype.forEach.call(svg.querySelectorAll('text'), function (t) {
      var b = t.getBoundingClientRect();
      if (b.left < box.left - 0.5 || b.top < box.top - 0.5 || b.right > box.right + 0.5 ||
          b.bottom > box.bottom + 0.5) {
        n++;
      }
    });
    return n;
  }

  var charts = { 'chart-dyads': drawDyads, 'chart-categories': drawCategories, 'chart-outlets': drawOutlets,
    'chart-network': drawNetwork, 'chart-clusters': drawClusters };
  var ok = true;
  Object.keys(charts).forEach(function (id) {
    var svg = document.getElementById(id);
    if (!svg) { return; }
    try {
      var marks = charts[id](svg);
      svg.setAttribute('data-marks', marks);
      svg.setAttribute('data-clipped', clipped(svg));
      if (!marks) { window.riposteError(id + ' drew nothing'); ok = false; }
    } catch (e) {
      window.riposteError(id + ': ' + (e && e.stack ? e.stack : e));
      ok = false;
    }
  });
  if (ok && document.documentElement.getAttribute('data-report') !== 'error') {
    document.documentElement.setAttribute('data-report', 'drawn');
  }
}());
