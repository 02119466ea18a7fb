package org.hypomag.cds.cdshooks;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of the prefetch tokens a template may use (CDS Hooks 2.0.1 §Prefetch tokens): root-level
 * context fields, and the user tokens derived from {@code context.userId} ("Practitioner/123" gives
 * {@code userPractitionerId} = 123).
 */
final class PrefetchTokens {

    private PrefetchTokens() {
    }

    static Map<String, String> of(HookCall call) {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("context.patientId", call.patientId());
        put(tokens, "context.encounterId", call.encounterId());
        put(tokens, "context.userId", call.userId());
        String user = call.userId();
        if (user != null && user.indexOf('/') > 0) {
            String type = user.substring(0, user.indexOf('/'));
            String id = user.substring(user.indexOf('/') + 1);
            switch (type) {
                case "Practitioner" -> tokens.put("userPractitionerId", id);
                case "PractitionerRole" -> tokens.put("userPractitionerRoleId", id);
                case "Patient" -> tokens.put("userPatientId", id);
                case "RelatedPerson" -> tokens.put("userRelatedPersonId", id);
                default -> { }
            }
        }
        return tokens;
    }

    private static void put(Map<String, String> tokens, String key, String value) {
        if (value != null) {
            tokens.put(key, value);
        }
    }
}
