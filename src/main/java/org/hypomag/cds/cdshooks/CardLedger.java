package org.hypomag.cds.cdshooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Remembers the cards this service issued (by uuid, bounded, for a day) so feedback, which names only a
 * card uuid, can be tied back to the patient, encounter and content it was about. Holds no PHI beyond the
 * ids the EHR sent and a hash of the card's content.
 */
@Component
class CardLedger {

    static final int MAX_CARDS = 100_000;

    private static final int MAX_PER_SCOPE = 200;

    private final Cache<String, Issued> byUuid = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();
    private final Cache<String, List<String>> uuidsByScope = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();

    void record(HookCall call, List<Card> cards, Instant at) {
        if (cards.isEmpty()) {
            return;
        }
        String scope = scope(call);
        for (Card card : cards) {
            byUuid.put(card.uuid(), new Issued(call.serviceId(), scope, fingerprint(card), at));
        }
        uuidsByScope.asMap().compute(scope, (k, old) -> {
            List<String> next = new ArrayList<>(old == null ? List.of() : old);
            cards.forEach(c -> next.add(c.uuid()));
            return List.copyOf(next.size() > MAX_PER_SCOPE ? next.subList(next.size() - MAX_PER_SCOPE, next.size()) : next);
        });
    }

    /** The cards issued in a scope that the ledger still remembers, with their uuids. */
    Map<String, Issued> issuedIn(String scope) {
        Map<String, Issued> out = new LinkedHashMap<>();
        List<String> uuids = uuidsByScope.getIfPresent(scope);
        if (uuids != null) {
            uuids.forEach(u -> find(u).ifPresent(i -> out.put(u, i)));
        }
        return out;
    }

    Optional<Issued> find(String cardUuid) {
        return Optional.ofNullable(byUuid.getIfPresent(cardUuid));
    }

    /** Cards issued in the same clinical scope (patient + encounter, or patient + user without one). */
    static String scope(HookCall call) {
        return call.patientId() + "|" + (call.encounterId() != null ? "E:" + call.encounterId() : "U:" + call.userId());
    }

    /**
     * What makes two cards "the same card": its type, urgency, wording and what it suggests — not its uuid.
     * A changed value, date or dose changes the fingerprint, so a changed situation is shown again.
     */
    static String fingerprint(Card card) {
        StringBuilder sb = new StringBuilder();
        sb.append(card.source().topic() == null ? "" : card.source().topic().code()).append('|')
                .append(card.indicator().wire()).append('|').append(card.summary());
        for (Suggestion s : card.suggestions()) {
            sb.append('|').append(s.label());
            s.actions().forEach(a -> sb.append('#').append(a.type().wire()).append(Objects.hashCode(a.resource())));
        }
        return Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length();
    }

    /** One issued card. */
    record Issued(String serviceId, String scope, String fingerprint, Instant at) {
    }
}
