package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/** Bounded in-memory feedback: the least recently written cards go first when full. */
@Component
class InMemoryFeedbackStore implements FeedbackStore {

    static final int MAX_CARDS = 50_000;
    private static final int MAX_PER_CARD = 20;

    private final Cache<String, List<Feedback>> byCard = Caffeine.newBuilder().maximumSize(MAX_CARDS).build();

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
