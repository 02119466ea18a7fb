/*
 * HTTP for the demo EHR: every call is logged with its request and response JSON in a collapsible panel
 * (newest first), and error answers are reduced to their OperationOutcome code and text.
 */
(function (ns) {
  'use strict';

  var el = ns.cards.el;
  var exchanges = 0;

  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
      + '-' + h.substring(20);
  }

  // ---- HTTP with an exchange log (request/response JSON in collapsible panels) ----

  function logExchange(method, url, body, httpStatus, response, ms) {
    exchanges += 1;
    var d = el('details', { 'class': 'exchange', 'data-url': url, 'data-status': String(httpStatus) });
    d.appendChild(el('summary', {}, '#' + exchanges + ' ' + method + ' ' + url + ' → ' + httpStatus
      + ' (' + ms + ' ms)'));
    if (body !== undefined) {
      d.appendChild(el('h4', {}, 'Request'));
      d.appendChild(el('pre', { 'class': 'json request-json' }, JSON.stringify(body, null, 2)));
    }
    d.appendChild(el('h4', {}, 'Response'));
    d.appendChild(el('pre', { 'class': 'json response-json' },
      typeof response === 'string' ? response : JSON.stringify(response, null, 2)));
    var log = document.getElementById('exchanges');
    log.insertBefore(d, log.firstChild);
  }

  /** The readable part of an OperationOutcome error body: stable code and text. */
  function outcomeText(body) {
    var issue = body && body.issue && body.issue[0];
    if (!issue) { return ''; }
    var details = issue.details || {};
    var code = details.coding && details.coding[0] ? details.coding[0].code + ' ' : '';
    return code + (details.text || issue.diagnostics || '');
  }

  function call(method, url, body) {
    var started = performance.now();
    var init = { method: method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (text) {
        var parsed = text;
        try { parsed = text ? JSON.parse(text) : ''; } catch (e) { /* keep the text */ }
        logExchange(method, url, body, r.status, parsed, Math.round(performance.now() - started));
        if (!r.ok) {
          var why = outcomeText(parsed);
          throw new Error(method + ' ' + url + ' answered ' + r.status + (why ? ': ' + why : ''));
        }
        return parsed;
      });
    }, function (e) {
      logExchange(method, url, body, 'network error', String(e), Math.round(performance.now() - started));
      throw e;
    });
  }

  ns.http = { call: call, uuid: uuid };
})(window.CdsDemo = window.CdsDemo || {});
