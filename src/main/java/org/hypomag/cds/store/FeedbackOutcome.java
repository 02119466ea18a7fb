package org.hypomag.cds.store;

import java.time.Instant;
import java.util.List;

/**
 * One feedback outcome as the store keeps it (the card's type, indicator, hook, knowledge version and the
 * keyed ids come from the issued card's row when the card is known).
 *
 * @param overrideReason "system|code" of the override reason, or null
 * @param comment        the clinician's comment or null; the store keeps only whether there was one unless
 *                       {@code cds.store.keep-comments}
 */
public record FeedbackOutcome(String serviceId, String cardUuid, String owner, boolean accepted,
                              List<String> acceptedSuggestions, String overrideReason, String comment,
                              Instant outcomeAt, Instant receivedAt) {

    public FeedbackOutcome {
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }
}
