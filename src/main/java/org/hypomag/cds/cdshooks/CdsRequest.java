package org.hypomag.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/**
 * A hook call as received. {@code context} and {@code prefetch} stay JSON trees: the prefetch needs the
 * difference between a missing key and a {@code null} value, and FHIR content inside them is parsed with
 * HAPI, never bound with Jackson. Never mutated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdsRequest(
        String hook,
        String hookInstance,
        String fhirServer,
        FhirAuthorization fhirAuthorization,
        JsonNode context,
        JsonNode prefetch,
        JsonNode extension) {
}
