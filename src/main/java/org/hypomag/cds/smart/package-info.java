/**
 * The SMART on FHIR trend app's server side (issue 17): the launch URL the cards link to, the strict
 * Content-Security-Policy of the app's pages under {@code /smart/}, and {@code /smart/config.json} (the app's
 * client id and scopes, and the lab codes, unit factors, Mg thresholds and drug classes it needs, built from the
 * same knowledge files the service reads, so there is one source of truth). The app itself (HTML, JS, CSS and
 * the pinned {@code fhirclient} library) is static under {@code resources/static/smart/}; it talks to the FHIR
 * server from the browser, never through this service.
 *
 * <p>Public API for the protocol layer: {@link org.hypomag.cds.smart.SmartLaunch}. May import {@code clinical},
 * {@code fhir} (unit factors) and {@code security} (its public properties); never {@code cdshooks} or
 * {@code cards}.
 */
package org.hypomag.cds.smart;
