package org.hypomag.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/**
 * A hook call as received. {@code context} and {@code prefetch} stay JSON trees (with exact decimals, see
 * {@link RequestJsonConfig}): the prefetch needs the difference between a missing key and a {@code null} value,
 * and the FHIR content inside them is read by the fhir package's reader, never bound to Java types. Never mutated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CdsRequest(
        String hook,
        String hookInstance,
        String fhirServer,
        FhirAuthorization fhirAuthorization,
        JsonNode context,
        JsonNode prefetch,
        JsonNode extension) {
}
