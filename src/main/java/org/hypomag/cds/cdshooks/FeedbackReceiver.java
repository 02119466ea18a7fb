package org.hypomag.cds.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Validates a feedback body against the spec's invariants (cds-fb-1..3) and stores each outcome. */
@Component
class FeedbackReceiver {

    private static final int MAX_ITEMS = 500;

    private final CdsServiceRegistry registry;
    private final FeedbackStore store;
    private final Clock clock;

    FeedbackReceiver(CdsServiceRegistry registry, FeedbackStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
    }

    int receive(String serviceId, FeedbackRequest body) {
        CdsService service = registry.find(serviceId);
        if (body == null || body.feedback() == null || body.feedback().isEmpty()) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK", "'feedback' must be a non-empty array");
        }
        if (body.feedback().size() > MAX_ITEMS) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK", "At most " + MAX_ITEMS + " feedback items per call");
        }
        List<Feedback> valid = new ArrayList<>();
        for (FeedbackRequest.Item item : body.feedback()) {
            valid.add(validate(service.id(), item));
        }
        valid.forEach(store::save);
        return valid.size();
    }

    private Feedback validate(String serviceId, FeedbackRequest.Item item) {
        if (item == null || item.card() == null || item.card().isBlank() || item.card().length() > 128) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-CARD", "Each feedback item needs 'card' (the card uuid)");
        }
        boolean accepted = "accepted".equals(item.outcome());
        if (!accepted && !"overridden".equals(item.outcome())) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-OUTCOME", "'outcome' must be 'accepted' or 'overridden'");
        }
        List<String> suggestions = new ArrayList<>();
        if (item.acceptedSuggestions() != null) {
            for (FeedbackRequest.AcceptedSuggestion s : item.acceptedSuggestions()) {
                if (s == null || s.id() == null || s.id().isBlank()) {
                    throw CdsProblem.invalid("CDS-400-FEEDBACK-SUGGESTION", "Each accepted suggestion needs an 'id'");
                }
                suggestions.add(s.id());
            }
        }
        if (accepted && suggestions.isEmpty()) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-SUGGESTION", "'acceptedSuggestions' is required when accepted");
        }
        Instant when = timestamp(item.outcomeTimestamp());
        String override = null;
        FeedbackRequest.OverrideReason reason = item.overrideReason();
        if (reason != null && reason.reason() != null && reason.reason().code() != null) {
            override = reason.reason().system() + "|" + reason.reason().code();
        }
        return new Feedback(serviceId, item.card(), accepted, suggestions, override, when, clock.instant());
    }

    private static Instant timestamp(String value) {
        if (value == null) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TIMESTAMP", "'outcomeTimestamp' is required");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TIMESTAMP", "'outcomeTimestamp' must be an RFC 3339 date-time");
        }
    }
}
