package org.hypomag.cds.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hypomag.cds.store.LedgerEntry;
import org.hypomag.cds.store.StoreMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates a feedback body against the spec's invariants (cds-fb-1..3) and the service's bounds (issue 12.2:
 * every list and string has a count or length limit; anything over it is a 400, nothing is cut or stored),
 * and stores each outcome with its sender. Feedback on a card this service issued to another caller (issuer
 * and tenant) is ignored and counted (issue 12.4).
 */
@Component
class FeedbackReceiver {

    private static final Logger log = LoggerFactory.getLogger(FeedbackReceiver.class);

    static final int MAX_ITEMS = 100;
    static final int MAX_CARD_CHARS = 128;
    static final int MAX_SUGGESTIONS = 20;
    static final int MAX_SUGGESTION_ID_CHARS = 128;
    static final int MAX_SYSTEM_CHARS = 256;
    static final int MAX_CODE_CHARS = 128;
    static final int MAX_DISPLAY_CHARS = 256;
    static final int MAX_COMMENT_CHARS = 1000;
    static final int MAX_TIMESTAMP_CHARS = 40;

    private final CdsServiceRegistry registry;
    private final FeedbackStore store;
    private final CardLedger ledger;
    private final Clock clock;
    private final AtomicLong ignoredForeign = new AtomicLong();

    private final HookMetrics metrics;
    private final StoreMetrics storeMetrics;

    /** Without meters (tests). */
    FeedbackReceiver(CdsServiceRegistry registry, FeedbackStore store, CardLedger ledger, Clock clock) {
        this(registry, store, ledger, clock, new HookMetrics(new SimpleMeterRegistry(), registry, null),
                new StoreMetrics(new SimpleMeterRegistry()));
    }

    @Autowired
    FeedbackReceiver(CdsServiceRegistry registry, FeedbackStore store, CardLedger ledger, Clock clock,
                     HookMetrics metrics, StoreMetrics storeMetrics) {
        this.registry = registry;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.metrics = metrics;
        this.storeMetrics = storeMetrics;
    }

    /** How many feedback items named a card issued to another caller (ignored). */
    long ignoredForeignFeedback() {
        return ignoredForeign.get();
    }

    int receive(String serviceId, FeedbackRequest body) {
        return receive(serviceId, body, "demo");
    }

    int receive(String serviceId, FeedbackRequest body, String owner) {
        CdsService service = registry.find(serviceId);
        if (body == null || body.feedback() == null || body.feedback().isEmpty()) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK", "'feedback' must be a non-empty array");
        }
        if (body.feedback().size() > MAX_ITEMS) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK", "At most " + MAX_ITEMS + " feedback items per call");
        }
        List<Feedback> valid = new ArrayList<>();
        for (FeedbackRequest.Item item : body.feedback()) {
            valid.add(validate(service.id(), item, owner));
        }
        int stored = 0;
        for (Feedback f : valid) {
            Optional<LedgerEntry> issued = ledger.entry(f.cardUuid());
            if (issued.isPresent() && !issued.get().owner().equals(owner)) {
                long n = ignoredForeign.incrementAndGet();
                log.warn("Feedback for a card issued to another caller was ignored ({} so far)", n);
                continue;
            }
            storeMetrics.timed("feedback", "save", () -> store.save(f, issued));
            metrics.feedback(f);
            stored++;
        }
        return stored;
    }

    private Feedback validate(String serviceId, FeedbackRequest.Item item, String owner) {
        if (item == null || item.card() == null || item.card().isBlank() || item.card().length() > MAX_CARD_CHARS) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-CARD", "Each feedback item needs 'card' (the card uuid)");
        }
        boolean accepted = "accepted".equals(item.outcome());
        if (!accepted && !"overridden".equals(item.outcome())) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-OUTCOME", "'outcome' must be 'accepted' or 'overridden'");
        }
        List<String> suggestions = new ArrayList<>();
        if (item.acceptedSuggestions() != null) {
            if (item.acceptedSuggestions().size() > MAX_SUGGESTIONS) {
                throw CdsProblem.invalid("CDS-400-FEEDBACK-SUGGESTION", "At most " + MAX_SUGGESTIONS
                        + " accepted suggestions per feedback item");
            }
            for (FeedbackRequest.AcceptedSuggestion s : item.acceptedSuggestions()) {
                if (s != null && s.id() != null && s.id().length() > MAX_SUGGESTION_ID_CHARS) {
                    throw CdsProblem.invalid("CDS-400-FEEDBACK-SUGGESTION", "An accepted suggestion id is at most "
                            + MAX_SUGGESTION_ID_CHARS + " characters");
                }
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
        String comment = null;
        FeedbackRequest.OverrideReason reason = item.overrideReason();
        if (reason != null) {
            comment = reason.userComment();
            bounded(reason.userComment(), MAX_COMMENT_CHARS, "overrideReason.userComment");
            if (reason.reason() != null) {
                bounded(reason.reason().system(), MAX_SYSTEM_CHARS, "overrideReason.reason.system");
                bounded(reason.reason().code(), MAX_CODE_CHARS, "overrideReason.reason.code");
                bounded(reason.reason().display(), MAX_DISPLAY_CHARS, "overrideReason.reason.display");
                if (reason.reason().code() != null) {
                    override = reason.reason().system() + "|" + reason.reason().code();
                }
            }
        }
        return new Feedback(serviceId, item.card(), accepted, suggestions, override, when, clock.instant(), owner,
                comment);
    }

    private static void bounded(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TOO-LONG", "'" + field + "' is at most " + max + " characters");
        }
    }

    private static Instant timestamp(String value) {
        if (value == null) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TIMESTAMP", "'outcomeTimestamp' is required");
        }
        if (value.length() > MAX_TIMESTAMP_CHARS) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TIMESTAMP", "'outcomeTimestamp' must be an RFC 3339 date-time");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsProblem.invalid("CDS-400-FEEDBACK-TIMESTAMP", "'outcomeTimestamp' must be an RFC 3339 date-time");
        }
    }
}
