/*
 * Client-side FHIR work for the demo EHR: shift the sample's dates so its anchor becomes "now", and answer
 * the service's prefetch templates from the sample bundle as a FHIR server would (read, or a searchset
 * Bundle newest first).
 */
(function (ns) {
  'use strict';

  var ANCHOR = '2026-11-23T08:00:00Z';
  var DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var DAY_MS = 86400000;

  /** Returns a deep copy with every FHIR date, dateTime and instant string moved by deltaMs. */
  function shiftDates(value, deltaMs) {
    if (Array.isArray(value)) {
      return value.map(function (v) { return shiftDates(v, deltaMs); });
    }
    if (value && typeof value === 'object') {
      var copy = {};
      Object.keys(value).forEach(function (k) {
        copy[k] = k === 'div' ? value[k] : shiftDates(value[k], deltaMs);
      });
      return copy;
    }
    if (typeof value === 'string') {
      return shiftString(value, deltaMs);
    }
    return value;
  }

  function shiftString(s, deltaMs) {
    var m = DATE_TIME.exec(s);
    if (m) {
      var t = Date.parse(s);
      if (isNaN(t)) { return s; }
      var iso = new Date(t + deltaMs).toISOString(); // always UTC
      return m[3] ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
    }
    if (DATE.test(s)) {
      var d = Date.parse(s + 'T00:00:00Z');
      if (isNaN(d)) { return s; }
      return new Date(d + Math.round(deltaMs / DAY_MS) * DAY_MS).toISOString().substring(0, 10);
    }
    return s;
  }

  function deltaToNow(nowMs) {
    return nowMs - Date.parse(ANCHOR);
  }

  function resourcesOf(bundle) {
    return (bundle.entry || []).map(function (e) { return e.resource; }).filter(Boolean);
  }

  function fillTokens(template, context) {
    return template.replace(/\{\{\s*([^}]+?)\s*\}\}/g, function (whole, token) {
      var v;
      if (token.indexOf('context.') === 0) {
        v = context[token.substring(8)];
      } else if (token === 'userPractitionerId' && /^Practitioner\//.test(context.userId || '')) {
        v = context.userId.substring('Practitioner/'.length);
      }
      if (v === undefined || v === null || typeof v === 'object') {
        throw new Error('cannot fill token ' + whole);
      }
      return encodeURIComponent(String(v));
    });
  }

  function refTo(resource, type, id) {
    var refs = [resource.subject, resource.patient];
    return refs.some(function (r) { return r && r.reference === type + '/' + id; });
  }

  function codings(resource, field) {
    var cc = resource[field];
    return (cc && cc.coding) || [];
  }

  function effectiveTime(r) {
    var v = r.effectiveDateTime || r.effectiveInstant || (r.effectivePeriod && r.effectivePeriod.start)
      || r.issued || r.authoredOn || r.recordedDate || r.onsetDateTime
      || (r.effectivePeriod && r.effectivePeriod.end) || r.dateAsserted;
    var t = v ? Date.parse(v.length === 10 ? v + 'T00:00:00Z' : v) : NaN;
    return isNaN(t) ? null : t;
  }

  var DATE_PREFIX = /^(eq|ne|lt|gt|le|ge)?(.*)$/;

  function dateMatches(resource, expr) {
    var m = DATE_PREFIX.exec(expr);
    var t = effectiveTime(resource);
    var bound = Date.parse(m[2].length === 10 ? m[2] + 'T00:00:00Z' : m[2]);
    if (t === null || isNaN(bound)) { return false; }
    switch (m[1] || 'eq') {
      case 'lt': return t < bound;
      case 'le': return t <= bound;
      case 'gt': return t > bound;
      case 'ge': return t >= bound;
      case 'ne': return t !== bound;
      default: return t === bound;
    }
  }

  // search parameter -> predicate builder; an unknown parameter makes the template unanswerable.
  var PARAMS = {
    patient: function (v) {
      var id = v.replace(/^Patient\//, '');
      return function (r) { return refTo(r, 'Patient', id); };
    },
    subject: function (v) {
      var id = v.replace(/^Patient\//, '');
      return function (r) { return refTo(r, 'Patient', id); };
    },
    code: function (v) {
      var wanted = v.split(',');
      return function (r) {
        var field = r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement'
          ? 'medicationCodeableConcept' : 'code';
        return codings(r, field).some(function (c) {
          return wanted.some(function (w) {
            var bar = w.indexOf('|');
            return bar < 0 ? c.code === w : (c.system === w.substring(0, bar) && c.code === w.substring(bar + 1))
              || (bar === 0 && c.code === w.substring(1));
          });
        });
      };
    },
    status: function (v) {
      var wanted = v.split(',');
      return function (r) { return wanted.indexOf(r.status) >= 0; };
    },
    'clinical-status': function (v) {
      var wanted = v.split(',');
      return function (r) {
        return codings(r, 'clinicalStatus').some(function (c) { return wanted.indexOf(c.code) >= 0; });
      };
    },
    // none of the listed clinical statuses (a Condition without one matches), as FHIR's :not modifier
    'clinical-status:not': function (v) {
      var unwanted = v.split(',');
      return function (r) {
        return !codings(r, 'clinicalStatus').some(function (c) { return unwanted.indexOf(c.code) >= 0; });
      };
    },
    category: function (v) {
      var wanted = v.split(',');
      return function (r) {
        return (r.category || []).some(function (cc) {
          return (cc.coding || []).some(function (c) {
            return wanted.some(function (w) { return w === c.code || w === c.system + '|' + c.code; });
          });
        });
      };
    },
    date: function (v) { return function (r) { return dateMatches(r, v); }; }
  };

  /**
   * Evaluates one prefetch template against the sample's resources. Returns {value} (a resource, null for an
   * absent read, or a searchset Bundle) or {error} when the template uses something this page does not know.
   */
  function evaluate(template, context, resources, baseUrl) {
    var url;
    try {
      url = fillTokens(template, context);
    } catch (e) {
      return { error: e.message };
    }
    var q = url.indexOf('?');
    var path = q < 0 ? url : url.substring(0, q);
    var parts = path.split('/');
    if (q < 0 && parts.length === 2) {
      var found = resources.filter(function (r) {
        return r.resourceType === parts[0] && r.id === decodeURIComponent(parts[1]);
      })[0];
      return { value: found ? found : null };
    }
    if (parts.length !== 1 || !/^[A-Z][A-Za-z]+$/.test(parts[0])) {
      return { error: 'unsupported query path ' + path };
    }
    return search(parts[0], q < 0 ? '' : url.substring(q + 1), resources, baseUrl, url);
  }

  function search(type, query, resources, baseUrl, url) {
    var filters = [];
    var sort = null;
    var count = null;
    var includes = [];
    var problem = null;
    query.split('&').filter(Boolean).forEach(function (pair) {
      var eq = pair.indexOf('=');
      var name = decodeURIComponent(eq < 0 ? pair : pair.substring(0, eq));
      var value = decodeURIComponent(eq < 0 ? '' : pair.substring(eq + 1));
      if (name === '_sort') {
        sort = value;
      } else if (name === '_count') {
        count = parseInt(value, 10);
      } else if (name === '_include') {
        includes.push(value);
      } else if (PARAMS[name]) {
        filters.push(PARAMS[name](value));
      } else {
        problem = 'unsupported search parameter ' + name;
      }
    });
    if (problem) {
      return { error: problem };
    }
    var matches = resources.filter(function (r) {
      return r.resourceType === type && filters.every(function (f) { return f(r); });
    });
    if (sort === '-date' || sort === 'date') {
      matches.sort(function (a, b) {
        var ta = effectiveTime(a);
        var tb = effectiveTime(b);
        var diff = (tb === null ? -Infinity : tb) - (ta === null ? -Infinity : ta);
        return sort === '-date' ? diff : -diff;
      });
    }
    var total = matches.length;
    if (count !== null && !isNaN(count)) {
      matches = matches.slice(0, count);
    }
    var entries = matches.map(function (r) {
      return { fullUrl: baseUrl + '/' + r.resourceType + '/' + r.id, resource: r, search: { mode: 'match' } };
    });
    included(matches, includes, resources).forEach(function (r) {
      entries.push({ fullUrl: baseUrl + '/' + r.resourceType + '/' + r.id, resource: r, search: { mode: 'include' } });
    });
    var bundle = { resourceType: 'Bundle', type: 'searchset', total: total,
      link: [{ relation: 'self', url: baseUrl + '/' + url }] };
    if (entries.length) {
      bundle.entry = entries;
    }
    return { value: bundle };
  }

  // _include=X:medication -> the Medication resources the matches reference.
  function included(matches, includes, resources) {
    var out = [];
    includes.forEach(function (inc) {
      var field = inc.split(':')[1];
      if (field !== 'medication') { return; }
      matches.forEach(function (m) {
        var ref = m.medicationReference && m.medicationReference.reference;
        var target = ref && resources.filter(function (r) {
          return r.resourceType + '/' + r.id === ref;
        })[0];
        if (target && out.indexOf(target) < 0) { out.push(target); }
      });
    });
    return out;
  }

  /** All prefetch values for one service; keys whose template cannot be answered are left out (and reported). */
  function prefetch(templates, context, resources, baseUrl) {
    var result = { prefetch: {}, skipped: {} };
    Object.keys(templates || {}).forEach(function (key) {
      var r = evaluate(templates[key], context, resources, baseUrl);
      if (r.error) {
        result.skipped[key] = r.error;
      } else {
        result.prefetch[key] = r.value;
      }
    });
    return result;
  }

  ns.fhir = {
    ANCHOR: ANCHOR,
    shiftDates: shiftDates,
    deltaToNow: deltaToNow,
    resourcesOf: resourcesOf,
    evaluate: evaluate,
    prefetch: prefetch,
    effectiveTime: effectiveTime
  };
})(window.CdsDemo = window.CdsDemo || {});
