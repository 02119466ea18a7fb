/*
 * SMART trend app, after the launch: FHIR.oauth2.ready() (the fhirclient library completes the authorization
 * code + PKCE exchange, or the open-server launch, and keeps its state in sessionStorage only), then the patient's
 * labs and drugs from the FHIR server (every Bundle "next" page), drawn as charts and a table.
 */
(function (ns) {
  'use strict';

  var RANGES = { '7d': 7, '90d': 90, '2y': 730 };
  var MAX_PAGES = 50;
  var DAY_MS = 86400000;
  var state = { range: '90d', view: 'chart', config: null, data: null, now: Date.now() };

  function $(id) { return document.getElementById(id); }

  function setStatus(msg) { $('status').textContent = msg; }

  function fail(msg) {
    setStatus(msg);
    document.body.setAttribute('data-ready', 'error');
  }

  /** Every page of a search; counts pages on the body (data-pages) so paging is visible to tests. */
  function search(client, url, pages) {
    var out = [];
    return client.request(url, {
      pageLimit: MAX_PAGES,
      onPage: function (bundle) {
        pages.n++;
        (bundle.entry || []).forEach(function (e) { if (e.resource) { out.push(e.resource); } });
      }
    }).then(function () { return out; });
  }

  function codesParam(config) {
    var codes = [];
    Object.keys(config.analytes).forEach(function (k) { codes = codes.concat(config.analytes[k].codes); });
    return encodeURIComponent(codes.join(','));
  }

  function load(client, config) {
    var pid = encodeURIComponent(client.patient.id);
    var pages = { n: 0 };
    var problems = [];
    var queries = [
      'Observation?patient=' + pid + '&code=' + codesParam(config) + '&_sort=-date&_count=100',
      'MedicationRequest?patient=' + pid + '&_count=100&_include=MedicationRequest:medication',
      'MedicationStatement?patient=' + pid + '&_count=100&_include=MedicationStatement:medication',
      'MedicationAdministration?patient=' + pid + '&_count=100&_include=MedicationAdministration:medication'
    ];
    var patient = client.request('Patient/' + pid).catch(function () { return null; });
    return Promise.all([patient].concat(queries.map(function (q) {
      return search(client, q, pages).catch(function (e) {
        problems.push(q.split('?')[0] + ' could not be read' + (e && e.status ? ' (HTTP ' + e.status + ')' : ''));
        return [];
      });
    }))).then(function (all) {
      var resources = [].concat.apply([], all.slice(1));
      document.body.setAttribute('data-pages', String(pages.n));
      return { patient: all[0], resources: resources, problems: problems };
    });
  }

  function banner(patient) {
    if (!patient) { return 'Patient'; }
    var n = (patient.name || [])[0] || {};
    var name = n.text || [(n.given || []).join(' '), n.family || ''].join(' ').trim() || 'Patient';
    return name + (patient.birthDate ? ' · born ' + patient.birthDate : '') + (patient.gender ? ' · ' + patient.gender : '');
  }

  function draw() {
    var started = performance.now();
    var t1 = state.now;
    var t0 = t1 - RANGES[state.range] * DAY_MS;
    var drawn = ns.chart.render($('chart'), $('tip'), state.data, state.config, t0, t1);
    ns.table.render($('table-view'), state.data, state.config);
    var ms = performance.now() - started;
    document.body.setAttribute('data-render-ms', ms.toFixed(1));
    document.body.setAttribute('data-points', String(drawn));
    Object.keys(RANGES).forEach(function (k) {
      $('range-' + k).setAttribute('aria-pressed', String(k === state.range));
    });
  }

  function setView(view) {
    state.view = view;
    $('chart-view').hidden = view !== 'chart';
    $('table-view').hidden = view !== 'table';
    $('view-chart').setAttribute('aria-pressed', String(view === 'chart'));
    $('view-table').setAttribute('aria-pressed', String(view === 'table'));
  }

  function wire() {
    Object.keys(RANGES).forEach(function (k) {
      $('range-' + k).addEventListener('click', function () { state.range = k; draw(); });
    });
    $('view-chart').addEventListener('click', function () { setView('chart'); });
    $('view-table').addEventListener('click', function () { setView('table'); });
    $('print').addEventListener('click', function () { window.print(); });
    var resize;
    window.addEventListener('resize', function () {
      clearTimeout(resize);
      resize = setTimeout(function () { if (state.data) { draw(); } }, 150);
    });
  }

  function start() {
    wire();
    setView('chart');
    var loadStarted = performance.now();
    Promise.all([
      fetch('config.json', { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) { throw new Error('config.json: HTTP ' + r.status); }
        return r.json();
      }),
      FHIR.oauth2.ready()
    ]).then(function (both) {
      state.config = both[0];
      var client = both[1];
      if (!client.patient.id) { throw new Error('the launch gave no patient'); }
      setStatus('Reading the record…');
      return load(client, state.config);
    }).then(function (loaded) {
      state.now = Date.now();
      state.data = {
        observations: ns.data.observations(loaded.resources, state.config, state.now),
        medications: ns.data.medications(loaded.resources, state.config, state.now)
      };
      $('patient').textContent = banner(loaded.patient);
      draw();
      var hidden = state.data.observations.hidden;
      setStatus(state.data.observations.results.length + ' results, ' + state.data.medications.exposures.length
        + ' drug records' + (hidden ? '; ' + hidden + ' entered-in-error or cancelled not shown' : '')
        + (loaded.problems.length ? '; ' + loaded.problems.join('; ') : ''));
      document.body.setAttribute('data-load-ms', (performance.now() - loadStarted).toFixed(1));
      document.body.setAttribute('data-ready', 'true');
    }).catch(function (e) {
      fail('Could not open the trend: ' + (e && e.message ? e.message : e));
    });
  }

  document.addEventListener('securitypolicyviolation', function (e) {
    var n = Number(document.body.getAttribute('data-csp-violations') || '0') + 1;
    document.body.setAttribute('data-csp-violations', String(n));
    document.body.setAttribute('data-csp-last', e.violatedDirective + ' ' + e.blockedURI);
  });
  document.addEventListener('DOMContentLoaded', start);
}(window.HypomagTrend = window.HypomagTrend || {}));
