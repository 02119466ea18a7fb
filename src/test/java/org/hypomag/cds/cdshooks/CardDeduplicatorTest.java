package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hypomag.cds.cards.Action;
import org.hypomag.cds.cards.ActionType;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.Coding;
import org.hypomag.cds.cards.SelectionBehavior;
import org.hypomag.cds.cards.Source;
import org.hypomag.cds.cards.Suggestion;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DraftOrder;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.MedicationStatus;
import org.junit.jupiter.api.Test;

class CardDeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final CardLedger ledger = new CardLedger();
    private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
    private final CardDeduplicator dedup = new CardDeduplicator(ledger, feedback);

    private static Card card(String summary) {
        return new Card(UUID.randomUUID().toString(), summary, null, IndicatorLevel.WARNING,
                new Source("test", null, null, new Coding("urn:test", "hypomag-alert", null)),
                List.of(), null, List.of(), List.of());
    }

    private static HookCall call(String hook, String instance, String encounter) {
        return new HookCall("svc-" + hook, hook, instance, "p1", encounter, "Practitioner/1");
    }

    static final String EHR_A = "iss:https://ehr-a.example\n";
    static final String EHR_B = "iss:https://ehr-b.example\n";
    static final String MGSO4 = "{\"resourceType\":\"MedicationRequest\",\"status\":\"draft\",\"intent\":\"order\","
            + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
            + "\"code\":\"6585\"}],\"text\":\"magnesium sulfate\"},\"dosageInstruction\":[{\"doseAndRate\":[{"
            + "\"doseQuantity\":{\"value\":4,\"unit\":\"g\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g\"}}]}]}";

    private static Card card(String summary, String suggestionUuid) {
        return new Card(UUID.randomUUID().toString(), summary, null, IndicatorLevel.CRITICAL,
                new Source("test", null, null, new Coding("urn:test", "hypomag-alert", null)),
                List.of(new Suggestion("Order magnesium sulfate 4 g IV", suggestionUuid, true,
                        List.of(new Action(ActionType.CREATE, "Add magnesium sulfate", MGSO4, null)))),
                SelectionBehavior.AT_MOST_ONE, List.of(), List.of());
    }

    private static DraftOrder draft(String rxnorm, String dose, String unit) {
        return new DraftOrder("MedicationRequest", "d1", true,
                List.of(new Code("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, null)), "",
                dose == null ? null : new java.math.BigDecimal(dose), unit, null, null, MedicationStatus.DRAFT);
    }

    private void answer(Card card, boolean accepted) {
        answer("demo", card, accepted, "s1");
    }

    private void answer(String owner, Card card, boolean accepted, String suggestion) {
        feedback.save(new Feedback("svc", card.uuid(), accepted, accepted ? List.of(suggestion) : List.of(), null, T0,
                T0, owner));
    }

    /**
     * Issue 19.15, the sandbox scenario: the MgSO4 suggestion accepted on order-select (the draft was swapped,
     * never signed), then order-sign of the loop diuretic: the critical card must be shown again.
     */
    @Test
    void acceptedAtOrderSelect_butTheAcceptedOrderIsNotBeingSigned_isShownAgain() {
        Card shown = card("Severe hypomagnesemia: Mg 0.8 mg/dL", "sug-1");
        ledger.record(EHR_A, call("order-select", "i1", null), List.of(shown), T0);
        answer(EHR_A, shown, true, "sug-1");
        Card again = card("Severe hypomagnesemia: Mg 0.8 mg/dL", "sug-2");
        List<DraftOrder> loopDiuretic = List.of(draft("4603", "40", "mg"));
        assertThat(dedup.withoutAnswered(EHR_A, call("order-sign", "i2", null), List.of(again), loopDiuretic))
                .containsExactly(again);
        assertThat(dedup.withoutAnswered(EHR_A, call("order-sign", "i2", null), List.of(again), List.of()))
                .containsExactly(again);
    }

    @Test
    void acceptedAndTheAcceptedOrderIsAmongTheOrdersSigned_isLeftOut() {
        Card shown = card("Severe hypomagnesemia: Mg 0.8 mg/dL", "sug-1");
        ledger.record(EHR_A, call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(EHR_A, shown, true, "sug-1");
        Card again = card("Severe hypomagnesemia: Mg 0.8 mg/dL", "sug-2");
        assertThat(dedup.withoutAnswered(EHR_A, call("order-sign", "i2", "e1"), List.of(again),
                List.of(draft("4603", "40", "mg"), draft("6585", "4.0", "g")))).isEmpty();
        // the same drug at another dose is not the accepted order
        assertThat(dedup.withoutAnswered(EHR_A, call("order-sign", "i2", "e1"), List.of(again),
                List.of(draft("6585", "40", "g")))).containsExactly(again);
    }

    /** Issue 12.4: one EHR's feedback never suppresses another EHR's cards, even for the same patient ids. */
    @Test
    void anotherIssuersFeedbackOrLedger_neverSuppresses() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record(EHR_A, call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(EHR_A, shown, false, null);
        assertThat(dedup.withoutAnswered(EHR_B, call("order-sign", "i2", "e1"), List.of(card("Mg 1.3 mg/dL")),
                List.of())).hasSize(1);
        Card toB = card("Mg 1.4 mg/dL");
        ledger.record(EHR_B, call("order-select", "i3", "e1"), List.of(toB), T0);
        answer(EHR_A, toB, false, null); // A answers B's card (as the store would hold it, were it not refused)
        assertThat(dedup.withoutAnswered(EHR_B, call("order-sign", "i4", "e1"), List.of(card("Mg 1.4 mg/dL")),
                List.of())).hasSize(1);
    }

    @Test
    void cardOverriddenAtOrderSelect_isNotRepeatedEither() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record("demo", call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, false);
        assertThat(dedup.withoutAnswered("demo", call("order-sign", "i2", "e1"), List.of(card("Mg 1.3 mg/dL")), List.of())).isEmpty();
    }

    @Test
    void cardShownButNotAnswered_isRepeated() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record("demo", call("order-select", "i1", "e1"), List.of(shown), T0);
        assertThat(dedup.withoutAnswered("demo", call("order-sign", "i2", "e1"), List.of(card("Mg 1.3 mg/dL")), List.of())).hasSize(1);
    }

    @Test
    void changedSituation_isShownAgain() {
        Card shown = card("Mg 1.3 mg/dL on 2026-11-22");
        ledger.record("demo", call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, false);
        assertThat(dedup.withoutAnswered("demo", call("order-sign", "i2", "e1"),
                List.of(card("Mg 0.9 mg/dL on 2026-11-23")), List.of())).hasSize(1);
    }

    @Test
    void anotherEncounter_isShownAgain() {
        Card shown = card("Mg 1.3 mg/dL");
        ledger.record("demo", call("order-select", "i1", "e1"), List.of(shown), T0);
        answer(shown, true);
        assertThat(dedup.withoutAnswered("demo", call("order-sign", "i2", "e2"), List.of(card("Mg 1.3 mg/dL")), List.of())).hasSize(1);
    }
}
