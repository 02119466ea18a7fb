/**
 * Patient data from the EHR's FHIR server: prefetch templates and resolution, the bounded parallel FHIR
 * client, and the mappers from FHIR JSON to the clinical snapshot. May import {@code clinical} (and HAPI,
 * Spring, Jackson); never {@code cdshooks}, {@code cards} or {@code security}.
 */
package org.hypomag.cds.fhir;
