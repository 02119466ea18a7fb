package org.hypomag.cds.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One instance's memory, bounded (100,000 cards, 24 h, at most 200 cards per scope; the oldest go first): for
 * unit tests of the protocol layer, and the reference the database store is compared with. Ids are hashed as
 * in the database.
 */
public final class MemoryCardStore implements CardStore {

    static final int MAX_CARDS = 100_000;
    private static final int MAX_PER_SCOPE = 200;

    private final IdKeys keys = new IdKeys("memory-store-key-not-secret-0123456789");
    private final Cache<String, LedgerEntry> byUuid = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();
    private final Cache<String, List<String>> uuidsByScope = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();
    private final ConcurrentHashMap<String, List<FeedbackOutcome>> feedback = new ConcurrentHashMap<>();

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        for (IssuedCard c : cards) {
            byUuid.put(c.cardUuid(), new LedgerEntry(c.cardUuid(), c.serviceId(), c.hook(), c.cardType(),
                    c.indicator(), c.knowledgeVersion(), c.owner(), c.fingerprint(), c.orders(), c.issuedAt(),
                    keys.of(c.patientId()), keys.of(c.encounterId()), keys.of(c.userId())));
            uuidsByScope.asMap().compute(c.scope(), (k, old) -> {
                List<String> next = new ArrayList<>(old == null ? List.of() : old);
                next.add(c.cardUuid());
                return List.copyOf(next.size() > MAX_PER_SCOPE
                        ? next.subList(next.size() - MAX_PER_SCOPE, next.size()) : next);
            });
        }
    }

    @Override
    public List<LedgerEntry> issuedIn(String scope, Instant since) {
        List<LedgerEntry> out = new ArrayList<>();
        List<String> uuids = uuidsByScope.getIfPresent(scope);
        if (uuids != null) {
            uuids.forEach(u -> find(u, since).ifPresent(out::add));
        }
        return out;
    }

    @Override
    public Optional<LedgerEntry> find(String cardUuid, Instant since) {
        LedgerEntry e = byUuid.getIfPresent(cardUuid);
        return e == null || e.issuedAt().isBefore(since) ? Optional.empty() : Optional.of(e);
    }

    @Override
    public void saveFeedback(FeedbackOutcome outcome, LedgerEntry issued) {
        feedback.compute(outcome.cardUuid(), (k, old) -> {
            List<FeedbackOutcome> next = new ArrayList<>(old == null ? List.of() : old);
            if (next.stream().noneMatch(f -> JdbcCardStore.dedupKey(f).equals(JdbcCardStore.dedupKey(outcome)))) {
                next.add(outcome);
            }
            return List.copyOf(next);
        });
    }

    @Override
    public List<FeedbackOutcome> feedbackFor(Collection<String> cardUuids) {
        List<FeedbackOutcome> out = new ArrayList<>();
        cardUuids.forEach(u -> out.addAll(feedback.getOrDefault(u, List.of())));
        return out;
    }

    @Override
    public long feedbackCount() {
        return feedback.values().stream().mapToLong(List::size).sum();
    }
}
