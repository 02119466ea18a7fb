/*
 * SMART trend app: FHIR resources -> the series the charts and the table show. Pure functions; every code,
 * unit factor and threshold comes from /smart/config.json (the service's knowledge files), none is written here.
 */
(function (ns) {
  'use strict';

  var HIDDEN_STATUS = { 'entered-in-error': true, 'cancelled': true };
  var UCUM = 'http://unitsofmeasure.org';
  var HOUR_MS = 3600000;

  function time(r, fields) {
    for (var i = 0; i < fields.length; i++) {
      var path = fields[i].split('.');
      var v = r;
      for (var j = 0; j < path.length && v; j++) { v = v[path[j]]; }
      if (typeof v === 'string') {
        var t = Date.parse(v);
        if (!isNaN(t)) { return t; }
      }
    }
    return null;
  }

  function codingKeys(concept) {
    return ((concept && concept.coding) || []).map(function (c) { return (c.system || '') + '|' + (c.code || ''); });
  }

  /** Unit as the service reads it: Quantity.code when the system is UCUM or absent, else Quantity.unit. */
  function unitOf(q) {
    var ucumOrNone = !q.system || q.system === UCUM;
    if (ucumOrNone && q.code) { return q.code; }
    return q.unit || null;
  }

  function factorFor(analyte, unit) {
    if (!unit) { return null; }
    var f = analyte.factors;
    if (Object.prototype.hasOwnProperty.call(f, unit)) { return Number(f[unit]); }
    var u = unit.trim().replace(/\u00b5|\u03bc/g, 'u');
    if (Object.prototype.hasOwnProperty.call(f, u)) { return Number(f[u]); }
    var lower = u.toLowerCase();
    var keys = Object.keys(f);
    for (var i = 0; i < keys.length; i++) {
      if (keys[i].replace(/\u00b5/g, 'u').toLowerCase() === lower) { return Number(f[keys[i]]); }
    }
    return null;
  }

  function round(v, digits) {
    var m = Math.pow(10, digits);
    return Math.round(v * m) / m;
  }

  /** Lab results by analyte, newest first; hidden = entered-in-error/cancelled (counted, never shown). */
  function observations(resources, config, now) {
    var byCode = {};
    Object.keys(config.analytes).forEach(function (name) {
      config.analytes[name].codes.forEach(function (k) { byCode[k] = name; });
    });
    var out = { results: [], hidden: 0 };
    resources.forEach(function (o) {
      if (o.resourceType !== 'Observation') { return; }
      var name = null;
      codingKeys(o.code).some(function (k) { name = byCode[k] || null; return name !== null; });
      if (!name) { return; }
      if (HIDDEN_STATUS[o.status]) { out.hidden++; return; }
      var analyte = config.analytes[name];
      var t = time(o, ['effectiveDateTime', 'effectivePeriod.start', 'effectiveInstant', 'issued']);
      var q = o.valueQuantity || {};
      var raw = typeof q.value === 'number' ? q.value : null;
      var unit = unitOf(q);
      var r = { id: o.id, analyte: name, time: t, status: o.status || 'unknown', raw: raw, unit: unit,
        comparator: q.comparator || '', value: null, note: '' };
      if (raw === null) {
        r.note = 'no value';
      } else if (!unit) {
        r.note = 'no unit: not plotted';
      } else {
        var f = factorFor(analyte, unit);
        if (f === null) {
          r.note = 'unit ' + unit + ' not recognised: not plotted';
        } else {
          var v = round(raw * f, 2);
          var p = analyte.plausible;
          if (p && (v < Number(p.min) || v > Number(p.max))) {
            r.note = 'outside what is possible: a data error, not plotted';
          } else {
            r.value = v;
          }
        }
      }
      if (t === null) { r.note = (r.note ? r.note + '; ' : '') + 'no date: not plotted'; }
      out.results.push(r);
    });
    out.results.sort(function (a, b) { return (b.time || 0) - (a.time || 0); });
    markStale(out.results, config, now);
    return out;
  }

  /** The newest usable result of each analyte older than its currency window (D3, D14) is marked stale. */
  function markStale(results, config, now) {
    var windows = {
      MAGNESIUM: config.mg.staleAfterHours, POTASSIUM: config.mg.electrolytesCurrentHours,
      CALCIUM_TOTAL: config.mg.electrolytesCurrentHours, CALCIUM_IONIZED: config.mg.electrolytesCurrentHours,
      EGFR: config.mg.egfrCurrentHours
    };
    var seen = {};
    results.forEach(function (r) {
      if (seen[r.analyte] || r.value === null || r.time === null) { return; }
      seen[r.analyte] = true;
      if (now - r.time > windows[r.analyte] * HOUR_MS) { r.stale = true; }
    });
  }

  function drugClass(concept, config) {
    if (!concept) { return null; }
    var keys = codingKeys(concept);
    for (var i = 0; i < keys.length; i++) {
      if (config.drugs.codes[keys[i]]) { return config.drugs.codes[keys[i]]; }
    }
    var text = [concept.text || ''].concat((concept.coding || []).map(function (c) { return c.display || ''; }))
      .join(' ').toLowerCase();
    var terms = config.drugs.terms;
    for (var j = 0; j < terms.length; j++) {
      if (text.indexOf(terms[j].term) >= 0) { return terms[j]['class']; }
    }
    return null;
  }

  function conceptOf(r, medications) {
    if (r.medicationCodeableConcept) { return r.medicationCodeableConcept; }
    var ref = r.medicationReference && r.medicationReference.reference;
    var m = ref && medications[ref];
    return m ? m.code : (r.medicationReference && r.medicationReference.display
      ? { text: r.medicationReference.display } : null);
  }

  function textOf(concept) {
    if (!concept) { return 'unknown drug'; }
    return concept.text || ((concept.coding || [])[0] || {}).display || 'unknown drug';
  }

  /**
   * Drug exposures (Mg-wasting classes: bars) and magnesium given (markers). Start-end from the periods;
   * an active order or statement without an end runs to now; entered-in-error/cancelled are left out.
   */
  function medications(resources, config, now) {
    var meds = {};
    resources.forEach(function (r) {
      if (r.resourceType === 'Medication' && r.id) { meds['Medication/' + r.id] = r; }
    });
    var roles = {};
    var labels = {};
    config.drugs.classes.forEach(function (c) { roles[c.id] = c.role; labels[c.id] = c.label; });
    var out = { exposures: [], given: [], hidden: 0 };
    resources.forEach(function (r) {
      var kind = r.resourceType;
      if (kind !== 'MedicationRequest' && kind !== 'MedicationStatement' && kind !== 'MedicationAdministration') {
        return;
      }
      var concept = conceptOf(r, meds);
      var cls = drugClass(concept, config);
      if (!cls) { return; }
      if (HIDDEN_STATUS[r.status] || r.status === 'not-done' || r.status === 'not-taken') { out.hidden++; return; }
      var start = time(r, ['effectivePeriod.start', 'effectiveDateTime', 'authoredOn',
        'dispenseRequest.validityPeriod.start', 'dateAsserted']);
      var end = time(r, ['effectivePeriod.end', 'dispenseRequest.validityPeriod.end']);
      var open = end === null && (r.status === 'active' || r.status === 'on-hold' || r.status === 'intended'
        || r.status === 'in-progress');
      var item = { id: r.id, kind: kind, cls: cls, classLabel: labels[cls], drug: textOf(concept), status: r.status,
        start: start, end: end !== null ? end : (open ? now : start), openEnded: open };
      if (start === null) { return; }
      if (roles[cls] === 'MG_SOURCE') {
        out.given.push(item);
      } else {
        out.exposures.push(item);
      }
    });
    out.exposures.sort(function (a, b) { return a.start - b.start; });
    out.given.sort(function (a, b) { return a.start - b.start; });
    return out;
  }

  function grade(value, mg) {
    if (value === null) { return ''; }
    if (value > Number(mg.upperLimit)) { return 'high'; }
    if (value >= Number(mg.lowerLimit)) { return 'normal'; }
    if (value < Number(mg.severeBelow)) { return 'severe'; }
    if (value <= Number(mg.moderateUpTo)) { return 'moderate'; }
    return 'mild';
  }

  /** Local date and time, YYYY-MM-DD HH:MM (the table, the tooltips). */
  function formatTime(t) {
    if (t === null || t === undefined) { return '—'; }
    var d = new Date(t);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  ns.data = { observations: observations, medications: medications, grade: grade, formatTime: formatTime,
    factorFor: factorFor, drugClass: drugClass };
}(window.HypomagTrend = window.HypomagTrend || {}));
