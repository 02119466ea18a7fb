package org.hypomag.cds.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.DataKey;
import tools.jackson.databind.JsonNode;

/**
 * Reads one prefetch value or one fetched page and says what it is: resources (with the Medications set apart
 * and the next link), empty, an error outcome, the wrong type, or not FHIR JSON. Outcome entries
 * ({@code search.mode=outcome}, Epic's "no results") are dropped unless they are errors. Only the Bundle's
 * structure is checked here; the mappers read the resources' elements (and a resource whose elements have the
 * wrong structure makes its key unknown there).
 */
final class PageReader {

    enum Kind { RESOURCES, EMPTY, ERROR_OUTCOME, WRONG_TYPE, INVALID }

    /**
     * @param self the Bundle's self link (what the server says it searched, e.g. whether it applied
     *             {@code _sort}), or null
     */
    record Page(Kind kind, List<FhirResource> resources, List<FhirResource> medications, String next,
                String detail, String self) {
        Page(Kind kind, List<FhirResource> resources, List<FhirResource> medications, String next, String detail) {
            this(kind, resources, medications, next, detail, null);
        }

        static Page of(Kind kind, String detail) {
            return new Page(kind, List.of(), List.of(), null, detail);
        }
    }

    private final Set<String> resourceTypes;

    /** @param resourceTypes the FHIR R4 resource type names: any other resourceType is not FHIR */
    PageReader(Set<String> resourceTypes) {
        this.resourceTypes = Set.copyOf(resourceTypes);
    }

    Page read(DataKey key, byte[] json) {
        JsonNode tree;
        try {
            tree = FhirJson.MAPPER.readTree(json);
        } catch (RuntimeException e) { // not JSON, or past Jackson's nesting/size limits
            return Page.of(Kind.INVALID, "not valid FHIR JSON");
        }
        return read(key, tree);
    }

    Page read(DataKey key, JsonNode json) {
        try {
            String type = json == null || !json.isObject() ? null : FhirJson.string(json, "resourceType");
            if (type == null || !resourceTypes.contains(type)) {
                return Page.of(Kind.INVALID, "not valid FHIR JSON");
            }
            if ("OperationOutcome".equals(type)) {
                return isError(json) ? Page.of(Kind.ERROR_OUTCOME, "an error OperationOutcome")
                        : Page.of(Kind.EMPTY, null);
            }
            if ("Patient".equals(type) && key == DataKey.PATIENT) {
                return new Page(Kind.RESOURCES, List.of(FhirResource.of(json, null)), List.of(), null, null);
            }
            if (!"Bundle".equals(type)) {
                String expected = key == DataKey.PATIENT ? "a Patient" : "a Bundle";
                return Page.of(Kind.WRONG_TYPE, "a " + type + " where " + expected + " was expected");
            }
            return entries(json);
        } catch (FhirJson.Malformed e) {
            return Page.of(Kind.INVALID, "not valid FHIR JSON");
        }
    }

    private Page entries(JsonNode bundle) {
        List<FhirResource> resources = new ArrayList<>();
        List<FhirResource> medications = new ArrayList<>();
        for (JsonNode e : FhirJson.array(bundle, "entry")) {
            JsonNode r = FhirJson.object(e, "resource");
            String fullUrl = FhirJson.string(e, "fullUrl");
            boolean outcomeEntry = "outcome".equals(FhirJson.string(FhirJson.object(e, "search"), "mode"));
            if (r == null) {
                continue;
            }
            String type = FhirJson.string(r, "resourceType");
            if (type == null || !resourceTypes.contains(type)) {
                return Page.of(Kind.INVALID, "not valid FHIR JSON");
            }
            if ("OperationOutcome".equals(type)) {
                if (isError(r)) {
                    return Page.of(Kind.ERROR_OUTCOME, "an error OperationOutcome entry");
                }
            } else if (outcomeEntry) {
                continue;
            } else if ("Medication".equals(type)) {
                medications.add(FhirResource.of(r, fullUrl));
            } else {
                resources.add(FhirResource.of(r, fullUrl));
            }
        }
        String nextUrl = null;
        String selfUrl = null;
        for (JsonNode link : FhirJson.array(bundle, "link")) {
            String relation = FhirJson.string(link, "relation");
            if ("next".equals(relation) && nextUrl == null) {
                nextUrl = FhirJson.string(link, "url");
            } else if ("self".equals(relation) && selfUrl == null) {
                selfUrl = FhirJson.string(link, "url");
            }
        }
        nextUrl = nextUrl == null || nextUrl.isBlank() ? null : nextUrl;
        Kind kind = resources.isEmpty() && medications.isEmpty() && nextUrl == null ? Kind.EMPTY : Kind.RESOURCES;
        return new Page(kind, resources, medications, nextUrl, null, selfUrl);
    }

    static boolean isError(JsonNode outcome) {
        for (JsonNode issue : FhirJson.array(outcome, "issue")) {
            String severity = FhirJson.string(issue, "severity");
            if ("error".equals(severity) || "fatal".equals(severity)) {
                return true;
            }
        }
        return false;
    }
}
