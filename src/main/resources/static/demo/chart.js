/*
 * The EHR chrome around the cards: patient banner, a read-only chart (labs, drugs, problems), the drug
 * picker of the order screen and the dismiss (override reason) dialog. All text goes in as textContent.
 */
(function (ns) {
  'use strict';

  var el = ns.cards.el;

  function age(birthDate) {
    if (!birthDate) { return ''; }
    var b = new Date(birthDate + 'T00:00:00Z');
    var now = new Date();
    var years = now.getUTCFullYear() - b.getUTCFullYear();
    if (now.getUTCMonth() < b.getUTCMonth() || (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() < b.getUTCDate())) {
      years -= 1;
    }
    return years + ' y';
  }

  function nameOf(p) {
    var n = (p.name || [])[0] || {};
    return n.text || ((n.given || []).join(' ') + ' ' + (n.family || '')).trim() || p.id;
  }

  function banner(node, patient, encounterId) {
    node.textContent = '';
    node.hidden = false;
    node.appendChild(el('strong', { id: 'patient-name' }, nameOf(patient)));
    [patient.gender, patient.birthDate ? 'born ' + patient.birthDate + ' (' + age(patient.birthDate) + ')' : '',
      'id ' + patient.id, encounterId ? 'encounter ' + encounterId : 'no encounter']
      .filter(Boolean).forEach(function (t) { node.appendChild(el('span', {}, t)); });
  }

  function codeText(cc) {
    if (!cc) { return ''; }
    return cc.text || ((cc.coding || [])[0] || {}).display || ((cc.coding || [])[0] || {}).code || '';
  }

  function valueText(o) {
    if (o.valueQuantity) {
      var q = o.valueQuantity;
      return (q.comparator || '') + q.value + ' ' + (q.unit || q.code || '');
    }
    if (o.valueString) { return o.valueString; }
    if (o.valueCodeableConcept) { return codeText(o.valueCodeableConcept); }
    return o.dataAbsentReason ? '(' + codeText(o.dataAbsentReason) + ')' : '';
  }

  function when(v) {
    return v ? v.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC') : '';
  }

  function table(caption, head, rows) {
    var t = el('table');
    t.appendChild(el('caption', {}, caption + ' (' + rows.length + ')'));
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', { scope: 'col' }, h)); });
    var thead = el('thead');
    thead.appendChild(tr);
    t.appendChild(thead);
    var body = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) { row.appendChild(el('td', {}, c)); });
      body.appendChild(row);
    });
    t.appendChild(body);
    return t;
  }

  function render(node, resources) {
    node.textContent = '';
    var of = function (type) { return resources.filter(function (r) { return r.resourceType === type; }); };
    var obs = of('Observation').sort(function (a, b) {
      return (ns.fhir.effectiveTime(b) || 0) - (ns.fhir.effectiveTime(a) || 0);
    });
    node.appendChild(table('Results, newest first', ['Test', 'Value', 'Taken', 'Status', 'Flag'], obs.map(function (o) {
      return [codeText(o.code), valueText(o), when(o.effectiveDateTime || (o.effectivePeriod || {}).start),
        o.status || '', ((o.interpretation || [])[0] || {}).coding ? codeText(o.interpretation[0]) : ''];
    })));
    var meds = of('MedicationStatement').concat(of('MedicationRequest'));
    node.appendChild(table('Medications', ['Drug', 'Kind', 'Status', 'Since'], meds.map(function (m) {
      return [ns.orders.medicationText(m), m.resourceType === 'MedicationRequest' ? 'order' : 'statement',
        m.status || '', when(m.authoredOn || (m.effectivePeriod || {}).start || m.effectiveDateTime || m.dateAsserted)];
    })));
    node.appendChild(table('Problems', ['Condition', 'Clinical status', 'Onset'], of('Condition').map(function (c) {
      return [codeText(c.code), codeText(c.clinicalStatus), when(c.onsetDateTime || c.recordedDate)];
    })));
  }

  function drugPicker(fieldset, drugs) {
    drugs.forEach(function (d, i) {
      var id = 'drug-' + d.key;
      var row = el('div', { 'class': 'drug' });
      var input = el('input', { type: 'radio', name: 'drug', id: id, value: d.key });
      if (i === 0) { input.checked = true; }
      row.appendChild(input);
      row.appendChild(el('label', { 'for': id }, (d.iv ? 'Magnesium sulfate IV' : d.display)
        + ' (' + (d.system.indexOf('rxnorm') >= 0 ? 'RxNorm ' : 'ATC ') + d.code + ')'));
      fieldset.insertBefore(row, fieldset.querySelector('.drug-free'));
    });
  }

  /** Opens the dismiss dialog; onDone(reason or null) runs when the user confirms. */
  function overrideDialog(card, onDone) {
    var dialog = document.getElementById('override-dialog');
    var list = document.getElementById('override-reasons');
    list.textContent = '';
    document.getElementById('override-summary').textContent = card.summary || '';
    (card.overrideReasons || []).forEach(function (r, i) {
      var id = 'reason-' + i;
      var row = el('div', { 'class': 'reason' });
      var input = el('input', { type: 'radio', name: 'override-reason', id: id, value: String(i) });
      row.appendChild(input);
      row.appendChild(el('label', { 'for': id }, r.display || r.code));
      list.appendChild(row);
    });
    if (!(card.overrideReasons || []).length) {
      list.appendChild(el('p', {}, 'This card offers no coded reasons; a comment is optional.'));
    }
    var comment = document.getElementById('override-comment');
    comment.value = '';
    var form = document.getElementById('override-form');
    form.onsubmit = function (ev) {
      ev.preventDefault();
      if (ev.submitter && ev.submitter.value === 'cancel') { dialog.close(); return; }
      var picked = form.querySelector('input[name="override-reason"]:checked');
      var reason = {};
      if (picked) {
        var c = card.overrideReasons[Number(picked.value)];
        reason.reason = { system: c.system, code: c.code };
        if (c.display) { reason.reason.display = c.display; }
      }
      if (comment.value.trim()) { reason.userComment = comment.value.trim(); }
      dialog.close();
      onDone(Object.keys(reason).length ? reason : null);
    };
    dialog.showModal();
  }

  ns.chart = { banner: banner, render: render, drugPicker: drugPicker, overrideDialog: overrideDialog };
})(window.CdsDemo = window.CdsDemo || {});
