package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hypomag.cds.cards.Card;
import org.hypomag.cds.cards.Source;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.mockito.Mockito;

/** Issues 12.2 and 12.4: every stored feedback field is bounded; feedback on another caller's card is ignored. */
class FeedbackReceiverTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final CardLedger ledger = new CardLedger();
    final InMemoryFeedbackStore store = new InMemoryFeedbackStore();
    final FeedbackReceiver receiver;

    FeedbackReceiverTest() {
        CdsServiceRegistry registry = Mockito.mock(CdsServiceRegistry.class);
        CdsService service = Mockito.mock(CdsService.class);
        Mockito.when(service.id()).thenReturn("svc");
        Mockito.when(registry.find(Mockito.anyString())).thenReturn(service);
        receiver = new FeedbackReceiver(registry, store, ledger, Clock.fixed(T0, java.time.ZoneOffset.UTC));
    }

    static FeedbackRequest.Item accepted(String card, List<String> suggestionIds) {
        return new FeedbackRequest.Item(card, "accepted",
                suggestionIds.stream().map(FeedbackRequest.AcceptedSuggestion::new).toList(), null,
                "2026-11-23T10:00:00Z");
    }

    static FeedbackRequest.Item overridden(String card, String system, String code, String comment) {
        return new FeedbackRequest.Item(card, "overridden", null, new FeedbackRequest.OverrideReason(
                new FeedbackRequest.ReasonCoding(system, code, null), comment), "2026-11-23T10:00:00Z");
    }

    @Provide
    Arbitrary<FeedbackRequest.Item> oversized() {
        String card = UUID.randomUUID().toString();
        Arbitrary<FeedbackRequest.Item> manySuggestions = Arbitraries.integers().between(21, 5000)
                .map(n -> accepted(card, java.util.Collections.nCopies(n, "s")));
        Arbitrary<FeedbackRequest.Item> longSuggestion = Arbitraries.integers().between(129, 200_000)
                .map(n -> accepted(card, List.of("s".repeat(n))));
        Arbitrary<FeedbackRequest.Item> longCode = Arbitraries.integers().between(129, 200_000)
                .map(n -> overridden(card, "urn:x", "c".repeat(n), null));
        Arbitrary<FeedbackRequest.Item> longSystem = Arbitraries.integers().between(257, 200_000)
                .map(n -> overridden(card, "urn:" + "x".repeat(n), "c", null));
        Arbitrary<FeedbackRequest.Item> longComment = Arbitraries.integers().between(1001, 200_000)
                .map(n -> overridden(card, "urn:x", "c", "y".repeat(n)));
        Arbitrary<FeedbackRequest.Item> longCard = Arbitraries.integers().between(129, 200_000)
                .map(n -> overridden("k".repeat(n), "urn:x", "c", null));
        return Arbitraries.oneOf(manySuggestions, longSuggestion, longCode, longSystem, longComment, longCard);
    }

    @Property(tries = 120, seed = "20261202")
    void anyFieldOverItsBound_is400AndNothingIsStored(@ForAll("oversized") FeedbackRequest.Item item) {
        assertThatThrownBy(() -> receiver.receive("svc", new FeedbackRequest(List.of(item)), "demo"))
                .isInstanceOfSatisfying(CdsProblem.class, p -> assertThat(p.getMessage()).isNotBlank());
        assertThat(store.size()).isZero();
    }

    @org.junit.jupiter.api.Test
    void tooManyItems_is400() {
        List<FeedbackRequest.Item> items = new ArrayList<>();
        for (int i = 0; i <= FeedbackReceiver.MAX_ITEMS; i++) {
            items.add(overridden(UUID.randomUUID().toString(), "urn:x", "c", null));
        }
        assertThatThrownBy(() -> receiver.receive("svc", new FeedbackRequest(items), "demo"))
                .isInstanceOf(CdsProblem.class);
    }

    /** The review's attack: 22 calls of 4.4 MB of acceptedSuggestions; now refused, and the store stays small. */
    @org.junit.jupiter.api.Test
    void storeIsBoundedByBytes_evenAtTheFieldLimits() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FeedbackReceiver.MAX_SUGGESTIONS; i++) {
            ids.add(String.valueOf(i).repeat(FeedbackReceiver.MAX_SUGGESTION_ID_CHARS).substring(0, 128));
        }
        for (int call = 0; call < 300; call++) {
            List<FeedbackRequest.Item> items = new ArrayList<>();
            for (int i = 0; i < FeedbackReceiver.MAX_ITEMS; i++) {
                items.add(accepted(UUID.randomUUID().toString(), ids));
            }
            receiver.receive("svc", new FeedbackRequest(items), "demo");
        }
        assertThat(store.estimatedBytes()).isLessThanOrEqualTo(InMemoryFeedbackStore.MAX_BYTES);
    }

    @org.junit.jupiter.api.Test
    void feedbackOnAnotherCallersCard_isIgnoredAndCounted() {
        Card card = new Card(UUID.randomUUID().toString(), "Mg 1.3 mg/dL", null, IndicatorLevel.WARNING,
                new Source("test", null, null, null), List.of(), null, List.of(), List.of());
        ledger.record("iss:https://ehr-a.example\n", new HookCall("svc", "order-select", "i1", "p1", "e1", null),
                List.of(card), T0);
        int stored = receiver.receive("svc", new FeedbackRequest(List.of(overridden(card.uuid(), "urn:x", "c", null))),
                "iss:https://ehr-b.example\n");
        assertThat(stored).isZero();
        assertThat(store.forCard(card.uuid())).isEmpty();
        assertThat(receiver.ignoredForeignFeedback()).isEqualTo(1);
        assertThat(receiver.receive("svc", new FeedbackRequest(List.of(overridden(card.uuid(), "urn:x", "c", null))),
                "iss:https://ehr-a.example\n")).isEqualTo(1);
    }
}
