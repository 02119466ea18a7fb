/*
 * SMART trend app launch: hands the launch to the fhirclient library (SMART App Launch 2.x, authorization code
 * with PKCE). EHR launch: ?iss=<FHIR base>&launch=<opaque>. Open FHIR server (trials): ?fhirServiceUrl=<FHIR base>
 * &patientId=<id>, no authorization step. Client id and scopes come from config.json.
 */
(function () {
  'use strict';

  document.addEventListener('securitypolicyviolation', function (e) {
    document.body.setAttribute('data-csp-last', e.violatedDirective + ' ' + e.blockedURI);
  });

  document.addEventListener('DOMContentLoaded', function () {
    var params = new URLSearchParams(window.location.search);
    var status = document.getElementById('status');
    if (!params.get('iss') && !params.get('fhirServiceUrl')) {
      status.textContent = 'Open this app from the EHR (it adds iss and launch), or for an open FHIR server add '
        + '?fhirServiceUrl=<FHIR base URL>&patientId=<patient id> to this page\'s address.';
      document.body.setAttribute('data-ready', 'error');
      return;
    }
    fetch('config.json', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('config.json: HTTP ' + r.status); }
      return r.json();
    }).then(function (config) {
      return FHIR.oauth2.authorize({ clientId: config.clientId, scope: config.scope, redirectUri: 'app.html',
        pkceMode: 'required' });
    }).catch(function (e) {
      status.textContent = 'Could not launch: ' + (e && e.message ? e.message : e);
      document.body.setAttribute('data-ready', 'error');
    });
  });
}());
