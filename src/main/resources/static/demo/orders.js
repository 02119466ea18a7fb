/*
 * The order screen's model: a short drug list (codes from shared/clinical/terminology.md §B3, §C1), draft
 * MedicationRequests shaped like the CDS Hooks sandbox's (status draft, intent order), and applying a
 * suggestion's actions to the draft Bundle (deletes, then creates, then updates, as the spec orders them).
 */
(function (ns) {
  'use strict';

  var RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
  var ATC = 'http://www.whocc.no/atc';
  var UCUM = 'http://unitsofmeasure.org';

  var DRUGS = [
    { key: 'pantoprazole', system: RXNORM, code: '314200', display: 'pantoprazole 40 MG Delayed Release Oral Tablet',
      dose: { value: 1, unit: 'tablet', code: '{tbl}' }, route: 'Oral', frequency: 1, category: 'community' },
    { key: 'furosemide', system: RXNORM, code: '313988', display: 'Furosemide 40 MG Oral Tablet',
      dose: { value: 1, unit: 'tablet', code: '{tbl}' }, route: 'Oral', frequency: 1, category: 'community' },
    { key: 'hydrochlorothiazide', system: RXNORM, code: '310798', display: 'Hydrochlorothiazide 25 MG Oral Tablet',
      dose: { value: 1, unit: 'tablet', code: '{tbl}' }, route: 'Oral', frequency: 1, category: 'community' },
    { key: 'tacrolimus', system: RXNORM, code: '198377', display: 'Tacrolimus 1 MG Oral Capsule',
      dose: { value: 1, unit: 'capsule', code: '{capsule}' }, route: 'Oral', frequency: 2, category: 'community' },
    { key: 'cisplatin', system: RXNORM, code: '1736854', display: 'Cisplatin 50 MG Injection',
      dose: { value: 50, unit: 'mg', code: 'mg' }, route: 'Intravenous', category: 'inpatient', once: true },
    { key: 'mgso4', system: ATC, code: 'B05XA05', display: 'magnesium sulfate', iv: true, category: 'inpatient' }
  ];

  var counter = 0;

  function newId(prefix) {
    counter += 1;
    return (prefix || 'draft') + '-' + Date.now().toString(36) + '-' + counter;
  }

  function drug(key) {
    return DRUGS.filter(function (d) { return d.key === key; })[0];
  }

  /**
   * A draft MedicationRequest. choice: {key} from DRUGS, or {text} for a free-text drug;
   * for magnesium sulfate also {doseG, durationH}.
   */
  function draftFor(choice, patientId, encounterId, today) {
    var d = choice.key ? drug(choice.key) : null;
    var mr = { resourceType: 'MedicationRequest', id: newId(), status: 'draft', intent: 'order',
      subject: { reference: 'Patient/' + patientId } };
    if (encounterId) {
      mr.encounter = { reference: 'Encounter/' + encounterId };
    }
    mr.authoredOn = today;
    if (!d) {
      mr.medicationCodeableConcept = { text: String(choice.text || '').trim() };
      return mr;
    }
    mr.category = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
      code: d.category }] }];
    if (d.iv) {
      var text = 'magnesium sulfate ' + choice.doseG + ' g IV over ' + choice.durationH + ' h';
      mr.medicationCodeableConcept = { text: text, coding: [{ system: d.system, code: d.code, display: d.display }] };
      mr.dosageInstruction = [{ text: text,
        timing: { repeat: { count: 1, duration: Number(choice.durationH), durationUnit: 'h' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008', display: 'Intravenous route' }],
          text: 'Intravenous' },
        doseAndRate: [{ doseQuantity: { value: Number(choice.doseG), unit: 'g', system: UCUM, code: 'g' } }] }];
      return mr;
    }
    mr.medicationCodeableConcept = { text: d.display, coding: [{ system: d.system, code: d.code, display: d.display }] };
    var timing = d.once ? { repeat: { count: 1 } } : { repeat: { frequency: d.frequency, period: 1, periodUnit: 'd' } };
    mr.dosageInstruction = [{ timing: timing, route: { text: d.route },
      doseAndRate: [{ doseQuantity: { value: d.dose.value, unit: d.dose.unit, system: UCUM, code: d.dose.code } }] }];
    return mr;
  }

  function emptyDraft() {
    return { resourceType: 'Bundle', type: 'collection', entry: [] };
  }

  function ref(r) {
    return r.resourceType + '/' + r.id;
  }

  function copy(o) {
    return JSON.parse(JSON.stringify(o));
  }

  /**
   * Applies a suggestion's actions to a copy of the draft Bundle.
   * Returns {draft, touched: [refs created or updated], removed: [refs deleted], notes: [text]}.
   */
  function applyActions(draftBundle, actions, patientId) {
    var draft = copy(draftBundle);
    draft.entry = draft.entry || [];
    var result = { draft: draft, touched: [], removed: [], notes: [] };
    var order = { 'delete': 0, 'create': 1, 'update': 2 };
    var sorted = (actions || []).slice().sort(function (a, b) { return order[a.type] - order[b.type]; });
    sorted.forEach(function (action) {
      if (action.type === 'delete') {
        var target = action.resourceId || (typeof action.resource === 'string' ? action.resource : null)
          || (action.resource && action.resource.resourceType ? ref(action.resource) : null);
        var before = draft.entry.length;
        draft.entry = draft.entry.filter(function (e) { return ref(e.resource) !== target; });
        if (draft.entry.length < before) { result.removed.push(target); } else { result.notes.push('nothing to delete: ' + target); }
        return;
      }
      if (!action.resource || typeof action.resource !== 'object' || !action.resource.resourceType) {
        result.notes.push(action.type + ' without a resource ignored');
        return;
      }
      var res = copy(action.resource);
      if (action.type === 'create') {
        if (!res.id || draft.entry.some(function (e) { return ref(e.resource) === ref(res); })) {
          res.id = newId('accepted');
        }
        if (!res.subject && patientId && /Request$/.test(res.resourceType)) {
          res.subject = { reference: 'Patient/' + patientId };
        }
        draft.entry.push({ resource: res });
        result.touched.push(ref(res));
      } else if (action.type === 'update') {
        var i = draft.entry.map(function (e) { return ref(e.resource); }).indexOf(ref(res));
        if (i >= 0) {
          draft.entry[i] = { resource: res };
        } else {
          draft.entry.push({ resource: res });
          result.notes.push('update of ' + ref(res) + ' not in the draft: added');
        }
        result.touched.push(ref(res));
      }
    });
    return result;
  }

  function medicationText(r) {
    var cc = r.medicationCodeableConcept || r.code;
    if (cc) {
      return cc.text || (cc.coding && cc.coding[0] && (cc.coding[0].display || cc.coding[0].code)) || '(no text)';
    }
    return r.medicationReference ? r.medicationReference.display || r.medicationReference.reference : '(no drug)';
  }

  ns.orders = { DRUGS: DRUGS, draftFor: draftFor, emptyDraft: emptyDraft, applyActions: applyActions,
    ref: ref, medicationText: medicationText };
})(window.CdsDemo = window.CdsDemo || {});
