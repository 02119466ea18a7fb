package org.hypomag.cds.fhir;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.DataKey;
import tools.jackson.databind.JsonNode;

/**
 * What the resolver needs from a hook call: where to fetch, with which token, the values of the prefetch
 * tokens, and the prefetch as the EHR sent it.
 *
 * @param fhirServer  the request's {@code fhirServer}, or null
 * @param accessToken {@code fhirAuthorization.access_token}, or null (then no Authorization header is sent)
 * @param tokens      token name → value: {@code context.patientId}, {@code context.encounterId},
 *                    {@code context.userId}, {@code userPractitionerId} ... (see {@link #tokens})
 * @param prefetch    {@link DataKey} → {@code Optional.of(json)} (the JSON tree as received) or {@code Optional.empty()} for a JSON {@code null}; a
 *                    key the EHR did not send is absent
 */
public record FetchRequest(String fhirServer, String accessToken, Map<String, String> tokens,
                           Map<DataKey, Optional<JsonNode>> prefetch) {

    public FetchRequest {
        fhirServer = fhirServer == null || fhirServer.isBlank() ? null : fhirServer.strip();
        accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken;
        tokens = tokens == null ? Map.of() : withoutNulls(tokens);
        prefetch = prefetch == null ? Map.of() : withoutNulls(prefetch);
    }

    /**
     * The CDS Hooks 2.0 prefetch tokens of a hook call: {@code context.*} as given, and the user tokens
     * derived from {@code userId} ("Practitioner/123" → {@code userPractitionerId} "123"). Null values are
     * left out, so a template that needs them cannot be rendered.
     */
    public static Map<String, String> tokens(String patientId, String encounterId, String userId) {
        Map<String, String> t = new HashMap<>();
        put(t, "context.patientId", patientId);
        put(t, "context.encounterId", encounterId);
        put(t, "context.userId", userId);
        if (userId != null) {
            int slash = userId.indexOf('/');
            if (slash > 0 && slash < userId.length() - 1) {
                String id = userId.substring(slash + 1);
                switch (userId.substring(0, slash)) {
                    case "Practitioner" -> t.put("userPractitionerId", id);
                    case "PractitionerRole" -> t.put("userPractitionerRoleId", id);
                    case "Patient" -> t.put("userPatientId", id);
                    case "RelatedPerson" -> t.put("userRelatedPersonId", id);
                    default -> { }
                }
            }
        }
        return t;
    }

    private static <K, V> Map<K, V> withoutNulls(Map<K, V> map) {
        Map<K, V> copy = new HashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Map.copyOf(copy);
    }

    private static void put(Map<String, String> t, String name, String value) {
        if (value != null && !value.isBlank()) {
            t.put(name, value);
        }
    }

    /** Never prints the token, the token values (identifiers) or the prefetch content. */
    @Override
    public String toString() {
        return "FetchRequest[fhirServer=" + fhirServer + ", accessToken=" + (accessToken == null ? "none" : "***")
                + ", tokens=" + tokens.keySet() + ", prefetchKeys=" + prefetch.keySet() + "]";
    }
}
