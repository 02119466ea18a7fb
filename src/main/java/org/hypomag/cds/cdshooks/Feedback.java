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
 * @param owner               who sent it (issuer and tenant, "demo" in demo mode; issue 12.4)
 * @param comment             the override's user comment or null (the store keeps only whether there was one
 *                            unless cds.store.keep-comments)
 */
record Feedback(String serviceId, String cardUuid, boolean accepted, List<String> acceptedSuggestions,
                       String overrideCode, Instant outcomeTimestamp, Instant received, String owner, String comment) {

    public Feedback {
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
        owner = owner == null ? "demo" : owner;
    }

    /** Feedback without a comment. */
    public Feedback(String serviceId, String cardUuid, boolean accepted, List<String> acceptedSuggestions,
                    String overrideCode, Instant outcomeTimestamp, Instant received, String owner) {
        this(serviceId, cardUuid, accepted, acceptedSuggestions, overrideCode, outcomeTimestamp, received, owner, null);
    }

    /** Feedback of the demo caller. */
    public Feedback(String serviceId, String cardUuid, boolean accepted, List<String> acceptedSuggestions,
                    String overrideCode, Instant outcomeTimestamp, Instant received) {
        this(serviceId, cardUuid, accepted, acceptedSuggestions, overrideCode, outcomeTimestamp, received, "demo");
    }

    /** A rough size in bytes, for the store's byte bound (issue 12.2). */
    long estimatedBytes() {
        long bytes = 160 + 2L * (serviceId.length() + cardUuid.length() + owner.length()
                + (overrideCode == null ? 0 : overrideCode.length()));
        for (String s : acceptedSuggestions) {
            bytes += 56 + 2L * s.length();
        }
        return bytes;
    }
}
