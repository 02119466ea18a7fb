package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Unit tests' feedback store (the service keeps feedback in the shared store, issue 14). Bounded in-memory feedback (issue 12.2): by bytes ({@link #MAX_BYTES}, estimated per stored outcome) and so
 * by count (each card weighs at least {@code MAX_BYTES / MAX_CARDS}, so at most {@link #MAX_CARDS} cards),
 * at most {@code MAX_PER_CARD} outcomes per card; the least recently written cards go first when full.
 */
class InMemoryFeedbackStore implements FeedbackStore {

    static final int MAX_CARDS = 50_000;
    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final int MAX_PER_CARD = 20;

    private final Cache<String, List<Feedback>> byCard = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((String card, List<Feedback> list) -> weight(card, list)).build();

    static int weight(String card, List<Feedback> list) {
        long bytes = 64 + 2L * card.length();
        for (Feedback f : list) {
            bytes += f.estimatedBytes();
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bytes, MAX_BYTES / MAX_CARDS));
    }

    /** The estimated bytes held (tests). */
    long estimatedBytes() {
        byCard.cleanUp();
        return byCard.asMap().entrySet().stream().mapToLong(e -> weight(e.getKey(), e.getValue())).sum();
    }

    @Override
    public void save(Feedback feedback) {
        ConcurrentMap<String, List<Feedback>> map = byCard.asMap();
        map.compute(feedback.cardUuid(), (k, list) -> {
            List<Feedback> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            boolean duplicate = next.stream().anyMatch(f -> sameOutcome(f, feedback));
            if (!duplicate && next.size() < MAX_PER_CARD) {
                next.add(feedback);
            }
            return List.copyOf(next);
        });
    }

    private static boolean sameOutcome(Feedback a, Feedback b) {
        return a.accepted() == b.accepted() && a.acceptedSuggestions().equals(b.acceptedSuggestions())
                && a.outcomeTimestamp().equals(b.outcomeTimestamp()) && a.serviceId().equals(b.serviceId());
    }

    @Override
    public List<Feedback> forCard(String cardUuid) {
        List<Feedback> list = byCard.getIfPresent(cardUuid);
        return list == null ? List.of() : list;
    }

    @Override
    public long size() {
        return byCard.asMap().values().stream().mapToLong(List::size).sum();
    }
}
