/**
 * Who may call this service and where it may send the EHR's access token (CDS Hooks 2.0.1 §Security).
 *
 * <p>Public API for the protocol layer: {@link org.hypomag.cds.security.CallerIdentity} (put in every
 * accepted request under {@link org.hypomag.cds.security.CallerIdentity#REQUEST_ATTRIBUTE} by the
 * authentication filter, which runs before Spring MVC on {@code /cds-services} and answers 401 itself;
 * {@link org.hypomag.cds.security.CallerIdentity#require} raises the same 401 as a
 * {@link org.hypomag.cds.security.NotAuthenticatedException} when a request did not pass it),
 * {@link org.hypomag.cds.security.FhirServerPolicy#check} (call before any request to {@code fhirServer})
 * and its {@link org.hypomag.cds.security.FhirServerNotAllowedException} (map to 403), and
 * {@link org.hypomag.cds.security.SecurityProperties} ({@code cds.security.*}; see
 * application-security-example.yaml). Everything else is package-private. May import {@code fhir} (its URL
 * checks) and {@code store} (the shared replay table, issue 14); never {@code cdshooks}, {@code cards} or
 * {@code clinical}.
 */
package org.hypomag.cds.security;
