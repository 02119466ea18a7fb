/*
 * SMART trend app: the table view of the same data (every result and drug on record, newest first), a real
 * <table> with caption and header cells, so screen readers and printing get it all.
 */
(function (ns) {
  'use strict';

  var LABELS = { MAGNESIUM: 'Magnesium', POTASSIUM: 'Potassium', CALCIUM_TOTAL: 'Calcium, total',
    CALCIUM_IONIZED: 'Calcium, ionised', EGFR: 'eGFR' };

  function h(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return n;
  }

  function table(caption, headers, rows, id) {
    var t = h('table', { id: id }, [h('caption', {}, [caption])]);
    t.appendChild(h('thead', {}, [h('tr', {}, headers.map(function (x) { return h('th', { scope: 'col' }, [x]); }))]));
    var body = h('tbody');
    rows.forEach(function (r) { body.appendChild(r); });
    if (!rows.length) {
      body.appendChild(h('tr', {}, [h('td', { colspan: String(headers.length) }, ['none on record'])]));
    }
    t.appendChild(body);
    return t;
  }

  function render(container, data, config) {
    var fmt = ns.data.formatTime;
    while (container.firstChild) { container.removeChild(container.firstChild); }
    var labs = data.observations.results.map(function (r) {
      var a = config.analytes[r.analyte];
      var grade = r.analyte === 'MAGNESIUM' ? ns.data.grade(r.value, config.mg) : '';
      var notes = [];
      if (r.stale) { notes.push('stale'); }
      if (grade && grade !== 'normal') { notes.push(grade === 'high' ? 'high' : grade + ' (low)'); }
      if (r.note) { notes.push(r.note); }
      return h('tr', { 'data-analyte': r.analyte, 'data-time': r.time === null ? '' : new Date(r.time).toISOString(),
        'data-value': r.value === null ? '' : String(r.value), 'class': r.stale ? 'stale' : '' }, [
        h('th', { scope: 'row' }, [fmt(r.time)]),
        h('td', {}, [LABELS[r.analyte]]),
        h('td', { 'class': 'num' }, [r.value === null ? '—' : r.comparator + r.value + ' ' + a.unit]),
        h('td', {}, [r.raw === null ? '—' : r.comparator + r.raw + ' ' + (r.unit || '(no unit)')]),
        h('td', {}, [r.status]),
        h('td', {}, [notes.join('; ')])
      ]);
    });
    var hidden = data.observations.hidden;
    container.appendChild(table('Laboratory results on record, newest first (values converted to the unit shown; '
      + (hidden ? hidden + ' entered-in-error or cancelled result' + (hidden > 1 ? 's' : '') + ' not shown' : 'none hidden')
      + ')', ['Date and time', 'Test', 'Value', 'As reported', 'Status', 'Note'], labs, 'lab-table'));
    var drugs = data.medications.exposures.concat(data.medications.given).sort(function (a, b) {
      return b.start - a.start;
    }).map(function (e) {
      return h('tr', { 'data-class': e.cls, 'data-start': new Date(e.start).toISOString(),
        'data-end': e.openEnded ? '' : new Date(e.end).toISOString() }, [
        h('th', { scope: 'row' }, [e.drug]),
        h('td', {}, [e.classLabel || e.cls]),
        h('td', {}, [e.kind.replace('Medication', '') + ' (' + e.status + ')']),
        h('td', {}, [fmt(e.start)]),
        h('td', {}, [e.openEnded ? 'ongoing' : fmt(e.end)])
      ]);
    });
    container.appendChild(table('Magnesium-wasting drugs and magnesium given', ['Drug', 'Class', 'Record', 'Start',
      'End'], drugs, 'drug-table'));
  }

  ns.table = { render: render };
}(window.HypomagTrend = window.HypomagTrend || {}));
