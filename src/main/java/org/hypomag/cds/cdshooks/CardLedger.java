package org.hypomag.cds.cdshooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hypomag.cds.cards.ActionType;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.Suggestion;
import org.hypomag.cds.security.CallerIdentity;
import org.springframework.stereotype.Component;

/**
 * Remembers the cards this service issued (by uuid, bounded, for a day) so feedback, which names only a
 * card uuid, can be tied back to the caller (issuer and tenant, issue 12.4), patient, encounter and content it
 * was about, and to what each suggestion would order (order fingerprints, issue 19.15). Holds no PHI beyond
 * the ids the EHR sent and hashes of the card's content and of the suggested orders.
 */
@Component
class CardLedger {

    static final int MAX_CARDS = 100_000;

    private static final int MAX_PER_SCOPE = 200;

    private final Cache<String, Issued> byUuid = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();
    private final Cache<String, List<String>> uuidsByScope = Caffeine.newBuilder()
            .maximumSize(MAX_CARDS).expireAfterWrite(Duration.ofHours(24)).build();

    void record(String owner, HookCall call, List<Card> cards, Instant at) {
        if (cards.isEmpty()) {
            return;
        }
        String scope = scope(owner, call);
        for (Card card : cards) {
            Map<String, Set<String>> orders = new LinkedHashMap<>();
            for (Suggestion s : card.suggestions()) {
                Set<String> prints = new HashSet<>();
                s.actions().stream().filter(a -> a.type() == ActionType.CREATE || a.type() == ActionType.UPDATE)
                        .forEach(a -> prints.addAll(OrderPrints.ofResource(a.resource())));
                orders.put(s.uuid(), Set.copyOf(prints));
            }
            byUuid.put(card.uuid(), new Issued(call.serviceId(), owner, scope, fingerprint(card), at, orders));
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

    /**
     * Cards issued to the same caller (issuer and tenant: one EHR never sees another's answers, 12.4) in the
     * same clinical scope (patient + encounter, or patient + user without one).
     */
    static String scope(String owner, HookCall call) {
        return owner + "|" + call.patientId() + "|"
                + (call.encounterId() != null ? "E:" + call.encounterId() : "U:" + call.userId());
    }

    /** The ledger's name for a caller: issuer and tenant; "demo" for the unauthenticated demo caller. */
    static String owner(CallerIdentity caller) {
        if (caller == null || caller.demo()) {
            return "demo";
        }
        return "iss:" + caller.issuer() + "\n" + (caller.tenant() == null ? "" : caller.tenant());
    }

    /**
     * What makes two cards "the same card": its type, urgency, wording and what it suggests — not its uuid.
     * A changed value, date or dose changes the fingerprint, so a changed situation is shown again.
     */
    static String fingerprint(Card card) {
        StringBuilder sb = new StringBuilder();
        sb.append(card.source().topic() == null ? "" : card.source().topic().code()).append('|')
                .append(card.indicator().name().toLowerCase(java.util.Locale.ROOT)).append('|').append(card.summary());
        for (Suggestion s : card.suggestions()) {
            sb.append('|').append(s.label());
            s.actions().forEach(a -> sb.append('#').append(a.type().wire()).append(Objects.hashCode(a.resource())));
        }
        return Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length();
    }

    /**
     * One issued card.
     *
     * @param owner       {@link #owner} of the caller it was issued to
     * @param orders      per suggestion uuid, the fingerprints ({@link OrderPrints}) of the orders it creates
     */
    record Issued(String serviceId, String owner, String scope, String fingerprint, Instant at,
                  Map<String, Set<String>> orders) {

        Issued {
            orders = Map.copyOf(orders);
        }
    }
}
