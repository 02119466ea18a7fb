/*
 * SMART trend app: the SVG charts (no chart library). One time axis for every panel: Mg with its reference band
 * and grade lines, K, total and ionised Ca, eGFR, then one lane per Mg-wasting drug class and one for magnesium
 * given. Hover or keyboard focus on a point, bar or marker shows value/date/status in the tooltip.
 */
(function (ns) {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var LEFT = 150;
  var RIGHT = 24;
  var LANE = 20;

  function el(name, attrs, parent) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function text(parent, x, y, s, cls, anchor) {
    var t = el('text', { x: x, y: y, 'class': cls || '', 'text-anchor': anchor || 'start' }, parent);
    t.textContent = s;
    return t;
  }

  function titled(node, s, tip) {
    el('title', {}, node).textContent = s;
    node.setAttribute('tabindex', '0');
    node.setAttribute('aria-label', s);
    node.addEventListener('mouseenter', function (e) { tip.show(s, e.clientX, e.clientY); });
    node.addEventListener('mouseleave', tip.hide);
    node.addEventListener('focus', function () {
      var b = node.getBoundingClientRect();
      tip.show(s, b.left + b.width / 2, b.top);
    });
    node.addEventListener('blur', tip.hide);
  }

  function tooltip(div) {
    return {
      show: function (s, x, y) {
        div.textContent = s;
        div.hidden = false;
        div.style.left = Math.round(x + 12 + window.scrollX) + 'px';
        div.style.top = Math.round(y + 12 + window.scrollY) + 'px';
      },
      hide: function () { div.hidden = true; }
    };
  }

  function panels(config) {
    var mg = config.mg;
    return [
      { analyte: 'MAGNESIUM', label: 'Magnesium', height: 170, band: [Number(mg.lowerLimit), Number(mg.upperLimit)],
        lines: [{ v: Number(mg.moderateUpTo), label: 'moderate ≤ ' + mg.moderateUpTo },
          { v: Number(mg.severeBelow), label: 'severe < ' + mg.severeBelow }], floor: [0.4, 3] },
      { analyte: 'POTASSIUM', label: 'Potassium', height: 70, lines: [{ v: Number(mg.potassiumLow), label: 'low' }] },
      { analyte: 'CALCIUM_TOTAL', label: 'Calcium, total', height: 70,
        lines: [{ v: Number(mg.calciumTotalLow), label: 'low' }] },
      { analyte: 'CALCIUM_IONIZED', label: 'Calcium, ionised', height: 70,
        lines: [{ v: Number(mg.calciumIonizedLow), label: 'low' }] },
      { analyte: 'EGFR', label: 'eGFR', height: 70, lines: [] }
    ];
  }

  function domain(values, p) {
    var lo = Infinity;
    var hi = -Infinity;
    values.forEach(function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); });
    (p.lines || []).forEach(function (l) { lo = Math.min(lo, l.v); hi = Math.max(hi, l.v); });
    if (p.band) { lo = Math.min(lo, p.band[0]); hi = Math.max(hi, p.band[1]); }
    if (p.floor) { lo = Math.min(lo, p.floor[0]); hi = Math.max(hi, p.floor[1]); }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    var pad = (hi - lo) * 0.12 || 1;
    return [Math.max(0, lo - pad), hi + pad];
  }

  /**
   * Draws into svg: {observations, medications} for the window [t0, t1]; returns the number of points drawn.
   */
  function render(svg, tipDiv, data, config, t0, t1) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var tip = tooltip(tipDiv);
    var width = Math.max(640, svg.parentNode.clientWidth || 960);
    var plotW = width - LEFT - RIGHT;
    function x(t) { return LEFT + (t - t0) / (t1 - t0) * plotW; }
    var fmt = ns.data.formatTime;
    var y0 = 8;
    var drawn = 0;
    var defs = panels(config);
    var top = y0;
    defs.forEach(function (p) {
      var a = config.analytes[p.analyte];
      var results = data.observations.results.filter(function (r) {
        return r.analyte === p.analyte && r.value !== null && r.time !== null && r.time >= t0 && r.time <= t1;
      });
      var g = el('g', { 'class': 'panel', 'data-analyte': p.analyte }, svg);
      var d = domain(results.map(function (r) { return r.value; }), p);
      var h = p.height;
      function y(v) { return top + h - (v - d[0]) / (d[1] - d[0]) * h; }
      el('rect', { x: LEFT, y: top, width: plotW, height: h, 'class': 'frame' }, g);
      if (p.band) {
        el('rect', { x: LEFT, y: y(p.band[1]), width: plotW, height: y(p.band[0]) - y(p.band[1]), 'class': 'band' }, g);
        text(g, LEFT + plotW - 4, y(p.band[1]) - 3, 'reference ' + p.band[0] + '–' + p.band[1] + ' ' + a.unit,
          'band-label', 'end');
      }
      (p.lines || []).forEach(function (l) {
        el('line', { x1: LEFT, x2: LEFT + plotW, y1: y(l.v), y2: y(l.v), 'class': 'threshold' }, g);
        text(g, LEFT + plotW - 4, y(l.v) + 12, l.label, 'threshold-label', 'end');
      });
      text(g, LEFT - 8, top + 14, p.label, 'panel-label', 'end');
      text(g, LEFT - 8, top + 28, a.unit, 'unit-label', 'end');
      text(g, LEFT + 4, top + 11, String(Math.round(d[1] * 10) / 10), 'tick');
      text(g, LEFT + 4, top + h - 3, String(Math.round(d[0] * 10) / 10), 'tick');
      if (!results.length) {
        text(g, LEFT + plotW / 2, top + h / 2 + 4, 'no results in this range', 'empty', 'middle');
      }
      var pts = results.slice().sort(function (u, v) { return u.time - v.time; })
        .map(function (r) { return x(r.time).toFixed(1) + ',' + y(r.value).toFixed(1); });
      if (pts.length > 1) { el('polyline', { points: pts.join(' '), 'class': 'trend' }, g); }
      results.forEach(function (r) {
        var cls = 'point' + (p.analyte === 'MAGNESIUM' ? ' grade-' + ns.data.grade(r.value, config.mg) : '')
          + (r.stale ? ' stale' : '') + (r.status !== 'final' ? ' not-final' : '');
        var c = el('circle', { cx: x(r.time).toFixed(1), cy: y(r.value).toFixed(1), r: 4.5, 'class': cls,
          'data-value': r.value, 'data-time': new Date(r.time).toISOString() }, g);
        titled(c, p.label + ' ' + r.comparator + r.value + ' ' + a.unit + ' · ' + fmt(r.time) + ' · ' + r.status
          + (r.stale ? ' · stale' : ''), tip);
        drawn++;
      });
      top += h + 10;
    });
    top = lanes(svg, data.medications, x, t0, t1, top, plotW, tip, fmt);
    axis(svg, x, t0, t1, y0, top, plotW);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (top + 30));
    svg.setAttribute('width', width);
    svg.setAttribute('height', top + 30);
    return drawn;
  }

  function lanes(svg, meds, x, t0, t1, top, plotW, tip, fmt) {
    var g = el('g', { 'class': 'lanes' }, svg);
    var classes = [];
    meds.exposures.forEach(function (e) { if (classes.indexOf(e.cls) < 0) { classes.push(e.cls); } });
    var rows = classes.map(function (c) {
      return { label: meds.exposures.filter(function (e) { return e.cls === c; })[0].classLabel, cls: c };
    });
    rows.push({ label: 'Magnesium given', cls: null });
    rows.forEach(function (row) {
      el('rect', { x: LEFT, y: top, width: plotW, height: LANE, 'class': 'lane' }, g);
      var short = row.label.length > 22 ? row.label.substring(0, 21) + '…' : row.label;
      var label = text(g, LEFT - 8, top + LANE - 6, short, 'lane-label', 'end');
      if (short !== row.label) { el('title', {}, label).textContent = row.label; }
      var items = row.cls ? meds.exposures.filter(function (e) { return e.cls === row.cls; }) : meds.given;
      items.forEach(function (e) {
        if (e.end < t0 || e.start > t1) { return; }
        var desc = e.drug + ' · ' + (e.classLabel || '') + ' · ' + e.kind + ' ' + e.status + ' · ' + fmt(e.start)
          + (e.openEnded ? ' → ongoing' : (e.end !== e.start ? ' → ' + fmt(e.end) : ''));
        var common = { 'data-start': new Date(e.start).toISOString(), 'data-end': new Date(e.end).toISOString(),
          'data-drug': e.drug };
        var node;
        if (row.cls) {
          var xs = x(Math.max(e.start, t0));
          var xe = Math.max(xs + 3, x(Math.min(e.end, t1)));
          node = el('rect', Object.assign({ x: xs.toFixed(1), y: top + 4, width: (xe - xs).toFixed(1), height: LANE - 8,
            'class': 'bar' + (e.openEnded ? ' open' : '') }, common), g);
        } else {
          var cx = x(e.start);
          node = el('path', Object.assign({ d: 'M' + cx.toFixed(1) + ' ' + (top + 3) + ' l6 ' + (LANE - 6) + ' h-12 z',
            'class': 'given ' + e.kind }, common), g);
        }
        titled(node, desc, tip);
      });
      top += LANE + 2;
    });
    return top;
  }

  function axis(svg, x, t0, t1, yTop, yBottom, plotW) {
    var g = el('g', { 'class': 'axis' }, svg);
    var n = 6;
    for (var i = 0; i <= n; i++) {
      var t = t0 + (t1 - t0) * i / n;
      var xi = x(t);
      el('line', { x1: xi, x2: xi, y1: yTop, y2: yBottom, 'class': 'grid' }, g);
      var d = new Date(t);
      text(g, xi, yBottom + 16, d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-'
        + ('0' + d.getDate()).slice(-2), 'tick', i === 0 ? 'start' : (i === n ? 'end' : 'middle'));
    }
    el('line', { x1: x(t1), x2: x(t1), y1: yTop, y2: yBottom, 'class': 'now' }, g);
  }

  ns.chart = { render: render };
}(window.HypomagTrend = window.HypomagTrend || {}));
