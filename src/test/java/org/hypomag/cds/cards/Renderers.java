package org.hypomag.cds.cards;

/** The renderers as {@link CardWiring} builds them for Spring, on the test knowledge and card texts. */
final class Renderers {

    private static final CardWiring W = new CardWiring();

    private Renderers() {
    }

    static PatientViewCardRenderer patientView() {
        CardFactory factory = W.cardFactory(Fixtures.CARDS, Fixtures.KNOWLEDGE);
        OrderWording wording = W.orderWording(Fixtures.CARDS, Fixtures.KNOWLEDGE);
        SuggestedOrders orders = W.suggestedOrders(Fixtures.CARDS, wording);
        AlertDetail detail = W.alertDetail(Fixtures.CARDS, Fixtures.KNOWLEDGE);
        RegimenSuggestions regimens = W.regimenSuggestions(Fixtures.CARDS, Fixtures.KNOWLEDGE, wording, orders);
        LabCards labs = W.labCards(factory, wording, orders, Fixtures.KNOWLEDGE);
        return W.patientViewCardRenderer(W.alertCards(factory, detail, regimens, Fixtures.KNOWLEDGE), labs,
                W.findingCards(factory, detail, labs, Fixtures.KNOWLEDGE), W.drugCards(factory, labs, Fixtures.KNOWLEDGE),
                W.hypocalcaemiaCards(factory, detail, regimens));
    }
}
