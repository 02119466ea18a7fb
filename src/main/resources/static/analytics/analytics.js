// The analytics page: reads the filters from the URL, fetches /analytics/cards.json, draws SVG bars per card
// type and weekly trend lines, each with a table of the same figures. Text goes in with textContent only.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var SERIES = ['issued', 'accepted', 'overridden'];
  var form = document.getElementById('filters');
  var status = document.getElementById('status');

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  function query() {
    var p = new URLSearchParams(window.location.search);
    var today = new Date();
    var start = new Date(today.getTime() - 27 * 86400000);
    return { from: p.get('from') || isoDay(start), to: p.get('to') || isoDay(today),
      service: p.get('service') || '', cardType: p.get('cardType') || '' };
  }

  function params(q) {
    var p = new URLSearchParams();
    ['from', 'to', 'service', 'cardType'].forEach(function (k) { if (q[k]) { p.set(k, q[k]); } });
    return p.toString();
  }

  function row(tbody, cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) { var td = document.createElement('td'); td.textContent = String(c); tr.appendChild(td); });
    tbody.appendChild(tr);
  }

  function bars(types) {
    var max = Math.max.apply(null, [1].concat(types.map(function (t) { return t.issued; })));
    var h = 30 + types.length * 54;
    var svg = el('svg', { width: 640, height: h, role: 'img', 'aria-label': 'cards by type' });
    types.forEach(function (t, i) {
      var y = 10 + i * 54;
      svg.appendChild(el('text', { x: 0, y: y + 10 }, t.code));
      SERIES.forEach(function (s, j) {
        var w = Math.round(400 * t[s] / max);
        svg.appendChild(el('rect', { x: 180, y: y + j * 14, width: w, height: 12, 'class': s }));
        svg.appendChild(el('text', { x: 185 + w, y: y + j * 14 + 10 }, s + ' ' + t[s]));
      });
    });
    return svg;
  }

  function trend(weeks) {
    var max = Math.max.apply(null, [1].concat(weeks.map(function (w) { return w.issued; })));
    var svg = el('svg', { width: 640, height: 220, role: 'img', 'aria-label': 'cards by week' });
    var step = weeks.length > 1 ? 560 / (weeks.length - 1) : 0;
    SERIES.forEach(function (s) {
      var pts = weeks.map(function (w, i) {
        return (40 + i * step) + ',' + (190 - Math.round(170 * w[s] / max));
      });
      svg.appendChild(el('polyline', { points: pts.join(' '), 'class': s }));
      pts.forEach(function (p) {
        var xy = p.split(',');
        svg.appendChild(el('circle', { cx: xy[0], cy: xy[1], r: 4, 'class': s }));
      });
    });
    weeks.forEach(function (w, i) {
      svg.appendChild(el('text', { x: 40 + i * step - 20, y: 210 }, w.week));
    });
    svg.appendChild(el('text', { x: 0, y: 20 }, String(max)));
    return svg;
  }

  function render(r) {
    var tbody = document.querySelector('#types-table tbody');
    var wbody = document.querySelector('#weeks-table tbody');
    tbody.replaceChildren();
    wbody.replaceChildren();
    r.cardTypes.forEach(function (t) {
      row(tbody, [t.code, t.issued, t.accepted, t.overridden, t.noFeedback,
        t.acceptanceRate === null ? '' : Math.round(t.acceptanceRate * 1000) / 10 + ' %',
        t.overrideReasons.map(function (x) { return x.code + ': ' + x.count; }).join(', '),
        t.regimens.map(function (x) { return x.regimen + ': ' + x.count; }).join(', ')]);
    });
    r.weeks.forEach(function (w) { row(wbody, [w.week, w.issued, w.accepted, w.overridden]); });
    document.getElementById('bars').replaceChildren(bars(r.cardTypes));
    document.getElementById('trend').replaceChildren(trend(r.weeks));
    status.className = '';
    status.textContent = r.from + ' to ' + r.to + (r.knowledgeVersion ? ' · knowledge ' + r.knowledgeVersion : '')
      + ' · ' + r.cardTypes.length + ' card types';
  }

  function load() {
    var q = query();
    ['from', 'to', 'service', 'cardType'].forEach(function (k) { form.elements[k].value = q[k]; });
    document.getElementById('csv').href = '/analytics/cards.csv?' + params(q);
    var token = window.sessionStorage.getItem('analyticsToken');
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    status.textContent = 'Loading…';
    fetch('/analytics/cards.json?' + params(q), { headers: headers }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, body: body }; });
    }).then(function (a) {
      if (!a.ok) { throw new Error((a.body.issue && a.body.issue[0].details.text) || 'request refused'); }
      render(a.body);
    }).catch(function (e) {
      status.className = 'error';
      status.textContent = 'Could not load the figures: ' + e.message;
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var token = form.elements.token.value;
    if (token) { window.sessionStorage.setItem('analyticsToken', token); form.elements.token.value = ''; }
    var q = { from: form.elements.from.value, to: form.elements.to.value,
      service: form.elements.service.value, cardType: form.elements.cardType.value };
    window.history.pushState(null, '', '/analytics?' + params(q));
    load();
  });
  window.addEventListener('popstate', load);
  load();
}());
