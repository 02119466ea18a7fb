package org.hypomag.cds.cdshooks;

import java.time.Instant;
import java.util.List;

/**
 * One validated feedback outcome as stored.
 *
 * @param serviceId           the service the card came from
 * @param cardUuid            card.uuid
 * @param accepted            true for "accepted", false for "overridden"
 * @param acceptedSuggestions suggestion uuids accepted
 * @param overrideCode        override reason code (system|code) or null
 * @param outcomeTimestamp    when the user acted
 * @param received            when the service received it
 */
public record Feedback(String serviceId, String cardUuid, boolean accepted, List<String> acceptedSuggestions,
                       String overrideCode, Instant outcomeTimestamp, Instant received) {

    public Feedback {
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }
}
