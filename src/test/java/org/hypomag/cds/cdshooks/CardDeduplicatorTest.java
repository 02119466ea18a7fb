package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CardDeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final CardLedger ledger = new CardLedger();
    private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
    private final CardDeduplicator dedup = new CardDeduplicator(ledger, feedback);

    private static Card card(String summary) {
        return new Card(UUID.randomUUID().toString(), summary, null, Indicator.WARNING,
                new Source("test", null, null, new Coding("urn:test", "hypomag-alert", null)),
                List.of(), null, List.of(), List.of());
    }

    private static HookCall call(String hook, String instance, String encounter) {
        return new HookCall("svc-" + hook, hook, instance, "p1", encounter, "Practitioner/1");
    }

    private void answer(Card card, boolean accepted) {
        feedback.save(new Feedback("svc", card.uuid(), accepted, accepted ? List.of("s1") : List.of(), null, T0, T0));
    }

    @Test
    void cardAcceptedAtOrderSelect_isNotRepeatedAtOrderSignInTheSameEncounter() {
        Card shown = card("Severe hypomagnesemia: Mg 0.8 mg/dL on 2026-11-22");
        ledger.record(call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, true);
        Card again = card("Severe hypomagnesemia: Mg 0.8 mg/dL on 2026-11-22");
        assertThat(dedup.withoutAnswered(call("order-sign", "i2", "e1"), List.of(again))).isEmpty();
    }

    @Test
    void cardOverriddenAtOrderSelect_isNotRepeatedEither() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record(call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, false);
        assertThat(dedup.withoutAnswered(call("order-sign", "i2", "e1"), List.of(card("Mg 1.3 mg/dL")))).isEmpty();
    }

    @Test
    void cardShownButNotAnswered_isRepeated() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record(call("order-select", "i1", "e1"), List.of(shown), T0);
        assertThat(dedup.withoutAnswered(call("order-sign", "i2", "e1"), List.of(card("Mg 1.3 mg/dL")))).hasSize(1);
    }

    @Test
    void changedSituation_isShownAgain() {
        Card shown = card("Mg 1.3 mg/dL on 2026-11-22");
        ledger.record(call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, false);
        assertThat(dedup.withoutAnswered(call("order-sign", "i2", "e1"),
                List.of(card("Mg 0.9 mg/dL on 2026-11-23")))).hasSize(1);
    }

    @Test
    void anotherEncounter_isShownAgain() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record(call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, true);
        assertThat(dedup.withoutAnswered(call("order-sign", "i2", "e2"), List.of(card("Mg 1.3 mg/dL")))).hasSize(1);
    }
}
