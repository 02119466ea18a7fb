/*
 * The demo EHR: pick a sample patient, open the chart (patient-view) or the order screen (order-select,
 * then order-sign), build CDS Hooks requests with prefetch answered from the sample, render the cards and
 * send feedback. Everything runs in this page; nothing is fetched from outside the service.
 */
(function (ns) {
  'use strict';

  var el = ns.cards.el;
  var call = ns.http.call;
  var uuid = ns.http.uuid;
  var USER = 'Practitioner/demo-clinician';

  var state = {
    base: serviceBase(), services: {}, samples: [], sample: null, resources: [], patient: null,
    encounterId: null, deltaMs: 0, screen: null, draft: ns.orders.emptyDraft()
  };

  function serviceBase() {
    var b = new URLSearchParams(window.location.search).get('base');
    if (b && (/^\/[^/]/.test(b) || /^https?:\/\/\S+$/i.test(b))) {
      return b.replace(/\/+$/, '');
    }
    return '';
  }

  function $(id) { return document.getElementById(id); }

  function status(text, isError) {
    var s = $('status');
    s.textContent = text;
    s.className = isError ? 'status error' : 'status';
  }

  // ---- discovery and samples ----

  function loadDiscovery() {
    return call('GET', state.base + '/cds-services').then(function (d) {
      state.services = {};
      (d.services || []).forEach(function (s) {
        if (!state.services[s.hook] || /^hypomagnesemia-/.test(s.id)) { state.services[s.hook] = s; }
      });
    });
  }

  function loadSamples() {
    return fetch('samples', { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error('GET /samples answered ' + r.status); }
      return r.json();
    }).then(function (list) {
      state.samples = list;
      var select = $('patient-select');
      list.forEach(function (s) {
        // no dates here: the banner shows the shifted ones once the patient is opened
        var label = s.file.replace(/\.json$/, '') + ' — ' + (s.name || s.patientId) + (s.gender ? ', ' + s.gender : '');
        select.appendChild(el('option', { value: s.file, 'data-patient': s.patientId }, label));
      });
      var wanted = new URLSearchParams(window.location.search).get('patient');
      if (wanted) {
        list.forEach(function (s) { if (s.patientId === wanted) { select.value = s.file; } });
      }
    });
  }

  function loadPatient(file) {
    return fetch('samples/' + encodeURIComponent(file)).then(function (r) {
      if (!r.ok) { throw new Error('sample ' + file + ' answered ' + r.status); }
      return r.json();
    }).then(function (bundle) {
      state.deltaMs = ns.fhir.deltaToNow(Date.now());
      state.resources = ns.fhir.resourcesOf(ns.fhir.shiftDates(bundle, state.deltaMs));
      state.patient = state.resources.filter(function (r) { return r.resourceType === 'Patient'; })[0];
      var encounters = state.resources.filter(function (r) { return r.resourceType === 'Encounter'; });
      var current = encounters.filter(function (e) { return e.status === 'in-progress'; })[0] || encounters[0];
      state.encounterId = current ? current.id : null;
      state.sample = file;
      state.draft = ns.orders.emptyDraft();
      ns.chart.banner($('banner'), state.patient, state.encounterId);
      footer();
    });
  }

  function footer() {
    var days = state.deltaMs / 86400000;
    $('shift').textContent = 'Sample dates are shifted by ' + (days >= 0 ? '+' : '') + days.toFixed(2)
      + ' days (now − ' + ns.fhir.ANCHOR + '), so the samples\' anchor ' + ns.fhir.ANCHOR
      + ' is now and the data never go stale.';
  }

  // ---- hook calls ----

  function callHook(hook, extraContext) {
    var service = state.services[hook];
    if (!service) {
      status('The service offers no ' + hook + ' service (discovery).', true);
      return Promise.resolve(null);
    }
    var context = { userId: USER, patientId: state.patient.id };
    if (state.encounterId) { context.encounterId = state.encounterId; }
    Object.keys(extraContext || {}).forEach(function (k) { context[k] = extraContext[k]; });
    var fhirBase = 'https://demo-ehr.invalid/fhir'; // fullUrls only: this page is the "FHIR server"
    var pf = ns.fhir.prefetch(service.prefetch, context, state.resources, fhirBase);
    var body = { hook: hook, hookInstance: uuid(), context: context, prefetch: pf.prefetch };
    var skipped = Object.keys(pf.skipped);
    status('Calling ' + service.id + '…' + (skipped.length ? ' (not prefetched: ' + skipped.join(', ') + ')' : ''));
    return call('POST', state.base + '/cds-services/' + encodeURIComponent(service.id), body).then(function (resp) {
      var cards = (resp && resp.cards) || [];
      // A new answer replaces the earlier cards (CDS Hooks: cards are transient, newest guidance wins).
      ns.cards.renderCards($('cards'), cards, handlers(service.id));
      $('cards-heading').textContent = 'Cards from ' + hook + ' (' + cards.length + ')';
      status(service.id + ' answered ' + cards.length + ' card' + (cards.length === 1 ? '' : 's') + '.');
      return resp;
    }).catch(function (e) {
      status(e.message, true);
      return null;
    });
  }

  function sendFeedback(serviceId, item) {
    return call('POST', state.base + '/cds-services/' + encodeURIComponent(serviceId) + '/feedback',
      { feedback: [item] }).catch(function (e) { status('Feedback failed: ' + e.message, true); });
  }

  /** The trend app's open-server launch for the current patient against this service's demo FHIR view. */
  function trendLaunch(launchUrl) {
    var origin = state.base || window.location.origin;
    return launchUrl + (launchUrl.indexOf('?') < 0 ? '?' : '&') + 'fhirServiceUrl='
      + encodeURIComponent(origin + '/demo/fhir') + '&patientId=' + encodeURIComponent(state.patient.id);
  }

  function handlers(serviceId) {
    return {
      smartLaunch: trendLaunch,
      accept: function (card, suggestion) {
        var sent = card.uuid && suggestion.uuid
          ? sendFeedback(serviceId, { card: card.uuid, outcome: 'accepted',
            acceptedSuggestions: [{ id: suggestion.uuid }], outcomeTimestamp: new Date().toISOString() })
          : Promise.resolve(status('Card or suggestion has no uuid: no feedback sent.', true));
        return sent.then(function () {
          var applied = ns.orders.applyActions(state.draft, suggestion.actions, state.patient.id);
          state.draft = applied.draft;
          showOrders();
          if (applied.touched.length) {
            return callHook('order-select', { selections: applied.touched, draftOrders: state.draft });
          }
          status('Suggestion applied' + (applied.removed.length ? ': removed ' + applied.removed.join(', ') : '')
            + (applied.notes.length ? ' (' + applied.notes.join('; ') + ')' : '') + '.');
          return null;
        });
      },
      dismiss: function (card, article) {
        ns.chart.overrideDialog(card, function (reason) {
          var item = { card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() };
          if (reason) { item.overrideReason = reason; }
          article.remove();
          if (card.uuid) { return sendFeedback(serviceId, item); }
          return null;
        });
      }
    };
  }

  // ---- screens ----

  function showChart() {
    state.screen = 'chart';
    $('chart').hidden = false;
    $('orders').hidden = true;
    ns.chart.render($('chart-body'), state.resources);
    return callHook('patient-view');
  }

  function showOrders() {
    state.screen = 'orders';
    $('chart').hidden = true;
    $('orders').hidden = false;
    renderDraft();
  }

  function renderDraft() {
    var list = $('draft-list');
    list.textContent = '';
    (state.draft.entry || []).forEach(function (e) {
      var r = e.resource;
      var li = el('li', { 'data-ref': ns.orders.ref(r) });
      var dose = r.dosageInstruction && r.dosageInstruction[0];
      li.appendChild(el('span', { 'class': 'draft-text' }, ns.orders.medicationText(r)
        + (dose && dose.text && dose.text !== ns.orders.medicationText(r) ? ' — ' + dose.text : '')));
      var remove = el('button', { type: 'button', 'class': 'remove' }, 'Remove');
      remove.addEventListener('click', function () {
        state.draft.entry = state.draft.entry.filter(function (x) { return x !== e; });
        renderDraft();
      });
      li.appendChild(remove);
      list.appendChild(li);
    });
    $('sign').disabled = !(state.draft.entry || []).length;
    $('draft-empty').hidden = !!(state.draft.entry || []).length;
  }

  function selectOrder(ev) {
    ev.preventDefault();
    var key = (document.querySelector('input[name="drug"]:checked') || {}).value;
    var choice;
    if (key === 'free') {
      var text = $('free-text').value.trim();
      if (!text) { status('Type a drug name first.', true); return; }
      choice = { text: text };
    } else if (key === 'mgso4') {
      var g = Number($('mg-dose').value);
      var h = Number($('mg-duration').value);
      if (!(g > 0) || !(h > 0)) { status('Magnesium sulfate needs a dose (g) and a duration (h) above zero.', true); return; }
      choice = { key: key, doseG: g, durationH: h };
    } else if (key) {
      choice = { key: key };
    } else {
      status('Pick a drug first.', true);
      return;
    }
    var today = new Date().toISOString().substring(0, 10);
    var mr = ns.orders.draftFor(choice, state.patient.id, state.encounterId, today);
    state.draft.entry.push({ resource: mr });
    renderDraft();
    callHook('order-select', { selections: [ns.orders.ref(mr)], draftOrders: state.draft });
  }

  function sign() {
    callHook('order-sign', { draftOrders: state.draft }).then(function (resp) {
      if (resp && !(resp.cards || []).length) {
        status('Signed (demo only: nothing is stored). order-sign raised no cards.');
      }
    });
  }

  function requirePatient(fn) {
    return function () {
      var file = $('patient-select').value;
      if (!file) { status('Choose a patient first.', true); return; }
      var ready = state.sample === file ? Promise.resolve() : loadPatient(file);
      ready.then(fn).catch(function (e) { status(e.message, true); });
    };
  }

  function init() {
    $('service-base').textContent = state.base || window.location.origin;
    ns.chart.drugPicker($('drug-picker'), ns.orders.DRUGS);
    $('open-chart').addEventListener('click', requirePatient(showChart));
    $('open-orders').addEventListener('click', requirePatient(function () {
      showOrders();
      $('cards').textContent = '';
      $('cards-heading').textContent = 'Cards';
      status('Order screen: pick a drug and select it (order-select), then sign (order-sign).');
    }));
    $('open-trend').addEventListener('click', requirePatient(function () {
      window.open(trendLaunch((state.base || window.location.origin) + '/smart/launch.html'), '_blank', 'noopener');
    }));
    $('order-form').addEventListener('submit', selectOrder);
    $('sign').addEventListener('click', sign);
    $('patient-select').addEventListener('change', function () { state.sample = null; });
    footer();
    Promise.all([loadDiscovery(), loadSamples()]).then(function () {
      document.body.setAttribute('data-ready', 'true');
      status('Ready: choose a patient, then open the chart or the order screen.');
    }).catch(function (e) {
      document.body.setAttribute('data-ready', 'error');
      status('Start-up failed: ' + e.message, true);
    });
  }

  ns.app = { state: state, init: init };
  document.addEventListener('DOMContentLoaded', init);
})(window.CdsDemo = window.CdsDemo || {});
