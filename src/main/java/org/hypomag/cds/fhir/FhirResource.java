package org.hypomag.cds.fhir;

import tools.jackson.databind.JsonNode;

/**
 * One FHIR resource as read from a prefetch value or a FHIR server's answer: its type, its id, the
 * {@code fullUrl} of its Bundle entry (for references inside the Bundle), and the JSON itself, which the
 * mappers read directly. The JSON is never mutated.
 *
 * @param type    resourceType, a known FHIR R4 resource type
 * @param id      Resource.id, or null
 * @param fullUrl Bundle.entry.fullUrl, or null
 */
public record FhirResource(String type, String id, String fullUrl, JsonNode json) {

    static FhirResource of(JsonNode json, String fullUrl) {
        return new FhirResource(FhirJson.string(json, "resourceType"), FhirJson.string(json, "id"), fullUrl, json);
    }

    /** "Type/id", or the type alone when there is no id. */
    public String reference() {
        return id == null ? type : type + "/" + id;
    }

    /** Never prints the content (it holds patient data). */
    @Override
    public String toString() {
        return "FhirResource[" + type + "]";
    }
}
