package org.hypomag.cds.cdshooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.cards.ActionType;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.Suggestion;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.security.CallerIdentity;
import org.hypomag.cds.store.CardStore;
import org.hypomag.cds.store.IssuedCard;
import org.hypomag.cds.store.LedgerEntry;
import org.hypomag.cds.store.MemoryCardStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Remembers the cards this service issued (by uuid, for a day) so feedback, which names only a card uuid, can be
 * tied back to the caller (issuer and tenant, issue 12.4), patient, encounter and content it was about, and to
 * what each suggestion would order (order fingerprints, issue 19.15). Kept in the shared {@link CardStore}
 * (issue 14: every instance sees every card; ids only as keyed hashes there); the no-argument constructor keeps
 * them in this instance's memory (unit tests).
 */
@Component
class CardLedger {

    static final Duration TTL = Duration.ofHours(24);

    private final CardStore store;
    private final String knowledgeVersion;
    private final Clock clock = Clock.systemUTC();

    /** One instance's memory (unit tests). */
    CardLedger() {
        this(new MemoryCardStore(), (String) null);
    }

    @Autowired
    CardLedger(CardStore store, Knowledge knowledge) {
        this(store, knowledge.version());
    }

    CardLedger(CardStore store, String knowledgeVersion) {
        this.store = store;
        this.knowledgeVersion = knowledgeVersion;
    }

    /**
     * Records the cards of one call: one write to the store, whatever their number. The ledger runs on the real
     * clock (as the replay memory does): {@code clinicalNow} may be pinned (cds.clock.fixed) and is not stored.
     */
    void record(String owner, HookCall call, List<Card> cards, Instant clinicalNow) {
        if (cards.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        String scope = scope(owner, call);
        List<IssuedCard> rows = new ArrayList<>();
        for (Card card : cards) {
            Map<String, Set<String>> orders = new LinkedHashMap<>();
            for (Suggestion s : card.suggestions()) {
                Set<String> prints = new HashSet<>();
                s.actions().stream().filter(a -> a.type() == ActionType.CREATE || a.type() == ActionType.UPDATE)
                        .forEach(a -> prints.addAll(OrderPrints.ofAction(a)));
                orders.put(s.uuid(), Set.copyOf(prints));
            }
            rows.add(new IssuedCard(card.uuid(), call.serviceId(), call.hook(),
                    card.source().topic() == null ? null : card.source().topic().code(),
                    card.indicator().name().toLowerCase(Locale.ROOT), knowledgeVersion, owner, scope, call.patientId(),
                    call.encounterId(), call.userId(), fingerprint(card), orders, at));
        }
        store.recordIssued(rows);
    }

    /** The cards issued in a scope in the last 24 hours, with their uuids. */
    Map<String, Issued> issuedIn(String scope) {
        Map<String, Issued> out = new LinkedHashMap<>();
        for (LedgerEntry e : store.issuedIn(scope, clock.instant().minus(TTL))) {
            out.put(e.cardUuid(), issued(e, scope));
        }
        return out;
    }

    Optional<Issued> find(String cardUuid) {
        return entry(cardUuid).map(e -> issued(e, null));
    }

    /** The store's row of a card issued in the last 24 hours. */
    Optional<LedgerEntry> entry(String cardUuid) {
        return store.find(cardUuid, clock.instant().minus(TTL));
    }

    private static Issued issued(LedgerEntry e, String scope) {
        return new Issued(e.serviceId(), e.owner(), scope, e.fingerprint(), e.issuedAt(), e.orders());
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
     * @param scope       the scope it was looked up in, or null when found by uuid
     * @param orders      per suggestion uuid, the fingerprints ({@link OrderPrints}) of the orders it creates
     */
    record Issued(String serviceId, String owner, String scope, String fingerprint, Instant at,
                  Map<String, Set<String>> orders) {

        Issued {
            orders = Map.copyOf(orders);
        }
    }
}
