/**
 * Patient data from the EHR's FHIR server: prefetch templates and resolution, the bounded parallel FHIR
 * client, the mappers from FHIR JSON to the clinical snapshot, the one URL check for fhirServer and every query
 * ({@code FhirUrls}), and the OperationOutcome every error answer of the service carries (its one writer, used by
 * the protocol and security layers). May import {@code clinical} (and HAPI,
 * Spring, Jackson); never {@code cdshooks}, {@code cards} or {@code security}.
 */
package org.hypomag.cds.fhir;
